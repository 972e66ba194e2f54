"""The NIK key lives outside the database: no copy of the data rebuilds a NIK.

A copy of the database, its write-ahead log, the outbox or a backup holds
neither the key nor anything a NIK can be tested against without it; with the
key, a guess costs one argon2id run at no less than the documented floor
(tests/core/test_nik.py; the measured cost: benchmarks/bench_nik_pseudonym.py).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text, update

from smesco_desk.db import engine as engine_module
from smesco_desk.db import migrate
from smesco_desk.db.models import AppSetting, OutboxOp, SyncConflict, SyncHeld, Visitor
from smesco_desk.domain.nik import nik_pseudonym
from smesco_desk.ids import new_id
from smesco_desk.paths import database_path, nik_key_path
from smesco_desk.services.actors import SYSTEM, Actor
from smesco_desk.services.core import Core, open_core
from smesco_desk.services.nik_key import NikKeyMissing, _write_new
from smesco_desk.services.recording import enqueue, new_synced, record, row_payload, touch
from smesco_desk.values.visitors import VisitorForm
from tests.core.helpers_core import NIK_BUDI, NIK_SITI, FakeClock

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def form(
    name: str = "Siti Rahayu", phone: str = "0812 3456 7890", nik: str = NIK_SITI
) -> VisitorForm:
    return VisitorForm(name=name, phone=phone, purpose="meeting", nik=nik, consent=True)


def stored(core: Core, query: str) -> list[tuple[object, ...]]:
    with core.db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(query))]


def every_file(folder: Path) -> list[Path]:
    """Every file the desk keeps in its data folder except the key's own folder."""
    keys = nik_key_path(folder).parent
    return [p for p in folder.rglob("*") if p.is_file() and keys not in p.parents]


def test_the_key_is_a_private_file_of_its_own(core: Core, data_dir: Path) -> None:
    path = nik_key_path(data_dir)
    assert core.nik_key.path() == path and path.is_file()
    assert len(core.nik_key.key()) == 32
    assert path.read_text().strip() == core.nik_key.key().hex()
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_no_copy_of_the_data_holds_the_key_or_anything_to_test_a_nik_against(
    core: Core, receptionist: Actor, data_dir: Path, tmp_path: Path
) -> None:
    core.visitors.register(receptionist, form())
    core.visitors.register(receptionist, form("Budi Santoso", "0813 2222 3333", NIK_BUDI))
    core.maintenance.backup(SYSTEM, tmp_path / "copy.sqlite3")
    key = core.nik_key.key()
    ((hashed,),) = stored(core, "SELECT nik_hash FROM visitors WHERE full_name = 'Siti Rahayu'")
    # The key is the one thing missing: with it the stored pseudonym is rebuilt.
    assert nik_pseudonym(key, NIK_SITI) == hashed
    core.close()
    files = [*every_file(data_dir), tmp_path / "copy.sqlite3"]
    assert database_path(data_dir) in files
    for path in files:
        data = path.read_bytes()
        for secret in (key, key.hex().encode(), key.hex().upper().encode()):
            assert secret not in data, f"the NIK key is in {path.name}"
        for nik in (NIK_SITI, NIK_BUDI):
            assert nik.encode() not in data and nik[:12].encode() not in data, path.name
    with core.db.engine.connect() as conn:
        payloads = " ".join(str(r[0]) for r in conn.execute(text("SELECT payload FROM outbox")))
    assert key.hex() not in payloads and "nik_hash_key" not in payloads
    assert hashed in payloads  # the pseudonym itself syncs: useless without the key


