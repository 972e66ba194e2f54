"""Helpers for the command-line tests: users with a password, the command line run
in this process (fast, for almost every case) or in a real one, and a dump of
the whole database.

In this process, `cli_main` gives a command what a new process would get: its
arguments, a pipe's content on standard input (not a terminal), its own stdout
and stderr, the core's default language, warnings logged by the core on stderr
(as Python's last-resort handler prints them when nothing is configured), and
an uncaught exception as a traceback and status 1. After each call it checks
that nothing of the command stayed behind: every core it opened is closed, the
working directory and the language are as they were. What the process would
not share with the tests is kept apart; what stays shared is cost only: the
font registry (found once per process) and the cheap password hashing of the
tests (logins still verify with the parameters stored in each hash).

`run_process` starts `python -m smesco_desk` for the few tests that are about the
process itself (see the module docstrings of test_cli.py and test_cli_login.py).
"""

from __future__ import annotations

import gettext
import io
import logging
import os
import sqlite3
import subprocess
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher

from smesco_desk import cli, i18n
from smesco_desk.cli import support as cli_support
from smesco_desk.paths import database_path
from smesco_desk.services import users as users_module
from smesco_desk.services.actors import SYSTEM, Actor, Role
from smesco_desk.services.core import Core, open_core
from tests.core.helpers_core import ROOT, cash, sale_form, visitor_form

PASSWORD = "rahasia-cli-1"
CHEAP = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)


def add_user(data_dir: Path, username: str, role: Role, password: str = PASSWORD) -> None:
    """A user of `role` in the desk's database (a cheap argon2 hash: the command
    line verifies it with the parameters stored in it)."""
    before = users_module._hasher
    users_module._hasher = CHEAP
    core = open_core(data_dir)
    try:
        core.users.create(SYSTEM, username, username.title(), password, role.value)
    finally:
        core.close()
        users_module._hasher = before


@dataclass(frozen=True)
class Outcome:
    status: int
    stdout: str
    stderr: str

    def one_error_line(self) -> bool:
        lines = self.stderr.splitlines()
        return self.status != 0 and len(lines) == 1 and lines[0].startswith("error: ")


def cli_main(*argv: str, stdin: str = "") -> Outcome:
    """`smesco-desk-admin ARGV` in this process; `stdin` is a pipe's content."""
    out, err = io.StringIO(), io.StringIO()
    with _as_a_new_process(stdin, err), redirect_stdout(out), redirect_stderr(err):
        status = _exit_status(list(argv))
    return Outcome(status, out.getvalue(), err.getvalue())


def _exit_status(argv: list[str]) -> int:
    """The status the interpreter would exit with after `main(argv)`."""
    try:
        return cli.main(argv)
    except SystemExit as exc:  # argparse's --help and --version, sys.exit()
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        print(exc.code, file=sys.stderr)
        return 1
    except Exception:  # what a process prints before it dies of it
        traceback.print_exc()
        return 1


@contextmanager
def _as_a_new_process(stdin: str, err: io.StringIO) -> Iterator[None]:
    """Standard input, the language and logging as a new process has them; then
    a check that the command left nothing of itself in this one."""
    saved_stdin, cwd = sys.stdin, os.getcwd()
    saved_language = (i18n._current, i18n._language)
    i18n._current, i18n._language = gettext.NullTranslations(), "id"
    last_resort = logging.StreamHandler(err)  # no formatter: the message alone
    last_resort.setLevel(logging.WARNING)
    root = logging.getLogger()
    root.addHandler(last_resort)
    sys.stdin = io.StringIO(stdin)
    try:
        yield
    finally:
        sys.stdin = saved_stdin
        root.removeHandler(last_resort)
        language = i18n._language
        i18n._current, i18n._language = saved_language
    assert not cli_support.opened, "the command left a core open"
    assert os.getcwd() == cwd, "the command changed the working directory"
    assert language == "id", "the command changed the core's language"


def run(data_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """`smesco-desk-admin --data-dir DATA_DIR ARGS` in this process, reported as
    `run_process` reports a real one."""
    outcome = cli_main("--data-dir", str(data_dir), *args, stdin=stdin)
    return subprocess.CompletedProcess(
        ["smesco-desk-admin", "--data-dir", str(data_dir), *args],
        outcome.status,
        outcome.stdout,
        outcome.stderr,
    )


def run_process(data_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
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


def dump(db: Path) -> str:
    """Every table's rows, as SQL (what any write would change)."""
    conn = sqlite3.connect(db)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


@dataclass(frozen=True)
class Desk:
    """A desk's data folder, as the command line sees it."""

    folder: Path
    db: Path
    visitor_id: str
    receipt: str

    def run(self, *argv: str, stdin: str = "") -> Outcome:
        return cli_main("--data-dir", str(self.folder), *argv, stdin=stdin)


def make_desk(core: Core, data_dir: Path, cashier: Actor) -> Desk:
    """A visitor registered and a receipt sold (Rp6.000 cash) by `cashier`."""
    visit = core.visitors.register(cashier, visitor_form())
    core.payments.open_shift(cashier, 100_000)
    receipt = core.payments.sell(cashier, sale_form(), cash(10_000))
    return Desk(data_dir, database_path(data_dir), visit.visitor_id, receipt.number)
