"""The criterion language: rulebooks as data, and the closed set of nodes criteria are made of.

A :class:`Rulebook` holds milestones M1-M4, each with criteria written in a closed language
(:data:`Node`): ``all``, ``any``, ``not``, ``at_least``, ``compare``, ``present``, ``absent``,
``count``, ``ref``, ``some`` and ``aspects``. Nothing in a rulebook is executed: every name it
uses is looked up in the typed indicator catalogue, in the closed record vocabulary of ``count``
(:data:`COUNT_FIELDS`, :class:`RecordSet`, :class:`Window`) or in the rulebook itself.
"""

import datetime as dt
import hashlib
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from decimal import Decimal
from enum import StrEnum
from typing import Final

import attrs

from sanitasi_core._messages import text
from sanitasi_core._text import Lang, Text, brief
from sanitasi_core.indicators._records import FIELDS as COUNT_FIELDS
from sanitasi_core.model import Milestone, NationalTarget, Source
from sanitasi_core.rules._logic import Cmp, Outcome

__all__ = [
    "COUNT_FIELDS",
    "NODE_TAGS",
    "PLACEHOLDER",
    "RULEBOOK_SCHEMA",
    "AbsentNode",
    "AllNode",
    "AnyNode",
    "Aspect",
    "AspectSet",
    "AspectsNode",
    "AtLeastNode",
    "ChainStep",
    "Cmp",
    "Collection",
    "CompareNode",
    "CountNode",
    "Criterion",
    "MilestoneRule",
    "Node",
    "NotNode",
    "PresentNode",
    "RecordSet",
    "RefNode",
    "Reference",
    "Rulebook",
    "RulebookStatus",
    "Severity",
    "SomeNode",
    "Threshold",
    "ThresholdStep",
    "Where",
    "Window",
    "content_hash",
    "expand_aspects",
]

PLACEHOLDER: Final = re.compile(r"\{threshold:([^{}\s]+)\}")
"""A threshold's value in a criterion's message, ``{threshold:m4_apbd_realisation}``: see
:meth:`Rulebook.fill`. Any other text in braces is text."""

RULEBOOK_SCHEMA: Final = "sanitasi.rulebook/v1"
"""The format name and version written in every rulebook document's ``schema`` field."""


class RulebookStatus(StrEnum):
    """Whether a rulebook encodes official text or a reconstruction."""

    RECONSTRUCTED = "reconstructed"
    OFFICIAL = "official"


class Severity(StrEnum):
    """Whether a criterion can keep a milestone from being reached."""

    BLOCKING = "blocking"  #: Every blocking criterion must pass for the milestone.
    ADVISORY = "advisory"  #: Evaluated and explained, never blocking (e.g. SSK currency).


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
    """A model is assessed on enough aspects of the rulebook's set (``op = "aspects"``).

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
        message: what it requires, in both languages; ``{threshold:ID}`` stands for a
            threshold's value (:meth:`Rulebook.fill`).
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

    def __repr__(self) -> str:
        until = f" to {self.valid_to.isoformat()}" if self.valid_to is not None else ""
        milestones, count = len(self.milestones), sum(len(m.criteria) for m in self.milestones)
        return (
            f"<Rulebook {brief(self.id)} {brief(self.version, 20)} ({self.status.value}, "
            f"from {self.valid_from.isoformat()}{until}): "
            f"{milestones} {'milestone' if milestones == 1 else 'milestones'}, "
            f"{count} {'criterion' if count == 1 else 'criteria'}>"
        )

    def explain(self, lang: Lang = "en") -> str:
        """Return the rulebook as the plain text ``sanitasi rulebook show`` prints."""
        from sanitasi_core import reports  # noqa: PLC0415  # upward on purpose: display only

        return reports.rulebook_text(self, lang)

    def fill(self, message: Text, day: dt.date | None = None) -> Text:
        """Return *message* with each ``{threshold:ID}`` replaced by that threshold's value.

        A criterion's message names the thresholds it applies instead of writing their numbers
        (``≥ {threshold:m4_apbd_realisation} of planned``), so that it always shows the value in
        force: on *day*, ``≥ 80 % of planned``; with no day (a rulebook shown on its own), every
        value of the series in date order, ``≥ 80 % → 90 % of planned``. A value is written with
        its unit when that is ``%``, with a decimal comma in Bahasa Indonesia. A placeholder that
        names no threshold of the rulebook (the checks refuse it), or none in force on *day*, is
        left as written.

        Args:
            message: the text, e.g. a criterion's :attr:`Criterion.message`.
            day: the day whose values apply (for a decision: the rules date of its fiscal year).
        """
        if not (PLACEHOLDER.search(message.id) or PLACEHOLDER.search(message.en)):
            return message
        series = {t.id: t for t in self.thresholds}

        def filled(raw: str, lang: Lang) -> str:
            def value(match: re.Match[str]) -> str:
                limit = series.get(match[1])
                if limit is None:
                    return match[0]
                if day is None:
                    steps = list(dict.fromkeys(s.value for s in limit.steps))
                else:
                    step = limit.value_on(day)
                    steps = [] if step is None else [step.value]
                if not steps:
                    return match[0]
                return " → ".join(_plain(v, limit.unit, lang) for v in steps)

            return PLACEHOLDER.sub(value, raw)

        return Text(id=filled(message.id, "id"), en=filled(message.en, "en"))


def _plain(value: Decimal, unit: str, lang: Lang) -> str:
    """``80 %``, ``12,5`` in Bahasa Indonesia: a threshold as a message shows it."""
    number = format(value, "f")
    number = number.replace(".", ",") if lang == "id" else number
    return f"{number} %" if unit == "%" else number


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


def content_hash(rulebook: Rulebook) -> str:
    """Return a SHA-256 of the rulebook's content (independent of file formatting).

    The attrs ``repr`` is canonical here: it names every class (so ``all`` and ``any`` differ),
    lists fields in declaration order, and writes decimals and dates exactly.
    """
    return "sha256:" + hashlib.sha256(repr(rulebook).encode("utf-8")).hexdigest()
