"""An event's attendance list (daftar hadir) on A4, for the participants' signatures.

The event's title, kind, space, date and time and its booker head the first
page; then one row per participant: number, name, organisation, the phone
partly hidden (as the desk's lists show it: the list lies on a table for
everyone to sign) and a tall empty cell to sign in. The table's header repeats
on every page, and every page says which event it belongs to and "Halaman x
dari y".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle

from smesco_desk.i18n import _
from smesco_desk.printing.a4_list import list_table_commands, render_a4_list
from smesco_desk.printing.style import (
    BRAND,
    INK,
    MUTED,
    RULE,
    STRIPE,
    WHITE,
    para,
    paragraph_style,
    rgb,
)

CELL_PADDING = 1.4 * mm
ROW_HEIGHT = 11 * mm  # room for a signature
# No, name, organisation, phone, signature (186 mm).
COLUMN_WIDTHS = [w * mm for w in (9, 50, 44, 31, 52)]


@dataclass(frozen=True)
class AttendanceRow:
    name: str
    organisation: str
    phone_masked: str  # never the whole number


@dataclass(frozen=True)
class AttendanceData:
    event_title: str
    event_kind_label: str  # "" for a booking that is no event
    space_name: str
    when: str  # already formatted, e.g. "Jumat, 27 Nov 2026 · 09:00–12:00 WIB"
    booker: str
    rows: Sequence[AttendanceRow]
    generated_at: datetime
    building_name: str = "SMESCO Indonesia"


def attendance_title() -> str:
    return _("DAFTAR HADIR PESERTA")


def render_attendance_list(data: AttendanceData) -> bytes:
    """A4 portrait PDF bytes."""
    return render_a4_list(
        _story(data),
        template="attendance",
        title=f"{attendance_title()} · {data.event_title}",
        building_name=data.building_name,
        generated_at=data.generated_at,
    )


def _style(size: float, bold: bool = False, color: str = INK, **extra: Any) -> ParagraphStyle:
    return paragraph_style("attendance", size, bold, color, 1.2, **extra)


def _story(data: AttendanceData) -> list[Any]:
    kind = f"{data.event_kind_label} · " if data.event_kind_label else ""
    story: list[Any] = [
        para(attendance_title(), _style(11, bold=True, color=MUTED), bold=True),
        Spacer(1, 1 * mm),
        para(data.event_title, _style(16, bold=True, color=BRAND), bold=True),
        Spacer(1, 1.5 * mm),
        para(f"{kind}{data.space_name}", _style(10)),
        para(data.when, _style(10, bold=True), bold=True),
    ]
    if data.booker.strip():
        story.append(para(_("Penyelenggara: {name}").format(name=data.booker), _style(9.5)))
    count = _("{n} peserta terdaftar").format(n=len(data.rows))
    story += [para(count, _style(9, color=MUTED)), Spacer(1, 5 * mm)]
    if data.rows:
        story.append(_table(data.rows))
    else:
        story.append(para(_("Belum ada peserta"), _style(12, bold=True), bold=True))
    return story


def _headers() -> list[str]:
    return [_("No"), _("Nama"), _("Organisasi"), _("Telepon"), _("Tanda tangan")]


def _table(rows: Sequence[AttendanceRow]) -> Table:
    name, cell = _style(9, bold=True), _style(8.5)
    head = _style(8.5, bold=True, color=WHITE)
    table_rows: list[list[Any]] = [[para(text, head, bold=True) for text in _headers()]]
    for number, row in enumerate(rows, start=1):
        table_rows.append(
            [
                str(number),
                para(row.name, name, bold=True),
                para(row.organisation, cell),
                para(row.phone_masked, cell),
                Spacer(1, ROW_HEIGHT - 2 * CELL_PADDING),  # at least this tall, to sign in
            ]
        )
    table = Table(table_rows, colWidths=COLUMN_WIDTHS, repeatRows=1, hAlign="LEFT")
    table.setStyle(_table_style(len(table_rows)))
    return table


def _table_style(row_count: int) -> TableStyle:
    commands = list_table_commands(8.5, CELL_PADDING) + [
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, rgb(RULE)),
        ("LINEBEFORE", (-1, 0), (-1, -1), 0.4, rgb(RULE)),
    ]
    commands += [
        ("BACKGROUND", (0, index), (-2, index), rgb(STRIPE)) for index in range(2, row_count, 2)
    ]
    return TableStyle(commands)
