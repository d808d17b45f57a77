"""Time-boxed fuzzing of every sanitasi-core loader, and of the command line, with Hypothesis.

Usage::

    python fuzz/run.py --seconds 60                   # every target, 60 s each
    python fuzz/run.py --seconds 300 --target rulebook
    python fuzz/run.py --seconds 60 --target 'cli-*'  # names, comma lists or patterns

Each loader target feeds its loader arbitrary bytes and text, near-valid text, and valid
documents broken by mutations (the strategies of :mod:`sanitasi_core.testing`), and checks that
only the library's own errors come out; valid input must be read. Each ``cli-*`` target writes
real files into a temporary folder (or names a FIFO, /dev/zero, a folder ...), runs
``sanitasi_core.cli.main`` in-process and checks the exit code (never 70), the streams, the time
and memory used, and that the output is safe for its format (see fuzz/README.md). A target runs
in batches of fresh random examples until its time is up. The report gives, per target, the
examples tried and the first failure with its falsifying example. The exit status is 1 if any
target failed.
"""

from __future__ import annotations

import argparse
import contextlib
import contextvars
import csv
import datetime as dt
import fnmatch
import io
import json
import os
import re
import signal
import stat
import sys
import tempfile
import time
import traceback
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Any

try:
    import sanitasi_core  # noqa: F401
except ImportError:  # run from a checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import sanitasi_core.testing as s
import sanitasi_core.testing as text_strategies
from sanitasi_core.codes import parse_apbd_code, parse_region_code
from sanitasi_core.dates import parse_date
from sanitasi_core.decrees import parse_decree_number
from sanitasi_core.exceptions import (
    MAX_PROBLEMS,
    DossierFormatError,
    HouseholdFileError,
    ParseError,
    RulebookError,
)
from sanitasi_core.extract import extract
from sanitasi_core.households import read_csv, read_jsonl
from sanitasi_core.rulebooks import (
    MAX_DEPTH_THROUGH_REFS,
    MAX_NODE_DEPTH,
    MAX_NODES,
    dump_rulebook,
    load_rulebook,
)
from sanitasi_core.rules import (
    MAX_EXPANDED_NODES,  # noqa: F401  # used by the tests
    compile_rulebook,
)
from sanitasi_core.rupiah import parse_rupiah
from sanitasi_core.serialization import dump_dossier, load_dossier

BATCH = 100  # examples per Hypothesis run; a target runs batches until its time is up
# A CLI example runs whole commands, so a batch is small: the time is looked at between batches,
# and a Hypothesis run starts with its simplest example, so a batch of one would repeat it.
CLI_BATCH = 5
CLI_BATCHES: dict[str, int] = {"cli-problems": 2}  # an example takes seconds

DEFAULT_TOML = (
    resources.files("sanitasi_core") / "data" / "rulebooks" / "ppsp-milestones-2020.toml"
).read_text(encoding="utf-8")

_WORDS = st.sampled_from(
    [*"0123456789 .,-/()'\u2019\t\n", "Rp", "IDR", "juta", "miliar", "ribu", "Kep", "Bangda"]
) | st.sampled_from(["Senin", "Jum'at", "Agt", "Nopember", "tgl", "hari", "tanggal"])
NEAR_TEXT = st.lists(_WORDS, max_size=16).map("".join)


# --------------------------------------------------------------------------------------------
# Targets: a strategy of inputs and a check that raises on anything but our own errors
# --------------------------------------------------------------------------------------------


class FuzzCheckError(AssertionError):
    """A loader accepted or refused something it should not have."""


def _expect(holds: bool, what: str, value: object) -> None:
    if not holds:
        raise FuzzCheckError(f"{what}: {value!r}")


def _dossier(document: str | bytes) -> None:
    with contextlib.suppress(DossierFormatError):
        load_dossier(document)


DOSSIER = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=500),
    s.mutated_texts(s.dossiers().map(dump_dossier), max_mutations=6),
    s.mutated_documents().map(json.dumps),
    (s.json_values() | s.dossier_like_objects()).map(json.dumps),
)


def _rulebook(case: tuple[str, Any]) -> None:
    kind, value = case
    if kind == "valid":  # generated rulebooks load back and evaluate generated dossiers
        book, dossier, offset = value
        _expect(load_rulebook(dump_rulebook(book), fmt="json") == book, "round trip", book)
        end = book.valid_to or dt.date(2046, 1, 1)
        day = min(book.valid_from + dt.timedelta(days=offset), end - dt.timedelta(days=1))
        compile_rulebook(book).evaluate(dossier, as_of=day)
        return
    with contextlib.suppress(RulebookError):
        load_rulebook(value, fmt="json" if kind == "json" else "toml")


RULEBOOK = st.one_of(
    st.tuples(st.just("toml"), st.binary(max_size=2000) | st.text(max_size=500)),
    st.tuples(st.just("toml"), s.mutated_texts(st.just(DEFAULT_TOML), max_mutations=8)),
    st.tuples(st.just("json"), s.mutated_rulebook_documents().map(json.dumps)),
    st.tuples(st.just("json"), s.mutated_texts(s.rulebooks().map(dump_rulebook))),
    st.tuples(st.just("valid"), st.tuples(s.rulebooks(), s.dossiers(), st.integers(0, 20 * 366))),
)


def _households(case: tuple[str, str | bytes, bool]) -> None:
    fmt, data, valid = case
    reader = read_csv if fmt == "csv" else read_jsonl
    stream = (
        io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", newline="")
        if isinstance(data, bytes)
        else io.StringIO(data, newline="")
    )
    if valid:  # a generated file: every row is accepted
        for row in reader(stream):
            _expect(row.accepted, "valid row rejected", row)
        return
    with contextlib.suppress(HouseholdFileError):
        for row in reader(stream):
            _expect(row.accepted is not bool(row.rejections), "row without reasons", row)


def _household_inputs(fmt: Any) -> st.SearchStrategy[tuple[str, str | bytes, bool]]:
    broken: st.SearchStrategy[str | bytes] = st.one_of(
        st.binary(max_size=2000),
        st.text(max_size=500),
        s.mutated_texts(s.household_documents(fmt, min_rows=1), max_mutations=6),
    )
    return st.tuples(st.just(fmt), broken, st.just(False)) | st.tuples(
        st.just(fmt), s.household_documents(fmt, max_rows=20), st.just(True)
    )


