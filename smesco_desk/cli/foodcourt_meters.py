"""The food court's meters at the desk: the month's grid of readings or one
stall's readings (`meter-readings`), a reading typed (`record-reading`) and a
month's utilities and service charge billed (`bill-utilities`). Part of the
food court's commands (smesco_desk.cli.foodcourt registers them).

A reading that goes backwards or jumps past ten times the usual is refused
with one line naming it until `--confirm` is given; a new meter's first
reading is `--replaced`. Values as on the meter: "1234.5" (kWh or m³).
Months are `YYYY-MM`, dates WIB `YYYY-MM-DD`. Commands that change data act as
`--user` or, without it, as the operating-system user (as `lease` does).
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

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
from smesco_desk.clock import wib_today
from smesco_desk.domain.foodcourt import FLOORS
from smesco_desk.domain.meters import MeterKind, reading_text
from smesco_desk.services.actors import Actor, Permission, cli_actor
from smesco_desk.values.meters import MeterCell, ReadingInput

if TYPE_CHECKING:
    from smesco_desk.services.core import Core


def register(sub: Subcommands) -> Commands:
    listing = sub.add_parser(
        "meter-readings", help="a month's grid of meter readings, or one stall's readings"
    )
    listing.add_argument("--month", type=month_arg, default=None, metavar="YYYY-MM",
                         help="the month (default this month)")  # fmt: skip
    listing.add_argument("--floor", type=_floor, default=None, metavar="N", help="1-3")
    listing.add_argument("--stall", default=None, metavar="CODE",
                         help="this stall's readings (of --month if given)")  # fmt: skip
    listing.add_argument("--json", action="store_true")

    record = sub.add_parser("record-reading", help="record a stall's meter reading")
    record.add_argument("stall", metavar="STALL", help="the stall's code, e.g. FC2-07")
    record.add_argument("--kind", required=True, choices=[k.value for k in MeterKind])
    record.add_argument("--value", required=True, metavar="V", help="as on the meter, e.g. 1234.5")
    record.add_argument("--date", type=iso_date, default=None, metavar="YYYY-MM-DD",
                        help="the day it was read (WIB; today)")  # fmt: skip
    record.add_argument("--meter", default="", metavar="NUMBER", help="the meter's number")
    record.add_argument("--replaced", action="store_true",
                        help="a new meter's first reading: a new series")  # fmt: skip
    record.add_argument("--confirm", action="store_true",
                        help="keep a reading that goes backwards or jumps")  # fmt: skip
    record.add_argument("--json", action="store_true")
    _login(record)

    bill = sub.add_parser("bill-utilities", help="bill a month's utilities and service charge")
    bill.add_argument("--month", required=True, type=month_arg, metavar="YYYY-MM")
    bill.add_argument("--json", action="store_true")
    _login(bill)
    return {
        "meter-readings": cmd_meter_readings,
        "record-reading": cmd_record_reading,
        "bill-utilities": cmd_bill_utilities,
    }


def _login(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", default=None, metavar="NAME",
                        help="act as this user (the tenant manager); the password is read "
                             "from the terminal or stdin")  # fmt: skip


def _actor(core: Core, args: argparse.Namespace) -> Actor:
    return cli_actor() if args.user is None else login(core, args.user, Permission.MANAGE_LEASES)


def month_arg(text: str) -> date:
    """An argparse type: a month written YYYY-MM, as its first day."""
    try:
        return iso_date(text.strip() + "-01")
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(f"not a month (YYYY-MM): {text!r}") from None


def _floor(text: str) -> int:
    value = text.strip()
    if not (value.isascii() and value.isdigit()) or int(value) not in FLOORS:
        raise argparse.ArgumentTypeError(f"not a floor (1-3): {text!r}")
    return int(value)


def _units(value: int | None) -> str:
    return "-" if value is None else reading_text(value)


def _cell(cell: MeterCell) -> str:
    return f"{_units(cell.last)}\t{_units(cell.current)}\t{_units(cell.consumption)}"


def cmd_meter_readings(args: argparse.Namespace) -> int:
    core = open_desk(args)
    if args.stall is not None:
        found = core.foodcourt.meter_readings(args.stall, args.month)
        if args.json:
            say(json_text([r.to_json() for r in found]))
            return EXIT_OK
        for r in found:
            say(f"{r.stall_code}\t{r.kind}\t{r.read_on}\t{reading_text(r.value)}"
                f"\t{reading_text(r.consumption)}\t{'replaced' if r.replaced else ''}")  # fmt: skip
        return EXIT_OK
    month = args.month or wib_today(core.now())
    grid = core.foodcourt.readings_grid(month, args.floor)
    if args.json:
        say(json_text([g.to_json() for g in grid]))
        return EXIT_OK
    for g in grid:
        say(f"{g.stall_code}\t{g.tenant or '-'}\t{_cell(g.power)}\t{_cell(g.water)}"
            f"\t{'billed' if g.billed else ''}")  # fmt: skip
    return EXIT_OK


def cmd_record_reading(args: argparse.Namespace) -> int:
    core = open_desk(args)
    actor = _actor(core, args)
    day = args.date or wib_today(core.now())
    typed = ReadingInput(args.stall, args.kind, args.value, day, args.replaced, args.meter)
    (made,) = core.foodcourt.record_readings(actor, day, [typed], confirm=args.confirm)
    if args.json:
        say(json_text(made.to_json()))
    else:
        say(f"{made.stall_code}\t{made.kind}\t{made.read_on}\t{reading_text(made.value)}"
            f"\t{reading_text(made.consumption)}")  # fmt: skip
    return EXIT_OK


def cmd_bill_utilities(args: argparse.Namespace) -> int:
    core = open_desk(args)
    billed = core.foodcourt.bill_utilities(_actor(core, args), args.month)
    if args.json:
        say(json_text(billed.to_json()))
        return EXIT_OK
    for c in billed.posted:
        say(f"{c.stall_code}\t{c.tenant}\t{c.kind}\t{c.amount}\t{c.due_on}")
    for code, why in billed.skipped:
        say(f"{code}\tskipped\t{why}")
    return EXIT_OK


__all__ = ["register"]
