"""A large, realistic visitor history for the benchmarks (about three years of a busy lobby).

    uv run python benchmarks/generate_history.py [--visits 1000000] [--visitors 300000] [--force]

`generate(data_dir, ...)` makes an initialised database through the services
(`open_core`, `core.setup.initialize("D01")`, the first admin and two
receptionists), then bulk-inserts visitors, visits and check-outs with raw
`executemany` in big transactions. That is deliberately NOT how the application
writes: it is a fixture generator, and a million `register` calls (each with its
audit and outbox rows) would take hours. Every column is nevertheless filled as
the services would fill it (folded name keys, E.164 phones and digit keys, NIK
pseudonyms and masks, per-day badge numbers, UUIDv7 ids whose time is the row's
own time, version/updated_at bumped by each visit and check-out, and the desk's
badge counters), so the services and the UI cannot tell the difference. Audit
and outbox rows are not made for the history: nothing the benchmarks time reads
them.

NIK pseudonyms: a real one (argon2id with the database's NIK key, as `register`
makes it) for every NIK in the samples the benchmarks type, and 64 random hex
digits for the other ~90,000 NIKs, which the benchmarks never look up: at
tens of milliseconds each, real ones would take the generator an hour. The
column, its index and the lookups are the same either way.

`cached_history()` keeps the result in `benchmarks/.cache/` and reuses it;
`copy_history(dest)` gives a benchmark its own copy, so no benchmark grows the
cached file. The NIK key sits beside the cached file (`history-N.nik.key`) and
goes with every copy, as it would with a desk's data folder.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from smesco_desk.clock import WIB, to_wib
from smesco_desk.db import migrate, search_index
from smesco_desk.db.engine import make_engine, sqlite_url
from smesco_desk.demo import FIRST, HOSTS, LAST, ORGS, PURPOSES
from smesco_desk.domain.nik import PROVINCES, mask_nik, nik_pseudonym
from smesco_desk.domain.text import fold
from smesco_desk.paths import database_path, nik_key_path
from smesco_desk.services.actors import Role
from smesco_desk.services.core import open_core
from smesco_desk.services.settings import DEFAULTS

CACHE_DIR = Path(__file__).resolve().parent / ".cache"
DESK = "D01"
PASSWORD = "bench-2026!"  # every user of the generated database has this password
USERS = [
    ("admin", "Administrator Sistem", Role.ADMIN),
    ("sari", "Sari Wulandari", Role.RECEPTIONIST),
    ("rudi", "Rudi Hartono", Role.RECEPTIONIST),
]
RECEPTIONISTS = ["sari", "rudi", "sari", "rudi", "admin"]
YEARS = 3
OPEN_TODAY = 15
NIK_SHARE = 0.30
BATCH = 50_000
AUTO_RUNS_AFTER = timedelta(hours=10, minutes=45)  # 21:00 closing -> 07:45 next morning

MORE_ORGS = [
    "Koperasi Produsen Tahu Tempe Bogor",
    "UMKM Kain Jumputan Palembang",
    "CV Kopi Toraja Sejahtera",
    "Bakpia Jogja Mandiri",
    "Rendang Uni Upiak",
    "PT Kemasan Kreatif Nusantara",
    "Kelompok Tani Hutan Lestari",
    "Sanggar Batik Cirebon Trusmi",
    "Koperasi Nelayan Muara Angke",
    "Teh Kayu Aro Kerinci",
    "Kripik Pisang Lampung Agung",
    "Kementerian Perdagangan",
    "Politeknik Negeri Jakarta",
    "Bank Mandiri Cabang Pancoran",
    "Tokopedia",
    "Shopee Indonesia",
]
ORGANISATIONS = ORGS + MORE_ORGS + [""] * 12
CHECKOUT_METHODS = ["scan"] * 70 + ["badge"] * 15 + ["list"] * 12 + ["auto"] * 3
OPERATORS = [
    "11",
    "12",
    "13",
    "21",
    "22",
    "23",
    "52",
    "53",
    "55",
    "56",
    "57",
    "58",
    "77",
    "78",
    "81",
    "82",
    "95",
    "96",
    "97",
    "98",
]


# --- public helpers for the benchmarks ----------------------------------------


def cache_file(visits: int) -> Path:
    return CACHE_DIR / f"history-{visits}.sqlite3"


def samples_file(visits: int) -> Path:
    return CACHE_DIR / f"history-{visits}.json"


def key_file(visits: int) -> Path:
    """The cached database's NIK key (a history made before the key file has none)."""
    return CACHE_DIR / f"history-{visits}.nik.key"


