"""The sanitation access ladder (*tangga akses sanitasi*) computed from household records.

A :class:`HouseholdRecord` holds one household's survey answers; ``None`` in any answer means
*not known*. :func:`classify` puts the household on a :class:`Rung` of Indonesia's version of
the WHO/UNICEF JMP ladder (the Susenas-based definitions of *akses aman*, *layak sendiri*,
*layak bersama*, *belum layak* and *BABS*, published on NAWASIS:
https://www.nawasis.org/portal/database/home/definisi; JMP: https://washdata.org/monitoring/
sanitation), or leaves the rung unknown and names the unknown
answers it depends on. An unknown answer makes the rung unknown **only when the rung really
depends on it**: the classification is evaluated under every possible completion of the unknown
answers, and a rung is given only when all completions agree.

:class:`LadderAccumulator` adds records one at a time in bounded memory and produces a
:class:`LadderSummary`: exact weighted counts and shares in percent, by urban and rural area.
:func:`to_access_record` turns a summary into a dossier :class:`~sanitasi_core.model.AccessRecord`.
"""

import datetime as dt
import decimal
import functools
import itertools
from collections.abc import Iterable, Mapping
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from types import MappingProxyType
from typing import Any, Final, Literal

import attrs
from dateutil.relativedelta import relativedelta

from sanitasi_core import _validators as v
from sanitasi_core._messages import text as _text
from sanitasi_core._text import Text
from sanitasi_core.exceptions import ValidationError
from sanitasi_core.model import AccessRecord, AccessSource, AreaType, Provenance, RungCounts

__all__ = [
    "EMPTYING_WINDOW",
    "LADDER_KEYS",
    "MAX_WEIGHT",
    "WEIGHT_PLACES",
    "Area",
    "AreaSummary",
    "Classification",
    "Disposal",
    "Facility",
    "HouseholdRecord",
    "LadderAccumulator",
    "LadderSummary",
    "Rung",
    "Toilet",
    "classify",
    "emptied_recently",
    "summarise",
    "to_access_record",
]


# --------------------------------------------------------------------------------------------
# The record columns
# --------------------------------------------------------------------------------------------


class Area(StrEnum):
    """Where the household lives (*perkotaan / perdesaan*)."""

    URBAN = "urban"  #: *Perkotaan*.
    RURAL = "rural"  #: *Perdesaan*.


class Facility(StrEnum):
    """Whose toilet facility the household uses (*fasilitas tempat buang air besar*)."""

    OWN = "own"  #: *Milik sendiri*: used by this household only.
    SHARED = "shared"  #: *Bersama*: shared with specific other households.
    PUBLIC = "public"  #: *Umum*: a public facility.
    NONE = "none"  #: *Tidak ada*: no facility.


class Toilet(StrEnum):
    """The type of toilet (*jenis kloset*)."""

    GOOSENECK = "gooseneck"  #: *Leher angsa*: a water-seal toilet.
    SQUAT_PLATE = "squat_plate"  #: *Plengsengan*: a squat plate without a water seal.
    PIT = "pit"  #: *Cemplung / cubluk*: a pit without a water seal.
    NONE = "none"  #: No toilet fixture.


class Disposal(StrEnum):
    """Where the faeces end up (*tempat pembuangan akhir tinja*)."""

    SEPTIC_TANK = "septic_tank"  #: *Tangki septik* (SPALD-S).
    IPALD = "ipald"  #: A domestic wastewater treatment plant (*IPALD*, SPALD-T).
    SEWER = "sewer"  #: A sewer connection (SPALD-T).
    SOIL_PIT = "soil_pit"  #: *Lubang tanah*.
    OPEN_WATER_OR_FIELD = "open_water_or_field"  #: Pond, field, river, lake or sea.
    OTHER = "other"  #: Any other place.
    NONE = "none"  #: No disposal at all.


class Rung(StrEnum):
    """A rung of the sanitation ladder (*tangga akses sanitasi*), best first."""

    SAFELY_MANAGED = "safely_managed"  #: *Akses aman*.
    BASIC = "basic"  #: *Layak sendiri*.
    LIMITED = "limited"  #: *Layak bersama*.
    UNIMPROVED = "unimproved"  #: *Belum layak*.
    OPEN_DEFECATION = "open_defecation"  #: *BABS di tempat terbuka*.

    @property
    def rank(self) -> int:
        """Return 5 for safely managed … 1 for open defecation: higher is better."""
        return _RANK[self]

    @property
    def is_layak(self) -> bool:
        """Whether the rung counts towards the *layak* headline (safely managed, basic, limited)."""
        return _RANK[self] >= 3

    @property
    def label(self) -> Text:
        """The rung's name in both languages (*akses aman* / safely managed, …)."""
        return _text(f"rung_{self.value}")


