"""What every chart shares: the canvas (frame, style, patterns, legend) and the chart base class.

The look, chosen once for all charts:

* **A fixed light background.** Every chart paints its own white rectangle and writes dark text
  (``#1f2328``, muted ``#57606a``), so it reads the same in a light or a dark notebook theme and
  on paper. Fills keep a contrast of at least 4.5:1 with the text written on them (checked by
  the tests), and light fills carry a dark outline.
* **Colour is never the only cue.** Unknown and undecided parts are hatched (a ``<pattern>``) and
  named in the legend; series differ by position, outline or marker shape as well as colour.
* **Text is text.** Labels are ``<text>`` elements; the font family and sizes are set once, in
  the chart's ``<style>`` (scoped to the chart's id), never per element.
* **Deterministic bytes.** The chart's id is a hash of the chart object (its data, language and
  title), coordinates are rounded to 0.1, and nothing depends on the clock or on chance.
"""

from __future__ import annotations

import hashlib
import math
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final

import attrs

from sanitasi_core import _validators as v
from sanitasi_core.charts._i18n import Lang
from sanitasi_core.charts._svg import AttrValue, el, fit, text_width

__all__ = [
    "INK",
    "LINE",
    "MUTED",
    "PAD",
    "PAPER",
    "TITLE_BLOCK",
    "Canvas",
    "Chart",
    "LegendItem",
    "classes",
    "contrast",
    "ink_on",
    "lang_field",
    "swatch_box",
    "swatch_text",
    "title_field",
]

INK: Final = "#1f2328"
MUTED: Final = "#57606a"
PAPER: Final = "#ffffff"
PAD: Final = 16.0
FONTS: Final = 'system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif'

#: Text classes: name → (size in px, bold). The sizes are written once, in the ``<style>``.
TEXT: Final = {"": (12.0, False), "t": (15.0, True), "s": (10.0, False), "v": (11.0, True)}
_CSS: Final = (
    "#{id} text{{font-family:{fonts};font-size:12px;fill:{ink}}}"
    "#{id} .t{{font-size:15px;font-weight:600}}"
    "#{id} .s{{font-size:10px}}"
    "#{id} .v{{font-size:11px;font-weight:600}}"
    "#{id} .m{{fill:{muted}}}"
    "#{id} .i{{fill:{paper}}}"
    "#{id} .h{{stroke:{paper};stroke-width:3px;stroke-linejoin:round;paint-order:stroke}}"
)
TITLE_BASELINE: Final = PAD + 14.0
TITLE_BLOCK: Final = PAD + 30.0  # where the drawing starts below the visible title
MAX_TITLE_WIDTH: Final = 760
"""A chart widens to fit its title up to this width; a longer title is cut with an ellipsis."""
SWATCH: Final = 12.0
LINE: Final = 18.0  # height of a legend or note line


def lang_field() -> Lang:
    """A ``lang`` attrs field: ``"id"`` (the default) or ``"en"``."""
    return attrs.field(default="id", validator=attrs.validators.in_(("id", "en")))


def title_field() -> str | None:
    """A ``title`` attrs field: a title replacing the generated one, in the chart's language."""
    return attrs.field(  # type: ignore[no-any-return]
        default=None, validator=v.optional(v.text_value)
    )


def classes(cls: str) -> tuple[float, bool]:
    """Return (size, bold) of a text with CSS classes *cls* (modifiers do not change size)."""
    for name in cls.split():
        if name in TEXT:
            return TEXT[name]
    return TEXT[""]


@attrs.frozen
class LegendItem:
    """One legend entry: a swatch drawn by *swatch(x, top)* and its label."""

    swatch: Callable[[float, float], str]
    label: str


