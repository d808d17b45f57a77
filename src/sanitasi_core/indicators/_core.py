"""The indicator types, the catalogue type, the registration decorator and shared helpers.

The facts the derivations read are in :mod:`~sanitasi_core.indicators._facts`, which holds the
built-in catalogue as its default; derivations name that type for the type checker only.
"""

from __future__ import annotations

import decimal
import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Final

import attrs

from sanitasi_core._messages import text
from sanitasi_core._text import Text
from sanitasi_core.model import SubSector

if TYPE_CHECKING:
    from sanitasi_core.indicators._facts import Facts

_HUNDRED: Final = Decimal(100)
CENT: Final = Decimal("0.01")

PRECISION: Final = 120
"""Significant digits of the indicators' arithmetic (:func:`wide`).

A dossier amount has at most 40 integer and 20 decimal digits (``DECIMAL_PATTERN``), so 60
significant digits. A sum of up to 10**20 such amounts, times 100 and divided by the smallest
one (10**-20), quantized to 0.01, has at most 84 digits: 120 digits hold every value the
format admits exactly, with room to spare. Python's default context (28 digits) rounds such
amounts and raises ``InvalidOperation`` when quantizing them.
"""


_WIDE: Final = decimal.Context(
    prec=PRECISION,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)


def wide(rounding: str = decimal.ROUND_HALF_EVEN) -> AbstractContextManager[decimal.Context]:
    """A local decimal context of :data:`PRECISION` digits rounding by *rounding*.

    Sums, products and differences of dossier amounts are exact in it; a division rounds by
    *rounding*, which the caller sets to the side that never lets a failing value pass.
    """
    return decimal.localcontext(_WIDE, rounding=rounding)


class ValueType(StrEnum):
    """The type of an indicator's value."""

    BOOLEAN = "boolean"  #: Yes or no (a fact is there or not).
    DECIMAL = "decimal"  #: An exact decimal, e.g. a percentage.
    COUNT = "count"  #: A whole number of records or months.


class Direction(StrEnum):
    """Which way is better, used for gaps and for monotonicity."""

    HIGHER = "higher"  #: Higher is better.
    LOWER = "lower"  #: Lower is better.


@attrs.frozen(kw_only=True)
class MissingInput:
    """An input that, if reported, would help decide a criterion.

    Attributes:
        key: a stable path-like key into the dossier, e.g. ``working_group.decree``.
        text: what to provide, in both languages.
    """

    key: str
    text: Text


@attrs.frozen(kw_only=True)
class Observation:
    """What an indicator saw.

    Attributes:
        value: the value, or its lower bound for a count that is partly unknown; ``None`` when
            unknown or absent.
        upper: for a count, its upper bound when some records are undecided.
        open_ended: for a count over a list the dossier marks incomplete: the value is a lower
            bound with no upper bound.
        absent: the fact is known not to exist (e.g. the aspect was never assessed).
        not_applicable: the indicator does not apply (e.g. no APBD activity that year).
        missing: inputs whose absence makes the value unknown.
        detail: supporting quantities (e.g. ``planned`` and ``realised`` Rupiah, ``households``).
        notes: what an official should know beside the value (a delegate signed, the
            realisation band, two sources disagree), in both languages.
    """

    value: bool | Decimal | int | None = None
    upper: int | None = None
    open_ended: bool = False
    absent: bool = False
    not_applicable: bool = False
    missing: tuple[MissingInput, ...] = ()
    detail: Mapping[str, Decimal] = attrs.field(factory=dict)
    notes: tuple[Text, ...] = ()

    @property
    def known(self) -> bool:
        """Whether the value is fully known."""
        return (
            self.value is not None
            and not self.open_ended
            and (self.upper is None or self.upper == self.value)
        )


