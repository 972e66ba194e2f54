"""A desk's receipt series across restores: its high-water mark and its gaps.

DESIGN.md: a receipt number once issued is never issued again. A restore puts
back a database that never saw the numbers issued after its backup; they are
in the replaced database, which the restore keeps in backups/ and reads here
before the restored file takes its place (on a linked desk too, where numbers
sold after the backup may not have reached the server yet). The series then
continues after the highest number either database has seen, and each skipped
range is recorded as a fact (ReceiptNumberGap, synced like a receipt), so that
every number of a series is a receipt or lies in an explained gap.

A desk restored while linked to a server also holds its numbers (RESTORED_HOLD)
until a sync has told it the highest number of its series the server holds (its
high-water mark): a number sold after the backup may have reached only the server.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from smesco_desk.db.models import DeskCounter, DeskSetting, Receipt, ReceiptNumberGap, SyncState
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.payments import ReceiptGap

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

CAUSE_RESTORE = "restore"
RECEIPT_PREFIX = "KW"
NUMBER_RE = re.compile(r"KW/([A-Z0-9-]+)/(\d{4})/(\d{6})")
# Set on a desk restored from a backup while it is linked to a server: no
# receipt number is issued until a sync has told it the numbers already used.
RESTORED_HOLD = "receipts_restored_hold"


def receipt_number(desk: str, year: int, seq: int) -> str:
    return f"{RECEIPT_PREFIX}/{desk}/{year}/{seq:06d}"


def counter_name(desk: str, year: int) -> str:
    return f"receipt:{desk}:{int(year)}"


def high_water(session: Session, desk: str) -> dict[int, int]:
    """year -> the highest number of the desk's series this database has seen:
    its counter, its receipts (pulled ones too) and its recorded gaps."""
    high: dict[int, int] = {}

    def see(year: Any, seq: Any) -> None:
        if seq is not None:
            high[int(year)] = max(high.get(int(year), 0), int(seq))

    prefix = f"receipt:{desk}:"
    for name, value in session.execute(
        select(DeskCounter.name, DeskCounter.value).where(DeskCounter.name.like(f"{prefix}%"))
    ):
        tail = name[len(prefix) :]
        if tail.isdigit():
            see(tail, value)
    for model, column in ((Receipt, Receipt.seq), (ReceiptNumberGap, ReceiptNumberGap.last_seq)):
        rows = session.execute(
            select(model.year, func.max(column)).where(model.desk_code == desk).group_by(model.year)
        )
        for year, seq in rows:
            see(year, seq)
    return high


def next_seq(session: Session, desk: str, year: int) -> int:
    """Take the next number of the series inside the payment's transaction.

    The counter row is the series' memory; receipts and gaps this desk knows
    (its own, pulled back from the server, carried over by a restore) can only
    move it forward."""
    name = counter_name(desk, year)
    counter = session.get(DeskCounter, name)
    if counter is None:
        counter = DeskCounter(name=name, value=0)
        session.add(counter)
    known = max(
        session.scalar(
            select(func.max(Receipt.seq)).where(Receipt.desk_code == desk, Receipt.year == year)
        )
        or 0,
        session.scalar(
            select(func.max(ReceiptNumberGap.last_seq)).where(
                ReceiptNumberGap.desk_code == desk, ReceiptNumberGap.year == year
            )
        )
        or 0,
    )
    counter.value = max(counter.value or 0, known) + 1
    session.flush()
    return int(counter.value)


# --- a restore's hold and the server's high-water marks ---------------------------------


def hold_after_restore(core: Core, session: Session) -> None:
    """Called on a restored file linked to a server: numbers wait for a sync."""
    linked = session.get(SyncState, "server_url") is not None
    if linked and session.get(DeskSetting, RESTORED_HOLD) is None:
        session.add(DeskSetting(key=RESTORED_HOLD, value=core.now().isoformat()))
        session.flush()


def apply_server_high_water(session: Session, desk: str, high: Iterable[tuple[int, int]]) -> None:
    """Move this desk's series past every number the server has seen from it,
    then lift a restore hold (called by sync inside its transaction)."""
    for year, seq in high:
        name = counter_name(desk, year)
        counter = session.get(DeskCounter, name)
        if counter is None:
            session.add(DeskCounter(name=name, value=int(seq)))
        elif counter.value < int(seq):
            counter.value = int(seq)
    hold = session.get(DeskSetting, RESTORED_HOLD)
    if hold is not None:
        session.delete(hold)
    session.flush()


def held_in(session: Session) -> bool:
    return session.get(DeskSetting, RESTORED_HOLD) is not None


def restored_hold(core: Core) -> bool:
    with core.db.read() as session:
        return held_in(session)


# --- what the replaced database had seen ----------------------------------------------


@dataclass(frozen=True)
class ReplacedSeries:
    """The series of one desk as a database about to be replaced had them."""

    high: dict[int, int] = field(default_factory=dict)
    gaps: tuple[dict[str, Any], ...] = ()  # its gap rows (column -> value)


def read_replaced(path: Path, desk: str) -> ReplacedSeries:
    """Read (read-only) what the database at `path` had seen of the desk's series."""
    from smesco_desk.sync.tables import synced_table

    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    conn.row_factory = sqlite3.Row
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        high: dict[int, int] = {}
        prefix = f"receipt:{desk}:"
        queries = [
            (
                "SELECT substr(name, ?) AS year, value AS seq FROM desk_counters WHERE name LIKE ?",
                (len(prefix) + 1, prefix + "%"),
            ),
            (
                "SELECT year, max(seq) AS seq FROM receipts WHERE desk_code = ? GROUP BY year",
                (desk,),
            ),
        ]
        if "receipt_number_gaps" in tables:
            queries.append(
                (
                    "SELECT year, max(last_seq) AS seq FROM receipt_number_gaps"
                    " WHERE desk_code = ? GROUP BY year",
                    (desk,),
                )
            )
        for sql, params in queries:
            for row in conn.execute(sql, params):
                if str(row["year"]).isdigit() and row["seq"] is not None:
                    year = int(row["year"])
                    high[year] = max(high.get(year, 0), int(row["seq"]))
        gaps: list[dict[str, Any]] = []
        if "receipt_number_gaps" in tables:
            table = synced_table("receipt_number_gaps")
            rows = conn.execute("SELECT * FROM receipt_number_gaps WHERE desk_code = ?", (desk,))
            gaps = [table.to_python(dict(r)) for r in rows]
        return ReplacedSeries(high, tuple(gaps))
    finally:
        conn.close()


