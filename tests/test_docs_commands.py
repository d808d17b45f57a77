"""Every shell command the README and the docs show runs, through ``cli.main``, as the page says.

Each page is replayed in order in a fresh folder: files the page shows with a caption
(``{code-block} json`` + ``:caption: NAME``) are written when they appear, every command of a
``sh`` block (or ``$ …`` line of a ``console`` block) is run through
:func:`sanitasi_core.cli.main`, and a plain ``text`` block after a command is that command's
output as shown: each of its lines (``...`` stands for lines left out) must be a line the command
printed. The expected exit code of every command is listed in :data:`PAGES`, and a page that
shows a command not listed there, or no longer shows a listed one, fails
:func:`test_every_command_shown_is_tested`.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pytest

from sanitasi_core.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DOCUMENT_PAGES = [
    ROOT / "README.md",
    *(
        page
        for page in sorted((ROOT / "docs").rglob("*.md"))
        if not {"_build", "_generated"} & set(page.relative_to(ROOT / "docs").parts)
    ),
]

_EVENTS = re.compile(
    r"^```\{code-block\} [\w-]+\n:caption: (?P<file>\S+)\n\n(?P<content>.*?)^```\n"
    r"|^```(?P<shell>sh|console)\n(?P<commands>.*?)^```\n"
    r"|^```text\n(?P<output>.*?)^```\n",
    re.DOTALL | re.MULTILINE,
)
_PROGRAMS = ("sanitasi", ".venv/bin/sanitasi")


@dataclass(frozen=True)
class Run:
    """A ``sanitasi`` command: run through ``cli.main``; exit code and extra checks."""

    command: str
    status: int = 0
    check: Callable[[Path, str, str], None] | None = None


@dataclass(frozen=True)
class Other:
    """A command of another program: replayed by *action*, or not run, for the *reason* given."""

    command: str
    reason: str
    action: Callable[[Path], None] | None = field(default=None)


Step = Run | Other


# --------------------------------------------------------------------------------------------
# Reading the pages
# --------------------------------------------------------------------------------------------


def _commands(block: str, kind: str) -> Iterator[str]:
    for raw in block.splitlines():
        line = raw.strip()
        if kind == "console":
            if not line.startswith("$ "):
                continue
            line = line[2:]
        if not line or line.startswith("#"):
            continue
        yield from (part.strip() for part in line.split("&&"))


def events(page: Path) -> list[tuple[str, str, str]]:
    """The page's files, commands and shown outputs, in page order."""
    found = []
    for match in _EVENTS.finditer(page.read_text(encoding="utf-8")):
        if match["file"]:
            found.append(("file", match["file"], match["content"]))
        elif match["shell"]:
            found.extend(("command", c, "") for c in _commands(match["commands"], match["shell"]))
        else:
            found.append(("output", "", match["output"]))
    return found


def shown_commands(page: Path) -> list[str]:
    """Every shell command the page shows, in order."""
    return [name for kind, name, _ in events(page) if kind == "command"]


# --------------------------------------------------------------------------------------------
# What the pages need that they do not create themselves
# --------------------------------------------------------------------------------------------

RULEBOOK_EDITS = {
    'version = "2025.1"': 'version = "2025.2"',
    'status = "reconstructed"': 'status = "official"',
    (
        'title = { id = "Milestone implementasi SSK (PPSP) sejak 2025 — rekonstruksi", '
        'en = "SSK implementation milestones (PPSP) from 2025 — reconstruction" }'
    ): (
        'title = { id = "Milestone implementasi SSK (PPSP) — resmi", '
        'en = "SSK implementation milestones (PPSP) — official" }'
    ),
    'steps = [{ since = 2025-01-01, value = "80" }]': (
        'steps = [{ since = 2025-01-01, value = "80" }, { since = 2025-07-01, value = "90" }]'
    ),
}
"""The edits docs/how-to/replace-the-rulebook.md shows, from the bundled text to the new one."""


def _bundled_rulebook() -> str:
    ref = resources.files("sanitasi_core") / "data" / "rulebooks" / "ppsp-milestones-2025.toml"
    return ref.read_text(encoding="utf-8")


