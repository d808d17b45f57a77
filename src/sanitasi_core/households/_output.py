"""Rendering the ladder result as JSON, CSV rows and text (``sanitasi access FILE --format``)."""

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Final

from sanitasi_core._messages import text as _text
from sanitasi_core._text import Lang
from sanitasi_core.households._rows import Rejection
from sanitasi_core.ladder import LADDER_KEYS, AreaSummary, LadderSummary

LADDER_RESULT_SCHEMA: Final = "sanitasi.ladder-result/v1"
"""The ``schema`` field of the JSON written by :func:`ladder_to_json`."""


# --------------------------------------------------------------------------------------------
# Rendering (for ``sanitasi access FILE --format text|json|csv``)
# --------------------------------------------------------------------------------------------


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def _area_json(part: AreaSummary) -> dict[str, Any]:
    return {
        "rows": part.rows,
        "total_weight": _dec(part.total_weight),
        "counts": {key: _dec(part.counts[key]) for key in LADDER_KEYS},
        "shares": (None if part.shares is None else {k: _dec(part.shares[k]) for k in LADDER_KEYS}),
        "layak": _dec(part.layak),
        "unknown_share": _dec(part.unknown_share),
    }


def _rejected_rows(rejected: Sequence[Rejection], rejected_rows: int | None) -> int:
    return len({r.row for r in rejected}) if rejected_rows is None else rejected_rows


def ladder_to_json(
    summary: LadderSummary,
    rejected: Sequence[Rejection],
    *,
    rejected_rows: int | None = None,
    rejected_problems: int | None = None,
) -> dict[str, Any]:
    """Return the ladder result as a JSON-ready object (decimals as strings).

    Shape: ``schema``, ``rows``, ``rejected_rows``, ``rejected_problems``, ``rejected``
    (the listed problems: ``row``, ``line``,
    ``column``, ``code``, ``message`` with ``id``/``en``), ``total_weight``, ``counts``,
    ``shares`` (keyed by :data:`~sanitasi_core.ladder.LADDER_KEYS`, adding up to exactly 100,
    ``null`` with no rows), ``layak``, ``unknown_share``, ``unit_weights``, ``survey_dates``
    (``first``, ``last``), ``area_unknown`` (``rows``, ``total_weight``) and ``by_area``
    (``urban``, ``rural``: ``rows``, ``total_weight``, ``counts``, ``shares``, ``layak``,
    ``unknown_share``).

    Args:
        summary: the ladder of the accepted rows.
        rejected: the rejections to list.
        rejected_rows: the number of rejected rows, when more were counted than listed;
            by default the distinct rows of *rejected*.
        rejected_problems: the number of problems counted; by default ``len(rejected)``.
    """
    first, last = summary.first_survey_date, summary.last_survey_date
    return {
        "schema": LADDER_RESULT_SCHEMA,
        "rows": summary.rows,
        "rejected_rows": _rejected_rows(rejected, rejected_rows),
        "rejected_problems": len(rejected) if rejected_problems is None else rejected_problems,
        "rejected": [r.to_json() for r in rejected],
        **{k: v for k, v in _area_json(summary).items() if k != "rows"},
        "unit_weights": summary.unit_weights,
        "survey_dates": {
            "first": None if first is None else first.isoformat(),
            "last": None if last is None else last.isoformat(),
        },
        "area_unknown": {
            "rows": summary.area_unknown_rows,
            "total_weight": _dec(summary.area_unknown_weight),
        },
        "by_area": {area: _area_json(part) for area, part in summary.by_area.items()},
    }


def _areas(summary: LadderSummary) -> list[tuple[str, AreaSummary]]:
    return [("total", summary), *summary.by_area.items()]


def _layak_weight(part: AreaSummary) -> Decimal:
    return part.counts["safely_managed"] + part.counts["basic"] + part.counts["limited"]


