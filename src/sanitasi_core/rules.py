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
from decimal import ROUND_CEILING, Decimal
from enum import StrEnum
from typing import Any, Final, Literal

import attrs

from sanitasi_core._history import Assistance, M4Stage, m4_stage
from sanitasi_core._messages import text
from sanitasi_core._records import FIELDS as COUNT_FIELDS
from sanitasi_core._records import OPEN_ENDED, count_records
from sanitasi_core._seen import Seen
from sanitasi_core._text import Text
from sanitasi_core.exceptions import EvaluationError, NoRulebookInForceError, Problem, RulebookError
from sanitasi_core.indicators import (
    CATALOGUE,
    SOURCE_ORDER,
    Facts,
    MissingInput,
    Observation,
)
from sanitasi_core.model import (
    Designation,
    Dossier,
    Milestone,
    NationalTarget,
    Source,
    TargetIndicator,
)

__all__ = [
    "COUNT_FIELDS",
    "DECISION_SCHEMA",
    "RULEBOOK_SCHEMA",
    "AbsentNode",
    "AllNode",
    "AnyNode",
    "Aspect",
    "AspectSet",
    "AspectsNode",
    "Assistance",
    "AtLeastNode",
    "ChainStep",
    "Cmp",
    "Collection",
    "CompareNode",
    "CompiledRulebook",
    "CountNode",
    "Criterion",
    "CriterionResult",
    "Decision",
    "DesignationCheck",
    "Gap",
    "LevelChange",
    "M4Stage",
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
    "Severity",
    "SomeNode",
    "TargetDistance",
    "Threshold",
    "ThresholdStep",
    "compile_rulebook",
    "diff_rulebooks",
    "expand_aspects",
    "rules_date",
]

RULEBOOK_SCHEMA: Final = "sanitasi.rulebook/v1"
DECISION_SCHEMA: Final = "sanitasi.decision/v2"


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


class Severity(StrEnum):
    """Whether a criterion can keep a milestone from being reached."""

    BLOCKING = "blocking"  #: Every blocking criterion must pass for the milestone.
    ADVISORY = "advisory"  #: Evaluated and explained, never blocking (e.g. SSK currency).


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
    """Where a criterion, threshold or target comes from, and why it reads as it does.

    Attributes:
        basis: the reasoning in both languages: what the public sources say and how the rule
            follows from them (a plain string in a rulebook file is taken as a citation, the
            same in both languages).
        sources: the public sources it rests on (title, publisher, date, URL, a short quote).
        assumption: set when no source gives the rule or its number: says that it is an
            assumption, and why this value (reports show the label).
        regulation: the regulation, e.g. "Permendagri 87/2022".
        clause: the article or clause.
        url: a link.
    """

    basis: Text
    sources: tuple[Source, ...] = ()
    assumption: Text | None = None
    regulation: str | None = None
    clause: str | None = None
    url: str | None = None

    @property
    def is_assumption(self) -> bool:
        """Whether the rule rests on an assumption rather than on a source."""
        return self.assumption is not None


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


class Collection(StrEnum):
    """A collection a quantifier ranges over."""

    SERVICE_MODELS = "service_models"  #: The dossier's service models, one at a time.


@attrs.frozen(kw_only=True)
class SomeNode:
    """Some single item of a collection satisfies the test on its own (``op = "some"``).

    Inside the test, indicators see one service model and only the records linked to it (or
    to no model), so two models that each fail cannot pass together. The explanation names the
    model that qualified, or the one that came closest.

    Attributes:
        over: the collection (``service_models``).
        test: the condition each item is tested against.
        label: a short label for the explanation, in both languages.
    """

    over: Collection
    test: "Node"
    label: Text | None = None


