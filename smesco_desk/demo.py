"""Realistic demo data for the SMESCO building, made through the services."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import select

from smesco_desk.clock import WIB, to_wib
from smesco_desk.db.models import DeskSetting
from smesco_desk.demo_bookings import seed_bookings
from smesco_desk.demo_foodcourt import seed_foodcourt
from smesco_desk.domain.charges import LineInput, TaxRule
from smesco_desk.domain.payments import DENOMINATIONS, PayerKind
from smesco_desk.errors import ValidationError
from smesco_desk.services.actors import SYSTEM, Actor, Role
from smesco_desk.services.core import Core
from smesco_desk.values.payments import ChargeForm, PayerForm, PaymentForm
from smesco_desk.values.visitors import VisitorForm, VisitRecord

DEMO_PASSWORD = "smesco2026"
DEMO_USERS = [
    ("admin", "Administrator Sistem", Role.ADMIN),
    ("sari", "Sari Wulandari", Role.RECEPTIONIST),
    ("rudi", "Rudi Hartono", Role.RECEPTIONIST),
    ("dewi", "Dewi Kartikasari", Role.TENANT_MANAGER),
    ("hendra", "Hendra Gunawan", Role.SUPERVISOR),
]

FIRST = [
    "Siti",
    "Budi",
    "Agus",
    "Dewi",
    "Rina",
    "Andi",
    "Putri",
    "Eko",
    "Wahyu",
    "Ayu",
    "Fajar",
    "Nur",
    "Indah",
    "Yusuf",
    "Ratna",
    "Hendra",
    "Lestari",
    "Bambang",
    "Maya",
    "Rizky",
    "Sri",
    "Joko",
    "Fitri",
    "Dimas",
    "Ika",
    "Gede",
    "Made",
    "Nyoman",
    "Ketut",
    "Teuku",
    "Cut",
    "Muhammad",
    "Nurul",
    "Ahmad",
    "Kadek",
    "Yohanes",
    "Maria",
    "Theresia",
    "Ignatius",
    "Lukas",
    "Chandra",
    "Lina",
    "Hana",
    "Zoë",
]
LAST = [
    "Nurhaliza",
    "Santoso",
    "Wibowo",
    "Lestari",
    "Saputra",
    "Pratama",
    "Handayani",
    "Kusuma",
    "Siregar",
    "Nasution",
    "Simanjuntak",
    "Hutapea",
    "Rahmawati",
    "Setiawan",
    "Hidayat",
    "Kurniawan",
    "Wijaya",
    "Purnomo",
    "Susanto",
    "Permana",
    "Suryadi",
    "Tanjung",
    "Lubis",
    "Harahap",
    "Sembiring",
    "Ginting",
    "Manurung",
    "Pangaribuan",
    "Rahayu",
    "Anggraini",
    "Febriani",
    "Gunawan",
    "Halim",
    "Tanoto",
    "Sutrisno",
    "Mahendra",
    "Adnyana",
    "Wirawan",
    "Ramadhan",
    "Syahputra",
]
ORGS = [
    "Batik Tulis Lasem Bu Sri",
    "Kopi Gayo Mandiri",
    "Keripik Tempe Bu Hartini",
    "CV Rotan Cirebon Jaya",
    "Koperasi Wanita Sejahtera Depok",
    "Tenun Ikat Sumba Lestari",
    "Sambal Bu Rudy Nusantara",
    "Kerajinan Perak Kotagede",
    "Madu Hutan Sumbawa",
    "UD Anyaman Pandan Tasik",
    "Dinas Koperasi dan UKM DKI Jakarta",
    "Bank BRI KCP Gatot Subroto",
    "Rumah Kreatif BUMN Jakarta",
    "Kementerian Koperasi dan UKM",
    "Universitas Indonesia",
    "Koperasi Susu Lembang",
    "Gula Aren Banten Organik",
    "Songket Palembang Cik Ana",
    "Keramik Plered Purwakarta",
    "Dodol Garut Picnic",
    "",
    "",
    "",
]
HOSTS = [
    "Pelatihan Fotografi Produk Angkatan 12",
    "Kelas Digital Marketing UMKM",
    "Rapat Kurasi Produk Galeri",
    "Bapak Agus Wibowo (Pemasaran)",
    "Ibu Ratna Dewi (Inkubasi Bisnis)",
    "Temu Bisnis Trade Hub",
    "Bengkel Produk: Kemasan",
    "Ibu Lestari (Pengelola Pujasera)",
    "Workshop Ekspor untuk UMKM",
    "",
    "",
]
PURPOSES = (
    ["business_lounge"] * 3
    + ["workshop"] * 2
    + ["training"] * 3
    + ["meeting"] * 3
    + ["food_court"] * 2
    + ["showcase"] * 2
    + ["other"]
)


@dataclass(frozen=True)
class DemoInfo:
    username: str
    password: str
    users: int
    visits: int
    in_building: int
    receipts: int = 0
    already_seeded: bool = False
    bookings: int = 0
    leases: int = 0

    def summary(self) -> str:
        if self.already_seeded:
            return f"demo data already present. Demo login: {self.username} / {self.password}"
        return (
            f"demo data: {self.users} users, {self.visits} visits, "
            f"{self.in_building} in the building now, {self.receipts} receipts, "
            f"{self.bookings} bookings, {self.leases} stall leases. "
            f"Demo login: {self.username} / {self.password}"
        )


Progress = Callable[[int, int], None]
"""progress(done, total): how far the demo fill is, in steps (a day of visits each)."""


def seed_demo(
    core: Core, *, days: int = 40, seed: int = 2026, progress: Progress | None = None
) -> DemoInfo:
    """Fill the database with demo users and a few hundred visits (once).

    `progress`, if given, is called after each step (from the calling thread)."""
    core.setup.initialize(core.desk_code if core.setup.is_initialized() else "D01")
    if _seeded(core):
        return DemoInfo("sari", DEMO_PASSWORD, 0, 0, 0, already_seeded=True)
    total = days + 3  # the users, a day of visits each, who is inside now, the receipts
    report = progress or (lambda _done, _total: None)
    rng = random.Random(seed)
    actors = _users(core)
    report(1, total)
    real_clock = core.clock
    try:
        visits, in_building = _visits(core, actors, rng, days, lambda day: report(1 + day, total))
        # The food court's months of rent paid come first: kuitansi numbers
        # follow the days they were paid, before yesterday's and today's.
        leases = seed_foodcourt(core, actors, rng, real_clock())
        core.clock = real_clock
        receipts = _receipts(core, actors, rng, real_clock())
        core.clock = real_clock
        bookings = seed_bookings(core, actors, rng, real_clock())
    finally:
        core.clock = real_clock
    report(total, total)
    with core.db.write() as session:
        session.add(DeskSetting(key="demo_seeded", value=real_clock().isoformat()))
    return DemoInfo(
        "sari", DEMO_PASSWORD, len(actors), visits, in_building, receipts,
        bookings=bookings, leases=leases,
    )  # fmt: skip


def is_seeded(core: Core) -> bool:
    """Whether this database already holds the demo data."""
    return _seeded(core)


def _seeded(core: Core) -> bool:
    with core.db.read() as session:
        return (
            session.scalar(select(DeskSetting.key).where(DeskSetting.key == "demo_seeded"))
            is not None
        )


def _users(core: Core) -> list[Actor]:
    """The demo users (created once), as actors. Nobody logs in here, so no
    demo user shows a login that never happened."""
    if core.setup.needs_admin():
        core.setup.create_first_admin("admin", "Administrator Sistem", DEMO_PASSWORD)
    existing = {u.username for u in core.users.list(SYSTEM)}
    for username, full_name, role in DEMO_USERS:
        if username not in existing:
            try:
                core.users.create(SYSTEM, username, full_name, DEMO_PASSWORD, role.value)
            except ValidationError:
                continue
    wanted = {username for username, _name, _role in DEMO_USERS}
    return [
        Actor(u.username, u.role, "user", u.full_name, u.id)
        for u in core.users.list(SYSTEM)
        if u.username in wanted and u.active
    ]


def _visits(
    core: Core, actors: list[Actor], rng: random.Random, days: int,
    day_done: Callable[[int], None],
) -> tuple[int, int]:
    desk = [a for a in actors if a.role in (Role.RECEPTIONIST, Role.ADMIN)] or actors
    now = core.now()
    known: list[str] = []
    count = 0
    for back in range(days, 0, -1):
        day_done(days - back)
        day = (to_wib(now) - timedelta(days=back)).date()
        per_day = rng.randint(2, 4) if day.weekday() == 6 else rng.randint(7, 14)
        for _ in range(per_day):
            start = datetime.combine(day, time(8, 0), tzinfo=WIB) + timedelta(
                minutes=rng.randint(0, 8 * 60)
            )
            visit = _one(core, rng, rng.choice(desk), start, known)
            _leave(core, rng.choice(desk), visit, start + timedelta(minutes=rng.randint(20, 240)))
            count += 1
    day_done(days)
    in_building = 0
    for minutes_ago in sorted(rng.sample(range(5, 180), 12), reverse=True):
        start = now - timedelta(minutes=minutes_ago)
        visit = _one(core, rng, rng.choice(desk), start, known)
        count += 1
        if minutes_ago > 120:
            _leave(core, rng.choice(desk), visit, now - timedelta(minutes=rng.randint(1, 60)))
        else:
            in_building += 1
    return count, in_building


def _one(
    core: Core, rng: random.Random, actor: Actor, at: datetime, known: list[str]
) -> VisitRecord:
    core.clock = lambda: at.astimezone(UTC)
    returning = known and rng.random() < 0.3
    if returning:
        details = core.visitors.visitor_details(actor, rng.choice(known))
        form = VisitorForm(
            name=details.name,
            phone=details.phone,
            purpose=rng.choice(PURPOSES),
            organisation=details.organisation,
            host=rng.choice(HOSTS),
            consent=True,
            visitor_id=details.visitor_id,
        )
    else:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        phone = (
            f"08{rng.choice(['11', '12', '13', '21', '52', '56', '57', '77', '78', '95'])}"
            f"{rng.randint(10_000_000, 99_999_999)}"
        )
        form = VisitorForm(
            name=name,
            phone=phone,
            purpose=rng.choice(PURPOSES),
            organisation=rng.choice(ORGS),
            host=rng.choice(HOSTS),
            consent=True,
        )
    visit = core.visitors.register(actor, form)
    if not returning:
        known.append(visit.visitor_id)
    return visit


def _leave(core: Core, actor: Actor, visit: VisitRecord, at: datetime) -> None:
    core.clock = lambda: at.astimezone(UTC)
    core.visitors.check_out(actor, visit.id, method="badge")


# --- a day of payments ---------------------------------------------------------------

SALES = [
    ("workshop_hour", (1, 4)),
    ("studio_hour", (1, 3)),
    ("print_bw", (5, 120)),
    ("print_color", (2, 40)),
    ("meeting_room_hour", (1, 4)),
]
PAYERS = [
    (PayerKind.UMKM, "UMKM Batik Tulis Lasem"),
    (PayerKind.UMKM, "Kopi Gayo Mandiri"),
    (PayerKind.ORGANISATION, "Dinas Koperasi DKI Jakarta"),
    (PayerKind.TENANT, "Warung Soto Bu Tini (Stan L2-07)"),
    (PayerKind.UMKM, "Kerajinan Rotan Cirebon"),
    (PayerKind.ORGANISATION, "PT Nusantara Kreatif Digital"),
]


def _receipts(core: Core, actors: list[Actor], rng: random.Random, now: datetime) -> int:
    """Yesterday's closed shift and today's open one: paid receipts at the front
    desk, one above Rp5.000.000 (a meterai) and one voided in each."""
    cashier = next((a for a in actors if a.username == "sari"), actors[0])
    supervisor = next((a for a in actors if a.role is Role.SUPERVISOR), None)
    hall = "room"
    core.clock = lambda: now
    kinds = {k.code: k for k in core.payments.charge_kinds(active_only=False)}
    if hall in kinds and not kinds[hall].taxes:
        core.payments.save_charge_kind(
            SYSTEM, hall, kinds[hall].label, [TaxRule("ppn", "PPN", 1100)]
        )
    prices = {p.code: p for p in core.payments.price_list()}
    today = to_wib(now).date()
    yesterday = datetime.combine(today - timedelta(days=1), time(8, 0), tzinfo=WIB)
    start_today = datetime.combine(today, time(0, 0), tzinfo=WIB)
    windows = [
        (yesterday, yesterday + timedelta(hours=9), True),
        _today_so_far(start_today, now),
    ]
    made = 0
    for begin, end, close in windows:
        span = (end - begin).total_seconds()
        times = sorted(begin + timedelta(seconds=rng.uniform(0, span)) for _ in range(12))
        _set_clock(core, begin - timedelta(minutes=5))
        shift = core.payments.open_shift(cashier, 500_000)
        big_at, void_at = rng.sample(range(len(times)), 2)
        for i, at in enumerate(times):
            _set_clock(core, at)
            kind = PayerKind.VISITOR
            payer = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            if rng.random() < 0.5:
                kind, payer = rng.choice(PAYERS)
            if i == big_at:
                form = ChargeForm(
                    PayerForm(PayerKind.ORGANISATION, "PT Nusantara Kreatif Digital"),
                    hall,
                    (LineInput("Sewa Hall B lantai 1 (1 hari, pameran produk)", 1, 5_500_000),),
                    source="sale",
                )
            else:
                code, (low, high) = rng.choice(SALES)
                item = prices.get(code)
                if item is None:
                    continue
                qty = rng.randint(low, high)
                discount = (qty * item.unit_price // 10) if rng.random() < 0.15 else 0
                form = ChargeForm(
                    PayerForm(kind, payer),
                    item.kind_code,
                    (LineInput(item.name, qty, item.unit_price, discount, item.unit, code),),
                    source="sale",
                )
            total = core.payments.quote(form.kind_code, form.lines).total
            method = rng.choice(["cash", "cash", "cash", "qris", "transfer", "card"])
            if method == "cash":
                tendered = -(-total // 50_000) * 50_000 if rng.random() < 0.6 else total
                payment = PaymentForm("cash", tendered)
            else:
                payment = PaymentForm(method, None, f"{method.upper()}-{rng.randint(10**7, 10**8)}")
            receipt = core.payments.sell(cashier, form, payment)
            made += 1
            if i == void_at and supervisor is not None:
                _set_clock(core, min(at + timedelta(minutes=3), now))
                core.payments.void(
                    supervisor, receipt.number, "Salah input jumlah; diganti kuitansi baru"
                )
        if close:
            summary = core.payments.shift(shift.id)
            counts = _count_cash(summary.expected_cash)
            _set_clock(core, end + timedelta(minutes=20))
            core.payments.close_shift(cashier, shift.id, counts, "Tutup kas sore")
    return made


def _today_so_far(start_today: datetime, now: datetime) -> tuple[datetime, datetime, bool]:
    """Today's open shift: up to nine hours before `now`, never before midnight
    (WIB) nor after `now` (just after midnight the window is a few minutes)."""
    begin = max(start_today, now - timedelta(hours=9))
    return begin, now - min(timedelta(seconds=30), (now - begin) / 2), False


def _set_clock(core: Core, moment: datetime) -> None:
    fixed = moment.astimezone(UTC)
    core.clock = lambda: fixed


def _count_cash(amount: int) -> dict[str, int]:
    """The notes and coins that make `amount` (largest first)."""
    counts: dict[str, int] = {}
    for key, value in DENOMINATIONS:
        if key == "1000":
            continue  # count thousands as coins: the drawer has more of those
        n, amount = divmod(amount, value)
        if n:
            counts[key] = n
    return counts
