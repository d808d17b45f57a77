"""The public strategies of ``sanitasi_core.testing``, used as a downstream project would.

Only :mod:`sanitasi_core.testing`, Hypothesis and the library's public API are used here (not
the suite's ``strategies`` module), so these tests double as the example of the how-to guide.
"""

import ast
import datetime as dt
import importlib
import io
import os
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanitasi_core import Dossier, dump_dossier, load_dossier, testing
from sanitasi_core.codes import (
    format_apbd_code,
    format_region_code,
    parse_apbd_code,
    parse_region_code,
)
from sanitasi_core.dates import parse_date
from sanitasi_core.decrees import format_decree_number, parse_decree_number
from sanitasi_core.households import read_csv, read_jsonl
from sanitasi_core.ladder import HouseholdRecord, classify
from sanitasi_core.model import Milestone
from sanitasi_core.rules import (
    Criterion,
    MilestoneRule,
    Rulebook,
    RulebookStatus,
    compile_rulebook,
    dump_rulebook,
    load_rulebook,
)
from sanitasi_core.rupiah import parse_rupiah

ROOT = Path(__file__).parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}

# Rulebooks and complete dossiers are large; a few dozen examples exercise them well.
_LARGE = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=ROOT,
        check=False,
    )


# --------------------------------------------------------------------------------------------
# Installation and registration
# --------------------------------------------------------------------------------------------


def test_importing_without_hypothesis_names_the_extra_in_both_languages():
    """Without Hypothesis, the import fails with a message naming ``sanitasi-core[testing]``."""
    result = _python(
        """
        import sys

        class NoHypothesis:
            def find_spec(self, name, path=None, target=None):
                if name == "hypothesis" or name.startswith("hypothesis."):
                    raise ModuleNotFoundError(f"No module named {name!r}", name=name)
                return None

        sys.meta_path.insert(0, NoHypothesis())
        try:
            import sanitasi_core.testing
        except ImportError as error:
            print(error)
        else:
            raise SystemExit("sanitasi_core.testing imported without Hypothesis")
        """
    )
    assert result.returncode == 0, result.stderr
    message = result.stdout
    assert message.count("pip install 'sanitasi-core[testing]'") == 2
    assert "needs Hypothesis" in message
    assert "memerlukan Hypothesis" in message


