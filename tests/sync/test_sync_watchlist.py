"""The watchlist is a synced table: an entry a supervisor adds at one desk stops
the person at every desk, and taking it off (a blanked tombstone) lets them in
everywhere, leaving no copy of their data at the server."""

from __future__ import annotations

import pytest

from smesco_desk.errors import ApprovalRequired
from smesco_desk.values.watchlist import WatchlistForm
from tests.sync.helpers_sync import SUPERVISOR, Desks, register, server_rows, sync_all

pytestmark = pytest.mark.slow

FORM = WatchlistForm("Joko Pranoto", "Mengancam petugas.", "refused", phone="0812 7777 8888")


def test_an_entry_reaches_every_desk_and_its_removal_too(desks: Desks, server_url: str) -> None:
    d1, d2 = desks.first("D01"), desks.join("D02")
    entry = d1.watchlist.save(SUPERVISOR, FORM)
    sync_all(d1, d2)
    assert [e.id for e in d2.watchlist.entries(SUPERVISOR)] == [entry.id]
    with pytest.raises(ApprovalRequired) as stop:
        register(d2, "Budi Lain", "0812 7777 8888")
    assert not stop.value.approvable and "Mengancam petugas." in stop.value.message

    d1.watchlist.remove(SUPERVISOR, entry.id)
    sync_all(d1, d2)
    assert d2.watchlist.entries(SUPERVISOR) == []
    assert register(d2, "Budi Lain", "0812 7777 8888").badge_number.startswith("D02-")
    [(name, phone, deleted)] = server_rows(
        server_url, "SELECT full_name, phone, deleted_at FROM watchlist_entries"
    )
    assert (name, phone) == ("(dihapus)", None) and deleted is not None
    log = server_rows(server_url, "SELECT payload::text FROM sync_changes")
    assert not any("Joko Pranoto" in str(r[0]) or "+6281277778888" in str(r[0]) for r in log)
