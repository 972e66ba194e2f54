"""The cash-up report of a shift (A4): figures, counted drawer, difference, receipts."""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pypdf import PdfReader

from smesco_desk.domain.payments import DENOMINATIONS
from smesco_desk.printing.cashup import denomination_label, difference_text, render_cashup
from smesco_desk.values.payments import ReceiptLine, ReceiptRecord, ShiftSummary, VoidInfo

OPENED = datetime(2026, 11, 27, 1, 0, tzinfo=UTC)  # Jumat 08:00 WIB
CLOSED = OPENED + timedelta(hours=8)  # 16:00 WIB
PRINTED = CLOSED + timedelta(minutes=3)
A4_POINTS = (595.28, 841.89)
COUNTED = {"100000": 5, "50000": 3, "20000": 2, "5000": 1, "coin500": 4}  # Rp695.000
BUILDING = {"building_name": "SMESCO Indonesia", "building_address": "Jl. Gatot Subroto Kav. 94"}


def a_receipt(
    index: int, method: str = "cash", total: int = 100_000, **changes: Any
) -> ReceiptRecord:
    values: dict[str, Any] = {
        "id": f"r{index}",
        "number": f"KW/D01/2026/{index:06d}",
        "desk_code": "D01",
        "issued_at": OPENED + timedelta(minutes=5 * index),
        "charge_id": f"c{index}",
        "shift_id": "s1",
        "payer_kind": "visitor",
        "payer_name": f"Pembeli Nomor {index}",
        "description": "",
        "lines": (ReceiptLine("Cetak warna A4", 1, "lembar", total, 0, total),),
        "subtotal": total,
        "discount_total": 0,
        "taxes": (),
        "tax_total": 0,
        "total": total,
        "method": method,
        "tendered": total,
        "change_given": 0,
        "reference": "",
        "cashier": "sari",
        "cashier_name": "Sari Wulandari",
    }
    values.update(changes)
    return ReceiptRecord(**values)


VOID = VoidInfo(OPENED + timedelta(hours=1), "rudi", "Rudi Hartono", "Salah input")
RECEIPTS = [
    a_receipt(1, "cash", 150_000),
    a_receipt(2, "qris", 250_000, payer_name="Đặng Thị Ngọc Ánh"),
    a_receipt(3, "cash", 45_000, void=VOID),
    a_receipt(4, "transfer", 1_200_000),
]


def summary(closed: bool = True, difference: int = 0, **changes: Any) -> ShiftSummary:
    expected = 500_000 + 150_000
    values: dict[str, Any] = {
        "id": "s1",
        "desk_code": "D01",
        "operator": "sari",
        "operator_name": "Sari Wulandari",
        "opened_at": OPENED,
        "opening_float": 500_000,
        "closed_at": CLOSED if closed else None,
        "closed_by": "sari" if closed else None,
        "receipt_count": 4,
        "void_count": 1,
        "totals_by_method": {"cash": 150_000, "qris": 250_000, "transfer": 1_200_000, "card": 0},
        "voided_total": 45_000,
        "cash_in": 150_000,
        "expected_cash": expected,
        "counted": COUNTED if closed else None,
        "counted_total": 695_000 if closed else None,
        "difference": difference if closed else None,
        "note": "",
    }
    values.update(changes)
    return ShiftSummary(**values)


def render(shift: ShiftSummary, receipts: list[ReceiptRecord] | None = None) -> bytes:
    receipts = RECEIPTS if receipts is None else receipts
    return render_cashup(shift, receipts, printed_at=PRINTED, **BUILDING)


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def text_of(pdf: bytes) -> str:
    return "\n".join(pages(pdf))


def test_a4_portrait() -> None:
    box = PdfReader(io.BytesIO(render(summary()))).pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4_POINTS, abs=0.5)