def _parser(
    parse: Callable[[str], object], valid: st.SearchStrategy[str]
) -> tuple[Callable[[tuple[bool, str]], None], st.SearchStrategy[tuple[bool, str]]]:
    """A target for one text parser: valid text must parse, anything else may be refused."""

    def check(case: tuple[bool, str]) -> None:
        must_parse, text = case
        if must_parse:
            parse(text)
            return
        with contextlib.suppress(ParseError):
            parse(text)

    inputs = st.tuples(st.just(True), valid) | st.tuples(
        st.just(False), st.text() | NEAR_TEXT | s.mutated_texts(valid, max_mutations=4)
    )
    return check, inputs


def _region_or_apbd(text: str) -> object:
    with contextlib.suppress(ParseError):
        return parse_region_code(text)
    return parse_apbd_code(text)


def _extract(case: tuple[str, Any]) -> None:
    """Generated paragraphs give their mentions; any other text gives well-placed mentions."""
    kind, value = case
    if kind == "paragraph":
        text, expected = value
        _expect(extract(text) == expected, "mentions of a generated paragraph", text)
        return
    end = 0
    for mention in extract(value, reference=dt.date(2024, 7, 22)):
        placed = mention.start >= end and value[mention.start : mention.end] == mention.text
        _expect(placed, "mention out of place", (value, mention))
        end = mention.end


_PARAGRAPH_TEXTS = text_strategies.paragraphs().map(lambda case: case[0])
EXTRACT = st.one_of(
    st.tuples(st.just("paragraph"), text_strategies.paragraphs()),
    st.tuples(
        st.just("text"),
        st.text(max_size=2000)
        | st.lists(
            _WORDS | st.sampled_from(["Rp", "Peraturan", "Kota", "WIB", "%"]), max_size=40
        ).map("".join)
        | s.mutated_texts(_PARAGRAPH_TEXTS, max_mutations=6),
    ),
)


# --------------------------------------------------------------------------------------------
# CLI targets: ``sanitasi`` run in-process over real files, every command and format
# --------------------------------------------------------------------------------------------
#
# Each example writes real files into a fresh temporary folder (or names a special one: a FIFO,
# /dev/zero, a folder, a symlink ...), runs ``sanitasi_core.cli.main(argv)`` with its standard
# streams captured, and checks the run (check_run) and what it wrote (check_output).

ROOT = Path(__file__).resolve().parents[1]
DEMO: dict[str, Any] = json.loads(
    (ROOT / "examples" / "demo-sungai-lestari.json").read_text(encoding="utf-8")
)
# The 2020 rulebook, in force on every date (so that --rulebook applies on AS_OF).
BASE_RULEBOOK: dict[str, Any] = {
    key: value
    for key, value in json.loads(dump_rulebook(load_rulebook(DEFAULT_TOML))).items()
    if key != "valid_to"
}
AS_OF = ["--as-of", "2025-12-31", "--fiscal-year", "2025"]  # fixed, so the clock is never read
BUDGET_SECONDS = 5.0  # per command, without tracemalloc (see run_cli)
BUDGET_BYTES = 256 * 1024 * 1024  # tracemalloc peak per command
MARK = "FUZZ"  # in every markup payload: it must never reach a tag or an attribute

HOSTILE: tuple[str, ...] = (
    "=cmd|' /C calc'!A0",
    "+SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
    '=HYPERLINK("http://FUZZ.example","x")',
    f"<script>alert('{MARK}')</script>",
    f"<img src=x onerror=alert('{MARK}')>",
    f"\"><svg onload=alert('{MARK}')>",
    f"[click](javascript:alert('{MARK}'))",
    f"[{MARK}](http://{MARK}.example)",
    f"![{MARK}](http://{MARK}.example/x.png)",
    "**bold** _it_ | cell | # heading",
    "- item\n1. item\n> quote\n---",
    "`code` ``` ~~~",
    "\x1b[31mred\x1b[0m",
    "\x1b]0;title\x07",
    "\x9b2J",
    "\x00\x01\x7f",
    "line\nforged: valid",
    "cr\rover",
    "u2028\u2028u2029\u2029",
    "\u202eevil\u202c",
    "\u2066iso\u2069",
    "\ufeffbom",
    "x" * 5000,
    "Kabupaten Sungai Lestari",
)

_HOSTILE_TEXT = st.lists(
    st.sampled_from(HOSTILE) | st.text(max_size=8), min_size=1, max_size=3
).map("".join)

# Characters a terminal acts on; the text format and standard error must show them escaped.
_RAW_CONTROL = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")
_DANGEROUS_TAGS = frozenset({"script", "iframe", "object", "embed", "frame", "base"})


_TRACED: contextvars.ContextVar[bool] = contextvars.ContextVar("traced", default=True)


class Overrun(BaseException):
    """A command ran past twice its budget (a BaseException: main() must not call it a bug)."""


@dataclass
class CliRun:
    """One run of ``sanitasi``: arguments, exit code, streams, time and peak memory."""

    argv: list[str]
    code: int
    out: str
    err: str
    seconds: float
    peak: int
    traced: bool
    budget: float = 0.0  # the time allowed (seconds); BUDGET_SECONDS unless the run says


@contextlib.contextmanager
def _stdin(data: bytes) -> Any:
    saved = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    try:
        yield
    finally:
        sys.stdin = saved


def _overrun(_signum: int, _frame: Any) -> None:
    raise Overrun


