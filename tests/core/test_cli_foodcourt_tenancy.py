"""The tenancy's commands, driven as a script would: `renew-lease` (and the lease
in the way), `end-lease --notice-on` (the notice fee), `return-deposit
--deduct REASON RP` paid out with `pay-refund`, and the documents
`statement`, `lease-agreement` and `reminder-letter` written as PDFs whose
text says what they must. An unknown id is one line on stderr, a non-zero
status, and no file. In this process, through helpers_cli."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from smesco_desk.services.actors import cli_actor
from smesco_desk.services.core import open_core
from smesco_desk.values.payments import PaymentForm
from tests.core.helpers_cli import PASSWORD, run
from tests.core.test_cli_foodcourt import day, desk, ok, stalls_and_a_tenant

__all__ = ["desk"]  # the fixture, shared with test_cli_foodcourt


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


def pay(folder: Path, charge_id: str) -> str:
    core = open_core(folder)
    try:
        actor = cli_actor()
        if core.payments.current_shift(actor) is None:
            core.payments.open_shift(actor, 0)
        return core.payments.pay(actor, charge_id, PaymentForm("cash")).number
    finally:
        core.close()


def refused(folder: Path, *args: str) -> str:
    result = run(folder, *args)
    assert result.returncode != 0 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_a_deposit_goes_back_with_its_deductions_and_is_paid_out(desk: Path) -> None:
    tenant = stalls_and_a_tenant(desk)
    made = ok(desk, "lease", "--tenant", tenant, "--stall", "FC2-07", "--start", day(-90),
              "--end", day(90))  # fmt: skip
    number = pay(desk, made["deposit_charge_id"])
    assert "masih berjalan" in refused(desk, "return-deposit", made["id"])
    ended = ok(desk, "end-lease", made["id"], "--last-day", day(-1), "--waive-fee")
    assert (ended["status"], ended["owed"]) == ("ended", 0)
    back = ok(desk, "return-deposit", made["id"], "--deduct", "Kerusakan meja", "150.000",
              "--deduct", "Kunci hilang", "50000")  # fmt: skip
    assert (back["deposit"], back["returned"]) == (6_000_000, 5_800_000)
    assert back["deductions"] == [{"reason": "Kerusakan meja", "amount": 150_000},
                                  {"reason": "Kunci hilang", "amount": 50_000}]  # fmt: skip
    assert "sudah dikembalikan" in refused(desk, "return-deposit", made["id"])
    (owed,) = ok(desk, "refunds")
    assert (owed["id"], owed["total"]) == (back["credit_id"], -5_800_000)
    paid = ok(desk, "pay-refund", back["credit_id"], "--method", "transfer",
              "--reference", "TRF-778812", "--user", "dewi", stdin=PASSWORD + "\n")  # fmt: skip
    assert paid["amount"] == 5_800_000
    out = desk.parent / "statement.pdf"
    assert run(desk, "statement", tenant, "--output", str(out)).returncode == 0
    text = pdf_text(out)
    for expected in ("LAPORAN TAGIHAN TENAN", "Soto Betawi Bang Ali", "Deposit stan FC2-07",
                     number, "Potongan: Kerusakan meja", "TRF-778812", "SALDO AKHIR",
                     "Lunas (Rp0)", "Halaman 1 dari 1"):  # fmt: skip
        assert expected in text, expected


def test_too_little_notice_costs_the_fee(desk: Path) -> None:
    tenant = stalls_and_a_tenant(desk)
    made = ok(desk, "lease", "--tenant", tenant, "--stall", "FC2-07", "--start", day(0),
              "--end", day(180))  # fmt: skip
    ended = ok(desk, "end-lease", made["id"], "--last-day", day(20), "--notice-on", day(0))
    assert ended["owed"] == 6_000_000 + 3_000_000  # the deposit, one month's rent as the fee


def test_renewal_and_the_lease_in_the_way(desk: Path) -> None:
    tenant = stalls_and_a_tenant(desk)
    made = ok(desk, "lease", "--tenant", tenant, "--stall", "FC2-07", "--start", day(0),
              "--end", day(29))  # fmt: skip
    ok(desk, "lease", "--tenant", tenant, "--stall", "FC2-07", "--start", day(60),
       "--end", day(89))  # fmt: skip
    longer = ok(desk, "renew-lease", made["id"], "--end", day(59))
    assert (longer["id"], longer["end"]) == (made["id"], day(59))
    line = refused(desk, "renew-lease", made["id"], "--end", day(70), "--rent", "3500000")
    assert "Bentrok" in line and day(60)[:4] in line
    assert ok(desk, "leases", "--stall", "FC2-07")[1]["end"] == day(59)


def test_the_lease_agreement_and_the_reminder_letter(desk: Path) -> None:
    tenant = stalls_and_a_tenant(desk)
    made = ok(desk, "lease", "--tenant", tenant, "--stall", "FC2-07", "--start", day(-10),
              "--end", day(170))  # fmt: skip
    agreement = desk.parent / "perjanjian.pdf"
    assert run(desk, "lease-agreement", made["id"], "--output", str(agreement)).returncode == 0
    text = pdf_text(agreement)
    for expected in ("PERJANJIAN SEWA STAN", "PIHAK PERTAMA", "PIHAK KEDUA", "SMESCO Indonesia",
                     "Soto Betawi Bang Ali", "Ali Rahman", "1234567890123",
                     "0012 3456 7890 1000", "FC2-07", "6,25 m²", "Rp3.000.000",
                     "tiga juta rupiah", "Rp6.000.000", "Tata Tertib", "halal",
                     "30 hari", "Meterai 10.000", "Halaman 2 dari 2"):  # fmt: skip
        assert expected in text, expected
    letter = desk.parent / "teguran.pdf"
    result = run(desk, "reminder-letter", tenant, "--output", str(letter), "--pay-by", day(7))
    assert result.returncode == 0, result.stderr
    text = pdf_text(letter)
    for expected in ("Pemberitahuan Tunggakan", "Bapak/Ibu Ali Rahman", "Deposit stan FC2-07",
                     "10 hari", "Rp6.000.000", "enam juta rupiah", "Hormat kami"):  # fmt: skip
        assert expected in text, expected


@pytest.mark.parametrize(
    "args",
    [
        ("statement", "nope", "--output"),
        ("lease-agreement", "nope", "--output"),
        ("reminder-letter", "nope", "--output"),
        ("return-deposit", "nope"),
        ("renew-lease", "nope", "--end", "2030-01-01"),
    ],
)
def test_an_unknown_id_is_one_line_and_no_file(desk: Path, args: tuple[str, ...]) -> None:
    out = desk.parent / "x.pdf"
    full = (*args, str(out)) if args[-1] == "--output" else args
    line = refused(desk, *full)
    assert "tidak ditemukan" in line
    assert not out.exists()


def test_no_reminder_for_a_tenant_owing_nothing_overdue(desk: Path) -> None:
    tenant = stalls_and_a_tenant(desk)
    out = desk.parent / "x.pdf"
    assert "tidak punya tagihan" in refused(desk, "reminder-letter", tenant, "--output", str(out))
    assert not out.exists()
