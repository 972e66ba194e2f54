"""The food court at the desk: the stalls and their state on a day (`stalls`),
adding or changing a stall (`add-stall`, an administrator's), the tenants with
what each owes (`tenants`), adding a tenant with its business (`add-tenant`),
leasing a stall (`lease`), the leases (`leases`), cancelling one
(`cancel-lease`) and ending one early (`end-lease`, with the notice fee of a
short notice); renewing, the deposit returned and the tenancy's documents are
in cli.foodcourt_tenancy. Dates are WIB,
`YYYY-MM-DD`; a lease's last day is included.

A lease is made as the tenancy page makes it: the same service call, the same
checks, one transaction. A stall already leased on one of those days: one line
on stderr naming the lease in the way, a non-zero status, nothing written.
Commands that change data act as `--user` (the password read as `book` reads
it) or, without it, as the operating-system user running the command line
(recorded as `cli:<name>`, as `check-in-attendee` does); reading needs no login.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from smesco_desk.cli import foodcourt_tenancy, foodcourt_turnover
from smesco_desk.cli.foodcourt_meters import register as register_meters
from smesco_desk.cli.support import (
    EXIT_OK,
    Commands,
    Subcommands,
    iso_date,
    json_text,
    login,
    open_desk,
    say,
)
from smesco_desk.domain.foodcourt import FLOORS, LeasePeriod, size_m2_text
from smesco_desk.services.actors import Actor, Permission, cli_actor
from smesco_desk.values.foodcourt import LeaseForm, LeaseRecord, StallForm, TenantForm

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


def _lease_lines(found: list[LeaseRecord], as_json: bool, one: bool = False) -> None:
    if as_json:
        say(json_text(found[0].to_json() if one else [r.to_json() for r in found]))
        return
    for r in found:
        say(f"{r.id}\t{r.stall_code}\t{r.tenant}\t{r.starts_on}\t{r.ends_on}\t{r.period}"
            f"\t{r.rent}\t{r.deposit}\t{r.status}")  # fmt: skip


def cmd_lease(args: argparse.Namespace) -> int:
    core = open_desk(args)
    form = LeaseForm(args.tenant, args.stall, args.start, args.end, args.period, args.notes)
    made = core.foodcourt.lease(_actor(core, args, Permission.MANAGE_LEASES), form)
    _lease_lines([made], args.json, one=True)
    return EXIT_OK


def cmd_leases(args: argparse.Namespace) -> int:
    core = open_desk(args)
    _lease_lines(core.foodcourt.leases(args.tenant, args.stall), args.json)
    return EXIT_OK


def cmd_cancel_lease(args: argparse.Namespace) -> int:
    core = open_desk(args)
    actor = _actor(core, args, Permission.MANAGE_LEASES)
    _lease_lines([core.foodcourt.cancel_lease(actor, args.lease_id, args.reason)], args.json, True)
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
    _lease_lines([ended], args.json, True)
    return EXIT_OK


__all__ = ["register"]
