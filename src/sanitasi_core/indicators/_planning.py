"""Indicators of planning and commitment (M1-M2): designation, Pokja, documents, commitments."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Final

from dateutil.relativedelta import relativedelta

from sanitasi_core._messages import text
from sanitasi_core._text import Text
from sanitasi_core.indicators._core import (
    ABSENT,
    FALSE,
    TRUE,
    YEAR,
    Direction,
    MissingInput,
    Observation,
    ValueType,
    flag,
    indicator,
    missing,
    more_records,
    unknown,
)
from sanitasi_core.model import (
    Commitment,
    CommitmentSubject,
    DocumentKind,
    InstrumentKind,
    SignatoryRole,
)

if TYPE_CHECKING:
    from sanitasi_core.indicators._facts import Facts

_POLICY_INSTRUMENTS: Final = frozenset(
    {
        InstrumentKind.PERDA,
        InstrumentKind.PERBUP,
        InstrumentKind.PERWALI,
        InstrumentKind.SK,
        InstrumentKind.SE,
        InstrumentKind.INSTRUKSI,
    }
)


@indicator(
    "designated",
    type=ValueType.BOOLEAN,
    unit="",
    description=text("indicator_designated"),
    derivation=text("indicator_designated_derivation"),
)
def designated(f: Facts, _: Mapping[str, str]) -> Observation:
    items = f.seen.designations
    if items is None:
        return unknown(
            missing(
                "designations",
                "missing_designation_decree_kepmendagri",
            )
        )
    undecided = []
    for item in items:
        if item.dated:
            return TRUE
        undecided.append(
            missing(
                f"designations[{item.index}].decree.date",
                "missing_date_of_the_designation_decree",
            )
        )
    return flag(False, undecided, more=more_records(f, "designations"))


@indicator(
    "working_group_formed",
    type=ValueType.BOOLEAN,
    unit="",
    description=text("indicator_working_group_formed"),
    derivation=text("indicator_working_group_formed_derivation"),
)
def working_group_formed(f: Facts, _: Mapping[str, str]) -> Observation:
    group = f.seen.working_group
    if group is None:
        return unknown(missing("working_group", "missing_working_group_pokja"))
    if f.seen.working_group_decree_later:
        return FALSE
    if group.decree is None:
        return unknown(
            missing(
                "working_group.decree",
                "missing_decree_forming_the_working_group",
            )
        )
    if group.decree.date is None:
        return unknown(
            missing(
                "working_group.decree.date",
                "missing_date_of_the_decree_forming_the",
            )
        )
    return TRUE


@indicator(
    "ssk_covers_year",
    type=ValueType.BOOLEAN,
    unit="",
    description=text("indicator_ssk_covers_year"),
    derivation=text("indicator_ssk_covers_year_derivation"),
    params=(YEAR,),
)
def ssk_covers_year(f: Facts, args: Mapping[str, str]) -> Observation:
    docs = f.seen.documents
    if docs is None:
        return unknown(missing("documents", "missing_planning_documents"))
    year = f.year_of(args)
    undecided = []
    for item in docs:
        doc = item.record
        if doc.kind is not DocumentKind.SSK:
            continue
        covers = doc.covers_year(year)
        if covers and item.dated:
            return TRUE
        if covers is None:
            undecided.append(
                missing(f"documents[{item.index}].period_start", "missing_period_of_the_ssk")
            )
        elif covers:
            undecided.append(_undated_document(item.index))
    return flag(False, undecided, more=more_records(f, "documents"))


def _undated_document(index: int) -> MissingInput:
    return missing(
        f"documents[{index}].adopted_on",
        "missing_date_the_document_was_adopted",
    )


def _has_document(
    kinds: frozenset[DocumentKind],
) -> Callable[[Facts, Mapping[str, str]], Observation]:
    def derive(f: Facts, _: Mapping[str, str]) -> Observation:
        docs = f.seen.documents
        if docs is None:
            return unknown(missing("documents", "missing_planning_documents"))
        undecided: list[MissingInput] = []
        for item in docs:
            if item.record.kind not in kinds:
                continue
            if item.dated:
                return TRUE
            undecided.append(_undated_document(item.index))
        return flag(False, undecided, more=more_records(f, "documents"))

    return derive


sanitation_profile = indicator(
    "sanitation_profile",
    type=ValueType.BOOLEAN,
    unit="",
    description=text("indicator_sanitation_profile"),
    derivation=text("indicator_sanitation_profile_derivation"),
)(
    _has_document(
        frozenset({DocumentKind.SANITATION_PROFILE, DocumentKind.BUKU_PUTIH, DocumentKind.LSS})
    )
)


advocacy_material = indicator(
    "advocacy_material",
    type=ValueType.BOOLEAN,
    unit="",
    description=text("indicator_advocacy_material"),
    derivation=text("indicator_advocacy_material_derivation"),
)(_has_document(frozenset({DocumentKind.ADVOCACY_MATERIAL})))


policy_package_drafted = indicator(
    "policy_package_drafted",
    type=ValueType.BOOLEAN,
    unit="",
    description=text("indicator_policy_package_drafted"),
    derivation=text("indicator_policy_package_drafted_derivation"),
)(_has_document(frozenset({DocumentKind.POLICY_PACKAGE_DRAFT, DocumentKind.POLICY_PACKAGE})))


@indicator(
    "policy_adopted",
    type=ValueType.BOOLEAN,
    unit="",
    description=text("indicator_policy_adopted"),
    derivation=text("indicator_policy_adopted_derivation"),
)
def policy_adopted(f: Facts, _: Mapping[str, str]) -> Observation:
    docs = f.seen.documents
    if docs is None:
        return unknown(missing("documents", "missing_planning_documents"))
    undecided = []
    for item in docs:
        i, doc = item.index, item.record
        if doc.kind is not DocumentKind.POLICY_PACKAGE or i in f.seen.later_instruments:
            continue
        if doc.instrument is None:
            undecided.append(
                missing(
                    f"documents[{i}].instrument",
                    "missing_legal_instrument_adopting_the_policy_package",
                )
            )
            continue
        if doc.instrument.kind not in _POLICY_INSTRUMENTS:
            continue
        if doc.instrument.date is not None:
            return TRUE
        undecided.append(
            missing(
                f"documents[{i}].instrument.date",
                "missing_date_of_the_instrument_adopting_the",
            )
        )
    return flag(False, undecided, more=more_records(f, "documents"))


def _commitment(in_year: bool) -> Callable[[Facts, Mapping[str, str]], Observation]:
    def derive(f: Facts, args: Mapping[str, str]) -> Observation:
        items = f.seen.commitments
        if items is None:
            return unknown(missing("commitments", "missing_signed_commitments"))
        year = f.year_of(args)
        found = any(
            c.record.office.is_regional_head
            and (not in_year or year in {c.record.signed_on.year, c.record.year})
            for c in items
        )
        return flag(found, [], more=more_records(f, "commitments"))

    return derive


regional_head_commitment = indicator(
    "regional_head_commitment",
    type=ValueType.BOOLEAN,
    unit="",
    description=text("indicator_regional_head_commitment"),
    derivation=text("indicator_regional_head_commitment_derivation"),
)(_commitment(in_year=False))


regional_head_commitment_in_year = indicator(
    "regional_head_commitment_in_year",
    type=ValueType.BOOLEAN,
    unit="",
    description=text("indicator_regional_head_commitment_in_year"),
    derivation=text("indicator_regional_head_commitment_in_year_derivation"),
    params=(YEAR,),
)(_commitment(in_year=True))


def _signed_for_head(
    index: int, c: Commitment
) -> tuple[bool | None, MissingInput | None, Text | None]:
    """Whether commitment *c* was signed for the regional head, and what to say about it."""
    role = c.signatory_role
    if role is None:
        return (
            None,
            missing(
                f"commitments[{index}].role",
                "missing_capacity_the_commitment_was_signed_in",
            ),
            None,
        )
    if not role.for_regional_head:
        return False, None, None
    note = None
    if role in (SignatoryRole.DELEGATE, SignatoryRole.ACTING_HEAD):
        note = text(
            "note_signed_by",
            index=index,
            role=text(f"role_{role.value}"),
            office=c.office.value,
            day=c.signed_on.isoformat(),
        )
    return True, None, note


def _subjectmissing(index: int) -> MissingInput:
    return missing(
        f"commitments[{index}].subject",
        "missing_what_the_commitment_commits_to_the",
    )


@indicator(
    "policy_commitment",
    type=ValueType.BOOLEAN,
    unit="",
    description=text("indicator_policy_commitment"),
    derivation=text("indicator_policy_commitment_derivation"),
)
def policy_commitment(f: Facts, _: Mapping[str, str]) -> Observation:
    """The commitment in force (the latest) to the policy package, signed for the regional head."""
    items = f.seen.commitments
    if items is None:
        return unknown(missing("commitments", "missing_signed_commitments"))
    relevant = [c for c in items if c.record.subject in (CommitmentSubject.POLICY_PACKAGE, None)]
    if not relevant:
        return flag(False, [], more=more_records(f, "commitments"))
    latest_day = max(c.record.signed_on for c in relevant)
    latest = [c for c in relevant if c.record.signed_on == latest_day]
    undecided: list[MissingInput] = []
    notes: list[Text] = []
    found = False
    for c in latest:
        if c.record.subject is None:
            undecided.append(_subjectmissing(c.index))
            continue
        ok, why, note = _signed_for_head(c.index, c.record)
        if ok:
            found = True
            notes.extend([note] if note else [])
        elif why is not None:
            undecided.append(why)
    # A later commitment missing from an incomplete list could be the one in force.
    return flag(found, undecided, notes, more=None if found else more_records(f, "commitments"))


@indicator(
    "service_commitment_in_year",
    type=ValueType.BOOLEAN,
    unit="",
    description=text("indicator_service_commitment_in_year"),
    derivation=text("indicator_service_commitment_in_year_derivation"),
    params=(YEAR,),
)
def service_commitment_in_year(f: Facts, args: Mapping[str, str]) -> Observation:
    """A commitment to the year's services, signed in or for the year, for the regional head."""
    items = f.seen.commitments
    if items is None:
        return unknown(missing("commitments", "missing_signed_commitments"))
    year = f.year_of(args)
    undecided: list[MissingInput] = []
    notes: list[Text] = []
    found = False
    for item in items:
        c = item.record
        if year not in {c.signed_on.year, c.year}:
            continue
        if c.subject is None:
            undecided.append(_subjectmissing(item.index))
            continue
        if c.subject is not CommitmentSubject.SERVICE:
            continue
        ok, why, note = _signed_for_head(item.index, c)
        if ok:
            found = True
            notes.extend([note] if note else [])
        elif why is not None:
            undecided.append(why)
    return flag(found, undecided, notes, more=more_records(f, "commitments"))


@indicator(
    "months_since_commitment",
    type=ValueType.COUNT,
    unit="months",
    description=text("indicator_months_since_commitment"),
    derivation=text("indicator_months_since_commitment_derivation"),
    direction=Direction.LOWER,
    quantum="1",
)
def months_since_commitment(f: Facts, _: Mapping[str, str]) -> Observation:
    items = f.seen.commitments
    if items is None:
        return unknown(missing("commitments", "missing_signed_commitments"))
    dates = [c.record.signed_on for c in items if c.record.office.is_regional_head]
    more = more_records(f, "commitments")
    if more is not None:
        return unknown(more)  # a later commitment may be missing from the list
    if not dates:
        return ABSENT
    delta = relativedelta(f.as_of, max(dates))
    return Observation(value=delta.years * 12 + delta.months)
