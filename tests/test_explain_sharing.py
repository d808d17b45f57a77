"""Shared explanations (``rules._sharing.Sharing``): equal explanations are one frozen object.

Sharing must never show: on the shipped rulebooks over generated dossiers, and on random
rulebooks over random observations, evaluating in any order, twice, across dossiers gives what a
compiled rulebook with sharing turned off gives, field for field and digit for digit (JSON).
"""

import copy
import datetime as dt
import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from sanitasi_core._format import number_text
from sanitasi_core._text import Text
from sanitasi_core.indicators import Facts, MissingInput, Observation
from sanitasi_core.model import Dossier
from sanitasi_core.rulebooks import BUNDLED, default_rulebook
from sanitasi_core.rules import (
    Outcome,
    Rulebook,
    ThresholdStep,
    compile_rulebook,
)
from sanitasi_core.rules._compiled import CompiledRulebook
from sanitasi_core.rules._explain import number_words
from sanitasi_core.rules._sharing import SHARED_CAPACITY, content
from sanitasi_core.rules.language import Severity
from sanitasi_core.rules.results import (
    CriterionResult,
    Decision,
    Gap,
    MilestoneResult,
    ObservedNumber,
    ThresholdRef,
    _replaced,
)
from sanitasi_core.serialization import decision_to_dict, dossier_from_dict
from sanitasi_core.testing import dossiers, rulebooks
from tests._rule_trees import attempt, top_keys

CASES = Path(__file__).parent / "cases"
SLOW_OK = [HealthCheck.too_slow, HealthCheck.large_base_example, HealthCheck.data_too_large]
# Each shipped rulebook kept in force from its first day on, so that any later date applies it.
BOOKS = [attrs.evolve(default_rulebook(v), valid_to=None) for v in BUNDLED]
SHARED = [compile_rulebook(b) for b in BOOKS]  # shared by every test: memos fill across them


def _unshared(book: Rulebook) -> CompiledRulebook:
    """The reference: the same rulebook compiled with sharing turned off (per instance)."""
    compiled = compile_rulebook(book)
    compiled._shared.sharing.off()
    return compiled


REFERENCES = [_unshared(b) for b in BOOKS]


def _exact(value: object) -> object:
    """*value* as plain data that tells ``True``, ``1`` and ``Decimal("1.0")`` apart."""
    cls = type(value)
    if attrs.has(cls):
        fields = attrs.fields(cls)
        return (cls.__name__, tuple((f.name, _exact(getattr(value, f.name))) for f in fields))
    if isinstance(value, tuple | list):
        return tuple(_exact(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _exact(v)) for k, v in value.items()))
    return (type(value).__name__, str(value))


def _json(decision: Decision) -> str:
    return json.dumps(decision_to_dict(decision), sort_keys=True, ensure_ascii=False)


def _base() -> dict[str, Any]:
    data = json.loads((CASES / "all-pass-m4.json").read_text(encoding="utf-8"))
    return copy.deepcopy(data["dossier"])


# --------------------------------------------------------------------------------------------
# Sharing never changes a decision
# --------------------------------------------------------------------------------------------


@pytest.mark.property
@settings(max_examples=25, deadline=None, suppress_health_check=SLOW_OK)
@given(
    st.sampled_from(range(len(BOOKS))),
    st.lists(dossiers(), min_size=1, max_size=3),
    st.dates(dt.date(2025, 1, 1), dt.date(2030, 12, 31)),
    st.none() | st.just(-1),
)
def test_shared_decisions_equal_unshared_ones(
    index: int, found: list[Dossier], day: dt.date, back: int | None
) -> None:
    """Any order, twice, across dossiers: decisions equal the unshared ones, JSON included."""
    shared, reference = SHARED[index], REFERENCES[index]
    fiscal_year = None if back is None else day.year + back

    def decide(compiled: CompiledRulebook, dossier: Dossier) -> Decision:
        return compiled.evaluate(dossier, as_of=day, fiscal_year=fiscal_year)

    expected = [attempt(partial(decide, reference, d)) for d in found]
    for order in (found, found[::-1], found):
        for dossier in order:
            got = attempt(partial(decide, shared, dossier))
            want = expected[found.index(dossier)]
            assert got == want
            if got[0] == "ok":
                assert _json(got[1]) == _json(want[1])
                assert _exact(got[1]) == _exact(want[1])
    # A fresh compile's first evaluation (empty memos) agrees too.
    first = attempt(partial(decide, compile_rulebook(BOOKS[index]), found[0]))
    assert first == expected[0]
    if first[0] == "ok":
        assert _exact(first[1]) == _exact(expected[0][1])


