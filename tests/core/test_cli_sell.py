"""A sale from the command line, and the price list (issue 9, item 16).

`sell` sells as the sale dialog does, into the command line's own cash shift at
this desk (opened with a zero float when none is open), and prints the receipt
as `receipts --json` does; bad input is one line, a non-zero status, and
nothing written (not even the shift)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from smesco_desk.services.actors import CLI_TILL, Actor
from smesco_desk.services.core import Core
from tests.core.helpers_cli import Desk, Outcome, dump, make_desk
from tests.core.helpers_core import USER_PASSWORD

AS_RECEPTIONIST = ("--user", "resepsionis")


@pytest.fixture
def desk(core: Core, data_dir: Path, receptionist: Actor) -> Desk:
    """The receptionist has her own shift open in the window (float Rp100.000)."""
    return make_desk(core, data_dir, receptionist)


def sell(desk: Desk, *argv: str) -> Outcome:
    return desk.run("sell", *argv, *AS_RECEPTIONIST, stdin=USER_PASSWORD + "\n")


def query(desk: Desk, sql: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(desk.db)
    try:
        return [tuple(r) for r in conn.execute(sql)]
    finally:
        conn.close()


def test_a_sale_prints_its_receipt_as_receipts_json_does(desk: Desk) -> None:
    outcome = sell(
        desk,
        *("--item", "print_color", "--qty", "3", "--line", "Jilid spiral=7.500"),
        *("--method", "cash", "--tendered", "50000", "--json"),
    )
    assert outcome.status == 0, outcome.stderr
    receipt = json.loads(outcome.stdout)
    assert (receipt["total"], receipt["method"], receipt["change"]) == (16_500, "cash", 33_500)
    assert receipt["payer"] == "Pengunjung umum" and receipt["cashier"] == "resepsionis"
    assert [(ln["description"], ln["quantity"]) for ln in receipt["lines"]] == [
        ("Cetak warna A4", 3),
        ("Jilid spiral", 1),
    ]
    listed = json.loads(desk.run("receipts", "--json").stdout)
    assert receipt in listed
    assert receipt["number"] > desk.receipt  # the desk's own series, next number


def test_the_sale_goes_into_the_command_lines_own_shift(desk: Desk) -> None:
    for _ in range(2):
        done = sell(desk, "--item", "print_bw", "--method", "qris", "--reference", "QR-771234")
        assert done.status == 0, done.stderr
    shifts = query(
        desk, "SELECT operator, opening_float, closed_at FROM cash_shifts ORDER BY opened_at"
    )
    assert shifts == [("resepsionis", 100_000, None), (CLI_TILL, 0, None)]
    till = query(desk, f"SELECT id FROM cash_shifts WHERE operator = '{CLI_TILL}'")[0][0]
    assert query(desk, f"SELECT count(*) FROM receipts WHERE shift_id = '{till}'") == [(2,)]
    opened = query(desk, "SELECT actor, detail FROM audit_log WHERE action = 'shift.open'")
    assert ("resepsionis", '{"opening_float": 0}') in opened


def test_qty_is_the_quantity_of_the_item_just_before_it(desk: Desk) -> None:
    outcome = sell(
        desk,
        *("--item", "print_bw", "--item", "print_color", "--qty", "2"),
        *("--method", "cash", "--json"),
    )
    assert outcome.status == 0, outcome.stderr
    lines = json.loads(outcome.stdout)["lines"]
    assert [(ln["description"], ln["quantity"]) for ln in lines] == [
        ("Cetak hitam-putih A4", 1),
        ("Cetak warna A4", 2),
    ]


def test_items_of_one_kind_keep_their_kind(desk: Desk) -> None:
    room = sell(desk, "--item", "meeting_room_hour", "--qty", "2", "--method", "cash", "--json")
    mixed = sell(desk, "--item", "print_bw", "--line", "Kopi=10000", "--method", "cash", "--json")
    assert room.status == 0 and mixed.status == 0, (room.stderr, mixed.stderr)
    kinds = query(desk, "SELECT total, kind_code FROM charges ORDER BY created_at")
    assert kinds[-2:] == [(600_000, "room"), (11_000, "other")]


BAD_SALES: list[tuple[str, list[str]]] = [
    ("no line", ["--method", "cash"]),
    ("unknown item", ["--item", "nope", "--method", "cash"]),
    ("--qty first", ["--qty", "2", "--item", "print_bw", "--method", "cash"]),
    ("--qty after a line", ["--line", "Kopi=5000", "--qty", "2", "--method", "cash"]),
    ("--qty twice", ["--item", "print_bw", "--qty", "2", "--qty", "3", "--method", "cash"]),
    ("--qty 0", ["--item", "print_bw", "--qty", "0", "--method", "cash"]),
    ("--qty 20000", ["--item", "print_bw", "--qty", "20000", "--method", "cash"]),
    ("--qty 1.5", ["--item", "print_bw", "--qty", "1.5", "--method", "cash"]),
    ("--qty huge", ["--item", "print_bw", "--qty", "9" * 30, "--method", "cash"]),
    ("line without =", ["--line", "Kopi 5000", "--method", "cash"]),
    ("line price not rupiah", ["--line", "Kopi=lima ribu", "--method", "cash"]),
    ("line at Rp0", ["--line", "Kopi=0", "--method", "cash"]),
    ("line negative", ["--line", "Kopi=-5000", "--method", "cash"]),
    ("line too dear", ["--line", "Kopi=" + "9" * 16, "--method", "cash"]),
    ("line without text", ["--line", "=5000", "--method", "cash"]),
    ("line of invisible text", ["--line", "\u200b\u200b=5000", "--method", "cash"]),
    ("empty payer", ["--payer", "", "--item", "print_bw", "--method", "cash"]),
    ("invisible payer", ["--payer", "\u3164", "--item", "print_bw", "--method", "cash"]),
    ("cash short", ["--item", "studio_hour", "--method", "cash", "--tendered", "100.000"]),
    ("cash negative", ["--item", "print_bw", "--method", "cash", "--tendered", "-5000"]),
    ("cash absurd", ["--item", "print_bw", "--method", "cash", "--tendered", "9" * 14]),
    ("qris without reference", ["--item", "print_bw", "--method", "qris"]),
    ("card not exact", ["--item", "print_bw", "--method", "card", "--tendered", "2000"]),
    ("unknown method", ["--item", "print_bw", "--method", "gopay"]),
    ("no method", ["--item", "print_bw"]),
]


@pytest.mark.parametrize(("case", "argv"), BAD_SALES, ids=[c for c, _ in BAD_SALES])
def test_a_bad_sale_is_one_line_and_writes_nothing(desk: Desk, case: str, argv: list[str]) -> None:
    before = dump(desk.db)
    outcome = sell(desk, *argv, "--json")
    assert outcome.one_error_line(), (case, outcome)
    assert outcome.stdout == ""
    assert dump(desk.db) == before  # no receipt, no charge, and no shift opened


def test_prices_lists_the_price_list(desk: Desk, core: Core) -> None:
    outcome = desk.run("prices", "--json")
    assert outcome.status == 0, outcome.stderr
    listed = json.loads(outcome.stdout)
    expected = core.payments.price_list()
    assert [(p["code"], p["name"], p["price"]) for p in listed] == [
        (p.code, p.name, p.unit_price) for p in expected
    ]
    assert {"unit", "kind"} <= set(listed[0])
    text = desk.run("prices").stdout.splitlines()
    assert text[0].split("\t")[:3] == [
        expected[0].code,
        expected[0].name,
        str(expected[0].unit_price),
    ]
