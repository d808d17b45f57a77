"""The rules engine: rulebooks as data, compiled once to closures, explainable decisions.

A :class:`Rulebook` holds milestones M1-M4, each with criteria written in a closed language
(:data:`Node`): ``all``, ``any``, ``not``, ``at_least``, ``compare``, ``present``, ``absent``,
``count`` and ``ref``. Nothing in a rulebook is executed: every name it uses is looked up in the
typed :mod:`~sanitasi_core.indicators` catalogue or in the rulebook itself.

Outcomes are four-valued (:class:`Outcome`) and combined soundly (Kleene): a decided outcome
never changes whatever the missing data turns out to be. The explanation never short-circuits.
"""

import datetime as dt
import functools
import hashlib
import itertools
import operator
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from enum import StrEnum
from typing import Any, Final, Literal

import attrs

from sanitasi_core._text import Text
from sanitasi_core.exceptions import EvaluationError, NoRulebookInForceError, Problem, RulebookError
from sanitasi_core.indicators import (
    CATALOGUE,
    Facts,
    MissingInput,
    Observation,
)
from sanitasi_core.model import Dossier, Milestone, NationalTarget, TargetIndicator

__all__ = [
    "DECISION_SCHEMA",
    "RULEBOOK_SCHEMA",
    "AbsentNode",
    "AllNode",
    "AnyNode",
    "AtLeastNode",
    "Cmp",
    "CompareNode",
    "CompiledRulebook",
    "CountNode",
    "Criterion",
    "CriterionResult",
    "Decision",
    "DesignationCheck",
    "Gap",
    "LevelChange",
    "MilestoneResult",
    "MilestoneRule",
    "MissingRank",
    "Node",
    "NotNode",
    "Outcome",
    "PresentNode",
    "RefNode",
    "Reference",
    "Rulebook",
    "RulebookInfo",
    "RulebookSet",
    "RulebookStatus",
    "TargetDistance",
    "Threshold",
    "ThresholdStep",
    "compile_rulebook",
    "diff_rulebooks",
]

RULEBOOK_SCHEMA: Final = "sanitasi.rulebook/v1"
DECISION_SCHEMA: Final = "sanitasi.decision/v1"


class Outcome(StrEnum):
    """The outcome of a criterion."""

    PASS = "pass"  #: Met.
    FAIL = "fail"  #: Not met, whatever missing data turns out to be.
    UNKNOWN = "unknown"  #: Cannot be decided: data is missing.
    NOT_APPLICABLE = "not_applicable"  #: Does not apply; neutral in every combination.


class RulebookStatus(StrEnum):
    """Whether a rulebook encodes official text or a reconstruction."""

    RECONSTRUCTED = "reconstructed"
    OFFICIAL = "official"


class Cmp(StrEnum):
    """A comparison operator."""

    GE = ">="
    GT = ">"
    LE = "<="
    LT = "<"
    EQ = "=="
    NE = "!="


# --------------------------------------------------------------------------------------------
# Rulebook model
# --------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Reference:
    """Where a criterion or threshold comes from.

    Attributes:
        basis: the basis in words (required): a regulation, a programme document, or why it was
            reconstructed.
        regulation: the regulation, e.g. "Permendagri 87/2022".
        clause: the article or clause.
        url: a link.
    """

    basis: str
    regulation: str | None = None
    clause: str | None = None
    url: str | None = None


@attrs.frozen(kw_only=True)
class ThresholdStep:
    """A threshold value in force from a date on (until the next step)."""

    since: dt.date
    value: Decimal


@attrs.frozen(kw_only=True)
class Threshold:
    """A dated threshold series, as OpenFisca parameters are.

    Attributes:
        id: the id criteria use.
        unit: its unit.
        steps: values by start date, in order; the last one stays in force.
        reference: its basis.
        description: what it is, in both languages.
    """

    id: str
    unit: str
    steps: tuple[ThresholdStep, ...]
    reference: Reference
    description: Text

    def value_on(self, day: dt.date) -> ThresholdStep | None:
        """Return the step in force on *day*, or ``None`` before the first step."""
        index = bisect_right([s.since for s in self.steps], day)
        return self.steps[index - 1] if index else None


@attrs.frozen(kw_only=True)
class AllNode:
    """Every item must pass (``op = "all"``)."""

    of: "tuple[Node, ...]"
    label: Text | None = None


@attrs.frozen(kw_only=True)
class AnyNode:
    """At least one item must pass (``op = "any"``)."""

    of: "tuple[Node, ...]"
    label: Text | None = None


@attrs.frozen(kw_only=True)
class NotNode:
    """The item must fail (``op = "not"``)."""

    of: "Node"
    label: Text | None = None


@attrs.frozen(kw_only=True)
class AtLeastNode:
    """At least ``k`` of the items must pass (``op = "at_least"``)."""

    k: int
    of: "tuple[Node, ...]"
    label: Text | None = None


@attrs.frozen(kw_only=True)
class CompareNode:
    """Compare an indicator with a threshold or a constant (``op = "compare"``).

    Attributes:
        indicator: an indicator name of the catalogue.
        cmp: the operator.
        threshold: the id of a dated threshold of the rulebook (or ``value``).
        value: a constant (or ``threshold``).
        args: the indicator's parameters.
        label: a short label for the explanation, in both languages.
        if_unknown: a declared default outcome when the indicator is unknown (flagged).
    """

    indicator: str
    cmp: Cmp
    threshold: str | None = None
    value: Decimal | None = None
    args: dict[str, str] = attrs.field(factory=dict)
    label: Text | None = None
    if_unknown: Outcome | None = None


@attrs.frozen(kw_only=True)
class PresentNode:
    """A boolean fact must be there (``op = "present"``)."""

    fact: str
    args: dict[str, str] = attrs.field(factory=dict)
    label: Text | None = None
    if_unknown: Outcome | None = None


@attrs.frozen(kw_only=True)
class AbsentNode:
    """A boolean fact must be known not to be there (``op = "absent"``)."""

    fact: str
    args: dict[str, str] = attrs.field(factory=dict)
    label: Text | None = None
    if_unknown: Outcome | None = None


class RecordSet(StrEnum):
    """A collection of dossier records a ``count`` node can count."""

    COMMITMENTS = "commitments"
    MEETINGS = "meetings"
    ACTIVITIES = "activities"
    EVALUATIONS = "evaluations"
    MONITORING_REPORTS = "monitoring_reports"
    DOCUMENTS = "documents"


class Window(StrEnum):
    """A date window relative to the evaluation date."""

    AS_OF = "as_of"  #: On or before the evaluation date.
    EVALUATION_YEAR = "evaluation_year"  #: In the evaluation (fiscal) year, up to the date.
    PREVIOUS_YEAR = "previous_year"  #: In the year before.
    LAST_12_MONTHS = "last_12_months"  #: In the twelve months up to the evaluation date.


