"""Shared test configuration: hypothesis profiles and the public strategies.

The profile is chosen by the environment variable ``HYPOTHESIS_PROFILE``: ``dev`` (the default,
quick) or ``ci`` (thorough; set by ``.ci/run``). The coverage gate (``fail_under`` in
``pyproject.toml``) is meant for the whole suite: run a part of it with ``--no-cov``.
"""

import os

from hypothesis import HealthCheck, settings

from sanitasi_core.testing import register_strategies

# Complete dossiers are large by design; generation time is bounded by the example counts.
_SLOW_OK = [HealthCheck.too_slow]
settings.register_profile("dev", max_examples=50, suppress_health_check=_SLOW_OK)
settings.register_profile(
    "ci", max_examples=300, deadline=None, print_blob=True, suppress_health_check=_SLOW_OK
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

register_strategies()