@attrs.frozen(kw_only=True)
class Param:
    """A parameter an indicator takes in a rule (``args``).

    Attributes:
        name: its name in ``args``.
        choices: the values it takes; empty when the rulebook decides (aspect ids come from
            the rulebook's aspect set, service-chain steps from its steps).
        default: its value when not given; ``None`` makes it required (unless optional).
        description: what it is, in both languages.
        optional: it may be left out without a default (e.g. no service-chain step).
    """

    name: str
    choices: tuple[str, ...]
    optional: bool = False
    default: str | None = None
    description: Text


Derive = Callable[["Facts", Mapping[str, str]], Observation]
"""How an indicator is derived: from the facts and the rule's ``args`` to an observation."""

Also = Callable[[Observation, Decimal, Decimal, bool], Mapping[str, Decimal]]
"""How a numeric gap reads in other units: ``(observation, gap, limit, strict)`` → amounts.

*gap* is the distance to close in the indicator's unit (positive), *limit* the threshold, and
*strict* whether the comparison is strict (``>``): e.g. the Rupiah still to be realised."""


@attrs.frozen(kw_only=True)
class IndicatorSpec:
    """The declaration of one indicator, made by :func:`indicator` on the function deriving it.

    Attributes:
        name: the name rules use.
        type: boolean, decimal or count.
        unit: the unit of the value (``%``, ``pp``, ``points``, ``records``, ``months``, ``""``).
        direction: whether higher or lower is better.
        description: what it is, in both languages.
        derivation: how it is derived from the dossier, in both languages.
        quantum: the smallest meaningful step of the value (for gaps on strict comparisons).
        params: the parameters it takes.
        compute: the derivation.
        also: how a gap reads in other units (Rupiah, households), when it can.
    """

    name: str
    type: ValueType
    unit: str
    direction: Direction
    description: Text
    derivation: Text
    quantum: Decimal = Decimal("0.01")
    params: tuple[Param, ...] = ()
    compute: Derive = attrs.field(eq=False, repr=False)
    also: Also | None = attrs.field(default=None, eq=False, repr=False)


def indicator(
    name: str,
    *,
    type: ValueType,  # the declaration reads best with the field's own name
    unit: str,
    description: Text,
    derivation: Text,
    direction: Direction = Direction.HIGHER,
    quantum: Decimal | str = "0.01",
    params: tuple[Param, ...] = (),
    also: Also | None = None,
) -> Callable[[Derive], IndicatorSpec]:
    """Declare an indicator on the function that derives it.

    The decorated name becomes the :class:`IndicatorSpec`; put it in a :class:`Catalogue` (for
    your own indicators: ``CATALOGUE.with_indicators(spec)``) and hand that catalogue to the
    rulebook loader and compiler. Nothing is registered globally.

    Args:
        name: the name rules use.
        type: boolean, decimal or count.
        unit: the unit of the value.
        description: what it is, in both languages.
        derivation: how it is derived, in both languages.
        direction: whether higher or lower is better.
        quantum: the smallest meaningful step of the value.
        params: the parameters it takes in a rule's ``args``.
        also: how a numeric gap reads in other units.

    Example:
        >>> from sanitasi_core.indicators import CATALOGUE, Observation, ValueType, indicator
        >>> from sanitasi_core import Text
        >>> @indicator(
        ...     "meetings_held",
        ...     type=ValueType.COUNT,
        ...     unit="records",
        ...     quantum="1",
        ...     description=Text(id="Pertemuan", en="Meetings held"),
        ...     derivation=Text(id="jumlah pertemuan", en="the number of meetings"),
        ... )
        ... def meetings_held(facts, args):
        ...     return Observation(value=len(facts.seen.meetings or ()))
        >>> "meetings_held" in CATALOGUE.with_indicators(meetings_held)
        True
    """

    def declare(compute: Derive) -> IndicatorSpec:
        return IndicatorSpec(
            name=name,
            type=type,
            unit=unit,
            direction=direction,
            description=description,
            derivation=derivation,
            quantum=Decimal(quantum),
            params=params,
            compute=compute,
            also=also,
        )

    return declare


