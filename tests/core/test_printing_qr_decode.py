"""The badge's QR code really scans: render the PDF to pixels and decode it."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from smesco_desk.printing.badge import BadgeData, render_badge, render_badge_label

VISIT_ID = "0193a5f2-7c1e-7b3a-9e4d-2f6a8b1c3d5f"


def _badge(name: str) -> BadgeData:
    now = datetime(2026, 11, 27, 3, 15, tzinfo=UTC)
    return BadgeData(
        VISIT_ID,
        "D01-261127-007",
        name,
        "Koperasi Wanita Sejahtera",
        "Rapat",
        "Ibu Ratna (Inkubasi Bisnis)",
        now,
        now,
    )


@pytest.mark.parametrize("dpi", [150, 300])
@pytest.mark.parametrize("render", [render_badge, render_badge_label])
@pytest.mark.parametrize("name", ["Siti", "Raden Ajeng Siti Nurhaliza binti Abdul Rahman"])
def test_qr_decodes_to_the_visit_id(tmp_path: Path, render: object, dpi: int, name: str) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed (apt-get install poppler-utils)")
    pdf = tmp_path / "badge.pdf"
    pdf.write_bytes(render(_badge(name)))  # type: ignore[operator]
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", "-singlefile", str(pdf), str(tmp_path / "badge")],
        check=True,
    )
    found = zxingcpp.read_barcodes(Image.open(tmp_path / "badge.png"))
    assert [(r.format, r.text) for r in found] == [(zxingcpp.BarcodeFormat.QRCode, VISIT_ID)]
