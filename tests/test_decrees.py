"""Tests of decree numbers and regulation titles (sanitasi_core.decrees)."""

import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanitasi_core import testing as text_strategies
from sanitasi_core.decrees import (
    DecreeNumber,
    Regulation,
    RegulationKind,
    format_decree_number,
    format_regulation,
    parse_decree_number,
    parse_regulation,
)
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
        ("archive_class", "1.2.3.4.5.6"),
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
    assert format_decree_number(result) == re.sub(r" */ *", "/", text.strip())


# --------------------------------------------------------------------------------------------
# Real-world decree forms (domain research, part 2, §5)
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("100.4.3-1290/ Kep/Bangda/2022", "100.4.3-1290/Kep/Bangda/2022"),
        ("100.4.3-1290 / Kep / Bangda / 2022", "100.4.3-1290/Kep/Bangda/2022"),
        ("100.4.3-1037/Kep/Bangda 2023", "100.4.3-1037/Kep/Bangda 2023"),
        ("800.1.2.5-012/Kep/Bangda/2024", "800.1.2.5-012/Kep/Bangda/2024"),
        ("800.1.2.5.1-012/Kep/Bangda/2024", "800.1.2.5.1-012/Kep/Bangda/2024"),
    ],
)
def test_spaces_around_slashes_and_deep_classification_codes(text, canonical):
    """Spaces around a slash and codes of up to five levels are read; the output is canonical."""
    decree = parse_decree_number(text)
    assert format_decree_number(decree) == canonical
    assert parse_decree_number(canonical) == decree


@pytest.mark.parametrize(
    "text",
    [
        "1.2.3.4.5.6-012/Kep/Bangda/2024",
        "100.4.3-1290/Kep/Bangda  2022",
        "100.4.3 -1290/Kep/Bangda/2022",
    ],
)
def test_still_refuses(text):
    """Six levels, two spaces before a year, or a space before the hyphen are still refused."""
    with pytest.raises(ParseError):
        parse_decree_number(text)


# --------------------------------------------------------------------------------------------
# Regulations
# --------------------------------------------------------------------------------------------

