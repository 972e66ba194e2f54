"""Users and the audit log: `users` (who may log in), `user-deactivate`,
`user-reactivate` and `user-unlock` as an administrator who logs in, and
`audit` (who did what, when) as JSON, text or a CSV file for Excel.

A user's login name never changes, so it names the same person in every
audit row; `audit --actor NAME` filters by it (`--user` stays the login of
the commands that change something, as everywhere else on this command line).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from smesco_desk.cli.support import (
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    Commands,
    Subcommands,
    add_login,
    check_output,
    iso_date,
    json_text,
    login,
    open_desk,
    say,
    write_file,
)
from smesco_desk.clock import iso
from smesco_desk.services.actors import Permission, cli_actor
from smesco_desk.services.core import Core
from smesco_desk.services.users import UserInfo
from smesco_desk.values.audit import AuditFilter, AuditRecord

ADMIN = "an administrator"
CSV_BOM = b"\xef\xbb\xbf"


def register(sub: Subcommands) -> Commands:
    users = sub.add_parser("users", help="the users, their roles, and who is deactivated or locked")
    users.add_argument("--json", action="store_true")
    for name, what in (
        ("user-deactivate", "deactivate a user (history kept, login refused)"),
        ("user-reactivate", "let a deactivated user log in again"),
        ("user-unlock", "end a user's lock after wrong passwords at this desk"),
    ):
        command = sub.add_parser(name, help=what)
        command.add_argument("username", metavar="NAME")
        add_login(command, ADMIN)
    audit = sub.add_parser("audit", help="who did what, when (the audit log)")
    audit.add_argument("--actor", default="", metavar="NAME", help="a user name, or cli:NAME")
    audit.add_argument("--kind", default="", help="an action (user.login) or an area (user)")
    audit.add_argument(
        "--from", dest="date_from", type=iso_date, default=None, help="YYYY-MM-DD (WIB), inclusive"
    )
    audit.add_argument(
        "--to", dest="date_to", type=iso_date, default=None, help="YYYY-MM-DD (WIB), inclusive"
    )
    audit.add_argument("--limit", type=int, default=100, help="rows shown (not in --csv)")
    output = audit.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true")
    output.add_argument(
        "--csv",
        default=None,
        metavar="FILE.csv",
        help="write every matching row, for Excel (UTF-8 with BOM, ';')",
    )
    audit.add_argument("--force", action="store_true", help="replace FILE even if it is not a CSV")
    return {
        "users": cmd_users,
        "user-deactivate": cmd_user_deactivate,
        "user-reactivate": cmd_user_reactivate,
        "user-unlock": cmd_user_unlock,
        "audit": cmd_audit,
    }  # fmt: skip


def _user_json(u: UserInfo) -> dict[str, object]:
    return {
        "username": u.username,
        "full_name": u.full_name,
        "role": u.role.value,
        "active": u.active,
        "must_change_password": u.must_change_password,
        "locked_until": iso(u.locked_until),
        "last_login_at": iso(u.last_login_at),
    }


def cmd_users(args: argparse.Namespace) -> int:
    users = open_desk(args).users.list(cli_actor())
    if args.json:
        say(json_text([_user_json(u) for u in users]))
        return EXIT_OK
    for u in users:
        state = "active" if u.active else "deactivated"
        if u.locked_until is not None:
            state += f", locked until {iso(u.locked_until)}"
        say(f"{u.username}\t{u.full_name}\t{u.role.value}\t{state}")
    return EXIT_OK


def _target(core: Core, username: str) -> UserInfo:
    name = username.strip().lower()
    found = next((u for u in core.users.list(cli_actor()) if u.username == name), None)
    if found is None:
        raise CliError(f"no user named {username!r}")
    return found


def cmd_user_deactivate(args: argparse.Namespace) -> int:
    return _set_active(args, False)


def cmd_user_reactivate(args: argparse.Namespace) -> int:
    return _set_active(args, True)


def _set_active(args: argparse.Namespace, active: bool) -> int:
    core = open_desk(args)
    target = _target(core, args.username)
    actor = login(core, args.user, Permission.MANAGE_USERS)
    done = core.users.set_active(actor, target.id, active)
    say(f"{done.username}\t{'active' if done.active else 'deactivated'}")
    return EXIT_OK


def cmd_user_unlock(args: argparse.Namespace) -> int:
    core = open_desk(args)
    target = _target(core, args.username)
    actor = login(core, args.user, Permission.MANAGE_USERS)
    say(f"{core.users.unlock(actor, target.id).username}\tunlocked")
    return EXIT_OK


def _csv_path(raw: str, force: bool) -> Path:
    """Where the export goes: a FILE.csv; an earlier export (it starts with the
    BOM) is replaced, anything else only with --force (check_output's rules)."""
    if not raw.lower().endswith(".csv"):
        raise CliError("--csv: give a FILE.csv", EXIT_USAGE)
    if not force and os.path.isfile(raw):
        with open(raw, "rb") as existing:
            force = existing.read(len(CSV_BOM)) == CSV_BOM
    return check_output(raw, force)


def _record_json(r: AuditRecord) -> dict[str, object]:
    return {
        "at": iso(r.at),
        "actor": r.actor,
        "actor_name": r.actor_name,
        "actor_kind": r.actor_kind,
        "action": r.action,
        "entity": r.entity,
        "entity_id": r.entity_id,
        "desk": r.desk,
        "detail": r.detail,
    }


def cmd_audit(args: argparse.Namespace) -> int:
    path = _csv_path(args.csv, args.force) if args.csv is not None else None
    if args.limit < 1:
        raise CliError("--limit: give a number of rows above 0", EXIT_USAGE)
    core, actor = open_desk(args), cli_actor()
    flt = AuditFilter(args.actor, args.kind, args.date_from, args.date_to)
    if path is not None:
        write_file(path, core.audit.export_csv(actor, flt))
        say(f"{core.audit.count(actor, flt)} rows written to {path}")
        return EXIT_OK
    rows = core.audit.entries(actor, flt, 0, args.limit)
    if args.json:
        say(json_text([_record_json(r) for r in rows]))
        return EXIT_OK
    for r in rows:
        say(f"{iso(r.at)}\t{r.actor}\t{r.action}\t{r.entity}\t{r.detail_text}")
    return EXIT_OK
