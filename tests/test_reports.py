"""Reports people read (sanitasi_core.reports): formats, languages, batches, notebooks.

The runner that fills a batch is tested in ``test_batch.py``; here a batch is built from its data.
"""

import ast
import csv
import datetime as dt
import html
import importlib
import io
import json
import re
import string
import subprocess
import sys
import textwrap
import types
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanitasi_core import reports
from sanitasi_core._messages.reports import REPORT_MESSAGES
from sanitasi_core.rulebooks import default_rulebook, default_rulebooks
from sanitasi_core.rules import (
    CompiledRulebook,
    Decision,
    ObservedNumber,
    Outcome,
    RegionRef,
    diff_rulebooks,
)
from sanitasi_core.serialization import dossier_from_dict, load_dossier

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CASES = sorted((ROOT / "tests" / "cases").glob("*.json"))
AS_OF = dt.date(2025, 12, 31)

ENGLISH_WORDS = (" the ", "passed", "failed", "missing", "criterion")
INDONESIAN_WORDS = ("belum", "tidak", "yang", "dengan", "kriteria")


@pytest.fixture(scope="module")
def book():
    # The 2020 reconstruction, kept in force on any date: the cases were written for it.
    return attrs.evolve(default_rulebook("2020.1"), valid_to=None)


@pytest.fixture(scope="module")
def engine(book) -> CompiledRulebook:
    return CompiledRulebook(book)


@pytest.fixture(scope="module")
def decisions(engine) -> list[Decision]:
    """The two examples and every test case, each on its own date."""
    found = [
        engine.evaluate(load_dossier(path.read_bytes()), as_of=AS_OF)
        for path in sorted(EXAMPLES.glob("*.json"))
    ]
    for path in CASES:
        case = json.loads(path.read_text("utf-8"))
        as_of = dt.date.fromisoformat(case["as_of"])
        found.append(engine.evaluate(dossier_from_dict(case["dossier"]), as_of=as_of))
    return found


@pytest.fixture(scope="module")
def demo(decisions: list[Decision]) -> Decision:
    return next(d for d in decisions if d.region.code == "64.60" and d.certain_level)


@pytest.fixture(scope="module")
def mahulu(decisions: list[Decision]) -> Decision:
    return next(d for d in decisions if d.region.code == "64.11")


def _batch(decisions) -> reports.BatchResult:
    """The decisions and one failure, as a batch result."""
    failures = (reports.Failure("broken.json", reports.failure_message(ValueError("x"))),)
    return reports.BatchResult(
        as_of=AS_OF,
        decisions=tuple(decisions),
        sources=tuple(f"case-{index:02d}.json" for index in range(len(decisions))),
        failures=failures,
        summary=reports.summarise(decisions, failures),
    )


# --------------------------------------------------------------------------------------------
# Numbers and dates
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "expected"), [("id", "1.250.000.000,00"), ("en", "1,250,000,000.00")]
)
def test_numbers_follow_the_language(lang, expected):
    """Thousands and decimals are written the Indonesian or the English way, exactly."""
    assert reports.format_number(Decimal("1250000000.00"), lang) == expected


def test_number_edge_cases():
    """Small, negative, rounded and unparsable numbers are handled without floats."""
    assert reports.format_number("85.17", "id") == "85,17"
    assert reports.format_number(Decimal("-1234.5"), "en") == "-1,234.5"
    assert reports.format_number(Decimal("999"), "id") == "999"
    assert reports.format_number(Decimal("2.675"), "en", places=2) == "2.68"
    with pytest.raises(ValueError, match="not a number"):
        reports.format_number("abc", "en")


@pytest.mark.property
@given(st.decimals(min_value=-(10**15), max_value=10**15, allow_nan=False, places=4))
def test_grouping_only_inserts_separators(number):
    """Grouping adds a mark every three integer digits and nothing else; ``id`` swaps the marks."""
    en = reports.format_number(number, "en")
    assert en.replace(",", "") == format(number, "f")
    groups = en.lstrip("-").partition(".")[0].split(",")
    assert 1 <= len(groups[0]) <= 3
    assert all(len(group) == 3 for group in groups[1:])
    assert reports.format_number(number, "id") == en.translate(str.maketrans(",.", ".,"))
    assert reports.format_number(number, "en", grouping=False) == format(number, "f")


