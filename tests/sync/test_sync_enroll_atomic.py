"""Issue 9, items 15 and 11: enrolment is all or nothing, and it does not hold
the desk's write lock while it transfers (the desk keeps registering)."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import psycopg
import pytest

from smesco_desk.paths import database_path
from smesco_desk.services.core import Core
from smesco_desk.sync import SyncUnavailable
from smesco_desk.sync.connection import conninfo
from smesco_desk.sync.staging import Staging
from tests.sync.helpers_sync import Desks, register, server_scalar, sync_all
from tests.sync.proxy import TcpProxy


def dump(core: Core) -> list[str]:
    """Every statement that rebuilds the desk's database: schema and rows."""
    folder = Path(str(core.db.engine.url.database)).parent
    with sqlite3.connect(database_path(folder)) as db:
        return list(db.iterdump())


def leftovers(core: Core) -> list[str]:
    folder = Path(str(core.db.engine.url.database)).parent
    return [p.name for p in folder.iterdir() if p.name.startswith(".enroll-")]


def register_many(core: Core, n: int) -> None:
    for i in range(n):
        register(core, f"Tamu {i}", f"0813{i:08d}")


def _terminate_enroller(server_url: str, desk: str) -> None:
    with psycopg.connect(**conninfo(server_url, "admin"), autocommit=True) as conn:
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = %s"
            " AND datname = current_database() AND pid <> pg_backend_pid()",
            (f"smesco-desk {desk}",),
        )


def test_a_download_cut_mid_transfer_leaves_the_desk_as_it_was(
    proxied_desks: Desks, proxy: TcpProxy, server_url: str
) -> None:
    d1 = proxied_desks.first("D01")
    register_many(d1, 300)
    sync_all(d1)
    d2 = proxied_desks.open("D02")
    before = dump(d2)
    proxy.cut_after_server_bytes(150_000)
    with pytest.raises(SyncUnavailable):
        d2.sync.enroll(proxied_desks.server_url, "D02")
    assert proxy.cuts == 1
    assert dump(d2) == before  # no instance id, no half download, no link
    assert leftovers(d2) == [] and not d2.sync.status().enrolled
    assert server_scalar(server_url, "SELECT count(*) FROM sync_desks WHERE code = 'D02'") == 0
    result = d2.sync.enroll(proxied_desks.server_url, "D02")
    assert result.mode == "download"
    sync_all(d1, d2)
    assert server_scalar(server_url, "SELECT count(*) FROM visits") == 300
    assert d2.visitors.count_visits(_history()) == 300


def test_a_failure_after_the_server_claimed_the_code_is_retried(
    desks: Desks, server_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server side committed (the code is claimed), the local side did not:
    the desk is as it was, and a retry is recognised as the same installation."""
    d1 = desks.first("D01")
    register_many(d1, 5)
    sync_all(d1)
    d2 = desks.open("D02")
    before = dump(d2)

    def disk_full(self: Staging, raw: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    with monkeypatch.context() as patch:
        patch.setattr(Staging, "copy_into", disk_full)
        with pytest.raises(sqlite3.OperationalError):
            d2.sync.enroll(server_url, "D02")
    assert dump(d2) == before and leftovers(d2) == []
    assert server_scalar(server_url, "SELECT count(*) FROM sync_desks WHERE code = 'D02'") == 1
    assert d2.sync.enroll(server_url, "D02").mode == "download"
    sync_all(d1, d2)
    assert d2.visitors.count_visits(_history()) == 5


@pytest.mark.parametrize("set_up", [True, False])
def test_an_upload_the_server_drops_mid_transfer_leaves_the_desk_as_it_was(
    desks: Desks, server_url: str, set_up: bool
) -> None:
    d1 = desks.open("D01")
    if set_up:
        d1.setup.initialize("D01")
        register_many(d1, 50)
    before = dump(d1)
    d1.sync.fault_hook = lambda point: (
        _terminate_enroller(server_url, "D01") if point == "enroll.transfer" else None
    )
    with pytest.raises(SyncUnavailable):
        d1.sync.enroll(server_url, "D01")
    assert dump(d1) == before and not d1.sync.status().enrolled
    assert server_scalar(server_url, "SELECT count(*) FROM sync_desks") == 0
    d1.sync.fault_hook = None
    if not set_up:
        d1.setup.initialize("D01")
        register_many(d1, 50)
    assert d1.sync.enroll(server_url, "D01").mode == "upload"
    assert d1.sync.status().pending_ops == 0
    assert server_scalar(server_url, "SELECT count(*) FROM visits") == 50


def test_the_desk_registers_while_it_enrolls(desks: Desks, server_url: str) -> None:
    """A registration during the upload does not wait for the enrolment (nor
    fail with "database is locked" after the busy timeout); it is pushed after."""
    d1 = desks.open("D01")
    d1.setup.initialize("D01")
    register_many(d1, 20)
    halfway, go_on = threading.Event(), threading.Event()

    def pause(point: str) -> None:
        if point == "enroll.transfer" and not halfway.is_set():
            halfway.set()
            go_on.wait(30)

    d1.sync.fault_hook = pause
    results: list[object] = []
    enrolling = threading.Thread(target=lambda: results.append(d1.sync.enroll(server_url, "D01")))
    enrolling.start()
    try:
        assert halfway.wait(30)
        started = time.monotonic()
        during = register(d1, "Tamu saat mendaftar", "081299990000")
        waited = time.monotonic() - started
    finally:
        go_on.set()
        enrolling.join(60)
    assert waited < 2.0, f"the registration waited {waited:.1f} s for the enrolment"
    assert [getattr(r, "mode", r) for r in results] == ["upload"]
    assert server_scalar(server_url, "SELECT count(*) FROM visits") == 20
    assert d1.sync.status().pending_ops == 3  # the visit, its visitor, its audit row
    d1.sync.fault_hook = None
    assert d1.sync.run_once().sent == 3
    assert server_scalar(server_url, "SELECT count(*) FROM visits WHERE id = %s", during.id) == 1


def _history():  # type: ignore[no-untyped-def]
    from smesco_desk.values.visitors import VisitFilter, VisitScope

    return VisitFilter(VisitScope.HISTORY)