@attrs.frozen(kw_only=True)
class Where:
    """A filter of a ``count`` node: ``field`` equals ``is`` (one of ``in``), or lies ``within``.

    Attributes:
        field: a field name declared for the record set (see the rulebook reference).
        equals: the value it must have (written ``is`` in files).
        one_of: values it may have (written ``in`` in files).
        within: a date window for a date field.
    """

    field: str
    equals: str | None = attrs.field(default=None, metadata={"wire": "is"})
    one_of: tuple[str, ...] | None = attrs.field(default=None, metadata={"wire": "in"})
    within: Window | None = None


@attrs.frozen(kw_only=True)
class CountNode:
    """Count the records matching every filter and compare (``op = "count"``)."""

    records: RecordSet
    where: tuple[Where, ...] = ()
    cmp: Cmp = Cmp.GE
    value: int = 1
    label: Text | None = None
    if_unknown: Outcome | None = None


@attrs.frozen(kw_only=True)
class RefNode:
    """Use a named, reusable criterion of the rulebook (``op = "ref"``)."""

    criterion: str


Node = (
    AllNode
    | AnyNode
    | NotNode
    | AtLeastNode
    | CompareNode
    | PresentNode
    | AbsentNode
    | CountNode
    | RefNode
)
"""A node of the criterion language."""

NODE_TAGS: Final[Mapping[str, type]] = {
    "all": AllNode,
    "any": AnyNode,
    "not": NotNode,
    "at_least": AtLeastNode,
    "compare": CompareNode,
    "present": PresentNode,
    "absent": AbsentNode,
    "count": CountNode,
    "ref": RefNode,
}
"""The stable wire tag (``op``) of each node class."""
TAG_OF: Final[Mapping[type, str]] = {cls: tag for tag, cls in NODE_TAGS.items()}

for _cls in (AllNode, AnyNode, NotNode, AtLeastNode):
    attrs.resolve_types(_cls, globals(), locals())


@attrs.frozen(kw_only=True)
class Criterion:
    """A named criterion: a test with its message and its basis.

    Attributes:
        id: unique in the rulebook, e.g. ``m4.apbd_realisation``.
        message: what it requires, in both languages.
        reference: its basis.
        test: the condition.
    """

    id: str
    message: Text
    reference: Reference
    test: Node


@attrs.frozen(kw_only=True)
class MilestoneRule:
    """A milestone and its criteria; each milestone requires the one before.

    Attributes:
        id: M1 … M4.
        title: its name in both languages.
        criteria: its criteria.
        per_fiscal_year: evaluated per fiscal year (M4: "M4 year n").
    """

    id: Milestone
    title: Text
    criteria: tuple[Criterion, ...]
    per_fiscal_year: bool = False


@attrs.frozen(kw_only=True)
class Rulebook:
    """A versioned, effective-dated set of milestone criteria.

    Attributes:
        schema: always :data:`RULEBOOK_SCHEMA`.
        id: the rulebook's id.
        version: its version.
        title: its title in both languages.
        status: ``reconstructed`` or ``official``.
        valid_from: first day it is in force.
        valid_to: first day it is no longer in force (``None``: open-ended).
        milestones: the milestones in order.
        thresholds: dated threshold series.
        definitions: named criteria that ``ref`` nodes may use.
        targets: dated national targets.
    """

    id: str
    version: str
    title: Text
    status: RulebookStatus
    valid_from: dt.date
    milestones: tuple[MilestoneRule, ...]
    schema: str = RULEBOOK_SCHEMA
    valid_to: dt.date | None = None
    thresholds: tuple[Threshold, ...] = ()
    definitions: tuple[Criterion, ...] = ()
    targets: tuple[NationalTarget, ...] = ()

    def in_force(self, day: dt.date) -> bool:
        """Whether the rulebook is in force on *day*."""
        return self.valid_from <= day and (self.valid_to is None or day < self.valid_to)

    def criteria(self) -> Iterable[tuple[Milestone | None, Criterion]]:
        """Yield every criterion with its milestone (``None`` for definitions)."""
        for d in self.definitions:
            yield None, d
        for m in self.milestones:
            for c in m.criteria:
                yield m.id, c


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Gap:
    """What it takes to make a failing or unknown criterion pass.

    Attributes:
        amount: the numeric distance in the indicator's unit (``None`` when not numeric).
        unit: that unit.
        also: the same distance in other units, e.g. Rupiah or households.
        more: how many more records or items are needed (``count``, ``at_least``).
        options: ids or labels of the items that could close it, cheapest first.
        provide: inputs to report, for an unknown criterion.
        text: the gap in words, in both languages.
    """

    text: Text
    amount: Decimal | None = None
    unit: str | None = None
    also: dict[str, Decimal] = attrs.field(factory=dict)
    more: int | None = None
    options: tuple[str, ...] = ()
    provide: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class CriterionResult:
    """The explained outcome of one criterion or node.

    Attributes:
        id: the criterion id (or a derived id for an inner node).
        op: the node kind.
        outcome: pass, fail, unknown or not_applicable.
        observed: the value seen, as a string (decimals exact), ``None`` if unknown.
        threshold: the threshold applied, as a string.
        threshold_source: the threshold id and the date its value applies from.
        unit: the unit of observed and threshold.
        gap: what it takes to pass (for fail and unknown).
        reference: the basis.
        message: the requirement in both languages.
        defaulted: the outcome comes from a declared default because the data was unknown.
        missing: inputs that would help decide it.
        children: results of the inner nodes.
    """

    id: str
    op: str
    outcome: Outcome
    observed: str | None = None
    threshold: str | None = None
    threshold_source: str | None = None
    unit: str | None = None
    gap: Gap | None = None
    reference: Reference | None = None
    message: Text | None = None
    defaulted: bool = False
    missing: tuple[MissingInput, ...] = ()
    children: "tuple[CriterionResult, ...]" = ()

    def walk(self) -> Iterable["CriterionResult"]:
        """Yield this result and every inner result."""
        yield self
        for child in self.children:
            yield from child.walk()


attrs.resolve_types(CriterionResult, globals(), locals())


@attrs.frozen(kw_only=True)
class MilestoneResult:
    """The outcome of one milestone (its own criteria, ignoring the ladder)."""

    id: Milestone
    outcome: Outcome
    criteria: tuple[CriterionResult, ...]
    fiscal_year: int | None = None


@attrs.frozen(kw_only=True)
class MissingRank:
    """A missing input and how many undecided criteria it bears on."""

    key: str
    text: Text
    settles: int
    criteria: tuple[str, ...]


