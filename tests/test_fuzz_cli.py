"""Regressions of the crashes fuzzing found through the command line, on real files.

Each test runs ``sanitasi`` in-process (``fuzz/run.py``'s :func:`run_cli`: streams captured,
time and tracemalloc peak measured, a hang stopped) over files in a temporary folder, and checks
what the fuzz targets check: the exit code (never 70), no traceback, no raw control character
on the terminal, the output safe for its format (``check_output``), within the budgets. The
classes are those of issue #13's "Why"; the in-memory halves of several live elsewhere (see
``docs/explanation/limits-and-guarantees.md``).
"""

import importlib.util
import json
import os
import stat
import sys
from pathlib import Path
from typing import Any

import pytest

from sanitasi_core.exceptions import MAX_PROBLEMS

ROOT = Path(__file__).resolve().parent.parent


def _load_fuzz_runner() -> Any:
    """``fuzz/run.py`` as a module (it is a script, not part of the package)."""
    spec = importlib.util.spec_from_file_location("sanitasi_fuzz_run", ROOT / "fuzz" / "run.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


fuzz = _load_fuzz_runner()
DEMO: dict[str, Any] = fuzz.DEMO
AS_OF: list[str] = fuzz.AS_OF
FORMATS = ["text", "json", "csv", "markdown", "html"]
HOSTILE_NAME = (
    "<script>alert('FUZZ')</script> =cmd|' /C calc'!A0 \x1b[31mred\x1b[0m \u202eevil "
    "[FUZZ](http://FUZZ.example) `x` | # \u2028 line\nforged: valid"
)


def _write(path: Path, document: Any) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _run(argv: list[Any], expected: set[int], *, traced: bool = True, **kwargs: Any) -> Any:
    run = fuzz.run_cli([str(a) for a in argv], traced=traced, **kwargs)
    fuzz.check_run(run, expected)
    return run


def _with(**changes: Any) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(json.dumps(DEMO))
    document.update(changes)
    return document


# --------------------------------------------------------------------------------------------
# Expensive rulebooks
# --------------------------------------------------------------------------------------------


def _fan_rulebook(levels: int, fan: int) -> dict[str, Any]:
    """The default rulebook whose first criterion tests d<levels>; d_i names d_(i-1) fan times."""
    document: dict[str, Any] = json.loads(json.dumps(fuzz.BASE_RULEBOOK))
    definitions = [fuzz._definition("d0", fuzz._PRESENT)]
    for level in range(1, levels + 1):
        refs = [{"op": "ref", "criterion": f"d{level - 1}"}] * fan
        definitions.append(fuzz._definition(f"d{level}", {"op": "all", "of": refs}))
    document["definitions"] = definitions
    document["milestones"][0]["criteria"][0]["test"] = {"op": "ref", "criterion": f"d{levels}"}
    return document


@pytest.mark.parametrize(("levels", "fan"), [(40, 2), (12, 8)], ids=["2^40", "8^12"])
def test_a_rulebook_expanding_past_the_limit_is_refused_at_once(tmp_path, levels, fan):
    """A small rulebook whose definitions name each other fan^levels times is refused at once."""
    rulebook = _write(tmp_path / "fan.json", _fan_rulebook(levels, fan))
    assert rulebook.stat().st_size < 200_000
    dossier = _write(tmp_path / "d.json", DEMO)
    run = _run(["--lang", "en", "rulebook", "check", rulebook], {1}, traced=False)
    assert "every reference to a definition expanded" in run.out
    for argv in (
        ["evaluate", dossier, *AS_OF, "--rulebook", rulebook, "--format", "json"],
        ["explain", dossier, "--milestone", "M1", *AS_OF, "--rulebook", rulebook],
        ["rulebook", "table", rulebook],
        ["rulebook", "show", rulebook],
    ):
        run = _run(argv, {2}, traced=False)
        assert run.seconds < 5


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["evaluate", "--format", "text"], id="evaluate-text"),
        pytest.param(["evaluate", "--format", "json"], id="evaluate-json"),
        pytest.param(["evaluate", "--format", "html"], id="evaluate-html"),
        pytest.param(["explain", "--milestone", "M1", "--format", "json"], id="explain"),
        pytest.param(["rulebook", "table"], id="table"),
        pytest.param(["rulebook", "show"], id="show"),
    ],
)
def test_a_rulebook_just_within_the_expansion_limit_is_used_at_once(tmp_path, argv):
    """2^12 paths to one definition (just within MAX_EXPANDED_NODES): every command answers."""
    rulebook = _write(tmp_path / "fan.json", _fan_rulebook(12, 2))
    _run(["rulebook", "check", rulebook], {0}, traced=False)  # one level more is refused
    _run(["rulebook", "check", _write(tmp_path / "more.json", _fan_rulebook(13, 2))], {1})
    dossier = _write(tmp_path / "d.json", DEMO)
    if argv[0] == "rulebook":
        full = [*argv, rulebook]
    else:
        full = [argv[0], dossier, *argv[1:], *AS_OF, "--rulebook", rulebook]
    run = _run(full, {0}, traced=False)
    assert run.seconds < 5
    if "--format" in argv:
        fuzz.check_output(run.out, argv[argv.index("--format") + 1])


