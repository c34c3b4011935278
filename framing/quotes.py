"""Voices: quotes, who speaks them, with which verb.

:func:`find_quotes` finds direct quotes (in any quote style, over several
paragraphs), mixed quotes (a quoted fragment inside paraphrase), indirect
speech ("Mammadov alleged that ...", "According to X, ..."), floating quotes
(a quoted sentence after an attributed one inherits its speaker) and embedded
social-media posts. Each quote records its speaker *mention* as written ("he",
"a user", "the Defense Ministry") and the *entity* it resolves to ("Elman
Mammadov"), the cue verb with its class, and the rule that fired, so a
teacher can see why a quote went to a speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from operator import attrgetter

from .actors import Actors
from .attribution import (  # noqa: F401  (Quote, QUOTE_KINDS, SPEAKER_TYPES are public here)
    _ABBREV,
    _GAP_PUNCT,
    _INDIRECT,
    _SENT_END,
    _THAT,
    QUOTE_KINDS,
    SPEAKER_TYPES,
    Quote,
    _clause_end,
    _Cue,
    _cues_between,
    _default_actors,
    _descriptor_only,
    _find_cues,
    _first_verb_after,
    _in_object_position,
    _inherit,
    _links_to_cue,
    _make,
    _participle_after_comma,
    _passive,
    _plausible,
    _sentence_of,
    _sentence_subject_mention,
)
from .colon_speech import headline_quote
from .continuation import run_on_quotes
from .cue_patterns import IN_OPINION
from .indirect import PARAGRAPH_RULE as _PARAGRAPH_RULE
from .indirect import _indirect
from .mentions import VAGUE_HEADS, _classify
from .model import Document
from .object_speech import OBJECT_ONLY
from .quote_cues import (
    _Ctx,
    _cue_after,
    _cue_before,
    _cue_inside_unclosed,
    _fragment_end,
    _make_colon,
)
from .quotemarks import QuoteSpan
from .resolver import SpeakerResolver
from .speakers import Mention, find_speaker_before
from .terms import SpanIndex
from .tokens import TOKEN
from .unopened import unopened_quotes
from .verbs import DATA_VERBS, SPEECH_CLASSES, verb_forms

_DASH_NAME = re.compile(
    r"[ \t\u00a0]*(?P<dash>[―—–]|--)[ \t\u00a0]*(?P<name>[A-Z][\w'’.-]*(?:[ \u00a0][A-Z][\w'’.-]*){0,3})"
    r"[ \t\u00a0.,]*(?=\n|$|\(|,)"
)



def find_quotes(
    doc: Document, *, actors: Actors | None = None, spans: list[QuoteSpan] | None = None, words: list[str] | None = None
) -> list[Quote]:
    """Find every quote in ``doc`` and attribute it.

    Args:
        doc: The document.
        actors: Actors list for speaker sides (default: the bundled one).
        spans: Classified quote spans, if already computed.
        words: ``framing.tokens.split_words(doc.text)``, if already computed.

    Returns:
        Quotes sorted by position; they never overlap.
    """
    from .terms import quote_spans

    if actors is None:
        actors = _default_actors()
    if spans is None:
        spans = quote_spans(doc)
    text = doc.text
    cues = _find_cues(text, words=words)
    cue_starts = [c.start for c in cues]
    resolver = SpeakerResolver(text, actors, quoted=[(sp.start, sp.end) for sp in spans if sp.kind == "speech"])
    sent_starts = [s.start for s in doc.sentences]
    out: list[Quote] = []
    used_cues: set[int] = set()
    last: Quote | None = None
    last_para = -10
    # Everyone named as the subject of a speech verb can be "he" or "she" later on, even when
    # the quote they speak is found in the second pass (indirect speech).
    for cue in cues:
        if (cue.cls in SPEECH_CLASSES or cue.cls == "opinion") and cue.lemma in _INDIRECT and not _passive(text, cue):
            mention = find_speaker_before(text, cue.start, max(0, cue.start - 150))
            if mention is not None and mention.type in _MAY_NAME_PERSON:  # ('SBU head Ivan Bakanov': typed organisation)
                resolver.note_mention(mention, at=cue.start)
    for source in _nominal_sources(text):
        # 'has faced strong criticism from the United States and some European countries. They argued …'
        resolver.note_source(source)

    # quoted fragments, not names the writer distances himself from ('the self-proclaimed "Republic"')
    habits = _scare_habits(text, spans)
    speech = [s for s in spans if s.kind == "speech" and s.depth == 0 and not (
        s.end - s.start <= 40 and _span_key(text, s) in habits)]  # '... of Russian "peacekeepers"' (a habit)
    inside_speech = SpanIndex(speech)
    cues = [c for c in cues if not inside_speech.enclosing(c.start, c.end)]
    # 'the poll shows ...' reports data, not words: a cue of indirect speech only
    all_cues, cues = cues, [c for c in cues if c.lemma not in DATA_VERBS]
    cue_starts = [c.start for c in cues]
    posts = [p for p in doc.paragraphs if p.kind == "embedded_post"]
    items: list[tuple[int, str, object]] = [(s.open_at, "span", s) for s in speech]
    items += [(p.start, "post", p) for p in posts]
    items.sort(key=lambda x: x[0])
    unclosed: set[int] = set()
    for _, what, obj in items:
        if what == "post":
            q = _embedded_post(doc, obj, resolver)
            if q is not None:
                out.append(q)
            continue
        s = obj  # type: ignore[assignment]
        if any(q.start <= s.start < q.end for q in out[-3:]):
            continue  # inside a quote already taken (a mixed clause, an embedded post)
        sent = _sentence_of(doc, sent_starts, s.open_at)
        sent_after = _sentence_of(doc, sent_starts, max(s.open_at, s.outer_end - 1))
        q = _attribute_span(doc, s, (sent[0], max(sent[1], sent_after[1])), cues, cue_starts, used_cues, resolver, sent_starts)
        para = s.paragraph
        if q is None:
            continue
        footage = q.rule in ("none", "the speaker of the sentence before") and _after_footage(
            doc, sent_starts, s.open_at, cues, cue_starts)
        if (
            not footage
            and q.rule in ("none", "the speaker of the sentence before")
            and last is not None
            and out
            and out[-1] is last
            and _continues(text, last, q, para - last_para)
            # not over a sentence with an attribution of its own ('"A," X said. X added that …. "B."')
            and not _cues_between(cues, cue_starts, _sentence_of(doc, sent_starts, max(last.end, last.cue_start))[1], q.start)
        ):
            # '"A," he said. "B."': one quote in two pieces, as the news convention means it
            merged = replace(last, end=q.end, parts=(*last.spans, (q.start, q.end)))
            out[-1] = merged
            last, last_para = merged, para
            continue
        if q.speaker and not q.rule.startswith(("floating", "none", "the speaker of the sentence before")):
            _back_over_paragraphs(doc, out, q, unclosed)
        if q.rule == "none" and _opens_sentence(text, sent_starts, s.open_at):
            # 'B said that ... ⏎ "quote"': a paraphrase after the last quote names the speaker
            q = _paraphrase_speaker(doc, s, q, last, cues, cue_starts, resolver, sent_starts) or q
        if footage:
            # 'Later, a video went viral that showed mercenaries fleeing. "Oh God protect us."': a
            # voice in the footage, unnamed, not the speaker of the quote before
            side, how = _footage_side(doc, sent_starts, s.open_at, resolver)
            q = Quote(kind="floating", start=q.start, end=q.end, speaker_type="anonymous", side=side, parts=q.parts,
                      rule="floating: a voice in the footage described before", resolution=how)
        elif q.rule == "none" and last is not None and para - last_para <= 2:
            q = _inherit(q, last, "floating: inherits the speaker of the previous quote")
        if s.close_at is None:
            unclosed.add(q.start)
        if q.speaker_type != "unattributed":
            last, last_para = q, para
            resolver.note_speaker(q)
        out.append(q)

    # a quote whose opening mark was lost, after 'Accusations poured, like ...'
    out.extend(unopened_quotes(doc, spans, out, resolver))
    out.sort(key=attrgetter("start"))

    # Indirect speech: cues not used by a quote, outside quotation marks.
    speech_index = SpanIndex([sp for sp in spans if sp.kind == "speech"])
    taken = sorted((q.start, q.end) for q in out)
    taken_starts = [a for a, _ in taken]
    cue_owners = {q.cue_start for q in out}
    fragments = sorted(
        (sp for sp in spans
         if sp.style == "double" and sp.reason != "after a distancing marker" and _span_key(text, sp) not in habits),
        key=lambda sp: sp.open_at,
    )
    double_opens = [sp.open_at for sp in fragments]
    # a paragraph of paraphrase keeps scare quotes of a few words ('a "creeping" war'): not fragments
    speech_opens = [sp.open_at for sp in fragments if sp.kind != "scare"]
    # a closing attribution ('..., he opined.') speaks for the whole sentence, verbs inside included
    closing = {c.start for c in all_cues if _closing_attribution(text, c)}
    for cue in sorted(all_cues, key=lambda c: c.start not in closing) if closing else all_cues:
        if cue.start in used_cues or cue.lemma not in _INDIRECT and cue.lemma not in _OTHER_INDIRECT \
                and cue.start not in closing:  # '..., some comments read.'
            continue
        if cue.start in cue_owners or speech_index.enclosing(cue.start, cue.start + 1):
            continue
        if _in_taken(taken, taken_starts, cue.start, cue.start + 1):
            continue
        sent = _sentence_of(doc, sent_starts, cue.start)
        q = _indirect(doc, cue, sent, resolver)
        if q is not None and _in_taken(taken, taken_starts, q.start, q.end):
            q = _cut_before_taken(text, q, taken, taken_starts)
        if q is not None and not _in_taken(taken, taken_starts, q.start, q.end):
            if _holds_quote(double_opens if q.rule != _PARAGRAPH_RULE else speech_opens, q.start, q.end):
                # 'Comey has said the FBI made a "mistake"': paraphrase with a quoted fragment
                q = replace(q, kind="mixed")
            out.append(q)
            k = bisect_right(taken_starts, q.start)
            taken.insert(k, (q.start, q.end))
            taken_starts.insert(k, q.start)
            resolver.note_speaker(q)
    headline = headline_quote(doc, out, all_cues, resolver)  # 'Pence: Gennifer Flowers Won’t Be at Debate'
    if headline is not None and (headline := _take_headline(headline, out, double_opens)) is not None:
        out.append(headline)
    out.sort(key=_START_END)
    return _headings(doc, run_on_quotes(doc, _no_overlaps(out), unclosed))


_START_END = attrgetter("start", "end")  # a quote's place
_MAY_NAME_PERSON = frozenset(("person", "organisation", "role"))


def _nominal_sources(text: str) -> Iterator[Mention]:
    """The sources of nouns of speech: 'criticism from the United States and some European
    countries', 'calls from Moscow'. (Found from each ' from ', the fast way.)"""
    at = text.find(" from ")
    while at >= 0:
        space = text.rfind(" ", max(0, at - 14), at)
        if text[space + 1 : at] in _SPEECH_NOUNS and (m := _SOURCE_NP.match(text, at + 6)):
            yield Mention(m.group(1), m.start(1), m.end(1), _classify(m.group(1).split()))
        at = text.find(" from ", at + 6)