def run_cli(
    argv: list[str], *, stdin: bytes = b"", budget: float = BUDGET_SECONDS, traced: bool = True
) -> CliRun:
    """Run ``sanitasi argv`` in-process, its streams captured and *stdin* as standard input.

    With *traced*, tracemalloc measures the peak memory (and slows Python down about four
    times: the time is then not checked, and the run may take four times the budget). A run
    past twice its allowed time is stopped and reported as a failure.
    """
    allowed = budget * (4 if traced else 1)
    from sanitasi_core.cli import main  # noqa: PLC0415

    out, err = io.StringIO(), io.StringIO()
    previous = signal.signal(signal.SIGALRM, _overrun)
    signal.setitimer(signal.ITIMER_REAL, 2 * allowed)
    tracing = tracemalloc.is_tracing()
    if traced and not tracing:
        tracemalloc.start()
    if traced:
        tracemalloc.reset_peak()
    start = time.perf_counter()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), _stdin(stdin):
            code = main(argv)
    except Overrun:
        raise FuzzCheckError(f"no answer within {2 * allowed:.0f} s", argv) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        seconds = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory() if traced else (0, 0)
        if traced and not tracing:
            tracemalloc.stop()
    return CliRun(argv, code, out.getvalue(), err.getvalue(), seconds, peak, traced, budget)


def check_run(run: CliRun, expected: set[int]) -> None:
    """Check a run: an expected exit code (never 70), no traceback, stderr safe, within budget.

    Standard error must hold no raw control character; time and tracemalloc peak stay within
    the run's budget (:data:`BUDGET_SECONDS` unless given) and :data:`BUDGET_BYTES`.
    """
    _expect(run.code != 70, "internal error (exit 70)", (run.argv, run.err[-500:]))
    _expect(
        run.code in expected,
        f"exit {run.code}, expected {sorted(expected)}",
        (run.argv, run.err[-500:]),
    )
    _expect("Traceback" not in run.out + run.err, "traceback", run.argv)
    _expect(not _RAW_CONTROL.search(run.err), "raw control character on stderr", run.err[-500:])
    slow = run.seconds > (run.budget or BUDGET_SECONDS) and not run.traced
    _expect(not slow, f"slow: {run.seconds:.1f} s", run.argv)
    _expect(run.peak <= BUDGET_BYTES, f"memory: {run.peak >> 20} MiB", run.argv)


class _Markup(HTMLParser):
    """Collects the tags and attributes that data could have smuggled into HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DANGEROUS_TAGS:
            self.bad.append(f"<{tag}>")
        for name, value in attrs:
            low = (value or "").lower()
            if name.startswith("on") or MARK.lower() in low or "javascript:" in low:
                self.bad.append(f"<{tag} {name}={value!r}>")


def _markup_problems(html: str) -> list[str]:
    parser = _Markup()
    parser.feed(html)
    parser.close()
    return parser.bad


def _markdown_to_html(text: str) -> str | None:
    """The HTML a CommonMark renderer (with raw HTML and tables on) makes of *text*, if any."""
    try:
        from markdown_it import MarkdownIt  # noqa: PLC0415  # comes with the docs group
    except ImportError:  # pragma: no cover - without it Markdown is checked as text only
        return None
    return MarkdownIt("commonmark", {"html": True}).enable("table").render(text)


def check_output(content: str, fmt: str, *, sep: str = ",") -> None:
    """What a command wrote is safe for its format.

    ``text``: no raw control character; ``markdown``: none either, and rendered as CommonMark it
    has no script, event handler or link from data; ``html``: the same; ``csv``: no cell a
    spreadsheet reads as a formula; ``json``: parses.
    """
    if fmt in ("text", "markdown"):
        found = _RAW_CONTROL.search(content)
        _expect(
            found is None,
            f"raw control character in {fmt}",
            found and content[max(found.start() - 40, 0) : found.end() + 40],
        )
    if fmt == "markdown":
        html = _markdown_to_html(content)
        if html is not None:
            _expect(
                not _markup_problems(html), "markup from data in Markdown", _markup_problems(html)
            )
    elif fmt == "html":
        _expect(
            not _markup_problems(content), "markup from data in HTML", _markup_problems(content)
        )
    elif fmt == "csv":
        body = content.removeprefix("\ufeff")
        for row in csv.reader(io.StringIO(body, newline=""), delimiter=sep):
            for cell in row:
                formula = cell.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(cell)
                _expect(not formula, "CSV cell read as a formula", cell[:80])
    elif fmt == "json":
        try:
            json.loads(content)
        except ValueError as error:
            raise FuzzCheckError(f"JSON output does not parse: {error}") from None


def _write_json(path: Path, document: Any) -> Path:
    # ensure_ascii: a lone surrogate in a Python string goes out as its \ud800 escape.
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _hostile_dossier(draw: st.DrawFn) -> dict[str, Any]:
    """The demo dossier with hostile text in its names, ids and descriptions."""
    document = json.loads(json.dumps(DEMO))
    document["region"]["name"] = draw(_HOSTILE_TEXT)
    for activity in draw(st.lists(st.sampled_from(document["activities"]), max_size=3)):
        activity["name"] = draw(_HOSTILE_TEXT)
    if draw(st.booleans()):
        document["description"] = draw(_HOSTILE_TEXT)
    if draw(st.booleans()):
        document["working_group"]["name"] = draw(_HOSTILE_TEXT)
    if draw(st.booleans()):
        document["activities"][0]["id"] = draw(_HOSTILE_TEXT)  # may be refused: exit 1
    if draw(st.booleans()):
        document["region"]["name"] += draw(st.sampled_from(["\ud800", "\udfff", "a\udc80b"]))
    return document


def _hostile_rulebook(draw: st.DrawFn) -> dict[str, Any]:
    """The default rulebook with hostile text in titles, messages and references."""
    document = json.loads(json.dumps(BASE_RULEBOOK))
    document["title"] = {"id": draw(_HOSTILE_TEXT), "en": draw(_HOSTILE_TEXT)}
    milestone = draw(st.sampled_from(document["milestones"]))
    criterion = draw(st.sampled_from(milestone["criteria"]))
    criterion["message"] = {"id": draw(_HOSTILE_TEXT), "en": draw(_HOSTILE_TEXT)}
    criterion["reference"]["basis"] = {"id": draw(_HOSTILE_TEXT), "en": draw(_HOSTILE_TEXT)}
    if draw(st.booleans()):
        criterion["id"] = draw(_HOSTILE_TEXT)  # refused by the checker
    return document


def _format_args(
    draw: st.DrawFn, formats: tuple[str, ...], *, spreadsheet: bool = True
) -> tuple[str, list[str], str]:
    """``--format`` and, for CSV of a command that takes them, ``--sep`` and ``--bom``."""
    fmt = draw(st.sampled_from(formats))
    extra: list[str] = []
    sep = ","
    if fmt == "csv" and spreadsheet:
        if draw(st.booleans()):
            sep = draw(st.sampled_from([";", "\t", "|"]))
            extra += ["--sep", sep]
        if draw(st.booleans()):
            extra.append("--bom")
    return fmt, ["--format", fmt, *extra], sep


def _output(draw: st.DrawFn, folder: Path) -> Path | None:
    return (
        folder / draw(st.sampled_from(["out.txt", "report.md", "-"]))
        if draw(st.booleans())
        else None
    )


def _run_and_check(
    argv: list[str], fmt: str | None, expected: set[int], output: Path | None, *, sep: str = ","
) -> CliRun:
    if output is not None:
        argv = [*argv, "--output", str(output)]
    run = run_cli(argv, traced=_TRACED.get())
    check_run(run, expected)
    content = run.out
    if output is not None:
        _expect(run.out == "", "stdout written with --output", run.argv)
        content = output.read_text(encoding="utf-8") if output.exists() else ""
        leftovers = [p.name for p in output.parent.iterdir() if p.name.endswith(".tmp")]
        _expect(not leftovers, "temporary file left behind", leftovers)
    if fmt is not None and content:  # a refused input may have no report
        check_output(content, fmt, sep=sep)
    return run


def _cli_text(draw: st.DrawFn) -> None:
    """Hostile text in a dossier and a rulebook, into every command and format."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        lang = draw(st.sampled_from(["id", "en"]))
        dossier = _write_json(folder / "d.json", _hostile_dossier(draw))
        rulebook = _write_json(folder / "r.json", _hostile_rulebook(draw))
        command = draw(
            st.sampled_from(["evaluate", "explain", "validate", "show", "table", "check", "diff"])
        )
        output = _output(draw, folder)
        base = ["--lang", lang]
        if command == "evaluate":
            fmt, fmt_args, sep = _format_args(draw, ("text", "json", "csv", "markdown", "html"))
            detail = ["--detail"] if draw(st.booleans()) else []
            book = ["--rulebook", str(rulebook)] if draw(st.booleans()) else []
            argv = [*base, "evaluate", str(dossier), *AS_OF, *book, *fmt_args, *detail]
            _run_and_check(argv, fmt, {0, 1, 2}, output, sep=sep)
        elif command == "explain":
            fmt, fmt_args, sep = _format_args(draw, ("text", "json", "markdown"))
            milestone = draw(st.sampled_from(["M1", "M2", "M3", "M4"]))
            book = ["--rulebook", str(rulebook)] if draw(st.booleans()) else []
            argv = [
                *base,
                "explain",
                str(dossier),
                "--milestone",
                milestone,
                *AS_OF,
                *book,
                *fmt_args,
            ]
            _run_and_check(argv, fmt, {0, 1, 2}, output, sep=sep)
        elif command == "validate":
            _run_and_check([*base, "validate", str(dossier)], "text", {0, 1}, None)
        elif command == "check":
            _run_and_check([*base, "rulebook", "check", str(rulebook)], "text", {0, 1}, None)
        elif command in ("show", "table"):
            formats = ("text", "json") if command == "show" else ("markdown", "csv")
            fmt, fmt_args, sep = _format_args(draw, formats)
            argv = [*base, "rulebook", command, str(rulebook), *fmt_args]
            _run_and_check(argv, fmt, {0, 2}, output, sep=sep)
        else:
            fmt, fmt_args, sep = _format_args(draw, ("text", "json", "markdown"))
            argv = [
                *base,
                "rulebook",
                "diff",
                "default",
                str(rulebook),
                str(dossier),
                *AS_OF,
                *fmt_args,
            ]
            _run_and_check(argv, fmt, {0, 1, 2}, output, sep=sep)


