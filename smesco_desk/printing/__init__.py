"""Printed documents as PDF bytes (ReportLab only; the UI previews and prints them)."""

from smesco_desk.printing.badge import (
    BadgeData,
    badge_qr_payload,
    render_badge,
    render_badge_label,
)
from smesco_desk.printing.fonts import (
    FittedText,
    draw_text,
    draw_text_fitted,
    fit_text,
    register_fonts,
    text_width,
)
from smesco_desk.printing.muster import MusterData, MusterRow, render_muster_list

__all__ = [
    "BadgeData",
    "FittedText",
    "MusterData",
    "MusterRow",
    "badge_qr_payload",
    "draw_text",
    "draw_text_fitted",
    "fit_text",
    "register_fonts",
    "render_badge",
    "render_badge_label",
    "render_muster_list",
    "text_width",
]
