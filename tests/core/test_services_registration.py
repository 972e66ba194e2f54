"""Registering walk-in visitors: validation, badge numbers, returning visitors,
personal data, and the audit/outbox rows every change writes."""

from __future__ import annotations

import json
import re

import pytest

from smesco_desk.errors import NotFound, ValidationError
from smesco_desk.services import recording
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from tests.core.helpers_core import (
    NIK_BUDI,
    NIK_SITI,
    FakeClock,
    assert_outbox_gap_free,
    counts_delta,
    db_file,
    rows,
    scalar,
    table_counts,
    visitor_form,
    wib,
)

# --- a new visitor ----------------------------------------------------------------


def test_valid_form_creates_visitor_visit_and_no_check_out(
    core: Core, receptionist: Actor, clock: FakeClock
) -> None:
    before = table_counts(core)
    visit = core.visitors.register(receptionist, visitor_form())

    assert counts_delta(before, table_counts(core)) == {
        "visitors": 1,
        "visits": 1,
        "audit_log": 1,
        "outbox": 3,
        "desk_counters": 1,
        # Her name's 2 words, 10 runs of 4+ digits of +6281234567890, the
        # organisation's 3 words and the host's 2 (smesco_desk.db.search_index).
        "search_words": 2 + 10 + 3 + 2,
    }
    assert (visit.name, visit.organisation, visit.host) == (
        "Siti Rahayu",
        "Koperasi Maju Bersama",
        "Bengkel Produk",
    )
    assert (visit.purpose_code, visit.purpose_label, visit.desk_code) == ("meeting", "Rapat", "D01")
    assert visit.badge_number == "D01-260310-001"
    assert visit.checked_in_at == clock.now
    assert visit.valid_until == wib(2026, 3, 10, 21, 0)
    assert visit.checked_out_at is None and visit.in_building
    assert scalar(core, "SELECT count(*) FROM visit_checkouts") == 0

    ((phone, phone_key, visit_count, consent_version),) = rows(
        core, "SELECT phone, phone_key, visit_count, consent_version FROM visitors"
    )
    assert (phone, phone_key, visit_count) == ("+6281234567890", "6281234567890", 1)
    assert consent_version == core.settings.get("consent_version")
    assert core.visitors.get_visit(visit.id) == visit
    assert core.visitors.get_visit(visit.badge_number) == visit


def test_visit_record_as_json_is_in_wib(core: Core, receptionist: Actor) -> None:
    data = core.visitors.register(receptionist, visitor_form()).to_json()
    assert data["checked_in_at"] == "2026-03-10T09:00:00+07:00"
    assert data["valid_until"] == "2026-03-10T21:00:00+07:00"
    assert data["checked_out_at"] is None
    json.dumps(data)


def test_registration_after_closing_is_valid_until_next_closing(
    core: Core, receptionist: Actor, clock: FakeClock
) -> None:
    clock.set_wib(2026, 3, 10, 21, 10)
    visit = core.visitors.register(receptionist, visitor_form())
    assert visit.valid_until == wib(2026, 3, 11, 21, 0)


def test_names_are_cleaned(core: Core, receptionist: Actor) -> None:
    visit = core.visitors.register(
        receptionist, visitor_form(name="  Zoe\u0308   Tan ", organisation=" CV  Batik ")
    )
    assert visit.name == "Zo\u00eb Tan"  # NFC, single spaces
    assert visit.organisation == "CV Batik"


# --- badge numbers ----------------------------------------------------------------


