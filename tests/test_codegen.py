"""The generated outcome path (``rules/_codegen.py``) against the closures and the explanations.

The closure compiler (``Compiler.fast``) stays the reference: on random rulebooks and random
observations (n/a, absent, unknown, intervals, open lists, defaults, dated thresholds,
``at_least``, ``not``, ``some``, ``count``) the generated functions, the closures and the
explained path give the same outcomes, levels and errors; the generated source holds no
literal of the rulebook.
"""

import datetime as dt
import io
import json
import keyword
import linecache
import re
import tokenize
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from sanitasi_core.exceptions import EvaluationError
from sanitasi_core.indicators import CATALOGUE, Facts, Observation
from sanitasi_core.model import Dossier, Milestone
from sanitasi_core.rulebooks import (
    BUNDLED,
    EXAMPLE_RULEBOOKS,
    default_rulebook,
    example_rulebook,
)
from sanitasi_core.rules import (
    AllNode,
    AnyNode,
    AtLeastNode,
    Cmp,
    Collection,
    CompareNode,
    Node,
    NotNode,
    Outcome,
    PresentNode,
    Rulebook,
    SomeNode,
    Threshold,
    ThresholdStep,
    _codegen,
    combine_all,
    compile_rulebook,
)
from sanitasi_core.rules._compiled import CompiledRulebook, _ladder_of
from sanitasi_core.rules._engine import Compiler
from sanitasi_core.serialization import dossier_from_dict, load_dossier
from sanitasi_core.testing import dossiers, rulebooks
from tests._rule_trees import attempt, top_keys

P, F, U, NA = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN, Outcome.NOT_APPLICABLE
ROOT = Path(__file__).resolve().parent.parent
SLOW_OK = [HealthCheck.too_slow, HealthCheck.large_base_example, HealthCheck.data_too_large]


def _closures(compiled: CompiledRulebook, facts: Facts) -> dict[Milestone, Outcome]:
    return {m.id: m.outcome([run(facts) for run in m.fast]) for m in compiled._milestones}


def _explained(compiled: CompiledRulebook, facts: Facts) -> dict[Milestone, Outcome]:
    return {m.id: compiled._milestone(m, facts).outcome for m in compiled._milestones}


_COUNTS = st.integers(0, 4)
_NUMBERS = st.one_of(
    st.integers(-2, 110),
    st.decimals(min_value=-5, max_value=150, places=2, allow_nan=False, allow_infinity=False),
)


@st.composite
def _observations(draw: st.DrawFn) -> Observation:
    """Any observation a leaf may meet: n/a, absent, unknown, a flag, a number, an interval."""
    kind = draw(st.sampled_from(["na", "absent", "unknown", "flag", "number", "interval", "open"]))
    if kind == "na":
        return Observation(not_applicable=True, value=draw(st.none() | _NUMBERS | st.booleans()))
    if kind == "absent":
        return Observation(absent=True)
    if kind == "unknown":
        return Observation()
    if kind == "flag":
        return Observation(value=draw(st.booleans()))
    if kind == "number":
        return Observation(value=draw(_NUMBERS))
    low = draw(_COUNTS)
    if kind == "interval":
        return Observation(value=low, upper=low + draw(_COUNTS))
    return Observation(value=low, open_ended=True)


def _day_in_force(book: Rulebook) -> st.SearchStrategy[dt.date]:
    last = book.valid_to - dt.timedelta(days=1) if book.valid_to else None
    return st.dates(book.valid_from, last or book.valid_from + dt.timedelta(days=6 * 366))


# --------------------------------------------------------------------------------------------
# Random rulebooks: generated == closures == explained
# --------------------------------------------------------------------------------------------


@pytest.mark.property
@settings(max_examples=60, deadline=None, suppress_health_check=SLOW_OK)
@given(rulebooks(), dossiers(), st.data())
def test_generated_closures_and_explanations_agree_on_prepared_facts(
    book: Rulebook, dossier: Dossier, data: st.DataObject
) -> None:
    """On random rulebooks and observations, the three paths decide every milestone alike."""
    compiled = compile_rulebook(book)
    day = data.draw(_day_in_force(book))
    fiscal_year = data.draw(st.none() | st.just(day.year - 1))
    observed = {Facts.key(n, a): data.draw(_observations()) for n, a in top_keys(book)}

    def facts() -> Facts:
        found = compiled.facts(dossier, as_of=day, fiscal_year=fiscal_year)
        found._cache.update(observed)  # the observations drawn, as if computed
        return found

    made = attempt(facts)
    assume(made[0] == "ok")
    closures = attempt(lambda: _closures(compiled, facts()))
    assert attempt(lambda: compiled._generated.outcomes(facts())) == closures
    assert attempt(lambda: _explained(compiled, facts())) == closures
    levels = attempt(lambda: _ladder_of(compiled._generated.until_fail(facts())))
    assert levels == (("ok", _ladder_of(closures[1])) if closures[0] == "ok" else closures)


