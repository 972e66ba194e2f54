"""Where things live: the user's data folder and the bundled resources."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "SmescoDesk"
ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"


def default_data_dir() -> Path:
    """The data folder: $SMESCO_DESK_DATA_DIR if set, else the user's data folder."""
    override = os.environ.get("SMESCO_DESK_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_path(data_dir: Path) -> Path:
    return data_dir / "smesco_desk.sqlite3"


def nik_key_path(folder: Path) -> Path:
    """The NIK key file of the database in `folder` (its own 0700 folder, never a backup)."""
    return folder / "keys" / "nik.key"


def backups_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


def resource(*parts: str) -> Path:
    """A file in the bundled resources folder."""
    return RESOURCES.joinpath(*parts)


def translations_dir() -> Path:
    return RESOURCES / "translations"
