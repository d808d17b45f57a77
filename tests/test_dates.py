"""Tests of Indonesian date parsing and formatting (sanitasi_core.dates)."""

import datetime

import attrs
import pytest
from dateutil import parser as dateutil_parser
from hypothesis import given
from hypothesis import strategies as st

from sanitasi_core import testing as text_strategies
from sanitasi_core.dates import (
    TIME_ZONES,
    DateRange,
    IndonesianParserInfo,
    ParsedDate,
    format_date,
    format_date_range,
    parse_date,
    parse_date_range,
)
from sanitasi_core.exceptions import ParseError, ValidationError

D = datetime.date
REFERENCE = D(2024, 7, 22)  # the Kaltim Post article on Mahakam Ulu


@pytest.mark.parametrize(
    ("text", "expected", "weekday_given"),
    [
        ("18 Desember 2023", D(2023, 12, 18), False),
        ("Senin, 15 Juli 2024", D(2024, 7, 15), True),
        ("Jumat 17 Agt 1945", D(1945, 8, 17), True),
        ("Jum'at, 17 Agustus 1945", D(1945, 8, 17), True),
        ("Jum\u2019at, 17 Agustus 1945", D(1945, 8, 17), True),
        ("Rabu (17/9/2025)", D(2025, 9, 17), True),
        ("Rabu(17/9/2025)", D(2025, 9, 17), True),
        ("Rabu, 17/9/2025", D(2025, 9, 17), True),
        ("17/9/2025", D(2025, 9, 17), False),
        ("(17/9/2025)", D(2025, 9, 17), False),
        ("17-09-2025", D(2025, 9, 17), False),
        ("05/02/2024", D(2024, 2, 5), False),
        ("hari Senin tanggal 15 Juli 2024", D(2024, 7, 15), True),
        ("tanggal 1 Oktober 2023", D(2023, 10, 1), False),
        ("tgl. 1 Okt 2023", D(2023, 10, 1), False),
        ("Minggu 3 Maret 2024", D(2024, 3, 3), True),
        ("Ahad, 3 Maret 2024", D(2024, 3, 3), True),
        ("5 Mei 2024", D(2024, 5, 5), False),
        ("  18   DESEMBER\u00a02023 ", D(2023, 12, 18), False),
        ("18 desember 2023", D(2023, 12, 18), False),
        ("17 Agt. 1945", D(1945, 8, 17), False),
    ],
)
def test_parse_explicit_forms(text, expected, weekday_given):
    """Every documented form with a year parses to the right date, day first."""
    assert parse_date(text) == ParsedDate(
        date=expected, weekday_given=weekday_given, year_given=True
    )


@pytest.mark.parametrize(
    ("name", "month"),
    [
        ("Januari", 1),
        ("Jan", 1),
        ("Februari", 2),
        ("Pebruari", 2),
        ("Feb", 2),
        ("Maret", 3),
        ("Mar", 3),
        ("April", 4),
        ("Apr", 4),
        ("Mei", 5),
        ("Juni", 6),
        ("Jun", 6),
        ("Juli", 7),
        ("Jul", 7),
        ("Agustus", 8),
        ("Agu", 8),
        ("Agt", 8),
        ("Ags", 8),
        ("September", 9),
        ("Sep", 9),
        ("Sept", 9),
        ("Oktober", 10),
        ("Okt", 10),
        ("November", 11),
        ("Nopember", 11),
        ("Nov", 11),
        ("Nop", 11),
        ("Desember", 12),
        ("Des", 12),
    ],
)
def test_month_names(name, month):
    """Every month name and abbreviation of DOMAIN.md §7 is read."""
    assert parse_date(f"1 {name} 2020").date == D(2020, month, 1)


@pytest.mark.parametrize(
    ("name", "day"),
    [
        ("Senin", 15),
        ("Selasa", 16),
        ("Rabu", 17),
        ("Kamis", 18),
        ("Jumat", 19),
        ("Jum'at", 19),
        ("Sabtu", 20),
        ("Minggu", 21),
        ("Ahad", 21),
    ],
)
def test_weekday_names(name, day):
    """Every weekday name of DOMAIN.md §7 is read and checked (15 July 2024 is a Monday)."""
    assert parse_date(f"{name}, {day} Juli 2024").date == D(2024, 7, day)


