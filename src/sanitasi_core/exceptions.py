"""The public error hierarchy of sanitasi-core, and nothing else.

Every error is a :class:`SanitasiError`, and each subclass also inherits the builtin it means, so
callers that catch ``ValueError`` or ``KeyError`` keep working. Errors that can hold several
problems (a dossier, a rulebook) carry them all in :attr:`problems`, each with its location.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import attrs

from sanitasi_core._messages import render as _render
from sanitasi_core._text import Lang, Text

__all__ = [
    "MAX_PROBLEMS",
    "DecisionFormatError",
    "DossierFormatError",
    "EvaluationError",
    "FileRefused",
    "HouseholdFileError",
    "NoRulebookInForceError",
    "PandasMissingError",
    "ParseError",
    "Problem",
    "ProblemCollector",
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


MAX_PROBLEMS: Final = 100
"""The most problems an error keeps; the others are only counted (:attr:`omitted`).

A document with a hundred thousand bad items costs a hundred problems and a count, not a
hundred thousand messages.
"""


class ProblemCollector:
    """Collects problems in bounded memory: the first *limit* are kept, the rest counted.

    Args:
        limit: how many problems to keep (default :data:`MAX_PROBLEMS`).
    """

    __slots__ = ("kept", "limit", "omitted")

    def __init__(self, limit: int = MAX_PROBLEMS) -> None:
        self.kept: list[Problem] = []
        self.omitted = 0
        self.limit = limit

    def add(self, problem: Problem) -> None:
        """Keep *problem*, or count it when *limit* problems are kept already."""
        if len(self.kept) < self.limit:
            self.kept.append(problem)
        else:
            self.omitted += 1

    def extend(self, problems: Iterable[Problem]) -> None:
        """Add every problem of *problems* (an iterable is consumed, never stored whole)."""
        for problem in problems:
            self.add(problem)

    def __bool__(self) -> bool:
        return bool(self.kept) or self.omitted > 0

    def __len__(self) -> int:
        """How many problems were added, kept or not."""
        return len(self.kept) + self.omitted


class _ProblemsMixin(Exception):  # noqa: N818  # a mixin, never raised on its own
    """Shared behaviour of errors that carry several problems.

    At most :data:`MAX_PROBLEMS` problems are kept; the number of the others is :attr:`omitted`.

    Attributes:
        problems: the problems kept, in the order found.
        omitted: how many more problems were found and not kept.
        source: the file or label of the input, when known.
    """

    def __init__(
        self,
        problems: Iterable[Problem] | ProblemCollector,
        source: str | None = None,
        *,
        omitted: int = 0,
    ) -> None:
        if isinstance(problems, ProblemCollector):
            collected = problems
        else:
            # A list that knows how many problems were left out of it carries that count.
            omitted += getattr(problems, "omitted", 0)
            collected = ProblemCollector()
            collected.extend(problems)
        self.problems = tuple(collected.kept)
        self.omitted = collected.omitted + omitted
        self.source = source
        super().__init__(self.render("en"))

    def render(self, lang: Lang = "en") -> str:
        """Return every problem kept, one per line, in *lang*, and how many more there were."""
        lines = [p.render(lang) for p in self.problems]
        if self.omitted:
            lines.append(_render("problems_omitted", lang, count=self.omitted))
        return "\n".join(lines)


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


class FileRefused(SanitasiError):  # noqa: N818  # the name the CLI and the issue use
    """A file was not read or written because of what it is.

    Raised by the library's file readers and writers (and by :mod:`sanitasi_core.batch` for a
    path it cannot read); the command line translates it into a message and an exit code.
    Importable from its old place, ``sanitasi_core._files``, too.

    Attributes:
        path: the path as the caller gave it.
        code: a stable code: ``not_found``, ``is_directory``, ``special_file``,
            ``not_regular`` (a pseudo-file in ``/proc`` or ``/sys``), ``too_large``, ``grew``,
            ``unreadable``; when writing also ``read_only``, ``no_reader``, ``no_folder``,
            ``changed`` and ``unwritable``.
        text: the reason, in Bahasa Indonesia and English, without the path.
    """

    def __init__(self, path: str, code: str, text: Text) -> None:
        self.path = path
        self.code = code
        self.text = text
        super().__init__(self.render("en"))

    def __reduce__(self) -> tuple[type[FileRefused], tuple[str, str, Text]]:
        return type(self), (self.path, self.code, self.text)

    def render(self, lang: Lang = "en") -> str:
        """Return ``path: reason`` on one line in *lang* (an unprintable path is quoted)."""
        shown = self.path if self.path.isprintable() else repr(self.path)
        return f"{shown}: {self.text.get(lang)}"


class PandasMissingError(SanitasiError, ImportError):
    """A function that returns a pandas data frame was called, and pandas is not installed.

    Also an :class:`ImportError` (its :attr:`name` is ``pandas``), so code that already catches
    a missing optional module keeps working. pandas comes with the ``pandas`` extra:
    ``pip install 'sanitasi-core[pandas]'``.

    Attributes:
        text: the message in both languages, with how to install pandas.
    """

    def __init__(self, text: Text) -> None:
        self.text = text
        super().__init__(f"{text.en} / {text.id}", name="pandas")

    def __reduce__(self) -> tuple[type[PandasMissingError], tuple[Text]]:
        return type(self), (self.text,)
