"""The outcome-only path: a rulebook's criteria compiled to Python source, once.

Each milestone's blocking criteria become one generated function (so do each definition a
``ref`` names and each ``some`` test), leaves inlined: ``all`` returns at its first fail, ``any``
at its first pass, ``at_least`` counts, ``not`` swaps, *not applicable* stays neutral and an
``if_unknown`` default applies at its leaf. The outcomes are those of the closure compiler
(:meth:`~sanitasi_core.rules._engine.Compiler.fast`, the reference the property tests compare
with), node for node: a leaf decides a known value or a count's interval inline, anything else
(absent, unknown, N/A, an open-ended list) through the same :mod:`~sanitasi_core.rules._logic`
functions. Stopping early changes which leaves are decided, never an outcome; the one error a
leaf can raise (a dated threshold with no value on the day) is raised up front, exactly when and
as the closures would (:class:`_Thresholds`).

A milestone's function takes its leaves' observations as arguments (then the facts and the day's
thresholds, when it needs them): :meth:`GeneratedRulebook.prepared` hands it out with the
``(indicator, args)`` it reads, and :meth:`GeneratedRulebook.outcomes` calls the same function
with ``Facts.lookup`` results.

Nothing of the rulebook is ever compiled: the source holds only identifiers made here and
operator tokens of a closed table keyed by :class:`~sanitasi_core.rules._logic.Cmp`. Every value
(indicator keys, limits, defaults, record sets, helpers) is a global bound in the functions'
namespace, whose builtins are empty. The code is compiled under the file name
``<sanitasi rulebook sha256:…>``, registered in :mod:`linecache` so that tracebacks show it, and
memoized by the rulebook's content hash.
"""

import datetime as dt
import linecache
import threading
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from types import CodeType
from typing import Any, Final, assert_never

from sanitasi_core._messages import text
from sanitasi_core.exceptions import EvaluationError
from sanitasi_core.indicators import Facts, IndicatorSpec
from sanitasi_core.indicators._core import Key
from sanitasi_core.indicators._records import count_records
from sanitasi_core.model import Milestone
from sanitasi_core.rules._engine import rules_date
from sanitasi_core.rules._logic import Cmp, Outcome, decide_compare, decide_count
from sanitasi_core.rules._sinks import (
    NAMES,
    AtLeast,
    FirstDecides,
    Leave,
    Not,
    Return,
    Sink,
    block,
    indent,
)
from sanitasi_core.rules.language import (
    AbsentNode,
    AllNode,
    AnyNode,
    AspectsNode,
    AtLeastNode,
    CompareNode,
    CountNode,
    Node,
    NotNode,
    PresentNode,
    RefNode,
    Rulebook,
    Severity,
    SomeNode,
    Threshold,
    content_hash,
    expand_aspects,
)

__all__ = ["GeneratedRulebook", "Limits", "generate"]

P, F, U, NA = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN, Outcome.NOT_APPLICABLE

Limits = Mapping[str, Decimal | int]
"""The thresholds in force on a day, by id (an integral value as an ``int``: compares faster)."""

_OPERATORS: Final[Mapping[Cmp, str]] = {
    Cmp.GE: ">=",
    Cmp.GT: ">",
    Cmp.LE: "<=",
    Cmp.LT: "<",
    Cmp.EQ: "==",
    Cmp.NE: "!=",
}

_MAX_NESTING: Final = 10
"""Nested nodes generated inline before a subtree becomes a function of its own: CPython allows
20 nested loops (each inline group is one) and 100 indentation levels."""

_CODE_CAPACITY: Final = 64
"""Generated programs kept by content hash (the oldest is dropped first)."""
_DAYS_CAPACITY: Final = 512
"""Days whose thresholds a generated rulebook keeps (emptied when full)."""

# A pure memo of a pure function (rulebook content -> source -> code object): sharing it between
# threads changes nothing but time. The lock keeps the eviction from racing with an insert.
_CODE: dict[str, tuple[str, CodeType]] = {}
_CODE_LOCK: Final = threading.Lock()


def _fast(value: Decimal) -> Decimal | int:
    """*value* as an ``int`` when it is a modest integer: compares exactly, and faster."""
    if value.is_finite() and value.adjusted() < 30 and value == value.to_integral_value():
        return int(value)
    return value


