"""The fused indicator passes (one read per collection) equal each indicator computed alone.

The per-indicator derivations the fused passes replaced are kept as the reference, in
``tests/_indicator_references.py``; these tests compare the two on generated dossiers, on
relinked records (so that trials, linked activities and monitoring reports meet), and on the
bundled examples, in any order of asking.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping
from importlib import resources

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sanitasi_core.testing as s
from sanitasi_core.indicators import Facts, Observation, _access, _seen
from sanitasi_core.model import DEFAULT_ASPECTS, Activity, AreaType, Dossier
from sanitasi_core.rules import compile_rulebook, default_rulebook, example_rulebook
from sanitasi_core.serialization import load_dossier
from tests import _indicator_references as refs

Reference = Callable[[Facts, Mapping[str, str]], Observation]
Pair = tuple[str, Mapping[str, str], Reference]

PREVIOUS = {"year": "previous"}
PAIRS: tuple[Pair, ...] = (
    ("apbd_realisation_pct", {}, refs._reference_apbd_realisation_pct),
    ("apbd_realisation_pct", PREVIOUS, refs._reference_apbd_realisation_pct),
    ("monitoring_covers_funding_groups", {}, refs._reference_monitoring_covers_funding_groups),
    (
        "monitoring_covers_funding_groups",
        PREVIOUS,
        refs._reference_monitoring_covers_funding_groups,
    ),
    ("funded_model_activities", {}, refs._reference_funded_model_activities),
    ("planned_model_activities", {}, refs._reference_planned_model_activities),
    ("trial_realised_activities", {}, refs._reference_trial_realised_activities),
    ("trial_monitoring_reports", {}, refs._reference_trial_monitoring_reports),
)
SHARES = ("layak", "safely_managed", "open_defecation")
LATEST = tuple(
    ("latest_share", {"share": share, "area": area.value}, refs._reference_latest_share)
    for share in SHARES
    for area in AreaType
)


def _aspect_pairs(dossier: Dossier, aliases: Mapping[str, tuple[str, ...]]) -> list[Pair]:
    """``aspect_score`` for every aspect and step the dossier names, and every alias."""
    assessed = [a for m in dossier.service_models or () for a in m.assessments or ()]
    aspects = sorted({*DEFAULT_ASPECTS, *aliases, *(a.aspect for a in assessed)})
    steps = sorted({a.step for a in assessed if a.step is not None})
    pairs: list[Pair] = []
    for aspect in aspects:
        for step in [None, *steps[:2]]:
            for year in ({}, PREVIOUS):
                args = {"aspect": aspect, **year, **({"step": step} if step else {})}
                pairs.append(("aspect_score", args, refs._reference_aspect_score))
    return pairs


def _same(a: object, b: object) -> bool:
    return a == b and repr(a) == repr(b)


def _check(
    dossier: Dossier,
    as_of: dt.date,
    fiscal_year: int,
    order: list[int],
    aliases: Mapping[str, tuple[str, ...]] | None = None,
) -> None:
    aliases = aliases or {}
    pairs = [*PAIRS, *LATEST, *_aspect_pairs(dossier, aliases)]
    order = order + list(range(len(order), len(pairs)))

    def facts() -> Facts:
        return Facts(dossier, as_of, fiscal_year=fiscal_year, aspect_aliases=aliases)

    fused = facts()
    for i in order:  # one facts asked in this order: a pass filled early serves the rest
        name, args, reference = pairs[i]
        assert _same(fused.observe(name, args), reference(facts(), args)), (name, args)
    for year in range(fiscal_year - 2, fiscal_year + 1):
        for share in SHARES:
            got = _access._access_for(fused, year, share)
            assert _same(got, refs._reference_access_for(fused, year, share)), share
    for m in fused.seen.service_models or ():  # a quantifier's facts see one model
        scoped = fused.scoped(m.index)
        for name, args, reference in pairs:
            alone = fused.scoped(m.index)
            assert _same(scoped.observe(name, args), reference(alone, args)), (name, args)


@st.composite
def _linked(draw: st.DrawFn) -> Dossier:
    """A dossier whose activities and reports name its own service models (trials meet)."""
    d = draw(s.dossiers())
    idents = [m.id for m in d.service_models or ()] + [None]
    acts: tuple[Activity, ...] | None = None
    if d.activities is not None:
        acts = tuple(
            attrs.evolve(a, service_model=draw(st.sampled_from(idents))) for a in d.activities
        )
    reports = d.monitoring_reports
    if reports is not None and acts:
        ids = [a.id for a in acts]
        reports = tuple(
            attrs.evolve(
                r,
                service_model=draw(st.sampled_from(idents)),
                activities=tuple(draw(st.lists(st.sampled_from(ids), max_size=3))),
            )
            for r in reports
        )
    return attrs.evolve(d, activities=acts, monitoring_reports=reports)


@st.composite
def _aliases(draw: st.DrawFn) -> dict[str, tuple[str, ...]]:
    """A rulebook's aspect set: ids naming one or more assessment keys."""
    keys = st.sampled_from([*DEFAULT_ASPECTS, "other"])
    return draw(
        st.dictionaries(
            st.sampled_from(["regulation", "policy", "money"]),
            st.lists(keys, min_size=1, max_size=3).map(tuple),
            max_size=3,
        )
    )


