"""Behaviour and property tests of the rules engine (``sanitasi_core.rules``)."""

import contextlib
import copy
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanitasi_core.exceptions import NoRulebookInForceError, RulebookError
from sanitasi_core.model import Milestone
from sanitasi_core.rulebooks import (
    default_rulebook,
    default_rulebooks,
    dump_decision,
    dump_rulebook,
    load_decision,
    load_rulebook,
)
from sanitasi_core.rules import (
    ObservedItem,
    Outcome,
    RulebookSet,
    ThresholdStep,
    combine_all,
    combine_any,
    combine_at_least,
    compile_rulebook,
    diff_rulebooks,
    negate,
)
from sanitasi_core.serialization import dossier_from_dict
from sanitasi_core.testing import dossiers

CASES = Path(__file__).parent / "cases"
AS_OF = dt.date(2025, 12, 31)
P, F, U, NA = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN, Outcome.NOT_APPLICABLE
RANK = {None: 0} | {m: m.rank for m in Milestone}

# The cases were written for the 2020 reconstruction: kept in force on any date here.
ENGINE = compile_rulebook(attrs.evolve(default_rulebook("2020.1"), valid_to=None))
BUNDLED = default_rulebooks()  # 2020.1 until 2024, 2025.1 from 2025


def _base() -> dict[str, Any]:
    data = json.loads((CASES / "all-pass-m4.json").read_text(encoding="utf-8"))
    return copy.deepcopy(data["dossier"])


def _evaluate(data: dict[str, Any], as_of: dt.date = AS_OF):
    return ENGINE.evaluate(dossier_from_dict(data), as_of=as_of)


# --------------------------------------------------------------------------------------------
# Kleene soundness on a small tree ADT
# --------------------------------------------------------------------------------------------

LEAF = st.sampled_from([P, F, U, NA])


def _trees() -> st.SearchStrategy[Any]:
    def extend(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
        group = st.lists(children, min_size=1, max_size=4)
        return st.one_of(
            st.tuples(st.just("all"), group),
            st.tuples(st.just("any"), group),
            st.tuples(st.just("not"), children),
            group.flatmap(
                lambda of: st.tuples(st.just("at_least"), st.just(of), st.integers(1, len(of)))
            ),
        )

    return st.recursive(LEAF, extend, max_leaves=10)


def _eval_tree(tree: Any, assign: dict[int, Outcome], counter: list[int]) -> Outcome:
    if isinstance(tree, Outcome):
        index = counter[0]
        counter[0] += 1
        return assign.get(index, tree)
    op = tree[0]
    if op == "not":
        return negate(_eval_tree(tree[1], assign, counter))
    outcomes = [_eval_tree(t, assign, counter) for t in tree[1]]
    if op == "all":
        return combine_all(outcomes)
    if op == "any":
        return combine_any(outcomes)
    return combine_at_least(tree[2], outcomes)


def _leaves(tree: Any) -> list[Outcome]:
    if isinstance(tree, Outcome):
        return [tree]
    if tree[0] == "not":
        return _leaves(tree[1])
    return [leaf for t in tree[1] for leaf in _leaves(t)]


@pytest.mark.property
@given(_trees())
def test_kleene_soundness(tree: Any) -> None:
    """A decided outcome is the outcome under every completion of the unknown leaves."""
    outcome = _eval_tree(tree, {}, [0])
    unknown = [i for i, leaf in enumerate(_leaves(tree)) if leaf is U]
    if outcome not in (P, F) or len(unknown) > 8:
        return
    for bits in range(2 ** len(unknown)):
        assign = {i: (P if bits >> n & 1 else F) for n, i in enumerate(unknown)}
        assert _eval_tree(tree, assign, [0]) is outcome


def test_combinators_basics() -> None:
    assert combine_all([]) is NA
    assert combine_all([P, NA]) is P
    assert combine_all([P, U]) is U
    assert combine_all([U, F]) is F
    assert combine_any([F, U]) is U
    assert combine_any([U, P]) is P
    assert combine_at_least(2, [P, U, F]) is U
    assert combine_at_least(2, [P, F, F]) is F
    assert negate(U) is U
    assert negate(NA) is NA


# --------------------------------------------------------------------------------------------
# Ladder consistency and round trips on generated dossiers
# --------------------------------------------------------------------------------------------


def _check_ladder(decision: Any) -> None:
    certain, possible = decision.certain_level, decision.possible_level
    assert RANK[certain] <= RANK[possible]
    for m in decision.milestones:
        if RANK[m.id] <= RANK[certain]:
            assert m.outcome in (P, NA)
        if RANK[m.id] <= RANK[possible]:
            assert m.outcome is not F
    if decision.next_milestone is not None:
        ids = {c.id for c in decision.milestone(decision.next_milestone).criteria}
        assert set(decision.blocking) <= ids
    else:
        assert decision.blocking == ()


@pytest.mark.property
@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(dossiers(), st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)))
def test_ladder_consistency(dossier: Any, day: dt.date) -> None:
    """Certain ≤ possible; levels agree with milestone outcomes; blocking ids are next's."""
    _check_ladder(BUNDLED.evaluate(dossier, as_of=day))


