"""A tenant's documents (issue 12): a PDF, JPEG or PNG of at most 10 MB attached
to a tenant is stored in the database (the row and its bytes) and as a private
file in the data folder; opening it reads the file and writes it again from the
database when it is missing or changed; removing it tombstones the rows and
empties the bytes; the owner's documents go with the owner's erasure and are
listed by the exports."""

from __future__ import annotations

import base64
import json
import stat
from pathlib import Path

import pytest

from smesco_desk.domain.documents import MAX_DOCUMENT_BYTES, clean_file_name, sha256_hex
from smesco_desk.errors import NotFound, PermissionDenied, ValidationError
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from tests.core.helpers_core import NIK_SITI, rows, scalar, visitor_form
from tests.core.helpers_foodcourt import tenant_form

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100


def _tenant(core: Core, manager: Actor, **more: str) -> str:
    return core.foodcourt.save_tenant(manager, tenant_form(**more)).id


def test_attach_stores_rows_bytes_and_a_private_file(
    core: Core, tenant_manager: Actor, tmp_path: Path
) -> None:
    tenant = _tenant(core, tenant_manager)
    scan = tmp_path / "Kontrak Ali (scan).pdf"
    scan.write_bytes(PDF)
    doc = core.foodcourt.attach_document(tenant_manager, tenant, scan, "", "lease_scan")
    assert (doc.title, doc.kind, doc.file_name) == (
        "Kontrak Ali (scan)", "lease_scan", "Kontrak Ali (scan).pdf")  # fmt: skip
    assert (doc.media_type, doc.size, doc.sha256) == ("application/pdf", len(PDF), sha256_hex(PDF))
    assert scalar(
        core, "SELECT length(content) FROM document_blobs WHERE document_id = :i", i=doc.id
    ) == len(PDF)
    opened = core.foodcourt.document_content(doc.id)
    assert opened.content == PDF and opened.path.read_bytes() == PDF
    assert opened.path.parent == core.data_dir / "documents"  # type: ignore[operator]
    assert stat.S_IMODE(opened.path.stat().st_mode) == 0o600
    # Both rows are queued for sync, the bytes as base64 in the payload.
    (payload,) = rows(core, "SELECT payload FROM outbox WHERE entity = 'document_blobs'")
    assert base64.b64decode(json.loads(payload[0])["content"]) == PDF
    assert [d.id for d in core.foodcourt.tenant_documents(tenant)] == [doc.id]


def test_opening_rewrites_a_missing_or_changed_file(core: Core, tenant_manager: Actor) -> None:
    tenant = _tenant(core, tenant_manager)
    doc = core.foodcourt.attach_document(tenant_manager, tenant, PNG, "Izin", "permit", "izin.png")
    path = core.foodcourt.document_content(doc.id).path
    path.unlink()
    assert core.foodcourt.document_content(doc.id).content == PNG
    path.write_bytes(b"\x89PNG\r\n\x1a\nrusak")
    assert core.foodcourt.document_content(doc.id).content == PNG
    assert path.read_bytes() == PNG


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "kosong"),
        (b"GIF89a" + b"\x00" * 10, "PDF, JPG atau PNG"),
        (b"%PDF-" + b"\x00" * MAX_DOCUMENT_BYTES, "10 MB"),
    ],
)
def test_refuses_empty_large_or_other_files(
    core: Core, tenant_manager: Actor, content: bytes, message: str
) -> None:
    tenant = _tenant(core, tenant_manager)
    with pytest.raises(ValidationError) as refused:
        core.foodcourt.attach_document(tenant_manager, tenant, content, "x", "other", "x.pdf")
    assert message in refused.value.errors["file"]
    assert scalar(core, "SELECT count(*) FROM tenant_documents") == 0


