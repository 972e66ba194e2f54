"""The core's gettext catalogue: complete, current, and used when English is asked for.

Also the catalogue tool itself (scripts/update-core-translations.py) on a small
made-up source tree: extraction, merging, compiling.
"""

from __future__ import annotations

import gettext
import importlib.util
import io
import string
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

import pytest
from pypdf import PdfReader

from smesco_desk import i18n
from smesco_desk.errors import ValidationError
from smesco_desk.printing import BadgeData, MusterData, MusterRow, render_badge, render_muster_list
from smesco_desk.printing.badge import layout_badge, layout_label, layout_problems
from smesco_desk.services.core import Core
from smesco_desk.values.visitors import VisitorForm

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "update-core-translations.py"
PO = ROOT / "resources" / "translations" / "en" / "LC_MESSAGES" / "smesco_desk.po"
MO = PO.with_suffix(".mo")
MO_NAME = "resources/translations/en/LC_MESSAGES/smesco_desk.mo"
BAD_FORM = VisitorForm(name="", phone="x", purpose="", consent=False)


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_core_translations", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


tool = _load_tool()


@pytest.fixture
def english() -> Iterator[None]:
    """The core in English for one test; the language it had afterwards."""
    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


# --- the catalogue -----------------------------------------------------------------


def test_catalogue_is_complete_and_current() -> None:
    """Every `_()`/`N_()` string of the core is in the .pot and translated; .po/.mo written."""
    assert tool.check(ROOT) == []


def test_every_translation_keeps_the_placeholders_of_its_msgid() -> None:
    catalogue = tool.read_catalogue(PO)
    assert catalogue is not None and catalogue.active()
    for entry in catalogue.active():
        assert fields(entry.msgstr) == fields(entry.msgid), entry.msgid


def test_compiled_catalogue_is_what_stdlib_gettext_reads() -> None:
    catalogue = tool.read_catalogue(PO)
    assert catalogue is not None
    with MO.open("rb") as file:
        translations = gettext.GNUTranslations(file)
    assert translations.info()["language"] == "en"
    assert translations.charset() == "UTF-8"
    for entry in catalogue.active():
        assert translations.gettext(entry.msgid) == entry.msgstr


# --- the core in English ------------------------------------------------------------


@pytest.mark.usefixtures("english")
def test_validation_errors_come_out_in_english(core: Core) -> None:
    with pytest.raises(ValidationError) as caught:
        core.visitors.validate_form(BAD_FORM)
    assert caught.value.errors == {
        "name": "Enter the name (at least 2 letters).",
        "phone": "The phone number may contain only digits, spaces, dots, hyphens, brackets"
        " and a leading +",
        "purpose": "Choose the purpose of the visit.",
        "consent": "The visitor must agree to the privacy notice.",
    }


def test_switching_back_to_indonesian_restores_the_source_messages(core: Core) -> None:
    i18n.set_language("en")
    try:
        i18n.set_language("id")
        assert i18n.language() == "id"
        with pytest.raises(ValidationError) as caught:
            core.visitors.validate_form(BAD_FORM)
    finally:
        i18n.set_language("id")
    assert caught.value.errors["name"] == "Nama wajib diisi (minimal 2 huruf)."
    assert caught.value.errors["consent"] == "Tamu harus menyetujui pemberitahuan privasi."


def badge_data(**changes: object) -> BadgeData:
    values: dict[str, object] = {
        "visit_id": "0193a5f2-7c1e-7b3a-9e4d-2f6a8b1c3d5e",
        "badge_number": "D01-261127-007",
        "name": "Budi Santoso",
        "organisation": "CV Batik Nusantara Makmur",
        "purpose_label": "Meeting room",
        "host": "Ratna Dewi",
        "checked_in_at": datetime(2026, 11, 27, 2, 12, tzinfo=UTC),  # Friday 09:12 WIB
        "valid_until": datetime(2026, 11, 28, 14, 0, tzinfo=UTC),  # Saturday 21:00 WIB
    }
    values.update(changes)
    return BadgeData(**values)  # type: ignore[arg-type]


@pytest.mark.usefixtures("english")
def test_badge_printed_in_english_shows_english_day_and_month_names() -> None:
    text = pdf_text(
        render_badge(
            badge_data(
                checked_in_at=datetime(2026, 5, 15, 2, 12, tzinfo=UTC),
                valid_until=datetime(2026, 5, 16, 14, 0, tzinfo=UTC),
            )
        )
    )
    assert "Friday, 15 May 2026" in text
    assert "Valid until 16 May 2026 21:00 WIB" in text
    assert "Host: Ratna Dewi" in text
    for indonesian in ("Jumat", "Mei", "Berlaku", "Tuan rumah"):
        assert indonesian not in text


@pytest.mark.usefixtures("english")
def test_english_badge_texts_still_fit_the_card_and_the_label() -> None:
    long = badge_data(
        name="Raden Ajeng Siti Nurhaliza binti Abdul Rahman Wijayakusuma",
        organisation="Koperasi Produsen Kerajinan Tangan Nusantara Sejahtera",
    )
    for data in (badge_data(), long):
        assert layout_problems(layout_badge(data)) == []
        assert layout_problems(layout_label(data)) == []


@pytest.mark.usefixtures("english")
def test_muster_list_printed_in_english() -> None:
    now = datetime(2026, 11, 27, 7, 5, tzinfo=UTC)
    row = MusterRow("D01-261127-001", "Budi Santoso", "", "Meeting room", "", now)
    text = pdf_text(render_muster_list(MusterData([row], now, "D01")))
    assert "EVACUATION MUSTER LIST" in text
    assert "Friday, 27 Nov 2026 14:05 WIB" in text
    assert "Page 1 of 1" in text


