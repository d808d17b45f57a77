"""Tests of Rupiah parsing and formatting (sanitasi_core.rupiah)."""

from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from sanitasi_core import testing as text_strategies
from sanitasi_core.exceptions import ParseError, ValidationError
from sanitasi_core.rupiah import (
    SCALES,
    Amount,
    format_amount,
    format_rupiah,
    parse_amount,
    parse_percent,
    parse_rupiah,
    words_for,
)


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
        ("Rp5 m", "not a known scale word"),
        ("5 M", "only after Rp or IDR"),
        ("Rp5 triliu", "truncated"),
        ("Rp 25.000/bulan", "parse_amount"),
        ("$0,12JT", "foreign currency"),
        ("US$ 5", "foreign currency"),
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
    exponent = result.as_tuple().exponent
    assert isinstance(exponent, int)  # a finite number, not NaN or infinity
    assert exponent >= -2


# --------------------------------------------------------------------------------------------
# Real-world forms (domain research, part 2, §5)
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "period", "words"),
    [
        # scale words in any case and spelling
        ("Rp 5 Miliar", "5000000000", None, None),
        ("Rp 5 MILIAR", "5000000000", None, None),
        ("Rp1,2 trilyun", "1200000000000", None, None),
        ("Rp1,2 TRILIUN", "1200000000000", None, None),
        ("Rp 19 M", "19000000000", None, None),
        ("Rp 1,5 T", "1500000000000", None, None),
        ("IDR 19 M", "19000000000", None, None),
        ("Rp5 ribu", "5000", None, None),
        ("Rp5rb", "5000", None, None),
        ("Rp 2 jt", "2000000", None, None),
        ("Rp 2,5 JT", "2500000", None, None),
        # a trailing ",-"
        ("Rp 215.000,-", "215000", None, None),
        # the amount followed by words
        ("Rp. 100.000.000,- (seratus juta rupiah)", "100000000", None, "seratus juta rupiah"),
        (
            "Rp 215.000 (DUA RATUS LIMA BELAS RIBU RUPIAH)",
            "215000",
            None,
            "DUA RATUS LIMA BELAS RIBU RUPIAH",
        ),
        ("Rp 1.200 (seribu dua ratus)", "1200", None, "seribu dua ratus"),
        ("48 miliar rupiah", "48000000000", None, None),
        ("Rp 5 juta rupiah", "5000000", None, None),
        # per-period suffixes, kept apart from the amount
        ("Rp 25.000/bulan", "25000", "bulan", None),
        ("Rp 25.000 / bulan", "25000", "bulan", None),
        ("Rp 5 juta per tahun", "5000000", "tahun", None),
        ("Rp 5 juta/thn", "5000000", "tahun", None),
        ("Rp 10.000/hari", "10000", "hari", None),
        (
            "Rp 2.500 (dua ribu lima ratus rupiah)/bulan",
            "2500",
            "bulan",
            "dua ribu lima ratus rupiah",
        ),
        ("Rp696 miliar", "696000000000", None, None),
        ("Rp16,6 triliun", "16600000000000", None, None),
    ],
)
def test_parse_amount_real_world_forms(text, value, period, words):
    """Every Rupiah form of the research note parses, keeping the period and the words."""
    assert parse_amount(text) == Amount(value=Decimal(value), period=period, words=words)


def test_parse_rupiah_reads_the_new_forms_and_refuses_a_period():
    """parse_rupiah stays a Decimal reader of the new forms, but will not drop a period."""
    assert parse_rupiah("Rp 19 M") == Decimal("19000000000")
    assert parse_rupiah("Rp. 100.000.000,- (seratus juta rupiah)") == Decimal(100000000)
    with pytest.raises(ParseError) as info:
        parse_rupiah("Rp 25.000/bulan")
    assert "parse_amount" in info.value.text.en
    assert "parse_amount" in info.value.text.id


@pytest.mark.parametrize(
    ("text", "reason_en", "reason_id"),
    [
        ("$0,12JT", "foreign currency ('$')", "mata uang asing"),
        ("US$ 5", "foreign currency ('US$')", "mata uang asing"),
        ("USD 5.000", "foreign currency ('USD')", "mata uang asing"),
        ("5.000 USD", "foreign currency ('USD')", "mata uang asing"),
        ("EUR 5", "foreign currency", "mata uang asing"),
        ("Rp 5 triliu", "'triliu' is truncated ('triliun'?)", "terpotong"),
        ("Rp 5 milia", "truncated ('miliar'?)", "terpotong"),
        ("Rp 5 jut", "truncated ('juta'?)", "terpotong"),
        ("Rp5 million", "'million' is not a known scale word", "bukan satuan"),
        ("Rp5 K", "'K' is not a known scale word", "bukan satuan"),
        ("19 M", "only after Rp or IDR", "sesudah Rp"),
        ("Rp 5 juta (enam juta rupiah)", "the words say 6000000", "terbilangnya 6000000"),
        ("Rp 5 juta (termasuk pajak)", "not a number in Indonesian words", "terbilang"),
        ("Rp 5 juta per orang", "'orang' is not a known period", "bukan periode"),
        ("Rp 5,50 (lima rupiah)", "the words say 5", "terbilangnya 5"),
        ("Rp 5 juta/bulan extra", "not a recognised Rupiah amount", "bukan jumlah Rupiah"),
    ],
)
def test_parse_amount_refuses_with_the_reason(text, reason_en, reason_id):
    """Other currencies, unknown or truncated scale words and wrong words say why."""
    with pytest.raises(ParseError) as info:
        parse_amount(text)
    assert reason_en in info.value.text.en
    assert reason_id in info.value.text.id
    assert info.value.value == text


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"value": 5}, "value"),
        ({"value": Decimal("NaN")}, "value"),
        ({"value": Decimal(5), "period": "bln"}, "period"),
        ({"value": Decimal(5), "words": "enam rupiah"}, "words"),
        ({"value": Decimal(5), "words": "lima  rupiah"}, "words"),
        ({"value": Decimal(5), "words": "five"}, "words"),
        ({"value": Decimal("5.5"), "words": "lima rupiah"}, "words"),
    ],
)
def test_amount_is_validated(kwargs, problem):
    """An Amount holds a finite Decimal, a known period, and words that say its value."""
    with pytest.raises(ValidationError) as info:
        Amount(**kwargs)
    assert info.value.problems[0].path == problem