_RANK: Final[Mapping[Rung, int]] = {rung: 5 - index for index, rung in enumerate(Rung)}

LADDER_KEYS: Final = (*(rung.value for rung in Rung), "unknown")
"""The keys of every count and share mapping: the five rungs, best first, then ``unknown``."""

_KEY_INDEX: Final[Mapping[Rung | None, int]] = {
    **{rung: index for index, rung in enumerate(Rung)},
    None: len(Rung),
}

EMPTYING_WINDOW: Final = relativedelta(years=5)
"""How far back from the survey date a septic-tank emptying counts (inclusive)."""

MAX_WEIGHT: Final = Decimal(1_000_000_000)
"""The largest weight a household record may carry."""

WEIGHT_PLACES: Final = 12
"""The most decimal places a weight may have (keeps exact sums small)."""

_WEIGHT_QUANTUM: Final = Decimal(1).scaleb(-WEIGHT_PLACES)

# Addition and multiplication in this context never round: a rounding would trap. Sums of a
# million weights need more digits than the default context's 28.
_EXACT: Final = decimal.Context(
    prec=decimal.MAX_PREC,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
    traps=[decimal.Inexact, decimal.Rounded, decimal.InvalidOperation, decimal.Overflow],
)


# --------------------------------------------------------------------------------------------
# The household record
# --------------------------------------------------------------------------------------------


