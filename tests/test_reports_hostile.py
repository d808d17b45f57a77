"""Reports under hostile data: CSV formulas, Markdown syntax and terminal control characters."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanitasi_core import reports
from sanitasi_core._text import Text
from sanitasi_core.model import Milestone
from sanitasi_core.reports._words import visible
from sanitasi_core.reports.markdown import code, escape
from sanitasi_core.rulebooks import default_rulebook
from sanitasi_core.rules import CompiledRulebook, Decision, LevelChange, RegionRef
from sanitasi_core.serialization import load_dossier

ROOT = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2025, 12, 31)

# Characters that matter to a spreadsheet, to Markdown, to HTML or to a terminal, and the rest.
_HOSTILE = "=+-@\t\r\n<>&`|#*_~[]\\!0123456789.,- \x1b\x9b\x07\x00\u2028\u202e\ud800"
hostile_text = st.text(
    st.one_of(st.sampled_from(_HOSTILE), st.characters(exclude_categories=())), max_size=40
)
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


@pytest.fixture(scope="module")
def book():
    return attrs.evolve(default_rulebook("2020.1"), valid_to=None)


@pytest.fixture(scope="module")
def demo(book) -> Decision:
    path = ROOT / "examples" / "demo-sungai-lestari.json"
    return CompiledRulebook(book).evaluate(load_dossier(path.read_bytes()), as_of=AS_OF)


def _renamed(decision: Decision, name: str, code_: str = "64.60") -> Decision:
    return attrs.evolve(decision, region=RegionRef(code=code_, name=name))


def _with_criterion(decision: Decision, ident: str, message: str) -> Decision:
    """*decision* whose first criterion has the id and the message given."""
    first = decision.milestones[0]
    crit = attrs.evolve(first.criteria[0], id=ident, message=Text(id=message, en=message))
    milestone = attrs.evolve(first, criteria=(crit, *first.criteria[1:]))
    return attrs.evolve(decision, milestones=(milestone, *decision.milestones[1:]))


def _batch(decisions: list[Decision], source: str = "broken.json") -> reports.BatchResult:
    failures = (reports.Failure(source, reports.failure_message(ValueError("x"))),)
    return reports.BatchResult(
        as_of=AS_OF,
        decisions=tuple(decisions),
        sources=tuple(f"case-{i}.json" for i in range(len(decisions))),
        failures=failures,
        summary=reports.summarise(decisions, failures),
    )


def _cells(text: str, sep: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))


# --------------------------------------------------------------------------------------------
# CSV: formula injection
# --------------------------------------------------------------------------------------------


@given(hostile_text.filter(lambda t: "\x00" not in t))
def test_csv_cell_never_starts_a_formula(text):
    """For any text, the CSV cell written never starts with = + - @ tab CR unless a number."""
    (row,) = _cells(reports.to_csv([[text]]))
    (cell,) = row if row else [""]
    if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        assert _PLAIN_NUMBER.fullmatch(cell)
    assert cell in (text, "'" + text)


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-x", "'-x"),
        ("-0.5", "-0.5"),
        ("-0,5", "-0,5"),
        ("+3", "+3"),
        ("85.16", "85.16"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_csv_formula_cells_get_a_quote(cell, written):
    """Formula-like cells get a leading quote; plain numbers and other text stay as they are."""
    rows = _cells(reports.to_csv([[cell, "z"]], sep=";"), ";")
    assert rows == [[written, "z"]]


def test_csv_rows_of_a_hostile_region_are_neutralised(demo):
    """A region name that is a formula is written as text in the decision CSV."""
    odd = _renamed(demo, "=cmd|' /C calc'!A0")
    rows = _cells(reports.to_csv(reports.csv_rows([odd], "en", detail=True)))
    assert {row[1] for row in rows[1:]} == {"'=cmd|' /C calc'!A0"}


# --------------------------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------------------------


@given(hostile_text)
def test_escape_leaves_no_html_newline_or_control(text):
    """For any text, escape() has no raw < >, no bare &, no line break, no control character."""
    out = escape(text)
    assert "<" not in out
    assert ">" not in out
    assert not re.search(r"&(?!amp;|lt;|gt;)", out)
    assert not _CONTROL.search(out)
    assert "\u2028" not in out
    assert len(out.splitlines()) <= 1


@given(hostile_text)
def test_escape_leaves_no_unescaped_markdown_syntax(text):
    """For any text, every ` * _ [ ] | # ~ in escape() has a backslash before it."""
    out = escape(text)
    unescaped = re.sub(r"\\.", "", out)
    assert not re.search(r"[`*_\[\]|#~\\]", unescaped)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("a & b", "a &amp; b"),
        ("&lt;", "&amp;lt;"),
        ("# title", "\\# title"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("===", "\\==="),
        ("1. item", "1\\. item"),
        ("-0.5", "-0.5"),
        ("64.60", "64.60"),
        ("a\nb\r\nc", "a b c"),
        ("x\x1by", "x\\\\x1by"),
        ("[a](javascript:x)", "\\[a\\](javascript:x)"),
        ("a|b`c", "a\\|b\\`c"),
    ],
)
def test_escape_examples(text, escaped):
    """escape() writes HTML characters as entities and Markdown syntax with backslashes."""
    assert escape(text) == escaped


