"""Reporting verbs: which words introduce speech, and how they frame it.

The table lives in ``framing/data/reporting_verbs.yaml`` (shipped with the
package). :func:`verb_forms` maps every inflected form ("said", "claims",
"pointed out") to its lemma and class.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

SPEECH_CLASSES = ("neutral", "distancing", "endorsing", "concessive", "confrontational")
CUE_CLASSES = (*SPEECH_CLASSES, "according_to", "opinion", "none")
DATA_VERBS = frozenset({"show", "broadcast"})
"""Lemmas that report data or footage, not words ("the poll shows Clinton ahead"): cues of indirect
attributions only, never what makes a quotation someone's speech."""


def _inflect(lemma: str) -> list[str]:
    """Regular English inflections of a verb: -s, -ed, -ing (with the usual spelling rules)."""
    if " " in lemma:
        head, rest = lemma.split(" ", 1)
        return [f"{f} {rest}" for f in _inflect(head)]
    forms = [lemma]
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        forms.append(lemma + "es")
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        forms.append(lemma[:-1] + "ies")
    else:
        forms.append(lemma + "s")
    if lemma.endswith("e"):
        forms += [lemma + "d", lemma[:-1] + "ing"]
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        forms += [lemma[:-1] + "ied", lemma + "ing"]
    elif _doubles(lemma):
        forms += [lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]
    else:
        forms += [lemma + "ed", lemma + "ing"]
    return forms


def _doubles(lemma: str) -> bool:
    """admit → admitted; but not 'comment' or 'report' (stress rule approximated by a list)."""
    return lemma in {"admit", "opine", "quip", "regret", "rebut", "omit", "commit", "refer", "prefer", "confer", "submit"} and lemma[-1] not in "e"


@lru_cache(maxsize=1)
def verb_forms() -> dict[str, tuple[str, str]]:
    """Every form of every reporting verb → ``(lemma, class)``, lower-case."""
    text = resources.files("framing").joinpath("data/reporting_verbs.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    irregular: dict[str, list[str]] = data.get("forms", {})
    out: dict[str, tuple[str, str]] = {}
    for cls, lemmas in data["classes"].items():
        for lemma in lemmas:
            forms = [lemma, *irregular[lemma]] if lemma in irregular else _inflect(lemma)
            for f in forms:
                out.setdefault(f.lower(), (lemma, cls))
    return out


@lru_cache(maxsize=1)
def speech_forms() -> frozenset[str]:
    """Single-word forms of verbs that introduce speech (not opinion verbs)."""
    return frozenset(
        f for f, (lemma, c) in verb_forms().items() if c in SPEECH_CLASSES and " " not in f and lemma not in DATA_VERBS
    )
