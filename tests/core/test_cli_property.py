"""Property (issue 9, "Tests"): every command of the command line, fed hostile text
and numbers, answers with one line on stderr and a non-zero status, and leaves
the database exactly as it was (a dump of every table) and no file behind.

Each generated command line holds at least one poison where an argument goes:
text no command may take (NUL, a lone surrogate as undecodable bytes become,
bytes that are not UTF-8, 10,000 characters), a name that cannot be stored or
shows nothing (control characters, zero-width spaces, Hangul fillers), or a
number out of range (a quantity of 0 or 10**20, cash of minus a rupiah or a
hundred million for a small sale, year 1). The other arguments are either valid
(a real visit, a real receipt, the supervisor's name) or arbitrary text, so the
poison is what is refused. The command line runs in this process (fast); the
bytes a shell would pass are what Python hands over, lone surrogates, and one
test in test_cli_bad_input.py passes real bytes through a real process.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from smesco_desk.services.actors import SYSTEM, Role
from smesco_desk.services.core import open_core
from tests.core.helpers_cli import PASSWORD, add_user, cli_main, dump
from tests.core.helpers_core import cash, sale_form, visitor_form

pytestmark = pytest.mark.slow

Draw = Callable[[st.SearchStrategy[Any]], Any]

# --- text ------------------------------------------------------------------------------

# Arbitrary text any argument may hold (NUL and undecodable bytes are poisons).
plain = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=20)
short = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=4)


def _not_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def _join(*parts: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(*parts).map("".join)


# What no argument may hold, whatever it is.
ANY_POISON = st.one_of(
    _join(plain, st.just("\x00"), plain),
    _join(plain, st.characters(categories=("Cs",)), plain),
    st.binary(min_size=1, max_size=12)
    .map(lambda b: b + b"\xff")
    .filter(_not_utf8)
    .map(os.fsdecode),
    st.builds(
        lambda c, n: c * n, st.characters(exclude_categories=("Cs",)), st.integers(4097, 10_000)
    ),
)
# A stored name, label or reason that cannot be stored or shows nothing.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u3164\u115f\u2800\u180e\u0301\u00ad "
CONTROLS = [chr(i) for i in range(1, 32) if chr(i) not in "\t\n\r"] + ["\x7f"]
NAME_POISON = st.one_of(
    st.text(st.sampled_from(INVISIBLE), min_size=1, max_size=8).filter(str.strip),
    _join(plain, st.sampled_from(CONTROLS), plain),
)
QTY_POISON = st.one_of(
    st.integers(max_value=0).map(str),
    st.integers(min_value=10_001).map(str),
    st.sampled_from(["1.5", "1e3", "nan", "dua", "", "0x10", "\uff15"]),
)
# For a sale of less than Rp10.000.000: no cash amount this far off is taken.
TENDERED_POISON = st.one_of(
    st.integers(max_value=-1).map(str),
    st.integers(min_value=100_000_000).map(str),
    st.sampled_from(["1,5", "lima ribu", "", "Rp"]),
)
DATE_POISON = st.one_of(
    st.dates(max_value=date(1899, 12, 31)).map(date.isoformat),
    st.dates(min_value=date(9001, 1, 1)).map(date.isoformat),
    st.sampled_from(["2026-02-30", "27-11-2026", "", "today"]),
)
PRICE_POISON = st.one_of(
    st.integers(max_value=0).map(str),
    st.integers(min_value=10**12 + 1, max_value=10**40).map(str),
    st.sampled_from(["1,5", "gratis", "", "Rp"]),
)
LINE_POISON = st.one_of(
    st.builds("{}={}".format, NAME_POISON, st.sampled_from(["5000", "7.500"])),
    st.builds("{}={}".format, st.sampled_from(["Jilid spiral", "Kopi", ""]), PRICE_POISON),
    st.sampled_from(["Kopi", "Kopi 5000", "=5000"]),
)


def _unknown(*known: str) -> st.SearchStrategy[str]:
    """Arbitrary text that names nothing the desk knows (no digits: "1" is a receipt)."""
    folded = {k.strip().lower() for k in known}
    return plain.filter(lambda t: t.strip().lower() not in folded and not re.search(r"\d", t))


NO_VALUE: st.SearchStrategy[str] = st.nothing()  # a slot that is only its tokens


@dataclass(frozen=True)
class Slot:
    """Where an argument goes: the tokens before it, a valid value, and what is
    surely refused there (besides what no argument may hold)."""

    before: tuple[str, ...]
    valid: st.SearchStrategy[str]
    poison: st.SearchStrategy[str] | None = None  # None: only what no argument may hold
    after: tuple[str, ...] = ()
    path: bool = False  # never arbitrary text: it could name a real file


def _poison(slot: Slot) -> st.SearchStrategy[str]:
    """Mostly the slot's own poison (it reaches the command's checks), now and then
    one no argument may hold (the check of every argument)."""
    return _mostly(slot.poison, ANY_POISON) if slot.poison is not None else ANY_POISON


def _mostly(
    usual: st.SearchStrategy[str], sometimes: st.SearchStrategy[str]
) -> st.SearchStrategy[str]:
    """Three times in four `usual` (st.one_of would drop a repeated strategy)."""
    return st.sampled_from([1, 2, 3, 0]).flatmap(lambda n: usual if n else sometimes)


# --- the desk -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PropertyDesk:
    folder: Path
    db: Path
    out: Path
    visit_id: str
    visitor_id: str
    receipt: str

    @property
    def missing(self) -> Path:
        return self.folder.parent / "typo"

    @property
    def notes(self) -> Path:
        return self.folder.parent / "notes.txt"

    @property
    def backup(self) -> Path:
        return self.folder.parent / "b.sqlite3"


@pytest.fixture(scope="module")
def pdesk(tmp_path_factory: pytest.TempPathFactory) -> PropertyDesk:
    root = tmp_path_factory.mktemp("cli-property")
    folder, out = root / "desk", root / "out"
    out.mkdir()
    core = open_core(folder)
    try:
        core.setup.initialize("D01")
        core.users.create(SYSTEM, "operator", "Operator", PASSWORD, Role.RECEPTIONIST.value)
    finally:
        core.close()
    add_user(folder, "supervisor", Role.SUPERVISOR)
    add_user(folder, "sari", Role.RECEPTIONIST)
    core = open_core(folder)
    try:
        actor = core.users.authenticate("sari", PASSWORD)
        visit = core.visitors.register(actor, visitor_form())
        core.payments.open_shift(actor, 0)
        receipt = core.payments.sell(actor, sale_form(), cash(10_000))
    finally:
        core.close()
    assert cli_main("--data-dir", str(folder), "backup", str(root / "b.sqlite3")).status == 0
    (root / "notes.txt").write_text("bukan basis data")
    return PropertyDesk(
        folder, folder / "smesco_desk.sqlite3", out, visit.id, visit.visitor_id, receipt.number
    )


def _commands(d: PropertyDesk) -> dict[str, list[Slot]]:
    """Each command with its arguments: valid values make a command that would
    work; a poison makes it one that must be refused."""
    text = plain
    visit = st.one_of(st.just(d.visit_id), st.just(d.visit_id.upper()))
    receipt = st.one_of(st.just(d.receipt), st.just(d.receipt[-6:]), st.just("1"))
    no_receipt = st.one_of(_unknown(), st.just("KW/D01/2001/000001"), st.just("9999"))
    users = ("supervisor", "sari")
    user = st.sampled_from(users)
    not_supervisor = st.one_of(_unknown(*users), st.just("sari"), st.just("operator"))
    pdf = st.sampled_from(["a.pdf", "b/c.pdf"]).map(lambda n: str(d.out / n))
    not_a_pdf = st.sampled_from(["", " ", f"{d.out}/", str(d.out), str(d.db), str(d.folder)])
    unwritable = st.sampled_from(["/proc/smesco/a.pdf", f"{d.db}/a.pdf"])
    bad_output = st.one_of(not_a_pdf, unwritable)
    backup = st.just(str(d.backup))
    not_a_backup = st.sampled_from([str(d.db), str(d.notes), "", f"{d.out}/missing/"])
    not_a_source = st.sampled_from(
        [str(d.db), str(d.notes), str(d.out / "none.sqlite3"), str(d.folder), ""]
    )
    name = st.sampled_from(["Siti Rahayu", "Đặng Thị Hà", "Budi"])
    phone = st.sampled_from(["0812 3456 7890", "+62 21 555 0199"])
    return {
        "init": [Slot(("init", "--desk"), st.just("D01"), st.sampled_from(["D02", "X", "1A"]))],
        "visits": [Slot(("visits", "--search"), text, after=("--json",))],
        "register": [
            Slot(("register", "--name"), name, NAME_POISON),
            Slot(("--phone",), phone, st.one_of(NAME_POISON, st.just("12ab"))),
            Slot(("--purpose",), st.sampled_from(["meeting", "training"]), _unknown("meeting")),
            Slot(("--organisation",), st.sampled_from(["", "Koperasi Maju"]), NAME_POISON),
            Slot(("--host",), st.sampled_from(["", "Bengkel"]), NAME_POISON),
            Slot(("--nik",), st.sampled_from(["", "3174015708900001"]), st.just("1234")),
            Slot(("--consent",), st.just("--json")),
        ],
        "checkout": [Slot(("checkout",), visit, _unknown())],
        "badge": [
            Slot(("badge",), visit, _unknown()),
            Slot(("--output",), pdf, bad_output, path=True),
        ],
        "muster": [Slot(("muster", "--output"), pdf, bad_output, path=True)],
        "backup": [
            Slot(("backup",), st.just(str(d.out / "copy.sqlite3")), not_a_backup, path=True)
        ],
        "restore": [
            Slot(("restore",), backup, not_a_source, ("--yes",), path=True),
            Slot(("--user",), st.just("supervisor"), not_supervisor),
        ],
        "receipts": [
            Slot(("receipts", "--date"), st.just(date.today().isoformat()), DATE_POISON),
            Slot(("--search",), text, after=("--json",)),
        ],
        "receipt": [
            Slot(("receipt",), receipt, no_receipt),
            Slot(("--output",), pdf, bad_output, path=True),
            Slot(("--format",), st.sampled_from(["thermal", "a5"]), _unknown("thermal", "a5")),
        ],
        "void-receipt": [
            Slot(("void-receipt",), receipt, no_receipt),
            # Poison: shows nothing, or fewer than the five letters a reason needs
            # (a longer plain text is a valid reason and would void the receipt).
            Slot(("--reason",), st.just("Salah input jumlah"), st.one_of(NAME_POISON, short)),
            Slot(("--user",), st.just("supervisor"), not_supervisor),
        ],
        "export-visitor": [
            Slot(("export-visitor",), st.just(d.visitor_id), _unknown()),
            Slot(("--user",), st.just("supervisor"), not_supervisor),
        ],
        "erase-visitor": [
            Slot(("erase-visitor",), st.just(d.visitor_id), _unknown()),
            Slot(("--user",), st.just("supervisor"), not_supervisor),
        ],
        "sell": [
            Slot(("sell", "--payer"), name, NAME_POISON),
            Slot(("--item",), st.sampled_from(["print_bw", "print_color"]), _unknown()),
            Slot(("--qty",), st.integers(1, 5).map(str), QTY_POISON),
            Slot(("--line",), st.sampled_from(["Jilid spiral=7.500", "Kopi=10000"]), LINE_POISON),
            Slot(("--method",), st.just("cash"), _unknown("cash")),
            Slot(("--tendered",), st.just("100000"), TENDERED_POISON),
            Slot(("--reference",), st.sampled_from(["", "QR-123456"]), st.just("Q\x01R-1234")),
            Slot(("--user",), user, _unknown(*users), ("--json",)),
        ],
        # Nothing to poison but the data folder.
        "prices": [Slot(("prices", "--json"), NO_VALUE)],
        "auto-checkout": [Slot(("auto-checkout",), NO_VALUE)],
        "purge-expired": [Slot(("purge-expired",), NO_VALUE)],
        "seed-demo": [Slot(("seed-demo",), NO_VALUE)],
        "sync status": [Slot(("sync", "status", "--json"), NO_VALUE)],
        "sync run": [Slot(("sync", "run", "--json"), NO_VALUE)],
        "sync enroll": [
            Slot(("sync", "enroll", "--server"), st.just("postgresql://127.0.0.1:1/none")),
            Slot(("--desk",), st.just("D02")),
        ],
        "sync resolve": [
            Slot(("sync", "resolve"), _unknown(), _unknown()),
            Slot(("--choice",), st.sampled_from(["keep", "restore"]), _unknown("keep", "restore")),
            Slot(("--note",), text),
        ],
    }


CREATING = {"init", "seed-demo", "sync enroll"}  # these may start a desk in a new folder


@st.composite
def hostile_command(draw: Draw, d: PropertyDesk, command: str, poisoned: int) -> list[str]:
    """The command line of `command` with a poison in its argument `poisoned`
    (-1: in --data-dir)."""
    slots = _commands(d)[command]
    folder = str(d.folder)
    if poisoned == -1:
        missing = st.just(str(d.missing)) if command not in CREATING else ANY_POISON
        folder = draw(st.one_of(ANY_POISON, missing))
    argv = ["--data-dir", folder]
    for index, slot in enumerate(slots):
        argv += slot.before
        if index == poisoned:
            argv.append(draw(_poison(slot)))
        elif slot.valid is NO_VALUE:
            pass
        elif slot.path:
            argv.append(draw(slot.valid))
        else:
            argv.append(draw(_mostly(slot.valid, plain)))
        argv += slot.after
    return argv


def _poisonable() -> list[tuple[str, int]]:
    """Every (command, argument) that can hold a poison; -1 is --data-dir."""
    here = Path("/nonexistent")
    commands = _commands(PropertyDesk(here, here, here, "", "", ""))
    return [
        (name, index)
        for name, slots in sorted(commands.items())
        for index in [-1, *range(len(slots))]
        if index == -1 or slots[index].valid is not NO_VALUE
    ]


def _refused_by(stderr: str) -> str:
    if re.search(r"not valid UTF-8|NUL character|longer than", stderr):
        return "the check of every argument"
    if re.search(r"smesco-desk-admin|^error: (--|line \d|sell|backup|no database)", stderr):
        return "the parser or the command line"
    return "a service or the login"


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


PROPERTY = settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.parametrize(("command", "poisoned"), _poisonable())
@settings(PROPERTY, max_examples=5)
@given(data=st.data())
def test_every_command_refuses_hostile_input_in_one_line_and_changes_nothing(
    pdesk: PropertyDesk, command: str, poisoned: int, data: st.DataObject
) -> None:
    argv = data.draw(hostile_command(pdesk, command, poisoned))
    before, files = dump(pdesk.db), _files(pdesk.folder)
    outcome = cli_main(*argv, stdin=PASSWORD + "\n")
    event(_refused_by(outcome.stderr))  # --hypothesis-show-statistics: how deep it went
    assert outcome.status in (1, 2), (argv, outcome)
    assert outcome.one_error_line(), (argv, outcome)
    assert outcome.stdout == "", (argv, outcome)
    assert dump(pdesk.db) == before, argv
    assert _files(pdesk.folder) == files, argv
    assert _files(pdesk.out) == [], argv
    assert not pdesk.missing.exists(), argv


searchable = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"))


@settings(PROPERTY, max_examples=60)
@given(search=searchable, day=st.dates(min_value=date(1900, 1, 1), max_value=date(9000, 12, 31)))
def test_searching_with_any_text_or_day_reads_and_changes_nothing(
    pdesk: PropertyDesk, search: str, day: date
) -> None:
    """Reading is never refused for its text (anything but NUL and undecodable
    bytes): any search, with any day a clock reaches."""
    before = dump(pdesk.db)
    for argv in (
        ["visits", f"--search={search}", "--json"],
        ["receipts", f"--search={search}", "--json"],
        ["receipts", "--date", day.isoformat(), f"--search={search}", "--json"],
    ):
        outcome = cli_main("--data-dir", str(pdesk.folder), *argv)
        assert (outcome.status, outcome.stderr) == (0, ""), (argv, outcome)
        assert re.match(r"\[", outcome.stdout), argv
    assert dump(pdesk.db) == before
