"""Fixtures for the system services some tests need: an X display, a PDF
printer behind CUPS, and a PostgreSQL database.

`uv run pytest` runs the whole suite by itself: a service that is installed but
not running (CUPS and its PDF queue, PostgreSQL) is started the first time a
test needs it, with scripts/start-services.sh, as .ci/run does; that needs root.
A fixture skips, naming the package to install or the command to run, only
when its service cannot be had, so core and UI tests still run on a bare
developer machine. Under CI (CI=true) it fails instead: .ci/run installs and
starts everything, so a missing service there is a broken CI, not a reason to
skip quietly.
"""

from __future__ import annotations

import os
import pwd
import re
import select
import shutil
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import pytest

REPO = Path(__file__).resolve().parents[1]
START_SERVICES = REPO / "scripts" / "start-services.sh"


def _unavailable(reason: str) -> NoReturn:
    """Skip the test, or fail it under CI where every service must be there."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{reason} [CI=true: services are required]", pytrace=False)
    pytest.skip(reason)


def _start_service(service: str, problem: str) -> None:
    """Start `service` ("cups" or "postgres") with scripts/start-services.sh, or
    skip (fail under CI) saying `problem` and what would fix it. Needs root: the
    script starts daemons and edits their configuration."""
    command = f"scripts/start-services.sh {service}"
    if os.geteuid() != 0:
        _unavailable(f"{problem}; as root (or with sudo) run {command}")
    result = subprocess.run(
        ["bash", str(START_SERVICES), service],
        capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL,
    )
    if result.returncode != 0:
        lines = (result.stderr or result.stdout).strip().splitlines() or ["no output"]
        _unavailable(f"{problem}, and {command} failed: {lines[-1]}")


# --- Xvfb ---------------------------------------------------------------------

XVFB_SCREEN = "1366x768x24"


def _read_display_number(fd: int, proc: subprocess.Popen[bytes], timeout: float) -> str:
    """Read what Xvfb writes to -displayfd: the display number it took, once ready."""
    deadline = time.monotonic() + timeout
    data = b""
    while not data.endswith(b"\n"):
        remaining = deadline - time.monotonic()
        if remaining <= 0 or proc.poll() is not None:
            raise RuntimeError(f"Xvfb did not start (exit code {proc.poll()})")
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            chunk = os.read(fd, 64)
            if not chunk:
                raise RuntimeError(f"Xvfb closed -displayfd (exit code {proc.wait(5)})")
            data += chunk
    return data.decode().strip()


def _wait_for_x_socket(display: str, proc: subprocess.Popen[bytes], timeout: float) -> None:
    """Wait until the server's socket takes a connection (the first client of
    a just-started server must not race it)."""
    path = f"/tmp/.X11-unix/X{display.lstrip(':')}"
    deadline = time.monotonic() + timeout
    while True:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            try:
                probe.connect(path)
                return
            except OSError as exc:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"Xvfb {display} takes no connection: {exc}") from exc
        time.sleep(0.05)


@pytest.fixture(scope="session")
def xvfb_display() -> Iterator[str]:
    """A private Xvfb server for this test session; yields its DISPLAY (":N").

    Xvfb picks a free display number itself (-displayfd) and reports it only
    once it accepts connections. Nothing global is changed: pass the value to
    subprocesses as DISPLAY, with QT_QPA_PLATFORM=xcb.
    """
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        _unavailable("Xvfb is not installed (apt-get install xvfb)")
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        # -noreset: by default the server resets when its last client leaves, and
        # an application that connects during the reset dies ("could not connect
        # to display"); the e2e tests start and end many clients.
        [xvfb, "-displayfd", str(write_fd), "-screen", "0", XVFB_SCREEN, "-nolisten", "tcp",
         "-noreset"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        display = ":" + _read_display_number(read_fd, proc, timeout=30)
        _wait_for_x_socket(display, proc, timeout=30)
    except RuntimeError:
        proc.kill()
        proc.wait()
        raise
    finally:
        os.close(read_fd)
    try:
        yield display
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# --- CUPS with the cups-pdf queue ----------------------------------------------

CUPS_PDF_QUEUE = "SmescoPDF"
CUPS_PDF_CONF = Path("/etc/cups/cups-pdf.conf")


def _cups_pdf_setting(key: str, default: str) -> str:
    """A setting from cups-pdf.conf (the last uncommented one wins, as in cups-pdf)."""
    value = default
    if CUPS_PDF_CONF.is_file():
        for line in CUPS_PDF_CONF.read_text(errors="replace").splitlines():
            match = re.match(rf"{key}\s+(\S.*?)\s*$", line)
            if match:
                value = match.group(1)
    return value


def _cups_pdf_dirs(user: str, home: str) -> tuple[Path, Path]:
    """Where cups-pdf puts the jobs of `user`, and the jobs of unknown users."""
    out = _cups_pdf_setting("Out", "/var/spool/cups-pdf/${USER}")
    out = out.replace("${USER}", user).replace("${HOME}", home)
    anonymous = _cups_pdf_setting("AnonDirName", "/var/spool/cups-pdf/ANONYMOUS")
    return Path(out), Path(anonymous)


def _is_complete_pdf(path: Path) -> bool:
    """True once the file is a whole PDF (cups-pdf may still be writing it)."""
    try:
        with path.open("rb") as f:
            if f.read(5) != b"%PDF-":
                return False
            f.seek(max(0, path.stat().st_size - 1024))
            return b"%%EOF" in f.read()
    except OSError:
        return False


@dataclass(frozen=True)
class CupsPdfPrinter:
    """The cups-pdf queue: print to `name`, find the result in `output_dir`."""

    name: str
    output_dir: Path
    anonymous_dir: Path

    def pdfs_since(self, since: float) -> list[Path]:
        """Finished PDFs written at or after `since` (a time.time() value), oldest first."""
        found = []
        for folder in (self.output_dir, self.anonymous_dir):
            if folder.is_dir():
                found += [p for p in folder.glob("*.pdf") if p.stat().st_mtime >= since]
        return sorted((p for p in found if _is_complete_pdf(p)), key=lambda p: p.stat().st_mtime)

    def wait_for_new_pdf(self, since: float, timeout: float = 30) -> Path:
        """The newest PDF cups-pdf finished after `since` (take it with time.time()
        just before printing); raises TimeoutError with the queue state if none."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pdfs = self.pdfs_since(since)
            if pdfs:
                return pdfs[-1]
            time.sleep(0.2)
        jobs = subprocess.run(
            ["lpstat", "-W", "all", "-o", self.name], capture_output=True, text=True
        ).stdout
        raise TimeoutError(
            f"no new PDF in {self.output_dir} or {self.anonymous_dir} after {timeout}s; "
            f"jobs on {self.name}:\n{jobs}(cupsd log: /var/log/cups/error_log)"
        )


