"""M4 year *n* and assistance come from the district's history (``_history``)."""

import datetime as dt

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanitasi_core.indicators._history import Assistance, m4_stage
from sanitasi_core.indicators._seen import see
from sanitasi_core.model import (
    Dossier,
    Evaluation,
    EvaluationSubject,
    Meeting,
    MeetingKind,
    Milestone,
    Region,
    StageReport,
)
from sanitasi_core.rulebooks import default_rulebook
from sanitasi_core.rules import RulebookSet
from sanitasi_core.testing import dossiers

REGION = Region(code="62.09", name="Kabupaten Lamandau")


def _stage(year: int, milestone: Milestone, day: dt.date, **extra: object) -> StageReport:
    return StageReport(year=year, milestone=milestone, reported_on=day, **extra)  # type: ignore[arg-type]


def _dossier(**lists: object) -> Dossier:
    return Dossier(region=REGION, **lists)  # type: ignore[arg-type]


def test_an_explicit_index_fixes_the_first_year() -> None:
    """'M4 year 2 in 2024' means 2023 was the first M4 year; the count goes on after."""
    dossier = _dossier(
        stage_reports=(_stage(2024, Milestone.M4, dt.date(2024, 10, 25), m4_year=2),)
    )
    seen = see(dossier, dt.date(2026, 12, 31))
    assert m4_stage(seen, 2024).year == 2
    assert m4_stage(seen, 2026).year == 4
    assert m4_stage(seen, 2022).year is None
    assert m4_stage(seen, 2026).first_year == 2023


def test_bounds_that_meet_fix_the_first_year() -> None:
    """Clinic 1 in 2023 and clinic 7 in 2024: 2024 is M4 year 1 and 2025 year 2."""
    dossier = _dossier(
        meetings=(
            Meeting(kind=MeetingKind.COACHING_CLINIC, clinic=1, date=dt.date(2023, 6, 22)),
            Meeting(kind=MeetingKind.COACHING_CLINIC, clinic=7, date=dt.date(2024, 10, 25)),
        )
    )
    seen = see(dossier, dt.date(2025, 12, 31))
    assert m4_stage(seen, 2024).year == 1
    assert m4_stage(seen, 2024).assistance is Assistance.ASSISTED
    assert m4_stage(seen, 2025).year == 2
    assert m4_stage(seen, 2025).assistance is Assistance.UNKNOWN


def test_without_a_lower_bound_the_year_is_a_range() -> None:
    """Only 'at M4 in 2024' known: 2025 is M4 year 2 or later, never guessed."""
    dossier = _dossier(stage_reports=(_stage(2024, Milestone.M4, dt.date(2024, 10, 25)),))
    stage = m4_stage(see(dossier, dt.date(2025, 12, 31)), 2025)
    assert stage.year is None
    assert stage.year_range == (2, None)


def test_post_m4_evaluation_marks_post_assistance() -> None:
    """A post-M4 evaluation in the year: post-assistance, and M4 began before that year."""
    dossier = _dossier(
        evaluations=(
            Evaluation(subject=EvaluationSubject.POST_M4, evaluated_on=dt.date(2025, 8, 13)),
        ),
        stage_reports=(_stage(2023, Milestone.M3, dt.date(2023, 11, 1)),),
    )
    stage = m4_stage(see(dossier, dt.date(2025, 12, 31)), 2025)
    assert stage.assistance is Assistance.POST_ASSISTANCE
    assert stage.year == 2


def test_sources_that_disagree_are_named() -> None:
    """Two explicit indices that imply different first years leave the year unknown."""
    dossier = _dossier(
        stage_reports=(
            _stage(2024, Milestone.M4, dt.date(2024, 10, 25), m4_year=2),
            _stage(2025, Milestone.M4, dt.date(2025, 11, 6), m4_year=4),
        )
    )
    stage = m4_stage(see(dossier, dt.date(2025, 12, 31)), 2025)
    assert stage.year is None
    assert stage.conflicts


def test_history_seen_on_the_date_only() -> None:
    """A stage report published after the date does not tell the year on that date."""
    dossier = _dossier(
        stage_reports=(_stage(2024, Milestone.M4, dt.date(2024, 10, 25), m4_year=2),)
    )
    assert m4_stage(see(dossier, dt.date(2024, 6, 30)), 2024).year is None


@pytest.mark.property
@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(
    dossiers(),
    st.dates(dt.date(2021, 1, 1), dt.date(2030, 12, 31)),
    st.dates(dt.date(2020, 1, 2), dt.date(2030, 12, 31)),
)
def test_splitting_a_rulebook_changes_no_decision(
    dossier: Dossier, as_of: dt.date, split: dt.date
) -> None:
    """Two identical rulebooks split at any date decide exactly as one, M4 year included."""
    whole = attrs.evolve(default_rulebook("2020.1"), valid_to=None)
    first = attrs.evolve(whole, valid_to=split)
    second = attrs.evolve(whole, valid_from=split, version="2020.1-b")
    one = RulebookSet([whole]).evaluate(dossier, as_of=as_of)
    two = RulebookSet([first, second]).evaluate(dossier, as_of=as_of)
    assert attrs.evolve(two, rulebook=one.rulebook) == one
    assert two.m4_year == one.m4_year
