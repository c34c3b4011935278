"""Tone: VADER per sentence, whose voice each sentence is, and tone toward actors.

Sentiment is scored sentence by sentence, never for a whole article (VADER's
compound score saturates toward ±1 on long texts). Each sentence gets a
*voice*:

- ``quoted``: at least half of its characters are a direct quote (inside
  quotation marks that carry speech) or its attribution ("the general said"),
  or it belongs to an embedded social-media post;
- ``reported``: otherwise, at least half of it is an indirect or mixed quote
  with its attribution ("Mammadov alleged that …");
- ``authorial``: the outlet's own words.

Tone toward an actor group (Russia, Armenia, Azerbaijan, …, from the
``groups`` of the actors list) is the mean compound score of the sentences
that name the group, kept apart by voice.

References:
    Hutto, C. J. & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model
    for Sentiment Analysis of Social Media Text. ICWSM.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import compress, count, repeat
from operator import attrgetter, eq, itemgetter, le
from typing import Any

from .actors import Actors
from .model import Document
from .quotemarks import QuoteSpan
from .quotes import Quote
from .tokens import word_offsets

#: VADER's conventional thresholds for a positive / negative sentence.
POSITIVE, NEGATIVE = 0.05, -0.05
VOICES = ("authorial", "quoted", "reported")
TONE_COLUMNS = ["outlet", "voice", "n_docs", "n_sentences", "mean", "ci_low", "ci_high"]
ACTOR_MENTION_COLUMNS = ["doc_id", "outlet", "sentence", "group", "side", "voice", "compound"]
ACTOR_TONE_COLUMNS = [
    "outlet", "group", "group_label", "side", "voice", "n_docs", "n_sentences", "mean", "ci_low", "ci_high",
]

Scores = tuple[float, float, float, float]  # neg, neu, pos, compound


def default_scorer() -> Callable[[str], Scores]:
    """The sentence scorer: framing's VADER, which gives exactly vaderSentiment's scores, faster.

    It is the shared scorer's bound ``score`` method (what :func:`framing.vader.score_sentence`
    calls), so scoring a sentence costs no extra function calls.
    """
    from .vader import default_scorer as shared

    return shared().score


def sentence_voices(doc: Document, spans: Sequence[QuoteSpan], quotes: Sequence[Quote]) -> list[str]:
    """The voice of each sentence of ``doc`` (``authorial``, ``quoted`` or ``reported``)."""
    n = len(doc.text)
    # Marks per character would cost memory on long texts; intervals, merged, are enough.
    speech = [(s.start, s.end) for s in spans if s.kind == "speech"]
    speech += [(p.start, p.end) for p in doc.paragraphs if p.kind in ("embedded_post", "post_signature")]
    reported: list[tuple[int, int]] = []
    for q in quotes:
        # the attribution ("the general said") belongs to the quote it introduces
        target = reported if q.kind in ("indirect", "mixed") else speech
        target.extend(q.spans)
        a, b = q.speaker_start, q.speaker_end
        if 0 <= a < b:
            target.append((a, b))
        a, b = q.cue_start, q.cue_end
        if 0 <= a < b:
            target.append((a, b))
    speech, reported = _merge(speech), _merge(reported)
    sentences = doc.sentences
    text = doc.text
    out = ["authorial"] * len(sentences)  # a sentence no quote touches is the outlet's (0 < its length)
    for i in _touched(sentences, speech + reported, n):
        s = sentences[i]
        a, b = max(0, s.start), min(n, s.end)
        if a < b and not text[a].isspace() and not text[b - 1].isspace():
            length = b - a  # visible at both ends (as the splitter makes sentences): nothing to strip
        else:
            length = len(text[a:b].strip()) or 1
        if 2 * _covered(speech, a, b) >= length:
            out[i] = "quoted"
        elif 2 * _covered(reported, a, b) >= length:
            out[i] = "reported"
    return out


def _touched(sentences: Sequence[Any], intervals: list[tuple[int, int]], n: int) -> Iterable[int]:
    """Indices of the sentences that may overlap one of ``intervals`` (all, unless they are in order).

    With start and end offsets both ascending, the sentences overlapping ``(x, y)`` are a
    run found by bisection, so only those are looked at.
    """
    if not intervals:
        return ()
    # max(0, start) and min(n, end) of each sentence, clamped only when some need it
    starts = list(map(_START, sentences))
    if starts and min(starts) < 0:
        starts = [max(0, a) for a in starts]
    ends = list(map(_END, sentences))
    if ends and max(ends) > n:
        ends = [min(n, b) for b in ends]
    if not (all(map(le, starts, starts[1:])) and all(map(le, ends, ends[1:]))):
        return range(len(sentences))
    found: set[int] = set()
    for x, y in intervals:
        found.update(range(bisect.bisect_right(ends, x), bisect.bisect_left(starts, y)))
    return sorted(found)


_START, _END = attrgetter("start"), attrgetter("end")


def _merge(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(intervals):
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _covered(intervals: list[tuple[int, int]], a: int, b: int) -> int:
    """Characters of ``[a, b)`` inside the sorted ``intervals``: the sum of ``max(0, min(y, b) - max(x, a))``."""
    i = bisect.bisect_right(intervals, (a, a)) - 1
    if i < 0:
        i = 0
    total = 0
    n = len(intervals)
    while i < n:
        x, y = intervals[i]
        if x >= b:
            break
        lo = x if x > a else a
        hi = y if y < b else b
        if hi > lo:
            total += hi - lo
        i += 1
    return total


_WORD_RUN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class GroupFinder:
    """Finds the actor groups named in a sentence ("the Kremlin" → russia).

    ``first_words`` holds the leading word (run of ``\\w``) of every term. A
    term can only match where the text has that very word (the pattern's
    boundaries forbid a word character on either side of it), so a sentence
    without any of them is skipped without running the large pattern; None
    when some term does not start with a word character.
    """

    pattern: re.Pattern[str] | None
    by_term: dict[str, tuple[str, str]]
    first_words: frozenset[str] | None = None

    @classmethod
    def from_actors(cls, actors: Actors) -> GroupFinder:
        by_term: dict[str, tuple[str, str]] = {}
        for g in actors.groups:
            for t in g.terms:
                # as written, and with a capital first letter (sentence starts)
                for form in (t, t[:1].upper() + t[1:]):
                    by_term.setdefault(form, (g.id, g.side))
        if not by_term:
            return cls(None, {})
        alts = "|".join(re.escape(t) for t in sorted(by_term, key=lambda t: (-len(t), t)))
        firsts = [_WORD_RUN.match(t) for t in by_term]
        first_words = frozenset(m.group(0) for m in firsts if m) if all(firsts) else None
        return cls(re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])"), by_term, first_words)

    def groups_in(self, text: str) -> list[tuple[str, str]]:
        """(group id, side) of each group named in ``text``, once each, in order of first mention."""
        if self.pattern is None:
            return []
        if self.first_words is not None and self.first_words.isdisjoint(_WORD_RUN.findall(text)):
            return []
        seen: dict[str, str] = {}
        for m in self.pattern.finditer(text):
            gid, side = self.by_term[m.group(0)]
            seen.setdefault(gid, side)
        return list(seen.items())

    def groups_by_sentence(
        self, text: str, words: list[str], sentences: Sequence[Any]
    ) -> list[tuple[int, list[tuple[str, str]]]] | None:
        """:meth:`groups_in` of each sentence that names a group, as ``(index, groups)``, or None: ask each.

        For sentences as :func:`_apart` accepts them (in order, white space around each);
        ``words`` is ``tokens.split_words`` of the whole text. A term matches only where
        the text has its first word as a whole run of word characters (the pattern's
        boundaries forbid a word character on either side); such a run with no underscore
        is also a whole word of ``words``. So the pattern is tried at the offsets of those
        words only (picked at C level from the one shared split), in order, each past the
        last match, with the sentence's end as the end of the text: the matches
        :meth:`groups_in` finds scanning the sentence (the white space before a sentence
        passes the look-behind as its start does).
        """
        if self.pattern is None:
            return []
        if self.first_words is None or any("_" in w for w in self.first_words):
            return None
        hits = compress(count(), map(self.first_words.__contains__, words[1::2]))
        starts = [s.start for s in sentences]
        match = self.pattern.match
        by_term = self.by_term
        out: list[tuple[int, list[tuple[str, str]]]] = []
        current, end, after = -1, 0, 0
        seen: dict[str, str] = {}
        for at in word_offsets(words, hits):
            if at >= end or current < 0:
                i = bisect.bisect_right(starts, at) - 1
                if i < 0:
                    continue
                if i != current:
                    if seen:
                        out.append((current, list(seen.items())))
                    seen = {}
                    current, end, after = i, sentences[i].end, sentences[i].start
                if at >= end:
                    continue  # between sentences
            if at < after:
                continue  # inside the last match
            m = match(text, at, end)
            if m is not None:
                gid, side = by_term[m.group(0)]
                seen.setdefault(gid, side)
                after = m.end()
        if seen:
            out.append((current, list(seen.items())))
        return out


def sentence_tone_rows(
    doc: Document, voices: Sequence[str], scorer: Callable[[str], Scores]
) -> list[dict[str, Any]]:
    """Per sentence: voice and VADER scores (neg, neu, pos, compound)."""
    text = doc.text
    scores = map(scorer, [text[s.start : s.end] for s in doc.sentences])
    return [{"voice": voice, "neg": neg, "neu": neu, "pos": pos, "compound": compound}
            for voice, (neg, neu, pos, compound) in zip(voices, scores, strict=True)]


def document_tone(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The document's tone columns from its sentence rows."""
    comp = [r["compound"] for r in rows]
    auth = [r["compound"] for r in rows if r["voice"] == "authorial"]
    quoted = [r["compound"] for r in rows if r["voice"] == "quoted"]
    n = len(comp)
    nan = float("nan")
    return {
        "tone_mean": sum(comp) / n if n else nan,
        "tone_pos_share": sum(c >= POSITIVE for c in comp) / n if n else nan,
        "tone_neg_share": sum(c <= NEGATIVE for c in comp) / n if n else nan,
        "tone_neu_share": sum(NEGATIVE < c < POSITIVE for c in comp) / n if n else nan,
        "n_tone_sentences": n,
        "tone_authorial": sum(auth) / len(auth) if auth else nan,
        "n_authorial_sentences": len(auth),
        "tone_quoted": sum(quoted) / len(quoted) if quoted else nan,
        "n_quoted_sentences": len(quoted),
    }


