"""Rupiah amounts and percentages: exact parsing and formatting of the spellings in use.

In Indonesian, ``.`` groups thousands and ``,`` is the decimal mark. Accepted spellings::

    Rp1.250.000.000,00     Rp 215.000      Rp. 130.000,00     Rp.1 . 800.000.000
    Rp117,797 miliar       Rp485,9 MILIAR  IDR 5 juta         215.000      -Rp215.000
    Rp 215.000,-           (",-" means "no sen", a common way to close an amount)
    Rp 19 M                Rp5 ribu        Rp 2 jt            Rp1,2 trilyun      48 miliar rupiah
    Rp. 100.000.000,- (seratus juta rupiah)                   Rp 25.000/bulan    Rp 5 juta per tahun

Scale words (*satuan*), in any letter case: ``ribu`` or ``rb`` (10^3), ``juta`` or ``jt``
(10^6), ``miliar`` or ``milyar`` (10^9), ``triliun`` or ``trilyun`` (10^12). The one-letter
abbreviations ``M`` (*miliar*) and ``T`` (*triliun*) are read only as capitals and only after
``Rp`` or ``IDR`` (``Rp 19 M``): alone, an ``M`` could be anything.

After the amount may come the word ``rupiah``, the amount in words in parentheses (which must
say the same amount: ``(seratus juta rupiah)``), and a period (``/bulan``, ``per tahun``; also
``/hari``, ``/minggu``, ``/bln``, ``/thn``). :func:`parse_amount` keeps the period and the words
on an :class:`Amount`; :func:`parse_rupiah` returns the bare :class:`~decimal.Decimal` and
refuses a period rather than drop it.

What is refused rather than guessed:

- a dot not followed by exactly three digits (``Rp1.25``), a first group of more than three
  digits or with a leading zero (``Rp1250.000``, ``Rp01.000``): the dot is then not a
  thousands separator, and reading it as a decimal point would be a guess;
- comma groups (``1,250,000``) and more than one comma;
- without a scale word, more than two digits after the comma: ``Rp1,250`` could be an English
  "one thousand two hundred and fifty". With a scale word any number of digits may follow the
  comma (``Rp117,797 miliar``), but the amount must come out as a whole number of sen (at most
  two decimal places), like every amount this library reads;
- another currency (``$``, ``US$``, ``USD``, ``$0,12JT``, ``EUR`` …): the message says so;
- a word after the number that is not a scale word, such as a truncated one (``triliu``): the
  message says which;
- amounts in words that disagree with the figure, or are not Indonesian number words;
- a prefix or a scale word with no number, and any other text.

All arithmetic is on digit strings: no float, and no :mod:`decimal` context that could round.
"""

import re
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Final, Literal

import attrs

from sanitasi_core._format import group_digits
from sanitasi_core._messages import text as _text
from sanitasi_core._parsing import require_text as _require_text
from sanitasi_core._rupiah_words import LIMIT as _WORDS_LIMIT
from sanitasi_core._rupiah_words import amount_in_words, int_to_words
from sanitasi_core.exceptions import ParseError, ValidationError

__all__ = [
    "PERIODS",
    "SCALES",
    "Amount",
    "Period",
    "Scale",
    "format_amount",
    "format_rupiah",
    "parse_amount",
    "parse_percent",
    "parse_rupiah",
    "words_for",
]

Scale = Literal["ribu", "juta", "miliar", "triliun"]
Period = Literal["hari", "minggu", "bulan", "tahun"]

#: The power of ten of each scale word written by :func:`format_rupiah` (more are read).
SCALES: Final[Mapping[Scale, int]] = MappingProxyType(
    {"ribu": 3, "juta": 6, "miliar": 9, "triliun": 12}
)
#: The periods an amount can be per (*per hari/minggu/bulan/tahun*), as :attr:`Amount.period`.
PERIODS: Final[tuple[Period, ...]] = ("hari", "minggu", "bulan", "tahun")

_SCALE_WORDS: Final[Mapping[str, int]] = {
    "ribu": 3,
    "rb": 3,
    "juta": 6,
    "jt": 6,
    "miliar": 9,
    "milyar": 9,
    "triliun": 12,
    "trilyun": 12,
}
_SCALE_LETTERS: Final[Mapping[str, int]] = {"M": 9, "T": 12}  # capitals, after Rp/IDR only
_FULL_SCALES: Final = ("ribu", "juta", "miliar", "milyar", "triliun", "trilyun")
_PERIOD_WORDS: Final[Mapping[str, Period]] = {
    "hari": "hari",
    "minggu": "minggu",
    "bulan": "bulan",
    "bln": "bulan",
    "tahun": "tahun",
    "thn": "tahun",
    "th": "tahun",
}
_FOREIGN_WORDS: Final = frozenset(
    ("usd", "dollar", "dolar", "euro", "eur", "sgd", "aud", "jpy", "yen", "myr", "ringgit", "gbp")
)

