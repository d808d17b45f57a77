"""Checks beyond types: ids, references, indicator names and types, units, order, size, depth.

:func:`check_rulebook` yields every problem of a structurally valid rulebook at once; the loader
runs it on every file and :func:`~sanitasi_core.rules.compile_rulebook` on every rulebook built
in Python, so a typo never surfaces later as a bare ``KeyError``. One visitor walks the nodes
(:func:`_node`); a new node kind gets its case there (``assert_never`` reports a missed one).
"""

import difflib
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final, assert_never

from sanitasi_core._messages import text
from sanitasi_core._text import Text
from sanitasi_core.exceptions import Problem
from sanitasi_core.indicators import CATALOGUE, IndicatorSpec, ValueType
from sanitasi_core.model import DEFAULT_ASPECTS
from sanitasi_core.rules._logic import Outcome
from sanitasi_core.rules.language import (
    COUNT_FIELDS,
    PLACEHOLDER,
    RULEBOOK_SCHEMA,
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
    RefNode,
    Rulebook,
    SomeNode,
    Threshold,
)

__all__ = [
    "MAX_DEPTH_THROUGH_REFS",
    "MAX_EXPANDED_NODES",
    "MAX_NODES",
    "MAX_NODE_DEPTH",
    "check_rulebook",
]

MAX_NODES: Final = 5000
"""The most criterion nodes a rulebook may hold."""
MAX_NODE_DEPTH: Final = 24
"""The deepest a criterion may nest, in its own nodes."""
MAX_DEPTH_THROUGH_REFS: Final = 4 * MAX_NODE_DEPTH
"""The deepest a criterion may nest counting the definitions it references."""
MAX_EXPANDED_NODES: Final = 4 * MAX_NODES
"""The most nodes a rulebook's criteria may hold with every reference expanded.

Evaluation decides a definition once however often it is referenced, but an explained decision
shows the definition's result under each reference, and its JSON writes it out each time: a
small rulebook whose definitions reference each other a few times over would otherwise have an
explanation of 2**40 nodes.
"""


def problem(path: str, code: str, /, **params: object) -> Problem:
    """A rulebook problem at *path* with catalogue message *code*."""
    return Problem(path=path, code=code, text=text(code, **params))


def suggestion(name: str, known: Iterable[str]) -> Text:
    """Say "did you mean …?" for the close matches of *name*, or nothing."""
    close = difflib.get_close_matches(name, list(known), n=3, cutoff=0.6)
    if not close:
        return Text(id="", en="")
    return text("did_you_mean", names=", ".join(repr(c) for c in close))


