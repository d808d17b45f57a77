"""Hypothesis strategies for the real-world text forms: ranges, regulations, amounts, paragraphs.

To be folded into :mod:`sanitasi_core.testing`. Each ``*_texts()`` strategy gives strings the
matching parser reads; :func:`paragraphs` gives running text together with the mentions
:func:`~sanitasi_core.extract.extract` must find in it. Requires Hypothesis (the ``testing``
extra).
"""

import datetime as dt
import functools
from collections.abc import Callable
from decimal import Decimal

from hypothesis import strategies as st

from sanitasi_core._rupiah_words import LIMIT as _WORDS_LIMIT
from sanitasi_core.codes import RegionKind
from sanitasi_core.dates import (
    DateRange,
    ParsedDate,
    Zone,
    format_date,
    format_date_range,
)
from sanitasi_core.decrees import (
    DecreeNumber,
    Regulation,
    RegulationKind,
    format_decree_number,
    format_regulation,
)
from sanitasi_core.extract import Mention, MentionKind, MentionValue
from sanitasi_core.regions import Province, Regency, default_registry
from sanitasi_core.rupiah import PERIODS, SCALES, Amount, format_amount, words_for

__all__ = [
    "amount_texts",
    "amounts",
    "date_range_texts",
    "date_ranges",
    "paragraphs",
    "percent_texts",
    "regulation_texts",
    "regulations",
]

_CASES: tuple[Callable[[str], str], ...] = (str, str, str, str.upper, str.lower)
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


# --------------------------------------------------------------------------------------------
# Ranges of days
# --------------------------------------------------------------------------------------------


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
    return draw(st.sampled_from(_CASES))(text)


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
# Regulations
# --------------------------------------------------------------------------------------------

_MINISTRIES = (
    "Dalam Negeri",
    "Kesehatan",
    "Pekerjaan Umum dan Perumahan Rakyat",
    "Keuangan",
    "Lingkungan Hidup dan Kehutanan",
    "Perencanaan Pembangunan Nasional",
)
_SUBJECTS = (
    "Strategi Sanitasi Kabupaten",
    "Pengelolaan Air Limbah Domestik",
    "Retribusi Penyedotan Kakus",
    "Kelompok Kerja Perumahan dan Kawasan Permukiman",
)


@functools.cache
def _regions() -> tuple[tuple[Regency, ...], tuple[Regency, ...], tuple[Province, ...]]:
    registry = default_registry()
    regencies = registry.regencies()
    return (
        tuple(r for r in regencies if r.kind is RegionKind.KABUPATEN),
        tuple(r for r in regencies if r.kind is RegionKind.KOTA),
        registry.provinces(),
    )


@st.composite
def _issuer(draw: st.DrawFn, kind: RegulationKind) -> str | None:
    kabupaten_list, kota_list, province_list = _regions()
    kabupaten = st.sampled_from(kabupaten_list)
    kota = st.sampled_from(kota_list)
    provinces = st.sampled_from(province_list)
    if kind in (
        RegulationKind.PERPRES,
        RegulationKind.PP,
        RegulationKind.UU,
        RegulationKind.INPRES,
    ):
        return None
    if kind is RegulationKind.PERBUP:
        return draw(kabupaten).short_name
    if kind is RegulationKind.PERWALI:
        return draw(kota).short_name
    if kind is RegulationKind.PERGUB:
        return draw(provinces).name
    if kind is RegulationKind.PERMEN:
        return draw(st.sampled_from(_MINISTRIES))
    region = draw(
        kabupaten.map(lambda r: f"Kabupaten {r.short_name}")
        | kota.map(lambda r: f"Kota {r.short_name}")
        | provinces.map(lambda p: f"Provinsi {p.name}")
    )
    if kind is RegulationKind.INSTRUKSI:
        return draw(
            st.sampled_from(("Bupati", "Wali Kota", "Gubernur")).map(
                lambda office: f"{office} {region.split(' ', 1)[1]}"
            )
            | st.just("Menteri Dalam Negeri")
        )
    if kind is RegulationKind.SE:
        return draw(st.none() | st.just("Menteri Dalam Negeri") | st.just(f"Bupati {region}"))
    if kind is RegulationKind.PERDA and draw(st.integers(0, 9)) == 0:
        return None
    return region


