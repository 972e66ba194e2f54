"""The banner under the registration form: who was registered last, their badge
printed (or not, with a button to print it again)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from smesco_desk.domain.text import isolate
from smesco_desk.values.visitors import VisitRecord
from ui.errors import error_text
from ui.pages.visitors.badges import VisitorDocuments
from ui.widgets import StatusBanner


class BadgeNews(QObject):
    """Tells of the visit registered last and prints its badge; the banner's
    button prints it again (a copy once it has been printed).

    Emits `badge_done(visit_id, printed)` when a badge print ends (printed
    False: it failed, or was only previewed)."""

    badge_done = Signal(str, bool)

    def __init__(self, banner: StatusBanner, documents: VisitorDocuments,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.banner = banner
        self._documents = documents
        self.last_visit: VisitRecord | None = None
        self._badge_printed = False
        banner.action_triggered.connect(self.print_last_badge)

    def registered(self, visit: VisitRecord, print_badge: bool) -> None:
        self.last_visit, self._badge_printed = visit, False
        if print_badge:
            self._report(visit, "info", self.tr("Mencetak badge…"), "")
            self._print_badge(visit)
        else:
            self._report(visit, "success", "", self.tr("Cetak badge"))

    def checked_out(self, visit: VisitRecord) -> None:
        """Drop the banner (and its reprint button) once that visitor has left."""
        if self.last_visit is not None and self.last_visit.id == visit.id:
            self.last_visit = None
            self.banner.hide()

    @Slot()
    def print_last_badge(self) -> None:
        """(Re)print the badge of the visit registered last."""
        if self.last_visit is not None:
            self._report(self.last_visit, "info", self.tr("Mencetak badge…"), "")
            self._print_badge(self.last_visit, copy=self._badge_printed)

    def _print_badge(self, visit: VisitRecord, copy: bool = False) -> None:
        self._documents.print_badge(
            visit,
            copy,
            lambda printed: self._badge_done(visit, printed),
            lambda exc: self._badge_failed(visit, exc),
        )

    def _badge_done(self, visit: VisitRecord, printed: bool) -> None:
        self.badge_done.emit(visit.id, printed)
        self._badge_printed = self._badge_printed or printed
        printer = self._documents.printer_name("badge") if printed else ""
        note = (
            self.tr("Badge dicetak ke {printer}.").format(printer=printer)
            if printer
            else self.tr("Badge dicetak.")
            if printed
            else ""
        )
        self._report(visit, "success", note, self.tr("Cetak ulang badge"))

    def _badge_failed(self, visit: VisitRecord, exc: BaseException) -> None:
        self.badge_done.emit(visit.id, False)
        note = self.tr("Badge gagal dicetak: {error}").format(error=error_text(exc))
        self._report(visit, "error", note, self.tr("Cetak ulang badge"))

    def _report(self, visit: VisitRecord, kind: str, note: str, action: str) -> None:
        """The banner about `visit`, unless a later registration has replaced it."""
        if visit is not self.last_visit:
            return
        headline = self.tr("Terdaftar: {badge}").format(badge=visit.badge_number)
        name = isolate(visit.name)
        text = f"{name}. {note}" if note else name
        if visit.replaced_badges:
            text += " " + self.tr("Badge lama {badges} tidak berlaku lagi.").format(
                badges=", ".join(visit.replaced_badges)
            )
        self.banner.show_message(kind, text, action, headline)