@pytest.mark.parametrize(
    ("lang", "expected"), [("id", "18 Desember 2023"), ("en", "18 December 2023")]
)
def test_dates_follow_the_language(lang, expected):
    """Dates are written in words in the chosen language."""
    assert reports.format_day(dt.date(2023, 12, 18), lang) == expected


# --------------------------------------------------------------------------------------------
# The catalogue and the language of every report
# --------------------------------------------------------------------------------------------


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(REPORT_MESSAGES))
def test_every_report_message_has_both_languages(code):
    """Each report message has distinct, non-blank id and en texts with the same placeholders."""
    entry = REPORT_MESSAGES[code]
    assert set(entry) == {"id", "en"}
    assert entry["id"].strip()
    assert entry["en"].strip()
    assert entry["id"] != entry["en"]
    assert _fields(entry["id"]) == _fields(entry["en"])


def test_every_enum_value_has_words_in_the_catalogue():
    """Outcomes, statuses, milestones, targets, areas, types and units all have catalogue words."""
    from sanitasi_core.indicators import CATALOGUE, ValueType  # noqa: PLC0415
    from sanitasi_core.model import AreaType, Milestone, TargetIndicator  # noqa: PLC0415
    from sanitasi_core.rules import RulebookStatus  # noqa: PLC0415

    codes = [f"report_outcome_{o.value}" for o in Outcome]
    codes += [f"report_status_{s.value}" for s in RulebookStatus]
    codes += [f"report_milestone_{m.value}" for m in Milestone]
    codes += [f"report_indicator_{t.value}" for t in TargetIndicator]
    codes += [f"report_area_{a.value}" for a in AreaType]
    codes += [f"report_type_{v.value}" for v in ValueType]
    units = {spec.unit for spec in CATALOGUE.values()} - {"", "%", "records"}
    codes += [f"report_unit_{unit}" for unit in units]
    assert [c for c in codes if c not in REPORT_MESSAGES] == []


def test_report_messages_are_merged_into_the_catalogue():
    """The report messages are part of the library's one message catalogue."""
    from sanitasi_core._messages import CATALOGUE  # noqa: PLC0415

    assert set(REPORT_MESSAGES) <= set(CATALOGUE)


def _data_values(decisions, book) -> list[str]:
    """Values that are data, not sentences of ours: names and the public sources cited."""
    values = {d.region.name for d in decisions}
    references = [crit.reference for _, crit in book.criteria()]
    references += [t.reference for t in book.thresholds]
    sources = [s for r in references for s in r.sources]
    sources += [s for t in book.targets for s in t.sources]
    for source in sources:
        values.update(v for v in (source.title, source.publisher, source.quote, source.note) if v)
        values.update(v for v in (source.url,) if v)
    return sorted(values, key=len, reverse=True)


