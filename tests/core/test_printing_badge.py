"""Visitor badges (CR80 card and label), and the fonts and fitting under them."""

from __future__ import annotations

import dataclasses
import gettext
import io
import re
import unicodedata
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.graphics.barcode import qrencoder
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from smesco_desk import i18n
from smesco_desk.printing import (
    BadgeData,
    MusterData,
    MusterRow,
    _bidi,
    badge_qr_payload,
    draw_text_fitted,
    fit_text,
    fonts,
    render_badge,
    render_badge_label,
    render_muster_list,
    text_width,
)
from smesco_desk.printing._fontfiles import FontFileIndex, script_of
from smesco_desk.printing.badge import (
    MARGIN,
    QR_FORM_NAME,
    layout_badge,
    layout_label,
    layout_problems,
)
from smesco_desk.printing.fonts import ELLIPSIS, MISSING, FontRegistry, font_runs, registry

VISIT_ID = "0193a5f2-7c1e-7b3a-9e4d-2f6a8b1c3d5e"
LONG_NAME = "Raden Ajeng Siti Nurhaliza binti Abdul Rahman Wijayakusuma"
CR80_POINTS = (242.65, 153.07)
LABEL_POINTS = (62 * 72 / 25.4, 100 * 72 / 25.4)
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def badge(**changes: Any) -> BadgeData:
    data = BadgeData(
        visit_id=VISIT_ID,
        badge_number="D01-261127-007",
        name="Budi Santoso",
        organisation="CV Batik Nusantara Makmur",
        purpose_label="Ruang Rapat",
        host="Ratna Dewi",
        checked_in_at=datetime(2026, 11, 27, 2, 12, tzinfo=UTC),  # 09:12 WIB
        valid_until=datetime(2026, 11, 27, 14, 0, tzinfo=UTC),  # 21:00 WIB
    )
    return dataclasses.replace(data, **changes)


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def squashed(text: str) -> str:
    """Text without whitespace, NFC: extraction may break lines anywhere."""
    return unicodedata.normalize("NFC", re.sub(r"\s+", "", text))


# --- the card ------------------------------------------------------------------


def test_card_is_one_cr80_page_in_landscape() -> None:
    reader = PdfReader(io.BytesIO(render_badge(badge())))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(CR80_POINTS[0], abs=0.5)
    assert float(box.height) == pytest.approx(CR80_POINTS[1], abs=0.5)


def test_card_shows_who_why_until_when_and_the_number() -> None:
    text = pdf_text(render_badge(badge()))
    for expected in (
        "Budi Santoso",
        "D01-261127-007",
        "Ruang Rapat",
        "CV Batik Nusantara Makmur",
        "Tuan rumah: Ratna Dewi",
        "Jumat, 27 Nov 2026",
        "09:12",
        "Berlaku s.d. 21:00 WIB",
        "SMESCO Indonesia",
        "TAMU / VISITOR",
    ):
        assert expected in text
    assert "SALINAN" not in text


def test_a_reprint_is_marked_salinan() -> None:
    assert "SALINAN" in pdf_text(render_badge(badge(copy=True)))
    assert "SALINAN" in pdf_text(render_badge_label(badge(copy=True)))


def test_validity_on_another_day_shows_the_date() -> None:
    data = badge(valid_until=datetime(2026, 11, 28, 10, 0, tzinfo=UTC))
    assert "Berlaku s.d. 28 Nov 2026 17:00 WIB" in pdf_text(render_badge(data))


def test_empty_organisation_and_host_leave_no_labels() -> None:
    text = pdf_text(render_badge(badge(organisation="", host="")))
    assert "Tuan rumah" not in text
    assert layout_problems(layout_badge(badge(organisation="", host=""))) == []


def test_badge_never_carries_a_nik_or_a_phone_number() -> None:
    fields = {field.name for field in dataclasses.fields(BadgeData)}
    assert not fields & {"nik", "phone", "phone_number", "id_number"}
    text = pdf_text(render_badge(badge())) + pdf_text(render_badge_label(badge()))
    assert not re.search(r"\d{16}", text.replace(" ", ""))
    assert not re.search(r"(\+62|\b62|\b0)8\d{7,}", text.replace(" ", ""))
    assert "3174015708900001" not in text


