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
from dataclasses import dataclass, replace

from .actors import Actors, load_actors
from .model import Document
from .quotemarks import QuoteSpan
from .speakers import Mention, SpeakerResolver, find_speaker_after, find_speaker_before
from .terms import SpanIndex
from .tokens import TOKEN
from .verbs import DATA_VERBS, SPEECH_CLASSES, verb_forms

QUOTE_KINDS = ("direct", "mixed", "indirect", "floating", "embedded_post")
SPEAKER_TYPES = ("person", "organisation", "role", "anonymous", "social_post", "unattributed")


@dataclass(frozen=True, slots=True)
class Quote:
    """One attributed (or unattributed) quote.

    Attributes:
        kind: direct, mixed, indirect, floating or embedded_post.
        start: Start of the quoted content (inside the quote marks; for mixed
            and indirect quotes, the reported clause).
        end: End of the content (exclusive).
        speaker: The speaker mention as written ("he", "a user"), or "".
        speaker_start: Offset of the mention, or -1.
        speaker_end: End of the mention, or -1.
        speaker_name: The entity the mention resolves to ("Elman Mammadov"), or "".
        speaker_type: person, organisation, role, anonymous, social_post or unattributed.
        side: The speaker's side (from the actors list or a nationality cue), or "unknown".
        cue: The cue as written, with auxiliaries and negation ("has accused", "according to", ":"), or "".
        cue_start: Offset of the cue, or -1.
        cue_end: End of the cue, or -1.
        cue_class: neutral, distancing, endorsing, concessive, confrontational, according_to, opinion or none.
        rule: The rule that attributed it (for explanations).
    """

    kind: str
    start: int
    end: int
    speaker: str = ""
    speaker_start: int = -1
    speaker_end: int = -1
    speaker_name: str = ""
    speaker_type: str = "unattributed"
    side: str = "unknown"
    cue: str = ""
    cue_start: int = -1
    cue_end: int = -1
    cue_class: str = "none"
    rule: str = ""
    parts: tuple[tuple[int, int], ...] = ()

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """The quoted pieces: a quote split by its attribution ('"A," he said. "B."') has two."""
        return self.parts or ((self.start, self.end),)


# --- the extractor ------------------------------------------------------------------


# Verbs that introduce indirect speech: every reporting verb of the table except those that
# take a noun object rather than a clause ("called him a liar", "described it as").
_NOT_INDIRECT = frozenset("call describe ask read post quote cite detail issue sing pray begin go on put it continue".split())


def _indirect_lemmas() -> frozenset[str]:
    return frozenset(lemma for lemma, _ in verb_forms().values()) - _NOT_INDIRECT


_INDIRECT = _indirect_lemmas()
_AUX = frozenset(
    "has have had did does do was were is are will would could can may might must should also not never "
    "n't later then reportedly repeatedly previously earlier first again himself herself themselves".split()
)
_ACCORDING = re.compile(r"\b[Aa]ccording to\b")
_THAT = re.compile(r"\s*(?:,\s*)?(?:that\b)?\s*")
_DASH_NAME = re.compile(
    r"[ \t\u00a0]*(?P<dash>[―—–]|--)[ \t\u00a0]*(?P<name>[A-Z][\w'’.-]*(?:[ \u00a0][A-Z][\w'’.-]*){0,3})"
    r"[ \t\u00a0.,]*(?=\n|$|\(|,)"
)
_NOMINAL_CUE = re.compile(
    r"\b(?P<poss>[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?['’]s)\s+(?:\w+\s+)?"
    r"(?P<noun>call|calls|claim|claims|promise|promises|pledge|vow|demand|demands|warning|statement|comments|"
    r"remarks|accusation|assertion|insistence|suggestion|words|plea|proposal|description|argument|charge)\b"
    r"(?:\s+(?:for|that|of|to))?\s*"
)
_NOUN_BEFORE = frozenset("the a an his her their its our my your this these those such no any every each".split())
_SENT_END = re.compile(r"[.!?…]+[\"'”’»]*\s*$")
_ABBREV = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Gen|Lt|Col|Capt|Sgt|St|Jr|Sr|Prof|Rev|Hon|Amb|No|Mt|Ft|Inc|Co|Corp|Ltd|U\.S|U\.N|U\.K)\.")


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int
    end: int
    text: str
    lemma: str
    cls: str


