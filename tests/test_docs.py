"""Code in the README and the docs runs: every ``python`` block is executed as written."""

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
SOURCES: list[tuple[Path, int, str]] = [
    (page, index, code)
    for page in PAGES
    for index, code in enumerate(BLOCK.findall(page.read_text("utf-8")))
]
BLOCKS = [
    pytest.param(page, index, code, id=f"{page.relative_to(ROOT)}#{index}")
    for page, index, code in SOURCES
]


@pytest.mark.parametrize(("page", "index", "code"), BLOCKS)
def test_code_block_runs(page: Path, index: int, code: str, capsys) -> None:
    """Each Python block of the page runs from the project root without an error."""
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        exec(compile(code, f"{page.name}#{index}", "exec"), {"__name__": "__docs__"})  # noqa: S102
    finally:
        os.chdir(here)
    capsys.readouterr()


def test_readme_has_an_example() -> None:
    """The README shows at least one runnable Python example."""
    assert any(page.name == "README.md" for page, _, _ in SOURCES)
