"""What an evaluation returns: decisions that explain themselves, criterion by criterion.

Each result's ``repr()`` is one short line (what a notebook or a debugger shows); the full text
report is :meth:`Decision.explain`.
"""

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Final, Literal

import attrs

from sanitasi_core._text import Lang, Text, brief
from sanitasi_core.indicators import MissingInput
from sanitasi_core.indicators._history import Assistance, M4Stage
from sanitasi_core.model import Milestone, NationalTarget
from sanitasi_core.rules._logic import Outcome
from sanitasi_core.rules.language import Reference, RulebookStatus, Severity

__all__ = [
    "DECISION_SCHEMA",
    "OBSERVED_TAGS",
    "Assistance",
    "CriterionResult",
    "Decision",
    "DesignationCheck",
    "Gap",
    "LevelChange",
    "M4Stage",
    "MilestoneResult",
    "MissingRank",
    "Observed",
    "ObservedCount",
    "ObservedFlag",
    "ObservedItem",
    "ObservedNumber",
    "RegionRef",
    "RulebookInfo",
    "TargetDistance",
    "ThresholdRef",
]

DECISION_SCHEMA: Final = "sanitasi.decision/v2"
"""The format name and version written in every decision document's ``schema`` field."""


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
class ObservedNumber:
    """A number a criterion saw, exact (a percentage, a count, a year …).

    ``str()`` gives it in plain notation (``85.16``).
    """

    value: Decimal

    def __str__(self) -> str:
        return format(self.value, "f")


@attrs.frozen(kw_only=True)
class ObservedFlag:
    """Whether a fact a criterion looked for exists (``str()``: ``true`` or ``false``)."""

    value: bool

    def __str__(self) -> str:
        return "true" if self.value else "false"


@attrs.frozen(kw_only=True)
class ObservedCount:
    """A count only partly known: at least ``low``, at most ``high``.

    ``high`` is ``None`` when there is no upper bound (the dossier marks the list incomplete).
    ``str()`` gives ``3..5`` or ``3..``.
    """

    low: int
    high: int | None = None

    def __str__(self) -> str:
        return f"{self.low}..{'' if self.high is None else self.high}"


@attrs.frozen(kw_only=True)
class ObservedItem:
    """The item a ``some`` node settled on: the service model that qualifies, or comes closest."""

    id: str

    def __str__(self) -> str:
        return self.id


Observed = ObservedNumber | ObservedFlag | ObservedCount | ObservedItem
"""The value a criterion saw, one of four shapes (``str()`` gives each in plain notation)."""

OBSERVED_TAGS: Final[dict[str, type[Observed]]] = {
    "number": ObservedNumber,
    "flag": ObservedFlag,
    "count": ObservedCount,
    "item": ObservedItem,
}
"""The ``kind`` tag each shape of :data:`Observed` carries in JSON."""


@attrs.frozen(kw_only=True)
class ThresholdRef:
    """Where a threshold applied comes from: the rulebook's threshold id and the step's date.

    ``str()`` gives ``id@since`` (``m4_realisation@2025-01-01``).
    """

    id: str
    since: dt.date

    def __str__(self) -> str:
        return f"{self.id}@{self.since.isoformat()}"


