"""The Visitors page: register walk-ins, check them out by scanning, see who is in.

    page = VisitorsPage(ctx)                    # printing through ui.printing.DocumentPrinter
    page.visitor_checked_in.connect(...)        # VisitRecord, after a registration
    page.visitor_checked_out.connect(...)       # VisitRecord, by scan or from the list
    F2 focuses the scan field, F3 the name field (in the main window these
    shortcuts belong to the window: see `release_shortcuts`).

Parts of the page the actor's role does not allow are not built at all (the
services check the permissions again).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from smesco_desk.services.actors import Permission
from smesco_desk.values.visitors import VisitRecord
from ui.context import AppContext
from ui.documents import DocumentPrinterLike
from ui.pages.visitors.badges import VisitorDocuments
from ui.pages.visitors.checkout_bar import CheckOutBar
from ui.pages.visitors.common import PAGE_STYLE
from ui.pages.visitors.lists import VisitLists
from ui.pages.visitors.registration import RegistrationForm

# The form is this wide when there is room, and narrower on a small desk screen
# (1024 px), where the lists need the width more.
FORM_WIDTH, NARROW_FORM_WIDTH = 390, 330
NARROW_PAGE_WIDTH = 1000  # the page (the window less its navigation) narrower than this


class VisitorsPage(QWidget):
    """Registration on the left; the scan bar and the visit lists on the right."""

    visitor_checked_in = Signal(object)  # VisitRecord
    visitor_checked_out = Signal(object)  # VisitRecord
    in_building_count_changed = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        printer: DocumentPrinterLike | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("visitors_page")
        self.setStyleSheet(PAGE_STYLE)
        self.ctx = ctx
        self.documents = VisitorDocuments(ctx, self, printer)
        self.form: RegistrationForm | None = None
        self.checkout_bar: CheckOutBar | None = None
        self.lists = VisitLists(ctx, self.documents, self)
        self.lists.visitor_checked_out.connect(self.visitor_checked_out)
        self.lists.visitor_checked_out.connect(self._forget_scan_error)
        self.visitor_checked_out.connect(self._on_visitor_checked_out)
        self.lists.in_building_count_changed.connect(self.in_building_count_changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(12)
        if ctx.can(Permission.REGISTER_VISITOR):
            layout.addWidget(self._build_form())
        layout.addLayout(self._build_right(), 1)
        self._add_shortcuts()
        self._shown_once = False

    def _build_form(self) -> QScrollArea:
        self.form = RegistrationForm(self.ctx, self.documents)
        self.form.visitor_registered.connect(self.visitor_checked_in)
        self.form.badge_scanned.connect(self._on_badge_scanned)
        scroll = QScrollArea(self)
        scroll.setObjectName("registration_scroll")
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a Tab stop with nothing to show
        scroll.setFixedWidth(FORM_WIDTH)
        self.form_scroll = scroll
        self.form.installEventFilter(self)
        return scroll

    def _build_right(self) -> QVBoxLayout:
        right = QVBoxLayout()
        right.setSpacing(12)
        if self.ctx.can(Permission.CHECK_OUT):
            self.checkout_bar = CheckOutBar(self.ctx, self)
            self.checkout_bar.visitor_checked_out.connect(self.visitor_checked_out)
            right.addWidget(self.checkout_bar)
            # Tab from the scan field goes on into the list under it (made first,
            # the list came before the form in the chain, and Tab left the page).
            QWidget.setTabOrder(self.checkout_bar.scan_edit, self.lists.tabs)
        right.addWidget(self.lists, 1)
        return right

    @Slot(object)
    def _on_visitor_checked_out(self, visit: object) -> None:
        if self.form is not None and isinstance(visit, VisitRecord):
            self.form.on_visit_checked_out(visit)

    @Slot(object)
    def _forget_scan_error(self, _visit: object) -> None:
        if self.checkout_bar is not None:
            self.checkout_bar.forget_error()

    def _add_shortcuts(self) -> None:
        self._shortcuts: list[QShortcut] = []
        for key, slot in ((Qt.Key.Key_F2, self.focus_scan), (Qt.Key.Key_F3, self.focus_name)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)  # only while shown
            shortcut.activated.connect(slot)
            self._shortcuts.append(shortcut)

    def release_shortcuts(self) -> None:
        """The window gives F2 and F3 itself (they work from every page there);
        two shortcuts for one key in a window would cancel each other out."""
        for shortcut in self._shortcuts:
            shortcut.setEnabled(False)

    # --- public ---------------------------------------------------------------

    @Slot()
    def focus_scan(self) -> None:
        if self.checkout_bar is not None:
            self.checkout_bar.scan_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.checkout_bar.scan_edit.selectAll()

    @Slot()
    def focus_name(self) -> None:
        if self.form is not None:
            self.form.name_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def in_building_count(self) -> int:
        return self.lists.in_building_model.total()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_form_column()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.form and event.type() == QEvent.Type.LayoutRequest:
            self._fit_form_column()  # the form's minimum may have changed (polish, a note)
        return super().eventFilter(watched, event)

    def _fit_form_column(self) -> None:
        """Room for the form beside its scroll bar, always (a taller font shows the
        bar at 768 px): the form is never cut at its right edge."""
        if self.form is None:
            return
        narrow = self.width() < NARROW_PAGE_WIDTH
        width = max(NARROW_FORM_WIDTH if narrow else FORM_WIDTH,
                    self.form.minimumSizeHint().width())  # fmt: skip
        bar = self.form_scroll.verticalScrollBar().sizeHint().width()
        if self.form_scroll.width() != width + bar:
            self.form_scroll.setFixedWidth(width + bar)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._shown_once:  # start where the desk starts: the next visitor's name
            self._shown_once = True
            QTimer.singleShot(0, self.focus_name)

    # --- relays ---------------------------------------------------------------

    @Slot(str)
    def _on_badge_scanned(self, text: str) -> None:
        """A badge scanned into the form: check out; a half-filled form keeps the focus."""
        if self.checkout_bar is None:
            return
        blank = self.form is None or self.form.is_blank()
        if blank:
            self.focus_scan()
        self.checkout_bar.check_out(text, take_focus=blank)
