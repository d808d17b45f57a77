"""Indonesian dates (*tanggal*): parsing and formatting the forms used in decrees and news.

Accepted forms (names are case-insensitive, whitespace is free)::

    18 Desember 2023            Senin, 15 Juli 2024        hari Senin tanggal 15 Juli 2024
    Jumat 17 Agt 1945           Jum'at, 17 Agt. 1945       Jum’at, 17 Agustus 1945
    17/9/2025                   18-03-2021                 Rabu (17/9/2025)   Rabu(17/9/2025)
    Jumat (25/10/24)            (18 Desember 2023)         Senin (15/7)   15 Juli (need a reference)
    Monday, November 22 2021    Feb 10, 2023               Rabu, Juli 2, 2025 (month first)
    Senin, 15 Juli 2024 | 10:03 WIB     Kamis, 18 Juli 2024, 07:59:17 WITA     ... pukul 10.00

Month and weekday names are Indonesian or English, full or abbreviated. Day-first order is the
rule; a month name *before* the day (``Feb 10, 2023``, ``Juli 2, 2025``) is the US order and then
needs a year. A time after the date (``| 10:03``, ``, 07:59:17``, ``pukul 10.00``) and a time zone
(``WIB``, ``WITA``, ``WIT``) are kept on the result, never dropped.

**Years.** A year has four digits. The one exception is a two-digit year in a *numeric* date
(``25/10/24``), which is read as **20YY** (2000-2099): news items use it for recent dates, and the
rule is fixed, so a text always gives the same date; nothing here reads the clock. A year of one
or three digits (``Desember 205``), or two digits after a month name, is refused as truncated;
a year with a letter in it (``2O2O``, an OCR error) is refused as garbled.

**No year.** A date without a year (``Senin (15/7)``) is the nearest such day **on or before**
the reference date you give (normally the publication date), looked for in the reference year and
the year before. If the text names a weekday, it must be the weekday of that day: a contradiction
is refused with both weekdays named, and the parser never moves to another year where the
weekday happens to fit (``Jumat (1/11)`` written on 1 December 2023 is refused: 1 November 2023
was a Wednesday).

**Ranges.** :func:`parse_date_range` reads ``13–14 Agustus 2025``, ``24-29 November 2022`` and
``30 November - 2 Desember 2023`` (any dash, ``s.d.``, ``s/d``, ``sampai (dengan)``, ``hingga``).

The structure is checked by regular expressions built from the name tables, so that nothing is
guessed: ``"2023"`` or ``"Desember"`` alone is an error, not a date. dateutil's own parser is not
used for :func:`parse_date` because it fills missing parts from a default date, accepts
contradicting weekdays and completes two-digit years from today; :class:`IndonesianParserInfo`
remains available for callers who use ``dateutil.parser.parse`` directly.
"""

import datetime
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import ClassVar, Final, Literal

import attrs
from dateutil import parser as _dateutil_parser

from sanitasi_core import _dates_forms as _forms
from sanitasi_core._messages import text as _text
from sanitasi_core._parsing import require_text as _require_text
from sanitasi_core.exceptions import ParseError, ValidationError

__all__ = [
    "TIME_ZONES",
    "DateRange",
    "IndonesianParserInfo",
    "ParsedDate",
    "Zone",
    "format_date",
    "format_date_range",
    "parse_date",
    "parse_date_range",
]

_EXPECTED: Final = "an Indonesian date such as '18 Desember 2023' or 'Rabu (17/9/2025)'"
_EXPECTED_RANGE: Final = "a range of days such as '13–14 Agustus 2025'"

Zone = Literal["WIB", "WITA", "WIT"]
_ZONES: Final[Mapping[str, Zone]] = {"WIB": "WIB", "WITA": "WITA", "WIT": "WIT"}

#: The Indonesian time zones: *Waktu Indonesia Barat/Tengah/Timur* (UTC+7, +8, +9).
TIME_ZONES: Final[Mapping[str, datetime.timezone]] = MappingProxyType(
    {
        name: datetime.timezone(datetime.timedelta(hours=hours), name)
        for name, hours in _forms.ZONE_OFFSETS.items()
    }
)


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
    MONTHS: ClassVar[list[tuple[str, ...]]] = list(_forms.ID_MONTHS)  # type: ignore[assignment,misc]
    # dateutil splits "Jum'at" into "Jum", "'", "at" ("at" is an inherited JUMP entry).
    WEEKDAYS: ClassVar[list[tuple[str, ...]]] = list(_forms.ID_WEEKDAYS)  # type: ignore[assignment,misc]
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
_WEEKDAY_NAMES_EN: Final = tuple(names[-1] for names in _forms.EN_WEEKDAYS)
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


