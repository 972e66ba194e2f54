"""Who acts: users with roles, the command line, the system itself."""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from enum import StrEnum

from smesco_desk.errors import PermissionDenied
from smesco_desk.i18n import N_, _


class Role(StrEnum):
    RECEPTIONIST = "receptionist"
    TENANT_MANAGER = "tenant_manager"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


ROLE_LABELS = {
    Role.RECEPTIONIST: N_("Resepsionis"),
    Role.TENANT_MANAGER: N_("Pengelola tenan"),
    Role.SUPERVISOR: N_("Supervisor"),
    Role.ADMIN: N_("Administrator"),
}


class Permission(StrEnum):
    REGISTER_VISITOR = "register_visitor"
    VIEW_VISITORS = "view_visitors"
    VIEW_PERSONAL_DATA = "view_personal_data"
    CHECK_OUT = "check_out"
    PRINT_MUSTER = "print_muster"
    MANAGE_PURPOSES = "manage_purposes"
    MANAGE_SETTINGS = "manage_settings"
    MANAGE_USERS = "manage_users"
    VIEW_AUDIT = "view_audit"
    BACKUP = "backup"
    MANAGE_PERSONAL_DATA = "manage_personal_data"
    TAKE_PAYMENT = "take_payment"
    VIEW_RECEIPTS = "view_receipts"
    VOID_RECEIPT = "void_receipt"
    MANAGE_PRICES = "manage_prices"
    MANAGE_SPACES = "manage_spaces"
    BOOK_SPACE = "book_space"
    WAIVE_BOOKING_FEE = "waive_booking_fee"
    MANAGE_STALLS = "manage_stalls"
    MANAGE_TENANTS = "manage_tenants"
    MANAGE_LEASES = "manage_leases"
    # A supervisor's word at the desk: a price changed from the price list, a
    # discount above the limit, a visitor the watchlist names (issue 13).
    APPROVE_EXCEPTIONS = "approve_exceptions"
    MANAGE_WATCHLIST = "manage_watchlist"


_FRONT = {Role.RECEPTIONIST, Role.SUPERVISOR, Role.ADMIN}
_ALL = set(Role)
# The food court's tenancies: the tenant manager and supervisors (issue 12).
_TENANCY = {Role.TENANT_MANAGER, Role.SUPERVISOR, Role.ADMIN}
GRANTS: dict[Permission, set[Role]] = {
    Permission.REGISTER_VISITOR: _FRONT,
    Permission.VIEW_VISITORS: _ALL,
    Permission.VIEW_PERSONAL_DATA: _FRONT,
    Permission.CHECK_OUT: _FRONT,
    Permission.PRINT_MUSTER: _ALL,
    Permission.MANAGE_PURPOSES: {Role.SUPERVISOR, Role.ADMIN},
    Permission.MANAGE_SETTINGS: {Role.ADMIN},
    Permission.MANAGE_USERS: {Role.ADMIN},
    Permission.VIEW_AUDIT: {Role.SUPERVISOR, Role.ADMIN},
    Permission.BACKUP: {Role.SUPERVISOR, Role.ADMIN},
    Permission.MANAGE_PERSONAL_DATA: {Role.SUPERVISOR, Role.ADMIN},
    Permission.TAKE_PAYMENT: _ALL,
    Permission.VIEW_RECEIPTS: _ALL,
    Permission.VOID_RECEIPT: {Role.SUPERVISOR, Role.ADMIN},
    Permission.MANAGE_PRICES: {Role.SUPERVISOR, Role.ADMIN},
    Permission.MANAGE_SPACES: {Role.ADMIN},
    Permission.BOOK_SPACE: _ALL,
    Permission.WAIVE_BOOKING_FEE: {Role.SUPERVISOR, Role.ADMIN},
    Permission.MANAGE_STALLS: {Role.ADMIN},
    Permission.MANAGE_TENANTS: _TENANCY,
    Permission.MANAGE_LEASES: _TENANCY,
    Permission.APPROVE_EXCEPTIONS: {Role.SUPERVISOR, Role.ADMIN},
    Permission.MANAGE_WATCHLIST: {Role.SUPERVISOR, Role.ADMIN},
}


@dataclass(frozen=True)
class Actor:
    """The acting person, as recorded in the audit log."""

    username: str
    role: Role
    kind: str = "user"  # user | cli | system
    full_name: str = ""
    user_id: str | None = None
    # A cash drawer of its own (the command line's till): its shift is the
    # till's, not the person's, so a script's sales never land in the drawer
    # the person has open in the window. The receipts still name the person.
    till: str | None = None
    till_name: str = ""

    @property
    def audit_name(self) -> str:
        return self.username if self.kind == "user" else f"{self.kind}:{self.username}"

    @property
    def shift_owner(self) -> str:
        """Whose cash shift this actor's payments go into."""
        return self.till or self.username

    @property
    def shift_owner_name(self) -> str:
        return self.till_name or self.full_name or self.username

    def can(self, permission: Permission) -> bool:
        return self.role in GRANTS[permission]


def cli_actor() -> Actor:
    """The operating-system user running the command line (acts as admin)."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        name = "unknown"
    return Actor(username=name, role=Role.ADMIN, kind="cli", full_name=name)


# The command line's own cash drawer at each desk (not a valid user name).
CLI_TILL = "(cli)"
CLI_TILL_NAME = "Baris perintah"


def cli_user_actor(username: str, role: Role, full_name: str, user_id: str | None) -> Actor:
    """A user who logged in on the command line: recorded as that user; pays into
    the command line's till."""
    return Actor(username, role, "user", full_name, user_id, CLI_TILL, CLI_TILL_NAME)


SYSTEM = Actor(username="system", role=Role.ADMIN, kind="system", full_name="Smesco Desk")


def require(actor: Actor, permission: Permission) -> None:
    if not actor.can(permission):
        raise PermissionDenied(
            _("Peran {role} tidak boleh melakukan ini.").format(role=_(ROLE_LABELS[actor.role]))
        )
