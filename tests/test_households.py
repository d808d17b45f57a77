"""Tests of household-record files and the ladder result formats (sanitasi_core.households)."""

import datetime as dt
import io
import json
import tracemalloc
from collections.abc import Iterable
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanitasi_core import reports
from sanitasi_core.exceptions import HouseholdFileError
from sanitasi_core.households import (
    COLUMNS,
    LADDER_RESULT_SCHEMA,
    MAX_LINE_LENGTH,
    Rejection,
    ladder_to_csv_rows,
    ladder_to_json,
    ladder_to_text,
    read_csv,
    read_jsonl,
    read_records,
    summarise_file,
    summarise_rows,
)
from sanitasi_core.ladder import (
    LADDER_KEYS,
    Area,
    Disposal,
    Facility,
    HouseholdRecord,
    LadderAccumulator,
    Rung,
    Toilet,
    summarise,
)

D = dt.date
HEADER = ",".join(COLUMNS)
GOOD = "h1,urban,own,gooseneck,septic_tank,2022-01-01,yes,,2024-07-15"


def csv_text(*rows: str, header: str = HEADER) -> io.StringIO:
    return io.StringIO("\n".join((header, *rows)) + "\n")


def only(results):
    (result,) = list(results)
    return result


class GeneratorStream(io.StringIO):
    """A text stream whose lines come from a generator, counting how many were taken."""

    # A StringIO subclass only to be a typing.TextIO; its own (empty) buffer is never read.
    def __init__(self, lines: Iterable[str]) -> None:
        super().__init__()
        self._lines = iter(lines)
        self._pending = ""
        self.taken = 0

    def readable(self) -> bool:
        return True

    def readline(self, size=-1):  # unannotated: typeshed's text readline clashes with _IOBase's
        if not self._pending:
            self._pending = next(self._lines, "")
            self.taken += bool(self._pending)
        if size is None or size < 0:
            size = len(self._pending)
        line, self._pending = self._pending[:size], self._pending[size:]
        return line


# --------------------------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------------------------


def test_csv_row_becomes_a_record():
    """A good CSV row becomes a typed record; row and line numbers are 1-based."""
    result = only(read_csv(csv_text(GOOD)))
    assert result.accepted
    assert (result.row, result.line) == (1, 2)
    assert result.record == HouseholdRecord(
        household_id="h1",
        area=Area.URBAN,
        facility=Facility.OWN,
        toilet=Toilet.GOOSENECK,
        disposal=Disposal.SEPTIC_TANK,
        last_emptied=D(2022, 1, 1),
        sludge_treated=True,
        weight=Decimal(1),
        survey_date=D(2024, 7, 15),
    )


def test_csv_trims_spaces_ignores_case_and_reads_empty_as_unknown():
    """Spaces are trimmed, values and names are case-insensitive, empty is not known."""
    header = (
        " Household_ID , AREA,facility ,Toilet,disposal,last_emptied,sludge_treated,weight,"
        "survey_date"
    )
    row = ' H-01 , Rural ,SHARED, GooseNeck ,"Soil_Pit", Never ,NO, 2.50 , 2024-07-15 '
    record = only(read_csv(csv_text(row, header=header))).record
    assert record.household_id == "H-01"
    assert record.area is Area.RURAL
    assert record.facility is Facility.SHARED
    assert record.disposal is Disposal.SOIL_PIT
    assert record.last_emptied == "never"
    assert record.sludge_treated is False
    assert record.weight == Decimal("2.50")
    empty = only(read_csv(csv_text("h2,,,,,,,,2024-07-15"))).record
    assert empty.area is empty.facility is empty.toilet is empty.disposal is None
    assert empty.last_emptied is None
    assert empty.sludge_treated is None
    assert empty.weight == 1


def test_csv_columns_in_any_order_and_weight_optional():
    """Columns may come in any order; without a weight column every weight is 1."""
    header = "survey_date,sludge_treated,last_emptied,disposal,toilet,facility,area,household_id"
    row = "2024-07-15,yes,2022-01-01,sewer,gooseneck,own,rural,h9"
    record = only(read_csv(csv_text(row, header=header))).record
    assert record.household_id == "h9"
    assert record.disposal is Disposal.SEWER
    assert record.weight == 1


