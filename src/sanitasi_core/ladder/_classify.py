"""Classification: one household's rung on the ladder, or the unknown answers it depends on.

The rung is decided for every possible completion of the unknown answers and given only when
all completions agree; the results for identical answers are cached.
"""

import datetime as dt
import functools
import itertools
from collections.abc import Iterable
from typing import Final, Literal

import attrs
from dateutil.relativedelta import relativedelta

from sanitasi_core._messages import text as _text
from sanitasi_core._text import Text
from sanitasi_core.ladder._record import (
    _RANK,
    EARLIEST_SURVEY_DATE,
    Area,
    Disposal,
    Facility,
    HouseholdRecord,
    Rung,
    Toilet,
)

EMPTYING_WINDOW: Final = relativedelta(years=5)
"""How far back from the survey date a septic-tank emptying counts (inclusive)."""


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
    # Before 0006-01-01 the window would start before year 1: it starts at date.min instead
    # (the earliest date there is), so the function is total over every date.
    if survey_date < EARLIEST_SURVEY_DATE:
        return dt.date.min
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