@attrs.define
class Canvas:
    """Collects the elements of one chart and writes the SVG document around them."""

    ident: str
    width: float
    lang: Lang
    parts: list[str] = attrs.Factory(list)
    defs: dict[str, str] = attrs.Factory(dict)

    def add(self, *markup: str) -> None:
        """Append elements, already written."""
        self.parts.extend(markup)

    def text(
        self,
        x: float,
        y: float,
        content: str,
        *,
        cls: str = "",
        anchor: str | None = None,
        room: float | None = None,
        extra: dict[str, AttrValue] | None = None,
    ) -> str:
        """Write a text at baseline *y*; with *room*, truncated to that estimated width.

        Returns the text actually written (perhaps shortened), and appends the element.
        """
        size, bold = classes(cls)
        shown = fit(content, room, size, bold=bold) if room is not None else content
        if shown:
            attributes: dict[str, AttrValue] = {
                "x": x,
                "y": y,
                "class": cls or None,
                "text-anchor": anchor,
            }
            self.add(el("text", attributes | (extra or {}), text=shown))
        return shown

    def hatch(self, name: str = "hatch", *, back: str = "#eaeef2", line: str = MUTED) -> str:
        """Register a diagonal hatch pattern and return its ``url(#…)`` paint."""
        key = f"{self.ident}-{name}"
        if key not in self.defs:
            self.defs[key] = el(
                "pattern",
                {
                    "id": key,
                    "patternUnits": "userSpaceOnUse",
                    "width": 6,
                    "height": 6,
                    "patternTransform": "rotate(45)",
                },
                el("rect", {"width": 6, "height": 6, "fill": back}),
                el(
                    "line",
                    {"x1": 0, "y1": 0, "x2": 0, "y2": 6, "stroke": line, "stroke-width": 2.5},
                ),
            )
        return f"url(#{key})"

    def title(self, title: str) -> None:
        """Write the visible title at the top, widening the chart (up to a limit) to fit it.

        Called before anything else is drawn: the plot keeps its place at the left, and the
        legend below may use the width gained.
        """
        size, bold = TEXT["t"]
        need = math.ceil(text_width(title, size, bold=bold) + 2 * PAD)
        self.width = max(self.width, min(need, MAX_TITLE_WIDTH))
        self.text(PAD, TITLE_BASELINE, title, cls="t", room=self.width - 2 * PAD)

    def legend(self, items: Sequence[LegendItem], top: float) -> float:
        """Lay the legend out in lines from *top*, wrapping at the width; return its bottom."""
        x, y = PAD, top
        right = self.width - PAD
        for item in items:
            need = SWATCH + 6 + text_width(item.label, TEXT[""][0])
            if x > PAD and x + need > right:
                x, y = PAD, y + LINE
            self.add(item.swatch(x, y + 2))
            shown = self.text(x + SWATCH + 6, y + 12, item.label, room=right - x - SWATCH - 6)
            x += SWATCH + 6 + text_width(shown, TEXT[""][0]) + 16
        return y + LINE

    def notes(self, lines: Sequence[str], top: float, *, cls: str = "") -> float:
        """Write one note per line from *top*, each truncated to the width; return the bottom."""
        y = top
        for line in lines:
            self.text(PAD, y + 12, line, cls=cls, room=self.width - 2 * PAD)
            y += LINE
        return y

    def render(self, *, height: float, title: str, desc: str) -> str:
        """Write the whole SVG document: title, description, style, patterns, background, parts."""
        width, tall = math.ceil(self.width), math.ceil(height)
        css = _CSS.format(id=self.ident, fonts=FONTS, ink=INK, muted=MUTED, paper=PAPER)
        head = [
            el("title", {"id": f"{self.ident}-title"}, text=title),
            el("desc", {"id": f"{self.ident}-desc"}, text=desc),
            el("style", {}, text=css),
        ]
        if self.defs:
            head.append(el("defs", {}, *self.defs.values()))
        background = el("rect", {"x": 0, "y": 0, "width": width, "height": tall, "fill": PAPER})
        return el(
            "svg",
            {
                "xmlns": "http://www.w3.org/2000/svg",
                "id": self.ident,
                "role": "img",
                "aria-labelledby": f"{self.ident}-title {self.ident}-desc",
                "lang": self.lang,
                "viewBox": f"0 0 {width} {tall}",
                "width": width,
                "height": tall,
            },
            *head,
            background,
            *self.parts,
        )


def swatch_box(
    fill: str, *, stroke: str = INK, dash: str | None = None
) -> Callable[[float, float], str]:
    """A legend swatch: a small square filled with *fill*."""

    def draw(x: float, top: float) -> str:
        return el(
            "rect",
            {
                "x": x,
                "y": top,
                "width": SWATCH,
                "height": SWATCH,
                "fill": fill,
                "stroke": stroke,
                "stroke-width": 1,
                "stroke-dasharray": dash,
            },
        )

    return draw


def swatch_text(mark: str) -> Callable[[float, float], str]:
    """A legend swatch made of a character (``–`` for no data, ``⋯`` for skipped years)."""

    def draw(x: float, top: float) -> str:
        return el("text", {"x": x + SWATCH / 2, "y": top + 10, "text-anchor": "middle"}, text=mark)

    return draw


class Chart:
    """The behaviour every chart shares: ``to_svg``, Jupyter's ``_repr_svg_`` and ``save``."""

    __slots__ = ()

    def to_svg(self) -> str:
        """Return the chart as an SVG document (a string)."""
        raise NotImplementedError

    def _repr_svg_(self) -> str:
        return self.to_svg()

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the SVG to *path* (UTF-8) through a temporary file and a rename; return the path.

        The file is complete or absent: it is written beside *path* and renamed over it. A file
        replaced keeps its permissions; a new one is readable by everyone (``0644``).
        """
        target = Path(path)
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
        handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(self.to_svg())
            Path(temp).chmod(mode)
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        return target

    def _ident(self) -> str:
        """A stable id for the chart's elements: a hash of the chart object's repr."""
        digest = hashlib.sha256(repr(self).encode("utf-8", "backslashreplace")).hexdigest()
        return f"sc-{digest[:12]}"

    def _canvas(self, width: float, lang: Lang) -> Canvas:
        return Canvas(ident=self._ident(), width=math.ceil(width), lang=lang)


def _luminance(colour: str) -> float:
    """The WCAG relative luminance of a ``#rrggbb`` colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    """The WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    high, low = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def ink_on(fill: str) -> str:
    """The text class for text on *fill*: ``""`` (dark ink) or ``"i"`` (white), the clearer."""
    return "i" if contrast(PAPER, fill) > contrast(INK, fill) else ""
