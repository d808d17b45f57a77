"""One pass per collection: the maps and fused derivations shared by several indicators.

Several indicators read the same collection of a dossier: four scan the activities, two map
activity ids, the shares read the access records of a year, each aspect score scans every
assessment. Computed one by one, each repeats the scan (a linear model lookup per activity, an
id map per call, a filter and sort per share). Here each collection is read once per
:class:`~sanitasi_core.indicators.Facts`, lazily, on the first indicator that needs it, and
what it found is kept for the others (a quantifier's facts, seeing one model, have their own).

Every result equals what the indicator computed on its own (the tests keep that computation
as their reference, ``tests/_indicator_references.py``, and compare the two).
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from sanitasi_core._text import Text
from sanitasi_core.indicators._core import (
    NOT_APPLICABLE,
    MissingInput,
    Observation,
    missing,
    more_records,
    percent,
    realisation_band,
    tally,
    wide,
)
from sanitasi_core.model import (
    AccessRecord,
    AccessSource,
    AreaType,
    AspectAssessment,
    FundingSource,
    Scale,
    ServiceModel,
    ServicePhase,
)

if TYPE_CHECKING:
    from sanitasi_core.indicators._facts import Facts

__all__ = ["SOURCE_ORDER", "Passes", "passes", "trial_phase"]

# Official statistics first, then the national system, then computed and survey figures: two
# sources for the same year must not make the result depend on the order of the records.
SOURCE_ORDER: Final[tuple[AccessSource, ...]] = (
    AccessSource.SUSENAS,
    AccessSource.NAWASIS,
    AccessSource.HOUSEHOLD_RECORDS,
    AccessSource.EHRA,
    AccessSource.DISTRICT_REPORT,
    AccessSource.OTHER,
)
SOURCE_RANK: Final = {source: rank for rank, source in enumerate(SOURCE_ORDER)}


def trial_phase(model: ServiceModel) -> ServicePhase | None:
    """The model's trial phase, if it has one (the first phase at trial scale)."""
    return next((p for p in model.phases or () if p.scale is Scale.TRIAL), None)


def trial_years(model: ServiceModel, year: int) -> range | None:
    """The years of the model's trial up to fiscal *year*; ``None`` without a dated trial."""
    trial = trial_phase(model)
    if trial is None or trial.start is None:
        return None
    end = trial.end.year if trial.end is not None else year
    return range(trial.start.year, min(end, year) + 1)


