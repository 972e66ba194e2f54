"""Tables read from a file someone brings: CSV or XLSX, with no new dependency.

`read_table(data, filename)` gives the rows of the first sheet (or of the CSV)
as `(line, cells)`: `line` is the row's number as the person sees it in their
spreadsheet or text editor (the header is line 1), `cells` its texts. Empty
rows are left out.

- CSV: UTF-8, with or without a byte-order mark; the delimiter is the one of
  `;`, `,` and tab that the header line holds most of (Excel writes `;` where
  the decimal separator is a comma, as in Indonesia).
- XLSX is a zip: the shared strings (`xl/sharedStrings.xml`) and the first
  worksheet of `xl/workbook.xml`, read with zipfile and xml.etree. Shared,
  inline and formula strings, booleans and numbers; a number is written in
  plain digits (`8.12345678901E10` -> `81234567890`), so that a phone or a NIK
  typed into a number cell keeps its digits (its leading 0 is gone: the phone
  rules take a number starting with 8 as a mobile without its 0).

Refusals are `UnreadableTable` with a message for the person.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from decimal import Decimal, InvalidOperation
from xml.etree import ElementTree

from smesco_desk.i18n import _

Row = tuple[int, list[str]]

MAX_BYTES = 20 * 1024 * 1024  # a participant list is a few hundred rows, not megabytes
MAX_ROWS = 10_000
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CELL_REF = re.compile(r"([A-Z]+)([0-9]+)$")
_DELIMITERS = (";", ",", "\t")


class UnreadableTable(ValueError):
    """The file is not a table this program reads; the message is user-facing."""


def read_table(data: bytes, filename: str = "") -> list[Row]:
    """The non-empty rows of a CSV or XLSX file (chosen by the name, else by the
    content), header first. Raises UnreadableTable."""
    if len(data) > MAX_BYTES:
        raise UnreadableTable(_("Berkas terlalu besar (paling besar 20 MB)."))
    name = filename.lower()
    if name.endswith(".xls"):
        raise UnreadableTable(
            _("Format .xls lama tidak dapat dibaca: simpan sebagai .xlsx atau .csv.")
        )
    if name.endswith(".xlsx") or (
        not name.endswith((".csv", ".txt")) and data[:4] == b"PK\x03\x04"
    ):
        rows = read_xlsx(data)
    else:
        rows = read_csv(data)
    if len(rows) > MAX_ROWS:
        raise UnreadableTable(_("Terlalu banyak baris (paling banyak {n}).").format(n=MAX_ROWS))
    return rows


# --- CSV -----------------------------------------------------------------------------


def read_csv(data: bytes) -> list[Row]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableTable(
            _("Berkas CSV harus tersimpan sebagai UTF-8 (di Excel: CSV UTF-8).")
        ) from None
    delimiter = _sniff(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[Row] = []
    line = 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                rows.append((line, cells))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise UnreadableTable(
            _("Baris {line} tidak dapat dibaca sebagai CSV: {error}").format(line=line, error=exc)
        ) from None
    return rows


def _sniff(text: str) -> str:
    """The delimiter the first non-empty line holds most of (`,` if none)."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    counts = [(header.count(d), -i, d) for i, d in enumerate(_DELIMITERS)]
    best = max(counts)
    return best[2] if best[0] else ","


# --- XLSX ----------------------------------------------------------------------------


def read_xlsx(data: bytes) -> list[Row]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            strings = _shared_strings(book)
            sheet = _parse(book, _first_sheet(book))
    except UnreadableTable:
        raise
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, EOFError, ValueError) as exc:
        # (and NotImplementedError, RuntimeError, OSError: a compression or a password unknown)
        raise UnreadableTable(
            _("Berkas ini bukan berkas Excel (.xlsx) yang dapat dibaca.")
        ) from exc
    except (NotImplementedError, RuntimeError, OSError):
        raise UnreadableTable(
            _("Berkas ini bukan berkas Excel (.xlsx) yang dapat dibaca.")
        ) from None
    rows: list[Row] = []
    data_root = sheet.find(f"{_MAIN}sheetData")
    for position, row in enumerate(data_root if data_root is not None else (), start=1):
        if row.tag != f"{_MAIN}row":
            continue
        line = int(row.get("r") or position)
        cells = _row_cells(row, strings)
        if any(c.strip() for c in cells):
            rows.append((line, cells))
    return rows


def _parse(book: zipfile.ZipFile, member: str) -> ElementTree.Element:
    info = book.getinfo(member)
    if info.file_size > MAX_BYTES * 5:
        raise UnreadableTable(_("Berkas terlalu besar (paling besar 20 MB)."))
    return ElementTree.fromstring(book.read(info))


def _first_sheet(book: zipfile.ZipFile) -> str:
    """The part of the workbook's first sheet (xl/worksheets/sheet1.xml if the
    workbook does not say)."""
    try:
        workbook = _parse(book, "xl/workbook.xml")
        rels = _parse(book, "xl/_rels/workbook.xml.rels")
    except KeyError:
        return "xl/worksheets/sheet1.xml"
    first = workbook.find(f"{_MAIN}sheets/{_MAIN}sheet")
    rel_id = first.get(f"{_REL}id") if first is not None else None
    for rel in rels.iter(f"{_PKG_REL}Relationship"):
        if rel.get("Id") == rel_id:
            target = rel.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else "xl/" + target
    return "xl/worksheets/sheet1.xml"


def _shared_strings(book: zipfile.ZipFile) -> list[str]:
    try:
        root = _parse(book, "xl/sharedStrings.xml")
    except KeyError:
        return []
    return [_text_of(item) for item in root.iter(f"{_MAIN}si")]


def _text_of(item: ElementTree.Element) -> str:
    """The text of a string item: its `t`, or its runs' (phonetic hints left out)."""
    plain = item.find(f"{_MAIN}t")
    if plain is not None:
        return plain.text or ""
    return "".join(t.text or "" for r in item.findall(f"{_MAIN}r") for t in r.findall(f"{_MAIN}t"))


def _row_cells(row: ElementTree.Element, strings: list[str]) -> list[str]:
    cells: list[str] = []
    for position, cell in enumerate(row.findall(f"{_MAIN}c")):
        index = _column_index(cell.get("r"), default=len(cells) if position else 0)
        while len(cells) < index:
            cells.append("")
        cells.append(_cell_text(cell, strings))
    return cells


def _column_index(ref: str | None, default: int) -> int:
    match = _CELL_REF.match(ref or "")
    if not match:
        return default
    index = 0
    for letter in match.group(1):
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


def _cell_text(cell: ElementTree.Element, strings: list[str]) -> str:
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        inline = cell.find(f"{_MAIN}is")
        return _text_of(inline) if inline is not None else ""
    value = cell.findtext(f"{_MAIN}v") or ""
    if kind == "s":
        try:
            return strings[int(value)]
        except (ValueError, IndexError):
            raise UnreadableTable(_("Berkas Excel rusak: teks sel tidak ditemukan.")) from None
    if kind == "b":
        return "TRUE" if value.strip() == "1" else "FALSE"
    if kind == "n":
        return plain_number(value)
    return value  # str (a formula's text), e (an error such as #N/A), d (an ISO date)


def plain_number(text: str) -> str:
    """A number cell's value in plain digits: `8.12345678901E10` -> `81234567890`,
    `12.50` -> `12.5`; text that is no number comes back as it was."""
    try:
        number = Decimal(text.strip())
    except InvalidOperation:
        return text
    if not number.is_finite():
        return text
    if number == number.to_integral_value():
        return f"{number.to_integral_value():f}"
    return f"{number.normalize():f}"