def cached_history(
    visits: int = 1_000_000, visitors: int | None = None, *, seed: int = 1, force: bool = False
) -> Path:
    """The cached database file with `visits` visits, generated on first use."""
    target = cache_file(visits)
    cached = target.exists() and samples_file(visits).exists() and key_file(visits).exists()
    if cached and not force:
        upgrade_in_place(target)
        return target
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE_DIR) as tmp:
        info = generate(Path(tmp), visits, visitors or max(1, visits * 3 // 10), seed)
        shutil.move(database_path(Path(tmp)), target)
        shutil.copyfile(nik_key_path(Path(tmp)), key_file(visits))
    samples_file(visits).write_text(json.dumps(info, indent=1))
    return target


def upgrade_in_place(db: Path) -> None:
    """Bring a cached file to the current schema once (as a desk would on its next start),
    so that each benchmark's copy does not back up and migrate 1 GB again."""
    engine = make_engine(sqlite_url(db))
    try:
        upgrade = migrate.needs_upgrade(engine)
        if upgrade:
            print(f"upgrading the cached history to schema {migrate.head_revision()}...")
            migrate.upgrade(engine)
    finally:
        engine.dispose()
    if upgrade:
        _analyze(db)


def load_samples(visits: int = 1_000_000) -> dict[str, Any]:
    """What the generator wrote beside the database: sample NIKs and phones, users."""
    cached_history(visits)
    return dict(json.loads(samples_file(visits).read_text()))


def copy_history(dest_dir: Path, visits: int = 1_000_000) -> Path:
    """A private copy of the cached database as `dest_dir`'s data folder; returns dest_dir."""
    source = cached_history(visits)
    dest_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, database_path(dest_dir))
    key = nik_key_path(dest_dir)
    key.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    shutil.copyfile(key_file(visits), key)
    key.chmod(0o600)
    os.sync()  # write the copy out now, not while the benchmark is timing
    return dest_dir


# --- generation -----------------------------------------------------------------


@dataclass
class Person:
    name: str
    name_key: str
    phone: str  # E.164
    organisation: str
    nik: str | None
    visits: list[int] = field(default_factory=list)  # indexes into the visit list


@dataclass
class VisitRow:
    at: datetime
    person: int
    out: datetime | None = None
    method: str = ""


def generate(
    data_dir: Path, visits: int = 1_000_000, visitors: int = 300_000, seed: int = 1
) -> dict[str, Any]:
    """Create an initialised database in `data_dir` holding the history. Returns its facts."""
    started = time.perf_counter()
    visitors = max(1, min(visitors, visits))  # everyone has come at least once
    now = datetime.now(UTC).replace(microsecond=0)
    rng = random.Random(seed)
    key = _initialise(data_dir)
    people = _people(rng, visitors)
    rows = _visit_times(rng, visits, now)
    _assign(rng, rows, people)
    _close_visits(rng, rows)
    with_nik = [p.nik for p in people if p.nik]
    sample_niks = random.Random(seed + 1).sample(with_nik, min(300, len(with_nik)))
    pseudonyms = {nik: nik_pseudonym(key, nik) for nik in sample_niks}
    db = database_path(data_dir)
    _bulk_insert(db, rng, people, rows, pseudonyms)
    _index_words(db)
    _analyze(db)
    seconds = time.perf_counter() - started
    info = _facts(rng, people, rows, seed, seconds, db.stat().st_size, now)
    info["sample_niks"] = sample_niks
    print(
        f"generated {len(rows):,} visits of {len(people):,} visitors in {seconds:.1f} s; "
        f"{db.stat().st_size / 1e6:.0f} MB"
    )
    return info


def _initialise(data_dir: Path) -> bytes:
    """The schema, desk D01, default purposes and users, made by the services."""
    core = open_core(data_dir)
    try:
        core.setup.initialize(DESK)
        admin_name, admin_full, _ = USERS[0]
        core.setup.create_first_admin(admin_name, admin_full, PASSWORD)
        admin = core.users.authenticate(admin_name, PASSWORD)
        for username, full_name, role in USERS[1:]:
            core.users.create(admin, username, full_name, PASSWORD, role.value)
        return core.nik_key.key()
    finally:
        core.close()


def _people(rng: random.Random, count: int) -> list[Person]:
    phones: set[str] = set()
    folded: dict[str, str] = {}
    people: list[Person] = []
    for _ in range(count):
        name = _name(rng)
        name_key = folded.get(name) or folded.setdefault(name, fold(name))
        nik = _nik(rng) if rng.random() < NIK_SHARE else None
        people.append(Person(name, name_key, _phone(rng, phones), rng.choice(ORGANISATIONS), nik))
    return people


def _name(rng: random.Random) -> str:
    shape = rng.random()
    if shape < 0.08:  # many Indonesians have a single name
        return rng.choice(LAST)
    if shape < 0.70:
        return f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    if shape < 0.90:
        return f"{rng.choice(FIRST)} {rng.choice(FIRST)} {rng.choice(LAST)}"
    return f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.choice(LAST)}"