def actor_mention_rows(
    doc: Document, tone_rows: Sequence[dict[str, Any]], finder: GroupFinder, *, words: list[str] | None = None
) -> list[dict[str, Any]]:
    """One row per sentence and actor group it names, with the sentence's voice and compound.

    ``words`` (``tokens.split_words(doc.text)``, when the caller has it) lets the
    sentences that cannot name a group be skipped without looking at them.
    """
    sentences = doc.sentences
    if len(tone_rows) != len(sentences):
        raise ValueError(f"{len(tone_rows)} tone rows for {len(sentences)} sentences")
    found = None
    if words is not None and _apart(doc.text, sentences):
        found = finder.groups_by_sentence(doc.text, words, sentences)
    if found is None:
        found = [(i, finder.groups_in(doc.text[s.start : s.end])) for i, s in enumerate(sentences)]
    out = []
    for i, groups in found:
        t = tone_rows[i]
        for gid, side in groups:
            out.append({"doc_id": doc.id, "outlet": doc.outlet, "sentence": i, "group": gid, "side": side,
                        "voice": t["voice"], "compound": t["compound"]})
    return out


def _apart(text: str, sentences: Sequence[Any]) -> bool:
    """Whether the sentences are in order, do not overlap, and have white space (or an end
    of the text) on both sides, as :func:`framing.cleaning.prepare` makes them: then a
    word of a sentence is a word of the whole text, and its offset tells its sentence."""
    prev, n = 0, len(text)
    for s in sentences:
        a, b = s.start, s.end
        if a < prev or b < a or (a > 0 and not text[a - 1].isspace()) or (b < n and not text[b].isspace()):
            return False
        prev = b
    return True


