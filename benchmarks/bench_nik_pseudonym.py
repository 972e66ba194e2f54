"""What one guess at a NIK costs someone who holds the NIK key (and the data).

    uv run python benchmarks/bench_nik_pseudonym.py [--runs 50]

Without the key nothing can be guessed: the key is 256 random bits kept outside
the database (smesco_desk/services/nik_key.py). With it, every guess is one
`nik_pseudonym` call: argon2id at PSEUDONYM_COST (smesco_desk/domain/nik.py).
This times that call, the same at the documented floor (PSEUDONYM_FLOOR), and
the HMAC-SHA256 the code used before migration 0007, and turns the median into
the time to try every plausible NIK on one core. It is also what a receptionist
waits for once per registration with a NIK and per typed NIK search.
Prints figures; asserts nothing (tests/core/test_nik.py holds the costs to the
floor instead).
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import secrets
import statistics

from _common import header, percentile, timings

from smesco_desk.domain.nik import PSEUDONYM_COST, PSEUDONYM_FLOOR, PseudonymCost, nik_pseudonym

NIK = "3174015708900001"
# Districts (~7,300) x birth dates of living people (~100 years x 365, both sexes)
# x serials actually handed out (most below 100): about 5e10 candidates.
PLAUSIBLE_NIKS = 7_300 * 100 * 365 * 2 * 100
SECONDS_PER_YEAR = 365.25 * 24 * 3600


def _argon2(key: bytes, cost: PseudonymCost, runs: int) -> list[float]:
    return timings(lambda: nik_pseudonym(key, NIK, cost), runs)


def _hmac(key: bytes, runs: int) -> list[float]:
    hex_key = key.hex().encode()

    def batch() -> None:
        for _ in range(1000):
            hmac.new(hex_key, NIK.encode(), hashlib.sha256).hexdigest()

    return [t / 1000 for t in timings(batch, runs)]


def _describe(cost: PseudonymCost) -> str:
    return f"t={cost.time_cost} m={cost.memory_kib // 1024} MiB p={cost.parallelism}"


def _line(label: str, values: list[float]) -> float:
    median = statistics.median(values)
    years = PLAUSIBLE_NIKS * median / 1000 / SECONDS_PER_YEAR
    span = f"{years:,.0f} core-years" if years >= 1 else f"{years * 8766:,.1f} core-hours"
    print(
        f"{label:<44} median {median:9.4f} ms  p95 {percentile(values, 95):9.4f} ms"
        f"  every plausible NIK: {span}"
    )
    return median


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    header("NIK pseudonym: the cost of one guess with the key")
    key = secrets.token_bytes(32)
    print(f"   {PLAUSIBLE_NIKS:.1e} plausible NIKs; without the key: 2^256 keys to try first")
    for cost, role in ((PSEUDONYM_COST, "in use"), (PSEUDONYM_FLOOR, "floor")):
        label = f"argon2id {_describe(cost)} ({role})"
        _line(label, _argon2(key, cost, args.runs))
    _line("HMAC-SHA256 (before migration 0007)", _hmac(key, args.runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
