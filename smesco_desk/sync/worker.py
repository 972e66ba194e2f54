"""The sync worker: a plain thread (no Qt) that pushes and pulls in the background.

It runs once at start, then whenever `trigger()` is called (after a local
change), whenever another desk's change is announced on the server
(LISTEN smesco_changes, so a desk pulls within about a second), and every
`poll_interval` seconds as the fallback when notifications do not arrive.
`on_status` is called from the worker's thread with each new SyncStatus; a UI
must hand it over to its own thread.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

import psycopg

from smesco_desk.sync.connection import NOTIFY_CHANNEL, conninfo
from smesco_desk.sync.values import SyncReport, SyncStatus

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

log = logging.getLogger(__name__)
StatusCallback = Callable[[SyncStatus], None]
ReportCallback = Callable[[SyncReport], None]


class SyncWorker:
    def __init__(
        self,
        core: Core,
        on_status: StatusCallback | None = None,
        *,
        poll_interval: float = 5.0,
        listen: bool = True,
        on_report: ReportCallback | None = None,
    ) -> None:
        self.core = core
        self.on_status = on_status
        self.on_report = on_report
        self.poll_interval = poll_interval
        self.listen = listen
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._last_status: SyncStatus | None = None
        self.last_report: SyncReport | None = None
        self.runs = 0

    # --- control -----------------------------------------------------------------

    def start(self) -> None:
        if self._threads:
            return
        self._stop.clear()
        self._wake.set()  # a first run right away
        self._threads = [threading.Thread(target=self._loop, name="sync-worker", daemon=True)]
        if self.listen:
            self._threads.append(
                threading.Thread(target=self._listen, name="sync-listener", daemon=True)
            )
        for thread in self._threads:
            thread.start()

    def trigger(self) -> None:
        """Run as soon as possible (e.g. after a local change)."""
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        for thread in self._threads:
            thread.join(timeout)
        self._threads = []

    @property
    def running(self) -> bool:
        return any(t.is_alive() for t in self._threads)

    # --- the work loop ---------------------------------------------------------------

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self.poll_interval)
            self._wake.clear()
            if self._stop.is_set():
                break
            self._run()

    def _run(self) -> None:
        try:
            if self.core.sync.is_enrolled():
                self.last_report = self.core.sync.run_once()
                self.runs += 1
                if self.on_report is not None:
                    self.on_report(self.last_report)
            self._publish(self.core.sync.status())
        except Exception:  # a bug must not end the worker; the next run tries again
            log.exception("sync run failed")

    def _publish(self, status: SyncStatus) -> None:
        if status != self._last_status:
            self._last_status = status
            if self.on_status is not None:
                self.on_status(status)

    # --- notifications -------------------------------------------------------------------

    def _listen(self) -> None:
        """Wake the loop when another desk's change is announced; reconnect on loss."""
        while not self._stop.is_set():
            with contextlib.suppress(psycopg.Error, OSError):
                self._listen_once()
            self._stop.wait(min(self.poll_interval, 5.0))

    def _listen_once(self) -> None:
        status = self.core.sync.status()
        if not status.enrolled:
            return
        with self.core.db.read() as session:
            from smesco_desk.sync.desk import SERVER, read_state

            url = read_state(session)[SERVER]
        args = conninfo(url, status.desk)
        args["application_name"] = f"smesco-desk {status.desk} listen"
        with psycopg.connect(autocommit=True, **args) as conn:
            conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
            self._wake.set()  # catch up with what was announced while not listening
            while not self._stop.is_set():
                for note in conn.notifies(timeout=1.0):
                    if not note.payload.startswith(f"{status.desk}:"):
                        self._wake.set()