@attrs.frozen(kw_only=True)
class DesignationCheck:
    """How a decree's designation compares with the evidence.

    Attributes:
        status: ``consistent``, ``unconfirmed`` (evidence cannot confirm what the decree
            records), ``contradicted`` (evidence shows it is not reached), ``ahead`` (evidence
            shows more than designated), or ``no_designation``.
        decree: the decree number, when known.
        designated: the milestone designated.
        claimed: the highest milestone the decree records as completed (or implies).
        text: the finding in both languages.
    """

    status: Literal["consistent", "unconfirmed", "contradicted", "ahead", "no_designation"]
    text: Text
    decree: str | None = None
    designated: Milestone | None = None
    claimed: Milestone | None = None


@attrs.frozen(kw_only=True)
class TargetDistance:
    """The distance of the latest access figure to a dated national target.

    Attributes:
        target: the target.
        observed: the latest figure (``None`` when unknown).
        observed_year: the year of that figure.
        gap_pp: percentage points still to go (0 when met).
        gap_households: households still to reach, when the household total is known.
        met: whether the target is met; ``None`` when unknown.
    """

    target: NationalTarget
    observed: Decimal | None = None
    observed_year: int | None = None
    gap_pp: Decimal | None = None
    gap_households: int | None = None
    met: bool | None = None


@attrs.frozen(kw_only=True)
class RulebookInfo:
    """Which rulebook decided: id, version, status and content hash."""

    id: str
    version: str
    status: RulebookStatus
    hash: str


@attrs.frozen(kw_only=True)
class RegionRef:
    """The district a decision is about."""

    code: str
    name: str


@attrs.frozen(kw_only=True)
class Decision:
    """The milestone decision for one dossier on one date.

    Attributes:
        schema: always :data:`DECISION_SCHEMA`.
        region: the district.
        as_of: the evaluation date.
        rulebook: the rulebook used.
        certain_level: the highest milestone reached for sure, each requiring the one before.
        possible_level: the highest milestone not yet ruled out.
        m4_year: for M4, the number of consecutive fiscal years up to ``as_of`` whose M4
            criteria pass.
        milestones: each milestone's outcome and criteria.
        next_milestone: the milestone after the certain level.
        blocking: ids of the next milestone's criteria that fail or are unknown.
        missing: missing inputs ranked by how many undecided criteria each would settle.
        designation_check: the decree against the evidence.
        targets: distances to the dated national targets.
    """

    region: RegionRef
    as_of: dt.date
    rulebook: RulebookInfo
    certain_level: Milestone | None
    possible_level: Milestone | None
    milestones: tuple[MilestoneResult, ...]
    designation_check: DesignationCheck
    schema: str = DECISION_SCHEMA
    m4_year: int | None = None
    next_milestone: Milestone | None = None
    blocking: tuple[str, ...] = ()
    missing: tuple[MissingRank, ...] = ()
    targets: tuple[TargetDistance, ...] = ()

    def milestone(self, ident: Milestone | str) -> MilestoneResult:
        """Return the result of milestone *ident*."""
        return next(m for m in self.milestones if m.id == ident)

    def _repr_html_(self) -> str:
        """Render the decision as rich HTML in Jupyter (the presentation lives in reports)."""
        from sanitasi_core import reports  # noqa: PLC0415  # upward on purpose: display only

        return reports.decision_html(self)

    def criterion(self, ident: str) -> CriterionResult:
        """Return the result of criterion *ident* (any milestone)."""
        for m in self.milestones:
            for c in m.criteria:
                if c.id == ident:
                    return c
        raise KeyError(ident)


# --------------------------------------------------------------------------------------------
# Kleene combination
# --------------------------------------------------------------------------------------------

P, F, U, NA = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN, Outcome.NOT_APPLICABLE


def combine_all(outcomes: Sequence[Outcome]) -> Outcome:
    """``all``: fail if any fails; else unknown if any unknown; else pass (N/A is neutral)."""
    live = [o for o in outcomes if o is not NA]
    if not live:
        return NA
    if F in live:
        return F
    return U if U in live else P


def combine_any(outcomes: Sequence[Outcome]) -> Outcome:
    """``any``: pass if any passes; else unknown if any unknown; else fail."""
    live = [o for o in outcomes if o is not NA]
    if not live:
        return NA
    if P in live:
        return P
    return U if U in live else F


def combine_at_least(k: int, outcomes: Sequence[Outcome]) -> Outcome:
    """``at_least``: pass if ≥ k pass; fail if even all unknowns passing cannot reach k."""
    live = [o for o in outcomes if o is not NA]
    if not live:
        return NA
    passes = live.count(P)
    if passes >= k:
        return P
    if passes + live.count(U) < k:
        return F
    return U


def negate(outcome: Outcome) -> Outcome:
    """``not``: swap pass and fail."""
    return {P: F, F: P}.get(outcome, outcome)


# --------------------------------------------------------------------------------------------
# Compilation
# --------------------------------------------------------------------------------------------

Evaluator = Callable[[Facts], CriterionResult]


def _fmt(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


_UNIT_WORDS: Final[Mapping[str, tuple[str, str]]] = {
    # A distance between two percentages is in percentage points, not in percent.
    "%": ("poin persentase", "percentage points"),
    "pp": ("poin persentase", "percentage points"),
    "points": ("poin", "points"),
    "records": ("catatan", "records"),
    "months": ("bulan", "months"),
}

_RECORD_NAMES: Final[Mapping[RecordSet, tuple[str, str]]] = {
    RecordSet.COMMITMENTS: ("komitmen", "commitments"),
    RecordSet.MEETINGS: ("pertemuan", "meetings"),
    RecordSet.ACTIVITIES: ("kegiatan", "activities"),
    RecordSet.EVALUATIONS: ("evaluasi", "evaluations"),
    RecordSet.MONITORING_REPORTS: ("laporan monitoring", "monitoring reports"),
    RecordSet.DOCUMENTS: ("dokumen", "documents"),
}


_SWAP_MARKS: Final = str.maketrans(",.", ".,")


def _num(value: Decimal | None, lang: str) -> str:
    """Write a number as the language does: ``1.250.000,5`` in ``id``, ``1,250,000.5`` in ``en``."""
    if value is None:
        return "?"
    shown = format(value, ",f")
    if lang == "id":
        shown = shown.translate(_SWAP_MARKS)
    return shown


def _holds(observed: Decimal, cmp: Cmp, threshold: Decimal) -> bool:
    return _COMPARE[cmp](observed, threshold)


def _interval_outcome(low: Decimal, high: Decimal, cmp: Cmp, limit: Decimal) -> Outcome:
    """Decide ``x cmp limit`` for every ``x`` in ``[low, high]``: pass, fail, or unknown."""
    if low == high:
        return P if _holds(low, cmp, limit) else F
    inside = low <= limit <= high
    if cmp is Cmp.EQ:
        return U if inside else F
    if cmp is Cmp.NE:
        return U if inside else P
    at_low, at_high = _holds(low, cmp, limit), _holds(high, cmp, limit)
    if at_low and at_high:
        return P
    return F if not (at_low or at_high) else U


def _numeric_gap(
    observed: Decimal, cmp: Cmp, threshold: Decimal, quantum: Decimal
) -> Decimal | None:
    """The smallest change (signed) that makes ``observed cmp threshold`` hold, in quanta."""
    if cmp is Cmp.GE:
        return threshold - observed
    if cmp is Cmp.GT:
        return threshold - observed + quantum
    if cmp is Cmp.LE:
        return threshold - observed
    if cmp is Cmp.LT:
        return threshold - observed - quantum
    if cmp is Cmp.EQ:
        return threshold - observed
    return quantum  # != : any step away


def _provide(missing: Iterable[MissingInput]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.key for m in missing))


