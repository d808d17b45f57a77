"""Sphinx configuration of the sanitasi-core documentation (MyST Markdown, furo theme)."""

import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The package is documented from the source tree; the build command also sets PYTHONPATH=src.
sys.path.insert(0, str(ROOT / "src"))
# Local extensions: _ext/generated.py writes the reference pages generated from the code.
sys.path.insert(0, str(Path(__file__).resolve().parent / "_ext"))

with (ROOT / "pyproject.toml").open("rb") as pyproject:
    release = tomllib.load(pyproject)["project"]["version"]
version = release

project = "sanitasi-core"
author = "sanitasi-core developers"
copyright = "sanitasi-core developers"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "generated",
]
# sphinx.ext.intersphinx is deliberately off: the documentation builds without network access.

source_suffix = {".md": "markdown"}
root_doc = "index"
# reference/_generated/ holds fragments written at build time; pages {include} them.
exclude_patterns = ["_build", "reference/_generated"]
nitpicky = False

# --- MyST ---------------------------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# --- autodoc and napoleon (Google-style docstrings) -----------------------------------------------
autodoc_typehints = "description"
autodoc_member_order = "bysource"
autodoc_class_signature = "mixed"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = False  # "Attributes:" become attribute entries that can be linked to

# --- HTML ---------------------------------------------------------------------------------------
html_theme = "furo"
html_title = f"sanitasi-core {release}"
