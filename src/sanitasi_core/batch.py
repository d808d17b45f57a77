"""Evaluate many dossiers at once: reading inputs, the batch runner, and dossiers for notebooks.

Reading is shared by everything that takes paths (the command line and :func:`load_dossiers`):
:func:`input_files` expands folders (every ``*.json``, ``*.jsonl`` and ``*.ndjson`` inside, sorted
by name) and :func:`read_inputs` reads one input at a time: a ``.json`` file whole, within the
format's size limit, and a JSON Lines file (``.jsonl``, ``.ndjson``) line by line, each line within
that same limit, so memory holds one input whatever the size of the batch. A file that cannot be
read is an input too, with its refusal, never an exception.

A :class:`Batch` reads each dossier from its JSON document, evaluates it with a compiled rulebook
or a rulebook set, and records either the decision or, for an input that cannot be read or
decided, a :class:`~sanitasi_core.reports.Failure` with every problem; nothing is raised. Its
:meth:`Batch.result` is a :class:`~sanitasi_core.reports.BatchResult`, which every report in
:mod:`sanitasi_core.reports` can render. :func:`evaluate_inputs` does the same one input at a
time, without keeping anything, for the streamed reports.

This module sits above :mod:`sanitasi_core.serialization` (it loads dossiers) and
:mod:`sanitasi_core.reports` (it collects their batch data); neither imports it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Final, NamedTuple, Protocol

import attrs

from sanitasi_core import _files, _wire
from sanitasi_core._messages import text
from sanitasi_core._text import Lang, Text
from sanitasi_core.exceptions import FileRefused, Problem, SanitasiError
from sanitasi_core.model import Dossier
from sanitasi_core.reports.summary import (
    BatchResult,
    Entry,
    Failure,
    failure_of,
    summarise,
)
from sanitasi_core.rules import Decision
from sanitasi_core.serialization import load_dossier

__all__ = [
    "MAX_FAILURES",
    "Batch",
    "Dossiers",
    "Input",
    "evaluate_batch",
    "evaluate_input",
    "evaluate_inputs",
    "input_files",
    "load_dossiers",
    "read_file",
    "read_inputs",
    "refusal_failure",
]

MAX_FAILURES: Final = 100
"""How many failures :class:`Dossiers` keeps by default; the rest are counted."""

_LINES: Final = (".jsonl", ".ndjson")
_INPUTS: Final = (".json", *_LINES)

PathArg = str | os.PathLike[str]
"""A path as callers give it."""


class Input(NamedTuple):
    """One input read: a dossier document, or why it could not be read.

    ``source`` is the file, or ``FILE:LINE`` for a line of a JSON Lines file; ``content`` the
    JSON document, or the refusal of the file (or of the line); ``file`` the file it belongs to
    (a folder, when the folder gives no input).
    """

    source: str
    content: bytes | FileRefused
    file: Path


def input_files(
    paths: PathArg | Iterable[PathArg], *, sort: bool = True
) -> list[tuple[Path, FileRefused | None]]:
    """Every input file named in *paths*, a folder standing for the inputs inside it.

    A folder gives each ``*.json``, ``*.jsonl`` and ``*.ndjson`` regular file directly inside
    it, sorted by name; a folder that cannot be listed or holds none comes with its refusal
    (code ``unreadable`` or ``empty_folder``). Nothing else is looked at here: a missing file
    or a device is refused when it is read.

    Args:
        paths: one path or several (``str`` or path-like).
        sort: sort the files by path (by their components), so that the order of *paths* does
            not matter; otherwise they come in the order given, each folder's contents by name.

    Returns:
        ``(file, None)`` for a file to read, ``(folder, refusal)`` for a folder that gives none.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    found: list[tuple[Path, FileRefused | None]] = []
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            found.append((path, None))
            continue
        try:
            inside = sorted(
                (p for p in path.iterdir() if p.suffix.lower() in _INPUTS and p.is_file()),
                key=lambda p: p.name,
            )
        except OSError as error:
            why = text("file_unreadable", reason=str(error.strerror or error))
            found.append((path, FileRefused(str(path), "unreadable", why)))
            continue
        if not inside:
            why = text("cli_no_json_in_folder")
            found.append((path, FileRefused(str(path), "empty_folder", why)))
        found.extend((p, None) for p in inside)
    return sorted(found, key=lambda item: item[0].parts) if sort else found


def read_file(path: Path) -> Iterator[Input]:
    """The inputs of one file: the file, or each non-blank line of a JSON Lines file.

    Each document (a file, a line) is at most :data:`~sanitasi_core._wire.MAX_DOCUMENT_BYTES`
    long; a JSON Lines file has no limit of its own, as it is read one line at a time.
    """
    limit = _wire.MAX_DOCUMENT_BYTES
    try:
        if path.suffix.lower() in _LINES:
            for number, line in _files.iter_lines_bounded(path, limit=limit):
                yield Input(f"{path}:{number}", line, path)
        else:
            yield Input(str(path), _files.read_bounded(path, limit=limit), path)
    except FileRefused as refused:
        yield Input(str(path), refused, path)


