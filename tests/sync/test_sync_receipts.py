"""Receipts from several desks on the real central PostgreSQL: each desk's series
stays its own (1..n, no gap, no duplicate) whether the desks sold offline or at
the same moment while syncing, every desk ends up with every receipt, and a void
made at one desk reaches the desk that issued the receipt."""

from __future__ import annotations

import threading
from collections import defaultdict

import pytest

from smesco_desk.clock import to_wib, utc_now
from smesco_desk.domain.charges import LineInput
from smesco_desk.errors import AlreadyDone, DomainError
from smesco_desk.services.core import Core
from smesco_desk.sync import ConflictChoice
from smesco_desk.values.payments import PaymentForm, ReceiptFilter, ReceiptRecord
from tests.core.helpers_core import cash, sale_form
from tests.sync.helpers_sync import (
    RECEPTION,
    SUPERVISOR,
    Desks,
    outbox_pending,
    server_rows,
    server_scalar,
    sync_all,
    table_rows,
)
from tests.sync.proxy import TcpProxy

pytestmark = pytest.mark.slow

PAYMENT_TABLES = ("receipts", "charges", "charge_lines", "cash_shifts", "receipt_voids")


def sell(core: Core, n: int, who: str = "Tamu") -> list[ReceiptRecord]:
    made = []
    for i in range(n):
        lines = (LineInput("Cetak warna A4", 1 + i % 4, 3_000), LineInput("Kopi", 1, 15_000))
        pay = cash(50_000) if i % 2 else PaymentForm("qris", None, f"QR-{core.desk_code}-{i:04d}")
        made.append(core.payments.sell(RECEPTION, sale_form(*lines, payer=f"{who} {i}"), pay))
    return made


def numbers_of(core: Core) -> list[tuple[str]]:
    with core.db.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql("SELECT number FROM receipts ORDER BY 1")]


def assert_server_series(server_url: str, expected: dict[str, int]) -> list[str]:
    """On the server each desk's series is exactly 1..n and every number is unique."""
    rows = server_rows(server_url, "SELECT desk_code, year, seq, number FROM receipts")
    by_desk: dict[str, list[int]] = defaultdict(list)
    year = to_wib(utc_now()).year
    for desk, y, seq, number in rows:
        assert y == year
        assert number == f"KW/{desk}/{y}/{seq:06d}"
        by_desk[desk].append(seq)
    assert {d: sorted(s) for d, s in by_desk.items()} == {
        d: list(range(1, n + 1)) for d, n in expected.items()
    }
    numbers = [r[3] for r in rows]
    assert len(numbers) == len(set(numbers)) == sum(expected.values())
    return sorted(numbers)


def assert_payments_converged(*cores: Core) -> None:
    for table in PAYMENT_TABLES:
        first = table_rows(cores[0], table, exclude=("server_seq",))
        for other in cores[1:]:
            assert table_rows(other, table, exclude=("server_seq",)) == first, table


def open_shifts(*cores: Core) -> None:
    for core in cores:
        core.payments.open_shift(RECEPTION, 100_000)


def test_desks_selling_offline_keep_their_own_series(
    proxied_desks: Desks, proxy: TcpProxy, server_url: str
) -> None:
    d1 = proxied_desks.first("D01")
    d2 = proxied_desks.join("D02")
    open_shifts(d1, d2)
    sync_all(d1, d2)

    proxy.go_offline()
    made = {"D01": sell(d1, 7, "Tamu satu"), "D02": sell(d2, 5, "Tamu dua")}
    for core in (d1, d2):
        report = core.sync.run_once()
        assert report.error and not report.refused  # offline: the outbox waits
    year = to_wib(utc_now()).year
    for desk, receipts in made.items():
        assert [r.number for r in receipts] == [
            f"KW/{desk}/{year}/{n:06d}" for n in range(1, len(receipts) + 1)
        ]
    proxy.go_online()
    sync_all(d1, d2)

    on_server = assert_server_series(server_url, {"D01": 7, "D02": 5})
    every = sorted(r.number for rs in made.values() for r in rs)
    assert on_server == every
    for core in (d1, d2):
        assert outbox_pending(core) == []
        # Each desk sees every receipt of both desks, whole (lines, taxes, payer).
        listed = core.payments.receipts(ReceiptFilter(all_days=True))
        assert sorted(r.number for r in listed) == every
        assert core.payments.count_receipts(ReceiptFilter(all_days=True)) == 12
        for original in made["D01"] + made["D02"]:
            assert core.payments.receipt(original.number) == original
    assert_payments_converged(d1, d2)
    # Selling goes on in each desk's own series after the sync.
    assert sell(d2, 1)[0].number == f"KW/D02/{year}/000006"
    assert sell(d1, 1)[0].number == f"KW/D01/{year}/000008"


