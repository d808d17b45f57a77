"""Finding the names of provinces and kabupaten/kota in running text, in one pass.

The index maps a name, as a tuple of lower-cased words, to the regions it may mean. The scan
walks the words of the text once and, at each word, tries names of at most a few words (the
longest name in the index), so it is linear in the text.

A name counts only when each of its words starts with a capital in the text (``Mahakam Ulu``,
``MAHAKAM ULU``; the lower-case ``dan`` inside ``Pangkajene dan Kepulauan`` excepted): in
lower case, *puncak* or *batu* are ordinary words. The prefixes ``Kabupaten``, ``Kab.``,
``Kota``, ``Kota Administrasi``, ``Provinsi``, ``Prov.``, ``Pemkab``, ``Pemkot`` and
``Pemprov`` (in any case) become part of the mention and say which kind of region is meant.
A few names that are also everyday words (``Batu``, ``Puncak``, ``Batang``, ``Banjar``,
``Buru``, ``Metro``, ``Bone``, ``Malaka``) count only after such a prefix.
"""

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Final

from sanitasi_core.codes import RegionKind
from sanitasi_core.regions import Province, Regency, RegionRegistry

__all__ = ["Region", "RegionIndex", "region_index"]

Region = Province | Regency

# Short forms in common use → the official name of what they stand for.
_REGENCY_ALIASES: Final[Mapping[str, str]] = {
    "Mahulu": "Kabupaten Mahakam Ulu",
    "Kukar": "Kabupaten Kutai Kartanegara",
    "Kubar": "Kabupaten Kutai Barat",
    "Kutim": "Kabupaten Kutai Timur",
    "PPU": "Kabupaten Penajam Paser Utara",
    "Kotim": "Kabupaten Kotawaringin Timur",
    "Kobar": "Kabupaten Kotawaringin Barat",
    "Gumas": "Kabupaten Gunung Mas",
    "Barut": "Kabupaten Barito Utara",
    "Bartim": "Kabupaten Barito Timur",
    "Barsel": "Kabupaten Barito Selatan",
    "Mura": "Kabupaten Murung Raya",
    "Pulpis": "Kabupaten Pulang Pisau",
    "Palangka Raya": "Kota Palangkaraya",
    "Tanbu": "Kabupaten Tanah Bumbu",
    "Batola": "Kabupaten Barito Kuala",
    "HSU": "Kabupaten Hulu Sungai Utara",
    "HST": "Kabupaten Hulu Sungai Tengah",
    "HSS": "Kabupaten Hulu Sungai Selatan",
}
_PROVINCE_ALIASES: Final[Mapping[str, str]] = {
    "DKI Jakarta": "31",
    "DKI": "31",
    "Jakarta": "31",
    "DI Yogyakarta": "34",
    "DIY": "34",
    "Yogyakarta": "34",
    "Bangka Belitung": "19",
    "Babel": "19",
    "Kepri": "21",
    "Sumut": "12",
    "Sumbar": "13",
    "Sumsel": "16",
    "Jabar": "32",
    "Jateng": "33",
    "Jatim": "35",
    "NTB": "52",
    "NTT": "53",
    "Kalbar": "61",
    "Kalteng": "62",
    "Kalsel": "63",
    "Kaltim": "64",
    "Kaltara": "65",
    "Sulut": "71",
    "Sulteng": "72",
    "Sulsel": "73",
    "Sultra": "74",
    "Sulbar": "76",
    "Malut": "82",
}
_PREFIX_ONLY: Final = frozenset(
    ("batu", "puncak", "batang", "banjar", "buru", "metro", "bone", "malaka")
)
_CONNECTORS: Final = frozenset(("dan",))

# Prefix words (lower case) → the kind of region they announce; "kab" and "prov" may take a dot.
_KABUPATEN: Final = "kabupaten"
_KOTA: Final = "kota"
_PROVINCE: Final = "province"
_PREFIXES: Final[Mapping[str, str]] = {
    "kabupaten": _KABUPATEN,
    "kab": _KABUPATEN,
    "pemkab": _KABUPATEN,
    "kota": _KOTA,
    "pemkot": _KOTA,
    "provinsi": _PROVINCE,
    "prov": _PROVINCE,
    "pemprov": _PROVINCE,
}
_DOTTED: Final = frozenset(("kab", "prov"))

# Where a mention may start: a capitalised word, or a prefix in any case.
_START: Final = re.compile(
    r"(?<![A-Za-z0-9\-'])(?:[A-Z][A-Za-z]*(?:-[A-Za-z]+)*"
    r"|(?i:kabupaten|kab|kota|provinsi|prov|pemkab|pemkot|pemprov)(?![A-Za-z\-]))"
)
_NEXT: Final = re.compile(r"(?P<gap>\.?\s{0,3})(?P<word>[A-Za-z]+(?:-[A-Za-z]+)*)")
_GAP: Final = re.compile(r"\s{1,3}")
_DOT_GAP: Final = re.compile(r"\.\s{0,3}|\s{1,3}")


