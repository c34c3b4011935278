"""The tidy table contract: table names, columns, and rows for one document.

Columns listed here are stable: later versions add columns and tables, they do
not rename or remove them. Each table is one row per unit (document, sentence)
with ``doc_id`` as the key that joins them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .model import Document
from .naming import LEAN_COLUMNS, NAMING_COLUMNS
from .readability_profile import METRICS, READABILITY_COLUMNS
from .terms import QUOTE_SPAN_COLUMNS, TERM_COLUMNS
from .tone import ACTOR_MENTION_COLUMNS, ACTOR_TONE_COLUMNS, TONE_COLUMNS, Scores
from .voices import QUOTE_COLUMNS, SIDE_COLUMNS, VOICE_COLUMNS

#: Table name → columns, in output order.
COLUMNS: dict[str, list[str]] = {
    "documents": [
        "doc_id",
        "outlet",
        "group",
        "title",
        "date",
        "url",
        "event",
        "language",
        "author",
        "wire",
        "wire_evidence",
        "n_chars",
        "n_words",
        "n_sentences",
        "n_paragraphs",
        "n_embedded_posts",
        "n_removed",
        "n_terms",
        "n_scare_quotes",
        "n_quotes",
        "quoted_share",
        "tone_mean",
        "tone_pos_share",
        "tone_neg_share",
        "tone_neu_share",
        "n_tone_sentences",
        "tone_authorial",
        "n_authorial_sentences",
        "tone_quoted",
        "n_quoted_sentences",
        *METRICS,
        "readability_note",
        "cleaning_notes",
        "read_notes",
        "source",
        "sha256",
        "extra",
    ],
    "sentences": ["doc_id", "index", "start", "end", "paragraph", "paragraph_kind", "text",
                  "voice", "neg", "neu", "pos", "compound"],
    "terms": TERM_COLUMNS,
    "scare_quotes": QUOTE_SPAN_COLUMNS,
    "quotes": QUOTE_COLUMNS,
    "actor_mentions": ACTOR_MENTION_COLUMNS,
}
#: Tables aggregated over the whole corpus (written at the end of a run).
AGGREGATE_COLUMNS: dict[str, list[str]] = {
    "naming": NAMING_COLUMNS,
    "naming_lean": LEAN_COLUMNS,
    "voices": VOICE_COLUMNS,
    "voices_by_side": SIDE_COLUMNS,
    "tone": TONE_COLUMNS,
    "actor_tone": ACTOR_TONE_COLUMNS,
    "readability": READABILITY_COLUMNS,
}


def document_row(doc: Document, *, n_words: int | None = None) -> dict[str, Any]:
    """The ``documents`` row for one document (``n_words``: ``doc.n_words`` when counted already)."""
    return {
        "doc_id": doc.id,
        "outlet": doc.outlet,
        "group": doc.group,
        "title": doc.title,
        "date": doc.date,
        "url": doc.url,
        "event": doc.event,
        "language": doc.language,
        "author": doc.author,
        "wire": "; ".join(doc.wire),
        "wire_evidence": "; ".join(doc.wire_evidence),
        "n_chars": len(doc.text),
        "n_words": doc.n_words if n_words is None else n_words,
        "n_sentences": len(doc.sentences),
        "n_paragraphs": len(doc.paragraphs),
        "n_embedded_posts": sum(1 for p in doc.paragraphs if p.kind == "embedded_post"),
        "n_removed": len(doc.removed),
        "cleaning_notes": cleaning_summary(doc),
        "read_notes": "; ".join(doc.notes),
        "source": doc.source,
        "sha256": doc.sha256,
        "extra": doc.extra,
    }


def document_record(doc: Document, row: dict[str, Any] | None = None) -> dict[str, Any]:
    """The ``documents.jsonl`` record: the row plus text, paragraphs and removals."""
    rec = dict(row) if row is not None else document_row(doc)
    rec["wire"] = list(doc.wire)
    rec["wire_evidence"] = list(doc.wire_evidence)
    rec["read_notes"] = list(doc.notes)
    rec["text"] = doc.text
    rec["paragraphs"] = [{"start": p.start, "end": p.end, "kind": p.kind} for p in doc.paragraphs]
    rec["removed"] = [{"line": r.line, "reason": r.reason, "text": r.text} for r in doc.removed]
    return rec


def sentence_rows(
    doc: Document, *, voices: Sequence[str] | None = None, scorer: Callable[[str], Scores] | None = None
) -> list[dict[str, Any]]:
    """The ``sentences`` rows for one document.

    With ``voices`` (one per sentence) and a VADER ``scorer``, each row also holds the
    tone columns (``voice``, ``neg``, ``neu``, ``pos``, ``compound``), made in the same
    pass: each sentence's text is sliced once and each row is one dictionary.
    """
    kinds = [p.kind for p in doc.paragraphs]
    text = doc.text
    doc_id = doc.id
    sentences = doc.sentences
    texts = [text[s.start : s.end] for s in sentences]
    paragraph_kinds = [kinds[s.paragraph] if s.paragraph < len(kinds) else "" for s in sentences]
    if voices is None or scorer is None:
        return [
            {"doc_id": doc_id, "index": i, "start": s.start, "end": s.end, "paragraph": s.paragraph,
             "paragraph_kind": kind, "text": t}
            for i, (s, kind, t) in enumerate(zip(sentences, paragraph_kinds, texts, strict=True))
        ]
    if len(voices) != len(sentences):
        raise ValueError(f"{len(voices)} voices for {len(sentences)} sentences")
    return [
        {"doc_id": doc_id, "index": i, "start": s.start, "end": s.end, "paragraph": s.paragraph,
         "paragraph_kind": kind, "text": t, "voice": voice, "neg": neg, "neu": neu, "pos": pos, "compound": compound}
        for i, (s, kind, t, voice, (neg, neu, pos, compound))
        in enumerate(zip(sentences, paragraph_kinds, texts, voices, map(scorer, texts), strict=True))
    ]


def cleaning_summary(doc: Document) -> str:
    """One line saying what cleaning removed: ``removed 2 lines: share/view counter (2)``."""
    if not doc.removed:
        return ""
    counts: dict[str, int] = {}
    for r in doc.removed:
        counts[r.reason] = counts.get(r.reason, 0) + 1
    parts = [f"{reason} ({n})" for reason, n in counts.items()]
    n = len(doc.removed)
    return f"removed {n} line{'s' if n != 1 else ''}: " + "; ".join(parts)
