"""Query helpers the services share: a live row or NotFound, a catalogue row
saved by its code, and LIKE patterns that find what was typed as typed.

A row is live until it is soft-deleted (`deleted_at` set, e.g. by an erasure
or a sync): a deleted row is, to everyone asking for it, not found.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from smesco_desk.db.models import SyncedMixin
from smesco_desk.errors import NotFound
from smesco_desk.i18n import _
from smesco_desk.services.transaction import Transaction

R = TypeVar("R", bound=SyncedMixin)
CATALOGUE_CODE = re.compile(r"[a-z][a-z0-9_]{1,31}")


def live(row: R | None, message: str, field: str | None = None) -> R:
    """`row` if it exists and is not deleted; NotFound with `message` otherwise."""
    if row is None or row.deleted_at is not None:
        raise NotFound(message, field)
    return row


def get_live(session: Session, model: type[R], key: Any, message: str) -> R:
    """The live row of `model` with primary key `key`, or NotFound with `message`."""
    return live(session.get(model, key), message)


def save_by_code(tx: Transaction, model: type[R], code: str, new: Callable[[], R]) -> tuple[R, str]:
    """The catalogue row (a kind of charge, a price, a purpose) with this code,
    touched for its new version; or, if there is none, the one `new` makes, added
    for sync. Returns it with the operation to record: "update" or "insert".
    A deleted row keeps its code: saving it again brings it back."""
    return save_by(tx, model, new, code=code)


def save_by(tx: Transaction, model: type[R], new: Callable[[], R], **key: Any) -> tuple[R, str]:
    """`save_by_code` for a row found by other columns (a setting by its key)."""
    row = tx.session.scalar(select(model).filter_by(**key))
    if row is None:
        return tx.insert(new()), "insert"
    return tx.update(row), "update"


def check_code(code: str, errors: dict[str, str]) -> None:
    """A catalogue row's code: 2-32 lower-case letters, digits or underscores."""
    if not CATALOGUE_CODE.fullmatch(code):
        errors["code"] = _("Kode 2-32 huruf kecil, angka atau garis bawah.")


def escape_like(text: str) -> str:
    """`text` for a LIKE pattern with ESCAPE '\\': % and _ match themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def containing(text: str) -> str:
    """The LIKE pattern (ESCAPE '\\') of values that contain `text` as typed."""
    return f"%{escape_like(text)}%"
