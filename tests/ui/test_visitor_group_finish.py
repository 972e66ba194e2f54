"""After a group ("rombongan"): the next walk-in starts on an empty form, and
badges printed one by one are not printed again by the job at the end
(review of 2026-12-07, points 1 and 2), with buttons that say what they do
and show it whole at 1024 px; groups told apart in the in-building list and a
long purpose shown whole or with "…" (point 6)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QStyleOptionViewItem

from smesco_desk.ids import new_id
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.values.visitors import VisitFilter, VisitorForm, VisitScope
from tests.ui.helpers_ui import FakePrinter, show_active
from ui.context import AppContext
from ui.models.visits_model import COL_ORGANISATION
from ui.pages.visitors.group import AT_THE_END
from ui.pages.visitors.page import VisitorsPage
from ui.printing import PreviewOutcome
from ui.settings import PREVIEW_BEFORE_PRINT, PRINT_BADGE_AFTER_REGISTER

FIVE = [
    ("Bambang Sutrisno", "081234567801"),
    ("Dewi Lestari", "081234567802"),
    ("Agus Salim", "081234567803"),
    ("Rina Marlina", "081234567804"),
    ("Yusuf Hakim", "081234567805"),
]
ORGANISATION, HOST = "Koperasi Batik Lasem", "Pelatihan Ekspor - Dinas Koperasi"


@pytest.fixture
def page(qtbot, ctx: AppContext, printer: FakePrinter) -> VisitorsPage:
    ctx.settings.set(PRINT_BADGE_AFTER_REGISTER, True)
    # The visitors page of a 1024 x 768 screen (less the side bar and the menu).
    return show_active(qtbot, VisitorsPage(ctx, printer=printer), 834, 700)


def _start_group(page: VisitorsPage) -> None:
    form = page.form
    assert form is not None
    form.group.toggle_button.click()
    form.organisation_edit.setText(ORGANISATION)
    form.purpose_combo.setCurrentIndex(form.purpose_combo.findData("training"))
    form.host_edit.setText(HOST)


def _register(qtbot, page: VisitorsPage, people: list[tuple[str, str]]) -> None:
    form = page.form
    assert form is not None
    for name, phone in people:
        form.name_edit.setText(name)
        form.phone_edit.setText(phone)
        form.consent_check.setChecked(True)
        with qtbot.waitSignal(page.visitor_checked_in):
            form.register_button.click()


def _shows_its_text_whole(button: QPushButton) -> bool:
    return button.isVisible() and button.width() >= QPushButton.sizeHint(button).width()


def test_finishing_a_group_leaves_an_empty_walk_in_form(
    qtbot, page: VisitorsPage, core: Core
) -> None:
    form = page.form
    assert form is not None
    _start_group(page)
    _register(qtbot, page, FIVE[:2])
    form.group.finish_button.click()
    assert form.is_blank()
    assert form.purpose_combo.currentIndex() == -1
    assert QApplication.focusWidget() is form.name_edit

    # The next walk-in, typed with only a name, a phone and the consent.
    qtbot.keyClicks(form.name_edit, "Siti Rahmawati")
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(form.phone_edit, "081299887766")
    form.consent_check.setChecked(True)
    qtbot.keyClick(form.phone_edit, Qt.Key.Key_Return)
    visits = core.visitors.list_visits(VisitFilter(VisitScope.IN_BUILDING))
    assert "Siti Rahmawati" not in [v.name for v in visits]  # no purpose: asked first
    assert form.errors["purpose"].text()


def test_the_job_at_the_end_prints_only_the_badges_not_yet_printed(
    qtbot, page: VisitorsPage, printer: FakePrinter
) -> None:
    form = page.form
    assert form is not None
    _start_group(page)
    _register(qtbot, page, FIVE[:2])
    assert len(printer.jobs) == 2  # one by one
    form.group.print_combo.setCurrentIndex(form.group.print_combo.findData(AT_THE_END))
    assert form.group.finish_button.long_text() == "Selesai"  # both printed already
    _register(qtbot, page, FIVE[2:])
    assert len(printer.jobs) == 2
    assert form.group.finish_button.long_text() == "Selesai · cetak 3 badge"

    form.group.finish_button.click()
    assert printer.jobs[2:] == [("badge", "Kartu tamu rombongan (3)")]
    pages = PdfReader(io.BytesIO(printer.pdfs[-1])).pages
    assert len(pages) == 3
    text = " ".join(p.extract_text() for p in pages)
    assert all(name in text for name, _ in FIVE[2:])
    assert not any(name in text for name, _ in FIVE[:2])
    assert "SALINAN" not in text


def test_badges_deferred_to_the_end_still_go_out_when_switched_back(
    qtbot, page: VisitorsPage, printer: FakePrinter
) -> None:
    form = page.form
    assert form is not None
    _start_group(page)
    form.group.print_combo.setCurrentIndex(form.group.print_combo.findData(AT_THE_END))
    _register(qtbot, page, FIVE[:2])
    form.group.print_combo.setCurrentIndex(0)  # one by one from now on
    _register(qtbot, page, FIVE[2:3])
    assert len(printer.jobs) == 1
    form.group.finish_button.click()
    assert printer.jobs[1:] == [("badge", "Kartu tamu rombongan (2)")]


def test_the_group_s_buttons_say_what_they_do_and_fit_1024_px(
    qtbot, page: VisitorsPage
) -> None:
    form = page.form
    assert form is not None
    assert form.register_button.long_text() == "Daftarkan && cetak badge"
    _start_group(page)
    form.group.print_combo.setCurrentIndex(form.group.print_combo.findData(AT_THE_END))
    assert form.register_button.long_text() == "Daftarkan"  # nothing prints then
    _register(qtbot, page, FIVE)
    qtbot.wait(10)
    finish = form.group.finish_button
    assert finish.long_text() == "Selesai · cetak 5 badge"
    assert _shows_its_text_whole(finish)
    assert finish.text() in (finish.long_text(), "Selesai · 5 badge")
    assert _shows_its_text_whole(form.register_button)
    form.group.print_combo.setCurrentIndex(0)
    assert form.register_button.long_text() == "Daftarkan && cetak badge"
    finish.click()
    assert form.register_button.long_text() == "Daftarkan && cetak badge"


def _painted_text(table, row: int, column: int) -> str:
    """The text of a cell as drawn: its delegate's choice, elided to the cell."""
    index = table.model().index(row, column)
    option = QStyleOptionViewItem()
    option.initFrom(table)
    option.rect = table.visualRect(index)
    (table.itemDelegateForColumn(column) or table.itemDelegate()).initStyleOption(option, index)
    metrics = option.fontMetrics
    return metrics.elidedText(option.text, Qt.TextElideMode.ElideRight, option.rect.width() - 12)


