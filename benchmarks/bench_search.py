"""Returning-visitor search and the visit lists on a 1,000,000-visit history.

    uv run python benchmarks/bench_search.py [--visits 1000000] [--rounds 5]

Times `core.visitors.suggest(actor, text)` for 700+ typed queries (starts
of 2-6 letters of first names and surnames, phone numbers' beginnings typed as
08.. and +62 .., runs of 4-6 digits from the middle or the end of a number,
full NIKs) beside the same query run raw with the sqlite3 module (same SQL
shape: an indexed range of search_words for the longest term (one query for
each reading of it: 0812 is 62812... or the run 0812), an EXISTS range for
each other term, LIMIT 32, then the visitors by id; or equality on
nik_hash; the raw side also computes the terms and the NIK pseudonym).
Then the history list's first page, the in-building count and history text
searches (a name's start, a surname's start, a phone's last four digits).
Budget: suggest p95 <= 5 ms for names and phones (what is searched
while typing); a whole NIK costs one argon2id pseudonym by design (tens of
ms, benchmarks/bench_nik_pseudonym.py), shown on its own line.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _common import budget_line, fmt, header, median_of_rounds, summary, time_ms, timings
from generate_history import PASSWORD, copy_history, load_samples

from smesco_desk.demo import FIRST, LAST
from smesco_desk.domain.nik import nik_pseudonym
from smesco_desk.domain.search_words import Term, query_terms, upper_bound
from smesco_desk.paths import database_path
from smesco_desk.services.core import Core, open_core
from smesco_desk.values.visitors import HISTORY_COUNT_UP_TO, VisitFilter, VisitScope

SUGGEST_BUDGET_MS = 5.0
LIMIT = 8
COLUMNS = (
    "id, origin_desk, version, server_seq, created_at, updated_at, deleted_at, full_name, "
    "name_key, phone, phone_key, organisation, nik_masked, nik_hash, consent_at, "
    "consent_version, last_visit_at, visit_count"
)
KINDS = ("name", "phone", "run", "nik")
LEAD_SQL = "SELECT s.ref FROM search_words s WHERE s.owner = 'visitor' AND ({ranges})"
OTHER_SQL = (
    " AND EXISTS (SELECT 1 FROM search_words o WHERE o.owner = 'visitor' AND o.ref = s.ref"
    " AND ({ranges}))"
)
NIK_SQL = f"SELECT {COLUMNS} FROM visitors WHERE nik_hash = ? AND deleted_at IS NULL LIMIT {LIMIT}"
# Valid NIKs (structure) that nobody in the generated history has: searches that miss.
UNKNOWN_NIKS = [
    f"317401{d:02d}{m:02d}8{y}000{s}"
    for d, m, y, s in [(12, 1, 5, 1), (53, 7, 9, 2), (1, 12, 1, 3), (28, 2, 7, 4), (44, 4, 0, 5)]
]


def queries(samples: dict[str, Any], rng: random.Random) -> list[tuple[str, str]]:
    """(kind, text) pairs as a receptionist types them."""
    out: list[tuple[str, str]] = []
    words = FIRST + LAST
    for _ in range(280):
        word = rng.choice(words)
        text = word[: rng.randint(2, min(6, len(word)))]
        if rng.random() < 0.3:
            text = text.lower()
        if rng.random() < 0.2:  # first name and the start of the last name
            text = f"{rng.choice(FIRST)} {rng.choice(LAST)[: rng.randint(1, 4)]}"
        out.append(("name", text))
    for phone in samples["sample_phones"][:120]:  # 0812..., 5 to 12 digits typed
        out.append(("phone", phone[: rng.randint(5, min(12, len(phone)))]))
    for phone in samples["sample_phones"][120:200]:  # +62 812-3456..., as written on a card
        digits = phone[1:][: rng.randint(4, 10)]
        out.append(("phone", f"+62 {digits[:3]}-{digits[3:]}"))
    for phone in samples["sample_phones"][200:260]:  # the last four digits
        out.append(("run", phone[-4:]))
    for phone in samples["sample_phones"][260:300]:  # 4-6 digits from the middle
        start = rng.randint(3, len(phone) - 6)
        out.append(("run", phone[start : start + rng.randint(4, 6)]))
    for nik in samples["sample_niks"][:100] + UNKNOWN_NIKS:
        out.append(("nik", nik))
    rng.shuffle(out)
    return out


class RawSearch:
    """The same searches with the sqlite3 module: the floor the service stands on."""

    def __init__(self, db: Path, nik_key: bytes) -> None:
        self.conn = sqlite3.connect(db)
        self.nik_key = nik_key

    def run(self, kind: str, text: str) -> list[Any]:
        if kind == "nik":
            params = (nik_pseudonym(self.nik_key, text),)
            return self.conn.execute(NIK_SQL, params).fetchall()
        terms = query_terms(text)
        ids: list[str] = []
        for alternative in terms[0]:
            sql, args = self.words_sql([(alternative,), *terms[1:]])
            for (ref,) in self.conn.execute(sql, args):
                if ref not in ids and len(ids) < LIMIT:
                    ids.append(ref)
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(
            f"SELECT {COLUMNS} FROM visitors WHERE id IN ({marks}) AND deleted_at IS NULL", ids
        ).fetchall()
        by_id = {r[0]: r for r in rows}
        return [by_id[i] for i in ids if i in by_id]

    @staticmethod
    def words_sql(terms: list[Term]) -> tuple[str, list[str]]:
        def ranges(alias: str, term: Term) -> str:
            return " OR ".join(f"({alias}.word >= ? AND {alias}.word < ?)" for _ in term)

        sql = LEAD_SQL.format(ranges=ranges("s", terms[0]))
        sql += "".join(OTHER_SQL.format(ranges=ranges("o", t)) for t in terms[1:])
        sql += f" ORDER BY s.word, s.ref LIMIT {LIMIT * 4}"
        return sql, [x for t in terms for alt in t for x in (alt, upper_bound(alt))]

    def plans(self) -> list[str]:
        cases: dict[str, list[Term]] = {
            "one term": [("nurhal",)],
            "two terms": [("santoso",), ("bu",)],
            "0-run, one reading": [("#62668",)],
            "nik": [],
        }
        out = []
        for label, terms in cases.items():
            sql, args = (NIK_SQL, ["x"]) if not terms else self.words_sql(terms)
            plan = self.conn.execute(f"EXPLAIN QUERY PLAN {sql}", args)
            out.append(f"{label}: " + "; ".join(row[3] for row in plan))
        return out


def bench_suggest(core: Core, raw: RawSearch, qs: list[tuple[str, str]], rounds: int) -> None:
    actor = core.users.authenticate("sari", PASSWORD)
    hits = {kind: [0, 0] for kind in KINDS}
    for kind, text in qs:  # warm-up, and check both sides find the same people
        found = core.visitors.suggest(actor, text)
        assert [s.visitor_id for s in found] == [r[0] for r in raw.run(kind, text)], text
        hits[kind][0] += 1
        hits[kind][1] += bool(found)
    print(
        f"   {len(qs)} queries: "
        + ", ".join(f"{kind} {n} ({found} with results)" for kind, (n, found) in hits.items())
    )
    service_rounds, raw_rounds = [], []
    per_kind: dict[str, list[float]] = {k: [] for k in KINDS}
    best_service = [float("inf")] * len(qs)
    best_raw = [float("inf")] * len(qs)
    for _ in range(rounds):
        service, low = [], []
        for i, (kind, text) in enumerate(qs):
            ms = time_ms(lambda t=text: core.visitors.suggest(actor, t))
            service.append(ms)
            per_kind[kind].append(ms)
            best_service[i] = min(best_service[i], ms)
        for i, (kind, text) in enumerate(qs):
            low.append(time_ms(lambda k=kind, t=text: raw.run(k, t)))
            best_raw[i] = min(best_raw[i], low[-1])
        service_rounds.append(summary(service))
        raw_rounds.append(summary(low))
    svc, low_stats = median_of_rounds(service_rounds), median_of_rounds(raw_rounds)
    print(f"   service suggest()   {fmt(svc)}   (each statistic: median of {rounds} rounds)")
    print(f"   raw sqlite3         {fmt(low_stats)}")
    print(
        f"   ratio service/raw   p50 {svc['p50'] / low_stats['p50']:.1f}x  "
        f"p95 {svc['p95'] / low_stats['p95']:.1f}x"
    )
    best, best_low = summary(best_service), summary(best_raw)
    print(
        f"   best of {rounds} per query (noise removed): service {fmt(best, ('p50', 'p95'))}"
        f"; raw {fmt(best_low, ('p50', 'p95'))}"
    )
    for kind, values in per_kind.items():
        print(f"   service, {kind:<5}     {fmt(summary(values))}")
    typed = summary(per_kind["name"] + per_kind["phone"] + per_kind["run"])
    print("   " + budget_line("suggest p95, names and phones", typed["p95"], SUGGEST_BUDGET_MS))
    best_typed = summary([best_service[i] for i, (kind, _) in enumerate(qs) if kind != "nik"])
    print(
        "   "
        + budget_line(
            f"suggest p95, names and phones, best of {rounds} per query",
            best_typed["p95"],
            SUGGEST_BUDGET_MS,
        )
    )
    for line in raw.plans():
        print(f"   plan {line}")


def bench_lists(core: Core, runs: int, samples_phone: str) -> None:
    history, in_building = VisitFilter(VisitScope.HISTORY), VisitFilter(VisitScope.IN_BUILDING)
    search = VisitFilter(VisitScope.HISTORY, "sant")
    surname = VisitFilter(VisitScope.HISTORY, LAST[0][:5])
    last_four = VisitFilter(VisitScope.HISTORY, samples_phone[-4:])
    visitors = core.visitors
    cases: list[tuple[str, Callable[[], Any]]] = [
        (
            "history first page list_visits(HISTORY, 0, 200)",
            lambda: visitors.list_visits(history, 0, 200),
        ),
        ("history page at offset 2000", lambda: visitors.list_visits(history, 2000, 200)),
        ("history count_visits(HISTORY)", lambda: visitors.count_visits(history)),
        ("in-building count_visits(IN_BUILDING)", lambda: visitors.count_visits(in_building)),
        (
            "in-building list_visits(IN_BUILDING, 0, 200)",
            lambda: visitors.list_visits(in_building, 0, 200),
        ),
        ("today count_visits(TODAY)", lambda: visitors.count_visits(VisitFilter(VisitScope.TODAY))),
        ("history search 'sant' first page", lambda: visitors.list_visits(search, 0, 200)),
        ("history search 'sant' count", lambda: visitors.count_visits(search)),
        (
            "history search 'xqz' (no match) first page",
            lambda: visitors.list_visits(VisitFilter(VisitScope.HISTORY, "xqz"), 0, 200),
        ),
        (
            f"history search {surname.text!r} (a surname's start): count + first page",
            lambda: (visitors.count_visits(surname), visitors.list_visits(surname, 0, 200)),
        ),
        (
            f"history search {last_four.text!r} (last four digits): count + first page",
            lambda: (visitors.count_visits(last_four), visitors.list_visits(last_four, 0, 200)),
        ),
    ]
    width = max(len(label) for label, _ in cases)
    for label, fn in cases:
        values = timings(fn, runs, warmup=1)
        print(
            f"   {label:<{width}}  median {statistics.median(values):8.2f} ms  "
            f"min {min(values):8.2f}  max {max(values):8.2f}  (n={runs})"
        )
    print("   the history tab opens with count + first page (VisitsTableModel.refresh):")
    model_open = [
        time_ms(lambda: (visitors.count_visits(history), visitors.list_visits(history, 0, 200)))
        for _ in range(runs)
    ]
    model_search = [
        time_ms(lambda: (visitors.count_visits(search), visitors.list_visits(search, 0, 200)))
        for _ in range(runs)
    ]
    print(
        f"   {'history tab open: count + first page':<{width}}  median "
        f"{statistics.median(model_open):8.2f} ms"
    )
    print(
        f"   {'history search sant: count + first page':<{width}}  median "
        f"{statistics.median(model_search):8.2f} ms"
    )


# The history row of issue 14: what the history tab asks for when it opens or a
# search is typed (VisitsTableModel._first_job): the count (a search counted up
# to HISTORY_COUNT_UP_TO) and the first page of 200.
HISTORY_SEARCHES = {
    "a common name's start ('sant')": "sant",
    "a surname ('santoso')": "santoso",
    "a common word of organisations ('batik')": "batik",
    "a common host word ('pelatihan')": "pelatihan",
    "two letters ('bu')": "bu",
    "no match ('xqz')": "xqz",
}


def history_open(core: Core, text: str = "") -> tuple[int, int]:
    """Count + first page as the history tab asks for them; (count, rows)."""
    flt = VisitFilter(VisitScope.HISTORY, text)
    up_to = HISTORY_COUNT_UP_TO if text.strip() else None
    return core.visitors.count_visits(flt, up_to), len(core.visitors.list_visits(flt, 0, 200))


def history_row(core: Core, runs: int, samples_phone: str) -> dict[str, dict[str, float]]:
    """Issue 14's history row: count + first page, without a search and with each
    search of HISTORY_SEARCHES and a phone's last four digits; {label: summary}."""
    cases = {"no search": "", **HISTORY_SEARCHES, "a phone's last four digits": samples_phone[-4:]}
    out = {}
    for label, text in cases.items():
        out[label] = summary(timings(lambda t=text: history_open(core, t), runs, warmup=1))
        out[label]["count"], out[label]["rows"] = history_open(core, text)
    return out