_NUMBERS = st.one_of(
    st.integers(1, 999).map(str),
    st.integers(1, 99).map("{:02d}".format),
    st.tuples(st.integers(1, 99), st.sampled_from("ABC")).map(lambda t: f"{t[0]}{t[1]}"),
    st.tuples(st.integers(100, 999), st.integers(1, 9999)).map(lambda t: f"{t[0]}/{t[1]}/SJ"),
)


@st.composite
def _regulation(draw: st.DrawFn, *, subject: bool) -> Regulation:
    kind = draw(st.sampled_from(tuple(RegulationKind)))
    return Regulation(
        kind=kind,
        issuer=draw(_issuer(kind)),
        number=draw(_NUMBERS),
        year=draw(st.integers(1945, 2035)),
        subject=draw(st.none() | st.sampled_from(_SUBJECTS)) if subject else None,
    )


@functools.cache
def regulations(*, subject: bool = True) -> st.SearchStrategy[Regulation]:
    """Regulations (:class:`~sanitasi_core.decrees.Regulation`) of every kind.

    Issuers are real region names of the shipped registry (``Kabupaten Mahakam Ulu`` for a
    Perda, ``Mahakam Ulu`` for a Perbup), ministries for a Permen, none for national kinds;
    numbers such as ``47``, ``05``, ``12A``, ``440/1234/SJ``.

    Args:
        subject: whether some of them have a subject (*tentang …*).
    """
    return _regulation(subject=subject)


_SHORT = {
    RegulationKind.PERPRES: "Perpres",
    RegulationKind.INPRES: "Inpres",
    RegulationKind.PP: "PP",
    RegulationKind.UU: "UU",
}


@st.composite
def _handwritten_regulation(draw: st.DrawFn) -> str:
    regulation = draw(regulations(subject=False))
    title = format_regulation(regulation)
    kind, number, year = regulation.kind, regulation.number, regulation.year
    short = "/" not in number and kind not in (
        RegulationKind.LEMBARAN_DAERAH,
        RegulationKind.BERITA_DAERAH,
    )
    if short and kind in _SHORT and draw(st.booleans()):
        return f"{_SHORT[kind]} {number}/{year}"
    if short and regulation.issuer == "Dalam Negeri" and draw(st.booleans()):
        return f"Permendagri {number}/{year}"
    if kind is RegulationKind.PERWALI and draw(st.booleans()):
        title = title.replace("Wali Kota", "Walikota", 1)
    if draw(st.booleans()):
        style = draw(
            st.sampled_from(("Nomor : {} Tahun : {}", "NOMOR: {} TAHUN: {}", "No. {} Tahun {}"))
        )
        if kind in (RegulationKind.LEMBARAN_DAERAH, RegulationKind.BERITA_DAERAH):
            title = title.replace(
                f"Tahun {year} Nomor {number}", f"Tahun : {year} Nomor : {number}"
            )
        else:
            title = title.replace(f"Nomor {number} Tahun {year}", style.format(number, year))
    if draw(st.booleans()):
        title = title.replace(" Nomor", "\nNomor").replace(" Tahun", "\nTahun")
    return draw(st.sampled_from(_CASES[:4]))(title)


@functools.cache
def regulation_texts() -> st.SearchStrategy[str]:
    """Regulation titles that :func:`~sanitasi_core.decrees.parse_regulation` reads.

    From :func:`~sanitasi_core.decrees.format_regulation`, or by hand: in capitals,
    ``Walikota``, ``Nomor : 12A Tahun : 2010``, ``No. 5 Tahun 2020``, line breaks inside,
    and the short forms ``Perpres 12/2025``, ``Permendagri 86/2017``, ``Inpres``, ``PP``,
    ``UU``.
    """
    return regulations().map(format_regulation) | _handwritten_regulation()


# --------------------------------------------------------------------------------------------
# Amounts and percentages
# --------------------------------------------------------------------------------------------


@st.composite
def _amount(draw: st.DrawFn, *, negative: bool) -> Amount:
    sen = draw(st.integers(-(10**17) if negative else 0, 10**17) | st.integers(0, 10**9))
    value = Decimal(sen).scaleb(-2).normalize()
    if draw(st.booleans()):
        value = value.to_integral_value()
    words = words_for(value) if draw(st.booleans()) and 0 <= value < _WORDS_LIMIT else None
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