def test_csv_byte_order_mark_and_crlf():
    """A UTF-8 byte-order mark and Windows line breaks are accepted."""
    stream = io.StringIO("\ufeff" + HEADER + "\r\n" + GOOD + "\r\n", newline="")
    assert only(read_csv(stream)).accepted


def test_csv_blank_lines_are_skipped_and_not_counted():
    """Blank lines are not rows: row numbers count data rows, lines count file lines."""
    results = list(read_csv(csv_text("", GOOD, "   ", GOOD.replace("h1", "h2"))))
    assert [(r.row, r.line) for r in results] == [(1, 3), (2, 5)]


@pytest.mark.parametrize(
    ("row", "column", "code"),
    [
        pytest.param(GOOD.replace("urban", "town"), "area", "household_choice", id="area"),
        pytest.param(GOOD.replace(",own,", ",mine,"), "facility", "household_choice", id="fac"),
        pytest.param(
            GOOD.replace("2022-01-01", "2022-13-01"),
            "last_emptied",
            "household_last_emptied",
            id="bad-month",
        ),
        pytest.param(
            GOOD.replace("2022-01-01", "1/2/2022"),
            "last_emptied",
            "household_last_emptied",
            id="not-iso",
        ),
        pytest.param(
            GOOD.replace("2022-01-01", "2024-08-01"),
            "last_emptied",
            "ladder_emptied_after_survey",
            id="emptied-after-survey",
        ),
        pytest.param(GOOD.replace(",yes,", ",ya,"), "sludge_treated", "household_choice", id="ya"),
        pytest.param(GOOD.replace("yes,,", "yes,1;5,"), "weight", "household_weight", id="w-comma"),
        pytest.param(GOOD.replace("yes,,", "yes,-1,"), "weight", "household_weight", id="w-neg"),
        pytest.param(GOOD.replace("yes,,", "yes,1e3,"), "weight", "household_weight", id="w-exp"),
        pytest.param(GOOD.replace("yes,,", "yes,0,"), "weight", "ladder_weight_range", id="w-0"),
        pytest.param(GOOD.replace("h1", " "), "household_id", "household_required", id="no-id"),
        pytest.param(
            GOOD.replace("2024-07-15", ""), "survey_date", "household_required", id="no-survey"
        ),
        pytest.param(
            GOOD.replace("2024-07-15", "2024-02-30"), "survey_date", "household_date", id="feb-30"
        ),
        pytest.param("h1,urban,own", None, "household_field_count", id="too-few"),
        pytest.param(GOOD + ",extra", None, "household_field_count", id="too-many"),
        pytest.param('h1,"urban,own', None, "household_csv_syntax", id="open-quote"),
    ],
)
def test_csv_bad_rows_are_reported(row, column, code):
    """A bad row is rejected with its row number, file line, column and a bilingual message."""
    results = list(read_csv(csv_text(GOOD, "", row)))
    assert results[0].accepted
    bad = results[1]
    assert bad.record is None
    (rejection,) = bad.rejections
    assert (rejection.row, rejection.line) == (2, 4)
    assert rejection.column == column
    assert rejection.code == code
    assert rejection.message.id != rejection.message.en


def test_csv_row_with_several_problems_reports_each():
    """Every bad value of a row is reported, the row counted once."""
    row = "h1,town,mine,gooseneck,septic_tank,2022-01-01,maybe,,2024-07-15"
    report = summarise_rows(read_csv(csv_text(row, GOOD)))
    assert [r.column for r in report.rejected] == ["area", "facility", "sludge_treated"]
    assert report.rejected_rows == 1
    assert report.rejected_problems == 3
    assert report.summary.rows == 1


