"""What it takes to pass: the gaps of failing and unknown criteria, in words and numbers.

Explanation only: nothing here decides an outcome (:mod:`~sanitasi_core.rules._logic` does).
Every sentence comes from the message catalogue; numbers are written the way each language
writes them.
"""

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Final

from sanitasi_core._format import format_number
from sanitasi_core._messages import CATALOGUE, text
from sanitasi_core._text import Text
from sanitasi_core.indicators import IndicatorSpec, MissingInput, Observation
from sanitasi_core.indicators._core import wide
from sanitasi_core.indicators._seen import Seen
from sanitasi_core.rules._logic import Cmp, Outcome
from sanitasi_core.rules.language import RecordSet
from sanitasi_core.rules.results import CriterionResult, Gap

__all__: list[str] = []

_OPEN = (Outcome.FAIL, Outcome.UNKNOWN)
NOTHING = Text(id="", en="")
"""An empty part of a message (no "and n more", no suggestion)."""


def numeric_gap(observed: Decimal, cmp: Cmp, limit: Decimal, quantum: Decimal) -> Decimal:
    """The smallest change (signed) that makes ``observed cmp limit`` hold, in quanta.

    Computed in :func:`~sanitasi_core.indicators._core.wide`: exact for every value a dossier
    admits (the default context keeps only 28 digits).
    """
    with wide():
        if cmp is Cmp.GT:
            return limit - observed + quantum
        if cmp is Cmp.LT:
            return limit - observed - quantum
        if cmp is Cmp.NE:
            return quantum  # any step away
        return limit - observed


def provide(missing: Iterable[MissingInput]) -> tuple[str, ...]:
    """The keys of the inputs to provide, each once, in order."""
    return tuple(dict.fromkeys(m.key for m in missing))


def unknown_gap(missing: Sequence[MissingInput]) -> Gap:
    """Provide the first missing input (and say how many more)."""
    first = missing[0].text if missing else text("gap_data")
    more = text("gap_provide_more", n=len(missing) - 1) if len(missing) > 1 else NOTHING
    return Gap(text=text("gap_provide", first=first, more=more), provide=provide(missing))


def unit_words(unit: str) -> Text:
    """The unit of a distance in words (a distance between percentages is in points)."""
    found = _UNIT_WORDS.get(unit)
    if found is None:
        code = f"unit_gap_{unit}"
        found = text(code) if code in CATALOGUE else Text(id=unit, en=unit)
        _remember(_UNIT_WORDS, unit, found)
    return found


def number_words(value: Decimal) -> Text:
    """*value* written in both languages: :func:`~sanitasi_core._format.number_text`, cheaper.

    Bahasa Indonesia swaps the English separators (``1,250.5`` is ``1.250,5``), so the number
    is written once; the last few written are remembered by their exact digits.
    """
    digits = str(value)  # exact: Decimal("1.0") and Decimal("1") are written differently
    found = _NUMBERS.get(digits)
    if found is None:
        en = format_number(value, "en")
        found = Text(id=en.translate(_SWAP_SEPARATORS), en=en)
        _remember(_NUMBERS, digits, found)
    return found


_SWAP_SEPARATORS: Final = str.maketrans(",.", ".,")
_CACHED: Final = 512
# Pure functions of their key, remembered process-wide (bounded; emptied when full): a lost
# insert between threads only costs time.
_NUMBERS: Final[dict[str, Text]] = {}
_UNIT_WORDS: Final[dict[str, Text]] = {}


def _remember(cache: dict[str, Text], key: str, value: Text) -> None:
    if len(cache) >= _CACHED:
        cache.clear()
    cache[key] = value


def numeric_gap_text(
    spec: IndicatorSpec,
    value: Decimal,
    limit: Decimal,
    amount: Decimal,
    obs: Observation,
    cmp: Cmp,
) -> Gap:
    """The gap of a failing comparison, in the indicator's unit and, where known, others."""
    code = "gap_raise" if amount > 0 else "gap_lower"
    also = {}
    if spec.also is not None and amount > 0:
        also = dict(spec.also(obs, amount, limit, cmp is Cmp.GT))
    return Gap(
        text=text(
            code,
            size=number_words(abs(amount)),
            unit=unit_words(spec.unit),
            value=number_words(value),
            limit=number_words(limit),
        ),
        amount=amount,
        unit=spec.unit,
        also=also,
    )


