"""Prices are the price list's (issue 13, point 5): a receptionist's sale with a
changed list price, or a discount above the administrator's limit, is refused
by the service until a supervisor approves exactly those lines; the approval
is one audit row with both names, and nothing else of it is kept or printed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

import pytest

from smesco_desk.domain.charges import LineInput
from smesco_desk.errors import ApprovalRequired, DomainError
from smesco_desk.services.actors import Actor, Role
from smesco_desk.services.approvals import APPROVAL_TTL
from smesco_desk.services.core import Core
from tests.core.helpers_core import (
    USER_PASSWORD,
    FakeClock,
    cash,
    rows,
    sale_form,
    table_counts,
)

ROOM = LineInput("Ruang rapat kecil (per jam)", 1, 300_000, 0, "jam", "meeting_room_hour")


@pytest.fixture
def cashier(core: Core, receptionist: Actor) -> Actor:
    core.payments.open_shift(receptionist, 100_000)
    return receptionist


@pytest.fixture
def hendra(make_actor: Callable[[Role, str], Actor]) -> Actor:
    return make_actor(Role.SUPERVISOR, "hendra")


def _refused(core: Core, actor: Actor, line: LineInput) -> ApprovalRequired:
    before = table_counts(core)
    with pytest.raises(ApprovalRequired) as caught:
        core.payments.sell(actor, sale_form(line, kind="room"), cash())
    assert table_counts(core) == before  # nothing written, no receipt number taken
    return caught.value


def test_the_list_price_sells_without_asking(core: Core, cashier: Actor) -> None:
    receipt = core.payments.sell(cashier, sale_form(ROOM, kind="room"), cash())
    assert receipt.total == 300_000
    assert rows(core, "SELECT action FROM audit_log WHERE action LIKE 'approval.%'") == []


def test_a_changed_list_price_is_refused_then_approved_with_both_names(
    core: Core, cashier: Actor, hendra: Actor
) -> None:
    cheap = replace(ROOM, unit_price=2)
    request = _refused(core, cashier, cheap)
    assert request.kind == "price" and request.approvable
    assert "Rp300.000" in request.message and "Rp2" in request.message
    approval = core.approvals.approve(cashier, request, "hendra", USER_PASSWORD)
    receipt = core.payments.sell(cashier, sale_form(cheap, kind="room"), cash(), approval=approval)
    assert receipt.total == 2
    [(actor, entity, detail)] = rows(
        core,
        "SELECT actor, entity, detail FROM audit_log WHERE action = 'approval.price'",
    )
    assert (actor, entity) == (cashier.username, "charges")
    assert '"approved_by": "hendra"' in detail and '"requested_by": "resepsionis"' in detail
    assert '"list_price": 300000' in detail


def test_the_approval_holds_for_those_lines_that_person_and_a_while_only(
    core: Core,
    cashier: Actor,
    hendra: Actor,
    make_actor: Callable[[Role, str], Actor],
    clock: FakeClock,
) -> None:
    request = _refused(core, cashier, replace(ROOM, unit_price=2))
    approval = core.approvals.approve(cashier, request, "hendra", USER_PASSWORD)
    with pytest.raises(ApprovalRequired):  # another price than the one approved
        core.payments.sell(
            cashier, sale_form(replace(ROOM, unit_price=3), kind="room"), cash(), approval=approval
        )
    other = make_actor(Role.RECEPTIONIST, "rudi")
    core.payments.open_shift(other, 0)
    with pytest.raises(ApprovalRequired):  # another receptionist
        core.payments.sell(
            other, sale_form(replace(ROOM, unit_price=2), kind="room"), cash(), approval=approval
        )
    forged = replace(approval, approver="admin")
    with pytest.raises(ApprovalRequired):  # not sealed by this core
        core.payments.sell(
            cashier, sale_form(replace(ROOM, unit_price=2), kind="room"), cash(), approval=forged
        )
    clock.now += APPROVAL_TTL + timedelta(seconds=1)
    with pytest.raises(ApprovalRequired):  # too late
        core.payments.sell(
            cashier, sale_form(replace(ROOM, unit_price=2), kind="room"), cash(), approval=approval
        )


def test_only_a_supervisor_or_administrator_with_the_right_password_approves(
    core: Core,
    cashier: Actor,
    hendra: Actor,
    make_actor: Callable[[Role, str], Actor],
    admin: Actor,
) -> None:
    request = _refused(core, cashier, replace(ROOM, unit_price=2))
    make_actor(Role.RECEPTIONIST, "rudi")
    with pytest.raises(DomainError) as wrong:
        core.approvals.approve(cashier, request, "hendra", "salah-sandi")
    assert wrong.value.field == "password"
    with pytest.raises(DomainError) as role:
        core.approvals.approve(cashier, request, "rudi", USER_PASSWORD)
    assert role.value.field == "username" and "bukan supervisor" in role.value.message
    with pytest.raises(DomainError):  # the receptionist cannot approve herself
        core.approvals.approve(cashier, request, "resepsionis", USER_PASSWORD)
    assert core.approvals.approve(cashier, request, "admin", "rahasia-admin-1").approver == "admin"


def test_a_supervisor_changes_a_price_themselves_and_the_audit_says_so(
    core: Core, hendra: Actor
) -> None:
    core.payments.open_shift(hendra, 0)
    core.payments.sell(hendra, sale_form(replace(ROOM, unit_price=250_000), kind="room"), cash())
    [(detail,)] = rows(core, "SELECT detail FROM audit_log WHERE action = 'approval.price'")
    assert '"approved_by": "hendra"' in detail and '"requested_by": "hendra"' in detail


@pytest.mark.parametrize(
    ("discount", "limit", "asks"),
    [
        (30_000, 10, False),  # exactly 10 % of Rp300.000: at the limit
        (30_001, 10, True),  # one rupiah above
        (1, 0, True),  # a limit of 0: any discount asks
        (300_000, 100, False),  # 100 %: never asks
    ],
)
def test_a_discount_above_the_administrators_limit_asks(
    core: Core, cashier: Actor, admin: Actor, discount: int, limit: int, asks: bool
) -> None:
    core.settings.set(admin, "sale_discount_limit_percent", limit)
    line = replace(ROOM, discount=discount)
    if asks:
        request = _refused(core, cashier, line)
        assert f"{limit}%" in request.message
    elif discount < 300_000:
        assert core.payments.sell(cashier, sale_form(line, kind="room"), cash()).total > 0


def test_a_typed_line_has_no_list_price_but_the_discount_limit_holds(
    core: Core, cashier: Actor
) -> None:
    typed = LineInput("Jilid spiral", 1, 7_500)
    assert core.payments.sell(cashier, sale_form(typed), cash()).total == 7_500
    _refused(core, cashier, replace(typed, discount=7_000))


def test_an_open_charge_typed_at_the_desk_obeys_the_same_rule(
    core: Core, receptionist: Actor
) -> None:
    with pytest.raises(ApprovalRequired):
        core.payments.create_charge(
            receptionist, sale_form(replace(ROOM, unit_price=2), kind="room")
        )


def test_the_discount_limit_is_a_percentage_an_administrator_sets(core: Core, admin: Actor) -> None:
    from smesco_desk.errors import ValidationError

    assert core.settings.get("sale_discount_limit_percent") == 10
    with pytest.raises(ValidationError):
        core.settings.set(admin, "sale_discount_limit_percent", 101)
