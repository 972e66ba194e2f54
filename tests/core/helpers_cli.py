"""Helpers for the command-line tests: users with a password, the command line run
in this process (fast, for many cases), and a dump of the whole database."""

from __future__ import annotations

import io
import sqlite3
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher

from smesco_desk import cli
from smesco_desk.paths import database_path
from smesco_desk.services import users as users_module
from smesco_desk.services.actors import SYSTEM, Actor, Role
from smesco_desk.services.core import Core, open_core
from tests.core.helpers_core import cash, sale_form, visitor_form

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
    saved = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            status = cli.main(list(argv))
    finally:
        sys.stdin = saved
    return Outcome(status, out.getvalue(), err.getvalue())


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
