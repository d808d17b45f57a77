"""The level chart: districts counted by milestone level, certain and possible side by side.

Each group (a province, or all districts) is a small panel; the panels share one vertical scale
so that their bars compare. Per level there are two bars, the **certain** level (solid) on the
left and the **possible** level (light, dashed outline) on the right; the districts whose two
levels differ are counted once more in an **undecided** column apart, hatched. Every bar has its
count written above it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from sanitasi_core import _validators as v
from sanitasi_core.charts._base import (
    INK,
    LINE,
    MUTED,
    PAD,
    TITLE_BLOCK,
    Canvas,
    Chart,
    LegendItem,
    lang_field,
    swatch_box,
    title_field,
)
from sanitasi_core.charts._data import LEVELS, Level, LevelCounts, LevelOverview
from sanitasi_core.charts._i18n import Lang, integer_text, level_text, say
from sanitasi_core.charts._svg import el, fit, text_width

__all__ = ["LevelChart"]

CERTAIN_FILL = "#1f5f99"  # dark blue; white text would read on it at 6.6:1
POSSIBLE_FILL = "#b6d4f0"  # light blue, outlined in CERTAIN_FILL with a dashed stroke
PLOT = 110.0  # height of the tallest bar
HEAD = 18.0  # the group's heading line
ROOM = 16.0  # above the tallest bar, for its count
FOOT = 24.0  # below the baseline, for the level names
GAP = 14.0  # between panels
SEPARATE = 14.0  # between the level columns and the undecided column


@attrs.frozen(kw_only=True)
class LevelChart(Chart):
    """Districts by milestone level: certain and possible side by side, undecided apart.

    Attributes:
        data: the counts, one group or one per province.
        lang: ``"id"`` (Bahasa Indonesia, the default) or ``"en"``.
        title: a title replacing the generated one, in *lang*.

    Example::

        chart = LevelChart.from_rows(
            [("64.11", "Kalimantan Timur", "M2", "M2"), ("64.01", "Kalimantan Timur", None, "M3")]
        )
        svg = chart.to_svg()
    """

    data: LevelOverview = attrs.field(validator=v.instance(LevelOverview))
    lang: Lang = lang_field()
    title: str | None = title_field()

    @classmethod
    def from_rows(
        cls,
        rows: Iterable[tuple[str, str, str | None, str | None]],
        *,
        subject: str | None = None,
        by_province: bool = True,
        lang: Lang = "id",
    ) -> LevelChart:
        """Chart districts given as ``(region code, province, certain, possible)`` rows.

        See :meth:`LevelOverview.from_rows`.
        """
        overview = LevelOverview.from_rows(rows, subject=subject, by_province=by_province)
        return cls(data=overview, lang=lang)

    def to_svg(self) -> str:
        """Return the chart as an SVG document."""
        return _draw(self)


def _title(chart: LevelChart) -> str:
    if chart.title is not None:
        return chart.title
    subject = chart.data.subject
    if subject is None:
        return say("chart_levels_title", chart.lang)
    return say("chart_levels_title_of", chart.lang, subject=subject)


def _group_name(group: LevelCounts, lang: Lang) -> str:
    return group.group if group.group is not None else say("chart_levels_all", lang)


def _listing(counts: Mapping[Level, int], lang: Lang) -> str:
    return ", ".join(f"{level_text(k, lang)} {integer_text(n, lang)}" for k, n in counts.items())


def _desc(chart: LevelChart) -> str:
    lang = chart.lang
    groups = " ".join(
        say(
            "chart_levels_desc_group",
            lang,
            group=_group_name(g, lang),
            certain=_listing(g.certain, lang),
            possible=_listing(g.possible, lang),
            undecided=integer_text(g.undecided, lang),
        )
        for g in chart.data.groups
    )
    return say("chart_levels_desc", lang, groups=groups)


def _bar(
    canvas: Canvas,
    *,
    x: float,
    base: float,
    width: float,
    height: float,
    fill: str,
    series: str,
    level: str,
    count: int,
    group: str,
    dash: str | None = None,
) -> None:
    lang = canvas.lang
    label = say(f"chart_levels_{series}", lang)
    where = level_text(level, lang) if level != "undecided" else label
    tip = f"{group} · {where} · {label}: {integer_text(count, lang)}"
    canvas.add(
        el(
            "rect",
            {
                "x": x,
                "y": base - height,
                "width": width,
                "height": height,
                "fill": fill,
                "stroke": CERTAIN_FILL if series != "undecided" else MUTED,
                "stroke-width": 1,
                "stroke-dasharray": dash,
                "data-series": series,
                "data-level": level,
                "data-group": group,
                "data-value": count,
            },
            el("title", {}, text=tip),
        )
    )
    canvas.text(
        x + width / 2,
        base - height - 4,
        integer_text(count, lang),
        cls="v",
        anchor="middle",
        extra={"data-value": count},
    )


def _draw(chart: LevelChart) -> str:
    lang = chart.lang
    groups = chart.data.groups
    widest = max(
        text_width(integer_text(n, lang), 11, bold=True)
        for g in groups
        for n in (*g.certain.values(), *g.possible.values(), g.undecided)
    )
    bar = max(22.0, widest + 6)
    column = max(76.0, 2 * bar + 16)
    width = max(2 * PAD + 6 * column + SEPARATE, 440.0)
    canvas = chart._canvas(width, lang)
    canvas.title(_title(chart))
    highest = max(max(*g.certain.values(), *g.possible.values(), g.undecided) for g in groups)
    scale = PLOT / highest if highest else 0.0
    hatch = canvas.hatch()
    top = TITLE_BLOCK
    for group in groups:
        name = _group_name(group, lang)
        total = integer_text(group.total, lang)
        # The name gives way, never the count: fit the name into what the rest leaves.
        rest = text_width(say("chart_levels_group", lang, group="", count=total), 11, bold=True)
        short = fit(name, width - 2 * PAD - rest, 11, bold=True) or "…"
        heading = say("chart_levels_group", lang, group=short, count=total)
        canvas.text(PAD, top + 13, heading, cls="v", room=width - 2 * PAD)
        base = top + HEAD + ROOM + PLOT
        for index, level in enumerate(LEVELS):
            left = PAD + index * column + (column - 2 * bar - 2) / 2
            for series, count, x, fill, dash in (
                ("certain", group.certain[level], left, CERTAIN_FILL, None),
                ("possible", group.possible[level], left + bar + 2, POSSIBLE_FILL, "4 2"),
            ):
                _bar(
                    canvas,
                    x=x,
                    base=base,
                    width=bar,
                    height=count * scale,
                    fill=fill,
                    series=series,
                    level=level,
                    count=count,
                    group=name,
                    dash=dash,
                )
            canvas.text(
                PAD + index * column + column / 2,
                base + 16,
                level_text(level, lang),
                anchor="middle",
                room=column - 4,
            )
        apart = PAD + 5 * column + SEPARATE
        canvas.add(
            el(
                "line",
                {
                    "x1": apart - SEPARATE / 2,
                    "y1": base - PLOT - ROOM,
                    "x2": apart - SEPARATE / 2,
                    "y2": base + FOOT - 4,
                    "stroke": MUTED,
                    "stroke-dasharray": "2 3",
                },
            )
        )
        _bar(
            canvas,
            x=apart + (column - bar) / 2,
            base=base,
            width=bar,
            height=group.undecided * scale,
            fill=hatch,
            series="undecided",
            level="undecided",
            count=group.undecided,
            group=name,
        )
        canvas.text(
            apart + column / 2,
            base + 16,
            say("chart_levels_undecided", lang),
            anchor="middle",
            room=column - 4,
        )
        canvas.add(
            el("line", {"x1": PAD, "y1": base, "x2": width - PAD, "y2": base, "stroke": INK})
        )
        top = base + FOOT + GAP
    bottom = canvas.legend(
        [
            LegendItem(
                swatch_box(CERTAIN_FILL, stroke=CERTAIN_FILL), say("chart_levels_certain", lang)
            ),
            LegendItem(
                swatch_box(POSSIBLE_FILL, stroke=CERTAIN_FILL, dash="4 2"),
                say("chart_levels_possible", lang),
            ),
            LegendItem(swatch_box(hatch, stroke=MUTED), say("chart_levels_undecided_note", lang)),
        ],
        top,
    )
    return canvas.render(height=bottom + PAD - LINE / 3, title=_title(chart), desc=_desc(chart))
