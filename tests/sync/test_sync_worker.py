"""The background worker: LISTEN/NOTIFY brings another desk's change within about
a second; polling is the fallback; status changes reach a callback."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from smesco_desk.sync import SyncStatus
from smesco_desk.sync.worker import SyncWorker
from tests.sync.helpers_sync import Desks, register
from tests.sync.proxy import TcpProxy


def wait_for(predicate: Callable[[], bool], timeout: float) -> float:
    """Seconds until predicate() held; raises AssertionError after timeout."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if predicate():
            return time.monotonic() - start
        time.sleep(0.02)
    raise AssertionError(f"not within {timeout} s")


def names(desk) -> list[str]:  # type: ignore[no-untyped-def]
    from smesco_desk.values.visitors import VisitFilter, VisitScope

    return [v.name for v in desk.visitors.list_visits(VisitFilter(VisitScope.HISTORY))]


def test_another_desks_change_arrives_within_a_second(desks: Desks) -> None:
    d1, d2 = desks.first("D01"), desks.join("D02")
    seen: list[SyncStatus] = []
    w1 = SyncWorker(d1, poll_interval=60)
    w2 = SyncWorker(d2, seen.append, poll_interval=60)  # polling too slow to matter
    w1.start()
    w2.start()
    try:
        wait_for(lambda: w2.runs >= 2 and w1.runs >= 1, 10)  # start-up runs done, listening
        time.sleep(0.3)
        register(d1, "Siti Rahayu", "081234567890")
        started = time.monotonic()
        w1.trigger()  # what the UI does after each change
        wait_for(lambda: names(d2) == ["Siti Rahayu"], 5)
        assert time.monotonic() - started < 1.5  # typically 0.05 s
        assert seen and seen[-1].online and seen[-1].desk == "D02"
    finally:
        w1.stop()
        w2.stop()
    assert not w1.running and not w2.running


def test_polling_is_the_fallback(desks: Desks) -> None:
    d1, d2 = desks.first("D01"), desks.join("D02")
    w2 = SyncWorker(d2, poll_interval=0.3, listen=False)
    w2.start()
    try:
        register(d1, "Budi Santoso", "081311112222")
        d1.sync.run_once()
        wait_for(lambda: names(d2) == ["Budi Santoso"], 5)
    finally:
        w2.stop()


def test_status_goes_offline_and_back(proxied_desks: Desks, proxy: TcpProxy) -> None:
    d1 = proxied_desks.first("D01")
    states: list[str] = []
    changed = threading.Event()

    def on_status(status: SyncStatus) -> None:
        states.append(status.state.value)
        changed.set()

    worker = SyncWorker(d1, on_status, poll_interval=0.2)
    worker.start()
    try:
        wait_for(lambda: "online" in states, 10)
        proxy.go_offline()
        register(d1, "Ani", "081399998888")
        worker.trigger()
        wait_for(lambda: states[-1] == "offline", 10)
        assert d1.sync.status().pending_ops == 3
        proxy.go_online()
        wait_for(lambda: states[-1] == "online" and d1.sync.status().pending_ops == 0, 10)
    finally:
        worker.stop()


def test_worker_on_a_desk_not_enrolled_does_nothing(desks: Desks) -> None:
    d = desks.open("D09")
    d.setup.initialize("D09")
    seen: list[SyncStatus] = []
    worker = SyncWorker(d, seen.append, poll_interval=0.1)
    worker.start()
    wait_for(lambda: bool(seen), 5)
    worker.stop()
    assert worker.runs == 0 and not seen[-1].enrolled
