"""Main text and metadata from saved web pages, with trafilatura.

References:
    Barbaresi, A. (2021). Trafilatura: A Web Scraping Library and Command-Line
    Tool for Text Discovery and Extraction. ACL-IJCNLP System Demonstrations.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit

from .encoding import normalise_text

# A fixed upper bound keeps date extraction independent of today's date.
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "max_date": "2099-12-31"}


def extract_html(data: bytes, *, name: str) -> tuple[str, dict[str, Any], tuple[str, ...]]:
    """Extract an article's text and metadata from HTML bytes.

    Scripts, styles, navigation, comments and boilerplate are dropped by
    trafilatura; nothing in the page is executed or fetched.

    Returns:
        ``(text, meta, notes)``; ``text`` is ``""`` when no article was found.
        ``meta`` may hold ``title``, ``outlet`` (the site name), ``date``,
        ``url``, ``author`` and ``hostname``.
    """
    import trafilatura

    for logger in ("trafilatura", "htmldate", "courlan"):
        logging.getLogger(logger).setLevel(logging.CRITICAL)
    try:
        doc = trafilatura.bare_extraction(
            data,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # noqa: BLE001 - trafilatura/lxml raise many kinds on broken pages
        return "", {}, (f"HTML could not be parsed ({type(exc).__name__})",)
    if doc is None:
        return "", {}, ()
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = normalise_text(d.get("text") or "")
    meta: dict[str, Any] = {}
    title = d.get("title")
    if title:
        meta["title"] = title
    if d.get("sitename"):
        meta["outlet"] = d["sitename"]
    if d.get("date"):
        meta["date"] = d["date"]
    url = d.get("url") or ""
    if url.startswith(("http://", "https://")):
        meta["url"] = url
    if d.get("author"):
        meta["author"] = d["author"]
    host = d.get("hostname") or (urlsplit(url).hostname if url else None)
    if host:
        meta["hostname"] = host.removeprefix("www.")
    return text, meta, ("text extracted from HTML with trafilatura",)
