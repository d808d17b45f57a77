"""Indonesian dates (*tanggal*): parsing and formatting the forms used in decrees and news.

Accepted forms (names are case-insensitive, whitespace is free, day comes before month)::

    18 Desember 2023            Senin, 15 Juli 2024        hari Senin tanggal 15 Juli 2024
    Jumat 17 Agt 1945           Jum'at, 17 Agt. 1945       tgl 1 Okt 2023
    17/9/2025                   17-09-2025                 Rabu (17/9/2025)
    Senin (15/7)                15 Juli                    (no year: needs a reference date)

Explicit years must have four digits: a two-digit year could only be completed from today's
date, and nothing here reads the clock. A weekday, when given, must agree with the date.

The structure is checked by one regular expression built from the names of
:class:`IndonesianParserInfo`, so that nothing is guessed: ``"2023"`` or ``"Desember"`` alone is
an error, not a date. dateutil's own parser is not used for :func:`parse_date` because it fills
missing parts from a default date, accepts contradicting weekdays and two-digit years, and does
not read the parenthesised news form; :class:`IndonesianParserInfo` remains available for
callers who use ``dateutil.parser.parse`` directly.
"""

import datetime
import re
from collections.abc import Iterable, Mapping
from typing import ClassVar, Final, Literal

import attrs
from dateutil import parser as _dateutil_parser

from sanitasi_core._messages import text as _text
from sanitasi_core._parsing import require_text as _require_text
from sanitasi_core.exceptions import ParseError, ValidationError

__all__ = ["IndonesianParserInfo", "ParsedDate", "format_date", "parse_date"]

_EXPECTED: Final = "an Indonesian date such as '18 Desember 2023' or 'Rabu (17/9/2025)'"


class IndonesianParserInfo(_dateutil_parser.parserinfo):
    """Indonesian month names (*nama bulan*), weekdays (*nama hari*) and filler words for dateutil.

    Use it with ``dateutil.parser.parse(text, parserinfo=IndonesianParserInfo())``; it reads
    numeric dates day first unless given ``dayfirst=False``. Note that dateutil then still
    accepts two-digit years (completed from today's date) and weekdays that contradict the
    date; :func:`parse_date` rejects both.

    Attributes:
        MONTHS: Januari to Desember, each with its abbreviations and old spellings (*Pebruari*,
            *Nopember*).
        WEEKDAYS: Senin (Monday) to Minggu/Ahad (Sunday), with three-letter abbreviations.
        JUMP: dateutil's filler tokens plus *tanggal*, *tgl*, *hari*, *pukul* and *jam*.
    """

    # The stubs type these narrower than dateutil accepts (any number of synonyms).
    MONTHS: ClassVar[list[tuple[str, ...]]] = [  # type: ignore[assignment,misc]
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
    ]
    WEEKDAYS: ClassVar[list[tuple[str, ...]]] = [  # type: ignore[assignment,misc]
        ("Sen", "Senin"),
        ("Sel", "Selasa"),
        ("Rab", "Rabu"),
        ("Kam", "Kamis"),
        # dateutil splits "Jum'at" into "Jum", "'", "at" ("at" is an inherited JUMP entry).
        ("Jum", "Jumat", "Jum'at"),
        ("Sab", "Sabtu"),
        ("Min", "Minggu", "Ahad"),
    ]
    JUMP: ClassVar[list[str]] = [  # type: ignore[misc]
        *_dateutil_parser.parserinfo.JUMP,
        "tanggal",
        "tgl",
        "hari",
        "pukul",
        "jam",
    ]

    def __init__(self, dayfirst: bool = True, yearfirst: bool = False) -> None:
        """Create the parser info; unlike dateutil's default, day first (``17/9/2025``)."""
        super().__init__(dayfirst=dayfirst, yearfirst=yearfirst)


# Full names used when writing; index = datetime.date.weekday() / month - 1.
_WEEKDAY_NAMES: Final = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_WEEKDAY_NAMES_EN: Final = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
_MONTH_NAMES: Final = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def _lookup(table: Iterable[tuple[str, ...]]) -> dict[str, int]:
    """Map each lower-cased name in a parserinfo table to its 0-based index."""
    return {name.lower(): index for index, names in enumerate(table) for name in names}


