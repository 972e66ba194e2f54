"""The rules of a tenant's documents: what may be attached, and how it is named.

A document is a PDF, a JPEG or a PNG (scans and photos of a lease, a permit, a
halal certificate) of at most 10 MB; its type is read from its first bytes,
not from its name, and the name it is kept under ends with that type's
extension. Sync carries the bytes to every desk (as base64 in its JSON
payloads), so the limit keeps one document from holding up a pull.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from enum import StrEnum

from smesco_desk.i18n import N_, _

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
MAX_TITLE = 200
MAX_FILE_NAME = 200

# Media type -> (the magic its bytes start with, the extension it is kept under).
MEDIA_TYPES: dict[str, tuple[bytes, str]] = {
    "application/pdf": (b"%PDF-", "pdf"),
    "image/jpeg": (b"\xff\xd8\xff", "jpg"),
    "image/png": (b"\x89PNG\r\n\x1a\n", "png"),
}
_UNSAFE = re.compile(r"[^\w .()\-]+")


class DocumentKind(StrEnum):
    LEASE_SCAN = "lease_scan"
    PERMIT = "permit"
    HALAL = "halal"
    OTHER = "other"


KIND_LABELS = {
    DocumentKind.LEASE_SCAN: N_("Pindaian kontrak sewa"),
    DocumentKind.PERMIT: N_("Izin usaha"),
    DocumentKind.HALAL: N_("Sertifikat halal"),
    DocumentKind.OTHER: N_("Lainnya"),
}


def media_type_of(content: bytes) -> str | None:
    """The media type of a PDF, JPEG or PNG by its first bytes; None for anything else."""
    for media_type, (magic, _ext) in MEDIA_TYPES.items():
        if content.startswith(magic):
            return media_type
    return None


def extension(media_type: str) -> str:
    return MEDIA_TYPES[media_type][1]


def sha256_hex(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def clean_file_name(name: str, media_type: str) -> str:
    """A file name as shown and exported: its last path part, without control or
    path characters, at most MAX_FILE_NAME long, ending with the type's extension."""
    base = unicodedata.normalize("NFC", name.replace("\\", "/").rsplit("/", 1)[-1])
    base = _UNSAFE.sub("_", base).strip(" ._") or "dokumen"
    ext = extension(media_type)
    stem = base.rsplit(".", 1)[0] if "." in base else base
    stem = stem[: MAX_FILE_NAME - len(ext) - 1].rstrip(" ._") or "dokumen"
    return f"{stem}.{ext}"


def content_errors(content: bytes) -> dict[str, str]:
    """What is wrong with a document's bytes, at the field `file`."""
    if not content:
        return {"file": _("Berkas kosong.")}
    if len(content) > MAX_DOCUMENT_BYTES:
        return {"file": _("Berkas paling besar 10 MB.")}
    if media_type_of(content) is None:
        return {"file": _("Hanya PDF, JPG atau PNG.")}
    return {}


def kind_errors(kind: object) -> dict[str, str]:
    if kind not in {k.value for k in DocumentKind}:
        return {"kind": _("Jenis dokumen tidak dikenal.")}
    return {}
