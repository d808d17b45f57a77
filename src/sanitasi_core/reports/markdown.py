"""Markdown reports of a decision and of a batch, for a letter or a wiki page.

Data are escaped with :func:`escape`, and tables built with :func:`table`; the other Markdown
writers of the package (explanations, rulebook tables, rulebook diffs) use both.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
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
    outcome_word,
    rulebook_line,
    target_line,
    value_text,
    visible,
)
from sanitasi_core.rules import Decision

if TYPE_CHECKING:
    # For annotations only: BatchResult shows itself with this module.
    from sanitasi_core.reports.summary import BatchResult

__all__ = ["batch_markdown", "code", "decision_markdown", "escape", "stream_batch_markdown"]

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


def _batch_header(lang: Lang) -> list[str]:
    """The header of the districts' table: every milestone of the ladder has its column."""
    return table(
        [
            render("report_col_region_code", lang),
            render("report_col_region_name", lang),
            *[m.value for m in Milestone],
            render("report_col_certain", lang),
            render("report_col_possible", lang),
        ],
        [],
    )


def _batch_row(decision: Decision, lang: Lang) -> str:
    marks = {m.id: MARKS[m.outcome] for m in decision.milestones}
    certain = escape(level_name(decision.certain_level, lang))
    return _row(
        [
            escape(decision.region.code),
            escape(decision.region.name),
            *[marks.get(m, "") for m in Milestone],
            certain + (f" ({decision.m4_year})" if decision.m4_year else ""),
            escape(level_name(decision.possible_level, lang)),
        ]
    )


def _failure_row(failure: Failure, lang: Lang) -> str:
    """A failure in the districts' table: its source and why, across the name column."""
    why = " ".join(failure.message.get(lang).splitlines())
    said = render("report_failure_row", lang, source="\x00")
    before, _, after = said.partition("\x00")
    # The source goes in as a code span, after the sentence around it is escaped.
    cell = f"{escape(before)} {code(failure.source, cell=True)}{escape(after)}: {escape(why)}"
    return _row(["", cell.strip(), *["" for _ in Milestone], "", ""])


def _failure_section(failure: Failure, lang: Lang) -> str:
    lines = [
        f"## {escape(render('report_failure_row', lang, source=''))} {code(failure.source)}",
        "",
    ]
    lines.extend(f"- {escape(line)}" for line in failure.message.get(lang).splitlines())
    return "\n".join(lines) + "\n"


def stream_batch_markdown(
    entries: Iterable[Entry],
    *,
    as_of: dt.date,
    fiscal_year: int | None = None,
    lang: Lang = "id",
    detail: bool = False,
) -> Iterator[str]:
    """Yield a batch as Markdown piece by piece, reading *entries* one at a time.

    A title (date, fiscal year), a table with one row per entry in the order given (a district,
    or an input that could not be evaluated), then a *Summary* section with the counts; with
    *detail*, a section per district (and per failure) in place of the table. Only the counts
    are kept between entries, so memory does not grow with the batch.

    Args:
        entries: the inputs, each a decision or a failure with its source.
        as_of: the evaluation date.
        fiscal_year: the fiscal year assessed; ``None`` for the year of *as_of*.
        lang: ``id`` or ``en``.
        detail: a section per district instead of the table.

    Yields:
        Pieces of Markdown; joined, they are the document (ending with a line break).
    """
    year = as_of.year if fiscal_year is None else fiscal_year
    yield f"# {escape(batch_heading(as_of, year, lang))}\n"
    summary = BatchSummary()
    for entry in entries:
        item = entry.result
        if detail:
            yield "\n" + (
                _failure_section(item, lang)
                if isinstance(item, Failure)
                else decision_markdown(item, lang)
            )
        else:
            if not summary.total:
                yield "\n" + "\n".join(_batch_header(lang)) + "\n"
            row = _failure_row(item, lang) if isinstance(item, Failure) else _batch_row(item, lang)
            yield row + "\n"
        summary = summary.plus(item)
    lines = ["", f"## {escape(render('report_summary_head', lang))}", ""]
    lines.extend(f"- {escape(line)}" for line in summary_lines(summary, lang))
    yield "\n".join(lines) + "\n"


def batch_markdown(result: BatchResult, lang: Lang = "id", *, detail: bool = False) -> str:
    """Return a batch as Markdown: a table of districts and failures, then the counts.

    The same document as :func:`stream_batch_markdown` over :meth:`BatchResult.entries`.

    Args:
        result: the batch.
        lang: ``id`` or ``en``.
        detail: a section per district instead of the table.
    """
    return "".join(
        stream_batch_markdown(
            result.entries(),
            as_of=result.as_of,
            fiscal_year=result.fiscal_year,
            lang=lang,
            detail=detail,
        )
    )
