"""Tests of the SVG charts (sanitasi_core.charts): structure, numbers, determinism, geometry."""

import hashlib
import os
import re
import string
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanitasi_core import charts
from sanitasi_core._messages.charts import CHART_MESSAGES
from sanitasi_core._text import Lang
from sanitasi_core.charts import (
    LEVELS,
    RUNG_COLOURS,
    AccessChart,
    AccessPoint,
    AccessSeries,
    AccessTarget,
    CriteriaChart,
    CriteriaOverview,
    DesignationMark,
    DistrictYears,
    DistrictYearsChart,
    HouseholdLadder,
    HouseholdLadderChart,
    LadderShares,
    LevelChart,
    LevelCounts,
    LevelOverview,
    MilestoneCriteria,
    YearLevel,
    _base,
    _criteria,
    _i18n,
    _svg,
)
from sanitasi_core.charts._data import INDICATORS, OUTCOMES, RUNGS
from sanitasi_core.exceptions import ValidationError

SVG = "{http://www.w3.org/2000/svg}"
LANGS: tuple[Lang, ...] = ("id", "en")
ROOT = Path(__file__).resolve().parent.parent


class Milestone(StrEnum):
    """Stands for the library's ``Milestone``: a str-valued enum of the milestone codes."""

    M1 = "M1"
    M4 = "M4"


# --------------------------------------------------------------------------------------------
# Sample inputs
# --------------------------------------------------------------------------------------------

ROWS = [
    ("64.01", "Kalimantan Timur", "M2", "M2"),
    ("64.02", "Kalimantan Timur", None, "M3"),
    ("64.11", "Kalimantan Timur", "M4", "M4"),
    ("63.01", "Kalimantan Selatan", "M1", "M4"),
]


def levels() -> LevelOverview:
    """Two provinces, two undecided districts."""
    return LevelOverview.from_rows(ROWS, subject="Batch 2024")


def years() -> DistrictYears:
    """Five years with a gap (2021), every assistance status, designations in two years."""
    return DistrictYears(
        district="Kabupaten Mahakam Ulu",
        years=[
            YearLevel(year=2019, certain=None, possible="M1"),
            YearLevel(year=2020, certain="M1", possible="M2"),
            YearLevel(year=2022, certain="M2", possible="M4", m4_year=1, assistance="assisted"),
            YearLevel(
                year=2023, certain="M4", possible="M4", m4_year=2, assistance="post_assistance"
            ),
            YearLevel(year=2024, certain="M3", possible="M4", m4_year=3, assistance="unknown"),
        ],
        designations=[
            DesignationMark(year=2023, milestone="M1"),
            DesignationMark(year=2023, milestone="M2"),
            DesignationMark(year=2023, milestone="M3"),
            DesignationMark(year=2025, milestone="M4"),
        ],
    )


def access() -> AccessSeries:
    """Four years of figures (one missing aman), the 2024 and 2029 national targets."""
    return AccessSeries(
        subject="Kabupaten Contoh",
        points=[
            AccessPoint(year=2021, layak="78", aman="7.05", open_defecation="6"),
            AccessPoint(year=2022, layak="76.31", aman=None, open_defecation="7.2"),
            AccessPoint(year=2024, layak="81.2", aman="8.4", open_defecation="4.75"),
        ],
        targets=[
            AccessTarget(indicator="layak", year=2024, value=90),
            AccessTarget(indicator="aman", year=2024, value=15),
            AccessTarget(indicator="open_defecation", year=2024, value=0),
            AccessTarget(indicator="layak", year=2029, value=100),
            AccessTarget(indicator="aman", year=2029, value=30),
        ],
    )


def ladder() -> HouseholdLadder:
    """Three areas; total and urban have unknown households, rural adds up to less than 100."""
    return HouseholdLadder(
        subject="Kabupaten Contoh",
        rows=[
            LadderShares(
                area="urban",
                safely_managed=Decimal("12.5"),
                basic=Decimal("48.25"),
                limited=Decimal("10"),
                unimproved=Decimal("20"),
                open_defecation=Decimal("1.25"),
                unknown=Decimal("8"),
            ),
            LadderShares(
                area="total",
                safely_managed=Decimal("8"),
                basic=Decimal("40"),
                limited=Decimal("12"),
                unimproved=Decimal("25"),
                open_defecation=Decimal("10"),
                unknown=Decimal("5"),
            ),
            LadderShares(
                area="rural", basic=Decimal("30"), limited=Decimal("14.5"), unimproved=Decimal("30")
            ),
        ],
    )


def criteria() -> CriteriaOverview:
    """All four milestones, in a shuffled order."""
    return CriteriaOverview(
        subject="Kabupaten Mahakam Ulu",
        milestones=[
            MilestoneCriteria(milestone="M2", passed=2, unknown=5, not_applicable=1),
            MilestoneCriteria(milestone="M1", passed=4, failed=1, unknown=1),
            MilestoneCriteria(milestone="M3", unknown=7),
            MilestoneCriteria(milestone="M4", passed=1, failed=2, unknown=12, not_applicable=2),
        ],
    )


def all_charts(lang: Lang) -> list[object]:
    """One chart of each kind, in *lang*."""
    return [
        LevelChart(data=levels(), lang=lang),
        DistrictYearsChart(data=years(), lang=lang),
        AccessChart(data=access(), lang=lang),
        HouseholdLadderChart(data=ladder(), lang=lang),
        CriteriaChart(data=criteria(), lang=lang),
    ]


SAMPLES = [
    pytest.param(chart, id=f"{type(chart).__name__}-{lang}")
    for lang in LANGS
    for chart in all_charts(lang)
]


# --------------------------------------------------------------------------------------------
# Helpers: parsing and geometry
# --------------------------------------------------------------------------------------------


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314  # our own output


def drawn(root: ET.Element) -> Iterator[ET.Element]:
    """Every element outside ``<defs>`` (pattern tiles have their own coordinates)."""
    for child in root:
        if child.tag == f"{SVG}defs":
            continue
        yield child
        yield from drawn(child)


