"""The grammar of written dates: name tables and the regular expressions built from them.

Shared by :mod:`sanitasi_core.dates` (which matches one normalised text in full) and
:mod:`sanitasi_core.extract` (which finds candidates in running text). Every pattern is made of
tokens from disjoint character classes joined by separators, so the regex engine never has two
ways to split the same characters; the extraction patterns also bound every repetition, so one
match attempt costs a bounded amount of work wherever it starts.
"""

import re
from collections.abc import Iterable, Mapping
from typing import Final

__all__ = [
    "DATE_RE",
    "EN_MONTHS",
    "EN_WEEKDAYS",
    "EXTRACT_DATE",
    "EXTRACT_RANGE",
    "ID_MONTHS",
    "ID_WEEKDAYS",
    "MONTHS",
    "RANGE_RE",
    "WEEKDAYS",
    "ZONE_OFFSETS",
    "normalise",
]

# Indonesian names (also dateutil's tables in dates.IndonesianParserInfo); index = month - 1 or
# datetime.date.weekday().
ID_MONTHS: Final[tuple[tuple[str, ...], ...]] = (
    ("Jan", "Januari"),
    ("Feb", "Februari", "Pebruari", "Peb"),
    ("Mar", "Maret"),
    ("Apr", "April"),
    ("Mei",),
    ("Jun", "Juni"),
    ("Jul", "Juli"),
    ("Agu", "Agt", "Ags", "Agustus"),
    ("Sep", "Sept", "September"),
    ("Okt", "Oktober"),
    ("Nov", "Nop", "November", "Nopember"),
    ("Des", "Desember"),
)
ID_WEEKDAYS: Final[tuple[tuple[str, ...], ...]] = (
    ("Sen", "Senin"),
    ("Sel", "Selasa"),
    ("Rab", "Rabu"),
    ("Kam", "Kamis"),
    ("Jum", "Jumat", "Jum'at"),
    ("Sab", "Sabtu"),
    ("Min", "Minggu", "Ahad"),
)
EN_MONTHS: Final[tuple[tuple[str, ...], ...]] = (
    ("January",),
    ("February",),
    ("March",),
    ("April",),
    ("May",),
    ("June",),
    ("July",),
    ("Aug", "August"),
    ("September",),
    ("Oct", "October"),
    ("November",),
    ("Dec", "December"),
)
EN_WEEKDAYS: Final[tuple[tuple[str, ...], ...]] = (
    ("Mon", "Monday"),
    ("Tue", "Tues", "Tuesday"),
    ("Wed", "Wednesday"),
    ("Thu", "Thur", "Thurs", "Thursday"),
    ("Fri", "Friday"),
    ("Sat", "Saturday"),
    ("Sun", "Sunday"),
)

#: Indonesian time zones and their offsets from UTC in hours.
ZONE_OFFSETS: Final[Mapping[str, int]] = {"WIB": 7, "WITA": 8, "WIT": 9}


def _lookup(*tables: Iterable[tuple[str, ...]]) -> dict[str, int]:
    """Map each lower-cased name of the tables to its 0-based index."""
    return {
        name.lower(): index
        for table in tables
        for index, names in enumerate(table)
        for name in names
    }


#: Lower-cased month name (Indonesian or English, full or abbreviated) → month - 1.
MONTHS: Final[Mapping[str, int]] = _lookup(ID_MONTHS, EN_MONTHS)
#: Lower-cased weekday name (Indonesian or English) → ``datetime.date.weekday()``.
WEEKDAYS: Final[Mapping[str, int]] = _lookup(ID_WEEKDAYS, EN_WEEKDAYS)

_APOSTROPHES: Final = str.maketrans(dict.fromkeys("\u2019\u2018\u02bc`\u00b4", "'"))
_DASHES: Final = str.maketrans(dict.fromkeys("\u2013\u2014\u2012\u2212", "-"))


def normalise(text: str) -> str:
    """Fold typographic apostrophes and dashes to ASCII and every run of whitespace to one space."""
    return " ".join(text.translate(_APOSTROPHES).translate(_DASHES).split())


