"""Line breaking for fitted text: balanced lines, greedy lines, truncation.

Widths come in as a function, so this module knows nothing about fonts.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

ELLIPSIS = "\u2026"

Width = Callable[[str], float]


def largest_size(width_at_one: float, max_width: float, font_size: float) -> float:
    if width_at_one <= 0:
        return font_size
    return min(font_size, math.floor(max_width / width_at_one * 10) / 10)


def tokens(text: str) -> tuple[list[str], str]:
    """Words, or single characters for text without spaces (CJK, one long word)."""
    words = text.split(" ")
    return (words, " ") if len(words) > 1 else (list(text), "")


def balanced(tokens: Sequence[str], joiner: str, count: int, width: Width) -> list[str]:
    """Split tokens into `count` lines so that the widest line is as narrow as possible."""
    n = len(tokens)
    if count <= 1:
        return [joiner.join(tokens)]
    # Widths add up token by token (ReportLab does not kern), so prefix sums
    # give every line's width from n measurements; Arabic contextual forms make
    # this approximate, which is fine for choosing breaks: the caller measures
    # the chosen lines exactly.
    gap = width(joiner) if joiner else 0.0
    prefix = [0.0]
    for token in tokens:
        prefix.append(prefix[-1] + width(token))

    def line_width(a: int, b: int) -> float:
        return prefix[b] - prefix[a] + gap * (b - a - 1)

    # best[k][i]: (widest line, break points) for the first i tokens in k lines
    best: list[dict[int, tuple[float, tuple[int, ...]]]] = [{0: (0.0, ())}]
    for k in range(1, count + 1):
        row: dict[int, tuple[float, tuple[int, ...]]] = {}
        for i in range(k, n - (count - k) + 1):
            options = (
                (max(prev_width, line_width(j, i)), breaks + (i,))
                for j, (prev_width, breaks) in best[k - 1].items()
                if j < i
            )
            row[i] = min(options)
        best.append(row)
    _, breaks = best[count][n]
    starts = (0,) + breaks[:-1]
    return [joiner.join(tokens[a:b]) for a, b in zip(starts, breaks, strict=True)]


def greedy(
    tokens: Sequence[str],
    joiner: str,
    max_width: float,
    max_lines: int,
    width: Width,
) -> list[str]:
    """Fill lines in order; cut the last one with an ellipsis."""
    lines: list[str] = []
    rest = list(tokens)
    while rest and len(lines) < max_lines - 1:
        taken = 1
        while taken < len(rest) and width(joiner.join(rest[: taken + 1])) <= max_width:
            taken += 1
        line = joiner.join(rest[:taken])
        if width(line) > max_width:  # one token wider than the line: cut it
            cut = truncate(line, max_width, width, ellipsis="")
            rest = [line[len(cut) :]] + rest[taken:]
            line = cut
        else:
            rest = rest[taken:]
        lines.append(line)
    if rest:
        lines.append(truncate(joiner.join(rest), max_width, width))
    return lines


def truncate(text: str, max_width: float, width: Width, ellipsis: str = ELLIPSIS) -> str:
    """The longest prefix (plus ellipsis) that fits; whole text if it fits."""
    if width(text) <= max_width:
        return text
    low, high = 0, len(text)
    while low < high:  # binary search on the prefix length
        mid = (low + high + 1) // 2
        if width(text[:mid].rstrip() + ellipsis) <= max_width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + ellipsis if low else text[:1]
