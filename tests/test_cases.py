"""Tests as data: each ``tests/cases/*.json`` is a dossier, a date and the expected decision."""

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

import attrs
import pytest

from sanitasi_core.model import Milestone
from sanitasi_core.rulebooks import default_rulebook
from sanitasi_core.rules import CompiledRulebook, CriterionResult, Decision, compile_rulebook
from sanitasi_core.serialization import dossier_from_dict

CASES = Path(__file__).parent / "cases"
EXAMPLES = Path(__file__).parent.parent / "examples"
CASE_FILES = sorted(CASES.glob("*.json"))

DEFAULT_CRITERIA = (
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


@pytest.fixture(scope="module")
def engine() -> CompiledRulebook:
    # The cases were written for the 2020 reconstruction; kept in force on any date here.
    return compile_rulebook(attrs.evolve(default_rulebook("2020.1"), valid_to=None))


def _load(path: Path) -> dict[str, Any]:
    return cast(dict[str, Any], json.loads(path.read_text(encoding="utf-8")))


def _level(value: str | None) -> Milestone | None:
    return None if value is None else Milestone(value)


def _result(decision: Decision, ident: str) -> CriterionResult:
    for m in decision.milestones:
        for c in m.criteria:
            for r in c.walk():
                if r.id == ident:
                    return r
    raise KeyError(ident)


def _check(decision: Decision, expect: dict[str, Any]) -> None:
    assert decision.certain_level == _level(expect["certain_level"])
    assert decision.possible_level == _level(expect["possible_level"])
    if "m4_year" in expect:
        assert decision.m4_year == expect["m4_year"]
    if "blocking" in expect:
        assert set(expect["blocking"]) <= set(decision.blocking)
        if not expect["blocking"]:
            assert decision.blocking == ()
    for ident, outcome in expect.get("outcomes", {}).items():
        assert decision.criterion(ident).outcome == outcome, ident
    for ident, gap in expect.get("gaps", {}).items():
        found = _result(decision, ident).gap
        assert found is not None, ident
        if "amount" in gap:
            assert found.amount == Decimal(gap["amount"])
        if "unit" in gap:
            assert found.unit == gap["unit"]
        if "more" in gap:
            assert found.more == gap["more"]
        for unit, value in gap.get("also", {}).items():
            assert found.also[unit] == Decimal(value)


def _params() -> list[Any]:
    out = []
    for path in CASE_FILES:
        reason = _load(path).get("xfail")
        marks = [pytest.mark.xfail(strict=True, reason=str(reason))]
        out.append(pytest.param(path, id=path.stem, marks=marks if reason else []))
    return out


@pytest.mark.parametrize("path", _params())
def test_case(path: Path, engine: CompiledRulebook) -> None:
    case = _load(path)
    assert case["description"]
    dossier = dossier_from_dict(case["dossier"])
    decision = engine.evaluate(dossier, as_of=dt.date.fromisoformat(case["as_of"]))
    _check(decision, case["expect"])


def test_cases_cover_every_criterion_both_ways() -> None:
    """Every criterion of the default rulebook passes in some case and fails in another."""
    assert {c.id for _, c in default_rulebook("2020.1").criteria()} == set(DEFAULT_CRITERIA)
    seen: dict[str, set[str]] = {c: set() for c in DEFAULT_CRITERIA}
    for path in CASE_FILES:
        for ident, outcome in _load(path)["expect"].get("outcomes", {}).items():
            seen[ident].add(outcome)
    for ident, outcomes in seen.items():
        assert {"pass", "fail"} <= outcomes, ident


def test_mahakam_ulu_2024(engine: CompiledRulebook) -> None:
    data = _load(EXAMPLES / "mahakam-ulu-2024.json")
    decision = engine.evaluate(dossier_from_dict(data), as_of=dt.date(2024, 12, 31))
    assert decision.certain_level is None
    assert decision.possible_level is Milestone.M4
    assert decision.designation_check.status == "unconfirmed"
    keys = {m.key for m in decision.missing}
    assert decision.missing
    assert {"documents", "activities", "service_models"} <= keys
