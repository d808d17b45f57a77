"""The data of a batch: its decisions in order, its failures and the counts over them.

The runner that fills a batch, :class:`sanitasi_core.batch.Batch`, sits a layer above and
builds a :class:`BatchResult`; the renderers in this package read one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import NamedTuple

import attrs

from sanitasi_core._text import Lang, Text
from sanitasi_core.exceptions import Problem
from sanitasi_core.reports._words import LEVEL_KEYS
from sanitasi_core.rules import Decision

__all__ = ["BatchResult", "BatchSummary", "Failure", "failure_message", "failure_of", "summarise"]


class Failure(NamedTuple):
    """An input that could not be evaluated: where it came from, and why.

    Attributes:
        source: the file (or ``FILE:LINE``) of the input.
        message: every problem, one per line, in both languages.
        problems: the problems kept, each with its path and code (empty when the error had
            none of its own, e.g. a date with no rulebook in force: then *message* says why).
        omitted: how many more problems were found and not kept.
    """

    source: str
    message: Text
    problems: tuple[Problem, ...] = ()
    omitted: int = 0


@attrs.frozen(kw_only=True)
class BatchSummary:
    """Counts over a batch.

    Attributes:
        total: inputs seen (evaluated and invalid).
        evaluated: decisions made.
        invalid: inputs that could not be evaluated.
        levels: decisions by certain level, keyed ``none``, ``M1`` … ``M4`` (every key present).
        undecided: decisions whose possible level differs from the certain level.
    """

    total: int
    evaluated: int
    invalid: int
    levels: Mapping[str, int]
    undecided: int


def summarise(decisions: Sequence[Decision], failures: Sequence[Failure] = ()) -> BatchSummary:
    """Count *decisions* by certain level, the undecided ones, and the *failures*."""
    levels = dict.fromkeys(LEVEL_KEYS, 0)
    for decision in decisions:
        key = decision.certain_level.value if decision.certain_level else "none"
        levels[key] = levels.get(key, 0) + 1
    undecided = sum(1 for d in decisions if d.certain_level != d.possible_level)
    return BatchSummary(
        total=len(decisions) + len(failures),
        evaluated=len(decisions),
        invalid=len(failures),
        levels=levels,
        undecided=undecided,
    )


@attrs.frozen(kw_only=True)
class BatchResult:
    """Decisions of a batch in a deterministic order, with failures and summary counts.

    Attributes:
        as_of: the evaluation date of the batch.
        fiscal_year: the fiscal year assessed; ``None`` for the year of *as_of*.
        decisions: the decisions, sorted by region code, then source.
        sources: the source (file, or ``FILE:LINE``) of each decision, in the same order.
        failures: inputs that could not be evaluated, sorted by source.
        summary: the counts.
        lang: the language of :meth:`_repr_html_` (notebooks).
    """

    as_of: dt.date
    decisions: tuple[Decision, ...]
    sources: tuple[str, ...]
    failures: tuple[Failure, ...]
    summary: BatchSummary
    fiscal_year: int | None = None
    lang: Lang = "id"

    @property
    def year(self) -> int:
        """The fiscal year assessed: :attr:`fiscal_year`, or the year of :attr:`as_of`."""
        return self.as_of.year if self.fiscal_year is None else self.fiscal_year

    def _repr_html_(self) -> str:
        """Render the batch as rich HTML in Jupyter (the presentation lives in ``html``)."""
        from sanitasi_core.reports.html import batch_html  # noqa: PLC0415  # display only

        return batch_html(self, self.lang)


def failure_message(error: BaseException) -> Text:
    """Return the message of *error* in both languages (every problem, one per line)."""
    render = getattr(error, "render", None)
    if callable(render):
        return Text(id=str(render("id")) or "?", en=str(render("en")) or "?")
    text = getattr(error, "text", None)
    if isinstance(text, Text):
        return text
    shown = str(error) or type(error).__name__
    return Text(id=shown, en=shown)


def failure_of(source: str, error: BaseException) -> Failure:
    """Return the :class:`Failure` of the input *source* that raised *error*.

    An error that lists problems (a dossier, a rulebook) gives them with their paths; any other
    (no rulebook in force, an unknown region) becomes one problem at the whole input (path
    ``""``) with the code ``evaluation_error`` and the error's own message.
    """
    problems = getattr(error, "problems", None)
    omitted = getattr(error, "omitted", 0)
    message = failure_message(error)
    if isinstance(problems, tuple) and (problems or omitted):
        return Failure(source, message, problems, omitted)
    whole = Problem(path="", code="evaluation_error", text=message)
    return Failure(source, message, (whole,), 0)
