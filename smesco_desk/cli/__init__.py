"""Command line for administrators and scripts: `python -m smesco_desk ...`.

Set-up and IT jobs need no login: they act as the operating-system user,
recorded so in the audit log. Commands that move money or touch personal data
(`sell`, `book`, `cancel-booking`, `void-receipt`, `export-visitor`,
`erase-visitor`, `restore`) act as a user who gives `--user NAME` and their
password, and are recorded as that user.
Exit status 0 on success; on bad input one line on stderr, a non-zero status,
and nothing written.

Each area owns one module of this package that adds its commands to the parser
and returns their handlers (`register(sub) -> Commands`); AREAS lists them in
the order `--help` shows their commands. What they share is in `support`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from sqlalchemy.exc import OperationalError

from smesco_desk.cli import (
    bookings,
    foodcourt,
    maintenance,
    payments,
    setup,
    sync,
    tenant_documents,
    users,
    visitors,
    watchlist,
)
from smesco_desk.cli.support import (
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    CliError,
    Commands,
    Parser,
    Subcommands,
    check_arguments,
    close_opened,
    one_line,
    say_error,
)
from smesco_desk.errors import DomainError, ValidationError

LOCKED = "another program is writing to the database; try again in a moment"


class Area(Protocol):
    """A module of this package that adds an area's commands."""

    def register(self, sub: Subcommands) -> Commands:
        """Add the area's commands to `sub`; return each one's handler by name."""
        ...


AREAS: tuple[Area, ...] = (
    setup,  # init, seed-demo
    visitors,  # visits, register, checkout, ..., export-visitor, erase-visitor
    maintenance,  # backup, restore
    payments,  # receipts, receipt, void-receipt, sell, prices
    sync,  # sync enroll|run|status|conflicts|resolve
    bookings,  # spaces, bookings, book, cancel-booking
    foodcourt,  # stalls, add-stall, tenants, add-tenant, lease, leases, cancel-lease, ...
    tenant_documents,  # attach-document, tenant-documents, move-lease, cancel-conflicted-lease
    users,  # users, user-deactivate, user-reactivate, user-unlock, audit
    watchlist,  # watchlist, watchlist-add, watchlist-remove
)


def build_parser() -> tuple[Parser, Commands]:
    """The parser of every area's commands, and the handler of each command."""
    parser = Parser(prog="smesco-desk-admin", description="Smesco Desk administration")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--data-dir", type=Path, help="data folder (SQLite database)")
    where.add_argument("--database-url", help="SQLAlchemy database URL instead of the folder")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    commands: Commands = {}
    for area in AREAS:
        added = area.register(sub)
        twice = added.keys() & commands.keys()
        assert not twice, f"commands added by two areas: {sorted(twice)}"
        commands.update(added)
    assert commands.keys() == sub.choices.keys(), "a command without a handler, or the reverse"
    return parser, commands


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        check_arguments(argv)
        parser, commands = build_parser()
        args = parser.parse_args(argv)
        return commands[args.command](args)
    except CliError as exc:
        say_error(str(exc))
        return exc.status
    except DomainError as exc:
        say_error(one_line(exc))
        return EXIT_USAGE if isinstance(exc, ValidationError) else EXIT_ERROR
    except OperationalError as exc:
        # After the busy timeout: someone else holds the write lock.
        say_error(LOCKED if "locked" in str(exc.orig) else f"database: {exc.orig}")
        return EXIT_ERROR
    except OSError as exc:
        say_error(str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt:
        say_error("interrupted; nothing more was done")
        return EXIT_INTERRUPTED
    finally:
        close_opened()
