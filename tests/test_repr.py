"""Short reprs for notebooks and debuggers, with the long text behind ``.explain()``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import sanitasi_core as sc
from sanitasi_core import reports
from sanitasi_core._text import brief
from sanitasi_core.batch import evaluate_batch
from sanitasi_core.rules import Decision, RegionRef

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(
    [*(ROOT / "examples").glob("*.json"), *(ROOT / "examples" / "real").glob("*.json")]
)
DEMO = ROOT / "examples" / "demo-sungai-lestari.json"
BOOKS = sc.default_rulebooks()
DATES = (dt.date(2024, 12, 31), dt.date(2025, 12, 31))
LIMIT = 2048


def _decisions() -> Iterator[Decision]:
    for path in EXAMPLES:
        dossier = sc.load_dossier(path.read_bytes())
        for day in DATES:
            yield BOOKS.evaluate(dossier, as_of=day)


DECISIONS = list(_decisions())


def reprs_of(decision: Decision) -> Iterator[str]:
    """The repr of a decision, each milestone result and every criterion result inside."""
    yield repr(decision)
    for milestone in decision.milestones:
        yield repr(milestone)
        for criterion in milestone.criteria:
            yield from (repr(r) for r in criterion.walk())


def _short(shown: str) -> None:
    assert len(shown.encode("utf-8")) < LIMIT, shown[:200]
    assert "\n" not in shown
    assert " at 0x" not in shown  # no address: the same value always shows the same


@pytest.mark.parametrize("decision", DECISIONS, ids=lambda d: f"{d.region.code}@{d.as_of}")
def test_every_example_decision_shows_itself_briefly(decision: Decision) -> None:
    """Every repr of every example's decision is one line under 2 KB, ``<…>``, not code."""
    for shown in reprs_of(decision):
        _short(shown)
        assert shown.startswith("<")
        assert shown.endswith(">")


def test_the_reprs_are_stable() -> None:
    """Deciding again gives the same reprs, and they read as documented."""
    dossier = sc.load_dossier(DEMO.read_bytes())
    first = BOOKS.evaluate(dossier, as_of=dt.date(2025, 12, 31))
    again = BOOKS.evaluate(dossier, as_of=dt.date(2025, 12, 31))
    assert list(reprs_of(first)) == list(reprs_of(again))
    assert repr(first) == (
        "<Decision 64.60 Kabupaten Sungai Lestari (fiktif) as of 2025-12-31: "
        "certain M3, possible M3>"
    )
    assert repr(first.milestone("M4")) == (
        "<MilestoneResult M4 2025: fail (8 criteria: 7 pass, 1 fail)>"
    )
    assert repr(first.criterion("m4.apbd_realisation")) == (
        "<CriterionResult m4.apbd_realisation: pass (observed 85.16 %, threshold 80 %)>"
    )
    assert repr(first.criterion("m4.nawasis_entered")) == (
        "<CriterionResult m4.nawasis_entered: pass (observed true, advisory)>"
    )


def test_undecided_counts_and_a_single_criterion() -> None:
    """Unknown criteria are counted; one criterion is "1 criterion", never "1 criteria"."""
    mahakam = next(d for d in DECISIONS if d.region.code == "64.11")
    assert repr(mahakam).endswith(": certain none, possible M4 (16 unknown)>")
    one = attrs.evolve(mahakam.milestones[0], criteria=mahakam.milestones[0].criteria[:1])
    assert "(1 criterion: 1 " in repr(one)
    none = attrs.evolve(one, criteria=())
    assert repr(none) == f"<MilestoneResult M1: {none.outcome.value} (0 criteria)>"
    inner = next(c for d in DECISIONS for m in d.milestones for c in m.criteria if c.children)
    assert "inner result" in repr(inner)
    defaulted = attrs.evolve(inner, defaulted=True, children=inner.children[:1])
    assert repr(defaulted).endswith(", defaulted, 1 inner result)>")