_SPEECH_NOUNS = frozenset("criticism condemnation calls warnings accusations demands complaints protests objections".split())
# the source after 'from': capitalised words and small words, perhaps ending in a plural head
_SOURCE_NP = re.compile(
    r"((?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:and|of|the|some|other|several|many|[A-Z][\w’'.-]*))*"
    r"(?:\s+(?:[a-z]+\s+)?(?:countries|governments|nations|leaders|officials|states|groups|allies))?)(?=[\s,.;:])")


def _headings(doc: Document, out: list[Quote]) -> list[Quote]:
    """A quoted sentence standing alone as a section heading (a paragraph of its own, no cue, no
    full stop) quotes the speaker of the section it heads: the first attributed quote of the next
    paragraph, not the previous speaker."""
    text = doc.text
    paras = doc.paragraphs
    para_starts = [p.start for p in paras]
    for i, q in enumerate(out):
        if q.kind != "floating" or q.cue or i + 1 >= len(out) or len(q.spans) > 1:
            continue
        k = bisect_right(para_starts, q.start) - 1
        if k < 0 or k + 1 >= len(paras) or q.start >= paras[k].end:
            continue
        p = paras[k]
        body = text[p.start : p.end].strip()
        if body[-1:] not in "\"”»'’" or text[q.end - 1 : q.end] in ".!?" or len(body) - (q.end - q.start) > 4:
            continue  # not a quotation filling its paragraph without a full stop
        nxt, after = out[i + 1], paras[k + 1]
        if after.start <= nxt.start < after.end and nxt.cue and nxt.speaker_name and nxt.speaker_start < after.end:
            out[i] = replace(_inherit(q, nxt, "floating: a quoted heading, the speaker of its section"), parts=q.parts)
    return out


