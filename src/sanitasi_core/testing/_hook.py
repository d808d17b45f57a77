"""Hypothesis's entry point: register the strategies when Hypothesis is imported.

``pyproject.toml`` declares :func:`hypothesis_setup_hook` in the entry-point group
``hypothesis``, and Hypothesis calls it at the end of its own import. The hook can run in two
orders of import, so this module imports nothing of the library or of Hypothesis:

- **Hypothesis first** (``import hypothesis`` in a downstream test suite). Loading the hook
  imports :mod:`sanitasi_core.testing`, the parent package, which is then complete: it hands
  over its :func:`~sanitasi_core.testing.register_strategies` (:func:`package_ready`), and the
  hook registers at once.
- **sanitasi_core.testing first.** One of its parts imports Hypothesis, and Hypothesis calls the
  hook while the package is half-built. The hook only notes the request. The package registers
  when it hands over its function, at the end of its import.

Either way, nothing is registered before the package is complete. Hypothesis's
``HYPOTHESIS_NO_PLUGINS`` turns the hook off, and then :mod:`sanitasi_core.testing` registers
nothing until :func:`~sanitasi_core.testing.register_strategies` is called.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["hypothesis_setup_hook", "package_ready"]


class _Handshake:
    """What the hook and the package have told each other so far."""

    def __init__(self) -> None:
        self.register: Callable[[], None] | None = None  # set when the package is complete
        self.requested = False  # Hypothesis called the hook before that


_STATE = _Handshake()


def hypothesis_setup_hook() -> None:
    """Register the strategies now, or as soon as :mod:`sanitasi_core.testing` is imported."""
    if _STATE.register is None:
        _STATE.requested = True
    else:
        _STATE.register()


def package_ready(register: Callable[[], None]) -> None:
    """Take the package's registration function; call it if Hypothesis already asked.

    :mod:`sanitasi_core.testing` calls this once, as the last step of its import.

    Args:
        register: :func:`~sanitasi_core.testing.register_strategies`.
    """
    _STATE.register = register
    if _STATE.requested:
        register()
