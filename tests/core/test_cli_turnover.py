"""The turnover commands, driven as a script would: `turnover` enters a
tenant's day, `turnover-report` writes JSON, an A4 PDF or an XLSX, and
`post-turnover-rent` refuses a month not over in one line and writes nothing."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

from openpyxl import load_workbook

from smesco_desk.clock import wib_today
from smesco_desk.domain.turnover import month_bounds
from tests.core.helpers_cli import dump, run
from tests.core.test_cli_foodcourt import desk, ok, stalls_and_a_tenant

__all__ = ["desk"]  # the fixture, shared


def test_enter_turnover_report_it_and_post_the_rent(desk: Path, tmp_path: Path) -> None:
    tenant = stalls_and_a_tenant(desk)
    this_month = month_bounds(wib_today())[0]
    last_month = month_bounds(this_month - timedelta(days=1))[0]
    ok(desk, "lease", "--tenant", tenant, "--stall", "FC2-07", "--start", last_month.isoformat(),
       "--end", (last_month + timedelta(days=400)).isoformat())  # fmt: skip
    for offset, amount in ((0, "1.250.000"), (1, "Rp900.000"), (2, "0")):
        day = (last_month + timedelta(days=offset)).isoformat()
        saved = ok(desk, "turnover", "--tenant", tenant, "--date", day, "--amount", amount)
        assert saved["changed"] == 1  # 0 is an entry too: the stall was closed
    month = last_month.strftime("%Y-%m")
    report = ok(desk, "turnover-report", "--month", month)
    assert (report["total"], report["days_entered"]) == (2_150_000, 3)
    (floor,) = report["floors"]
    assert floor["floor"] == 2 and floor["tenants"][0]["average"] == 716_667

    pdf, xlsx = tmp_path / "omzet.pdf", tmp_path / "omzet.xlsx"
    for path in (pdf, xlsx):
        result = run(desk, "turnover-report", "--month", month, "--output", str(path))
        assert result.returncode == 0, result.stderr
    assert pdf.read_bytes().startswith(b"%PDF-")
    sheet = load_workbook(io.BytesIO(xlsx.read_bytes())).active
    assert [r[4] for r in sheet.iter_rows(values_only=True)][-1] == 2_150_000

    posted = ok(desk, "post-turnover-rent", "--month", month)
    assert posted["posted_now"] == 0  # no turnover rent terms on this lease

    before = dump(desk / "smesco_desk.sqlite3")
    refused = run(desk, "post-turnover-rent", "--month", this_month.strftime("%Y-%m"))
    assert refused.returncode != 0 and len(refused.stderr.strip().splitlines()) == 1
    assert "belum selesai" in refused.stderr
    assert dump(desk / "smesco_desk.sqlite3") == before
    bad = run(desk, "turnover", "--tenant", tenant, "--date", last_month.isoformat(),
              "--amount", "-5")  # fmt: skip
    assert bad.returncode != 0 and dump(desk / "smesco_desk.sqlite3") == before
    wrong = run(desk, "turnover-report", "--month", month, "--output", str(tmp_path / "x.txt"))
    assert wrong.returncode != 0 and "FILE.pdf or FILE.xlsx" in wrong.stderr
