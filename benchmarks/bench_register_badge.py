"""Register a walk-in and make their badge PDF: the receptionist's main job.

    uv run python benchmarks/bench_register_badge.py [--visits 1000000] [--runs 200]

Times `core.visitors.register(actor, form)` followed by
`core.visitors.badge_pdf(visit.id)` on a fresh database and on a private copy
of the 1,000,000-visit history (the cached file never grows), 70% new
visitors (30% of them with a NIK) and 30% returning ones, in two passes taken
in turn, one registration of each (so a busy machine weighs on both alike):
the UI's path, where a NIK's pseudonym was prepared while the rest of the form
was typed (`prepare_nik`, off the clock: the form does it on the worker when
the NIK field is left), and "not prepared", where `register` computes it
(Enter pressed in the NIK field, the command line). Each figure is printed
beside its engine's, with the ratio of the medians: `render_badge` and the
service path beside a bare ReportLab canvas drawing the same badge (same
strings, same embedded DejaVu faces, same QR matrix from ReportLab's
`QRCode.make()`, no layout); the QR matrix beside ReportLab's encoder alone
(`make()`, and one layout with a fixed mask). Under each pass: this thread's
CPU time (no fsync wait, no waiting for a core) and the mean time of the
parts. Goal (issue 14): register + badge median <= 20 ms, p95 <= 30 ms (the
UI's path, the figure bench_issue14 reads); the README's budget p95 <= 60 ms.
Prints figures; asserts nothing.

Where the time went (issue 14, before): 45-49 ms median; the badge 14-24 ms of
it: the QR matrix 9.5 ms (ReportLab's `make()` lays the symbol out 8 times and
scores each mask with list-of-bools loops), the PDF save 12 ms (three
TrueType subsets made and compressed anew for every badge, ~700 numbers
formatted in pure Python because `rl-accel` was not installed), layout 1-2 ms,
the building name read from the database.
Where it goes now: `rl-accel` is installed (C number formatting, ASCII85);
`printing._qr` lays the symbol out once and scores the 8 masks on integers
(the same mask as ReportLab, so the same symbol: ~1.4 ms against `make()`'s
~10-16 ms); `printing._subsets` keeps font subsets, their compressed streams,
Widths arrays and ToUnicode maps per process (byte-identical PDFs); the
letterhead is kept by the settings service until app_settings changes.
`render_badge` is now at or below the bare canvas (which still pays
`make()`); what is left is `register` itself.
Where the p95 went (issue 14, 2026-12-07): the slowest 5% of registrations
were all new visitors with a NIK (10 of 10 at 20,000 visits): the Argon2id
pseudonym (t=3, 19 MiB: 35-90 ms by design, `bench_nik_pseudonym.py`) was
computed inside `register`, and 21% of registrations carry one. The COMMIT
(WAL, synchronous=FULL) took 2-4 ms median, 7-15 ms p95 at load 3.8 (a mean
of 9-20 ms at load 5.5), whoever registers; the badge (QR matrix, PDF save)
does not vary with the NIK either. Now the pseudonym is
made while the receptionist types the rest (NikKeyStore.prepare: a small
memo in memory, no NIK in it), so a registration with a NIK costs what one
without does; what is left, with or without a NIK, is the transaction's ORM
flush (visit, visitor, search words, four outbox ops each flushed with its
counter, the audit row: about half of `register`), the COMMIT's fsync, and the
badge.
"""

from __future__ import annotations

import argparse
import io
import itertools
import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from _common import budget_line, header, percentile, time_ms
from generate_history import PASSWORD, _initialise, _name, _nik, copy_history, load_samples

from smesco_desk.demo import HOSTS, ORGS, PURPOSES
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core, open_core
from smesco_desk.values.visitors import VisitorForm

BUDGET_MS = 60.0  # the README's budget (p95)
GOAL_MS, GOAL_P95_MS = 20.0, 30.0  # issue 14's goal


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


