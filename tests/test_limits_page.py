"""The "Limits and guarantees" page names every limit, and every test it cites exists."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "explanation" / "limits-and-guarantees.md"
TEXT = PAGE.read_text(encoding="utf-8")
CITED = sorted(set(re.findall(r"`(tests/test_\w+\.py)::([\w:]+)`", TEXT)))
# A module-level limit: MAX_… = …, or MAX_…: Final = … (private _MAX_… are details).
LIMIT = re.compile(r"^(MAX_[A-Z0-9_]+)\s*(?::[^=\n]*)?=", re.MULTILINE)
LIMITS = sorted(
    {
        name
        for path in (ROOT / "src" / "sanitasi_core").rglob("*.py")
        for name in LIMIT.findall(path.read_text(encoding="utf-8"))
    }
)
# Limits not spelled MAX_: the lower bounds and the precision.
OTHER_LIMITS = [
    "PRECISION",
    "EARLIEST_SURVEY_DATE",
    "MIN_YEAR",
    "DECIMAL_DIGITS",
    "DECIMAL_PLACES",
]


def _test_names(path: Path) -> set[str]:
    """``name`` for each test function, ``Class::name`` for each test method, in *path*."""
    names: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef):
            names.add(node.name)
        elif isinstance(node, ast.ClassDef):
            names.update(
                f"{node.name}::{item.name}"
                for item in node.body
                if isinstance(item, ast.FunctionDef)
            )
    return names


def test_the_page_cites_tests():
    """The page names the tests that keep its rules (at least one per section)."""
    assert len(CITED) > 50


@pytest.mark.parametrize(("file", "name"), CITED, ids=[f"{f}::{n}" for f, n in CITED])
def test_every_cited_test_exists(file, name):
    """Each ``tests/test_x.py::name`` the page cites is a test in that file."""
    path = ROOT / file
    assert path.is_file(), file
    assert name in _test_names(path), f"{file} has no test {name}"


def test_the_limit_constants_are_found():
    """The search for limit constants finds the known ones (it is not looking at nothing)."""
    assert {"MAX_PROBLEMS", "MAX_NODES", "MAX_DOCUMENT_BYTES", "MAX_TEXT_BYTES"} <= set(LIMITS)


@pytest.mark.parametrize("name", LIMITS + OTHER_LIMITS)
def test_every_limit_constant_is_on_the_page(name):
    """Every limit constant of the package is named on the page."""
    assert re.search(rf"\b{name}\b", TEXT), f"{name} is not on {PAGE.name}"


def test_the_batches_section_is_there():
    """The page keeps a section on batches."""
    assert "\n## Batches\n" in TEXT
