"""The per-indicator derivations the fused passes replaced, kept as the tests' reference."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from sanitasi_core._messages import text
from sanitasi_core._text import Text
from sanitasi_core.indicators import Facts, Observation
from sanitasi_core.indicators._access import _share_of
from sanitasi_core.indicators._core import (
    ABSENT,
    NOT_APPLICABLE,
    flag,
    missing,
    more_records,
    percent,
    realisation_band,
    tally,
    unknown,
    wide,
)
from sanitasi_core.indicators._passes import SOURCE_ORDER
from sanitasi_core.indicators._service import _assessmentsmissing, _overlaps, _trial_phase
from sanitasi_core.model import (
    AccessRecord,
    Activity,
    AreaType,
    FundingGroup,
    FundingSource,
    ServiceModel,
)


def _linked_activities(f: Facts) -> list[tuple[int, Activity]] | None:
    acts = f.seen.activities
    if acts is None:
        return None
    return [
        (a.index, a.record)
        for a in acts
        if a.record.service_model is not None and a.record.fiscal_year <= f.year
    ]


def _trial_years(f: Facts, model: ServiceModel) -> range | None:
    trial = _trial_phase(model)
    if trial is None or trial.start is None:
        return None
    end = trial.end.year if trial.end is not None else f.year
    return range(trial.start.year, min(end, f.year) + 1)


def _reference_funded_model_activities(f: Facts, _: Mapping[str, str]) -> Observation:
    """funded_model_activities on its own: the reference the fused pass equals."""
    linked = _linked_activities(f)
    if linked is None:
        return unknown(missing("activities", "missing_activities_and_budgets"))
    sure = 0
    undecided = []
    for i, a in linked:
        if a.planned is None or a.funding_source is None:
            undecided.append(
                missing(
                    f"activities[{i}].planned",
                    "missing_planned_amount_and_funding_source",
                )
            )
        else:
            sure += 1
    return tally(sure, undecided, more_records(f, "activities"))


def _reference_planned_model_activities(f: Facts, _: Mapping[str, str]) -> Observation:
    """planned_model_activities on its own: the reference the fused pass equals."""
    linked = _linked_activities(f)
    if linked is None:
        return unknown(missing("activities", "missing_activities_and_budgets"))
    sure = 0
    undecided = []
    for i, a in linked:
        if a.planned_in is None:
            undecided.append(
                missing(
                    f"activities[{i}].planned_in",
                    "missing_annual_plans_rkpd_renja_dpa_of",
                )
            )
        elif a.planned_in:
            sure += 1
    return tally(sure, undecided, more_records(f, "activities"))


def _reference_trial_realised_activities(f: Facts, _: Mapping[str, str]) -> Observation:
    """trial_realised_activities on its own: the reference the fused pass equals."""
    linked = _linked_activities(f)
    if linked is None:
        return unknown(missing("activities", "missing_activities_and_budgets"))
    sure = 0
    undecided = []
    for i, a in linked:
        model = f.seen.service_model(a.service_model)
        years = _trial_years(f, model) if model is not None else None
        if years is None or a.fiscal_year not in years:
            continue
        if a.realised is None:
            undecided.append(
                missing(
                    f"activities[{i}].realised",
                    "missing_realised_amount_of_the_trial_activity",
                )
            )
        elif a.realised > 0:
            sure += 1
    return tally(sure, undecided, more_records(f, "activities"))


def _reference_trial_monitoring_reports(f: Facts, _: Mapping[str, str]) -> Observation:
    """trial_monitoring_reports on its own: the reference the fused pass equals."""
    reports = f.seen.monitoring_reports
    if reports is None:
        return unknown(
            missing(
                "monitoring_reports",
                "missing_monitoring_report_of_the_trial",
            )
        )
    activity_model = {a.record.id: a.record.service_model for a in f.seen.activities or ()}
    found = 0
    for item in reports:
        rep = item.record
        models = {rep.service_model} | {activity_model.get(x) for x in rep.activities}
        for ident in models - {None}:
            model = f.seen.service_model(ident)
            years = _trial_years(f, model) if model is not None else None
            if years and _overlaps(rep.period_start, rep.period_end, years):
                found += 1
                break
    return tally(found, [], more_records(f, "monitoring_reports"))


def _reference_aspect_score(f: Facts, args: Mapping[str, str]) -> Observation:
    """aspect_score scanning every assessment: the reference the grouped pass equals."""
    aspect = args["aspect"]
    keys = f.aspect_aliases.get(aspect, (aspect,))
    step = args.get("step")
    models = f.seen.service_models
    if models is None:
        return unknown(missing("service_models", "missing_service_models"))
    year = f.year_of(args)
    best: Decimal | None = None
    undecided = []
    for item in models:
        m = item.record
        if m.assessments is None:
            undecided.append(_assessmentsmissing(item.index))
            continue
        scored = [
            a
            for a in m.assessments
            if a.aspect in keys and a.assessed_on.year == year and (step is None or a.step == step)
        ]
        if scored:
            latest = max(scored, key=lambda a: a.assessed_on).score
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


def _reference_apbd_realisation_pct(f: Facts, args: Mapping[str, str]) -> Observation:
    """APBD realisation computed on its own (the fused pass must equal it; tests compare)."""
    acts = f.seen.activities
    if acts is None:
        return unknown(missing("activities", "missing_activities_and_budgets"))
    year = f.year_of(args)
    planned = Decimal(0)
    realised = Decimal(0)
    undecided = []
    any_apbd = False
    for item in acts:
        i, a = item.index, item.record
        if a.fiscal_year != year:
            continue
        if a.funding_source is None:
            undecided.append(
                missing(
                    f"activities[{i}].funding_source",
                    "missing_funding_source_of_the_activity",
                )
            )
            continue
        if a.funding_source is not FundingSource.APBD_DISTRICT:
            continue
        any_apbd = True
        if a.planned is None or a.realised is None:
            undecided.append(
                missing(
                    f"activities[{i}].realised",
                    "missing_planned_and_realised_amounts_of_the",
                )
            )
            continue
        with wide():  # the sums are exact (the default context keeps only 28 digits)
            planned += a.planned
            realised += a.realised
    more = more_records(f, "activities")
    if more is not None:
        undecided.append(more)  # an APBD activity of the year may be missing from the list
    if undecided:
        return Observation(missing=tuple(undecided))
    if not any_apbd or planned == 0:
        return NOT_APPLICABLE
    ratio = percent(realised, planned, higher_is_better=True)
    return Observation(
        value=ratio,
        detail={"planned": planned, "realised": realised},
        notes=(realisation_band(ratio),),
    )


def _reference_monitoring_covers_funding_groups(f: Facts, args: Mapping[str, str]) -> Observation:
    """Monitoring coverage with its own activity map (the indexed one must equal it)."""
    reports = f.seen.monitoring_reports
    if reports is None:
        return unknown(
            missing(
                "monitoring_reports",
                "missing_monitoring_reports_of_the_activities",
            )
        )
    year = f.year_of(args)
    source_of = {a.record.id: a.record.funding_source for a in f.seen.activities or ()}
    covered: set[FundingGroup] = set()
    for item in reports:
        rep = item.record
        if not rep.period_start.year <= year <= rep.period_end.year:
            continue
        covered.update(rep.funding_groups)
        covered.update(s.group for x in rep.activities if (s := source_of.get(x)) is not None)
    both = covered >= {FundingGroup.APBD, FundingGroup.NON_APBD}
    return flag(both, [], more=more_records(f, "monitoring_reports"))


def _reference_access_for(f: Facts, year: int, name: str) -> tuple[AccessRecord | None, list[Text]]:
    """:func:`_access_for` filtering and sorting on its own (the reference it equals)."""
    records = [
        r.record
        for r in f.seen.access_records or ()
        if r.record.year == year and r.record.area is AreaType.TOTAL
    ]
    valued = [(r, _share_of(r, name)) for r in records]
    valued = [(r, v) for r, v in valued if v is not None]
    valued.sort(key=lambda rv: SOURCE_ORDER.index(rv[0].source))
    if not valued:
        return None, []
    notes = []
    if len({v for _, v in valued}) > 1:
        shown = "; ".join(f"{r.source.value} {v}" for r, v in valued)
        notes.append(
            text("note_sources_disagree", year=year, values=shown, used=valued[0][0].source.value)
        )
    return valued[0][0], notes


def _reference_latest_share(f: Facts, args: Mapping[str, str]) -> Observation:
    """:func:`latest_share` reading the records on its own (the reference it equals)."""
    name = args["share"]
    area = AreaType(args.get("area", "total"))
    valued = [
        (r.record, value)
        for r in f.seen.access_records or ()
        if r.record.year <= f.year
        and r.record.area is area
        and (value := _share_of(r.record, name)) is not None
    ]
    if not valued:
        return unknown(missing(f"access_records.{name}", "missing_access_share", share=name))
    record, value = max(valued, key=lambda rv: (rv[0].year, -SOURCE_ORDER.index(rv[0].source)))
    detail = {"year": Decimal(record.year)}
    if record.households is not None and record.households.total is not None:
        detail["households"] = Decimal(record.households.total)
    return Observation(value=value, detail=detail)
