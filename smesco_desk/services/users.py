"""Users, roles and logins (passwords hashed with argon2).

`UserService.check_password` is the one check of a user name and password:
the login dialog (through `authenticate`), the command line's `--user` and a
supervisor's approval all go through it. It refuses a wrong password (the
same message for an unknown user), a user locked at this desk after five
wrong passwords (smesco_desk.services.logins), a deactivated user, and a
temporary password that must be replaced first.

A user's login name never changes once made: the audit log, receipts,
voids, shifts and bookings name the user by it on every desk (append-only
facts that sync), so a new login name would cut a person off from their
history. What changes is the full name shown beside it (the audit viewer
shows the current one) and the role. Users are never deleted, only
deactivated, so a name is never given to someone else either.

A password an administrator sets for someone else is temporary: that user
chooses their own at the next login (`change_temporary_password`), so the
administrator never knows a password in use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from smesco_desk.clock import to_wib
from smesco_desk.db.models import LoginFailure, User
from smesco_desk.domain.text import has_visible, text_errors, unstorable
from smesco_desk.errors import DomainError, PasswordChangeRequired, ValidationError
from smesco_desk.i18n import _
from smesco_desk.services import logins
from smesco_desk.services.actors import SYSTEM, Actor, Permission, Role, require
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
    must_change_password: bool = False
    locked_until: datetime | None = None  # locked at this desk until then


def _info(user: User, locked_until: datetime | None = None) -> UserInfo:
    return UserInfo(
        user.id, user.username, user.full_name, Role(user.role), user.active,
        user.last_login_at, bool(user.must_change_password), locked_until,
    )  # fmt: skip


@dataclass(frozen=True)
class _Found:
    """What a login needs of a user row, read before the slow hash check."""

    user_id: str
    password_hash: str
    active: bool
    must_change: bool
    actor: Actor


def validate_new_user(username: str, full_name: str, password: str, role: str) -> None:
    errors = _name_errors(full_name)
    if not isinstance(username, str) or not USERNAME_RE.fullmatch(username):
        errors["username"] = _(
            "Nama pengguna 3-32 huruf kecil, angka, titik, garis bawah atau tanda minus."
        )
    errors.update(_password_errors(password))
    if role not in {r.value for r in Role}:
        errors["role"] = _("Peran tidak dikenal.")
    if errors:
        raise ValidationError(errors)


def _name_errors(full_name: str) -> dict[str, str]:
    errors = text_errors({"full_name": full_name})
    if not errors and not has_visible(full_name):
        errors["full_name"] = _("Nama lengkap wajib diisi.")
    return errors


def _password_errors(password: str, field: str = "password") -> dict[str, str]:
    if not isinstance(password, str) or _SURROGATE.search(password):
        return {field: _("Berisi karakter yang tidak dapat disimpan.")}
    if len(password) < MIN_PASSWORD:
        return {field: _("Kata sandi minimal {n} karakter.").format(n=MIN_PASSWORD)}
    return {}


def _locked_error(until: datetime) -> DomainError:
    return DomainError(
        _("Akun terkunci setelah {n} kali salah kata sandi. Coba lagi pukul {time} WIB, "
          "atau minta administrator membukanya.").format(
            n=logins.MAX_FAILURES, time=to_wib(until).strftime("%H:%M")),
        "password",
    )  # fmt: skip


class UserService:
    def __init__(self, core: Core) -> None:
        self.core = core

    def count(self) -> int:
        with self.core.db.read() as session:
            return session.scalar(select(func.count()).select_from(User)) or 0

    # --- logging in -------------------------------------------------------------

    def authenticate(self, username: str, password: str) -> Actor:
        """The actor for a correct login, recorded as a login; DomainError otherwise
        (see `check_password`)."""
        actor = self.check_password(username, password)
        with Transaction.begin(self.core, actor) as tx:
            row = tx.session.get(User, actor.user_id)
            if row is not None:
                row.last_login_at = tx.now
            tx.audit("user.login", row)
        return actor

    def check_password(self, username: str, password: str) -> Actor:
        """The actor for a correct user name and password. The one login check
        (window, command line, a supervisor's approval).

        Refused with a DomainError (field "password" or "username"): a wrong
        password or an unknown user (the same message), a user locked at this
        desk (the message says until when), a deactivated user (said only to
        whoever knows the password), and PasswordChangeRequired for a temporary
        password. Writes only this desk's count of wrong passwords (and the
        audit row of a lock); the command line's change is audited as the user.

        The password is checked outside any write transaction (argon2 is slow on
        purpose), and an unknown user costs as much as a wrong password.
        """
        return self._verify(username, password, allow_temporary=False)

    def change_temporary_password(self, username: str, temporary: str, new: str) -> Actor:
        """Log in with a temporary password, replacing it by the user's own one
        (the login dialog's second step); recorded as a login."""
        actor = self._verify(username, temporary, allow_temporary=True)
        errors = _password_errors(new, "new_password")
        if not errors and new == temporary:
            errors = {"new_password": _("Pilih kata sandi yang lain dari kata sandi sementara.")}
        if errors:
            raise ValidationError(errors)
        new_hash = _hasher.hash(new)
        with Transaction.begin(self.core, actor) as tx:
            user = get_live(tx.session, User, actor.user_id or "", _("Pengguna tidak ditemukan."))
            user.password_hash, user.must_change_password = new_hash, False
            user.last_login_at = tx.now
            tx.update(user)
            tx.record("user.password", [(user, "update")])
            tx.audit("user.login", user)
        return actor

    def _verify(self, username: str, password: str, *, allow_temporary: bool) -> Actor:
        wrong = DomainError(_("Nama pengguna atau kata sandi salah."), "password")
        name = username.strip().lower() if isinstance(username, str) else ""
        if not isinstance(password, str) or unstorable(name) or _SURROGATE.search(password):
            name, password = "", ""  # no user has it: costs the same as a wrong password
        found, until = self._find(name)
        if until is not None:
            raise _locked_error(until)
        try:
            _hasher.verify(found.password_hash if found else _dummy_hash(), password)
        except (VerificationError, InvalidHashError):
            if found is not None:
                until = self._note_failure(found.user_id)
            raise (_locked_error(until) if until is not None else wrong) from None
        if found is None:
            raise wrong
        if not found.active:
            raise DomainError(
                _("Akun {username} dinonaktifkan. Hubungi administrator.").format(
                    username=found.actor.username), "username")  # fmt: skip
        self._forget_failures(found.actor.username)
        if found.must_change and not allow_temporary:
            raise PasswordChangeRequired(
                _("Kata sandi ini sementara: pilih kata sandi baru di jendela masuk aplikasi."),
                "password",
            )
        return found.actor

    def _find(self, name: str) -> tuple[_Found | None, datetime | None]:
        """The live user of that name (or None), and the end of its lock at this desk."""
        with self.core.db.read() as session:
            user = session.scalar(select(User).where(User.username == name))
            if user is None or user.deleted_at is not None:
                return None, None
            actor = Actor(user.username, Role(user.role), "user", user.full_name, user.id)
            found = _Found(user.id, user.password_hash, user.active,
                           bool(user.must_change_password), actor)  # fmt: skip
            return found, logins.locked_until(session, user.username, self.core.now())

    def _note_failure(self, user_id: str) -> datetime | None:
        with Transaction.begin(self.core, SYSTEM) as tx:
            user = tx.session.get(User, user_id)
            return None if user is None else logins.note_failure(tx, user)

    def _forget_failures(self, username: str) -> None:
        with self.core.db.read() as session:
            if session.get(LoginFailure, username) is None:
                return  # nothing to forget: a correct login writes nothing here
        with Transaction.begin(self.core, SYSTEM) as tx:
            logins.clear(tx, username)

    # --- administration ---------------------------------------------------------

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
            must_change_password=False,
        )
        tx.insert(user)
        tx.record("user.create", [(user, "insert")], {"username": username, "role": role})
        return _info(user)

    def list(self, actor: Actor) -> list[UserInfo]:
        """Every user, deactivated ones too, with this desk's locks."""
        require(actor, Permission.MANAGE_USERS)
        with self.core.db.read() as session:
            locks = logins.current_locks(session, self.core.now())
            users = session.scalars(select(User).order_by(User.username))
            return [_info(u, locks.get(u.username)) for u in users]

    def update(self, actor: Actor, user_id: str, full_name: str, role: str) -> UserInfo:
        """A new full name and/or role (the login name stays). The last active
        administrator keeps the role."""
        require(actor, Permission.MANAGE_USERS)
        errors = _name_errors(full_name) if isinstance(full_name, str) else {
            "full_name": _("Nama lengkap wajib diisi.")}  # fmt: skip
        if role not in {r.value for r in Role}:
            errors["role"] = _("Peran tidak dikenal.")
        if errors:
            raise ValidationError(errors)
        with Transaction.begin(self.core, actor) as tx:
            user = get_live(tx.session, User, user_id, _("Pengguna tidak ditemukan."))
            if user.role == Role.ADMIN and role != Role.ADMIN:
                self._keep_an_admin(tx, user, "role")
            name, who = full_name.strip(), {"username": user.username}
            changes = [(action, {**who, "from": old, "to": new}) for action, old, new in (
                ("user.rename", user.full_name, name), ("user.role", user.role, role),
            ) if old != new]  # fmt: skip
            user.full_name, user.role = name, role
            if changes:
                tx.update(user)
                tx.enqueue(user, "update")
                for action, detail in changes:
                    tx.audit(action, user, detail)
            return _info(user, logins.locked_until(tx.session, user.username, tx.now))

    def set_active(self, actor: Actor, user_id: str, active: bool) -> UserInfo:
        """Deactivate (history kept, login refused) or reactivate a user. Refused
        for oneself and for the last active administrator."""
        require(actor, Permission.MANAGE_USERS)
        if not isinstance(active, bool):
            raise ValidationError({"active": _("Pilih aktif atau nonaktif.")})
        with Transaction.begin(self.core, actor) as tx:
            user = get_live(tx.session, User, user_id, _("Pengguna tidak ditemukan."))
            if user.active == active:
                return _info(user, logins.locked_until(tx.session, user.username, tx.now))
            if not active and user.id == actor.user_id:
                raise DomainError(_("Anda tidak dapat menonaktifkan akun Anda sendiri."))
            if not active and user.role == Role.ADMIN:
                self._keep_an_admin(tx, user, None)
            user.active = active
            tx.update(user)
            action = "user.reactivate" if active else "user.deactivate"
            tx.record(action, [(user, "update")], {"username": user.username})
            return _info(user, logins.locked_until(tx.session, user.username, tx.now))

    @staticmethod
    def _keep_an_admin(tx: Transaction, user: User, field: str | None) -> None:
        others = tx.session.scalar(
            select(func.count()).select_from(User).where(
                User.role == Role.ADMIN.value, User.active.is_(True),
                User.deleted_at.is_(None), User.id != user.id)
        )  # fmt: skip
        if not others:
            message = _("{name} adalah administrator aktif terakhir: jadikan pengguna lain "
                        "administrator dulu.").format(name=user.username)  # fmt: skip
            raise ValidationError({field: message}) if field else DomainError(message)

    def set_password(self, actor: Actor, user_id: str, password: str) -> None:
        """One's own new password, or (an administrator) a temporary one for
        someone else, which they replace at their next login. Either clears the
        user's lock at this desk."""
        if actor.user_id != user_id:
            require(actor, Permission.MANAGE_USERS)
        errors = _password_errors(password)
        if errors:
            raise ValidationError(errors)
        new_hash = _hasher.hash(password)
        with Transaction.begin(self.core, actor) as tx:
            user = get_live(tx.session, User, user_id, _("Pengguna tidak ditemukan."))
            own = user.id == actor.user_id
            user.password_hash, user.must_change_password = new_hash, not own
            tx.update(user)
            tx.record("user.password" if own else "user.password_reset", [(user, "update")],
                      {"username": user.username})  # fmt: skip
            logins.clear(tx, user.username)

    def unlock(self, actor: Actor, user_id: str) -> UserInfo:
        """End a user's lock (and wrong-password count) at this desk."""
        require(actor, Permission.MANAGE_USERS)
        with Transaction.begin(self.core, actor) as tx:
            user = get_live(tx.session, User, user_id, _("Pengguna tidak ditemukan."))
            if logins.clear(tx, user.username):
                tx.audit("user.unlock", user, {"username": user.username})
            return _info(user)
