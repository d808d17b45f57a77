"""The HTML reports render in a real browser: headless Chromium reads them and draws them.

The pages of ``reports.decision_page`` and ``reports.batch_page`` are written to files and opened
with ``chromium --headless``: ``--dump-dom`` gives the DOM the browser built (district names and
milestone marks must be in it), ``--screenshot`` a PNG that must be a real, non-blank picture.
Skipped where no ``chromium`` is installed (Debian: ``apt-get install chromium``).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from sanitasi_core import load_dossier, reports
from sanitasi_core.batch import evaluate_batch
from sanitasi_core.rulebooks import default_rulebooks
from sanitasi_core.rules import Decision

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CHROMIUM = shutil.which("chromium")
WIDTH, HEIGHT = 1280, 1600

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no 'chromium' on PATH (Debian: apt-get install chromium)"
)


def _browser(url: str, profile: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        *extra,
        url,
    ]
    # A fixed browser with fixed flags, on a local file.
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def _dump_dom(page: Path, profile: Path) -> str:
    return _browser(page.as_uri(), profile, "--dump-dom").stdout


def _screenshot(page: Path, profile: Path, target: Path) -> bytes:
    _browser(page.as_uri(), profile, f"--screenshot={target}", f"--window-size={WIDTH},{HEIGHT}")
    return target.read_bytes()


def _png_size_and_pixels(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and the decompressed (still filtered) pixel rows of a PNG."""
    assert data.startswith(b"\x89PNG\r\n\x1a\n"), "not a PNG"
    offset, width, height, idat = 8, 0, 0, b""
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        body = data[offset + 8 : offset + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        offset += 12 + length
    return width, height, zlib.decompress(idat)


def _decision(name: str, as_of: dt.date) -> Decision:
    dossier = load_dossier((EXAMPLES / name).read_bytes())
    return default_rulebooks().evaluate(dossier, as_of=as_of)


def _marks(decision: Decision) -> list[str]:
    """The ladder cells as the page writes them: outcome class, mark and milestone."""
    return [
        f'<td class="o-{m.outcome.value}">{reports.MARKS[m.outcome]} {m.id.value}'
        for m in decision.milestones
    ]


def test_decision_page_renders_district_and_ladder(tmp_path: Path) -> None:
    """The browser's DOM of one district's page holds its name and every milestone's mark."""
    decision = _decision("mahakam-ulu-2024.json", dt.date(2024, 12, 31))
    page = tmp_path / "mahakam-ulu.html"
    page.write_text(reports.decision_page(decision, "en"), encoding="utf-8")

    dom = _dump_dom(page, tmp_path / "profile")
    assert "<title>Kabupaten Mahakam Ulu (64.11) — 31 December 2024</title>" in dom
    assert "Kabupaten Mahakam Ulu <small>(64.11)</small>" in dom
    for cell in _marks(decision):
        assert cell in dom
    assert "m1.working_group" in dom  # the criteria tables were built too


def test_batch_page_renders_every_district(tmp_path: Path) -> None:
    """The browser's DOM of the batch page holds each district, its ladder and its details."""
    as_of = dt.date(2025, 12, 31)
    documents = [(p.name, p.read_bytes()) for p in sorted(EXAMPLES.glob("*.json"))]
    batch = evaluate_batch(default_rulebooks(), documents, as_of=as_of, lang="en")
    page = tmp_path / "batch.html"
    page.write_text(reports.batch_page(batch, "en"), encoding="utf-8")

    dom = _dump_dom(page, tmp_path / "profile")
    assert "SSK milestone evaluation on 31 December 2025" in dom
    assert "Inputs: 2" in dom
    for index, decision in enumerate(batch.decisions):
        code, name = decision.region.code, decision.region.name
        row = re.search(rf'<tr><td>{re.escape(code)}</td><td><a href="#d{index}">(.*?)</tr>', dom)
        assert row is not None, f"no summary row for {code}"
        assert row[1].startswith(f"{name}</a>")
        ladder = re.findall(r'<td class="o-(\w+)"><span title="[^"]+">(.)</span></td>', row[1])
        assert ladder == [(m.outcome.value, reports.MARKS[m.outcome]) for m in decision.milestones]
        assert f'<details id="d{index}">' in dom
        for cell in _marks(decision):  # each district's full report, inside its <details>
            assert cell in dom


@pytest.mark.parametrize("kind", ["decision", "batch"])
def test_pages_draw_a_non_blank_screenshot(kind: str, tmp_path: Path) -> None:
    """A screenshot of each page is a PNG of the window's size with more than one colour."""
    as_of = dt.date(2025, 12, 31)
    if kind == "decision":
        html = reports.decision_page(_decision("demo-sungai-lestari.json", as_of), "en")
    else:
        documents = [(p.name, p.read_bytes()) for p in sorted(EXAMPLES.glob("*.json"))]
        batch = evaluate_batch(default_rulebooks(), documents, as_of=as_of, lang="en")
        html = reports.batch_page(batch, "en")
    page = tmp_path / f"{kind}.html"
    page.write_text(html, encoding="utf-8")

    png = _screenshot(page, tmp_path / "profile", tmp_path / f"{kind}.png")
    width, height, pixels = _png_size_and_pixels(png)
    assert (width, height) == (WIDTH, HEIGHT)
    assert len(set(pixels)) > 16, "the screenshot is blank"