def test_refuses_unknown_kind_tenant_and_role(
    core: Core, tenant_manager: Actor, receptionist: Actor
) -> None:
    tenant = _tenant(core, tenant_manager)
    with pytest.raises(ValidationError) as refused:
        core.foodcourt.attach_document(tenant_manager, tenant, PDF, "x", "ktp", "x.pdf")
    assert "kind" in refused.value.errors
    with pytest.raises(NotFound):
        core.foodcourt.attach_document(tenant_manager, "nope", PDF, "x", "other", "x.pdf")
    with pytest.raises(PermissionDenied):
        core.foodcourt.attach_document(receptionist, tenant, PDF, "x", "other", "x.pdf")


def test_file_names_are_cleaned_and_take_the_type_s_extension() -> None:
    assert clean_file_name("C:\\scan\\izin usaha.PDF", "application/pdf") == "izin usaha.pdf"
    assert clean_file_name("../../etc/passwd", "image/png") == "passwd.png"
    assert clean_file_name("foto.jpeg", "image/jpeg") == "foto.jpg"
    assert clean_file_name("", "image/png") == "dokumen.png"


def test_remove_tombstones_empties_the_bytes_and_deletes_the_file(
    core: Core, tenant_manager: Actor
) -> None:
    tenant = _tenant(core, tenant_manager)
    doc = core.foodcourt.attach_document(tenant_manager, tenant, PDF, "Kontrak", "lease_scan")
    path = core.foodcourt.document_content(doc.id).path
    core.foodcourt.remove_document(tenant_manager, doc.id)
    assert not path.exists()
    assert core.foodcourt.tenant_documents(tenant) == []
    assert rows(core, "SELECT deleted_at IS NOT NULL, length(content) FROM document_blobs") == [
        (1, 0)
    ]
    with pytest.raises(NotFound):
        core.foodcourt.document_content(doc.id)


def test_erasing_the_owner_erases_their_documents(
    core: Core, tenant_manager: Actor, supervisor: Actor, receptionist: Actor
) -> None:
    tenant = _tenant(core, tenant_manager, name="Nasi Uduk", owner="Siti Rahayu", nik=NIK_SITI)
    doc = core.foodcourt.attach_document(tenant_manager, tenant, PDF, "KTP Siti", "other")
    path = core.foodcourt.document_content(doc.id).path
    exported = core.privacy.export_owner(supervisor, tenant)
    assert [d["title"] for d in exported["tenant_documents"]] == ["KTP Siti"]
    assert exported["stored_in"]["tables"] == {
        "businesses": 1,
        "tenant_documents": 1,
        "document_blobs": 1,
    }
    visit = core.visitors.register(receptionist, visitor_form(nik=NIK_SITI))
    data = core.privacy.export_visitor(supervisor, visit.visitor_id)
    assert [d["document_id"] for d in data["tenant_documents"]] == [doc.id]
    assert data["stored_in"]["tables"]["tenant_documents"] == 1
    core.privacy.erase_owner(supervisor, tenant)
    assert not path.exists()
    assert rows(core, "SELECT title, file_name, deleted_at IS NOT NULL FROM tenant_documents") == [
        ("", "", 1)
    ]
    assert scalar(core, "SELECT length(content) FROM document_blobs") == 0
    assert core.foodcourt.tenant_documents(tenant) == []
    # The blanked rows are queued: sync carries them to every desk.
    queued = rows(
        core,
        "SELECT payload FROM outbox WHERE entity = 'document_blobs' ORDER BY seq DESC LIMIT 1",
    )
    assert json.loads(queued[0][0])["content"] == ""


def test_erasing_the_visitor_who_owns_the_business_erases_the_documents(
    core: Core, tenant_manager: Actor, supervisor: Actor, receptionist: Actor
) -> None:
    tenant = _tenant(core, tenant_manager, name="Nasi Uduk", owner="Siti Rahayu", nik=NIK_SITI)
    doc = core.foodcourt.attach_document(tenant_manager, tenant, PNG, "Izin", "permit", "i.png")
    path = core.foodcourt.document_content(doc.id).path
    visit = core.visitors.register(receptionist, visitor_form(nik=NIK_SITI))
    core.privacy.erase_visitor(supervisor, visit.visitor_id)
    assert not path.exists()
    assert scalar(core, "SELECT count(*) FROM tenant_documents WHERE deleted_at IS NULL") == 0
