"""Tidy data frames of decisions: a folder to typed frames in three lines, and rows = decisions."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sanitasi_core as sc
from sanitasi_core.batch import evaluate_batch
from sanitasi_core.exceptions import PandasMissingError, SanitasiError
from sanitasi_core.reports import frames
from sanitasi_core.rules import Decision, Outcome
from sanitasi_core.testing import dossiers

pd: Any = pytest.importorskip("pandas")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(
    [*(ROOT / "examples").glob("*.json"), *(ROOT / "examples" / "real").glob("*.json")]
)
AS_OF = dt.date(2025, 12, 31)
BOOKS = sc.default_rulebooks()

LEVEL = ["M1", "M2", "M3", "M4"]
OUTCOME = ["fail", "unknown", "not_applicable", "pass"]

DECISION_DTYPES = {
    "region_code": "string",
    "region_name": "string",
    "as_of": "datetime64[s]",
    "fiscal_year": "Int64",
    "rulebook_id": "string",
    "rulebook_version": "string",
    "certain_level": "category",
    "possible_level": "category",
    "next_milestone": "category",
    "m4_year": "Int64",
    "m1_outcome": "category",
    "m2_outcome": "category",
    "m3_outcome": "category",
    "m4_outcome": "category",
    "undecided": "bool",
    "blocking": "Int64",
    "unknown": "Int64",
}
CRITERION_DTYPES = {
    "region_code": "string",
    "region_name": "string",
    "as_of": "datetime64[s]",
    "fiscal_year": "Int64",
    "milestone": "category",
    "criterion_id": "string",
    "outcome": "category",
    "severity": "category",
    "advisory": "bool",
    "blocking": "bool",
    "defaulted": "bool",
    "observed": "object",
    "observed_kind": "category",
    "threshold": "object",
    "unit": "string",
    "threshold_id": "string",
    "threshold_since": "datetime64[s]",
    "gap": "object",
    "gap_unit": "string",
    "gap_more": "Int64",
}


def dtypes(frame: Any) -> dict[str, str]:
    """The dtype of each column, by name."""
    return {column: str(dtype) for column, dtype in frame.dtypes.items()}


@pytest.fixture(scope="module")
def decisions() -> list[Decision]:
    """Every bundled example dossier, decided at the end of 2025."""
    return [BOOKS.evaluate(sc.load_dossier(p.read_bytes()), as_of=AS_OF) for p in EXAMPLES]


def test_a_folder_to_both_frames_in_three_lines(tmp_path: Path) -> None:
    """Notebook style: ``load_dossiers`` → decisions → both frames, with typed columns."""
    for path in EXAMPLES:
        shutil.copy(path, tmp_path)

    decisions = [BOOKS.evaluate(d, as_of=AS_OF) for d in sc.load_dossiers([tmp_path])]
    table = sc.decisions_frame(decisions)
    criteria = sc.criteria_frame(decisions)

    assert dtypes(table) == DECISION_DTYPES
    assert dtypes(criteria) == CRITERION_DTYPES
    assert len(table) == len(EXAMPLES)
    assert len(criteria) == sum(len(m.criteria) for d in decisions for m in d.milestones)
    for frame, columns in ((table, ("certain_level", "m1_outcome")), (criteria, ("outcome",))):
        for column in columns:
            assert frame[column].cat.ordered
    assert list(table.certain_level.cat.categories) == LEVEL
    assert list(criteria.outcome.cat.categories) == OUTCOME
    assert (table.as_of == pd.Timestamp(AS_OF)).all()


def test_columns_are_the_same_in_every_language(decisions: list[Decision]) -> None:
    """Column names are English snake_case keys, and frames of a batch equal those of its list."""
    result = evaluate_batch(
        BOOKS, [(str(p), p.read_bytes()) for p in EXAMPLES[:3]], as_of=AS_OF, lang="id"
    )
    by_batch = sc.decisions_frame(result)
    by_list = sc.decisions_frame(list(result.decisions))
    pd.testing.assert_frame_equal(by_batch, by_list)
    pd.testing.assert_frame_equal(sc.criteria_frame(result), sc.criteria_frame(result.decisions))
    for column in [*by_batch.columns, *sc.criteria_frame(result).columns]:
        assert column.isascii()
        assert column == column.lower()
        assert " " not in column


def test_decision_rows_hold_its_levels_and_outcomes(decisions: list[Decision]) -> None:
    """A district's row holds its levels, M4 year, outcomes and counts of the decision."""
    table = sc.decisions_frame(decisions).set_index("region_code")
    demo = next(d for d in decisions if d.region.code == "64.60")
    row = table.loc["64.60"]
    assert (row.certain_level, row.possible_level) == ("M3", "M3")
    assert row.m4_year == demo.m4_year == 2
    assert row.m4_outcome == demo.milestone("M4").outcome.value
    assert not row.undecided
    assert row.blocking == len(demo.blocking)
    mahakam = table.loc["64.11"]
    assert pd.isna(mahakam.certain_level)
    assert mahakam.possible_level == "M4"
    assert mahakam.undecided
    assert (table.possible_level >= "M3").sum() == sum(
        d.possible_level is not None and d.possible_level.rank >= 3 for d in decisions
    )


