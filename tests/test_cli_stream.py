"""``sanitasi evaluate`` streams a batch: one input at a time, in source order, in flat memory."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
import os
import sys
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from sanitasi_core import batch, reports
from sanitasi_core.cli import main
from sanitasi_core.reports.csv import stream_csv
from sanitasi_core.reports.html import stream_batch_page
from sanitasi_core.reports.markdown import stream_batch_markdown
from sanitasi_core.reports.records import stream_json
from sanitasi_core.reports.summary import Entry
from sanitasi_core.reports.text import stream_batch_text
from sanitasi_core.rulebooks import default_rulebooks
from sanitasi_core.rules import Decision, rules_date

ROOT = Path(__file__).resolve().parent.parent
MAHAKAM_ULU = ROOT / "examples" / "mahakam-ulu-2024.json"
DEMO = ROOT / "examples" / "demo-sungai-lestari.json"
AS_OF = dt.date(2025, 12, 31)
DATED = ("--as-of", "2025-12-31")
FORMATS = ("text", "markdown", "html", "csv", "json")
SMALL = json.dumps(
    {"schema": "sanitasi.dossier/v1", "region": {"code": "64.11", "name": "Kabupaten Mahakam Ulu"}}
)


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    """Run ``main`` and return (exit code, stdout, stderr)."""
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return code, captured.out, captured.err


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A folder with two good files, a bad file and a JSON Lines file with a bad line."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a-demo.json").write_bytes(DEMO.read_bytes())
    (folder / "b-broken.json").write_text("{", encoding="utf-8")
    (folder / "c-mahulu.json").write_bytes(MAHAKAM_ULU.read_bytes())
    good = json.dumps(json.loads(MAHAKAM_ULU.read_text("utf-8")))
    lines = [good, "{not json", "", good, "[1, 2]"]
    (folder / "d-lines.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "notes.txt").write_text("not an input", encoding="utf-8")
    return folder


def _entries(*paths: Path) -> list[Entry]:
    """The entries of *paths* as the library makes them, in source order."""
    engine = default_rulebooks().in_force(rules_date(AS_OF, None))
    return list(batch.evaluate_inputs(engine, batch.read_inputs(paths), as_of=AS_OF))


# --- one implementation ----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_streamed_output_equals_the_library_renderers(capsys, mixed, fmt):
    """The CLI writes exactly what the streamed renderers make of the library's own entries."""
    _, out, _ = run(capsys, "--lang", "en", "evaluate", mixed, *DATED, "--format", fmt)
    entries = _entries(mixed)
    dated = {"as_of": AS_OF, "fiscal_year": None, "lang": "en"}
    expected = {
        "text": lambda: stream_batch_text(entries, **dated),  # type: ignore[arg-type]
        "markdown": lambda: stream_batch_markdown(entries, **dated),  # type: ignore[arg-type]
        "html": lambda: stream_batch_page(entries, **dated),  # type: ignore[arg-type]
        "csv": lambda: stream_csv(entries, "en"),
        "json": lambda: stream_json(entries),
    }[fmt]()
    assert out == "".join(expected) + ("" if fmt != "json" else "\n")


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_streamed_output_equals_the_in_memory_report(capsys, tmp_path, fmt):
    """Over good inputs, the CLI's streamed batch is the in-memory ``batch_*`` of a result."""
    folder = tmp_path / "good"
    folder.mkdir()
    for name in ("a.json", "b.json", "c.json"):
        (folder / name).write_bytes((MAHAKAM_ULU if name != "b.json" else DEMO).read_bytes())
    _, out, _ = run(capsys, "--lang", "en", "evaluate", folder, *DATED, "--format", fmt)
    entries = _entries(folder)
    decisions = tuple(e.result for e in entries if isinstance(e.result, Decision))
    result = reports.BatchResult(
        as_of=AS_OF,
        decisions=decisions,
        sources=tuple(e.source for e in entries),
        failures=(),
        summary=reports.summarise(decisions),
    )
    rendered = {
        "text": reports.batch_text,
        "markdown": reports.batch_markdown,
        "html": reports.batch_page,
    }[fmt](result, "en")
    assert out == rendered


# --- source order --------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_argument_order_does_not_change_the_bytes(capsys, mixed, tmp_path, fmt):
    """Every permutation of the paths gives byte-identical output, on stdout and in a file."""
    paths = [mixed, DEMO, MAHAKAM_ULU]
    outputs, files = set(), set()
    for index, order in enumerate(itertools.permutations(paths)):
        _, out, _ = run(capsys, "evaluate", *order, *DATED, "--format", fmt)
        target = tmp_path / f"out-{index}"
        run(capsys, "evaluate", *order, *DATED, "--format", fmt, "--output", target)
        outputs.add(out)
        files.add(target.read_bytes())
    assert len(outputs) == len(files) == 1