def _check_last_emptied(_inst: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if value is None or value == "never":
        return
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise ValidationError.single(
            attribute.name,
            _text("ladder_last_emptied_type", got=f"{value!r} ({type(value).__name__})"),
            "ladder_last_emptied_type",
        )


def _check_weight(inst: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    v.decimal(inst, attribute, value)
    assert isinstance(value, Decimal)  # noqa: S101  # narrowed by v.decimal
    if not (0 < value <= MAX_WEIGHT and value.quantize(_WEIGHT_QUANTUM) == value):
        raise ValidationError.single(
            attribute.name,
            _text("ladder_weight_range", high=MAX_WEIGHT, places=WEIGHT_PLACES, got=value),
            "ladder_weight_range",
        )


@attrs.frozen(kw_only=True)
class HouseholdRecord:
    """One household's answers to the sanitation questions of a survey (*data rumah tangga*).

    ``None`` in an answer means *not known*; it never means "no".

    Attributes:
        household_id: the household's identifier in the survey.
        area: urban or rural.
        facility: own, shared, public or no facility.
        toilet: the toilet type.
        disposal: where the faeces end up.
        last_emptied: when the septic tank was last emptied (*terakhir dikuras*), ``"never"``,
            or ``None`` when not known. It may not be after :attr:`survey_date`.
        sludge_treated: whether the emptied sludge is treated at an IPLT.
        weight: the survey weight (how many households the record stands for), more than 0,
            at most :data:`MAX_WEIGHT`, at most :data:`WEIGHT_PLACES` decimal places; default 1.
        survey_date: the date of the interview.
    """

    household_id: str = attrs.field(validator=v.text_value)
    area: Area | None = attrs.field(validator=v.optional(v.member_of(Area)))
    facility: Facility | None = attrs.field(validator=v.optional(v.member_of(Facility)))
    toilet: Toilet | None = attrs.field(validator=v.optional(v.member_of(Toilet)))
    disposal: Disposal | None = attrs.field(validator=v.optional(v.member_of(Disposal)))
    last_emptied: dt.date | Literal["never"] | None = attrs.field(validator=_check_last_emptied)
    sludge_treated: bool | None = attrs.field(validator=v.optional(v.flag))
    weight: Decimal = attrs.field(
        default=Decimal(1), converter=v.to_decimal, validator=_check_weight
    )
    survey_date: dt.date = attrs.field(validator=v.date_value)

    def __attrs_post_init__(self) -> None:
        emptied = self.last_emptied
        if isinstance(emptied, dt.date) and emptied > self.survey_date:
            raise ValidationError.single(
                "last_emptied",
                _text("ladder_emptied_after_survey", emptied=emptied, survey=self.survey_date),
                "ladder_emptied_after_survey",
            )


# --------------------------------------------------------------------------------------------
# Classification
# --------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Classification:
    """Where one household stands on the ladder, and why.

    Attributes:
        rung: the rung, or ``None`` when it depends on answers that are not known.
        reason: why, in both languages.
        depends_on: when the rung is unknown, the unknown columns it depends on (in column
            order); empty when the rung is known.
        possible: the rungs the household could be on, best first: just :attr:`rung` when it
            is known, two or more otherwise.
    """

    rung: Rung | None
    reason: Text
    depends_on: tuple[str, ...] = ()
    possible: tuple[Rung, ...] = ()

    @property
    def key(self) -> str:
        """The count key: the rung's value, or ``"unknown"``."""
        return "unknown" if self.rung is None else self.rung.value


def emptied_recently(
    last_emptied: dt.date | Literal["never"] | None, survey_date: dt.date
) -> bool | None:
    """Whether a septic tank was emptied within the 5 years before the survey (inclusive).

    The window runs from ``survey_date - relativedelta(years=5)`` to ``survey_date``, both
    included (from 29 February back five years is 28 February).

    Returns:
        ``None`` when *last_emptied* is not known; ``False`` for ``"never"``.
    """
    if last_emptied is None:
        return None
    if last_emptied == "never":
        return False
    return _window_start(survey_date) <= last_emptied <= survey_date


@functools.lru_cache(maxsize=4096)
def _window_start(survey_date: dt.date) -> dt.date:
    start: dt.date = survey_date - EMPTYING_WINDOW
    return start


# The six columns the rung can depend on, in column order, with every value they can take.
# ``last_emptied`` enters as "emptied within the window" (True/False): that is all it decides.
_COLUMNS: Final = ("area", "facility", "toilet", "disposal", "last_emptied", "sludge_treated")
_DOMAINS: Final[tuple[tuple[object, ...], ...]] = (
    tuple(Area),
    tuple(Facility),
    tuple(Toilet),
    tuple(Disposal),
    (True, False),
    (True, False),
)

_Key = tuple[Area | None, Facility | None, Toilet | None, Disposal | None, bool | None, bool | None]

_SPALD_T: Final = frozenset({Disposal.IPALD, Disposal.SEWER})
_NO_PROPER_DISPOSAL: Final = frozenset({Disposal.NONE, Disposal.OTHER})


def _decide(
    area: Area,
    facility: Facility,
    toilet: Toilet,
    disposal: Disposal,
    recent: bool,
    treated: bool,
) -> tuple[Rung, Text]:
    """Return the rung and its reason for a household whose every answer is known."""
    if facility is Facility.NONE:
        return Rung.OPEN_DEFECATION, _text("ladder_reason_no_facility")
    if facility is Facility.PUBLIC:
        return Rung.UNIMPROVED, _text("ladder_reason_public")
    if toilet is not Toilet.GOOSENECK:
        return Rung.UNIMPROVED, _text("ladder_reason_no_water_seal", toilet=toilet.value)
    shared = facility is Facility.SHARED
    if disposal is Disposal.OPEN_WATER_OR_FIELD:
        return Rung.UNIMPROVED, _text("ladder_reason_direct_discharge")
    if disposal in _NO_PROPER_DISPOSAL:
        return Rung.UNIMPROVED, _text("ladder_reason_no_disposal", disposal=disposal.value)
    if disposal is Disposal.SOIL_PIT:
        if area is Area.URBAN:
            return Rung.UNIMPROVED, _text("ladder_reason_urban_soil_pit")
        if shared:
            return Rung.LIMITED, _text("ladder_reason_rural_soil_pit_shared")
        return Rung.BASIC, _text("ladder_reason_rural_soil_pit_own")
    if disposal in _SPALD_T:
        if shared:
            return Rung.LIMITED, _text("ladder_reason_spald_t_shared", disposal=disposal.value)
        return Rung.SAFELY_MANAGED, _text("ladder_reason_spald_t_own", disposal=disposal.value)
    # A septic tank.
    if shared:
        return Rung.LIMITED, _text("ladder_reason_septic_shared")
    if recent and treated:
        return Rung.SAFELY_MANAGED, _text("ladder_reason_septic_safe")
    if treated:
        return Rung.BASIC, _text("ladder_reason_septic_not_emptied")
    if recent:
        return Rung.BASIC, _text("ladder_reason_septic_not_treated")
    return Rung.BASIC, _text("ladder_reason_septic_neither")


def _rung_list(rungs: Iterable[Rung], lang: Literal["id", "en"]) -> str:
    return ", ".join(r.label.get(lang) for r in sorted(rungs, key=_RANK.__getitem__, reverse=True))


@functools.cache
def _classify_key(key: _Key) -> Classification:
    """Classify the abstract answers *key*; there are at most 5,400 keys, so this is cached."""
    unknown = [index for index, value in enumerate(key) if value is None]
    if not unknown:
        rung, reason = _decide(*key)  # type: ignore[arg-type]  # no None left
        return Classification(rung=rung, reason=reason, possible=(rung,))
    outcomes: dict[tuple[object, ...], tuple[Rung, Text]] = {}
    for combo in itertools.product(*(_DOMAINS[index] for index in unknown)):
        full: list[object] = list(key)
        for index, value in zip(unknown, combo, strict=True):
            full[index] = value
        outcomes[combo] = _decide(*full)  # type: ignore[arg-type]
    rungs = {rung for rung, _ in outcomes.values()}
    if len(rungs) == 1:
        (rung,) = rungs
        reasons = {reason for _, reason in outcomes.values()}
        if len(reasons) == 1:
            (reason,) = reasons
        else:
            columns = ", ".join(_COLUMNS[index] for index in unknown)
            reason = _text(
                "ladder_reason_despite_unknown",
                rung_id=rung.label.id,
                rung_en=rung.label.en,
                columns=columns,
            )
        return Classification(rung=rung, reason=reason, possible=(rung,))
    # An unknown column matters when changing it alone, the others fixed, can change the rung.
    depends: list[str] = []
    for position, index in enumerate(unknown):
        seen: dict[tuple[object, ...], Rung] = {}
        for combo, (rung, _) in outcomes.items():
            rest = combo[:position] + combo[position + 1 :]
            if seen.setdefault(rest, rung) is not rung:
                depends.append(_COLUMNS[index])
                break
    possible = tuple(sorted(rungs, key=_RANK.__getitem__, reverse=True))
    reason = _text(
        "ladder_reason_unknown",
        columns=", ".join(depends),
        possible_id=_rung_list(possible, "id"),
        possible_en=_rung_list(possible, "en"),
    )
    return Classification(rung=None, reason=reason, depends_on=tuple(depends), possible=possible)


def classify(record: HouseholdRecord) -> Classification:
    """Put one household on the sanitation ladder (Indonesia's Susenas-based definitions).

    The rules, for a household whose answers are all known:

    - no facility: open defecation;
    - a public facility: unimproved;
    - a toilet without a water seal (squat plate, pit, no fixture): unimproved;
    - a gooseneck discharging directly to open water or a field (*BABS tertutup*), or with no
      proper disposal (``none``, ``other``): unimproved;
    - a gooseneck with a soil pit: unimproved in urban areas; in rural areas basic, or limited
      when shared;
    - a gooseneck with a septic tank: limited when shared; when own, safely managed if the tank
      was emptied within the 5 years before the survey (inclusive, see
      :func:`emptied_recently`) **and** the sludge is treated at an IPLT, else basic;
    - a gooseneck connected to SPALD-T (``ipald``, ``sewer``): safely managed when own, limited
      when shared.

    An unknown answer leaves the rung unknown only when some of its possible values would give
    different rungs; :attr:`Classification.depends_on` names those answers. The function is
    pure, and its results for identical answers are shared (cached) objects.
    """
    key: _Key = (
        record.area,
        record.facility,
        record.toilet,
        record.disposal,
        emptied_recently(record.last_emptied, record.survey_date),
        record.sludge_treated,
    )
    return _classify_key(key)


# --------------------------------------------------------------------------------------------
# Aggregation
# --------------------------------------------------------------------------------------------


def _zero_counts() -> Mapping[str, Decimal]:
    return MappingProxyType(dict.fromkeys(LADDER_KEYS, Decimal(0)))


@attrs.frozen(kw_only=True)
class AreaSummary:
    """The ladder for a set of households: weighted counts and shares (*persentase*).

    Attributes:
        rows: the number of household records.
        total_weight: the sum of their weights (the number of households they stand for).
        counts: the exact weighted count per key of :data:`LADDER_KEYS` (every key present).
        shares: the percentage of :attr:`total_weight` per key of :data:`LADDER_KEYS`,
            ``unknown`` included, rounded to 2 places by largest remainder so that they add up
            to exactly ``100.00``; ``None`` when there are no rows.
        layak: the *akses layak* share (safely managed + basic + limited), rounded half-even to
            2 places from the exact value; ``None`` when there are no rows.
        unknown_share: the share whose rung is unknown (``shares["unknown"]``); ``None`` when
            there are no rows.
    """

    rows: int = 0
    total_weight: Decimal = Decimal(0)
    counts: Mapping[str, Decimal] = attrs.field(factory=_zero_counts)
    shares: Mapping[str, Decimal] | None = None
    layak: Decimal | None = None
    unknown_share: Decimal | None = None


@attrs.frozen(kw_only=True)
class LadderSummary(AreaSummary):
    """The ladder for all accepted household records, with the urban/rural split.

    Attributes:
        by_area: the summary of the ``urban`` and of the ``rural`` households (both keys are
            always present). Records whose area is not known count in the total only.
        area_unknown_rows: the number of records whose area is not known.
        area_unknown_weight: their total weight.
        first_survey_date: the earliest survey date, ``None`` when there are no rows.
        last_survey_date: the latest survey date, ``None`` when there are no rows.
        unit_weights: whether every weight is 1, so that counts are numbers of households.
    """

    by_area: Mapping[str, AreaSummary] = attrs.field(
        factory=lambda: MappingProxyType({area.value: AreaSummary() for area in Area})
    )
    area_unknown_rows: int = 0
    area_unknown_weight: Decimal = Decimal(0)
    first_survey_date: dt.date | None = None
    last_survey_date: dt.date | None = None
    unit_weights: bool = True


_HUNDREDTHS: Final = 10_000  # 100 % in units of 0.01 %


def _hundredths(units: int) -> Decimal:
    return Decimal(units).scaleb(-2)


def _largest_remainder(counts: list[Decimal], total: Decimal) -> list[Decimal]:
    """Return *counts* as percentages of *total* in 0.01 steps that add up to exactly 100.

    Each share is first floored to 0.01; the hundredths still missing go one each to the shares
    with the largest remainders, ties to the better rung (earlier key).
    """
    whole = Fraction(total)
    floors: list[int] = []
    remainders: list[Fraction] = []
    for count in counts:
        exact = Fraction(count) * _HUNDREDTHS / whole
        floor = exact.numerator // exact.denominator
        floors.append(floor)
        remainders.append(exact - floor)
    missing = _HUNDREDTHS - sum(floors)
    for index in sorted(range(len(counts)), key=lambda i: (-remainders[i], i))[:missing]:
        floors[index] += 1
    return [_hundredths(units) for units in floors]


def _figures(rows: int, weights: list[Decimal]) -> dict[str, Any]:
    """Return the :class:`AreaSummary` fields for *rows* records with per-key *weights*."""
    total = Decimal(0)
    for weight in weights:
        total = _EXACT.add(total, weight)
    figures: dict[str, Any] = {
        "rows": rows,
        "total_weight": total,
        "counts": MappingProxyType(dict(zip(LADDER_KEYS, weights, strict=True))),
    }
    if rows == 0:
        return figures
    shares = _largest_remainder(weights, total)
    layak_weight = _EXACT.add(_EXACT.add(weights[0], weights[1]), weights[2])
    figures["shares"] = MappingProxyType(dict(zip(LADDER_KEYS, shares, strict=True)))
    figures["layak"] = _hundredths(round(Fraction(layak_weight) * _HUNDREDTHS / Fraction(total)))
    figures["unknown_share"] = shares[-1]
    return figures


class LadderAccumulator:
    """Adds household records one at a time; memory does not grow with the number of records.

    Example::

        acc = LadderAccumulator()
        for record in records:  # any iterable, e.g. a generator over a million rows
            acc.add(record)
        summary = acc.summary()

    Arithmetic is exact: weights are summed as decimals without any rounding, so the result does
    not depend on the order of the records.
    """

    def __init__(self) -> None:
        none = Decimal(0)
        self._weights: dict[Area | None, list[Decimal]] = {
            key: [none] * len(LADDER_KEYS) for key in (Area.URBAN, Area.RURAL, None)
        }
        self._rows: dict[Area | None, int] = {Area.URBAN: 0, Area.RURAL: 0, None: 0}
        self._first: dt.date | None = None
        self._last: dt.date | None = None
        self._unit_weights = True

    @property
    def rows(self) -> int:
        """The number of records added so far."""
        return sum(self._rows.values())

    def add(self, record: HouseholdRecord) -> Classification:
        """Classify *record*, count it, and return its classification."""
        result = classify(record)
        area = record.area
        slot = self._weights[area]
        index = _KEY_INDEX[result.rung]
        weight = record.weight
        slot[index] = _EXACT.add(slot[index], weight)
        self._rows[area] += 1
        day = record.survey_date
        if self._first is None or day < self._first:
            self._first = day
        if self._last is None or day > self._last:
            self._last = day
        if self._unit_weights and weight != 1:
            self._unit_weights = False
        return result

    def add_all(self, records: Iterable[HouseholdRecord]) -> None:
        """Add every record of *records*, consuming it lazily."""
        add = self.add
        for record in records:
            add(record)

    def summary(self) -> LadderSummary:
        """Return the summary of the records added so far (the accumulator stays usable)."""
        by_area = {
            area.value: AreaSummary(**_figures(self._rows[area], self._weights[area]))
            for area in Area
        }
        totals = [
            _EXACT.add(_EXACT.add(u, r), n)
            for u, r, n in zip(
                self._weights[Area.URBAN],
                self._weights[Area.RURAL],
                self._weights[None],
                strict=True,
            )
        ]
        unknown_weight = Decimal(0)
        for weight in self._weights[None]:
            unknown_weight = _EXACT.add(unknown_weight, weight)
        return LadderSummary(
            **_figures(self.rows, totals),
            by_area=MappingProxyType(by_area),
            area_unknown_rows=self._rows[None],
            area_unknown_weight=unknown_weight,
            first_survey_date=self._first,
            last_survey_date=self._last,
            unit_weights=self._unit_weights,
        )


def summarise(records: Iterable[HouseholdRecord]) -> LadderSummary:
    """Classify and count every record of *records* (consumed lazily, in bounded memory)."""
    accumulator = LadderAccumulator()
    accumulator.add_all(records)
    return accumulator.summary()


# --------------------------------------------------------------------------------------------
# Into the dossier
# --------------------------------------------------------------------------------------------


def _survey_note(summary: LadderSummary, part: AreaSummary) -> str:
    first, last = summary.first_survey_date, summary.last_survey_date
    dates = f"survey date {first}" if first == last else f"survey dates {first} to {last}"
    note = f"{part.rows} rows, {dates}"
    if not summary.unit_weights:
        note += f"; weighted, total weight {part.total_weight:f}"
    if part.unknown_share:
        note += f"; rung not known for {part.unknown_share} % (left out of the five rung shares)"
    return note


def to_access_record(
    summary: LadderSummary,
    *,
    year: int,
    source_note: str,
    area: AreaType = AreaType.TOTAL,
) -> AccessRecord:
    """Turn a ladder summary into a dossier access record (source ``household_records``).

    The five rung shares and ``layak`` are copied; the unknown share is not part of any rung,
    so the five shares add up to ``100 - unknown_share``. Household counts
    (:class:`~sanitasi_core.model.RungCounts`, total including unknown) are given only when every
    weight is 1; with survey weights only shares are given.

    Args:
        summary: the summary to copy.
        year: the year the figures describe.
        source_note: the provenance's source, e.g. "Survei rumah tangga Kab. X 2024
            (households.csv)"; the provenance's note states the rows and survey dates.
        area: total (default), urban or rural (from :attr:`LadderSummary.by_area`).

    Raises:
        ValidationError: if there are no rows for *area* (no share can be computed), or the
            year or source note is not valid.
    """
    part: AreaSummary = summary if area is AreaType.TOTAL else summary.by_area[area.value]
    if part.shares is None:
        where_id = where_en = ""
        if area is not AreaType.TOTAL:
            name = _text(f"ladder_report_{area.value}")
            where = _text("ladder_area_suffix", area_id=name.id, area_en=name.en)
            where_id, where_en = where.id, where.en
        raise ValidationError.single(
            "summary", _text("ladder_empty", area_id=where_id, area_en=where_en), "ladder_empty"
        )
    shares = part.shares
    households = None
    if summary.unit_weights:
        households = RungCounts(
            total=int(part.total_weight),
            **{rung.value: int(part.counts[rung.value]) for rung in Rung},
        )
    rungs: dict[str, Any] = {rung.value: shares[rung.value] for rung in Rung}
    return AccessRecord(
        year=year,
        source=AccessSource.HOUSEHOLD_RECORDS,
        area=area,
        **rungs,
        layak=part.layak,
        households=households,
        provenance=(Provenance(source=source_note, note=_survey_note(summary, part)),),
    )