@attrs.frozen(kw_only=True)
class AspectsNode:
    """The service model is assessed on enough aspects of the rulebook's aspect set (``op = "aspects"``).

    Shorthand, expanded when compiled into ``all`` (every *required* aspect of the set scores
    ``cmp`` the threshold) and ``at_least k`` (of all the set's aspects): changing the aspect
    set changes the criterion without rewriting it.

    Attributes:
        k: how many of the set's aspects must score enough.
        cmp: the comparison (``>=`` by default).
        threshold: the id of a dated threshold (or ``value``).
        value: a constant score (or ``threshold``).
        step: a service-chain step of the set: only assessments of that step count.
        label: a short label for the explanation, in both languages.
    """

    k: int
    cmp: Cmp = Cmp.GE
    threshold: str | None = None
    value: Decimal | None = None
    step: str | None = None
    label: Text | None = None


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
    | SomeNode
    | AspectsNode
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
    "some": SomeNode,
    "aspects": AspectsNode,
}
"""The stable wire tag (``op``) of each node class."""
TAG_OF: Final[Mapping[type, str]] = {cls: tag for tag, cls in NODE_TAGS.items()}

for _cls in (AllNode, AnyNode, NotNode, AtLeastNode, SomeNode):
    attrs.resolve_types(_cls, globals(), locals())


@attrs.frozen(kw_only=True)
class Criterion:
    """A named criterion: a test with its message and its basis.

    Attributes:
        id: unique in the rulebook, e.g. ``m4.apbd_realisation``.
        message: what it requires, in both languages.
        reference: its basis.
        test: the condition.
        severity: ``blocking`` (the default) or ``advisory`` (explained, never blocking).
    """

    id: str
    message: Text
    reference: Reference
    test: Node
    severity: Severity = Severity.BLOCKING


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
class Aspect:
    """One aspect of the multi-aspect service model (*aspek*).

    Attributes:
        id: the identifier criteria and assessments use, e.g. ``regulation``.
        name: its name in both languages.
        required: whether every qualifying model must score enough on it.
        aliases: other assessment keys that count as this aspect (e.g. the six-aspect key
            ``communication`` counts as ``behaviour_change``).
    """

    id: str
    name: Text
    required: bool = False
    aliases: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class ChainStep:
    """A step of the sanitation service chain (*rantai layanan*), e.g. emptying or treatment."""

    id: str
    name: Text