def _is_bool(_instance: object, attribute: "attrs.Attribute[bool]", value: object) -> None:
    """Attrs validator: *value* must be a ``bool``."""
    if not isinstance(value, bool):
        raise _type_error(attribute.name, value, "bool", "a bool")


def _is_date(_instance: object, attribute: "attrs.Attribute[datetime.date]", value: object) -> None:
    """Attrs validator: *value* must be a ``datetime.date`` and not a ``datetime``."""
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise _type_error(attribute.name, value, "datetime.date", "a datetime.date")


def _is_time(
    _instance: object, attribute: "attrs.Attribute[datetime.time | None]", value: object
) -> None:
    """Attrs validator: ``None`` or a naive ``datetime.time`` in whole seconds."""
    if value is not None and (
        not isinstance(value, datetime.time) or value.tzinfo is not None or value.microsecond
    ):
        raise ValidationError.single(
            attribute.name, _text("date_time_option", got=value), "date_time_option"
        )


def _is_zone(instance: object, attribute: "attrs.Attribute[Zone | None]", value: object) -> None:
    """Attrs validator: ``None`` or ``WIB``/``WITA``/``WIT``, and a zone only with a time."""
    if value is None:
        return
    if value not in _forms.ZONE_OFFSETS or getattr(instance, "time", None) is None:
        raise ValidationError.single(
            attribute.name, _text("date_zone_option", got=value), "date_zone_option"
        )


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
        time: the time of day (*pukul*) written after the date, in whole seconds; ``None`` if
            none was written.
        zone: the time zone written after the time: ``WIB`` (UTC+7), ``WITA`` (UTC+8) or
            ``WIT`` (UTC+9); ``None`` if none was written.
    """

    date: datetime.date = attrs.field(validator=_is_date)
    weekday_given: bool = attrs.field(validator=_is_bool)
    year_given: bool = attrs.field(validator=_is_bool)
    time: datetime.time | None = attrs.field(default=None, validator=_is_time)
    zone: Zone | None = attrs.field(default=None, validator=_is_zone)

    def as_datetime(self) -> datetime.datetime | None:
        """Return the date and time, aware when a zone was written; ``None`` without a time."""
        if self.time is None:
            return None
        tz = None if self.zone is None else TIME_ZONES[self.zone]
        return datetime.datetime.combine(self.date, self.time, tzinfo=tz)


@attrs.frozen(kw_only=True)
class DateRange:
    """A range of days (*rentang tanggal*), both ends included: ``13–14 Agustus 2025``.

    Attributes:
        start: the first day.
        end: the last day, not before *start* (equal for a one-day range).

    Raises:
        ValidationError: if an end is not a :class:`datetime.date` or *end* is before *start*.
    """

    start: datetime.date = attrs.field(validator=_is_date)
    end: datetime.date = attrs.field(validator=_is_date)

    @end.validator
    def _not_before_start(self, attribute: "attrs.Attribute[datetime.date]", value: object) -> None:
        if isinstance(self.start, datetime.date) and value < self.start:  # type: ignore[operator]
            raise ValidationError.single(
                attribute.name,
                _text("end_before_start", start=self.start, end=value),
                "end_before_start",
            )

    @property
    def days(self) -> int:
        """The number of days in the range, both ends included."""
        return (self.end - self.start).days + 1

    def __str__(self) -> str:
        return format_date_range(self)


def _fail(raw: str, code: str, expected: str = _EXPECTED, **params: object) -> ParseError:
    """Build the ParseError for *raw* with message *code*."""
    return ParseError(raw, expected, _text(code, got=raw, **params))


def parse_date(text: str, *, reference: datetime.date | None = None) -> ParsedDate:
    """Parse an Indonesian (or English) date (*tanggal*), day first.

    See the module documentation for the forms, the rule for two-digit years, and the rule for
    a text without a year (the nearest such day on or before *reference*).

    Args:
        text: the date, e.g. ``18 Desember 2023``, ``Senin, 15 Juli 2024 | 10:03 WIB``,
            ``Rabu (17/9/2025)``, ``Jumat (25/10/24)``, ``Feb 10, 2023``.
        reference: the date the text was written (e.g. a news item's publication date); needed
            only when the text has no year.

    Returns:
        The date, whether the weekday and the year were given, and the time and zone if written.

    Raises:
        ParseError: for anything else than a date of the documented forms; a year that is
            truncated (``Desember 205``), garbled (``2O2O``) or longer than four digits; a day
            that does not exist (``30 Februari 2024``); a time that does not exist (``25:00``);
            a weekday that contradicts the date (``Senin 6 Februari 2024``), or, without a year,
            the date resolved from the reference (``Jumat (1/11)`` in December 2023); a missing
            year with no reference date, or no such day on or before it in the reference year
            or the year before. Also for non-``str`` input and texts longer than 200 characters.
        ValidationError: if *reference* is neither ``None`` nor a :class:`datetime.date`.
    """
    raw = _require_text(text, what_id="tanggal", what_en="a date", expected=_EXPECTED)
    ref = _check_reference(reference)
    normalised = _forms.normalise(raw)
    match = _forms.DATE_RE.fullmatch(normalised)
    if match is None:
        raise _diagnose(raw, normalised)

    if match["lday"] is not None:
        day, month = int(match["lday"]), _forms.MONTHS[match["lmonth"].lower()] + 1
        year_text, numeric = match["lyear"], False
    elif match["uday"] is not None:
        day, month = int(match["uday"]), _forms.MONTHS[match["umonth"].lower()] + 1
        year_text, numeric = match["uyear"], False
    else:
        day, month = int(match["nday"]), int(match["nmonth"])
        year_text, numeric = match["nyear"], True
    weekday_name = match["weekday"]
    weekday = None if weekday_name is None else _forms.WEEKDAYS[weekday_name.lower()]
    clock = None if match["time"] is None else _time(raw, match["time"])
    zone: Zone | None = None if match["zone"] is None else _ZONES[match["zone"].upper()]

    if year_text is None:
        result = _resolve_year(raw, day, month, ref)
        if weekday is not None and result.weekday() != weekday:
            raise _weekday_error(raw, result, weekday, weekday_name, ref)
        year_given = False
    else:
        year = _year(raw, year_text, numeric=numeric)
        made = _make_date(year, month, day)
        if made is None:
            raise _fail(raw, "date_no_such_day", day=day, month=month, year=year)
        if weekday is not None and made.weekday() != weekday:
            raise _weekday_error(raw, made, weekday, weekday_name, None)
        result, year_given = made, True
    return ParsedDate(
        date=result, weekday_given=weekday is not None, year_given=year_given, time=clock, zone=zone
    )


_YEAR_TOKEN: Final = re.compile(r"[0-9][0-9A-Za-z]*", re.ASCII)


def _diagnose(raw: str, normalised: str) -> ParseError:
    """Say why a text that is not a date was refused: a damaged year, or not a date at all."""
    # "Desember 205", "(Desember 2O2O)": a month name, then a damaged year at the end.
    words = normalised.strip("()").split(" ")
    if len(words) >= 2 and words[-2].rstrip(".").lower() in _forms.MONTHS:
        last = words[-1]
        damaged = not last.isdigit() or len(last) != 4
        if _YEAR_TOKEN.fullmatch(last) and not _is_day(last) and damaged:
            return _year_problem(raw, last)
    return _fail(raw, "date_invalid")


def _is_day(rest: str) -> bool:
    """Whether *rest* is a plain day number (month-first order without a year: not a year)."""
    return rest.isdigit() and len(rest) <= 2 and int(rest) <= 31


def _year_problem(raw: str, year_text: str) -> ParseError:
    """The error for a year that is not four digits: a letter in it, truncated, or too long."""
    letter = next((c for c in year_text if not c.isdigit()), None)
    if letter is not None:
        return _fail(raw, "year_letter", year=year_text, letter=letter)
    if len(year_text) < 4:
        return _fail(raw, "date_year_truncated", year=year_text)
    return _fail(raw, "date_year_digits", year=year_text)


def _year(raw: str, year_text: str, *, numeric: bool) -> int:
    """Read an explicit year: four digits, or two digits (20YY) in a numeric date."""
    if year_text.isdigit() and len(year_text) == 4:
        return int(year_text)
    if numeric and year_text.isdigit() and len(year_text) == 2:
        return 2000 + int(year_text)
    raise _year_problem(raw, year_text)


def _time(raw: str, written: str) -> datetime.time:
    """Read ``HH:MM``, ``HH.MM`` or with seconds; refuse a time of day that does not exist."""
    parts = [int(p) for p in re.split(r"[:.]", written)]
    hour, minute, second = (*parts, 0)[:3]
    if hour > 23 or minute > 59 or second > 59:
        raise _fail(raw, "date_time_invalid", time=written)
    return datetime.time(hour, minute, second)


def _weekday_error(
    raw: str,
    resolved: datetime.date,
    weekday: int,
    written: str,
    reference: datetime.date | None,
    expected: str = _EXPECTED,
) -> ParseError:
    """The error for a weekday that contradicts the date it names."""
    actual = resolved.weekday()
    params: dict[str, object] = {
        "date": resolved.isoformat(),
        "actual_id": _WEEKDAY_NAMES[actual],
        "actual_en": _WEEKDAY_NAMES_EN[actual],
        "given_id": _forms.normalise(written),
        "given_en": _WEEKDAY_NAMES_EN[weekday],
    }
    if reference is None:
        return _fail(raw, "date_weekday_mismatch", expected, **params)
    return _fail(
        raw, "date_weekday_mismatch_yearless", expected, reference=reference.isoformat(), **params
    )


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
    raw: str,
    day: int,
    month: int,
    reference: datetime.date | None,
    expected: str = _EXPECTED,
) -> datetime.date:
    """The nearest day *day*/*month* on or before *reference*, in its year or the one before."""
    if reference is None:
        raise _fail(raw, "date_reference_required", expected)
    years = (reference.year, reference.year - 1)
    for year in years:
        candidate = _make_date(year, month, day) if year >= 1 else None
        if candidate is not None and candidate <= reference:
            return candidate
    raise _fail(
        raw,
        "date_year_unresolved",
        expected,
        year=years[0],
        previous=years[1],
        reference=reference.isoformat(),
    )


def parse_date_range(text: str, *, reference: datetime.date | None = None) -> DateRange:
    """Parse a range of days (*rentang tanggal*), e.g. ``13–14 Agustus 2025``.

    The forms: ``13–14 Agustus 2025``, ``24-29 November 2022``, ``30 November - 2 Desember
    2023``, ``30 Desember 2023 – 2 Januari 2024``, with an en dash, em dash or hyphen (spaces
    around it or not), ``s.d.``, ``s/d``, ``sampai (dengan)`` or ``hingga``; optionally after
    the two weekdays (``Rabu–Kamis, 13–14 Agustus 2025``), which are checked. A single date that
    :func:`parse_date` reads, without a time, is a one-day range.

    Only the last day needs a year. The first day takes the month of the last when it has none,
    and the year of the last, or the year before when its month and day come later in the year
    (``30 Desember – 2 Januari 2024`` starts on 30 December 2023). Without any year, the last day
    is resolved against *reference* as in :func:`parse_date`.

    Args:
        text: the range as written.
        reference: the date the text was written; needed only when the text has no year.

    Returns:
        The range.

    Raises:
        ParseError: if the text is not a range of the forms above, a day or year is invalid
            (as in :func:`parse_date`), a weekday contradicts its day, or the range ends before
            it starts; also for non-``str`` input and texts longer than 200 characters.
        ValidationError: if *reference* is neither ``None`` nor a :class:`datetime.date`.
    """
    raw = _require_text(
        text, what_id="rentang tanggal", what_en="a range of days", expected=_EXPECTED_RANGE
    )
    ref = _check_reference(reference)
    normalised = _forms.normalise(raw)
    match = _forms.RANGE_RE.fullmatch(normalised)
    if match is None:
        single = _forms.DATE_RE.fullmatch(normalised)
        if single is None or single["time"] is not None:
            raise _fail(raw, "date_range_invalid", _EXPECTED_RANGE)
        try:
            day = parse_date(raw, reference=ref).date
        except ParseError as error:
            raise ParseError(raw, _EXPECTED_RANGE, error.text) from None
        return DateRange(start=day, end=day)

    month2 = _forms.MONTHS[match["m2"].lower()] + 1
    month1 = month2 if match["m1"] is None else _forms.MONTHS[match["m1"].lower()] + 1
    day1, day2 = int(match["d1"]), int(match["d2"])
    if match["y2"] is None:
        if match["y1"] is not None:
            raise _fail(raw, "date_range_invalid", _EXPECTED_RANGE)
        end = _resolve_year(raw, day2, month2, ref, _EXPECTED_RANGE)
    else:
        year2 = _range_year(raw, match["y2"])
        made = _make_date(year2, month2, day2)
        if made is None:
            raise _fail(
                raw, "date_no_such_day", _EXPECTED_RANGE, day=day2, month=month2, year=year2
            )
        end = made
    if match["y1"] is not None:
        year1 = _range_year(raw, match["y1"])
    else:
        year1 = end.year - 1 if (month1, day1) > (month2, day2) and match["m1"] else end.year
    start = _make_date(year1, month1, day1) if year1 >= 1 else None
    if start is None:
        raise _fail(raw, "date_no_such_day", _EXPECTED_RANGE, day=day1, month=month1, year=year1)
    if end < start:
        raise _fail(
            raw,
            "date_range_reversed",
            _EXPECTED_RANGE,
            start=start.isoformat(),
            end=end.isoformat(),
        )
    for written, day in ((match["w1"], start), (match["w2"], end)):
        if written is not None and _forms.WEEKDAYS[written.lower()] != day.weekday():
            weekday = _forms.WEEKDAYS[written.lower()]
            raise _weekday_error(raw, day, weekday, written, None, _EXPECTED_RANGE)
    return DateRange(start=start, end=end)


def _range_year(raw: str, year_text: str) -> int:
    """Read a year of a range: four digits only."""
    try:
        return _year(raw, year_text, numeric=False)
    except ParseError as error:
        raise ParseError(raw, _EXPECTED_RANGE, error.text) from None


def format_date(
    d: datetime.date,
    *,
    weekday: bool = False,
    style: Literal["long", "numeric"] = "long",
    time: datetime.time | None = None,
    zone: Zone | None = None,
) -> str:
    """Write a date the Indonesian way; :func:`parse_date` reads every output back.

    Args:
        d: the date (a ``datetime`` is written as its date).
        weekday: whether to name the weekday (*hari*).
        style: ``"long"`` for ``18 Desember 2023`` (``Senin, 18 Desember 2023`` with the
            weekday), ``"numeric"`` for ``17/9/2025`` (``Rabu (17/9/2025)`` with the weekday).
        time: a time of day to write after the date: ``, 10:03`` (seconds only when not zero).
        zone: the time zone written after the time: ``WIB``, ``WITA`` or ``WIT``.

    Returns:
        The date as text. Years below 1000 are written with leading zeros (``0999``), because
        :func:`parse_date` reads four-digit years.

    Raises:
        ValidationError: if *d* is not a :class:`datetime.date`, *style* is neither ``"long"``
            nor ``"numeric"``, *time* is not a naive time in whole seconds, or *zone* is not a
            zone or is given without a time.
    """
    day = _check_date(d, "d")
    moment = ParsedDate(
        date=day, weekday_given=weekday is True, year_given=True, time=time, zone=zone
    )
    year = f"{day.year:04d}"
    name = _WEEKDAY_NAMES[day.weekday()]
    if style == "long":
        body = f"{day.day} {_MONTH_NAMES[day.month - 1]} {year}"
        written = f"{name}, {body}" if weekday else body
    elif style == "numeric":
        body = f"{day.day}/{day.month}/{year}"
        written = f"{name} ({body})" if weekday else body
    else:
        raise ValidationError.single(
            "style", _text("date_invalid_style", got=style), "date_invalid_style"
        )
    if moment.time is not None:
        clock = moment.time.strftime("%H:%M:%S" if moment.time.second else "%H:%M")
        written += f", {clock}" + ("" if zone is None else f" {zone}")
    return written


def format_date_range(days: DateRange) -> str:
    """Write a range of days the Indonesian way; :func:`parse_date_range` reads it back.

    Args:
        days: the range.

    Returns:
        ``13–14 Agustus 2025`` within a month, ``30 November–2 Desember 2023`` within a year,
        ``30 Desember 2023–2 Januari 2024`` across years (with an en dash), and a single date
        (``13 Agustus 2025``) for a one-day range.

    Raises:
        ValidationError: if *days* is not a :class:`DateRange`.
    """
    if not isinstance(days, DateRange):
        raise _type_error("days", days, "DateRange", "a DateRange")
    start, end = days.start, days.end
    if start == end:
        return format_date(start)
    if start.year != end.year:
        return f"{format_date(start)}\u2013{format_date(end)}"
    tail = format_date(end)
    if start.month == end.month:
        return f"{start.day}\u2013{tail}"
    return f"{start.day} {_MONTH_NAMES[start.month - 1]}\u2013{tail}"


def _check_date(value: object, path: str) -> datetime.date:
    """Return *value* as a date (a datetime counts as its date), or raise ValidationError."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raise _type_error(path, value, "datetime.date", "a datetime.date")
