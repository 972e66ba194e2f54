"""Translations for strings the core produces (documents, error messages).

Bahasa Indonesia is the source language and the default; English comes from
`resources/translations/<lang>/LC_MESSAGES/smesco_desk.mo` when asked for.
"""

from __future__ import annotations

import gettext as _gettext

from smesco_desk.paths import translations_dir

_DOMAIN = "smesco_desk"
_current: _gettext.NullTranslations = _gettext.NullTranslations()
_language = "id"


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
    """Translate a message of the core."""
    return _current.gettext(message)


def N_(message: str) -> str:
    """Mark a message for translation without translating it now."""
    return message
