"""A small, dependency-free language check: is this English?

framing's sentiment and readability measures are English-only, so it needs to
know which texts are English; it does not need to name every other language.
"""

from __future__ import annotations

import re

_EN = frozenset(
    "the of and to in a is that for on was with as by it at from he his said are be has have were this which "
    "not but its an they their or will had been would who also after more than".split()
)
_WORD = re.compile(r"[^\W\d_]+")


def guess_language(text: str, *, sample: int = 5000) -> str:
    """Return ``"en"`` for English text, a script-based code otherwise, ``"und"`` if unsure.

    Non-Latin scripts are named by their usual language in this field's corpora
    (``"ru"`` for Cyrillic, ``"hy"`` for Armenian, ``"ar"`` for Arabic script),
    which is a guess; set ``language`` in the manifest to be sure.
    """
    words = _WORD.findall(text[:sample].lower())
    if len(words) < 3:
        return "und"
    if sum(map(_EN.__contains__, words)) / len(words) >= 0.12:
        return "en"
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