def test_badge_numbers_count_per_wib_day(core: Core, receptionist: Actor, clock: FakeClock) -> None:
    def badge(name: str) -> str:
        return core.visitors.register(receptionist, visitor_form(name=name)).badge_number

    assert [badge(f"Tamu {i}") for i in range(3)] == [
        "D01-260310-001",
        "D01-260310-002",
        "D01-260310-003",
    ]
    clock.set_wib(2026, 3, 10, 23, 59)  # still the 10th in Jakarta
    assert badge("Tamu Malam") == "D01-260310-004"
    # 00:01 WIB on the 11th is 17:01 UTC on the 10th: the WIB day decides.
    clock.set_wib(2026, 3, 11, 0, 1)
    assert clock.now.day == 10
    assert badge("Tamu Pagi") == "D01-260311-001"
    clock.set_wib(2026, 3, 11, 6, 59)
    assert badge("Tamu Subuh") == "D01-260311-002"
    clock.set_wib(2026, 3, 12, 8, 0)
    assert badge("Tamu Lusa") == "D01-260312-001"
    badges = [r[0] for r in rows(core, "SELECT badge_number FROM visits")]
    assert len(set(badges)) == len(badges) == 7
    assert all(re.fullmatch(r"D01-\d{6}-\d{3}", b) for b in badges)


def test_a_refused_registration_takes_no_badge_number(core: Core, receptionist: Actor) -> None:
    core.visitors.register(receptionist, visitor_form(name="Tamu Satu"))
    with pytest.raises(ValidationError):
        core.visitors.register(receptionist, visitor_form(purpose="no_such_purpose"))
    visit = core.visitors.register(receptionist, visitor_form(name="Tamu Dua"))
    assert visit.badge_number == "D01-260310-002"


# --- invalid input ----------------------------------------------------------------


def test_every_invalid_field_is_reported_and_nothing_is_written(
    core: Core, receptionist: Actor
) -> None:
    before = table_counts(core)
    form = visitor_form(name=" x ", phone="12345", nik="1234", purpose="", consent=False)
    with pytest.raises(ValidationError) as caught:
        core.visitors.register(receptionist, form)
    assert set(caught.value.errors) == {"name", "phone", "nik", "purpose", "consent"}
    assert all(caught.value.errors.values())
    assert table_counts(core) == before


@pytest.mark.parametrize(
    ("field", "overrides"),
    [
        ("name", {"name": ""}),
        ("name", {"name": "A"}),
        ("name", {"name": "N" * 201}),
        ("phone", {"phone": ""}),
        ("phone", {"phone": "0812-34"}),
        ("phone", {"phone": "call me"}),
        ("nik", {"nik": "3174015708900"}),
        ("nik", {"nik": "3174019908900001"}),  # day 99
        ("purpose", {"purpose": ""}),
        ("consent", {"consent": False}),
        ("organisation", {"organisation": "O" * 201}),
        ("host", {"host": "H" * 201}),
    ],
)
def test_one_invalid_field(
    core: Core, receptionist: Actor, field: str, overrides: dict[str, object]
) -> None:
    before = table_counts(core)
    with pytest.raises(ValidationError) as caught:
        core.visitors.register(receptionist, visitor_form(**overrides))
    assert set(caught.value.errors) == {field}
    assert caught.value.field == field
    assert table_counts(core) == before


def test_unknown_purpose_is_refused(core: Core, receptionist: Actor) -> None:
    before = table_counts(core)
    with pytest.raises(ValidationError) as caught:
        core.visitors.register(receptionist, visitor_form(purpose="karaoke"))
    assert set(caught.value.errors) == {"purpose"}
    assert table_counts(core) == before


def test_inactive_purpose_is_refused(core: Core, receptionist: Actor, supervisor: Actor) -> None:
    core.visitors.save_purpose(supervisor, "meeting", "Rapat", "Meeting", active=False)
    assert "meeting" not in [p.code for p in core.visitors.purposes()]
    assert "meeting" in [p.code for p in core.visitors.purposes(active_only=False)]
    before = table_counts(core)
    with pytest.raises(ValidationError) as caught:
        core.visitors.register(receptionist, visitor_form(purpose="meeting"))
    assert set(caught.value.errors) == {"purpose"}
    assert table_counts(core) == before
    # Reactivated, it works again.
    core.visitors.save_purpose(supervisor, "meeting", "Rapat", "Meeting", active=True)
    assert core.visitors.register(receptionist, visitor_form()).purpose_code == "meeting"


