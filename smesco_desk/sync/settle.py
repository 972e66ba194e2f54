"""Rules the server applies across rows, once a desk's batch is written.

`push_ops` runs them inside the push transaction, after the batch's own writes
(plain queries see them) and under the change lock (no other desk's push
interleaves, so the outcome depends only on the order of the change log). What
they change is written as new changes whose origin is SERVER_DESK; every desk
pulls them like any other change, so every desk ends with the same rows.

- One live payment per charge. A charge voided at one desk, then paid again
  offline at two desks, has two live (not voided) receipts. Both stay: they are
  facts, and their numbers are never reused. The one that reached the server
  later gets an open `double_payment` conflict ("paid twice: refund Rp... to
  ..."). It is resolved when a void of that receipt arrives (the supervisor's
  refund, which the void notes in the cash shift), or when the payment the
  server had accepted is voided instead and this one takes its place.
- One visitor per person. Live visitors with the same NIK pseudonym, or the
  same phone and the same folded name, are one person registered at two desks
  while both were offline. The oldest id survives (UUIDv7: the earliest
  registration); the others' visits move to it, and they become tombstones
  that point at it (`merged_into`; their phone and NIK pseudonym are cleared).
  A visit that arrives for a merged visitor moves to the survivor too.
- A person never has two open visits: all but the latest check-in are closed
  as "replaced" at the time of the latest, as a re-registration at one desk does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, LiteralString

from psycopg import sql
from psycopg.types.json import Json

from smesco_desk.ids import new_id
from smesco_desk.sync.server_push import OpResult, PushBatch, PushOp
from smesco_desk.sync.server_queries import row_params, upsert_sql
from smesco_desk.sync.tables import synced_table
from smesco_desk.sync.values import DOUBLE_PAYMENT, double_payment_text

# The origin of the rows and changes these rules make: no desk code is lower case.
SERVER_DESK = "sync"
SERVER_ACTOR = "system:sync"
APPLIED = ("applied", "won")


def settle(batch: PushBatch, ops: Sequence[PushOp], results: dict[str, OpResult]) -> None:
    """Apply the rules to what `ops` wrote; a conflict raised about an op's row is
    added to that op's result (in place)."""
    rules = _Rules(batch, ops, results)
    rules.one_visitor_per_person()
    rules.one_live_payment_per_charge()
    for op_id, conflict_id in rules.conflicts.items():
        r = results[op_id]
        results[op_id] = OpResult(r.op_id, r.status, r.server_seq, r.version, conflict_id)


