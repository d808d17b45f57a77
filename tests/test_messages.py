"""The bilingual message catalogue: complete, consistent and without clashing codes."""

import string

import pytest

from sanitasi_core import _messages

PARTS = _messages.PARTS


def _fields(template: str) -> set[str]:
    # A parameter that is itself a word comes in two spellings: ``part_id`` / ``part_en``.
    names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    return {n.removesuffix("_id").removesuffix("_en") for n in names}


def test_parts_do_not_share_codes() -> None:
    """No message code is defined in two parts of the catalogue (a merge would hide one)."""
    seen: dict[str, str] = {}
    for part, entries in PARTS.items():
        for code in entries:
            assert code not in seen, f"{code} in {seen.get(code)} and {part}"
            seen[code] = part
    assert set(seen) == set(_messages.CATALOGUE)


@pytest.mark.parametrize("code", sorted(_messages.CATALOGUE))
def test_every_message_exists_in_both_languages(code: str) -> None:
    """Each code has a non-blank Indonesian and English text with the same placeholders."""
    entry = _messages.CATALOGUE[code]
    assert set(entry) == {"id", "en"}
    assert entry["id"].strip()
    assert entry["en"].strip()
    assert entry["id"] != entry["en"]
    assert _fields(entry["id"]) == _fields(entry["en"])


def test_text_renders_both_languages() -> None:
    """``text`` fills the placeholders of both languages."""
    rendered = _messages.text("percentage_range", got="120")
    assert "120" in rendered.id
    assert "120" in rendered.en
    assert rendered.id != rendered.en
