"""A visitor registered again while still inside: one open visit, the old badge closed."""

from __future__ import annotations

import pytest

from smesco_desk.errors import AlreadyDone, ValidationError
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.values.visitors import VisitFilter, VisitorForm, VisitScope


def _form(**kw: object) -> VisitorForm:
    values: dict[str, object] = {
        "name": "Budi Santoso",
        "phone": "0812-1111-2222",
        "purpose": "meeting",
        "consent": True,
    }
    values.update(kw)
    return VisitorForm(**values)  # type: ignore[arg-type]


def test_same_person_again_replaces_the_open_visit(core: Core, admin: Actor) -> None:
    first = core.visitors.register(admin, _form())
    second = core.visitors.register(admin, _form(purpose="workshop"))
    assert second.visitor_id == first.visitor_id
    assert second.replaced_badges == (first.badge_number,)
    inside = core.visitors.list_visits(VisitFilter(VisitScope.IN_BUILDING))
    assert [v.id for v in inside] == [second.id]
    assert core.visitors.get_visit(first.id).checked_out_at is not None
    with pytest.raises(AlreadyDone):
        core.visitors.check_out(admin, first.badge_number)
    assert second.to_json()["replaced_badges"] == [first.badge_number]


def test_chosen_returning_visitor_inside_is_replaced_too(core: Core, admin: Actor) -> None:
    first = core.visitors.register(admin, _form())
    again = core.visitors.register(admin, _form(name="Budi S.", visitor_id=first.visitor_id))
    assert again.replaced_badges == (first.badge_number,)
    assert core.visitors.count_visits(VisitFilter(VisitScope.IN_BUILDING)) == 1


def test_someone_else_does_not_close_anything(core: Core, admin: Actor) -> None:
    core.visitors.register(admin, _form())
    other = core.visitors.register(admin, _form(name="Siti Nurhaliza", phone="0813-3333-4444"))
    assert other.replaced_badges == ()
    assert core.visitors.count_visits(VisitFilter(VisitScope.IN_BUILDING)) == 2


def test_unknown_purpose_names_the_valid_codes(core: Core, admin: Actor) -> None:
    with pytest.raises(ValidationError) as info:
        core.visitors.register(admin, _form(purpose="rapat"))
    assert "meeting" in info.value.errors["purpose"]
    assert "business_lounge" in info.value.errors["purpose"]