@given(hostile_text)
def test_code_span_cannot_be_closed_by_its_text(text):
    """For any text, code() is one code span whose fence no run of backticks inside matches."""
    span = code(text)
    if not span:
        assert not text.strip()
        return
    fence = re.match("`+", span)
    assert fence is not None
    n = len(fence.group())
    assert span.endswith("`" * n)
    body = span[n:-n]
    assert all(len(run) != n for run in re.findall("`+", body))
    assert not body.startswith("`")
    assert not body.endswith("`")
    assert "\n" not in span
    assert not _CONTROL.search(span)


def test_code_span_in_a_table_cell_escapes_pipes():
    r"""In a table cell a code span writes | as \|, so it cannot split the cell."""
    assert code("a|b", cell=True) == "`a\\|b`"
    assert code("a`b") == "``a`b``"
    assert code("`") == "`` ` ``"


def _pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line))


def test_decision_markdown_escapes_hostile_ids_and_names(demo):
    """Criterion ids and names cannot break a table, close a code span or inject HTML."""
    odd = _with_criterion(
        _renamed(demo, "<img src=x onerror=alert(1)>\n# Hacked", "<b>"), "m1.x`|`<i>\nz", "a|b\n# c"
    )
    text = reports.decision_markdown(odd, "en")
    assert "<img" not in text
    assert "<b>" not in text
    # Inside a code span "<i>" is literal text, not HTML; outside one there is none.
    assert "<i>" not in re.sub(r"(`+).*?\1", "", text)
    assert "\n# Hacked" not in text
    assert "\n# c" not in text
    lines = text.splitlines()
    row = next(i for i, line in enumerate(lines) if "m1.x" in line)
    assert _pipes(lines[row]) == _pipes(lines[row + 1]) == _pipes(lines[row - 2])
    assert "``m1.x`\\|`<i> z``" in text


def test_batch_markdown_escapes_failure_sources(demo):
    """A failing file's name with backticks, a newline or HTML stays inside its code span."""
    text = reports.batch_markdown(_batch([demo], "a`b\n<script>.json"), "en")
    assert "could not be evaluated: ``a`b <script>.json``:" in text
    assert "\n<script>" not in text


def test_markdown_blocking_sentence_keeps_ids_as_code(demo):
    """The blocking sentence is escaped around the ids, which stay code spans."""
    odd = attrs.evolve(demo, blocking=("m4.a`b", "m4.c"), next_milestone=Milestone.M4)
    text = reports.decision_markdown(odd, "en")
    assert "Blocking M4: ``m4.a`b``, `m4.c`" in text


def test_explain_and_rulebook_markdown_escape_ids(demo, book):
    """Explanations and rulebook tables put ids in code spans their text cannot close."""
    odd = _with_criterion(demo, "m1.`x`|<y>", "<script>")
    milestone = odd.milestones[0].id
    text = reports.explain_markdown(odd, milestone, "en", rulebook=book)
    assert "<script>" not in text
    assert "``m1.`x`\\|<y>``" in text
    crit = book.milestones[0].criteria[0]
    hostile = attrs.evolve(crit, id="c`|\n<h1>")
    rule = attrs.evolve(book.milestones[0], criteria=(hostile, *book.milestones[0].criteria[1:]))
    odd_book = attrs.evolve(book, milestones=(rule, *book.milestones[1:]))
    table = reports.rulebook_table_markdown(odd_book, "en")
    assert "``c`\\| <h1>``" in table


