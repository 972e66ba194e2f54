"""Several desks on one server: offline work, then sync; conflicts made visible."""

from __future__ import annotations

from sqlalchemy import text

from smesco_desk.db.models import Base, SyncedMixin
from smesco_desk.services.core import Core
from smesco_desk.sync import ConflictChoice
from smesco_desk.sync.tables import synced_tables
from tests.sync.helpers_sync import (
    SUPERVISOR,
    Desks,
    badges,
    outbox_pending,
    register,
    server_scalar,
    sync_all,
    table_rows,
)
from tests.sync.proxy import TcpProxy

CONVERGED_TABLES = ("visitors", "visits", "visit_checkouts", "audit_log", "sync_conflicts")


def assert_converged(*cores: Core, tables: tuple[str, ...] = CONVERGED_TABLES) -> None:
    for table in tables:
        first = table_rows(cores[0], table)
        for other in cores[1:]:
            assert table_rows(other, table) == first, table


def count(core: Core, query: str) -> int:
    with core.db.engine.connect() as conn:
        return int(conn.execute(text(query)).scalar_one())


def test_every_synced_model_is_synced_by_declaration() -> None:
    declared = {
        m.local_table.name for m in Base.registry.mappers if issubclass(m.class_, SyncedMixin)
    }
    assert set(synced_tables()) == declared
    ranks = {name: t.rank for name, t in synced_tables().items()}
    assert ranks["visitors"] < ranks["visits"] < ranks["visit_checkouts"]


def test_first_desk_uploads_and_a_new_desk_downloads(desks: Desks, server_url: str) -> None:
    d1 = desks.open("D01")
    d1.setup.initialize("D01")
    register(d1, "Siti Rahayu", "081234567890")
    result = d1.sync.enroll(server_url, "D01")
    assert result.mode == "upload" and result.rows > 0
    assert outbox_pending(d1) == []
    d2 = desks.join("D02")
    assert [v.name for v in d2.visitors.list_visits(_all())] == ["Siti Rahayu"]
    # The new desk queued only its own desk row (and its audit), nothing downloaded.
    assert count(d2, "SELECT count(*) FROM outbox WHERE sent_at IS NULL") == 2
    assert server_scalar(server_url, "SELECT count(*) FROM sync_desks") == 2
    status = d2.sync.status()
    assert status.enrolled and status.desk == "D02" and status.pending_ops == 2
    assert status.cursor == server_scalar(server_url, "SELECT max(seq) FROM sync_changes")
    sync_all(d1, d2)
    assert_converged(d1, d2, tables=(*CONVERGED_TABLES, "desks", "users", "app_settings"))


def _all():  # type: ignore[no-untyped-def]
    from smesco_desk.values.visitors import VisitFilter, VisitScope

    return VisitFilter(VisitScope.HISTORY)


def _offline_registrations(desks_: list[Core], proxy: TcpProxy, per_desk: int) -> set[str]:
    proxy.go_offline()
    ids = set()
    for n, core in enumerate(desks_):
        for i in range(per_desk):
            ids.add(register(core, f"Tamu {n}-{i}", f"0812{n:03d}{i:05d}").id)
        report = core.sync.run_once()
        assert report.error and not report.refused  # offline: kept for later
        assert core.sync.status().state.value == "offline"
        assert len(outbox_pending(core)) >= 3 * per_desk
    proxy.go_online()
    return ids


def test_two_desks_registering_offline_see_every_visit_once(
    proxied_desks: Desks, proxy: TcpProxy, server_url: str
) -> None:
    d1 = proxied_desks.first("D01")
    d2 = proxied_desks.join("D02")
    ids = _offline_registrations([d1, d2], proxy, per_desk=5)
    sync_all(d1, d2)
    for core in (d1, d2):
        visits = core.visitors.list_visits(_all())
        assert sorted(v.id for v in visits) == sorted(ids)
        assert len(set(badges(core))) == 10
        assert outbox_pending(core) == []
    assert_converged(d1, d2)
    assert server_scalar(server_url, "SELECT count(*) FROM visits") == 10


def test_three_desks_registering_offline_converge(
    proxied_desks: Desks, proxy: TcpProxy, server_url: str
) -> None:
    cores = [proxied_desks.first("D01"), proxied_desks.join("D02"), proxied_desks.join("D03")]
    ids = _offline_registrations(cores, proxy, per_desk=4)
    sync_all(*cores)
    for core in cores:
        assert sorted(v.id for v in core.visitors.list_visits(_all())) == sorted(ids)
        assert core.sync.status().pending_ops == 0
    assert_converged(*cores)
    # Exactly one applied record per operation, one change per applied row.
    ops = server_scalar(server_url, "SELECT count(*) FROM sync_applied_ops")
    dupes = server_scalar(
        server_url,
        "SELECT count(*) FROM (SELECT op_id FROM sync_changes WHERE op_id IS NOT NULL"
        " GROUP BY op_id HAVING count(*) > 1) d",
    )
    assert ops > 36 and dupes == 0


def test_pulled_changes_queue_nothing_and_write_no_audit(desks: Desks) -> None:
    d1 = desks.first("D01")
    d2 = desks.join("D02")
    sync_all(d1, d2)
    outbox_before = count(d2, "SELECT count(*) FROM outbox")
    audit_local = count(d2, "SELECT count(*) FROM audit_log WHERE origin_desk = 'D02'")
    register(d1, "Budi Santoso", "081311112222")
    sync_all(d1, d2)
    assert count(d2, "SELECT count(*) FROM outbox") == outbox_before
    assert count(d2, "SELECT count(*) FROM audit_log WHERE origin_desk = 'D02'") == audit_local
    assert [v.name for v in d2.visitors.list_visits(_all())] == ["Budi Santoso"]
    # The pulled row is stored exactly as its own desk stores it.
    assert table_rows(d2, "visits") == table_rows(d1, "visits")


