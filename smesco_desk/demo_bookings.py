"""Demo data of the rooms and spaces: the building's bookable spaces (DESIGN.md:
three meeting rooms of about 8, 12 and 20, two training classrooms, the event
hall and the bengkel) with Jakarta rates, and the bookings of this week.

Made through the services, as a desk would: the bookings are made "yesterday"
(the clock is set back a day while they are made), so that today's early
slots can still be booked and nothing is dated after the demo was made. A
booking the rules refuse (a space closed that day) is left out.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from smesco_desk.clock import WIB, to_wib
from smesco_desk.errors import DomainError
from smesco_desk.services.actors import SYSTEM, Actor, Role
from smesco_desk.services.core import Core
from smesco_desk.values.bookings import BookingForm, SpaceForm
from smesco_desk.values.payments import PayerForm

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")


def _hours(weekdays: str, saturday: str | None, sunday: str | None) -> dict[str, list[str]]:
    opens, closes = weekdays.split("-")
    hours = {d: [opens, closes] for d in _WEEKDAYS}
    for day, span in (("sat", saturday), ("sun", sunday)):
        if span:
            hours[day] = span.split("-")
    return hours


OFFICE = _hours("08:00-21:00", "08:00-21:00", None)
SPACES = (
    SpaceForm("rapat_melati", "Ruang Rapat Melati", "meeting_room", 8, OFFICE, "2", 15, 15,
              250_000, 850_000, 1_500_000, 2500, "room", "Meja rapat 8 kursi, TV 55 inci"),
    SpaceForm("rapat_anggrek", "Ruang Rapat Anggrek", "meeting_room", 12, OFFICE, "2", 15, 15,
              350_000, 1_200_000, 2_100_000, 2500, "room", "Proyektor, papan tulis, kamera rapat"),
    SpaceForm("rapat_cendana", "Ruang Rapat Cendana", "meeting_room", 20, OFFICE, "3", 30, 30,
              500_000, 1_750_000, 3_000_000, 2000, "room", "Meja U, proyektor, sistem suara"),
    SpaceForm("kelas_1", "Ruang Kelas Pelatihan 1", "classroom", 30, OFFICE, "3", 30, 30,
              400_000, 1_400_000, 2_500_000, 3000, "room", "Kursi kuliah, proyektor, 30 colokan"),
    SpaceForm("kelas_2", "Ruang Kelas Pelatihan 2", "classroom", 24, OFFICE, "3", 30, 30,
              350_000, 1_200_000, 2_200_000, 3000, "room", "Meja kerja berkelompok, TV 65 inci"),
    SpaceForm("aula", "Aula Serbaguna", "event_hall", 250,
              _hours("07:00-23:00", "07:00-23:00", "07:00-23:00"), "1", 120, 60,
              0, 7_500_000, 13_500_000, 2000, "room", "Panggung, tata suara, 250 kursi teater"),
    SpaceForm("bengkel", "Bengkel Produk UMKM", "workshop", 10,
              _hours("08:00-17:00", "08:00-14:00", None), "1", 0, 30,
              150_000, 0, 0, 5000, "service", "Alat jahit, sablon dan kemasan; per jam"),
)  # fmt: skip

# (space, days from today, start, end, title, payer kind, booker, UMKM, attendees)
BOOKINGS = (
    ("rapat_melati", 0, "09:00", "10:30", "Rapat pengurus koperasi", "organisation",
     "Koperasi Maju Bersama", False, 6),
    ("rapat_melati", 0, "13:00", "15:00", "Konsultasi ekspor kopi", "umkm",
     "Kopi Gayo Lestari", True, 4),
    ("rapat_anggrek", 0, "10:00", "12:00", "Kurasi produk pameran", "organisation",
     "Dinas Koperasi DKI Jakarta", False, 10),
    ("kelas_1", 0, "08:30", "16:30", "Pelatihan foto produk", "organisation",
     "SMESCO Indonesia", False, 25),
    ("bengkel", 0, "09:00", "12:00", "Uji kemasan keripik", "umkm",
     "Keripik Tempe Bu Sri", True, 3),
    ("aula", 1, "08:00", "17:00", "Seminar pemasaran digital UMKM", "organisation",
     "Asosiasi UMKM Nusantara", False, 180),
    ("rapat_cendana", 1, "13:00", "17:00", "Temu mitra ritel modern", "organisation",
     "Pusat Layanan Usaha Terpadu", False, 18),
    ("kelas_2", 2, "09:00", "13:00", "Kelas QRIS dan pembukuan", "organisation",
     "Bank Rakyat Indonesia", False, 20),
    ("rapat_anggrek", 2, "14:00", "15:30", "Wawancara calon tenan", "visitor",
     "Dewi Kartikasari", False, 5),
    ("bengkel", 3, "13:00", "16:00", "Sablon kaos komunitas", "umkm",
     "Batik Sekar Jagad", True, 6),
    ("aula", 4, "18:00", "22:00", "Malam apresiasi UMKM binaan", "organisation",
     "SMESCO Indonesia", False, 220),
    ("kelas_1", 5, "09:00", "12:00", "Pelatihan marketplace", "organisation",
     "Kementerian Koperasi dan UKM", False, 28),
)  # fmt: skip


def seed_bookings(core: Core, actors: list[Actor], rng: random.Random, now: datetime) -> int:
    """The spaces (added or brought up to date) and this week's bookings; returns
    how many bookings were made."""
    for space in SPACES:
        core.bookings.save_space(SYSTEM, space)
    desk = [a for a in actors if a.role in (Role.RECEPTIONIST, Role.TENANT_MANAGER)] or [SYSTEM]
    real_clock = core.clock
    made_at = now - timedelta(days=1)
    core.clock = lambda: made_at
    today = to_wib(now).date()
    made = 0
    try:
        for code, days, start, end, title, kind, booker, umkm, people in BOOKINGS:
            day = today + timedelta(days=days)
            starts = datetime.combine(day, time.fromisoformat(start), tzinfo=WIB)
            ends = datetime.combine(day, time.fromisoformat(end), tzinfo=WIB)
            form = BookingForm(code, title, starts, ends, PayerForm(kind, booker), people, umkm)
            try:
                core.bookings.book(rng.choice(desk), form)
            except DomainError:  # closed that day (a Sunday): left out
                continue
            made += 1
    finally:
        core.clock = real_clock
    return made
