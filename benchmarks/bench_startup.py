"""Cold start of the real application to its main window's first paint, and its memory.

    uv run python benchmarks/bench_startup.py [--runs 10] [--visits 1000000] [--no-xvfb]

Each run is a new process (`benchmarks/_startup_probe.py`, which follows
`ui.app.main()` step by step and logs in the user given in an environment
variable) on a private copy of the 1,000,000-visit history, timed from
`time.time()` just before `Popen` to the first paint of the main window.
Runs under QT_QPA_PLATFORM=offscreen and under a real X server (an Xvfb this
script starts on :77 and stops). "Cold" means a new process with the OS file
cache warm (one discarded warm-up run first).

Python's bytecode cache matters a lot here: this environment sets
PYTHONDONTWRITEBYTECODE=1 and the venv holds no .pyc files, so every start
compiles SQLAlchemy and the rest from source. The main figures use a bytecode
cache (PYTHONPYCACHEPREFIX=benchmarks/.cache/pycache, filled by the warm-up
run; the venv is not touched), as an installed application would have; the
start without any bytecode is reported beside them.

Then memory: VmRSS/VmHWM with the Visitors page's history tab open after its
model has fetched 5 batches. Budgets: start <= 1.2 s, RSS <= 250 MB.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import ROOT, budget_line, header, load
from generate_history import CACHE_DIR, PASSWORD, copy_history

PROBE = Path(__file__).resolve().parent / "_startup_probe.py"
PYCACHE = CACHE_DIR / f"pycache-{sys.version_info.major}{sys.version_info.minor}"
DISPLAY = ":77"
START_BUDGET_MS = 1200
RSS_BUDGET_MB = 250
PHASES = [  # (label, from mark, to mark)
    ("interpreter up", None, "python_up"),
    ("imports (PySide6, SQLAlchemy, ui.app)", "python_up", "imports"),
    ("QApplication, style sheet, translations", "imports", "qapplication"),
    ("open_core (engine, schema check)", "qapplication", "open_core"),
    ("authenticate (Argon2 verify)", "open_core", "authenticated"),
    ("MainWindow(ctx)", "authenticated", "window_built"),
    ("show() to first paint, flushed", "window_built", "first_paint"),
]


def probe_env(platform: str, config: Path, bytecode: bool, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "QT_QPA_PLATFORM": platform,
            "XDG_CONFIG_HOME": str(config),
            "SMESCO_BENCH_USER": f"sari:{PASSWORD}",
            **extra,
        }
    )
    if platform == "xcb":
        env["DISPLAY"] = DISPLAY
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env


def run_probe(data_dir: Path, env: dict[str, str]) -> dict[str, Any]:
    env = dict(env, SMESCO_BENCH_T0=repr(time.time()))
    done = subprocess.run(
        [sys.executable, str(PROBE), "--data-dir", str(data_dir)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    for line in done.stdout.splitlines():
        if line.startswith("PROBE "):
            return dict(json.loads(line[len("PROBE ") :]))
    raise RuntimeError(f"probe failed ({done.returncode}): {done.stderr[-2000:]}")


def series(data_dir: Path, env: dict[str, str], runs: int) -> list[dict[str, Any]]:
    run_probe(data_dir, env)  # warm-up: file cache (and bytecode cache) filled, discarded
    return [run_probe(data_dir, env) for _ in range(runs)]


def report_start(label: str, results: list[dict[str, Any]], until: str = "first_paint") -> float:
    marks = [r["marks"] for r in results]
    total = [m[until] for m in marks]
    print(
        f"   {label}: median {statistics.median(total):.0f} ms to first paint  "
        f"(min {min(total):.0f}, max {max(total):.0f}, n={len(total)})"
    )
    if until == "first_paint" and "authenticated" in marks[0]:
        for name, start, end in PHASES:
            values = [m[end] - (m[start] if start else 0) for m in marks]
            print(f"     {name:<42} median {statistics.median(values):6.0f} ms")
        without = [m["first_paint"] - (m["authenticated"] - m["open_core"]) for m in marks]
        print(
            f"     {'total without the Argon2 login check':<42} median "
            f"{statistics.median(without):6.0f} ms"
        )
        cpu = [r["cpu_ms_at_paint"] for r in results if "cpu_ms_at_paint" in r]
        if cpu:
            print(
                f"     {'CPU time of the process at first paint':<42} median "
                f"{statistics.median(cpu):6.0f} ms  (all threads; Argon2 uses 4 lanes)"
            )
    return statistics.median(total)


def report_memory(label: str, results: list[dict[str, Any]]) -> float:
    def mb(key: str, field: str) -> float:
        return statistics.median(r[key][field] for r in results) / 1024

    first = results[0]
    print(
        f"   {label}: {first.get('history_source')}, {first.get('history_rows')} rows loaded "
        f"of {first.get('history_total'):,}; first page shown after "
        f"{statistics.median(r['history_first_page_ms'] for r in results):.0f} ms"
    )
    print(
        f"     before login       VmRSS {mb('memory_before_login_kb', 'VmRSS'):6.1f} MB  "
        f"VmHWM {mb('memory_before_login_kb', 'VmHWM'):6.1f} MB"
    )
    print(
        f"     after Argon2 login VmRSS {mb('memory_after_login_kb', 'VmRSS'):6.1f} MB  "
        f"VmHWM {mb('memory_after_login_kb', 'VmHWM'):6.1f} MB"
    )
    print(
        f"     at first paint     VmRSS {mb('memory_at_paint_kb', 'VmRSS'):6.1f} MB  "
        f"VmHWM {mb('memory_at_paint_kb', 'VmHWM'):6.1f} MB"
    )
    print(
        f"     history, 5 batches VmRSS {mb('memory_after_history_kb', 'VmRSS'):6.1f} MB  "
        f"VmHWM {mb('memory_after_history_kb', 'VmHWM'):6.1f} MB  (median of {len(results)})"
    )
    return mb("memory_after_history_kb", "VmHWM")


def baselines(env: dict[str, str], runs: int = 5) -> None:
    """What an empty interpreter and the two big imports cost on their own."""
    for label, code in (
        ("python -c pass", "pass"),
        ("import PySide6.QtWidgets", "import PySide6.QtWidgets"),
        ("import sqlalchemy.orm", "import sqlalchemy.orm"),
        ("import ui.app", "import ui.app"),
    ):
        subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, check=True)
        values = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, check=True)
            values.append((time.perf_counter() - started) * 1000)
        print(f"     {label:<28} median {statistics.median(values):6.0f} ms")


class Xvfb:
    """A private X server (:77, or the next free display) for the runs under a real display."""

    def __enter__(self) -> Xvfb:
        global DISPLAY
        number = next(n for n in range(77, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists()
                      and not Path(f"/tmp/.X{n}-lock").exists())  # fmt: skip
        DISPLAY = f":{number}"
        self.proc = subprocess.Popen(
            ["Xvfb", DISPLAY, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
            stderr=subprocess.DEVNULL,
        )
        socket = Path(f"/tmp/.X11-unix/X{number}")
        deadline = time.time() + 10
        while not socket.exists() and time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"Xvfb {DISPLAY} did not start")
            time.sleep(0.05)
        print(f"   (Xvfb on {DISPLAY}, pid {self.proc.pid})")
        return self

    def __exit__(self, *exc: object) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--no-xvfb", action="store_true")
    args = parser.parse_args(argv)
    header(f"cold start to the main window, {args.runs} runs per platform")
    platforms = ["offscreen"] + ([] if args.no_xvfb else ["xcb"])
    with tempfile.TemporaryDirectory() as tmp, Xvfb() if "xcb" in platforms else _Null():
        data_dir, config = copy_history(Path(tmp, "data"), args.visits), Path(tmp, "config")
        print("-- baselines (bytecode cached)")
        baselines(probe_env("offscreen", config, True))
        medians: dict[str, float] = {}
        memory: dict[str, float] = {}
        for platform in platforms:
            name = "Xvfb (xcb)" if platform == "xcb" else "offscreen"
            print(f"-- {name}")
            env = probe_env(platform, config, True)
            medians[name] = report_start(
                "main window, bytecode cached", series(data_dir, env, args.runs)
            )
            report_start(
                "login dialog (what the desk shows first)",
                series(data_dir, probe_env(platform, config, True, SMESCO_BENCH_UNTIL="login"), 5),
                "first_paint",
            )
            memory[name] = report_memory(
                "memory",
                series(
                    data_dir, probe_env(platform, config, True, SMESCO_BENCH_HISTORY_BATCHES="5"), 3
                ),
            )
        print("-- offscreen, no bytecode at all (this environment as it is)")
        report_start(
            "main window, compiled from source each start",
            series(data_dir, probe_env("offscreen", config, False), max(3, args.runs // 2)),
        )
        print(f"-- {load()}")
        for name, value in medians.items():
            print("   " + budget_line(f"start to main window, {name}", value, START_BUDGET_MS))
        for name, value in memory.items():
            print(
                "   "
                + budget_line(f"peak RSS with history open, {name}", value, RSS_BUDGET_MB, "MB")
            )
    return 0


class _Null:
    def __enter__(self) -> _Null:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


if __name__ == "__main__":
    sys.exit(main())