def _phone(rng: random.Random, taken: set[str]) -> str:
    while True:
        digits = 8 if rng.random() < 0.6 else 9
        local = f"8{rng.choice(OPERATORS)}{rng.randrange(10 ** (digits - 1), 10**digits)}"
        if local not in taken:
            taken.add(local)
            return f"+62{local}"


def _nik(rng: random.Random) -> str:
    province = rng.choice(sorted(PROVINCES))
    born = date(1955, 1, 1) + timedelta(days=rng.randrange(0, 50 * 365))
    day = born.day + (40 if rng.random() < 0.5 else 0)
    return (
        f"{province}{rng.randint(1, 79):02d}{rng.randint(1, 40):02d}"
        f"{day:02d}{born.month:02d}{born.year % 100:02d}{rng.randint(1, 9999):04d}"
    )


def _visit_times(rng: random.Random, total: int, now: datetime) -> list[VisitRow]:
    """Check-in instants: ~3 years of weekdays busier than weekends, growing, plus
    `OPEN_TODAY` visits in the last three hours."""
    today = to_wib(now).date()
    days = [today - timedelta(days=back) for back in range(YEARS * 365, 0, -1)]
    weights = [_day_weight(day, i / len(days)) for i, day in enumerate(days)]
    history = max(0, total - OPEN_TODAY)
    scale = history / sum(weights)
    counts = [int(w * scale) for w in weights]
    for i in rng.sample(range(len(days)), history - sum(counts)):
        counts[i] += 1
    rows: list[VisitRow] = []
    for day, count in zip(days, counts, strict=True):
        opening = datetime.combine(day, datetime.min.time(), tzinfo=WIB) + timedelta(hours=8)
        seconds = sorted(_office_second(rng) for _ in range(count))
        rows.extend(VisitRow(_utc(opening + timedelta(seconds=s)), -1) for s in seconds)
    recent = sorted(rng.sample(range(5 * 60, 180 * 60), min(OPEN_TODAY, total)), reverse=True)
    rows.extend(VisitRow(now - timedelta(seconds=s), -1) for s in recent)
    return rows


def _day_weight(day: date, progress: float) -> float:
    weekday = (1.0, 1.0, 1.0, 1.0, 0.95, 0.55, 0.3)[day.weekday()]
    return weekday * (0.7 + 0.6 * progress)  # the centre gets busier over the years


def _office_second(rng: random.Random) -> int:
    """Seconds after 08:00 WIB: a morning peak, a smaller one after lunch."""
    peak = 2.0 if rng.random() < 0.6 else 5.5
    hours = min(max(rng.gauss(peak, 1.4), 0.0), 10.0)
    return int(hours * 3600) + rng.randrange(0, 60)


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(microsecond=0)


def _assign(rng: random.Random, rows: list[VisitRow], people: list[Person]) -> None:
    """Every visitor comes at least once; a few regulars come very often."""
    # Pareto-distributed, capped: the busiest regulars come about every other working day.
    weights = [min(rng.paretovariate(1.5), 250.0) for _ in people]
    extra = rng.choices(range(len(people)), weights=weights, k=max(0, len(rows) - len(people)))
    owners = list(range(min(len(people), len(rows)))) + extra
    rng.shuffle(owners)
    for index, (row, owner) in enumerate(zip(rows, owners, strict=True)):
        row.person = owner
        people[owner].visits.append(index)


