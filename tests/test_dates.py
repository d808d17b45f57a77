"""Tests of Indonesian date parsing and formatting (sanitasi_core.dates)."""

import datetime

import attrs
import pytest
from dateutil import parser as dateutil_parser
from hypothesis import given
from hypothesis import strategies as st

from sanitasi_core.dates import IndonesianParserInfo, ParsedDate, format_date, parse_date
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

    def test_weekday_picks_previous_year(self):
        """When the weekday fits only the year before the reference, that year is chosen."""
        # 15 July 2023 was a Saturday.
        assert parse_date("Sabtu (15/7)", reference=REFERENCE).date == D(2023, 7, 15)

    def test_weekday_allows_announced_future_date(self):
        """With a weekday the reference year wins even after the reference (an announcement)."""
        assert parse_date("Senin (15/7)", reference=D(2024, 7, 1)).date == D(2024, 7, 15)

    def test_weekday_fitting_neither_year(self):
        """A weekday that fits neither candidate year is an error naming both years."""
        with pytest.raises(ParseError) as info:
            parse_date("Minggu (15/7)", reference=REFERENCE)
        assert "2024" in info.value.text.en
        assert "2023" in info.value.text.id

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
        "Monday, 15 July 2024",
        "15 Juli, 2024",
        "115 Juli 2024",
        "\u0661\u0668 Desember 2023",
        "18 Desember 2023 pukul 10.00",
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


@pytest.mark.parametrize("text", ["17/9/25", "18 Desember 23", "Rabu (17/9/202)", "1 Mei 02024"])
def test_rejects_years_not_four_digits(text):
    """Two-digit (and other non-four-digit) years are rejected, with a message saying so."""
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
    """A year-less date resolves into the reference year or the one before, per the rule."""
    body = f"{d.day}/{d.month}"
    text = f"{format_date(d, weekday=True).split(',')[0]} ({body})" if weekday else body
    try:
        parsed = parse_date(text, reference=reference)
    except ParseError:
        return
    got = parsed.date
    assert (got.day, got.month) == (d.day, d.month)
    assert got.year in (reference.year, reference.year - 1)
    if weekday:
        assert got.weekday() == d.weekday()
    else:
        assert got <= reference


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