@attrs.frozen(kw_only=True)
class CriterionResult:
    """The explained outcome of one criterion or node.

    Attributes:
        id: the criterion id (or a derived id for an inner node).
        op: the node kind.
        outcome: pass, fail, unknown or not_applicable.
        observed: the value seen (a number, a flag, a partly known count or the item chosen),
            ``None`` if unknown.
        threshold: the threshold applied (for ``compare`` and ``count``).
        threshold_source: the rulebook threshold it comes from and the date its value applies
            from; ``None`` for a constant written in the criterion.
        unit: the unit of observed and threshold.
        gap: what it takes to pass (for fail and unknown).
        reference: the basis.
        message: the requirement in both languages, with the thresholds' values in force.
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
    observed: Observed | None = None
    threshold: Decimal | None = None
    threshold_source: ThresholdRef | None = None
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

    def __repr__(self) -> str:
        unit = f" {brief(self.unit, 20)}" if self.unit else ""
        parts = []
        if self.observed is not None:
            parts.append(f"observed {brief(str(self.observed), 40)}{unit}")
        if self.threshold is not None:
            parts.append(f"threshold {format(self.threshold, 'f')}{unit}")
        if self.severity is Severity.ADVISORY:
            parts.append("advisory")
        if self.defaulted:
            parts.append("defaulted")
        if self.children:
            parts.append(_count(len(self.children), "inner result", "inner results"))
        detail = f" ({', '.join(parts)})" if parts else ""
        return f"<CriterionResult {brief(self.id)}: {self.outcome.value}{detail}>"


attrs.resolve_types(CriterionResult, globals(), locals())


def _replaced(
    result: CriterionResult, *, message: Text | None, notes: tuple[Text, ...]
) -> CriterionResult:
    """*result* with its message and notes replaced: the engine's one copy of a result.

    Every field is named (``attrs.evolve`` looks the fields up on each call, several times the
    cost); tests check that a copy with the same message and notes equals the result.
    """
    r = result
    return CriterionResult(
        id=r.id,
        op=r.op,
        outcome=r.outcome,
        observed=r.observed,
        threshold=r.threshold,
        threshold_source=r.threshold_source,
        unit=r.unit,
        gap=r.gap,
        reference=r.reference,
        message=message,
        defaulted=r.defaulted,
        missing=r.missing,
        children=r.children,
        severity=r.severity,
        notes=notes,
        subject=r.subject,
    )


@attrs.frozen(kw_only=True)
class MilestoneResult:
    """The outcome of one milestone (its own criteria, ignoring the ladder)."""

    id: Milestone
    outcome: Outcome
    criteria: tuple[CriterionResult, ...]
    fiscal_year: int | None = None

    def __repr__(self) -> str:
        year = f" {self.fiscal_year}" if self.fiscal_year is not None else ""
        return (
            f"<MilestoneResult {self.id.value}{year}: {self.outcome.value} "
            f"({_tally(self.criteria)})>"
        )


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
        rulebook: the rulebook used (the one in force on the last day of the fiscal year, or
            on ``as_of`` if that comes first).
        certain_level: the highest milestone reached for sure, each requiring the one before.
        possible_level: the highest milestone not yet ruled out.
        m4: the district's place among its M4 years in the fiscal year assessed
            (:attr:`fiscal_year`), read from its history (designations, stage reports, clinics,
            evaluations), never from the rulebook; :attr:`m4_year` is its "M4 year *n*".
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
        """The fiscal (programme) year assessed: the year of ``as_of`` unless one was given."""
        return self.m4.fiscal_year

    @property
    def m4_year(self) -> int | None:
        """The "M4 year *n*" of the fiscal year (``m4.year``), from the district's history.

        1 for the first M4 programme year, counting on after assistance ends; ``None`` when the
        history does not tell.
        """
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

    def __repr__(self) -> str:
        unknown = sum(c.outcome is Outcome.UNKNOWN for m in self.milestones for c in m.criteria)
        tail = f" ({unknown} unknown)" if unknown else ""
        return (
            f"<Decision {brief(self.region.code, 20)} {brief(self.region.name)} "
            f"as of {self.as_of.isoformat()}: certain {_level(self.certain_level)}, "
            f"possible {_level(self.possible_level)}{tail}>"
        )

    def explain(self, lang: Lang = "en", *, milestone: Milestone | str | None = None) -> str:
        """Return the decision as the plain-text report ``sanitasi evaluate`` prints.

        Args:
            lang: ``en`` or ``id``.
            milestone: explain this milestone instead, criterion by criterion and down to each
                inner condition (the report of ``sanitasi explain``).

        Raises:
            KeyError: if *milestone* is given and the decision has no such milestone.
        """
        from sanitasi_core import reports  # noqa: PLC0415  # upward on purpose: display only

        if milestone is None:
            return reports.decision_text(self, lang)
        return reports.explain_text(self, milestone, lang)

    def criterion(self, ident: str) -> CriterionResult:
        """Return the result of criterion *ident* (any milestone)."""
        for m in self.milestones:
            for c in m.criteria:
                if c.id == ident:
                    return c
        raise KeyError(ident)


def _level(level: Milestone | None) -> str:
    return level.value if level is not None else "none"


def _count(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _tally(criteria: tuple[CriterionResult, ...]) -> str:
    """``5 criteria: 3 pass, 2 unknown`` (outcomes in a fixed order, those present only)."""
    counts = [(o, sum(c.outcome is o for c in criteria)) for o in Outcome]
    shown = ", ".join(f"{n} {o.value}" for o, n in counts if n)
    head = _count(len(criteria), "criterion", "criteria")
    return f"{head}: {shown}" if shown else head


@attrs.frozen(kw_only=True)
class LevelChange:
    """A district whose level differs between two rulebooks, and the criteria responsible."""

    region: RegionRef
    before_certain: Milestone | None
    after_certain: Milestone | None
    before_possible: Milestone | None
    after_possible: Milestone | None
    criteria: tuple[str, ...]