def _key(name: str) -> tuple[str, ...]:
    return tuple(name.lower().split())


class RegionIndex:
    """The names of a registry's regions, ready to be found in text."""

    __slots__ = ("_bare", "_first", "_longest", "_named")

    def __init__(self, registry: RegionRegistry) -> None:
        named: dict[tuple[str, ...], list[Region]] = {}

        def add(name: str, region: Region) -> None:
            entries = named.setdefault(_key(name), [])
            if region not in entries:
                entries.append(region)

        for province in registry.provinces():
            add(province.name, province)
        for alias, code in _PROVINCE_ALIASES.items():
            if registry.has_province(code):
                add(alias, registry.province(code))
        for regency in registry.regencies():
            add(regency.short_name, regency)
        for alias, official in _REGENCY_ALIASES.items():
            for regency in registry.find(official):
                add(alias, regency)
        self._named: Mapping[tuple[str, ...], tuple[Region, ...]] = {
            key: tuple(sorted(regions, key=lambda r: r.code)) for key, regions in named.items()
        }
        self._bare = frozenset(k for k in self._named if " ".join(k) not in _PREFIX_ONLY)
        self._first = frozenset(k[0] for k in self._named)
        self._longest = max((len(k) for k in self._named), default=0)

    def scan(self, text: str) -> Iterator[tuple[int, int, Region | tuple[Region, ...]]]:
        """Yield ``(start, end, region)`` for each name found, left to right, not overlapping.

        *region* is the one region meant, or a tuple of the candidates (in code order) when a
        bare name is shared (``Bogor``: the kabupaten and the kota). Only capitalised words and
        prefixes are looked at, and from each at most a few words further.
        """
        resume = 0
        for match in _START.finditer(text):
            if match.start() < resume:
                continue
            found = self._at(text, match.start(), match.end(), match.group())
            if found is not None:
                start, end, regions = found
                yield start, end, regions[0] if len(regions) == 1 else regions
                resume = end

    def _at(
        self, text: str, start: int, end: int, word: str
    ) -> tuple[int, int, tuple[Region, ...]] | None:
        """The longest region mention starting with *word* at *start*: start, end, regions."""
        lowered = word.lower()
        prefix = _PREFIXES.get(lowered)
        if prefix is not None:
            following = _following(text, end, self._longest + 1, dotted=lowered in _DOTTED)
            if prefix == _KOTA and following and following[0][2].lower() == "administrasi":
                following = following[1:]
            named = self._name(following, prefixed=True)
            if named is not None:
                used, regions = named
                kept = tuple(r for r in regions if _kind(r) == prefix)
                if kept:
                    return start, following[used - 1][1], kept
        if lowered not in self._first or not word[0].isupper():
            return None
        words = [(start, end, word), *_following(text, end, self._longest - 1, dotted=False)]
        named = self._name(words, prefixed=False)
        if named is None:
            return None
        used, regions = named
        return start, words[used - 1][1], regions

    def _name(
        self, words: list[tuple[int, int, str]], *, prefixed: bool
    ) -> tuple[int, tuple[Region, ...]] | None:
        """The longest indexed name made of the first *words*: the words it takes, its regions."""
        best: tuple[int, tuple[Region, ...]] | None = None
        key: tuple[str, ...] = ()
        for offset, (_, _, word) in enumerate(words[: self._longest]):
            lowered = word.lower()
            if not word[0].isupper() and lowered not in _CONNECTORS:
                break
            key = (*key, lowered)
            if key in self._named and (prefixed or key in self._bare):
                best = offset + 1, self._named[key]
        return best


def _following(text: str, end: int, count: int, *, dotted: bool) -> list[tuple[int, int, str]]:
    """Up to *count* words after *end*, as ``(start, end, word)``.

    Each must follow a short run of whitespace; the first after ``Kab``/``Prov`` may follow a dot.
    """
    words: list[tuple[int, int, str]] = []
    for index in range(count):
        match = _NEXT.match(text, end)
        if match is None:
            break
        gap = _DOT_GAP if dotted and index == 0 else _GAP
        if gap.fullmatch(match["gap"]) is None:
            break
        words.append((match.start("word"), match.end("word"), match["word"]))
        end = match.end()
    return words


def _kind(region: Region) -> str:
    if isinstance(region, Province):
        return _PROVINCE
    return _KABUPATEN if region.kind is RegionKind.KABUPATEN else _KOTA


@functools.lru_cache(maxsize=8)
def region_index(registry: RegionRegistry) -> RegionIndex:
    """The index of *registry*, built once per registry."""
    return RegionIndex(registry)
