"""A tenant's letters from the tenant office: the statement ("Rekening koran",
charges, payments and the running balance up to a day) and the reminder letter
("Surat pengingat", for a tenant with charges past due). The core makes the PDF
on the worker; it opens in the PDF preview, to print or save from there.

Used by the tenants tab and the arrears tab: `TenantLetters(ctx, widget,
report, printer)`, then `statement(tenant_id, name, as_of)` or
`reminder(tenant_id, name)`; a refusal (nothing overdue, no permission) goes to
`report("error", text)`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from smesco_desk.services.actors import Permission
from ui.context import AppContext
from ui.documents import DocumentPrinterLike, PageDocuments
from ui.errors import error_text

Report = Callable[[str, str], None]  # (kind: "error" | "success", text)


def can_print_letters(ctx: AppContext) -> bool:
    """Statements and reminders are the tenancy staff's (Permission.MANAGE_TENANTS)."""
    return ctx.can(Permission.MANAGE_TENANTS)


class TenantLetters(QObject):
    def __init__(
        self, ctx: AppContext, widget: QWidget, report: Report,
        printer: DocumentPrinterLike | None = None,
    ) -> None:  # fmt: skip
        super().__init__(widget)
        self._ctx, self._widget, self._report = ctx, widget, report
        self.documents = PageDocuments(ctx, widget, printer)

    def statement(self, tenant_id: str, name: str, as_of: date | None = None) -> None:
        foodcourt, actor = self._ctx.core.foodcourt, self._ctx.require_actor()
        title = self.tr("Rekening koran {tenant}").format(tenant=name)
        self._ctx.runner.op(
            lambda: foodcourt.statement_pdf(actor, tenant_id, as_of), self._widget
        ).with_progress(self.tr("Menyiapkan rekening koran…")).success(
            lambda pdf: self._preview(pdf, title)
        ).failure(self._failed).run()

    def reminder(self, tenant_id: str, name: str) -> None:
        foodcourt, actor = self._ctx.core.foodcourt, self._ctx.require_actor()
        title = self.tr("Surat pengingat {tenant}").format(tenant=name)
        self._ctx.runner.op(
            lambda: foodcourt.reminder_pdf(actor, tenant_id), self._widget
        ).with_progress(self.tr("Menyiapkan surat pengingat…")).success(
            lambda pdf: self._preview(pdf, title)
        ).failure(self._failed).run()

    def _preview(self, pdf: bytes, title: str) -> None:
        try:
            self.documents.printer().preview(pdf, "office", title, self._widget)
        except Exception as exc:  # noqa: BLE001 - a printer problem is reported, not raised
            self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self._report("error", error_text(exc))