K = RegulationKind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "PERATURAN BUPATI MAHAKAM ULU NOMOR 47 TAHUN 2021",
            Regulation(kind=K.PERBUP, issuer="MAHAKAM ULU", number="47", year=2021),
        ),
        (
            "PERATURAN DAERAH KABUPATEN MAHAKAM ULU\nNOMOR 5 TAHUN 2021",
            Regulation(kind=K.PERDA, issuer="KABUPATEN MAHAKAM ULU", number="5", year=2021),
        ),
        (
            "Peraturan Daerah Kota Balikpapan Nomor 05 Tahun 2019 tentang Pengelolaan Air Limbah",
            Regulation(
                kind=K.PERDA,
                issuer="Kota Balikpapan",
                number="05",
                year=2019,
                subject="Pengelolaan Air Limbah",
            ),
        ),
        (
            "PERATURAN WALIKOTA PALANGKARAYA\nNomor : 12A Tahun : 2010",
            Regulation(kind=K.PERWALI, issuer="PALANGKARAYA", number="12A", year=2010),
        ),
        (
            "Peraturan Wali Kota Samarinda Nomor: 3 Tahun: 2020",
            Regulation(kind=K.PERWALI, issuer="Samarinda", number="3", year=2020),
        ),
        (
            "Peraturan Gubernur Kalimantan Tengah No. 3 Tahun 2020",
            Regulation(kind=K.PERGUB, issuer="Kalimantan Tengah", number="3", year=2020),
        ),
        (
            "Peraturan Menteri Dalam Negeri Nomor 90 Tahun 2019",
            Regulation(kind=K.PERMEN, issuer="Dalam Negeri", number="90", year=2019),
        ),
        (
            "Peraturan Menteri Dalam Negeri Republik Indonesia Nomor 90 Tahun 2019",
            Regulation(kind=K.PERMEN, issuer="Dalam Negeri", number="90", year=2019),
        ),
        (
            "Permendagri 86/2017",
            Regulation(kind=K.PERMEN, issuer="Dalam Negeri", number="86", year=2017),
        ),
        (
            "Peraturan Presiden Nomor 12 Tahun 2025",
            Regulation(kind=K.PERPRES, number="12", year=2025),
        ),
        ("Perpres 18/2020", Regulation(kind=K.PERPRES, number="18", year=2020)),
        ("Perpres 12 Tahun 2025", Regulation(kind=K.PERPRES, number="12", year=2025)),
        (
            "Instruksi Presiden Nomor 1 Tahun 2024",
            Regulation(kind=K.INPRES, number="1", year=2024),
        ),
        ("Inpres 1/2024", Regulation(kind=K.INPRES, number="1", year=2024)),
        ("PP 22/2021", Regulation(kind=K.PP, number="22", year=2021)),
        ("Undang-Undang Nomor 23 Tahun 2014", Regulation(kind=K.UU, number="23", year=2014)),
        (
            "Surat Edaran Menteri Dalam Negeri Nomor 440/1234/SJ Tahun 2020",
            Regulation(kind=K.SE, issuer="Menteri Dalam Negeri", number="440/1234/SJ", year=2020),
        ),
        (
            "Instruksi Bupati Mahakam Ulu Nomor 2 Tahun 2022",
            Regulation(kind=K.INSTRUKSI, issuer="Bupati Mahakam Ulu", number="2", year=2022),
        ),
        (
            "Lembaran Daerah Kabupaten Mahakam Ulu Tahun 2021 Nomor 5",
            Regulation(
                kind=K.LEMBARAN_DAERAH, issuer="Kabupaten Mahakam Ulu", number="5", year=2021
            ),
        ),
        (
            "Berita Daerah Kota Bontang Tahun 2022 Nomor 14",
            Regulation(kind=K.BERITA_DAERAH, issuer="Kota Bontang", number="14", year=2022),
        ),
        (
            "Perda Kabupaten Pangkajene dan Kepulauan No 3 Tahun 2019",
            Regulation(
                kind=K.PERDA, issuer="Kabupaten Pangkajene dan Kepulauan", number="3", year=2019
            ),
        ),
    ],
)
def test_parse_regulation(text, expected):
    """Regional and national regulation titles parse into kind, issuer, number and year."""
    assert parse_regulation(text) == expected


@pytest.mark.parametrize(
    ("regulation", "title"),
    [
        (
            Regulation(kind=K.PERBUP, issuer="Mahakam Ulu", number="47", year=2021),
            "Peraturan Bupati Mahakam Ulu Nomor 47 Tahun 2021",
        ),
        (
            Regulation(kind=K.PERWALI, issuer="Palangkaraya", number="12A", year=2010),
            "Peraturan Wali Kota Palangkaraya Nomor 12A Tahun 2010",
        ),
        (
            Regulation(kind=K.PERPRES, number="12", year=2025),
            "Peraturan Presiden Nomor 12 Tahun 2025",
        ),
        (
            Regulation(kind=K.LEMBARAN_DAERAH, issuer="Kota Bontang", number="5", year=2021),
            "Lembaran Daerah Kota Bontang Tahun 2021 Nomor 5",
        ),
        (
            Regulation(kind=K.PERDA, number="5", year=2021, subject="Retribusi"),
            "Peraturan Daerah Nomor 5 Tahun 2021 tentang Retribusi",
        ),
    ],
)
def test_format_regulation(regulation, title):
    """format_regulation writes the canonical title, which parses back equal."""
    assert format_regulation(regulation) == title
    assert str(regulation) == title
    assert parse_regulation(title) == regulation


