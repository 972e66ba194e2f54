"""The food court's commands, driven as a script would: `add-stall`, `stalls
[--floor N] --json`, `add-tenant`, `tenants --json`, `lease ... --json`,
`leases`, `cancel-lease` and `end-lease`. An overlap with a live lease of the
stall is one line on stderr naming it, a non-zero status, and nothing written.
In this process, through helpers_cli."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from smesco_desk.clock import wib_today
from smesco_desk.services.actors import Role
from smesco_desk.services.core import open_core
from tests.core.helpers_cli import PASSWORD, add_user, dump, run


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
    return folder


def ok(folder: Path, *args: str, stdin: str = "") -> Any:
    result = run(folder, *args, "--json", stdin=stdin)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def day(offset: int) -> str:
    return (wib_today() + timedelta(days=offset)).isoformat()


def stalls_and_a_tenant(desk: Path) -> str:
    ok(desk, "add-stall", "FC2-07", "--size", "6,25", "--rate-month", "3.000.000",
       "--rate-day", "150000", "--deposit", "6000000", "--plan", "10,0,5,5", "--water",
       "--meter", "PLN-207")  # fmt: skip
    ok(desk, "add-stall", "fc1-3", "--size", "9", "--rate-month", "4200000", "--rate-day", "200000")
    ok(desk, "add-stall", "FC3-16", "--size", "4", "--rate-month", "2000000", "--out-of-service")
    tenant = ok(desk, "add-tenant", "--name", "Soto Betawi Bang Ali", "--owner", "Ali Rahman",
                "--phone", "0812-3456-7890", "--nik", "3174015708900001",
                "--nib", "1234567890123", "--npwp", "01.234.567.8-901.000",
                "--user", "dewi", stdin=PASSWORD + "\n")  # fmt: skip
    assert (tenant["npwp"], tenant["nik_masked"]) == ("0012345678901000", "************0001")
    return str(tenant["id"])


def test_stalls_tenants_and_a_lease(desk: Path) -> None:
    tenant = stalls_and_a_tenant(desk)
    stalls = ok(desk, "stalls")
    assert [s["code"] for s in stalls] == ["FC1-03", "FC2-07", "FC3-16"]
    first = stalls[1]
    assert {"code", "floor", "size_m2", "state", "tenant"} <= set(first)
    assert (first["floor"], first["size_m2"], first["state"], first["tenant"]) == (
        2, 6.25, "vacant", None)  # fmt: skip
    assert stalls[2]["state"] == "out_of_service"
    made = ok(desk, "lease", "--tenant", tenant, "--stall", "fc2-07", "--start", day(0),
              "--end", day(180))  # fmt: skip
    assert {"id", "stall", "start", "end", "rent", "deposit"} <= set(made)
    assert (made["stall"], made["start"], made["rent"], made["deposit"]) == (
        "FC2-07", day(0), 3_000_000, 6_000_000)  # fmt: skip
    (floor_2,) = ok(desk, "stalls", "--floor", "2")
    assert (floor_2["state"], floor_2["tenant"]) == ("occupied", "Soto Betawi Bang Ali")
    (listed,) = ok(desk, "tenants")
    assert {"id", "name", "owner", "balance"} <= set(listed)
    assert (listed["id"], listed["name"], listed["owner"], listed["balance"]) == (
        tenant, "Soto Betawi Bang Ali", "Ali Rahman", 6_000_000)  # fmt: skip
    ahead = ok(desk, "lease", "--tenant", tenant, "--stall", "FC1-03", "--start", day(10),
               "--end", day(12), "--period", "day", "--user", "dewi",
               stdin=PASSWORD + "\n")  # fmt: skip
    assert ahead["deposit"] == 0
    assert ok(desk, "stalls", "--floor", "1")[0]["state"] == "booked"
    assert [x["id"] for x in ok(desk, "leases", "--tenant", tenant)] == [ahead["id"], made["id"]]
    assert ok(desk, "cancel-lease", ahead["id"], "--reason", "batal")["status"] == "cancelled"
    ended = ok(desk, "end-lease", made["id"], "--last-day", day(30))
    assert (ended["status"], ended["end"]) == ("ended", day(30))


def test_an_overlap_is_one_line_naming_the_lease_and_writes_nothing(desk: Path) -> None:
    tenant = stalls_and_a_tenant(desk)
    made = ok(desk, "lease", "--tenant", tenant, "--stall", "FC2-07", "--start", day(1),
              "--end", day(60))  # fmt: skip
    db = desk / "smesco_desk.sqlite3"
    before = dump(db)
    clash = run(desk, "lease", "--tenant", tenant, "--stall", "FC2-07", "--start", day(60),
                "--end", day(62), "--period", "day", "--json")  # fmt: skip
    assert clash.returncode != 0 and clash.stdout == ""
    lines = clash.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert made["id"] in lines[0] and "FC2-07" in lines[0] and "Soto Betawi" in lines[0]
    assert dump(db) == before
    after = ok(desk, "lease", "--tenant", tenant, "--stall", "FC2-07", "--start", day(61),
               "--end", day(62), "--period", "day")  # fmt: skip
    assert after["start"] == day(61)


@pytest.mark.parametrize(
    "args",
    [
        ("stalls", "--floor", "4"),
        ("add-stall", "FC2-07", "--size", "6.25", "--rate-month", "-1"),
        ("add-stall", "FC2-07", "--size", "6.25", "--plan", "1,2,3"),
        ("lease", "--tenant", "x", "--stall", "FC2-07", "--start", "2026-13-01", "--end",
         "2026-12-31"),
        ("lease", "--tenant", "x", "--stall", "FC2-07", "--start", "2026-01-01", "--end",
         "2026-12-31", "--period", "year"),
    ],
)  # fmt: skip
def test_bad_arguments_are_usage_errors(desk: Path, args: tuple[str, ...]) -> None:
    result = run(desk, *args)
    assert result.returncode == 2 and result.stdout == ""


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("add-tenant", "--name", "X", "--owner", "Y", "--phone", "0812345678901",
          "--npwp", "123"), "npwp"),
        (("add-tenant", "--name", "X", "--owner", "Y", "--phone", "0812345678901",
          "--nib", "12345"), "NIB"),
        (("add-stall", "FC4-01", "--size", "6"), "code"),
        (("lease", "--tenant", "nobody", "--stall", "FC2-07", "--start", "2026-01-01",
          "--end", "2026-01-31"), "Stan FC2-07"),
    ],
)  # fmt: skip
def test_refusals_are_one_line_and_write_nothing(
    desk: Path, args: tuple[str, ...], said: str
) -> None:
    db = desk / "smesco_desk.sqlite3"
    before = dump(db)
    result = run(desk, *args)
    assert result.returncode in (1, 2)  # a refusal (1) or a field said wrong (2)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and said in lines[0]
    assert dump(db) == before


def test_a_receptionist_leases_nothing(desk: Path) -> None:
    tenant = stalls_and_a_tenant(desk)
    result = run(desk, "lease", "--tenant", tenant, "--stall", "FC2-07", "--start", day(1),
                 "--end", day(2), "--user", "sari", stdin=PASSWORD + "\n")  # fmt: skip
    assert result.returncode != 0 and "tidak boleh" in result.stderr
