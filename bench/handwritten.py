"""Hand-written baselines for the rules benchmarks: the default rulebook's logic in plain Python.

* :func:`m2_flat` decides M2 from four prepared values (the "flat facts" baseline (1b) of
  perf-anchors.md).
* :func:`evaluate` computes the 19 criterion outcomes of rulebook 2020.1 and the certain
  level straight from the dossier objects, with one fused loop per collection (baseline (1a)).
  It reproduces the indicator derivations of ``sanitasi_core.indicators`` exactly, including
  four-valued (Kleene) outcomes for missing data and the rulebook's thresholds (s = 50 points,
  k = 4 aspects, r = 80 %), so its outcomes can be checked against ``CompiledRulebook.evaluate``.
  Like the library, a count with undecided records is an interval: "at least one" passes when
  one record surely counts, fails when none can, and is unknown otherwise.
  It does not explain anything, rank missing inputs, count M4 years, check designations or
  measure national targets: that is what the library adds on top.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sanitasi_core.model import (
    AreaType,
    DocumentKind,
    Dossier,
    EvaluationSubject,
    FundingSource,
    InstrumentKind,
    Office,
    Scale,
)

P, F, U, NA = "pass", "fail", "unknown", "not_applicable"


def _at_least_one(sure: int, maybe: int) -> str:
    """Outcome of "count >= 1" for a count known to lie in [sure, sure + maybe]."""
    if sure >= 1:
        return P
    return U if maybe else F


CRITERIA = (
    "m1.designated",
    "m1.working_group",
    "m1.ssk_current",
    "m1.sanitation_profile",
    "m1.commitment",
    "m2.policy_instrument",
    "m2.service_model",
    "m2.activities_funded",
    "m2.activities_planned",
    "m3.trial_realised",
    "m3.trial_monitored",
    "m3.trial_evaluated",
    "m4.commitment_in_year",
    "m4.multi_aspect",
    "m4.area_expanded",
    "m4.apbd_realisation",
    "m4.monitoring_apbd_non_apbd",
    "m4.model_evaluated",
    "m4.access_not_lower",
)

_REGIONAL_HEADS = frozenset(
    {
        Office.BUPATI,
        Office.WAKIL_BUPATI,
        Office.WALI_KOTA,
        Office.WAKIL_WALI_KOTA,
        Office.PJ_KEPALA_DAERAH,
    }
)
_POLICY_INSTRUMENTS = frozenset(
    {
        InstrumentKind.PERDA,
        InstrumentKind.PERBUP,
        InstrumentKind.PERWALI,
        InstrumentKind.SK,
        InstrumentKind.SE,
        InstrumentKind.INSTRUKSI,
    }
)
_SSK = DocumentKind.SSK
_PROFILE = frozenset({DocumentKind.SANITATION_PROFILE, DocumentKind.BUKU_PUTIH})
_POLICY = DocumentKind.POLICY_PACKAGE
_TRIAL = Scale.TRIAL
_APBD = FundingSource.APBD_DISTRICT
_EVAL_TRIAL = EvaluationSubject.TRIAL
_EVAL_MODEL = frozenset({EvaluationSubject.SERVICE_MODEL, EvaluationSubject.POST_M4})
_TOTAL = AreaType.TOTAL
_ASPECTS = ("regulation", "institution", "financing", "technical", "participation", "communication")
_MIN_SCORE = Decimal(50)  # m4_min_aspect_score
_MIN_ASPECTS = 4  # m4_min_aspects (the at_least k of the rulebook)
_MIN_REALISATION = Decimal(80)  # m4_apbd_realisation
_HUNDRED = Decimal(100)
_CENT = Decimal("0.01")
_ZERO = Decimal(0)


def m2_flat(policy: bool | None, trial: int | None, funded: int | None, planned: int | None) -> str:
    """M2 from prepared values: policy adopted, >= 1 trial model, funded and planned activity."""
    unknown = False
    if policy is None:
        unknown = True
    elif not policy:
        return F
    if trial is None:
        unknown = True
    elif trial < 1:
        return F
    if funded is None:
        unknown = True
    elif funded < 1:
        return F
    if planned is None:
        unknown = True
    elif planned < 1:
        return F
    return U if unknown else P


def _all(*outcomes: str) -> str:
    live = [o for o in outcomes if o != NA]
    if not live:
        return NA
    if F in live:
        return F
    return U if U in live else P


def _at_least(k: int, outcomes: list[str]) -> str:
    passes = outcomes.count(P)
    if passes >= k:
        return P
    return F if passes + outcomes.count(U) < k else U


def evaluate(d: Dossier, as_of: dt.date) -> tuple[tuple[str, ...], str | None]:
    """Return the 19 outcomes (in :data:`CRITERIA` order) and the certain level (``"M1"``…)."""
    year = as_of.year

    # -- designations ---------------------------------------------------------------------------
    designations = d.designations
    if designations is None:
        designated = U
    else:
        designated = F
        for des in designations:
            day = des.decree.date
            if day is not None:
                if day <= as_of:
                    designated = P
                    break
            elif des.year <= year:
                designated = U

    # -- working group --------------------------------------------------------------------------
    wg = d.working_group
    if wg is None or wg.decree is None or wg.decree.date is None:
        working_group = U
    else:
        working_group = P if wg.decree.date <= as_of else F

    # -- documents: SSK, profile, policy package in one pass ------------------------------------
    docs = d.documents
    if docs is None:
        ssk = profile = policy = U
    else:
        ssk = profile = policy = F
        for doc in docs:
            kind = doc.kind
            if kind is _SSK:
                if ssk is not P:
                    start, end = doc.period_start, doc.period_end
                    if start is None or end is None:
                        ssk = U
                    elif start <= year <= end:
                        ssk = P
            elif kind in _PROFILE:
                if profile is not P:
                    adopted = doc.adopted_on
                    if adopted is not None:
                        if adopted <= as_of:
                            profile = P
                    else:
                        y = doc.year if doc.year is not None else doc.period_start
                        if y is not None and y < year:
                            profile = P
                        elif y is None or y == year:
                            profile = U
            elif kind is _POLICY and policy is not P:
                instrument = doc.instrument
                if instrument is None:
                    policy = U
                elif instrument.kind in _POLICY_INSTRUMENTS:
                    if instrument.date is None:
                        policy = U
                    elif instrument.date <= as_of:
                        policy = P

    # -- commitments ----------------------------------------------------------------------------
    commitments = d.commitments
    if commitments is None:
        commitment = commitment_in_year = U
    else:
        commitment = commitment_in_year = F
        for c in commitments:
            signed = c.signed_on
            if c.office in _REGIONAL_HEADS and signed <= as_of:
                commitment = P
                if signed.year == year or c.year == year:
                    commitment_in_year = P
                    break

    # -- service models: trial models, expansion, aspect scores, trial years --------------------
    models = d.service_models
    trial_years: dict[str, range | None] = {}
    if models is None:
        trial_models = area = U
        aspect = dict.fromkeys(_ASPECTS, U)
    else:
        trials = trials_maybe = 0
        area = F
        scores_unknown = False
        best: dict[str, Decimal] = {}
        for m in models:
            phases = m.phases
            trial = None
            if phases is None:
                trials_maybe += 1
                if area is not P:
                    area = U
            else:
                for phase in phases:
                    if phase.scale is _TRIAL:
                        trial = phase
                        break
                if trial is not None:
                    if trial.start is None:
                        trials_maybe += 1
                    elif trial.start <= as_of:
                        trials += 1
                    if area is not P:
                        for phase in phases:
                            if phase.scale is _TRIAL:
                                continue
                            if phase.start is None:
                                area = U
                            elif phase.start <= as_of:
                                area = P
                                break
            if m.id not in trial_years:
                if trial is None or trial.start is None:
                    trial_years[m.id] = None
                else:
                    end = trial.end.year if trial.end is not None else year
                    trial_years[m.id] = range(trial.start.year, min(end, year) + 1)
            assessments = m.assessments
            if assessments is None:
                scores_unknown = True
                continue
            latest: dict[str, tuple[dt.date, Decimal]] = {}
            for a in assessments:
                day = a.assessed_on
                if day.year == year and day <= as_of:
                    seen = latest.get(a.aspect)
                    if seen is None or day > seen[0]:
                        latest[a.aspect] = (day, a.score)
            for name, (_, score) in latest.items():
                top = best.get(name)
                if top is None or score > top:
                    best[name] = score
        trial_models = _at_least_one(trials, trials_maybe)
        if scores_unknown:
            aspect = dict.fromkeys(_ASPECTS, U)
        else:
            aspect = {
                name: (F if (s := best.get(name)) is None else (P if s >= _MIN_SCORE else F))
                for name in _ASPECTS
            }
    multi_aspect = _all(
        aspect["regulation"],
        aspect["institution"],
        _at_least(_MIN_ASPECTS, [aspect[name] for name in _ASPECTS]),
    )

    # -- activities: funded, planned, trial-realised, APBD realisation in one pass --------------
    acts = d.activities
    if acts is None:
        funded = planned = realised = apbd = U
    else:
        n_funded = n_planned = n_realised = 0
        maybe_funded = maybe_planned = maybe_realised = 0
        sum_planned = _ZERO
        sum_realised = _ZERO
        apbd_unknown = any_apbd = False
        for a in acts:
            fy = a.fiscal_year
            model = a.service_model
            if model is not None and fy <= year:
                if a.planned is not None and a.funding_source is not None:
                    n_funded += 1
                else:
                    maybe_funded += 1
                if a.planned_in is None:
                    maybe_planned += 1
                elif a.planned_in:
                    n_planned += 1
                years = trial_years.get(model)
                if years is not None and fy in years:
                    if a.realised is None:
                        maybe_realised += 1
                    elif a.realised > 0:
                        n_realised += 1
            if fy == year:
                source = a.funding_source
                if source is None:
                    apbd_unknown = True
                elif source is _APBD:
                    any_apbd = True
                    if a.planned is None or a.realised is None:
                        apbd_unknown = True
                    else:
                        sum_planned += a.planned
                        sum_realised += a.realised
        funded = _at_least_one(n_funded, maybe_funded)
        planned = _at_least_one(n_planned, maybe_planned)
        realised = _at_least_one(n_realised, maybe_realised)
        if apbd_unknown:
            apbd = U
        elif not any_apbd or sum_planned == 0:
            apbd = NA
        else:
            ratio = (sum_realised * _HUNDRED / sum_planned).quantize(_CENT)
            apbd = P if ratio >= _MIN_REALISATION else F

    # -- monitoring reports: trial monitored, APBD and non-APBD covered -------------------------
    reports = d.monitoring_reports
    if reports is None:
        monitored = covered = U
    else:
        model_of = {}
        apbd_of = {}
        for a in acts or ():
            model_of[a.id] = a.service_model
            if a.funding_source is not None:
                apbd_of[a.id] = a.funding_source is _APBD
        n_monitored = 0
        has_apbd = has_non_apbd = False
        for rep in reports:
            start = rep.period_start
            if start > as_of:
                continue
            first, last = start.year, rep.period_end.year
            idents = {rep.service_model}
            for x in rep.activities:
                idents.add(model_of.get(x))
            for ident in idents:
                if ident is None:
                    continue
                years = trial_years.get(ident)
                if years and first <= years[-1] and last >= years[0]:
                    n_monitored += 1
                    break
            if first <= year <= last:
                for group in rep.funding_groups:
                    if group == "apbd":
                        has_apbd = True
                    else:
                        has_non_apbd = True
                for x in rep.activities:
                    is_apbd = apbd_of.get(x)
                    if is_apbd is True:
                        has_apbd = True
                    elif is_apbd is False:
                        has_non_apbd = True
        monitored = P if n_monitored >= 1 else F
        covered = P if has_apbd and has_non_apbd else F

    # -- evaluations ----------------------------------------------------------------------------
    evaluations = d.evaluations
    if evaluations is None:
        trial_evaluated = model_evaluated = U
    else:
        n_lessons = maybe_lessons = 0
        model_evaluated = F
        for ev in evaluations:
            subject = ev.subject
            day = ev.evaluated_on
            if subject is _EVAL_TRIAL:
                if day <= as_of and ev.lessons is None:
                    maybe_lessons += 1
                elif day <= as_of and ev.lessons:
                    n_lessons += 1
            elif (
                subject in _EVAL_MODEL
                and day.year == year
                and day <= as_of
                and (ev.improvements or ev.findings)
            ):
                model_evaluated = P
        trial_evaluated = _at_least_one(n_lessons, maybe_lessons)

    # -- access: layak now and the year before --------------------------------------------------
    now = before = None
    now_key = before_key = None
    for r in d.access_records or ():
        ry = r.year
        if r.area is not _TOTAL or (ry != year and ry != year - 1):
            continue
        share = r.layak_share
        key = (share is None, r.source.value)
        if ry == year:
            if now_key is None or key < now_key:
                now_key, now = key, share
        elif before_key is None or key < before_key:
            before_key, before = key, share
    access = U if now is None or before is None else (P if now - before >= 0 else F)

    outcomes = (
        designated,
        working_group,
        ssk,
        profile,
        commitment,
        policy,
        trial_models,
        funded,
        planned,
        realised,
        monitored,
        trial_evaluated,
        commitment_in_year,
        multi_aspect,
        area,
        apbd,
        covered,
        model_evaluated,
        access,
    )
    levels = (
        ("M1", _all(*outcomes[0:5])),
        ("M2", _all(*outcomes[5:9])),
        ("M3", _all(*outcomes[9:12])),
        ("M4", _all(*outcomes[12:19])),
    )
    certain = None
    for level, outcome in levels:
        if outcome != P and outcome != NA:
            break
        certain = level
    return outcomes, certain
