"""Posting what falls due, as the application does it by itself: the rent of
every live lease due by today, then the late fees on what is overdue
(services.foodcourt.rent, services.foodcourt.late_fees). The main window runs
it at start and on its timer, as the system; the command line's `post-rent`
runs it too. Safe to repeat: nothing is posted twice."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from smesco_desk.services.actors import SYSTEM, Actor, Permission, require
from smesco_desk.services.foodcourt.late_fees import post_late_fees
from smesco_desk.services.foodcourt.rent import post_rent
from smesco_desk.values.foodcourt import TenantChargeItem

if TYPE_CHECKING:
    from smesco_desk.services.core import Core


def post_due(core: Core, actor: Actor = SYSTEM, day: date | None = None) -> list[TenantChargeItem]:
    """Post the rent and then the late fees due on or before `day` (WIB; today);
    the charges made (rent first)."""
    require(actor, Permission.MANAGE_LEASES)
    return [*post_rent(core, actor, day), *post_late_fees(core, actor, day)]