def test_importing_reads_no_data_and_builds_no_converter():
    """The import (run by Hypothesis's entry point) opens no data file and loads no cattrs."""
    result = _python(
        """
        import sys

        opened = []
        sys.addaudithook(lambda event, args: event == "open" and opened.append(str(args[0])))
        import sanitasi_core.testing

        package = [p for p in opened if "sanitasi_core/" in p.replace("\\\\", "/")]
        data = [p for p in package if not p.endswith((".py", ".pyc"))]
        print(data, "cattrs" in sys.modules)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[] False"


def test_the_hypothesis_entry_point_is_declared():
    """``pyproject.toml`` registers the setup hook in Hypothesis's entry point group."""
    with (ROOT / "pyproject.toml").open("rb") as file:
        project = tomllib.load(file)["project"]
    hook = project["entry-points"]["hypothesis"]["sanitasi_core"]
    assert hook == "sanitasi_core.testing._hook:hypothesis_setup_hook"
    assert "hypothesis" in " ".join(project["optional-dependencies"]["testing"])
    module, name = hook.split(":")
    assert callable(getattr(importlib.import_module(module), name))


def test_the_old_entry_point_name_still_works():
    """An entry point installed by an older version names ``testing._hypothesis_setup_hook``."""
    from sanitasi_core.testing import _hook  # noqa: PLC0415

    # Not re-exported (a private alias): looked up in the module's namespace.
    assert vars(testing)["_hypothesis_setup_hook"] is _hook.hypothesis_setup_hook


ENTRY_POINTS = [
    "sanitasi_core.testing._hook:hypothesis_setup_hook",
    "sanitasi_core.testing:_hypothesis_setup_hook",  # installed by older versions
]


@pytest.mark.parametrize("entry_point", ENTRY_POINTS, ids=["hook", "old-name"])
@pytest.mark.parametrize("first", ["hypothesis", "sanitasi_core.testing"])
def test_the_entry_point_registers_the_strategies(first, entry_point):
    """Hypothesis runs the hook on import, whichever of the two modules is imported first."""
    result = _python(
        f"""
        import importlib.metadata as metadata

        hook = metadata.EntryPoint(
            name="sanitasi_core",
            value="{entry_point}",
            group="hypothesis",
        )
        everything = metadata.entry_points
        metadata.entry_points = lambda **kw: (
            [hook] if kw.get("group") == "hypothesis" else everything(**kw)
        )
        import {first}
        from hypothesis.strategies._internal.types import _global_type_lookup
        from sanitasi_core import Dossier
        from sanitasi_core.rules import Rulebook
        assert Dossier in _global_type_lookup and Rulebook in _global_type_lookup
        print("registered")
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "registered"


def test_importing_the_library_does_not_import_hypothesis():
    """Only ``sanitasi_core.testing`` needs Hypothesis; the library and its models do not."""
    result = _python(
        """
        import sys

        import sanitasi_core
        from sanitasi_core import Dossier, load_dossier

        print("hypothesis" in sys.modules, "sanitasi_core.testing" in sys.modules)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False False"


# --------------------------------------------------------------------------------------------
# The public face and its private parts
# --------------------------------------------------------------------------------------------

PUBLIC_NAMES = {
    # classes and their registration
    "HOUSEHOLD_CLASSES",
    "MODEL_CLASSES",
    "RULEBOOK_CLASSES",
    "TEXT_FORM_CLASSES",
    "register_strategies",
    # scalars
    "texts",
    "identifiers",
    "years",
    "dates",
    "decimals",
    "money",
    "percentages",
    "regions",
    # Indonesian text forms
    "date_texts",
    "date_ranges",
    "date_range_texts",
    "rupiah_texts",
    "amounts",
    "amount_texts",
    "percent_texts",
    "decree_numbers",
    "decree_number_texts",
    "regulations",
    "regulation_texts",
    "region_codes",
    "region_code_texts",
    "apbd_codes",
    "apbd_code_texts",
    "paragraphs",
    # dossier records and dossiers
    "provenances",
    "legal_instruments",
    "designations",
    "stage_reports",
    "nawasis_entries",
    "members",
    "working_groups",
    "meetings",
    "planning_documents",
    "service_phases",
    "aspect_assessments",
    "service_models",
    "commitment_targets",
    "commitments",
    "activities",
    "monitoring_reports",
    "evaluations",
    "rung_counts",
    "access_records",
    "village_records",
    "ehra_assessments",
    "waste_records",
    "Completeness",
    "dossiers",
    # households
    "household_records",
    "household_documents",
    # rulebooks
    "bilingual_texts",
    "references",
    "sources",
    "national_targets",
    "aspect_sets",
    "threshold_steps",
    "thresholds",
    "count_filters",
    "criteria_trees",
    "criteria",
    "milestone_rules",
    "rulebooks",
    # fuzzing
    "json_values",
    "mutated_documents",
    "dossier_like_objects",
    "mutated_rulebook_documents",
    "mutated_texts",
}


def test_all_is_exactly_the_public_names_and_each_imports():
    """``testing.__all__`` lists each public name once, and each one is importable."""
    assert len(testing.__all__) == len(set(testing.__all__))
    assert set(testing.__all__) == PUBLIC_NAMES
    for name in testing.__all__:
        namespace: dict[str, object] = {}
        exec(f"from sanitasi_core.testing import {name}", namespace)  # noqa: S102
        assert namespace[name] is getattr(testing, name)


def _imported_modules(path: Path) -> list[tuple[int, str, list[str]]]:
    """``(line, module, names)`` for every import in *path*, nested ones included."""
    found: list[tuple[int, str, list[str]]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name, []) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:  # relative: resolve it against the package
                base = "sanitasi_core.testing".rsplit(".", node.level - 1)[0]
                module = f"{base}.{module}" if module else base
            found.append((node.lineno, module, [alias.name for alias in node.names]))
    return found


PACKAGE = ROOT / "src" / "sanitasi_core" / "testing"


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_the_package_imports_nothing_private_of_the_library(path):
    """Outside its own parts, ``sanitasi_core.testing`` uses only public modules and names."""
    private = []
    for line, module, names in _imported_modules(path):
        parts = module.split(".")
        if parts[0] != "sanitasi_core" or parts[:2] == ["sanitasi_core", "testing"]:
            continue
        if any(part.startswith("_") for part in [*parts[1:], *names]):
            private.append(f"{path.name}:{line}: from {module} import {', '.join(names)}")
    assert not private


def test_the_hook_imports_nothing():
    """The entry point loads before the package is complete, so it imports no other part."""
    modules = {module for _, module, _ in _imported_modules(PACKAGE / "_hook.py")}
    assert modules <= {"__future__", "collections.abc"}


CLASSES = (
    *testing.MODEL_CLASSES,
    *testing.RULEBOOK_CLASSES,
    *testing.HOUSEHOLD_CLASSES,
    *testing.TEXT_FORM_CLASSES,
)


@pytest.mark.property
@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
@settings(max_examples=10, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_from_type_draws_every_public_class(cls, data):
    """After ``register_strategies()``, ``st.from_type`` draws valid instances of each class."""
    testing.register_strategies()
    assert isinstance(data.draw(st.from_type(cls)), cls)


@pytest.mark.property
@_LARGE
@given(st.from_type(Dossier))
def test_from_type_dossiers_travel_through_json(dossier):
    """A dossier drawn with ``st.from_type`` is valid: it survives the JSON format unchanged."""
    assert load_dossier(dump_dossier(dossier)) == dossier


@pytest.mark.property
@pytest.mark.parametrize("completeness", ["minimal", "sparse", "full"])
@settings(max_examples=10, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_dossier_completeness_is_tunable(completeness, data):
    """``minimal`` has only the region, ``full`` every section, ``sparse`` anything between."""
    dossier = data.draw(testing.dossiers(completeness))
    sections = [dossier.designations, dossier.meetings, dossier.activities, dossier.villages]
    if completeness == "minimal":
        assert dossier == Dossier(region=dossier.region)
    elif completeness == "full":
        assert all(sections)
        assert dossier.working_group is not None


# --------------------------------------------------------------------------------------------
# Rulebooks
# --------------------------------------------------------------------------------------------


@pytest.mark.property
@_LARGE
@given(book=testing.rulebooks(), dossier=testing.dossiers(), offset=st.integers(0, 10_000))
def test_generated_rulebooks_load_and_evaluate_generated_dossiers(book, dossier, offset):
    """A generated rulebook loads back unchanged and decides any generated dossier."""
    assert load_rulebook(dump_rulebook(book), fmt="json") == book
    last = (book.valid_to or dt.date(2046, 1, 1)) - dt.timedelta(days=1)
    day = min(book.valid_from + dt.timedelta(days=offset), last)
    decision = compile_rulebook(book).evaluate(dossier, as_of=day)
    assert [m.id for m in decision.milestones] == [m.id for m in book.milestones]
    ranks = {None: 0, **{m.id: m.id.rank for m in book.milestones}}
    assert ranks[decision.certain_level] <= ranks[decision.possible_level]


@pytest.mark.property
@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_criteria_trees_fit_a_rulebook(data):
    """Trees using given thresholds and definitions pass the loader's checks in a rulebook."""
    since = dt.date(2020, 1, 1)
    thresholds = tuple(
        attrs.evolve(data.draw(testing.thresholds(unit, valid_from=since)), id=f"t-{unit}")
        for unit in ("%", "points", "records")
    )
    definition = attrs.evolve(data.draw(testing.criteria()), id="shared")
    tree = data.draw(testing.criteria_trees(thresholds=thresholds, definitions=("shared",)))
    book = Rulebook(
        id="x",
        version="1",
        title=data.draw(testing.bilingual_texts()),
        status=RulebookStatus.RECONSTRUCTED,
        valid_from=since,
        milestones=(
            MilestoneRule(
                id=Milestone.M1,
                title=data.draw(testing.bilingual_texts()),
                criteria=(
                    Criterion(
                        id="c",
                        message=data.draw(testing.bilingual_texts()),
                        reference=data.draw(testing.references()),
                        test=tree,
                    ),
                ),
            ),
        ),
        thresholds=thresholds,
        definitions=(definition,),
    )
    assert load_rulebook(dump_rulebook(book), fmt="json") == book


# --------------------------------------------------------------------------------------------
# Households and text forms
# --------------------------------------------------------------------------------------------


@pytest.mark.property
@given(testing.household_records())
def test_household_records_classify(record):
    """Generated household records are valid and always classify (rung known or not)."""
    assert isinstance(record, HouseholdRecord)
    result = classify(record)
    assert result.rung is not None or result.depends_on


@pytest.mark.property
@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_household_documents_are_read_without_rejection(fmt, data):
    """Every row of a generated household file is accepted by the reader."""
    text = data.draw(testing.household_documents(fmt, min_rows=1))
    reader = read_csv if fmt == "csv" else read_jsonl
    rows = list(reader(io.StringIO(text, newline="")))
    assert rows
    assert all(row.accepted for row in rows)


@pytest.mark.property
@given(
    date=testing.date_texts(),
    rupiah=testing.rupiah_texts(),
    decree=testing.decree_number_texts(),
    region=testing.region_code_texts(),
    apbd=testing.apbd_code_texts(),
)
def test_text_forms_parse(date, rupiah, decree, region, apbd):
    """Every generated Indonesian text form is accepted by its parser."""
    assert parse_date(date).year_given
    parse_rupiah(rupiah)
    parse_decree_number(decree)
    parse_region_code(region)
    parse_apbd_code(apbd)


@pytest.mark.property
@given(
    decree=testing.decree_numbers(),
    region=testing.region_codes(),
    apbd=testing.apbd_codes(),
)
def test_structured_codes_read_back_from_their_text(decree, region, apbd):
    """Decree numbers, region and APBD codes read back equal from the text they format to."""
    assert parse_decree_number(format_decree_number(decree)) == decree
    assert parse_region_code(format_region_code(region)) == region
    assert parse_apbd_code(format_apbd_code(apbd)) == apbd


@pytest.mark.property
@given(
    text=testing.mutated_texts(testing.date_texts()),
    document=testing.mutated_rulebook_documents(),
)
@_LARGE
def test_mutation_strategies_draw_broken_input(text, document):
    """The fuzzing strategies draw text and decoded JSON (which may still be valid)."""
    assert isinstance(text, str)
    assert document is None or isinstance(document, (dict, list, str, int, float, bool))