def test_concurrent_visitor_edits_keep_both_versions_and_show_the_outcome(
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
    assert_converged(d1, d2)
    (conflict,) = d1.sync.conflicts()
    assert conflict.kind == "concurrent_edit" and conflict.status == "info"
    assert conflict.entity == "visitors" and conflict.entity_id == first.visitor_id
    sides = {conflict.local_payload["organisation"], conflict.server_payload["organisation"]}
    assert sides == {"Koperasi B", "Koperasi C"}
    assert "organisation" in conflict.changed_fields()
    kept = conflict.local_payload if conflict.winner == "local" else conflict.server_payload
    details = d1.visitors.visitor_details(SUPERVISOR, first.visitor_id)
    assert details.organisation == kept["organisation"]
    assert d2.sync.conflicts() == [conflict]
    # Every visit stays; the history holds both check-ins.
    assert len(d1.visitors.list_visits(_all())) == 3
    assert d1.sync.status().notices == 1 and d1.sync.status().conflicts == 0

    # A supervisor restores the version that lost: it becomes the current one everywhere.
    resolved = d2.sync.resolve_conflict(SUPERVISOR, conflict.id, ConflictChoice.RESTORE, "ok")
    assert resolved.status == "resolved" and resolved.resolution == "restore"
    sync_all(d1, d2)
    lost = conflict.server_payload if conflict.winner == "local" else conflict.local_payload
    for core in (d1, d2):
        assert (
            core.visitors.visitor_details(SUPERVISOR, first.visitor_id).organisation
            == lost["organisation"]
        )
        assert core.sync.conflicts() == []
    assert_converged(d1, d2)


def test_a_row_the_server_refuses_becomes_an_open_conflict_never_a_silent_loss(
    proxied_desks: Desks, proxy: TcpProxy
) -> None:
    d1 = proxied_desks.first("D01")
    d2 = proxied_desks.join("D02")
    visit = register(d1, "Siti Rahayu", "081234567890")
    sync_all(d1, d2)
    proxy.go_offline()
    d1.visitors.check_out(SUPERVISOR, visit.badge_number)
    d2.visitors.check_out(SUPERVISOR, visit.badge_number)  # the same visit, offline
    proxy.go_online()
    sync_all(d1, d2)
    rejected = [c for c in d1.sync.conflicts() if c.kind == "rejected"]
    assert len(rejected) == 1
    (conflict,) = rejected
    assert conflict.status == "open" and conflict.entity == "visit_checkouts"
    assert conflict.desk_code == "D02" and "visit_id" in conflict.reason
    for core in (d1, d2):
        status = core.sync.status()
        assert status.conflicts == 1
    # D02 still has its own check-out row (not deleted) and holds D01's.
    assert count(d2, "SELECT count(*) FROM visit_checkouts") == 1
    assert d2.sync.status().held == 1

    # A supervisor at D01 keeps the server's outcome: D02 withdraws its row.
    d1.sync.resolve_conflict(SUPERVISOR, conflict.id, ConflictChoice.KEEP, "double scan")
    sync_all(d1, d2)
    assert d2.sync.status().held == 0
    assert d2.sync.status().conflicts == 0
    assert_converged(d1, d2)
    assert count(d2, "SELECT count(*) FROM visit_checkouts") == 1


def test_an_erasure_wins_over_a_concurrent_edit(proxied_desks: Desks, proxy: TcpProxy) -> None:
    """UU PDP: a visitor erased at one desk stays erased, whatever another desk did."""
    d1 = proxied_desks.first("D01")
    d2 = proxied_desks.join("D02")
    first = register(d1, "Siti Rahayu", "081234567890")
    sync_all(d1, d2)
    proxy.go_offline()
    register(d2, "Siti Rahayu", "081234567890", visitor_id=first.visitor_id)
    register(d2, "Siti Rahayu", "081234567890", visitor_id=first.visitor_id)  # version 3
    d1.privacy.erase_visitor(SUPERVISOR, first.visitor_id)  # version 2, a tombstone
    proxy.go_online()
    sync_all(d2, d1)  # the edit reaches the server first
    assert_converged(d1, d2)
    for core in (d1, d2):
        assert count(core, "SELECT count(*) FROM visitors WHERE deleted_at IS NOT NULL") == 1
        assert count(core, "SELECT count(*) FROM visitors WHERE phone IS NOT NULL") == 0


def test_one_refused_op_does_not_spoil_its_batch(desks: Desks, server_url: str) -> None:
    """A value the server cannot store (here a badge number too long for its
    column, which SQLite does not check) is rejected alone, visibly."""
    d1 = desks.first("D01")
    bad = register(d1, "Siti Rahayu", "081234567890")
    good = register(d1, "Budi Santoso", "081311112222")
    with d1.db.engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE outbox SET payload = json_set(payload, '$.badge_number', :b)"
                " WHERE entity = 'visits' AND entity_id = :id"
            ),
            {"b": "X" * 40, "id": bad.id},
        )
    report = d1.sync.run_once()
    assert report.error is None and report.sent == 6 and report.conflicts == 1
    (conflict,) = d1.sync.conflicts()
    assert conflict.kind == "rejected" and conflict.entity_id == bad.id
    assert conflict.local_payload["badge_number"] == "X" * 40
    assert server_scalar(server_url, "SELECT count(*) FROM visits") == 1
    assert server_scalar(server_url, "SELECT id FROM visits") == good.id
    assert d1.sync.status().conflicts == 1
