"""Payments at the desk: the receipts (kuitansi) of a day, a receipt as PDF, a
void (BATAL) as a supervisor who logs in, a sale (`sell`) and the price list,
the refunds owed (`refunds`) and paying one out (`pay-refund`).

A script sells as the sale dialog does: the same service call, the same checks,
one transaction. The sale (and a refund paid out) goes into the command line's
own cash shift at this desk (a till apart from anyone's drawer in the window),
opened with a zero float in the sale's transaction when none is open, so a
refused sale opens nothing.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from typing import Any

from smesco_desk.cli.support import (
    EXIT_OK,
    EXIT_USAGE,
    SUPERVISOR,
    CliError,
    Commands,
    Subcommands,
    add_login,
    add_output,
    check_output,
    iso_date,
    json_text,
    login,
    open_desk,
    say,
    write_file,
)
from smesco_desk.domain.charges import LineInput
from smesco_desk.domain.money import InvalidAmount, parse_rupiah
from smesco_desk.domain.payments import PayerKind, PaymentMethod
from smesco_desk.services.actors import Permission, cli_actor
from smesco_desk.services.core import Core
from smesco_desk.values.payments import (
    ChargeForm,
    ChargeRecord,
    PayerForm,
    PaymentForm,
    PriceItemInfo,
    ReceiptFilter,
    ReceiptRecord,
)

DEFAULT_PAYER = "Pengunjung umum"  # a walk-in who gave no name
_WHOLE = re.compile(r"-?[0-9]{1,30}")


def register(sub: Subcommands) -> Commands:
    receipts = sub.add_parser("receipts", help="list receipts (kuitansi) of a day")
    receipts.add_argument("--date", type=iso_date, default=None, help="YYYY-MM-DD (WIB)")
    receipts.add_argument("--search", default="", help="number, payer or amount")
    receipts.add_argument("--json", action="store_true")

    receipt = sub.add_parser("receipt", help="write a receipt as PDF (a reprint is SALINAN)")
    receipt.add_argument("number", metavar="NUMBER")
    add_output(receipt)
    receipt.add_argument("--format", choices=["thermal", "a5"], default="thermal")

    void = sub.add_parser("void-receipt", help="void (BATAL) a receipt, with a reason")
    void.add_argument("number", metavar="NUMBER")
    void.add_argument("--reason", required=True)
    void.add_argument("--json", action="store_true")
    add_login(void, SUPERVISOR)
    _add_sale_parsers(sub)
    refunds = sub.add_parser("refunds", help="refunds owed to payers, not yet paid out")
    refunds.add_argument("--json", action="store_true")
    pay_refund = sub.add_parser("pay-refund", help="pay a refund owed out to its payer")
    pay_refund.add_argument("charge_id", metavar="CHARGE_ID", help="as `refunds` lists it")
    pay_refund.add_argument("--method", required=True, choices=["cash", "transfer", "qris"])
    pay_refund.add_argument("--reference", default="", help="transfer or QRIS reference")
    pay_refund.add_argument("--output", "-o", default=None, metavar="FILE.pdf",
                            help="also write the proof (Bukti pengembalian dana)")  # fmt: skip
    pay_refund.add_argument("--force", action="store_true", help="replace FILE if not a PDF")
    pay_refund.add_argument("--json", action="store_true")
    add_login(pay_refund, "who pays it out (any role that takes payments)")
    return {
        "receipts": cmd_receipts,
        "receipt": cmd_receipt,
        "void-receipt": cmd_void_receipt,
        "sell": cmd_sell,
        "prices": cmd_prices,
        "refunds": cmd_refunds,
        "pay-refund": cmd_pay_refund,
    }


def _count(text: str) -> int:
    if not _WHOLE.fullmatch(text.strip()):
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}")
    return int(text)


def _rupiah(text: str) -> int:
    try:
        return parse_rupiah(text)
    except InvalidAmount:
        raise argparse.ArgumentTypeError(
            f"not a rupiah amount (e.g. 15000 or 15.000): {text!r}"
        ) from None


class _ItemAction(argparse.Action):
    """--item CODE: a line from the price list (quantity 1 unless --qty follows)."""

    def __call__(self, parser: Any, namespace: Any, values: Any, option: Any = None) -> None:
        lines = list(getattr(namespace, self.dest) or [])
        lines.append({"item": values, "qty": None})
        setattr(namespace, self.dest, lines)


class _QtyAction(argparse.Action):
    """--qty N: the quantity of the --item just before it."""

    def __call__(self, parser: Any, namespace: Any, values: Any, option: Any = None) -> None:
        lines = list(getattr(namespace, self.dest) or [])
        if not lines or "item" not in lines[-1] or lines[-1]["qty"] is not None:
            parser.error("--qty must follow an --item (once)")
        lines[-1] = {**lines[-1], "qty": values}
        setattr(namespace, self.dest, lines)


class _LineAction(argparse.Action):
    """--line "TEXT=PRICE": a line typed in, one of it at that price."""

    def __call__(self, parser: Any, namespace: Any, values: Any, option: Any = None) -> None:
        text, equals, price = str(values).rpartition("=")
        if not equals:
            parser.error(f'--line needs "TEXT=PRICE": {values!r}')
        try:
            amount = _rupiah(price)
        except argparse.ArgumentTypeError as exc:
            parser.error(f"--line: {exc}")
        lines = list(getattr(namespace, self.dest) or [])
        lines.append({"text": text, "price": amount})
        setattr(namespace, self.dest, lines)


def _add_sale_parsers(sub: Subcommands) -> None:
    sell = sub.add_parser("sell", help="sell at this desk (price-list items or typed lines)")
    sell.add_argument("--payer", default=None, help=f"who pays (default: {DEFAULT_PAYER})")
    sell.add_argument(
        "--item", action=_ItemAction, dest="sale_lines", metavar="CODE", help="a price-list code"
    )
    sell.add_argument(
        "--qty", action=_QtyAction, dest="sale_lines", type=_count, metavar="N", help="of the item"
    )
    sell.add_argument(
        "--line", action=_LineAction, dest="sale_lines", metavar="TEXT=PRICE", help="a typed line"
    )
    sell.add_argument("--method", required=True, choices=[m.value for m in PaymentMethod])
    sell.add_argument("--tendered", type=_rupiah, default=None, help="cash handed over")
    sell.add_argument("--reference", default="", help="QRIS, transfer or card reference")
    sell.add_argument("--json", action="store_true")
    add_login(sell, "who sells (any role that takes payments)")
    prices = sub.add_parser("prices", help="the price list")
    prices.add_argument("--all", action="store_true", help="inactive items too")
    prices.add_argument("--json", action="store_true")


# --- receipts ----------------------------------------------------------------------


def _receipt_lines(receipts: Sequence[ReceiptRecord], as_json: bool) -> None:
    if as_json:
        print(json_text([r.to_json() for r in receipts]))
        return
    for r in receipts:
        j = r.to_json()
        state = "VOID" if r.voided else ""
        print(f"{r.number}\t{j['issued_at']}\t{r.payer_name}\t{r.method}\t{r.total}\t{state}")


def cmd_receipts(args: argparse.Namespace) -> int:
    core = open_desk(args)
    flt = ReceiptFilter(
        day=args.date, text=args.search, all_days=bool(args.search) and not args.date
    )
    found = core.payments.receipts(flt)
    _receipt_lines(list(reversed(found)), args.json)  # oldest first, as issued
    return EXIT_OK


def cmd_receipt(args: argparse.Namespace) -> int:
    """The print is recorded only once the file is written: a path that cannot be
    written must not make the first real print a SALINAN."""
    output = check_output(args.output, args.force)
    core = open_desk(args)
    actor = cli_actor()
    record, pdf = core.payments.receipt_pdf(actor, args.number, args.format, record_print=False)
    write_file(output, pdf)
    noted = core.payments.record_print(actor, record.id, args.format)
    if noted.print_count != record.print_count:  # printed elsewhere meanwhile: a copy
        record, pdf = core.payments.receipt_pdf(actor, record.id, args.format, record_print=False)
        write_file(output, pdf)
    copy = " (SALINAN)" if record.print_count else ""
    say(f"receipt {record.number} written{copy}: {output}")
    return EXIT_OK


def cmd_void_receipt(args: argparse.Namespace) -> int:
    core = open_desk(args)
    actor = login(core, args.user, Permission.VOID_RECEIPT)
    record = core.payments.void(actor, args.number, args.reason)
    _receipt_lines([record], args.json)
    return EXIT_OK


# --- a sale and the price list -------------------------------------------------------


def cmd_sell(args: argparse.Namespace) -> int:
    core = open_desk(args)
    if not args.sale_lines:
        raise CliError("sell: give at least one --item CODE or --line TEXT=PRICE", EXIT_USAGE)
    payer = PayerForm(PayerKind.VISITOR.value, DEFAULT_PAYER if args.payer is None else args.payer)
    lines = _lines(args.sale_lines, {p.code: p for p in core.payments.price_list()})
    kinds = [k.code for k in core.payments.charge_kinds()]
    form = ChargeForm(payer, sale_kind(lines, core, kinds), tuple(lines), source="sale")
    payment = PaymentForm(args.method, args.tendered, args.reference)
    actor = login(core, args.user, Permission.TAKE_PAYMENT)
    receipt = core.payments.sell(actor, form, payment, open_shift=True)
    if args.json:
        say(json_text(receipt.to_json()))
    else:
        say(f"{receipt.number}\t{receipt.payer_name}\t{receipt.method}\t{receipt.total}")
    return EXIT_OK


def _lines(specs: Sequence[dict[str, Any]], items: dict[str, PriceItemInfo]) -> list[LineInput]:
    lines: list[LineInput] = []
    for spec in specs:
        if "text" in spec:
            lines.append(LineInput(spec["text"], 1, spec["price"]))
            continue
        item = items.get(str(spec["item"]).strip().lower())
        if item is None:
            raise CliError(
                f"--item {spec['item']}: not on the price list (see `prices`)", EXIT_USAGE
            )
        qty = 1 if spec["qty"] is None else spec["qty"]
        lines.append(LineInput(item.name, qty, item.unit_price, 0, item.unit, item.code))
    for number, line in enumerate(lines, 1):
        if line.unit_price == 0:  # as the sale dialog: a price never filled in
            raise CliError(f"line {number} ({line.description}): the price is Rp0", EXIT_USAGE)
    return lines


def sale_kind(lines: Sequence[LineInput], core: Core, kinds: Sequence[str]) -> str:
    """The kind of charge, as the sale dialog decides it: the items' kind when
    every line is a price-list item of one kind, else "other" (Lain-lain)."""
    item_kinds = {p.code: p.kind_code for p in core.payments.price_list(active_only=False)}
    found = {item_kinds.get(ln.item_code or "") for ln in lines}
    if len(found) == 1 and None not in found:
        (kind,) = found
        if kind in kinds:
            return str(kind)
    for fallback in ("other", "service"):
        if fallback in kinds:
            return fallback
    return kinds[0] if kinds else "other"


def cmd_prices(args: argparse.Namespace) -> int:
    core = open_desk(args)
    items = core.payments.price_list(active_only=not args.all)
    if args.json:
        data = [
            {
                "code": p.code,
                "name": p.name,
                "price": p.unit_price,
                "unit": p.unit,
                "kind": p.kind_code,
                "active": p.active,
            }
            for p in items
        ]
        say(json_text(data))
        return EXIT_OK
    for p in items:
        say(f"{p.code}\t{p.name}\t{p.unit_price}\t{p.unit}")
    return EXIT_OK


# --- refunds owed ------------------------------------------------------------------------


def _refund_json(credit: ChargeRecord) -> dict[str, Any]:
    booking = (
        credit.source.removeprefix("booking:") if credit.source.startswith("booking:") else None
    )
    return {**credit.to_json(), "amount": -credit.total, "booking": booking}


def cmd_refunds(args: argparse.Namespace) -> int:
    core = open_desk(args)
    owed = core.payments.refunds_due()
    if args.json:
        say(json_text([_refund_json(c) for c in owed]))
        return EXIT_OK
    for c in owed:
        say(f"{c.id}\t{c.payer_name}\t{-c.total}\t{c.description}")
    return EXIT_OK


def cmd_pay_refund(args: argparse.Namespace) -> int:
    """Paid out from the command line's own till (as `sell`); the proof is written
    only once the payout is committed, so a bad path never stops a payout."""
    output = None if args.output is None else check_output(args.output, args.force)
    core = open_desk(args)
    actor = login(core, args.user, Permission.TAKE_PAYMENT)
    payout = core.payments.pay_refund(
        actor, args.charge_id, args.method, args.reference, open_shift=True
    )
    if output is not None:
        _record, pdf = core.payments.refund_pdf(actor, payout.id)
        write_file(output, pdf)
    if args.json:
        say(json_text(payout.to_json()))
    else:
        say(f"{payout.id}\t{payout.payer_name}\t{payout.method}\t{payout.amount}")
    return EXIT_OK
