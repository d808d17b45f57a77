"""Reports people read: decisions as text, Markdown, CSV, HTML and JSON, in either language.

Every sentence comes from the message catalogue (both languages) or from the decision's own
bilingual texts, so a report in ``id`` holds no English sentence and a report in ``en`` no
Indonesian one. Numbers and dates follow the language: ``1.250.000.000,00`` and
``18 Desember 2023`` in ``id``; ``1,250,000,000.00`` and ``18 December 2023`` in ``en``.

The renderers take decisions (or a rulebook) and return text; the command line writes it. They
read one piece of state: the language of notebook HTML, chosen with
:func:`set_notebook_language`, which :func:`decision_html` uses when given no language.

Import every name from here, ``sanitasi_core.reports``. The modules inside are arranged by
concern:

==========================  ==================================================================
``reports.summary``         the data of a batch: :class:`BatchResult`, :class:`BatchSummary`,
                            :class:`Failure`, :func:`summarise`, :func:`failure_message`,
                            :func:`failure_of`
``reports.text``            plain text of a decision and of a batch
``reports.markdown``        Markdown of a decision and of a batch
``reports.csv``             CSV rows and text
``reports.html``            HTML pages and notebook fragments; the notebook language
``reports.explain``         explanations of one milestone, as text, Markdown or data
``reports.rulebook``        rulebooks and the indicator catalogue, as text and tables
``reports.diff``            rulebook comparisons
``reports.records``         JSON, plain rows and pandas frames of decisions
``reports.frames``          tidy, typed pandas frames: one row per decision or per criterion
``reports._words``          numbers, dates, units, levels and outcome marks, for all of them
==========================  ==================================================================

Moved: :class:`~sanitasi_core.batch.Batch` and :func:`~sanitasi_core.batch.evaluate_batch`,
which load and evaluate dossiers, now live in :mod:`sanitasi_core.batch`, the layer above
reports. ``sanitasi_core.reports.Batch`` and ``sanitasi_core.reports.evaluate_batch`` are
deprecated aliases: they still work, with a :class:`DeprecationWarning`, until the next minor
release. Importing reports never imports the runner.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any, Final

from sanitasi_core.reports import _words, explain
from sanitasi_core.reports._words import format_day, format_number, message
from sanitasi_core.reports.csv import csv_rows, to_csv
from sanitasi_core.reports.diff import diff_dict, diff_markdown, diff_text
from sanitasi_core.reports.explain import explain_dict, explain_markdown, explain_text
from sanitasi_core.reports.frames import criteria_frame, decisions_frame
from sanitasi_core.reports.html import (
    batch_html,
    batch_page,
    decision_html,
    decision_page,
    set_notebook_language,
)
from sanitasi_core.reports.markdown import batch_markdown, decision_markdown
from sanitasi_core.reports.records import (
    PandasMissingError,
    decisions_json,
    records,
    to_dataframe,
)
from sanitasi_core.reports.rulebook import (
    indicators_text,
    rulebook_table_markdown,
    rulebook_table_rows,
    rulebook_text,
)
from sanitasi_core.reports.summary import (
    BatchResult,
    BatchSummary,
    Failure,
    failure_message,
    failure_of,
    summarise,
)
from sanitasi_core.reports.text import batch_text, decision_text

if TYPE_CHECKING:
    # The deprecated aliases, for type checkers (at run time, see __getattr__).
    from sanitasi_core.batch import Batch as Batch
    from sanitasi_core.batch import evaluate_batch as evaluate_batch

# The constants are bound here, not only imported, so that the API reference (which reads the
# docstrings of data from this file) documents them.
MARKS: Final = _words.MARKS
"""The at-a-glance mark of each outcome."""

EXPLANATION_SCHEMA: Final = explain.EXPLANATION_SCHEMA
"""The ``schema`` field of :func:`explain_dict`."""

__all__ = [
    "EXPLANATION_SCHEMA",
    "MARKS",
    "BatchResult",
    "BatchSummary",
    "Failure",
    "PandasMissingError",
    "batch_html",
    "batch_markdown",
    "batch_page",
    "batch_text",
    "criteria_frame",
    "csv_rows",
    "decision_html",
    "decision_markdown",
    "decision_page",
    "decision_text",
    "decisions_frame",
    "decisions_json",
    "diff_dict",
    "diff_markdown",
    "diff_text",
    "explain_dict",
    "explain_markdown",
    "explain_text",
    "failure_message",
    "failure_of",
    "format_day",
    "format_number",
    "indicators_text",
    "message",
    "records",
    "rulebook_table_markdown",
    "rulebook_table_rows",
    "rulebook_text",
    "set_notebook_language",
    "summarise",
    "to_csv",
    "to_dataframe",
]

_DEPRECATED: Final = frozenset({"Batch", "evaluate_batch"})
"""Names that moved to :mod:`sanitasi_core.batch`, still reachable here with a warning."""


if not TYPE_CHECKING:  # so that a misspelt name stays an error for type checkers

    def __getattr__(name: str) -> Any:
        if name not in _DEPRECATED:
            msg = f"module {__name__!r} has no attribute {name!r}"
            raise AttributeError(msg)
        # The one upward import of reports, named in tests/test_layers.py; it goes with the alias.
        from sanitasi_core import batch  # noqa: PLC0415

        warnings.warn(
            f"sanitasi_core.reports.{name} moved to sanitasi_core.batch.{name}; "
            "the alias will be removed in the next minor release",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(batch, name)


def __dir__() -> list[str]:
    return list(__all__)
