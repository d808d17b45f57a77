"""Decisions as data for programs: the JSON wire format, plain rows, and a pandas frame."""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterable, Iterator
from typing import Any

from sanitasi_core._messages import text
from sanitasi_core.exceptions import PandasMissingError
from sanitasi_core.reports._batch import Entry, Failure
from sanitasi_core.rules import Decision

__all__ = ["PandasMissingError", "decisions_json", "records", "stream_json", "to_dataframe"]


def decisions_json(decisions: Iterable[Decision], *, indent: int | None = 2) -> str:
    """Return the decisions as a JSON list of ``sanitasi.decision`` objects.

    Args:
        decisions: the decisions.
        indent: the indentation of the JSON text; ``None`` writes it on one line.
    """
    return "".join(stream_json((Entry("", d) for d in decisions), indent=indent))


def stream_json(entries: Iterable[Entry], *, indent: int | None = 2) -> Iterator[str]:
    """Yield a JSON array piece by piece, one item per entry, reading *entries* one at a time.

    A decision is its ``sanitasi.decision`` document; an input that could not be evaluated is
    its ``sanitasi.problems/v1`` document (``source``, ``valid: false``, ``problems``,
    ``omitted``), so the array accounts for every input, in the order given. Joined, the
    pieces are exactly ``json.dumps`` of the whole list (``ensure_ascii=False``).

    Args:
        entries: the inputs, each a decision or a failure with its source.
        indent: the indentation of the JSON text; ``None`` writes it on one line.

    Yields:
        ``[``, then one item at a time (with the separator before it), then ``]``.
    """
    # Imported on use: the decision format brings cattrs, which no other report needs.
    from sanitasi_core.serialization import decision_to_dict, problems_to_dict  # noqa: PLC0415

    inner = "" if indent is None else "\n" + " " * indent
    first = True
    for entry in entries:
        item = entry.result
        data = (
            problems_to_dict(item.source, item.problems, omitted=item.omitted)
            if isinstance(item, Failure)
            else decision_to_dict(item)
        )
        text = json.dumps(data, ensure_ascii=False, indent=indent)
        # Strings hold no raw line break in JSON, so every line break is the layout's own.
        text = text.replace("\n", inner) if inner else text
        separator = "[" if first else ("," if inner else ", ")
        yield f"{separator}{inner}{text}"
        first = False
    yield "[]" if first else f"{inner[:1]}]"


def records(decisions: Iterable[Decision]) -> list[dict[str, Any]]:
    """Return one plain row per decision, for tables and data frames.

    Keys: ``region_code``, ``region_name``, ``as_of`` (a :class:`datetime.date`),
    ``fiscal_year``, ``certain``, ``possible`` (``"M1"`` … ``"M4"`` or ``None``), ``m4_year``,
    then one key per milestone (``"M1"`` …) holding its outcome (``pass``, ``fail``,
    ``unknown``, ``not_applicable``).
    """
    rows = []
    for d in decisions:
        row: dict[str, Any] = {
            "region_code": d.region.code,
            "region_name": d.region.name,
            "as_of": d.as_of,
            "fiscal_year": d.fiscal_year,
            "certain": d.certain_level.value if d.certain_level else None,
            "possible": d.possible_level.value if d.possible_level else None,
            "m4_year": d.m4_year,
        }
        row.update({m.id.value: m.outcome.value for m in d.milestones})
        rows.append(row)
    return rows


# PandasMissingError lives in sanitasi_core.exceptions; imported above, still importable here.


def to_dataframe(decisions: Iterable[Decision]) -> Any:
    """Return :func:`records` as a :class:`pandas.DataFrame`; pandas is imported only here.

    Raises:
        PandasMissingError: (an :class:`ImportError`) if pandas is not installed.
    """
    try:
        pandas = importlib.import_module("pandas")
    except ImportError as error:
        raise PandasMissingError(text("report_pandas_missing")) from error
    return pandas.DataFrame(records(decisions))
