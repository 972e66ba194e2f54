"""A desk restored from an old backup never reissues a receipt number the server has seen.

The restore (MaintenanceService.restore, CLI `restore`) holds receipts on a
desk linked to a server until a sync has told it the highest numbers of its
own series; a copy put back by hand (no hold) still learns them at its next
sync, before it pushes anything.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from smesco_desk.errors import DomainError
from smesco_desk.services.actors import SYSTEM, Actor
from smesco_desk.services.core import Core, open_core
from smesco_desk.values.payments import ReceiptFilter
from tests.core.helpers_core import cash, sale_form
from tests.sync.helpers_sync import Desks, OffsetClock, server_rows

pytestmark = pytest.mark.slow
EVERY_DAY = ReceiptFilter(all_days=True)


def _cashier(core: Core) -> Actor:
    core.payments.open_shift(SYSTEM, 0)
    return SYSTEM


def _sell(core: Core, actor: Actor, n: int) -> list[str]:
    return [core.payments.sell(actor, sale_form(), cash()).number for _ in range(n)]


def _server_numbers(server_url: str, desk: str) -> list[int]:
    rows = server_rows(
        server_url, "SELECT seq FROM receipts WHERE desk_code = %s ORDER BY seq", desk
    )
    return [int(r[0]) for r in rows]


def test_restored_desk_waits_for_sync_then_continues_the_series(
    desks: Desks, server_url: str, tmp_path: Path
) -> None:
    core = desks.first("D01")
    actor = _cashier(core)
    _sell(core, actor, 3)
    core.sync.run_once()
    backup = core.maintenance.backup(SYSTEM, tmp_path / "old.sqlite3").path
    later = _sell(core, actor, 2)  # numbers 4 and 5 reach the server
    assert core.sync.run_once().error is None
    assert _server_numbers(server_url, "D01") == [1, 2, 3, 4, 5]

    result = core.maintenance.restore(SYSTEM, backup)
    assert result.receipts_held
    assert core.payments.restored_hold()
    # Offline or not yet synced: no number is issued.
    with pytest.raises(DomainError) as refused:
        core.payments.sell(actor, sale_form(), cash())
    assert refused.value.field == "sync"
    assert core.payments.count_receipts(EVERY_DAY) == 3

    report = core.sync.run_once()
    assert report.error is None
    assert not core.payments.restored_hold()
    # The receipts made after the backup came back with the pull.
    assert set(later) <= {r.number for r in core.payments.receipts(EVERY_DAY)}
    nxt = core.payments.sell(actor, sale_form(), cash())
    assert nxt.number.endswith("/000006")
    assert core.sync.run_once().error is None
    assert _server_numbers(server_url, "D01") == [1, 2, 3, 4, 5, 6]
    assert core.sync.status().conflicts == 0


def test_copy_put_back_by_hand_learns_the_series_at_the_next_sync(
    desks: Desks, server_url: str, tmp_path: Path
) -> None:
    core = desks.first("D01")
    actor = _cashier(core)
    _sell(core, actor, 2)
    core.sync.run_once()
    backup = core.maintenance.backup(SYSTEM, tmp_path / "old.sqlite3").path
    _sell(core, actor, 3)
    core.sync.run_once()
    data_dir = core.data_dir
    assert data_dir is not None
    db = core.maintenance.sqlite_file()
    assert db is not None
    core.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(backup, db)

    again = open_core(data_dir, clock=OffsetClock())
    try:
        assert not again.payments.restored_hold()  # nobody told it; the sync will
        assert again.sync.run_once().error is None
        assert again.payments.current_shift(actor) is not None  # the backup's open shift
        assert again.payments.sell(actor, sale_form(), cash()).number.endswith("/000006")
        assert again.sync.run_once().error is None
        assert _server_numbers(server_url, "D01") == [1, 2, 3, 4, 5, 6]
    finally:
        again.close()


def test_restore_on_a_desk_without_server_holds_nothing(tmp_path: Path) -> None:
    core = open_core(tmp_path / "solo")
    try:
        core.setup.initialize("D01")
        actor = _cashier(core)
        _sell(core, actor, 2)
        backup = core.maintenance.backup(SYSTEM, tmp_path / "b.sqlite3").path
        _sell(core, actor, 1)
        result = core.maintenance.restore(SYSTEM, backup)
        assert not result.receipts_held
        # Number 3 was issued in the replaced file: skipped, with the gap recorded.
        assert [g.range_text[-6:] for g in result.gaps] == ["000003"]
        nxt = core.payments.sell(actor, sale_form(), cash())
        assert nxt.number.endswith("/000004")
        assert [g.first_seq for g in nxt.gaps_before] == [3]
        assert result.previous.exists()
    finally:
        core.close()


def test_numbers_sold_but_not_pushed_before_a_restore_are_never_reissued(
    desks: Desks, server_url: str, tmp_path: Path
) -> None:
    core = desks.first("D01")
    actor = _cashier(core)
    _sell(core, actor, 3)
    assert core.sync.run_once().error is None
    backup = core.maintenance.backup(SYSTEM, tmp_path / "old.sqlite3").path
    unpushed = _sell(core, actor, 2)  # 4 and 5: only in this desk's file

    result = core.maintenance.restore(SYSTEM, backup)
    assert result.receipts_held
    assert [(g.first_seq, g.last_seq) for g in result.gaps] == [(4, 5)]
    assert core.sync.run_once().error is None  # the server knows only 1-3
    nxt = core.payments.sell(actor, sale_form(), cash())
    assert nxt.number.endswith("/000006")
    assert nxt.number not in unpushed
    assert core.sync.run_once().error is None
    assert _server_numbers(server_url, "D01") == [1, 2, 3, 6]
    gaps = server_rows(
        server_url,
        "SELECT first_seq, last_seq FROM receipt_number_gaps WHERE desk_code = %s",
        "D01",
    )
    assert [tuple(g) for g in gaps] == [(4, 5)]
    assert core.sync.status().conflicts == 0
