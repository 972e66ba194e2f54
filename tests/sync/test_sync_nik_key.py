"""The NIK key across desks: shared at enrolment only, never in what the server syncs.

A returning visitor registered at one desk is found by NIK at another desk of
the same server, because enrolment hands every desk the server's key (the first
desk uploads its own). The server keeps it in `sync_secrets`, a server-only
table: never in the synced tables, the change log or a desk's download.
"""

from __future__ import annotations

import psycopg
import pytest
from psycopg import sql

from smesco_desk.db import migrate
from smesco_desk.db.engine import make_engine
from smesco_desk.errors import DomainError
from smesco_desk.paths import nik_key_path
from smesco_desk.services.nik_key import NikKeyMissing
from smesco_desk.sync.connection import conninfo
from tests.sync.helpers_sync import (
    RECEPTION,
    Desks,
    register,
    server_rows,
    server_scalar,
    sync_all,
    table_rows,
)

NIK = "3174015708900001"
NIK_OTHER = "3273012505850003"


def server_tables_holding(server_url: str, needle: str) -> list[str]:
    """Every server table (but sync_secrets) with a row whose text holds `needle`."""
    with psycopg.connect(**conninfo(server_url, "test")) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                " AND tablename <> 'sync_secrets'"
            )
        ]
        query = "SELECT count(*) FROM {} AS t WHERE t::text LIKE %s"
        return [
            t
            for t in tables
            if conn.execute(sql.SQL(query).format(sql.Identifier(t)), (f"%{needle}%",)).fetchone()
            != (0,)
        ]


def shared_key(server_url: str) -> str | None:
    return server_scalar(server_url, "SELECT value FROM sync_secrets WHERE name = 'nik_key'")


def test_a_returning_visitor_is_found_by_nik_at_a_second_desk(desks: Desks) -> None:
    d1 = desks.first("D01")
    first = register(d1, "Siti Rahayu", "081234567890", nik=NIK)
    d2 = desks.join("D02")
    sync_all(d1, d2)
    assert d2.nik_key.key() == d1.nik_key.key()
    assert shared_key(desks.server_url) == d1.nik_key.key().hex()
    (found,) = d2.visitors.suggest(RECEPTION, NIK)
    assert (found.visitor_id, found.matched_on) == (first.visitor_id, "nik")
    # Registered again at D02 with a new phone: the NIK alone finds the same person.
    again = register(d2, "Siti R.", "089912345678", nik=NIK)
    assert again.visitor_id == first.visitor_id
    sync_all(d1, d2)
    assert table_rows(d1, "visitors") == table_rows(d2, "visitors")
    assert server_scalar(desks.server_url, "SELECT count(*) FROM visitors") == 1


def test_the_key_is_in_no_table_the_server_syncs(desks: Desks) -> None:
    d1 = desks.first("D01")
    register(d1, "Siti Rahayu", "081234567890", nik=NIK)
    d2 = desks.join("D02")
    register(d2, "Budi Santoso", "081322223333", nik=NIK_OTHER)
    sync_all(d1, d2)
    key = d1.nik_key.key().hex()
    assert shared_key(desks.server_url) == key
    assert server_tables_holding(desks.server_url, key) == []
    assert server_tables_holding(desks.server_url, key.upper()) == []
    # Nor in anything a desk holds in its database.
    for core in (d1, d2):
        with core.db.engine.connect() as conn:
            dump = "\n".join(conn.connection.driver_connection.iterdump())  # type: ignore[union-attr]
        assert key not in dump and NIK not in dump and NIK_OTHER not in dump


def test_a_linked_desk_that_lost_its_key_file_gets_it_back_by_enrolling_again(
    desks: Desks,
) -> None:
    d1 = desks.first("D01")
    register(d1, "Siti Rahayu", "081234567890", nik=NIK)
    d2 = desks.join("D02")
    key = d2.nik_key.key()
    d2.close()
    nik_key_path(desks.root / "d02").unlink()
    d2 = desks.open("D02")
    with pytest.raises(NikKeyMissing, match="sync enroll"):
        register(d2, "Budi Santoso", "081322223333", nik=NIK_OTHER)
    assert d2.sync.enroll(desks.server_url, "D02").mode == "resume"
    assert d2.nik_key.key() == key
    sync_all(d1, d2)
    assert d2.visitors.suggest(RECEPTION, NIK)[0].matched_on == "nik"


