"""The compiler: each criterion node of a rulebook becomes a closure, explained or outcome-only.

Each leaf of the criterion language becomes a small *plan* (:class:`_Compare`, :class:`_Present`,
:class:`_Count`); both paths decide it with the same functions of
:mod:`~sanitasi_core.rules._logic`: the explained path builds a
:class:`~sanitasi_core.rules.results.CriterionResult` around the outcome, the outcome-only path
(:meth:`~sanitasi_core.rules.CompiledRulebook.outcomes`) keeps just the outcome. Inner nodes
combine their items' outcomes with the same functions on both paths. Each explained result is
built once: who it is (id, message, reference, severity) is fixed at compile time, so nothing is
copied afterwards; and it is shared (:class:`~sanitasi_core.rules._sharing.Sharing`): an
explanation met again is the same frozen object, not a new one.
"""

import datetime as dt
from collections.abc import Callable, Hashable, Mapping, Sequence
from decimal import Decimal
from typing import Final, assert_never

import attrs

from sanitasi_core._messages import text
from sanitasi_core._text import Text
from sanitasi_core.exceptions import EvaluationError
from sanitasi_core.indicators import Facts, IndicatorSpec, MissingInput, Observation
from sanitasi_core.indicators._records import OPEN_ENDED, count_records
from sanitasi_core.rules import _explain as explain
from sanitasi_core.rules._logic import (
    Cmp,
    Outcome,
    combine_all,
    combine_any,
    combine_at_least,
    decide_compare,
    decide_count,
    decide_present,
    decide_some,
    negate,
    with_default,
)
from sanitasi_core.rules._sharing import Sharing, content
from sanitasi_core.rules.language import (
    AbsentNode,
    AllNode,
    AnyNode,
    AspectsNode,
    AtLeastNode,
    CompareNode,
    CountNode,
    Criterion,
    Node,
    NotNode,
    PresentNode,
    Reference,
    RefNode,
    Rulebook,
    Severity,
    SomeNode,
    expand_aspects,
)
from sanitasi_core.rules.results import (
    CriterionResult,
    Gap,
    Observed,
    ObservedCount,
    ObservedFlag,
    ObservedItem,
    ObservedNumber,
    ThresholdRef,
    _replaced,
)

__all__ = ["Compiler", "Decider", "Evaluator", "rules_date"]

P, F, U, NA = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN, Outcome.NOT_APPLICABLE

Evaluator = Callable[[Facts], CriterionResult]
"""An explained node: facts in, its result out."""
Decider = Callable[[Facts], Outcome]
"""An outcome-only node: facts in, its outcome out."""


def rules_date(as_of: dt.date, fiscal_year: int | None) -> dt.date:
    """The day whose rules apply: the fiscal year's last day, or *as_of* if that comes first.

    Year *N* assessed in year *N+1* keeps the rules of year *N*; an assessment during the year
    uses the rules in force on its date.
    """
    if fiscal_year is None:
        return as_of
    return min(as_of, dt.date(fiscal_year, 12, 31))


def _observed(value: bool | Decimal | int | None) -> Observed | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return ObservedFlag(value=value)
    return ObservedNumber(value=Decimal(value))


def _shown(obs: Observation) -> Observed | None:
    """The value seen, as a result holds it: an interval for a partly unknown count."""
    if obs.value is not None and not isinstance(obs.value, bool):
        if obs.open_ended:
            return ObservedCount(low=int(obs.value))
        if obs.upper is not None and obs.upper != obs.value:
            return ObservedCount(low=int(obs.value), high=obs.upper)
    return _observed(obs.value)


Limit = tuple[Decimal, ThresholdRef | None]
"""A threshold applied and where it comes from (``None``: a constant of the criterion)."""


@attrs.frozen
class _Who:
    """Who a result is: the criterion's id, message, reference and severity, or a node's path."""

    id: str
    message: Text | None = None
    reference: Reference | None = None
    severity: Severity | None = None


