"""Excerpts for the PDF report and the worksheet: chosen from the tables, annotated, maskable.

An :class:`Excerpt` is a run of up to three sentences of one article, picked
because it is rich in what the analysis found: contested terms, scare quotes
and attributed quotes. Its :func:`marks` are spans of the article's cleaned
text (offsets from the ``terms``, ``scare_quotes`` and ``quotes`` tables), and
:func:`annotated_runs` turns them into styled text for :mod:`framing.pdfdoc`.
Blind mode (:class:`~framing.blind.Masker`) hides outlet and author names in excerpts.
Everything here only reads tables: nothing is recomputed.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .blind import Masker
from .pdfdoc import ACCENT, BODY_SIZE, SCARE_COLOUR, Run, side_fill

if TYPE_CHECKING:
    import pandas as pd

    from .lexicon import Concept, Pack
    from .model import Document
    from .reportdata import ReportData

SKIP_PARAGRAPHS = frozenset({"title", "heading", "post_signature"})
MARKER_CATEGORIES = frozenset({"marker", "hedge"})
CUE_CLASS_WORDS = {
    "neutral": "neutral",
    "distancing": "distancing: casts doubt",
    "endorsing": "endorsing: lends credit",
    "concessive": "concessive",
    "confrontational": "confrontational",
    "according_to": "'according to'",
    "opinion": "opinion",
    "none": "no verb",
}


# -- tables and lexicons ------------------------------------------------------
def table(data: ReportData, name: str) -> pd.DataFrame:
    """A table by name, or an empty DataFrame when the analysis did not make it."""
    import pandas as pd

    t = data.tables().get(name)
    return t if isinstance(t, pd.DataFrame) else pd.DataFrame()


def rows_by_doc(frame: pd.DataFrame) -> dict[str, list[dict[str, Any]]]:
    """Rows of a per-document table grouped by ``doc_id``, in start order."""
    out: dict[str, list[dict[str, Any]]] = {}
    if frame.empty or "doc_id" not in frame.columns:
        return out
    for rec in frame.to_dict("records"):
        out.setdefault(str(rec["doc_id"]), []).append(rec)
    for rows in out.values():
        rows.sort(key=lambda r: (int(r.get("start", 0)), int(r.get("end", 0))))
    return out


def packs_of(data: ReportData) -> list[Pack]:
    """The lexicon packs of the analysis (the bundled ones when it does not say)."""
    analyzer = getattr(data.analysis, "analyzer", None)
    if analyzer is not None:
        return list(analyzer.packs)
    from .errors import FramingError
    from .lexicon import load_packs

    try:
        return load_packs()
    except (FramingError, OSError):
        return []


def concepts_of(packs: list[Pack]) -> dict[tuple[str, str], Concept]:
    """``(pack, concept id)`` → concept."""
    return {(p.name, c.id): c for p in packs for c in p.concepts}


def side_labels(packs: list[Pack]) -> dict[str, str]:
    """Side → its label in the packs ("Azerbaijani usage"); neutral and unknown added."""
    out = {"neutral": "neutral / shared", "unknown": "side unknown"}
    for p in packs:
        for sid, side in p.sides.items():
            out.setdefault(sid, side.label or sid)
    return out


def concept_label(concepts: dict[tuple[str, str], Concept], pack: str, concept: str) -> str:
    """The concept's label from its pack, or its id made readable."""
    c = concepts.get((pack, concept))
    return c.label if c is not None and c.label else concept.replace("_", " ")


def text_of(value: Any) -> str:
    """A table cell as text ("" for NaN/None)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


# -- excerpts ----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Excerpt:
    """Consecutive sentences of one article, with the table rows that fall inside them."""

    doc: Document
    start: int
    end: int
    first: int
    last: int
    score: float
    terms: tuple[dict[str, Any], ...]
    scares: tuple[dict[str, Any], ...]
    quotes: tuple[dict[str, Any], ...]

    @property
    def text(self) -> str:
        """The excerpt's text."""
        return self.doc.text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Rows:
    """The per-document rows an excerpt draws on."""

    terms: dict[str, list[dict[str, Any]]]
    scares: dict[str, list[dict[str, Any]]]
    quotes: dict[str, list[dict[str, Any]]]

    @classmethod
    def of(cls, data: ReportData) -> Rows:
        scare = table(data, "scare_quotes")
        if not scare.empty and "kind" in scare.columns:
            scare = scare[scare["kind"] == "scare"]
        return cls(rows_by_doc(table(data, "terms")), rows_by_doc(scare), rows_by_doc(table(data, "quotes")))


def _inside(rows: list[dict[str, Any]], start: int, end: int) -> tuple[dict[str, Any], ...]:
    return tuple(r for r in rows if start <= int(r["start"]) < end)


