"""Candidate patterns for Rupiah amounts and percentages in running text.

The date, range, decree and regulation patterns live with their grammars
(:mod:`sanitasi_core._dates_forms`, :mod:`sanitasi_core._decrees_forms`). Like them, these
patterns bound every repetition and separate their tokens by disjoint character classes, so a
match attempt costs a bounded amount of work wherever it starts: a scan is linear in the text.
"""

import re
from typing import Final

__all__ = ["EXTRACT_AMOUNT", "EXTRACT_PERCENT"]

# A number: grouped by thousands (dots, perhaps spaced as PDFs do) or ungrouped; it must not
# go on with a digit or a dot and a digit ("Rp1.2345" is refused, not cut short).
_NUMBER: Final = (
    r"(?:[0-9]{1,3}(?:\s?\.\s?[0-9]{3}){1,8}|[0-9]{1,18})(?![0-9]|\.[0-9])"
    r"(?:,(?:[0-9]{1,15}|-)(?![0-9]))?"
)
_SCALE_WORD: Final = r"(?:ribu|rb|juta|jt|miliar|milyar|triliun|trilyun)(?![A-Za-z])"
_SCALE_ANY: Final = rf"(?:{_SCALE_WORD}|(?-i:M|T)(?![A-Za-z]))"
_RUPIAH: Final = r"rupiah(?![A-Za-z])"
_FULL_SCALES: Final = ("ribu", "juta", "miliar", "milyar", "triliun", "trilyun")
_TRUNCATED: Final = sorted(
    {w[:n] for w in _FULL_SCALES for n in range(2, len(w))}, key=lambda w: (-len(w), w)
)
# A word after the number that the parser refuses (a truncated or English scale word) makes the
# whole amount unreadable: "Rp 5 triliu" is not "Rp 5". The number and scale before it are an
# atomic group, so the engine cannot give back the decimals or the scale to get around it.
_NOT_SCALE: Final = (
    r"(?!\s{0,3}(?:"
    + "|".join([*_TRUNCATED, "thousand", "million", "billion", "trillion", "bn", "mn", "k"])
    + r")(?![A-Za-z]))"
)

#: Amount candidates: after ``Rp`` or ``IDR``, or followed by the word ``rupiah``
#: (``48 miliar rupiah``); then perhaps the amount in words in parentheses and a period.
#: A bare number (``5 juta``) is not an amount in running text: it may count people.
EXTRACT_AMOUNT: Final = re.compile(
    r"(?<![0-9A-Za-z$.,])"
    r"(?P<core>"
    rf"(?:rp\.?|idr)\s{{0,3}}(?>{_NUMBER}(?:\s{{0,3}}{_SCALE_ANY})?){_NOT_SCALE}"
    rf"(?:\s{{1,3}}{_RUPIAH})?"
    rf"|{_NUMBER}(?:\s{{0,3}}{_SCALE_WORD})?\s{{1,3}}{_RUPIAH}"
    r")"
    r"(?P<words>\s{0,3}\([A-Za-z\s\-]{1,160}\))?"
    r"(?:\s{0,3}(?:/\s?|per\s{1,3})(?:hari|minggu|bulan|bln|tahun|thn|th)(?![A-Za-z]))?",
    re.IGNORECASE,
)

#: Percentage candidates: ``76,31%``, ``95.40 %``, ``12 persen``, ``-1,5%``.
EXTRACT_PERCENT: Final = re.compile(
    r"(?<![0-9A-Za-z.,\-+])(?:[-+]\s?)?[0-9]{1,6}(?:[.,][0-9]{1,4})?(?![0-9])"
    r"\s{0,2}(?:%|persen(?![A-Za-z]))",
    re.IGNORECASE,
)
