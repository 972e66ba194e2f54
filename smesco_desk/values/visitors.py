"""Plain frozen values of the visitors area: what a form holds, what the
services return (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from smesco_desk.clock import iso


@dataclass(frozen=True)
class VisitorForm:
    """What the receptionist typed; the service validates every field."""

    name: str
    phone: str
    purpose: str
    organisation: str = ""
    nik: str = ""
    host: str = ""
    consent: bool = False
    visitor_id: str | None = None  # a returning visitor chosen from the suggestions
    group_id: str | None = None  # the group ("rombongan") the person arrives with


@dataclass(frozen=True)
class Purpose:
    code: str
    label: str
    label_id: str
    label_en: str
    active: bool
    sort_order: int


@dataclass(frozen=True)
class VisitRecord:
    id: str
    badge_number: str
    visitor_id: str
    name: str
    organisation: str
    purpose_code: str
    purpose_label: str
    host: str
    desk_code: str
    checked_in_at: datetime
    valid_until: datetime
    checked_out_at: datetime | None
    # Badges of this visitor's earlier visits that this check-in closed.
    replaced_badges: tuple[str, ...] = ()
    group_id: str | None = None  # the group ("rombongan") registered together
    group_size: int = 0  # how many of the group the list holds (lists only)

    @property
    def in_building(self) -> bool:
        return self.checked_out_at is None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "badge_number": self.badge_number,
            "visitor_id": self.visitor_id,
            "name": self.name,
            "organisation": self.organisation,
            "purpose": self.purpose_code,
            "purpose_label": self.purpose_label,
            "host": self.host,
            "desk": self.desk_code,
            "checked_in_at": iso(self.checked_in_at),
            "valid_until": iso(self.valid_until),
            "checked_out_at": iso(self.checked_out_at),
            "replaced_badges": list(self.replaced_badges),
            "group_id": self.group_id,
        }


@dataclass(frozen=True)
class VisitorSuggestion:
    """A returning visitor offered while typing; phone shown partly hidden."""

    visitor_id: str
    name: str
    organisation: str
    phone_hint: str
    nik_masked: str | None
    last_visit_at: datetime | None
    visit_count: int
    matched_on: str  # name | phone | nik


@dataclass(frozen=True)
class VisitorDetails:
    visitor_id: str
    name: str
    phone: str
    organisation: str
    nik_masked: str | None
    last_visit_at: datetime | None
    visit_count: int
    last_purpose: str | None
    last_host: str
    # When the visitor consented to the privacy notice now in force (None: they
    # consented to an older one, and are asked again).
    consent_at: datetime | None = None


# A history search is counted this far (count_visits(..., up_to=)): past it the
# list says "more than 1000"; counting the 117,000 visits of a common name to
# the end would take longer than finding the first page of them (issue 14).
HISTORY_COUNT_UP_TO = 1000


class VisitScope(StrEnum):
    IN_BUILDING = "in_building"
    TODAY = "today"
    HISTORY = "history"


@dataclass(frozen=True)
class VisitFilter:
    scope: VisitScope = VisitScope.IN_BUILDING
    text: str = ""
    day: date | None = None  # for TODAY: which WIB day (default: today)


@dataclass(frozen=True)
class CheckOutResult:
    visit: VisitRecord
    method: str