_CLOSING = re.compile(r",\s+(?:[\w’'.-]+\s+){1,6}$")


def _closing_attribution(text: str, cue: _Cue) -> bool:
    """'..., he opined.', '..., pundit Elxan Sahinoglu said.', '..., pundits claimed, blaming ...':
    a speaker and verb set off by a comma, ending the sentence or followed by a comma."""
    return text[cue.end : cue.end + 1] in (".", ",", ";") and _CLOSING.search(text, max(0, cue.start - 60), cue.start) is not None


def _span_key(text: str, sp: QuoteSpan) -> str:
    return text[sp.start : sp.end].strip(" .,;:!?").casefold()


def _scare_habits(text: str, spans: list[QuoteSpan]) -> frozenset[str]:
    """Words the writer puts in scare quotes again and again (Russian "peacekeepers" five times):
    the writer's distance from a name, not a fragment of what someone said."""
    counts = Counter(_span_key(text, sp) for sp in spans if sp.kind == "scare" and sp.end - sp.start <= 40)
    return frozenset(k for k, n in counts.items() if n >= 2 and k)


def _paraphrase_speaker(
    doc: Document, s: QuoteSpan, q: Quote, last: Quote | None, cues: list[_Cue], cue_starts: list[int],
    resolver: SpeakerResolver, sent_starts: list[int],
) -> Quote | None:
    """A quote with no cue of its own after reported speech: '"A," X said. ⏎ Y said that B. ⏎ "C."'
    goes to Y, the speaker of the paraphrase between the last quote and this one (this
    paragraph or the one before)."""
    text = doc.text
    first = doc.paragraphs[max(0, s.paragraph - 1)].start
    lo = max(first, last.end if last is not None else 0)
    for cue in reversed(_cues_between(cues, cue_starts, lo, s.open_at)[-3:]):
        if cue.lemma not in _INDIRECT or _passive(text, cue):  # speech or opinion ('X believes that')
            continue
        if text.count("\n", cue.start, s.open_at) == 0 and s.paragraph > 0:
            continue  # the same paragraph: rule 3 already looked there
        sent = _sentence_of(doc, sent_starts, cue.start)
        mention = _plausible(find_speaker_before(text, cue.start, sent[0]), resolver)
        if mention is None or mention.type == "pronoun" and mention.text.lower() in ("it", "they", "who"):
            continue
        info = _make("floating", q.start, q.end, mention, None, resolver, "floating: the speaker of the paraphrase before", text)
        return replace(info, parts=q.parts)
    return None


