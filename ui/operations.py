"""Run core calls off the UI thread and bring results back to it.

One worker thread owns database work, so SQLite writes never contend inside
the application and the UI thread never blocks. Callbacks run on the UI thread
and are dropped if the widget that asked for the work has been destroyed.
A busy cursor/progress message appears only for work longer than ~0.5 s.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

PROGRESS_DELAY_MS = 500


class _Relay(QObject):
    """Lives on the UI thread; the worker emits these to hand results back."""

    done = Signal(object, object)  # (operation, result)
    failed = Signal(object, object)  # (operation, exception)


class _Job(QRunnable):
    def __init__(self, op: Operation) -> None:
        super().__init__()
        self.op = op

    def run(self) -> None:
        try:
            result = self.op.fn()
        except BaseException as exc:  # noqa: BLE001 - every error goes back to the UI
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.op.runner._relay.failed.emit(self.op, exc)
        else:
            self.op.runner._relay.done.emit(self.op, result)


class Operation:
    """A unit of core work: `.success()`, `.failure()`, `.changes()`, then `.run()`."""

    def __init__(self, runner: OperationRunner, fn: Callable[[], Any],
                 parent: QObject | None) -> None:
        self.runner = runner
        self.fn = fn
        self.parent = parent
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._changes: frozenset[str] = frozenset()
        self._progress: str | None = None

    def success(self, callback: Callable[[Any], None]) -> Operation:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Operation:
        self._on_failure = callback
        return self

    def changes(self, entities: Iterable[str]) -> Operation:
        """Which kinds of data this changes; views showing them refresh."""
        self._changes = frozenset(entities)
        return self

    def with_progress(self, label: str) -> Operation:
        self._progress = label
        return self

    def run(self) -> None:
        self.runner._start(self)

    def parent_alive(self) -> bool:
        return self.parent is None or shiboken6.isValid(self.parent)


class OperationRunner(QObject):
    """Starts operations on one worker thread; reports results on the UI thread."""

    data_changed = Signal(object)  # frozenset[str] of entity names
    busy_changed = Signal(str)  # progress label, "" when idle
    error_unhandled = Signal(object)  # exception no failure callback took

    def __init__(self, parent: QObject | None = None, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)
        self._pending = 0
        self._progress_timer = QTimer(self, singleShot=True, interval=PROGRESS_DELAY_MS)
        self._progress_timer.timeout.connect(self._show_progress)
        self._progress_label = ""

    def op(self, fn: Callable[[], Any], parent: QObject | None = None) -> Operation:
        return Operation(self, fn, parent)

    def _start(self, op: Operation) -> None:
        self._pending += 1
        if op._progress:
            self._progress_label = op._progress
            self._progress_timer.start()
        if self.synchronous:
            _Job(op).run()
        else:
            self._pool.start(_Job(op))

    def wait_idle(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)

    def is_busy(self) -> bool:
        return self._pending > 0

    @Slot()
    def _show_progress(self) -> None:
        if self._pending:
            self.busy_changed.emit(self._progress_label)

    def _finish(self) -> None:
        self._pending -= 1
        if not self._pending:
            self._progress_timer.stop()
            self.busy_changed.emit("")

    @Slot(object, object)
    def _on_done(self, op: Operation, result: Any) -> None:
        self._finish()
        if op._changes:
            self.data_changed.emit(op._changes)
        if op._on_success is not None and op.parent_alive():
            op._on_success(result)

    @Slot(object, object)
    def _on_failed(self, op: Operation, exc: BaseException) -> None:
        self._finish()
        if op._on_failure is not None and op.parent_alive():
            op._on_failure(exc)
        else:
            self.error_unhandled.emit(exc)