_BIG_DIGITS = st.integers(26, 41).flatmap(lambda n: st.integers(10 ** (n - 1), 10**n - 1))
_AMOUNT = st.one_of(
    _BIG_DIGITS.map(str),
    st.tuples(_BIG_DIGITS, st.integers(0, 10**20 - 1)).map(lambda p: f"{p[0]}.{p[1]:020d}"),
    st.integers(0, 22).map(lambda n: "0." + "0" * n + "1"),
    st.sampled_from(["1e5", "1E+40", "-0", "0", "-1", "00000000000000000000001", "1.", ".5"]),
    st.integers(1, 10**50) | st.floats(allow_nan=False, allow_infinity=False),  # JSON numbers
)


def _cli_decimals(draw: st.DrawFn) -> None:
    """Amounts of 26-41 digits, tiny fractions, exponents, JSON numbers: evaluate, explain."""
    document = json.loads(json.dumps(DEMO))
    for activity in document["activities"]:
        if draw(st.booleans()):
            activity["planned"] = draw(_AMOUNT)
        if draw(st.booleans()):
            activity["realised"] = draw(_AMOUNT)
    for commitment in document["commitments"]:
        if "pledged" in commitment and draw(st.booleans()):
            commitment["pledged"] = draw(_AMOUNT)
    with tempfile.TemporaryDirectory() as name:
        dossier = _write_json(Path(name) / "d.json", document)
        lang = ["--lang", draw(st.sampled_from(["id", "en"]))]
        if draw(st.booleans()):
            fmt, fmt_args, sep = _format_args(draw, ("text", "json", "csv", "markdown", "html"))
            argv = [*lang, "evaluate", str(dossier), *AS_OF, *fmt_args, "--detail"]
        else:
            fmt, fmt_args, sep = _format_args(draw, ("text", "json", "markdown"))
            milestone = draw(st.sampled_from(["M3", "M4"]))
            argv = [*lang, "explain", str(dossier), "--milestone", milestone, *AS_OF, *fmt_args]
        _run_and_check(argv, fmt, {0, 1}, None, sep=sep)


