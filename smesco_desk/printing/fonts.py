"""Fonts for printed documents, with per-character fallback.

Fonts are registered with ReportLab lazily, the first time text is measured or
drawn. The main face (DejaVu Sans where available) covers every Latin diacritic,
Greek and Cyrillic. A character it lacks is looked up in other fonts found on the
machine (Noto fonts per script, Windows and macOS system fonts), loaded only when
a character needs them, so text is split into runs, each drawn in a font that
really has its glyphs. A character no font has prints as a visible "?" instead of
an empty box. Arabic and Hebrew are shaped and put in visual order first
(see `_bidi`). If no TrueType font is found at all, Helvetica is used, which
covers Western European letters only.

Overlong text (see `fit_text`): the size shrinks down to `min_size`; if one
line still does not fit, the text is split at word boundaries into up to
`max_lines` balanced lines (as large as possible, never below `min_size`); if
even that does not fit, the lines are filled greedily at `min_size` and the last
one is cut with an ellipsis ("…").
"""

from __future__ import annotations

import logging
import threading
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, NamedTuple
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from smesco_desk.printing import _bidi, _fit
from smesco_desk.printing._fit import ELLIPSIS as ELLIPSIS  # re-exported
from smesco_desk.printing._fontfiles import (
    GENERIC,
    MONO,
    PRIMARY,
    FamilyCandidate,
    FontFileIndex,
    candidates_for_script,
    default_search_roots,
    script_of,
)
from smesco_desk.printing._subsets import keep_subsets

log = logging.getLogger(__name__)

Align = Literal["left", "center", "right"]
MISSING = "?"
# Characters that may ride along in the font of the run they are in.
_NEUTRAL_CATEGORIES = frozenset({"Zs", "Mn", "Me", "Pc", "Pd", "Po", "Ps", "Pe"})


class TextRun(NamedTuple):
    """A piece of text and the registered font name that has all its glyphs."""

    text: str
    font: str


@dataclass(frozen=True)
class _Face:
    name: str
    cmap: Mapping[int, int] | None  # None: a standard PDF font (WinAnsi encoding)

    def has(self, ch: str) -> bool:
        if self.cmap is not None:
            return ord(ch) in self.cmap or ch == "\u00a0" and 32 in self.cmap
        try:
            ch.encode("cp1252")
        except UnicodeEncodeError:
            return False
        return ch.isprintable()


@dataclass(frozen=True)
class _Family:
    regular: _Face
    bold: _Face

    def faces(self, bold: bool) -> tuple[_Face, _Face]:
        return (self.bold, self.regular) if bold else (self.regular, self.bold)


_HELVETICA = _Family(_Face("Helvetica", None), _Face("Helvetica-Bold", None))
_COURIER = _Family(_Face("Courier", None), _Face("Courier-Bold", None))
_loaded_faces: dict[tuple[Path, int], _Face | None] = {}
_loaded_lock = threading.Lock()


def _load_face(path: Path, subfont: int) -> _Face | None:
    """Register one font file with ReportLab (once per process)."""
    key = (path, subfont)
    with _loaded_lock:
        if key not in _loaded_faces:
            _loaded_faces[key] = _register(path, subfont)
        return _loaded_faces[key]


def _register(path: Path, subfont: int) -> _Face | None:
    name = "SD-" + path.stem.replace(" ", "") + (f"-{subfont}" if subfont else "")
    if any(face is not None and face.name == name for face in _loaded_faces.values()):
        name += f"-{len(_loaded_faces)}"  # same file name in another folder
    try:
        font = TTFont(name, str(path), subfontIndex=subfont, shapable=False)
        keep_subsets(font)  # subsets made once per process (see _subsets)
        pdfmetrics.registerFont(font)
    except Exception as error:  # a font file is outside input: any parse error
        log.warning("font %s not usable: %s", path, error)
        return None
    return _Face(name, font.face.charToGlyph)


