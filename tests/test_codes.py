"""Tests of region codes and APBD nomenclature codes (sanitasi_core.codes)."""

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanitasi_core.codes import (
    SUB_SECTOR_PROGRAMMES,
    ApbdCode,
    ApbdLevel,
    RegionCode,
    RegionKind,
    RegionLevel,
    VillageKind,
    format_apbd_code,
    format_region_code,
    parse_apbd_code,
    parse_region_code,
)
from sanitasi_core.exceptions import ParseError, ValidationError

# --- region codes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "parts", "level"),
    [
        ("64", ("64", None, None, None), RegionLevel.PROVINCE),
        ("64.11", ("64", "11", None, None), RegionLevel.REGENCY),
        ("64.11.01", ("64", "11", "01", None), RegionLevel.DISTRICT),
        ("64.11.01.2001", ("64", "11", "01", "2001"), RegionLevel.VILLAGE),
        ("11", ("11", None, None, None), RegionLevel.PROVINCE),
        ("99.99.99.1999", ("99", "99", "99", "1999"), RegionLevel.VILLAGE),
    ],
)
def test_parse_region_code(text, parts, level):
    """The four dotted shapes of DOMAIN.md §7 parse into parts and format back unchanged."""
    code = parse_region_code(text)
    assert (code.province, code.regency, code.district, code.village) == parts
    assert code.level is level
    assert format_region_code(code) == text
    assert str(code) == text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("64", None),
        ("64.01", RegionKind.KABUPATEN),
        ("64.11", RegionKind.KABUPATEN),
        ("64.69", RegionKind.KABUPATEN),
        ("64.71", RegionKind.KOTA),
        ("64.99", RegionKind.KOTA),
        ("64.72.01.1001", RegionKind.KOTA),
    ],
)
def test_regency_kind(text, kind):
    """Regency parts 01-69 are kabupaten and 71-99 are kota."""
    assert parse_region_code(text).regency_kind is kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("64.11.01", None),
        ("64.11.01.2001", VillageKind.DESA),
        ("64.72.01.1001", VillageKind.KELURAHAN),
    ],
)
def test_village_kind(text, kind):
    """Village parts starting with 2 are desa and with 1 kelurahan."""
    assert parse_region_code(text).village_kind is kind


def test_region_code_accessors():
    """province_code, regency_code and parent walk the hierarchy of 64.11.01.2001."""
    code = parse_region_code("64.11.01.2001")
    assert code.province_code == "64"
    assert code.regency_code == "64.11"
    assert str(code.parent) == "64.11.01"
    assert code.parent is not None
    assert str(code.parent.parent) == "64.11"
    province = parse_region_code("64")
    assert province.regency_code is None
    assert province.parent is None
    assert parse_region_code("64.11").parent == province


@pytest.mark.parametrize(
    "text",
    [
        "",
        "6",
        "640",
        "64.1",
        "64.011",
        "64.11.1",
        "64.11.01.201",
        "64.11.01.20011",
        "64.11.01.2001.1",
        "6411",
        "6411012001",
        "64-11",
        "64..11",
        "64.11.",
        "\u0666\u0664",
        "00",
        "01",
        "10",
        "64.00",
        "64.70",
        "64.11.00",
        "64.11.01.3001",
        "64.11.01.0001",
    ],
)
def test_rejects_bad_region_codes(text):
    """Malformed codes and parts out of range raise ParseError with a bilingual message."""
    with pytest.raises(ParseError) as info:
        parse_region_code(text)
    assert info.value.value == text
    assert info.value.expected.startswith("a Kemendagri region code")
    assert info.value.text.id
    assert info.value.text.en


def test_out_of_range_part_is_named():
    """The ParseError for 64.70 names the regency part and its ranges."""
    with pytest.raises(ParseError) as info:
        parse_region_code("64.70")
    assert "regency" in info.value.text.en
    assert "71-99" in info.value.text.en
    assert "kabupaten/kota" in info.value.text.id