class Passes:
    """The per-facts index and fused results; every part is built on first use, once.

    Args:
        facts: the facts it serves (their view and fiscal year are fixed).
    """

    __slots__ = (
        "_access",
        "_activities",
        "_activity_model",
        "_activity_source",
        "_assessments",
        "_facts",
        "_latest",
        "_models",
        "_trial_years",
    )

    def __init__(self, facts: Facts) -> None:
        self._facts = facts
        self._models: dict[str, ServiceModel] | None = None
        self._trial_years: dict[str | None, range | None] = {}
        self._activity_model: dict[str, str | None] | None = None
        self._activity_source: dict[str, FundingSource | None] | None = None
        self._activities: _ActivityPass | None = None
        self._access: dict[int, list[AccessRecord]] | None = None
        self._latest: dict[AreaType, dict[str, tuple[AccessRecord, Decimal]]] = {}
        self._assessments: list[tuple[int, Assessed | None]] | None = None

    def model(self, ident: str | None) -> ServiceModel | None:
        """The service model with id *ident* as seen (the first of that id), or ``None``."""
        models = self._models
        if models is None:
            models = {}
            for item in self._facts.seen.service_models or ():
                models.setdefault(item.record.id, item.record)  # the first one wins, as `next`
            self._models = models
        return None if ident is None else models.get(ident)

    def trial_years(self, ident: str | None) -> range | None:
        """The trial years of model *ident* up to the fiscal year (``None``: no dated trial)."""
        if ident in self._trial_years:
            return self._trial_years[ident]
        model = self.model(ident)
        years = None if model is None else trial_years(model, self._facts.year)
        self._trial_years[ident] = years
        return years

    def activity_model(self) -> dict[str, str | None]:
        """Each activity's linked service model, by activity id."""
        # A later activity with the same id replaces an earlier one, as a dict display does.
        found = self._activity_model
        if found is None:
            acts = self._facts.seen.activities or ()
            found = self._activity_model = {a.record.id: a.record.service_model for a in acts}
        return found

    def activity_source(self) -> dict[str, FundingSource | None]:
        """Each activity's funding source, by activity id."""
        found = self._activity_source
        if found is None:
            acts = self._facts.seen.activities or ()
            found = self._activity_source = {a.record.id: a.record.funding_source for a in acts}
        return found

    def activities(self) -> _ActivityPass:
        """The activity indicators, from one pass over the activities (requires the list)."""
        if self._activities is None:
            self._activities = _activity_pass(self._facts, self)
        return self._activities

    def access(self, year: int) -> list[AccessRecord]:
        """The total-area access records of *year*, by source priority (then as listed)."""
        grouped = self._access
        if grouped is None:
            grouped = {}
            for item in self._facts.seen.access_records or ():
                r = item.record
                if r.area is AreaType.TOTAL:
                    grouped.setdefault(r.year, []).append(r)
            for records in grouped.values():
                records.sort(key=lambda r: SOURCE_RANK[r.source])  # stable: ties keep order
            self._access = grouped
        return grouped.get(year, [])

    def latest(self, name: str, area: AreaType) -> tuple[AccessRecord, Decimal] | None:
        """The latest record of *area* up to the fiscal year with a value for share *name*.

        The latest year wins, then the source listed first in :data:`SOURCE_ORDER`, then the
        record listed first; one read of the records fills every share of the area.
        """
        if name not in LADDER_SHARES:
            return _latest_of(self._facts, name, area)
        found = self._latest.get(area)
        if found is None:
            found = self._latest[area] = {}
            best: dict[str, tuple[int, int]] = {}
            year = self._facts.year
            for item in self._facts.seen.access_records or ():
                r = item.record
                if r.year > year or r.area is not area:
                    continue
                rank = (r.year, -SOURCE_RANK[r.source])
                for share in LADDER_SHARES:
                    value = r.layak_share if share == "layak" else getattr(r, share)
                    if value is not None and (share not in best or rank > best[share]):
                        best[share] = rank  # `max` keeps the first of equal keys: strictly greater
                        found[share] = (r, value)
        return found.get(name)

    def assessments(self) -> list[tuple[int, Assessed | None]]:
        """Each service model's index and its assessments by ``(aspect, year)``, in order.

        ``None`` for a model whose assessments are not reported. Each group holds
        ``(position, assessment)`` pairs in the order the model lists them.
        """
        found = self._assessments
        if found is None:
            found = self._assessments = []
            for item in self._facts.seen.service_models or ():
                listed = item.record.assessments
                if listed is None:
                    found.append((item.index, None))
                    continue
                groups: Assessed = {}
                for position, a in enumerate(listed):
                    groups.setdefault((a.aspect, a.assessed_on.year), []).append((position, a))
                found.append((item.index, groups))
        return found


LADDER_SHARES: Final = ("layak", "safely_managed", "open_defecation")
"""The shares of the access ladder ``latest_share`` reads in one pass."""

Assessed = dict[tuple[str, int], list[tuple[int, AspectAssessment]]]


def _latest_of(f: Facts, name: str, area: AreaType) -> tuple[AccessRecord, Decimal] | None:
    valued = [
        (r.record, value)
        for r in f.seen.access_records or ()
        if r.record.year <= f.year
        and r.record.area is area
        and (value := getattr(r.record, name)) is not None
    ]
    if not valued:
        return None
    return max(valued, key=lambda rv: (rv[0].year, -SOURCE_RANK[rv[0].source]))


def passes(f: Facts) -> Passes:
    """The fused passes of *f*, created on first use."""
    found = f._passes
    if found is None:
        found = f._passes = Passes(f)
    return found