def _back_over_paragraphs(doc: Document, out: list[Quote], q: Quote, unclosed: set[int]) -> None:
    """A quote over several paragraphs, each opened and never closed, with its cue after the last.

    '"A ...(no closing mark) / "B," he claimed.': the paragraphs before take the attribution
    of the last one (the news convention: a quote continued over paragraphs reopens each
    paragraph and closes only at the end). Changes ``out`` in place.
    """
    text = doc.text
    k, start = len(out) - 1, q.start
    while k >= 0:
        prev = out[k]
        if prev.start not in unclosed or prev.rule not in _UNATTRIBUTED_RULES:
            break
        gap = text[prev.end : start]
        if not re.fullmatch(r"\s*\n\s*[\"“”„«'‘’`]*", gap):
            break
        out[k] = replace(
            q, kind="direct", start=prev.start, end=prev.end, parts=prev.parts,
            rule="a quote over several paragraphs: the cue after its last paragraph",
        )
        k, start = k - 1, prev.start


_UNATTRIBUTED_RULES = frozenset(
    {"none", "floating: inherits the speaker of the previous quote", "floating: the speaker of the paraphrase before"}
)


def _no_overlaps(quotes: list[Quote]) -> list[Quote]:
    """Quotes never overlap: a later one that starts inside an earlier one is trimmed or dropped."""
    kept: list[Quote] = []
    for q in quotes:
        if kept and q.start < kept[-1].end:
            prev = kept[-1]
            if q.end <= prev.end:
                continue
            parts = tuple((max(a, prev.end), b) for a, b in q.spans if b > prev.end)
            q = replace(q, start=parts[0][0], parts=parts if len(parts) > 1 else ())
        kept.append(q)
    return kept


