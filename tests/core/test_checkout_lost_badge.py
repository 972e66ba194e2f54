"""Leaving without the badge, and an old badge after a replacement (issue 13,
points 2 and 4): the people inside are found by the badge's short number, a run
of the phone or the start of a word of the name; an old badge names the one
that replaced it and checks nothing out."""

from __future__ import annotations

import pytest

from smesco_desk.errors import AlreadyDone, BadgeReplaced, NotFound, PermissionDenied
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.values.visitors import VisitRecord
from tests.core.helpers_core import FakeClock, rows, visitor_form


@pytest.fixture
def inside(core: Core, receptionist: Actor, clock: FakeClock) -> dict[str, VisitRecord]:
    """Three visitors inside, one gone; their visits by name."""
    visits = {}
    for name, phone in [
        ("Citra Lestari", "0812 1111 7890"),
        ("Citra Dewi", "0813 2222 3333"),
        ("Bambang Sutrisno", "0857 4444 5555"),
        ("Citra Gone", "0811 0000 9999"),
    ]:
        visits[name] = core.visitors.register(receptionist, visitor_form(name=name, phone=phone))
        clock.advance(minutes=5)
    core.visitors.check_out(receptionist, visits["Citra Gone"].id)
    return visits


def names(found: list[VisitRecord]) -> list[str]:
    return [v.name for v in found]


def test_a_name_offers_the_people_inside_newest_first(
    core: Core, receptionist: Actor, inside: dict[str, VisitRecord]
) -> None:
    assert names(core.visitors.inside_matching(receptionist, "Citra")) == [
        "Citra Dewi",
        "Citra Lestari",
    ]  # not the one who left
    assert names(core.visitors.inside_matching(receptionist, "lestari")) == ["Citra Lestari"]


@pytest.mark.parametrize("typed", ["017", "17", "#017"])
def test_the_short_badge_number(
    core: Core, receptionist: Actor, clock: FakeClock, typed: str
) -> None:
    for i in range(17):
        visit = core.visitors.register(
            receptionist, visitor_form(name=f"Tamu {chr(65 + i)}", phone=f"0812 0000 {i:04d}")
        )
    assert visit.badge_number.endswith("-017")
    (found,) = core.visitors.inside_matching(receptionist, typed)
    assert found.id == visit.id


def test_a_phone_run(core: Core, receptionist: Actor, inside: dict[str, VisitRecord]) -> None:
    assert names(core.visitors.inside_matching(receptionist, "7890")) == ["Citra Lestari"]
    assert names(core.visitors.inside_matching(receptionist, "0857 4444")) == ["Bambang Sutrisno"]


@pytest.mark.parametrize("typed", ["Gone", "9999", "Yohanes", "005"])
def test_nobody_inside_says_what_was_typed(
    core: Core, receptionist: Actor, inside: dict[str, VisitRecord], typed: str
) -> None:
    with pytest.raises(NotFound) as caught:
        core.visitors.inside_matching(receptionist, typed)
    assert f"\u201c{typed}\u201d" in caught.value.message
    assert caught.value.field == "scan"


def test_finding_needs_the_check_out_permission(
    core: Core, tenant_manager: Actor, inside: dict[str, VisitRecord]
) -> None:
    with pytest.raises(PermissionDenied):
        core.visitors.inside_matching(tenant_manager, "citra")


def test_an_old_badge_names_the_new_one_and_checks_nothing_out(
    core: Core, receptionist: Actor, clock: FakeClock, inside: dict[str, VisitRecord]
) -> None:
    old = inside["Citra Lestari"]
    clock.advance(minutes=30)
    form = visitor_form(visitor_id=old.visitor_id, name=old.name, phone="0812 1111 7890")
    new = core.visitors.register(receptionist, form)  # she lost her badge
    assert new.replaced_badges == (old.badge_number,)
    before = rows(core, "SELECT count(*) FROM visit_checkouts")
    with pytest.raises(BadgeReplaced) as caught:
        core.visitors.check_out(receptionist, old.badge_number)
    assert caught.value.message == (
        f"Badge lama, diganti dengan {new.badge_number}; tamu masih di dalam."
    )
    assert isinstance(caught.value, AlreadyDone)
    current = caught.value.current
    assert isinstance(current, VisitRecord) and current.id == new.id and current.in_building
    assert rows(core, "SELECT count(*) FROM visit_checkouts") == before
    assert core.visitors.get_visit(new.id).in_building
    # Scanning the QR of the old badge says the same.
    with pytest.raises(BadgeReplaced):
        core.visitors.check_out(receptionist, f"SMESCO:{old.id}")
    # Once she has left on the new badge, the old one says so.
    clock.advance(hours=1)
    core.visitors.check_out(receptionist, new.badge_number)
    with pytest.raises(BadgeReplaced) as caught:
        core.visitors.check_out(receptionist, old.badge_number)
    assert "sudah keluar pada" in caught.value.message
    assert new.badge_number in caught.value.message


def test_a_badge_that_really_left_says_when(
    core: Core, receptionist: Actor, inside: dict[str, VisitRecord]
) -> None:
    with pytest.raises(AlreadyDone) as caught:
        core.visitors.check_out(receptionist, inside["Citra Gone"].badge_number)
    assert not isinstance(caught.value, BadgeReplaced)
    assert "sudah keluar pada" in caught.value.message


def test_an_old_badge_s_short_number_names_the_new_one(
    core: Core, receptionist: Actor, clock: FakeClock, inside: dict[str, VisitRecord]
) -> None:
    """Typed as its short number ("001"), a replaced badge of today says what its
    whole number says (it used to say nobody inside matches)."""
    old = inside["Citra Lestari"]
    form = visitor_form(visitor_id=old.visitor_id, name=old.name, phone="0812 1111 7890")
    new = core.visitors.register(receptionist, form)
    short = old.badge_number.rsplit("-", 1)[1]
    before = rows(core, "SELECT count(*) FROM visit_checkouts")
    with pytest.raises(BadgeReplaced) as caught:
        core.visitors.inside_matching(receptionist, short)
    assert caught.value.message == (
        f"Badge lama, diganti dengan {new.badge_number}; tamu masih di dalam."
    )
    current = caught.value.current
    assert isinstance(current, VisitRecord) and current.id == new.id
    assert rows(core, "SELECT count(*) FROM visit_checkouts") == before


def test_a_short_number_that_is_someone_s_current_badge_finds_that_person(
    core: Core, receptionist: Actor, clock: FakeClock, inside: dict[str, VisitRecord]
) -> None:
    """Replaced yesterday, "001" is today's badge of someone inside: that is the match."""
    old = inside["Citra Lestari"]
    form = visitor_form(visitor_id=old.visitor_id, name=old.name, phone="0812 1111 7890")
    core.visitors.register(receptionist, form)
    clock.advance(days=1)
    core.visitors.auto_check_out(receptionist)
    first_today = core.visitors.register(
        receptionist, visitor_form(name="Yusuf Hakim", phone="0812 5555 6666")
    )
    assert first_today.badge_number.endswith("-001")
    (found,) = core.visitors.inside_matching(receptionist, "001")
    assert found.id == first_today.id
    # Yesterday's replaced badges are not today's: nobody else by that number.
    core.visitors.check_out(receptionist, first_today.id)
    with pytest.raises(NotFound):
        core.visitors.inside_matching(receptionist, "001")
