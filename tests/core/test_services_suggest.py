"""Finding returning visitors while the receptionist types."""

from __future__ import annotations

import pytest

from smesco_desk.errors import NotFound, PermissionDenied
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.services.visitors import phone_search_key
from smesco_desk.values.visitors import VisitorSuggestion
from tests.core.helpers_core import NIK_OTHER, NIK_SITI, visitor_form


@pytest.fixture
def known(core: Core, receptionist: Actor) -> dict[str, str]:
    """Four earlier visitors; their visitor ids by name."""
    people = [
        visitor_form(name="Zoë Tan", phone="0812 3456 7890", organisation="Batik Zoë"),
        visitor_form(name="Zainal Abidin", phone="0813 9999 0000"),
        visitor_form(name="Siti Rahayu", phone="0857 1111 2222", nik=NIK_SITI),
        visitor_form(name="Budi Santoso", phone="(021) 5555-1234"),
    ]
    return {f.name: core.visitors.register(receptionist, f).visitor_id for f in people}


def names(found: list[VisitorSuggestion]) -> list[str]:
    return [s.name for s in found]


@pytest.mark.parametrize("typed", ["zoe", "Zoë", "ZOE", "  zoe ", "zoe t", "Zoe\u0308"])
def test_name_prefix_ignores_case_and_diacritics(
    core: Core, receptionist: Actor, known: dict[str, str], typed: str
) -> None:
    found = core.visitors.suggest(receptionist, typed)
    assert names(found) == ["Zoë Tan"]
    (zoe,) = found
    assert (zoe.visitor_id, zoe.matched_on, zoe.visit_count) == (known["Zoë Tan"], "name", 1)
    assert zoe.organisation == "Batik Zoë"


def test_two_letters_find_every_name_starting_with_them(
    core: Core, receptionist: Actor, known: dict[str, str]
) -> None:
    assert names(core.visitors.suggest(receptionist, "za")) == ["Zainal Abidin"]
    assert names(core.visitors.suggest(receptionist, "z")) == []  # one letter: too little
    assert names(core.visitors.suggest(receptionist, "zo")) == ["Zoë Tan"]


@pytest.mark.parametrize(
    "typed",
    [
        "0812",
        "0812 3456",
        "081234567890",
        "+62 812",
        "+62 812-3456-7890",
        "62812",
        "6281234567",
        "0062 812 3456",
        "812 3456",
    ],
)
def test_phone_in_any_typed_form(
    core: Core, receptionist: Actor, known: dict[str, str], typed: str
) -> None:
    (found,) = core.visitors.suggest(receptionist, typed)
    assert (found.name, found.matched_on) == ("Zoë Tan", "phone")
    # The suggestion hides most of the number.
    assert found.phone_hint.startswith("+62812") and found.phone_hint.endswith("890")
    assert "3456" not in found.phone_hint


def test_landline_prefix(core: Core, receptionist: Actor, known: dict[str, str]) -> None:
    assert names(core.visitors.suggest(receptionist, "021 5555")) == ["Budi Santoso"]


def test_a_common_prefix_finds_several_phones(
    core: Core, receptionist: Actor, known: dict[str, str]
) -> None:
    core.visitors.register(receptionist, visitor_form(name="Adi", phone="0812 0000 1111"))
    assert names(core.visitors.suggest(receptionist, "0812")) == ["Adi", "Zoë Tan"]  # by number
    assert names(core.visitors.suggest(receptionist, "0812 3")) == ["Zoë Tan"]
    assert names(core.visitors.suggest(receptionist, "081")) == []  # too short to search


@pytest.mark.parametrize("typed", [NIK_SITI, "3174 0157 0890 0001", "3174-0157-0890-0001"])
def test_by_nik(core: Core, receptionist: Actor, known: dict[str, str], typed: str) -> None:
    (found,) = core.visitors.suggest(receptionist, typed)
    assert (found.name, found.matched_on) == ("Siti Rahayu", "nik")
    assert found.nik_masked == "************0001"


def test_unknown_nik_finds_nobody(core: Core, receptionist: Actor, known: dict[str, str]) -> None:
    assert core.visitors.suggest(receptionist, NIK_OTHER) == []


@pytest.mark.parametrize("typed", ["", " ", "z", "Z", "0", "8", "+", "08", "0812"[:3], "é"])
def test_too_little_typed_finds_nothing(
    core: Core, receptionist: Actor, known: dict[str, str], typed: str
) -> None:
    assert core.visitors.suggest(receptionist, typed) == []


def test_nothing_matches(core: Core, receptionist: Actor, known: dict[str, str]) -> None:
    assert core.visitors.suggest(receptionist, "Xavier") == []
    assert core.visitors.suggest(receptionist, "0899 1234") == []


def test_limit_and_order(core: Core, receptionist: Actor) -> None:
    for i in range(12):
        form = visitor_form(name=f"Ahmad {chr(ord('L') - i)}", phone=f"0811 0000 {i:04d}")
        core.visitors.register(receptionist, form)
    found = core.visitors.suggest(receptionist, "ahmad", limit=5)
    # In the order of the word that matched, then of registration.
    assert names(found) == ["Ahmad L", "Ahmad K", "Ahmad J", "Ahmad I", "Ahmad H"]
    assert names(core.visitors.suggest(receptionist, "ahmad b")) == ["Ahmad B"]
    assert len(core.visitors.suggest(receptionist, "ahmad")) == 8


def test_visit_count_grows_with_each_return(
    core: Core, receptionist: Actor, known: dict[str, str]
) -> None:
    core.visitors.register(
        receptionist,
        visitor_form(
            visitor_id=known["Budi Santoso"], name="Budi Santoso", phone="(021) 5555-1234"
        ),
    )
    (budi,) = core.visitors.suggest(receptionist, "budi")
    assert budi.visit_count == 2


def test_suggestions_need_permission(
    core: Core, known: dict[str, str], tenant_manager: Actor
) -> None:
    with pytest.raises(PermissionDenied):
        core.visitors.suggest(tenant_manager, "zoe")
    with pytest.raises(PermissionDenied):
        core.visitors.visitor_details(tenant_manager, known["Zoë Tan"])


def test_visitor_details_fill_the_form(
    core: Core, receptionist: Actor, known: dict[str, str]
) -> None:
    details = core.visitors.visitor_details(receptionist, known["Siti Rahayu"])
    assert (details.name, details.phone, details.nik_masked) == (
        "Siti Rahayu",
        "+6285711112222",
        "************0001",
    )
    with pytest.raises(NotFound):
        core.visitors.visitor_details(receptionist, "01900000-0000-7000-8000-000000000000")


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("0812", "62812"),
        ("+62 812", "62812"),
        ("62812", "62812"),
        ("0062812", "62812"),
        ("812", "62812"),
        ("+1 415", "1415"),
        ("021", "6221"),
    ],
)
def test_phone_search_key(typed: str, key: str) -> None:
    assert phone_search_key(typed) == key
