"""The food court at the desk: the stalls and their state on a day (`stalls`),
adding or changing a stall (`add-stall`, an administrator's), the tenants with
what each owes (`tenants`), adding a tenant with its business (`add-tenant`),
leasing a stall (`lease`), the leases (`leases`), cancelling one
(`cancel-lease`) and ending one early (`end-lease`, with the notice fee of a
short notice); renewing, the deposit returned and the tenancy's documents are
in cli.foodcourt_tenancy. Dates are WIB,
`YYYY-MM-DD`; a lease's last day is included.
(`cancel-lease`) and ending one early (`end-lease`); the rent that falls due
(`rent-due`: the charges due or made on a day, or over `--days`), what tenants
owe past due (`arrears`, aged 0-30, 31-60, 61-90 and over 90 days), posting
the rent and late fees due (`post-rent`) and the late fees an administrator
sets (`late-fees`). Dates are WIB, `YYYY-MM-DD`; a lease's last day is included.

`rent-due` and `arrears` first post what has fallen due by their day, or by
today for a day still to come (rent, then late fees; as the system, as the
application does at start and on its timer): on a fresh lease, `rent-due
--date` its first day lists its deposit and first rent. Rent not due yet (a
later day, or later in `--days`) is listed as `scheduled`, with no charge id,
and `arrears` on a day to come projects it; nothing is charged ahead.
`post-rent` does only the posting, up to today, as `--user` or the
operating-system user.

A lease is made as the tenancy page makes it: the same service call, the same
checks, one transaction. A stall already leased on one of those days: one line
on stderr naming the lease in the way, a non-zero status, nothing written.
Commands that change data act as `--user` (the password read as `book` reads
it) or, without it, as the operating-system user running the command line
(recorded as `cli:<name>`, as `check-in-attendee` does); reading needs no login.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from smesco_desk.cli import foodcourt_tenancy, foodcourt_turnover
from smesco_desk.cli.foodcourt_meters import register as register_meters
from smesco_desk.cli.support import (
    EXIT_OK,
    CliError,
    Commands,
    Subcommands,
    iso_date,
    json_text,
    login,
    open_desk,
    say,
)
from smesco_desk.clock import wib_today
from smesco_desk.domain.foodcourt import FLOORS, LeasePeriod, size_m2_text
from smesco_desk.domain.money import format_rupiah
from smesco_desk.services.actors import SYSTEM, Actor, Permission, cli_actor
from smesco_desk.values.foodcourt import (
    LateFeePolicy,
    LeaseForm,
    LeaseRecord,
    StallForm,
    TenantChargeItem,
    TenantForm,
)

if TYPE_CHECKING:
    from smesco_desk.services.core import Core


def register(sub: Subcommands) -> Commands:
    stalls = sub.add_parser("stalls", help="the food court's stalls and their state today")
    stalls.add_argument("--floor", type=floor_number, default=None, metavar="N", help="1-3")
    stalls.add_argument("--date", type=iso_date, default=None, help="YYYY-MM-DD (WIB; today)")
    stalls.add_argument("--json", action="store_true")

    stall = sub.add_parser("add-stall", help="add a stall or change it (by its code)")
    stall.add_argument("code", metavar="CODE", help="FC<floor>-<number>, e.g. FC2-07")
    stall.add_argument("--size", required=True, metavar="M2", help="square metres, e.g. 6.25")
    for name in ("rate-day", "rate-week", "rate-month", "deposit"):
        stall.add_argument(f"--{name}", type=rupiah, default=0, metavar="RP")
    stall.add_argument("--plan", type=plan_box, default=(0, 0, 2, 2), metavar="X,Y,W,H",
                       help="place and size on the floor plan, in grid units")  # fmt: skip
    for name in ("water", "gas"):
        stall.add_argument(f"--{name}", action="store_true", help=f"has {name}")
    stall.add_argument("--no-power", action="store_true", help="has no power connection")
    stall.add_argument("--meter", default="", metavar="NUMBER", help="the power meter's number")
    stall.add_argument("--charge-kind", default="stall_rent", metavar="CODE")
    stall.add_argument("--out-of-service", action="store_true")
    stall.add_argument("--notes", default="")
    stall.add_argument("--json", action="store_true")
    _optional_login(stall, "an administrator")

    tenants = sub.add_parser("tenants", help="the tenants with what each owes")
    tenants.add_argument("--all", action="store_true", help="inactive tenants too")
    tenants.add_argument("--json", action="store_true")

    tenant = sub.add_parser("add-tenant", help="add a tenant and its business")
    tenant.add_argument("--name", required=True, metavar="TEXT", help="the business's name")
    tenant.add_argument("--owner", required=True, metavar="TEXT")
    tenant.add_argument("--phone", required=True, metavar="NUMBER")
    tenant.add_argument("--nik", default="", metavar="16 DIGITS", help="the owner's (kept masked)")
    tenant.add_argument("--nib", default="", metavar="13 DIGITS")
    tenant.add_argument("--npwp", default="", metavar="16 DIGITS", help="or the old 15")
    tenant.add_argument("--products", default="", metavar="TEXT")
    tenant.add_argument("--halal", default="", metavar="NUMBER", help="halal certificate")
    tenant.add_argument("--notes", default="")
    tenant.add_argument("--json", action="store_true")
    _optional_login(tenant, "the tenant manager")

    lease = sub.add_parser("lease", help="lease a stall to a tenant (its deposit is charged)")
    lease.add_argument("--tenant", required=True, metavar="TENANT_ID")
    lease.add_argument("--stall", required=True, metavar="CODE")
    lease.add_argument("--start", required=True, type=iso_date, metavar="YYYY-MM-DD")
    lease.add_argument("--end", required=True, type=iso_date, metavar="YYYY-MM-DD",
                       help="the last day (included)")  # fmt: skip
    lease.add_argument("--period", choices=[p.value for p in LeasePeriod], default="month",
                       help="rent per day, week or month (default month)")  # fmt: skip
    lease.add_argument("--notes", default="")
    lease.add_argument("--json", action="store_true")
    _optional_login(lease, "the tenant manager")

    leases = sub.add_parser("leases", help="the leases of a tenant, of a stall, or all")
    leases.add_argument("--tenant", default=None, metavar="TENANT_ID")
    leases.add_argument("--stall", default=None, metavar="CODE")
    leases.add_argument("--date", type=iso_date, default=None,
                        help="YYYY-MM-DD (WIB; today): a lease past its end shows expired")
    leases.add_argument("--json", action="store_true")

    cancel = sub.add_parser("cancel-lease", help="cancel a lease: its days are free again")
    cancel.add_argument("lease_id", metavar="LEASE_ID")
    cancel.add_argument("--reason", default="", metavar="TEXT")
    cancel.add_argument("--json", action="store_true")
    _optional_login(cancel, "the tenant manager")

    end = sub.add_parser("end-lease", help="end a lease early: the days after are free")
    end.add_argument("lease_id", metavar="LEASE_ID")
    end.add_argument("--last-day", required=True, type=iso_date, metavar="YYYY-MM-DD")
    end.add_argument("--reason", default="", metavar="TEXT")
    end.add_argument("--notice-on", type=iso_date, default=None, metavar="YYYY-MM-DD",
                     help="the day the tenant gave notice (default today): too little "
                     "notice costs the notice fee")  # fmt: skip
    end.add_argument("--waive-fee", action="store_true", help="no notice fee")
    end.add_argument("--json", action="store_true")
    _optional_login(end, "the tenant manager")
    later = foodcourt_tenancy.register(sub)  # renew-lease, return-deposit, the documents

    due = sub.add_parser("rent-due", help="the charges of tenancies due or made on a day")
    due.add_argument("--date", type=iso_date, default=None, help="YYYY-MM-DD (WIB; today)")
    due.add_argument("--days", type=int, default=1, metavar="N",
                     help="this many days from --date (7: the week)")  # fmt: skip
    due.add_argument("--json", action="store_true")

    owed = sub.add_parser("arrears", help="what each tenant owes past due, by age")
    owed.add_argument("--date", type=iso_date, default=None, help="YYYY-MM-DD (WIB; today)")
    owed.add_argument("--json", action="store_true")

    post = sub.add_parser("post-rent", help="post the rent and late fees due by a day")
    post.add_argument("--date", type=iso_date, default=None, help="YYYY-MM-DD (WIB; today)")
    post.add_argument("--json", action="store_true")
    _optional_login(post, "the tenant manager")

    fees = sub.add_parser("late-fees", help="show or set the late fees on overdue charges")
    fees.add_argument("--mode", choices=["none", "percent", "fixed"], default=None)
    fees.add_argument("--percent", type=percent_bp, default=None, metavar="P",
                      help="per month of the overdue amount, e.g. 2 or 2.5")  # fmt: skip
    fees.add_argument("--fixed", type=rupiah, default=None, metavar="RP",
                      help="per month overdue")  # fmt: skip
    fees.add_argument("--grace", type=int, default=None, metavar="DAYS")
    fees.add_argument("--compounding", choices=["yes", "no"], default=None,
                      help="whether a late fee earns late fees (default no)")  # fmt: skip
    fees.add_argument("--json", action="store_true")
    _optional_login(fees, "an administrator")
    return {
        "stalls": cmd_stalls,
        "add-stall": cmd_add_stall,
        "tenants": cmd_tenants,
        "add-tenant": cmd_add_tenant,
        "lease": cmd_lease,
        "leases": cmd_leases,
        "cancel-lease": cmd_cancel_lease,
        "end-lease": cmd_end_lease,
        **later,
        "rent-due": cmd_rent_due,
        "arrears": cmd_arrears,
        "post-rent": cmd_post_rent,
        "late-fees": cmd_late_fees,
        **foodcourt_turnover.register(sub),  # turnover, turnover-report, post-turnover-rent
        **register_meters(sub),
    }


def _optional_login(parser: argparse.ArgumentParser, who: str) -> None:
    parser.add_argument(
        "--user",
        default=None,
        metavar="NAME",
        help=f"act as this user ({who}); the password is read from the terminal or stdin",
    )


def _actor(core: Core, args: argparse.Namespace, permission: Permission) -> Actor:
    return cli_actor() if args.user is None else login(core, args.user, permission)


def floor_number(text: str) -> int:
    value = text.strip()
    if not (value.isascii() and value.isdigit()) or int(value) not in FLOORS:
        raise argparse.ArgumentTypeError(f"not a floor (1-3): {text!r}")
    return int(value)


def rupiah(text: str) -> int:
    value = text.strip().replace(".", "").replace("_", "")
    if not (value.isascii() and value.isdigit()) or len(value) > 15:
        raise argparse.ArgumentTypeError(f"not an amount in rupiah: {text!r}")
    return int(value)


def percent_bp(text: str) -> int:
    """A percentage as typed ("2", "2.5", "2,5") in basis points."""
    value = text.strip().replace(",", ".")
    whole, _dot, part = value.partition(".")
    digits = whole + part
    if not (digits.isascii() and digits.isdigit()) or len(part) > 2 or len(whole) > 3:
        raise argparse.ArgumentTypeError(f"not a percentage: {text!r}")
    return int(whole or "0") * 100 + int(part.ljust(2, "0") or "0")


def plan_box(text: str) -> tuple[int, int, int, int]:
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 4 or not all(p.isascii() and p.isdigit() and len(p) <= 6 for p in parts):
        raise argparse.ArgumentTypeError(f"not X,Y,W,H in grid units: {text!r}")
    x, y, w, h = (int(p) for p in parts)
    return x, y, w, h


# --- handlers ---------------------------------------------------------------------------


def cmd_stalls(args: argparse.Namespace) -> int:
    core = open_desk(args)
    found = core.foodcourt.stall_states(args.date, args.floor)
    if args.json:
        say(json_text([s.to_json() for s in found]))
        return EXIT_OK
    for s in found:
        say(f"{s.stall.code}\t{s.stall.floor}\t{size_m2_text(s.stall.size_cm2)}\t{s.state}"
            f"\t{s.tenant or '-'}")  # fmt: skip
    return EXIT_OK


def cmd_add_stall(args: argparse.Namespace) -> int:
    core = open_desk(args)
    x, y, w, h = args.plan
    form = StallForm(
        code=args.code,
        size_m2=args.size,
        rate_day=args.rate_day,
        rate_week=args.rate_week,
        rate_month=args.rate_month,
        deposit=args.deposit,
        plan_x=x,
        plan_y=y,
        plan_w=w,
        plan_h=h,
        water=args.water,
        gas=args.gas,
        power=not args.no_power,
        power_meter=args.meter,
        kind_code=args.charge_kind,
        in_service=not args.out_of_service,
        notes=args.notes,
    )
    saved = core.foodcourt.save_stall(_actor(core, args, Permission.MANAGE_STALLS), form)
    say(json_text(saved.to_json()) if args.json else f"{saved.code}\tsaved")
    return EXIT_OK


def cmd_tenants(args: argparse.Namespace) -> int:
    core = open_desk(args)
    found = core.foodcourt.tenants(active_only=not args.all)
    if args.json:
        say(json_text([t.to_json() for t in found]))
        return EXIT_OK
    for t in found:
        say(f"{t.id}\t{t.name}\t{t.owner}\t{t.balance}")
    return EXIT_OK


def cmd_add_tenant(args: argparse.Namespace) -> int:
    core = open_desk(args)
    form = TenantForm(
        name=args.name,
        owner=args.owner,
        phone=args.phone,
        nik=args.nik,
        nib=args.nib,
        npwp=args.npwp,
        products=args.products,
        halal_number=args.halal,
        notes=args.notes,
    )
    saved = core.foodcourt.save_tenant(_actor(core, args, Permission.MANAGE_TENANTS), form)
    say(json_text(saved.to_json()) if args.json else f"{saved.id}\t{saved.name}")
    return EXIT_OK


def _lease_lines(
    core: Core, found: list[LeaseRecord], as_json: bool, one: bool = False,
    day: date | None = None,
) -> None:
    """The leases, each with its state on `day` (today): an active lease past
    its last day says "expired", as the plan shows its stall (nothing stored)."""
    today = day or wib_today(core.now())
    if as_json:
        say(json_text(found[0].to_json(today) if one else [r.to_json(today) for r in found]))
        return
    for r in found:
        say(f"{r.id}\t{r.stall_code}\t{r.tenant}\t{r.starts_on}\t{r.ends_on}\t{r.period}"
            f"\t{r.rent}\t{r.deposit}\t{r.state(today)}")  # fmt: skip


def cmd_lease(args: argparse.Namespace) -> int:
    core = open_desk(args)
    form = LeaseForm(args.tenant, args.stall, args.start, args.end, args.period, args.notes)
    made = core.foodcourt.lease(_actor(core, args, Permission.MANAGE_LEASES), form)
    _lease_lines(core, [made], args.json, one=True)
    return EXIT_OK


def cmd_leases(args: argparse.Namespace) -> int:
    core = open_desk(args)
    _lease_lines(core, core.foodcourt.leases(args.tenant, args.stall), args.json, day=args.date)
    return EXIT_OK


def cmd_cancel_lease(args: argparse.Namespace) -> int:
    core = open_desk(args)
    actor = _actor(core, args, Permission.MANAGE_LEASES)
    _lease_lines(
        core, [core.foodcourt.cancel_lease(actor, args.lease_id, args.reason)], args.json, True)
    return EXIT_OK


def cmd_end_lease(args: argparse.Namespace) -> int:
    core = open_desk(args)
    actor = _actor(core, args, Permission.MANAGE_LEASES)
    ended = core.foodcourt.end_lease(
        actor,
        args.lease_id,
        args.last_day,
        args.reason,
        notice_on=args.notice_on,
        waive_fee=args.waive_fee,
    )
    _lease_lines(core, [ended], args.json, True)
    return EXIT_OK



def _charge_lines(found: list[TenantChargeItem], as_json: bool) -> None:
    if as_json:
        say(json_text([c.to_json() for c in found]))
        return
    if not found:
        say("(nothing)")
        return
    say(f"{'DUE':<10}  {'STALL':<6}  {'TENANT':<28}  {'KIND':<10}  {'PERIOD':<23}"
        f"  {'AMOUNT':>14}  STATUS")  # fmt: skip
    for c in found:
        period = f"{c.period_start} - {c.period_end}"
        say(f"{c.due_on}  {c.stall:<6}  {c.tenant[:28]:<28}  {c.kind:<10}  {period:<23}"
            f"  {format_rupiah(c.amount):>14}  {c.status}")  # fmt: skip


def cmd_rent_due(args: argparse.Namespace) -> int:
    core = open_desk(args)
    _post_due_by(core, args.date)  # what has fallen due by then (never after today)
    _charge_lines(core.foodcourt.rent_due(args.date, args.days), args.json)
    return EXIT_OK


def cmd_arrears(args: argparse.Namespace) -> int:
    core = open_desk(args)
    _post_due_by(core, args.date)
    found = core.foodcourt.arrears(args.date)
    if args.json:
        say(json_text([a.to_json() for a in found]))
        return EXIT_OK
    if not found:
        say("(no arrears)")
        return EXIT_OK
    columns = ("0-30", "31-60", "61-90", ">90", "TOTAL")
    say(f"{'TENANT':<32}" + "".join(f"  {c:>14}" for c in columns))
    for a in found:
        amounts = (a.d0_30, a.d31_60, a.d61_90, a.over_90, a.total)
        say(f"{a.tenant[:32]:<32}" + "".join(f"  {format_rupiah(x):>14}" for x in amounts))
    return EXIT_OK


def _post_due_by(core: Core, day: date | None) -> None:
    """A report posts what has fallen due by its day, as the application's timer
    does; a day after today posts nothing (rent is charged when it falls due,
    not ahead: the report lists that rent as `scheduled`, or projects it)."""
    today = wib_today(core.now())
    core.foodcourt.post_due(SYSTEM, today if day is None else min(day, today))


def cmd_post_rent(args: argparse.Namespace) -> int:
    core = open_desk(args)
    actor = _actor(core, args, Permission.MANAGE_LEASES)
    if args.date is not None and args.date > wib_today(core.now()):
        raise CliError("rent is posted when it falls due: --date cannot be after today", 2)
    made = core.foodcourt.post_due(actor, args.date)
    if args.json or made:
        _charge_lines(made, args.json)
    else:
        say("(nothing due)")
    return EXIT_OK


def cmd_late_fees(args: argparse.Namespace) -> int:
    core = open_desk(args)
    policy = core.foodcourt.late_fee_policy()
    changes = {
        "mode": args.mode,
        "percent_bp": args.percent,
        "fixed": args.fixed,
        "grace_days": args.grace,
        "compounding": None if args.compounding is None else args.compounding == "yes",
    }
    typed = {name: value for name, value in changes.items() if value is not None}
    if typed:
        actor = _actor(core, args, Permission.MANAGE_SETTINGS)
        values = {**policy.__dict__, **typed}
        policy = core.foodcourt.set_late_fee_policy(actor, LateFeePolicy(**values))
    if args.json:
        say(json_text(policy.__dict__))
    else:
        say(f"mode\t{policy.mode}\npercent\t{policy.percent_bp / 100:g}%\n"
            f"fixed\t{format_rupiah(policy.fixed)}\ngrace_days\t{policy.grace_days}\n"
            f"compounding\t{'yes' if policy.compounding else 'no'}")  # fmt: skip
    return EXIT_OK


__all__ = ["register"]
