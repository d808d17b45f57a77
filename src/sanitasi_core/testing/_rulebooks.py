"""Rulebooks and their parts: national targets, aspect sets, thresholds, milestones.

A drawn rulebook loads back unchanged (``load_rulebook(dump_rulebook(rb), fmt="json") == rb``)
and evaluates any dossier on a day it is in force: its thresholds cover its validity, its
criteria have unique ids and valid tests (``_criteria``), its definitions refer only to
earlier ones, so references are acyclic.
"""

from __future__ import annotations

import datetime as dt
import functools

from hypothesis import strategies as st

from sanitasi_core.model import (
    DEFAULT_ASPECTS,
    AreaType,
    Milestone,
    NationalTarget,
    TargetIndicator,
)
from sanitasi_core.rules import (
    Aspect,
    AspectSet,
    ChainStep,
    MilestoneRule,
    Rulebook,
    RulebookStatus,
    Threshold,
    ThresholdStep,
)
from sanitasi_core.testing._criteria import (
    _criterion,
    _units,
    _values_in,
    bilingual_texts,
    references,
    sources,
)
from sanitasi_core.testing._scalars import (
    _maybe,
    _small_tuples,
    _unique_ids,
    _urls,
    dates,
    identifiers,
    percentages,
    years,
)

__all__ = [
    "aspect_sets",
    "milestone_rules",
    "national_targets",
    "rulebooks",
    "threshold_steps",
    "thresholds",
]


@functools.cache
def national_targets() -> st.SearchStrategy[NationalTarget]:
    """Dated national targets."""
    return st.builds(
        NationalTarget,
        id=identifiers(),
        indicator=st.sampled_from(TargetIndicator),
        value=percentages(),
        year=years(),
        basis=bilingual_texts(),
        area=st.sampled_from(AreaType),
        url=_maybe(_urls()),
        sources=_small_tuples(sources(), max_size=2),
    )


@functools.cache
def aspect_sets() -> st.SearchStrategy[AspectSet]:
    """Aspect sets: the six keys of the 2020 reconstruction, some required, some aliased."""

    @st.composite
    def build(draw: st.DrawFn) -> AspectSet:
        ids: list[str] = draw(
            st.lists(st.sampled_from(DEFAULT_ASPECTS), min_size=1, max_size=6, unique=True)
        )
        spare = [a for a in DEFAULT_ASPECTS if a not in ids]
        aspects = []
        for ident in ids:
            alias: str | None = None
            take: bool = draw(st.booleans())
            if spare and take:
                alias = draw(st.sampled_from(spare))
            if alias is not None:
                spare.remove(alias)
            aspects.append(
                Aspect(
                    id=ident,
                    name=draw(bilingual_texts()),
                    required=draw(st.booleans()),
                    aliases=(alias,) if alias else (),
                )
            )
        steps = draw(
            st.lists(st.sampled_from(("containment", "emptying", "treatment")), unique=True)
        )
        return AspectSet(
            id=draw(identifiers()),
            title=draw(bilingual_texts()),
            aspects=tuple(aspects),
            reference=draw(references()),
            steps=tuple(ChainStep(id=i, name=draw(bilingual_texts())) for i in steps),
        )

    return build()


@functools.cache
def threshold_steps(unit: str = "%") -> st.SearchStrategy[ThresholdStep]:
    """Single threshold values in force from a date (:class:`~sanitasi_core.rules.ThresholdStep`).

    Args:
        unit: the unit the value is in (``%``, ``points``, ``records``, ``months``, ``pp``).
    """
    return st.builds(ThresholdStep, since=dates(), value=_values_in(unit))


def _threshold_series(
    draw: st.DrawFn, unit: str | None, valid_from: dt.date | None, ident: str | None = None
) -> Threshold:
    """Draw a threshold whose first step starts on or before *valid_from*."""
    unit = unit if unit is not None else draw(st.sampled_from(_units()))
    latest = valid_from if valid_from is not None else dt.date(2035, 12, 31)
    first = latest - dt.timedelta(days=draw(st.integers(0, 5 * 366)))
    gaps = draw(st.lists(st.integers(1, 5 * 366), max_size=2))
    days = [first]
    for gap in gaps:
        days.append(days[-1] + dt.timedelta(days=gap))
    values = _values_in(unit)
    return Threshold(
        id=ident if ident is not None else draw(identifiers()),
        unit=unit,
        steps=tuple(ThresholdStep(since=d, value=draw(values)) for d in days),
        reference=draw(references()),
        description=draw(bilingual_texts()),
    )


