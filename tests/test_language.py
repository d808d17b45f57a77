"""The criterion language end to end: every node kind, through a rulebook file and a dossier."""

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanitasi_core.exceptions import RulebookError
from sanitasi_core.rulebooks import load_rulebook
from sanitasi_core.rules import (
    Cmp,
    ObservedCount,
    ObservedNumber,
    Outcome,
    compile_rulebook,
)
from sanitasi_core.serialization import dossier_from_dict

BASE = json.loads((Path(__file__).parent / "cases" / "all-pass-m4.json").read_text("utf-8"))

HEADER = """
schema = "sanitasi.rulebook/v1"
id = "language-test"
version = "1"
status = "official"
valid_from = 2020-01-01
title = { id = "uji bahasa", en = "language test" }
"""


def book(test: str, definitions: str = "") -> str:
    """Return a one-criterion rulebook whose M1 criterion ``c`` has *test*."""
    return (
        HEADER
        + definitions
        + """
[[milestones]]
id = "M1"
title = { id = "M1", en = "M1" }
[[milestones.criteria]]
id = "c"
message = { id = "uji", en = "test" }
reference = { basis = "test" }
"""
        + f"test = {test}\n"
    )


def outcome(test: str, *, as_of: dt.date = dt.date(2025, 12, 31), definitions: str = "", **changes):
    """Evaluate criterion ``c`` of a one-criterion rulebook on the complete base dossier."""
    data = {**BASE["dossier"], **changes}
    dossier = dossier_from_dict(data)
    decision = compile_rulebook(load_rulebook(book(test, definitions))).evaluate(
        dossier, as_of=as_of
    )
    return decision.criterion("c")


class TestCount:
    def test_counts_matching_records(self):
        """``count`` passes when enough records match every filter."""
        test = '{ op = "count", records = "commitments", where = [{ field = "regional_head", is = "true" }], cmp = ">=", value = 2 }'
        assert outcome(test).outcome is Outcome.PASS

    def test_gap_names_how_many_more(self):
        """A failing ``count`` says how many more records are needed."""
        test = '{ op = "count", records = "commitments", cmp = ">=", value = 10 }'
        result = outcome(test)
        assert result.outcome is Outcome.FAIL
        assert result.gap is not None
        assert isinstance(result.observed, ObservedNumber)
        assert result.gap.more == 10 - result.observed.value

    def test_date_window_of_the_evaluation_year(self):
        """``within = "evaluation_year"`` counts only records of that year up to the date."""
        test = '{ op = "count", records = "commitments", where = [{ field = "signed_on", within = "evaluation_year" }], cmp = "==", value = 1 }'
        assert outcome(test).outcome is Outcome.PASS
        assert outcome(test, as_of=dt.date(2025, 1, 1)).outcome is Outcome.FAIL

    def test_unreported_collection_is_unknown(self):
        """Counting a collection that was not reported is unknown, not zero."""
        test = '{ op = "count", records = "meetings", cmp = ">=", value = 1 }'
        result = outcome(test, meetings=None)
        assert result.outcome is Outcome.UNKNOWN
        assert result.gap is not None
        assert "meetings" in result.gap.provide

    def test_undecided_records_make_an_interval(self):
        """Records whose filtered field is unknown widen the count into an interval."""
        acts = [
            {"id": "a1", "name": "x", "fiscal_year": 2025, "funding_source": "apbd_district"},
            {"id": "a2", "name": "y", "fiscal_year": 2025},
        ]
        test = '{ op = "count", records = "activities", where = [{ field = "funding_group", is = "apbd" }], cmp = ">=", value = 2 }'
        result = outcome(test, activities=acts, monitoring_reports=[])
        assert result.outcome is Outcome.UNKNOWN
        assert result.observed == ObservedCount(low=1, high=2)
        assert str(result.observed) == "1..2"
        test_one = test.replace("value = 2", "value = 1")
        assert outcome(test_one, activities=acts, monitoring_reports=[]).outcome is Outcome.PASS

    def test_declared_default_is_flagged(self):
        """``if_unknown`` turns unknown into the declared outcome and says it was defaulted."""
        test = '{ op = "count", records = "meetings", cmp = ">=", value = 1, if_unknown = "fail" }'
        result = outcome(test, meetings=None)
        assert result.outcome is Outcome.FAIL
        assert result.defaulted


