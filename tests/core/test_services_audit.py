"""The audit viewer's core (issue 13, point 11): who did what, when, filtered by
user, kind and WIB days, and exported as CSV that Excel opens."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from smesco_desk.errors import PermissionDenied, ValidationError
from smesco_desk.services.actors import Actor, Role
from smesco_desk.services.core import Core
from smesco_desk.values.audit import AuditFilter
from tests.core.helpers_core import FakeClock, visitor_form


@pytest.fixture
def history(core: Core, clock: FakeClock, admin: Actor, supervisor: Actor,
            receptionist: Actor) -> None:  # fmt: skip
    """Three days of work: 10 March (the fixtures' logins), 11 and 12 March."""
    clock.set_wib(2026, 3, 11, 23, 30)  # late in the WIB day: 16:30 UTC
    core.visitors.register(receptionist, visitor_form(name="Ñoño Çağlar"))
    clock.set_wib(2026, 3, 12, 0, 30)  # just after midnight WIB: still 11 March in UTC
    core.users.update(admin, receptionist.user_id or "", '=HYPERLINK("x")', "receptionist")
    core.users.update(admin, supervisor.user_id or "", "Dédé Ñúñez Çağlar", "supervisor")


def _csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8
    text = data.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def test_filters_by_user_kind_area_and_wib_days(core: Core, admin: Actor, history: None) -> None:
    everything = core.audit.entries(admin, AuditFilter())
    assert core.audit.count(admin, AuditFilter()) == len(everything)
    assert [r.at for r in everything] == sorted((r.at for r in everything), reverse=True)
    by_receptionist = core.audit.entries(admin, AuditFilter(actor="resepsionis"))
    assert {r.actor for r in by_receptionist} == {"resepsionis"}
    assert {r.action for r in by_receptionist} >= {"user.login", "visit.check_in"}
    renames = core.audit.entries(admin, AuditFilter(kind="user.rename"))
    assert [r.actor for r in renames] == ["admin", "admin"]
    area = {r.action for r in core.audit.entries(admin, AuditFilter(kind="user"))}
    assert area >= {"user.login", "user.create", "user.rename"}
    assert all(a.startswith("user.") for a in area)
    day_11 = core.audit.entries(
        admin, AuditFilter(date_from=date(2026, 3, 11), date_to=date(2026, 3, 11))
    )
    assert {r.action for r in day_11} == {"visit.check_in"}  # fmt: skip
    from_12 = core.audit.entries(admin, AuditFilter(date_from=date(2026, 3, 12)))
    assert {r.action for r in from_12} == {"user.rename"}
    assert core.audit.count(admin, AuditFilter(actor="resepsionis", kind="user.rename")) == 0


def test_pages_do_not_overlap(core: Core, admin: Actor, history: None) -> None:
    total = core.audit.count(admin, AuditFilter())
    pages = [core.audit.entries(admin, AuditFilter(), offset, 3) for offset in range(0, total, 3)]
    ids = [r.id for page in pages for r in page]
    assert len(ids) == len(set(ids)) == total


def test_a_reversed_date_range_is_refused_at_the_field(core: Core, admin: Actor) -> None:
    flt = AuditFilter(date_from=date(2026, 3, 12), date_to=date(2026, 3, 11))
    with pytest.raises(ValidationError) as refused:
        core.audit.entries(admin, flt)
    assert "date_to" in refused.value.errors


def test_only_supervisors_and_administrators_read_it(
    core: Core, receptionist: Actor, supervisor: Actor
) -> None:
    with pytest.raises(PermissionDenied):
        core.audit.entries(receptionist, AuditFilter())
    with pytest.raises(PermissionDenied):
        core.audit.export_csv(receptionist, AuditFilter())
    assert core.audit.count(supervisor, AuditFilter()) > 0


def test_the_filters_offer_every_actor_and_kind(core: Core, admin: Actor, history: None) -> None:
    kinds = core.audit.kinds(admin)
    assert kinds == sorted(set(kinds)) and {"user.login", "visit.check_in"} <= set(kinds)
    labels = {a.name: a.label for a in core.audit.actors(admin)}
    assert labels["supervisor"] == "Dédé Ñúñez Çağlar (supervisor)"
    assert {"admin", "resepsionis", "supervisor"} <= set(labels)


def test_csv_export_opens_in_excel_with_names_intact_and_no_formulas(
    core: Core, admin: Actor, history: None
) -> None:
    rows = _csv_rows(core.audit.export_csv(admin, AuditFilter()))
    header, body = rows[0], rows[1:]
    assert header == ["Waktu (WIB)", "Pengguna", "Nama", "Disetujui oleh", "Kode jenis", "Jenis",
                      "Objek", "ID objek", "Meja", "Rincian", "Data rincian"]  # fmt: skip
    assert len(body) == core.audit.count(admin, AuditFilter())
    assert [r[0] for r in body] == sorted(r[0] for r in body)  # oldest first
    register = next(r for r in body if r[4] == "visit.check_in")
    assert register[0] == "2026-03-11 23:30:00" and register[1] == "resepsionis"
    rename = next(r for r in body if r[4] == "user.rename")
    assert rename[2] == "Administrator Gedung"
    assert "=HYPERLINK" in rename[9] and not rename[9].startswith("=")
    assert rename[5] == "Nama pengguna diubah" and rename[9].startswith("Pengguna: ")
    assert json.loads(rename[10])["username"] == rename[9].split(";")[0].split(": ")[1]
    receptionist_rows = [r for r in body if r[1] == "resepsionis"]
    assert {r[2] for r in receptionist_rows} == {'\'=HYPERLINK("x")'}  # the name today, inert
    assert {r[2] for r in body if r[1] == "supervisor"} == {"Dédé Ñúñez Çağlar"}
    only = _csv_rows(core.audit.export_csv(admin, AuditFilter(kind="visit.check_in")))
    assert [r[4] for r in only[1:]] == ["visit.check_in"]


def test_csv_export_reads_past_its_batches(
    core: Core, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from smesco_desk.services import audit

    for n in range(7):
        core.users.create(admin, f"staf{n}", f"Staf {n}", "rahasia-staf-1", Role.RECEPTIONIST)
    monkeypatch.setattr(audit, "EXPORT_BATCH", 2)
    body = _csv_rows(core.audit.export_csv(admin, AuditFilter()))[1:]
    ids = [r[7] + r[4] for r in body]
    assert len(body) == core.audit.count(admin, AuditFilter()) and len(set(ids)) == len(ids)


def test_an_area_is_paged_and_exported_in_the_same_order_as_one_query(
    core: Core, admin: Actor, history: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An area (several actions) is read action by action and merged: the pages
    and the export come out as one sorted query would give them."""
    from smesco_desk.services import audit

    flt = AuditFilter(kind="user")
    whole = [r for r in core.audit.entries(admin, AuditFilter(), 0, 1000)
             if r.action.startswith("user.")]  # fmt: skip
    assert len({r.action for r in whole}) >= 3
    pages = [core.audit.entries(admin, flt, offset, 2) for offset in range(0, len(whole) + 2, 2)]
    assert [r.id for page in pages for r in page] == [r.id for r in whole]
    assert core.audit.count(admin, flt) == len(whole)
    monkeypatch.setattr(audit, "EXPORT_BATCH", 2)
    body = _csv_rows(core.audit.export_csv(admin, flt))[1:]
    assert [(r[4], r[7]) for r in body] == [(r.action, r.entity_id or "") for r in reversed(whole)]
    assert core.audit.entries(admin, AuditFilter(kind="nothing")) == []
