"""Tests of Rupiah parsing and formatting (sanitasi_core.rupiah)."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanitasi_core.exceptions import ParseError, ValidationError
from sanitasi_core.rupiah import SCALES, format_rupiah, parse_rupiah


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the spellings quoted in DOMAIN.md §7
        ("Rp1.250.000.000,00", "1250000000.00"),
        ("Rp 215.000", "215000"),
        ("Rp. 130.000,00", "130000.00"),
        ("Rp.1 . 800.000.000", "1800000000"),
        ("Rp117,797 miliar", "117797000000"),
        ("Rp485,9 miliar", "485900000000"),
        # scale words
        ("Rp5 ribu", "5000"),
        ("Rp2,5 juta", "2500000"),
        ("Rp3 milyar", "3000000000"),
        ("Rp1,2 triliun", "1200000000000"),
        ("Rp 1,5 JUTA", "1500000"),
        ("Rp1.250 miliar", "1250000000000"),
        ("Rp485,9miliar", "485900000000"),
        ("Rp1,23450 ribu", "1234.50"),
        ("Rp1,2345000 ribu", "1234.50"),
        ("Rp0,00000000000005 triliun", "0.05"),
        # prefixes, signs and other spellings
        ("IDR 215.000", "215000"),
        ("IDR215.000", "215000"),
        ("215.000", "215000"),
        ("rp 215.000", "215000"),
        ("-Rp215.000", "-215000"),
        ("- Rp 215.000,50", "-215000.50"),
        ("-215.000", "-215000"),
        ("Rp 215.000,-", "215000"),
        ("Rp1250000", "1250000"),
        ("Rp0", "0"),
        ("Rp0,5", "0.5"),
        ("-Rp0", "0"),
        ("  Rp\u00a0215.000  ", "215000"),
    ],
)
def test_parse_spellings(text, expected):
    """Every documented spelling parses to the exact Decimal, keeping written decimals."""
    result = parse_rupiah(text)
    assert isinstance(result, Decimal)
    assert result == Decimal(expected)
    assert str(result) == expected


def test_negative_zero_is_zero():
    """'-Rp0' gives a positive zero."""
    assert not parse_rupiah("-Rp0").is_signed()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Rp1.25", "three digits"),
        ("Rp1.2345", "three digits"),
        ("Rp1.", None),
        ("Rp1250.000", "three digits"),
        ("Rp01.000", "three digits"),
        ("Rp0.500", "three digits"),
        ("Rp007", "three digits"),
        ("1,250,000", None),
        ("Rp1,5,0", None),
        ("Rp1,250", "two digits"),
        ("Rp130.000,000", "two digits"),
        ("Rp1,2345678 ribu", "one sen"),
        ("Rp", None),
        ("Rp.", None),
        ("IDR", None),
        ("miliar", None),
        ("Rp miliar", None),
        ("", None),
        ("   ", None),
        ("Rp,50", None),
        ("Rp1 800", None),
        ("Rp5,- juta", None),
        ("Rp-215.000", None),
        ("(Rp215.000)", None),
        ("Rp5 M", None),
        ("Rp5 million", None),
        ("USD 5", None),
        ("Rp 1.5", "three digits"),
        ("Rp\u0661\u0662", None),
        ("Rp1e6", None),
        ("NaN", None),
    ],
)
def test_rejects_ambiguous_or_malformed(text, reason):
    """Ambiguous or malformed amounts raise ParseError with a bilingual message."""
    with pytest.raises(ParseError) as info:
        parse_rupiah(text)
    assert info.value.value == text
    assert info.value.expected.startswith("a Rupiah amount")
    assert info.value.text.id
    if reason is not None:
        assert reason in info.value.text.en


@pytest.mark.parametrize("value", [None, 215000, 215000.0, Decimal(215000), b"Rp1"])
def test_rejects_non_text(value):
    """Non-str input raises ParseError, not TypeError or AttributeError."""
    with pytest.raises(ParseError):
        parse_rupiah(value)


def test_rejects_long_input():
    """Texts over 200 characters are rejected before any parsing."""
    with pytest.raises(ParseError):
        parse_rupiah("Rp" + "1" * 250)


@pytest.mark.parametrize(
    ("amount", "kwargs", "expected"),
    [
        ("1250000000", {}, "Rp1.250.000.000,00"),
        ("215000", {"prefix": "Rp ", "decimals": 0}, "Rp 215.000"),
        ("130000", {"prefix": "Rp. "}, "Rp. 130.000,00"),
        ("215000", {"prefix": "IDR "}, "IDR 215.000,00"),
        ("215000", {"prefix": ""}, "215.000,00"),
        ("-215000.5", {}, "-Rp215.000,50"),
        ("0.05", {}, "Rp0,05"),
        ("-0", {}, "Rp0,00"),
        ("999", {"decimals": 0}, "Rp999"),
        ("1000", {"decimals": 0}, "Rp1.000"),
        ("1.5", {"decimals": 1}, "Rp1,5"),
        ("2.50E+3", {"decimals": 0}, "Rp2.500"),
        ("117797000000", {"scale": "miliar"}, "Rp117,797 miliar"),
        ("485900000000", {"scale": "miliar"}, "Rp485,9 miliar"),
        ("5000000", {"scale": "juta"}, "Rp5 juta"),
        ("1234.56", {"scale": "ribu"}, "Rp1,23456 ribu"),
        ("1250000000000", {"scale": "miliar"}, "Rp1.250 miliar"),
        ("3000000000000", {"scale": "triliun"}, "Rp3 triliun"),
        ("0.05", {"scale": "triliun"}, "Rp0,00000000000005 triliun"),
        ("-2500000", {"scale": "juta", "prefix": "IDR "}, "-IDR 2,5 juta"),
        ("0", {"scale": "ribu"}, "Rp0 ribu"),
    ],
)
def test_format_rupiah(amount, kwargs, expected):
    """format_rupiah writes dots for thousands, a decimal comma, and exact scaled figures."""
    assert format_rupiah(Decimal(amount), **kwargs) == expected


def test_format_is_exact_beyond_context_precision():
    """Amounts with more digits than the decimal context precision are written exactly."""
    amount = Decimal("123456789012345678901234567890123.45")
    text = format_rupiah(amount)
    assert text == "Rp123.456.789.012.345.678.901.234.567.890.123,45"
    assert parse_rupiah(text) == amount
    assert parse_rupiah(format_rupiah(amount, scale="triliun")) == amount


@pytest.mark.parametrize(
    ("amount", "kwargs"),
    [
        (Decimal("1.005"), {}),
        (Decimal("0.5"), {"decimals": 0}),
        (Decimal("NaN"), {}),
        (Decimal("Infinity"), {}),
        (1000, {}),
        (1000.0, {}),
        ("1000", {}),
        (Decimal(1), {"decimals": -1}),
        (Decimal(1), {"decimals": 3}),
        (Decimal(1), {"decimals": True}),
        (Decimal(1), {"decimals": 2.0}),
        (Decimal(1), {"scale": "milyar"}),
        (Decimal(1), {"scale": "M"}),
    ],
)
def test_format_rejects_bad_arguments(amount, kwargs):
    """Non-Decimal or non-finite amounts, bad options, and rounding raise ValidationError."""
    with pytest.raises(ValidationError) as info:
        format_rupiah(amount, **kwargs)
    assert info.value.problems[0].text.id


_CENTS = st.decimals(
    min_value=Decimal("-1e18"), max_value=Decimal("1e18"), places=2, allow_nan=False
)


@pytest.mark.property
@given(amount=_CENTS, prefix=st.sampled_from(["Rp", "Rp ", "Rp.", "Rp. ", "IDR ", ""]))
def test_round_trip_without_scale(amount, prefix):
    """parse_rupiah reads back format_rupiah for every amount with at most two places."""
    assert parse_rupiah(format_rupiah(amount, prefix=prefix)) == amount


@pytest.mark.property
@given(amount=st.decimals(min_value=-(10**15), max_value=10**15, places=0))
def test_round_trip_whole_rupiah(amount):
    """Whole amounts round-trip with no decimals written."""
    assert parse_rupiah(format_rupiah(amount, decimals=0)) == amount


@pytest.mark.property
@given(
    amount=_CENTS,
    scale=st.sampled_from(sorted(SCALES)),
    prefix=st.sampled_from(["Rp", "Rp ", "Rp.", "Rp. ", "IDR ", ""]),
)
def test_round_trip_with_scale(amount, scale, prefix):
    """parse_rupiah reads back format_rupiah for every scale and prefix."""
    assert parse_rupiah(format_rupiah(amount, prefix=prefix, scale=scale)) == amount


_MONEYISH = st.lists(
    st.sampled_from(
        [*"0123456789.,- ", "Rp", "Rp.", "IDR", "ribu", "juta", "miliar", "milyar", "triliun"]
    ),
    max_size=20,
).map("".join)


@pytest.mark.property
@given(text=st.one_of(st.text(max_size=250), _MONEYISH))
def test_only_parse_error_escapes(text):
    """For any str, parse_rupiah returns a Decimal with at most two places or raises ParseError."""
    try:
        result = parse_rupiah(text)
    except ParseError:
        return
    assert isinstance(result, Decimal)
    assert result.as_tuple().exponent >= -2
