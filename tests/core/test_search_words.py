"""Search anywhere in a number or a name (issue 13, point 3): a visitor is found by
any run of four or more digits of the phone and by the start of any word of the
name, diacritics ignored, in the returning-visitor search and the visit lists;
the words follow every change, and nobody erased stays findable."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from smesco_desk.db import search_index
from smesco_desk.domain.charges import LineInput
from smesco_desk.domain.search_words import name_words, phone_query, phone_words, query_terms
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.services.visitors import search
from smesco_desk.values.payments import ChargeForm, PayerForm, ReceiptFilter
from smesco_desk.values.visitors import VisitFilter, VisitScope
from tests.core.helpers_core import cash, visitor_form


@pytest.fixture
def people(core: Core, receptionist: Actor) -> dict[str, str]:
    """Visitors already known; their visitor ids by name."""
    forms = [
        visitor_form(name="Siti Nurhaliza", phone="0812-3456-7890", organisation="Batik Ayu"),
        visitor_form(name="Zoë Ñúñez", phone="0857 1111 2222", host="Bu Dewi Lestari"),
        visitor_form(name="Abdul-Rahman Nur'aini", phone="0813 5555 0000"),
        visitor_form(name="Budi Santoso", phone="0811 2222 7891", organisation="PT Siti Jaya"),
    ]
    return {f.name: core.visitors.register(receptionist, f).visitor_id for f in forms}


def suggested(core: Core, actor: Actor, typed: str) -> list[str]:
    return [s.name for s in core.visitors.suggest(actor, typed)]


def history(core: Core, typed: str) -> list[str]:
    flt = VisitFilter(VisitScope.HISTORY, typed)
    found = [v.name for v in core.visitors.list_visits(flt)]
    assert core.visitors.count_visits(flt) == len(found)
    return sorted(found)


def words(core: Core) -> set[tuple[str, str, str]]:
    with core.db.engine.connect() as conn:
        return {tuple(r) for r in conn.execute(text("SELECT owner, ref, word FROM search_words"))}


# --- the words ------------------------------------------------------------------------


def test_words_of_a_name_fold_and_split() -> None:
    assert name_words("Zoë  Ñúñez") == {"zoe", "nunez"}
    assert name_words("Abdul-Rahman Nur'aini") == {
        "abdulrahman",
        "abdul",
        "rahman",
        "nuraini",
        "nur",
        "aini",
    }


def test_every_run_of_four_digits_starts_a_phone_word() -> None:
    found = phone_words("6281234567890")
    assert min(map(len, found)) == 1 + 4 and "#6281234567890" in found
    digits = "6281234567890"
    for start in range(len(digits) - 3):
        run = "#" + digits[start : start + 4]
        assert any(word.startswith(run) for word in found), run


@pytest.mark.parametrize(
    ("typed", "terms"),
    [
        ("7890", [("#7890",)]),
        ("0812-3456", [("#628123456", "#08123456")]),  # 0: a prefix, or a run's own digit
        ("0668", [("#62668", "#0668")]),
        ("+62 812 3456", [("#628123456",)]),
        ("0062 812", [("#62812", "#0062812")]),
        ("3456 78", [("#345678",)]),
        ("Siti 7890", [("#7890",), ("siti",)]),  # four digits beside a name: the phone's
        ("Tamu 00", [("tamu",), ("00",)]),  # fewer: the start of a word ("001")
        ("081", []),  # three digits: too little
        ("Nurhal", [("nurhal",)]),
        ("siti NÚR", [("siti",), ("nur",)]),
        ("Siti N", [("siti",), ("n",)]),
        ("n", []),
        ("Nur'ai", [("nurai",)]),
    ],
)
def test_what_a_typed_search_looks_for(typed: str, terms: list[tuple[str, ...]]) -> None:
    assert query_terms(typed) == terms


def test_a_name_is_not_a_phone() -> None:
    assert phone_query("Siti 7890") is None
    assert phone_query("(021) 555-1234") == ("62215551234", "0215551234")


# --- returning visitors -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("7890", "Siti Nurhaliza"),  # the last four digits
        ("3456", "Siti Nurhaliza"),  # four from the middle
        ("0000", "Abdul-Rahman Nur'aini"),  # the last four, starting with 0
        ("4567 890", "Siti Nurhaliza"),
        ("0812 3456", "Siti Nurhaliza"),  # the beginning, as before
        ("Nurhal", "Siti Nurhaliza"),  # the start of the surname
        ("nurhaliza siti", "Siti Nurhaliza"),  # both words, any order
        ("NUNEZ", "Zoë Ñúñez"),  # diacritics ignored both ways
        ("ñúñ", "Zoë Ñúñez"),
        ("rahm", "Abdul-Rahman Nur'aini"),  # a part of a joined word
        ("nuraini", "Abdul-Rahman Nur'aini"),  # the word without its apostrophe
    ],
)
def test_suggest_finds_any_run_and_any_word_start(
    core: Core, receptionist: Actor, people: dict[str, str], typed: str, name: str
) -> None:
    assert suggested(core, receptionist, typed) == [name]


def test_suggest_needs_every_word_and_a_real_run(
    core: Core, receptionist: Actor, people: dict[str, str]
) -> None:
    assert suggested(core, receptionist, "siti santoso") == []
    assert suggested(core, receptionist, "789") == []  # three digits
    assert suggested(core, receptionist, "liza") == []  # not the start of a word
    assert sorted(suggested(core, receptionist, "789")) == []
    assert sorted(suggested(core, receptionist, "nur")) == [
        "Abdul-Rahman Nur'aini",
        "Siti Nurhaliza",
    ]


def test_a_changed_name_or_phone_is_found_by_the_new_one_only(
    core: Core, receptionist: Actor, people: dict[str, str]
) -> None:
    form = visitor_form(
        visitor_id=people["Budi Santoso"], name="Budi Prakoso", phone="0811 2222 4444"
    )
    core.visitors.register(receptionist, form)
    assert suggested(core, receptionist, "prako") == ["Budi Prakoso"]
    assert suggested(core, receptionist, "santoso") == []
    assert suggested(core, receptionist, "7891") == []
    assert suggested(core, receptionist, "4444") == ["Budi Prakoso"]


# --- the visit lists --------------------------------------------------------------------


def test_history_finds_visits_by_surname_phone_run_organisation_and_host(
    core: Core, receptionist: Actor, people: dict[str, str]
) -> None:
    assert history(core, "Nurhal") == ["Siti Nurhaliza"]
    assert history(core, "7890") == ["Siti Nurhaliza"]
    assert history(core, "789") == []
    # "siti" is the start of a name and of an organisation's word.
    assert history(core, "siti") == ["Budi Santoso", "Siti Nurhaliza"]
    assert history(core, "jaya") == ["Budi Santoso"]
    assert history(core, "lestari") == ["Zoë Ñúñez"]
    assert history(core, "zoe") == ["Zoë Ñúñez"]


def test_history_finds_a_whole_badge_number(
    core: Core, receptionist: Actor, people: dict[str, str]
) -> None:
    badge = core.visitors.list_visits(VisitFilter(VisitScope.HISTORY, "nurhal"))[0].badge_number
    assert history(core, badge.lower()) == ["Siti Nurhaliza"]


def test_in_building_filter_uses_the_same_matching(
    core: Core, receptionist: Actor, people: dict[str, str]
) -> None:
    visit = core.visitors.list_visits(VisitFilter(VisitScope.HISTORY, "7891"))[0]
    core.visitors.check_out(receptionist, visit.id)
    inside = VisitFilter(VisitScope.IN_BUILDING, "7891")
    assert core.visitors.list_visits(inside) == []
    assert [
        v.name for v in core.visitors.list_visits(VisitFilter(VisitScope.IN_BUILDING, "2222"))
    ] == ["Zoë Ñúñez"]


# --- kept in step ------------------------------------------------------------------------


def test_erased_visitors_are_not_findable_and_leave_no_words(
    core: Core, receptionist: Actor, supervisor: Actor, people: dict[str, str]
) -> None:
    core.privacy.erase_visitor(supervisor, people["Siti Nurhaliza"])
    assert suggested(core, receptionist, "nurhal") == []
    assert suggested(core, receptionist, "7890") == []
    assert history(core, "nurhal") == []
    assert history(core, "batik") == []  # her organisation, on no other live visit
    left = words(core)
    assert not [w for w in left if w[1] == people["Siti Nurhaliza"]]
    assert not [w for w in left if w[2] in ("nurhaliza", "batik", "#6281234567890")]
    # Others are still found, the organisation another visitor shares too.
    assert history(core, "siti") == ["Budi Santoso"]


def test_rebuild_makes_the_same_words_as_the_services_kept(
    core: Core, receptionist: Actor, supervisor: Actor, people: dict[str, str]
) -> None:
    core.privacy.erase_visitor(supervisor, people["Zoë Ñúñez"])
    core.visitors.register(
        receptionist,
        visitor_form(visitor_id=people["Budi Santoso"], name="Budi S", phone="0811 2222 7891"),
    )
    kept = words(core)
    with core.db.engine.begin() as conn:
        search_index.rebuild(conn)
    assert words(core) == kept
    assert ("visitor", people["Budi Santoso"], "s") in kept


@pytest.mark.parametrize("typed", ["siti", "Nurhal", "7890", "jaya", "lestari", "siti nur", "xqz"])
def test_a_page_of_many_matches_finds_the_same_visits(
    core: Core, receptionist: Actor, people: dict[str, str], typed: str, monkeypatch
) -> None:
    """Past MANY matches a page checks each visit newest first instead: the same visits."""
    flt = VisitFilter(VisitScope.HISTORY, typed)
    few = [v.id for v in core.visitors.list_visits(flt)]
    monkeypatch.setattr(search, "MANY", 1)
    assert [v.id for v in core.visitors.list_visits(flt)] == few
    assert core.visitors.count_visits(flt) == len(few)


def test_receipts_found_by_a_surname_start_and_the_visitors_phone_run(
    core: Core, receptionist: Actor, supervisor: Actor, people: dict[str, str]
) -> None:
    core.payments.open_shift(receptionist, 0)
    lines = (LineInput("Sewa ruang rapat", 1, 250_000),)
    for name in ("Siti Nurhaliza", "Budi Santoso"):
        payer = PayerForm("visitor", name, payer_id=people[name])
        core.payments.sell(receptionist, ChargeForm(payer, "service", lines, source="sale"), cash())

    def payers(typed: str) -> list[str]:
        return sorted(r.payer_name for r in core.payments.receipts(ReceiptFilter(text=typed)))

    assert payers("Nurhal") == ["Siti Nurhaliza"]  # the start of the surname
    assert payers("7890") == ["Siti Nurhaliza"]  # the last four of her phone
    assert payers("2222 7891") == ["Budi Santoso"]
    assert payers("0000") == []  # another visitor's phone, who paid nothing
    core.privacy.erase_visitor(supervisor, people["Siti Nurhaliza"])
    assert payers("7890") == [] and payers("Nurhal") == []


def test_a_restored_backup_does_not_bring_an_erased_visitor_back_into_search(
    core: Core, receptionist: Actor, supervisor: Actor, people: dict[str, str], tmp_path
) -> None:
    backup = core.maintenance.backup(supervisor, tmp_path / "before.sqlite3").path
    core.privacy.erase_visitor(supervisor, people["Siti Nurhaliza"])
    core.maintenance.restore(supervisor, backup)  # erases her again in the restored file
    assert suggested(core, receptionist, "7890") == []
    assert suggested(core, receptionist, "nurhal") == []
    assert history(core, "nurhal") == [] and history(core, "batik") == []
    assert suggested(core, receptionist, "nunez") == ["Zoë Ñúñez"]  # the others are back