def copy_and_edit_rulebook(folder: Path) -> None:
    """The copy command of the how-to, then the edits the page shows, into my-rulebook.toml."""
    text = _bundled_rulebook()
    for old, new in RULEBOOK_EDITS.items():
        assert text.count(old) == 1, f"the bundled rulebook no longer has {old!r}"
        text = text.replace(old, new)
    (folder / "my-rulebook.toml").write_text(text, encoding="utf-8")


def _examples(folder: Path, name: str = "examples") -> None:
    target = folder / name
    target.mkdir()
    for path in [*EXAMPLES.glob("*.json"), *EXAMPLES.glob("*.csv")]:
        shutil.copy(path, target / path.name)


def _with_examples(folder: Path) -> None:
    _examples(folder)


def _with_rulebook(folder: Path) -> None:
    _examples(folder)
    copy_and_edit_rulebook(folder)


def _for_cli_reference(folder: Path) -> None:
    _examples(folder)
    _examples(folder, "dossiers")


# --------------------------------------------------------------------------------------------
# Checks beyond the exit code and the shown output
# --------------------------------------------------------------------------------------------


def _has(*texts: str) -> Callable[[Path, str, str], None]:
    def check(_folder: Path, out: str, _err: str) -> None:
        for text in texts:
            assert text in out, f"{text!r} not in the output"

    return check


def _csv_file(
    name: str, *, sep: str = ",", bom: bool = False, header: str = "", rows: int | None = None
) -> Callable[[Path, str, str], None]:
    def check(folder: Path, _out: str, _err: str) -> None:
        text = (folder / name).read_text(encoding="utf-8")
        assert text.startswith("\ufeff") is bom
        table = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=sep))
        assert table[0][0] == header
        if rows is not None:
            assert len(table) == rows + 1

    return check


def _json_file(name: str, test: Callable[[object], bool]) -> Callable[[Path, str, str], None]:
    def check(folder: Path, _out: str, _err: str) -> None:
        assert test(json.loads((folder / name).read_text(encoding="utf-8")))

    return check


def _html_file(name: str, *texts: str) -> Callable[[Path, str, str], None]:
    def check(folder: Path, _out: str, _err: str) -> None:
        page = (folder / name).read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>")
        assert "<script" not in page
        for text in texts:
            assert text in page

    return check


def _svg_file(name: str, *texts: str) -> Callable[[Path, str, str], None]:
    def check(folder: Path, _out: str, _err: str) -> None:
        picture = (folder / name).read_text(encoding="utf-8")
        assert picture.startswith("<svg")
        assert 'role="img"' in picture
        for text in texts:
            assert text in picture

    return check


def _ladder_csv_has_decimal_comma(folder: Path, _out: str, _err: str) -> None:
    text = (folder / "hasil-rinci.csv").read_text(encoding="utf-8")
    assert text.startswith("\ufeffkode_wilayah;")
    assert ";85,16;" in text  # Sungai Lestari's APBD realisation in 2025


INSTALL = "installation, done before the test suite runs"

