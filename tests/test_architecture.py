"""Rules about the shape of the code, and a smoke test of the system fixtures.

- The core (smesco_desk) never imports Qt.
- The UI (ui) never touches the database: no SQLAlchemy, no smesco_desk.db.
- The system fixtures (Xvfb, the CUPS PDF printer, PostgreSQL) work, so a
  broken CI machine shows up here rather than as odd failures elsewhere.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import textwrap
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "smesco_desk"
UI = ROOT / "ui"
QT_PACKAGES = ("PySide6", "shiboken6")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, dotted name) of every absolute import in a source file; for
    `from a import b` both `a` and `a.b` are listed, as b may be a module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def _is_within(module: str, packages: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


# Migrations run only inside Alembic (env.py needs its context) and __main__
# runs the command line: they are checked by reading them, not by importing.
def _importable(path: Path) -> bool:
    return "migrations" not in path.parts and path.name != "__main__.py"


CORE_FILES = sorted(CORE.rglob("*.py"))
UI_FILES = sorted(UI.rglob("*.py"))

# --- The core never imports Qt ---------------------------------------------------

IMPORT_ALL = textwrap.dedent(
    """
    import importlib, json, sys
    culprits = []
    for name in json.loads(sys.argv[1]):
        importlib.import_module(name)
        if not culprits and any(m.split(".")[0] in {qt} for m in sys.modules):
            culprits.append(name)
    print(json.dumps(culprits))
    """
)


def test_core_modules_import_without_qt() -> None:
    modules = [_module_name(p) for p in CORE_FILES if _importable(p)]
    assert "smesco_desk" in modules
    code = IMPORT_ALL.replace("{qt}", repr(set(QT_PACKAGES)))
    result = subprocess.run(
        [sys.executable, "-c", code, json.dumps(modules)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, f"importing the core failed:\n{result.stderr}"
    culprits = json.loads(result.stdout.strip().splitlines()[-1])
    assert culprits == [], f"{culprits[0]} imports Qt (directly or through another module)"


def test_core_source_never_mentions_qt_or_ui() -> None:
    """Also covers what the import test cannot import (migrations, __main__)."""
    offending = [
        f"{path.relative_to(ROOT)}:{line}: {module}"
        for path in CORE_FILES
        for line, module in _imported_modules(path)
        if _is_within(module, (*QT_PACKAGES, "ui"))
    ]
    assert offending == [], "the core must not import Qt or ui:\n" + "\n".join(offending)


# --- The UI never touches the database -------------------------------------------


def test_ui_never_imports_the_database() -> None:
    assert UI_FILES, "no Python files under ui/"
    offending = [
        f"{path.relative_to(ROOT)}:{line}: {module}"
        for path in UI_FILES
        for line, module in _imported_modules(path)
        if _is_within(module, ("sqlalchemy", "smesco_desk.db"))
    ]
    assert offending == [], (
        "the UI calls services; it never opens a session or builds a query:\n"
        + "\n".join(offending)
    )


# --- The system fixtures work ---------------------------------------------------


def _tiny_pdf(path: Path, text: str) -> Path:
    from reportlab.lib.pagesizes import A6
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A6)
    pdf.drawString(20, 200, text)
    pdf.save()
    return path


def test_cups_pdf_printer_prints_a_pdf(cups_pdf_printer, tmp_path: Path) -> None:
    from pypdf import PdfReader

    marker = f"Smesco CI {uuid.uuid4().hex[:8]}"
    source = _tiny_pdf(tmp_path / "tiny.pdf", marker)
    since = time.time()
    subprocess.run(
        ["lp", "-d", cups_pdf_printer.name, "-t", marker, str(source)],
        check=True,
        capture_output=True,
        timeout=30,
    )
    printed = cups_pdf_printer.wait_for_new_pdf(since)
    assert marker in PdfReader(printed).pages[0].extract_text()


QT_WINDOW = textwrap.dedent(
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication([])
    label = QLabel("Smesco Desk")
    label.show()
    seen = []
    def look():
        seen.append(label.windowHandle().isExposed())
        app.quit()
    QTimer.singleShot(300, look)
    app.exec()
    size = app.primaryScreen().size()
    print(app.platformName(), f"{size.width()}x{size.height()}", seen == [True])
    """
)


def test_xvfb_display_runs_a_qt_window(xvfb_display: str) -> None:
    env = {**os.environ, "DISPLAY": xvfb_display, "QT_QPA_PLATFORM": "xcb"}
    result = subprocess.run(
        [sys.executable, "-c", QT_WINDOW], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["xcb", "1366x768", "True"]  # platform, screen, exposed


def test_postgres_url_gives_an_empty_database_with_btree_gist(postgres_url: str) -> None:
    """Bookings rely on exclusion constraints, which need btree_gist."""
    from sqlalchemy import create_engine, text

    engine = create_engine(postgres_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS btree_gist"))
            tables = conn.execute(
                text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
            ).scalar_one()
    finally:
        engine.dispose()
    assert tables == 0