def test_every_label_goes_through_translation(monkeypatch: pytest.MonkeyPatch) -> None:
    class Marked(gettext.NullTranslations):
        def gettext(self, message: str) -> str:
            return f"<{message}>"

    monkeypatch.setattr(i18n, "_current", Marked())
    text = pdf_text(render_badge(badge(copy=True)))
    for label in ("<TAMU / VISITOR>", "<SALINAN>", "<Jumat>", "<Nov>"):
        assert label in text


# --- the QR code -----------------------------------------------------------------


def test_qr_payload_is_exactly_the_visit_id() -> None:
    assert badge_qr_payload(badge()) == VISIT_ID


def _qr_form_stream(pdf: bytes) -> str:
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    xobjects = page["/Resources"]["/XObject"]
    names = [name for name in xobjects if QR_FORM_NAME in name]
    assert names, f"no QR drawing among {list(xobjects)}"
    return xobjects[names[0]].get_object().get_data().decode("latin-1")


def _dark_runs(payload: str) -> int:
    """How many dark runs ReportLab's QR encoder gives this payload (level M)."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    runs = 0
    for row in code.modules:
        runs += sum(1 for i, dark in enumerate(row) if dark and (i == 0 or not row[i - 1]))
    return runs


@pytest.mark.parametrize("render", [render_badge, render_badge_label])
def test_the_qr_code_drawn_is_the_one_for_the_visit_id(render: Any) -> None:
    stream = _qr_form_stream(render(badge()))
    # one rectangle per dark run of modules
    assert stream.count(" re") == _dark_runs(VISIT_ID)
    assert _dark_runs(VISIT_ID) != _dark_runs("0193a5f2-7c1e-7b3a-9e4d-2f6a8b1c3d5f")


def test_the_qr_code_is_large_enough_to_scan_and_has_a_clear_zone() -> None:
    card = layout_badge(badge(name=LONG_NAME))
    label = layout_label(badge(name=LONG_NAME))
    assert card.qr.width >= 18 * mm and card.qr.width == card.qr.height
    assert label.qr.width >= 18 * mm
    assert layout_problems(card, qr_clear=2.5 * mm) == []
    assert layout_problems(label, qr_clear=2.5 * mm) == []


# --- layout: margins, long names --------------------------------------------------


EXTREMES = [
    badge(),
    badge(name=LONG_NAME),
    badge(name=LONG_NAME + " " + LONG_NAME, copy=True),
    badge(
        name="Muhammad" * 12,
        organisation="Koperasi Produsen Tempe Tahu Indonesia Primer Kabupaten Bandung Barat",
        host="Event: Gelar Produk Unggulan UMKM Jawa Barat dan Banten Tahun 2026",
        purpose_label="Pelatihan Fotografi Produk untuk Platform Digital",
        copy=True,
    ),
    badge(name="李小龙", organisation="", host=""),
    badge(name="A"),
]


@pytest.mark.parametrize("data", EXTREMES, ids=lambda d: d.name[:20])
def test_nothing_runs_off_the_card_and_nothing_overlaps(data: BadgeData) -> None:
    for layout in (layout_badge(data), layout_label(data)):
        assert layout_problems(layout) == []
        assert layout.safe_area.x >= 3 * mm
        for block in layout.blocks:
            assert block.fit.width <= block.max_width + 0.01


def test_long_indonesian_name_is_large_on_two_lines() -> None:
    name = layout_badge(badge(name=LONG_NAME)).block("name")
    assert name is not None
    assert len(name.fit.lines) == 2
    assert " ".join(name.fit.lines) == LONG_NAME
    assert not name.fit.truncated
    assert name.fit.size >= 11
    assert name.fit.width <= name.max_width


def test_short_name_uses_the_full_size_on_one_line() -> None:
    name = layout_badge(badge()).block("name")
    assert name is not None
    assert name.fit.lines == ("Budi Santoso",)
    assert name.fit.size == 17


def test_all_text_on_the_card_respects_the_margin() -> None:
    layout = layout_badge(badge(name=LONG_NAME, copy=True))
    for block in layout.blocks:
        box = block.box
        assert box.x >= MARGIN - 0.01
        assert box.right <= layout.width - MARGIN + 0.01


# --- fitting ---------------------------------------------------------------------


def test_fit_shrinks_then_wraps_then_truncates() -> None:
    one = fit_text("Budi Santoso", 200, 17, 9, bold=True)
    assert one.lines == ("Budi Santoso",) and one.size == 17

    shrunk = fit_text("Budi Santoso Wijaya", 150, 17, 9, bold=True)
    assert len(shrunk.lines) == 1 and 9 <= shrunk.size < 17
    assert shrunk.width <= 150

    wrapped = fit_text(LONG_NAME, 214, 17, 9, bold=True)  # the card's name width
    assert len(wrapped.lines) == 2 and wrapped.size >= 9 and wrapped.width <= 214
    assert " ".join(wrapped.lines) == LONG_NAME

    cut = fit_text(LONG_NAME, 150, 17, 9, bold=True)
    assert len(cut.lines) == 2 and cut.size == 9 and cut.truncated
    assert cut.lines[0] == "Raden Ajeng Siti Nurhaliza"
    assert cut.lines[-1].endswith(ELLIPSIS)
    assert cut.width <= 150


def test_fit_on_one_line_truncates_with_an_ellipsis() -> None:
    fit = fit_text(LONG_NAME, 80, 10, 8, max_lines=1)
    assert len(fit.lines) == 1 and fit.lines[0].endswith(ELLIPSIS) and fit.width <= 80


def test_text_without_spaces_breaks_between_characters() -> None:
    fit = fit_text("Wijayakusumaningrat" * 3, 100, 14, 8, bold=True)
    assert 1 < len(fit.lines) <= 2 and fit.width <= 100


def test_draw_text_fitted_returns_the_size_and_width_it_used() -> None:
    canvas = Canvas(io.BytesIO(), pagesize=(300, 200))
    fit = draw_text_fitted(canvas, LONG_NAME, 10, 150, 200, 16, 10, bold=True, align="center")
    assert fit.size >= 10 and fit.width <= 200
    assert fit.width == pytest.approx(max(text_width(line, fit.size, True) for line in fit.lines))


def test_width_grows_with_size_and_bold() -> None:
    assert text_width("Đặng Thị Ngọc Hà", 10) < text_width("Đặng Thị Ngọc Hà", 20)
    assert text_width("Budi", 10) < text_width("Budi", 10, bold=True)


# --- scripts ---------------------------------------------------------------------

NAMES = ["Đặng Thị Ngọc Hà", "Zoë Ñúñez-Øster", "Σοφία", "Владимир", "李小龙", "محمد"]
COVERED_EVERYWHERE = NAMES[:4]


def _glyphs_exist(text: str, bold: bool) -> bool:
    """Every character drawn is in the cmap of the font it is drawn with."""
    for run in font_runs(text, bold):
        font = pdfmetrics.getFont(run.font)
        face = getattr(font, "face", None)
        if face is None:  # a standard PDF font
            run.text.encode("cp1252")
            continue
        if any(ord(ch) not in face.charToGlyph for ch in run.text):
            return False
    return True


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("bold", [False, True])
def test_no_glyph_is_drawn_from_a_font_that_lacks_it(name: str, bold: bool) -> None:
    assert _glyphs_exist(name, bold)


@pytest.mark.parametrize("name", COVERED_EVERYWHERE)
def test_latin_greek_cyrillic_names_print_as_text(name: str) -> None:
    if not DEJAVU.exists():
        pytest.skip("DejaVu Sans is not installed")
    assert MISSING not in "".join(run.text for run in font_runs(name, bold=True))
    text = pdf_text(render_badge(badge(name=name)))
    assert squashed(name) in squashed(text)


def test_cjk_prints_if_a_font_has_it_and_as_question_marks_otherwise() -> None:
    drawn = "".join(run.text for run in font_runs("李小龙", bold=True))
    if registry().font_for("李", True) is None:
        assert drawn == MISSING * 3
    else:
        assert drawn == "李小龙"


def test_arabic_is_joined_and_put_right_to_left() -> None:
    # meem (initial) hah (medial) meem (medial) dal (final), drawn right to left
    drawn = "".join(run.text for run in font_runs("محمد"))
    assert drawn == "\ufeaa\ufee4\ufea4\ufee3"


def test_bidi_keeps_latin_and_numbers_left_to_right() -> None:
    def always(_ch: str) -> bool:
        return True

    assert _bidi.visual("Budi 123", always) == "Budi 123"
    assert _bidi.visual("אבג 12", always) == "12 גבא"
    assert _bidi.visual("(אב)", always) == "(בא)"


def test_marks_and_invisible_characters_never_become_question_marks() -> None:
    # zero width space, soft hyphen, left-to-right mark; a combining mark no font has
    mark = "\u1ac1"  # combining parenthesis above: in hardly any font
    drawn = "".join(run.text for run in font_runs(f"Ana\u200bbel\u00ad Ri\u200eta{mark}"))
    assert drawn.replace(mark, "") == "Anabel Rita"


def test_decomposed_diacritics_are_composed_before_drawing() -> None:
    decomposed = unicodedata.normalize("NFD", "Đặng Thị Ngọc Hà")
    assert "".join(run.text for run in font_runs(decomposed)) == "Đặng Thị Ngọc Hà"


def test_script_names_come_from_unicode() -> None:
    assert script_of("ก") == "Thai"
    assert script_of("ꦄ") == "Javanese"
    assert script_of("李") == "CJK"
    assert script_of("Ж") == "Cyrillic"


def test_without_any_font_file_helvetica_is_used(tmp_path: Path) -> None:
    fonts = FontRegistry(roots=[tmp_path])
    assert fonts.runs("Zoë Núñez") == [("Zoë Núñez", "Helvetica")]
    assert fonts.runs("Σ", bold=True) == [(MISSING, "Helvetica-Bold")]


def test_bundled_fonts_folder_is_searched_before_system_folders(tmp_path: Path) -> None:
    if not DEJAVU.exists():
        pytest.skip("DejaVu Sans is not installed")
    bundled, system = tmp_path / "bundled", tmp_path / "system"
    for folder in (bundled, system):
        folder.mkdir()
        (folder / DEJAVU.name).symlink_to(DEJAVU)
    assert FontFileIndex([bundled, system]).find("dejavusans.ttf") == bundled / DEJAVU.name


def test_documents_still_print_with_no_font_files_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fonts, "_default_registry", FontRegistry(roots=[tmp_path]))
    data = badge(name="Zoë Núñez", copy=True)
    assert "Zoë Núñez" in pdf_text(render_badge(data))
    assert layout_problems(layout_badge(data)) == []
    row = MusterRow("D01-261127-001", "Zoë Núñez", "", "Ruang Rapat", "", data.checked_in_at)
    muster = render_muster_list(MusterData([row], data.checked_in_at, "D01"))
    assert "Zoë Núñez" in pdf_text(muster)


@pytest.mark.parametrize(
    "name",
    [
        "Sitti Aisyah Nur Fadhilah binti Muhammad Ramadhani Kusumawardhani",
        "Raden Mas Haryo Bagus Prasetyo Adinegoro Wicaksono Hadiningrat",
    ],
)
def test_very_long_names_print_whole_on_the_card(name: str) -> None:
    data = badge(
        name=name,
        organisation="Koperasi Produsen Kerajinan Tangan dan Batik Tulis Nusantara Sejahtera",
        host="Pelatihan Fotografi Produk Angkatan 12 bersama Ibu Ratna Dewi",
    )
    layout = layout_badge(data)
    block = next(b for b in layout.blocks if b.role == "name")
    assert not block.fit.truncated
    assert " ".join(block.fit.lines).split() == name.split()
    assert block.fit.size >= 8
    assert layout_problems(layout, qr_clear=2.5 * mm) == []