_EXPECTED: Final = "a Rupiah amount such as 'Rp1.250.000.000,00', 'Rp 215.000' or 'Rp485,9 miliar'"
_EXPECTED_PERCENT: Final = "a percentage such as '76,31%', '95.40%' or '12 persen'"

_HEAD_RE: Final = re.compile(
    r"""
    (?P<sign>-)?[ ]?
    (?:(?P<prefix>rp\.?|idr|us\$|usd|s\$|a\$|\$|eur|€|£|gbp|sgd|aud|jpy|¥|myr|rm)[ ]?)?
    (?P<integer>[0-9]+(?:[ ]?\.[ ]?[0-9]+)*)
    (?:,(?P<fraction>[0-9]+|-))?
    """,
    re.VERBOSE | re.IGNORECASE | re.ASCII,
)
_WORD_RE: Final = re.compile(r" ?(?P<word>[A-Za-z]+)(?![A-Za-z])", re.ASCII)
_RUPIAH_RE: Final = re.compile(r" rupiah(?![A-Za-z])", re.IGNORECASE | re.ASCII)
_IN_WORDS_RE: Final = re.compile(r" ?\( ?(?P<words>[^()]*[^() ]) ?\)", re.ASCII)
_PERIOD_RE: Final = re.compile(
    r" ?(?:/ ?|per )(?P<period>[A-Za-z]+)(?![A-Za-z])", re.IGNORECASE | re.ASCII
)
_PERCENT_RE: Final = re.compile(
    r"(?P<sign>[-+])? ?(?P<integer>0|[1-9][0-9]*)(?:[.,](?P<fraction>[0-9]+))? ?(?:%|persen)",
    re.IGNORECASE | re.ASCII,
)
_FIRST_GROUP: Final = re.compile(r"[1-9][0-9]{0,2}", re.ASCII)
_UNGROUPED: Final = re.compile(r"[1-9][0-9]*|0", re.ASCII)
_SEN_PLACES: Final = 2


def _is_value(_instance: object, attribute: "attrs.Attribute[Decimal]", value: object) -> None:
    """Attrs validator: a finite Decimal."""
    if not isinstance(value, Decimal) or not value.is_finite():
        raise ValidationError.single(
            attribute.name, _text("rupiah_not_decimal", got=value), "rupiah_not_decimal"
        )


def _is_period(
    _instance: object, attribute: "attrs.Attribute[Period | None]", value: object
) -> None:
    """Attrs validator: ``None`` or one of :data:`PERIODS`."""
    if value is not None and value not in PERIODS:
        raise ValidationError.single(
            attribute.name, _text("amount_period_option", got=value), "amount_period_option"
        )


def _is_words(instance: object, attribute: "attrs.Attribute[str | None]", value: object) -> None:
    """Attrs validator: ``None``, or normalised Indonesian number words saying the value."""
    if value is None:
        return
    said = amount_in_words(value) if isinstance(value, str) else None
    if (
        not isinstance(value, str)
        or " ".join(value.split()) != value
        or said is None
        or said != getattr(instance, "value", None)
    ):
        raise ValidationError.single(
            attribute.name,
            _text("amount_words_field", got=value, amount=getattr(instance, "value", None)),
            "amount_words_field",
        )


@attrs.frozen(kw_only=True)
class Amount:
    """A Rupiah amount (*jumlah*) as written in a budget or news text, with what came with it.

    Attributes:
        value: the amount in Rupiah, exact (``Decimal('100000000')``).
        period: what the amount is per, when the text said so (``/bulan``, ``per tahun``):
            ``"hari"``, ``"minggu"``, ``"bulan"`` or ``"tahun"``; ``None`` for a one-off amount.
        words: the amount in words as written in parentheses, whitespace normalised
            (``seratus juta rupiah``); it says the same whole amount as *value*.

    Raises:
        ValidationError: if *value* is not a finite Decimal, *period* is not a period, or
            *words* are not Indonesian number words saying *value*.
    """

    value: Decimal = attrs.field(validator=_is_value)
    period: Period | None = attrs.field(default=None, validator=_is_period)
    words: str | None = attrs.field(default=None, validator=_is_words)


