"""Shared test configuration: hypothesis profiles and the public strategies.

The profile is chosen by the environment variable ``HYPOTHESIS_PROFILE``: ``dev`` (the default,
quick) or ``ci`` (thorough; set by ``.ci/run``). The coverage gate (``fail_under`` in
``pyproject.toml``) is meant for the whole suite: run a part of it with ``--no-cov``.
"""

import os
from typing import Any, Final

import pytest
from hypothesis import HealthCheck, settings

from sanitasi_core._messages import CATALOGUE
from sanitasi_core.exceptions import Problem
from sanitasi_core.testing import register_strategies

_FOREIGN_CODES: Final[frozenset[str]] = frozenset()
"""Codes that tests give problems they make themselves."""

# Complete dossiers are large by design; generation time is bounded by the example counts.
_SLOW_OK = [HealthCheck.too_slow]
settings.register_profile("dev", max_examples=50, suppress_health_check=_SLOW_OK)
settings.register_profile(
    "ci", max_examples=300, deadline=None, print_blob=True, suppress_health_check=_SLOW_OK
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

register_strategies()


# Every problem the package reports carries a catalogue code, so that programs can rely on it
# and the catalogue test covers its sentence in both languages. The codes of every problem made
# while the tests run are collected here and checked when the session ends.
_PROBLEM_CODES: set[str] = set()
_made = Problem.__init__


def _recording_init(self: Problem, *args: Any, **kwargs: Any) -> None:
    _made(self, *args, **kwargs)
    _PROBLEM_CODES.add(self.code)


Problem.__init__ = _recording_init  # type: ignore[method-assign]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run if a problem was made with a code the message catalogue does not have."""
    unknown = sorted(_PROBLEM_CODES - CATALOGUE.keys() - _FOREIGN_CODES)
    if unknown:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line(f"problem codes missing from the catalogue: {unknown}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
