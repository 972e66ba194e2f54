"""Facts are append-only in a desk's SQLite: triggers refuse UPDATE and DELETE of
audit entries, receipts, voids, prints, check-ins and check-outs; an erasure is
the one sanctioned rewrite, and a database of revision 0003 migrates to it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from smesco_desk.db import facts, migrate
from smesco_desk.db.engine import make_engine, sqlite_url
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.values.payments import ChargeForm, PayerForm
from tests.core.helpers_core import cash, db_file, raw_sqlite, rows, sale_form, scalar, visitor_form

NIK = "3174056508900001"


@pytest.fixture
def history(core: Core, receptionist: Actor, supervisor: Actor) -> dict[str, str]:
    """A visit checked out, a receipt printed and voided, paid by the visitor."""
    visit = core.visitors.register(receptionist, visitor_form(nik=NIK))
    core.visitors.check_out(receptionist, visit.badge_number)
    core.payments.open_shift(receptionist, 0)
    payer = PayerForm("visitor", visit.name, payer_id=visit.visitor_id)
    form = sale_form()
    charge = ChargeForm(payer, form.kind_code, form.lines, source="sale")
    receipt = core.payments.sell(receptionist, charge, cash())
    core.payments.record_print(receptionist, receipt.number, "thermal")
    core.payments.void(supervisor, receipt.number, "salah input harga")
    return {"visitor": visit.visitor_id, "visit": visit.id, "receipt": receipt.id}


REFUSED = (
    "UPDATE audit_log SET actor = 'x'",
    "UPDATE audit_log SET detail = '{}'",
    "DELETE FROM audit_log",
    "UPDATE receipts SET total = 1",
    "UPDATE receipts SET payer_name = 'Orang Lain'",
    "UPDATE receipts SET deleted_at = '2026-03-10 02:00:00'",
    "DELETE FROM receipts",
    "UPDATE receipt_voids SET reason = 'x'",
    "DELETE FROM receipt_voids",
    "UPDATE receipt_prints SET copy = 1",
    "DELETE FROM receipt_prints",
    "UPDATE visit_checkouts SET method = 'x'",
    "DELETE FROM visit_checkouts",
    "UPDATE visits SET checked_in_at = '2026-01-01 00:00:00'",
    "UPDATE visits SET badge_number = 'X'",
    "UPDATE visits SET visitor_name = 'Orang Lain'",
    "DELETE FROM visits",
)


@pytest.mark.parametrize("statement", REFUSED)
def test_sqlite_refuses_changing_a_fact(
    core: Core, history: dict[str, str], statement: str
) -> None:
    with raw_sqlite(db_file(core)) as conn, pytest.raises(sqlite3.IntegrityError) as caught:
        conn.execute(statement)
    assert "append-only" in str(caught.value)


def test_sqlite_lets_sync_numbers_and_a_visits_changing_columns_through(
    core: Core, history: dict[str, str]
) -> None:
    with raw_sqlite(db_file(core)) as conn:
        conn.execute("UPDATE receipts SET server_seq = 7")
        conn.execute("UPDATE audit_log SET server_seq = 8")
        conn.execute("UPDATE visits SET host = 'Bu Ani', checked_out_at = checked_out_at")
        conn.commit()
    assert scalar(core, "SELECT server_seq FROM receipts") == 7


def test_an_erasure_is_the_one_rewrite_and_leaves_nothing_in_the_file(
    core: Core, history: dict[str, str], supervisor: Actor
) -> None:
    nik_hash = scalar(core, "SELECT nik_hash FROM visitors")
    assert core.privacy.erase_visitor(supervisor, history["visitor"]) == 1
    assert scalar(core, "SELECT payer_name FROM receipts") == "(dihapus)"
    assert scalar(core, "SELECT total FROM receipts") > 0
    details = [json.loads(r[0]) for r in rows(core, "SELECT detail FROM audit_log")]
    assert {"payer": "(dihapus)", "total": 6_000} in details
    assert scalar(core, "SELECT count(*) FROM sanctioned_rewrites") == 0
    erasure = rows(core, "SELECT visitor_id, action FROM erasures")
    assert erasure == [(history["visitor"], "privacy.erase")]
    queued = rows(core, "SELECT entity, payload FROM outbox WHERE entity = 'erasures'")
    assert len(queued) == 1 and json.loads(queued[0][1])["visitor_id"] == history["visitor"]
    assert rows(core, "SELECT action FROM audit_log WHERE action = 'privacy.erase'")
    with raw_sqlite(db_file(core)) as conn, pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE erasures SET visitor_id = 'x'")
    data_dir = db_file(core).parent
    blob = b"".join(p.read_bytes() for p in data_dir.glob("smesco_desk.sqlite3*"))
    for needle in ("Siti Rahayu", "siti rahayu", "81234567890", NIK, nik_hash, "Koperasi Maju"):
        assert needle.encode() not in blob, needle


def test_a_database_of_revision_0003_migrates(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "old.sqlite3"))
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
    sent = {"id": "v2", "version": 2, "full_name": "Budi Santoso", "phone": "+6281311112222"}
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO outbox (id, seq, created_at, entity, entity_id, op, payload, sent_at)"
                " VALUES ('o1', 1, '2026-03-10 02:00:00', 'visitors', 'v2', 'update', :p,"
                " '2026-03-10 02:01:00'), ('o2', 2, '2026-03-10 02:00:00', 'visitors', 'v2',"
                " 'update', :p, NULL)"
            ),
            {"p": json.dumps(sent)},
        )
        conn.execute(
            text(
                "INSERT INTO audit_log (id, origin_desk, version, created_at, updated_at, at,"
                " actor, actor_kind, action, entity, detail) VALUES ('a1', 'D01', 1,"
                " '2026-03-10', '2026-03-10', '2026-03-10', 'admin', 'user', 'x', '', '{}')"
            )
        )
        # A visitor erased by the old rule: a conflict payload still had her name.
        conn.execute(
            text(
                "INSERT INTO visitors (id, origin_desk, version, created_at, updated_at,"
                " deleted_at, full_name, name_key, organisation, consent_at, consent_version,"
                " visit_count) VALUES ('v1', 'D01', 2, '2026-03-10', '2026-03-10', '2026-03-10',"
                " '(dihapus)', '', '', '2026-03-10', '2026-1', 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO sync_conflicts (id, origin_desk, version, created_at, updated_at,"
                " kind, entity, entity_id, op_id, desk_code, local_payload, server_payload,"
                " winner, reason, status, resolution_note) VALUES ('c1', 'D01', 1, '2026-03-10',"
                " '2026-03-10', 'concurrent_edit', 'visitors', 'v1', 'o1', 'D01', :p, :p,"
                " 'local', '', 'info', '')"
            ),
            {"p": json.dumps({**sent, "id": "v1", "full_name": "Siti Rahayu"})},
        )
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    with engine.connect() as conn:
        sides = conn.execute(text("SELECT local_payload || server_payload FROM sync_conflicts"))
        assert "Siti" not in sides.scalar_one()
    with engine.connect() as conn:
        payloads = dict(conn.execute(text("SELECT id, payload FROM outbox")).all())
        triggers = conn.execute(
            text(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
                " AND name LIKE 'append_only_%'"
            )
        )
        assert triggers.scalar_one() == 2 * len(facts.GUARDS)  # UPDATE and DELETE each
    assert json.loads(payloads["o1"]) == {"id": "v2", "version": 2}  # sent: trimmed
    assert json.loads(payloads["o2"]) == sent  # still to send: whole
    with engine.begin() as conn, pytest.raises(Exception, match="append-only"):
        conn.execute(text("UPDATE audit_log SET actor = 'x'"))
    engine.dispose()
