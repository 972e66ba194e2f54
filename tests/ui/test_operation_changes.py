"""The operation runner reports what an operation changed without being told:
the tables its committed transactions wrote, with the names views know them by."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex

from smesco_desk.errors import ValidationError
from smesco_desk.values.visitors import VisitFilter, VisitorForm, VisitScope
from ui.context import AppContext
from ui.models.visits_model import VisitsTableModel
from ui.operations import OperationRunner


def _form(name: str = "Siti Rahayu") -> VisitorForm:
    return VisitorForm(name, "0812 3456 7890", "meeting", consent=True)


def test_an_operation_without_changes_still_refreshes_a_view(qtbot, ctx: AppContext) -> None:
    model = VisitsTableModel(ctx, VisitFilter(VisitScope.IN_BUILDING))
    qtbot.waitUntil(lambda: not model.is_loading())
    assert model.rowCount(QModelIndex()) == 0
    actor = ctx.require_actor()
    visitors = ctx.core.visitors
    with qtbot.waitSignal(ctx.runner.data_changed) as changed:
        ctx.runner.op(lambda: visitors.register(actor, _form())).run()  # nothing declared
    assert {"visitors", "visits", "audit_log", "outbox"} <= changed.args[0]
    qtbot.waitUntil(lambda: model.rowCount(QModelIndex()) == 1)


def test_names_views_know_come_with_the_tables(qtbot, ctx: AppContext) -> None:
    actor, settings = ctx.require_actor(), ctx.core.settings
    with qtbot.waitSignal(ctx.runner.data_changed) as changed:
        ctx.runner.op(lambda: settings.set(actor, "closing_time", "20:00")).run()
    assert {"app_settings", "settings"} <= changed.args[0]


def test_a_refused_operation_reports_nothing(qtbot, ctx: AppContext) -> None:
    seen: list[frozenset[str]] = []
    failures: list[BaseException] = []
    ctx.runner.data_changed.connect(seen.append)
    actor, visitors = ctx.require_actor(), ctx.core.visitors
    ctx.runner.op(lambda: visitors.register(actor, _form(name=""))).failure(
        failures.append
    ).run()
    assert [type(e) for e in failures] == [ValidationError]
    assert seen == []


def test_a_settings_save_is_announced_under_the_name_views_watch(qtbot, ctx: AppContext) -> None:
    actor, settings = ctx.require_actor(), ctx.core.settings
    with qtbot.waitSignal(ctx.runner.data_changed) as changed:
        ctx.runner.op(lambda: settings.set(actor, "closing_time", "20:00")).run()
    assert {"app_settings", "settings"} <= changed.args[0]


@pytest.mark.parametrize("synchronous", [True, False])
def test_a_runner_on_its_worker_thread_reports_too(
    qtbot, ctx: AppContext, synchronous: bool
) -> None:
    runner = OperationRunner(synchronous=synchronous)
    threaded = AppContext(ctx.core, runner, ctx.settings, ctx.actor)
    actor, settings = ctx.require_actor(), threaded.core.settings
    try:
        with qtbot.waitSignal(runner.data_changed) as changed:
            runner.op(lambda: settings.set(actor, "closing_time", "20:00")).run()
        assert "app_settings" in changed.args[0]
    finally:
        runner.wait_idle()
        runner.deleteLater()