@pytest.mark.property
@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(dossiers(), st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)))
def test_decision_round_trip_and_purity(dossier: Any, day: dt.date) -> None:
    """A decision survives a JSON round trip, and evaluating twice gives equal decisions."""
    decision = BUNDLED.evaluate(dossier, as_of=day)
    assert load_decision(dump_decision(decision)) == decision
    assert BUNDLED.evaluate(dossier, as_of=day) == decision


@pytest.mark.parametrize("version", ["2020.1", "2025.1"])
def test_rulebook_round_trip(version: str) -> None:
    """Each bundled rulebook survives a JSON round trip unchanged."""
    book = default_rulebook(version)
    assert load_rulebook(dump_rulebook(book), fmt="json") == book


# --------------------------------------------------------------------------------------------
# Monotonicity and gaps
# --------------------------------------------------------------------------------------------


@pytest.mark.property
@given(
    st.integers(0, 200_000_000),
    st.integers(0, 200_000_000),
    st.sampled_from(["regulation", "institution", "financing", "technical", "participation"]),
    st.integers(0, 300),
)
def test_monotonicity(realised: int, more: int, aspect: str, layak_up: int) -> None:
    """Improving a higher-is-better input never lowers the certain level."""
    data = _base()
    data["activities"][1]["realised"] = str(realised)
    data["service_models"][0]["assessments"] = [
        a for a in data["service_models"][0]["assessments"] if a["aspect"] != aspect
    ]
    data["access_records"][1]["layak"] = "83.00"
    before = _evaluate(data).certain_level
    better = copy.deepcopy(data)
    better["activities"][1]["realised"] = str(realised + more)
    better["service_models"][0]["assessments"].append(
        {"aspect": aspect, "score": "100", "assessed_on": "2025-10-02"}
    )
    better["access_records"][1]["layak"] = str(Decimal("83.00") + Decimal(layak_up) / 100)
    assert RANK[_evaluate(better).certain_level] >= RANK[before]


@pytest.mark.property
@given(st.integers(1, 7999))
def test_apbd_gap_closes_exactly(basis_points: int) -> None:
    """Applying the reported gap makes the APBD criterion pass; one quantum less does not."""
    planned = Decimal("1000000")
    data = _base()
    data["activities"][1]["planned"] = str(planned)
    data["activities"][1]["realised"] = str(planned * basis_points / 10000)
    result = _evaluate(data).criterion("m4.apbd_realisation")
    assert result.outcome is F
    assert result.gap is not None
    assert result.gap.amount is not None
    x = Decimal(basis_points) / 100
    for pct, expected in ((x + result.gap.amount, P), (x + result.gap.amount - Decimal("0.01"), F)):
        data["activities"][1]["realised"] = str(planned * pct / 100)
        assert _evaluate(data).criterion("m4.apbd_realisation").outcome is expected


