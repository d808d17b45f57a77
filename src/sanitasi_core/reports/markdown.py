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
    visible,
)
from sanitasi_core.reports.summary import BatchResult
from sanitasi_core.rules import Decision

__all__ = ["batch_markdown", "code", "decision_markdown", "escape"]

_SPECIAL: Final = re.compile(r"([\\`*_~\[\]|#])")
_HTML: Final = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_HTML_CHAR: Final = re.compile("[&<>]")
# A list item, a thematic break or a setext underline when at the start of a line.
_LEADING: Final = re.compile(r"^(?:[-+=](?=[-+=\s]|$)|[0-9]{1,9}[.)](?=\s|$))")
_TICKS: Final = re.compile("`+")


def _one_line(text: str) -> str:
    """*text* on one line: control characters shown as escapes, white space runs as one space."""
    return visible(" ".join(text.split()))


def escape(text: str) -> str:
    r"""Escape *text* for Markdown (tables included), so data show as written and on one line.

    - white space (line breaks too) becomes single spaces, and other control characters are
      shown as escapes (``\x1b``, see :func:`~sanitasi_core.reports._words.visible`);
    - ``&``, ``<`` and ``>`` become ``&amp;``, ``&lt;`` and ``&gt;``, so no HTML gets through;
    - ``\ ` * _ ~ [ ] | #`` get a backslash before them;
    - a leading ``-``, ``+`` or ``=`` followed by a space, another of them or nothing, and a
      leading ``1.`` / ``1)`` followed by a space or nothing, get one too, so the text cannot
      start a list, a rule or a heading (``-0.5`` and ``64.60`` stay as they are).
    """
    flat = _SPECIAL.sub(r"\\\1", _one_line(text))
    flat = _HTML_CHAR.sub(lambda m: _HTML[m.group()], flat)
    return _LEADING.sub(lambda m: m.group()[:-1] + "\\" + m.group()[-1], flat)


def code(text: str, *, cell: bool = False) -> str:
    r"""*text* as a Markdown code span that it cannot close, on one line.

    The fence has one backtick more than the longest run of backticks in *text*, with a space
    inside each end when the text touches a backtick or a space (as CommonMark strips them).
    Control characters are shown as escapes. In a table *cell*, ``|`` is written ``\|``, which
    GitHub-flavoured Markdown reads as a pipe even inside a code span.
    """
    body = _one_line(text)
    if not body:
        return ""
    if cell:
        body = body.replace("|", "\\|")
    fence = "`" * (max((len(run) for run in _TICKS.findall(body)), default=0) + 1)
    if body.startswith(("`", " ")) or body.endswith(("`", " ")):
        body = f" {body} "
    return f"{fence}{body}{fence}"


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
                f"{code(c.id, cell=True)} {escape(criterion_message(c, lang))}",
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
        blocking = ", ".join(code(b) for b in decision.blocking)
        before, _, after = sentence.partition("\x00")
        # escape() trims, so the spaces around the ids are put back.
        lines.append(
            "".join(
                [
                    escape(before) + (" " if before[-1:].isspace() else ""),
                    blocking,
                    (" " if after[:1].isspace() else "") + escape(after),
                ]
            )
        )
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
            lines.append(f"- {code(failure.source)}: {escape(reason)}")
    text = "\n".join(lines) + "\n"
    if detail:
        text += "".join("\n" + decision_markdown(d, lang) for d in result.decisions)
    return text
