"""Plain-text reports of a decision and of a batch, optionally coloured for a terminal."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from sanitasi_core._messages import render
from sanitasi_core._text import Lang
from sanitasi_core.model import Milestone
from sanitasi_core.reports._words import (
    MARKS,
    batch_title,
    criterion_message,
    format_day,
    gap_text,
    level_name,
    levels_line,
    milestone_head,
    notes_of,
    programme_line,
    rulebook_line,
    summary_lines,
    target_line,
    value_text,
)
from sanitasi_core.reports.summary import BatchResult
from sanitasi_core.rules import Decision, Outcome, Severity

__all__ = ["batch_text", "decision_text"]

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
    lines = [
        bold(f"{decision.region.name} ({decision.region.code})"),
        render("report_as_of", lang, date=format_day(decision.as_of, lang)),
        programme_line(decision, lang),
        rulebook_line(decision, lang),
        levels_line(decision, lang),
        f"{render('report_ladder', lang)}: {_ladder(decision, color=color)}",
    ]
    for milestone in decision.milestones:
        lines.append("")
        lines.append(f"{_mark(milestone.outcome, color=color)} {milestone_head(milestone, lang)}")
        for crit in milestone.criteria:
            mark = _mark(crit.outcome, color=color)
            line = f"    {mark} {crit.id}: {criterion_message(crit, lang)}"
            if crit.severity is Severity.ADVISORY:
                line += f" ({render('report_advisory', lang)})"
            shown = [value_text(crit.observed, crit.unit, lang)]
            if crit.threshold is not None:
                threshold = value_text(crit.threshold, crit.unit, lang)
                shown.append(f"{render('report_col_threshold', lang).lower()} {threshold}")
            shown = [s for s in shown if s]
            if shown:
                line += f" [{'; '.join(shown)}]"
            lines.append(line)
            gap = gap_text(crit, lang)
            if gap:
                lines.append(f"        → {gap}")
            if crit.defaulted:
                lines.append(f"        ({render('report_defaulted', lang)})")
            lines.extend(f"        · {note}" for note in notes_of(crit, lang))
            if crit.reference is not None and crit.reference.assumption is not None:
                why = crit.reference.assumption.get(lang)
                lines.append(f"        ({render('report_reference_assumption', lang, why=why)})")
    lines.append("")
    if decision.blocking and decision.next_milestone is not None:
        lines.append(
            render(
                "report_blocking",
                lang,
                milestone=decision.next_milestone.value,
                criteria=", ".join(decision.blocking),
            )
        )
    if decision.missing:
        lines.append(render("report_missing_head", lang))
        lines.extend(
            "  - " + render("report_missing_item", lang, what=m.text, key=m.key, count=m.settles)
            for m in decision.missing
        )
    lines.append(render("report_designation", lang, text=decision.designation_check.text))
    if decision.targets:
        lines.append(render("report_targets_head", lang))
        lines.extend(f"  - {target_line(t, lang)}" for t in decision.targets)
    return "\n".join(lines)


def _overview(result: BatchResult, lang: Lang, *, color: bool) -> list[str]:
    """One line per district: code, ladder, certain and possible level, name."""
    head_level = render("report_col_certain", lang), render("report_col_possible", lang)
    width = max(len(head_level[0]), len(head_level[1]), 9)
    lines = [
        f"{render('report_col_region_code', lang):<8}{render('report_ladder', lang):<24}"
        f"{head_level[0]:<{width + 2}}{head_level[1]:<{width + 2}}"
        + render("report_col_region_name", lang)
    ]
    for decision in result.decisions:
        ladder = _ladder(decision, color=color)
        # Pad by the width of the ladder without its colour codes.
        pad = 24 - len(_ladder(decision))
        certain = level_name(decision.certain_level, lang)
        if decision.m4_year and decision.certain_level is Milestone.M4:
            certain += f" ({decision.m4_year})"
        lines.append(
            f"{decision.region.code:<8}{ladder}{' ' * max(pad, 1)}"
            f"{certain:<{width + 2}}{level_name(decision.possible_level, lang):<{width + 2}}"
            f"{decision.region.name}"
        )
    return lines


def batch_text(
    result: BatchResult, lang: Lang = "id", *, color: bool = False, detail: bool = False
) -> str:
    """Return a plain-text report of a batch: summary, one line per district, failures.

    Args:
        result: the batch.
        lang: ``id`` or ``en``.
        color: mark outcomes with ANSI colours.
        detail: append the full report of every district.
    """
    lines = [
        batch_title(result, lang),
        *summary_lines(result, lang),
    ]
    if result.decisions:
        lines.append("")
        lines.extend(_overview(result, lang, color=color))
    if result.failures:
        lines.append("")
        lines.append(render("report_failures_head", lang))
        lines.extend(f"  - {f.source}" for f in result.failures)
    text = "\n".join(lines)
    if detail:
        text += "".join("\n\n" + decision_text(d, lang, color=color) for d in result.decisions)
    return text