def _alternation(names: Iterable[str], *, apostrophe: str = "'") -> str:
    """Return a regex alternation of *names*, longest first; ``'`` becomes *apostrophe*."""
    ordered = sorted(set(names), key=lambda n: (-len(n), n))
    return "|".join(re.escape(n).replace("'", apostrophe) for n in ordered)


_MONTH: Final = _alternation(MONTHS)
_WEEKDAY: Final = _alternation(WEEKDAYS)
_WEEKDAY_ANY_APOSTROPHE: Final = _alternation(WEEKDAYS, apostrophe="['\u2019\u2018\u02bc`]")
_ZONE: Final = r"(?:WITA|WIB|WIT)(?![A-Za-z])"
_FILLER: Final = r"(?:(?:tanggal|tgl){ws}|tgl\.{ows})?"
# A year is checked in code: it starts with a digit, and letters in it (``2O2O``) are reported.
_YEAR: Final = r"[0-9][0-9A-Za-z]{0,5}"


def _body(ws: str, ows: str, year: str) -> str:
    """The date itself: day-first with a month name, month first (US order), or numeric."""
    return (
        rf"(?:(?P<lday>[0-9]{{1,2}}){ws}(?P<lmonth>{_MONTH})\.?(?:{ws}(?P<lyear>{year}))?"
        rf"|(?P<umonth>{_MONTH})\.?{ws}(?P<uday>[0-9]{{1,2}})(?:{ows},{ows}|{ws})"
        rf"(?P<uyear>{year})"
        rf"|(?P<nday>[0-9]{{1,2}})(?P<sep>[/-])(?P<nmonth>[0-9]{{1,2}})"
        rf"(?:(?P=sep)(?P<nyear>{year}))?)"
    )


def _weekday_prefix(weekday: str, ws: str, ows: str) -> str:
    return rf"(?:(?:hari{ws})?(?P<weekday>{weekday})(?:{ows},{ows}|{ws}|(?=\()))?"


_TIME: Final = r"(?P<time>[0-9]{1,2}[:.][0-9]{2}(?:[:.][0-9]{2})?)(?![0-9])"
_PUKUL: Final = r"(?:pukul|pkl\.?|jam)"

#: One date, matched in full against a :func:`normalise`-d text.
DATE_RE: Final = re.compile(
    _weekday_prefix(_WEEKDAY, " ", " ?")
    + _FILLER.format(ws=" ", ows=" ?")
    + r"(?P<open>\()? ?"
    + _body(" ", " ?", _YEAR)
    + r" ?(?(open)\))"
    + rf"(?:(?: ?[|,] ?(?:{_PUKUL} ?)?| {_PUKUL} ?| ){_TIME}(?: ?(?P<zone>{_ZONE}))?)?",
    re.IGNORECASE | re.ASCII,
)

_SEP_PARSE: Final = r"(?: ?- ?| (?:s\.? ?d\.?|s/d|sampai(?: dengan)?|hingga) )"
_RANGE_DAYS: Final = (
    r"(?P<d1>[0-9]{{1,2}})(?:{ws}(?P<m1>{month})\.?(?:{ws}(?P<y1>{year}))?)?"
    r"{sep}(?P<d2>[0-9]{{1,2}}){ws}(?P<m2>{month})\.?(?:{ws}(?P<y2>{year}))?"
)

#: A range of days, matched in full against a :func:`normalise`-d text.
RANGE_RE: Final = re.compile(
    rf"(?:(?P<w1>{_WEEKDAY}){_SEP_PARSE}(?P<w2>{_WEEKDAY})(?: ?, ?| ))?"
    + _RANGE_DAYS.format(ws=" ", month=_MONTH, year=_YEAR, sep=_SEP_PARSE),
    re.IGNORECASE | re.ASCII,
)

# --- candidates in running text (sanitasi_core.extract) -----------------------------------------