def score_window(terms: Iterable[dict[str, Any]], scares: Iterable[dict[str, Any]], quotes: Iterable[dict[str, Any]]) -> float:
    """How much an excerpt has to show.

    Distinct contested terms count 1 (neutral or shared ones 0.3), distancing
    markers 1, scare quotes 2, quotes 1.5 plus 0.5 when the speaker is known.
    """
    seen: set[tuple[str, str]] = set()
    score = 0.0
    for t in terms:
        if text_of(t.get("category")) in MARKER_CATEGORIES:
            score += 1.0
            continue
        key = (text_of(t.get("concept")), text_of(t.get("term")).lower())
        if key in seen:
            continue
        seen.add(key)
        score += 0.3 if text_of(t.get("side")) in ("neutral", "unknown", "") else 1.0
    score += 2.0 * sum(1 for _ in scares)
    for q in quotes:
        score += 1.5 + (0.5 if text_of(q.get("speaker_type")) not in ("unattributed", "") else 0.0)
    return score


def candidate_excerpts(doc: Document, rows: Rows, *, max_sentences: int = 3, max_chars: int = 650) -> list[Excerpt]:
    """Every window of 1 to ``max_sentences`` body sentences of ``doc`` that has something to show."""
    kinds = [p.kind for p in doc.paragraphs]
    ok = [kinds[s.paragraph] not in SKIP_PARAGRAPHS if s.paragraph < len(kinds) else True for s in doc.sentences]
    terms, scares, quotes = rows.terms.get(doc.id, []), rows.scares.get(doc.id, []), rows.quotes.get(doc.id, [])
    out = []
    for i in range(len(doc.sentences)):
        for k in range(max_sentences):
            j = i + k
            if j >= len(doc.sentences) or not ok[j]:
                break
            start, end = doc.sentences[i].start, doc.sentences[j].end
            if end - start > (max_chars if k else 2 * max_chars):
                break
            tr, sc, qu = _inside(terms, start, end), _inside(scares, start, end), _inside(quotes, start, end)
            score = score_window(tr, sc, qu)
            if score > 0:
                out.append(Excerpt(doc, start, end, i, j, score, tr, sc, qu))
    return out


def pick_excerpts(data: ReportData, *, per_outlet: int = 2, limit: int = 12, seed: int | None = None,
                  pool: int = 4, outlets: list[str] | None = None) -> list[Excerpt]:
    """The richest non-overlapping excerpts of each outlet, outlets in the order given.

    Args:
        per_outlet: Excerpts per outlet at most.
        limit: Excerpts in all at most.
        seed: None or 0 takes the richest; another seed picks among the ``pool``
            richest of each outlet (the same seed, the same choice).
        outlets: Outlets in the order to show them (default: by shown name).
    """
    rows = Rows.of(data)
    by_outlet: dict[str, list[Excerpt]] = {}
    for doc in data.documents:
        by_outlet.setdefault(doc.outlet, []).extend(candidate_excerpts(doc, rows))
    order = outlets if outlets is not None else sorted(by_outlet, key=lambda o: (data.shown(o), o))
    position = {d.id: i for i, d in enumerate(data.documents)}
    rng = random.Random(seed) if seed else None
    picked: list[Excerpt] = []
    for outlet in order:
        cands = sorted(by_outlet.get(outlet, []), key=lambda e: (-e.score, position[e.doc.id], e.start, e.end))
        if rng is not None:
            head = cands[:pool]
            rng.shuffle(head)
            cands = head + cands[pool:]
        chosen: list[Excerpt] = []
        for e in cands:
            if len(chosen) >= per_outlet:
                break
            if any(c.doc.id == e.doc.id and c.start < e.end and e.start < c.end for c in chosen):
                continue
            chosen.append(e)
        picked.extend(sorted(chosen, key=lambda e: (position[e.doc.id], e.start)))
    return picked[:limit]


# -- annotation ---------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Mark:
    """A span of the article to style: ``term``, ``marker``, ``scare``, ``quote``, ``speaker`` or ``mask``."""

    start: int
    end: int
    kind: str
    side: str = ""
    ref: int = 0
    replacement: str = ""


def marks(ex: Excerpt, masker: Masker | None = None) -> list[Mark]:
    """The spans to style in an excerpt; quotes are numbered 1, 2, … in order."""
    out: list[Mark] = []
    for t in ex.terms:
        kind = "marker" if text_of(t.get("category")) in MARKER_CATEGORIES else "term"
        out.append(Mark(int(t["start"]), int(t["end"]), kind, text_of(t.get("side"))))
    for s in ex.scares:
        out.append(Mark(int(s["start"]), int(s["end"]), "scare"))
    for n, q in enumerate(ex.quotes, 1):
        out.append(Mark(int(q["start"]), int(q["end"]), "quote", ref=n))
        ss, se = int(q.get("speaker_start", -1)), int(q.get("speaker_end", -1))
        if 0 <= ss < se:
            out.append(Mark(ss, se, "speaker", ref=n))
    if masker is not None:
        out.extend(Mark(a, b, "mask", replacement=r) for a, b, r in masker.spans(ex.doc.text, ex.start, ex.end))
    return out


