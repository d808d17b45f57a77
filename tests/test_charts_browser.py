"""Every chart renders in a real browser: headless Chromium draws it and measures its texts.

Each kind of chart, filled from the bundled examples through the adapters, in both languages, is
put alone on a page and opened with ``chromium --headless``: a small script on the page measures
every text the browser laid out and writes the ones that stick out of the chart's box into the
DOM (``--dump-dom`` reads it back), and ``--screenshot`` must give a real, non-blank picture.
Skipped where no ``chromium`` is installed (Debian: ``apt-get install chromium``).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from sanitasi_core import charts, load_dossier
from sanitasi_core._text import Lang
from sanitasi_core.households import summarise_file
from sanitasi_core.rulebooks import default_rulebooks

from .test_html_browser import _png_size_and_pixels

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "src/sanitasi_core/data/examples"
CHROMIUM = shutil.which("chromium")
AS_OF = dt.date(2025, 12, 31)

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no 'chromium' on PATH (Debian: apt-get install chromium)"
)

_MEASURE = """
<script>
const svg = document.querySelector("svg");
const box = svg.getBoundingClientRect();
const out = [];
for (const t of svg.querySelectorAll("text")) {
  const r = t.getBoundingClientRect();
  if (r.width === 0) continue;
  if (r.left < box.left - 1 || r.top < box.top - 1 ||
      r.right > box.right + 1 || r.bottom > box.bottom + 1) {
    out.push(t.textContent + " @ " + [r.left, r.top, r.right, r.bottom].map(Math.round));
  }
}
document.body.setAttribute("data-overflow", JSON.stringify(out));
document.body.setAttribute("data-texts", String(svg.querySelectorAll("text").length));
</script>
"""


@functools.cache
def _pictures(lang: Lang) -> dict[str, str]:
    """Each kind of chart from the bundled examples, as SVG text."""
    books = default_rulebooks()
    dossiers = [load_dossier(p.read_bytes()) for p in sorted(EXAMPLES.glob("*.json"))]
    decisions = [books.evaluate(d, as_of=AS_OF) for d in dossiers]
    mahulu = next(d for d in dossiers if "Mahakam" in d.region.name)
    kapuas = next(d for d in dossiers if "Kapuas" in d.region.name)
    targets = [t for b in books.rulebooks for t in b.targets]
    summary = summarise_file(ROOT / "examples/households-sungai-lestari.csv").summary
    built = {
        "levels": charts.LevelChart(
            data=charts.levels_from_decisions(decisions, by_province=True), lang=lang
        ),
        "years": charts.DistrictYearsChart(
            data=charts.years_from_dossier(mahulu, books, as_of=AS_OF), lang=lang
        ),
        "access": charts.AccessChart(
            data=charts.access_from_dossier(kapuas, as_of=AS_OF, targets=targets), lang=lang
        ),
        "ladder": charts.HouseholdLadderChart(
            data=charts.ladder_from_summary(summary, subject="Sungai Lestari"), lang=lang
        ),
        "criteria": charts.CriteriaChart(
            data=charts.criteria_from_decision(decisions[-1]), lang=lang
        ),
    }
    return {kind: chart.to_svg() for kind, chart in built.items()}


def _chromium(page: Path, profile: Path, *extra: str) -> str:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        *extra,
        page.as_uri(),
    ]
    # A fixed browser with fixed flags, on a local file.
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("kind", ["levels", "years", "access", "ladder", "criteria"])
def test_each_chart_draws_inside_its_box(kind: str, lang: Lang, tmp_path: Path) -> None:
    """In a browser, every text of the chart lies inside it, and the picture is not blank."""
    svg = _pictures(lang)[kind]
    size = re.search(r'width="(\d+)" height="(\d+)"', svg)
    assert size is not None
    width, height = int(size[1]), int(size[2])
    page = tmp_path / f"{kind}.html"
    page.write_text(
        f'<!doctype html><html><body style="margin:0">{svg}{_MEASURE}</body></html>', "utf-8"
    )
    dom = _chromium(page, tmp_path / "profile", "--dump-dom")
    overflow = re.search(r'data-overflow="([^"]*)"', dom)
    texts = re.search(r'data-texts="(\d+)"', dom)
    assert overflow is not None, "the measuring script did not run"
    assert texts is not None
    assert int(texts[1]) > 5
    assert json.loads(overflow[1].replace("&quot;", '"')) == []
    shot = tmp_path / f"{kind}.png"
    _chromium(page, tmp_path / "profile", f"--screenshot={shot}", f"--window-size={width},{height}")
    shot_width, shot_height, pixels = _png_size_and_pixels(shot.read_bytes())
    assert (shot_width, shot_height) == (width, height)
    assert len(set(pixels)) > 16, "the screenshot is blank"
