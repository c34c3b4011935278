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
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import lru_cache
from itertools import accumulate, compress, count

TOKEN = re.compile(r"[^\W_]+")
#: TOKEN with a capturing group: its ``split`` lists separators and words in turn.
WORD_SPLIT = re.compile(f"({TOKEN.pattern})")
#: The same split for a text without ``_``: there ``\w`` and ``[^\W_]`` hold the same
#: characters, and the plain class is tested faster by the regular-expression engine.
_WORD_SPLIT_NO_UNDERSCORE = re.compile(r"(\w+)")
_SPACE = re.compile(r"\s")
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


@lru_cache(maxsize=65536)
def term_key(term: str, *, diacritics: bool = False) -> tuple[str, ...]:
    """A comparable key for a term: folded tokens interleaved with their gaps.

    Cached (a pure function returning a tuple): the same speaker mentions and actor
    names are looked up again and again.
    """
    key: list[str] = []
    for tok, gap in tokenize_term(term):
        if key:
            key.append(gap)
        key.append(fold(tok, diacritics))
    return tuple(key)


def split_words(text: str) -> list[str]:
    """``text`` as ``[separator, word, separator, ..., word, separator]``, in one regular-expression pass.

    The words (``parts[1::2]``) are the runs of :data:`TOKEN`; the separators
    (``parts[0::2]``) are what lies before, between and after them, so
    ``"".join(parts) == text``. One split serves everything that needs a
    document's words (term matching, word counts, actor-group look-ups).

    Example:
        >>> split_words("Nagorno-Karabakh, 2020")
        ['', 'Nagorno', '-', 'Karabakh', ', ', '2020', '']
    """
    if "_" in text:
        return WORD_SPLIT.split(text)
    return _WORD_SPLIT_NO_UNDERSCORE.split(text)


def count_words_split(parts: list[str]) -> int:
    """:func:`framing.model.count_words` of a text, from its :func:`split_words`.

    A white-space chunk holds a letter or digit exactly when it holds a word, and
    its first word is the text's first word or a word whose separator before it
    holds white space. Separators holding a space (most) are told by a substring
    test; only the others (hyphens, apostrophes, line feeds) are searched for white space.
    """
    if len(parts) < 2:
        return 0
    inner = parts[2:-1:2]  # the separators between consecutive words
    others = [s for s in inner if " " not in s]
    return 1 + (len(inner) - len(others)) + sum(map(bool, map(_SPACE.search, others)))


def word_offsets(parts: list[str], indices: Iterable[int]) -> list[int]:
    """Start offsets in the text of the words ``parts[2 * k + 1]`` for ``k`` in ``indices`` (ascending)."""
    out = []
    pos, off = 0, len(parts[0])
    for k in indices:
        if k > pos:
            off += sum(map(len, parts[2 * pos + 1 : 2 * k + 1]))  # word pos, separator, ..., separator before k
            pos = k
        out.append(off)
    return out


class WordIndex:
    """Where the words (:data:`TOKEN` runs) of one text are, to count or find words in any span fast.

    Built once per document from :func:`split_words` (at C level: one pass of
    ``accumulate`` over the parts' lengths), it answers in logarithmic time what
    ``len(TOKEN.findall(text[a:b]))`` answers by scanning the span, and lists
    the occurrences of a vocabulary without a Python loop over the text.

    Example:
        >>> ix = WordIndex("Officials said on Monday that talks would resume.")
        >>> ix.count(0, 14), ix.count(3, 12)  # "Officials said"; "icials sa" is two runs too
        (2, 2)
        >>> ix.find(frozenset({"said", "would"}))
        [(1, 10, 14), (6, 36, 41)]
    """

    def __init__(self, text: str, words: list[str] | None = None) -> None:
        parts = split_words(text) if words is None else words
        self.words = parts[1::2]
        ends = list(accumulate(map(len, parts)))  # ends[j]: where parts[j] ends
        #: start and end offset of each word (both ascending; words never overlap)
        self.starts = ends[0:-1:2]
        self.ends = ends[1::2]

    def count(self, a: int, b: int) -> int:
        """``len(TOKEN.findall(text[a:b]))`` for offsets ``0 <= a, b``: the words overlapping ``[a, b)``."""
        if a >= b:
            return 0
        return max(0, bisect_left(self.starts, b) - bisect_right(self.ends, a))

    def find(self, vocabulary: frozenset[str] | set[str]) -> list[tuple[int, int, int]]:
        """``(index, start, end)`` of every word of the text that is in ``vocabulary`` (as written)."""
        hits = compress(count(), map(vocabulary.__contains__, self.words))
        return [(k, self.starts[k], self.ends[k]) for k in hits]
