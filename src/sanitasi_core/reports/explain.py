"""Explanations of one milestone: every criterion and inner condition, as text, Markdown or data.

A decision's results carry no criterion tree; given the rulebook that decided, each result is
matched back to its node, so an explanation can show operators, threshold sources and their
basis. Without the rulebook it still shows outcomes, values and gaps.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

import attrs

from sanitasi_core._messages import render
from sanitasi_core._text import Lang, Text
from sanitasi_core.model import Milestone, Source
from sanitasi_core.reports._words import (
    CMP_SIGNS,
    MARKS,
    criterion_message,
    format_day,
    gap_text,
    levels_line,
    milestone_head,
    milestone_title,
    outcome_word,
    reference_parts,
    rulebook_line,
    value_text,
    visible,
)
from sanitasi_core.reports.markdown import code, escape, table
from sanitasi_core.rules import (
    AllNode,
    AnyNode,
    AspectSet,
    AspectsNode,
    AtLeastNode,
    CompareNode,
    CountNode,
    CriterionResult,
    Decision,
    MilestoneResult,
    Node,
    NotNode,
    Reference,
    RefNode,
    Rulebook,
    SomeNode,
    Threshold,
    expand_aspects,
)

__all__ = ["EXPLANATION_SCHEMA", "explain_dict", "explain_markdown", "explain_text"]

EXPLANATION_SCHEMA: Final = "sanitasi.explanation/v1"
"""The ``schema`` field of :func:`explain_dict`."""


# --------------------------------------------------------------------------------------------
# Results matched to their nodes
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
        return CMP_SIGNS[node.cmp.value]
    return None


def _threshold_of(result: CriterionResult, rulebook: Rulebook | None) -> Threshold | None:
    if rulebook is None or result.threshold_source is None:
        return None
    ident = result.threshold_source.id
    return next((t for t in rulebook.thresholds if t.id == ident), None)


def _threshold_text(item: _Explained, lang: Lang) -> str:
    result = item.result
    if result.threshold is None:
        return ""
    cmp = _cmp_of(item.node)
    shown = value_text(result.threshold, result.unit, lang)
    return f"{cmp} {shown}" if cmp else shown


def _source_text(result: CriterionResult, rulebook: Rulebook | None, lang: Lang) -> str:
    if result.threshold is None:
        return ""
    source = result.threshold_source
    if source is None:
        return render("report_threshold_constant", lang)
    text = render(
        "report_threshold_source", lang, id=source.id, since=format_day(source.since, lang)
    )
    threshold = _threshold_of(result, rulebook)
    if threshold is not None:
        text += f": {threshold.description.get(lang)}"
    return text


def _head(decision: Decision, result: MilestoneResult, lang: Lang) -> tuple[str, list[str]]:
    title = render(
        "report_explain_title",
        lang,
        milestone=result.id.value,
        name=milestone_title(result.id, lang),
        region=decision.region.name,
        code=decision.region.code,
    )
    lines = [
        render("report_as_of", lang, date=format_day(decision.as_of, lang)),
        rulebook_line(decision, lang),
        levels_line(decision, lang),
        f"{MARKS[result.outcome]} {milestone_head(result, lang)}",
    ]
    return title, lines


# --------------------------------------------------------------------------------------------
# Text and Markdown
# --------------------------------------------------------------------------------------------


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
        KeyError: if the decision has no such milestone.
    """
    result, items = _explained(decision, milestone, rulebook)
    title, head = _head(decision, result, lang)
    lines = [title, *head]
    for depth, item in _walk(items):
        r = item.result
        pad = "    " * depth
        if depth == 0:
            lines.append("")
        lines.append(f"{pad}{MARKS[r.outcome]} {r.id}: {criterion_message(r, lang)}")
        pad += "    "
        lines.append(f"{pad}{render('report_col_outcome', lang)}: {outcome_word(r.outcome, lang)}")
        if r.defaulted:
            lines.append(f"{pad}({render('report_defaulted', lang)})")
        if isinstance(item.node, AtLeastNode):
            at_least = render("report_at_least", lang, k=item.node.k, n=len(r.children))
            lines.append(f"{pad}{at_least}")
        observed = value_text(r.observed, r.unit, lang)
        if observed or r.op in ("compare", "present", "absent", "count"):
            lines.append(
                f"{pad}{render('report_col_observed', lang)}: "
                f"{observed or render('report_unknown_value', lang)}"
            )
        threshold = _threshold_text(item, lang)
        if threshold:
            lines.append(f"{pad}{render('report_col_threshold', lang)}: {threshold}")
            lines.append(
                f"{pad}{render('report_col_threshold_source', lang)}: "
                f"{_source_text(r, rulebook, lang)}"
            )
            limit = _threshold_of(r, rulebook)
            if limit is not None:
                lines.extend(f"{pad}  {p}" for p in reference_parts(limit.reference, lang))
        gap = gap_text(r, lang)
        if gap:
            lines.append(f"{pad}{render('report_col_gap', lang)}: {gap}")
        lines.extend(f"{pad}{part}" for part in reference_parts(r.reference, lang))
    return "\n".join(visible(line) for line in lines)


