"""Finding visitors and visits by what was typed, through the search words.

Every typed term must be the start of a word of the same visitor (their
name's words, the runs of their phone's digits), or of the same organisation,
or of the same host (smesco_desk.domain.search_words says how text becomes
terms, smesco_desk.db.search_index keeps the words). Each term is an index
range of `search_words`, never a scan of the visits: the longest term leads,
and the others are looked up for each of its rows.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    TextClause,
    and_,
    exists,
    func,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.orm import Session

from smesco_desk.db.models import SearchWord, Visit
from smesco_desk.db.search_index import HOST, ORG, VISITOR
from smesco_desk.domain.search_words import Term, phone_query, query_terms, upper_bound


def _starts(word: Any, term: Term) -> ColumnElement[bool]:
    """`word` starts with one of the term's alternatives (each an index range)."""
    ranges = [and_(word >= alt, word < upper_bound(alt)) for alt in term]
    return ranges[0] if len(ranges) == 1 else or_(*ranges)


_WORDS = SearchWord.__table__


def matching(owner: str, terms: list[Term]) -> Select[str]:
    """The refs of `owner` (visitor ids, organisations, hosts) that every term
    starts a word of; `terms` longest first (query_terms), the first leads."""
    # Table aliases, not ORM ones: aliased() costs ~1 ms a search in adaptation.
    lead = _WORDS.alias()
    query = select(lead.c.ref).where(lead.c.owner == owner, _starts(lead.c.word, terms[0]))
    for term in terms[1:]:
        other = _WORDS.alias()
        query = query.where(
            exists().where(
                other.c.owner == owner, other.c.ref == lead.c.ref, _starts(other.c.word, term)
            )
        )
    return query.order_by(lead.c.word, lead.c.ref)


def visitor_ids(session: Session, typed: str, limit: int) -> tuple[list[str], str]:
    """Up to `limit` live visitors whom `typed` finds, in the order of the word
    that matched; and what it matched on (phone or name)."""
    terms = query_terms(typed)
    kind = "phone" if phone_query(typed) is not None else "name"
    if not terms:
        return [], kind
    found: list[str] = []
    conn = session.connection()
    # Each reading of the first term on its own (0812...: 62812... first, then
    # the run 0812): one index range in order, never the sort of their union.
    for alternative in terms[0]:
        if len(found) == limit:
            break
        shape = [(alternative,), *terms[1:]]
        # A visitor may match through two words ("Siti Sitorus" for "sit"): read more.
        params = _range_params(shape) | {"owner": VISITOR, "limit": limit * 4}
        for (ref,) in conn.execute(_lead_statement(tuple(len(t) for t in shape)), params):
            if ref not in found:
                found.append(ref)
                if len(found) == limit:
                    break
    return found, kind


# While typing, the statement is the time: `matching` built as a SQLAlchemy
# select costs ~5 ms a keystroke in construction and cache keys against ~0.4 ms
# in SQLite, so the suggestions run the same SQL as text, one per shape of terms.


@lru_cache(maxsize=64)
def _lead_statement(shape: tuple[int, ...]) -> TextClause:
    """`matching(VISITOR, terms)` as text, for terms of these many alternatives:
    the first term's words in index order, every other term an EXISTS."""

    def ranges(alias: str, term: int) -> str:
        alts = range(shape[term])
        return " OR ".join(f"({alias}.word >= :lo{term}_{a} AND {alias}.word < :hi{term}_{a})"
                           for a in alts)  # fmt: skip

    sql = f"SELECT s.ref FROM search_words AS s WHERE s.owner = :owner AND ({ranges('s', 0)})"
    for term in range(1, len(shape)):
        sql += (
            f" AND EXISTS (SELECT 1 FROM search_words AS o{term} WHERE o{term}.owner = :owner"
            f" AND o{term}.ref = s.ref AND ({ranges(f'o{term}', term)}))"
        )
    return text(sql + " ORDER BY s.word, s.ref LIMIT :limit")


def _range_params(terms: list[Term]) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for t, term in enumerate(terms):
        for a, alt in enumerate(term):
            params[f"lo{t}_{a}"], params[f"hi{t}_{a}"] = alt, upper_bound(alt)
    return params


MANY = 5000  # visits: past this, a page reads the visits newest first and checks each


def visit_matches(
    session: Session, typed: str, badge: str | None = None, for_page: bool = False
) -> list[ColumnElement[bool]]:
    """The visits `typed` finds, as the ways any one of which will do: its
    visitor, organisation or host has every term as the start of a word (a
    phone number only through the visitor), or its badge number is `badge`;
    none if nothing typed is searchable.

    Two ways to the same visits. Few of them (or to count them): one index
    lookup per kind, their visits gathered (SQLite's MULTI-INDEX OR), the
    organisations and hosts found read first and given as values (as a
    subquery, SQLite guesses that a range of words holds a quarter of them and
    reads every visit instead). Many of them, for a page (`for_page`): the
    visits newest first, each checked against the visitors, organisations and
    hosts found, until the page is full."""
    terms = query_terms(typed)
    texts: dict[str, list[str]] = {}
    if terms and phone_query(typed) is None:
        for owner in (ORG, HOST):
            texts[owner] = list(session.scalars(matching(owner, terms).order_by(None).distinct()))
    conds: list[ColumnElement[bool]] = []
    if terms:
        conds.append(Visit.visitor_id.in_(matching(VISITOR, terms).order_by(None)))
    for owner, column in ((ORG, Visit.organisation), (HOST, Visit.host)):
        if texts.get(owner):
            conds.append(column.in_(texts[owner]))
    if badge is not None:
        conds.append(Visit.badge_number == badge)
    if conds and for_page and terms and _count_capped(session, conds) >= MANY:
        return _checked_each(terms, badge, texts)
    return conds


def _count_capped(session: Session, conds: list[ColumnElement[bool]]) -> int:
    """How many visits the conditions find together, counted up to MANY (cheap either way)."""
    total = 0
    for cond in conds:
        # No column of the visit itself: each kind is counted in its index alone
        # (reading each visit's row for its id took 50 ms for 5,000 of them).
        query: Select[Any] = select(literal_column("1")).select_from(Visit).where(cond)
        capped = query.limit(MANY - total).subquery()
        total += session.scalar(select(func.count()).select_from(capped)) or 0
        if total >= MANY:
            break
    return total


def _checked_each(
    terms: list[Term], badge: str | None, texts: dict[str, list[str]]
) -> list[ColumnElement[bool]]:
    """The same visits as a condition checked on each visit row read newest first.

    The found visitors are one list subquery (SQLite builds it once, then each
    visit's visitor is a lookup in it), the organisations and hosts values; the
    visit's columns are written `col || ''` so that no index of theirs leads and
    the page is read down the check-in index until it is full (2-13 ms on 1M
    visits for a name 27,000 of them carry; a correlated check of each visit's
    words took 50-100 ms)."""

    def unindexed(column: Any) -> ColumnElement[str]:
        concat: ColumnElement[str] = column + literal_column("''")  # `col || ''`
        return concat

    conds: list[ColumnElement[bool]] = [
        unindexed(Visit.visitor_id).in_(matching(VISITOR, terms).order_by(None))
    ]
    for owner, column in ((ORG, Visit.organisation), (HOST, Visit.host)):
        if texts.get(owner):
            conds.append(unindexed(column).in_(texts[owner]))
    if badge is not None:
        conds.append(Visit.badge_number == badge)
    return conds


__all__ = ["HOST", "ORG", "VISITOR", "matching", "visit_matches", "visitor_ids"]