def _close_visits(rng: random.Random, rows: list[VisitRow]) -> None:
    """Everyone but today's last visitors has left: by scan mostly, some auto at closing."""
    for row in rows[: len(rows) - OPEN_TODAY]:
        closing = _closing_after(row.at)
        row.method = rng.choice(CHECKOUT_METHODS)
        stay = timedelta(minutes=rng.randint(15, 300), seconds=rng.randrange(60))
        row.out = closing if row.method == "auto" else min(row.at + stay, closing)


def _closing_after(moment: datetime) -> datetime:
    closing_hh, closing_mm = (int(x) for x in str(DEFAULTS["closing_time"]).split(":"))
    local = to_wib(moment).replace(hour=closing_hh, minute=closing_mm, second=0, microsecond=0)
    if local <= to_wib(moment):
        local += timedelta(days=1)
    return local.astimezone(UTC)


# --- bulk insert ----------------------------------------------------------------


def _bulk_insert(
    db: Path,
    rng: random.Random,
    people: list[Person],
    rows: list[VisitRow],
    pseudonyms: dict[str, str],
) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        # A fixture: speed over durability. The file is rebuilt if this is interrupted.
        conn.execute("PRAGMA journal_mode = MEMORY")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -1000000")
        visitor_ids = _visitor_ids(rng, people, rows)
        _insert(conn, VISITOR_SQL, _visitor_rows(people, rows, visitor_ids, pseudonyms))
        counters = _insert_visits(conn, rng, rows, visitor_ids, people)
        _insert(conn, COUNTER_SQL, counters)
        conn.execute("PRAGMA journal_mode = WAL")  # as the application keeps it
    finally:
        conn.close()


VISITOR_SQL = """
INSERT INTO visitors (id, origin_desk, version, server_seq, created_at, updated_at, deleted_at,
    full_name, name_key, phone, phone_key, organisation, nik_masked, nik_hash, consent_at,
    consent_version, last_visit_at, visit_count)
VALUES (?, ?, ?, NULL, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
VISIT_SQL = """
INSERT INTO visits (id, origin_desk, version, server_seq, created_at, updated_at, deleted_at,
    visitor_id, badge_number, visitor_name, organisation, purpose_code, host, desk_code,
    checked_in_at, valid_until, checked_in_by, checked_out_at)