def test_csv_overlong_line_is_rejected_and_reading_goes_on():
    """A line longer than the limit is one rejected row; the next line is read normally."""
    long_row = "h1," + "x" * (MAX_LINE_LENGTH * 3)
    results = list(read_csv(csv_text(long_row, GOOD)))
    assert results[0].rejections[0].code == "household_line_too_long"
    assert results[1].accepted
    assert (results[1].row, results[1].line) == (2, 3)


@pytest.mark.parametrize(
    ("header", "code"),
    [
        pytest.param(HEADER + ",village", "household_unknown_columns", id="unknown"),
        pytest.param(HEADER.replace("toilet,", ""), "household_missing_columns", id="missing"),
        pytest.param(HEADER + ",area", "household_duplicate_columns", id="duplicate"),
        pytest.param("", "household_no_header", id="blank-header"),
    ],
)
def test_csv_header_problems_fail_the_whole_file(header, code):
    """An unknown, missing or repeated column is an error for the whole file, raised at once."""
    with pytest.raises(HouseholdFileError) as info:
        read_csv(csv_text(GOOD, header=header), source="rumah.csv")
    problem = info.value.problems[0]
    assert problem.code == code
    assert problem.file == "rumah.csv"
    assert problem.text.id != problem.text.en


def test_csv_header_lists_every_problem():
    """All header problems are reported together, naming the columns."""
    with pytest.raises(HouseholdFileError) as info:
        read_csv(io.StringIO("household_id,village,area,area\n"))
    codes = [p.code for p in info.value.problems]
    assert codes == [
        "household_unknown_columns",
        "household_missing_columns",
        "household_duplicate_columns",
    ]
    assert "'village'" in info.value.render("en")
    assert "kolom tidak dikenal" in info.value.render("id")


def test_empty_file_has_no_header():
    """An empty file is an error: there is no header."""
    with pytest.raises(HouseholdFileError) as info:
        read_csv(io.StringIO(""))
    assert info.value.problems[0].code == "household_no_header"


def test_header_only_file_has_no_rows():
    """A file with just the header is valid and has no rows."""
    assert list(read_csv(csv_text())) == []


# --------------------------------------------------------------------------------------------
# JSON Lines
# --------------------------------------------------------------------------------------------

GOOD_JSON = {
    "household_id": "h1",
    "area": "rural",
    "facility": "own",
    "toilet": "gooseneck",
    "disposal": "septic_tank",
    "last_emptied": "never",
    "sludge_treated": None,
    "survey_date": "2024-07-15",
}


def jsonl_text(*objects, raw=()) -> io.StringIO:
    lines = [json.dumps(o) for o in objects] + list(raw)
    return io.StringIO("\n".join(lines) + "\n")


def test_jsonl_row_becomes_a_record():
    """A JSON object per line: null is not known, booleans and exact number weights accepted."""
    rows = [
        GOOD_JSON,
        {**GOOD_JSON, "household_id": "h2", "sludge_treated": True, "weight": "2.5"},
        {**GOOD_JSON, "household_id": "h3", "area": None, "sludge_treated": "no"},
    ]
    stream = io.StringIO("\n".join(json.dumps(r) for r in rows) + "\n" + "\n")
    first, second, third = (r.record for r in read_jsonl(stream))
    assert first is not None
    assert second is not None
    assert third is not None
    assert first.last_emptied == "never"
    assert first.sludge_treated is None
    assert first.weight == 1
    assert second.sludge_treated is True
    assert second.weight == Decimal("2.5")
    assert third.area is None
    assert third.sludge_treated is False


def test_jsonl_number_weight_is_read_exactly():
    """A JSON number weight is read from its digits, never through a binary float."""
    line = json.dumps(GOOD_JSON)[:-1] + ', "weight": 0.1}'
    assert only(read_jsonl(io.StringIO(line))).record.weight == Decimal("0.1")