def test_a_new_purpose_can_be_used(core: Core, receptionist: Actor, supervisor: Actor) -> None:
    core.visitors.save_purpose(supervisor, "expo", "Pameran UMKM", "")
    visit = core.visitors.register(receptionist, visitor_form(purpose="expo"))
    assert visit.purpose_label == "Pameran UMKM"
    (purpose,) = [p for p in core.visitors.purposes() if p.code == "expo"]
    assert purpose.label_en == "Pameran UMKM"  # falls back to the Indonesian label
    assert purpose.sort_order == max(p.sort_order for p in core.visitors.purposes())


# --- returning visitors -----------------------------------------------------------


def test_returning_visitor_by_id_updates_the_same_visitor(
    core: Core, receptionist: Actor, clock: FakeClock
) -> None:
    first = core.visitors.register(receptionist, visitor_form(nik=NIK_SITI))
    core.visitors.check_out(receptionist, first.id)
    clock.advance(days=7)
    before = table_counts(core)
    second = core.visitors.register(
        receptionist,
        visitor_form(visitor_id=first.visitor_id, organisation="UMKM Baru", phone="0813 1111 2222"),
    )
    assert second.visitor_id == first.visitor_id
    assert counts_delta(before, table_counts(core)) == {
        "visits": 1,
        "audit_log": 1,
        "outbox": 3,
        "desk_counters": 1,
        "search_words": 2,  # the new organisation's words ("UMKM Baru")
    }

    details = core.visitors.visitor_details(receptionist, first.visitor_id)
    assert details.visit_count == 2
    assert (details.organisation, details.phone) == ("UMKM Baru", "+6281311112222")
    assert details.nik_masked == "************0001"  # an empty NIK field keeps the stored one
    assert details.last_visit_at == clock.now
    assert (details.last_purpose, details.last_host) == ("meeting", "Bengkel Produk")
    # The first visit keeps what was true that day.
    assert core.visitors.get_visit(first.id).organisation == "Koperasi Maju Bersama"
    assert rows(core, "SELECT version FROM visitors") == [(2,)]


def test_returning_visitor_with_unknown_id_is_refused(core: Core, receptionist: Actor) -> None:
    before = table_counts(core)
    with pytest.raises(NotFound):
        core.visitors.register(
            receptionist, visitor_form(visitor_id="01900000-0000-7000-8000-000000000000")
        )
    assert table_counts(core) == before


def test_returning_visitor_by_nik(core: Core, receptionist: Actor) -> None:
    first = core.visitors.register(receptionist, visitor_form(nik=NIK_SITI))
    # Another phone and another spelling: the NIK decides.
    again = core.visitors.register(
        receptionist,
        visitor_form(name="Siti R.", phone="0857 0000 1111", nik="3174 0157 0890 0001"),
    )
    assert again.visitor_id == first.visitor_id
    assert scalar(core, "SELECT count(*) FROM visitors") == 1
    assert scalar(core, "SELECT visit_count FROM visitors") == 2
    assert again.name == "Siti R."


def test_nik_is_never_stored_in_clear(core: Core, receptionist: Actor) -> None:
    core.visitors.register(receptionist, visitor_form(nik=NIK_SITI))
    core.visitors.register(
        receptionist, visitor_form(name="Budi Santoso", phone="0813 2222 3333", nik=NIK_BUDI)
    )
    ((masked, hashed),) = rows(
        core, "SELECT nik_masked, nik_hash FROM visitors WHERE full_name = 'Siti Rahayu'"
    )
    assert masked == "************0001"
    assert re.fullmatch(r"[0-9a-f]{64}", hashed)
    core.close()  # let SQLite finish writing; then read every file it keeps
    files = [p for p in db_file(core).parent.iterdir() if p.is_file()]
    assert db_file(core) in files
    for path in files:
        data = path.read_bytes()
        for nik in (NIK_SITI, NIK_BUDI):
            assert nik.encode() not in data, f"NIK in clear in {path.name}"
            assert nik.encode("utf-16-le") not in data
        if path == db_file(core):
            assert b"************0001" in data


