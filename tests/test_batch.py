"""The batch runner (sanitasi_core.batch): many dossiers evaluated, sorted and counted."""

import datetime as dt
import json
import os
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanitasi_core import reports
from sanitasi_core._text import Lang
from sanitasi_core.batch import (
    Batch,
    Input,
    evaluate_batch,
    evaluate_inputs,
    load_dossiers,
    read_inputs,
)
from sanitasi_core.exceptions import FileRefused
from sanitasi_core.model import Dossier
from sanitasi_core.reports import BatchResult, failure_message
from sanitasi_core.reports.summary import BatchSummary, Failure
from sanitasi_core.rulebooks import default_rulebook
from sanitasi_core.rules import CompiledRulebook

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
AS_OF = dt.date(2025, 12, 31)


@pytest.fixture(scope="module")
def engine() -> CompiledRulebook:
    # The 2020 reconstruction, kept in force on any date, as in the report tests.
    return CompiledRulebook(attrs.evolve(default_rulebook("2020.1"), valid_to=None))


@pytest.fixture(scope="module")
def mahulu() -> str:
    return (EXAMPLES / "mahakam-ulu-2024.json").read_text("utf-8")


def test_batch_sorts_and_counts(engine, mahulu):
    """A batch is sorted by region code then source, and counted by level."""
    base = json.loads(mahulu)
    docs = []
    for source, code in [("b.json", "64.11"), ("a.json", "11.01"), ("c.jsonl:10", "64.11")]:
        docs.append((source, json.dumps({**base, "region": {"code": code, "name": "X"}})))
    docs.append(("c.jsonl:9", json.dumps({**base, "region": {"code": "64.11", "name": "X"}})))
    docs.append(("bad.json", "{"))
    result = evaluate_batch(engine, docs, as_of=AS_OF)
    assert result.sources == ("a.json", "b.json", "c.jsonl:9", "c.jsonl:10")
    assert [f.source for f in result.failures] == ["bad.json"]
    assert "not valid JSON" in result.failures[0].message.en
    assert result.summary.total == 5
    assert result.summary.invalid == 1
    assert result.summary.levels["none"] == 4
    assert result.summary.undecided == 4


def test_evaluate_records_a_decision_or_a_failure(engine, mahulu):
    """``Batch.evaluate`` returns the decision, or ``None`` for a bad document, never raising."""
    batch = Batch(engine, AS_OF)
    decision = batch.evaluate("mahulu.json", mahulu)
    assert decision is not None
    assert decision.region.code == "64.11"
    assert batch.evaluate("empty.json", "{}") is None
    assert len(batch) == 2
    result = batch.result()
    assert result.decisions == (decision,)
    assert [f.source for f in result.failures] == ["empty.json"]
    assert result.failures[0].message.id
    assert result.failures[0].message.en


def test_decisions_made_elsewhere_join_the_batch(engine, mahulu):
    """Decisions and failures added by hand are sorted (lines as numbers) and counted."""
    decision = Batch(engine, AS_OF).evaluate("x.json", mahulu)
    assert decision is not None
    batch = Batch(engine, AS_OF)
    batch.add("z.json", decision)
    batch.add("y.json", decision)
    batch.fail("b.jsonl:10", failure_message(ValueError("bad")))
    batch.fail("b.jsonl:9", failure_message(ValueError("bad")))
    result = batch.result(lang="en")
    assert isinstance(result, BatchResult)
    assert result.sources == ("y.json", "z.json")
    assert [f.source for f in result.failures] == ["b.jsonl:9", "b.jsonl:10"]
    assert (result.summary.total, result.summary.evaluated, result.summary.invalid) == (4, 2, 2)
    assert result.lang == "en"


def test_fiscal_year_reaches_the_engine(engine, mahulu):
    """The batch's fiscal year is the one every dossier is assessed for."""
    batch = Batch(engine, AS_OF, fiscal_year=2024)
    decision = batch.evaluate("mahulu.json", mahulu)
    assert decision is not None
    assert decision.fiscal_year == 2024


