"""The input guard shared by the Indonesian text parsers: text only, and bounded in length."""

from typing import Final

from sanitasi_core._messages import text
from sanitasi_core.exceptions import ParseError

__all__ = ["MAX_INPUT_LENGTH", "require_text"]

MAX_INPUT_LENGTH: Final = 200
"""The longest text a parser accepts; longer input is refused before any work is done."""


def require_text(value: object, *, what_id: str, what_en: str, expected: str) -> str:
    """Return *value* if it is a ``str`` no longer than :data:`MAX_INPUT_LENGTH`.

    Args:
        value: what the caller passed to a ``parse_*`` function.
        what_id: what the text should hold, in Bahasa Indonesia (``tanggal``).
        what_en: the same in English (``a date``).
        expected: the English description stored in :attr:`ParseError.expected`.

    Raises:
        ParseError: if *value* is not a ``str``, or is too long.
    """
    if not isinstance(value, str):
        try:
            shown = repr(value)
        except ValueError:  # e.g. an int with more digits than Python will print
            shown = f"<{type(value).__name__} too long to show>"
        raise ParseError(
            shown,
            expected,
            text("input_not_text", what_id=what_id, what_en=what_en, got=_shorten(shown)),
        )
    if len(value) > MAX_INPUT_LENGTH:
        raise ParseError(
            value,
            expected,
            text(
                "input_too_long",
                what_id=what_id,
                what_en=what_en,
                length=len(value),
                limit=MAX_INPUT_LENGTH,
            ),
        )
    return value


def _shorten(shown: str, limit: int = 60) -> str:
    """Cut *shown* to *limit* characters, marking the cut, for use inside messages."""
    return shown if len(shown) <= limit else shown[: limit - 3] + "..."