_BAD_ITEMS = st.sampled_from(
    [
        {"id": 1, "planned": 12.5},
        {"name": None},
        "activity",
        {"id": "a", "name": "x", "fiscal_year": 99999, "planned": "1e5", "realised": "-"},
    ]
)


def _cli_problems(draw: st.DrawFn) -> None:
    """A dossier with 10,000-12,000 bad list items: bounded output, time and memory."""
    count = draw(st.integers(10_000, 12_000))
    document = json.loads(json.dumps(DEMO))
    document[draw(st.sampled_from(["activities", "meetings", "documents"]))] = [
        draw(_BAD_ITEMS)
    ] * count
    with tempfile.TemporaryDirectory() as name:
        dossier = _write_json(Path(name) / "d.json", document)
        command = draw(st.sampled_from(["validate", "evaluate", "explain"]))
        argv = ["--lang", draw(st.sampled_from(["id", "en"])), command, str(dossier)]
        if command == "explain":
            argv += ["--milestone", "M4", *AS_OF]
        elif command == "evaluate":
            argv += [*AS_OF, "--format", "text"]
        run = _run_and_check(argv, "text", {1}, None)
        lines = (run.out + run.err).count("\n")
        _expect(lines <= MAX_PROBLEMS + 60, f"{lines} lines for {count} bad items", argv)


def _definition(name: str, test: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": name,
        "message": {"id": name, "en": name},
        "reference": {"basis": "b"},
        "test": test,
    }


_PRESENT: dict[str, Any] = {"op": "present", "fact": "designated"}


def _expensive_rulebook(draw: st.DrawFn) -> dict[str, Any]:
    """Definitions referring to each other many times over; nesting and nodes near the limits."""
    document = json.loads(json.dumps(BASE_RULEBOOK))
    shape = draw(st.sampled_from(["fan", "nest", "nodes", "refs"]))
    test: dict[str, Any]
    if shape == "fan":  # d_i = all/any(d_{i-1} × fan): fan^levels paths to d0
        levels, fan = draw(st.integers(1, 120)), draw(st.integers(2, 8))
        definitions = [_definition("d0", _PRESENT)]
        for level in range(1, levels + 1):
            op = draw(st.sampled_from(["all", "any"]))
            refs = [{"op": "ref", "criterion": f"d{level - 1}"}] * fan
            definitions.append(_definition(f"d{level}", {"op": op, "of": refs}))
        document["definitions"] = definitions
        test = {"op": "ref", "criterion": f"d{levels}"}
    elif shape == "nest":  # MAX_NODE_DEPTH ± 3 levels of not/all/any
        test = _PRESENT
        for _ in range(MAX_NODE_DEPTH + draw(st.integers(-3, 3))):
            op = draw(st.sampled_from(["not", "all", "any"]))
            test = {"op": "not", "of": test} if op == "not" else {"op": op, "of": [test]}
    elif shape == "nodes":  # MAX_NODES ± 10 nodes in one criterion
        test = {"op": "all", "of": [_PRESENT] * (MAX_NODES + draw(st.integers(-10, 10)) - 1)}
    else:  # a chain of references around MAX_DEPTH_THROUGH_REFS
        length = MAX_DEPTH_THROUGH_REFS + draw(st.integers(-3, 3))
        definitions = [_definition("d0", _PRESENT)]
        definitions += [
            _definition(f"d{i}", {"op": "not", "of": {"op": "ref", "criterion": f"d{i - 1}"}})
            for i in range(1, length)
        ]
        document["definitions"] = definitions
        test = {"op": "ref", "criterion": f"d{length - 1}"}
    milestone = draw(st.sampled_from(document["milestones"]))
    draw(st.sampled_from(milestone["criteria"]))["test"] = test
    return document


def _cli_rulebooks(draw: st.DrawFn) -> None:
    """Expensive rulebooks into rulebook check, show and table, and evaluate or explain."""
    with tempfile.TemporaryDirectory() as name:
        rulebook = _write_json(Path(name) / "r.json", _expensive_rulebook(draw))
        dossier = _write_json(Path(name) / "d.json", DEMO)
        command = draw(st.sampled_from(["check", "show", "table", "evaluate", "explain"]))
        lang = ["--lang", draw(st.sampled_from(["id", "en"]))]
        if command == "check":
            _run_and_check([*lang, "rulebook", "check", str(rulebook)], "text", {0, 1}, None)
        elif command in ("show", "table"):
            fmt = draw(
                st.sampled_from(["text", "json"] if command == "show" else ["markdown", "csv"])
            )
            argv = [*lang, "rulebook", command, str(rulebook), "--format", fmt]
            _run_and_check(argv, fmt, {0, 2}, None)
        else:
            book = ["--rulebook", str(rulebook)]
            if command == "evaluate":
                fmt = draw(st.sampled_from(["text", "json", "csv", "markdown", "html"]))
                argv = [*lang, "evaluate", str(dossier), *AS_OF, *book, "--format", fmt, "--detail"]
            else:
                fmt = draw(st.sampled_from(["text", "json", "markdown"]))
                milestone = draw(st.sampled_from(["M1", "M2", "M3", "M4"]))
                argv = [
                    *lang,
                    "explain",
                    str(dossier),
                    "--milestone",
                    milestone,
                    *AS_OF,
                    *book,
                    "--format",
                    fmt,
                ]
            _run_and_check(argv, fmt, {0, 2}, None)


DOSSIER_LIMIT = 16 * 1024 * 1024
RULEBOOK_LIMIT = 1024 * 1024
# Kinds of input path that must be refused (exit 2), quickly, before a byte is read.
REFUSED_KINDS = (
    "fifo",
    "dev_zero",
    "dev_null",
    "folder",
    "dangling",
    "loop",
    "missing",
    "proc",
    "over",
)
INPUT_KINDS = (*REFUSED_KINDS, "symlink", "unreadable", "at_limit", "empty")


