"""Reusable attrs validators and converters; every failure is our ``ValidationError``.

Validators are called by attrs as ``(instance, attribute, value)``. They stay cheap: they run for
every field of every record decoded from JSON.

**Rules as data.** Each single-field rule (non-blank text, a pattern, a range, decimal places and
digits, a least number of entries) is declared once, as a :class:`Rule`, and the :class:`Check`
that enforces it carries it in :attr:`Check.rule`. The JSON Schema generator
(:mod:`sanitasi_core._schema`) reads the rule from the field's validator, so the shipped schema
states what the validator checks and the two cannot drift.

**Every problem at once.** A failing :class:`Check` does not stop at its own field: it checks
every field of the object again and raises one ``ValidationError`` listing every problem (the
first :data:`~sanitasi_core.exceptions.MAX_PROBLEMS`, the rest counted). That second pass runs
only on failure: the success path is one call per field, as before, and no state is shared
between objects or threads.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import Any, Final

import attrs

from sanitasi_core._messages import phrase, text
from sanitasi_core._text import Text, lone_surrogate
from sanitasi_core.exceptions import ProblemCollector, ValidationError

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

MIN_YEAR: Final = 1945
MAX_YEAR: Final = 2100
DECIMAL_DIGITS: Final = 40
"""The most digits before the decimal point of a decimal (the wire format's limit)."""
DECIMAL_PLACES: Final = 20
"""The most decimal places of a decimal (the wire format's limit): the model refuses more, so
that what it accepts is written and read back equal."""


# --------------------------------------------------------------------------------------------
# Rules as data
# --------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Rule:
    """What one field accepts, as data (*aturan isian*): read by its check and by the schema.

    Only single-field rules are rules here; cross-field, cross-record and registry rules are
    checked by the model's classes and listed as such in the format reference.

    Attributes:
        non_blank: a text must hold a character that is not whitespace.
        pattern: a regular expression the whole text must match; written in the subset that
            Python and ECMA-262 (JSON Schema) read alike, without anchors.
        expected: what the pattern means, in English, for messages (translated by the phrase
            catalogue) and the schema's description.
        minimum: the least value of a number (inclusive).
        maximum: the greatest value of a number (inclusive).
        code: the message code for a number outside ``[minimum, maximum]``.
        places: the most decimal places of a decimal.
        digits: the most digits before the decimal point of a decimal.
        min_items: the fewest entries of a list or an object.
        keys: the rule of an object's keys.
    """

    non_blank: bool = False
    pattern: str | None = None
    expected: str | None = None
    minimum: int | Decimal | None = None
    maximum: int | Decimal | None = None
    code: str | None = None
    places: int | None = None
    digits: int | None = None
    min_items: int | None = None
    keys: Rule | None = None

    def merge(self, other: Rule | None) -> Rule:
        """Return this rule with every constraint *other* sets added (``other`` wins a tie)."""
        if other is None:
            return self
        changes = {
            f.name: getattr(other, f.name)
            for f in attrs.fields(Rule)
            if getattr(other, f.name) != f.default
        }
        return attrs.evolve(self, **changes)


NON_BLANK: Final = Rule(non_blank=True)
"""Text with a character that is not whitespace (and no lone surrogate, which JSON cannot say)."""

DECIMAL: Final = Rule(places=DECIMAL_PLACES, digits=DECIMAL_DIGITS)
"""Any decimal the wire format can carry exactly."""


# --------------------------------------------------------------------------------------------
# Checks: validators that carry their rule
# --------------------------------------------------------------------------------------------


class Check:
    """An attrs validator that carries the :class:`Rule` it enforces.

    Calling it checks one field, as attrs does; when that fails, it checks every other field
    of the object too and raises one error with all their problems. :attr:`check` checks the
    one field only (composite checks and the second pass call it).

    A check function whose first parameter is named with a leading underscore (``_inst``)
    declares that it never reads the object, only the value (and fixed data such as the shipped
    region codes): the fast decoder (:mod:`sanitasi_core._decode`) then remembers the values it
    accepted instead of calling it again. Name it ``inst`` when it reads other fields.

    Args:
        check: the function that checks one value and raises ``ValidationError``.
        rule: the rule it enforces, for the schema; ``None`` when the type says it all.
    """

    __slots__ = ("check", "rule")

    def __init__(self, check: Validator, rule: Rule | None = None) -> None:
        self.check = check
        self.rule = rule

    def __call__(self, inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        try:
            self.check(inst, attribute, value)
        except ValidationError as err:
            raise every_problem(inst, err, self, attribute) from None

    def __repr__(self) -> str:
        return f"Check({getattr(self.check, '__qualname__', self.check)!r}, rule={self.rule!r})"


def checks_of(validator: object) -> Iterator[Check]:
    """Yield the :class:`Check` objects of a field's validator (attrs chains them with ``and_``)."""
    if isinstance(validator, Check):
        yield validator
        return
    for member in getattr(validator, "_validators", ()):  # attrs' _AndValidator
        yield from checks_of(member)


def rule_of(validator: object) -> Rule | None:
    """Return the rule a field's validator enforces, all its checks merged; ``None`` if none."""
    rule: Rule | None = None
    for check in checks_of(validator):
        if check.rule is not None:
            rule = check.rule if rule is None else rule.merge(check.rule)
    return rule


def every_problem(
    inst: object, first: ValidationError, check: Check, attribute: attrs.Attribute[Any]
) -> ValidationError:
    """Return one error with the problems of every field of *inst*, *first*'s included.

    Only when *check* is the validator of *attribute* on *inst*: a check called from inside
    another validator reports its own value alone (that validator names the path). Each field
    is checked by its :class:`Check` objects; problems of *first* that no check found again are
    kept at the end. At most :data:`~sanitasi_core.exceptions.MAX_PROBLEMS` are kept.
    """
    cls: Any = type(inst)
    own = getattr(attrs.fields(cls), attribute.name, None) if attrs.has(cls) else None
    if own is None or all(c is not check for c in checks_of(own.validator)):
        return first
    found = ProblemCollector()
    seen: set[tuple[str, str]] = set()
    for field in attrs.fields(cls):
        value = getattr(inst, field.name, None)
        try:
            for each in checks_of(field.validator):
                each.check(inst, field, value)
        except ValidationError as err:
            found.extend(err.problems)
            found.omitted += err.omitted
            seen.update((p.path, p.code) for p in err.problems)
    found.extend(p for p in first.problems if (p.path, p.code) not in seen)
    return ValidationError(found)


# --------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------------
# Converters
# --------------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------------
# Checks built from rules
# --------------------------------------------------------------------------------------------


def decimal_check(rule: Rule) -> Check:
    """Return the check of a finite ``Decimal`` under *rule* (places, digits, range).

    Places and digits are those the wire format can write, so whatever the model accepts is
    written and read back equal: ``Decimal(100) / 3`` is refused, not silently cut.
    """
    places = DECIMAL_PLACES if rule.places is None else rule.places
    digits = DECIMAL_DIGITS if rule.digits is None else rule.digits
    low, high, code = rule.minimum, rule.maximum, rule.code or "int_range"

    def check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, Decimal):
            raise wrong_type(attribute, "a decimal", value)
        if not value.is_finite():
            raise fail(attribute, "finite_decimal", got=value)
        exponent = value.as_tuple().exponent
        assert isinstance(exponent, int)  # noqa: S101  # finite, checked above
        if -exponent > places:
            raise fail(attribute, "decimal_places", places=places, count=-exponent, got=value)
        if value and value.adjusted() >= digits:
            raise fail(attribute, "decimal_digits", digits=digits, got=value)
        if (low is not None and value < low) or (high is not None and value > high):
            raise fail(attribute, code, low=low, high=high, got=value)

    return Check(check, attrs.evolve(rule, places=places, digits=digits))


def text_check(rule: Rule, diagnose: Callable[[str], Text | None] | None = None) -> Check:
    """Return the check of a string under *rule* (non-blank, pattern), valid Unicode always.

    Args:
        rule: the rule; a pattern is matched against the whole text.
        diagnose: for a text that does not match, a more precise message than "expected
            *rule.expected*" (e.g. from the parser of that kind of code), or ``None``.
    """
    non_blank = rule.non_blank
    matcher = re.compile(rule.pattern).fullmatch if rule.pattern is not None else None
    expected = rule.expected or "a text of the documented format"

    def check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str):
            raise wrong_type(attribute, "a string", value)
        if non_blank and not value.strip():
            raise fail(attribute, "not_blank", got=repr(value))
        at = lone_surrogate(value)
        if at is not None:
            raise fail(attribute, "lone_surrogate", code=ord(value[at]), position=at)
        if matcher is not None and matcher(value) is None:
            found = diagnose(value) if diagnose is not None else None
            if found is not None:
                raise ValidationError.single(attribute.name, found, "pattern")
            raise fail(attribute, "pattern", expected=phrase(expected), got=value)

    return Check(check, rule)


