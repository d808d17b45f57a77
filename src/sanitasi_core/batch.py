"""Evaluate many dossiers at once: the batch runner.

A :class:`Batch` reads each dossier from its JSON document, evaluates it with a compiled rulebook
or a rulebook set, and records either the decision or, for an input that cannot be read or
decided, a :class:`~sanitasi_core.reports.Failure` with every problem; nothing is raised. Its
:meth:`Batch.result` is a :class:`~sanitasi_core.reports.BatchResult`, which every report in
:mod:`sanitasi_core.reports` can render.

This module sits above :mod:`sanitasi_core.serialization` (it loads dossiers) and
:mod:`sanitasi_core.reports` (it collects their batch data); neither imports it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Final, Protocol

import attrs

from sanitasi_core._text import Lang, Text
from sanitasi_core.exceptions import SanitasiError
from sanitasi_core.model import Dossier
from sanitasi_core.reports.summary import (
    BatchResult,
    Failure,
    failure_of,
    summarise,
)
from sanitasi_core.rules import Decision
from sanitasi_core.serialization import load_dossier

__all__ = ["Batch", "evaluate_batch"]


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
        try:
            decision = self.engine.evaluate(
                load_dossier(document, source=source),
                as_of=self.as_of,
                fiscal_year=self.fiscal_year,
            )
        except SanitasiError as error:
            self._failures.append(failure_of(source, error))
            return None
        self.add(source, decision)
        return decision

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