def parse_amount(text: str) -> Amount:
    """Read a Rupiah amount exactly, with its period and its amount in words.

    Args:
        text: the amount as written, e.g. ``Rp 25.000/bulan``,
            ``Rp. 100.000.000,- (seratus juta rupiah)``, ``48 miliar rupiah``, ``Rp 19 M``.

    Returns:
        The amount; its value as :func:`parse_rupiah` gives it.

    Raises:
        ParseError: for anything that is not one of the spellings in the module documentation,
            or is ambiguous, or is in another currency, or has an unknown or truncated scale
            word or an unknown period, or words that disagree with the figure; also for
            non-``str`` input and texts longer than 200 characters.
    """
    raw = _require_text(
        text, what_id="jumlah Rupiah", what_en="a Rupiah amount", expected=_EXPECTED
    )
    return _parse(raw)


def parse_rupiah(text: str) -> Decimal:
    """Read a Rupiah amount exactly.

    Args:
        text: the amount as written, e.g. ``Rp1.250.000.000,00`` or ``Rp485,9 miliar``.

    Returns:
        The amount in Rupiah. Without a scale word it keeps the decimals as written
        (``Rp. 130.000,00`` gives ``Decimal('130000.00')``); with one it is an integer when the
        amount is whole (``Rp117,797 miliar`` gives ``Decimal('117797000000')``).

    Raises:
        ParseError: as :func:`parse_amount`, and also for an amount per period
            (``Rp 25.000/bulan``), which only :func:`parse_amount` can return whole.
    """
    raw = _require_text(
        text, what_id="jumlah Rupiah", what_en="a Rupiah amount", expected=_EXPECTED
    )
    amount = _parse(raw)
    if amount.period is not None:
        raise _fail(raw, "rupiah_period", period=amount.period)
    return amount.value


def _fail(raw: str, code: str, **params: object) -> ParseError:
    return ParseError(raw, _EXPECTED, _text(code, got=raw, **params))


def _parse(raw: str) -> Amount:
    """Parse a text already known to be a short ``str``."""
    normalised = " ".join(raw.split())
    head = _HEAD_RE.match(normalised)
    if head is None:
        raise _fail(raw, "rupiah_invalid")
    prefix = head["prefix"]
    if prefix is not None and not prefix.lower().startswith(("rp", "idr")):
        raise _fail(raw, "amount_foreign_currency", currency=prefix)
    rest = normalised[head.end() :]

    exponent, rest = _scale(raw, rest, has_prefix=prefix is not None)
    rupiah = _RUPIAH_RE.match(rest)
    rest = rest if rupiah is None else rest[rupiah.end() :]
    in_words = _IN_WORDS_RE.match(rest)
    rest = rest if in_words is None else rest[in_words.end() :]
    period = _PERIOD_RE.match(rest)
    if period is not None:
        rest = rest[period.end() :]
        if period["period"].lower() not in _PERIOD_WORDS:
            raise _fail(raw, "amount_unknown_period", word=period["period"])
    if rest:
        raise _fail(raw, "rupiah_invalid")

    value = _value(raw, head, exponent)
    words = None if in_words is None else in_words["words"]
    if words is not None:
        said = amount_in_words(words)
        if said is None:
            raise _fail(raw, "amount_words_invalid", words=words)
        if said != value:
            raise _fail(raw, "amount_words_mismatch", amount=value, words_amount=said)
    return Amount(
        value=value,
        period=None if period is None else _PERIOD_WORDS[period["period"].lower()],
        words=words,
    )


def _scale(raw: str, rest: str, *, has_prefix: bool) -> tuple[int | None, str]:
    """Read the scale word at the start of *rest*; return its power of ten and what follows."""
    match = _WORD_RE.match(rest)
    if match is None or match["word"].lower() in ("rupiah", "per"):
        return None, rest
    word, lowered = match["word"], match["word"].lower()
    if lowered in _SCALE_WORDS:
        return _SCALE_WORDS[lowered], rest[match.end() :]
    if word in _SCALE_LETTERS:
        if not has_prefix:
            raise _fail(raw, "amount_scale_needs_prefix", word=word)
        return _SCALE_LETTERS[word], rest[match.end() :]
    if lowered in _FOREIGN_WORDS:
        raise _fail(raw, "amount_foreign_currency", currency=word)
    full = next((f for f in _FULL_SCALES if len(lowered) >= 2 and f.startswith(lowered)), None)
    if full is not None:
        raise _fail(raw, "amount_truncated_scale", word=word, full=full)
    raise _fail(raw, "amount_unknown_scale", word=word)