@attrs.frozen(kw_only=True)
class AspectSet:
    """The aspects a rulebook assesses service models on, optionally per service-chain step.

    Attributes:
        id: its identifier, e.g. ``kemendagri-5``.
        title: its name in both languages.
        aspects: the aspects, in order.
        steps: the service-chain steps assessments may be given per step for (optional).
        reference: where the set comes from.
    """

    id: str
    title: Text
    aspects: tuple[Aspect, ...]
    reference: Reference
    steps: tuple[ChainStep, ...] = ()

    def aliases(self) -> dict[str, tuple[str, ...]]:
        """Return, per aspect id, the assessment keys that count as it (itself first)."""
        return {a.id: (a.id, *a.aliases) for a in self.aspects}

    def keys(self) -> frozenset[str]:
        """Every assessment key the set counts (ids and aliases)."""
        return frozenset(k for keys in self.aliases().values() for k in keys)


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
        aspects: the aspect set that ``aspects`` nodes and the ``aspect`` argument refer to;
            ``None`` for a rulebook that names no aspect set.
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
    aspects: AspectSet | None = None

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
        severity: for a criterion, ``blocking`` or ``advisory``; ``None`` for an inner node.
        notes: what an official should know beside the outcome (a delegate signed, the
            realisation band, sources that disagree, aspects outside the rulebook's set).
        subject: for an item of a quantifier, the item tested (a service model's id).
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
    severity: Severity | None = None
    notes: tuple[Text, ...] = ()
    subject: str | None = None

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
        programme_year: the programme year the designation governs, when stated.
        text: the finding in both languages.
    """

    status: Literal["consistent", "unconfirmed", "contradicted", "ahead", "no_designation"]
    text: Text
    decree: str | None = None
    designated: Milestone | None = None
    claimed: Milestone | None = None
    programme_year: int | None = None


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
        as_of: the evaluation date: nothing dated later was seen.
        fiscal_year: the fiscal (programme) year assessed (the year of ``as_of`` unless given).
        rulebook: the rulebook used (the one in force on the last day of the fiscal year, or
            on ``as_of`` if that comes first).
        certain_level: the highest milestone reached for sure, each requiring the one before.
        possible_level: the highest milestone not yet ruled out.
        m4: the district's place among its M4 years in the fiscal year, read from its history
            (designations, stage reports, clinics, evaluations), never from the rulebook.
        m4_year: "M4 year *n*" of the fiscal year (``m4.year``): 1 for the first M4 programme
            year, counting on after assistance ends; ``None`` when the history does not tell.
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
    m4: M4Stage
    schema: str = DECISION_SCHEMA
    next_milestone: Milestone | None = None
    blocking: tuple[str, ...] = ()
    missing: tuple[MissingRank, ...] = ()
    targets: tuple[TargetDistance, ...] = ()

    @property
    def fiscal_year(self) -> int:
        """The fiscal (programme) year assessed."""
        return self.m4.fiscal_year

    @property
    def m4_year(self) -> int | None:
        """Return "M4 year *n*" of the fiscal year, from the district's history (``m4.year``)."""
        return self.m4.year

    def milestone(self, ident: Milestone | str) -> MilestoneResult:
        """Return the result of milestone *ident*.

        Raises:
            KeyError: if the rulebook has no such milestone.
        """
        for m in self.milestones:
            if m.id == ident:
                return m
        raise KeyError(ident)

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


_INFINITY: Final = Decimal("Infinity")


def _count_bound(high: int | None) -> Decimal | None:
    """The upper bound of a count as a decimal: ``Infinity`` for an incomplete list."""
    if high is None:
        return None
    return _INFINITY if high == OPEN_ENDED else Decimal(high)


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


def expand_aspects(node: AspectsNode, aspect_set: AspectSet) -> AllNode:
    """Spell an ``aspects`` node out over *aspect_set*: the criterion it stands for.

    Every required aspect must score enough, and at least ``k`` of the set's aspects must.
    """
    args = {"step": node.step} if node.step is not None else {}

    def compare(aspect: Aspect) -> CompareNode:
        return CompareNode(
            indicator="aspect_score",
            args={"aspect": aspect.id, **args},
            cmp=node.cmp,
            threshold=node.threshold,
            value=node.value,
            label=aspect.name,
        )

    required = [compare(a) for a in aspect_set.aspects if a.required]
    enough = AtLeastNode(
        k=node.k,
        of=tuple(compare(a) for a in aspect_set.aspects),
        label=text(
            "label_aspects_at_least",
            k=node.k,
            n=len(aspect_set.aspects),
            set=aspect_set.title,
        ),
    )
    return AllNode(of=(*required, enough), label=node.label or aspect_set.title)


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
        run = self.node(crit.test, crit.id, _Who(crit.id, crit.message, crit.reference))
        severity = crit.severity

        def with_severity(facts: Facts) -> CriterionResult:
            # The one copy per criterion: inner nodes carry no severity.
            return attrs.evolve(run(facts), severity=severity)

        return with_severity

    def expand_aspects(self, node: AspectsNode) -> AllNode:
        """Spell an ``aspects`` node out over the rulebook's aspect set (checked at load)."""
        assert self.rulebook.aspects is not None  # noqa: S101  # check_rulebook refuses it otherwise
        return expand_aspects(node, self.rulebook.aspects)

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
            case SomeNode():
                return self._some(who, node, path)
            case AspectsNode():
                return self._aspects(who, node, path)

    def _some(self, who: _Who, node: SomeNode, path: str) -> Evaluator:
        inner = self.node(node.test, f"{path}.test")
        label = node.label or text("label_some_model")
        message = who.message or label
        unreported_missing = (
            MissingInput(key="service_models", text=text("missing_service_models")),
        )
        unreported = _unknown_gap(unreported_missing)

        def run(facts: Facts) -> CriterionResult:
            models = facts.seen.service_models
            if models is None:
                return CriterionResult(
                    id=who.id,
                    op="some",
                    outcome=U,
                    gap=unreported,
                    reference=who.reference,
                    message=message,
                    missing=unreported_missing,
                )
            children = []
            for item in models:
                model = item.record
                result = inner(facts.scoped(item.index))
                children.append(
                    CriterionResult(
                        id=f"{path}[{model.id}]",
                        op="item",
                        outcome=result.outcome,
                        message=text("label_model", name=model.name, id=model.id),
                        gap=result.gap,
                        missing=result.missing,
                        children=(result,),
                        subject=model.id,
                    )
                )
            outcome = combine_any([c.outcome for c in children]) if children else F
            chosen = _chosen_item(children)
            gap = None
            if outcome in (F, U):
                gap = _some_gap(chosen, children)
            return CriterionResult(
                id=who.id,
                op="some",
                outcome=outcome,
                observed=chosen.subject if chosen is not None else None,
                gap=gap,
                reference=who.reference,
                message=message,
                missing=tuple(m for c in children if c.outcome is U for m in c.missing),
                children=tuple(children),
            )

        return run

    def _aspects(self, who: _Who, node: AspectsNode, path: str) -> Evaluator:
        expanded = self.node(self.expand_aspects(node), path, who)
        aspect_set = self.rulebook.aspects
        assert aspect_set is not None  # noqa: S101  # checked at load
        counted = aspect_set.keys()

        def run(facts: Facts) -> CriterionResult:
            result = expanded(facts)
            notes = _outside_set(facts, counted, aspect_set.id)
            return attrs.evolve(result, notes=result.notes + notes) if notes else result

        return run

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
                notes=obs.notes,
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
            if obs.open_ended or (obs.upper is not None and obs.upper != raw):
                # A partly unknown count is an interval: decide only if every value in it agrees.
                upper = _INFINITY if obs.open_ended else Decimal(obs.upper or 0)
                shown = f"{raw}.." if obs.open_ended else f"{raw}..{obs.upper}"
                outcome = _interval_outcome(value, upper, cmp, limit)
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
                gap=_numeric_gap_text(spec.name, unit, value, limit, amount, obs, cmp),
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
                notes=obs.notes,
            )

        return run

    def _count(self, who: _Who, node: CountNode) -> Evaluator:
        name_id, name_en = _RECORD_NAMES[node.records]
        label = node.label or Text(id=f"jumlah {name_id}", en=f"number of {name_en}")
        message = who.message or label
        wanted = Decimal(node.value)

        def run(facts: Facts) -> CriterionResult:
            low, high, missing = count_records(facts, node.records, node.where)
            gap, defaulted = None, False
            bound = _count_bound(high)
            if bound is None:
                outcome = U
            else:
                outcome = _interval_outcome(Decimal(low), bound, node.cmp, wanted)
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
                observed=str(low)
                if low == high
                else f"{low}..{high if high is not None and high != OPEN_ENDED else ''}",
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
            case SomeNode(test=test):
                inner_fast = self.fast(test)

                def some(f: Facts) -> Outcome:
                    models = f.seen.service_models
                    if models is None:
                        return U
                    if not models:
                        return F
                    return combine_any([inner_fast(f.scoped(m.index)) for m in models])

                return some
            case AspectsNode():
                return self.fast(self.expand_aspects(node))
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
            if obs.open_ended or (obs.upper is not None and obs.upper != raw):
                upper = _INFINITY if obs.open_ended else Decimal(obs.upper or 0)
                outcome = _interval_outcome(Decimal(raw), upper, cmp, limit)
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
        wanted = Decimal(node.value)

        def run(facts: Facts) -> Outcome:
            low, high, _ = count_records(facts, node.records, node.where)
            bound = _count_bound(high)
            outcome = (
                U if bound is None else _interval_outcome(Decimal(low), bound, node.cmp, wanted)
            )
            return (node.if_unknown or U) if outcome is U else outcome

        return run


def _numeric_gap_text(
    name: str,
    unit: str,
    value: Decimal,
    limit: Decimal,
    amount: Decimal | None,
    obs: Observation,
    cmp: Cmp,
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
        also=_also(name, amount, obs, limit, cmp),
    )


_SEN: Final = Decimal("0.01")


def _also(
    name: str, amount: Decimal | None, obs: Observation, limit: Decimal, cmp: Cmp
) -> dict[str, Decimal]:
    """Express a gap in other units where the dossier allows it, from the exact amounts."""
    if amount is None or amount <= 0:
        return {}
    out: dict[str, Decimal] = {}
    planned = obs.detail.get("planned")
    realised = obs.detail.get("realised")
    if name == "apbd_realisation_pct" and planned is not None and realised is not None:
        # From the amounts, not from the rounded share: the realisation still needed to reach
        # limit % of planned, rounded up to the sen.
        needed = planned * limit / 100 - realised
        if cmp is Cmp.GT:
            needed += _SEN
        if needed > 0:
            out["rupiah"] = needed.quantize(_SEN, rounding=ROUND_CEILING)
    households = obs.detail.get("households")
    if households is not None and name in ("layak_pct", "safely_managed_pct", "layak_change_pp"):
        out["households"] = (households * amount / 100).to_integral_value(rounding="ROUND_CEILING")
    return out


def _chosen_item(children: Sequence[CriterionResult]) -> CriterionResult | None:
    """The item that qualified, or else the one closest to qualifying (fewest open leaves)."""
    passing = [c for c in children if c.outcome is P]
    if passing:
        return passing[0]
    open_ = [c for c in children if c.outcome in (F, U)]
    return min(open_, key=_cost) if open_ else None


def _some_gap(chosen: CriterionResult | None, children: Sequence[CriterionResult]) -> Gap:
    if chosen is None:
        return Gap(text=text("gap_no_model"), more=1)
    label = chosen.message or Text(id=chosen.id, en=chosen.id)
    inner = chosen.gap.text if chosen.gap is not None else text("gap_unknown")
    ranked = sorted((c for c in children if c.outcome in (F, U)), key=_cost)
    return Gap(
        text=text("gap_closest_model", model=label, gap=inner),
        options=tuple(c.subject or c.id for c in ranked),
        provide=_provide(m for c in ranked for m in c.missing),
    )


def _outside_set(facts: Facts, counted: frozenset[str], set_id: str) -> tuple[Text, ...]:
    """Name each assessed aspect the rulebook's set does not count (reported, not dropped)."""
    found: dict[str, str] = {}
    for item in facts.seen.service_models or ():
        for j, a in enumerate(item.record.assessments or ()):
            if a.assessed_on.year == facts.year and a.aspect not in counted:
                found.setdefault(a.aspect, f"service_models[{item.index}].assessments[{j}]")
    return tuple(
        text("note_aspect_outside_set", aspect=aspect, path=path, set=set_id)
        for aspect, path in sorted(found.items())
    )


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
    blocking: tuple[bool, ...]

    def outcome(self, outcomes: Sequence[Outcome]) -> Outcome:
        """Combine the criteria's outcomes: advisory criteria never block."""
        return combine_all([o for o, b in zip(outcomes, self.blocking, strict=True) if b])


def rules_date(as_of: dt.date, fiscal_year: int | None) -> dt.date:
    """The day whose rules apply: the fiscal year's last day, or *as_of* if that comes first.

    Year *N* assessed in year *N+1* keeps the rules of year *N*; an assessment during the year
    uses the rules in force on its date.
    """
    if fiscal_year is None:
        return as_of
    return min(as_of, dt.date(fiscal_year, 12, 31))


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
        self._aliases = rulebook.aspects.aliases() if rulebook.aspects is not None else {}
        compiler = _Compiler(rulebook)
        self._milestones = tuple(
            _CompiledMilestone(
                id=m.id,
                per_fiscal_year=m.per_fiscal_year,
                criteria=tuple(compiler.criterion(c) for c in m.criteria),
                fast=tuple(compiler.fast(c.test) for c in m.criteria),
                blocking=tuple(c.severity is Severity.BLOCKING for c in m.criteria),
            )
            for m in rulebook.milestones
        )

    def facts(self, dossier: Dossier, *, as_of: dt.date, fiscal_year: int | None = None) -> Facts:
        """Return the dossier seen on *as_of* for *fiscal_year*, with this rulebook's aspect set.

        Raises:
            NoRulebookInForceError: if the rulebook is not in force for that date and year.
            EvaluationError: if *fiscal_year* is after the year of *as_of*.
        """
        day = rules_date(as_of, fiscal_year)
        if not self.rulebook.in_force(day):
            raise NoRulebookInForceError(_no_rulebook_text(day, [self.rulebook]))
        return Facts(dossier, as_of, fiscal_year=fiscal_year, aspect_aliases=self._aliases)

    def _milestone(self, m: _CompiledMilestone, facts: Facts) -> MilestoneResult:
        results = tuple(run(facts) for run in m.criteria)
        return MilestoneResult(
            id=m.id,
            outcome=m.outcome([r.outcome for r in results]),
            criteria=results,
            fiscal_year=facts.year if m.per_fiscal_year else None,
        )

    def evaluate(
        self, dossier: Dossier, *, as_of: dt.date, fiscal_year: int | None = None
    ) -> Decision:
        """Decide which milestone *dossier* has reached, and explain it.

        Args:
            dossier: the dossier.
            as_of: the evaluation date: nothing dated later is seen.
            fiscal_year: the fiscal year assessed (by default the year of *as_of*); it may end
                before *as_of*, so that a year can be assessed once its reports are in.

        Raises:
            NoRulebookInForceError: if the rulebook is not in force for that date and year.
            EvaluationError: if a threshold has no value then, or *fiscal_year* is after
                *as_of*.
        """
        facts = self.facts(dossier, as_of=as_of, fiscal_year=fiscal_year)
        results = tuple(self._milestone(m, facts) for m in self._milestones)
        certain, possible = _ladder(results)
        next_ms = _next(self.rulebook, certain)
        blocking: tuple[str, ...] = ()
        if next_ms is not None:
            res = next(r for r in results if r.id == next_ms)
            blocking = tuple(
                c.id
                for c in res.criteria
                if c.outcome in (F, U) and c.severity is not Severity.ADVISORY
            )
        return Decision(
            region=RegionRef(code=dossier.region.code, name=dossier.region.name),
            as_of=as_of,
            rulebook=self.info,
            certain_level=certain,
            possible_level=possible,
            m4=m4_stage(facts.seen, facts.year),
            milestones=results,
            next_milestone=next_ms,
            blocking=blocking,
            missing=_rank_missing(results),
            designation_check=_designation_check(facts.seen, facts.year, certain, possible),
            targets=_targets(self.rulebook.targets, facts),
        )

    def evaluate_many(
        self, dossiers: Iterable[Dossier], *, as_of: dt.date, fiscal_year: int | None = None
    ) -> list[Decision]:
        """Evaluate a batch of dossiers on the same date, with full explanations."""
        return [self.evaluate(d, as_of=as_of, fiscal_year=fiscal_year) for d in dossiers]

    def outcomes(
        self, dossier: Dossier, *, as_of: dt.date, fiscal_year: int | None = None
    ) -> dict[Milestone, Outcome]:
        """Return each milestone's outcome only: the fast path, with no explanation built.

        The outcomes are those of :meth:`evaluate` (a property test keeps the two equal).

        Raises:
            NoRulebookInForceError: if the rulebook is not in force for that date and year.
        """
        facts = self.facts(dossier, as_of=as_of, fiscal_year=fiscal_year)
        return {m.id: m.outcome([run(facts) for run in m.fast]) for m in self._milestones}

    def levels(
        self, dossier: Dossier, *, as_of: dt.date, fiscal_year: int | None = None
    ) -> tuple[Milestone | None, Milestone | None]:
        """Return ``(certain_level, possible_level)`` through the fast path."""
        outcomes = self.outcomes(dossier, as_of=as_of, fiscal_year=fiscal_year)
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
    seen: Seen, fiscal_year: int, certain: Milestone | None, possible: Milestone | None
) -> DesignationCheck:
    """Compare the designation that governs the fiscal year (else the latest) with the evidence."""
    rank = {None: 0} | {m: m.rank for m in Milestone}
    dated = [item.record for item in seen.designations or () if item.dated]
    if not dated:
        return DesignationCheck(status="no_designation", text=text("designation_none"))

    def order(d: Designation) -> tuple[bool, dt.date, int]:
        day = d.decree.date or dt.date.min
        return (d.programme_year == fiscal_year, day, d.milestone.rank)

    latest = max(dated, key=order)
    claimed = latest.claimed
    claimed_rank = rank[claimed]
    decree = latest.decree.number
    ref = decree or latest.decree.kind.value
    c_rank, p_rank = rank[certain], rank[possible]
    none = text("designation_no_milestone")
    claimed_name: Text | str = claimed.value if claimed else none
    certain_name: Text | str = certain.value if certain else none
    possible_name: Text | str = possible.value if possible else none
    status: Literal["consistent", "unconfirmed", "contradicted", "ahead"]
    if p_rank < claimed_rank:
        status = "contradicted"
        found = text(
            "designation_contradicted", ref=ref, claimed=claimed_name, possible=possible_name
        )
    elif c_rank < claimed_rank:
        status = "unconfirmed"
        found = text("designation_unconfirmed", ref=ref, claimed=claimed_name, certain=certain_name)
    elif c_rank > latest.milestone.rank:
        status = "ahead"
        found = text(
            "designation_ahead", ref=ref, certain=certain_name, designated=latest.milestone.value
        )
    else:
        status = "consistent"
        found = text("designation_consistent", ref=ref, designated=latest.milestone.value)
    return DesignationCheck(
        status=status,
        text=found,
        decree=decree,
        designated=latest.milestone,
        claimed=claimed,
        programme_year=latest.programme_year,
    )


