"""Finding dates, amounts, decree numbers, regulations and regions in running text.

:func:`extract` reads a news item, a report or the text of a decree and returns every
:class:`Mention` it finds, each with its character offsets (``text[m.start:m.end] == m.text``)
and its parsed value, read by the same parsers as elsewhere in the library:

- ``date``: ``18 Desember 2023``, ``Senin (15/7)``, ``Jumat (25/10/24)``, ``18-03-2021``,
  ``Feb 10, 2023``, with a time and zone when written (``| 10:03 WIB``); the value is a
  :class:`~sanitasi_core.dates.ParsedDate`;
- ``date_range``: ``13–14 Agustus 2025``, ``30 November - 2 Desember 2023``; a
  :class:`~sanitasi_core.dates.DateRange`;
- ``amount``: ``Rp 19 M``, ``Rp485,9 miliar``, ``48 miliar rupiah``, ``Rp 25.000/bulan``,
  ``Rp. 100.000.000,- (seratus juta rupiah)``; an :class:`~sanitasi_core.rupiah.Amount`;
- ``percent``: ``76,31%``, ``95.40 %``, ``30 persen``; a :class:`~decimal.Decimal`;
- ``decree``: ``100.4.3-1037/Kep/Bangda 2023``; a :class:`~sanitasi_core.decrees.DecreeNumber`;
- ``regulation``: ``Peraturan Bupati Mahakam Ulu Nomor 47 Tahun 2021``, ``Perpres 12/2025``;
  a :class:`~sanitasi_core.decrees.Regulation`;
- ``region``: ``Mahakam Ulu``, ``Kabupaten Mahakam Ulu``, ``Mahulu``, ``Kota Bogor``,
  ``Kalteng``, ``Provinsi Kalimantan Timur``; a :class:`~sanitasi_core.regions.Regency` or
  :class:`~sanitasi_core.regions.Province`, or a tuple of them for a shared name.

**What counts.** A candidate that looks like a form but does not parse (a weekday that
contradicts its date, a truncated year, words that disagree with the figure) is skipped, never
guessed. A date without a year counts only with *reference* (the publication date); an amount
needs ``Rp``/``IDR`` before it or ``rupiah`` after it (``5 juta`` alone may count people); a
numeric date without a four-digit year needs a weekday or parentheses (``1/2`` alone is a
fraction); a time needs ``pukul``, a colon after ``,``/``|``, or a zone. Region names count when
capitalised (see :mod:`sanitasi_core._extract_regions`); a bare name shared by several regions
(``Bogor``) gives the tuple of candidates, in code order, and a prefix (``Kota Bogor``) decides.

**Overlaps.** Each finder proposes its readings independently; then the **longest** reading
wins, and between readings of the same length the first kind in this order: date range, date,
regulation, decree, amount, percent, region. So a date range beats the dates inside it, and a
regulation title beats the region name inside it. The mentions returned never overlap and are in
text order.

**Cost.** Every pattern bounds its repetitions and never has two ways to split the same
characters, and each candidate is a bounded slice of text, so the time is linear in the length
of the text; no input makes it backtrack catastrophically.
"""

import datetime
import re
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from enum import StrEnum
from typing import Any, Final, TypeAlias

import attrs

from sanitasi_core import _dates_forms, _decrees_forms, _extract_patterns
from sanitasi_core._extract_regions import Region, region_index
from sanitasi_core._messages import text as _text
from sanitasi_core._rupiah_words import amount_in_words
from sanitasi_core.dates import DateRange, ParsedDate, parse_date, parse_date_range
from sanitasi_core.decrees import (
    DecreeNumber,
    Regulation,
    format_decree_number,
    format_regulation,
    parse_decree_number,
    parse_regulation,
)
from sanitasi_core.exceptions import ParseError, ValidationError
from sanitasi_core.regions import RegionRegistry, default_registry
from sanitasi_core.rupiah import Amount, format_amount, parse_amount, parse_percent