class FontRegistry:
    """The fonts found under some folders, and which font draws which character."""

    def __init__(self, roots: Sequence[Path] | None = None) -> None:
        self._files = FontFileIndex(default_search_roots() if roots is None else roots)
        self._lock = threading.RLock()
        self._families: list[_Family] | None = None
        self._mono: _Family | None = None
        self._tried: set[FamilyCandidate] = set()
        self._cache: dict[tuple[str, bool], str | None] = {}
        self._runs: dict[tuple[str, bool, bool], tuple[TextRun, ...]] = {}

    def _load_family(self, candidate: FamilyCandidate) -> _Family | None:
        self._tried.add(candidate)
        path = self._files.find(candidate.regular)
        regular = _load_face(path, candidate.subfont) if path else None
        if regular is None:
            return None
        bold_path = self._files.find(candidate.bold) if candidate.bold else None
        bold = _load_face(bold_path, candidate.subfont) if bold_path else None
        return _Family(regular, bold or regular)

    def _first(self, candidates: Sequence[FamilyCandidate], default: _Family) -> _Family:
        for candidate in candidates:
            family = self._load_family(candidate)
            if family is not None:
                return family
        log.warning("no TrueType font found; falling back to %s", default.regular.name)
        return default

    def families(self) -> list[_Family]:
        with self._lock:
            if self._families is None:
                self._families = [self._first(PRIMARY, _HELVETICA)]
            return self._families

    def primary(self) -> _Family:
        return self.families()[0]

    def mono(self) -> _Family:
        with self._lock:
            if self._mono is None:
                self._mono = self._first(MONO, _COURIER)
            return self._mono

    def font_for(self, ch: str, bold: bool) -> str | None:
        """The font that draws this character, loading fallback fonts if needed."""
        with self._lock:
            key = (ch, bold)
            if key not in self._cache:
                self._cache[key] = self._search_loaded(ch, bold) or self._search_new(ch, bold)
            return self._cache[key]

    def _search_loaded(self, ch: str, bold: bool) -> str | None:
        for family in self.families():
            for face in family.faces(bold):
                if face.has(ch):
                    return face.name
        return None

    def _search_new(self, ch: str, bold: bool) -> str | None:
        script = script_of(ch)
        candidates = (candidates_for_script(script) if script else ()) + GENERIC
        for candidate in candidates:
            if candidate in self._tried:
                continue
            family = self._load_family(candidate)
            if family is None:
                continue
            self.families().append(family)
            for face in family.faces(bold):
                if face.has(ch):
                    return face.name
        return None

    def runs(self, text: str, bold: bool = False, mono: bool = False) -> list[TextRun]:
        """Split text (cleaned, in visual order) into runs of one font each."""
        key = (text, bold, mono)
        with self._lock:
            if key not in self._runs:
                if len(self._runs) > 20_000:  # a bound, not an LRU: documents repeat words
                    self._runs.clear()
                self._runs[key] = tuple(self._split(clean_text(text), bold, mono))
            return list(self._runs[key])

    def _split(self, text: str, bold: bool, mono: bool) -> list[TextRun]:
        if not text:
            return []
        if mono:
            face = self.mono().bold if bold else self.mono().regular
            if all(face.has(ch) for ch in text):
                return [TextRun(text, face.name)]
        face = self.primary().bold if bold else self.primary().regular
        if all(face.has(ch) for ch in text) and not _bidi.needs_bidi(text):
            return [TextRun(text, face.name)]  # the common case: one font does it all
        text = _bidi.visual(text, lambda ch: self.font_for(ch, bold) is not None)
        runs: list[TextRun] = []
        for ch in text:
            char, font = self._place(ch, bold, runs[-1].font if runs else None)
            font = font or face.name
            if not char:
                continue
            if runs and runs[-1].font == font:
                runs[-1] = TextRun(runs[-1].text + char, font)
            else:
                runs.append(TextRun(char, font))
        return runs

    def _place(self, ch: str, bold: bool, current: str | None) -> tuple[str, str | None]:
        """The character to draw (maybe '?' or nothing) and its font."""
        category = unicodedata.category(ch)
        if current is not None and category in _NEUTRAL_CATEGORIES:
            face = self._face_named(current)
            if face is not None and face.has(ch):
                return ch, current
        font = self.font_for(ch, bold)
        if font is not None:
            return ch, font
        if category in ("Cf", "Mn", "Me"):
            return "", None  # invisible or a mark: leave it out rather than print "?"
        return MISSING, None

    def _face_named(self, name: str) -> _Face | None:
        for family in self.families():
            for face in (family.regular, family.bold):
                if face.name == name:
                    return face
        return None


_JOINERS = frozenset("\u200c\u200d")  # zero width (non-)joiner: they steer shaping


def clean_text(text: str) -> str:
    """NFC-normalised, one line, single spaces, no control or format characters.

    Format characters (zero width space, soft hyphen, bidi marks) are dropped:
    some fonts draw them as visible glyphs, and the bidi code orders text itself.
    """
    text = unicodedata.normalize("NFC", text)
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if category in ("Cc", "Zl", "Zp"):
            kept.append(" ")
        elif category != "Cf" or ch in _JOINERS:
            kept.append(ch)
    return " ".join("".join(kept).split())


