"""Naming choices in one document: term hits with their voice and distancing.

For every lexicon hit, :func:`find_terms` records whose word it is:

* ``authorial`` — the outlet's own voice;
* ``quoted`` — inside someone's quoted speech (the speaker's word);
* ``scare-quoted`` — put in scare quotes by the outlet (distanced use);
* ``mentioned`` — quoted as a word, a name or a title, not used.

and the distancing marker that governs it ("so-called", "self-proclaimed",
"unrecognized"), if any. The naming profile of an outlet counts its own
(authorial) voice; the other voices are reported beside it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from operator import le
from typing import Any

from .matcher import TermHit, TermMatcher
from .model import Document
from .quotemarks import QuoteSpan, classify_spans, find_quote_spans
from .tokens import TOKEN, fold

VOICES = ("authorial", "quoted", "scare-quoted", "mentioned")
MARKER_WINDOW = 4  # a marker governs a term that starts within this many words after it

TERM_COLUMNS = [
    "doc_id", "outlet", "pack", "concept", "category", "side", "weight", "term", "start", "end", "text",
    "voice", "in_scare_quotes", "distancing", "distancing_concept", "sentence",
]
QUOTE_SPAN_COLUMNS = [
    "doc_id", "outlet", "start", "end", "text", "kind", "reason", "depth", "closed", "sentence",
    "pack", "concept", "side", "distancing",
]


@dataclass(frozen=True, slots=True)
class TermRecord:
    """A term hit with its voice and distancing marker."""

    hit: TermHit
    voice: str
    in_scare_quotes: bool
    distancing: str
    distancing_concept: str


def quote_spans(doc: Document) -> list[QuoteSpan]:
    """The classified quote spans of a document."""
    spans = find_quote_spans(doc.text, [(p.start, p.end) for p in doc.paragraphs])
    return classify_spans(doc.text, spans, [(s.start, s.end) for s in doc.sentences])


class SpanIndex:
    """Quote spans indexed for "which spans enclose this offset?" in logarithmic time.

    Spans of one paragraph never cross (they nest or follow each other), so the
    spans enclosing an offset are found by walking back from the last span
    that starts before it, over at most the nesting depth plus the spans
    closed in between; a span is never longer than its paragraph.
    """

    def __init__(self, spans: list[QuoteSpan]) -> None:
        self.spans = sorted(spans, key=lambda s: (s.start, -s.end))
        self.starts = [s.start for s in self.spans]
        self._max_len = max((s.end - s.start for s in self.spans), default=0)

    def enclosing(self, start: int, end: int) -> list[QuoteSpan]:
        out = []
        i = bisect_right(self.starts, start) - 1
        while i >= 0 and start - self.spans[i].start <= self._max_len:
            sp = self.spans[i]
            if sp.start <= start and end <= sp.end:
                out.append(sp)
            i -= 1
        return out


def voice_of(start: int, end: int, spans: list[QuoteSpan] | SpanIndex) -> tuple[str, bool]:
    """Voice of the text ``[start, end)`` given the quote spans around it."""
    index = spans if isinstance(spans, SpanIndex) else SpanIndex(spans)
    enclosing = index.enclosing(start, end)
    if not enclosing:
        return "authorial", False
    scare = any(s.kind == "scare" for s in enclosing)
    if any(s.kind == "speech" for s in enclosing):
        return "quoted", scare
    inner = max(enclosing, key=lambda s: s.depth)
    if inner.kind == "scare":
        return "scare-quoted", True
    return "mentioned", scare


def find_terms(
    doc: Document, matcher: TermMatcher, spans: list[QuoteSpan] | None = None, *, words: list[str] | None = None
) -> list[TermRecord]:
    """Term hits of ``doc`` with voice and distancing, packs outside their scope dropped.

    ``words`` is ``tokens.split_words(doc.text)`` when the caller has it already.
    """
    if spans is None:
        spans = quote_spans(doc)
    hits, scope = matcher.scan(doc.text, words=words)
    hits = _in_scope(doc, hits, matcher, scope)
    markers = [h for h in hits if h.role in ("marker", "hedge")]
    marker_ends = [m.end for m in markers]
    index = SpanIndex(spans)
    records = []
    for h in hits:
        voice, in_scare = voice_of(h.start, h.end, index)
        marker = _governing_marker(doc.text, h, markers, marker_ends) if h.role == "" else None
        records.append(
            TermRecord(
                hit=h,
                voice=voice,
                in_scare_quotes=in_scare,
                distancing=marker.text if marker else "",
                distancing_concept=marker.concept if marker else "",
            )
        )
    return records


def _in_scope(doc: Document, hits: list[TermHit], matcher: TermMatcher, scope: set[str] | None = None) -> list[TermHit]:
    """``hits`` without those of packs whose scope words ``doc`` lacks.

    ``scope`` is the set of the matcher's scope words found in the text (from
    :meth:`TermMatcher.scan`), or None to look for them here.
    """
    scoped = {p.name: p.scope for p in matcher.packs if getattr(p, "scope", ())}
    if not scoped:
        return hits
    if scope is not None and not matcher.diacritics:
        present = scope  # the scope words among the matcher's tokens, folded as fold(t) folds them
    else:
        present = {fold(t) for t in set(TOKEN.findall(doc.text))}  # each distinct token folded once
    keep = {name for name, scope in scoped.items() if any(fold(s) in present for s in scope)}
    return [h for h in hits if h.pack not in scoped or h.pack in keep]


def _governing_marker(text: str, hit: TermHit, markers: list[TermHit], ends: list[int]) -> TermHit | None:
    """The last marker ending before the hit, if it is close enough and in the same sentence."""
    i = bisect_right(ends, hit.start) - 1
    if i < 0:
        return None
    m = markers[i]
    between = text[m.end : hit.start]
    if len(between) > 200 or any(ch in between for ch in ".;!?\n") or len(TOKEN.findall(between)) > MARKER_WINDOW - 1:
        return None
    return m


_starts_memo: tuple[tuple[Any, ...], list[int] | None] = ((), None)


def _sorted_starts(doc: Document) -> list[int] | None:
    """The sentences' start offsets when ascending (None otherwise), kept for the last document asked."""
    global _starts_memo
    sentences, starts = _starts_memo
    if sentences is not doc.sentences:
        starts = [s.start for s in doc.sentences]
        if not all(map(le, starts, starts[1:])):
            starts = None
        _starts_memo = (doc.sentences, starts)
    return starts


