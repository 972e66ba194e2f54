"""A restore never pulls the database out from under a running program, and a
receipt number once issued is never issued again (issue 9, items 1, 2 and 9).

- `restore` refuses while another process (a Core, or any SQLite program) has
  the database open, names it, and changes nothing.
- A Core whose file is replaced behind its back anyway (a copy dropped in by
  hand, an old version's restore) refuses every write from then on: nothing
  it acknowledges lands in a file nobody reads.
- A standalone desk sells 1-5, backs up, sells 6-8, restores: the next sale is
  9 and the skipped 6-8 is a recorded fact the receipts list and cash-up show.
"""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from smesco_desk.errors import DatabaseInUse, DatabaseReplaced, NotFound, PermissionDenied
from smesco_desk.paths import backups_dir
from smesco_desk.services.actors import Actor, Role
from smesco_desk.services.core import Core
from smesco_desk.values.payments import ReceiptFilter
from smesco_desk.values.visitors import VisitFilter, VisitScope
from tests.core.helpers_cli import run
from tests.core.helpers_core import (
    USER_PASSWORD,
    LineChild,
    cash,
    db_file,
    raw_sqlite,
    sale_form,
    spawn_python,
    table_counts,
    visitor_form,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="flock and /proc are POSIX")
EVERY_DAY = ReceiptFilter(all_days=True)
ROOT = Path(__file__).resolve().parents[2]

HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from smesco_desk.services.core import open_core

    core = open_core(Path(sys.argv[1]))
    core.setup.is_initialized()  # a connection in the pool, as the application has
    print("READY", flush=True)
    sys.stdin.readline()
    core.close()
    """
)


@pytest.fixture
def supervisor(make_actor: Callable[[Role, str], Actor]) -> Actor:
    return make_actor(Role.SUPERVISOR, "hendra")


@pytest.fixture
def holder(tmp_path: Path, core: Core) -> Iterator[LineChild]:
    """Another process with this desk's database open (as the application would be)."""
    script = tmp_path / "hold_core.py"
    script.write_text(HOLDER)
    assert core.data_dir is not None
    child = spawn_python(script, str(core.data_dir))
    assert child.take(timeout=120) == "READY\n", child.stderr()
    yield child
    if child.proc.poll() is None:
        child.kill()


def _sell(core: Core, actor: Actor, n: int) -> list[str]:
    return [core.payments.sell(actor, sale_form(), cash()).number for _ in range(n)]


# --- item 1: nobody else may have the database open --------------------------------------


def test_restore_refuses_while_another_core_has_the_database_open(
    core: Core, supervisor: Actor, holder: LineChild, tmp_path: Path
) -> None:
    backup = core.maintenance.backup(supervisor, tmp_path / "old.sqlite3").path
    core.visitors.register(supervisor, visitor_form(name="Sesudah Cadangan"))
    before = table_counts(core)
    with pytest.raises(DatabaseInUse) as refused:
        core.maintenance.restore(supervisor, backup)
    assert f"PID {holder.proc.pid}" in refused.value.message
    assert "Tutup" in refused.value.message
    assert table_counts(core) == before  # nothing changed, no backup taken
    assert not backups_dir(core.data_dir or tmp_path).exists()
    # This core still works; once the other process is gone the restore goes through.
    core.visitors.register(supervisor, visitor_form(name="Masih Jalan"))
    holder.send("bye")
    holder.proc.wait(30)
    result = core.maintenance.restore(supervisor, backup)
    assert result.previous.exists()
    names = {v.name for v in core.visitors.list_visits(VisitFilter(VisitScope.IN_BUILDING))}
    assert "Sesudah Cadangan" not in names


def test_restore_refuses_while_another_sqlite_program_has_it_open(
    core: Core, supervisor: Actor, tmp_path: Path
) -> None:
    """A program that is not ours (a database browser) takes no lock file: SQLite
    itself tells, even for a connection that is only open."""
    backup = core.maintenance.backup(supervisor, tmp_path / "old.sqlite3").path
    other = sqlite3.connect(db_file(core))
    try:
        other.execute("SELECT count(*) FROM visits").fetchall()  # open, idle
        with pytest.raises(DatabaseInUse):
            core.maintenance.restore(supervisor, backup)
        other.execute("BEGIN")
        other.execute("SELECT count(*) FROM visits").fetchall()  # a read transaction
        with pytest.raises(DatabaseInUse):
            core.maintenance.restore(supervisor, backup)
        other.rollback()
    finally:
        other.close()
    core.visitors.register(supervisor, visitor_form())  # the refusal left it working
    assert core.maintenance.restore(supervisor, backup).previous.exists()


