"""The pieces of a batch the renderers read one at a time: entries, failures and counts.

Kept apart from :class:`~sanitasi_core.reports.summary.BatchResult` (which shows itself with the
renderers), so that the renderers can import these at run time without an import cycle.
Import them from :mod:`sanitasi_core.reports.summary` or :mod:`sanitasi_core.reports`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import NamedTuple

import attrs

from sanitasi_core._messages import render
from sanitasi_core._text import Lang, Text
from sanitasi_core.exceptions import Problem
from sanitasi_core.reports._words import LEVEL_KEYS, format_day, level_key_name
from sanitasi_core.rules import Decision

__all__ = [
    "BatchSummary",
    "Entry",
    "Failure",
    "batch_heading",
    "failure_message",
    "failure_of",
    "summarise",
    "summary_lines",
]


class Failure(NamedTuple):
    """An input that could not be evaluated: where it came from, and why.

    ``source`` is the file (or ``FILE:LINE``) of the input; ``message`` every problem, one per
    line, in both languages; ``problems`` the problems kept, each with its path and code (empty
    when the error had none of its own: then ``message`` says why); ``omitted`` how many more
    problems were found and not kept.
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

    total: int = 0
    evaluated: int = 0
    invalid: int = 0
    levels: Mapping[str, int] = attrs.field(factory=lambda: dict.fromkeys(LEVEL_KEYS, 0))
    undecided: int = 0

    def plus(self, item: Decision | Failure) -> BatchSummary:
        """Return the counts with *item* (a decision or a failure) added; ``self`` is unchanged.

        ``BatchSummary()`` is the empty batch, so a stream is counted in constant memory.
        """
        if isinstance(item, Failure):
            return attrs.evolve(self, total=self.total + 1, invalid=self.invalid + 1)
        key = item.certain_level.value if item.certain_level else "none"
        return attrs.evolve(
            self,
            total=self.total + 1,
            evaluated=self.evaluated + 1,
            levels={**self.levels, key: self.levels.get(key, 0) + 1},
            undecided=self.undecided + (item.certain_level != item.possible_level),
        )


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


class Entry(NamedTuple):
    """One input of a batch as the renderers read it.

    ``source`` is the file (or ``FILE:LINE``) of the input; ``result`` its decision, or the
    :class:`Failure` that says why there is none.
    """

    source: str
    result: Decision | Failure


def batch_heading(as_of: dt.date, year: int, lang: Lang) -> str:
    """The first line of a batch report: the evaluation date and the fiscal year."""
    return render("report_batch_head", lang, date=format_day(as_of, lang), year=year)


def summary_lines(summary: BatchSummary, lang: Lang) -> list[str]:
    """The counts of a batch, written at its end: inputs, levels, undecided, invalid."""
    levels = ", ".join(
        f"{level_key_name(key, lang)}: {summary.levels.get(key, 0)}" for key in reversed(LEVEL_KEYS)
    )
    return [
        render("report_summary_total", lang, count=summary.total),
        render("report_summary_levels", lang, levels=levels),
        render("report_summary_undecided", lang, count=summary.undecided),
        render("report_summary_invalid", lang, count=summary.invalid),
    ]


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
