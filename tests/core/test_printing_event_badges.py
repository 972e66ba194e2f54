"""Event badges and the attendance list as printed: ten CR80 cards to an A4
sheet with cut marks (or one card page each), every QR code decoding to its
participant's id from the rendered pixels, long titles and names fitted inside
the card, and the A4 attendance list with its header on every page and the
phones partly hidden."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from smesco_desk.printing._layout import layout_problems
from smesco_desk.printing.attendance import (
    AttendanceData,
    AttendanceRow,
    render_attendance_list,
)
from smesco_desk.printing.badge import CARD_SIZE, MARGIN
from smesco_desk.printing.event_badges import (
    EventBadge,
    event_badge_qr_payload,
    layout_event_badge,
    render_event_badge_cards,
    render_event_badge_sheet,
    sheet_slot,
)

STARTS = datetime(2026, 3, 11, 2, 0, tzinfo=UTC)  # 09:00 WIB
ENDS = datetime(2026, 3, 11, 5, 0, tzinfo=UTC)
LONG_TITLE = (
    "Pelatihan Fotografi Produk untuk UMKM: Cahaya, Komposisi, Latar dan Penyuntingan "
    "dengan Ponsel bagi Pengrajin Batik, Tenun dan Kuliner Nusantara"
)
MASKED = "+62812\u2022\u2022\u2022\u2022\u2022890"
LONG_NAME = "Raden Ajeng Siti Nurhaliza binti Abdul Rahman Wijayakusuma"


def badge(index: int, name: str = "Siti Rahayu", title: str = "Pelatihan Foto") -> EventBadge:
    return EventBadge(
        attendee_id=f"0193a5f2-7c1e-7b3a-9e4d-2f6a8b1c3d{index:02d}",
        name=name,
        organisation="Koperasi Wanita Sejahtera",
        event_title=title,
        event_kind_label="Pelatihan",
        space_name="Ruang Kelas Digital (Lantai 3)",
        starts_at=STARTS,
        ends_at=ENDS,
    )


def qr_forms(page: object) -> list[str]:
    xobjects = page["/Resources"]["/XObject"]  # type: ignore[index]
    return sorted(name for name in xobjects if "attendee_qr_" in name)


def decode(pdf: bytes, tmp_path: Path, page: int, dpi: int = 300) -> list[str]:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed (apt-get install poppler-utils)")
    path = tmp_path / "badges.pdf"
    path.write_bytes(pdf)
    out = tmp_path / f"page{page}"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", str(page), "-l", str(page),
         str(path), str(out)],
        check=True,
    )  # fmt: skip
    found = zxingcpp.read_barcodes(Image.open(f"{out}.png"))
    assert all(r.format == zxingcpp.BarcodeFormat.QRCode for r in found)
    return sorted(r.text for r in found)


# --- the sheet ---------------------------------------------------------------------------


def test_a_sheet_holds_ten_badges_per_a4_page() -> None:
    pdf = render_event_badge_sheet([badge(i) for i in range(23)], "Badge peserta")
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) == 3
    for page in pages:
        assert [round(float(v)) for v in page.mediabox[2:]] == [round(A4[0]), round(A4[1])]
    assert [len(qr_forms(p)) for p in pages] == [10, 10, 3]


def test_every_qr_code_on_a_sheet_decodes_to_its_participant(tmp_path: Path) -> None:
    badges = [badge(i) for i in range(12)]
    pdf = render_event_badge_sheet(badges, "Badge peserta")
    first = decode(pdf, tmp_path, 1)
    assert first == sorted(event_badge_qr_payload(b) for b in badges[:10])
    assert decode(pdf, tmp_path, 2) == sorted(b.attendee_id for b in badges[10:])


def test_the_cards_touch_inside_the_page_and_the_cut_marks_stay_in_its_margin() -> None:
    card_w, card_h = CARD_SIZE
    corners = [sheet_slot(slot) for slot in range(10)]
    assert corners[0][1] > corners[2][1]  # top row first
    for x, y in corners:
        assert 10 * mm < x and x + card_w < A4[0] - 10 * mm
        assert 10 * mm < y and y + card_h < A4[1] - 10 * mm
    # Neighbours share an edge: one cut separates two cards.
    assert corners[1][0] == pytest.approx(corners[0][0] + card_w)
    assert corners[0][1] == pytest.approx(corners[2][1] + card_h)
    pdf = render_event_badge_sheet([badge(0)], "x")
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    content = page.get_contents().get_data().decode("latin-1")  # type: ignore[union-attr]
    # 3 vertical edges x 2 ends + 6 horizontal edges x 2 sides = 18 marks.
    assert content.count(" l S") == 18


# --- one card each ---------------------------------------------------------------------


def test_cards_are_one_cr80_page_each_and_their_qr_decodes(tmp_path: Path) -> None:
    badges = [badge(i, LONG_NAME, LONG_TITLE) for i in range(3)]
    pdf = render_event_badge_cards(badges, "Badge peserta")
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) == 3
    width, height = (float(v) for v in pages[0].mediabox[2:])
    assert (width / mm, height / mm) == (pytest.approx(85.6), pytest.approx(54))
    assert decode(pdf, tmp_path, 2) == [badges[1].attendee_id]


@pytest.mark.parametrize(
    "title",
    [
        "Seminar",
        LONG_TITLE,
        "Pelatihan" + "X" * 120,  # one word wider than the card
        "培训：产品摄影与手机编辑 " * 4,
    ],
)
@pytest.mark.parametrize("name", ["Budi", LONG_NAME, "Nguyễn Thị Minh Khai"])
def test_title_and_name_are_fitted_inside_the_card(title: str, name: str) -> None:
    layout = layout_event_badge(badge(1, name, title))
    assert layout_problems(layout) == []
    safe_right = CARD_SIZE[0] - MARGIN
    for role in ("title", "name", "when", "where", "organisation"):
        block = layout.block(role)
        assert block is not None, role
        assert block.box.right <= safe_right + 0.01
        assert block.fit.size >= 5.5
    name_block = layout.block("name")
    assert name_block is not None and name_block.fit.size >= 9


def test_a_badge_shows_the_event_the_person_the_time_and_the_space() -> None:
    pdf = render_event_badge_cards([badge(1, "Siti Rahayu", "Pelatihan Foto")], "x")
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    for expected in (
        "Pelatihan Foto",
        "Siti Rahayu",
        "Koperasi Wanita Sejahtera",
        "Ruang Kelas Digital (Lantai 3)",
        "Rabu, 11 Mar 2026 · 09:00–12:00 WIB",
        "PESERTA · PELATIHAN",
    ):
        assert expected in text, expected


# --- the attendance list -------------------------------------------------------------------


def attendance(rows: int) -> bytes:
    return render_attendance_list(
        AttendanceData(
            event_title="Pelatihan Foto Produk",
            event_kind_label="Pelatihan",
            space_name="Aula Serbaguna",
            when="Rabu, 11 Mar 2026 · 09:00–12:00 WIB",
            booker="Koperasi Maju Bersama",
            rows=[
                AttendanceRow(f"Peserta {i:03d}", "Koperasi Sekar", MASKED)
                for i in range(1, rows + 1)
            ],
            generated_at=STARTS,
        )
    )  # fmt: skip


def test_the_attendance_list_repeats_its_header_and_names_every_participant_once() -> None:
    pages = PdfReader(io.BytesIO(attendance(45))).pages
    assert len(pages) >= 2
    texts = [p.extract_text() for p in pages]
    assert "Pelatihan Foto Produk" in texts[0] and "Aula Serbaguna" in texts[0]
    assert "09:00–12:00" in texts[0] and "Koperasi Maju Bersama" in texts[0]
    for number, text in enumerate(texts, start=1):
        assert "Tanda tangan" in text and "Telepon" in text and "Organisasi" in text
        assert f"Halaman {number} dari {len(pages)}" in text
    names = [f"Peserta {i:03d}" for i in range(1, 46)]
    joined = "\n".join(texts)
    assert all(joined.count(n) == 1 for n in names)
    assert "+62812•••••890" in joined


def test_an_a4_attendance_list_page() -> None:
    page = PdfReader(io.BytesIO(attendance(3))).pages[0]
    assert [round(float(v)) for v in page.mediabox[2:]] == [round(A4[0]), round(A4[1])]