class TestLogic:
    def test_not_inverts(self):
        """``not`` passes exactly when its item fails."""
        assert (
            outcome('{ op = "not", of = { op = "present", fact = "designated" } }').outcome
            is Outcome.FAIL
        )

    def test_absent_passes_when_known_missing(self):
        """``absent`` passes when the fact is known not to be there."""
        assert (
            outcome('{ op = "absent", fact = "designated" }', designations=[]).outcome
            is Outcome.PASS
        )
        assert (
            outcome('{ op = "absent", fact = "designated" }', designations=None).outcome
            is Outcome.UNKNOWN
        )

    def test_any_reports_the_cheapest_branch(self):
        """A failing ``any`` names the branch closest to passing."""
        test = (
            '{ op = "any", of = ['
            '{ op = "compare", indicator = "layak_pct", cmp = ">=", value = "99" },'
            '{ op = "compare", indicator = "layak_pct", cmp = ">=", value = "90" } ] }'
        )
        result = outcome(test)
        assert result.outcome is Outcome.FAIL
        assert result.gap is not None
        assert result.gap.options == ("c.1",)

    def test_explanation_keeps_every_failing_sibling(self):
        """An ``all`` already failed by its first item still explains the others."""
        test = (
            '{ op = "all", of = ['
            '{ op = "absent", fact = "designated" },'
            '{ op = "compare", indicator = "layak_pct", cmp = ">=", value = "99" } ] }'
        )
        result = outcome(test)
        assert [c.outcome for c in result.children] == [Outcome.FAIL, Outcome.FAIL]

    def test_ref_uses_a_named_definition(self):
        """``ref`` evaluates a named definition of the rulebook."""
        definitions = """
[[definitions]]
id = "d.designated"
message = { id = "ditetapkan", en = "designated" }
reference = { basis = "test" }
test = { op = "present", fact = "designated" }
"""
        result = outcome('{ op = "ref", criterion = "d.designated" }', definitions=definitions)
        assert result.outcome is Outcome.PASS

    def test_constant_and_strict_comparison_gap(self):
        """A strict ``>`` gap adds one quantum so that applying it passes."""
        result = outcome('{ op = "compare", indicator = "layak_pct", cmp = ">", value = "90" }')
        assert result.outcome is Outcome.FAIL
        assert result.gap is not None
        assert result.gap.amount is not None
        assert isinstance(result.observed, ObservedNumber)
        observed = result.observed.value
        assert observed + result.gap.amount > Decimal(90)
        assert observed + result.gap.amount - Decimal("0.01") <= Decimal(90)


class TestLoaderChecks:
    @pytest.mark.parametrize(
        ("test", "code"),
        [
            (
                '{ op = "count", records = "commitments", where = [{ field = "colour", is = "x" }] }',
                "unknown_field",
            ),
            (
                '{ op = "count", records = "commitments", where = [{ field = "office", within = "as_of" }] }',
                "within_not_date",
            ),
            (
                '{ op = "count", records = "commitments", where = [{ field = "signed_on", is = "2024" }] }',
                "date_needs_within",
            ),
            ('{ op = "present", fact = "layak_pct" }', "not_a_fact"),
            (
                '{ op = "compare", indicator = "aspect_score", cmp = ">=", value = "50" }',
                "needs_parameter",
            ),
            (
                '{ op = "compare", indicator = "layak_pct", cmp = ">=", value = "1", args = { year = "next" } }',
                "not_a_choice",
            ),
            (
                '{ op = "at_least", k = 3, of = [{ op = "present", fact = "designated" }] }',
                "k_range",
            ),
            ('{ op = "maybe", of = [] }', "invalid_choice"),
        ],
    )
    def test_each_misuse_is_reported(self, test, code):
        """Each misuse of the language is a RulebookError with a precise problem code."""
        with pytest.raises(RulebookError) as info:
            load_rulebook(book(test), source="t.toml")
        assert code in [p.code for p in info.value.problems]
        assert all(p.file == "t.toml" for p in info.value.problems)

    def test_floats_are_refused_in_rulebooks(self):
        """A TOML float is not an exact number and is refused with its path."""
        with pytest.raises(RulebookError) as info:
            load_rulebook(
                book('{ op = "compare", indicator = "layak_pct", cmp = ">=", value = 80.5 }')
            )
        assert any(p.path.endswith(".test.value") for p in info.value.problems)

    def test_size_is_bounded(self):
        """A rulebook beyond the size bound is refused before parsing."""
        with pytest.raises(RulebookError) as info:
            load_rulebook("#" * (1024 * 1024 + 1))
        assert info.value.problems[0].code == "too_large_text"  # a str: counted in characters