def find(root: ET.Element, tag: str, **data: str) -> list[ET.Element]:
    """Drawn elements *tag* whose ``data-*`` attributes (``series="x"``) all match."""
    return [
        e
        for e in drawn(root)
        if e.tag == f"{SVG}{tag}"
        and all(e.get(f"data-{k.replace('_', '-')}") == v for k, v in data.items())
    ]


def texts(root: ET.Element) -> list[str]:
    return [e.text or "" for e in drawn(root) if e.tag == f"{SVG}text"]


def number(text: str, lang: str) -> Decimal:
    """Read a number written in *lang* (``1.234,5`` / ``1,234.5``, ``−`` for minus, ``%``)."""
    group, point = (".", ",") if lang == "id" else (",", ".")
    plain = text.removesuffix("%").strip().replace("\u2212", "-")
    return Decimal(plain.replace(group, "").replace(point, "."))


def box(root: ET.Element) -> tuple[float, float]:
    _, _, width, height = (float(n) for n in root.get("viewBox", "").split())
    assert float(root.get("width", "")) == width
    assert float(root.get("height", "")) == height
    return width, height


def extents(element: ET.Element) -> list[tuple[float, float]]:
    """The corner points an element covers (text: its estimated box)."""
    tag = element.tag.removeprefix(SVG)
    get = lambda name: float(element.get(name, "0"))  # noqa: E731
    if tag == "rect":
        x, y = get("x"), get("y")
        return [(x, y), (x + get("width"), y + get("height"))]
    if tag == "line":
        return [(get("x1"), get("y1")), (get("x2"), get("y2"))]
    if tag == "circle":
        r = get("r")
        return [(get("cx") - r, get("cy") - r), (get("cx") + r, get("cy") + r)]
    if tag in {"polygon", "polyline"}:
        pairs = (p.split(",") for p in element.get("points", "").split())
        return [(float(x), float(y)) for x, y in pairs]
    if tag == "text":
        size, bold = _base.classes(element.get("class", ""))
        width = _svg.text_width(element.text or "", size, bold=bold)
        x, y = get("x"), get("y")
        start = {"middle": x - width / 2, "end": x - width}.get(element.get("text-anchor", ""), x)
        return [(start, y - size), (start + width, y + size * 0.3)]
    return []


def assert_inside(svg: str) -> None:
    root = parse(svg)
    width, height = box(root)
    for element in drawn(root):
        for x, y in extents(element):
            where = ET.tostring(element, encoding="unicode")[:120]
            assert -0.05 <= x <= width + 0.05, f"x={x} outside 0..{width}: {where}"
            assert -0.05 <= y <= height + 0.05, f"y={y} outside 0..{height}: {where}"


# --------------------------------------------------------------------------------------------
# Every chart
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("chart", SAMPLES)
class TestEveryChart:
    def test_parses_as_an_accessible_svg(self, chart) -> None:
        """The SVG parses; it is an image labelled by its own title and description."""
        root = parse(chart.to_svg())
        assert root.tag == f"{SVG}svg"
        assert root.get("role") == "img"
        assert root.get("lang") == chart.lang
        title_id, desc_id = root.get("aria-labelledby", "").split()
        title, desc = root[0], root[1]
        assert (title.tag, title.get("id")) == (f"{SVG}title", title_id)
        assert (desc.tag, desc.get("id")) == (f"{SVG}desc", desc_id)
        assert title.text
        assert desc.text
        assert len(desc.text) > len(title.text)

    def test_every_element_lies_inside_the_view_box(self, chart) -> None:
        """Rectangles, lines, markers and the estimated box of every text are inside."""
        assert_inside(chart.to_svg())

    def test_same_input_gives_the_same_bytes(self, chart) -> None:
        """Building the chart twice from equal input gives identical SVG."""
        again = attrs.evolve(chart)
        assert chart.to_svg() == again.to_svg()
        assert chart._repr_svg_() == chart.to_svg()

    def test_fonts_and_sizes_are_set_once_in_the_style(self, chart) -> None:
        """One ``<style>`` sets the font family and sizes; no text element sets its own."""
        root = parse(chart.to_svg())
        styles = [e for e in root.iter() if e.tag == f"{SVG}style"]
        assert len(styles) == 1
        css = styles[0].text or ""
        assert css.count("font-family:") == 1
        assert f"#{root.get('id')} text{{" in css
        for name in _base.TEXT:
            if name:
                assert f".{name}{{font-size:" in css
        for element in root.iter(f"{SVG}text"):
            assert not {"font-family", "font-size", "font-weight", "style"} & set(element.attrib)
            assert set(element.get("class", "").split()) <= {*_base.TEXT, "m", "i", "h"} - {""}

    def test_has_a_fixed_light_background(self, chart) -> None:
        """The first drawn element is a white rectangle covering the whole view box."""
        root = parse(chart.to_svg())
        width, height = box(root)
        head = {f"{SVG}{tag}" for tag in ("title", "desc", "style", "defs")}
        background = next(e for e in root if e.tag not in head)
        assert background.tag == f"{SVG}rect"
        assert background.get("fill") == "#ffffff"
        assert (float(background.get("width", "")), float(background.get("height", ""))) == (
            width,
            height,
        )

    def test_ids_are_unique_and_every_reference_resolves(self, chart) -> None:
        """Ids appear once, and every ``url(#…)`` names a pattern of the chart."""
        svg = chart.to_svg()
        ids = re.findall(r' id="([^"]+)"', svg)
        assert len(ids) == len(set(ids))
        assert set(re.findall(r"url\(#([^)]+)\)", svg)) <= set(ids)

    def test_save_writes_the_svg(self, chart, tmp_path: Path) -> None:
        """``save`` writes the SVG in UTF-8, replacing a file, and leaves no temporary file."""
        target = tmp_path / "chart.svg"
        target.write_text("old", "utf-8")
        assert chart.save(target) == target
        assert target.read_bytes() == chart.to_svg().encode("utf-8")
        assert [p.name for p in tmp_path.iterdir()] == ["chart.svg"]


