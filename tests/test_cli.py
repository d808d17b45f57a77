"""The ``sanitasi`` command line: exit codes, messages in both languages, no tracebacks."""

import csv
import datetime as dt
import io
import json
import os
import shutil
import subprocess
import sys
import time
import types
from importlib import resources
from pathlib import Path

import pytest

from sanitasi_core import cli
from sanitasi_core.cli import main
from sanitasi_core.regions import default_registry

ROOT = Path(__file__).resolve().parent.parent
MAHAKAM_ULU = ROOT / "examples" / "mahakam-ulu-2024.json"

BROKEN = {
    "schema": "sanitasi.dossier/v1",
    "region": {"code": "64.11", "name": "Kabupaten Mahakam Ulu"},
    "fictional": "false",
    "activities": [{"id": "a0", "name": "Pembangunan IPLT", "fiscal_year": 2024, "planned": 12.5}],
}


@pytest.fixture
def broken_file(tmp_path: Path) -> Path:
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(BROKEN), encoding="utf-8")
    return path


def test_validate_valid_file_exits_0(capsys):
    """A valid dossier exits 0 and says so."""
    assert main(["--lang", "en", "validate", str(MAHAKAM_ULU)]) == 0
    out = capsys.readouterr()
    assert out.out == f"{MAHAKAM_ULU}: valid\n"
    assert out.err == ""


def test_validate_invalid_file_exits_1_with_paths_in_english(capsys, broken_file):
    """An invalid dossier exits 1 and lists each problem with its JSON path, in English."""
    assert main(["--lang", "en", "validate", str(broken_file)]) == 1
    out = capsys.readouterr()
    assert out.out.splitlines() == [
        f"{broken_file}: invalid",
        '  $.fictional: expected true or false, got "false" (string)',
        '  $.activities[0].planned: expected a decimal string such as "1250000.00", '
        "got 12.5 (number)",
    ]
    assert "Traceback" not in out.out + out.err


