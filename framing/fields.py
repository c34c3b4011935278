"""Metadata field names: the canonical set and the aliases found in the wild."""

from __future__ import annotations

import unicodedata
from typing import Any

from .dates import parse_date

#: Canonical metadata fields every document may carry.
META_FIELDS = ("id", "outlet", "title", "date", "url", "event", "language", "group", "author")

_ALIASES: dict[str, str] = {
    "doc_id": "id",
    "document_id": "id",
    "source": "outlet",
    "publisher": "outlet",
    "publication": "outlet",
    "site": "outlet",
    "site_name": "outlet",
    "sitename": "outlet",
    "media": "outlet",
    "media_outlet": "outlet",
    "newspaper": "outlet",
    "headline": "title",
    "published": "date",
    "published_at": "date",
    "publication_date": "date",
    "pub_date": "date",
    "pubdate": "date",
    "datetime": "date",
    "link": "url",
    "lang": "language",
    "outlet_group": "group",
    "byline": "author",
    "authors": "author",
    "body": "text",
    "content": "text",
    "article": "text",
    "full_text": "text",
    "maintext": "text",
}
TEXT_FIELDS = ("text", "body", "content", "article", "full_text", "maintext")


def canonical_key(key: str) -> str:
    """Map a metadata key to its canonical name (``publisher`` → ``outlet``)."""
    k = key.strip().lower().replace("-", "_").replace(" ", "_")
    return _ALIASES.get(k, k)


def normalise_meta(raw: dict[str, Any]) -> dict[str, Any]:
    """Canonicalise keys; the first of several aliases wins. ``text`` is kept."""
    out: dict[str, Any] = {}
    for key, value in raw.items():
        ck = canonical_key(str(key))
        if ck not in out or out[ck] in (None, ""):
            out[ck] = value
    return out


def clean_value(value: Any) -> str:
    """Render a metadata value as a single-line NFC string (like the text)."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(clean_value(v) for v in value if v not in (None, ""))
    text = " ".join(str(value).split())
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def check_date(value: Any) -> tuple[str, str | None]:
    """Return ``(iso_date, problem)``; ``problem`` is a message when unreadable."""
    iso = parse_date(value)
    if iso is None:
        return "", f"unreadable date {clean_value(value)!r} (use YYYY-MM-DD); date left empty"
    return iso, None