def test_two_groups_are_told_apart_in_the_in_building_list_at_1024_px(
    qtbot, page: VisitorsPage, core: Core, admin: Actor
) -> None:
    for organisation, people in (("Kopi Nusantara Sejahtera", FIVE[:3]), (ORGANISATION, FIVE[3:])):
        group = new_id()
        for name, phone in people:
            form = VisitorForm(name, phone, "training", organisation, consent=True, group_id=group)
            core.visitors.register(admin, form)
    page.lists.in_building_model.refresh()
    table = page.lists.in_building_table
    qtbot.waitUntil(lambda: table.model().rowCount() == 5)
    assert not table.isColumnHidden(COL_ORGANISATION)
    shown = {_painted_text(table, row, COL_ORGANISATION) for row in range(5)}
    assert any(s.startswith("Rbg 2 · Kop") for s in shown)  # the organisation's start
    assert any(s.startswith("Rbg 3 · Kop") for s in shown)
    assert all(len(s.split(" · ", 1)[1]) >= 4 for s in shown)  # more than "K…"
    whole = table.model().index(0, COL_ORGANISATION).data(Qt.ItemDataRole.ToolTipRole)
    assert whole.startswith("Rombongan ")


def test_a_long_purpose_is_shown_whole_or_with_an_ellipsis(qtbot, page: VisitorsPage) -> None:
    combo = page.form.purpose_combo
    combo.setCurrentIndex(combo.findData("training"))
    label = combo.currentText()
    shown = combo.shown_text()
    assert shown == label or (shown.endswith("…") and label.startswith(shown[:-1]))
    assert combo.toolTip() == label
    combo.setCurrentIndex(-1)
    assert combo.shown_text() == "Pilih…"


def test_a_badge_printed_from_its_preview_is_not_printed_again_at_the_end(
    qtbot, page: VisitorsPage, printer: FakePrinter, monkeypatch
) -> None:
    page.ctx.settings.set(PREVIEW_BEFORE_PRINT, True)

    def preview(pdf: bytes, kind: str, title: str, parent=None) -> PreviewOutcome:
        printer.jobs.append((f"preview:{kind}", title))
        return PreviewOutcome(printed=True)

    monkeypatch.setattr(printer, "preview", preview)
    form = page.form
    assert form is not None
    _start_group(page)
    _register(qtbot, page, FIVE[:2])  # each previewed, and printed from there
    form.group.print_combo.setCurrentIndex(form.group.print_combo.findData(AT_THE_END))
    _register(qtbot, page, FIVE[2:3])
    assert form.group.finish_button.long_text() == "Selesai · cetak 1 badge"
    form.group.finish_button.click()
    assert printer.jobs[-1] == ("preview:badge", "Kartu tamu rombongan (1)")
