"""HTML reports: self-contained pages, and fragments that notebooks show.

Everything is escaped; the CSS is inline and scoped to ``.sanitasi-report``; there is no script
and no external asset, so a page works offline and a fragment cannot break a notebook.

This module holds the library's one piece of display state: the language of notebook HTML,
chosen with :func:`set_notebook_language` (as pandas keeps its display options).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Final

from sanitasi_core._messages import render
from sanitasi_core._text import LANGUAGES, Lang
from sanitasi_core.reports._words import (
    LEVEL_KEYS,
    MARKS,
    batch_title,
    criterion_message,
    format_day,
    gap_text,
    level_key_name,
    level_name,
    levels_line,
    milestone_head,
    outcome_word,
    rulebook_line,
    summary_lines,
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
@media print{.sanitasi-report details{display:block}.sanitasi-report{max-width:none}}
"""

_notebook_lang: Lang = "id"


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _style() -> str:
    return f"<style>{_CSS}</style>"


def _cell(outcome: Outcome, content: str) -> str:
    return f'<td class="o-{outcome.value}">{content}</td>'


def _fragment(body: str, lang: Lang) -> str:
    return f'<div class="sanitasi-report" lang="{lang}">{_style()}\n{body}\n</div>'


def _page(title: str, body: str, lang: Lang) -> str:
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n{_style()}\n</head>\n"
        f'<body>\n<main class="sanitasi-report">\n{body}\n</main>\n</body>\n</html>\n'
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


def _decision_body(decision: Decision, lang: Lang, *, heading: int = 2) -> str:
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
    return _fragment(_decision_body(decision, lang), lang)


def decision_page(decision: Decision, lang: Lang = "id") -> str:
    """Return a self-contained HTML page for *decision* (inline CSS, no script, works offline)."""
    title = f"{decision.region.name} ({decision.region.code}) — {format_day(decision.as_of, lang)}"
    return _page(title, _decision_body(decision, lang, heading=1), lang)


# --------------------------------------------------------------------------------------------
# A batch
# --------------------------------------------------------------------------------------------


def _batch_body(result: BatchResult, lang: Lang, *, detail: bool) -> str:
    summary = result.summary
    parts = [f"<h1>{_e(batch_title(result, lang))}</h1>", "<table><tbody>"]
    for key in reversed(LEVEL_KEYS):
        name = level_key_name(key, lang)
        parts.append(f"<tr><th>{_e(name)}</th><td>{summary.levels.get(key, 0)}</td></tr>")
    parts.append("</tbody></table>")
    parts.extend(f"<p>{_e(line)}</p>" for line in summary_lines(result, lang)[1:])
    if result.decisions:
        milestones = [m.id.value for m in result.decisions[0].milestones]
        head = "".join(
            f"<th>{_e(h)}</th>"
            for h in (
                render("report_col_region_code", lang),
                render("report_col_region_name", lang),
                *milestones,
                render("report_col_certain", lang),
                render("report_col_possible", lang),
            )
        )
        parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>")
        for index, d in enumerate(result.decisions):
            name = _e(d.region.name)
            if detail:
                name = f'<a href="#d{index}">{name}</a>'
            certain = level_name(d.certain_level, lang) + (f" ({d.m4_year})" if d.m4_year else "")
            parts.append(
                f"<tr><td>{_e(d.region.code)}</td><td>{name}</td>"
                + "".join(
                    _cell(
                        m.outcome,
                        f'<span title="{_e(outcome_word(m.outcome, lang))}">'
                        f"{_e(MARKS[m.outcome])}</span>",
                    )
                    for m in d.milestones
                )
                + f"<td>{_e(certain)}</td><td>{_e(level_name(d.possible_level, lang))}</td></tr>"
            )
        parts.append("</tbody></table>")
    if result.failures:
        parts.append(f"<h2>{_e(render('report_failures_head', lang))}</h2><ul>")
        parts.extend(
            f"<li><code>{_e(f.source)}</code><pre>{_e(f.message.get(lang))}</pre></li>"
            for f in result.failures
        )
        parts.append("</ul>")
    if detail:
        for index, d in enumerate(result.decisions):
            label = f"{d.region.name} ({d.region.code}) — {level_name(d.certain_level, lang)}"
            parts.append(
                f'<details id="d{index}"><summary>{_e(label)}</summary>\n'
                f"{_decision_body(d, lang, heading=2)}\n</details>"
            )
    return "\n".join(parts)


def batch_html(result: BatchResult, lang: Lang | None = None) -> str:
    """Return a batch summary as an HTML fragment with scoped inline CSS (notebooks).

    Args:
        result: the batch.
        lang: ``id`` or ``en``; by default the batch's own language (:attr:`BatchResult.lang`).
    """
    lang = lang or result.lang
    return _fragment(_batch_body(result, lang, detail=False), lang)


def batch_page(result: BatchResult, lang: Lang = "id") -> str:
    """Return a self-contained HTML page for a batch: summary, districts, failures, details.

    Each district's full report is in a ``<details>`` element (opens without any script).
    """
    return _page(batch_title(result, lang), _batch_body(result, lang, detail=True), lang)
