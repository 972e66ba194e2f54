"""The badge's and the kuitansi's fast paths change nothing printed (issue 14):
the QR mask is ReportLab's own choice, kept font subsets are the ones ReportLab
would make, and the kept letterhead follows every settings change."""

from __future__ import annotations

import random
import sqlite3
import uuid
import zlib
from typing import Any

import pytest
from reportlab.graphics.barcode import qrencoder
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import TTFontFile
from sqlalchemy import event, text

from smesco_desk.db import changes
from smesco_desk.printing import _qr, _subsets
from smesco_desk.printing.badge import render_badge
from smesco_desk.printing.fonts import base_font
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from tests.core.helpers_core import cash, sale_form, visitor_form
from tests.core.test_printing_badge import badge
from tests.core.test_printing_receipt import text_of, words

rng = random.Random(14)
PAYLOADS = [str(uuid.UUID(int=rng.getrandbits(128))) for _ in range(40)]
PAYLOADS += ["EVT:" + "x" * n for n in (1, 30, 60, 120, 170, 260)]  # versions 1 to 10


def _reportlab(payload: str) -> qrencoder.QRCode:
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    return code


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_qr_symbol_is_module_for_module_reportlab_s(payload: str) -> None:
    expected = [[bool(cell) for cell in row] for row in _reportlab(payload).modules]
    assert _qr.qr_modules(payload) == expected


@pytest.mark.parametrize("payload", PAYLOADS[:5] + PAYLOADS[-3:])
def test_each_mask_scores_as_reportlab_scores_it(payload: str) -> None:
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.version = code.calculate_version()
    scores = set()
    for mask in range(8):
        code.makeImpl(True, mask)
        rows = [int("".join("1" if c else "0" for c in row), 2) for row in code.modules]
        expected = qrencoder.QRUtil.getLostPoint(code)
        assert _qr.penalty(rows, code.moduleCount) == expected
        scores.add(expected)
    assert len(scores) > 1  # the masks really differ


def _face() -> Any:
    return pdfmetrics.getFont(base_font()).face


def test_a_kept_subset_is_the_one_reportlab_makes() -> None:
    face = _face()
    if not hasattr(face, "charToGlyph"):
        pytest.skip("no TrueType font on this machine")
    subset = [*range(128), ord("é"), ord("×")]
    first = face.makeSubset(subset)
    assert first == TTFontFile.makeSubset(face, subset)  # what ReportLab makes
    assert face.makeSubset(list(subset)) is first  # kept, not made again
    assert _subsets._FLATE.encode(first) == zlib.compress(first)


def test_kept_widths_are_formatted_as_reportlab_formats_them() -> None:
    doc = pdfdoc.PDFDocument(invariant=1)
    widths = [600.0, 601.5, 0, 1000, 277.83203125]
    kept = _subsets._KeptArray(widths)
    assert kept.format(doc) == pdfdoc.PDFArray(widths).format(doc)
    assert kept.format(doc) == _subsets._KeptArray(list(widths)).format(doc)
    render_badge(badge())
    if hasattr(_face(), "charToGlyph"):
        assert _subsets._KeptArray._formatted._items  # the badge's fonts went through it


def test_a_badge_is_the_same_bytes_however_often_it_is_made() -> None:
    one, other = badge(name="Siti Nurhaliza"), badge(name="Đặng Thị Ngọc Ánh")
    first = render_badge(one)
    render_badge(other)
    assert render_badge(one) == first


def _statements(core: Core) -> list[str]:
    seen: list[str] = []
    event.listen(core.db.engine, "before_cursor_execute", lambda *a: seen.append(a[2]))
    return seen


def _kuitansi_text(core: Core, actor: Actor, receipt_id: str, fmt: str = "thermal") -> str:
    _rec, pdf = core.payments.receipt_pdf(actor, receipt_id, fmt, record_print=False)
    return words(text_of(pdf))


def test_the_letterhead_is_read_once_and_follows_a_settings_change(
    core: Core, admin: Actor, receptionist: Actor
) -> None:
    core.payments.open_shift(receptionist, 0)
    sold = core.payments.sell(receptionist, sale_form(), cash())
    assert "SMESCO" in _kuitansi_text(core, receptionist, sold.id)
    seen = _statements(core)
    kept = core.settings.letterhead()
    assert core.settings.letterhead() is kept
    assert not [s for s in seen if "app_settings" in s]  # no database read for it

    core.settings.set(admin, "building_name", "Gedung Kopi Nusantara")
    core.settings.set(admin, "building_city", "Bandung")
    for fmt in ("thermal", "a5"):
        text = _kuitansi_text(core, receptionist, sold.id, fmt)
        assert "Gedung Kopi Nusantara" in text and "Bandung," in text
        assert "SMESCO" not in text
    visit = core.visitors.register(receptionist, visitor_form())
    badge_text = text_of(core.visitors.badge_pdf(visit.id))
    assert "Gedung Kopi Nusantara" in badge_text


def test_a_setting_written_past_the_service_is_seen_too(core: Core, admin: Actor) -> None:
    """A sync pull writes settings rows itself (through the driver's connection,
    marking the table): any committed write to app_settings moves the stamp."""
    core.settings.set(admin, "building_npwp", "0013456789012345")
    assert core.settings.letterhead().npwp == "0013456789012345"
    update = "UPDATE app_settings SET value = ? WHERE key = 'building_npwp'"
    with core.db.write() as session:
        raw = session.connection().connection.driver_connection
        assert raw is not None
        raw.execute(update, ('"0099999999999999"',))
        changes.mark(session, "app_settings")  # as the pull does
    assert core.settings.letterhead().npwp == "0099999999999999"
    with core.db.write() as session:
        session.execute(text(update.replace("?", ":v")), {"v": '"0011111111111111"'})
    assert core.settings.letterhead().npwp == "0011111111111111"


def test_a_setting_changed_by_another_program_is_seen_once_noticed(
    core: Core, admin: Actor
) -> None:
    core.settings.set(admin, "building_city", "Bandung")
    assert core.maintenance.changed_elsewhere() is False  # the baseline
    assert core.settings.letterhead().city == "Bandung"
    assert core.db.path is not None
    other = sqlite3.connect(core.db.path)
    with other:
        other.execute(
            "UPDATE app_settings SET value = ? WHERE key = 'building_city'", ('"Surabaya"',)
        )
    other.close()
    assert core.maintenance.changed_elsewhere() is True  # what the main window polls
    assert core.settings.letterhead().city == "Surabaya"
