"""The last check before a row is written: no text with NUL or a lone surrogate.

The services refuse such text field by field, with a message next to the field.
This catches whatever a service forgot, so that it is refused (a ValidationError
naming the column) instead of stored: SQLite cannot encode a lone surrogate, and
PostgreSQL refuses NUL, so a NUL stored at a desk would stop its sync for good.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from smesco_desk.errors import ValidationError
from smesco_desk.i18n import _

_BAD = re.compile(r"[\x00\ud800-\udfff]")


def _check_row(row: Any) -> None:
    state = inspect(row)
    for attr in state.mapper.column_attrs:
        value = state.dict.get(attr.key)
        if isinstance(value, str) and _BAD.search(value):
            raise ValidationError({attr.key: _("Berisi karakter yang tidak dapat disimpan.")})


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    for row in (*session.new, *session.dirty):
        _check_row(row)


def install() -> None:
    """Check every ORM flush of every session (idempotent)."""
    if not event.contains(Session, "before_flush", _before_flush):
        event.listen(Session, "before_flush", _before_flush)
