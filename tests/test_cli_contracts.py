"""``sanitasi schema KIND``, ``sanitasi validate --format json`` and the JavaScript example."""

import json
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest

from sanitasi_core import contracts
from sanitasi_core.cli import _dossiers, main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
READ_DECISIONS = EXAMPLES / "js" / "read-decisions.mjs"
PROBLEMS = jsonschema.Draft202012Validator(
    contracts.json_schema("problems"),
    format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
)
BROKEN = {"schema": "sanitasi.dossier/v1", "region": {"code": "", "name": ""}}


def run(capsys, *argv):
    """Run ``main`` and return (exit code, stdout, stderr)."""
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return code, captured.out, captured.err


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, Path]:
    """A valid dossier, an invalid one and a JSON Lines file with one good and one bad line."""
    good = tmp_path / "good.json"
    shutil.copy(EXAMPLES / "mahakam-ulu-2024.json", good)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(BROKEN), encoding="utf-8")
    lines = tmp_path / "batch.jsonl"
    one_line = json.dumps(json.loads(good.read_text(encoding="utf-8")))
    lines.write_text(f"{one_line}\n\n{{\n", encoding="utf-8")
    return {"good": good, "bad": bad, "lines": lines}


# --------------------------------------------------------------------------------------------
# sanitasi schema
# --------------------------------------------------------------------------------------------


def test_the_command_knows_every_kind():
    """The CLI offers exactly the kinds the contracts module has, in its order."""
    assert _dossiers._SCHEMA_KINDS == contracts.SCHEMA_KINDS


@pytest.mark.parametrize("kind", contracts.SCHEMA_KINDS)
def test_schema_prints_each_kind(capsys, kind):
    """``sanitasi schema KIND`` prints the shipped schema of KIND."""
    code, out, err = run(capsys, "schema", kind)
    assert (code, err) == (0, "")
    assert json.loads(out) == contracts.json_schema(kind)


def test_schema_defaults_to_the_dossier(capsys):
    """Without a kind, ``sanitasi schema`` prints the dossier schema, as before."""
    code, out, _ = run(capsys, "schema")
    assert code == 0
    assert json.loads(out)["$id"] == contracts.schema_id("dossier")


def test_schema_writes_to_output(capsys, tmp_path):
    """``--output`` writes the schema to a file and nothing to standard output."""
    target = tmp_path / "decision.schema.json"
    code, out, _ = run(capsys, "schema", "decision", "--output", target)
    assert (code, out) == (0, "")
    assert json.loads(target.read_text(encoding="utf-8")) == contracts.json_schema("decision")


def test_schema_refuses_an_unknown_kind(capsys):
    """An unknown kind is a usage error (exit 2) naming the choices."""
    code, out, err = run(capsys, "--lang", "en", "schema", "decree")
    assert (code, out) == (2, "")
    assert "ladder-result" in err


# --------------------------------------------------------------------------------------------
# sanitasi validate --format json
# --------------------------------------------------------------------------------------------


def test_validate_json_accounts_for_every_input(capsys, inputs):
    """Each input, valid or not, has its problems document, in the order read; exit 1."""
    code, out, err = run(
        capsys, "validate", "--format", "json", inputs["good"], inputs["bad"], inputs["lines"]
    )
    assert code == 1
    assert err == ""
    document = json.loads(out)
    assert out == json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    PROBLEMS.validate(document)
    assert list(document) == ["schema", "inputs", "valid"]
    assert document["schema"] == "sanitasi.validation/v1"
    assert document["valid"] is False
    found = [(d["source"], d["valid"]) for d in document["inputs"]]
    assert found == [
        (str(inputs["good"]), True),
        (str(inputs["bad"]), False),
        (f"{inputs['lines']}:1", True),
        (f"{inputs['lines']}:3", False),
    ]
    good, bad, _, broken_line = document["inputs"]
    assert good["problems"] == []
    assert {p["path"] for p in bad["problems"]} == {"$.region.code", "$.region.name"}
    assert {p["code"] for p in bad["problems"]} == {"not_blank"}
    assert broken_line["problems"][0]["code"] == "invalid_json"
    for problem in bad["problems"]:
        assert set(problem["message"]) == {"id", "en"}


def test_validate_json_of_valid_inputs_exits_0(capsys, inputs):
    """Only valid inputs: ``valid`` is true and the exit code 0."""
    code, out, _ = run(capsys, "validate", "--format", "json", inputs["good"])
    assert code == 0
    document = json.loads(out)
    assert document["valid"] is True
    assert [d["valid"] for d in document["inputs"]] == [True]


