"""The looks of the Visitors page (its shared widgets are in ui/widgets.py)."""

from __future__ import annotations

# Page-specific looks on top of resources/style.qss (which styles the common widgets).
PAGE_STYLE = """
QFrame#registration_panel, QFrame#checkout_bar {
    background: #ffffff; border: 1px solid #d5dbe3; border-radius: 6px;
}
QTabWidget#visit_tabs::pane { padding: 8px; }
QLabel#section_label { font-size: 13pt; font-weight: 600; color: #1d5fa8; }
QLabel#hint_label { color: #5b6675; font-size: 9.5pt; }
QLabel#empty_label { color: #5b6675; font-size: 11pt; }
QLineEdit[invalid="true"], QComboBox[invalid="true"] {
    border: 2px solid #b42318; background: #fdf1f0; padding: 4px 7px;
}
QComboBox[invalid="true"] { padding-right: 25px; }
QCheckBox[invalid="true"] { color: #b42318; }
/* Focused looks like every focused field (resources/style.qss): the amber ring.
   Unfocused, a plain border: it must not look focused when it is not. */
QLineEdit[invalid="true"]:focus, QComboBox[invalid="true"]:focus { border-color: #e08a00; }
QLineEdit#scan_edit { font-size: 15pt; padding: 8px 12px; border: 1px solid #8fa6c4; }
QLineEdit#scan_edit:focus { border: 2px solid #e08a00; padding: 7px 11px; }
QLineEdit#scan_edit[invalid="true"] { border: 2px solid #b42318; padding: 7px 11px; }
QLineEdit#scan_edit[invalid="true"]:focus { border-color: #e08a00; }
QPushButton#group_button:checked { background: #1d5fa8; border-color: #1d5fa8; color: #ffffff; }
QFrame#group_bar { background: #eaf1fb; border: 1px solid #a9c5ea; border-radius: 6px; }
QLabel#group_count_label { font-weight: 600; color: #1d5fa8; }
QLabel#scan_message_label { font-size: 12pt; }
QLabel#scan_message_label[kind="success"] { color: #1e7a46; font-weight: 600; }
QLabel#scan_message_label[kind="error"] { color: #b42318; font-weight: 600; }
QFrame#status_banner { border-radius: 6px; padding: 2px; }
QLabel#banner_headline_label { font-size: 12.5pt; font-weight: 600; }
QFrame#status_banner[kind="success"] { background: #e6f4ea; border: 1px solid #9fd3b0; }
QFrame#status_banner[kind="error"] { background: #fdecea; border: 1px solid #f1a7a0; }
QFrame#status_banner[kind="info"] { background: #eaf1fb; border: 1px solid #a9c5ea; }
QFrame#returning_chip {
    background: #eaf1fb; border: 1px solid #a9c5ea; border-radius: 12px;
}
QToolButton#unlink_button {
    border: 2px solid transparent; border-radius: 4px; padding: 1px 5px;
}
QToolButton#unlink_button:hover { background: #d3e3f6; }
QToolButton#unlink_button:focus { border-color: #e08a00; }
QListView#suggestion_list {
    background: #ffffff; border: 1px solid #8fa6c4; border-radius: 4px;
}
QListView#suggestion_list::item { padding: 5px 8px; border-bottom: 1px solid #eef1f5; }
QListView#suggestion_list::item:selected, QListView#suggestion_list::item:hover {
    background: #d3e3f6; color: #1f2a37;
}
"""
