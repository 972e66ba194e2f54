"""A tenant's documents and the leases another desk won the days of, at the desk.

- `attach-document TENANT_ID FILE [--title T] [--kind K]`: attach a PDF, JPEG or
  PNG (at most 10 MB) to a tenant, as the tenant page does; it is synced to
  every desk and kept as a file in the data folder.
- `tenant-documents TENANT_ID [--json]`: the tenant's documents.
- `move-lease LEASE_ID --stall CODE --start --end`: a lease in conflict (made
  offline while another desk leased the same days first) to another stall or
  other days; `cancel-conflicted-lease LEASE_ID`: cancel it instead, its paid
  deposit owed back (`refunds`, `pay-refund`).

Changing data acts as `--user` or, without it, as the operating-system user
(as the food court's other commands do).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from smesco_desk.cli.foodcourt import _actor, _lease_lines, _optional_login
from smesco_desk.cli.support import (
    EXIT_OK,
    Commands,
    Subcommands,
    iso_date,
    json_text,
    open_desk,
    say,
)
from smesco_desk.domain.documents import DocumentKind
from smesco_desk.services.actors import Permission


def register(sub: Subcommands) -> Commands:
    attach = sub.add_parser("attach-document", help="attach a PDF, JPG or PNG to a tenant")
    attach.add_argument("tenant_id", metavar="TENANT_ID")
    attach.add_argument("file", type=Path, metavar="FILE", help="at most 10 MB")
    attach.add_argument("--title", default="", metavar="TEXT", help="the file's name if not given")
    attach.add_argument("--kind", choices=[k.value for k in DocumentKind], default="other")
    attach.add_argument("--json", action="store_true")
    _optional_login(attach, "the tenant manager")

    listed = sub.add_parser("tenant-documents", help="a tenant's documents")
    listed.add_argument("tenant_id", metavar="TENANT_ID")
    listed.add_argument("--json", action="store_true")

    move = sub.add_parser("move-lease", help="move a lease in conflict to a free stall or days")
    move.add_argument("lease_id", metavar="LEASE_ID")
    move.add_argument("--stall", required=True, metavar="CODE")
    move.add_argument("--start", required=True, type=iso_date, metavar="YYYY-MM-DD")
    move.add_argument("--end", required=True, type=iso_date, metavar="YYYY-MM-DD")
    move.add_argument("--note", default="", metavar="TEXT")
    move.add_argument("--json", action="store_true")
    _optional_login(move, "the tenant manager")

    cancel = sub.add_parser(
        "cancel-conflicted-lease", help="cancel a lease in conflict (a paid deposit owed back)"
    )
    cancel.add_argument("lease_id", metavar="LEASE_ID")
    cancel.add_argument("--reason", default="", metavar="TEXT")
    cancel.add_argument("--json", action="store_true")
    _optional_login(cancel, "the tenant manager")
    return {
        "attach-document": cmd_attach_document,
        "tenant-documents": cmd_tenant_documents,
        "move-lease": cmd_move_lease,
        "cancel-conflicted-lease": cmd_cancel_conflicted_lease,
    }


def cmd_attach_document(args: argparse.Namespace) -> int:
    core = open_desk(args)
    actor = _actor(core, args, Permission.MANAGE_TENANTS)
    doc = core.foodcourt.attach_document(actor, args.tenant_id, args.file, args.title, args.kind)
    say(json_text(doc.to_json()) if args.json else f"{doc.id}\t{doc.title}\t{doc.size}")
    return EXIT_OK


def cmd_tenant_documents(args: argparse.Namespace) -> int:
    core = open_desk(args)
    found = core.foodcourt.tenant_documents(args.tenant_id)
    if args.json:
        say(json_text([d.to_json() for d in found]))
        return EXIT_OK
    for d in found:
        say(f"{d.id}\t{d.kind}\t{d.title}\t{d.file_name}\t{d.size}")
    return EXIT_OK


def cmd_move_lease(args: argparse.Namespace) -> int:
    core = open_desk(args)
    actor = _actor(core, args, Permission.MANAGE_LEASES)
    moved = core.foodcourt.move_lease(
        actor, args.lease_id, args.stall, args.start, args.end, args.note
    )
    _lease_lines(core, [moved], args.json, True)
    return EXIT_OK


def cmd_cancel_conflicted_lease(args: argparse.Namespace) -> int:
    core = open_desk(args)
    actor = _actor(core, args, Permission.MANAGE_LEASES)
    _lease_lines(
        core,
        [core.foodcourt.cancel_conflicted_lease(actor, args.lease_id, args.reason)],
        args.json,
        True,
    )
    return EXIT_OK


__all__ = ["register"]
