"""Issue 9, item 4: the same person registered at two (or three) desks while they
were offline is one visitor after sync, with one open visit, at every desk."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from smesco_desk.services.core import Core
from smesco_desk.values.visitors import VisitFilter, VisitScope
from tests.sync.helpers_sync import Desks, register, server_rows, sync_all, table_rows
from tests.sync.proxy import TcpProxy

CONVERGED = ("visitors", "visits", "visit_checkouts", "audit_log", "sync_conflicts")
NIK = "3273014508900001"


def rows(core: Core, query: str) -> list[tuple[Any, ...]]:
    with core.db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(query))]


def live_visitors(core: Core) -> list[str]:
    return [r[0] for r in rows(core, "SELECT id FROM visitors WHERE deleted_at IS NULL")]


def inside(core: Core) -> list[str]:
    return [v.id for v in core.visitors.list_visits(VisitFilter(VisitScope.IN_BUILDING))]


def assert_converged(*cores: Core) -> None:
    for table in CONVERGED:
        first = table_rows(cores[0], table)
        for other in cores[1:]:
            assert table_rows(other, table) == first, table


def assert_one_person(core: Core, survivor: str, merged: set[str], open_visit: str) -> None:
    assert live_visitors(core) == [survivor]
    tombstones = rows(
        core, "SELECT id, merged_into, phone, nik_hash FROM visitors WHERE deleted_at IS NOT NULL"
    )
    assert sorted(tombstones) == sorted((m, survivor, None, None) for m in merged)
    assert {r[0] for r in rows(core, "SELECT visitor_id FROM visits")} == {survivor}
    assert inside(core) == [open_visit]  # the in-building and muster lists: once
    assert core.sync.status().pending_ops == 0


def test_two_desks_offline_the_same_person_is_merged(
    proxied_desks: Desks, proxy: TcpProxy, server_url: str
) -> None:
    d1 = proxied_desks.first("D01")
    d2 = proxied_desks.join("D02")
    sync_all(d1, d2)
    proxy.go_offline()
    a = register(d1, "Siti Rahayu", "081234567890")
    b = register(d2, "SITI  rahayu", "+62 812-3456-7890")  # the same phone and folded name
    assert inside(d1) == [a.id] and inside(d2) == [b.id]
    proxy.go_online()
    sync_all(d1, d2)
    for core in (d1, d2):
        assert_one_person(core, a.visitor_id, {b.visitor_id}, b.id)
        # The older visit was closed as replaced, when the newer one began.
        (closed,) = rows(core, "SELECT visit_id, method, checked_out_at FROM visit_checkouts")
        assert closed[:2] == (a.id, "replaced")
        assert core.visitors.get_visit(a.id).checked_out_at == b.checked_in_at
        assert core.sync.status().conflicts == 0
    assert_converged(d1, d2)
    assert server_rows(server_url, "SELECT count(*) FROM visitors WHERE deleted_at IS NULL") == [
        (1,)
    ]
    # Back at either desk, she is found as one returning visitor.
    again = register(d2, "Siti Rahayu", "081234567890")
    assert again.visitor_id == a.visitor_id and again.replaced_badges == (b.badge_number,)


def test_the_older_registration_survives_whichever_desk_syncs_first(
    proxied_desks: Desks, proxy: TcpProxy
) -> None:
    """The same NIK pseudonym, different phones: the person registered first at
    D02 survives although D01's record reached the server first."""
    d1 = proxied_desks.first("D01")
    d2 = proxied_desks.join("D02")
    sync_all(d1, d2)
    proxy.go_offline()
    older = register(d2, "Siti Rahayu", "081234567890", nik=NIK)
    newer = register(d1, "Siti R.", "085711122233", nik=NIK)
    proxy.go_online()
    sync_all(d1, d2)
    for core in (d1, d2):
        assert_one_person(core, older.visitor_id, {newer.visitor_id}, newer.id)
    assert_converged(d1, d2)


def test_three_desks_offline_converge_on_one_person(proxied_desks: Desks, proxy: TcpProxy) -> None:
    cores = [proxied_desks.first("D01"), proxied_desks.join("D02"), proxied_desks.join("D03")]
    sync_all(*cores)
    proxy.go_offline()
    made = [register(core, "Budi Santoso", "081311112222") for core in cores]
    proxy.go_online()
    sync_all(*reversed(cores), rounds=3)
    first, *others = made
    for core in cores:
        assert_one_person(core, first.visitor_id, {v.visitor_id for v in others}, made[-1].id)
        replaced = rows(core, "SELECT visit_id FROM visit_checkouts WHERE method = 'replaced'")
        assert sorted(r[0] for r in replaced) == sorted(v.id for v in made[:-1])
    assert_converged(*cores)


def test_a_visit_for_a_merged_visitor_moves_to_the_survivor(
    proxied_desks: Desks, proxy: TcpProxy
) -> None:
    """A desk that did not know of the merge re-registers the person under the
    old record: the server moves the visit, and closes the one she replaced."""
    d1 = proxied_desks.first("D01")
    d2 = proxied_desks.join("D02")
    sync_all(d1, d2)
    proxy.go_offline()
    older = register(d1, "Ani Wijaya", "085711122233")  # D01 stays offline for a while
    proxy.go_online()
    first = register(d2, "Ani Wijaya", "085711122233")
    sync_all(d2)
    proxy.go_offline()
    second = register(d2, "Ani Wijaya", "085711122233", visitor_id=first.visitor_id)
    proxy.go_online()
    sync_all(d1)  # the merge: D02's record becomes a tombstone
    sync_all(d2, d1)
    for core in (d1, d2):
        assert live_visitors(core) == [older.visitor_id]
        assert {r[0] for r in rows(core, "SELECT visitor_id FROM visits")} == {older.visitor_id}
        assert inside(core) == [second.id]
    assert_converged(d1, d2)
    # A returning visit chosen by the old record's id lands on the survivor.
    third = register(d2, "Ani Wijaya", "085711122233", visitor_id=first.visitor_id)
    assert third.visitor_id == older.visitor_id and inside(d2) == [third.id]
