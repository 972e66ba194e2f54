"""Documents attached to a food-court tenant (a scan of the lease, a permit, a
halal certificate), stored in the database so that sync carries them to every
desk, and copied into the data folder to be opened (services.foodcourt.attachments).

`tenant_documents` holds what a list shows (title, kind, file name, type,
size, SHA-256); `document_blobs` holds the bytes, one row per document (its own
id: sync keys rows by id across tables), so listing documents never reads them and two desks
attaching the same file offline never collide on a shared key. A blob travels
as base64 in the JSON payloads of sync (smesco_desk.sync.tables), on the
server as `bytea`.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from smesco_desk.db.models.base import Base, SyncedMixin


class TenantDocument(SyncedMixin, Base):
    """One document of a tenant. `kind`: lease_scan | permit | halal | other
    (smesco_desk.domain.documents); `sha256` of the bytes, hex."""

    __tablename__ = "tenant_documents"
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    file_name: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    added_by: Mapped[str] = mapped_column(String(64))


class DocumentBlob(SyncedMixin, Base):
    """The bytes of one document (`document_id`, one blob each). Emptied (and
    tombstoned) when the document is removed or its owner's data is erased."""

    __tablename__ = "document_blobs"
    document_id: Mapped[str] = mapped_column(ForeignKey("tenant_documents.id"), unique=True)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
