"""Corpus-level tables as mergeable partial aggregates.

The per-document analysis is a map; the corpus tables (``naming``, ``voices``,
``tone``, ``readability``, ...) are a reduction of it. :class:`Aggregates`
accumulates documents one by one, and two accumulations over consecutive runs
of documents merge into the accumulation over both (:meth:`Aggregates.merge`),
exactly: counts add (integers), sets of voices unite, and the per-document
values that the means and intervals are made from are concatenated in corpus
order, so every float sum adds the same numbers in the same order. A worker
process can thus aggregate its own chunk of documents and send back a few
small dictionaries instead of every row, and the tables come out identical
however the corpus was split.

At the end, :meth:`Aggregates.split` cuts the merged state into parts by
unit (outlet or group); every aggregate table is sorted by unit first, so the
rows of the parts, concatenated in order, are the rows of the whole, and the
parts (whose intervals are the costly step) can be computed in parallel.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .naming import NamingProfile
from .readability_profile import ReadabilityProfile
from .tone import ToneProfile
from .voices import VoicesProfile

if TYPE_CHECKING:
    from .analysis import Analyzer, DocumentResult
    from .model import Document

#: The profiles an :class:`Aggregates` holds, in the order of its state.
PROFILES = ("naming", "voices", "tone", "readability")


@dataclass(frozen=True, slots=True)
class _Unit:
    """What an aggregate sees of a document: the unit it is counted under, and its size."""

    outlet: str
    n_words: int


class Aggregates:
    """Corpus-level tables, merged document by document (or chunk by chunk).

    ``by="group"`` counts each document under its outlet group (documents
    without a group keep their outlet), so groups are compared instead of outlets.

    Args:
        analyzer: The analyzer (its pack kinds and actors list).
        by: ``"outlet"`` or ``"group"``.
    """

    def __init__(self, analyzer: Analyzer, by: str = "outlet") -> None:
        if by not in ("outlet", "group"):
            raise ValueError(f"by must be 'outlet' or 'group', not {by!r}")
        self.by = by
        self.analyzer = analyzer
        self.naming = NamingProfile()
        self.voices = VoicesProfile()
        self.tone = ToneProfile(analyzer.actors)
        self.readability = ReadabilityProfile()

    def add(self, doc: Document, result: DocumentResult) -> None:
        """Add one document's rows."""
        key = (doc.group or doc.outlet) if self.by == "group" else doc.outlet
        self.naming.add_document(key, doc.id, result.rows["terms"], self.analyzer.pack_kinds)
        # the row's n_words is doc.n_words, counted once already
        self.voices.add_document(_Unit(key, result.rows["documents"][0]["n_words"]), result.rows["quotes"])  # type: ignore[arg-type]
        self.tone.add_document(key, result.rows["sentences"], result.rows["actor_mentions"])
        self.readability.add_document(key, result.rows["documents"][0])

    def state(self) -> tuple[dict[str, Any], ...]:
        """The accumulated state: plain dictionaries, quick to pickle (see :meth:`merge`)."""
        return tuple(vars(getattr(self, name)) for name in PROFILES)

    def merge(self, state: tuple[dict[str, Any], ...]) -> None:
        """Add the :meth:`state` of an accumulation over the documents that follow this one's.

        Raises:
            TypeError: A profile holds a kind of value this does not know how to merge.
        """
        for name, part in zip(PROFILES, state, strict=True):
            _merge_into(getattr(self, name), part)

    def split(self, parts: int) -> list[tuple[dict[str, Any], ...]]:
        """The state cut into at most ``parts`` states by unit, in unit order (see :func:`rows_of_state`).

        Units are shared out in sorted order, so each part is about as costly (by the
        number of per-document values behind its means and intervals).
        """
        weight: dict[str, int] = defaultdict(int)
        for key, cells in (*self.tone.tone.items(), *self.tone.actor.items(), *self.readability.values.items()):
            weight[key[0]] += len(cells)
        for key in self.voices.docs:
            weight[key] += 1
        units = sorted(weight)
        if parts <= 1 or len(units) <= 1:
            return [self.state()]
        # cut points where the running weight passes k/parts of the total
        running, total = [], 0
        for u in units:
            total += weight[u]
            running.append(total)
        cuts = sorted({bisect_left(running, total * k / parts) + 1 for k in range(1, parts)} - {len(units)})
        bounds = [units[c] for c in cuts]  # first unit of each later part
        out = []
        for lo, hi in zip([None, *bounds], [*bounds, None], strict=True):
            out.append(tuple(_filter(vars(getattr(self, name)), lo, hi) for name in PROFILES))
        return out

    def rows(self) -> dict[str, list[dict[str, Any]]]:
        """The aggregate tables, by name."""
        return {
            "naming": self.naming.naming_rows(),
            "naming_lean": self.naming.lean_rows(),
            "voices": self.voices.outlet_rows(),
            "voices_by_side": self.voices.side_rows(),
            "tone": self.tone.tone_rows(),
            "actor_tone": self.tone.actor_rows(),
            "readability": self.readability.rows(),
        }


def rows_of_state(analyzer: Analyzer, state: tuple[dict[str, Any], ...]) -> dict[str, list[dict[str, Any]]]:
    """The aggregate tables of a :meth:`Aggregates.state` (or of one part of :meth:`Aggregates.split`)."""
    agg = Aggregates(analyzer)
    agg.merge(state)
    return agg.rows()


def concat_rows(parts: list[dict[str, list[dict[str, Any]]]]) -> dict[str, list[dict[str, Any]]]:
    """The tables of consecutive unit ranges joined (the tables of the whole, as every table is sorted by unit first)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for part in parts:
        for name, rows in part.items():
            out.setdefault(name, []).extend(rows)
    return out


def _merge_into(target: object, part: dict[str, Any]) -> None:
    # Keys new to the target are added in the order the part met them, so every dictionary
    # keeps the order of first appearance in the corpus, as one accumulation would.
    for name, theirs in part.items():
        ours = getattr(target, name)
        if isinstance(ours, defaultdict):
            factory = ours.default_factory
            if factory is int:
                for k, v in theirs.items():
                    ours[k] += v
            elif factory is list:
                for k, v in theirs.items():
                    ours[k].extend(v)
            elif factory is set:
                for k, v in theirs.items():
                    ours[k] |= v
            else:
                raise TypeError(f"cannot merge {type(target).__name__}.{name}: a defaultdict of {factory!r}")
        elif isinstance(ours, dict):  # settings that do not depend on the documents (pack kinds, actor labels)
            ours.update(theirs)
        else:
            raise TypeError(f"cannot merge {type(target).__name__}.{name} ({type(ours).__name__})")


def _filter(state: dict[str, Any], lo: str | None, hi: str | None) -> dict[str, Any]:
    """The per-unit dictionaries of a profile's state, keeping units in [lo, hi)."""
    out: dict[str, Any] = {}
    for name, value in state.items():
        if isinstance(value, defaultdict):  # keyed by unit, or by a tuple starting with the unit
            out[name] = {k: v for k, v in value.items() if _within(k if isinstance(k, str) else k[0], lo, hi)}
        else:
            out[name] = value
    return out


def _within(unit: str, lo: str | None, hi: str | None) -> bool:
    return (lo is None or unit >= lo) and (hi is None or unit < hi)