def _plain(rendered: str, data: list[str]) -> str:
    """Undo HTML and Markdown escaping, then drop data values and tags."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", rendered))
    text = re.sub(r"\\(.)", r"\1", text)
    for value in data:
        text = text.replace(value, " ")
    return text


def _renderings(lang, decisions, book) -> dict[str, str]:
    batch = _batch(decisions)
    out = {
        "batch_text": reports.batch_text(batch, lang, detail=True),
        "batch_markdown": reports.batch_markdown(batch, lang, detail=True),
        "batch_page": reports.batch_page(batch, lang),
        "csv": reports.to_csv(reports.csv_rows(decisions, lang)),
        "csv_detail": reports.to_csv(reports.csv_rows(decisions, lang, detail=True)),
        "rulebook_text": reports.rulebook_text(book, lang),
        "rulebook_table": reports.rulebook_table_markdown(book, lang),
        "indicators": reports.indicators_text(lang),
    }
    for index, decision in enumerate(decisions):
        out[f"text{index}"] = reports.decision_text(decision, lang)
        out[f"markdown{index}"] = reports.decision_markdown(decision, lang)
        out[f"page{index}"] = reports.decision_page(decision, lang)
        for milestone in decision.milestones:
            key = f"{index}{milestone.id}"
            out[f"explain{key}"] = reports.explain_text(decision, milestone.id, lang, rulebook=book)
            out[f"explain_md{key}"] = reports.explain_markdown(
                decision, milestone.id, lang, rulebook=book
            )
    stricter = _stricter(book)
    demo_doc = load_dossier((EXAMPLES / "demo-sungai-lestari.json").read_bytes())
    changes = diff_rulebooks(book, stricter, [demo_doc], as_of=AS_OF)
    common = {"as_of": AS_OF, "before": book, "after": stricter, "compared": 1}
    out["diff"] = reports.diff_text(changes, lang, **common)
    out["diff_markdown"] = reports.diff_markdown(changes, lang, **common)
    return out


def _stricter(book):
    """The default rulebook with APBD realisation raised from 80 % to 90 %."""
    steps = tuple(
        attrs.evolve(t, steps=(attrs.evolve(t.steps[0], value=Decimal(90)),))
        if t.id == "m4_apbd_realisation"
        else t
        for t in book.thresholds
    )
    return attrs.evolve(book, thresholds=steps, version="strict")


def test_indonesian_reports_hold_no_english(decisions, book):
    """Every report rendered in ``id`` is free of common English words (data values aside)."""
    data = _data_values(decisions, book)
    for name, rendered in _renderings("id", decisions, book).items():
        plain = _plain(rendered, data).lower()
        for word in ENGLISH_WORDS:
            assert word not in plain, f"{word!r} in the id report {name}"


def test_english_reports_hold_no_indonesian(decisions, book):
    """Every report rendered in ``en`` is free of common Indonesian words (data values aside)."""
    data = _data_values(decisions, book)
    for name, rendered in _renderings("en", decisions, book).items():
        plain = _plain(rendered, data).lower()
        for word in INDONESIAN_WORDS:
            assert not re.search(rf"\b{word}\b", plain), f"{word!r} in the en report {name}"


# --------------------------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------------------------


def test_text_report_has_ladder_date_and_gaps(mahulu):
    """The text report shows the date, the levels, the ladder marks and what to provide."""
    text = reports.decision_text(mahulu, "en")
    assert "Evaluation date: 31 December 2025" in text
    assert "Milestone ladder: ? M1  ? M2  ? M3  ? M4" in text  # public facts: lists incomplete
    assert "Certain level: none · possible level: M4" in text
    assert "Fiscal year assessed: 2025 · M4 year 2 or later" in text
    assert "→ provide: the decree forming the working group" in text


def test_text_numbers_use_the_language(decisions):
    """Observed values and gaps are written with the language's decimal mark."""
    case = next(
        d
        for d in decisions
        if d.criterion("m4.apbd_realisation").outcome is Outcome.FAIL
        and d.criterion("m4.apbd_realisation").observed
    )
    observed = case.criterion("m4.apbd_realisation").observed
    assert isinstance(observed, ObservedNumber)
    shown_id = reports.format_number(observed.value, "id")
    assert f"[{shown_id} %; ambang 80 %]" in reports.decision_text(case, "id")
    assert "naikkan" in reports.decision_text(case, "id")
    assert "raise by" in reports.decision_text(case, "en")


def test_colour_only_when_asked(demo):
    """ANSI colour codes appear only with ``color=True``."""
    assert "\x1b[" not in reports.decision_text(demo, "en")
    coloured = reports.decision_text(demo, "en", color=True)
    assert "\x1b[32m✓\x1b[0m" in coloured


# --------------------------------------------------------------------------------------------
# Markdown, CSV, JSON
# --------------------------------------------------------------------------------------------


def test_markdown_escapes_table_cells(demo):
    """Data with Markdown syntax cannot break the tables."""
    odd = attrs.evolve(demo, region=RegionRef(code="64.60", name="Kab | *X* _Y_"))
    text = reports.decision_markdown(odd, "en")
    assert "Kab \\| \\*X\\* \\_Y\\_" in text
    assert "| --- |" in text


def test_csv_summary_has_one_row_per_district_and_milestone(decisions):
    """The summary CSV has a header and a row per district × milestone."""
    rows = list(csv.reader(io.StringIO(reports.to_csv(reports.csv_rows(decisions, "en")))))
    assert rows[0][:3] == ["region_code", "region_name", "as_of"]
    assert len(rows) == 1 + 4 * len(decisions)


