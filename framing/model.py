"""The document model: what a loaded, cleaned article looks like.

Every character offset framing reports refers to :attr:`Document.text`, the
cleaned text, which is kept in the output so any figure can be traced back to
the sentence it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of page furniture taken out of the text during cleaning.

    Attributes:
        reason: Why it was removed (``"share counter"``, ``"comment form"``, ...).
        text: The removed line, as it stood in the source.
        line: 1-based line number in the source text.
    """

    reason: str
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of the cleaned text.

    ``kind`` is ``"title"``, ``"heading"``, ``"body"``, ``"embedded_post"``
    (the text of an embedded social-media post) or ``"post_signature"`` (its
    "— Name (@handle) date" line).
    """

    start: int
    end: int
    kind: str = "body"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the cleaned text; ``paragraph`` is its paragraph's index."""

    start: int
    end: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class Source:
    """One article as read from disk, before cleaning.

    Attributes:
        id: Document id (file stem, the row's ``id`` field, or stem plus row number).
        text: Decoded text (NFC), not yet cleaned.
        meta: Metadata fields (outlet, title, date, url, event, language, ...).
        source: Where it came from: a path relative to the corpus root, plus
            ``:LINE`` for rows of JSONL/CSV files.
        sha256: Hash of the raw bytes of the file (rows: of the row).
        notes: How it was read (encoding detected, characters replaced, ...).
        clean: Whether to remove page furniture (off for :func:`framing.analyze_text`).
        markup: ``"html"`` when the text was extracted from HTML.
    """

    id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    source: str = ""
    sha256: str = ""
    notes: tuple[str, ...] = ()
    clean: bool = True
    markup: str = "text"


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned article with its metadata and structure.

    Attributes:
        id: Unique document id within the corpus.
        text: Cleaned text; every offset framing reports refers to it.
        outlet: Publishing outlet (``"unknown"`` when nothing says).
        title: Headline.
        date: Publication date in ISO 8601 (``YYYY-MM-DD`` or with ``THH:MM``), or ``""``.
        url: Article URL, or ``""``.
        event: The event the article covers, where known (manifest field).
        language: ISO 639-1 code, or ``"und"`` when undetermined.
        group: Outlet group for comparisons, where the user set one.
        author: Byline, where known.
        wire: Agencies or outlets whose copy the article relays (``("Reuters",)``).
        wire_evidence: The phrases that showed it ("unverified by Reuters").
        paragraphs: Paragraphs of ``text`` with their kind.
        sentences: Sentences of ``text``.
        removed: Page furniture removed during cleaning, with reasons.
        source: Where the article came from.
        sha256: Hash of the raw input.
        notes: How it was read and cleaned (encoding, repairs).
        extra: Other metadata fields found in the input (``topic``, ``bias``, ...).
    """

    id: str
    text: str
    outlet: str = "unknown"
    title: str = ""
    date: str = ""
    url: str = ""
    event: str = ""
    language: str = "und"
    group: str = ""
    author: str = ""
    wire: tuple[str, ...] = ()
    wire_evidence: tuple[str, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    removed: tuple[Removal, ...] = ()
    source: str = ""
    sha256: str = ""
    notes: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    def sentence_text(self, index: int) -> str:
        """Return the text of sentence ``index``."""
        s = self.sentences[index]
        return self.text[s.start : s.end]

    @property
    def n_words(self) -> int:
        """Number of whitespace-separated tokens containing a letter or digit."""
        return count_words(self.text)


# From the first letter or digit of a token to the token's end: one match per counted token.
_WORD_TOKEN = re.compile(r"[^\W_]\S*")


def count_words(text: str) -> int:
    """Count whitespace-separated tokens that contain at least one letter or digit."""
    return len(_WORD_TOKEN.findall(text))
