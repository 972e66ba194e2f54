"""Refunds owed paid out, on the real central PostgreSQL: the payout is a payment
fact that reaches every desk with its credit marked refunded (the cash left the
drawer of the desk that paid it), the server refuses changing it, and the same
credit paid out at two desks while offline is paid once: the second payout is
refused by the server and stays an open conflict at its desk."""

from __future__ import annotations

from datetime import datetime, timedelta

import psycopg
import pytest

from smesco_desk.clock import WIB
from smesco_desk.services.actors import Actor, Role
from smesco_desk.services.core import Core
from smesco_desk.sync.connection import conninfo
from tests.core.helpers_bookings import WEEK, booking_form, space_form
from tests.core.helpers_core import cash
from tests.sync.helpers_sync import RECEPTION, Desks, server_rows, sync_all, table_rows
from tests.sync.proxy import TcpProxy

pytestmark = pytest.mark.slow

ADMIN = Actor("admin", Role.ADMIN, "user", "Admin")


def _day(hour: int) -> datetime:
    day = datetime.now(WIB) + timedelta(days=3)
    return day.replace(hour=hour, minute=0, second=0, microsecond=0)


def _owed(d1: Core, d2: Core) -> str:
    """A booking at D01 paid for 3 hours in cash, moved to 1 hour: a credit of
    Rp600.000, known at both desks; both have a shift open with cash."""
    always = {d: ["07:00", "22:00"] for d in WEEK}
    d1.bookings.save_space(ADMIN, space_form(opening_hours=always))
    booked = d1.bookings.book(RECEPTION, booking_form("rapat_kecil", _day(9), _day(12)))
    for core in (d1, d2):
        core.payments.open_shift(RECEPTION, 1_000_000)
    d1.payments.pay(RECEPTION, booked.charge_id or "", cash())
    d1.bookings.move(RECEPTION, booked.id, _day(9), _day(10))
    sync_all(d1, d2)
    (credit,) = d2.payments.refunds_due()
    return credit.id


def test_a_payout_reaches_every_desk_and_is_a_fact_on_the_server(
    proxied_desks: Desks, server_url: str
) -> None:
    d1, d2 = proxied_desks.first("D01"), proxied_desks.join("D02")
    credit = _owed(d1, d2)
    payout = d2.payments.pay_refund(RECEPTION, credit, "cash")
    sync_all(d2, d1)
    for core in (d1, d2):
        assert core.payments.refunds_due() == []
        assert core.payments.charge(credit).status == "refunded"
        assert core.payments.refund_payout(payout.id) == payout
    assert table_rows(d1, "refund_payouts", ("server_seq",)) == table_rows(
        d2, "refund_payouts", ("server_seq",)
    )
    # The cash left D02's drawer only.
    s1, s2 = (c.payments.current_shift(RECEPTION) for c in (d1, d2))
    assert s1 is not None and s2 is not None
    assert (s1.payouts_cash, s2.payouts_cash) == (0, 600_000)
    assert s2.expected_cash == 1_000_000 - 600_000
    assert server_rows(server_url, "SELECT amount, method FROM refund_payouts") == [
        (600_000, "cash")
    ]
    with psycopg.connect(**conninfo(server_url, "test"), autocommit=True) as conn:
        for statement in ("UPDATE refund_payouts SET amount = 1", "DELETE FROM refund_payouts"):
            with pytest.raises(psycopg.errors.IntegrityError) as caught:
                conn.execute(statement)
            assert caught.value.diag.constraint_name == "append_only_refund_payouts"


def test_one_credit_paid_out_at_two_desks_offline_is_paid_once(
    proxied_desks: Desks, proxy: TcpProxy, server_url: str
) -> None:
    d1, d2 = proxied_desks.first("D01"), proxied_desks.join("D02")
    credit = _owed(d1, d2)
    proxy.go_offline()
    first = d1.payments.pay_refund(RECEPTION, credit, "transfer", "BCA-0001")
    second = d2.payments.pay_refund(RECEPTION, credit, "cash")
    proxy.go_online()
    sync_all(d1, d2)
    on_server = server_rows(server_url, "SELECT id FROM refund_payouts")
    assert on_server == [(first.id,)]
    refused = [c for c in d2.sync.conflicts() if c.entity_id == second.id]
    assert len(refused) == 1 and refused[0].is_open
