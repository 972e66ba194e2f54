"""The command line, driven as a script would: a real process, exit codes, JSON."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from smesco_desk.services.actors import Role
from tests.core.helpers_cli import PASSWORD, add_user

ROOT = Path(__file__).resolve().parents[2]


def run(data_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """The command line in its own process; standard input is a pipe (never this
    terminal), holding `stdin` (e.g. a password line)."""
    return subprocess.run(
        [sys.executable, "-m", "smesco_desk", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        input=stdin,
    )


def table_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


@pytest.fixture()
def data_dir(tmp_path: Path) -> Path:
    result = run(tmp_path, "init", "--desk", "D02")
    assert result.returncode == 0, result.stderr
    return tmp_path


def register(data_dir: Path, name: str = "Siti Nurhaliza", *extra: str) -> dict[str, object]:
    result = run(
        data_dir,
        "register",
        "--name",
        name,
        "--phone",
        "0812-3456-7890",
        "--purpose",
        "meeting",
        "--organisation",
        "Batik Lasem",
        "--consent",
        "--json",
        *extra,
    )
    assert result.returncode == 0, result.stderr
    visit = json.loads(result.stdout)
    assert isinstance(visit, dict)
    return visit


def test_register_prints_the_visit_and_visits_lists_it(data_dir: Path) -> None:
    visit = register(data_dir, "Đặng Thị Ngọc Hà", "--nik", "3174056508900001")
    assert visit["name"] == "Đặng Thị Ngọc Hà"
    assert str(visit["badge_number"]).startswith("D02-")
    assert visit["checked_out_at"] is None
    assert str(visit["checked_in_at"]).endswith("+07:00")
    listed = json.loads(run(data_dir, "visits", "--in-building", "--json").stdout)
    assert [v["id"] for v in listed] == [visit["id"]]
    for key in (
        "id",
        "badge_number",
        "name",
        "organisation",
        "purpose",
        "checked_in_at",
        "checked_out_at",
    ):
        assert key in listed[0]
    assert json.loads(run(data_dir, "visits", "--today", "--json").stdout)[0]["id"] == visit["id"]


def test_bad_input_one_line_nonzero_and_nothing_written(data_dir: Path) -> None:
    db = data_dir / "smesco_desk.sqlite3"
    before = table_counts(db)
    cases = [
        ["--name", "Budi", "--phone", "12ab", "--purpose", "meeting", "--consent"],
        ["--name", "Budi", "--phone", "081234567890", "--purpose", "meeting"],
        ["--name", "Budi", "--phone", "081234567890", "--purpose", "nope", "--consent"],
        [
            "--name",
            "Budi",
            "--phone",
            "081234567890",
            "--purpose",
            "meeting",
            "--consent",
            "--nik",
            "1234",
        ],
        ["--name", "", "--phone", "081234567890", "--purpose", "meeting", "--consent"],
    ]
    for args in cases:
        result = run(data_dir, "register", *args, "--json")
        assert result.returncode != 0, args
        assert result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert table_counts(db) == before


def test_commands_refuse_a_folder_without_a_database(tmp_path: Path) -> None:
    """A mistyped --data-dir must not quietly start a second desk D01."""
    missing = tmp_path / "typo"
    for args in (
        ["visits", "--json"],
        [
            "register",
            "--name",
            "Budi",
            "--phone",
            "081234567890",
            "--purpose",
            "meeting",
            "--consent",
        ],
        ["checkout", "D01-261127-001"],
        ["backup", str(tmp_path / "b.sqlite3")],
    ):
        result = run(missing, *args)
        assert result.returncode != 0, args
        assert "init" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not missing.exists() or not any(missing.iterdir())


def test_checkout_by_id_and_by_badge_number(data_dir: Path) -> None:
    first, second = register(data_dir, "Agus Wibowo"), register(data_dir, "Rina Saputra")
    assert run(data_dir, "checkout", str(first["id"])).returncode == 0
    assert run(data_dir, "checkout", str(second["badge_number"]).lower()).returncode == 0
    again = run(data_dir, "checkout", str(first["id"]))
    assert again.returncode != 0 and len(again.stderr.strip().splitlines()) == 1
    unknown = run(data_dir, "checkout", "D02-000000-999")
    assert unknown.returncode != 0 and "D02-000000-999" in unknown.stderr
    listed = json.loads(run(data_dir, "visits", "--json").stdout)
    assert all(v["checked_out_at"] for v in listed)
    assert json.loads(run(data_dir, "visits", "--in-building", "--json").stdout) == []


def test_badge_writes_a_cr80_pdf(data_dir: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    visit = register(data_dir)
    out = data_dir / "out" / "badge.pdf"
    result = run(data_dir, "badge", str(visit["id"]), "--output", str(out))
    assert result.returncode == 0, result.stderr
    page = pypdf.PdfReader(out).pages[0]
    assert float(page.mediabox.width) == pytest.approx(85.6 / 25.4 * 72, abs=0.5)
    assert float(page.mediabox.height) == pytest.approx(54 / 25.4 * 72, abs=0.5)
    text = page.extract_text()
    assert "Siti" in text and str(visit["badge_number"]) in text
    assert "3456" not in text  # never the phone number
    missing = run(
        data_dir,
        "badge",
        "01a21edc-0000-7000-8000-000000000000",
        "--output",
        str(data_dir / "x.pdf"),
    )
    assert missing.returncode != 0 and not (data_dir / "x.pdf").exists()


def test_backup_is_consistent_and_checked(data_dir: Path) -> None:
    visit = register(data_dir)
    dest = data_dir / "backups" / "copy.sqlite3"
    result = run(data_dir, "backup", str(dest))
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(dest) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT id FROM visits").fetchone()[0] == visit["id"]


def test_cli_actor_is_recorded_in_the_audit_log(data_dir: Path) -> None:
    register(data_dir)
    with sqlite3.connect(data_dir / "smesco_desk.sqlite3") as conn:
        actors = {
            r[0]
            for r in conn.execute("SELECT actor FROM audit_log WHERE action = 'visit.check_in'")
        }
    assert len(actors) == 1 and next(iter(actors)).startswith("cli:")


def test_seed_demo_fills_visits_some_in_building(tmp_path: Path) -> None:
    result = run(tmp_path, "seed-demo")
    assert result.returncode == 0, result.stderr
    assert "Demo login" in result.stdout
    everything = json.loads(run(tmp_path, "visits", "--json").stdout)
    inside = json.loads(run(tmp_path, "visits", "--in-building", "--json").stdout)
    assert len(everything) >= 200
    assert 0 < len(inside) < len(everything)


def test_usage_errors_are_one_line(tmp_path: Path) -> None:
    for args in (["bogus"], ["register", "--name", "x"], ["badge", "abc"]):
        result = run(tmp_path, *args)
        assert result.returncode == 2
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_export_then_erase_a_visitor(data_dir: Path) -> None:
    add_user(data_dir, "hendra", Role.SUPERVISOR)
    login = ("--user", "hendra")
    visit = register(data_dir, "Ratna Handayani", "--nik", "3174056508900001")
    exported = run(data_dir, "export-visitor", str(visit["visitor_id"]), *login, stdin=PASSWORD)
    assert exported.returncode == 0, exported.stderr
    data = json.loads(exported.stdout)
    assert data["name"] == "Ratna Handayani" and data["phone"] == "+6281234567890"
    assert len(data["visits"]) == 1 and data["nik_masked"] == "************0001"
    erased = run(data_dir, "erase-visitor", str(visit["visitor_id"]), *login, stdin=PASSWORD)
    assert erased.returncode == 0, erased.stderr
    raw = b"".join(p.read_bytes() for p in data_dir.glob("smesco_desk.sqlite3*"))
    listed = json.loads(run(data_dir, "visits", "--json").stdout)
    assert listed[0]["name"] == "(dihapus)"
    with sqlite3.connect(data_dir / "smesco_desk.sqlite3") as conn:
        row = conn.execute("SELECT full_name, phone, nik_hash, deleted_at FROM visitors").fetchone()
    assert row[0] == "(dihapus)" and row[1] is None and row[2] is None and row[3] is not None
    assert b"3174056508900001" not in raw
    again = run(data_dir, "export-visitor", str(visit["visitor_id"]), *login, stdin=PASSWORD)
    assert again.returncode != 0


def test_backup_never_overwrites_a_file_that_is_not_a_database(data_dir: Path) -> None:
    notes = data_dir / "notes.txt"
    notes.write_text("jangan ditimpa")
    result = run(data_dir, "backup", str(notes))
    assert result.returncode != 0 and len(result.stderr.strip().splitlines()) == 1
    assert notes.read_text() == "jangan ditimpa"
    unwritable = run(data_dir, "backup", "/proc/smesco-backup.sqlite3")
    assert unwritable.returncode != 0 and "Traceback" not in unwritable.stderr
    assert len(unwritable.stderr.strip().splitlines()) == 1
    first = data_dir / "old.sqlite3"
    assert run(data_dir, "backup", str(first)).returncode == 0
    assert run(data_dir, "backup", str(first)).returncode == 0  # an older backup is replaced
