"""What every command of the command line shares: what an area registers, the
parser that refuses in one line, the checks of raw arguments, opening the core,
the login of a supervisor, JSON output, and files written whole or not at all.

The contract (README, "Command line"): exit status 0 on success; on bad input
one line on stderr, a non-zero status and nothing written. So arguments are
checked before anything is opened, a login writes nothing, and an output file
appears only complete, through a temporary file renamed into place.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import stat
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn, TextIO, TypeAlias

from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.paths import database_path, default_data_dir
from smesco_desk.private_files import write_private
from smesco_desk.services.actors import Actor, Permission, cli_user_actor, require
from smesco_desk.services.core import Core, open_core

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130
MAX_ARGUMENT = 4096  # characters; a path is at most this long, a name far shorter
PDF_MAGIC = b"%PDF-"
SUPERVISOR = "a supervisor or administrator"


class CliError(Exception):
    def __init__(self, message: str, status: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.status = status


# --- what an area registers ------------------------------------------------------


class Parser(argparse.ArgumentParser):
    """A parser whose refusals are a CliError: one line, status EXIT_USAGE."""

    def error(self, message: str) -> NoReturn:
        raise CliError(f"{self.prog}: {message}", EXIT_USAGE)


Handler: TypeAlias = Callable[[argparse.Namespace], int]
"""Runs one command with its parsed arguments; returns the exit status."""
Commands: TypeAlias = dict[str, Handler]
"""Command name -> its handler, as an area's `register` returns them."""
Subcommands: TypeAlias = "argparse._SubParsersAction[Parser]"
"""Where an area adds its commands (`add_parser`), in the order of `--help`."""


# --- printing -------------------------------------------------------------------


def say(text: str, stream: TextIO | None = None) -> None:
    """Print, whatever the text holds: a character the stream cannot encode is
    written as an escape rather than raising in the middle of an error message."""
    stream = stream or sys.stdout
    encoding = getattr(stream, "encoding", None) or "utf-8"
    print(text.encode(encoding, "backslashreplace").decode(encoding), file=stream)


def say_error(message: str) -> None:
    """The one line of a refusal, on stderr."""
    say("error: " + " ".join(message.splitlines()), sys.stderr)


def json_text(data: Any) -> str:
    """`--json` output: indented, non-ASCII characters as they are."""
    return json.dumps(data, ensure_ascii=False, indent=2)


# --- raw arguments ---------------------------------------------------------------


def check_arguments(argv: Sequence[str]) -> None:
    """Refuse what no command can take, before anything is parsed or opened:
    bytes that are not UTF-8 (Python hands them over as lone surrogates), NUL,
    and arguments longer than any path or name."""
    for index, arg in enumerate(argv):
        where = _argument_name(argv, index)
        if any("\ud800" <= c <= "\udfff" for c in arg):
            raise CliError(f"{where}: not valid UTF-8 text", EXIT_USAGE)
        if "\x00" in arg:
            raise CliError(f"{where}: contains a NUL character", EXIT_USAGE)
        if len(arg) > MAX_ARGUMENT:
            raise CliError(f"{where}: longer than {MAX_ARGUMENT} characters", EXIT_USAGE)


def iso_date(text: str) -> date:
    """An argparse type: a day written YYYY-MM-DD (WIB), between 1900 and 9000."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None
    if not 1900 <= day.year <= 9000:  # outside, a WIB day has no UTC bounds to search
        raise argparse.ArgumentTypeError(f"not a date between 1900 and 9000: {text!r}")
    return day


def _argument_name(argv: Sequence[str], index: int) -> str:
    arg = argv[index]
    if arg.startswith("--") and "=" in arg:
        return arg.split("=", 1)[0]
    if index > 0 and argv[index - 1].startswith("-") and not arg.startswith("-"):
        return argv[index - 1]
    return f"argument {index + 1}"


# --- opening the core -------------------------------------------------------------

opened: list[Core] = []  # closed when main returns (it may run in a longer process)


def open_desk(args: argparse.Namespace, *, create: bool = False) -> Core:
    """The core for the chosen database. Unless `create`, the database must exist
    and be set up: a mistyped --data-dir must not quietly start a new desk."""
    if args.database_url:
        core = open_core(database_url=args.database_url)
    else:
        data_dir = args.data_dir or default_data_dir()
        if not create and not database_path(data_dir).exists():
            raise CliError(
                f"no Smesco Desk database in {data_dir}: check --data-dir"
                " (`init` sets up a new desk there)"
            )
        core = open_core(data_dir)
    opened.append(core)
    if not create and not core.setup.is_initialized():
        raise CliError("the database is not set up: run `init` first")
    return core


def close_opened() -> None:
    """Close every core the command opened (main does, whatever happened)."""
    while opened:
        opened.pop().close()


# --- logging in ------------------------------------------------------------------


def add_login(parser: argparse.ArgumentParser, who: str) -> None:
    parser.add_argument(
        "--user",
        required=True,
        metavar="NAME",
        help=f"{who}; the password is read from the terminal (or one line of stdin)",
    )


def read_password(username: str) -> str:
    """From the terminal without echo, or one line of standard input when that is
    not a terminal (a script). Never from an argument: those show in `ps`."""
    stdin = sys.stdin
    try:
        if stdin is not None and stdin.isatty():
            return getpass.getpass(f"Password for {username}: ")
        line = stdin.readline() if stdin is not None else ""
    except EOFError:
        raise CliError("no password given") from None
    except UnicodeDecodeError:
        raise CliError("the password is not valid UTF-8 text") from None
    return line.removesuffix("\n").removesuffix("\r")


def login(core: Core, username: str, permission: Permission) -> Actor:
    """The user whose password is given, if their role may do `permission`.
    Writes nothing: the change itself is audited as this user."""
    found = core.users.check_password(username, read_password(username))
    actor = cli_user_actor(found.username, found.role, found.full_name, found.user_id)
    require(actor, permission)
    return actor


# --- output files ----------------------------------------------------------------


def add_output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--output", "-o", required=True, metavar="FILE.pdf")
    parser.add_argument("--force", action="store_true", help="replace FILE even if it is not a PDF")


def check_output(raw: str, force: bool) -> Path:
    """Where a PDF may be written: never over a folder, and over anything but a
    regular PDF file (a device, a document, a database) only with --force."""
    if not raw.strip():
        raise CliError("--output: give a file name", EXIT_USAGE)
    path = Path(raw)
    if raw.endswith(("/", os.sep)) or path.is_dir():
        raise CliError(f"--output: {raw} is a folder; give a file name", EXIT_USAGE)
    if force or not os.path.lexists(path):
        return path
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise CliError(f"--output: {raw}: {exc.strerror}; add --force to replace it") from None
    if not stat.S_ISREG(mode):
        raise CliError(f"--output: {raw} is not a regular file; add --force to replace it")
    if not _starts_with(path, PDF_MAGIC):
        raise CliError(f"--output: {raw} exists and is not a PDF; add --force to replace it")
    return path


def _starts_with(path: Path, magic: bytes) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(magic)) == magic
    except OSError:
        return False


def write_file(path: Path, data: bytes) -> None:
    """Write `data` to `path` whole or not at all, 0600 (see write_private)."""
    write_private(path, data, durable=True)


def one_line(error: DomainError) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(f"{field}: {msg}" for field, msg in error.errors.items())
    return error.message