def test_desks_selling_and_syncing_at_the_same_time(desks: Desks, server_url: str) -> None:
    cores = [desks.first("D01"), desks.join("D02"), desks.join("D03")]
    open_shifts(*cores)
    sync_all(*cores)
    per_desk = 12
    errors: list[BaseException] = []
    start = threading.Barrier(len(cores))

    def work(core: Core) -> None:
        try:
            start.wait(timeout=30)
            for i in range(per_desk):
                sell(core, 1, f"Tamu {core.desk_code} {i}")
                if i % 3 == 2:  # the worker pushes and pulls while the others sell
                    report = core.sync.run_once()
                    assert report.error is None, report.error
        except BaseException as exc:  # re-raised in the test thread
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(core,)) for core in cores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(t.is_alive() for t in threads)
    if errors:
        raise errors[0]
    sync_all(*cores)

    on_server = assert_server_series(server_url, {c.desk_code: per_desk for c in cores})
    for core in cores:
        assert [r[0] for r in numbers_of(core)] == on_server
        assert core.sync.status().pending_ops == 0
        assert core.sync.status().conflicts == 0
    assert_payments_converged(*cores)
    # Exactly one applied change per pushed receipt.
    assert server_scalar(server_url, "SELECT count(*) FROM receipts") == 3 * per_desk


def test_a_void_at_another_desk_reaches_the_issuing_desk(desks: Desks, server_url: str) -> None:
    d1 = desks.first("D01")
    d2 = desks.join("D02")
    open_shifts(d1, d2)
    first, second = sell(d1, 2)
    sync_all(d1, d2)
    assert not d2.payments.receipt(first.number).voided

    voided = d2.payments.void(SUPERVISOR, first.number, "Pembayar membatalkan pesanan")
    assert voided.voided and voided.desk_code == "D01"
    sync_all(d1, d2)

    at_d1 = d1.payments.receipt(first.number)
    assert at_d1.voided and at_d1.void is not None
    assert (at_d1.void.voided_by, at_d1.void.reason) == (
        "supervisor",
        "Pembayar membatalkan pesanan",
    )
    assert at_d1.id == first.id and at_d1.total == first.total  # the receipt itself stays
    assert not d1.payments.receipt(second.number).voided
    # The charge is owed again at the issuing desk too; its shift counts the void.
    assert d1.payments.charge(first.charge_id).status == "open"
    shift = d1.payments.current_shift(RECEPTION)
    assert shift is not None and shift.void_count == 1 and shift.voided_total == first.total
    assert server_scalar(server_url, "SELECT count(*) FROM receipt_voids") == 1
    # A second void of the same receipt, now at the issuing desk, is refused.
    with pytest.raises(AlreadyDone):
        d1.payments.void(SUPERVISOR, first.number, "Dibatalkan dua kali")
    # The voided number stays used: the next sale at D01 takes the next one.
    assert sell(d1, 1)[0].number == first.number[:-6] + "000003"
    sync_all(d1, d2)
    assert_server_series(server_url, {"D01": 3})
    assert_payments_converged(d1, d2)


def test_the_same_receipt_voided_at_two_desks_offline(
    proxied_desks: Desks, proxy: TcpProxy, server_url: str
) -> None:
    """Two voids of one receipt: one stands, the other is a visible conflict,
    never a silent loss; once resolved every desk holds the same void."""
    d1 = proxied_desks.first("D01")
    d2 = proxied_desks.join("D02")
    open_shifts(d1, d2)
    (receipt,) = sell(d1, 1)
    sync_all(d1, d2)
    proxy.go_offline()
    d1.payments.void(SUPERVISOR, receipt.number, "Batal di desk satu")
    d2.payments.void(SUPERVISOR, receipt.number, "Batal di desk dua")
    proxy.go_online()
    sync_all(d1, d2)
    # One void stands on the server; both desks show the receipt voided.
    assert server_rows(server_url, "SELECT reason FROM receipt_voids") == [("Batal di desk satu",)]
    for core in (d1, d2):
        assert core.payments.receipt(receipt.number).voided
        assert outbox_pending(core) == []
        rejected = [c for c in core.sync.conflicts() if c.kind == "rejected"]
        assert [(c.entity, c.desk_code, c.status) for c in rejected] == [
            ("receipt_voids", "D02", "open")
        ]
    (conflict,) = [c for c in d1.sync.conflicts() if c.kind == "rejected"]
    d1.sync.resolve_conflict(SUPERVISOR, conflict.id, ConflictChoice.KEEP, "dua kali dibatalkan")
    sync_all(d1, d2)
    for core in (d1, d2):
        status = core.sync.status()
        assert (status.conflicts, status.held, status.pending_ops) == (0, 0, 0)
        assert core.payments.receipt(receipt.number).void.reason == "Batal di desk satu"  # type: ignore[union-attr]
    assert_payments_converged(d1, d2)