@pytest.mark.parametrize("fiscal_year", [None, 2024])
def test_the_fiscal_year_is_shown_wherever_the_batch_is(engine, mahulu, fiscal_year):
    """``evaluate_batch`` takes the fiscal year; the result, its title and its rows show it."""
    result = evaluate_batch(engine, [("m.json", mahulu)], as_of=AS_OF, fiscal_year=fiscal_year)
    year = fiscal_year or AS_OF.year
    assert (result.fiscal_year, result.year) == (fiscal_year, year)
    assert result.decisions[0].fiscal_year == year
    shown: tuple[tuple[Lang, str], ...] = (
        ("en", f"(fiscal year {year})"),
        ("id", f"(tahun anggaran {year})"),
    )
    for lang, words in shown:
        assert words in reports.batch_text(result, lang).splitlines()[0]
        assert words in reports.batch_markdown(result, lang).splitlines()[0]
        assert words in reports.batch_page(result, lang)
    assert [row["fiscal_year"] for row in reports.records(result.decisions)] == [year]


# --------------------------------------------------------------------------------------------
# Reading inputs and load_dossiers
# --------------------------------------------------------------------------------------------

SMALL = '{"schema": "sanitasi.dossier/v1", "region": {"code": "64.11", "name": "Kab. X"}}'


@pytest.fixture
def inputs(tmp_path: Path, mahulu: str) -> Path:
    """A folder with good, bad and JSON Lines inputs, and a file that is not an input."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "b-good.json").write_text(mahulu, encoding="utf-8")
    (folder / "a-bad.json").write_text("{", encoding="utf-8")
    (folder / "c.jsonl").write_text(f"{SMALL}\n\n[1]\r\n{SMALL}", encoding="utf-8")
    (folder / "d.ndjson").write_text(f"{SMALL}\n", encoding="utf-8")
    (folder / "readme.txt").write_text("skip me", encoding="utf-8")
    (folder / "sub").mkdir()
    return folder


def test_load_dossiers_reads_a_folder_in_source_order(inputs):
    """Good files and lines come in source order with their sources; bad ones are failures."""
    dossiers = load_dossiers(inputs)
    pairs = list(dossiers.items())
    assert [source for source, _ in pairs] == [
        str(inputs / "b-good.json"),
        f"{inputs / 'c.jsonl'}:1",
        f"{inputs / 'c.jsonl'}:4",
        f"{inputs / 'd.ndjson'}:1",
    ]
    assert all(isinstance(d, Dossier) for _, d in pairs)
    assert [f.source for f in dossiers.failures] == [
        str(inputs / "a-bad.json"),
        f"{inputs / 'c.jsonl'}:3",
    ]
    assert dossiers.failures[0].problems[0].code == "invalid_json"
    assert dossiers.failures_omitted == 0
    assert len(list(dossiers)) == 4  # iterating again reads again, and records afresh
    assert len(dossiers.failures) == 2
    assert "failures=2" in repr(dossiers)


def test_load_dossiers_is_lazy(tmp_path):
    """Nothing is read until iteration: a file written after the call is seen."""
    path = tmp_path / "later.json"
    dossiers = load_dossiers(str(path))
    path.write_text(SMALL, encoding="utf-8")
    assert [d.region.code for d in dossiers] == ["64.11"]


def test_load_dossiers_takes_paths_in_any_order(inputs, tmp_path):
    """Several paths (str or path-like) are sorted by path; a missing path is a failure."""
    missing = tmp_path / "aa-missing.json"
    one = load_dossiers([inputs / "d.ndjson", str(missing), inputs / "b-good.json"])
    other = load_dossiers([str(inputs / "b-good.json"), inputs / "d.ndjson", missing])
    assert [s for s, _ in one.items()] == [s for s, _ in other.items()]
    (failure,) = one.failures
    assert failure.source == str(missing)
    assert failure.problems[0].code == "cli_unreadable"
    assert "cannot be read" in failure.message.en
    assert "Dossiers([" in repr(load_dossiers([missing] * 5))


def test_load_dossiers_refuses_special_files_and_empty_folders(tmp_path):
    """A FIFO, a device and a folder without inputs are failures, never a hang or a crash."""
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    empty = tmp_path / "empty"
    empty.mkdir()
    dossiers = load_dossiers([fifo, "/dev/zero", empty])
    assert list(dossiers) == []
    codes = {f.source: f.problems[0].code for f in dossiers.failures}
    assert codes == dict.fromkeys([str(fifo), "/dev/zero", str(empty)], "cli_unreadable")
    assert "*.jsonl" in next(f for f in dossiers.failures if f.source == str(empty)).message.en


def test_load_dossiers_keeps_a_bounded_number_of_failures(tmp_path):
    """Past *max_failures*, bad inputs are counted, not kept."""
    path = tmp_path / "bad.jsonl"
    path.write_text("{\n" * 7, encoding="utf-8")
    dossiers = load_dossiers(path, max_failures=3)
    assert list(dossiers) == []
    assert len(dossiers.failures) == 3
    assert dossiers.failures_omitted == 4


def test_an_unlistable_folder_is_a_failure(tmp_path, monkeypatch):
    """A folder that cannot be listed is one failure with the system's reason."""
    folder = tmp_path / "locked"
    folder.mkdir()

    def refuse(self: Path) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "iterdir", refuse)
    (failure,) = list(read_inputs(folder))
    assert isinstance(failure.content, FileRefused)
    assert failure.content.code == "unreadable"
    assert "Permission denied" in failure.content.text.en


