"""Shared pytest set-up for every test tier (core, UI, end-to-end).

Keep it in sections; add fixtures to the section they belong to, or to a
plugin module listed in `pytest_plugins` when a section grows large.
"""

# --- Environment: before anything imports Qt ------------------------------------

import os
from pathlib import Path

import pytest
from hypothesis import settings

from smesco_desk.services import nik_key as nik_key_module
from tests.template_db import make_template

# Widgets render without a screen unless a test asks for a real one (xvfb_display).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# --- Property tests -------------------------------------------------------------------

# At a desk, Hypothesis explores new examples on every run (and replays the ones
# that failed before, from .hypothesis/): that is how it finds bugs. In CI
# (.ci/run sets HYPOTHESIS_PROFILE=ci; CI=true does too) it runs the same
# examples every time, so that a landing is decided by the change and not by
# the draw; new bugs are found where people run it.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("HYPOTHESIS_PROFILE") == "ci" or os.environ.get("CI", "").lower() == "true":
    settings.load_profile("ci")

# --- Plugins ----------------------------------------------------------------------

# tests.fixtures_system: xvfb_display, cups_pdf_printer, postgres_url.
# ("tests" is importable because pyproject sets pythonpath = ["."] for pytest.)
pytest_plugins = ["tests.fixtures_system", "tests.sync.fixtures_sync"]

# --- Core fixtures (no Qt) ----------------------------------------------------------


@pytest.fixture(scope="session")
def template_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database migrated to head once per session (tests/template_db.py):
    fixtures copy it into a test's data folder with `seed_data_dir`."""
    return make_template(tmp_path_factory.mktemp("template") / "data")


# --- UI fixtures (qtbot, application context) ---------------------------------------


@pytest.fixture
def hashes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The NIK digits of every slow hash the key store computes, in order."""
    computed: list[str] = []
    real = nik_key_module.nik_pseudonym

    def counting(key: bytes, nik: str) -> str:
        computed.append(nik)
        return real(key, nik)

    monkeypatch.setattr(nik_key_module, "nik_pseudonym", counting)
    return computed