def integer(low: int, high: int, *, code: str = "int_range") -> Check:
    """Require an ``int`` (not a bool) in [low, high]."""

    def check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool):
            raise wrong_type(attribute, "an integer", value)
        if not low <= value <= high:
            raise fail(attribute, code, low=low, high=high, got=value)

    return Check(check, Rule(minimum=low, maximum=high, code=code))


decimal = decimal_check(DECIMAL)
"""Require a finite ``Decimal`` the wire format can carry."""

non_negative = decimal_check(DECIMAL.merge(Rule(minimum=Decimal(0), code="non_negative")))
"""Require a finite ``Decimal`` ≥ 0 (money, tonnages)."""

percentage = decimal_check(
    DECIMAL.merge(Rule(minimum=Decimal(0), maximum=Decimal(100), code="percentage_range"))
)
"""Require a ``Decimal`` percentage in [0, 100]."""

_SCORE: Final = DECIMAL.merge(Rule(minimum=Decimal(0), maximum=Decimal(100), code="score_range"))
score = decimal_check(_SCORE)
"""Require an aspect score in [0, 100]."""

text_value = text_check(NON_BLANK)
"""Require a non-blank string that is valid Unicode (no lone surrogate)."""

year = integer(MIN_YEAR, MAX_YEAR, code="year_range")
"""Require a year in 1945-2100."""