def test_title_and_description_are_in_the_chosen_language() -> None:
    """The title and description differ between Indonesian and English, as catalogued."""
    for make, code in (
        (lambda lang: LevelChart(data=levels(), lang=lang), "chart_levels_desc"),
        (lambda lang: AccessChart(data=access(), lang=lang), "chart_access_desc"),
        (lambda lang: HouseholdLadderChart(data=ladder(), lang=lang), "chart_ladder_desc"),
        (lambda lang: CriteriaChart(data=criteria(), lang=lang), "chart_criteria_desc"),
        (lambda lang: DistrictYearsChart(data=years(), lang=lang), "chart_years_desc"),
    ):
        roots = {lang: parse(make(lang).to_svg()) for lang in LANGS}
        for lang, root in roots.items():
            opening = CHART_MESSAGES[code][lang].split("{")[0]
            assert (root[1].text or "").startswith(opening.strip())
        assert roots["id"][0].text != roots["en"][0].text


@pytest.mark.parametrize("chart", all_charts("id"), ids=lambda c: type(c).__name__)
def test_a_given_title_replaces_the_generated_one(chart) -> None:
    """``title=`` is used as the title and the visible heading, as given."""
    root = parse(attrs.evolve(chart, title="Judul < & >").to_svg())
    assert root[0].text == "Judul < & >"
    assert texts(root)[0] == "Judul < & >"


def test_a_failed_save_leaves_nothing_behind(tmp_path: Path) -> None:
    """When the rename fails (the target is a folder), the temporary file is removed."""
    (tmp_path / "chart.svg").mkdir()
    with pytest.raises(IsADirectoryError):
        CriteriaChart(data=criteria()).save(tmp_path / "chart.svg")
    assert [p.name for p in tmp_path.iterdir()] == ["chart.svg"]


def test_output_is_the_same_in_another_process() -> None:
    """A fresh interpreter with another hash seed writes the same bytes."""
    script = textwrap.dedent(
        f"""
        import hashlib
        from sanitasi_core.charts import LevelChart
        chart = LevelChart.from_rows({ROWS!r}, subject="Batch 2024")
        print(hashlib.sha256(chart.to_svg().encode()).hexdigest())
        """
    )
    here = hashlib.sha256(LevelChart.from_rows(ROWS, subject="Batch 2024").to_svg().encode())
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env
        )
        assert out.stdout.strip() == here.hexdigest()


def test_charts_differ_in_their_ids() -> None:
    """Two different charts on one page do not share ids."""
    one = parse(LevelChart(data=levels()).to_svg()).get("id")
    other = parse(LevelChart(data=levels(), lang="en").to_svg()).get("id")
    assert one != other


# --------------------------------------------------------------------------------------------
# LevelChart
# --------------------------------------------------------------------------------------------


class TestLevelChart:
    def test_two_bars_per_level_and_one_undecided_bar_per_group(self) -> None:
        """Each province gets ten level bars (certain, possible) and one hatched undecided bar."""
        root = parse(LevelChart(data=levels()).to_svg())
        for group in ("Kalimantan Selatan", "Kalimantan Timur"):
            for series in ("certain", "possible"):
                bars = find(root, "rect", series=series, group=group)
                assert [b.get("data-level") for b in bars] == list(LEVELS)
            (undecided,) = find(root, "rect", series="undecided", group=group)
            assert (undecided.get("fill") or "").startswith("url(#")
        (timur,) = [g for g in levels().groups if g.group == "Kalimantan Timur"]
        bars = find(root, "rect", series="certain", group="Kalimantan Timur")
        assert [int(b.get("data-value", "")) for b in bars] == [1, 0, 1, 0, 1]
        assert timur.undecided == 1

    def test_counts_are_written_on_the_bars(self) -> None:
        """Every bar's count is written above it, and the undecided label names it."""
        root = parse(LevelChart(data=levels(), lang="en").to_svg())
        written = [t for t in drawn(root) if t.tag == f"{SVG}text" and t.get("data-value")]
        assert len(written) == 2 * 11
        assert all(t.text == t.get("data-value") for t in written)
        assert "undecided" in texts(root)
        assert "none" in texts(root)

    def test_one_group_when_not_by_province(self) -> None:
        """``by_province=False`` counts every district in one group named 'all districts'."""
        chart = LevelChart.from_rows(ROWS, by_province=False, lang="en")
        (group,) = chart.data.groups
        assert (group.group, group.total, group.undecided) == (None, 4, 2)
        assert any(t.startswith("all districts") for t in texts(parse(chart.to_svg())))

    def test_milestone_members_and_none_are_levels(self) -> None:
        """``None`` counts as 'none', and a str-valued enum member as its code."""
        counts = LevelCounts(certain={None: 2}, possible={Milestone.M1: 1, "none": 1}, undecided=1)
        assert dict(counts.certain) == {"none": 2, "M1": 0, "M2": 0, "M3": 0, "M4": 0}
        assert counts.possible["M1"] == 1
        assert type(next(iter(counts.possible))) is str

    @pytest.mark.parametrize(
        ("changes", "path"),
        [
            ({"certain": {"M5": 1}}, "certain"),
            ({"certain": {None: 1, "none": 1}, "possible": {"M1": 2}}, "certain"),
            ({"certain": {"M1": -1}}, "certain.M1"),
            ({"possible": {"M1": 3}}, "possible"),
            ({"undecided": 5}, "undecided"),
            ({"certain": {"M2": 2}, "possible": {"M1": 2}, "undecided": 1}, "undecided"),
        ],
    )
    def test_inconsistent_counts_are_refused(self, changes: dict[str, Any], path: str) -> None:
        """Unknown levels, negative counts, unequal totals and impossible undecided counts fail."""
        fields: dict[str, Any] = {
            "certain": {"M1": 2},
            "possible": {"M1": 1, "M2": 1},
            "undecided": 1,
        } | changes
        with pytest.raises(ValidationError) as caught:
            LevelCounts(**fields)
        assert caught.value.problems[0].path == path

    def test_rows_with_problems_are_refused(self) -> None:
        """A doubled region code, an unknown level or certain above possible fail on the row."""
        for rows in (
            [*ROWS, ROWS[0]],
            [("64.01", "Kaltim", "M9", "M9")],
            [("64.01", "Kaltim", "M3", "M2")],
        ):
            with pytest.raises(ValidationError) as caught:
                LevelOverview.from_rows(rows)
            assert caught.value.problems[0].path.startswith("rows[")

    def test_counts_of_the_wrong_type_are_refused(self) -> None:
        """Counts must be a mapping, and a level a text (or None)."""
        with pytest.raises(ValidationError, match="expected"):
            LevelCounts(certain=[1, 2], possible={}, undecided=0)  # type: ignore[arg-type]
        with pytest.raises(ValidationError, match="unknown level 3"):
            YearLevel(year=2020, certain=3, possible="M1")  # type: ignore[arg-type]

    def test_empty_or_doubled_groups_are_refused(self) -> None:
        """A chart needs at least one group, and group names are unique."""
        group = LevelCounts(certain={"M1": 1}, possible={"M1": 1}, undecided=0)
        with pytest.raises(ValidationError, match="nothing to draw"):
            LevelOverview(groups=[])
        with pytest.raises(ValidationError, match="more than once"):
            LevelOverview(groups=[group, group])


