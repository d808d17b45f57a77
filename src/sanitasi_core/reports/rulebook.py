"""A rulebook for people: its thresholds and criteria as text or a table; the indicators too."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from sanitasi_core._messages import render
from sanitasi_core._text import Lang
from sanitasi_core.indicators import CATALOGUE as INDICATORS
from sanitasi_core.indicators import catalogue_as_json
from sanitasi_core.reports._words import (
    CMP_SIGNS,
    enum_word,
    format_day,
    reference_parts,
    status_word,
    target_head,
    unit_word,
    value_text,
    visible,
)
from sanitasi_core.reports.markdown import code, escape, table
from sanitasi_core.rules import (
    AbsentNode,
    AllNode,
    AnyNode,
    AspectSet,
    AspectsNode,
    AtLeastNode,
    CompareNode,
    CountNode,
    Node,
    NotNode,
    PresentNode,
    RefNode,
    Rulebook,
    SomeNode,
    Threshold,
    expand_aspects,
)

__all__ = [
    "indicators_text",
    "rulebook_table_markdown",
    "rulebook_table_rows",
    "rulebook_text",
]


def _label(node: CompareNode | PresentNode | AbsentNode, lang: Lang) -> str:
    name = node.indicator if isinstance(node, CompareNode) else node.fact
    if node.label is not None:
        return node.label.get(lang)
    spec = INDICATORS.get(name)
    return spec.description.get(lang) if spec is not None else name


def _steps(threshold: Threshold, lang: Lang) -> str:
    return "; ".join(
        render(
            "report_threshold_step",
            lang,
            value=value_text(step.value, threshold.unit, lang),
            since=format_day(step.since, lang),
        )
        for step in threshold.steps
    )


# --------------------------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------------------------


def _node_lines(node: Node, rulebook: Rulebook, lang: Lang, depth: int) -> list[str]:
    pad = "  " * depth
    thresholds = {t.id: t for t in rulebook.thresholds}
    match node:
        case AllNode(of=items) | AnyNode(of=items) | AtLeastNode(of=items):
            if isinstance(node, AtLeastNode):
                head = render("report_node_at_least", lang, k=node.k)
            else:
                head = render(f"report_node_{'all' if isinstance(node, AllNode) else 'any'}", lang)
            if node.label is not None:
                head = f"{node.label.get(lang)} — {head}"
            lines = [pad + head]
            for item in items:
                lines += _node_lines(item, rulebook, lang, depth + 1)
            return lines
        case NotNode(of=item):
            return [
                pad + render("report_node_not", lang),
                *_node_lines(item, rulebook, lang, depth + 1),
            ]
        case RefNode(criterion=name):
            return [pad + render("report_node_ref", lang, name=name)]
        case SomeNode(test=test):
            return [
                pad + render("report_node_some", lang, over=node.over.value),
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
                shown = value_text(node.value or 0, unit, lang)
            return [
                f"{pad}{_label(node, lang)}: {node.indicator} {CMP_SIGNS[node.cmp.value]} {shown}"
            ]
        case PresentNode() | AbsentNode():
            code = "report_node_present" if isinstance(node, PresentNode) else "report_node_absent"
            return [pad + render(code, lang, what=_label(node, lang), name=node.fact)]
        case CountNode():
            label = node.label.get(lang) if node.label else node.records.value
            return [
                pad
                + render(
                    "report_node_count",
                    lang,
                    what=label,
                    records=node.records.value,
                    cmp=CMP_SIGNS[node.cmp.value],
                    value=node.value,
                )
            ]


def rulebook_text(rulebook: Rulebook, lang: Lang = "id") -> str:
    """Return *rulebook* as readable text: thresholds, criteria with their tests and bases."""
    validity = render(
        "report_validity",
        lang,
        start=format_day(rulebook.valid_from, lang),
        end=format_day(rulebook.valid_to, lang)
        if rulebook.valid_to
        else render("report_open_ended", lang),
    )
    lines = [
        f"{rulebook.id} {rulebook.version} — {rulebook.title.get(lang)}",
        f"{render('report_col_status', lang)}: {status_word(rulebook.status.value, lang)}"
        f" · {validity}",
    ]
    if rulebook.thresholds:
        lines += ["", render("report_thresholds_head", lang)]
        for limit in rulebook.thresholds:
            lines.append(f"  {limit.id}: {limit.description.get(lang)}")
            lines.append(f"    {_steps(limit, lang)}")
            lines.extend(f"    {p}" for p in reference_parts(limit.reference, lang))
    if rulebook.definitions:
        lines += ["", render("report_definitions_head", lang)]
        for crit in rulebook.definitions:
            lines.append(f"  {crit.id}: {rulebook.fill(crit.message).get(lang)}")
            lines += _node_lines(crit.test, rulebook, lang, 2)
    for rule in rulebook.milestones:
        lines += ["", f"{rule.id} — {rule.title.get(lang)}"]
        if rule.per_fiscal_year:
            lines.append(f"  ({render('report_per_fiscal_year', lang)})")
        for crit in rule.criteria:
            # The thresholds' values in the message (every step of each: no date is given).
            lines.append(f"  {crit.id}: {rulebook.fill(crit.message).get(lang)}")
            lines += _node_lines(crit.test, rulebook, lang, 2)
            lines.extend(f"    {p}" for p in reference_parts(crit.reference, lang))
    if rulebook.targets:
        lines += ["", render("report_targets_head", lang)]
        lines.extend(
            f"  {target_head(target, lang)} — {target.basis.get(lang)}"
            for target in rulebook.targets
        )
    return "\n".join(visible(line) for line in lines)


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------


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


def _condition(leaf: Node, thresholds: Mapping[str, Threshold], lang: Lang) -> tuple[str, str, str]:
    """The condition of a leaf, its threshold and the threshold's source."""
    condition, threshold, source = "", "", ""
    if isinstance(leaf, CompareNode):
        condition = _label(leaf, lang)
        sign = CMP_SIGNS[leaf.cmp.value]
        limit = thresholds.get(leaf.threshold) if leaf.threshold else None
        if limit is not None:
            threshold = f"{sign} {_steps(limit, lang)}"
            source = f"{limit.id}: " + "; ".join(reference_parts(limit.reference, lang))
        else:
            spec = INDICATORS.get(leaf.indicator)
            unit = spec.unit if spec else ""
            threshold = f"{sign} {value_text(leaf.value or 0, unit, lang)}"
            source = render("report_threshold_constant", lang)
    elif isinstance(leaf, CountNode):
        condition = leaf.label.get(lang) if leaf.label else leaf.records.value
        threshold = f"{CMP_SIGNS[leaf.cmp.value]} {value_text(leaf.value, 'records', lang)}"
        source = render("report_threshold_constant", lang)
    elif isinstance(leaf, PresentNode | AbsentNode):
        condition = _label(leaf, lang)
        threshold = render(
            "report_required_present"
            if isinstance(leaf, PresentNode)
            else "report_required_absent",
            lang,
        )
    return condition, threshold, source