def read_inputs(paths: PathArg | Iterable[PathArg], *, sort: bool = True) -> Iterator[Input]:
    """Every input in *paths*, read one at a time, in source order; never raises for a file.

    Files are taken in the order of :func:`input_files`, the lines of a JSON Lines file in
    order. A folder that gives no input, a file that cannot be read (missing, a device, a FIFO,
    too large) and a line too long are inputs whose content is their refusal.
    """
    for path, refused in input_files(paths, sort=sort):
        if refused is not None:
            yield Input(str(path), refused, path)
        else:
            yield from read_file(path)


def refusal_failure(source: str, refused: FileRefused) -> Failure:
    """The :class:`~sanitasi_core.reports.Failure` of an input that could not be read.

    One problem at the whole input (path ``""``) with the code ``cli_unreadable`` and the text
    "cannot be read: REASON", as ``sanitasi validate --format json`` reports it too.
    """
    said = text("cli_unreadable")
    why = Text(id=f"{said.id}: {refused.text.id}", en=f"{said.en}: {refused.text.en}")
    return Failure(source, why, (Problem(path="", code="cli_unreadable", text=why),))


class _Evaluator(Protocol):
    """What evaluates a dossier: a compiled rulebook or a rulebook set."""

    def evaluate(
        self, dossier: Dossier, *, as_of: dt.date, fiscal_year: int | None = None
    ) -> Decision: ...


_LINE_SUFFIX: Final = re.compile(r"^(?P<file>.*):(?P<line>[0-9]+)$")


def _source_key(source: str) -> tuple[str, int]:
    """Sort ``FILE:LINE`` sources by file, then by line as a number (``:9`` before ``:10``)."""
    match = _LINE_SUFFIX.match(source)
    return (match["file"], int(match["line"])) if match else (source, 0)


@attrs.define
class Batch:
    """Collects the decisions and failures of many inputs, in any order.

    Args:
        engine: what evaluates a dossier: a compiled rulebook or a rulebook set.
        as_of: the evaluation date.
        fiscal_year: the fiscal year assessed (by default the year of *as_of*).
    """

    engine: _Evaluator
    as_of: dt.date
    fiscal_year: int | None = None
    _entries: list[tuple[str, Decision]] = attrs.field(factory=list, init=False)
    _failures: list[Failure] = attrs.field(factory=list, init=False)

    def __len__(self) -> int:
        return len(self._entries) + len(self._failures)

    def add(self, source: str, decision: Decision) -> None:
        """Record a decision made elsewhere."""
        self._entries.append((source, decision))

    def fail(self, source: str, reason: Text) -> None:
        """Record an input that could not be evaluated."""
        self._failures.append(Failure(source, reason))

    def evaluate(self, source: str, document: str | bytes) -> Decision | None:
        """Read a dossier from JSON *document*, evaluate it and record the outcome.

        A document that is not a valid dossier, or cannot be decided, is recorded as a failure
        with every problem; nothing is raised.

        Args:
            source: where the document came from (a file, or ``FILE:LINE``), for sorting and
                for the failure.
            document: the dossier as JSON.

        Returns:
            The decision, or ``None`` when the input failed.
        """
        result = _evaluate(self.engine, source, document, self.as_of, self.fiscal_year)
        if isinstance(result, Failure):
            self._failures.append(result)
            return None
        self.add(source, result)
        return result

    def result(self, *, lang: Lang = "id") -> BatchResult:
        """Return the batch sorted by region code then source, with its summary.

        Args:
            lang: the language the result shows itself in, in a notebook.
        """
        entries = sorted(self._entries, key=lambda e: (e[1].region.code, _source_key(e[0])))
        failures = sorted(self._failures, key=lambda f: _source_key(f.source))
        decisions = tuple(d for _, d in entries)
        return BatchResult(
            as_of=self.as_of,
            decisions=decisions,
            sources=tuple(s for s, _ in entries),
            failures=tuple(failures),
            summary=summarise(decisions, failures),
            fiscal_year=self.fiscal_year,
            lang=lang,
        )


def evaluate_batch(
    engine: _Evaluator,
    documents: Iterable[tuple[str, str | bytes]],
    *,
    as_of: dt.date,
    fiscal_year: int | None = None,
    lang: Lang = "id",
) -> BatchResult:
    """Evaluate ``(source, JSON document)`` pairs on *as_of*; bad documents become failures.

    Args:
        engine: what evaluates a dossier: a compiled rulebook or a rulebook set.
        documents: ``(source, JSON document)`` pairs.
        as_of: the evaluation date.
        fiscal_year: the fiscal year assessed (by default the year of *as_of*).
        lang: the language the result shows itself in, in a notebook.
    """
    batch = Batch(engine, as_of, fiscal_year=fiscal_year)
    for source, document in documents:
        batch.evaluate(source, document)
    return batch.result(lang=lang)


