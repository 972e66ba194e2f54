"""The participants of a booking (the "Peserta" tab of the booking's details):
who is on the list, how many against the booking's planned attendees and the
space's capacity, and the ways to add them.

- "Impor CSV/XLSX…" picks a file; the worker reads it and checks every row
  (`core.bookings.preview_attendees`, nothing written) and the preview dialog
  (attendee_import_dialog) shows each row with its errors before anything is
  imported. A file the core cannot read at all is said on this panel's banner.
- "Tambah peserta…" opens a small form for one participant (attendee_dialog).

The list reloads itself when "booking_attendees" changes (an import, a hand
entry, a check-in elsewhere or at another desk, announced by the runner).

The row under the import and add buttons holds the event's other actions
(event_actions: "Cetak badge…", "Daftar hadir", "Check-in peserta" of the one
selected); `add_action(button)` puts one there.

A booking that is no event shows none of this: it says how to mark it as one
(the "Acara" of the "Rincian" tab; the button asks the details dialog to go
there: `mark_event_requested`). `set_booking(record)` after it changes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.clock import to_wib
from smesco_desk.domain.bookings import FREE_STATUSES
from smesco_desk.domain.phone import format_phone_display
from smesco_desk.errors import DomainError
from smesco_desk.services.actors import Permission
from smesco_desk.services.bookings import BookingService
from smesco_desk.values.bookings import (
    AttendeeImport,
    AttendeePreview,
    AttendeeRecord,
    BookingRecord,
)
from ui.context import AppContext
from ui.documents import DocumentPrinterLike
from ui.errors import show_error
from ui.models.values_table import ValuesTableModel
from ui.pages.bookings.event_actions import EventActions
from ui.settings import Option
from ui.widgets import StatusBanner

WATCHED = frozenset({"booking_attendees", "bookings", "spaces"})
FILE_FILTER = "*.csv *.xlsx *.txt"
LAST_IMPORT_DIR = Option("state/last_attendee_import_dir", "")


def load_participants(
    bookings: BookingService, booking: BookingRecord
) -> tuple[list[AttendeeRecord], int]:
    """On the worker: the participants and the capacity of the booking's space."""
    capacity = next((s.capacity for s in bookings.spaces(active_only=False)
                     if s.code == booking.space_code), 0)
    return bookings.attendees(booking.id), capacity


def read_and_preview(
    bookings: BookingService, booking_id: str, path: Path
) -> tuple[bytes, AttendeePreview]:
    """On the worker: the file's bytes (an import writes exactly what was shown)
    and every row checked."""
    data = path.read_bytes()
    return data, bookings.preview_attendees(booking_id, data, path.name)


def checked_in_text(attendee: AttendeeRecord, booking: BookingRecord) -> str:
    """09:12 on the event's day, 11-03 09:12 on another, "" before arriving."""
    if attendee.checked_in_at is None:
        return ""
    at = to_wib(attendee.checked_in_at)
    same_day = at.date() == to_wib(booking.starts_at).date()
    return f"{at:%H:%M}" if same_day else f"{at:%d-%m %H:%M}"


