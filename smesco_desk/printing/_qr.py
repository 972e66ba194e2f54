"""QR codes (level M) from ReportLab's encoder, with its mask choice made cheaply.

ReportLab's `QRCode.make()` picks the mask the way the standard describes
(ISO/IEC 18004, 7.8.3: the pattern with the lowest penalty), but gets there by
laying out the whole symbol eight times and scoring each with list-of-bools
loops: about 9 ms of a badge's 14. Here the symbol is laid out once, the eight
masks are applied to the data modules only (the function patterns do not
change between masks while scoring), and each candidate is scored with strings
and integer bit operations. The score is ReportLab's own, term by term
(including that its rule 3 looks along rows only), so the same mask is chosen
and the symbol is identical, module for module, to `make()`'s; the tests
compare the two.
"""

from __future__ import annotations

import functools
import re

from reportlab.graphics.barcode import qrencoder

_RUN = re.compile(r"0{5,}|1{5,}")
_FINDER_LIKE = "10111010000"  # rule 3, as ReportLab looks for it


def qr_modules(payload: str) -> list[list[bool]]:
    """The symbol for `payload` at level M: rows of modules, True = dark."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.version = code.calculate_version()
    code.makeImpl(False, best_mask(code))
    return [[bool(cell) for cell in row] for row in code.modules]


def best_mask(code: qrencoder.QRCode) -> int:
    """The mask ReportLab's getBestMaskPattern would choose (lowest score, first on ties).

    Rows are integers (column c is bit size - 1 - c): each candidate is the
    function patterns plus the data bits XOR the mask, on the data positions."""
    code.makeImpl(True, 0)  # test layout: format bits blank, data placed with mask 0
    size = code.moduleCount
    positions = code.dataPosIterator()
    bits = list(code.dataBitIterator(code.dataCache))
    bits += [False] * (len(positions) - len(bits))
    data_at, data = [0] * size, [0] * size
    for (col, row), dark in zip(positions, bits, strict=False):
        bit = 1 << (size - 1 - col)
        data_at[row] |= bit
        if dark:
            data[row] |= bit
    fixed = [
        sum(1 << (size - 1 - c) for c, cell in enumerate(cells) if cell) & ~data_at[r]
        for r, cells in enumerate(code.modules)
    ]
    best, best_score = 0, 0
    for pattern, mask in enumerate(_mask_rows(size)):
        rows = [f | ((d ^ m) & a) for f, d, m, a in zip(fixed, data, mask, data_at, strict=True)]
        score = penalty(rows, size)
        if pattern == 0 or score < best_score:
            best, best_score = pattern, score
    return best


@functools.cache
def _mask_rows(size: int) -> tuple[tuple[int, ...], ...]:
    """The eight mask patterns of a symbol this size, as row integers."""
    out = []
    for pattern in range(8):
        mask = qrencoder.QRUtil.getMask(pattern)
        out.append(
            tuple(sum(1 << (size - 1 - c) for c in range(size) if mask(r, c)) for r in range(size))
        )
    return tuple(out)


def penalty(numbers: list[int], size: int) -> int:
    """ReportLab's QRUtil.getLostPoint for the rows `numbers`, on strings and integers."""
    rows = [format(number, f"0{size}b") for number in numbers]
    across = "|".join(rows)
    down = "|".join("".join(column) for column in zip(*rows, strict=True))
    score = 0
    for lines in (across, down):  # rule 1: each run of 5 or more alike, n - 2
        runs = _RUN.findall(lines)
        score += sum(map(len, runs)) - 2 * len(runs)
    full = (1 << size) - 1
    for upper, lower in zip(numbers, numbers[1:], strict=False):  # rule 2: 2 x 2 blocks alike
        dark = upper & lower
        light = ~(upper | lower) & full
        score += 3 * ((dark & dark >> 1).bit_count() + (light & light >> 1).bit_count())
    last_start = size - len(_FINDER_LIKE)  # rule 3: along rows only, not at the last start
    start = across.find(_FINDER_LIKE)
    while start >= 0:
        if start % (size + 1) < last_start:
            score += 40
            start = across.find(_FINDER_LIKE, start + len(_FINDER_LIKE))
        else:
            start = across.find(_FINDER_LIKE, start + 1)
    dark_count = sum(number.bit_count() for number in numbers)  # rule 4: dark and light
    score += 10 * (abs(100 * dark_count // (size * size) - 50) // 5)
    return score
