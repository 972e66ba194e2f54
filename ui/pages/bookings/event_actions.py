"""The event's actions in the "Peserta" tab, after "Impor" and "Tambah":

- "Cetak badge…": the choice (badge_print_dialog: a sheet of ten on A4 or one
  card each; everyone or the participants selected), then the PDF from
  `core.bookings.event_badges` to the printer (event_documents).
- "Daftar hadir": the A4 attendance list for signatures
  (`core.bookings.attendance_list`), printed; its menu offers a preview and
  saving the PDF.
- "Check-in peserta": the participant selected in the list arrives
  (`core.bookings.check_in_attendee`): they become a visitor of the day with
  the event as purpose and host. Who and when is said on the panel's banner,
  and so is a refusal (already checked in, the event on another day).

Everything runs through the operation runner; the list reloads by itself when
the runner announces the participants changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QMenu, QPushButton, QToolButton

from smesco_desk.clock import to_wib
from smesco_desk.domain.bookings import FREE_STATUSES
from smesco_desk.services.actors import Permission
from smesco_desk.values.bookings import AttendeeRecord
from ui.context import AppContext
from ui.documents import DocumentPrinterLike
from ui.pages.bookings.badge_print_dialog import BadgePrintDialog
from ui.pages.bookings.event_documents import EventDocuments, badge_printer_kind

if TYPE_CHECKING:
    from ui.pages.bookings.participants import ParticipantsPanel


class EventActions(QObject):
    """Builds the buttons into `panel` (ParticipantsPanel.add_action) and runs them."""

    def __init__(
        self, ctx: AppContext, panel: ParticipantsPanel, printer: DocumentPrinterLike | None = None
    ) -> None:
        super().__init__(panel)
        self._panel = panel
        self._ctx = ctx
        self.documents = EventDocuments(ctx, panel, printer)
        self.badge_button = QPushButton(self.tr("Cetak bad&ge…"), panel)
        self.badge_button.setObjectName("print_badges_button")
        self.badge_button.clicked.connect(self.choose_badges)
        self.attendance_button = QToolButton(panel)
        self.attendance_button.setObjectName("attendance_list_button")
        self.attendance_button.setText(self.tr("Daftar &hadir"))
        self.attendance_button.setToolTip(self.tr("Daftar hadir A4 untuk tanda tangan peserta"))
        self.attendance_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.attendance_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.attendance_button.clicked.connect(lambda: self.attendance("print"))
        menu = QMenu(self.attendance_button)
        for name, text, mode in (
            ("attendance_preview_action", self.tr("Pratinjau…"), "preview"),
            ("attendance_save_action", self.tr("Simpan PDF…"), "save"),
        ):
            action = menu.addAction(text)
            action.setObjectName(name)
            action.triggered.connect(lambda _c=False, m=mode: self.attendance(m))
        self.attendance_button.setMenu(menu)
        self.check_in_button = QPushButton(self.tr("Chec&k-in peserta"), panel)
        self.check_in_button.setObjectName("attendee_check_in_button")
        self.check_in_button.setToolTip(
            self.tr("Peserta yang dipilih datang: dicatat sebagai tamu hari ini")
        )
        self.check_in_button.clicked.connect(self.check_in)
        for button in (self.badge_button, self.attendance_button, self.check_in_button):
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
            panel.add_action(button)
        panel.table.selectionModel().selectionChanged.connect(self.update)
        panel.model.modelReset.connect(self.update)
        self.update()

    # --- what may be done now ---------------------------------------------------

    @Slot()
    def update(self) -> None:
        booking, count = self._panel.booking, self._panel.model.rowCount()
        self.badge_button.setEnabled(count > 0)
        self.attendance_button.setEnabled(count > 0)
        live = booking.status not in FREE_STATUSES
        self.check_in_button.setVisible(live and self._ctx.can(Permission.REGISTER_VISITOR))
        chosen = self._panel.selected_attendees()
        self.check_in_button.setEnabled(len(chosen) == 1 and chosen[0].checked_in_at is None)

    # --- badges -----------------------------------------------------------------

    @Slot()
    def choose_badges(self) -> None:
        printers = {
            fmt: self.documents.printer_name(badge_printer_kind(fmt)) for fmt in ("sheet", "card")
        }
        dialog = BadgePrintDialog(
            self._panel,
            self._panel.model.rowCount(),
            len(self._panel.selected_attendees()),
            printers,
        )
        dialog.chosen.connect(self.print_badges)
        self._panel.open_dialog(dialog)

    @Slot(str, bool, str)
    def print_badges(self, fmt: str, selected_only: bool, mode: str) -> None:
        booking = self._panel.booking
        ids = [a.id for a in self._panel.selected_attendees()] if selected_only else None
        n = len(ids) if ids is not None else self._panel.model.rowCount()
        self._panel.banner.show_message("info", self.tr("Menyiapkan badge peserta…"))
        self.documents.badges(
            booking.id,
            booking.title,
            fmt,
            ids,
            mode,
            lambda printed: self._badges_done(printed, fmt, n),
            self._panel.show_failure,
        )

    def _badges_done(self, printed: bool, fmt: str, n: int) -> None:
        if not printed:
            self._said_saved(self.tr("{n} badge peserta disimpan ke {path}."), n)
            return
        self._panel.banner.show_message(
            "success",
            self.tr("{n} badge peserta dicetak ke {printer}.").format(
                n=n, printer=self.documents.printer_name(badge_printer_kind(fmt))
            ),
        )

    # --- the attendance list ------------------------------------------------------

    def attendance(self, mode: str) -> None:
        booking = self._panel.booking
        self._panel.banner.show_message("info", self.tr("Menyiapkan daftar hadir…"))
        self.documents.attendance(
            booking.id, booking.title, mode, self._attendance_done, self._panel.show_failure
        )

    def _attendance_done(self, printed: bool) -> None:
        if not printed:
            self._said_saved(self.tr("Daftar hadir disimpan ke {path}."))
            return
        self._panel.banner.show_message(
            "success",
            self.tr("Daftar hadir dicetak ke {printer}.").format(
                printer=self.documents.printer_name("office")
            ),
        )

    def _said_saved(self, text: str, n: int = 0) -> None:
        """Where the PDF went, or nothing when it was neither saved nor printed."""
        saved = self.documents.saved_to
        if saved is None:
            self._panel.banner.clear()
        else:
            self._panel.banner.show_message("success", text.format(n=n, path=saved))

    # --- check-in -----------------------------------------------------------------

    @Slot()
    def check_in(self) -> None:
        chosen = self._panel.selected_attendees()
        if len(chosen) != 1:
            self._panel.banner.show_message(
                "error", self.tr("Pilih satu peserta di daftar untuk check-in.")
            )
            return
        bookings, actor, attendee_id = (
            self._ctx.core.bookings,
            self._ctx.require_actor(),
            chosen[0].id,
        )
        self.check_in_button.setEnabled(False)
        self._panel.banner.clear()
        self._ctx.runner.op(
            lambda: bookings.check_in_attendee(actor, attendee_id), self
        ).with_progress(self.tr("Mencatat kedatangan peserta…")).success(self._checked_in).failure(
            self._check_in_failed
        ).run()

    def _checked_in(self, attendee: AttendeeRecord) -> None:
        at = to_wib(attendee.checked_in_at) if attendee.checked_in_at else None
        self._panel.banner.show_message(
            "success",
            self.tr("{name} check-in pukul {time} WIB; terdaftar sebagai tamu hari ini.").format(
                name=attendee.name, time=f"{at:%H:%M}" if at else "-"
            ),
        )
        self.update()

    def _check_in_failed(self, exc: BaseException) -> None:
        self.update()
        self._panel.show_failure(exc)