class _Checker:
    """Walks one rulebook's criteria, counting nodes; yields the problems it finds."""

    def __init__(self, book: Rulebook, catalogue: Mapping[str, IndicatorSpec]) -> None:
        self.book = book
        self.catalogue = catalogue
        self.thresholds = {t.id: t for t in book.thresholds}
        self.definitions = {d.id for d in book.definitions}
        self.nodes = 0

    def node(self, node: Node, path: str, depth: int) -> Iterator[Problem]:
        self.nodes += 1
        if depth > MAX_NODE_DEPTH:
            yield problem(path, "too_deep_criteria", limit=MAX_NODE_DEPTH)
            return
        match node:
            case AllNode() | AnyNode() | AtLeastNode():
                yield from self.group(node, path, depth)
            case NotNode():
                yield from self.node(node.of, f"{path}.of", depth + 1)
            case SomeNode():
                yield from self.node(node.test, f"{path}.test", depth + 1)
            case CompareNode() | PresentNode() | AbsentNode():
                yield from self.leaf(node, path)
            case CountNode():
                yield from self.count(node, path)
            case AspectsNode():
                yield from self.aspects(node, path)
            case RefNode():
                if node.criterion not in self.definitions:
                    yield problem(
                        f"{path}.criterion",
                        "unknown_criterion",
                        name=node.criterion,
                        suggestion=suggestion(node.criterion, self.definitions),
                    )
            case _:
                assert_never(node)

    def group(
        self, node: AllNode | AnyNode | AtLeastNode, path: str, depth: int
    ) -> Iterator[Problem]:
        if not node.of:
            yield problem(f"{path}.of", "needs_item")
        if isinstance(node, AtLeastNode) and not 1 <= node.k <= max(len(node.of), 1):
            yield problem(f"{path}.k", "k_range", n=len(node.of), k=node.k)
        for i, item in enumerate(node.of):
            yield from self.node(item, f"{path}.of[{i}]", depth + 1)

    def default(
        self, node: CompareNode | PresentNode | AbsentNode | CountNode, path: str
    ) -> Iterator[Problem]:
        if node.if_unknown not in (None, Outcome.PASS, Outcome.FAIL):
            yield problem(f"{path}.if_unknown", "if_unknown_choice")

    def leaf(self, node: CompareNode | PresentNode | AbsentNode, path: str) -> Iterator[Problem]:
        yield from self.default(node, path)
        name = node.indicator if isinstance(node, CompareNode) else node.fact
        field = "indicator" if isinstance(node, CompareNode) else "fact"
        spec = self.catalogue.get(name)
        if spec is None:
            yield problem(
                f"{path}.{field}",
                "unknown_indicator",
                name=name,
                suggestion=suggestion(name, self.catalogue),
            )
            return
        yield from self.args(path, spec, node.args)
        if isinstance(node, CompareNode):
            if spec.type is ValueType.BOOLEAN:
                yield problem(f"{path}.cmp", "fact_not_compared", name=name)
            yield from self.limit(node.threshold, node.value, path, unit=spec.unit, name=name)
        elif spec.type is not ValueType.BOOLEAN:
            yield problem(f"{path}.{field}", "not_a_fact", name=name, type=spec.type.value)

    def limit(
        self, threshold: str | None, value: object, path: str, *, unit: str, name: str
    ) -> Iterator[Problem]:
        """Exactly one of a threshold and a value; a threshold in the indicator's unit."""
        if (threshold is None) == (value is None):
            yield problem(path, "exactly_one_limit")
        if threshold is None:
            return
        found = self.thresholds.get(threshold)
        if found is None:
            yield problem(
                f"{path}.threshold",
                "unknown_threshold",
                name=threshold,
                suggestion=suggestion(threshold, self.thresholds),
            )
        elif found.unit != unit:
            yield problem(
                f"{path}.threshold",
                "unit_mismatch",
                threshold=found.id,
                unit=found.unit,
                name=name,
                other=unit,
            )

    def choices(self, param: str) -> tuple[str, ...]:
        """The values the rulebook itself allows for a parameter whose choices it decides."""
        aspects = self.book.aspects
        if param == "aspect":
            return DEFAULT_ASPECTS if aspects is None else tuple(a.id for a in aspects.aspects)
        if param == "step":
            return () if aspects is None else tuple(s.id for s in aspects.steps)
        return ()

    def args(self, path: str, spec: IndicatorSpec, args: Mapping[str, str]) -> Iterator[Problem]:
        params = {p.name: p for p in spec.params}
        for key, value in args.items():
            param = params.get(key)
            if param is None:
                yield problem(
                    f"{path}.args.{key}",
                    "no_parameter",
                    indicator=spec.name,
                    key=key,
                    suggestion=suggestion(key, params),
                )
                continue
            choices = param.choices or self.choices(key)
            if not choices:
                yield problem(f"{path}.args.{key}", "no_choice_declared", value=value)
            elif value not in choices:
                yield problem(
                    f"{path}.args.{key}", "not_a_choice", value=value, choices=", ".join(choices)
                )
        for name, param in params.items():
            if param.default is None and not param.optional and name not in args:
                yield problem(f"{path}.args", "needs_parameter", indicator=spec.name, name=name)

    def count(self, node: CountNode, path: str) -> Iterator[Problem]:
        yield from self.default(node, path)
        fields = COUNT_FIELDS[node.records.value]
        if node.value < 0:
            yield problem(f"{path}.value", "negative_count")
        for i, w in enumerate(node.where):
            where = f"{path}.where[{i}]"
            if w.field not in fields:
                yield problem(
                    f"{where}.field",
                    "unknown_field",
                    records=node.records.value,
                    field=w.field,
                    suggestion=suggestion(w.field, fields),
                )
                continue
            if sum(x is not None for x in (w.equals, w.one_of, w.within)) != 1:
                yield problem(where, "exactly_one_filter")
            kind = fields[w.field][0]
            if w.within is not None and kind not in ("date", "year"):
                yield problem(f"{where}.within", "within_not_date", field=w.field)
            if w.within is None and kind == "date":
                yield problem(f"{where}.field", "date_needs_within", field=w.field)

    def aspects(self, node: AspectsNode, path: str) -> Iterator[Problem]:
        aspect_set = self.book.aspects
        if aspect_set is None:
            yield problem(path, "aspects_need_set")
            return
        n = len(aspect_set.aspects)
        if not 1 <= node.k <= n:
            yield problem(f"{path}.k", "aspects_k_range", n=n, k=node.k)
        score = self.catalogue.get("aspect_score")
        unit = score.unit if score is not None else "points"
        yield from self.limit(node.threshold, node.value, path, unit=unit, name="aspect_score")
        steps = [s.id for s in aspect_set.steps]
        if node.step is not None and node.step not in steps:
            yield problem(
                f"{path}.step",
                "unknown_step",
                step=node.step,
                suggestion=suggestion(node.step, steps),
            )