_default_registry: FontRegistry | None = None
_default_lock = threading.Lock()


def registry() -> FontRegistry:
    """The process-wide registry over resources/fonts and the system folders."""
    global _default_registry
    with _default_lock:
        if _default_registry is None:
            _default_registry = FontRegistry()
        return _default_registry


def register_fonts() -> None:
    """Register the main fonts now (otherwise it happens on first use)."""
    registry().primary()
    registry().mono()


def base_font(bold: bool = False) -> str:
    """The registered name of the main face."""
    family = registry().primary()
    return family.bold.name if bold else family.regular.name


def font_runs(text: str, bold: bool = False, mono: bool = False) -> list[TextRun]:
    return registry().runs(text, bold, mono)


def _run_width(run: TextRun, size: float) -> float:
    return float(pdfmetrics.stringWidth(run.text, run.font, size))


def text_width(text: str, size: float, bold: bool = False, mono: bool = False) -> float:
    """Width in points of the text as drawn, with its fallback runs."""
    return sum((_run_width(run, size) for run in font_runs(text, bold, mono)), 0.0)


def draw_text(
    canvas: Any,
    text: str,
    x: float,
    y: float,
    size: float,
    bold: bool = False,
    align: Align = "left",
    mono: bool = False,
) -> float:
    """Draw one line at baseline y; return its width."""
    runs = font_runs(text, bold, mono)
    width = sum((_run_width(run, size) for run in runs), 0.0)
    x -= {"left": 0.0, "center": width / 2, "right": width}[align]
    for run in runs:
        canvas.setFont(run.font, size)
        canvas.drawString(x, y, run.text)
        x += _run_width(run, size)
    return width


def paragraph_markup(text: str, bold: bool = False) -> str:
    """Paragraph XML that draws each run in its own font."""
    return "".join(
        f'<font name="{run.font}">{escape(run.text)}</font>' for run in font_runs(text, bold)
    )


# --- fitting ---------------------------------------------------------------


@dataclass(frozen=True)
class FittedText:
    """How a text was fitted: its lines, the size used and the widest line."""

    lines: tuple[str, ...]
    size: float
    width: float
    leading: float
    truncated: bool = False

    @property
    def height(self) -> float:
        """From the first baseline to the last one."""
        return self.leading * max(len(self.lines) - 1, 0)


def fit_text(
    text: str,
    max_width: float,
    font_size: float,
    min_size: float,
    bold: bool = False,
    *,
    max_lines: int = 2,
    leading: float = 1.18,
    mono: bool = False,
) -> FittedText:
    """Choose the size and the line breaks for text in max_width (module docstring)."""
    text = clean_text(text)
    if not text:
        return FittedText((), font_size, 0.0, font_size * leading)

    def measure(lines: Sequence[str], size: float) -> float:
        return max(text_width(line, size, bold, mono) for line in lines)

    def fitted(lines: Sequence[str], size: float, truncated: bool = False) -> FittedText:
        return FittedText(tuple(lines), size, measure(lines, size), size * leading, truncated)

    def width_at(size: float) -> _fit.Width:
        return lambda line: text_width(line, size, bold, mono)

    tokens, joiner = _fit.tokens(text)
    for count in range(1, min(max(max_lines, 1), len(tokens)) + 1):
        lines = _fit.balanced(tokens, joiner, count, width_at(1.0))
        size = _fit.largest_size(measure(lines, 1.0), max_width, font_size)
        if size >= min_size:
            return fitted(lines, size)
    lines = _fit.greedy(tokens, joiner, max_width, max(max_lines, 1), width_at(min_size))
    return fitted(lines, min_size, truncated=True)


def draw_text_fitted(
    canvas: Any,
    text: str,
    x: float,
    y: float,
    max_width: float,
    font_size: float,
    min_size: float,
    bold: bool = False,
    align: Align = "left",
    *,
    max_lines: int = 2,
    leading: float = 1.18,
    mono: bool = False,
) -> FittedText:
    """Fit text (see `fit_text`) and draw it; y is the first line's baseline."""
    fit = fit_text(
        text, max_width, font_size, min_size, bold, max_lines=max_lines, leading=leading, mono=mono
    )
    for index, line in enumerate(fit.lines):
        draw_text(canvas, line, x, y - index * fit.leading, fit.size, bold, align, mono)
    return fit