def sentence_index(doc: Document, offset: int) -> int:
    """Index of the sentence containing ``offset`` (or the one before it; 0 before the first)."""
    starts = _sorted_starts(doc)  # one list per document, however many offsets are asked
    if starts is not None:
        return max(0, bisect_right(starts, offset) - 1)
    lo, hi = 0, len(doc.sentences) - 1  # sentences out of order (a hand-made document): as always
    ans = 0
    while lo <= hi:
        mid = (lo + hi) // 2
        if doc.sentences[mid].start <= offset:
            ans = mid
            lo = mid + 1
        else:
            hi = mid - 1
    return ans


def term_rows(doc: Document, records: list[TermRecord]) -> list[dict[str, Any]]:
    """Rows of ``terms.csv`` for one document."""
    return [
        {
            "doc_id": doc.id,
            "outlet": doc.outlet,
            "pack": r.hit.pack,
            "concept": r.hit.concept,
            "category": r.hit.category,
            "side": r.hit.side,
            "weight": r.hit.weight,
            "term": r.hit.term,
            "start": r.hit.start,
            "end": r.hit.end,
            "text": r.hit.text,
            "voice": r.voice,
            "in_scare_quotes": r.in_scare_quotes,
            "distancing": r.distancing,
            "distancing_concept": r.distancing_concept,
            "sentence": sentence_index(doc, r.hit.start),
        }
        for r in records
    ]


def quote_span_rows(doc: Document, spans: list[QuoteSpan], records: list[TermRecord]) -> list[dict[str, Any]]:
    """Rows of ``scare_quotes.csv``: every quoted span with its kind and the lexicon term inside."""
    rows = []
    naming = [r for r in records if r.hit.role == ""]
    naming_starts = [r.hit.start for r in naming]
    markers = [r.hit for r in records if r.hit.role in ("marker", "hedge")]
    marker_ends = [m.end for m in markers]
    for s in spans:
        lo, hi = bisect_left(naming_starts, s.start), bisect_right(naming_starts, s.end)
        inside = [r for r in naming[lo:hi] if r.hit.end <= s.end]
        gov = inside[0].hit if len(inside) == 1 or (inside and s.kind != "speech") else None
        marker = None
        k = bisect_right(marker_ends, s.open_at) - 1
        if k >= 0 and not TOKEN.search(doc.text, markers[k].end, s.open_at):  # no word in between (no slice copy)
            marker = markers[k]
        rows.append(
            {
                "doc_id": doc.id,
                "outlet": doc.outlet,
                "start": s.start,
                "end": s.end,
                "text": doc.text[s.start : s.end],
                "kind": s.kind,
                "reason": s.reason,
                "depth": s.depth,
                "closed": s.closed,
                "sentence": sentence_index(doc, s.start),
                "pack": gov.pack if gov else "",
                "concept": gov.concept if gov else "",
                "side": gov.side if gov else "",
                "distancing": marker.text if marker else "",
            }
        )
    return rows