# -- units: generated functions ----------------------------------------------------------------


class _Inputs:
    """The observations a root function and its split parts take, one variable per memo key."""

    def __init__(self) -> None:
        self.names: dict[Key, str] = {}
        self.lookups: dict[str, tuple[Key, str, dict[str, str]]] = {}

    def var(self, key: Key, name: str, args: dict[str, str]) -> str:
        found = self.names.get(key)
        if found is None:
            found = self.names[key] = f"o{len(self.names) + 1}"
            self.lookups[found] = (key, name, args)
        return found


class _Unit:
    """One generated function: its observations (in order of first use), facts, limits."""

    def __init__(self, name: str, inputs: _Inputs) -> None:
        self.name = name
        self.inputs = inputs
        self.used: dict[str, None] = {}
        self.needs_facts = False
        self.needs_limits = False
        self._count = 0

    def tmp(self, prefix: str) -> str:
        self._count += 1
        return f"{prefix}{self._count}"

    def observe(self, key: Key, name: str, args: dict[str, str]) -> str:
        found = self.inputs.var(key, name, args)
        self.used[found] = None
        return found

    def takes(self, part: "_Unit") -> str:
        """Use *part* (a split subtree): take what it takes; return the call's arguments."""
        self.used.update(part.used)
        self.needs_facts |= part.needs_facts
        self.needs_limits |= part.needs_limits
        return part.params()

    def params(self) -> str:
        extra = (["f"] if self.needs_facts else []) + (["T"] if self.needs_limits else [])
        return ", ".join([*self.used, *extra])


class _ThresholdOrder:
    """The thresholds in the order the closures meet them, outside ``some`` and anywhere.

    An evaluation by closures decides every leaf of every criterion in order, and a ``some``
    test only when the dossier has a service model: the first threshold met with no value on
    the day is the error raised. The generated code skips leaves, so it raises up front.
    """

    def __init__(self, rulebook: Rulebook) -> None:
        self.rulebook = rulebook
        self.definitions = {d.id: d for d in rulebook.definitions}
        self.anywhere: dict[str, None] = {}
        self.outside: dict[str, None] = {}
        self._visited: set[tuple[str, bool]] = set()
        for milestone in rulebook.milestones:
            for crit in milestone.criteria:
                self.walk(crit.test, inside=False)

    def walk(self, node: Node, *, inside: bool) -> None:
        match node:
            case AllNode() | AnyNode() | AtLeastNode():
                for item in node.of:
                    self.walk(item, inside=inside)
            case NotNode():
                self.walk(node.of, inside=inside)
            case RefNode():
                # A definition is decided once per facts: met again, it adds nothing new.
                if (node.criterion, inside) not in self._visited:
                    self._visited.add((node.criterion, inside))
                    self.walk(self.definitions[node.criterion].test, inside=inside)
            case SomeNode():
                self.walk(node.test, inside=True)
            case AspectsNode():
                assert self.rulebook.aspects is not None  # noqa: S101  # checked beforehand
                self.walk(expand_aspects(node, self.rulebook.aspects), inside=inside)
            case CompareNode():
                if node.threshold is not None:
                    self.anywhere.setdefault(node.threshold)
                    if not inside:
                        self.outside.setdefault(node.threshold)
            case PresentNode() | AbsentNode() | CountNode():
                pass
            case _:
                assert_never(node)


class _Thresholds:
    """The thresholds in force on each day (cached), and the error the closures would raise."""

    def __init__(self, thresholds: Sequence[Threshold], order: _ThresholdOrder) -> None:
        self._series = tuple(thresholds)
        self._anywhere = tuple(order.anywhere)
        self._outside = tuple(order.outside)
        # A pure memo (day -> values in force): emptied when full, a lost insert costs time only.
        self._days: dict[dt.date, tuple[Limits, tuple[str, ...], tuple[str, ...]]] = {}

    def on(self, day: dt.date) -> tuple[Limits, tuple[str, ...], tuple[str, ...]]:
        """``(values in force, used ones without a value, those used outside some)``."""
        found = self._days.get(day)
        if found is None:
            table: dict[str, Decimal | int] = {}
            for series in self._series:
                step = series.value_on(day)
                if step is not None:
                    table[series.id] = _fast(step.value)
            found = (
                table,
                tuple(i for i in self._anywhere if i not in table),
                tuple(i for i in self._outside if i not in table),
            )
            if len(self._days) >= _DAYS_CAPACITY:
                self._days.clear()
            self._days[day] = found
        return found

    def checked(self, facts: Facts) -> Limits:
        """The values in force for *facts*; raise as the closures would for a missing one.

        Raises:
            EvaluationError: if a threshold the evaluation would use has no value on the day.
        """
        day = rules_date(facts.as_of, facts.year)
        table, anywhere, outside = self.on(day)
        if anywhere:
            missing = anywhere if facts.seen.service_models else outside
            if missing:
                raise EvaluationError(
                    text("threshold_no_value", id=missing[0], day=day.isoformat())
                )
        return table

    def of(self, facts: Facts) -> Limits:
        """The values in force for *facts* (already checked)."""
        return self.on(rules_date(facts.as_of, facts.year))[0]


