"""The widgets of the registration form, laid out: labels above fields, each
field's message under it, the consent, the buttons and the group bar.

`RegistrationFields` builds them and keeps what is about the widgets alone
(their order, a long paste cut with a word, the keyboard's path while a group
goes on); `ui.pages.visitors.registration.RegistrationForm` gives them their
behaviour.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Slot
from PySide6.QtGui import QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.values.visitors import VisitorDetails
from ui.context import AppContext
from ui.forms import FieldErrors
from ui.pages.visitors.badge_news import BadgeNews
from ui.pages.visitors.badges import VisitorDocuments
from ui.pages.visitors.chip import ReturningChip
from ui.pages.visitors.group import GroupBar
from ui.settings import PRINT_BADGE_AFTER_REGISTER
from ui.widgets import FittingButton, StatusBanner

DEFAULT_RETENTION_DAYS = 365


class PurposeCombo(QComboBox):
    """The purpose list. Opened with nothing chosen, it highlights nothing: Qt
    puts its cursor on the first item unshown, so the first Down landed on the
    second (a receptionist picked "Bengkel Produk" for "Business Lounge").

    Narrower than a long label at 1024 px, it shows the label's start and "…"
    ("Pelatihan / K…"), never a label cut without a sign; the whole in its tooltip."""

    def showPopup(self) -> None:  # noqa: N802 - Qt override
        super().showPopup()
        if self.currentIndex() < 0:
            self.view().setCurrentIndex(QModelIndex())

    def _option(self) -> QStyleOptionComboBox:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        if self.currentIndex() < 0 and self.placeholderText():
            option.currentText = self.placeholderText()
            text_colour = option.palette.color(QPalette.ColorRole.PlaceholderText)
            option.palette.setColor(QPalette.ColorRole.ButtonText, text_colour)
        return option

    def shown_text(self) -> str:
        """The label as painted: its start, with "…" when it is longer than the field."""
        option = self._option()
        room = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        ).width()
        return self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, room - 2
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        option = self._option()
        painter = QStylePainter(self)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class RegistrationFields(QFrame):
    """The form's widgets, built and laid out (no behaviour of the form's own)."""

    def __init__(
        self, ctx: AppContext, documents: VisitorDocuments, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("registration_panel")
        self._ctx = ctx
        self._documents = documents
        self._linked: VisitorDetails | None = None
        self._retention_days = DEFAULT_RETENTION_DAYS
        self.errors = FieldErrors()
        self._cut_fields: set[str] = set()  # fields whose text was cut, said under them
        self._build()

    # --- building -------------------------------------------------------------

    def _build(self) -> None:
        title = QLabel(self.tr("Pendaftaran tamu"), self)
        title.setObjectName("section_label")
        self.banner = StatusBanner(self)
        self.news = BadgeNews(self.banner, self._documents, self)
        self.group = GroupBar(self._documents, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        title_row = QHBoxLayout()
        title_row.addWidget(title, 1)
        title_row.addWidget(self.group.toggle_button)
        layout.addLayout(title_row)
        layout.addWidget(self.group)
        layout.addLayout(self._build_fields())
        layout.addLayout(self._build_consent())
        layout.addLayout(self._build_buttons())
        hint = QLabel(self.tr("F3: ke Nama · F2: ke pindai badge · Enter: daftarkan"), self)
        hint.setObjectName("hint_label")
        hint.setWordWrap(True)
        self.hint_label = hint
        layout.addWidget(hint)
        # Under everything, so that news of a registration never moves the fields.
        layout.addWidget(self.banner)
        layout.addStretch(1)

    def _line_edit(self, name: str, placeholder: str, max_length: int = 200) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(f"{name}_edit")
        edit.setPlaceholderText(placeholder)
        # Not setMaxLength: it cuts a long paste without a word. The field cuts it
        # itself and says so under it.
        edit.setProperty("max_text", max_length)
        return edit

    def _build_fields(self) -> QGridLayout:
        self.name_edit = self._line_edit("name", self.tr("Nama lengkap sesuai identitas"))
        self.phone_edit = self._line_edit("phone", self.tr("mis. 0812 3456 7890"), 24)
        self.nik_edit = self._line_edit("nik", self.tr("16 digit (opsional)"), 24)
        self.organisation_edit = self._line_edit(
            "organisation", self.tr("Nama organisasi, instansi atau UMKM")
        )
        self.purpose_combo = PurposeCombo(self)
        self.purpose_combo.setObjectName("purpose_combo")
        self.purpose_combo.setPlaceholderText(self.tr("Pilih…"))
        # May be narrower than its longest label (the open list shows it in full),
        # so that the form fits a 1024 px screen.
        self.purpose_combo.setMinimumWidth(110)
        self.purpose_combo.currentTextChanged.connect(self.purpose_combo.setToolTip)
        self.host_edit = self._line_edit("host", self.tr("Yang dikunjungi atau nama acara"))
        self.chip = ReturningChip(self)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        top = Qt.AlignmentFlag.AlignTop  # a message under one field must not shift its neighbour
        grid.addWidget(
            self._cell("name", self.tr("Nama *"), self.name_edit, self.chip), 0, 0, 1, 2, top
        )
        grid.addWidget(self._cell("phone", self.tr("No. HP *"), self.phone_edit), 1, 0, top)
        grid.addWidget(self._cell("nik", self.tr("NIK (opsional)"), self.nik_edit), 1, 1, top)
        grid.addWidget(
            self._cell("organisation", self.tr("Organisasi / UMKM"), self.organisation_edit),
            2,
            0,
            1,
            2,
            top,
        )
        grid.addWidget(self._cell("purpose", self.tr("Keperluan *"), self.purpose_combo), 3, 0, top)
        grid.addWidget(self._cell("host", self.tr("Tuan rumah / acara"), self.host_edit), 3, 1, top)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        return grid

    def _cell(
        self, field: str, label_text: str, widget: QWidget, extra: QWidget | None = None
    ) -> QWidget:
        """Label above the widget, the field's error message right under it."""
        cell = QWidget(self)
        cell.setObjectName(f"{field}_cell")
        label = QLabel(label_text, cell)
        label.setBuddy(widget)
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(3)
        box.addWidget(label)
        box.addWidget(widget)
        box.addWidget(self.errors.add(field))
        if extra is not None:
            box.addWidget(extra)
        return cell

    def _build_consent(self) -> QVBoxLayout:
        self.consent_check = QCheckBox(self)
        self.consent_check.setObjectName("consent_check")
        self.consent_label = QLabel(self)
        self.consent_label.setObjectName("consent_label")
        self.consent_label.setWordWrap(True)
        self.consent_label.installEventFilter(self)  # a click on the text ticks the box
        self._set_consent_text(DEFAULT_RETENTION_DAYS)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.consent_check, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.consent_label, 1)
        # Why the box was cleared (the person in the form changed), until it is ticked again.
        self.consent_note_label = QLabel(self)
        self.consent_note_label.setObjectName("consent_note_label")
        self.consent_note_label.setWordWrap(True)
        self.consent_note_label.hide()
        box = QVBoxLayout()
        box.setSpacing(3)
        box.addLayout(row)
        box.addWidget(self.consent_note_label)
        box.addWidget(self.errors.add("consent"))
        return box

    def _build_buttons(self) -> QHBoxLayout:
        self.register_button = FittingButton("", "", self)
        self.register_button.setObjectName("register_button")
        self.register_button.setProperty("primary", True)
        self.register_button.setDefault(True)
        self.clear_button = QPushButton(self.tr("Bersihkan"), self)
        self.clear_button.setObjectName("clear_button")
        for button in (self.register_button, self.clear_button):
            button.setAutoDefault(True)  # Enter on a focused button presses it
        self._update_register_text()
        chain = [
            self.name_edit,
            self.phone_edit,
            self.nik_edit,
            self.organisation_edit,
            self.purpose_combo,
            self.host_edit,
            self.consent_check,
            self.register_button,
            self.clear_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        row = QHBoxLayout()
        row.addWidget(self.register_button, 2)
        row.addWidget(self.clear_button, 1)
        return row

    def _set_consent_text(self, days: int) -> None:
        self._retention_days = days
        if self._linked is not None and self._linked.consent_at is not None:
            return  # the consent on record is shown instead
        text = self.tr(
            "Tamu setuju data dirinya diproses untuk keperluan keamanan dan layanan gedung "
            "sesuai UU PDP (UU No. 27 Tahun 2022); data disimpan {days} hari, lalu dihapus."
        ).format(days=days)
        self.consent_label.setText(text)
        self.consent_check.setAccessibleName(text)

    def _update_register_text(self) -> None:
        """What the button does: a group whose badges wait for the end prints nothing."""
        prints = not self.group.prints_at_the_end()
        if prints and self._ctx.settings.get(PRINT_BADGE_AFTER_REGISTER):
            self.register_button.set_texts(
                self.tr("Daftarkan && cetak badge"), self.tr("Daftarkan && cetak")
            )
        else:
            self.register_button.set_texts(self.tr("Daftarkan"), self.tr("Daftarkan"))

    def _line_edits(self) -> list[QLineEdit]:
        return [
            self.name_edit,
            self.phone_edit,
            self.nik_edit,
            self.organisation_edit,
            self.host_edit,
        ]

    def widget_for(self, field: str) -> QWidget:
        return {
            "name": self.name_edit,
            "phone": self.phone_edit,
            "nik": self.nik_edit,
            "organisation": self.organisation_edit,
            "purpose": self.purpose_combo,
            "host": self.host_edit,
            "consent": self.consent_check,
        }[field]

    def _skip_kept_fields(self, skip: bool) -> None:
        """While a group goes on, Tab goes name -> phone -> consent: what stays for
        the next person (and the NIK, optional) is left to a click."""
        policy = Qt.FocusPolicy.ClickFocus if skip else Qt.FocusPolicy.StrongFocus
        for widget in (self.nik_edit, self.organisation_edit, self.purpose_combo, self.host_edit):
            widget.setFocusPolicy(policy)

    def forget_cuts(self) -> None:
        """Take back the notes of cut text (the text was a scanned badge after all)."""
        for field in self._cut_fields:
            self.errors[field].show_message("")
        self._cut_fields.clear()

    @Slot(str)
    def _limit_length(self, text: str) -> None:
        """Cut text over the field's limit (a long paste) and say so under the field."""
        edit = self.sender()
        if not isinstance(edit, QLineEdit):
            return
        field, limit = edit.objectName().removesuffix("_edit"), int(edit.property("max_text"))
        if len(text) <= limit and field in self._cut_fields:
            self._cut_fields.discard(field)
            self.errors[field].show_message("")
        elif len(text) > limit:
            self._cut_fields.add(field)
            edit.setText(text[:limit])
            self.errors[field].show_message(
                self.tr("Teks dipotong menjadi {limit} karakter (yang dimasukkan {count}).").format(
                    limit=limit, count=len(text)
                )
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if watched is self.consent_label and event.type() == QEvent.Type.MouseButtonRelease:
            self.consent_check.toggle()
            self.consent_check.setFocus()
            return True
        return super().eventFilter(watched, event)
