"""The catalogue of library messages in both languages, keyed by a stable code.

Code never writes a user-facing sentence inline: it names a code and its parameters, and
:func:`text` renders both languages (:func:`render` one of them). The catalogue is made of one
part per owner (the modules of this package); a test checks that no code is in two parts and
that every code exists in both languages with the same parameters.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from sanitasi_core._messages.charts import CHART_MESSAGES
from sanitasi_core._messages.cli import CLI_MESSAGES
from sanitasi_core._messages.engine import ENGINE_MESSAGES
from sanitasi_core._messages.files import FILE_MESSAGES
from sanitasi_core._messages.formats import FORMAT_MESSAGES
from sanitasi_core._messages.generic import GENERIC_MESSAGES
from sanitasi_core._messages.indicators import INDICATOR_MESSAGES
from sanitasi_core._messages.ladder import LADDER_MESSAGES
from sanitasi_core._messages.regions import REGION_MESSAGES
from sanitasi_core._messages.reports import REPORT_MESSAGES
from sanitasi_core._messages.rulebooks import RULEBOOK_MESSAGES
from sanitasi_core._text import Lang, Text

__all__ = ["CATALOGUE", "PARTS", "phrase", "render", "text"]


# One catalogue, one part per owner. Codes never collide (tested).
PARTS: Final[Mapping[str, Mapping[str, Mapping[str, str]]]] = {
    "generic": GENERIC_MESSAGES,
    "formats": FORMAT_MESSAGES,
    "regions": REGION_MESSAGES,
    "ladder": LADDER_MESSAGES,
    "indicators": INDICATOR_MESSAGES,
    "rulebooks": RULEBOOK_MESSAGES,
    "engine": ENGINE_MESSAGES,
    "reports": REPORT_MESSAGES,
    "cli": CLI_MESSAGES,
    "charts": CHART_MESSAGES,
    "files": FILE_MESSAGES,
}
"""The parts of the catalogue, by owner; a test checks that no code is in two parts."""

CATALOGUE: Final[Mapping[str, Mapping[str, str]]] = {
    code: entry for part in PARTS.values() for code, entry in part.items()
}


_PHRASES: Final[Mapping[str, tuple[str, str]]] = {
    # English phrase → (Indonesian, English): what a field expects, used in "expected …".
    "a string": ("teks", "a string"),
    "an integer": ("bilangan bulat", "an integer"),
    "an integer of at most 18 digits": (
        "bilangan bulat paling banyak 18 angka",
        "an integer of at most 18 digits",
    ),
    "true or false": ("true atau false", "true or false"),
    "a decimal": ("bilangan desimal", "a decimal"),
    'a decimal string such as "1250000.00"': (
        'teks desimal seperti "1250000.00"',
        'a decimal string such as "1250000.00"',
    ),
    "a date": ("tanggal", "a date"),
    "a date YYYY-MM-DD": ("tanggal YYYY-MM-DD", "a date YYYY-MM-DD"),
    "a real calendar date YYYY-MM-DD": (
        "tanggal kalender yang ada, YYYY-MM-DD",
        "a real calendar date YYYY-MM-DD",
    ),
    "an array": ("larik (array)", "an array"),
    "a list": ("daftar", "a list"),
    "an object": ("objek", "an object"),
    "a valid value": ("nilai yang sah", "a valid value"),
    "a village code PP.KK.CC.DDDD such as '64.11.01.2001'": (
        "kode desa PP.KK.CC.DDDD seperti '64.11.01.2001'",
        "a village code PP.KK.CC.DDDD such as '64.11.01.2001'",
    ),
    "a kab/kota code PP.KK such as '64.11'": (
        "kode kab/kota PP.KK seperti '64.11'",
        "a kab/kota code PP.KK such as '64.11'",
    ),
    "an APBD code such as '1.03.05.2.01.0044', without spaces around it": (
        "kode APBD seperti '1.03.05.2.01.0044', tanpa spasi di sekitarnya",
        "an APBD code such as '1.03.05.2.01.0044', without spaces around it",
    ),
}


def phrase(english: str) -> Text:
    """Return a known phrase in both languages (an unknown one, such as a class name, as is)."""
    id_, en = _PHRASES.get(english, (english, english))
    return Text(id=id_, en=en)


def render(code: str, lang: Lang, /, **params: object) -> str:
    """Render message *code* with *params* in *lang* (the one renderer of the library).

    A parameter that is itself a :class:`Text` is filled from its *lang* side.
    """
    return text(code, **params).get(lang)


def text(code: str, /, **params: object) -> Text:
    """Render message *code* with *params* in both languages.

    A parameter that is itself a :class:`Text` is filled in each language from its own side.

    Raises:
        KeyError: if *code* is not in the catalogue (a programming error, caught by tests).
    """
    entry = CATALOGUE[code]
    in_id = {k: (v.id if isinstance(v, Text) else v) for k, v in params.items()}
    in_en = {k: (v.en if isinstance(v, Text) else v) for k, v in params.items()}
    return Text(id=entry["id"].format(**in_id), en=entry["en"].format(**in_en))