def _aspect_set(book: Rulebook) -> Iterator[Problem]:
    if book.aspects is None:
        return
    if not book.aspects.aspects:
        yield problem("$.aspects.aspects", "aspect_set_empty")
    seen: dict[str, str] = {}
    for i, aspect in enumerate(book.aspects.aspects):
        for j, key in enumerate((aspect.id, *aspect.aliases)):
            where = f"$.aspects.aspects[{i}]" + (".id" if j == 0 else f".aliases[{j - 1}]")
            if key in seen:
                yield problem(where, "aspect_key_taken", key=key, aspect=seen[key])
            seen.setdefault(key, aspect.id)
    steps: set[str] = set()
    for i, step in enumerate(book.aspects.steps):
        if step.id in steps:
            yield problem(f"$.aspects.steps[{i}].id", "duplicate_id", got=step.id)
        steps.add(step.id)


def _thresholds(book: Rulebook) -> Iterator[Problem]:
    for i, t in enumerate(book.thresholds):
        days = [s.since for s in t.steps]
        if not days:
            yield problem(f"$.thresholds[{i}].steps", "threshold_no_steps")
        elif days != sorted(set(days)):
            yield problem(f"$.thresholds[{i}].steps", "threshold_steps_order")
        elif days[0] > book.valid_from:
            yield problem(
                f"$.thresholds[{i}].steps[0].since",
                "threshold_gap",
                first=days[0],
                start=book.valid_from,
            )


def _ids(book: Rulebook, located: list[tuple[str, Criterion]]) -> Iterator[Problem]:
    seen: dict[str, str] = {}
    for path, crit in located:
        if crit.id in seen:
            yield problem(f"{path}.id", "duplicate_id_at", got=crit.id, first=seen[crit.id])
        seen.setdefault(crit.id, path)
    groups: tuple[tuple[str, tuple[Threshold, ...] | tuple[Any, ...]], ...] = (
        ("thresholds", book.thresholds),
        ("targets", book.targets),
    )
    for kind, items in groups:
        ids: set[str] = set()
        for i, item in enumerate(items):
            if item.id in ids:
                yield problem(f"$.{kind}[{i}].id", "duplicate_id", got=item.id)
            ids.add(item.id)


def refs(node: Node) -> Iterator[str]:
    """The definitions *node* references, directly or through its inner nodes."""
    match node:
        case RefNode():
            yield node.criterion
        case AllNode() | AnyNode() | AtLeastNode():
            for item in node.of:
                yield from refs(item)
        case NotNode():
            yield from refs(node.of)
        case SomeNode():
            yield from refs(node.test)
        case CompareNode() | PresentNode() | AbsentNode() | CountNode() | AspectsNode():
            return
        case _:
            assert_never(node)


def _cycles(definitions: tuple[Criterion, ...]) -> Iterator[Problem]:
    graph = {d.id: set(refs(d.test)) for d in definitions}
    state: dict[str, int] = {}

    def visit(start: str) -> Iterator[list[str]]:
        # Depth-first with an explicit stack: a chain of references may be thousands long.
        state[start] = 1
        stack = [(start, iter(sorted(graph[start])))]
        while stack:
            name, successors = stack[-1]
            nxt = next(successors, None)
            if nxt is None:
                state[name] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                yield [*(n for n, _ in stack), nxt]
            elif nxt in graph and state.get(nxt) is None:
                state[nxt] = 1
                stack.append((nxt, iter(sorted(graph[nxt]))))

    for index, d in enumerate(definitions):
        if state.get(d.id) is None:
            for cycle in visit(d.id):
                loop = " → ".join(cycle[cycle.index(cycle[-1]) :])
                yield problem(f"$.definitions[{index}].test", "cyclic_reference", loop=loop)


def tree_depth(node: Node, depths: Mapping[str, int]) -> int:
    """The nesting depth of *node*, a ``ref`` counting as the definition it stands for."""
    match node:
        case AllNode() | AnyNode() | AtLeastNode():
            return 1 + max((tree_depth(item, depths) for item in node.of), default=0)
        case NotNode():
            return 1 + tree_depth(node.of, depths)
        case SomeNode():
            return 1 + tree_depth(node.test, depths)
        case AspectsNode():
            return 3  # all → at_least → compare
        case RefNode():
            return 1 + depths.get(node.criterion, 0)
        case CompareNode() | PresentNode() | AbsentNode() | CountNode():
            return 1
        case _:
            assert_never(node)


