"""Command line for administrators and scripts: `python -m smesco_desk ...`.

Set-up and IT jobs need no login: they act as the operating-system user,
recorded so in the audit log. Commands that move money or touch personal data
(`sell`, `void-receipt`, `export-visitor`, `erase-visitor`, `restore`) act as a
user who gives `--user NAME` and their password, and are recorded as that user.
Exit status 0 on success; on bad input one line on stderr, a non-zero status,
and nothing written.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from sqlalchemy.exc import OperationalError

from smesco_desk.cli_sale import add_sale_parsers, cmd_prices, cmd_sell
from smesco_desk.cli_support import (
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    add_login,
    add_output,
    check_arguments,
    check_output,
    login,
    one_line,
    say,
    say_error,
    write_file,
)
from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.paths import database_path, default_data_dir
from smesco_desk.services.actors import Permission, cli_actor
from smesco_desk.services.core import Core, open_core
from smesco_desk.values.payments import ReceiptFilter, ReceiptRecord
from smesco_desk.values.visitors import VisitFilter, VisitorForm, VisitRecord, VisitScope

LOCKED = "another program is writing to the database; try again in a moment"
SUPERVISOR = "a supervisor or administrator"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise CliError(f"{self.prog}: {message}", EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="smesco-desk-admin", description="Smesco Desk administration")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--data-dir", type=Path, help="data folder (SQLite database)")
    where.add_argument("--database-url", help="SQLAlchemy database URL instead of the folder")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    init = sub.add_parser("init", help="create or upgrade the database")
    init.add_argument("--desk", default=None, help="this desk's code (default D01)")
    sub.add_parser("seed-demo", help="fill realistic demo data")

    visits = sub.add_parser("visits", help="list visits")
    visits.add_argument("--today", action="store_true")
    visits.add_argument("--in-building", action="store_true")
    visits.add_argument("--search", default="", help="name, organisation, host or badge")
    visits.add_argument("--json", action="store_true")

    reg = sub.add_parser("register", help="register a walk-in visitor and check them in")
    reg.add_argument("--name", required=True)
    reg.add_argument("--phone", required=True)
    reg.add_argument("--purpose", required=True)
    reg.add_argument("--organisation", default="")
    reg.add_argument("--host", default="")
    reg.add_argument("--nik", default="")
    reg.add_argument("--consent", action="store_true", help="the visitor consented")
    reg.add_argument("--json", action="store_true")

    out = sub.add_parser("checkout", help="check a visit out")
    out.add_argument("key", metavar="VISIT_ID_OR_BADGE_NUMBER")
    out.add_argument("--json", action="store_true")

    sub.add_parser("auto-checkout", help="check out visits left open past closing time")

    badge = sub.add_parser("badge", help="write a visit's badge as PDF")
    badge.add_argument("visit", metavar="VISIT_ID")
    add_output(badge)
    badge.add_argument("--format", choices=["card", "label"], default="card")
    badge.add_argument("--copy", action="store_true", help="mark as a reprint (SALINAN)")

    muster = sub.add_parser("muster", help="write the evacuation muster list as PDF")
    add_output(muster)

    sub.add_parser("purge-expired", help="erase visitors past the retention period")
    export = sub.add_parser("export-visitor", help="a person's stored data as JSON")
    export.add_argument("visitor", metavar="VISITOR_ID")
    add_login(export, SUPERVISOR)
    erase = sub.add_parser("erase-visitor", help="erase a person's data on request")
    erase.add_argument("visitor", metavar="VISITOR_ID")
    add_login(erase, SUPERVISOR)

    backup = sub.add_parser("backup", help="consistent copy of the database")
    backup.add_argument("dest", metavar="DEST")
    restore = sub.add_parser("restore", help="replace the database with a backup")
    restore.add_argument("source", type=Path, metavar="BACKUP_FILE")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    add_login(restore, SUPERVISOR)

    receipts = sub.add_parser("receipts", help="list receipts (kuitansi) of a day")
    receipts.add_argument("--date", type=_iso_date, default=None, help="YYYY-MM-DD (WIB)")
    receipts.add_argument("--search", default="", help="number, payer or amount")
    receipts.add_argument("--json", action="store_true")

    receipt = sub.add_parser("receipt", help="write a receipt as PDF (a reprint is SALINAN)")
    receipt.add_argument("number", metavar="NUMBER")
    add_output(receipt)
    receipt.add_argument("--format", choices=["thermal", "a5"], default="thermal")

    void = sub.add_parser("void-receipt", help="void (BATAL) a receipt, with a reason")
    void.add_argument("number", metavar="NUMBER")
    void.add_argument("--reason", required=True)
    void.add_argument("--json", action="store_true")
    add_login(void, SUPERVISOR)
    add_sale_parsers(sub)
    _add_sync_parser(sub)
    return parser


def _add_sync_parser(sub: Any) -> None:
    sync = sub.add_parser("sync", help="several desks on a central PostgreSQL")
    actions = sync.add_subparsers(dest="sync_command", required=True, parser_class=_Parser)
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


def _iso_date(text: str) -> date:
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None
    if not 1900 <= day.year <= 9000:  # outside, a WIB day has no UTC bounds to search
        raise argparse.ArgumentTypeError(f"not a date between 1900 and 9000: {text!r}")
    return day


def _open(args: argparse.Namespace, *, create: bool = False) -> Core:
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
    _opened.append(core)
    if not create and not core.setup.is_initialized():
        raise CliError("the database is not set up: run `init` first")
    return core


_opened: list[Core] = []  # closed when main returns (it may run in a longer process)


def _print_visits(visits: Sequence[VisitRecord], as_json: bool) -> None:
    if as_json:
        print(json.dumps([v.to_json() for v in visits], ensure_ascii=False, indent=2))
        return
    for v in visits:
        j = v.to_json()
        out = j["checked_out_at"] or "-"
        print(
            f"{v.badge_number}\t{v.name}\t{v.organisation}\t{v.purpose_code}\t"
            f"{j['checked_in_at']}\t{out}"
        )


def cmd_init(args: argparse.Namespace) -> int:
    core = _open(args, create=True)
    code = core.setup.initialize(args.desk or "D01")
    print(f"database ready: {core.db.url} (desk {code})")
    return EXIT_OK


def cmd_seed_demo(args: argparse.Namespace) -> int:
    from smesco_desk.demo import seed_demo

    core = _open(args, create=True)
    info = seed_demo(core)
    print(info.summary())
    return EXIT_OK


def cmd_visits(args: argparse.Namespace) -> int:
    core = _open(args)
    scope = VisitScope.HISTORY
    if args.in_building:
        scope = VisitScope.IN_BUILDING
    elif args.today:
        scope = VisitScope.TODAY
    flt = VisitFilter(scope, args.search)
    visits = core.visitors.list_visits(flt, 0, 10_000_000)
    if args.in_building and args.today:
        today = {
            v.id for v in core.visitors.list_visits(VisitFilter(VisitScope.TODAY), 0, 10_000_000)
        }
        visits = [v for v in visits if v.id in today]
    _print_visits(visits, args.json)
    return EXIT_OK


def cmd_register(args: argparse.Namespace) -> int:
    form = VisitorForm(
        name=args.name,
        phone=args.phone,
        purpose=args.purpose,
        organisation=args.organisation,
        nik=args.nik,
        host=args.host,
        consent=args.consent,
    )
    core = _open(args)
    core.visitors.validate_form(form)  # before anything is written
    visit = core.visitors.register(cli_actor(), form)
    if args.json:
        print(json.dumps(visit.to_json(), ensure_ascii=False, indent=2))
    else:
        print(f"{visit.badge_number}\t{visit.name}\t{visit.id}")
    return EXIT_OK


def cmd_checkout(args: argparse.Namespace) -> int:
    core = _open(args)
    result = core.visitors.check_out(cli_actor(), args.key, method="cli")
    if args.json:
        print(json.dumps(result.visit.to_json(), ensure_ascii=False, indent=2))
    else:
        print(f"{result.visit.badge_number}\t{result.visit.name}\tchecked out")
    return EXIT_OK


def cmd_auto_checkout(args: argparse.Namespace) -> int:
    core = _open(args)
    print(f"checked out: {core.visitors.auto_check_out(cli_actor())}")
    return EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    # Enrolling may start a new desk (it downloads everything); the rest need one.
    core = _open(args, create=args.sync_command == "enroll")
    command = args.sync_command
    if command == "enroll":
        print(core.sync.enroll(args.server, args.desk).summary())
        return EXIT_OK
    if command == "run":
        report = core.sync.run_once()
        if args.json:
            print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        else:
            print(f"sent {report.sent}, received {report.received}, conflicts {report.conflicts}")
        if report.error:
            raise CliError(report.error)
        return EXIT_OK
    if command == "status":
        status = core.sync.status()
        if args.json:
            print(json.dumps(status.to_json(), ensure_ascii=False, indent=2))
        else:
            for key, value in status.to_json().items():
                print(f"{key}: {'-' if value is None else value}")
        return EXIT_OK
    if command == "conflicts":
        found = core.sync.conflicts(open_only=not args.all)
        if args.json:
            print(json.dumps([c.to_json() for c in found], ensure_ascii=False, indent=2))
        for c in [] if args.json else found:
            fields = ",".join(c.changed_fields())
            print(f"{c.id}\t{c.status}\t{c.kind}\t{c.entity}\t{c.desk_code}\t{fields}\t{c.reason}")
        return EXIT_OK
    info = core.sync.resolve_conflict(cli_actor(), args.conflict.strip(), args.choice, args.note)
    print(f"{info.id}\t{info.status}\t{info.resolution}")
    return EXIT_OK


def cmd_badge(args: argparse.Namespace) -> int:
    output = check_output(args.output, args.force)
    core = _open(args)
    render = core.visitors.badge_label_pdf if args.format == "label" else core.visitors.badge_pdf
    pdf = render(args.visit.strip(), copy=args.copy)
    write_file(output, pdf)
    say(f"badge written: {output}")
    return EXIT_OK


def cmd_muster(args: argparse.Namespace) -> int:
    output = check_output(args.output, args.force)
    core = _open(args)
    # With several desks the list says how current it is (the last sync).
    last_sync = core.sync.status().last_sync_at if core.sync.is_enrolled() else None
    write_file(output, core.visitors.muster_pdf(cli_actor(), last_sync))
    say(f"muster list written: {output}")
    return EXIT_OK


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
    core = _open(args)
    result = core.maintenance.backup(cli_actor(), dest)
    print(
        f"backup written: {result.path} ({result.size_bytes} bytes, integrity {result.integrity})"
    )
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    core = _open(args)
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


def _receipt_lines(receipts: Sequence[ReceiptRecord], as_json: bool) -> None:
    if as_json:
        print(json.dumps([r.to_json() for r in receipts], ensure_ascii=False, indent=2))
        return
    for r in receipts:
        j = r.to_json()
        state = "VOID" if r.voided else ""
        print(f"{r.number}\t{j['issued_at']}\t{r.payer_name}\t{r.method}\t{r.total}\t{state}")


def cmd_receipts(args: argparse.Namespace) -> int:
    core = _open(args)
    flt = ReceiptFilter(
        day=args.date, text=args.search, all_days=bool(args.search) and not args.date
    )
    found = core.payments.receipts(flt)
    _receipt_lines(list(reversed(found)), args.json)  # oldest first, as issued
    return EXIT_OK


def cmd_receipt(args: argparse.Namespace) -> int:
    """The print is recorded only once the file is written: a path that cannot be
    written must not make the first real print a SALINAN."""
    output = check_output(args.output, args.force)
    core = _open(args)
    actor = cli_actor()
    record, pdf = core.payments.receipt_pdf(actor, args.number, args.format, record_print=False)
    write_file(output, pdf)
    noted = core.payments.record_print(actor, record.id, args.format)
    if noted.print_count != record.print_count:  # printed elsewhere meanwhile: a copy
        record, pdf = core.payments.receipt_pdf(actor, record.id, args.format, record_print=False)
        write_file(output, pdf)
    copy = " (SALINAN)" if record.print_count else ""
    say(f"receipt {record.number} written{copy}: {output}")
    return EXIT_OK


def cmd_void_receipt(args: argparse.Namespace) -> int:
    core = _open(args)
    actor = login(core, args.user, Permission.VOID_RECEIPT)
    record = core.payments.void(actor, args.number, args.reason)
    _receipt_lines([record], args.json)
    return EXIT_OK


def cmd_purge_expired(args: argparse.Namespace) -> int:
    core = _open(args)
    print(f"visitors erased: {core.privacy.purge_expired(cli_actor())}")
    print(f"backups removed: {len(core.maintenance.purge_old_backups())}")
    return EXIT_OK


def cmd_export_visitor(args: argparse.Namespace) -> int:
    core = _open(args)
    actor = login(core, args.user, Permission.MANAGE_PERSONAL_DATA)
    data = core.privacy.export_visitor(actor, args.visitor.strip())
    print(json.dumps(data, ensure_ascii=False, indent=2))
    return EXIT_OK


def cmd_erase_visitor(args: argparse.Namespace) -> int:
    core = _open(args)
    actor = login(core, args.user, Permission.MANAGE_PERSONAL_DATA)
    visits = core.privacy.erase_visitor(actor, args.visitor.strip())
    days = core.maintenance.backup_retention_days()
    print(f"visitor erased ({visits} visits blanked)")
    print(f"backups made before now keep a copy until they are removed after {days} days")
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": cmd_init,
    "seed-demo": cmd_seed_demo,
    "visits": cmd_visits,
    "register": cmd_register,
    "checkout": cmd_checkout,
    "auto-checkout": cmd_auto_checkout,
    "badge": cmd_badge,
    "muster": cmd_muster,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "receipts": cmd_receipts,
    "receipt": cmd_receipt,
    "void-receipt": cmd_void_receipt,
    "purge-expired": cmd_purge_expired,
    "export-visitor": cmd_export_visitor,
    "erase-visitor": cmd_erase_visitor,
    "sell": lambda args: cmd_sell(args, _open(args)),
    "prices": lambda args: cmd_prices(args, _open(args)),
    "sync": cmd_sync,
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        check_arguments(argv)
        args = build_parser().parse_args(argv)
        return COMMANDS[args.command](args)
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
        while _opened:
            _opened.pop().close()