@pytest.mark.parametrize(
    ("line", "column", "code"),
    [
        pytest.param(
            json.dumps({**GOOD_JSON, "village": "x"}), "village", "household_unknown_key", id="key"
        ),
        pytest.param(
            json.dumps({k: v for k, v in GOOD_JSON.items() if k != "toilet"}),
            "toilet",
            "household_missing_key",
            id="missing",
        ),
        pytest.param("{not json", None, "household_json_invalid", id="syntax"),
        pytest.param("[1, 2]", None, "household_json_not_object", id="array"),
        pytest.param(
            json.dumps({**GOOD_JSON, "area": ["rural"]}), "area", "household_value_type", id="list"
        ),
        pytest.param(
            json.dumps({**GOOD_JSON, "household_id": 7}),
            "household_id",
            "household_value_type",
            id="number-id",
        ),
        pytest.param(
            json.dumps(GOOD_JSON)[:-1] + ', "weight": NaN}',
            None,
            "household_json_invalid",
            id="nan",
        ),
        pytest.param("[" * 5000 + "]" * 5000, None, "household_line_too_long", id="too-long"),
        pytest.param("[" * 2000 + "]" * 2000, None, "household_json_invalid", id="too-deep"),
    ],
)
def test_jsonl_bad_rows_are_reported(line, column, code):
    """A bad JSON line is rejected with its row, line, column and a bilingual message."""
    results = list(read_jsonl(jsonl_text(GOOD_JSON, raw=["", line])))
    assert results[0].accepted
    rejection = results[1].rejections[0]
    assert (rejection.row, rejection.line) == (2, 3)
    assert rejection.column == column
    assert rejection.code == code


def test_read_records_dispatches_and_refuses_unknown_formats():
    """read_records reads csv and jsonl and refuses anything else."""
    assert only(read_records(csv_text(GOOD), "csv")).accepted
    assert only(read_records(jsonl_text(GOOD_JSON), "jsonl")).accepted
    with pytest.raises(HouseholdFileError):
        read_records(io.StringIO(""), "xlsx")  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# Files and reports
# --------------------------------------------------------------------------------------------


def test_summarise_file_from_paths(tmp_path):
    """Paths are read by suffix (.csv, .jsonl, .ndjson); rejections name the file's rows."""
    csv_path = tmp_path / "rumah.csv"
    csv_path.write_text(HEADER + "\n" + GOOD + "\nh2,bad\n", encoding="utf-8")
    report = summarise_file(csv_path)
    assert report.summary.rows == 1
    assert report.rejected_rows == 1
    assert report.source == str(csv_path)
    for suffix in (".jsonl", ".ndjson"):
        path = tmp_path / f"rumah{suffix}"
        path.write_text(json.dumps(GOOD_JSON) + "\n", encoding="utf-8")
        assert summarise_file(path).summary.rows == 1


def test_summarise_file_problems(tmp_path):
    """An unknown suffix, a missing file and non-UTF-8 text are whole-file errors."""
    other = tmp_path / "rumah.xlsx"
    other.write_text("x", encoding="utf-8")
    with pytest.raises(HouseholdFileError, match="suffix"):
        summarise_file(other)
    with pytest.raises(HouseholdFileError) as info:
        summarise_file(tmp_path / "missing.csv")
    assert info.value.problems[0].code == "household_unreadable"
    latin = tmp_path / "latin.csv"
    latin.write_bytes((HEADER + "\n" + GOOD.replace("h1", "h\xe9") + "\n").encode("latin-1"))
    with pytest.raises(HouseholdFileError) as info:
        summarise_file(latin)
    assert info.value.problems[0].code == "household_not_utf8"


def test_summarise_file_from_a_stream():
    """A stream needs a format, given or told by its name."""
    assert summarise_file(csv_text(GOOD), "csv").summary.rows == 1
    assert summarise_file(csv_text(GOOD), source="data.csv").summary.rows == 1
    with pytest.raises(HouseholdFileError):
        summarise_file(csv_text(GOOD))


def test_report_keeps_the_first_rejections_and_counts_all():
    """Only *keep* rejections are kept; all rows and problems are counted."""
    rows = [GOOD] + ["h,town,,,,,,,2024-07-15"] * 50
    report = summarise_rows(read_csv(csv_text(*rows)), keep=10)
    assert len(report.rejected) == 10
    assert report.rejected_rows == 50
    assert report.rejected_problems == 50
    assert report.truncated
    assert report.summary.rows == 1


