"""Rules about the shape of the code, and a smoke test of the system fixtures.

- The core (smesco_desk) never imports Qt.
- printing, domain and values never import the services (they are below them).
- No two modules of the core import each other, directly or round a circle.
- The UI (ui) never touches the database: no SQLAlchemy, no smesco_desk.db.
- No module of the core or the UI is longer than 500 lines (migrations aside):
  an area that grows splits by job (docs/adding-an-area.md).
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


# --- Layers below the services, and no import circle --------------------------------

BELOW_SERVICES = ("smesco_desk.printing", "smesco_desk.domain", "smesco_desk.values")


def test_printing_domain_and_values_never_import_the_services() -> None:
    """They are what services are built from: an import the other way would
    tie a PDF layout or a domain rule to a service (and make a circle)."""
    offending = [
        f"{path.relative_to(ROOT)}:{line}: {module}"
        for path in CORE_FILES
        if _is_within(_module_name(path), BELOW_SERVICES)
        for line, module in _imported_modules(path)
        if _is_within(module, ("smesco_desk.services",))
    ]
    assert offending == [], "printing, domain and values import no service:\n" + "\n".join(
        offending
    )


# Circles tolerated for now (none: every circle between modules of the core fails).
KNOWN_CYCLES: list[list[str]] = []


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and ast.unparse(node.test) in (
        "TYPE_CHECKING",
        "typing.TYPE_CHECKING",
    )


def _runtime_imports(path: Path, modules: set[str]) -> set[str]:
    """The core modules a file imports when it runs: at module level and inside
    functions alike (a function's import runs the first time it is called, and
    deferring an import does not untie two modules), but not in an
    `if TYPE_CHECKING:` block, which never runs."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if _is_type_checking(child):
                continue
            if isinstance(child, ast.Import):
                found.update(a.name for a in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                for alias in child.names:
                    full = f"{child.module}.{alias.name}"
                    found.add(full if full in modules else child.module)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
    return found & modules


def _import_graph() -> dict[str, set[str]]:
    """Module -> the core modules it imports. Importing a.b.c also runs the
    package a.b's __init__; that implicit edge is not counted (a package front
    importing its own modules would otherwise always be a circle)."""
    files = {_module_name(p): p for p in CORE_FILES if "migrations" not in p.parts}
    modules = set(files)
    return {name: _runtime_imports(path, modules) - {name} for name, path in files.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return sorted(groups)


def _a_circle(graph: dict[str, set[str]], group: list[str]) -> list[str]:
    """One circle through the group's first module, to name in the failure."""
    start = group[0]
    paths = {start: [start]}
    todo = [start]
    while todo:
        v = todo.pop(0)
        for w in sorted(graph[v] & set(group)):
            if w == start:
                return [*paths[v], start]
            if w not in paths:
                paths[w] = [*paths[v], w]
                todo.append(w)
    return group


def test_no_import_cycle_between_modules_of_the_core() -> None:
    graph = _import_graph()
    assert "smesco_desk.services.payments.paying" in graph["smesco_desk.services.payments"]
    assert "smesco_desk.printing.receipt" in graph["smesco_desk.services.payments.documents"]
    cycles = [c for c in _cycles(graph) if c not in KNOWN_CYCLES]
    assert cycles == [], "modules of the core import each other:\n" + "\n".join(
        " -> ".join(_a_circle(graph, c)) for c in cycles
    )
    gone = [c for c in KNOWN_CYCLES if c not in _cycles(graph)]
    assert gone == [], f"no longer a circle, remove from KNOWN_CYCLES: {gone}"


def test_the_cycle_finder_finds_a_circle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]
    assert _a_circle(graph, ["a", "b", "c"]) == ["a", "b", "c", "a"]


# --- The UI never touches the database -------------------------------------------


MAX_MODULE_LINES = 500


def test_no_module_is_longer_than_500_lines() -> None:
    long = sorted(
        f"{path.relative_to(ROOT)}: {count} lines"
        for path in [*CORE.rglob("*.py"), *UI.rglob("*.py")]
        if "migrations" not in path.parts
        and (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    )
    assert long == [], "split these by job:\n" + "\n".join(long)


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


# --- Every service entry point checks who acts ------------------------------------

SERVICE_MODULES = sorted((CORE / "services").rglob("*.py")) + [CORE / "sync" / "service.py"]

# Read-only lookups that need no acting user: the price list, kinds of charge and
# settings every screen reads; the lists and single records the pages show; what
# the set-up and sync status need before anyone has logged in. None of them may
# open a write transaction (checked below). Anything that changes data takes
# the actor and checks a permission instead.
READ_ONLY_LOOKUPS = {
    "BookingService.attendance_list",  # a PDF of the participants, as badge_pdf
    "BookingService.attendees",
    "BookingService.booking",
    "BookingService.check_in_note",  # when and by whom, from the audit log
    "BookingService.misfits",
    "BookingService.bookings_between",
    "BookingService.bookings_on",
    "BookingService.event_badges",  # a PDF of the participants' badges, as badge_pdf
    "BookingService.find_attendee",  # whose badge was scanned (before checking in)
    "BookingService.plan_series",
    "BookingService.series_info",  # the series of an occurrence, its place in it
    "BookingService.policies",
    "BookingService.preview_attendees",
    "BookingService.quote",
    "BookingService.quote_move",
    "BookingService.spaces",
    "BookingService.suggest_moves",
    "FoodCourtService.arrears",  # what tenants owe past due (the tenant manager's home page)
    "FoodCourtService.document_content",  # a tenant's document (its file rewritten if lost)
    "FoodCourtService.get_lease",
    "FoodCourtService.late_fee_policy",
    "FoodCourtService.leases",
    "FoodCourtService.rent_due",  # the due list (posting is post_due's, with its check)
    "FoodCourtService.rent_due_between",
    "FoodCourtService.meter_readings",  # the readings, as the grid shows them
    "FoodCourtService.readings_grid",
    "FoodCourtService.notice_policy",  # the administrator's notice and fee (no one's data)
    "FoodCourtService.statement",  # a tenant's charges and payments (as `tenant`'s balance)
    "FoodCourtService.stall_states",  # the floor plan: every role sees it
    "FoodCourtService.stalls",
    "FoodCourtService.tenant",  # a tenant's card and balance (a receptionist sees it)
    "FoodCourtService.owed_charges",  # a tenant's open charges, as payments.open_charges
    "FoodCourtService.tenant_documents",
    "FoodCourtService.tenants",
    "FoodCourtService.turnover_grid",  # the turnover grid's tenants by days
    "FoodCourtService.turnover_report",
    "FoodCourtService.turnover_report_pdf",  # the report as a PDF, as attendance_list
    "FoodCourtService.turnover_report_xlsx",
    "FoodCourtService.utility_tariffs",  # the tariffs the grid and the bill show
    "MaintenanceService.sqlite_file",
    "MaintenanceService.backup_retention_days",
    "MaintenanceService.kept_backups",
    "MaintenanceService.changed_elsewhere",
    "PaymentService.building",
    "PaymentService.charge",
    "PaymentService.charge_kinds",
    "PaymentService.count_receipts",
    "PaymentService.current_shift",  # the actor's own open shift
    "PaymentService.number_gaps",
    "PaymentService.open_charges",
    "PaymentService.refunds_due",
    "PaymentService.refund_payout",
    "PaymentService.shift_refund_payouts",
    "PaymentService.price_list",
    "PaymentService.quote",
    "PaymentService.discount_check",
    "PaymentService.receipt",
    "PaymentService.receipts",
    "PaymentService.receipts_summary",
    "PaymentService.restored_hold",
    "PaymentService.shift",
    "PaymentService.shift_receipts",
    "PaymentService.shifts",
    "PaymentService.void_refusal",  # why a receipt cannot be voided (read only)
    "SettingsService.all_public",
    "SettingsService.closing_time",
    "SettingsService.get",
    "SettingsService.letterhead",  # the building's name, address, NPWP, city (kept)
    "SetupService.is_initialized",
    "SetupService.needs_admin",
    "SetupService.needs_setup",
    "UserService.count",
    "VisitorService.badge_label_pdf",
    "VisitorService.badge_pdf",
    "VisitorService.group_badges_pdf",  # the badges of a group in one PDF, as badge_pdf
    "VisitorService.count_visits",
    "VisitorService.get_visit",
    "VisitorService.list_visits",
    "VisitorService.purposes",
    "VisitorService.validate_form",
    "SyncService.conflict",
    "SyncService.conflicts",
    "SyncService.is_enrolled",
    "SyncService.status",
    "SyncService.pull_size",
}

# Entry points that run before anyone can log in, or as the machine itself: the
# first set-up (no user exists yet), logging in, the schema upgrade at start,
# the sync worker (an IT job, as the command line's `sync`), and the removal of
# backups past their retention at every start (UU PDP; also `purge-expired`).
SYSTEM_ENTRY_POINTS = {
    "MaintenanceService.purge_old_backups",
    "SetupService.initialize",
    "SetupService.create_first_admin",
    "UserService.authenticate",
    "UserService.check_password",  # every login's check (counts wrong passwords at this desk)
    "UserService.change_temporary_password",  # a login that replaces a temporary password
    "MaintenanceService.upgrade_schema",
    "SyncService.check_server",
    "SyncService.enroll",
    "SyncService.pull",
    "SyncService.push",
    "SyncService.run_once",
    "SyncService.fault",  # a named fault point the tests cut the connection at
    "VisitorService.forget_prepared_niks",  # logout: NIK pseudonyms made ahead, in memory, go
}


def _service_methods() -> dict[str, ast.FunctionDef]:
    """Public methods of every *Service class of the core, by "Class.method".

    A method of an area's front (a package's `PaymentService`) that only hands
    over to a function of one of the package's modules is that function: the
    checks below read the code that does the work."""
    found: dict[str, ast.FunctionDef] = {}
    for path in SERVICE_MODULES:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        handed = _package_functions(path, tree) if path.name == "__init__.py" else {}
        for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
            if not cls.name.endswith("Service"):
                continue
            for fn in cls.body:
                if isinstance(fn, ast.FunctionDef) and not fn.name.startswith("_"):
                    found[f"{cls.name}.{fn.name}"] = handed.get(_handed_to(fn), fn)
    return found


def _package_functions(init: Path, tree: ast.Module) -> dict[str, ast.FunctionDef]:
    """Module-level functions of a package's modules, by the name the package's
    __init__ calls them ("module.function", or "alias.function")."""
    package = _module_name(init)
    names = {
        alias.asname or alias.name: alias.name
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and node.module == package
        for alias in node.names
    }
    functions: dict[str, ast.FunctionDef] = {}
    for local, module in names.items():
        source = init.parent / f"{module}.py"
        if not source.exists():
            continue
        for node in ast.parse(source.read_text(encoding="utf-8"), str(source)).body:
            if isinstance(node, ast.FunctionDef):
                functions[f"{local}.{node.name}"] = node
    return functions


def _handed_to(fn: ast.FunctionDef) -> str:
    """ "module.function" if the method's body is only `return module.function(...)`."""
    body = [
        n
        for n in fn.body
        if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))  # docstring
    ]
    if len(body) == 1 and isinstance(body[0], ast.Return) and isinstance(body[0].value, ast.Call):
        return ast.unparse(body[0].value.func)
    return ""


