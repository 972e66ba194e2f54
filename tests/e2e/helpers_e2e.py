"""Driving the real application in a real X window: the screen, the app process,
the command line, and the printed PDF.

    screen = Screen(display, shots_dir)
    app = DeskApp.start(data_dir, config_home, screen.display, log_path)
    login = screen.wait_window(LOGIN_TITLE, app)
    screen.focus(login)
    screen.type("sari")
    screen.key("Tab")
    screen.shot("login")            # shots_dir/01-login.png

There is no window manager under Xvfb: nothing gives a new window the keyboard
focus, so a test focuses each window itself (`Screen.focus`) before typing.
xdotool's `windowactivate` needs a window manager (_NET_ACTIVE_WINDOW) and is
not used. Waits poll for a condition and fail with what the screen showed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QSettings

from smesco_desk.paths import database_path
from ui.app import APPLICATION, ORGANIZATION
from ui.settings import Option

T = TypeVar("T")

REPO = Path(__file__).resolve().parents[2]

# Window titles (the interface speaks Indonesian unless told otherwise).
WIZARD_TITLE = r"^Penyiapan awal - Smesco Desk$"
LOGIN_TITLE = r"^Masuk - Smesco Desk$"
MAIN_TITLE = r"^Smesco Desk$"

# Debian packages of the tools these tests call.
TOOLS = {"xdotool": "xdotool", "import": "imagemagick", "pdftoppm": "poppler-utils"}

POINTS_PER_MM = 72 / 25.4


class E2EError(AssertionError):
    """A step of an end-to-end run did not happen; the message says what was seen."""


def wait_until(condition: Callable[[], T | None], timeout: float, what: str,
               interval: float = 0.1, on_timeout: Callable[[], str] | None = None) -> T:
    """Poll `condition` until it returns something truthy; return that."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            detail = on_timeout() if on_timeout else ""
            raise E2EError(f"timed out after {timeout:.0f} s waiting for {what}{detail}")
        time.sleep(interval)


# --- the application ---------------------------------------------------------------


def write_settings(config_home: Path, values: dict[Option[Any], object]) -> Path:
    """Pre-write the app's QSettings file under XDG_CONFIG_HOME=`config_home`."""
    path = config_home / ORGANIZATION / f"{APPLICATION}.conf"
    path.parent.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    for option, value in values.items():
        settings.setValue(option.key, value)
    settings.sync()
    if settings.status() != QSettings.Status.NoError:
        raise OSError(f"could not write {path}: {settings.status()}")
    return path