class _Apbd:
    """The APBD realisation sums of one fiscal year, while the activities are read."""

    __slots__ = ("any_apbd", "planned", "realised", "undecided")

    def __init__(self) -> None:
        self.planned = Decimal(0)
        self.realised = Decimal(0)
        self.undecided: list[MissingInput] = []
        self.any_apbd = False

    def observation(self, more: MissingInput | None) -> Observation:
        undecided = self.undecided
        if more is not None:
            # An APBD activity of the year may be missing from the list.
            undecided = [*undecided, more]
        if undecided:
            return Observation(missing=tuple(undecided))
        if not self.any_apbd or self.planned == 0:
            return NOT_APPLICABLE
        ratio = percent(self.realised, self.planned, higher_is_better=True)
        return Observation(
            value=ratio,
            detail={"planned": self.planned, "realised": self.realised},
            notes=(_band(str(ratio)),),
        )


class _ActivityPass:
    """What one read of the activities found: three counts now, APBD realisation on demand.

    The realisation of a year is built only when asked (its band note is the costly part).
    """

    __slots__ = ("_apbd", "_more", "_shown", "funded", "planned", "trial_realised")

    def __init__(
        self,
        counts: tuple[Observation, Observation, Observation],
        apbd: dict[int, _Apbd],
        more: MissingInput | None,
    ) -> None:
        self.funded, self.planned, self.trial_realised = counts
        self._apbd = apbd
        self._more = more
        self._shown: dict[int, Observation] = {}

    def apbd(self, year: int) -> Observation:
        """APBD realisation of fiscal *year* (the facts' year or the one before)."""
        found = self._shown.get(year)
        if found is None:
            found = self._shown[year] = self._apbd[year].observation(self._more)
        return found


@functools.lru_cache(maxsize=1024)
def _band(share: str) -> Text:
    """The band note of a share, by its text (``80.0`` and ``80.00`` read differently)."""
    return realisation_band(Decimal(share))


def _activity_pass(f: Facts, index: Passes) -> _ActivityPass:
    """Funded, planned and trial-realised model activities, APBD realisation of two years."""
    acts = f.seen.activities
    assert acts is not None  # noqa: S101  # the indicators answer an absent list themselves
    year = f.year
    funded = planned = realised = 0
    no_funding: list[MissingInput] = []
    no_plan: list[MissingInput] = []
    no_realised: list[MissingInput] = []
    apbd = {year: _Apbd(), year - 1: _Apbd()}
    apbd_district = FundingSource.APBD_DISTRICT
    with wide():  # the sums are exact (the default context keeps only 28 digits)
        for item in acts:
            i, a = item.index, item.record
            fiscal = a.fiscal_year
            if a.service_model is not None and fiscal <= year:
                # funded_model_activities
                if a.planned is None or a.funding_source is None:
                    no_funding.append(
                        missing(
                            f"activities[{i}].planned", "missing_planned_amount_and_funding_source"
                        )
                    )
                else:
                    funded += 1
                # planned_model_activities
                if a.planned_in is None:
                    no_plan.append(
                        missing(
                            f"activities[{i}].planned_in", "missing_annual_plans_rkpd_renja_dpa_of"
                        )
                    )
                elif a.planned_in:
                    planned += 1
                # trial_realised_activities
                years = index.trial_years(a.service_model)
                if years is not None and fiscal in years:
                    if a.realised is None:
                        no_realised.append(
                            missing(
                                f"activities[{i}].realised",
                                "missing_realised_amount_of_the_trial_activity",
                            )
                        )
                    elif a.realised > 0:
                        realised += 1
            # apbd_realisation_pct, this year and the one before
            sums = apbd.get(fiscal)
            if sums is None:
                continue
            if a.funding_source is None:
                sums.undecided.append(
                    missing(
                        f"activities[{i}].funding_source", "missing_funding_source_of_the_activity"
                    )
                )
                continue
            if a.funding_source is not apbd_district:
                continue
            sums.any_apbd = True
            if a.planned is None or a.realised is None:
                sums.undecided.append(
                    missing(
                        f"activities[{i}].realised", "missing_planned_and_realised_amounts_of_the"
                    )
                )
                continue
            sums.planned += a.planned
            sums.realised += a.realised
    more = more_records(f, "activities")
    counts = (
        tally(funded, no_funding, more),
        tally(planned, no_plan, more),
        tally(realised, no_realised, more),
    )
    return _ActivityPass(counts, apbd, more)
