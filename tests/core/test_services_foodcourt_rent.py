"""Rent that falls due, arrears and late fees on a real database: posting the
rent schedule's charges (once, whatever how often it runs), the due list,
arrears aged on fixed dates (the bucket edges), late fees (percent, fixed,
grace, no compounding unless set), stalls in arrears and their next rent.
The clock: 10 March 2026 (WIB)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from smesco_desk.domain.foodcourt import BillKind
from smesco_desk.errors import PermissionDenied, ValidationError
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.services.foodcourt.rent import charge_row_id
from smesco_desk.values.foodcourt import LateFeePolicy, LeaseForm, LeaseRecord, TenantInfo
from smesco_desk.values.payments import PaymentForm
from tests.core.helpers_core import FakeClock, table_counts
from tests.core.helpers_foodcourt import stall_form, tenant_form

RENT, DEPOSIT = 3_000_000, 6_000_000


@pytest.fixture
def tenant(core: Core, admin: Actor, tenant_manager: Actor) -> TenantInfo:
    core.foodcourt.save_stall(admin, stall_form())
    return core.foodcourt.save_tenant(tenant_manager, tenant_form())


def lease(
    core: Core, actor: Actor, tenant: TenantInfo, first: date, last: date, period: str = "month"
) -> LeaseRecord:
    return core.foodcourt.lease(actor, LeaseForm(tenant.id, "FC2-07", first, last, period))


def pay(core: Core, actor: Actor, charge_id: str) -> None:
    shift = core.payments.open_shift(actor, 0)
    core.payments.pay(actor, charge_id, PaymentForm("transfer", None, "TRF-1"))
    core.payments.close_shift(actor, shift.id, {}, "")


def rent_of(core: Core, day: date) -> list[tuple[date, date, int, str]]:
    return [
        (c.period_start, c.period_end, c.amount, c.status)
        for c in core.foodcourt.rent_due_between(date(2020, 1, 1), day)
        if c.kind == "rent"
    ]


def test_rent_from_31_january_falls_due_on_the_last_day_of_shorter_months(
    core: Core, clock: FakeClock, tenant_manager: Actor, tenant: TenantInfo
) -> None:
    made = lease(core, tenant_manager, tenant, date(2026, 1, 31), date(2027, 1, 30))
    posted = core.foodcourt.post_rent(tenant_manager)
    assert [(c.due_on, c.period_end, c.amount, c.kind) for c in posted] == [
        (date(2026, 1, 31), date(2026, 2, 27), RENT, "rent"),
        (date(2026, 2, 28), date(2026, 3, 30), RENT, "rent"),
    ]
    assert posted[0].id == charge_row_id(made.id, BillKind.RENT, date(2026, 1, 31))
    assert {(c.tenant, c.stall, c.status) for c in posted} == {
        ("Soto Betawi Bang Ali", "FC2-07", "open")
    }
    assert core.foodcourt.post_rent(tenant_manager) == []  # once only
    assert core.foodcourt.post_due() == []  # (the system's run finds nothing either)
    assert core.foodcourt.tenant(tenant.id).balance == DEPOSIT + 2 * RENT
    clock.set_wib(2026, 3, 31, 8)
    (march,) = core.foodcourt.post_due()  # the application's run, as the system
    assert (march.due_on, march.period_end) == (date(2026, 3, 31), date(2026, 4, 29))
    charge = core.payments.charge(march.charge_id)
    assert (charge.payer_id, charge.total, charge.status) == (tenant.id, RENT, "open")


def test_a_leap_year_and_the_end_of_a_lease(
    core: Core, tenant_manager: Actor, tenant: TenantInfo
) -> None:
    lease(core, tenant_manager, tenant, date(2028, 1, 31), date(2028, 4, 15))
    core.foodcourt.post_rent(tenant_manager, date(2028, 12, 31))
    assert rent_of(core, date(2028, 12, 31)) == [
        (date(2028, 1, 31), date(2028, 2, 28), RENT, "open"),
        (date(2028, 2, 29), date(2028, 3, 30), RENT, "open"),
        (date(2028, 3, 31), date(2028, 4, 15), 1_600_000, "open"),  # 16 of 30 days
    ]


def test_a_lease_ended_early_is_charged_to_its_last_day(
    core: Core, tenant_manager: Actor, tenant: TenantInfo
) -> None:
    made = lease(core, tenant_manager, tenant, date(2026, 3, 10), date(2027, 3, 9))
    core.foodcourt.post_rent(tenant_manager)
    core.foodcourt.end_lease(tenant_manager, made.id, date(2026, 4, 15), "pindah", waive_fee=True)
    core.foodcourt.post_rent(tenant_manager, date(2026, 6, 30))
    assert rent_of(core, date(2026, 6, 30)) == [
        (date(2026, 3, 10), date(2026, 4, 9), RENT, "open"),
        (date(2026, 4, 10), date(2026, 4, 15), 600_000, "open"),  # 6 of 30 days
    ]


def test_weekly_and_daily_leases_and_a_cancelled_one(
    core: Core, admin: Actor, tenant_manager: Actor, tenant: TenantInfo
) -> None:
    lease(core, tenant_manager, tenant, date(2026, 3, 1), date(2026, 3, 3), "day")
    week = lease(core, tenant_manager, tenant, date(2026, 3, 4), date(2026, 3, 20), "week")
    core.foodcourt.save_stall(admin, stall_form(code="FC1-01"))
    other = core.foodcourt.lease(
        tenant_manager, LeaseForm(tenant.id, "FC1-01", date(2026, 3, 1), date(2026, 5, 31))
    )
    core.foodcourt.cancel_lease(tenant_manager, other.id, "batal")
    posted = core.foodcourt.post_rent(tenant_manager)
    assert [(c.due_on, c.amount) for c in posted] == [
        (date(2026, 3, 1), 150_000),  # a trial by the day: every day
        (date(2026, 3, 2), 150_000),
        (date(2026, 3, 3), 150_000),
        (date(2026, 3, 4), 900_000),  # the second week is due on the 11th: after today
    ]
    assert posted[-1].lease_id == week.id and other.id not in {c.lease_id for c in posted}


def test_the_due_list_shows_what_falls_due_or_was_made_on_a_day(
    core: Core, clock: FakeClock, tenant_manager: Actor, tenant: TenantInfo
) -> None:
    lease(core, tenant_manager, tenant, date(2026, 3, 12), date(2026, 9, 11))
    assert [c.kind for c in core.foodcourt.rent_due()] == ["deposit"]  # made today
    assert core.foodcourt.rent_due(date(2026, 3, 11)) == []
    ahead = core.foodcourt.rent_due(date(2026, 3, 12))  # not posted yet: scheduled
    assert [(c.kind, c.status, c.amount, c.charge_id) for c in ahead] == [
        ("deposit", "open", DEPOSIT, ahead[0].charge_id),
        ("rent", "scheduled", RENT, ""),
    ]
    clock.set_wib(2026, 3, 12, 7)
    core.foodcourt.post_due()
    due = core.foodcourt.rent_due()
    assert [(c.kind, c.due_on, c.amount, c.status) for c in due] == [
        ("deposit", date(2026, 3, 12), DEPOSIT, "open"),
        ("rent", date(2026, 3, 12), RENT, "open"),
    ]
    assert due[1].id == ahead[1].id  # the same id, scheduled or posted
    week = core.foodcourt.rent_due(date(2026, 4, 8), days=7)
    assert [(c.due_on, c.status) for c in week] == [(date(2026, 4, 12), "scheduled")]
    with pytest.raises(ValidationError):
        core.foodcourt.rent_due(date(2026, 3, 12), days=0)
    with pytest.raises(ValidationError):
        core.foodcourt.rent_due_between(date(2026, 3, 12), date(2026, 3, 1))


@pytest.mark.parametrize(
    ("after", "bucket"),
    [(-1, None), (0, "d0_30"), (30, "d0_30"), (31, "d31_60"), (60, "d31_60"),
     (61, "d61_90"), (90, "d61_90"), (91, "over_90")],
)  # fmt: skip
def test_arrears_buckets_on_fixed_dates(
    core: Core, tenant_manager: Actor, tenant: TenantInfo, after: int, bucket: str | None
) -> None:
    lease(core, tenant_manager, tenant, date(2026, 1, 1), date(2026, 1, 31))
    core.foodcourt.post_rent(tenant_manager)
    found = core.foodcourt.arrears(date(2026, 1, 1) + timedelta(days=after))
    if bucket is None:
        assert found == []
        return
    (owed,) = found
    expected = {"d0_30": 0, "d31_60": 0, "d61_90": 0, "over_90": 0}
    expected[bucket] = DEPOSIT + RENT
    assert owed.to_json() == {
        "tenant_id": tenant.id,
        "tenant": "Soto Betawi Bang Ali",
        **expected,
        "total": DEPOSIT + RENT,
    }


def test_arrears_age_each_charge_and_leave_out_what_is_paid(
    core: Core, admin: Actor, tenant_manager: Actor, tenant: TenantInfo
) -> None:
    made = lease(core, tenant_manager, tenant, date(2025, 12, 1), date(2026, 11, 30))
    core.foodcourt.post_rent(tenant_manager)  # 1 Dec, 1 Jan, 1 Feb, 1 Mar
    assert made.deposit_charge_id is not None
    pay(core, admin, made.deposit_charge_id)
    (owed,) = core.foodcourt.arrears()  # 10 March: 9, 37, 68 and 99 days past due
    assert (owed.d0_30, owed.d31_60, owed.d61_90, owed.over_90) == (RENT, RENT, RENT, RENT)
    for item in core.foodcourt.rent_due_between(date(2025, 12, 1), date(2026, 3, 10)):
        if item.kind == "rent" and item.status == "open":
            pay(core, admin, item.charge_id)
    assert core.foodcourt.arrears() == []
    assert core.foodcourt.tenant(tenant.id).balance == 0


def test_a_stall_is_in_arrears_the_day_after_a_charge_fell_due_unpaid(
    core: Core, admin: Actor, tenant_manager: Actor, tenant: TenantInfo
) -> None:
    made = lease(core, tenant_manager, tenant, date(2026, 3, 10), date(2026, 9, 9))
    core.foodcourt.post_rent(tenant_manager)
    (today,) = core.foodcourt.stall_states()
    assert (today.state, today.balance) == ("occupied", DEPOSIT + RENT)  # due today: not late
    assert (today.next_due, today.next_due_amount) == (date(2026, 3, 10), RENT)
    (tomorrow,) = core.foodcourt.stall_states(date(2026, 3, 11))
    assert tomorrow.state == "arrears"
    assert tomorrow.to_json()["next_due"] == "2026-04-10"
    assert made.deposit_charge_id is not None
    pay(core, admin, made.deposit_charge_id)
    (rent,) = [c for c in core.foodcourt.rent_due() if c.kind == "rent"]
    pay(core, admin, rent.charge_id)
    (paid,) = core.foodcourt.stall_states(date(2026, 3, 11))
    assert (paid.state, paid.balance, paid.next_due) == ("occupied", 0, date(2026, 4, 10))


def fees(core: Core) -> list[tuple[date, int]]:
    return sorted(
        (c.due_on, c.amount)
        for c in core.foodcourt.rent_due_between(date(2025, 1, 1), date(2026, 12, 31))
        if c.kind == "late_fee"
    )


def test_late_fees_by_percent_after_the_grace_never_compounding(
    core: Core, clock: FakeClock, admin: Actor, tenant_manager: Actor, tenant: TenantInfo
) -> None:
    policy = LateFeePolicy("percent", percent_bp=200, grace_days=5)
    assert core.foodcourt.set_late_fee_policy(admin, policy) == policy
    made = lease(core, tenant_manager, tenant, date(2026, 1, 1), date(2026, 3, 31))
    assert made.deposit_charge_id is not None
    core.foodcourt.post_rent(tenant_manager)  # 1 January, 1 February, 1 March
    # the deposit earns no late fee
    assert core.foodcourt.post_late_fees(tenant_manager, date(2026, 1, 6)) == []  # grace
    (first,) = core.foodcourt.post_late_fees(tenant_manager, date(2026, 1, 7))
    assert (first.kind, first.due_on, first.amount) == ("late_fee", date(2026, 1, 7), 60_000)
    assert (first.period_start, first.period_end) == (date(2026, 1, 2), date(2026, 2, 1))
    assert "bulan ke-1" in first.description and "2%" in first.description
    core.foodcourt.post_due()  # up to today, 10 March
    assert fees(core) == [
        (date(2026, 1, 7), 60_000),  # January's rent, months 1, 2, 3
        (date(2026, 2, 7), 60_000),
        (date(2026, 2, 7), 60_000),  # February's, months 1, 2
        (date(2026, 3, 7), 60_000),
        (date(2026, 3, 7), 60_000),
        (date(2026, 3, 7), 60_000),  # March's, month 1
    ]
    before = table_counts(core)
    assert core.foodcourt.post_late_fees(tenant_manager) == []  # once only, no fee on a fee
    assert table_counts(core) == before
    clock.set_wib(2026, 6, 30, 9)
    core.foodcourt.post_late_fees(tenant_manager)
    assert all(amount == 60_000 for _day, amount in fees(core))
    core.foodcourt.set_late_fee_policy(admin, LateFeePolicy("percent", 200, 0, 5, True))
    compounding = core.foodcourt.post_late_fees(tenant_manager)
    assert compounding and {c.amount for c in compounding} == {1_200}  # 2% of a fee


def test_a_fixed_late_fee_and_a_charge_paid_before_or_after_its_fee(
    core: Core, clock: FakeClock, admin: Actor, tenant_manager: Actor, tenant: TenantInfo
) -> None:
    core.foodcourt.set_late_fee_policy(admin, LateFeePolicy("fixed", fixed=50_000))
    lease(core, tenant_manager, tenant, date(2026, 1, 1), date(2026, 2, 28))
    clock.set_wib(2026, 1, 1, 9)
    (january,) = [c for c in core.foodcourt.post_rent(tenant_manager) if c.kind == "rent"]
    clock.set_wib(2026, 2, 1, 9)
    (february,) = core.foodcourt.post_rent(tenant_manager)
    pay(core, admin, february.charge_id)  # on its due day: in time
    clock.set_wib(2026, 2, 20, 9)
    pay(core, admin, january.charge_id)  # late: after two fee days (2 January, 2 February)
    clock.set_wib(2026, 3, 10, 9)
    posted = core.foodcourt.post_late_fees(tenant_manager)
    assert sorted((c.due_on, c.amount) for c in posted) == [
        (date(2026, 1, 2), 50_000),
        (date(2026, 2, 2), 50_000),
    ]
    assert {core.payments.charge(c.charge_id).description[:26] for c in posted} == {
        "Denda keterlambatan bulan "
    }


def test_who_may_post_and_set_late_fees(
    core: Core, admin: Actor, receptionist: Actor, tenant_manager: Actor, tenant: TenantInfo
) -> None:
    lease(core, tenant_manager, tenant, date(2026, 3, 1), date(2026, 3, 31))
    before = table_counts(core)
    with pytest.raises(PermissionDenied):
        core.foodcourt.post_rent(receptionist)
    with pytest.raises(PermissionDenied):
        core.foodcourt.set_late_fee_policy(tenant_manager, LateFeePolicy("fixed", fixed=1))
    with pytest.raises(ValidationError) as refused:
        core.foodcourt.set_late_fee_policy(
            admin, LateFeePolicy("often", percent_bp=-1, fixed=-5, grace_days=99)
        )
    assert set(refused.value.errors) == {"mode", "percent_bp", "fixed", "grace_days"}
    with pytest.raises(ValidationError):
        core.foodcourt.post_rent(tenant_manager, date(9999, 1, 1))
    assert table_counts(core) == before
    assert core.foodcourt.late_fee_policy() == LateFeePolicy()  # none, by default
    (owed,) = core.foodcourt.arrears(date(2026, 3, 1))  # no rent posted: the deposit only
    assert (owed.d0_30, owed.total) == (DEPOSIT, DEPOSIT)


def test_the_demo_has_one_stall_in_arrears_and_the_others_paid_up(
    core: Core, clock: FakeClock
) -> None:
    import random

    from smesco_desk.demo_foodcourt import ARREARS, seed_foodcourt

    seed_foodcourt(core, [], random.Random(7), clock())
    states = core.foodcourt.stall_states()
    assert [s.stall.code for s in states if s.state == "arrears"] == [ARREARS]
    (behind,) = [s for s in states if s.state == "arrears"]
    owing = {a.tenant_id: a for a in core.foodcourt.arrears()}
    owed = owing.pop(behind.tenant_id)
    # the others owe only what falls due today (the utilities, due on the 10th): 0 days
    assert all(a.total == a.d0_30 for a in owing.values())
    due_today = sum(
        c.amount
        for c in core.foodcourt.rent_due()
        if c.status == "open" and c.due_on == date(2026, 3, 10) and c.tenant_id in owing
    )
    assert sum(a.total for a in owing.values()) == due_today
    # since 1 January: the deposit and January's rent 68 days past due, February's
    # with its late fee 37 days, March's 9 days
    assert owed.d0_30 > 0 and owed.d31_60 > 0 and owed.d61_90 > 0 and owed.over_90 == 0
    fees = [c for c in core.foodcourt.rent_due_between(date(2025, 1, 1), date(2026, 3, 10))
            if c.kind == "late_fee"]  # fmt: skip
    assert fees and {c.tenant_id for c in fees} == {behind.tenant_id}
    occupied = [s for s in states if s.state == "occupied"]
    assert occupied and all(s.next_due is not None for s in occupied)
    assert core.foodcourt.post_due() == []  # all posted


def test_a_period_posted_out_of_order_leaves_no_gap_behind(
    core: Core, tenant_manager: Actor, tenant: TenantInfo
) -> None:
    from smesco_desk.db.models import Lease
    from smesco_desk.domain.foodcourt_rent import rent_schedule
    from smesco_desk.services.foodcourt.rent import post_period
    from smesco_desk.services.transaction import Transaction

    made = lease(core, tenant_manager, tenant, date(2026, 1, 31), date(2026, 12, 30))
    second = rent_schedule(date(2026, 1, 31), date(2026, 12, 30), "month", RENT)[1]
    with Transaction.begin(core, tenant_manager) as tx:  # (as another step might post it)
        post_period(tx, tx.session.get_one(Lease, made.id), second)
    posted = core.foodcourt.post_rent(tenant_manager)
    assert [c.due_on for c in posted] == [date(2026, 1, 31)]
    assert [d for d, *_ in rent_of(core, date(2026, 3, 10))] == [
        date(2026, 1, 31),
        date(2026, 2, 28),
    ]
    assert core.foodcourt.post_rent(tenant_manager) == []


def test_ending_a_lease_mid_period_takes_back_the_unpaid_rent_past_its_last_day(
    core: Core, tenant_manager: Actor, tenant: TenantInfo
) -> None:
    made = lease(core, tenant_manager, tenant, date(2026, 2, 10), date(2027, 2, 9))
    core.foodcourt.post_rent(tenant_manager)  # 10 February and 10 March, whole months
    core.foodcourt.end_lease(
        tenant_manager, made.id, date(2026, 3, 20), "tutup usaha", waive_fee=True
    )
    assert sorted(rent_of(core, date(2026, 3, 31))) == [
        (date(2026, 2, 10), date(2026, 3, 9), RENT, "open"),
        (date(2026, 3, 10), date(2026, 3, 20), 1_064_516, "open"),  # 11 of 31 days
        (date(2026, 3, 10), date(2026, 4, 9), RENT, "cancelled"),
    ]
    assert core.foodcourt.post_rent(tenant_manager, date(2026, 12, 31)) == []
    assert core.foodcourt.tenant(tenant.id).balance == DEPOSIT + RENT + 1_064_516


def test_a_lease_made_at_the_desk_posts_the_rent_due_so_far_with_its_deposit(
    core: Core, clock: FakeClock, tenant_manager: Actor, tenant: TenantInfo
) -> None:
    form = LeaseForm(tenant.id, "FC2-07", date(2026, 1, 31), date(2027, 1, 30), "month")
    made = core.foodcourt.lease(tenant_manager, replace(form, post_due_rent=True))
    assert rent_of(core, date(2026, 3, 10)) == [
        (date(2026, 1, 31), date(2026, 2, 27), RENT, "open"),
        (date(2026, 2, 28), date(2026, 3, 30), RENT, "open"),
    ]
    assert core.foodcourt.get_lease(made.id).owed == DEPOSIT + 2 * RENT
    assert core.foodcourt.post_rent(tenant_manager) == []  # nothing posted twice
    ahead = core.foodcourt.lease(
        tenant_manager,
        replace(form, starts_on=date(2027, 2, 1), ends_on=date(2027, 3, 31), post_due_rent=True),
    )
    assert core.foodcourt.get_lease(ahead.id).owed == DEPOSIT  # starts later: no rent yet


def test_without_the_flag_a_lease_leaves_the_rent_to_the_timer(
    core: Core, clock: FakeClock, tenant_manager: Actor, tenant: TenantInfo
) -> None:
    made = lease(core, tenant_manager, tenant, date(2026, 3, 1), date(2026, 5, 31))
    assert core.foodcourt.get_lease(made.id).owed == DEPOSIT
    assert [c.amount for c in core.foodcourt.post_rent(tenant_manager)] == [RENT]