def test_a_line_too_long_is_refused_alone(tmp_path, monkeypatch):
    """A line past the limit is a refusal at FILE:LINE; the lines around it are read."""
    from sanitasi_core import _wire  # noqa: PLC0415

    monkeypatch.setattr(_wire, "MAX_DOCUMENT_BYTES", 100)
    path = tmp_path / "long.jsonl"
    path.write_bytes(b"1\n" + b"x" * 100 + b"\r\n" + b"y" * 5000 + b"\n" + b"2")
    found = [(item.source, item.content) for item in read_inputs(path)]
    assert [s for s, _ in found] == [f"{path}:{n}" for n in (1, 2, 3, 4)]
    assert [found[0][1], found[1][1], found[3][1]] == [b"1", b"x" * 100, b"2"]
    refused = found[2][1]
    assert isinstance(refused, FileRefused)
    assert refused.code == "too_large"
    assert refused.path == f"{path}:3"


def test_a_read_error_mid_file_is_a_refusal(tmp_path, monkeypatch):
    """An error while reading a JSON Lines file ends it with a refusal, never an exception."""
    path = tmp_path / "x.jsonl"
    path.write_text(f"{SMALL}\n{SMALL}\n", encoding="utf-8")
    real = os.fdopen

    class Failing:
        def __init__(self, stream: object) -> None:
            self.stream = stream

        def __enter__(self) -> object:
            return self

        def __exit__(self, *_: object) -> None:
            self.stream.close()  # type: ignore[attr-defined]

        def readline(self, _size: int) -> bytes:
            raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fdopen", lambda *a, **k: Failing(real(*a, **k)))
    (item,) = read_inputs(path)
    assert isinstance(item.content, FileRefused)
    assert item.content.code == "unreadable"


def test_evaluate_inputs_gives_one_entry_per_input(engine, inputs):
    """Every input gives an entry, a decision or a failure, in source order; nothing raises."""
    entries = list(evaluate_inputs(engine, read_inputs(inputs), as_of=AS_OF))
    assert len(entries) == 6
    failed = [e.source for e in entries if isinstance(e.result, Failure)]
    assert failed == [str(inputs / "a-bad.json"), f"{inputs / 'c.jsonl'}:3"]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["good", "bad", "none"]), max_size=8))
def test_summary_plus_counts_as_summarise(engine, mahulu, kinds):
    """Adding entries one by one to a ``BatchSummary`` gives the counts of ``summarise``."""
    docs = [{"good": mahulu, "bad": "{", "none": SMALL}[k] for k in kinds]
    entries = list(
        evaluate_inputs(
            engine,
            [Input(f"{i}.json", d.encode(), Path(f"{i}.json")) for i, d in enumerate(docs)],
            as_of=AS_OF,
        )
    )
    summary = BatchSummary()
    for entry in entries:
        summary = summary.plus(entry.result)
    decisions = [e.result for e in entries if not isinstance(e.result, Failure)]
    failures = [e.result for e in entries if isinstance(e.result, Failure)]
    assert summary == reports.summarise(decisions, failures)