_FOOTAGE = re.compile(r"\b(?:video|videos|footage|recording|recordings|clip|audio)\b", re.I)


def _after_footage(doc: Document, sent_starts: list[int], at: int, cues: list[_Cue], cue_starts: list[int]) -> bool:
    """Does the quote opening at ``at`` start a sentence right after one, in its paragraph, that
    describes footage (a video, a recording) and reports no speech?"""
    text = doc.text
    i = bisect_right(sent_starts, at) - 1
    if i < 1 or not _opens_sentence(text, sent_starts, at):
        return False
    prev = doc.sentences[i - 1]
    if "\n" in text[prev.start : at]:
        return False
    return _FOOTAGE.search(text, prev.start, prev.end) is not None and not any(
        c.lemma not in DATA_VERBS for c in _cues_between(cues, cue_starts, prev.start, prev.end)
    )


# the people a video shows: 'a video ... that showed escape trails of some mercenaries from Azerbaijan'
_SHOWN_PEOPLE = re.compile(
    r"\b(?:of|show(?:s|ed|ing)?|shown)\s+(?:(?:some|several|many|dozens\s+of|hundreds\s+of|a\s+group\s+of|the|two|three|"
    r"four|five)\s+)?(?P<who>(?:[\w-]+\s+)??(?P<head>[a-z]+)(?:\s+(?:from|in)\s+(?:the\s+)?[A-Z][\w’'-]*)?)"
)
_SHOWN_HEADS = VAGUE_HEADS | frozenset(
    "soldiers mercenaries fighters militants troops civilians refugees men women children servicemen police "
    "officers separatists rebels volunteers prisoners".split()
)


def _footage_side(doc: Document, sent_starts: list[int], at: int, resolver: SpeakerResolver) -> tuple[str, str]:
    """The side of a voice in footage: that of the people the sentence before says it shows
    ('some mercenaries from Azerbaijan'), when the actors list or a place word gives one; the
    voice stays unnamed."""
    text = doc.text
    prev = doc.sentences[bisect_right(sent_starts, at) - 2]
    for m in _SHOWN_PEOPLE.finditer(text, prev.start, prev.end):
        if m.group("head") in _SHOWN_HEADS:
            who = Mention(m.group("who"), m.start("who"), m.end("who"), "anonymous")
            info = resolver.resolve(who, at=who.start)
            if info is not None and info.side != "unknown":
                return info.side, f"side: the people the footage shows ({who.text})"
    return "unknown", ""


