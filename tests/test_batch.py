"""The batch runner (sanitasi_core.batch): many dossiers evaluated, sorted and counted."""

import datetime as dt
import json
from pathlib import Path

import attrs
import pytest

from sanitasi_core import reports
from sanitasi_core._text import Lang
from sanitasi_core.batch import Batch, evaluate_batch
from sanitasi_core.reports import BatchResult, failure_message
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