def _unknown_gap(missing: Sequence[MissingInput]) -> Gap:
    first = missing[0].text if missing else Text(id="data", en="data")
    more_id = f" (+{len(missing) - 1} lainnya)" if len(missing) > 1 else ""
    more_en = f" (+{len(missing) - 1} more)" if len(missing) > 1 else ""
    return Gap(
        text=Text(id=f"lengkapi: {first.id}{more_id}", en=f"provide: {first.en}{more_en}"),
        provide=_provide(missing),
    )


@attrs.frozen
class _Who:
    """Who a result is: the criterion's id, message and reference, or an inner node's path."""

    id: str
    message: Text | None = None
    reference: Reference | None = None


_COMPARE: Final[Mapping[Cmp, Callable[[Decimal, Decimal], bool]]] = {
    Cmp.GE: operator.ge,
    Cmp.GT: operator.gt,
    Cmp.LE: operator.le,
    Cmp.LT: operator.lt,
    Cmp.EQ: operator.eq,
    Cmp.NE: operator.ne,
}


class _Compiler:
    """Turns rulebook nodes into closures once; evaluation never reads the rulebook again.

    Each closure builds its result exactly once: who it is (id, message, reference) is fixed at
    compile time, so nothing is copied afterwards.
    """

    def __init__(self, rulebook: Rulebook) -> None:
        self.rulebook = rulebook
        self.thresholds = {t.id: t for t in rulebook.thresholds}
        self.definitions = {d.id: d for d in rulebook.definitions}
        self.compiled_refs: dict[str, Evaluator] = {}

    def criterion(self, crit: Criterion) -> Evaluator:
        return self.node(crit.test, crit.id, _Who(crit.id, crit.message, crit.reference))

    def node(self, node: Node, path: str, named: _Who | None = None) -> Evaluator:
        who = named or _Who(path)
        match node:
            case AllNode(of=items, label=label):
                return self._group(who, "all", self._items(items, path), None, label)
            case AnyNode(of=items, label=label):
                return self._group(who, "any", self._items(items, path), None, label)
            case AtLeastNode(k=k, of=items, label=label):
                return self._group(who, "at_least", self._items(items, path), k, label)
            case NotNode(of=item, label=label):
                return self._not(who, self.node(item, f"{path}.0"), label)
            case CompareNode():
                return self._compare(who, node)
            case PresentNode() | AbsentNode():
                return self._present(who, node)
            case CountNode():
                return self._count(who, node)
            case RefNode(criterion=name) if named is not None:
                # A criterion that is just a reference reports under its own id.
                return self.node(self.definitions[name].test, path, named)
            case RefNode(criterion=name):
                return self._ref(name)

    def _ref(self, name: str) -> Evaluator:
        if name not in self.compiled_refs:
            self.compiled_refs[name] = self.criterion(self.definitions[name])
        return self.compiled_refs[name]

    def _items(self, items: tuple[Node, ...], path: str) -> list[Evaluator]:
        return [self.node(n, f"{path}.{i}") for i, n in enumerate(items)]

    def _group(
        self, who: _Who, op: str, items: list[Evaluator], k: int | None, label: Text | None
    ) -> Evaluator:
        message = who.message or label
        combine: Callable[[Sequence[Outcome]], Outcome]
        if op == "all":
            combine = combine_all
        elif op == "any":
            combine = combine_any
        else:
            combine = functools.partial(combine_at_least, k or 0)

        def run(facts: Facts) -> CriterionResult:
            children = tuple(item(facts) for item in items)  # never short-circuit: explain all
            outcome = combine([c.outcome for c in children])
            return CriterionResult(
                id=who.id,
                op=op,
                outcome=outcome,
                gap=_group_gap(op, k, children) if outcome in (F, U) else None,
                reference=who.reference,
                message=message,
                missing=tuple(m for c in children if c.outcome is U for m in c.missing),
                children=children,
            )

        return run

    def _not(self, who: _Who, item: Evaluator, label: Text | None) -> Evaluator:
        message = who.message or label
        must_not = Gap(
            text=Text(
                id="kondisi di dalamnya harus tidak terpenuhi",
                en="the inner condition must not hold",
            )
        )

        def run(facts: Facts) -> CriterionResult:
            child = item(facts)
            outcome = negate(child.outcome)
            gap = _unknown_gap(child.missing) if outcome is U else None
            return CriterionResult(
                id=who.id,
                op="not",
                outcome=outcome,
                gap=must_not if outcome is F else gap,
                reference=who.reference,
                message=message,
                missing=child.missing,
                children=(child,),
            )

        return run

    def _limit(self, node: CompareNode) -> Callable[[dt.date], tuple[Decimal, str | None]]:
        """Return how to find the threshold in force on a date, and where it comes from."""
        series = self.thresholds.get(node.threshold) if node.threshold else None
        if series is None:
            constant = node.value
            assert constant is not None  # noqa: S101  # checked at load time
            return lambda _day: (constant, None)

        def dated(day: dt.date) -> tuple[Decimal, str | None]:
            step = series.value_on(day)
            if step is None:
                raise EvaluationError(
                    Text(
                        id=f"ambang {series.id} belum berlaku pada {day}",
                        en=f"threshold {series.id} has no value on {day}",
                    )
                )
            return step.value, f"{series.id}@{step.since.isoformat()}"

        return dated

    def _compare(self, who: _Who, node: CompareNode) -> Evaluator:
        spec = CATALOGUE[node.indicator]
        args = dict(node.args)
        key = Facts.key(spec.name, args)
        limit_on = self._limit(node)
        cmp, holds = node.cmp, _COMPARE[node.cmp]
        label = node.label or spec.description
        message = who.message or label
        unit, quantum, default = spec.unit, spec.quantum, node.if_unknown
        absent_gap = Gap(
            text=Text(id=f"belum ada data: {label.id}", en=f"nothing recorded yet: {label.en}"),
            unit=unit,
        )

        def result(
            obs: Observation, limit: Decimal, source: str | None, outcome: Outcome, **extra: Any
        ) -> CriterionResult:
            fields: dict[str, Any] = {
                "observed": _fmt(obs.value),
                "gap": None,
                "defaulted": False,
            }
            fields.update(extra)
            if outcome is U and default is not None:
                outcome, fields["defaulted"] = default, True
            return CriterionResult(
                id=who.id,
                op="compare",
                outcome=outcome,
                threshold=_fmt(limit),
                threshold_source=source,
                unit=unit,
                reference=who.reference,
                message=message,
                missing=obs.missing,
                **fields,
            )

        def run(facts: Facts) -> CriterionResult:
            limit, source = limit_on(facts.as_of)
            obs = facts.lookup(key, spec.name, args)
            if obs.not_applicable:
                return result(obs, limit, source, NA)
            if obs.absent:
                return result(obs, limit, source, F, gap=absent_gap)
            raw = obs.value
            if raw is None or isinstance(raw, bool):
                return result(obs, limit, source, U, gap=_unknown_gap(obs.missing))
            value = Decimal(raw)
            if obs.upper is not None and obs.upper != raw:
                # A partly unknown count is an interval: decide only if every value in it agrees.
                shown = f"{raw}..{obs.upper}"
                outcome = _interval_outcome(value, Decimal(obs.upper), cmp, limit)
                if outcome is P:
                    return result(obs, limit, source, P, observed=shown)
                if outcome is U:
                    gap = _unknown_gap(obs.missing)
                    return result(obs, limit, source, U, observed=shown, gap=gap)
            if holds(value, limit):
                return result(obs, limit, source, P)
            amount = _numeric_gap(value, cmp, limit, quantum)
            return result(
                obs,
                limit,
                source,
                F,
                gap=_numeric_gap_text(spec.name, unit, value, limit, amount, obs),
            )

        return run

    def _present(self, who: _Who, node: PresentNode | AbsentNode) -> Evaluator:
        spec = CATALOGUE[node.fact]
        args = dict(node.args)
        key = Facts.key(spec.name, args)
        want = isinstance(node, PresentNode)
        op = "present" if want else "absent"
        label = node.label or spec.description
        message = who.message or label
        default = node.if_unknown
        fail_gap = Gap(
            text=Text(id=f"perlu: {label.id}", en=f"needed: {label.en}")
            if want
            else Text(id=f"harus tidak ada: {label.id}", en=f"must not exist: {label.en}"),
            more=1 if want else None,
        )

        def run(facts: Facts) -> CriterionResult:
            obs = facts.lookup(key, spec.name, args)
            value = False if obs.absent else obs.value
            gap, defaulted = None, False
            if obs.not_applicable:
                outcome = NA
            elif value is None:
                outcome, gap = U, _unknown_gap(obs.missing)
                if default is not None:
                    outcome, defaulted = default, True
            elif bool(value) is want:
                outcome = P
            else:
                outcome, gap = F, fail_gap
            return CriterionResult(
                id=who.id,
                op=op,
                outcome=outcome,
                observed=_fmt(obs.value),
                unit=spec.unit,
                gap=gap,
                reference=who.reference,
                message=message,
                defaulted=defaulted,
                missing=obs.missing,
            )

        return run

    def _count(self, who: _Who, node: CountNode) -> Evaluator:
        from sanitasi_core._records import count_records  # noqa: PLC0415  # sibling helper

        name_id, name_en = _RECORD_NAMES[node.records]
        label = node.label or Text(id=f"jumlah {name_id}", en=f"number of {name_en}")
        message = who.message or label
        wanted = Decimal(node.value)

        def run(facts: Facts) -> CriterionResult:
            low, high, missing = count_records(facts, node.records, node.where)
            gap, defaulted = None, False
            if high is None:
                outcome = U
            else:
                outcome = _interval_outcome(Decimal(low), Decimal(high), node.cmp, wanted)
            if outcome is U:
                gap = _unknown_gap(missing)
                if node.if_unknown is not None:
                    outcome, defaulted = node.if_unknown, True
            elif outcome is F:
                need = node.value - low + (1 if node.cmp is Cmp.GT else 0)
                gap = Gap(
                    text=Text(
                        id=f"perlu {need} catatan lagi: {label.id}",
                        en=f"{need} more needed: {label.en}",
                    )
                    if need > 0
                    else Text(id=f"terlalu banyak: {label.id}", en=f"too many: {label.en}"),
                    more=need if need > 0 else None,
                    amount=Decimal(need),
                    unit="records",
                )
            return CriterionResult(
                id=who.id,
                op="count",
                outcome=outcome,
                observed=str(low) if low == high else f"{low}..{high if high is not None else '?'}",
                threshold=str(node.value),
                unit="records",
                gap=gap,
                reference=who.reference,
                message=message,
                defaulted=defaulted,
                missing=missing,
            )

        return run

    # -- outcome only: the same logic without building explanations ------------------------

    def fast(self, node: Node) -> Callable[[Facts], Outcome]:
        """Compile *node* to a closure that returns only its outcome (no explanation)."""
        match node:
            case AllNode(of=items):
                parts = [self.fast(n) for n in items]
                return lambda f: combine_all([p(f) for p in parts])
            case AnyNode(of=items):
                parts = [self.fast(n) for n in items]
                return lambda f: combine_any([p(f) for p in parts])
            case AtLeastNode(k=k, of=items):
                parts = [self.fast(n) for n in items]
                return lambda f: combine_at_least(k, [p(f) for p in parts])
            case NotNode(of=item):
                inner = self.fast(item)
                return lambda f: negate(inner(f))
            case RefNode(criterion=name):
                return self.fast(self.definitions[name].test)
            case CountNode():
                return self._fast_count(node)
            case CompareNode():
                return self._fast_compare(node)
            case PresentNode() | AbsentNode():
                return self._fast_present(node)

    def _fast_compare(self, node: CompareNode) -> Callable[[Facts], Outcome]:
        spec = CATALOGUE[node.indicator]
        args = dict(node.args)
        key = Facts.key(spec.name, args)
        limit_on = self._limit(node)
        cmp, holds, default = node.cmp, _COMPARE[node.cmp], node.if_unknown

        def run(facts: Facts) -> Outcome:
            obs = facts.lookup(key, spec.name, args)
            if obs.not_applicable:
                return NA
            if obs.absent:
                return F
            raw = obs.value
            if raw is None or isinstance(raw, bool):
                return default or U
            limit = limit_on(facts.as_of)[0]
            if obs.upper is not None and obs.upper != raw:
                outcome = _interval_outcome(Decimal(raw), Decimal(obs.upper), cmp, limit)
                return default or U if outcome is U else outcome
            return P if holds(Decimal(raw), limit) else F

        return run

    def _fast_present(self, node: PresentNode | AbsentNode) -> Callable[[Facts], Outcome]:
        spec = CATALOGUE[node.fact]
        args = dict(node.args)
        key = Facts.key(spec.name, args)
        want, default = isinstance(node, PresentNode), node.if_unknown

        def run(facts: Facts) -> Outcome:
            obs = facts.lookup(key, spec.name, args)
            if obs.not_applicable:
                return NA
            value = False if obs.absent else obs.value
            if value is None:
                return default or U
            return P if bool(value) is want else F

        return run

    def _fast_count(self, node: CountNode) -> Callable[[Facts], Outcome]:
        from sanitasi_core._records import count_records  # noqa: PLC0415  # sibling helper

        wanted = Decimal(node.value)

        def run(facts: Facts) -> Outcome:
            low, high, _ = count_records(facts, node.records, node.where)
            outcome = (
                U
                if high is None
                else _interval_outcome(Decimal(low), Decimal(high), node.cmp, wanted)
            )
            return (node.if_unknown or U) if outcome is U else outcome

        return run


