"""A tenant's documents travel between desks (issue 12): attached at one desk,
the document's row and its bytes reach the server (bytea) and the other desk,
which writes the file into its own data folder; removing it there empties the
bytes everywhere and deletes the file at the first desk on its next pull. A
desk that joins later gets the files with its download."""

from __future__ import annotations

import hashlib
import os

import psycopg
import pytest

from smesco_desk.services.actors import Actor, Role
from smesco_desk.sync import desk as local
from smesco_desk.sync import server
from smesco_desk.sync.connection import conninfo
from tests.core.helpers_foodcourt import tenant_form
from tests.sync.helpers_sync import Desks, server_rows, sync_all
from tests.sync.proxy import TcpProxy

pytestmark = pytest.mark.slow

ADMIN = Actor("admin", Role.ADMIN, "user", "Admin")
PDF = b"%PDF-1.7\n" + bytes(range(256)) * 4000 + b"\n%%EOF\n"  # about 1 MB, every byte value


def test_a_document_attached_at_one_desk_is_a_file_at_the_other(
    desks: Desks, server_url: str
) -> None:
    d1, d2 = desks.first("D01"), desks.join("D02")
    tenant = d1.foodcourt.save_tenant(ADMIN, tenant_form())
    doc = d1.foodcourt.attach_document(ADMIN, tenant.id, PDF, "Kontrak sewa", "lease_scan", "k.pdf")
    sync_all(d1, d2)
    ((size, digest),) = server_rows(
        server_url,
        "SELECT length(content), sha256 FROM document_blobs WHERE document_id = %s",
        doc.id,
    )
    assert (size, digest) == (len(PDF), hashlib.sha256(PDF).hexdigest())
    assert d2.data_dir is not None
    written = d2.data_dir / "documents" / f"{doc.id}.pdf"
    assert written.read_bytes() == PDF  # written by the pull, before anyone opens it
    assert [d.title for d in d2.foodcourt.tenant_documents(tenant.id)] == ["Kontrak sewa"]
    assert d2.foodcourt.document_content(doc.id).content == PDF

    d3 = desks.join("D03")  # a desk enrolled later downloads it with the rest
    assert d3.data_dir is not None
    assert (d3.data_dir / "documents" / f"{doc.id}.pdf").read_bytes() == PDF

    d2.foodcourt.remove_document(ADMIN, doc.id)
    sync_all(d2, d1)
    assert d1.data_dir is not None
    assert not (d1.data_dir / "documents" / f"{doc.id}.pdf").exists()
    assert d1.foodcourt.tenant_documents(tenant.id) == []
    assert server_rows(
        server_url, "SELECT length(content), deleted_at IS NOT NULL FROM document_blobs"
    ) == [(0, True)]


def test_an_erased_owner_s_documents_go_at_every_desk(desks: Desks, server_url: str) -> None:
    d1, d2 = desks.first("D01"), desks.join("D02")
    tenant = d1.foodcourt.save_tenant(ADMIN, tenant_form())
    doc = d1.foodcourt.attach_document(ADMIN, tenant.id, PDF, "KTP pemilik", "other", "ktp.pdf")
    sync_all(d1, d2)
    assert d2.data_dir is not None
    file = d2.data_dir / "documents" / f"{doc.id}.pdf"
    assert file.exists()
    d1.privacy.erase_owner(ADMIN, tenant.id)
    sync_all(d1, d2)
    assert not file.exists()
    assert server_rows(
        server_url, "SELECT d.title, length(b.content) FROM tenant_documents d"
        " JOIN document_blobs b ON b.document_id = d.id"
    ) == [("", 0)]  # fmt: skip


def test_a_document_attached_offline_after_the_erasure_is_erased_too(
    proxied_desks: Desks, proxy: TcpProxy, server_url: str
) -> None:
    """D02, offline, attaches a scan of the owner's KTP while D01 erases the owner:
    the server blanks it on its way in (erasures.business_ids), and D02 blanks its
    own copy and deletes the file when it pulls the erasure."""
    d1, d2 = proxied_desks.first("D01"), proxied_desks.join("D02")
    tenant = d1.foodcourt.save_tenant(ADMIN, tenant_form())
    sync_all(d1, d2)
    proxy.go_offline()
    doc = d2.foodcourt.attach_document(ADMIN, tenant.id, PDF, "KTP Ali", "other", "ktp.pdf")
    assert d2.data_dir is not None
    file = d2.data_dir / "documents" / f"{doc.id}.pdf"
    assert file.exists()
    proxy.go_online()
    d1.privacy.erase_owner(ADMIN, tenant.id)
    sync_all(d1)
    sync_all(d2, d1)
    assert server_rows(
        server_url,
        "SELECT d.title, d.deleted_at IS NOT NULL, length(b.content), b.deleted_at IS NOT NULL"
        " FROM tenant_documents d JOIN document_blobs b ON b.document_id = d.id",
    ) == [("", True, 0, True)]
    assert not server_rows(
        server_url, "SELECT seq FROM sync_changes WHERE payload::text LIKE %s", "%KTP Ali%"
    )
    for core in (d1, d2):
        assert core.foodcourt.tenant_documents(tenant.id) == []
    assert not file.exists()


def test_pushes_and_pulls_stop_at_a_byte_budget(desks: Desks, server_url: str) -> None:
    """Documents' bytes travel in payloads: a batch holds about `max_bytes` of them
    (never splitting a transaction, always at least one), so three 1 MB scans go
    one at a time with a 1.5 MB budget, and everything still arrives."""
    d1, d2 = desks.first("D01"), desks.join("D02")
    tenant = d1.foodcourt.save_tenant(ADMIN, tenant_form())
    sync_all(d1, d2)
    scans = [b"%PDF-1.4\n" + os.urandom(1_000_000) for _ in range(3)]
    for n, scan in enumerate(scans):
        d1.foodcourt.attach_document(ADMIN, tenant.id, scan, f"Scan {n}", "other", "s.pdf")
    with d1.db.read() as session:
        everything = local.pending_batch(session, 500)
        first = local.pending_batch(session, 500, max_bytes=1_500_000)
    assert len({op.txn for op in everything}) == 3
    assert len({op.txn for op in first}) == 1 and first == everything[: len(first)]
    sync_all(d1)
    with psycopg.connect(**conninfo(server_url, "test")) as conn:
        cursor = int(server_rows(server_url, "SELECT max(seq) FROM sync_changes")[0][0]) - 20
        whole = server.fetch_changes(conn, cursor, 1000)
        budget = server.fetch_changes(conn, cursor, 1000, max_bytes=1_500_000)
    assert [c.seq for c in budget] == [c.seq for c in whole][: len(budget)]
    assert 1 <= sum(c.entity == "document_blobs" for c in budget) < 3
    sync_all(d2)
    assert sorted(d.title for d in d2.foodcourt.tenant_documents(tenant.id)) == [
        "Scan 0", "Scan 1", "Scan 2"]  # fmt: skip
