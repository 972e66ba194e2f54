"""Cold start of the real application: login dialog painted, main window after the password.

    uv run python benchmarks/bench_startup.py [--runs 7] [--visits 1000000] [--no-xvfb]

Each run is a new process on a private copy of the generated history, timed
from `time.time()` just before `Popen`:

- the engine's figure: a bare PySide6 window (`_bare_window_probe.py`: import
  PySide6.QtWidgets, a QApplication, a login-sized QWidget with a label) to its
  first paint;
- `_startup_probe.py` follows `ui.app.main()` with the real SessionController:
  start to the login dialog's first paint; then, after TYPING_MS (the person
  typing), it fills in the user and presses "Masuk" (the dialog's own submit:
  the same Argon2 check, in the worker) and times Masuk to the main window's
  first paint; and Masuk pressed at once (at the dialog's first paint), which
  waits for the core.

Ratios are to the bare window of the same run. Runs under QT_QPA_PLATFORM=offscreen
and a real X server (an Xvfb started on :77 or the next free display). "Cold"
means a new process with the OS file cache warm (one discarded warm-up run per
series). The main figures use a bytecode cache (PYTHONPYCACHEPREFIX=
benchmarks/.cache/pycache-3xx, filled by the warm-up; the venv is not touched),
as an installed application has; the start without bytecode is printed too.
Then memory: VmRSS/VmHWM with the history tab open after 5 batches.

Where the time goes (2026-12-07, 2 cores; see benchmarks/README.md):
- Before this pass everything came before the first window: `ui.app` imported
  the core (SQLAlchemy's ORM, the 40 models, psycopg through the sync
  service: `import sqlalchemy.orm` alone 275-560 ms), `open_core` opened the
  database, and only then the login dialog was built; after the password,
  `MainWindow(ctx)` also imported the main window and the Visitors page.
- Now the login dialog needs PySide6 and a few small modules only (no
  SQLAlchemy, no services, no pages: tests/ui/test_startup.py checks it). A
  `CoreLoader` thread (ui/startup.py) starts once the dialog has painted,
  imports the ORM and opens the core while the person types; ui.main_window and
  the Visitors page are then imported on the UI thread (no Qt in the thread).
  What is left after Masuk: the Argon2 check
  (argon2-cffi defaults, 64 MiB, 4 lanes: the security rules, not changed),
  `MainWindow(ctx)` (the Visitors page: three tables and the form, ~90 ms CPU on
  the UI thread, the rest waits for the GIL behind the worker's first loads),
  and the first paint. The other pages are built when first shown (ui/navigation.py).
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
BARE_PROBE = Path(__file__).resolve().parent / "_bare_window_probe.py"
PYCACHE = CACHE_DIR / f"pycache-{sys.version_info.major}{sys.version_info.minor}"
DISPLAY = ":77"
LOGIN_BUDGET_MS = 400  # start to the login dialog painted
AFTER_PASSWORD_BUDGET_MS = 700  # "Masuk" pressed to the main window painted
RSS_BUDGET_MB = 250
TYPING_MS = 1500  # the person typing the password after the dialog appears
PHASES = [  # (label, from mark, to mark), of a start with TYPING_MS of typing
    ("interpreter up", None, "python_up"),
    ("imports (PySide6, ui.app; no SQLAlchemy)", "python_up", "imports"),
    ("QApplication, style sheet, translations", "imports", "qapplication"),
    ("login dialog built, shown, painted", "qapplication", "login_painted"),
    ("core opened in the thread (after the paint)", "login_painted", "core_open"),
    ("Masuk: Argon2 check (worker)", "enter", "authenticated"),
    ("MainWindow(ctx), show()", "authenticated", "shown"),
    ("to first paint, flushed", "shown", "first_paint"),
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


def run_probe(data_dir: Path, env: dict[str, str], probe: Path = PROBE) -> dict[str, Any]:
    env = dict(env, SMESCO_BENCH_T0=repr(time.time()))
    done = subprocess.run(
        [sys.executable, str(probe), "--data-dir", str(data_dir)],
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


def series(data_dir: Path, env: dict[str, str], runs: int,
           probe: Path = PROBE) -> list[dict[str, Any]]:
    run_probe(data_dir, env, probe)  # warm-up: file cache (and bytecode cache) filled
    return [run_probe(data_dir, env, probe) for _ in range(runs)]


def median_of(results: list[dict[str, Any]], end: str, start: str | None = None) -> float:
    return statistics.median(
        r["marks"][end] - (r["marks"][start] if start else 0) for r in results)


def report_platform(data_dir: Path, platform: str, config: Path, runs: int) -> dict[str, float]:
    """Bare window, login dialog, main window after the password: medians, ratios."""
    env = probe_env(platform, config, True)
    bare = series(data_dir, env, runs, BARE_PROBE)
    bare_ms = median_of(bare, "first_paint")
    print(f"   bare PySide6 window (engine)              median {bare_ms:6.0f} ms to first paint")
    login = series(data_dir, probe_env(platform, config, True, SMESCO_BENCH_UNTIL="login"), runs)
    login_ms = median_of(login, "login_painted")
    print(f"   login dialog painted                      median {login_ms:6.0f} ms  "
          f"= {login_ms / bare_ms:.2f}x the bare window  (min "
          f"{min(r['marks']['login_painted'] for r in login):.0f}, n={len(login)})")
    typed = series(data_dir, env, runs)
    after_ms = median_of(typed, "first_paint", "enter")
    print(f"   main window after Masuk ({TYPING_MS} ms typing)  median {after_ms:6.0f} ms  "
          f"= {after_ms / bare_ms:.2f}x the bare window")
    for name, start, end in PHASES:
        print(f"     {name:<44} median {median_of(typed, end, start):6.0f} ms")
    cpu = statistics.median(r["cpu_ms_at_paint"] for r in typed)
    print(f"     {'CPU time of the process at first paint':<44} median {cpu:6.0f} ms  "
          f"(all threads; Argon2 uses 4 lanes)")
    at_once = series(data_dir, probe_env(platform, config, True, SMESCO_BENCH_TYPING_MS="0"),
                     runs)
    at_once_ms = median_of(at_once, "first_paint", "enter")
    total_ms = median_of(at_once, "first_paint")
    print(f"   Masuk at the dialog's first paint         median {at_once_ms:6.0f} ms to the "
          f"main window (waits for the core); start to main window {total_ms:.0f} ms")
    return {"bare": bare_ms, "login": login_ms, "after": after_ms, "at_once": at_once_ms,
            "total": total_ms}


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
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--no-xvfb", action="store_true")
    args = parser.parse_args(argv)
    header(f"cold start to the main window, {args.runs} runs per platform")
    platforms = ["offscreen"] + ([] if args.no_xvfb else ["xcb"])
    with tempfile.TemporaryDirectory() as tmp, Xvfb() if "xcb" in platforms else _Null():
        data_dir, config = copy_history(Path(tmp, "data"), args.visits), Path(tmp, "config")
        print("-- baselines (bytecode cached)")
        baselines(probe_env("offscreen", config, True))
        figures: dict[str, dict[str, float]] = {}
        memory: dict[str, float] = {}
        for platform in platforms:
            name = "Xvfb (xcb)" if platform == "xcb" else "offscreen"
            print(f"-- {name}, bytecode cached")
            figures[name] = report_platform(data_dir, platform, config, args.runs)
            memory[name] = report_memory(
                "memory",
                series(
                    data_dir, probe_env(platform, config, True, SMESCO_BENCH_HISTORY_BATCHES="5"), 3
                ),
            )
        print("-- offscreen, no bytecode at all (this environment as it is)")
        nobc = series(data_dir, probe_env("offscreen", config, False), max(3, args.runs // 2))
        print(f"   login dialog painted median {median_of(nobc, 'login_painted'):.0f} ms; main "
              f"window after Masuk median {median_of(nobc, 'first_paint', 'enter'):.0f} ms")
        print(f"-- {load()}")
        for name, value in figures.items():
            print("   " + budget_line(f"start to login dialog painted, {name}", value["login"],
                                      LOGIN_BUDGET_MS))
            print("   " + budget_line(f"Masuk to main window painted, {name}", value["after"],
                                      AFTER_PASSWORD_BUDGET_MS))
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
