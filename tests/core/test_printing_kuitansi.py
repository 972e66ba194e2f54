"""The kuitansi reads like a kuitansi (issue 13, point 6): the Indonesian form on
A5 and its short form on the roll, in Indonesian whatever the interface speaks."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from pypdf import PdfReader

from smesco_desk import i18n
from smesco_desk.domain.money import format_rupiah
from smesco_desk.domain.payments import PaymentMethod
from smesco_desk.errors import ValidationError
from smesco_desk.printing.receipt import render_receipt
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.values.payments import ReceiptRecord
from tests.core.helpers_core import cash, sale_form
from tests.core.test_printing_receipt import (
    BUILDING,
    in_words,
    item,
    one_line_total,
    pages,
    receipt,
    text_of,
    words,
)

FORMATS = ["thermal", "a5"]
LETTERHEAD = {
    **BUILDING,
    "building_npwp": "0013456789012345",
    "building_city": "Jakarta",
}
EIGHT = [
    "Cetak warna A4",
    "Jilid spiral",
    "Workshop produk (per jam)",
    "Studio foto (per jam)",
    "Ruang rapat besar 20 orang",
    "Laminating A4",
    "Fotokopi hitam-putih",
    "Konsumsi rapat (kotak)",
]


def render(rec: ReceiptRecord, fmt: str) -> bytes:
    return render_receipt(rec, fmt=fmt, **LETTERHEAD)


@pytest.fixture
def english() -> Iterator[None]:
    i18n.set_language("en")
    try:
        assert i18n._("KUITANSI") == "RECEIPT"  # the interface really speaks English
        yield
    finally:
        i18n.set_language("id")


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize("fmt", FORMATS)
def test_the_kuitansi_prints_in_indonesian_under_an_english_interface(fmt: str) -> None:
    rec = one_line_total(3_000)
    text = words(text_of(render(rec, fmt)))
    for expected in (
        "KUITANSI",
        "Telah terima dari",
        "Uang sejumlah",
        "tiga ribu rupiah",
        "Untuk pembayaran",
        "Pembayaran Tunai",
        "Kasir",
        "Jumat, 27 Nov 2026 14:05 WIB",
        "Jakarta, 27 November 2026",
    ):
        assert expected in text, expected
    for english_word in ("RECEIPT", "In words", "Received from", "Cash", "Friday", "Cashier"):
        assert english_word not in text, english_word
    assert i18n._("KUITANSI") == "RECEIPT"  # and the interface still speaks English


@pytest.mark.usefixtures("english")
def test_the_service_prints_the_kuitansi_in_indonesian_under_an_english_interface(
    core: Core, receptionist: Actor
) -> None:
    core.payments.open_shift(receptionist, 0)
    sold = core.payments.sell(receptionist, sale_form(), cash())
    for fmt in FORMATS:
        _rec, pdf = core.payments.receipt_pdf(receptionist, sold.id, fmt, record_print=False)
        text = words(text_of(pdf))
        assert "Telah terima dari" in text and "Siti Rahayu" in text
        assert "enam ribu rupiah" in text and "RECEIPT" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_letterhead_has_the_building_s_npwp(fmt: str) -> None:
    text = text_of(render(receipt(), fmt))
    assert "NPWP 0013 4567 8901 2345" in text
    without = text_of(render_receipt(receipt(), fmt=fmt, **BUILDING))
    assert "NPWP" not in without


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_tax_shows_its_base_dpp_before_it(fmt: str) -> None:
    rec = receipt()  # Rp330.000 gross, Rp30.000 discount: DPP Rp300.000, PPN Rp33.000
    text = words(text_of(render(rec, fmt)))
    assert "DPP PPN Rp300.000 PPN 11% Rp33.000" in text
    assert rec.taxes[0].base == 300_000


def test_a5_names_every_line_under_untuk_pembayaran_and_stays_on_one_page() -> None:
    lines = [item(name, i + 1, 1_000 * (i + 3), unit="unit") for i, name in enumerate(EIGHT)]
    rec = receipt(lines, payer_name="CV Batik Nusantara Makmur")
    texts = pages(render(rec, "a5"))
    assert len(texts) == 1
    text = words(texts[0])
    assert "Untuk pembayaran : " + "; ".join(EIGHT) in text
    assert all(f"{i} {name}" in text for i, name in enumerate(EIGHT, start=1))  # the table
    assert format_rupiah(rec.total) in text and in_words(rec.total) in text


def test_the_description_comes_first_then_the_lines() -> None:
    rec = receipt(description="Pelatihan fotografi produk")
    text = words(text_of(render(rec, "a5")))
    assert "Pelatihan fotografi produk: Workshop produk (per jam); Cetak warna A4" in text
    roll = words(text_of(render(rec, "thermal")))
    assert "Untuk pembayaran Pelatihan fotografi produk" in roll


def test_the_roll_says_how_many_lines_follow() -> None:
    lines = [item(name, 1, 1_000) for name in EIGHT]
    text = words(text_of(render(receipt(lines, ppn=False), "thermal")))
    assert "Untuk pembayaran 8 rincian berikut" in text
    assert all(name in text for name in EIGHT)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("total", "stamped"), [(4_999_999, False), (5_000_000, False), (5_000_001, True)]
)
def test_the_meterai_box_starts_above_exactly_five_million(
    fmt: str, total: int, stamped: bool
) -> None:
    text = words(text_of(render(one_line_total(total), fmt)))
    assert ("Meterai Rp10.000" in text) is stamped
    assert "Sari Wulandari" in text  # the receiver is named either way


def test_the_a5_signature_names_the_receiving_officer_with_place_and_date() -> None:
    text = words(text_of(render(receipt(cashier_name="Hendra Gunawan"), "a5")))
    assert "Jakarta, 27 November 2026 Penerima," in text
    assert "Hendra Gunawan Kasir (nama, tanda tangan dan cap)" in text


def test_a_long_terbilang_fits_the_a5_box_whole() -> None:
    rec = one_line_total(987_654_321)
    pdf = render(rec, "a5")
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    text = text_of(pdf)
    assert in_words(987_654_321) in words(text)
    assert "Rp987.654.321" in text  # the unit price shrinks rather than wrapping


def test_a_long_payer_name_wraps_whole_on_a5() -> None:
    name = "Koperasi Produsen Kerajinan Tangan Nusantara Sejahtera Makmur Jaya Abadi"
    text = words(text_of(render(receipt(payer_name=name), "a5")))
    assert f"Telah terima dari : {name}" in text


def test_other_methods_keep_their_reference_on_the_form() -> None:
    rec = receipt(method=PaymentMethod.TRANSFER.value, tendered=0, change_given=0,
                  reference="TRF-0012")  # fmt: skip
    text = words(text_of(render(rec, "a5")))
    assert "Transfer" in text and "TRF-0012" in text


def test_the_service_reads_the_letterhead_from_the_settings(
    core: Core, admin: Actor, receptionist: Actor
) -> None:
    core.settings.set(admin, "building_npwp", "01.234.567.8-901.000")  # the old 15 digits
    core.settings.set(admin, "building_city", "  Bandung ")
    with pytest.raises(ValidationError) as refused:
        core.settings.set(admin, "building_city", "   ")
    assert refused.value.errors == {"building_city": "Wajib diisi."}
    core.payments.open_shift(receptionist, 0)
    sold = core.payments.sell(receptionist, sale_form(), cash())
    for fmt in FORMATS:
        _rec, pdf = core.payments.receipt_pdf(receptionist, sold.id, fmt, record_print=False)
        text = words(text_of(pdf))
        assert "NPWP 0012 3456 7890 1000" in text
        assert "Bandung, 10 Maret 2026" in text
