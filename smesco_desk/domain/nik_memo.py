"""NIK pseudonyms made ahead: a few, for minutes, in memory only.

A pseudonym costs tens of milliseconds on purpose (smesco_desk.domain.nik), and
it depends only on the NIK and the desk's NIK key, so it can be made while the
receptionist is still filling in the rest of the form; registering then finds
it ready instead of making the person at the desk wait for it. This memo is
where it waits. It is a cache, never a source: a missing entry is computed
again and gives the same pseudonym.

What it keeps, and for how long:

- At most `MAX_ENTRIES` pseudonyms, each for at most `TTL_SECONDS`; the oldest
  goes first. Its owner clears it on logout and after an erasure, and drops an
  entry once the registration it was made for is saved.
- No NIK: an entry is found by a keyed BLAKE2b of the NIK and the NIK key under
  a random secret of this memo, made when it is and never kept anywhere else.
  A stray `repr`, log line or traceback shows no NIK, and an entry made under
  one NIK key is never found under another (a desk enrolled meanwhile).
- Nothing on disk: it lives in the process and dies with it.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

MAX_ENTRIES = 8
TTL_SECONDS = 600.0


class PseudonymMemo:
    """Pseudonyms by (NIK key, NIK digits), bounded in number and age; thread-safe."""

    def __init__(
        self,
        max_entries: int = MAX_ENTRIES,
        ttl_seconds: float = TTL_SECONDS,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._max = max_entries
        self._ttl = ttl_seconds
        self._monotonic = monotonic
        self._secret = secrets.token_bytes(32)
        self._entries: OrderedDict[bytes, tuple[float, str]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: bytes, digits: str) -> str | None:
        """The pseudonym kept for these NIK digits under this key, if still fresh."""
        slot = self._slot(key, digits)
        with self._lock:
            self._drop_stale()
            entry = self._entries.get(slot)
            return None if entry is None else entry[1]

    def put(self, key: bytes, digits: str, pseudonym: str) -> None:
        slot = self._slot(key, digits)
        with self._lock:
            self._entries.pop(slot, None)
            self._entries[slot] = (self._monotonic(), pseudonym)
            while len(self._entries) > self._max:
                self._entries.popitem(last=False)

    def discard(self, key: bytes, digits: str) -> None:
        slot = self._slot(key, digits)
        with self._lock:
            self._entries.pop(slot, None)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        with self._lock:
            self._drop_stale()
            return len(self._entries)

    def __repr__(self) -> str:
        return f"<PseudonymMemo: {len(self)} of at most {self._max}>"

    def _slot(self, key: bytes, digits: str) -> bytes:
        data = len(key).to_bytes(2, "big") + key + digits.encode("ascii")
        return hashlib.blake2b(data, key=self._secret, digest_size=32).digest()

    def _drop_stale(self) -> None:
        oldest_kept = self._monotonic() - self._ttl
        while self._entries:
            slot, (made_at, _pseudonym) = next(iter(self._entries.items()))
            if made_at > oldest_kept:
                return
            del self._entries[slot]
