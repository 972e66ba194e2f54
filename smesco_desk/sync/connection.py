"""Connections to the central PostgreSQL (psycopg 3, autocommit, explicit transactions)."""

from __future__ import annotations

from typing import Any

import psycopg
from sqlalchemy.engine import make_url

from smesco_desk.errors import DomainError
from smesco_desk.i18n import _
from smesco_desk.sync.values import SyncUnavailable

CONNECT_TIMEOUT_S = 5
# A statement that waits longer than this (a dead network the kernel has not
# noticed yet) fails; the outbox is kept and the next attempt starts afresh.
STATEMENT_TIMEOUT_MS = 120_000
NOTIFY_CHANNEL = "smesco_changes"


def check_server_url(url: str) -> str:
    """The URL if it names a PostgreSQL database; DomainError otherwise."""
    try:
        parsed = make_url(url.strip())
    except Exception as exc:  # sqlalchemy raises ArgumentError with its own text
        raise DomainError(_("Alamat server tidak valid: {e}").format(e=exc), "server") from None
    if parsed.get_backend_name() != "postgresql" or not parsed.database:
        raise DomainError(
            _("Server harus basis data PostgreSQL, mis. postgresql+psycopg://host/smesco."),
            "server",
        )
    return url.strip()


def display_url(url: str) -> str:
    """The URL with its password hidden (for status lines and logs)."""
    return make_url(url).render_as_string(hide_password=True)


def conninfo(url: str, desk: str | None) -> dict[str, Any]:
    """psycopg connection arguments from a SQLAlchemy URL."""
    parsed = make_url(url)
    args: dict[str, Any] = {
        "host": parsed.host,
        "port": parsed.port,
        "user": parsed.username,
        "password": parsed.password,
        "dbname": parsed.database,
        "connect_timeout": CONNECT_TIMEOUT_S,
        "application_name": f"smesco-desk {desk or '?'}",
        "keepalives": 1,
        "keepalives_idle": 5,
        "keepalives_interval": 2,
        "keepalives_count": 3,
        "options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS} -c TimeZone=UTC",
    }
    for key, value in parsed.query.items():
        args[key] = value if isinstance(value, str) else value[-1]
    return {k: v for k, v in args.items() if v is not None}


def connect(url: str, desk: str | None) -> psycopg.Connection[Any]:
    """An autocommit connection: every transaction is an explicit `conn.transaction()`."""
    try:
        return psycopg.connect(autocommit=True, **conninfo(url, desk))
    except psycopg.OperationalError as exc:
        raise SyncUnavailable(unreachable_message(exc)) from exc


def unreachable_message(exc: BaseException) -> str:
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    message = _(
        "Server sinkronisasi tidak terjangkau ({detail}). Data tetap tersimpan di desk ini."
    )
    return message.format(detail=detail)