class ParticipantsPanel(QWidget):
    """Emits `count_changed(int)` after each load (the tab shows the count). The
    owner calls `reload()` once it has connected to it; the panel reloads by
    itself after that."""

    count_changed = Signal(int)
    mark_event_requested = Signal()

    def __init__(self, ctx: AppContext, booking: BookingRecord,
                 parent: QWidget | None = None,
                 printer: DocumentPrinterLike | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("participants_panel")
        self._ctx = ctx
        self.booking = booking
        self.capacity = 0
        self.dialog: QDialog | None = None  # the import or add dialog open, if any
        self.model: ValuesTableModel[AttendeeRecord] = ValuesTableModel([
            (self.tr("Nama"), lambda a: a.name),
            (self.tr("Telepon"), lambda a: format_phone_display(a.phone)),
            (self.tr("Organisasi"), lambda a: a.organisation),
            (self.tr("NIK"), lambda a: a.nik_masked or ""),
            (self.tr("Hadir"), lambda a: checked_in_text(a, self.booking)),
        ], self)
        self._build()
        self.event_actions = EventActions(ctx, self, printer)
        self.set_booking(booking)
        ctx.runner.data_changed.connect(self._on_data_changed)

    # --- building -------------------------------------------------------------

    def _build(self) -> None:
        self.count_label = QLabel(self)
        self.count_label.setObjectName("participants_count_label")
        self.count_label.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("participants_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list for the buttons
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # Organisasi, elided
        header.setHighlightSections(False)
        self.banner = StatusBanner(self)
        self.event_box = QWidget(self)
        layout = QVBoxLayout(self.event_box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._build_actions())
        self.event_row = QHBoxLayout()  # the event's actions: a row of their own
        self.event_row.setSpacing(6)
        self.event_row.addStretch(1)
        layout.addLayout(self.event_row)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(8)
        outer.addWidget(self._build_no_event())
        outer.addWidget(self.event_box, 1)
        outer.addWidget(self.banner)

    def use_banner(self, banner: StatusBanner) -> None:
        """Say everything on `banner` (the dialog's one line of news) instead of
        a banner of its own: one message at a time, the newest replacing the last."""
        if banner is self.banner:
            return
        self.banner.hide()
        self.banner.deleteLater()
        self.banner = banner

    def _build_no_event(self) -> QWidget:
        """What a booking that is no event shows instead of the list."""
        self.no_event_box = QWidget(self)
        self.no_event_box.setObjectName("no_event_box")
        label = QLabel(self.tr(
            "Tandai sebagai acara untuk mengelola peserta: pilih Pelatihan, Lokakarya "
            "atau Seminar pada “Acara” di tab Rincian. Acara punya daftar peserta "
            "(impor CSV/XLSX), badge, daftar hadir, dan check-in dengan memindai badge."),
            self.no_event_box)
        label.setObjectName("no_event_label")
        label.setWordWrap(True)
        self.mark_event_button = QPushButton(self.tr("Tandai sebagai a&cara…"), self.no_event_box)
        self.mark_event_button.setObjectName("mark_event_button")
        self.mark_event_button.setAutoDefault(False)
        self.mark_event_button.clicked.connect(self.mark_event_requested)
        self.mark_event_button.setVisible(
            self.booking.status not in FREE_STATUSES and self._ctx.can(Permission.BOOK_SPACE))
        row = QHBoxLayout()
        row.addWidget(self.mark_event_button)
        row.addStretch(1)
        box = QVBoxLayout(self.no_event_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(label)
        box.addLayout(row)
        box.addStretch(1)
        return self.no_event_box

    def set_booking(self, booking: BookingRecord) -> None:
        """The booking as it is now (marked as an event or no longer one)."""
        self.booking = booking
        self.no_event_box.setVisible(not booking.is_event)
        self.event_box.setVisible(booking.is_event)
        self.event_actions.update()
        if booking.is_event:
            self.count_label.setText(self.count_text())

    def selected_attendees(self) -> list[AttendeeRecord]:
        """The participants selected in the list, in the list's order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.value(row) for row in rows if row < self.model.rowCount()]

    def _build_actions(self) -> QHBoxLayout:
        self.import_button = QPushButton(self.tr("&Impor CSV/XLSX…"), self)
        self.import_button.setObjectName("import_attendees_button")
        self.import_button.setToolTip(self.tr(
            "Kolom: nama, telepon, organisasi, NIK, email (judul kolom di baris pertama)"))
        self.import_button.clicked.connect(self.import_file)
        self.add_button = QPushButton(self.tr("Ta&mbah peserta…"), self)
        self.add_button.setObjectName("add_attendee_button")
        self.add_button.clicked.connect(self.add_participant)
        editable = (self.booking.status not in FREE_STATUSES
                    and self._ctx.can(Permission.BOOK_SPACE))
        self.actions_row = QHBoxLayout()
        self.actions_row.setSpacing(6)
        for button in (self.import_button, self.add_button):
            button.setAutoDefault(False)
            button.setVisible(editable)
            self.actions_row.addWidget(button)
        self.actions_row.addStretch(1)
        return self.actions_row

    def add_action(self, button: QAbstractButton) -> None:
        """Put an event action in the row under the import and add buttons, after
        the ones already there."""
        self.event_row.insertWidget(self.event_row.count() - 1, button)

    # --- the list -------------------------------------------------------------

    def reload(self) -> None:
        bookings, booking = self._ctx.core.bookings, self.booking
        self._ctx.runner.op(lambda: load_participants(bookings, booking), self) \
            .success(self._loaded).failure(self.show_failure).run()

    def _loaded(self, loaded: tuple[list[AttendeeRecord], int]) -> None:
        attendees, self.capacity = loaded
        self.model.set_rows(attendees)
        self.count_label.setText(self.count_text())
        self.count_changed.emit(len(attendees))

    def count_text(self) -> str:
        n = self.model.rowCount()
        text = self.tr("{n} peserta terdaftar dari {planned} yang direncanakan; "
                       "kapasitas ruang {capacity} orang.").format(
            n=n, planned=self.booking.attendees, capacity=self.capacity)
        if not n:
            text += " " + self.tr("Impor daftar peserta atau tambahkan satu per satu.")
        return text

    @Slot(object)
    def _on_data_changed(self, changes: frozenset[str]) -> None:
        if changes & WATCHED:
            self.reload()

    # --- importing ------------------------------------------------------------

    @Slot()
    def import_file(self) -> None:
        """Pick a CSV or XLSX file, then check every row of it (nothing imported yet)."""
        chosen = self.choose_file()
        if chosen:
            self.preview_file(Path(chosen))

    def choose_file(self) -> str:
        """The file picked in the file dialog ("" when cancelled)."""
        folder = self._ctx.settings.get(LAST_IMPORT_DIR) or str(Path.home())
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Impor daftar peserta"), folder,
            self.tr("Daftar peserta ({patterns});;Semua berkas (*)").format(
                patterns=FILE_FILTER))
        return chosen

    def preview_file(self, path: Path) -> None:
        bookings, booking_id = self._ctx.core.bookings, self.booking.id
        self.banner.clear()
        self._ctx.runner.op(lambda: read_and_preview(bookings, booking_id, path), self) \
            .with_progress(self.tr("Memeriksa berkas…")) \
            .success(lambda read: self._show_preview(path, read)).failure(self.show_failure).run()

    def _show_preview(self, path: Path, read: tuple[bytes, AttendeePreview]) -> None:
        from ui.pages.bookings.attendee_import_dialog import AttendeeImportDialog

        self._ctx.settings.set(LAST_IMPORT_DIR, str(path.parent))
        data, preview = read
        dialog = AttendeeImportDialog(self._ctx, self, self.booking, path, data, preview)
        dialog.imported.connect(self._imported)
        self.open_dialog(dialog)

    @Slot(object)
    def _imported(self, result: AttendeeImport) -> None:
        text = self.tr("{n} peserta diimpor.").format(n=len(result.imported))
        if result.skipped:
            text += " " + self.tr("{n} baris yang salah dilewati.").format(n=len(result.skipped))
        self.banner.show_message("success", text)
        self.table.setFocus()

    # --- by hand --------------------------------------------------------------

    @Slot()
    def add_participant(self) -> None:
        from ui.pages.bookings.attendee_dialog import AttendeeDialog

        dialog = AttendeeDialog(self._ctx, self, self.booking)
        dialog.attendee_added.connect(self._added)
        self.open_dialog(dialog)

    @Slot(object)
    def _added(self, attendee: AttendeeRecord) -> None:
        self.banner.show_message("success", self.tr("{name} ditambahkan sebagai peserta.")
                                 .format(name=attendee.name))
        self.table.setFocus()

    # --- helpers --------------------------------------------------------------

    def open_dialog(self, dialog: QDialog) -> None:
        """Open a dialog over the panel (kept in `dialog` while it is open)."""
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._forget_dialog)
        dialog.open()

    @Slot(int)
    def _forget_dialog(self, _result: int) -> None:
        self.dialog = None

    def show_failure(self, exc: BaseException) -> None:
        """A refusal on the banner; anything unexpected in the error dialog."""
        if isinstance(exc, OSError):
            self.banner.show_message("error", self.tr("Berkas tidak bisa dibaca: {reason}")
                                     .format(reason=exc.strerror or str(exc)))
        elif isinstance(exc, DomainError):
            self.banner.show_message("error", " ".join(_messages(exc)))
        else:
            show_error(self, exc)


def _messages(exc: DomainError) -> list[str]:
    errors = getattr(exc, "errors", None)
    return list(errors.values()) if errors else [exc.message]