def _opens_sentence(text: str, sent_starts: list[int], at: int) -> bool:
    """Does the quote opening at ``at`` start its sentence (a quoted sentence can float; a
    fragment inside someone else's clause cannot)?"""
    i = bisect_right(sent_starts, at) - 1
    return i < 0 or not re.search(r"[^\W\d_]", text[sent_starts[i] : at])


def _continues(text: str, prev: Quote, q: Quote, paras_apart: int) -> bool:
    """Does quote ``q`` (with no attribution of its own) go on with the speaker's quote before it?

    In the same paragraph, always: '"A," he said. "B."' and '"A," he said in a speech that
    ... . "B."' are one quote in pieces. In the next paragraph, only when the earlier quote
    closes its paragraph (the writer closed the mark where the convention reopens it).
    """
    gap = text[prev.end : q.start]
    if paras_apart == 0:
        return "\n" not in gap
    return paras_apart == 1 and prev.kind in ("direct", "floating") and not re.search(r"[^\W_]", gap)


def _holds_quote(opens: list[int], a: int, b: int) -> bool:
    """Does a double quote mark open inside ``[a, b)``?"""
    k = bisect_left(opens, a)
    return k < len(opens) and opens[k] < b


def _take_headline(q: Quote, out: list[Quote], double_opens: list[int]) -> Quote | None:
    """The headline's quote where no attributed quote overlaps it, the quotes inside it that
    nobody was found to speak taken out of ``out`` ('Pat Caddell: … Worried About Clinton's
    Health; It's ‘in Their Heads.’': those quoted words are his); None where one does."""
    inside = [x for x in out if x.start < q.end and q.start < x.end]
    if any(x.start < q.start or x.end > q.end or x.speaker_type != "unattributed" for x in inside):
        return None
    for x in inside:
        out.remove(x)
    return replace(q, kind="mixed") if inside or _holds_quote(double_opens, q.start, q.end) else q


def _in_taken(taken: list[tuple[int, int]], starts: list[int], a: int, b: int) -> bool:
    """Does ``[a, b)`` overlap a span in ``taken`` (sorted, non-overlapping)?"""
    k = bisect_right(starts, a)
    if k > 0 and taken[k - 1][1] > a:
        return True
    return k < len(taken) and taken[k][0] < b


def _cut_before_taken(text: str, q: Quote, taken: list[tuple[int, int]], starts: list[int]) -> Quote | None:
    """'X has accused Y of Z, claims that Baku denies.': a clause running into a quote taken
    after it ends at the comma before that quote (None when no comma is there)."""
    k = bisect_right(starts, q.start)
    if k >= len(taken) or taken[k][0] >= q.end or (k > 0 and taken[k - 1][1] > q.start) or len(q.parts) > 1:
        return None
    comma = text.rfind(",", q.start, taken[k][0])
    if comma < 0 or text[comma + 1 : taken[k][0]].strip() or len(TOKEN.findall(text[q.start : comma])) < 3:
        return None
    return replace(q, end=comma, parts=())


