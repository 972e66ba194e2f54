"""Plain frozen values the services take and return, one module per area.

They hold no session and no ORM object; the UI, printing and the command line
read them. They import nothing from the services.
"""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

V = TypeVar("V", bound="DataclassInstance")


def value_from(cls: type[V], row: object, **given: Any) -> V:
    """A value of the dataclass `cls` made of the same-named attributes of `row`
    (a database row), but for the fields `given`."""
    names = [f.name for f in fields(cls)]
    return cls(**{name: given[name] if name in given else getattr(row, name) for name in names})
