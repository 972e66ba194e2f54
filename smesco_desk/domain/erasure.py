"""What erasing a person (UU PDP) blanks, in every copy of a row the system keeps.

The same rule runs on a row of a table, on a payload in the outbox, in a sync
conflict, in a held change and in the server's change log, so every copy ends
alike at every desk and at the server without the erasure carrying any of the
data it erases (it names the visitor only).

Which rows belong to the person is found by structure, never by searching for
the name: the visitor; the visits that point at them; the charges they are the
payer of (payer kind "visitor"); the receipts of those charges; the audit
entries about any of these; the event participants whose check-in was one of
their visits. One relation is found by the person's data, once, at the desk
that erases them and before it blanks the visitor: the event participants with
the same NIK pseudonym, or the same phone and name (smesco_desk.services.erasure),
and likewise the businesses they own (the food court's tenants); that desk
blanks those rows as queued updates, which sync carries like the
visitor's tombstone. Of those rows only the personal columns change:
counts, times and amounts stay, so reports still add up.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from smesco_desk.domain.text import fold

ERASED_NAME = "(dihapus)"

# The personal columns of each kind of row, and what they become.
BLANKS: dict[str, dict[str, Any]] = {
    "visitors": {
        "full_name": ERASED_NAME,
        "name_key": "",
        "organisation": "",
        "phone": None,
        "phone_key": None,
        "nik_masked": None,
        "nik_hash": None,
    },
    "visits": {"visitor_name": ERASED_NAME, "organisation": ""},
    "charges": {"payer_name": ERASED_NAME},
    "receipts": {"payer_name": ERASED_NAME, "payer_key": fold(ERASED_NAME)},
    "booking_attendees": {
        "name": ERASED_NAME,
        "phone": "",
        "organisation": "",
        "email": "",
        "nik_masked": None,
        "nik_hash": None,
    },
    # A business's owner (the food court's tenants): the business's own identity
    # (its name, NIB, NPWP, products) is not the person's and stays.
    "businesses": {
        "owner_name": ERASED_NAME,
        "phone": "",
        "owner_nik_masked": None,
        "owner_nik_hash": None,
    },
    # The documents of those businesses' tenants (scans of a lease, a permit): the
    # whole document is the person's; it also becomes a tombstone (see `scrub`).
    "tenant_documents": {"title": "", "file_name": ""},
    "document_blobs": {"content": b""},  # "" (base64) in a payload
    # The watchlist's entries about the person that are no longer in force (one in
    # force is kept for the building's security: smesco_desk.services.watchlist).
    "watchlist_entries": {
        "full_name": ERASED_NAME,
        "name_key": "",
        "phone": None,
        "nik_masked": None,
        "nik_hash": None,
        "reason": "",
    },
}
# Rows that become tombstones when blanked (a document is nothing without its bytes).
TOMBSTONED = frozenset({"tenant_documents", "document_blobs", "watchlist_entries"})
# Keys of an audit entry's detail that may hold a person's data.
PERSONAL_DETAIL_KEYS = frozenset(
    {"payer", "name", "full_name", "visitor_name", "phone", "nik", "organisation", "reasons"}
)
# The order in which relations are learnt: a receipt is the person's through its charge.
_LEARN_ORDER = (
    "visits",
    "charges",
    "receipts",
    "booking_attendees",
    "businesses",
    "tenant_documents",
    "document_blobs",
    "watchlist_entries",
)


@dataclass
class ErasedPeople:
    """The visitors being erased and the ids of the rows that hold their data."""

    visitors: set[str]
    visits: set[str] = field(default_factory=set)
    charges: set[str] = field(default_factory=set)
    receipts: set[str] = field(default_factory=set)
    # Event participants who are the person (same NIK pseudonym, or same phone and
    # name, found where the visitor was erased) or whose check-in was their visit.
    attendees: set[str] = field(default_factory=set)
    # Businesses whose owner is the person (found like the participants, and named
    # by the erasure), or whose owner was erased as such.
    businesses: set[str] = field(default_factory=set)
    # The tenants of those businesses (found by structure where the erasure is
    # carried out), their documents and the documents' bytes.
    tenants: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    blobs: set[str] = field(default_factory=set)
    # The watchlist's entries about them that the erasure blanks (found by the
    # person's data where they were erased, as the participants).
    watchlist: set[str] = field(default_factory=set)

    def related_ids(self) -> set[str]:
        """Every row id whose audit entries may name the person."""
        return (
            self.visitors
            | self.visits
            | self.charges
            | self.receipts
            | self.attendees
            | self.businesses
            | self.documents
            | self.blobs
            | self.watchlist
        )

    def learn(self, rows: Iterable[tuple[str, Mapping[str, Any]]]) -> None:
        """Add the rows among (entity, payload) that belong to the person (a rejected
        visit, say, that only a conflict or the outbox still holds)."""
        rows = list(rows)
        for entity in _LEARN_ORDER:
            for name, payload in rows:
                if name == entity and self._owns(entity, payload):
                    self._ids(entity).add(str(payload.get("id")))

    def _ids(self, entity: str) -> set[str]:
        return {
            "visitors": self.visitors,
            "visits": self.visits,
            "charges": self.charges,
            "receipts": self.receipts,
            "booking_attendees": self.attendees,
            "businesses": self.businesses,
            "tenant_documents": self.documents,
            "document_blobs": self.blobs,
            "watchlist_entries": self.watchlist,
        }[entity]

    def _owns(self, entity: str, payload: Mapping[str, Any]) -> bool:
        if entity == "visitors":
            return payload.get("id") in self.visitors
        if entity == "visits":
            return payload.get("visitor_id") in self.visitors or payload.get("id") in self.visits
        if entity == "charges":
            by_payer = payload.get("payer_kind") == "visitor"
            return (by_payer and payload.get("payer_id") in self.visitors) or (
                payload.get("id") in self.charges
            )
        if entity == "receipts":
            return payload.get("charge_id") in self.charges or payload.get("id") in self.receipts
        if entity == "booking_attendees":
            visit = payload.get("visit_id")
            by_visit = visit is not None and visit in self.visits
            return by_visit or payload.get("id") in self.attendees
        if entity == "businesses":
            return payload.get("id") in self.businesses
        if entity == "tenant_documents":
            return payload.get("tenant_id") in self.tenants or payload.get("id") in self.documents
        if entity == "document_blobs":
            by_document = payload.get("document_id") in self.documents
            return by_document or payload.get("id") in self.blobs
        if entity == "watchlist_entries":
            return payload.get("id") in self.watchlist
        return False

    def scrub(self, entity: str, payload: Mapping[str, Any]) -> dict[str, Any] | None:
        """The payload with the person's data blanked; None when it holds none of it."""
        if entity in BLANKS:
            if not self._owns(entity, payload):
                return None
            blanks = {k: "" if isinstance(v, bytes) else v for k, v in BLANKS[entity].items()}
            out = {**payload, **{k: v for k, v in blanks.items() if k in payload}}
            if entity in TOMBSTONED and not out.get("deleted_at"):
                out["deleted_at"] = out.get("updated_at")
        elif entity == "audit_log":
            if payload.get("entity_id") not in self.related_ids():
                return None
            out = {**payload, "detail": scrub_detail(payload.get("detail"))}
        elif entity == "sync_conflicts":
            out = self._scrub_conflict(payload)
        else:
            return None
        return None if out == dict(payload) else out

    def _scrub_conflict(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        out = dict(payload)
        for side in ("local_payload", "server_payload"):
            inner = payload.get(side)
            if isinstance(inner, Mapping):
                out[side] = self.scrub(str(payload.get("entity")), inner) or dict(inner)
        return out


def scrub_detail(detail: Any) -> Any:
    """An audit entry's detail without the keys that may name a person."""
    if not isinstance(detail, Mapping):
        return detail
    return {k: ERASED_NAME if k in PERSONAL_DETAIL_KEYS and v else v for k, v in detail.items()}
