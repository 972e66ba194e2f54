"""Start the real application the way `main.py` does, log in as a person would, time the paints.

Run by bench_startup.py, not by hand:

    SMESCO_BENCH_T0=<time.time() before Popen> SMESCO_BENCH_USER=sari:<password> \
    [SMESCO_BENCH_UNTIL=main|login] [SMESCO_BENCH_TYPING_MS=1500] \
    [SMESCO_BENCH_HISTORY_BATCHES=N] [SMESCO_BENCH_PROFILE=out.prof] \
    python benchmarks/_startup_probe.py --data-dir DIR

It follows `ui.app.main()`: arguments, the QApplication with its style sheet,
translations, the `CoreLoader` (which opens the core in a thread once the login
dialog has painted) and the real `SessionController` with its login dialog.
When the dialog has painted it waits SMESCO_BENCH_TYPING_MS (the person typing),
fills in the user of SMESCO_BENCH_USER, presses "Masuk" (the dialog's own
`submit`, the Argon2 check in the worker) and waits for the main window's first
paint. With SMESCO_BENCH_UNTIL=login it stops at the dialog's first paint. With
SMESCO_BENCH_HISTORY_BATCHES it then opens the Visitors page's history tab,
scrolls until its model has fetched that many batches, and reads VmRSS and VmHWM.

It prints one line `PROBE {json}` with milliseconds since SMESCO_BENCH_T0 and exits.
ui/app.py is not changed for this: the probe is the only bench hook.
"""

from __future__ import annotations

import time

T_PYTHON = time.time()  # the interpreter is up (before any import of ours)

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

MARKS: dict[str, float] = {}
T0 = float(os.environ.get("SMESCO_BENCH_T0", T_PYTHON))


def mark(name: str, at: float | None = None) -> None:
    MARKS[name] = round(((at or time.time()) - T0) * 1000, 1)


mark("python_up", T_PYTHON)

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTabWidget, QWidget  # noqa: E402

from ui.app import (  # noqa: E402
    SessionController,
    build_context,
    core_loader,
    create_application,
    install_translations,
    parse_args,
)
from ui.settings import LANGUAGE, UiSettings  # noqa: E402

mark("imports")


def memory() -> dict[str, int]:
    """VmRSS and VmHWM (peak) of this process, in kB."""
    out = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            out[key] = int(value.split()[0])
    return out


class Paints(QObject):
    """Calls `on_paint(name, widget)` once per object name, on the next loop turn
    after the first paint of a widget of that name (application-wide filter)."""

    def __init__(self, app: QApplication, names: tuple[str, ...], on_paint: object) -> None:
        super().__init__(app)
        self.names, self.on_paint, self.seen = names, on_paint, set()
        app.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and isinstance(obj, QWidget):
            name = obj.objectName()
            if name in self.names and name not in self.seen:
                self.seen.add(name)
                mark(f"{name}_paint_event")
                QTimer.singleShot(0, lambda: self.on_paint(name, obj))  # type: ignore[operator]
        return False


def finish(app: QApplication, extra: dict[str, object]) -> None:
    print("PROBE " + json.dumps({"marks": MARKS, **extra}), flush=True)
    app.exit(0)


def history_views(root: QWidget) -> list[tuple[QAbstractItemView, object]]:
    """(view, VisitsTableModel) pairs under `root` whose filter is the history scope."""
    from smesco_desk.values.visitors import VisitScope
    from ui.models.visits_model import VisitsTableModel

    found = []
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        while model is not None and not isinstance(model, VisitsTableModel):
            model = model.sourceModel() if hasattr(model, "sourceModel") else None
        if model is not None and model.filter().scope is VisitScope.HISTORY:
            found.append((view, model))
    return found


def wait_until(app: QApplication, condition: object, timeout_s: float = 60) -> bool:
    deadline = time.time() + timeout_s
    while not condition():  # type: ignore[operator]
        if time.time() > deadline:
            return False
        app.processEvents()
        time.sleep(0.002)
    return True


