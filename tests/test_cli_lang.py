"""The output language of the command line: ``--lang``, then ``SANITASI_LANG``, then the locale.

``cli._parser.default_lang`` and ``pre_lang`` take the environment as a mapping: no global state.
"""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

LOCALES = ("LC_ALL", "LC_MESSAGES", "LANG")


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),  # no locale at all
        ({"LANG": "C"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),  # neither language: English
        ({"LANG": "id_ID.UTF-8"}, "id"),
        ({"LANG": "id"}, "id"),
        ({"LANG": "ID_id"}, "id"),
        ({"LANG": ""}, "en"),
        ({"LC_MESSAGES": "id_ID.UTF-8", "LANG": "en_US.UTF-8"}, "id"),  # LC_MESSAGES over LANG
        ({"LC_ALL": "C", "LC_MESSAGES": "id_ID.UTF-8"}, "en"),  # LC_ALL over everything
        ({"LC_ALL": "", "LC_MESSAGES": "id_ID.UTF-8"}, "id"),  # an empty variable is unset
        ({"SANITASI_LANG": "id", "LC_ALL": "en_US.UTF-8"}, "id"),  # SANITASI_LANG first
        ({"SANITASI_LANG": "en", "LANG": "id_ID.UTF-8"}, "en"),
        ({"SANITASI_LANG": " EN ", "LANG": "id_ID.UTF-8"}, "en"),
        ({"SANITASI_LANG": "fr", "LANG": "id_ID.UTF-8"}, "id"),  # not id/en: ignored
        ({"SANITASI_LANG": "", "LANG": "C"}, "en"),
    ],
)
def test_default_language_follows_sanitasi_lang_then_the_locale(environ, expected):
    """``SANITASI_LANG`` (id/en) first, then LC_ALL, LC_MESSAGES, LANG; C and unset: English."""
    from sanitasi_core.cli._parser import default_lang  # noqa: PLC0415

    assert default_lang(environ) == expected


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--lang", "en", "evaluate"], "en"),
        (["evaluate", "--lang", "en"], "en"),
        (["evaluate", "--lang=en"], "en"),
        (["--lang", "id"], "id"),
        (["--lang=id"], "id"),
        (["--lang", "fr"], "id"),  # a bad value is argparse's to refuse; the environment decides
        (["--lang"], "id"),
        (["evaluate"], "id"),
    ],
)
def test_lang_option_comes_before_the_environment(argv, expected):
    """``--lang`` wins over ``SANITASI_LANG`` and the locale, before or after the command."""
    from sanitasi_core.cli._parser import pre_lang  # noqa: PLC0415

    assert pre_lang(argv, {"SANITASI_LANG": "id", "LANG": "en_US.UTF-8"}) == expected


_LOCALE_VALUE = st.sampled_from(["", "C", "POSIX", "C.UTF-8", "en_GB.UTF-8", "id_ID.UTF-8", "fr"])


@given(
    st.fixed_dictionaries({}, optional=dict.fromkeys(LOCALES, _LOCALE_VALUE)),
    st.sampled_from([None, "id", "en", "", "xx"]),
)
def test_the_first_locale_set_decides_unless_sanitasi_lang_does(locale, chosen):
    """Whatever the locale, a valid SANITASI_LANG decides; otherwise the first set one does."""
    from sanitasi_core.cli._parser import default_lang  # noqa: PLC0415

    environ = dict(locale) if chosen is None else {**locale, "SANITASI_LANG": chosen}
    first = next((locale[k] for k in LOCALES if locale.get(k)), "")
    expected = chosen if chosen in ("id", "en") else ("id" if first.startswith("id") else "en")
    assert default_lang(environ) == expected


def test_the_command_reads_the_process_environment(monkeypatch, capsys):
    """``main`` without ``--lang`` writes in the language the environment chooses."""
    from sanitasi_core.cli import main  # noqa: PLC0415

    for name in ("SANITASI_LANG", *LOCALES):
        monkeypatch.delenv(name, raising=False)
    example = str(Path(__file__).parent.parent / "examples" / "mahakam-ulu-2024.json")
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert main(["validate", example]) == 0
    assert capsys.readouterr().out.endswith(": valid\n")
    monkeypatch.setenv("SANITASI_LANG", "id")
    assert main(["validate", example]) == 0
    assert capsys.readouterr().out.endswith(": sah\n")