def test_format_amount():
    """format_amount writes the figure, then the words in parentheses, then the period."""
    amount = Amount(value=Decimal(100000000), words="seratus juta rupiah", period="bulan")
    assert format_amount(amount) == "Rp100.000.000 (seratus juta rupiah)/bulan"
    assert format_amount(Amount(value=Decimal("2.5"))) == "Rp2,50"
    assert format_amount(Amount(value=Decimal(485900000000)), scale="miliar") == "Rp485,9 miliar"
    with pytest.raises(ValidationError):
        format_amount(Decimal(5))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("0", "nol rupiah"),
        ("11", "sebelas rupiah"),
        ("1000", "seribu rupiah"),
        ("215000", "dua ratus lima belas ribu rupiah"),
        ("100000000", "seratus juta rupiah"),
        ("1000000", "satu juta rupiah"),
        ("2.5", None),
        ("-5", None),
        ("1000000000000000", None),
    ],
)
def test_words_for(value, words):
    """words_for spells whole amounts below 10^15 in Indonesian words (terbilang)."""
    assert words_for(Decimal(value)) == words


@pytest.mark.property
@given(amount=text_strategies.amounts())
def test_amount_round_trip(amount):
    """parse_amount(format_amount(a)) == a for every amount, period and words included."""
    assert parse_amount(format_amount(amount)) == amount


@pytest.mark.property
@given(
    amount=text_strategies.amounts(),
    prefix=st.sampled_from(["Rp", "Rp ", "Rp.", "Rp. ", "IDR "]),
    scale=st.sampled_from([None, *SCALES]),
)
def test_amount_round_trip_with_prefix_and_scale(amount, prefix, scale):
    """format_amount with any prefix and scale reads back equal."""
    written = format_amount(amount, prefix=prefix, scale=scale)
    if len(written) <= 200:
        assert parse_amount(written) == amount


@pytest.mark.property
@given(text=text_strategies.amount_texts())
def test_generated_amount_texts_parse(text):
    """Every handwritten amount form of the strategy is read, and reads back after formatting."""
    amount = parse_amount(text)
    assert parse_amount(format_amount(amount)) == amount


@pytest.mark.property
@given(value=st.integers(0, 10**15 - 1))
def test_words_round_trip(value):
    """An amount written with its words reads back: the words say exactly the figure."""
    amount = Amount(value=Decimal(value), words=words_for(Decimal(value)))
    written = format_amount(amount)
    assume(len(written) <= 200)  # longer texts are refused before parsing
    assert parse_amount(written) == amount


@pytest.mark.property
@given(text=st.one_of(st.text(max_size=250), _MONEYISH))
def test_only_parse_error_escapes_amounts(text):
    """For any str, parse_amount returns an Amount or raises ParseError, nothing else."""
    try:
        result = parse_amount(text)
    except ParseError:
        return
    assert isinstance(result, Amount)


# --------------------------------------------------------------------------------------------
# Percentages
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("76,31%", "76.31"),
        ("95.40%", "95.40"),
        ("95.40 %", "95.40"),
        ("30 persen", "30"),
        ("30 PERSEN", "30"),
        ("100%", "100"),
        ("0,125%", "0.125"),
        ("-1,5%", "-1.5"),
        ("+2,3 %", "2.3"),
        ("5,86 persen", "5.86"),
    ],
)
def test_parse_percent(text, expected):
    """Percentages with either decimal mark and % or persen parse exactly, as written."""
    result = parse_percent(text)
    assert result == Decimal(expected)
    assert str(result) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1.250%", "exactly three digits"),
        ("1,250 persen", "exactly three digits"),
        ("76,31", "not a recognised percentage"),
        ("1.000,5%", "not a recognised percentage"),
        ("persen", "not a recognised percentage"),
        ("07%", "not a recognised percentage"),
        ("76,31%%", "not a recognised percentage"),
    ],
)
def test_parse_percent_refuses(text, reason):
    """Ambiguous or malformed percentages are refused, saying why."""
    with pytest.raises(ParseError) as info:
        parse_percent(text)
    assert reason in info.value.text.en
    assert info.value.text.id


@pytest.mark.property
@given(text=text_strategies.percent_texts())
def test_generated_percent_texts_parse(text):
    """Every percentage form of the strategy is read."""
    assert parse_percent(text) >= 0
