"""``sanitasi chart KIND PATH...``: every kind written for the bundled examples (cli._charts)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sanitasi_core.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "src/sanitasi_core/data/examples"
MAHAKAM_ULU = EXAMPLES / "mahakam-ulu-2024.json"
KAPUAS = EXAMPLES / "kalteng-kapuas.json"
HOUSEHOLDS = ROOT / "examples/households-sungai-lestari.csv"
SVG = "{http://www.w3.org/2000/svg}"

CASES = {
    "levels": [str(EXAMPLES), "--by-province"],
    "years": [str(MAHAKAM_ULU), "--years", "2021-2025"],
    "access": [str(KAPUAS)],
    "criteria": [str(MAHAKAM_ULU)],
    "ladder": [str(HOUSEHOLDS)],
}


def _svg(path: Path) -> ET.Element:
    root = ET.fromstring(path.read_text("utf-8"))  # noqa: S314  # our own output
    assert root.tag == f"{SVG}svg"
    return root


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("kind", sorted(CASES))
def test_each_kind_is_written_for_the_bundled_examples(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, lang: str
) -> None:
    """Each kind writes a well-formed SVG with a title and description in the language."""
    target = tmp_path / f"{kind}.svg"
    argv = ["chart", kind, *CASES[kind], "--as-of", "2025-12-31", "--lang", lang, "-o", target]
    assert main([str(a) for a in argv]) == 0, capsys.readouterr().err
    root = _svg(target)
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert title is not None
    assert title.text
    assert desc is not None
    assert desc.text
    assert root.get("lang") == lang


def test_the_levels_title_carries_the_date_and_bars_count_every_district(
    tmp_path: Path,
) -> None:
    """The province chart says the as-of date, and its certain bars add up to the districts."""
    target = tmp_path / "levels.svg"
    argv = ["chart", "levels", str(EXAMPLES), "--as-of", "2025-12-31", "--lang", "en"]
    assert main([*argv, "-o", str(target)]) == 0
    text = target.read_text("utf-8")
    assert "As of 31 December 2025" in text
    root = _svg(target)
    certain = [
        int(e.get("data-value", "0"))
        for e in root.iter(f"{SVG}rect")
        if e.get("data-series") == "certain"
    ]
    assert sum(certain) == len(list(EXAMPLES.glob("*.json")))


def test_without_output_the_svg_goes_to_standard_output(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """With no --output, the SVG is printed."""
    assert main(["chart", "criteria", str(MAHAKAM_ULU), "--as-of", "2024-12-31"]) == 0
    assert capsys.readouterr().out.startswith("<svg")


def test_a_bad_dossier_in_a_batch_is_reported_and_the_others_drawn(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An invalid dossier exits 1 with its problems; the chart shows the valid ones."""
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"schema": "sanitasi.dossier/v2", "region": {}}), "utf-8")
    target = tmp_path / "levels.svg"
    argv = ["chart", "levels", str(MAHAKAM_ULU), str(bad), "--as-of", "2025-12-31"]
    assert main([*argv, "--lang", "en", "-o", str(target)]) == 1
    assert "bad.json: invalid" in capsys.readouterr().err
    _svg(target)


def test_nothing_valid_to_draw_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A levels chart of only invalid dossiers draws nothing and says so (exit 2)."""
    bad = tmp_path / "bad.json"
    bad.write_text("{}", "utf-8")
    assert main(["--lang", "en", "chart", "levels", str(bad), "--as-of", "2025-12-31"]) == 2
    assert "nothing to draw" in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["years", "access", "criteria", "ladder"])
def test_a_district_chart_needs_exactly_one_input(
    capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    """Two inputs for a one-district chart is a usage error naming the count."""
    argv = ["--lang", "en", "chart", kind, str(MAHAKAM_ULU), str(KAPUAS)]
    assert main([*argv, "--as-of", "2025-12-31"]) == 2
    assert "needs one input, 2 given" in capsys.readouterr().err


def test_a_district_chart_of_an_invalid_dossier_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The one dossier of a district chart being invalid is reported, nothing is drawn."""
    bad = tmp_path / "bad.json"
    bad.write_text("{}", "utf-8")
    assert main(["--lang", "en", "chart", "years", str(bad), "--as-of", "2025-12-31"]) == 1
    captured = capsys.readouterr()
    assert "bad.json: invalid" in captured.err
    assert captured.out == ""


