"""Helpers shared by the rule-path tests (generated code, shared explanations)."""

from collections.abc import Callable
from typing import Any

from sanitasi_core.exceptions import SanitasiError
from sanitasi_core.rules import (
    AbsentNode,
    AllNode,
    AnyNode,
    AspectsNode,
    AtLeastNode,
    CompareNode,
    Node,
    NotNode,
    PresentNode,
    RefNode,
    Rulebook,
    expand_aspects,
)

Attempt = tuple[Any, ...]


def attempt(run: Callable[[], object]) -> Attempt:
    """``("ok", value)``, or ``("error", type, message)``: errors compare like values."""
    try:
        return ("ok", run())
    except SanitasiError as error:
        return ("error", type(error), str(error))


def top_keys(book: Rulebook) -> list[tuple[str, dict[str, str]]]:
    """The indicators the criteria read on the dossier's own facts (not inside ``some``)."""
    definitions = {d.id: d for d in book.definitions}
    found: list[tuple[str, dict[str, str]]] = []

    def walk(node: Node) -> None:
        match node:
            case AllNode() | AnyNode() | AtLeastNode():
                for item in node.of:
                    walk(item)
            case NotNode():
                walk(node.of)
            case RefNode():
                walk(definitions[node.criterion].test)
            case AspectsNode():
                assert book.aspects is not None
                walk(expand_aspects(node, book.aspects))
            case CompareNode():
                found.append((node.indicator, dict(node.args)))
            case PresentNode() | AbsentNode():
                found.append((node.fact, dict(node.args)))
            case _:  # some, count: read on the dossier
                pass

    for milestone in book.milestones:
        for crit in milestone.criteria:
            walk(crit.test)
    return found
