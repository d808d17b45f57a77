"""Tests of decree numbers (sanitasi_core.decrees)."""

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanitasi_core.decrees import DecreeNumber, format_decree_number, parse_decree_number
from sanitasi_core.exceptions import ParseError, ValidationError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "100.4.3-1037/Kep/Bangda 2023",
            DecreeNumber(
                archive_class="100.4.3",
                sequence="1037",
                kind="Kep",
                unit="Bangda",
                year=2023,
                year_separator=" ",
            ),
        ),
        (
            "100.9.3-015/Kep/Bangda/2025",
            DecreeNumber(
                archive_class="100.9.3",
                sequence="015",
                kind="Kep",
                unit="Bangda",
                year=2025,
                year_separator="/",
            ),
        ),
        (
            "648-565/Kep/Bangda/2014",
            DecreeNumber(
                archive_class="648",
                sequence="565",
                kind="Kep",
                unit="Bangda",
                year=2014,
                year_separator="/",
            ),
        ),
    ],
)
def test_parse_and_format_documented_numbers(text, expected):
    """The decree numbers of DOMAIN.md §7 parse into parts and format back to the same text."""
    parsed = parse_decree_number(text)
    assert parsed == expected
    assert format_decree_number(parsed) == text
    assert str(parsed) == text


def test_surrounding_whitespace_is_ignored():
    """Leading and trailing whitespace around a decree number is ignored."""
    assert str(parse_decree_number("  648-565/Kep/Bangda/2014\n")) == "648-565/Kep/Bangda/2014"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "648",
        "648-565",
        "648-565/Kep/Bangda",
        "648-565/Kep/Bangda/14",
        "648-565/Kep/Bangda/0214",
        "648-565/Kep/Bangda/20140",
        "648-565/Kep/Bangda  2014",
        "648-565/Kep/Bangda-2014",
        "648-565/Kep/Bangda\t2014",
        "648.-565/Kep/Bangda/2014",
        "648--565/Kep/Bangda/2014",
        "648-56a/Kep/Bangda/2014",
        "648-565//Bangda/2014",
        "648-565/Kep//2014",
        "648-565/Kep/Bangda/Sub/2014",
        "648 - 565/Kep/Bangda/2014",
        "Nomor 648-565/Kep/Bangda/2014",
    ],
)
def test_rejects_malformed(text):
    """Anything but '<class>-<sequence>/<kind>/<unit>[/ ]<year>' raises ParseError."""
    with pytest.raises(ParseError) as info:
        parse_decree_number(text)
    assert info.value.value == text
    assert info.value.expected.startswith("a decree number")
    assert info.value.text.id


@pytest.mark.parametrize("value", [None, 2023, b"648-565/Kep/Bangda/2014"])
def test_rejects_non_text(value):
    """Non-str input raises ParseError."""
    with pytest.raises(ParseError):
        parse_decree_number(value)


def test_rejects_long_input():
    """Texts over 200 characters are rejected before any parsing."""
    with pytest.raises(ParseError):
        parse_decree_number("1." * 150 + "1-1/Kep/Bangda/2023")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("archive_class", "100..4"),
        ("archive_class", ""),
        ("sequence", "01a"),
        ("sequence", 15),
        ("kind", "Kep1"),
        ("unit", "1Bangda"),
        ("unit", "Bangda/X"),
        ("year", 23),
        ("year", "2023"),
        ("year", True),
        ("year_separator", "-"),
    ],
)
def test_constructor_validates(field, value):
    """Building a DecreeNumber with a malformed part raises ValidationError naming the field."""
    good = parse_decree_number("100.9.3-015/Kep/Bangda/2025")
    with pytest.raises(ValidationError) as info:
        attrs.evolve(good, **{field: value})
    assert info.value.problems[0].path == field


def test_default_year_separator_is_slash():
    """A DecreeNumber built without a separator writes '/' before the year."""
    decree = DecreeNumber(archive_class="648", sequence="565", kind="Kep", unit="Bangda", year=2014)
    assert str(decree) == "648-565/Kep/Bangda/2014"


_DIGITS = st.text(alphabet="0123456789", min_size=1, max_size=5)
_LETTERS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1)
_DECREES = st.builds(
    DecreeNumber,
    archive_class=st.lists(_DIGITS, min_size=1, max_size=4).map(".".join),
    sequence=_DIGITS,
    kind=_LETTERS.filter(lambda s: len(s) <= 8),
    unit=st.from_regex(r"[A-Za-z][A-Za-z0-9.]{0,10}", fullmatch=True),
    year=st.integers(min_value=1000, max_value=9999),
    year_separator=st.sampled_from(["/", " "]),
)


@pytest.mark.property
@given(decree=_DECREES)
def test_round_trip_from_value(decree):
    """parse_decree_number(format_decree_number(d)) == d for every decree number."""
    assert parse_decree_number(format_decree_number(decree)) == decree


@pytest.mark.property
@given(
    text=st.from_regex(
        r"[0-9]{1,4}(\.[0-9]{1,3}){0,3}-[0-9]{1,5}/[A-Za-z]{1,5}/[A-Za-z][A-Za-z0-9.]{0,8}"
        r"[/ ][1-9][0-9]{3}",
        fullmatch=True,
    )
)
def test_round_trip_from_text(text):
    """Every well-formed text is reproduced exactly by format_decree_number(parse(...))."""
    assert format_decree_number(parse_decree_number(text)) == text


@pytest.mark.property
@given(text=st.text(max_size=250))
def test_only_parse_error_escapes(text):
    """For any str, parse_decree_number returns a DecreeNumber or raises ParseError."""
    try:
        result = parse_decree_number(text)
    except ParseError:
        return
    assert format_decree_number(result) == text.strip()
