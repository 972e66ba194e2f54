"""The food court's meters: readings, consumption, block tariffs and the
service charge. Pure functions over integers; no float ever holds a reading
or an amount.

Readings
--------
A reading is kept exactly as an integer number of thousandths of its unit
(`milli`): watt-hours for power (kWh x 1000), litres for water (m³ x 1000).
It is typed as a decimal with at most three decimals, the decimal mark a dot
or a comma ("1234.5", "1234,5"); no thousands separators.

Series
------
The readings of one meter of a stall form a series, in the order of their
dates. A meter replaced starts a new series: its first reading (marked
`replaced`) is the new series' base and consumes nothing; what the old meter
used up to its replacement is billed only if its final reading was typed
before it. Consumption = this reading - the last one of the same series; a
series' first reading consumes nothing.

Anomalies
---------
- backwards: a reading below the last one of its series (a misread, or a meter
  replaced that was not marked so). Once confirmed it becomes the series'
  new level and consumes nothing (no credit, no bill).
- jump: a consumption over ten times the usual. The usual consumption is the
  median of the stall's last six monthly consumptions of that meter kind
  (series' bases left out); with fewer than three of them there is no usual
  and no jump is flagged. A usual below one whole unit counts as one unit, so
  that a stall idle so far is asked about only above ten units.
Either asks for a person's confirmation before it is kept.

Block tariffs
-------------
A tariff is a list of blocks, each a price in whole rupiah per unit up to a
whole number of units (cumulative), the last block without a limit: first
100 kWh at Rp1.444, the rest at Rp1.699 is `((100, 1444), (None, 1699))`.
The price of a consumption is the sum over its blocks of the units in the
block times the block's price, computed exactly in thousandths of a rupiah
and rounded half up to the rupiah once, at the end. The price never falls as
consumption grows.

Service charge
--------------
Rupiah per m² per month. A stall's size is integer cm², a lease may hold the
stall for part of the month: size_cm2 x rate x days / (10 000 x days of the
month), rounded half up to the rupiah once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from smesco_desk.domain.charges import MAX_UNIT_PRICE
from smesco_desk.i18n import N_, _

MILLI = 1_000
MAX_READING = 10**12  # thousandths: a billion kWh or m³, far past any stall's meter
MAX_BLOCKS = 10
MAX_BLOCK_UNITS = 10**9
USUAL_MONTHS = 6
MIN_HISTORY = 3
JUMP_FACTOR = 10

_READING = re.compile(r"([0-9]{1,12})(?:[.,]([0-9]{1,3}))?", re.ASCII)


class MeterKind(StrEnum):
    POWER = "power"
    WATER = "water"


class Anomaly(StrEnum):
    BACKWARDS = "backwards"
    JUMP = "jump"


METER_LABELS = {MeterKind.POWER: N_("Listrik"), MeterKind.WATER: N_("Air")}
METER_UNITS = {MeterKind.POWER: "kWh", MeterKind.WATER: "m³"}
ANOMALY_LABELS = {
    Anomaly.BACKWARDS: N_("angka lebih kecil dari pembacaan sebelumnya"),
    Anomaly.JUMP: N_("pemakaian lebih dari sepuluh kali biasanya"),
}


@dataclass(frozen=True)
class Block:
    """`rate` rupiah per unit up to `up_to` units in all (None: no limit)."""

    up_to: int | None
    rate: int


Tariff = tuple[Block, ...]


@dataclass(frozen=True)
class BlockAmount:
    """The part of a consumption in one block: thousandths of a unit, the rate,
    and its share of the price (the shares add up to the price rounded once)."""

    quantity: int
    rate: int
    amount: int


# --- readings ---------------------------------------------------------------------------


def parse_reading(value: object) -> int:
    """A meter reading as typed ("1234.5", "1234,5", an int or a Decimal) in
    thousandths of its unit; ValueError for anything else or out of range."""
    if isinstance(value, int) and not isinstance(value, bool):
        milli = value * MILLI
    elif isinstance(value, Decimal):
        try:
            scaled = value * MILLI
            exact = scaled.is_finite() and scaled == scaled.to_integral_value()
        except InvalidOperation:
            exact = False
        if not exact:
            raise ValueError(_("Angka meter paling banyak 3 angka di belakang koma."))
        milli = int(scaled)
    elif isinstance(value, str) and (match := _READING.fullmatch(value.strip())):
        milli = int(match.group(1)) * MILLI + int((match.group(2) or "").ljust(3, "0"))
    else:
        raise ValueError(_("Angka meter seperti 1234,5 (tanpa titik ribuan)."))
    if not 0 <= milli <= MAX_READING:
        raise ValueError(_("Angka meter di luar jangkauan."))
    return milli


def reading_text(milli: int) -> str:
    """Thousandths as the shortest decimal with a dot: 1234500 -> "1234.5"."""
    sign = "-" if milli < 0 else ""
    whole, part = divmod(abs(milli), MILLI)
    return f"{sign}{whole}.{part:03d}".rstrip("0").rstrip(".") if part else f"{sign}{whole}"


def reading_label(milli: int) -> str:
    """Thousandths as Indonesians write them: 1234500 -> "1.234,5"."""
    sign = "-" if milli < 0 else ""
    whole, part = divmod(abs(milli), MILLI)
    text = f"{whole:,}".replace(",", ".")
    return sign + (f"{text},{part:03d}".rstrip("0") if part else text)


def consumption(value: int, previous: int | None, replaced: bool) -> int:
    """What a reading consumed since the last one of its series: nothing for a
    series' base (a replaced meter, or the first reading) and nothing for a
    reading below the last (confirmed backwards: the new level)."""
    if replaced or previous is None:
        return 0
    return max(0, value - previous)


def usual_consumption(history: Sequence[int]) -> int | None:
    """The median of the last USUAL_MONTHS consumptions (oldest first); None
    with fewer than MIN_HISTORY of them."""
    recent = sorted(history[-USUAL_MONTHS:])
    if len(recent) < MIN_HISTORY:
        return None
    middle = len(recent) // 2
    if len(recent) % 2:
        return recent[middle]
    return (recent[middle - 1] + recent[middle]) // 2


def anomaly(value: int, previous: int | None, replaced: bool, usual: int | None) -> Anomaly | None:
    """Why a reading needs a person's confirmation, or None (module docstring)."""
    if replaced or previous is None:
        return None
    if value < previous:
        return Anomaly.BACKWARDS
    if usual is not None and value - previous > JUMP_FACTOR * max(usual, MILLI):
        return Anomaly.JUMP
    return None


