"""Documents attached to a tenant: a scan of the lease, a permit, a halal
certificate (smesco_desk.domain.documents says what may be attached).

A document is two synced rows written in one transaction: `tenant_documents`
(what a list shows) and `document_blobs` (its bytes, `document_id` the document),
so sync carries it to every desk and the server like any other row (the bytes
as base64 in the JSON payloads, `bytea` on the server). Every desk also keeps
it as a private file (0600) in the data folder, `documents/<id>.<ext>`:
written when it is attached, and when sync pulls it (`write_pulled`, run after
every pull that brought documents); opening a document reads that file, and
writes it again from the database when it is missing or not the same bytes.

Removing a document tombstones both rows and empties the blob (the bytes are
gone from every desk once sync carries it) and deletes the file. The owner's
documents are personal data: erasing the owner does the same to every
document of their tenants (services.privacy).
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from smesco_desk.db.models import DocumentBlob, SyncedMixin, Tenant, TenantDocument
from smesco_desk.domain.documents import (
    MAX_DOCUMENT_BYTES,
    MAX_TITLE,
    DocumentKind,
    clean_file_name,
    content_errors,
    extension,
    kind_errors,
    media_type_of,
    sha256_hex,
)
from smesco_desk.domain.text import clean_name, text_errors
from smesco_desk.errors import NotFound, ValidationError
from smesco_desk.i18n import _
from smesco_desk.private_files import make_private_dir, write_private
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.foodcourt.tenants import tenant_row
from smesco_desk.services.queries import get_live
from smesco_desk.services.transaction import Transaction
from smesco_desk.values import value_from
from smesco_desk.values.documents import DocumentContent, TenantDocumentInfo

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

log = logging.getLogger(__name__)
TABLES = frozenset({"tenant_documents", "document_blobs"})


def documents_dir(core: Core) -> Path:
    """The folder of the documents' files: `documents` in the data folder (a
    private temporary folder for a core without one)."""
    base = core.data_dir
    if base is None:
        base = Path(tempfile.gettempdir()) / f"smesco-desk-{id(core):x}"
    return base / "documents"


def document_path(core: Core, row: TenantDocument) -> Path:
    return documents_dir(core) / f"{row.id}.{extension(row.media_type)}"


def info(row: TenantDocument) -> TenantDocumentInfo:
    return value_from(
        TenantDocumentInfo, row, added_at=row.created_at, removed=row.deleted_at is not None
    )


def _read_source(source: Path | bytes, file_name: str) -> tuple[bytes, str]:
    """The bytes to attach and the name they came with; ValidationError at `file`."""
    if isinstance(source, bytes | bytearray):
        return bytes(source), file_name
    if not isinstance(source, str | Path):
        raise ValidationError({"file": _("Pilih berkas untuk dilampirkan.")})
    path = Path(source)
    try:
        if path.stat().st_size > MAX_DOCUMENT_BYTES:
            raise ValidationError({"file": _("Berkas paling besar 10 MB.")})
        with path.open("rb") as handle:
            content = handle.read(MAX_DOCUMENT_BYTES + 1)
    except (OSError, ValueError):
        raise ValidationError({"file": _("Berkas tidak dapat dibaca.")}) from None
    return content, file_name or path.name


def attach_document(
    core: Core,
    actor: Actor,
    tenant_id: str,
    source: Path | bytes,
    title: str = "",
    kind: str = DocumentKind.OTHER.value,
    file_name: str = "",
) -> TenantDocumentInfo:
    """Attach a file (a path, or its bytes with `file_name`) to a tenant as a
    document of `kind` titled `title` (the file's name when empty).
    ValidationError at `file`, `title` or `kind`; NotFound for an unknown tenant."""
    require(actor, Permission.MANAGE_TENANTS)
    errors = text_errors({"tenant_id": tenant_id, "title": title, "file_name": file_name})
    errors |= kind_errors(kind)
    if errors:
        raise ValidationError(errors)
    content, name = _read_source(source, file_name)
    errors = content_errors(content)
    if errors:
        raise ValidationError(errors)
    media_type = media_type_of(content)
    assert media_type is not None  # (content_errors refused anything else)
    shown = clean_file_name(name or "dokumen", media_type)
    title = clean_name(title) or shown.rsplit(".", 1)[0]
    if len(title) > MAX_TITLE:
        raise ValidationError({"title": _("Paling panjang {n} huruf.").format(n=MAX_TITLE)})
    digest = sha256_hex(content)
    with Transaction.begin(core, actor) as tx:
        tenant = tenant_row(tx.session, tenant_id)
        row = tx.insert(
            TenantDocument(
                tenant_id=tenant.id,
                title=title,
                kind=kind,
                file_name=shown,
                media_type=media_type,
                size=len(content),
                sha256=digest,
                added_by=actor.username[:64],
            )
        )
        tx.session.flush()  # the document before its bytes (their foreign key)
        blob = tx.insert(DocumentBlob(document_id=row.id, sha256=digest, content=content))
        detail = {"tenant_id": tenant.id, "kind": kind, "size": len(content), "sha256": digest}
        tx.record("tenant_document.attach", [(row, "insert"), (blob, "insert")], detail)
        result = info(row)
        path = document_path(core, row)
    _write_file(path, content)
    return result


def tenant_documents(core: Core, tenant_id: str) -> list[TenantDocumentInfo]:
    """A tenant's documents (not removed), newest first."""
    with core.db.read() as session:
        tenant = tenant_row(session, tenant_id)
        rows = session.scalars(
            select(TenantDocument)
            .where(TenantDocument.tenant_id == tenant.id, TenantDocument.deleted_at.is_(None))
            .order_by(TenantDocument.created_at.desc(), TenantDocument.id.desc())
        ).all()
        return [info(r) for r in rows]


def _document_row(session: Session, document_id: object) -> TenantDocument:
    if not isinstance(document_id, str) or text_errors({"document_id": document_id}):
        document_id = ""
    return get_live(session, TenantDocument, document_id, _("Dokumen tidak ditemukan."))


def document_content(core: Core, document_id: str) -> DocumentContent:
    """A document's bytes and its file in the data folder (written again from the
    database when missing or changed). NotFound for a removed or unknown one."""
    with core.db.read() as session:
        row = _document_row(session, document_id)
        value, path = info(row), document_path(core, row)
    content = _read_file(path)
    if content is not None and len(content) == value.size and sha256_hex(content) == value.sha256:
        return DocumentContent(value, path, content)
    with core.db.read() as session:
        blob = _blob(session, value.id)
        if blob is None or blob.deleted_at is not None or sha256_hex(blob.content) != value.sha256:
            # The row arrived before its bytes (a pull still under way).
            raise NotFound(_("Isi dokumen ini belum diterima dari server; sinkronkan dulu."))
        content = bytes(blob.content)
    _write_file(path, content)
    return DocumentContent(value, path, content)


def remove_document(core: Core, actor: Actor, document_id: str) -> TenantDocumentInfo:
    """Remove a document: both rows tombstoned, the bytes emptied, the file deleted."""
    require(actor, Permission.MANAGE_TENANTS)
    with Transaction.begin(core, actor) as tx:
        row = _document_row(tx.session, document_id)
        rows = forget_documents(tx, [row])
        tx.record("tenant_document.remove", rows, {"tenant_id": row.tenant_id})
        result = info(row)
        path = document_path(core, row)
    path.unlink(missing_ok=True)
    return result


def forget_documents(
    tx: Transaction, rows: Sequence[TenantDocument], blank: bool = False
) -> list[tuple[SyncedMixin, str]]:
    """Tombstone documents and empty their bytes in `tx`; with `blank` (an erasure)
    their title and file name go too. The rows changed, for the caller to record.
    (The files go with `write_pulled` or the caller.)"""
    changed: list[tuple[SyncedMixin, str]] = []
    for row in rows:
        if row.deleted_at is None or (blank and row.title):
            row.deleted_at = row.deleted_at or tx.now
            if blank:
                row.title, row.file_name = "", ""
            changed.append((tx.update(row), "update"))
        blob = _blob(tx.session, row.id)
        if blob is not None and (blob.deleted_at is None or blob.content):
            blob.deleted_at, blob.content = blob.deleted_at or tx.now, b""
            changed.append((tx.update(blob), "update"))
    return changed


def documents_of_tenants(session: Session, tenant_ids: Collection[str]) -> list[TenantDocument]:
    """Every document (removed ones too) of these tenants, oldest first."""
    if not tenant_ids:
        return []
    query = select(TenantDocument).where(TenantDocument.tenant_id.in_(list(tenant_ids)))
    return list(session.scalars(query.order_by(TenantDocument.created_at, TenantDocument.id)))


def documents_of_businesses(
    session: Session, business_ids: Collection[str]
) -> list[TenantDocument]:
    """Every document of the tenants of these businesses (their owners' documents)."""
    if not business_ids:
        return []
    tenants = session.scalars(select(Tenant.id).where(Tenant.business_id.in_(list(business_ids))))
    return documents_of_tenants(session, list(tenants))


def write_pulled(core: Core, tables: Collection[str]) -> int:
    """After a pull (or an enrolment) that wrote documents: write the file of each
    live document whose bytes are here and whose file is missing or of another
    size, and delete the files of removed documents and any stray file. Returns
    how many files were written. Failures are logged: opening writes it again."""
    if not TABLES & set(tables):
        return 0
    folder = documents_dir(core)
    with core.db.read() as session:
        rows = session.scalars(select(TenantDocument)).all()
        live = {document_path(core, r).name: r for r in rows if r.deleted_at is None}
        wanted = [
            (r.id, folder / name, r.size, r.sha256)
            for name, r in live.items()
            if not _has_size(folder / name, r.size)
        ]
    written = 0
    for doc_id, path, size, digest in wanted:
        with core.db.read() as session:
            blob = _blob(session, doc_id)
            content = None if blob is None or blob.deleted_at is not None else bytes(blob.content)
        if content is None or len(content) != size or sha256_hex(content) != digest:
            continue  # its bytes have not arrived yet
        try:
            _write_file(path, content)
            written += 1
        except OSError:
            log.exception("could not write document %s", path)
    if folder.is_dir():
        for stray in folder.iterdir():
            if stray.is_file() and stray.name not in live and not stray.name.startswith("."):
                stray.unlink(missing_ok=True)
    return written


def remove_files(core: Core, rows: Sequence[TenantDocument]) -> None:
    for row in rows:
        document_path(core, row).unlink(missing_ok=True)


def _blob(session: Session, document_id: str) -> DocumentBlob | None:
    return session.scalar(select(DocumentBlob).where(DocumentBlob.document_id == document_id))


def _has_size(path: Path, size: int) -> bool:
    try:
        return path.stat().st_size == size
    except OSError:
        return False


def _read_file(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _write_file(path: Path, content: bytes) -> None:
    make_private_dir(path.parent)
    write_private(path, content)
