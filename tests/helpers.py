"""Small helpers shared by the test modules: writing corpus files in a temporary folder, and
the quote a short text gives."""

from __future__ import annotations

import json
from pathlib import Path

from framing.analysis import analyze_text_document
from framing.quotes import Quote, find_quotes


def make(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``files`` (relative path → text or bytes) under ``root``, in the order given."""
    root.mkdir(parents=True, exist_ok=True)
    for rel, content in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return root


def jsonl(*rows: dict | str) -> str:
    """JSONL text: dicts are dumped, strings kept as they are (malformed lines)."""
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows)


def quotes_in(text: str) -> list[Quote]:
    """The quotes framing finds in a short ``text``."""
    return list(find_quotes(analyze_text_document(text, doc_id="t")))


def spoken(text: str) -> list[str]:
    """The words of each quote framing finds in a short ``text``."""
    return [text[q.start : q.end] for q in quotes_in(text)]


def quote_of(text: str, content_start: str) -> Quote:
    """The first quote framing finds in ``text`` whose content starts with ``content_start``."""
    quotes = quotes_in(text)
    hits = [q for q in quotes if text[q.start : q.end].startswith(content_start)]
    assert hits, f"no quote starts with {content_start!r}: {[text[q.start:q.end] for q in quotes]}"
    return hits[0]
