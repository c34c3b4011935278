"""Every article with its highlights: terms by side, scare quotes, quotes with speakers."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ..blind import masker_for
from .labels import (
    CUE_CLASSES,
    QUOTE_KINDS,
    REPORTED_KINDS,
    SPEAKER_TYPES,
    VOICES,
    LexiconInfo,
    side_name,
    side_usage,
)
from .spans import Span, esc, render_spans

if TYPE_CHECKING:
    from ..model import Document
    from ..reportdata import ReportData

PARAGRAPH_KINDS = frozenset({"title", "heading", "body", "embedded_post", "post_signature"})


@dataclass
class Keys:
    """Attribute-safe keys of outlets, sides and concepts, shared by filters and markup."""

    outlets: dict[str, str]
    sides: dict[str, str]
    concepts: dict[tuple[str, str], str]


def safe_url(url: str) -> str | None:
    """``url`` if it is an absolute http(s) URL without spaces or controls, else ``None``."""
    url = (url or "").strip()
    if not url or any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def link_or_text(url: str) -> str:
    """A link for an http(s) URL, the URL as plain text otherwise (never a live ``javascript:``)."""
    ok = safe_url(url)
    if ok is None:
        return f'<span class="user">{esc(url)}</span>'
    return f'<a class="user" href="{esc(ok)}" rel="noopener noreferrer" target="_blank">{esc(ok)}</a>'


def group_rows(table: Any, *, where: tuple[str, str] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Rows of a DataFrame grouped by ``doc_id`` (optionally only where ``column == value``)."""
    out: dict[str, list[dict[str, Any]]] = {}
    if table is None or len(table) == 0 or "doc_id" not in table.columns:
        return out
    if where is not None and where[0] in table.columns:
        table = table[table[where[0]] == where[1]]
    for row in table.to_dict("records"):
        out.setdefault(str(row["doc_id"]), []).append(row)
    return out


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _str(value: Any) -> str:
    if value is None or value != value:  # None or NaN
        return ""
    return str(value)


def _tip(tip_id: str, lines: list[tuple[str, str]]) -> str:
    body = "".join(f'<span class="tl"><b>{esc(k)}:</b> {v}</span>' for k, v in lines if v)
    return f'<span class="tip" role="tooltip" id="{tip_id}">{body}</span>'


def _ann_attrs(classes: str, side_key: str, concept_key: str, tip_id: str) -> tuple[str, str]:
    data = f' data-side="{esc(side_key)}"' if side_key else ""
    data += f' data-concept="{esc(concept_key)}"' if concept_key else ""
    more = f' class="{classes}"{data}'
    first = f'{more} tabindex="0" aria-describedby="{tip_id}"'
    return first, more


def term_span(row: dict[str, Any], tip_id: str, keys: Keys, info: LexiconInfo) -> Span | None:
    """The highlight of one lexicon hit, with its tooltip."""
    start, end = _int(row.get("start")), _int(row.get("end"))
    if start is None or end is None:
        return None
    pack, concept, side = _str(row.get("pack")), _str(row.get("concept")), _str(row.get("side"))
    side_key = keys.sides.get(side, "")
    concept_key = keys.concepts.get((pack, concept), "")
    label = info.concept_label(pack, concept)
    weight = _str(row.get("weight"))
    side_text = esc(side_usage(side, info.side_labels)) + (f" · {esc(weight)} signal" if weight else "")
    voice = _str(row.get("voice"))
    marker = _str(row.get("distancing"))
    note = info.note(pack, concept, _str(row.get("term")))
    version = info.versions.get(pack, "")
    lines = [
        ("Term", esc(label)),
        ("Side", side_text),
        ("Voice", esc(VOICES.get(voice, voice))),
        ("Distancing", f"marked by “{esc(marker)}”" if marker else ""),
        ("Lexicon", esc(f"{pack} {version}".strip()) + (f" — {esc(note)}" if note else "")),
    ]
    attrs, more = _ann_attrs(f"ann term sd-{side_key}", side_key, concept_key, tip_id)
    return Span(start, end, 1, 3, "span", attrs, more, _tip(tip_id, lines))


def quote_span(row: dict[str, Any], tip_id: str, keys: Keys) -> Span | None:
    """The underline of one quotation, with speaker, side and verb in its tooltip."""
    start, end = _int(row.get("start")), _int(row.get("end"))
    if start is None or end is None:
        return None
    kind, side = _str(row.get("kind")), _str(row.get("side")) or "unknown"
    name, written = _str(row.get("speaker_name")), _str(row.get("speaker"))
    stype = _str(row.get("speaker_type"))
    speaker = esc(name or written) or "not attributed"
    if written and name and name.casefold() not in written.casefold():
        speaker += f" (written “{esc(written)}”)"
    if stype and stype != "unattributed":
        speaker += f" — {esc(SPEAKER_TYPES.get(stype, stype))}"
    cue, cue_class = _str(row.get("cue")), _str(row.get("cue_class"))
    verb = f"“{esc(cue)}”" if cue else "none"
    if cue_class and cue_class != "none":
        verb += f" — {esc(CUE_CLASSES.get(cue_class, cue_class))}"
    lines = [
        ("Speaker", speaker),
        ("Side", esc(side_name(side))),
        ("Verb", verb),
        ("Kind", esc(QUOTE_KINDS.get(kind, kind))),
        # why: the rule that tied the quote to its mention, and how the mention led to the speaker
        ("Rule", esc(_str(row.get("rule")))),
        ("Resolved", esc(_str(row.get("resolution")))),
    ]
    side_key = keys.sides.get(side, "")
    classes = f"ann quote sd-{side_key}" + (" reported" if kind in REPORTED_KINDS else "")
    attrs, more = _ann_attrs(classes, side_key, "", tip_id)
    return Span(start, end, 1, 1, "span", attrs, more, _tip(tip_id, lines))


