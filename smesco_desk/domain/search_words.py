"""The words a person is found by, and what a typed search looks for among them.

A row (a visitor, an organisation, a host) is stored under every word of its
text, folded (lower case, no diacritics), and a phone number under every run
of its digits from some position to its end that is at least four digits
long. A typed search is split the same way, and each of its terms must be the
beginning of one of the row's words: the beginning of any word of a name
("nurhal" finds "Siti Nurhaliza"), and any run of four or more digits of a
phone ("7890" is the beginning of the run "7890" that ends the number).

Invariants:
- every term of `query_terms(t)` is non-empty, and a term made of digits only
  has at least `MIN_PHONE_RUN` digits;
- if `t` is a run of the phone's digits (typed 08..., +62 ..., 62... or from
  the middle, with spaces, dots or dashes), `query_terms(t)` is one term that
  starts some element of `phone_words(phone)`;
- `name_words` and `query_terms` fold the same way, so a word of a name typed
  whole, or its start, is always found.
"""

from __future__ import annotations

import re

from smesco_desk.domain.text import fold

MIN_PHONE_RUN = 4
MAX_WORD = 64  # longer words are cut: nobody types past that
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
    return {digits[i:] for i in range(len(digits) - MIN_PHONE_RUN + 1)}


def phone_query(typed: str) -> str | None:
    """The digits of a typed phone number or part of one as stored (62...), or
    None if `typed` is not a phone at all or has fewer than four digits."""
    if not _PHONE_TYPED.fullmatch(typed.strip()):
        return None
    text = typed.strip()
    digits = re.sub(r"\D", "", text)
    if not digits.isascii() or len(digits) < MIN_PHONE_RUN:
        return None
    if text.startswith("+"):
        return digits
    if digits.startswith("00"):
        return digits[2:] if len(digits) - 2 >= MIN_PHONE_RUN else None
    if digits.startswith("0"):  # 0812...: the national form of 62812...
        return "62" + digits[1:]
    return digits  # a run from anywhere in the number (62812..., 812..., 7890)


def query_terms(typed: str) -> list[str]:
    """What a typed search looks for: one phone run if it reads as a phone
    number, otherwise the folded words typed (each the start of a word), longest
    first. Words of one letter count only beside a longer one; digits count
    from four on."""
    if _PHONE_TYPED.fullmatch(typed.strip()):
        phone = phone_query(typed)
        return [phone] if phone is not None else []
    terms: list[str] = []
    for token in fold(typed).split():
        whole = _NOT_WORD.sub("", token).replace("_", "")[:MAX_WORD]
        if whole.isdigit() and len(whole) < MIN_PHONE_RUN:
            continue  # a run of a phone is four digits or more
        if whole and whole not in terms:
            terms.append(whole)
    terms.sort(key=len, reverse=True)
    if not terms or len(terms[0]) < 2:
        return []
    return terms


def upper_bound(prefix: str) -> str:
    """The smallest string greater than every string starting with `prefix`."""
    return prefix + "\U0010ffff"
