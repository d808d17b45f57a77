"""Backward-compatible home of the test strategies, now public in :mod:`sanitasi_core.testing`.

New tests import :mod:`sanitasi_core.testing` directly; this module only re-exports it (and
keeps the old name ``register_all`` of :func:`~sanitasi_core.testing.register_strategies`).
"""

import sanitasi_core.testing as _testing
from sanitasi_core.testing import *  # noqa: F403

register_all = _testing.register_strategies

__all__ = [*_testing.__all__, "register_all"]  # noqa: PLE0604
