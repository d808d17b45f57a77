"""Fuzzing of every loader: whatever the input, only sanitasi-core's own errors come out.

Covers what ``test_serialization.py`` and ``test_rules.py`` do not: household files (CSV and
JSON Lines) from arbitrary text and bytes and from mutated valid files, the Indonesian text
parsers on arbitrary and near-valid text, rulebooks from arbitrary bytes and mutated TOML,
dossier and rulebook documents mutated as *text*, and adversarial sizes (10,000 levels of
nesting, numbers of 100,000 digits, strings of 10 MB) whose memory use is bounded. Each crash
found became a regression test at the end of this file.
"""

import contextlib
import functools
import io
import json
import tempfile
import tracemalloc
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sanitasi_core.testing as s
from sanitasi_core.codes import parse_apbd_code, parse_region_code
from sanitasi_core.dates import parse_date
from sanitasi_core.decrees import parse_decree_number
from sanitasi_core.exceptions import (
    MAX_PROBLEMS,
    DossierFormatError,
    HouseholdFileError,
    ParseError,
    RulebookError,
    SanitasiError,
)
from sanitasi_core.households import RowResult, read_csv, read_jsonl, summarise_file
from sanitasi_core.model import Dossier
from sanitasi_core.rulebooks import dump_rulebook, load_rulebook
from sanitasi_core.rules import Rulebook
from sanitasi_core.rupiah import parse_rupiah
from sanitasi_core.serialization import dump_dossier, load_dossier

DEFAULT_TOML = (
    resources.files("sanitasi_core") / "data" / "rulebooks" / "ppsp-milestones-2020.toml"
).read_text(encoding="utf-8")
HEADER = "household_id,area,facility,toilet,disposal,last_emptied,sludge_treated,weight,survey_date"
MEMORY_LIMIT = 200 * 1024 * 1024  # bytes, for one adversarial input

PARSERS: dict[str, Callable[[str], object]] = {
    "date": parse_date,
    "rupiah": parse_rupiah,
    "decree": parse_decree_number,
    "region": parse_region_code,
    "apbd": parse_apbd_code,
}
VALID_TEXTS: dict[str, st.SearchStrategy[str]] = {
    "date": s.date_texts(),
    "rupiah": s.rupiah_texts(),
    "decree": s.decree_number_texts(),
    "region": s.region_code_texts(),
    "apbd": s.apbd_code_texts(),
}
# Characters the parsers care about, so that random text gets past the first checks.
TEXT_ALPHABET = st.sampled_from(
    [*"0123456789 .,-/()'\u2019\t\n", "Rp", "IDR", "juta", "miliar", "Kep", "Bangda"]
) | st.sampled_from(["Senin", "Jum'at", "Agt", "Nopember", "tgl", "hari", "tanggal", "ribu"])
NEAR_TEXT = st.lists(TEXT_ALPHABET, max_size=12).map("".join)

# Generating whole rulebooks and dossiers is slower than parsing them.
_SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _rows(results: Iterator[RowResult]) -> list[RowResult]:
    """Consume a reader; every row is either a record or rejected with at least one reason."""
    rows = list(results)
    for row in rows:
        assert row.accepted is not bool(row.rejections)
        assert row.row >= 1
        assert row.line >= row.row
    return rows


def _read(text: str, fmt: str) -> list[RowResult] | None:
    """Read *text* as a household file; ``None`` when the file as a whole is refused."""
    reader = read_csv if fmt == "csv" else read_jsonl
    try:
        return _rows(reader(io.StringIO(text, newline=""), source="fuzz"))
    except HouseholdFileError as err:
        problems = err.problems
    assert problems
    return None


def _read_bytes(data: bytes, fmt: str) -> None:
    reader = read_csv if fmt == "csv" else read_jsonl
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", newline="")
    with contextlib.suppress(HouseholdFileError):
        _rows(reader(stream))


# --------------------------------------------------------------------------------------------
# Household files
# --------------------------------------------------------------------------------------------


@pytest.mark.property
@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
@given(text=st.text() | st.text(st.sampled_from(',"\r\n{}[]:  ax1-'), max_size=60))
def test_household_reader_on_arbitrary_text(fmt, text):
    """Any text read as a household file gives rows or a HouseholdFileError, nothing else."""
    _read(text, fmt)