# --------------------------------------------------------------------------------------------
# DistrictYearsChart
# --------------------------------------------------------------------------------------------


class TestDistrictYearsChart:
    def test_one_column_per_year_and_a_gap_for_a_missing_year(self) -> None:
        """Years run from first to last; the missing 2021 has no bar and a '–'."""
        root = parse(DistrictYearsChart(data=years()).to_svg())
        certain = find(root, "rect", series="certain")
        assert [b.get("data-year") for b in certain] == ["2019", "2020", "2022", "2023", "2024"]
        assert not find(root, "rect", year="2021")
        assert {str(y) for y in range(2019, 2026)} <= set(texts(root))
        assert "–" in texts(root)

    def test_possible_above_certain_is_hatched(self) -> None:
        """Only years whose possible level is higher get a hatched part, reaching it."""
        root = parse(DistrictYearsChart(data=years()).to_svg())
        possible = find(root, "rect", series="possible")
        assert [(b.get("data-year"), b.get("data-value")) for b in possible] == [
            ("2019", "M1"),
            ("2020", "M2"),
            ("2022", "M4"),
            ("2024", "M4"),
        ]
        assert all((b.get("fill") or "").startswith("url(#") for b in possible)
        assert {"belum ada–M1", "M1–M2", "M2–M4", "M4", "M3–M4"} <= set(texts(root))

    @pytest.mark.parametrize(("lang", "label"), [("id", "M4 th-2"), ("en", "M4 yr 2")])
    def test_m4_year_is_written_on_the_bar(self, lang: Lang, label: str) -> None:
        """The 'M4 year n' is written on the bar in the chosen language."""
        root = parse(DistrictYearsChart(data=years(), lang=lang).to_svg())
        (text,) = [t for t in drawn(root) if t.get("data-m4-year") == "2"]
        assert text.text == label
        assert text.get("class") == "v i"  # white on the solid bar

    def test_assistance_markers_differ_in_shape(self) -> None:
        """Assisted is a circle, post-assistance a square, unknown a dashed '?'; all in legend."""
        root = parse(DistrictYearsChart(data=years(), lang="en").to_svg())
        shapes = {
            e.get("data-assistance"): e.tag.removeprefix(SVG)
            for e in drawn(root)
            if e.get("data-assistance")
        }
        assert shapes == {"assisted": "circle", "post_assistance": "rect", "unknown": "g"}
        assert {"assisted", "post-assistance", "assistance unknown"} <= set(texts(root))

    def test_designations_are_triangles_on_the_year_axis(self) -> None:
        """One triangle per designation year, labelled with its milestones."""
        root = parse(DistrictYearsChart(data=years()).to_svg())
        marks = find(root, "polygon")
        marked = [
            (m.get("data-year"), m.get("data-milestones")) for m in marks if m.get("data-year")
        ]
        assert marked == [("2023", "M1 M2 M3"), ("2025", "M4")]
        assert {"M1–M3", "M4"} <= set(texts(root))

    def test_year_problems_are_refused(self) -> None:
        """Certain above possible, an M4 year below M4, and a doubled year fail."""
        with pytest.raises(ValidationError, match="above the possible"):
            YearLevel(year=2020, certain="M3", possible="M2")
        with pytest.raises(ValidationError, match="M4 year"):
            YearLevel(year=2020, certain="M3", possible="M3", m4_year=1)
        with pytest.raises(ValidationError, match="more than once"):
            DistrictYears(district="X", years=[years().years[0]] * 2)
        with pytest.raises(ValidationError, match="assisted"):
            YearLevel(year=2020, certain="M3", possible="M3", assistance="maybe")  # type: ignore[arg-type]  # an invalid value on purpose


# --------------------------------------------------------------------------------------------
# AccessChart
# --------------------------------------------------------------------------------------------