@settings(max_examples=60)
@given(
    st.one_of(s.dossiers(), _linked()),
    s.dates(2015, 2030),
    st.booleans(),
    st.permutations(range(len(PAIRS) + len(LATEST))),
    _aliases(),
)
def test_fused_passes_equal_each_indicator_alone(dossier, as_of, previous, order, aliases):
    """Every fused indicator equals its per-indicator derivation, in any order of asking."""
    year = as_of.year - 1 if previous else as_of.year
    _check(dossier, as_of, year, list(order), aliases)


@st.composite
def _perturbed(draw: st.DrawFn) -> Dossier:
    """A bundled example with models, reordered, amounts unknown, same-day assessments added.

    Generated dossiers seldom meet a trial with realised activities or scored aspects; the
    examples do, and reordering them tests that no pass depends on the order of the records.
    """
    d = draw(st.sampled_from([d for _, d in _examples() if d.service_models and d.activities]))
    acts = d.activities
    if acts:
        acts = tuple(draw(st.permutations(acts)))
        unknown = draw(st.lists(st.booleans(), min_size=len(acts), max_size=len(acts)))
        acts = tuple(
            attrs.evolve(a, realised=None) if gone else a
            for a, gone in zip(acts, unknown, strict=True)
        )
    models = []
    for m in d.service_models or ():
        listed = list(m.assessments or ())
        if listed:
            # The same day as one of the latest, under an aspect aliased to it: a tie.
            twin = draw(st.sampled_from(sorted(listed, key=lambda a: a.assessed_on)[-3:]))
            score = draw(st.sampled_from([0, 50, 75, 100]))
            listed.append(attrs.evolve(twin, aspect="twin", score=score))
            listed = draw(st.permutations(listed))
        models.append(attrs.evolve(m, assessments=tuple(listed) if m.assessments else None))
    return attrs.evolve(
        d,
        activities=acts,
        service_models=tuple(models) if d.service_models is not None else None,
    )


@settings(max_examples=30)
@given(_perturbed(), st.booleans(), st.data())
def test_fused_passes_equal_each_indicator_alone_on_reordered_examples(dossier, later, data):
    """On reordered and partly unknown examples, fused and alone agree (ties and all)."""
    assessed = {
        a.assessed_on.year for m in dossier.service_models or () for a in m.assessments or ()
    }
    year = data.draw(st.sampled_from(sorted(assessed or {2025})))
    aliases = {a: (a, "twin") for a in DEFAULT_ASPECTS}  # the twins tie with the originals
    order = data.draw(st.permutations(range(len(PAIRS) + len(LATEST))))
    _check(dossier, dt.date(year + later, 12, 31), year, list(order), aliases)


@settings(max_examples=60)
@given(s.dossiers(), s.dates(2015, 2030))
def test_seen_activities_equal_the_generic_filter(dossier, as_of):
    """The written-out activity filter equals the generic one followed by ``_activity``."""
    generic = _seen._by_day(
        dossier.activities, as_of, lambda a: (dt.date(a.fiscal_year, 1, 1),) * 2
    )
    expected = (
        None
        if generic is None
        else tuple(attrs.evolve(i, record=_seen._activity(i.record, as_of)) for i in generic)
    )
    assert _same(_seen._activities(dossier.activities, as_of), expected)


@functools.cache
def _examples() -> list[tuple[str, Dossier]]:
    folder = resources.files("sanitasi_core") / "data" / "examples"
    return [
        (p.name, load_dossier(p.read_bytes()))
        for p in sorted(folder.iterdir(), key=lambda p: p.name)
        if p.name.endswith(".json")
    ]


def _alias_sets(dossier: Dossier) -> list[Mapping[str, tuple[str, ...]]]:
    """No aspect set, and those of the bundled rulebooks that define one."""
    day = dt.date(2025, 12, 31)
    books = (example_rulebook("kalteng-6-aspects"), default_rulebook("2025.1"))
    return [{}, *(compile_rulebook(b).facts(dossier, as_of=day).aspect_aliases for b in books)]