_WORDS_LENGTH = 120
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
# Paragraphs with known mentions
# --------------------------------------------------------------------------------------------

_FILLER = st.lists(
    st.sampled_from(
        ("rapat", "warga", "sanitasi", "kegiatan", "dengan", "untuk", "pada", "di", "dan", "yang")
    ),
    min_size=1,
    max_size=4,
).map(" ".join)
_Fragment = tuple[str, MentionKind, MentionValue]


@st.composite
def _date_fragment(draw: st.DrawFn) -> _Fragment:
    day = draw(st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31)))
    weekday = draw(st.booleans())
    style = draw(st.sampled_from(("long", "numeric")))
    time = draw(st.none() | st.times().map(lambda t: t.replace(microsecond=0)))
    zone: Zone | None = draw(st.none() | st.sampled_from(("WIB", "WITA", "WIT")))
    zone = None if time is None else zone
    text = format_date(day, weekday=weekday, style=style, time=time, zone=zone)  # type: ignore[arg-type]
    value = ParsedDate(date=day, weekday_given=weekday, year_given=True, time=time, zone=zone)
    return text, MentionKind.DATE, value


@st.composite
def _decree_fragment(draw: st.DrawFn) -> _Fragment:
    decree = DecreeNumber(
        archive_class=draw(st.sampled_from(("100.4.3", "100.9.3", "648", "800.1.2.5"))),
        sequence=f"{draw(st.integers(1, 9999)):03d}",
        kind="Kep",
        unit="Bangda",
        year=draw(st.integers(2000, 2035)),
        year_separator=draw(st.sampled_from(("/", " "))),
    )
    return format_decree_number(decree), MentionKind.DECREE, decree


@st.composite
def _region_fragment(draw: st.DrawFn) -> _Fragment:
    kabupaten, kota, provinces = _regions()
    region: Regency | Province = draw(
        st.sampled_from(kabupaten + kota) | st.sampled_from(provinces)
    )
    if isinstance(region, Province):
        return f"Provinsi {region.name}", MentionKind.REGION, region
    prefix = "Kabupaten" if region.kind is RegionKind.KABUPATEN else "Kota"
    return f"{prefix} {region.short_name}", MentionKind.REGION, region


_FRAGMENTS: st.SearchStrategy[_Fragment] = st.one_of(
    _date_fragment(),
    date_ranges(1990, 2035)
    .filter(lambda r: r.start < r.end)
    .map(lambda r: (format_date_range(r), MentionKind.DATE_RANGE, r)),
    amounts(negative=False).map(lambda a: (format_amount(a), MentionKind.AMOUNT, a)),
    _percent().map(lambda p: (p[0], MentionKind.PERCENT, p[1])),
    _decree_fragment(),
    regulations(subject=False).map(lambda r: (format_regulation(r), MentionKind.REGULATION, r)),
    _region_fragment(),
)


@st.composite
def _paragraph(draw: st.DrawFn, max_mentions: int) -> tuple[str, tuple[Mention, ...]]:
    fragments = draw(st.lists(_FRAGMENTS, min_size=1, max_size=max_mentions))
    text = draw(_FILLER).capitalize()
    mentions: list[Mention] = []
    for written, kind, value in fragments:
        text += " "
        start = len(text)
        text += written
        mentions.append(Mention(kind=kind, start=start, end=len(text), text=written, value=value))
        text += draw(st.sampled_from(("", "", ",", ";"))) + " " + draw(_FILLER)
    return text + ".", tuple(mentions)


@functools.cache
def paragraphs(max_mentions: int = 6) -> st.SearchStrategy[tuple[str, tuple[Mention, ...]]]:
    """Running text and the mentions :func:`~sanitasi_core.extract.extract` finds in it.

    Each paragraph mixes lower-case filler words with 1 to *max_mentions* mentions written by
    the library's formatters: dates (perhaps with weekday, time and zone), ranges, amounts,
    percentages, Kemendagri decree numbers, regulation titles and region names with their
    prefix (``Kabupaten …``, ``Kota …``, ``Provinsi …``). Every date has its year, so no
    reference date is needed.

    Args:
        max_mentions: the most mentions in one paragraph.

    Returns:
        Pairs ``(text, mentions)``, the mentions in text order with their offsets and values.
    """
    return _paragraph(max_mentions)