class TestPartlyUnknownCounts:
    def test_unreported_phases_leave_the_count_open(self):
        """A service model whose phases are unreported cannot make "≥ 1 trial model" fail."""
        models = [{"id": "m", "sub_sector": "wastewater", "name": "x"}]
        test = '{ op = "compare", indicator = "trial_service_models", cmp = ">=", value = "1" }'
        result = outcome(
            test, service_models=models, activities=None, monitoring_reports=None, evaluations=None
        )
        assert result.outcome is Outcome.UNKNOWN
        assert result.observed == ObservedCount(low=0, high=1)

    def test_an_interval_entirely_above_decides(self):
        """If even the lower bound of a count meets the threshold, the comparison passes."""
        models = [
            {
                "id": "a",
                "sub_sector": "wastewater",
                "name": "x",
                "phases": [{"scale": "trial", "area": "A", "start": "2023-01-01"}],
            },
            {"id": "b", "sub_sector": "wastewater", "name": "y"},
        ]
        test = '{ op = "compare", indicator = "trial_service_models", cmp = ">=", value = "1" }'
        result = outcome(
            test, service_models=models, activities=None, monitoring_reports=None, evaluations=None
        )
        assert result.outcome is Outcome.PASS
        below = test.replace(">=", "<").replace('"1"', '"1"')
        assert (
            outcome(
                below,
                service_models=models,
                activities=None,
                monitoring_reports=None,
                evaluations=None,
            ).outcome
            is Outcome.FAIL
        )


@pytest.mark.property
@given(
    low=st.integers(0, 5),
    extra=st.integers(0, 5),
    limit=st.integers(0, 10),
    cmp=st.sampled_from(list(Cmp)),
)
def test_interval_outcome_is_sound(low, extra, limit, cmp):
    """A decided outcome over a count interval holds for every count in the interval."""
    from sanitasi_core.rules._logic import interval_outcome  # noqa: PLC0415

    high = low + extra
    decided = interval_outcome(Decimal(low), Decimal(high), cmp, Decimal(limit))
    truths = {cmp.holds(Decimal(x), Decimal(limit)) for x in range(low, high + 1)}
    if decided is Outcome.PASS:
        assert truths == {True}
    elif decided is Outcome.FAIL:
        assert truths == {False}
    else:
        assert truths == {True, False}


class TestSharedDefinitions:
    @staticmethod
    def _chain(levels: int) -> str:
        """Definitions d0 … dN where each refers to the one before twice (2^N paths to d0)."""
        parts = [
            '[[definitions]]\nid = "d0"\nmessage = { id = "d0", en = "d0" }\n'
            'reference = { basis = "test" }\ntest = { op = "present", fact = "designated" }\n'
        ]
        for level in range(1, levels + 1):
            below = f'{{ op = "ref", criterion = "d{level - 1}" }}'
            parts.append(
                f'[[definitions]]\nid = "d{level}"\nmessage = {{ id = "d", en = "d" }}\n'
                f'reference = {{ basis = "test" }}\n'
                f'test = {{ op = "all", of = [{below}, {below}] }}\n'
            )
        return "".join(parts)

    def test_a_definition_referred_to_along_many_paths_is_shared(self):
        """12 levels of definitions each naming the one below twice (4,096 paths) decide as one.

        The explanation shows the shared definition's result under each path; the rulebook
        check bounds that expansion (``MAX_EXPANDED_NODES``, tested in tests/test_rules.py),
        and 12 levels stay within it.
        """
        levels = 12
        definitions = self._chain(levels)
        test = f'{{ op = "ref", criterion = "d{levels}" }}'
        engine = compile_rulebook(load_rulebook(book(test, definitions)))
        dossier = dossier_from_dict(BASE["dossier"])
        decision = engine.evaluate(dossier, as_of=dt.date(2025, 12, 31))
        outcomes = engine.outcomes(dossier, as_of=dt.date(2025, 12, 31))
        assert decision.criterion("c").outcome is Outcome.PASS
        assert set(outcomes.values()) == {Outcome.PASS}


def test_every_rulebook_toml_accepts_round_trips_through_its_json():
    """A rulebook nested as deep as TOML allows loads back from its own JSON, equal."""
    from sanitasi_core.rulebooks import dump_rulebook  # noqa: PLC0415

    inner = '{ op = "present", fact = "designated" }'
    deepest = 0
    for depth in range(1, 40):
        inner = f'{{ op = "not", of = {inner} }}'
        try:
            loaded = load_rulebook(book(inner))
        except RulebookError:
            break
        assert load_rulebook(dump_rulebook(loaded), fmt="json") == loaded
        deepest = depth
    assert deepest >= 20  # the documented node depth is reached before TOML refuses


# ============================================================================================
# Criterion messages show the thresholds' values in force: {threshold:ID}
# ============================================================================================

DEMO = Path(__file__).parent.parent / "examples" / "demo-sungai-lestari.json"
_IN_FORCE = {"2020.1": dt.date(2024, 12, 31), "2025.1": dt.date(2025, 12, 31)}


