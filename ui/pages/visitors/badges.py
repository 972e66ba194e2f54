"""Printing badges and the muster list: PDF made on the worker, printed on the UI thread."""

from __future__ import annotations

from datetime import datetime

from smesco_desk.services.core import Core
from smesco_desk.values.visitors import VisitRecord
from ui.documents import Done, Failed, PageDocuments
from ui.settings import BADGE_FORMAT, PREVIEW_BEFORE_PRINT


def _last_sync_at(core: Core) -> datetime | None:
    """Worker thread: when this desk last synced, or None for a desk on its own."""
    status = core.sync.status()
    return status.last_sync_at if status.enrolled else None


class VisitorDocuments(PageDocuments):
    """Badges (card or label, as set) and the evacuation list, through one printer;
    a failed print leaves the visit as it is."""

    def print_badge(self, visit: VisitRecord, copy: bool, done: Done, failed: Failed) -> None:
        visitors = self._ctx.core.visitors
        render = (
            visitors.badge_label_pdf
            if self._ctx.settings.get(BADGE_FORMAT) == "label"
            else visitors.badge_pdf
        )
        title = self.tr("Kartu tamu {badge}").format(badge=visit.badge_number)
        self._ctx.runner.op(lambda: render(visit.id, copy), self).success(
            lambda pdf: self._deliver(pdf, "badge", title, done, failed)
        ).failure(failed).run()

    def print_group_badges(self, visits: list[VisitRecord], done: Done, failed: Failed) -> None:
        """The badges of a group, one page each, sent as one print job."""
        visitors, ids = self._ctx.core.visitors, [v.id for v in visits]
        label = self._ctx.settings.get(BADGE_FORMAT) == "label"
        title = self.tr("Kartu tamu rombongan ({count})").format(count=len(ids))
        self._ctx.runner.op(lambda: visitors.group_badges_pdf(ids, label), self).success(
            lambda pdf: self._deliver(pdf, "badge", title, done, failed)
        ).failure(failed).with_progress(self.tr("Menyiapkan badge rombongan…")).run()

    def muster(self, mode: str, done: Done, failed: Failed) -> None:
        """mode: print | preview | save. An enrolled desk's list says when it last
        synced: during an outage it shows only what this desk knew by then. The
        list printed (for an evacuation) has the visitors' phones; a preview or a
        saved copy has none."""
        core, actor = self._ctx.core, self._ctx.require_actor()
        title = self.tr("Daftar evakuasi")
        evacuation = mode == "print"
        self._ctx.runner.op(
            lambda: core.visitors.muster_pdf(actor, _last_sync_at(core), evacuation), self
        ).success(lambda pdf: self._muster_ready(pdf, mode, title, done, failed)).failure(
            failed
        ).with_progress(self.tr("Menyiapkan daftar evakuasi…")).run()

    def _muster_ready(self, pdf: bytes, mode: str, title: str, done: Done, failed: Failed) -> None:
        if mode == "preview":
            self._guard(
                lambda: self.printer().preview(pdf, "office", title, self._widget),
                lambda: done(False),
                failed,
            )
        elif mode == "save":
            stamp = self._ctx.core.now().strftime("%Y%m%d-%H%M")
            self._guard(
                lambda: self.printer().save_pdf(pdf, f"daftar-evakuasi-{stamp}.pdf", self._widget),
                lambda: done(False),
                failed,
            )
        else:
            self._deliver(pdf, "office", title, done, failed, preview_allowed=False)

    def _deliver(
        self,
        pdf: bytes,
        kind: str,
        title: str,
        done: Done,
        failed: Failed,
        preview_allowed: bool = True,
    ) -> None:
        if preview_allowed and self._ctx.settings.get(PREVIEW_BEFORE_PRINT):
            self._preview_then(pdf, kind, title, done, failed)  # printed from it: a badge given out
        else:
            self._guard(
                lambda: self.printer().print_pdf(pdf, kind, title, self._widget),
                lambda: done(True),
                failed,
            )