def test_returning_visitor_by_same_phone_and_name(core: Core, receptionist: Actor) -> None:
    first = core.visitors.register(receptionist, visitor_form(name="Zoë Tan", phone="081234567890"))
    again = core.visitors.register(
        receptionist, visitor_form(name="  ZOE   tan", phone="+62 812-3456-7890")
    )
    assert again.visitor_id == first.visitor_id
    assert scalar(core, "SELECT visit_count FROM visitors") == 2


def test_same_phone_other_name_is_another_visitor(core: Core, receptionist: Actor) -> None:
    mother = core.visitors.register(receptionist, visitor_form(name="Ibu Sari"))
    son = core.visitors.register(receptionist, visitor_form(name="Dimas Sari"))
    assert son.visitor_id != mother.visitor_id
    assert scalar(core, "SELECT count(*) FROM visitors") == 2


# --- audit and outbox -------------------------------------------------------------


def test_every_change_writes_audit_and_outbox_rows(
    core: Core, receptionist: Actor, clock: FakeClock
) -> None:
    before = table_counts(core)
    first_seq = len(rows(core, "SELECT seq FROM outbox"))
    visits = [
        core.visitors.register(receptionist, visitor_form(name=f"Tamu {i}")) for i in range(4)
    ]
    clock.advance(hours=2)
    core.visitors.check_out(receptionist, visits[1].badge_number)
    # Tamu 1 has left, so coming back is a plain returning visit (nothing replaced).
    again = core.visitors.register(receptionist, visitor_form(name="Tamu 1"))

    assert counts_delta(before, table_counts(core)) == {
        "visitors": 4,
        "visits": 5,
        "visit_checkouts": 1,
        "audit_log": 6,
        "outbox": 6 * 3,
        "desk_counters": 1,
        "search_words": 53,  # the four visitors' words, their organisations' and hosts'
    }
    assert_outbox_gap_free(core)

    audit = rows(
        core,
        "SELECT actor, action, entity, entity_id, detail FROM audit_log "
        "WHERE action LIKE 'visit.%' ORDER BY at, action",
    )
    assert [(a[0], a[1], a[2]) for a in audit] == (
        [("resepsionis", "visit.check_in", "visits")] * 5
        + [("resepsionis", "visit.check_out", "visit_checkouts")]
    )
    assert {a[3] for a in audit[:5]} == {v.id for v in [*visits, again]}

    ops = rows(
        core,
        "SELECT seq, entity, entity_id, op FROM outbox WHERE seq > :s ORDER BY seq",
        s=first_seq,
    )
    entities = [(entity, op) for _, entity, _, op in ops]
    assert entities[:3] == [("visits", "insert"), ("visitors", "insert"), ("audit_log", "insert")]
    assert entities[12:15] == [
        ("visit_checkouts", "insert"),
        ("visits", "update"),
        ("audit_log", "insert"),
    ]
    assert entities[15:] == [
        ("visits", "insert"),
        ("visitors", "update"),
        ("audit_log", "insert"),
    ]
    # Every outbox row carries the row as it was after the change.
    (payload,) = [
        json.loads(p[0]) if isinstance(p[0], str) else p[0]
        for p in rows(core, "SELECT payload FROM outbox WHERE entity = 'visits' AND op = 'update'")
    ]
    assert payload["id"] == visits[1].id and payload["checked_out_at"] and payload["version"] == 2
    ids = [r[0] for r in rows(core, "SELECT id FROM outbox")]
    assert len(set(ids)) == len(ids)  # idempotency keys


def test_audit_and_outbox_are_in_the_same_transaction(
    core: Core, receptionist: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If writing the audit row fails, the visitor and visit are not saved either."""
    before = table_counts(core)

    def broken_audit(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    with monkeypatch.context() as patch:
        patch.setattr(recording, "audit", broken_audit)
        with pytest.raises(RuntimeError):
            core.visitors.register(receptionist, visitor_form())
    assert table_counts(core) == before
    visit = core.visitors.register(receptionist, visitor_form())
    assert visit.badge_number == "D01-260310-001"
    assert_outbox_gap_free(core)
