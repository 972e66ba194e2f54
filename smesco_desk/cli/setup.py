"""Setting up a desk: `init` (create or upgrade the database) and `seed-demo`."""

from __future__ import annotations

import argparse

from smesco_desk.cli.support import EXIT_OK, Commands, Subcommands, open_desk


def register(sub: Subcommands) -> Commands:
    init = sub.add_parser("init", help="create or upgrade the database")
    init.add_argument("--desk", default=None, help="this desk's code (default D01)")
    sub.add_parser("seed-demo", help="fill realistic demo data")
    return {"init": cmd_init, "seed-demo": cmd_seed_demo}


def cmd_init(args: argparse.Namespace) -> int:
    core = open_desk(args, create=True)
    code = core.setup.initialize(args.desk or "D01")
    print(f"database ready: {core.db.url} (desk {code})")
    return EXIT_OK


def cmd_seed_demo(args: argparse.Namespace) -> int:
    from smesco_desk.demo import seed_demo

    core = open_desk(args, create=True)
    info = seed_demo(core)
    print(info.summary())
    return EXIT_OK
