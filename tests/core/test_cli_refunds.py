"""`refunds` and `pay-refund` of the CLI, driven as a script would, in this process:
the refunds owed as JSON, a payout from the command line's own till (cash only
from cash that till took in), its proof written as a PDF, and a refusal as one
line on stderr with nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from smesco_desk.paths import database_path
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from tests.core.helpers_bookings import booking_form, space_form
from tests.core.helpers_cli import PASSWORD, cli_main, dump
from tests.core.helpers_core import cash, wib

LOGIN = ("--user", "kasir")


@pytest.fixture
def desk(core: Core, data_dir: Path, admin: Actor, receptionist: Actor) -> tuple[Path, str]:
    """A booking paid for 3 hours (Rp900.000 in cash) moved to 1 hour: Rp600.000 owed
    back. The cashier "kasir" uses the command line."""
    room = core.bookings.save_space(admin, space_form())
    form = booking_form(room.code, wib(2026, 3, 12, 10), wib(2026, 3, 12, 13))
    booked = core.bookings.book(receptionist, form)
    core.payments.open_shift(receptionist, 0)
    core.payments.pay(receptionist, booked.charge_id or "", cash())
    core.bookings.move(receptionist, booked.id, wib(2026, 3, 12, 10), wib(2026, 3, 12, 11))
    core.users.create(admin, "kasir", "Kasir Satu", PASSWORD, "receptionist")
    return data_dir, booked.id


def _run(folder: Path, *argv: str) -> tuple[int, str, str]:
    outcome = cli_main("--data-dir", str(folder), *argv, stdin=PASSWORD + "\n")
    return outcome.status, outcome.stdout, outcome.stderr


def test_refunds_lists_what_is_owed_back(desk: tuple[Path, str]) -> None:
    folder, booking_id = desk
    status, out, err = _run(folder, "refunds", "--json")
    assert status == 0, err
    (owed,) = json.loads(out)
    assert (owed["amount"], owed["total"], owed["status"]) == (600_000, -600_000, "refund_due")
    assert (owed["booking"], owed["payer"]) == (booking_id, "Koperasi Maju Bersama")
    assert owed["description"].startswith("Pengembalian selisih")
    status, out, _err = _run(folder, "refunds")
    assert status == 0 and out.split("\t")[:3] == [owed["id"], "Koperasi Maju Bersama", "600000"]


def test_pay_refund_pays_it_out_once_and_writes_the_proof(
    desk: tuple[Path, str], tmp_path: Path
) -> None:
    folder, _booking = desk
    (owed,) = json.loads(_run(folder, "refunds", "--json")[1])
    before = dump(database_path(folder))
    # The command line's till took no cash: a cash payout is refused, nothing written.
    status, out, err = _run(folder, "pay-refund", owed["id"], "--method", "cash", *LOGIN)
    assert status != 0 and out == "" and len(err.splitlines()) == 1
    assert "method:" in err and "Rp0" in err
    status, _out, err = _run(folder, "pay-refund", owed["id"], "--method", "transfer", *LOGIN)
    assert status != 0 and "reference:" in err
    assert dump(database_path(folder)) == before
    proof = tmp_path / "bukti.pdf"
    status, out, err = _run(
        folder, "pay-refund", owed["id"], "--method", "transfer", "--reference", "BCA-7788",
        "--output", str(proof), *LOGIN, "--json",
    )  # fmt: skip
    assert status == 0, err
    payout = json.loads(out)
    assert (payout["amount"], payout["method"], payout["reference"]) == (
        600_000,
        "transfer",
        "BCA-7788",
    )
    assert (payout["charge_id"], payout["paid_by"]) == (owed["id"], "kasir")
    text = " ".join((PdfReader(proof).pages[0].extract_text() or "").split())
    assert "BUKTI PENGEMBALIAN DANA" in text and "BCA-7788" in text
    assert json.loads(_run(folder, "refunds", "--json")[1]) == []
    status, _out, err = _run(folder, "pay-refund", owed["id"], "--method", "qris",
                             "--reference", "QR-1", *LOGIN)  # fmt: skip
    assert status != 0 and "sudah dibayarkan" in err
