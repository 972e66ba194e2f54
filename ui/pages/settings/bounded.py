"""A settings page of whole numbers the core bounds (booking policies, lease
policies): one spin box a setting, its range the core's
(smesco_desk.services.settings.BOUNDED), a note under each, loaded and saved
through the core like every shared setting.

Typing past the bound is let through and said at the field at once: a spin box
held to the bound would drop the key ("150" would become 15 without a word).
A value the core still refuses shows under its field.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QSpinBox, QVBoxLayout

from smesco_desk.i18n import _
from smesco_desk.services.settings import BOUNDED
from ui.forms import with_error
from ui.pages.settings.business import SharedSettingsPage
from ui.widgets import note_label


class BoundedSettingsPage(SharedSettingsPage):
    """Subclasses make their spin boxes with `_spin`, put them in `spins` by
    setting key, and lay them out with `_lay_out((label, key, note), ...)`."""

    spin_width = 240  # px at most

    def _spin(self, name: str, key: str, suffix: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        least, most, message = BOUNDED[key]
        spin.setRange(least, 10 ** len(str(most)) - 1)
        spin.setSuffix(suffix)
        spin.setMaximumWidth(self.spin_width)
        spin.valueChanged.connect(
            lambda v: self.errors[key].show_message(_(message) if v > most else "")
        )
        return spin

    def _lay_out(self, spins: dict[str, QSpinBox], rows: Sequence[tuple[str, str, str]]) -> None:
        self.spins = spins
        form = self._form()
        for label, key, note in rows:
            form.addRow(label, with_error(spins[key], self.errors.add(key),
                                          note_label(note, self)))  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addWidget(self._narrow(form))
        layout.addWidget(self.errors.add(""))
        layout.addStretch(1)

    def load(self) -> None:
        core = self.ctx.core
        self.ctx.runner.op(core.settings.all_public, parent=self).success(self._fill).run()

    def _fill(self, values: dict[str, Any]) -> None:
        self.loaded = {key: values.get(key) for key in self.spins}
        for key, spin in self.spins.items():
            spin.setValue(int(values.get(key) or 0))
        self.errors.clear()

    def values(self) -> dict[str, Any]:
        return {key: spin.value() for key, spin in self.spins.items()}
