"""The monthly turnover report as a spreadsheet (XLSX, written with openpyxl).

One sheet: a title row, then one row per tenant (floor, tenant, stalls, days
entered, turnover, average of a day, turnover rate in percent, turnover rent,
its state), a subtotal row after each floor and the grand total at the end.
Amounts are whole-rupiah numbers (formatted `#,##0`), so they add up in the
spreadsheet; the rate is a number of percent.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from smesco_desk.i18n import _
from smesco_desk.printing.turnover import STATE_LABELS, month_name, report_title
from smesco_desk.values.turnover import TurnoverReport

RUPIAH = "#,##0"
WIDTHS = {"A": 8, "B": 34, "C": 16, "D": 10, "E": 16, "F": 16, "G": 10, "H": 16, "I": 22}
_BOLD = Font(bold=True)
_TOTAL = PatternFill("solid", fgColor="E8F0F5")


def headers() -> list[str]:
    return [_("Lantai"), _("Tenan"), _("Stan"), _("Hari diisi"), _("Omzet"),
            _("Rata-rata/hari"), _("Tarif (%)"), _("Sewa omzet"), _("Status")]  # fmt: skip


def turnover_report_xlsx(report: TurnoverReport) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = report.month.strftime("%Y-%m")
    sheet.append([f"{report_title()} · {month_name(report.month)}"])
    sheet["A1"].font = Font(bold=True, size=13)
    if not report.closed:
        sheet.append([_("Bulan belum selesai: angka sementara.")])
    sheet.append([])
    sheet.append(headers())
    for cell in sheet[sheet.max_row]:
        cell.font = _BOLD
    sheet.freeze_panes = f"A{sheet.max_row + 1}"
    for floor in report.floors:
        for t in floor.tenants:
            rate = Decimal(t.rate_bp) / 100 if t.rate_bp else None
            label = STATE_LABELS.get(t.state)
            sheet.append([floor.floor, t.tenant, t.stalls, t.days_entered, t.total, t.average,
                          rate, t.rent, _(label) if label else ""])  # fmt: skip
            _money(sheet, sheet.max_row)
        sheet.append([floor.floor, _("Subtotal lantai {n}").format(n=floor.floor), "",
                      floor.days_entered, floor.total, None, None, floor.rent, ""])  # fmt: skip
        _total_row(sheet, sheet.max_row)
    sheet.append([None, _("Total food court"), "", report.days_entered, report.total, None, None,
                  report.rent, ""])  # fmt: skip
    _total_row(sheet, sheet.max_row)
    for column, width in WIDTHS.items():
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _money(sheet: Any, row: int) -> None:
    for column in ("E", "F", "H"):
        sheet[f"{column}{row}"].number_format = RUPIAH


def _total_row(sheet: Any, row: int) -> None:
    _money(sheet, row)
    for cell in sheet[row]:
        cell.font = _BOLD
        cell.fill = _TOTAL
