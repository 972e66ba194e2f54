"""Settings › Gedung: the city official documents are signed in ("Jakarta, 27
November 2026" on the kuitansi), kept by the core, refused empty at its field."""

from __future__ import annotations

from typing import Any

from ui.context import AppContext
from ui.pages.settings.business import BusinessPage


def test_the_city_loads_saves_and_is_refused_empty_at_its_field(
    qtbot: Any, ctx: AppContext
) -> None:
    page = BusinessPage(ctx)
    qtbot.addWidget(page)
    page.load()
    qtbot.waitUntil(lambda: page.building_city_edit.text() == "Jakarta", timeout=2000)
    page.building_city_edit.setText("Jakarta Selatan")
    with qtbot.waitSignal(page.saved, timeout=2000):
        page.save()
    assert ctx.core.settings.get("building_city") == "Jakarta Selatan"
    page.building_city_edit.setText("  ")
    page.save()
    error = page.errors["building_city"]
    qtbot.waitUntil(lambda: not error.isHidden(), timeout=2000)
    assert error.text() == "Wajib diisi."
    assert ctx.core.settings.get("building_city") == "Jakarta Selatan"
