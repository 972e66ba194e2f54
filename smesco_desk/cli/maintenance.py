"""Keeping the database: `backup` (a consistent copy) and `restore` (replace the
database with a backup, as a supervisor who logs in)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from smesco_desk.cli.support import (
    EXIT_OK,
    EXIT_USAGE,
    SUPERVISOR,
    CliError,
    Commands,
    Subcommands,
    add_login,
    login,
    open_desk,
)
from smesco_desk.services.actors import Permission, cli_actor


def register(sub: Subcommands) -> Commands:
    backup = sub.add_parser("backup", help="consistent copy of the database")
    backup.add_argument("dest", metavar="DEST")
    restore = sub.add_parser("restore", help="replace the database with a backup")
    restore.add_argument("source", type=Path, metavar="BACKUP_FILE")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    add_login(restore, SUPERVISOR)
    return {"backup": cmd_backup, "restore": cmd_restore}


def _backup_dest(raw: str) -> Path:
    """`DIR/` names a folder: it must exist (else a file named like it is made)."""
    if not raw.strip():
        raise CliError("backup: give a file or a folder", EXIT_USAGE)
    dest = Path(raw)
    if raw.endswith(("/", os.sep)) and not dest.is_dir():
        raise CliError(f"backup: the folder {raw} does not exist")
    return dest


def cmd_backup(args: argparse.Namespace) -> int:
    dest = _backup_dest(args.dest)
    core = open_desk(args)
    result = core.maintenance.backup(cli_actor(), dest)
    print(
        f"backup written: {result.path} ({result.size_bytes} bytes, integrity {result.integrity})"
    )
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    core = open_desk(args)
    if not args.yes and not sys.stdin.isatty():
        raise CliError("restore replaces the database: add --yes to confirm", EXIT_USAGE)
    actor = login(core, args.user, Permission.BACKUP)
    if not args.yes:
        answer = input(f"Replace {core.db.url} with {args.source}? [y/N] ")
        if answer.strip().lower() not in ("y", "yes", "ya"):
            print("nothing changed")
            return EXIT_OK
    result = core.maintenance.restore(actor, args.source)
    print(f"restored from {args.source}; the replaced database is kept at {result.previous}")
    for gap in result.gaps:
        print(f"receipt numbers skipped: {gap.reason}")
    if result.erased_again:
        print(f"people erased again (the replaced database had erased them): {result.erased_again}")
    if result.receipts_held:
        print("receipts wait for a sync with the server before new numbers are issued")
    return EXIT_OK