# Built from the class attributes, not an instance: parserinfo.__init__ reads the clock.
_MONTHS: Final[Mapping[str, int]] = _lookup(IndonesianParserInfo.MONTHS)
_WEEKDAYS: Final[Mapping[str, int]] = _lookup(IndonesianParserInfo.WEEKDAYS)


def _alternation(names: Iterable[str]) -> str:
    """Return a regex alternation of *names*, longest first."""
    return "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))


_DATE_RE: Final = re.compile(
    rf"""
    (?:(?:hari\s+)?(?P<weekday>{_alternation(_WEEKDAYS)})(?:\s*,\s*|\s+|(?=\()))?
    (?:(?:tanggal|tgl)\s+|tgl\.\s*)?
    (?:
        (?P<lday>[0-9]{{1,2}})\s+(?P<month_name>{_alternation(_MONTHS)})\.?
        (?:\s+(?P<lyear>[0-9]+))?
      |
        (?P<open>\()?\s*
        (?P<nday>[0-9]{{1,2}})(?P<sep>[/-])(?P<nmonth>[0-9]{{1,2}})
        (?:(?P=sep)(?P<nyear>[0-9]+))?
        \s*(?(open)\))
    )
    """,
    re.VERBOSE | re.IGNORECASE | re.ASCII,
)


def _is_bool(_instance: object, attribute: "attrs.Attribute[bool]", value: object) -> None:
    """Attrs validator: *value* must be a ``bool``."""
    if not isinstance(value, bool):
        raise _type_error(attribute.name, value, "bool", "a bool")


def _is_date(_instance: object, attribute: "attrs.Attribute[datetime.date]", value: object) -> None:
    """Attrs validator: *value* must be a ``datetime.date`` and not a ``datetime``."""
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise _type_error(attribute.name, value, "datetime.date", "a datetime.date")


def _type_error(path: str, value: object, expected_id: str, expected_en: str) -> ValidationError:
    """Build the error for *value* at *path* not being of the expected type."""
    return ValidationError.single(
        path,
        _text("format_field_type", expected_id=expected_id, expected_en=expected_en, got=value),
        "format_field_type",
    )


@attrs.frozen(kw_only=True)
class ParsedDate:
    """The result of :func:`parse_date`: a calendar date and what the text stated explicitly.

    Attributes:
        date: the date (*tanggal*).
        weekday_given: whether the text named the weekday (*hari*); if so it was checked.
        year_given: whether the text gave the year; if not, the year was resolved against the
            reference date (see :func:`parse_date`).
    """

    date: datetime.date = attrs.field(validator=_is_date)
    weekday_given: bool = attrs.field(validator=_is_bool)
    year_given: bool = attrs.field(validator=_is_bool)


def parse_date(text: str, *, reference: datetime.date | None = None) -> ParsedDate:
    """Parse an Indonesian date (*tanggal*), day first.

    A text without a year (the news form ``Senin (15/7)``) is resolved against *reference*,
    never against today. Only the reference year and the year before are considered, because
    news reports recent events:

    - with a weekday, the first of those two years (reference year first) in which the day exists
      and falls on that weekday; the result may lie after the reference (an announced event);
    - without a weekday, the latest of those two years in which the day exists and is on or
      before the reference.

    Args:
        text: the date, e.g. ``18 Desember 2023``, ``Senin, 15 Juli 2024``, ``Rabu (17/9/2025)``.
        reference: the date the text was written (e.g. a news item's publication date); needed
            only when the text has no year.

    Returns:
        The date, and whether the weekday and the year were given.

    Raises:
        ParseError: for anything else than a date of the forms above, a year that is not four
            digits, a day that does not exist (``30 Februari 2024``), a weekday that contradicts
            the date (``Senin 6 Februari 2024``), or a missing year with no reference date, or
            one that fits neither candidate year. Also for non-``str`` input and texts longer
            than 200 characters.
        ValidationError: if *reference* is neither ``None`` nor a :class:`datetime.date`.
    """
    raw = _require_text(text, what_id="tanggal", what_en="a date", expected=_EXPECTED)
    ref = _check_reference(reference)
    normalised = " ".join(raw.replace("\u2019", "'").replace("\u2018", "'").split())
    match = _DATE_RE.fullmatch(normalised)
    if match is None:
        raise ParseError(raw, _EXPECTED, _text("date_invalid", got=raw))

    weekday_name = match["weekday"]
    if match["lday"] is not None:
        day = int(match["lday"])
        month = _MONTHS[match["month_name"].lower()] + 1
        year_text = match["lyear"]
    else:
        day = int(match["nday"])
        month = int(match["nmonth"])
        year_text = match["nyear"]
    weekday = None if weekday_name is None else _WEEKDAYS[weekday_name.lower()]

    if year_text is None:
        resolved = _resolve_year(raw, day, month, weekday, ref)
        return ParsedDate(date=resolved, weekday_given=weekday is not None, year_given=False)

    if len(year_text) != 4:
        raise ParseError(raw, _EXPECTED, _text("date_year_digits", got=raw, year=year_text))
    year = int(year_text)
    result = _make_date(year, month, day)
    if result is None:
        raise ParseError(
            raw, _EXPECTED, _text("date_no_such_day", got=raw, day=day, month=month, year=year)
        )
    if weekday is not None and result.weekday() != weekday:
        actual = result.weekday()
        raise ParseError(
            raw,
            _EXPECTED,
            _text(
                "date_weekday_mismatch",
                got=raw,
                date=result.isoformat(),
                actual_id=_WEEKDAY_NAMES[actual],
                actual_en=_WEEKDAY_NAMES_EN[actual],
                given_id=weekday_name,
                given_en=_WEEKDAY_NAMES_EN[weekday],
            ),
        )
    return ParsedDate(date=result, weekday_given=weekday is not None, year_given=True)


