"""Small helpers shared by the benchmarks: percentiles, timing, the machine line.

Benchmarks print figures; they never assert timings (the machine is noisy).
"""

from __future__ import annotations

import os
import platform
import sqlite3
import statistics
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def percentile(values: Sequence[float], pct: float) -> float:
    """Linear-interpolated percentile (pct in 0..100) of a non-empty sequence."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * pct / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summary(values_ms: Sequence[float]) -> dict[str, float]:
    return {
        "n": len(values_ms),
        "p50": statistics.median(values_ms),
        "p95": percentile(values_ms, 95),
        "max": max(values_ms),
    }


def time_ms(fn: Callable[[], Any]) -> float:
    """How long one call takes, in milliseconds."""
    started = time.perf_counter_ns()
    fn()
    return (time.perf_counter_ns() - started) / 1e6


def timings(fn: Callable[[], Any], runs: int, warmup: int = 2) -> list[float]:
    for _ in range(warmup):
        fn()
    return [time_ms(fn) for _ in range(runs)]


def median_of_rounds(rounds: list[dict[str, float]]) -> dict[str, float]:
    """Each statistic's median over rounds (a noisy machine: quote medians)."""
    keys = rounds[0].keys()
    return {k: statistics.median(r[k] for r in rounds) for k in keys}


def fmt(stats: dict[str, float], keys: Sequence[str] = ("p50", "p95", "max")) -> str:
    return "  ".join(f"{k} {stats[k]:7.2f} ms" for k in keys)


def budget_line(label: str, value: float, budget: float, unit: str = "ms") -> str:
    verdict = "within budget" if value <= budget else "OVER BUDGET"
    return f"{label}: {value:.2f} {unit} (budget <= {budget:g} {unit}): {verdict}"


def machine() -> str:
    """One line saying where the figures come from."""
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} cores {model}, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )


def load() -> str:
    """The load average: other work on the machine (a noisy 2-core box) shows here."""
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def header(title: str) -> None:
    print(f"== {title}")
    print(f"   {machine()}; {load()}")