class TestAccessChart:
    def test_missing_figures_are_gaps_not_zero_bars(self) -> None:
        """A figure that is None has no bar; a '–' stands in its place."""
        root = parse(AccessChart(data=access()).to_svg())
        assert not find(root, "rect", series="aman", year="2022")
        assert find(root, "rect", series="layak", year="2022")
        assert [b.get("data-value") for b in find(root, "rect", series="layak")] == [
            "78",
            "76.31",
            "81.2",
        ]
        assert "–" in texts(root)

    @pytest.mark.parametrize(
        ("lang", "written"),
        [
            ("id", ["76,31", "selisih −8,8 pp", "selisih +4,75 pp", "selisih −21,6 pp"]),
            ("en", ["76.31", "gap −8.8 pp", "gap +4.75 pp", "gap −21.6 pp"]),
        ],
    )
    def test_shares_and_gaps_use_the_language_decimal_mark(self, lang: Lang, written) -> None:
        """Shares are written with the language's mark; gaps in pp carry their sign."""
        shown = " | ".join(texts(parse(AccessChart(data=access(), lang=lang).to_svg())))
        for item in written:
            assert item in shown

    def test_targets_are_dashed_lines_at_their_due_year(self) -> None:
        """Each target is a dashed line at its value, in its year's place for its indicator."""
        root = parse(AccessChart(data=access()).to_svg())
        lines = [e for e in find(root, "line") if e.get("data-target")]
        assert [(e.get("data-target"), e.get("data-year"), e.get("data-value")) for e in lines] == [
            (t.indicator, str(t.year), str(t.value)) for t in access().targets
        ]
        assert all(e.get("stroke-dasharray") for e in lines)
        (layak_2024,) = [
            e for e in lines if e.get("data-year") == "2024" and e.get("data-target") == "layak"
        ]
        (bar,) = find(root, "rect", series="layak", year="2024")
        assert (
            float(layak_2024.get("x1", ""))
            < float(bar.get("x", ""))
            < float(layak_2024.get("x2", ""))
        )

    def test_skipped_years_are_marked(self) -> None:
        """Between 2022 and 2024 and before 2029 the axis shows '⋯' (and the legend says why)."""
        shown = texts(parse(AccessChart(data=access(), lang="en").to_svg()))
        assert shown.count("⋯") == 2 + 1
        assert "years skipped" in shown

    def test_without_targets_or_figures(self) -> None:
        """A series without targets draws; one without figures draws its targets only."""
        alone = AccessSeries(points=[AccessPoint(year=2020, layak=50)])
        assert_inside(AccessChart(data=alone).to_svg())
        only = AccessSeries(
            points=[], targets=[AccessTarget(indicator="aman", year=2024, value=15)]
        )
        root = parse(AccessChart(data=only, lang="en").to_svg())
        assert not find(root, "rect", series="aman")
        assert any("no data yet" in t for t in texts(root))

    def test_input_problems_are_refused(self) -> None:
        """Floats, shares above 100, doubled years and empty series fail."""
        with pytest.raises(ValidationError):
            AccessPoint(year=2020, layak=50.5)  # type: ignore[arg-type]
        with pytest.raises(ValidationError, match="between 0 and 100"):
            AccessPoint(year=2020, aman="100.01")
        with pytest.raises(ValidationError, match="more than once"):
            AccessSeries(points=[AccessPoint(year=2020)] * 2)
        with pytest.raises(ValidationError, match="nothing to draw"):
            AccessSeries(points=[])


# --------------------------------------------------------------------------------------------
# HouseholdLadderChart
# --------------------------------------------------------------------------------------------


class TestHouseholdLadderChart:
    def test_rows_in_area_order_with_every_rung_and_unknown(self) -> None:
        """Rows run total, urban, rural; each has the five rungs then unknown, in order."""
        root = parse(HouseholdLadderChart(data=ladder()).to_svg())
        segments = [e for e in find(root, "rect") if e.get("data-area")]
        assert [e.get("data-area") for e in segments[::6]] == ["total", "urban", "rural"]
        for start in range(0, 18, 6):
            assert [e.get("data-series") for e in segments[start : start + 6]] == [
                *RUNGS,
                "unknown",
            ]

    def test_unknown_is_never_folded_into_a_rung(self) -> None:
        """An unknown share is a hatched segment of its own, after a gap, not a rung colour."""
        root = parse(HouseholdLadderChart(data=ladder()).to_svg())
        for area, share in (("total", "5"), ("urban", "8")):
            (unknown,) = find(root, "rect", series="unknown", area=area)
            assert unknown.get("data-value") == share
            assert (unknown.get("fill") or "").endswith("-hatch)")
            (od,) = find(root, "rect", series="open_defecation", area=area)
            right = float(od.get("x", "")) + float(od.get("width", ""))
            assert float(unknown.get("x", "")) > right
        rung_fills = {e.get("fill") for e in find(root, "rect") if e.get("data-series") in RUNGS}
        assert rung_fills == set(RUNG_COLOURS.values())

    def test_shares_are_written_inside_or_under_the_bar(self) -> None:
        """Wide segments carry their share; narrow ones are listed with their rung's name."""
        shown = texts(parse(HouseholdLadderChart(data=ladder(), lang="en").to_svg()))
        assert "48.25 %" in shown
        assert any("open defecation 1.25 %" in t for t in shown)

    def test_legend_names_every_rung_and_the_rest(self) -> None:
        """The legend lists the five rungs, unknown, and the unaccounted rest when there is one."""
        shown = set(texts(parse(HouseholdLadderChart(data=ladder(), lang="id").to_svg())))
        names = {CHART_MESSAGES[f"chart_rung_{k}"]["id"] for k in (*RUNGS, "unknown")}
        assert names <= shown
        assert CHART_MESSAGES["chart_ladder_rest"]["id"] in shown

    def test_from_shares_reads_a_summary_mapping(self) -> None:
        """A mapping keyed by rung names (as a ladder summary's) fills the shares."""
        row = LadderShares.from_shares("rural", {"basic": Decimal("60"), "unknown": Decimal(40)})
        assert (row.basic, row.unknown, row.safely_managed) == (
            Decimal(60),
            Decimal(40),
            Decimal(0),
        )

    def test_shares_above_100_are_refused(self) -> None:
        """Shares that add up to more than 100 fail, and so does a doubled area."""
        with pytest.raises(ValidationError, match="more than 100"):
            LadderShares(area="total", basic=Decimal("60"), unknown=Decimal("40.01"))
        row = LadderShares(area="total", basic=Decimal("60"))
        with pytest.raises(ValidationError, match="more than once"):
            HouseholdLadder(rows=[row, row])