@pytest.mark.parametrize(
    ("text", "reason_en", "reason_id"),
    [
        ("Peraturan Bupati Mahakam Ulu Tahun 2021", "has no number", "tanpa nomor"),
        ("Peraturan Bupati Mahakam Ulu Nomor Tahun 2021", "has no number", "tanpa nomor"),
        ("PERATURAN BUPATI MAHAKAM ULU", "has no number", "tanpa nomor"),
        ("Peraturan Bupati Mahakam Ulu Nomor 47", "has no year", "tanpa tahun"),
        ("Peraturan Bupati Mahakam Ulu Nomor 47 Tahun 2O2O", "letter 'O'", "huruf 'O'"),
        ("Peraturan Bupati Mahakam Ulu Nomor 47 Tahun 202", "truncated", "terpotong"),
        ("Peraturan Presiden Jokowi Nomor 12 Tahun 2025", "names no issuer", "tidak menyebut"),
        ("Keputusan Bupati Nomor 5 Tahun 2020", "not a recognised regulation", "bukan judul"),
        ("Permendagri Kesehatan 86/2017", "not a recognised regulation", "bukan judul"),
        (
            "Peraturan Bupati Mahakam Ulu Nomor 47 Tahun 02021",
            "not a recognised regulation",
            "bukan",
        ),
        ("", "not a recognised regulation", "bukan judul"),
    ],
)
def test_parse_regulation_refuses_with_the_reason(text, reason_en, reason_id):
    """A missing number or year, a garbled year or a stray issuer is refused, saying why."""
    with pytest.raises(ParseError) as info:
        parse_regulation(text)
    assert reason_en in info.value.text.en
    assert reason_id in info.value.text.id
    assert info.value.expected.startswith("a regulation title")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("kind", "perbup"),
        ("issuer", "Mahakam  Ulu"),
        ("issuer", "Mahakam Ulu Nomor"),
        ("issuer", "Kalimantan Republik Indonesia"),
        ("issuer", ""),
        ("number", "ABC"),
        ("number", "4 7"),
        ("number", 47),
        ("year", 21),
        ("year", "2021"),
        ("subject", " Retribusi"),
    ],
)
def test_regulation_validates(field, value):
    """Building a Regulation with a malformed part raises ValidationError naming the field."""
    good = Regulation(kind=K.PERBUP, issuer="Mahakam Ulu", number="47", year=2021)
    with pytest.raises(ValidationError) as info:
        attrs.evolve(good, **{field: value})
    assert info.value.problems[0].path == field


def test_national_kinds_have_no_issuer():
    """Perpres, PP, UU and Inpres carry no issuer; an Instruksi's issuer is not 'Presiden'."""
    with pytest.raises(ValidationError):
        Regulation(kind=K.PERPRES, issuer="Presiden", number="12", year=2025)
    with pytest.raises(ValidationError):
        Regulation(kind=K.INSTRUKSI, issuer="Presiden", number="1", year=2024)
    with pytest.raises(ValidationError):
        format_regulation("Perpres 12/2025")  # type: ignore[arg-type]


@pytest.mark.property
@given(regulation=text_strategies.regulations())
def test_regulation_round_trip(regulation):
    """parse_regulation(format_regulation(r)) == r for every regulation."""
    assert parse_regulation(format_regulation(regulation)) == regulation


@pytest.mark.property
@given(text=text_strategies.regulation_texts())
def test_generated_regulation_texts_parse(text):
    """Every handwritten title form of the strategy is read, and reads back after formatting."""
    regulation = parse_regulation(text)
    assert parse_regulation(format_regulation(regulation)) == regulation


@pytest.mark.property
@given(
    text=st.text(max_size=200)
    | st.lists(
        st.sampled_from(
            ["Peraturan", "Bupati", "Perda", "Nomor", "Tahun", ":", " ", "12", "2021", "2O2O", "/"]
        ),
        max_size=12,
    ).map(" ".join)
)
def test_only_parse_error_escapes_regulations(text):
    """For any str, parse_regulation returns a Regulation or raises ParseError, nothing else."""
    try:
        result = parse_regulation(text)
    except ParseError:
        return
    assert parse_regulation(format_regulation(result)) == result