# --------------------------------------------------------------------------------------------
# Streaming
# --------------------------------------------------------------------------------------------


def test_accumulator_streams_100k_records_in_bounded_memory():
    """100,000 records from a generator are counted one by one, without building a list."""

    def generate():
        for i in range(100_000):
            yield HouseholdRecord(
                household_id=str(i),
                area=Area.URBAN if i % 2 else Area.RURAL,
                facility=(Facility.OWN, Facility.SHARED, Facility.NONE, None)[i % 4],
                toilet=Toilet.GOOSENECK,
                disposal=Disposal.SEPTIC_TANK,
                last_emptied="never",
                sludge_treated=True,
                survey_date=D(2024, 7, 15),
            )

    accumulator = LadderAccumulator()
    tracemalloc.start()
    try:
        accumulator.add_all(generate())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    summary = accumulator.summary()
    assert summary.rows == 100_000
    assert summary.counts["basic"] == summary.counts["limited"] == 25_000
    assert summary.counts["open_defecation"] == summary.counts["unknown"] == 25_000
    assert peak < 2_000_000  # a list of 100k records alone would take well over 10 MB


def test_read_csv_streams_from_a_generator():
    """read_csv reads one line per row as results are taken, from a stream fed by a generator."""
    rows = 20_000
    stream = GeneratorStream(
        f"h{i},rural,own,gooseneck,soil_pit,,,,2024-07-15\n" if i else HEADER + "\n"
        for i in range(rows + 1)
    )
    results = read_csv(stream)
    assert stream.taken == 1  # only the header so far
    next(results)
    assert stream.taken == 2
    report = summarise_rows(results)
    assert report.summary.rows == rows - 1
    assert report.summary.counts["basic"] == rows - 1
    assert stream.taken == rows + 1


# --------------------------------------------------------------------------------------------
# Result formats
# --------------------------------------------------------------------------------------------


@pytest.fixture
def report():
    rows = [
        GOOD,
        GOOD.replace("h1", "h2").replace("urban", "rural").replace("septic_tank", "soil_pit"),
        "h3,,none,,,,,,2024-07-16",
        "h4,rural,own,gooseneck,septic_tank,,yes,,2024-07-15",
        "h5,town,own,gooseneck,septic_tank,,yes,,2024-07-15",
    ]
    return summarise_rows(read_csv(csv_text(*rows)))


def test_json_shape(report):
    """The JSON result has rows, rejections, exact decimal strings and shares adding to 100."""
    result = ladder_to_json(report.summary, report.rejected, rejected_rows=report.rejected_rows)
    json.dumps(result)  # JSON-ready
    assert result["schema"] == LADDER_RESULT_SCHEMA
    assert result["rows"] == 4
    assert result["rejected_rows"] == 1
    assert result["rejected"] == [
        {
            "row": 5,
            "line": 6,
            "column": "area",
            "code": "household_choice",
            "message": {
                "id": report.rejected[0].message.id,
                "en": report.rejected[0].message.en,
            },
        }
    ]
    assert result["total_weight"] == "4"
    assert list(result["counts"]) == list(LADDER_KEYS)
    assert result["counts"]["safely_managed"] == "1"
    assert list(result["shares"]) == list(LADDER_KEYS)
    assert all(isinstance(v, str) for v in result["shares"].values())
    assert sum(Decimal(v) for v in result["shares"].values()) == 100
    assert result["shares"]["unknown"] == "25.00"
    assert result["layak"] == "50.00"
    assert result["survey_dates"] == {"first": "2024-07-15", "last": "2024-07-16"}
    assert result["area_unknown"] == {"rows": 1, "total_weight": "1"}
    assert set(result["by_area"]) == {"urban", "rural"}
    rural = result["by_area"]["rural"]
    assert set(rural) == {"rows", "total_weight", "counts", "shares", "layak", "unknown_share"}
    assert rural["shares"] == {
        "safely_managed": "0.00",
        "basic": "50.00",
        "limited": "0.00",
        "unimproved": "0.00",
        "open_defecation": "0.00",
        "unknown": "50.00",
    }


