"""Rupiah amounts: exact parsing and formatting of the spellings found in budgets and news.

In Indonesian, ``.`` groups thousands and ``,`` is the decimal mark. Accepted spellings::

    Rp1.250.000.000,00     Rp 215.000      Rp. 130.000,00     Rp.1 . 800.000.000
    Rp117,797 miliar       Rp485,9 miliar  IDR 5 juta         215.000      -Rp215.000
    Rp 215.000,-           (",-" means "no sen", a common way to close an amount)

Scale words (*satuan*, case-insensitive): ``ribu`` (10^3), ``juta`` (10^6), ``miliar`` or
``milyar`` (10^9), ``triliun`` (10^12).

What is rejected rather than guessed:

- a dot not followed by exactly three digits (``Rp1.25``), a first group of more than three
  digits or with a leading zero (``Rp1250.000``, ``Rp01.000``): the dot is then not a
  thousands separator, and reading it as a decimal point would be a guess;
- comma groups (``1,250,000``) and more than one comma;
- without a scale word, more than two digits after the comma: ``Rp1,250`` could be an English
  "one thousand two hundred and fifty". With a scale word any number of digits may follow the
  comma (``Rp117,797 miliar``), but the amount must come out as a whole number of sen (at most
  two decimal places), like every amount this library reads;
- a prefix or a scale word with no number, and any other text.

All arithmetic is on digit strings: no float, and no :mod:`decimal` context that could round.
"""

import re
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Final, Literal

from sanitasi_core._messages import text as _text
from sanitasi_core._parsing import require_text as _require_text
from sanitasi_core.exceptions import ParseError, ValidationError

__all__ = ["SCALES", "Scale", "format_rupiah", "parse_rupiah"]

Scale = Literal["ribu", "juta", "miliar", "triliun"]

#: The power of ten of each scale word written by :func:`format_rupiah` (``milyar`` is also read).
SCALES: Final[Mapping[Scale, int]] = MappingProxyType(
    {"ribu": 3, "juta": 6, "miliar": 9, "triliun": 12}
)

_SCALE_EXPONENTS: Final[Mapping[str, int]] = {**{str(k): v for k, v in SCALES.items()}, "milyar": 9}

_EXPECTED: Final = "a Rupiah amount such as 'Rp1.250.000.000,00', 'Rp 215.000' or 'Rp485,9 miliar'"

_RUPIAH_RE: Final = re.compile(
    r"""
    (?P<sign>-)?\s*
    (?:(?:rp\.?|idr)\s*)?
    (?P<integer>[0-9]+(?:\s*\.\s*[0-9]+)*)
    (?:,(?P<fraction>[0-9]+|-))?
    (?:\s*(?P<scale>ribu|juta|miliar|milyar|triliun))?
    """,
    re.VERBOSE | re.IGNORECASE | re.ASCII,
)
_FIRST_GROUP: Final = re.compile(r"[1-9][0-9]{0,2}", re.ASCII)
_UNGROUPED: Final = re.compile(r"[1-9][0-9]*|0", re.ASCII)
_SEN_PLACES: Final = 2


def parse_rupiah(text: str) -> Decimal:
    """Read a Rupiah amount exactly.

    Args:
        text: the amount as written, e.g. ``Rp1.250.000.000,00`` or ``Rp485,9 miliar``.

    Returns:
        The amount in Rupiah. Without a scale word it keeps the decimals as written
        (``Rp. 130.000,00`` gives ``Decimal('130000.00')``); with one it is an integer when the
        amount is whole (``Rp117,797 miliar`` gives ``Decimal('117797000000')``).

    Raises:
        ParseError: for anything that is not one of the spellings in the module documentation,
            or is ambiguous (see there); also for non-``str`` input and texts longer than 200
            characters.
    """
    raw = _require_text(
        text, what_id="jumlah Rupiah", what_en="a Rupiah amount", expected=_EXPECTED
    )
    normalised = " ".join(raw.split())
    match = _RUPIAH_RE.fullmatch(normalised)
    if match is None:
        raise ParseError(raw, _EXPECTED, _text("rupiah_invalid", got=raw))

    groups = [g.strip() for g in match["integer"].split(".")]
    if len(groups) == 1:
        well_grouped = _UNGROUPED.fullmatch(groups[0]) is not None
    else:
        well_grouped = _FIRST_GROUP.fullmatch(groups[0]) is not None and all(
            len(g) == 3 for g in groups[1:]
        )
    if not well_grouped:
        raise ParseError(raw, _EXPECTED, _text("rupiah_bad_group", got=raw))

    scale = match["scale"]
    fraction = match["fraction"] or ""
    if fraction == "-":
        if scale is not None:
            raise ParseError(raw, _EXPECTED, _text("rupiah_invalid", got=raw))
        fraction = ""
    if scale is None and len(fraction) > _SEN_PLACES:
        raise ParseError(raw, _EXPECTED, _text("rupiah_too_many_decimals", got=raw))

    exponent = -len(fraction) + (0 if scale is None else _SCALE_EXPONENTS[scale.lower()])
    digits = "".join(groups) + fraction
    if exponent > 0:
        digits, exponent = digits + "0" * exponent, 0
    elif exponent < -_SEN_PLACES:
        excess = -_SEN_PLACES - exponent
        if digits[-excess:].strip("0"):
            amount = _decimal(digits, exponent, negative=match["sign"] is not None)
            raise ParseError(raw, _EXPECTED, _text("rupiah_below_sen", got=raw, amount=amount))
        digits, exponent = digits[:-excess], -_SEN_PLACES
    return _decimal(digits, exponent, negative=match["sign"] is not None)


