"""The ``sanitasi`` command line: exit codes, messages in both languages, no tracebacks."""

import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from sanitasi_core.cli import main

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
    shipped = resources.files("sanitasi_core") / "schemas" / "dossier-v1.schema.json"
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
