"""The public face of the package: ``__all__``, lazy names, and a light import."""

import subprocess
import sys
import textwrap

import pytest

import sanitasi_core


def test_all_lists_every_lazy_name() -> None:
    """``__all__`` holds exactly the re-exported names plus ``__version__``."""
    assert set(sanitasi_core.__all__) == set(sanitasi_core._EXPORTS) | {"__version__"}
    assert sorted(sanitasi_core.__all__) == sanitasi_core.__all__


@pytest.mark.parametrize("name", sorted(sanitasi_core._EXPORTS))
def test_every_public_name_resolves(name: str) -> None:
    """Each public name imports from its module on first use."""
    assert getattr(sanitasi_core, name) is not None


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
        heavy = [m for m in ("cattrs", "sanitasi_core.model") if m in sys.modules]
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