def test_a_rulebook_past_the_node_limit_is_refused_by_every_command(tmp_path):
    """One criterion of MAX_NODES + 1 nodes: ``check`` says so (exit 1), the others exit 2."""
    document: dict[str, Any] = json.loads(json.dumps(fuzz.BASE_RULEBOOK))
    document["milestones"][0]["criteria"][0]["test"] = {
        "op": "all",
        "of": [fuzz._PRESENT] * fuzz.MAX_NODES,
    }
    rulebook = _write(tmp_path / "big.json", document)
    run = _run(["--lang", "en", "rulebook", "check", rulebook], {1})
    assert "too_many_nodes" in run.out + run.err or str(fuzz.MAX_NODES) in run.out + run.err
    dossier = _write(tmp_path / "d.json", DEMO)
    _run(["evaluate", dossier, *AS_OF, "--rulebook", rulebook], {2})
    _run(["rulebook", "show", rulebook], {2})


# --------------------------------------------------------------------------------------------
# Extreme decimals
# --------------------------------------------------------------------------------------------

HUGE = "9" * 40


@pytest.mark.parametrize("fmt", FORMATS)
def test_40_digit_amounts_evaluate_in_every_format(tmp_path, fmt):
    """Amounts of 40 digits and 20 places, valid by the schema, evaluate (exit 0) in each format."""
    activities = [
        {**a, "planned": HUGE + ".99999999999999999999", "realised": HUGE[:-1]}
        for a in DEMO["activities"]
    ]
    dossier = _write(tmp_path / "d.json", _with(activities=activities))
    _run(["validate", dossier], {0})
    run = _run(["evaluate", dossier, *AS_OF, "--format", fmt, "--detail"], {0})
    fuzz.check_output(run.out, fmt)


@pytest.mark.parametrize("amount", ["9" * 41, "1e5", "0." + "0" * 21 + "1", 1e300, 10**45])
def test_amounts_beyond_the_format_are_invalid_not_a_crash(tmp_path, amount):
    """41 digits, exponents, 22 places or JSON numbers are invalid input (exit 1)."""
    activities = [{**DEMO["activities"][0], "planned": amount}, *DEMO["activities"][1:]]
    dossier = _write(tmp_path / "d.json", _with(activities=activities))
    _run(["evaluate", dossier, *AS_OF], {1})
    _run(["explain", dossier, "--milestone", "M4", *AS_OF], {1})


# --------------------------------------------------------------------------------------------
# Lone surrogates
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_lone_surrogate_line_costs_only_itself(tmp_path, fmt):
    """A lone surrogate escape in one JSON Lines line: refused (exit 1); 15 good lines written."""
    lines = [json.dumps(_with(region={"code": "64.60", "name": f"Good{i:04d}"})) for i in range(15)]
    lines.insert(7, json.dumps(_with(region={"code": "64.60", "name": "bad \ud800"})))
    assert "\\ud800" in lines[7]
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(lines), encoding="utf-8")
    output = tmp_path / f"report.{fmt}"
    run = _run(["--lang", "en", "evaluate", batch, *AS_OF, "--format", fmt, "-o", output], {1})
    assert f"{batch}:8" in run.err
    report = output.read_text(encoding="utf-8")
    fuzz.check_output(report, fmt)
    assert all(f"Good{i:04d}" in report for i in range(15))


