"""The food court's floor plan: painting a floor of 50 stalls, and a floor
change (the stalls handed over, laid out, painted).

    uv run python benchmarks/bench_foodcourt_plan.py [--stalls 50] [--runs 60]

Offscreen, the real FloorPlan widget at 1000x560 (a 1024 px desk's room) over
`--stalls` stalls of a floor in five rows along two corridors, in every state,
with long tenants' names (elided and wrapped). Each run of "paint" repaints the
whole widget into a pixmap (`render`, as a paint event does); each run of
"floor change" hands the widget another floor's stalls (`set_states`: the
layout and the elided texts worked out again) and paints. Printed beside
them: `core.foodcourt.stall_states(day, floor)` on a desk with three such
floors (made through the service), the query behind the plan.
Goal: a floor painted under 50 ms (median). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _common import budget_line, fmt, header, summary, timings  # noqa: E402
from PySide6.QtGui import QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from smesco_desk.clock import wib_today  # noqa: E402
from smesco_desk.demo_foodcourt import TENANTS  # noqa: E402
from smesco_desk.domain.foodcourt import stall_code  # noqa: E402
from smesco_desk.services.actors import SYSTEM  # noqa: E402
from smesco_desk.services.core import open_core  # noqa: E402
from smesco_desk.values.foodcourt import StallForm, StallInfo, StallStatus  # noqa: E402
from ui.pages.foodcourt.floor_plan import FloorPlan  # noqa: E402

BUDGET_MS = 50.0
STATES = ("occupied", "occupied", "vacant", "booked", "arrears", "occupied", "out_of_service")
PER_ROW = 10


def place(index: int) -> tuple[int, int, int, int]:
    """Five rows of ten stalls of 5x5 grid units, a corridor every two rows."""
    row, column = divmod(index, PER_ROW)
    return column * 6, row * 6 + (row // 2) * 4, 5, 5


def floor_states(floor: int, count: int) -> list[StallStatus]:
    out = []
    for index in range(count):
        x, y, w, h = place(index)
        code = stall_code(floor, index + 1)
        info = StallInfo(code, code, floor, index + 1, 62_500, x, y, w, h, True, False, True,
                         "", 150_000, 900_000, 3_000_000, 6_000_000, "stall_rent", True, "")
        state = STATES[(index + floor) % len(STATES)]
        tenant = None if state in ("vacant", "out_of_service") else TENANTS[index % len(TENANTS)][0]
        out.append(StallStatus(info, state, None, tenant, None, None, 0))  # fmt: skip
    return out


def bench_widget(count: int, runs: int) -> float:
    plan = FloorPlan()
    plan.resize(1000, 560)
    floors = [floor_states(floor, count) for floor in (1, 2, 3)]
    plan.set_states(floors[0])
    pixmap = QPixmap(plan.size())

    def paint() -> None:
        plan.render(pixmap)

    shown = [0]

    def change_floor() -> None:
        shown[0] = (shown[0] + 1) % 3
        plan.set_states(floors[shown[0]])
        plan.render(pixmap)

    painted = summary(timings(paint, runs))
    changed = summary(timings(change_floor, runs))
    print(f"   paint a floor of {count} stalls       {fmt(painted)}")
    print(f"   floor change (layout + paint)     {fmt(changed)}")
    return painted["p50"]


def bench_states(count: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        core = open_core(Path(folder) / "data")
        try:
            core.setup.initialize("D01")
            for floor in (1, 2, 3):
                for index in range(count):
                    x, y, w, h = place(index)
                    core.foodcourt.save_stall(SYSTEM, StallForm(
                        stall_code(floor, index + 1), "6.25", 150_000, 900_000, 3_000_000,
                        6_000_000, plan_x=x, plan_y=y, plan_w=w, plan_h=h))  # fmt: skip
            day = wib_today(core.now())
            states = summary(timings(lambda: core.foodcourt.stall_states(day, 2), runs))
            print(f"   stall_states(day, floor)          {fmt(states)}")
        finally:
            core.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stalls", type=int, default=50, help="stalls per floor (1-99)")
    parser.add_argument("--runs", type=int, default=60)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    header(f"Food court floor plan: {args.stalls} stalls per floor")
    median = bench_widget(args.stalls, args.runs)
    bench_states(args.stalls, max(10, args.runs // 3))
    print(budget_line("floor plan painted (median)", median, BUDGET_MS))
    del app


if __name__ == "__main__":
    main()
