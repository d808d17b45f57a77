"""The criteria chart: for one decision, how the criteria of each milestone came out.

One horizontal stacked bar per milestone, M1 to M4, on a shared scale: criteria that pass
(green, ``✓``), fail (red, ``✗``), are unknown (hatched, ``?``) and do not apply (grey, ``⊘``).
Each segment carries its symbol and count when it fits; the full tally with the symbols is
always written after the bar, so no number depends on colour or on room.
"""

from __future__ import annotations

from typing import Final

import attrs

from sanitasi_core import _validators as v
from sanitasi_core.charts._base import (
    MUTED,
    PAD,
    TITLE_BLOCK,
    Canvas,
    Chart,
    LegendItem,
    ink_on,
    lang_field,
    swatch_box,
    title_field,
)
from sanitasi_core.charts._data import MILESTONES, OUTCOMES, CriteriaOverview, MilestoneCriteria
from sanitasi_core.charts._i18n import Lang, integer_text, say
from sanitasi_core.charts._svg import el, text_width

__all__ = ["OUTCOME_STYLE", "CriteriaChart"]

#: Per outcome: (fill, or None for the hatch; symbol; message code of its name).
OUTCOME_STYLE: Final = {
    "passed": ("#1a7f37", "✓", "chart_outcome_pass"),  # green, white text 5.1:1
    "failed": ("#cf222e", "✗", "chart_outcome_fail"),  # red, white text 5.4:1
    "unknown": (None, "?", "chart_outcome_unknown"),  # hatched
    "not_applicable": ("#d0d7de", "⊘", "chart_outcome_not_applicable"),  # light grey
}
BAR: Final = 360.0  # length of the longest bar
TALL: Final = 24.0


@attrs.frozen(kw_only=True)
class CriteriaChart(Chart):
    """The criteria of one decision per milestone: pass, fail, unknown, not applicable.

    Attributes:
        data: the outcome counts per milestone.
        lang: ``"id"`` (Bahasa Indonesia, the default) or ``"en"``.
        title: a title replacing the generated one, in *lang*.
    """

    data: CriteriaOverview = attrs.field(validator=v.instance(CriteriaOverview))
    lang: Lang = lang_field()
    title: str | None = title_field()

    def to_svg(self) -> str:
        """Return the chart as an SVG document."""
        return _draw(self)


def _title(chart: CriteriaChart) -> str:
    if chart.title is not None:
        return chart.title
    if chart.data.subject is None:
        return say("chart_criteria_title", chart.lang)
    return say("chart_criteria_title_of", chart.lang, subject=chart.data.subject)


def _rows(chart: CriteriaChart) -> list[MilestoneCriteria]:
    return sorted(chart.data.milestones, key=lambda m: MILESTONES.index(m.milestone))


def _tally(row: MilestoneCriteria, lang: Lang) -> str:
    return " · ".join(f"{OUTCOME_STYLE[o][1]} {integer_text(row.count(o), lang)}" for o in OUTCOMES)


def _desc(chart: CriteriaChart) -> str:
    lang = chart.lang
    rows = " ".join(
        f"{row.milestone}: "
        + ", ".join(
            f"{say(OUTCOME_STYLE[o][2], lang)} {integer_text(row.count(o), lang)}" for o in OUTCOMES
        )
        + "."
        for row in _rows(chart)
    )
    return say("chart_criteria_desc", lang, rows=rows)


def _fill(canvas: Canvas, outcome: str) -> str:
    colour = OUTCOME_STYLE[outcome][0]
    return canvas.hatch() if colour is None else colour


def _segments(canvas: Canvas, row: MilestoneCriteria, x: float, y: float, scale: float) -> None:
    lang = canvas.lang
    for outcome in OUTCOMES:
        count = row.count(outcome)
        length = count * scale
        colour, symbol, code = OUTCOME_STYLE[outcome]
        fill = _fill(canvas, outcome)
        label = f"{symbol} {integer_text(count, lang)}"
        canvas.add(
            el(
                "rect",
                {
                    "x": x,
                    "y": y,
                    "width": length,
                    "height": TALL,
                    "fill": fill,
                    "stroke": MUTED if colour is None else "#ffffff",
                    "stroke-width": 1 if colour is None else 0.5,
                    "data-series": outcome,
                    "data-milestone": row.milestone,
                    "data-value": count,
                },
                el("title", {}, text=f"{row.milestone} · {say(code, lang)}: {count}"),
            )
        )
        if count and text_width(label, 11, bold=True) + 6 <= length:
            cls = "v h" if colour is None else f"v {ink_on(colour)}".strip()
            canvas.text(x + length / 2, y + TALL / 2 + 4, label, cls=cls, anchor="middle")
        x += length


def _draw(chart: CriteriaChart) -> str:
    lang = chart.lang
    rows = _rows(chart)
    column = max(text_width(row.milestone, 12, bold=True) for row in rows) + 14
    tally = max(text_width(_tally(row, lang), 12) for row in rows)
    width = max(2 * PAD + column + BAR + 12 + tally, 480.0)
    canvas = chart._canvas(width, lang)
    canvas.title(_title(chart))
    highest = max(row.total for row in rows)
    scale = BAR / highest if highest else 0.0
    left = PAD + column
    y = TITLE_BLOCK
    for row in rows:
        canvas.text(PAD, y + TALL / 2 + 4, row.milestone, cls="v")
        _segments(canvas, row, left, y, scale)
        canvas.text(
            left + row.total * scale + 10,
            y + TALL / 2 + 4,
            _tally(row, lang),
            extra={"data-milestone": row.milestone, "data-tally": "1"},
        )
        y += TALL + 12
    items = [
        LegendItem(
            swatch_box(_fill(canvas, o), stroke=MUTED),
            f"{OUTCOME_STYLE[o][1]} {say(OUTCOME_STYLE[o][2], lang)}",
        )
        for o in OUTCOMES
    ]
    bottom = canvas.legend(items, y + 2)
    return canvas.render(height=bottom + PAD - 6, title=_title(chart), desc=_desc(chart))
