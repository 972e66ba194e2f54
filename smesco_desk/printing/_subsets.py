"""Font subsets made once per process, not once per document.

Every PDF embeds, for each TrueType face it uses, a subset of the font file
holding the glyphs it draws. ReportLab builds that subset (`makeSubset`) and
compresses it (zlib) anew for every document: about 1 ms a face, three faces
on a badge or a kuitansi. The subset depends only on the face and the list of
characters in it, and ReportLab's first subset always begins with the 128 ASCII
positions (`asciiReadable`), so documents in Latin letters mostly share the same
lists: the subset bytes and their compressed stream are kept here, keyed by
that list, and handed out again; so are the font's Widths array as formatted
and its compressed ToUnicode map. The PDF is byte for byte what ReportLab would
write without the cache.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from reportlab.pdfbase import pdfdoc

KEEP = 16  # subsets kept per face; compressed streams and Widths kept in all (~35 KB each)


class _Kept:
    """A small least-recently-used map, safe to share between threads."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Any, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any) -> bytes | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: Any, value: bytes) -> None:
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)


class _KeptFlate:
    """ReportLab's FlateDecode filter, remembering the font files it compressed."""

    pdfname = pdfdoc.PDFZCompress.pdfname

    def __init__(self) -> None:
        self._done = _Kept(KEEP)

    def encode(self, content: bytes) -> bytes:
        found = self._done.get(content)
        if found is None:
            found = pdfdoc.PDFZCompress.encode(content)
            self._done.put(content, found)
        return found

    def decode(self, encoded: bytes) -> bytes:
        return bytes(pdfdoc.PDFZCompress.decode(encoded))


_FLATE = _KeptFlate()
_NUMBERS = (int, float)


class _KeptArray(pdfdoc.PDFArray):  # type: ignore[misc]  # ReportLab has no type hints
    """A font's Widths: numbers only, so formatted once per distinct list."""

    _formatted = _Kept(KEEP)

    def format(self, document: Any, IND: bytes = b"\n ") -> bytes:  # noqa: N803 (ReportLab's)
        key = (IND, tuple(self.sequence))
        found = self._formatted.get(key)
        if found is None:
            found = super().format(document, IND)
            self._formatted.put(key, found)
        return found


def _keep_font_objects(doc: Any) -> None:
    """The document's TrueType font dictionaries: their Widths formatted and their
    ToUnicode maps compressed once per distinct content."""
    fonts = doc.idToObject.get("BasicFonts")
    for font in fonts.dict.values() if fonts is not None else ():
        if not isinstance(font, pdfdoc.PDFTrueTypeFont):
            continue
        widths: Any = getattr(font, "Widths", None)
        if type(widths) is pdfdoc.PDFArray and all(type(w) in _NUMBERS for w in widths.sequence):
            font.Widths = _KeptArray(widths.sequence)
        cmap = doc.idToObject.get(f"toUnicodeCMap:{getattr(font, 'BaseFont', '')}")
        if cmap is not None and cmap.filters == [pdfdoc.PDFZCompress]:
            cmap.filters = [_FLATE]


def keep_subsets(font: Any) -> None:
    """Make a registered ReportLab TTFont reuse its subsets across documents."""
    face = font.face
    make, add = face.makeSubset, face.addSubsetObjects
    made = _Kept(KEEP)

    def make_subset(subset: list[int]) -> bytes:
        key = tuple(subset)
        found = made.get(key)
        if found is None:
            found = make(subset)
            made.put(key, found)
        return found

    def add_subset_objects(doc: Any, fontname: str, subset: list[int]) -> Any:
        reference = add(doc, fontname, subset)
        stream = doc.idToObject.get(f"fontFile:{face.filename}({fontname})")
        if stream is not None and stream.filters == [pdfdoc.PDFZCompress]:
            stream.filters = [_FLATE]
        return reference

    def add_objects(doc: Any) -> None:
        add_font(doc)
        _keep_font_objects(doc)

    add_font = font.addObjects
    face.makeSubset = make_subset
    face.addSubsetObjects = add_subset_objects
    font.addObjects = add_objects