@pytest.mark.parametrize("value", [None, 64, 64.11, b"64.11"])
def test_region_rejects_non_text(value):
    """Non-str input raises ParseError."""
    with pytest.raises(ParseError):
        parse_region_code(value)


def test_region_surrounding_whitespace_ignored():
    """Whitespace around a region code is ignored."""
    assert str(parse_region_code(" 64.11 ")) == "64.11"


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"province": "00"}, "province"),
        ({"province": 64}, "province"),
        ({"province": "64", "regency": "70"}, "regency"),
        ({"province": "64", "district": "01"}, "regency"),
        ({"province": "64", "regency": "11", "village": "2001"}, "district"),
        ({"province": "64", "regency": "11", "district": "01", "village": "4001"}, "village"),
    ],
)
def test_region_constructor_validates(kwargs, path):
    """Building a RegionCode with a bad part or a gap raises ValidationError with its path."""
    with pytest.raises(ValidationError) as info:
        RegionCode(**kwargs)
    assert info.value.problems[0].path == path


def test_region_code_is_frozen():
    """RegionCode is immutable."""
    code = parse_region_code("64.11")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        code.province = "65"  # type: ignore[misc]


_PROVINCE = st.integers(11, 99).map("{:02d}".format)
_REGENCY = st.one_of(st.integers(1, 69), st.integers(71, 99)).map("{:02d}".format)
_DISTRICT = st.integers(1, 99).map("{:02d}".format)
_VILLAGE = st.integers(1000, 2999).map(str)


@st.composite
def region_codes(draw):
    """Valid region codes at every level."""
    parts = [draw(_PROVINCE), draw(_REGENCY), draw(_DISTRICT), draw(_VILLAGE)]
    depth = draw(st.integers(1, 4))
    names = ("province", "regency", "district", "village")
    return RegionCode(**dict(zip(names[:depth], parts[:depth], strict=True)))


@pytest.mark.property
@given(code=region_codes())
def test_region_round_trip_from_value(code):
    """parse_region_code(format_region_code(c)) == c for every valid code."""
    assert parse_region_code(format_region_code(code)) == code


@pytest.mark.property
@given(text=st.from_regex(r"[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?", fullmatch=True))
def test_region_round_trip_from_text(text):
    """Every dotted code is either rejected or reproduced exactly, with a consistent parent."""
    try:
        code = parse_region_code(text)
    except ParseError:
        return
    assert format_region_code(code) == text
    if code.parent is not None:
        assert text.startswith(str(code.parent) + ".")


@pytest.mark.property
@given(text=st.text(max_size=250))
def test_region_only_parse_error_escapes(text):
    """For any str, parse_region_code returns a RegionCode or raises ParseError."""
    try:
        code = parse_region_code(text)
    except ParseError:
        return
    assert str(code) == text.strip()


# --- APBD nomenclature codes ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "parts", "level", "programme_code"),
    [
        ("1", ("1", None, None, None, None), ApbdLevel.AFFAIR, None),
        ("1.03", ("1", "03", None, None, None), ApbdLevel.FIELD, None),
        ("1.03.05", ("1", "03", "05", None, None), ApbdLevel.PROGRAMME, "1.03.05"),
        ("1.03.05.2.01", ("1", "03", "05", "2.01", None), ApbdLevel.ACTIVITY, "1.03.05"),
        (
            "1.03.05.2.01.0044",
            ("1", "03", "05", "2.01", "0044"),
            ApbdLevel.SUB_ACTIVITY,
            "1.03.05",
        ),
        ("1.03.06", ("1", "03", "06", None, None), ApbdLevel.PROGRAMME, "1.03.06"),
        ("1.03.04", ("1", "03", "04", None, None), ApbdLevel.PROGRAMME, "1.03.04"),
    ],
)
def test_parse_apbd_code(text, parts, level, programme_code):
    """Every level of U.BB.PP.K.KK.SSSS parses into parts and formats back unchanged."""
    code = parse_apbd_code(text)
    assert (code.affair, code.field, code.programme, code.activity, code.sub_activity) == parts
    assert code.level is level
    assert code.programme_code == programme_code
    assert format_apbd_code(code) == text
    assert str(code) == text


