"""The command line, driven as a script would: exit codes, JSON, one-line errors.

Most of these run the command line in this process (helpers_cli.run: its entry
function, as a new process would see it). A few start a real process, for what
only a process shows: `python -m smesco_desk` itself, its exit status, text
through real pipes, and a password read from a pipe:

- test_register_prints_the_visit_and_visits_lists_it (non-ASCII JSON on stdout)
- test_usage_errors_are_one_line (argparse's usage errors, status 2)
- test_export_then_erase_a_visitor (the password from a pipe, no newline)
- test_in_this_process_a_command_sees_what_a_new_process_sees (the runner itself)

Elsewhere real processes stay where the process is the point: bytes that are not
UTF-8 in argv (test_cli_bad_input), a password typed at a terminal
(test_cli_login), a restore refused while another process holds the database
(test_restore_safety), the NIK key read by a fresh process (test_nik_key), and
the kill tests (test_durability, test_payments_durability).
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from smesco_desk import i18n
from smesco_desk.services.actors import Role
from tests.core.helpers_cli import PASSWORD, add_user, run, run_process
from tests.template_db import seed_data_dir

Runner = Callable[..., subprocess.CompletedProcess[str]]


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
def data_dir(tmp_path: Path, template_database: Path) -> Path:
    """A desk D02 set up by `init` (over a copy of the migrated template: `init`
    on an empty folder is run by the seed-demo and restore tests)."""
    seed_data_dir(template_database, tmp_path)
    result = run(tmp_path, "init", "--desk", "D02")
    assert result.returncode == 0, result.stderr
    return tmp_path


def register(
    data_dir: Path, name: str = "Siti Nurhaliza", *extra: str, runner: Runner = run
) -> dict[str, object]:
    result = runner(
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
    visit = register(data_dir, "Đặng Thị Ngọc Hà", "--nik", "3174056508900001", runner=run_process)
    assert visit["name"] == "Đặng Thị Ngọc Hà"
    assert str(visit["badge_number"]).startswith("D02-")
    assert visit["checked_out_at"] is None
    assert str(visit["checked_in_at"]).endswith("+07:00")
    listed = json.loads(run_process(data_dir, "visits", "--in-building", "--json").stdout)
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
    assert (
        json.loads(run_process(data_dir, "visits", "--today", "--json").stdout)[0]["id"]
        == visit["id"]
    )


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
        result = run_process(tmp_path, *args)
        assert result.returncode == 2
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_export_then_erase_a_visitor(data_dir: Path) -> None:
    add_user(data_dir, "hendra", Role.SUPERVISOR)
    login = ("--user", "hendra")
    visit = register(data_dir, "Ratna Handayani", "--nik", "3174056508900001")
    exported = run_process(
        data_dir, "export-visitor", str(visit["visitor_id"]), *login, stdin=PASSWORD
    )
    assert exported.returncode == 0, exported.stderr
    data = json.loads(exported.stdout)
    assert data["name"] == "Ratna Handayani" and data["phone"] == "+6281234567890"
    assert len(data["visits"]) == 1 and data["nik_masked"] == "************0001"
    erased = run_process(
        data_dir, "erase-visitor", str(visit["visitor_id"]), *login, stdin=PASSWORD
    )
    assert erased.returncode == 0, erased.stderr
    raw = b"".join(p.read_bytes() for p in data_dir.glob("smesco_desk.sqlite3*"))
    listed = json.loads(run(data_dir, "visits", "--json").stdout)
    assert listed[0]["name"] == "(dihapus)"
    with sqlite3.connect(data_dir / "smesco_desk.sqlite3") as conn:
        row = conn.execute("SELECT full_name, phone, nik_hash, deleted_at FROM visitors").fetchone()
    assert row[0] == "(dihapus)" and row[1] is None and row[2] is None and row[3] is not None
    assert b"3174056508900001" not in raw
    again = run_process(
        data_dir, "export-visitor", str(visit["visitor_id"]), *login, stdin=PASSWORD
    )
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


def test_in_this_process_a_command_sees_what_a_new_process_sees(data_dir: Path) -> None:
    """The in-process runner against a real process, with this process switched to
    English as the window's tests leave it: same status, stdout and stderr."""
    cases = [
        ["checkout", "D02-000000-999"],  # the core's own message, in its default language
        ["register", "--name", "Budi", "--phone", "12ab", "--purpose", "meeting", "--consent"],
    ]
    i18n.set_language("en")
    try:
        inside = [run(data_dir, *argv) for argv in cases]
    finally:
        i18n.set_language("id")
    for argv, here in zip(cases, inside, strict=True):
        real = run_process(data_dir, *argv)
        assert (here.returncode, here.stdout, here.stderr) == (
            real.returncode,
            real.stdout,
            real.stderr,
        ), argv
