"""Finding visitors and visits by what was typed, through the search words.

Every typed term must be the start of a word of the same visitor (their
name's words, the runs of their phone's digits), or of the same organisation,
or of the same host (smesco_desk.domain.search_words says how text becomes
terms, smesco_desk.db.search_index keeps the words). Each term is an index
range of `search_words`, never a scan of the visits: the longest term leads,
and the others are looked up for each of its rows.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, or_, select
from sqlalchemy.orm import Session, aliased

from smesco_desk.db.models import SearchWord, Visit
from smesco_desk.db.search_index import HOST, ORG, VISITOR
from smesco_desk.domain.search_words import phone_query, query_terms, upper_bound


def _starts(word: Any, term: str) -> ColumnElement[bool]:
    return and_(word >= term, word < upper_bound(term))


def matching(owner: str, terms: list[str]) -> Select[str]:
    """The refs of `owner` (visitor ids, organisations, hosts) that every term
    starts a word of; `terms` longest first (query_terms), the first leads."""
    lead = aliased(SearchWord)
    query = select(lead.ref).where(lead.owner == owner, _starts(lead.word, terms[0]))
    for term in terms[1:]:
        other = aliased(SearchWord)
        query = query.where(
            exists().where(other.owner == owner, other.ref == lead.ref, _starts(other.word, term))
        )
    return query.order_by(lead.word, lead.ref)


def visitor_ids(session: Session, typed: str, limit: int) -> tuple[list[str], str]:
    """Up to `limit` live visitors whom `typed` finds, in the order of the word
    that matched; and what it matched on (phone or name)."""
    terms = query_terms(typed)
    kind = "phone" if phone_query(typed) is not None else "name"
    if not terms:
        return [], kind
    found: list[str] = []
    # A visitor may match through two words ("Siti Sitorus" for "sit"): read more.
    for ref in session.scalars(matching(VISITOR, terms).limit(limit * 4)):
        if ref not in found:
            found.append(ref)
            if len(found) == limit:
                break
    return found, kind


def visit_matches(typed: str) -> ColumnElement[bool] | None:
    """The visits `typed` finds: its visitor, organisation or host has every term
    as the start of a word (a phone number only through the visitor); None if
    nothing typed is searchable."""
    terms = query_terms(typed)
    if not terms:
        return None
    conds: list[ColumnElement[bool]] = [
        Visit.visitor_id.in_(matching(VISITOR, terms).order_by(None))
    ]
    if phone_query(typed) is None:
        conds.append(Visit.organisation.in_(matching(ORG, terms).order_by(None)))
        conds.append(Visit.host.in_(matching(HOST, terms).order_by(None)))
    return or_(*conds)


__all__ = ["HOST", "ORG", "VISITOR", "matching", "visit_matches", "visitor_ids"]