class ToneProfile:
    """Accumulates per-document tone into the ``tone`` and ``actor_tone`` tables.

    Only one (sum, count) pair per document and cell is kept, enough for the
    mean and a document-level bootstrap interval.
    """

    def __init__(self, actors: Actors) -> None:
        self.labels = {g.id: (g.label, g.side) for g in actors.groups}
        self.tone: dict[tuple[str, str], list[tuple[float, int]]] = defaultdict(list)
        self.actor: dict[tuple[str, str, str], list[tuple[float, int]]] = defaultdict(list)

    def add_document(self, outlet: str, tone_rows: Iterable[dict[str, Any]],
                     mention_rows: Iterable[dict[str, Any]]) -> None:
        rows = list(tone_rows)
        compounds = list(map(itemgetter("compound"), rows))  # in row order, as the sums add them
        voices = list(map(itemgetter("voice"), rows))
        for voice in ("all", "authorial", "quoted"):
            vals = compounds if voice == "all" else list(compress(compounds, map(eq, voices, repeat(voice))))
            if vals:
                self.tone[(outlet, voice)].append((sum(vals), len(vals)))
        actor_cells: dict[tuple[str, str], list[float]] = defaultdict(list)
        for m in mention_rows:
            if m["voice"] in ("authorial", "quoted"):
                actor_cells[(m["group"], m["voice"])].append(m["compound"])
        for (gid, voice), vals in actor_cells.items():
            self.actor[(outlet, gid, voice)].append((sum(vals), len(vals)))

    def tone_rows(self) -> list[dict[str, Any]]:
        return [{"outlet": o, "voice": v, **_summary(self.tone[(o, v)])} for o, v in sorted(self.tone)]

    def actor_rows(self) -> list[dict[str, Any]]:
        rows = []
        for o, gid, v in sorted(self.actor):
            label, side = self.labels.get(gid, (gid, "unknown"))
            rows.append({"outlet": o, "group": gid, "group_label": label, "side": side, "voice": v,
                         **_summary(self.actor[(o, gid, v)])})
        return rows


def _summary(cells: list[tuple[float, int]]) -> dict[str, Any]:
    sums = [s for s, _ in cells]
    counts = [n for _, n in cells]
    total = sum(counts)
    from .stats import cluster_sums_ci  # numpy and pandas only once aggregates are made

    lo, hi = cluster_sums_ci(sums, counts)
    return {"n_docs": len(cells), "n_sentences": total, "mean": sum(sums) / total if total else math.nan,
            "ci_low": lo, "ci_high": hi}
