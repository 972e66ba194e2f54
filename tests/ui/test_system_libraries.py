"""A machine without Qt's system libraries: the start ends with one paragraph
naming what is missing and the command that installs it, not a traceback.

The real application is started with a library really gone: in a private mount
namespace an overlay hides it from the system's library folder (root only).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ui import system_libraries
from ui.system_libraries import explain, missing_libraries

REPO = Path(__file__).resolve().parents[2]
QT_CORE = next(Path(system_libraries._pyside_dir() or ".").glob("QtCore*.so"))


def _library_path(binary: Path, name: str) -> Path:
    out = subprocess.run(["ldd", str(binary)], capture_output=True, text=True).stdout
    match = re.search(rf"^\s*{re.escape(name)} => (\S+)", out, re.MULTILINE)
    assert match, f"{binary} does not use {name}"
    return Path(match.group(1))


def _run_without(
    names: list[str], binary: Path, tmp_path: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    """main.py in a mount namespace where the libraries `names` do not exist."""
    if os.geteuid() != 0:
        pytest.skip("hiding a system library needs root (a mount namespace with an overlay)")
    paths = [_library_path(binary, name) for name in names]
    folder = paths[0].resolve().parent
    upper, work = tmp_path / "upper", tmp_path / "work"
    upper.mkdir()
    work.mkdir()
    for path in paths:
        for hidden in {path.name, path.resolve().name}:
            os.mknod(upper / hidden, 0o600 | 0o020000, os.makedev(0, 0))  # an overlay whiteout
    script = (
        f"mount -t overlay overlay -o lowerdir={folder},upperdir={upper},workdir={work} "
        f'{folder} && exec "$@"'
    )
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", script, "_", "true"], capture_output=True, text=True
    )
    if probe.returncode != 0:
        pytest.skip(f"cannot hide a library here (unshare/overlay): {probe.stderr.strip()}")
    return subprocess.run(
        [
            "unshare",
            "-m",
            "sh",
            "-c",
            script,
            "_",
            sys.executable,
            str(REPO / "main.py"),
            "--data-dir",
            str(tmp_path / "data"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        env={**os.environ, **env},
    )


def test_without_glib_the_start_names_it_and_the_install_command(tmp_path: Path) -> None:
    result = _run_without(["libglib-2.0.so.0"], QT_CORE, tmp_path, {})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "Qt needs system libraries that are not installed (libglib-2.0.so.0" in result.stderr
    assert f"{REPO}/scripts/install-system-packages.sh --runtime-only" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 3


def test_without_an_xcb_library_the_start_says_so_before_qt_aborts(tmp_path: Path) -> None:
    plugin = next(QT_CORE.parent.glob("Qt/plugins/platforms/libqxcb.so"))
    result = _run_without(
        ["libxcb-cursor.so.0"], plugin, tmp_path, {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":99"}
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "(libxcb-cursor.so.0)" in result.stderr
    assert "--runtime-only" in result.stderr


def test_missing_libraries_reads_ldd(tmp_path: Path) -> None:
    assert missing_libraries([QT_CORE]) == []  # this machine has them all
    assert missing_libraries([tmp_path / "nothing.so"]) == []


def test_the_paragraph_lists_each_library_once() -> None:
    text = explain(["libEGL.so.1", "libxcb-cursor.so.0"])
    assert "(libEGL.so.1, libxcb-cursor.so.0)" in text
    assert text.splitlines()[-1].strip().endswith("--runtime-only")


@pytest.mark.parametrize(
    ("platform", "args", "wayland", "expected"),
    [
        ("", [], "", True),
        ("xcb", [], "", True),
        ("offscreen", [], "", False),
        ("", ["-platform", "offscreen"], "", False),
        ("", [], "wayland-0", False),
    ],
)
def test_only_an_x11_start_checks_the_xcb_plugin(
    monkeypatch: pytest.MonkeyPatch,
    platform: str,
    args: list[str],
    wayland: str,
    expected: bool,
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", platform)
    monkeypatch.setenv("WAYLAND_DISPLAY", wayland)
    assert system_libraries._uses_xcb(args) is expected