# --------------------------------------------------------------------------------------------
# --output
# --------------------------------------------------------------------------------------------


def test_output_through_a_symlink_writes_its_target_and_keeps_the_link(tmp_path):
    """``-o link`` writes the file the link points to; the link stays a link."""
    target = tmp_path / "real.csv"
    target.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    _run(["schema", "-o", link], {0})
    assert link.is_symlink()
    assert json.loads(target.read_text(encoding="utf-8"))
    assert not list(tmp_path.glob("*.tmp"))


def test_output_over_a_read_only_file_is_refused_and_leaves_it(tmp_path):
    """``-o`` at a read-only file exits 2 and leaves the file, its content and mode, as it was."""
    signed = tmp_path / "signed.txt"
    signed.write_text("signed")
    signed.chmod(0o444)
    _run(["schema", "-o", signed], {2})
    assert signed.read_text() == "signed"
    assert stat.S_IMODE(signed.stat().st_mode) == 0o444
    assert not list(tmp_path.glob(".*.tmp"))


def test_output_to_a_fifo_nobody_reads_is_refused_at_once(tmp_path):
    """``-o fifo`` without a reader exits 2 at once instead of waiting for one."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    run = _run(["schema", "-o", fifo], {2}, traced=False)
    assert run.seconds < 5
    assert stat.S_ISFIFO(fifo.stat().st_mode)


# --------------------------------------------------------------------------------------------
# Many problems, large and special files
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["validate", "evaluate"])
def test_ten_thousand_bad_items_give_the_first_problems_and_a_count(tmp_path, command):
    """10,000 bad list items (40,000 problems): the first MAX_PROBLEMS shown, the rest counted."""
    dossier = _write(tmp_path / "d.json", _with(activities=[{"id": 1, "planned": 12.5}] * 10_000))
    argv = ["--lang", "en", command, dossier] + (AS_OF if command == "evaluate" else [])
    run = _run(argv, {1}, budget=15)
    problems = [line for line in (run.out + run.err).splitlines() if line.startswith("  $.")]
    assert len(problems) == MAX_PROBLEMS
    assert f"and {40_000 - MAX_PROBLEMS} more problems" in run.out + run.err


@pytest.mark.parametrize(
    ("suffix", "command"),
    [
        (".json", ["validate"]),
        (".json", ["evaluate", *AS_OF]),
        (".toml", ["rulebook", "check"]),
        (".txt", ["extract"]),
    ],
)
def test_a_huge_sparse_file_is_refused_before_reading(tmp_path, suffix, command):
    """A 4 GiB (sparse) input is refused by its size at once, in little memory (exit 2)."""
    path = tmp_path / f"huge{suffix}"
    with path.open("wb") as handle:
        handle.truncate(4 << 30)
    argv = [command[0], path, *command[1:]] if command[0] != "rulebook" else [*command, path]
    run = _run(argv, {2})
    assert run.peak < 64 << 20
    assert str(path) in run.out + run.err  # rulebook check reports on standard output


SPECIAL = ["fifo", "dev_zero", "folder", "dangling", "proc"]
READERS = {
    "validate": (".json", lambda p: ["validate", p]),
    "evaluate": (".json", lambda p: ["evaluate", p, *AS_OF]),
    "explain": (".json", lambda p: ["explain", p, "--milestone", "M1", *AS_OF]),
    "rulebook check": (".toml", lambda p: ["rulebook", "check", p]),
    "evaluate --rulebook": (
        ".toml",
        lambda p: [
            "evaluate",
            ROOT / "examples" / "demo-sungai-lestari.json",
            *AS_OF,
            "--rulebook",
            p,
        ],
    ),
    "access": (".csv", lambda p: ["access", p]),
    "extract": (".txt", lambda p: ["extract", p]),
}


@pytest.mark.parametrize("kind", SPECIAL)
@pytest.mark.parametrize("reader", list(READERS))
def test_special_files_are_refused_by_every_command(tmp_path, reader, kind):
    """A FIFO, /dev/zero, a folder, a dangling link or /proc file: exit 2 at once, path named."""
    suffix, argv = READERS[reader]
    path = fuzz._make_input(kind, tmp_path, suffix, b"", 0)
    run = _run(["--lang", "en", *argv(path)], {2}, traced=False)
    assert run.seconds < 5
    assert str(path) in run.out + run.err


def test_a_household_file_swapped_for_a_fifo_after_the_look_is_refused(tmp_path, monkeypatch):
    """A FIFO that takes a household file's place after it was looked at cannot hang ``access``."""
    path = tmp_path / "households.csv"
    path.write_bytes(fuzz._HOUSEHOLD_CSV)
    real_fstat = os.fstat

    def fifo_after_open(handle: int) -> os.stat_result:
        found = real_fstat(handle)
        mode = stat.S_IFIFO | 0o600 if stat.S_ISREG(found.st_mode) else found.st_mode
        return os.stat_result((mode, *tuple(found)[1:]))

    monkeypatch.setattr(os, "fstat", fifo_after_open)
    run = _run(["--lang", "en", "access", path], {2}, traced=False)
    assert "named pipe (FIFO)" in run.err


