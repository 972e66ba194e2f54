"""`attach-document TENANT_ID FILE [--title] [--kind]` and `tenant-documents
TENANT_ID --json`, driven as a script would (in this process, helpers_cli); a
file that is not a PDF, JPG or PNG is one line on stderr and nothing written.
`move-lease` and `cancel-conflicted-lease` refuse a lease that is not in conflict."""

from __future__ import annotations

from pathlib import Path

from tests.core.helpers_cli import PASSWORD, run
from tests.core.test_cli_foodcourt import day, desk, ok, stalls_and_a_tenant

__all__ = ["desk"]  # the fixture, shared


def test_attach_and_list_documents(desk: Path, tmp_path: Path) -> None:
    tenant = stalls_and_a_tenant(desk)
    scan = tmp_path / "izin usaha.pdf"
    scan.write_bytes(b"%PDF-1.4\nizin\n%%EOF\n")
    doc = ok(desk, "attach-document", tenant, str(scan), "--kind", "permit",
             "--user", "dewi", stdin=PASSWORD + "\n")  # fmt: skip
    assert (doc["title"], doc["kind"], doc["file_name"]) == (
        "izin usaha",
        "permit",
        "izin usaha.pdf",
    )
    assert (desk / "documents" / f"{doc['id']}.pdf").read_bytes() == scan.read_bytes()
    listed = ok(desk, "tenant-documents", tenant)
    assert [(d["id"], d["media_type"], d["size"]) for d in listed] == [
        (doc["id"], "application/pdf", scan.stat().st_size)
    ]
    other = tmp_path / "catatan.txt"
    other.write_text("bukan dokumen")
    refused = run(desk, "attach-document", tenant, str(other), "--title", "Catatan")
    assert refused.returncode != 0 and "PDF, JPG atau PNG" in refused.stderr
    assert len(ok(desk, "tenant-documents", tenant)) == 1


def test_only_a_lease_in_conflict_moves(desk: Path) -> None:
    tenant = stalls_and_a_tenant(desk)
    lease = ok(desk, "lease", "--tenant", tenant, "--stall", "FC2-07", "--start", day(1),
               "--end", day(30))  # fmt: skip
    moved = run(desk, "move-lease", lease["id"], "--stall", "FC1-03", "--start", day(1),
                "--end", day(30))  # fmt: skip
    assert moved.returncode != 0 and "tidak sedang bentrok" in moved.stderr
    cancelled = run(desk, "cancel-conflicted-lease", lease["id"])
    assert cancelled.returncode != 0 and "tidak sedang bentrok" in cancelled.stderr