class _Rules:
    def __init__(
        self, batch: PushBatch, ops: Sequence[PushOp], results: dict[str, OpResult]
    ) -> None:
        self.batch, self.conn, self.now = batch, batch.conn, batch.now
        self.touched: dict[str, dict[str, str]] = {}  # entity -> entity id -> op id
        for op in ops:
            if results[op.id].status in APPLIED:
                self.touched.setdefault(op.entity, {})[op.entity_id] = op.id
        self.conflicts: dict[str, str] = {}  # op id -> conflict id

    # --- writing -------------------------------------------------------------------

    def _write(self, name: str, values: dict[str, Any]) -> dict[str, Any]:
        table = synced_table(name)
        self.batch.seq += 1
        values = {**values, "server_seq": self.batch.seq}
        self.conn.execute(upsert_sql(name), row_params(table, values))
        payload = Json(table.to_payload(values))
        self.batch.changes.append((self.batch.seq, name, values["id"], SERVER_DESK, None, payload))
        return values

    def _update(self, name: str, current: dict[str, Any], **changes: Any) -> dict[str, Any]:
        version = int(current["version"]) + 1
        return self._write(name, {**current, **changes, "version": version, "updated_at": self.now})

    def _insert(self, name: str, **values: Any) -> dict[str, Any]:
        base = {
            "id": new_id(),
            "origin_desk": SERVER_DESK,
            "version": 1,
            "created_at": self.now,
            "updated_at": self.now,
            "deleted_at": None,
        }
        return self._write(name, {**base, **values})

    def _audit(self, action: str, entity: str, entity_id: str, detail: dict[str, Any]) -> None:
        self._insert(
            "audit_log",
            at=self.now,
            actor=SERVER_ACTOR,
            actor_kind="system",
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=detail,
        )

    # --- reading -------------------------------------------------------------------

    def _select(self, name: str, where: LiteralString, *params: Any) -> list[dict[str, Any]]:
        """Rows of a synced table as column values; `where` is SQL over alias `t`."""
        table = synced_table(name)
        query = sql.SQL("SELECT {cols} FROM {t} AS t WHERE ").format(
            cols=sql.SQL(", ").join(sql.Identifier("t", c) for c in table.columns),
            t=sql.Identifier(name),
        ) + sql.SQL(where)
        rows = self.conn.execute(query, params).fetchall()
        return [table.to_python(dict(zip(table.columns, r, strict=True))) for r in rows]

    # --- one visitor per person ----------------------------------------------------------

    def one_visitor_per_person(self) -> None:
        people: set[str] = set()
        alone, twins = self._same_person_candidates(list(self.touched.get("visitors", {})))
        people.update(alone)
        for visitor_id in sorted(twins):
            people.update(self._merge_same_person(visitor_id))
        visits = list(self.touched.get("visits", {}))
        checkouts = list(self.touched.get("visit_checkouts", {}))
        if visits or checkouts:
            where = (
                "t.id = ANY(%s) OR t.id IN (SELECT visit_id FROM visit_checkouts"
                " WHERE id = ANY(%s)) ORDER BY t.id"
            )
            found = self._select("visits", where, visits, checkouts)
            merged = self._merged_visitors([v["visitor_id"] for v in found])
            ended = self._checkout_times([v["id"] for v in found if v["checked_out_at"] is None])
            for visit in found:
                people.add(self._settle_visit(visit, merged, ended))
        self._close_all_but_latest(people)

    def _same_person_candidates(self, ids: list[str]) -> tuple[set[str], set[str]]:
        """The live visitors among `ids`, split: those no other live visitor is the
        same person as (nothing to merge: one query for the batch), and the rest."""
        if not ids:
            return set(), set()
        rows = self.conn.execute(
            "SELECT t.id, EXISTS (SELECT 1 FROM visitors o WHERE o.id <> t.id"
            " AND o.deleted_at IS NULL AND ((t.nik_hash IS NOT NULL AND o.nik_hash = t.nik_hash)"
            " OR (t.phone_key IS NOT NULL AND o.phone_key = t.phone_key"
            " AND o.name_key = t.name_key))) FROM visitors t"
            " WHERE t.id = ANY(%s) AND t.deleted_at IS NULL",
            (ids,),
        ).fetchall()
        return {str(r[0]) for r in rows if not r[1]}, {str(r[0]) for r in rows if r[1]}

    def _merged_visitors(self, ids: list[str]) -> set[str]:
        """Those of `ids` that were merged into another visitor (one query)."""
        rows = self.conn.execute(
            "SELECT id FROM visitors WHERE id = ANY(%s) AND merged_into IS NOT NULL", (ids,)
        ).fetchall()
        return {str(r[0]) for r in rows}

    def _checkout_times(self, visit_ids: list[str]) -> dict[str, Any]:
        """visit id -> its check-out fact's time, for those of `visit_ids` that have one."""
        if not visit_ids:
            return {}
        rows = self.conn.execute(
            "SELECT visit_id, checked_out_at FROM visit_checkouts WHERE visit_id = ANY(%s)",
            (visit_ids,),
        ).fetchall()
        return {str(r[0]): r[1] for r in rows}

    def _settle_visit(self, visit: dict[str, Any], merged: set[str], ended: dict[str, Any]) -> str:
        """Move a visit of a merged visitor to the survivor, and mark it ended when
        its check-out fact exists (two desks' edits of the row: the rule keeps one
        whole row, these two facts must both hold). Returns its visitor."""
        changes: dict[str, Any] = {}
        survivor = str(visit["visitor_id"])
        if survivor in merged:
            survivor = self._survivor_of(survivor)
        if survivor != visit["visitor_id"]:
            changes["visitor_id"] = survivor
        if visit["checked_out_at"] is None and visit["id"] in ended:
            changes["checked_out_at"] = ended[visit["id"]]
        if changes:
            self._update("visits", visit, **changes)
        return survivor

    def _merge_same_person(self, visitor_id: str) -> set[str]:
        found = self._select("visitors", "t.id = %s AND t.deleted_at IS NULL", visitor_id)
        if not found:
            return set()
        v = found[0]
        same = self._select(
            "visitors",
            "t.deleted_at IS NULL AND ((t.nik_hash IS NOT NULL AND t.nik_hash = %s)"
            " OR (t.phone_key IS NOT NULL AND t.phone_key = %s AND t.name_key = %s))",
            v["nik_hash"],
            v["phone_key"],
            v["name_key"],
        )
        group = sorted({r["id"]: r for r in [v, *same]}.values(), key=lambda r: r["id"])
        survivor, losers = group[0], group[1:]
        moved = 0
        for loser in losers:
            self._update(
                "visitors",
                loser,
                deleted_at=self.now,
                merged_into=survivor["id"],
                phone=None,
                phone_key=None,
                nik_hash=None,
                nik_masked=None,
            )
            for visit in self._select("visits", "t.visitor_id = %s", loser["id"]):
                self._update("visits", visit, visitor_id=survivor["id"])
                moved += 1
            for earlier in self._select("visitors", "t.merged_into = %s", loser["id"]):
                self._update("visitors", earlier, merged_into=survivor["id"])  # no chains
        if losers:
            with_nik = next((r for r in losers if r["nik_hash"]), None)
            if survivor["nik_hash"] is None and with_nik is not None:
                nik = {"nik_hash": with_nik["nik_hash"], "nik_masked": with_nik["nik_masked"]}
                self._update("visitors", survivor, **nik)
            merged = [r["id"] for r in losers]
            detail = {"merged": merged, "visits_moved": moved}
            self._audit("visitor.merge", "visitors", survivor["id"], detail)
        return {survivor["id"]}

    def _survivor_of(self, visitor_id: str) -> str:
        """Follow `merged_into` from a visitor to the live one it was merged into."""
        seen = {visitor_id}
        while True:
            row = self.conn.execute(
                "SELECT merged_into FROM visitors WHERE id = %s", (visitor_id,)
            ).fetchone()
            if row is None or row[0] is None or row[0] in seen:
                return visitor_id
            visitor_id = str(row[0])
            seen.add(visitor_id)

    def _close_all_but_latest(self, people: set[str]) -> None:
        """Each person's open visits but the latest are closed (one query for all)."""
        if not people:
            return
        by_person: dict[str, list[dict[str, Any]]] = {}
        for visit in self._select(
            "visits",
            "t.visitor_id = ANY(%s) AND t.checked_out_at IS NULL AND t.deleted_at IS NULL"
            " AND NOT EXISTS (SELECT 1 FROM visit_checkouts c WHERE c.visit_id = t.id)"
            " ORDER BY t.checked_in_at, t.id",
            sorted(people),
        ):
            by_person.setdefault(visit["visitor_id"], []).append(visit)
        for person in sorted(by_person):
            if len(by_person[person]) > 1:
                self._close_open(by_person[person])

    def _close_open(self, open_visits: list[dict[str, Any]]) -> None:
        at = open_visits[-1]["checked_in_at"]
        for visit in open_visits[:-1]:
            fact = self._insert(
                "visit_checkouts",
                visit_id=visit["id"],
                checked_out_at=at,
                method="replaced",
                checked_out_by=SERVER_ACTOR,
            )
            self._update("visits", visit, checked_out_at=at)
            detail = {"badge_number": visit["badge_number"], "method": "replaced"}
            self._audit("visit.check_out", "visit_checkouts", fact["id"], detail)

    # --- one live payment per charge ---------------------------------------------------------

    def one_live_payment_per_charge(self) -> None:
        receipts = list(self.touched.get("receipts", {}))
        voids = list(self.touched.get("receipt_voids", {}))
        if not receipts and not voids:
            return
        charges = {
            str(r[0])
            for r in self.conn.execute(
                "SELECT charge_id FROM receipts WHERE id = ANY(%s) OR id IN"
                " (SELECT receipt_id FROM receipt_voids WHERE id = ANY(%s))",
                (receipts, voids),
            )
        }
        for charge_id in sorted(charges):
            self._check_charge(charge_id)

    def _check_charge(self, charge_id: str) -> None:
        live = self._select(
            "receipts",
            "t.charge_id = %s AND t.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM"
            " receipt_voids v WHERE v.receipt_id = t.id AND v.deleted_at IS NULL)"
            " ORDER BY t.server_seq, t.id",
            charge_id,
        )
        extra = {r["id"]: r for r in live[1:]}
        open_conflicts = self._select(
            "sync_conflicts",
            "t.kind = %s AND t.status = 'open' AND t.entity_id IN"
            " (SELECT id FROM receipts WHERE charge_id = %s)",
            DOUBLE_PAYMENT,
            charge_id,
        )
        flagged = {c["entity_id"] for c in open_conflicts}
        for receipt_id, receipt in extra.items():
            if receipt_id not in flagged:
                self._paid_twice(receipt, live[0])
        for conflict in open_conflicts:
            if conflict["entity_id"] not in extra:
                self._refunded(conflict)

    def _paid_twice(self, receipt: dict[str, Any], first: dict[str, Any]) -> None:
        table = synced_table("receipts")
        second, kept = table.to_payload(receipt), table.to_payload(first)
        op_id = self.touched.get("receipts", {}).get(receipt["id"], "")
        conflict = self._insert(
            "sync_conflicts",
            kind=DOUBLE_PAYMENT,
            entity="receipts",
            entity_id=receipt["id"],
            op_id=op_id,
            desk_code=receipt["desk_code"],
            local_payload=second,
            server_payload=kept,
            winner="server",
            reason=double_payment_text(second, kept),
            status="open",
            resolution=None,
            resolved_by=None,
            resolved_at=None,
            resolution_note="",
        )
        if op_id:
            self.conflicts[op_id] = conflict["id"]

    def _refunded(self, conflict: dict[str, Any]) -> None:
        """The receipt was voided (the refund), or the accepted payment was and this
        one is the accepted payment now: the conflict is settled."""
        voids = self._select(
            "receipt_voids", "t.receipt_id = %s AND t.deleted_at IS NULL", conflict["entity_id"]
        )
        if voids:
            void = voids[0]
            by, at, note = void["voided_by"], void["voided_at"], void["reason"]
            resolution = "refund"
        else:
            by, at, note, resolution = SERVER_ACTOR, self.now, "", "accepted"
        self._update(
            "sync_conflicts",
            conflict,
            status="resolved",
            resolution=resolution,
            resolved_by=by,
            resolved_at=at,
            resolution_note=note,
        )