def test_apbd_gap_in_rupiah() -> None:
    data = _base()
    data["activities"][1]["realised"] = "140000000"
    gap = _evaluate(data).criterion("m4.apbd_realisation").gap
    assert gap is not None
    assert gap.amount == Decimal("10.00")
    assert gap.also["rupiah"] == Decimal("20000000.00")


# --------------------------------------------------------------------------------------------
# Rulebooks over time
# --------------------------------------------------------------------------------------------


def _chain(n: int) -> list[Any]:
    book = default_rulebook("2020.1")
    starts = [dt.date(2020 + 2 * i, 1, 1) for i in range(n)]
    return [
        attrs.evolve(
            book,
            version=f"v{i}",
            valid_from=start,
            valid_to=starts[i + 1] if i + 1 < n else None,
        )
        for i, start in enumerate(starts)
    ]


@pytest.mark.property
@given(st.integers(2, 4), st.dates(dt.date(2020, 1, 1), dt.date(2035, 12, 31)))
def test_exactly_one_rulebook_in_force(n: int, day: dt.date) -> None:
    """For any covered date, the set picks the one rulebook whose [from, to) contains it."""
    books = _chain(n)
    chosen = RulebookSet(reversed(books)).in_force(day).rulebook
    matching = [
        b for b in books if b.valid_from <= day and (b.valid_to is None or day < b.valid_to)
    ]
    assert matching == [chosen]


def test_rulebook_set_errors() -> None:
    books = _chain(3)
    with pytest.raises(NoRulebookInForceError):
        RulebookSet(books).in_force(dt.date(2019, 12, 31))
    overlapping = [books[0], attrs.evolve(books[1], valid_from=dt.date(2021, 6, 1))]
    with pytest.raises(RulebookError):
        RulebookSet(overlapping)


# --------------------------------------------------------------------------------------------
# The loader on arbitrary input
# --------------------------------------------------------------------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c, max_size=4),
    max_leaves=20,
)


def _loads_or_rulebook_error(text: str, fmt: str) -> None:
    with contextlib.suppress(RulebookError):
        load_rulebook(text, fmt=fmt)  # type: ignore[arg-type]


@pytest.mark.property
@given(JSON)
def test_loader_arbitrary_json(value: Any) -> None:
    """Arbitrary JSON loads as a rulebook or raises RulebookError, nothing else."""
    _loads_or_rulebook_error(json.dumps(value), "json")


@pytest.mark.property
@given(st.text(max_size=200))
def test_loader_arbitrary_text(text: str) -> None:
    """Arbitrary text loads (TOML or JSON) or raises RulebookError, nothing else."""
    _loads_or_rulebook_error(text, "toml")
    _loads_or_rulebook_error(text, "json")


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*prefix, i))
    return out


DEFAULT_JSON = json.loads(dump_rulebook(default_rulebook()))  # the latest, 2025.1
DEFAULT_PATHS = [p for p in _paths(DEFAULT_JSON) if p]


@pytest.mark.property
@given(
    st.sampled_from(DEFAULT_PATHS),
    st.sampled_from(["drop", "int", "list", "str", "op", "deep"]),
)
def test_loader_mutations(path: tuple[Any, ...], how: str) -> None:
    """Mutations of the default rulebook load or raise RulebookError, nothing else."""
    data = copy.deepcopy(DEFAULT_JSON)
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    key = path[-1]
    if how == "drop":
        del parent[key]
    elif how == "int":
        parent[key] = 7
    elif how == "list":
        parent[key] = [parent[key]]
    elif how == "str":
        parent[key] = "x"
    elif how == "op":
        parent[key] = {"op": "frobnicate", "of": []}
    else:
        node: Any = {"op": "present", "fact": "designated"}
        for _ in range(200):
            node = {"op": "not", "of": node}
        parent[key] = node
    _loads_or_rulebook_error(json.dumps(data), "json")