def find_quotes(doc: Document, *, actors: Actors | None = None, spans: list[QuoteSpan] | None = None) -> list[Quote]:
    """Find every quote in ``doc`` and attribute it.

    Args:
        doc: The document.
        actors: Actors list for speaker sides (default: the bundled one).
        spans: Classified quote spans, if already computed.

    Returns:
        Quotes sorted by position; they never overlap.
    """
    from .terms import quote_spans

    if actors is None:
        actors = _default_actors()
    if spans is None:
        spans = quote_spans(doc)
    text = doc.text
    cues = _find_cues(text)
    cue_starts = [c.start for c in cues]
    resolver = SpeakerResolver(text, actors)
    sent_starts = [s.start for s in doc.sentences]
    out: list[Quote] = []
    used_cues: set[int] = set()
    last: Quote | None = None
    last_para = -10
    # Everyone named as the subject of a speech verb can be "he" or "she" later on, even when
    # the quote they speak is found in the second pass (indirect speech).
    for cue in cues:
        if cue.cls in SPEECH_CLASSES and cue.lemma in _INDIRECT and not _passive(text, cue):
            mention = find_speaker_before(text, cue.start, max(0, cue.start - 150))
            if mention is not None and mention.type == "person":
                resolver.note_mention(mention, at=cue.start)

    speech = [s for s in spans if s.kind == "speech" and s.depth == 0]
    inside_speech = SpanIndex(speech)
    cues = [c for c in cues if not inside_speech.enclosing(c.start, c.end)]
    # 'the poll shows ...' reports data, not words: a cue of indirect speech only
    all_cues, cues = cues, [c for c in cues if c.lemma not in DATA_VERBS]
    cue_starts = [c.start for c in cues]
    posts = [p for p in doc.paragraphs if p.kind == "embedded_post"]
    items: list[tuple[int, str, object]] = [(s.open_at, "span", s) for s in speech]
    items += [(p.start, "post", p) for p in posts]
    items.sort(key=lambda x: x[0])
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
        if (
            q.rule in ("none", "the speaker of the sentence before")
            and last is not None
            and out
            and out[-1] is last
            and _continues(text, last, q, para - last_para)
        ):
            # '"A," he said. "B."': one quote in two pieces, as the news convention means it
            merged = replace(last, end=q.end, parts=(*last.spans, (q.start, q.end)))
            out[-1] = merged
            last, last_para = merged, para
            continue
        if q.rule == "none" and last is not None and para - last_para <= 2:
            q = _inherit(q, last, "floating: inherits the speaker of the previous quote")
        if q.speaker_type != "unattributed":
            last, last_para = q, para
            resolver.note_speaker(q)
        out.append(q)

    # Indirect speech: cues not used by a quote, outside quotation marks.
    speech_index = SpanIndex([sp for sp in spans if sp.kind == "speech"])
    taken = sorted((q.start, q.end) for q in out)
    taken_starts = [a for a, _ in taken]
    cue_owners = {q.cue_start for q in out}
    # quoted fragments, not names the writer distances himself from ('the self-proclaimed "Republic"')
    double_opens = sorted(
        sp.open_at for sp in spans if sp.style == "double" and sp.reason != "after a distancing marker"
    )
    for cue in all_cues:
        if cue.start in used_cues or cue.lemma not in _INDIRECT and cue.lemma not in ("according to", "ask"):
            continue
        if cue.start in cue_owners or speech_index.enclosing(cue.start, cue.start + 1):
            continue
        if _in_taken(taken, taken_starts, cue.start, cue.start + 1):
            continue
        sent = _sentence_of(doc, sent_starts, cue.start)
        q = _indirect(doc, cue, sent, resolver)
        if q is not None and not _in_taken(taken, taken_starts, q.start, q.end):
            if _holds_quote(double_opens, q.start, q.end):
                # 'Comey has said the FBI made a "mistake"': paraphrase with a quoted fragment
                q = replace(q, kind="mixed")
            out.append(q)
            k = bisect_right(taken_starts, q.start)
            taken.insert(k, (q.start, q.end))
            taken_starts.insert(k, q.start)
            resolver.note_speaker(q)
    out.sort(key=lambda q: (q.start, q.end))
    return _no_overlaps(out)


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


def _in_taken(taken: list[tuple[int, int]], starts: list[int], a: int, b: int) -> bool:
    """Does ``[a, b)`` overlap a span in ``taken`` (sorted, non-overlapping)?"""
    k = bisect_right(starts, a)
    if k > 0 and taken[k - 1][1] > a:
        return True
    return k < len(taken) and taken[k][0] < b


_ACTORS: Actors | None = None


def _default_actors() -> Actors:
    global _ACTORS
    if _ACTORS is None:
        _ACTORS = load_actors()
    return _ACTORS


def _overlaps(a: Quote, b: Quote) -> bool:
    return a.start < b.end and b.start < a.end


def _sentence_of(doc: Document, starts: list[int], offset: int) -> tuple[int, int]:
    i = bisect_right(starts, offset) - 1
    if i < 0:
        return (0, len(doc.text))
    s = doc.sentences[i]
    return (s.start, s.end)