def test_validate_invalid_file_in_indonesian(capsys, broken_file):
    """With ``--lang id`` the verdict and the problems are in Bahasa Indonesia."""
    assert main(["--lang", "id", "validate", str(broken_file)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{broken_file}: tidak sah"
    assert lines[1] == '  $.fictional: diharapkan true atau false, didapat "false" (teks)'
    assert lines[2].startswith("  $.activities[0].planned: diharapkan ")


def test_validate_reports_every_file(capsys, broken_file):
    """Several files are each checked; the worst result decides the exit code."""
    assert main(["--lang", "en", "validate", str(MAHAKAM_ULU), str(broken_file)]) == 1
    out = capsys.readouterr().out
    assert f"{MAHAKAM_ULU}: valid" in out
    assert f"{broken_file}: invalid" in out


def test_validate_missing_file_exits_2(capsys, tmp_path):
    """A file that cannot be read exits 2 with a message on stderr, never a traceback."""
    missing = tmp_path / "missing.json"
    assert main(["--lang", "en", "validate", str(missing)]) == 2
    out = capsys.readouterr()
    assert out.err.startswith(f"{missing}: cannot be read: ")
    assert "Traceback" not in out.err


def test_validate_directory_exits_2(capsys, tmp_path):
    """A directory given as a file is unreadable input (exit 2), not a crash."""
    assert main(["--lang", "id", "validate", str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith(f"{tmp_path}: tidak dapat dibaca: ")


@pytest.mark.parametrize(
    "content",
    [b"", b"{", b"\xff\xfe", b'{"a": NaN}', b"[" * 50 + b"]" * 50, b"null", b"[]"],
)
def test_validate_hostile_content_exits_1(capsys, tmp_path, content):
    """Not-JSON, bad UTF-8, NaN or deep nesting is invalid input (exit 1), never a traceback."""
    path = tmp_path / "hostile.json"
    path.write_bytes(content)
    assert main(["--lang", "en", "validate", str(path)]) == 1
    out = capsys.readouterr()
    assert out.out.startswith(f"{path}: invalid\n  ")
    assert "Traceback" not in out.out + out.err


def test_schema_prints_the_shipped_schema(capsys):
    """``schema`` prints valid JSON equal to the shipped schema file."""
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    shipped = resources.files("sanitasi_core") / "schemas" / "dossier-v2.schema.json"
    assert printed == json.loads(shipped.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["en", "id"])
def test_help_exits_0(capsys, lang):
    """``--help`` prints usage in the chosen language and returns 0."""
    assert main(["--lang", lang, "--help"]) == 0
    out = capsys.readouterr().out
    assert "validate" in out
    assert ("dossier" in out) if lang == "en" else ("dosir" in out)


@pytest.mark.parametrize("argv", [[], ["frobnicate"], ["validate"], ["--lang", "fr", "schema"]])
def test_usage_errors_exit_2(capsys, argv):
    """A usage error exits 2 with argparse's message, never a traceback."""
    assert main(argv) == 2
    out = capsys.readouterr()
    assert "usage:" in out.err
    assert "Traceback" not in out.err


def test_module_entry_point_validates_the_example():
    """``python -m sanitasi_core validate examples/mahakam-ulu-2024.json`` exits 0."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "LANG": "en_US.UTF-8"}
    result = subprocess.run(
        [sys.executable, "-m", "sanitasi_core", "validate", "examples/mahakam-ulu-2024.json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "examples/mahakam-ulu-2024.json: valid\n"
    assert result.stderr == ""


# ============================================================================================
# The complete command: every subcommand and every format through ``main(argv)``
# ============================================================================================


DEMO = ROOT / "examples" / "demo-sungai-lestari.json"
RULEBOOKS = ROOT / "src" / "sanitasi_core" / "data" / "rulebooks"
DEFAULT_RULEBOOK = RULEBOOKS / "ppsp-milestones-2025.toml"
# Fiscal year 2025 assessed once its reports are in (the demo's last one is issued in January).
AFTER_2025 = ("--as-of", "2026-03-31", "--fiscal-year", "2025")
HOUSEHOLD_HEADER = (
    "household_id,area,facility,toilet,disposal,last_emptied,sludge_treated,weight,survey_date"
)
HOUSEHOLD_ROWS = (
    "h1,urban,own,gooseneck,septic_tank,2022-01-01,yes,,2024-07-15",
    "h2,rural,own,gooseneck,soil_pit,,,,2024-07-15",
)


def run(capsys, *argv):
    """Run ``main`` and return (exit code, stdout, stderr)."""
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return code, captured.out, captured.err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder holding both example dossiers."""
    target = tmp_path / "dossiers"
    target.mkdir()
    shutil.copy(MAHAKAM_ULU, target)
    shutil.copy(DEMO, target)
    return target


class FakeTTY(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


# --- evaluate ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "lang", "date_shown"),
    [
        ("text", "id", "31 Desember 2025"),
        ("text", "en", "31 December 2025"),
        ("markdown", "id", "31 Desember 2025"),
        ("markdown", "en", "31 December 2025"),
        ("html", "id", "31 Desember 2025"),
        ("html", "en", "31 December 2025"),
        ("csv", "id", "2025-12-31"),
        ("json", "en", '"as_of": "2025-12-31"'),
    ],
)
def test_evaluate_every_format_prints_the_date(capsys, fmt, lang, date_shown):
    """Each output format of one dossier exits 0 and shows the evaluation date."""
    code, out, err = run(
        capsys, "--lang", lang, "evaluate", DEMO, "--as-of", "2025-12-31", "--format", fmt
    )
    assert code == 0, err
    assert date_shown in out
    assert err == ""


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "csv", "json"])
def test_evaluate_folder_in_every_format(capsys, folder, fmt):
    """A folder is a batch: every format lists both districts, in source order (file names)."""
    code, out, _ = run(
        capsys, "--lang", "en", "evaluate", folder, "--as-of", "2025-12-31", "--format", fmt
    )
    assert code == 0
    # demo-sungai-lestari.json (64.60) comes before mahakam-ulu-2024.json (64.11).
    assert out.index("64.60") < out.index("64.11")
    assert "Kabupaten Mahakam Ulu" in out
    assert "Sungai Lestari" in out


def test_evaluate_default_date_is_today_and_printed(capsys, monkeypatch):
    """Without ``--as-of`` the CLI uses today's date (read once, here) and prints it."""

    class Today(dt.date):
        @classmethod
        def today(cls):
            return cls(2024, 12, 31)

    monkeypatch.setattr(cli, "dt", types.SimpleNamespace(date=Today))
    code, out, _ = run(capsys, "--lang", "en", "evaluate", MAHAKAM_ULU)
    assert code == 0
    assert "Evaluation date: 31 December 2024" in out


def test_evaluate_json_lines_reports_bad_line(capsys, tmp_path):
    """Each line of a ``.jsonl`` file is a dossier; a bad line is named FILE:LINE, exit 1."""
    good = json.dumps(json.loads(MAHAKAM_ULU.read_text("utf-8")))
    path = tmp_path / "batch.jsonl"
    path.write_text(good + "\n\n" + "{not json\n" + good + "\n", encoding="utf-8")
    code, out, err = run(
        capsys, "--lang", "en", "evaluate", path, "--as-of", "2025-12-31", "--format", "json"
    )
    assert code == 1
    items = json.loads(out)
    assert [d.get("region", {}).get("code") for d in items] == ["64.11", None, "64.11"]
    assert items[1]["schema"] == "sanitasi.problems/v1"
    assert items[1]["source"] == f"{path}:3"
    assert f"{path}:3: invalid" in err
    assert "not valid JSON" in err


def test_evaluate_batch_of_500_with_5_malformed(capsys, tmp_path):
    """500 dossiers, 5 malformed: 495 are evaluated, the 5 named with their error, exit 1."""
    base = json.loads(MAHAKAM_ULU.read_text("utf-8"))
    regencies = default_registry().regencies()
    folder = tmp_path / "many"
    folder.mkdir()
    malformed = {
        7: "{ this is not JSON",
        77: json.dumps({**base, "fictional": "false"}),
        177: json.dumps({**base, "unknown_key": 1}),
        277: json.dumps({**base, "region": {"code": "99.99", "name": "Kabupaten Tiada"}}),
        477: json.dumps([1, 2, 3]),
    }
    for index in range(500):
        regency = regencies[index % len(regencies)]
        text = json.dumps({**base, "region": {"code": regency.code, "name": regency.name}})
        (folder / f"d{index:03d}.json").write_text(malformed.get(index, text), encoding="utf-8")
    started = time.perf_counter()
    code, out, err = run(
        capsys, "--lang", "en", "evaluate", folder, "--as-of", "2025-12-31", "--format", "json"
    )
    assert time.perf_counter() - started < 20
    assert code == 1
    items = json.loads(out)
    assert len(items) == 500
    bad = [i for i, item in enumerate(items) if item["schema"] == "sanitasi.problems/v1"]
    assert bad == sorted(malformed)  # in source order, each where its file is
    assert all(items[i]["source"] == str(folder / f"d{i:03d}.json") for i in bad)
    for index in malformed:
        assert f"d{index:03d}.json: invalid" in err
    assert err.count(": invalid\n") == 5
    assert "not valid JSON" in err
    assert "$.fictional" in err
    assert "unknown_key" in err


def test_evaluate_batch_text_summary(capsys, folder, tmp_path):
    """The batch text report counts levels, undecided and invalid inputs."""
    (folder / "zz-broken.json").write_text("{", encoding="utf-8")
    code, out, err = run(capsys, "--lang", "en", "evaluate", folder, *AFTER_2025)
    assert code == 1
    assert out.startswith("SSK milestone evaluation on 31 March 2026")
    assert "Inputs: 3\n" in out
    assert "Districts by certain level: M4: 1, M3: 0, M2: 0, M1: 0, none: 1" in out
    assert "Undecided (possible level above the certain level): 1" in out
    assert "Invalid inputs: 1" in out
    assert "zz-broken.json: invalid" in err


def test_evaluate_detail_adds_full_reports(capsys, folder):
    """``--detail`` appends every district's full report to the batch text."""
    _, brief, _ = run(capsys, "evaluate", folder, "--as-of", "2025-12-31")
    _, full, _ = run(capsys, "evaluate", folder, "--as-of", "2025-12-31", "--detail")
    assert "m1.working_group" not in brief
    assert "m1.working_group" in full


def test_evaluate_csv_spreadsheet_options(capsys, tmp_path):
    """``--detail --bom --sep ';' --decimal-comma`` give an Excel-friendly per-criterion CSV."""
    target = tmp_path / "out.csv"
    code, out, _ = run(
        capsys, "--lang", "id", "evaluate", DEMO, *AFTER_2025, "--format", "csv",
        "--detail", "--bom", "--sep", ";", "--decimal-comma", "--output", target,
    )  # fmt: skip
    assert code == 0
    assert out == ""
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0][:3] == ["kode_wilayah", "nama_wilayah", "tanggal_evaluasi"]
    assert len(rows) == 1 + 20  # the criteria of rulebook 2025.1
    apbd = next(r for r in rows if r[9] == "m4.apbd_realisation")
    assert apbd[12] == "85,16"
    assert apbd[10] == "terpenuhi"


def test_evaluate_csv_summary_rows(capsys):
    """Without ``--detail`` the CSV has one row per district × milestone."""
    code, out, _ = run(capsys, "--lang", "en", "evaluate", DEMO, *AFTER_2025, "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert [r[8] for r in rows[1:]] == ["M1", "M2", "M3", "M4"]
    assert rows[4][9] == "met"


def test_output_is_written_atomically(capsys, tmp_path, monkeypatch):
    """A failed write leaves the target untouched and no temporary file; exit 2, no traceback."""
    target = tmp_path / "report.txt"
    target.write_text("previous", encoding="utf-8")

    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)  # the rename of the temporary file fails
    code, _, err = run(
        capsys, "--lang", "en", "evaluate", DEMO, "--as-of", "2025-12-31", "--output", target
    )
    assert code == 2
    assert "cannot write the output to" in err
    assert "No space left on device" in err
    assert target.read_text("utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]


def test_output_replaces_the_file(capsys, tmp_path):
    """``--output`` replaces the file with the full report."""
    target = tmp_path / "report.html"
    target.write_text("previous", encoding="utf-8")
    code, _, _ = run(
        capsys, "evaluate", DEMO, "--as-of", "2025-12-31", "--format", "html", "-o", target
    )
    assert code == 0
    assert target.read_text("utf-8").startswith("<!DOCTYPE html>")


def test_output_into_missing_folder_exits_2(capsys, tmp_path):
    """An output path in a folder that does not exist is reported, exit 2."""
    code, _, err = run(
        capsys, "--lang", "en", "evaluate", DEMO, "--output", tmp_path / "no" / "x.txt"
    )
    assert code == 2
    assert "cannot write the output" in err


def test_no_colour_when_not_a_terminal(capsys):
    """Captured (non-terminal) output has no ANSI codes."""
    _, out, _ = run(capsys, "evaluate", DEMO, "--as-of", "2025-12-31")
    assert "\x1b[" not in out


def test_colour_on_a_terminal_unless_no_color(monkeypatch):
    """On a terminal the marks are coloured, unless ``NO_COLOR`` is set."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    stream = FakeTTY()
    monkeypatch.setattr(sys, "stdout", stream)
    assert main(["evaluate", str(DEMO), "--as-of", "2025-12-31"]) == 0
    assert "\x1b[32m" in stream.getvalue()
    monkeypatch.setenv("NO_COLOR", "1")
    stream = FakeTTY()
    monkeypatch.setattr(sys, "stdout", stream)
    assert main(["evaluate", str(DEMO), "--as-of", "2025-12-31"]) == 0
    assert "\x1b[" not in stream.getvalue()


def test_progress_bar_only_on_a_terminal(monkeypatch, capsys, folder):
    """A progress bar is drawn on standard error only when it is a terminal."""
    _, _, err = run(capsys, "evaluate", folder, "--as-of", "2025-12-31")
    assert "\r" not in err
    stream = FakeTTY()
    monkeypatch.setattr(sys, "stderr", stream)
    assert main(["evaluate", str(folder), "--as-of", "2025-12-31"]) == 0
    assert "] 2/2" in stream.getvalue()


def test_evaluate_bad_rulebook_exits_2(capsys, tmp_path):
    """An invalid ``--rulebook`` is reported with its problems, exit 2, no traceback."""
    bad = tmp_path / "bad.toml"
    bad.write_text("schema = 1\n", encoding="utf-8")
    code, out, err = run(capsys, "--lang", "en", "evaluate", DEMO, "--rulebook", bad)
    assert code == 2
    assert out == ""
    assert str(bad) in err


def test_evaluate_date_before_any_rulebook_exits_2(capsys):
    """A date no rulebook covers is a usage error with a message."""
    code, _, err = run(capsys, "--lang", "en", "evaluate", DEMO, "--as-of", "2010-01-01")
    assert code == 2
    assert "no rulebook is in force on 2010-01-01" in err


def test_evaluate_empty_folder_exits_2(capsys, tmp_path):
    """A folder without ``*.json`` or ``*.jsonl`` files is unreadable input, exit 2."""
    code, _, err = run(capsys, "--lang", "en", "evaluate", tmp_path, "--as-of", "2025-12-31")
    assert code == 2
    assert "the folder holds no *.json or *.jsonl file" in err


# --- usage errors in the chosen language ------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("id", "kesalahan: argumen berikut wajib diisi: PATH"),
        ("en", "error: the following arguments are required: PATH"),
    ],
)
def test_usage_error_in_chosen_language(capsys, lang, expected):
    """Usage errors exit 2 with the message in the chosen language."""
    code, _, err = run(capsys, "--lang", lang, "evaluate")
    assert code == 2
    assert expected in err


def test_bad_date_and_choice_in_indonesian(capsys):
    """Bad option values are explained in Indonesian."""
    code, _, err = run(capsys, "evaluate", DEMO, "--as-of", "31/12/2025", "--lang", "id")
    assert code == 2
    assert "argumen --as-of: tanggal tidak sah, diharapkan YYYY-MM-DD" in err
    code, _, err = run(capsys, "--lang", "id", "evaluate", DEMO, "--format", "pdf")
    assert code == 2
    assert "pilihan tidak sah: 'pdf'" in err


def test_help_of_every_command_in_both_languages(capsys):
    """Every command has help in both languages, with the exit codes."""
    commands = [
        ["evaluate"], ["explain"], ["validate"], ["schema"], ["indicators"], ["example"],
        ["access"], ["rulebook"], ["rulebook", "check"], ["rulebook", "show"],
        ["rulebook", "table"], ["rulebook", "diff"],
    ]  # fmt: skip
    for command in commands:
        code, out, _ = run(capsys, "--lang", "id", *command, "--help")
        assert code == 0
        assert "Kode keluar" in out
        assert "tampilkan bantuan ini lalu keluar" in out
        code, out, _ = run(capsys, "--lang", "en", *command, "--help")
        assert code == 0
        assert "Exit codes" in out


# --- explain ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_explain_every_format(capsys, fmt):
    """``explain`` shows every node with observed value, threshold, source, reference and gap."""
    code, out, _ = run(
        capsys, "--lang", "en", "explain", DEMO, "--milestone", "M4", "--as-of", "2025-12-31",
        "--format", fmt,
    )  # fmt: skip
    assert code == 0
    assert "m4.multi_aspect.test.2.4" in out  # the fifth aspect, inside the one qualifying model
    assert "m4_apbd_realisation" in out
    if fmt == "json":
        data = json.loads(out)
        assert data["as_of"] == "2025-12-31"
        apbd = next(c for c in data["criteria"] if c["id"] == "m4.apbd_realisation")
        assert (apbd["observed"]["value"], apbd["cmp"], apbd["threshold"]) == ("85.16", ">=", "80")
    else:
        assert "31 December 2025" in out
        assert "≥ 80 %" in out


def test_explain_shows_gap_in_indonesian(capsys):
    """A failing criterion's gap and reference are shown in Indonesian."""
    code, out, _ = run(
        capsys, "--lang", "id", "explain", MAHAKAM_ULU, "--milestone", "M4", "--as-of", "2025-12-31"
    )
    assert code == 0
    assert "Hasil: belum dapat diputuskan" in out
    assert (
        "Kekurangan: lengkapi: catatan commitments lainnya (daftar ditandai belum lengkap)" in out
    )
    assert "dasar: M4 adalah" in out
    assert "ASUMSI: bahwa komitmen diperbarui" in out


def test_explain_invalid_dossier_exits_1(capsys, broken_file):
    """Explaining an invalid dossier reports its problems, exit 1."""
    code, out, err = run(capsys, "--lang", "en", "explain", broken_file, "--milestone", "M1")
    assert code == 1
    assert out == ""
    assert "$.fictional" in err


def test_explain_needs_a_milestone(capsys):
    """``--milestone`` is required and limited to M1-M4."""
    assert run(capsys, "explain", DEMO)[0] == 2
    assert run(capsys, "explain", DEMO, "--milestone", "M5")[0] == 2


# --- validate, schema ---------------------------------------------------------------------------


def test_validate_folder_and_json_lines(capsys, folder, tmp_path):
    """``validate`` accepts folders and JSON Lines, naming each line."""
    lines = tmp_path / "two.jsonl"
    lines.write_text(json.dumps(json.loads(DEMO.read_text("utf-8"))) + "\n[]\n", encoding="utf-8")
    code, out, _ = run(capsys, "--lang", "en", "validate", folder, lines)
    assert code == 1
    assert f"{folder / 'mahakam-ulu-2024.json'}: valid" in out
    assert f"{lines}:1: valid" in out
    assert f"{lines}:2: invalid" in out


def test_schema_to_output_file(capsys, tmp_path):
    """``schema --output`` writes the schema file."""
    target = tmp_path / "schema.json"
    assert run(capsys, "schema", "--output", target)[0] == 0
    assert json.loads(target.read_text("utf-8"))["$schema"].startswith("https://json-schema.org")


# --- rulebook -----------------------------------------------------------------------------------


def test_rulebook_check_default(capsys):
    """``rulebook check`` accepts the bundled rulebook."""
    code, out, _ = run(capsys, "--lang", "en", "rulebook", "check", DEFAULT_RULEBOOK)
    assert code == 0
    assert out.strip().endswith("(ppsp-ssk-milestones 2025.1, reconstructed, 20 criteria)")
    code, out, _ = run(
        capsys, "--lang", "en", "rulebook", "check", RULEBOOKS / "ppsp-milestones-2020.toml"
    )
    assert code == 0
    assert out.strip().endswith("(ppsp-ssk-milestones 2020.1, reconstructed, 19 criteria)")


def test_rulebook_check_counts_one_criterion_in_the_singular(capsys, tmp_path):
    """A rulebook of one criterion is "1 criterion" in English, "1 kriteria" in Indonesian."""
    one = tmp_path / "one.toml"
    one.write_text(
        'schema = "sanitasi.rulebook/v1"\nid = "one"\nversion = "1"\nstatus = "official"\n'
        'valid_from = 2020-01-01\ntitle = { id = "Satu", en = "One" }\n'
        '[[milestones]]\nid = "M1"\ntitle = { id = "M1", en = "M1" }\n'
        '[[milestones.criteria]]\nid = "c"\nmessage = { id = "uji", en = "test" }\n'
        'reference = { basis = "test" }\ntest = { op = "present", fact = "designated" }\n',
        encoding="utf-8",
    )
    assert (
        run(capsys, "--lang", "en", "rulebook", "check", one)[1]
        .strip()
        .endswith("(one 1, official, 1 criterion)")
    )
    assert run(capsys, "--lang", "id", "rulebook", "check", one)[1].strip().endswith("1 kriteria)")


def test_rulebook_check_invalid_and_unreadable(capsys, tmp_path):
    """An invalid rulebook exits 1, a missing one 2."""
    bad = tmp_path / "bad.toml"
    bad.write_text("schema = 1\n", encoding="utf-8")
    assert run(capsys, "rulebook", "check", bad)[0] == 1
    assert run(capsys, "rulebook", "check", tmp_path / "missing.toml")[0] == 2


@pytest.mark.parametrize(
    ("fmt", "expected"), [("text", "m4_apbd_realisation"), ("json", '"schema"')]
)
def test_rulebook_show(capsys, fmt, expected):
    """``rulebook show`` prints the default or a given rulebook, as text or JSON."""
    code, out, _ = run(capsys, "--lang", "en", "rulebook", "show", "--format", fmt)
    assert code == 0
    assert expected in out
    code, again, _ = run(
        capsys, "--lang", "en", "rulebook", "show", DEFAULT_RULEBOOK, "--format", fmt
    )
    assert again == out
    if fmt == "json":
        assert json.loads(out)["id"] == "ppsp-ssk-milestones"


@pytest.mark.parametrize("fmt", ["markdown", "csv"])
def test_rulebook_table(capsys, fmt):
    """``rulebook table`` lists criterion × threshold × source."""
    code, out, _ = run(capsys, "--lang", "en", "rulebook", "table", "--format", fmt)
    assert code == 0
    assert "m4.apbd_realisation" in out
    assert "≥ 80 % from 1 January 2025" in out
    if fmt == "csv":
        assert next(csv.reader(io.StringIO(out)))[:2] == ["Milestone", "Criterion id"]


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_rulebook_diff(capsys, tmp_path, folder, fmt):
    """``rulebook diff`` lists the districts whose level changes and the criteria why."""
    stricter = tmp_path / "strict.toml"
    text = DEFAULT_RULEBOOK.read_text("utf-8").replace('value = "80"', 'value = "90"')
    stricter.write_text(text.replace('version = "2025.1"', 'version = "strict"'), "utf-8")
    code, out, _ = run(
        capsys, "--lang", "en", "rulebook", "diff", "default", stricter, folder,
        *AFTER_2025, "--format", fmt,
    )  # fmt: skip
    assert code == 0
    assert "m4.apbd_realisation" in out
    assert "64.60" in out
    assert "64.11" not in out
    if fmt == "json":
        assert json.loads(out)["compared"] == 2
    else:
        assert "31 March 2026" in out


# --- indicators, example ------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_indicators(capsys, fmt):
    """``indicators`` prints the catalogue as text or JSON."""
    code, out, _ = run(capsys, "--lang", "en", "indicators", "--format", fmt)
    assert code == 0
    assert "apbd_realisation_pct" in out
    if fmt == "json":
        assert any(i["name"] == "designated" for i in json.loads(out))


def test_example_writes_the_bundled_dossiers(capsys, tmp_path):
    """``example DIR`` writes the example dossiers; it does not overwrite without --force."""
    target = tmp_path / "new" / "examples"
    code, out, _ = run(capsys, "--lang", "en", "example", target)
    assert code == 0
    real = sorted(p.name for p in (ROOT / "examples" / "real").glob("*.json"))
    expected = sorted(["demo-sungai-lestari.json", "mahakam-ulu-2024.json", *real])
    assert sorted(p.name for p in target.iterdir()) == expected
    assert len(real) >= 8
    for name in ("mahakam-ulu-2024.json", "demo-sungai-lestari.json"):
        assert (target / name).read_bytes() == (ROOT / "examples" / name).read_bytes()
    for name in real:
        assert (target / name).read_bytes() == (ROOT / "examples" / "real" / name).read_bytes()
    assert out.count("written: ") == len(expected)
    assert run(capsys, "validate", target)[0] == 0
    code, _, err = run(capsys, "--lang", "en", "example", target)
    assert code == 2
    assert "already exists" in err
    assert run(capsys, "example", target, "--force")[0] == 0


# --- access -------------------------------------------------------------------------------------


@pytest.fixture
def households(tmp_path: Path) -> Path:
    path = tmp_path / "households.csv"
    path.write_text("\n".join((HOUSEHOLD_HEADER, *HOUSEHOLD_ROWS)) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
def test_access_every_format(capsys, households, fmt):
    """``access`` summarises a household file into the ladder in every format."""
    code, out, err = run(capsys, "--lang", "en", "access", households, "--format", fmt)
    assert code == 0, err
    if fmt == "json":
        assert json.loads(out)["rows"] == 2
    elif fmt == "csv":
        assert next(csv.reader(io.StringIO(out))) == ["area", "indicator", "weight", "share"]
    else:
        assert "rows accepted 2, rows rejected 0" in out


def test_access_rejected_rows_exit_1(capsys, households):
    """Rejected household rows are reported and the exit code is 1."""
    households.write_text(households.read_text("utf-8") + "h3,bad\n", encoding="utf-8")
    code, out, _ = run(capsys, "--lang", "en", "access", households)
    assert code == 1
    assert "rows rejected 1" in out
    code, _, err = run(capsys, "--lang", "en", "access", households, "--format", "json")
    assert code == 1
    assert "1 row(s) rejected" in err


def test_access_unreadable_exits_2(capsys, tmp_path):
    """A missing household file, or one of unknown format, exits 2 with a message."""
    assert run(capsys, "access", tmp_path / "missing.csv")[0] == 2
    other = tmp_path / "households.txt"
    other.write_text(HOUSEHOLD_HEADER + "\n", encoding="utf-8")
    assert run(capsys, "access", other)[0] == 2


def test_evaluate_unreadable_file_in_batch_exits_2(capsys, tmp_path):
    """A missing file in a batch is reported (exit 2) and the other files are still evaluated."""
    code, out, err = run(
        capsys, "--lang", "en", "evaluate", tmp_path / "missing.json", DEMO, "--format", "json"
    )
    assert code == 2
    assert f"{tmp_path / 'missing.json'}: cannot be read: " in err
    items = json.loads(out)
    # Sorted by path: DEMO (examples/…) and the missing file (/tmp/…), each accounted for.
    by_schema = {item["schema"]: item for item in items}
    assert len(items) == 2
    assert by_schema["sanitasi.decision/v2"]["region"]["code"] == "64.60"
    missing = by_schema["sanitasi.problems/v1"]
    assert missing["source"] == str(tmp_path / "missing.json")
    assert [p["code"] for p in missing["problems"]] == ["cli_unreadable"]


def test_output_file_is_readable_by_others(tmp_path) -> None:
    """A report written with --output gets the usual file mode, not the temporary file's 0600."""
    import os  # noqa: PLC0415

    target = tmp_path / "laporan.txt"
    code = main(
        ["evaluate", "examples/mahakam-ulu-2024.json", "--as-of", "2024-12-31", "-o", str(target)]
    )
    assert code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    target.chmod(0o640)
    assert (
        main(
            [
                "evaluate",
                "examples/mahakam-ulu-2024.json",
                "--as-of",
                "2024-12-31",
                "-o",
                str(target),
            ]
        )
        == 0
    )
    assert target.stat().st_mode & 0o777 == 0o640


# --------------------------------------------------------------------------------------------
# extract
# --------------------------------------------------------------------------------------------

NEWS = (
    "Ujoh Bilang, Senin (18/12/2023) | 10:03 WITA - Bupati menerima Keputusan Menteri Dalam\n"
    "Negeri Nomor 100.4.3-1037/Kep/Bangda 2023. Tahun ini APBD sanitasi Rp 19 M, dana desa\n"
    "Rp485,9 juta dan iuran Rp 25.000/bulan."
)


@pytest.fixture
def news(tmp_path: Path) -> Path:
    path = tmp_path / "news.txt"
    path.write_text(NEWS, encoding="utf-8")
    return path


def test_extract_finds_the_decree_the_date_and_three_amounts(capsys, news):
    """``extract --format json`` gives each mention with offsets into the file's text."""
    code, out, _ = run(capsys, "extract", news, "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert document["schema"] == "sanitasi.mentions/v1"
    found = [(m["kind"], m["text"]) for m in document["mentions"] if m["kind"] != "region"]
    assert found == [
        ("date", "Senin (18/12/2023) | 10:03 WITA"),
        ("decree", "100.4.3-1037/Kep/Bangda 2023"),
        ("amount", "Rp 19 M"),
        ("amount", "Rp485,9 juta"),
        ("amount", "Rp 25.000/bulan"),
    ]
    for mention in document["mentions"]:
        assert NEWS[mention["start"] : mention["end"]] == mention["text"]
        line_start = NEWS.rfind("\n", 0, mention["start"]) + 1
        assert mention["line"] == NEWS.count("\n", 0, mention["start"]) + 1
        assert mention["column"] == mention["start"] - line_start + 1
    amounts = [m["value"]["rupiah"] for m in document["mentions"] if m["kind"] == "amount"]
    assert amounts == ["19000000000", "485900000", "25000"]


def test_extract_text_shows_each_mention_in_context(capsys, news):
    """The text format gives line:column, kind, value, and the mention in brackets in context."""
    code, out, _ = run(capsys, "--lang", "en", "extract", news)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"{news}: 5 found"
    assert "2:14  decree      100.4.3-1037/Kep/Bangda 2023" in lines
    assert any("[Rp 19 M]" in line for line in lines)


def test_extract_reads_standard_input_and_writes_csv(capsys, monkeypatch, news):
    """``extract -`` reads standard input; CSV has stable column names."""
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(NEWS.encode())))
    code, out, _ = run(capsys, "extract", "-", "--format", "csv", "--reference", "2023-12-20")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["kind", "start", "end", "line", "column", "text", "value"]
    assert [rows[3][0], rows[3][5], rows[3][6]] == ["amount", "Rp 19 M", "Rp19.000.000.000"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_extract_refuses_what_it_cannot_read(capsys, tmp_path, lang):
    """A missing file, a device and bytes that are not UTF-8 exit 2 with a message."""
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Rp 5 juta dibayar di Bogor \xe9".encode("latin-1"))
    for path in (tmp_path / "missing.txt", Path("/dev/zero"), latin):
        code, out, err = run(capsys, "--lang", lang, "extract", path)
        assert (code, out) == (2, "")
        assert str(path) in err


# --------------------------------------------------------------------------------------------
# Internal errors and the version
# --------------------------------------------------------------------------------------------


def test_an_internal_error_exits_70_with_one_line_and_debug_shows_it(capsys, monkeypatch):
    """A bug exits 70 with one line asking for a report; ``--debug`` lets the traceback through."""
    import sanitasi_core.contracts  # noqa: PLC0415

    def broken(*_args: object, **_kwargs: object) -> object:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(sanitasi_core.contracts, "json_schema", broken)
    code, out, err = run(capsys, "--lang", "en", "schema")
    assert (code, out) == (70, "")
    (line,) = err.splitlines()
    assert "internal error (a bug in sanitasi-core" in line
    assert "ZeroDivisionError: boom" in line
    assert "--debug" in line
    with pytest.raises(ZeroDivisionError):
        main(["schema", "--debug"])
    with pytest.raises(ZeroDivisionError):  # before the command as well
        main(["--debug", "schema"])


def test_version_is_printed(capsys):
    """``sanitasi --version`` prints the installed version and exits 0."""
    from importlib.metadata import version  # noqa: PLC0415

    code, out, _ = run(capsys, "--version")
    assert (code, out.strip()) == (0, f"sanitasi {version('sanitasi-core')}")


@pytest.mark.parametrize("command", ["validate", "evaluate"])
def test_special_files_are_refused_before_reading(capsys, command):
    """``/dev/zero`` (a device that never ends) is refused at once, exit 2, never read."""
    code, _, err = run(capsys, "--lang", "en", command, "/dev/zero")
    assert code == 2
    assert "/dev/zero: cannot be read: is a character device, not a regular file" in err


def test_output_to_dev_null_leaves_it_a_device(capsys):
    """``-o /dev/null`` discards the report; /dev/null stays a character device."""
    import stat  # noqa: PLC0415

    code, _, _ = run(capsys, "evaluate", DEMO, "--as-of", "2025-12-31", "-o", "/dev/null")
    assert code == 0
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)
