"""Aggregation: exact weighted counts and shares of the ladder, overall and by area.

:class:`LadderAccumulator` adds records one at a time in bounded memory; shares are rounded by
largest remainder so that they add up to exactly 100.
"""

import datetime as dt
import decimal
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Any, Final

import attrs

from sanitasi_core.ladder._classify import Classification, classify
from sanitasi_core.ladder._record import Area, HouseholdRecord, Rung

LADDER_KEYS: Final = (*(rung.value for rung in Rung), "unknown")
"""The keys of every count and share mapping: the five rungs, best first, then ``unknown``."""

_KEY_INDEX: Final[Mapping[Rung | None, int]] = {
    **{rung: index for index, rung in enumerate(Rung)},
    None: len(Rung),
}

# Addition and multiplication in this context never round: a rounding would trap. Sums of a
# million weights need more digits than the default context's 28.
_EXACT: Final = decimal.Context(
    prec=decimal.MAX_PREC,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
    traps=[decimal.Inexact, decimal.Rounded, decimal.InvalidOperation, decimal.Overflow],
)


def _zero_counts() -> Mapping[str, Decimal]:
    return MappingProxyType(dict.fromkeys(LADDER_KEYS, Decimal(0)))


@attrs.frozen(kw_only=True)
class AreaSummary:
    """The ladder for a set of households: weighted counts and shares (*persentase*).

    Attributes:
        rows: the number of household records.
        total_weight: the sum of their weights (the number of households they stand for).
        counts: the exact weighted count per key of :data:`LADDER_KEYS` (every key present).
        shares: the percentage of :attr:`total_weight` per key of :data:`LADDER_KEYS`,
            ``unknown`` included, rounded to 2 places by largest remainder so that they add up
            to exactly ``100.00``; ``None`` when there are no rows.
        layak: the *akses layak* share (safely managed + basic + limited), rounded half-even to
            2 places from the exact value; ``None`` when there are no rows.
        unknown_share: the share whose rung is unknown (``shares["unknown"]``); ``None`` when
            there are no rows.
    """

    rows: int = 0
    total_weight: Decimal = Decimal(0)
    counts: Mapping[str, Decimal] = attrs.field(factory=_zero_counts)
    shares: Mapping[str, Decimal] | None = None
    layak: Decimal | None = None
    unknown_share: Decimal | None = None


@attrs.frozen(kw_only=True)
class LadderSummary(AreaSummary):
    """The ladder for all accepted household records, with the urban/rural split.

    Attributes:
        by_area: the summary of the ``urban`` and of the ``rural`` households (both keys are
            always present). Records whose area is not known count in the total only.
        area_unknown_rows: the number of records whose area is not known.
        area_unknown_weight: their total weight.
        first_survey_date: the earliest survey date, ``None`` when there are no rows.
        last_survey_date: the latest survey date, ``None`` when there are no rows.
        unit_weights: whether every weight is 1, so that counts are numbers of households.
    """

    by_area: Mapping[str, AreaSummary] = attrs.field(
        factory=lambda: MappingProxyType({area.value: AreaSummary() for area in Area})
    )
    area_unknown_rows: int = 0
    area_unknown_weight: Decimal = Decimal(0)
    first_survey_date: dt.date | None = None
    last_survey_date: dt.date | None = None
    unit_weights: bool = True


_HUNDREDTHS: Final = 10_000  # 100 % in units of 0.01 %


def _hundredths(units: int) -> Decimal:
    return Decimal(units).scaleb(-2)


def _largest_remainder(counts: list[Decimal], total: Decimal) -> list[Decimal]:
    """Return *counts* as percentages of *total* in 0.01 steps that add up to exactly 100.

    Each share is first floored to 0.01; the hundredths still missing go one each to the shares
    with the largest remainders, ties to the better rung (earlier key).
    """
    whole = Fraction(total)
    floors: list[int] = []
    remainders: list[Fraction] = []
    for count in counts:
        exact = Fraction(count) * _HUNDREDTHS / whole
        floor = exact.numerator // exact.denominator
        floors.append(floor)
        remainders.append(exact - floor)
    missing = _HUNDREDTHS - sum(floors)
    for index in sorted(range(len(counts)), key=lambda i: (-remainders[i], i))[:missing]:
        floors[index] += 1
    return [_hundredths(units) for units in floors]