def _make_input(kind: str, folder: Path, suffix: str, good: bytes, limit: int) -> Path:
    """A path of *kind* in *folder*; *good* is the content of a valid file of the role."""
    path = folder / f"input-{kind}{suffix}"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind in ("dev_zero", "dev_null", "proc"):
        path.symlink_to(
            {"dev_zero": "/dev/zero", "dev_null": "/dev/null", "proc": "/proc/self/status"}[kind]
        )
    elif kind == "folder":
        path.mkdir()
    elif kind == "dangling":
        path.symlink_to(folder / "nowhere.json")
    elif kind == "loop":
        path.symlink_to(path)
    elif kind == "symlink":
        (folder / f"target{suffix}").write_bytes(good)
        path.symlink_to(folder / f"target{suffix}")
    elif kind == "unreadable":
        path.write_bytes(good)
        path.chmod(0)
    elif kind in ("over", "at_limit"):
        with path.open("wb") as handle:  # sparse: costs no disk
            handle.truncate(limit + 1 if kind == "over" else limit)
    elif kind == "empty":
        path.write_bytes(b"")
    return path  # "missing": nothing there


_HOUSEHOLD_CSV = (
    b"household_id,area,facility,toilet,disposal,last_emptied,sludge_treated,weight,survey_date\r\n"
    b"h1,urban,own,gooseneck,septic_tank,2022-01-01,yes,,2024-07-15\r\n"
)
_PARAGRAPH = b"Kepmendagri 100.4.3-1037/Kep/Bangda 2023 tanggal 18 Desember 2023: Rp 1,5 miliar."


def _input_argv(draw: st.DrawFn, role: str, path: Path, dossier: Path) -> list[str]:
    if role == "dossier":
        command = draw(st.sampled_from(["validate", "evaluate", "explain", "diff"]))
        if command == "validate":
            return ["validate", str(path)]
        if command == "evaluate":
            return ["evaluate", str(path), *AS_OF]
        if command == "explain":
            return ["explain", str(path), "--milestone", "M1", *AS_OF]
        return ["rulebook", "diff", "default", "default", str(path), *AS_OF]
    if role == "jsonl":
        command = draw(st.sampled_from(["validate", "evaluate"]))
        return [command, str(path)] if command == "validate" else [command, str(path), *AS_OF]
    if role == "rulebook":
        command = draw(st.sampled_from(["check", "show", "table", "evaluate", "diff"]))
        if command == "evaluate":
            return ["evaluate", str(dossier), *AS_OF, "--rulebook", str(path)]
        if command == "diff":
            return ["rulebook", "diff", "default", str(path), str(dossier), *AS_OF]
        return ["rulebook", command, str(path)]
    if role == "households":
        return ["access", str(path)]
    return ["extract", str(path)]


_ROLES: dict[str, tuple[str, int]] = {  # role: (suffix, size limit)
    "dossier": (".json", DOSSIER_LIMIT),
    "jsonl": (".jsonl", DOSSIER_LIMIT),  # a line: JSON Lines are streamed
    "rulebook": (".json", RULEBOOK_LIMIT),
    "households": (".csv", DOSSIER_LIMIT),
    "text": (".txt", DOSSIER_LIMIT),
}


def _cli_files(draw: st.DrawFn) -> None:
    """Special, missing, unreadable and over-limit files into every command that reads files."""
    role = draw(st.sampled_from(list(_ROLES)))
    kinds = list(INPUT_KINDS)
    kind = draw(st.sampled_from(kinds))
    suffix, limit = _ROLES[role]
    if role == "households" and draw(st.booleans()):
        suffix = ".jsonl"
    good = {
        "dossier": json.dumps(DEMO).encode(),
        "jsonl": json.dumps(DEMO).encode() + b"\n",
        "rulebook": json.dumps(BASE_RULEBOOK).encode(),
        "households": _HOUSEHOLD_CSV if suffix == ".csv" else b"{}\n",
        "text": _PARAGRAPH,
    }[role]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        dossier = _write_json(folder / "good.json", DEMO)
        path = _make_input(kind, folder, suffix, good, limit)
        argv = [
            "--lang",
            draw(st.sampled_from(["id", "en"])),
            *_input_argv(draw, role, path, dossier),
        ]
        refused = kind in REFUSED_KINDS or (kind == "unreadable" and os.geteuid() != 0)
        if role == "households" and kind == "over":  # no size limit: streamed, line by line
            refused = False
        run = _run_and_check(argv, None, {2} if refused else {0, 1, 2}, None)
        if refused:
            said = run.out + run.err  # rulebook check reports on standard output
            _expect(str(path) in said, "refusal without the path", said)
        if kind == "unreadable":
            path.chmod(0o600)  # so the folder can be removed


OUTPUT_KINDS = (
    "new",
    "existing",
    "read_only",
    "symlink",
    "dangling",
    "folder",
    "dev_null",
    "fifo",
    "missing_folder",
    "symlink_dev_null",
)


def _cli_outputs(draw: st.DrawFn) -> None:
    """``--output`` at every kind of path: nothing destroyed, no temporary file left behind."""
    kind = draw(st.sampled_from(OUTPUT_KINDS))
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        dossier = _write_json(folder / "good.json", DEMO)
        target = folder / "out.txt"
        if kind == "existing":
            target.write_text("old")
            target.chmod(0o640)
        elif kind == "read_only":
            target.write_text("signed")
            target.chmod(0o444)
        elif kind in ("symlink", "dangling", "symlink_dev_null"):
            real = Path("/dev/null") if kind == "symlink_dev_null" else folder / "real.txt"
            if kind == "symlink":
                real.write_text("old")
            target.symlink_to(real)
        elif kind == "folder":
            target.mkdir()
        elif kind == "dev_null":
            target = Path("/dev/null")
        elif kind == "fifo":
            os.mkfifo(target)  # nobody reads it: refused at once, never waited on
        elif kind == "missing_folder":
            target = folder / "no" / "out.txt"
        command = draw(
            st.sampled_from(
                [["schema"], ["indicators"], ["evaluate", str(dossier), *AS_OF, "--format", "csv"]]
            )
        )
        argv = ["--lang", draw(st.sampled_from(["id", "en"])), *command, "--output", str(target)]
        refused = kind in ("folder", "fifo", "missing_folder", "read_only")
        run = run_cli(argv)
        check_run(run, {2} if refused else {0})
        leftovers = [p.name for p in folder.rglob("*.tmp")]
        _expect(not leftovers, "temporary file left behind", leftovers)
        _expect(stat.S_ISCHR(os.stat("/dev/null").st_mode), "/dev/null is no longer a device", kind)
        if kind == "read_only":
            _expect(target.read_text() == "signed", "read-only file changed", kind)
            _expect(
                stat.S_IMODE(target.stat().st_mode) == 0o444, "read-only file's mode changed", kind
            )
        if kind == "existing":
            _expect(
                stat.S_IMODE(target.stat().st_mode) == 0o640,
                "mode not kept",
                oct(target.stat().st_mode),
            )
        if kind in ("symlink", "dangling"):
            _expect(target.is_symlink(), "symlink replaced by a file", kind)
            _expect((folder / "real.txt").read_text() != "old", "symlink target not written", kind)


