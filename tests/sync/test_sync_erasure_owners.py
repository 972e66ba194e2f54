"""An erasure reaches the businesses whose owner is the person (the food court's
tenants): the desk that erases them blanks the owner's data as queued updates
and names the businesses in the erasure (`business_ids`); the server blanks its
rows and change log, every other desk its copies, and a desk that had not heard
of the erasure cannot bring the owner's data back with a late change. An owner
erased as such (by their tenant) travels the same way."""

from __future__ import annotations

import pytest

from smesco_desk.domain.erasure import ERASED_NAME
from smesco_desk.services.actors import Actor, Role
from tests.core.helpers_foodcourt import tenant_form
from tests.sync.helpers_sync import (
    SUPERVISOR,
    Desks,
    register,
    server_rows,
    sync_all,
    table_rows,
)
from tests.sync.proxy import TcpProxy

pytestmark = pytest.mark.slow

NAME, PHONE, NIK = "Siti Rahayu", "081234567890", "3174056508900001"
OWNER_PHONE = "+6281399990000"
ADMIN = Actor("admin", Role.ADMIN, "user", "Admin")
OWNER = "SELECT name, owner_name, phone, owner_nik_masked, owner_nik_hash, nib FROM businesses"


def test_the_owner_is_blanked_at_the_server_and_every_desk(desks: Desks, server_url: str) -> None:
    d1, d2 = desks.first("D01"), desks.join("D02")
    form = tenant_form(name="Nasi Uduk Mpok Siti", owner="Siti R.", phone="0813 9999 0000",
                       nik=NIK)  # fmt: skip
    siti = d1.foodcourt.save_tenant(ADMIN, form)
    d1.foodcourt.save_tenant(ADMIN, tenant_form(name="Bakso Cak Man", owner="Sulaiman"))
    visit = register(d1, NAME, PHONE, nik=NIK)
    sync_all(d1, d2)
    d1.privacy.erase_visitor(SUPERVISOR, visit.visitor_id)
    sync_all(d1, d2)

    rows = sorted(server_rows(server_url, OWNER))
    assert ("Nasi Uduk Mpok Siti", ERASED_NAME, "", None, None, "1234567890123") in rows
    assert ("Bakso Cak Man", "Sulaiman") in [r[:2] for r in rows]
    (ids,) = server_rows(server_url, "SELECT business_ids FROM erasures")
    assert ids[0] == [siti.business_id]
    log = server_rows(server_url, "SELECT payload::text FROM sync_changes")
    assert not any(OWNER_PHONE in str(r[0]) for r in log)
    assert d2.foodcourt.tenant(siti.id).owner == ERASED_NAME
    assert OWNER_PHONE not in str(table_rows(d2, "businesses"))


def test_a_desk_that_had_not_heard_of_the_erasure_cannot_bring_the_owner_back(
    proxied_desks: Desks, proxy: TcpProxy, server_url: str
) -> None:
    d1, d2 = proxied_desks.first("D01"), proxied_desks.join("D02")
    form = tenant_form(name="Nasi Uduk Mpok Siti", owner="Siti R.", phone="0813 9999 0000",
                       nik=NIK)  # fmt: skip
    siti = d1.foodcourt.save_tenant(ADMIN, form)
    visit = register(d1, NAME, PHONE, nik=NIK)
    sync_all(d1, d2)

    proxy.go_offline()  # D02 changes the business (its copy still has the owner's data)
    changed = tenant_form(name="Nasi Uduk Mpok Siti", owner="Siti R.", phone="0813 9999 0000",
                          products="Nasi uduk, lontong", tenant_id=siti.id)  # fmt: skip
    d2.foodcourt.save_tenant(ADMIN, changed)
    proxy.go_online()
    d1.privacy.erase_visitor(SUPERVISOR, visit.visitor_id)
    sync_all(d1)
    sync_all(d2, d1)

    (row,) = server_rows(server_url, OWNER + " WHERE id = %s", siti.business_id)
    assert row[1:5] == (ERASED_NAME, "", None, None)
    log = server_rows(server_url, "SELECT payload::text FROM sync_changes")
    assert not any(OWNER_PHONE in str(r[0]) for r in log)
    for core in (d1, d2):
        assert core.foodcourt.tenant(siti.id).owner == ERASED_NAME
        assert OWNER_PHONE not in str(table_rows(core, "businesses"))
        assert OWNER_PHONE not in str(table_rows(core, "outbox"))


def test_an_owner_erased_by_their_tenant_travels_too(desks: Desks, server_url: str) -> None:
    d1, d2 = desks.first("D01"), desks.join("D02")
    form = tenant_form(owner="Ali Rahman", phone="0813 9999 0000", nik=NIK)
    ali = d1.foodcourt.save_tenant(ADMIN, form)
    sync_all(d1, d2)
    d1.privacy.erase_owner(SUPERVISOR, ali.id)
    sync_all(d1, d2)
    (row,) = server_rows(server_url, OWNER)
    assert row[1:5] == (ERASED_NAME, "", None, None)
    assert d2.foodcourt.tenant(ali.id).owner == ERASED_NAME
    log = server_rows(server_url, "SELECT payload::text FROM sync_changes")
    assert not any(OWNER_PHONE in str(r[0]) for r in log)
