"""Translations for strings the core produces (documents, error messages).

Bahasa Indonesia is the source language and the default; English comes from
`resources/translations/<lang>/LC_MESSAGES/smesco_desk.mo` when asked for.
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import ParamSpec, TypeVar

from smesco_desk.paths import translations_dir

_DOMAIN = "smesco_desk"
_current: _gettext.NullTranslations = _gettext.NullTranslations()
_language = "id"
# Set while an official document is made: its text is Indonesian whatever the
# interface speaks. A context variable, so a document rendered on a worker thread
# does not change the language of what other threads say meanwhile.
_document: ContextVar[bool] = ContextVar("smesco_document_language", default=False)
_P = ParamSpec("_P")
_R = TypeVar("_R")


def set_language(language: str) -> None:
    """Switch the core's language ('id' or 'en')."""
    global _current, _language
    _language = language
    _current = _gettext.translation(
        _DOMAIN, localedir=str(translations_dir()), languages=[language], fallback=True
    )


def language() -> str:
    return _language


def _(message: str) -> str:
    """Translate a message of the core (never inside an official document)."""
    if _document.get():
        return message
    return _current.gettext(message)


@contextmanager
def indonesian_document() -> Iterator[None]:
    """Within it, the core speaks Indonesian (the source language): official
    documents (kuitansi, cash-up, lease agreement, statement, reminder) print the
    same whatever language the person at the desk chose for the interface."""
    token = _document.set(True)
    try:
        yield
    finally:
        _document.reset(token)


def official_document(render: Callable[_P, _R]) -> Callable[_P, _R]:
    """A renderer whose whole output is in Indonesian (see `indonesian_document`)."""

    @wraps(render)
    def indonesian(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with indonesian_document():
            return render(*args, **kwargs)

    return indonesian


def N_(message: str) -> str:
    """Mark a message for translation without translating it now. Also for text
    stored in the database that official documents print (a charge's
    description): it is kept in Indonesian, whatever the interface speaks."""
    return message