def _find_cues(text: str) -> list[_Cue]:
    forms = verb_forms()
    cues: list[_Cue] = []
    toks = list(TOKEN.finditer(text))
    for k, m in enumerate(toks):
        raw = m.group()
        if not raw.islower():
            continue  # "the United States", "Said Ahmed": a capitalised word is not a cue here
        if k > 0 and not text[toks[k - 1].end() : m.start()].strip() and (
            toks[k - 1].group().lower() in _NOUN_BEFORE or text[m.start() - 2 : m.start()] in ("'s", "’s")
        ):
            continue  # "his comments", "Rubio's claim", "the report": a noun, not a verb
        w = raw
        if k + 1 < len(toks):
            two = f"{w} {toks[k + 1].group().lower()}"
            if two in forms and text[m.end() : toks[k + 1].start()].strip() == "":
                lemma, cls = forms[two]
                cues.append(_Cue(m.start(), toks[k + 1].end(), text[m.start() : toks[k + 1].end()], lemma, cls))
                continue
        if w in forms:
            lemma, cls = forms[w]
            cues.append(_Cue(m.start(), m.end(), m.group(), lemma, cls))
    for m in _ACCORDING.finditer(text):
        cues.append(_Cue(m.start(), m.end(), m.group(), "according to", "according_to"))
    cues.sort(key=lambda c: c.start)
    return cues


def _with_aux(text: str, cue: _Cue) -> tuple[int, str]:
    """Extend a cue backwards over auxiliaries and negation ("has also said", "did not deny")."""
    start = cue.start
    while True:
        m = re.search(r"([A-Za-z']+)\s+$", text[max(0, start - 30) : start])
        if not m or m.group(1).lower() not in _AUX:
            break
        start = start - len(m.group(0))
    return start, text[start : cue.end]


def _plausible(mention: Mention | None, resolver: SpeakerResolver) -> Mention | None:
    """Drop mentions that cannot speak: a lone nationality adjective ("Turkish state TV")."""
    if mention is None:
        return None
    words = TOKEN.findall(mention.text)
    if len(words) == 1 and words[0].casefold() in resolver.actors.nationality and words[0].casefold() not in ("eu", "un"):
        return None
    return mention


def _make(
    kind: str, start: int, end: int, mention: Mention | None, cue: _Cue | None, resolver: SpeakerResolver,
    rule: str, text: str,
) -> Quote:
    cue_start, cue_text = _with_aux(text, cue) if cue is not None else (-1, "")
    if cue is not None and cue.lemma == "according to":
        cue_start, cue_text = cue.start, cue.text
    info = resolver.resolve(mention, at=start) if mention is not None else None
    return Quote(
        kind=kind,
        start=start,
        end=end,
        speaker=mention.text if mention else "",
        speaker_start=mention.start if mention else -1,
        speaker_end=mention.end if mention else -1,
        speaker_name=info.name if info else "",
        speaker_type=info.type if info else "unattributed",
        side=info.side if info else "unknown",
        cue=cue_text,
        cue_start=cue_start,
        cue_end=cue.end if cue is not None else -1,
        cue_class=cue.cls if cue is not None else "none",
        rule=rule,
    )


def _inherit(q: Quote, prev: Quote, rule: str) -> Quote:
    return Quote(
        kind="floating", start=q.start, end=q.end, speaker=prev.speaker, speaker_start=prev.speaker_start,
        speaker_end=prev.speaker_end, speaker_name=prev.speaker_name, speaker_type=prev.speaker_type,
        side=prev.side, cue=prev.cue, cue_start=prev.cue_start, cue_end=prev.cue_end, cue_class=prev.cue_class,
        rule=rule,
    )


_AUX_WORDS = re.compile(
    r"^(?:\s+(?:has|have|had|did|does|was|were|is|are|will|would|also|then|later|not|never|once|again|"
    r"recently|previously|reportedly|\w+ly))*\s*$"
)


_OF_ORG = re.compile(
    r"^\s+(?:of|from|at|with)\s+(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+(?:of|for|on|and|the|[A-Z][\w.&'’-]*)){0,6}"
    r"(?:\s+(?:has|have|had|also|then|later|\w+ly))*\s*$"
)


def _links_to_cue(gap: str) -> bool:
    """Between a speaker and its verb: nothing, auxiliaries and adverbs, or an apposition ', ... ,'."""
    if _AUX_WORDS.match(gap) or _OF_ORG.match(gap):
        return True
    g = gap.strip()
    return g.startswith(",") and g.endswith(",") and not re.search(r"[.!?;]\s", _ABBREV.sub("", g)) and len(g) < 260


