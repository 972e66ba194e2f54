"""Finding receipts: by number, and the receipts list's search, counts and totals.

A receipt is found by its number (any case, or only its last digits on this
desk) or its id. The list searches one WIB day (or every day) for a payer's
name (any part of it: the start of any word is one), a visitor's phone (a run
of four or more digits), a reference, a part of the number or an amount, and
shows beside the receipts the numbers a restore skipped on that day.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from smesco_desk.clock import wib_day_bounds, wib_today
from smesco_desk.db.models import Charge, Receipt, ReceiptVoid
from smesco_desk.domain.charges import MAX_TOTAL
from smesco_desk.domain.money import InvalidAmount, parse_rupiah
from smesco_desk.domain.search_words import phone_query, query_terms
from smesco_desk.domain.text import fold
from smesco_desk.i18n import _
from smesco_desk.services.payments import series
from smesco_desk.services.payments.mapping import receipt_records, receipt_value
from smesco_desk.services.queries import containing, live
from smesco_desk.services.visitors.search import VISITOR, matching
from smesco_desk.values.payments import ReceiptFilter, ReceiptGap, ReceiptRecord, ReceiptsSummary

if TYPE_CHECKING:
    from smesco_desk.services.core import Core


def receipt(core: Core, key: str) -> ReceiptRecord:
    """A receipt by its number (any case, or only its digits on this desk) or id."""
    with core.db.read() as session:
        return receipt_value(session, find(core, session, key))


def find(core: Core, session: Session, key: str) -> Receipt:
    text = key.strip().upper()
    row: Receipt | None = None
    if series.NUMBER_RE.fullmatch(text):
        row = session.scalar(select(Receipt).where(Receipt.number == text))
    elif text.isascii() and text.isdigit() and len(text) <= 6:  # not '2' superscript
        row = session.scalar(
            select(Receipt)
            .where(Receipt.desk_code == core.desk_code, Receipt.seq == int(text))
            .order_by(Receipt.year.desc())
            .limit(1)
        )
    else:
        row = session.get(Receipt, key.strip())
    return live(row, _("Kuitansi {number} tidak ditemukan.").format(number=key.strip()))


def receipts(
    core: Core, filt: ReceiptFilter, offset: int = 0, limit: int | None = None
) -> list[ReceiptRecord]:
    """Receipts newest first (lines included)."""
    with core.db.read() as session:
        query = filtered(core, select(Receipt), filt).order_by(
            Receipt.issued_at.desc(), Receipt.number.desc()
        )
        if offset:
            query = query.offset(offset)
        if limit is not None:
            query = query.limit(limit)
        rows = session.scalars(query).all()
        return receipt_records(session, rows)


def count_receipts(core: Core, filt: ReceiptFilter) -> int:
    with core.db.read() as session:
        query = filtered(core, select(func.count()).select_from(Receipt), filt)
        return int(session.scalar(query) or 0)


def receipts_summary(core: Core, filt: ReceiptFilter) -> ReceiptsSummary:
    """How many receipts the filter finds, how many are voided, and what the
    ones that stand add up to (per payment method too)."""
    with core.db.read() as session:
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
        query = filtered(core, grouped, filt)
        count = voided = total = 0
        by_method: dict[str, int] = {}
        for method, n, amount, is_void in session.execute(query):
            count += int(n)
            if is_void:
                voided += int(n)
            else:
                total += int(amount or 0)
                by_method[str(method)] = by_method.get(str(method), 0) + int(amount or 0)
        gaps = _gaps_of(core, session, filt)
        return ReceiptsSummary(count, voided, total, by_method, tuple(gaps))


def number_gaps(core: Core, filt: ReceiptFilter) -> list[ReceiptGap]:
    """Receipt numbers skipped after a restore, recorded on the filter's day
    (every one for all days), with why: the receipts list shows them."""
    with core.db.read() as session:
        return _gaps_of(core, session, filt)


def _gaps_of(core: Core, session: Session, filt: ReceiptFilter) -> list[ReceiptGap]:
    if filt.day is None and filt.all_days:
        return series.gaps_recorded(session)
    start, end = wib_day_bounds(filt.day or wib_today(core.now()))
    return series.gaps_recorded(session, start, end)


def filtered(core: Core, query: Select[Any], filt: ReceiptFilter) -> Select[Any]:
    query = query.where(Receipt.deleted_at.is_(None))
    text = filt.text.strip()
    if filt.day is not None or not filt.all_days:
        start, end = wib_day_bounds(filt.day or wib_today(core.now()))
        query = query.where(Receipt.issued_at >= start, Receipt.issued_at < end)
    if text:
        query = query.where(or_(*_text_matches(text)))
    return query


def _text_matches(text: str) -> list[Any]:
    """What a receipt may match of the searched text: its payer (any part of
    the name, diacritics ignored; a visitor also by a run of four or more
    digits of their phone), its reference, a part of its number, its number's
    last digits, or its total."""
    conds: list[Any] = [
        Receipt.payer_key.like(containing(fold(text)), escape="\\"),
        func.upper(Receipt.reference).like(containing(text.upper()), escape="\\"),
    ]
    if phone_query(text) is not None:  # the visitor who paid, by their phone
        visitors = matching(VISITOR, query_terms(text)).order_by(None)
        paid_by = select(Charge.id).where(
            Charge.payer_kind == "visitor", Charge.payer_id.in_(visitors)
        )
        conds.append(Receipt.charge_id.in_(paid_by))
    digits = text.replace(".", "")
    if not (digits.isascii() and digits.isdigit()):  # int() reads ASCII digits only
        # "KW/D01", "2026/0001": a part of the number. Plain digits would
        # match every receipt of the year ("20" in "2026").
        conds.append(Receipt.number.like(containing(text.upper()), escape="\\"))
    elif len(digits) <= 6 and "." not in text:
        conds.append(Receipt.seq == int(digits))  # the number's last digits
    try:
        amount = parse_rupiah(text)
    except InvalidAmount:
        amount = None
    if amount is not None and 0 < amount < MAX_TOTAL:  # no receipt is larger
        conds.append(Receipt.total == amount)
    return conds
