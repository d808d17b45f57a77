"""The example notebook runs top to bottom in a real kernel, and is stored without outputs.

Executing it needs ``nbclient``, ``nbformat`` and ``ipykernel`` (the ``notebook`` dependency
group); without them the execution test is skipped with the reason, and the storage test still
runs (it reads the file as JSON).
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "examples" / "evaluate-districts.ipynb"
RUNNERS = ("nbclient", "nbformat", "ipykernel")
MISSING = [name for name in RUNNERS if importlib.util.find_spec(name) is None]


def _texts(notebook: dict) -> list[str]:
    """Every text and HTML output of the executed notebook, one string per output."""
    found = []
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                found.append("".join(output["text"]))
            data = output.get("data", {})
            for kind in ("text/plain", "text/html", "text/markdown"):
                if kind in data:
                    value = data[kind]
                    found.append("".join(value) if isinstance(value, list) else value)
    return found


def test_notebook_is_stored_without_outputs() -> None:
    """The committed notebook has no outputs or execution counts (diffs stay readable)."""
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert code
    assert all(cell["outputs"] == [] and cell["execution_count"] is None for cell in code)


@pytest.mark.skipif(
    bool(MISSING),
    reason=f"executing the notebook needs {', '.join(MISSING)} (dependency group 'notebook')",
)
def test_notebook_runs_and_shows_the_ladder_and_an_explanation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Executed in a fresh kernel from examples/, it evaluates both examples and explains M4."""
    import nbclient  # noqa: PLC0415
    import nbformat  # noqa: PLC0415

    # The kernel runs in examples/: a relative PYTHONPATH (e.g. "src") would not reach the
    # package there, so the kernel gets the absolute paths, this checkout's src first.
    inherited = os.environ.get("PYTHONPATH", "").split(os.pathsep)
    paths = [str(ROOT / "src"), *(str(Path(entry).resolve()) for entry in inherited if entry)]
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(dict.fromkeys(paths)))

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()  # raises CellExecutionError on the first failing cell

    texts = _texts(json.loads(nbformat.writes(notebook)))
    joined = "\n".join(texts)
    assert "2 districts evaluated, 0 invalid" in joined
    # The ladder table (a data frame or records) names both districts.
    assert "Kabupaten Mahakam Ulu" in joined
    assert "Kabupaten Sungai Lestari (fiktif)" in joined
    # The explanation of M4 and the decision's own HTML report.
    assert any("m4.apbd_realisation" in t and "85.16" in t for t in texts)
    assert any('<div class="sanitasi-report" lang="en">' in t for t in texts)
