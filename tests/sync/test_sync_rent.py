"""Rent posted at two offline desks converges to one charge per period: the
tenant charge, its charge and the charge's lines have ids derived from the
lease, the kind and the period (smesco_desk.services.foodcourt.rent), so the
second desk's push meets the same rows on the server, not new ones (a
concurrent edit of each row, settled to one whole row and noted as `info`). A rent
charge paid at both desks is the server's `double_payment` conflict, as any
charge paid twice (smesco_desk.sync.settle)."""

from __future__ import annotations

from datetime import date

import pytest

from smesco_desk.services.actors import Actor, Role
from smesco_desk.values.foodcourt import LeaseForm
from smesco_desk.values.payments import PaymentForm
from tests.core.helpers_foodcourt import stall_form, tenant_form
from tests.sync.helpers_sync import Desks, server_scalar, sync_all, table_rows

pytestmark = pytest.mark.slow

ADMIN = Actor("admin", Role.ADMIN, "user", "Admin")


def test_rent_posted_offline_at_two_desks_is_one_charge_per_period(
    desks: Desks, server_url: str
) -> None:
    d1, d2 = desks.first("D01"), desks.join("D02")
    d1.foodcourt.save_stall(ADMIN, stall_form())
    tenant = d1.foodcourt.save_tenant(ADMIN, tenant_form())
    lease = d1.foodcourt.lease(
        ADMIN, LeaseForm(tenant.id, "FC2-07", date(2026, 1, 31), date(2026, 12, 30))
    )
    sync_all(d1, d2)
    # both offline: each posts the rent up to 31 March
    first = d1.foodcourt.post_rent(ADMIN, date(2026, 3, 31))
    second = d2.foodcourt.post_rent(ADMIN, date(2026, 3, 31))
    assert len(first) == len(second) == 3
    assert [c.id for c in first] == [c.id for c in second]
    assert [c.charge_id for c in first] == [c.charge_id for c in second]
    sync_all(d1, d2)
    for core in (d1, d2):
        rent = [c for c in core.foodcourt.rent_due_between(date(2026, 1, 1), date(2026, 3, 31))
                if c.kind == "rent"]  # fmt: skip
        assert [(c.due_on, c.amount, c.status) for c in rent] == [
            (date(2026, 1, 31), 3_000_000, "open"),
            (date(2026, 2, 28), 3_000_000, "open"),
            (date(2026, 3, 31), 3_000_000, "open"),
        ]
        assert core.foodcourt.tenant(tenant.id).balance == 6_000_000 + 3 * 3_000_000
        assert core.foodcourt.post_rent(ADMIN, date(2026, 3, 31)) == []
    source = f"lease:{lease.id}"
    assert server_scalar(server_url, "SELECT count(*) FROM charges WHERE source = %s", source) == 4
    assert server_scalar(server_url, "SELECT count(*) FROM tenant_charges") == 4
    lines = "SELECT count(*) FROM charge_lines l JOIN charges c ON c.id = l.charge_id"
    assert server_scalar(server_url, lines + " WHERE c.source = %s", source) == 4
    assert table_rows(d1, "tenant_charges") == table_rows(d2, "tenant_charges")
    # The second desk's rows differ from the first's only in who made them where
    # and when: the server keeps one whole row and notes it (an `info` conflict,
    # nothing for a person to resolve).
    kinds = "SELECT string_agg(DISTINCT kind || ':' || status, ',') FROM sync_conflicts"
    assert server_scalar(server_url, kinds) == "concurrent_edit:info"

    # the March rent paid at both desks, offline: one payment too many, flagged
    march = first[-1].charge_id
    for core in (d1, d2):
        shift = core.payments.open_shift(ADMIN, 0)
        core.payments.pay(ADMIN, march, PaymentForm("transfer", None, f"TRF-{core.desk_code}"))
        core.payments.close_shift(ADMIN, shift.id, {}, "")
    sync_all(d1, d2)
    assert d1.payments.charge(march).status == d2.payments.charge(march).status == "paid"
    flagged = "SELECT count(*) FROM sync_conflicts WHERE kind = 'double_payment'"
    assert server_scalar(server_url, flagged + " AND status = 'open'") == 1