def test_sub_sector_programmes():
    """The sanitation programmes of DOMAIN.md §4 map to their sub-sectors."""
    code = parse_apbd_code("1.03.05.2.01.0044")
    assert SUB_SECTOR_PROGRAMMES[code.programme_code or ""] == "wastewater"
    assert SUB_SECTOR_PROGRAMMES["1.03.06"] == "drainage"
    assert SUB_SECTOR_PROGRAMMES["1.03.04"] == "solid_waste"
    with pytest.raises(TypeError):
        SUB_SECTOR_PROGRAMMES["1.03.07"] = "x"  # type: ignore[index]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "01",
        "1.3",
        "1.003",
        "1.03.5",
        "1.03.05.2",
        "1.03.05.201",
        "1.03.05.2.1",
        "1.03.05.02.01",
        "1.03.05.2.01.044",
        "1.03.05.2.01.00440",
        "1.03.05.2.01.0044.1",
        "1.03.05.2.01.",
        "103052010044",
        "X.XX.01",
    ],
)
def test_rejects_bad_apbd_codes(text):
    """Malformed APBD codes raise ParseError with a bilingual message."""
    with pytest.raises(ParseError) as info:
        parse_apbd_code(text)
    assert info.value.value == text
    assert info.value.expected.startswith("an APBD nomenclature code")
    assert info.value.text.id


@pytest.mark.parametrize("value", [None, 1, 1.03, b"1.03"])
def test_apbd_rejects_non_text(value):
    """Non-str input raises ParseError."""
    with pytest.raises(ParseError):
        parse_apbd_code(value)


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"affair": "10"}, "affair"),
        ({"affair": 1}, "affair"),
        ({"affair": "1", "field": "3"}, "field"),
        ({"affair": "1", "field": "03", "programme": "05", "activity": "201"}, "activity"),
        ({"affair": "1", "programme": "05"}, "field"),
        ({"affair": "1", "field": "03", "activity": "2.01"}, "programme"),
        (
            {"affair": "1", "field": "03", "programme": "05", "sub_activity": "0044"},
            "activity",
        ),
    ],
)
def test_apbd_constructor_validates(kwargs, path):
    """Building an ApbdCode with a bad part or a gap raises ValidationError with its path."""
    with pytest.raises(ValidationError) as info:
        ApbdCode(**kwargs)
    assert info.value.problems[0].path == path


_D = "0123456789"


@st.composite
def apbd_codes(draw):
    """Valid APBD codes at every level."""
    parts = [
        draw(st.text(_D, min_size=1, max_size=1)),
        draw(st.text(_D, min_size=2, max_size=2)),
        draw(st.text(_D, min_size=2, max_size=2)),
        draw(st.from_regex(r"[0-9]\.[0-9]{2}", fullmatch=True)),
        draw(st.text(_D, min_size=4, max_size=4)),
    ]
    depth = draw(st.integers(1, 5))
    names = ("affair", "field", "programme", "activity", "sub_activity")
    return ApbdCode(**dict(zip(names[:depth], parts[:depth], strict=True)))


@pytest.mark.property
@given(code=apbd_codes())
def test_apbd_round_trip_from_value(code):
    """parse_apbd_code(format_apbd_code(c)) == c for every valid code."""
    assert parse_apbd_code(format_apbd_code(code)) == code


@pytest.mark.property
@given(
    text=st.from_regex(
        r"[0-9](\.[0-9]{2}(\.[0-9]{2}(\.[0-9]\.[0-9]{2}(\.[0-9]{4})?)?)?)?", fullmatch=True
    )
)
def test_apbd_round_trip_from_text(text):
    """Every well-formed APBD code text is reproduced exactly."""
    assert format_apbd_code(parse_apbd_code(text)) == text


@pytest.mark.property
@given(text=st.text(max_size=250))
def test_apbd_only_parse_error_escapes(text):
    """For any str, parse_apbd_code returns an ApbdCode or raises ParseError."""
    try:
        code = parse_apbd_code(text)
    except ParseError:
        return
    assert str(code) == text.strip()