PAGES: dict[str, tuple[Callable[[Path], None] | None, list[Step]]] = {
    "README.md": (
        _with_examples,
        [
            Other("python3 -m venv .venv", INSTALL),
            Other(".venv/bin/pip install -q .", INSTALL),
            Run(
                ".venv/bin/sanitasi evaluate examples/mahakam-ulu-2024.json --as-of 2024-12-31 "
                "--lang en",
                check=_has("Certain level: none · possible level: M4"),
            ),
            Other("python3 -m venv .venv", INSTALL),
            Other(".venv/bin/pip install -q -U 'pip>=25.1'", INSTALL),
            Other(".venv/bin/pip install -q -e . --group tests", INSTALL),
            Other(".venv/bin/python -m pytest", "the test suite itself"),
        ],
    ),
    "docs/tutorial/first-evaluation.md": (
        None,
        [
            Other("python3 -m venv .venv", INSTALL),
            Other(".venv/bin/pip install -q .", INSTALL),
            Other(". .venv/bin/activate", INSTALL),
            Run("sanitasi --lang en example examples"),
            Run("sanitasi --lang en evaluate examples/mahakam-ulu-2024.json --as-of 2024-12-31"),
            Run("sanitasi --lang en evaluate examples --as-of 2025-12-31"),
            Run(
                "sanitasi --lang en explain examples/demo-sungai-lestari.json --milestone M4 "
                "--as-of 2025-12-31"
            ),
        ],
    ),
    "docs/how-to/write-a-dossier.md": (
        None,
        [
            Run(
                "sanitasi --lang en validate kabupaten-contoh.json",
                check=_has("kabupaten-contoh.json: valid"),
            ),
            Run(
                "sanitasi --lang en evaluate kabupaten-contoh.json --as-of 2024-12-31",
                check=_has("Milestone ladder: ✓ M1  ✗ M2  ✗ M3  ? M4"),
            ),
            Run("sanitasi --lang en validate kabupaten-rusak.json", status=1),
            Run(
                "sanitasi schema --output dossier.schema.json",
                check=_json_file(
                    "dossier.schema.json",
                    lambda s: isinstance(s, dict) and "2020-12" in s["$schema"],
                ),
            ),
        ],
    ),
    "docs/how-to/extract-facts-from-text.md": (
        None,
        [Run("sanitasi --lang en extract kabar.txt --reference 2024-07-18")],
    ),
    "docs/how-to/batch-a-province.md": (
        None,
        [
            Run("sanitasi --lang en example dossiers"),
            Run(
                "sanitasi --lang en evaluate dossiers --as-of 2026-03-31 --fiscal-year 2025",
                check=_has(
                    "SSK milestone evaluation on 31 March 2026 (fiscal year 2025)",
                    "Inputs: 14",
                    "Districts by certain level: M4: 1, M3: 0, M2: 0, M1: 0, none: 13",
                ),
            ),
            Run(
                "sanitasi --lang en evaluate dossiers --as-of 2025-12-31",
                check=_has("Districts by certain level: M4: 0, M3: 1, M2: 0, M1: 0, none: 13"),
            ),
            Run(
                "sanitasi --lang en evaluate kaltim.jsonl dossiers --as-of 2026-03-31 "
                "--fiscal-year 2025",
                status=1,
                check=_has(
                    "SSK milestone evaluation on 31 March 2026 (fiscal year 2025)",
                    "Inputs: 17",
                    "Invalid inputs: 1",
                    "Kota Samarinda",
                    "could not be evaluated: kaltim.jsonl:2",
                ),
            ),
            Run(
                "sanitasi evaluate dossiers --as-of 2026-03-31 --fiscal-year 2025 --format csv "
                "--output hasil.csv",
                check=_csv_file("hasil.csv", header="kode_wilayah", rows=56),
            ),
            Run(
                "sanitasi evaluate dossiers --as-of 2026-03-31 --fiscal-year 2025 --format csv "
                "--detail --bom --decimal-comma --output hasil-rinci.csv",
                check=_ladder_csv_has_decimal_comma,
            ),
            Run(
                "sanitasi --lang en evaluate dossiers --as-of 2026-03-31 --fiscal-year 2025 "
                "--format html --output laporan.html",
                check=_html_file("laporan.html", "Kabupaten Mahakam Ulu", "<details"),
            ),
            Run(
                "sanitasi --lang en evaluate kaltim.jsonl --as-of 2026-03-31 --fiscal-year 2025 "
                "--format json --output hasil.json",
                status=1,
                check=_json_file(
                    "hasil.json",
                    lambda items: (
                        [item["schema"] for item in items]  # type: ignore[attr-defined]
                        == ["sanitasi.decision/v2", "sanitasi.problems/v1", "sanitasi.decision/v2"]
                    ),
                ),
            ),
        ],
    ),
    "docs/how-to/replace-the-rulebook.md": (
        _with_examples,
        [
            Other(
                "python -c \"from importlib.resources import files; print(files('sanitasi_core')"
                ".joinpath('data/rulebooks/ppsp-milestones-2025.toml')"
                ".read_text('utf-8'), end='')\" "
                "> my-rulebook.toml",
                "replayed in Python, with the edits the page shows next",
                copy_and_edit_rulebook,
            ),
            Run("sanitasi --lang en rulebook check my-rulebook.toml"),
            Run(
                "sanitasi --lang en evaluate examples --as-of 2026-03-31 --fiscal-year 2025 "
                "--rulebook my-rulebook.toml",
                check=_has("Districts by certain level: M4: 0, M3: 1, M2: 0, M1: 0, none: 1"),
            ),
            Run(
                "sanitasi --lang en explain examples/demo-sungai-lestari.json --milestone M4 "
                "--as-of 2026-03-31 --fiscal-year 2025 --rulebook my-rulebook.toml",
                check=_has(
                    "Rulebook: ppsp-ssk-milestones 2025.2 (official)",
                    "≈ Rp174,000,000.00 more to be realised",
                ),
            ),
        ],
    ),
    "docs/how-to/compare-rulebooks.md": (
        _with_rulebook,
        [
            Run(
                "sanitasi --lang en rulebook diff default my-rulebook.toml examples "
                "--as-of 2026-03-31 --fiscal-year 2025",
                check=_has("1 of 2 dossiers change level"),
            ),
            Run(
                "sanitasi --lang en rulebook diff default my-rulebook.toml examples "
                "--as-of 2025-06-30",
                check=_has("0 of 2 dossiers change level"),
            ),
            Run(
                "sanitasi --lang en rulebook diff default my-rulebook.toml examples "
                "--as-of 2026-03-31 --fiscal-year 2025 --format markdown",
                check=_has(
                    "| 64.60 | Kabupaten Sungai Lestari (fiktif) | M4 → M3 | M4 → M3 | "
                    "`m4.apbd_realisation` |"
                ),
            ),
            Run(
                "sanitasi rulebook diff default my-rulebook.toml examples --as-of 2026-03-31 "
                "--fiscal-year 2025 --format json --output diff.json",
                check=_json_file(
                    "diff.json",
                    lambda d: (
                        isinstance(d, dict)
                        and d["schema"] == "sanitasi.rulebook-diff/v1"
                        and d["compared"] == 2
                        and [c["criteria"] for c in d["changes"]] == [["m4.apbd_realisation"]]
                    ),
                ),
            ),
        ],
    ),
    "docs/how-to/household-access.md": (
        None,
        [
            Run("sanitasi --lang en access households.csv"),
            Run(
                "sanitasi access households.csv --format csv --bom --decimal-comma "
                "--output akses.csv",
                check=_csv_file("akses.csv", sep=";", bom=True, header="area", rows=24),
            ),
            Run(
                "sanitasi access households.csv --format json --output akses.json",
                check=_json_file(
                    "akses.json",
                    lambda d: isinstance(d, dict) and (d["layak"], d["rows"]) == ("50.00", 4),
                ),
            ),
            Run("sanitasi --lang en access households-2.csv", status=1),
        ],
    ),
    "docs/how-to/use-the-json-from-another-language.md": (
        None,
        [
            Run(
                "sanitasi schema decision --output decision.schema.json",
                check=_json_file(
                    "decision.schema.json",
                    lambda s: isinstance(s, dict) and s["$id"].endswith("/decision-v2.schema.json"),
                ),
            ),
            Run("sanitasi example dossiers"),
            Run(
                "sanitasi validate dossiers --format json --output validation.json",
                status=1,
                check=_json_file(
                    "validation.json",
                    lambda d: (
                        isinstance(d, dict)
                        and d["schema"] == "sanitasi.validation/v1"
                        and len(d["inputs"]) == 15
                        and [i["source"] for i in d["inputs"] if not i["valid"]]
                        == ["dossiers/rusak.json"]
                    ),
                ),
            ),
            Run(
                "sanitasi evaluate dossiers --as-of 2025-12-31 --format json "
                "--output decisions.json",
                status=1,
                check=_json_file("decisions.json", lambda d: isinstance(d, list) and len(d) == 15),
            ),
            Other(
                "node read-decisions.mjs decisions.json",
                "run with node on real output by tests/test_cli_contracts.py",
            ),
        ],
    ),
    "docs/reference/indicators.md": (
        None,
        [
            Run("sanitasi --lang en indicators", check=_has("apbd_realisation_pct (decimal, %)")),
            Run(
                "sanitasi indicators --format json --output indicators.json",
                check=_json_file(
                    "indicators.json",
                    lambda d: isinstance(d, list) and d[0]["name"] == "designated",
                ),
            ),
        ],
    ),
    "docs/reference/default-rulebook.md": (
        None,
        [
            Run(
                "sanitasi --lang en rulebook show",
                check=_has("ppsp-ssk-milestones 2025.1", "m4_apbd_realisation"),
            ),
            Run("sanitasi --lang en rulebook table", check=_has("| M4 | `m4.apbd_realisation` |")),
            Run(
                "sanitasi rulebook table --format csv --bom --output rulebook.csv",
                check=_csv_file("rulebook.csv", bom=True, header="Tahapan"),
            ),
        ],
    ),
    "docs/reference/cli.md": (
        _for_cli_reference,
        [
            Run(
                "sanitasi evaluate examples/ --as-of 2026-03-31 --fiscal-year 2025",
                check=_has(
                    "Kab/kota menurut tingkat pasti: M4: 1, M3: 0, M2: 0, M1: 0, belum ada: 1"
                ),
            ),
            Run("sanitasi --lang en explain examples/demo-sungai-lestari.json --milestone M4"),
            Run(
                "sanitasi evaluate dossiers/ --format csv --detail --bom --decimal-comma "
                "-o hasil.csv",
                check=_csv_file("hasil.csv", sep=";", bom=True, header="kode_wilayah"),
            ),
            Run(
                "sanitasi evaluate dossiers/ --format html -o laporan.html",
                check=_html_file("laporan.html", "Kabupaten Sungai Lestari (fiktif)"),
            ),
            Run(
                "sanitasi chart levels examples --as-of 2025-12-31 --by-province --lang en "
                "--output levels.svg",
                check=_svg_file("levels.svg", "As of 31 December 2025", "Kalimantan Timur"),
            ),
            Run(
                "sanitasi chart years examples/mahakam-ulu-2024.json --as-of 2025-12-31 "
                "--output years.svg",
                check=_svg_file("years.svg", "Kabupaten Mahakam Ulu"),
            ),
            Run(
                "sanitasi chart ladder examples/households-sungai-lestari.csv --output ladder.svg",
                check=_svg_file("ladder.svg", "households-sungai-lestari.csv"),
            ),
        ],
    ),
}
"""Per page (relative to the project root): what to prepare, and each command it shows."""


