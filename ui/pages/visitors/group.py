"""Group mode ("Rombongan") of the registration form: people arriving together.

While a group is open, its organisation, purpose and host stay in the form for
the next person, and the keyboard goes name -> phone -> consent -> register
(the kept fields are still a click away). Each visit carries the group's id,
so the in-building list shows the group together. Badges are printed one by
one as each person is registered, or all at the end as one print job; the
choice may change while the group goes on, and the job at the end prints only
the badges not printed (nor on their way to the printer) yet: never a second
original of a badge already given out.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.ids import new_id
from smesco_desk.values.visitors import VisitRecord
from ui.errors import error_text
from ui.pages.visitors.badges import VisitorDocuments
from ui.widgets import FittingButton

ONE_BY_ONE, AT_THE_END = "one_by_one", "at_the_end"


class GroupBar(QFrame):
    """While a group is open: its count, the badge printing choice and the button
    that closes it. Its switch (`toggle_button`) is the form's to place.

    Emits `mode_changed(bool)` when a group opens or closes, and `news(kind,
    text)` of its badges for the form's banner."""

    mode_changed = Signal(bool)
    news = Signal(str, str)

    def __init__(self, documents: VisitorDocuments, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("group_bar")
        self._documents = documents
        self.group_id: str | None = None
        self.visits: list[VisitRecord] = []
        self._sent: set[str] = set()  # visits whose badge is on its way to the printer
        self._printed: set[str] = set()  # visits whose badge was printed
        self._deferred: set[str] = set()  # registered while badges waited for the end
        self.toggle_button = QPushButton(self.tr("&Rombongan"), self)
        self.toggle_button.setObjectName("group_button")
        self.toggle_button.setCheckable(True)
        self.toggle_button.setToolTip(
            self.tr(
                "Tamu yang datang bersama: organisasi, keperluan dan tuan rumah tetap "
                "untuk orang berikutnya; cukup isi nama, No. HP dan persetujuan."
            )
        )
        self.toggle_button.toggled.connect(self._on_toggled)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("group_count_label")
        self.count_label.setWordWrap(True)  # two lines rather than a cut finish button
        self.print_combo = QComboBox(self)
        self.print_combo.setObjectName("group_print_combo")
        self.print_combo.addItem(self.tr("Badge satu per satu"), ONE_BY_ONE)
        self.print_combo.addItem(self.tr("Badge sekaligus di akhir"), AT_THE_END)
        self.print_combo.currentIndexChanged.connect(self._update_texts)
        self.finish_button = FittingButton("", "", self)
        self.finish_button.setObjectName("group_finish_button")
        self.finish_button.clicked.connect(self.finish)
        self._build()
        self._update_texts()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.count_label, 1)
        top.addWidget(self.finish_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.print_combo)
        self.hide()

    # --- state ------------------------------------------------------------------

    def active(self) -> bool:
        return self.group_id is not None

    def prints_at_the_end(self) -> bool:
        return self.active() and self.print_combo.currentData() == AT_THE_END

    def add(self, visit: VisitRecord, badge_sent: bool) -> None:
        """A member of the open group was registered; `badge_sent`: their badge
        went to the printer at once (else it waits for the end, if the end prints)."""
        self.visits.append(visit)
        if badge_sent:
            self._sent.add(visit.id)
        elif self.prints_at_the_end():
            self._deferred.add(visit.id)
        self._update_texts()

    @Slot(str, bool)
    def badge_done(self, visit_id: str, printed: bool) -> None:
        """A badge printed on its own (or not, after all): the end leaves it out (or in)."""
        self._sent.discard(visit_id)
        if printed:
            self._printed.add(visit_id)
        self._update_texts()

    def badges_for_the_end(self) -> list[VisitRecord]:
        """What the end prints: the badges neither printed nor on their way, of
        everyone if the end prints, else of those registered while it did."""
        at_the_end = self.prints_at_the_end()
        return [
            v
            for v in self.visits
            if v.id not in self._printed
            and v.id not in self._sent
            and (at_the_end or v.id in self._deferred)
        ]

    @Slot(bool)
    def _on_toggled(self, on: bool) -> None:
        if on and self.group_id is None:
            self._begin(new_id())
        elif not on and self.group_id is not None:
            self.finish()
            return
        self.setVisible(on)
        self._update_texts()
        self.mode_changed.emit(on)

    @Slot()
    def finish(self) -> None:
        """Close the group; with "at the end", its badges go out as one job."""
        if self.group_id is None:
            return
        visits, to_print = list(self.visits), self.badges_for_the_end()
        if to_print:
            count = len(to_print)
            self._show_note("info", self.tr("Mencetak {count} badge…").format(count=count))
            self._documents.print_group_badges(
                to_print, lambda printed: self._group_printed(count, printed), self._print_failed
            )
        elif visits:
            self._show_note(
                "success",
                self.tr("Rombongan selesai: {count} orang terdaftar.").format(count=len(visits)),
            )
        self._begin(None)
        self.hide()
        self.toggle_button.blockSignals(True)
        self.toggle_button.setChecked(False)
        self.toggle_button.blockSignals(False)
        self._update_texts()
        self.mode_changed.emit(False)

    def _begin(self, group_id: str | None) -> None:
        """A new group (or none, `group_id` None): nobody in it yet."""
        self.group_id = group_id
        self.visits = []
        self._sent, self._printed, self._deferred = set(), set(), set()

    # --- texts ------------------------------------------------------------------

    @Slot()
    def _update_texts(self) -> None:
        self.count_label.setText(
            self.tr("{count} orang terdaftar").format(count=len(self.visits))
            if self.active()
            else ""
        )
        to_print = len(self.badges_for_the_end())
        if to_print:
            self.finish_button.set_texts(
                self.tr("Selesai · cetak {count} badge").format(count=to_print),
                self.tr("Selesai · {count} badge").format(count=to_print),
            )
        else:
            self.finish_button.set_texts(self.tr("Selesai"), self.tr("Selesai"))
        if self.isVisible() and (layout := self.layout()) is not None:
            layout.activate()  # the room for the new text now: the long one if it fits

    def _group_printed(self, count: int, printed: bool) -> None:
        if printed:
            printer = self._documents.printer_name("badge")
            text = self.tr("{count} badge rombongan dicetak dalam satu kali cetak.").format(
                count=count
            )
            self._show_note("success", f"{text} ({printer})" if printer else text)

    def _print_failed(self, exc: BaseException) -> None:
        self._show_note(
            "error", self.tr("Badge rombongan gagal dicetak: {error}").format(error=error_text(exc))
        )

    def _show_note(self, kind: str, text: str) -> None:
        self.news.emit(kind, text)