def _check_reference(reference: object) -> datetime.date | None:
    """Return *reference* as a date (a datetime counts as its date), or raise ValidationError."""
    if reference is None:
        return None
    return _check_date(reference, "reference")


def _make_date(year: int, month: int, day: int) -> datetime.date | None:
    """Return the date, or ``None`` if the calendar has no such day."""
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _resolve_year(
    raw: str, day: int, month: int, weekday: int | None, reference: datetime.date | None
) -> datetime.date:
    """Choose the year of a year-less date; see :func:`parse_date` for the rule."""
    if reference is None:
        raise ParseError(raw, _EXPECTED, _text("date_reference_required", got=raw))
    years = (reference.year, reference.year - 1)
    candidates = [
        d for d in (_make_date(y, month, day) if y >= 1 else None for y in years) if d is not None
    ]
    if weekday is not None:
        chosen = next((d for d in candidates if d.weekday() == weekday), None)
    else:
        chosen = next((d for d in candidates if d <= reference), None)
    if chosen is None:
        raise ParseError(
            raw,
            _EXPECTED,
            _text(
                "date_year_unresolved",
                got=raw,
                year=years[0],
                previous=years[1],
                reference=reference.isoformat(),
            ),
        )
    return chosen


def format_date(
    d: datetime.date, *, weekday: bool = False, style: Literal["long", "numeric"] = "long"
) -> str:
    """Write a date the Indonesian way; :func:`parse_date` reads every output back.

    Args:
        d: the date (a ``datetime`` is written as its date).
        weekday: whether to name the weekday (*hari*).
        style: ``"long"`` for ``18 Desember 2023`` (``Senin, 18 Desember 2023`` with the
            weekday), ``"numeric"`` for ``17/9/2025`` (``Rabu (17/9/2025)`` with the weekday).

    Returns:
        The date as text. Years below 1000 are written with leading zeros (``0999``), because
        :func:`parse_date` requires four-digit years.

    Raises:
        ValidationError: if *d* is not a :class:`datetime.date`, or *style* is neither
            ``"long"`` nor ``"numeric"``.
    """
    day = _check_date(d, "d")
    year = f"{day.year:04d}"
    name = _WEEKDAY_NAMES[day.weekday()]
    if style == "long":
        body = f"{day.day} {_MONTH_NAMES[day.month - 1]} {year}"
        return f"{name}, {body}" if weekday else body
    if style == "numeric":
        body = f"{day.day}/{day.month}/{year}"
        return f"{name} ({body})" if weekday else body
    raise ValidationError.single(
        "style", _text("date_invalid_style", got=style), "date_invalid_style"
    )


def _check_date(value: object, path: str) -> datetime.date:
    """Return *value* as a date (a datetime counts as its date), or raise ValidationError."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raise _type_error(path, value, "datetime.date", "a datetime.date")
