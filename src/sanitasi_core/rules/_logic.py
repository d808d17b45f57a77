"""Four-valued (Kleene) logic and the one decision of every criterion node.

Each node kind decides here, once: the explained path (:mod:`~sanitasi_core.rules._engine`'s
compiler) and the outcome-only path call the same ``decide_*`` function and differ only in what
they build around it. A decided outcome never changes whatever the missing data turns out to be
(soundness, kept by property tests); *not applicable* is neutral in every combination.
"""

import operator
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from enum import StrEnum
from typing import Final

from sanitasi_core.indicators import Observation
from sanitasi_core.indicators._records import OPEN_ENDED

__all__ = [
    "Cmp",
    "Outcome",
    "combine_all",
    "combine_any",
    "combine_at_least",
    "decide_compare",
    "decide_count",
    "decide_present",
    "decide_some",
    "interval_outcome",
    "negate",
    "with_default",
]


class Outcome(StrEnum):
    """The outcome of a criterion."""

    PASS = "pass"  #: Met.
    FAIL = "fail"  #: Not met, whatever missing data turns out to be.
    UNKNOWN = "unknown"  #: Cannot be decided: data is missing.
    NOT_APPLICABLE = "not_applicable"  #: Does not apply; neutral in every combination.


class Cmp(StrEnum):
    """A comparison operator."""

    GE = ">="
    GT = ">"
    LE = "<="
    LT = "<"
    EQ = "=="
    NE = "!="

    def holds(self, observed: Decimal, limit: Decimal) -> bool:
        """Whether ``observed <cmp> limit``."""
        return _COMPARE[self](observed, limit)


_COMPARE: Final[Mapping[Cmp, Callable[[Decimal, Decimal], bool]]] = {
    Cmp.GE: operator.ge,
    Cmp.GT: operator.gt,
    Cmp.LE: operator.le,
    Cmp.LT: operator.lt,
    Cmp.EQ: operator.eq,
    Cmp.NE: operator.ne,
}

_PASS, _FAIL, _UNKNOWN, _NA = (
    Outcome.PASS,
    Outcome.FAIL,
    Outcome.UNKNOWN,
    Outcome.NOT_APPLICABLE,
)
INFINITY: Final = Decimal("Infinity")


def combine_all(outcomes: Sequence[Outcome]) -> Outcome:
    """``all``: fail if any fails; else unknown if any unknown; else pass (N/A is neutral)."""
    live = [o for o in outcomes if o is not _NA]
    if not live:
        return _NA
    if _FAIL in live:
        return _FAIL
    return _UNKNOWN if _UNKNOWN in live else _PASS


def combine_any(outcomes: Sequence[Outcome]) -> Outcome:
    """``any``: pass if any passes; else unknown if any unknown; else fail."""
    live = [o for o in outcomes if o is not _NA]
    if not live:
        return _NA
    if _PASS in live:
        return _PASS
    return _UNKNOWN if _UNKNOWN in live else _FAIL


def combine_at_least(k: int, outcomes: Sequence[Outcome]) -> Outcome:
    """``at_least``: pass if ≥ k pass; fail if even all unknowns passing cannot reach k."""
    live = [o for o in outcomes if o is not _NA]
    if not live:
        return _NA
    passes = live.count(_PASS)
    if passes >= k:
        return _PASS
    if passes + live.count(_UNKNOWN) < k:
        return _FAIL
    return _UNKNOWN


def negate(outcome: Outcome) -> Outcome:
    """``not``: swap pass and fail."""
    return {_PASS: _FAIL, _FAIL: _PASS}.get(outcome, outcome)


def with_default(outcome: Outcome, default: Outcome | None) -> tuple[Outcome, bool]:
    """Apply a declared default to an unknown outcome: ``(outcome, whether it was applied)``."""
    if outcome is _UNKNOWN and default is not None:
        return default, True
    return outcome, False


def interval_outcome(low: Decimal, high: Decimal, cmp: Cmp, limit: Decimal) -> Outcome:
    """Decide ``x cmp limit`` for every ``x`` in ``[low, high]``: pass, fail, or unknown."""
    if low == high:
        return _PASS if cmp.holds(low, limit) else _FAIL
    inside = low <= limit <= high
    if cmp is Cmp.EQ:
        return _UNKNOWN if inside else _FAIL
    if cmp is Cmp.NE:
        return _UNKNOWN if inside else _PASS
    at_low, at_high = cmp.holds(low, limit), cmp.holds(high, limit)
    if at_low and at_high:
        return _PASS
    return _FAIL if not (at_low or at_high) else _UNKNOWN


def bounds(obs: Observation) -> tuple[Decimal, Decimal] | None:
    """The interval a numeric observation lies in; ``None`` when it is unknown or yes/no."""
    raw = obs.value
    if raw is None or isinstance(raw, bool):
        return None
    low = Decimal(raw)
    if obs.open_ended:
        return low, INFINITY
    if obs.upper is not None:
        return low, Decimal(obs.upper)
    return low, low


def decide_compare(obs: Observation, cmp: Cmp, limit: Decimal) -> Outcome:
    """``compare``: N/A, absent (fail), unknown, or the interval decided against *limit*."""
    if obs.not_applicable:
        return _NA
    if obs.absent:
        return _FAIL
    span = bounds(obs)
    if span is None:
        return _UNKNOWN
    return interval_outcome(span[0], span[1], cmp, limit)


def decide_present(obs: Observation, *, want: bool) -> Outcome:
    """``present`` (*want* true) or ``absent`` (false) of a yes/no fact."""
    if obs.not_applicable:
        return _NA
    value = False if obs.absent else obs.value
    if value is None:
        return _UNKNOWN
    return _PASS if bool(value) is want else _FAIL


def count_bound(high: int | None) -> Decimal | None:
    """The upper bound of a record count as a decimal: ``Infinity`` for an incomplete list."""
    if high is None:
        return None
    return INFINITY if high == OPEN_ENDED else Decimal(high)


def decide_count(low: int, high: int | None, cmp: Cmp, wanted: int) -> Outcome:
    """``count``: unknown when the list is not reported, else the interval decided."""
    bound = count_bound(high)
    if bound is None:
        return _UNKNOWN
    return interval_outcome(Decimal(low), bound, cmp, Decimal(wanted))


def decide_some(outcomes: Sequence[Outcome]) -> Outcome:
    """``some``: like ``any`` over the items; no item at all fails."""
    return combine_any(outcomes) if outcomes else _FAIL
