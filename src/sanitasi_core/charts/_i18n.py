"""Words and numbers of the charts in Bahasa Indonesia and English.

:func:`say` renders a text of :data:`~sanitasi_core._messages.charts.CHART_MESSAGES`; the number
writers put down a value exactly as given (never through a float), with the language's marks:
``76,31`` and ``1.250`` in Indonesian, ``76.31`` and ``1,250`` in English.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from sanitasi_core._format import format_number
from sanitasi_core._messages import render, text
from sanitasi_core._text import Lang

__all__ = [
    "MINUS",
    "Lang",
    "both",
    "decimal_text",
    "integer_text",
    "level_text",
    "say",
    "signed_text",
    "value_of",
]

MINUS: Final = "\u2212"  # a true minus sign: typographically right, and unmistakable in print


say = render
"""Render chart text *code* in *lang* (the catalogue's one renderer)."""

both = text
"""Render chart text *code* in both languages (for error messages)."""


def value_of(value: Decimal | int) -> str:
    """The canonical text of a number, as written in ``data-value``: ``76.31``, ``12``, ``0``."""
    if isinstance(value, int):
        return str(value)
    digits = format(value, "f")
    return "0" if value.is_zero() else digits


def decimal_text(value: Decimal | int, lang: Lang) -> str:
    """Write *value* with every digit it has and the marks of *lang* (``76,31`` / ``76.31``)."""
    if value_of(value) == "0":
        return "0"
    # A chart writes the typographic minus sign.
    return format_number(value, lang).replace("-", MINUS)


def integer_text(value: int, lang: Lang) -> str:
    """Write a count with the thousands mark of *lang* (``1.250`` / ``1,250``)."""
    return decimal_text(value, lang)


def signed_text(value: Decimal, lang: Lang) -> str:
    """Write a difference with its sign: ``−8,8``, ``+2,5``, ``0``."""
    written = decimal_text(value, lang)
    return "+" + written if value > 0 else written


def level_text(level: str, lang: Lang) -> str:
    """Name a level: ``M1`` … ``M4`` as they are, ``none`` in words."""
    return say("chart_level_none", lang) if level == "none" else level
