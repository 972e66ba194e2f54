"""Bad input on the command line: one line, never a traceback (issue 9, item 11);
a receipt's print recorded only once its file is written (item 12); output files
that never replace what is not a PDF and leave nothing half-written (item 13)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from smesco_desk.cli import support as cli_support
from smesco_desk.db import engine as engine_module
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from tests.core.helpers_cli import Desk, dump, make_desk
from tests.core.helpers_core import ROOT


@pytest.fixture
def desk(core: Core, data_dir: Path, receptionist: Actor) -> Desk:
    return make_desk(core, data_dir, receptionist)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder for output files (the desk's data folder is elsewhere)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _prints(desk: Desk) -> int:
    with sqlite3.connect(desk.db) as conn:
        return int(conn.execute("SELECT count(*) FROM receipt_prints").fetchone()[0])


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


# --- item 11: one line, not a traceback ---------------------------------------------


def test_receipts_search_with_forty_digits_finds_nothing(desk: Desk) -> None:
    outcome = desk.run("receipts", "--search", "1" * 40, "--json")
    assert (outcome.status, outcome.stdout.strip(), outcome.stderr) == (0, "[]", "")


def test_receipts_of_a_day_no_clock_reaches_is_one_line(desk: Desk) -> None:
    for day in ("0001-01-01", "9999-12-31"):
        outcome = desk.run("receipts", "--date", day, "--json")
        assert outcome.status == 2 and outcome.one_error_line(), outcome


def test_an_empty_output_name_is_one_line(desk: Desk, out: Path) -> None:
    before = dump(desk.db)
    for argv in (
        ["muster", "--output", ""],
        ["badge", desk.visitor_id, "--output", "  "],
        ["receipt", desk.receipt, "--output", ""],
    ):
        outcome = desk.run(*argv)
        assert outcome.status == 2 and outcome.one_error_line(), (argv, outcome)
    assert dump(desk.db) == before


def test_nul_and_overlong_arguments_are_one_line(desk: Desk) -> None:
    before = dump(desk.db)
    for argv in (
        ["visits", "--search", "Siti\x00"],
        ["register", "--name", "S" * 10_000, "--phone", "0812", "--purpose", "meeting"],
        ["checkout", "\x00"],
    ):
        outcome = desk.run(*argv)
        assert outcome.status == 2 and outcome.one_error_line(), (argv[:2], outcome)
    assert dump(desk.db) == before


@pytest.mark.slow
def test_invalid_utf8_in_any_argument_is_one_line(desk: Desk, out: Path) -> None:
    """Real bytes, as a shell passes them: Python turns them into lone surrogates,
    which used to raise UnicodeEncodeError on the way into SQLite or to stderr."""
    before = dump(desk.db)
    folder = os.fsencode(desk.folder)
    for argv in (
        [b"visits", b"--search", b"Sit\xff"],
        [b"register", b"--name", b"Jos\xe9", b"--phone", b"0812 3456 7000"]
        + [b"--purpose", b"meeting", b"--consent"],
        [b"receipt", desk.receipt.encode(), b"--output", os.fsencode(out) + b"/\xff.pdf"],
        [b"sell", b"--payer", b"\xc3", b"--item", b"print_bw", b"--method", b"cash"]
        + [b"--user", b"resepsionis"],
    ):
        result = subprocess.run(
            [sys.executable.encode(), b"-m", b"smesco_desk", b"--data-dir", folder, *argv],
            capture_output=True,
            cwd=ROOT,
            input=b"rahasia-user-1\n",
            timeout=120,
        )
        err = result.stderr.decode("utf-8")
        assert result.returncode == 2, (argv, err)
        assert len(err.splitlines()) == 1 and "UTF-8" in err, (argv, err)
        assert result.stdout == b""
    assert dump(desk.db) == before
    assert list(out.iterdir()) == []


def test_a_locked_database_says_another_program_is_writing(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 200)
    before = dump(desk.db)
    writer = sqlite3.connect(desk.db, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        outcome = desk.run(
            "register", "--name", "Budi Santoso", "--phone", "0813 2222 3333",
            "--purpose", "meeting", "--consent",
        )  # fmt: skip
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert outcome.status == 1 and outcome.one_error_line(), outcome
    assert "another program is writing" in outcome.stderr and "try again" in outcome.stderr
    assert dump(desk.db) == before


# --- item 12: a print is recorded once its file exists --------------------------------


def test_a_failed_receipt_output_records_no_print(desk: Desk, out: Path) -> None:
    a_file = out / "notes.txt"
    a_file.write_text("catatan")
    folder = out / "folder"
    folder.mkdir()
    for output in (str(folder), "/proc/smesco-desk/receipt.pdf", str(a_file / "r.pdf"), ""):
        outcome = desk.run("receipt", desk.receipt, "--output", output)
        assert outcome.status != 0 and outcome.one_error_line(), (output, outcome)
    assert _prints(desk) == 0
    first = desk.run("receipt", desk.receipt, "--output", str(out / "r.pdf"))
    assert first.status == 0 and "SALINAN" not in first.stdout, first
    assert _prints(desk) == 1
    again = desk.run("receipt", desk.receipt, "--output", str(out / "r.pdf"))
    assert again.status == 0 and "SALINAN" in again.stdout


# --- item 13: what --output may replace, and nothing half-written --------------------------


def test_output_never_replaces_what_is_not_a_pdf_without_force(desk: Desk, out: Path) -> None:
    notes = out / "notes.txt"
    notes.write_text("jangan ditimpa")
    database_copy = out / "copy.pdf"
    database_copy.write_bytes(desk.db.read_bytes())
    fifo = out / "pipe.pdf"
    os.mkfifo(fifo)
    device = out / "null.pdf"
    device.symlink_to("/dev/null")
    for target in (notes, database_copy, fifo, device):
        for argv in (["muster"], ["receipt", desk.receipt], ["badge", desk.visitor_id]):
            outcome = desk.run(*argv, "--output", str(target))
            assert outcome.status != 0 and outcome.one_error_line(), (target, argv)
            assert "--force" in outcome.stderr
    assert notes.read_text() == "jangan ditimpa"
    assert database_copy.read_bytes() == desk.db.read_bytes()
    assert device.is_symlink() and fifo.is_fifo()
    assert _prints(desk) == 0
    forced = desk.run("muster", "--output", str(notes), "--force")
    assert forced.status == 0, forced
    assert notes.read_bytes().startswith(b"%PDF-")
    assert _leftovers(out) == []


def test_a_folder_is_never_replaced_and_nothing_is_left_behind(desk: Desk, out: Path) -> None:
    folder = out / "receipts"
    folder.mkdir()
    (folder / "old.pdf").write_bytes(b"%PDF-1.4 old")
    for extra in ([], ["--force"]):
        outcome = desk.run("receipt", desk.receipt, "--output", str(folder), *extra)
        assert outcome.status != 0 and outcome.one_error_line(), outcome
    assert sorted(p.name for p in out.iterdir()) == ["receipts"]
    assert sorted(p.name for p in folder.iterdir()) == ["old.pdf"]


def test_an_existing_pdf_is_replaced_whole(desk: Desk, out: Path) -> None:
    target = out / "muster.pdf"
    target.write_bytes(b"%PDF-1.4 an older list")
    outcome = desk.run("muster", "--output", str(target))
    assert outcome.status == 0, outcome
    assert target.read_bytes().startswith(b"%PDF-") and len(target.read_bytes()) > 1000
    assert _leftovers(out) == []


def test_a_write_that_fails_leaves_no_temporary_file(
    desk: Desk, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_room(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli_support.os, "replace", no_room)
    target = out / "r.pdf"
    outcome = desk.run("receipt", desk.receipt, "--output", str(target))
    assert outcome.status == 1 and outcome.one_error_line() and "No space" in outcome.stderr
    assert list(out.iterdir()) == []
    assert _prints(desk) == 0


def test_backup_into_a_missing_folder_is_refused(desk: Desk, out: Path) -> None:
    missing = out / "backups"
    outcome = desk.run("backup", f"{missing}/")
    assert outcome.status != 0 and outcome.one_error_line(), outcome
    assert "does not exist" in outcome.stderr
    assert list(out.iterdir()) == []
    missing.mkdir()
    done = desk.run("backup", f"{missing}/")
    assert done.status == 0, done
    assert [p.suffix for p in missing.iterdir()] == [".sqlite3"]


def test_output_files_are_readable_only_by_their_owner(desk: Desk, out: Path) -> None:
    outcome = desk.run("receipt", desk.receipt, "--output", str(out / "r.pdf"))
    assert outcome.status == 0
    assert (out / "r.pdf").stat().st_mode & 0o777 == 0o600
