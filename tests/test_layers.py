"""The import contract: the package's layers import one way, without cycles.

Every ``import`` of the package is read with :mod:`ast`, at module level, inside functions and
under ``TYPE_CHECKING`` alike, and each module is placed in a layer. A module may import its own
layer and the layers below; ``testing`` stands beside the layers and imports public names only;
nothing imports ``testing`` or the package's public face (``sanitasi_core/__init__.py``).
"""

from __future__ import annotations

import ast
import dataclasses
import shutil
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Final

import pytest

PACKAGE: Final = Path(__file__).resolve().parents[1] / "src" / "sanitasi_core"

LAYERS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    (
        "foundation",
        (
            "exceptions",
            "_text",
            "_messages",
            "_validators",
            "_parsing",
            "_wire",
            "_json",
            "_decode",
            "_encode",
            "_schema",
            "_format",
            "_files",
        ),
    ),
    (
        "formats",
        (
            "codes",
            "regions",
            "dates",
            "rupiah",
            "decrees",
            "extract",
            "_dates_forms",
            "_decrees_forms",
            "_extract_patterns",
            "_extract_regions",
            "_rupiah_words",
        ),
    ),
    ("model", ("model", "ehra")),
    ("indicators", ("indicators", "ladder")),
    ("rules", ("rules",)),
    ("serialization", ("serialization", "contracts", "rulebooks", "households")),
    ("reports", ("reports", "charts")),
    ("batch", ("batch",)),
    ("cli", ("cli", "__main__")),
)
"""The layers, lowest first, each with the top-level modules and packages it holds."""

BESIDE: Final = "testing"
"""Strategies for users' tests: may import any public name, and nothing imports it."""

ALLOWED: Final[Mapping[tuple[str, str], str]] = {
    ("sanitasi_core.rules.results", "sanitasi_core.reports"): (
        "Decision._repr_html_, Jupyter's display hook, renders a decision with the reports"
    ),
    ("sanitasi_core.rules.language", "sanitasi_core.reports"): (
        "Rulebook.explain(), for notebooks and debuggers, returns the rulebook's text report"
    ),
}
"""The upward edges allowed (display only, imported inside the method), and why."""

DEPRECATED: Final[Mapping[tuple[str, str], str]] = {
    ("sanitasi_core.reports", "sanitasi_core.batch"): (
        "reports.Batch and reports.evaluate_batch, deprecated aliases of sanitasi_core.batch "
        "kept for one minor release; they warn when used"
    ),
}
"""Upward edges of deprecated aliases, each to be deleted with its alias."""


def module_name(path: Path, root: Path) -> str:
    """``sanitasi_core.rules._engine`` for ``.../sanitasi_core/rules/_engine.py``."""
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_module(name: str, root: Path) -> bool:
    relative = Path(*name.split("."))
    return (root.parent / relative).with_suffix(".py").exists() or (
        root.parent / relative / "__init__.py"
    ).exists()


def _type_only(tree: ast.Module) -> set[ast.stmt]:
    """The import statements under ``if TYPE_CHECKING:``, which never run."""
    found: set[ast.stmt] = set()
    for node in ast.walk(tree):
        test = node.test if isinstance(node, ast.If) else None
        if (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
            isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
        ):
            assert isinstance(node, ast.If)
            found.update(n for s in node.body for n in ast.walk(s) if isinstance(n, ast.stmt))
    return found


