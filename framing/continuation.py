"""Quotes that run on without quotation marks after an unclosed quote.

News copy continues a quote over several paragraphs by reopening each
paragraph with a quotation mark. Some copy (translated op-eds, small outlets)
opens a quote, never closes it, and goes on in the next paragraph with no mark
at all::

    “If the government does not take decisive steps, such acts will continue. …
    Russia should be asked what it supports?! … Azerbaijan does not need you.

The second paragraph is still the pundit speaking: it addresses Russia as
"you". The rule here is deliberately narrow, so that the author's own
paragraphs are not taken for speech: after a quote that is unclosed at the end
of its paragraph, the next paragraph continues it only when

* the unclosed quote ends its paragraph with a full sentence (a full stop, not
  a closing mark, a colon or a broken line);
* it opens with no quotation mark and holds no quote of its own at its start;
* it speaks in the first or second person (I, we, our, you, ...) outside the
  attributions it holds — a reporter rarely writes "we" or "you";

and the continuation stops before the first sentence that holds another quote
(reported speech the extractor attributed): 'Most likely, something will be achieved.
… our sensitivity … The head of QAFSAM is of the opinion that …' continues
the quote for two sentences, then the author resumes. A paragraph continued to
its end can be followed by another.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from .attribution import Quote, _inherit, _sentence_of
from .model import Document

RULE = "floating: an unclosed quote runs on in the next paragraph (first or second person)"

_PERSON = re.compile(r"\b(?:I|me|my|mine|we|us|our|ours|ourselves|you|your|yours)\b", re.IGNORECASE)
_MARK_START = re.compile(r"\s*[\"“”„«'‘’`]")
_ENDS_SENTENCE = re.compile(r"[.!?…]\)?\s*$")


def run_on_quotes(doc: Document, quotes: list[Quote], unclosed: set[int]) -> list[Quote]:
    """Add the unmarked continuations of unclosed quotes.

    Args:
        doc: The document.
        quotes: Quotes found so far, sorted by start, not overlapping.
        unclosed: Starts of the quotes whose quotation mark was never closed.

    Returns:
        ``quotes`` with the continuations added, sorted by start.
    """
    if not unclosed:
        return quotes
    text = doc.text
    paras = [p for p in doc.paragraphs if text[p.start : p.end].strip()]
    para_starts = [p.start for p in paras]
    q_starts = [q.start for q in quotes]
    added: list[Quote] = []
    for q in quotes:
        if q.start not in unclosed or not q.speaker_name and not q.speaker:
            continue
        k = bisect_left(para_starts, q.end) - 1
        if k < 0 or text[q.end : paras[k].end].strip() or not _ENDS_SENTENCE.search(text, q.start, q.end):
            continue  # the quote does not run to the end of its paragraph, or ends on a mark or mid-sentence
        source = q
        while k + 1 < len(paras):
            p = paras[k + 1]
            i = bisect_left(q_starts, p.start)
            if _MARK_START.match(text, p.start) or i > 0 and quotes[i - 1].end > p.start:
                break  # reopened with a mark, or a quote from before runs into it
            stop = _first_attribution(doc, p.start, p.end, quotes, q_starts)
            own = _outside(text, p.start, p.end, quotes, q_starts)
            if stop == p.start or not _PERSON.search(own):
                break
            end = stop
            while end > p.start and text[end - 1].isspace():
                end -= 1
            added.append(_inherit(Quote(kind="floating", start=p.start, end=end), source, RULE))
            if stop < p.end:
                break
            k += 1
    if not added:
        return quotes
    return sorted([*quotes, *added], key=lambda q: (q.start, q.end))


def _first_attribution(doc: Document, a: int, b: int, quotes: list[Quote], q_starts: list[int]) -> int:
    """Start of the first sentence in ``[a, b)`` holding a quote (with its speaker and cue), or ``b``."""
    first = b
    i = bisect_left(q_starts, a)
    if i < len(q_starts) and q_starts[i] < b:
        first = min(first, q_starts[i], quotes[i].speaker_start if quotes[i].speaker_start >= a else b,
                    quotes[i].cue_start if quotes[i].cue_start >= a else b)
    if first >= b:
        return b
    return max(a, _sentence_of(doc, [s.start for s in doc.sentences], first)[0])


def _outside(text: str, a: int, b: int, quotes: list[Quote], q_starts: list[int]) -> str:
    """The text of ``[a, b)`` outside the quotes it holds."""
    pieces, pos = [], a
    for q in quotes[bisect_left(q_starts, a) : bisect_left(q_starts, b)]:
        pieces.append(text[pos : max(pos, q.speaker_start if 0 <= q.speaker_start < q.start else q.start)])
        pos = max(pos, q.end)
    pieces.append(text[pos:b])
    return " ".join(pieces)