BAD_TOML = """\
schema = "sanitasi.rulebook/v1"
id = "bad"
version = "1"
status = "reconstructed"
valid_from = 2020-01-01
title = { id = "x", en = "x" }
{extra}
[[definitions]]
id = "a"
message = { id = "a", en = "a" }
reference = { basis = "b" }
test = { op = "ref", criterion = "b" }

[[definitions]]
id = "b"
message = { id = "b", en = "b" }
reference = { basis = "b" }
test = { op = "ref", criterion = "a" }

[[milestones]]
id = "M2"
title = { id = "x", en = "x" }

[[milestones.criteria]]
id = "dup"
message = { id = "x", en = "x" }
reference = { basis = "b" }
test = { op = "compare", indicator = "layak_pcnt", cmp = ">=", value = "1" }

[[milestones.criteria]]
id = "dup"
message = { id = "x", en = "x" }
reference = { basis = "b" }
test = { op = "compare", indicator = "designated", cmp = ">=", value = "1" }

[[milestones]]
id = "M1"
title = { id = "x", en = "x" }

[[milestones.criteria]]
id = "m1.x"
message = { id = "x", en = "x" }
reference = { basis = "b" }
test = { op = "ref", criterion = "nowhere" }
"""

EXPECTED_CODES = {
    "duplicate_id_at",
    "milestone_order",
    "unknown_indicator",
    "fact_not_compared",
    "unknown_criterion",
    "cyclic_reference",
}


def _problems(extra: str) -> Any:
    with pytest.raises(RulebookError) as info:
        load_rulebook(BAD_TOML.replace("{extra}", extra), source="bad.toml")
    return info.value.problems


def test_strict_loading_reports_all_semantic_errors() -> None:
    problems = _problems("")
    assert {p.code for p in problems} >= EXPECTED_CODES
    assert all(p.file == "bad.toml" for p in problems)
    unknown = next(p for p in problems if p.code == "unknown_indicator")
    assert "did you mean 'layak_pct'" in unknown.text.en
    assert unknown.path == "$.milestones[0].criteria[0].test.indicator"
    assert unknown.line == 28
    assert any(p.path == "$.milestones[1].criteria[0].test.criterion" for p in problems)


def test_strict_loading_reports_unknown_key_with_the_rest() -> None:
    problems = _problems('colour = "blue"\n')
    codes = {p.code for p in problems}
    assert "unknown_fields" in codes
    assert codes >= EXPECTED_CODES


# --------------------------------------------------------------------------------------------
# diff, targets, purity and dates
# --------------------------------------------------------------------------------------------


def test_diff_rulebooks_threshold_raise() -> None:
    before = ENGINE.rulebook
    thresholds = tuple(
        attrs.evolve(t, steps=(ThresholdStep(since=t.steps[0].since, value=Decimal(95)),))
        if t.id == "m4_apbd_realisation"
        else t
        for t in before.thresholds
    )
    after = attrs.evolve(before, thresholds=thresholds)
    data = _base()
    data["activities"][1]["realised"] = "170000000"  # 85 %
    changes = diff_rulebooks(before, after, [dossier_from_dict(data)], as_of=AS_OF)
    assert len(changes) == 1
    change = changes[0]
    assert (change.before_certain, change.after_certain) == (Milestone.M4, Milestone.M3)
    assert change.criteria == ("m4.apbd_realisation",)


def test_target_distance() -> None:
    data = _base()
    data["access_records"] = [data["access_records"][0]]  # 2024: 84.10 %, 45 000 households
    decision = _evaluate(data, dt.date(2024, 12, 31))
    target = next(t for t in decision.targets if t.target.id == "rpjmn-2024-layak")
    assert target.observed == Decimal("84.10")
    assert target.gap_pp == Decimal("5.90")
    assert target.gap_households == 2655
    assert target.met is False


def test_records_after_as_of_are_not_seen() -> None:
    data = _base()
    data["commitments"][1]["signed_on"] = "2026-01-15"
    decision = _evaluate(data)
    assert decision.criterion("m4.commitment_in_year").outcome is F
    assert decision.certain_level is Milestone.M3
    assert _evaluate(data) == decision


