"""UU PDP reaches a tenant's owner (businesses): the owner's NIK is never stored
raw; export-visitor lists the businesses the person owns (same NIK pseudonym, or
same phone and owner name); erase-visitor blanks the owner's data as queued
updates and names those businesses in the erasure (`business_ids`, which sync
carries); an owner who never visited is exported and erased by their tenant
(refused while a lease runs or is to come); purge-expired blanks the owners whose
last lease ended longer ago than the retention period. The business's own
identity (name, NIB, NPWP) and its leases stay."""

from __future__ import annotations

from datetime import date

import pytest

from smesco_desk.domain.erasure import ERASED_NAME
from smesco_desk.errors import ValidationError
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.values.foodcourt import LeaseForm
from tests.core.helpers_core import (
    NIK_BUDI,
    NIK_SITI,
    FakeClock,
    db_file,
    raw_sqlite,
    rows,
    scalar,
    visitor_form,
)
from tests.core.helpers_foodcourt import stall_form, tenant_form

OWNER = "SELECT name, owner_name, phone, owner_nik_masked, owner_nik_hash, nib FROM businesses"


def siti_tenant(core: Core, manager: Actor, **more: str) -> str:
    given = {"name": "Nasi Uduk Mpok Siti", "owner": "Siti Rahayu", "nik": NIK_SITI, **more}
    form = tenant_form(**given)
    return core.foodcourt.save_tenant(manager, form).id


def test_the_owner_nik_is_never_stored_raw(core: Core, tenant_manager: Actor) -> None:
    siti_tenant(core, tenant_manager)
    with raw_sqlite(db_file(core)) as conn:
        dumped = "\n".join(conn.iterdump())
    assert NIK_SITI not in dumped and "************0001" in dumped
    assert scalar(core, "SELECT owner_nik_hash FROM businesses") == core.nik_key.pseudonym(NIK_SITI)


def test_export_lists_the_businesses_the_person_owns(
    core: Core, receptionist: Actor, supervisor: Actor, tenant_manager: Actor
) -> None:
    siti_tenant(core, tenant_manager, phone="0813 9999 0000")  # by NIK, another phone
    core.foodcourt.save_tenant(tenant_manager, tenant_form(name="Bakso", owner="Budi",
                                                           nik=NIK_BUDI))  # fmt: skip
    visit = core.visitors.register(receptionist, visitor_form(nik=NIK_SITI))
    data = core.privacy.export_visitor(supervisor, visit.visitor_id)
    (owned,) = data["businesses_owned"]
    assert (owned["business"], owned["owner"], owned["phone"]) == (
        "Nasi Uduk Mpok Siti", "Siti Rahayu", "+6281399990000")  # fmt: skip
    assert data["stored_in"]["tables"]["businesses"] == 1


def test_erasing_the_visitor_blanks_the_owner_and_names_the_business(
    core: Core, receptionist: Actor, supervisor: Actor, tenant_manager: Actor
) -> None:
    siti_tenant(core, tenant_manager, phone="0812 3456 7890", nik="")  # same phone and name
    other = core.foodcourt.save_tenant(tenant_manager, tenant_form(owner="Budi Santoso"))
    visit = core.visitors.register(receptionist, visitor_form())
    core.privacy.erase_visitor(supervisor, visit.visitor_id)
    left = sorted(rows(core, OWNER))
    assert ("Nasi Uduk Mpok Siti", ERASED_NAME, "", None, None, "1234567890123") in left
    assert core.foodcourt.tenant(other.id).owner == "Budi Santoso"
    erased = scalar(core, "SELECT id FROM businesses WHERE owner_name = :n", n=ERASED_NAME)
    (named,) = rows(core, "SELECT business_ids FROM erasures")
    assert erased in named[0] and "Nasi" not in named[0]
    queued = scalar(core, "SELECT count(*) FROM outbox WHERE entity = 'businesses'")
    assert queued >= 3  # two made, one blanked: sync carries the blanking


def test_an_owner_is_erased_by_their_tenant_once_no_lease_runs(
    core: Core, admin: Actor, supervisor: Actor, tenant_manager: Actor, clock: FakeClock
) -> None:
    tenant = siti_tenant(core, tenant_manager)
    core.foodcourt.save_stall(admin, stall_form())
    form = LeaseForm(tenant, "FC2-07", date(2026, 3, 1), date(2026, 3, 31))
    core.foodcourt.lease(tenant_manager, form)
    exported = core.privacy.export_owner(supervisor, tenant)
    assert exported["owner"] == "Siti Rahayu" and exported["nik_masked"] == "************0001"
    with pytest.raises(ValidationError):  # the contract still needs its party
        core.privacy.erase_owner(supervisor, tenant)
    clock.set_wib(2026, 4, 1, 9)
    core.privacy.erase_owner(supervisor, tenant)
    after = core.foodcourt.tenant(tenant)
    assert (after.name, after.owner, after.phone, after.owner_nik_masked, after.nib) == (
        "Nasi Uduk Mpok Siti", ERASED_NAME, "", None, "1234567890123")  # fmt: skip
    assert scalar(core, "SELECT count(*) FROM leases") == 1
    assert scalar(core, "SELECT business_ids FROM erasures").count(after.business_id) == 1


def test_purge_blanks_owners_whose_last_lease_ended_long_ago(
    core: Core, admin: Actor, supervisor: Actor, tenant_manager: Actor, clock: FakeClock
) -> None:
    core.foodcourt.save_stall(admin, stall_form())
    gone = siti_tenant(core, tenant_manager)
    staying = core.foodcourt.save_tenant(tenant_manager, tenant_form(owner="Budi Santoso")).id
    core.foodcourt.lease(tenant_manager, LeaseForm(gone, "FC2-07", date(2026, 3, 1),
                                                   date(2026, 3, 31)))  # fmt: skip
    core.foodcourt.lease(tenant_manager, LeaseForm(staying, "FC2-07", date(2026, 4, 1),
                                                   date(2027, 12, 31)))  # fmt: skip
    clock.set_wib(2027, 4, 2, 9)  # a year and a day after the first lease's last day
    core.privacy.purge_expired(supervisor)
    assert core.foodcourt.tenant(gone).owner == ERASED_NAME
    assert core.foodcourt.tenant(staying).owner == "Budi Santoso"