def open_history(
    app: QApplication, window: QWidget, ctx: object, batches: int
) -> dict[str, object]:
    """Show the history tab and scroll until its model has fetched `batches` batches."""
    page = getattr(window, "pages", {}).get("visitors", window)
    pairs = history_views(page)
    source = "visitors page history tab"
    if not pairs:  # the page has no history tab yet: the same model in a plain view
        from PySide6.QtWidgets import QTableView

        from smesco_desk.values.visitors import VisitFilter, VisitScope
        from ui.models.visits_model import VisitsTableModel

        view = QTableView()
        view.setModel(VisitsTableModel(ctx, VisitFilter(VisitScope.HISTORY), view))
        view.resize(1000, 600)
        view.show()
        pairs, source = [(view, view.model())], "fallback: VisitsTableModel in a QTableView"
    view, model = pairs[0]
    holder = view.parentWidget()
    while holder is not None:  # bring the tab holding the view to the front
        if isinstance(holder, QTabWidget):
            for i in range(holder.count()):
                if holder.widget(i) is view or holder.widget(i).isAncestorOf(view):
                    holder.setCurrentIndex(i)
        holder = holder.parentWidget()
    started = time.time()
    wait_until(app, lambda: model.rowCount() > 0 and not model.is_loading())
    first_page_ms = (time.time() - started) * 1000
    for _ in range(batches - 1):
        before = model.rowCount()
        view.scrollToBottom()
        wait_until(app, lambda b=before: model.rowCount() > b and not model.is_loading(), 30)
        if model.rowCount() == before and model.canFetchMore():
            model.fetchMore()  # the view did not ask (e.g. not visible): ask as it would
            wait_until(app, lambda b=before: model.rowCount() > b and not model.is_loading(), 30)
    ctx.runner.wait_idle()  # type: ignore[attr-defined]
    app.processEvents()
    return {
        "history_source": source,
        "history_rows": model.rowCount(),
        "history_total": model.total(),
        "history_first_page_ms": round(first_page_ms, 1),
        "history_ms": round((time.time() - started) * 1000, 1),
    }


def main() -> int:
    args, qt_args = parse_args(sys.argv[1:])
    until = os.environ.get("SMESCO_BENCH_UNTIL", "main")
    typing_ms = int(os.environ.get("SMESCO_BENCH_TYPING_MS", "1500"))
    batches = int(os.environ.get("SMESCO_BENCH_HISTORY_BATCHES", "0"))
    username, _, password = os.environ["SMESCO_BENCH_USER"].partition(":")
    app = create_application(qt_args)
    settings = UiSettings()
    install_translations(app, str(args.lang or settings.get(LANGUAGE) or "id"))
    mark("qapplication")
    loader = core_loader(args)
    ctx = build_context(loader, settings, app)
    controller = SessionController(ctx)
    extra: dict[str, object] = {"platform": QApplication.platformName(),
                                "typing_ms": typing_ms}
    watch = QTimer(app, interval=10)  # when the loader's thread opened the core, and finished

    def look() -> None:
        if loader.is_done() and "core_open" not in MARKS:
            mark("core_open")
        if loader.is_warm():
            mark("loader_finished")
            watch.stop()

    watch.timeout.connect(look)
    watch.start()

    def enter(dialog: QWidget) -> None:
        dialog.username_edit.setText(username)  # type: ignore[attr-defined]
        dialog.password_edit.setText(password)  # type: ignore[attr-defined]
        extra["memory_before_login_kb"] = memory()
        dialog.accepted.connect(lambda: mark("authenticated"))  # type: ignore[attr-defined]
        mark("enter")
        dialog.submit()  # type: ignore[attr-defined]

    def painted(name: str, widget: QWidget) -> None:
        if name == "login_dialog":
            mark("login_painted")
            if until == "login":
                finish(app, extra)
            else:
                QTimer.singleShot(typing_ms, lambda: enter(widget))
            return
        mark("first_paint")
        # CPU seconds of all threads so far: far less sensitive to other load than wall time.
        extra["cpu_ms_at_paint"] = round(time.process_time() * 1000, 1)
        extra["memory_at_paint_kb"] = memory()
        if batches:
            extra.update(open_history(app, widget, ctx, batches))
            extra["memory_after_history_kb"] = memory()
        finish(app, extra)

    Paints(app, ("login_dialog", "main_window"), painted)
    if controller.start():
        mark("shown")
        extra["memory_after_login_kb"] = memory()  # Argon2 (64 MiB) set the peak before
        code = app.exec()
    else:
        code = 0
    ctx.runner.wait_idle()
    ctx.core.close()
    return code


def profiled_main(path: str) -> int:
    """main() under cProfile (SMESCO_BENCH_PROFILE=file): where the start-up time goes."""
    import cProfile

    profile = cProfile.Profile()
    try:
        return int(profile.runcall(main))
    finally:
        profile.dump_stats(path)


if __name__ == "__main__":
    target = os.environ.get("SMESCO_BENCH_PROFILE")
    sys.exit(profiled_main(target) if target else main())
