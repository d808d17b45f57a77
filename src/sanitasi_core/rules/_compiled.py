"""A compiled rulebook: checked once, its criteria compiled, evaluated many times.

:class:`CompiledRulebook` runs the explained path (:data:`~sanitasi_core.rules._engine.Evaluator`
closures, a decision that explains itself, its results shared between equal explanations) or the
outcome-only path (Python source generated from the rule tree by
:mod:`~sanitasi_core.rules._codegen`); both decide each node with the semantics of
:mod:`~sanitasi_core.rules._logic`, and property tests keep them equal to the reference closures
(:data:`~sanitasi_core.rules._engine.Decider`). It then reads the ladder (certain and possible
levels), the next milestone and what blocks it, and ranks the missing inputs.
"""

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Final

import attrs

from sanitasi_core._messages import text
from sanitasi_core._text import Lang, Text
from sanitasi_core.exceptions import NoRulebookInForceError, RulebookError
from sanitasi_core.indicators import CATALOGUE, Facts, IndicatorSpec
from sanitasi_core.indicators._history import m4_stage
from sanitasi_core.model import Dossier, Milestone
from sanitasi_core.rules._analyses import Targets, designation_check
from sanitasi_core.rules._check import check_rulebook
from sanitasi_core.rules._codegen import generate
from sanitasi_core.rules._engine import Compiler, Decider, Evaluator, rules_date
from sanitasi_core.rules._logic import Outcome, combine_all
from sanitasi_core.rules._sharing import Sharing
from sanitasi_core.rules.language import PLACEHOLDER, Rulebook, Severity, content_hash
from sanitasi_core.rules.results import (
    CriterionResult,
    Decision,
    MilestoneResult,
    MissingRank,
    RegionRef,
    RulebookInfo,
    _replaced,
)

__all__ = ["CompiledRulebook", "compile_rulebook", "no_rulebook_text"]

P, F, U, NA = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN, Outcome.NOT_APPLICABLE

_RANK: Final = {m: m.rank for m in Milestone}

_Ladder = tuple[
    tuple[MilestoneResult, ...],
    Milestone | None,
    Milestone | None,
    Milestone | None,
    tuple[str, ...],
    tuple[MissingRank, ...],
]
"""What follows from the milestone results: ``(results, certain, possible, next, blocking,
missing)``."""


class _Shared:
    """The memos of a compiled rulebook's own steps, beside its nodes' (same :class:`Sharing`).

    Each value holds the results whose ids key it, so no id is reused while its entry lives.
    """

    __slots__ = ("filled_results", "ladders", "messages", "milestones", "sharing", "targets")

    def __init__(self, sharing: Sharing, rulebook: Rulebook) -> None:
        self.sharing = sharing
        self.targets = Targets(rulebook.targets)
        self.milestones: dict[tuple[object, ...], MilestoneResult] = sharing.table()
        self.ladders: dict[tuple[int, ...], _Ladder] = sharing.table()
        self.messages: dict[tuple[str, dt.date], Text] = sharing.table()
        self.filled_results: dict[tuple[int, dt.date], tuple[CriterionResult, CriterionResult]] = (
            sharing.table()
        )

    def filled(self, result: CriterionResult, day: dt.date, rulebook: Rulebook) -> CriterionResult:
        """*result* with its message naming the thresholds' values in force on *day*."""
        key = (id(result), day)
        found = self.filled_results.get(key)
        if found is not None:
            return found[1]
        message = self.messages.get((result.id, day))
        if message is None:
            assert result.message is not None  # noqa: S101  # only templated messages come here
            message = rulebook.fill(result.message, day)
            self.sharing.keep(self.messages, (result.id, day), message)
        filled = _replaced(result, message=message, notes=result.notes)
        return self.sharing.keep(self.filled_results, key, (result, filled))[1]


