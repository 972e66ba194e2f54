"""The food court's turnover at the command line (registered by cli/foodcourt):
entering a tenant's sales of a day (`turnover`), the monthly turnover report
as JSON, text, an A4 PDF or a spreadsheet (`turnover-report`), and charging a
closed month's turnover rent (`post-turnover-rent`, idempotent).

Amounts are typed as at the desk (`1.250.000`, `Rp1.250.000`, `1250000`);
months as `YYYY-MM`. Entering and charging act as `--user` or, without it, as
the operating-system user (`cli:<name>`); reading needs no login.
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
    check_output,
    iso_date,
    json_text,
    login,
    open_desk,
    say,
    write_file,
)
from smesco_desk.domain.money import InvalidAmount, parse_rupiah
from smesco_desk.domain.turnover import format_percent, parse_month
from smesco_desk.services.actors import Actor, Permission, cli_actor
from smesco_desk.services.core import Core
from smesco_desk.values.turnover import TurnoverCell

XLSX_MAGIC = b"PK\x03\x04"


def register(sub: Subcommands) -> Commands:
    enter = sub.add_parser("turnover", help="enter a tenant's sales (turnover) of a day")
    enter.add_argument("--tenant", required=True, metavar="TENANT_ID")
    enter.add_argument("--date", required=True, type=iso_date, metavar="YYYY-MM-DD")
    enter.add_argument("--amount", required=True, type=amount, metavar="RP",
                       help="rupiah, e.g. 1.250.000 (0: closed that day)")  # fmt: skip
    enter.add_argument("--json", action="store_true")
    _optional_login(enter)

    report = sub.add_parser("turnover-report", help="a month's turnover per floor and tenant")
    report.add_argument("--month", required=True, type=month, metavar="YYYY-MM")
    report.add_argument("--output", "-o", default=None, metavar="FILE.pdf|FILE.xlsx")
    report.add_argument("--force", action="store_true", help="replace FILE whatever it holds")
    report.add_argument("--json", action="store_true")

    post = sub.add_parser("post-turnover-rent", help="charge a closed month's turnover rent")
    post.add_argument("--month", required=True, type=month, metavar="YYYY-MM")
    post.add_argument("--json", action="store_true")
    _optional_login(post)
    return {
        "turnover": cmd_turnover,
        "turnover-report": cmd_turnover_report,
        "post-turnover-rent": cmd_post_turnover_rent,
    }


def _optional_login(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", default=None, metavar="NAME",
                        help="act as this user (the tenant manager); the password is read "
                             "from the terminal or stdin")  # fmt: skip


def _actor(core: Core, args: argparse.Namespace) -> Actor:
    return cli_actor() if args.user is None else login(core, args.user, Permission.MANAGE_LEASES)


def amount(text: str) -> int:
    try:
        return parse_rupiah(text)
    except InvalidAmount:
        raise argparse.ArgumentTypeError(f"not an amount in rupiah: {text!r}") from None


def month(text: str) -> object:
    try:
        return parse_month(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a month (YYYY-MM): {text!r}") from None


def _output(raw: str, force: bool) -> Path:
    """Where the report goes; its kind by the name's ending."""
    if not raw.lower().endswith((".pdf", ".xlsx")):
        raise CliError("--output: give a FILE.pdf or FILE.xlsx", EXIT_USAGE)
    path = Path(raw)
    if raw.lower().endswith(".xlsx") and not force and os.path.isfile(path):
        with path.open("rb") as existing:
            force = existing.read(4) == XLSX_MAGIC  # a spreadsheet is replaced
    return check_output(raw, force)


# --- handlers ---------------------------------------------------------------------------


def cmd_turnover(args: argparse.Namespace) -> int:
    core = open_desk(args)
    cell = TurnoverCell(args.tenant, args.date, args.amount)
    saved = core.foodcourt.record_turnover(_actor(core, args), [cell])
    if args.json:
        say(json_text({"tenant_id": args.tenant, "date": args.date.isoformat(),
                       "amount": args.amount, "changed": saved.written}))  # fmt: skip
    else:
        say(f"{args.tenant}\t{args.date}\t{args.amount}\t"
            f"{'saved' if saved.written else 'unchanged'}")  # fmt: skip
    return EXIT_OK


def cmd_turnover_report(args: argparse.Namespace) -> int:
    path = _output(args.output, args.force) if args.output is not None else None
    core = open_desk(args)
    if path is not None:
        xlsx = path.name.lower().endswith(".xlsx")
        data = (core.foodcourt.turnover_report_xlsx if xlsx
                else core.foodcourt.turnover_report_pdf)(args.month)  # fmt: skip
        write_file(path, data)
    report = core.foodcourt.turnover_report(args.month)
    if args.json:
        say(json_text(report.to_json()))
    elif path is None:
        for floor in report.floors:
            for t in floor.tenants:
                say(f"{floor.floor}\t{t.tenant}\t{t.stalls}\t{t.days_entered}\t{t.total}"
                    f"\t{t.average}\t{format_percent(t.rate_bp)}\t{t.rent}\t{t.state}")  # fmt: skip
        say(f"total\t{report.days_entered}\t{report.total}\t{report.rent}")
    else:
        say(f"{path}\twritten")
    return EXIT_OK


def cmd_post_turnover_rent(args: argparse.Namespace) -> int:
    core = open_desk(args)
    posting = core.foodcourt.post_turnover_rent(_actor(core, args), args.month)
    if args.json:
        say(json_text(posting.to_json()))
        return EXIT_OK
    for x in posting.leases:
        say(f"{x.stall_code}\t{x.tenant}\t{x.turnover}\t{x.base_rent}\t{x.rent}\t{x.state}")
    say(f"posted\t{posting.posted_now}\ttotal\t{posting.total}")
    return EXIT_OK


__all__ = ["register"]
