"""Bilingual text: the one carrier of every user-facing sentence (Bahasa Indonesia and English)."""

from __future__ import annotations

from typing import Literal

import attrs

__all__ = ["LANGUAGES", "Lang", "Text", "brief", "lone_surrogate"]

Lang = Literal["id", "en"]
LANGUAGES: tuple[Lang, ...] = ("id", "en")


@attrs.frozen(kw_only=True)
class Text:
    """A sentence in Bahasa Indonesia (``id``) and English (``en``).

    Both are required: officials read Indonesian, donors read English, and no user-facing message
    may exist in only one of them. A plain value: texts read from documents (rulebooks,
    decisions) are checked not to be blank where they enter, by the wire format.
    """

    id: str = attrs.field(validator=attrs.validators.instance_of(str))
    en: str = attrs.field(validator=attrs.validators.instance_of(str))

    def get(self, lang: Lang) -> str:
        """Return the sentence in *lang*."""
        return self.id if lang == "id" else self.en

    def __str__(self) -> str:
        return self.en


def lone_surrogate(value: str) -> int | None:
    r"""The position of the first lone surrogate in *value*, or ``None`` when it is valid text.

    A JSON escape such as ``\ud800`` decodes to a surrogate that no UTF-8 writer can write;
    texts are checked where they enter, so that no report fails later on a good batch.
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        return error.start
    return None


def brief(value: str, limit: int = 60) -> str:
    """*value* for a ``repr()``: on one line, printable, at most *limit* characters.

    A text with a character that is not printable is shown as its escaped Python literal; a
    longer one is cut and ends with ``…``, so that a repr stays one short line whatever the data.
    """
    shown = value if value.isprintable() else repr(value)[1:-1]
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"