@attrs.frozen(kw_only=True)
class _CompiledMilestone:
    id: Milestone
    per_fiscal_year: bool
    criteria: tuple[Evaluator, ...]
    fast: tuple[Decider, ...]
    blocking: tuple[bool, ...]

    def outcome(self, outcomes: Sequence[Outcome]) -> Outcome:
        """Combine the criteria's outcomes: advisory criteria never block."""
        return combine_all([o for o, b in zip(outcomes, self.blocking, strict=True) if b])


class CompiledRulebook:
    """A rulebook checked and compiled once; evaluate as many dossiers as you like.

    Args:
        rulebook: the rulebook (checked here: a rulebook built in Python gets the same checks
            as one read from a file).
        catalogue: the indicators its criteria may use (default: the built-in ones).

    Raises:
        RulebookError: listing every problem of the rulebook.
    """

    def __init__(
        self, rulebook: Rulebook, *, catalogue: Mapping[str, IndicatorSpec] = CATALOGUE
    ) -> None:
        problems = list(check_rulebook(rulebook, catalogue=catalogue))
        if problems:
            raise RulebookError(problems, rulebook.id)
        self.rulebook = rulebook
        self.catalogue = catalogue
        self.info = RulebookInfo(
            id=rulebook.id,
            version=rulebook.version,
            status=rulebook.status,
            hash=content_hash(rulebook),
        )
        self._aliases = rulebook.aspects.aliases() if rulebook.aspects is not None else {}
        # Criteria whose message names a threshold: filled with the value in force on evaluation.
        self._templated = frozenset(
            c.id
            for m in rulebook.milestones
            for c in m.criteria
            if PLACEHOLDER.search(c.message.id) or PLACEHOLDER.search(c.message.en)
        )
        compiler = Compiler(rulebook, catalogue)
        self._shared = _Shared(compiler.sharing, rulebook)  # shared across evaluations
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
        # The outcome-only path: generated source (the closures in ``fast`` stay the reference).
        self._generated = generate(rulebook, catalogue)

    def __repr__(self) -> str:
        return f"<CompiledRulebook of {repr(self.rulebook)[1:-1]}>"

    def explain(self, lang: Lang = "en") -> str:
        """Return the rulebook as the plain text ``sanitasi rulebook show`` prints."""
        return self.rulebook.explain(lang)

    def facts(self, dossier: Dossier, *, as_of: dt.date, fiscal_year: int | None = None) -> Facts:
        """Return the dossier seen on *as_of* for *fiscal_year*, with this rulebook's aspect set.

        Raises:
            NoRulebookInForceError: if the rulebook is not in force for that date and year.
            EvaluationError: if *fiscal_year* is after the year of *as_of*.
        """
        day = rules_date(as_of, fiscal_year)
        if not self.rulebook.in_force(day):
            raise NoRulebookInForceError(no_rulebook_text(day, [self.rulebook]))
        return Facts(
            dossier,
            as_of,
            fiscal_year=fiscal_year,
            aspect_aliases=self._aliases,
            catalogue=self.catalogue,
        )

    def _milestone(self, m: _CompiledMilestone, facts: Facts) -> MilestoneResult:
        shared = self._shared
        results = tuple([run(facts) for run in m.criteria])
        if self._templated:
            day = rules_date(facts.as_of, facts.year)
            results = tuple(
                [
                    shared.filled(r, day, self.rulebook)
                    if r.id in self._templated and r.message is not None
                    else r
                    for r in results
                ]
            )
        year = facts.year if m.per_fiscal_year else None
        key = (m.id, year, *map(id, results))  # the result holds its criteria: ids stay theirs
        found: MilestoneResult | None = shared.milestones.get(key)
        if found is not None:
            return found
        result = MilestoneResult(
            id=m.id,
            outcome=m.outcome([r.outcome for r in results]),
            criteria=results,
            fiscal_year=year,
        )
        return shared.sharing.keep(shared.milestones, key, result)

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
        results = tuple([self._milestone(m, facts) for m in self._milestones])
        shared = self._shared
        key = tuple(map(id, results))  # the entry holds the results: ids stay theirs
        ladder: _Ladder | None = shared.ladders.get(key)
        if ladder is None:
            certain, possible = _ladder_of({r.id: r.outcome for r in results})
            next_ms = _next(self.rulebook, certain)
            blocking: tuple[str, ...] = ()
            if next_ms is not None:
                res = next(r for r in results if r.id == next_ms)
                blocking = tuple(
                    c.id
                    for c in res.criteria
                    if c.outcome in (F, U) and c.severity is not Severity.ADVISORY
                )
            ladder = (results, certain, possible, next_ms, blocking, _rank_missing(results))
            shared.sharing.keep(shared.ladders, key, ladder)
        _, certain, possible, next_ms, blocking, missing = ladder
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
            missing=missing,
            designation_check=designation_check(facts, certain, possible),
            targets=shared.targets.distances(facts),
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

        The outcomes are those of :meth:`evaluate`: they come from Python source generated
        from the rule tree (only names and operators the library makes up; every rulebook value
        is a bound constant), decided with the same semantics, and property tests keep them
        equal.

        Raises:
            NoRulebookInForceError: if the rulebook is not in force for that date and year.
            EvaluationError: as :meth:`evaluate`.
        """
        facts = self.facts(dossier, as_of=as_of, fiscal_year=fiscal_year)
        return self._generated.outcomes(facts)

    def levels(
        self, dossier: Dossier, *, as_of: dt.date, fiscal_year: int | None = None
    ) -> tuple[Milestone | None, Milestone | None]:
        """Return ``(certain_level, possible_level)`` through the fast path.

        Milestones are decided in rank order up to the first that fails: nothing after it can
        change either level. Errors are those of :meth:`outcomes`.
        """
        facts = self.facts(dossier, as_of=as_of, fiscal_year=fiscal_year)
        return _ladder_of(self._generated.until_fail(facts))

    def _prepared_milestone(
        self, milestone: Milestone | str
    ) -> tuple[tuple[tuple[str, dict[str, str]], ...], Callable[..., Outcome]]:
        """``(keys, fn)``: *milestone*'s generated function on prepared observations.

        ``keys`` are the ``(indicator, args)`` pairs it reads, in order, and
        ``fn(*[facts.observe(name, args) for name, args in keys])`` returns the milestone's
        outcome: the very function :meth:`outcomes` calls (for benchmarks; private but stable).

        Raises:
            KeyError: if the rulebook has no such milestone.
            ValueError: if the milestone also reads the facts or dated thresholds (``ref``,
                ``some``, ``count`` or a dated ``compare``).
        """
        return self._generated.prepared(milestone)


def compile_rulebook(
    rulebook: Rulebook, *, catalogue: Mapping[str, IndicatorSpec] = CATALOGUE
) -> CompiledRulebook:
    """Check and compile *rulebook* once for many evaluations.

    Raises:
        RulebookError: listing every problem of the rulebook.
    """
    return CompiledRulebook(rulebook, catalogue=catalogue)


def no_rulebook_text(day: dt.date, books: Sequence[Rulebook]) -> Text:
    """Why nothing can be decided on *day*: the rulebooks available and their validity."""
    spans = ", ".join(f"{b.id} {b.version} [{b.valid_from}, {b.valid_to or '…'})" for b in books)
    return text("no_rulebook_in_force", day=day.isoformat(), spans=spans)


def _ladder_of(outcomes: Mapping[Milestone, Outcome]) -> tuple[Milestone | None, Milestone | None]:
    certain: Milestone | None = None
    possible: Milestone | None = None
    sure = maybe = True
    for ident in sorted(outcomes, key=_RANK.__getitem__):
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
        MissingRank(key=key, text=found, settles=len(ids), criteria=tuple(ids))
        for key, (found, ids) in ranked
    )