def _lpstat(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["lpstat", *args], capture_output=True, text=True, timeout=30)


def _cups_queue_problem() -> str:
    """What keeps the SmescoPDF queue from printing now, or "" if nothing."""
    if _lpstat("-r").stdout.strip() != "scheduler is running":
        return "the CUPS scheduler is not running"
    status = _lpstat("-p", CUPS_PDF_QUEUE)
    if status.returncode != 0:
        return f"the CUPS queue {CUPS_PDF_QUEUE} does not exist"
    if "enabled" not in status.stdout or "disabled" in status.stdout:
        return f"the CUPS queue {CUPS_PDF_QUEUE} is disabled"
    return ""


@pytest.fixture(scope="session")
def cups_pdf_printer() -> CupsPdfPrinter:
    """The SmescoPDF queue (cups-pdf) set up by scripts/start-services.sh."""
    if shutil.which("lpstat") is None or not Path("/usr/sbin/cupsd").exists():
        _unavailable("CUPS is not installed (apt-get install cups cups-client cups-bsd "
                     "printer-driver-cups-pdf, or scripts/install-system-packages.sh)")
    problem = _cups_queue_problem()
    if problem:
        _start_service("cups", problem)
        problem = _cups_queue_problem()
        if problem:
            _unavailable(f"{problem} after scripts/start-services.sh cups")
    # A job belongs to the user the printing process runs as (libcups asks
    # getpwuid, not $USER); cups-pdf expands ${USER} and ${HOME} for that user.
    account = pwd.getpwuid(os.getuid())
    output_dir, anonymous_dir = _cups_pdf_dirs(account.pw_name, account.pw_dir)
    return CupsPdfPrinter(CUPS_PDF_QUEUE, output_dir, anonymous_dir)


# --- PostgreSQL -----------------------------------------------------------------

PG_HOST, PG_PORT = "127.0.0.1", 5432


def _port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh, uniquely named PostgreSQL database for this session, as a
    SQLAlchemy URL (postgresql+psycopg://root@127.0.0.1:5432/<name>). Dropped
    afterwards, even if connections are still open."""
    import psycopg
    from psycopg import sql

    if not _port_open(PG_HOST, PG_PORT):
        if shutil.which("pg_ctlcluster") is None:
            _unavailable("PostgreSQL is not installed (apt-get install postgresql, "
                         "or scripts/install-system-packages.sh)")
        _start_service("postgres", f"PostgreSQL is not running on {PG_HOST}:{PG_PORT}")
    admin_dsn = f"host={PG_HOST} port={PG_PORT} user=root dbname=postgres connect_timeout=10"
    name = f"smesco_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    create = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
    try:
        with psycopg.connect(admin_dsn, autocommit=True) as conn:
            conn.execute(create)
    except psycopg.OperationalError as exc:
        # Running, but role root cannot log in yet: the script sets that up.
        _start_service("postgres", f"PostgreSQL refused role root on {PG_HOST}:{PG_PORT}: {exc}")
        with psycopg.connect(admin_dsn, autocommit=True) as conn:
            conn.execute(create)
    try:
        yield f"postgresql+psycopg://root@{PG_HOST}:{PG_PORT}/{name}"
    finally:
        with psycopg.connect(admin_dsn, autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