def _key(page: Path) -> str:
    return page.relative_to(ROOT).as_posix()


SHOWING = sorted({_key(p) for p in DOCUMENT_PAGES if shown_commands(p)} | set(PAGES))


# --------------------------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", SHOWING)
def test_every_command_shown_is_tested(page: str) -> None:
    """The commands a page shows are exactly, and in order, those listed for it here."""
    steps = PAGES.get(page, (None, []))[1]
    assert shown_commands(ROOT / page) == [s.command for s in steps]


def _run(step: Run, folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    argv = shlex.split(step.command)
    assert argv[0] in _PROGRAMS, step.command
    status = main(argv[1:])
    out, err = capsys.readouterr()
    assert status == step.status, f"{step.command}: exit {status}\n{out}\n{err}"
    assert "Traceback" not in out + err
    if step.check is not None:
        step.check(folder, out, err)
    return out, err


def _shown_lines_printed(command: str, shown: str, printed: str) -> None:
    lines = {line.rstrip() for line in printed.splitlines()}
    for line in shown.splitlines():
        if line.strip() and line.strip() != "...":
            assert line.rstrip() in lines, f"{command}: shown line not printed: {line!r}"


@pytest.mark.parametrize("page", sorted(PAGES))
def test_page_commands_run_as_shown(
    page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Replayed in order in a fresh folder, each command exits as listed and prints as shown."""
    # The pages show commands without --lang writing Bahasa Indonesia, as SANITASI_LANG=id makes
    # them (docs/reference/cli.md says so); the locale would otherwise give English.
    monkeypatch.setenv("SANITASI_LANG", "id")
    monkeypatch.chdir(tmp_path)
    prepare, steps = PAGES[page]
    if prepare is not None:
        prepare(tmp_path)
    pending = iter(steps)
    last: tuple[str, str] | None = None
    for kind, name, content in events(ROOT / page):
        if kind == "file":
            target = tmp_path / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        elif kind == "command":
            step = next(pending)
            assert step.command == name
            last = None
            if isinstance(step, Run):
                out, err = _run(step, tmp_path, capsys)
                last = (name, out + "\n" + err)
            elif step.action is not None:
                step.action(tmp_path)
        elif last is not None:
            _shown_lines_printed(last[0], content, last[1])


def test_rulebook_edits_are_those_shown() -> None:
    """The replacement lines applied to the bundled rulebook are the ones the how-to shows."""
    page = (ROOT / "docs/how-to/replace-the-rulebook.md").read_text(encoding="utf-8")
    bundled = _bundled_rulebook()
    for old, new in RULEBOOK_EDITS.items():
        assert old in bundled
        assert new in page, new


def test_misspelt_indicator_message_is_the_one_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The "did you mean" problem quoted by the how-to is what `rulebook check` prints."""
    monkeypatch.chdir(tmp_path)
    copy_and_edit_rulebook(tmp_path)
    path = tmp_path / "my-rulebook.toml"
    text = path.read_text(encoding="utf-8")
    typo = text.replace('indicator = "apbd_realisation_pct"', 'indicator = "apbd_realisation"')
    path.write_text(typo, encoding="utf-8")
    assert main(["--lang", "en", "rulebook", "check", "my-rulebook.toml"]) == 1
    printed = capsys.readouterr().out.splitlines()[1].strip()
    page = (ROOT / "docs/how-to/replace-the-rulebook.md").read_text(encoding="utf-8")
    assert f"`{printed}`" in page


def test_rulebook_as_json_is_accepted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The JSON copy the how-to mentions (`rulebook show --format json`) checks as valid."""
    monkeypatch.chdir(tmp_path)
    assert main(["rulebook", "show", "--format", "json", "--output", "my-rulebook.json"]) == 0
    assert main(["--lang", "en", "rulebook", "check", "my-rulebook.json"]) == 0
    assert "my-rulebook.json: valid (ppsp-ssk-milestones" in capsys.readouterr().out


def test_generated_references_cover_the_code(tmp_path: Path) -> None:
    """The Sphinx extension writes pages naming every indicator and every default criterion."""
    import importlib.util  # noqa: PLC0415

    from sanitasi_core.indicators import CATALOGUE  # noqa: PLC0415
    from sanitasi_core.rulebooks import default_rulebook  # noqa: PLC0415

    spec = importlib.util.spec_from_file_location("generated", ROOT / "docs/_ext/generated.py")
    assert spec is not None
    assert spec.loader is not None
    generated = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generated)

    paths = generated.generate(tmp_path)
    assert [p.name for p in paths] == [
        "indicators.md",
        "default-rulebook.md",
        *(f"{kind}.svg" for kind in ("levels", "years", "access", "ladder", "criteria")),
    ]
    for picture in paths[2:]:
        assert picture.read_text(encoding="utf-8").startswith("<svg")
    indicators = (tmp_path / "reference/_generated/indicators.md").read_text(encoding="utf-8")
    rulebook = (tmp_path / "reference/_generated/default-rulebook.md").read_text(encoding="utf-8")
    for name in CATALOGUE:
        assert f"| `{name}` |" in indicators
    book = default_rulebook()
    for _milestone, criterion in book.criteria():
        assert f"| `{criterion.id}` | {book.fill(criterion.message).en}" in rulebook.replace(
            "\\", ""
        )
    for threshold in book.thresholds:
        assert f"| `{threshold.id}` |" in rulebook