def continue_after(
    tx: Transaction, replaced: ReplacedSeries, *, replaced_at: datetime, kept_in: str
) -> list[ReceiptGap]:
    """Move this database's series (of the transaction's desk) past what the
    replaced one had seen, and record every skipped range: the replaced
    database's own gap facts where they apply, and the numbers it issued (kept
    in `kept_in`) as new ones."""
    session, desk = tx.session, tx.desk
    mine = high_water(session, desk)
    known = set(session.scalars(select(ReceiptNumberGap.id)))
    recorded: list[ReceiptNumberGap] = []
    for year, top in sorted(replaced.high.items()):
        start = mine.get(year, 0) + 1
        if top < start:
            continue
        carried = [
            g
            for g in replaced.gaps
            if g["year"] == year and g["id"] not in known and g["last_seq"] >= start
        ]
        for carried_row in carried:
            old = ReceiptNumberGap(**carried_row)
            session.add(old)
            recorded.append(old)
        spans = [(int(g["first_seq"]), int(g["last_seq"])) for g in carried]
        for first, last in _uncovered(start, top, spans):
            row = ReceiptNumberGap(
                desk_code=desk,
                year=year,
                first_seq=first,
                last_seq=last,
                cause=CAUSE_RESTORE,
                replaced_at=replaced_at,
                kept_in=kept_in,
                recorded_by=tx.actor.audit_name,
            )
            recorded.append(tx.insert(row))
        counter = session.get(DeskCounter, counter_name(desk, year))
        if counter is None:
            session.add(DeskCounter(name=counter_name(desk, year), value=top))
        else:
            counter.value = max(counter.value, top)
    if recorded:
        recorded.sort(key=lambda r: (r.year, r.first_seq))
        gaps = [gap_value(r) for r in recorded]
        detail = {"gaps": [g.range_text for g in gaps], "kept_in": kept_in}
        tx.record("receipt.gap", [(r, "insert") for r in recorded], detail)
        return gaps
    session.flush()
    return []


def _uncovered(start: int, end: int, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of start..end (inclusive) outside every span."""
    out: list[tuple[int, int]] = []
    at = start
    for first, last in sorted(spans):
        if first > at:
            out.append((at, min(first - 1, end)))
        at = max(at, last + 1)
        if at > end:
            return out
    if at <= end:
        out.append((at, end))
    return out


# --- showing the gaps -------------------------------------------------------------------


def gap_value(row: ReceiptNumberGap) -> ReceiptGap:
    return ReceiptGap(
        id=row.id,
        desk_code=row.desk_code,
        year=row.year,
        first_seq=row.first_seq,
        last_seq=row.last_seq,
        cause=row.cause,
        replaced_at=row.replaced_at,
        kept_in=row.kept_in,
        recorded_at=row.created_at,
        recorded_by=row.recorded_by,
    )


def gaps_before(session: Session, rows: Sequence[Receipt]) -> dict[str, tuple[ReceiptGap, ...]]:
    """receipt id -> the gaps just before its number (a run of adjacent gaps too)."""
    series = {(r.desk_code, r.year) for r in rows}
    if not series:
        return {}
    desks = {d for d, _y in series}
    ending: dict[tuple[str, int, int], ReceiptNumberGap] = {}
    for gap in session.scalars(
        select(ReceiptNumberGap).where(
            ReceiptNumberGap.desk_code.in_(desks), ReceiptNumberGap.deleted_at.is_(None)
        )
    ):
        ending[(gap.desk_code, gap.year, gap.last_seq)] = gap
    if not ending:
        return {}
    out: dict[str, tuple[ReceiptGap, ...]] = {}
    for receipt in rows:
        found: list[ReceiptGap] = []
        at = receipt.seq - 1
        while (before := ending.get((receipt.desk_code, receipt.year, at))) is not None:
            found.append(gap_value(before))
            at = before.first_seq - 1
        if found:
            out[receipt.id] = tuple(reversed(found))
    return out


def gaps_recorded(
    session: Session, start: datetime | None = None, end: datetime | None = None
) -> list[ReceiptGap]:
    """Gaps recorded in [start, end) (every one without bounds), in number order."""
    query = select(ReceiptNumberGap).where(ReceiptNumberGap.deleted_at.is_(None))
    if start is not None:
        query = query.where(ReceiptNumberGap.created_at >= start)
    if end is not None:
        query = query.where(ReceiptNumberGap.created_at < end)
    query = query.order_by(
        ReceiptNumberGap.desk_code, ReceiptNumberGap.year, ReceiptNumberGap.first_seq
    )
    return [gap_value(r) for r in session.scalars(query)]
