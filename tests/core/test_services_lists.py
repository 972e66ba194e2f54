"""Visit lists: who is in the building, today's visits, history search, paging."""

from __future__ import annotations

from datetime import date

import pytest

from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.values.visitors import VisitFilter, VisitRecord, VisitScope
from tests.core.helpers_core import FakeClock, visitor_form

IN_BUILDING = VisitFilter(VisitScope.IN_BUILDING)
HISTORY = VisitFilter(VisitScope.HISTORY)


def listed(core: Core, flt: VisitFilter) -> list[str]:
    """Names listed for a filter; checks count_visits agrees with the list."""
    found = core.visitors.list_visits(flt, 0, 1000)
    assert core.visitors.count_visits(flt) == len(found)
    return [v.name for v in found]


def test_in_building_lists_open_visits_newest_first(
    core: Core, receptionist: Actor, clock: FakeClock
) -> None:
    visits = []
    for name in ("Ani", "Budi", "Citra"):
        visits.append(core.visitors.register(receptionist, visitor_form(name=name)))
        clock.advance(minutes=5)
    assert listed(core, IN_BUILDING) == ["Citra", "Budi", "Ani"]
    core.visitors.check_out(receptionist, visits[1].badge_number)
    assert listed(core, IN_BUILDING) == ["Citra", "Ani"]
    assert listed(core, HISTORY) == ["Citra", "Budi", "Ani"]
    assert all(v.in_building for v in core.visitors.list_visits(IN_BUILDING))


def test_today_uses_wib_day_bounds(core: Core, receptionist: Actor, clock: FakeClock) -> None:
    moments = {
        "Kemarin Malam": (2026, 3, 9, 23, 30),
        "Dini Hari": (2026, 3, 10, 0, 30),  # 17:30 UTC on the 9th
        "Siang": (2026, 3, 10, 12, 0),
        "Larut Malam": (2026, 3, 10, 23, 30),  # 16:30 UTC on the 10th
        "Besok Dini Hari": (2026, 3, 11, 0, 30),  # 17:30 UTC on the 10th
    }
    for name, when in moments.items():
        clock.set_wib(*when)
        core.visitors.register(receptionist, visitor_form(name=name))

    clock.set_wib(2026, 3, 10, 23, 45)
    today = VisitFilter(VisitScope.TODAY)
    assert listed(core, today) == ["Larut Malam", "Siang", "Dini Hari"]
    assert listed(core, VisitFilter(VisitScope.TODAY, day=date(2026, 3, 9))) == ["Kemarin Malam"]
    assert listed(core, VisitFilter(VisitScope.TODAY, day=date(2026, 3, 11))) == ["Besok Dini Hari"]
    clock.set_wib(2026, 3, 11, 0, 15)  # just after midnight in Jakarta
    assert listed(core, today) == ["Besok Dini Hari"]
    assert listed(core, VisitFilter(VisitScope.TODAY, text="siang", day=date(2026, 3, 10))) == [
        "Siang"
    ]


def test_today_includes_visits_already_checked_out(
    core: Core, receptionist: Actor, clock: FakeClock
) -> None:
    visit = core.visitors.register(receptionist, visitor_form(name="Pulang Cepat"))
    clock.advance(minutes=20)
    core.visitors.check_out(receptionist, visit.id)
    assert listed(core, VisitFilter(VisitScope.TODAY)) == ["Pulang Cepat"]
    assert listed(core, IN_BUILDING) == []


@pytest.fixture
def history(core: Core, receptionist: Actor, clock: FakeClock) -> list[VisitRecord]:
    people = [
        visitor_form(name="Dewi Lestari", organisation="Batik Lasem", host="Rapat Koperasi"),
        visitor_form(name="Zoë Tan", organisation="CV Kopi Nusantara", host=""),
        visitor_form(name="Rudi Hartono", organisation="UD Sumber Rezeki", host="Dewi (Bengkel)"),
        visitor_form(name="Andi 100% Jaya", organisation="PT A_B", host=""),
    ]
    made = []
    for day, form in enumerate(people):
        clock.set_wib(2026, 3, 2 + day, 10, 0)
        made.append(core.visitors.register(receptionist, form))
    return made


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dewi", ["Rudi Hartono", "Dewi Lestari"]),  # a name and a host
        ("LASEM", ["Dewi Lestari"]),  # organisation, any case
        ("kopi nus", ["Zoë Tan"]),
        ("Zoë", ["Zoë Tan"]),
        ("d01-260304-001", ["Rudi Hartono"]),  # a badge number, exactly
        ("100%", ["Andi 100% Jaya"]),
        ("A_B", ["Andi 100% Jaya"]),  # the word "ab": punctuation is not searched
        ("_", []),  # nor is it a wildcard: no word, nothing found
        ("%", []),
        ("a\\b", ["Andi 100% Jaya"]),
        ("tidak ada", []),
        ("  ", ["Andi 100% Jaya", "Rudi Hartono", "Zoë Tan", "Dewi Lestari"]),
    ],
)
def test_history_text_search(
    core: Core, history: list[VisitRecord], text: str, expected: list[str]
) -> None:
    assert listed(core, VisitFilter(VisitScope.HISTORY, text=text)) == expected


def test_history_search_finds_the_badge_number(core: Core, history: list[VisitRecord]) -> None:
    assert [
        v.id
        for v in core.visitors.list_visits(
            VisitFilter(VisitScope.HISTORY, text=history[2].badge_number)
        )
    ] == [history[2].id]


def test_list_records_carry_purpose_labels(core: Core, history: list[VisitRecord]) -> None:
    (first,) = core.visitors.list_visits(HISTORY, offset=3, limit=10)
    assert first == history[0]
    assert first.purpose_label == "Rapat"


@pytest.mark.parametrize("same_time", [False, True], ids=["distinct times", "same time"])
def test_pages_are_disjoint_and_newest_first(
    core: Core, receptionist: Actor, clock: FakeClock, same_time: bool
) -> None:
    made = []
    for i in range(23):
        made.append(core.visitors.register(receptionist, visitor_form(name=f"Tamu {i:02d}")))
        if not same_time:
            clock.advance(minutes=1)
    for flt in (
        IN_BUILDING,
        HISTORY,
        VisitFilter(VisitScope.TODAY),
        VisitFilter(VisitScope.HISTORY, text="tamu"),
    ):
        assert core.visitors.count_visits(flt) == 23
        pages = [core.visitors.list_visits(flt, offset, 10) for offset in (0, 10, 20, 30)]
        assert [len(p) for p in pages] == [10, 10, 3, 0]
        ids = [v.id for page in pages for v in page]
        assert len(set(ids)) == 23
        # Newest first; visits registered at the same instant keep a stable order.
        assert ids == [v.id for v in reversed(made)]
        times = [v.checked_in_at for page in pages for v in page]
        assert times == sorted(times, reverse=True)


def test_empty_lists(core: Core) -> None:
    for scope in VisitScope:
        assert core.visitors.count_visits(VisitFilter(scope)) == 0
        assert core.visitors.list_visits(VisitFilter(scope)) == []


def test_get_visit_by_badge_ignores_case(core: Core, history: list[VisitRecord]) -> None:
    assert core.visitors.get_visit(history[1].badge_number.lower()) == history[1]
    assert core.visitors.get_visit(f"QR:{history[1].id}") == history[1]
