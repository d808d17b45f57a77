"""Criteria trees and criteria: valid sentences of the criterion language.

Leaves name real indicators of :data:`~sanitasi_core.indicators.CATALOGUE` with the operator
their type takes (``compare`` for numbers, ``present``/``absent`` for facts), parameters from
their declared choices and values in their unit; ``count`` nodes filter declared fields. Also
the bilingual texts, references and sources that criteria (and rulebooks) cite.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from decimal import Decimal

import attrs
from hypothesis import strategies as st

from sanitasi_core import Text
from sanitasi_core.indicators import CATALOGUE, IndicatorSpec, ValueType
from sanitasi_core.model import (
    DEFAULT_ASPECTS,
    DocumentKind,
    EvaluationSubject,
    FundingGroup,
    FundingSource,
    MeetingKind,
    Office,
    Source,
    SubSector,
)
from sanitasi_core.rules import (
    COUNT_FIELDS,
    AbsentNode,
    AllNode,
    AnyNode,
    AspectsNode,
    AtLeastNode,
    Cmp,
    Collection,
    CompareNode,
    CountNode,
    Criterion,
    Node,
    NotNode,
    Outcome,
    PresentNode,
    RecordSet,
    Reference,
    RefNode,
    Severity,
    SomeNode,
    Threshold,
    Where,
    Window,
)
from sanitasi_core.testing._scalars import (
    _maybe,
    _scores,
    _small_tuples,
    _urls,
    dates,
    decimals,
    identifiers,
    percentages,
    texts,
)

__all__ = [
    "bilingual_texts",
    "count_filters",
    "criteria",
    "criteria_trees",
    "references",
    "sources",
]


@functools.cache
def bilingual_texts(*, max_size: int = 24) -> st.SearchStrategy[Text]:
    """Bilingual texts (:class:`~sanitasi_core.Text`): non-blank Indonesian and English."""
    return st.builds(Text, id=texts(max_size=max_size), en=texts(max_size=max_size))


@functools.cache
def _labels() -> st.SearchStrategy[Text | None]:
    return _maybe(bilingual_texts())


@functools.cache
def references() -> st.SearchStrategy[Reference]:
    """Bases of criteria and thresholds (:class:`~sanitasi_core.rules.Reference`)."""
    return st.builds(
        Reference,
        basis=bilingual_texts(max_size=40),
        sources=_small_tuples(sources(), max_size=2),
        assumption=_maybe(bilingual_texts()),
        regulation=_maybe(st.sampled_from(("Permendagri 87/2022", "Perpres 18/2020")) | texts()),
        clause=_maybe(texts()),
        url=_maybe(_urls()),
    )


@functools.cache
def sources() -> st.SearchStrategy[Source]:
    """Public sources of rules and targets (:class:`~sanitasi_core.model.Source`)."""
    return st.builds(
        Source,
        title=texts(max_size=24),
        publisher=_maybe(texts()),
        published_on=_maybe(dates()),
        url=_maybe(_urls()),
        quote=_maybe(texts(max_size=24)),
        note=_maybe(texts()),
    )


def _numeric_specs() -> tuple[IndicatorSpec, ...]:
    return tuple(s for s in CATALOGUE.values() if s.type is not ValueType.BOOLEAN)


def _fact_specs() -> tuple[IndicatorSpec, ...]:
    return tuple(s for s in CATALOGUE.values() if s.type is ValueType.BOOLEAN)


def _units() -> tuple[str, ...]:
    return tuple(sorted({s.unit for s in _numeric_specs()}))


@functools.cache
def _values_in(unit: str) -> st.SearchStrategy[Decimal]:
    """Threshold and comparison values that make sense in *unit*."""
    if unit == "%":
        return percentages()
    if unit == "points":
        return _scores()
    if unit in ("records", "months"):
        return st.integers(0, 24).map(Decimal)
    if unit == "pp":
        return decimals(min_value=-20, max_value=20, max_places=2)
    return decimals(min_value=0, max_value=1000, max_places=2)


def _args(draw: st.DrawFn, spec: IndicatorSpec) -> dict[str, str]:
    """Parameters for *spec*: every required one, optional ones at times, from the choices.

    Aspects come from the six keys a rulebook without an aspect set accepts; service-chain
    steps, which only an aspect set declares, are left out.
    """
    out = {}
    for p in spec.params:
        choices = p.choices or (DEFAULT_ASPECTS if p.name == "aspect" else ())
        if not choices:
            continue
        if (p.default is None and not p.optional) or draw(st.booleans()):
            out[p.name] = draw(st.sampled_from(choices))
    return out


def _defaults() -> st.SearchStrategy[Outcome | None]:
    return st.sampled_from((None, None, Outcome.PASS, Outcome.FAIL))


# Trees are drawn from strategies built once, with placeholders where the rulebook matters:
# a ``compare`` node may carry ``threshold = _SLOT + n`` (use the n-th threshold of its unit,
# if any), and a ``ref`` node names ``_SLOT + n`` (use the n-th definition, if any). Resolving
# them afterwards is much faster than building new strategies for each rulebook drawn.
_SLOT = "\x00slot:"


@st.composite
def _compare_node(draw: st.DrawFn) -> CompareNode:
    spec = draw(st.sampled_from(_numeric_specs()))
    slot = draw(st.none() | st.integers(0, 7))
    return CompareNode(
        indicator=spec.name,
        cmp=draw(st.sampled_from(Cmp)),
        threshold=None if slot is None else f"{_SLOT}{slot}",
        value=draw(_values_in(spec.unit)),
        args=_args(draw, spec),
        label=draw(_labels()),
        if_unknown=draw(_defaults()),
    )


@st.composite
def _fact_node(draw: st.DrawFn, cls: type[PresentNode | AbsentNode]) -> PresentNode | AbsentNode:
    spec = draw(st.sampled_from(_fact_specs()))
    return cls(
        fact=spec.name, args=_args(draw, spec), label=draw(_labels()), if_unknown=draw(_defaults())
    )


# Values of the enumerated fields a ``count`` filter can test; other fields by their kind.
_FILTER_VALUES: dict[tuple[str, str], tuple[str, ...]] = {
    ("commitments", "office"): tuple(m.value for m in Office),
    ("meetings", "kind"): tuple(m.value for m in MeetingKind),
    ("activities", "funding_source"): tuple(m.value for m in FundingSource),
    ("activities", "funding_group"): tuple(m.value for m in FundingGroup),
    ("activities", "sub_sector"): tuple(m.value for m in SubSector),
    ("evaluations", "subject"): tuple(m.value for m in EvaluationSubject),
    ("monitoring_reports", "covers"): tuple(m.value for m in FundingGroup),
    ("documents", "kind"): tuple(m.value for m in DocumentKind),
}


@functools.cache
def _filter_values(records: str, name: str, kind: str) -> st.SearchStrategy[str]:
    if kind == "bool":
        return st.sampled_from(("true", "false"))
    if kind in ("int", "year"):
        return st.integers(1, 2035).map(str)
    known = _FILTER_VALUES.get((records, name))
    return st.sampled_from(known) if known else identifiers()


@st.composite
def _where(draw: st.DrawFn, records: RecordSet) -> Where:
    fields = COUNT_FIELDS[records.value]
    name = draw(st.sampled_from(sorted(fields)))
    kind = fields[name][0]
    if kind == "date" or (kind == "year" and draw(st.booleans())):
        return Where(field=name, within=draw(st.sampled_from(Window)))
    values = _filter_values(records.value, name, kind)
    if draw(st.booleans()):
        return Where(field=name, equals=draw(values))
    return Where(field=name, one_of=tuple(draw(st.lists(values, min_size=1, max_size=3))))


@functools.cache
def count_filters(records: RecordSet | None = None) -> st.SearchStrategy[Where]:
    """Filters of ``count`` nodes (:class:`~sanitasi_core.rules.Where`) valid for *records*.

    Fields come from the record set's declared fields; dates are filtered by a window,
    enumerations by their real values, yes/no fields by ``true``/``false``.

    Args:
        records: the record set counted (default: any, and the filter fits one of them).
    """
    if records is None:
        return st.sampled_from(RecordSet).flatmap(count_filters)
    return _where(records)


@st.composite
def _count_node(draw: st.DrawFn) -> CountNode:
    records = draw(st.sampled_from(RecordSet))
    return CountNode(
        records=records,
        where=tuple(draw(st.lists(count_filters(records), max_size=2))),
        cmp=draw(st.sampled_from(Cmp)),
        value=draw(st.integers(0, 5)),
        label=draw(_labels()),
        if_unknown=draw(_defaults()),
    )


def _group_of(children: st.SearchStrategy[Node]) -> st.SearchStrategy[tuple[Node, ...]]:
    return st.lists(children, min_size=1, max_size=3).map(tuple)


def _all_nodes(children: st.SearchStrategy[Node]) -> st.SearchStrategy[AllNode]:
    return st.builds(AllNode, of=_group_of(children), label=_labels())


def _any_nodes(children: st.SearchStrategy[Node]) -> st.SearchStrategy[AnyNode]:
    return st.builds(AnyNode, of=_group_of(children), label=_labels())


def _not_nodes(children: st.SearchStrategy[Node]) -> st.SearchStrategy[NotNode]:
    return st.builds(NotNode, of=children, label=_labels())


def _at_least_nodes(children: st.SearchStrategy[Node]) -> st.SearchStrategy[AtLeastNode]:
    return _group_of(children).flatmap(
        lambda of: st.builds(
            AtLeastNode, k=st.integers(1, len(of)), of=st.just(of), label=_labels()
        )
    )


def _some_nodes(children: st.SearchStrategy[Node]) -> st.SearchStrategy[SomeNode]:
    return st.builds(SomeNode, over=st.sampled_from(Collection), test=children, label=_labels())


def _extend(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    return st.one_of(
        _all_nodes(children),
        _any_nodes(children),
        _not_nodes(children),
        _at_least_nodes(children),
        _some_nodes(children),
    )


@functools.cache
def _template_trees(max_leaves: int) -> st.SearchStrategy[Node]:
    leaves: st.SearchStrategy[Node] = st.one_of(
        _compare_node(),
        _fact_node(PresentNode),
        _fact_node(AbsentNode),
        _count_node(),
        st.integers(0, 7).map(lambda n: RefNode(criterion=f"{_SLOT}{n}")),
        st.builds(
            AspectsNode,
            k=st.integers(1, 6),
            cmp=st.sampled_from(Cmp),
            threshold=st.none() | st.integers(0, 7).map(lambda n: f"{_SLOT}{n}"),
            value=_scores(),
            label=_labels(),
        ),
    )
    return st.recursive(leaves, _extend, max_leaves=max_leaves)


def _resolve(
    node: Node,
    known: Sequence[tuple[str, str]],
    definitions: Sequence[str],
    aspects: tuple[str, ...] = (),
) -> Node:
    """Replace the placeholders of a template tree by the thresholds and definitions given.

    *aspects* are the ids of the rulebook's aspect set (none: ``aspects`` nodes become
    ``present`` ones, and ``aspect`` arguments keep the six keys of a rulebook without a set).
    """
    if isinstance(node, AllNode | AnyNode | AtLeastNode):
        return attrs.evolve(
            node, of=tuple(_resolve(n, known, definitions, aspects) for n in node.of)
        )
    if isinstance(node, NotNode):
        return attrs.evolve(node, of=_resolve(node.of, known, definitions, aspects))
    if isinstance(node, SomeNode):
        return attrs.evolve(node, test=_resolve(node.test, known, definitions, aspects))
    if isinstance(node, AspectsNode):
        if not aspects:
            return PresentNode(fact=_fact_specs()[node.k % len(_fact_specs())].name)
        k = min(node.k, len(aspects))
        points = [ident for ident, unit in known if unit == "points"]
        slot = int(node.threshold.removeprefix(_SLOT)) if node.threshold else None
        if slot is None or not points:
            return attrs.evolve(node, k=k, threshold=None)
        return attrs.evolve(node, k=k, threshold=points[slot % len(points)], value=None)
    if isinstance(node, CompareNode) and aspects and "aspect" in node.args:
        # The aspect set decides which ids are valid: map the six keys onto it.
        index = DEFAULT_ASPECTS.index(node.args["aspect"]) % len(aspects)
        node = attrs.evolve(node, args={**node.args, "aspect": aspects[index]})
    if isinstance(node, CompareNode) and node.threshold is not None:
        unit = CATALOGUE[node.indicator].unit
        matching = [ident for ident, u in known if u == unit]
        if not matching:
            return attrs.evolve(node, threshold=None)
        slot = int(node.threshold.removeprefix(_SLOT))
        return attrs.evolve(node, threshold=matching[slot % len(matching)], value=None)
    if isinstance(node, RefNode):
        slot = int(node.criterion.removeprefix(_SLOT))
        if definitions:
            return RefNode(criterion=definitions[slot % len(definitions)])
        facts = _fact_specs()
        return PresentNode(fact=facts[slot % len(facts)].name)
    return node


@functools.cache
def criteria_trees(
    *,
    thresholds: Sequence[Threshold] = (),
    definitions: Sequence[str] = (),
    max_leaves: int = 6,
) -> st.SearchStrategy[Node]:
    """Valid criteria trees (:data:`~sanitasi_core.rules.Node`) of the criterion language.

    Leaves use real indicator names of :data:`~sanitasi_core.indicators.CATALOGUE` with the
    right operator for their type (``compare`` for numbers, ``present``/``absent`` for facts),
    parameters from their declared choices (every required one), comparison values in the
    indicator's unit, ``count`` nodes with filters on declared fields, and declared defaults
    ``pass``/``fail`` at times. Inner nodes are ``all``, ``any``, ``not`` and ``at_least``
    (with 1 ≤ k ≤ items), a few levels deep.

    Args:
        thresholds: thresholds (of the same rulebook) that ``compare`` nodes may use, each only
            by an indicator of the same unit. Pass a tuple: the strategy is cached.
        definitions: ids of named criteria that ``ref`` nodes may use (none by default). Pass a
            tuple.
        max_leaves: about how many leaves a tree has at most.
    """
    known = tuple((t.id, t.unit) for t in thresholds)
    names = tuple(definitions)
    return _template_trees(max_leaves).map(lambda node: _resolve(node, known, names))


@functools.cache
def _template_criteria(max_leaves: int) -> st.SearchStrategy[Criterion]:
    return st.builds(
        Criterion,
        id=identifiers(),
        message=bilingual_texts(),
        reference=references(),
        test=_template_trees(max_leaves),
        severity=st.sampled_from(Severity),
    )


def _criterion(
    draw: st.DrawFn,
    ident: str,
    known: Sequence[tuple[str, str]],
    definitions: Sequence[str],
    max_leaves: int = 6,
    aspects: tuple[str, ...] = (),
) -> Criterion:
    template = draw(_template_criteria(max_leaves))
    test = _resolve(template.test, known, definitions, aspects)
    return attrs.evolve(template, id=ident, test=test)


@functools.cache
def criteria(
    *, thresholds: Sequence[Threshold] = (), definitions: Sequence[str] = ()
) -> st.SearchStrategy[Criterion]:
    """Named criteria (:class:`~sanitasi_core.rules.Criterion`) with a valid test.

    Args:
        thresholds: thresholds the test may use (see :func:`criteria_trees`); a tuple.
        definitions: ids of named criteria the test may ``ref``; a tuple.
    """
    known = tuple((t.id, t.unit) for t in thresholds)
    names = tuple(definitions)
    return _template_criteria(6).map(lambda c: attrs.evolve(c, test=_resolve(c.test, known, names)))
