"""The district-years chart: the level one district reached in each fiscal year.

One column per year, from the first year to the last (a year without a decision is a gap marked
``–``, never a zero bar). The solid bar reaches the **certain** level; when the possible level is
higher, a hatched part continues up to it. The level (or the range ``M1–M3``) is written above the
bar and the "M4 year *n*" inside it. Under the year axis, a marker says whether the year was
assisted (filled circle), post-assistance (open square) or unknown (``?`` in a dashed circle),
and a triangle marks the milestones designated by decree that year.
"""

from __future__ import annotations

from collections.abc import Sequence

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
from sanitasi_core.charts._checks import rank
from sanitasi_core.charts._data import (
    LEVELS,
    MILESTONES,
    Assistance,
    DesignationMark,
    DistrictYears,
    YearLevel,
)
from sanitasi_core.charts._i18n import Lang, level_text, say
from sanitasi_core.charts._svg import AttrValue, el, num, text_width

__all__ = ["DistrictYearsChart"]

CERTAIN_FILL = "#1f5f99"
POSSIBLE_BACK = "#dbe9f7"
GRID = "#d0d7de"
MARK = "#7d4e00"  # designation triangles: dark amber, 7.6:1 on white
STEP = 28.0  # height of one level
ROOM = 18.0  # above the highest bar, for its label


@attrs.frozen(kw_only=True)
class DistrictYearsChart(Chart):
    """One district's milestone level by fiscal year, with assistance and designations.

    Attributes:
        data: the district's levels by year and its designations.
        lang: ``"id"`` (Bahasa Indonesia, the default) or ``"en"``.
        title: a title replacing the generated one, in *lang*.
    """

    data: DistrictYears = attrs.field(validator=v.instance(DistrictYears))
    lang: Lang = lang_field()
    title: str | None = title_field()

    def to_svg(self) -> str:
        """Return the chart as an SVG document."""
        return _draw(self)


def _range(entry: YearLevel, lang: Lang) -> str:
    low, high = level_text(entry.certain, lang), level_text(entry.possible, lang)
    return low if entry.certain == entry.possible else f"{low}–{high}"


def _designated(marks: Sequence[DesignationMark]) -> str:
    """``M1–M3`` for a run of milestones, ``M1, M3`` for separate ones."""
    ranks = sorted({MILESTONES.index(m.milestone) + 1 for m in marks})
    runs: list[list[int]] = []
    for r in ranks:
        if runs and runs[-1][-1] == r - 1:
            runs[-1].append(r)
        else:
            runs.append([r])
    return ", ".join(f"M{run[0]}" if len(run) == 1 else f"M{run[0]}–M{run[-1]}" for run in runs)


def _title(chart: DistrictYearsChart) -> str:
    if chart.title is not None:
        return chart.title
    return say("chart_years_title", chart.lang, district=chart.data.district)


def _desc(chart: DistrictYearsChart, marks: dict[int, list[DesignationMark]]) -> str:
    lang = chart.lang
    years = []
    for entry in sorted(chart.data.years, key=lambda e: e.year):
        extra = []
        if entry.m4_year is not None:
            extra.append(say("chart_m4_year_long", lang, n=entry.m4_year))
        if entry.assistance is not None:
            extra.append(say(f"chart_assistance_{entry.assistance}", lang))
        tail = f" ({', '.join(extra)})" if extra else ""
        years.append(f"{entry.year}: {_range(entry, lang)}{tail}.")
    listed = "; ".join(f"{year} {_designated(found)}" for year, found in sorted(marks.items()))
    designations = say("chart_years_desc_marks", lang, marks=listed) if marks else ""
    return say(
        "chart_years_desc",
        lang,
        district=chart.data.district,
        years=" ".join(years),
        marks=designations,
    ).strip()


def _assistance_mark(kind: Assistance, x: float, y: float, tip: str) -> str:
    """The marker of an assistance status, centred on (x, y): its shape says what it is."""
    title = el("title", {}, text=tip)
    data: dict[str, AttrValue] = {"data-assistance": kind}
    if kind == "assisted":
        return el("circle", {"cx": x, "cy": y, "r": 5, "fill": INK, **data}, title)
    if kind == "post_assistance":
        shape: dict[str, AttrValue] = {"x": x - 5, "y": y - 5, "width": 10, "height": 10}
        return el(
            "rect", {**shape, "fill": "#ffffff", "stroke": INK, "stroke-width": 1.5, **data}, title
        )
    return el(
        "g",
        data,
        title,
        el(
            "circle",
            {"cx": x, "cy": y, "r": 6, "fill": "#ffffff", "stroke": INK, "stroke-dasharray": "2 2"},
        ),
        el("text", {"x": x, "y": y + 3.5, "class": "s", "text-anchor": "middle"}, text="?"),
    )


def _triangle(x: float, y: float) -> str:
    """An upward triangle 10 px wide whose base is at *y*, centred on *x*."""
    return f"{num(x - 5)},{num(y)} {num(x + 5)},{num(y)} {num(x)},{num(y - 9)}"


