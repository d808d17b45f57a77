"""Shared test configuration: hypothesis profiles and the model's registered strategies.

The profile is chosen by the environment variable ``HYPOTHESIS_PROFILE``: ``dev`` (the default,
quick) or ``ci`` (thorough; set by ``.ci/run``).
"""

import os

from hypothesis import HealthCheck, settings

from strategies import register_all

# Complete dossiers are large by design; generation time is bounded by the example counts.
_SLOW_OK = [HealthCheck.too_slow]
settings.register_profile("dev", max_examples=50, suppress_health_check=_SLOW_OK)
settings.register_profile(
    "ci", max_examples=300, deadline=None, print_blob=True, suppress_health_check=_SLOW_OK
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

register_all()
