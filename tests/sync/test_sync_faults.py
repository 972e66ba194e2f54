"""Connections lost at the worst moments: nothing lost, nothing twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psycopg
import pytest

from smesco_desk.services.core import Core
from smesco_desk.sync import SyncReport
from smesco_desk.sync.connection import conninfo
from tests.sync.helpers_sync import (
    Desks,
    badges,
    outbox_pending,
    register,
    server_scalar,
    sync_all,
    table_rows,
)
from tests.sync.proxy import TcpProxy


def register_many(core: Core, n: int, tag: str) -> set[str]:
    return {register(core, f"Tamu {tag} {i}", f"0813{i:08d}").id for i in range(n)}


def server_visits(server_url: str) -> int:
    return int(server_scalar(server_url, "SELECT count(*) FROM visits"))


def assert_once_everywhere(server_url: str, cores: list[Core], expected: set[str]) -> None:
    assert server_visits(server_url) == len(expected)
    dupes = server_scalar(
        server_url,
        "SELECT count(*) FROM (SELECT op_id FROM sync_changes WHERE op_id IS NOT NULL"
        " AND entity <> 'sync_conflicts' GROUP BY op_id HAVING count(*) > 1) d",
    )
    assert dupes == 0
    for core in cores:
        assert set(v for v in _visit_ids(core)) == expected
        assert len(badges(core)) == len(expected)
        assert outbox_pending(core) == []
    first = table_rows(cores[0], "visits")
    for core in cores[1:]:
        assert table_rows(core, "visits") == first


def _visit_ids(core: Core) -> list[str]:
    return [row[0] for row in _rows(core, "SELECT id FROM visits")]


def _rows(core: Core, query: str) -> list[tuple[object, ...]]:
    from sqlalchemy import text

    with core.db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(query))]


def test_connection_refused_before_the_push_keeps_the_outbox(
    proxied_desks: Desks, proxy: TcpProxy, server_url: str
) -> None:
    d1 = proxied_desks.first("D01")
    ids = register_many(d1, 3, "a")
    proxy.go_offline()
    report = d1.sync.run_once()
    assert report.error and report.sent == 0
    assert len(outbox_pending(d1)) == 9
    proxy.go_online()
    assert d1.sync.run_once().sent == 9
    assert_once_everywhere(server_url, [d1], ids)


def _ssl_in_use(url: str) -> bool:
    with psycopg.connect(**conninfo(url, None)) as conn:
        return bool(conn.pgconn.ssl_in_use)


def test_the_proxy_speaks_plain_text_whatever_the_servers_tls(
    server_url: str, proxy: TcpProxy
) -> None:
    """The fault tests read the protocol through the proxy; a server with
    ssl = on (Debian's default) must not hide a COMMIT from them. .ci/run turns
    ssl on, so CI checks both halves."""
    with psycopg.connect(**conninfo(server_url, None)) as conn:
        server_tls = conn.execute("SHOW ssl").fetchone() == ("on",)
    assert _ssl_in_use(server_url) == server_tls  # libpq prefers TLS when offered
    assert not _ssl_in_use(proxy.url(server_url))


def test_cut_after_the_server_committed_before_the_ack(
    proxied_desks: Desks, proxy: TcpProxy, server_url: str
) -> None:
    d1 = proxied_desks.first("D01")
    d2 = proxied_desks.join("D02")
    ids = register_many(d1, 4, "a")
    proxy.cut_after_commit()
    report = d1.sync.run_once()
    assert report.error and report.sent == 0 and proxy.cuts == 1
    # The server has applied everything; the desk does not know it.
    assert server_visits(server_url) == 4
    pending = len(outbox_pending(d1))
    assert pending == 12
    applied_before = server_scalar(server_url, "SELECT count(*) FROM sync_applied_ops")
    changes_before = server_scalar(server_url, "SELECT max(seq) FROM sync_changes")
    # The resend changes nothing on the server and acknowledges everything.
    report = d1.sync.run_once()
    assert report.error is None and report.sent == 12 and report.conflicts == 0
    assert server_scalar(server_url, "SELECT count(*) FROM sync_applied_ops") == applied_before
    assert server_scalar(server_url, "SELECT max(seq) FROM sync_changes") == changes_before
    sync_all(d1, d2)
    assert_once_everywhere(server_url, [d1, d2], ids)


def test_crash_after_commit_before_marking_sent(desks: Desks, server_url: str) -> None:
    d1 = desks.first("D01")
    ids = register_many(d1, 3, "a")

    def crash(point: str) -> None:
        if point == "push.committed":
            raise psycopg.OperationalError("power cut")

    d1.sync.fault_hook = crash
    assert d1.sync.run_once().error
    assert len(outbox_pending(d1)) == 9
    d1.sync.fault_hook = None
    report = d1.sync.run_once()
    assert report.sent == 9 and report.error is None
    assert_once_everywhere(server_url, [d1], ids)


def test_cut_in_the_middle_of_a_pull(
    proxied_desks: Desks, proxy: TcpProxy, server_url: str
) -> None:
    d1 = proxied_desks.first("D01")
    d2 = proxied_desks.join("D02")
    ids = register_many(d1, 400, "a")  # 1200 changes
    sync_all(d1)
    d2.sync.pull_batch = 300
    committed: list[int] = []
    d2.sync.fault_hook = lambda p: (
        committed.append(d2.sync.status().cursor) if p == "pull.applied" else None
    )
    proxy.cut_after_server_bytes(400_000)  # during the second batch or so
    report = d2.sync.run_once()
    assert report.error and proxy.cuts == 1
    cursor = d2.sync.status().cursor
    assert committed and cursor == committed[-1]  # the cursor moved only with a commit
    got = len(_visit_ids(d2))
    assert 0 < got < 400
    d2.sync.fault_hook = None
    assert d2.sync.run_once().error is None
    assert_once_everywhere(server_url, [d1, d2], ids)


def test_a_link_that_drops_every_connection_after_300_kb_catches_up(
    proxied_desks: Desks, proxy: TcpProxy, server_url: str
) -> None:
    """Issue 9, item 14: a batch of 1,000 changes never fits through such a link;
    the pull batch shrinks after a failed fetch and grows again after successes."""
    d1 = proxied_desks.first("D01")
    d2 = proxied_desks.join("D02")
    ids = register_many(d1, 400, "a")  # 1,200 changes, well over 300 KB
    sync_all(d1)
    sizes: list[int] = []
    for _attempt in range(20):
        proxy.cut_after_server_bytes(300_000)  # the connection of this run, like every one
        report = d2.sync.run_once()
        sizes.append(d2.sync.pull_size())
        if report.error is None:
            break
    proxy.cancel_cuts()
    assert report.error is None, sizes
    assert proxy.cuts >= 1 and min(sizes) < 1000
    assert set(_visit_ids(d2)) == ids
    # A healthy link again: the batch grows back to the normal size.
    more = register_many(d1, 300, "b")
    sync_all(d1)
    assert d2.sync.run_once().error is None
    assert d2.sync.pull_size() == 1000
    assert_once_everywhere(server_url, [d1, d2], ids | more)


def test_the_pull_batch_halves_down_to_a_floor_and_doubles_back(
    desks: Desks, monkeypatch: pytest.MonkeyPatch
) -> None:
    from smesco_desk.sync import server

    d1 = desks.first("D01")
    register_many(d1, 5, "a")
    fetch = server.fetch_changes

    def dropped(*_args: object) -> list[server.Change]:
        raise psycopg.OperationalError("connection lost in the middle of a pull")

    sizes = []
    monkeypatch.setattr(server, "fetch_changes", dropped)
    for _ in range(8):
        assert d1.sync.pull().error
        sizes.append(d1.sync.pull_size())
    assert sizes == [500, 250, 125, 62, 31, 15, 10, 10]
    monkeypatch.setattr(server, "fetch_changes", fetch)
    register_many(d1, 30, "b")  # 105 changes waiting: batches of 10, 20, 40, 80
    assert d1.sync.run_once().error is None
    assert d1.sync.pull_size() == 160


def _terminate(server_url: str, desk: str) -> int:
    with psycopg.connect(**conninfo(server_url, "admin")) as conn:
        rows = conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE application_name = %s AND datname = current_database()"
            " AND pid <> pg_backend_pid()",
            (f"smesco-desk {desk}",),
        ).fetchall()
        return len(rows)


@pytest.mark.parametrize("point", ["push.before", "push.committed", "pull.fetched"])
def test_server_restart_during_a_sync(desks: Desks, server_url: str, point: str) -> None:
    """The server going away (its backends terminated) at each point of a run."""
    d1 = desks.first("D01")
    d2 = desks.join("D02")
    ids = register_many(d1, 5, "a") | register_many(d2, 5, "b")
    sync_all(d1)
    killed: list[int] = []

    def restart(p: str) -> None:
        if p == point and not killed:
            killed.append(_terminate(server_url, "D02"))

    d2.sync.fault_hook = restart
    report = d2.sync.run_once()
    assert killed == [1]
    assert report.error and d2.sync.status().state.value == "offline"
    d2.sync.fault_hook = None
    sync_all(d1, d2)
    assert_once_everywhere(server_url, [d1, d2], ids)


KILL_SCRIPT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from smesco_desk.services.core import open_core

    core = open_core(Path(sys.argv[1]))
    core.sync.push_batch = int(sys.argv[2])
    def hook(point):
        if point == sys.argv[3]:
            print("AT", point, flush=True)
            time.sleep(60)
    core.sync.fault_hook = hook
    core.sync.run_once()
    """
)