def _too_deep_through_refs(
    book: Rulebook, located: list[tuple[str, Criterion]]
) -> Iterator[Problem]:
    """Bound the nesting of criteria counting referenced definitions (needs acyclic refs).

    Evaluation recurses through the nesting, so a long chain of definitions each referencing
    the next would exhaust the stack although each definition is shallow.
    """
    by_id = {d.id: d for d in book.definitions}
    depths: dict[str, int] = {}
    for start in by_id:
        stack = [start]
        while stack:  # definitions first, the ones they reference before them (no recursion)
            name = stack[-1]
            pending = [r for r in refs(by_id[name].test) if r in by_id and r not in depths]
            if name in depths or not pending:
                depths.setdefault(name, tree_depth(by_id[name].test, depths))
                stack.pop()
            else:
                stack.extend(pending)
    sizes: dict[str, int] = {}
    for name in depths:  # in dependency order: what a definition references comes first
        sizes[name] = tree_size(by_id[name].test, sizes)
    total = 0
    for path, crit in located:
        if tree_depth(crit.test, depths) > MAX_DEPTH_THROUGH_REFS:
            yield problem(f"{path}.test", "too_deep_refs", limit=MAX_DEPTH_THROUGH_REFS)
        if not path.startswith("$.definitions"):  # a definition counts where it is used
            total += tree_size(crit.test, sizes)
    if total > MAX_EXPANDED_NODES:
        yield problem("$", "too_many_expanded_nodes", count=total, limit=MAX_EXPANDED_NODES)


def tree_size(node: Node, sizes: Mapping[str, int]) -> int:
    """The number of nodes of *node*, a ``ref`` counting the definition it stands for in full."""
    match node:
        case AllNode() | AnyNode() | AtLeastNode():
            return 1 + sum(tree_size(item, sizes) for item in node.of)
        case NotNode():
            return 1 + tree_size(node.of, sizes)
        case SomeNode():
            return 1 + tree_size(node.test, sizes)
        case RefNode():
            return 1 + sizes.get(node.criterion, 0)
        case AspectsNode():
            return 3  # as deep as all → at_least → compare; its width is the aspect set's
        case CompareNode() | PresentNode() | AbsentNode() | CountNode():
            return 1
        case _:
            assert_never(node)


def _placeholders(
    crit: Criterion, path: str, thresholds: Mapping[str, Threshold]
) -> Iterator[Problem]:
    """A ``{threshold:ID}`` in a criterion's message must name a threshold of the rulebook."""
    for lang, message in (("id", crit.message.id), ("en", crit.message.en)):
        for name in dict.fromkeys(PLACEHOLDER.findall(message)):
            if name not in thresholds:
                yield problem(
                    f"{path}.message.{lang}",
                    "unknown_threshold",
                    name=name,
                    suggestion=suggestion(name, thresholds),
                )


def check_rulebook(
    book: Rulebook, *, catalogue: Mapping[str, IndicatorSpec] = CATALOGUE
) -> Iterator[Problem]:
    """Yield every problem of a structurally valid rulebook (ids, references, types, order).

    Args:
        book: the rulebook.
        catalogue: the indicators its criteria may use (default: the built-in ones).
    """
    if book.schema != RULEBOOK_SCHEMA:
        yield problem(
            "$.schema", "schema_mismatch", expected=RULEBOOK_SCHEMA, got=repr(book.schema)
        )
    if book.valid_to is not None and book.valid_to <= book.valid_from:
        yield problem("$.valid_to", "valid_to_after", end=book.valid_to, start=book.valid_from)
    located = [(f"$.definitions[{i}]", c) for i, c in enumerate(book.definitions)]
    located += [
        (f"$.milestones[{i}].criteria[{j}]", c)
        for i, m in enumerate(book.milestones)
        for j, c in enumerate(m.criteria)
    ]
    yield from _ids(book, located)
    ranks = [m.id.rank for m in book.milestones]
    if ranks != sorted(set(ranks)):
        got = ", ".join(m.id.value for m in book.milestones)
        yield problem("$.milestones", "milestone_order", got=got)
    yield from _thresholds(book)
    yield from _aspect_set(book)
    checker = _Checker(book, catalogue)
    for path, crit in located:
        yield from checker.node(crit.test, f"{path}.test", 1)
        yield from _placeholders(crit, path, checker.thresholds)
    if checker.nodes > MAX_NODES:
        yield problem("$", "too_many_nodes", count=checker.nodes, limit=MAX_NODES)
    cycles = list(_cycles(book.definitions))
    yield from cycles
    if not cycles:
        yield from _too_deep_through_refs(book, located)