class TestYearlessDates:
    """The news form without a year, resolved against an explicit reference date."""

    def test_news_form_with_weekday(self):
        """'Senin (15/7)' in a 22 July 2024 article is Monday 15 July 2024."""
        assert parse_date("Senin (15/7)", reference=REFERENCE) == ParsedDate(
            date=D(2024, 7, 15), weekday_given=True, year_given=False
        )

    def test_weekday_never_moves_to_another_year(self):
        """A weekday contradicting the nearest day before the reference is refused, not fitted."""
        # 15 July 2024 was a Monday; 15 July 2023 a Saturday, but that year is not tried.
        with pytest.raises(ParseError) as info:
            parse_date("Sabtu (15/7)", reference=REFERENCE)
        assert "Sabtu" in info.value.text.id
        assert "Senin" in info.value.text.id
        assert "Saturday" in info.value.text.en
        assert "Monday" in info.value.text.en
        assert "2024-07-15" in info.value.text.en

    def test_no_announced_future_date(self):
        """A year-less date is never after the reference, even when the weekday would fit."""
        # Read on 1 July 2024, "15/7" is 15 July 2023 (a Saturday), so "Senin" contradicts it.
        with pytest.raises(ParseError) as info:
            parse_date("Senin (15/7)", reference=D(2024, 7, 1))
        assert "2023-07-15" in info.value.text.en
        assert "Sabtu" in info.value.text.id

    def test_real_case_friday_first_of_november(self):
        """'Jumat (1/11)' written on Friday 1 December 2023 is refused naming Jumat and Rabu."""
        with pytest.raises(ParseError) as info:
            parse_date("Jumat (1/11)", reference=D(2023, 12, 1))
        assert "Jumat" in info.value.text.id
        assert "Rabu" in info.value.text.id  # 1 November 2023 was a Wednesday
        assert "Friday" in info.value.text.en
        assert "Wednesday" in info.value.text.en
        assert "no other year" in info.value.text.en

    def test_no_weekday_on_or_before_reference(self):
        """Without a weekday, the reference year is used when the date is not after it."""
        assert parse_date("15/7", reference=REFERENCE).date == D(2024, 7, 15)
        assert parse_date("22 Juli", reference=REFERENCE).date == D(2024, 7, 22)

    def test_no_weekday_after_reference_goes_back(self):
        """Without a weekday, a date after the reference is taken from the year before."""
        assert parse_date("23/7", reference=REFERENCE).date == D(2023, 7, 23)

    def test_leap_day(self):
        """29 February resolves only to a candidate year that has it."""
        assert parse_date("29/2", reference=D(2025, 3, 1)).date == D(2024, 2, 29)
        with pytest.raises(ParseError):
            parse_date("29/2", reference=D(2026, 3, 1))

    def test_datetime_reference_counts_as_its_date(self):
        """A datetime reference is used as its date."""
        ref = datetime.datetime(2024, 7, 22, 9, 30)
        assert parse_date("15/7", reference=ref).date == D(2024, 7, 15)

    def test_reference_required(self):
        """A year-less text without a reference is an error saying a reference is needed."""
        with pytest.raises(ParseError) as info:
            parse_date("Senin (15/7)")
        assert "reference" in info.value.text.en
        assert "acuan" in info.value.text.id

    def test_reference_ignored_with_year(self):
        """An explicit year wins over the reference date."""
        assert parse_date("15 Juli 2020", reference=REFERENCE).date == D(2020, 7, 15)

    def test_reference_of_wrong_type(self):
        """A reference that is not a date is a ValidationError, not an AttributeError."""
        with pytest.raises(ValidationError):
            parse_date("15/7", reference="2024-07-22")  # type: ignore[arg-type]

    def test_reference_year_one(self):
        """At reference year 1 there is no year before, and nothing crashes."""
        with pytest.raises(ParseError):
            parse_date("2/1", reference=D(1, 1, 1))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "2023",
        "Desember",
        "Desember 2023",
        "Senin",
        "18",
        "18 Desember 2023 2024",
        "Senin (15/7",
        "Senin 15/7)",
        "17/9-2025",
        "17.9.2025",
        "2025-09-17",
        "Senin15 Juli 2024",
        "hari 15 Juli 2024",
        "tanggal15 Juli 2024",
        "18 Dezember 2023",
        "15 Juli, 2024",
        "115 Juli 2024",
        "\u0661\u0668 Desember 2023",
        "18 Desember 2023 pukul 25.00",
        "18 Desember 2023 WIB",
        "Juli 2",
        "15 Juli 2024 | 10:03 WIB extra",
    ],
)
def test_rejects_malformed(text):
    """Texts that are not a complete date are rejected, never completed from today."""
    with pytest.raises(ParseError) as info:
        parse_date(text, reference=REFERENCE)
    assert info.value.value == text
    assert info.value.expected.startswith("an Indonesian date")
    assert info.value.text.id
    assert info.value.text.en