__all__ = ["Mention", "MentionKind", "MentionValue", "extract", "mention_data", "value_text"]


class MentionKind(StrEnum):
    """What a :class:`Mention` is."""

    DATE = "date"
    """A date (*tanggal*), perhaps with a time: :class:`~sanitasi_core.dates.ParsedDate`."""
    DATE_RANGE = "date_range"
    """A range of days: :class:`~sanitasi_core.dates.DateRange`."""
    AMOUNT = "amount"
    """A Rupiah amount: :class:`~sanitasi_core.rupiah.Amount`."""
    PERCENT = "percent"
    """A percentage: :class:`~decimal.Decimal` (``76,31%`` gives ``Decimal('76.31')``)."""
    DECREE = "decree"
    """A decree number: :class:`~sanitasi_core.decrees.DecreeNumber`."""
    REGULATION = "regulation"
    """A regulation title: :class:`~sanitasi_core.decrees.Regulation`."""
    REGION = "region"
    """A province or kabupaten/kota: :class:`~sanitasi_core.regions.Province`,
    :class:`~sanitasi_core.regions.Regency`, or a tuple of candidates for a shared name."""


MentionValue: TypeAlias = (
    ParsedDate
    | DateRange
    | Amount
    | Decimal
    | DecreeNumber
    | Regulation
    | Region
    | tuple[Region, ...]
)
"""What a :class:`Mention` holds, by kind (see :class:`MentionKind`)."""

# Between readings of the same length, the earlier kind wins.
_PRIORITY: Final = {
    kind: rank
    for rank, kind in enumerate(
        (
            MentionKind.DATE_RANGE,
            MentionKind.DATE,
            MentionKind.REGULATION,
            MentionKind.DECREE,
            MentionKind.AMOUNT,
            MentionKind.PERCENT,
            MentionKind.REGION,
        )
    )
}


def _check_offsets(instance: "Mention", attribute: "attrs.Attribute[int]", value: object) -> None:
    """Attrs validator: ``0 <= start < end`` and ``len(text) == end - start``."""
    start, text = instance.start, instance.text
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or isinstance(start, bool)
        or not isinstance(start, int)
        or not isinstance(text, str)
        or not 0 <= start < value
        or len(text) != value - start
    ):
        raise ValidationError.single(
            attribute.name,
            _text("mention_offsets", start=start, end=value, length=len(str(text))),
            "mention_offsets",
        )


@attrs.frozen(kw_only=True)
class Mention:
    """One thing found in a text, where it is, and what it says.

    Attributes:
        kind: what was found.
        start: the offset of its first character in the text given to :func:`extract`.
        end: the offset just after its last character: ``text[start:end] == mention.text``.
        text: the text as it stands in the original, untouched.
        value: the parsed value (see :class:`MentionKind` for its type per kind).
    """

    kind: MentionKind = attrs.field(validator=attrs.validators.instance_of(MentionKind))
    start: int
    end: int = attrs.field(validator=_check_offsets)
    text: str
    value: MentionValue


_Reading = tuple[int, int, MentionKind, MentionValue]


def _readings(
    pattern_matches: Iterable[tuple[int, Iterable[int]]],
    text: str,
    kind: MentionKind,
    parse: Callable[[str], MentionValue],
) -> Iterator[_Reading]:
    """Parse each candidate (trying its ends in order); yield what parses, skip the rest."""
    for start, ends in pattern_matches:
        for end in ends:
            try:
                yield start, end, kind, parse(text[start:end])
            except ParseError:
                continue
            break


