"""The table under each visit list: columns that fit the width and are remembered.

Badge, purpose and times are as wide as their usual text; name, organisation and
host share what is left, in proportions the person can change by dragging the
column edges. On a narrow screen (1024 px) the least needed columns give way,
purpose first, rather than squeezing names to a few letters; the details of a
visit (double-click) still show everything. The person's widths and choice of
columns (right-click on the titles) are kept in UiSettings state, per table.
The chosen visit across reloads and the empty state: ui.record_table.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QByteArray, QModelIndex, QPersistentModelIndex, QPoint, Qt, QTimer, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QMenu, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui.models.visits_model import (
    COL_BADGE,
    COL_HOST,
    COL_IN,
    COL_NAME,
    COL_ORGANISATION,
    COL_OUT,
    COL_PURPOSE,
    COLUMN_COUNT,
    SHORT_TEXT_ROLE,
    VisitsTableModel,
)
from ui.record_table import RecordTable
from ui.settings import UiSettings

FIXED = (COL_BADGE, COL_PURPOSE, COL_IN, COL_OUT)
# Shares of the width left after the fixed columns: organisations and hosts
# ("Universitas Indonesia", "Kelas Digital Marketing UMKM") run longer than names.
SHARES = {COL_NAME: 0.30, COL_ORGANISATION: 0.37, COL_HOST: 0.33}
DROP_ORDER = (COL_PURPOSE, COL_HOST, COL_OUT, COL_ORGANISATION)  # when the width is short
MIN_TEXT_WIDTH = 100  # a name, organisation or host column is never narrower than this
PURPOSE_SAMPLES = ("Business Lounge", "Pelatihan / Kelas")  # the longest default labels
SAVE_DELAY_MS = 400


class ShortTextDelegate(QStyledItemDelegate):
    """Shows a cell's short text (SHORT_TEXT_ROLE) when its whole text does not
    fit: "Rbg 5 · Kopi Nusantara…" rather than "Rombongan 5 · K…"."""

    def initStyleOption(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        short = index.data(SHORT_TEXT_ROLE)
        room = option.rect.width() - 12  # the cell's margins
        if short and option.fontMetrics.horizontalAdvance(option.text) > room:
            option.text = short


def columns_state_key(name: str) -> str:
    return f"visit_table/{name}/columns"


class VisitTable(RecordTable):
    """A table of visits whose columns fit the width and are remembered.

    `hidden`: columns not shown until the person asks for them (header menu).
    """

    def __init__(
        self,
        model: VisitsTableModel,
        name: str,
        parent: QWidget | None = None,
        *,
        long_times: bool = False,
        hidden: tuple[int, ...] = (),
        settings: UiSettings | None = None,
    ) -> None:
        super().__init__(model, parent)
        self.setObjectName(name)
        self._settings = settings
        self._long_times = long_times
        self._fitting = False  # True while this code sizes the columns (not the person)
        self._hidden_by_choice = set(hidden)
        self._shown_by_choice: set[int] = set()  # never dropped for want of width
        self._widths: dict[int, int] = {}  # fixed columns the person has resized
        self._ratios = dict(SHARES)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._short_texts = ShortTextDelegate(self)
        self.setItemDelegateForColumn(COL_ORGANISATION, self._short_texts)
        self._set_up_header()
        self._restore_columns()
        # Rows that arrive may bring a date into a time column: measure again.
        model.modelReset.connect(self.fit_columns)
        model.rowsInserted.connect(self.fit_columns)

    def _set_up_header(self) -> None:
        header = self.horizontalHeader()
        header.setMinimumSectionSize(48)
        header.setStretchLastSection(False)  # the text columns take the slack, not the times
        header.setToolTip(
            self.tr(
                "Seret batas judul kolom untuk mengubah lebarnya; klik kanan untuk memilih kolom."
            )
        )
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_menu)
        header.sectionResized.connect(self._on_section_resized)
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_columns)

    # --- column widths --------------------------------------------------------

    def _measured(self, column: int) -> int:
        """A fixed column as wide as its usual text in the current font (or its title)."""
        metrics = self.fontMetrics()
        samples = {
            COL_BADGE: ("D01-000000-000",),
            COL_PURPOSE: PURPOSE_SAMPLES,
            COL_IN: ("00-00-0000 00:00" if self._long_times else "00:00",),
            COL_OUT: ("00:00",),
        }[column]
        if column in (COL_IN, COL_OUT) and self._shows_a_date(column):
            samples = ("00-00-0000 00:00",)  # a time on another day carries its date
        width = max(metrics.horizontalAdvance(text) for text in samples) + 16
        return max(width, self.horizontalHeader().sectionSizeFromContents(column).width())

    def _shows_a_date(self, column: int) -> bool:
        """Whether a loaded row shows a date in this time column (a visit from an
        earlier day still inside, a check-out on a later day)."""
        model = self.model()
        return any(
            len(str(model.index(row, column).data() or "")) > len("00:00")
            for row in range(model.rowCount())
        )

    def _fixed_width(self, column: int) -> int:
        return self._widths.get(column) or self._measured(column)

    def _needed(self, shown: list[int]) -> int:
        return sum(self._fixed_width(c) if c in FIXED else MIN_TEXT_WIDTH for c in shown)

    def shown_columns(self) -> list[int]:
        """The columns to show: the chosen ones, less those the width cannot hold."""
        shown = [c for c in range(COLUMN_COUNT) if c not in self._hidden_by_choice]
        room = self.viewport().width() - 2
        for column in DROP_ORDER:
            if self._needed(shown) <= room:
                break
            if column in shown and column not in self._shown_by_choice:
                shown.remove(column)
        return shown

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        # Sized here, not in __init__: only now is the style sheet's font in effect.
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Fixed columns as measured (or as the person left them); the rest shares the width."""
        header, shown = self.horizontalHeader(), self.shown_columns()
        fixed = {c: self._fixed_width(c) for c in shown if c in FIXED}
        shared = [c for c in SHARES if c in shown]
        free = max(self.viewport().width() - sum(fixed.values()) - 2, MIN_TEXT_WIDTH * len(shared))
        ratio_sum = sum(self._ratios[c] for c in shared) or 1.0
        self._fitting = True
        try:
            for column in range(COLUMN_COUNT):
                if self.isColumnHidden(column) == (column in shown):
                    self.setColumnHidden(column, column not in shown)
            for column, width in fixed.items():
                header.resizeSection(column, width)
            for column in shared:
                header.resizeSection(column, int(free * self._ratios[column] / ratio_sum))
        finally:
            self._fitting = False

    @Slot(int, int, int)
    def _on_section_resized(self, column: int, _old: int, new: int) -> None:
        if self._fitting or new == 0:
            return  # our own fitting, or a column being hidden
        if column in FIXED:
            self._widths[column] = new
        else:
            self._take_ratios()
        self._save_timer.start()

    def _take_ratios(self) -> None:
        """The text columns' proportions as the person has dragged them."""
        header = self.horizontalHeader()
        widths = {c: header.sectionSize(c) for c in SHARES if not self.isColumnHidden(c)}
        total = sum(widths.values())
        if total > 0:
            shown_share = sum(self._ratios[c] for c in widths)
            self._ratios.update({c: shown_share * w / total for c, w in widths.items()})

    # --- remembering ----------------------------------------------------------

    def _restore_columns(self) -> None:
        saved = (
            self._settings.state(columns_state_key(self.objectName()))
            if self._settings is not None
            else None
        )
        if saved is None:
            return
        try:
            state: dict[str, Any] = json.loads(bytes(saved.data()).decode("utf-8"))
            hidden = {int(c) for c in state["hidden"]}
            shown = {int(c) for c in state["shown"]}
            widths = {int(c): int(w) for c, w in state["widths"].items()}
            ratios = {int(c): float(r) for c, r in state["ratios"].items()}
        except (ValueError, KeyError, TypeError, AttributeError):
            return  # an older or damaged state: the defaults will do
        self._hidden_by_choice, self._shown_by_choice = hidden, shown
        self._widths = {c: w for c, w in widths.items() if c in FIXED and w > 0}
        self._ratios.update({c: r for c, r in ratios.items() if c in SHARES and r > 0})

    @Slot()
    def save_columns(self) -> None:
        """Remember widths and the chosen columns (UI state, this PC and user)."""
        if self._settings is None:
            return
        state = {
            "hidden": sorted(self._hidden_by_choice),
            "shown": sorted(self._shown_by_choice),
            "widths": self._widths,
            "ratios": self._ratios,
        }
        self._settings.save_state(
            columns_state_key(self.objectName()), QByteArray(json.dumps(state).encode("utf-8"))
        )

    @Slot(QPoint)
    def _on_header_menu(self, pos: QPoint) -> None:
        """Right-click on the titles: show or hide columns (not the name)."""
        menu = QMenu(self)
        for column in range(self._model.columnCount()):
            if column == COL_NAME:
                continue
            action = menu.addAction(str(self._model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not self.isColumnHidden(column))
            action.toggled.connect(lambda shown, c=column: self.show_column(c, shown))
        menu.addSeparator()
        menu.addAction(self.tr("Lebar kolom semula"), self.reset_columns)
        menu.exec(self.horizontalHeader().mapToGlobal(pos))
        menu.deleteLater()

    def show_column(self, column: int, shown: bool) -> None:
        """The person's choice: shown (then kept even when narrow) or hidden."""
        if shown:
            self._shown_by_choice.add(column)
            self._hidden_by_choice.discard(column)
        else:
            self._hidden_by_choice.add(column)
            self._shown_by_choice.discard(column)
        self.fit_columns()
        self.save_columns()

    @Slot()
    def reset_columns(self) -> None:
        """Back to the measured widths and the default proportions."""
        self._widths.clear()
        self._ratios = dict(SHARES)
        self.fit_columns()
        self.save_columns()