def scare_span(row: dict[str, Any], tip_id: str, keys: Keys, info: LexiconInfo) -> Span | None:
    """The dashed box around a phrase in scare quotes."""
    start, end = _int(row.get("start")), _int(row.get("end"))
    if start is None or end is None:
        return None
    pack, concept, side = _str(row.get("pack")), _str(row.get("concept")), _str(row.get("side"))
    marker = _str(row.get("distancing"))
    lines = [
        ("Scare quotes", esc(_str(row.get("reason")) or "quotation marks the outlet uses to keep its distance")),
        ("Term", esc(info.concept_label(pack, concept)) if concept else ""),
        ("Side", esc(side_usage(side, info.side_labels)) if side else ""),
        ("Distancing", f"marked by “{esc(marker)}”" if marker else ""),
    ]
    attrs, more = _ann_attrs("ann scare", keys.sides.get(side, ""), keys.concepts.get((pack, concept), ""), tip_id)
    return Span(start, end, 1, 2, "span", attrs, more, _tip(tip_id, lines))


def paragraph_spans(doc: Document) -> list[Span]:
    """One ``<p>`` per paragraph; text outside every paragraph gets its own."""
    spans: list[Span] = []
    pos = 0
    paras = sorted((p.start, p.end, p.kind) for p in doc.paragraphs)
    for start, end, kind in [*paras, (len(doc.text), len(doc.text), "body")]:
        if start > pos and doc.text[pos:start].strip():
            spans.append(Span(pos, start, 0, 0, "p", ' class="k-body" dir="auto"'))
        if end > start:
            k = kind if kind in PARAGRAPH_KINDS else "body"
            spans.append(Span(start, end, 0, 0, "p", f' class="k-{k}" dir="auto"'))
        pos = max(pos, end)
    return spans


@dataclass
class ArticleRows:
    """The rows of one document in the per-document tables."""

    terms: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    scare: list[dict[str, Any]]


def render_article(index: int, doc: Document, rows: ArticleRows, data: ReportData, keys: Keys,
                   info: LexiconInfo, *, open_: bool, n_words: int) -> str:
    """One ``<details>`` element: a summary line, the metadata and the highlighted text."""
    aid = f"a{index + 1}"
    spans = paragraph_spans(doc)
    sides: set[str] = set()
    concepts: set[str] = set()
    for j, row in enumerate(rows.quotes):
        span = quote_span(row, f"{aid}-q{j + 1}", keys)
        if span:
            spans.append(span)
            sides.add(keys.sides.get(_str(row.get("side")) or "unknown", ""))
    for j, row in enumerate(rows.scare):
        span = scare_span(row, f"{aid}-s{j + 1}", keys, info)
        if span:
            spans.append(span)
    term_sides: Counter[str] = Counter()
    for j, row in enumerate(rows.terms):
        span = term_span(row, f"{aid}-t{j + 1}", keys, info)
        if span:
            spans.append(span)
            side = _str(row.get("side"))
            term_sides[side] += 1
            sides.add(keys.sides.get(side, ""))
            concepts.add(keys.concepts.get((_str(row.get("pack")), _str(row.get("concept"))), ""))
    # blind mode: the outlet's name (and the author's) written in the article itself is hidden too
    mask = masker_for(data)
    masks = mask.spans(doc.text) if data.blind else None
    title = mask(doc.title.strip()) or "(untitled)"
    meta = [f'<span class="user">{esc(data.shown(doc.outlet))}</span>']
    if doc.date:
        meta.append(esc(doc.date.replace("T", " ")))
    if doc.event:
        meta.append(f'<span class="user">{esc(mask(doc.event))}</span>')
    chips = "".join(
        f'<span class="chip sd-{esc(keys.sides.get(s, ""))}">{esc(side_name(s, info.side_labels))} {n}</span>'
        for s, n in sorted(term_sides.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    chips += f'<span class="chip plain">{len(rows.quotes)} quote{"" if len(rows.quotes) == 1 else "s"}</span>'
    if rows.scare:
        chips += f'<span class="chip plain">{len(rows.scare)} in scare quotes</span>'
    if not rows.terms:
        chips += '<span class="chip plain">no lexicon terms</span>'
    details = []
    if doc.url and not data.blind:
        details.append(f"Source: {link_or_text(doc.url)}")
    if doc.author and not data.blind:
        details.append(f'By <span class="user">{esc(doc.author)}</span>')
    if doc.wire:
        details.append("Relays copy from " + esc(", ".join(doc.wire)))
    details.append(f"{n_words:,} words")
    attrs = (
        f' class="article" id="{aid}" data-outlet="{esc(keys.outlets.get(doc.outlet, ""))}"'
        f' data-sides="{esc(" ".join(sorted(s for s in sides if s)))}"'
        f' data-concepts="{esc(" ".join(sorted(c for c in concepts if c)))}"'
        + (" open" if open_ else "")
    )
    return (
        f"<details{attrs}><summary><span class=\"atitle user\" dir=\"auto\">{esc(title)}</span>"
        f'<span class="ameta">{" · ".join(meta)}</span><span class="chips">{chips}</span></summary>'
        f'<div class="abody"><p class="meta">{" · ".join(details)}</p>'
        f'<div class="text">{render_spans(doc.text, spans, masks=masks)}</div>'
        f'<p class="backtop noprint"><a class="int" href="#articles">Back to the filters</a></p></div></details>'
    )