def test_csv_detail_and_spreadsheet_options(demo):
    """Detail rows are per criterion; BOM, separator and decimal comma are applied."""
    rows = reports.csv_rows([demo], "id", detail=True, decimal_comma=True)
    assert len(rows) == 1 + sum(len(m.criteria) for m in demo.milestones)
    text = reports.to_csv(rows, sep=";", bom=True)
    assert text.startswith("\ufeffkode_wilayah;nama_wilayah;tanggal_evaluasi")
    assert ";85,16;80;%;" in text
    assert text.endswith("\r\n")


def test_json_is_a_list_of_decisions(decisions):
    """The JSON output is a list of decision objects carrying their date."""
    data = json.loads(reports.decisions_json(decisions[:2]))
    assert [d["as_of"] for d in data] == ["2025-12-31", "2025-12-31"]
    assert data[0]["schema"] == "sanitasi.decision/v2"


# --------------------------------------------------------------------------------------------
# HTML and notebooks
# --------------------------------------------------------------------------------------------


def test_html_escapes_everything_and_is_self_contained(demo):
    """HTML escapes data, holds no script or external asset, and states its language."""
    odd = attrs.evolve(demo, region=RegionRef(code="64.60", name="<script>alert(1)</script>"))
    page = reports.decision_page(odd, "id")
    assert "<script" not in page
    assert "&lt;script&gt;" in page
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="id">' in page
    assert "<style>" in page
    # url(#…) is a pattern inside an embedded chart; nothing outside the page is named.
    assert not re.search(r"<link|src=|@import|url\((?!#)", page)


def test_decision_html_fragment_for_notebooks(demo):
    """``decision_html`` is a scoped fragment, in the notebook language unless given."""
    try:
        reports.set_notebook_language("en")
        fragment = reports.decision_html(demo)
        assert fragment.startswith('<div class="sanitasi-report" lang="en">')
        assert "Evaluation date" in fragment
        assert 'lang="id"' in reports.decision_html(demo, "id")
    finally:
        reports.set_notebook_language("id")
    with pytest.raises(ValueError, match="lang"):
        reports.set_notebook_language("fr")  # type: ignore[arg-type]


def test_batch_repr_html(decisions):
    """A batch renders as an HTML summary in a notebook, failures included."""
    rendered = _batch(decisions)._repr_html_()
    assert "sanitasi-report" in rendered
    assert "broken.json" in rendered
    assert "Masukan tidak sah: 1" in rendered


def test_records_are_plain_rows(decisions):
    """``records`` gives one plain dict per decision with per-milestone outcomes."""
    rows = reports.records(decisions[:2])
    assert rows[0]["region_code"] == decisions[0].region.code
    assert rows[0]["as_of"] == AS_OF
    assert set(rows[0]) >= {"certain", "possible", "m4_year", "M1", "M2", "M3", "M4"}
    assert rows[0]["M1"] in {"pass", "fail", "unknown", "not_applicable"}


