"""The food court's tenancy commands (registered by cli.foodcourt, after
`end-lease`): renewing a lease (`renew-lease`), returning its deposit less
deductions (`return-deposit`: a credit the cashier pays out with
`pay-refund`), and the documents: a tenant's statement (`statement`), the
lease agreement (`lease-agreement`) and the reminder letter for a tenant in
arrears (`reminder-letter`), each written as an A4 PDF to `--output`.

An unknown lease or tenant is one line on stderr and a non-zero status, and
no file is written. Commands act as `--user` (the password read as `book`
reads it) or, without it, as the operating-system user running the command
line.
"""

from __future__ import annotations

import argparse

from smesco_desk.cli.support import (
    EXIT_OK,
    Commands,
    Subcommands,
    add_output,
    check_output,
    iso_date,
    json_text,
    login,
    open_desk,
    say,
    write_file,
)
from smesco_desk.domain.money import format_rupiah
from smesco_desk.services.actors import Actor, Permission, cli_actor
from smesco_desk.services.core import Core


def register(sub: Subcommands) -> Commands:
    renew = sub.add_parser("renew-lease", help="renew a lease without a gap (extended, or a "
                           "following lease at a new rent)")  # fmt: skip
    renew.add_argument("lease_id", metavar="LEASE_ID")
    renew.add_argument("--end", required=True, type=iso_date, metavar="YYYY-MM-DD",
                       help="the new last day (included)")  # fmt: skip
    renew.add_argument("--rent", type=_rupiah, default=None, metavar="RP",
                       help="a new rent per period (default: the lease's own)")  # fmt: skip
    renew.add_argument("--json", action="store_true")
    _login(renew)

    back = sub.add_parser("return-deposit", help="return an ended lease's paid deposit, less "
                          "deductions")  # fmt: skip
    back.add_argument("lease_id", metavar="LEASE_ID")
    back.add_argument("--deduct", nargs=2, action="append", default=[],
                      metavar=("REASON", "RP"),
                      help="a deduction and its reason, e.g. --deduct 'Kerusakan meja' 150000 "
                      "(repeat for more)")  # fmt: skip
    back.add_argument("--json", action="store_true")
    _login(back)

    statement = sub.add_parser("statement", help="a tenant's statement (A4 PDF)")
    statement.add_argument("tenant_id", metavar="TENANT_ID")
    statement.add_argument("--as-of", type=iso_date, default=None, metavar="YYYY-MM-DD",
                           help="up to this day (WIB; today)")  # fmt: skip
    add_output(statement)
    _login(statement)

    agreement = sub.add_parser("lease-agreement", help="a lease's agreement (A4 PDF)")
    agreement.add_argument("lease_id", metavar="LEASE_ID")
    add_output(agreement)
    _login(agreement)

    reminder = sub.add_parser("reminder-letter", help="the reminder letter to a tenant in "
                              "arrears (A4 PDF)")  # fmt: skip
    reminder.add_argument("tenant_id", metavar="TENANT_ID")
    reminder.add_argument("--pay-by", type=iso_date, default=None, metavar="YYYY-MM-DD",
                          help="the day to pay by (default: a week from today)")  # fmt: skip
    add_output(reminder)
    _login(reminder)
    return {
        "renew-lease": cmd_renew_lease,
        "return-deposit": cmd_return_deposit,
        "statement": cmd_statement,
        "lease-agreement": cmd_lease_agreement,
        "reminder-letter": cmd_reminder_letter,
    }


def _login(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--user",
        default=None,
        metavar="NAME",
        help="act as this user (the tenant manager); the password is read from the "
        "terminal or stdin",
    )


def _actor(core: Core, args: argparse.Namespace, permission: Permission) -> Actor:
    return cli_actor() if args.user is None else login(core, args.user, permission)


def _rupiah(text: str) -> int:
    value = text.strip().replace(".", "").replace("_", "")
    if not (value.isascii() and value.isdigit()) or len(value) > 15:
        raise argparse.ArgumentTypeError(f"not an amount in rupiah: {text!r}")
    return int(value)


# --- handlers ---------------------------------------------------------------------------


def cmd_renew_lease(args: argparse.Namespace) -> int:
    core = open_desk(args)
    actor = _actor(core, args, Permission.MANAGE_LEASES)
    made = core.foodcourt.renew_lease(actor, args.lease_id, args.end, args.rent)
    if args.json:
        say(json_text(made.to_json()))
    else:
        say(f"{made.id}\t{made.stall_code}\t{made.starts_on}\t{made.ends_on}\t{made.rent}")
    return EXIT_OK


def cmd_return_deposit(args: argparse.Namespace) -> int:
    core = open_desk(args)
    deductions = [(reason, _rupiah(amount)) for reason, amount in args.deduct]
    actor = _actor(core, args, Permission.MANAGE_LEASES)
    done = core.foodcourt.return_deposit(actor, args.lease_id, deductions)
    if args.json:
        say(json_text(done.to_json()))
        return EXIT_OK
    say(f"deposit {format_rupiah(done.deposit)}, returned {format_rupiah(done.returned)}"
        + (f": pay it out with pay-refund {done.credit_id}" if done.credit_id else ""))  # fmt: skip
    return EXIT_OK


def cmd_statement(args: argparse.Namespace) -> int:
    output = check_output(args.output, args.force)
    core = open_desk(args)
    actor = _actor(core, args, Permission.MANAGE_TENANTS)
    write_file(output, core.foodcourt.statement_pdf(actor, args.tenant_id, args.as_of))
    say(f"statement written: {output}")
    return EXIT_OK


def cmd_lease_agreement(args: argparse.Namespace) -> int:
    output = check_output(args.output, args.force)
    core = open_desk(args)
    actor = _actor(core, args, Permission.MANAGE_LEASES)
    write_file(output, core.foodcourt.lease_agreement_pdf(actor, args.lease_id))
    say(f"lease agreement written: {output}")
    return EXIT_OK


def cmd_reminder_letter(args: argparse.Namespace) -> int:
    output = check_output(args.output, args.force)
    core = open_desk(args)
    actor = _actor(core, args, Permission.MANAGE_TENANTS)
    write_file(output, core.foodcourt.reminder_pdf(actor, args.tenant_id, args.pay_by))
    say(f"reminder letter written: {output}")
    return EXIT_OK


__all__ = ["register"]
