"""Scalars: the values every other strategy is built from.

Non-blank texts, record identifiers, programme years and dates, exact decimals (money,
percentages, scores), URLs, village codes, and the real kabupaten/kota of the shipped registry;
with the small helpers the other parts share (``None`` or a value, short tuples, unique ids).
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar

from hypothesis import strategies as st

from sanitasi_core.codes import RegionKind
from sanitasi_core.model import Region
from sanitasi_core.regions import Province, Regency, default_registry

__all__ = [
    "dates",
    "decimals",
    "identifiers",
    "money",
    "percentages",
    "regions",
    "texts",
    "years",
]

T = TypeVar("T")

_MAX_ITEMS = 3  # keeps generated dossiers small enough to be fast


@functools.cache
def _maybe(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    """Return ``None`` (unknown) or a value of *strategy*."""
    return st.none() | strategy


@functools.cache
def _small_tuples(
    strategy: st.SearchStrategy[T], *, min_size: int = 0, max_size: int = _MAX_ITEMS
) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, min_size=min_size, max_size=max_size).map(tuple)


_WORDS = (
    "Kabupaten Sungai Lestari",
    "Pokja PKP",
    "Bappeda",
    "Dinas PUPR",
    "Dinas Kesehatan",
    "Sekretaris Daerah",
    "Bupati",
    "Rakor Pokja PKP",
    "Layanan lumpur tinja terjadwal (LLTT)",
    "TPS3R Desa Maju",
    "Kecamatan Long Bagun",
    "Kaltim Post, 22 Juli 2024",
    "NAWASIS",
    "Ujoh Bilang",
    "Pembangunan IPLT",
    "Peraturan Bupati tentang paket kebijakan sanitasi",
    "Komitmen bupati 2024",
    "Evaluasi uji coba",
    "Perluasan layanan",
)


@functools.cache
def texts(*, max_size: int = 12) -> st.SearchStrategy[str]:
    """Non-blank text: programme vocabulary or any printable Unicode, never only spaces.

    Args:
        max_size: the most characters of free text.
    """
    # A first character that is not whitespace keeps the text non-blank without filtering.
    first = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp"))
    rest = st.text(
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=max_size - 1
    )
    free = st.builds(operator.add, first, rest)
    return st.sampled_from(_WORDS) | free


_ID_STEMS = ("lltt", "spald", "tps3r", "iplt", "act", "mon", "sm", "r", "ev", "x")


@functools.cache
def identifiers() -> st.SearchStrategy[str]:
    """Record identifiers such as ``lltt-2024`` (lowercase ASCII, digits and dashes)."""
    readable = st.builds("{}-{}".format, st.sampled_from(_ID_STEMS), st.integers(0, 2030))
    return readable | st.from_regex(r"[a-z][a-z0-9-]{0,11}", fullmatch=True)


@functools.cache
def years(min_year: int = 2010, max_year: int = 2035) -> st.SearchStrategy[int]:
    """Programme years (the model accepts 1945-2100; the programme runs from 2010).

    Args:
        min_year: the earliest year.
        max_year: the latest year.
    """
    return st.integers(min_year, max_year)


@functools.cache
def dates(min_year: int = 2010, max_year: int = 2035) -> st.SearchStrategy[dt.date]:
    """Plain dates (never ``datetime``) within the given years.

    Args:
        min_year: the earliest year.
        max_year: the latest year.
    """
    return st.dates(dt.date(min_year, 1, 1), dt.date(max_year, 12, 31))


@functools.cache
def decimals(
    *, min_value: int = 0, max_value: int = 100, max_places: int = 2
) -> st.SearchStrategy[Decimal]:
    """Finite decimals in [*min_value*, *max_value*] with at most *max_places* places.

    Built from integers (``Decimal(n).scaleb(-places)``), never from floats.

    Args:
        min_value: the smallest value.
        max_value: the largest value.
        max_places: the most decimal places.
    """

    @st.composite
    def build(draw: st.DrawFn) -> Decimal:
        places = draw(st.integers(0, max_places))
        scale = 10**places
        units = draw(st.integers(min_value * scale, max_value * scale))
        return Decimal(units).scaleb(-places)

    return build()


@functools.cache
def money() -> st.SearchStrategy[Decimal]:
    """Rupiah amounts: 0 to 10 trillion, with at most two places (sen)."""
    return decimals(min_value=0, max_value=10**13, max_places=2)


@functools.cache
def percentages() -> st.SearchStrategy[Decimal]:
    """Percentages in [0, 100] with at most two places."""
    return decimals(min_value=0, max_value=100, max_places=2)


@functools.cache
def _scores() -> st.SearchStrategy[Decimal]:
    steps = st.sampled_from((0, 50, 75, 100)).map(Decimal)
    return steps | percentages()


@functools.cache
def _urls() -> st.SearchStrategy[str]:
    return st.from_regex(r"https://example\.org/[a-z0-9-]{1,20}", fullmatch=True)


@functools.cache
def _village_codes() -> st.SearchStrategy[str]:
    # Province 11-99 (two digits, never 10 or below), district 01-69, village desa/kelurahan.
    return st.from_regex(
        r"(1[1-9]|[2-9][0-9])\.[0-6][1-9]\.[0-9][1-9]\.[12][0-9]{3}", fullmatch=True
    )


@functools.cache
def _unique_ids(min_size: int, max_size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(identifiers(), min_size=min_size, max_size=max_size, unique=True)


def _unique(
    records: tuple[T, ...] | None, key: Callable[[T], object | None]
) -> tuple[T, ...] | None:
    """Keep the first record of each natural key (the model refuses repeated keys)."""
    if records is None:
        return None
    seen: set[object] = set()
    out = []
    for record in records:
        k = key(record)
        if k is not None and k in seen:
            continue
        seen.add(k)
        out.append(record)
    return tuple(out)


@functools.cache
def regions() -> st.SearchStrategy[Region]:
    """Real kabupaten/kota from the shipped registry (read on first draw, not at import)."""

    def from_registry() -> st.SearchStrategy[Region]:
        regencies = default_registry().regencies()
        return st.sampled_from(regencies).map(lambda r: Region(code=r.code, name=r.name))

    return st.deferred(from_registry)


@functools.cache
def _registry_regions() -> tuple[tuple[Regency, ...], tuple[Regency, ...], tuple[Province, ...]]:
    """The kabupaten, the kota and the provinces of the shipped registry (read on first call)."""
    registry = default_registry()
    regencies = registry.regencies()
    return (
        tuple(r for r in regencies if r.kind is RegionKind.KABUPATEN),
        tuple(r for r in regencies if r.kind is RegionKind.KOTA),
        registry.provinces(),
    )
