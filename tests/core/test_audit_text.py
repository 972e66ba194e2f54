"""The audit log in words (issue 13, point 11): labels for the actions, readable
details, the approver beside who asked."""

from __future__ import annotations

import pytest

from smesco_desk.i18n import set_language
from smesco_desk.services.audit_text import (
    ACTION_LABELS,
    action_label,
    approver_of,
    detail_text,
    who_text,
)


def test_known_actions_read_as_words_and_unknown_ones_as_their_code() -> None:
    assert action_label("booking.create") == "Pemesanan ruang dibuat"
    assert action_label("approval.price") == "Persetujuan harga/diskon"
    assert action_label("brand.new") == "brand.new"
    assert all(label and "." not in label.split()[0] for label in ACTION_LABELS.values())


def test_labels_follow_the_interface_language() -> None:
    set_language("en")
    try:
        assert action_label("booking.create") != "Pemesanan ruang dibuat"
    finally:
        set_language("id")


@pytest.mark.parametrize(("detail", "text"), [
    ({"expected": 380000, "counted": 375000, "difference": -5000},
     "Seharusnya: Rp380.000; Dihitung: Rp375.000; Selisih: -Rp5.000"),
    ({"username": "rudi", "role": "supervisor"}, "Pengguna: rudi; Peran: Supervisor"),
    ({"tenant_id": "01a2-b3", "watchlist_id": "x"}, ""),  # ids left out
    ({"space": "aula", "starts_at": "2026-12-08T08:00:00+07:00"},
     "Ruang: aula; Mulai: 08-12-2026 08:00"),
    ({"number": "KW/1", "total": 11000000, "method": "transfer"},
     "Nomor: KW/1; Jumlah: Rp11.000.000; Cara bayar: Transfer bank"),
    ({"requested_by": "sari", "approved_by": "hendra", "reasons": ["A.", "B."]},
     "Alasan: A. B."),
    ({"mystery": 7, "odd": "x"}, "mystery: 7; odd: x"),  # unknown keys as they are
])  # fmt: skip
def test_details_read_as_text(detail: dict[str, object], text: str) -> None:
    assert detail_text(detail) == text


def test_the_approver_shows_beside_who_asked_when_someone_else_approved() -> None:
    detail = {"requested_by": "sari", "approved_by": "hendra"}
    assert approver_of("sari", detail) == "hendra"
    assert who_text("Sari (sari)", "sari", "hendra") == "sari (disetujui hendra)"
    assert approver_of("hendra", {"approved_by": "hendra"}) == ""  # their own role
    assert who_text("Hendra (hendra)", "hendra", "") == "Hendra (hendra)"