def extract(
    text: str,
    *,
    reference: datetime.date | None = None,
    registry: RegionRegistry | None = None,
    kinds: Iterable[MentionKind | str] | None = None,
) -> tuple[Mention, ...]:
    """Find every date, range, amount, percentage, decree, regulation and region in *text*.

    See the module documentation for what is found, how overlapping readings are resolved
    (longest wins, then date range, date, regulation, decree, amount, percent, region), and why
    the time is linear in the length of the text.

    Args:
        text: any text, e.g. a news paragraph; it is not changed, and offsets refer to it.
        reference: the date the text was written (a news item's publication date), used for
            dates without a year; without it such dates are skipped.
        registry: the regions to look for; by default
            :func:`~sanitasi_core.regions.default_registry`.
        kinds: only these kinds (values of :class:`MentionKind`); by default all.

    Returns:
        The mentions, in text order, not overlapping.

    Raises:
        ValidationError: if *text* is not a ``str``, *reference* is not a date, *registry* is
            not a :class:`~sanitasi_core.regions.RegionRegistry`, or *kinds* holds an unknown
            kind. Ordinary text never raises: what does not parse is skipped.
    """
    if not isinstance(text, str):
        raise _argument_error("text", text, "teks (str)", "a str")
    if reference is not None and not isinstance(reference, datetime.date):
        raise _argument_error("reference", reference, "datetime.date", "a datetime.date")
    if registry is not None and not isinstance(registry, RegionRegistry):
        raise _argument_error("registry", registry, "RegionRegistry", "a RegionRegistry")
    wanted = _kinds(kinds)
    day = reference.date() if isinstance(reference, datetime.datetime) else reference

    readings: list[_Reading] = []
    for kind in wanted:
        readings.extend(_find(kind, text, day, registry))
    return _resolve(text, readings)


def _find(
    kind: MentionKind,
    text: str,
    reference: datetime.date | None,
    registry: RegionRegistry | None,
) -> Iterator[_Reading]:
    """The readings of one kind in *text*."""
    if kind is MentionKind.REGION:
        index = region_index(registry if registry is not None else default_registry())
        for start, end, region in index.scan(text):
            yield start, end, kind, region
        return
    if kind is MentionKind.DATE:
        matches = _dates_forms.EXTRACT_DATE.finditer(text)
        yield from _readings(
            ((m.start(), (m.end(),)) for m in matches),
            text,
            kind,
            lambda t: parse_date(t, reference=reference),
        )
    elif kind is MentionKind.DATE_RANGE:
        matches = _dates_forms.EXTRACT_RANGE.finditer(text)
        yield from _readings(
            ((m.start(), (m.end(),)) for m in matches),
            text,
            kind,
            lambda t: parse_date_range(t, reference=reference),
        )
    elif kind is MentionKind.AMOUNT:
        # Words in parentheses that are no number ("(termasuk pajak)") leave the amount before
        # them; number words that disagree with the figure make the amount unreadable.
        yield from _readings(
            (
                (m.start(), (m.end(), m.end("core")) if _other_words(m["words"]) else (m.end(),))
                for m in _extract_patterns.EXTRACT_AMOUNT.finditer(text)
            ),
            text,
            kind,
            parse_amount,
        )
    else:
        pattern, parse = _SIMPLE[kind]
        yield from _readings(
            ((m.start(), (m.end(),)) for m in pattern.finditer(text)), text, kind, parse
        )


def _other_words(words: str | None) -> bool:
    """Whether *words* (``" (…)"`` after an amount) are there and are not number words."""
    return words is not None and amount_in_words(words.strip()[1:-1].strip()) is None


_SIMPLE: Final[dict[MentionKind, tuple[re.Pattern[str], Callable[[str], MentionValue]]]] = {
    MentionKind.PERCENT: (_extract_patterns.EXTRACT_PERCENT, parse_percent),
    MentionKind.DECREE: (_decrees_forms.EXTRACT_DECREE, parse_decree_number),
    MentionKind.REGULATION: (_decrees_forms.EXTRACT_REGULATION, parse_regulation),
}


def _resolve(text: str, readings: list[_Reading]) -> tuple[Mention, ...]:
    """Keep the longest readings (then by kind), none overlapping; return them in text order."""
    taken = bytearray(len(text))
    kept: list[_Reading] = []
    for reading in sorted(readings, key=lambda r: (r[0] - r[1], _PRIORITY[r[2]], r[0])):
        start, end = reading[0], reading[1]
        if taken.find(1, start, end) == -1:
            taken[start:end] = b"\x01" * (end - start)
            kept.append(reading)
    kept.sort(key=lambda r: r[0])
    return tuple(
        Mention(kind=kind, start=start, end=end, text=text[start:end], value=value)
        for start, end, kind, value in kept
    )


