"""The household ladder chart: the JMP sanitation ladder as stacked bars, total, urban, rural.

Each bar runs from 0 to 100 % and is stacked in the ladder's order, best rung first: safely
managed, basic, limited, unimproved, open defecation. Households whose rung is **unknown** get a
hatched band of their own after a small gap, never folded into a rung; shares that add up to less
than 100 leave an empty, outlined rest. A share is written inside its segment when it fits, and
otherwise on the line under the bar, with the rung's name.

The rung colours follow the JMP's ladder hues (dark green, light green, yellow, amber, red-orange)
as used by JMP dashboards (e.g. akvo's JMP charts: ``#368541``, ``#79BE7D``, ``#FDF177``); amber
and red-orange are chosen here so that unimproved and open defecation stay apart and each fill
carries its written share at 4.5:1 or better.
"""

from __future__ import annotations

from decimal import Decimal
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
from sanitasi_core.charts._data import AREAS, RUNGS, HouseholdLadder, LadderShares
from sanitasi_core.charts._i18n import Lang, decimal_text, say, value_of
from sanitasi_core.charts._svg import AttrValue, el, text_width

__all__ = ["RUNG_COLOURS", "HouseholdLadderChart"]

RUNG_COLOURS: Final = {
    "safely_managed": "#368541",  # dark green (white text, 4.6:1)
    "basic": "#79be7d",  # light green
    "limited": "#fdf177",  # yellow
    "unimproved": "#f1ac2a",  # amber
    "open_defecation": "#b8431f",  # red-orange (white text, 5.4:1)
}
"""The fill of each rung, best first: the JMP's ladder hues."""
BAR: Final = 440.0  # length of 100 %
TALL: Final = 26.0  # height of a bar
APART: Final = 4.0  # the gap before the unknown band (100 % is BAR - APART long)
_HUNDRED: Final = Decimal(100)
_OUTLINE: Final[dict[str, AttrValue]] = {
    "stroke": MUTED,
    "stroke-dasharray": "2 2",
    "data-series": "outline",
}


@attrs.frozen(kw_only=True)
class HouseholdLadderChart(Chart):
    """The household sanitation ladder by area, unknown drawn apart.

    Attributes:
        data: the shares by area.
        lang: ``"id"`` (Bahasa Indonesia, the default) or ``"en"``.
        title: a title replacing the generated one, in *lang*.
    """

    data: HouseholdLadder = attrs.field(validator=v.instance(HouseholdLadder))
    lang: Lang = lang_field()
    title: str | None = title_field()

    def to_svg(self) -> str:
        """Return the chart as an SVG document."""
        return _draw(self)


def _title(chart: HouseholdLadderChart) -> str:
    if chart.title is not None:
        return chart.title
    if chart.data.subject is None:
        return say("chart_ladder_title", chart.lang)
    return say("chart_ladder_title_of", chart.lang, subject=chart.data.subject)


def _rows(chart: HouseholdLadderChart) -> list[LadderShares]:
    return sorted(chart.data.rows, key=lambda r: AREAS.index(r.area))


def _keys() -> tuple[str, ...]:
    return (*RUNGS, "unknown")


def _share_text(value: Decimal, lang: Lang) -> str:
    return f"{decimal_text(value, lang)} %"


def _desc(chart: HouseholdLadderChart) -> str:
    lang = chart.lang
    rows = " ".join(
        f"{say(f'chart_area_{row.area}', lang)}: "
        + ", ".join(
            f"{say(f'chart_rung_{key}', lang)} {_share_text(row.share(key), lang)}"
            for key in _keys()
        )
        + "."
        for row in _rows(chart)
    )
    return say("chart_ladder_desc", lang, rows=rows)


def _layout(row: LadderShares, lang: Lang) -> tuple[list[tuple[str, float, float]], list[str]]:
    """The segments of a row as (key, x offset, width), and the shares written under the bar."""
    segments: list[tuple[str, float, float]] = []
    under: list[str] = []
    offset = 0.0
    for key in _keys():
        if key == "unknown":
            offset += APART
        share = row.share(key)
        length = float(share / _HUNDRED) * (BAR - APART)
        segments.append((key, offset, length))
        offset += length
        label = _share_text(share, lang)
        if share and text_width(label, 11, bold=True) + 6 > length:
            under.append(f"{say(f'chart_rung_{key}', lang)} {label}")
    return segments, under


def _segment(
    canvas: Canvas, row: LadderShares, key: str, x: float, y: float, length: float
) -> None:
    lang = canvas.lang
    share = row.share(key)
    fill = canvas.hatch() if key == "unknown" else RUNG_COLOURS[key]
    label = _share_text(share, lang)
    name = say(f"chart_rung_{key}", lang)
    canvas.add(
        el(
            "rect",
            {
                "x": x,
                "y": y,
                "width": length,
                "height": TALL,
                "fill": fill,
                "stroke": MUTED if key == "unknown" else "#ffffff",
                "stroke-width": 1 if key == "unknown" else 0.5,
                "data-series": key,
                "data-area": row.area,
                "data-value": value_of(share),
            },
            el("title", {}, text=f"{say(f'chart_area_{row.area}', lang)} · {name}: {label}"),
        )
    )
    if share and text_width(label, 11, bold=True) + 6 <= length:
        cls = "v h" if key == "unknown" else f"v {ink_on(fill)}".strip()
        canvas.text(
            x + length / 2,
            y + TALL / 2 + 4,
            label,
            cls=cls,
            anchor="middle",
            extra={"data-value": value_of(share)},
        )


def _draw(chart: HouseholdLadderChart) -> str:
    lang = chart.lang
    rows = _rows(chart)
    layouts = [_layout(row, lang) for row in rows]
    column = max(text_width(say(f"chart_area_{row.area}", lang), 12) for row in rows) + 12
    widest_under = max(
        (text_width(" · ".join(under), 10) for _, under in layouts if under), default=0.0
    )
    width = max(2 * PAD + column + BAR, 2 * PAD + column + widest_under, 480.0)
    canvas = chart._canvas(width, lang)
    canvas.title(_title(chart))
    left = PAD + column
    y = TITLE_BLOCK
    for row, (segments, under) in zip(rows, layouts, strict=True):
        canvas.text(PAD, y + TALL / 2 + 4, say(f"chart_area_{row.area}", lang), room=column - 8)
        canvas.add(
            el(
                "rect",
                {"x": left, "y": y, "width": BAR, "height": TALL, "fill": "none", **_OUTLINE},
            )
        )
        for key, offset, length in segments:
            _segment(canvas, row, key, left + offset, y, length)
        y += TALL
        if under:
            canvas.text(left, y + 13, " · ".join(under), cls="s", room=width - PAD - left)
            y += 16
        y += 12
    items = [
        LegendItem(swatch_box(RUNG_COLOURS[key], stroke=MUTED), say(f"chart_rung_{key}", lang))
        for key in RUNGS
    ]
    items.append(
        LegendItem(swatch_box(canvas.hatch(), stroke=MUTED), say("chart_rung_unknown", lang))
    )
    if any(row.total < _HUNDRED for row in rows):
        items.append(
            LegendItem(swatch_box("none", stroke=MUTED, dash="2 2"), say("chart_ladder_rest", lang))
        )
    bottom = canvas.legend(items, y + 2)
    return canvas.render(height=bottom + PAD - 6, title=_title(chart), desc=_desc(chart))