def rulebook_table_rows(rulebook: Rulebook, lang: Lang = "id") -> list[list[str]]:
    """Return the criteria of *rulebook* as rows, header first: one row per condition.

    Columns: milestone, criterion, condition, threshold (operator, value, unit and the date
    each value applies from), threshold source, and the criterion's reference.
    """
    rows = [
        [
            render(code, lang)
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
            reference = "; ".join(reference_parts(crit.reference, lang))
            for leaf in _leaves(crit.test, definitions, rulebook.aspects):
                condition, threshold, source = _condition(leaf, thresholds, lang)
                rows.append([rule.id.value, crit.id, condition, threshold, source, reference])
    return rows


def rulebook_table_markdown(rulebook: Rulebook, lang: Lang = "id") -> str:
    """Return :func:`rulebook_table_rows` as a Markdown table under the rulebook's title."""
    rows = rulebook_table_rows(rulebook, lang)
    title = f"{rulebook.id} {rulebook.version} — {rulebook.title.get(lang)}"
    body = [
        [code(cell, cell=True) if index == 1 else escape(cell) for index, cell in enumerate(row)]
        for row in rows[1:]
    ]
    return "\n".join([f"# {escape(title)}", "", *table(rows[0], body)]) + "\n"


# --------------------------------------------------------------------------------------------
# Indicators
# --------------------------------------------------------------------------------------------


def indicators_text(lang: Lang = "id") -> str:
    """Return the indicator catalogue as readable text: name, type, unit, meaning, derivation."""
    lines = [render("report_indicators_title", lang, count=len(INDICATORS))]
    for spec in catalogue_as_json():
        unit = unit_word(str(spec["unit"]), lang)
        kind = enum_word("report_type", str(spec["type"]), lang)
        description = spec["description"]
        derivation = spec["derivation"]
        assert isinstance(description, dict)  # noqa: S101
        assert isinstance(derivation, dict)  # noqa: S101
        lines += ["", f"{spec['name']} ({kind}{', ' + unit if unit else ''})"]
        lines.append(f"  {description[lang]}")
        lines.append(f"  {render('report_derivation', lang)}: {derivation[lang]}")
        params = spec["params"]
        assert isinstance(params, list)  # noqa: S101
        for param in params:
            choices = ", ".join(param["choices"]) or "—"
            lines.append(
                "  "
                + render(
                    "report_param",
                    lang,
                    name=param["name"],
                    description=param["description"][lang],
                    choices=choices,
                    default=param["default"] or "—",
                )
            )
    return "\n".join(lines)
