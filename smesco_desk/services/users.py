"""Users, roles and logins (passwords hashed with argon2)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from smesco_desk.db.models import User
from smesco_desk.domain.text import has_visible, text_errors, unstorable
from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.i18n import _
from smesco_desk.services.actors import Actor, Permission, Role, require
from smesco_desk.services.queries import get_live
from smesco_desk.services.transaction import Transaction

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

_hasher = PasswordHasher()
_dummy: list[str] = []


def _dummy_hash() -> str:
    """A hash to verify against when the user is unknown (same cost as a real one)."""
    if not _dummy:
        _dummy.append(_hasher.hash("not-a-real-password"))
    return _dummy[0]


USERNAME_RE = re.compile(r"[a-z0-9][a-z0-9._-]{2,31}")
# A password is any text but undecodable bytes (argon2 hashes its UTF-8).
_SURROGATE = re.compile(r"[\ud800-\udfff]")
MIN_PASSWORD = 8


@dataclass(frozen=True)
class UserInfo:
    id: str
    username: str
    full_name: str
    role: Role
    active: bool
    last_login_at: datetime | None


def _info(user: User) -> UserInfo:
    return UserInfo(
        user.id, user.username, user.full_name, Role(user.role), user.active, user.last_login_at
    )


def validate_new_user(username: str, full_name: str, password: str, role: str) -> None:
    errors = text_errors({"full_name": full_name})
    if not errors and not has_visible(full_name):
        errors["full_name"] = _("Nama lengkap wajib diisi.")
    if not isinstance(username, str) or not USERNAME_RE.fullmatch(username):
        errors["username"] = _(
            "Nama pengguna 3-32 huruf kecil, angka, titik, garis bawah atau tanda minus."
        )
    if not isinstance(password, str) or _SURROGATE.search(password):
        errors["password"] = _("Berisi karakter yang tidak dapat disimpan.")
    elif len(password) < MIN_PASSWORD:
        errors["password"] = _("Kata sandi minimal {n} karakter.").format(n=MIN_PASSWORD)
    if role not in {r.value for r in Role}:
        errors["role"] = _("Peran tidak dikenal.")
    if errors:
        raise ValidationError(errors)


class UserService:
    def __init__(self, core: Core) -> None:
        self.core = core

    def count(self) -> int:
        with self.core.db.read() as session:
            return session.scalar(select(func.count()).select_from(User)) or 0

    def authenticate(self, username: str, password: str) -> Actor:
        """The actor for a correct login, recorded as a login; DomainError otherwise
        (same message either way)."""
        actor = self.check_password(username, password)
        with Transaction.begin(self.core, actor) as tx:
            row = tx.session.get(User, actor.user_id)
            if row is not None:
                row.last_login_at = tx.now
            tx.audit("user.login", row)
        return actor

    def check_password(self, username: str, password: str) -> Actor:
        """The actor for a correct user name and password, writing nothing (the
        command line: the change it makes is audited as this user, and a refused
        command must leave the database as it was). DomainError otherwise.

        The password is checked outside any write transaction (argon2 is slow on
        purpose), and an unknown user costs as much as a wrong password.
        """
        wrong = DomainError(_("Nama pengguna atau kata sandi salah."), "password")
        name = username.strip().lower()
        if unstorable(name) or _SURROGATE.search(password):
            name, password = "", ""  # no user has it: costs the same as a wrong password
        with self.core.db.read() as session:
            user = session.scalar(select(User).where(User.username == name))
            found = user is not None and user.active and user.deleted_at is None
            stored = user.password_hash if user is not None and found else _dummy_hash()
            actor = (
                Actor(user.username, Role(user.role), "user", user.full_name, user.id)
                if user is not None
                else None
            )
        try:
            _hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            raise wrong from None
        if not found or actor is None:
            raise wrong
        return actor

    def create(
        self, actor: Actor, username: str, full_name: str, password: str, role: str
    ) -> UserInfo:
        require(actor, Permission.MANAGE_USERS)
        with Transaction.begin(self.core, actor) as tx:
            return self.create_in(tx, username, full_name, password, role)

    @staticmethod
    def create_in(
        tx: Transaction, username: str, full_name: str, password: str, role: str
    ) -> UserInfo:
        """`create` inside the caller's transaction, as its actor."""
        username = username.strip().lower()
        validate_new_user(username, full_name, password, role)
        if tx.session.scalar(select(User).where(User.username == username)) is not None:
            raise ValidationError({"username": _("Nama pengguna sudah dipakai.")})
        user = User(
            username=username,
            full_name=full_name.strip(),
            password_hash=_hasher.hash(password),
            role=role,
            active=True,
        )
        tx.insert(user)
        tx.record("user.create", [(user, "insert")], {"username": username, "role": role})
        return _info(user)

    def list(self, actor: Actor) -> list[UserInfo]:
        require(actor, Permission.MANAGE_USERS)
        with self.core.db.read() as session:
            return [_info(u) for u in session.scalars(select(User).order_by(User.username))]

    def set_password(self, actor: Actor, user_id: str, password: str) -> None:
        if actor.user_id != user_id:
            require(actor, Permission.MANAGE_USERS)
        if not isinstance(password, str) or _SURROGATE.search(password):
            raise ValidationError({"password": _("Berisi karakter yang tidak dapat disimpan.")})
        if len(password) < MIN_PASSWORD:
            raise ValidationError(
                {"password": _("Kata sandi minimal {n} karakter.").format(n=MIN_PASSWORD)}
            )
        with Transaction.begin(self.core, actor) as tx:
            user = get_live(tx.session, User, user_id, _("Pengguna tidak ditemukan."))
            user.password_hash = _hasher.hash(password)
            tx.update(user)
            tx.record("user.password", [(user, "update")])