def imports(path: Path, root: Path) -> Iterator[tuple[str, int, bool]]:
    """Yield ``(module imported, line, type only)`` for every import of the package in *path*."""
    here = module_name(path, root)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    tree = ast.parse(path.read_text("utf-8"))
    type_only = _type_only(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            submodules = [
                f"{module}.{a.name}" for a in node.names if _is_module(f"{module}.{a.name}", root)
            ]
            # ``from pkg import sub`` depends on ``sub``; a name defined in pkg, on pkg itself.
            names_from_module = len(submodules) < len(node.names)
            targets = submodules + ([module] if names_from_module else [])
        else:
            continue
        for target in targets:
            if target.split(".")[0] == root.name and target != here:
                yield target, node.lineno, node in type_only


@dataclasses.dataclass
class Edge:
    """One module importing another: the first line that does, and whether only for types."""

    line: int
    type_only: bool


def graph(root: Path) -> dict[str, dict[str, Edge]]:
    """Every module of the package and the package modules it imports."""
    edges: dict[str, dict[str, Edge]] = {}
    for path in sorted(root.rglob("*.py")):
        found = edges.setdefault(module_name(path, root), {})
        for target, line, type_only in imports(path, root):
            edge = found.setdefault(target, Edge(line, type_only))
            edge.type_only = edge.type_only and type_only
    return edges


def layer_of(module: str) -> str | None:
    """The layer of *module*; ``None`` for the public face, ``testing`` for testing."""
    parts = module.split(".")
    if len(parts) == 1:
        return None
    for name, members in LAYERS:
        if parts[1] in members:
            return name
    if parts[1] == BESIDE:
        return BESIDE
    raise AssertionError(f"{module} is in no layer: add it to LAYERS in {__file__}")


RANK: Final = {name: rank for rank, (name, _) in enumerate(LAYERS)}


def _private(module: str) -> bool:
    return any(part.startswith("_") and part != "__init__" for part in module.split(".")[1:])


def _edge_problem(source: str, target: str) -> str | None:
    here, there = layer_of(source), layer_of(target)
    if here is None:
        return None  # the public face re-exports from every layer
    if here == BESIDE:
        if there in (BESIDE, None):
            return None
        return "testing imports a private module" if _private(target) else None
    if there is None:
        return (
            "imports the public face sanitasi_core/__init__.py: import the module that defines it"
        )
    if there == BESIDE:
        return "imports sanitasi_core.testing, which only users' tests may import"
    if RANK[there] > RANK[here]:
        return f"points up: {here} may not import {there}"
    return None


def _cycles(edges: Mapping[str, Mapping[str, Edge]], skip: set[tuple[str, str]]) -> list[str]:
    """Each import cycle once, as ``a -> b -> a`` (Tarjan's strongly connected components).

    Imports for the type checker only never run, so they close no cycle (a derivation names
    the facts it reads, and the facts compute the derivations); they still may not point up.
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[str] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target, edge in edges.get(node, {}).items():
            if (node, target) in skip or target not in edges or edge.type_only:
                continue
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(" -> ".join(sorted(component)))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def violations(root: Path) -> list[str]:
    """Every breach of the contract in the package at *root*, one line each."""
    edges = graph(root)
    excused = set(ALLOWED) | set(DEPRECATED)
    problems = []
    for source, targets in edges.items():
        for target, edge in targets.items():
            problem = _edge_problem(source, target)
            if problem is not None and (source, target) not in excused:
                problems.append(f"{source} (line {edge.line}) -> {target}: {problem}")
    problems += [f"import cycle: {cycle}" for cycle in _cycles(edges, excused)]
    return problems


def test_the_package_keeps_the_contract():
    """No import points up a layer or closes a cycle, but for the exceptions named above."""
    assert violations(PACKAGE) == []


def test_every_excused_edge_still_exists():
    """An exception that the code no longer needs is removed from the list."""
    edges = graph(PACKAGE)
    for source, target in [*ALLOWED, *DEPRECATED]:
        assert target in edges[source], (source, target)


def test_every_module_has_a_layer():
    """Each module of the package belongs to exactly one layer (or is the face or testing)."""
    names = [m for _, members in LAYERS for m in members]
    assert len(names) == len(set(names))
    for module in graph(PACKAGE):
        layer_of(module)


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of the package to break on purpose."""
    target = tmp_path / "sanitasi_core"
    shutil.copytree(PACKAGE, target, ignore=shutil.ignore_patterns("data", "__pycache__"))
    return target


def _append(path: Path, line: str) -> None:
    path.write_text(path.read_text("utf-8") + f"\n{line}\n", "utf-8")


@pytest.mark.parametrize(
    ("module", "line", "expected"),
    [
        (
            "model.py",
            "from sanitasi_core.rules import Outcome",
            "points up: model may not import rules",
        ),
        (
            "dates.py",
            "def f():\n    from sanitasi_core import cli",
            "points up: formats may not import cli",
        ),
        (
            "rules/_logic.py",
            "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from sanitasi_core.reports import text",
            "points up: rules may not import reports",
        ),
        ("codes.py", "import sanitasi_core.testing", "only users' tests may import"),
        ("indicators/_core.py", "from sanitasi_core import Dossier", "imports the public face"),
        ("testing/_scalars.py", "from sanitasi_core._wire import describe", "private module"),
    ],
)
def test_an_upward_import_breaks_the_contract(copy: Path, module: str, line: str, expected: str):
    """Adding an import that breaks the contract (anywhere in a module) is reported."""
    assert violations(copy) == []
    _append(copy / module, line)
    source = module_name(copy / module, copy)
    problems = violations(copy)
    assert any(p.startswith(source) and expected in p for p in problems), problems


@pytest.mark.parametrize("where", ["top", "function"])
def test_a_cycle_within_a_layer_breaks_the_contract(copy: Path, where: str):
    """Two modules of one layer that import each other are a cycle, even inside a function."""
    line = "from sanitasi_core import extract"
    _append(copy / "codes.py", line if where == "top" else f"def f():\n    {line}")
    problems = violations(copy)
    assert any(p.startswith("import cycle:") and "sanitasi_core.codes" in p for p in problems)


def test_a_type_only_import_closes_no_cycle_but_may_not_point_up(copy: Path):
    """``if TYPE_CHECKING:`` imports close no cycle, yet still keep the layers' direction."""
    guarded = (
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from sanitasi_core import {}"
    )
    _append(copy / "codes.py", guarded.format("extract"))
    assert violations(copy) == []
    _append(copy / "codes.py", guarded.format("model"))
    (problem,) = violations(copy)
    assert "points up: formats may not import model" in problem