class DeskApp:
    """`main.py` running as a subprocess on `display`, its output in `log_path`."""

    def __init__(self, proc: subprocess.Popen[bytes], log_path: Path) -> None:
        self.proc = proc
        self.log_path = log_path

    @classmethod
    def start(cls, data_dir: Path, config_home: Path, display: str, log_path: Path,
              *extra_args: str) -> DeskApp:
        home = config_home.parent
        env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "XDG_CONFIG_HOME": str(config_home),  # QSettings reads SMESCO/SmescoDesk.conf here
            "XDG_DATA_HOME": str(home / "xdg-data"),
            "XDG_CACHE_HOME": str(home / "xdg-cache"),
            "PYTHONUNBUFFERED": "1",
        }
        env.pop("SMESCO_DESK_DATA_DIR", None)
        with log_path.open("wb") as log:
            proc = subprocess.Popen(
                [sys.executable, str(REPO / "main.py"), "--data-dir", str(data_dir),
                 *extra_args],
                cwd=REPO, env=env, stdin=subprocess.DEVNULL, stdout=log,
                stderr=subprocess.STDOUT)
        return cls(proc, log_path)

    @property
    def running(self) -> bool:
        return self.proc.poll() is None

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def wait_exit(self, timeout: float) -> int:
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            raise E2EError(f"the application did not exit within {timeout:.0f} s\n"
                           f"{self.log()}") from None

    def stop(self) -> None:
        """End the process if it still runs: SIGTERM, then SIGKILL."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)


# --- the screen --------------------------------------------------------------------


class Screen:
    """The Xvfb display: find and focus windows, type, take screenshots."""

    def __init__(self, display: str, shots_dir: Path) -> None:
        self.display = display
        self.shots_dir = shots_dir
        self.shots: list[Path] = []

    def _run(self, args: list[str], timeout: float = 10) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(args, env={**os.environ, "DISPLAY": self.display},
                              capture_output=True, timeout=timeout)

    def xdotool(self, *args: str, timeout: float = 10) -> str:
        result = self._run(["xdotool", *args], timeout)
        if result.returncode != 0:
            raise E2EError(f"xdotool {' '.join(args)} failed: {result.stderr.decode().strip()}")
        return result.stdout.decode().strip()

    # windows

    def windows(self, title: str) -> list[str]:
        """Visible windows whose title matches the regular expression `title`."""
        result = self._run(["xdotool", "search", "--onlyvisible", "--name", title])
        return result.stdout.decode().split()  # status 1 and no output: none found

    def titles(self) -> list[str]:
        """The titles of all visible windows (for messages)."""
        names = []
        for wid in self.windows("."):
            result = self._run(["xdotool", "getwindowname", wid])
            names.append(result.stdout.decode().strip())
        return names

    def wait_window(self, title: str, app: DeskApp, timeout: float = 20,
                    exclude: Iterable[str] = ()) -> str:
        """The id of a visible window titled `title` (not one of `exclude`)."""
        found = self.wait_any({title: title}, app, timeout, exclude)
        return found[1]

    def wait_any(self, titles: dict[str, str], app: DeskApp, timeout: float = 20,
                 exclude: Iterable[str] = ()) -> tuple[str, str]:
        """(name, window id) of the first of several windows ({name: title}) to show."""
        skip = set(exclude)

        def look() -> tuple[str, str] | None:
            if not app.running:
                raise E2EError(f"the application exited (status {app.proc.returncode}) "
                               f"while waiting for {' or '.join(titles)}:\n{app.log()}")
            for name, title in titles.items():
                fresh = [w for w in self.windows(title) if w not in skip]
                if fresh:
                    return name, fresh[-1]
            return None

        return wait_until(look, timeout, f"a window {' or '.join(titles.values())}",
                          on_timeout=lambda: self.diagnosis(app))

    def focus(self, wid: str) -> None:
        """Give the window the keyboard focus (no window manager does it here)."""
        self.xdotool("windowfocus", "--sync", wid, timeout=10)
        focused = self.xdotool("getwindowfocus")
        if focused != wid:
            raise E2EError(f"window {wid} did not take the focus (focus is on {focused})")

    # mouse

    def click(self, wid: str, x: int, y: int) -> None:
        """A left click at (x, y) inside the window `wid`."""
        self.xdotool("mousemove", "--sync", "--window", wid, str(x), str(y), "click", "1")

    # keyboard

    def type(self, text: str, delay_ms: int = 12) -> None:
        self.xdotool("type", "--delay", str(delay_ms), "--", text, timeout=60)

    def key(self, *keys: str, delay_ms: int = 60) -> None:
        self.xdotool("key", "--delay", str(delay_ms), *keys)

    # pixels

    def _grab(self) -> str:
        result = self._run(["import", "-window", "root", "-depth", "8", "rgb:-"])
        return hashlib.sha1(result.stdout).hexdigest()

    def settle(self, timeout: float = 3) -> None:
        """Wait until two grabs of the screen in a row are the same (repaints done).

        A blinking text cursor changes the screen twice a second, so this gives
        up quietly after `timeout`: it only makes screenshots show the result.
        """
        deadline = time.monotonic() + timeout
        previous = self._grab()
        while time.monotonic() < deadline:
            time.sleep(0.15)
            current = self._grab()
            if current == previous:
                return
            previous = current

    def shot(self, name: str, settle: bool = True) -> Path:
        """Save the whole screen as shots_dir/NN-name.png."""
        if settle:
            self.settle()
        self.shots_dir.mkdir(parents=True, exist_ok=True)
        path = self.shots_dir / f"{len(self.shots) + 1:02d}-{name}.png"
        result = self._run(["import", "-window", "root", str(path)], timeout=20)
        if result.returncode != 0:
            raise E2EError(f"screenshot failed: {result.stderr.decode().strip()}")
        self.shots.append(path)
        return path

    def diagnosis(self, app: DeskApp | None = None, shot: str = "timeout") -> str:
        """What is on the screen now: window titles, a screenshot, the app's output."""
        try:
            where = f"; screenshot {self.shot(shot, settle=False)}"
        except (E2EError, OSError, subprocess.SubprocessError) as exc:
            where = f"; no screenshot ({exc})"
        text = f"\nvisible windows: {self.titles()}{where}"
        if app is not None:
            text += f"\napplication output ({app.log_path}):\n{app.log()[-4000:]}"
        return text


