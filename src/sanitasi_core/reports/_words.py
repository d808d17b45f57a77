"""The words every report uses: numbers, dates, units, levels, outcomes and their marks.

Each renderer (text, Markdown, CSV, HTML, explanations, rulebooks) writes a value, a level or a
gap through these helpers, so all of them write ``85,16 %`` in ``id`` and ``85.16 %`` in ``en``
the same way. Every sentence comes from the message catalogue.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Final

from sanitasi_core._format import format_number
from sanitasi_core._messages import CATALOGUE, render
from sanitasi_core._text import Lang
from sanitasi_core.dates import format_date
from sanitasi_core.model import Milestone, NationalTarget, Source
from sanitasi_core.rules import (
    CriterionResult,
    Decision,
    MilestoneResult,
    Observed,
    ObservedCount,
    ObservedFlag,
    ObservedItem,
    ObservedNumber,
    Outcome,
    Reference,
    TargetDistance,
)

__all__ = ["MARKS", "format_day", "format_number", "message", "visible"]

LEVEL_KEYS: Final = ("none", *(m.value for m in Milestone))
"""The keys of :attr:`BatchSummary.levels`, lowest first: ``none``, ``M1`` … ``M4``."""

MARKS: Final[Mapping[Outcome, str]] = {
    Outcome.PASS: "✓",
    Outcome.FAIL: "✗",
    Outcome.UNKNOWN: "?",
    Outcome.NOT_APPLICABLE: "–",
}
"""The at-a-glance mark of each outcome."""

CMP_SIGNS: Final[Mapping[str, str]] = {
    ">=": "≥",
    ">": ">",
    "<=": "≤",
    "<": "<",
    "==": "=",
    "!=": "≠",
}
"""How a comparison operator of the criterion language is written in a report."""

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


message = render
"""Render message *code* in *lang* (the catalogue's one renderer, re-exported for reports)."""


# C0 controls, DEL, C1 controls, lone surrogates, the Unicode line and paragraph separators
# and the bidirectional overrides and isolates (which can reorder what a reader sees).
_INVISIBLE: Final = re.compile(
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
_NAMED: Final[Mapping[str, str]] = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _shown(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}"


def visible(text: str) -> str:
    r"""Show the control characters of *text* as escapes, so a terminal cannot act on them.

    C0 and C1 controls, DEL, lone surrogates, U+2028/U+2029 and the bidirectional overrides
    and isolates become ``\x1b``, ``\u009b``, ``\ud800``, ``\u202e`` …; newline, carriage
    return and tab become ``\n``, ``\r`` and ``\t``. Every other character is kept. Text
    reports pass every value from data (names, ids, sources, messages) through this, so data
    can neither colour the terminal, move its cursor nor forge a line of the report.
    """
    return _INVISIBLE.sub(_shown, text)


# --------------------------------------------------------------------------------------------
# Numbers and dates
# --------------------------------------------------------------------------------------------


def format_day(day: dt.date, lang: Lang) -> str:
    """Write a date in words: ``18 Desember 2023`` (``id``) or ``18 December 2023`` (``en``)."""
    if lang == "id":
        return format_date(day)
    return f"{day.day} {_EN_MONTHS[day.month - 1]} {day.year:04d}"


def unit_word(unit: str | None, lang: Lang, *, one: bool = False) -> str:
    """The word for *unit* in *lang* (``%`` stays ``%``); *one* picks the singular."""
    if not unit:
        return ""
    if unit == "%":
        return "%"
    if unit == "records":
        return render("report_unit_record" if one else "report_unit_records", lang)
    code = f"report_unit_{unit}"
    return render(code, lang) if code in CATALOGUE else unit


def value_text(value: Observed | Decimal | int | None, unit: str | None, lang: Lang) -> str:
    """An observed value or a threshold with its unit, in *lang* (``""`` when unknown)."""
    match value:
        case None:
            return ""
        case ObservedFlag(value=flag):
            return yes_no(flag, lang)
        case ObservedItem(id=ident):
            return ident
        case ObservedCount(low=low, high=high):
            upper = "" if high is None else format_number(high, lang)
            body, one = f"{format_number(low, lang)}–{upper}", False
        case ObservedNumber(value=number) | (Decimal() | int() as number):
            body, one = format_number(number, lang), number == 1
    shown = unit_word(unit, lang, one=one)
    return f"{body} {shown}" if shown else body


def yes_no(flag: bool, lang: Lang) -> str:  # the flag is the value written
    """The word for an observed flag in *lang*."""
    return render("report_yes" if flag else "report_no", lang)


def _rupiah(value: Decimal, lang: Lang) -> str:
    return "Rp" + format_number(value, lang, places=2)


# --------------------------------------------------------------------------------------------
# Levels, outcomes and enum words
# --------------------------------------------------------------------------------------------


def level_name(level: Milestone | None, lang: Lang) -> str:
    """The name of a level: ``M1`` … ``M4``, or the word for "none"."""
    return level.value if level is not None else render("report_level_none", lang)


def level_key_name(key: str, lang: Lang) -> str:
    """The name of a key of :attr:`BatchSummary.levels` (``none``, ``M1`` … ``M4``)."""
    return level_name(Milestone(key) if key != "none" else None, lang)


def outcome_word(outcome: Outcome, lang: Lang) -> str:
    """The word for *outcome* in *lang*."""
    return render(f"report_outcome_{outcome.value}", lang)


def enum_word(prefix: str, value: str, lang: Lang) -> str:
    """The catalogue's word for an enum *value* (``{prefix}_{value}``); the value when absent."""
    code = f"{prefix}_{value}"
    return render(code, lang) if code in CATALOGUE else value


def status_word(status: str, lang: Lang) -> str:
    """The word for a rulebook status (``reconstructed`` …) in *lang*."""
    return enum_word("report_status", status, lang)


def milestone_title(ident: Milestone | str, lang: Lang) -> str:
    """The title of a milestone (*Komitmen kepala daerah* …) in *lang*."""
    return enum_word("report_milestone", str(ident), lang)


# --------------------------------------------------------------------------------------------
# Criteria and milestones
# --------------------------------------------------------------------------------------------


def criterion_message(result: CriterionResult, lang: Lang) -> str:
    """What a criterion requires, in *lang*; its id when it carries no message."""
    return result.message.get(lang) if result.message is not None else result.id


def gap_text(result: CriterionResult, lang: Lang) -> str:
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
        text = render(
            "report_gap_raise" if gap.amount > 0 else "report_gap_lower",
            lang,
            # The distance between two percentages is in percentage points.
            amount=value_text(abs(gap.amount), "pp" if result.unit == "%" else result.unit, lang),
            observed=value_text(result.observed, result.unit, lang),
            threshold=value_text(result.threshold, result.unit, lang),
        )
    else:
        text = gap.text.get(lang)
    extra = []
    if "rupiah" in gap.also:
        extra.append(render("report_gap_rupiah", lang, amount=_rupiah(gap.also["rupiah"], lang)))
    if "households" in gap.also:
        extra.append(
            render("report_gap_households", lang, count=format_number(gap.also["households"], lang))
        )
    return "; ".join([text, *extra])


def notes_of(result: CriterionResult, lang: Lang) -> list[str]:
    """The notes of a result and of its inner results, once each, in *lang*."""
    seen = dict.fromkeys(note.get(lang) for r in result.walk() for note in r.notes)
    return list(seen)


def milestone_head(result: MilestoneResult, lang: Lang) -> str:
    """``M2 Penetapan kebijakan: lulus``, with the fiscal year when the milestone has one."""
    head = f"{result.id} {milestone_title(result.id, lang)}: {outcome_word(result.outcome, lang)}"
    if result.fiscal_year is not None:
        head += " " + render("report_fiscal_year", lang, year=result.fiscal_year)
    return head


# --------------------------------------------------------------------------------------------
# A decision's header lines
# --------------------------------------------------------------------------------------------


def levels_line(decision: Decision, lang: Lang) -> str:
    """The certain and the possible level of *decision*."""
    return render(
        "report_levels",
        lang,
        certain=level_name(decision.certain_level, lang),
        possible=level_name(decision.possible_level, lang),
    )


def m4_year_text(decision: Decision, lang: Lang) -> str:
    """Say "M4 year *n*", the range it lies in, or that the history does not tell."""
    stage = decision.m4
    if stage.year is not None:
        return render("report_m4_year", lang, year=stage.year)
    span = stage.year_range
    if span is None:
        return ""
    low, high = span
    if high is None:
        return render("report_m4_year_at_least", lang, year=low)
    return render("report_m4_year_between", lang, low=low, high=high)


def programme_line(decision: Decision, lang: Lang) -> str:
    """Fiscal year assessed, "M4 year *n*" and assistance, from the district's history."""
    parts = [render("report_fiscal_year_assessed", lang, year=decision.fiscal_year)]
    m4 = m4_year_text(decision, lang)
    if m4:
        parts.append(m4)
    parts.append(enum_word("report_assistance", decision.m4.assistance.value, lang))
    return " · ".join(parts)


def rulebook_line(decision: Decision, lang: Lang) -> str:
    """The rulebook that decided: id, version and status."""
    info = decision.rulebook
    return render(
        "report_rulebook",
        lang,
        id=info.id,
        version=info.version,
        status=status_word(info.status.value, lang),
    )


def target_head(target: NationalTarget, lang: Lang) -> str:
    """A national target: indicator, area, the value to reach and the year."""
    return render(
        "report_target",
        lang,
        indicator=enum_word("report_indicator", target.indicator.value, lang),
        area=enum_word("report_area", target.area.value, lang),
        cmp="≥" if target.indicator.higher_is_better else "≤",
        value=value_text(target.value, "%", lang),
        year=target.year,
    )


def target_line(distance: TargetDistance, lang: Lang) -> str:
    """A national target and how far the district is from it."""
    head = target_head(distance.target, lang)
    if distance.observed is None:
        status = render("report_target_unknown", lang)
    elif distance.met:
        status = render(
            "report_target_met",
            lang,
            observed=value_text(distance.observed, "%", lang),
            year=distance.observed_year,
        )
    else:
        status = render(
            "report_target_gap",
            lang,
            observed=value_text(distance.observed, "%", lang),
            year=distance.observed_year,
            gap=value_text(distance.gap_pp or 0, "pp", lang),
        )
        if distance.gap_households is not None:
            status += "; " + render(
                "report_gap_households", lang, count=format_number(distance.gap_households, lang)
            )
    return f"{head}: {status}"


# --------------------------------------------------------------------------------------------
# Batches, references and sources
# --------------------------------------------------------------------------------------------


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


def reference_parts(reference: Reference | None, lang: Lang) -> list[str]:
    """A criterion's or threshold's reference: basis, assumption, sources, regulation, link."""
    if reference is None:
        return []
    parts = [render("report_reference_basis", lang, basis=reference.basis.get(lang))]
    if reference.assumption is not None:
        parts.append(
            render("report_reference_assumption", lang, why=reference.assumption.get(lang))
        )
    parts.extend(
        render("report_reference_source", lang, source=source_text(s, lang))
        for s in reference.sources
    )
    if reference.regulation:
        parts.append(render("report_reference_regulation", lang, regulation=reference.regulation))
    if reference.clause:
        parts.append(render("report_reference_clause", lang, clause=reference.clause))
    if reference.url:
        parts.append(reference.url)
    return parts