def test_closed_shift_report_has_the_final_title_and_every_figure() -> None:
    text = text_of(render(summary(note="Laci dihitung bersama Rudi")))
    assert "Laporan Tutup Kas" in text
    assert "SEMENTARA" not in text and "Laporan Kas Shift" not in text
    for expected in (
        "SMESCO Indonesia",
        "Meja",
        "D01",
        "Sari Wulandari",
        "Jumat, 27 Nov 2026 08:00 WIB",  # opened
        "Jumat, 27 Nov 2026 16:00 WIB",  # closed
        "Dicetak Jumat, 27 Nov 2026 16:03 WIB",
        "Modal awal",
        "Rp500.000",
        "4 (1 batal)",
        "Tunai",
        "Rp150.000",
        "QRIS",
        "Rp250.000",
        "Transfer bank",
        "Rp1.200.000",
        "Kartu debit/kredit",
        "Total penerimaan",
        "Rp1.600.000",
        "1 · Rp45.000",  # voided: count and total
        "Rp650.000",  # expected cash: float + cash
        "Total dihitung",
        "Rp695.000",
        "Catatan: Laci dihitung bersama Rudi",
        "Supervisor",
    ):
        assert expected in text, expected


def test_denominations_in_order_with_counts_and_subtotals() -> None:
    text = text_of(render(summary()))
    labels = [denomination_label(key, value) for key, value in DENOMINATIONS]
    assert labels[0] == "Rp100.000" and "Rp1.000 (logam)" in labels and "Rp100 (logam)" in labels
    positions = [text.index(f"\n{label}") for label in labels]
    assert positions == sorted(positions)
    assert re.search(r"Rp100\.000\s+5\s+Rp500\.000", text)
    assert re.search(r"Rp500 \(logam\)\s+4\s+Rp2\.000", text)


@pytest.mark.parametrize(
    ("difference", "words"),
    [(0, "Rp0 (cocok)"), (12_000, "Rp12.000 lebih"), (-5_000, "Rp5.000 kurang")],
)
def test_difference_in_words(difference: int, words: str) -> None:
    assert difference_text(difference) == words
    text = text_of(render(summary(difference=difference)))
    assert "SELISIH" in text and words in text


def test_open_shift_is_a_provisional_report_with_a_blank_count() -> None:
    text = text_of(render(summary(closed=False)))
    assert "Laporan Kas Shift" in text and "SEMENTARA" in text
    assert "Laporan Tutup Kas" not in text
    assert "belum ditutup" in text and "belum dihitung" in text
    assert "Rp1.000 (logam)" in text  # the counting sheet is there to fill in by hand
    assert "cocok" not in text and "lebih" not in text


def test_receipts_listed_with_voided_ones_marked_batal() -> None:
    text = text_of(render(summary()))
    for rec in RECEIPTS:
        assert rec.number in text
    assert "Đặng Thị Ngọc Ánh" in text
    assert re.search(r"KW/D01/2026/000003.*BATAL", text, re.DOTALL)
    assert text.count("BATAL") == 1
    assert "08:05" in text  # the time of receipt 1, in WIB


def test_no_batal_mark_without_voided_receipts() -> None:
    receipts = [r for r in RECEIPTS if not r.voided]
    shift = summary(void_count=0, voided_total=0, receipt_count=3)
    assert "BATAL" not in text_of(render(shift, receipts))


def test_a_shift_without_receipts_says_so() -> None:
    text = text_of(render(summary(receipt_count=0, void_count=0), []))
    assert "Belum ada kuitansi pada shift ini." in text


def test_one_page_has_no_page_numbers_and_a_long_list_numbers_every_page() -> None:
    assert "Halaman" not in text_of(render(summary()))
    receipts = [a_receipt(i, "cash") for i in range(1, 121)]
    texts = pages(render(summary(receipt_count=120, void_count=0), receipts))
    assert len(texts) >= 3
    for number, text in enumerate(texts, start=1):
        assert f"Halaman {number} dari {len(texts)}" in text
        assert "Dicetak" in text
    assert "KW/D01/2026/000120" in texts[-1] and "Supervisor" in texts[-1]


def test_a_shift_closed_by_someone_else_says_by_whom() -> None:
    closed = dataclasses.replace(summary(), closed_by="rudi", closed_by_name="Rudi Hartono")
    text = " ".join(text_of(render(closed)).split())
    assert "Penerima Rudi Hartono" in text and "rudi" not in text
    assert "Supervisor yang menerima" in text and text.count("Rudi Hartono") == 2
