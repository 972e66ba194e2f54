"""Groups ("rombongan") registered together, their badges in one job, and the
muster list printed for an evacuation (with phones, noted in the audit log)."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

from smesco_desk.errors import ValidationError
from smesco_desk.ids import new_id
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.values.visitors import VisitFilter, VisitorForm, VisitRecord, VisitScope
from tests.core.helpers_core import FakeClock, rows


def _register(
    core: Core, actor: Actor, name: str, phone: str, group_id: str | None = None
) -> VisitRecord:
    form = VisitorForm(
        name,
        phone,
        "meeting",
        "Dinas Koperasi DKI",
        host="Pelatihan Foto",
        consent=True,
        group_id=group_id,
    )
    return core.visitors.register(actor, form)


def _pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_a_group_is_listed_together_in_the_building(
    core: Core, receptionist: Actor, clock: FakeClock
) -> None:
    group = new_id()
    first = _register(core, receptionist, "Rina Lestari", "081210000001", group)
    clock.advance(minutes=1)
    walk_in = _register(core, receptionist, "Joko Susilo", "081299990000")
    clock.advance(minutes=1)
    second = _register(core, receptionist, "Agus Salim", "081210000002", group)
    clock.advance(minutes=1)
    later = _register(core, receptionist, "Maya Sari", "081299990001")

    listed = core.visitors.list_visits(VisitFilter(VisitScope.IN_BUILDING))
    # The newest first, but the group at its first check-in, in registration order.
    assert [v.id for v in listed] == [later.id, walk_in.id, first.id, second.id]
    assert [v.group_size for v in listed] == [0, 0, 2, 2]
    assert first.group_id == second.group_id == group and walk_in.group_id is None
    audit = rows(core, "SELECT detail FROM audit_log WHERE entity_id = :i", i=first.id)
    detail = json.loads(audit[0][0])
    assert detail["group_id"] == group

    core.visitors.check_out(receptionist, first.badge_number)
    listed = core.visitors.list_visits(VisitFilter(VisitScope.IN_BUILDING))
    # What is left of the group stands at its first member still inside.
    assert [(v.id, v.group_size) for v in listed] == [
        (later.id, 0),
        (second.id, 1),
        (walk_in.id, 0),
    ]


def test_a_group_id_that_is_not_one_is_refused_at_its_field(
    core: Core, receptionist: Actor
) -> None:
    with pytest.raises(ValidationError) as refused:
        _register(core, receptionist, "Rina Lestari", "081210000001", "semua'; --")
    assert set(refused.value.errors) == {"group_id"}
    assert core.visitors.count_visits(VisitFilter(VisitScope.HISTORY)) == 0


def test_the_badges_of_a_group_are_one_document_a_page_each(
    core: Core, receptionist: Actor
) -> None:
    group = new_id()
    visits = [
        _register(core, receptionist, f"Peserta {n}", f"08121000000{n}", group) for n in range(1, 4)
    ]
    for label in (False, True):
        pdf = core.visitors.group_badges_pdf([v.id for v in visits], label)
        pages = _pages_text(pdf)
        assert len(pages) == 3
        for page, visit in zip(pages, visits, strict=True):
            assert visit.name in page and visit.badge_number in page
            assert "0812" not in page  # never a phone on a badge
    with pytest.raises(ValidationError):
        core.visitors.group_badges_pdf([])


def test_the_evacuation_list_has_phones_and_says_so_in_the_audit(
    core: Core, receptionist: Actor
) -> None:
    group = new_id()
    for n in range(1, 11):
        _register(core, receptionist, f"Peserta {n:02d}", f"0812100000{n:02d}", group)
    _register(core, receptionist, "Joko Susilo", "081299990000")

    plain = "".join(_pages_text(core.visitors.muster_pdf(receptionist)))
    assert "Peserta 10" in plain and "Joko Susilo" in plain
    assert "No. HP" not in plain and "0812" not in plain
    assert not rows(core, "SELECT 1 FROM audit_log WHERE action = 'visit.muster_phones'")

    evacuation = "".join(_pages_text(core.visitors.muster_pdf(receptionist, evacuation=True)))
    assert "No. HP" in evacuation
    assert "0812-9999-0000" in evacuation and "0812-1000-0010" in evacuation
    assert all(f"Peserta {n:02d}" in evacuation for n in range(1, 11))
    assert "11" in evacuation  # the head count
    (detail,) = rows(
        core, "SELECT detail, actor FROM audit_log WHERE action = 'visit.muster_phones'"
    )
    assert json.loads(detail[0]) == {"people": 11, "phones": 11}