def test_numbers_stay_exact_decimals(decisions: list[Decision]) -> None:
    """Observed values, thresholds and gaps are Decimal objects, exact as in the decision."""
    criteria = sc.criteria_frame(decisions)
    row = criteria[
        (criteria.region_code == "64.60") & (criteria.criterion_id == "m4.apbd_realisation")
    ].iloc[0]
    assert row.observed == Decimal("85.16")
    assert isinstance(row.observed, Decimal)
    assert row.observed_kind == "number"
    assert row.threshold == Decimal(80)
    assert isinstance(row.threshold, Decimal)
    assert (row.threshold_id, row.threshold_since) == (
        "m4_apbd_realisation",
        pd.Timestamp("2025-01-01"),
    )
    assert (row.unit, row.outcome, row.milestone) == ("%", "pass", "M4")
    kinds = set(criteria.observed_kind.dropna())
    assert kinds <= {"number", "flag", "count", "item"}
    flags = criteria[criteria.observed_kind == "flag"].observed
    assert all(isinstance(v, bool) for v in flags)
    advisory = criteria[criteria.advisory]
    assert (advisory.severity == "advisory").all()
    assert not advisory.blocking.any()


def test_gaps_and_partly_known_counts_are_cells() -> None:
    """A gap's amount and unit, how many more are needed, and a count ``3..`` are plain cells."""
    base = next(p for p in EXAMPLES if p.name == "demo-sungai-lestari.json")
    decision = BOOKS.evaluate(sc.load_dossier(base.read_bytes()), as_of=dt.date(2025, 1, 31))
    criteria = sc.criteria_frame([decision])
    results = [c for m in decision.milestones for c in m.criteria]
    for (_, row), result in zip(criteria.iterrows(), results, strict=True):
        gap = result.gap
        assert row.gap == (gap.amount if gap else None) or pd.isna(row.gap)
        expected_more = gap.more if gap else None
        assert (pd.isna(row.gap_more) and expected_more is None) or row.gap_more == expected_more
        if result.observed is not None and row.observed_kind == "count":
            assert row.observed == str(result.observed)


def test_empty_input_gives_empty_typed_frames() -> None:
    """No decision gives frames with every column, typed as for a full one."""
    assert dtypes(sc.decisions_frame([])) == DECISION_DTYPES
    assert dtypes(sc.criteria_frame(iter([]))) == CRITERION_DTYPES
    assert sc.decisions_frame([]).empty


def test_dates_far_from_today_fit(decisions: list[Decision]) -> None:
    """Second resolution holds any date of the model, where nanoseconds would end in 2262."""
    far = [
        _evolve(decisions[0], as_of=dt.date(1, 1, 1)),
        _evolve(decisions[0], as_of=dt.date(9999, 12, 31)),
    ]
    shown = sc.decisions_frame(far).as_of.dt.year.tolist()
    assert shown == [1, 9999]


def _evolve(decision: Decision, **changes: Any) -> Decision:
    import attrs  # noqa: PLC0415

    return attrs.evolve(decision, **changes)


@pytest.mark.parametrize("function", [frames.decisions_frame, frames.criteria_frame])
def test_without_pandas_the_error_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch, decisions: list[Decision], function: Any
) -> None:
    """Without pandas: an ImportError and SanitasiError naming the extra in both languages."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError) as caught:
        function(decisions)
    error = caught.value
    assert isinstance(error, PandasMissingError)
    assert isinstance(error, SanitasiError)
    assert error.name == "pandas"
    assert function.__name__ in str(error)
    assert "sanitasi-core[pandas]" in error.text.en
    assert "belum terpasang" in error.text.id
    assert str(type(error)(error.text)) == str(error)


@pytest.mark.property
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(dossiers(), max_size=3), st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)))
def test_rows_are_the_decisions(generated: list[Any], day: dt.date) -> None:
    """One row per decision and per criterion, in order, with the decisions' outcomes."""
    decisions = [BOOKS.evaluate(d, as_of=day) for d in generated]
    table, criteria = sc.decisions_frame(decisions), sc.criteria_frame(decisions)
    assert len(table) == len(decisions)
    assert table.region_code.tolist() == [d.region.code for d in decisions]
    for milestone in LEVEL:
        assert table[f"{milestone.lower()}_outcome"].astype(object).tolist() == [
            d.milestone(milestone).outcome.value for d in decisions
        ]
    results = [(m.id.value, c) for d in decisions for m in d.milestones for c in m.criteria]
    assert criteria.criterion_id.tolist() == [c.id for _, c in results]
    assert criteria.milestone.astype(object).tolist() == [m for m, _ in results]
    assert criteria.outcome.astype(object).tolist() == [c.outcome.value for _, c in results]
    unknown = sum(c.outcome is Outcome.UNKNOWN for _, c in results)
    assert int(table.unknown.sum()) == unknown
