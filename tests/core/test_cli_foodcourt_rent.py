"""The food court's rent commands, driven as a script would: `rent-due [--date]
--json` (posting what has fallen due first: a fresh lease's deposit and first
rent on its first day), `arrears [--date] --json` (per tenant, integer rupiah
by age), `post-rent` (once only) and `late-fees`. In this process, through
helpers_cli; the dates are fixed (within ten years of the real clock)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from smesco_desk.clock import wib_today
from smesco_desk.services.actors import Role
from smesco_desk.services.core import open_core
from tests.core.helpers_cli import PASSWORD, add_user, run


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


def leased(desk: Path, start: str = "2026-01-31", end: str = "2026-12-30") -> tuple[str, str]:
    ok(desk, "add-stall", "FC2-07", "--size", "6,25", "--rate-month", "3.000.000",
       "--rate-day", "150000", "--deposit", "6000000")  # fmt: skip
    tenant = ok(desk, "add-tenant", "--name", "Soto Betawi Bang Ali", "--owner", "Ali Rahman",
                "--phone", "0812-3456-7890")  # fmt: skip
    made = ok(desk, "lease", "--tenant", tenant["id"], "--stall", "FC2-07", "--start", start,
              "--end", end)  # fmt: skip
    return str(tenant["id"]), str(made["id"])


def test_rent_due_posts_first_and_lists_a_fresh_lease_s_charges(desk: Path) -> None:
    tenant, lease = leased(desk)
    due = ok(desk, "rent-due", "--date", "2026-01-31")
    assert [(c["kind"], c["due_on"], c["amount"], c["status"]) for c in due] == [
        ("deposit", "2026-01-31", 6_000_000, "open"),
        ("rent", "2026-01-31", 3_000_000, "open"),
    ]
    rent = due[1]
    assert {"id", "charge_id", "tenant_id", "tenant", "stall", "kind", "period_start",
            "period_end", "due_on", "amount", "status"} <= set(rent)  # fmt: skip
    assert (rent["tenant_id"], rent["tenant"], rent["stall"], rent["lease_id"]) == (
        tenant, "Soto Betawi Bang Ali", "FC2-07", lease)  # fmt: skip
    assert (rent["period_start"], rent["period_end"]) == ("2026-01-31", "2026-02-27")
    (february,) = ok(desk, "rent-due", "--date", "2026-02-28")
    assert (february["due_on"], february["period_end"]) == ("2026-02-28", "2026-03-30")
    assert ok(desk, "rent-due", "--date", "2026-02-27") == []
    week = ok(desk, "rent-due", "--date", "2026-03-25", "--days", "7")
    assert [c["due_on"] for c in week] == ["2026-03-31"]
    assert len(ok(desk, "rent-due", "--date", "2026-01-31")) == 2  # nothing posted twice


def test_arrears_by_age_on_fixed_dates(desk: Path) -> None:
    tenant, _lease = leased(desk)
    (owed,) = ok(desk, "arrears", "--date", "2026-03-02")
    assert owed == {"tenant_id": tenant, "tenant": "Soto Betawi Bang Ali",
                    "d0_30": 12_000_000, "d31_60": 0, "d61_90": 0, "over_90": 0,
                    "total": 12_000_000}  # fmt: skip
    (later,) = ok(desk, "arrears", "--date", "2026-03-03")  # 31 January: 31 days past due
    assert (later["d0_30"], later["d31_60"], later["total"]) == (3_000_000, 9_000_000, 12_000_000)
    assert all(isinstance(later[k], int) for k in ("d0_30", "d31_60", "d61_90", "over_90"))
    text = run(desk, "arrears", "--date", "2026-03-03")
    assert text.returncode == 0 and "Soto Betawi Bang Ali" in text.stdout
    assert "Rp9.000.000" in text.stdout and "31-60" in text.stdout


def test_post_rent_once_and_late_fees_an_administrator_sets(desk: Path) -> None:
    leased(desk, "2026-01-01", "2026-03-31")
    posted = ok(desk, "post-rent", "--date", "2026-01-01")
    assert [c["kind"] for c in posted] == ["rent"]
    assert ok(desk, "post-rent", "--date", "2026-01-01") == []
    refused = run(desk, "late-fees", "--mode", "fixed", "--fixed", "50000", "--user", "sari",
                  stdin=PASSWORD + "\n")  # fmt: skip
    assert refused.returncode != 0 and refused.stdout == ""
    policy = ok(desk, "late-fees", "--mode", "percent", "--percent", "2", "--grace", "5")
    assert policy == {"mode": "percent", "percent_bp": 200, "fixed": 0, "grace_days": 5,
                      "compounding": False}  # fmt: skip
    made = ok(desk, "post-rent", "--date", "2026-01-07", "--user", "dewi", stdin=PASSWORD + "\n")
    assert [(c["kind"], c["due_on"], c["amount"]) for c in made] == [
        ("late_fee", "2026-01-07", 60_000)
    ]
    text = run(desk, "rent-due", "--date", "2026-01-07")
    assert text.returncode == 0
    assert "FC2-07" in text.stdout and "late_fee" in text.stdout and "Rp60.000" in text.stdout
    assert run(desk, "post-rent", "--date", "2026-01-07").stdout.strip() == "(nothing due)"


@pytest.mark.parametrize(
    "args",
    [("rent-due", "--date", "2026-02-30"), ("arrears", "--date", "kemarin"),
     ("late-fees", "--percent", "2.555"), ("late-fees", "--mode", "often")],
)  # fmt: skip
def test_bad_arguments_are_usage_errors(desk: Path, args: tuple[str, ...]) -> None:
    result = run(desk, *args)
    assert result.returncode == 2 and result.stdout == ""


def test_a_refused_value_is_one_line(desk: Path) -> None:
    result = run(desk, "rent-due", "--days", "0", "--json")
    assert result.returncode != 0 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1


def test_reports_on_a_day_to_come_charge_nothing_ahead(desk: Path) -> None:
    # A report is not a posting: asking about next year lists the rent that
    # will fall due as scheduled and projects the arrears, and writes nothing.
    today = wib_today()
    start = today.replace(day=1)
    tenant, _lease = leased(desk, start.isoformat(), (start + timedelta(days=330)).isoformat())
    ok(desk, "rent-due")  # today's posting
    before = ok(desk, "rent-due", "--date", start.isoformat(), "--days", "300")
    posted = [c for c in before if c["status"] != "scheduled"]
    month = start.month + 3
    year, month = start.year + (month - 1) // 12, (month - 1) % 12 + 1
    later = start.replace(year=year, month=month).isoformat()
    due = ok(desk, "rent-due", "--date", later)
    assert due and {c["status"] for c in due} == {"scheduled"}
    assert all(c["charge_id"] == "" for c in due)
    owed = ok(desk, "arrears", "--date", later)
    assert [a["tenant_id"] for a in owed] == [tenant]
    # the deposit and every month from the first to the one due by then, unpaid
    months = sum(1 for c in before if c["kind"] == "rent" and c["due_on"] <= later)
    assert owed[0]["total"] == 6_000_000 + months * 3_000_000
    after = ok(desk, "rent-due", "--date", start.isoformat(), "--days", "300")
    assert [c for c in after if c["status"] != "scheduled"] == posted
    refused = run(desk, "post-rent", "--date", later, "--user", "dewi", stdin=PASSWORD + "\n")
    assert refused.returncode == 2
    assert "after today" in refused.stderr
