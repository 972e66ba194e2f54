"""The watchlist (daftar pantauan) on the command line, as a supervisor who logs
in: list it, add a person, take one off (issue 13). It is personal data, so
even the list needs a login (`watchlist-remove` blanks the person's data at
every desk). The NIK is read only to be turned into its pseudonym; the list
shows it masked."""

from __future__ import annotations

import argparse
from typing import Any

from smesco_desk.cli.support import (
    EXIT_OK,
    SUPERVISOR,
    Commands,
    Subcommands,
    add_login,
    iso_date,
    json_text,
    login,
    open_desk,
    say,
)
from smesco_desk.domain.watchlist import WatchKind
from smesco_desk.services.actors import Permission
from smesco_desk.values.watchlist import WatchlistForm, WatchlistRecord


def register(sub: Subcommands) -> Commands:
    listing = sub.add_parser("watchlist", help="the watchlist: people refused or needing approval")
    listing.add_argument("--all", action="store_true", help="entries that ended too")
    listing.add_argument("--json", action="store_true")
    add_login(listing, SUPERVISOR)

    add = sub.add_parser("watchlist-add", help="put a person on the watchlist")
    add.add_argument("--name", required=True)
    add.add_argument("--reason", required=True, help="what the desk reads when they register")
    add.add_argument("--kind", required=True, choices=[k.value for k in WatchKind])
    add.add_argument("--phone", default="")
    add.add_argument("--nik", default="", help="kept only as its keyed pseudonym")
    add.add_argument("--until", type=iso_date, default=None, help="last day, YYYY-MM-DD (WIB)")
    add.add_argument("--json", action="store_true")
    add_login(add, SUPERVISOR)

    remove = sub.add_parser("watchlist-remove", help="take a person off the watchlist")
    remove.add_argument("entry_id", metavar="ENTRY_ID", help="as `watchlist --json` lists it")
    add_login(remove, SUPERVISOR)
    return {
        "watchlist": cmd_watchlist,
        "watchlist-add": cmd_watchlist_add,
        "watchlist-remove": cmd_watchlist_remove,
    }


def entry_json(entry: WatchlistRecord) -> dict[str, Any]:
    return {
        "id": entry.id,
        "name": entry.full_name,
        "phone": entry.phone,
        "nik_masked": entry.nik_masked,
        "kind": entry.kind,
        "reason": entry.reason,
        "until": entry.until.isoformat() if entry.until else None,
        "in_force": entry.in_force,
        "added_by": entry.added_by,
    }


def cmd_watchlist(args: argparse.Namespace) -> int:
    core = open_desk(args)
    actor = login(core, args.user, Permission.MANAGE_WATCHLIST)
    entries = core.watchlist.entries(actor, include_ended=args.all)
    if args.json:
        say(json_text([entry_json(e) for e in entries]))
        return EXIT_OK
    for e in entries:
        until = e.until.isoformat() if e.until else "-"
        say(f"{e.id}\t{e.kind}\t{e.full_name}\t{e.phone or '-'}\t{until}\t{e.reason}")
    return EXIT_OK


def cmd_watchlist_add(args: argparse.Namespace) -> int:
    core = open_desk(args)
    actor = login(core, args.user, Permission.MANAGE_WATCHLIST)
    form = WatchlistForm(args.name, args.reason, args.kind, args.phone, args.nik, args.until)
    entry = core.watchlist.save(actor, form)
    say(json_text(entry_json(entry)) if args.json else entry.id)
    return EXIT_OK


def cmd_watchlist_remove(args: argparse.Namespace) -> int:
    core = open_desk(args)
    actor = login(core, args.user, Permission.MANAGE_WATCHLIST)
    core.watchlist.remove(actor, args.entry_id)
    return EXIT_OK
