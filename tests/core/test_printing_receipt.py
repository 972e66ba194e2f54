"""The kuitansi PDF: 80 mm thermal roll and A5, copies, voids, meterai, terbilang."""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import UTC, datetime
from typing import Any

import pytest
from pypdf import PdfReader

from smesco_desk.domain.charges import TaxAmount, tax_amount
from smesco_desk.domain.money import format_rupiah, terbilang
from smesco_desk.domain.payments import ReceiptFormat
from smesco_desk.printing.fonts import registry
from smesco_desk.printing.receipt import render_receipt
from smesco_desk.values.payments import ReceiptLine, ReceiptRecord, VoidInfo

MM = 72 / 25.4
NUMBER = "KW/D01/2026/000123"
ISSUED = datetime(2026, 11, 27, 7, 5, tzinfo=UTC)  # Jumat 14:05 WIB
BUILDING = {"building_name": "SMESCO Indonesia", "building_address": "Jl. Gatot Subroto Kav. 94"}


def item(
    description: str, quantity: int, price: int, discount: int = 0, unit: str = ""
) -> ReceiptLine:
    gross = quantity * price
    return ReceiptLine(description, quantity, unit, price, discount, max(gross - discount, 0))


def receipt(
    lines: list[ReceiptLine] | None = None, *, ppn: bool = True, **changes: Any
) -> ReceiptRecord:
    """A consistent receipt: subtotal, discounts, PPN 11% and total add up."""
    lines = lines or [
        item("Workshop produk (per jam)", 2, 150_000, 30_000, "jam"),
        item("Cetak warna A4", 10, 3_000, unit="lembar"),
    ]
    subtotal = sum(ln.quantity * ln.unit_price for ln in lines)
    net = sum(ln.amount for ln in lines)
    taxes = (TaxAmount("ppn", "PPN", 1100, net, tax_amount(net, 1100)),) if ppn else ()
    total = net + sum(t.amount for t in taxes)
    values: dict[str, Any] = {
        "id": "0193a5f2-0000-7000-8000-000000000001",
        "number": NUMBER,
        "desk_code": "D01",
        "issued_at": ISSUED,
        "charge_id": "c1",
        "shift_id": "s1",
        "payer_kind": "umkm",
        "payer_name": "Budi Santoso",
        "description": "",
        "lines": tuple(lines),
        "subtotal": subtotal,
        "discount_total": subtotal - net,
        "taxes": taxes,
        "tax_total": sum(t.amount for t in taxes),
        "total": total,
        "method": "cash",
        "tendered": total + 17_000,
        "change_given": 17_000,
        "reference": "",
        "cashier": "sari",
        "cashier_name": "Sari Wulandari",
    }
    values.update(changes)
    return ReceiptRecord(**values)


def one_line_total(total: int, **changes: Any) -> ReceiptRecord:
    """A receipt of exactly `total` (one line, no tax)."""
    return receipt(
        [item("Sewa aula acara (per hari)", 1, total, unit="hari")], ppn=False, **changes
    )


VOID = VoidInfo(
    datetime(2026, 11, 27, 8, 0, tzinfo=UTC), "rudi", "Rudi Hartono", "Salah input jumlah"
)


def render(rec: ReceiptRecord, fmt: str = "thermal", copy: bool = False) -> bytes:
    return render_receipt(rec, fmt=fmt, copy=copy, **BUILDING)


def in_words(total: int) -> str:
    """The amount in words as the form writes it under "Uang sejumlah"."""
    return terbilang(total)


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def text_of(pdf: bytes) -> str:
    return "\n".join(pages(pdf))


def words(text: str) -> str:
    """Whitespace collapsed: a line break where the text wrapped becomes a space."""
    return " ".join(text.split())


def size_mm(pdf: bytes, index: int = 0) -> tuple[float, float]:
    box = PdfReader(io.BytesIO(pdf)).pages[index].mediabox
    return float(box.width) / MM, float(box.height) / MM


FORMATS = ["thermal", "a5"]


