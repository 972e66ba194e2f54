"""Where font files are looked for, and which files are worth trying for a script.

Nothing here touches ReportLab: this module only finds files. The bundled
`resources/fonts/` folder is searched first, so an installation can pin its fonts
by dropping files with the same names there; then the usual system folders of
Linux, Windows and macOS.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from smesco_desk.paths import resource


@dataclass(frozen=True)
class FamilyCandidate:
    """A regular face and (optionally) its bold face, by file name."""

    regular: str
    bold: str | None = None
    subfont: int = 0  # index inside a .ttc collection


def _family(stem: str) -> FamilyCandidate:
    return FamilyCandidate(f"{stem}-Regular.ttf", f"{stem}-Bold.ttf")


# The main font for names: wide Latin coverage with every diacritic, plus Greek
# and Cyrillic. DejaVu Sans first (fonts-dejavu-core on Debian/Ubuntu).
PRIMARY: tuple[FamilyCandidate, ...] = (
    FamilyCandidate("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    _family("NotoSans"),
    FamilyCandidate("segoeui.ttf", "segoeuib.ttf"),
    FamilyCandidate("arial.ttf", "arialbd.ttf"),
    FamilyCandidate("Arial.ttf", "Arial Bold.ttf"),
    _family("LiberationSans"),
    FamilyCandidate("FreeSans.ttf", "FreeSansBold.ttf"),
)

# Badge numbers are typed back by people: a monospaced face keeps 0/O and 1/l apart.
MONO: tuple[FamilyCandidate, ...] = (
    FamilyCandidate("DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf"),
    _family("NotoSansMono"),
    FamilyCandidate("consola.ttf", "consolab.ttf"),
    _family("LiberationMono"),
)

# Tried, in order, for characters that no loaded font has and whose script has
# no entry below (rare Latin/Greek/Cyrillic letters, symbols).
GENERIC: tuple[FamilyCandidate, ...] = (
    _family("NotoSans"),
    FamilyCandidate("NotoSansSymbols-Regular.ttf", "NotoSansSymbols-Bold.ttf"),
    FamilyCandidate("NotoSansSymbols2-Regular.ttf"),
    FamilyCandidate("NotoSansMath-Regular.ttf"),
    FamilyCandidate("segoeui.ttf", "segoeuib.ttf"),
    FamilyCandidate("seguisym.ttf"),
    FamilyCandidate("arial.ttf", "arialbd.ttf"),
    FamilyCandidate("Arial Unicode.ttf"),
    FamilyCandidate("ARIALUNI.TTF"),
)

# CJK needs TrueType outlines: ReportLab cannot embed CFF fonts such as the
# Noto Sans CJK .ttc files, so those are not listed.
_CJK: tuple[FamilyCandidate, ...] = (
    FamilyCandidate("wqy-zenhei.ttc"),
    FamilyCandidate("wqy-microhei.ttc"),
    FamilyCandidate("DroidSansFallbackFull.ttf"),
    FamilyCandidate("DroidSansFallback.ttf"),
    FamilyCandidate("uming.ttc"),
    FamilyCandidate("msyh.ttc", "msyhbd.ttc"),
    FamilyCandidate("msyh.ttf", "msyhbd.ttf"),
    FamilyCandidate("simsun.ttc"),
    FamilyCandidate("simhei.ttf"),
    FamilyCandidate("msgothic.ttc"),
    FamilyCandidate("meiryo.ttc", "meiryob.ttc"),
    FamilyCandidate("YuGothR.ttc", "YuGothB.ttc"),
    FamilyCandidate("malgun.ttf", "malgunbd.ttf"),
    FamilyCandidate("NanumGothic.ttf", "NanumGothicBold.ttf"),
    FamilyCandidate("STHeiti Light.ttc", "STHeiti Medium.ttc"),
    FamilyCandidate("AppleGothic.ttf"),
    FamilyCandidate("Arial Unicode.ttf"),
    FamilyCandidate("ARIALUNI.TTF"),
)

_INDIC_WINDOWS = (FamilyCandidate("Nirmala.ttf", "NirmalaB.ttf"),)

# Fonts of the operating systems that cover a script, after the Noto ones.
_SYSTEM_EXTRAS: dict[str, tuple[FamilyCandidate, ...]] = {
    "Arabic": (
        FamilyCandidate("segoeui.ttf", "segoeuib.ttf"),
        FamilyCandidate("tahoma.ttf", "tahomabd.ttf"),
        FamilyCandidate("arial.ttf", "arialbd.ttf"),
        FamilyCandidate("GeezaPro.ttc"),
    ),
    "Hebrew": (
        FamilyCandidate("segoeui.ttf", "segoeuib.ttf"),
        FamilyCandidate("arial.ttf", "arialbd.ttf"),
    ),
    "Thai": (
        FamilyCandidate("LeelawUI.ttf", "LeelaUIb.ttf"),
        FamilyCandidate("tahoma.ttf", "tahomabd.ttf"),
        FamilyCandidate("Thonburi.ttc"),
    ),
    "Devanagari": _INDIC_WINDOWS + (FamilyCandidate("mangal.ttf", "mangalb.ttf"),),
    "Bengali": _INDIC_WINDOWS,
    "Tamil": _INDIC_WINDOWS,
    "Telugu": _INDIC_WINDOWS,
    "Kannada": _INDIC_WINDOWS,
    "Malayalam": _INDIC_WINDOWS,
    "Gujarati": _INDIC_WINDOWS,
    "Gurmukhi": _INDIC_WINDOWS,
    "Oriya": _INDIC_WINDOWS,
    "Sinhala": _INDIC_WINDOWS,
    "Javanese": (FamilyCandidate("javatext.ttf"),),
    "Khmer": (FamilyCandidate("LeelawUI.ttf", "LeelaUIb.ttf"),),
    "Lao": (FamilyCandidate("LeelawUI.ttf", "LeelaUIb.ttf"),),
    "Myanmar": (FamilyCandidate("mmrtext.ttf", "mmrtextb.ttf"),),
    "Georgian": (FamilyCandidate("sylfaen.ttf"),),
    "Armenian": (FamilyCandidate("sylfaen.ttf"),),
    "Ethiopic": (FamilyCandidate("ebrima.ttf", "ebrimabd.ttf"),),
}

# Unicode name prefixes that belong to the CJK group.
_CJK_PREFIXES = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO", "IDEOGRAPHIC", "FULLWIDTH")
# Words that end the script part of a character name ("THAI CHARACTER KO KAI").
_NAME_STOPS = frozenset(
    [
        "LETTER",
        "CHARACTER",
        "SYLLABLE",
        "SIGN",
        "VOWEL",
        "DIGIT",
        "NUMBER",
        "MARK",
        "CONSONANT",
        "LIGATURE",
        "PUNCTUATION",
        "SYMBOL",
        "SMALL",
        "CAPITAL",
        "INDEPENDENT",
        "DEPENDENT",
        "FRACTION",
        "TONE",
    ]
)


def script_of(char: str) -> str | None:
    """A CamelCase script name guessed from the character's Unicode name.

    "THAI CHARACTER KO KAI" gives "Thai", "OL CHIKI LETTER LA" gives "OlChiki";
    all CJK-like characters give "CJK". None for characters without a name.
    """
    name = unicodedata.name(char, "")
    if not name:
        return None
    if name.startswith(_CJK_PREFIXES):
        return "CJK"
    words: list[str] = []
    for word in name.split():
        if word in _NAME_STOPS:
            break
        words.append(word)
    if not words or len(words) == len(name.split()):
        return None
    return "".join(word.capitalize() for word in words)


def candidates_for_script(script: str) -> tuple[FamilyCandidate, ...]:
    """Font files worth trying, in order, for characters of a script."""
    if script == "CJK":
        return _CJK
    noto = (_family(f"NotoSans{script}"), _family(f"NotoSerif{script}"))
    return noto + _SYSTEM_EXTRAS.get(script, ())


def system_font_dirs() -> list[Path]:
    """The folders where the operating system keeps fonts, most specific first."""
    home = Path.home()
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [
            home / "Library" / "Fonts",
            Path("/Library/Fonts"),
            Path("/System/Library/Fonts"),
            Path("/System/Library/Fonts/Supplemental"),
        ]
    data_home = Path(os.environ.get("XDG_DATA_HOME", home / ".local" / "share"))
    return [
        data_home / "fonts",
        home / ".fonts",
        Path("/usr/local/share/fonts"),
        Path("/usr/share/fonts"),
    ]


def default_search_roots() -> list[Path]:
    return [resource("fonts"), *system_font_dirs()]


class FontFileIndex:
    """File name (case-insensitive) to path, over the search roots in order.

    The folders are walked once, on first use; the first root holding a file wins.
    """

    def __init__(self, roots: Sequence[Path]) -> None:
        self._roots = list(roots)
        self._index: dict[str, Path] | None = None

    def find(self, file_name: str) -> Path | None:
        if self._index is None:
            self._index = self._build()
        return self._index.get(file_name.lower())

    def _build(self) -> dict[str, Path]:
        index: dict[str, Path] = {}
        for root in self._roots:
            for path in _walk_fonts(root):
                index.setdefault(path.name.lower(), path)
        return index


def _walk_fonts(root: Path) -> Iterable[Path]:
    if not root.is_dir():
        return
    for folder, _dirs, files in os.walk(root):
        for name in sorted(files):
            if name.lower().endswith((".ttf", ".ttc")):
                yield Path(folder) / name