@pytest.mark.parametrize(
    "text", ["18 Desember 23", "Rabu (17/9/202)", "1 Mei 02024", "17/9/2", "Feb 10, 23"]
)
def test_rejects_years_not_four_digits(text):
    """Years that are not four digits (two only in numeric dates) are refused, saying so."""
    with pytest.raises(ParseError) as info:
        parse_date(text)
    assert "four digits" in info.value.text.en
    assert "empat angka" in info.value.text.id


@pytest.mark.parametrize(
    "text", ["30 Februari 2024", "31/4/2024", "29/2/2023", "0/1/2024", "1/13/2024", "1/1/0000"]
)
def test_rejects_days_that_do_not_exist(text):
    """A day missing from the calendar is rejected."""
    with pytest.raises(ParseError):
        parse_date(text)


def test_weekday_contradicting_date():
    """'Senin 6 Februari 2024' is rejected because 6 February 2024 was a Tuesday."""
    with pytest.raises(ParseError) as info:
        parse_date("Senin 6 Februari 2024")
    assert "Selasa" in info.value.text.id
    assert "Senin" in info.value.text.id
    assert "Tuesday" in info.value.text.en
    assert "Monday" in info.value.text.en


@pytest.mark.parametrize("value", [None, 20231218, b"18 Desember 2023", D(2023, 12, 18)])
def test_rejects_non_text(value):
    """Non-str input raises ParseError, not TypeError."""
    with pytest.raises(ParseError):
        parse_date(value)


def test_rejects_long_input():
    """Texts over 200 characters are rejected before any parsing."""
    with pytest.raises(ParseError) as info:
        parse_date("18 Desember 2023" + " " * 200)
    assert "200" in info.value.text.en


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, "18 Desember 2023"),
        ({"weekday": True}, "Senin, 18 Desember 2023"),
        ({"style": "numeric"}, "18/12/2023"),
        ({"weekday": True, "style": "numeric"}, "Senin (18/12/2023)"),
    ],
)
def test_format_date(kwargs, expected):
    """format_date writes the long and numeric forms, with or without the weekday."""
    assert format_date(D(2023, 12, 18), **kwargs) == expected


def test_format_date_single_digit_and_early_year():
    """Days and months are not zero-padded; years are padded to four digits."""
    assert format_date(D(2025, 9, 7), style="numeric", weekday=True) == "Minggu (7/9/2025)"
    assert format_date(D(999, 1, 5)) == "5 Januari 0999"


def test_format_date_rejects_bad_arguments():
    """An unknown style or a non-date raises ValidationError."""
    with pytest.raises(ValidationError):
        format_date(D(2023, 12, 18), style="short")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        format_date("2023-12-18")  # type: ignore[arg-type]


def test_parsed_date_is_frozen_and_validated():
    """ParsedDate is immutable and rejects a datetime or a non-bool flag."""
    parsed = parse_date("18 Desember 2023")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        parsed.year_given = False  # type: ignore[misc]
    with pytest.raises(ValidationError):
        ParsedDate(date=datetime.datetime(2023, 12, 18), weekday_given=False, year_given=True)
    with pytest.raises(ValidationError):
        ParsedDate(date=D(2023, 12, 18), weekday_given=0, year_given=True)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("17 Agustus 1945", datetime.datetime(1945, 8, 17)),
        ("Jumat 17 Agt 1945", datetime.datetime(1945, 8, 17)),
        ("Jum'at, 17 Agustus 1945", datetime.datetime(1945, 8, 17)),
        ("tanggal 1 Oktober 2023", datetime.datetime(2023, 10, 1)),
        ("hari Senin tanggal 15 Juli 2024", datetime.datetime(2024, 7, 15)),
        ("05/02/2024", datetime.datetime(2024, 2, 5)),
        ("18 Desember 2023 pukul 14:30", datetime.datetime(2023, 12, 18, 14, 30)),
    ],
)
def test_parserinfo_with_dateutil(text, expected):
    """IndonesianParserInfo lets dateutil's own parser read Indonesian dates."""
    info = IndonesianParserInfo()
    default = datetime.datetime(2000, 1, 1)
    assert dateutil_parser.parse(text, parserinfo=info, default=default) == expected


