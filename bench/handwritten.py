"""Hand-written baselines for the rules benchmarks: rulebook 2020.1's logic in plain Python.

* :func:`m2_flat` decides M2 from four prepared values (the "flat facts" baseline (1b) of
  perf-anchors.md): the policy flag and three record counts, each count as the interval
  ``(sure, upper)`` the library holds (``upper`` ``None``: no upper bound, the list is marked
  incomplete), or ``None`` when unknown.
* :func:`evaluate` computes the 19 criterion outcomes of rulebook 2020.1 and the certain level
  straight from the dossier objects, with one fused loop per collection (baseline (1a)), so its
  outcomes can be checked against ``CompiledRulebook.evaluate`` with 2020.1.

What :func:`evaluate` restates by hand (the semantics of ``sanitasi_core.indicators`` and of the
rule engine, as rulebook 2020.1 uses them):

* **Outcomes are four-valued** (Kleene): a list the dossier does not report (``None``) makes its
  criteria ``unknown``, never ``fail``; ``not_applicable`` is neutral in every conjunction.
* **As-of filtering**: nothing dated after ``as_of`` is seen. Designations by their decree's
  date (or, undated, the year in a Kemendagri decree number: undecided within that year);
  documents by ``adopted_on``, else their ``year`` or first period year (undecided until that
  year has ended, kept but undecided when undated); a policy package's instrument dated later is
  not there; commitments by ``signed_on``; service phases by their start (an end after
  ``as_of`` is not known yet: ongoing), aspect assessments by ``assessed_on``; activities from
  the start of their fiscal year, their realised amount only from its last day; monitoring
  reports by ``issued_on``, else their period's end; evaluations by ``evaluated_on``; access
  figures by ``published_on``, else the last day of their year.
* **Counts are intervals**: a record with an unknown field that decides whether it counts is
  undecided, so "at least one" passes when one record surely counts, fails when none can, and
  is unknown otherwise; a list marked ``incomplete`` has no upper bound (a missing record is
  unknown, never absent).
* **One service model on its own** meets the multi-aspect criterion (``some`` over the models:
  regulation and institution >= s, and >= k of the six aspects, from that model's latest
  assessment of each aspect in the year); no model at all fails.
* APBD realisation is ``realised / planned`` of the year's APBD-district activities, against
  r = 80 % rounded down to 0.01 (here compared exactly, which is the same test), not applicable
  without APBD activity; an activity without a funding source, amounts or realisation leaves it
  unknown.
* Access figures of a year come from the first source in the library's order (Susenas, NAWASIS,
  household records, EHRA, district report, other), the *layak* share published or summed from
  its three rungs.

It does not explain anything, rank missing inputs, count M4 years, check designations or
measure national targets: that is what the library adds on top. It reads the model's own
``LegalInstrument.dated_between`` and ``AccessRecord.layak_share`` (data, not engine).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sanitasi_core.model import (
    AccessSource,
    AreaType,
    DocumentKind,
    Dossier,
    DossierList,
    EvaluationSubject,
    FundingGroup,
    FundingSource,
    InstrumentKind,
    Office,
    Scale,
)

P, F, U, NA = "pass", "fail", "unknown", "not_applicable"

Count = tuple[int, int | None] | None
"""A prepared record count ``(sure, upper)``, ``upper`` ``None`` for no bound; ``None``: unknown."""


def _at_least_one(sure: int, maybe: int, open_ended: bool = False) -> str:
    """Outcome of "count >= 1" for a count in [sure, sure + maybe] (unbounded if open-ended)."""
    if sure >= 1:
        return P
    return U if maybe or open_ended else F


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
_PROFILE = frozenset({DocumentKind.SANITATION_PROFILE, DocumentKind.BUKU_PUTIH, DocumentKind.LSS})
_POLICY = DocumentKind.POLICY_PACKAGE
_TRIAL = Scale.TRIAL
_APBD = FundingSource.APBD_DISTRICT
_GROUP_APBD, _GROUP_NON_APBD = FundingGroup.APBD, FundingGroup.NON_APBD
_EVAL_TRIAL = EvaluationSubject.TRIAL
_EVAL_MODEL = frozenset({EvaluationSubject.SERVICE_MODEL, EvaluationSubject.POST_M4})
_TOTAL = AreaType.TOTAL
_SOURCE_RANK = {
    source: rank
    for rank, source in enumerate(
        (
            AccessSource.SUSENAS,
            AccessSource.NAWASIS,
            AccessSource.HOUSEHOLD_RECORDS,
            AccessSource.EHRA,
            AccessSource.DISTRICT_REPORT,
            AccessSource.OTHER,
        )
    )
}
_ASPECTS = ("regulation", "institution", "financing", "technical", "participation", "communication")
_REQUIRED = ("regulation", "institution")
_MIN_SCORE = Decimal(50)  # m4_min_aspect_score
_MIN_ASPECTS = 4  # m4_min_aspects (the k of the rulebook's aspects node)
_MIN_REALISATION = Decimal(80)  # m4_apbd_realisation (%)
_HUNDRED = Decimal(100)
_ZERO = Decimal(0)
_DOCUMENTS = DossierList.DOCUMENTS
_DESIGNATIONS = DossierList.DESIGNATIONS
_COMMITMENTS = DossierList.COMMITMENTS
_MODELS = DossierList.SERVICE_MODELS
_ACTIVITIES = DossierList.ACTIVITIES
_REPORTS = DossierList.MONITORING_REPORTS
_EVALUATIONS = DossierList.EVALUATIONS


def m2_flat(policy: bool | None, trial: Count, funded: Count, planned: Count) -> str:
    """M2 from prepared values: policy adopted, >= 1 trial model, funded and planned activity."""
    unknown = False
    if policy is None:
        unknown = True
    elif not policy:
        return F
    # Each count ">= 1": passes when surely one, fails when none can be, else unknown.
    if trial is None:
        unknown = True
    elif trial[0] < 1:
        if trial[1] is not None and trial[1] < 1:
            return F
        unknown = True
    if funded is None:
        unknown = True
    elif funded[0] < 1:
        if funded[1] is not None and funded[1] < 1:
            return F
        unknown = True
    if planned is None:
        unknown = True
    elif planned[0] < 1:
        if planned[1] is not None and planned[1] < 1:
            return F
        unknown = True
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


def _score(score: Decimal | None, unknown: bool) -> str:
    """One aspect of one model: its latest score of the year against s (none: absent, fail)."""
    if score is None:
        return U if unknown else F
    return P if score >= _MIN_SCORE else F


def evaluate(d: Dossier, as_of: dt.date) -> tuple[tuple[str, ...], str | None]:
    """Return the 19 outcomes (in :data:`CRITERIA` order) and the certain level (``"M1"``…)."""
    year = as_of.year
    year_closed = as_of >= dt.date(year, 12, 31)  # the year's realisation and figures are known
    incomplete = d.incomplete  # usually empty: each test below is one tuple scan

    # -- designations: dated on or before as_of (an undated decree: undecided) ---------------------
    designations = d.designations
    if designations is None:
        designated = U
    else:
        designated = U if _DESIGNATIONS in incomplete else F
        for des in designations:
            day = des.decree.date
            if day is not None:
                if day <= as_of:
                    designated = P
                    break
                continue
            window = des.decree.dated_between()  # the year in a Kemendagri decree number
            if window is None or window[0] <= as_of:
                if window is not None and window[1] <= as_of:
                    designated = P
                    break
                designated = U

    # -- working group: its decree dated on or before as_of -----------------------------------
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
        ssk = profile = policy = U if _DOCUMENTS in incomplete else F
        for doc in docs:
            # Seen: adopted on or before as_of, else its year has begun (dated once it ended).
            adopted = doc.adopted_on
            if adopted is not None:
                if adopted > as_of:
                    continue
                dated = True
            else:
                y = doc.year if doc.year is not None else doc.period_start
                if y is None:
                    dated = False
                elif y > year:
                    continue
                else:
                    dated = y < year or year_closed
            kind = doc.kind
            if kind is _SSK:
                if ssk is not P:
                    start, end = doc.period_start, doc.period_end
                    if start is None or end is None:
                        ssk = U
                    elif start <= year <= end:
                        ssk = P if dated else U
            elif kind in _PROFILE:
                if profile is not P:
                    profile = P if dated else U
            elif kind is _POLICY and policy is not P:
                instrument = doc.instrument
                if instrument is None:
                    policy = U
                elif instrument.date is not None and instrument.date > as_of:
                    continue  # adopted later: not yet
                elif instrument.kind in _POLICY_INSTRUMENTS:
                    policy = U if instrument.date is None else P

    # -- commitments signed on or before as_of --------------------------------------------------
    commitments = d.commitments
    if commitments is None:
        commitment = commitment_in_year = U
    else:
        commitment = commitment_in_year = U if _COMMITMENTS in incomplete else F
        for c in commitments:
            signed = c.signed_on
            if c.office in _REGIONAL_HEADS and signed <= as_of:
                commitment = P
                if signed.year == year or c.year == year:
                    commitment_in_year = P
                    break

    # -- service models (phases started by as_of): trials, expansion, aspects, trial years -----
    models = d.service_models
    trial_years: dict[str, range | None] = {}
    if models is None:
        trial_models = area = multi_aspect = U
    else:
        models_open = _MODELS in incomplete
        trials = trials_maybe = 0
        area_maybe = area_found = False
        multi = []
        for m in models:
            phases = m.phases
            trial = None
            if phases is None:
                trials_maybe += 1
                area_maybe = True
            else:
                for phase in phases:
                    if phase.scale is _TRIAL and (phase.start is None or phase.start <= as_of):
                        trial = phase
                        break
                if trial is not None:
                    if trial.start is None:
                        trials_maybe += 1
                    else:
                        trials += 1
                    if not area_found:
                        for phase in phases:
                            if phase.scale is _TRIAL:
                                continue
                            if phase.start is None:
                                area_maybe = True
                            elif phase.start <= as_of:
                                area_found = True
                                break
            if m.id not in trial_years:
                if trial is None or trial.start is None:
                    trial_years[m.id] = None
                else:
                    ended = trial.end
                    last = year if ended is None or ended > as_of else min(ended.year, year)
                    trial_years[m.id] = range(trial.start.year, last + 1)
            # One model on its own: its latest score of each aspect assessed in the year.
            assessments = m.assessments
            if assessments is None:
                multi.append(U)
                continue
            latest: dict[str, tuple[dt.date, Decimal]] = {}
            for assessment in assessments:
                day = assessment.assessed_on
                if day.year == year and day <= as_of:
                    seen = latest.get(assessment.aspect)
                    if seen is None or day > seen[0]:
                        latest[assessment.aspect] = (day, assessment.score)
            scores = {
                name: _score(s[1] if (s := latest.get(name)) else None, models_open)
                for name in _ASPECTS
            }
            multi.append(
                _all(
                    *(scores[name] for name in _REQUIRED),
                    _at_least(_MIN_ASPECTS, [scores[name] for name in _ASPECTS]),
                )
            )
        trial_models = _at_least_one(trials, trials_maybe, models_open)
        area = P if area_found else (U if area_maybe or models_open else F)
        if not multi:
            multi_aspect = F
        elif P in multi:
            multi_aspect = P
        else:
            multi_aspect = U if U in multi else F

    # -- activities seen (fiscal year begun): funded, planned, trial-realised, APBD realisation -
    acts = d.activities
    if acts is None:
        funded = planned = realised = apbd = U
    else:
        acts_open = _ACTIVITIES in incomplete
        n_funded = n_planned = n_realised = 0
        maybe_funded = maybe_planned = maybe_realised = 0
        sum_planned = _ZERO
        sum_realised = _ZERO
        apbd_unknown = any_apbd = False
        for a in acts:
            fy = a.fiscal_year
            if fy > year:
                continue
            model = a.service_model
            if model is not None:
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
                    got = a.realised if fy < year or year_closed else None
                    if got is None:
                        maybe_realised += 1
                    elif got > 0:
                        n_realised += 1
            if fy == year:
                source = a.funding_source
                if source is None:
                    apbd_unknown = True
                elif source is _APBD:
                    any_apbd = True
                    if a.planned is None or a.realised is None or not year_closed:
                        apbd_unknown = True
                    else:
                        sum_planned += a.planned
                        sum_realised += a.realised
        funded = _at_least_one(n_funded, maybe_funded, acts_open)
        planned = _at_least_one(n_planned, maybe_planned, acts_open)
        realised = _at_least_one(n_realised, maybe_realised, acts_open)
        if apbd_unknown or acts_open:
            apbd = U
        elif not any_apbd or sum_planned == 0:
            apbd = NA
        else:
            # realised / planned rounded down to 0.01 >= 80 %  <=>  realised * 100 >= 80 * planned
            apbd = P if sum_realised * _HUNDRED >= _MIN_REALISATION * sum_planned else F

    # -- monitoring reports issued by as_of: trial monitored, APBD and non-APBD covered ---------
    reports = d.monitoring_reports
    if reports is None:
        monitored = covered = U
    else:
        model_of = {}
        group_of = {}
        for a in acts or ():
            if a.fiscal_year <= year:
                model_of[a.id] = a.service_model
                if a.funding_source is not None:
                    group_of[a.id] = _GROUP_APBD if a.funding_source is _APBD else _GROUP_NON_APBD
        n_monitored = 0
        has_apbd = has_non_apbd = False
        for rep in reports:
            if (rep.issued_on or rep.period_end) > as_of:
                continue
            first, last = rep.period_start.year, rep.period_end.year
            if not n_monitored:
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
                    if group is _GROUP_APBD:
                        has_apbd = True
                    else:
                        has_non_apbd = True
                for x in rep.activities:
                    known = group_of.get(x)
                    if known is _GROUP_APBD:
                        has_apbd = True
                    elif known is _GROUP_NON_APBD:
                        has_non_apbd = True
        reports_open = _REPORTS in incomplete
        monitored = _at_least_one(n_monitored, 0, reports_open)
        covered = P if has_apbd and has_non_apbd else (U if reports_open else F)

    # -- evaluations made by as_of --------------------------------------------------------------
    evaluations = d.evaluations
    if evaluations is None:
        trial_evaluated = model_evaluated = U
    else:
        evals_open = _EVALUATIONS in incomplete
        n_lessons = maybe_lessons = 0
        model_evaluated = U if evals_open else F
        for ev in evaluations:
            day = ev.evaluated_on
            if day > as_of:
                continue
            subject = ev.subject
            if subject is _EVAL_TRIAL:
                if ev.lessons is None:
                    maybe_lessons += 1
                elif ev.lessons:
                    n_lessons += 1
            elif subject in _EVAL_MODEL and day.year == year and (ev.improvements or ev.findings):
                model_evaluated = P
        trial_evaluated = _at_least_one(n_lessons, maybe_lessons, evals_open)

    # -- access: layak published by as_of, this year and the year before, by source order ------
    now = before = None
    now_rank = before_rank = 99
    for r in d.access_records or ():
        ry = r.year
        if r.area is not _TOTAL or (ry != year and ry != year - 1):
            continue
        published = r.published_on
        if published is not None:
            if published > as_of:
                continue
        elif ry == year and not year_closed:
            continue  # a year's figures are known when it ends
        share = r.layak_share
        if share is None:
            continue
        rank = _SOURCE_RANK[r.source]
        if ry == year:
            if rank < now_rank:
                now_rank, now = rank, share
        elif rank < before_rank:
            before_rank, before = rank, share
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