def _file_name(text: str) -> str:
    """*text* as a file name: no slash or NUL, at most 100 characters, never hidden."""
    cleaned = "".join("_" if c in "/\x00" else c for c in text)[:100]
    cleaned = cleaned.encode("utf-8", "replace").decode("utf-8")  # no lone surrogate on disk
    return "f" + cleaned


_BAD_DOSSIERS: dict[str, str] = {  # kinds of bad dossier text, named for short reports
    "lone surrogate escape": (
        '{"schema": "sanitasi.dossier/v2", "region": {"code": "64.60", "name": "\\ud800"}}'
    ),
    "cut short": "{",
    "empty": "",
    "60 levels deep": "[" * 60 + "]" * 60,
    "unknown schema": '{"schema": "sanitasi.dossier/v9"}',
    "not UTF-8": "\xff",
    "300 bad items": json.dumps({**DEMO, "activities": [{"id": 1, "planned": 12.5}] * 300}),
    "lone surrogate in the demo": json.dumps(
        {**DEMO, "region": {"code": "64.60", "name": "x\udfff"}}
    ),
    "41 digits": json.dumps(
        {**DEMO, "activities": [{**DEMO["activities"][0], "planned": "9" * 41}]}
    ),
}


def _cli_batches(draw: st.DrawFn) -> None:
    """A folder or JSON Lines file of good and bad dossiers: every good one is reported."""
    good = draw(st.integers(1, 5))
    bad = [
        _BAD_DOSSIERS[kind]
        for kind in draw(st.lists(st.sampled_from(list(_BAD_DOSSIERS)), max_size=5))
    ]
    entries = [
        json.dumps(
            {**DEMO, "region": {"code": "64.60", "name": f"Good{i:04d} {draw(_HOSTILE_TEXT)}"}}
        )
        for i in range(good)
    ]
    pool = [*entries, *bad]
    everything = [pool[i] for i in draw(st.permutations(range(len(pool))))]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        if draw(st.booleans()):
            batch = folder / "batch"
            batch.mkdir()
            for index, text in enumerate(everything):
                label = _file_name(draw(_HOSTILE_TEXT)) if draw(st.booleans()) else "d"
                (batch / f"{index:03d}-{label}.json").write_bytes(
                    text.encode("utf-8", "surrogatepass")
                )
            if draw(st.booleans()):  # special files in the folder are not dossiers: skipped
                os.mkfifo(batch / "zz-fifo.json")
                (batch / "zz-zero.json").symlink_to("/dev/zero")
        else:
            batch = folder / "batch.jsonl"
            lines = [text.replace("\n", " ") for text in everything if text.strip()]
            batch.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))
            bad = [text for text in bad if text.strip()]  # blank lines are skipped
        lang = ["--lang", draw(st.sampled_from(["id", "en"]))]
        if draw(st.booleans()):
            fmt, fmt_args, sep = _format_args(draw, ("text", "json", "csv", "markdown", "html"))
            detail = ["--detail"] if draw(st.booleans()) else []
            argv = [*lang, "evaluate", str(batch), *AS_OF, *fmt_args, *detail]
        else:
            fmt, fmt_args, sep = _format_args(draw, ("text", "json", "markdown"))
            argv = [*lang, "rulebook", "diff", "2020.1", "2025.1", str(batch), *AS_OF, *fmt_args]
        output = _output(draw, folder)
        run = _run_and_check(argv, fmt, {1} if bad else {0}, output, sep=sep)
        report = output.read_text(encoding="utf-8") if output is not None else run.out
        if argv[2] == "evaluate":
            missing = [i for i in range(good) if f"Good{i:04d}" not in report]
            _expect(not missing, f"good inputs not reported: {missing}", argv)


def _household_cell(draw: st.DrawFn) -> str:
    return draw(
        _HOSTILE_TEXT
        | st.sampled_from(
            ["0003-07-15", "0001-01-01", "0006-01-01", "9999-12-31", "9" * 40, "1e999", "-1", ""]
        )
    )


def _cli_access(draw: st.DrawFn) -> None:
    """Household files with hostile cells, early dates and huge weights into every format."""
    from sanitasi_core.households import COLUMNS  # noqa: PLC0415

    columns = list(COLUMNS)
    template = [
        "h1",
        "urban",
        "own",
        "gooseneck",
        "septic_tank",
        "2022-01-01",
        "yes",
        "",
        "2024-07-15",
    ]
    rows = []
    for number in range(draw(st.integers(1, 8))):
        row = [f"h{number}", *template[1:]]
        for column in draw(st.lists(st.integers(0, len(columns) - 1), max_size=3)):
            row[column] = _household_cell(draw)
        rows.append(row)
    with tempfile.TemporaryDirectory() as name:
        if draw(st.booleans()):
            path = Path(name) / "households.csv"
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="\r\n").writerows([columns, *rows])
            path.write_bytes(buffer.getvalue().encode("utf-8", "replace"))
        else:
            path = Path(name) / "households.jsonl"
            lines = [json.dumps(dict(zip(columns, row, strict=True))) for row in rows]
            path.write_text("\n".join(lines), encoding="utf-8")
        fmt, fmt_args, sep = _format_args(draw, ("text", "json", "csv"))
        argv = ["--lang", draw(st.sampled_from(["id", "en"])), "access", str(path), *fmt_args]
        _run_and_check(argv, fmt, {0, 1}, _output(draw, Path(name)), sep=sep)