def test_a_household_file_that_cannot_be_opened_is_unreadable(tmp_path, monkeypatch):
    """The system refusing to open a household file is exit 2 with its reason."""
    path = tmp_path / "households.csv"
    path.write_bytes(fuzz._HOUSEHOLD_CSV)

    def refuse(*_args: object, **_kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    run = _run(["--lang", "en", "access", path], {2}, traced=False)
    assert "Permission denied" in run.err


# --------------------------------------------------------------------------------------------
# Hostile text into every renderer
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_hostile_names_are_neutralised_in_every_format(tmp_path, fmt):
    """Markup, formulas, terminal controls and bidi overrides in names are inert in each format."""
    activities = [{**DEMO["activities"][0], "name": HOSTILE_NAME}, *DEMO["activities"][1:]]
    region = {"code": "64.60", "name": HOSTILE_NAME}
    dossier = _write(tmp_path / "d.json", _with(region=region, activities=activities))
    run = _run(["evaluate", dossier, *AS_OF, "--format", fmt, "--detail"], {0})
    fuzz.check_output(run.out, fmt)
    assert "FUZZ" in run.out  # the payload is shown, as text


@pytest.mark.parametrize(
    ("command", "fmt"),
    [("show", "text"), ("table", "markdown"), ("table", "csv"), ("explain", "markdown")],
)
def test_hostile_rulebook_texts_are_neutralised(tmp_path, command, fmt):
    """A rulebook's hostile title, message and basis are inert in text, Markdown and CSV."""
    document: dict[str, Any] = json.loads(json.dumps(fuzz.BASE_RULEBOOK))
    document["title"] = {"id": HOSTILE_NAME, "en": HOSTILE_NAME}
    criterion = document["milestones"][0]["criteria"][0]
    criterion["message"] = {"id": HOSTILE_NAME, "en": HOSTILE_NAME}
    criterion["reference"]["basis"] = {"id": HOSTILE_NAME, "en": HOSTILE_NAME}
    rulebook = _write(tmp_path / "r.json", document)
    if command == "explain":
        dossier = _write(tmp_path / "d.json", DEMO)
        argv = ["explain", dossier, "--milestone", "M1", *AS_OF, "--rulebook", rulebook]
    else:
        argv = ["rulebook", command, rulebook]
    run = _run([*argv, "--format", fmt], {0})
    fuzz.check_output(run.out, fmt)


def test_hostile_household_cells_are_neutralised_in_csv(tmp_path):
    """A household id that starts a formula reaches the access CSV as text."""
    path = tmp_path / "households.csv"
    header, row = fuzz._HOUSEHOLD_CSV.decode().splitlines()
    path.write_text(f"{header}\n{row}\n\"=cmd|' /C calc'!A0\",urban,own,,,,,,0003-01-01\n")
    run = _run(["access", path, "--format", "csv"], {1})
    fuzz.check_output(run.out, "csv")


def test_a_hostile_file_name_reaches_the_terminal_escaped(tmp_path):
    """A file name holding an escape sequence is shown escaped in the messages about it."""
    path = tmp_path / "\x1b[31mred.json"
    path.write_text("{", encoding="utf-8")
    run = fuzz.run_cli(["--lang", "en", "validate", str(path)])
    fuzz.check_output(run.out, "text")
    fuzz.check_run(run, {1})


# --------------------------------------------------------------------------------------------
# The harness itself
# --------------------------------------------------------------------------------------------


def test_the_checks_catch_what_they_look_for():
    """The output checks refuse a formula cell, a script, a raw escape and broken JSON."""
    bad = [
        ("=1+1,x\r\n", "csv"),
        ("<p><script>x</script></p>", "html"),
        ("<img src=x onerror=alert(1)>", "markdown"),
        ("\x1b[31m", "text"),
        ("{", "json"),
    ]
    for content, fmt in bad:
        with pytest.raises(fuzz.FuzzCheckError):
            fuzz.check_output(content, fmt)
    fuzz.check_output("-0.5,+3,x\r\n", "csv")


def test_a_run_past_its_time_is_stopped(monkeypatch):
    """A command that hangs is stopped at twice its budget and reported, not waited for."""
    import sanitasi_core.cli  # noqa: PLC0415

    def hang(_argv: object) -> int:
        while True:
            pass

    monkeypatch.setattr(sanitasi_core.cli, "main", hang)
    with pytest.raises(fuzz.FuzzCheckError, match="no answer"):
        fuzz.run_cli(["schema"], budget=0.1, traced=False)


# --------------------------------------------------------------------------------------------
# Rulebooks are data; reports are deterministic
# --------------------------------------------------------------------------------------------


def test_a_rulebook_never_runs_or_reads_what_it_names(tmp_path):
    """Python and file names in a rulebook's fields stay text: nothing runs, nothing is read."""
    marker = tmp_path / "ran"
    payload = f"__import__('pathlib').Path({str(marker)!r}).touch()"
    document: dict[str, Any] = json.loads(json.dumps(fuzz.BASE_RULEBOOK))
    document["title"] = {"id": payload, "en": "{0.__class__.__init__.__globals__}"}
    criterion = document["milestones"][0]["criteria"][0]
    criterion["message"] = {"id": payload, "en": "/etc/passwd"}
    criterion["test"] = {"op": "present", "fact": payload}  # not a fact: refused, not run
    rulebook = _write(tmp_path / "r.json", document)
    dossier = _write(tmp_path / "d.json", DEMO)
    _run(["rulebook", "check", rulebook], {1})
    _run(["evaluate", dossier, *AS_OF, "--rulebook", rulebook], {2})
    criterion["test"] = {"op": "present", "fact": "designated"}
    rulebook = _write(tmp_path / "r.json", document)
    evaluate = ["evaluate", dossier, *AS_OF, "--rulebook", rulebook]
    for argv in (["rulebook", "show", rulebook], evaluate):
        run = _run(argv, {0})
        assert "root:" not in run.out
    assert not marker.exists()


def test_reports_are_byte_identical_across_hash_seeds_and_time_zones(tmp_path):
    """The same batch gives the same bytes under other hash seeds and time zones."""
    import subprocess  # noqa: PLC0415

    folder = tmp_path / "batch"
    folder.mkdir()
    _write(folder / "a.json", DEMO)
    _write(folder / "b.json", _with(region={"code": "64.60", "name": HOSTILE_NAME}))
    outputs = []
    for seed, zone in (("0", "UTC"), ("12345", "Asia/Jakarta"), ("999", "America/Los_Angeles")):
        env = {**os.environ, "PYTHONHASHSEED": seed, "TZ": zone, "PYTHONPATH": str(ROOT / "src")}
        argv = [sys.executable, "-m", "sanitasi_core", "--lang", "id", "evaluate", str(folder)]
        result = subprocess.run(
            [*argv, *AS_OF, "--format", "json"],
            capture_output=True,
            env=env,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] == outputs[2]


@pytest.mark.parametrize("unit", [b"\x00", b"Rp 5 juta 12,5% 13 Agustus 2024 Kab. Kapuas "])
def test_a_text_at_the_size_limit_is_extracted_within_the_budget(tmp_path, unit):
    """``extract`` on a text of exactly MAX_TEXT_BYTES (NUL bytes, or dense) stays in budget."""
    from sanitasi_core.cli._extract import MAX_TEXT_BYTES  # noqa: PLC0415

    path = tmp_path / "at-limit.txt"
    path.write_bytes((unit * (MAX_TEXT_BYTES // len(unit) + 1))[:MAX_TEXT_BYTES])
    # About 2 s on one core; the budget leaves room for coverage tracing on a loaded machine.
    _run(["extract", path, "--format", "json"], {0}, traced=False, budget=15)