def test_sources_come_in_source_order(capsys, mixed):
    """Files sorted by path, a folder's files by name, the lines of a JSON Lines file in order."""
    _, out, _ = run(capsys, "evaluate", DEMO, mixed, *DATED, "--format", "json")
    problems = [i["source"] for i in json.loads(out) if i["schema"] == "sanitasi.problems/v1"]
    lines = mixed / "d-lines.jsonl"
    assert problems == [str(mixed / "b-broken.json"), f"{lines}:2", f"{lines}:5"]


# --- every input accounted for ---------------------------------------------------------------


def test_json_accounts_for_every_input(capsys, mixed, tmp_path):
    """The JSON array has one item per input, a decision or its problems, in source order."""
    missing = tmp_path / "zz-missing.json"
    code, out, err = run(
        capsys, "--lang", "en", "evaluate", mixed, missing, *DATED, "--format", "json"
    )
    assert code == 2  # a file that cannot be read
    items = json.loads(out)
    lines = mixed / "d-lines.jsonl"
    kinds = [(i["schema"].split("/")[0], i.get("source")) for i in items]
    assert kinds == [
        ("sanitasi.decision", None),
        ("sanitasi.problems", str(mixed / "b-broken.json")),
        ("sanitasi.decision", None),
        ("sanitasi.decision", None),
        ("sanitasi.problems", f"{lines}:2"),
        ("sanitasi.decision", None),
        ("sanitasi.problems", f"{lines}:5"),
        ("sanitasi.problems", str(missing)),
    ]
    broken = items[1]
    assert broken["valid"] is False
    assert broken["omitted"] == 0
    assert broken["problems"][0]["code"] == "invalid_json"
    assert items[-1]["problems"][0]["code"] == "cli_unreadable"
    assert "cannot be read" in items[-1]["problems"][0]["message"]["en"]
    assert f"{missing}: cannot be read" in err
    assert err.count(": invalid\n") == 3


@pytest.mark.parametrize("fmt", FORMATS)
def test_bad_lines_never_lose_good_ones(capsys, tmp_path, fmt):
    """Every good line of a JSON Lines batch is reported, whatever the bad lines around it."""
    good = json.dumps(json.loads(MAHAKAM_ULU.read_text("utf-8")))
    bad = ["{", "[]", '"\\ud800"', json.dumps({"schema": "x"}), "\x00", "9" * 50]
    lines = [value for pair in itertools.zip_longest(bad, [good] * 5) for value in pair if value]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "--lang", "en", "evaluate", path, *DATED, "--format", fmt)
    assert code == 1
    assert err.count(": invalid\n") == len(bad)
    if fmt == "json":
        schemas = [item["schema"] for item in json.loads(out)]
        assert schemas.count("sanitasi.decision/v2") == 5
        assert schemas.count("sanitasi.problems/v1") == len(bad)
    elif fmt == "csv":
        assert out.count("\n64.11,") == 5 * 4  # one row per district × milestone
    else:
        assert out.count("64.11") == 5 * (3 if fmt == "html" else 1)  # html: row, details (2)
        assert "Invalid inputs: 6" in out


def test_a_line_too_long_is_refused_and_the_next_lines_are_read(capsys, tmp_path, monkeypatch):
    """A line past the document limit is refused alone (exit 2); the lines after it are read."""
    from sanitasi_core import _wire  # noqa: PLC0415

    monkeypatch.setattr(_wire, "MAX_DOCUMENT_BYTES", 4096)
    path = tmp_path / "batch.jsonl"
    path.write_text(f'{SMALL}\n{{"x": "{"y" * 10_000}"}}\r\n{SMALL}\r\n', encoding="utf-8")
    code, out, err = run(capsys, "--lang", "en", "evaluate", path, *DATED, "--format", "json")
    assert code == 2
    assert [i["schema"] for i in json.loads(out)] == [
        "sanitasi.decision/v2",
        "sanitasi.problems/v1",
        "sanitasi.decision/v2",
    ]
    assert f"{path}:2: cannot be read" in err


# --- single input, output and progress ------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_one_dossier_gets_its_full_report(capsys, fmt):
    """A single good input is that district's own report, as before streaming."""
    _, out, _ = run(capsys, "--lang", "en", "evaluate", DEMO, *DATED, "--format", fmt)
    decision = _entries(DEMO)[0].result
    assert isinstance(decision, Decision)
    expected = {
        "text": lambda: reports.decision_text(decision, "en"),
        "markdown": lambda: reports.decision_markdown(decision, "en", level=1),
        "html": lambda: reports.decision_page(decision, "en"),
    }[fmt]()
    assert out == expected if expected.endswith("\n") else out == expected + "\n"


