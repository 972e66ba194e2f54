"""Qt's system libraries: say which are missing and how to install them.

PySide6 comes from PyPI, but Qt needs libraries of the operating system
(GLib, EGL/OpenGL, fontconfig, and for a window on X11 the xcb family) that pip
cannot install. Without them Python stops with a bare
`ImportError: libglib-2.0.so.0: ...`, and Qt aborts when its xcb display plugin
does not load. This module turns both into one short paragraph: what is
missing and the command that installs it. It imports no Qt at module level:
it runs before Qt can be imported.
"""

from __future__ import annotations

import ctypes
import importlib
import importlib.util
import os
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

INSTALL_SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "install-system-packages.sh"
QT_MODULES = ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets")
_NOT_FOUND = re.compile(r"^\s*(\S+) => not found", re.MULTILINE)
_CANNOT_OPEN = re.compile(r"(\S+\.so[\w.]*): cannot open shared object file")


def missing_libraries(binaries: Sequence[Path]) -> list[str]:
    """The shared libraries that `binaries` need and the system lacks (by ldd)."""
    missing: list[str] = []
    for binary in binaries:
        try:
            out = subprocess.run(
                ["ldd", str(binary)], capture_output=True, text=True, timeout=30
            ).stdout
        except (OSError, subprocess.SubprocessError):
            continue
        missing += _NOT_FOUND.findall(out)
    return list(dict.fromkeys(missing))


def install_command() -> str:
    """The command a person types to install Qt's runtime libraries."""
    if INSTALL_SCRIPT.is_file():
        return f"{INSTALL_SCRIPT} --runtime-only"
    return (
        "apt-get install libglib2.0-0 libegl1 libgl1 libfontconfig1 libxkbcommon-x11-0 "
        "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xkb1"
    )


def explain(libraries: Sequence[str], detail: str = "") -> str:
    """The paragraph shown instead of a traceback."""
    what = ", ".join(libraries) if libraries else detail or "unknown"
    return (
        "Smesco Desk cannot start: Qt needs system libraries that are not installed "
        f"({what}).\n"
        "Install them as root (or with sudo), then start Smesco Desk again:\n"
        f"    {install_command()}"
    )


def _pyside_dir() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _qt_binaries() -> list[Path]:
    """PySide6's widget module and the xcb display plugin (ldd follows the rest)."""
    root = _pyside_dir()
    if root is None:
        return []
    return [
        *sorted(root.glob("QtWidgets*.so")),
        *sorted(root.glob("Qt/plugins/platforms/libqxcb.so")),
    ]


def require_qt() -> None:
    """Import Qt's modules, or exit with `explain()` when a system library is missing."""
    try:
        for name in QT_MODULES:
            importlib.import_module(name)
    except ImportError as exc:
        if not _CANNOT_OPEN.search(str(exc)):
            raise
        found = missing_libraries(_qt_binaries()) or _CANNOT_OPEN.findall(str(exc))
        raise SystemExit(explain(found)) from None


def _uses_xcb(qt_args: Sequence[str]) -> bool:
    if not sys.platform.startswith("linux") or "-platform" in qt_args:
        return False
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":")[0].split(";")[0] == "xcb"
    return not os.environ.get("WAYLAND_DISPLAY")


def require_display_plugin(qt_args: Sequence[str]) -> None:
    """Before QApplication: where Qt will use X11, check that its xcb plugin
    loads; Qt itself would abort ("could not load the Qt platform plugin")."""
    if not _uses_xcb(qt_args):
        return
    plugins = [p for p in _qt_binaries() if p.name == "libqxcb.so"]
    for plugin in plugins:
        try:
            ctypes.CDLL(str(plugin))
        except OSError as exc:
            found = missing_libraries([plugin]) or _CANNOT_OPEN.findall(str(exc))
            raise SystemExit(explain(found, str(exc))) from None