@pytest.mark.property
@given(
    d=st.dates(),
    weekday=st.booleans(),
    style=st.sampled_from(["long", "numeric"]),
)
def test_round_trip(d, weekday, style):
    """parse_date reads back every output of format_date."""
    parsed = parse_date(format_date(d, weekday=weekday, style=style))
    assert parsed == ParsedDate(date=d, weekday_given=weekday, year_given=True)


@pytest.mark.property
@given(
    d=st.dates(min_value=D(2, 1, 1)),
    reference=st.dates(min_value=D(2, 1, 1)),
    weekday=st.booleans(),
)
def test_yearless_resolution_rule(d, reference, weekday):
    """A year-less date is the nearest such day on or before the reference; a weekday is checked."""
    body = f"{d.day}/{d.month}"
    text = f"{format_date(d, weekday=True).split(',')[0]} ({body})" if weekday else body
    candidates = []
    for year in (reference.year, reference.year - 1):
        try:
            candidates.append(D(year, d.month, d.day))
        except ValueError:
            continue
    nearest = next((c for c in candidates if c <= reference), None)
    try:
        parsed = parse_date(text, reference=reference)
    except ParseError:
        assert nearest is None or (weekday and nearest.weekday() != d.weekday())
        return
    assert parsed.date == nearest
    if weekday:
        assert parsed.date.weekday() == d.weekday()


_DATEISH = st.lists(
    st.sampled_from(
        [*"0123456789/()-,.' ", "Senin", "Jum'at", "Juli", "Agt", "tgl", "hari", "tanggal", "2024"]
    ),
    max_size=20,
).map("".join)


@pytest.mark.property
@given(text=st.one_of(st.text(max_size=250), _DATEISH), with_reference=st.booleans())
def test_only_parse_error_escapes(text, with_reference):
    """For any str, parse_date returns a ParsedDate or raises ParseError, nothing else."""
    try:
        result = parse_date(text, reference=REFERENCE if with_reference else None)
    except ParseError:
        return
    assert isinstance(result, ParsedDate)


# --------------------------------------------------------------------------------------------
# Real-world forms (domain research, part 2, §5)
# --------------------------------------------------------------------------------------------

