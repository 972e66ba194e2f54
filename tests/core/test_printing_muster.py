"""The evacuation muster list (A4)."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta

import pytest
from pypdf import PdfReader

from smesco_desk.printing import MusterData, MusterRow, render_muster_list

NOW = datetime(2026, 11, 27, 7, 5, tzinfo=UTC)  # 14:05 WIB
A4_POINTS = (595.28, 841.89)
HEADERS = ("No. badge", "Nama", "Organisasi", "Keperluan", "Tuan rumah", "Masuk", "Hadir ✓")


def row(index: int, **changes: object) -> MusterRow:
    values: dict[str, object] = {
        "badge_number": f"D01-261127-{index:03d}",
        "name": f"Tamu Nomor {index}",
        "organisation": "CV Batik Nusantara Makmur" if index % 3 else "",
        "purpose_label": "Ruang Rapat",
        "host": "Budi Hartono" if index % 2 else "",
        "checked_in_at": NOW - timedelta(minutes=index),
    }
    values.update(changes)
    return MusterRow(**values)  # type: ignore[arg-type]


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture(scope="module")
def big_list() -> tuple[bytes, list[str]]:
    pdf = render_muster_list(MusterData([row(i) for i in range(1, 501)], NOW, "D01"))
    return pdf, pages_text(pdf)


def test_a4_portrait() -> None:
    reader = PdfReader(io.BytesIO(render_muster_list(MusterData([row(1)], NOW, "D01"))))
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(A4_POINTS[0], abs=0.5)
    assert float(box.height) == pytest.approx(A4_POINTS[1], abs=0.5)


def test_title_time_count_and_rows() -> None:
    data = MusterData([row(1), row(2, name="Đặng Thị Ngọc Hà")], NOW, "D01")
    (text,) = pages_text(render_muster_list(data))
    assert "DAFTAR HADIR EVAKUASI (MUSTER LIST)" in text
    assert "Jumat, 27 Nov 2026 14:05 WIB" in text
    assert re.search(r"^2\s+orang di gedung", text, re.MULTILINE)
    for expected in ("D01-261127-001", "Tamu Nomor 1", "Đặng Thị Ngọc Hà", "Budi Hartono"):
        assert expected in text
    assert "Halaman 1 dari 1" in text
    assert "sinkronisasi" not in text


def test_empty_building() -> None:
    (text,) = pages_text(render_muster_list(MusterData([], NOW, "D02")))
    assert "Tidak ada tamu di gedung" in text
    assert "Hadir" not in text  # no empty table
    assert "Halaman 1 dari 1" in text


def test_last_sync_is_stated_when_known() -> None:
    data = MusterData([row(1)], NOW, "D01", last_sync_at=NOW - timedelta(minutes=7))
    (text,) = pages_text(render_muster_list(data))
    assert "Data per sinkronisasi terakhir: Jumat, 27 Nov 2026 13:58 WIB" in text


def test_check_in_on_an_earlier_day_shows_the_date() -> None:
    data = MusterData([row(1, checked_in_at=NOW - timedelta(days=1))], NOW, "D01")
    (text,) = pages_text(render_muster_list(data))
    assert "26 Nov" in text and "14:05" in text


def test_500_rows_span_pages_with_header_and_page_numbers(
    big_list: tuple[bytes, list[str]],
) -> None:
    _pdf, pages = big_list
    assert len(pages) > 1
    assert re.search(r"^500\s+orang di gedung", pages[0], re.MULTILINE)
    for number, text in enumerate(pages, start=1):
        assert f"Halaman {number} dari {len(pages)}" in text
        for header in HEADERS:
            assert header in text, f"header {header!r} missing on page {number}"


def test_rows_keep_the_given_order_and_none_is_lost(big_list: tuple[bytes, list[str]]) -> None:
    _pdf, pages = big_list
    numbers = re.findall(r"D01-261127-(\d{3})", "\n".join(pages))
    assert [int(n) for n in numbers] == list(range(1, 501))


def test_every_row_has_a_tick_box(big_list: tuple[bytes, list[str]]) -> None:
    pdf, pages = big_list
    reader = PdfReader(io.BytesIO(pdf))
    boxes = 0
    for page in reader.pages:
        content = page.get_contents()
        assert content is not None
        # the tick boxes are the only stroked, unfilled rectangles ("re" then "S")
        boxes += len(re.findall(rb" re\s+S", content.get_data()))
    assert boxes == 500


def test_scripts_in_cells() -> None:
    names = ["Zoë Ñúñez-Øster", "Σοφία", "Владимир", "李小龙", "محمد"]
    data = MusterData([row(i, name=name) for i, name in enumerate(names, 1)], NOW, "D01")
    (text,) = pages_text(render_muster_list(data))
    for name in names[:3]:
        assert name in text