def test_m4_year_comes_from_the_history() -> None:
    """Trial evaluated in 2022 and designated M4 for 2023: 2025 is M4 year 3."""
    decision = _evaluate(_base())
    assert decision.certain_level is Milestone.M4
    assert decision.m4_year == 3
    assert decision.m4.first_year == 2023


@pytest.mark.property
@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(dossiers(), st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)))
def test_fast_path_agrees_with_explanations(dossier: Any, day: dt.date) -> None:
    """The outcome-only fast path gives exactly the outcomes and levels of the full decision."""
    decision = ENGINE.evaluate(dossier, as_of=day)
    assert ENGINE.outcomes(dossier, as_of=day) == {m.id: m.outcome for m in decision.milestones}
    assert ENGINE.levels(dossier, as_of=day) == (decision.certain_level, decision.possible_level)


@pytest.mark.parametrize("case", sorted(CASES.glob("*.json")), ids=lambda p: p.stem)
def test_fast_path_agrees_on_every_case(case: Path) -> None:
    """On every data case, the fast path and the explained decision agree."""
    data = json.loads(case.read_text(encoding="utf-8"))
    dossier = dossier_from_dict(data["dossier"])
    day = dt.date.fromisoformat(data["as_of"])
    decision = ENGINE.evaluate(dossier, as_of=day)
    assert ENGINE.levels(dossier, as_of=day) == (decision.certain_level, decision.possible_level)


# --------------------------------------------------------------------------------------------
# One service model qualifies on its own (``some``)
# --------------------------------------------------------------------------------------------

LATEST = compile_rulebook(default_rulebook("2025.1"))
FIVE = ("regulation", "institution", "technical", "behaviour_change", "financing", "participation")


@st.composite
def _models_with_scores(draw: st.DrawFn) -> Any:
    from sanitasi_core.model import AspectAssessment, Region, ServiceModel, SubSector  # noqa: PLC0415

    models = []
    for index in range(draw(st.integers(1, 3))):
        aspects = draw(st.lists(st.sampled_from(FIVE), unique=True, max_size=6))
        assessments = tuple(
            AspectAssessment(
                aspect=aspect,
                score=draw(st.sampled_from((0, 50, 75, 100))),
                assessed_on=dt.date(2025, 3, 1),
            )
            for aspect in aspects
        )
        reported = draw(st.booleans()) or index == 0
        models.append(
            ServiceModel(
                id=f"m{index}",
                sub_sector=SubSector.WASTEWATER,
                name=f"Model {index}",
                assessments=assessments if reported else None,
            )
        )
    from sanitasi_core.model import Dossier  # noqa: PLC0415

    return Dossier(region=Region(code="62.09", name="Kabupaten Lamandau"), service_models=models)


@pytest.mark.property
@given(_models_with_scores())
def test_one_model_qualifies_iff_some_single_model_does(dossier: Any) -> None:
    """The multi-aspect criterion passes iff one model alone passes; fails iff every one fails."""
    day = dt.date(2025, 12, 31)

    def multi(d: Any) -> Outcome:
        return LATEST.evaluate(d, as_of=day).criterion("m4.multi_aspect").outcome

    alone = [multi(attrs.evolve(dossier, service_models=(m,))) for m in dossier.service_models]
    outcome = multi(dossier)
    assert (outcome is P) == (P in alone)
    assert (outcome is F) == all(o is F for o in alone)


def test_two_models_that_each_fail_do_not_pass_together() -> None:
    """Regulation scored on one model and institution on another is no qualifying model."""
    from sanitasi_core.model import AspectAssessment, Dossier, Region, ServiceModel, SubSector  # noqa: PLC0415

    def model(ident: str, aspects: tuple[str, ...]) -> ServiceModel:
        return ServiceModel(
            id=ident,
            sub_sector=SubSector.WASTEWATER,
            name=ident,
            assessments=tuple(
                AspectAssessment(aspect=a, score=100, assessed_on=dt.date(2025, 3, 1))
                for a in aspects
            ),
        )

    one = model("a", ("regulation", "technical", "financing", "behaviour_change"))
    two = model("b", ("institution", "technical", "financing", "behaviour_change"))
    region = Region(code="62.09", name="Kabupaten Lamandau")
    result = LATEST.evaluate(
        Dossier(region=region, service_models=(one, two)), as_of=dt.date(2025, 12, 31)
    ).criterion("m4.multi_aspect")
    assert result.outcome is F
    assert result.gap is not None
    assert {c.subject for c in result.children} == {"a", "b"}
    both = model("c", ("regulation", "institution", "technical", "financing"))
    result = LATEST.evaluate(
        Dossier(region=region, service_models=(one, both)), as_of=dt.date(2025, 12, 31)
    ).criterion("m4.multi_aspect")
    assert result.outcome is P
    assert result.observed == ObservedItem(id="c")