def test_a_returning_visitor_is_found_by_nik_after_a_restart_and_from_the_cli(
    core: Core, receptionist: Actor, data_dir: Path, clock: FakeClock
) -> None:
    first = core.visitors.register(receptionist, form())
    core.close()
    again = open_core(data_dir, clock=clock)
    try:
        (found,) = again.visitors.suggest(receptionist, NIK_SITI)
        assert (found.visitor_id, found.matched_on) == (first.visitor_id, "nik")
        assert found.nik_masked == "************0001"
    finally:
        again.close()
    # The command line reads the same key file: its registration finds the same person.
    env = {**os.environ, "SMESCO_DESK_DATA_DIR": str(data_dir)}
    args = ["--name", "S. Rahayu", "--phone", "0899 1111 2222", "--purpose", "meeting"]
    result = subprocess.run(
        [sys.executable, "-m", "smesco_desk", "register", *args, "--nik", NIK_SITI, "--consent"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    reopened = open_core(data_dir, clock=clock)
    try:
        assert stored(reopened, "SELECT count(*), max(visit_count) FROM visitors") == [(1, 2)]
    finally:
        reopened.close()


def test_a_missing_key_file_with_pseudonyms_is_an_error_not_a_new_key(
    core: Core, receptionist: Actor, data_dir: Path, clock: FakeClock
) -> None:
    core.visitors.register(receptionist, form())
    core.close()
    nik_key_path(data_dir).unlink()
    again = open_core(data_dir, clock=clock)
    try:
        with pytest.raises(NikKeyMissing) as caught:
            again.visitors.register(receptionist, form("Budi Santoso", "0813 2222 3333", NIK_BUDI))
        assert caught.value.field == "nik"
        assert str(nik_key_path(data_dir)) in caught.value.message
        with pytest.raises(NikKeyMissing):
            again.visitors.suggest(receptionist, NIK_SITI)
        assert not nik_key_path(data_dir).exists()
        assert stored(again, "SELECT count(*) FROM visitors") == [(1,)]
        # Everything without a NIK still works; the visitor is found by phone.
        again.visitors.register(receptionist, form(nik=""))
        assert stored(again, "SELECT count(*), max(visit_count) FROM visitors") == [(1, 2)]
    finally:
        again.close()


def test_a_desk_linked_to_a_server_never_makes_its_own_key(
    core: Core, receptionist: Actor, data_dir: Path
) -> None:
    nik_key_path(data_dir).unlink()
    with core.db.write() as session:
        session.execute(text("INSERT INTO sync_state (key, value) VALUES ('server_url', 'x')"))
    fresh = Core(core.db, data_dir=data_dir, clock=core.clock)
    with pytest.raises(NikKeyMissing, match="sync enroll"):
        fresh.visitors.register(receptionist, form())
    assert not nik_key_path(data_dir).exists()


def test_a_standalone_desk_without_pseudonyms_makes_its_key_on_first_need(
    core: Core, receptionist: Actor, data_dir: Path
) -> None:
    nik_key_path(data_dir).unlink()  # e.g. a desk just upgraded from before the key file
    fresh = Core(core.db, data_dir=data_dir, clock=core.clock)
    fresh.visitors.register(receptionist, form())
    assert nik_key_path(data_dir).is_file()
    assert fresh.visitors.suggest(receptionist, NIK_SITI)[0].matched_on == "nik"


def test_two_first_starts_agree_on_one_key(tmp_path: Path) -> None:
    path = nik_key_path(tmp_path)
    assert _write_new(path, b"a" * 32) == b"a" * 32
    assert _write_new(path, b"b" * 32) == b"a" * 32  # the second keeps the first's
    assert [p.name for p in path.parent.iterdir()] == ["nik.key"]  # no temporary left


@pytest.mark.parametrize("content", ["", "not a key", "ab" * 31, "zz" * 32])
def test_a_damaged_key_file_is_an_error(core: Core, data_dir: Path, content: str) -> None:
    nik_key_path(data_dir).write_text(content)
    fresh = Core(core.db, data_dir=data_dir, clock=core.clock)
    with pytest.raises(NikKeyMissing, match="rusak"):
        fresh.nik_key.key()
    assert nik_key_path(data_dir).read_text() == content  # never replaced


@posix_only
def test_a_key_file_opened_to_others_is_closed_again(core: Core, data_dir: Path) -> None:
    path = nik_key_path(data_dir)
    path.chmod(0o644)
    Core(core.db, data_dir=data_dir, clock=core.clock).nik_key.key()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_key_is_no_setting(core: Core, admin: Actor) -> None:
    assert "nik_hash_key" not in core.settings.all_public()
    assert core.settings.get("nik_hash_key") is None
    with pytest.raises(Exception, match="nik_hash_key"):
        core.settings.set(admin, "nik_hash_key", "00" * 32)


# --- migration from a database made before the key file ----------------------------


def old_nik_hash(key_hex: str, nik: str) -> str:
    """What the code before migration 0007 stored: HMAC-SHA256 with a key in app_settings."""
    return hmac.new(key_hex.encode(), nik.encode(), hashlib.sha256).hexdigest()


def revision_before_0007() -> str:
    from alembic.script import ScriptDirectory

    down = ScriptDirectory.from_config(migrate.alembic_config()).get_revision("0007").down_revision
    assert isinstance(down, str)
    return down


def make_pre_key_database(core: Core, data_dir: Path, old_key: str) -> None:
    """Turn a set-up desk with visitors into what the code before 0007 left behind:
    the key as a synced setting (queued, in a conflict, held), HMACs and 8-digit masks
    in the visitors and in their queued copies, no key file. 0007 changes no schema on
    SQLite, so the tables are those of its parent revision once the revisions after
    it are taken back."""
    from alembic import command

    cfg = migrate.alembic_config()
    with core.db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0007")
    now = core.now()
    with core.db.write() as session:
        setting = AppSetting(key="nik_hash_key", value=old_key)
        new_synced(session, setting, "D01", now)
        record(
            session,
            SYSTEM,
            "D01",
            now,
            "setting.set",
            [(setting, "insert")],
            {"key": "nik_hash_key", "value": "***"},
        )
        payload = row_payload(setting)
        conflict = SyncConflict(
            kind="concurrent_edit",
            entity="app_settings",
            entity_id=setting.id,
            op_id=new_id(),
            desk_code="D02",
            local_payload=payload,
            server_payload=payload,
            winner="server",
            status="info",
        )
        new_synced(session, conflict, "D01", now)
        session.add(
            SyncHeld(
                seq=1, entity="app_settings", entity_id=setting.id, payload=payload, held_at=now
            )
        )
        for visitor in session.scalars(select(Visitor).where(Visitor.nik_hash.is_not(None))):
            nik = {"0001": NIK_SITI, "0003": NIK_BUDI}[str(visitor.nik_masked)[-4:]]
            visitor.nik_hash = old_nik_hash(old_key, nik)
            visitor.nik_masked = nik[:4] + "********" + nik[-4:]
            touch(visitor, now)
            enqueue(session, visitor, "update", now)
        session.execute(update(OutboxOp).values(sent_at=now))  # the rows move: old copies stay
        session.execute(
            text("UPDATE alembic_version SET version_num = :r"), {"r": revision_before_0007()}
        )
    core.close()
    nik_key_path(data_dir).unlink()


@pytest.fixture
def no_secure_delete(monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite as most builds have it (Debian's overwrites deleted content by default;
    Python's own builds for Windows and macOS do not)."""
    plain = engine_module._on_sqlite_connect

    def connect(dbapi_conn: Any, record: Any) -> None:
        plain(dbapi_conn, record)
        dbapi_conn.execute("PRAGMA secure_delete = OFF")

    monkeypatch.setattr(engine_module, "_on_sqlite_connect", connect)


@pytest.mark.usefixtures("no_secure_delete")
def test_migration_drops_the_old_key_and_hashes_everywhere(
    core: Core, receptionist: Actor, data_dir: Path, clock: FakeClock
) -> None:
    core.visitors.register(receptionist, form())
    core.visitors.register(receptionist, form("Budi Santoso", "0813 2222 3333", NIK_BUDI))
    old_key = "5e" * 32
    make_pre_key_database(core, data_dir, old_key)
    old_hash = old_nik_hash(old_key, NIK_SITI)
    assert old_key.encode() in database_path(data_dir).read_bytes() + wal(data_dir)

    upgraded = open_core(data_dir, clock=clock)  # backs up, then migrates
    try:
        assert migrate.current_revision(upgraded.db.engine) == migrate.HEAD_REVISION
        for table in ("app_settings", "outbox", "sync_held", "sync_conflicts"):
            rows = stored(upgraded, f"SELECT * FROM {table}")  # noqa: S608
            assert old_key not in str(rows), table
        for table in ("app_settings", "outbox", "sync_held", "sync_conflicts"):
            where = "" if table == "app_settings" else " WHERE entity = 'app_settings'"
            assert stored(upgraded, f"SELECT count(*) FROM {table}{where}") == [(0,)], table
        assert stored(upgraded, "SELECT nik_masked, nik_hash FROM visitors ORDER BY 1") == [
            ("************0001", None),
            ("************0003", None),
        ]
        queued = str(stored(upgraded, "SELECT payload FROM outbox WHERE entity = 'visitors'"))
        assert old_hash not in queued and "3174****" not in queued
        assert "************0001" in queued
    finally:
        upgraded.close()
    for blob in (database_path(data_dir).read_bytes(), wal(data_dir)):
        for gone in (old_key, old_hash, "3174********0001", "3273********0003"):
            assert gone.encode() not in blob, gone
    # A backup made before the upgrade still holds them (the README says so).
    (before,) = (data_dir / "backups").glob("before-upgrade-*.sqlite3")
    assert old_key.encode() in before.read_bytes()


def test_after_the_migration_returning_visitors_are_found_by_phone_and_name_then_by_nik(
    core: Core, receptionist: Actor, data_dir: Path, clock: FakeClock
) -> None:
    first = core.visitors.register(receptionist, form())
    make_pre_key_database(core, data_dir, "5e" * 32)
    upgraded = open_core(data_dir, clock=clock)
    try:
        assert not nik_key_path(data_dir).exists()  # the old key was not moved into the file
        assert upgraded.visitors.suggest(receptionist, NIK_SITI) == []  # the hash is gone
        again = upgraded.visitors.register(receptionist, form())  # phone and name match
        assert again.visitor_id == first.visitor_id
        assert nik_key_path(data_dir).is_file()  # a new key, made on first need
        (found,) = upgraded.visitors.suggest(receptionist, NIK_SITI)
        assert (found.visitor_id, found.matched_on) == (first.visitor_id, "nik")
        assert upgraded.nik_key.key() != bytes.fromhex("5e" * 32)
    finally:
        upgraded.close()


def wal(data_dir: Path) -> bytes:
    path = Path(f"{database_path(data_dir)}-wal")
    return path.read_bytes() if path.exists() else b""
