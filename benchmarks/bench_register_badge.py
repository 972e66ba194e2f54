"""Register a walk-in and make their badge PDF: the receptionist's main job.

    uv run python benchmarks/bench_register_badge.py [--visits 1000000] [--runs 200]

Times `core.visitors.register(actor, form)` followed by
`core.visitors.badge_pdf(visit.id)` on a fresh database and on a private copy
of the 1,000,000-visit history (the cached file never grows), 70% new
visitors (30% of them with a NIK) and 30% returning ones. Beside it, two
floors: `render_badge(BadgeData)` called directly (the raw ReportLab drawing
of the same badge, no database), and a bare ReportLab canvas with a few
drawString calls and a QR code. Budget: register + badge <= 60 ms.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from _common import budget_line, header, percentile, time_ms
from generate_history import PASSWORD, _initialise, _name, _nik, copy_history, load_samples

from smesco_desk.demo import HOSTS, ORGS, PURPOSES
from smesco_desk.services.core import Core, open_core
from smesco_desk.values.visitors import VisitorForm

BUDGET_MS = 60.0


def forms(
    core: Core, rng: random.Random, runs: int, returning_phones: list[str]
) -> list[VisitorForm]:
    """What the receptionist submits: new walk-ins, and returning visitors picked from suggest."""
    actor = core.users.authenticate("sari", PASSWORD)
    returning = [
        s.visitor_id for phone in returning_phones for s in core.visitors.suggest(actor, phone)[:1]
    ]
    out = []
    for i in range(runs):
        purpose, host = rng.choice(PURPOSES), rng.choice(HOSTS)
        if returning and rng.random() < 0.3:
            details = core.visitors.visitor_details(actor, rng.choice(returning))
            out.append(
                VisitorForm(
                    details.name,
                    details.phone,
                    purpose,
                    details.organisation,
                    host=host,
                    consent=True,
                    visitor_id=details.visitor_id,
                )
            )
            continue
        nik = _nik(rng) if rng.random() < 0.3 else ""
        phone = f"08{rng.choice(['12', '13', '57', '77'])}{rng.randrange(10**7, 10**8)}{i % 10}"
        out.append(VisitorForm(_name(rng), phone, purpose, rng.choice(ORGS), nik, host, True))
    return out


def bench_service(label: str, core: Core, runs: int, returning_phones: list[str]) -> float:
    actor = core.users.authenticate("sari", PASSWORD)
    all_forms = forms(core, random.Random(11), runs + 5, returning_phones)
    for form in all_forms[:5]:  # warm-up: fonts registered, statements cached
        core.visitors.badge_pdf(core.visitors.register(actor, form).id)
    reg, badge, total = [], [], []
    for form in all_forms[5:]:
        started = time.perf_counter_ns()
        visit = core.visitors.register(actor, form)
        middle = time.perf_counter_ns()
        pdf = core.visitors.badge_pdf(visit.id)
        ended = time.perf_counter_ns()
        assert pdf.startswith(b"%PDF")
        reg.append((middle - started) / 1e6)
        badge.append((ended - middle) / 1e6)
        total.append((ended - started) / 1e6)
    print(f"   {label}")
    for name, values in (("register", reg), ("badge_pdf", badge), ("register + badge", total)):
        print(
            f"     {name:<17} median {statistics.median(values):6.2f} ms  "
            f"p95 {percentile(values, 95):6.2f} ms  max {max(values):6.2f} ms  (n={len(values)})"
        )
    print("     " + budget_line("register + badge p95", percentile(total, 95), BUDGET_MS))
    return statistics.median(total)


def badge_data(rng: random.Random, i: int):  # type: ignore[no-untyped-def]
    from smesco_desk.printing.badge import BadgeData

    now = datetime.now(UTC)
    return BadgeData(
        visit_id=f"01a21ee0-ab7e-7d04-8c00-{i:012x}",
        badge_number=f"D01-261127-{i % 1000:03d}",
        name=_name(rng),
        organisation=rng.choice(ORGS),
        purpose_label="Pelatihan / Kelas",
        host=rng.choice(HOSTS),
        checked_in_at=now,
        valid_until=now + timedelta(hours=6),
    )


def bare_canvas(i: int) -> bytes:
    """The floor: a CR80 page with a few strings and a QR code, nothing laid out."""
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(85.6 * mm, 54 * mm), invariant=True)
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawString(5 * mm, 40 * mm, "Siti Nurhaliza Santoso")
    canvas.setFont("Helvetica", 9)
    canvas.drawString(5 * mm, 34 * mm, "Koperasi Wanita Sejahtera Depok")
    canvas.drawString(5 * mm, 29 * mm, "Pelatihan / Kelas")
    canvas.drawString(5 * mm, 6 * mm, f"D01-261127-{i % 1000:03d}")
    qr = QrCodeWidget(f"01a21ee0-ab7e-7d04-8c00-{i:012x}")
    x0, y0, x1, y1 = qr.getBounds()
    drawing = Drawing(
        22 * mm, 22 * mm, transform=[22 * mm / (x1 - x0), 0, 0, 22 * mm / (y1 - y0), 0, 0]
    )
    drawing.add(qr)
    renderPDF.draw(drawing, canvas, 60 * mm, 5 * mm)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def qr_one_path(i: int, fixed_mask: bool = False) -> bytes:
    """A possible fix, measured: the same QR from ReportLab's own encoder drawn as ONE
    path of module squares, instead of QrCodeWidget's ~220 Rect shapes (and, with
    `fixed_mask`, without trying all eight mask patterns; any mask decodes)."""
    from reportlab.graphics.barcode import qrencoder
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(f"01a21ee0-ab7e-7d04-8c00-{i:012x}")
    if fixed_mask:
        qr.version = qr.calculate_version()
        qr.makeImpl(False, 0)
    else:
        qr.make()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(85.6 * mm, 54 * mm), invariant=True)
    count, size = qr.getModuleCount(), 22 * mm / qr.getModuleCount()
    path = canvas.beginPath()
    for row in range(count):
        for col in range(count):
            if qr.isDark(row, col):
                path.rect(60 * mm + col * size, 5 * mm + (count - 1 - row) * size, size, size)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def draw_qr_one_path(canvas, payload, box, fixed_mask=False):  # type: ignore[no-untyped-def]
    """Stand-in for badge._draw_qr(canvas, payload, box): the proposed fix, to measure it."""
    from reportlab.graphics.barcode import qrencoder

    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(payload)
    if fixed_mask:
        qr.version = qr.calculate_version()
        qr.makeImpl(False, 0)
    else:
        qr.make()
    count = qr.getModuleCount()
    size = min(box.width, box.height) / count
    path = canvas.beginPath()
    for row in range(count):
        for col in range(count):
            if qr.isDark(row, col):
                path.rect(box.x + col * size, box.y + (count - 1 - row) * size, size, size)
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def patched_render(runs: int) -> None:
    """render_badge with its QR drawer swapped in this process only (source untouched)."""
    from smesco_desk.printing import badge

    if not hasattr(badge, "_draw_qr"):
        return
    rng = random.Random(13)
    data = [badge_data(rng, i) for i in range(runs)]
    original = badge._draw_qr
    try:
        for label, fixed in (("best mask", False), ("fixed mask", True)):
            badge._draw_qr = lambda c, p, b, f=fixed: draw_qr_one_path(c, p, b, f)
            badge.render_badge(data[0])
            values = [time_ms(lambda d=d: badge.render_badge(d)) for d in data]
            print(
                f"   render_badge, QR as one path ({label:<10}) median "
                f"{statistics.median(values):6.2f} ms  p95 {percentile(values, 95):6.2f} ms"
            )
    finally:
        badge._draw_qr = original


class Timed:
    """Adds up the time spent in named functions while active (a breakdown without a profiler)."""

    def __init__(self, targets: list[tuple[object, str, str]]) -> None:
        self.targets = [
            (owner, attr, label) for owner, attr, label in targets if hasattr(owner, attr)
        ]
        self.spent = {label: 0.0 for _, _, label in self.targets}

    def __enter__(self) -> Timed:
        self.saved = [(owner, attr, getattr(owner, attr)) for owner, attr, _ in self.targets]
        for owner, attr, label in self.targets:
            setattr(owner, attr, self._wrap(getattr(owner, attr), label))
        return self

    def _wrap(self, fn, label):  # type: ignore[no-untyped-def]
        def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
            started = time.perf_counter_ns()
            try:
                return fn(*args, **kwargs)
            finally:
                self.spent[label] += (time.perf_counter_ns() - started) / 1e6

        return timed

    def __exit__(self, *exc: object) -> None:
        for owner, attr, fn in self.saved:
            setattr(owner, attr, fn)


def badge_breakdown(runs: int) -> None:
    """Where render_badge's time goes: layout, QR (encode + draw), PDF save."""
    from reportlab.graphics.barcode import qrencoder
    from reportlab.pdfgen.canvas import Canvas

    from smesco_desk.printing import badge

    rng = random.Random(9)
    data = [badge_data(rng, i) for i in range(runs)]
    started = time.perf_counter_ns()
    with Timed(
        [
            (badge, "layout_badge", "layout (fonts, fitting)"),
            (badge, "_draw_qr", "QR: QrCodeWidget encode + draw"),
            (qrencoder.QRCode, "make", "  of which QR encode (8-mask search)"),
            (Canvas, "save", "PDF save (font subsets, zlib)"),
        ]
    ) as timed:
        for d in data:
            badge.render_badge(d)
    total = (time.perf_counter_ns() - started) / 1e6
    print(f"   render_badge breakdown, mean over {runs} badges ({total / runs:.1f} ms each):")
    for label, spent in timed.spent.items():
        print(f"     {label:<38} {spent / runs:6.2f} ms  ({spent / total:4.0%})")
    try:
        import _rl_accel  # noqa: F401

        accel = "installed"
    except ImportError:
        accel = "NOT installed (pure-Python fp_str etc.; pip install rl-accel)"
    print(f"     ReportLab C accelerator (_rl_accel): {accel}")