def _value(raw: str, head: "re.Match[str]", scale: int | None) -> Decimal:
    """The exact value of the number in *head*, times 10 ** *scale*."""
    groups = [g.strip() for g in head["integer"].split(".")]
    if len(groups) == 1:
        well_grouped = _UNGROUPED.fullmatch(groups[0]) is not None
    else:
        well_grouped = _FIRST_GROUP.fullmatch(groups[0]) is not None and all(
            len(g) == 3 for g in groups[1:]
        )
    if not well_grouped:
        raise _fail(raw, "rupiah_bad_group")

    fraction = head["fraction"] or ""
    if fraction == "-":
        if scale is not None:
            raise _fail(raw, "rupiah_invalid")
        fraction = ""
    if scale is None and len(fraction) > _SEN_PLACES:
        raise _fail(raw, "rupiah_too_many_decimals")

    exponent = -len(fraction) + (scale or 0)
    digits = "".join(groups) + fraction
    negative = head["sign"] is not None
    if exponent > 0:
        digits, exponent = digits + "0" * exponent, 0
    elif exponent < -_SEN_PLACES:
        excess = -_SEN_PLACES - exponent
        if digits[-excess:].strip("0"):
            amount = _decimal(digits, exponent, negative=negative)
            raise _fail(raw, "rupiah_below_sen", amount=amount)
        digits, exponent = digits[:-excess], -_SEN_PLACES
    return _decimal(digits, exponent, negative=negative)


def _decimal(digits: str, exponent: int, *, negative: bool) -> Decimal:
    """Build a Decimal exactly from a digit string and an exponent (negative zero becomes 0)."""
    sign = 1 if negative and digits.strip("0") else 0
    return Decimal((sign, tuple(int(c) for c in digits), exponent))


def parse_percent(text: str) -> Decimal:
    """Read a percentage (*persentase*) written with either decimal mark: ``76,31%``, ``95.40%``.

    ``%`` or the word ``persen`` follows the number (a space between is allowed); a sign may
    come first. One decimal mark, ``,`` (Indonesian) or ``.`` (English), is read as the decimal
    point. A mark followed by exactly three digits is refused when the number before it is not
    zero: ``1.250%`` or ``1,250%`` could be a thousands separator in the other language.
    The value is not checked against 0-100 (a growth rate may exceed it).

    Args:
        text: e.g. ``76,31%``, ``95.40 %``, ``12 persen``, ``-1,5%``.

    Returns:
        The number of percent, with the decimals as written (``Decimal('95.40')``).

    Raises:
        ParseError: for anything else, and for the ambiguous form above; also for non-``str``
            input and texts longer than 200 characters.
    """
    raw = _require_text(
        text, what_id="persentase", what_en="a percentage", expected=_EXPECTED_PERCENT
    )
    match = _PERCENT_RE.fullmatch(" ".join(raw.split()))
    if match is None:
        raise ParseError(raw, _EXPECTED_PERCENT, _text("percent_invalid", got=raw))
    fraction = match["fraction"] or ""
    if len(fraction) == 3 and match["integer"] != "0":
        raise ParseError(raw, _EXPECTED_PERCENT, _text("percent_ambiguous", got=raw))
    digits = match["integer"] + fraction
    return _decimal(digits, -len(fraction), negative=match["sign"] == "-")


def format_amount(amount: Amount, *, prefix: str = "Rp", scale: Scale | None = None) -> str:
    """Write an :class:`Amount`; :func:`parse_amount` reads it back to an equal value.

    Args:
        amount: the amount.
        prefix: as for :func:`format_rupiah`.
        scale: as for :func:`format_rupiah`; without one, whole amounts are written without
            decimals and others with two.

    Returns:
        e.g. ``Rp100.000.000 (seratus juta rupiah)``, ``Rp25.000/bulan``.

    Raises:
        ValidationError: if *amount* is not an :class:`Amount`, or as :func:`format_rupiah`.
    """
    if not isinstance(amount, Amount):
        raise ValidationError.single(
            "amount",
            _text("format_field_type", expected_id="Amount", expected_en="an Amount", got=amount),
            "format_field_type",
        )
    whole = amount.value == amount.value.to_integral_value()
    written = format_rupiah(amount.value, prefix=prefix, decimals=0 if whole else 2, scale=scale)
    if amount.words is not None:
        written += f" ({amount.words})"
    if amount.period is not None:
        written += f"/{amount.period}"
    return written


def words_for(value: Decimal) -> str | None:
    """The amount in words for a whole *value* from 0 to 10^15 - 1, else ``None``."""
    if value != value.to_integral_value() or not 0 <= value < _WORDS_LIMIT:
        return None
    return int_to_words(int(value)) + " rupiah"


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
        return f"{sign}{prefix}{group_digits(integer, '.')}{',' + fraction if fraction else ''}"

    shift = SCALES[scale]
    integer = integer.rjust(shift + 1, "0")
    integer, fraction = integer[:-shift], (integer[-shift:] + fraction).rstrip("0")
    return f"{sign}{prefix}{group_digits(integer, '.')}{',' + fraction if fraction else ''} {scale}"


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
