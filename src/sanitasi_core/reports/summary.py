"""The data of a batch: its entries, its failures and the counts over them.

The renderers of a batch consume :class:`Entry` objects one at a time (a decision or a failure,
with its source) and keep only a :class:`BatchSummary`, whose size does not depend on the
batch, so a batch of any size is written in flat memory. A :class:`BatchResult` holds a batch
in memory; its :meth:`BatchResult.entries` feed the same renderers.

The runner that fills a batch, :class:`sanitasi_core.batch.Batch`, sits a layer above and
builds a :class:`BatchResult`; the streamed command line builds entries itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import attrs

from sanitasi_core._text import Lang
from sanitasi_core.reports._batch import (
    BatchSummary,
    Entry,
    Failure,
    batch_heading,
    failure_message,
    failure_of,
    summarise,
    summary_lines,
)
from sanitasi_core.rules import Decision

__all__ = [
    "BatchResult",
    "BatchSummary",
    "Entry",
    "Failure",
    "batch_heading",
    "failure_message",
    "failure_of",
    "summarise",
    "summary_lines",
]


@attrs.frozen(kw_only=True)
class BatchResult:
    """Decisions of a batch in a deterministic order, with failures and summary counts.

    Attributes:
        as_of: the evaluation date of the batch.
        fiscal_year: the fiscal year assessed; ``None`` for the year of *as_of*.
        decisions: the decisions, sorted by region code, then source.
        sources: the source (file, or ``FILE:LINE``) of each decision, in the same order.
        failures: inputs that could not be evaluated, sorted by source.
        summary: the counts.
        lang: the language of :meth:`_repr_html_` (notebooks).
    """

    as_of: dt.date
    decisions: tuple[Decision, ...]
    sources: tuple[str, ...]
    failures: tuple[Failure, ...]
    summary: BatchSummary
    fiscal_year: int | None = None
    lang: Lang = "id"

    @property
    def year(self) -> int:
        """The fiscal year assessed: :attr:`fiscal_year`, or the year of :attr:`as_of`."""
        return self.as_of.year if self.fiscal_year is None else self.fiscal_year

    def entries(self) -> Iterator[Entry]:
        """The decisions with their sources, in order, then the failures: what renderers read."""
        for source, decision in zip(self.sources, self.decisions, strict=True):
            yield Entry(source, decision)
        for failure in self.failures:
            yield Entry(failure.source, failure)

    def _repr_html_(self) -> str:
        """Render the batch as rich HTML in Jupyter (the presentation lives in ``html``)."""
        from sanitasi_core.reports.html import batch_html  # noqa: PLC0415  # display only

        return batch_html(self, self.lang)

    def __repr__(self) -> str:
        counts = self.summary
        levels = ", ".join(f"{key} {n}" for key, n in counts.levels.items() if n)
        shown = f"; certain levels: {levels}" if levels else ""
        return (
            f"<BatchResult as of {self.as_of.isoformat()}, fiscal year {self.year}: "
            f"{counts.evaluated} evaluated, {counts.invalid} invalid{shown}>"
        )

    def explain(self, lang: Lang = "en", *, detail: bool = False) -> str:
        """Return the batch as the plain-text report ``sanitasi evaluate`` prints for a folder.

        Args:
            lang: ``en`` or ``id``.
            detail: the full report of every district instead of its line.
        """
        from sanitasi_core.reports.text import batch_text  # noqa: PLC0415  # text imports this

        return batch_text(self, lang, detail=detail)