def _attribute_span(
    doc: Document, s: QuoteSpan, sent: tuple[int, int], cues: list[_Cue], cue_starts: list[int], used: set[int],
    resolver: SpeakerResolver, sent_starts: list[int],
) -> Quote | None:
    text = doc.text
    a, b = s.open_at, s.outer_end
    content = (s.start, s.end)
    # 0. A dash and a name right after the quote: '"..." ― Sonya Herridge' (quoted voices, posts).
    m = _DASH_NAME.match(text, b)
    if m:
        a0 = m.start("name")
        mention = Mention(m.group("name"), a0, a0 + len(m.group("name")), "person")
        q = _make("direct", *content, mention, None, resolver, "quote, then a dash and a name", text)
        return replace(q, cue=m.group("dash"), cue_start=m.start("dash"), cue_end=m.end("dash"))
    # 0a. A transcript line: '"WALLACE: Let's start with ...' names its speaker inside the marks.
    m = _TRANSCRIPT_LABEL.match(text, s.start, s.end)
    if m:
        mention = Mention(m.group("name"), m.start("name"), m.end("name"), "person")
        return _make_colon((m.end(), s.end), mention, m.end("name"), resolver, text, "a transcript's speaker label")
    # 0b. An unclosed quote whose paragraph ends with its attribution ('"..., he added.'): the
    #     closing mark is missing before the cue.
    if s.close_at is None:
        q = _cue_inside_unclosed(text, s, resolver)
        if q is not None:
            return q
    # A quote that opens its sentence is attributed by what follows it ('"...," he said'); a
    # quote inside a sentence by the clause that holds it ('Sanders called it "arbitrary."').
    ctx = _Ctx(doc, s, sent, cues, cue_starts, used, resolver, content)
    steps = (_cue_after, _cue_before) if not text[sent[0] : a].strip() else (_cue_before, _cue_after)
    for step in steps:
        q = step(ctx)
        if q is not None:
            return q
    # 3. A quote right after a sentence whose speaker talks ('she said she had made progress.
    #    "I really believe ..."'): that speaker, unless the quote has words of its own before it.
    para = doc.paragraphs[s.paragraph]
    if not text[sent[0] : a].strip() and sent[0] > para.start:
        # (not the cue of a quote before: its speaker was found before that quote, not in its words)
        prev_cues = [c for c in _cues_between(cues, cue_starts, para.start, sent[0])
                     if c.lemma in _INDIRECT and c.start not in used]
        for cue in reversed(prev_cues[-2:]):
            if _passive(text, cue):
                continue
            mention = _plausible(find_speaker_before(text, cue.start, _sentence_of(doc, sent_starts, cue.start)[0]), resolver)
            if mention is not None:
                return _make("floating", *content, mention, None, resolver, "the speaker of the sentence before", text)
    # 4. A colon at the end of the previous paragraph: 'He explained why:' + quote paragraph.
    para = doc.paragraphs[s.paragraph]
    if s.open_at == para.start and s.paragraph > 0:
        prev = doc.paragraphs[s.paragraph - 1]
        prev_text = text[prev.start : prev.end].rstrip()
        if prev_text.endswith(":"):
            pcues = _cues_between(cues, cue_starts, prev.start, prev.end)
            cue = pcues[0] if pcues else None
            mention = find_speaker_before(text, cue.start, prev.start) if cue else None
            if mention is not None and cue is not None:
                used.add(cue.start)
                return _make("direct", *content, mention, cue, resolver, "introduced by a colon in the paragraph before", text)
            # 'Frank quotes former Carter adviser Alfred Kahn:' — the name before the colon
            colon = prev.start + len(prev_text) - 1
            mention = _plausible(find_speaker_before(text, colon, prev.start), resolver)
            if mention is not None and mention.type in ("person", "organisation", "role"):
                return _make_colon(content, mention, colon, resolver, text, "a name and a colon in the paragraph before")
    # 5. 'Mark Blumenthal and Jon Cohen: "..."' — a name and a colon, no verb.
    head = text[sent[0] : a].rstrip()
    if head.endswith(":") and len(head) > 2:
        colon = sent[0] + len(head) - 1
        mention = _plausible(find_speaker_before(text, colon, sent[0]), resolver)
        if mention is not None and mention.type in ("person", "organisation", "role", "anonymous"):
            inverted = _INVERTED_CUE.search(text, sent[0], mention.start)
            if inverted is not None and inverted.group(1).lower() in verb_forms():
                # 'Said Ellis: "..."': a verb before the name opens the sentence
                lemma, cls = verb_forms()[inverted.group(1).lower()]
                cue = _Cue(inverted.start(1), inverted.end(1), inverted.group(1), lemma, cls)
                return _make("direct", *content, mention, cue, resolver, "verb, speaker and a colon", text)
            return _make_colon(content, mention, colon, resolver, text, "a name and a colon")
    # 6. 'Sanders credited the victory to "a closed primary"': a quote inside a sentence whose
    #    subject is a speaker, with a verb the table does not know.
    if head and not head.endswith((":", ",")):
        mention = _sentence_subject_mention(text, sent[0], a)
        verb = _first_verb_after(text, mention.end, a) if mention is not None else None
        if mention is not None and verb is not None and mention.type in ("person", "organisation", "role", "pronoun"):
            cue = _Cue(verb[0], verb[1], text[verb[0] : verb[1]], "", "none")
            m = _THAT.match(text, verb[1])
            return _make("mixed", m.end() if m else verb[1], _fragment_end(text, s, sent[1]),
                         mention, cue, resolver, "the sentence's subject, with an unlisted verb", text)
    return _make("direct", *content, None, None, resolver, "none", text)