# --------------------------------------------------------------------------------------------
# CriteriaChart
# --------------------------------------------------------------------------------------------


class TestCriteriaChart:
    def test_four_segments_per_milestone_in_order(self) -> None:
        """Rows run M1 … M4, each with pass, fail, unknown (hatched), not applicable."""
        root = parse(CriteriaChart(data=criteria()).to_svg())
        segments = [e for e in find(root, "rect") if e.get("data-milestone")]
        assert [e.get("data-milestone") for e in segments[::4]] == ["M1", "M2", "M3", "M4"]
        assert [e.get("data-series") for e in segments[:4]] == list(OUTCOMES)
        for e in segments:
            hatched = (e.get("fill") or "").startswith("url(#")
            assert hatched == (e.get("data-series") == "unknown")

    def test_tally_with_symbols_is_always_written(self) -> None:
        """After each bar, the counts are written with their symbols, whatever the room."""
        shown = texts(parse(CriteriaChart(data=criteria()).to_svg()))
        assert "✓ 4 · ✗ 1 · ? 1 · ⊘ 0" in shown
        assert "✓ 1 · ✗ 2 · ? 12 · ⊘ 2" in shown

    def test_a_milestone_without_criteria_draws(self) -> None:
        """A milestone with no criteria at all has empty segments and a zero tally."""
        data = CriteriaOverview(milestones=[MilestoneCriteria(milestone="M1")])
        root = parse(CriteriaChart(data=data).to_svg())
        assert "✓ 0 · ✗ 0 · ? 0 · ⊘ 0" in texts(root)

    def test_doubled_milestones_are_refused(self) -> None:
        """Each milestone appears at most once."""
        row = MilestoneCriteria(milestone="M1", passed=1)
        with pytest.raises(ValidationError, match="more than once"):
            CriteriaOverview(milestones=[row, row])
        with pytest.raises(ValidationError):
            MilestoneCriteria(milestone="none")


# --------------------------------------------------------------------------------------------
# Building blocks
# --------------------------------------------------------------------------------------------


class TestBuildingBlocks:
    @pytest.mark.parametrize(
        ("value", "written"),
        [(0.0, "0"), (-0.04, "0"), (-0.0, "0"), (12.0, "12"), (12.25, "12.2"), (-3.06, "-3.1")],
    )
    def test_coordinates_are_rounded_to_a_tenth(self, value: float, written: str) -> None:
        """Coordinates are written to 0.1, without a trailing '.0' and never as '-0'."""
        assert _svg.num(value) == written

    def test_a_coordinate_must_be_finite(self) -> None:
        """NaN or infinity is a layout bug and raises."""
        with pytest.raises(ValueError, match="finite"):
            _svg.num(float("nan"))

    @pytest.mark.parametrize(
        ("value", "lang", "written"),
        [
            (Decimal("76.31"), "id", "76,31"),
            (Decimal("76.31"), "en", "76.31"),
            (Decimal("1250.5"), "id", "1.250,5"),
            (Decimal("1250.5"), "en", "1,250.5"),
            (Decimal("-8.8"), "id", "−8,8"),
            (Decimal("-0.00"), "en", "0"),
            (Decimal("1E+1"), "en", "10"),
            (1234567, "id", "1.234.567"),
        ],
    )
    def test_numbers_are_written_exactly_in_the_language(self, value, lang, written) -> None:
        """Every digit given is kept, with the language's marks."""
        assert _i18n.decimal_text(value, lang) == written

    def test_signed_differences(self) -> None:
        """A positive difference has '+', a negative a true minus, zero none."""
        assert [_i18n.signed_text(Decimal(n), "id") for n in ("2.5", "-2.5", "0")] == [
            "+2,5",
            "−2,5",
            "0",
        ]

    def test_attributes_and_text_are_escaped_and_cleaned(self) -> None:
        """Markup characters are escaped; characters XML cannot hold become U+FFFD."""
        written = _svg.el("text", {"data-x": 'a"<b>&'}, text="x\x00<y>\n z")
        assert written == '<text data-x="a&quot;&lt;b&gt;&amp;">x\ufffd&lt;y&gt; z</text>'
        assert parse(written).text == "x\ufffd<y> z"

    def test_a_bool_is_not_an_attribute_value(self) -> None:
        """No attribute takes a bool; passing one is a programming error."""
        with pytest.raises(TypeError):
            _svg.el("rect", {"hidden": True})

    def test_fit_truncates_with_an_ellipsis(self) -> None:
        """A text too wide is cut to fit, ending in '…'; one that fits is kept."""
        assert _svg.fit("M1", 100, 12) == "M1"
        cut = _svg.fit("Kabupaten Mahakam Ulu", 60, 12)
        assert cut.endswith("…")
        assert _svg.text_width(cut, 12) <= 60
        assert _svg.fit("Kabupaten", 3, 12) == ""

    def test_text_width_errs_wide(self) -> None:
        """Bold is wider than regular, capitals wider than lower case, accents as their letter."""
        assert _svg.text_width("abc", 12, bold=True) > _svg.text_width("abc", 12)
        assert _svg.text_width("MMM", 12) > _svg.text_width("iii", 12)
        assert _svg.text_width("é", 12) == _svg.text_width("e", 12)
        assert _svg.text_width("e\u0301", 12) == _svg.text_width("e", 12)
        assert _svg.text_width("漢", 12) == 12

    def test_text_on_fills_has_enough_contrast(self) -> None:
        """Every fill that carries text gives it a contrast of at least 4.5:1."""
        fills = [*RUNG_COLOURS.values()]
        fills += [c for c, _, _ in _criteria.OUTCOME_STYLE.values() if c is not None]
        for fill in fills:
            ink = _base.PAPER if _base.ink_on(fill) == "i" else _base.INK
            assert _base.contrast(ink, fill) >= 4.5, fill
        assert _base.contrast(_base.MUTED, _base.PAPER) >= 4.5

    def test_language_must_be_id_or_en(self) -> None:
        """Any other language is refused."""
        with pytest.raises(ValueError, match="lang"):
            LevelChart(data=levels(), lang="fr")  # type: ignore[arg-type]

    def test_long_names_are_truncated_inside_the_box(self) -> None:
        """A long title and province name are cut with '…' (never the count) and stay inside."""
        rows = [("01", "Provinsi " + "Sangat Panjang " * 20, "M1", "M2")]
        chart = LevelChart.from_rows(rows, subject="Nama " * 40)
        svg = chart.to_svg()
        assert_inside(svg)
        shown = texts(parse(svg))
        assert shown[0].endswith("…")  # the title
        assert any(t.startswith("Provinsi Sangat") and t.endswith("…: 1 kab/kota") for t in shown)

    def test_public_face(self) -> None:
        """``__all__`` lists each public name once, and ``dir`` shows exactly those."""
        assert len(set(charts.__all__)) == len(charts.__all__)
        assert set(dir(charts)) == set(charts.__all__)
        assert all(getattr(charts, name) is not None for name in charts.__all__)


