"""Erasure (UU PDP) reaches every copy the system keeps: every desk's SQLite file
(tables, outbox, conflicts, write-ahead log), the server's tables, conflicts and
change log. Only backups keep a copy, and export-visitor lists them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from smesco_desk.domain.charges import LineInput
from smesco_desk.services.actors import SYSTEM, Actor, Role
from smesco_desk.services.core import Core
from smesco_desk.values.payments import ChargeForm, PayerForm
from tests.core.helpers_core import cash
from tests.sync.helpers_sync import (
    RECEPTION,
    SUPERVISOR,
    Desks,
    outbox_pending,
    register,
    server_rows,
    server_scalar,
    sync_all,
    table_rows,
)
from tests.sync.proxy import TcpProxy

pytestmark = pytest.mark.slow

NAME, PHONE, NIK = "Siti Rahayu", "081234567890", "3174056508900001"
ORGANISATION = "Koperasi Melati Jaya"
SYNCED_NOW = (
    "visitors", "visits", "visit_checkouts", "audit_log", "app_settings", "desks", "users",
    "visit_purposes", "charge_kinds", "price_items",
)
ADMIN = Actor("admin", Role.ADMIN, "user", "Admin")
TABLES = ("visitors", "visits", "charges", "receipts", "audit_log", "sync_conflicts", "erasures")


def scalar(core: Core, query: str, **params: object) -> object:
    with core.db.engine.connect() as conn:
        return conn.execute(text(query), params).scalar()


def server_text(server_url: str) -> str:
    """Every row of every table of the server database, as text."""
    query = "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
    tables = [r[0] for r in server_rows(server_url, query)]
    assert {"sync_changes", "sync_conflicts", "visitors", "receipts"} <= set(tables)
    rows = [r for t in tables for r in server_rows(server_url, f'SELECT t::text FROM "{t}" t')]
    return "\n".join(str(r[0]) for r in rows)


def desk_files(root: Path) -> list[Path]:
    """Every SQLite file (and its -wal, -shm) of every desk, backups aside."""
    found = [p for p in root.rglob("*.sqlite3*") if "backups" not in p.parts]
    assert any(p.name.endswith("-wal") for p in found)
    return found


def needles(nik_hash: str) -> list[bytes]:
    return [
        s.encode()
        for s in (NAME, NAME.lower(), PHONE[1:], NIK, NIK[-8:], nik_hash, ORGANISATION)
    ]


def test_an_erasure_at_one_desk_reaches_every_copy_everywhere(
    proxied_desks: Desks, proxy: TcpProxy, server_url: str, tmp_path: Path
) -> None:
    d1, d2 = proxied_desks.first("D01"), proxied_desks.join("D02")
    d3 = proxied_desks.join("D03")  # stays behind: its cursor is old when it pulls
    first = register(d1, NAME, PHONE, nik=NIK, organisation=ORGANISATION)
    d1.payments.open_shift(RECEPTION, 0)
    payer = PayerForm("visitor", NAME, payer_id=first.visitor_id)
    lines = (LineInput("Sewa ruang rapat", 1, 250_000),)
    d1.payments.sell(RECEPTION, ChargeForm(payer, "service", lines, source="sale"), cash())
    nik_hash = str(scalar(d1, "SELECT nik_hash FROM visitors WHERE id = :v", v=first.visitor_id))
    sync_all(d1, d2)
    # Both desks edit her offline: an info conflict holding both versions everywhere.
    proxy.go_offline()
    register(d1, NAME, PHONE, organisation=ORGANISATION + " A", visitor_id=first.visitor_id)
    register(d2, NAME, PHONE, organisation=ORGANISATION + " B", visitor_id=first.visitor_id)
    proxy.go_online()
    sync_all(d1, d2)
    conflicts = d2.sync.conflicts(open_only=False)
    assert any(c.entity == "visitors" and c.kind == "concurrent_edit" for c in conflicts)
    (d1.data_dir / "backups").mkdir()
    # The backup holds her, until removed.
    backup = d1.maintenance.backup(SYSTEM, d1.data_dir / "backups").path
    # D02, offline again, registers her once more while D01 erases her.
    proxy.go_offline()
    register(d2, NAME, PHONE, organisation=ORGANISATION, visitor_id=first.visitor_id)
    exported = d1.privacy.export_visitor(SUPERVISOR, first.visitor_id)
    assert exported["stored_in"]["tables"]["receipts"] == 1
    assert exported["stored_in"]["server"] is not None
    assert [b["path"] for b in exported["stored_in"]["backups"]] == [str(backup)]
    assert "30" in exported["stored_in"]["backups_note"]
    d1.privacy.erase_visitor(SUPERVISOR, first.visitor_id)
    proxy.go_online()
    sync_all(d2, d1, d3, rounds=3)

    for found in (desk_files(tmp_path), [server_text(server_url).encode()]):
        blob = b"".join(p.read_bytes() if isinstance(p, Path) else p for p in found)
        for needle in needles(nik_hash):
            assert needle not in blob, needle
    for core in (d1, d2, d3):
        assert outbox_pending(core) == []
        for table in TABLES:
            mine = table_rows(core, table, ("server_seq",))
            assert mine == table_rows(d1, table, ("server_seq",)), table
    # The backup still has her, and the export had listed it.
    assert NAME.encode() in backup.read_bytes()


def test_sent_outbox_ops_keep_no_payload(desks: Desks) -> None:
    d1 = desks.first("D01")
    register(d1, NAME, PHONE, nik=NIK)
    assert d1.sync.run_once().error is None
    with d1.db.engine.connect() as conn:
        payloads = [r[0] for r in conn.execute(text("SELECT payload FROM outbox"))]
    assert payloads and all(NAME not in p and PHONE[1:] not in p for p in payloads)
    assert all(set(json.loads(p)) == {"id", "version"} for p in payloads)


def test_the_change_log_keeps_one_change_per_row_and_a_late_desk_converges(
    desks: Desks, server_url: str
) -> None:
    d1 = desks.first("D01")
    d2 = desks.join("D02")
    visit = register(d1, NAME, PHONE)
    for n in range(5):  # each closes the visit before (one more change of that visit too)
        last = register(d1, NAME, PHONE, organisation=f"Koperasi {n}", visitor_id=visit.visitor_id)
    d1.visitors.check_out(SUPERVISOR, last.badge_number)
    assert d1.sync.run_once().error is None
    for n in range(3):
        d1.settings.set(ADMIN, "closing_time", f"2{n}:00")
    assert d1.sync.run_once().error is None
    per_row = server_rows(
        server_url,
        "SELECT entity_id, count(*) FROM sync_changes GROUP BY entity_id HAVING count(*) > 1",
    )
    assert per_row == []
    rows = server_scalar(server_url, "SELECT count(*) FROM sync_changes")
    assert rows == sum(
        server_scalar(server_url, f'SELECT count(*) FROM "{t}"')  # noqa: S608
        for t in SYNCED_NOW
    )
    assert d2.sync.run_once().error is None  # its cursor is from before all that
    assert d2.sync.status().held == 0
    assert d1.sync.run_once().error is None  # D02's own desk row
    for table in ("visitors", "visits", "visit_checkouts", "audit_log", "app_settings"):
        assert table_rows(d2, table) == table_rows(d1, table), table


def test_a_desk_that_had_not_heard_of_the_erasure_cannot_bring_the_data_back(
    desks: Desks, server_url: str, tmp_path: Path
) -> None:
    d1, d2 = desks.first("D01"), desks.join("D02")
    first = register(d1, NAME, PHONE, organisation=ORGANISATION)
    sync_all(d1, d2)
    d1.visitors.check_out(SUPERVISOR, first.badge_number)
    d1.privacy.erase_visitor(SUPERVISOR, first.visitor_id)
    assert d1.sync.run_once().error is None  # the server has the erasure
    # D02 had not synced since: it registers her again, with her name, then syncs.
    again = register(d2, NAME, PHONE, organisation=ORGANISATION, visitor_id=first.visitor_id)
    sync_all(d2, d1)
    blob = server_text(server_url).encode() + b"".join(p.read_bytes() for p in desk_files(tmp_path))
    for needle in (NAME, NAME.lower(), PHONE[1:], ORGANISATION):
        assert needle.encode() not in blob, needle
    assert server_scalar(server_url, "SELECT visitor_name FROM visits WHERE id = %s", again.id) == (
        "(dihapus)"
    )
    deleted = "SELECT deleted_at IS NOT NULL FROM visitors WHERE id = %s"
    assert server_scalar(server_url, deleted, first.visitor_id) is True
    for table in TABLES:
        assert table_rows(d2, table, ("server_seq",)) == table_rows(d1, table, ("server_seq",))
