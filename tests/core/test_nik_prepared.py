"""NIK pseudonyms made ahead (issue 14): while the receptionist fills in the rest
of the form, the slow pseudonym of the NIK typed is made and kept ready; register
takes it (and computes it itself when it is not ready), to the same value, so
returning visitors and the watchlist are found as before. The memo keeps no NIK,
a few entries for a few minutes, and is emptied on logout and after an erasure.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from smesco_desk.domain import nik_memo
from smesco_desk.domain.nik import nik_pseudonym
from smesco_desk.domain.nik_memo import PseudonymMemo
from smesco_desk.errors import ApprovalRequired, PermissionDenied
from smesco_desk.services.actors import Actor, Role
from smesco_desk.services.core import Core
from smesco_desk.values.watchlist import WatchlistForm
from tests.core.helpers_core import NIK_BUDI, NIK_SITI, rows, visitor_form

KEY_A, KEY_B = b"a" * 32, b"b" * 32


def stored_hash(core: Core, name: str) -> str:
    [(hashed,)] = rows(core, f"SELECT nik_hash FROM visitors WHERE full_name = '{name}'")
    return str(hashed)


# --- the service ------------------------------------------------------------------


def test_a_prepared_pseudonym_is_the_computed_one(core: Core, receptionist: Actor) -> None:
    assert core.visitors.prepare_nik(receptionist, "3174 0157.0890-0001") is True
    assert core.nik_key.pseudonym(NIK_SITI) == nik_pseudonym(core.nik_key.key(), NIK_SITI)


def test_register_takes_the_prepared_pseudonym(
    core: Core, receptionist: Actor, hashes: list[str]
) -> None:
    core.visitors.prepare_nik(receptionist, NIK_SITI)
    assert hashes == [NIK_SITI]
    core.visitors.register(receptionist, visitor_form(nik=NIK_SITI))
    assert hashes == [NIK_SITI]  # not computed again
    assert stored_hash(core, "Siti Rahayu") == nik_pseudonym(core.nik_key.key(), NIK_SITI)
    # Saved: the memo no longer holds it.
    assert len(core.nik_key._ready) == 0


def test_register_computes_it_when_nothing_was_prepared(
    core: Core, receptionist: Actor, hashes: list[str]
) -> None:
    core.visitors.prepare_nik(receptionist, NIK_BUDI)  # someone else's
    core.visitors.register(receptionist, visitor_form(nik=NIK_SITI))
    assert hashes == [NIK_BUDI, NIK_SITI]
    assert stored_hash(core, "Siti Rahayu") == nik_pseudonym(core.nik_key.key(), NIK_SITI)


def test_a_returning_visitor_is_found_by_a_prepared_nik(core: Core, receptionist: Actor) -> None:
    first = core.visitors.register(receptionist, visitor_form(nik=NIK_SITI))
    core.visitors.prepare_nik(receptionist, NIK_SITI)
    again = core.visitors.register(receptionist, visitor_form(nik=NIK_SITI, phone="0857 1111 2222"))
    assert again.visitor_id == first.visitor_id
    assert rows(core, "SELECT visit_count FROM visitors") == [(2,)]


def test_the_watchlist_stops_a_prepared_nik_and_keeps_it_for_the_approved_retry(
    core: Core, receptionist: Actor, make_actor: Callable[[Role, str], Actor],
    hashes: list[str],
) -> None:  # fmt: skip
    hendra = make_actor(Role.SUPERVISOR, "hendra")
    core.watchlist.save(
        hendra, WatchlistForm("Joko Pranoto", "Sengketa sewa.", "approval", nik=NIK_BUDI)
    )
    core.visitors.prepare_nik(receptionist, NIK_BUDI)
    with pytest.raises(ApprovalRequired) as caught:
        core.visitors.register(receptionist, visitor_form(name="Ahmad Yani", nik=NIK_BUDI))
    assert caught.value.approvable
    assert len(core.nik_key._ready) == 1  # still ready for the registration once approved
    assert hashes.count(NIK_BUDI) == 2  # the entry's, and the one prepared


def test_not_a_nik_prepares_nothing(core: Core, receptionist: Actor) -> None:
    assert core.visitors.prepare_nik(receptionist, "3174 0157 0890") is False
    assert core.visitors.prepare_nik(receptionist, "") is False
    assert len(core.nik_key._ready) == 0


def test_only_who_registers_visitors_may_prepare(core: Core, tenant_manager: Actor) -> None:
    with pytest.raises(PermissionDenied):
        core.visitors.prepare_nik(tenant_manager, NIK_SITI)


def test_a_typed_nik_search_leaves_it_prepared(
    core: Core, receptionist: Actor, hashes: list[str]
) -> None:
    core.visitors.suggest(receptionist, "3174015708900001")
    core.visitors.register(receptionist, visitor_form(nik=NIK_SITI))
    assert hashes == [NIK_SITI]


def test_logout_and_erasure_empty_the_memo(
    core: Core, receptionist: Actor, supervisor: Actor
) -> None:
    core.visitors.prepare_nik(receptionist, NIK_SITI)
    core.visitors.forget_prepared_niks()
    assert len(core.nik_key._ready) == 0
    visit = core.visitors.register(receptionist, visitor_form(nik=NIK_SITI))
    core.visitors.prepare_nik(receptionist, NIK_BUDI)
    core.privacy.erase_visitor(supervisor, visit.visitor_id)
    assert len(core.nik_key._ready) == 0


def test_a_new_key_never_finds_a_pseudonym_prepared_under_the_old(
    core: Core, receptionist: Actor, data_dir: Path
) -> None:
    core.visitors.prepare_nik(receptionist, NIK_SITI)
    core.nik_key.adopt(KEY_B)  # no pseudonym stored yet: allowed
    assert core.nik_key.pseudonym(NIK_SITI) == nik_pseudonym(KEY_B, NIK_SITI)


# --- the memo ---------------------------------------------------------------------


class Ticks:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_memo_is_bounded_oldest_first() -> None:
    memo = PseudonymMemo(max_entries=2)
    for digits in ("1111", "2222", "3333"):
        memo.put(KEY_A, digits, "p" + digits)
    assert [memo.get(KEY_A, d) for d in ("1111", "2222", "3333")] == [None, "p2222", "p3333"]


def test_the_memo_forgets_after_its_time() -> None:
    ticks = Ticks()
    memo = PseudonymMemo(ttl_seconds=600, monotonic=ticks)
    memo.put(KEY_A, NIK_SITI, "siti")
    ticks.now += 599
    memo.put(KEY_A, NIK_BUDI, "budi")
    assert memo.get(KEY_A, NIK_SITI) == "siti"
    ticks.now += 2
    assert (memo.get(KEY_A, NIK_SITI), memo.get(KEY_A, NIK_BUDI)) == (None, "budi")
    assert len(memo) == 1


def test_the_memo_keeps_no_nik_and_keys_by_the_nik_key() -> None:
    memo = PseudonymMemo()
    memo.put(KEY_A, NIK_SITI, "siti")
    assert memo.get(KEY_B, NIK_SITI) is None
    kept = repr(memo) + repr(vars(memo)) + repr(list(memo._entries.items()))
    assert NIK_SITI not in kept and NIK_SITI.encode().hex() not in kept
    memo.discard(KEY_A, NIK_SITI)
    assert memo.get(KEY_A, NIK_SITI) is None


def test_the_memo_limits_are_small() -> None:
    assert nik_memo.MAX_ENTRIES <= 16 and nik_memo.TTL_SECONDS <= 15 * 60
