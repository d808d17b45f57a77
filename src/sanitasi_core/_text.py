"""Bilingual text: the one carrier of every user-facing sentence (Bahasa Indonesia and English)."""

from __future__ import annotations

from typing import Literal

import attrs

__all__ = ["LANGUAGES", "Lang", "Text"]

Lang = Literal["id", "en"]
LANGUAGES: tuple[Lang, ...] = ("id", "en")


@attrs.frozen(kw_only=True)
class Text:
    """A sentence in Bahasa Indonesia (``id``) and English (``en``).

    Both are required: officials read Indonesian, donors read English, and no user-facing message
    may exist in only one of them.
    """

    id: str = attrs.field(validator=attrs.validators.instance_of(str))
    en: str = attrs.field(validator=attrs.validators.instance_of(str))

    def __attrs_post_init__(self) -> None:
        if not self.id.strip() or not self.en.strip():
            from sanitasi_core._messages import text  # noqa: PLC0415  # avoids an import cycle
            from sanitasi_core.exceptions import ValidationError  # noqa: PLC0415

            blank = "id" if not self.id.strip() else "en"
            raise ValidationError.single(
                blank, text("not_blank", got=repr(getattr(self, blank))), "not_blank"
            )

    def get(self, lang: Lang) -> str:
        """Return the sentence in *lang*."""
        return self.id if lang == "id" else self.en

    def __str__(self) -> str:
        return self.en