def test_validate_json_lists_unreadable_inputs(capsys, inputs, tmp_path):
    """An input that cannot be read is listed with the code ``cli_unreadable`` too (exit 2)."""
    missing = tmp_path / "missing.json"
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = run(
        capsys, "--lang", "en", "validate", "--format", "json", missing, empty, inputs["good"]
    )
    assert code == 2
    assert f"{missing}: cannot be read" in err
    document = json.loads(out)
    PROBLEMS.validate(document)
    unreadable = [d for d in document["inputs"] if not d["valid"]]
    assert [d["source"] for d in unreadable] == [str(missing), str(empty)]
    for entry in unreadable:
        (problem,) = entry["problems"]
        assert (problem["path"], problem["code"]) == ("", "cli_unreadable")
        assert problem["message"]["id"].startswith("tidak dapat dibaca: ")
        assert problem["message"]["en"].startswith("cannot be read: ")
    # The library's own reason is given in both languages.
    assert "*.json" in unreadable[1]["problems"][0]["message"]["en"]
    assert document["inputs"][-1]["valid"] is True


def test_validate_json_writes_to_output(capsys, inputs, tmp_path):
    """``--output`` writes the validation document to a file; the exit code stays 1."""
    target = tmp_path / "validation.json"
    code, out, _ = run(capsys, "validate", "--format", "json", inputs["bad"], "-o", target)
    assert (code, out) == (1, "")
    PROBLEMS.validate(json.loads(target.read_text(encoding="utf-8")))


def test_validate_text_is_unchanged_and_can_be_written_to_a_file(capsys, inputs, tmp_path):
    """The default text report is as before, and ``--output`` works for it too."""
    code, out, _ = run(capsys, "--lang", "en", "validate", inputs["good"], inputs["bad"])
    assert code == 1
    assert out.splitlines() == [
        f"{inputs['good']}: valid",
        f"{inputs['bad']}: invalid",
        "  $.region.code: must not be blank, got ''",
        "  $.region.name: must not be blank, got ''",
    ]
    target = tmp_path / "report.txt"
    assert main(["--lang", "en", "validate", str(inputs["good"]), "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == f"{inputs['good']}: valid\n"


def test_access_json_validates_against_the_ladder_result_schema(capsys, tmp_path):
    """What ``sanitasi access --format json`` writes, rejections included, validates."""
    households = tmp_path / "households.csv"
    households.write_text(
        "household_id,area,facility,toilet,disposal,last_emptied,sludge_treated,weight,"
        "survey_date\n"
        "h1,urban,own,gooseneck,septic_tank,2023-01-01,yes,2.5,2024-07-15\n"
        "h2,rural,shared,gooseneck,soil_pit,,,1,2024-07-16\n"
        "h3,town,own,gooseneck,septic_tank,,yes,,2024-07-15\n",
        encoding="utf-8",
    )
    target = tmp_path / "akses.json"
    code, _, _ = run(capsys, "access", households, "--format", "json", "--output", target)
    assert code == 1  # the rejected row
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["rejected"]
    jsonschema.Draft202012Validator(
        contracts.json_schema("ladder-result"),
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    ).validate(document)


# --------------------------------------------------------------------------------------------
# The JavaScript example, on real output
# --------------------------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not on PATH (CI has it)")
def test_javascript_example_reads_real_decisions(capsys, inputs, tmp_path):
    """``examples/js/read-decisions.mjs`` prints each district's level and unknown criteria."""
    target = tmp_path / "decisions.json"
    code = main(
        [
            "evaluate",
            str(EXAMPLES / "demo-sungai-lestari.json"),
            str(inputs["good"]),
            str(inputs["bad"]),
            "--as-of",
            "2025-12-31",
            "--format",
            "json",
            "--output",
            str(target),
        ]
    )
    capsys.readouterr()
    assert code == 1  # the broken input
    node = shutil.which("node")
    assert node is not None
    done = subprocess.run(  # our own example, on our own output
        [node, str(READ_DECISIONS), str(target)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "64.60 Kabupaten Sungai Lestari (fiktif): certain level M3 on 2025-12-31" in lines
    assert "64.11 Kabupaten Mahakam Ulu: certain level none on 2025-12-31" in lines
    unknown = lines[
        lines.index("64.11 Kabupaten Mahakam Ulu: certain level none on 2025-12-31") + 1
    ]
    assert unknown.startswith("  unknown: m1.working_group, ")


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not on PATH (CI has it)")
def test_javascript_example_refuses_an_unknown_version(tmp_path):
    """The example refuses a document of a version it does not know, as consumers should."""
    target = tmp_path / "future.json"
    target.write_text('{"schema": "sanitasi.decision/v9"}', encoding="utf-8")
    node = shutil.which("node")
    assert node is not None
    done = subprocess.run(  # our own example
        [node, str(READ_DECISIONS), str(target)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode != 0
    assert "unsupported document version" in done.stderr