def test_to_dataframe_without_pandas_explains_in_both_languages(monkeypatch, decisions):
    """Without pandas, ``to_dataframe`` raises an ImportError saying so in both languages."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError) as caught:
        reports.to_dataframe(decisions)
    assert isinstance(caught.value, reports.PandasMissingError)
    assert "not installed" in str(caught.value)
    assert "belum terpasang" in str(caught.value)


def test_to_dataframe_uses_pandas_when_present(monkeypatch, decisions):
    """With pandas, ``to_dataframe`` builds a frame from ``records``."""
    fake = types.ModuleType("pandas")
    fake.DataFrame = lambda rows: ("frame", rows)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pandas", fake)
    assert reports.to_dataframe(decisions[:1]) == ("frame", reports.records(decisions[:1]))


# --------------------------------------------------------------------------------------------
# Batches
# --------------------------------------------------------------------------------------------


def test_batch_text_summarises(decisions):
    """The batch report names the date, counts per level, undecided and invalid inputs."""
    text = reports.batch_text(_batch(decisions), "en")
    assert text.startswith("SSK milestone evaluation on 31 December 2025 (fiscal year 2025)\n")
    assert f"Inputs: {len(decisions) + 1}\n" in text
    assert "Invalid inputs: 1" in text
    assert "could not be evaluated: broken.json" in text


def test_summary_counts_every_level(decisions):
    """``summarise`` counts decisions by certain level, with every level present."""
    summary = reports.summarise(decisions)
    assert list(summary.levels) == ["none", "M1", "M2", "M3", "M4"]
    assert sum(summary.levels.values()) == summary.evaluated == summary.total == len(decisions)
    assert summary.invalid == 0


# --------------------------------------------------------------------------------------------
# Explanations and rulebooks
# --------------------------------------------------------------------------------------------


def test_explain_dict_walks_every_node(demo, book):
    """The explanation lists inner nodes with operator, threshold source and its basis."""
    data = reports.explain_dict(demo, "M4", rulebook=book)
    assert data["schema"] == reports.EXPLANATION_SCHEMA
    assert data["as_of"] == "2025-12-31"
    multi = next(c for c in data["criteria"] if c["id"] == "m4.multi_aspect")

    def nodes(node):
        yield node
        for child in node["children"]:
            yield from nodes(child)

    inner = list(nodes(multi))
    first = next(n for n in inner if n.get("cmp") == ">=")
    assert first["threshold_source"]["id"] == "m4_min_aspect_score"
    assert first["threshold_source"]["reference"]["assumption"]["en"]
    assert any(n.get("k") == 4 for n in inner)
    apbd = next(c for c in data["criteria"] if c["id"] == "m4.apbd_realisation")
    assert apbd["observed"] == {"kind": "number", "value": "85.16"}
    assert apbd["reference"]["basis"]


def test_explain_text_without_rulebook(demo):
    """Without the rulebook an explanation still shows values, only no operator or basis."""
    text = reports.explain_text(demo, "M4", "en")
    assert "Threshold: 80 %" in text
    assert "Observed: 85.16 %" in text


def test_rulebook_table_has_a_row_per_condition(book):
    """The rulebook table has a row per condition, with thresholds and their source."""
    rows = reports.rulebook_table_rows(book, "en")
    assert rows[0][:2] == ["Milestone", "Criterion id"]
    apbd = next(r for r in rows if r[1] == "m4.apbd_realisation")
    assert apbd[3] == "≥ 80 % from 1 January 2020"
    assert apbd[4].startswith("m4_apbd_realisation: basis: ")
    assert "ASSUMPTION" in apbd[4]
    assert sum(1 for r in rows if r[1] == "m4.multi_aspect") == 8


def test_diff_text_lists_changes(engine, book):
    """A rulebook comparison names the districts that change and the criteria responsible."""
    demo_doc = load_dossier((EXAMPLES / "demo-sungai-lestari.json").read_bytes())
    stricter = _stricter(book)
    # Fiscal year 2025 assessed once its reports are in (the last one is issued in January).
    day = dt.date(2026, 3, 31)
    changes = diff_rulebooks(book, stricter, [demo_doc], as_of=day, fiscal_year=2025)
    common = {"as_of": day, "before": book, "after": stricter, "compared": 1, "fiscal_year": 2025}
    text = reports.diff_text(changes, "en", **common)
    assert text.splitlines()[0].endswith("on 31 March 2026 (fiscal year 2025)")
    assert "(tahun anggaran 2025)" in reports.diff_markdown(changes, "id", **common)
    assert "1 of 1 dossiers change level" in text
    assert "certain level M4 → M3" in text
    assert "criteria responsible: m4.apbd_realisation" in text
    data = reports.diff_dict(changes, **common)
    assert data["changes"][0]["criteria"] == ["m4.apbd_realisation"]
    assert data["fiscal_year"] == 2025


def test_default_rulebooks_decide_the_same(decisions):
    """The fixtures' engine agrees with the rulebook set the CLI uses."""
    books = default_rulebooks()
    assert books.in_force(AS_OF).rulebook == default_rulebook()
    assert books.in_force(dt.date(2024, 12, 31)).rulebook == default_rulebook("2020.1")
    assert decisions