class TestMessages:
    @pytest.mark.parametrize("code", sorted(CHART_MESSAGES))
    def test_every_text_exists_in_both_languages(self, code: str) -> None:
        """Each code starts with 'chart_' and has differing id/en texts with equal placeholders."""
        entry = CHART_MESSAGES[code]
        fields = {
            lang: {name for _, name, _, _ in string.Formatter().parse(entry[lang]) if name}
            for lang in LANGS
        }
        assert code.startswith("chart_")
        assert set(entry) == set(LANGS)
        assert entry["id"].strip()
        assert entry["en"].strip()
        assert entry["id"] != entry["en"]
        assert fields["id"] == fields["en"]

    def test_codes_do_not_clash_with_the_catalogue(self) -> None:
        """No chart code is already a code of the library's message catalogue."""
        from sanitasi_core import _messages  # noqa: PLC0415

        assert not set(CHART_MESSAGES) & (set(_messages.CATALOGUE) - set(CHART_MESSAGES))

    def test_every_code_is_used(self) -> None:
        """Every catalogued text is used by the chart code."""
        folder = ROOT / "src/sanitasi_core/charts"
        source = "".join(p.read_text("utf-8") for p in sorted(folder.glob("*.py")))
        prefixes = tuple(re.findall(r"f[\"'](chart_[a-z_]*)\{", source))
        for code in CHART_MESSAGES:
            assert f'"{code}"' in source or code.startswith(prefixes), code


# --------------------------------------------------------------------------------------------
# Properties: the numbers drawn are the numbers given, and everything stays inside
# --------------------------------------------------------------------------------------------

level = st.sampled_from(LEVELS)
lang = st.sampled_from(LANGS)
names = st.text(min_size=1, max_size=60).filter(str.strip)
percent = st.integers(0, 10_000).flatmap(
    lambda n: st.sampled_from([Decimal(n).scaleb(-2), Decimal(n).scaleb(-2).normalize()])
)


@st.composite
def level_rows(draw) -> list[tuple[str, str, str, str]]:
    provinces = draw(st.lists(names, min_size=1, max_size=4, unique=True))
    rows = []
    for index in range(draw(st.integers(1, 40))):
        one, two = sorted(draw(st.tuples(level, level)), key=LEVELS.index)
        rows.append((f"{index:04d}", draw(st.sampled_from(provinces)), one, two))
    return rows


@st.composite
def access_series(draw) -> AccessSeries:
    all_years = draw(st.lists(st.integers(2010, 2035), min_size=1, max_size=8, unique=True))
    points = [
        AccessPoint(
            year=y,
            layak=draw(st.none() | percent),
            aman=draw(st.none() | percent),
            open_defecation=draw(st.none() | percent),
        )
        for y in all_years
    ]
    keys = draw(
        st.lists(st.tuples(st.sampled_from(INDICATORS), st.integers(2010, 2035)), unique=True)
    )
    targets = [AccessTarget(indicator=i, year=y, value=draw(percent)) for i, y in keys]
    return AccessSeries(subject=draw(st.none() | names), points=points, targets=targets)