def _figures(rows: int, weights: list[Decimal]) -> dict[str, Any]:
    """Return the :class:`AreaSummary` fields for *rows* records with per-key *weights*."""
    total = Decimal(0)
    for weight in weights:
        total = _EXACT.add(total, weight)
    figures: dict[str, Any] = {
        "rows": rows,
        "total_weight": total,
        "counts": MappingProxyType(dict(zip(LADDER_KEYS, weights, strict=True))),
    }
    if rows == 0:
        return figures
    shares = _largest_remainder(weights, total)
    layak_weight = _EXACT.add(_EXACT.add(weights[0], weights[1]), weights[2])
    figures["shares"] = MappingProxyType(dict(zip(LADDER_KEYS, shares, strict=True)))
    figures["layak"] = _hundredths(round(Fraction(layak_weight) * _HUNDREDTHS / Fraction(total)))
    figures["unknown_share"] = shares[-1]
    return figures


class LadderAccumulator:
    """Adds household records one at a time; memory does not grow with the number of records.

    Example::

        acc = LadderAccumulator()
        for record in records:  # any iterable, e.g. a generator over a million rows
            acc.add(record)
        summary = acc.summary()

    Arithmetic is exact: weights are summed as decimals without any rounding, so the result does
    not depend on the order of the records.
    """

    def __init__(self) -> None:
        none = Decimal(0)
        self._weights: dict[Area | None, list[Decimal]] = {
            key: [none] * len(LADDER_KEYS) for key in (Area.URBAN, Area.RURAL, None)
        }
        self._rows: dict[Area | None, int] = {Area.URBAN: 0, Area.RURAL: 0, None: 0}
        self._first: dt.date | None = None
        self._last: dt.date | None = None
        self._unit_weights = True

    @property
    def rows(self) -> int:
        """The number of records added so far."""
        return sum(self._rows.values())

    def add(self, record: HouseholdRecord) -> Classification:
        """Classify *record*, count it, and return its classification."""
        result = classify(record)
        area = record.area
        slot = self._weights[area]
        index = _KEY_INDEX[result.rung]
        weight = record.weight
        slot[index] = _EXACT.add(slot[index], weight)
        self._rows[area] += 1
        day = record.survey_date
        if self._first is None or day < self._first:
            self._first = day
        if self._last is None or day > self._last:
            self._last = day
        if self._unit_weights and weight != 1:
            self._unit_weights = False
        return result

    def add_all(self, records: Iterable[HouseholdRecord]) -> None:
        """Add every record of *records*, consuming it lazily."""
        add = self.add
        for record in records:
            add(record)

    def summary(self) -> LadderSummary:
        """Return the summary of the records added so far (the accumulator stays usable)."""
        by_area = {
            area.value: AreaSummary(**_figures(self._rows[area], self._weights[area]))
            for area in Area
        }
        totals = [
            _EXACT.add(_EXACT.add(u, r), n)
            for u, r, n in zip(
                self._weights[Area.URBAN],
                self._weights[Area.RURAL],
                self._weights[None],
                strict=True,
            )
        ]
        unknown_weight = Decimal(0)
        for weight in self._weights[None]:
            unknown_weight = _EXACT.add(unknown_weight, weight)
        return LadderSummary(
            **_figures(self.rows, totals),
            by_area=MappingProxyType(by_area),
            area_unknown_rows=self._rows[None],
            area_unknown_weight=unknown_weight,
            first_survey_date=self._first,
            last_survey_date=self._last,
            unit_weights=self._unit_weights,
        )


def summarise(records: Iterable[HouseholdRecord]) -> LadderSummary:
    """Classify and count every record of *records* (consumed lazily, in bounded memory)."""
    accumulator = LadderAccumulator()
    accumulator.add_all(records)
    return accumulator.summary()
