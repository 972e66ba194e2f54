"""The last check before a row is written or a query sent: no text with NUL or
a lone surrogate.

The services refuse such text field by field, with a message next to the field.
This catches whatever a service forgot, so that it is refused (a ValidationError
naming the column, or a DomainError for a lookup) instead of stored or crashing
the driver: SQLite cannot encode a lone surrogate (UnicodeEncodeError), and
PostgreSQL refuses NUL, so a NUL stored at a desk would stop its sync for good.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Engine, event, inspect
from sqlalchemy.orm import Session

from smesco_desk.errors import DomainError, ValidationError
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


def _has_bad_text(parameters: Any) -> bool:
    # A loop over a stack, not a recursion through generators: an executemany of
    # thousands of rows (a pull, search words) is checked here value by value.
    search = _BAD.search
    pending = [parameters]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if search(item) is not None:
                return True
        elif isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, (list, tuple)):
            pending.extend(item)
    return False


def _before_cursor_execute(
    _conn: Any, _cursor: Any, _statement: str, parameters: Any, _context: Any, _many: bool
) -> None:
    if _has_bad_text(parameters):
        raise DomainError(_("Teks berisi karakter yang tidak dapat dipakai."))


def install() -> None:
    """Check every ORM flush of every session, and the parameters of every
    statement of every engine (idempotent)."""
    if not event.contains(Session, "before_flush", _before_flush):
        event.listen(Session, "before_flush", _before_flush)
    if not event.contains(Engine, "before_cursor_execute", _before_cursor_execute):
        event.listen(Engine, "before_cursor_execute", _before_cursor_execute)