# --- the tool, on a made-up source tree ---------------------------------------------


def write_source(root: Path, body: str) -> None:
    package = root / "smesco_desk"
    package.mkdir(parents=True, exist_ok=True)
    (package / "messages.py").write_text(
        "from smesco_desk.i18n import N_, _\n" + body, encoding="utf-8"
    )


def set_translations(root: Path, translations: dict[str, str]) -> None:
    path = tool.Paths(root).po("en")
    catalogue = tool.read_catalogue(path)
    for entry in catalogue.active():
        entry.msgstr = translations.get(entry.msgid, entry.msgstr)
    path.write_text(tool.format_catalogue(catalogue), encoding="utf-8")


def test_tool_extracts_with_references_and_flags(tmp_path: Path) -> None:
    write_source(tmp_path, 'A = N_("Senin")\n\nB = _(\n    "Halo {name}"\n)\nC = _("Senin")\n')
    tool.update(tmp_path)
    pot = tool.read_catalogue(tool.Paths(tmp_path).pot)
    assert [(e.msgid, e.references, e.flags) for e in pot.entries] == [
        ("Senin", ["smesco_desk/messages.py:2", "smesco_desk/messages.py:7"], []),
        ("Halo {name}", ["smesco_desk/messages.py:5"], ["python-brace-format"]),
    ]


def test_tool_merge_keeps_translations_adds_new_and_marks_obsolete(tmp_path: Path) -> None:
    write_source(tmp_path, 'A = _("Senin")\nB = _("Tamu harus menyetujui pemberitahuan.")\n')
    tool.update(tmp_path)
    set_translations(
        tmp_path, {"Senin": "Monday", "Tamu harus menyetujui pemberitahuan.": "Must agree."}
    )
    assert tool.check(tmp_path) == [f"{MO_NAME}: out of date"]  # translated, not compiled
    tool.update(tmp_path)
    assert tool.check(tmp_path) == []

    write_source(
        tmp_path,
        'A = _("Senin")\nB = _("Tamu harus menyetujui pemberitahuan privasi.")\nC = _("Selasa")\n',
    )
    assert any("new message 'Selasa'" in p for p in tool.check(tmp_path))
    tool.update(tmp_path)
    entries = {e.msgid: e for e in tool.read_catalogue(tool.Paths(tmp_path).po("en")).entries}
    assert entries["Senin"].msgstr == "Monday"
    assert entries["Selasa"].msgstr == ""
    reworded = entries["Tamu harus menyetujui pemberitahuan privasi."]
    assert (reworded.msgstr, reworded.fuzzy) == ("Must agree.", True)
    assert reworded.previous == "Tamu harus menyetujui pemberitahuan."
    assert entries["Tamu harus menyetujui pemberitahuan."].obsolete
    problems = tool.check(tmp_path)
    assert any("untranslated 'Selasa'" in p for p in problems)
    assert any("fuzzy" in p for p in problems)

    # Fuzzy and empty entries stay out of the .mo: gettext falls back to the source.
    with tool.Paths(tmp_path).mo("en").open("rb") as file:
        translations = gettext.GNUTranslations(file)
    assert translations.gettext("Senin") == "Monday"
    assert translations.gettext("Selasa") == "Selasa"
    assert translations.gettext(reworded.msgid) == reworded.msgid


def test_tool_check_ignores_moved_lines_unless_strict(tmp_path: Path) -> None:
    write_source(tmp_path, 'A = _("Senin")\n')
    tool.update(tmp_path)
    set_translations(tmp_path, {"Senin": "Monday"})
    tool.update(tmp_path)
    write_source(tmp_path, '\n\nA = _("Senin")\n')
    assert tool.check(tmp_path) == []
    assert tool.check(tmp_path, strict=True) != []


def test_tool_flags_calls_that_can_never_be_translated(tmp_path: Path) -> None:
    write_source(tmp_path, 'x = 1\nA = _(f"Tamu {x}")\nB = _("Tamu {x}".format(x=x))\nC = _("")\n')
    problems = tool.check(tmp_path)
    assert "smesco_desk/messages.py:3: argument is not a string literal (never translated)" in (
        problems
    )
    assert "smesco_desk/messages.py:4: argument is not a string literal (never translated)" in (
        problems
    )
    assert "smesco_desk/messages.py:5: empty msgid" in problems


def test_tool_writes_the_same_mo_as_stdlib_gettext_reads(tmp_path: Path) -> None:
    entries = [
        tool.Entry("Senin", "Monday"),
        tool.Entry("Ünïcode «x» ✓", 'two\nlines with "quotes"'),
        tool.Entry("Sabtu", ""),
    ]
    catalogue = tool.Catalogue(tool.po_header("en"), [], entries)
    translations = gettext.GNUTranslations(io.BytesIO(tool.compile_mo(catalogue)))
    assert translations.gettext("Senin") == "Monday"
    assert translations.gettext("Ünïcode «x» ✓") == 'two\nlines with "quotes"'
    assert translations.gettext("Sabtu") == "Sabtu"
    reparsed = tool.parse_catalogue(tool.format_catalogue(catalogue))
    assert [(e.msgid, e.msgstr) for e in reparsed.entries] == [(e.msgid, e.msgstr) for e in entries]
    assert reparsed.header == catalogue.header
