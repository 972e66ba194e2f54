"""The front desk's second pass (issue 13, points 8 and 9): where the keyboard is,
and the small things a receptionist ran into."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QImage, QTextLayout
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import text

from smesco_desk.domain.text import isolate
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.values.visitors import VisitFilter, VisitorForm, VisitRecord, VisitScope
from tests.core.helpers_core import rows
from tests.ui.helpers_ui import FakePrinter, show_active
from ui.context import AppContext
from ui.pages.visitors.page import VisitorsPage
from ui.settings import PRINT_BADGE_AFTER_REGISTER

FOCUS_RING = QColor("#e08a00")



@pytest.fixture
def page(qtbot, ctx: AppContext, printer: FakePrinter) -> VisitorsPage:
    ctx.settings.set(PRINT_BADGE_AFTER_REGISTER, True)
    return show_active(qtbot, VisitorsPage(ctx, printer=printer), 1176, 700)


def _register(core: Core, actor: Actor, name: str, phone: str, **kw: str) -> VisitRecord:
    form = VisitorForm(name, phone, kw.pop("purpose", "meeting"), consent=True, **kw)
    return core.visitors.register(actor, form)


def _ring_pixels(widget: QWidget) -> int:
    image: QImage = widget.grab().toImage()
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            near = (
                abs(c.red() - FOCUS_RING.red())
                + abs(c.green() - FOCUS_RING.green())
                + abs(c.blue() - FOCUS_RING.blue())
            )
            count += near < 40
    return count


def _starts_left_to_right(text: str) -> bool:
    """Whether a line of `text` reads left to right (position 0 at the left)."""
    layout = QTextLayout(text, QFont())
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    return line.cursorToX(0)[0] < line.cursorToX(len(text))[0]


# --- point 8: the keyboard's place ------------------------------------------------


def test_every_field_shows_the_focus_ring_and_only_while_focused(
    qtbot, styled: None, page: VisitorsPage
) -> None:
    form, bar = page.form, page.checkout_bar
    assert form is not None and bar is not None
    fields = [form.name_edit, form.phone_edit, form.purpose_combo, form.host_edit, bar.scan_edit]
    for field in fields:
        other = form.name_edit if field is not form.name_edit else form.phone_edit
        other.setFocus()
        qtbot.waitUntil(other.hasFocus)
        size = field.size()
        assert _ring_pixels(field) == 0, field.objectName()  # the scan field too
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)
        assert _ring_pixels(field) >= 60, field.objectName()  # a 2 px ring all round
        assert field.size() == size


def test_a_refused_field_still_shows_where_the_keyboard_is(
    qtbot, styled: None, page: VisitorsPage
) -> None:
    form = page.form
    assert form is not None
    form.register_button.click()  # nothing typed: refused
    form.name_edit.setText("Siti")
    form.register_button.click()
    assert form.phone_edit.property("invalid") is True
    form.phone_edit.setFocus()
    qtbot.waitUntil(form.phone_edit.hasFocus)
    assert _ring_pixels(form.phone_edit) >= 60


def test_down_in_the_opened_purpose_list_picks_the_first_item(qtbot, page: VisitorsPage) -> None:
    combo = page.form.purpose_combo if page.form else None
    assert combo is not None and combo.currentIndex() == -1
    combo.setFocus()
    combo.showPopup()
    view = combo.view()
    assert view.currentIndex() == QModelIndex()  # nothing highlighted, none chosen yet
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert combo.currentIndex() == 0 and combo.currentData() == "business_lounge"


def test_down_on_the_closed_purpose_box_steps_from_the_first(qtbot, page: VisitorsPage) -> None:
    combo = page.form.purpose_combo if page.form else None
    assert combo is not None
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentIndex() == 0
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentIndex() == 1


# --- point 9: small things ----------------------------------------------------------


def test_a_check_out_from_the_list_clears_a_stale_refusal_at_the_scan_field(
    qtbot, page: VisitorsPage, core: Core, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    bar = page.checkout_bar
    assert bar is not None
    _register(core, admin, "Citra Lestari", "081234567801")
    page.lists.in_building_model.refresh()
    bar.scan_edit.setText("017")
    bar.submit()
    assert "017" in bar.message() and "Tidak ada tamu di dalam" in bar.message()
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    page.lists.in_building_table.selectRow(0)
    with qtbot.waitSignal(page.visitor_checked_out):
        page.lists.checkout_button.click()
    assert bar.message() == "" and not bar.scan_edit.property("invalid")


def test_clicks_after_a_registration_leave_the_cleared_form_unmarked(
    qtbot, page: VisitorsPage, core: Core
) -> None:
    form = page.form
    assert form is not None
    form.name_edit.setText("Siti Nurhaliza")
    form.phone_edit.setText("081234567801")
    form.purpose_combo.setCurrentIndex(0)
    form.consent_check.setChecked(True)
    with qtbot.waitSignal(page.visitor_checked_in):
        form.register_button.click()
    for _click in range(3):  # the rest of a fast double or triple click
        qtbot.mouseClick(form.register_button, Qt.MouseButton.LeftButton)
    assert not any(label.isVisible() for label in form.errors.labels.values())
    assert not any(form.widget_for(f).property("invalid") for f in ("name", "phone", "consent"))
    assert core.visitors.count_visits(VisitFilter(VisitScope.HISTORY)) == 1
    assert QApplication.focusWidget() is form.name_edit


def test_an_arabic_name_keeps_the_indonesian_sentence_left_to_right(
    qtbot, page: VisitorsPage, core: Core, admin: Actor
) -> None:
    assert isolate("محمد") == "\u2068محمد\u2069" and isolate("") == ""
    name = "محمد عبد الله"
    assert not _starts_left_to_right(f"{name} keluar · D01")  # the problem, without isolation
    form, bar = page.form, page.checkout_bar
    assert form is not None and bar is not None
    form.name_edit.setText(name)
    form.phone_edit.setText("081234567801")
    form.purpose_combo.setCurrentIndex(0)
    form.consent_check.setChecked(True)
    with qtbot.waitSignal(page.visitor_checked_in) as registered:
        form.submit()
    assert isolate(name) in form.banner.label.text()
    assert _starts_left_to_right(form.banner.label.text())
    bar.check_out(registered.args[0].badge_number)
    assert isolate(name) in bar.message() and _starts_left_to_right(bar.message())
    bar.check_out("D01-9٠٠")  # a typed key is user text too
    assert _starts_left_to_right(bar.message())


def test_a_long_paste_is_cut_and_the_field_says_so(qtbot, page: VisitorsPage) -> None:
    form = page.form
    assert form is not None
    form.organisation_edit.setFocus()
    QApplication.clipboard().setText("Koperasi " * 55)  # 495 characters
    qtbot.keyClick(form.organisation_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(form.organisation_edit.text()) == 200
    message = form.errors["organisation"]
    assert message.isVisible() and "200" in message.text() and "495" in message.text()
    qtbot.keyClick(form.organisation_edit, Qt.Key.Key_Backspace)
    assert not message.isVisible()


def test_a_returning_visitor_s_consent_on_record_is_shown_with_its_date_not_asked(
    qtbot, page: VisitorsPage, core: Core, admin: Actor
) -> None:
    first = _register(core, admin, "Siti Nurhaliza", "081234567801")
    consented = rows(core, "SELECT consent_at FROM visitors WHERE id = :i", i=first.visitor_id)
    core.visitors.check_out(admin, first.badge_number)
    form = page.form
    assert form is not None
    details = core.visitors.visitor_details(admin, first.visitor_id)
    assert details.consent_at is not None
    form.fill_from(details)
    day = details.consent_at.astimezone().strftime("%d-%m-%Y")
    assert form.consent_check.isChecked() and "tercatat" in form.consent_label.text()
    assert day[-4:] in form.consent_label.text()
    assert QApplication.focusWidget() is form.register_button  # nothing left to ask
    with qtbot.waitSignal(page.visitor_checked_in):
        form.submit()
    again = rows(core, "SELECT consent_at FROM visitors WHERE id = :i", i=first.visitor_id)
    assert again == consented  # the consent keeps its day

    form.unlink_visitor()  # someone else after all: asked again
    assert not form.consent_check.isChecked() and "UU PDP" in form.consent_label.text()
    assert "tercatat" not in form.consent_label.text()


def test_a_consent_to_an_older_notice_is_asked_again(
    page: VisitorsPage, core: Core, admin: Actor
) -> None:
    first = _register(core, admin, "Siti Nurhaliza", "081234567801")
    with core.db.engine.begin() as conn:  # she consented to the notice before this one
        conn.execute(
            text("UPDATE visitors SET consent_version = '2025-1' WHERE id = :i"),
            {"i": first.visitor_id},
        )
    details = core.visitors.visitor_details(admin, first.visitor_id)
    assert details.consent_at is None
    form = page.form
    assert form is not None
    form.fill_from(details)
    assert not form.consent_check.isChecked() and "tercatat" not in form.consent_label.text()


def test_the_evacuation_print_has_phones_and_the_audit_says_so(
    page: VisitorsPage, printer: FakePrinter, core: Core, admin: Actor
) -> None:
    _register(core, admin, "Siti Nurhaliza", "081234567801")
    page.lists.save_muster()
    saved = "".join(p.extract_text() for p in PdfReader(io.BytesIO(printer.pdfs[-1])).pages)
    assert "Siti Nurhaliza" in saved and "No. HP" not in saved
    page.lists.print_muster()
    printed = "".join(p.extract_text() for p in PdfReader(io.BytesIO(printer.pdfs[-1])).pages)
    assert "No. HP" in printed and "0812-3456-7801" in printed
    (audit,) = rows(core, "SELECT detail FROM audit_log WHERE action = 'visit.muster_phones'")
    assert json.loads(audit[0]) == {"people": 1, "phones": 1}


def test_the_wizard_counts_the_steps_it_has(qtbot, bare_ctx: AppContext) -> None:
    from PySide6.QtWidgets import QLabel

    from ui.dialogs.first_run import FirstRunWizard

    wizard = FirstRunWizard(bare_ctx)
    qtbot.addWidget(wizard)
    said = " ".join(label.text() for label in wizard.desk_page.findChildren(QLabel))
    # Two pages to fill (this desk's code, the first administrator), then "done".
    assert len(wizard.pageIds()) == 3 and wizard.done_page is wizard.page(wizard.pageIds()[-1])
    assert "Dua langkah" in said and "Tiga" not in said


def test_the_quick_cash_amounts_are_whole_in_the_shortest_sale_dialog(
    qtbot, styled: None, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.ui.test_sale_dialog import _fill_line
    from ui.pages.payments.sale_dialog import SaleDialog

    # Closing a dialog with a sale in it asks first: yes, throw it away.
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    ctx.core.payments.open_shift(ctx.require_actor(), 500_000)
    dialog = show_active(qtbot, SaleDialog(ctx))
    _fill_line(dialog, 0, "Ruang rapat", 4, 240_000)  # Rp960.000: up to Rp1.000.000
    dialog.resize(dialog.minimumSizeHint())
    QApplication.processEvents()
    shown = [b for b in dialog.quick_buttons if b.isVisible()]
    assert [b.text() for b in shown] == ["Rp970.000", "Rp1.000.000", "Rp1.050.000"]
    panel = dialog.payment
    for button in shown:
        top_left = button.mapTo(panel, button.rect().topLeft())
        bottom_right = button.mapTo(panel, button.rect().bottomRight())
        assert panel.rect().contains(top_left) and panel.rect().contains(bottom_right)
        assert button.width() >= button.sizeHint().width()  # the text whole
        assert button.visibleRegion().boundingRect() == button.rect()  # nothing cut off