@st.composite
def ladder_rows(draw) -> HouseholdLadder:
    rows = []
    for area in draw(
        st.lists(st.sampled_from(["total", "urban", "rural"]), min_size=1, unique=True)
    ):
        weights = draw(st.lists(st.integers(0, 1000), min_size=7, max_size=7))
        total = max(sum(weights), 1)
        hundredths = [w * 10_000 // total for w in weights[:6]]
        shares = {
            k: Decimal(h).scaleb(-2) for k, h in zip((*RUNGS, "unknown"), hundredths, strict=True)
        }
        rows.append(LadderShares(area=area, **shares))
    return HouseholdLadder(rows=rows)


criteria_rows = st.lists(
    st.builds(
        MilestoneCriteria,
        milestone=st.sampled_from(["M1", "M2", "M3", "M4"]),
        passed=st.integers(0, 60),
        failed=st.integers(0, 60),
        unknown=st.integers(0, 1200),
        not_applicable=st.integers(0, 60),
    ),
    min_size=1,
    max_size=4,
    unique_by=lambda m: m.milestone,
).map(lambda rows: CriteriaOverview(milestones=rows))


@st.composite
def district_years(draw) -> DistrictYears:
    entries = []
    for year in draw(st.lists(st.integers(2000, 2040), min_size=1, max_size=12, unique=True)):
        one, two = sorted(draw(st.tuples(level, level)), key=LEVELS.index)
        m4 = draw(st.none() | st.integers(1, 99)) if two == "M4" else None
        assistance = draw(st.none() | st.sampled_from(["assisted", "post_assistance", "unknown"]))
        entries.append(
            YearLevel(year=year, certain=one, possible=two, m4_year=m4, assistance=assistance)
        )
    marks = draw(
        st.lists(
            st.tuples(st.integers(2000, 2040), st.sampled_from(["M1", "M2", "M3", "M4"])),
            unique=True,
            max_size=6,
        )
    )
    designations = [DesignationMark(year=y, milestone=m) for y, m in marks]
    return DistrictYears(district=draw(names), years=entries, designations=designations)


def written_numbers_match(root: ET.Element, lang: str) -> None:
    """Each visible number tagged with ``data-value`` reads back as exactly that value."""
    for element in drawn(root):
        if element.tag == f"{SVG}text" and element.get("data-value") is not None:
            assert number(element.text or "", lang) == Decimal(element.get("data-value", ""))


@pytest.mark.property
@given(rows=level_rows(), lang=lang)
def test_level_bars_carry_the_counts(rows, lang) -> None:
    """Every bar's data-value and written count equal the counts of the rows; all inside."""
    chart = LevelChart.from_rows(rows, lang=lang)
    svg = chart.to_svg()
    root = parse(svg)
    for group in chart.data.groups:
        name = group.group
        assert name is not None  # grouped by province: every group has a name
        for series, counts in (("certain", group.certain), ("possible", group.possible)):
            bars = [
                b
                for b in find(root, "rect", series=series)
                if b.get("data-group") == _svg.clean(name)
            ]
            assert [int(b.get("data-value", "")) for b in bars] == [counts[k] for k in LEVELS]
        (undecided,) = [
            b
            for b in find(root, "rect", series="undecided")
            if b.get("data-group") == _svg.clean(name)
        ]
        assert int(undecided.get("data-value", "")) == group.undecided
    written_numbers_match(root, lang)
    assert sum(g.total for g in chart.data.groups) == len(rows)
    assert_inside(svg)


@pytest.mark.property
@given(series=access_series(), lang=lang)
def test_access_bars_carry_the_shares(series, lang) -> None:
    """Bars exist exactly for known figures and carry them; targets likewise; all inside."""
    svg = AccessChart(data=series, lang=lang).to_svg()
    root = parse(svg)
    expected = sorted(
        (i, p.year, value)
        for p in series.points
        for i in INDICATORS
        if (value := p.value(i)) is not None
    )
    bars = sorted(
        (b.get("data-series"), int(b.get("data-year", "")), Decimal(b.get("data-value", "")))
        for b in find(root, "rect")
        if b.get("data-series") in INDICATORS
    )
    assert bars == expected
    lines = sorted(
        (e.get("data-target"), int(e.get("data-year", "")), Decimal(e.get("data-value", "")))
        for e in find(root, "line")
        if e.get("data-target")
    )
    assert lines == sorted((t.indicator, t.year, t.value) for t in series.targets)
    written_numbers_match(root, lang)
    assert_inside(svg)


@pytest.mark.property
@given(data=ladder_rows(), lang=lang)
def test_ladder_segments_carry_the_shares(data, lang) -> None:
    """Each segment's data-value equals its share; unknown is always hatched; all inside."""
    svg = HouseholdLadderChart(data=data, lang=lang).to_svg()
    root = parse(svg)
    for row in data.rows:
        for key in (*RUNGS, "unknown"):
            (segment,) = find(root, "rect", series=key, area=row.area)
            assert Decimal(segment.get("data-value", "")) == row.share(key)
            assert (segment.get("fill") or "").endswith("-hatch)") == (key == "unknown")
    written_numbers_match(root, lang)
    under = [t.text or "" for t in drawn(root) if t.tag == f"{SVG}text" and t.get("class") == "s"]
    for text in under:
        for found in re.findall(r"(\S+) %", text):
            assert number(found, lang) in {
                r.share(k) for r in data.rows for k in (*RUNGS, "unknown")
            }
    assert_inside(svg)


@pytest.mark.property
@given(data=criteria_rows, lang=lang)
def test_criteria_segments_carry_the_counts(data, lang) -> None:
    """Each segment's data-value and each tally equal the counts; all inside."""
    svg = CriteriaChart(data=data, lang=lang).to_svg()
    root = parse(svg)
    for row in data.milestones:
        for outcome in OUTCOMES:
            (segment,) = find(root, "rect", series=outcome, milestone=row.milestone)
            assert int(segment.get("data-value", "")) == row.count(outcome)
        (tally,) = [
            t
            for t in drawn(root)
            if t.get("data-tally") and t.get("data-milestone") == row.milestone
        ]
        numbers = [number(n, lang) for n in re.findall(r"[\d.,]+", tally.text or "")]
        assert numbers == [row.count(o) for o in OUTCOMES]
    assert_inside(svg)


@pytest.mark.property
@given(data=district_years(), lang=lang)
def test_district_years_carry_the_levels(data, lang) -> None:
    """Each year's bars carry its levels, each M4 year is written; all inside."""
    svg = DistrictYearsChart(data=data, lang=lang).to_svg()
    root = parse(svg)
    for entry in data.years:
        (certain,) = find(root, "rect", series="certain", year=str(entry.year))
        assert certain.get("data-value") == entry.certain
        possible = find(root, "rect", series="possible", year=str(entry.year))
        assert [p.get("data-value") for p in possible] == (
            [entry.possible] if entry.possible != entry.certain else []
        )
    m4 = sorted(int(t.get("data-m4-year", "")) for t in drawn(root) if t.get("data-m4-year"))
    assert m4 == sorted(e.m4_year for e in data.years if e.m4_year is not None)
    assert_inside(svg)


@pytest.mark.property
@given(rows=level_rows(), lang=lang)
def test_same_input_same_bytes(rows, lang) -> None:
    """Equal inputs built separately give byte-identical SVG."""
    assert (
        LevelChart.from_rows(rows, lang=lang).to_svg()
        == LevelChart.from_rows(list(rows), lang=lang).to_svg()
    )
