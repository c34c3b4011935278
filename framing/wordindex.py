"""Word offsets of a text, found once and looked up by range.

The speaker and cue rules ask for the words of many small, overlapping ranges of one
document ("the words between the sentence start and the cue"). Scanning each range
with the word pattern again costs more than all the rules that read the words, so
:func:`word_index` scans the whole text once (with ``re.split``, whose loops run in C)
and :meth:`WordIndex.between` answers each range by bisection.

The answers are exactly those of ``pattern.finditer(text, a, b)``. That holds for a
pattern without look-arounds or anchors whose match starts wherever its first character
may start one and then runs greedily over one character class, so that a prefix of a match
is the match cut short by ``endpos``: the word patterns here (``[^\\W_]+``, and the
speakers' ``[^\\W\\d_][\\w'’.-]*|\\d[\\w-]*``). A range starting outside every word then
finds the same words as the whole-text scan, the last one cut at ``b``; a range starting
inside a word is scanned with the pattern itself until it meets the whole-text words again.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate

Word = tuple[str, int, int]


class WordIndex:
    """All matches of a word pattern in one text: their strings, starts and ends, in order."""

    __slots__ = ("text", "pattern", "tokens", "starts", "ends")

    def __init__(self, text: str, pattern: re.Pattern[str], splitter: re.Pattern[str]) -> None:
        parts = splitter.split(text)  # separator, word, separator, ..., word, separator
        offsets = list(accumulate(map(len, parts)))
        self.text = text
        self.pattern = pattern
        self.tokens: list[str] = parts[1::2]
        self.starts: list[int] = offsets[0:-1:2]
        self.ends: list[int] = offsets[1::2]

    def between(self, a: int, b: int) -> list[Word]:
        """The words of ``text[a:b]``: ``[(m.group(), m.start(), m.end()) for m in
        pattern.finditer(text, a, max(a, b))]``."""
        if b <= a:
            return []
        starts, ends = self.starts, self.ends
        k = bisect_left(starts, a)
        head: list[Word] = []
        if k and ends[k - 1] > a:
            # a falls inside a word: scan from there until a match ends outside every word
            for m in self.pattern.finditer(self.text, a, b):
                head.append((m.group(), m.start(), m.end()))
                p = m.end()
                k = bisect_left(starts, p, k)
                if not (k and ends[k - 1] > p):
                    break
            else:
                return head
        j = bisect_left(starts, b, k)
        out = list(zip(self.tokens[k:j], starts[k:j], ends[k:j], strict=True))
        if out and out[-1][2] > b:
            w, s, _ = out[-1]
            out[-1] = (w[: b - s], s, b)  # the word cut short by the end of the range
        return head + out if head else out


# The last few texts indexed, per pattern: the rules of one document ask about one text,
# now and then about a piece of it, so a handful of entries never thrash.
_CACHE: dict[re.Pattern[str], list[WordIndex]] = {}
_KEEP = 4


def word_index(text: str, pattern: re.Pattern[str]) -> WordIndex:
    """The index of ``pattern``'s matches in ``text`` (cached for the last few texts)."""
    recent = _CACHE.get(pattern)
    if recent is None:
        recent = _CACHE.setdefault(pattern, [])
    for idx in recent:
        if idx.text is text:
            return idx
    idx = WordIndex(text, pattern, _splitter(pattern))
    recent.insert(0, idx)
    del recent[_KEEP:]
    return idx


_SPLITTERS: dict[re.Pattern[str], re.Pattern[str]] = {}


def _splitter(pattern: re.Pattern[str]) -> re.Pattern[str]:
    sp = _SPLITTERS.get(pattern)
    if sp is None:
        sp = _SPLITTERS[pattern] = re.compile(f"((?:{pattern.pattern}))", pattern.flags)
    return sp
