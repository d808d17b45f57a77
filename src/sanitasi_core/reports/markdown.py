"""Markdown reports of a decision and of a batch, for a letter or a wiki page.

Data are escaped with :func:`escape`, and tables built with :func:`table`; the other Markdown
writers of the package (explanations, rulebook tables, rulebook diffs) use both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final

from sanitasi_core._messages import render
from sanitasi_core._text import Lang
from sanitasi_core.reports._words import (
    MARKS,
    batch_title,
    criterion_message,
    format_day,
    gap_text,
    level_name,
    levels_line,
    milestone_head,
    outcome_word,
    rulebook_line,
    summary_lines,
    target_line,
    value_text,
)
from sanitasi_core.reports.summary import BatchResult
from sanitasi_core.rules import Decision

__all__ = ["batch_markdown", "decision_markdown"]

_SPECIAL: Final = re.compile(r"([\\`*_\[\]<>|#])")


def escape(text: str) -> str:
    """Escape *text* for Markdown (tables included); line breaks become spaces."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """The lines of a Markdown table: *header* (escaped here), then *rows* (escaped already)."""
    return [
        _row(escape(h) for h in header),
        _row("---" for _ in header),
        *(_row(row) for row in rows),
    ]


def decision_markdown(decision: Decision, lang: Lang = "id", *, level: int = 2) -> str:
    """Return *decision* as Markdown for a letter or a wiki page.

    Args:
        decision: the decision.
        lang: ``id`` or ``en``.
        level: the heading level of the district's title.
    """
    h = "#" * level
    lines = [
        f"{h} {escape(decision.region.name)} ({escape(decision.region.code)})",
        "",
        f"- {escape(render('report_as_of', lang, date=format_day(decision.as_of, lang)))}",
        f"- {escape(rulebook_line(decision, lang))}",
        f"- {escape(levels_line(decision, lang))}",
        "",
        *table(
            [m.id.value for m in decision.milestones],
            [
                [
                    f"{MARKS[m.outcome]} {escape(outcome_word(m.outcome, lang))}"
                    for m in decision.milestones
                ]
            ],
        ),
    ]
    header = [
        "",
        render("report_col_criterion", lang),
        render("report_col_observed", lang),
        render("report_col_threshold", lang),
        render("report_col_gap", lang),
    ]
    for milestone in decision.milestones:
        lines += ["", f"{h}# {escape(milestone_head(milestone, lang))}", ""]
        rows = [
            [
                MARKS[c.outcome],
                f"`{c.id}` {escape(criterion_message(c, lang))}",
                escape(value_text(c.observed, c.unit, lang)),
                escape(value_text(c.threshold, c.unit, lang)),
                escape(gap_text(c, lang)),
            ]
            for c in milestone.criteria
        ]
        lines += table(header, rows)
    lines.append("")
    if decision.blocking and decision.next_milestone is not None:
        # The ids go in as code spans, after the sentence around them is escaped.
        sentence = render(
            "report_blocking", lang, milestone=decision.next_milestone.value, criteria="\x00"
        )
        blocking = ", ".join(f"`{b}`" for b in decision.blocking)
        lines.append(escape(sentence).replace("\x00", blocking))
        lines.append("")
    if decision.missing:
        lines.append(escape(render("report_missing_head", lang)))
        lines.append("")
        lines.extend(
            "- "
            + escape(render("report_missing_item", lang, what=m.text, key=m.key, count=m.settles))
            for m in decision.missing
        )
        lines.append("")
    lines.append(escape(render("report_designation", lang, text=decision.designation_check.text)))
    if decision.targets:
        lines += ["", escape(render("report_targets_head", lang)), ""]
        lines.extend(f"- {escape(target_line(t, lang))}" for t in decision.targets)
    return "\n".join(lines) + "\n"


def batch_markdown(result: BatchResult, lang: Lang = "id", *, detail: bool = False) -> str:
    """Return a batch as Markdown: summary, a table of districts, failures.

    Args:
        result: the batch.
        lang: ``id`` or ``en``.
        detail: append a section per district.
    """
    title = batch_title(result, lang)
    lines = [f"# {escape(title)}", ""]
    lines.extend(f"- {escape(line)}" for line in summary_lines(result, lang))
    if result.decisions:
        lines.append("")
        header = [
            render("report_col_region_code", lang),
            render("report_col_region_name", lang),
            *[m.id.value for m in result.decisions[0].milestones],
            render("report_col_certain", lang),
            render("report_col_possible", lang),
        ]
        rows = [
            [
                escape(d.region.code),
                escape(d.region.name),
                *[MARKS[m.outcome] for m in d.milestones],
                escape(level_name(d.certain_level, lang))
                + (f" ({d.m4_year})" if d.m4_year else ""),
                escape(level_name(d.possible_level, lang)),
            ]
            for d in result.decisions
        ]
        lines += table(header, rows)
    if result.failures:
        lines += ["", escape(render("report_failures_head", lang)), ""]
        for failure in result.failures:
            reason = " ".join(failure.message.get(lang).splitlines())
            lines.append(f"- `{failure.source}`: {escape(reason)}")
    text = "\n".join(lines) + "\n"
    if detail:
        text += "".join("\n" + decision_markdown(d, lang) for d in result.decisions)
    return text
