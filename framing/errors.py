"""Exceptions and diagnostics shared by every part of framing.

Library code raises these; the CLI turns them into one-line messages. Problems
that affect one input among many are not raised but recorded as
:class:`Diagnostic` records, so a run can report them and go on.
"""

from __future__ import annotations

from dataclasses import dataclass


class FramingError(Exception):
    """Base class of every error framing raises on purpose."""


class InputError(FramingError, ValueError):
    """An input (corpus file, manifest, option) cannot be used.

    The message names the file and, where it helps, the line.
    """


class LexiconError(FramingError, ValueError):
    """A lexicon pack is invalid; the message reads ``file:line: problem``."""


class OutputError(FramingError, OSError):
    """The output location cannot be written safely."""


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A problem with one input that was skipped or repaired, not fatal.

    Attributes:
        source: File path as given by the user (relative to the corpus root where possible).
        message: What went wrong and what was done about it.
        line: 1-based line number in ``source`` where known, else ``None``.
        skipped: ``True`` when the input was left out of the analysis.
    """

    source: str
    message: str
    line: int | None = None
    skipped: bool = True

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message}"


def located(source: str, line: int | None, message: str) -> str:
    """Format ``source[:line]: message`` the way every framing error reads."""
    return f"{source}:{line}: {message}" if line is not None else f"{source}: {message}"
