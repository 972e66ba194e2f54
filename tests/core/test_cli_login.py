"""Who may do what on the command line (issue 9, item 10).

Set-up and IT jobs need no login; commands that move money or touch personal
data act as a supervisor or administrator who gives `--user NAME` and a
password (from the terminal, or one line of standard input), and the audit
records that user. A wrong password, an unknown user or a receptionist: one
line, a non-zero status, nothing done (but a wrong password counts towards the
lock at this desk, smesco_desk.services.logins).
"""

from __future__ import annotations

import os
import pty
import select
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from tests.core.helpers_cli import Desk, dump, make_desk
from tests.core.helpers_core import ROOT, USER_PASSWORD


@pytest.fixture
def desk(core: Core, data_dir: Path, supervisor: Actor, receptionist: Actor) -> Desk:
    """A desk with a supervisor, a receptionist, a visitor and a receipt."""
    return make_desk(core, data_dir, receptionist)


def _guarded(desk: Desk) -> dict[str, list[str]]:
    """Each guarded command, with its own arguments (valid ones)."""
    backup = desk.folder.parent / "copy.sqlite3"
    return {
        "void-receipt": ["void-receipt", desk.receipt, "--reason", "Salah input jumlah"],
        "export-visitor": ["export-visitor", desk.visitor_id],
        "erase-visitor": ["erase-visitor", desk.visitor_id],
        "restore": ["restore", str(backup), "--yes"],
        "sell": ["sell", "--item", "print_bw", "--method", "cash"],
    }


def _make_backup(desk: Desk) -> None:
    assert desk.run("backup", str(desk.folder.parent / "copy.sqlite3")).status == 0


def test_guarded_commands_without_a_user_are_refused(desk: Desk) -> None:
    _make_backup(desk)
    before = dump(desk.db)
    for name, argv in _guarded(desk).items():
        outcome = desk.run(*argv, stdin=USER_PASSWORD + "\n")
        assert outcome.status == 2 and outcome.one_error_line(), (name, outcome)
        assert "--user" in outcome.stderr, name
    assert dump(desk.db) == before


@pytest.mark.parametrize(
    ("user", "password"),
    [
        ("supervisor", "salah-sandi-1"),
        ("nobody", USER_PASSWORD),
        ("resepsionis", USER_PASSWORD),
        ("supervisor", ""),
    ],
    ids=["wrong password", "unknown user", "receptionist", "no password"],
)
def test_wrong_password_unknown_user_or_receptionist_does_nothing(
    desk: Desk, user: str, password: str
) -> None:
    _make_backup(desk)
    before = dump(desk.db)
    for name, argv in _guarded(desk).items():
        if name == "sell" and user == "resepsionis":
            continue  # a sale is a receptionist's job (below)
        outcome = desk.run(*argv, "--user", user, stdin=password + "\n")
        assert outcome.one_error_line(), (name, outcome)
        assert outcome.stdout == "", name
    # Only the desk's count of wrong passwords (and, at the fifth, the lock's
    # audit row and its outbox op) may change: a refused login does nothing else.
    changed = set(dump(desk.db).splitlines()) ^ set(before.splitlines())
    assert all(_login_security(line) for line in changed), sorted(changed)
    assert any("login_failures" in line for line in changed) == (user == "supervisor")


def _login_security(line: str) -> bool:
    return (
        line.startswith('INSERT INTO "login_failures"')
        or "user.locked" in line
        or line.startswith("INSERT INTO \"desk_counters\" VALUES('outbox'")
    )