@pytest.mark.parametrize(
    ("name", "dossier"), _examples(), ids=lambda x: x if isinstance(x, str) else ""
)
def test_fused_passes_equal_each_indicator_alone_on_examples(name, dossier):
    """On every bundled example and evaluation year, fused and alone agree."""
    for year in range(2020, 2027):
        for aliases in _alias_sets(dossier):
            forward = list(range(len(PAIRS)))
            _check(dossier, dt.date(year, 12, 31), year, forward, aliases)
            _check(dossier, dt.date(year, 6, 30), year - 1, forward[::-1], aliases)


def test_activity_pass_runs_once_per_facts():
    """The activity indicators of one facts share one pass: asked again, nothing is rebuilt."""
    _, dossier = _examples()[0]
    f = Facts(dossier, dt.date(2024, 12, 31))
    first = f.observe("funded_model_activities")
    index = f._passes
    assert index is not None
    found = index.activities()
    f.observe("apbd_realisation_pct", PREVIOUS)
    assert f._passes is index
    assert index.activities() is found
    assert found.funded is first


def _reference_service_model(model, as_of):
    """HEAD's filter of a service model: ``attrs.evolve`` with every validator run."""
    phases = model.phases
    if phases is not None:
        phases = tuple(
            attrs.evolve(p, end=None) if p.end is not None and p.end > as_of else p
            for p in phases
            if p.start is None or p.start <= as_of
        )
    assessments = model.assessments
    if assessments is not None:
        assessments = tuple(a for a in assessments if a.assessed_on <= as_of)
    if phases == model.phases and assessments == model.assessments:
        return model
    return attrs.evolve(model, phases=phases, assessments=assessments)


@settings(max_examples=60)
@given(s.dossiers(), s.dates(2015, 2030))
def test_seen_service_models_equal_the_validated_copies(dossier, as_of):
    """Service models seen through trusted copies equal those ``attrs.evolve`` validates."""
    for model in dossier.service_models or ():
        seen = _seen._service_model(model, as_of)
        expected = _reference_service_model(model, as_of)
        assert seen == expected
        assert repr(seen) == repr(expected)
        assert hash(seen) == hash(expected)
        assert (seen is model) == (expected is model)


@settings(max_examples=40)
@given(s.dossiers(), s.dates(2015, 2030))
def test_one_model_view_equals_the_validated_copy(dossier, as_of):
    """A one-model view (trusted copy of the seen dossier) equals ``attrs.evolve``'s."""
    seen = _seen.see(dossier, as_of)
    for item in seen.service_models or ():
        only = seen.only_model(item.index)
        expected = attrs.evolve(
            seen,
            service_models=only.service_models,
            activities=only.activities,
            monitoring_reports=only.monitoring_reports,
            evaluations=only.evaluations,
        )
        assert only == expected
        assert repr(only) == repr(expected)
        assert only.service_models == (item,)


def test_scoped_facts_are_kept_per_model():
    """A model's facts are built once per facts: every quantifier over it shares them."""
    dossier = next(d for _, d in _examples() if d.service_models)
    f = Facts(dossier, dt.date(2024, 12, 31))
    models = dossier.service_models
    assert models
    first = f.scoped(0)
    assert f.scoped(0) is first
    assert first.scope == models[0].id
    assert first.observe("funded_model_activities") is f.scoped(0).observe(
        "funded_model_activities"
    )


@settings(max_examples=60)
@given(s.dossiers(), s.dates(2015, 2030))
def test_one_day_filters_equal_the_generic_one(dossier, as_of):
    """Collections dated by one day are filtered as ``_by_day`` does with a one-day window."""
    on, year_end = _seen._on, _seen._year_end
    windows = {
        "stage_reports": lambda r: on(r.reported_on),
        "meetings": lambda m: on(m.date),
        "commitments": lambda c: on(c.signed_on),
        "monitoring_reports": lambda r: on(r.issued_on or r.period_end),
        "evaluations": lambda e: on(e.evaluated_on),
        "access_records": lambda r: on(r.published_on) if r.published_on else year_end(r.year),
        "ehra": lambda e: year_end(e.year),
        "waste_records": lambda w: year_end(w.year),
        "nawasis_entries": lambda e: on(e.entered_on),
    }
    seen = _seen.see(dossier, as_of)
    for name, window in windows.items():
        expected = _seen._by_day(getattr(dossier, name), as_of, window)
        assert _same(getattr(seen, name), expected), name