def history_floor(db: Path, runs: int) -> dict[str, dict[str, float]]:
    """Beside it: what the count cost before the tally (counting every live visit)
    and the engine's floor for a page (the same SELECT with sqlite3)."""
    conn = sqlite3.connect(db)
    try:
        counted = timings(
            lambda: conn.execute("SELECT count(*) FROM visits WHERE deleted_at IS NULL").fetchone(),
            runs,
            warmup=1,
        )
        page = timings(
            lambda: conn.execute(
                "SELECT * FROM visits WHERE deleted_at IS NULL"
                " ORDER BY checked_in_at DESC, id DESC LIMIT 200"
            ).fetchall(),
            runs,
            warmup=1,
        )
        tally = timings(
            lambda: conn.execute("SELECT value FROM tallies WHERE name = 'live_visits'").fetchone(),
            runs,
            warmup=1,
        )
    finally:
        conn.close()
    return {
        "count every live visit (sqlite3)": summary(counted),
        "the tally's row (sqlite3)": summary(tally),
        "first page SELECT (sqlite3)": summary(page),
    }


def bench_history(core: Core, db: Path, runs: int, samples_phone: str) -> None:
    print(f"   history tab: count (searches up to {HISTORY_COUNT_UP_TO}) + first page of 200")
    rows = history_row(core, runs, samples_phone)
    width = max(len(label) for label in rows)
    for label, st in rows.items():
        found = int(st["count"])
        shown = f"> {HISTORY_COUNT_UP_TO}" if found > HISTORY_COUNT_UP_TO else str(found)
        print(f"   {label:<{width}}  {fmt(st)}  (count {shown}, n={runs})")
    worst = max(st["p95"] for st in rows.values())
    print("   " + budget_line("history count + first page, worst p95", worst, 50.0))
    for label, st in history_floor(db, runs).items():
        print(f"   engine: {label:<{width - 8}}  {fmt(st)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--list-runs", type=int, default=15)
    args = parser.parse_args(argv)
    samples = load_samples(args.visits)
    header(f"search on {samples['visits']:,} visits / {samples['visitors']:,} visitors")
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = copy_history(Path(tmp), args.visits)
        core = open_core(data_dir)
        try:
            raw = RawSearch(database_path(data_dir), core.nik_key.key())
            print("-- returning-visitor search (suggest)")
            bench_suggest(core, raw, queries(samples, random.Random(7)), args.rounds)
            print("-- visit lists")
            bench_lists(core, args.list_runs, samples["sample_phones"][0])
            print("-- the history tab (issue 14)")
            bench_history(
                core, database_path(data_dir), args.list_runs, samples["sample_phones"][0]
            )
            raw.conn.close()
        finally:
            core.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
