"""Reports people read: decisions as text, Markdown, CSV, HTML and JSON, in either language.

Every function here is pure: it takes decisions (or a rulebook) and returns text; the command
line writes it. Every sentence comes from :data:`~sanitasi_core._messages.reports.REPORT_MESSAGES`
(both languages) or from the decision's own bilingual texts, so a report in ``id`` holds no
English sentence and a report in ``en`` no Indonesian one. Numbers and dates follow the
language: ``1.250.000.000,00`` and ``18 Desember 2023`` in ``id``; ``1,250,000,000.00`` and
``18 December 2023`` in ``en``.

A batch of decisions is collected with :class:`Batch` into a :class:`BatchResult` (decisions in a
deterministic order, failures, summary counts). In a notebook, :func:`decision_html` and
:meth:`BatchResult._repr_html_` render rich HTML, and :func:`to_dataframe` gives a pandas table.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import importlib
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any, Final, NamedTuple, Protocol

import attrs

from sanitasi_core._messages import CATALOGUE, render, text
from sanitasi_core._text import LANGUAGES, Lang, Text
from sanitasi_core.dates import format_date
from sanitasi_core.exceptions import SanitasiError
from sanitasi_core.indicators import CATALOGUE as INDICATORS
from sanitasi_core.indicators import catalogue_as_json
from sanitasi_core.model import Dossier, Milestone, Source
from sanitasi_core.rules import (
    AbsentNode,
    AllNode,
    AnyNode,
    AspectSet,
    AspectsNode,
    AtLeastNode,
    CompareNode,
    CountNode,
    CriterionResult,
    Decision,
    LevelChange,
    MilestoneResult,
    Node,
    NotNode,
    Outcome,
    PresentNode,
    Reference,
    RefNode,
    Rulebook,
    Severity,
    SomeNode,
    TargetDistance,
    Threshold,
    expand_aspects,
)

__all__ = [
    "EXPLANATION_SCHEMA",
    "MARKS",
    "Batch",
    "BatchResult",
    "BatchSummary",
    "Failure",
    "PandasMissingError",
    "batch_html",
    "batch_markdown",
    "batch_page",
    "batch_text",
    "csv_rows",
    "decision_html",
    "decision_markdown",
    "decision_page",
    "decision_text",
    "decisions_json",
    "diff_dict",
    "diff_markdown",
    "diff_text",
    "evaluate_batch",
    "explain_dict",
    "explain_markdown",
    "explain_text",
    "failure_message",
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

EXPLANATION_SCHEMA: Final = "sanitasi.explanation/v1"
"""The ``schema`` field of :func:`explain_dict`."""

MARKS: Final[Mapping[Outcome, str]] = {
    Outcome.PASS: "✓",
    Outcome.FAIL: "✗",
    Outcome.UNKNOWN: "?",
    Outcome.NOT_APPLICABLE: "–",
}
"""The at-a-glance mark of each outcome."""

_ANSI: Final[Mapping[Outcome, str]] = {
    Outcome.PASS: "\x1b[32m",
    Outcome.FAIL: "\x1b[31m",
    Outcome.UNKNOWN: "\x1b[33m",
    Outcome.NOT_APPLICABLE: "\x1b[2m",
}
_RESET: Final = "\x1b[0m"
_BOLD: Final = "\x1b[1m"

_EN_MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_CMP_SIGNS: Final[Mapping[str, str]] = {
    ">=": "≥",
    ">": ">",
    "<=": "≤",
    "<": "<",
    "==": "=",
    "!=": "≠",
}
_LEVEL_KEYS: Final = ("none", "M1", "M2", "M3", "M4")

_notebook_lang: Lang = "id"


# --------------------------------------------------------------------------------------------
# Messages, numbers, dates
# --------------------------------------------------------------------------------------------


message = render
"""Render message *code* in *lang* (the catalogue's one renderer, re-exported for reports)."""

_m = render
_text = text


def _group(integer: str, separator: str) -> str:
    head = len(integer) % 3 or 3
    parts = [integer[:head]] + [integer[i : i + 3] for i in range(head, len(integer), 3)]
    return separator.join(parts)


def format_number(
    value: Decimal | int | str, lang: Lang, *, places: int | None = None, grouping: bool = True
) -> str:
    """Write a number the way *lang* writes it, exactly (never through a float).

    ``format_number(Decimal("1250000000.00"), "id")`` is ``1.250.000.000,00``; in ``en`` it is
    ``1,250,000,000.00``.

    Args:
        value: the number (a string is read as a decimal).
        lang: ``id`` (``.`` groups thousands, ``,`` marks decimals) or ``en`` (the reverse).
        places: round half-even to this many decimal places; ``None`` keeps every digit given.
        grouping: whether to group thousands.

    Raises:
        ValueError: if *value* is not a finite number.
    """
    try:
        number = value if isinstance(value, Decimal) else Decimal(value)
    except InvalidOperation:
        raise ValueError(f"not a number: {value!r}") from None
    if not number.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    if places is not None:
        number = number.quantize(Decimal(1).scaleb(-places))
    digits = format(number, "f")
    sign = "-" if digits.startswith("-") else ""
    integer, _, fraction = digits.lstrip("-").partition(".")
    group, point = (".", ",") if lang == "id" else (",", ".")
    if grouping:
        integer = _group(integer, group)
    return sign + integer + (point + fraction if fraction else "")


def format_day(day: dt.date, lang: Lang) -> str:
    """Write a date in words: ``18 Desember 2023`` (``id``) or ``18 December 2023`` (``en``)."""
    if lang == "id":
        return format_date(day)
    return f"{day.day} {_EN_MONTHS[day.month - 1]} {day.year:04d}"


def _amount(value: Decimal, lang: Lang) -> str:
    return "Rp" + format_number(value, lang, places=2)


def _num(raw: str, lang: Lang) -> str:
    try:
        return format_number(raw, lang)
    except ValueError:
        return raw


def _unit(unit: str | None, lang: Lang, *, one: bool = False) -> str:
    if not unit:
        return ""
    if unit == "%":
        return "%"
    if unit == "records":
        return _m("report_unit_record" if one else "report_unit_records", lang)
    code = f"report_unit_{unit}"
    return _m(code, lang) if code in CATALOGUE else unit


def _value(raw: str | None, unit: str | None, lang: Lang) -> str:
    """An observed value or threshold with its unit, in *lang*."""
    if raw is None:
        return ""
    if raw in ("true", "false"):
        return _m("report_yes" if raw == "true" else "report_no", lang)
    if ".." in raw:
        low, _, high = raw.partition("..")
        body, one = f"{_num(low, lang)}–{_num(high, lang)}", False
    else:
        body, one = _num(raw, lang), raw == "1"
    shown = _unit(unit, lang, one=one)
    return f"{body} {shown}" if shown else body


def _level(level: Milestone | None, lang: Lang) -> str:
    return level.value if level is not None else _m("report_level_none", lang)


def _outcome(outcome: Outcome, lang: Lang) -> str:
    return _m(f"report_outcome_{outcome.value}", lang)


def _mark(outcome: Outcome, *, color: bool = False) -> str:
    mark = MARKS[outcome]
    return f"{_ANSI[outcome]}{mark}{_RESET}" if color else mark


def _word(prefix: str, value: str, lang: Lang) -> str:
    """The catalogue's word for an enum *value* (``{prefix}_{value}``); the value when absent."""
    code = f"{prefix}_{value}"
    return _m(code, lang) if code in CATALOGUE else value


def _status(status: str, lang: Lang) -> str:
    return _word("report_status", status, lang)


def _milestone_title(ident: Milestone | str, lang: Lang) -> str:
    return _word("report_milestone", str(ident), lang)


def _gap(result: CriterionResult, lang: Lang) -> str:
    """What it takes to pass, in *lang*, with numbers written the language's way."""
    gap = result.gap
    if gap is None or result.outcome not in (Outcome.FAIL, Outcome.UNKNOWN):
        return ""
    if (
        result.op == "compare"
        and gap.amount is not None
        and gap.amount != 0
        and result.observed is not None
        and result.threshold is not None
    ):
        text = _m(
            "report_gap_raise" if gap.amount > 0 else "report_gap_lower",
            lang,
            # The distance between two percentages is in percentage points.
            amount=_value(
                format(abs(gap.amount), "f"), "pp" if result.unit == "%" else result.unit, lang
            ),
            observed=_value(result.observed, result.unit, lang),
            threshold=_value(result.threshold, result.unit, lang),
        )
    else:
        text = gap.text.get(lang)
    extra = []
    if "rupiah" in gap.also:
        extra.append(_m("report_gap_rupiah", lang, amount=_amount(gap.also["rupiah"], lang)))
    if "households" in gap.also:
        extra.append(
            _m("report_gap_households", lang, count=format_number(gap.also["households"], lang))
        )
    return "; ".join([text, *extra])


def _message_of(result: CriterionResult, lang: Lang) -> str:
    return result.message.get(lang) if result.message is not None else result.id


def _ladder(decision: Decision, *, color: bool = False) -> str:
    return "  ".join(f"{_mark(m.outcome, color=color)} {m.id}" for m in decision.milestones)


def _levels_line(decision: Decision, lang: Lang) -> str:
    return _m(
        "report_levels",
        lang,
        certain=_level(decision.certain_level, lang),
        possible=_level(decision.possible_level, lang),
    )


def m4_year_text(decision: Decision, lang: Lang) -> str:
    """Say "M4 year *n*", the range it lies in, or that the history does not tell."""
    stage = decision.m4
    if stage.year is not None:
        return _m("report_m4_year", lang, year=stage.year)
    span = stage.year_range
    if span is None:
        return ""
    low, high = span
    if high is None:
        return _m("report_m4_year_at_least", lang, year=low)
    return _m("report_m4_year_between", lang, low=low, high=high)


def _programme_line(decision: Decision, lang: Lang) -> str:
    """Fiscal year assessed, "M4 year *n*" and assistance, from the district's history."""
    parts = [_m("report_fiscal_year_assessed", lang, year=decision.fiscal_year)]
    m4 = m4_year_text(decision, lang)
    if m4:
        parts.append(m4)
    parts.append(_word("report_assistance", decision.m4.assistance.value, lang))
    return " · ".join(parts)


def _rulebook_line(decision: Decision, lang: Lang) -> str:
    info = decision.rulebook
    return _m(
        "report_rulebook",
        lang,
        id=info.id,
        version=info.version,
        status=_status(info.status.value, lang),
    )


def _milestone_head(result: MilestoneResult, lang: Lang) -> str:
    head = f"{result.id} {_milestone_title(result.id, lang)}: {_outcome(result.outcome, lang)}"
    if result.fiscal_year is not None:
        head += " " + _m("report_fiscal_year", lang, year=result.fiscal_year)
    return head


def _target_line(distance: TargetDistance, lang: Lang) -> str:
    target = distance.target
    head = _m(
        "report_target",
        lang,
        indicator=_word("report_indicator", target.indicator.value, lang),
        area=_word("report_area", target.area.value, lang),
        cmp="≥" if target.indicator.higher_is_better else "≤",
        value=_value(format(target.value, "f"), "%", lang),
        year=target.year,
    )
    if distance.observed is None:
        status = _m("report_target_unknown", lang)
    elif distance.met:
        status = _m(
            "report_target_met",
            lang,
            observed=_value(format(distance.observed, "f"), "%", lang),
            year=distance.observed_year,
        )
    else:
        status = _m(
            "report_target_gap",
            lang,
            observed=_value(format(distance.observed, "f"), "%", lang),
            year=distance.observed_year,
            gap=_value(format(distance.gap_pp or 0, "f"), "pp", lang),
        )
        if distance.gap_households is not None:
            status += "; " + _m(
                "report_gap_households", lang, count=format_number(distance.gap_households, lang)
            )
    return f"{head}: {status}"


# --------------------------------------------------------------------------------------------
# Batches
# --------------------------------------------------------------------------------------------


class Failure(NamedTuple):
    """An input that could not be evaluated: where it came from, and why (both languages)."""

    source: str
    message: Text


@attrs.frozen(kw_only=True)
class BatchSummary:
    """Counts over a batch.

    Attributes:
        total: inputs seen (evaluated and invalid).
        evaluated: decisions made.
        invalid: inputs that could not be evaluated.
        levels: decisions by certain level, keyed ``none``, ``M1`` … ``M4`` (every key present).
        undecided: decisions whose possible level differs from the certain level.
    """

    total: int
    evaluated: int
    invalid: int
    levels: Mapping[str, int]
    undecided: int


def summarise(decisions: Sequence[Decision], failures: Sequence[Failure] = ()) -> BatchSummary:
    """Count *decisions* by certain level, the undecided ones, and the *failures*."""
    levels = dict.fromkeys(_LEVEL_KEYS, 0)
    for decision in decisions:
        key = decision.certain_level.value if decision.certain_level else "none"
        levels[key] = levels.get(key, 0) + 1
    undecided = sum(1 for d in decisions if d.certain_level != d.possible_level)
    return BatchSummary(
        total=len(decisions) + len(failures),
        evaluated=len(decisions),
        invalid=len(failures),
        levels=levels,
        undecided=undecided,
    )


_LINE_SUFFIX: Final = re.compile(r"^(?P<file>.*):(?P<line>[0-9]+)$")


def _source_key(source: str) -> tuple[str, int]:
    match = _LINE_SUFFIX.match(source)
    return (match["file"], int(match["line"])) if match else (source, 0)


@attrs.frozen(kw_only=True)
class BatchResult:
    """Decisions of a batch in a deterministic order, with failures and summary counts.

    Attributes:
        as_of: the evaluation date of the batch.
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
    lang: Lang = "id"

    def _repr_html_(self) -> str:
        return batch_html(self, self.lang)


class _Evaluator(Protocol):
    def evaluate(
        self, dossier: Dossier, *, as_of: dt.date, fiscal_year: int | None = None
    ) -> Decision: ...


def failure_message(error: BaseException) -> Text:
    """Return the message of *error* in both languages (every problem, one per line)."""
    render = getattr(error, "render", None)
    if callable(render):
        return Text(id=str(render("id")) or "?", en=str(render("en")) or "?")
    text = getattr(error, "text", None)
    if isinstance(text, Text):
        return text
    shown = str(error) or type(error).__name__
    return Text(id=shown, en=shown)


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

        Returns:
            The decision, or ``None`` when the input failed.
        """
        from sanitasi_core.serialization import load_dossier  # noqa: PLC0415

        try:
            decision = self.engine.evaluate(
                load_dossier(document, source=source),
                as_of=self.as_of,
                fiscal_year=self.fiscal_year,
            )
        except SanitasiError as error:
            self.fail(source, failure_message(error))
            return None
        self.add(source, decision)
        return decision

    def result(self, *, lang: Lang = "id") -> BatchResult:
        """Return the batch sorted by region code then source, with its summary."""
        entries = sorted(self._entries, key=lambda e: (e[1].region.code, _source_key(e[0])))
        failures = sorted(self._failures, key=lambda f: _source_key(f.source))
        decisions = tuple(d for _, d in entries)
        return BatchResult(
            as_of=self.as_of,
            decisions=decisions,
            sources=tuple(s for s, _ in entries),
            failures=tuple(failures),
            summary=summarise(decisions, failures),
            lang=lang,
        )


def evaluate_batch(
    engine: _Evaluator,
    documents: Iterable[tuple[str, str | bytes]],
    *,
    as_of: dt.date,
    lang: Lang = "id",
) -> BatchResult:
    """Evaluate ``(source, JSON document)`` pairs on *as_of*; bad documents become failures."""
    batch = Batch(engine, as_of)
    for source, document in documents:
        batch.evaluate(source, document)
    return batch.result(lang=lang)


def _summary_lines(result: BatchResult, lang: Lang) -> list[str]:
    summary = result.summary
    levels = ", ".join(
        f"{_level(Milestone(key) if key != 'none' else None, lang)}: {summary.levels.get(key, 0)}"
        for key in reversed(_LEVEL_KEYS)
    )
    return [
        _m("report_summary_levels", lang, levels=levels),
        _m("report_summary_undecided", lang, count=summary.undecided),
        _m("report_summary_invalid", lang, count=summary.invalid),
    ]


# --------------------------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------------------------


def decision_text(decision: Decision, lang: Lang = "id", *, color: bool = False) -> str:
    """Return a plain-text report of *decision*, with an at-a-glance ladder.

    Args:
        decision: the decision.
        lang: ``id`` or ``en``.
        color: mark outcomes with ANSI colours (only for a terminal that wants them).
    """
    bold = (lambda s: f"{_BOLD}{s}{_RESET}") if color else (lambda s: s)
    lines = [
        bold(f"{decision.region.name} ({decision.region.code})"),
        _m("report_as_of", lang, date=format_day(decision.as_of, lang)),
        _programme_line(decision, lang),
        _rulebook_line(decision, lang),
        _levels_line(decision, lang),
        f"{_m('report_ladder', lang)}: {_ladder(decision, color=color)}",
    ]
    for milestone in decision.milestones:
        lines.append("")
        lines.append(f"{_mark(milestone.outcome, color=color)} {_milestone_head(milestone, lang)}")
        for crit in milestone.criteria:
            line = f"    {_mark(crit.outcome, color=color)} {crit.id}: {_message_of(crit, lang)}"
            if crit.severity is Severity.ADVISORY:
                line += f" ({_m('report_advisory', lang)})"
            shown = [_value(crit.observed, crit.unit, lang)]
            if crit.threshold is not None:
                threshold = _value(crit.threshold, crit.unit, lang)
                shown.append(f"{_m('report_col_threshold', lang).lower()} {threshold}")
            shown = [s for s in shown if s]
            if shown:
                line += f" [{'; '.join(shown)}]"
            lines.append(line)
            gap = _gap(crit, lang)
            if gap:
                lines.append(f"        → {gap}")
            if crit.defaulted:
                lines.append(f"        ({_m('report_defaulted', lang)})")
            lines.extend(f"        · {note}" for note in notes_of(crit, lang))
            if crit.reference is not None and crit.reference.assumption is not None:
                why = crit.reference.assumption.get(lang)
                lines.append(f"        ({_m('report_reference_assumption', lang, why=why)})")
    lines.append("")
    if decision.blocking and decision.next_milestone is not None:
        lines.append(
            _m(
                "report_blocking",
                lang,
                milestone=decision.next_milestone.value,
                criteria=", ".join(decision.blocking),
            )
        )
    if decision.missing:
        lines.append(_m("report_missing_head", lang))
        lines.extend(
            "  - " + _m("report_missing_item", lang, what=m.text, key=m.key, count=m.settles)
            for m in decision.missing
        )
    lines.append(_m("report_designation", lang, text=decision.designation_check.text))
    if decision.targets:
        lines.append(_m("report_targets_head", lang))
        lines.extend(f"  - {_target_line(t, lang)}" for t in decision.targets)
    return "\n".join(lines)


def _overview_text(result: BatchResult, lang: Lang, *, color: bool) -> list[str]:
    head_level = _m("report_col_certain", lang), _m("report_col_possible", lang)
    width = max(len(head_level[0]), len(head_level[1]), 9)
    lines = [
        f"{_m('report_col_region_code', lang):<8}{_m('report_ladder', lang):<24}"
        f"{head_level[0]:<{width + 2}}{head_level[1]:<{width + 2}}"
        + _m("report_col_region_name", lang)
    ]
    for decision in result.decisions:
        ladder = "  ".join(f"{_mark(m.outcome, color=color)} {m.id}" for m in decision.milestones)
        pad = 24 - len("  ".join(f"{MARKS[m.outcome]} {m.id}" for m in decision.milestones))
        certain = _level(decision.certain_level, lang)
        if decision.m4_year and decision.certain_level is Milestone.M4:
            certain += f" ({decision.m4_year})"
        lines.append(
            f"{decision.region.code:<8}{ladder}{' ' * max(pad, 1)}"
            f"{certain:<{width + 2}}{_level(decision.possible_level, lang):<{width + 2}}"
            f"{decision.region.name}"
        )
    return lines


def batch_text(
    result: BatchResult, lang: Lang = "id", *, color: bool = False, detail: bool = False
) -> str:
    """Return a plain-text report of a batch: summary, one line per district, failures.

    Args:
        result: the batch.
        lang: ``id`` or ``en``.
        color: mark outcomes with ANSI colours.
        detail: append the full report of every district.
    """
    lines = [
        _m(
            "report_batch_title",
            lang,
            count=result.summary.total,
            date=format_day(result.as_of, lang),
        ),
        *_summary_lines(result, lang),
    ]
    if result.decisions:
        lines.append("")
        lines.extend(_overview_text(result, lang, color=color))
    if result.failures:
        lines.append("")
        lines.append(_m("report_failures_head", lang))
        lines.extend(f"  - {f.source}" for f in result.failures)
    text = "\n".join(lines)
    if detail:
        text += "".join("\n\n" + decision_text(d, lang, color=color) for d in result.decisions)
    return text


# --------------------------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------------------------

_MD_SPECIAL: Final = re.compile(r"([\\`*_\[\]<>|#])")


def _md(text: str) -> str:
    """Escape *text* for Markdown (tables included); line breaks become spaces."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _md_row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _md_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    return [
        _md_row(_md(h) for h in header),
        _md_row("---" for _ in header),
        *(_md_row(row) for row in rows),
    ]


def decision_markdown(decision: Decision, lang: Lang = "id", *, level: int = 2) -> str:
    """Return *decision* as Markdown for a letter or a wiki page.

    Args:
        decision: the decision.
        lang: ``id`` or ``en``.
        level: the heading level of the district's title.
    """
    h = "#" * level
    lines = [
        f"{h} {_md(decision.region.name)} ({_md(decision.region.code)})",
        "",
        f"- {_md(_m('report_as_of', lang, date=format_day(decision.as_of, lang)))}",
        f"- {_md(_rulebook_line(decision, lang))}",
        f"- {_md(_levels_line(decision, lang))}",
        "",
        *_md_table(
            [m.id.value for m in decision.milestones],
            [[f"{MARKS[m.outcome]} {_md(_outcome(m.outcome, lang))}" for m in decision.milestones]],
        ),
    ]
    header = [
        "",
        _m("report_col_criterion", lang),
        _m("report_col_observed", lang),
        _m("report_col_threshold", lang),
        _m("report_col_gap", lang),
    ]
    for milestone in decision.milestones:
        lines += ["", f"{h}# {_md(_milestone_head(milestone, lang))}", ""]
        rows = [
            [
                MARKS[c.outcome],
                f"`{c.id}` {_md(_message_of(c, lang))}",
                _md(_value(c.observed, c.unit, lang)),
                _md(_value(c.threshold, c.unit, lang)),
                _md(_gap(c, lang)),
            ]
            for c in milestone.criteria
        ]
        lines += _md_table(header, rows)
    lines.append("")
    if decision.blocking and decision.next_milestone is not None:
        # The ids go in as code spans, after the sentence around them is escaped.
        sentence = _m(
            "report_blocking", lang, milestone=decision.next_milestone.value, criteria="\x00"
        )
        blocking = ", ".join(f"`{b}`" for b in decision.blocking)
        lines.append(_md(sentence).replace("\x00", blocking))
        lines.append("")
    if decision.missing:
        lines.append(_md(_m("report_missing_head", lang)))
        lines.append("")
        lines.extend(
            "- " + _md(_m("report_missing_item", lang, what=m.text, key=m.key, count=m.settles))
            for m in decision.missing
        )
        lines.append("")
    lines.append(_md(_m("report_designation", lang, text=decision.designation_check.text)))
    if decision.targets:
        lines += ["", _md(_m("report_targets_head", lang)), ""]
        lines.extend(f"- {_md(_target_line(t, lang))}" for t in decision.targets)
    return "\n".join(lines) + "\n"


def batch_markdown(result: BatchResult, lang: Lang = "id", *, detail: bool = False) -> str:
    """Return a batch as Markdown: summary, a table of districts, failures.

    Args:
        result: the batch.
        lang: ``id`` or ``en``.
        detail: append a section per district.
    """
    title = _m(
        "report_batch_title", lang, count=result.summary.total, date=format_day(result.as_of, lang)
    )
    lines = [f"# {_md(title)}", ""]
    lines.extend(f"- {_md(line)}" for line in _summary_lines(result, lang))
    if result.decisions:
        lines.append("")
        header = [
            _m("report_col_region_code", lang),
            _m("report_col_region_name", lang),
            *[m.id.value for m in result.decisions[0].milestones],
            _m("report_col_certain", lang),
            _m("report_col_possible", lang),
        ]
        rows = [
            [
                _md(d.region.code),
                _md(d.region.name),
                *[MARKS[m.outcome] for m in d.milestones],
                _md(_level(d.certain_level, lang)) + (f" ({d.m4_year})" if d.m4_year else ""),
                _md(_level(d.possible_level, lang)),
            ]
            for d in result.decisions
        ]
        lines += _md_table(header, rows)
    if result.failures:
        lines += ["", _md(_m("report_failures_head", lang)), ""]
        for failure in result.failures:
            reason = " ".join(failure.message.get(lang).splitlines())
            lines.append(f"- `{failure.source}`: {_md(reason)}")
    text = "\n".join(lines) + "\n"
    if detail:
        text += "".join("\n" + decision_markdown(d, lang) for d in result.decisions)
    return text


# --------------------------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------------------------


def _csv_number(raw: str | None, *, decimal_comma: bool) -> str:
    if raw is None:
        return ""
    return raw.replace(".", ",") if decimal_comma and ".." not in raw else raw


def _csv_observed(raw: str | None, lang: Lang, *, decimal_comma: bool) -> str:
    if raw in ("true", "false"):
        return _m("report_yes" if raw == "true" else "report_no", lang)
    return _csv_number(raw, decimal_comma=decimal_comma)


def csv_rows(
    decisions: Iterable[Decision],
    lang: Lang = "id",
    *,
    detail: bool = False,
    decimal_comma: bool = False,
) -> list[list[str]]:
    """Return CSV rows, header first: one per district × milestone (or × criterion).

    Column names and outcomes are in *lang*; dates are ISO (``2024-12-31``), which spreadsheets
    read as dates in every locale.

    Args:
        decisions: the decisions.
        lang: ``id`` or ``en``.
        detail: one row per district × criterion instead of district × milestone.
        decimal_comma: write decimals with a comma (``85,17``), as Indonesian spreadsheets do.
    """
    common = [
        "report_csv_region_code",
        "report_csv_region_name",
        "report_csv_as_of",
        "report_csv_rulebook",
        "report_csv_rulebook_version",
        "report_csv_certain",
        "report_csv_possible",
        "report_csv_m4_year",
        "report_csv_milestone",
    ]
    tail = (
        [
            "report_csv_criterion_id",
            "report_csv_outcome",
            "report_csv_criterion",
            "report_csv_observed",
            "report_csv_threshold",
            "report_csv_unit",
            "report_csv_threshold_source",
            "report_csv_gap",
        ]
        if detail
        else ["report_csv_outcome", "report_csv_fiscal_year", "report_csv_open"]
    )
    rows = [[_m(code, lang) for code in common + tail]]
    for d in decisions:
        for milestone in d.milestones:
            head = [
                d.region.code,
                d.region.name,
                d.as_of.isoformat(),
                d.rulebook.id,
                d.rulebook.version,
                d.certain_level.value if d.certain_level else "",
                d.possible_level.value if d.possible_level else "",
                str(d.m4_year or ""),
                milestone.id.value,
            ]
            if not detail:
                open_ = [
                    c.id for c in milestone.criteria if c.outcome in (Outcome.FAIL, Outcome.UNKNOWN)
                ]
                rows.append(
                    [
                        *head,
                        _outcome(milestone.outcome, lang),
                        str(milestone.fiscal_year or ""),
                        " ".join(open_),
                    ]
                )
                continue
            rows.extend(
                [
                    *head,
                    c.id,
                    _outcome(c.outcome, lang),
                    _message_of(c, lang),
                    _csv_observed(c.observed, lang, decimal_comma=decimal_comma),
                    _csv_number(c.threshold, decimal_comma=decimal_comma),
                    _unit(c.unit, lang),
                    c.threshold_source or "",
                    _gap(c, lang),
                ]
                for c in milestone.criteria
            )
    return rows


def to_csv(rows: Iterable[Sequence[str]], *, sep: str = ",", bom: bool = False) -> str:
    """Return *rows* as CSV text (CRLF line ends, quoting where needed).

    Args:
        rows: the rows, header first.
        sep: the field separator, e.g. ``;`` for spreadsheets that use a decimal comma.
        bom: start with a UTF-8 byte-order mark, so that Excel reads the file as UTF-8.
    """
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=sep, lineterminator="\r\n").writerows(rows)
    return ("\ufeff" if bom else "") + buffer.getvalue()


# --------------------------------------------------------------------------------------------
# JSON and plain records
# --------------------------------------------------------------------------------------------


def decisions_json(decisions: Iterable[Decision], *, indent: int | None = 2) -> str:
    """Return the decisions as a JSON list of ``sanitasi.decision/v1`` objects."""
    from sanitasi_core.rulebooks import decision_to_dict  # noqa: PLC0415

    return json.dumps([decision_to_dict(d) for d in decisions], ensure_ascii=False, indent=indent)


def records(decisions: Iterable[Decision]) -> list[dict[str, Any]]:
    """Return one plain row per decision, for tables and data frames.

    Keys: ``region_code``, ``region_name``, ``as_of`` (a :class:`datetime.date`), ``certain``,
    ``possible`` (``"M1"`` … ``"M4"`` or ``None``), ``m4_year``, then one key per milestone
    (``"M1"`` …) holding its outcome (``pass``, ``fail``, ``unknown``, ``not_applicable``).
    """
    rows = []
    for d in decisions:
        row: dict[str, Any] = {
            "region_code": d.region.code,
            "region_name": d.region.name,
            "as_of": d.as_of,
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
        raise PandasMissingError(_text("report_pandas_missing")) from error
    return pandas.DataFrame(records(decisions))


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------

_CSS: Final = """
.sanitasi-report{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;
 line-height:1.45;color:#1f2328;max-width:64rem}
.sanitasi-report h1,.sanitasi-report h2,.sanitasi-report h3{line-height:1.2;margin:1.2em 0 .4em}
.sanitasi-report .meta{color:#57606a;margin:.2em 0}
.sanitasi-report table{border-collapse:collapse;margin:.5em 0;font-size:.95em}
.sanitasi-report th,.sanitasi-report td{border:1px solid #d0d7de;padding:.3em .55em;
 text-align:left;vertical-align:top}
.sanitasi-report th{background:#f6f8fa}
.sanitasi-report .ladder td{text-align:center;font-weight:600;min-width:5.5em}
.sanitasi-report .o-pass{color:#116329}.sanitasi-report td.o-pass{background:#dafbe1}
.sanitasi-report .o-fail{color:#a40e26}.sanitasi-report td.o-fail{background:#ffebe9}
.sanitasi-report .o-unknown{color:#7d4e00}.sanitasi-report td.o-unknown{background:#fff8c5}
.sanitasi-report .o-not_applicable{color:#57606a}
.sanitasi-report td.o-not_applicable{background:#f6f8fa}
.sanitasi-report .gap{color:#57606a;font-size:.92em}
.sanitasi-report code{font-size:.9em}
.sanitasi-report details{margin:.4em 0}
.sanitasi-report summary{cursor:pointer}
@media print{.sanitasi-report details{display:block}.sanitasi-report{max-width:none}}
"""


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _style() -> str:
    return f"<style>{_CSS}</style>"


def _cell(outcome: Outcome, content: str) -> str:
    return f'<td class="o-{outcome.value}">{content}</td>'


def _decision_body(decision: Decision, lang: Lang, *, heading: int = 2) -> str:
    h, hh = f"h{heading}", f"h{heading + 1}"
    parts = [
        f"<{h}>{_e(decision.region.name)} <small>({_e(decision.region.code)})</small></{h}>",
        f'<p class="meta">{_e(_m("report_as_of", lang, date=format_day(decision.as_of, lang)))}'
        f"<br>{_e(_rulebook_line(decision, lang))}</p>",
        f"<p><strong>{_e(_levels_line(decision, lang))}</strong></p>",
        f'<table class="ladder" aria-label="{_e(_m("report_ladder", lang))}"><tr>',
    ]
    parts.extend(
        _cell(
            m.outcome,
            f"{_e(MARKS[m.outcome])} {_e(m.id)}<br><small>{_e(_outcome(m.outcome, lang))}</small>",
        )
        for m in decision.milestones
    )
    parts.append("</tr></table>")
    header = "".join(
        f"<th>{_e(_m(code, lang))}</th>"
        for code in (
            "report_col_criterion",
            "report_col_observed",
            "report_col_threshold",
            "report_col_gap",
        )
    )
    for milestone in decision.milestones:
        parts.append(
            f'<{hh} class="o-{milestone.outcome.value}">{_e(MARKS[milestone.outcome])} '
            f"{_e(_milestone_head(milestone, lang))}</{hh}>"
        )
        parts.append(f"<table><thead><tr><th></th>{header}</tr></thead><tbody>")
        for c in milestone.criteria:
            note = f" <em>({_e(_m('report_defaulted', lang))})</em>" if c.defaulted else ""
            parts.append(
                "<tr>"
                + _cell(c.outcome, _e(MARKS[c.outcome]))
                + f"<td><code>{_e(c.id)}</code><br>{_e(_message_of(c, lang))}{note}</td>"
                + f"<td>{_e(_value(c.observed, c.unit, lang))}</td>"
                + f"<td>{_e(_value(c.threshold, c.unit, lang))}</td>"
                + f'<td class="gap">{_e(_gap(c, lang))}</td>'
                + "</tr>"
            )
        parts.append("</tbody></table>")
    if decision.blocking and decision.next_milestone is not None:
        parts.append(
            "<p>"
            + _e(
                _m(
                    "report_blocking",
                    lang,
                    milestone=decision.next_milestone.value,
                    criteria=", ".join(decision.blocking),
                )
            )
            + "</p>"
        )
    if decision.missing:
        parts.append(f"<p>{_e(_m('report_missing_head', lang))}</p><ul>")
        parts.extend(
            "<li>"
            + _e(_m("report_missing_item", lang, what=m.text, key=m.key, count=m.settles))
            + "</li>"
            for m in decision.missing
        )
        parts.append("</ul>")
    parts.append(
        f"<p>{_e(_m('report_designation', lang, text=decision.designation_check.text))}</p>"
    )
    if decision.targets:
        parts.append(f"<p>{_e(_m('report_targets_head', lang))}</p><ul>")
        parts.extend(f"<li>{_e(_target_line(t, lang))}</li>" for t in decision.targets)
        parts.append("</ul>")
    return "\n".join(parts)


def set_notebook_language(lang: Lang) -> None:
    """Choose the language of rich HTML in notebooks (:func:`decision_html` without *lang*).

    Raises:
        ValueError: if *lang* is neither ``id`` nor ``en``.
    """
    global _notebook_lang  # noqa: PLW0603  # one display preference, as pandas options are
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}, got {lang!r}")
    _notebook_lang = lang


def decision_html(decision: Decision, lang: Lang | None = None) -> str:
    """Return *decision* as an HTML fragment with its own scoped, inline CSS (notebooks).

    ``Decision._repr_html_`` delegates here. Everything is escaped; no script, no external asset.

    Args:
        decision: the decision.
        lang: ``id`` or ``en``; by default the language set by :func:`set_notebook_language`
            (``id`` unless changed).
    """
    lang = lang or _notebook_lang
    return (
        f'<div class="sanitasi-report" lang="{lang}">{_style()}\n'
        f"{_decision_body(decision, lang)}\n</div>"
    )


def _page(title: str, body: str, lang: Lang) -> str:
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n{_style()}\n</head>\n"
        f'<body>\n<main class="sanitasi-report">\n{body}\n</main>\n</body>\n</html>\n'
    )


def decision_page(decision: Decision, lang: Lang = "id") -> str:
    """Return a self-contained HTML page for *decision* (inline CSS, no script, works offline)."""
    title = f"{decision.region.name} ({decision.region.code}) — {format_day(decision.as_of, lang)}"
    return _page(title, _decision_body(decision, lang, heading=1), lang)


def _batch_body(result: BatchResult, lang: Lang, *, detail: bool) -> str:
    title = _m(
        "report_batch_title", lang, count=result.summary.total, date=format_day(result.as_of, lang)
    )
    summary = result.summary
    parts = [f"<h1>{_e(title)}</h1>", "<table><tbody>"]
    for key in reversed(_LEVEL_KEYS):
        name = _level(Milestone(key) if key != "none" else None, lang)
        parts.append(f"<tr><th>{_e(name)}</th><td>{summary.levels.get(key, 0)}</td></tr>")
    parts.append("</tbody></table>")
    parts.extend(f"<p>{_e(line)}</p>" for line in _summary_lines(result, lang)[1:])
    if result.decisions:
        milestones = [m.id.value for m in result.decisions[0].milestones]
        head = "".join(
            f"<th>{_e(h)}</th>"
            for h in (
                _m("report_col_region_code", lang),
                _m("report_col_region_name", lang),
                *milestones,
                _m("report_col_certain", lang),
                _m("report_col_possible", lang),
            )
        )
        parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>")
        for index, d in enumerate(result.decisions):
            name = _e(d.region.name)
            if detail:
                name = f'<a href="#d{index}">{name}</a>'
            certain = _level(d.certain_level, lang) + (f" ({d.m4_year})" if d.m4_year else "")
            parts.append(
                f"<tr><td>{_e(d.region.code)}</td><td>{name}</td>"
                + "".join(
                    _cell(
                        m.outcome,
                        f'<span title="{_e(_outcome(m.outcome, lang))}">'
                        f"{_e(MARKS[m.outcome])}</span>",
                    )
                    for m in d.milestones
                )
                + f"<td>{_e(certain)}</td><td>{_e(_level(d.possible_level, lang))}</td></tr>"
            )
        parts.append("</tbody></table>")
    if result.failures:
        parts.append(f"<h2>{_e(_m('report_failures_head', lang))}</h2><ul>")
        parts.extend(
            f"<li><code>{_e(f.source)}</code><pre>{_e(f.message.get(lang))}</pre></li>"
            for f in result.failures
        )
        parts.append("</ul>")
    if detail:
        for index, d in enumerate(result.decisions):
            label = f"{d.region.name} ({d.region.code}) — {_level(d.certain_level, lang)}"
            parts.append(
                f'<details id="d{index}"><summary>{_e(label)}</summary>\n'
                f"{_decision_body(d, lang, heading=2)}\n</details>"
            )
    return "\n".join(parts)


def batch_html(result: BatchResult, lang: Lang | None = None) -> str:
    """Return a batch summary as an HTML fragment with scoped inline CSS (notebooks)."""
    lang = lang or result.lang
    return (
        f'<div class="sanitasi-report" lang="{lang}">{_style()}\n'
        f"{_batch_body(result, lang, detail=False)}\n</div>"
    )


def batch_page(result: BatchResult, lang: Lang = "id") -> str:
    """Return a self-contained HTML page for a batch: summary, districts, failures, details.

    Each district's full report is in a ``<details>`` element (opens without any script).
    """
    title = _m(
        "report_batch_title", lang, count=result.summary.total, date=format_day(result.as_of, lang)
    )
    return _page(title, _batch_body(result, lang, detail=True), lang)


# --------------------------------------------------------------------------------------------
# Explanations
# --------------------------------------------------------------------------------------------


@attrs.frozen
class _Explained:
    result: CriterionResult
    node: Node | None
    children: tuple[_Explained, ...]


def _resolve(node: Node | None, definitions: Mapping[str, Node]) -> Node | None:
    seen = 0
    while isinstance(node, RefNode) and seen < 100:
        node = definitions.get(node.criterion)
        seen += 1
    return node


def _tree(
    result: CriterionResult,
    node: Node | None,
    definitions: Mapping[str, Node],
    aspects: AspectSet | None,
) -> _Explained:
    node = _resolve(node, definitions)
    if isinstance(node, AspectsNode) and aspects is not None:
        node = expand_aspects(node, aspects)
    if isinstance(node, SomeNode):
        # Each child is one item (a service model) wrapping the test's result for it.
        test = node.test
        items = tuple(
            _Explained(
                item,
                None,
                tuple(_tree(inner, test, definitions, aspects) for inner in item.children),
            )
            for item in result.children
        )
        return _Explained(result, node, items)
    inner: tuple[Node, ...] = ()
    if isinstance(node, AllNode | AnyNode | AtLeastNode):
        inner = node.of
    elif isinstance(node, NotNode):
        inner = (node.of,)
    children = tuple(
        _tree(child, inner[i] if i < len(inner) else None, definitions, aspects)
        for i, child in enumerate(result.children)
    )
    return _Explained(result, node, children)


def _explained(
    decision: Decision, milestone: Milestone | str, rulebook: Rulebook | None
) -> tuple[MilestoneResult, list[_Explained]]:
    result = decision.milestone(milestone)
    tests: dict[str, Node] = {}
    definitions: dict[str, Node] = {}
    if rulebook is not None:
        definitions = {d.id: d.test for d in rulebook.definitions}
        for rule in rulebook.milestones:
            tests.update({c.id: c.test for c in rule.criteria})
    aspects = rulebook.aspects if rulebook is not None else None
    return result, [_tree(c, tests.get(c.id), definitions, aspects) for c in result.criteria]


def _walk(items: Iterable[_Explained], depth: int = 0) -> Iterator[tuple[int, _Explained]]:
    for item in items:
        yield depth, item
        yield from _walk(item.children, depth + 1)


def _cmp_of(node: Node | None) -> str | None:
    if isinstance(node, CompareNode | CountNode):
        return _CMP_SIGNS[node.cmp.value]
    return None


def _threshold_of(result: CriterionResult, rulebook: Rulebook | None) -> Threshold | None:
    if rulebook is None or not result.threshold_source:
        return None
    ident = result.threshold_source.partition("@")[0]
    return next((t for t in rulebook.thresholds if t.id == ident), None)


def _threshold_text(item: _Explained, lang: Lang) -> str:
    result = item.result
    if result.threshold is None:
        return ""
    cmp = _cmp_of(item.node)
    shown = _value(result.threshold, result.unit, lang)
    return f"{cmp} {shown}" if cmp else shown


def _source_text(result: CriterionResult, rulebook: Rulebook | None, lang: Lang) -> str:
    if result.threshold is None:
        return ""
    if not result.threshold_source:
        return _m("report_threshold_constant", lang)
    ident, _, since = result.threshold_source.partition("@")
    try:
        since_text = format_day(dt.date.fromisoformat(since), lang)
    except ValueError:
        since_text = since
    text = _m("report_threshold_source", lang, id=ident, since=since_text)
    threshold = _threshold_of(result, rulebook)
    if threshold is not None:
        text += f": {threshold.description.get(lang)}"
    return text


def notes_of(result: CriterionResult, lang: Lang) -> list[str]:
    """The notes of a result and of its inner results, once each, in *lang*."""
    seen = dict.fromkeys(note.get(lang) for r in result.walk() for note in r.notes)
    return list(seen)


def source_text(source: Source, lang: Lang) -> str:
    """Cite a public source: title, publisher, date, link and the quote."""
    parts = [source.title]
    if source.publisher:
        parts.append(source.publisher)
    if source.published_on is not None:
        parts.append(format_day(source.published_on, lang))
    text = ", ".join(parts)
    if source.url:
        text += f" <{source.url}>"
    if source.quote:
        text += f': "{source.quote}"'
    return text


def _reference_parts(reference: Reference | None, lang: Lang) -> list[str]:
    if reference is None:
        return []
    parts = [_m("report_reference_basis", lang, basis=reference.basis.get(lang))]
    if reference.assumption is not None:
        parts.append(_m("report_reference_assumption", lang, why=reference.assumption.get(lang)))
    parts.extend(
        _m("report_reference_source", lang, source=source_text(s, lang)) for s in reference.sources
    )
    if reference.regulation:
        parts.append(_m("report_reference_regulation", lang, regulation=reference.regulation))
    if reference.clause:
        parts.append(_m("report_reference_clause", lang, clause=reference.clause))
    if reference.url:
        parts.append(reference.url)
    return parts


def _explain_head(decision: Decision, result: MilestoneResult, lang: Lang) -> tuple[str, list[str]]:
    title = _m(
        "report_explain_title",
        lang,
        milestone=result.id.value,
        name=_milestone_title(result.id, lang),
        region=decision.region.name,
        code=decision.region.code,
    )
    lines = [
        _m("report_as_of", lang, date=format_day(decision.as_of, lang)),
        _rulebook_line(decision, lang),
        _levels_line(decision, lang),
        f"{MARKS[result.outcome]} {_milestone_head(result, lang)}",
    ]
    return title, lines


def explain_text(
    decision: Decision,
    milestone: Milestone | str,
    lang: Lang = "id",
    *,
    rulebook: Rulebook | None = None,
) -> str:
    """Explain one milestone of *decision*: every criterion and inner condition, in text.

    Each line gives the outcome, the requirement, the observed value, the threshold with its
    operator and source (when *rulebook* is given), the reference and the gap.

    Args:
        decision: the decision.
        milestone: ``M1`` … ``M4``.
        lang: ``id`` or ``en``.
        rulebook: the rulebook that decided, for operators, threshold sources and their basis.

    Raises:
        StopIteration: if the decision has no such milestone.
    """
    result, items = _explained(decision, milestone, rulebook)
    title, head = _explain_head(decision, result, lang)
    lines = [title, *head]
    for depth, item in _walk(items):
        r = item.result
        pad = "    " * depth
        if depth == 0:
            lines.append("")
        lines.append(f"{pad}{MARKS[r.outcome]} {r.id}: {_message_of(r, lang)}")
        pad += "    "
        lines.append(f"{pad}{_m('report_col_outcome', lang)}: {_outcome(r.outcome, lang)}")
        if r.defaulted:
            lines.append(f"{pad}({_m('report_defaulted', lang)})")
        if isinstance(item.node, AtLeastNode):
            lines.append(f"{pad}{_m('report_at_least', lang, k=item.node.k, n=len(r.children))}")
        observed = _value(r.observed, r.unit, lang)
        if observed or r.op in ("compare", "present", "absent", "count"):
            lines.append(
                f"{pad}{_m('report_col_observed', lang)}: "
                f"{observed or _m('report_unknown_value', lang)}"
            )
        threshold = _threshold_text(item, lang)
        if threshold:
            lines.append(f"{pad}{_m('report_col_threshold', lang)}: {threshold}")
            lines.append(
                f"{pad}{_m('report_col_threshold_source', lang)}: {_source_text(r, rulebook, lang)}"
            )
            limit = _threshold_of(r, rulebook)
            if limit is not None:
                lines.extend(f"{pad}  {p}" for p in _reference_parts(limit.reference, lang))
        gap = _gap(r, lang)
        if gap:
            lines.append(f"{pad}{_m('report_col_gap', lang)}: {gap}")
        lines.extend(f"{pad}{part}" for part in _reference_parts(r.reference, lang))
    return "\n".join(lines)


def explain_markdown(
    decision: Decision,
    milestone: Milestone | str,
    lang: Lang = "id",
    *,
    rulebook: Rulebook | None = None,
) -> str:
    """Explain one milestone of *decision* as Markdown: a table of every node, then references.

    Args: as for :func:`explain_text`.
    """
    result, items = _explained(decision, milestone, rulebook)
    title, head = _explain_head(decision, result, lang)
    lines = [f"# {_md(title)}", ""]
    lines.extend(f"- {_md(line)}" for line in head)
    lines.append("")
    header = [
        "",
        _m("report_col_criterion", lang),
        _m("report_col_outcome", lang),
        _m("report_col_observed", lang),
        _m("report_col_threshold", lang),
        _m("report_col_threshold_source", lang),
        _m("report_col_gap", lang),
    ]
    rows = []
    references: list[str] = []
    for depth, item in _walk(items):
        r = item.result
        indent = "↳ " * depth
        message_text = _message_of(r, lang)
        if isinstance(item.node, AtLeastNode):
            message_text += f" ({_m('report_at_least', lang, k=item.node.k, n=len(r.children))})"
        if r.defaulted:
            message_text += f" ({_m('report_defaulted', lang)})"
        rows.append(
            [
                MARKS[r.outcome],
                f"{indent}`{r.id}` {_md(message_text)}",
                _md(_outcome(r.outcome, lang)),
                _md(_value(r.observed, r.unit, lang)),
                _md(_threshold_text(item, lang)),
                _md(_source_text(r, rulebook, lang)),
                _md(_gap(r, lang)),
            ]
        )
        parts = _reference_parts(r.reference, lang)
        if parts:
            references.append(f"- `{r.id}`: " + "; ".join(_md(p) for p in parts))
        limit = _threshold_of(r, rulebook)
        if limit is not None:
            entry = f"- `{limit.id}`: " + "; ".join(
                _md(p) for p in _reference_parts(limit.reference, lang)
            )
            if entry not in references:
                references.append(entry)
    lines += _md_table(header, rows)
    if references:
        lines += ["", f"## {_md(_m('report_references_head', lang))}", "", *references]
    return "\n".join(lines) + "\n"


def _text_json(text: Text | None) -> dict[str, str] | None:
    return None if text is None else {"id": text.id, "en": text.en}


def _source_json(source: Source) -> dict[str, str | None]:
    return {
        "title": source.title,
        "publisher": source.publisher,
        "published_on": None if source.published_on is None else source.published_on.isoformat(),
        "url": source.url,
        "quote": source.quote,
        "note": source.note,
    }


def _reference_json(reference: Reference | None) -> dict[str, Any] | None:
    if reference is None:
        return None
    return {
        "basis": _text_json(reference.basis),
        "sources": [_source_json(s) for s in reference.sources],
        "assumption": _text_json(reference.assumption),
        "regulation": reference.regulation,
        "clause": reference.clause,
        "url": reference.url,
    }


def _explained_json(item: _Explained, rulebook: Rulebook | None) -> dict[str, Any]:
    r = item.result
    source: dict[str, Any] | None = None
    if r.threshold_source:
        ident, _, since = r.threshold_source.partition("@")
        limit = _threshold_of(r, rulebook)
        source = {
            "id": ident,
            "since": since or None,
            "description": _text_json(limit.description) if limit else None,
            "reference": _reference_json(limit.reference) if limit else None,
        }
    gap = r.gap
    return {
        "id": r.id,
        "op": r.op,
        "outcome": r.outcome.value,
        "message": _text_json(r.message),
        "observed": r.observed,
        "cmp": item.node.cmp.value if isinstance(item.node, CompareNode | CountNode) else None,
        "k": item.node.k if isinstance(item.node, AtLeastNode) else None,
        "threshold": r.threshold,
        "unit": r.unit,
        "threshold_source": source,
        "reference": _reference_json(r.reference),
        "gap": None
        if gap is None
        else {
            "text": _text_json(gap.text),
            "amount": None if gap.amount is None else format(gap.amount, "f"),
            "unit": gap.unit,
            "also": {k: format(v, "f") for k, v in gap.also.items()},
            "more": gap.more,
            "options": list(gap.options),
            "provide": list(gap.provide),
        },
        "defaulted": r.defaulted,
        "children": [_explained_json(child, rulebook) for child in item.children],
    }


def explain_dict(
    decision: Decision, milestone: Milestone | str, *, rulebook: Rulebook | None = None
) -> dict[str, Any]:
    """Explain one milestone of *decision* as JSON-ready data (``sanitasi.explanation/v1``).

    Messages carry both languages (``{"id": …, "en": …}``); numbers are exact decimal strings.
    """
    result, items = _explained(decision, milestone, rulebook)
    return {
        "schema": EXPLANATION_SCHEMA,
        "region": {"code": decision.region.code, "name": decision.region.name},
        "as_of": decision.as_of.isoformat(),
        "rulebook": {
            "id": decision.rulebook.id,
            "version": decision.rulebook.version,
            "status": decision.rulebook.status.value,
            "hash": decision.rulebook.hash,
        },
        "certain_level": decision.certain_level.value if decision.certain_level else None,
        "possible_level": decision.possible_level.value if decision.possible_level else None,
        "milestone": result.id.value,
        "outcome": result.outcome.value,
        "fiscal_year": result.fiscal_year,
        "criteria": [_explained_json(item, rulebook) for item in items],
    }


# --------------------------------------------------------------------------------------------
# Rulebooks
# --------------------------------------------------------------------------------------------


def _label(node: CompareNode | PresentNode | AbsentNode, lang: Lang) -> str:
    name = node.indicator if isinstance(node, CompareNode) else node.fact
    if node.label is not None:
        return node.label.get(lang)
    spec = INDICATORS.get(name)
    return spec.description.get(lang) if spec is not None else name


def _steps(threshold: Threshold, lang: Lang) -> str:
    return "; ".join(
        _m(
            "report_threshold_step",
            lang,
            value=_value(format(step.value, "f"), threshold.unit, lang),
            since=format_day(step.since, lang),
        )
        for step in threshold.steps
    )


def _node_lines(node: Node, rulebook: Rulebook, lang: Lang, depth: int) -> list[str]:
    pad = "  " * depth
    thresholds = {t.id: t for t in rulebook.thresholds}
    match node:
        case AllNode(of=items) | AnyNode(of=items) | AtLeastNode(of=items):
            if isinstance(node, AtLeastNode):
                head = _m("report_node_at_least", lang, k=node.k)
            else:
                head = _m(f"report_node_{'all' if isinstance(node, AllNode) else 'any'}", lang)
            if node.label is not None:
                head = f"{node.label.get(lang)} — {head}"
            lines = [pad + head]
            for item in items:
                lines += _node_lines(item, rulebook, lang, depth + 1)
            return lines
        case NotNode(of=item):
            return [
                pad + _m("report_node_not", lang),
                *_node_lines(item, rulebook, lang, depth + 1),
            ]
        case RefNode(criterion=name):
            return [pad + _m("report_node_ref", lang, name=name)]
        case SomeNode(test=test):
            return [
                pad + _m("report_node_some", lang, over=node.over.value),
                *_node_lines(test, rulebook, lang, depth + 1),
            ]
        case AspectsNode():
            if rulebook.aspects is None:  # refused at load; kept for a hand-built rulebook
                return [pad + "aspects"]
            return _node_lines(expand_aspects(node, rulebook.aspects), rulebook, lang, depth)
        case CompareNode():
            spec = INDICATORS.get(node.indicator)
            unit = spec.unit if spec else ""
            if node.threshold is not None:
                limit = thresholds.get(node.threshold)
                shown = f"{node.threshold} ({_steps(limit, lang)})" if limit else node.threshold
            else:
                shown = _value(format(node.value or 0, "f"), unit, lang)
            return [
                f"{pad}{_label(node, lang)}: {node.indicator} {_CMP_SIGNS[node.cmp.value]} {shown}"
            ]
        case PresentNode() | AbsentNode():
            code = "report_node_present" if isinstance(node, PresentNode) else "report_node_absent"
            return [pad + _m(code, lang, what=_label(node, lang), name=node.fact)]
        case CountNode():
            label = node.label.get(lang) if node.label else node.records.value
            return [
                pad
                + _m(
                    "report_node_count",
                    lang,
                    what=label,
                    records=node.records.value,
                    cmp=_CMP_SIGNS[node.cmp.value],
                    value=node.value,
                )
            ]


def rulebook_text(rulebook: Rulebook, lang: Lang = "id") -> str:
    """Return *rulebook* as readable text: thresholds, criteria with their tests and bases."""
    validity = _m(
        "report_validity",
        lang,
        start=format_day(rulebook.valid_from, lang),
        end=format_day(rulebook.valid_to, lang)
        if rulebook.valid_to
        else _m("report_open_ended", lang),
    )
    lines = [
        f"{rulebook.id} {rulebook.version} — {rulebook.title.get(lang)}",
        f"{_m('report_col_status', lang)}: {_status(rulebook.status.value, lang)} · {validity}",
    ]
    if rulebook.thresholds:
        lines += ["", _m("report_thresholds_head", lang)]
        for limit in rulebook.thresholds:
            lines.append(f"  {limit.id}: {limit.description.get(lang)}")
            lines.append(f"    {_steps(limit, lang)}")
            lines.extend(f"    {p}" for p in _reference_parts(limit.reference, lang))
    if rulebook.definitions:
        lines += ["", _m("report_definitions_head", lang)]
        for crit in rulebook.definitions:
            lines.append(f"  {crit.id}: {crit.message.get(lang)}")
            lines += _node_lines(crit.test, rulebook, lang, 2)
    for rule in rulebook.milestones:
        lines += ["", f"{rule.id} — {rule.title.get(lang)}"]
        if rule.per_fiscal_year:
            lines.append(f"  ({_m('report_per_fiscal_year', lang)})")
        for crit in rule.criteria:
            lines.append(f"  {crit.id}: {crit.message.get(lang)}")
            lines += _node_lines(crit.test, rulebook, lang, 2)
            lines.extend(f"    {p}" for p in _reference_parts(crit.reference, lang))
    if rulebook.targets:
        lines += ["", _m("report_targets_head", lang)]
        for target in rulebook.targets:
            lines.append(
                "  "
                + _m(
                    "report_target",
                    lang,
                    indicator=_word("report_indicator", target.indicator.value, lang),
                    area=_word("report_area", target.area.value, lang),
                    cmp="≥" if target.indicator.higher_is_better else "≤",
                    value=_value(format(target.value, "f"), "%", lang),
                    year=target.year,
                )
                + f" — {target.basis.get(lang)}"
            )
    return "\n".join(lines)


def _leaves(
    node: Node, definitions: Mapping[str, Node], aspects: AspectSet | None, depth: int = 0
) -> Iterator[Node]:
    if depth > 50:
        return
    match node:
        case AllNode(of=items) | AnyNode(of=items) | AtLeastNode(of=items):
            for item in items:
                yield from _leaves(item, definitions, aspects, depth + 1)
        case NotNode(of=item) | SomeNode(test=item):
            yield from _leaves(item, definitions, aspects, depth + 1)
        case AspectsNode() if aspects is not None:
            yield from _leaves(expand_aspects(node, aspects), definitions, aspects, depth + 1)
        case RefNode(criterion=name):
            target = definitions.get(name)
            if target is not None:
                yield from _leaves(target, definitions, aspects, depth + 1)
        case _:
            yield node


def rulebook_table_rows(rulebook: Rulebook, lang: Lang = "id") -> list[list[str]]:
    """Return the criteria of *rulebook* as rows, header first: one row per condition.

    Columns: milestone, criterion, condition, threshold (operator, value, unit and the date
    each value applies from), threshold source, and the criterion's reference.
    """
    rows = [
        [
            _m(code, lang)
            for code in (
                "report_col_milestone",
                "report_col_criterion_id",
                "report_col_condition",
                "report_col_threshold",
                "report_col_threshold_source",
                "report_col_reference",
            )
        ]
    ]
    thresholds = {t.id: t for t in rulebook.thresholds}
    definitions = {d.id: d.test for d in rulebook.definitions}
    for rule in rulebook.milestones:
        for crit in rule.criteria:
            reference = "; ".join(_reference_parts(crit.reference, lang))
            for leaf in _leaves(crit.test, definitions, rulebook.aspects):
                condition, threshold, source = "", "", ""
                if isinstance(leaf, CompareNode):
                    condition = _label(leaf, lang)
                    sign = _CMP_SIGNS[leaf.cmp.value]
                    limit = thresholds.get(leaf.threshold) if leaf.threshold else None
                    if limit is not None:
                        threshold = f"{sign} {_steps(limit, lang)}"
                        source = f"{limit.id}: " + "; ".join(
                            _reference_parts(limit.reference, lang)
                        )
                    else:
                        spec = INDICATORS.get(leaf.indicator)
                        unit = spec.unit if spec else ""
                        threshold = f"{sign} {_value(format(leaf.value or 0, 'f'), unit, lang)}"
                        source = _m("report_threshold_constant", lang)
                elif isinstance(leaf, CountNode):
                    condition = leaf.label.get(lang) if leaf.label else leaf.records.value
                    threshold = (
                        f"{_CMP_SIGNS[leaf.cmp.value]} {_value(str(leaf.value), 'records', lang)}"
                    )
                    source = _m("report_threshold_constant", lang)
                elif isinstance(leaf, PresentNode | AbsentNode):
                    condition = _label(leaf, lang)
                    threshold = _m(
                        "report_required_present"
                        if isinstance(leaf, PresentNode)
                        else "report_required_absent",
                        lang,
                    )
                rows.append([rule.id.value, crit.id, condition, threshold, source, reference])
    return rows


def rulebook_table_markdown(rulebook: Rulebook, lang: Lang = "id") -> str:
    """Return :func:`rulebook_table_rows` as a Markdown table under the rulebook's title."""
    rows = rulebook_table_rows(rulebook, lang)
    title = f"{rulebook.id} {rulebook.version} — {rulebook.title.get(lang)}"
    body = [
        [f"`{cell}`" if index == 1 else _md(cell) for index, cell in enumerate(row)]
        for row in rows[1:]
    ]
    return "\n".join([f"# {_md(title)}", "", *_md_table(rows[0], body)]) + "\n"


# --------------------------------------------------------------------------------------------
# Rulebook differences
# --------------------------------------------------------------------------------------------


def _book_name(book: Rulebook) -> str:
    return f"{book.id} {book.version}"


def _change_line(change: LevelChange, lang: Lang) -> str:
    return _m(
        "report_diff_change",
        lang,
        region=change.region.name,
        code=change.region.code,
        certain_before=_level(change.before_certain, lang),
        certain_after=_level(change.after_certain, lang),
        possible_before=_level(change.before_possible, lang),
        possible_after=_level(change.after_possible, lang),
    )


def diff_text(
    changes: Sequence[LevelChange],
    lang: Lang = "id",
    *,
    as_of: dt.date,
    before: Rulebook,
    after: Rulebook,
    compared: int,
) -> str:
    """Return the districts whose level changes between two rulebooks, and the criteria why.

    Args:
        changes: from :func:`sanitasi_core.rules.diff_rulebooks`.
        lang: ``id`` or ``en``.
        as_of: the evaluation date used.
        before: the first rulebook.
        after: the second rulebook.
        compared: how many dossiers were compared.
    """
    lines = [
        _m(
            "report_diff_title",
            lang,
            before=_book_name(before),
            after=_book_name(after),
            date=format_day(as_of, lang),
        ),
        _m("report_diff_count", lang, changed=len(changes), compared=compared),
    ]
    for change in sorted(changes, key=lambda c: c.region.code):
        lines.append("")
        lines.append(_change_line(change, lang))
        if change.criteria:
            lines.append(
                "  " + _m("report_diff_criteria", lang, criteria=", ".join(change.criteria))
            )
    return "\n".join(lines)


def diff_markdown(
    changes: Sequence[LevelChange],
    lang: Lang = "id",
    *,
    as_of: dt.date,
    before: Rulebook,
    after: Rulebook,
    compared: int,
) -> str:
    """Return :func:`diff_text` as a Markdown table."""
    title = _m(
        "report_diff_title",
        lang,
        before=_book_name(before),
        after=_book_name(after),
        date=format_day(as_of, lang),
    )
    header = [
        _m("report_col_region_code", lang),
        _m("report_col_region_name", lang),
        _m("report_col_certain", lang),
        _m("report_col_possible", lang),
        _m("report_col_criterion_id", lang),
    ]
    rows = [
        [
            _md(c.region.code),
            _md(c.region.name),
            _md(f"{_level(c.before_certain, lang)} → {_level(c.after_certain, lang)}"),
            _md(f"{_level(c.before_possible, lang)} → {_level(c.after_possible, lang)}"),
            ", ".join(f"`{i}`" for i in c.criteria),
        ]
        for c in sorted(changes, key=lambda c: c.region.code)
    ]
    lines = [
        f"# {_md(title)}",
        "",
        _md(_m("report_diff_count", lang, changed=len(changes), compared=compared)),
        "",
        *_md_table(header, rows),
    ]
    return "\n".join(lines) + "\n"


def diff_dict(
    changes: Sequence[LevelChange],
    *,
    as_of: dt.date,
    before: Rulebook,
    after: Rulebook,
    compared: int,
) -> dict[str, Any]:
    """Return the rulebook comparison as JSON-ready data."""

    def level(value: Milestone | None) -> str | None:
        return value.value if value else None

    return {
        "schema": "sanitasi.rulebook-diff/v1",
        "as_of": as_of.isoformat(),
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
            for c in sorted(changes, key=lambda c: c.region.code)
        ],
    }


# --------------------------------------------------------------------------------------------
# Indicators
# --------------------------------------------------------------------------------------------


def indicators_text(lang: Lang = "id") -> str:
    """Return the indicator catalogue as readable text: name, type, unit, meaning, derivation."""
    lines = [_m("report_indicators_title", lang, count=len(INDICATORS))]
    for spec in catalogue_as_json():
        unit = _unit(str(spec["unit"]), lang)
        kind = _word("report_type", str(spec["type"]), lang)
        description = spec["description"]
        derivation = spec["derivation"]
        assert isinstance(description, dict)  # noqa: S101
        assert isinstance(derivation, dict)  # noqa: S101
        lines += ["", f"{spec['name']} ({kind}{', ' + unit if unit else ''})"]
        lines.append(f"  {description[lang]}")
        lines.append(f"  {_m('report_derivation', lang)}: {derivation[lang]}")
        params = spec["params"]
        assert isinstance(params, list)  # noqa: S101
        for param in params:
            choices = ", ".join(param["choices"]) or "—"
            lines.append(
                "  "
                + _m(
                    "report_param",
                    lang,
                    name=param["name"],
                    description=param["description"][lang],
                    choices=choices,
                    default=param["default"] or "—",
                )
            )
    return "\n".join(lines)
