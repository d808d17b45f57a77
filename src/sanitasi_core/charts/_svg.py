"""A tiny SVG writer shared by the charts: elements, escaping, coordinates and text widths.

Everything here is deterministic: attributes are written in the order given, coordinates are
rounded to 0.1 by :func:`num` (which never writes ``-0``), and text is cleaned of the characters
XML 1.0 cannot carry. There is no font metrics library in the standard library, so the width of a
text is *estimated* from its characters by :func:`text_width`; the estimate errs on the wide side,
and :func:`fit` truncates a label with an ellipsis until its estimate fits a given width.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from typing import Final

__all__ = ["AttrValue", "clean", "el", "fit", "num", "text_width"]

AttrValue = str | int | float | None
"""An attribute value: text, an integer, a coordinate (rounded by :func:`num`) or ``None`` (left
out)."""

# Characters XML 1.0 cannot hold (C0 controls but tab/newline/return, surrogates, U+FFFE/U+FFFF).
_NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPACES: Final = re.compile(r"\s+")


# Advance widths, in hundredths of an em, of printable ASCII (space to tilde) in DejaVu Sans and
# DejaVu Sans Bold, rounded up. DejaVu is the widest of the common sans-serif fonts (and the usual
# fallback on Linux), so an estimate from it errs on the wide side for system-ui, Segoe UI,
# Roboto, Noto Sans or Arial: a label that fits by the estimate fits on screen.
_ASCII: Final = (
    "32 41 46 84 64 96 78 28 40 40 50 84 32 37 32 34 64 64 64 64 64 64 64 64 64 64 34 34 84 84 84 "
    "54 100 69 69 70 78 64 58 78 76 30 30 66 56 87 75 79 61 79 70 64 62 74 69 99 69 62 69 40 34 "
    "40 84 50 50 62 64 55 64 62 36 64 64 28 28 58 28 98 64 62 64 64 42 53 40 64 60 82 60 60 53 64 "
    "34 64 84"
)
_ASCII_BOLD: Final = (
    "35 46 53 84 70 101 88 31 46 46 53 84 38 42 38 37 70 70 70 70 70 70 70 70 70 70 40 40 84 84 84 "
    "59 100 78 77 74 84 69 69 83 84 38 38 78 64 100 84 86 74 86 78 73 69 82 78 111 78 73 73 46 37 "
    "46 84 50 50 68 72 60 72 68 44 72 72 35 35 67 35 105 72 69 72 72 50 60 48 72 66 93 65 66 59 72 "
    "37 72 84"
)
_WIDTHS: Final = {
    bold: {chr(32 + i): int(w) / 100 for i, w in enumerate(table.split())}
    for bold, table in ((False, _ASCII), (True, _ASCII_BOLD))
}
_EM_WIDE: Final = 1.0  # East Asian wide and full-width characters, and anything unforeseen
_EM_SYMBOL: Final = 0.84  # mathematical signs and dingbats (−, ≠, ✓, ✗, ⊘) in DejaVu
ELLIPSIS: Final = "…"


def num(value: float) -> str:
    """Write a coordinate rounded to 0.1: ``12.5``, ``12``, ``-3.1``; never ``-0`` or ``12.0``.

    Raises:
        ValueError: if *value* is not finite (a programming error in a layout).
    """
    if not math.isfinite(value):
        raise ValueError(f"not a finite coordinate: {value!r}")
    tenths = round(value * 10)
    if tenths == 0:
        return "0"
    whole, fraction = divmod(abs(tenths), 10)
    sign = "-" if tenths < 0 else ""
    return f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}"


def clean(text: str) -> str:
    """Return *text* on one line, with characters XML cannot carry replaced by U+FFFD."""
    return _SPACES.sub(" ", _NOT_XML.sub("\ufffd", text)).strip()


def _escape(text: str) -> str:
    return clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(value: str | int | float) -> str:
    if isinstance(value, bool):  # a bool is an int; no attribute here takes one
        raise TypeError(f"not an attribute value: {value!r}")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return num(value)
    return _escape(value).replace('"', "&quot;")


def el(
    tag: str,
    attributes: Mapping[str, AttrValue] | None = None,
    /,
    *children: str,
    text: str | None = None,
) -> str:
    """Write one element: ``el("rect", {"x": 1.25, "fill": "#fff"})`` is ``<rect x="1.3" …/>``.

    Args:
        tag: the element name.
        attributes: names and values in the order to write them; ``None`` values are left out.
        children: markup of child elements, already written.
        text: text content (cleaned and escaped), written before the children.
    """
    attrs_ = "".join(
        f' {name}="{_attr(value)}"'
        for name, value in (attributes or {}).items()
        if value is not None
    )
    body = (_escape(text) if text is not None else "") + "".join(children)
    return f"<{tag}{attrs_}>{body}</{tag}>" if body else f"<{tag}{attrs_}/>"


def _em(char: str, *, bold: bool = False) -> float:
    table = _WIDTHS[bold]
    if char in table:
        return table[char]
    if unicodedata.combining(char):
        return 0.0
    base = unicodedata.normalize("NFD", char)[0]  # é is as wide as e
    if base in table:
        return table[base]
    if char in "–·":
        return 0.5
    if unicodedata.category(char) in {"Sm", "So"} and unicodedata.east_asian_width(char) == "N":
        return _EM_SYMBOL
    return _EM_WIDE


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Estimate the width in pixels of *text* set at *size* pixels (wide rather than narrow)."""
    return sum(_em(c, bold=bold) for c in text) * size


def fit(text: str, width: float, size: float, *, bold: bool = False) -> str:
    """Return *text*, or its longest start with ``…`` whose estimated width is within *width*.

    An empty string comes back when not even the ellipsis fits.
    """
    text = clean(text)
    if text_width(text, size, bold=bold) <= width:
        return text
    room = width - text_width(ELLIPSIS, size, bold=bold)
    if room < 0:
        return ""
    used = 0.0
    cut = 0
    for char in text:
        used += _em(char, bold=bold) * size
        if used > room:
            break
        cut += 1
    return text[:cut].rstrip() + ELLIPSIS
