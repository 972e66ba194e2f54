"""Arabic joining and right-to-left ordering, enough for names on a badge.

ReportLab draws glyphs left to right, one per character, without shaping (that
would need uharfbuzz and fribidi, which we do not ship). So before text is drawn
we turn Arabic letters into their contextual presentation forms (isolated,
initial, medial, final, and the lam-alef ligatures) and put right-to-left runs
into visual order with a small subset of the Unicode bidi algorithm: one
paragraph level from the first strong character, numbers kept left to right,
neutrals resolved from their neighbours, mirrored brackets. Combining marks stay
after their base so fonts position them as in left-to-right text. No explicit
embeddings or isolates: a visitor's name does not need them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import cache

HasGlyph = Callable[[str], bool]

_FORM_SUFFIXES = {" ISOLATED FORM": 0, " FINAL FORM": 1, " INITIAL FORM": 2, " MEDIAL FORM": 3}
_LAM = "\u0644"
# lam + alef variant -> (isolated, final) ligature
_LAM_ALEF = {
    "\u0622": ("\ufef5", "\ufef6"),
    "\u0623": ("\ufef7", "\ufef8"),
    "\u0625": ("\ufef9", "\ufefa"),
    "\u0627": ("\ufefb", "\ufefc"),
}
_JOIN_CAUSING = frozenset("\u0640\u200d")  # tatweel, zero width joiner
_MIRROR = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹", strict=True))


@cache
def _forms() -> dict[str, tuple[str | None, str | None, str | None, str | None]]:
    """Base letter -> (isolated, final, initial, medial), read from Unicode names."""
    table: dict[str, list[str | None]] = {}
    for block in (range(0xFB50, 0xFE00), range(0xFE70, 0xFF00)):
        for code in block:
            name = unicodedata.name(chr(code), "")
            for suffix, slot in _FORM_SUFFIXES.items():
                if name.startswith("ARABIC LETTER ") and name.endswith(suffix):
                    try:
                        base = unicodedata.lookup(name.removesuffix(suffix))
                    except KeyError:
                        break
                    table.setdefault(base, [None, None, None, None])[slot] = chr(code)
                    break
    return {base: (f[0], f[1], f[2], f[3]) for base, f in table.items()}


def needs_bidi(text: str) -> bool:
    """True if the text has right-to-left characters (fast path for the rest)."""
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def visual(text: str, has_glyph: HasGlyph) -> str:
    """The text shaped and reordered for left-to-right drawing."""
    if not needs_bidi(text):
        return text
    return _reorder(shape_arabic(text, has_glyph))


# --- joining ---------------------------------------------------------------


def _joining(ch: str) -> str:
    """Joining type: D(ual), R(ight), C(ausing), T(ransparent) or U(non-joining)."""
    if ch in _JOIN_CAUSING:
        return "C"
    forms = _forms().get(ch)
    if forms is not None and forms[1] is not None:
        return "D" if forms[2] is not None else "R"
    if unicodedata.category(ch) in ("Mn", "Me", "Cf") and ch != "\u200c":
        return "T"
    return "U"


def _neighbour(text: str, index: int, step: int) -> str:
    """Joining type of the nearest non-transparent character in a direction."""
    index += step
    while 0 <= index < len(text):
        kind = _joining(text[index])
        if kind != "T":
            return kind
        index += step
    return "U"


def shape_arabic(text: str, has_glyph: HasGlyph) -> str:
    """Replace Arabic letters by contextual forms the fonts have (logical order)."""
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        kind = _joining(ch)
        if kind not in ("D", "R"):
            out.append(ch)
            i += 1
            continue
        joins_prev = kind in ("D", "R") and _neighbour(text, i, -1) in ("D", "C")
        if ch == _LAM and i + 1 < len(text) and text[i + 1] in _LAM_ALEF:
            ligature = _LAM_ALEF[text[i + 1]][1 if joins_prev else 0]
            if has_glyph(ligature):
                out.append(ligature)
                i += 2
                continue
        joins_next = kind == "D" and _neighbour(text, i, 1) in ("D", "R", "C")
        slot = {(False, False): 0, (True, False): 1, (False, True): 2, (True, True): 3}
        form = _forms()[ch][slot[(joins_prev, joins_next)]]
        out.append(form if form is not None and has_glyph(form) else ch)
        i += 1
    return "".join(out)


# --- ordering --------------------------------------------------------------


def _strong(ch: str) -> str | None:
    kind = unicodedata.bidirectional(ch)
    if kind == "L":
        return "L"
    if kind in ("R", "AL"):
        return "R"
    return None


def _types(text: str, base: str) -> list[str]:
    """Resolved type per character: 'L', 'R' or 'N' (a number inside R context)."""
    types: list[str] = []
    last_strong = base
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        strong = _strong(ch)
        if strong is not None:
            last_strong = strong
            types.append(strong)
        elif kind in ("EN", "AN"):
            types.append("L" if kind == "EN" and last_strong == "L" else "N")
        elif kind == "NSM" and types:
            types.append(types[-1])
        else:
            types.append("")  # neutral, resolved below
    return types


def _resolve_neutrals(types: list[str], base: str) -> list[str]:
    resolved = list(types)
    i = 0
    while i < len(resolved):
        if resolved[i]:
            i += 1
            continue
        j = i
        while j < len(resolved) and not resolved[j]:
            j += 1
        before = _direction(resolved[i - 1]) if i > 0 else base
        after = _direction(resolved[j]) if j < len(resolved) else base
        fill = before if before == after else base
        resolved[i:j] = [fill] * (j - i)
        i = j
    return resolved


def _direction(kind: str) -> str:
    return "R" if kind == "N" else kind


def _levels(text: str) -> list[int]:
    first = next((s for s in map(_strong, text) if s is not None), "L")
    base_level = 1 if first == "R" else 0
    types = _resolve_neutrals(_types(text, first), first)
    levels: list[int] = []
    for kind in types:
        if base_level == 0:
            levels.append({"L": 0, "R": 1, "N": 2}[kind])
        else:
            levels.append({"L": 2, "R": 1, "N": 2}[kind])
    return levels


def _clusters(text: str, levels: list[int]) -> list[tuple[str, int]]:
    """Base characters with their following combining marks, and their level."""
    clusters: list[tuple[str, int]] = []
    for ch, level in zip(text, levels, strict=True):
        if clusters and unicodedata.combining(ch):
            prev, prev_level = clusters[-1]
            clusters[-1] = (prev + ch, prev_level)
        else:
            clusters.append((ch, level))
    return clusters


def _reorder(text: str) -> str:
    clusters = _clusters(text, _levels(text))
    highest = max(level for _, level in clusters)
    for level in range(highest, 0, -1):
        i = 0
        while i < len(clusters):
            if clusters[i][1] < level:
                i += 1
                continue
            j = i
            while j < len(clusters) and clusters[j][1] >= level:
                j += 1
            clusters[i:j] = clusters[i:j][::-1]
            i = j
    return "".join(_MIRROR.get(chars, chars) if level % 2 else chars for chars, level in clusters)