T = datetime.time


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # two-digit year in a numeric date: 20YY
        (
            "Jumat (25/10/24)",
            None,
            ParsedDate(date=D(2024, 10, 25), weekday_given=True, year_given=True),
        ),
        # no space before the parenthesis, no year
        (
            "Rabu(2/10)",
            D(2024, 10, 3),
            ParsedDate(date=D(2024, 10, 2), weekday_given=True, year_given=False),
        ),
        # curly apostrophe
        (
            "Jum\u2019at, 17 Agustus 1945",
            None,
            ParsedDate(date=D(1945, 8, 17), weekday_given=True, year_given=True),
        ),
        # double spaces
        (
            "Senin,  15  Juli   2024",
            None,
            ParsedDate(date=D(2024, 7, 15), weekday_given=True, year_given=True),
        ),
        # a time and a zone after the date
        (
            "Senin, 15 Juli 2024 | 10:03 WIB",
            None,
            ParsedDate(
                date=D(2024, 7, 15), weekday_given=True, year_given=True, time=T(10, 3), zone="WIB"
            ),
        ),
        (
            "Senin, 15 Juli 2024, 07:59:17 WIB",
            None,
            ParsedDate(
                date=D(2024, 7, 15),
                weekday_given=True,
                year_given=True,
                time=T(7, 59, 17),
                zone="WIB",
            ),
        ),
        (
            "18 Desember 2023 pukul 10.00 WITA",
            None,
            ParsedDate(
                date=D(2023, 12, 18), weekday_given=False, year_given=True, time=T(10), zone="WITA"
            ),
        ),
        (
            "18/12/2023, 23:59 wit",
            None,
            ParsedDate(
                date=D(2023, 12, 18),
                weekday_given=False,
                year_given=True,
                time=T(23, 59),
                zone="WIT",
            ),
        ),
        (
            "18 Desember 2023 10.00",
            None,
            ParsedDate(date=D(2023, 12, 18), weekday_given=False, year_given=True, time=T(10)),
        ),
        # English dates
        (
            "Monday, November 22 2021",
            None,
            ParsedDate(date=D(2021, 11, 22), weekday_given=True, year_given=True),
        ),
        (
            "Feb 10, 2023",
            None,
            ParsedDate(date=D(2023, 2, 10), weekday_given=False, year_given=True),
        ),
        (
            "Monday, 15 July 2024",
            None,
            ParsedDate(date=D(2024, 7, 15), weekday_given=True, year_given=True),
        ),
        (
            "Thu, 18 Jul 2024",
            None,
            ParsedDate(date=D(2024, 7, 18), weekday_given=True, year_given=True),
        ),
        (
            "Dec 25, 2023",
            None,
            ParsedDate(date=D(2023, 12, 25), weekday_given=False, year_given=True),
        ),
        # an Indonesian month in US order
        (
            "Rabu, Juli 2, 2025",
            None,
            ParsedDate(date=D(2025, 7, 2), weekday_given=True, year_given=True),
        ),
        (
            "Agt. 17 1945",
            None,
            ParsedDate(date=D(1945, 8, 17), weekday_given=False, year_given=True),
        ),
        # dashes
        ("18-03-2021", None, ParsedDate(date=D(2021, 3, 18), weekday_given=False, year_given=True)),
        ("18-03-21", None, ParsedDate(date=D(2021, 3, 18), weekday_given=False, year_given=True)),
        # a full date in parentheses
        (
            "(18 Desember 2023)",
            None,
            ParsedDate(date=D(2023, 12, 18), weekday_given=False, year_given=True),
        ),
        (
            "Senin (18 Desember 2023)",
            None,
            ParsedDate(date=D(2023, 12, 18), weekday_given=True, year_given=True),
        ),
        # abbreviated month names in both languages
        ("1 Okt 2023", None, ParsedDate(date=D(2023, 10, 1), weekday_given=False, year_given=True)),
        ("1 Oct 2023", None, ParsedDate(date=D(2023, 10, 1), weekday_given=False, year_given=True)),
        ("5 Aug 2023", None, ParsedDate(date=D(2023, 8, 5), weekday_given=False, year_given=True)),
        ("5 May 2023", None, ParsedDate(date=D(2023, 5, 5), weekday_given=False, year_given=True)),
    ],
)
def test_real_world_forms(text, reference, expected):
    """Every date form of the research note parses, keeping the time and zone written."""
    assert parse_date(text, reference=reference) == expected


@pytest.mark.parametrize(
    ("text", "year"),
    [("1/1/00", 2000), ("(25/10/24)", 2024), ("31/12/99", 2099), ("Rabu (2/10/24)", 2024)],
)
def test_two_digit_years_are_20yy(text, year):
    """A two-digit year in a numeric date is 20YY whatever the reference; the clock is not read."""
    assert parse_date(text).date.year == year
    assert parse_date(text, reference=D(1990, 1, 1)).date.year == year


@pytest.mark.parametrize(
    ("text", "year", "reason_en", "reason_id"),
    [
        ("Desember 205", "205", "truncated", "terpotong"),
        ("1 Desember 205", "205", "truncated", "terpotong"),
        ("1 Desember 2O2O", "2O2O", "letter 'O'", "huruf 'O'"),
        ("Senin (1/12/2O2O)", "2O2O", "letter 'O'", "huruf 'O'"),
        ("Desember 2O23", "2O23", "letter 'O'", "huruf 'O'"),
        ("17 Agustus l945", None, None, None),
    ],
)
def test_damaged_years_are_refused_with_the_reason(text, year, reason_en, reason_id):
    """A truncated year or one with a letter in it (OCR) is refused saying which."""
    with pytest.raises(ParseError) as info:
        parse_date(text)
    if year is not None:
        assert repr(year) in info.value.text.en
        assert reason_en in info.value.text.en
        assert reason_id in info.value.text.id


