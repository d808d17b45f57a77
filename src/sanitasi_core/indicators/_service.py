"""Indicators of the service models (M2-M4): trials, activities, aspects, expansion, NAWASIS."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING, Final

import attrs

from sanitasi_core._messages import text
from sanitasi_core._text import Text
from sanitasi_core.indicators._core import (
    ABSENT,
    ASPECT,
    CENT,
    STEP,
    SUB_SECTOR,
    TRUE,
    YEAR,
    MissingInput,
    Observation,
    ValueType,
    flag,
    indicator,
    missing,
    more_records,
    tally,
    unknown,
    wide,
)
from sanitasi_core.indicators._passes import passes, trial_phase
from sanitasi_core.model import (
    DEFAULT_ASPECTS,
    AspectAssessment,
    EvaluationSubject,
    Scale,
    SubSector,
)

if TYPE_CHECKING:
    from sanitasi_core.indicators._facts import Facts


_trial_phase = trial_phase


def _phasesmissing(index: int) -> MissingInput:
    return missing(
        f"service_models[{index}].phases",
        "missing_phases_and_scale_of_the_service",
    )


@indicator(
    "trial_service_models",
    type=ValueType.COUNT,
    unit="records",
    description=text("indicator_trial_service_models"),
    derivation=text("indicator_trial_service_models_derivation"),
    quantum="1",
)
def trial_service_models(f: Facts, _: Mapping[str, str]) -> Observation:
    models = f.seen.service_models
    if models is None:
        return unknown(missing("service_models", "missing_service_models"))
    sure = 0
    undecided = []
    for item in models:
        m = item.record
        if m.phases is None:
            undecided.append(_phasesmissing(item.index))
            continue
        trial = _trial_phase(m)
        if trial is None:
            continue
        if trial.start is not None:
            sure += 1
        else:
            undecided.append(
                missing(
                    f"service_models[{item.index}].phases.start",
                    "missing_start_date_of_the_trial",
                )
            )
    return tally(sure, undecided, more_records(f, "service_models"))


def _overlaps(start: dt.date, end: dt.date, years: range) -> bool:
    return start.year <= years[-1] and end.year >= years[0] if years else False


# The derivations in use: one pass over the activities fills the first three (see _passes).


@indicator(
    "funded_model_activities",
    type=ValueType.COUNT,
    unit="records",
    description=text("indicator_funded_model_activities"),
    derivation=text("indicator_funded_model_activities_derivation"),
    quantum="1",
)
def funded_model_activities(f: Facts, _: Mapping[str, str]) -> Observation:
    if f.seen.activities is None:
        return unknown(missing("activities", "missing_activities_and_budgets"))
    return passes(f).activities().funded


@indicator(
    "planned_model_activities",
    type=ValueType.COUNT,
    unit="records",
    description=text("indicator_planned_model_activities"),
    derivation=text("indicator_planned_model_activities_derivation"),
    quantum="1",
)
def planned_model_activities(f: Facts, _: Mapping[str, str]) -> Observation:
    if f.seen.activities is None:
        return unknown(missing("activities", "missing_activities_and_budgets"))
    return passes(f).activities().planned


@indicator(
    "trial_realised_activities",
    type=ValueType.COUNT,
    unit="records",
    description=text("indicator_trial_realised_activities"),
    derivation=text("indicator_trial_realised_activities_derivation"),
    quantum="1",
)
def trial_realised_activities(f: Facts, _: Mapping[str, str]) -> Observation:
    if f.seen.activities is None:
        return unknown(missing("activities", "missing_activities_and_budgets"))
    return passes(f).activities().trial_realised


@indicator(
    "trial_monitoring_reports",
    type=ValueType.COUNT,
    unit="records",
    description=text("indicator_trial_monitoring_reports"),
    derivation=text("indicator_trial_monitoring_reports_derivation"),
    quantum="1",
)
def trial_monitoring_reports(f: Facts, _: Mapping[str, str]) -> Observation:
    reports = f.seen.monitoring_reports
    if reports is None:
        return unknown(
            missing(
                "monitoring_reports",
                "missing_monitoring_report_of_the_trial",
            )
        )
    index = passes(f)
    activity_model = index.activity_model()
    found = 0
    for item in reports:
        rep = item.record
        models = {rep.service_model} | {activity_model.get(x) for x in rep.activities}
        for ident in models - {None}:
            years = index.trial_years(ident)
            if years and _overlaps(rep.period_start, rep.period_end, years):
                found += 1
                break
    return tally(found, [], more_records(f, "monitoring_reports"))


@indicator(
    "trial_evaluations_with_lessons",
    type=ValueType.COUNT,
    unit="records",
    description=text("indicator_trial_evaluations_with_lessons"),
    derivation=text("indicator_trial_evaluations_with_lessons_derivation"),
    quantum="1",
)
def trial_evaluations_with_lessons(f: Facts, _: Mapping[str, str]) -> Observation:
    items = f.seen.evaluations
    if items is None:
        return unknown(missing("evaluations", "missing_evaluation_of_the_trial"))
    sure = 0
    undecided = []
    for item in items:
        ev = item.record
        if ev.subject is not EvaluationSubject.TRIAL:
            continue
        if ev.lessons is None:
            undecided.append(
                missing(
                    f"evaluations[{item.index}].lessons",
                    "missing_lessons_of_the_trial_evaluation",
                )
            )
        elif ev.lessons:
            sure += 1
    return tally(sure, undecided, more_records(f, "evaluations"))


def _assessmentsmissing(index: int) -> MissingInput:
    return missing(
        f"service_models[{index}].assessments",
        "missing_aspect_assessments_of_the_service_model",
    )


@indicator(
    "aspect_score",
    type=ValueType.DECIMAL,
    unit="points",
    description=text("indicator_aspect_score"),
    derivation=text("indicator_aspect_score_derivation"),
    params=(ASPECT, STEP, YEAR),
)
def aspect_score(f: Facts, args: Mapping[str, str]) -> Observation:
    aspect = args["aspect"]
    keys = f.aspect_aliases.get(aspect, (aspect,))
    step = args.get("step")
    if f.seen.service_models is None:
        return unknown(missing("service_models", "missing_service_models"))
    year = f.year_of(args)
    best: Decimal | None = None
    undecided = []
    # The assessments are grouped by (aspect, year) once per facts: each aspect reads its own.
    for index, groups in passes(f).assessments():
        if groups is None:
            undecided.append(_assessmentsmissing(index))
            continue
        chosen: tuple[int, AspectAssessment] | None = None
        for key in keys:
            for position, a in groups.get((key, year), ()):
                if step is not None and a.step != step:
                    continue
                # The latest; of the same day, the one listed first (as `max` keeps it).
                if (
                    chosen is None
                    or a.assessed_on > chosen[1].assessed_on
                    or (a.assessed_on == chosen[1].assessed_on and position < chosen[0])
                ):
                    chosen = (position, a)
        if chosen is not None:
            latest = chosen[1].score
            best = latest if best is None else max(best, latest)
    more = more_records(f, "service_models")
    if undecided or (more is not None and best is None):
        # Another model's unreported assessment could score higher: the best is a lower bound.
        return Observation(
            missing=(*undecided, *([more] if more else [])),
            detail={"lower_bound": best} if best is not None else {},
        )
    if best is None:
        return ABSENT
    return Observation(value=best)


@indicator(
    "service_area_expanded",
    type=ValueType.BOOLEAN,
    unit="",
    description=text("indicator_service_area_expanded"),
    derivation=text("indicator_service_area_expanded_derivation"),
)
def service_area_expanded(f: Facts, _: Mapping[str, str]) -> Observation:
    models = f.seen.service_models
    if models is None:
        return unknown(missing("service_models", "missing_service_models"))
    undecided = []
    for item in models:
        m = item.record
        if m.phases is None:
            undecided.append(_phasesmissing(item.index))
            continue
        if _trial_phase(m) is None:
            continue
        for p in m.phases:
            if p.scale is Scale.TRIAL:
                continue
            if p.start is not None:
                return TRUE
            undecided.append(
                missing(
                    f"service_models[{item.index}].phases.start",
                    "missing_start_of_the_expanded_phase",
                )
            )
    return flag(False, undecided, more=more_records(f, "service_models"))


@indicator(
    "service_model_evaluated",
    type=ValueType.BOOLEAN,
    unit="",
    description=text("indicator_service_model_evaluated"),
    derivation=text("indicator_service_model_evaluated_derivation"),
    params=(YEAR,),
)
def service_model_evaluated(f: Facts, args: Mapping[str, str]) -> Observation:
    items = f.seen.evaluations
    if items is None:
        return unknown(missing("evaluations", "missing_evaluation_of_the_service_model"))
    year = f.year_of(args)
    subjects = {EvaluationSubject.SERVICE_MODEL, EvaluationSubject.POST_M4}
    found = any(
        ev.record.subject in subjects
        and ev.record.evaluated_on.year == year
        and bool(ev.record.improvements or ev.record.findings)
        for ev in items
    )
    return flag(found, [], more=more_records(f, "evaluations"))


@indicator(
    "nawasis_entered",
    type=ValueType.BOOLEAN,
    unit="",
    description=text("indicator_nawasis_entered"),
    derivation=text("indicator_nawasis_entered_derivation"),
    params=(YEAR,),
)
def nawasis_entered(f: Facts, args: Mapping[str, str]) -> Observation:
    entries = f.seen.nawasis_entries
    if entries is None:
        return unknown(
            missing(
                "nawasis_entries",
                "missing_milestone_outputs_entered_in_nawasis",
            )
        )
    year = f.year_of(args)
    mine = [e.record for e in entries if e.record.year == year]
    if not mine:
        return flag(False, [], more=more_records(f, "nawasis_entries"))
    latest = max(mine, key=lambda e: e.entered_on)
    notes: tuple[Text, ...] = ()
    if latest.completeness is not None:
        notes = (text("note_nawasis_completeness", share=latest.completeness),)
    return Observation(value=True, notes=notes)


@attrs.frozen(kw_only=True)
class MaturityScale:
    """A stepped maturity scale for aspect scores: a score counts as the highest step it reaches.

    Attributes:
        steps: increasing steps from 0, e.g. 0 / 50 / 75 / 100 (the *Kabupaten/Kota Sehat*
            self-assessment steps).
    """

    steps: tuple[Decimal, ...] = (Decimal(0), Decimal(50), Decimal(75), Decimal(100))

    def level(self, score: Decimal) -> Decimal:
        """Return the highest step not above *score*."""
        return max((s for s in self.steps if s <= score), default=self.steps[0])


MATURITY_SCALE: Final = MaturityScale()


@indicator(
    "aspect_maturity",
    type=ValueType.DECIMAL,
    unit="points",
    description=text("indicator_aspect_maturity"),
    derivation=text("indicator_aspect_maturity_derivation"),
    params=(SUB_SECTOR, YEAR),
)
def aspect_maturity(f: Facts, args: Mapping[str, str]) -> Observation:
    models = f.seen.service_models
    if models is None:
        return unknown(missing("service_models", "missing_service_models"))
    sector = SubSector(args["sub_sector"])
    year = f.year_of(args)
    chosen = [item for item in models if item.record.sub_sector is sector]
    more = more_records(f, "service_models")
    if not chosen:
        return unknown(more) if more is not None else ABSENT
    best: Decimal | None = None
    undecided = []
    for item in chosen:
        m = item.record
        if m.assessments is None:
            undecided.append(_assessmentsmissing(item.index))
            continue
        latest: dict[str, Decimal] = {}
        for a in sorted(m.assessments, key=lambda a: a.assessed_on):
            if a.assessed_on.year == year:
                latest[a.aspect] = MATURITY_SCALE.level(a.score)
        if all(aspect in latest for aspect in DEFAULT_ASPECTS):
            with wide(ROUND_FLOOR):
                total = sum((latest[a] for a in DEFAULT_ASPECTS), Decimal(0))
                mean = total / len(DEFAULT_ASPECTS)
            best = mean if best is None else max(best, mean)
    if best is not None:
        return Observation(value=best.quantize(CENT, rounding=ROUND_FLOOR))
    if more is not None:
        undecided.append(more)
    if undecided:
        return Observation(missing=tuple(undecided))
    return ABSENT
