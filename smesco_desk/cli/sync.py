"""Several desks on a central PostgreSQL: `sync enroll|run|status|conflicts|resolve`."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from smesco_desk.cli.support import (
    EXIT_OK,
    CliError,
    Commands,
    Parser,
    Subcommands,
    json_text,
    open_desk,
)
from smesco_desk.services.actors import cli_actor
from smesco_desk.services.core import Core


def register(sub: Subcommands) -> Commands:
    sync = sub.add_parser("sync", help="several desks on a central PostgreSQL")
    actions = sync.add_subparsers(dest="sync_command", required=True, parser_class=Parser)
    enroll = actions.add_parser("enroll", help="join this desk to a central server")
    enroll.add_argument("--server", required=True, help="SQLAlchemy PostgreSQL URL")
    enroll.add_argument("--desk", required=True, help="this desk's code, e.g. D02")
    run = actions.add_parser("run", help="push and pull once")
    run.add_argument("--json", action="store_true")
    status = actions.add_parser("status", help="link, waiting operations, conflicts")
    status.add_argument("--json", action="store_true")
    conflicts = actions.add_parser("conflicts", help="list conflicts")
    conflicts.add_argument("--all", action="store_true", help="resolved ones too")
    conflicts.add_argument("--json", action="store_true")
    resolve = actions.add_parser("resolve", help="resolve a conflict")
    resolve.add_argument("conflict", metavar="CONFLICT_ID")
    resolve.add_argument("--choice", choices=["keep", "restore"], required=True)
    resolve.add_argument("--note", default="")
    return {"sync": cmd_sync}


def cmd_sync(args: argparse.Namespace) -> int:
    # Enrolling may start a new desk (it downloads everything); the rest need one.
    core = open_desk(args, create=args.sync_command == "enroll")
    return _ACTIONS[args.sync_command](args, core)


def _enroll(args: argparse.Namespace, core: Core) -> int:
    print(core.sync.enroll(args.server, args.desk).summary())
    return EXIT_OK


def _run(args: argparse.Namespace, core: Core) -> int:
    report = core.sync.run_once()
    if args.json:
        print(json_text(report.to_json()))
    else:
        print(f"sent {report.sent}, received {report.received}, conflicts {report.conflicts}")
    if report.error:
        raise CliError(report.error)
    return EXIT_OK


def _status(args: argparse.Namespace, core: Core) -> int:
    status = core.sync.status()
    if args.json:
        print(json_text(status.to_json()))
    else:
        for key, value in status.to_json().items():
            print(f"{key}: {'-' if value is None else value}")
    return EXIT_OK


def _conflicts(args: argparse.Namespace, core: Core) -> int:
    found = core.sync.conflicts(open_only=not args.all)
    if args.json:
        print(json_text([c.to_json() for c in found]))
    for c in [] if args.json else found:
        fields = ",".join(c.changed_fields())
        print(f"{c.id}\t{c.status}\t{c.kind}\t{c.entity}\t{c.desk_code}\t{fields}\t{c.reason}")
    return EXIT_OK


def _resolve(args: argparse.Namespace, core: Core) -> int:
    info = core.sync.resolve_conflict(cli_actor(), args.conflict.strip(), args.choice, args.note)
    print(f"{info.id}\t{info.status}\t{info.resolution}")
    return EXIT_OK


_ACTIONS: dict[str, Callable[[argparse.Namespace, Core], int]] = {
    "enroll": _enroll,
    "run": _run,
    "status": _status,
    "conflicts": _conflicts,
    "resolve": _resolve,
}
