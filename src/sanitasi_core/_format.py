"""Writing numbers the way each language does: the one number writer of the library.

``1.250.000.000,00`` in Bahasa Indonesia (``.`` groups thousands, ``,`` marks decimals) and
``1,250,000,000.00`` in English. Numbers are written from their exact decimal digits, never
through a float.
"""

from decimal import MAX_EMAX, MIN_EMIN, ROUND_HALF_EVEN, Decimal, InvalidOperation, localcontext

from sanitasi_core._text import Lang, Text

__all__ = ["format_number", "group_digits", "number_text"]


def group_digits(integer: str, separator: str) -> str:
    """Group a string of digits by thousands: ``group_digits("1250000", ".") == "1.250.000"``."""
    head = len(integer) % 3 or 3
    parts = [integer[:head]] + [integer[i : i + 3] for i in range(head, len(integer), 3)]
    return separator.join(parts)


def format_number(
    value: Decimal | int | str, lang: Lang, *, places: int | None = None, grouping: bool = True
) -> str:
    """Write a number the way *lang* writes it, exactly (never through a float).

    ``format_number(Decimal("1250000000.00"), "id")`` is ``1.250.000.000,00``; in ``en`` it is
    ``1,250,000,000.00``.

    Args:
        value: the number (a string is read as a decimal).
        lang: ``id`` (``.`` groups thousands, ``,`` marks decimals) or ``en`` (the reverse).
        places: round half-even to this many decimal places; ``None`` keeps every digit given.
        grouping: whether to group thousands.

    Raises:
        ValueError: if *value* is not a finite number.
    """
    try:
        number = value if isinstance(value, Decimal) else Decimal(value)
    except InvalidOperation:
        msg = f"not a number: {value!r}"
        raise ValueError(msg) from None
    if not number.is_finite():
        msg = f"not a finite number: {value!r}"
        raise ValueError(msg)
    if places is not None:
        # As many digits as the result has: the default context's 28 would make quantize raise
        # InvalidOperation for the 40-digit amounts a dossier may hold.
        precision = max(max(number.adjusted() + 1, 0) + places + 1, 28)
        with localcontext(prec=precision, rounding=ROUND_HALF_EVEN, Emax=MAX_EMAX, Emin=MIN_EMIN):
            number = number.quantize(Decimal(1).scaleb(-places))
    digits = format(number, "f")
    sign = "-" if digits.startswith("-") else ""
    integer, _, fraction = digits.lstrip("-").partition(".")
    group, point = (".", ",") if lang == "id" else (",", ".")
    if grouping:
        integer = group_digits(integer, group)
    return sign + integer + (point + fraction if fraction else "")


def number_text(value: Decimal | int) -> Text:
    """A number written in both languages, to fill a message in each from its own side."""
    return Text(id=format_number(value, "id"), en=format_number(value, "en"))