_WS: Final = r"\s{1,3}"
_OWS: Final = r"\s{0,3}"
_TIME_COLON: Final = r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?![0-9])"
_TIME_ANY: Final = r"[0-9]{1,2}[:.][0-9]{2}(?:[:.][0-9]{2})?(?![0-9])"
_ZONE_I: Final = r"(?-i:WITA|WIB|WIT)(?![A-Za-z])"
# In running text a time needs a clear sign that it belongs to the date: a colon after ``,`` or
# ``|``, the word *pukul*, or a time zone; ``15 Juli 2024, 12.50 persen`` is not a time.
_TIME_TAIL: Final = (
    rf"(?:{_OWS}[|,]{_OWS}(?:{_PUKUL}{_OWS})?{_TIME_COLON}(?:{_OWS}{_ZONE_I})?"
    rf"|{_OWS}[|,]{_OWS}{_TIME_ANY}{_OWS}{_ZONE_I}"
    rf"|{_OWS},?{_OWS}{_PUKUL}{_OWS}{_TIME_ANY}(?:{_OWS}{_ZONE_I})?"
    rf"|{_WS}{_TIME_ANY}{_OWS}{_ZONE_I})?"
)
_LEFT: Final = r"(?<![0-9A-Za-z.,/:\-])"
_RIGHT: Final = r"(?![0-9A-Za-z])"
_WEEKDAY_X: Final = (
    rf"(?:(?:hari{_WS})?(?:{_WEEKDAY_ANY_APOSTROPHE}){_RIGHT}(?:{_OWS},{_OWS}|{_WS}|(?=\()))"
)
_FILLER_X: Final = _FILLER.format(ws=_WS, ows=_OWS)
_LONG_X: Final = (
    rf"(?:[0-9]{{1,2}}{_WS}(?:{_MONTH}){_RIGHT}\.?(?:{_WS}{_YEAR}{_RIGHT})?"
    rf"|(?:{_MONTH}){_RIGHT}\.?{_WS}[0-9]{{1,2}}(?:{_OWS},{_OWS}|{_WS}){_YEAR}{_RIGHT})"
)


def _numeric_loose(group: str) -> str:
    """A numeric date whose year may be missing or short; *group* names its separator."""
    return (
        rf"[0-9]{{1,2}}(?P<{group}>[/-])[0-9]{{1,2}}(?:(?P={group}){_YEAR}{_RIGHT})?"
        r"(?![/\-][0-9])"
    )


_NUMERIC_FULL_X: Final = r"[0-9]{1,2}(?P<ys>[/-])[0-9]{1,2}(?P=ys)[0-9]{4}(?![0-9A-Za-z/\-])"

#: Date candidates in running text: a long date (with or without a weekday), a numeric date after
#: a weekday or in parentheses (the news form ``Rabu (17/9)``), or a numeric date with a
#: four-digit year; any of them may carry a time.
EXTRACT_DATE: Final = re.compile(
    _LEFT
    + rf"(?:{_WEEKDAY_X}?{_FILLER_X}(?:\({_OWS}{_LONG_X}{_OWS}\)|{_LONG_X})"
    + rf"|{_WEEKDAY_X}{_FILLER_X}(?:\({_OWS}{_numeric_loose('a')}{_OWS}\)|{_numeric_loose('b')})"
    + rf"|\({_OWS}{_numeric_loose('c')}{_OWS}\)"
    + rf"|{_FILLER_X}{_NUMERIC_FULL_X})"
    + _TIME_TAIL,
    re.IGNORECASE,
)

_SEP_X: Final = (
    rf"(?:{_OWS}[-\u2013\u2014]{_OWS}|{_WS}(?:s\.?\s?d\.?|s/d|sampai(?:{_WS}dengan)?|hingga){_WS})"
)

_WEEKDAY_PAIR_X: Final = rf"(?:{_WEEKDAY_ANY_APOSTROPHE}){_SEP_X}(?:{_WEEKDAY_ANY_APOSTROPHE})"
_WEEKDAYS_X: Final = rf"(?:{_WEEKDAY_PAIR_X}(?:{_OWS},{_OWS}|{_WS}))"
#: Range candidates in running text: ``13–14 Agustus 2025``, ``30 November - 2 Desember 2023``.
EXTRACT_RANGE: Final = re.compile(
    _LEFT
    + rf"{_WEEKDAYS_X}?"
    + rf"[0-9]{{1,2}}(?:{_WS}(?:{_MONTH}){_RIGHT}\.?(?:{_WS}{_YEAR}{_RIGHT})?)?"
    + rf"{_SEP_X}[0-9]{{1,2}}{_WS}(?:{_MONTH}){_RIGHT}\.?(?:{_WS}{_YEAR}{_RIGHT})?",
    re.IGNORECASE,
)