_TRANSCRIPT_LABEL = re.compile(r"(?P<name>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):\s+")


_OTHER_INDIRECT = frozenset({"according to", "ask", IN_OPINION, "be of the opinion", "make the case", "based on", "a call for", "raised by"}) | OBJECT_ONLY
_INVERTED_CUE = re.compile(r"\s*([A-Z][a-z]+)\s+$")


POST_MAX_CHARS = 280  # a post's length limit on X/Twitter (links left out: an attached photo or quoted post adds one)
_LINK = re.compile(r"https?://\S+")


def _post_start(doc: Document, idx: int) -> int:
    """A post over several paragraphs: the body paragraphs before its last one that still fit
    in one post ('Erdogan and Aliyev have gone so far ... ⏎ Those Western nations ... https://t.co/x')."""
    text = doc.text
    p = doc.paragraphs[idx]
    size = _post_size(text[p.start : p.end])
    start = p.start
    k = idx - 1
    while k >= 0 and doc.paragraphs[k].kind == "body":
        prev = doc.paragraphs[k]
        piece = text[prev.start : prev.end]
        size += _post_size(piece) + 1
        if size > POST_MAX_CHARS or piece.rstrip().endswith(":") or any(ch in piece for ch in "\"“”«»") \
                or any(piece[max(0, c.start - 3) : c.start] != "to " for c in _find_cues(piece)):
            break  # more than a post holds; the writer's lead-in ('He tweeted:'), quotation or report ('X said')
        start = prev.start
        k -= 1
    return start


def _post_size(s: str) -> int:
    return len(_LINK.sub("", s).strip())


_SIGNATURE = re.compile(r"^[—–-]\s*(?P<name>.+?)\s*\(@(?P<handle>\w{1,30})\)")


def _embedded_post(doc: Document, para: object, resolver: SpeakerResolver) -> Quote | None:
    text = doc.text
    idx = doc.paragraphs.index(para)  # type: ignore[arg-type]
    p = doc.paragraphs[idx]
    sig = doc.paragraphs[idx + 1] if idx + 1 < len(doc.paragraphs) else None
    mention = None
    if sig is not None and sig.kind == "post_signature":
        m = _SIGNATURE.match(text[sig.start : sig.end])
        if m:
            a = sig.start + m.start("name")
            mention = Mention(m.group("name"), a, a + len(m.group("name")), "social_post")
    info = resolver.resolve(mention, at=p.start) if mention else None
    start = _post_start(doc, idx)
    return Quote(
        kind="embedded_post", start=start, end=p.end,
        speaker=mention.text if mention else "", speaker_start=mention.start if mention else -1,
        speaker_end=mention.end if mention else -1, speaker_name=mention.text if mention else "",
        speaker_type="social_post", side=info.side if info else "unknown", rule="embedded post and its signature",
        resolution=info.how if info else "",
    )