@pytest.mark.property
@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
@given(body=st.text(max_size=200))
def test_household_reader_on_arbitrary_rows_after_a_valid_header(fmt, body):
    """After a valid CSV header (or in JSON Lines), any rows are accepted or rejected one by one."""
    text = f"{HEADER}\n{body}" if fmt == "csv" else body
    assert _read(text, fmt) is not None


@pytest.mark.property
@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
@given(data=st.binary(max_size=300))
def test_household_reader_on_arbitrary_bytes(fmt, data):
    """Any bytes (bad UTF-8 included) give rows or a HouseholdFileError, nothing else."""
    _read_bytes(data, fmt)


@pytest.mark.property
@given(
    data=st.binary(max_size=200) | s.household_documents("csv").map(str.encode),
    suffix=st.sampled_from([".csv", ".jsonl", ".ndjson", ".txt"]),
)
def test_summarise_file_on_arbitrary_files(data, suffix):
    """Any file on disk gives a report or a HouseholdFileError, nothing else."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"households{suffix}"
        path.write_bytes(data)
        with contextlib.suppress(HouseholdFileError):
            report = summarise_file(path)
            assert report.rejected_rows <= report.rejected_problems


@pytest.mark.property
@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
@given(data=st.data())
def test_household_reader_on_mutated_files(fmt, data):
    """Valid household files broken by mutations give rows or a HouseholdFileError."""
    text = data.draw(s.mutated_texts(s.household_documents(fmt, min_rows=1)))
    _read(text, fmt)


# --------------------------------------------------------------------------------------------
# Text parsers
# --------------------------------------------------------------------------------------------


def _parse(name: str, text: str) -> None:
    try:
        PARSERS[name](text)
    except ParseError as err:
        message = err.text
    else:
        return
    assert message.en
    assert message.id


@pytest.mark.property
@pytest.mark.parametrize("name", list(PARSERS))
@given(text=st.text() | NEAR_TEXT)
def test_text_parsers_on_arbitrary_text(name, text):
    """Each parser returns a value or raises ParseError, whatever the text."""
    _parse(name, text)


@pytest.mark.property
@pytest.mark.parametrize("name", list(PARSERS))
@given(data=st.data())
def test_text_parsers_on_mutated_valid_text(name, data):
    """Valid Indonesian text forms broken by mutations are parsed or refused with ParseError."""
    _parse(name, data.draw(s.mutated_texts(VALID_TEXTS[name])))


@pytest.mark.property
@given(text=st.text(max_size=40) | NEAR_TEXT, reference=st.dates())
def test_date_parser_with_any_reference(text, reference):
    """A year-less date is resolved against any reference date, or refused with ParseError."""
    with contextlib.suppress(ParseError):
        assert parse_date(text, reference=reference).date.year >= 1


# --------------------------------------------------------------------------------------------
# Rulebooks and dossiers
# --------------------------------------------------------------------------------------------


def _rulebook_or_error(document: str | bytes, fmt: Any) -> None:
    try:
        assert isinstance(load_rulebook(document, fmt=fmt, source="fuzz"), Rulebook)
    except RulebookError as err:
        problems = err.problems
    else:
        return
    assert problems
    assert all(p.file == "fuzz" for p in problems)


@pytest.mark.property
@given(data=st.binary(max_size=400))
def test_toml_rulebook_from_arbitrary_bytes(data):
    """Any bytes read as a TOML rulebook give a rulebook or a RulebookError."""
    _rulebook_or_error(data, "toml")


@pytest.mark.property
@given(text=s.mutated_texts(st.just(DEFAULT_TOML), max_mutations=5))
def test_toml_rulebook_from_mutated_default(text):
    """The default TOML rulebook broken by text mutations loads or raises RulebookError."""
    _rulebook_or_error(text, "toml")


@pytest.mark.property
@_SLOW
@given(document=s.mutated_rulebook_documents())
def test_json_rulebook_from_mutated_generated_rulebooks(document):
    """Generated rulebooks broken by structural mutations load or raise RulebookError."""
    _rulebook_or_error(json.dumps(document), "json")


@pytest.mark.property
@_SLOW
@given(text=s.mutated_texts(s.rulebooks(max_criteria=2).map(dump_rulebook)))
def test_json_rulebook_from_mutated_text(text):
    """Generated rulebooks broken as JSON text load or raise RulebookError."""
    _rulebook_or_error(text, "json")


@pytest.mark.property
@given(data=st.binary(max_size=400))
def test_dossier_from_arbitrary_bytes(data):
    """Any bytes read as a dossier give a dossier or a DossierFormatError."""
    with contextlib.suppress(DossierFormatError):
        assert isinstance(load_dossier(data), Dossier)


@pytest.mark.property
@_SLOW
@given(text=s.mutated_texts(s.dossiers().map(dump_dossier)))
def test_dossier_from_mutated_text(text):
    """Generated dossiers broken as JSON text load or raise DossierFormatError."""
    with contextlib.suppress(DossierFormatError):
        assert isinstance(load_dossier(text), Dossier)


# --------------------------------------------------------------------------------------------
# Adversarial sizes: rejected (or read) in bounded memory
# --------------------------------------------------------------------------------------------

DIGITS = "1" + "0" * 100_000
TEN_MB = "x" * (10 * 1024 * 1024)
DEEP = 10_000


def _households(fmt: str, text: str) -> Callable[[], object]:
    return lambda: _read(text, fmt)


ADVERSARIAL: dict[str, Callable[[], object]] = {
    "dossier: deep arrays": lambda: load_dossier("[" * DEEP + "]" * DEEP),
    "dossier: deep objects": lambda: load_dossier('{"a":' * DEEP + "1" + "}" * DEEP),
    "dossier: huge integer": lambda: load_dossier('{"fictional": ' + DIGITS + "}"),
    "dossier: huge float": lambda: load_dossier('{"fictional": ' + DIGITS + ".5e" + DIGITS + "}"),
    "dossier: 10 MB string": lambda: load_dossier(
        '{"schema": "sanitasi.dossier/v1", "region": {"code": "64.11", "name": "' + TEN_MB + '"}}'
    ),
    "dossier: 10 MB key": lambda: load_dossier('{"' + TEN_MB + '": 1}'),
    "dossier: 10 MB of garbage": lambda: load_dossier(TEN_MB.encode()),
    "rulebook json: deep arrays": lambda: load_rulebook("[" * DEEP + "]" * DEEP, fmt="json"),
    "rulebook json: huge integer": lambda: load_rulebook('{"id": ' + DIGITS + "}", fmt="json"),
    "rulebook json: 10 MB": lambda: load_rulebook('"' + TEN_MB + '"', fmt="json"),
    "rulebook toml: deep arrays": lambda: load_rulebook("x = " + "[" * DEEP + "]" * DEEP),
    "rulebook toml: deep inline tables": lambda: load_rulebook(
        "x = " + "{a = " * DEEP + "1" + "}" * DEEP
    ),
    "rulebook toml: deep table header": lambda: load_rulebook("[" + ".".join("a" * DEEP) + "]"),
    "rulebook toml: deep dotted key": lambda: load_rulebook(".".join("a" * DEEP) + " = 1"),
    "rulebook toml: huge integer": lambda: load_rulebook("x = " + DIGITS),
    "rulebook toml: huge float": lambda: load_rulebook("x = " + DIGITS + ".5e" + DIGITS),
    "rulebook toml: 100 levels": lambda: load_rulebook("x = " + "[" * 100 + "]" * 100),
    "rulebook toml: 10 MB": lambda: load_rulebook("x = '" + TEN_MB + "'"),
    "rulebook toml: 10 MB of bytes": lambda: load_rulebook(TEN_MB.encode()),
    "households csv: 10 MB header": _households("csv", TEN_MB + "\n"),
    "households csv: 10 MB row": _households("csv", HEADER + "\n" + TEN_MB + "\n" + HEADER),
    "households csv: huge weight": _households("csv", f"{HEADER}\na,,,,,,,{'9' * 4000},2024-01-01"),
    "households csv: deep brackets": _households("csv", HEADER + "\n" + "(" * DEEP),
    "households jsonl: deep arrays": _households("jsonl", "[" * DEEP + "]" * DEEP),
    "households jsonl: deep in a line": _households("jsonl", "[" * 2000 + "]" * 2000),
    "households jsonl: huge number": _households("jsonl", '{"weight": ' + DIGITS + "}"),
    "households jsonl: huge weight": _households(
        "jsonl",
        '{"household_id": "a", "area": null, "facility": null, "toilet": null, "disposal": null, '
        '"last_emptied": null, "sludge_treated": null, "survey_date": "2024-01-01", '
        '"weight": 1e999999999}',
    ),
    "households jsonl: 10 MB": _households("jsonl", TEN_MB),
    **{f"parse {name}: 10 MB": functools.partial(p, TEN_MB) for name, p in PARSERS.items()},
    **{f"parse {name}: 200 digits": functools.partial(p, "1" * 200) for name, p in PARSERS.items()},
}


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_adversarial_input_is_handled_in_bounded_memory(name):
    """Huge, deep or long input is read or refused with our own error, in under 200 MB."""
    tracemalloc.start()
    try:
        ADVERSARIAL[name]()
    except SanitasiError:
        pass
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert peak < MEMORY_LIMIT


# --------------------------------------------------------------------------------------------
# Regressions: crashes the fuzzing found
# --------------------------------------------------------------------------------------------


def test_toml_integer_beyond_the_digit_limit_is_invalid_toml():
    """A TOML integer of 100,000 digits is a RulebookError, not a ValueError (regression)."""
    with pytest.raises(RulebookError) as info:
        load_rulebook("x = " + DIGITS, source="big.toml")
    (problem,) = info.value.problems
    assert problem.code == "invalid_toml"
    assert "4300 digits" in problem.text.en
    assert problem.file == "big.toml"


def test_deep_dotted_toml_key_is_refused_before_parsing():
    """A dotted key of 10,000 parts is refused at once, not parsed in quadratic memory."""
    tracemalloc.start()
    try:
        with pytest.raises(RulebookError) as info:
            load_rulebook('title = "x"\n' + ".".join("a" * DEEP) + " = 1")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    (problem,) = info.value.problems
    assert (problem.code, problem.line) == ("too_deep", 2)
    assert peak < 20 * 1024 * 1024


def test_dotted_keys_within_the_depth_limit_still_load():
    """Dotted keys and dotted strings of ordinary length are not mistaken for deep nesting."""
    dotted = ".".join(["a"] * 10) + " = 1"
    with pytest.raises(RulebookError) as info:
        load_rulebook(f'{dotted}\nnote = "{"x." * 100}"')
    assert {p.code for p in info.value.problems} != {"too_deep"}


def _chain_of_definitions(length: int, *, cycle: bool = False) -> str:
    """A rulebook whose definitions each reference the next (the last one, the first)."""
    document = json.loads(dump_rulebook(load_rulebook(DEFAULT_TOML)))
    definitions = []
    for i in range(length):
        test: dict[str, Any] = {"op": "ref", "criterion": f"d{i + 1}"}
        if i == length - 1:
            test = (
                {"op": "ref", "criterion": "d0"}
                if cycle
                else {"op": "present", "fact": "designated"}
            )
        definitions.append(
            {
                "id": f"d{i}",
                "message": {"id": "x", "en": "x"},
                "reference": {"basis": "b"},
                "test": test,
            }
        )
    document["definitions"] = definitions
    return json.dumps(document)


@pytest.mark.parametrize("cycle", [False, True], ids=["chain", "cycle"])
def test_long_chains_of_references_are_refused_without_recursion(cycle):
    """3,000 definitions referencing each other give problems, not a RecursionError (regression)."""
    with pytest.raises(RulebookError) as info:
        load_rulebook(_chain_of_definitions(3000, cycle=cycle), fmt="json")
    codes = {p.code for p in info.value.problems}
    assert codes == ({"cyclic_reference"} if cycle else {"too_deep_refs"})


def test_references_are_followed_when_bounding_the_depth():
    """A short chain loads and evaluates; a chain deeper than the bound is refused."""
    book = load_rulebook(_chain_of_definitions(40), fmt="json")
    assert len(book.definitions) == 40
    with pytest.raises(RulebookError) as info:
        load_rulebook(_chain_of_definitions(120), fmt="json")
    problem = info.value.problems[0]
    assert problem.path == "$.definitions[0].test"
    assert "counting the definitions they reference" in problem.text.en


def test_thousands_of_problems_are_located_in_linear_time():
    """4,000 problems in a 700 kB rulebook: those kept are located without rescanning the file."""
    document = json.loads(dump_rulebook(load_rulebook(DEFAULT_TOML)))
    document["definitions"] = [
        {
            "id": f"d{i}",
            "message": {"id": "x", "en": "x"},
            "reference": {"basis": "b"},
            "test": {"op": "present", "fact": "nope"},
        }
        for i in range(4000)
    ]
    text = json.dumps(document, indent=1)
    with pytest.raises(RulebookError) as info:
        load_rulebook(text, fmt="json")  # took minutes when each problem rescanned every line
    lines = text.splitlines()
    problems = info.value.problems
    assert (len(problems), info.value.omitted) == (MAX_PROBLEMS, 4000 - MAX_PROBLEMS)
    for problem in (problems[0], problems[-1]):
        assert problem.line is not None
        assert '"fact": "nope"' in lines[problem.line - 1]


def test_count_filters_are_written_under_their_wire_names():
    """``is`` and ``in`` filters survive dump and load (the dump wrote ``equals``; regression)."""
    text = DEFAULT_TOML + (
        '\n[[definitions]]\nid = "kinds"\nmessage = { id = "x", en = "x" }\n'
        'reference = { basis = "b" }\ntest = { op = "count", records = "meetings", where = '
        '[{ field = "kind", is = "coaching_clinic" }, { field = "clinic", in = ["1", "2"] }] }\n'
    )
    book = load_rulebook(text)
    dumped = dump_rulebook(book)
    assert '"is": "coaching_clinic"' in dumped
    assert '"in": [' in dumped
    assert "equals" not in dumped
    assert load_rulebook(dumped, fmt="json") == book


def test_non_text_input_with_a_huge_repr_is_a_parse_error():
    """A parser given a 100,000-digit int raises ParseError (found by fuzzing; was ValueError)."""
    with pytest.raises(ParseError):
        parse_date(10**100_000)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# fuzz/run.py: every target runs
# --------------------------------------------------------------------------------------------


def _fuzz_runner() -> Any:
    """``fuzz/run.py`` as a module (a script beside the package, not part of it)."""
    import importlib.util  # noqa: PLC0415
    import sys  # noqa: PLC0415

    name = "sanitasi_fuzz_run"
    if name in sys.modules:
        return sys.modules[name]
    path = Path(__file__).resolve().parent.parent / "fuzz" / "run.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


_RUNNER = _fuzz_runner()


@pytest.mark.parametrize("name", list(_RUNNER.TARGETS))
def test_every_fuzz_target_runs(name):
    """Each target of ``fuzz/run.py`` runs a few examples and finds nothing."""
    result = _RUNNER.fuzz(name, 0, examples=3 if name.startswith("cli-") else 10)
    assert result.examples >= 1
    assert result.failure is None, "\n".join(result.details)


def test_fuzz_targets_are_chosen_by_name_list_or_pattern():
    """``--target`` takes names, comma lists and patterns; an unknown one stops the run."""
    assert _RUNNER.select(["dates,rupiah"]) == ["dates", "rupiah"]
    assert _RUNNER.select(["cli-*"]) == list(_RUNNER.CLI_TARGETS)
    assert _RUNNER.select(["all"]) == list(_RUNNER.TARGETS)
    with pytest.raises(SystemExit, match="no target matches"):
        _RUNNER.select(["nope"])


def test_fuzz_main_reports_each_target(capsys):
    """``python fuzz/run.py --seconds 0 --target dates`` prints one line and exits 0."""
    assert _RUNNER.main(["--seconds", "0", "--target", "dates"]) == 0
    assert capsys.readouterr().out.startswith("dates ")