@pytest.mark.parametrize("point", ["push.committed", "random"])
def test_sigkill_of_a_desk_in_the_middle_of_a_push(
    desks: Desks, server_url: str, tmp_path: Path, point: str
) -> None:
    d1 = desks.first("D01")
    ids = register_many(d1, 300, "a")  # 900 ops
    script = tmp_path / "push.py"
    script.write_text(KILL_SCRIPT)
    env = {**os.environ, "PYTHONPATH": str(Path.cwd())}
    proc = subprocess.Popen(
        [sys.executable, str(script), str(tmp_path / "d01"), "100", point],
        stdout=subprocess.PIPE,
        env=env,
    )
    try:
        if point == "random":
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                if server_scalar(server_url, "SELECT count(*) FROM sync_applied_ops") >= 50:
                    break
                time.sleep(0.005)
        else:
            assert proc.stdout is not None
            assert proc.stdout.readline().startswith(b"AT push.committed")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    assert 0 < server_scalar(server_url, "SELECT count(*) FROM sync_applied_ops") < 900 + 6
    # The same desk, restarted: the rest goes, nothing twice.
    report = d1.sync.run_once()
    assert report.error is None
    assert_once_everywhere(server_url, [d1], ids)


def test_readers_never_see_a_later_change_before_an_earlier_one(
    desks: Desks, server_url: str
) -> None:
    """Three desks push at once; a reader polling the change log only ever sees
    an unbroken run of numbers after its cursor (commit order = counter order)."""
    import threading

    cores = [desks.first("D01"), desks.join("D02"), desks.join("D03")]
    for n, core in enumerate(cores):
        core.sync.push_batch = 7  # many small server transactions
        register_many(core, 40, f"d{n}")
    stop = threading.Event()
    problems: list[str] = []

    def read() -> None:
        cursor = int(server_scalar(server_url, "SELECT max(seq) FROM sync_changes"))
        with psycopg.connect(**conninfo(server_url, "reader"), autocommit=True) as conn:
            while not stop.is_set():
                seqs = [
                    r[0]
                    for r in conn.execute(
                        "SELECT seq FROM sync_changes WHERE seq > %s ORDER BY seq", (cursor,)
                    )
                ]
                if seqs and seqs != list(range(cursor + 1, cursor + 1 + len(seqs))):
                    problems.append(f"after {cursor}: {seqs[:5]}...")
                cursor = seqs[-1] if seqs else cursor

    reader = threading.Thread(target=read)
    reader.start()
    reports: list[SyncReport] = []
    pushers = [threading.Thread(target=lambda c=c: reports.append(c.sync.push())) for c in cores]
    for t in pushers:
        t.start()
    for t in pushers:
        t.join()
    stop.set()
    reader.join()
    assert problems == []
    assert [r.error for r in reports] == [None] * 3
    assert sum(r.sent for r in reports) == 3 * 120 + 2 * 2  # and the two new desks' own rows
    sync_all(*cores)
    assert server_visits(server_url) == 120


def test_work_done_offline_survives_closing_the_desk(
    proxied_desks: Desks, proxy: TcpProxy, server_url: str, tmp_path: Path
) -> None:
    """The known failure of offline systems: orders lost when the session closed."""
    from smesco_desk.services.core import open_core

    d1 = proxied_desks.first("D01")
    proxy.go_offline()
    ids = register_many(d1, 3, "a")
    assert d1.sync.run_once().error
    d1.close()
    proxy.go_online()
    again = open_core(tmp_path / "d01")
    try:
        assert again.sync.status().pending_ops == 9
        assert again.sync.run_once().error is None
        assert_once_everywhere(server_url, [again], ids)
    finally:
        again.close()
