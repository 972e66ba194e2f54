"""What the outbox carries for sync, and how a pull treats rows with local changes."""

from __future__ import annotations

from sqlalchemy import text

from smesco_desk.services.core import Core
from tests.sync.helpers_sync import SUPERVISOR, Desks, register, sync_all


def ops(core: Core) -> list[tuple[object, ...]]:
    with core.db.engine.connect() as conn:
        return [
            tuple(r)
            for r in conn.execute(
                text("SELECT seq, txn, entity, op, base_version FROM outbox ORDER BY seq")
            )
        ]


def test_ops_carry_their_transaction_and_base_version(desks: Desks) -> None:
    core = desks.open("D01")
    core.setup.initialize("D01")
    before = len(ops(core))
    visit = register(core, "Siti Rahayu", "081234567890")
    core.visitors.check_out(SUPERVISOR, visit.badge_number)
    register(core, "Siti Rahayu", "081234567890", visitor_id=visit.visitor_id)
    rows = ops(core)[before:]
    first, second, third = rows[0:3], rows[3:6], rows[6:9]
    assert {r[1] for r in first} == {first[0][0]}  # one transaction, one txn number
    assert {r[1] for r in second} == {second[0][0]} != {first[0][0]}
    assert [(r[2], r[3], r[4]) for r in second] == [
        ("visit_checkouts", "insert", None),
        ("visits", "update", 1),  # the visit was at version 1 when it was checked out
        ("audit_log", "insert", None),
    ]
    assert ("visitors", "update", 1) in [(r[2], r[3], r[4]) for r in third]


def test_a_pull_leaves_rows_with_unsent_changes_alone(desks: Desks) -> None:
    d1, d2 = desks.first("D01"), desks.join("D02")
    visit = register(d1, "Siti Rahayu", "081234567890", organisation="A")
    d1.visitors.check_out(SUPERVISOR, visit.badge_number)
    sync_all(d1, d2)
    register(d1, "Siti Rahayu", "081234567890", organisation="B", visitor_id=visit.visitor_id)
    d1.sync.push()
    register(d2, "Siti Rahayu", "081234567890", organisation="C", visitor_id=visit.visitor_id)
    assert d2.sync.pull().error is None  # brings B, but D02's own change waits
    assert d2.visitors.visitor_details(SUPERVISOR, visit.visitor_id).organisation == "C"
    sync_all(d2, d1)
    final = {
        d.visitors.visitor_details(SUPERVISOR, visit.visitor_id).organisation for d in (d1, d2)
    }
    assert len(final) == 1
    assert [c.kind for c in d1.sync.conflicts()] == ["concurrent_edit"]