def test_diff_markdown_escapes_ids_and_names(book):
    """A rulebook comparison writes hostile names escaped and ids as closed code spans."""
    change = LevelChange(
        region=RegionRef(code="64.60", name="<b>x</b>|y"),
        before_certain=Milestone.M4,
        after_certain=Milestone.M3,
        before_possible=Milestone.M4,
        after_possible=Milestone.M3,
        criteria=("m4.`a`",),
    )
    common = {"as_of": AS_OF, "before": book, "after": book, "compared": 1}
    text = reports.diff_markdown([change], "en", **common)
    assert "&lt;b&gt;x&lt;/b&gt;\\|y" in text
    assert "`` m4.`a` ``" in text
    plain = reports.diff_text([attrs.evolve(change, criteria=("m4.\x1b[2J",))], "en", **common)
    assert "\x1b" not in plain
    assert "m4.\\x1b[2J" in plain


# --------------------------------------------------------------------------------------------
# Text: terminal control characters
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a\x1b[31mb", "a\\x1b[31mb"),
        ("\x9b2J", "\\u009b2J"),
        ("x\ny\tz\r", "x\\ny\\tz\\r"),
        ("\x00\x7f", "\\x00\\x7f"),
        ("\ud800", "\\ud800"),
        ("\u202eabc", "\\u202eabc"),
        ("Kabupaten Sungai Lestari ✓ é", "Kabupaten Sungai Lestari ✓ é"),
    ],
)
def test_visible_examples(text, shown):
    """visible() writes control characters as escapes and keeps every other character."""
    assert visible(text) == shown


@given(hostile_text)
def test_visible_leaves_no_control_character(text):
    """For any text, visible() has no C0 or C1 control, lone surrogate or line separator."""
    out = visible(text)
    assert not _CONTROL.search(out)
    assert all(unicodedata.category(c) not in ("Cc", "Cs", "Zl", "Zp") for c in out)


@given(name=hostile_text)
def test_decision_text_writes_no_control_from_data(demo, name):
    r"""For any text, decision_text of a decision whose region name is it holds no \x1b."""
    odd = _renamed(demo, name, code_=name)
    plain = reports.decision_text(odd, "en")
    assert not _CONTROL.search(plain.replace("\n", ""))
    assert len(plain.splitlines()) == len(reports.decision_text(demo, "en").splitlines())


def test_decision_text_keeps_its_own_colours(demo):
    """With color=True the report's own ANSI codes remain, and data's escape codes do not."""
    odd = _with_criterion(_renamed(demo, "\x1b[2J\x1b]0;pwned\x07"), "m1.\x9b1m", "\x1b[5mblink")
    coloured = reports.decision_text(odd, "en", color=True)
    assert "\x1b[32m✓\x1b[0m" in coloured or "\x1b[31m✗\x1b[0m" in coloured
    assert "\x1b[2J" not in coloured
    assert "\x1b]" not in coloured
    assert "\x9b" not in coloured
    assert "\x1b[5m" not in coloured
    assert "\\x1b[2J\\x1b]0;pwned\\x07" in coloured
    assert "m1.\\u009b1m: \\x1b[5mblink" in coloured


def test_batch_text_shows_hostile_sources_and_names(demo):
    """A batch's district names and failing sources cannot reach the terminal raw."""
    odd = _renamed(demo, "Kab\x1b[2J\nforged line")
    text = reports.batch_text(_batch([odd], "evil\x1b[31m.json\n"), "en", detail=True)
    assert "\x1b" not in text
    assert "\nforged line" not in text
    assert "evil\\x1b[31m.json\\n" in text


def test_explain_text_shows_hostile_messages(demo, book):
    """An explanation shows a criterion message's control characters as escapes."""
    odd = _with_criterion(demo, "m1.\x1bx", "msg\x1b[8m\u009bhidden")
    text = reports.explain_text(odd, odd.milestones[0].id, "en", rulebook=book)
    assert not _CONTROL.search(text.replace("\n", ""))
    assert "m1.\\x1bx: msg\\x1b[8m\\u009bhidden" in text


def test_rulebook_text_shows_hostile_messages(book):
    """A rulebook's own text (messages from its file) cannot reach the terminal raw."""
    crit = book.milestones[0].criteria[0]
    hostile = attrs.evolve(crit, message=Text(id="a\x1b[2Jb", en="a\x1b[2Jb"))
    rule = attrs.evolve(book.milestones[0], criteria=(hostile, *book.milestones[0].criteria[1:]))
    text = reports.rulebook_text(attrs.evolve(book, milestones=(rule, *book.milestones[1:])), "en")
    assert "\x1b" not in text
    assert "a\\x1b[2Jb" in text
