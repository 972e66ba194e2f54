"""Services say what they changed: a call reports exactly the tables its committed
transactions wrote (`core.changes.collect()`), and a refused call reports nothing.

What was written is judged independently of the report: every table of the
file is read before and after the call, and the tables whose rows differ are
the ones written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import text, update

from smesco_desk.db import changes
from smesco_desk.db.models import AppSetting, OutboxOp, SyncState
from smesco_desk.domain.attendee_import import BadAttendeeRows
from smesco_desk.domain.booking_series import SeriesRule
from smesco_desk.errors import AlreadyDone, DomainError, PermissionDenied, ValidationError
from smesco_desk.services.actors import Actor, Role
from smesco_desk.services.bookings import BookingConflict
from smesco_desk.services.core import Core
from smesco_desk.services.foodcourt import LeaseConflict
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.bookings import AttendeeForm
from smesco_desk.values.foodcourt import LateFeePolicy, LeaseForm
from smesco_desk.values.turnover import TurnoverCell
from tests.core.helpers_bookings import booking_form, space_form
from tests.core.helpers_core import FakeClock, cash, sale_form, visitor_form, wib
from tests.core.helpers_foodcourt import stall_form, tenant_form

# What every recorded change writes besides its own rows: the audit row, the
# outbox ops and the outbox's counter.
BOOKKEEPING = {"audit_log", "outbox", "desk_counters"}


def _fingerprints(core: Core) -> dict[str, str]:
    with core.db.engine.connect() as conn:
        names = conn.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ).scalars()
        out = {}
        for name in list(names):
            content = conn.execute(text(f'SELECT * FROM "{name}" ORDER BY 1')).all()  # noqa: S608
            out[name] = hashlib.sha256(repr(content).encode()).hexdigest()
        return out


def written_and_reported(core: Core, call: Callable[[], Any]) -> tuple[set[str], set[str]]:
    """(tables whose content the call changed, tables the call reported)."""
    before = _fingerprints(core)
    with core.changes.collect() as reported:
        call()
    after = _fingerprints(core)
    return {name for name in after if after[name] != before.get(name)}, set(reported)


def assert_reports_what_it_wrote(core: Core, call: Callable[[], Any], expected: set[str]) -> None:
    written, reported = written_and_reported(core, call)
    assert written == expected
    assert reported == expected


def assert_reports_nothing(core: Core, call: Callable[[], Any], error: type[Exception]) -> None:
    before = _fingerprints(core)
    with core.changes.collect() as reported, pytest.raises(error):
        call()
    assert reported == set()
    assert _fingerprints(core) == before


# --- services through the Transaction --------------------------------------------------


def test_first_set_up_reports_the_desk_and_its_catalogue(bare_core: Core) -> None:
    assert_reports_what_it_wrote(
        bare_core,
        lambda: bare_core.setup.initialize("D01"),
        {"desk_settings", "desks", "visit_purposes", "charge_kinds", "price_items", *BOOKKEEPING},
    )


def test_first_admin_and_users_report_the_users_table(core: Core) -> None:
    assert_reports_what_it_wrote(
        core,
        lambda: core.setup.create_first_admin("admin", "Admin Desk", "rahasia-admin"),
        {"users", *BOOKKEEPING},
    )
    admin = core.users.authenticate("admin", "rahasia-admin")
    assert_reports_what_it_wrote(
        core,
        lambda: core.users.create(admin, "sari", "Sari", "rahasia-sari", Role.RECEPTIONIST),
        {"users", *BOOKKEEPING},
    )
    assert_reports_what_it_wrote(
        core, lambda: core.users.authenticate("sari", "rahasia-sari"), {"users", *BOOKKEEPING}
    )


def test_a_setting_reports_app_settings(core: Core, admin: Actor) -> None:
    expected = {"app_settings", *BOOKKEEPING}
    assert_reports_what_it_wrote(
        core, lambda: core.settings.set(admin, "closing_time", "20:00"), expected
    )
    assert_reports_what_it_wrote(  # an update of the same row
        core, lambda: core.settings.set(admin, "closing_time", "20:30"), expected
    )


def test_refused_calls_report_nothing(core: Core, admin: Actor, receptionist: Actor) -> None:
    assert_reports_nothing(
        core, lambda: core.settings.set(admin, "closing_time", "25:00"), ValidationError
    )
    assert_reports_nothing(
        core, lambda: core.settings.set(receptionist, "closing_time", "20:00"), PermissionDenied
    )
    assert_reports_nothing(
        core,
        lambda: core.users.create(admin, admin.username, "Lagi", "rahasia-lagi", Role.ADMIN),
        ValidationError,
    )
    assert_reports_nothing(
        core, lambda: core.setup.create_first_admin("kedua", "Kedua", "rahasia-2"), DomainError
    )
    assert_reports_nothing(
        core, lambda: core.visitors.register(receptionist, visitor_form(name="")), ValidationError
    )
    assert_reports_nothing(  # no shift open: the sale is refused
        core, lambda: core.payments.sell(receptionist, sale_form(), cash()), DomainError
    )


def test_erasure_reports_every_table_it_blanked(core: Core, supervisor: Actor) -> None:
    visit = core.visitors.register(supervisor, visitor_form())
    written, reported = written_and_reported(
        core, lambda: core.privacy.erase_visitor(supervisor, visit.visitor_id)
    )
    # The person's search words go with them (smesco_desk.db.search_index).
    assert written == {"visitors", "visits", "erasures", "search_words", *BOOKKEEPING}
    # The triggers' grant is written and taken back in the same transaction.
    assert reported == written | {"sanctioned_rewrites"}


# --- services written before the Transaction: seen all the same ---------------------------


def test_a_visitor_registration_and_check_out_report_their_tables(
    core: Core, receptionist: Actor
) -> None:
    registered: list[Any] = []
    assert_reports_what_it_wrote(
        core,
        lambda: registered.append(core.visitors.register(receptionist, visitor_form())),
        {"visitors", "visits", "search_words", "tallies", *BOOKKEEPING},
    )
    assert_reports_what_it_wrote(
        core,
        lambda: core.visitors.check_out(receptionist, registered[0].badge_number),
        {"visits", "visit_checkouts", *BOOKKEEPING},
    )


def test_a_sale_reports_its_tables(core: Core, receptionist: Actor) -> None:
    assert_reports_what_it_wrote(
        core,
        lambda: core.payments.open_shift(receptionist, 100_000),
        {"cash_shifts", *BOOKKEEPING},
    )
    written, reported = written_and_reported(
        core, lambda: core.payments.sell(receptionist, sale_form(), cash())
    )
    assert {"receipts", "charges", "charge_lines"} <= written
    assert reported == written


def test_a_space_a_booking_and_its_cancellation_report_their_tables(
    core: Core, admin: Actor, receptionist: Actor
) -> None:
    assert_reports_what_it_wrote(
        core, lambda: core.bookings.save_space(admin, space_form()), {"spaces", *BOOKKEEPING}
    )
    booked: list[Any] = []
    form = booking_form("rapat_kecil", wib(2026, 3, 12, 10), wib(2026, 3, 12, 12))
    assert_reports_what_it_wrote(
        core,
        lambda: booked.append(core.bookings.book(receptionist, form)),
        {"bookings", "charges", "charge_lines", *BOOKKEEPING},
    )
    assert_reports_nothing(core, lambda: core.bookings.book(receptionist, form), BookingConflict)
    assert_reports_what_it_wrote(
        core,
        lambda: core.bookings.cancel(receptionist, booked[0].id, "batal"),
        {"bookings", "charges", *BOOKKEEPING},
    )


def test_a_stall_a_tenant_a_lease_and_its_end_report_their_tables(
    core: Core, admin: Actor, supervisor: Actor
) -> None:
    assert_reports_what_it_wrote(
        core, lambda: core.foodcourt.save_stall(admin, stall_form()), {"stalls", *BOOKKEEPING}
    )
    made: list[Any] = []
    assert_reports_what_it_wrote(
        core,
        lambda: made.append(core.foodcourt.save_tenant(supervisor, tenant_form())),
        {"businesses", "tenants", *BOOKKEEPING},
    )
    form = LeaseForm(made[0].id, "FC2-07", date(2026, 4, 1), date(2026, 9, 30))
    leased: list[Any] = []
    assert_reports_what_it_wrote(
        core,
        lambda: leased.append(core.foodcourt.lease(supervisor, form)),
        {"leases", "charges", "charge_lines", "tenant_charges", *BOOKKEEPING},
    )
    assert_reports_nothing(core, lambda: core.foodcourt.lease(supervisor, form), LeaseConflict)
    assert_reports_what_it_wrote(
        core,
        lambda: core.foodcourt.end_lease(supervisor, leased[0].id, date(2026, 6, 30)),
        {"leases", *BOOKKEEPING},
    )
    assert_reports_nothing(
        core, lambda: core.foodcourt.cancel_lease(supervisor, leased[0].id), AlreadyDone
    )
    rent = {"charges", "charge_lines", "tenant_charges", *BOOKKEEPING}
    assert_reports_what_it_wrote(
        core, lambda: core.foodcourt.post_rent(supervisor, date(2026, 6, 30)), rent
    )
    assert_reports_what_it_wrote(core, lambda: core.foodcourt.post_due(), set())
    assert_reports_what_it_wrote(
        core,
        lambda: core.foodcourt.set_late_fee_policy(admin, LateFeePolicy("fixed", fixed=50_000)),
        {"app_settings", *BOOKKEEPING},
    )
    assert_reports_what_it_wrote(
        core, lambda: core.foodcourt.post_late_fees(supervisor, date(2026, 6, 30)), rent
    )

    docs: list[Any] = []
    assert_reports_what_it_wrote(
        core,
        lambda: docs.append(
            core.foodcourt.attach_document(supervisor, made[0].id, b"%PDF-1.4 x", "Izin", "permit")
        ),
        {"tenant_documents", "document_blobs", *BOOKKEEPING},
    )
    assert_reports_what_it_wrote(
        core,
        lambda: core.foodcourt.remove_document(supervisor, docs[0].id),
        {"tenant_documents", "document_blobs", *BOOKKEEPING},
    )
    assert_reports_nothing(
        core, lambda: core.foodcourt.move_lease(supervisor, leased[0].id, "FC2-07",
                                                date(2026, 7, 1), date(2026, 7, 31)), DomainError
    )  # fmt: skip


def test_turnover_its_terms_and_its_rent_report_their_tables(
    core: Core, admin: Actor, supervisor: Actor
) -> None:
    core.foodcourt.save_stall(admin, stall_form())
    tenant = core.foodcourt.save_tenant(supervisor, tenant_form())
    leased = core.foodcourt.lease(
        supervisor, LeaseForm(tenant.id, "FC2-07", date(2026, 2, 1), date(2026, 9, 30))
    )
    cell = TurnoverCell(tenant.id, date(2026, 2, 2), 1_500_000)
    assert_reports_what_it_wrote(
        core,
        lambda: core.foodcourt.record_turnover(supervisor, [cell]),
        {"turnover_entries", *BOOKKEEPING},
    )
    assert_reports_what_it_wrote(
        core,
        lambda: core.foodcourt.set_turnover_terms(supervisor, leased.id, 1_000),
        {"leases", *BOOKKEEPING},
    )
    # February waits for its base rent: nothing is charged, nothing written
    feb = date(2026, 2, 1)
    assert_reports_what_it_wrote(
        core, lambda: core.foodcourt.post_turnover_rent(supervisor, feb), set()
    )
    assert_reports_nothing(
        core, lambda: core.foodcourt.post_turnover_rent(supervisor, date(2026, 3, 1)),
        ValidationError,
    )  # fmt: skip


def test_a_tenancy_s_renewal_notice_fee_deposit_and_documents_report_their_tables(
    core: Core, admin: Actor, supervisor: Actor
) -> None:
    core.foodcourt.save_stall(admin, stall_form())
    tenant = core.foodcourt.save_tenant(supervisor, tenant_form())
    made = core.foodcourt.lease(
        supervisor, LeaseForm(tenant.id, "FC2-07", date(2026, 3, 1), date(2026, 3, 31))
    )
    core.payments.open_shift(supervisor, 0)
    core.payments.pay(supervisor, made.deposit_charge_id or "", cash())
    assert_reports_what_it_wrote(
        core,
        lambda: core.foodcourt.renew_lease(supervisor, made.id, date(2026, 6, 30)),
        {"leases", *BOOKKEEPING},
    )
    assert_reports_what_it_wrote(
        core,
        lambda: core.foodcourt.end_lease(supervisor, made.id, date(2026, 3, 20)),
        {"leases", "charges", "charge_lines", "tenant_charges", *BOOKKEEPING},
    )
    assert_reports_what_it_wrote(
        core,
        lambda: core.foodcourt.return_deposit(supervisor, made.id, [("Kerusakan meja", 1)]),
        {"leases", "charges", "charge_lines", "tenant_charges", *BOOKKEEPING},
    )
    assert_reports_nothing(
        core, lambda: core.foodcourt.return_deposit(supervisor, made.id, []), AlreadyDone
    )
    assert_reports_what_it_wrote(
        core, lambda: core.foodcourt.lease_agreement_pdf(supervisor, made.id), BOOKKEEPING
    )
    assert_reports_what_it_wrote(
        core, lambda: core.foodcourt.statement_pdf(supervisor, tenant.id), BOOKKEEPING
    )


def test_charges_paid_together_report_their_tables(
    core: Core, admin: Actor, supervisor: Actor
) -> None:
    core.foodcourt.save_stall(admin, stall_form())
    tenant = core.foodcourt.save_tenant(supervisor, tenant_form())
    core.foodcourt.lease(supervisor, LeaseForm(tenant.id, "FC2-07", date(2026, 3, 1),
                                               date(2026, 3, 31), post_due_rent=True))  # fmt: skip
    core.payments.open_shift(supervisor, 0)
    ids = [c.id for c in core.foodcourt.owed_charges(tenant.id)]
    assert len(ids) == 2
    assert_reports_nothing(
        core, lambda: core.payments.pay_charges(supervisor, ids, cash(), 1), ValidationError
    )
    assert_reports_what_it_wrote(
        core,
        lambda: core.payments.pay_charges(supervisor, ids, cash()),
        {"receipts", "charges", "charge_lines", *BOOKKEEPING},
    )


def test_a_series_its_plan_and_its_cancellation_report_their_tables(
    core: Core, admin: Actor, receptionist: Actor
) -> None:
    core.bookings.save_space(admin, space_form())
    form = booking_form("rapat_kecil", wib(2026, 3, 12, 10), wib(2026, 3, 12, 12))
    rule = SeriesRule("weekly", weekdays=("mon", "thu"), count=3)
    assert_reports_what_it_wrote(core, lambda: core.bookings.plan_series(form, rule), set())
    saved: list[Any] = []
    assert_reports_what_it_wrote(
        core,
        lambda: saved.append(core.bookings.book_series(receptionist, form, rule)),
        {"booking_series", "bookings", "charges", "charge_lines", *BOOKKEEPING},
    )
    assert_reports_nothing(
        core, lambda: core.bookings.book_series(receptionist, form, rule), BookingConflict
    )
    first = saved[0].bookings[0].id
    assert_reports_what_it_wrote(
        core,
        lambda: core.bookings.cancel_series(receptionist, first, "all", "batal"),
        {"bookings", "charges", *BOOKKEEPING},
    )
    assert_reports_nothing(
        core, lambda: core.bookings.cancel_series(receptionist, first, "all"), AlreadyDone
    )


def test_check_in_a_late_cancellation_and_a_release_report_their_tables(
    core: Core, admin: Actor, receptionist: Actor, clock: FakeClock
) -> None:
    core.bookings.save_space(admin, space_form())
    booked = [
        core.bookings.book(
            receptionist, booking_form("rapat_kecil", wib(2026, 3, 10, h), wib(2026, 3, 10, h + 1))
        )
        for h in (10, 12, 14)
    ]
    clock.now = wib(2026, 3, 10, 9, 30)  # no longer a mistake put right: a fee
    # A refused waiver writes nothing; a late cancellation makes the fee's charge.
    assert_reports_nothing(
        core,
        lambda: core.bookings.cancel(receptionist, booked[0].id, "batal", waive_fee=True),
        PermissionDenied,
    )
    assert_reports_what_it_wrote(
        core,
        lambda: core.bookings.cancel(receptionist, booked[0].id, "batal"),
        {"bookings", "charges", "charge_lines", *BOOKKEEPING},
    )
    clock.now = wib(2026, 3, 10, 12)
    assert_reports_what_it_wrote(
        core, lambda: core.bookings.check_in(receptionist, booked[1].id), {"bookings", *BOOKKEEPING}
    )
    assert_reports_nothing(
        core, lambda: core.bookings.check_in(receptionist, booked[1].id), AlreadyDone
    )
    clock.now = wib(2026, 3, 10, 14, 30)
    assert_reports_what_it_wrote(
        core,
        lambda: core.bookings.release_no_shows(),
        {"bookings", "charges", "charge_lines", *BOOKKEEPING},
    )
    assert_reports_what_it_wrote(core, lambda: core.bookings.release_no_shows(), set())


# --- the mechanics -------------------------------------------------------------------------


def test_writes_past_the_transaction_are_reported(core: Core, admin: Actor) -> None:
    with core.changes.collect() as reported, Transaction.begin(core, admin) as tx:
        tx.session.execute(  # an ORM update statement
            update(SyncState).where(SyncState.key == "nobody").values(value="x")
        )
        tx.session.add(SyncState(key="probe", value="1"))  # a plain ORM insert
        tx.session.execute(text("UPDATE outbox SET payload = payload"))  # SQL text
        tx.wrote("made_up")  # past SQLAlchemy, noted by hand
        assert tx.tables >= {"made_up", "outbox"}
    assert reported == {"sync_state", "outbox", "made_up"}


def test_a_rollback_reports_nothing(core: Core, admin: Actor) -> None:
    with (
        core.changes.collect() as reported,
        pytest.raises(RuntimeError),
        Transaction.begin(core, admin) as tx,
    ):
        tx.insert(AppSetting(key="building_name", value="Gedung"))
        tx.session.flush()
        raise RuntimeError("refused after writing")
    assert reported == set()


def test_collections_nest_and_are_per_database(core: Core, admin: Actor) -> None:
    with core.changes.collect() as outer:
        with core.changes.collect() as inner:
            core.settings.set(admin, "closing_time", "20:00")
        core.users.set_password(admin, admin.user_id or "", "sandi-baru-123")
    assert inner == {"app_settings", *BOOKKEEPING}
    assert outer == {"app_settings", "users", *BOOKKEEPING}


def test_nothing_is_collected_outside_a_collection(core: Core, admin: Actor) -> None:
    core.settings.set(admin, "closing_time", "20:00")  # no collection open: no error
    with core.changes.collect() as reported:
        pass
    assert reported == set()


def test_an_untracked_session_gathers_nothing(core: Core) -> None:
    with core.db.read() as session:
        changes.mark(session, "users")
        assert changes.written(session) == set()


def test_an_update_that_matches_no_row_reports_nothing(core: Core, admin: Actor) -> None:
    with core.changes.collect() as reported, core.db.write() as session:
        session.connection().execute(update(OutboxOp).where(OutboxOp.id == "none").values(op="x"))
    assert reported == set()


def test_an_event_s_participants_report_their_table(
    core: Core, admin: Actor, receptionist: Actor
) -> None:
    core.bookings.save_space(admin, space_form())
    event = core.bookings.book(
        receptionist, booking_form("rapat_kecil", wib(2026, 3, 12, 10), wib(2026, 3, 12, 12))
    )
    rows = [(1, ["nama", "hp"]), (2, ["Budi Santoso", "0812 3456 7890"]), (3, ["", "0811"])]
    before = _fingerprints(core)
    with core.changes.collect() as previewed:
        assert len(core.bookings.preview_attendees(event.id, rows).bad) == 1
    assert previewed == set() and _fingerprints(core) == before  # a preview writes nothing
    assert_reports_nothing(
        core, lambda: core.bookings.import_attendees(receptionist, event.id, rows), BadAttendeeRows
    )
    assert_reports_what_it_wrote(
        core,
        lambda: core.bookings.import_attendees(receptionist, event.id, rows, skip_bad=True),
        {"booking_attendees", *BOOKKEEPING},
    )
    assert_reports_what_it_wrote(
        core,
        lambda: core.bookings.add_attendee(
            receptionist, event.id, AttendeeForm("Siti Aminah", "0813 1111 2222")
        ),
        {"booking_attendees", *BOOKKEEPING},
    )


def test_meter_readings_and_a_month_billed_report_their_tables(
    core: Core, admin: Actor, supervisor: Actor
) -> None:
    from smesco_desk.services.foodcourt import ReadingNeedsConfirmation
    from smesco_desk.values.meters import ReadingInput

    core.foodcourt.save_stall(admin, stall_form())
    tenant = core.foodcourt.save_tenant(supervisor, tenant_form())
    core.foodcourt.lease(
        supervisor, LeaseForm(tenant.id, "FC2-07", date(2026, 1, 1), date(2026, 12, 31))
    )
    for month, value in ((date(2026, 1, 1), "1000"), (date(2026, 2, 1), "1100")):
        typed = [ReadingInput("FC2-07", "power", value, month.replace(day=25))]
        assert_reports_what_it_wrote(
            core,
            lambda m=month, t=typed: core.foodcourt.record_readings(supervisor, m, t),  # type: ignore[misc]
            {"meter_readings", *BOOKKEEPING},
        )
    backwards = [ReadingInput("FC2-07", "power", "900", date(2026, 3, 5))]
    assert_reports_nothing(
        core,
        lambda: core.foodcourt.record_readings(supervisor, date(2026, 3, 1), backwards),
        ReadingNeedsConfirmation,
    )
    assert_reports_what_it_wrote(
        core,
        lambda: core.foodcourt.bill_utilities(supervisor, date(2026, 2, 1)),
        {"charges", "charge_lines", "tenant_charges", *BOOKKEEPING},
    )


def test_user_administration_reports_users_and_a_wrong_password_its_count(
    core: Core, admin: Actor, receptionist: Actor
) -> None:
    user_id = receptionist.user_id or ""
    for call in (
        lambda: core.users.update(admin, user_id, "Sari Wulandari", Role.SUPERVISOR),
        lambda: core.users.set_active(admin, user_id, False),
        lambda: core.users.set_active(admin, user_id, True),
        lambda: core.users.set_password(admin, user_id, "sementara-123"),
    ):
        assert_reports_what_it_wrote(core, call, {"users", *BOOKKEEPING})

    def wrong() -> None:
        with pytest.raises(DomainError):
            core.users.authenticate(receptionist.username, "bukan-sandinya")

    assert_reports_what_it_wrote(core, wrong, {"login_failures"})
    for _ in range(3):
        wrong()
    assert_reports_what_it_wrote(core, wrong, {"login_failures", *BOOKKEEPING})  # the lock
    assert_reports_what_it_wrote(
        core, lambda: core.users.unlock(admin, user_id), {"login_failures", *BOOKKEEPING}
    )


def test_saving_a_user_unchanged_writes_nothing(
    core: Core, admin: Actor, receptionist: Actor
) -> None:
    user_id = receptionist.user_id or ""
    same = lambda: core.users.update(admin, user_id, receptionist.full_name, Role.RECEPTIONIST)  # noqa: E731
    assert_reports_what_it_wrote(core, same, set())


def test_the_watchlist_and_an_approved_stop_report_their_tables(
    core: Core, supervisor: Actor, receptionist: Actor
) -> None:
    from smesco_desk.errors import ApprovalRequired
    from smesco_desk.values.watchlist import WatchlistForm

    saved: list[Any] = []
    form = WatchlistForm("Joko Pranoto", "Sengketa sewa.", "approval")
    assert_reports_what_it_wrote(
        core,
        lambda: saved.append(core.watchlist.save(supervisor, form)),
        {"watchlist_entries", *BOOKKEEPING},
    )
    assert_reports_nothing(  # the stop writes nothing
        core,
        lambda: core.visitors.register(receptionist, visitor_form(name="Joko Pranoto")),
        ApprovalRequired,
    )
    assert_reports_what_it_wrote(  # the supervisor's own registration: approved by them
        core,
        lambda: core.visitors.register(supervisor, visitor_form(name="Joko Pranoto")),
        {"visitors", "visits", "search_words", "tallies", *BOOKKEEPING},
    )
    assert_reports_what_it_wrote(
        core,
        lambda: core.watchlist.remove(supervisor, saved[0].id),
        {"watchlist_entries", *BOOKKEEPING},
    )
