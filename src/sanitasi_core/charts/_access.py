"""The access chart: improved, safely managed and open-defecation shares by year, against targets.

Per year, three bars in a fixed order (*layak*, *aman*, open defecation), each with its share
written above it; the three differ in texture (solid, dotted, lined) as well as colour. A figure
that is not known is left out and marked ``–`` (never a zero bar). The years with figures or
targets are drawn in order; where years are skipped, the axis shows ``⋯``. Each national target
is a dashed line across its indicator's bar in its due year, and a line below the chart gives
the target, the latest figure at or before the due year, and the gap in percentage points.
"""

from __future__ import annotations

import itertools
from decimal import Decimal

import attrs

from sanitasi_core import _validators as v
from sanitasi_core.charts._base import (
    INK,
    PAD,
    SWATCH,
    TITLE_BLOCK,
    Canvas,
    Chart,
    LegendItem,
    lang_field,
    swatch_box,
    swatch_text,
    title_field,
)
from sanitasi_core.charts._data import INDICATORS, AccessSeries, AccessTarget, Indicator
from sanitasi_core.charts._i18n import Lang, decimal_text, say, signed_text, value_of
from sanitasi_core.charts._svg import AttrValue, el, text_width

__all__ = ["AccessChart"]

#: Fill of each indicator's bars: (colour, texture drawn over it in white, or None).
FILLS: dict[Indicator, tuple[str, str | None]] = {
    "layak": ("#1f5f99", None),  # blue, solid
    "aman": ("#1a7f37", "dots"),  # green, white dots
    "open_defecation": ("#b8431f", "lines"),  # red-orange, white horizontal lines
}
TARGET = "#7d4e00"  # dark amber dashes: visible on the bars and on the axis
GRID = "#d0d7de"
PLOT = 160.0  # height of 100 %
ROOM = 16.0
BREAK = 18.0  # extra room between slots where years are skipped
TICKS = (0, 25, 50, 75, 100)
_HUNDRED = Decimal(100)
_DASHED: dict[str, AttrValue] = {"stroke-width": 2.5, "stroke-dasharray": "4 2"}


@attrs.frozen(kw_only=True)
class AccessChart(Chart):
    """Access shares by year against the dated national targets, gaps in percentage points.

    Attributes:
        data: the figures by year and the targets.
        lang: ``"id"`` (Bahasa Indonesia, the default) or ``"en"``.
        title: a title replacing the generated one, in *lang*.
    """

    data: AccessSeries = attrs.field(validator=v.instance(AccessSeries))
    lang: Lang = lang_field()
    title: str | None = title_field()

    def to_svg(self) -> str:
        """Return the chart as an SVG document."""
        return _draw(self)


def _title(chart: AccessChart) -> str:
    if chart.title is not None:
        return chart.title
    if chart.data.subject is None:
        return say("chart_access_title", chart.lang)
    return say("chart_access_title_of", chart.lang, subject=chart.data.subject)


def _name(indicator: Indicator, lang: Lang) -> str:
    return say(f"chart_indicator_{indicator}", lang)


def _texture(canvas: Canvas, indicator: Indicator) -> str:
    colour, texture = FILLS[indicator]
    if texture is None:
        return colour
    key = f"{canvas.ident}-{indicator}"
    if key not in canvas.defs:
        if texture == "dots":
            mark = el("circle", {"cx": 3, "cy": 3, "r": 1.2, "fill": "#ffffff"})
        else:
            mark = el(
                "line",
                {"x1": 0, "y1": 3, "x2": 6, "y2": 3, "stroke": "#ffffff", "stroke-width": 1.2},
            )
        canvas.defs[key] = el(
            "pattern",
            {"id": key, "patternUnits": "userSpaceOnUse", "width": 6, "height": 6},
            el("rect", {"width": 6, "height": 6, "fill": colour}),
            mark,
        )
    return f"url(#{key})"


