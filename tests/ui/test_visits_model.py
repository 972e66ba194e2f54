"""VisitsTableModel over real services and a temporary SQLite database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex

from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.values.visitors import VisitFilter, VisitorForm, VisitScope
from tests.ui.helpers_ui import desk_context, open_desk
from ui.context import AppContext
from ui.models.visits_model import (
    BADGE_ROLE,
    BATCH_SIZE,
    COL_BADGE,
    COL_NAME,
    RECORD_ROLE,
    VISIT_ID_ROLE,
    VisitsTableModel,
)

VISITS = 460
CHECKED_OUT = 10


@pytest.fixture(scope="module")
def loaded_core(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Core, Actor]]:
    """A desk with VISITS visits, the first CHECKED_OUT of them checked out."""
    core, actor = open_desk(tmp_path_factory.mktemp("visits"))
    organisations = ["UMKM Batik Sekar", "Koperasi Maju Bersama", "Kopi Nusantara"]
    for i in range(VISITS):
        form = VisitorForm(
            f"Tamu Nomor {i:03d}",
            f"0812{i:07d}",
            "meeting",
            organisation=organisations[i % 3],
            consent=True,
        )
        visit = core.visitors.register(actor, form)
        if i < CHECKED_OUT:
            core.visitors.check_out(actor, visit.id)
    yield core, actor
    core.close()


@pytest.fixture
def loaded_ctx(qtbot, loaded_core: tuple[Core, Actor], tmp_path: Path) -> AppContext:  # noqa: ARG001
    return desk_context(loaded_core, tmp_path)


def _threaded_ctx(loaded_core: tuple[Core, Actor], tmp_path: Path) -> AppContext:
    return desk_context(loaded_core, tmp_path, synchronous=False)


def _model(ctx: AppContext, flt: VisitFilter) -> VisitsTableModel:
    return VisitsTableModel(ctx, flt)


def test_passes_the_model_tester_while_loading_lazily(
    qtbot, qtmodeltester, loaded_core: tuple[Core, Actor], tmp_path: Path
) -> None:
    """The tester stays connected and checks every later insertion and reset.

    A real worker thread here: rows arrive after fetchMore returns, as in the app.
    """
    model = _model(_threaded_ctx(loaded_core, tmp_path), VisitFilter(VisitScope.HISTORY))
    qtbot.waitUntil(lambda: model.rowCount() == BATCH_SIZE)
    qtmodeltester.check(model, force_py=True)  # calls fetchMore itself
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        qtbot.waitUntil(lambda: not model.is_loading())
    assert model.rowCount() == VISITS
    model.set_filter(VisitFilter(VisitScope.IN_BUILDING))
    assert model.rowCount() == 0
    qtbot.waitUntil(lambda: model.rowCount() == BATCH_SIZE)
    model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: model.rowCount() == 2 * BATCH_SIZE)
    model.refresh()  # reloads as many rows as are loaded
    qtbot.waitUntil(lambda: not model.is_loading())
    assert model.rowCount() == 2 * BATCH_SIZE
    model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: not model.is_loading())
    assert model.rowCount() == VISITS - CHECKED_OUT


def test_loads_lazily_in_batches(loaded_ctx: AppContext) -> None:
    model = _model(loaded_ctx, VisitFilter(VisitScope.HISTORY))
    assert model.rowCount() == BATCH_SIZE
    assert model.total() == VISITS
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * BATCH_SIZE
    model.fetchMore(QModelIndex())
    assert model.rowCount() == VISITS
    assert not model.canFetchMore(QModelIndex())


def test_newest_first_with_named_roles(loaded_ctx: AppContext) -> None:
    model = _model(loaded_ctx, VisitFilter(VisitScope.HISTORY))
    first = model.index(0, COL_NAME)
    assert first.data() == f"Tamu Nomor {VISITS - 1:03d}"
    record = first.data(RECORD_ROLE)
    assert first.data(VISIT_ID_ROLE) == record.id
    assert model.index(0, COL_BADGE).data(BADGE_ROLE) == record.badge_number
    assert model.index(0, COL_BADGE).data() == record.badge_number


def test_set_filter_resets_and_reloads(loaded_ctx: AppContext, qtbot) -> None:
    model = _model(loaded_ctx, VisitFilter(VisitScope.HISTORY))
    model.fetchMore(QModelIndex())
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset]):
        model.set_filter(VisitFilter(VisitScope.IN_BUILDING))
    assert model.total() == VISITS - CHECKED_OUT
    assert model.rowCount() == BATCH_SIZE
    model.set_filter(VisitFilter(VisitScope.HISTORY, text="Tamu Nomor 00"))
    assert model.rowCount() == model.total() == 10
    assert not model.canFetchMore(QModelIndex())


def test_a_search_that_finds_nothing_announces_a_total_of_zero(
    loaded_ctx: AppContext, qtbot
) -> None:
    model = _model(loaded_ctx, VisitFilter(VisitScope.HISTORY))
    assert model.total() == VISITS
    totals: list[int] = []
    model.total_changed.connect(totals.append)
    model.set_filter(VisitFilter(VisitScope.HISTORY, text="tidak ada yang begini"))
    assert model.rowCount() == model.total() == 0
    assert totals and totals[-1] == 0  # a count shown next to the table follows


def test_loading_is_announced(loaded_ctx: AppContext) -> None:
    model = _model(loaded_ctx, VisitFilter(VisitScope.HISTORY))
    states: list[bool] = []
    model.loading_changed.connect(states.append)
    model.set_filter(VisitFilter(VisitScope.HISTORY, text="Tamu Nomor 00"))
    assert states == [True, False] and not model.is_loading()


def test_search_by_exact_badge_number(loaded_ctx: AppContext) -> None:
    model = _model(loaded_ctx, VisitFilter(VisitScope.HISTORY))
    badge = model.index(5, COL_BADGE).data()
    model.set_filter(VisitFilter(VisitScope.HISTORY, text=badge.lower()))
    assert [model.index(r, COL_BADGE).data() for r in range(model.rowCount())] == [badge]


def test_refreshes_when_visits_change_but_not_for_other_data(ctx: AppContext, qtbot) -> None:
    """On a fresh database (conftest's ctx): the shared one must stay as it is."""
    core, actor = ctx.core, ctx.require_actor()
    model = _model(ctx, VisitFilter(VisitScope.IN_BUILDING))
    assert model.total() == 0
    with qtbot.assertNotEmitted(model.modelReset):
        ctx.runner.data_changed.emit(frozenset({"users"}))
    form = VisitorForm("Tamu Terakhir", "081399999999", "meeting", consent=True)
    ctx.runner.op(lambda: core.visitors.register(actor, form)).run()
    assert model.total() == 1
    assert model.index(0, COL_NAME).data() == "Tamu Terakhir"


def test_a_model_not_shown_reloads_only_when_shown(loaded_ctx: AppContext, qtbot) -> None:
    model = VisitsTableModel(loaded_ctx, VisitFilter(VisitScope.HISTORY), live=False)
    assert model.rowCount() == 0  # nothing loaded for a hidden tab
    with qtbot.assertNotEmitted(model.modelReset):
        loaded_ctx.runner.data_changed.emit(frozenset({"visits"}))
    with qtbot.waitSignal(model.modelReset):
        model.set_live(True)
    assert model.rowCount() == BATCH_SIZE


def test_stale_results_are_dropped(qtbot, loaded_core: tuple[Core, Actor], tmp_path: Path) -> None:
    """With a real worker thread, only the newest filter's rows are shown."""
    model = _model(_threaded_ctx(loaded_core, tmp_path), VisitFilter(VisitScope.HISTORY))
    model.set_filter(VisitFilter(VisitScope.HISTORY, text="Tamu Nomor 01"))
    model.set_filter(VisitFilter(VisitScope.HISTORY, text="Tamu Nomor 002"))
    qtbot.waitUntil(lambda: not model.is_loading())
    assert model.rowCount() == model.total() == 1
    assert model.index(0, COL_NAME).data() == "Tamu Nomor 002"


def test_fetch_more_does_not_fetch_twice_concurrently(
    qtbot, loaded_core: tuple[Core, Actor], tmp_path: Path
) -> None:
    model = _model(_threaded_ctx(loaded_core, tmp_path), VisitFilter(VisitScope.HISTORY))
    qtbot.waitUntil(lambda: model.rowCount() == BATCH_SIZE)
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())  # ignored: a batch is on its way
    qtbot.waitUntil(lambda: not model.is_loading())
    assert model.rowCount() == 2 * BATCH_SIZE
    ids = [model.index(r, 0).data(VISIT_ID_ROLE) for r in range(model.rowCount())]
    assert len(set(ids)) == len(ids)