def test_a_core_whose_file_is_replaced_under_it_stops_writing(
    core: Core, supervisor: Actor, tmp_path: Path
) -> None:
    core.payments.open_shift(supervisor, 0)
    _sell(core, supervisor, 2)
    copy = core.maintenance.backup(supervisor, tmp_path / "copy.sqlite3").path
    live = db_file(core)
    os.replace(copy, live)  # as an old restore or a hand-made copy would
    with pytest.raises(DatabaseReplaced) as caught:
        core.payments.sell(supervisor, sale_form(), cash())
    assert "diganti" in caught.value.message
    with pytest.raises(DatabaseReplaced):  # and every write after it
        core.visitors.register(supervisor, visitor_form())
    with raw_sqlite(live) as conn:
        assert conn.execute("SELECT count(*) FROM receipts").fetchone() == (2,)
        assert conn.execute("SELECT count(*) FROM visits").fetchone() == (0,)


def test_the_command_line_restore_names_the_running_program(
    core: Core, supervisor: Actor, holder: LineChild, tmp_path: Path
) -> None:
    backup = core.maintenance.backup(supervisor, tmp_path / "old.sqlite3").path
    core.close()
    result = subprocess.run(
        [sys.executable, "-m", "smesco_desk", "--data-dir", str(core.data_dir)]
        + ["restore", str(backup), "--yes", "--user", supervisor.username],
        input=USER_PASSWORD + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 1
    assert f"PID {holder.proc.pid}" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


# --- item 9: the acting user ---------------------------------------------------------------


def test_backup_and_restore_need_a_supervisor(
    core: Core, receptionist: Actor, supervisor: Actor, tmp_path: Path
) -> None:
    with pytest.raises(PermissionDenied):
        core.maintenance.backup(receptionist, tmp_path / "b.sqlite3")
    assert not (tmp_path / "b.sqlite3").exists()
    backup = core.maintenance.backup(supervisor, tmp_path / "b.sqlite3").path
    core.visitors.register(receptionist, visitor_form())
    before = table_counts(core)
    with pytest.raises(PermissionDenied):
        core.maintenance.restore(receptionist, backup)
    assert table_counts(core) == before


# --- item 2: a number once issued is never issued again ------------------------------------


def test_numbers_sold_after_the_backup_are_skipped_and_explained(
    core: Core, supervisor: Actor, tmp_path: Path
) -> None:
    core.payments.open_shift(supervisor, 0)
    _sell(core, supervisor, 5)
    backup = core.maintenance.backup(supervisor, tmp_path / "b.sqlite3").path
    sold_after = _sell(core, supervisor, 3)
    result = core.maintenance.restore(supervisor, backup)

    assert [g.range_text for g in result.gaps] == ["KW/D01/2026/000006-000008"]
    nine = core.payments.sell(supervisor, sale_form(), cash())
    assert nine.number == "KW/D01/2026/000009"
    numbers = {r.number for r in core.payments.receipts(EVERY_DAY)}
    assert numbers.isdisjoint(sold_after)

    (gap,) = nine.gaps_before
    assert (gap.first_seq, gap.last_seq) == (6, 8)
    assert gap.reason.startswith("KW/D01/2026/000006-000008: diterbitkan di basis data yang")
    assert "10-03-2026 09:00 WIB" in gap.reason
    assert result.previous.name in gap.reason and "backups/" in gap.reason
    # The replaced file really holds them.
    with raw_sqlite(result.previous) as conn:
        kept = {r[0] for r in conn.execute("SELECT number FROM receipts")}
    assert set(sold_after) <= kept
    # Shown where receipts are: the list (summary and JSON) and the cash-up.
    summary = core.payments.receipts_summary(ReceiptFilter())
    assert [g.id for g in summary.gaps] == [gap.id]
    assert nine.to_json()["gaps_before"][0]["first"] == "KW/D01/2026/000006"
    shift = core.payments.current_shift(supervisor)
    assert shift is not None
    pdf = core.payments.cashup_pdf(supervisor, shift.id)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "000006-000008" in " ".join(text.split())
    # A fact: audited and queued for the server like any receipt.
    with raw_sqlite(db_file(core)) as conn:
        assert conn.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'receipt.gap'"
        ).fetchone() == (1,)
        assert conn.execute(
            "SELECT count(*) FROM outbox WHERE entity = 'receipt_number_gaps'"
        ).fetchone() == (1,)