@pytest.mark.property
@settings(max_examples=40, deadline=None, suppress_health_check=SLOW_OK)
@given(rulebooks(), dossiers(), st.data())
def test_outcomes_and_levels_agree_with_the_decision_on_random_rulebooks(
    book: Rulebook, dossier: Dossier, data: st.DataObject
) -> None:
    """``outcomes`` and ``levels`` of a random rulebook are those of its full decision."""
    compiled = compile_rulebook(book)
    day = data.draw(_day_in_force(book))
    decided = attempt(lambda: compiled.evaluate(dossier, as_of=day))
    outcomes = attempt(lambda: compiled.outcomes(dossier, as_of=day))
    levels = attempt(lambda: compiled.levels(dossier, as_of=day))
    if decided[0] == "error":
        assert outcomes == levels == decided
        return
    decision = decided[1]
    assert outcomes == ("ok", {m.id: m.outcome for m in decision.milestones})
    assert levels == ("ok", (decision.certain_level, decision.possible_level))


# --------------------------------------------------------------------------------------------
# The shipped rulebooks
# --------------------------------------------------------------------------------------------


def _shipped() -> list[Rulebook]:
    books = [default_rulebook(v) for v in BUNDLED]
    return [*books, *(example_rulebook(name) for name in EXAMPLE_RULEBOOKS)]


SHIPPED = [compile_rulebook(attrs.evolve(b, valid_to=None)) for b in _shipped()]


def _examples() -> Iterator[Dossier]:
    for path in sorted((ROOT / "examples").glob("**/*.json")):
        yield load_dossier(path.read_text(encoding="utf-8"))
    for path in sorted((ROOT / "tests" / "cases").glob("*.json")):
        yield dossier_from_dict(json.loads(path.read_text(encoding="utf-8"))["dossier"])


EXAMPLES = list(_examples())


def _same_as_closures(compiled: CompiledRulebook, dossier: Dossier, **when: Any) -> None:
    closures = attempt(lambda: _closures(compiled, compiled.facts(dossier, **when)))
    assert attempt(lambda: compiled.outcomes(dossier, **when)) == closures
    ladder = ("ok", _ladder_of(closures[1])) if closures[0] == "ok" else closures
    assert attempt(lambda: compiled.levels(dossier, **when)) == ladder


@pytest.mark.parametrize("compiled", SHIPPED, ids=lambda c: f"{c.info.id}-{c.info.version}")
def test_shipped_rulebooks_agree_with_the_closures_on_the_examples(
    compiled: CompiledRulebook,
) -> None:
    """Each shipped rulebook: same outcomes, levels and errors on every example and year."""
    assert EXAMPLES
    for dossier in EXAMPLES:
        for year in range(2018, 2027):
            for fiscal_year in (None, year - 1):
                when = {"as_of": dt.date(year, 12, 31), "fiscal_year": fiscal_year}
                _same_as_closures(compiled, dossier, **when)


@pytest.mark.property
@settings(max_examples=40, deadline=None, suppress_health_check=SLOW_OK)
@given(st.sampled_from(SHIPPED), dossiers(), st.dates(dt.date(2019, 1, 1), dt.date(2030, 12, 31)))
def test_shipped_rulebooks_agree_with_the_closures_on_any_dossier(
    compiled: CompiledRulebook, dossier: Dossier, day: dt.date
) -> None:
    """Each shipped rulebook on random dossiers: same outcomes, levels and errors."""
    _same_as_closures(compiled, dossier, as_of=day, fiscal_year=None)


# --------------------------------------------------------------------------------------------
# Errors: a dated threshold with no value on the day (only an unchecked rulebook has one)
# --------------------------------------------------------------------------------------------

_REF = default_rulebook("2020.1")
_MODELS = next(d for d in EXAMPLES if d.service_models)
_NO_MODELS = next(d for d in EXAMPLES if d.service_models is None)
_EMPTY_MODELS = attrs.evolve(_NO_MODELS, service_models=())


def _late(ident: str) -> Threshold:
    """A threshold whose first value comes into force in 2040."""
    step = ThresholdStep(since=dt.date(2040, 1, 1), value=Decimal(50))
    return attrs.evolve(_REF.thresholds[0], id=ident, steps=(step,))


def _unchecked(*tests: Node) -> Rulebook:
    m1 = _REF.milestones[0]
    criteria = tuple(
        attrs.evolve(m1.criteria[0], id=f"c{i}", test=test) for i, test in enumerate(tests)
    )
    return attrs.evolve(
        _REF,
        milestones=(attrs.evolve(m1, criteria=criteria),),
        thresholds=(*_REF.thresholds, _late("late_a"), _late("late_b")),
    )


