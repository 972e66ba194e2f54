"""The engine's figure for start-up: a bare PySide6 window (a label in a
login-sized QWidget), timed like `_startup_probe.py` from SMESCO_BENCH_T0 to its
first paint. Run by bench_startup.py; prints `PROBE {json}`."""

from __future__ import annotations

import time

T_PYTHON = time.time()

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget  # noqa: E402

T0 = float(os.environ.get("SMESCO_BENCH_T0", T_PYTHON))
MARKS = {"python_up": round((T_PYTHON - T0) * 1000, 1),
         "imports": round((time.time() - T0) * 1000, 1)}


class Painted(QObject):
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and "first_paint" not in MARKS:
            MARKS["first_paint_event"] = round((time.time() - T0) * 1000, 1)
            QTimer.singleShot(0, done)
        return False


def done() -> None:
    MARKS["first_paint"] = round((time.time() - T0) * 1000, 1)
    print("PROBE " + json.dumps({"marks": MARKS}), flush=True)
    QApplication.exit(0)


app = QApplication(sys.argv[:1])
window = QWidget()
QVBoxLayout(window).addWidget(QLabel("Smesco Desk", window))
window.resize(440, 300)
watcher = Painted()
window.installEventFilter(watcher)
window.show()
sys.exit(app.exec())
