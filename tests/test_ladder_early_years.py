"""Household rows dated in years 1 to 5: refused with a clear message, never a crash."""

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanitasi_core.cli import main
from sanitasi_core.exceptions import ValidationError
from sanitasi_core.households import COLUMNS
from sanitasi_core.ladder import HouseholdRecord, emptied_recently

GOOD = "h1,urban,own,gooseneck,septic_tank,2022-01-01,yes,,2024-07-15"


def _record(survey: dt.date, emptied: dt.date | None = None) -> HouseholdRecord:
    return HouseholdRecord(
        household_id="h",
        area=None,
        facility=None,
        toilet=None,
        disposal=None,
        last_emptied=emptied,
        sludge_treated=None,
        survey_date=survey,
    )


@pytest.mark.parametrize("survey", [dt.date(1, 1, 1), dt.date(3, 1, 1), dt.date(5, 12, 31)])
def test_a_survey_before_year_6_is_refused(survey: dt.date) -> None:
    """A survey date before 0006-01-01 is refused with its own bilingual message."""
    with pytest.raises(ValidationError) as info:
        _record(survey)
    problem = info.value.problems[0]
    assert problem.path == "survey_date"
    assert problem.code == "ladder_survey_date_too_early"


def test_a_survey_on_0006_01_01_is_accepted() -> None:
    """The earliest survey date whose window starts in year 1 is still a valid record."""
    assert _record(dt.date(6, 1, 1), dt.date(1, 1, 1)).survey_date == dt.date(6, 1, 1)


@given(st.dates(max_value=dt.date(6, 1, 1)), st.data())
def test_the_window_of_any_early_date_is_total(survey: dt.date, data: st.DataObject) -> None:
    """The emptying window of any date up to 0006-01-01 starts at date.min, with no error."""
    emptied = data.draw(st.dates(max_value=survey))
    assert emptied_recently(emptied, survey) is True


@pytest.mark.parametrize(
    "row",
    [
        "h2,urban,own,gooseneck,septic_tank,,yes,,0003-01-01",
        "h2,urban,own,gooseneck,septic_tank,0003-01-01,yes,,0005-06-30",
    ],
)
def test_access_reports_an_early_row_as_rejected(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, row: str
) -> None:
    """``access`` reports a row dated in year 1..5 as rejected (exit 1) instead of crashing."""
    path = tmp_path / "households.csv"
    path.write_text("\n".join((",".join(COLUMNS), GOOD, row)) + "\n", encoding="utf-8")
    code = main(["--lang", "en", "access", str(path)])
    out = capsys.readouterr().out
    assert code == 1
    assert "rows accepted 1, rows rejected 1" in out