class Catalogue(Mapping[str, IndicatorSpec]):
    """An immutable set of indicators by name: every name a rule may use.

    Args:
        specs: the indicators, in the order they are listed.

    Raises:
        ValueError: if two indicators have the same name.
    """

    __slots__ = ("_specs",)

    def __init__(self, specs: Iterable[IndicatorSpec]) -> None:
        found: dict[str, IndicatorSpec] = {}
        for spec in specs:
            if spec.name in found:
                msg = f"indicator {spec.name!r} is declared twice"
                raise ValueError(msg)
            found[spec.name] = spec
        self._specs = found

    def __getitem__(self, name: str) -> IndicatorSpec:
        return self._specs[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._specs)

    def __len__(self) -> int:
        return len(self._specs)

    def __repr__(self) -> str:
        return f"Catalogue({list(self._specs)!r})"

    def with_indicators(self, *specs: IndicatorSpec) -> Catalogue:
        """Return a new catalogue with *specs* added (names must be new)."""
        return Catalogue([*self._specs.values(), *specs])

    def as_json(self) -> list[dict[str, object]]:
        """Return the catalogue as JSON-ready data, for editors and user interfaces."""
        return [
            {
                "name": s.name,
                "type": s.type.value,
                "unit": s.unit,
                "direction": s.direction.value,
                "quantum": format(s.quantum, "f"),
                "description": {"id": s.description.id, "en": s.description.en},
                "derivation": {"id": s.derivation.id, "en": s.derivation.en},
                "params": [
                    {
                        "name": p.name,
                        "choices": list(p.choices),
                        "default": p.default,
                        "optional": p.optional,
                        "description": {"id": p.description.id, "en": p.description.en},
                    }
                    for p in s.params
                ],
            }
            for s in self._specs.values()
        ]


Key = tuple[str, tuple[tuple[str, str], ...]]
"""The memo key of an indicator with its arguments (:meth:`Facts.key`)."""


# --------------------------------------------------------------------------------------------
# Parameters and helpers shared by the derivations
# --------------------------------------------------------------------------------------------

YEAR: Final = Param(
    name="year",
    choices=("evaluation", "previous"),
    default="evaluation",
    description=text("param_year"),
)
SUB_SECTOR: Final = Param(
    name="sub_sector",
    choices=tuple(s.value for s in SubSector),
    description=text("param_sub_sector"),
)
ASPECT: Final = Param(name="aspect", choices=(), description=text("param_aspect"))
STEP: Final = Param(name="step", choices=(), optional=True, description=text("param_step"))


_BANDS: Final = (
    (Decimal(91), "band_very_high"),
    (Decimal(76), "band_high"),
    (Decimal(66), "band_medium"),
    (Decimal(51), "band_low"),
    (Decimal(0), "band_very_low"),
)


def realisation_band(share: Decimal) -> Text:
    """Name the Permendagri 86/2017 band of a realisation share (context, not a threshold).

    The bands are those of the evaluation of regional development plans: ≥ 91 very high,
    76-90 high, 66-75 medium, 51-65 low, ≤ 50 very low (a share between two bands, such as
    90.5, takes the lower one).
    """
    code = next(code for low, code in _BANDS if share >= low)
    return text("note_realisation_band", band=text(code), share=share)


def percent(part: Decimal, whole: Decimal, *, higher_is_better: bool) -> Decimal:
    """Return ``part / whole × 100`` to 0.01, rounded towards the unfavourable side.

    Rounding then never lets a value pass a threshold that the exact value fails: 79.995 % of
    planned stays below 80 %.

    The arithmetic runs in :func:`wide`: the quotient is rounded in the same direction as the
    result, so rounding it twice never crosses a step of 0.01 the exact value does not reach.
    """
    rounding = ROUND_FLOOR if higher_is_better else ROUND_CEILING
    with wide(rounding):
        return (part * _HUNDRED / whole).quantize(CENT, rounding=rounding)


class _NoDetail(dict[str, Decimal]):
    """The empty ``detail`` the shared observations hold: it refuses every change."""

    __slots__ = ()

    def _refuse(self, *_: object, **__: object) -> None:
        msg = "the detail of a shared observation cannot change"
        raise TypeError(msg)

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = __ior__ = _refuse  # type: ignore[assignment]


