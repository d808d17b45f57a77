"""The public face of the package: ``__all__``, lazy names, and a light import."""

import ast
import importlib
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import sanitasi_core


def test_all_lists_every_lazy_name() -> None:
    """``__all__`` holds exactly the re-exported names plus ``__version__``."""
    assert set(sanitasi_core.__all__) == set(sanitasi_core._EXPORTS) | {"__version__"}
    assert sorted(sanitasi_core.__all__) == sanitasi_core.__all__


def test_type_checkers_see_the_same_names_from_the_same_modules() -> None:
    """The ``TYPE_CHECKING`` imports of the façade restate ``_EXPORTS`` exactly."""
    tree = ast.parse(Path(sanitasi_core.__file__).read_text("utf-8"))
    guarded = next(n for n in tree.body if isinstance(n, ast.If))
    seen = {
        alias.name: node.module
        for node in guarded.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert seen == sanitasi_core._EXPORTS


PACKAGES = (
    "sanitasi_core.charts",
    "sanitasi_core.households",
    "sanitasi_core.indicators",
    "sanitasi_core.ladder",
    "sanitasi_core.regions",
    "sanitasi_core.reports",
    "sanitasi_core.rules",
    "sanitasi_core.testing",
)


@pytest.mark.parametrize("name", PACKAGES)
def test_each_package_re_exports_its_all(name: str) -> None:
    """A package's ``__all__`` is unique and public, and every public name it imports is in it."""
    package = importlib.import_module(name)
    public = package.__all__
    assert len(public) == len(set(public))
    assert not [n for n in public if n.startswith("_")]
    for each in public:
        assert getattr(package, each) is not None, each
    tree = ast.parse(Path(package.__file__ or "").read_text("utf-8"))
    imported = {
        alias.asname or alias.name
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(name + ".")
        for alias in node.names
        if not (alias.asname or alias.name).startswith("_")
    }
    assert imported <= set(public), imported - set(public)


@pytest.mark.parametrize("name", sorted(sanitasi_core._EXPORTS))
def test_every_public_name_resolves(name: str) -> None:
    """Each public name imports from its module on first use."""
    assert getattr(sanitasi_core, name) is not None


def test_every_exception_is_public_at_the_top() -> None:
    """Each exception class of ``sanitasi_core.exceptions`` is a top-level name too."""
    from sanitasi_core import exceptions  # noqa: PLC0415

    errors = {
        name
        for name, value in vars(exceptions).items()
        if isinstance(value, type) and issubclass(value, Exception) and not name.startswith("_")
    }
    assert errors <= set(exceptions.__all__)
    assert errors <= set(sanitasi_core.__all__), errors - set(sanitasi_core.__all__)


def test_errors_that_reach_callers_are_defined_in_exceptions() -> None:
    """No SanitasiError subclass is defined outside ``exceptions.py`` (old names re-import it)."""
    package = Path(sanitasi_core.__file__).parent
    outside = []
    for path in sorted(package.rglob("*.py")):
        if path.name == "exceptions.py":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases = {b.id for b in node.bases if isinstance(b, ast.Name)}
                if bases & {"SanitasiError", "ImportError"}:
                    outside.append(f"{path.relative_to(package)}: {node.name}")
    assert outside == []


def test_old_homes_of_moved_errors_still_work() -> None:
    """``FileRefused`` and ``PandasMissingError`` are still importable where they were."""
    from sanitasi_core import _files, exceptions, reports  # noqa: PLC0415

    records = importlib.import_module(
        "sanitasi_core.reports.records"
    )  # reports.records: a function

    assert _files.FileRefused is exceptions.FileRefused is sanitasi_core.FileRefused
    assert records.PandasMissingError is reports.PandasMissingError
    assert reports.PandasMissingError is exceptions.PandasMissingError


def test_the_analysts_names_are_at_the_top() -> None:
    """Rulebooks, decisions, their enums, batches and frames are importable from the top."""
    from sanitasi_core.model import Milestone  # noqa: PLC0415
    from sanitasi_core.rules import Outcome, Severity  # noqa: PLC0415

    assert sanitasi_core.Outcome is Outcome
    assert sanitasi_core.Severity is Severity
    assert sanitasi_core.Milestone is Milestone  # the levels are milestones
    assert callable(sanitasi_core.default_rulebooks)
    assert callable(sanitasi_core.load_dossiers)
    assert sanitasi_core.decisions_frame.__module__ == "sanitasi_core.reports.frames"


def test_unknown_name_is_an_attribute_error() -> None:
    """A name that is not public raises AttributeError, as for any module."""
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = sanitasi_core.nope  # type: ignore[attr-defined]


def test_import_reads_no_data_and_builds_nothing() -> None:
    """``import sanitasi_core`` opens no file of the package and imports no heavy module."""
    script = textwrap.dedent(
        """
        import sys
        opened = []
        sys.addaudithook(lambda event, args: event == "open" and opened.append(str(args[0])))
        import sanitasi_core
        data = [p for p in opened if "sanitasi_core" in p and not p.endswith((".py", ".pyc"))]
        heavy = [m for m in ("cattrs", "pandas", "sanitasi_core.model") if m in sys.modules]
        print(data, heavy)
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[] []"


def test_schema_and_rulebook_are_read_on_demand() -> None:
    """The shipped schema and default rulebook load when asked, from package data."""
    from sanitasi_core.rulebooks import default_rulebook  # noqa: PLC0415
    from sanitasi_core.serialization import dossier_json_schema  # noqa: PLC0415

    assert dossier_json_schema()["$schema"].endswith("2020-12/schema")
    assert default_rulebook().status == "reconstructed"


def test_a_misspelt_top_level_import_fails_the_type_checker(tmp_path) -> None:
    """``from sanitasi_core import Dossierr`` fails mypy --strict; the real names pass."""
    api = pytest.importorskip("mypy.api", reason="mypy is in the lint dependency group")
    source = tmp_path / "uses.py"
    source.write_text(
        "from sanitasi_core import Dossierr\nfrom sanitasi_core import Dossier, load_dossiers\n",
        encoding="utf-8",
    )
    out, _err, status = api.run(
        ["--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"), str(source)]
    )
    assert status == 1
    assert 'Module "sanitasi_core" has no attribute "Dossierr"' in out
    assert out.count("error:") == 1
