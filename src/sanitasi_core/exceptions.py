"""The public error hierarchy of sanitasi-core, and nothing else.

Every error is a :class:`SanitasiError`, and each subclass also inherits the builtin it means, so
callers that catch ``ValueError`` or ``KeyError`` keep working. Errors that can hold several
problems (a dossier, a rulebook) carry them all in :attr:`problems`, each with its location.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from sanitasi_core._text import Lang, Text

__all__ = [
    "DecisionFormatError",
    "DossierFormatError",
    "EvaluationError",
    "HouseholdFileError",
    "NoRulebookInForceError",
    "ParseError",
    "Problem",
    "RulebookError",
    "SanitasiError",
    "UnknownRegionError",
    "ValidationError",
]


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with an input, with where it is.

    Attributes:
        path: JSON path (``$.activities[3].planned``) or, for an object built in Python, the
            field path relative to that object (``planned``).
        code: stable message code from the message catalogue, for programs.
        text: the message in Bahasa Indonesia and English.
        file: the file it came from, when known.
        line: the 1-based line in *file*, when known.
    """

    path: str
    code: str
    text: Text
    file: str | None = None
    line: int | None = None

    def location(self) -> str:
        """Return ``file:line: path`` with whatever parts are known."""
        parts = [p for p in (self.file, str(self.line) if self.line else None) if p]
        prefix = ":".join(parts)
        if prefix and self.path:
            return f"{prefix}: {self.path}"
        return prefix or self.path

    def render(self, lang: Lang = "en") -> str:
        """Return the problem as one line in *lang*."""
        where = self.location()
        return f"{where}: {self.text.get(lang)}" if where else self.text.get(lang)

    def __str__(self) -> str:
        return self.render("en")


class SanitasiError(Exception):
    """Root of every error sanitasi-core raises on purpose."""


class _ProblemsMixin(Exception):  # noqa: N818  # a mixin, never raised on its own
    """Shared behaviour of errors that carry several problems.

    Attributes:
        problems: every problem found.
        source: the file or label of the input, when known.
    """

    def __init__(self, problems: Iterable[Problem], source: str | None = None) -> None:
        self.problems = tuple(problems)
        self.source = source
        super().__init__(self.render("en"))

    def render(self, lang: Lang = "en") -> str:
        """Return every problem, one per line, in *lang*."""
        return "\n".join(p.render(lang) for p in self.problems)


class ValidationError(_ProblemsMixin, SanitasiError, ValueError):
    """A model object was built with values that break its rules.

    Attributes:
        problems: every problem found, paths relative to the object being built.
    """

    @classmethod
    def single(cls, path: str, text: Text, code: str) -> ValidationError:
        """Build an error holding one problem."""
        return cls([Problem(path=path, code=code, text=text)])


class DossierFormatError(_ProblemsMixin, SanitasiError, ValueError):
    """A dossier document (JSON) is not valid; every problem carries its JSON path.

    Attributes:
        problems: every problem found in the document.
        source: the file or label of the document, when known.
    """


class RulebookError(_ProblemsMixin, SanitasiError, ValueError):
    """A rulebook is not valid; every problem carries file, line where known, and path."""


class DecisionFormatError(_ProblemsMixin, SanitasiError, ValueError):
    """A decision document (JSON) is not valid; every problem carries its JSON path."""


class HouseholdFileError(_ProblemsMixin, SanitasiError, ValueError):
    """A household-record file cannot be read as a whole (header, encoding, unreadable).

    Bad rows are not errors of the file: they are counted and reported with their row number.

    Attributes:
        problems: every problem found, each with the file and line where known.
        source: the file or label of the input, when known.
    """


class ParseError(SanitasiError, ValueError):
    """An Indonesian text form (date, Rupiah amount, decree number, code) could not be parsed.

    Attributes:
        value: the text that was given.
        expected: what was expected, in English (also in :attr:`text`).
        text: the full message in both languages.
    """

    def __init__(self, value: str, expected: str, text: Text) -> None:
        self.value = value
        self.expected = expected
        self.text = text
        super().__init__(text.en)


class UnknownRegionError(SanitasiError, KeyError):
    """A region code is not in the registry."""

    def __init__(self, code: str, text: Text) -> None:
        self.code = code
        self.text = text
        super().__init__(text.en)

    def __str__(self) -> str:  # KeyError would repr() the message
        return self.text.en


class EvaluationError(SanitasiError):
    """A decision could not be made (not: a criterion failed, which is a normal outcome)."""

    def __init__(self, text: Text) -> None:
        self.text = text
        super().__init__(text.en)


class NoRulebookInForceError(EvaluationError, LookupError):
    """No rulebook is in force on the requested ``as_of`` date."""
