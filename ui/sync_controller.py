"""The sync worker seen from the UI: status on the UI thread, refreshes after pulls.

    controller = SyncController(ctx, parent)    # the main window owns it
    controller.status_changed.connect(...)      # SyncStatus, always on the UI thread
    controller.start()                          # at login; starts the worker if enrolled
    controller.stop()                           # at logout or close; joins the threads

The `SyncWorker` (smesco_desk.sync.worker) is a plain thread that calls the
core itself; it is the one exception to "core calls go through the runner".
Its callbacks run on its own thread, so they only emit private signals of
this object, which lives on the UI thread: Qt queues them there. No widget is
touched from the worker.

A local change (any `ctx.runner.data_changed`) wakes the worker so the change
is pushed at once; changes a pull brought from other desks are announced on
`ctx.runner.data_changed` so the views showing them refresh.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication

from smesco_desk.sync import SyncReport, SyncStatus
from smesco_desk.sync.worker import SyncWorker
from ui.context import AppContext
from ui.operations import ui_entities

__all__ = ["CONFLICTS_ENTITY", "SYNC_ENTITY", "SyncController", "ui_entities"]

POLL_INTERVAL_S = 5.0  # the fallback when a notification does not arrive
SYNC_ENTITY = "sync"  # data_changed: enrolment or a manual run changed the sync status
CONFLICTS_ENTITY = "sync_conflicts"


class SyncController(QObject):
    """Owns the SyncWorker while someone is logged in at an enrolled desk."""

    status_changed = Signal(object)  # SyncStatus
    report_received = Signal(object)  # SyncReport of a run of the worker
    # Emitted from the worker's threads; queued to this object's (the UI) thread.
    _worker_status = Signal(object)
    _worker_report = Signal(object)

    def __init__(self, ctx: AppContext, parent: QObject | None = None, *,
                 poll_interval: float | None = None, listen: bool = True) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.poll_interval = POLL_INTERVAL_S if poll_interval is None else poll_interval
        self.listen = listen
        self.worker: SyncWorker | None = None
        self._status: SyncStatus | None = None
        self._active = False
        self._announcing = False
        self._worker_status.connect(self._on_worker_status)
        self._worker_report.connect(self._on_worker_report)
        ctx.runner.data_changed.connect(self._on_data_changed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    # --- public -----------------------------------------------------------------

    def status(self) -> SyncStatus | None:
        """The last status seen (None before the first one arrived)."""
        return self._status

    def start(self) -> None:
        """Read the status; the worker starts once it says the desk is enrolled."""
        self._active = True
        self.refresh()

    def refresh(self) -> None:
        """Read the status again (after enrolment or a run made elsewhere)."""
        sync = self.ctx.core.sync
        self.ctx.runner.op(sync.status, self).success(self._set_status).run()

    def sync_now(self) -> None:
        """Push and pull as soon as possible (the worker's next run)."""
        if self.worker is not None:
            self.worker.trigger()

    @Slot()
    def stop(self) -> None:
        """Stop the worker and wait for its threads (a run in progress finishes first)."""
        self._active = False
        worker, self.worker = self.worker, None
        if worker is None:
            return
        # Usually at once; a run waiting on an unreachable host takes a few seconds.
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            worker.stop()
        finally:
            QGuiApplication.restoreOverrideCursor()

    @property
    def running(self) -> bool:
        return self.worker is not None and self.worker.running

    # --- the worker ------------------------------------------------------------------

    def _start_worker(self) -> None:
        if self.worker is not None or not self._active:
            return
        self.worker = SyncWorker(self.ctx.core, self._from_worker_status,
                                 poll_interval=self.poll_interval, listen=self.listen,
                                 on_report=self._from_worker_report)
        self.worker.start()

    # Worker thread: only emit (Qt queues the call to the UI thread).
    def _from_worker_status(self, status: SyncStatus) -> None:
        if shiboken6.isValid(self):
            self._worker_status.emit(status)

    def _from_worker_report(self, report: SyncReport) -> None:
        if shiboken6.isValid(self):
            self._worker_report.emit(report)

    @Slot(object)
    def _on_worker_status(self, status: SyncStatus) -> None:
        if self._active:
            self._set_status(status)

    @Slot(object)
    def _on_worker_report(self, report: SyncReport) -> None:
        if not self._active:
            return
        self.report_received.emit(report)
        if report.changed_entities:
            self._announce(ui_entities(report.changed_entities))

    def _announce(self, entities: frozenset[str]) -> None:
        """Tell the views; the change came from the server, so it needs no push."""
        self._announcing = True
        try:
            self.ctx.runner.data_changed.emit(entities)
        finally:
            self._announcing = False

    def _set_status(self, status: SyncStatus) -> None:
        if not self._active:
            return
        self._status = status
        if status.enrolled:
            self._start_worker()
        self.status_changed.emit(status)

    @Slot(object)
    def _on_data_changed(self, changes: frozenset[str]) -> None:
        if self._announcing or not self._active:
            return
        if SYNC_ENTITY in changes or CONFLICTS_ENTITY in changes:
            self.refresh()  # enrolled just now, a run from the settings page, a resolution
        if changes - {SYNC_ENTITY} and self.worker is not None:
            self.worker.trigger()  # a local change was written: push it now