# -- the generator -----------------------------------------------------------------------------


class _Generator:
    """Walks a checked rulebook once: the source text, and the values its names stand for."""

    def __init__(
        self, rulebook: Rulebook, catalogue: Mapping[str, IndicatorSpec], limits: _Thresholds
    ) -> None:
        self.rulebook = rulebook
        self.catalogue = catalogue
        self.definitions = {d.id: d for d in rulebook.definitions}
        self.namespace: dict[str, Any] = {
            "__builtins__": {},
            "P": P,
            "F": F,
            "U": U,
            "NA": NA,
            "ZERO": 0,
            "ONE": 1,
            "BOOL": bool,
            "DECIDE_COMPARE": decide_compare,
            "DECIDE_COUNT": decide_count,
            "COUNT_RECORDS": count_records,
            "LIMITS_OF": limits.of,
        }
        self.chunks: list[str] = []
        self.refs: dict[str, str] = {}
        self._count = 0

    def fresh(self, prefix: str) -> str:
        self._count += 1
        return f"{prefix}{self._count}"

    def bind(self, value: object) -> str:
        """A global name standing for *value*: no value of the rulebook enters the source."""
        name = self.fresh("G")
        self.namespace[name] = value
        return name

    # -- functions

    def root(self, node: Node | None, items: Sequence[Node] = ()) -> _Unit:
        """Generate the function of *node* (or of ``all`` over *items*) and its facts wrapper."""
        unit = _Unit(self.fresh("unit"), _Inputs())
        if node is None:
            body = self.group(unit, items, "all", None, Return(), 0)
        else:
            body = self.node(unit, node, Return(), 0)
        self.define(unit, body)
        self.wrap(unit)
        return unit

    def define(self, unit: _Unit, body: list[str]) -> None:
        self.chunks.append("\n".join([f"def {unit.name}({unit.params()}):", *block(body)]))

    def wrap(self, unit: _Unit) -> None:
        """``wrap<n>(f, T)``: the unit called with the facts' observations."""
        lines = [f"def wrap{unit.name}(f, T):"]
        args = []
        for var in unit.used:
            key, name, params = unit.inputs.lookups[var]
            args.append(f"lookup({self.bind(key)}, {self.bind(name)}, {self.bind(params)})")
        if args:
            lines.append("    lookup = f.lookup")
        extra = (["f"] if unit.needs_facts else []) + (["T"] if unit.needs_limits else [])
        lines.append(f"    return {unit.name}({', '.join([*args, *extra])})")
        self.chunks.append("\n".join(lines))

    def split(self, unit: _Unit, node: Node, sink: Sink) -> list[str]:
        """A subtree too deep to nest inline: a function of its own, on the same observations."""
        part = _Unit(self.fresh("unit"), unit.inputs)
        self.define(part, self.node(part, node, Return(), 0))
        out = unit.tmp("a")
        return [f"{out} = {part.name}({unit.takes(part)})", *sink.var(out)]

    def ref(self, name: str) -> str:
        """``ref<n>(f)``: the definition's outcome (memoized per facts by ``Facts.shared``)."""
        if name not in self.refs:
            unit = self.root(self.definitions[name].test)
            limits = "LIMITS_OF(f)" if unit.needs_limits else "None"
            func = self.fresh("ref")
            self.chunks.append(f"def {func}(f):\n    return wrap{unit.name}(f, {limits})")
            self.refs[name] = func
        return self.refs[name]

    def some(self, node: SomeNode) -> tuple[str, bool]:
        """``some<n>(f, T)``: like ``any`` over the models, each alone; no model fails."""
        unit = self.root(node.test)
        func = self.fresh("some")
        self.chunks.append(
            "\n".join(
                [
                    f"def {func}(f, T):",
                    "    models = f.seen.service_models",
                    "    if models is None:",
                    "        return U",
                    "    if not models:",
                    "        return F",
                    "    x = NA",
                    "    for item in models:",
                    f"        a = wrap{unit.name}(f.scoped(item.index), T)",
                    "        if a is P:",
                    "            return P",
                    "        if a is U:",
                    "            x = U",
                    "        elif a is F and x is NA:",
                    "            x = F",
                    "    return x",
                ]
            )
        )
        return func, unit.needs_limits

    # -- nodes

    def node(self, unit: _Unit, node: Node, sink: Sink, depth: int) -> list[str]:
        """Lines deciding *node* and handing its outcome to *sink*."""
        if depth >= _MAX_NESTING and isinstance(node, AllNode | AnyNode | AtLeastNode | NotNode):
            return self.split(unit, node, sink)
        match node:
            case AllNode():
                return self.group(unit, node.of, "all", None, sink, depth)
            case AnyNode():
                return self.group(unit, node.of, "any", None, sink, depth)
            case AtLeastNode():
                return self.group(unit, node.of, "at_least", node.k, sink, depth)
            case NotNode():
                return self.node(unit, node.of, Not(sink), depth + 1)
            case RefNode():
                unit.needs_facts = True
                out, key = unit.tmp("a"), self.bind(("outcome", node.criterion))
                return [f"{out} = f.shared({key}, {self.ref(node.criterion)})", *sink.var(out)]
            case SomeNode():
                func, needs_limits = self.some(node)
                unit.needs_facts = True
                unit.needs_limits |= needs_limits
                out = unit.tmp("a")
                limits = "T" if needs_limits else "None"
                return [f"{out} = {func}(f, {limits})", *sink.var(out)]
            case AspectsNode():
                assert self.rulebook.aspects is not None  # noqa: S101  # checked beforehand
                return self.node(unit, expand_aspects(node, self.rulebook.aspects), sink, depth)
            case CompareNode():
                return self.compare(unit, node, sink)
            case PresentNode() | AbsentNode():
                return self.present(unit, node, sink)
            case CountNode():
                return self.count(unit, node, sink)
            case _:
                assert_never(node)

    def group(
        self,
        unit: _Unit,
        items: Sequence[Node],
        op: str,
        k: int | None,
        sink: Sink,
        depth: int,
    ) -> list[str]:
        x = unit.tmp("x")
        if sink.terminal:  # leave the function at the first decisive item
            leave: Leave = sink.const
        else:  # leave the group's loop

            def leave(outcome: Outcome) -> list[str]:
                return [f"{x} = {NAMES[outcome]}", "break"]

        acc: FirstDecides | AtLeast
        if op == "all":
            acc = FirstDecides(x, leave, F)
        elif op == "any":
            acc = FirstDecides(x, leave, P)
        else:
            counters = (unit.tmp("p"), unit.tmp("q"), unit.tmp("n"))
            acc = AtLeast(x, leave, self.bind(k), counters)
        body = [line for item in items for line in self.node(unit, item, acc, depth + 1)]
        if sink.terminal:
            return [*acc.start(), *body, *acc.end(), *sink.var(x)]
        loop = ["while True:", *block([*body, *acc.end(), "break"])]
        return [*acc.start(), *loop, *sink.var(x)]

    def _default(self, out: str, default: Outcome | None) -> list[str]:
        if default is None:
            return []
        return [f"if {out} is U:", f"    {out} = {NAMES[default]}"]

    def compare(self, unit: _Unit, node: CompareNode, sink: Sink) -> list[str]:
        spec = self.catalogue[node.indicator]
        args = dict(node.args)
        obs = unit.observe(Facts.key(spec.name, args), spec.name, args)
        if node.threshold is not None:
            unit.needs_limits = True
            limit = f"T[{self.bind(node.threshold)}]"
        else:
            assert node.value is not None  # noqa: S101  # check_rulebook: one of the two
            limit = self.bind(_fast(node.value))
        value, upper, out = unit.tmp("v"), unit.tmp("h"), unit.tmp("a")
        op = _OPERATORS[node.cmp]
        slow = [  # absent, unknown, N/A, open-ended: as the closures decide it
            f"{out} = DECIDE_COMPARE({obs}, {self.bind(node.cmp)}, {limit})",
            *self._default(out, node.if_unknown),
            *sink.var(out),
        ]
        unusual = (
            f"{value} is None or {value}.__class__ is BOOL or {obs}.not_applicable"
            f" or {obs}.absent or {obs}.open_ended"
        )
        unknown = sink.const(node.if_unknown or U)
        if node.cmp in (Cmp.EQ, Cmp.NE):  # an interval is decided by the closures too
            return [
                f"{value} = {obs}.value",
                f"{upper} = {obs}.upper",
                f"if {unusual} or ({upper} is not None and {upper} != {value}):",
                *block(slow),
                f"elif {value} {op} {limit}:",
                *block(sink.const(P)),
                "else:",
                *block(sink.const(F)),
            ]
        # A known value, or a count within [value, upper]: an order holds for every count
        # iff it holds at both ends, for none iff at neither (interval_outcome).
        return [
            f"{value} = {obs}.value",
            f"if {unusual}:",
            *block(slow),
            f"elif {value} {op} {limit}:",
            f"    {upper} = {obs}.upper",
            f"    if {upper} is None or {upper} {op} {limit}:",
            *indent(block(sink.const(P))),
            "    else:",
            *indent(block(unknown)),
            "else:",
            f"    {upper} = {obs}.upper",
            f"    if {upper} is None or not {upper} {op} {limit}:",
            *indent(block(sink.const(F))),
            "    else:",
            *indent(block(unknown)),
        ]

    def present(self, unit: _Unit, node: PresentNode | AbsentNode, sink: Sink) -> list[str]:
        spec = self.catalogue[node.fact]
        args = dict(node.args)
        obs = unit.observe(Facts.key(spec.name, args), spec.name, args)
        yes, no = (P, F) if isinstance(node, PresentNode) else (F, P)
        value = unit.tmp("v")
        return [  # as decide_present: N/A, then absent (false), unknown, the flag
            f"if {obs}.not_applicable:",
            *block(sink.const(NA)),
            f"elif {obs}.absent:",
            *block(sink.const(no)),
            "else:",
            f"    {value} = {obs}.value",
            f"    if {value} is None:",
            *indent(block(sink.const(node.if_unknown or U))),
            f"    elif {value}:",
            *indent(block(sink.const(yes))),
            "    else:",
            *indent(block(sink.const(no))),
        ]

    def count(self, unit: _Unit, node: CountNode, sink: Sink) -> list[str]:
        unit.needs_facts = True
        low, high, missing, out = unit.tmp("lo"), unit.tmp("hi"), unit.tmp("ms"), unit.tmp("a")
        records, where = self.bind(node.records), self.bind(node.where)
        cmp, wanted = self.bind(node.cmp), self.bind(node.value)
        return [
            f"{low}, {high}, {missing} = COUNT_RECORDS(f, {records}, {where})",
            f"{out} = DECIDE_COUNT({low}, {high}, {cmp}, {wanted})",
            *self._default(out, node.if_unknown),
            *sink.var(out),
        ]


