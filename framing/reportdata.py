"""What a report shows, gathered once for every output format.

The PDF report, the HTML explorer and the worksheet are all assembled from
one :class:`ReportData`: the analysis tables, the rendered figures with their
reading notes, the plain-language findings, and the outlet names as they are
to be shown (real names, or "Outlet A", "Outlet B" … in blind mode). Writers
only lay these out; they compute nothing that a table does not already hold.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .analysis import Analysis
    from .model import Document


@dataclass(frozen=True, slots=True)
class Figure:
    """One rendered chart.

    Attributes:
        name: File stem, also the anchor id (``naming_heatmap``).
        title: Heading shown above the chart.
        path: PNG file, relative to the run folder (``figures/naming_heatmap.png``).
        how_to_read: One or two sentences: what the axes, colours and numbers mean.
        caveats: What the chart cannot show (small n, lexicon decides what counts …).
        alt: Text alternative for screen readers.
    """

    name: str
    title: str
    path: str
    how_to_read: str
    caveats: str
    alt: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    """A plain-language statement generated from the tables, with the numbers behind it."""

    text: str
    topic: str = ""  # naming / voices / tone / readability / words / events
    strength: float = 0.0  # for ordering: larger = stronger contrast


def outlet_aliases(outlets: list[str]) -> dict[str, str]:
    """Blind names for outlets in a stable order: ``{"BBC": "Outlet A", …}``."""
    letters = list(string.ascii_uppercase)
    out = {}
    for i, name in enumerate(sorted(outlets)):
        tag = letters[i] if i < 26 else letters[i // 26 - 1] + letters[i % 26]
        out[name] = f"Outlet {tag}"
    return out


@dataclass
class ReportData:
    """Everything the report writers need.

    Attributes:
        analysis: The analysis (tables as DataFrames, documents with their cleaned text).
        title: Report title (corpus name by default).
        figures: Rendered charts, in reading order.
        findings: Generated plain-language findings, strongest first.
        blind: Hide outlet names (``shown`` maps them to "Outlet A" …).
        aliases: Outlet → name to show; identity unless ``blind``.
        lexicons: The packs used, as in ``run.json`` (name, version, kind, counts).
        outdir: The run folder; figure paths are relative to it.
        extra: Further tables computed for the report (``distinctive``, ``events``,
            ``profile``, ``tone``, ``actor_tone`` …) as DataFrames, by name.
    """

    analysis: Analysis
    title: str = "framing report"
    figures: list[Figure] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    blind: bool = False
    aliases: dict[str, str] = field(default_factory=dict)
    lexicons: list[dict[str, Any]] = field(default_factory=list)
    outdir: Path = Path(".")
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.aliases:
            outlets = sorted({d.outlet for d in self.analysis.documents_list})
            self.aliases = outlet_aliases(outlets) if self.blind else {o: o for o in outlets}

    def shown(self, outlet: str) -> str:
        """The outlet's name as the report shows it."""
        return self.aliases.get(outlet, outlet)

    @property
    def documents(self) -> list[Document]:
        """The analysed documents, in corpus order."""
        return self.analysis.documents_list

    def tables(self) -> dict[str, Any]:
        """All tables by name: the analysis tables, then ``extra``."""
        return {**self.analysis.tables, **self.extra}