def _demo_decision(rulebook, as_of, fiscal_year=None):
    from sanitasi_core.serialization import load_dossier  # noqa: PLC0415

    dossier = load_dossier(DEMO.read_bytes())
    return compile_rulebook(rulebook).evaluate(dossier, as_of=as_of, fiscal_year=fiscal_year)


def _with_realisation_steps(rulebook, *steps):
    import attrs  # noqa: PLC0415

    from sanitasi_core.rules import ThresholdStep  # noqa: PLC0415

    thresholds = tuple(
        attrs.evolve(t, steps=tuple(ThresholdStep(since=d, value=Decimal(v)) for d, v in steps))
        if t.id == "m4_apbd_realisation"
        else t
        for t in rulebook.thresholds
    )
    return attrs.evolve(rulebook, thresholds=thresholds)


@pytest.mark.parametrize("version", sorted(_IN_FORCE))
def test_default_rulebook_messages_show_the_values_in_force(version):
    """Both default rulebooks say "score ≥ 50" and "≥ 80 % of planned", never "≥ s" or "≥ r"."""
    from sanitasi_core.rulebooks import default_rulebook  # noqa: PLC0415

    decision = _demo_decision(default_rulebook(version), _IN_FORCE[version])
    realisation = decision.criterion("m4.apbd_realisation").message
    aspects = decision.criterion("m4.multi_aspect").message
    assert realisation is not None
    assert aspects is not None
    assert "≥ 80 % of planned" in realisation.en
    assert "≥ 80 % dari pagu" in realisation.id
    assert "score ≥ 50;" in aspects.en
    assert "skor ≥ 50;" in aspects.id
    shown = [
        side
        for m in decision.milestones
        for c in m.criteria
        if c.message is not None
        for side in (c.message.id, c.message.en)
    ]
    assert not [s for s in shown if "{threshold:" in s or re.search(r"≥ [a-z]\b", s)]


def test_the_message_follows_a_new_step_and_the_fiscal_year():
    """A 90 % step from July 2025 shows in 2025's decision; a date before it still shows 80 %."""
    from sanitasi_core.rulebooks import default_rulebook  # noqa: PLC0415

    stricter = _with_realisation_steps(
        default_rulebook(), (dt.date(2025, 1, 1), "80"), (dt.date(2025, 7, 1), "90")
    )
    later = _demo_decision(stricter, dt.date(2026, 3, 31), fiscal_year=2025)
    earlier = _demo_decision(stricter, dt.date(2025, 6, 30))
    assert "≥ 90 % of planned" in str(later.criterion("m4.apbd_realisation").message)
    assert "≥ 80 % of planned" in str(earlier.criterion("m4.apbd_realisation").message)
    criterion = next(c for _, c in stricter.criteria() if c.id == "m4.apbd_realisation")
    everything = stricter.fill(criterion.message)
    assert "≥ 80 % → 90 % of planned" in everything.en
    assert "≥ 80 % → 90 % dari pagu" in everything.id
    assert "≥ 80 % → 90 % of planned" in stricter.explain("en")


def test_fill_writes_decimals_the_language_s_way_and_leaves_other_braces():
    """``12,5`` in Indonesian, ``12.5`` in English; other braces, unknown ids stay as written."""
    from sanitasi_core._text import Text  # noqa: PLC0415
    from sanitasi_core.rulebooks import default_rulebook  # noqa: PLC0415

    book_ = _with_realisation_steps(default_rulebook(), (dt.date(2025, 1, 1), "12.5"))
    message = Text(
        id="≥ {threshold:m4_apbd_realisation} {x} {threshold:nope}",
        en="≥ {threshold:m4_apbd_realisation}, score {threshold:m4_min_aspect_score}",
    )
    filled = book_.fill(message, dt.date(2025, 3, 1))
    assert filled.id == "≥ 12,5 % {x} {threshold:nope}"
    assert filled.en == "≥ 12.5 %, score 50"
    assert book_.fill(message, dt.date(2024, 12, 31)).en == message.en  # no step yet
    plain = Text(id="{x}", en="{threshold}")
    assert book_.fill(plain) is plain


def test_a_message_naming_an_unknown_threshold_is_refused():
    """``{threshold:ID}`` must name a threshold of the rulebook: a typo is a RulebookError."""
    test = '{ op = "present", fact = "designated" }'
    bad = book(test).replace(
        'message = { id = "uji", en = "test" }',
        'message = { id = "uji {threshold:m4_apbd}", en = "test {braces} are text" }',
    )
    with pytest.raises(RulebookError) as caught:
        load_rulebook(bad)
    problems = caught.value.problems
    assert [(p.code, p.path) for p in problems] == [
        ("unknown_threshold", "$.milestones[0].criteria[0].message.id")
    ]