def _kinds(kinds: Iterable[MentionKind | str] | None) -> tuple[MentionKind, ...]:
    """The kinds asked for, as members, in :class:`MentionKind` order."""
    if kinds is None:
        return tuple(MentionKind)
    if isinstance(kinds, str):
        kinds = (kinds,)
    try:
        asked = {MentionKind(k) for k in kinds}
    except (TypeError, ValueError):
        choices = ", ".join(k.value for k in MentionKind)
        raise ValidationError.single(
            "kinds", _text("invalid_choice", got=repr(kinds), choices=choices), "invalid_choice"
        ) from None
    return tuple(k for k in MentionKind if k in asked)


def _argument_error(
    path: str, value: object, expected_id: str, expected_en: str
) -> ValidationError:
    return ValidationError.single(
        path,
        _text("format_field_type", expected_id=expected_id, expected_en=expected_en, got=value),
        "format_field_type",
    )


# --------------------------------------------------------------------------------------------
# Mentions as data and as text
# --------------------------------------------------------------------------------------------


def _region_data(region: Region) -> dict[str, str]:
    return {"code": region.code, "name": region.name}


def _value_data(value: MentionValue) -> Any:
    match value:
        case ParsedDate():
            return {
                "date": value.date.isoformat(),
                "time": value.time.isoformat() if value.time is not None else None,
                "zone": value.zone,
                "year_given": value.year_given,
                "weekday_given": value.weekday_given,
            }
        case DateRange():
            return {"start": value.start.isoformat(), "end": value.end.isoformat()}
        case Amount():
            return {
                "rupiah": format(value.value, "f"),
                "period": value.period,
                "words": value.words,
            }
        case Decimal():
            return format(value, "f")
        case DecreeNumber():
            return format_decree_number(value)
        case Regulation():
            return {
                "kind": value.kind.value,
                "issuer": value.issuer,
                "number": value.number,
                "year": value.year,
                "subject": value.subject,
            }
        case tuple():
            return [_region_data(r) for r in value]
        case _:
            return _region_data(value)


def mention_data(mention: Mention) -> dict[str, Any]:
    """Return *mention* as JSON-ready data: ``kind``, ``start``, ``end``, ``text``, ``value``.

    The value is plain data by kind: a date as ``{"date": "2023-12-18", "time": "10:03:00",
    "zone": "WIB", ...}``, a range as ``{"start", "end"}``, an amount as ``{"rupiah":
    "19000000000", "period", "words"}`` (an exact decimal string), a percentage as a decimal
    string, a decree number in its canonical form, a regulation by its parts, a region as
    ``{"code", "name"}`` (a list of them for a shared name).
    """
    return {
        "kind": mention.kind.value,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "value": _value_data(mention.value),
    }


def value_text(mention: Mention) -> str:
    """The value of *mention* on one line: ``2023-12-18 10:03 WIB``, ``Rp19.000.000.000``."""
    value = mention.value
    match value:
        case ParsedDate():
            parts = [value.date.isoformat()]
            if value.time is not None:
                parts.append(value.time.isoformat(timespec="minutes"))
            if value.zone is not None:
                parts.append(value.zone)
            return " ".join(parts)
        case DateRange():
            return f"{value.start.isoformat()}/{value.end.isoformat()}"
        case Amount():
            return format_amount(value)
        case Decimal():
            return f"{format(value, 'f')} %"
        case DecreeNumber():
            return format_decree_number(value)
        case Regulation():
            return format_regulation(value)
        case tuple():
            return " | ".join(f"{r.code} {r.name}" for r in value)
        case _:
            return f"{value.code} {value.name}"
