"""Whole dossiers of tunable completeness, whose ids are unique and whose references resolve."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any, Literal

import attrs
from hypothesis import strategies as st

from sanitasi_core.model import Dossier, DossierList
from sanitasi_core.testing._access import (
    access_records,
    ehra_assessments,
    village_records,
    waste_records,
)
from sanitasi_core.testing._records import (
    activities,
    commitments,
    designations,
    evaluations,
    meetings,
    monitoring_reports,
    nawasis_entries,
    planning_documents,
    provenances,
    service_models,
    stage_reports,
    working_groups,
)
from sanitasi_core.testing._scalars import (
    _MAX_ITEMS,
    _maybe,
    _small_tuples,
    _unique,
    _unique_ids,
    regions,
    texts,
)

__all__ = ["Completeness", "dossiers"]

Completeness = Literal["minimal", "sparse", "full", "any"]
"""How much of a dossier :func:`dossiers` fills in.

``minimal``: only the region. ``sparse``: each section independently absent (unknown), empty or
filled. ``full``: every section present and non-empty. ``any``: one of the three.
"""


@st.composite
def _dossier(draw: st.DrawFn, mode: Literal["minimal", "sparse", "full"]) -> Dossier:
    region = draw(regions())
    if mode == "minimal":
        return Dossier(region=region)
    full = mode == "full"
    # A full dossier has one or two records per section, a sparse one up to three.
    least, most = (1, 2) if full else (0, _MAX_ITEMS)

    def present() -> bool:
        return full or draw(st.booleans())

    def section(records: st.SearchStrategy[Any]) -> tuple[Any, ...] | None:
        """Draw a section: unknown or empty (sparse only), or filled."""
        if not present():
            return None
        return draw(_small_tuples(records, min_size=least, max_size=most))

    def reference(ids: Sequence[str]) -> str | None:
        """Draw ``None`` or one of *ids*: references never dangle."""
        if not ids or draw(st.booleans()):
            return None
        return ids[draw(st.integers(0, len(ids) - 1))]

    # Ids first, then the records that carry them, then references drawn from them.
    model_ids = draw(_unique_ids(least, most)) if present() else None
    activity_ids = draw(_unique_ids(least, most)) if present() else None
    report_ids: list[str | None] | None = [*draw(_unique_ids(least, most))] if present() else None
    if report_ids is not None and not full and draw(st.booleans()):
        report_ids.append(None)  # report ids are optional; only set ones must be unique
    known_models = model_ids or []
    known_activities = activity_ids or []

    models = None
    if model_ids is not None:
        models = tuple(attrs.evolve(draw(service_models()), id=i) for i in model_ids)
    acts = None
    if activity_ids is not None:
        acts = tuple(
            attrs.evolve(draw(activities()), id=i, service_model=reference(known_models))
            for i in activity_ids
        )
    reports = None
    if report_ids is not None:
        reports = tuple(
            attrs.evolve(
                draw(monitoring_reports()),
                id=i,
                activities=tuple(
                    known_activities[j] for j in draw(_indices(len(known_activities)))
                ),
                service_model=reference(known_models),
            )
            for i in report_ids
        )
    evals = section(evaluations())
    if evals is not None:
        evals = tuple(attrs.evolve(e, service_model=reference(known_models)) for e in evals)
    return Dossier(
        region=region,
        description=draw(texts(max_size=24) if full else _maybe(texts(max_size=24))),
        fictional=draw(st.booleans()),
        designations=_unique(
            section(designations()),
            lambda d: (d.decree.number, d.milestone) if d.decree.number else None,
        ),
        stage_reports=section(stage_reports()),
        working_group=draw(working_groups() if full else _maybe(working_groups())),
        meetings=_unique(
            section(meetings()), lambda m: (m.kind, m.clinic, m.date) if m.clinic else None
        ),
        documents=section(planning_documents()),
        service_models=models,
        commitments=section(commitments()),
        activities=acts,
        monitoring_reports=reports,
        evaluations=evals,
        access_records=_unique(section(access_records()), lambda r: (r.year, r.source, r.area)),
        villages=_unique(section(village_records(region.code)), lambda v: v.code),
        ehra=_unique(section(ehra_assessments(region.code)), lambda e: (e.village, e.year)),
        waste_records=_unique(section(waste_records()), lambda w: (w.year, w.area)),
        nawasis_entries=_unique(
            section(nawasis_entries()), lambda e: (e.milestone, e.year, e.entered_on)
        ),
        incomplete=tuple(draw(st.lists(st.sampled_from(DossierList), unique=True, max_size=3)))
        if not full
        else (),
        provenance=draw(_small_tuples(provenances(), min_size=least, max_size=2)),
    )


@functools.cache
def _indices(size: int) -> st.SearchStrategy[list[int]]:
    if size == 0:
        return st.just([])
    return st.lists(st.integers(0, size - 1), max_size=_MAX_ITEMS)


@functools.cache
def dossiers(completeness: Completeness = "any") -> st.SearchStrategy[Dossier]:
    """Valid dossiers, from nearly empty (only the region) to complete.

    Args:
        completeness: ``minimal``, ``sparse``, ``full`` or ``any`` (see :data:`Completeness`).
    """
    if completeness == "any":
        return st.one_of(_dossier("minimal"), _dossier("sparse"), _dossier("full"))
    return _dossier(completeness)
