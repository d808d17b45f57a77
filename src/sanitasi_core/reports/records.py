"""Decisions as data for programs: the JSON wire format, plain rows, and a pandas frame."""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterable
from typing import Any

from sanitasi_core._messages import text
from sanitasi_core._text import Text
from sanitasi_core.exceptions import SanitasiError
from sanitasi_core.rules import Decision

__all__ = ["PandasMissingError", "decisions_json", "records", "to_dataframe"]


def decisions_json(decisions: Iterable[Decision], *, indent: int | None = 2) -> str:
    """Return the decisions as a JSON list of ``sanitasi.decision`` objects.

    Args:
        decisions: the decisions.
        indent: the indentation of the JSON text; ``None`` writes it on one line.
    """
    # Imported on use: the decision format brings cattrs, which no other report needs.
    from sanitasi_core.serialization import decision_to_dict  # noqa: PLC0415

    return json.dumps([decision_to_dict(d) for d in decisions], ensure_ascii=False, indent=indent)


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


class PandasMissingError(SanitasiError, ImportError):
    """:func:`to_dataframe` needs pandas, which is not installed.

    Attributes:
        text: the message in both languages.
    """

    def __init__(self, text: Text) -> None:
        self.text = text
        super().__init__(f"{text.en} / {text.id}")


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
