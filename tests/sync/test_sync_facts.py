"""Facts stay facts on the real PostgreSQL: a desk that sends, through its normal
outbox, a change of another desk's audit entry, receipt or shift gets an open
conflict and the server keeps the fact; the server's own triggers refuse UPDATE
and DELETE of facts except the erasure's sanctioned rewrite."""

from __future__ import annotations

import json
from typing import Any

import psycopg
import pytest
from sqlalchemy import text

from smesco_desk.services.core import Core
from smesco_desk.sync.connection import conninfo
from tests.core.helpers_core import cash, sale_form
from tests.sync.helpers_sync import (
    RECEPTION,
    SUPERVISOR,
    Desks,
    register,
    server_scalar,
    sync_all,
)

pytestmark = pytest.mark.slow


def forge_update(core: Core, entity: str, entity_id: str, **changes: Any) -> None:
    """Queue, as this desk's next outbox op, an update of a row it pulled from another
    desk (the local trigger refuses the change itself; the outbox is just a table)."""
    with core.db.engine.begin() as conn:
        row = conn.execute(
            text(f'SELECT * FROM "{entity}" WHERE id = :id'), {"id": entity_id}  # noqa: S608
        ).mappings().one()
        payload = {k: (json.loads(v) if k in ("detail",) else v) for k, v in row.items()}
        base = payload["version"]
        payload.update(changes, version=base + 1)
        seq = int(conn.execute(text("SELECT coalesce(max(seq), 0) + 1 FROM outbox")).scalar_one())
        conn.execute(
            text(
                "INSERT INTO outbox (id, seq, created_at, entity, entity_id, op, payload, txn,"
                " base_version) VALUES (:id, :seq, :at, :e, :eid, 'update', :p, :seq, :base)"
            ),
            {
                "id": f"forged-{seq}",
                "seq": seq,
                "at": payload["updated_at"],
                "e": entity,
                "eid": entity_id,
                "p": json.dumps(payload),
                "base": base,
            },
        )


def refused(core: Core, entity_id: str) -> list[Any]:
    return [c for c in core.sync.conflicts() if c.entity_id == entity_id and c.kind == "rejected"]


def test_a_desk_cannot_rewrite_another_desks_erasure_audit_entry(
    desks: Desks, server_url: str
) -> None:
    d1, d3 = desks.first("D01"), desks.join("D03")
    visit = register(d1, "Siti Rahayu", "081234567890")
    d1.privacy.erase_visitor(SUPERVISOR, visit.visitor_id)
    sync_all(d1, d3)
    audit_id = server_scalar(server_url, "SELECT id FROM audit_log WHERE action = 'privacy.erase'")
    forge_update(d3, "audit_log", audit_id, actor="nobody", action="visit.check_in")
    report = d3.sync.run_once()
    assert report.error is None and report.conflicts == 1
    (conflict,) = refused(d3, audit_id)
    assert conflict.status == "open" and "append_only_audit_log" in conflict.reason
    actor = server_scalar(server_url, "SELECT actor FROM audit_log WHERE id = %s", audit_id)
    assert actor == SUPERVISOR.audit_name
    sync_all(d1, d3)
    assert [c.id for c in refused(d1, audit_id)] == [conflict.id]  # every desk sees it
    with d1.db.engine.connect() as conn:
        local = conn.execute(text("SELECT actor FROM audit_log WHERE id = :i"), {"i": audit_id})
        assert local.scalar_one() == SUPERVISOR.audit_name


def test_a_desk_cannot_rewrite_another_desks_receipt_or_shift(
    desks: Desks, server_url: str
) -> None:
    d1, d3 = desks.first("D01"), desks.join("D03")
    shift = d1.payments.open_shift(RECEPTION, 100_000)
    receipt = d1.payments.sell(RECEPTION, sale_form(), cash(10_000))
    sync_all(d1, d3)
    forge_update(d3, "receipts", receipt.id, total=1, payer_name="Orang Lain")
    forge_update(d3, "cash_shifts", shift.id, opening_float=0)
    report = d3.sync.run_once()
    assert report.error is None and report.conflicts == 2
    assert "append_only_receipts" in refused(d3, receipt.id)[0].reason
    assert "owned_by_origin" in refused(d3, shift.id)[0].reason
    assert server_scalar(server_url, "SELECT total FROM receipts") == receipt.total
    assert server_scalar(server_url, "SELECT opening_float FROM cash_shifts") == 100_000


def test_postgres_triggers_refuse_changes_of_facts_but_the_erasure(
    desks: Desks, server_url: str
) -> None:
    d1 = desks.first("D01")
    visit = register(d1, "Siti Rahayu", "081234567890")
    d1.payments.open_shift(RECEPTION, 0)
    receipt = d1.payments.sell(RECEPTION, sale_form(), cash())
    d1.visitors.check_out(SUPERVISOR, visit.badge_number)
    d1.payments.void(SUPERVISOR, receipt.number, "salah input harga")
    assert d1.sync.run_once().error is None
    with psycopg.connect(**conninfo(server_url, "test"), autocommit=True) as conn:
        for statement in (
            "UPDATE receipts SET total = 1",
            "UPDATE receipts SET payer_name = '(dihapus)'",  # personal, but no erasure
            "DELETE FROM receipts",
            "UPDATE audit_log SET actor = 'x'",
            "DELETE FROM audit_log",
            "UPDATE receipt_voids SET reason = 'x'",
            "UPDATE visit_checkouts SET checked_out_at = now()",
            "UPDATE visits SET badge_number = 'X'",
            "UPDATE visits SET visitor_name = 'Orang Lain'",
            "DELETE FROM visits",
            "TRUNCATE receipt_prints, receipt_voids, visit_checkouts, receipts CASCADE",
        ):
            with pytest.raises(psycopg.errors.IntegrityError) as caught:
                conn.execute(statement)
            assert (caught.value.diag.constraint_name or "").startswith("append_only_"), statement
        conn.execute("UPDATE receipts SET server_seq = server_seq")  # sync's own number
        conn.execute("UPDATE visits SET checked_out_at = checked_out_at, host = 'Bu Ani'")
        with conn.transaction():  # a grant alone, without an erasure of that person: no
            grant = "INSERT INTO sanctioned_rewrites VALUES ('erasure', %s)"
            conn.execute(grant, (visit.visitor_id,))
            with pytest.raises(psycopg.errors.IntegrityError), conn.transaction():
                conn.execute("UPDATE receipts SET payer_name = '(dihapus)'")
            conn.execute("DELETE FROM sanctioned_rewrites")
    # The erasure itself: its rewrites pass, and only the personal columns changed.
    d1.privacy.erase_visitor(SUPERVISOR, visit.visitor_id)
    assert d1.sync.run_once().error is None
    assert server_scalar(server_url, "SELECT visitor_name FROM visits") == "(dihapus)"
    assert server_scalar(server_url, "SELECT count(*) FROM sanctioned_rewrites") == 0
    assert server_scalar(server_url, "SELECT total FROM receipts") == receipt.total