# --- content ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_number_date_payer_lines_taxes_and_total(fmt: str) -> None:
    rec = receipt()
    text = text_of(render(rec, fmt))
    for expected in (
        "KUITANSI",
        NUMBER,
        "Jumat, 27 Nov 2026 14:05 WIB",
        "SMESCO Indonesia",
        "Jl. Gatot Subroto Kav. 94",
        "Budi Santoso",
        "UMKM",
        "Workshop produk (per jam)",
        "Rp150.000",
        "-Rp30.000",  # the line's discount, and the discount total
        "Subtotal",
        "Rp330.000",
        "PPN 11%",
        "Rp33.000",
        "TOTAL",
        format_rupiah(rec.total),
        "Tunai",
        "Kembali",
        "Rp17.000",
        "Sari Wulandari",
    ):
        assert expected in text, expected
    assert rec.total == 333_000


@pytest.mark.parametrize("fmt", FORMATS)
def test_terbilang_comes_out_of_the_pdf_as_the_exact_phrase(fmt: str) -> None:
    rec = receipt()
    text = text_of(render(rec, fmt))
    assert "Uang sejumlah" in text
    assert in_words(333_000) in text


def test_terbilang_shrinks_to_stay_on_one_line_on_the_roll() -> None:
    rec = one_line_total(7_777_000)
    phrase = in_words(7_777_000)  # "tujuh juta tujuh ratus tujuh puluh tujuh ribu rupiah"
    assert len(phrase) > 50  # does not fit 72 mm at 8.5 pt
    assert phrase in text_of(render(rec))  # on one line: no line break inside


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_long_terbilang_wraps_only_between_words(fmt: str) -> None:
    total = 987_654_321_987
    rec = one_line_total(total)
    text = text_of(render(rec, fmt))
    assert in_words(total) not in text  # it had to wrap
    assert in_words(total) in words(text)  # every break is where a space was


def test_other_methods_show_the_reference_and_no_change() -> None:
    rec = receipt(method="qris", tendered=0, change_given=0, reference="QRIS-8831-2026")
    for fmt in FORMATS:
        text = text_of(render(rec, fmt))
        assert "QRIS" in text and "QRIS-8831-2026" in text
        assert "Kembali" not in text


def test_payer_kind_and_description_are_printed() -> None:
    rec = receipt(payer_kind="organisation", description="Sewa stan bulan Desember")
    for fmt in FORMATS:
        text = text_of(render(rec, fmt))
        assert "Organisasi" in text and "Sewa stan bulan Desember" in text


def test_receipt_without_discounts_or_taxes_has_neither_line() -> None:
    text = text_of(render(one_line_total(250_000)))
    assert "Diskon" not in text and "PPN" not in text and "DPP" not in text
    assert in_words(250_000) in text


# --- copies, voids, meterai ---------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_salinan_only_on_a_copy_and_with_the_same_number(fmt: str) -> None:
    original = text_of(render(receipt(), fmt))
    copy = text_of(render(receipt(), fmt, copy=True))
    assert "SALINAN" not in original
    assert copy.count("SALINAN") >= 2  # the stamp under the title and the footer mark
    assert NUMBER in copy and NUMBER in original


@pytest.mark.parametrize("fmt", FORMATS)
def test_batal_only_when_voided_with_reason_who_and_when(fmt: str) -> None:
    assert "BATAL" not in text_of(render(receipt(), fmt))
    text = text_of(render(receipt(void=VOID), fmt))
    assert "BATAL / VOID" in text
    assert "Salah input jumlah" in text
    assert "Rudi Hartono" in text
    assert "Jumat, 27 Nov 2026 15:00 WIB" in text
    assert in_words(333_000) in words(text)  # still readable


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("total", "stamped"), [(5_000_000, False), (5_000_001, True)])
def test_meterai_box_only_above_five_million(fmt: str, total: int, stamped: bool) -> None:
    rec = one_line_total(total)
    assert rec.needs_meterai is stamped
    text = words(text_of(render(rec, fmt)))
    assert ("Meterai Rp10.000" in text) is stamped


