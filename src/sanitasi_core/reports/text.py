"""Plain-text reports of a decision and of a batch, optionally coloured for a terminal.

Every text from data (names, codes, ids, messages, sources) is passed through
:func:`~sanitasi_core.reports._words.visible`, so it cannot hold a control character; the only
ones written are the report's own line breaks and, with ``color=True``, its own ANSI colours.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Final

from sanitasi_core._messages import render
from sanitasi_core._text import Lang
from sanitasi_core.model import Milestone
from sanitasi_core.reports._batch import (
    BatchSummary,
    Entry,
    Failure,
    batch_heading,
    summary_lines,
)
from sanitasi_core.reports._words import (
    MARKS,
    criterion_message,
    format_day,
    gap_text,
    level_name,
    levels_line,
    milestone_head,
    notes_of,
    programme_line,
    rulebook_line,
    target_line,
    value_text,
    visible,
)
from sanitasi_core.rules import Decision, Outcome, Severity

if TYPE_CHECKING:
    # For annotations only: BatchResult shows itself with this module.
    from sanitasi_core.reports.summary import BatchResult

__all__ = ["batch_text", "decision_text", "stream_batch_text"]

_ANSI: Final[Mapping[Outcome, str]] = {
    Outcome.PASS: "\x1b[32m",
    Outcome.FAIL: "\x1b[31m",
    Outcome.UNKNOWN: "\x1b[33m",
    Outcome.NOT_APPLICABLE: "\x1b[2m",
}
_RESET: Final = "\x1b[0m"
_BOLD: Final = "\x1b[1m"


def _mark(outcome: Outcome, *, color: bool = False) -> str:
    mark = MARKS[outcome]
    return f"{_ANSI[outcome]}{mark}{_RESET}" if color else mark


def _ladder(decision: Decision, *, color: bool = False) -> str:
    return "  ".join(f"{_mark(m.outcome, color=color)} {m.id}" for m in decision.milestones)


def decision_text(decision: Decision, lang: Lang = "id", *, color: bool = False) -> str:
    """Return a plain-text report of *decision*, with an at-a-glance ladder.

    Args:
        decision: the decision.
        lang: ``id`` or ``en``.
        color: mark outcomes with ANSI colours (only for a terminal that wants them).
    """
    bold = (lambda s: f"{_BOLD}{s}{_RESET}") if color else (lambda s: s)
    # Lines are made visible() as they are written, before any colour of ours is added.
    lines = [
        bold(visible(f"{decision.region.name} ({decision.region.code})")),
        visible(render("report_as_of", lang, date=format_day(decision.as_of, lang))),
        visible(programme_line(decision, lang)),
        visible(rulebook_line(decision, lang)),
        visible(levels_line(decision, lang)),
        f"{render('report_ladder', lang)}: {_ladder(decision, color=color)}",
    ]
    for milestone in decision.milestones:
        lines.append("")
        head = visible(milestone_head(milestone, lang))
        lines.append(f"{_mark(milestone.outcome, color=color)} {head}")
        for crit in milestone.criteria:
            mark = _mark(crit.outcome, color=color)
            line = visible(f"{crit.id}: {criterion_message(crit, lang)}")
            if crit.severity is Severity.ADVISORY:
                line += f" ({render('report_advisory', lang)})"
            shown = [value_text(crit.observed, crit.unit, lang)]
            if crit.threshold is not None:
                threshold = value_text(crit.threshold, crit.unit, lang)
                shown.append(f"{render('report_col_threshold', lang).lower()} {threshold}")
            shown = [s for s in shown if s]
            if shown:
                line += visible(f" [{'; '.join(shown)}]")
            lines.append(f"    {mark} {line}")
            tail = []
            gap = gap_text(crit, lang)
            if gap:
                tail.append(f"        → {gap}")
            if crit.defaulted:
                tail.append(f"        ({render('report_defaulted', lang)})")
            tail.extend(f"        · {note}" for note in notes_of(crit, lang))
            if crit.reference is not None and crit.reference.assumption is not None:
                why = crit.reference.assumption.get(lang)
                tail.append(f"        ({render('report_reference_assumption', lang, why=why)})")
            lines.extend(visible(t) for t in tail)
    lines.append("")
    # From here on no line is coloured.
    rest = []
    if decision.blocking and decision.next_milestone is not None:
        rest.append(
            render(
                "report_blocking",
                lang,
                milestone=decision.next_milestone.value,
                criteria=", ".join(decision.blocking),
            )
        )
    if decision.missing:
        rest.append(render("report_missing_head", lang))
        rest.extend(
            "  - " + render("report_missing_item", lang, what=m.text, key=m.key, count=m.settles)
            for m in decision.missing
        )
    rest.append(render("report_designation", lang, text=decision.designation_check.text))
    if decision.targets:
        rest.append(render("report_targets_head", lang))
        rest.extend(f"  - {target_line(t, lang)}" for t in decision.targets)
    lines.extend(visible(line) for line in rest)
    return "\n".join(lines)


def _level_width(lang: Lang) -> int:
    head = render("report_col_certain", lang), render("report_col_possible", lang)
    return max(len(head[0]), len(head[1]), 9)


def _overview_head(lang: Lang) -> str:
    """The header of the one-line-per-district table."""
    width = _level_width(lang)
    return (
        f"{render('report_col_region_code', lang):<8}{render('report_ladder', lang):<24}"
        f"{render('report_col_certain', lang):<{width + 2}}"
        f"{render('report_col_possible', lang):<{width + 2}}"
        + render("report_col_region_name", lang)
    )


def _overview_row(decision: Decision, lang: Lang, *, color: bool) -> str:
    """One line of a district: code, ladder, certain and possible level, name."""
    width = _level_width(lang)
    code, name = visible(decision.region.code), visible(decision.region.name)
    ladder = _ladder(decision, color=color)
    # Pad by the width of the ladder without its colour codes.
    pad = 24 - len(_ladder(decision))
    certain = level_name(decision.certain_level, lang)
    if decision.m4_year and decision.certain_level is Milestone.M4:
        certain += f" ({decision.m4_year})"
    return (
        f"{code:<8}{ladder}{' ' * max(pad, 1)}"
        f"{certain:<{width + 2}}{level_name(decision.possible_level, lang):<{width + 2}}"
        f"{name}"
    )


def _failure_row(failure: Failure, lang: Lang) -> str:
    """The line of an input that could not be evaluated, in the districts' table."""
    return f"{'':<8}{render('report_failure_row', lang, source=visible(failure.source))}"


