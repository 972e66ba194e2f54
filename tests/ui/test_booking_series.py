"""Recurring bookings in the booking dialog: the "Ulangi" section, the preview
of the occurrences with their clashes, skipping them, on real services over a
temporary database (offscreen)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt

from smesco_desk.clock import wib_today
from smesco_desk.domain.booking_series import SeriesRule
from smesco_desk.domain.bookings import WEEKDAYS
from smesco_desk.services.actors import Actor
from smesco_desk.values.bookings import BookingRecord, SeriesOccurrence, SeriesPlan, SpaceForm
from tests.ui import test_booking_dialog as dialog_tests
from tests.ui.test_booking_dialog import _book, _dialog, _fill, at
from ui.context import AppContext
from ui.models.week_bookings_model import day_name
from ui.pages.bookings.series_preview import SeriesPlanModel, SeriesPreviewDialog
from ui.pages.payments.common import rupiah


@pytest.fixture
def day(ctx: AppContext, admin: Actor) -> date:
    """A day a month ahead, with the meeting room "rapat" of the dialog's tests
    (open 08:00-21:00 every day, 15-minute buffers)."""
    ctx.core.bookings.save_space(admin, SpaceForm(
        code="rapat", name="Ruang Rapat Uji", kind="meeting_room", capacity=8,
        opening_hours={d: ["08:00", "21:00"] for d in WEEKDAYS}, setup_minutes=15,
        cleanup_minutes=15, rate_hour=dialog_tests.RATE_HOUR, umkm_discount_bp=1000))
    return wib_today(ctx.core.now()) + timedelta(days=30)


def _weekday(of: date) -> str:
    return WEEKDAYS[of.weekday()]


def test_the_ulangi_section_builds_the_rule(qtbot: Any, ctx: AppContext, day: date) -> None:
    dialog = _dialog(qtbot, ctx, day)
    series = dialog.series
    assert series.rule() is None  # not repeating by default
    assert not series.weekdays_row.isVisible() and not series.ends_row.isVisible()
    series.set_frequency("daily")
    series.count_radio.setChecked(True)
    series.count_spin.setValue(5)
    assert series.rule() == SeriesRule("daily", count=5)
    assert series.ends_row.isVisible() and not series.until_edit.isEnabled()
    series.set_frequency("weekly")
    assert series.weekdays_row.isVisible()
    series.until_radio.setChecked(True)
    assert series.rule() == SeriesRule("weekly", (_weekday(day),),
                                       until=day + timedelta(weeks=4))
    series.weekday_checks[(day.weekday() + 2) % 7].setChecked(True)
    series.until_edit.setDate(QDate(2099, 1, 31))
    rule = series.rule()
    assert rule is not None and set(rule.weekdays) == {
        _weekday(day), _weekday(day + timedelta(days=2))}
    assert rule.until == date(2099, 1, 31) and rule.count is None
    series.set_frequency("monthly")
    assert series.month_day_spin.isVisible() and not series.weekdays_row.isVisible()
    series.month_day_spin.setValue(15)
    assert series.rule() == SeriesRule("monthly", month_day=15, until=date(2099, 1, 31))
    series.set_frequency("")
    assert series.rule() is None


def test_the_weekday_and_end_follow_the_date_until_changed(
        qtbot: Any, ctx: AppContext, day: date) -> None:
    dialog = _dialog(qtbot, ctx, day)
    series = dialog.series
    series.set_frequency("weekly")
    later = day + timedelta(days=1)
    dialog.date_edit.setDate(QDate(later.year, later.month, later.day))
    rule = series.rule()
    assert rule is not None and rule.weekdays == (_weekday(later),)
    assert rule.until == later + timedelta(weeks=4)
    assert series.month_day_spin.value() == later.day
    series.weekday_checks[later.weekday()].setChecked(False)
    series.weekday_checks[(later.weekday() + 3) % 7].setChecked(True)
    dialog.date_edit.setDate(QDate(day.year, day.month, day.day))
    rule = series.rule()
    assert rule is not None and rule.weekdays == (_weekday(later + timedelta(days=3)),)


def test_the_preview_shows_the_clash_and_skipping_books_the_rest(
        qtbot: Any, ctx: AppContext, day: date) -> None:
    in_the_way = _book(ctx, day + timedelta(days=7), 11, 13, "Rapat dinas")
    dialog = _dialog(qtbot, ctx, day)
    _fill(dialog, title="Kelas mingguan")
    dialog.series.set_frequency("weekly")
    dialog.series.count_radio.setChecked(True)
    dialog.series.count_spin.setValue(3)
    dialog.save()
    preview = dialog.series_save.preview
    assert isinstance(preview, SeriesPreviewDialog) and preview.isVisible()
    model = preview.model
    assert model.rowCount() == 3
    assert [model.index(r, 1).data() for r in range(3)] == [
        f"{day_name(d.weekday())}, {d:%d-%m-%Y}" for d in (day + timedelta(weeks=w)
                                                          for w in range(3))]
    clash = model.index(1, 3).data()
    assert "Rapat dinas" in clash and "Dinas Koperasi" in clash  # the booking and its booker
    assert model.index(1, 3).data(Qt.ItemDataRole.ForegroundRole).name() == "#b42318"
    assert model.index(0, 3).data() == "Bisa dipesan"
    assert model.index(0, 3).data(Qt.ItemDataRole.ForegroundRole) is None
    assert "1 bentrok" in preview.summary_label.text()
    price = dialog.totals_shown.total  # the two booked after the clash is skipped
    assert f"Total seri: 2 × {rupiah(price)} = {rupiah(2 * price)}" in preview.summary_label.text()
    assert preview.skip_button.isVisibleTo(preview) and not preview.save_button.isVisibleTo(preview)
    assert "2 jadwal" in preview.skip_button.text()
    with qtbot.waitSignal(dialog.booking_saved) as saved:
        preview.skip_button.click()
    first = saved.args[0]
    assert isinstance(first, BookingRecord) and first.starts_at == at(day, 10)
    result = dialog.series_save.result
    assert result is not None and [o.number for o in result.skipped] == [2]
    assert [b.starts_at for b in result.bookings] == [at(day, 10),
                                                      at(day + timedelta(weeks=2), 10)]
    booked = ctx.core.bookings.bookings_between(day, day + timedelta(weeks=2))
    assert [(b.title, b.series_id is not None) for b in booked] == [
        ("Kelas mingguan", True), ("Rapat dinas", False), ("Kelas mingguan", True)]
    assert in_the_way.id in {b.id for b in booked}
    assert not dialog.isVisible()


def test_going_back_books_nothing_and_no_clash_saves_them_all(
        qtbot: Any, ctx: AppContext, day: date) -> None:
    dialog = _dialog(qtbot, ctx, day)
    _fill(dialog)
    dialog.series.set_frequency("daily")
    dialog.series.count_radio.setChecked(True)
    dialog.series.count_spin.setValue(3)
    dialog.save()
    preview = dialog.series_save.preview
    assert preview is not None and not preview.skip_button.isVisibleTo(preview)
    assert preview.save_button.text() == "&Simpan 3 jadwal"
    preview.back_button.click()
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert ctx.core.bookings.bookings_between(day, day + timedelta(days=3)) == []
    dialog.save()
    preview = dialog.series_save.preview
    assert preview is not None
    with qtbot.waitSignal(dialog.booking_saved):
        preview.save_button.click()
    booked = ctx.core.bookings.bookings_between(day, day + timedelta(days=3))
    assert [b.starts_at for b in booked] == [at(day + timedelta(days=d), 10) for d in range(3)]
    assert len({b.series_id for b in booked}) == 1


def test_when_every_occurrence_clashes_only_going_back_is_offered(
        qtbot: Any, ctx: AppContext, day: date) -> None:
    _book(ctx, day, 9, 13, "Rapat dinas")
    _book(ctx, day + timedelta(days=1), 9, 13, "Rapat dinas")
    dialog = _dialog(qtbot, ctx, day)
    _fill(dialog)
    dialog.series.set_frequency("daily")
    dialog.series.count_radio.setChecked(True)
    dialog.series.count_spin.setValue(2)
    dialog.save()
    preview = dialog.series_save.preview
    assert preview is not None and "Semua bentrok" in preview.summary_label.text()
    assert not preview.skip_button.isVisibleTo(preview)
    assert not preview.save_button.isVisibleTo(preview)
    assert preview.back_button.isVisibleTo(preview)


def test_a_bad_rule_shows_at_its_field(qtbot: Any, ctx: AppContext, day: date) -> None:
    dialog = _dialog(qtbot, ctx, day)
    _fill(dialog)
    dialog.series.set_frequency("weekly")
    for check in dialog.series.weekday_checks:
        check.setChecked(False)
    dialog.save()
    assert dialog.series_save.preview is None
    assert dialog.errors["weekdays"].text() == "Pilih paling sedikit satu hari."
    assert dialog.errors["weekdays"].isVisible() and dialog.isVisible()


def test_the_plan_model_passes_the_model_tester(qtmodeltester: Any, day: date) -> None:
    model = SeriesPlanModel()
    model.set_rows(SeriesPlan((
        SeriesOccurrence(1, at(day, 10), at(day, 12)),
        SeriesOccurrence(2, at(day + timedelta(days=1), 10), at(day + timedelta(days=1), 12),
                         problem="Di luar jam buka."),
    )).occurrences)
    qtmodeltester.check(model)
    assert model.index(1, 3).data() == "Di luar jam buka."


def _overlapping(dialog: Any) -> list[tuple[str, str]]:
    """Pairs of visible form rows (label or field) drawn over one another."""
    form = dialog.form_scroll.widget().layout()
    boxes = []
    for row in range(form.rowCount()):
        for role in (form.ItemRole.LabelRole, form.ItemRole.FieldRole):
            item = form.itemAt(row, role)
            widget = item.widget() if item is not None else None
            if widget is not None and widget.isVisible():
                boxes.append((f"{row}:{role.name}", widget.geometry()))
    return [
        (a, b) for i, (a, ra) in enumerate(boxes) for b, rb in boxes[i + 1 :] if ra.intersects(rb)
    ]


@pytest.mark.parametrize("frequency", ["", "daily", "weekly", "monthly"])
def test_every_ulangi_choice_fits_without_overlap(
    qtbot: Any, ctx: AppContext, day: date, frequency: str
) -> None:
    """Rows never squeezed over one another: the dialog grows within the screen
    and what still does not fit scrolls (the offscreen screen is 800x600)."""
    dialog = _dialog(qtbot, ctx, day)
    dialog.series.set_frequency(frequency)
    if frequency:
        dialog.series.count_radio.setChecked(True)
    qtbot.wait(50)  # the dialog grows once the layout has the new rows
    inner = dialog.form_scroll.widget()
    assert inner.height() >= inner.minimumSizeHint().height()
    assert inner.width() <= dialog.form_scroll.viewport().width()  # never cut at the side
    assert not _overlapping(dialog)
    room = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().height() <= room.height()
    for edit in (dialog.start_edit, dialog.end_edit, dialog.series.count_spin):
        assert edit.height() >= edit.minimumSizeHint().height()  # not cut in half
    dialog.notes_edit.setFocus()
    qtbot.waitUntil(lambda: not dialog.notes_edit.visibleRegion().isEmpty())


def test_the_dialog_says_what_the_whole_series_costs(
    qtbot: Any, ctx: AppContext, day: date
) -> None:
    dialog = _dialog(qtbot, ctx, day)
    assert dialog.series_total_label.text() == ""
    dialog.series.set_frequency("daily")
    dialog.series.count_radio.setChecked(True)
    dialog.series.count_spin.setValue(3)
    total = dialog.totals_shown.total
    text = dialog.series_total_label.text()
    assert "3 jadwal" in text and rupiah(3 * total) in text and rupiah(total) in text
