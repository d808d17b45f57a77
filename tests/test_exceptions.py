"""The error hierarchy: builtins each error means, and bounded problem lists."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanitasi_core import Text
from sanitasi_core.exceptions import (
    MAX_PROBLEMS,
    DecisionFormatError,
    DossierFormatError,
    HouseholdFileError,
    Problem,
    ProblemCollector,
    RulebookError,
    SanitasiError,
    ValidationError,
)

ERRORS = (
    ValidationError,
    DossierFormatError,
    RulebookError,
    DecisionFormatError,
    HouseholdFileError,
)


def _problem(index: int) -> Problem:
    return Problem(
        path=f"$[{index}]", code="not_blank", text=Text(id=f"kosong {index}", en=f"blank {index}")
    )


@pytest.mark.parametrize("error", ERRORS)
def test_every_problem_error_is_a_value_error(error):
    """Errors carrying problems are ``SanitasiError`` and ``ValueError`` both."""
    raised = error([_problem(0)])
    assert isinstance(raised, SanitasiError)
    assert isinstance(raised, ValueError)


@given(st.integers(0, 3 * MAX_PROBLEMS))
def test_an_error_keeps_the_first_problems_and_counts_the_rest(count):
    """At most ``MAX_PROBLEMS`` problems are kept, in order; the rest are counted and said."""
    error = DossierFormatError(_problem(i) for i in range(count))
    kept = min(count, MAX_PROBLEMS)
    assert [p.path for p in error.problems] == [f"$[{i}]" for i in range(kept)]
    assert error.omitted == count - kept
    lines = error.render("en").splitlines() if count else []
    assert len(lines) == kept + (1 if count > MAX_PROBLEMS else 0)
    if count > MAX_PROBLEMS:
        assert lines[-1] == f"… and {count - MAX_PROBLEMS} more problems (not shown)"
        assert error.render("id").splitlines()[-1].startswith(f"… dan {count - MAX_PROBLEMS}")


def test_a_collector_holds_no_more_than_its_limit():
    """A collector fed a million problems keeps its limit and a count (bounded memory)."""
    collector = ProblemCollector(limit=5)
    collector.extend(_problem(i) for i in range(1_000_000))
    assert (len(collector.kept), collector.omitted, len(collector)) == (5, 999_995, 1_000_000)
    error = ValidationError(collector)
    assert (len(error.problems), error.omitted) == (5, 999_995)
    assert not ProblemCollector()
