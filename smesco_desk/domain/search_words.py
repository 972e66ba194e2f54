"""The words a person is found by, and what a typed search looks for among them.

A row (a visitor, an organisation, a host) is stored under every word of its
text, folded (lower case, no diacritics), and a phone number under every run
of its digits from some position to its end that is at least four digits
long, marked as a phone's (`PHONE_MARK`): typing "00" finds a name's "001",
not every phone with two zeros in it. A typed search is split the same way,
and each of its terms must be the beginning of one of the row's words: the
beginning of any word of a name
("nurhal" finds "Siti Nurhaliza"), and any run of four or more digits of a
phone ("7890" is the beginning of the run "7890" that ends the number).

Invariants:
- every alternative of a term of `query_terms(t)` is non-empty; a phone's is
  `PHONE_MARK` and at least `MIN_PHONE_RUN` digits; four digits or more are
  always a phone's;
- if `t` is a run of the phone's digits (typed 08..., +62 ..., 62... or from
  the middle, with spaces, dots or dashes), `query_terms(t)` is one term, one
  of whose alternatives starts some element of `phone_words(phone)`;
- `name_words` and `query_terms` fold the same way, so a word of a name typed
  whole, or its start, is always found.
"""

from __future__ import annotations

import re

from smesco_desk.domain.text import fold

MIN_PHONE_RUN = 4
PHONE_MARK = "#"  # starts a phone's words: "00" is the start of a name's "001", not a phone's
MAX_WORD = 64  # longer words are cut: nobody types past that
Term = tuple[str, ...]  # a typed term: the word starts any one of which will do
_SEPARATORS = re.compile(r"[\s.\-()/]+")
_NOT_WORD = re.compile(r"[^\w]+")
_PHONE_TYPED = re.compile(r"\+?[\d\s.\-()/]+")


def name_words(text: str) -> set[str]:
    """The folded words of a name, organisation or host: each word whole without
    its punctuation ("nur'aini" -> "nuraini") and each of its parts ("nur", "aini")."""
    words: set[str] = set()
    for token in fold(text).split():
        whole = _NOT_WORD.sub("", token).replace("_", "")
        if whole:
            words.add(whole[:MAX_WORD])
        for part in _NOT_WORD.split(token):
            part = part.replace("_", "")
            if part:
                words.add(part[:MAX_WORD])
    return words


def phone_words(phone_key: str | None) -> set[str]:
    """The runs of a phone's digits (62812...) from each position to the end, at
    least `MIN_PHONE_RUN` long: any run of the number is the start of one."""
    digits = re.sub(r"\D", "", phone_key or "")
    return {PHONE_MARK + digits[i:] for i in range(len(digits) - MIN_PHONE_RUN + 1)}


def phone_query(typed: str) -> tuple[str, ...] | None:
    """The runs of a phone's digits (as stored: 62...) that a typed number or part
    of one may be, or None if `typed` is not a phone at all or has fewer than four
    digits. A leading 0 is the national prefix (0812... is 62812...) or a run's
    own first digit ("0668", the last four of ...0668): both are looked for."""
    if not _PHONE_TYPED.fullmatch(typed.strip()):
        return None
    text = typed.strip()
    digits = re.sub(r"\D", "", text)
    if not digits.isascii() or len(digits) < MIN_PHONE_RUN:
        return None
    if text.startswith("+"):
        return (digits,)
    return _runs(digits)


def _runs(digits: str) -> tuple[str, ...]:
    # The prefix's reading first: 0812... is far more often a number's start.
    if digits.startswith("00") and len(digits) - 2 >= MIN_PHONE_RUN:
        return (digits[2:], digits)  # 0062...: the international prefix
    if digits.startswith("0") and not digits.startswith("00"):
        return ("62" + digits[1:], digits)
    return (digits,)  # a run from anywhere in the number (62812..., 812..., 7890)


def query_terms(typed: str) -> list[Term]:
    """What a typed search looks for, each term a tuple of alternatives (a word's
    start, or the runs a phone's digits may be): one phone term if it reads as a
    phone number, otherwise the folded words typed, longest first. Words of one
    letter count only beside a longer one; four digits or more beside words are
    a run of the phone."""
    if _PHONE_TYPED.fullmatch(typed.strip()):
        phone = phone_query(typed)
        return [tuple(PHONE_MARK + run for run in phone)] if phone is not None else []
    terms: list[Term] = []
    for token in fold(typed).split():
        whole = _NOT_WORD.sub("", token).replace("_", "")[:MAX_WORD]
        term: Term = (whole,)
        if whole.isascii() and whole.isdigit() and len(whole) >= MIN_PHONE_RUN:
            term = tuple(PHONE_MARK + run for run in _runs(whole))  # beside a name: a phone's
        if whole and term not in terms:
            terms.append(term)
    terms.sort(key=lambda t: len(t[0]), reverse=True)
    if not terms or len(terms[0][0]) < 2:
        return []
    return terms


def upper_bound(prefix: str) -> str:
    """The smallest string greater than every string starting with `prefix`."""
    return prefix + "\U0010ffff"