def _cues_between(cues: list[_Cue], starts: list[int], a: int, b: int) -> list[_Cue]:
    """Cues starting in ``[a, b)``."""
    return cues[bisect_left(starts, a) : bisect_left(starts, b)]


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
        prev_cues = [c for c in _cues_between(cues, cue_starts, para.start, sent[0]) if c.lemma in _INDIRECT]
        for cue in reversed(prev_cues[-2:]):
            if _passive(text, cue):
                continue
            mention = _plausible(find_speaker_before(text, cue.start, _sentence_of(doc, sent_starts, cue.start)[0]), resolver)
            if mention is not None:
                return _make("floating", *content, mention, cue, resolver, "the speaker of the sentence before", text)
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


def _make_colon(
    content: tuple[int, int], mention: Mention, colon: int, resolver: SpeakerResolver, text: str, rule: str
) -> Quote:
    cue = _Cue(colon, colon + 1, ":", "", "none")
    q = _make("direct", *content, mention, cue, resolver, rule, text)
    return replace(q, cue=":", cue_start=colon, cue_end=colon + 1)


_VERBISH = re.compile(r"\b([a-z]+(?:ed|s))\b")


def _first_verb_after(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """The first lower-case word ending in -ed or -s right after the subject (a finite verb, roughly)."""
    m = _VERBISH.match(text, pos) or re.match(r"\s+(?:\w+ly\s+)?([a-z]+(?:ed|s))\b", text[pos:limit])
    if m is None:
        return None
    if m.re is _VERBISH:
        return m.span(1)
    return pos + m.start(1), pos + m.end(1)


@dataclass(frozen=True, slots=True)
class _Ctx:
    """What the attribution steps of one quote span need."""

    doc: Document
    s: QuoteSpan
    sent: tuple[int, int]
    cues: list[_Cue]
    cue_starts: list[int]
    used: set[int]
    resolver: SpeakerResolver
    content: tuple[int, int]


def _cue_after(ctx: _Ctx) -> Quote | None:
    """'"...," he said' / '"...," said X' / '"...," Name, apposition, said'."""
    text, s, sent, cues, cue_starts, used, resolver, content = (
        ctx.doc.text, ctx.s, ctx.sent, ctx.cues, ctx.cue_starts, ctx.used, ctx.resolver, ctx.content
    )
    b = s.outer_end
    after = [c for c in _cues_between(cues, cue_starts, b, b + 200) if c.start not in used]
    for cue in after[:2]:
        between = text[b : cue.start]
        if re.search(r"[.!?]\s", _ABBREV.sub("", between)) and not between.strip().startswith((",", "”", '"')):
            continue
        # '"...," Deborah Tamargo, the chairwoman of ..., recalled': the name right after the quote
        mention = find_speaker_after(text, b, cue.start) if between.strip(" ,\u00a0") else None
        if mention is not None and not _links_to_cue(text[mention.end : cue.start]):
            mention = None
        if mention is None:
            mention = find_speaker_before(text, cue.start, b)
        if mention is not None and not _descriptor_only(text[b : mention.start]):
            mention = None  # words between the quote and the speaker: not this quote's attribution
        if mention is None and not between.strip(_GAP_PUNCT):
            mention = find_speaker_after(text, cue.end, sent[1])  # '"...," said X'
        if mention is not None:
            used.add(cue.start)
            return _make("direct", *content, mention, cue, resolver, "quote, then speaker and verb", text)
        q = _continued_then_cue(ctx, cue, between)
        if q is not None:
            return q
    return _unlisted_verb_after(ctx)


_GAP_PUNCT = " \t\u00a0,.!?—–-\"'”’»"
_NOT_DESCRIPTORS = frozenset("and but or so while as when because if then that which who".split())


def _descriptor_only(gap: str) -> bool:
    """Between a quote and its speaker: punctuation, or a few lower-case words ('," pollster ')."""
    g = gap.strip(_GAP_PUNCT)
    if not g:
        return True
    words = g.split()
    return (
        len(words) <= 3
        and gap.lstrip().startswith((",", "”", '"', "’", "'"))
        and all(w.isalpha() and w.islower() and w not in _NOT_DESCRIPTORS for w in words)
    )


def _continued_then_cue(ctx: _Ctx, cue: _Cue, between: str) -> Quote | None:
    """'"Many would consider that an embarrassment" if she lost, said David Wasserman.'

    The quote runs on in the writer's words up to a comma, and a cue with its speaker closes
    the sentence: a mixed quote whose content ends at the comma.
    """
    text, s, sent = ctx.doc.text, ctx.s, ctx.sent
    b = s.outer_end
    if re.search(r"[.!?;:]\s|[\"“”„«»]", _ABBREV.sub("", between)) or "\n" in between:
        return None
    comma = text.rfind(",", b, cue.start)
    if comma < 0 or len(TOKEN.findall(text[b:comma])) < 2:
        return None
    tail = text[cue.end : sent[1]]
    if not text[comma + 1 : cue.start].strip():
        mention = find_speaker_after(text, cue.end, sent[1])  # ', said David Wasserman.'
        if mention is None or len(TOKEN.findall(text[mention.end : sent[1]])) > 8 and "," not in text[mention.end : mention.end + 2]:
            return None
    else:
        mention = find_speaker_before(text, cue.start, comma + 1)  # ', Wasserman said.'
        if mention is None or text[comma + 1 : mention.start].strip() or len(TOKEN.findall(tail)) > 6:
            return None
    ctx.used.add(cue.start)
    return _make("mixed", s.start, comma, mention, cue, ctx.resolver, "quote run on in paraphrase, then verb and speaker", text)


_VERB_AFTER = re.compile(
    r"\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]{3,}(?:ed|s))\b(?=\s*(?:[.,;:!?]|$|\n|\s(?:on|in|at|to|during|after|before|from|with|"
    r"about|of|when|while|as|last|this|back|into|via|over)\b))"
)


def _unlisted_verb_after(ctx: _Ctx) -> Quote | None:
    """'"..., you fucking asshole," Oliver barked.': a name and a verb the table does not list.

    Only right after a quote that ends with a comma, question or exclamation mark inside its
    marks, the way news copy attributes a quote.
    """
    text, s, sent = ctx.doc.text, ctx.s, ctx.sent
    b = s.outer_end
    if not re.search(r"[,!?]\W*$", text[s.start : b]) or not text[b : b + 2].strip(" \t") or text[b : b + 1] not in " \t":
        return None
    mention = find_speaker_after(text, b, min(sent[1], b + 80))
    if mention is None or text[b : mention.start].strip() or mention.type not in ("person", "pronoun", "role", "organisation", "anonymous"):
        return None
    m = _VERB_AFTER.match(text, mention.end)
    if m is None or m.group("verb") in _NOT_VERBS:
        return None
    cue = _Cue(m.start("verb"), m.end("verb"), m.group("verb"), "", "none")
    return _make("direct", *ctx.content, mention, cue, ctx.resolver, "quote, then speaker and an unlisted verb", text)


_NOT_VERBS = frozenset("is was has does goes its his hers yours ours theirs this thus has as us always perhaps".split())


def _cue_before(ctx: _Ctx) -> Quote | None:
    """'X said: "..."', 'X said that "..."', 'according to X, "..."', 'X called it "..."'."""
    text, s, sent, cues, cue_starts, used, resolver, content = (
        ctx.doc.text, ctx.s, ctx.sent, ctx.cues, ctx.cue_starts, ctx.used, ctx.resolver, ctx.content
    )
    a = s.open_at
    before = [c for c in _cues_between(cues, cue_starts, sent[0], a) if c.start not in used]
    # 'Cruz said he's certain Rubio will continue to be "..."': the outermost speech verb speaks
    outer = [c for c in before[:-1] if c.cls in SPEECH_CLASSES and c.lemma in _INDIRECT]
    if before and _participle_after_comma(text, before[-1]) and text[before[-1].start - 2 : before[-1].start] == ", ":
        outer = []  # 'Trump has indicated he would ..., vowing to "open up" libel laws': the participle
    for cue in [*outer[:1], *reversed(before[-2:])]:
        between = text[cue.end : a]
        if re.match(r"\s+that\s", between) and not _SENT_END.search(text[cue.end : a]):
            # 'X alleged that the DNC "failed ..."': a mixed quote even if X cannot be found
            if _participle_after_comma(text, cue):
                mention = _participle_subject(ctx, cue)
            else:
                mention = find_speaker_before(text, cue.start, sent[0])
            mention = _plausible(mention, resolver)
            used.add(cue.start)
            m = _THAT.match(text, cue.end)
            start = m.end() if m else cue.end
            end = _fragment_end(text, s, sent[1])
            return _make("mixed", start, end, mention, cue, resolver, "speaker and verb that, then a quoted fragment", text)
        if cue.lemma == "according to":
            mention = find_speaker_after(text, cue.end, a)
        elif _passive(text, cue):
            m_by = re.match(r"\s+by\s+", text[cue.end : a])
            mention = find_speaker_after(text, cue.end + m_by.end() - 1, a) if m_by else None
        elif _participle_after_comma(text, cue):
            # 'Trump warned against ..., pledging to "bomb ..."': the speaker is the sentence's subject
            mention = _participle_subject(ctx, cue)
        else:
            mention = find_speaker_before(text, cue.start, sent[0])
            if mention is None:
                after = find_speaker_after(text, cue.end, a)
                # only 'said Name: "..."', where the quote follows the name at once
                if after is not None and not text[after.end : a].strip(" \t\u00a0,:—–-"):
                    mention = after
        if mention is None:
            continue
        used.add(cue.start)
        words_between = [w for w in TOKEN.findall(between) if w.lower() not in ("that",)]
        if mention.start >= cue.end:
            words_between = TOKEN.findall(text[mention.end : a])
        if words_between and cue.lemma != "according to":
            # a fragment inside paraphrase: the content is the whole reported clause
            m = _THAT.match(text, cue.end if mention.start < cue.end else mention.end)
            start = m.end() if m else cue.end
            end = _fragment_end(text, s, sent[1])
            return _make("mixed", start, end, mention, cue, resolver, "speaker and verb, then a quoted fragment", text)
        return _make("direct", *content, mention, cue, resolver, "speaker and verb, then the quote", text)
    # 'his call for "a total and complete ban"', "Rubio's claim that ... "simply not true"'
    nominal = list(_NOMINAL_CUE.finditer(text, sent[0], a))
    m = nominal[-1] if nominal else None
    if m is not None and not re.search(r"[.;!?]\s", text[m.end() : a]) and len(TOKEN.findall(text[m.end() : a])) <= 12:
        who = m.group("poss")
        w0 = m.start("poss")
        if who.endswith(("'s", "’s")):
            who, typ = who[:-2], "person"
        else:
            typ = "pronoun"
        mention = Mention(who, w0, w0 + len(who), typ)
        cue = _Cue(m.start("noun"), m.end("noun"), m.group("noun"), m.group("noun").lower().rstrip("s"), "neutral")
        start = m.end()
        return _make("mixed", start, _fragment_end(text, s, sent[1]), mention, cue, resolver,
                     "a speaker's noun of speech ('his call for')", text)
    return None


def _participle_subject(ctx: _Ctx, cue: _Cue) -> Mention | None:
    """Who speaks a participle ('adding', 'saying') that hangs on the clause before it.

    '"...," he said, adding: "..."' and '"...," said Mr. Burr, adding that ...': the speaker of
    the speech verb just before; otherwise the sentence's subject.
    """
    text, sent = ctx.doc.text, ctx.sent
    prev = [c for c in _cues_between(ctx.cues, ctx.cue_starts, max(sent[0], cue.start - 120), cue.start)
            if c.cls in SPEECH_CLASSES and c.lemma in _INDIRECT]
    if prev:
        p = prev[-1]
        gap = text[p.end : cue.start]
        if not re.search(r"[.!?;]\s", gap):
            after = find_speaker_after(text, p.end, cue.start)
            if after is not None and not text[after.end : cue.start].strip(" ,"):
                return after  # 'said Mr. Burr, adding'
            if not gap.strip(" ,") or re.fullmatch(r"[\s,]*(?:\w+\s+){0,4}?(?:before|and|then)?\s*", gap):
                left = text.rfind("\n", 0, p.start) + 1
                quote_end = max(text.rfind(ch, left, p.start) for ch in "\"”'’»")
                before = find_speaker_before(text, p.start, max(sent[0], left, quote_end + 1))
                if before is not None:
                    return before  # '"...," he said, adding'
    return _sentence_subject_mention(text, sent[0], cue.start)


def _participle_after_comma(text: str, cue: _Cue) -> bool:
    """'..., saying', 'at one point calling': a participle that hangs on the main clause (not 'is saying')."""
    if not cue.text.endswith("ing"):
        return False
    m = re.search(r"(\w+)\W*$", text[max(0, cue.start - 30) : cue.start])
    return not (m and m.group(1).lower() in ("is", "was", "were", "are", "be", "been", "am", "keeps", "kept"))


_INTRO = frozenset(
    """on in at after before during since while when as following until once despite amid with without
    for from by under over hours minutes days weeks months years moments shortly later earlier meanwhile last
    yesterday today tonight but and so yet still then also however instead now asked speaking referring
    monday tuesday wednesday thursday friday saturday sunday""".split()
)


def _sentence_subject_mention(text: str, sent_start: int, cue_start: int) -> Mention | None:
    """The subject of the sentence: the mention before its first verb-like cue, or its first name."""
    from .speakers import _words

    words = _words(text, sent_start, cue_start)
    # 'Hours later, Trump returned ...', 'After the attacks, the ministry said': skip the
    # introductory phrase up to its comma
    while words and (words[0][0].lower() in _INTRO or words[0][0].lower().endswith("ly")):
        comma = text.find(",", words[0][2], cue_start)
        if comma < 0 or len(_words(text, words[0][2], comma)) > 12:
            break
        words = [w for w in words if w[1] > comma]
    k = 0
    while k < len(words) and (words[k][0][:1].isupper() or words[k][0].lower() in ("the", "a", "an")):
        k += 1
        if k < len(words) and any(ch in text[words[k - 1][2] : words[k][1]] for ch in ",;:"):
            break
    if k == 0:
        m = re.match(r"\s*(he|she|they|it|we)\b", text[sent_start:cue_start], re.I)
        return Mention(m.group(1), sent_start + m.start(1), sent_start + m.end(1), "pronoun") if m else None
    return find_speaker_before(text, words[k - 1][2], sent_start)


def _passive(text: str, cue: _Cue) -> bool:
    """'was described', 'were told', 'is quoted': the speaker follows "by", if anywhere."""
    return bool(re.search(r"\b(?:was|were|is|are|been|be|being)\s+(?:\w+ly\s+)?$", text[max(0, cue.start - 25) : cue.start]))


def _fragment_end(text: str, s: QuoteSpan, sent_end: int) -> int:
    """End of a mixed quote: the clause end, or the quote's own end when it closes the sentence."""
    if re.search(r"[.!?…]\W*$", text[s.start : s.end]):
        return s.outer_end
    return max(s.outer_end, _clause_end(text, s.outer_end, sent_end))


def _clause_end(text: str, pos: int, sent_end: int) -> int:
    """End of the clause a quoted fragment sits in: the sentence end, without its final full stop."""
    end = sent_end
    while end > pos and text[end - 1] in ".!?…":
        end -= 1
    return end


def _indirect(doc: Document, cue: _Cue, sent: tuple[int, int], resolver: SpeakerResolver) -> Quote | None:
    text = doc.text
    if cue.lemma == "according to":
        mention = find_speaker_after(text, cue.end, sent[1]) or _source_phrase(text, cue.end, sent[1])
        if mention is None:
            return None
        lead = text[sent[0] : cue.start]
        comma = text.find(",", mention.end, sent[1])
        if not lead.strip() and mention.end <= comma < cue.end + 200 and len(TOKEN.findall(text[comma : sent[1]])) >= 3:
            # 'According to early results of exit polls conducted by ..., majorities of voters ...'
            start = comma + 1 + len(text[comma + 1 : sent[1]]) - len(text[comma + 1 : sent[1]].lstrip())
            if mention.end < comma and not re.search(r"[.;:]\s", text[mention.end : comma]):
                mention = Mention(text[mention.start : comma], mention.start, comma, mention.type)
            return _make("indirect", start, _clause_end(text, start, sent[1]), mention, cue, resolver, "according to X, clause", text)
        rest = text[mention.end : sent[1]]
        m = re.match(r"\s*,\s*", rest)
        if m and len(TOKEN.findall(rest)) >= 3:
            start = mention.end + m.end()
            return _make("indirect", start, _clause_end(text, start, sent[1]), mention, cue, resolver, "according to X, clause", text)
        # "clause, according to X."
        head = text[sent[0] : cue.start].rstrip(" ,")
        if len(TOKEN.findall(head)) >= 3:
            return _make("indirect", sent[0], sent[0] + len(head), mention, cue, resolver, "clause, according to X", text)
        return None
    if cue.lemma == "ask":
        return _asked(text, cue, sent, resolver)
    if _passive(text, cue):
        return None
    before = text[sent[0] : cue.start]
    # "clause, X said." — the cue near the sentence end, after a comma.
    comma = before.rfind(",")
    tail = text[cue.end : sent[1]]
    mention = _plausible(find_speaker_before(text, cue.start, sent[0]), resolver)
    if mention is None:
        mention = _quantity_speaker(text, cue.start, sent[0]) or _coordinated_subject(text, cue, sent)
    tail_words = TOKEN.findall(tail)
    if (
        comma > 0
        and mention is not None
        and mention.start > sent[0] + comma
        and len(TOKEN.findall(before[:comma])) >= 3
        and len(tail_words) <= 6
        and not (len(tail_words) > 2 and (tail_words[0].lower() == "that" or _starts_clause(text, cue.end + 1)))
    ):
        start, rule = sent[0], "clause, then speaker and verb"
        para = next((p for p in doc.paragraphs if p.start <= sent[0] < p.end + 1), None)
        if para is not None and para.start < sent[0] and _only_paraphrase(text[para.start : sent[0]]):
            # "...(several sentences of a pundit's view)... , he opined." at a paragraph's end
            start, rule = para.start, "paragraph, then speaker and verb"
        return _make("indirect", start, sent[0] + comma, mention, cue, resolver, rule, text)
    # "X said (that) clause."
    if mention is not None:
        m = _THAT.match(text, cue.end)
        start = m.end() if m else cue.end
        if cue.lemma == "tell":
            m2 = re.match(r"\s*(?:[A-Z][\w.’'-]*\s*){1,4}(?:that\s+)?|\s*(?:reporters|journalists|the \w+)\s+(?:that\s+)?"
                          r"|\s*(?:[\w.’'-]+\s+){1,8}?that\s+", text[cue.end : sent[1]])
            if not m2:
                return None
            start = cue.end + m2.end()
        end = _clause_end(text, start, sent[1])
        if len(TOKEN.findall(text[start:end])) >= 3 and (text[cue.end : start].strip().endswith("that") or _starts_clause(text, start)):
            return _make("indirect", start, end, mention, cue, resolver, "speaker and verb, then a clause", text)
    # "clause, said X."
    after = find_speaker_after(text, cue.end, sent[1])
    if comma > 0 and after is not None and before.rstrip().endswith(",") and len(TOKEN.findall(before)) >= 3:
        return _make("indirect", sent[0], sent[0] + comma, after, cue, resolver, "clause, then verb and speaker", text)
    return None


_QUANTITY = re.compile(
    r"(?:(?:more|fewer|less) than |about |nearly |almost |roughly |just |only |some )?"
    r"(?:\d[\d.,]*\s?(?:%|percent|per cent)|\w+ (?:in|of) (?:\d+|ten)|\w+-(?:thirds|fourths|quarters|fifths)|half|"
    r"a (?:third|quarter|majority|plurality)|most|the majority)(?: of (?:\w+ ){0,3}?\w+)?\s+(?:\w+ly\s+)?$"
)


_QUESTION = re.compile(r"\s+(?:(?:[\w’'.-]+\s+){0,5}?)(?P<q>whether|if|why|how|what|who|when|where|about|to)\b")


def _asked(text: str, cue: _Cue, sent: tuple[int, int], resolver: SpeakerResolver) -> Quote | None:
    """Reported questions: 'Todd asked Pence whether ...', 'Asked about Sullivan, Feinstein said'."""
    m = _QUESTION.match(text, cue.end)
    if m is None or re.search(r"[,.;:]", text[cue.end : m.start("q")]):
        return None
    start = m.start("q")
    head = text[sent[0] : cue.start]
    if re.fullmatch(r"\s*(?:[Ww]hen\s+)?(?:(?:was|were)\s+)?", head):
        # 'Asked whether ..., Mr. Trump said:' — the question ends where the main clause starts
        comma = text.rfind(",", start, sent[1])
        if comma < 0:
            return None
        return _make("indirect", start, comma, None, cue, resolver, "a reported question", text)
    mention = None if _passive(text, cue) else _plausible(find_speaker_before(text, cue.start, sent[0]), resolver)
    end = _clause_end(text, start, sent[1])
    if len(TOKEN.findall(text[start:end])) < 2:
        return None
    return _make("indirect", start, end, mention, cue, resolver, "a reported question", text)


def _source_phrase(text: str, pos: int, limit: int) -> Mention | None:
    """The noun phrase after 'according to' when it is not a name: 'the poll', 'media buying sources'."""
    m = re.match(r"\s*((?:the |a |an |his |her |their |its )?[\w’'-]+(?: [\w’'-]+){0,5}?)(?=\s*(?:[,.;]|$))", text[pos:limit])
    if m is None:
        return None
    a = pos + m.start(1)
    return Mention(m.group(1), a, pos + m.end(1), "role")


def _quantity_speaker(text: str, cue_start: int, sent_start: int) -> Mention | None:
    """Poll answers: '61 percent said', 'six in 10 said', 'two-thirds of voters say'."""
    head = text[max(sent_start, cue_start - 60) : cue_start]
    m = _QUANTITY.search(head)
    if m is None:
        return None
    a = cue_start - len(head) + m.start()
    phrase = m.group().rstrip()
    return Mention(phrase, a, a + len(phrase), "anonymous")


def _coordinated_subject(text: str, cue: _Cue, sent: tuple[int, int]) -> Mention | None:
    """'Clinton has expressed concerns but has said she wants ...': coordinated verbs share a subject."""
    head = text[max(sent[0], cue.start - 40) : cue.start]
    if not re.search(r"\b(?:and|but)\s+(?:(?:has|have|had|also|then|later|\w+ly)\s+)*$", head):
        return None
    return _sentence_subject_mention(text, sent[0], cue.start)


_CLAUSE_START = re.compile(
    r"\s*(?:the|a|an|he|she|they|it|we|i|there|this|that|these|those|his|her|their|its|our|[A-Z][\w’'-]+)\b", re.I
)


def _only_paraphrase(text: str) -> bool:
    """No quotation mark and no reporting verb: sentences a closing cue can cover."""
    if any(ch in text for ch in "\"“”„«»"):
        return False
    forms = verb_forms()
    return not any(w.lower() in forms for w in TOKEN.findall(text) if w.islower())


def _starts_clause(text: str, pos: int) -> bool:
    """Does a subject (a pronoun, a determiner or a name) start at ``pos``?"""
    return bool(_CLAUSE_START.match(text, pos))


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
    return Quote(
        kind="embedded_post", start=p.start, end=p.end,
        speaker=mention.text if mention else "", speaker_start=mention.start if mention else -1,
        speaker_end=mention.end if mention else -1, speaker_name=mention.text if mention else "",
        speaker_type="social_post", side=info.side if info else "unknown", rule="embedded post and its signature",
    )