def _numeric_gap_text(
    name: str, unit: str, value: Decimal, limit: Decimal, amount: Decimal | None, obs: Observation
) -> Gap:
    """The gap of a failing numeric comparison, in the indicator's unit and, where known, others."""
    word_id = "naikkan" if (amount or 0) > 0 else "turunkan"
    word_en = "raise" if (amount or 0) > 0 else "lower"
    size = abs(amount) if amount is not None else None
    unit_id, unit_en = _UNIT_WORDS.get(unit, (unit, unit))
    return Gap(
        text=Text(
            id=f"{word_id} {_num(size, 'id')} {unit_id} "
            f"(dari {_num(value, 'id')} ke {_num(limit, 'id')})",
            en=f"{word_en} by {_num(size, 'en')} {unit_en} "
            f"(from {_num(value, 'en')} to {_num(limit, 'en')})",
        ),
        amount=amount,
        unit=unit,
        also=_also(name, amount, obs),
    )


def _also(name: str, amount: Decimal | None, obs: Observation) -> dict[str, Decimal]:
    """Express a gap in other units where the dossier allows it."""
    if amount is None or amount <= 0:
        return {}
    out: dict[str, Decimal] = {}
    planned = obs.detail.get("planned")
    if name == "apbd_realisation_pct" and planned is not None:
        out["rupiah"] = (planned * amount / 100).quantize(Decimal("0.01"))
    households = obs.detail.get("households")
    if households is not None and name in ("layak_pct", "safely_managed_pct", "layak_change_pp"):
        out["households"] = (households * amount / 100).to_integral_value(rounding="ROUND_CEILING")
    return out