def test_aspects_outside_the_set_are_reported() -> None:
    """Six-aspect keys: 'communication' counts as behaviour change, 'participation' is named."""
    from sanitasi_core.model import AspectAssessment, Dossier, Region, ServiceModel, SubSector  # noqa: PLC0415

    assessments = tuple(
        AspectAssessment(aspect=a, score=100, assessed_on=dt.date(2025, 3, 1))
        for a in ("regulation", "institution", "communication", "participation")
    )
    model = ServiceModel(id="a", sub_sector=SubSector.WASTEWATER, name="a", assessments=assessments)
    dossier = Dossier(region=Region(code="62.09", name="Kab"), service_models=(model,))
    result = LATEST.evaluate(dossier, as_of=dt.date(2025, 12, 31)).criterion("m4.multi_aspect")
    notes = [n.en for r in result.walk() for n in r.notes]
    assert any("'participation'" in n and "not counted" in n for n in notes)
    assert not any("'communication'" in n for n in notes)


def test_rupiah_gap_comes_from_the_amounts() -> None:
    """At 79.995 % of planned the Rupiah gap is the exact shortfall, not twice it."""
    data = _base()
    data["activities"][1]["planned"] = "200000000"
    data["activities"][1]["realised"] = "159990000"  # 79.995 %
    gap = _evaluate(data).criterion("m4.apbd_realisation").gap
    assert gap is not None
    assert gap.amount == Decimal("0.01")  # 79.99 % shown, rounded against the district
    assert gap.also["rupiah"] == Decimal("10000.00")


def _fan(levels: int, fan: int) -> str:
    """The default rulebook whose first criterion references d<levels>, each d_i d_(i-1) fan×."""
    document = copy.deepcopy(DEFAULT_JSON)
    definitions: list[dict[str, Any]] = [
        {
            "id": "d0",
            "message": {"id": "x", "en": "x"},
            "reference": {"basis": "b"},
            "test": {"op": "present", "fact": "designated"},
        }
    ]
    for level in range(1, levels + 1):
        refs = [{"op": "ref", "criterion": f"d{level - 1}"}] * fan
        definitions.append({**definitions[0], "id": f"d{level}", "test": {"op": "all", "of": refs}})
    document["definitions"] = definitions
    document["milestones"][0]["criteria"][0]["test"] = {"op": "ref", "criterion": f"d{levels}"}
    return json.dumps(document)


@pytest.mark.parametrize(("levels", "fan"), [(40, 2), (12, 8)], ids=["2^40", "8^12"])
def test_a_rulebook_whose_expansion_is_too_large_is_refused_at_once(levels: int, fan: int) -> None:
    """References a few times over that would explain 2**40 nodes are refused by the check."""
    from sanitasi_core.rules import MAX_EXPANDED_NODES  # noqa: PLC0415

    with pytest.raises(RulebookError) as info:
        load_rulebook(_fan(levels, fan), fmt="json")
    (found,) = [p for p in info.value.problems if p.code == "too_many_expanded_nodes"]
    assert found.path == "$"
    assert str(MAX_EXPANDED_NODES) in found.text.en


def test_a_rulebook_just_within_the_expansion_limit_is_accepted() -> None:
    """The same shape expanding to fewer nodes than the limit loads and evaluates."""
    book = load_rulebook(_fan(10, 2), fmt="json")  # about 2,000 nodes expanded
    assert book.definitions
