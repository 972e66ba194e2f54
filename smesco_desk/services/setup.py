"""First start: the schema, this desk's code, default catalogue, first administrator."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from smesco_desk.db.models import Desk, DeskSetting, User, VisitPurpose
from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.i18n import _
from smesco_desk.services.actors import SYSTEM, Actor, Role
from smesco_desk.services.transaction import Transaction
from smesco_desk.services.users import UserInfo, UserService

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

DESK_RE = re.compile(r"^[A-Z][A-Z0-9]{1,7}$")

# code, Indonesian label, English label
DEFAULT_PURPOSES: list[tuple[str, str, str]] = [
    ("business_lounge", "Business Lounge", "Business lounge"),
    ("workshop", "Bengkel Produk", "Product workshop"),
    ("training", "Pelatihan / Kelas", "Training / class"),
    ("meeting", "Rapat", "Meeting"),
    ("food_court", "Pujasera", "Food court"),
    ("showcase", "Galeri UMKM", "UMKM showcase"),
    ("other", "Lainnya", "Other"),
]


def normalize_desk_code(code: str) -> str:
    code = code.strip().upper()
    if not DESK_RE.match(code):
        raise ValidationError(
            {"desk": _("Kode desk 2-8 huruf besar/angka, diawali huruf, mis. D01.")}
        )
    return code


class SetupService:
    def __init__(self, core: Core) -> None:
        self.core = core

    def is_initialized(self) -> bool:
        with self.core.db.read() as session:
            return session.get(DeskSetting, "desk_code") is not None

    def needs_admin(self) -> bool:
        with self.core.db.read() as session:
            return not session.scalar(select(func.count()).select_from(User))

    def needs_setup(self) -> bool:
        return not self.is_initialized() or self.needs_admin()

    def initialize(self, desk_code: str = "D01", actor: Actor = SYSTEM) -> str:
        """Create this desk and the default catalogue; idempotent. Returns the desk code."""
        code = normalize_desk_code(desk_code)
        with self.core.db.write() as session:
            new = session.get(DeskSetting, "desk_code") is None
            done = self.initialize_in(Transaction.joining(self.core, session, actor, code))
        self.core.forget_desk_code()
        if new:
            self.core.nik_key.key()  # a new desk gets its NIK key now, outside the database
        return done

    def initialize_in(self, tx: Transaction) -> str:
        """`initialize` inside the caller's write transaction, as its actor, for
        the desk code it is at (enrolment sets the desk up in the same transaction
        that links it). The caller forgets the core's cached desk code once that
        transaction is over."""
        code, session = tx.desk, tx.session
        existing = session.get(DeskSetting, "desk_code")
        if existing is not None:
            if existing.value != code and code:
                raise DomainError(
                    _("Desk ini sudah berkode {code}.").format(code=existing.value), "desk"
                )
            return existing.value
        session.add(DeskSetting(key="desk_code", value=code))
        session.flush()
        self.core.forget_desk_code()
        self.core._desk_code = code
        desk = session.scalar(select(Desk).where(Desk.code == code))
        if desk is None:
            desk = tx.insert(Desk(code=code, name=_("Meja depan {code}").format(code=code)))
            tx.record("desk.create", [(desk, "insert")])
        self._seed_purposes(tx)
        self.core.payments.seed_defaults(session, tx.actor, code)
        return code

    @staticmethod
    def _seed_purposes(tx: Transaction) -> None:
        if tx.session.scalar(select(func.count()).select_from(VisitPurpose)):
            return
        for order, (pcode, label_id, label_en) in enumerate(DEFAULT_PURPOSES):
            purpose = tx.insert(
                VisitPurpose(
                    code=pcode, label_id=label_id, label_en=label_en, sort_order=order, active=True
                )
            )
            tx.record("purpose.create", [(purpose, "insert")])

    def create_first_admin(self, username: str, full_name: str, password: str) -> UserInfo:
        """The first administrator; refused once any user exists."""
        with Transaction.begin(self.core, SYSTEM) as tx:
            if tx.session.scalar(select(func.count()).select_from(User)):
                raise DomainError(_("Administrator pertama sudah dibuat."))
            return UserService.create_in(tx, username, full_name, password, Role.ADMIN.value)