def ladder_to_csv_rows(summary: LadderSummary) -> list[list[str]]:
    """Return the ladder as CSV rows, header first: ``area, indicator, weight, share``.

    For each area (``total``, ``urban``, ``rural``) there is a row per key of
    :data:`~sanitasi_core.ladder.LADDER_KEYS`, then ``layak`` and ``total``. A share is empty
    when the area has no rows. Rejections are not part of the CSV.
    """
    rows = [["area", "indicator", "weight", "share"]]
    for area, part in _areas(summary):
        shares = part.shares
        for key in LADDER_KEYS:
            share = "" if shares is None else format(shares[key], "f")
            rows.append([area, key, format(part.counts[key], "f"), share])
        rows.append([area, "layak", format(_layak_weight(part), "f"), _dec(part.layak) or ""])
        total_share = "" if shares is None else "100.00"
        rows.append([area, "total", format(part.total_weight, "f"), total_share])
    return rows


def ladder_to_text(
    summary: LadderSummary,
    rejected: Sequence[Rejection],
    lang: Lang,
    *,
    rejected_rows: int | None = None,
    rejected_problems: int | None = None,
    limit: int = 20,
) -> str:
    """Return the ladder as a plain-text table in *lang*, then the first *limit* rejections.

    Args:
        summary: the ladder of the accepted rows.
        rejected: the rejections to list.
        lang: ``id`` or ``en``.
        rejected_rows: the number of rejected rows (default: distinct rows of *rejected*).
        rejected_problems: the number of problems counted (default: ``len(rejected)``).
        limit: how many rejections to print; the rest are counted.
    """
    count = _rejected_rows(rejected, rejected_rows)
    lines = [_text("ladder_report_title", rows=summary.rows, rejected=count).get(lang)]
    first, last = summary.first_survey_date, summary.last_survey_date
    if first is not None:
        lines.append(_text("ladder_report_survey_dates", first=first, last=last).get(lang))
    if summary.rows == 0:
        lines.append(_text("ladder_report_no_rows").get(lang))
    else:
        labels = [_text(f"rung_{key}").get(lang) for key in LADDER_KEYS]
        labels += [_text("ladder_layak").get(lang), _text("ladder_report_weight").get(lang)]
        width = max(len(label) for label in labels) + 2
        areas = _areas(summary)
        heads = [_text(f"ladder_report_{name}").get(lang) for name, _ in areas]
        lines.append("")
        lines.append(" " * width + "".join(f"{head:>24}" for head in heads))
        for key, label in zip(LADDER_KEYS, labels, strict=False):
            cells = [_cell(_share(part, key), part.counts[key]) for _, part in areas]
            lines.append(f"{label:<{width}}" + "".join(cells))
        cells = [_cell(part.layak, _layak_weight(part)) for _, part in areas]
        lines.append(f"{labels[-2]:<{width}}" + "".join(cells))
        cells = [f"{format(part.total_weight, 'f'):>24}" for _, part in areas]
        lines.append(f"{labels[-1]:<{width}}" + "".join(cells))
        if summary.area_unknown_rows:
            unknown = _text(
                "ladder_report_area_unknown",
                rows=summary.area_unknown_rows,
                weight=format(summary.area_unknown_weight, "f"),
            )
            lines.append(unknown.get(lang))
    if rejected:
        shown = rejected[:limit]
        total = len(rejected) if rejected_problems is None else rejected_problems
        lines.append("")
        lines.append(_text("ladder_report_rejected").get(lang))
        lines.extend(f"  {r.render(lang)}" for r in shown)
        if total > len(shown):
            more = _text("ladder_report_more", count=total - len(shown))
            lines.append(f"  {more.get(lang)}")
    return "\n".join(lines)


def _share(part: AreaSummary, key: str) -> Decimal | None:
    return None if part.shares is None else part.shares[key]


def _cell(share: Decimal | None, weight: Decimal) -> str:
    shown = "-" if share is None else f"{share} %"
    return f"{shown:>10} {format(weight, 'f'):>13}"