class _Compare:
    """A ``compare`` leaf: the indicator, its memo key, the comparison and its threshold."""

    def __init__(self, node: CompareNode, spec: IndicatorSpec, book: Rulebook) -> None:
        self.spec = spec
        self.args = dict(node.args)
        self.key = Facts.key(spec.name, self.args)
        self.cmp = node.cmp
        self.default = node.if_unknown
        self.series = next((t for t in book.thresholds if t.id == node.threshold), None)
        self.constant = node.value

    def limit(self, facts: Facts) -> tuple[Decimal, ThresholdRef | None]:
        """The threshold in force for the facts' fiscal year, and where it comes from."""
        if self.series is None:
            assert self.constant is not None  # noqa: S101  # check_rulebook: one of the two
            return self.constant, None
        day = rules_date(facts.as_of, facts.year)
        step = self.series.value_on(day)
        if step is None:
            raise EvaluationError(
                text("threshold_no_value", id=self.series.id, day=day.isoformat())
            )
        return step.value, ThresholdRef(id=self.series.id, since=step.since)

    def decide(
        self, facts: Facts
    ) -> tuple[Outcome, Outcome, Observation, Decimal, ThresholdRef | None]:
        """``(outcome, outcome before any default, observation, limit, its source)``."""
        limit, source = self.limit(facts)
        obs = facts.lookup(self.key, self.spec.name, self.args)
        decided = decide_compare(obs, self.cmp, limit)
        return with_default(decided, self.default)[0], decided, obs, limit, source


class _Present:
    """A ``present`` or ``absent`` leaf: the fact, its memo key and what is wanted."""

    def __init__(self, node: PresentNode | AbsentNode, spec: IndicatorSpec) -> None:
        self.spec = spec
        self.args = dict(node.args)
        self.key = Facts.key(spec.name, self.args)
        self.want = isinstance(node, PresentNode)
        self.default = node.if_unknown

    def decide(self, facts: Facts) -> tuple[Outcome, Outcome, Observation]:
        """``(outcome, outcome before any default, observation)``."""
        obs = facts.lookup(self.key, self.spec.name, self.args)
        decided = decide_present(obs, want=self.want)
        return with_default(decided, self.default)[0], decided, obs


class _Count:
    """A ``count`` leaf: the record set, its filters and the comparison."""

    def __init__(self, node: CountNode) -> None:
        self.node = node

    def decide(
        self, facts: Facts
    ) -> tuple[Outcome, Outcome, int, int | None, tuple[MissingInput, ...]]:
        """``(outcome, outcome before any default, low, high, missing inputs)``."""
        node = self.node
        low, high, missing = count_records(facts, node.records, node.where)
        decided = decide_count(low, high, node.cmp, node.value)
        return with_default(decided, node.if_unknown)[0], decided, low, high, missing


_COMBINE: Final[Mapping[str, Callable[[int | None, Sequence[Outcome]], Outcome]]] = {
    "all": lambda _k, outcomes: combine_all(outcomes),
    "any": lambda _k, outcomes: combine_any(outcomes),
    "at_least": lambda k, outcomes: combine_at_least(k or 0, outcomes),
}


def _group_op(node: AllNode | AnyNode | AtLeastNode) -> tuple[str, int | None]:
    if isinstance(node, AtLeastNode):
        return "at_least", node.k
    return ("all" if isinstance(node, AllNode) else "any"), None