def _takes_session(fn: ast.FunctionDef) -> bool:
    """A building block run inside another entry point's transaction (it is handed
    the session, or the Transaction): the entry point that opened it did the check."""
    args = fn.args.args + fn.args.kwonlyargs
    return any(
        a.annotation is not None and t in ast.unparse(a.annotation)
        for a in args
        for t in ("Session", "Transaction")
    )


def _checks_actor(fn: ast.FunctionDef) -> bool:
    if "actor" not in {a.arg for a in fn.args.args + fn.args.kwonlyargs}:
        return False
    for node in ast.walk(fn):
        is_call = isinstance(node, ast.Call) and ast.unparse(node.func) == "require"
        if is_call and node.args and ast.unparse(node.args[0]) == "actor":  # type: ignore[attr-defined]
            return True
        if isinstance(node, ast.Attribute) and ast.unparse(node) in ("actor.role", "actor.can"):
            return True
    return False


def test_every_service_method_checks_the_acting_user_or_is_a_listed_lookup() -> None:
    methods = _service_methods()
    assert "MaintenanceService.restore" in methods and "SyncService.run_once" in methods
    unchecked = sorted(
        name
        for name, fn in methods.items()
        if not _takes_session(fn)
        and not _checks_actor(fn)
        and name not in READ_ONLY_LOOKUPS | SYSTEM_ENTRY_POINTS
    )
    assert unchecked == [], (
        "these service methods take no acting user or check no permission "
        "(require(actor, Permission.X)), and are not listed as read-only lookups:\n"
        + "\n".join(unchecked)
    )
    stale = sorted((READ_ONLY_LOOKUPS | SYSTEM_ENTRY_POINTS) - set(methods))
    assert stale == [], f"listed but gone: {stale}"


def test_listed_lookups_open_no_write_transaction() -> None:
    methods = _service_methods()

    def writes(fn: ast.FunctionDef) -> bool:
        calls = [ast.unparse(n.func) for n in ast.walk(fn) if isinstance(n, ast.Call)]
        return any(c == "record" or c.endswith("db.write") for c in calls)

    writing = sorted(name for name in READ_ONLY_LOOKUPS if writes(methods[name]))
    assert writing == [], f"a 'read-only' lookup writes: {writing}"
