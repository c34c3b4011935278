"""A small, dependency-free language check: is this English?

framing's sentiment and readability measures are English-only, so it needs to
know which texts are English; it does not need to name every other language.
"""

from __future__ import annotations

import re
from itertools import compress
from operator import not_

_EN = frozenset(
    "the of and to in a is that for on was with as by it at from he his said are be has have were this which "
    "not but its an they their or will had been would who also after more than".split()
)
_WORD = re.compile(r"[^\W\d_]+")
#: Bytes of a UTF-8 text with every ASCII character that cannot be in a :data:`_WORD` run
#: (all but the letters) turned into a space; non-ASCII bytes are kept as they are.
_ASCII_NON_LETTERS = bytes(b if (0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A or b >= 0x80) else 0x20 for b in range(256))
_EN_BYTES = frozenset(w.encode("ascii") for w in _EN)


def guess_language(text: str, *, sample: int = 5000) -> str:
    """Return ``"en"`` for English text, a script-based code otherwise, ``"und"`` if unsure.

    Non-Latin scripts are named by their usual language in this field's corpora
    (``"ru"`` for Cyrillic, ``"hy"`` for Armenian, ``"ar"`` for Arabic script),
    which is a guess; set ``language`` in the manifest to be sure.
    """
    low = text[:sample].lower()
    if len(low) >= _SHORTEST and _surely_english(low):
        return "en"
    n_words, n_english = _count_words(low)
    if n_words < 3:
        return "und"
    if n_english / n_words >= 0.12:
        return "en"
    words = _WORD.findall(low)
    letters = "".join(words)
    counts = {"ru": 0, "hy": 0, "ar": 0, "latin": 0}
    for ch in letters:
        o = ord(ch)
        if 0x0400 <= o <= 0x04FF:
            counts["ru"] += 1
        elif 0x0530 <= o <= 0x058F:
            counts["hy"] += 1
        elif 0x0600 <= o <= 0x06FF:
            counts["ar"] += 1
        elif o < 0x0250:
            counts["latin"] += 1
    best = max(counts, key=lambda k: counts[k])
    if best != "latin" and counts[best] > 0.5 * len(letters):
        return best
    return "und"



#: Samples shorter than this are counted in full at once.
_SHORTEST = 1000
#: ASCII letters -> ``a``, every other byte (white space, punctuation, digits, non-ASCII) -> space.
_LETTER_MARKS = bytes(0x61 if (0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A) else 0x20 for b in range(256))
#: Every byte but the lead bytes of UTF-8 (0xC0 and up: one per non-ASCII character).
_NOT_LEAD_BYTES = bytes(range(0xC0))


def _surely_english(low: str) -> bool:
    """Whether :func:`guess_language` says ``"en"`` for the sample ``low``, told from part of it; False: unsure.

    The words before a space at or after half the sample are counted exactly (no
    word runs across that space); the rest is only bounded from above: each of its words holds
    a run of ASCII letters (told apart by one ``translate`` and a ``count``) or is made of
    non-ASCII letters only, each with its own lead byte in UTF-8 (and none of them a no-break
    space or General Punctuation, U+2000-U+206F, which hold no letter). When the prefix's
    English words make at least 13 % of that bound, they make at least 13 % of all the words,
    whatever the rest holds (13 %, not 12 %: the integer test leaves no rounding doubt).
    """
    cut = low.find(" ", len(low) // 2)
    if cut < 0:
        return False
    n_words, n_english = _count_words(low[:cut])
    if n_words < 3:
        return False
    rest = low[cut:].encode("utf-8", "surrogatepass")  # starts with the space: every run follows one
    ascii_runs = rest.translate(_LETTER_MARKS).count(b" a")
    # non-ASCII characters (one lead byte each) but for the no-break space and General Punctuation
    # (U+2000-U+206F: curly quotes, dashes, ellipsis; none of them a letter)
    others = len(rest.translate(None, _NOT_LEAD_BYTES)) - rest.count(b"\xc2\xa0")
    others -= rest.count(b"\xe2\x80") + rest.count(b"\xe2\x81")
    return 100 * n_english >= 13 * (n_words + ascii_runs + others)


def _count_words(low: str) -> tuple[int, int]:
    """``len(words)`` and how many are in :data:`_EN`, for ``words = _WORD.findall(low)``.

    Counted without making a string per word: ASCII non-letters end a run, so the
    UTF-8 bytes split at them (in C, after one ``translate``) give the runs of ASCII
    letters as they are; only the pieces holding a non-ASCII character (a letter
    with an accent, a curly quote) are decoded and searched. Pieces split at ASCII
    bytes are whole characters: UTF-8 never uses an ASCII byte inside a character.
    """
    raw = low.encode("utf-8", "surrogatepass")
    pieces = raw.translate(_ASCII_NON_LETTERS).split()
    n_words = len(pieces)
    n_english = sum(map(_EN_BYTES.__contains__, pieces))
    if len(raw) != len(low):  # some non-ASCII characters
        # those pieces, searched together (a space between them ends any run)
        others = list(compress(pieces, map(not_, map(bytes.isascii, pieces))))
        runs = _WORD.findall(b" ".join(others).decode("utf-8", "surrogatepass"))
        n_words += len(runs) - len(others)
        n_english += sum(map(_EN.__contains__, runs))
    return n_words, n_english