def test_decision_renders_in_a_notebook() -> None:
    """A decision shows itself as self-contained HTML in Jupyter (``_repr_html_``)."""
    import datetime as dt  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    from sanitasi_core.rulebooks import default_rulebooks  # noqa: PLC0415
    from sanitasi_core.serialization import load_dossier  # noqa: PLC0415

    root = Path(__file__).parent.parent
    dossier = load_dossier((root / "examples" / "mahakam-ulu-2024.json").read_bytes())
    decision = default_rulebooks().evaluate(dossier, as_of=dt.date(2024, 12, 31))
    html = decision._repr_html_()
    assert "Mahakam Ulu" in html
    assert "<script" not in html


# --------------------------------------------------------------------------------------------
# The public face of the package
# --------------------------------------------------------------------------------------------

MOVED = {"Batch", "evaluate_batch"}
REPORTS = ROOT / "src" / "sanitasi_core" / "reports"


def _reexported() -> set[str]:
    """The names ``reports/__init__.py`` takes from its modules, and the names it forwards."""
    tree = ast.parse((REPORTS / "__init__.py").read_text("utf-8"))
    imported = {
        alias.asname or alias.name
        for node in tree.body
        if isinstance(node, ast.ImportFrom)
        and (node.module or "").startswith("sanitasi_core.reports.")
        for alias in node.names
    }
    # Constants are bound by assignment (``MARKS: Final = _words.MARKS``) to carry a docstring.
    bound = {
        node.target.id
        for node in tree.body
        if isinstance(node, ast.AnnAssign)
        and isinstance(node.target, ast.Name)
        and isinstance(node.value, ast.Attribute)
    }
    return (imported | bound) - MOVED


def test_all_lists_exactly_the_reexported_names():
    """``reports.__all__`` is sorted and holds exactly the names its ``__init__`` re-exports."""
    assert set(reports.__all__) == _reexported()
    assert len(reports.__all__) == len(set(reports.__all__))
    assert set(reports._DEPRECATED) == MOVED
    assert all(not name.startswith("_") for name in reports.__all__)


@pytest.mark.parametrize("name", sorted(reports.__all__))
def test_every_public_name_imports(name):
    """Each public name imports as ``from sanitasi_core.reports import <name>``."""
    module = importlib.import_module("sanitasi_core.reports")
    assert getattr(module, name) is not None
    namespace: dict[str, object] = {}
    exec(f"from sanitasi_core.reports import {name}", namespace)  # noqa: S102
    assert namespace[name] is getattr(module, name)


@pytest.mark.parametrize("name", ["Batch", "evaluate_batch"])
def test_moved_names_are_the_runners_with_a_warning(name):
    """``reports.Batch`` and ``reports.evaluate_batch`` are batch's own, and warn they moved."""
    from sanitasi_core import batch  # noqa: PLC0415

    with pytest.warns(DeprecationWarning, match=f"sanitasi_core.batch.{name}"):
        assert getattr(reports, name) is getattr(batch, name)


def test_unknown_name_is_an_attribute_error():
    """A name reports does not have raises AttributeError, as for any module."""
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = reports.nope  # type: ignore[attr-defined]


