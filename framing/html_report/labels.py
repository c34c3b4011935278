"""Names, colours and explanations shown in the HTML explorer.

The side colours are the Okabe–Ito palette, one fixed colour per side, so a
side has the same colour in every chart and in the highlighted text.

References:
    Okabe, M. & Ito, K. (2008). Color Universal Design (CUD): how to make
    figures and presentations that are friendly to colorblind people.
    https://jfly.uni-koeln.de/color/
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# One colour per side, shared with the charts and the PDF (framing/palette.py).
from ..palette import EXTRA_SIDE_COLOURS, SIDE_COLOURS  # noqa: E402

#: Short names of the sides (legend, chips, speakers' sides).
SIDE_NAMES: dict[str, str] = {
    "armenian": "Armenian",
    "azerbaijani": "Azerbaijani",
    "russian": "Russian",
    "ukrainian": "Ukrainian",
    "international": "International",
    "neutral": "Neutral",
    "unknown": "Unknown",
}

VOICES: dict[str, str] = {
    "authorial": "the outlet's own word",
    "quoted": "inside a quotation (someone else's word)",
    "scare-quoted": "in scare quotes (the outlet keeps its distance)",
    "mentioned": "mentioned as a word, not used as a name",
}

QUOTE_KINDS: dict[str, str] = {
    "direct": "direct quotation",
    "mixed": "quoted fragment inside a paraphrase",
    "indirect": "reported speech (paraphrase)",
    "floating": "quotation without its own verb (speaker carried over)",
    "embedded_post": "embedded social-media post",
}
#: Quote kinds drawn with a dotted underline (paraphrase, not the speaker's words).
REPORTED_KINDS = frozenset({"indirect"})

CUE_CLASSES: dict[str, str] = {
    "neutral": "neutral verb",
    "distancing": "distancing verb",
    "endorsing": "endorsing verb",
    "concessive": "concessive verb",
    "confrontational": "confrontational verb",
    "according_to": "“according to”",
    "opinion": "verb of opinion",
    "none": "no verb",
}

SPEAKER_TYPES: dict[str, str] = {
    "person": "person",
    "organisation": "organisation",
    "role": "role",
    "anonymous": "anonymous source",
    "social_post": "social-media post",
    "unattributed": "not attributed",
}


def side_colours(sides: list[str]) -> dict[str, str]:
    """The fixed colour of each side; sides the palette does not name take
    :data:`EXTRA_SIDE_COLOURS` in the order given (repeating past three)."""
    extra = [s for s in sides if s not in SIDE_COLOURS]
    out = {s: SIDE_COLOURS[s] for s in sides if s in SIDE_COLOURS}
    out.update({s: EXTRA_SIDE_COLOURS[i % len(EXTRA_SIDE_COLOURS)] for i, s in enumerate(extra)})
    return out


def side_name(side: str, declared: dict[str, str] | None = None) -> str:
    """A short readable name for ``side``: ours, else the pack's label, else the id."""
    if side in SIDE_NAMES:
        return SIDE_NAMES[side]
    if declared and declared.get(side):
        return declared[side]
    return side.replace("_", " ").replace("-", " ").strip().capitalize() or "(none)"


def side_usage(side: str, declared: dict[str, str] | None = None) -> str:
    """What a term of ``side`` signals: the pack's label ("Azerbaijani usage"), else the short name."""
    if declared and declared.get(side):
        return declared[side]
    if side == "neutral":
        return "Neutral (shared by several sides)"
    return side_name(side, declared)


def tint(colour: str, alpha: float = 0.3) -> str:
    """``rgba()`` of a hex colour at ``alpha`` (the highlight background)."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha:g})"


def side_order(sides: set[str]) -> list[str]:
    """Sides in legend order: the palette's order first, then others alphabetically."""
    known = [s for s in SIDE_COLOURS if s in sides]
    return known + sorted(sides - set(SIDE_COLOURS))


def keys_for(values: list[str], prefix: str) -> dict[str, str]:
    """Stable, attribute-safe keys for arbitrary strings (``{"armenian": "armenian"}``).

    A value made only of ``[a-z0-9_-]`` is its own key; anything else gets
    ``prefix`` and its position in ``values``.
    """
    out: dict[str, str] = {}
    used: set[str] = set()
    for i, v in enumerate(values):
        key = v if re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,60}", v or "") else f"{prefix}{i}"
        while key in used:
            key = f"{prefix}{i}-{len(used)}"
        used.add(key)
        out[v] = key
    return out


@dataclass
class LexiconInfo:
    """Labels and notes from the lexicon packs used, for the term tooltips."""

    concepts: dict[tuple[str, str], str] = field(default_factory=dict)
    concept_notes: dict[tuple[str, str], str] = field(default_factory=dict)
    variant_notes: dict[tuple[str, str, str], str] = field(default_factory=dict)
    side_labels: dict[str, str] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=dict)

    def concept_label(self, pack: str, concept: str) -> str:
        """The concept's label, or its id made readable."""
        return self.concepts.get((pack, concept)) or concept.replace("_", " ")

    def note(self, pack: str, concept: str, term: str) -> str:
        """The variant's note for this spelling, else the concept's note (shortened)."""
        note = self.variant_notes.get((pack, concept, term.casefold()), "")
        if not note:
            note = self.concept_notes.get((pack, concept), "")
        note = " ".join(note.split())
        return note if len(note) <= 260 else note[:259].rstrip() + "…"


def lexicon_info(analyzer: Any) -> LexiconInfo:
    """Collect labels and notes from the analyzer's packs (empty when it has none)."""
    info = LexiconInfo()
    for pack in getattr(analyzer, "packs", None) or ():
        info.versions[pack.name] = str(pack.version)
        for side in pack.sides.values():
            if side.label:
                info.side_labels.setdefault(side.id, side.label)
        for concept in pack.concepts:
            key = (pack.name, concept.id)
            info.concepts[key] = concept.label
            if concept.notes:
                info.concept_notes[key] = concept.notes
            for variant in concept.variants:
                if variant.notes:
                    for term in variant.terms:
                        info.variant_notes[(pack.name, concept.id, term.casefold())] = variant.notes
    return info