@dataclass
class Figures:
    """One pass over the forms: each registration's times, in ms."""

    reg: list[float] = field(default_factory=list)
    badge: list[float] = field(default_factory=list)
    total: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # this thread's CPU time of `total`
    plain: list[float] = field(default_factory=list)  # totals without a NIK
    with_nik: list[float] = field(default_factory=list)  # totals with one
    prepared: list[float] = field(default_factory=list)  # prepare_nik, off the clock
    parts: dict[str, float] = field(default_factory=dict)  # ms spent, summed


def register_parts() -> list[tuple[object, str, str]]:
    """Where `register` + `badge_pdf` spend their time (summed by Timed)."""
    from reportlab.pdfgen.canvas import Canvas
    from sqlalchemy.engine.default import DefaultDialect
    from sqlalchemy.orm import Session

    from smesco_desk.printing import badge
    from smesco_desk.services import nik_key

    return [
        (nik_key, "nik_pseudonym", "Argon2id NIK pseudonym, in register"),
        (Session, "flush", "ORM flush (rows, search words, outbox)"),
        (DefaultDialect, "do_commit", "COMMIT (WAL, synchronous=FULL)"),
        (badge, "qr_modules", "QR matrix"),
        (Canvas, "save", "PDF save"),
    ]


def run_passes(
    core: Core, actor: Actor, ui_forms: list[VisitorForm], cold_forms: list[VisitorForm]
) -> tuple[Figures, Figures]:
    """Register each form and make its badge, a form of each list in turn (a busy
    machine then weighs on both alike). A `ui_forms` form with a NIK has its
    pseudonym made first, off the clock: what the UI does when the NIK field is
    left (`prepare_nik` on the worker while the rest of the form is typed); a
    `cold_forms` one has it computed in `register` (Enter pressed in the NIK
    field, the command line)."""
    parts = register_parts()
    ui, cold = Figures(), Figures()
    with Timed(parts) as timed:
        ui.parts, cold.parts = dict(timed.spent), dict(timed.spent)
        for pair in zip(ui_forms, cold_forms, strict=True):
            for figures, form in zip((ui, cold), pair, strict=True):
                timed.spent = figures.parts
                if figures is ui and form.nik:
                    kept = dict(figures.parts)  # not part of the registration
                    prepare = time_ms(lambda f=form: core.visitors.prepare_nik(actor, f.nik))
                    figures.prepared.append(prepare)
                    figures.parts.update(kept)
                register_and_badge(core, actor, form, figures)
    return ui, cold


def register_and_badge(core: Core, actor: Actor, form: VisitorForm, figures: Figures) -> None:
    cpu_started, started = time.thread_time_ns(), time.perf_counter_ns()
    visit = core.visitors.register(actor, form)
    middle = time.perf_counter_ns()
    pdf = core.visitors.badge_pdf(visit.id)
    ended, cpu_ended = time.perf_counter_ns(), time.thread_time_ns()
    assert pdf.startswith(b"%PDF")
    figures.cpu.append((cpu_ended - cpu_started) / 1e6)
    figures.reg.append((middle - started) / 1e6)
    figures.badge.append((ended - middle) / 1e6)
    figures.total.append((ended - started) / 1e6)
    (figures.with_nik if form.nik else figures.plain).append(figures.total[-1])