def count_label(records: RecordSet) -> Text:
    """``number of commitments``: the default label of a ``count`` node."""
    return text("label_count", records=text(f"records_{records.value}"))


def count_gap(need: int, label: Text) -> Gap:
    """The gap of a failing ``count``: so many more records, or too many."""
    if need > 0:
        return Gap(
            text=text("gap_more_records", need=need, label=label),
            more=need,
            amount=Decimal(need),
            unit="records",
        )
    return Gap(text=text("gap_too_many", label=label), amount=Decimal(need), unit="records")


def cost(result: CriterionResult) -> tuple[int, Decimal]:
    """A rough cost of making *result* pass: failing leaves first, then numeric distance."""
    leaves: list[CriterionResult] = []
    _open_leaves(result, leaves)
    amounts = [r.gap.amount for r in leaves if r.gap and r.gap.amount is not None]
    if not amounts:
        return (len(leaves), Decimal(0))
    with wide():  # exact: the gaps may carry every digit of a dossier amount
        distance = sum((abs(amount) for amount in amounts), Decimal(0))
    return (len(leaves), distance)


def _open_leaves(result: CriterionResult, into: list[CriterionResult]) -> None:
    """Append the failing and unknown leaves under *result* (a plain walk: no generators)."""
    if result.children:
        for child in result.children:
            _open_leaves(child, into)
    elif result.outcome in _OPEN:
        into.append(result)


def _name(result: CriterionResult) -> Text:
    return result.message or Text(id=result.id, en=result.id)


def _names(results: Iterable[CriterionResult]) -> Text:
    names = [_name(r) for r in results]
    return Text(id=", ".join(n.id for n in names), en=", ".join(n.en for n in names))


def group_gap(op: str, k: int | None, children: Sequence[CriterionResult]) -> Gap:
    """The gap of a failing or unknown ``all``, ``any`` or ``at_least``."""
    ranked = sorted((c for c in children if c.outcome in _OPEN), key=cost)
    inputs = provide(m for c in ranked for m in c.missing)
    if op == "any":
        if not ranked:
            return Gap(text=text("gap_no_branch"), provide=inputs)
        best = ranked[0]
        return Gap(text=text("gap_cheapest", label=_name(best)), options=(best.id,), provide=inputs)
    if op == "at_least":
        passes = sum(1 for c in children if c.outcome is Outcome.PASS)
        need = max((k or 0) - passes, 0)
        return Gap(
            text=text("gap_more_of", need=need, names=_names(ranked)),
            more=need,
            options=tuple(c.id for c in ranked),
            provide=inputs,
        )
    return Gap(
        text=text("gap_still_open", names=_names(ranked)),
        options=tuple(c.id for c in ranked),
        provide=inputs,
    )


def chosen_item(children: Sequence[CriterionResult]) -> CriterionResult | None:
    """The item that qualified, or else the one closest to qualifying (fewest open leaves)."""
    passing = [c for c in children if c.outcome is Outcome.PASS]
    if passing:
        return passing[0]
    open_ = [c for c in children if c.outcome in _OPEN]
    return min(open_, key=cost) if open_ else None


def some_gap(chosen: CriterionResult | None, children: Sequence[CriterionResult]) -> Gap:
    """The gap of a ``some`` that no item meets: the closest item and what it lacks."""
    if chosen is None:
        return Gap(text=text("gap_no_model"), more=1)
    inner = chosen.gap.text if chosen.gap is not None else text("gap_unknown")
    ranked = sorted((c for c in children if c.outcome in _OPEN), key=cost)
    return Gap(
        text=text("gap_closest_model", model=_name(chosen), gap=inner),
        options=tuple(c.subject or c.id for c in ranked),
        provide=provide(m for c in ranked for m in c.missing),
    )


def outside_set(seen: Seen, year: int, counted: frozenset[str], set_id: str) -> tuple[Text, ...]:
    """Name each assessed aspect the rulebook's set does not count (reported, not dropped)."""
    found: dict[str, str] = {}
    for item in seen.service_models or ():
        for j, a in enumerate(item.record.assessments or ()):
            if a.assessed_on.year == year and a.aspect not in counted:
                found.setdefault(a.aspect, f"service_models[{item.index}].assessments[{j}]")
    return tuple(
        text("note_aspect_outside_set", aspect=aspect, path=path, set=set_id)
        for aspect, path in sorted(found.items())
    )