def annotated_runs(ex: Excerpt, *, masker: Masker | None = None, size: float = BODY_SIZE,
                   plain: bool = False) -> list[Run]:
    """The excerpt as styled runs: terms shaded by side, scare quotes bold and red,
    quotes underlined with their number after them, speakers bold.

    ``plain`` gives unstyled text (for the worksheet), with only the masking applied.
    """
    ms = marks(ex, masker)
    if plain:
        ms = [m for m in ms if m.kind == "mask"]
    cuts = {ex.start, ex.end}
    for m in ms:
        cuts.update(c for c in (m.start, m.end) if ex.start < c < ex.end)
    bounds = sorted(cuts)
    runs: list[Run] = []
    done_masks: set[int] = set()
    for a, b in zip(bounds, bounds[1:], strict=False):
        active = [m for m in ms if m.start <= a and b <= m.end]
        mask = next((m for m in active if m.kind == "mask"), None)
        if mask is not None:
            if id(mask) not in done_masks:
                done_masks.add(id(mask))
                runs.append(Run(mask.replacement, "B" if not plain else "", size=size))
        else:
            runs.append(_styled(ex.doc.text[a:b], active, size))
        for m in ms:
            if m.kind == "quote" and m.end == b:
                runs.append(Run(f"[{m.ref}]", "B", colour=ACCENT, size=size * 0.8))
    return [r for r in runs if r.text]


def _styled(text: str, active: list[Mark], size: float) -> Run:
    style, colour, fill = "", (0, 0, 0), None
    terms = [m for m in active if m.kind == "term"]
    if terms:
        fill = side_fill(min(terms, key=lambda m: (m.start - m.end, m.start)).side)
    kinds = {m.kind for m in active}
    if "quote" in kinds:
        style += "U"
    if "speaker" in kinds or "scare" in kinds:
        style += "B"
    if "marker" in kinds:
        style += "I"
    if "scare" in kinds or "marker" in kinds:
        colour = SCARE_COLOUR
    return Run(text, "".join(sorted(set(style))), colour, fill, size)


def quote_line(n: int, q: dict[str, Any], masker: Masker) -> str:
    """One line of the quote key: ``[1] the Defense Ministry (organisation; side unknown) — "said" (neutral); direct quote``."""
    speaker = masker(text_of(q.get("speaker"))) or "no speaker found"
    name = masker(text_of(q.get("speaker_name")))
    who = speaker if not name or name.lower() in speaker.lower() else f"{speaker} → {name}"
    stype = text_of(q.get("speaker_type")) or "?"
    side = text_of(q.get("side")) or "unknown"
    side_text = "side unknown" if side in ("unknown", "") else f"{side} side"
    cue = text_of(q.get("cue"))
    cls = CUE_CLASS_WORDS.get(text_of(q.get("cue_class")), text_of(q.get("cue_class")))
    verb = f"“{cue}” ({cls})" if cue else "no reporting verb"
    kind = text_of(q.get("kind")).replace("_", " ") or "quote"
    return f"[{n}] {who} ({stype.replace('_', ' ')}; {side_text}) — {verb}; {kind} quote"


def term_lines(ex: Excerpt, concepts: dict[tuple[str, str], Concept], side_names: dict[str, str],
               masker: Masker) -> list[str]:
    """The key to an excerpt's terms and scare quotes, one line each, duplicates merged."""
    out, seen = [], set()
    voice_words = {"authorial": "the outlet's own word", "quoted": "inside a quote: the speaker's word",
                   "scare-quoted": "in scare quotes", "mentioned": "mentioned as a word"}
    for t in ex.terms:
        written = masker(text_of(t.get("text")))
        key = (written.lower(), text_of(t.get("concept")), text_of(t.get("voice")))
        if key in seen:
            continue
        seen.add(key)
        if text_of(t.get("category")) in MARKER_CATEGORIES:
            out.append(f"{written}: distancing marker (the outlet signals doubt about the name that follows)")
            continue
        side = text_of(t.get("side"))
        label = concept_label(concepts, text_of(t.get("pack")), text_of(t.get("concept")))
        out.append(f"{written}: {side_names.get(side, side)} · {label} · {voice_words.get(text_of(t.get('voice')), '')}")
    for s in ex.scares:
        out.append(f"“{masker(text_of(s.get('text')))}”: scare quotes, the outlet keeps its distance from the word")
    return out