def _late_compare(ident: str) -> CompareNode:
    return CompareNode(indicator="apbd_realisation_pct", cmp=Cmp.GE, threshold=ident)


_FAILS = PresentNode(fact="designated", if_unknown=F)  # makes an ``all`` stop early
_IN_SOME = SomeNode(over=Collection.SERVICE_MODELS, test=_late_compare("late_a"))


@pytest.mark.parametrize(
    "tests",
    [
        (AllNode(of=(NotNode(of=PresentNode(fact="designated")), _late_compare("late_a"))),),
        (_FAILS, _IN_SOME, _late_compare("late_b")),
        (_FAILS, _IN_SOME),
        (AnyNode(of=(PresentNode(fact="designated"), _IN_SOME)),),
    ],
    ids=["skipped-leaf", "some-first", "only-in-some", "some-in-any"],
)
@pytest.mark.parametrize(
    "dossier", [_MODELS, _NO_MODELS, _EMPTY_MODELS], ids=["models", "none", "empty"]
)
@pytest.mark.parametrize("year", [2021, 2025])
def test_a_missing_threshold_raises_as_the_closures_do(
    tests: tuple[Node, ...], dossier: Dossier, year: int
) -> None:
    """The same EvaluationError (same threshold named) or none, whatever the code skips."""
    book = _unchecked(*tests)
    closures = Compiler(book, CATALOGUE)
    decide = [closures.fast(t) for t in tests]
    generated = _codegen.generate(book, CATALOGUE)
    day = dt.date(year, 12, 31)
    facts = Facts(dossier, day)
    expected = attempt(lambda: combine_all([d(facts) for d in decide]))
    assert attempt(lambda: generated.outcomes(Facts(dossier, day))[Milestone.M1]) == expected
    assert attempt(lambda: generated.until_fail(Facts(dossier, day))[Milestone.M1]) == expected


def test_a_missing_threshold_is_reported_by_name_and_day() -> None:
    """The error names the first threshold the closures meet, and the rules' day."""
    book = _unchecked(_late_compare("late_b"), _late_compare("late_a"))
    generated = _codegen.generate(book, CATALOGUE)
    with pytest.raises(EvaluationError, match="late_b") as raised:
        generated.outcomes(Facts(_NO_MODELS, dt.date(2025, 6, 30)))
    assert "2025-06-30" in str(raised.value)


# --------------------------------------------------------------------------------------------
# The source: identifiers and operators only; memoized by content hash
# --------------------------------------------------------------------------------------------

_FIXED_NAMES = {
    "P", "F", "U", "NA", "ZERO", "ONE", "BOOL", "DECIDE_COMPARE", "DECIDE_COUNT",
    "COUNT_RECORDS", "LIMITS_OF", "f", "T", "lookup", "models", "item", "x", "a",
    # attributes of Facts, Seen and Observation
    "value", "upper", "open_ended", "not_applicable", "absent", "seen", "service_models",
    "scoped", "index", "shared", "__class__",
}  # fmt: skip
_GENERATED_NAME = re.compile(r"(?:wrapunit|unit|ref|some|G|o|x|a|v|h|p|q|n|lo|hi|ms)[0-9]+")
_OPERATORS = {"(", ")", ",", ":", "=", "+=", "+", ".", "[", "]", ">=", ">", "<=", "<", "==", "!="}
_LAYOUT = {tokenize.NEWLINE, tokenize.NL, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER}


def _check_tokens(source: str) -> None:
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type in _LAYOUT:
            continue
        if token.type == tokenize.OP:
            assert token.string in _OPERATORS, token
            continue
        assert token.type == tokenize.NAME, token  # no string, number or comment, ever
        name = token.string
        known = name in _FIXED_NAMES or _GENERATED_NAME.fullmatch(name)
        assert keyword.iskeyword(name) or known, token


@pytest.mark.property
@settings(max_examples=40, deadline=None, suppress_health_check=SLOW_OK)
@given(rulebooks())
def test_generated_source_holds_only_identifiers_and_operators(book: Rulebook) -> None:
    """Tokenized, the source of any rulebook is names we make, keywords and operators only."""
    compiled = compile_rulebook(book)
    _check_tokens(compiled._generated.source)
    assert "__import__" not in compiled._generated.source


