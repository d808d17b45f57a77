"""Rulebook comparisons: the districts whose level changes, and the criteria why.

The changes come from :func:`sanitasi_core.rules.diff_rulebooks`; these functions only write them
as text, Markdown or JSON-ready data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sanitasi_core._messages import render
from sanitasi_core._text import Lang
from sanitasi_core.model import Milestone
from sanitasi_core.reports._words import format_day, level_name, visible
from sanitasi_core.reports.markdown import code, escape, table
from sanitasi_core.rules import LevelChange, Rulebook

__all__ = ["diff_dict", "diff_markdown", "diff_text"]


def _book_name(book: Rulebook) -> str:
    return f"{book.id} {book.version}"


def _title(
    as_of: dt.date, fiscal_year: int | None, before: Rulebook, after: Rulebook, lang: Lang
) -> str:
    return render(
        "report_diff_title",
        lang,
        before=_book_name(before),
        after=_book_name(after),
        date=format_day(as_of, lang),
        year=as_of.year if fiscal_year is None else fiscal_year,
    )


def _by_region(changes: Sequence[LevelChange]) -> list[LevelChange]:
    return sorted(changes, key=lambda c: c.region.code)


def _change_line(change: LevelChange, lang: Lang) -> str:
    return render(
        "report_diff_change",
        lang,
        region=change.region.name,
        code=change.region.code,
        certain_before=level_name(change.before_certain, lang),
        certain_after=level_name(change.after_certain, lang),
        possible_before=level_name(change.before_possible, lang),
        possible_after=level_name(change.after_possible, lang),
    )


def diff_text(
    changes: Sequence[LevelChange],
    lang: Lang = "id",
    *,
    as_of: dt.date,
    before: Rulebook,
    after: Rulebook,
    compared: int,
    fiscal_year: int | None = None,
) -> str:
    """Return the districts whose level changes between two rulebooks, and the criteria why.

    Args:
        changes: from :func:`sanitasi_core.rules.diff_rulebooks`.
        lang: ``id`` or ``en``.
        as_of: the evaluation date used.
        fiscal_year: the fiscal year assessed (``None``: the year of *as_of*).
        before: the first rulebook.
        after: the second rulebook.
        compared: how many dossiers were compared.
    """
    lines = [
        _title(as_of, fiscal_year, before, after, lang),
        render("report_diff_count", lang, changed=len(changes), compared=compared),
    ]
    for change in _by_region(changes):
        lines.append("")
        lines.append(_change_line(change, lang))
        if change.criteria:
            criteria = ", ".join(change.criteria)
            lines.append("  " + render("report_diff_criteria", lang, criteria=criteria))
    return "\n".join(visible(line) for line in lines)


def diff_markdown(
    changes: Sequence[LevelChange],
    lang: Lang = "id",
    *,
    as_of: dt.date,
    before: Rulebook,
    after: Rulebook,
    compared: int,
    fiscal_year: int | None = None,
) -> str:
    """Return :func:`diff_text` as a Markdown table.

    Args:
        changes: from :func:`sanitasi_core.rules.diff_rulebooks`.
        lang: ``id`` or ``en``.
        as_of: the evaluation date used.
        fiscal_year: the fiscal year assessed (``None``: the year of *as_of*).
        before: the first rulebook.
        after: the second rulebook.
        compared: how many dossiers were compared.
    """
    header = [
        render("report_col_region_code", lang),
        render("report_col_region_name", lang),
        render("report_col_certain", lang),
        render("report_col_possible", lang),
        render("report_col_criterion_id", lang),
    ]
    rows = [
        [
            escape(c.region.code),
            escape(c.region.name),
            escape(f"{level_name(c.before_certain, lang)} → {level_name(c.after_certain, lang)}"),
            escape(f"{level_name(c.before_possible, lang)} → {level_name(c.after_possible, lang)}"),
            ", ".join(code(i, cell=True) for i in c.criteria),
        ]
        for c in _by_region(changes)
    ]
    lines = [
        f"# {escape(_title(as_of, fiscal_year, before, after, lang))}",
        "",
        escape(render("report_diff_count", lang, changed=len(changes), compared=compared)),
        "",
        *table(header, rows),
    ]
    return "\n".join(lines) + "\n"


def diff_dict(
    changes: Sequence[LevelChange],
    *,
    as_of: dt.date,
    before: Rulebook,
    after: Rulebook,
    compared: int,
    fiscal_year: int | None = None,
) -> dict[str, Any]:
    """Return the rulebook comparison as JSON-ready data (``sanitasi.rulebook-diff/v1``).

    Args:
        changes: from :func:`sanitasi_core.rules.diff_rulebooks`.
        as_of: the evaluation date used.
        fiscal_year: the fiscal year assessed (``None``: the year of *as_of*).
        before: the first rulebook.
        after: the second rulebook.
        compared: how many dossiers were compared.
    """

    def level(value: Milestone | None) -> str | None:
        return value.value if value else None

    return {
        "schema": "sanitasi.rulebook-diff/v1",
        "as_of": as_of.isoformat(),
        "fiscal_year": as_of.year if fiscal_year is None else fiscal_year,
        "before": {"id": before.id, "version": before.version},
        "after": {"id": after.id, "version": after.version},
        "compared": compared,
        "changes": [
            {
                "region": {"code": c.region.code, "name": c.region.name},
                "certain": {"before": level(c.before_certain), "after": level(c.after_certain)},
                "possible": {
                    "before": level(c.before_possible),
                    "after": level(c.after_possible),
                },
                "criteria": list(c.criteria),
            }
            for c in _by_region(changes)
        ],
    }
