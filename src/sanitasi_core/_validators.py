"""Reusable attrs validators and converters; every failure is our ``ValidationError``.

Validators are called by attrs as ``(instance, attribute, value)``. They stay cheap: they run for
every field of every record decoded from JSON.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

import attrs

from sanitasi_core._messages import phrase, text
from sanitasi_core._text import lone_surrogate
from sanitasi_core.exceptions import ValidationError

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

_HUNDRED = Decimal(100)
_ZERO = Decimal(0)
MIN_YEAR = 1945
MAX_YEAR = 2100


def invalid(path: str, code: str, /, **params: object) -> ValidationError:
    """Build the error for the field at *path* with message *code* of the catalogue."""
    return ValidationError.single(path, text(code, **params), code)


def fail(attribute: attrs.Attribute[Any], code: str, /, **params: object) -> ValidationError:
    """Build the error for *attribute* with message *code*."""
    return invalid(attribute.name, code, **params)


def wrong_type(attribute: attrs.Attribute[Any], expected: str, value: object) -> ValidationError:
    """Build the error for a value of the wrong type; *expected* is an English phrase."""
    return fail(attribute, "expected_type", expected=phrase(expected), got=_describe(value))


def _describe(value: object) -> str:
    return f"{value!r} ({type(value).__name__})"


def to_decimal(value: Decimal | int | str) -> Decimal:
    """Normalise an int or a decimal string to ``Decimal``; anything else is left to validators.

    Floats are deliberately not converted: a binary float has already lost the exact amount.
    """
    if isinstance(value, bool):
        return value  # type: ignore[return-value]  # rejected by the validator with a clear message
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str):
        try:
            return Decimal(value.strip())
        except ArithmeticError:
            return value  # type: ignore[return-value]
    return value


def to_optional_decimal(value: Decimal | int | str | None) -> Decimal | None:
    """Like :func:`to_decimal`, keeping ``None`` (unknown)."""
    return None if value is None else to_decimal(value)


# Typed with ``Any``, not a type variable: the attrs mypy plugin takes a converter's parameter
# type as the ``__init__`` parameter type and cannot solve ``Iterable[T]``.
def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Normalise any iterable (a list from Python code) to a tuple; a string is not one here."""
    if isinstance(value, tuple):
        return value
    if isinstance(value, str | bytes):
        return value  # type: ignore[return-value]  # rejected by the validator
    return tuple(value)


def to_optional_tuple(value: Iterable[Any] | None) -> tuple[Any, ...] | None:
    """Like :func:`to_tuple`, keeping ``None`` (not reported)."""
    return None if value is None else to_tuple(value)


def decimal(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require a finite ``Decimal``."""
    if not isinstance(value, Decimal):
        raise wrong_type(attribute, "a decimal", value)
    if not value.is_finite():
        raise fail(attribute, "finite_decimal", got=value)


def non_negative(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require a finite ``Decimal`` ≥ 0 (money, counts)."""
    decimal(inst, attribute, value)
    assert isinstance(value, Decimal)  # noqa: S101  # narrowed by decimal()
    if value < _ZERO:
        raise fail(attribute, "non_negative", got=value)


def _zero_to_hundred(code: str) -> Validator:
    """Require a ``Decimal`` in [0, 100]; *code* names what it is in the message."""

    def check(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        decimal(inst, attribute, value)
        assert isinstance(value, Decimal)  # noqa: S101  # narrowed by decimal()
        if not _ZERO <= value <= _HUNDRED:
            raise fail(attribute, code, got=value)

    return check


percentage = _zero_to_hundred("percentage_range")
"""Require a ``Decimal`` percentage in [0, 100]."""

score = _zero_to_hundred("score_range")
"""Require an aspect score in [0, 100]."""


def score_map(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require a non-empty mapping of identifier → score in [0, 100]."""
    if not isinstance(value, dict) or not value:
        raise wrong_type(attribute, "an object", value)
    for key, item in value.items():
        try:
            text_value(inst, attribute, key)
            score(inst, attribute, item)
        except ValidationError as err:
            raise ValidationError(
                attrs.evolve(p, path=f"{attribute.name}.{key}") for p in err.problems
            ) from None


def text_value(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require a non-blank string that is valid Unicode (no lone surrogate)."""
    if not isinstance(value, str):
        raise wrong_type(attribute, "a string", value)
    if not value.strip():
        raise fail(attribute, "not_blank", got=repr(value))
    at = lone_surrogate(value)
    if at is not None:
        raise fail(attribute, "lone_surrogate", code=ord(value[at]), position=at)


def date_value(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require a plain ``datetime.date`` (a ``datetime`` carries a clock time: not a date)."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise wrong_type(attribute, "a date", value)


def flag(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require a real ``bool``."""
    if not isinstance(value, bool):
        raise wrong_type(attribute, "true or false", value)


def integer(low: int, high: int, *, code: str = "int_range") -> Validator:
    """Require an ``int`` (not a bool) in [low, high]."""

    def check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool):
            raise wrong_type(attribute, "an integer", value)
        if not low <= value <= high:
            raise fail(attribute, code, low=low, high=high, got=value)

    return check


year = integer(MIN_YEAR, MAX_YEAR, code="year_range")


def member_of(enum_type: type[Any]) -> Validator:
    """Require a member of *enum_type* (the loader converts wire values; Python callers must)."""
    choices = ", ".join(str(m.value) for m in enum_type)

    def check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, enum_type):
            raise fail(attribute, "invalid_choice", got=repr(value), choices=choices)

    return check


def items(item_validator: Validator) -> Validator:
    """Require a tuple whose every item passes *item_validator*; the path names the index."""

    def check(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise wrong_type(attribute, "a list", value)
        for index, item in enumerate(value):
            try:
                item_validator(inst, attribute, item)
            except ValidationError as err:
                raise ValidationError(
                    attrs.evolve(p, path=f"{attribute.name}[{index}]") for p in err.problems
                ) from None

    return check


def instance(cls: type[Any]) -> Validator:
    """Require an instance of *cls*."""

    def check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, cls):
            raise wrong_type(attribute, cls.__name__, value)

    return check


def instances(cls: type[Any]) -> Validator:
    """Require a tuple of *cls* instances."""
    return items(instance(cls))


def optional(validator: Validator) -> Validator:
    """Allow ``None`` (unknown) or whatever *validator* accepts."""

    def check(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            validator(inst, attribute, value)

    return check