@pytest.mark.parametrize(
    "text", ["Senin, 15 Juli 2024 | 24:00", "15 Juli 2024 pukul 10.60", "15/7/2024, 10:00:61"]
)
def test_rejects_times_that_do_not_exist(text):
    """A time of day that does not exist is refused, not dropped."""
    with pytest.raises(ParseError) as info:
        parse_date(text)
    assert "time of day" in info.value.text.en
    assert "jam" in info.value.text.id


def test_as_datetime_uses_the_zone():
    """as_datetime combines date, time and zone (WIB is UTC+7); without a time it is None."""
    parsed = parse_date("Senin, 15 Juli 2024 | 10:03 WIB")
    moment = parsed.as_datetime()
    assert moment == datetime.datetime(2024, 7, 15, 3, 3, tzinfo=datetime.UTC)
    assert moment is not None
    assert moment.tzinfo is TIME_ZONES["WIB"]
    assert parse_date("15 Juli 2024 pukul 10.00").as_datetime() == datetime.datetime(
        2024, 7, 15, 10
    )
    assert parse_date("15 Juli 2024").as_datetime() is None


def test_parsed_date_validates_time_and_zone():
    """A zone without a time, an unknown zone, or a time with microseconds is refused."""
    day = D(2024, 7, 15)
    with pytest.raises(ValidationError):
        ParsedDate(date=day, weekday_given=False, year_given=True, zone="WIB")
    with pytest.raises(ValidationError):
        ParsedDate(date=day, weekday_given=False, year_given=True, time=T(10), zone="CET")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        ParsedDate(date=day, weekday_given=False, year_given=True, time=T(10, 0, 0, 5))
    with pytest.raises(ValidationError):
        ParsedDate(date=day, weekday_given=False, year_given=True, time="10:00")  # type: ignore[arg-type]


def test_format_date_with_time_and_zone():
    """format_date writes a time after a comma, seconds only when not zero, then the zone."""
    day = D(2024, 7, 15)
    assert format_date(day, time=T(10, 3), zone="WIB") == "15 Juli 2024, 10:03 WIB"
    assert (
        format_date(day, weekday=True, style="numeric", time=T(7, 59, 17))
        == "Senin (15/7/2024), 07:59:17"
    )
    with pytest.raises(ValidationError):
        format_date(day, zone="WIB")


@pytest.mark.property
@given(
    d=st.dates(),
    weekday=st.booleans(),
    style=st.sampled_from(["long", "numeric"]),
    time=st.none() | st.times().map(lambda t: t.replace(microsecond=0)),
    zone=st.sampled_from([None, "WIB", "WITA", "WIT"]),
)
def test_round_trip_with_time(d, weekday, style, time, zone):
    """parse_date reads back every output of format_date, time and zone included."""
    zone = None if time is None else zone
    written = format_date(d, weekday=weekday, style=style, time=time, zone=zone)
    expected = ParsedDate(date=d, weekday_given=weekday, year_given=True, time=time, zone=zone)
    assert parse_date(written) == expected


# --------------------------------------------------------------------------------------------
# Ranges of days
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("13\u201314 Agustus 2025", D(2025, 8, 13), D(2025, 8, 14)),
        ("24-29 November 2022", D(2022, 11, 24), D(2022, 11, 29)),
        ("30 November - 2 Desember 2023", D(2023, 11, 30), D(2023, 12, 2)),
        ("30 November \u2013 2 Desember 2023", D(2023, 11, 30), D(2023, 12, 2)),
        ("13 - 14 Agustus 2025", D(2025, 8, 13), D(2025, 8, 14)),
        ("13\u201414 Agt 2025", D(2025, 8, 13), D(2025, 8, 14)),
        ("13 s.d. 14 Agustus 2025", D(2025, 8, 13), D(2025, 8, 14)),
        ("13 s/d 14 Agustus 2025", D(2025, 8, 13), D(2025, 8, 14)),
        ("13 sampai dengan 14 Agustus 2025", D(2025, 8, 13), D(2025, 8, 14)),
        ("13 hingga 14 Agustus 2025", D(2025, 8, 13), D(2025, 8, 14)),
        ("30 Desember 2023 \u2013 2 Januari 2024", D(2023, 12, 30), D(2024, 1, 2)),
        ("30 Desember - 2 Januari 2024", D(2023, 12, 30), D(2024, 1, 2)),
        ("Rabu\u2013Kamis, 13\u201314 Agustus 2025", D(2025, 8, 13), D(2025, 8, 14)),
        ("November 30 - December 2 2023", None, None),
        ("13 Agustus 2025", D(2025, 8, 13), D(2025, 8, 13)),
        ("30 Nov\u20132 Dec 2023", D(2023, 11, 30), D(2023, 12, 2)),
    ],
)
def test_parse_date_range(text, start, end):
    """The range forms of the research note parse; a single date is a one-day range."""
    if start is None:
        with pytest.raises(ParseError):
            parse_date_range(text)
        return
    assert parse_date_range(text) == DateRange(start=start, end=end)