def test_one_bad_input_is_a_batch_of_one(capsys, tmp_path):
    """A single input that fails gives the batch report with its failure line."""
    path = tmp_path / "bad.json"
    path.write_text("{", encoding="utf-8")
    code, out, _ = run(capsys, "--lang", "en", "evaluate", path, *DATED)
    assert code == 1
    assert f"could not be evaluated: {path}" in out
    assert "Inputs: 1\n" in out


def test_output_keeps_the_old_file_when_rendering_fails(capsys, tmp_path, monkeypatch):
    """A report that fails half-way leaves the target as it was and no temporary file."""
    records = sys.modules["sanitasi_core.reports.records"]
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")

    def broken(entries: object, **_: object) -> Iterator[str]:
        yield "["
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(records, "stream_json", broken)
    code = main(["evaluate", str(DEMO), *DATED, "--format", "json", "-o", str(target)])
    assert code == 70
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_output_that_cannot_be_written_exits_2(capsys, tmp_path, monkeypatch):
    """A refused or failing ``--output`` is reported (exit 2), never a traceback."""
    code, _, err = run(
        capsys, "--lang", "en", "evaluate", DEMO, *DATED, "-o", tmp_path / "no" / "x.txt"
    )
    assert code == 2
    assert "cannot write the output" in err
    from sanitasi_core import _files  # noqa: PLC0415

    def failing(*_: object, **__: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(_files, "write_atomic_stream", failing)
    code, _, err = run(capsys, "--lang", "en", "evaluate", DEMO, *DATED, "-o", tmp_path / "y")
    assert code == 2
    assert "Input/output error" in err


class _ClosedPipe(io.StringIO):
    """Standard output whose reader left after the first piece."""

    def write(self, text: str) -> int:
        if self.getvalue():
            raise BrokenPipeError(32, "Broken pipe")
        return super().write(text)


def test_a_reader_that_leaves_stops_the_run_quietly(monkeypatch, capsys, mixed):
    """``sanitasi evaluate … | head`` stops without a message about the closed pipe."""
    out = _ClosedPipe()
    monkeypatch.setattr(sys, "stdout", out)
    code = main(["--lang", "en", "evaluate", str(mixed), *DATED])
    assert code == 1  # the invalid inputs met before the reader left
    assert out.getvalue().startswith("SSK milestone evaluation on 31 December 2025")
    assert "Broken pipe" not in capsys.readouterr().err


class _TTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_counts_files_and_inputs(monkeypatch, tmp_path):
    """On a terminal, the bar shows files done and inputs read, and is cleared at the end."""
    path = tmp_path / "many.jsonl"
    path.write_text("{\n" * 300, encoding="utf-8")
    demo = tmp_path / "z-demo.json"  # beside it, so that it sorts after it wherever tmp is
    demo.write_bytes(DEMO.read_bytes())
    err = _TTY()
    monkeypatch.setattr(sys, "stderr", err)
    code = main(["evaluate", str(path), str(demo), *DATED, "-o", str(tmp_path / "out.txt")])
    assert code == 1
    shown = err.getvalue()
    assert "] 0/2 (256)" in shown
    assert "] 2/2 (301)" in shown
    assert shown.endswith("\r" + " " * 60 + "\r")


def test_progress_stays_off_when_the_report_goes_to_the_terminal(monkeypatch, tmp_path):
    """Writing the report to the terminal, the bar would mix with it: it is not drawn."""
    err, out = _TTY(), _TTY()
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert main(["evaluate", str(DEMO), str(MAHAKAM_ULU), *DATED]) == 0
    assert "[" not in err.getvalue()


# --- memory -----------------------------------------------------------------------------------


def _peak(path: Path, target: Path) -> int:
    tracemalloc.start()
    try:
        code = main(["evaluate", str(path), *DATED, "--format", "csv", "-o", str(target)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert code == 0
    return peak


def test_memory_stays_flat(tmp_path):
    """The peak traced memory of a 2,000-line batch is under twice that of a 200-line batch."""
    small, large = tmp_path / "small.jsonl", tmp_path / "large.jsonl"
    small.write_text(f"{SMALL}\n" * 200, encoding="utf-8")
    large.write_text(f"{SMALL}\n" * 2000, encoding="utf-8")
    _peak(small, tmp_path / "warm.csv")  # imports and caches, once
    base = _peak(small, tmp_path / "small.csv")
    grown = _peak(large, tmp_path / "large.csv")
    assert grown < 2 * base, (base, grown)
    assert os.path.getsize(tmp_path / "large.csv") > 9 * os.path.getsize(tmp_path / "small.csv")