def test_a_charge_paid_twice_offline_stays_an_open_conflict_until_the_refund(
    proxied_desks: Desks, proxy: TcpProxy, server_url: str
) -> None:
    """Issue 9, item 3: voided at one desk, then paid again offline at two desks."""
    d1 = proxied_desks.first("D01")
    d2 = proxied_desks.join("D02")
    open_shifts(d1, d2)
    (first,) = sell(d1, 1, "Budi")
    sync_all(d1, d2)
    d1.payments.void(SUPERVISOR, first.number, "Salah metode, bayar ulang")
    sync_all(d1, d2)
    assert d2.payments.charge(first.charge_id).status == "open"
    proxy.go_offline()
    kept = d1.payments.pay(RECEPTION, first.charge_id, cash(20_000))
    second = d2.payments.pay(RECEPTION, first.charge_id, cash(50_000))
    proxy.go_online()
    sync_all(d1, d2)

    for core in (d1, d2):
        # Both receipts stay facts everywhere; the second is an open conflict.
        assert not core.payments.receipt(kept.number).voided
        assert not core.payments.receipt(second.number).voided
        (conflict,) = [c for c in core.sync.conflicts() if c.kind == "double_payment"]
        assert (conflict.status, conflict.entity_id, conflict.desk_code) == (
            "open",
            second.id,
            "D02",
        )
        assert conflict.message() == (
            f"Dibayar dua kali: kembalikan Rp18.000 kepada Budi 0 (kuitansi {second.number});"
            f" tagihan ini sudah dibayar dengan kuitansi {kept.number}. Catat pengembaliannya"
            f" dengan membatalkan kuitansi {second.number}."
        )
        assert core.sync.status().conflicts == 1
    live = server_rows(
        server_url,
        "SELECT number FROM receipts r WHERE charge_id = %s AND NOT EXISTS"
        " (SELECT 1 FROM receipt_voids v WHERE v.receipt_id = r.id) ORDER BY server_seq",
        first.charge_id,
    )
    assert live == [(kept.number,), (second.number,)]
    # Keeping it away from the inbox is refused: only the refund settles it.
    with pytest.raises(DomainError, match=second.number):
        d1.sync.resolve_conflict(SUPERVISOR, conflict.id, ConflictChoice.KEEP)

    # The refund: a supervisor voids the second receipt at the desk that took it.
    d2.payments.void(SUPERVISOR, second.number, "Dibayar dua kali, uang dikembalikan")
    shift = d2.payments.current_shift(RECEPTION)
    assert shift is not None and shift.void_count == 1 and shift.voided_total == 18_000
    assert shift.cash_in == 0  # the cash went back to the payer, not into the drawer
    assert d2.payments.charge(first.charge_id).status == "paid"  # still paid by the first
    assert d1.sync.status().conflicts == 1  # until the void has synced
    sync_all(d1, d2)
    for core in (d1, d2):
        (conflict,) = [
            c for c in core.sync.conflicts(open_only=False) if c.kind == "double_payment"
        ]
        assert (conflict.status, conflict.resolution, conflict.resolved_by) == (
            "resolved",
            "refund",
            "supervisor",
        )
        assert conflict.resolution_note == "Dibayar dua kali, uang dikembalikan"
        assert core.sync.status().conflicts == 0
        assert core.payments.receipt(second.number).voided
        assert not core.payments.receipt(kept.number).voided
        assert core.payments.charge(first.charge_id).status == "paid"
    assert_payments_converged(d1, d2)
    assert table_rows(d1, "sync_conflicts") == table_rows(d2, "sync_conflicts")


def test_three_desks_paying_one_charge_give_two_refunds(
    proxied_desks: Desks, proxy: TcpProxy
) -> None:
    cores = [proxied_desks.first("D01"), proxied_desks.join("D02"), proxied_desks.join("D03")]
    open_shifts(*cores)
    (first,) = sell(cores[0], 1)
    sync_all(*cores)
    cores[2].payments.void(SUPERVISOR, first.number, "Dibayar ulang nanti")
    sync_all(*cores)
    proxy.go_offline()
    paid = [c.payments.pay(RECEPTION, first.charge_id, cash(18_000)) for c in cores]
    proxy.go_online()
    sync_all(*cores)
    for core in cores:
        flagged = sorted(c.entity_id for c in core.sync.conflicts() if c.kind == "double_payment")
        assert len(flagged) == 2 and core.sync.status().conflicts == 2
    live = {r.id for r in paid} - set(flagged)
    (survivor,) = live
    # Voiding the payment the server kept instead settles nothing twice: one
    # conflict is then the only live payment left and closes by itself.
    for core, receipt in zip(cores, paid, strict=True):
        if receipt.id == survivor:
            core.payments.void(SUPERVISOR, receipt.number, "Pembayar minta batal")
    sync_all(*cores)
    for core in cores:
        states = sorted(
            (c.status, c.resolution)
            for c in core.sync.conflicts(open_only=False)
            if c.kind == "double_payment"
        )
        assert states == [("open", None), ("resolved", "accepted")]
    assert_payments_converged(*cores)
