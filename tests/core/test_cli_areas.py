"""The command line is built from its areas (smesco_desk/cli/): each area module
adds its commands and returns their handlers; the parser lists them in the
order of smesco_desk.cli.AREAS, which is the order `--help` has always shown."""

from __future__ import annotations

import argparse

from smesco_desk import cli
from smesco_desk.cli.support import Parser

HELP_ORDER = [
    "init",
    "seed-demo",
    "visits",
    "register",
    "checkout",
    "auto-checkout",
    "badge",
    "muster",
    "purge-expired",
    "export-visitor",
    "erase-visitor",
    "backup",
    "restore",
    "receipts",
    "receipt",
    "void-receipt",
    "sell",
    "prices",
    "refunds",
    "pay-refund",
    "sync",
    "spaces",
    "bookings",
    "book",
    "cancel-booking",
    "move-booking",
    "release-no-shows",
    "import-attendees",
    "event-badges",
    "attendance-list",
    "check-in-attendee",
    "stalls",
    "add-stall",
    "tenants",
    "add-tenant",
    "lease",
    "leases",
    "cancel-lease",
    "end-lease",
    "renew-lease",
    "return-deposit",
    "statement",
    "lease-agreement",
    "reminder-letter",
    "rent-due",
    "arrears",
    "post-rent",
    "late-fees",
    "turnover",
    "turnover-report",
    "post-turnover-rent",
    "meter-readings",
    "record-reading",
    "bill-utilities",
    "attach-document",
    "tenant-documents",
    "move-lease",
    "cancel-conflicted-lease",
    "users",
    "user-deactivate",
    "user-reactivate",
    "user-unlock",
    "audit",
    "watchlist",
    "watchlist-add",
    "watchlist-remove",
]


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    (action,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_command_has_one_handler_in_help_order() -> None:
    parser, commands = cli.build_parser()
    assert list(_subcommands(parser)) == HELP_ORDER
    assert list(commands) == HELP_ORDER
    assert all(callable(handler) for handler in commands.values())


def test_each_area_registers_its_own_commands() -> None:
    seen: list[str] = []
    for area in cli.AREAS:
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers(dest="command", parser_class=Parser)
        commands = area.register(sub)
        assert list(commands) == list(_subcommands(parser)), area
        seen += commands
    assert seen == HELP_ORDER
