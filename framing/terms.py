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

from dataclasses import dataclass
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


def voice_of(start: int, end: int, spans: list[QuoteSpan]) -> tuple[str, bool]:
    """Voice of the text ``[start, end)`` given the quote spans around it."""
    enclosing = [s for s in spans if s.start <= start and end <= s.end]
    if not enclosing:
        return "authorial", False
    scare = any(s.kind == "scare" for s in enclosing)
    if any(s.kind == "speech" for s in enclosing):
        return "quoted", scare
    inner = max(enclosing, key=lambda s: s.depth)
    if inner.kind == "scare":
        return "scare-quoted", True
    return "mentioned", scare


def find_terms(doc: Document, matcher: TermMatcher, spans: list[QuoteSpan] | None = None) -> list[TermRecord]:
    """Term hits of ``doc`` with voice and distancing, packs outside their scope dropped."""
    if spans is None:
        spans = quote_spans(doc)
    hits = matcher.find(doc.text)
    hits = _in_scope(doc, hits, matcher)
    markers = [h for h in hits if h.role in ("marker", "hedge")]
    records = []
    for h in hits:
        voice, in_scare = voice_of(h.start, h.end, spans)
        marker = _governing_marker(doc.text, h, markers) if h.role == "" else None
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


def _in_scope(doc: Document, hits: list[TermHit], matcher: TermMatcher) -> list[TermHit]:
    scoped = {p.name: p.scope for p in matcher.packs if getattr(p, "scope", ())}
    if not scoped:
        return hits
    present = {fold(t) for t in TOKEN.findall(doc.text)}
    keep = {name for name, scope in scoped.items() if any(fold(s) in present for s in scope)}
    return [h for h in hits if h.pack not in scoped or h.pack in keep]


def _governing_marker(text: str, hit: TermHit, markers: list[TermHit]) -> TermHit | None:
    best = None
    for m in markers:
        if m.end > hit.start:
            break
        between = text[m.end : hit.start]
        if any(ch in between for ch in ".;!?\n") or len(TOKEN.findall(between)) > MARKER_WINDOW - 1:
            continue
        best = m
    return best


def sentence_index(doc: Document, offset: int) -> int:
    """Index of the sentence containing ``offset`` (or the one before it)."""
    lo, hi = 0, len(doc.sentences) - 1
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
    markers = [r.hit for r in records if r.hit.role in ("marker", "hedge")]
    for s in spans:
        inside = [r for r in naming if s.start <= r.hit.start and r.hit.end <= s.end]
        gov = inside[0].hit if len(inside) == 1 or (inside and s.kind != "speech") else None
        marker = None
        for m in markers:
            if m.end <= s.open_at and not TOKEN.findall(doc.text[m.end : s.open_at]):
                marker = m
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
