"""Run core calls off the UI thread and bring results back to it.

One worker thread owns database work, so SQLite writes never contend inside
the application and the UI thread never blocks. Callbacks run on the UI thread
and are dropped if the widget that asked for the work has been destroyed.
A busy cursor/progress message appears only for work longer than ~0.5 s.

Every operation reports what it changed: the tables its committed transactions
wrote (the core's `changes.collect()`), with the names views know them by
(`ui_entities`), go out on `data_changed`, so the views showing them refresh.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, ExitStack
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

PROGRESS_DELAY_MS = 500


class ChangeFeed(Protocol):
    """What the core's `changes` offers: the tables written by transactions that
    commit inside `collect()`, in this thread."""

    def collect(self) -> AbstractContextManager[set[str]]: ...

# Synced tables whose rows views show under another name as well.
_ALSO_CHANGED = {
    "visit_checkouts": ("visits",),
    "visitors": ("visits",),  # a visit row shows the visitor's name and organisation
    "visit_purposes": ("purposes",),
    "app_settings": ("settings",),
    "desks": ("desk",),
}


def ui_entities(tables: Iterable[str]) -> frozenset[str]:
    """The names views listen for, for tables written (by an operation or a pull)."""
    names = set(tables)
    for table in list(names):
        names.update(_ALSO_CHANGED.get(table, ()))
    return frozenset(names)


class _Relay(QObject):
    """Lives on the UI thread; the worker emits these to hand results back."""

    done = Signal(object, object)  # (operation, result)
    failed = Signal(object, object)  # (operation, exception)


class _Job(QRunnable):
    def __init__(self, op: Operation) -> None:
        super().__init__()
        self.op = op

    def run(self) -> None:
        collected: list[set[str]] = []  # filled as the operation's transactions commit
        try:
            with ExitStack() as stack:
                collected += [stack.enter_context(f.collect()) for f in self.op.runner._feeds]
                result = self.op.fn()
        except BaseException as exc:  # noqa: BLE001 - every error goes back to the UI
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.op._written = frozenset().union(*collected)  # committed before it failed
            self.op.runner._relay.failed.emit(self.op, exc)
        else:
            self.op._written = frozenset().union(*collected)
            self.op.runner._relay.done.emit(self.op, result)


class Operation:
    """A unit of core work: `.success()`, `.failure()`, `.with_progress()`, then `.run()`."""

    def __init__(self, runner: OperationRunner, fn: Callable[[], Any],
                 parent: QObject | None) -> None:
        self.runner = runner
        self.fn = fn
        self.parent = parent
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._written: frozenset[str] = frozenset()  # tables its transactions wrote
        self._progress: str | None = None

    def success(self, callback: Callable[[Any], None]) -> Operation:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Operation:
        self._on_failure = callback
        return self

    def changed(self) -> frozenset[str]:
        """The names `data_changed` carries for this operation once it is over."""
        return ui_entities(self._written)

    def with_progress(self, label: str) -> Operation:
        self._progress = label
        return self

    def run(self) -> None:
        self.runner._start(self)

    def parent_alive(self) -> bool:
        return self.parent is None or shiboken6.isValid(self.parent)


class OperationRunner(QObject):
    """Starts operations on one worker thread; reports results on the UI thread."""

    data_changed = Signal(object)  # frozenset[str] of entity names (tables and ui_entities)
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
        self._feeds: list[ChangeFeed] = []

    def report_changes_of(self, feed: ChangeFeed) -> None:
        """Report the tables that this feed's transactions write during each
        operation (`core.changes`: the application context does it)."""
        if all(known is not feed for known in self._feeds):
            self._feeds.append(feed)

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
        self._announce(op)
        if op._on_success is not None and op.parent_alive():
            op._on_success(result)

    @Slot(object, object)
    def _on_failed(self, op: Operation, exc: BaseException) -> None:
        self._finish()
        if op._written:
            self._announce(op)  # what it committed before failing
        if op._on_failure is not None and op.parent_alive():
            op._on_failure(exc)
        else:
            self.error_unhandled.emit(exc)

    def _announce(self, op: Operation) -> None:
        changed = op.changed()
        if changed:
            self.data_changed.emit(changed)
