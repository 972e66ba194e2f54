"""The payment commands of the CLI, driven as a script would: `receipts`, `receipt`,
`void-receipt`, `restore`, and the receipts `seed-demo` makes. All in this
process, through the command line's entry function (helpers_cli.run); the
process itself is tested in test_cli.py."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from smesco_desk.clock import wib_today
from smesco_desk.domain.money import terbilang
from smesco_desk.services.actors import Role
from tests.core.helpers_cli import PASSWORD, add_user, run

pytestmark = pytest.mark.slow
DEMO = "smesco2026\n"  # the demo users' password (README)
SUPERVISOR = ("--user", "hendra")


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    result = run(folder, "seed-demo")
    assert result.returncode == 0, result.stderr
    assert "receipts" in result.stdout
    return folder


def _receipts(folder: Path, *args: str) -> list[dict[str, object]]:
    result = run(folder, "receipts", "--json", *args)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, list)
    return data


def _text(pdf: Path) -> str:
    return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(pdf).pages).split())


def test_seed_demo_makes_a_day_of_receipts_with_a_meterai_and_a_void(demo_dir: Path) -> None:
    today = _receipts(demo_dir)
    assert len(today) >= 5
    for r in today:
        assert {"number", "issued_at", "payer", "total", "method", "voided"} <= set(r)
        assert isinstance(r["total"], int) and not isinstance(r["total"], bool)
        assert str(r["issued_at"]).startswith(wib_today().isoformat())
        assert r["method"] in {"cash", "qris", "transfer", "card"}
    assert any(int(r["total"]) > 5_000_000 for r in today)  # type: ignore[call-overload]
    assert sum(1 for r in today if r["voided"]) == 1
    numbers = [str(r["number"]) for r in today]
    assert numbers == sorted(numbers)
    yesterday = _receipts(demo_dir, "--date", (wib_today() - timedelta(days=1)).isoformat())
    # One desk, one series: yesterday's and today's numbers follow each other.
    seqs = [int(str(r["number"]).rsplit("/", 1)[1]) for r in yesterday + today]
    if all(str(r["number"]).split("/")[2] == str(date.today().year) for r in yesterday + today):
        assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))


def test_receipts_of_a_day_without_any_is_an_empty_list(demo_dir: Path) -> None:
    assert _receipts(demo_dir, "--date", "2001-01-01") == []


def test_bad_date_is_a_usage_error(demo_dir: Path) -> None:
    result = run(demo_dir, "receipts", "--date", "27-11-2026", "--json")
    assert result.returncode == 2
    assert "YYYY-MM-DD" in result.stderr


def test_receipt_pdf_then_reprint_is_salinan(demo_dir: Path, tmp_path: Path) -> None:
    big = next(r for r in _receipts(demo_dir) if int(r["total"]) > 5_000_000)  # type: ignore[call-overload]
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    result = run(demo_dir, "receipt", str(big["number"]), "--output", str(first))
    assert result.returncode == 0, result.stderr
    text = _text(first)
    assert str(big["number"]) in text
    assert terbilang(int(big["total"])) in text  # type: ignore[call-overload]
    assert "SALINAN" not in text
    assert "Meterai" in text or "METERAI" in text
    result = run(demo_dir, "receipt", str(big["number"]), "-o", str(second), "--format", "a5")
    assert result.returncode == 0, result.stderr
    again = _text(second)
    assert "SALINAN" in again and str(big["number"]) in again


def test_unknown_receipt_is_an_error_and_writes_nothing(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "none.pdf"
    result = run(demo_dir, "receipt", "KW/D01/2001/000001", "--output", str(out))
    assert result.returncode == 1
    assert "KW/D01/2001/000001" in result.stderr
    assert not out.exists()


def test_void_from_the_command_line_needs_a_reason(demo_dir: Path) -> None:
    target = next(r for r in _receipts(demo_dir) if not r["voided"])
    number = str(target["number"])
    short = run(demo_dir, "void-receipt", number, "--reason", "x", *SUPERVISOR, stdin=DEMO)
    assert short.returncode == 2
    assert "reason" in short.stderr
    done = run(
        demo_dir,
        "void-receipt",
        number,
        "--reason",
        "Dobel input",
        "--json",
        *SUPERVISOR,
        stdin=DEMO,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["voided"] is True
    again = run(
        demo_dir, "void-receipt", number, "--reason", "Dobel input", *SUPERVISOR, stdin=DEMO
    )
    assert again.returncode == 1


def test_restore_replaces_the_database_and_keeps_the_old_one(tmp_path: Path) -> None:
    folder = tmp_path / "desk"
    assert run(folder, "init").returncode == 0
    add_user(folder, "hendra", Role.SUPERVISOR)
    backup = tmp_path / "b.sqlite3"
    assert run(folder, "backup", str(backup)).returncode == 0
    reg = run(
        folder,
        "register",
        "--name",
        "Siti",
        "--phone",
        "08123456789",
        "--purpose",
        "meeting",
        "--consent",
    )
    assert reg.returncode == 0, reg.stderr
    refused = run(folder, "restore", str(backup), *SUPERVISOR, stdin=PASSWORD)  # no --yes
    assert refused.returncode == 2
    result = run(folder, "restore", str(backup), "--yes", *SUPERVISOR, stdin=PASSWORD)
    assert result.returncode == 0, result.stderr
    assert json.loads(run(folder, "visits", "--json").stdout) == []
    kept = list((folder / "backups").glob("before-restore-*.sqlite3"))
    assert len(kept) == 1
    with sqlite3.connect(kept[0]) as conn:
        assert conn.execute("SELECT count(*) FROM visits").fetchone()[0] == 1


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path: Path) -> None:
    folder = tmp_path / "desk"
    assert run(folder, "init").returncode == 0
    add_user(folder, "hendra", Role.SUPERVISOR)
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a database")
    result = run(folder, "restore", str(junk), "--yes", *SUPERVISOR, stdin=PASSWORD)
    assert result.returncode == 1
    assert "junk.sqlite3" in result.stderr