VALUES (?, ?, ?, NULL, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
CHECKOUT_SQL = """
INSERT INTO visit_checkouts (id, origin_desk, version, server_seq, created_at, updated_at,
    deleted_at, visit_id, checked_out_at, method, checked_out_by)
VALUES (?, ?, 1, NULL, ?, ?, NULL, ?, ?, ?, ?)"""
COUNTER_SQL = "INSERT OR REPLACE INTO desk_counters (name, value) VALUES (?, ?)"


def _insert(conn: sqlite3.Connection, sql: str, rows: Iterable[Sequence[Any]]) -> None:
    conn.execute("BEGIN")
    for chunk in _chunks(rows, BATCH):
        conn.executemany(sql, chunk)
    conn.execute("COMMIT")


def _chunks(rows: Iterable[Sequence[Any]], size: int) -> Iterator[list[Sequence[Any]]]:
    chunk: list[Sequence[Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _visitor_ids(rng: random.Random, people: list[Person], rows: list[VisitRow]) -> list[str]:
    """UUIDv7 of each visitor, timed at their first visit (when the row was created)."""
    return [uuid7_at(rows[p.visits[0]].at, rng) for p in people]


def _visitor_rows(
    people: list[Person], rows: list[VisitRow], ids: list[str], pseudonyms: dict[str, str]
) -> Iterator[tuple[Any, ...]]:
    consent = DEFAULTS["consent_version"]
    order = sorted(range(len(people)), key=lambda i: people[i].visits[0])  # creation order
    for i in order:
        p = people[i]
        first, last = rows[p.visits[0]].at, rows[p.visits[-1]].at
        hashed = (pseudonyms.get(p.nik) or os.urandom(32).hex()) if p.nik else None
        masked = mask_nik(p.nik) if p.nik else None
        yield (
            ids[i],
            DESK,
            len(p.visits),
            ts(first),
            ts(last),
            p.name,
            p.name_key,
            p.phone,
            p.phone[1:],
            p.organisation,
            masked,
            hashed,
            ts(last),
            consent,
            ts(last),
            len(p.visits),
        )


def _insert_visits(
    conn: sqlite3.Connection,
    rng: random.Random,
    rows: list[VisitRow],
    visitor_ids: list[str],
    people: list[Person],
) -> list[tuple[str, int]]:
    """Visits and their check-out facts in one transaction; returns the badge counters."""
    counters: dict[str, int] = {}
    conn.execute("BEGIN")
    visits: list[tuple[Any, ...]] = []
    checkouts: list[tuple[Any, ...]] = []
    for row in rows:
        visit, checkout = _visit_row(rng, row, visitor_ids, people, counters)
        visits.append(visit)
        if checkout:
            checkouts.append(checkout)
        if len(visits) >= BATCH:
            conn.executemany(VISIT_SQL, visits)
            conn.executemany(CHECKOUT_SQL, checkouts)
            visits, checkouts = [], []
    conn.executemany(VISIT_SQL, visits)
    conn.executemany(CHECKOUT_SQL, checkouts)
    conn.execute("COMMIT")
    return sorted(counters.items())


def _visit_row(
    rng: random.Random,
    row: VisitRow,
    visitor_ids: list[str],
    people: list[Person],
    counters: dict[str, int],
) -> tuple[tuple[Any, ...], tuple[Any, ...] | None]:
    person = people[row.person]
    day = to_wib(row.at).strftime("%y%m%d")
    seq = counters[f"badge:{day}"] = counters.get(f"badge:{day}", 0) + 1
    visit_id = uuid7_at(row.at, rng)
    by = rng.choice(RECEPTIONISTS)
    out = ts(row.out) if row.out else None
    visit = (
        visit_id,
        DESK,
        2 if out else 1,
        ts(row.at),
        out or ts(row.at),
        visitor_ids[row.person],
        f"{DESK}-{day}-{seq:03d}",
        person.name,
        person.organisation,
        rng.choice(PURPOSES),
        rng.choice(HOSTS),
        DESK,
        ts(row.at),
        ts(_closing_after(row.at)),
        by,
        out,
    )
    if row.out is None:
        return visit, None
    out_by = "system:system" if row.method == "auto" else rng.choice(RECEPTIONISTS)
    # auto_check_out runs when the desk starts the next morning: that is when it is written.
    written = ts(row.out + AUTO_RUNS_AFTER) if row.method == "auto" else out
    visit = visit[:4] + (written,) + visit[5:]
    checkout = (uuid7_at(row.out, rng), DESK, written, written, visit_id, out, row.method, out_by)
    return visit, checkout


def uuid7_at(moment: datetime, rng: random.Random) -> str:
    """A UUIDv7 whose 48-bit millisecond timestamp is `moment` (RFC 9562)."""
    ms = int(moment.timestamp() * 1000)
    rand = rng.getrandbits(74)
    value = (ms << 80) | (0x7 << 76) | ((rand >> 62) << 64) | (0b10 << 62) | (rand & (2**62 - 1))
    return str(uuid.UUID(int=value))


def ts(moment: datetime) -> str:
    """A UTC instant as SQLAlchemy stores it in SQLite (naive, with microseconds)."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _index_words(db: Path) -> None:
    """The search words of the bulk-inserted rows, as the services keep them."""
    engine = make_engine(sqlite_url(db))
    try:
        with engine.begin() as conn:
            count = search_index.rebuild(conn)
        print(f"search words: {count:,}")
    finally:
        engine.dispose()


def _analyze(db: Path) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        conn.execute("ANALYZE")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _facts(
    rng: random.Random,
    people: list[Person],
    rows: list[VisitRow],
    seed: int,
    seconds: float,
    size: int,
    now: datetime,
) -> dict[str, Any]:
    """Sample phones the benchmarks type as queries, and how the file was made
    (generate() adds the sample NIKs, chosen before the pseudonyms are made)."""
    return {
        "visits": len(rows),
        "visitors": len(people),
        "seed": seed,
        "generated_at": now.isoformat(),
        "seconds": round(seconds, 1),
        "size_bytes": size,
        "password": PASSWORD,
        "users": [u for u, _, _ in USERS],
        "sample_phones": ["0" + p.phone[3:] for p in rng.sample(people, min(300, len(people)))],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--visitors", type=int, default=None)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--force", action="store_true", help="generate again even if cached")
    args = parser.parse_args(argv)
    target = cache_file(args.visits)
    if target.exists() and not args.force:
        print(f"cached: {target} ({target.stat().st_size / 1e6:.0f} MB); --force to rebuild")
        return 0
    path = cached_history(args.visits, args.visitors, seed=args.seed, force=True)
    print(f"written: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
