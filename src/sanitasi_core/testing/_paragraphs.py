"""Paragraphs of running text, and the mentions :func:`~sanitasi_core.extract.extract` finds.

The mentions are written by the library's formatters (dates, ranges, amounts, percentages,
decree numbers, regulations, region names), so the expected result is known by construction.
"""

from __future__ import annotations

import datetime as dt
import functools

from hypothesis import strategies as st

from sanitasi_core.codes import RegionKind
from sanitasi_core.dates import ParsedDate, Zone, format_date, format_date_range
from sanitasi_core.decrees import DecreeNumber, format_decree_number, format_regulation
from sanitasi_core.extract import Mention, MentionKind, MentionValue
from sanitasi_core.regions import Province, Regency
from sanitasi_core.rupiah import format_amount
from sanitasi_core.testing._decrees import regulations
from sanitasi_core.testing._scalars import _registry_regions
from sanitasi_core.testing._text_forms import _percent, amounts, date_ranges

__all__ = ["paragraphs"]

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
    kabupaten, kota, provinces = _registry_regions()
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
