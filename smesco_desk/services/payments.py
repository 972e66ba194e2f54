"""Charges, payments and receipts (kuitansi), voids, and the cash-up of a shift.

A payment and its receipt are one row (`receipts`), written in one transaction
with its number, its audit row and its outbox rows: after a crash either all of
it exists or none of it. The number comes from the desk's own gap-free series
for the year (`KW/<desk>/<year>/<seq>`), taken inside that transaction: two
processes on one file wait for each other (IMMEDIATE transactions), two desks
never share a series, and a desk restored from an old backup issues neither a
number its replaced database issued (skipped and recorded as a gap, see
receipt_series) nor, when linked, one the server holds before a sync told it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from smesco_desk.clock import to_wib, wib_day_bounds, wib_today
from smesco_desk.db.models import (
    CashShift,
    Charge,
    ChargeKind,
    ChargeLine,
    DeskCounter,
    DeskSetting,
    PriceItem,
    Receipt,
    ReceiptPrint,
    ReceiptVoid,
    SyncState,
)
from smesco_desk.domain.charges import (
    MAX_TOTAL,
    AmountError,
    ChargeTotals,
    LineInput,
    TaxAmount,
    TaxRule,
    compute_totals,
    validate_taxes,
)
from smesco_desk.domain.money import InvalidAmount, parse_rupiah
from smesco_desk.domain.payments import DENOMINATIONS, PayerKind, PaymentMethod, ReceiptFormat
from smesco_desk.domain.text import (
    clean_name,
    fold,
    has_visible,
    text_errors,
    unstorable,
    visible_length,
)
from smesco_desk.errors import AlreadyDone, DomainError, NotFound, ValidationError
from smesco_desk.i18n import _
from smesco_desk.services import receipt_series
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.recording import new_synced, record, touch
from smesco_desk.services.settings import SettingsService
from smesco_desk.values.payments import (
    ChargeForm,
    ChargeKindInfo,
    ChargeRecord,
    PaymentForm,
    PriceItemInfo,
    ReceiptFilter,
    ReceiptGap,
    ReceiptLine,
    ReceiptRecord,
    ReceiptsSummary,
    ShiftSummary,
    VoidInfo,
)

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

RECEIPT_PREFIX = "KW"
NUMBER_RE = re.compile(r"KW/([A-Z0-9-]+)/(\d{4})/(\d{6})")
# Set on a desk restored from a backup while it is linked to a server: no
# receipt number is issued until a sync has told it the numbers already used.
RESTORED_HOLD = "receipts_restored_hold"
MAX_CASH_TENDERED_OVER = 10_000_000  # more change than this is surely a typing slip
MIN_VOID_REASON = 5

DEFAULT_KINDS: tuple[tuple[str, str], ...] = (
    ("service", "Layanan"),
    ("room", "Sewa ruang"),
    ("stall_rent", "Sewa stan"),
    ("other", "Lain-lain"),
)
DEFAULT_PRICES: tuple[tuple[str, str, str, int, str], ...] = (
    ("workshop_hour", "Workshop produk (per jam)", "jam", 150_000, "service"),
    ("studio_hour", "Studio foto (per jam)", "jam", 250_000, "service"),
    ("print_bw", "Cetak hitam-putih A4", "lembar", 1_000, "service"),
    ("print_color", "Cetak warna A4", "lembar", 3_000, "service"),
    ("meeting_room_hour", "Ruang rapat kecil (per jam)", "jam", 300_000, "room"),
)


def receipt_number(desk: str, year: int, seq: int) -> str:
    return f"{RECEIPT_PREFIX}/{desk}/{year}/{seq:06d}"


@dataclass(frozen=True)
class _CleanPayment:
    method: PaymentMethod
    tendered: int
    change: int
    reference: str


class PaymentService:
    def __init__(self, core: Core) -> None:
        self.core = core

    # --- the price list and the kinds of charge --------------------------------

    def charge_kinds(self, active_only: bool = True) -> list[ChargeKindInfo]:
        with self.core.db.read() as session:
            query = select(ChargeKind).where(ChargeKind.deleted_at.is_(None))
            if active_only:
                query = query.where(ChargeKind.active.is_(True))
            return [_kind_info(k) for k in session.scalars(query.order_by(ChargeKind.code))]

    def save_charge_kind(
        self,
        actor: Actor,
        code: str,
        label: str,
        taxes: Sequence[TaxRule] = (),
        active: bool = True,
    ) -> ChargeKindInfo:
        """Add a kind of charge or change its label and taxes (future charges only)."""
        require(actor, Permission.MANAGE_PRICES)
        errors = text_errors({"code": code, "label": label})  # blank: said below
        if not isinstance(active, bool):
            errors["active"] = _("Pilih aktif atau tidak.")
        if errors:
            raise ValidationError(errors)
        code = code.strip().lower()
        if not re.fullmatch(r"[a-z][a-z0-9_]{1,31}", code):
            errors["code"] = _("Kode 2-32 huruf kecil, angka atau garis bawah.")
        if not label.strip():
            errors["label"] = _("Wajib diisi.")
        errors.update(validate_taxes(taxes))
        if errors:
            raise ValidationError(errors)
        now = self.core.now()
        with self.core.db.write() as session:
            row = session.scalar(select(ChargeKind).where(ChargeKind.code == code))
            op = "update"
            if row is None:
                row = ChargeKind(code=code, label="", taxes=[])
                new_synced(session, row, self.core.desk_code, now)
                op = "insert"
            else:
                touch(row, now)
            row.label = label.strip()
            row.taxes = [t.to_json() for t in taxes]
            row.active = active
            record(
                session,
                actor,
                self.core.desk_code,
                now,
                "charge_kind.save",
                [(row, op)],
                {"code": code, "taxes": row.taxes},
            )
            return _kind_info(row)

    def price_list(self, active_only: bool = True) -> list[PriceItemInfo]:
        with self.core.db.read() as session:
            query = select(PriceItem).where(PriceItem.deleted_at.is_(None))
            if active_only:
                query = query.where(PriceItem.active.is_(True))
            query = query.order_by(PriceItem.sort_order, PriceItem.name)
            return [_price_info(p) for p in session.scalars(query)]

    def save_price_item(
        self,
        actor: Actor,
        code: str,
        name: str,
        unit_price: int,
        unit: str = "",
        kind_code: str = "service",
        active: bool = True,
    ) -> PriceItemInfo:
        require(actor, Permission.MANAGE_PRICES)
        errors = _item_text_errors(code, name, unit, kind_code, active)
        if errors:
            raise ValidationError(errors)
        code = code.strip().lower()
        if not re.fullmatch(r"[a-z][a-z0-9_]{1,31}", code):
            errors["code"] = _("Kode 2-32 huruf kecil, angka atau garis bawah.")
        if not clean_name(name):
            errors["name"] = _("Wajib diisi.")
        if not isinstance(unit_price, int) or isinstance(unit_price, bool) or unit_price < 0:
            errors["unit_price"] = _("Harga harus angka bulat rupiah, tidak negatif.")
        elif unit_price >= MAX_TOTAL:
            errors["unit_price"] = _("Harga terlalu besar.")
        now = self.core.now()
        with self.core.db.write() as session:
            if _kind_row(session, kind_code) is None:
                errors["kind_code"] = _("Jenis tagihan tidak dikenal.")
            if errors:
                raise ValidationError(errors)
            row = session.scalar(select(PriceItem).where(PriceItem.code == code))
            op = "update"
            if row is None:
                order = session.scalar(select(func.max(PriceItem.sort_order))) or 0
                row = PriceItem(code=code, name="", unit_price=0, kind_code=kind_code)
                row.sort_order = order + 1
                new_synced(session, row, self.core.desk_code, now)
                op = "insert"
            else:
                touch(row, now)
            row.name = clean_name(name)
            row.unit = unit.strip()[:32]
            row.unit_price = unit_price
            row.kind_code = kind_code
            row.active = active
            record(
                session,
                actor,
                self.core.desk_code,
                now,
                "price_item.save",
                [(row, op)],
                {"code": code, "unit_price": unit_price},
            )
            return _price_info(row)

    def seed_defaults(self, session: Session, actor: Actor, desk: str) -> None:
        """Kinds of charge and a starting price list for a new database."""
        now = self.core.now()
        if not session.scalar(select(func.count()).select_from(ChargeKind)):
            for code, label in DEFAULT_KINDS:
                kind = ChargeKind(code=code, label=label, taxes=[], active=True)
                new_synced(session, kind, desk, now)
                record(session, actor, desk, now, "charge_kind.create", [(kind, "insert")])
        if not session.scalar(select(func.count()).select_from(PriceItem)):
            for order, (code, name, unit, price, kind_code) in enumerate(DEFAULT_PRICES, 1):
                item = PriceItem(
                    code=code,
                    name=name,
                    unit=unit,
                    unit_price=price,
                    kind_code=kind_code,
                    sort_order=order,
                    active=True,
                )
                new_synced(session, item, desk, now)
                record(session, actor, desk, now, "price_item.create", [(item, "insert")])

    # --- charges -------------------------------------------------------------------

    def quote(self, kind_code: str, lines: Sequence[LineInput]) -> ChargeTotals:
        """What the lines add up to (nothing is saved). A line from the price list
        takes the taxes of its item's kind, any other line those of `kind_code`.
        Descriptions are not checked: the person may still be typing."""
        with self.core.db.read() as session:
            line_taxes = self._line_taxes(session, kind_code, lines)
        try:
            return compute_totals(lines, line_taxes=line_taxes, require_text=False)
        except AmountError as exc:
            raise ValidationError(exc.errors) from exc

    @staticmethod
    def _line_taxes(
        session: Session, kind_code: str, lines: Sequence[LineInput]
    ) -> list[list[TaxRule]]:
        codes = {ln.item_code for ln in lines if ln.item_code}
        item_kinds: dict[str, str] = {}
        if codes:
            item_kinds = dict(
                session.execute(
                    select(PriceItem.code, PriceItem.kind_code).where(PriceItem.code.in_(codes))
                ).all()
            )
        taxes: dict[str, list[TaxRule]] = {}

        def of(kind: str) -> list[TaxRule]:
            if kind not in taxes:
                taxes[kind] = _kind_taxes(session, kind)
            return taxes[kind]

        return [of(item_kinds.get(ln.item_code or "", kind_code)) for ln in lines]

    def create_charge(self, actor: Actor, form: ChargeForm) -> ChargeRecord:
        require(actor, Permission.TAKE_PAYMENT)
        now = self.core.now()
        with self.core.db.write() as session:
            charge = self._new_charge(session, actor, form, now)
            return _charge_record(charge, self._lines(session, charge.id))

    def charge(self, charge_id: str) -> ChargeRecord:
        with self.core.db.read() as session:
            row = session.get(Charge, charge_id)
            if row is None or row.deleted_at is not None:
                raise NotFound(_("Tagihan tidak ditemukan."))
            return _charge_record(row, self._lines(session, row.id))

    def open_charges(self, payer_id: str | None = None) -> list[ChargeRecord]:
        with self.core.db.read() as session:
            query = select(Charge).where(Charge.status == "open", Charge.deleted_at.is_(None))
            if payer_id is not None:
                query = query.where(Charge.payer_id == payer_id)
            rows = session.scalars(query.order_by(Charge.created_at)).all()
            return [_charge_record(r, self._lines(session, r.id)) for r in rows]

    def _new_charge(
        self,
        session: Session,
        actor: Actor,
        form: ChargeForm,
        now: datetime,
        payment: PaymentForm | None = None,
    ) -> Charge:
        errors = _charge_text_errors(form)
        if errors:  # text that cannot be stored is refused before anything else
            raise ValidationError(errors)
        payer_name = clean_name(form.payer.name)
        if not has_visible(payer_name):
            errors["payer_name"] = _("Nama pembayar wajib diisi.")
        elif len(payer_name) > 200:
            errors["payer_name"] = _("Paling banyak 200 karakter.")
        if form.payer.kind not in {k.value for k in PayerKind}:
            errors["payer_kind"] = _("Jenis pembayar tidak dikenal.")
        if _kind_row(session, form.kind_code) is None:
            errors["kind_code"] = _("Jenis tagihan tidak dikenal.")
        lines = [
            LineInput(
                clean_name(ln.description)[:200],
                ln.quantity,
                ln.unit_price,
                ln.discount,
                ln.unit.strip()[:32],
                ln.item_code,
            )
            for ln in form.lines
        ]
        totals: ChargeTotals | None = None
        try:
            line_taxes = self._line_taxes(session, form.kind_code, lines)
            totals = compute_totals(lines, line_taxes=line_taxes)
        except AmountError as exc:
            errors.update(exc.errors)
        if payment is not None:
            # A sale: say what is wrong with the payment too, in the same message.
            try:
                if totals is not None:
                    validate_payment(payment, totals.total)
                else:
                    validate_payment_fields(payment)
            except ValidationError as exc:
                errors.update(exc.errors)
        if errors or totals is None:
            raise ValidationError(errors)
        desk = self.core.desk_code
        charge = Charge(
            kind_code=form.kind_code,
            payer_kind=form.payer.kind,
            payer_id=form.payer.payer_id,
            payer_name=payer_name,
            description=clean_name(form.description)[:200]
            or (lines[0].description if len(lines) == 1 else ""),
            source=form.source[:64],
            subtotal=totals.subtotal,
            discount_total=totals.discount_total,
            taxes=[t.to_json() for t in totals.taxes],
            tax_total=totals.tax_total,
            total=totals.total,
            status="open",
            desk_code=desk,
            created_by=actor.username,
        )
        new_synced(session, charge, desk, now)
        rows: list[tuple[Any, str]] = [(charge, "insert")]
        session.flush()
        for no, amount in enumerate(totals.lines, 1):
            ln = amount.line
            line = ChargeLine(
                charge_id=charge.id,
                line_no=no,
                item_code=ln.item_code,
                description=ln.description,
                quantity=ln.quantity,
                unit=ln.unit,
                unit_price=ln.unit_price,
                discount=ln.discount,
                amount=amount.amount,
            )
            new_synced(session, line, desk, now)
            rows.append((line, "insert"))
        record(
            session,
            actor,
            desk,
            now,
            "charge.create",
            rows,
            {"payer": payer_name, "total": charge.total},
        )
        return charge

    # --- payments ------------------------------------------------------------------

    def pay(self, actor: Actor, charge_id: str, payment: PaymentForm) -> ReceiptRecord:
        """Pay a whole open charge: the receipt is committed when this returns."""
        require(actor, Permission.TAKE_PAYMENT)
        now = self.core.now()
        with self.core.db.write() as session:
            charge = session.get(Charge, charge_id)
            if charge is None or charge.deleted_at is not None:
                raise NotFound(_("Tagihan tidak ditemukan."))
            receipt = self._pay(session, actor, charge, payment, now)
            return self._record(session, receipt)

    def sell(
        self, actor: Actor, form: ChargeForm, payment: PaymentForm, *, open_shift: bool = False
    ) -> ReceiptRecord:
        """A sale at the desk: the charge, its payment and its receipt in one transaction.

        `open_shift` (the command line's till): with no open shift, one is opened
        with a zero float in the same transaction, so a refused sale opens none.
        """
        require(actor, Permission.TAKE_PAYMENT)
        now = self.core.now()
        with self.core.db.write() as session:
            if open_shift and self._open_shift_row(session, actor.shift_owner) is None:
                self._new_shift(session, actor, 0, now)
            self._check_payment_possible(session, actor)
            charge = self._new_charge(session, actor, form, now, payment)
            receipt = self._pay(session, actor, charge, payment, now)
            return self._record(session, receipt)

    def _check_payment_possible(self, session: Session, actor: Actor) -> CashShift:
        if session.get(DeskSetting, RESTORED_HOLD) is not None:
            raise DomainError(
                _(
                    "Desk ini dipulihkan dari cadangan. Sinkronkan dulu dengan server "
                    "agar nomor kuitansi tidak terpakai dua kali."
                ),
                "sync",
            )
        shift = self._open_shift_row(session, actor.shift_owner)
        if shift is None:
            raise DomainError(
                _("Buka shift kas dulu (isi modal awal) sebelum menerima pembayaran."), "shift"
            )
        return shift

    def _pay(
        self, session: Session, actor: Actor, charge: Charge, form: PaymentForm, now: datetime
    ) -> Receipt:
        shift = self._check_payment_possible(session, actor)
        if charge.status != "open":
            raise AlreadyDone(_("Tagihan ini sudah dibayar."))
        if charge.total <= 0:
            raise ValidationError({"lines": _("Total Rp0: tidak ada yang perlu dibayar.")})
        clean = validate_payment(form, charge.total)
        desk = self.core.desk_code
        year = to_wib(now).year
        seq = self._next_receipt_seq(session, desk, year)
        receipt = Receipt(
            number=receipt_number(desk, year, seq),
            desk_code=desk,
            year=year,
            seq=seq,
            charge_id=charge.id,
            shift_id=shift.id,
            issued_at=now,
            payer_name=charge.payer_name,
            payer_key=fold(charge.payer_name),
            total=charge.total,
            method=clean.method.value,
            tendered=clean.tendered,
            change_given=clean.change,
            reference=clean.reference,
            cashier=actor.username,
            cashier_name=actor.full_name or actor.username,
        )
        new_synced(session, receipt, desk, now)
        charge.status = "paid"
        touch(charge, now)
        record(
            session,
            actor,
            desk,
            now,
            "receipt.issue",
            [(receipt, "insert"), (charge, "update")],
            {"number": receipt.number, "total": receipt.total, "method": receipt.method},
        )
        return receipt

    @staticmethod
    def _next_receipt_seq(session: Session, desk: str, year: int) -> int:
        """The next number of the desk's series for the year, inside the transaction
        (see receipt_series: a restore's gaps and the server's numbers count too)."""
        return receipt_series.next_seq(session, desk, year)

    # --- receipts ------------------------------------------------------------------

    def receipt(self, key: str) -> ReceiptRecord:
        """A receipt by its number (any case, or only its digits on this desk) or id."""
        with self.core.db.read() as session:
            return self._record(session, self._find(session, key))

    def _find(self, session: Session, key: str) -> Receipt:
        text = key.strip().upper()
        row: Receipt | None = None
        if NUMBER_RE.fullmatch(text):
            row = session.scalar(select(Receipt).where(Receipt.number == text))
        elif text.isascii() and text.isdigit() and len(text) <= 6:  # not '2' superscript
            row = session.scalar(
                select(Receipt)
                .where(Receipt.desk_code == self.core.desk_code, Receipt.seq == int(text))
                .order_by(Receipt.year.desc())
                .limit(1)
            )
        else:
            row = session.get(Receipt, key.strip())
        if row is None or row.deleted_at is not None:
            raise NotFound(_("Kuitansi {number} tidak ditemukan.").format(number=key.strip()))
        return row

    def _filtered(self, query: Select[Any], filt: ReceiptFilter) -> Select[Any]:
        query = query.where(Receipt.deleted_at.is_(None))
        text = filt.text.strip()
        if filt.day is not None or not filt.all_days:
            start, end = wib_day_bounds(filt.day or wib_today(self.core.now()))
            query = query.where(Receipt.issued_at >= start, Receipt.issued_at < end)
        if text:
            conds: list[Any] = [
                Receipt.payer_key.like(f"%{_escape(fold(text))}%", escape="\\"),
                func.upper(Receipt.reference).like(f"%{_escape(text.upper())}%", escape="\\"),
            ]
            digits = text.replace(".", "")
            if not (digits.isascii() and digits.isdigit()):  # int() reads ASCII digits only
                # "KW/D01", "2026/0001": a part of the number. Plain digits would
                # match every receipt of the year ("20" in "2026").
                conds.append(Receipt.number.like(f"%{_escape(text.upper())}%", escape="\\"))
            elif len(digits) <= 6 and "." not in text:
                conds.append(Receipt.seq == int(digits))  # the number's last digits
            try:
                amount = parse_rupiah(text)
            except InvalidAmount:
                amount = None
            if amount is not None and 0 < amount < MAX_TOTAL:  # no receipt is larger
                conds.append(Receipt.total == amount)
            query = query.where(or_(*conds))
        return query

    def number_gaps(self, filt: ReceiptFilter) -> list[ReceiptGap]:
        """Receipt numbers skipped after a restore, recorded on the filter's day
        (every one for all days), with why: the receipts list shows them."""
        with self.core.db.read() as session:
            return self._gaps_of(session, filt)

    def _gaps_of(self, session: Session, filt: ReceiptFilter) -> list[ReceiptGap]:
        if filt.day is None and filt.all_days:
            return receipt_series.gaps_recorded(session)
        start, end = wib_day_bounds(filt.day or wib_today(self.core.now()))
        return receipt_series.gaps_recorded(session, start, end)

    def count_receipts(self, filt: ReceiptFilter) -> int:
        with self.core.db.read() as session:
            query = self._filtered(select(func.count()).select_from(Receipt), filt)
            return int(session.scalar(query) or 0)

    def receipts_summary(self, filt: ReceiptFilter) -> ReceiptsSummary:
        """How many receipts the filter finds, how many are voided, and what the
        ones that stand add up to (per payment method too)."""
        with self.core.db.read() as session:
            grouped: Any = (
                select(
                    Receipt.method,
                    func.count(),
                    func.sum(Receipt.total),
                    ReceiptVoid.id.is_not(None),
                )
                .select_from(Receipt)
                .outerjoin(ReceiptVoid, ReceiptVoid.receipt_id == Receipt.id)
                .group_by(Receipt.method, ReceiptVoid.id.is_not(None))
            )
            query = self._filtered(grouped, filt)
            count = voided = total = 0
            by_method: dict[str, int] = {}
            for method, n, amount, is_void in session.execute(query):
                count += int(n)
                if is_void:
                    voided += int(n)
                else:
                    total += int(amount or 0)
                    by_method[str(method)] = by_method.get(str(method), 0) + int(amount or 0)
            gaps = self._gaps_of(session, filt)
            return ReceiptsSummary(count, voided, total, by_method, tuple(gaps))

    def receipts(
        self, filt: ReceiptFilter, offset: int = 0, limit: int | None = None
    ) -> list[ReceiptRecord]:
        """Receipts newest first (lines included)."""
        with self.core.db.read() as session:
            query = self._filtered(select(Receipt), filt).order_by(
                Receipt.issued_at.desc(), Receipt.number.desc()
            )
            if offset:
                query = query.offset(offset)
            if limit is not None:
                query = query.limit(limit)
            rows = session.scalars(query).all()
            return self._records(session, rows)

    def _records(self, session: Session, rows: Sequence[Receipt]) -> list[ReceiptRecord]:
        if not rows:
            return []
        ids = [r.id for r in rows]
        charge_ids = [r.charge_id for r in rows]
        charges = {
            c.id: c for c in session.scalars(select(Charge).where(Charge.id.in_(charge_ids)))
        }
        lines: dict[str, list[ChargeLine]] = {}
        for ln in session.scalars(
            select(ChargeLine)
            .where(ChargeLine.charge_id.in_(charge_ids))
            .order_by(ChargeLine.charge_id, ChargeLine.line_no)
        ):
            lines.setdefault(ln.charge_id, []).append(ln)
        voids = {
            v.receipt_id: v
            for v in session.scalars(select(ReceiptVoid).where(ReceiptVoid.receipt_id.in_(ids)))
        }
        prints = dict(
            session.execute(
                select(ReceiptPrint.receipt_id, func.count())
                .where(ReceiptPrint.receipt_id.in_(ids))
                .group_by(ReceiptPrint.receipt_id)
            ).all()
        )
        gaps = receipt_series.gaps_before(session, rows)
        return [
            replace(
                _receipt_record(
                    r,
                    charges[r.charge_id],
                    lines.get(r.charge_id, []),
                    voids.get(r.id),
                    int(prints.get(r.id, 0)),
                ),
                gaps_before=gaps.get(r.id, ()),
            )
            for r in rows
        ]

    def _record(self, session: Session, row: Receipt) -> ReceiptRecord:
        return self._records(session, [row])[0]

    def record_print(self, actor: Actor, key: str, fmt: ReceiptFormat | str) -> ReceiptRecord:
        """Note that the receipt goes to a printer or a PDF now.

        Returns the receipt as it must be printed: `print_count` is the number of
        earlier prints, so anything but 0 prints as a copy (SALINAN).
        """
        require(actor, Permission.VIEW_RECEIPTS)
        fmt = _receipt_format(fmt)
        now = self.core.now()
        with self.core.db.write() as session:
            row = self._find(session, key)
            before = self._record(session, row)
            mark = ReceiptPrint(
                receipt_id=row.id,
                printed_at=now,
                printed_by=actor.username,
                format=fmt.value,
                copy=before.print_count > 0,
            )
            new_synced(session, mark, self.core.desk_code, now)
            record(
                session,
                actor,
                self.core.desk_code,
                now,
                "receipt.reprint" if mark.copy else "receipt.print",
                [(mark, "insert")],
                {"number": row.number, "format": fmt.value},
            )
            return before

    def void(self, actor: Actor, key: str, reason: str) -> ReceiptRecord:
        """Void (BATAL) a receipt: a supervisor's decision, with a reason, as a new record."""
        require(actor, Permission.VOID_RECEIPT)
        if unstorable(reason):
            raise ValidationError({"reason": _("Berisi karakter yang tidak dapat disimpan.")})
        reason = " ".join(reason.split())
        if visible_length(reason) < MIN_VOID_REASON:
            raise ValidationError(
                {
                    "reason": _("Tulis alasan pembatalan (paling sedikit {n} huruf).").format(
                        n=MIN_VOID_REASON
                    )
                }
            )
        now = self.core.now()
        with self.core.db.write() as session:
            row = self._find(session, key)
            if session.scalar(select(ReceiptVoid).where(ReceiptVoid.receipt_id == row.id)):
                raise AlreadyDone(
                    _("Kuitansi {number} sudah dibatalkan.").format(number=row.number)
                )
            shift = self._open_shift_row(session, actor.shift_owner)
            paid_in = session.get(CashShift, row.shift_id)
            after_close = paid_in is not None and paid_in.closed_at is not None
            if after_close and row.method == PaymentMethod.CASH.value and shift is None:
                # The cash was counted and handed over at that cash-up: the refund
                # comes out of the drawer of whoever voids it now.
                raise DomainError(
                    _(
                        "Kuitansi tunai ini berasal dari shift yang sudah ditutup. Buka shift "
                        "kas Anda dulu: uangnya dikembalikan dari laci Anda dan tercatat "
                        "di shift Anda."
                    ),
                    "shift",
                )
            void = ReceiptVoid(
                receipt_id=row.id,
                voided_at=now,
                voided_by=actor.username,
                voided_by_name=actor.full_name or actor.username,
                reason=reason[:500],
                shift_id=shift.id if shift else None,
                after_close=after_close,
            )
            new_synced(session, void, self.core.desk_code, now)
            changed: list[tuple[Any, str]] = [(void, "insert")]
            charge = session.get(Charge, row.charge_id)
            if charge is not None and charge.status == "paid" and not _paid_otherwise(session, row):
                charge.status = "open"  # owed again: a corrected receipt can be issued
                touch(charge, now)
                changed.append((charge, "update"))
            record(
                session,
                actor,
                self.core.desk_code,
                now,
                "receipt.void",
                changed,
                {"number": row.number, "reason": void.reason},
            )
            session.flush()
            return self._record(session, row)

    # --- shifts and the cash-up ------------------------------------------------------

    def _open_shift_row(self, session: Session, operator: str) -> CashShift | None:
        return session.scalar(
            select(CashShift)
            .where(
                CashShift.desk_code == self.core.desk_code,
                CashShift.operator == operator,
                CashShift.closed_at.is_(None),
                CashShift.deleted_at.is_(None),
            )
            .order_by(CashShift.opened_at.desc())
            .limit(1)
        )

    def current_shift(self, actor: Actor) -> ShiftSummary | None:
        """The actor's open shift at this desk, with its running totals."""
        with self.core.db.read() as session:
            row = self._open_shift_row(session, actor.shift_owner)
            return None if row is None else self._summary(session, row)

    def open_shift(self, actor: Actor, opening_float: int) -> ShiftSummary:
        require(actor, Permission.TAKE_PAYMENT)
        if not isinstance(opening_float, int) or isinstance(opening_float, bool):
            raise ValidationError({"opening_float": _("Modal awal harus angka bulat rupiah.")})
        if not 0 <= opening_float < 10**10:
            raise ValidationError({"opening_float": _("Modal awal tidak boleh negatif.")})
        now = self.core.now()
        with self.core.db.write() as session:
            if self._open_shift_row(session, actor.shift_owner) is not None:
                raise AlreadyDone(_("Shift Anda di desk ini masih terbuka."))
            return self._summary(session, self._new_shift(session, actor, opening_float, now))

    def _new_shift(
        self, session: Session, actor: Actor, opening_float: int, now: datetime
    ) -> CashShift:
        row = CashShift(
            desk_code=self.core.desk_code,
            operator=actor.shift_owner,
            operator_name=actor.shift_owner_name,
            opened_at=now,
            opening_float=opening_float,
            note="",
        )
        new_synced(session, row, self.core.desk_code, now)
        record(
            session,
            actor,
            self.core.desk_code,
            now,
            "shift.open",
            [(row, "insert")],
            {"opening_float": opening_float},
        )
        return row

    def open_shifts(self, actor: Actor) -> list[ShiftSummary]:
        """Every open shift at this desk (a supervisor may close anyone's)."""
        require(actor, Permission.VIEW_RECEIPTS)
        with self.core.db.read() as session:
            rows = session.scalars(
                select(CashShift)
                .where(
                    CashShift.desk_code == self.core.desk_code,
                    CashShift.closed_at.is_(None),
                    CashShift.deleted_at.is_(None),
                )
                .order_by(CashShift.opened_at)
            ).all()
            return [self._summary(session, r) for r in rows]

    def shift(self, shift_id: str) -> ShiftSummary:
        with self.core.db.read() as session:
            return self._summary(session, self._shift_row(session, shift_id))

    def shifts(self, day: Any = None) -> list[ShiftSummary]:
        """Shifts at this desk opened on a WIB day (default today), newest first."""
        start, end = wib_day_bounds(day or wib_today(self.core.now()))
        with self.core.db.read() as session:
            rows = session.scalars(
                select(CashShift)
                .where(
                    CashShift.desk_code == self.core.desk_code,
                    CashShift.opened_at >= start,
                    CashShift.opened_at < end,
                )
                .order_by(CashShift.opened_at.desc())
            ).all()
            return [self._summary(session, r) for r in rows]

    def _shift_row(self, session: Session, shift_id: str) -> CashShift:
        row = session.get(CashShift, shift_id)
        if row is None or row.deleted_at is not None:
            raise NotFound(_("Shift tidak ditemukan."))
        return row

    def close_shift(
        self, actor: Actor, shift_id: str, counted: dict[str, int], note: str = ""
    ) -> ShiftSummary:
        """Count the drawer and close the shift; no payment goes into it afterwards."""
        require(actor, Permission.TAKE_PAYMENT)
        counts = validate_counts(counted)
        if unstorable(note):
            raise ValidationError({"note": _("Berisi karakter yang tidak dapat disimpan.")})
        now = self.core.now()
        with self.core.db.write() as session:
            row = self._shift_row(session, shift_id)
            if row.operator != actor.shift_owner:
                require(actor, Permission.VOID_RECEIPT)  # a supervisor may close anyone's
            if row.closed_at is not None:
                raise AlreadyDone(_("Shift ini sudah ditutup."))
            summary = self._summary(session, row)
            total = counted_total(counts)
            row.closed_at = now
            row.closed_by = actor.username
            row.counted = counts
            row.counted_total = total
            row.expected_cash = summary.expected_cash
            row.difference = total - summary.expected_cash
            row.note = note.strip()[:1000]
            touch(row, now)
            record(
                session,
                actor,
                self.core.desk_code,
                now,
                "shift.close",
                [(row, "update")],
                {"expected": summary.expected_cash, "counted": total, "difference": row.difference},
            )
            return self._summary(session, row)

    def shift_receipts(self, shift_id: str) -> list[ReceiptRecord]:
        with self.core.db.read() as session:
            rows = session.scalars(
                select(Receipt).where(Receipt.shift_id == shift_id).order_by(Receipt.seq)
            ).all()
            return self._records(session, rows)

    def _summary(
        self, session: Session, row: CashShift, counted: dict[str, int] | None = None
    ) -> ShiftSummary:
        """A shift's figures. A receipt voided after its shift was closed still
        counts there (its cash was in the drawer at the count); its cash refund
        comes out of the shift of the person who voided it. `counted`: the cash
        being counted now, for a provisional report of an open shift."""
        session.flush()
        receipts = session.execute(
            select(Receipt.method, Receipt.total, ReceiptVoid.id, ReceiptVoid.after_close)
            .outerjoin(ReceiptVoid, ReceiptVoid.receipt_id == Receipt.id)
            .where(Receipt.shift_id == row.id)
        ).all()
        by_method: dict[str, int] = {m.value: 0 for m in PaymentMethod}
        voided_total = 0
        voids = 0
        for method, total, void_id, after_close in receipts:
            if void_id is None or after_close:
                by_method[method] = by_method.get(method, 0) + int(total)
            else:
                voids += 1
                voided_total += int(total)
        refunds = int(
            session.scalar(
                select(func.coalesce(func.sum(Receipt.total), 0))
                .select_from(ReceiptVoid)
                .join(Receipt, Receipt.id == ReceiptVoid.receipt_id)
                .where(
                    ReceiptVoid.shift_id == row.id,
                    ReceiptVoid.after_close.is_(True),
                    Receipt.method == PaymentMethod.CASH.value,
                )
            )
            or 0
        )
        cash_in = by_method.get(PaymentMethod.CASH.value, 0)
        expected = row.opening_float + cash_in - refunds
        if row.expected_cash is not None:
            expected = row.expected_cash
        counts = {k: int(v) for k, v in row.counted.items()} if row.counted else None
        counted_sum, difference = row.counted_total, row.difference
        if counted is not None and row.closed_at is None:
            counts = validate_counts(counted)
            counted_sum = counted_total(counts)
            difference = counted_sum - expected
        return ShiftSummary(
            id=row.id,
            desk_code=row.desk_code,
            operator=row.operator,
            operator_name=row.operator_name,
            opened_at=row.opened_at,
            opening_float=row.opening_float,
            closed_at=row.closed_at,
            closed_by=row.closed_by,
            receipt_count=len(receipts),
            void_count=voids,
            totals_by_method=by_method,
            voided_total=voided_total,
            cash_in=cash_in,
            expected_cash=expected,
            counted=counts,
            counted_total=counted_sum,
            difference=difference,
            note=row.note,
            cash_refunds=refunds,
        )

    # --- restore from a backup and the server's high-water marks ----------------------

    def hold_after_restore(self, session: Session) -> None:
        """Called on a restored file linked to a server: numbers wait for a sync."""
        linked = session.get(SyncState, "server_url") is not None
        if linked and session.get(DeskSetting, RESTORED_HOLD) is None:
            session.add(DeskSetting(key=RESTORED_HOLD, value=self.core.now().isoformat()))
            session.flush()

    @staticmethod
    def apply_server_high_water(
        session: Session, desk: str, high: Iterable[tuple[int, int]]
    ) -> None:
        """Move this desk's series past every number the server has seen from it,
        then lift a restore hold (called by sync inside its transaction)."""
        for year, seq in high:
            name = f"receipt:{desk}:{int(year)}"
            counter = session.get(DeskCounter, name)
            if counter is None:
                session.add(DeskCounter(name=name, value=int(seq)))
            elif counter.value < int(seq):
                counter.value = int(seq)
        hold = session.get(DeskSetting, RESTORED_HOLD)
        if hold is not None:
            session.delete(hold)
        session.flush()

    @staticmethod
    def held_in(session: Session) -> bool:
        return session.get(DeskSetting, RESTORED_HOLD) is not None

    def restored_hold(self) -> bool:
        with self.core.db.read() as session:
            return session.get(DeskSetting, RESTORED_HOLD) is not None

    # --- documents ---------------------------------------------------------------------

    def receipt_pdf(
        self,
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

        fmt = _receipt_format(fmt)
        require(actor, Permission.VIEW_RECEIPTS)
        name, address = self.building()

        def render(rec: ReceiptRecord) -> bytes:
            return render_receipt(
                rec,
                building_name=name,
                building_address=address,
                fmt=fmt,
                copy=rec.print_count > 0,
            )

        rec = self.receipt(key)
        pdf = render(rec)  # a document that cannot be made is not counted as printed
        if record_print:
            noted = self.record_print(actor, rec.id, fmt)
            if noted.print_count != rec.print_count:  # printed elsewhere meanwhile
                rec, pdf = noted, render(noted)
        return rec, pdf

    def cashup_pdf(
        self, actor: Actor, shift_id: str, counted: dict[str, int] | None = None
    ) -> bytes:
        """The A4 cash-up report of a shift (open: a provisional report, with the
        cash being counted if `counted` is given; closed: the final one)."""
        from smesco_desk.printing.cashup import render_cashup

        require(actor, Permission.VIEW_RECEIPTS)
        with self.core.db.read() as session:
            summary = self._summary(session, self._shift_row(session, shift_id), counted)
        name, address = self.building()
        return render_cashup(
            summary,
            self.shift_receipts(shift_id),
            building_name=name,
            building_address=address,
            printed_at=self.core.now(),
        )

    # --- helpers for documents -----------------------------------------------------------

    def building(self) -> tuple[str, str]:
        with self.core.db.read() as session:
            return (
                str(SettingsService.get_in(session, "building_name")),
                str(SettingsService.get_in(session, "building_address")),
            )

    def _lines(self, session: Session, charge_id: str) -> list[ChargeLine]:
        return list(
            session.scalars(
                select(ChargeLine)
                .where(ChargeLine.charge_id == charge_id)
                .order_by(ChargeLine.line_no)
            )
        )


def validate_payment(form: PaymentForm, total: int) -> _CleanPayment:
    """The whole total, paid once: cash may be more (change is given), never less;
    other methods pay the exact total and carry a reference."""
    try:
        method = PaymentMethod(form.method)
    except ValueError:
        raise ValidationError({"method": _("Pilih cara bayar.")}) from None
    tendered = total if form.tendered is None else form.tendered
    if not isinstance(tendered, int) or isinstance(tendered, bool) or tendered < 0:
        raise ValidationError({"tendered": _("Jumlah uang harus angka bulat rupiah.")})
    if unstorable(form.reference):
        raise ValidationError({"reference": _("Berisi karakter yang tidak dapat disimpan.")})
    reference = " ".join(form.reference.split())[:100]
    if method is PaymentMethod.CASH:
        if tendered < total:
            raise ValidationError(
                {
                    "tendered": _(
                        "Uang diterima kurang {short}. Pembayaran sebagian tidak diterima."
                    ).format(short=_rupiah(total - tendered))
                }
            )
        if tendered - total > MAX_CASH_TENDERED_OVER:
            raise ValidationError(
                {
                    "tendered": _("Kembalian lebih dari {limit}: periksa jumlah uang.").format(
                        limit=_rupiah(MAX_CASH_TENDERED_OVER)
                    )
                }
            )
        return _CleanPayment(method, tendered, tendered - total, reference)
    if tendered != total:
        raise ValidationError(
            {
                "tendered": _("Pembayaran non-tunai harus tepat sebesar total {total}.").format(
                    total=_rupiah(total)
                )
            }
        )
    if len(reference) < 4:
        raise ValidationError(
            {"reference": _("Isi nomor referensi transaksi (paling sedikit 4 karakter).")}
        )
    return _CleanPayment(method, total, 0, reference)


def validate_payment_fields(form: PaymentForm) -> None:
    """What can be checked of a payment before its total is known."""
    errors: dict[str, str] = {}
    try:
        method = PaymentMethod(form.method)
    except ValueError:
        raise ValidationError({"method": _("Pilih cara bayar.")}) from None
    if unstorable(form.reference):
        errors["reference"] = _("Berisi karakter yang tidak dapat disimpan.")
    elif method is not PaymentMethod.CASH and len(" ".join(form.reference.split())) < 4:
        errors["reference"] = _("Isi nomor referensi transaksi (paling sedikit 4 karakter).")
    if errors:
        raise ValidationError(errors)


def validate_counts(counted: dict[str, int]) -> dict[str, int]:
    known = dict(DENOMINATIONS)
    errors: dict[str, str] = {}
    clean: dict[str, int] = {}
    for key, count in counted.items():
        if key not in known:
            errors[f"count.{key}"] = _("Pecahan tidak dikenal.")
        elif not isinstance(count, int) or isinstance(count, bool) or not 0 <= count < 1_000_000:
            errors[f"count.{key}"] = _("Jumlah lembar/keping harus angka bulat 0 atau lebih.")
        elif count:
            clean[key] = count
    if errors:
        raise ValidationError(errors)
    return clean


def counted_total(counts: dict[str, int]) -> int:
    values = dict(DENOMINATIONS)
    return sum(values[k] * n for k, n in counts.items())


def _rupiah(amount: int) -> str:
    from smesco_desk.domain.money import format_rupiah

    return format_rupiah(amount)


def _item_text_errors(
    code: str, name: str, unit: str, kind_code: str, active: bool
) -> dict[str, str]:
    # A blank name is said with the other fields; a name that shows nothing, here.
    errors = text_errors({"code": code, "name": name, "unit": unit, "kind_code": kind_code})
    if not isinstance(active, bool):  # "no" is not False
        errors["active"] = _("Pilih aktif atau tidak.")
    return errors


def _charge_text_errors(form: ChargeForm) -> dict[str, str]:
    """Errors of the charge's texts: what cannot be stored, and line descriptions
    that show nothing (a line of zero-width spaces prints as a blank line)."""
    fields: dict[str, object] = {
        "payer_name": form.payer.name,
        "payer_kind": form.payer.kind,
        "kind_code": form.kind_code,
        "description": form.description,
        "source": form.source,
    }
    for i, line in enumerate(form.lines):
        fields[f"lines.{i}.description"] = line.description
        fields[f"lines.{i}.unit"] = line.unit
        fields[f"lines.{i}.item_code"] = line.item_code or ""
    if form.payer.payer_id is not None:
        fields["payer_id"] = form.payer.payer_id
    # A payer's name left empty is said further on, with the amounts.
    errors = text_errors(fields)
    return errors


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _paid_otherwise(session: Session, receipt: Receipt) -> bool:
    """Whether another live (not voided) receipt pays the same charge: voiding a
    charge paid twice (the refund of the second payment) leaves it paid."""
    voided = select(ReceiptVoid.receipt_id).where(ReceiptVoid.deleted_at.is_(None))
    other = select(Receipt.id).where(
        Receipt.charge_id == receipt.charge_id,
        Receipt.id != receipt.id,
        Receipt.deleted_at.is_(None),
        Receipt.id.not_in(voided),
    )
    return session.scalar(other.limit(1)) is not None


def _kind_row(session: Session, code: str) -> ChargeKind | None:
    return session.scalar(
        select(ChargeKind).where(ChargeKind.code == code, ChargeKind.deleted_at.is_(None))
    )


def _kind_taxes(session: Session, code: str) -> list[TaxRule]:
    kind = _kind_row(session, code)
    return [TaxRule.from_json(t) for t in kind.taxes] if kind is not None else []


def _kind_info(row: ChargeKind) -> ChargeKindInfo:
    return ChargeKindInfo(
        row.code, row.label, tuple(TaxRule.from_json(t) for t in row.taxes or []), row.active
    )


def _price_info(row: PriceItem) -> PriceItemInfo:
    return PriceItemInfo(
        row.id,
        row.code,
        row.name,
        row.unit,
        row.unit_price,
        row.kind_code,
        row.active,
        row.sort_order,
    )


def _line(row: ChargeLine) -> ReceiptLine:
    return ReceiptLine(
        row.description,
        row.quantity,
        row.unit,
        row.unit_price,
        row.discount,
        row.amount,
        row.item_code,
    )


def _charge_record(row: Charge, lines: Sequence[ChargeLine]) -> ChargeRecord:
    return ChargeRecord(
        id=row.id,
        kind_code=row.kind_code,
        payer_kind=row.payer_kind,
        payer_id=row.payer_id,
        payer_name=row.payer_name,
        description=row.description,
        source=row.source,
        lines=tuple(_line(ln) for ln in lines),
        subtotal=row.subtotal,
        discount_total=row.discount_total,
        taxes=tuple(TaxAmount.from_json(t) for t in row.taxes or []),
        tax_total=row.tax_total,
        total=row.total,
        status=row.status,
        created_at=row.created_at,
    )


def _receipt_record(
    row: Receipt,
    charge: Charge,
    lines: Sequence[ChargeLine],
    void: ReceiptVoid | None,
    prints: int,
) -> ReceiptRecord:
    return ReceiptRecord(
        id=row.id,
        number=row.number,
        desk_code=row.desk_code,
        issued_at=row.issued_at,
        charge_id=row.charge_id,
        shift_id=row.shift_id,
        payer_kind=charge.payer_kind,
        payer_name=row.payer_name,
        description=charge.description,
        lines=tuple(_line(ln) for ln in lines),
        subtotal=charge.subtotal,
        discount_total=charge.discount_total,
        taxes=tuple(TaxAmount.from_json(t) for t in charge.taxes or []),
        tax_total=charge.tax_total,
        total=row.total,
        method=row.method,
        tendered=row.tendered,
        change_given=row.change_given,
        reference=row.reference,
        cashier=row.cashier,
        cashier_name=row.cashier_name,
        void=VoidInfo(void.voided_at, void.voided_by, void.voided_by_name, void.reason)
        if void is not None
        else None,
        print_count=prints,
    )


def _receipt_format(fmt: ReceiptFormat | str) -> ReceiptFormat:
    """The paper a receipt is laid out for; anything else is a field error."""
    try:
        return ReceiptFormat(fmt)
    except ValueError:
        raise DomainError(
            _("Format kuitansi tidak dikenal: pilih thermal atau a5."), "format"
        ) from None
