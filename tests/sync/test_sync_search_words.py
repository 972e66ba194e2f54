"""Search anywhere in a number or a name (issue 13, point 3) with a server: on
PostgreSQL the same search words and queries as on SQLite, with no extension
(pg_trgm may not be installed on a newcomer's server): a visitor found by any
run of four or more digits of the phone and by the start of any word of the
name, diacritics ignored, and found no more once deleted. At desks that sync:
the words of what they pull, and none of whom a pulled erasure erased."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from smesco_desk.db.models import Visitor
from smesco_desk.services.actors import Actor, Role
from smesco_desk.services.core import Core, open_core
from smesco_desk.values.visitors import VisitFilter, VisitScope
from tests.core.helpers_core import visitor_form
from tests.sync.helpers_sync import SUPERVISOR, Desks, register, sync_all

pytestmark = pytest.mark.slow

RECEPTION = Actor("sari", Role.RECEPTIONIST, "user", "Sari")


@pytest.fixture
def pg_core(tmp_path: Path, server_url: str) -> Iterator[Core]:
    core = open_core(tmp_path, server_url)
    core.setup.initialize("D01")
    try:
        yield core
    finally:
        core.close()


def test_the_same_matching_on_postgresql(pg_core: Core) -> None:
    core = pg_core
    assert core.db.engine.dialect.name == "postgresql"
    siti = core.visitors.register(
        RECEPTION,
        visitor_form(name="Siti Nurhaliza", phone="0812-3456-7890", organisation="Batik Ayu"),
    )
    core.visitors.register(RECEPTION, visitor_form(name="Zoë Ñúñez", phone="0857 1111 2222"))
    core.visitors.register(RECEPTION, visitor_form(name="Nyoman Arta", phone="0813 0000 1111"))

    def suggested(typed: str) -> list[str]:
        return sorted(s.name for s in core.visitors.suggest(RECEPTION, typed))

    assert suggested("7890") == ["Siti Nurhaliza"]
    assert suggested("Nurhal") == ["Siti Nurhaliza"]
    assert suggested("nunez") == ["Zoë Ñúñez"]
    assert suggested("ÑÚÑ") == ["Zoë Ñúñez"]
    assert suggested("ny") == ["Nyoman Arta"]  # byte order: no collation folds "ny" into "n"
    assert suggested("haliza") == []
    history = VisitFilter(VisitScope.HISTORY, "batik")
    assert [v.name for v in core.visitors.list_visits(history)] == ["Siti Nurhaliza"]
    assert core.visitors.count_visits(VisitFilter(VisitScope.HISTORY, "3456")) == 1
    with core.db.engine.connect() as conn:
        extensions = conn.execute(text("SELECT extname FROM pg_extension")).scalars().all()
    assert "pg_trgm" not in extensions

    # A visitor deleted (erased, merged) loses their words. (The erasure itself runs
    # in a desk's SQLite and on the server through sync: tests/sync/test_sync_erasure.py.)
    with core.db.write() as session:
        visitor = session.get(Visitor, siti.visitor_id)
        assert visitor is not None
        visitor.deleted_at = core.now()
    assert suggested("7890") == [] and suggested("nurhal") == []
    assert core.visitors.list_visits(VisitFilter(VisitScope.HISTORY, "nurhal")) == []


def test_pulled_visitors_are_findable_and_pulled_erasures_are_not(desks: Desks) -> None:
    """The words are each desk's own: made from what it pulls, gone with what it
    erases on a pulled erasure (and a full download on joining makes them too)."""
    d1 = desks.first("D01")
    siti = register(d1, "Siti Nurhaliza", "0812-3456-7890", organisation="Batik Ayu")
    d2 = desks.join("D02")  # a full download
    register(d1, "Zoë Ñúñez", "0857 1111 2222")
    sync_all(d1, d2)  # a pulled change
    for typed, name in (
        ("7890", "Siti Nurhaliza"),
        ("nurhal", "Siti Nurhaliza"),
        ("nunez", "Zoë Ñúñez"),
    ):
        assert [s.name for s in d2.visitors.suggest(RECEPTION, typed)] == [name]
    batik = VisitFilter(VisitScope.HISTORY, "batik")
    assert [v.name for v in d2.visitors.list_visits(batik)] == ["Siti Nurhaliza"]

    d1.privacy.erase_visitor(SUPERVISOR, siti.visitor_id)
    sync_all(d1, d2)
    for core in (d1, d2):
        assert core.visitors.suggest(RECEPTION, "7890") == []
        assert core.visitors.suggest(RECEPTION, "nurhal") == []
        assert core.visitors.list_visits(batik) == []
        with core.db.engine.connect() as conn:
            words = set(conn.execute(text("SELECT word FROM search_words")).scalars())
        assert not words & {"nurhaliza", "batik", "#6281234567890"}
