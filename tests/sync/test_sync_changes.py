"""Sync says what it changed at the desk, as services do (`core.changes.collect()`):
a pull reports the tables it wrote (the names its report announces), an
enrolment that downloads reports the tables it filled, and resolving a conflict
reports the conflict and the row it restored."""

from __future__ import annotations

from smesco_desk.sync import ConflictChoice
from smesco_desk.sync.tables import synced_tables
from tests.sync.helpers_sync import SUPERVISOR, Desks, register, sync_all
from tests.sync.proxy import TcpProxy


def test_a_pull_reports_the_tables_it_wrote(desks: Desks) -> None:
    d1 = desks.first("D01")
    d2 = desks.join("D02")
    register(d1, "Siti Rahayu", "081234567890")
    d1.sync.run_once()
    with d2.changes.collect() as changed:
        report = d2.sync.run_once()
    assert {"visitors", "visits"} <= report.changed_entities
    assert report.changed_entities <= changed
    assert "sync_state" in changed  # the cursor moved


def test_a_download_reports_the_tables_it_filled(desks: Desks) -> None:
    d1 = desks.first("D01")
    register(d1, "Siti Rahayu", "081234567890")
    d1.sync.run_once()
    d2 = desks.open("D02")
    with d2.changes.collect() as changed:
        d2.sync.enroll(desks.server_url, "D02")
    assert {"visitors", "visits", "desks", "sync_state"} <= changed
    bookkeeping = {"sync_state", "desk_settings", "outbox", "desk_counters", "sync_held"}
    assert changed <= set(synced_tables()) | bookkeeping | {"sanctioned_rewrites"}


def test_resolving_a_conflict_reports_the_conflict_and_the_restored_row(
    proxied_desks: Desks, proxy: TcpProxy
) -> None:
    d1 = proxied_desks.first("D01")
    d2 = proxied_desks.join("D02")
    first = register(d1, "Siti Rahayu", "081234567890", organisation="Koperasi A")
    d1.visitors.check_out(SUPERVISOR, first.badge_number)  # she comes back later, twice
    sync_all(d1, d2)
    proxy.go_offline()
    register(
        d1, "Siti Rahayu", "081234567890", organisation="Koperasi B", visitor_id=first.visitor_id
    )
    register(
        d2, "Siti Rahayu", "081234567890", organisation="Koperasi C", visitor_id=first.visitor_id
    )
    proxy.go_online()
    sync_all(d1, d2)
    (conflict,) = d2.sync.conflicts()
    with d2.changes.collect() as changed:
        d2.sync.resolve_conflict(SUPERVISOR, conflict.id, ConflictChoice.RESTORE, "ok")
    assert changed == {"sync_conflicts", "visitors", "audit_log", "outbox", "desk_counters"}