def _cost(result: CriterionResult) -> tuple[int, Decimal]:
    """A rough cost of making *result* pass: failing leaves first, then numeric distance."""
    leaves = [r for r in result.walk() if not r.children and r.outcome in (F, U)]
    distance = sum(
        (abs(r.gap.amount) for r in leaves if r.gap and r.gap.amount is not None), Decimal(0)
    )
    return (len(leaves), distance)


def _group_gap(op: str, k: int | None, children: tuple[CriterionResult, ...]) -> Gap:
    open_ = [c for c in children if c.outcome in (F, U)]
    ranked = sorted(open_, key=_cost)
    names_id = ", ".join(c.message.id if c.message else c.id for c in ranked)
    names_en = ", ".join(c.message.en if c.message else c.id for c in ranked)
    provide = _provide(m for c in ranked for m in c.missing)
    if op == "any":
        best = ranked[0] if ranked else None
        if best is None:
            return Gap(text=Text(id="tidak ada cabang", en="no branch"), provide=provide)
        label = best.message or Text(id=best.id, en=best.id)
        return Gap(
            text=Text(id=f"cara termurah: {label.id}", en=f"cheapest branch: {label.en}"),
            options=(best.id,),
            provide=provide,
        )
    if op == "at_least":
        passes = sum(1 for c in children if c.outcome is P)
        need = max((k or 0) - passes, 0)
        return Gap(
            text=Text(id=f"perlu {need} lagi dari: {names_id}", en=f"{need} more of: {names_en}"),
            more=need,
            options=tuple(c.id for c in ranked),
            provide=provide,
        )
    return Gap(
        text=Text(id=f"belum terpenuhi: {names_id}", en=f"still open: {names_en}"),
        options=tuple(c.id for c in ranked),
        provide=provide,
    )


# --------------------------------------------------------------------------------------------
# Evaluation
# --------------------------------------------------------------------------------------------


def content_hash(rulebook: Rulebook) -> str:
    """Return a SHA-256 of the rulebook's content (independent of file formatting).

    The attrs ``repr`` is canonical here: it names every class (so ``all`` and ``any`` differ),
    lists fields in declaration order, and writes decimals and dates exactly.
    """
    return "sha256:" + hashlib.sha256(repr(rulebook).encode("utf-8")).hexdigest()


@attrs.frozen(kw_only=True)
class _CompiledMilestone:
    id: Milestone
    per_fiscal_year: bool
    criteria: tuple[Evaluator, ...]
    fast: tuple[Callable[[Facts], Outcome], ...]


_MAX_M4_YEARS: Final = 20