def test_hostile_text_never_reaches_the_source() -> None:
    """Messages, labels and ids that look like code are bound values, never source text."""
    evil = "__import__('os').system('x')"
    label = attrs.evolve(_REF.milestones[0].title, id=evil, en=evil)
    m2 = _REF.milestones[1]
    crit = m2.criteria[1]
    assert isinstance(crit.test, CompareNode)
    criteria = (
        attrs.evolve(crit, message=label, test=attrs.evolve(crit.test, label=label)),
        *m2.criteria[2:],
    )
    book = attrs.evolve(
        _REF, title=label, milestones=(attrs.evolve(m2, title=label, criteria=criteria),)
    )
    compiled = compile_rulebook(book)
    source = compiled._generated.source
    _check_tokens(source)
    assert "__import__" not in source
    assert "os" not in re.findall(r"\w+", source)
    assert compiled.outcomes(_MODELS, as_of=dt.date(2021, 12, 31))[Milestone.M2] in set(Outcome)


def test_the_code_is_shared_by_content_hash_and_shown_in_tracebacks() -> None:
    """Equal rulebooks share one code object; its source is in linecache under its name."""
    first = compile_rulebook(_REF)._generated
    again = compile_rulebook(default_rulebook("2020.1"))._generated
    assert again.code is first.code
    assert first.filename.startswith("<sanitasi rulebook sha256:")
    assert first.code.co_filename == first.filename
    lines = linecache.getlines(first.filename)
    assert "".join(lines) == first.source
    other = compile_rulebook(attrs.evolve(_REF, version="2020.9"))._generated
    assert other.source == first.source  # same shape, different values
    assert other.code is not first.code


def test_the_code_memo_is_bounded() -> None:
    """Past its capacity the memo drops its oldest programs, and their linecache entries."""
    made = [
        _codegen.generate(attrs.evolve(_REF, version=f"2020.{i}-memo"), CATALOGUE)
        for i in range(_codegen._CODE_CAPACITY + 3)
    ]
    assert len(_codegen._CODE) <= _codegen._CODE_CAPACITY
    assert made[0].filename not in linecache.cache
    assert made[-1].filename in linecache.cache


def test_the_thresholds_of_each_day_are_kept_within_bounds() -> None:
    """The per-day memo of threshold values starts over when full, and stays right."""
    limits = compile_rulebook(_REF)._generated._limits
    first = dt.date(2021, 1, 1)
    for offset in range(_codegen._DAYS_CAPACITY + 5):
        table, missing, _ = limits.on(first + dt.timedelta(days=offset))
        assert not missing
        assert set(table) == {t.id for t in _REF.thresholds}
    assert len(limits._days) <= _codegen._DAYS_CAPACITY


def test_a_deep_criterion_is_split_into_functions() -> None:
    """Nested beyond what CPython compiles inline, a tree still compiles and agrees."""
    node: Node = PresentNode(fact="designated")
    for depth in range(22):
        other = PresentNode(fact="working_group_formed", if_unknown=P if depth % 2 else None)
        kind = depth % 4
        if kind == 0:
            node = AllNode(of=(other, node))
        elif kind == 1:
            node = AnyNode(of=(node, NotNode(of=other)))
        elif kind == 2:
            node = AtLeastNode(k=1, of=(other, node, other))
        else:
            node = NotNode(of=node)
    m1 = _REF.milestones[0]
    book = attrs.evolve(
        _REF,
        milestones=(
            attrs.evolve(m1, criteria=(attrs.evolve(m1.criteria[0], test=node),)),
            *_REF.milestones[1:],
        ),
    )
    compiled = compile_rulebook(book)
    assert compiled._generated.source.count("def unit") > len(_REF.milestones)
    for dossier in EXAMPLES:
        _same_as_closures(compiled, dossier, as_of=dt.date(2023, 12, 31), fiscal_year=None)


# --------------------------------------------------------------------------------------------
# The prepared form the benchmark times
# --------------------------------------------------------------------------------------------

BASELINE = compile_rulebook(attrs.evolve(_REF, valid_to=None))


def test_prepared_milestone_is_the_function_outcomes_calls() -> None:
    """M2 on its four observations, passed as arguments, gives the outcome of ``outcomes``."""
    keys, fn = BASELINE._prepared_milestone("M2")
    assert [name for name, _ in keys] == [
        "policy_adopted",
        "trial_service_models",
        "funded_model_activities",
        "planned_model_activities",
    ]
    for dossier in EXAMPLES:
        for year in (2020, 2022, 2024):
            day = dt.date(year, 12, 31)
            facts = BASELINE.facts(dossier, as_of=day)
            observed = [facts.observe(name, args) for name, args in keys]
            assert fn(*observed) is BASELINE.outcomes(dossier, as_of=day)[Milestone.M2]


def test_prepared_milestone_refuses_what_it_cannot_take() -> None:
    """A milestone reading more than observations (``some``, dated thresholds) is refused."""
    with pytest.raises(ValueError, match="M4"):
        BASELINE._prepared_milestone(Milestone.M4)
    with pytest.raises(ValueError, match="M9"):
        BASELINE._prepared_milestone("M9")