def test_date_range_without_year_uses_the_reference():
    """A range without a year ends on the nearest such day on or before the reference."""
    assert parse_date_range("13-14 Agustus", reference=D(2025, 8, 20)) == DateRange(
        start=D(2025, 8, 13), end=D(2025, 8, 14)
    )
    assert parse_date_range("13-14 Agustus", reference=D(2025, 8, 1)) == DateRange(
        start=D(2024, 8, 13), end=D(2024, 8, 14)
    )
    with pytest.raises(ParseError) as info:
        parse_date_range("13-14 Agustus")
    assert "reference" in info.value.text.en


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("14-13 Agustus 2025", "ends (2025-08-13) before it starts"),
        ("Rabu-Jumat, 13-14 Agustus 2025", "not a Friday"),
        ("13-14 Agustus 2O25", "letter 'O'"),
        ("13-14 Desember 205", "truncated"),
        ("30-31 Februari 2024", "no such day"),
        ("13-14 Foo 2025", "not a recognised range"),
        ("Agustus 2025", "not a recognised range"),
        ("18 Desember 2023, 10:00 WIB", "not a recognised range"),
        ("13 Agustus 2024 - 14 Agustus", "not a recognised range"),
        ("Senin 6 Februari 2024", "not a Monday"),
    ],
)
def test_parse_date_range_refuses_with_the_reason(text, reason):
    """A reversed range, a wrong weekday or a damaged year is refused, saying why."""
    with pytest.raises(ParseError) as info:
        parse_date_range(text)
    assert reason in info.value.text.en
    assert info.value.text.id
    assert info.value.expected.startswith("a range of days")


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2025, 8, 13), D(2025, 8, 14), "13\u201314 Agustus 2025"),
        (D(2023, 11, 30), D(2023, 12, 2), "30 November\u20132 Desember 2023"),
        (D(2023, 12, 30), D(2024, 1, 2), "30 Desember 2023\u20132 Januari 2024"),
        (D(2025, 8, 13), D(2025, 8, 13), "13 Agustus 2025"),
    ],
)
def test_format_date_range(start, end, expected):
    """format_date_range writes the shortest canonical form, with an en dash."""
    days = DateRange(start=start, end=end)
    assert format_date_range(days) == expected
    assert str(days) == expected
    assert days.days == (end - start).days + 1


def test_date_range_is_validated():
    """A DateRange must hold two dates, the end not before the start."""
    with pytest.raises(ValidationError) as info:
        DateRange(start=D(2025, 8, 14), end=D(2025, 8, 13))
    assert info.value.problems[0].code == "end_before_start"
    with pytest.raises(ValidationError):
        DateRange(start="2025-08-13", end=D(2025, 8, 13))  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        format_date_range((D(2025, 8, 13), D(2025, 8, 14)))  # type: ignore[arg-type]


@pytest.mark.property
@given(days=text_strategies.date_ranges())
def test_date_range_round_trip(days):
    """parse_date_range(format_date_range(r)) == r for every range."""
    assert parse_date_range(format_date_range(days)) == days


@pytest.mark.property
@given(text=text_strategies.date_range_texts())
def test_generated_range_texts_parse(text):
    """Every handwritten range form of the strategy is read, and reads back after formatting."""
    days = parse_date_range(text)
    assert parse_date_range(format_date_range(days)) == days


@pytest.mark.property
@given(text=st.one_of(st.text(max_size=80), _DATEISH), with_reference=st.booleans())
def test_only_parse_error_escapes_ranges(text, with_reference):
    """For any str, parse_date_range returns a DateRange or raises ParseError, nothing else."""
    try:
        result = parse_date_range(text, reference=REFERENCE if with_reference else None)
    except ParseError:
        return
    assert result.start <= result.end