_MISSING = st.lists(
    st.builds(
        MissingInput,
        key=st.sampled_from(["a.b", "c"]),
        text=st.sampled_from([Text(id="isi a", en="fill a"), Text(id="isi c", en="fill c")]),
    ),
    max_size=2,
).map(tuple)
# Values equal as numbers but explained differently: the memo must keep them apart.
_VALUES = st.sampled_from(
    [True, False, 0, 1, 2, Decimal("1"), Decimal("1.0"), Decimal("1E+1"), Decimal("10"), None]
) | st.decimals(min_value=-5, max_value=150, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def _observations(draw: st.DrawFn) -> Observation:
    """Any observation a leaf may meet, with values equal as numbers but written apart."""
    value = draw(_VALUES)
    upper = None
    if isinstance(value, int) and not isinstance(value, bool) and draw(st.booleans()):
        upper = value + draw(st.integers(0, 3))
    return Observation(
        value=value,
        upper=upper,
        open_ended=draw(st.booleans()) if isinstance(value, int) else False,
        absent=value is None and draw(st.booleans()),
        not_applicable=draw(st.integers(0, 9)) == 0,
        missing=draw(_MISSING) if value is None else (),
        detail=draw(st.sampled_from([{}, {"households": Decimal(1000), "year": Decimal(2024)}])),
        notes=draw(st.sampled_from([(), (Text(id="catatan", en="a note"),)])),
    )


def _twin(value: bool | Decimal | int | None) -> bool | Decimal | int | None:
    """A value equal to *value* as a number but written differently (``1`` → ``1.0``)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        assert isinstance(exponent, int)
        return value + Decimal(0).scaleb(exponent - 1)  # one more place: 1.5 → 1.50
    return value


def _twins(observed: dict[Any, Observation], flips: list[bool]) -> dict[Any, Observation]:
    """*observed* with some values replaced by their twins (new objects, equal numbers)."""
    return {
        k: attrs.evolve(o, value=_twin(o.value)) if flip else o
        for (k, o), flip in zip(observed.items(), flips, strict=True)
    }


@pytest.mark.property
@settings(max_examples=40, deadline=None, suppress_health_check=SLOW_OK)
@given(rulebooks(), dossiers(), st.data())
def test_shared_explanations_equal_unshared_ones_on_random_rulebooks(
    book: Rulebook, dossier: Dossier, data: st.DataObject
) -> None:
    """Random rulebooks, observations (1, 1.0, True ...) and days: shared == unshared, exactly."""
    shared, reference = compile_rulebook(book), _unshared(book)
    last = book.valid_to - dt.timedelta(days=1) if book.valid_to else None
    days = st.dates(book.valid_from, last or book.valid_from + dt.timedelta(days=2000))
    when = [data.draw(days), data.draw(days)]  # thresholds may change in between
    keys = list(dict.fromkeys(Facts.key(n, a) for n, a in top_keys(book)))
    drawn = [
        {k: data.draw(_observations()) for k in keys} for _ in range(data.draw(st.integers(1, 3)))
    ]
    flips = st.lists(st.booleans(), min_size=len(keys), max_size=len(keys))
    drawn += [_twins(drawn[0], data.draw(flips)) for _ in range(2)]

    def explained(
        compiled: CompiledRulebook, observed: dict[Any, Observation], day: dt.date
    ) -> Any:
        facts = compiled.facts(dossier, as_of=day)
        facts._cache.update(observed)  # the observations drawn, as if computed
        return tuple(compiled._milestone(m, facts) for m in compiled._milestones)

    made = attempt(lambda: explained(reference, drawn[0], when[0]))
    assume(made[0] == "ok")
    for observed in [*drawn, *drawn[::-1]]:
        for day in when:
            got = attempt(partial(explained, shared, observed, day))
            want = attempt(partial(explained, reference, observed, day))
            assert got == want
            assert _exact(got) == _exact(want)


# --------------------------------------------------------------------------------------------
# Sharing happens, and stays bounded
# --------------------------------------------------------------------------------------------


def _district(code: str, name: str, realised: int | None = None) -> Dossier:
    data = _base()
    data["region"]["code"], data["region"]["name"] = code, name
    if realised is not None:
        data["activities"][1]["realised"] = str(realised)
    return dossier_from_dict(data)


def test_equal_explanations_in_different_dossiers_are_the_same_object() -> None:
    """Two districts with the same evidence share every milestone result; unshared they don't."""
    compiled = compile_rulebook(BOOKS[0])
    day = dt.date(2024, 12, 31)
    a = compiled.evaluate(_district("64.11", "Mahakam Ulu"), as_of=day)
    b = compiled.evaluate(_district("64.02", "Kutai Barat"), as_of=day)
    assert a.region != b.region
    assert all(x is y for x, y in zip(a.milestones, b.milestones, strict=True))
    assert a.criterion("m1.designated") is b.criterion("m1.designated")
    assert a.missing is b.missing
    reference = _unshared(BOOKS[0])
    c = reference.evaluate(_district("64.11", "Mahakam Ulu"), as_of=day)
    d = reference.evaluate(_district("64.02", "Kutai Barat"), as_of=day)
    assert c.milestones == d.milestones == a.milestones
    assert c.criterion("m1.designated") is not d.criterion("m1.designated")


def test_a_leaf_meeting_the_same_observation_returns_the_same_result() -> None:
    """One leaf, equal observations in different facts: one result object, built once."""
    compiled = compile_rulebook(BOOKS[0])
    day = dt.date(2024, 12, 31)
    results = []
    for realised in (1, 1):
        facts = compiled.facts(_district("64.11", "Mahakam Ulu", realised), as_of=day)
        results.append(compiled._milestone(compiled._milestones[-1], facts))
    assert results[0] is results[1]


def test_memos_are_bounded() -> None:
    """Many different dossiers never grow a memo past its capacity (it starts over)."""
    compiled = compile_rulebook(BOOKS[0])
    sharing = compiled._shared.sharing
    assert sharing.capacity == SHARED_CAPACITY
    sharing.capacity = 5
    reference = _unshared(BOOKS[0])
    day = dt.date(2024, 12, 31)
    for realised in range(0, 400_000_000, 20_000_000):
        dossier = _district("64.11", "Mahakam Ulu", realised)
        assert compiled.evaluate(dossier, as_of=day) == reference.evaluate(dossier, as_of=day)
        assert max(sharing.sizes()) <= 5
    assert max(sharing.sizes()) > 0
    assert max(reference._shared.sharing.sizes()) == 0  # off: nothing is kept


def test_decisions_from_several_threads_equal_unshared_ones() -> None:
    """Threads evaluating through one compiled rulebook get the decisions built alone."""
    compiled = compile_rulebook(BOOKS[0])
    compiled._shared.sharing.capacity = 3  # tables start over often: races are likelier
    day = dt.date(2024, 12, 31)
    found = [_district("64.11", "Mahakam Ulu", r) for r in range(0, 80_000_000, 4_000_000)]
    expected = [_json(REFERENCES[0].evaluate(d, as_of=day)) for d in found]

    def run(_: int) -> list[str]:
        return [_json(compiled.evaluate(d, as_of=day)) for d in found]

    with ThreadPoolExecutor(4) as pool:
        for got in pool.map(run, range(8)):
            assert got == expected


# --------------------------------------------------------------------------------------------
# The parts: memo keys, the trusted copy, number texts
# --------------------------------------------------------------------------------------------


def test_equal_numbers_written_apart_are_explained_apart() -> None:
    """A leaf seeing 85 then 85.0 (or yes then 1) explains each as written, as unshared."""
    book = BOOKS[0]
    shared, reference = compile_rulebook(book), _unshared(book)
    keys = [Facts.key(n, a) for n, a in top_keys(book)]
    dossier = _district("64.11", "Mahakam Ulu")
    seen = []
    choices: list[list[Decimal | bool | int]] = [
        [Decimal(85), True],
        [Decimal("85.0"), 1],
        [Decimal("85.00"), Decimal(1)],
    ]
    for values in choices:
        observed = {k: Observation(value=values[i % 2]) for i, k in enumerate(keys)}
        got: list[MilestoneResult] = []
        want: list[MilestoneResult] = []
        for compiled, into in ((shared, got), (reference, want)):
            facts = compiled.facts(dossier, as_of=dt.date(2024, 12, 31))
            facts._cache.update(observed)
            into.extend(compiled._milestone(m, facts) for m in compiled._milestones)
        assert _exact(got) == _exact(want)
        seen.append(_exact(got))
    assert len({repr(s) for s in seen}) == 3


def test_a_gap_in_other_units_follows_the_detail() -> None:
    """Same realisation share, other amounts: the Rupiah still needed differs, as unshared."""
    book = BOOKS[0]
    shared, reference = compile_rulebook(book), _unshared(book)
    key = Facts.key("apbd_realisation_pct", {})
    dossier = _district("64.11", "Mahakam Ulu")
    needed = []
    for planned in ("1000000", "1000000.00", "2000000"):
        amounts = {"planned": Decimal(planned), "realised": Decimal(planned) / 2}
        observed = Observation(value=Decimal("50.00"), detail=amounts)
        got: list[MilestoneResult] = []
        want: list[MilestoneResult] = []
        for compiled, into in ((shared, got), (reference, want)):
            facts = compiled.facts(dossier, as_of=dt.date(2024, 12, 31))
            facts._cache[key] = observed
            into.append(compiled._milestone(compiled._milestones[-1], facts))
        assert _exact(got) == _exact(want)
        gap = next(c for c in got[0].criteria if c.id == "m4.apbd_realisation").gap
        assert gap is not None
        needed.append(gap.also["rupiah"])
    assert [str(n) for n in needed] == ["300000.00", "300000.00", "600000.00"]


def test_one_observation_on_two_days_meets_the_threshold_of_each() -> None:
    """The same observation object under a threshold raised in between: each day's limit."""
    book = BOOKS[0]
    raised = tuple(
        attrs.evolve(
            t, steps=(*t.steps, ThresholdStep(since=dt.date(2023, 1, 1), value=Decimal(90)))
        )
        if t.id == "m4_apbd_realisation"
        else t
        for t in book.thresholds
    )
    book = attrs.evolve(book, thresholds=raised)
    shared, reference = compile_rulebook(book), _unshared(book)
    key = Facts.key("apbd_realisation_pct", {})
    observed = Observation(value=Decimal("85.00"))  # one object: passes 80, fails 90
    dossier = _district("64.11", "Mahakam Ulu")
    outcomes = []
    for day in (dt.date(2022, 12, 31), dt.date(2023, 12, 31), dt.date(2022, 12, 31)):
        got: list[MilestoneResult] = []
        want: list[MilestoneResult] = []
        for compiled, into in ((shared, got), (reference, want)):
            facts = compiled.facts(dossier, as_of=day)
            facts._cache[key] = observed
            into.append(compiled._milestone(compiled._milestones[-1], facts))
        assert _exact(got) == _exact(want)
        found = next(c for c in got[0].criteria if c.id == "m4.apbd_realisation")
        outcomes.append((found.outcome, found.threshold))
    assert outcomes == [
        (Outcome.PASS, Decimal(80)),
        (Outcome.FAIL, Decimal(90)),
        (Outcome.PASS, Decimal(80)),
    ]


def test_leaf_keys_tell_equal_numbers_apart() -> None:
    """True, 1, Decimal("1") and Decimal("1.0") are equal numbers but distinct leaf keys."""
    values: list[Any] = [True, 1, Decimal("1"), Decimal("1.0"), Decimal("1E+1"), Decimal("10")]
    keys = {content(Observation(value=v)) for v in values}
    assert len(keys) == len(values)
    assert content(Observation(value=1)) == content(Observation(value=1))


def _every_field() -> Iterator[CriterionResult]:
    leaf = CriterionResult(id="x.0", op="compare", outcome=Outcome.FAIL)
    yield CriterionResult(
        id="x",
        op="compare",
        outcome=Outcome.UNKNOWN,
        observed=ObservedNumber(value=Decimal("1.50")),
        threshold=Decimal(80),
        threshold_source=ThresholdRef(id="t", since=dt.date(2020, 1, 1)),
        unit="%",
        gap=Gap(text=Text(id="celah", en="gap")),
        reference=None,
        message=Text(id="pesan", en="message"),
        defaulted=True,
        missing=(MissingInput(key="k", text=Text(id="isi", en="fill")),),
        children=(leaf,),
        severity=Severity.ADVISORY,
        notes=(Text(id="catatan", en="note"),),
        subject="m1",
    )


def test_the_trusted_copy_keeps_every_field() -> None:
    """``_replaced`` copies every field but the message and notes it is given."""
    for result in _every_field():
        assert _exact(_replaced(result, message=result.message, notes=result.notes)) == _exact(
            result
        )
        other = Text(id="lain", en="other")
        assert _replaced(result, message=other, notes=()) == attrs.evolve(
            result, message=other, notes=()
        )


@given(st.decimals(allow_nan=False, allow_infinity=False) | st.integers(-(10**30), 10**30))
def test_number_words_write_numbers_as_number_text(value: Decimal | int) -> None:
    """The cached bilingual number is exactly ``number_text``'s, whatever its exponent."""
    number = Decimal(value)
    assert number_words(number) == number_text(number)
    assert number_words(number) == number_text(number)  # cached