def _decimal(digits: str, exponent: int, *, negative: bool) -> Decimal:
    """Build a Decimal exactly from a digit string and an exponent (negative zero becomes 0)."""
    sign = 1 if negative and digits.strip("0") else 0
    return Decimal((sign, tuple(int(c) for c in digits), exponent))


def format_rupiah(
    amount: Decimal,
    *,
    prefix: str = "Rp",
    decimals: int = 2,
    scale: Scale | None = None,
) -> str:
    """Write an amount the Indonesian way, exactly; :func:`parse_rupiah` reads it back.

    Args:
        amount: the amount in Rupiah, a finite :class:`~decimal.Decimal`.
        prefix: written before the number, after any minus sign; ``"Rp"``, ``"Rp "``, ``"Rp."``,
            ``"IDR "`` and ``""`` are read back by :func:`parse_rupiah`.
        decimals: the number of decimal places written without a scale: 0, 1 or 2 (``2`` gives
            ``Rp1.250.000.000,00``, ``0`` gives ``Rp1.250.000.000``). More would not read back:
            three digits after the comma are ambiguous. Ignored with a scale.
        scale: write the amount in thousands (``ribu``), millions (``juta``), billions
            (``miliar``) or trillions (``triliun``), with exactly the decimals needed and no
            trailing zeros: ``Rp117,797 miliar``, ``Rp5 juta``.

    Returns:
        The amount as text; a negative amount starts with ``-`` (``-Rp215.000,00``).

    Raises:
        ValidationError: if *amount* is not a finite Decimal, *decimals* is not 0, 1 or 2,
            *scale* is not a scale word, or *amount* has more decimal places than
            *decimals* (it is never rounded: quantize it first).
    """
    value = _check_amount(amount)
    if isinstance(decimals, bool) or not isinstance(decimals, int) or not 0 <= decimals <= 2:
        raise ValidationError.single(
            "decimals", _text("rupiah_decimals_option", got=decimals), "rupiah_decimals_option"
        )
    if scale is not None and scale not in SCALES:
        raise ValidationError.single(
            "scale", _text("rupiah_scale_option", got=scale), "rupiah_scale_option"
        )

    sign = "-" if value.is_signed() and value != 0 else ""
    integer, fraction = _split(value)
    if scale is None:
        fraction = fraction.rstrip("0")
        if len(fraction) > decimals:
            raise ValidationError.single(
                "amount",
                _text("rupiah_would_round", amount=value, decimals=decimals),
                "rupiah_would_round",
            )
        fraction = fraction.ljust(decimals, "0")
        return f"{sign}{prefix}{_group(integer)}{',' + fraction if fraction else ''}"

    shift = SCALES[scale]
    integer = integer.rjust(shift + 1, "0")
    integer, fraction = integer[:-shift], (integer[-shift:] + fraction).rstrip("0")
    return f"{sign}{prefix}{_group(integer)}{',' + fraction if fraction else ''} {scale}"


def _check_amount(value: object) -> Decimal:
    """Return *value* if it is a finite Decimal, or raise ValidationError."""
    if not isinstance(value, Decimal) or not value.is_finite():
        raise ValidationError.single(
            "amount", _text("rupiah_not_decimal", got=value), "rupiah_not_decimal"
        )
    return value


def _split(value: Decimal) -> tuple[str, str]:
    """Return the integer digits (no leading zeros, ``"0"`` at least) and all fraction digits.

    ``format(..., "f")`` without a precision writes every digit and never rounds.
    """
    integer, _, fraction = format(value.copy_abs(), "f").partition(".")
    return integer.lstrip("0") or "0", fraction


def _group(integer: str) -> str:
    """Group an integer digit string by thousands with dots: ``1250000`` → ``1.250.000``."""
    head = len(integer) % 3 or 3
    return ".".join([integer[:head], *(integer[i : i + 3] for i in range(head, len(integer), 3))])