# --- tariffs ----------------------------------------------------------------------------


def parse_tariff(value: object) -> Tariff:
    """A block tariff from its stored form (a list of [up_to, rate] pairs, the
    last up_to null) or as typed ("100:1444, 1699": units:rate, the last a rate
    alone); ValueError saying what is wrong."""
    if isinstance(value, str):
        value = _tariff_pairs(value)
    if not isinstance(value, list | tuple) or not 1 <= len(value) <= MAX_BLOCKS:
        raise ValueError(_("Tarif 1 sampai {n} blok.").format(n=MAX_BLOCKS))
    blocks = []
    for index, pair in enumerate(value):
        if isinstance(pair, Block):
            pair = (pair.up_to, pair.rate)
        if not isinstance(pair, list | tuple) or len(pair) != 2:
            raise ValueError(_("Setiap blok: batas dan tarif."))
        up_to, rate = pair
        blocks.append(Block(_block_limit(up_to, index == len(value) - 1), _block_rate(rate)))
    limits = [b.up_to for b in blocks[:-1]]
    if any(b <= a for a, b in zip(limits, limits[1:], strict=False)):  # type: ignore[operator]
        raise ValueError(_("Batas blok harus makin besar."))
    return tuple(blocks)


def _tariff_pairs(text: str) -> list[list[int | None]]:
    pairs: list[list[int | None]] = []
    for part in text.split(","):
        up_to, colon, rate = part.strip().partition(":")
        if not colon:
            up_to, rate = "", up_to
        pairs.append([_whole(up_to) if colon else None, _whole(rate)])
    return pairs


def _whole(text: str) -> int:
    digits = text.strip().replace(".", "")
    if not (digits.isascii() and digits.isdigit() and len(digits) <= 13):
        raise ValueError(_("Tarif seperti 100:1444, 1699 (batas:tarif per satuan, lalu tarif)."))
    return int(digits)


def _block_limit(up_to: object, last: bool) -> int | None:
    if last:
        if up_to is not None:
            raise ValueError(_("Blok terakhir tanpa batas."))
        return None
    if not isinstance(up_to, int) or isinstance(up_to, bool) or not 1 <= up_to <= MAX_BLOCK_UNITS:
        raise ValueError(_("Batas blok angka bulat 1 sampai {n}.").format(n=MAX_BLOCK_UNITS))
    return up_to


def _block_rate(rate: object) -> int:
    if not isinstance(rate, int) or isinstance(rate, bool) or not 0 <= rate <= MAX_UNIT_PRICE:
        raise ValueError(_("Tarif per satuan dalam rupiah bulat, tidak negatif."))
    return rate


def tariff_json(tariff: Tariff) -> list[list[int | None]]:
    return [[b.up_to, b.rate] for b in tariff]


def tariff_text(tariff: Tariff) -> str:
    """The typed form: "100:1444, 1699"."""
    return ", ".join(str(b.rate) if b.up_to is None else f"{b.up_to}:{b.rate}" for b in tariff)


def blocks_of(used: int, tariff: Tariff) -> list[tuple[int, int]]:
    """`used` thousandths of a unit split over the tariff's blocks: (thousandths
    in the block, its rate), blocks with nothing in them left out."""
    out = []
    below = 0
    for block in tariff:
        top = None if block.up_to is None else block.up_to * MILLI
        inside = used - below if top is None else min(used, top) - below
        if inside > 0:
            out.append((inside, block.rate))
        if top is None or used <= top:
            break
        below = top
    return out


def _half_up(milli_rupiah: int) -> int:
    return (milli_rupiah + MILLI // 2) // MILLI


def price(used: int, tariff: Tariff) -> int:
    """The price of `used` thousandths of a unit, rounded once to the rupiah."""
    return _half_up(sum(q * rate for q, rate in blocks_of(used, tariff)))


def block_amounts(used: int, tariff: Tariff) -> list[BlockAmount]:
    """The price split by block; each block's share is the rounded running total
    less the one before it, so the shares add up to `price` exactly."""
    out = []
    running = shown = 0
    for quantity, rate in blocks_of(used, tariff):
        running += quantity * rate
        amount = _half_up(running) - shown
        shown += amount
        out.append(BlockAmount(quantity, rate, amount))
    return out


def service_charge(size_cm2: int, rate_per_m2: int, days: int, month_days: int) -> int:
    """The service charge of a stall held `days` of a month of `month_days`."""
    numerator = size_cm2 * rate_per_m2 * days
    denominator = 10_000 * month_days
    return (2 * numerator + denominator) // (2 * denominator)
