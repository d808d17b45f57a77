"""Several rulebooks over time (the one in force for a date), and their differences."""

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping

import attrs

from sanitasi_core.exceptions import NoRulebookInForceError, RulebookError
from sanitasi_core.indicators import CATALOGUE, IndicatorSpec
from sanitasi_core.model import Dossier
from sanitasi_core.rules._check import problem
from sanitasi_core.rules._compiled import CompiledRulebook, no_rulebook_text
from sanitasi_core.rules._engine import rules_date
from sanitasi_core.rules._logic import Outcome
from sanitasi_core.rules.language import Rulebook
from sanitasi_core.rules.results import Decision, LevelChange

__all__ = ["RulebookSet", "diff_rulebooks"]

P = Outcome.PASS


class RulebookSet:
    """Rulebooks whose validity periods do not overlap; picks the one in force on a date.

    Args:
        rulebooks: the rulebooks.

    Raises:
        RulebookError: if two validity periods overlap.
    """

    def __init__(
        self,
        rulebooks: Iterable[Rulebook],
        *,
        catalogue: Mapping[str, IndicatorSpec] = CATALOGUE,
    ) -> None:
        books = sorted(rulebooks, key=lambda b: b.valid_from)
        problems = [
            problem(
                "$.valid_from", "rulebook_overlap", a=f"{a.id} {a.version}", b=f"{b.id} {b.version}"
            )
            for a, b in itertools.pairwise(books)
            if a.valid_to is None or a.valid_to > b.valid_from
        ]
        if problems:
            raise RulebookError(problems)
        self._books = tuple(books)
        self._catalogue = catalogue
        self._compiled: dict[int, CompiledRulebook] = {}

    @property
    def rulebooks(self) -> tuple[Rulebook, ...]:
        """The rulebooks, by start date."""
        return self._books

    def __repr__(self) -> str:
        def period(book: Rulebook) -> str:
            end = f" to {book.valid_to.isoformat()}" if book.valid_to else ""
            return f"{book.id} {book.version} (from {book.valid_from.isoformat()}{end})"

        return f"<RulebookSet: {', '.join(period(b) for b in self._books) or 'empty'}>"

    def in_force(self, day: dt.date) -> CompiledRulebook:
        """Return the compiled rulebook in force on *day*.

        Raises:
            NoRulebookInForceError: if none is.
        """
        for index, book in enumerate(self._books):
            if book.in_force(day):
                if index not in self._compiled:
                    self._compiled[index] = CompiledRulebook(book, catalogue=self._catalogue)
                return self._compiled[index]
        raise NoRulebookInForceError(no_rulebook_text(day, self._books))

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


def _applied(book: Rulebook, day: dt.date) -> Rulebook:
    """*book* in force on *day* and after (a "what if", whatever its validity says)."""
    return attrs.evolve(book, valid_from=min(book.valid_from, day), valid_to=None)


def diff_rulebooks(
    before: Rulebook,
    after: Rulebook,
    dossiers: Iterable[Dossier],
    *,
    as_of: dt.date,
    fiscal_year: int | None = None,
    catalogue: Mapping[str, IndicatorSpec] = CATALOGUE,
) -> list[LevelChange]:
    """List the districts whose level changes from *before* to *after*, and why.

    The rulebooks' validity is ignored: both are applied on *as_of*, as a "what if" comparison.
    A criterion is responsible when its outcome differs, or when it exists in only one rulebook
    and is not passing there.
    """
    day = rules_date(as_of, fiscal_year)
    a = CompiledRulebook(_applied(before, day), catalogue=catalogue)
    b = CompiledRulebook(_applied(after, day), catalogue=catalogue)
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