_SOURCE_RANK: Final = {s: len(SOURCE_ORDER) - i for i, s in enumerate(SOURCE_ORDER)}

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
                r.record
                for r in facts.seen.access_records or ()
                if r.record.year <= facts.year
                and r.record.area is target.area
                and (r.record.layak_share if field == "layak" else getattr(r.record, field))
                is not None
            ]
            latest = max(candidates, key=lambda r: (r.year, _SOURCE_RANK[r.source]), default=None)
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

    def evaluate(
        self, dossier: Dossier, *, as_of: dt.date, fiscal_year: int | None = None
    ) -> Decision:
        """Evaluate *dossier* with the rulebook in force for the fiscal year assessed.

        That is the rulebook in force on the last day of *fiscal_year*, or on *as_of* if that
        comes first (see :func:`rules_date`).
        """
        book = self.in_force(rules_date(as_of, fiscal_year))
        return book.evaluate(dossier, as_of=as_of, fiscal_year=fiscal_year)

    def evaluate_many(
        self, dossiers: Iterable[Dossier], *, as_of: dt.date, fiscal_year: int | None = None
    ) -> list[Decision]:
        """Evaluate a batch with the rulebook in force for the fiscal year (compiled once)."""
        book = self.in_force(rules_date(as_of, fiscal_year))
        return book.evaluate_many(dossiers, as_of=as_of, fiscal_year=fiscal_year)


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
    before: Rulebook,
    after: Rulebook,
    dossiers: Iterable[Dossier],
    *,
    as_of: dt.date,
    fiscal_year: int | None = None,
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
        da = a.evaluate(dossier, as_of=as_of, fiscal_year=fiscal_year)
        db = b.evaluate(dossier, as_of=as_of, fiscal_year=fiscal_year)
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
