"""Visitors at the desk: listing visits, registering and checking out, badges and
the muster list, and personal data (retention purge, export and erasure on a
person's request, the last two as a supervisor who logs in)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from smesco_desk.cli.support import (
    EXIT_OK,
    SUPERVISOR,
    Commands,
    Subcommands,
    add_login,
    add_output,
    check_output,
    json_text,
    login,
    open_desk,
    say,
    write_file,
)
from smesco_desk.services.actors import Permission, cli_actor
from smesco_desk.values.visitors import VisitFilter, VisitorForm, VisitRecord, VisitScope


def register(sub: Subcommands) -> Commands:
    visits = sub.add_parser("visits", help="list visits")
    visits.add_argument("--today", action="store_true")
    visits.add_argument("--in-building", action="store_true")
    visits.add_argument(
        "--search",
        default="",
        help="4+ digits of a phone, the start of any word of a name, organisation or host, "
        "or a whole badge number",
    )
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
    return {
        "visits": cmd_visits,
        "register": cmd_register,
        "checkout": cmd_checkout,
        "auto-checkout": cmd_auto_checkout,
        "badge": cmd_badge,
        "muster": cmd_muster,
        "purge-expired": cmd_purge_expired,
        "export-visitor": cmd_export_visitor,
        "erase-visitor": cmd_erase_visitor,
    }


def _print_visits(visits: Sequence[VisitRecord], as_json: bool) -> None:
    if as_json:
        print(json_text([v.to_json() for v in visits]))
        return
    for v in visits:
        j = v.to_json()
        out = j["checked_out_at"] or "-"
        print(
            f"{v.badge_number}\t{v.name}\t{v.organisation}\t{v.purpose_code}\t"
            f"{j['checked_in_at']}\t{out}"
        )


def cmd_visits(args: argparse.Namespace) -> int:
    core = open_desk(args)
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
    core = open_desk(args)
    core.visitors.validate_form(form)  # before anything is written
    visit = core.visitors.register(cli_actor(), form)
    if args.json:
        print(json_text(visit.to_json()))
    else:
        print(f"{visit.badge_number}\t{visit.name}\t{visit.id}")
    return EXIT_OK


def cmd_checkout(args: argparse.Namespace) -> int:
    core = open_desk(args)
    result = core.visitors.check_out(cli_actor(), args.key, method="cli")
    if args.json:
        print(json_text(result.visit.to_json()))
    else:
        print(f"{result.visit.badge_number}\t{result.visit.name}\tchecked out")
    return EXIT_OK


def cmd_auto_checkout(args: argparse.Namespace) -> int:
    core = open_desk(args)
    print(f"checked out: {core.visitors.auto_check_out(cli_actor())}")
    return EXIT_OK


def cmd_badge(args: argparse.Namespace) -> int:
    output = check_output(args.output, args.force)
    core = open_desk(args)
    render = core.visitors.badge_label_pdf if args.format == "label" else core.visitors.badge_pdf
    pdf = render(args.visit.strip(), copy=args.copy)
    write_file(output, pdf)
    say(f"badge written: {output}")
    return EXIT_OK


def cmd_muster(args: argparse.Namespace) -> int:
    output = check_output(args.output, args.force)
    core = open_desk(args)
    # With several desks the list says how current it is (the last sync).
    last_sync = core.sync.status().last_sync_at if core.sync.is_enrolled() else None
    write_file(output, core.visitors.muster_pdf(cli_actor(), last_sync))
    say(f"muster list written: {output}")
    return EXIT_OK


def cmd_purge_expired(args: argparse.Namespace) -> int:
    core = open_desk(args)
    print(f"visitors erased: {core.privacy.purge_expired(cli_actor())}")
    print(f"backups removed: {len(core.maintenance.purge_old_backups())}")
    return EXIT_OK


def cmd_export_visitor(args: argparse.Namespace) -> int:
    core = open_desk(args)
    actor = login(core, args.user, Permission.MANAGE_PERSONAL_DATA)
    data = core.privacy.export_visitor(actor, args.visitor.strip())
    print(json_text(data))
    return EXIT_OK


def cmd_erase_visitor(args: argparse.Namespace) -> int:
    core = open_desk(args)
    actor = login(core, args.user, Permission.MANAGE_PERSONAL_DATA)
    visits = core.privacy.erase_visitor(actor, args.visitor.strip())
    days = core.maintenance.backup_retention_days()
    print(f"visitor erased ({visits} visits blanked)")
    print(f"backups made before now keep a copy until they are removed after {days} days")
    return EXIT_OK
