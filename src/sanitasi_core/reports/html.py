"""HTML reports: self-contained pages, and fragments that notebooks show.

Everything is escaped; the CSS is inline and scoped to ``.sanitasi-report``; there is no script
and no external asset, so a page works offline and a fragment cannot break a notebook.

This module holds the library's one piece of display state: the language of notebook HTML,
chosen with :func:`set_notebook_language` (as pandas keeps its display options).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Final

from sanitasi_core._messages import render
from sanitasi_core._text import LANGUAGES, Lang
from sanitasi_core.charts import CriteriaChart, LevelChart, LevelTally, criteria_from_decision
from sanitasi_core.model import Milestone
from sanitasi_core.reports._batch import (
    BatchSummary,
    Entry,
    Failure,
    batch_heading,
    summary_lines,
)
from sanitasi_core.reports._words import (
    LEVEL_KEYS,
    MARKS,
    criterion_message,
    format_day,
    gap_text,
    level_key_name,
    level_name,
    levels_line,
    milestone_head,
    outcome_word,
    rulebook_line,
    target_line,
    value_text,
)
from sanitasi_core.rules import Decision, Outcome

if TYPE_CHECKING:
    from sanitasi_core.reports.summary import BatchResult

__all__ = [
    "batch_html",
    "batch_page",
    "decision_html",
    "decision_page",
    "set_notebook_language",
    "stream_batch_page",
]

_CSS: Final = """
.sanitasi-report{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;
 line-height:1.45;color:#1f2328;max-width:64rem}
.sanitasi-report h1,.sanitasi-report h2,.sanitasi-report h3{line-height:1.2;margin:1.2em 0 .4em}
.sanitasi-report .meta{color:#57606a;margin:.2em 0}
.sanitasi-report table{border-collapse:collapse;margin:.5em 0;font-size:.95em}
.sanitasi-report th,.sanitasi-report td{border:1px solid #d0d7de;padding:.3em .55em;
 text-align:left;vertical-align:top}
.sanitasi-report th{background:#f6f8fa}
.sanitasi-report .ladder td{text-align:center;font-weight:600;min-width:5.5em}
.sanitasi-report .o-pass{color:#116329}.sanitasi-report td.o-pass{background:#dafbe1}
.sanitasi-report .o-fail{color:#a40e26}.sanitasi-report td.o-fail{background:#ffebe9}
.sanitasi-report .o-unknown{color:#7d4e00}.sanitasi-report td.o-unknown{background:#fff8c5}
.sanitasi-report .o-not_applicable{color:#57606a}
.sanitasi-report td.o-not_applicable{background:#f6f8fa}
.sanitasi-report .gap{color:#57606a;font-size:.92em}
.sanitasi-report code{font-size:.9em}
.sanitasi-report details{margin:.4em 0}
.sanitasi-report summary{cursor:pointer}
.sanitasi-report.batch{display:flex;flex-direction:column;align-items:flex-start}
.sanitasi-report.batch>h1{order:-2}.sanitasi-report.batch>.summary{order:-1}
.sanitasi-report tr.detail>td{border:none;padding:0 0 0 1em}
.sanitasi-report figure.chart{margin:.6em 0;max-width:100%;overflow-x:auto}
@media print{.sanitasi-report details{display:block}.sanitasi-report{max-width:none}}
"""

_notebook_lang: Lang = "id"


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _style() -> str:
    return f"<style>{_CSS}</style>"


def _cell(outcome: Outcome, content: str) -> str:
    return f'<td class="o-{outcome.value}">{content}</td>'


def _classes(batch: bool) -> str:
    return "sanitasi-report batch" if batch else "sanitasi-report"


def _fragment(body: str, lang: Lang, *, batch: bool = False) -> str:
    return f'<div class="{_classes(batch)}" lang="{lang}">{_style()}\n{body}\n</div>'


def _page(title: str, body: str, lang: Lang, *, batch: bool = False) -> str:
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n{_style()}\n</head>\n"
        f'<body>\n<main class="{_classes(batch)}">\n{body}\n</main>\n</body>\n</html>\n'
    )


def set_notebook_language(lang: Lang) -> None:
    """Choose the language of rich HTML in notebooks (:func:`decision_html` without *lang*).

    Raises:
        ValueError: if *lang* is neither ``id`` nor ``en``.
    """
    global _notebook_lang  # noqa: PLW0603  # one display preference, as pandas options are
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}, got {lang!r}")
    _notebook_lang = lang


# --------------------------------------------------------------------------------------------
# A decision
# --------------------------------------------------------------------------------------------


def _decision_body(
    decision: Decision, lang: Lang, *, heading: int = 2, picture: bool = False
) -> str:
    h, hh = f"h{heading}", f"h{heading + 1}"
    parts = [
        f"<{h}>{_e(decision.region.name)} <small>({_e(decision.region.code)})</small></{h}>",
        f'<p class="meta">{_e(render("report_as_of", lang, date=format_day(decision.as_of, lang)))}'
        f"<br>{_e(rulebook_line(decision, lang))}</p>",
        f"<p><strong>{_e(levels_line(decision, lang))}</strong></p>",
        f'<table class="ladder" aria-label="{_e(render("report_ladder", lang))}"><tr>',
    ]
    parts.extend(
        _cell(
            m.outcome,
            f"{_e(MARKS[m.outcome])} {_e(m.id)}"
            f"<br><small>{_e(outcome_word(m.outcome, lang))}</small>",
        )
        for m in decision.milestones
    )
    parts.append("</tr></table>")
    if picture:  # the criteria per milestone by outcome, drawn
        chart = CriteriaChart(data=criteria_from_decision(decision), lang=lang)
        parts.append(f'<figure class="chart">{chart.to_svg()}</figure>')
    header = "".join(
        f"<th>{_e(render(code, lang))}</th>"
        for code in (
            "report_col_criterion",
            "report_col_observed",
            "report_col_threshold",
            "report_col_gap",
        )
    )
    for milestone in decision.milestones:
        parts.append(
            f'<{hh} class="o-{milestone.outcome.value}">{_e(MARKS[milestone.outcome])} '
            f"{_e(milestone_head(milestone, lang))}</{hh}>"
        )
        parts.append(f"<table><thead><tr><th></th>{header}</tr></thead><tbody>")
        for c in milestone.criteria:
            note = f" <em>({_e(render('report_defaulted', lang))})</em>" if c.defaulted else ""
            parts.append(
                "<tr>"
                + _cell(c.outcome, _e(MARKS[c.outcome]))
                + f"<td><code>{_e(c.id)}</code><br>{_e(criterion_message(c, lang))}{note}</td>"
                + f"<td>{_e(value_text(c.observed, c.unit, lang))}</td>"
                + f"<td>{_e(value_text(c.threshold, c.unit, lang))}</td>"
                + f'<td class="gap">{_e(gap_text(c, lang))}</td>'
                + "</tr>"
            )
        parts.append("</tbody></table>")
    if decision.blocking and decision.next_milestone is not None:
        blocking = render(
            "report_blocking",
            lang,
            milestone=decision.next_milestone.value,
            criteria=", ".join(decision.blocking),
        )
        parts.append(f"<p>{_e(blocking)}</p>")
    if decision.missing:
        parts.append(f"<p>{_e(render('report_missing_head', lang))}</p><ul>")
        parts.extend(
            "<li>"
            + _e(render("report_missing_item", lang, what=m.text, key=m.key, count=m.settles))
            + "</li>"
            for m in decision.missing
        )
        parts.append("</ul>")
    designation = render("report_designation", lang, text=decision.designation_check.text)
    parts.append(f"<p>{_e(designation)}</p>")
    if decision.targets:
        parts.append(f"<p>{_e(render('report_targets_head', lang))}</p><ul>")
        parts.extend(f"<li>{_e(target_line(t, lang))}</li>" for t in decision.targets)
        parts.append("</ul>")
    return "\n".join(parts)


def decision_html(decision: Decision, lang: Lang | None = None) -> str:
    """Return *decision* as an HTML fragment with its own scoped, inline CSS (notebooks).

    ``Decision._repr_html_`` delegates here. Everything is escaped; no script, no external asset.

    Args:
        decision: the decision.
        lang: ``id`` or ``en``; by default the language set by :func:`set_notebook_language`
            (``id`` unless changed).
    """
    lang = lang or _notebook_lang
    return _fragment(_decision_body(decision, lang, picture=True), lang)


def decision_page(decision: Decision, lang: Lang = "id") -> str:
    """Return a self-contained HTML page for *decision* (inline CSS, no script, works offline)."""
    title = f"{decision.region.name} ({decision.region.code}) — {format_day(decision.as_of, lang)}"
    return _page(title, _decision_body(decision, lang, heading=1, picture=True), lang)


# --------------------------------------------------------------------------------------------
# A batch
# --------------------------------------------------------------------------------------------


_COLUMNS: Final = 2 + len(Milestone) + 2
"""Columns of the districts' table: code, name, one per milestone, certain and possible."""


def _batch_head(lang: Lang) -> str:
    head = "".join(
        f"<th>{_e(h)}</th>"
        for h in (
            render("report_col_region_code", lang),
            render("report_col_region_name", lang),
            *[m.value for m in Milestone],
            render("report_col_certain", lang),
            render("report_col_possible", lang),
        )
    )
    return f'<table class="districts"><thead><tr>{head}</tr></thead><tbody>'


def _batch_row(index: int, d: Decision, lang: Lang, *, detail: bool) -> str:
    name = _e(d.region.name)
    if detail:
        name = f'<a href="#d{index}">{name}</a>'
    certain = level_name(d.certain_level, lang) + (f" ({d.m4_year})" if d.m4_year else "")
    outcomes = {m.id: m.outcome for m in d.milestones}
    cells = "".join(
        "<td></td>"
        if (outcome := outcomes.get(milestone)) is None
        else _cell(
            outcome,
            f'<span title="{_e(outcome_word(outcome, lang))}">{_e(MARKS[outcome])}</span>',
        )
        for milestone in Milestone
    )
    row = (
        f"<tr><td>{_e(d.region.code)}</td><td>{name}</td>{cells}"
        f"<td>{_e(certain)}</td><td>{_e(level_name(d.possible_level, lang))}</td></tr>"
    )
    if detail:
        label = f"{d.region.name} ({d.region.code}) — {level_name(d.certain_level, lang)}"
        row += (
            f'\n<tr class="detail"><td colspan="{_COLUMNS}">'
            f'<details id="d{index}"><summary>{_e(label)}</summary>\n'
            f"{_decision_body(d, lang, heading=2)}\n</details></td></tr>"
        )
    return row


def _failure_row(failure: Failure, lang: Lang) -> str:
    said = _e(render("report_failure_row", lang, source="\x00")).replace(
        "\x00", f"<code>{_e(failure.source)}</code>"
    )
    return (
        f'<tr class="failed"><td></td><td colspan="{_COLUMNS - 1}">{said}'
        f"<pre>{_e(failure.message.get(lang))}</pre></td></tr>"
    )


def _summary_section(summary: BatchSummary, lang: Lang, picture: str = "") -> str:
    """The counts (and their picture); written last, shown first (CSS ``order``)."""
    parts = [
        f'<section class="summary" aria-label="{_e(render("report_summary_head", lang))}">',
        f'<figure class="chart">{picture}</figure>' if picture else "",
        "<table><tbody>",
    ]
    for key in reversed(LEVEL_KEYS):
        name = level_key_name(key, lang)
        parts.append(f"<tr><th>{_e(name)}</th><td>{summary.levels.get(key, 0)}</td></tr>")
    parts.append("</tbody></table>")
    lines = summary_lines(summary, lang)
    parts.extend(f"<p>{_e(line)}</p>" for line in (lines[0], *lines[2:]))
    parts.append("</section>")
    return "\n".join(parts)


def _stream_batch_body(
    entries: Iterable[Entry], as_of: dt.date, year: int, lang: Lang, *, detail: bool
) -> Iterator[str]:
    yield f"<h1>{_e(batch_heading(as_of, year, lang))}</h1>\n"
    summary = BatchSummary()
    tally = LevelTally()  # the province chart's counts: memory grows with provinces only
    for index, entry in enumerate(entries):
        if not index:
            yield _batch_head(lang) + "\n"
        item = entry.result
        if isinstance(item, Failure):
            yield _failure_row(item, lang) + "\n"
        else:
            yield _batch_row(index, item, lang, detail=detail) + "\n"
            tally.add(item)
        summary = summary.plus(item)
    if summary.total:
        yield "</tbody></table>\n"
    picture = ""
    if len(tally):
        overview = tally.overview(by_province=True)
        picture = LevelChart(data=overview, lang=lang).to_svg()
    yield _summary_section(summary, lang, picture)


def stream_batch_page(
    entries: Iterable[Entry],
    *,
    as_of: dt.date,
    fiscal_year: int | None = None,
    lang: Lang = "id",
) -> Iterator[str]:
    """Yield a self-contained HTML page for a batch piece by piece, reading *entries* one at a time.

    A table with one row per entry in the order given (a district, with its full report in a
    ``<details>`` element under its row, or an input that could not be evaluated), and the
    counts. The counts are written last and shown first by CSS (``order``), without a script;
    only they are kept between entries, so memory does not grow with the batch.

    Args:
        entries: the inputs, each a decision or a failure with its source.
        as_of: the evaluation date.
        fiscal_year: the fiscal year assessed; ``None`` for the year of *as_of*.
        lang: ``id`` or ``en``.

    Yields:
        Pieces of HTML; joined, they are the page.
    """
    year = as_of.year if fiscal_year is None else fiscal_year
    head, tail = _page(batch_heading(as_of, year, lang), "\x00", lang, batch=True).split("\x00")
    yield head
    yield from _stream_batch_body(entries, as_of, year, lang, detail=True)
    yield tail


def batch_html(result: BatchResult, lang: Lang | None = None) -> str:
    """Return a batch summary as an HTML fragment with scoped inline CSS (notebooks).

    Args:
        result: the batch.
        lang: ``id`` or ``en``; by default the batch's own language (:attr:`BatchResult.lang`).
    """
    lang = lang or result.lang
    body = "".join(
        _stream_batch_body(result.entries(), result.as_of, result.year, lang, detail=False)
    )
    return _fragment(body, lang, batch=True)


def batch_page(result: BatchResult, lang: Lang = "id") -> str:
    """Return a self-contained HTML page for a batch: districts, failures, details, counts.

    Each district's full report is in a ``<details>`` element (opens without any script). The
    same page as :func:`stream_batch_page` over :meth:`BatchResult.entries`.
    """
    return "".join(
        stream_batch_page(
            result.entries(), as_of=result.as_of, fiscal_year=result.fiscal_year, lang=lang
        )
    )
