"""The tenant's documents widget on real services: "Lampirkan…" attaches the
chosen file (the file dialog replaced), the list shows it, "Buka" opens its
file in the data folder (QDesktopServices replaced), "Hapus" asks first and
removes it; a refused file says why under the list; a receptionist sees the
list but attaches and removes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from pytestqt.qtbot import QtBot

from smesco_desk.services.actors import Actor, Role
from smesco_desk.services.core import Core
from tests.core.helpers_foodcourt import tenant_form
from ui.context import AppContext
from ui.pages.foodcourt import tenant_documents as module
from ui.pages.foodcourt.tenant_documents import TenantDocumentsView, size_text

PDF = b"%PDF-1.4\n" + b"kontrak " * 3000 + b"\n%%EOF\n"


@pytest.fixture
def view(qtbot: QtBot, ctx: AppContext, core: Core, admin: Actor) -> TenantDocumentsView:
    tenant = core.foodcourt.save_tenant(admin, tenant_form())
    widget = TenantDocumentsView(ctx)
    qtbot.addWidget(widget)
    widget.resize(700, 320)
    widget.set_tenant(tenant.id)
    return widget


def test_attach_open_and_remove(
    view: TenantDocumentsView, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert view.empty_label.isVisibleTo(view) and view.model.rowCount() == 0
    scan = tmp_path / "kontrak ali.pdf"
    scan.write_bytes(PDF)
    monkeypatch.setattr(view, "choose_file", lambda: str(scan))
    view.kind_combo.setCurrentIndex(view.kind_combo.findData("lease_scan"))
    view.title_edit.setText("Kontrak sewa 2026")
    qtbot.mouseClick(view.attach_button, Qt.MouseButton.LeftButton)
    assert view.model.rowCount() == 1
    doc = view.model.value(0)
    assert (doc.title, doc.kind, doc.size) == ("Kontrak sewa 2026", "lease_scan", len(PDF))
    assert view.model.index(0, 1).data() == "Pindaian kontrak sewa"
    assert view.model.index(0, 3).data() == size_text(len(PDF)) == "23 KB"
    assert view.title_edit.text() == "" and not view.empty_label.isVisibleTo(view)

    opened: list[QUrl] = []
    monkeypatch.setattr(module.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    view.table.selectRow(0)
    qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    (url,) = opened
    assert Path(url.toLocalFile()).read_bytes() == PDF

    monkeypatch.setattr(view, "confirm_remove", lambda _doc: False)
    qtbot.mouseClick(view.remove_button, Qt.MouseButton.LeftButton)
    assert view.model.rowCount() == 1  # "Tidak": kept
    monkeypatch.setattr(view, "confirm_remove", lambda _doc: True)
    qtbot.mouseClick(view.remove_button, Qt.MouseButton.LeftButton)
    assert view.model.rowCount() == 0
    assert not Path(url.toLocalFile()).exists()


def test_a_refused_file_says_why(
    view: TenantDocumentsView, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = tmp_path / "catatan.txt"
    text.write_text("bukan dokumen")
    monkeypatch.setattr(view, "choose_file", lambda: str(text))
    qtbot.mouseClick(view.attach_button, Qt.MouseButton.LeftButton)
    assert "PDF, JPG atau PNG" in view.message.text() and view.message.isVisibleTo(view)
    assert view.model.rowCount() == 0


def test_a_receptionist_only_reads(
    view: TenantDocumentsView, ctx: AppContext, core: Core, admin: Actor
) -> None:
    core.foodcourt.attach_document(admin, view.tenant_id or "", PDF, "Izin", "permit", "i.pdf")
    ctx.actor = Actor("sari", Role.RECEPTIONIST, "user", "Sari")
    view.set_tenant(view.tenant_id)
    assert view.model.rowCount() == 1
    view.table.selectRow(0)
    assert view.open_button.isEnabled()
    assert not view.attach_button.isEnabled() and not view.remove_button.isEnabled()


def test_nothing_chosen_disables_everything(ctx: AppContext, qtbot: QtBot) -> None:
    widget = TenantDocumentsView(ctx)
    qtbot.addWidget(widget)
    widget.set_tenant(None)
    assert not widget.attach_button.isEnabled() and not widget.open_button.isEnabled()
