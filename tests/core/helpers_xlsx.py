"""A small XLSX workbook built with zipfile, the way Excel writes one: shared
strings for text (with a rich-text run), inline strings, numbers (a phone typed
as a number loses its leading 0), cells with and without their reference, and a
first sheet that the workbook names through its relationships."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape

Cell = str | int | float | None

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    "</Types>"
)
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def xlsx(rows: Sequence[Sequence[Cell]], *, inline: bool = False, sheet: str = "data") -> bytes:
    """A workbook whose first sheet (a part named `sheet`.xml, found through the
    workbook's relationships) holds `rows` from row 1; None leaves a cell out. Text
    goes to the shared strings, or inline with `inline`."""
    strings: list[str] = []
    xml_rows = []
    for r, values in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(values):
            ref = f"{column(c)}{r}"
            if value is None:
                continue
            if isinstance(value, int | float):
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
            elif inline:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>')
            else:
                strings.append(value)
                cells.append(f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>')
        xml_rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    # The strings' first item as rich text (two runs), as Excel writes a bold word.
    items = [f"<si><t>{escape(s)}</t></si>" for s in strings]
    if strings:
        head = strings[0]
        items[0] = (
            f"<si><r><t>{escape(head[:1])}</t></r><r><rPr><b/></rPr><t>{escape(head[1:])}</t></r>"
            '<rPh sb="0" eb="1"><t>IGNORED</t></rPh></si>'
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", _CONTENT_TYPES)
        book.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{_MAIN}" xmlns:r="{_R}"><sheets>'
            '<sheet name="Peserta" sheetId="1" r:id="rId7"/>'
            '<sheet name="Lain" sheetId="2" r:id="rId8"/></sheets></workbook>',
        )
        book.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId8" Target="worksheets/other.xml" Type="worksheet"/>'
            f'<Relationship Id="rId7" Target="worksheets/{sheet}.xml" Type="worksheet"/>'
            "</Relationships>",
        )
        book.writestr(
            f"xl/worksheets/{sheet}.xml",
            f'<worksheet xmlns="{_MAIN}"><sheetData>{"".join(xml_rows)}</sheetData></worksheet>',
        )
        book.writestr(
            "xl/worksheets/other.xml",
            f'<worksheet xmlns="{_MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr">'
            "<is><t>not this sheet</t></is></c></row></sheetData></worksheet>",
        )
        if strings:
            book.writestr(
                "xl/sharedStrings.xml",
                f'<sst xmlns="{_MAIN}" count="{len(strings)}">{"".join(items)}</sst>',
            )
    return buffer.getvalue()
