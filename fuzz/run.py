"""Time-boxed fuzzing of every sanitasi-core loader with Hypothesis.

Usage::

    python fuzz/run.py --seconds 60                   # every target, 60 s each
    python fuzz/run.py --seconds 300 --target rulebook

Each target feeds its loader arbitrary bytes and text, near-valid text, and valid documents broken
by mutations (the strategies of :mod:`sanitasi_core.testing`), and checks that only the
library's own errors come out; valid input must be read. A target runs in batches of fresh
random examples until its time is up. The report gives, per target, the examples tried and the
first failure with its (shrunk) falsifying example. The exit status is 1 if any target failed.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
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
    DossierFormatError,
    HouseholdFileError,
    ParseError,
    RulebookError,
)
from sanitasi_core.extract import extract
from sanitasi_core.households import read_csv, read_jsonl
from sanitasi_core.rulebooks import dump_rulebook, load_rulebook
from sanitasi_core.rules import compile_rulebook
from sanitasi_core.rupiah import parse_rupiah
from sanitasi_core.serialization import dump_dossier, load_dossier

BATCH = 100  # examples per Hypothesis run; a target runs batches until its time is up

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


TARGETS: dict[str, tuple[Callable[[Any], None], st.SearchStrategy[Any]]] = {
    "dossier": (_dossier, DOSSIER),
    "rulebook": (_rulebook, RULEBOOK),
    "households": (_households, _household_inputs("csv") | _household_inputs("jsonl")),
    "dates": _parser(parse_date, s.date_texts()),
    "rupiah": _parser(parse_rupiah, s.rupiah_texts()),
    "decrees": _parser(parse_decree_number, s.decree_number_texts()),
    "codes": _parser(_region_or_apbd, s.region_code_texts() | s.apbd_code_texts()),
    "extract": (_extract, EXTRACT),
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


def fuzz(name: str, seconds: float) -> Result:
    """Run target *name* for about *seconds* and return what happened."""
    check, inputs = TARGETS[name]
    result = Result(name)
    config = settings(
        max_examples=BATCH,
        deadline=None,
        database=None,
        derandomize=False,
        print_blob=True,
        phases=[Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )

    @config
    @given(inputs)
    def run(value: Any) -> None:
        result.examples += 1
        check(value)

    start = time.monotonic()
    while time.monotonic() - start < seconds:
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


def main(argv: list[str] | None = None) -> int:
    """Parse the command line, fuzz the chosen targets, print a report; 1 if any failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, required=True, help="time per target")
    parser.add_argument("--target", choices=[*TARGETS, "all"], default="all")
    args = parser.parse_args(argv)
    names = list(TARGETS) if args.target == "all" else [args.target]
    failed = False
    for name in names:
        result = fuzz(name, args.seconds)
        status = "ok" if result.failure is None else f"FAILED: {result.failure}"
        print(
            f"{name:<11} {result.examples:>7} examples in {result.seconds:6.1f} s "
            f"({result.batches} batches)  {status}",
            flush=True,
        )
        if result.failure is not None:
            failed = True
            print("".join(f"    {line}\n" for d in result.details for line in d.splitlines()))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