def _legend(chart: DistrictYearsChart, hatch: str, *, gaps: bool) -> list[LegendItem]:
    lang = chart.lang
    items = [
        LegendItem(
            swatch_box(CERTAIN_FILL, stroke=CERTAIN_FILL), say("chart_levels_certain", lang)
        ),
        LegendItem(
            swatch_box(hatch, stroke=CERTAIN_FILL, dash="3 2"), say("chart_possible_above", lang)
        ),
    ]
    present = {e.assistance for e in chart.data.years}
    for kind in ("assisted", "post_assistance", "unknown"):
        if kind in present:
            label = say(f"chart_assistance_{kind}", lang)

            def draw(x: float, top: float, kind: Assistance = kind, label: str = label) -> str:
                return _assistance_mark(kind, x + SWATCH / 2, top + SWATCH / 2, label)

            items.append(LegendItem(draw, label))
    if chart.data.designations:

        def triangle(x: float, top: float) -> str:
            return el("polygon", {"points": _triangle(x + SWATCH / 2, top + 11), "fill": MARK})

        items.append(LegendItem(triangle, say("chart_designation_legend", lang)))
    if gaps:
        items.append(LegendItem(swatch_text("–"), say("chart_no_data", lang)))
    return items


def _draw(chart: DistrictYearsChart) -> str:
    lang = chart.lang
    data = chart.data
    by_year = {e.year: e for e in data.years}
    marks: dict[int, list[DesignationMark]] = {}
    for mark in data.designations:
        marks.setdefault(mark.year, []).append(mark)
    first = min((*by_year, *marks))
    last = max((*by_year, *marks))
    years = range(first, last + 1)

    axis = max(text_width(level_text(level, lang), 12) for level in LEVELS) + 10
    inside = [say("chart_m4_year", lang, n=e.m4_year) for e in data.years if e.m4_year]
    above = [_range(e, lang) for e in data.years]
    bar = max([36.0, *(text_width(t, 11, bold=True) + 8 for t in inside)])
    slot = max(
        bar + 16,
        *(text_width(t, 11, bold=True) + 8 for t in above),
        *(text_width(_designated(found), 10) + 6 for found in marks.values()),
        48.0,
    )
    width = max(2 * PAD + axis + slot * len(years), 440.0)
    canvas = chart._canvas(width, lang)
    canvas.title(_title(chart))
    hatch = canvas.hatch("possible", back=POSSIBLE_BACK, line=CERTAIN_FILL)
    left = PAD + axis
    base = TITLE_BLOCK + ROOM + STEP * 4
    for level in LEVELS:
        y = base - rank(level) * STEP
        canvas.add(el("line", {"x1": left, "y1": y, "x2": width - PAD, "y2": y, "stroke": GRID}))
        canvas.text(left - 6, y + 4, level_text(level, lang), anchor="end", room=axis - 6)
    gaps = False
    for index, year in enumerate(years):
        middle = left + index * slot + slot / 2
        canvas.text(middle, base + 16, str(year), anchor="middle")
        entry = by_year.get(year)
        if entry is None:
            gaps = True
            canvas.text(middle, base - 5, "–", cls="m", anchor="middle")
        else:
            _column(canvas, entry, middle, base, bar, hatch)
        if year in marks:
            shown = _designated(marks[year])
            milestones = " ".join(sorted({m.milestone for m in marks[year]}))
            tip = say("chart_designation", lang, milestone=shown)
            canvas.add(
                el(
                    "polygon",
                    {
                        "points": _triangle(middle, base + 46),
                        "fill": MARK,
                        "data-year": year,
                        "data-milestones": milestones,
                    },
                    el("title", {}, text=tip),
                )
            )
            canvas.text(middle, base + 60, shown, cls="s", anchor="middle", room=slot - 2)
    canvas.add(el("line", {"x1": left, "y1": base, "x2": width - PAD, "y2": base, "stroke": INK}))
    bottom = canvas.legend(_legend(chart, hatch, gaps=gaps), base + 70)
    desc = _desc(chart, marks)
    return canvas.render(height=bottom + PAD - 6, title=_title(chart), desc=desc)


def _column(
    canvas: Canvas, entry: YearLevel, middle: float, base: float, bar: float, hatch: str
) -> None:
    lang = canvas.lang
    x = middle - bar / 2
    low, high = rank(entry.certain) * STEP, rank(entry.possible) * STEP
    data: dict[str, AttrValue] = {
        "data-year": entry.year,
        "data-certain": entry.certain,
        "data-possible": entry.possible,
    }
    tip = f"{entry.year}: {_range(entry, lang)}"
    canvas.add(
        el(
            "rect",
            {
                "x": x,
                "y": base - low,
                "width": bar,
                "height": low,
                "fill": CERTAIN_FILL,
                "data-series": "certain",
                "data-value": entry.certain,
                **data,
            },
            el("title", {}, text=tip),
        )
    )
    if high > low:
        canvas.add(
            el(
                "rect",
                {
                    "x": x,
                    "y": base - high,
                    "width": bar,
                    "height": high - low,
                    "fill": hatch,
                    "stroke": CERTAIN_FILL,
                    "stroke-dasharray": "3 2",
                    "data-series": "possible",
                    "data-value": entry.possible,
                    **data,
                },
                el("title", {}, text=tip),
            )
        )
    canvas.text(middle, base - high - 5, _range(entry, lang), cls="v", anchor="middle")
    if entry.m4_year is not None:
        inside = entry.certain == "M4"
        canvas.text(
            middle,
            base - 4 * STEP + 17,
            say("chart_m4_year", lang, n=entry.m4_year),
            cls="v i" if inside else "v h",
            anchor="middle",
            extra={"data-m4-year": entry.m4_year},
        )
    if entry.assistance is not None:
        tip = say(f"chart_assistance_{entry.assistance}", lang)
        canvas.add(_assistance_mark(entry.assistance, middle, base + 28, tip))
