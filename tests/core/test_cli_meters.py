"""The food court's meter commands, driven as a script would: `record-reading`
(a backwards reading refused in one line until `--confirm`, a new meter with
`--replaced`), `meter-readings` (the month's grid, or one stall's readings)
and `bill-utilities --month` (billed once). In this process, through
helpers_cli; the months are the last three before today's."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from smesco_desk.clock import wib_today
from smesco_desk.services.actors import Role
from smesco_desk.services.core import open_core
from tests.core.helpers_cli import PASSWORD, add_user, run


def months_ago(n: int, day: int = 25) -> date:
    today = wib_today()
    year, month = divmod(today.year * 12 + today.month - 1 - n, 12)
    return date(year, month + 1, day)


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    folder = tmp_path / "desk"
    core = open_core(folder)
    try:
        core.setup.initialize("D01")
    finally:
        core.close()
    add_user(folder, "dewi", Role.TENANT_MANAGER)
    add_user(folder, "sari", Role.RECEPTIONIST)
    ok(folder, "add-stall", "FC2-07", "--size", "6,25", "--rate-month", "3000000",
       "--water", "--meter", "PLN-207")  # fmt: skip
    tenant = ok(folder, "add-tenant", "--name", "Soto Betawi Bang Ali", "--owner", "Ali Rahman",
                "--phone", "0812-3456-7890")  # fmt: skip
    ok(folder, "lease", "--tenant", tenant["id"], "--stall", "FC2-07",
       "--start", months_ago(4, 1).isoformat(), "--end", months_ago(-8, 1).isoformat())  # fmt: skip
    return folder


def ok(folder: Path, *args: str, stdin: str = "") -> Any:
    result = run(folder, *args, "--json", stdin=stdin)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def reading(folder: Path, months: int, kind: str, value: str, *extra: str, stdin: str = "") -> Any:
    on = months_ago(months).isoformat()
    return ok(folder, "record-reading", "FC2-07", "--kind", kind, "--value", value,
              "--date", on, *extra, stdin=stdin)  # fmt: skip


def test_readings_and_a_month_billed_once(desk: Path) -> None:
    reading(desk, 3, "power", "1000")
    made = reading(desk, 2, "power", "1150.5", "--user", "dewi", stdin=PASSWORD + "\n")
    assert (made["value"], made["consumption"], made["meter_number"]) == ("1150.5", "150.5",
                                                                          "PLN-207")  # fmt: skip
    reading(desk, 3, "water", "40")
    reading(desk, 2, "water", "52,5")
    refused = run(desk, "record-reading", "FC2-07", "--kind", "power", "--value", "900",
                  "--date", months_ago(1).isoformat())  # fmt: skip
    assert refused.returncode != 0 and len(refused.stderr.strip().splitlines()) == 1
    assert "FC2-07" in refused.stderr
    new = reading(desk, 1, "power", "7", "--replaced")
    assert (new["replaced"], new["consumption"]) == (True, "0")
    grid = ok(desk, "meter-readings", "--month", months_ago(2).strftime("%Y-%m"), "--floor", "2")
    assert grid[0]["stall"] == "FC2-07" and grid[0]["power"]["consumption"] == "150.5"
    assert grid[0]["tenant"] == "Soto Betawi Bang Ali"
    listed = ok(desk, "meter-readings", "--stall", "fc2-7")
    assert [r["value"] for r in listed if r["kind"] == "power"] == ["1000", "1150.5", "7"]
    month = months_ago(2).strftime("%Y-%m")
    billed = ok(desk, "bill-utilities", "--month", month)
    kinds = {c["kind"]: c["amount"] for c in billed["posted"]}
    power = 100 * 1444 + (50_500 * 1699 + 500) // 1000
    assert kinds["utility"] == power + 10 * 7450 + 31_375 and kinds["service"] > 0
    assert ok(desk, "bill-utilities", "--month", month)["posted"] == []
    assert ok(desk, "tenants")[0]["balance"] == billed["total"]  # (no deposit)


def test_bad_input_is_one_line_and_writes_nothing(desk: Path) -> None:
    for args in (
        ("record-reading", "FC2-07", "--kind", "gas", "--value", "1"),
        ("record-reading", "FC2-07", "--kind", "power", "--value", "1.2.3"),
        ("bill-utilities", "--month", "2026-13"),
        ("record-reading", "FC2-07", "--kind", "power", "--value", "5", "--user", "sari"),
    ):
        result = run(desk, *args, stdin=PASSWORD + "\n")
        assert result.returncode != 0 and len(result.stderr.strip().splitlines()) == 1, args
    assert ok(desk, "meter-readings", "--stall", "FC2-07") == []
