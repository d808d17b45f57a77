"""The vocabulary of the chart inputs (levels, indicators, areas, rungs) and their checks.

The converters normalise what callers may reasonably pass (``None`` for no level, a ``Milestone``
member for its code, any mapping of counts); the validators raise the library's
:class:`~sanitasi_core.exceptions.ValidationError` with a message of the chart catalogue.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, Final, Literal

import attrs

from sanitasi_core import _validators as v
from sanitasi_core.charts._i18n import both
from sanitasi_core.exceptions import ValidationError

__all__ = [
    "AREAS",
    "ASSISTANCE",
    "INDICATORS",
    "LEVELS",
    "MILESTONES",
    "OUTCOMES",
    "RUNGS",
    "Area",
    "Assistance",
    "Indicator",
    "Level",
    "MilestoneLevel",
    "check_count",
    "check_counts",
    "check_level",
    "check_name",
    "check_percent",
    "error",
    "not_empty",
    "one_of",
    "rank",
    "to_counts",
    "to_level",
    "unique",
]

Level = Literal["none", "M1", "M2", "M3", "M4"]
MilestoneLevel = Literal["M1", "M2", "M3", "M4"]
Assistance = Literal["assisted", "post_assistance", "unknown"]
Indicator = Literal["layak", "aman", "open_defecation"]
Area = Literal["total", "urban", "rural"]

LEVELS: Final[tuple[Level, ...]] = ("none", "M1", "M2", "M3", "M4")
"""The levels, lowest first: ``none`` (no milestone reached) then M1 … M4."""
MILESTONES: Final[tuple[MilestoneLevel, ...]] = ("M1", "M2", "M3", "M4")
INDICATORS: Final[tuple[Indicator, ...]] = ("layak", "aman", "open_defecation")
"""The access indicators: improved (*layak*), safely managed (*aman*), open defecation (BABS)."""
AREAS: Final[tuple[Area, ...]] = ("total", "urban", "rural")
RUNGS: Final = ("safely_managed", "basic", "limited", "unimproved", "open_defecation")
"""The rungs of the JMP sanitation ladder, best first (the order the bars are stacked in)."""
OUTCOMES: Final = ("passed", "failed", "unknown", "not_applicable")
"""The outcome counts of :class:`MilestoneCriteria`, in the order they are stacked."""
ASSISTANCE: Final[tuple[Assistance, ...]] = ("assisted", "post_assistance", "unknown")

_MAX_COUNT: Final = 10**9


def error(path: str, code: str, /, **params: object) -> ValidationError:
    return ValidationError.single(path, both(code, **params), code)


def one_of(choices: tuple[str, ...]) -> v.Validator:
    listed = ", ".join(choices)

    def check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in choices or not isinstance(value, str):
            raise v.fail(attribute, "invalid_choice", got=repr(value), choices=listed)

    return check


def to_level(value: str | None) -> Level:
    """Normalise ``None`` to ``"none"`` and a ``Milestone`` member to its plain code."""
    if value is None:
        return "none"
    if isinstance(value, str):
        plain = str.__str__(value)
        if plain in LEVELS:
            return plain
    return value  # type: ignore[return-value]  # rejected by the validator with a clear message


def check_level(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in LEVELS or not isinstance(value, str):
        raise error(attribute.name, "chart_level_invalid", got=repr(value))


def rank(level: Level) -> int:
    """Return 0 for ``none``, 1 for M1 … 4 for M4."""
    return LEVELS.index(level)


def to_counts(value: Mapping[Any, int]) -> Mapping[Level, int]:
    """Normalise a count mapping to all five levels in order (a level not given counts 0).

    A mapping with an unknown or a doubled level (``None`` and ``"none"``) is left as given; the
    validator then names the bad key.
    """
    raw: object = value  # annotated as a mapping for callers; checked for everyone else
    if not isinstance(raw, Mapping):
        return value
    counts: dict[Level, int] = dict.fromkeys(LEVELS, 0)
    seen: set[str] = set()
    for key, count in value.items():
        level = to_level(key)
        if level not in LEVELS or level in seen:
            return value
        seen.add(level)
        counts[level] = count
    return MappingProxyType(counts)


def check_counts(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, MappingProxyType):
        if not isinstance(value, Mapping):
            raise v.wrong_type(attribute, "an object", value)
        keys = [to_level(key) for key in value]
        bad = next((k for k, level in zip(value, keys, strict=True) if level not in LEVELS), None)
        if bad is not None:
            raise error(attribute.name, "chart_level_invalid", got=repr(bad))
        double = next(level for i, level in enumerate(keys) if level in keys[:i])
        raise error(attribute.name, "chart_duplicate", got=repr(double))
    check = v.integer(0, _MAX_COUNT, code="int_range")
    for level, count in value.items():
        try:
            check(_inst, attribute, count)
        except ValidationError as err:
            raise ValidationError(
                attrs.evolve(p, path=f"{attribute.name}.{level}") for p in err.problems
            ) from None


def unique(path: str, keys: Iterable[object]) -> None:
    seen: set[object] = set()
    for key in keys:
        if key in seen:
            raise error(path, "chart_duplicate", got=repr(key))
        seen.add(key)


def not_empty(path: str, *collections: tuple[Any, ...]) -> None:
    if not any(collections):
        raise error(path, "chart_nothing_to_draw")


check_count = v.integer(0, _MAX_COUNT, code="int_range")
check_name = v.optional(v.text_value)
check_percent = v.optional(v.percentage)