class Compiler:
    """Turns rulebook nodes into closures once; evaluation never reads the rulebook again."""

    def __init__(self, rulebook: Rulebook, catalogue: Mapping[str, IndicatorSpec]) -> None:
        self.rulebook = rulebook
        self.catalogue = catalogue
        self.definitions = {d.id: d for d in rulebook.definitions}
        self.compiled_refs: dict[str, Evaluator] = {}
        self.sharing = Sharing()
        self.fast_refs: dict[str, Decider] = {}
        counted = rulebook.aspects.keys() if rulebook.aspects is not None else frozenset()
        self.counted = counted

    def expand(self, node: AspectsNode) -> AllNode:
        """Spell an ``aspects`` node out over the rulebook's aspect set (checked beforehand)."""
        assert self.rulebook.aspects is not None  # noqa: S101  # check_rulebook refuses it otherwise
        return expand_aspects(node, self.rulebook.aspects)

    # -- outcome only ------------------------------------------------------------------------

    def fast(self, node: Node) -> Decider:
        """Compile *node* to a closure that returns only its outcome (no explanation)."""
        match node:
            case AllNode() | AnyNode() | AtLeastNode():
                op, k = _group_op(node)
                combine, parts = _COMBINE[op], [self.fast(n) for n in node.of]
                return lambda f: combine(k, [p(f) for p in parts])
            case NotNode():
                inner = self.fast(node.of)
                return lambda f: negate(inner(f))
            case RefNode():
                return self._fast_ref(node.criterion)
            case SomeNode():
                test = self.fast(node.test)

                def some(f: Facts) -> Outcome:
                    models = f.seen.service_models
                    if models is None:
                        return U
                    return decide_some([test(f.scoped(m.index)) for m in models])

                return some
            case AspectsNode():
                return self.fast(self.expand(node))
            case CompareNode():
                compare = _Compare(node, self.catalogue[node.indicator], self.rulebook)
                return lambda f: compare.decide(f)[0]
            case PresentNode() | AbsentNode():
                present = _Present(node, self.catalogue[node.fact])
                return lambda f: present.decide(f)[0]
            case CountNode():
                counter = _Count(node)
                return lambda f: counter.decide(f)[0]
            case _:
                assert_never(node)

    # -- explained ---------------------------------------------------------------------------

    def criterion(self, crit: Criterion) -> Evaluator:
        """Compile *crit* to a closure returning its explained result (with its severity)."""
        # The criterion's own node is built with its severity (inner nodes carry none): no copy.
        who = _Who(crit.id, crit.message, crit.reference, crit.severity)
        return self.node(crit.test, crit.id, who)

    def node(self, node: Node, path: str, named: _Who | None = None) -> Evaluator:
        who = named or _Who(path)
        match node:
            case AllNode() | AnyNode() | AtLeastNode():
                items = [self.node(n, f"{path}.{i}") for i, n in enumerate(node.of)]
                return self._group(who, node, items)
            case NotNode():
                return self._not(who, node, self.node(node.of, f"{path}.0"))
            case RefNode() if named is not None:
                # A criterion that is just a reference reports under its own id.
                return self.node(self.definitions[node.criterion].test, path, named)
            case RefNode():
                return self._ref(node.criterion)
            case SomeNode():
                return self._some(who, node, self.node(node.test, f"{path}.test"), path)
            case AspectsNode():
                return self._aspects(self.node(self.expand(node), path, who))
            case CompareNode():
                return self._compare(who, node)
            case PresentNode() | AbsentNode():
                return self._present(who, node)
            case CountNode():
                return self._count(who, node)
            case _:
                assert_never(node)

    def _fast_ref(self, name: str) -> Decider:
        # Compiled once per definition, decided once per facts: a definition referred to along
        # many paths (d2 = all(d1, d1), d1 = all(d0, d0), ...) costs its size, never 2^depth.
        if name not in self.fast_refs:
            decide = self.fast(self.definitions[name].test)
            key = ("outcome", name)
            self.fast_refs[name] = lambda f: f.shared(key, decide)
        return self.fast_refs[name]

    def _ref(self, name: str) -> Evaluator:
        if name not in self.compiled_refs:
            run = self.criterion(self.definitions[name])
            key = ("result", name)
            self.compiled_refs[name] = lambda f: f.shared(key, run)
        return self.compiled_refs[name]

    def _group(
        self, who: _Who, node: AllNode | AnyNode | AtLeastNode, items: list[Evaluator]
    ) -> Evaluator:
        op, k = _group_op(node)
        combine, message = _COMBINE[op], who.message or node.label
        sharing = self.sharing
        memo: dict[Hashable, CriterionResult] = sharing.table()

        def run(facts: Facts) -> CriterionResult:
            children = tuple([item(facts) for item in items])  # never short-circuit: explain all
            key = tuple(map(id, children))  # the result holds the children: ids stay theirs
            found: CriterionResult | None = memo.get(key)
            if found is not None:
                return found
            outcome = combine(k, [c.outcome for c in children])
            result = CriterionResult(
                id=who.id,
                op=op,
                outcome=outcome,
                gap=explain.group_gap(op, k, children) if outcome in (F, U) else None,
                reference=who.reference,
                message=message,
                missing=tuple(m for c in children if c.outcome is U for m in c.missing),
                children=children,
                severity=who.severity,
            )
            return sharing.keep(memo, key, result)

        return run

    def _not(self, who: _Who, node: NotNode, item: Evaluator) -> Evaluator:
        message = who.message or node.label
        must_not = Gap(text=text("gap_must_not_hold"))
        sharing = self.sharing
        memo: dict[Hashable, CriterionResult] = sharing.table()

        def run(facts: Facts) -> CriterionResult:
            child = item(facts)
            found: CriterionResult | None = memo.get(id(child))  # held by the result
            if found is not None:
                return found
            outcome = negate(child.outcome)
            gap = explain.unknown_gap(child.missing) if outcome is U else None
            result = CriterionResult(
                id=who.id,
                op="not",
                outcome=outcome,
                gap=must_not if outcome is F else gap,
                reference=who.reference,
                message=message,
                missing=child.missing,
                children=(child,),
                severity=who.severity,
            )
            return sharing.keep(memo, id(child), result)

        return run

    def _some(self, who: _Who, node: SomeNode, test: Evaluator, path: str) -> Evaluator:
        message = who.message or node.label or text("label_some_model")
        unreported = (MissingInput(key="service_models", text=text("missing_service_models")),)
        sharing = self.sharing
        items: dict[Hashable, CriterionResult] = sharing.table()
        labels: dict[tuple[str, str], Text] = sharing.table()
        memo: dict[Hashable, CriterionResult] = sharing.table()

        def unknown() -> CriterionResult:
            return CriterionResult(
                id=who.id,
                op="some",
                outcome=U,
                gap=explain.unknown_gap(unreported),
                reference=who.reference,
                message=message,
                missing=unreported,
                severity=who.severity,
            )

        def item_of(result: CriterionResult, model_id: str, name: str) -> CriterionResult:
            key = (id(result), model_id, name)  # the item holds the result: the id stays its
            found: CriterionResult | None = items.get(key)
            if found is not None:
                return found
            label = labels.get((model_id, name))
            if label is None:
                label = sharing.keep(
                    labels, (model_id, name), text("label_model", name=name, id=model_id)
                )
            item = CriterionResult(
                id=f"{path}[{model_id}]",
                op="item",
                outcome=result.outcome,
                message=label,
                gap=result.gap,
                missing=result.missing,
                children=(result,),
                subject=model_id,
            )
            return sharing.keep(items, key, item)

        def run(facts: Facts) -> CriterionResult:
            models = facts.seen.service_models
            if models is None:
                found: CriterionResult | None = memo.get(None)
                return found if found is not None else sharing.keep(memo, None, unknown())
            children = tuple(
                [
                    item_of(test(facts.scoped(item.index)), item.record.id, item.record.name)
                    for item in models
                ]
            )
            key = tuple(map(id, children))
            found = memo.get(key)
            if found is not None:
                return found
            outcome = decide_some([c.outcome for c in children])
            chosen = explain.chosen_item(children)
            result = CriterionResult(
                id=who.id,
                op="some",
                outcome=outcome,
                observed=ObservedItem(id=chosen.subject) if chosen and chosen.subject else None,
                gap=explain.some_gap(chosen, children) if outcome in (F, U) else None,
                reference=who.reference,
                message=message,
                missing=tuple(m for c in children if c.outcome is U for m in c.missing),
                children=children,
                severity=who.severity,
            )
            return sharing.keep(memo, key, result)

        return run

    def _aspects(self, expanded: Evaluator) -> Evaluator:
        aspect_set = self.rulebook.aspects
        assert aspect_set is not None  # noqa: S101  # checked beforehand
        counted, set_id = aspect_set.keys(), aspect_set.id
        sharing = self.sharing
        memo: dict[Hashable, tuple[CriterionResult, CriterionResult]] = sharing.table()

        def run(facts: Facts) -> CriterionResult:
            result = expanded(facts)
            notes = explain.outside_set(facts.seen, facts.year, counted, set_id)
            if not notes:
                return result
            key = (id(result), notes)
            found = memo.get(key)
            if found is not None:  # the entry holds the result: the id is still its
                return found[1]
            noted = _replaced(result, message=result.message, notes=result.notes + notes)
            return sharing.keep(memo, key, (result, noted))[1]

        return run

    def _compare(self, who: _Who, node: CompareNode) -> Evaluator:
        plan = _Compare(node, self.catalogue[node.indicator], self.rulebook)
        spec = plan.spec
        label = node.label or spec.description
        message = who.message or label
        absent_gap = Gap(text=text("gap_nothing_recorded", label=label), unit=spec.unit)
        key_of, name, args, cmp, default = plan.key, spec.name, plan.args, plan.cmp, plan.default
        sharing = self.sharing
        memo: dict[Hashable, CriterionResult] = sharing.table()
        # Observations shared by the indicators (yes, no, small counts) are found by identity.
        by_obs: dict[int, tuple[Observation, Limit, CriterionResult]] = sharing.table()
        by_day: dict[tuple[dt.date, int], Limit] = sharing.table()
        # One (limit, source) per threshold step: its id keys the memo and stays valid.
        by_step: dict[ThresholdRef | None, Limit] = {}
        constant: Limit | None = None
        if plan.series is None:
            assert plan.constant is not None  # noqa: S101  # check_rulebook: one of the two
            constant = (plan.constant, None)
        # The gap in other units reads the observation's detail (households, Rupiah).
        with_detail = spec.also is not None

        def limit_of(facts: Facts) -> Limit:
            when = (facts.as_of, facts.year)
            pair = by_day.get(when)
            if pair is None:
                limit, source = plan.limit(facts)
                pair = by_step.setdefault(source, (limit, source))
                sharing.keep(by_day, when, pair)
            return pair

        def run(facts: Facts) -> CriterionResult:
            # The limit first, as plan.decide: a threshold without a value then raises.
            pair = constant if constant is not None else limit_of(facts)
            obs = facts.lookup(key_of, name, args)
            seen = by_obs.get(id(obs))  # the entry holds the observation: the id is still its
            if seen is not None and seen[1] is pair:
                return seen[2]
            key = (id(pair), content(obs), repr(obs.detail) if with_detail else None)
            found = memo.get(key)
            if found is None:
                found = sharing.keep(memo, key, build(obs, pair))
            sharing.keep(by_obs, id(obs), (obs, pair, found))
            return found

        def build(obs: Observation, pair: Limit) -> CriterionResult:
            limit, source = pair
            decided = decide_compare(obs, cmp, limit)
            outcome = with_default(decided, default)[0]
            gap = None
            if decided is U:
                gap = explain.unknown_gap(obs.missing)
            elif decided is F and obs.absent:
                gap = absent_gap
            elif decided is F:
                value = Decimal(obs.value)  # type: ignore[arg-type]  # decided: a number
                amount = explain.numeric_gap(value, node.cmp, limit, spec.quantum)
                gap = explain.numeric_gap_text(spec, value, limit, amount, obs, node.cmp)
            return CriterionResult(
                id=who.id,
                op="compare",
                outcome=outcome,
                observed=_shown(obs),
                threshold=limit,
                threshold_source=source,
                unit=spec.unit,
                gap=gap,
                reference=who.reference,
                message=message,
                defaulted=outcome is not decided,
                missing=obs.missing,
                severity=who.severity,
                notes=obs.notes,
            )

        return run

    def _present(self, who: _Who, node: PresentNode | AbsentNode) -> Evaluator:
        plan = _Present(node, self.catalogue[node.fact])
        label = node.label or plan.spec.description
        message = who.message or label
        op = "present" if plan.want else "absent"
        code = "gap_needed" if plan.want else "gap_must_not_exist"
        fail_gap = Gap(text=text(code, label=label), more=1 if plan.want else None)
        key_of, name, args = plan.key, plan.spec.name, plan.args
        want, default = plan.want, plan.default
        sharing = self.sharing
        memo: dict[Hashable, CriterionResult] = sharing.table()
        by_obs: dict[int, tuple[Observation, CriterionResult]] = sharing.table()

        def run(facts: Facts) -> CriterionResult:
            obs = facts.lookup(key_of, name, args)
            seen = by_obs.get(id(obs))  # the entry holds the observation: the id is still its
            if seen is not None:
                return seen[1]
            key = content(obs)
            found = memo.get(key)
            if found is None:
                found = sharing.keep(memo, key, build(obs))
            sharing.keep(by_obs, id(obs), (obs, found))
            return found

        def build(obs: Observation) -> CriterionResult:
            decided = decide_present(obs, want=want)
            outcome = with_default(decided, default)[0]
            gap = None
            if decided is U:
                gap = explain.unknown_gap(obs.missing)
            elif decided is F:
                gap = fail_gap
            return CriterionResult(
                id=who.id,
                op=op,
                outcome=outcome,
                observed=_observed(obs.value),
                unit=plan.spec.unit,
                gap=gap,
                reference=who.reference,
                message=message,
                defaulted=outcome is not decided,
                missing=obs.missing,
                severity=who.severity,
                notes=obs.notes,
            )

        return run

    def _count(self, who: _Who, node: CountNode) -> Evaluator:
        label = node.label or explain.count_label(node.records)
        message = who.message or label
        sharing = self.sharing
        memo: dict[Hashable, CriterionResult] = sharing.table()

        def run(facts: Facts) -> CriterionResult:
            low, high, missing = count_records(facts, node.records, node.where)
            key = (low, high, missing)
            found: CriterionResult | None = memo.get(key)
            if found is not None:
                return found
            decided = decide_count(low, high, node.cmp, node.value)
            outcome = with_default(decided, node.if_unknown)[0]
            gap = None
            if decided is U:
                gap = explain.unknown_gap(missing)
            elif decided is F:
                need = node.value - low + (1 if node.cmp is Cmp.GT else 0)
                gap = explain.count_gap(need, label)
            upper = None if high is None or high == OPEN_ENDED else high
            result = CriterionResult(
                id=who.id,
                op="count",
                outcome=outcome,
                observed=(
                    ObservedNumber(value=Decimal(low))
                    if low == high
                    else ObservedCount(low=low, high=upper)
                ),
                threshold=Decimal(node.value),
                unit="records",
                gap=gap,
                reference=who.reference,
                message=message,
                defaulted=outcome is not decided,
                missing=missing,
                severity=who.severity,
            )
            return sharing.keep(memo, key, result)

        return run
