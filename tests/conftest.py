"""Shared test configuration: hypothesis profiles and the model's registered strategies.

The profile is chosen by the environment variable ``HYPOTHESIS_PROFILE``: ``dev`` (the default,
quick) or ``ci`` (thorough; set by ``.ci/run``).
"""

import os

from hypothesis import settings

from strategies import register_all

settings.register_profile("dev", max_examples=50)
settings.register_profile("ci", max_examples=300, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

register_all()
