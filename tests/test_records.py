"""Record filters of ``count`` nodes (``indicators._records``): windows, kinds and unknowns.

Each filter kind is pinned down with small hand-made dossiers, so that the counting rules do
not depend on what the property tests happen to generate.
"""

import datetime as dt
from decimal import Decimal

import pytest

from sanitasi_core.indicators import Facts
from sanitasi_core.indicators._records import FIELDS, count_records
from sanitasi_core.model import (
    Activity,
    DocumentKind,
    Dossier,
    Evaluation,
    EvaluationSubject,
    FundingGroup,
    MonitoringReport,
    PlanningDocument,
    Region,
)
from sanitasi_core.rules import RecordSet, Where, Window

AS_OF = dt.date(2024, 6, 30)
REGION = Region(code="64.11", name="Kabupaten Mahakam Ulu")


def _count(dossier: Dossier, records: RecordSet, *where: Where) -> tuple[int, int | None]:
    sure, upper, _ = count_records(Facts(dossier, AS_OF), records, where)
    return sure, upper


def _activity(year: int, realised: Decimal | None = None) -> Activity:
    return Activity(
        id=f"a{year}-{int(realised is not None)}",
        name="Pembangunan IPLT",
        fiscal_year=year,
        realised=realised,
    )


ACTIVITIES = Dossier(
    region=REGION,
    activities=(
        _activity(2022),
        _activity(2023, realised=Decimal(5)),
        _activity(2024, realised=Decimal(0)),
        _activity(2025),  # after the evaluation year: never seen
    ),
)


@pytest.mark.parametrize(
    ("window", "expected"),
    [
        (Window.AS_OF, 3),
        (Window.EVALUATION_YEAR, 1),
        (Window.PREVIOUS_YEAR, 1),
        (Window.LAST_12_MONTHS, 3),  # a year field: every year up to the evaluation year
    ],
)
def test_year_fields_are_filtered_by_window(window, expected):
    """A fiscal year lies in a window by its year alone."""
    where = Where(field="fiscal_year", within=window)
    assert _count(ACTIVITIES, RecordSet.ACTIVITIES, where) == (expected, expected)


EVALUATIONS = Dossier(
    region=REGION,
    evaluations=tuple(
        Evaluation(subject=EvaluationSubject.TRIAL, evaluated_on=day)
        for day in (
            dt.date(2023, 3, 1),  # previous year, more than 12 months before
            dt.date(2023, 8, 1),  # previous year, within 12 months
            dt.date(2024, 2, 1),  # evaluation year
            dt.date(2024, 9, 1),  # after the evaluation date: never seen
        )
    ),
)


@pytest.mark.parametrize(
    ("window", "expected"),
    [
        (Window.AS_OF, 3),
        (Window.EVALUATION_YEAR, 1),
        (Window.PREVIOUS_YEAR, 2),
        (Window.LAST_12_MONTHS, 2),
    ],
)
def test_date_fields_are_filtered_by_window(window, expected):
    """A date lies in a window by the day, never after the evaluation date."""
    where = Where(field="evaluated_on", within=window)
    assert _count(EVALUATIONS, RecordSet.EVALUATIONS, where) == (expected, expected)


def test_an_unknown_date_leaves_the_record_undecided():
    """A document without an adoption date may or may not count: the count is an interval."""
    dossier = Dossier(
        region=REGION,
        documents=(
            PlanningDocument(kind=DocumentKind.SSK, adopted_on=dt.date(2023, 5, 1)),
            PlanningDocument(kind=DocumentKind.SSK),
        ),
    )
    where = Where(field="adopted_on", within=Window.AS_OF)
    sure, upper, missing = count_records(Facts(dossier, AS_OF), RecordSet.DOCUMENTS, (where,))
    assert (sure, upper) == (1, 2)
    assert [m.key for m in missing] == ["documents[1]"]


def test_set_fields_match_every_wanted_value():
    """``covers`` holds when the report covers the group (``is``) or all groups listed (``in``)."""
    both = (FundingGroup.APBD, FundingGroup.NON_APBD)
    dossier = Dossier(
        region=REGION,
        monitoring_reports=(
            MonitoringReport(
                period_start=dt.date(2024, 1, 1),
                period_end=dt.date(2024, 3, 31),
                funding_groups=(FundingGroup.APBD,),
            ),
            MonitoringReport(
                period_start=dt.date(2024, 1, 1),
                period_end=dt.date(2024, 3, 31),
                funding_groups=both,
            ),
        ),
    )
    covers_apbd = Where(field="covers", equals="apbd")
    covers_both = Where(field="covers", one_of=tuple(g.value for g in both))
    assert _count(dossier, RecordSet.MONITORING_REPORTS, covers_apbd) == (2, 2)
    assert _count(dossier, RecordSet.MONITORING_REPORTS, covers_both) == (1, 1)


def test_yes_no_fields_compare_as_true_or_false_and_unknown_is_undecided():
    """``realised_positive`` is ``true``/``false``; an unknown amount makes the record undecided.

    Before its fiscal year ends, an activity's realised amount is not known yet (2024 on
    2024-06-30), whatever the dossier says later.
    """
    positive = Where(field="realised_positive", equals="true")
    assert _count(ACTIVITIES, RecordSet.ACTIVITIES, positive) == (1, 3)
    not_positive = Where(field="realised_positive", one_of=("false",))
    assert _count(ACTIVITIES, RecordSet.ACTIVITIES, not_positive) == (0, 2)
    year_end = count_records(
        Facts(ACTIVITIES, dt.date(2024, 12, 31)), RecordSet.ACTIVITIES, (not_positive,)
    )
    assert year_end[:2] == (1, 2)


def test_all_filters_must_hold_and_one_failure_decides():
    """A record failing one filter is out, even when another filter is unknown."""
    last_year = Where(field="fiscal_year", within=Window.PREVIOUS_YEAR)
    positive = Where(field="realised_positive", equals="false")
    assert _count(ACTIVITIES, RecordSet.ACTIVITIES, last_year, positive) == (0, 0)


def test_an_unreported_collection_is_unknown():
    """Counting a collection that was not reported gives no upper bound and names it."""
    sure, upper, missing = count_records(
        Facts(Dossier(region=REGION), AS_OF), RecordSet.MEETINGS, ()
    )
    assert (sure, upper) == (0, None)
    assert [m.key for m in missing] == ["meetings"]


def test_every_record_set_declares_its_fields():
    """Each collection a ``count`` can name has filterable fields of known kinds."""
    assert set(FIELDS) == {r.value for r in RecordSet}
    kinds = {kind for fields in FIELDS.values() for kind, _ in fields.values()}
    assert kinds <= {"enum", "bool", "date", "int", "year", "set"}
