"""What a payment may be: the whole total, paid once, by one method.

Cash may be more than the total (change is given, within reason), never less;
any other method pays exactly the total and carries the transaction's reference.
"""

from __future__ import annotations

from dataclasses import dataclass

from smesco_desk.domain.money import format_rupiah
from smesco_desk.domain.payments import PaymentMethod
from smesco_desk.domain.text import unstorable
from smesco_desk.errors import ValidationError
from smesco_desk.i18n import _
from smesco_desk.values.payments import PaymentForm

MAX_CASH_TENDERED_OVER = 10_000_000  # more change than this is surely a typing slip


@dataclass(frozen=True)
class CleanPayment:
    method: PaymentMethod
    tendered: int
    change: int
    reference: str


def validate_payment(form: PaymentForm, total: int) -> CleanPayment:
    """The whole total, paid once: cash may be more (change is given), never less;
    other methods pay the exact total and carry a reference."""
    method = _method(form)
    tendered = total if form.tendered is None else form.tendered
    if not isinstance(tendered, int) or isinstance(tendered, bool) or tendered < 0:
        raise ValidationError({"tendered": _("Jumlah uang harus angka bulat rupiah.")})
    if unstorable(form.reference):
        raise ValidationError({"reference": _("Berisi karakter yang tidak dapat disimpan.")})
    reference = " ".join(form.reference.split())[:100]
    if method is PaymentMethod.CASH:
        _check_cash(tendered, total)
        return CleanPayment(method, tendered, tendered - total, reference)
    if tendered != total:
        raise ValidationError(
            {
                "tendered": _("Pembayaran non-tunai harus tepat sebesar total {total}.").format(
                    total=format_rupiah(total)
                )
            }
        )
    if len(reference) < 4:
        raise ValidationError(
            {"reference": _("Isi nomor referensi transaksi (paling sedikit 4 karakter).")}
        )
    return CleanPayment(method, total, 0, reference)


def validate_payment_fields(form: PaymentForm) -> None:
    """What can be checked of a payment before its total is known."""
    errors: dict[str, str] = {}
    method = _method(form)
    if unstorable(form.reference):
        errors["reference"] = _("Berisi karakter yang tidak dapat disimpan.")
    elif method is not PaymentMethod.CASH and len(" ".join(form.reference.split())) < 4:
        errors["reference"] = _("Isi nomor referensi transaksi (paling sedikit 4 karakter).")
    if errors:
        raise ValidationError(errors)


def _method(form: PaymentForm) -> PaymentMethod:
    try:
        return PaymentMethod(form.method)
    except ValueError:
        raise ValidationError({"method": _("Pilih cara bayar.")}) from None


def _check_cash(tendered: int, total: int) -> None:
    if tendered < total:
        raise ValidationError(
            {
                "tendered": _(
                    "Uang diterima kurang {short}. Pembayaran sebagian tidak diterima."
                ).format(short=format_rupiah(total - tendered))
            }
        )
    if tendered - total > MAX_CASH_TENDERED_OVER:
        raise ValidationError(
            {
                "tendered": _("Kembalian lebih dari {limit}: periksa jumlah uang.").format(
                    limit=format_rupiah(MAX_CASH_TENDERED_OVER)
                )
            }
        )
