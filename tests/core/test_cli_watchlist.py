"""The watchlist on the command line (issue 13): a supervisor lists, adds and
removes; a receptionist or a wrong password is one line and nothing written;
the NIK never comes back out."""

from __future__ import annotations

import json
from pathlib import Path

from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from tests.core.helpers_cli import run
from tests.core.helpers_core import USER_PASSWORD, table_counts

NIK = "3174056508900001"
LOGIN = USER_PASSWORD + "\n"


def test_a_supervisor_adds_lists_and_removes(core: Core, data_dir: Path, supervisor: Actor) -> None:
    added = run(
        data_dir,
        *("watchlist-add", "--name", "Joko Pranoto", "--reason", "Mengancam petugas."),
        *("--kind", "refused", "--phone", "0812 7777 8888", "--nik", NIK),
        *("--until", "2026-12-31", "--json", "--user", "supervisor"),
        stdin=LOGIN,
    )
    assert added.returncode == 0, added.stderr
    entry = json.loads(added.stdout)
    assert (entry["phone"], entry["nik_masked"], entry["until"]) == (
        "+6281277778888",
        "************0001",
        "2026-12-31",
    )
    listed = run(data_dir, "watchlist", "--json", "--user", "supervisor", stdin=LOGIN)
    assert [e["id"] for e in json.loads(listed.stdout)] == [entry["id"]]
    assert NIK not in listed.stdout
    removed = run(data_dir, "watchlist-remove", entry["id"], "--user", "supervisor", stdin=LOGIN)
    assert removed.returncode == 0, removed.stderr
    listed = run(data_dir, "watchlist", "--json", "--user", "supervisor", stdin=LOGIN)
    assert json.loads(listed.stdout) == []


def test_a_receptionist_or_bad_input_writes_nothing(
    core: Core, data_dir: Path, supervisor: Actor, receptionist: Actor
) -> None:
    before = table_counts(core)
    refused = run(data_dir, "watchlist", "--json", "--user", "resepsionis", stdin=LOGIN)
    assert refused.returncode != 0 and refused.stderr.count("\n") == 1
    bad = run(
        data_dir,
        *("watchlist-add", "--name", "Joko", "--reason", " ", "--kind", "refused"),
        *("--user", "supervisor"),
        stdin=LOGIN,
    )
    assert bad.returncode != 0 and "error:" in bad.stderr
    assert table_counts(core) == before
