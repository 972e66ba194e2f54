"""The preview of a participant file (Impor peserta): every row of the file
with its errors at the row, before anything is imported.

The rows come from `core.bookings.preview_attendees` (checked as the import
checks them, against the booking as it is now). A bad row is red, its bad
cells darker with the message as tooltip, and "Masalah" says what is wrong.

Nothing is imported until the person either
- fixes the file and presses "Baca ulang berkas" (read and checked again), then
  "Impor N peserta" once every row is good, or
- presses "Lewati baris yang salah": the good rows are imported, the bad ones
  left out (`import_attendees(..., skip_bad=True)`).
The import sends exactly the bytes that were previewed. On success
`imported(AttendeeImport)` and the dialog closes; a refusal (the booking
changed meanwhile, the capacity) shows on the banner, and the rows are
checked again.

Keyboard: Tab goes table → buttons; Enter presses the focused button, or
imports when every row is good; Esc closes without importing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.domain.attendee_import import BadAttendeeRows
from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.values.bookings import AttendeeImport, AttendeePreview, BookingRecord
from ui.context import AppContext
from ui.errors import show_error
from ui.models.attendee_rows_model import AttendeeRowsModel
from ui.pages.bookings.participants import read_and_preview
from ui.widgets import StatusBanner, set_flag

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
MAX_COLUMN = 170  # pixels: a long organisation leaves "Masalah" room to be read


class AttendeeImportDialog(QDialog):
    """Emits `imported(AttendeeImport)` once participants are written."""

    imported = Signal(object)  # AttendeeImport

    def __init__(self, ctx: AppContext, parent: QWidget | None, booking: BookingRecord,
                 path: Path, data: bytes, preview: AttendeePreview) -> None:
        super().__init__(parent)
        self.setObjectName("attendee_import_dialog")
        self.setWindowTitle(self.tr("Impor peserta: {file}").format(file=path.name))
        self._ctx = ctx
        self.booking = booking
        self.path = path
        self.data = data
        self.preview = preview
        self._busy = False
        self.model = AttendeeRowsModel(self)
        self._build()
        self.resize(900, 560)
        self.show_preview(preview)

    # --- building -------------------------------------------------------------

    def _build(self) -> None:
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("import_summary_label")
        self.summary_label.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("import_rows_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.model.problems_column(), QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        header.setMinimumSectionSize(40)
        self._rows_timer = QTimer(self, singleShot=True, interval=0)
        self._rows_timer.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(self._on_section_resized)
        self.banner = StatusBanner(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 12)
        layout.setSpacing(10)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.banner)
        layout.addLayout(self._build_buttons())

    def _build_buttons(self) -> QHBoxLayout:
        self.reread_button = QPushButton(self.tr("Baca &ulang berkas"), self)
        self.reread_button.setObjectName("reread_button")
        self.reread_button.setToolTip(self.tr("Setelah memperbaiki berkasnya"))
        self.reread_button.clicked.connect(self.reread)
        self.skip_button = QPushButton(self.tr("&Lewati baris yang salah"), self)
        self.skip_button.setObjectName("skip_bad_button")
        self.skip_button.clicked.connect(lambda: self.run_import(skip_bad=True))
        self.import_button = QPushButton(self.tr("&Impor"), self)
        self.import_button.setObjectName("import_button")
        self.import_button.setProperty("primary", True)
        self.import_button.clicked.connect(lambda: self.run_import(skip_bad=False))
        self.cancel_button = QPushButton(self.tr("Batal"), self)
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.reread_button)
        row.addStretch(1)
        for button in (self.skip_button, self.import_button, self.cancel_button):
            button.setAutoDefault(False)  # Enter is handled in keyPressEvent
            row.addWidget(button)
        self.reread_button.setAutoDefault(False)
        return row

    # --- the rows -------------------------------------------------------------

    def show_preview(self, preview: AttendeePreview) -> None:
        self.preview = preview
        self.model.set_rows(preview.rows)
        self._fit_columns()
        good, bad = len(preview.good), len(preview.bad)
        fits = preview.fits(good)
        self.summary_label.setText(self._summary(preview, fits))
        set_flag(self.summary_label, "problem", bool(bad) or not fits)
        self.import_button.setText(self.tr("&Impor {n} peserta").format(n=good))
        self.skip_button.setVisible(bool(bad))
        self._update_buttons()
        first_bad = next((i for i, r in enumerate(preview.rows) if not r.ok), 0)
        if preview.rows:  # the first bad row current, not selected: its red stays seen
            self.table.selectionModel().setCurrentIndex(
                self.model.index(first_bad, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
            self.table.scrollTo(self.model.index(first_bad, 0))

    def _fit_columns(self) -> None:
        """Each value column as wide as its text up to MAX_COLUMN (longer text is
        elided, whole in its tooltip); "Masalah" takes the rest, wrapped, each row
        as tall as its problems."""
        self.table.resizeColumnsToContents()
        for column in range(self.model.problems_column()):
            width = self.table.columnWidth(column)
            self.table.setColumnWidth(column, min(width, MAX_COLUMN))
        self.table.resizeRowsToContents()

    @Slot(int, int, int)
    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column == self.model.problems_column():  # its wrapped text sets the heights
            self._rows_timer.start()

    def _update_buttons(self) -> None:
        """Import only when every row is good; skip only with good rows; neither
        beyond the capacity, nor while busy."""
        good, bad = len(self.preview.good), len(self.preview.bad)
        ready = not self._busy and good > 0 and self.preview.fits(good)
        self.import_button.setEnabled(ready and not bad)
        self.skip_button.setEnabled(ready)
        self.reread_button.setEnabled(not self._busy)

    def _summary(self, preview: AttendeePreview, fits: bool) -> str:
        good, bad, total = len(preview.good), len(preview.bad), len(preview.rows)
        if not total:
            return self.tr("Berkas ini tidak berisi peserta (hanya baris judul).")
        if bad:
            text = self.tr(
                "{bad} dari {total} baris bermasalah (merah); belum ada yang diimpor. "
                "Perbaiki berkasnya lalu tekan «Baca ulang berkas», atau lewati baris "
                "yang salah dan impor {good} peserta lainnya."
            ).format(bad=bad, total=total, good=good)
        else:
            text = self.tr("Semua {total} baris baik dan siap diimpor.").format(total=total)
        if not fits:
            text += " " + self.tr(
                "Namun peserta akan menjadi {n} orang, melebihi kapasitas ruang "
                "({capacity} orang)."
            ).format(n=preview.present + good, capacity=preview.capacity)
        return text

    @Slot()
    def reread(self) -> None:
        """Read the file again (after it was fixed) and check every row again."""
        if self._busy:
            return
        bookings, booking_id, path = self._ctx.core.bookings, self.booking.id, self.path
        self._set_busy(True)
        self.banner.clear()
        self._ctx.runner.op(lambda: read_and_preview(bookings, booking_id, path), self) \
            .with_progress(self.tr("Memeriksa berkas…")).success(self._reread_done) \
            .failure(self._failed).run()

    def _reread_done(self, read: tuple[bytes, AttendeePreview]) -> None:
        self._set_busy(False)
        self.data = read[0]
        self.show_preview(read[1])
        self.banner.show_message("info", self.tr("Berkas dibaca ulang."))

    # --- importing ------------------------------------------------------------

    def run_import(self, skip_bad: bool) -> None:
        if self._busy:
            return
        bookings, actor = self._ctx.core.bookings, self._ctx.require_actor()
        booking_id, data, name = self.booking.id, self.data, self.path.name
        self._set_busy(True)
        self.banner.clear()
        self._ctx.runner.op(
            lambda: bookings.import_attendees(actor, booking_id, data, name, skip_bad), self
        ).with_progress(self.tr("Mengimpor peserta…")).success(self._done) \
            .failure(self._failed).run()

    def _done(self, result: AttendeeImport) -> None:
        self._set_busy(False)
        self.imported.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, OSError):
            self.banner.show_message("error", self.tr("Berkas tidak bisa dibaca: {reason}")
                                     .format(reason=exc.strerror or str(exc)))
        elif isinstance(exc, ValidationError):
            self.banner.show_message("error", " ".join(exc.errors.values()))
        elif isinstance(exc, DomainError):
            self.banner.show_message("error", exc.message)
            if isinstance(exc, BadAttendeeRows):  # the booking changed since: show it now
                self._recheck()
        else:
            show_error(self, exc)

    def _recheck(self) -> None:
        bookings, booking_id, data, name = (self._ctx.core.bookings, self.booking.id,
                                            self.data, self.path.name)
        self._ctx.runner.op(lambda: bookings.preview_attendees(booking_id, data, name), self) \
            .success(self.show_preview).run()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    # --- Qt events ------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in ENTER_KEYS:
            focus = self.focusWidget()
            if isinstance(focus, QPushButton):
                focus.click()
            elif self.import_button.isEnabled():
                self.import_button.click()
            return
        super().keyPressEvent(event)