# -- the result --------------------------------------------------------------------------------

MilestoneRun = Callable[[Facts, Limits], Outcome]


class GeneratedRulebook:
    """A rulebook's outcome-only path as generated functions (see :func:`generate`).

    Attributes:
        source: the generated source text.
        code: its code object (shared by every rulebook of the same content hash).
        filename: the name tracebacks show, ``<sanitasi rulebook sha256:…>``.
    """

    __slots__ = ("_limits", "_prepared", "_ranked", "_runs", "code", "filename", "source")

    def __init__(
        self,
        *,
        source: str,
        code: CodeType,
        filename: str,
        runs: Sequence[tuple[Milestone, MilestoneRun]],
        prepared: Mapping[Milestone, tuple[tuple[tuple[str, dict[str, str]], ...], _Unit]],
        namespace: Mapping[str, Any],
        limits: _Thresholds,
    ) -> None:
        self.source = source
        self.code = code
        self.filename = filename
        self._runs = tuple(runs)
        self._ranked = tuple(sorted(runs, key=lambda r: r[0].rank))
        self._limits = limits
        self._prepared = {
            ident: (keys, namespace[unit.name], unit.needs_facts or unit.needs_limits)
            for ident, (keys, unit) in prepared.items()
        }

    def outcomes(self, facts: Facts) -> dict[Milestone, Outcome]:
        """Each milestone's outcome, in the rulebook's order.

        Raises:
            EvaluationError: if a threshold has no value on the rules' day (as the closures).
        """
        limits = self._limits.checked(facts)
        return {ident: run(facts, limits) for ident, run in self._runs}

    def until_fail(self, facts: Facts) -> dict[Milestone, Outcome]:
        """The outcomes in rank order up to the first fail: what the ladder needs.

        Raises:
            EvaluationError: as :meth:`outcomes` (whatever milestones it skips).
        """
        limits = self._limits.checked(facts)
        found: dict[Milestone, Outcome] = {}
        for ident, run in self._ranked:
            outcome = found[ident] = run(facts, limits)
            if outcome is F:
                break
        return found

    def prepared(
        self, milestone: Milestone | str
    ) -> tuple[tuple[tuple[str, dict[str, str]], ...], Callable[..., Outcome]]:
        """``(keys, fn)``: the generated function of *milestone* on its observations.

        ``keys`` are the ``(indicator, args)`` it reads, in order; ``fn(*observations)``, each
        from ``facts.observe(indicator, args)``, returns the milestone's outcome. This is the
        very function :meth:`outcomes` calls.

        Raises:
            KeyError: if the rulebook has no such milestone.
            ValueError: if the milestone also reads the facts or dated thresholds (a ``ref``,
                ``some``, ``count`` or dated ``compare``): its function takes more.
        """
        keys, func, more = self._prepared[Milestone(milestone)]
        if more:
            raise ValueError(f"milestone {milestone} reads more than its observations")
        return keys, func