def test_a_supervisor_acts_and_is_recorded_as_that_user(desk: Desk) -> None:
    login = ("--user", "supervisor")
    logins = rows_of(desk, "SELECT id FROM audit_log WHERE action = 'user.login'")
    void = desk.run(*_guarded(desk)["void-receipt"], *login, stdin=USER_PASSWORD + "\n")
    assert void.status == 0, void.stderr
    export = desk.run("export-visitor", desk.visitor_id, *login, stdin=USER_PASSWORD)
    assert export.status == 0 and '"Siti Rahayu"' in export.stdout, export.stderr
    erase = desk.run("erase-visitor", desk.visitor_id, *login, stdin=USER_PASSWORD + "\n")
    assert erase.status == 0, erase.stderr
    with_core = rows_of(desk, "SELECT action, actor, actor_kind FROM audit_log")
    for action in ("receipt.void", "privacy.export", "privacy.erase"):
        assert (action, "supervisor", "user") in with_core, action
    # A login on the command line writes nothing of its own.
    assert rows_of(desk, "SELECT id FROM audit_log WHERE action = 'user.login'") == logins
    voided_by = rows_of(desk, "SELECT voided_by FROM receipt_voids")
    assert voided_by == [("supervisor",)]


def test_restore_needs_a_supervisor(desk: Desk, core: Core) -> None:
    _make_backup(desk)
    desk.run("register", "--name", "Budi", "--phone", "0813 1111 2222", "--purpose", "meeting",
             "--consent")  # fmt: skip
    core.close()  # restore refuses while anyone has the database open
    before = dump(desk.db)
    argv = _guarded(desk)["restore"]
    refused = desk.run(*argv, "--user", "resepsionis", stdin=USER_PASSWORD + "\n")
    assert refused.one_error_line() and dump(desk.db) == before
    assert not list((desk.folder / "backups").glob("before-restore-*"))
    done = desk.run(*argv, "--user", "supervisor", stdin=USER_PASSWORD + "\n")
    assert done.status == 0, done.stderr
    assert dump(desk.db) != before


def test_set_up_and_reading_commands_need_no_login(desk: Desk, tmp_path: Path) -> None:
    for argv in (
        ["init"],
        ["visits", "--json"],
        ["receipts", "--json"],
        ["prices", "--json"],
        ["backup", str(tmp_path / "b.sqlite3")],
        ["muster", "--output", str(tmp_path / "m.pdf")],
        ["receipt", desk.receipt, "--output", str(tmp_path / "r.pdf")],
        ["sync", "status", "--json"],
    ):
        outcome = desk.run(*argv)
        assert outcome.status == 0, (argv, outcome.stderr)


def test_the_password_is_never_an_argument(desk: Desk) -> None:
    before = dump(desk.db)
    outcome = desk.run(
        "erase-visitor", desk.visitor_id, "--user", "supervisor", "--password", USER_PASSWORD
    )
    assert outcome.status == 2 and outcome.one_error_line()
    assert dump(desk.db) == before


def test_the_password_is_read_from_the_terminal_without_echo(desk: Desk) -> None:
    """With a terminal on standard input the password is asked for there (getpass)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "smesco_desk", "--data-dir", str(desk.folder)]
        + ["export-visitor", desk.visitor_id, "--user", "supervisor"],
        stdin=slave,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        start_new_session=True,  # no controlling terminal: getpass uses stdin, the pty
    )
    os.close(slave)
    assert proc.stderr is not None
    try:
        prompt = b""
        while b"Password for supervisor" not in prompt:  # getpass flushes earlier input
            ready, _, _ = select.select([proc.stderr], [], [], 60)
            assert ready, "no password prompt"
            chunk = os.read(proc.stderr.fileno(), 1024)
            assert chunk, "no password prompt"
            prompt += chunk
        os.write(master, (USER_PASSWORD + "\n").encode())
        out, err = proc.communicate(timeout=60)
    finally:
        os.close(master)
    assert proc.returncode == 0, prompt + err
    assert USER_PASSWORD.encode() not in out + prompt + err
    assert b'"Siti Rahayu"' in out


def rows_of(desk: Desk, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(desk.db)
    try:
        return [tuple(r) for r in conn.execute(sql)]
    finally:
        conn.close()