class CompiledRulebook:
    """A rulebook compiled once to a tree of closures; evaluate as many dossiers as you like.

    Args:
        rulebook: the rulebook (already validated by the loader).
    """

    def __init__(self, rulebook: Rulebook) -> None:
        self.rulebook = rulebook
        self.info = RulebookInfo(
            id=rulebook.id,
            version=rulebook.version,
            status=rulebook.status,
            hash=content_hash(rulebook),
        )
        compiler = _Compiler(rulebook)
        self._milestones = tuple(
            _CompiledMilestone(
                id=m.id,
                per_fiscal_year=m.per_fiscal_year,
                criteria=tuple(compiler.criterion(c) for c in m.criteria),
                fast=tuple(compiler.fast(c.test) for c in m.criteria),
            )
            for m in rulebook.milestones
        )

    def _milestone(self, m: _CompiledMilestone, facts: Facts) -> MilestoneResult:
        results = tuple(run(facts) for run in m.criteria)
        return MilestoneResult(
            id=m.id,
            outcome=combine_all([r.outcome for r in results]),
            criteria=results,
            fiscal_year=facts.year if m.per_fiscal_year else None,
        )

    def evaluate(self, dossier: Dossier, *, as_of: dt.date) -> Decision:
        """Decide which milestone *dossier* has reached on *as_of*, and explain it.

        Raises:
            NoRulebookInForceError: if the rulebook is not in force on *as_of*.
            EvaluationError: if a threshold has no value on *as_of*.
        """
        if not self.rulebook.in_force(as_of):
            raise NoRulebookInForceError(_no_rulebook_text(as_of, [self.rulebook]))
        facts = Facts(dossier, as_of)
        results = tuple(self._milestone(m, facts) for m in self._milestones)
        certain, possible = _ladder(results)
        m4_year = self._m4_year(dossier, as_of, results) if certain is Milestone.M4 else None
        next_ms = _next(self.rulebook, certain)
        blocking: tuple[str, ...] = ()
        if next_ms is not None:
            res = next(r for r in results if r.id == next_ms)
            blocking = tuple(c.id for c in res.criteria if c.outcome in (F, U))
        return Decision(
            region=RegionRef(code=dossier.region.code, name=dossier.region.name),
            as_of=as_of,
            rulebook=self.info,
            certain_level=certain,
            possible_level=possible,
            m4_year=m4_year,
            milestones=results,
            next_milestone=next_ms,
            blocking=blocking,
            missing=_rank_missing(results),
            designation_check=_designation_check(dossier, as_of, certain, possible),
            targets=_targets(self.rulebook.targets, facts),
        )

    def _m4_year(
        self, dossier: Dossier, as_of: dt.date, results: tuple[MilestoneResult, ...]
    ) -> int | None:
        m4 = next((m for m in self._milestones if m.id is Milestone.M4), None)
        if m4 is None or not m4.per_fiscal_year:
            return 1 if any(r.id is Milestone.M4 and r.outcome is P for r in results) else None
        years = 1
        for back in range(1, _MAX_M4_YEARS):
            day = dt.date(as_of.year - back, 12, 31)
            if not self.rulebook.in_force(day):
                break
            if self._milestone(m4, Facts(dossier, day)).outcome is not P:
                break
            years += 1
        return years

    def evaluate_many(self, dossiers: Iterable[Dossier], *, as_of: dt.date) -> list[Decision]:
        """Evaluate a batch of dossiers on the same date, with full explanations."""
        return [self.evaluate(d, as_of=as_of) for d in dossiers]

    def outcomes(self, dossier: Dossier, *, as_of: dt.date) -> dict[Milestone, Outcome]:
        """Return each milestone's outcome only: the fast path, with no explanation built.

        The outcomes are those of :meth:`evaluate` (a property test keeps the two equal).

        Raises:
            NoRulebookInForceError: if the rulebook is not in force on *as_of*.
        """
        if not self.rulebook.in_force(as_of):
            raise NoRulebookInForceError(_no_rulebook_text(as_of, [self.rulebook]))
        facts = Facts(dossier, as_of)
        return {m.id: combine_all([run(facts) for run in m.fast]) for m in self._milestones}

    def levels(
        self, dossier: Dossier, *, as_of: dt.date
    ) -> tuple[Milestone | None, Milestone | None]:
        """Return ``(certain_level, possible_level)`` through the fast path."""
        outcomes = self.outcomes(dossier, as_of=as_of)
        return _ladder_of(outcomes)


def compile_rulebook(rulebook: Rulebook) -> CompiledRulebook:
    """Compile *rulebook* once for many evaluations."""
    return CompiledRulebook(rulebook)


def _no_rulebook_text(day: dt.date, books: Sequence[Rulebook]) -> Text:
    spans = ", ".join(f"{b.id} {b.version} [{b.valid_from}, {b.valid_to or '…'})" for b in books)
    return Text(
        id=f"tidak ada rulebook yang berlaku pada {day.isoformat()} (tersedia: {spans})",
        en=f"no rulebook is in force on {day.isoformat()} (available: {spans})",
    )


def _ladder(results: Sequence[MilestoneResult]) -> tuple[Milestone | None, Milestone | None]:
    return _ladder_of({r.id: r.outcome for r in results})


def _ladder_of(outcomes: Mapping[Milestone, Outcome]) -> tuple[Milestone | None, Milestone | None]:
    certain: Milestone | None = None
    possible: Milestone | None = None
    sure = maybe = True
    for ident in sorted(outcomes, key=lambda m: m.rank):
        outcome = outcomes[ident]
        sure = sure and outcome in (P, NA)
        maybe = maybe and outcome is not F
        if sure:
            certain = ident
        if maybe:
            possible = ident
    return certain, possible


def _next(rulebook: Rulebook, certain: Milestone | None) -> Milestone | None:
    order = [m.id for m in rulebook.milestones]
    if certain is None:
        return order[0] if order else None
    index = order.index(certain)
    return order[index + 1] if index + 1 < len(order) else None


def _rank_missing(results: Sequence[MilestoneResult]) -> tuple[MissingRank, ...]:
    by_key: dict[str, tuple[Text, list[str]]] = {}
    for m in results:
        for c in m.criteria:
            if c.outcome is not U:
                continue
            for miss in c.missing:
                entry = by_key.setdefault(miss.key, (miss.text, []))
                if c.id not in entry[1]:
                    entry[1].append(c.id)
    ranked = sorted(by_key.items(), key=lambda kv: (-len(kv[1][1]), kv[0]))
    return tuple(
        MissingRank(key=key, text=text, settles=len(ids), criteria=tuple(ids))
        for key, (text, ids) in ranked
    )


def _designation_check(
    dossier: Dossier, as_of: dt.date, certain: Milestone | None, possible: Milestone | None
) -> DesignationCheck:
    rank = {None: 0} | {m: m.rank for m in Milestone}
    seen = [
        d
        for d in dossier.designations or ()
        if (d.decree.date is not None and d.decree.date <= as_of)
        or (d.decree.date is None and d.year <= as_of.year)
    ]
    if not seen:
        return DesignationCheck(
            status="no_designation",
            text=Text(
                id="tidak ada penetapan milestone yang tercatat sampai tanggal evaluasi",
                en="no milestone designation is recorded up to the evaluation date",
            ),
        )
    latest = max(seen, key=lambda d: (d.decree.date or dt.date(d.year, 1, 1), d.milestone.rank))
    done = [m.rank for m in latest.completed]
    # Designating Mn implies M1..M(n-1) are complete, whether or not the decree lists them.
    claimed_rank = max([*done, latest.milestone.rank - 1])
    claimed = next((m for m in Milestone if m.rank == claimed_rank), None)
    decree = latest.decree.number
    ref = decree or latest.decree.kind.value
    c_rank, p_rank = rank[certain], rank[possible]
    claimed_name = claimed.value if claimed else "-"
    none = Text(id="belum ada milestone", en="no milestone")
    certain_id, certain_en = (certain.value,) * 2 if certain else (none.id, none.en)
    possible_id, possible_en = (possible.value,) * 2 if possible else (none.id, none.en)
    if p_rank < claimed_rank:
        status: Literal["consistent", "unconfirmed", "contradicted", "ahead"] = "contradicted"
        text = Text(
            id=f"{ref} mencatat {claimed_name} tercapai, tetapi bukti menunjukkan paling tinggi {possible_id}",
            en=f"{ref} records {claimed_name} as reached, but the evidence allows at most {possible_en}",
        )
    elif c_rank < claimed_rank:
        status = "unconfirmed"
        text = Text(
            id=f"{ref} mencatat {claimed_name} tercapai; bukti hanya memastikan: {certain_id} (data kurang)",
            en=f"{ref} records {claimed_name} as reached; the evidence confirms only: {certain_en} (data missing)",
        )
    elif c_rank > latest.milestone.rank:
        status = "ahead"
        text = Text(
            id=f"bukti memastikan {certain}, melampaui penetapan {latest.milestone} dalam {ref}",
            en=f"the evidence confirms {certain}, beyond the designation {latest.milestone} in {ref}",
        )
    else:
        status = "consistent"
        text = Text(
            id=f"bukti sesuai dengan penetapan {latest.milestone} dalam {ref}",
            en=f"the evidence agrees with the designation {latest.milestone} in {ref}",
        )
    return DesignationCheck(
        status=status, text=text, decree=decree, designated=latest.milestone, claimed=claimed
    )