def _score_map(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, dict) or not value:
        raise wrong_type(attribute, "an object", value)
    for key, item in value.items():
        try:
            text_value.check(inst, attribute, key)
            score.check(inst, attribute, item)
        except ValidationError as err:
            raise ValidationError(
                attrs.evolve(p, path=f"{attribute.name}.{key}") for p in err.problems
            ) from None


score_map = Check(_score_map, _SCORE.merge(Rule(min_items=1, keys=NON_BLANK)))
"""Require a non-empty mapping of identifier → score in [0, 100]."""


def _date_value(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise wrong_type(attribute, "a date", value)


# Typed as a plain validator: callers list it with functions (``[v.date_value, check]``).
date_value: Final[Validator] = Check(_date_value)
"""Require a plain ``datetime.date`` (a ``datetime`` carries a clock time: not a date)."""


def _flag(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise wrong_type(attribute, "true or false", value)


flag: Final[Validator] = Check(_flag)
"""Require a real ``bool``."""


def member_of(enum_type: type[Any]) -> Check:
    """Require a member of *enum_type* (the loader converts wire values; Python callers must)."""
    choices = ", ".join(str(m.value) for m in enum_type)

    def check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, enum_type):
            raise fail(attribute, "invalid_choice", got=repr(value), choices=choices)

    return Check(check)


def _as_check(validator: Validator) -> Check:
    return validator if isinstance(validator, Check) else Check(validator)


def items(item_validator: Validator) -> Check:
    """Require a tuple whose every item passes *item_validator*; the path names the index."""
    inner = _as_check(item_validator)
    item_check = inner.check

    def check(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise wrong_type(attribute, "a list", value)
        for index, item in enumerate(value):
            try:
                item_check(inst, attribute, item)
            except ValidationError as err:
                raise ValidationError(
                    attrs.evolve(p, path=f"{attribute.name}[{index}]") for p in err.problems
                ) from None

    return Check(check, inner.rule)


def instance(cls: type[Any]) -> Check:
    """Require an instance of *cls*."""

    def check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, cls):
            raise wrong_type(attribute, cls.__name__, value)

    return Check(check)


def instances(cls: type[Any]) -> Check:
    """Require a tuple of *cls* instances."""
    return items(instance(cls))


def optional(validator: Validator) -> Check:
    """Allow ``None`` (unknown) or whatever *validator* accepts."""
    inner = _as_check(validator)
    inner_check = inner.check

    def check(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            inner_check(inst, attribute, value)

    return Check(check, inner.rule)


def all_of(*validators: Validator) -> Check:
    """Require every one of *validators*, in order (the first failure is the field's problem)."""
    checks = tuple(_as_check(v) for v in validators)
    rule = rule_of(attrs.validators.and_(*checks))
    inner = tuple(c.check for c in checks)

    def check(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        for one in inner:
            one(inst, attribute, value)

    return Check(check, rule)
