"""The history's count (issue 14): read from a tally that triggers keep exact
through every way a visit changes, and a history search counted only so far."""

from __future__ import annotations

from sqlalchemy import text

from smesco_desk.db import tallies
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.values.visitors import VisitFilter, VisitScope
from tests.core.helpers_core import FakeClock, scalar, visitor_form

HISTORY = VisitFilter(VisitScope.HISTORY)


def tally(core: Core) -> int:
    return int(scalar(core, "SELECT value FROM tallies WHERE name = 'live_visits'"))


def counted(core: Core) -> int:
    return int(scalar(core, "SELECT count(*) FROM visits WHERE deleted_at IS NULL"))


def test_the_tally_follows_registrations_deletions_and_raw_writes(
    core: Core, receptionist: Actor, admin: Actor
) -> None:
    assert tally(core) == counted(core) == 0
    ids = [
        core.visitors.register(
            receptionist, visitor_form(name=f"Tamu {i}", phone=f"0812 3456 70{i:02d}")
        ).id
        for i in range(5)
    ]
    assert tally(core) == counted(core) == core.visitors.count_visits(HISTORY) == 5
    core.visitors.check_out(receptionist, ids[0])  # a check-out does not move the count
    assert tally(core) == 5
    with core.db.engine.begin() as conn:  # a new desk's rows replaced at enrolment: past the ORM
        conn.execute(
            text("INSERT INTO sanctioned_rewrites (kind, subject) VALUES ('enrolment', 'test')")
        )
        conn.execute(text("DELETE FROM visit_checkouts WHERE visit_id = :i"), {"i": ids[0]})
        conn.execute(text("DELETE FROM visits WHERE id IN (:a, :b)"), {"a": ids[0], "b": ids[3]})
        conn.execute(text("DELETE FROM sanctioned_rewrites"))
    assert tally(core) == counted(core) == core.visitors.count_visits(HISTORY) == 3
    with core.db.engine.begin() as conn:  # deleted_at is frozen today; should it ever move
        conn.execute(text('DROP TRIGGER "append_only_visits_update"'))
        for value in ("created_at", "created_at", "NULL", "created_at"):
            conn.execute(
                text(f"UPDATE visits SET deleted_at = {value} WHERE id = :i"), {"i": ids[1]}
            )
        conn.execute(text("UPDATE visits SET host = 'x' WHERE id = :i"), {"i": ids[2]})
    assert tally(core) == counted(core) == core.visitors.count_visits(HISTORY) == 2


def test_install_counts_what_is_there_and_the_service_counts_without_a_tally(
    core: Core, receptionist: Actor
) -> None:
    for i in range(3):
        core.visitors.register(
            receptionist, visitor_form(name=f"Tamu {i}", phone=f"0812 3456 70{i:02d}")
        )
    with core.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM tallies"))
    assert core.visitors.count_visits(HISTORY) == 3  # counted, no tally row
    with core.db.engine.begin() as conn:
        tallies.install(conn)
    assert tally(core) == 3
    core.visitors.register(receptionist, visitor_form(name="Tamu 4", phone="0812 3456 7099"))
    assert tally(core) == core.visitors.count_visits(HISTORY) == 4


def test_a_search_is_counted_up_to_one_past_the_cap(core: Core, receptionist: Actor) -> None:
    for i in range(5):
        core.visitors.register(
            receptionist, visitor_form(name=f"Santoso {i}", phone=f"0813 3456 70{i:02d}")
        )
    core.visitors.register(receptionist, visitor_form(name="Lain", phone="0813 3456 7099"))
    search = VisitFilter(VisitScope.HISTORY, "santo")
    assert core.visitors.count_visits(search) == 5
    assert core.visitors.count_visits(search, up_to=10) == 5
    assert core.visitors.count_visits(search, up_to=3) == 4  # more than 3
    assert core.visitors.count_visits(HISTORY, up_to=3) == 6  # the whole history: exact


def test_pages_after_the_last_visit_are_the_pages_at_offsets(
    core: Core, receptionist: Actor, clock: FakeClock
) -> None:
    for i in range(7):
        core.visitors.register(
            receptionist, visitor_form(name=f"Tamu {i}", phone=f"0812 3456 71{i:02d}")
        )
        if i % 3:
            clock.advance(minutes=5)  # some visits share a check-in time
    for flt in (HISTORY, VisitFilter(VisitScope.HISTORY, "tamu")):
        whole = [v.id for v in core.visitors.list_visits(flt, 0, 100)]
        assert len(whole) == 7
        pages, after = [], None
        while True:
            page = core.visitors.list_visits(flt, 0, 2, after)
            if not page:
                break
            pages += [v.id for v in page]
            after = (page[-1].checked_in_at, page[-1].id)
        assert pages == whole
        assert [v.id for v in core.visitors.list_visits(flt, 4, 2)] == whole[4:6]