def test_dossiers_rulebooks_and_batches_show_themselves_briefly() -> None:
    """A dossier, a rulebook (compiled or not), a batch and a dossier folder: short lines."""
    dossiers = [sc.load_dossier(p.read_bytes()) for p in EXAMPLES]
    for dossier in dossiers:
        _short(repr(dossier))
    assert repr(dossiers[EXAMPLES.index(DEMO)]).startswith(
        "<Dossier 64.60 Kabupaten Sungai Lestari (fiktif) (fictional): designations 3, "
    )
    bare = attrs.evolve(dossiers[0], designations=None, meetings=(), documents=None)
    assert "designations" not in repr(bare)
    for version in ("2020.1", "2025.1"):
        book = sc.default_rulebook(version)
        _short(repr(book))
        _short(repr(sc.compile_rulebook(book)))
    assert repr(sc.default_rulebook("2020.1")) == (
        "<Rulebook ppsp-ssk-milestones 2020.1 (reconstructed, from 2020-01-01 to 2025-01-01): "
        "4 milestones, 19 criteria>"
    )
    assert repr(sc.compile_rulebook(sc.default_rulebook())).startswith(
        "<CompiledRulebook of Rulebook ppsp-ssk-milestones 2025.1 "
    )
    documents = [(str(p), p.read_bytes()) for p in EXAMPLES] + [("bad.json", b"{}")]
    result = evaluate_batch(BOOKS, documents, as_of=dt.date(2025, 12, 31))
    _short(repr(result))
    assert repr(result).startswith(
        f"<BatchResult as of 2025-12-31, fiscal year 2025: {len(EXAMPLES)} evaluated, 1 invalid; "
        "certain levels: none "
    )
    empty = evaluate_batch(BOOKS, [], as_of=dt.date(2025, 12, 31), fiscal_year=2024)
    assert repr(empty) == "<BatchResult as of 2025-12-31, fiscal year 2024: 0 evaluated, 0 invalid>"
    _short(repr(sc.load_dossiers([ROOT / "examples"])))


def test_a_single_criterion_rulebook_says_criterion() -> None:
    """A rulebook of one criterion is "1 criterion"."""
    book = sc.default_rulebook()
    first = book.milestones[0]
    one = attrs.evolve(book, milestones=(attrs.evolve(first, criteria=first.criteria[:1]),))
    assert repr(one).endswith(": 1 milestone, 1 criterion>")


def test_explain_returns_the_text_reports() -> None:
    """``.explain()`` gives the text report that exists for each: decision, batch, rulebook."""
    decision = DECISIONS[0]
    assert decision.explain() == reports.decision_text(decision, "en")
    assert decision.explain("id") == reports.decision_text(decision, "id")
    assert decision.explain(milestone="M2") == reports.explain_text(decision, "M2", "en")
    with pytest.raises(KeyError):
        decision.explain(milestone="M9")
    result = evaluate_batch(BOOKS, [(str(DEMO), DEMO.read_bytes())], as_of=dt.date(2025, 12, 31))
    assert result.explain() == reports.batch_text(result, "en")
    assert result.explain("id", detail=True) == reports.batch_text(result, "id", detail=True)
    book = sc.default_rulebook()
    assert book.explain() == reports.rulebook_text(book, "en")
    assert sc.compile_rulebook(book).explain("id") == reports.rulebook_text(book, "id")


@given(st.text(max_size=5000), st.text(max_size=50))
def test_hostile_names_stay_one_short_line(name: str, code: str) -> None:
    """Whatever a district's name and code hold, the decision's repr is one line under 2 KB."""
    decision = attrs.evolve(DECISIONS[0], region=RegionRef(code=code, name=name))
    shown = repr(decision)
    _short(shown)
    assert shown.isprintable()


@given(st.text(), st.integers(min_value=1, max_value=200))
def test_brief_is_printable_and_bounded(value: str, limit: int) -> None:
    """``brief`` keeps a printable short text as is, and otherwise escapes and cuts it."""
    shown = brief(value, limit)
    assert len(shown) <= limit
    assert shown.isprintable()
    if value.isprintable() and len(value) <= limit:
        assert shown == value


def test_a_rulebook_set_says_which_rulebooks_and_when() -> None:
    """The default set's repr names each rulebook with its period, on one short line."""
    from sanitasi_core import default_rulebooks  # noqa: PLC0415
    from sanitasi_core.rules import RulebookSet  # noqa: PLC0415

    shown = repr(default_rulebooks())
    assert shown.startswith("<RulebookSet: ppsp-ssk-milestones 2020.1 (from 2020-01-01 to ")
    assert "2025.1 (from 2025-01-01)>" in shown
    assert len(shown) < 200
    assert repr(RulebookSet([])) == "<RulebookSet: empty>"