def _reached(chart: AccessChart, target: AccessTarget) -> tuple[int, Decimal] | None:
    """The latest figure of the target's indicator at or before its due year, with its year."""
    found = [
        (p.year, value)
        for p in chart.data.points
        if p.year <= target.year and (value := p.value(target.indicator)) is not None
    ]
    return max(found, key=lambda pair: pair[0]) if found else None


def _target_line(chart: AccessChart, target: AccessTarget) -> str:
    lang = chart.lang
    common = {
        "year": target.year,
        "indicator": _name(target.indicator, lang),
        "target": decimal_text(target.value, lang),
    }
    reached = _reached(chart, target)
    if reached is None:
        return say("chart_target_item_no_data", lang, **common)
    year, observed = reached
    gap = say("chart_gap_pp", lang, gap=signed_text(observed - target.value, lang))
    return say(
        "chart_target_item",
        lang,
        **common,
        observed=decimal_text(observed, lang),
        observed_year=year,
        gap=gap,
    )


def _targets(chart: AccessChart) -> list[AccessTarget]:
    return sorted(chart.data.targets, key=lambda t: (t.year, INDICATORS.index(t.indicator)))


def _desc(chart: AccessChart) -> str:
    lang = chart.lang
    years = []
    for point in sorted(chart.data.points, key=lambda p: p.year):
        shares = []
        for indicator in INDICATORS:
            value = point.value(indicator)
            shown = (
                say("chart_no_data", lang) if value is None else f"{decimal_text(value, lang)} %"
            )
            shares.append(f"{_name(indicator, lang)} {shown}")
        years.append(f"{point.year}: {', '.join(shares)}.")
    targets = "; ".join(_target_line(chart, t) for t in _targets(chart))
    return say(
        "chart_access_desc",
        lang,
        years=" ".join(years),
        targets=targets + "." if targets else say("chart_access_desc_none", lang),
    )


@attrs.frozen
class _Frame:
    """Where things go: the plot's left edge and baseline, a bar's width, each year's slot."""

    left: float
    base: float
    bar: float
    slot: float
    starts: dict[int, float]

    def x(self, year: int, indicator: Indicator) -> float:
        """The left edge of *indicator*'s bar in *year*."""
        return self.starts[year] + 9 + INDICATORS.index(indicator) * (self.bar + 2)

    def y(self, value: Decimal) -> float:
        """The height on the page of a share of *value* percent."""
        return self.base - float(value / _HUNDRED) * PLOT


def _bars(canvas: Canvas, chart: AccessChart, frame: _Frame) -> bool:
    """Draw the bars and their shares; return whether a figure is missing (``–`` drawn)."""
    lang = chart.lang
    points = {p.year: p for p in chart.data.points}
    targeted = {(t.year, t.indicator) for t in chart.data.targets}
    gaps = False
    for year, start in frame.starts.items():
        canvas.text(start + frame.slot / 2, frame.base + 16, str(year), anchor="middle")
        point = points.get(year)
        for indicator in INDICATORS:
            bx = frame.x(year, indicator)
            value = point.value(indicator) if point is not None else None
            if value is None:
                if (year, indicator) not in targeted:  # a target's label takes the place
                    gaps = True
                    canvas.text(bx + frame.bar / 2, frame.base - 4, "–", cls="m", anchor="middle")
                continue
            top = frame.y(value)
            written = decimal_text(value, lang)
            canvas.add(
                el(
                    "rect",
                    {
                        "x": bx,
                        "y": top,
                        "width": frame.bar,
                        "height": frame.base - top,
                        "fill": _texture(canvas, indicator),
                        "data-series": indicator,
                        "data-year": year,
                        "data-value": value_of(value),
                    },
                    el("title", {}, text=f"{year} · {_name(indicator, lang)}: {written} %"),
                )
            )
            canvas.text(
                bx + frame.bar / 2,
                top - 4,
                written,
                cls="s",
                anchor="middle",
                extra={"data-value": value_of(value)},
            )
    return gaps


