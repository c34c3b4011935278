"""Blind mode: outlet names (and authors) replaced by "Outlet A", "Outlet B", … wherever text is shown.

Used by the PDF, the worksheet and the HTML explorer alike, so the three hide
exactly the same words; it needs nothing beyond the standard library.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .reportdata import ReportData


class Masker:
    """Replaces outlet names (and authors) by their blind names, case-insensitively, whole words only.

    Args:
        names: Real name → shown name (an empty mapping masks nothing).
        authors: Author names to replace by "the author".
    """

    def __init__(self, names: dict[str, str], authors: Iterable[str] = ()) -> None:
        self.repl: dict[str, str] = {}
        for real, shown in names.items():
            if real and real.lower() != "unknown" and real != shown and len(real) >= 3:
                self.repl[real.lower()] = shown
        for a in authors:
            if a and len(a) >= 3:
                self.repl.setdefault(a.lower(), "the author")
        keys = sorted(self.repl, key=lambda k: (-len(k), k))
        self.pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in keys) + r")(?!\w)", re.I) if keys else None

    def __call__(self, text: str) -> str:
        if self.pattern is None or not text:
            return text
        return self.pattern.sub(lambda m: self.repl[m.group(0).lower()], text)

    def spans(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """Masked spans of ``text[start:end]`` as ``(start, end, replacement)``."""
        if self.pattern is None:
            return []
        return [(m.start(), m.end(), self.repl[m.group(0).lower()]) for m in self.pattern.finditer(text, start, end if end is not None else len(text))]


def masker_for(data: ReportData, *, blind: bool | None = None, aliases: dict[str, str] | None = None) -> Masker:
    """The masker of a report: identity unless blind (authors are hidden too when blind)."""
    blind = data.blind if blind is None else blind
    if not blind:
        return Masker({})
    names = aliases if aliases is not None else data.aliases
    return Masker(names, sorted({d.author for d in data.documents if d.author}))
