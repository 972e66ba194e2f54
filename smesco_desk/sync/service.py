"""The sync service (`core.sync`): status, one push-and-pull, enrolment, conflicts.

One run pushes the outbox in order, in batches, each batch one server
transaction; the desk marks the ops sent only after that commit returned (a
resend after a lost acknowledgement changes nothing: the server knows every
op id). Then it pulls the changes after its cursor, each batch committed
locally in one IMMEDIATE transaction together with the new cursor.

Before anything is sent the run refuses, keeping the outbox, when the server's
schema revision is not this desk's or the clocks differ by more than five
minutes.

An acknowledged op keeps no payload. A pulled erasure (UU PDP) is carried out
before the rest of its batch: this desk blanks its own copies of the person's
data (smesco_desk.services.erasure).

A pull asks for `pull_batch` changes at a time. On a link that drops every
connection after a few hundred kilobytes such a batch might never arrive whole,
so a failed fetch halves the batch (down to PULL_FLOOR) and every committed batch
doubles it again (up to `pull_batch`); the size is kept in the link state, so
the next run (or the next `sync run` process) starts from it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import psycopg
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from smesco_desk.db import migrate
from smesco_desk.db.facts import GUARDS
from smesco_desk.db.models import OutboxOp, SyncConflict
from smesco_desk.errors import AlreadyDone, DomainError, NotFound, PermissionDenied
from smesco_desk.i18n import _
from smesco_desk.services.actors import Actor, Role
from smesco_desk.services.erasure import erase_locally
from smesco_desk.services.recording import pending_outbox
from smesco_desk.services.transaction import Transaction
from smesco_desk.sync import desk as local
from smesco_desk.sync import server
from smesco_desk.sync.connection import connect, display_url, unreachable_message
from smesco_desk.sync.tables import model_for, synced_table
from smesco_desk.sync.values import (
    BOOKING_OVERLAP,
    DOUBLE_PAYMENT,
    LEASE_OVERLAP,
    ConflictChoice,
    ConflictInfo,
    EnrollResult,
    LinkState,
    NotEnrolled,
    SyncRefused,
    SyncReport,
    SyncStatus,
    SyncUnavailable,
)
from smesco_desk.values import value_from

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from smesco_desk.services.core import Core

log = logging.getLogger(__name__)
MAX_CLOCK_SKEW = timedelta(minutes=5)
PULL_FLOOR = 10
RESOLVERS = {Role.SUPERVISOR, Role.ADMIN}
FaultHook = Callable[[str], None]


class _Link:
    def __init__(self, state: dict[str, str]) -> None:
        self.url = state[local.SERVER]
        self.desk = state[local.DESK]
        self.instance = state[local.INSTANCE]
        self.pull_size = int(state.get(local.PULL_SIZE) or 0) or None


class SyncService:
    push_batch = 500
    pull_batch = 1000

    def __init__(self, core: Core) -> None:
        self.core = core
        self._run_lock = threading.Lock()
        # Tests set this to break the connection at a named point of a run:
        # push.before, push.committed, pull.fetched, pull.applied, enroll.transfer.
        self.fault_hook: FaultHook | None = None
        self._pull_size: int | None = None  # this run's adaptive pull batch
        # Called after a pull (or an enrolment) committed, with the tables it
        # wrote: what keeps a copy outside the database (a tenant's documents as
        # files in the data folder) brings it up to date. Never raises into sync.
        self.after_pull: list[Callable[[frozenset[str]], object]] = []

    def pull_size(self) -> int:
        """How many changes the next pull asks for (see the module docstring)."""
        with self.core.db.read() as session:
            stored = local.read_state(session).get(local.PULL_SIZE)
        return self._clamp(int(stored) if stored else None)

    def _clamp(self, size: int | None) -> int:
        return max(min(PULL_FLOOR, self.pull_batch), min(size or self.pull_batch, self.pull_batch))

    # --- status ----------------------------------------------------------------

    def status(self) -> SyncStatus:
        with self.core.db.read() as session:
            state = local.read_state(session)
            pending = pending_outbox(session)
            conflicts, notices = local.conflict_counts(session)
            held = local.held_count(session)
        enrolled = bool(state.get(local.SERVER))
        link = LinkState.NOT_ENROLLED
        if enrolled:
            link = LinkState(state.get(local.STATE) or LinkState.NEVER.value)
        return SyncStatus(
            enrolled=enrolled,
            desk=state.get(local.DESK) or self._desk_or_none(),
            server=display_url(state[local.SERVER]) if enrolled else None,
            state=link,
            pending_ops=pending,
            last_sync_at=local.parse_time(state.get(local.LAST_SYNC)),
            last_attempt_at=local.parse_time(state.get(local.LAST_ATTEMPT)),
            last_error=state.get(local.LAST_ERROR),
            conflicts=conflicts,
            notices=notices,
            held=held,
            cursor=int(state.get(local.CURSOR) or 0),
        )

    def _desk_or_none(self) -> str | None:
        try:
            return self.core.desk_code
        except DomainError:
            return None

    def is_enrolled(self) -> bool:
        with self.core.db.read() as session:
            return bool(local.read_state(session).get(local.SERVER))

    def _link(self) -> _Link:
        with self.core.db.read() as session:
            state = local.read_state(session)
        if not state.get(local.SERVER):
            raise NotEnrolled(_("Desk ini belum terhubung ke server sinkronisasi."))
        return _Link(state)

    # --- enrolment ---------------------------------------------------------------

    def enroll(self, server_url: str, desk_code: str) -> EnrollResult:
        """Join this desk to a central server (see smesco_desk.sync.enroll)."""
        from smesco_desk.sync.enroll import enroll

        with self._run_lock:
            result = enroll(self, server_url, desk_code)
        from smesco_desk.sync.tables import synced_tables

        self._pulled(frozenset(synced_tables()))
        return result

    def _pulled(self, tables: frozenset[str]) -> None:
        if not tables:
            return
        for hook in self.after_pull:
            try:
                hook(tables)
            except Exception:  # a copy outside the database: it is made again later
                log.exception("after-pull hook failed")

    def check_server(self, conn: server.Conn) -> None:
        """Refuse when schema revisions or clocks differ (nothing sent yet)."""
        revision, server_now = server.revision_and_now(conn)
        mine = migrate.current_revision(self.core.db.engine)
        if revision != mine:
            raise SyncRefused(
                _(
                    "Versi skema server ({server}) berbeda dari desk ini ({desk}). Perbarui"
                    " aplikasi di semua desk; data tetap tersimpan di desk ini."
                ).format(server=revision or "-", desk=mine or "-")
            )
        skew = self.core.now() - server_now
        if abs(skew) > MAX_CLOCK_SKEW:
            minutes = round(abs(skew).total_seconds() / 60)
            raise SyncRefused(
                _(
                    "Jam desk ini selisih {minutes} menit dari server (batas 5 menit). Setel"
                    " jam komputer; data tetap tersimpan di desk ini."
                ).format(minutes=minutes)
            )

    # --- one run ------------------------------------------------------------------

    def run_once(self) -> SyncReport:
        """Push the outbox, then pull; never raises for an unreachable or refusing
        server (the report carries the message). NotEnrolled if not enrolled."""
        return self._run(push=True, pull=True)

    def push(self) -> SyncReport:
        """Only push the outbox (as run_once, without pulling)."""
        return self._run(push=True, pull=False)

    def pull(self) -> SyncReport:
        """Only pull other desks' changes (as run_once, without pushing)."""
        return self._run(push=False, pull=True)

    def _run(self, push: bool, pull: bool) -> SyncReport:
        with self._run_lock:
            link = self._link()
            self._pull_size = self._clamp(link.pull_size)
            counts = {"sent": 0, "received": 0, "conflicts": 0}
            changed: set[str] = set()
            try:
                conn = connect(link.url, link.desk)
                try:
                    self.check_server(conn)
                    self._receipt_series(conn, link)
                    if push:
                        self._push(conn, link, counts)
                    if pull:
                        self._pull(conn, link, counts, changed)
                finally:
                    conn.close()
            except SyncUnavailable as exc:
                return self._finish(counts, changed, LinkState.OFFLINE, exc.message)
            except SyncRefused as exc:
                return self._finish(counts, changed, LinkState.REFUSED, exc.message)
            except psycopg.OperationalError as exc:
                return self._finish(counts, changed, LinkState.OFFLINE, unreachable_message(exc))
            except psycopg.Error as exc:
                detail = str(exc).strip() or type(exc).__name__
                return self._finish(counts, changed, LinkState.ERROR, detail)
            finally:
                self._pulled(frozenset(changed))
            return self._finish(counts, changed, LinkState.ONLINE, None)

    def _finish(
        self, counts: dict[str, int], changed: set[str], state: LinkState, error: str | None
    ) -> SyncReport:
        now = self.core.now()
        values: dict[str, Any] = {
            local.LAST_ATTEMPT: now,
            local.STATE: state.value,
            local.LAST_ERROR: error,
            local.PULL_SIZE: None,
        }
        if self._pull_size is not None and self._pull_size < self.pull_batch:
            values[local.PULL_SIZE] = self._pull_size
        if error is None:
            values[local.LAST_SYNC] = now
        with self.core.db.write() as session:
            local.write_state(session, **values)
        return SyncReport(
            counts["sent"],
            counts["received"],
            counts["conflicts"],
            error,
            state is LinkState.REFUSED,
            frozenset(changed),
        )

    def _receipt_series(self, conn: server.Conn, link: _Link) -> None:
        """Move this desk's receipt series past every number the server has from
        it (a desk restored from an old backup), and lift a restore hold."""
        from smesco_desk.services.payments import PaymentService

        high = server.receipt_high_water(conn, link.desk)
        with self.core.db.write() as session:
            PaymentService.apply_server_high_water(session, link.desk, high)

    def fault(self, point: str) -> None:
        """A named point of a run or an enrolment, where tests break the connection."""
        if self.fault_hook is not None:
            self.fault_hook(point)

    def _push(self, conn: server.Conn, link: _Link, counts: dict[str, int]) -> None:
        self.fault("push.before")
        while True:
            with self.core.db.read() as session:
                ops = local.pending_batch(session, self.push_batch)
            if not ops:
                return
            results = server.push_ops(conn, link.desk, link.instance, ops)
            self.fault("push.committed")
            with self.core.db.write() as session:
                local.acknowledge(session, ops, results, self.core.now())
            counts["sent"] += len(ops)
            counts["conflicts"] += sum(1 for r in results if r.conflict_id and not r.repeated)

    def _pull(
        self, conn: server.Conn, link: _Link, counts: dict[str, int], changed: set[str]
    ) -> None:
        erased: set[str] = set()
        while True:
            with self.core.db.read() as session:
                cursor = int(local.read_state(session).get(local.CURSOR) or 0)
            size = self._clamp(self._pull_size)
            try:
                changes = server.fetch_changes(conn, cursor, size)
            except psycopg.Error:
                self._pull_size = self._clamp(size // 2)  # the link may not carry a whole one
                raise
            if not changes:
                break
            self.fault("pull.fetched")
            with self.core.db.write() as session:
                applier = self._applier(session, link.desk)
                # Another run in another process may have moved the cursor meanwhile.
                cursor = int(local.read_state(session).get(local.CURSOR) or 0)
                erased |= _erase_pulled(session, applier, [c for c in changes if c.seq > cursor])
                for change in changes:
                    if change.seq > cursor and applier.apply(change):
                        changed.add(change.entity)
                        if change.origin_desk != link.desk:
                            counts["received"] += 1
                applier.finish()
                local.write_state(session, **{local.CURSOR: max(cursor, changes[-1].seq)})
            self._pull_size = self._clamp(size * 2)
            self.fault("pull.applied")
        with self.core.db.write() as session:
            if local.held_count(session):
                self._applier(session, link.desk).retry_held()
        if erased:
            self.core.after_erasure()

    def _applier(self, session: Session, desk: str) -> local.LocalApplier:
        return local.LocalApplier(session, desk, lambda c: self._withdraw(session, desk, c))

    # --- conflicts -------------------------------------------------------------------

    def conflicts(self, open_only: bool = True) -> list[ConflictInfo]:
        """Conflicts, newest first; open_only: those still open or not yet acknowledged."""
        with self.core.db.read() as session:
            query = select(SyncConflict).where(SyncConflict.deleted_at.is_(None))
            if open_only:
                query = query.where(SyncConflict.status != "resolved")
            query = query.order_by(SyncConflict.created_at.desc(), SyncConflict.id.desc())
            return [_info(c) for c in session.scalars(query)]

    def conflict(self, conflict_id: str) -> ConflictInfo:
        with self.core.db.read() as session:
            return _info(self._get_conflict(session, conflict_id))

    def _get_conflict(self, session: Session, conflict_id: str) -> SyncConflict:
        row = session.get(SyncConflict, conflict_id)
        if row is None or row.deleted_at is not None:
            raise NotFound(_("Konflik tidak ditemukan."))
        return row

    def resolve_conflict(
        self, actor: Actor, conflict_id: str, choice: ConflictChoice | str, note: str = ""
    ) -> ConflictInfo:
        """A supervisor's decision. KEEP: the server's outcome stays (a rejected row
        is withdrawn at its desk). RESTORE: the losing version becomes the current
        one, as a new change of this desk. A charge paid twice is settled only by
        its refund, a void of the second receipt (the server then resolves it)."""
        if actor.role not in RESOLVERS:
            message = _("Hanya supervisor atau admin yang dapat menyelesaikan konflik.")
            raise PermissionDenied(message)
        try:
            choice = ConflictChoice(choice)
        except ValueError:
            raise DomainError(_("Pilihan penyelesaian tidak dikenal."), "choice") from None
        desk = self.core.desk_code
        with self.core.db.write() as session:
            tx = Transaction.joining(self.core, session, actor, desk)
            conflict = self._get_conflict(session, conflict_id)
            if conflict.status == "resolved":
                raise AlreadyDone(_("Konflik ini sudah diselesaikan."))
            if conflict.kind == DOUBLE_PAYMENT:
                raise DomainError(
                    _(
                        "Uangnya harus dikembalikan: batalkan kuitansi {number} (Pembayaran ›"
                        " Batalkan). Konflik ini selesai setelah pembatalan itu tersinkron."
                    ).format(number=conflict.local_payload.get("number", "?")),
                    "choice",
                )
            if conflict.kind == BOOKING_OVERLAP:
                raise DomainError(
                    _(
                        "Pindahkan pemesanan ini ke slot lain atau batalkan (Konflik ›"
                        " Pindahkan ke … / Batalkan); konflik ini selesai dengan itu."
                    ),
                    "choice",
                )
            if conflict.kind == LEASE_OVERLAP:
                raise DomainError(
                    _(
                        "Pindahkan sewa ini ke stan atau tanggal lain, atau batalkan"
                        " (Konflik › Pindahkan / Batalkan sewa); konflik ini selesai dengan itu."
                    ),
                    "choice",
                )
            rows: list[tuple[Any, str]] = []
            if choice is ConflictChoice.RESTORE:
                rows.append(self._restore(tx, conflict))
            conflict.status, conflict.resolution = "resolved", choice.value
            conflict.resolved_by, conflict.resolved_at = actor.audit_name, tx.now
            conflict.resolution_note = note.strip()
            rows.append((tx.update(conflict), "update"))
            detail = {"conflict_id": conflict.id, "choice": choice.value, "entity": conflict.entity}
            tx.record("sync.conflict.resolve", rows, detail)
            session.flush()
            if choice is ConflictChoice.KEEP:
                self._withdraw(session, desk, {"id": conflict.id})
            return _info(conflict)

    @staticmethod
    def _restore(tx: Transaction, conflict: SyncConflict) -> tuple[Any, str]:
        if conflict.entity in GUARDS:
            raise DomainError(
                _("Catatan ini tidak dapat diubah; catat koreksi sebagai catatan baru."), "choice"
            )
        losing = conflict.server_payload if conflict.winner == "local" else conflict.local_payload
        if losing is None:
            raise DomainError(_("Tidak ada versi lain untuk dipulihkan."), "choice")
        table = synced_table(conflict.entity)
        values = table.to_python(losing)
        model = model_for(conflict.entity)
        row = tx.session.get(model, conflict.entity_id)
        op = "update"
        if row is None:
            row = model(**{k: v for k, v in values.items() if k != "server_seq"})
            row.version = 0
            tx.session.add(row)
            op = "insert"
        else:
            skip = {"id", "origin_desk", "version", "server_seq", "created_at", "updated_at"}
            for key, value in values.items():
                if key not in skip:
                    setattr(row, key, value)
        return tx.update(row), op

    def _withdraw(self, session: Session, desk: str, values: dict[str, Any]) -> None:
        """At the desk whose row was rejected: once a supervisor kept the server's
        outcome, remove that row (the server never had it; the conflict keeps it)."""
        # populate_existing: the pull wrote these rows with plain SQL.
        conflict = session.get(SyncConflict, values["id"], populate_existing=True)
        if conflict is None or conflict.desk_code != desk or conflict.kind != "rejected":
            return
        if conflict.status != "resolved" or conflict.resolution != ConflictChoice.KEEP.value:
            return
        model = model_for(conflict.entity)
        row = session.get(model, conflict.entity_id, populate_existing=True)
        if row is None or row.server_seq is not None:
            return
        waiting = select(OutboxOp.id).where(
            OutboxOp.entity_id == row.id, OutboxOp.sent_at.is_(None)
        )
        if session.scalar(waiting.limit(1)) is not None:
            return  # changed again since: the next push decides
        try:
            with session.begin_nested():
                session.delete(row)
        except IntegrityError:  # rows of this desk still point at it: keep it
            return


def _erase_pulled(
    session: Session, applier: local.LocalApplier, changes: list[server.Change]
) -> set[str]:
    """Carry out the erasures among pulled changes before anything else of the batch
    (an erasure names only the visitor, and the event participants found to be
    them: this desk blanks its own copies)."""
    erasures = [c for c in changes if c.entity == "erasures"]
    for change in erasures:
        applier.apply(change)  # the fact first: the triggers' grant needs it
    visitors = {str(c.payload["visitor_id"]) for c in erasures}
    attendees = {str(a) for c in erasures for a in c.payload.get("attendee_ids") or ()}
    businesses = {str(b) for c in erasures for b in c.payload.get("business_ids") or ()}
    if visitors:
        erase_locally(session, visitors, attendees, businesses)
    return visitors


def _info(c: SyncConflict) -> ConflictInfo:
    return value_from(
        ConflictInfo,
        c,
        local_payload=dict(c.local_payload),
        server_payload=None if c.server_payload is None else dict(c.server_payload),
    )