def explain_markdown(
    decision: Decision,
    milestone: Milestone | str,
    lang: Lang = "id",
    *,
    rulebook: Rulebook | None = None,
) -> str:
    """Explain one milestone of *decision* as Markdown: a table of every node, then references.

    Args:
        decision: the decision.
        milestone: ``M1`` … ``M4``.
        lang: ``id`` or ``en``.
        rulebook: the rulebook that decided, for operators, threshold sources and their basis.

    Raises:
        KeyError: if the decision has no such milestone.
    """
    result, items = _explained(decision, milestone, rulebook)
    title, head = _head(decision, result, lang)
    lines = [f"# {escape(title)}", ""]
    lines.extend(f"- {escape(line)}" for line in head)
    lines.append("")
    header = [
        "",
        render("report_col_criterion", lang),
        render("report_col_outcome", lang),
        render("report_col_observed", lang),
        render("report_col_threshold", lang),
        render("report_col_threshold_source", lang),
        render("report_col_gap", lang),
    ]
    rows = []
    references: list[str] = []
    for depth, item in _walk(items):
        r = item.result
        indent = "↳ " * depth
        message_text = criterion_message(r, lang)
        if isinstance(item.node, AtLeastNode):
            at_least = render("report_at_least", lang, k=item.node.k, n=len(r.children))
            message_text += f" ({at_least})"
        if r.defaulted:
            message_text += f" ({render('report_defaulted', lang)})"
        rows.append(
            [
                MARKS[r.outcome],
                f"{indent}{code(r.id, cell=True)} {escape(message_text)}",
                escape(outcome_word(r.outcome, lang)),
                escape(value_text(r.observed, r.unit, lang)),
                escape(_threshold_text(item, lang)),
                escape(_source_text(r, rulebook, lang)),
                escape(gap_text(r, lang)),
            ]
        )
        parts = reference_parts(r.reference, lang)
        if parts:
            references.append(f"- {code(r.id)}: " + "; ".join(escape(p) for p in parts))
        limit = _threshold_of(r, rulebook)
        if limit is not None:
            entry = f"- {code(limit.id)}: " + "; ".join(
                escape(p) for p in reference_parts(limit.reference, lang)
            )
            if entry not in references:
                references.append(entry)
    lines += table(header, rows)
    if references:
        heading = escape(render("report_references_head", lang))
        lines += ["", f"## {heading}", "", *references]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------------


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
    # Observed values are written as decision documents write them; the format's converter
    # (and cattrs) loads only when JSON is asked for.
    from sanitasi_core.serialization import observed_to_dict  # noqa: PLC0415

    r = item.result
    source: dict[str, Any] | None = None
    if r.threshold_source is not None:
        limit = _threshold_of(r, rulebook)
        source = {
            "id": r.threshold_source.id,
            "since": r.threshold_source.since.isoformat(),
            "description": _text_json(limit.description) if limit else None,
            "reference": _reference_json(limit.reference) if limit else None,
        }
    gap = r.gap
    return {
        "id": r.id,
        "op": r.op,
        "outcome": r.outcome.value,
        "message": _text_json(r.message),
        "observed": None if r.observed is None else observed_to_dict(r.observed),
        "cmp": item.node.cmp.value if isinstance(item.node, CompareNode | CountNode) else None,
        "k": item.node.k if isinstance(item.node, AtLeastNode) else None,
        "threshold": None if r.threshold is None else format(r.threshold, "f"),
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

    Args:
        decision: the decision.
        milestone: ``M1`` … ``M4``.
        rulebook: the rulebook that decided, for operators, threshold sources and their basis.

    Raises:
        KeyError: if the decision has no such milestone.
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
