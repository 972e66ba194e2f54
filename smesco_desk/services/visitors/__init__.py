"""Walk-in visitors: registration, returning visitors, check-in and check-out.

The work is done by one module per job; `VisitorService` is the front callers
use (`core.visitors.register(...)`), each method handing over to one of them:

- purposes: the purposes of a visit the form offers
- form: the registration form's checks
- registration: registering (new or returning) and checking in
- checkout: check-out by badge (or by who is inside), and at closing time
- search: finding visitors and visits through the search words
- lists: the lists of visits and their search
- suggestions: returning visitors offered while typing, and their details
- documents: badges and the muster list
- mapping: visits as the values in smesco_desk.values.visitors
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from smesco_desk.services.actors import SYSTEM, Actor
from smesco_desk.services.approvals import Approval
from smesco_desk.services.visitors import (
    checkout,
    documents,
    lists,
    purposes,
    registration,
    suggestions,
)
from smesco_desk.services.visitors import form as visitor_form
from smesco_desk.services.visitors.form import CleanForm
from smesco_desk.services.visitors.suggestions import phone_search_key
from smesco_desk.values.visitors import (
    CheckOutResult,
    Purpose,
    VisitFilter,
    VisitorDetails,
    VisitorForm,
    VisitorSuggestion,
    VisitRecord,
)

if TYPE_CHECKING:
    from smesco_desk.services.core import Core


class VisitorService:
    """The visitors area's entry points; see the modules named above for how."""

    def __init__(self, core: Core) -> None:
        self.core = core

    # --- purposes ---------------------------------------------------------

    def purposes(self, active_only: bool = True) -> list[Purpose]:
        return purposes.purposes(self.core, active_only)

    def save_purpose(
        self, actor: Actor, code: str, label_id: str, label_en: str, active: bool = True
    ) -> Purpose:
        return purposes.save_purpose(self.core, actor, code, label_id, label_en, active)

    # --- registration and check-out ---------------------------------------

    def register(
        self, actor: Actor, form: VisitorForm, approval: Approval | None = None
    ) -> VisitRecord:
        """A person on the watchlist raises ApprovalRequired unless `approval` covers them."""
        return registration.register(self.core, actor, form, approval)

    def prepare_nik(self, actor: Actor, nik: str) -> bool:
        """Make the slow pseudonym of a NIK typed in the form now, while the rest is
        filled in, so that `register` finds it ready (it computes it itself
        otherwise, to the same value). False when `nik` is not a valid NIK."""
        return registration.prepare_nik(self.core, actor, nik)

    def forget_prepared_niks(self) -> None:
        """Drop every pseudonym prepared ahead (on logout)."""
        self.core.nik_key.forget()

    def validate_form(self, form: VisitorForm) -> CleanForm:
        return visitor_form.validate_form(form)

    def check_out(self, actor: Actor, key: str, method: str | None = None) -> CheckOutResult:
        return checkout.check_out(self.core, actor, key, method)

    def inside_matching(self, actor: Actor, text: str, limit: int = 10) -> list[VisitRecord]:
        return checkout.inside_matching(self.core, actor, text, limit)

    def auto_check_out(self, actor: Actor = SYSTEM) -> int:
        return checkout.auto_check_out(self.core, actor)

    # --- returning visitors -----------------------------------------------

    def suggest(self, actor: Actor, text: str, limit: int = 8) -> list[VisitorSuggestion]:
        return suggestions.suggest(self.core, actor, text, limit)

    def visitor_details(self, actor: Actor, visitor_id: str) -> VisitorDetails:
        return suggestions.visitor_details(self.core, actor, visitor_id)

    # --- lists ------------------------------------------------------------

    def get_visit(self, visit_id_or_badge: str) -> VisitRecord:
        return lists.get_visit(self.core, visit_id_or_badge)

    def count_visits(self, flt: VisitFilter, up_to: int | None = None) -> int:
        return lists.count_visits(self.core, flt, up_to)

    def list_visits(
        self,
        flt: VisitFilter,
        offset: int = 0,
        limit: int = 200,
        after: tuple[datetime, str] | None = None,
    ) -> list[VisitRecord]:
        return lists.list_visits(self.core, flt, offset, limit, after)

    # --- documents --------------------------------------------------------

    def badge_pdf(self, visit_id: str, copy: bool = False) -> bytes:
        return documents.badge_pdf(self.core, visit_id, copy)

    def badge_label_pdf(self, visit_id: str, copy: bool = False) -> bytes:
        return documents.badge_label_pdf(self.core, visit_id, copy)

    def group_badges_pdf(self, visit_ids: Sequence[str], label: bool = False) -> bytes:
        return documents.group_badges_pdf(self.core, visit_ids, label)

    def muster_pdf(
        self, actor: Actor, last_sync_at: datetime | None = None, evacuation: bool = False
    ) -> bytes:
        return documents.muster_pdf(self.core, actor, last_sync_at, evacuation)


__all__ = ["VisitorService", "phone_search_key"]
