"""The window shown while `--demo` fills an empty database.

Filling takes seconds (hundreds of visits, each its own durable transaction),
so it runs on the operation runner's worker while this window shows how far it
is; the login follows when it is done.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QVBoxLayout, QWidget

from smesco_desk import demo
from smesco_desk.demo import DemoInfo
from ui.context import AppContext
from ui.errors import show_error


class DemoFillDialog(QDialog):
    """Runs `demo.seed_demo` off the UI thread; `info` holds its result once accepted."""

    progressed = Signal(int, int)  # (done, total) steps; emitted on the worker thread

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.info: DemoInfo | None = None
        self.setObjectName("demo_fill_dialog")
        self.setWindowTitle(self.tr("Data demo - Smesco Desk"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(12)
        title = QLabel(self.tr("Menyiapkan gedung demo"), self)
        title.setObjectName("title_label")
        text = QLabel(
            self.tr(
                "Mengisi pengguna, kunjungan 40 hari terakhir, tamu yang "
                "sedang di dalam, dan kuitansi kemarin dan hari ini. "
                "Halaman masuk muncul setelah selesai."
            ),
            self,
        )
        text.setWordWrap(True)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("demo_progress_bar")
        self.progress_bar.setRange(0, 0)  # busy until the first step reports
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addWidget(self.progress_bar)
        self.setMinimumWidth(460)
        self.progressed.connect(self._show_progress)

    def fill(self) -> DemoInfo | None:
        """Show the window, fill the demo data, return it (None if it failed)."""
        QTimer.singleShot(0, self._start)  # once the window is up (and exec's loop runs)
        self.exec()
        return self.info

    @Slot()
    def _start(self) -> None:
        core = self.ctx.core
        (
            self.ctx.runner.op(lambda: demo.seed_demo(core, progress=self.progressed.emit), self)
            .success(self._done)
            .failure(self._failed)
            .run()
        )

    @Slot(int, int)
    def _show_progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)

    def _done(self, info: DemoInfo) -> None:
        self.info = info
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc, self.tr("Data demo tidak dapat dibuat"))
        self.reject()

    # The fill cannot stop half-way (it would leave half a demo): no Escape, no close.
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() != Qt.Key.Key_Escape:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.ctx.runner.is_busy():
            event.ignore()
        else:
            super().closeEvent(event)