def test_importing_reports_does_not_import_the_runner():
    """``import sanitasi_core.reports`` leaves the batch runner (a layer above) unimported."""
    script = textwrap.dedent(
        """
        import sys
        import sanitasi_core.reports
        print("sanitasi_core.batch" in sys.modules)
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_importing_reports_loads_no_json_format():
    """``import sanitasi_core.reports`` loads neither the formats nor cattrs: JSON loads on use."""
    script = textwrap.dedent(
        """
        import sys
        import sanitasi_core.reports
        print([m for m in ("sanitasi_core.serialization", "cattrs") if m in sys.modules])
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --------------------------------------------------------------------------------------------
# Streamed batches
# --------------------------------------------------------------------------------------------


def _failure(source: str = "bad.jsonl:2") -> reports.Failure:
    from sanitasi_core.exceptions import Problem  # noqa: PLC0415

    text = reports.failure_message(ValueError("broken <b>"))
    return reports.Failure(source, text, (Problem(path="$", code="invalid_json", text=text),), 2)


def _mixed_entries(decisions, picks: list[int]) -> list[reports.summary.Entry]:
    Entry = reports.summary.Entry  # noqa: N806

    return [
        Entry(f"in-{i}.json", _failure(f"in-{i}.json") if k < 0 else decisions[k % len(decisions)])
        for i, k in enumerate(picks)
    ]


@settings(max_examples=20, deadline=None)
@given(picks=st.lists(st.integers(min_value=-1, max_value=30), max_size=6))
def test_streamed_json_is_exactly_the_dumped_list(decisions, picks):
    """The streamed JSON array is byte for byte ``json.dumps`` of its items, at any indent."""
    from sanitasi_core.reports.records import stream_json  # noqa: PLC0415
    from sanitasi_core.serialization import decision_to_dict, problems_to_dict  # noqa: PLC0415

    entries = _mixed_entries(decisions, picks)
    items = [
        problems_to_dict(e.result.source, e.result.problems, omitted=e.result.omitted)
        if isinstance(e.result, reports.Failure)
        else decision_to_dict(e.result)
        for e in entries
    ]
    for indent in (None, 0, 2):
        expected = json.dumps(items, ensure_ascii=False, indent=indent)
        assert "".join(stream_json(entries, indent=indent)) == expected


@settings(max_examples=20, deadline=None)
@given(picks=st.lists(st.integers(min_value=-1, max_value=30), max_size=6))
def test_streamed_csv_is_the_csv_of_the_decisions(decisions, picks):
    """The streamed CSV is ``to_csv(csv_rows(...))`` of the decisions; failures have no row."""
    from sanitasi_core.reports.csv import stream_csv  # noqa: PLC0415

    entries = _mixed_entries(decisions, picks)
    kept = [e.result for e in entries if not isinstance(e.result, reports.Failure)]
    for detail in (False, True):
        rows = reports.csv_rows(kept, "id", detail=detail, decimal_comma=True)
        expected = reports.to_csv(rows, sep=";", bom=True)
        streamed = stream_csv(entries, "id", detail=detail, decimal_comma=True, sep=";", bom=True)
        assert "".join(streamed) == expected


@settings(max_examples=20, deadline=None)
@given(picks=st.lists(st.integers(min_value=-1, max_value=30), max_size=6))
def test_streamed_counts_are_the_summary(decisions, picks):
    """Every streamed batch report ends with the counts ``summarise`` gives for its entries."""
    from sanitasi_core.reports.summary import summary_lines  # noqa: PLC0415

    entries = _mixed_entries(decisions, picks)
    kept = [e.result for e in entries if not isinstance(e.result, reports.Failure)]
    failed = [e.result for e in entries if isinstance(e.result, reports.Failure)]
    lines = summary_lines(reports.summarise(kept, failed), "en")
    result = reports.BatchResult(
        as_of=AS_OF,
        decisions=tuple(kept),
        sources=tuple(e.source for e in entries if e.result in kept),
        failures=tuple(failed),
        summary=reports.summarise(kept, failed),
    )
    text = reports.batch_text(result, "en")
    assert text.endswith("\n".join(lines) + "\n")
    markdown = reports.batch_markdown(result, "en")
    assert markdown.endswith("\n".join(f"- {reports.markdown.escape(x)}" for x in lines) + "\n")
    page = reports.batch_page(result, "en")
    assert f"<p>{html.escape(lines[0])}</p>" in page


def test_batch_result_entries_are_decisions_then_failures(decisions):
    """``BatchResult.entries`` gives each decision with its source, then the failures."""
    result = _batch(decisions[:2])
    entries = list(result.entries())
    assert [e.source for e in entries] == ["case-00.json", "case-01.json", "broken.json"]
    assert entries[0].result is decisions[0]
    assert isinstance(entries[2].result, reports.Failure)


def test_failures_take_their_place_in_every_batch_report(decisions):
    """A failure is a line (text), a row (Markdown, HTML) or a section (detail), with why."""
    result = _batch(decisions[:2])
    text = reports.batch_text(result, "en")
    assert "\n        could not be evaluated: broken.json\n" in text
    detail = reports.batch_text(result, "en", detail=True)
    assert "\ncould not be evaluated: broken.json\n  x\n" in detail
    assert detail.count("Milestone ladder:") == 2
    markdown = reports.batch_markdown(result, "en")
    assert "|  | could not be evaluated: `broken.json`: x |  |  |  |  |  |  |" in markdown
    md_detail = reports.batch_markdown(result, "en", detail=True)
    assert "## could not be evaluated: `broken.json`\n\n- x\n" in md_detail
    assert "\n## Summary\n" in md_detail
    page = reports.batch_page(result, "en")
    assert '<tr class="failed"><td></td><td colspan="7">' in page
    assert "could not be evaluated: <code>broken.json</code><pre>x</pre>" in page
    fragment = reports.batch_html(result, "en")
    assert "<details" not in fragment
    assert 'class="sanitasi-report batch"' in fragment


def test_html_batch_shows_the_counts_first_without_script(decisions):
    """The counts come last in the page and first on screen, by CSS order, with no script."""
    page = reports.batch_page(_batch(decisions[:3]), "en")
    assert page.index('<section class="summary"') > page.index('<table class="districts">')
    assert ".sanitasi-report.batch>.summary{order:-1}" in page
    assert "<script" not in page
    assert page.count('<tr class="detail"><td colspan="8"><details id="d') == 3


def test_an_empty_batch_has_a_title_and_counts(decisions):
    """With no input, each report is its title and zero counts, without an empty table."""
    empty = reports.BatchResult(
        as_of=AS_OF, decisions=(), sources=(), failures=(), summary=reports.summarise([])
    )
    text = reports.batch_text(empty, "en")
    assert "Milestone ladder" not in text
    assert "Inputs: 0" in text
    assert "| Code |" not in reports.batch_markdown(empty, "en")
    assert '<table class="districts">' not in reports.batch_page(empty, "en")
    assert reports.decisions_json([]) == "[]"


def test_a_missing_milestone_leaves_its_cells_empty(demo):
    """A decision without some milestone keeps the table's columns, with empty cells."""
    short = attrs.evolve(demo, milestones=demo.milestones[:2])
    result = reports.BatchResult(
        as_of=AS_OF,
        decisions=(short,),
        sources=("s.json",),
        failures=(),
        summary=reports.summarise([short]),
    )
    row = next(
        line for line in reports.batch_markdown(result, "en").splitlines() if "64.60" in line
    )
    assert row.endswith("| ✓ | ✓ |  |  | M3 (2) | M3 |")
    assert reports.batch_page(result, "en").count("<td></td>") >= 2


@pytest.mark.parametrize(
    ("lang", "title"), [("id", "kriteria per milestone"), ("en", "criteria by milestone")]
)
def test_a_decision_page_shows_its_criteria_chart(demo, lang, title):
    """The page of one decision embeds the chart of its criteria by outcome, in its language."""
    page = reports.decision_page(demo, lang)
    (svg,) = re.findall(r'<figure class="chart">(<svg.*?</svg>)</figure>', page, re.DOTALL)
    assert 'role="img"' in svg
    assert title in svg
    drawn = sum(int(v) for v in re.findall(r'<rect [^>]*data-value="(\d+)"', svg))
    assert drawn == sum(len(m.criteria) for m in demo.milestones)


def test_a_batch_page_shows_the_province_chart_of_its_decisions(decisions):
    """The batch page draws its districts by level, one panel per province, with the counts."""
    batch = _batch(decisions)
    page = reports.batch_page(batch, "en")
    (svg,) = re.findall(r'<figure class="chart">(<svg.*?</svg>)</figure>', page, re.DOTALL)
    certain = re.findall(
        r'data-series="certain" data-level="[^"]+" data-group="[^"]+" data-value="(\d+)"', svg
    )
    assert sum(int(n) for n in certain) == batch.summary.evaluated
    assert "Kalimantan Timur" in svg


def test_a_batch_of_failures_only_draws_no_chart(tmp_path):
    """With no decision, there is nothing to count: the page has no chart, only the counts."""
    from sanitasi_core.batch import evaluate_batch  # noqa: PLC0415

    batch = evaluate_batch(CompiledRulebook(default_rulebook()), [("bad.json", b"{}")], as_of=AS_OF)
    assert '<figure class="chart">' not in reports.batch_page(batch, "en")
