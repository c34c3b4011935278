"""Word tokens for term matching: one tokenisation for lexicons and texts.

A token is a run of letters and digits (any script). What lies between two
tokens of a phrase is its *gap*: spaces, hyphens and apostrophes count as
nothing (so "Nagorno-Karabakh", "Nagorno Karabakh" and "Nagorno–Karabakh"
match alike, and "Artsakh's" is "Artsakh" plus a possessive), other
punctuation must match as written ("Stepanakert/Khankendi").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TOKEN = re.compile(r"[^\W_]+")
# Characters a gap may contain without changing the phrase: white space (not a
# paragraph break), hyphens and dashes used as hyphens, apostrophes, zero-width marks.
_SOFT_GAP = re.compile(r"[\s\-‐‑‒–'’ʼ\u00ad\u200b\u200c\u200d\u2060]+")
# Letters that Unicode does not decompose but people type without the mark.
_FOLD_EXTRA = str.maketrans({"ə": "e", "Ə": "e", "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"})


def normalise_gap(gap: str) -> str:
    """Reduce the text between two tokens to what matters for matching."""
    if "\n\n" in gap:
        return "\n\n"  # never match across a paragraph break
    return _SOFT_GAP.sub("", gap)


@lru_cache(maxsize=65536)
def fold(token: str, diacritics: bool = False) -> str:
    """Case-fold a token; with ``diacritics=True`` also drop accents (Xankəndi → xankendi)."""
    t = token.casefold()
    if diacritics:
        t = unicodedata.normalize("NFD", t.translate(_FOLD_EXTRA))
        t = "".join(ch for ch in t if not unicodedata.combining(ch))
    return t


def tokenize_term(term: str) -> list[tuple[str, str]]:
    """Split a lexicon term into ``(token, gap_before)`` pairs; the first gap is ``""``."""
    out: list[tuple[str, str]] = []
    prev = 0
    for m in TOKEN.finditer(term):
        gap = normalise_gap(term[prev : m.start()]) if out else ""
        out.append((m.group(), gap))
        prev = m.end()
    return out


def term_key(term: str, *, diacritics: bool = False) -> tuple[str, ...]:
    """A comparable key for a term: folded tokens interleaved with their gaps."""
    key: list[str] = []
    for tok, gap in tokenize_term(term):
        if key:
            key.append(gap)
        key.append(fold(tok, diacritics))
    return tuple(key)