def test_a_second_restore_keeps_the_first_gap_and_adds_its_own(
    core: Core, supervisor: Actor, tmp_path: Path
) -> None:
    core.payments.open_shift(supervisor, 0)
    _sell(core, supervisor, 2)
    backup = core.maintenance.backup(supervisor, tmp_path / "b.sqlite3").path
    _sell(core, supervisor, 2)  # 3, 4
    first = core.maintenance.restore(supervisor, backup).gaps
    assert core.payments.sell(supervisor, sale_form(), cash()).number.endswith("/000005")
    second = core.maintenance.restore(supervisor, backup).gaps
    # 3-4 keeps its first explanation (the same fact); 5 is new.
    assert [(g.first_seq, g.last_seq) for g in second] == [(3, 4), (5, 5)]
    assert second[0].id == first[0].id and second[0].kept_in == first[0].kept_in
    sixth = core.payments.sell(supervisor, sale_form(), cash())
    assert sixth.number.endswith("/000006")
    assert [g.first_seq for g in sixth.gaps_before] == [3, 5]


def test_receipts_json_shows_the_gap(core: Core, supervisor: Actor, tmp_path: Path) -> None:
    core.payments.open_shift(supervisor, 0)
    _sell(core, supervisor, 1)
    backup = core.maintenance.backup(supervisor, tmp_path / "b.sqlite3").path
    _sell(core, supervisor, 1)
    core.maintenance.restore(supervisor, backup)
    _sell(core, supervisor, 1)
    core.close()
    assert core.data_dir is not None
    result = run(core.data_dir, "receipts", "--search", "KW/D01", "--json")
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    assert [r["number"][-6:] for r in listed] == ["000001", "000003"]
    assert listed[0]["gaps_before"] == []
    assert [g["first"] for g in listed[1]["gaps_before"]] == ["KW/D01/2026/000002"]
    assert "basis data yang diganti" in listed[1]["gaps_before"][0]["reason"]


def test_a_restore_brings_no_erased_person_back(
    core: Core, receptionist: Actor, supervisor: Actor, tmp_path: Path
) -> None:
    """UU PDP: a backup made before an erasure holds the person; restoring it
    erases them again, with the erasure recorded and queued for the server."""
    siti = core.visitors.register(receptionist, visitor_form(name="Siti Rahayu"))
    budi = core.visitors.register(
        receptionist, visitor_form(name="Budi Santoso", phone="0813 2222 3333")
    )
    backup = core.maintenance.backup(supervisor, tmp_path / "b.sqlite3").path
    core.privacy.erase_visitor(supervisor, siti.visitor_id)
    result = core.maintenance.restore(supervisor, backup)

    assert result.erased_again == 1
    with pytest.raises(NotFound):
        core.privacy.export_visitor(supervisor, siti.visitor_id)
    assert core.privacy.export_visitor(supervisor, budi.visitor_id)["name"] == "Budi Santoso"
    names = {v.name for v in core.visitors.list_visits(VisitFilter(VisitScope.IN_BUILDING))}
    assert "Siti Rahayu" not in names and "Budi Santoso" in names
    with raw_sqlite(db_file(core)) as conn:
        actions = [r[0] for r in conn.execute("SELECT action FROM erasures")]
        queued = conn.execute("SELECT count(*) FROM outbox WHERE entity = 'erasures'").fetchone()
    assert actions == ["restore.erase"] and queued == (1,)
    assert b"Siti Rahayu" not in db_file(core).read_bytes()
