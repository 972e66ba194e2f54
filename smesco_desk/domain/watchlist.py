"""The watchlist's rules: its kinds, and when a visitor's name is close to a listed one.

A visitor matches an entry by the same NIK pseudonym, the same phone (both
stored as +62...), or a close name. Close means, after folding (case and
diacritics ignored, punctuation dropped, single spaces) and spelling each word
the way its Indonesian variants agree (old spelling oe/dj/tj/sj/nj as u/j/c/sy/ny,
y as i, a doubled letter once, a final h after a vowel dropped: "Soekarno" is
"Sukarno", "Rudy" is "Rudi", "Muhammad" is "Muhamad", "Rahmah" is "Rahma"):
the same letters whatever the spacing ("Nur Haliza" / "Nurhaliza"), or the
same number of words that, paired up in the best order (word order ignored),
each start with the same letter and differ by at most a few edits (Levenshtein
distance): in all, none for names of four letters or fewer, one up to ten
letters, two beyond; and in one word, none for a word of three letters, one up
to six, two beyond. "Siti Rahma" is "Rahma Siti" and "Siti Rahmah"; "Rudy
Hartanto" is "Rudi Hartono"; "Budi Santoso" is not "Budi Santosa Putra" (a
word more), "Agus Salim" is not "Agus Halim" (another first letter), and "Ani"
is not "Adi" (too short to guess).

A "refused" entry is a person who may not enter: when they are matched by the
NIK or the phone, registration is refused and nobody at the desk can approve
it past (a supervisor who thinks it wrong changes the list). Matched by the
name alone it may be someone else with a similar name, so a supervisor may
approve, confirming it is not that person. A "needs approval" entry needs a
supervisor's approval whatever matched.
"""

from __future__ import annotations

import re
from enum import StrEnum
from itertools import permutations

from smesco_desk.domain.text import fold
from smesco_desk.i18n import N_, _


class WatchKind(StrEnum):
    REFUSED = "refused"
    APPROVAL = "approval"


KIND_LABELS = {
    WatchKind.REFUSED: N_("Dilarang masuk"),
    WatchKind.APPROVAL: N_("Perlu persetujuan"),
}


class MatchedBy(StrEnum):
    NIK = "nik"
    PHONE = "phone"
    NAME = "name"


MATCH_LABELS = {
    MatchedBy.NIK: N_("NIK sama"),
    MatchedBy.PHONE: N_("nomor HP sama"),
    MatchedBy.NAME: N_("nama mirip"),
}
SAME_NAME_LABEL = N_("nama sama")  # a name match that is the very name, once folded


def match_label(by: MatchedBy, same_name: bool = False) -> str:
    """What matched, in words: "nama sama" for the listed name itself (case,
    diacritics and punctuation aside), "nama mirip" for a close one."""
    if by == MatchedBy.NAME and same_name:
        return _(SAME_NAME_LABEL)
    return _(MATCH_LABELS[by])

_NOT_WORD = re.compile(r"[^\w\s]|_")
MAX_WORDS_PAIRED = 5  # beyond this, words are paired in sorted order only


def kind_label(kind: str) -> str:
    try:
        return _(KIND_LABELS[WatchKind(kind)])
    except ValueError:
        return kind


def name_key(name: str) -> str:
    """The name as the matching reads it: folded, punctuation dropped, single spaces."""
    return " ".join(_NOT_WORD.sub(" ", fold(name)).split())


def edit_budget(letters: int) -> int:
    """How many edits a name of this many letters may differ by and still be close."""
    if letters <= 4:
        return 0
    return 1 if letters <= 10 else 2


def levenshtein(a: str, b: str, cap: int) -> int:
    """The edit distance of a and b, or cap + 1 as soon as it must exceed cap."""
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > cap:
            return cap + 1
        previous = current
    return previous[-1]


# Old (pre-1972) spellings and common variants, each as the spelling they agree on.
_VARIANTS = (("oe", "u"), ("dj", "j"), ("tj", "c"), ("sj", "sy"), ("nj", "ny"), ("ph", "f"),
             ("y", "i"))  # fmt: skip
_DOUBLED = re.compile(r"(.)\1+")
_FINAL_H = re.compile(r"(?<=[aiueo])h$")


def spelling_key(word: str) -> str:
    """A folded word spelt as its variants agree ("Soekarno", "Sukarno": "sukarno")."""
    for old, new in _VARIANTS:
        word = word.replace(old, new)
    word = _DOUBLED.sub(r"\1", word)
    return _FINAL_H.sub("", word) if len(word) > 3 else word


def word_budget(letters: int) -> int:
    """How many edits one word of this many letters may differ by."""
    if letters <= 3:
        return 0
    return 1 if letters <= 6 else 2


def names_close(a_key: str, b_key: str) -> bool:
    """Whether two name keys (name_key) are close, as the module says."""
    a_words = [spelling_key(w) for w in a_key.split()]
    b_words = [spelling_key(w) for w in b_key.split()]
    if not a_words or not b_words:
        return False
    a_joined, b_joined = "".join(a_words), "".join(b_words)
    if a_joined == b_joined:
        return True
    if len(a_words) != len(b_words):
        return False
    budget = edit_budget(min(len(a_joined), len(b_joined)))
    if len(a_words) > MAX_WORDS_PAIRED:
        orders = [sorted(b_words)]
        a_words = sorted(a_words)
    else:
        orders = [list(p) for p in permutations(b_words)]
    return any(_within(a_words, order, budget) for order in orders)


def _within(a_words: list[str], b_words: list[str], budget: int) -> bool:
    spent = 0
    for a, b in zip(a_words, b_words, strict=True):
        if a[0] != b[0]:
            return False
        cap = min(budget - spent, word_budget(max(len(a), len(b))))
        distance = levenshtein(a, b, cap)
        if distance > cap:
            return False
        spent += distance
    return True


def approvable(kind: str, matched_by: set[MatchedBy]) -> bool:
    """Whether a supervisor may let a match through at the desk (module docstring)."""
    if kind != WatchKind.REFUSED:
        return True
    return matched_by == {MatchedBy.NAME}
