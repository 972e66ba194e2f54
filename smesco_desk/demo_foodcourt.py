"""Demo data of the food court: three floors of stalls (14, 12 and 16) of four
sizes, the food businesses that rent them, and their leases.

Made through the services, as the tenant manager would: each batch of leases
is signed on its day (the clock set back), and its deposits paid by transfer
in a shift of the tenant manager opened and closed that day. Then the rent:
on each day rent fell due since, it is posted (as the application posts it)
and paid by transfer that day. One tenant has paid nothing, neither its
deposit nor its rent, two months on (a stall in arrears, with late fees of 2%
a month after seven days of grace, the policy set here); the others are paid
up. Two stalls are booked ahead (one by the day, a trial), a few are vacant
and one is out of service (under repair). The floor plan's grid unit is half
a metre.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

from smesco_desk.clock import WIB, to_wib
from smesco_desk.demo_meters import seed_meters
from smesco_desk.demo_turnover import seed_turnover
from smesco_desk.domain.foodcourt import LeaseStatus, stall_code
from smesco_desk.domain.foodcourt_rent import rent_schedule
from smesco_desk.services.actors import SYSTEM, Actor, Role
from smesco_desk.services.core import Core
from smesco_desk.values.foodcourt import LateFeePolicy, LeaseForm, StallForm, TenantForm
from smesco_desk.values.payments import PaymentForm

# size (m²): plan width and depth (grid units of 0.5 m), rates per day, week, month
SIZES = {
    "4": (4, 4, 100_000, 600_000, 2_000_000),
    "6.25": (5, 5, 150_000, 900_000, 3_000_000),
    "9": (6, 6, 200_000, 1_200_000, 4_200_000),
    "12": (8, 6, 250_000, 1_500_000, 5_500_000),
}
# per floor, the sizes of its stalls in order (two rows along the corridor)
FLOOR_SIZES = {
    1: ["12", "9", "9", "6.25", "6.25", "6.25", "12", "9", "6.25", "6.25", "4", "4", "4", "9"],
    2: ["9", "6.25", "6.25", "6.25", "4", "4", "9", "6.25", "6.25", "4", "4", "12"],
    3: ["6.25"] * 6 + ["4"] * 6 + ["9", "9", "12", "6.25"],
}
OUT_OF_SERVICE = "FC3-16"  # the grease trap under repair
VACANT = {"FC1-13", "FC2-05", "FC2-10", "FC3-09", "FC3-12", "FC3-11"}
BOOKED_AHEAD = {"FC2-11": ("day", 10, 3), "FC3-10": ("month", 20, 180)}
ARREARS = "FC2-03"

# business, owner, products, halal certificate
TENANTS = (
    ("Soto Betawi Bang Ali", "Ali Rahman", "Soto Betawi, nasi uduk", "ID31110000123450822"),
    ("Nasi Uduk Mpok Siti", "Siti Aminah", "Nasi uduk, semur jengkol", ""),
    ("Bakso Malang Cak Man", "Sulaiman", "Bakso, pangsit goreng", "ID35110000456780923"),
    ("Ayam Geprek Mbak Rini", "Rini Astuti", "Ayam geprek, es teh", ""),
    ("Martabak Bangka Koh Aseng", "Hendrik Wijaya", "Martabak manis dan telur", ""),
    ("Pempek Palembang Cek Ina", "Ina Marlina", "Pempek, tekwan, model", "ID16110000789010124"),
    ("Gudeg Bu Harjo", "Sri Harjono", "Gudeg, krecek, opor", ""),
    ("Sate Padang Uda Rajo", "Rajo Sutan", "Sate Padang, kerupuk kulit", ""),
    ("Rendang Uni Lis", "Lis Yulianti", "Rendang, gulai, nasi Padang", "ID13110000234560524"),
    ("Mie Aceh Bang Jali", "Jali Akbar", "Mie Aceh, roti cane", ""),
    ("Nasi Bakar Teh Euis", "Euis Komariah", "Nasi bakar, pepes", ""),
    ("Siomay Bandung Kang Asep", "Asep Sunandar", "Siomay, batagor", ""),
    ("Dimsum Mama Lin", "Lina Susanti", "Dimsum, bakpao", "ID31110000345670224"),
    ("Roti Bakar Mas Didi", "Didi Prasetyo", "Roti bakar, susu jahe", ""),
    ("Jus Buah Segar Ceria", "Maya Anggraini", "Jus buah, salad buah", ""),
    ("Warung Vegan Hijau", "Nadia Putri", "Nasi campur vegan, tempe", ""),
    ("Bubur Ayam Pak Oyo", "Oyo Suryana", "Bubur ayam, cakwe", ""),
    ("Lumpia Semarang Mbak Tini", "Tini Rahayu", "Lumpia, tahu gimbal", ""),
    ("Coto Makassar Daeng Tiro", "Tiro Daeng", "Coto, burasa, pisang epe", ""),
    ("Papeda Mama Yosina", "Yosina Wanma", "Papeda, ikan kuah kuning", ""),
    ("Ayam Taliwang Inaq Rahmi", "Rahmi Hidayati", "Ayam taliwang, plecing", ""),
    ("Kerak Telor Bang Madi", "Ahmadi", "Kerak telor, bir pletok", ""),
    ("Seblak Teh Nenden", "Nenden Sari", "Seblak, cilok", ""),
    ("Es Dawet Ayu Banjar", "Wulan Sari", "Dawet, es campur", ""),
    ("Pisang Goreng Madu Bu Rusmi", "Rusmiati", "Pisang goreng, ubi madu", ""),
    ("Bebek Goreng Pak Darmo", "Sudarmo", "Bebek goreng, sambal korek", ""),
    ("Nasi Kapau Uni Ida", "Ida Farida", "Nasi kapau, dendeng", "ID13110000567890324"),
    ("Kopi Toraja Sapan", "Yohanes Sapan", "Kopi Toraja, pisang goreng", ""),
    ("Kopi Gayo Lestari", "Teuku Iskandar", "Kopi Gayo, kue tradisional", ""),
    ("Keripik Tempe Bu Sri", "Sri Wahyuni", "Keripik tempe, rempeyek", ""),
    ("Tahu Gejrot Cirebon", "Karyono", "Tahu gejrot, empal gentong", ""),
    ("Es Krim Puter Nusantara", "Bambang Irawan", "Es krim puter", ""),
    ("Lontong Sayur Medan Kak Rina", "Rina Siregar", "Lontong sayur, mie gomak", ""),
    ("Kue Cubit Gemoy", "Tasya Amelia", "Kue cubit, pukis", ""),
    ("Tengkleng Solo Mas Joko", "Joko Susilo", "Tengkleng, sate buntel", ""),
)
# (months before this one, day of month) of each batch of leases signed together
BATCHES = ((10, 1), (6, 1), (3, 15), (1, 1))


def _stalls() -> list[StallForm]:
    forms = []
    for floor, sizes in FLOOR_SIZES.items():
        half = (len(sizes) + 1) // 2
        x = {0: 0, 1: 0}
        for index, size in enumerate(sizes):
            row = 0 if index < half else 1
            w, h, day, week, month = SIZES[size]
            code = stall_code(floor, index + 1)
            forms.append(
                StallForm(
                    code, size, day, week, month, 2 * month,
                    plan_x=x[row], plan_y=0 if row == 0 else 14, plan_w=w, plan_h=h,
                    water=size != "4" or index % 2 == 0, gas=size in ("9", "12"), power=True,
                    power_meter=f"PLN-{floor}{index + 1:02d}-{53100 + 17 * index + floor}",
                    in_service=code != OUT_OF_SERVICE,
                    notes="Saluran lemak sedang diperbaiki" if code == OUT_OF_SERVICE else "",
                )
            )  # fmt: skip
            x[row] += w + 1
    return forms


def _nik(index: int) -> str:
    """A valid NIK (Jakarta Pusat) for some of the owners; none for the others."""
    if index % 3:
        return ""
    day, month, year = 1 + index % 28, 1 + index % 12, 70 + index % 25
    return f"317101{day + (40 if index % 2 else 0):02d}{month:02d}{year:02d}{index + 1:04d}"


def _months_back(today: date, months: int, day: int) -> date:
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    return date(year, month + 1, day)


def _at(core: Core, day: date, hour: int = 9, minute: int = 0) -> None:
    moment = datetime.combine(day, time(hour, minute), tzinfo=WIB).astimezone(UTC)
    core.clock = lambda: moment


def seed_foodcourt(core: Core, actors: list[Actor], rng: random.Random, now: datetime) -> int:
    """The stalls (added or brought up to date), the tenants and their leases;
    returns how many leases were made."""
    for stall in _stalls():
        core.foodcourt.save_stall(SYSTEM, stall)
    manager = next((a for a in actors if a.role is Role.TENANT_MANAGER), SYSTEM)
    today = to_wib(now).date()
    real_clock: Callable[[], datetime] = core.clock
    try:
        _at(core, _months_back(today, BATCHES[0][0] + 1, 20))
        tenants = []
        for index, (name, owner, products, halal) in enumerate(TENANTS):
            phone = f"08{rng.choice('1257')}{rng.randint(10**8, 10**9 - 1)}"
            nib = f"{rng.randint(10**12, 10**13 - 1)}"
            npwp = f"0{rng.randint(10**14, 10**15 - 1)}" if index % 4 else ""
            typed = TenantForm(name, owner, phone, _nik(index), nib, npwp, products, halal)
            tenants.append(core.foodcourt.save_tenant(manager, typed))
        codes = [f.code for f in _stalls()]
        running = [c for c in codes if c not in VACANT | set(BOOKED_AHEAD) | {OUT_OF_SERVICE}]
        made = 0
        behind: set[str] = set()  # the leases of the tenant in arrears
        for number, code in enumerate(running):
            tenant = tenants[number % len(tenants)]
            months, day = BATCHES[number % len(BATCHES)]
            if code == ARREARS:
                months, day = 2, 1
            start = _months_back(today, months, day)
            end = _months_back(start, -12, start.day) - timedelta(days=1)
            period = "week" if number % 11 == 5 else "month"
            if period == "week":
                end = start + timedelta(weeks=26) - timedelta(days=1)
            _at(core, start)
            made_lease = core.foodcourt.lease(
                manager, LeaseForm(tenant.id, code, start, end, period)
            )
            made += 1
            if code == ARREARS:
                behind.add(made_lease.id)
            if code != ARREARS and made_lease.deposit_charge_id:
                _pay_deposit(core, manager, made_lease.deposit_charge_id, rng)
        spare = tenants[len(running) % len(tenants) :]
        for (code, (period, days_ahead, length)), tenant in zip(
            sorted(BOOKED_AHEAD.items()), spare or tenants, strict=False
        ):
            _at(core, today - timedelta(days=1))
            start = today + timedelta(days=days_ahead)
            form = LeaseForm(tenant.id, code, start, start + timedelta(days=length - 1), period)
            core.foodcourt.lease(manager, form)
            made += 1
        core.foodcourt.set_late_fee_policy(SYSTEM, LateFeePolicy("percent", 200, 0, 7))
        seed_meters(core, manager, rng, today, _at, ARREARS)
        _rent_history(core, manager, today, behind, rng)  # (the newest payments last)
        core.clock = real_clock
        seed_turnover(core, manager, rng, today)  # demo_turnover: daily sales, turnover rent
    finally:
        core.clock = real_clock
    core.foodcourt.post_due(SYSTEM)  # today's rent, and the late fees of the one behind
    return made


def _rent_history(
    core: Core, manager: Actor, today: date, behind: set[str], rng: random.Random
) -> None:
    """On each day rent fell due before today, the rent posted (early in the
    morning, as the application does) and paid by transfer before the front
    desk opens at 08:00, except by the tenant in arrears."""
    days = {
        period.due_on
        for lease in core.foodcourt.leases()
        if lease.status == LeaseStatus.ACTIVE.value
        for period in rent_schedule(
            lease.starts_on, lease.ends_on, lease.period, lease.rent, lease.due_day
        )
        if period.due_on < today
    }
    for day in sorted(days):
        _at(core, day, 7)
        posted = [c for c in core.foodcourt.post_rent(SYSTEM, day) if c.lease_id not in behind]
        if not posted:
            continue
        _at(core, day, 7, 30)
        shift = core.payments.open_shift(manager, 0)
        for charge in posted:
            reference = f"TRF-{rng.randint(10**7, 10**8 - 1)}"
            core.payments.pay(manager, charge.charge_id, PaymentForm("transfer", None, reference))
        core.payments.close_shift(manager, shift.id, {}, "Sewa stan (transfer)")


def _pay_deposit(core: Core, manager: Actor, charge_id: str, rng: random.Random) -> None:
    """The deposit paid by transfer in a shift of the tenant manager, opened and
    closed around it (no cash moves)."""
    shift = core.payments.open_shift(manager, 0)
    reference = f"TRF-{rng.randint(10**7, 10**8 - 1)}"
    core.payments.pay(manager, charge_id, PaymentForm("transfer", None, reference))
    core.payments.close_shift(manager, shift.id, {}, "Deposit sewa stan (transfer)")