def _cli_extract(draw: st.DrawFn) -> None:
    """Generated paragraphs and hostile text, from a file or standard input, into extract."""
    text = draw(_PARAGRAPH_TEXTS | _HOSTILE_TEXT | st.text(max_size=300))
    data = text.encode("utf-8", "replace")
    if draw(st.booleans()):
        data += draw(
            st.sampled_from([b"", b"\xff\xfe", b"\xed\xa0\x80"])
        )  # bad UTF-8 (a surrogate)
    fmt, fmt_args, sep = _format_args(draw, ("text", "json", "csv"), spreadsheet=False)
    reference = ["--reference", "2024-07-22"] if draw(st.booleans()) else []
    with tempfile.TemporaryDirectory() as name:
        lang = ["--lang", draw(st.sampled_from(["id", "en"]))]
        output = _output(draw, Path(name))
        if draw(st.booleans()):
            argv = [*lang, "extract", "-", *fmt_args, *reference]
            argv += [] if output is None else ["--output", str(output)]
            run = run_cli(argv, stdin=data, traced=_TRACED.get())
            check_run(run, {0, 2})
            written = output.read_text("utf-8") if output and output.exists() else run.out
            if written:  # refused input (bad UTF-8) writes no report
                check_output(written, fmt, sep=sep)
        else:
            path = Path(name) / "news.txt"
            path.write_bytes(data)
            _run_and_check(
                [*lang, "extract", str(path), *fmt_args, *reference], fmt, {0, 2}, output, sep=sep
            )


def _cli(
    target: Callable[[st.DrawFn], None],
) -> tuple[Callable[[Any], None], st.SearchStrategy[Any]]:
    """A CLI target: draws its scenario interactively (shown in a falsifying example)."""
    return (lambda data: target(data.draw)), st.data()


CLI_TARGETS: dict[str, tuple[Callable[[Any], None], st.SearchStrategy[Any]]] = {
    "cli-text": _cli(_cli_text),
    "cli-decimals": _cli(_cli_decimals),
    "cli-problems": _cli(_cli_problems),
    "cli-rulebooks": _cli(_cli_rulebooks),
    "cli-files": _cli(_cli_files),
    "cli-outputs": _cli(_cli_outputs),
    "cli-batches": _cli(_cli_batches),
    "cli-access": _cli(_cli_access),
    "cli-extract": _cli(_cli_extract),
}


TARGETS: dict[str, tuple[Callable[[Any], None], st.SearchStrategy[Any]]] = {
    "dossier": (_dossier, DOSSIER),
    "rulebook": (_rulebook, RULEBOOK),
    "households": (_households, _household_inputs("csv") | _household_inputs("jsonl")),
    "dates": _parser(parse_date, s.date_texts()),
    "rupiah": _parser(parse_rupiah, s.rupiah_texts()),
    "decrees": _parser(parse_decree_number, s.decree_number_texts()),
    "codes": _parser(_region_or_apbd, s.region_code_texts() | s.apbd_code_texts()),
    "extract": (_extract, EXTRACT),
    **CLI_TARGETS,
}


# --------------------------------------------------------------------------------------------
# Running
# --------------------------------------------------------------------------------------------


@dataclass
class Result:
    """What one target did: examples tried, batches run, and the first failure."""

    name: str
    examples: int = 0
    batches: int = 0
    seconds: float = 0.0
    failure: str | None = None
    details: list[str] = field(default_factory=list)


def fuzz(name: str, seconds: float, *, examples: int | None = None) -> Result:
    """Run target *name* for about *seconds* and return what happened.

    With *examples*, run one batch of that many examples instead, whatever the time.
    """
    check, inputs = TARGETS[name]
    result = Result(name)
    size = examples or (CLI_BATCHES.get(name, CLI_BATCH) if name in CLI_TARGETS else BATCH)
    config = settings(
        max_examples=size,
        deadline=None,
        database=None,
        derandomize=False,
        print_blob=True,
        # A CLI example runs whole commands on real files: shrinking one can take minutes.
        phases=[Phase.generate] if name in CLI_TARGETS else [Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )
    start = time.monotonic()

    @config
    @given(inputs)
    def run(value: Any) -> None:
        result.examples += 1
        check(value)

    while result.batches == 0 or (examples is None and time.monotonic() - start < seconds):
        result.batches += 1
        try:
            run()
        except Exception as error:  # every failure is reported, then the target stops
            result.failure = f"{type(error).__name__}: {error}".splitlines()[0][:300]
            result.details = [
                *traceback.format_exception(error)[-12:],
                *getattr(error, "__notes__", []),
            ]
            break
    result.seconds = time.monotonic() - start
    return result


def select(patterns: list[str]) -> list[str]:
    """The targets named by *patterns* (names, comma lists, or shell patterns such as ``cli-*``).

    Raises:
        SystemExit: if a pattern names no target.
    """
    chosen: list[str] = []
    for pattern in (p.strip() for each in patterns for p in each.split(",")):
        found = list(TARGETS) if pattern == "all" else fnmatch.filter(TARGETS, pattern)
        if not found:
            raise SystemExit(f"no target matches {pattern!r}; targets: {', '.join(TARGETS)}")
        chosen += [name for name in found if name not in chosen]
    return chosen


def main(argv: list[str] | None = None) -> int:
    """Parse the command line, fuzz the chosen targets, print a report; 1 if any failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, required=True, help="time per target")
    parser.add_argument(
        "--target",
        "--targets",
        dest="targets",
        action="append",
        metavar="NAME",
        help="targets to run: names, comma lists or patterns (cli-*); repeatable; default all",
    )
    args = parser.parse_args(argv)
    names = select(args.targets or ["all"])
    failed = False
    for name in names:
        result = fuzz(name, args.seconds)
        status = "ok" if result.failure is None else f"FAILED: {result.failure}"
        print(
            f"{name:<13} {result.examples:>7} examples in {result.seconds:6.1f} s "
            f"({result.batches} batches)  {status}",
            flush=True,
        )
        if result.failure is not None:
            failed = True
            print("".join(f"    {line}\n" for d in result.details for line in d.splitlines()))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