def generate(rulebook: Rulebook, catalogue: Mapping[str, IndicatorSpec]) -> GeneratedRulebook:
    """Generate, compile and load the outcome-only functions of a *checked* rulebook.

    The code object is memoized by the rulebook's content hash; the values its names stand for
    are bound afresh (they come from this rulebook and *catalogue*).
    """
    limits = _Thresholds(rulebook.thresholds, _ThresholdOrder(rulebook))
    gen = _Generator(rulebook, catalogue, limits)
    units: list[tuple[Milestone, _Unit]] = []
    for milestone in rulebook.milestones:
        blocking = [c.test for c in milestone.criteria if c.severity is Severity.BLOCKING]
        units.append((milestone.id, gen.root(None, blocking)))
    source = "\n\n\n".join(gen.chunks) + "\n"
    digest = content_hash(rulebook)
    filename = f"<sanitasi rulebook {digest}>"
    code = _code(digest, source, filename)
    namespace = gen.namespace
    exec(code, namespace)  # noqa: S102  # our own source: identifiers and operators only
    prepared = {
        ident: (tuple(_key_of(unit.inputs.lookups[v]) for v in unit.used), unit)
        for ident, unit in units
    }
    return GeneratedRulebook(
        source=source,
        code=code,
        filename=filename,
        runs=[(ident, namespace[f"wrap{unit.name}"]) for ident, unit in units],
        prepared=prepared,
        namespace=namespace,
        limits=limits,
    )


def _key_of(lookup: tuple[Key, str, dict[str, str]]) -> tuple[str, dict[str, str]]:
    """``(indicator, args)`` of a lookup, the arguments copied: the generated code keeps its own."""
    return lookup[1], dict(lookup[2])


def _code(digest: str, source: str, filename: str) -> CodeType:
    """The code of *source*, compiled once per content hash; its lines shown in tracebacks."""
    with _CODE_LOCK:
        found = _CODE.get(digest)
    if found is None or found[0] != source:
        found = (source, compile(source, filename, "exec"))
        with _CODE_LOCK:
            while len(_CODE) >= _CODE_CAPACITY:
                oldest = next(iter(_CODE))
                del _CODE[oldest]
                linecache.cache.pop(f"<sanitasi rulebook {oldest}>", None)
            _CODE[digest] = found
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
    return found[1]