_TARGET_INDICATOR: Final[Mapping[TargetIndicator, str]] = {
    TargetIndicator.LAYAK: "layak",
    TargetIndicator.SAFELY_MANAGED: "safely_managed",
    TargetIndicator.OPEN_DEFECATION: "open_defecation",
}


def _targets(targets: Sequence[NationalTarget], facts: Facts) -> tuple[TargetDistance, ...]:
    out = []
    for target in targets:
        field = _TARGET_INDICATOR.get(target.indicator)
        latest = None
        if field is not None:
            candidates = [
                r
                for r in facts.dossier.access_records or ()
                if r.year <= facts.year
                and r.area is target.area
                and (r.layak_share if field == "layak" else getattr(r, field)) is not None
            ]
            latest = max(candidates, key=lambda r: r.year, default=None)
        if latest is None:
            out.append(TargetDistance(target=target))
            continue
        value = latest.layak_share if field == "layak" else getattr(latest, str(field))
        assert isinstance(value, Decimal)  # noqa: S101
        if target.indicator.higher_is_better:
            gap = max(target.value - value, Decimal(0))
        else:
            gap = max(value - target.value, Decimal(0))
        households = None
        if latest.households is not None and latest.households.total is not None:
            households = int(
                (gap * latest.households.total / 100).to_integral_value(rounding="ROUND_CEILING")
            )
        out.append(
            TargetDistance(
                target=target,
                observed=value,
                observed_year=latest.year,
                gap_pp=gap,
                gap_households=households,
                met=gap == 0,
            )
        )
    return tuple(out)


# --------------------------------------------------------------------------------------------
# Several rulebooks over time, and their differences
# --------------------------------------------------------------------------------------------


class RulebookSet:
    """Rulebooks whose validity periods do not overlap; picks the one in force on a date.

    Args:
        rulebooks: the rulebooks.

    Raises:
        RulebookError: if two validity periods overlap.
    """

    def __init__(self, rulebooks: Iterable[Rulebook]) -> None:
        books = sorted(rulebooks, key=lambda b: b.valid_from)
        problems = []
        for a, b in itertools.pairwise(books):
            if a.valid_to is None or a.valid_to > b.valid_from:
                problems.append(
                    Problem(
                        path="$.valid_from",
                        code="rulebook_overlap",
                        text=Text(
                            id=f"masa berlaku {a.id} {a.version} dan {b.id} {b.version} tumpang tindih",
                            en=f"the validity of {a.id} {a.version} and {b.id} {b.version} overlaps",
                        ),
                    )
                )
        if problems:
            raise RulebookError(problems)
        self._books = tuple(books)
        self._compiled: dict[int, CompiledRulebook] = {}

    @property
    def rulebooks(self) -> tuple[Rulebook, ...]:
        """The rulebooks, by start date."""
        return self._books

    def in_force(self, day: dt.date) -> CompiledRulebook:
        """Return the compiled rulebook in force on *day*.

        Raises:
            NoRulebookInForceError: if none is.
        """
        for index, book in enumerate(self._books):
            if book.in_force(day):
                if index not in self._compiled:
                    self._compiled[index] = CompiledRulebook(book)
                return self._compiled[index]
        raise NoRulebookInForceError(_no_rulebook_text(day, self._books))

    def evaluate(self, dossier: Dossier, *, as_of: dt.date) -> Decision:
        """Evaluate *dossier* with the rulebook in force on *as_of*."""
        return self.in_force(as_of).evaluate(dossier, as_of=as_of)

    def evaluate_many(self, dossiers: Iterable[Dossier], *, as_of: dt.date) -> list[Decision]:
        """Evaluate a batch with the rulebook in force on *as_of* (compiled once)."""
        return self.in_force(as_of).evaluate_many(dossiers, as_of=as_of)


@attrs.frozen(kw_only=True)
class LevelChange:
    """A district whose level differs between two rulebooks, and the criteria responsible."""

    region: RegionRef
    before_certain: Milestone | None
    after_certain: Milestone | None
    before_possible: Milestone | None
    after_possible: Milestone | None
    criteria: tuple[str, ...]


def diff_rulebooks(
    before: Rulebook, after: Rulebook, dossiers: Iterable[Dossier], *, as_of: dt.date
) -> list[LevelChange]:
    """List the districts whose level changes from *before* to *after*, and why.

    The rulebooks' validity is ignored: both are applied on *as_of*, as a "what if" comparison.
    A criterion is responsible when its outcome differs, or when it exists in only one rulebook
    and is not passing there.
    """
    a = CompiledRulebook(attrs.evolve(before, valid_from=dt.date.min, valid_to=None))
    b = CompiledRulebook(attrs.evolve(after, valid_from=dt.date.min, valid_to=None))
    changes = []
    for dossier in dossiers:
        da, db = a.evaluate(dossier, as_of=as_of), b.evaluate(dossier, as_of=as_of)
        if (da.certain_level, da.possible_level) == (db.certain_level, db.possible_level):
            continue
        oa = {c.id: c.outcome for m in da.milestones for c in m.criteria}
        ob = {c.id: c.outcome for m in db.milestones for c in m.criteria}
        responsible = sorted(
            i
            for i in oa.keys() | ob.keys()
            if oa.get(i) != ob.get(i)
            and (oa.get(i), ob.get(i)) != (None, P)
            and (oa.get(i), ob.get(i)) != (P, None)
        )
        changes.append(
            LevelChange(
                region=da.region,
                before_certain=da.certain_level,
                after_certain=db.certain_level,
                before_possible=da.possible_level,
                after_possible=db.possible_level,
                criteria=tuple(responsible),
            )
        )
    return changes
