"""Plain frozen values of a tenant's documents (smesco_desk.domain.documents)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from smesco_desk.clock import iso


@dataclass(frozen=True)
class TenantDocumentInfo:
    id: str
    tenant_id: str
    title: str
    kind: str  # smesco_desk.domain.documents.DocumentKind
    file_name: str
    media_type: str
    size: int  # bytes
    sha256: str
    added_by: str
    added_at: datetime
    removed: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "tenant_id": self.tenant_id,
            "title": self.title,
            "kind": self.kind,
            "file_name": self.file_name,
            "media_type": self.media_type,
            "size": self.size,
            "sha256": self.sha256,
            "added_by": self.added_by,
            "added_at": iso(self.added_at),
        }


@dataclass(frozen=True)
class DocumentContent:
    """A document's bytes and the private file in the data folder that holds them."""

    document: TenantDocumentInfo
    path: Path
    content: bytes