def test_json_of_an_empty_summary_has_null_shares():
    """With no rows, shares and layak are null (unknown), not zero."""
    result = ladder_to_json(summarise([]), [])
    assert result["rows"] == 0
    assert result["shares"] is None
    assert result["layak"] is None
    assert result["by_area"]["urban"]["shares"] is None


def test_csv_rows(report):
    """CSV output: a header and, per area, one row per key plus layak and total."""
    rows = ladder_to_csv_rows(report.summary)
    assert rows[0] == ["area", "indicator", "weight", "share"]
    assert len(rows) == 1 + 3 * (len(LADDER_KEYS) + 2)
    assert ["total", "layak", "2", "50.00"] in rows
    assert ["total", "total", "4", "100.00"] in rows
    assert ["urban", "safely_managed", "1", "100.00"] in rows


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("id", ["akses aman", "perdesaan", "Baris yang ditolak", "baris data 5", "kolom area"]),
        ("en", ["safely managed", "rural", "Rejected rows", "data row 5", "column area"]),
    ],
)
def test_text_output(report, lang, words):
    """The text table names rungs and areas in the chosen language and lists rejections."""
    text = ladder_to_text(report.summary, report.rejected, lang)
    for word in words:
        assert word in text


def test_text_output_limits_the_rejections():
    """Only *limit* rejections are printed; the rest are counted."""
    rejected = [
        Rejection(row=i, line=i + 1, column=None, code="x", message=Rung.BASIC.label)
        for i in range(1, 6)
    ]
    text = ladder_to_text(summarise([]), rejected, "en", limit=2, rejected_problems=9)
    assert "data row 2" in text
    assert "data row 3" not in text
    assert "7 more problems" in text
    assert "no row was accepted" in text


def test_a_lone_surrogate_in_a_jsonl_row_rejects_the_row_only():
    """A lone-surrogate escape in a JSON Lines cell rejects that row, with its reason."""
    rows = [GOOD_JSON, {**GOOD_JSON, "household_id": "h\ud800"}]
    stream = io.StringIO("\n".join(json.dumps(r) for r in rows) + "\n")
    good, bad = read_jsonl(stream)
    assert good.record is not None
    assert bad.record is None
    assert [(r.column, r.code) for r in bad.rejections] == [("household_id", "lone_surrogate")]


@pytest.mark.parametrize("sep", [";", "\t"])
def test_a_semicolon_or_tab_file_with_decimal_commas_reads_like_the_comma_file(sep):
    """The separator is read from the header; with ``;`` or a tab, ``2,5`` is the weight 2.5."""
    rows = [GOOD, "h2,rural,own,gooseneck,soil_pit,,,2.5,2024-07-15"]
    comma = [r.record for r in read_csv(csv_text(*rows))]
    local = [row.replace(",", sep).replace("2.5", "2,5") for row in rows]
    other = [r.record for r in read_csv(csv_text(*local, header=HEADER.replace(",", sep)))]
    assert other == comma
    assert other[1] is not None
    assert other[1].weight == Decimal("2.5")


@given(
    st.lists(
        st.sampled_from([GOOD, "h2,rural,own,gooseneck,soil_pit,,,0.75,2024-07-15"]), max_size=5
    )
)
def test_the_reader_reads_what_a_spreadsheet_in_indonesian_writes(rows):
    """Rows written with ``;`` and decimal commas (the library's Excel options) read back equal."""
    rows = [row.replace("h1", f"h{i}a").replace("h2", f"h{i}b") for i, row in enumerate(rows)]
    expected = [r.record for r in read_csv(csv_text(*rows))]
    written = reports.to_csv(
        [HEADER.split(","), *[row.split(",") for row in rows]], sep=";"
    ).replace("0.75", "0,75")
    assert [r.record for r in read_csv(io.StringIO(written))] == expected
