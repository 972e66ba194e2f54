"""The printed documents of an event: the participants' badges and the
attendance list. The core makes the PDF on the worker
(`core.bookings.event_badges`, `core.bookings.attendance_list`); the bytes go
to the printer set for their paper through ui.printing.DocumentPrinter, as the
visitors' badges and the receipts do: a sheet of ten badges and the attendance
list are A4 (the office printer), one card each goes to the badge printer.
"Preview before printing" in the settings is honoured; "save" asks where.
`saved_to`: where the last document was saved as a PDF (None: it was not),
as the file dialog or the preview's "Simpan PDF…" said; `done(True)` when it
went to a printer, from the preview too."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ui.documents import Done, Failed, PageDocuments
from ui.printing import PreviewOutcome, safe_file_name
from ui.settings import PREVIEW_BEFORE_PRINT

MODES = ("print", "preview", "save")


def badge_printer_kind(fmt: str) -> str:
    """Which printer a badge format goes to: A4 sheets the office one, cards the badge one."""
    return "office" if fmt == "sheet" else "badge"


class EventDocuments(PageDocuments):
    """Badges and the attendance list of one event; a failed print changes nothing."""

    saved_to: Path | None = None

    def badges(
        self,
        booking_id: str,
        event_title: str,
        fmt: str,
        attendee_ids: Sequence[str] | None,
        mode: str,
        done: Done,
        failed: Failed,
    ) -> None:
        """fmt: sheet | card; attendee_ids: None for everyone; mode: one of MODES."""
        bookings = self._ctx.core.bookings
        ids = tuple(attendee_ids) if attendee_ids is not None else None
        title = self.tr("Badge peserta {title}").format(title=event_title)
        self._ctx.runner.op(
            lambda: bookings.event_badges(booking_id, fmt, ids), self
        ).with_progress(self.tr("Menyiapkan badge peserta…")).success(
            lambda pdf: self._ready(pdf, badge_printer_kind(fmt), title, mode, done, failed)
        ).failure(failed).run()

    def attendance(
        self, booking_id: str, event_title: str, mode: str, done: Done, failed: Failed
    ) -> None:
        bookings = self._ctx.core.bookings
        title = self.tr("Daftar hadir {title}").format(title=event_title)
        self._ctx.runner.op(lambda: bookings.attendance_list(booking_id), self).with_progress(
            self.tr("Menyiapkan daftar hadir…")
        ).success(lambda pdf: self._ready(pdf, "office", title, mode, done, failed)).failure(
            failed
        ).run()

    def _ready(
        self, pdf: bytes, kind: str, title: str, mode: str, done: Done, failed: Failed
    ) -> None:
        self.saved_to = None
        if mode == "save":
            self._guard(
                lambda: self._keep(self.printer().save_pdf(pdf, safe_file_name(title),
                                                           self._widget)),
                lambda: done(False),
                failed,
            )
        elif mode == "preview" or self._ctx.settings.get(PREVIEW_BEFORE_PRINT):
            outcome: list[object] = []
            self._guard(
                lambda: outcome.append(self.printer().preview(pdf, kind, title, self._widget)),
                lambda: done(self._previewed(outcome[0])),
                failed,
            )
        else:
            self._guard(
                lambda: self.printer().print_pdf(pdf, kind, title, self._widget),
                lambda: done(True),
                failed,
            )

    def _keep(self, saved: object) -> None:
        self.saved_to = saved if isinstance(saved, Path) else None

    def _previewed(self, outcome: object) -> bool:
        """Printed from the preview? (And where it was saved, if it was.)"""
        if not isinstance(outcome, PreviewOutcome):
            return False
        self._keep(outcome.saved_to)
        return outcome.printed