def test_a_desk_with_pseudonyms_never_takes_a_different_key(desks: Desks) -> None:
    d1 = desks.first("D01")
    register(d1, "Siti Rahayu", "081234567890", nik=NIK)
    nik_key_path(desks.root / "d01").write_text("ab" * 32)
    d1 = desks.open("D01")  # a new process reads the (tampered) file
    with pytest.raises(DomainError, match="berbeda"):
        d1.sync.enroll(desks.server_url, "D01")
    assert nik_key_path(desks.root / "d01").read_text().strip() == "ab" * 32


def _age_server(server_url: str) -> None:
    """The server as the code before migration 0007 left it: no sync_secrets, the key
    as a synced setting (in the table and the change log), HMACs and 8-digit masks.
    The revisions after 0007 are taken back first."""
    from alembic import command
    from alembic.script import ScriptDirectory

    cfg = migrate.alembic_config()
    engine = make_engine(server_url)
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0007")
    finally:
        engine.dispose()
    parent = ScriptDirectory.from_config(cfg).get_revision("0007")
    with psycopg.connect(**conninfo(server_url, "test")) as conn:
        conn.execute("DROP TABLE sync_secrets")
        conn.execute("UPDATE alembic_version SET version_num = %s", (parent.down_revision,))
        conn.execute(
            "INSERT INTO app_settings (id, key, value, origin_desk, version, created_at,"
            " updated_at) VALUES ('01000000-0000-7000-8000-000000000001', 'nik_hash_key',"
            " '\"old-key-zq\"', 'D01', 1, now(), now())"
        )
        conn.execute(
            "INSERT INTO sync_changes (seq, entity, entity_id, origin_desk, payload) VALUES"
            " (100000, 'app_settings', '01000000-0000-7000-8000-000000000001', 'D01',"
            " '{\"key\": \"nik_hash_key\", \"value\": \"old-key-zq\"}')"
        )
        conn.execute(  # (markers no random hex id can hold)
            "UPDATE visitors SET nik_hash = 'old-hash-zq', nik_masked = '3174********0001'"
        )
        conn.execute(
            "UPDATE sync_changes SET payload = (payload::jsonb || jsonb_build_object("
            " 'nik_hash', 'old-hash-zq', 'nik_masked', '3174********0001'))::json"
            " WHERE entity = 'visitors'"
        )


def test_migrating_a_server_drops_the_old_key_and_hashes_from_its_change_log(
    desks: Desks,
) -> None:
    d1 = desks.first("D01")
    register(d1, "Siti Rahayu", "081234567890", nik=NIK)
    sync_all(d1)
    _age_server(desks.server_url)
    engine = make_engine(desks.server_url)
    try:
        migrate.upgrade(engine)
    finally:
        engine.dispose()
    assert server_tables_holding(desks.server_url, "old-key-zq") == []
    assert server_tables_holding(desks.server_url, "old-hash-zq") == []
    assert server_tables_holding(desks.server_url, "3174****") == []
    assert server_rows(desks.server_url, "SELECT nik_masked, nik_hash FROM visitors") == [
        ("************0001", None)
    ]
    assert shared_key(desks.server_url) is None  # the old key was not kept


def test_after_a_server_upgrade_the_first_desk_to_enrol_again_uploads_its_key(
    desks: Desks,
) -> None:
    d1 = desks.first("D01")
    d2 = desks.join("D02")
    with psycopg.connect(**conninfo(desks.server_url, "test")) as conn:
        conn.execute("DELETE FROM sync_secrets")  # a server upgraded from before the key
    for code in ("D01", "D02"):
        nik_key_path(desks.root / code.lower()).unlink()
    d1.close()
    d2.close()
    d1, d2 = desks.open("D01"), desks.open("D02")
    d2.sync.enroll(desks.server_url, "D02")
    d1.sync.enroll(desks.server_url, "D01")
    assert d1.nik_key.key() == d2.nik_key.key()
    assert shared_key(desks.server_url) == d2.nik_key.key().hex()
    register(d2, "Siti Rahayu", "081234567890", nik=NIK)
    sync_all(d1, d2)
    assert d1.visitors.suggest(RECEPTION, NIK)[0].matched_on == "nik"