def bench_service(
    label: str, core: Core, runs: int, returning_phones: list[str], bare: list[float]
) -> None:
    actor = core.users.authenticate("sari", PASSWORD)
    all_forms = forms(core, random.Random(11), runs + 5, returning_phones)
    # Other people for the cold pass (the same ones again would be returning visitors).
    cold_forms = forms(core, random.Random(12), runs, returning_phones)
    for form in all_forms[:5]:  # warm-up: fonts registered, statements cached
        core.visitors.badge_pdf(core.visitors.register(actor, form).id)
    print(f"   {label}")
    ui_path, cold = run_passes(core, actor, all_forms[5:], cold_forms)
    print("     the UI's path: a NIK's pseudonym prepared while the rest of the form is typed")
    for name, values in (("register", ui_path.reg), ("badge_pdf", ui_path.badge)):
        print(
            f"     {name:<24} median {statistics.median(values):6.2f} ms  "
            f"p95 {percentile(values, 95):6.2f} ms  max {max(values):6.2f} ms  (n={len(values)})"
        )
    beside("  register + badge", ui_path.total, "bare canvas, same badge", bare)
    beside("  badge_pdf", ui_path.badge, "bare canvas, same badge", bare)
    for name, values in (
        ("  ... without a NIK", ui_path.plain),
        ("  ... with a NIK, prepared", ui_path.with_nik),
    ):
        if values:
            beside(name, values, "bare canvas, same badge", bare)
    if ui_path.prepared:
        print(
            f"     prepare_nik, off the clock: median {statistics.median(ui_path.prepared):6.2f} ms"
            f"  p95 {percentile(ui_path.prepared, 95):6.2f} ms  (n={len(ui_path.prepared)})"
        )
    print(
        "     " + budget_line("register + badge median", statistics.median(ui_path.total), GOAL_MS)
    )
    print("     " + budget_line("register + badge p95", percentile(ui_path.total, 95), GOAL_P95_MS))
    parts_line(ui_path)
    print("     not prepared: the pseudonym computed in register (Enter in the NIK field, the CLI)")
    beside("  register + badge, cold", cold.total, "bare canvas, same badge", bare)
    if cold.with_nik:
        beside("  ... with a NIK, computed", cold.with_nik, "bare canvas, same badge", bare)
    print("     " + budget_line("not prepared: median", statistics.median(cold.total), GOAL_MS))
    print("     " + budget_line("not prepared: p95", percentile(cold.total, 95), GOAL_P95_MS))
    parts_line(cold)


def parts_line(figures: Figures) -> None:
    """This thread's CPU time (what a busy machine inflates least: no fsync wait,
    no time waiting for a core), and the parts' mean per registration."""
    print(
        f"       CPU time of this thread: median {statistics.median(figures.cpu):6.2f} ms"
        f"  p95 {percentile(figures.cpu, 95):6.2f} ms"
    )
    count = len(figures.total)
    shown = ", ".join(f"{label} {spent / count:.1f}" for label, spent in figures.parts.items())
    print(f"       mean ms per registration: {shown}")


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


BADGE_TEXT = [  # (font, size, x mm, y mm, text): what a bare canvas draws for a badge
    (True, 9, 5.7, 45.5, "SMESCO Indonesia"),
    (True, 9.5, 54.5, 45.5, "TAMU / VISITOR"),
    (True, 17, 5.7, 35.0, ""),  # the name
    (False, 9, 5.7, 30.5, ""),  # the organisation
    (True, 8.5, 5.7, 26.5, "Pelatihan / Kelas"),
    (False, 7.5, 5.7, 22.5, ""),  # the host
    (False, 7, 5.7, 15.0, "Jumat, 27 Nov 2026 · masuk 14:05"),
    (True, 7.5, 5.7, 11.5, "Berlaku s.d. 20:05 WIB"),
]


def bare_canvas(data) -> bytes:  # type: ignore[no-untyped-def]
    """The engine: the same badge (band, the same strings in the same embedded
    DejaVu faces, the same QR code) drawn with plain canvas calls at fixed
    positions: no measuring, fitting or layout checks, ReportLab's own
    `QRCode.make()` for the QR matrix, its dark runs as one path."""
    from reportlab.graphics.barcode import qrencoder
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from smesco_desk.printing.fonts import base_font, font_runs

    regular, bold = base_font(), base_font(bold=True)
    mono = font_runs("0", bold=True, mono=True)[0].font
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(85.6 * mm, 54 * mm), invariant=True)
    canvas.setFillColorRGB(0.1, 0.3, 0.45)
    canvas.roundRect(3.5 * mm, 42.5 * mm, 78.6 * mm, 8 * mm, 1.4 * mm, stroke=0, fill=1)
    texts = {35.0: data.name, 30.5: data.organisation, 22.5: f"Tuan rumah: {data.host}"}
    for strong, size, x, y, text in BADGE_TEXT:
        canvas.setFillColorRGB(*((1, 1, 1) if y > 42 else (0, 0, 0)))
        canvas.setFont(bold if strong else regular, size)
        canvas.drawString(x * mm, y * mm, text or texts[y])
    canvas.setFont(mono, 12)
    canvas.drawString(5.7 * mm, 5 * mm, data.badge_number)
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(data.visit_id)
    code.make()
    count = code.getModuleCount()
    module = 20 * mm / count
    path = canvas.beginPath()
    for r, row in enumerate(code.modules):
        c = 0
        for dark, run in itertools.groupby(row):
            length = len(list(run))
            if dark:
                y = 4.5 * mm + (count - 1 - r) * module
                path.rect(60 * mm + c * module, y, length * module, module)
            c += length
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def raw_qr(payload: str, fixed_mask: bool = False) -> list[list[bool]]:
    """ReportLab's QR encoder alone: `make()` (eight test layouts scored with
    getLostPoint, then the symbol), or one layout with a fixed mask."""
    from reportlab.graphics.barcode import qrencoder

    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    if fixed_mask:
        code.version = code.calculate_version()
        code.makeImpl(False, 0)
    else:
        code.make()
    return code.modules  # type: ignore[no-any-return]