def _evaluate(
    engine: _Evaluator, source: str, document: str | bytes, as_of: dt.date, fiscal_year: int | None
) -> Decision | Failure:
    try:
        return engine.evaluate(
            load_dossier(document, source=source), as_of=as_of, fiscal_year=fiscal_year
        )
    except SanitasiError as error:
        return failure_of(source, error)


def evaluate_inputs(
    engine: _Evaluator,
    inputs: Iterable[Input],
    *,
    as_of: dt.date,
    fiscal_year: int | None = None,
) -> Iterator[Entry]:
    """Evaluate *inputs* one at a time, in their order, keeping nothing.

    Each input gives one :class:`~sanitasi_core.reports.Entry`: its decision, or a failure (an
    input that could not be read, parsed, validated or decided); nothing is raised, so one bad
    input never costs the entry of another. Feed the entries to a streamed report
    (``stream_batch_text`` and the others) to write a batch of any size in flat memory.

    Args:
        engine: what evaluates a dossier: a compiled rulebook or a rulebook set.
        inputs: the inputs, as :func:`read_inputs` gives them.
        as_of: the evaluation date.
        fiscal_year: the fiscal year assessed (by default the year of *as_of*).
    """
    for item in inputs:
        yield evaluate_input(engine, item, as_of=as_of, fiscal_year=fiscal_year)


def evaluate_input(
    engine: _Evaluator, item: Input, *, as_of: dt.date, fiscal_year: int | None = None
) -> Entry:
    """The entry of one input: its decision, or the failure of reading, loading or deciding."""
    if isinstance(item.content, FileRefused):
        return Entry(item.source, refusal_failure(item.source, item.content))
    return Entry(item.source, _evaluate(engine, item.source, item.content, as_of, fiscal_year))


# Mutable by design: the failures are recorded as iteration meets them.
@attrs.define(kw_only=True, repr=False)
class Dossiers:
    """The dossiers of files, folders and JSON Lines files, read lazily in source order.

    Made by :func:`load_dossiers`. Iterating reads one input at a time and yields each valid
    dossier (``for dossier in dossiers``, or ``dossiers.items()`` for ``(source, dossier)``
    pairs); each input that is not a valid dossier, or cannot be read, is recorded in
    :attr:`failures` as iteration meets it, never raised. Each iteration reads the files again
    and starts the record afresh.

    Attributes:
        paths: the paths given.
        max_failures: how many failures are kept; past it they are only counted in
            :attr:`failures_omitted`, so memory stays bounded however many inputs are bad.
    """

    paths: tuple[Path, ...]
    max_failures: int = MAX_FAILURES
    _failures: list[Failure] = attrs.field(factory=list, init=False)
    _omitted: int = attrs.field(default=0, init=False)

    @property
    def failures(self) -> tuple[Failure, ...]:
        """The first :attr:`max_failures` bad inputs met so far, in source order."""
        return tuple(self._failures)

    @property
    def failures_omitted(self) -> int:
        """How many more bad inputs were met and not kept."""
        return self._omitted

    def __iter__(self) -> Iterator[Dossier]:
        return (dossier for _, dossier in self.items())

    def __repr__(self) -> str:
        shown = ", ".join(str(p) for p in self.paths[:3]) + (", …" if len(self.paths) > 3 else "")
        return f"Dossiers([{shown}], failures={len(self._failures) + self._omitted})"

    def items(self) -> Iterator[tuple[str, Dossier]]:
        """Yield ``(source, dossier)`` for each valid dossier, in source order.

        The source is the file, or ``FILE:LINE`` for a line of a JSON Lines file.
        """
        self._failures.clear()
        self._omitted = 0
        for item in read_inputs(self.paths):
            if isinstance(item.content, FileRefused):
                self._fail(refusal_failure(item.source, item.content))
                continue
            try:
                dossier = load_dossier(item.content, source=item.source)
            except SanitasiError as error:
                self._fail(failure_of(item.source, error))
                continue
            yield item.source, dossier

    def _fail(self, failure: Failure) -> None:
        if len(self._failures) < self.max_failures:
            self._failures.append(failure)
        else:
            self._omitted += 1


def load_dossiers(
    paths: PathArg | Iterable[PathArg], *, max_failures: int = MAX_FAILURES
) -> Dossiers:
    """The dossiers in *paths*: files, folders and JSON Lines files, read lazily.

    Nothing is read here: iterating the result reads one input at a time (see
    :func:`read_inputs` for what is read and in which order: files sorted by path, a folder's
    ``*.json``, ``*.jsonl`` and ``*.ndjson`` files by name, lines in order). A bad input, a
    missing file or a refused special file is recorded in ``failures``, never raised.

    Example:
        >>> dossiers = load_dossiers("dossiers/")  # doctest: +SKIP
        >>> decisions = [engine.evaluate(d, as_of=day) for d in dossiers]  # doctest: +SKIP
        >>> dossiers.failures  # doctest: +SKIP

    Args:
        paths: one path or several (``str`` or path-like).
        max_failures: how many failures to keep (the rest are counted); ``0`` keeps none.
    """
    given = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    return Dossiers(paths=tuple(Path(p) for p in given), max_failures=max_failures)