def _failure_block(failure: Failure, lang: Lang) -> str:
    """An input that could not be evaluated, with its problems (``--detail``)."""
    lines = [_failure_row(failure, lang).strip()]
    lines.extend(f"  {visible(line)}" for line in failure.message.get(lang).splitlines())
    return "\n".join(lines)


def stream_batch_text(
    entries: Iterable[Entry],
    *,
    as_of: dt.date,
    fiscal_year: int | None = None,
    lang: Lang = "id",
    color: bool = False,
    detail: bool = False,
) -> Iterator[str]:
    """Yield a plain-text batch report piece by piece, reading *entries* one at a time.

    The report is a heading (date, fiscal year), one line per entry in the order given (a
    district, or an input that could not be evaluated), then the counts; with *detail*, the
    full report of each district (and the problems of each failure) in place of its line. Only
    the counts are kept between entries, so memory does not grow with the batch.

    Args:
        entries: the inputs, each a decision or a failure with its source.
        as_of: the evaluation date.
        fiscal_year: the fiscal year assessed; ``None`` for the year of *as_of*.
        lang: ``id`` or ``en``.
        color: mark outcomes with ANSI colours.
        detail: the full report of every district instead of its line.

    Yields:
        Pieces of text; joined, they are the report (ending with a line break).
    """
    year = as_of.year if fiscal_year is None else fiscal_year
    yield visible(batch_heading(as_of, year, lang)) + "\n"
    summary = BatchSummary()
    for entry in entries:
        item = entry.result
        if detail:
            block = (
                _failure_block(item, lang)
                if isinstance(item, Failure)
                else decision_text(item, lang, color=color)
            )
            yield f"\n{block}\n"
        else:
            if not summary.total:
                yield "\n" + _overview_head(lang) + "\n"
            row = (
                _failure_row(item, lang)
                if isinstance(item, Failure)
                else _overview_row(item, lang, color=color)
            )
            yield row + "\n"
        summary = summary.plus(item)
    yield "\n" + "\n".join(visible(line) for line in summary_lines(summary, lang)) + "\n"


def batch_text(
    result: BatchResult, lang: Lang = "id", *, color: bool = False, detail: bool = False
) -> str:
    """Return a plain-text report of a batch: one line per district and failure, then counts.

    The same report as :func:`stream_batch_text` over :meth:`BatchResult.entries`.

    Args:
        result: the batch.
        lang: ``id`` or ``en``.
        color: mark outcomes with ANSI colours.
        detail: the full report of every district instead of its line.
    """
    return "".join(
        stream_batch_text(
            result.entries(),
            as_of=result.as_of,
            fiscal_year=result.fiscal_year,
            lang=lang,
            color=color,
            detail=detail,
        )
    )