def missing_tools() -> list[str]:
    """'tool (apt-get install package)' for each tool that is not installed."""
    return [f"{tool} (apt-get install {package})" for tool, package in TOOLS.items()
            if shutil.which(tool) is None]


# --- the data, seen from outside the app ---------------------------------------------


def cli(data_dir: Path, *args: str, stdin: str = "") -> str:
    """`python -m smesco_desk --data-dir D ARGS`, `stdin` piped in (a password line
    for the commands that take `--user`); its standard output."""
    result = subprocess.run(
        [sys.executable, "-m", "smesco_desk", "--data-dir", str(data_dir), *args],
        cwd=REPO, capture_output=True, text=True, timeout=60, input=stdin)
    if result.returncode != 0:
        raise E2EError(f"smesco_desk {' '.join(args)} failed ({result.returncode}): "
                       f"{result.stderr.strip()}")
    return result.stdout


def cli_json(data_dir: Path, *args: str) -> Any:
    return json.loads(cli(data_dir, *args, "--json"))


def audit_actions(data_dir: Path) -> list[str]:
    """The actions in the audit log, oldest first (read only; [] before the table exists).

    The one place these tests look into the database: a step that changes
    nothing on the screen the tests can read (the wizard's set-up, running on a
    worker) is finished once its audit row is there.
    """
    path = database_path(data_dir)
    if not path.exists():
        return []
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    try:
        rows = conn.execute("SELECT action FROM audit_log ORDER BY at").fetchall()
    except sqlite3.OperationalError:  # not created yet, or being created
        return []
    finally:
        conn.close()
    return [action for (action,) in rows]


# --- the printed badge ---------------------------------------------------------------


def pdf_title(path: Path) -> str:
    """The document title cups-pdf recorded (the job name the app gave)."""
    from pypdf import PdfReader

    title = (PdfReader(path).metadata or {}).get("/Title") or ""
    return str(title).strip("()")


def page_sizes_mm(path: Path) -> list[tuple[float, float]]:
    from pypdf import PdfReader

    sizes = []
    for page in PdfReader(path).pages:
        box = page.mediabox
        width, height = float(box.width) / POINTS_PER_MM, float(box.height) / POINTS_PER_MM
        if int(page.get("/Rotate", 0) or 0) % 180:
            width, height = height, width
        sizes.append((round(width, 2), round(height, 2)))
    return sizes


def is_cr80(size: tuple[float, float], tolerance_mm: float = 1.0) -> bool:
    """85.6 x 54 mm, either way round."""
    long_side, short_side = max(size), min(size)
    return abs(long_side - 85.6) <= tolerance_mm and abs(short_side - 54.0) <= tolerance_mm


def decode_qr_codes(pdf: Path, work_dir: Path, dpi: int = 200) -> list[str]:
    """The text of every QR code on the first page, as a scanner would read it."""
    import zxingcpp
    from PIL import Image

    stem = work_dir / f"{pdf.stem}-page"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", str(pdf), str(stem)],
                   check=True, capture_output=True, timeout=60)
    with Image.open(stem.with_suffix(".png")) as image:
        found = zxingcpp.read_barcodes(image)
    return [r.text for r in found if r.format == zxingcpp.BarcodeFormat.QRCode]


def printed_badge(printer: Any, since: float, badge_number: str, timeout: float = 30) -> Path:
    """The PDF cups-pdf wrote for the badge `badge_number` after `since`.

    Other tests may print to the same queue meanwhile: the job title (which
    cups-pdf keeps as the PDF's /Title) tells our badge apart.
    """
    printer.wait_for_new_pdf(since, timeout)  # something came out: fails with the queue state

    def ours() -> Path | None:
        for pdf in reversed(printer.pdfs_since(since)):
            if re.search(re.escape(badge_number), pdf_title(pdf)):
                return pdf
        return None

    return wait_until(ours, timeout, f"the badge {badge_number} from {printer.name}",
                      on_timeout=lambda: "; PDFs since: " + ", ".join(
                          f"{p.name} ({pdf_title(p)!r})" for p in printer.pdfs_since(since)))