def _marks(canvas: Canvas, chart: AccessChart, frame: _Frame) -> None:
    """Draw each target as a dashed line across its bar's place, labelled where no bar is."""
    points = {p.year: p for p in chart.data.points}
    for target in chart.data.targets:
        bx = frame.x(target.year, target.indicator)
        y = frame.y(target.value)
        canvas.add(
            el(
                "line",
                {
                    "x1": bx - 4,
                    "y1": y,
                    "x2": bx + frame.bar + 4,
                    "y2": y,
                    "stroke": TARGET,
                    **_DASHED,
                    "data-target": target.indicator,
                    "data-year": target.year,
                    "data-value": value_of(target.value),
                },
                el("title", {}, text=_target_line(chart, target)),
            )
        )
        point = points.get(target.year)
        if point is None or point.value(target.indicator) is None:
            # The bar's place is empty: name the target there (a bar carries its own label).
            canvas.text(
                bx + frame.bar / 2,
                y - 5,
                decimal_text(target.value, chart.lang),
                cls="s",
                anchor="middle",
                extra={"data-value": value_of(target.value)},
            )


def _legend(chart: AccessChart, canvas: Canvas, *, gaps: bool, breaks: bool) -> list[LegendItem]:
    lang = chart.lang
    items = [
        LegendItem(swatch_box(_texture(canvas, i), stroke=FILLS[i][0]), _name(i, lang))
        for i in INDICATORS
    ]
    if chart.data.targets:

        def dashed(x: float, top: float) -> str:
            y = top + SWATCH / 2
            return el(
                "line",
                {"x1": x, "y1": y, "x2": x + SWATCH, "y2": y, "stroke": TARGET, **_DASHED},
            )

        items.append(LegendItem(dashed, say("chart_target_legend", lang)))
    if gaps:
        items.append(LegendItem(swatch_text("–"), say("chart_no_data", lang)))
    if breaks:
        items.append(LegendItem(swatch_text("⋯"), say("chart_years_skipped", lang)))
    return items


def _draw(chart: AccessChart) -> str:
    lang = chart.lang
    years = sorted({*(p.year for p in chart.data.points), *(t.year for t in chart.data.targets)})
    values = [
        decimal_text(value, lang)
        for p in chart.data.points
        for i in INDICATORS
        if (value := p.value(i)) is not None
    ]
    bar = max([24.0, *(text_width(t, 10) + 4 for t in values)])
    slot = 3 * bar + 4 + 18
    breaks = sum(1 for a, b in itertools.pairwise(years) if b > a + 1)
    axis = text_width("100 %", 10) + 8
    width = max(2 * PAD + axis + slot * len(years) + BREAK * breaks, 480.0)
    canvas = chart._canvas(width, lang)
    canvas.title(_title(chart))
    left = PAD + axis
    base = TITLE_BLOCK + ROOM + PLOT
    starts: dict[int, float] = {}
    x = left
    for index, year in enumerate(years):
        if index and year > years[index - 1] + 1:
            canvas.text(x + BREAK / 2, base + 16, "⋯", anchor="middle")
            x += BREAK
        starts[year] = x
        x += slot
    frame = _Frame(left=left, base=base, bar=bar, slot=slot, starts=starts)
    for tick in TICKS:
        y = frame.y(Decimal(tick))
        canvas.add(el("line", {"x1": left, "y1": y, "x2": width - PAD, "y2": y, "stroke": GRID}))
        canvas.text(left - 4, y + 3.5, f"{tick} %", cls="s m", anchor="end")
    gaps = _bars(canvas, chart, frame)
    canvas.add(el("line", {"x1": left, "y1": base, "x2": width - PAD, "y2": base, "stroke": INK}))
    _marks(canvas, chart, frame)
    bottom = canvas.legend(_legend(chart, canvas, gaps=gaps, breaks=bool(breaks)), base + 30)
    lines = [_target_line(chart, t) for t in _targets(chart)]
    bottom = canvas.notes(lines, bottom + 4) if lines else bottom
    return canvas.render(height=bottom + PAD - 6, title=_title(chart), desc=_desc(chart))