def test_years_no_rulebook_covers_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """Years before every rulebook leave nothing to draw (exit 2, a message)."""
    argv = ["--lang", "en", "chart", "years", str(MAHAKAM_ULU), "--years", "2010-2012"]
    assert main([*argv, "--as-of", "2025-12-31"]) == 2
    assert "nothing to draw" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["2025-2021", "20x1", "2000-2040", ""])
def test_a_bad_year_range_is_a_usage_error(capsys: pytest.CaptureFixture[str], value: str) -> None:
    """--years takes YYYY or YYYY-YYYY in order, at most 30 years."""
    argv = ["--lang", "en", "chart", "years", str(MAHAKAM_ULU), "--years", value]
    assert main(argv) == 2
    assert "invalid year range" in capsys.readouterr().err


def test_a_chosen_rulebook_is_used_for_years_and_access(tmp_path: Path) -> None:
    """--rulebook VERSION decides every year with that rulebook; access shows its targets."""
    years = tmp_path / "years.svg"
    argv = ["chart", "years", str(MAHAKAM_ULU), "--rulebook", "2020.1", "--as-of", "2025-12-31"]
    assert main([*argv, "-o", str(years)]) == 0
    assert len(_svg(years).findall(f".//{SVG}g")) > 0
    access = tmp_path / "access.svg"
    argv = ["chart", "access", str(KAPUAS), "--rulebook", "2020.1", "--as-of", "2024-12-31"]
    assert main([*argv, "--lang", "en", "-o", str(access)]) == 0
    assert "2029" not in access.read_text("utf-8")  # 2020.1 has the 2024 targets only


def test_an_unreadable_rulebook_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A --rulebook that cannot be read stops the chart with exit 2."""
    missing = tmp_path / "missing.toml"
    for kind in ("years", "levels", "criteria"):
        argv = ["chart", kind, str(MAHAKAM_ULU), "--rulebook", str(missing)]
        assert main([*argv, "--as-of", "2025-12-31"]) == 2
    assert capsys.readouterr().err


def test_a_criteria_chart_on_a_date_without_rulebook_exits_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """No rulebook in force on the date: exit 2 with the reason, no picture."""
    argv = ["--lang", "en", "chart", "criteria", str(MAHAKAM_ULU), "--as-of", "2015-01-01"]
    assert main(argv) == 2
    assert capsys.readouterr().out == ""


def test_a_criteria_chart_of_a_dossier_the_rulebook_cannot_decide_exits_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A fiscal year after the as-of date cannot be decided: reported as invalid (exit 1)."""
    argv = ["--lang", "en", "chart", "criteria", str(MAHAKAM_ULU), "--as-of", "2024-06-30"]
    assert main([*argv, "--fiscal-year", "2025"]) in (1, 2)
    assert capsys.readouterr().err


def test_ladder_with_rejected_rows_exits_1_and_still_draws(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rejected household rows are counted on standard error (exit 1); the rest is drawn."""
    data = HOUSEHOLDS.read_text("utf-8") + "BAD1,urban,own,gooseneck,septic_tank,,,x,2024-07-10\n"
    source = tmp_path / "households.csv"
    source.write_text(data, "utf-8")
    target = tmp_path / "ladder.svg"
    assert main(["--lang", "en", "chart", "ladder", str(source), "-o", str(target)]) == 1
    assert "rejected" in capsys.readouterr().err
    _svg(target)


def test_ladder_of_an_unreadable_or_empty_file_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A household file with a bad header, or no row at all, draws nothing (exit 2)."""
    header_only = tmp_path / "empty.csv"
    header_only.write_text(HOUSEHOLDS.read_text("utf-8").splitlines()[0] + "\n", "utf-8")
    assert main(["--lang", "en", "chart", "ladder", str(header_only)]) == 2
    assert "nothing to draw" in capsys.readouterr().err
    broken = tmp_path / "broken.csv"
    broken.write_text("what,is,this\n1,2,3\n", "utf-8")
    assert main(["--lang", "en", "chart", "ladder", str(broken)]) == 2
    assert capsys.readouterr().err


def test_levels_of_dossiers_that_cannot_be_decided_draw_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A fiscal year after the as-of date: every dossier is reported, nothing drawn (exit 2)."""
    argv = ["--lang", "en", "chart", "levels", str(MAHAKAM_ULU), "--as-of", "2024-06-30"]
    assert main([*argv, "--fiscal-year", "2025"]) == 2
    err = capsys.readouterr().err
    assert "invalid" in err
    assert "nothing to draw" in err