# --- the 80 mm roll --------------------------------------------------------------------


def test_thermal_is_one_page_80_mm_wide() -> None:
    pdf = render(receipt())
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    width, height = size_mm(pdf)
    assert width == pytest.approx(80, abs=0.1)
    assert 60 < height < 200


def test_thermal_page_grows_with_the_lines_and_has_no_blank_tail() -> None:
    heights = []
    for count in (1, 5, 30):
        lines = [item(f"Cetak warna A4 halaman {i}", 1, 3_000) for i in range(count)]
        heights.append(size_mm(render(receipt(lines)))[1])
    assert heights[0] < heights[1] < heights[2]
    per_line = (heights[2] - heights[1]) / 25
    assert 5 < per_line < 12  # a line and its quantity: about 8 mm, not a blank page


def test_long_descriptions_and_payer_names_wrap_within_the_roll() -> None:
    description = "Sewa stan food court lantai 2 nomor 14 ukuran besar bulanan termasuk listrik"
    name = "Koperasi Produsen Kerajinan Tangan Nusantara Sejahtera Makmur Jaya Abadi"
    rec = receipt([item(description, 1, 2_500_000)], payer_name=name)
    text = text_of(render(rec))
    assert description not in text  # it wrapped ...
    assert description in words(text) and name in words(text)  # ... at spaces, nothing lost


# --- A5 ----------------------------------------------------------------------------------


def test_a5_is_portrait_148_by_210() -> None:
    pdf = render(receipt(), "a5")
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    assert size_mm(pdf) == pytest.approx((148, 210), abs=0.1)
    assert "Halaman" not in text_of(pdf)  # one page: no page numbers


def test_a5_with_many_lines_continues_and_ends_with_the_total() -> None:
    lines = [
        item(
            f"Sewa stan nomor {i} ukuran besar bulanan dengan listrik", 1, 1_000 * i, 100 * (i % 2)
        )
        for i in range(1, 41)
    ]
    rec = receipt(lines)
    texts = pages(render(rec, ReceiptFormat.A5))
    assert len(texts) >= 2
    total = format_rupiah(rec.total)
    assert all(total not in text and "TOTAL" not in text for text in texts[:-1])
    assert total in texts[-1] and "Sari Wulandari" in texts[-1]
    assert in_words(rec.total) in words(texts[0])  # the form's "Uang sejumlah" heads it
    for number, text in enumerate(texts, start=1):
        assert f"Halaman {number} dari {len(texts)}" in text
        assert "Uraian" in text  # the table header on every page
    everything = words("\n".join(texts))
    assert all(f"Sewa stan nomor {i} ukuran" in everything for i in range(1, 41))
    assert len(re.findall(r"Rp\d", texts[-1])) >= 4  # not a page of totals alone


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError):
        render(receipt(), "a4")


# --- fonts -------------------------------------------------------------------------------


def embedded_fonts(pdf: bytes) -> dict[str, bool]:
    """Base font name -> whether the font program is in the file."""
    found: dict[str, bool] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            found[str(font["/BaseFont"])] = any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    return found


@pytest.mark.parametrize("fmt", FORMATS)
def test_names_with_diacritics_and_cjk_print_with_embedded_fonts(fmt: str) -> None:
    name = "Đặng Thị Ngọc Ánh 李小龙"
    pdf = render(receipt(payer_name=name, cashier_name="Ngô Bảo Châu"), fmt)
    text = text_of(pdf)
    assert "Đặng Thị Ngọc Ánh" in text and "Ngô Bảo Châu" in text
    fonts = embedded_fonts(pdf)
    assert fonts and all(fonts.values()), fonts
    if registry().font_for("李", False) is not None:
        assert "李小龙" in words(text).replace(" ", "")
        assert len(fonts) >= 2  # the CJK characters come from a font of their own


def test_render_is_deterministic() -> None:
    rec = dataclasses.replace(receipt(), payer_name="Siti Nurhaliza")
    assert render(rec) == render(rec)