def bench_floors(runs: int) -> tuple[float, float]:
    from smesco_desk.printing.badge import render_badge

    rng = random.Random(5)
    first = time_ms(lambda: render_badge(badge_data(rng, 0)))
    data = [badge_data(rng, i) for i in range(runs)]
    direct = [time_ms(lambda d=d: render_badge(d)) for d in data]
    bare_first = time_ms(lambda: bare_canvas(0))
    bare = [time_ms(lambda i=i: bare_canvas(i)) for i in range(runs)]
    print(
        f"   render_badge(BadgeData) direct  median {statistics.median(direct):6.2f} ms  "
        f"p95 {percentile(direct, 95):6.2f} ms  (first call in process {first:.1f} ms)"
    )
    print(
        f"   bare canvas + QR                median {statistics.median(bare):6.2f} ms  "
        f"p95 {percentile(bare, 95):6.2f} ms  (first call {bare_first:.1f} ms)"
    )
    for label, fixed in (
        ("QR as one path (best mask)", False),
        ("QR as one path, fixed mask", True),
    ):
        values = [time_ms(lambda i=i, f=fixed: qr_one_path(i, f)) for i in range(runs)]
        print(
            f"   bare canvas + {label:<27} median {statistics.median(values):6.2f} ms  "
            f"p95 {percentile(values, 95):6.2f} ms"
        )
    patched_render(runs)
    badge_breakdown(min(runs, 100))
    return statistics.median(direct), statistics.median(bare)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args(argv)
    samples = load_samples(args.visits)
    header(f"register + badge PDF, {args.runs} runs")
    print("-- floors (no database)")
    bench_floors(args.runs)
    print("-- through the services")
    with tempfile.TemporaryDirectory() as tmp:
        big = copy_history(Path(tmp, "big"), args.visits)  # both databases exist before timing
        fresh = Path(tmp, "fresh")
        _initialise(fresh)
        os.sync()
        cases = [("fresh database", fresh, []),
                 (f"copy of the {samples['visits']:,}-visit history", big,
                  samples["sample_phones"][:40])]  # fmt: skip
        for label, data_dir, returning in cases:
            core = open_core(data_dir)
            try:
                bench_service(label, core, args.runs, returning)
            finally:
                core.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
