"""Indonesian text forms of dates, amounts and codes: strings the parsers accept, and values.

Dates and ranges of days (:mod:`sanitasi_core.dates`), Rupiah amounts and percentages
(:mod:`sanitasi_core.rupiah`), region and APBD codes (:mod:`sanitasi_core.codes`). Each
``*_texts()`` strategy draws strings half written by the library's formatter, half by hand in
the spellings found in real documents. Decree numbers and regulations are in ``_decrees``.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from decimal import Decimal

from hypothesis import strategies as st

from sanitasi_core.codes import ApbdCode, RegionCode, format_apbd_code, format_region_code
from sanitasi_core.dates import DateRange, IndonesianParserInfo, format_date, format_date_range
from sanitasi_core.rupiah import PERIODS, SCALES, Amount, format_amount, format_rupiah, words_for
from sanitasi_core.testing._scalars import regions

__all__ = [
    "amount_texts",
    "amounts",
    "apbd_code_texts",
    "apbd_codes",
    "date_range_texts",
    "date_ranges",
    "date_texts",
    "percent_texts",
    "region_code_texts",
    "region_codes",
    "rupiah_texts",
]

_SPACES = st.sampled_from((" ", " ", " ", "  ", "\t"))
_EDGE_SPACES = st.sampled_from(("", "", "", " ", "  ", "\t", "\n", " \t "))
_CASES: tuple[Callable[[str], str], ...] = (str, str, str.upper, str.lower, str.title)
# Ranges and regulations are drawn in other proportions, and never in title case.
_FEWER_CASES: tuple[Callable[[str], str], ...] = (str, str, str, str.upper, str.lower)
_SANITATION_PROGRAMMES = ("1.03.04", "1.03.05", "1.03.06")


def _glue(draw: st.DrawFn, *parts: str) -> str:
    """Join non-empty *parts* with drawn whitespace (one space, two, or a tab)."""
    return "".join(
        part if index == 0 else draw(_SPACES) + part
        for index, part in enumerate(p for p in parts if p)
    )


def _surrounded(draw: st.DrawFn, text: str) -> str:
    """Return *text* with drawn whitespace around it (every parser ignores it)."""
    return draw(_EDGE_SPACES) + text + draw(_EDGE_SPACES)


@st.composite
def _spaced(draw: st.DrawFn, texts: st.SearchStrategy[str]) -> str:
    return _surrounded(draw, draw(texts))


# --------------------------------------------------------------------------------------------
# Dates and ranges of days
# --------------------------------------------------------------------------------------------


@st.composite
def _handwritten_date(draw: st.DrawFn, days: st.SearchStrategy[dt.date]) -> str:
    day = draw(days)
    year = f"{day.year:04d}"
    day_text = draw(st.sampled_from((str(day.day), f"{day.day:02d}")))
    weekday = None
    if draw(st.booleans()):
        weekday = draw(st.sampled_from(IndonesianParserInfo.WEEKDAYS[day.weekday()]))
        if "'" in weekday and draw(st.booleans()):
            weekday = weekday.replace("'", "\u2019")  # a typographic apostrophe
    form = draw(st.sampled_from(("long", "numeric", "news")))
    if form == "long":
        month = draw(st.sampled_from(IndonesianParserInfo.MONTHS[day.month - 1]))
        dot = draw(st.sampled_from(("", ".")))
        body = _glue(draw, day_text, month + dot, year)
    else:
        month_text = draw(st.sampled_from((str(day.month), f"{day.month:02d}")))
        separator = draw(st.sampled_from(("/", "-")))
        body = f"{day_text}{separator}{month_text}{separator}{year}"
        if form == "news":
            body = f"({body})"
    prefix = draw(st.sampled_from(("", "", "tanggal ", "tgl ", "tgl. ", "tgl.")))
    body = prefix + body
    if weekday is not None:
        lead = draw(st.sampled_from(("", "hari ")))
        after = ", " if form == "long" else draw(st.sampled_from((" ", ", ")))
        if form == "news" and not prefix and draw(st.booleans()):
            after = ""  # "Rabu(17/9/2025)"
        body = f"{lead}{weekday}{after}{body}"
    return _surrounded(draw, draw(st.sampled_from(_CASES))(body))


@functools.cache
def date_texts(min_year: int = 1, max_year: int = 9999) -> st.SearchStrategy[str]:
    """Indonesian dates that :func:`~sanitasi_core.dates.parse_date` reads without a reference.

    Half come from :func:`~sanitasi_core.dates.format_date` (long or numeric style, with or
    without the weekday), half are written by hand: abbreviated and old month names
    (``Agt.``, ``Nopember``), ``tgl``/``tanggal``/``hari`` filler words, ``Jum'at`` with either
    apostrophe, zero-padded days, ``-`` or ``/``, the news form ``Rabu (17/9/2025)``, any letter
    case and extra whitespace. A weekday, when written, is the right one.

    Args:
        min_year: the earliest year (at least 1).
        max_year: the latest year (at most 9999).
    """
    days = st.dates(dt.date(min_year, 1, 1), dt.date(max_year, 12, 31))
    written = st.builds(
        format_date,
        days,
        weekday=st.booleans(),
        style=st.sampled_from(("long", "numeric")),
    )
    return written | _handwritten_date(days)


_MONTHS_ID = (
    ("Januari", "Jan"),
    ("Februari", "Feb", "Pebruari"),
    ("Maret", "Mar"),
    ("April", "Apr"),
    ("Mei",),
    ("Juni", "Jun"),
    ("Juli", "Jul"),
    ("Agustus", "Agt", "Ags"),
    ("September", "Sep", "Sept"),
    ("Oktober", "Okt"),
    ("November", "Nov", "Nopember"),
    ("Desember", "Des"),
)
_MONTHS_EN = (
    ("January",),
    ("February",),
    ("March",),
    ("April",),
    ("May",),
    ("June",),
    ("July",),
    ("August", "Aug"),
    ("September",),
    ("October", "Oct"),
    ("November",),
    ("December", "Dec"),
)
_WEEKDAYS = (
    ("Senin", "Monday"),
    ("Selasa", "Tuesday"),
    ("Rabu", "Wednesday"),
    ("Kamis", "Thursday"),
    ("Jumat", "Jum'at", "Jum\u2019at", "Friday"),
    ("Sabtu", "Saturday"),
    ("Minggu", "Ahad", "Sunday"),
)
_DASHES = (
    "\u2013",
    "-",
    " - ",
    " \u2013 ",
    "\u2014",
    " s.d. ",
    " s/d ",
    " sampai dengan ",
    " hingga ",
)


@st.composite
def _date_range(draw: st.DrawFn, min_year: int, max_year: int) -> DateRange:
    start = draw(st.dates(dt.date(min_year, 1, 1), dt.date(max_year, 12, 31)))
    span = draw(st.sampled_from((0, 1, 1, 2, 5, 30, 400)) | st.integers(0, 60))
    last = dt.date(max_year, 12, 31)
    end = start + min(dt.timedelta(days=span), last - start)
    return DateRange(start=start, end=end)


@functools.cache
def date_ranges(min_year: int = 1000, max_year: int = 9999) -> st.SearchStrategy[DateRange]:
    """Ranges of days (:class:`~sanitasi_core.dates.DateRange`).

    One day, a few, across months and across years.

    Args:
        min_year: the earliest year.
        max_year: the latest year.
    """
    return _date_range(min_year, max_year)


@st.composite
def _handwritten_range(draw: st.DrawFn, ranges: st.SearchStrategy[DateRange]) -> str:
    days = draw(ranges)
    start, end = days.start, days.end
    months = _MONTHS_ID if draw(st.booleans()) else _MONTHS_EN

    def month(d: dt.date) -> str:
        return draw(st.sampled_from(months[d.month - 1]))

    dash = draw(st.sampled_from(_DASHES))
    tail = f"{end.day} {month(end)} {end.year:04d}"
    if start.year != end.year or draw(st.booleans()):
        head = f"{start.day} {month(start)} {start.year:04d}"
    elif start.month != end.month or draw(st.booleans()):
        head = f"{start.day} {month(start)}"
    else:
        head = str(start.day)
    text = f"{head}{dash}{tail}"
    if draw(st.booleans()):
        first = draw(st.sampled_from(_WEEKDAYS[start.weekday()]))
        last = draw(st.sampled_from(_WEEKDAYS[end.weekday()]))
        text = f"{first}{draw(st.sampled_from(_DASHES))}{last}, {text}"
    if start == end:
        text = format_date_range(days)
    return draw(st.sampled_from(_FEWER_CASES))(text)


@functools.cache
def date_range_texts(min_year: int = 1000, max_year: int = 9999) -> st.SearchStrategy[str]:
    """Ranges that :func:`~sanitasi_core.dates.parse_date_range` reads without a reference.

    Half from :func:`~sanitasi_core.dates.format_date_range`, half by hand: Indonesian or
    English month names (full or abbreviated), en dash, em dash, hyphen (spaced or not),
    ``s.d.``, ``s/d``, ``sampai dengan``, ``hingga``, the start's month and year written or
    left out, the two (correct) weekdays in front, any letter case.

    Args:
        min_year: the earliest year.
        max_year: the latest year.
    """
    ranges = date_ranges(min_year, max_year)
    return ranges.map(format_date_range) | _handwritten_range(ranges)


# --------------------------------------------------------------------------------------------
# Rupiah amounts and percentages
# --------------------------------------------------------------------------------------------

_SCALE_EXPONENTS = {**{str(word): power for word, power in SCALES.items()}, "milyar": 9}


@st.composite
def _handwritten_rupiah(draw: st.DrawFn) -> str:
    sign = draw(st.sampled_from(("", "", "-", "- ")))
    prefix = draw(
        st.sampled_from(("Rp", "Rp ", "Rp.", "Rp. ", "RP", "rp ", "IDR ", "idr", "Idr", ""))
    )
    integer = draw(st.integers(0, 10**4) | st.integers(0, 10**15))
    digits = str(integer)
    if integer >= 1000 and draw(st.booleans()):  # grouped by thousands, dots maybe spaced
        head = len(digits) % 3 or 3
        groups = [digits[:head], *(digits[i : i + 3] for i in range(head, len(digits), 3))]
        digits = draw(st.sampled_from((".", ".", " . ", ". "))).join(groups)
    scale = draw(st.none() | st.sampled_from(("ribu", "juta", "miliar", "milyar", "triliun")))
    if scale is None:
        fraction = draw(st.sampled_from(("", "", ",-", ",0", ",5", ",00", ",50", ",99")))
        tail = ""
    else:
        exponent = _SCALE_EXPONENTS[scale]
        places = draw(st.integers(0, exponent + 2))
        fraction = "," + draw(st.text("0123456789", min_size=places, max_size=places))
        fraction = "" if fraction == "," else fraction
        tail = draw(st.sampled_from(("", " ", "  "))) + draw(st.sampled_from(_CASES))(scale)
    return _surrounded(draw, f"{sign}{prefix}{digits}{fraction}{tail}")


@st.composite
def _written_rupiah(draw: st.DrawFn) -> str:
    scale = draw(st.none() | st.sampled_from(tuple(SCALES)))
    decimals = draw(st.integers(0, 2))
    sen = draw(st.integers(-(10**17), 10**17))
    amount = Decimal(sen).scaleb(-2)
    if scale is None:
        amount = amount.quantize(Decimal(1).scaleb(-decimals))
    prefix = draw(st.sampled_from(("Rp", "Rp ", "Rp.", "IDR ", "")))
    return format_rupiah(amount, prefix=prefix, decimals=decimals, scale=scale)


@functools.cache
def rupiah_texts() -> st.SearchStrategy[str]:
    """Rupiah amounts that :func:`~sanitasi_core.rupiah.parse_rupiah` reads.

    Half come from :func:`~sanitasi_core.rupiah.format_rupiah` (every prefix it documents,
    0-2 decimals, or a scale word), half are written by hand: ``Rp. 130.000,00``,
    ``Rp.1 . 800.000.000``, ``Rp 215.000,-``, ``IDR 5 juta``, ``Rp117,797 MILIAR``, ``milyar``,
    a leading minus, ungrouped digits, extra whitespace.
    """
    return _written_rupiah() | _handwritten_rupiah()


_WORDS_LENGTH = 120


@st.composite
def _amount(draw: st.DrawFn, *, negative: bool) -> Amount:
    sen = draw(st.integers(-(10**17) if negative else 0, 10**17) | st.integers(0, 10**9))
    value = Decimal(sen).scaleb(-2).normalize()
    if draw(st.booleans()):
        value = value.to_integral_value()
    words = words_for(value) if draw(st.booleans()) else None  # None unless whole and < 10^15
    if words is not None and len(words) > _WORDS_LENGTH:
        words = None  # a title of more than 200 characters is not read
    return Amount(value=value, period=draw(st.none() | st.sampled_from(PERIODS)), words=words)


@functools.cache
def amounts(*, negative: bool = True) -> st.SearchStrategy[Amount]:
    """Amounts (:class:`~sanitasi_core.rupiah.Amount`).

    Whole or with sen, with or without a period, and (for whole amounts) the amount in words.

    Args:
        negative: whether negative amounts are drawn.
    """
    return _amount(negative=negative)


_WORD_CASES: tuple[Callable[[str], str], ...] = (str, str.upper, str.title)
_SCALE_SPELLINGS = {
    "ribu": ("ribu", "rb", "RIBU", "Ribu"),
    "juta": ("juta", "jt", "Juta", "JUTA"),
    "miliar": ("miliar", "milyar", "Miliar", "MILIAR", "M"),
    "triliun": ("triliun", "trilyun", "Triliun", "T"),
}


@st.composite
def _handwritten_amount(draw: st.DrawFn) -> str:
    amount = draw(amounts(negative=False))
    prefix = draw(st.sampled_from(("Rp", "Rp ", "Rp.", "Rp. ", "IDR ", "RP ")))
    scale = draw(st.none() | st.sampled_from(tuple(SCALES)))
    written = format_amount(Amount(value=amount.value), prefix=prefix, scale=scale)
    if scale is not None:
        spelled = draw(st.sampled_from(_SCALE_SPELLINGS[scale]))
        written = written.removesuffix(f" {scale}") + draw(st.sampled_from((" ", ""))) + spelled
    elif amount.value == amount.value.to_integral_value() and draw(st.booleans()):
        written += ",-"
    if draw(st.booleans()):
        written += " rupiah"
    if amount.words is not None:
        words = draw(st.sampled_from(_WORD_CASES))(amount.words)
        written += f" ({words})"
    if amount.period is not None:
        written += draw(st.sampled_from(("/", " / ", " per ", "/"))) + amount.period
    return written


@functools.cache
def amount_texts() -> st.SearchStrategy[str]:
    """Rupiah amounts that :func:`~sanitasi_core.rupiah.parse_amount` reads.

    From :func:`~sanitasi_core.rupiah.format_amount`, or by hand: every scale spelling
    (``rb``, ``jt``, ``milyar``, ``M``, ``trilyun``, ``T``, any case), a closing ``,-``, the
    word ``rupiah``, the amount in words in parentheses, ``/bulan`` or ``per tahun``.
    """
    return amounts().map(format_amount) | _handwritten_amount()


@st.composite
def _percent(draw: st.DrawFn) -> tuple[str, Decimal]:
    integer = draw(st.integers(0, 100))
    places = draw(st.integers(0, 2))
    fraction = "".join(draw(st.sampled_from("0123456789")) for _ in range(places))
    mark = draw(st.sampled_from(",."))
    number = f"{integer}{mark}{fraction}" if fraction else str(integer)
    sign = draw(st.sampled_from(("%", "%", " %", " persen")))
    return number + sign, Decimal(f"{integer}.{fraction}" if fraction else str(integer))


@functools.cache
def percent_texts() -> st.SearchStrategy[str]:
    """Percentages that :func:`~sanitasi_core.rupiah.parse_percent` reads.

    ``76,31%``, ``95.40 %``, ``12 persen``: 0 to 100 with up to two decimals, either mark.
    """
    return _percent().map(lambda pair: pair[0])


# --------------------------------------------------------------------------------------------
# Region and APBD codes
# --------------------------------------------------------------------------------------------


@st.composite
def _region_code(draw: st.DrawFn) -> RegionCode:
    level = draw(st.integers(1, 4))
    province = draw(st.from_regex(r"1[1-9]|[2-9][0-9]", fullmatch=True))
    regency = draw(st.from_regex(r"0[1-9]|[1-6][0-9]|7[1-9]|[89][0-9]", fullmatch=True))
    district = draw(st.from_regex(r"0[1-9]|[1-9][0-9]", fullmatch=True))
    village = draw(st.from_regex(r"[12][0-9]{3}", fullmatch=True))
    return RegionCode(
        province=province,
        regency=regency if level >= 2 else None,
        district=district if level >= 3 else None,
        village=village if level >= 4 else None,
    )


@functools.cache
def region_codes() -> st.SearchStrategy[RegionCode]:
    """Kemendagri region codes (:class:`~sanitasi_core.codes.RegionCode`) of every level.

    The shape is valid; the region need not exist (see :func:`regions` for real ones).
    """
    return _region_code()


@functools.cache
def region_code_texts() -> st.SearchStrategy[str]:
    """Region codes that :func:`~sanitasi_core.codes.parse_region_code` reads.

    Written by :func:`~sanitasi_core.codes.format_region_code` from :func:`region_codes`, or
    real kab/kota codes of the shipped registry (``64.11``), with surrounding whitespace.
    """
    return _spaced(region_codes().map(format_region_code) | regions().map(lambda r: r.code))


@st.composite
def _apbd_code(draw: st.DrawFn) -> ApbdCode:
    level = draw(st.integers(1, 5))
    affair = draw(st.from_regex(r"[0-9]", fullmatch=True))
    parts = [
        draw(st.from_regex(r"[0-9]{2}", fullmatch=True)),
        draw(st.from_regex(r"[0-9]{2}", fullmatch=True)),
        draw(st.from_regex(r"[0-9]\.[0-9]{2}", fullmatch=True)),
        draw(st.from_regex(r"[0-9]{4}", fullmatch=True)),
    ]
    given: list[str | None] = [p if n + 2 <= level else None for n, p in enumerate(parts)]
    return ApbdCode(
        affair=affair,
        field=given[0],
        programme=given[1],
        activity=given[2],
        sub_activity=given[3],
    )


@functools.cache
def apbd_codes() -> st.SearchStrategy[ApbdCode]:
    """APBD nomenclature codes (:class:`~sanitasi_core.codes.ApbdCode`) of every level."""
    return _apbd_code()


@st.composite
def _sanitation_sub_activity(draw: st.DrawFn) -> str:
    programme = draw(st.sampled_from(_SANITATION_PROGRAMMES))
    activity = draw(st.integers(1, 2)), draw(st.integers(1, 20))
    number = draw(st.integers(1, 9999))
    return f"{programme}.{activity[0]}.{activity[1]:02d}.{number:04d}"


@functools.cache
def apbd_code_texts(*, spaced: bool = True) -> st.SearchStrategy[str]:
    """APBD codes that :func:`~sanitasi_core.codes.parse_apbd_code` reads.

    Sanitation sub-activities such as ``1.03.05.2.01.0044``, or codes of any level written by
    :func:`~sanitasi_core.codes.format_apbd_code` from :func:`apbd_codes`.

    Args:
        spaced: also draw surrounding whitespace (which the parser ignores).
    """
    codes = _sanitation_sub_activity() | apbd_codes().map(format_apbd_code)
    return _spaced(codes) if spaced else codes
