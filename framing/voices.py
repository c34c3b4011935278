"""Sourcing profiles: per document and per outlet, who gets to speak and how.

Counts are merged document by document (so they work while streaming):
quotes by kind, the share of the article's words that are quoted, distinct
voices and quoted words per side, the share of quotes attributed to named,
anonymous and unattributed sources, and the attribution-verb classes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from .model import Document, count_words
from .quotes import QUOTE_KINDS, Quote
from .terms import sentence_index
from .verbs import CUE_CLASSES

QUOTE_COLUMNS = [
    "doc_id", "outlet", "kind", "start", "end", "text", "speaker", "speaker_start", "speaker_end",
    "speaker_name", "speaker_type", "side", "cue", "cue_class", "n_words", "sentence", "rule",
    "resolution",
]
SOURCING = ("named", "anonymous", "unattributed")
VOICE_COLUMNS = [
    "outlet", "n_docs", "n_words", "n_quotes", *(f"n_{k}" for k in QUOTE_KINDS), "quoted_words", "quoted_share",
    *(f"share_{s}" for s in SOURCING), "n_voices", *(f"cue_{c}" for c in CUE_CLASSES),
]
SIDE_COLUMNS = ["outlet", "side", "n_quotes", "quoted_words", "n_voices", "share_of_quotes", "share_of_quoted_words"]


def sourcing(q: Quote) -> str:
    """named (a person, organisation or role), anonymous, or unattributed."""
    if q.speaker_type in ("person", "organisation", "role", "social_post"):
        return "named"
    if q.speaker_type == "anonymous":
        return "anonymous"
    return "unattributed"


def quote_rows(doc: Document, quotes: Iterable[Quote]) -> list[dict[str, Any]]:
    """Rows of ``quotes.csv`` for one document."""
    return [
        {
            "doc_id": doc.id,
            "outlet": doc.outlet,
            "kind": q.kind,
            "start": q.start,
            "end": q.end,
            "text": " […] ".join(doc.text[a:b] for a, b in q.spans),
            "speaker": q.speaker,
            "speaker_start": q.speaker_start,
            "speaker_end": q.speaker_end,
            "speaker_name": q.speaker_name,
            "speaker_type": q.speaker_type,
            "side": q.side,
            "cue": q.cue,
            "cue_class": q.cue_class,
            "n_words": sum(count_words(doc.text[a:b]) for a, b in q.spans),
            "sentence": sentence_index(doc, q.start),
            "rule": q.rule,
            "resolution": q.resolution,
        }
        for q in quotes
    ]


class VoicesProfile:
    """Accumulates ``quotes.csv`` rows into per-outlet sourcing tables."""

    def __init__(self) -> None:
        self.docs: dict[str, int] = defaultdict(int)
        self.words: dict[str, int] = defaultdict(int)
        self.counts: dict[tuple[str, str], int] = defaultdict(int)
        self.voices: dict[str, set[str]] = defaultdict(set)
        self.side_quotes: dict[tuple[str, str], int] = defaultdict(int)
        self.side_words: dict[tuple[str, str], int] = defaultdict(int)
        self.side_voices: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.anonymous_voices: dict[str, int] = defaultdict(int)
        self.side_anonymous: dict[tuple[str, str], int] = defaultdict(int)

    def add_document(self, doc: Document, rows: list[dict[str, Any]]) -> None:
        """Add one document and its quote rows."""
        o = doc.outlet
        self.docs[o] += 1
        self.words[o] += doc.n_words
        # Anonymous voices are distinct within a document only ("a user" here is not "a user"
        # elsewhere): they are counted per document, not kept, so memory stays flat.
        anonymous: set[str] = set()
        anonymous_by_side: dict[str, set[str]] = defaultdict(set)
        for r in rows:
            self.counts[(o, "quotes")] += 1
            self.counts[(o, r["kind"])] += 1
            self.counts[(o, "words")] += r["n_words"]
            self.counts[(o, f"cue_{r['cue_class']}")] += 1
            src = "named" if r["speaker_type"] in ("person", "organisation", "role", "social_post") else (
                "anonymous" if r["speaker_type"] == "anonymous" else "unattributed")
            self.counts[(o, src)] += 1
            voice = r["speaker_name"] or r["speaker"]
            if voice and src == "anonymous":
                anonymous.add(voice.casefold())
                anonymous_by_side[r["side"]].add(voice.casefold())
            elif voice and src == "named":
                self.voices[o].add(voice)
                self.side_voices[(o, r["side"])].add(voice)
            self.side_quotes[(o, r["side"])] += 1
            self.side_words[(o, r["side"])] += r["n_words"]
        self.anonymous_voices[o] += len(anonymous)
        for side, names in anonymous_by_side.items():
            self.side_anonymous[(o, side)] += len(names)

    def outlet_rows(self) -> list[dict[str, Any]]:
        """``voices.csv``: one row per outlet."""
        rows = []
        for o in sorted(self.docs):
            n = self.counts.get((o, "quotes"), 0)
            qw = self.counts.get((o, "words"), 0)
            row: dict[str, Any] = {
                "outlet": o, "n_docs": self.docs[o], "n_words": self.words[o], "n_quotes": n,
                "quoted_words": qw, "quoted_share": qw / self.words[o] if self.words[o] else float("nan"),
                "n_voices": len(self.voices.get(o, ())) + self.anonymous_voices.get(o, 0),
            }
            for k in QUOTE_KINDS:
                row[f"n_{k}"] = self.counts.get((o, k), 0)
            for s in SOURCING:
                row[f"share_{s}"] = self.counts.get((o, s), 0) / n if n else float("nan")
            for c in CUE_CLASSES:
                row[f"cue_{c}"] = self.counts.get((o, f"cue_{c}"), 0)
            rows.append(row)
        return rows

    def side_rows(self) -> list[dict[str, Any]]:
        """``voices_by_side.csv``: per outlet and speaker side."""
        rows = []
        for o, side in sorted(self.side_quotes):
            n = self.counts.get((o, "quotes"), 0)
            qw = self.counts.get((o, "words"), 0)
            rows.append(
                {
                    "outlet": o, "side": side, "n_quotes": self.side_quotes[(o, side)],
                    "quoted_words": self.side_words[(o, side)],
                    "n_voices": len(self.side_voices.get((o, side), ())) + self.side_anonymous.get((o, side), 0),
                    "share_of_quotes": self.side_quotes[(o, side)] / n if n else float("nan"),
                    "share_of_quoted_words": self.side_words[(o, side)] / qw if qw else float("nan"),
                }
            )
        return rows