def beside(label: str, values: list[float], engine_label: str, engine: list[float]) -> None:
    """A figure, its engine's figure and the ratio of the medians, on one line."""
    ours, floor = statistics.median(values), statistics.median(engine)
    print(
        f"   {label:<26} median {ours:6.2f} ms  p95 {percentile(values, 95):6.2f} ms"
        f"  | {engine_label:<30} median {floor:6.2f} ms  p95 {percentile(engine, 95):6.2f} ms"
        f"  | ratio {ours / floor:4.1f}x"
    )


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
    """Where render_badge's time goes: layout, QR (matrix + path), PDF save."""
    from reportlab.pdfgen.canvas import Canvas

    from smesco_desk.printing import badge

    rng = random.Random(9)
    data = [badge_data(rng, i) for i in range(runs)]
    started = time.perf_counter_ns()
    with Timed(
        [
            (badge, "layout_badge", "layout (fonts, fitting)"),
            (badge, "draw_qr", "QR: matrix + one path"),
            (badge, "qr_modules", "  of which the QR matrix (mask chosen)"),
            (Canvas, "save", "PDF save (subsets kept, zlib)"),
        ]
    ) as timed:
        for d in data:
            badge.render_badge(d)
    total = (time.perf_counter_ns() - started) / 1e6
    print(f"   render_badge breakdown, mean over {runs} badges ({total / runs:.1f} ms each):")
    for label, spent in timed.spent.items():
        print(f"     {label:<40} {spent / runs:6.2f} ms  ({spent / total:4.0%})")
    try:
        import _rl_accel  # noqa: F401

        accel = "installed"
    except ImportError:
        accel = "NOT installed (pure-Python fp_str etc.): uv sync"
    print(f"     ReportLab C accelerator (_rl_accel): {accel}")


def bench_floors(runs: int) -> list[float]:
    """The badge without the database, each figure beside its engine's."""
    from smesco_desk.printing import _qr
    from smesco_desk.printing.badge import render_badge

    rng = random.Random(5)
    first = time_ms(lambda: render_badge(badge_data(rng, 0)))
    bare_canvas(badge_data(rng, 0))
    data = [badge_data(rng, i) for i in range(runs)]
    direct = [time_ms(lambda d=d: render_badge(d)) for d in data]
    bare = [time_ms(lambda d=d: bare_canvas(d)) for d in data]
    beside("render_badge(BadgeData)", direct, "bare canvas, same badge", bare)
    print(f"     (first render_badge in the process {first:.1f} ms: fonts loaded, registered)")
    ours = [time_ms(lambda d=d: _qr.qr_modules(d.visit_id)) for d in data]
    made = [time_ms(lambda d=d: raw_qr(d.visit_id)) for d in data]
    fixed = [time_ms(lambda d=d: raw_qr(d.visit_id, True)) for d in data]
    beside("QR matrix, _qr.qr_modules", ours, "ReportLab QRCode.make()", made)
    beside("QR matrix, _qr.qr_modules", ours, "one layout, fixed mask", fixed)
    badge_breakdown(min(runs, 100))
    return bare


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args(argv)
    samples = load_samples(args.visits)
    header(f"register + badge PDF, {args.runs} runs")
    print("-- the badge alone (no database)")
    bare = bench_floors(args.runs)
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
                bench_service(label, core, args.runs, returning, bare)
            finally:
                core.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