_NO_DETAIL: Final = _NoDetail()

# Observations are frozen, so the common plain ones are built once and shared: an evaluation
# asks for some twenty indicators, most of them a yes/no or a small exact count.
TRUE: Final = Observation(value=True, detail=_NO_DETAIL)
FALSE: Final = Observation(value=False, detail=_NO_DETAIL)
ABSENT: Final = Observation(absent=True, detail=_NO_DETAIL)
NOT_APPLICABLE: Final = Observation(not_applicable=True, detail=_NO_DETAIL)
_COUNTS: Final = tuple(Observation(value=n, detail=_NO_DETAIL) for n in range(64))


def count(n: int) -> Observation:
    """An exact count *n* (shared when small)."""
    return _COUNTS[n] if 0 <= n < len(_COUNTS) else Observation(value=n)


def missing(key: str, code: str, /, **params: object) -> MissingInput:
    """What to provide: dossier *key*, described by catalogue message *code*."""
    if _plain(params):
        return _missing(key, code, tuple(params.items()))
    return MissingInput(key=key, text=text(code, **params))


def said(code: str, /, **params: object) -> Text:
    """``text(code, **params)``: the same object again for the same plain parameters.

    The indicators and analyses name the same records on every evaluation; rendering their
    messages anew was a fair share of an explained evaluation.
    """
    if _plain(params):
        return _said(code, tuple(params.items()))
    return text(code, **params)


def _plain(params: Mapping[str, object]) -> bool:
    # Only exact str and int: equal keys then always render alike (unlike 1.0/1.00 or True/1).
    return all(v.__class__ is str or v.__class__ is int for v in params.values())


@functools.lru_cache(maxsize=4096)
def _said(code: str, params: tuple[tuple[str, object], ...]) -> Text:
    return text(code, **dict(params))


@functools.lru_cache(maxsize=4096)
def _missing(key: str, code: str, params: tuple[tuple[str, object], ...]) -> MissingInput:
    return MissingInput(key=key, text=_said(code, params))


def unknown(*inputs: MissingInput) -> Observation:
    """An unknown value, naming what would decide it."""
    return Observation(missing=inputs)


def more_records(f: Facts, name: str) -> MissingInput | None:
    """What to provide when the dossier marks list *name* incomplete; ``None`` when complete.

    A list marked incomplete (a dossier built from public facts) holds only what is known:
    a record missing from it is unknown, never absent.
    """
    if name not in f.seen.incomplete:
        return None
    return MissingInput(key=name, text=text("missing_more_records", name=name))


def flag(
    found: bool,
    undecided: list[MissingInput],
    notes: Iterable[Text] = (),
    more: MissingInput | None = None,
) -> Observation:
    """Combine a yes/no fact over records: yes, else unknown if any is undecided, else no."""
    if found:
        notes = tuple(notes)
        return Observation(value=True, notes=notes) if notes else TRUE
    if more is not None:
        undecided = [*undecided, more]
    if undecided:
        return Observation(missing=tuple(undecided))
    return FALSE


def tally(
    sure: int, undecided: list[MissingInput], more: MissingInput | None = None
) -> Observation:
    """A count: exact, an interval over undecided records, or open-ended over an incomplete list."""
    if more is not None:
        return Observation(value=sure, open_ended=True, missing=(*undecided, more))
    if undecided:
        return Observation(value=sure, upper=sure + len(undecided), missing=tuple(undecided))
    return count(sure)


def households_gap(
    obs: Observation, gap: Decimal, _limit: Decimal, _strict: bool
) -> Mapping[str, Decimal]:
    """A gap in percentage points as households, when the household total is known."""
    households = obs.detail.get("households")
    if households is None:
        return {}
    with wide(ROUND_CEILING):
        needed = (households * gap / _HUNDRED).to_integral_value(rounding=ROUND_CEILING)
    return {"households": needed}
