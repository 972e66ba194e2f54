"""Documents of payments: a receipt's PDF (thermal roll or A5), a shift's
cash-up report (A4), the proof of a refund paid out (thermal roll), and the
prints of receipts noted as they happen.

The first print of a receipt is its original; every print after it is a copy
(SALINAN). A preview notes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from smesco_desk.db.models import ReceiptPrint
from smesco_desk.domain.payments import ReceiptFormat
from smesco_desk.errors import DomainError
from smesco_desk.i18n import _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.payments.mapping import receipt_value
from smesco_desk.services.payments.receipts import find, receipt
from smesco_desk.services.payments.refunds import refund_payout
from smesco_desk.services.payments.shifts import shift_payouts, shift_receipts, shift_row, summary
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.payments import ReceiptRecord, RefundPayoutRecord
from smesco_desk.values.tenancy import Building

if TYPE_CHECKING:
    from smesco_desk.services.core import Core


def receipt_pdf(
    core: Core,
    actor: Actor,
    key: str,
    fmt: ReceiptFormat | str = ReceiptFormat.THERMAL,
    *,
    record_print: bool = True,
) -> tuple[ReceiptRecord, bytes]:
    """The receipt's PDF. With record_print (printing, saving) the print is
    noted first and every print after the first is a copy (SALINAN); without
    it (a preview) nothing is written and the PDF shows what would print."""
    from smesco_desk.printing.receipt import render_receipt

    fmt = receipt_format(fmt)
    require(actor, Permission.VIEW_RECEIPTS)
    issuer = letterhead(core)

    def render(rec: ReceiptRecord) -> bytes:
        return render_receipt(
            rec,
            building_name=issuer.name,
            building_address=issuer.address,
            building_npwp=issuer.npwp,
            building_city=issuer.city,
            fmt=fmt,
            copy=rec.print_count > 0,
        )

    rec = receipt(core, key)
    pdf = render(rec)  # a document that cannot be made is not counted as printed
    if record_print:
        noted = note_print(core, actor, rec.id, fmt)
        if noted.print_count != rec.print_count:  # printed elsewhere meanwhile
            rec, pdf = noted, render(noted)
    return rec, pdf


def note_print(core: Core, actor: Actor, key: str, fmt: ReceiptFormat | str) -> ReceiptRecord:
    """Note that the receipt goes to a printer or a PDF now.

    Returns the receipt as it must be printed: `print_count` is the number of
    earlier prints, so anything but 0 prints as a copy (SALINAN).
    """
    require(actor, Permission.VIEW_RECEIPTS)
    fmt = receipt_format(fmt)
    with Transaction.begin(core, actor) as tx:
        row = find(core, tx.session, key)
        before = receipt_value(tx.session, row)
        mark = ReceiptPrint(
            receipt_id=row.id,
            printed_at=tx.now,
            printed_by=actor.username,
            format=fmt.value,
            copy=before.print_count > 0,
        )
        tx.insert(mark)
        action = "receipt.reprint" if mark.copy else "receipt.print"
        tx.record(action, [(mark, "insert")], {"number": row.number, "format": fmt.value})
        return before


def cashup_pdf(
    core: Core, actor: Actor, shift_id: str, counted: dict[str, int] | None = None
) -> bytes:
    """The A4 cash-up report of a shift (open: a provisional report, with the
    cash being counted if `counted` is given; closed: the final one)."""
    from smesco_desk.printing.cashup import render_cashup

    require(actor, Permission.VIEW_RECEIPTS)
    with core.db.read() as session:
        figures = summary(session, shift_row(session, shift_id), counted)
        payouts = shift_payouts(session, shift_id)
    name, address = building(core)
    return render_cashup(
        figures,
        shift_receipts(core, shift_id),
        payouts,
        building_name=name,
        building_address=address,
        printed_at=core.now(),
    )


def refund_pdf(core: Core, actor: Actor, payout_id: str) -> tuple[RefundPayoutRecord, bytes]:
    """The proof of a refund paid out (Bukti pengembalian dana), on the 80 mm roll
    the receipts print on: its PDF, printed as often as needed (nothing noted)."""
    from smesco_desk.printing.receipt.refund import render_refund

    require(actor, Permission.VIEW_RECEIPTS)
    payout = refund_payout(core, payout_id)
    name, address = building(core)
    return payout, render_refund(payout, building_name=name, building_address=address)


def building(core: Core) -> tuple[str, str]:
    """The building's name and address, as documents print them."""
    issuer = letterhead(core)
    return issuer.name, issuer.address


def letterhead(core: Core) -> Building:
    """The issuer as a kuitansi heads and signs it (name, address, NPWP, city)."""
    return core.settings.letterhead()


def receipt_format(fmt: ReceiptFormat | str) -> ReceiptFormat:
    """The paper a receipt is laid out for; anything else is a field error."""
    try:
        return ReceiptFormat(fmt)
    except ValueError:
        raise DomainError(
            _("Format kuitansi tidak dikenal: pilih thermal atau a5."), "format"
        ) from None