@functools.cache
def thresholds(
    unit: str | None = None, valid_from: dt.date | None = None
) -> st.SearchStrategy[Threshold]:
    """Dated threshold series (:class:`~sanitasi_core.rules.Threshold`), steps in date order.

    Args:
        unit: the unit (default: any unit of a numeric indicator of the catalogue).
        valid_from: the ``valid_from`` of the rulebook the threshold is for: the first step
            starts on or before it, so the threshold has a value whenever the rulebook is in
            force (default: the first step is at the latest on 2035-12-31).
    """

    @st.composite
    def build(draw: st.DrawFn) -> Threshold:
        return _threshold_series(draw, unit, valid_from)

    return build()


@functools.cache
def milestone_rules(milestone: Milestone | None = None) -> st.SearchStrategy[MilestoneRule]:
    """Milestones with one to three criteria of unique ids, using no thresholds nor refs.

    Args:
        milestone: which milestone (default: any).
    """

    @st.composite
    def build(draw: st.DrawFn) -> MilestoneRule:
        ids = draw(_unique_ids(1, 3))
        return MilestoneRule(
            id=milestone if milestone is not None else draw(st.sampled_from(Milestone)),
            title=draw(bilingual_texts()),
            criteria=tuple(_criterion(draw, i, (), ()) for i in ids),
            per_fiscal_year=draw(st.booleans()),
        )

    return build()


@st.composite
def _rulebook(draw: st.DrawFn, max_criteria: int) -> Rulebook:
    valid_from = draw(dates(2015, 2030))
    valid_to = None
    if draw(st.booleans()):
        valid_to = valid_from + dt.timedelta(days=draw(st.integers(1, 20 * 366)))
    series = tuple(
        _threshold_series(draw, None, valid_from, ident) for ident in draw(_unique_ids(0, 4))
    )
    known = tuple((t.id, t.unit) for t in series)
    chosen = sorted(draw(st.sets(st.sampled_from(Milestone), min_size=1)), key=lambda m: m.rank)
    sizes = [draw(st.integers(1, max_criteria)) for _ in chosen]
    n_definitions = draw(st.integers(0, 3))
    total = n_definitions + sum(sizes)
    ids = draw(_unique_ids(total, total))
    names, ids = ids[:n_definitions], ids[n_definitions:]
    # A definition may only use the ones before it, so references never form a cycle.
    aspect_set = draw(_maybe(aspect_sets()))
    n_aspects = tuple(a.id for a in aspect_set.aspects) if aspect_set is not None else ()
    definitions = tuple(
        _criterion(draw, name, known, names[:index], max_leaves=4, aspects=n_aspects)
        for index, name in enumerate(names)
    )
    milestones = []
    for milestone, size in zip(chosen, sizes, strict=True):
        own, ids = ids[:size], ids[size:]
        milestones.append(
            MilestoneRule(
                id=milestone,
                title=draw(bilingual_texts()),
                criteria=tuple(_criterion(draw, i, known, names, aspects=n_aspects) for i in own),
                per_fiscal_year=milestone is Milestone.M4 and draw(st.booleans()),
            )
        )
    targets = draw(st.lists(national_targets(), max_size=2, unique_by=lambda t: t.id))
    return Rulebook(
        id=draw(st.sampled_from(("ppsp-ssk-milestones", "uji-coba")) | identifiers()),
        version=draw(_versions()),
        title=draw(bilingual_texts()),
        status=draw(st.sampled_from(RulebookStatus)),
        valid_from=valid_from,
        valid_to=valid_to,
        milestones=tuple(milestones),
        thresholds=series,
        definitions=definitions,
        targets=tuple(targets),
        aspects=aspect_set,
    )


@functools.cache
def _versions() -> st.SearchStrategy[str]:
    return st.from_regex(r"20[0-9]{2}\.[0-9]{1,2}(-[a-z]{1,8})?", fullmatch=True)


@functools.cache
def rulebooks(*, max_criteria: int = 3) -> st.SearchStrategy[Rulebook]:
    """Valid rulebooks: they load, and they evaluate any dossier on a day they are in force.

    ``load_rulebook(dump_rulebook(rb), fmt="json") == rb`` holds for every one. A rulebook has
    one or more milestones in order (M4 per fiscal year at times), criteria with ids unique
    across the rulebook, up to four thresholds of the catalogue's units whose first step is on
    or before ``valid_from``, up to three definitions that reference only earlier ones (so
    references are acyclic), and up to two national targets.

    Args:
        max_criteria: the most criteria per milestone.
    """
    return _rulebook(max_criteria)
