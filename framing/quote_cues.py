"""Attributing one quotation by the cue beside it.

The steps :func:`framing.quotes.find_quotes` tries for a span in quotation marks: a cue
after it ('"...," he said', '"...," said X', an unlisted verb after a name), a cue before
it ('X said: "..."', 'X called it "..."', 'according to X, "..."', 'his call for "..."'),
an unclosed quote that ends with its attribution, and a colon after a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .after_cue import told_addressee_end
from .attribution import (
    _ABBREV,
    _GAP_PUNCT,
    _INDIRECT,
    _SENT_END,
    _THAT,
    Quote,
    _clause_end,
    _Cue,
    _cues_between,
    _descriptor_only,
    _in_object_position,
    _links_to_cue,
    _make,
    _participle_after_comma,
    _passive,
    _plausible,
    _sentence_subject_mention,
)
from .indirect import _VERB_LIKE
from .indirect_speakers import _across_gap, _coordinated_subject, _of_head, _quantity_speaker
from .model import Document
from .quotemarks import QuoteSpan
from .resolver import SpeakerResolver
from .speakers import Mention, find_speaker_after, find_speaker_before
from .tokens import TOKEN
from .verbs import SPEECH_CLASSES, verb_forms

_NOMINAL_CUE = re.compile(
    r"\b(?P<poss>[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?['’]s)\s+(?:\w+\s+)?"
    r"(?P<noun>call|calls|claim|claims|promise|promises|pledge|vow|demand|demands|warning|statement|comments|"
    r"remarks|accusation|assertion|insistence|suggestion|words|plea|proposal|description|argument|charge)\b"
    r"(?:\s+(?:for|that|of|to))?\s*"
)


_THAT_NEXT = re.compile(r"\s+that\b")


_TRAILING_CUE = re.compile(r",\s+(?P<rest>[^,;:\"“”.!?\n]{1,60}?)[.!?]?\s*$")


def _cue_inside_unclosed(text: str, s: QuoteSpan, resolver: SpeakerResolver) -> Quote | None:
    """'"The statements ... are widely spread, he added.' (no closing mark): the quote ends at the comma."""
    m = _TRAILING_CUE.search(text, s.start, s.end)
    if m is None:
        return None
    comma = m.start()
    forms = verb_forms()
    toks = list(TOKEN.finditer(text, m.start("rest"), m.end("rest")))
    for t in (toks[-1:] + toks[:1]) if toks else []:
        form = t.group()
        if form not in forms or forms[form][1] not in SPEECH_CLASSES:
            continue
        cue = _Cue(t.start(), t.end(), form, *forms[form])
        if t is toks[-1]:
            mention = find_speaker_before(text, cue.start, comma + 1)  # ', he added.'
            if mention is None or text[comma + 1 : mention.start].strip():
                continue
        else:
            mention = find_speaker_after(text, cue.end, m.end("rest"))  # ', said the pundit.'
            if mention is None:
                continue
        return _make("direct", s.start, comma + 1, mention, cue, resolver,
                     "an unclosed quote, then speaker and verb", text)
    return None


def _make_colon(
    content: tuple[int, int], mention: Mention, colon: int, resolver: SpeakerResolver, text: str, rule: str
) -> Quote:
    cue = _Cue(colon, colon + 1, ":", "", "none")
    q = _make("direct", *content, mention, cue, resolver, rule, text)
    return replace(q, cue=":", cue_start=colon, cue_end=colon + 1)


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
    closes_sentence = text[s.start : s.end].rstrip().endswith(".")
    for cue in after[:2]:
        if closes_sentence and _COLON_QUOTE.match(text, cue.end):
            continue  # '“… us.” Jones said: “No way.”': the cue introduces the next quote
        between = text[b : cue.start]
        if closes_sentence and not between.strip().startswith(",") and (cue.start >= sent[1] or _THAT_NEXT.match(text, cue.end)):
            continue  # 'Japan branded it an "outlaw nation." Russia insisted that ...': the next sentence's verb
        if re.search(r"[.!?]\s", _ABBREV.sub("", between)) and not between.strip().startswith((",", "”", '"')):
            continue
        # '"...," Deborah Tamargo, the chairwoman of ..., recalled': the name right after the quote
        mention = find_speaker_after(text, b, cue.start) if between.strip(" ,\u00a0") else None
        if mention is not None and not _links_to_cue(text[mention.end : cue.start]):
            mention = None
        if mention is None:
            mention = find_speaker_before(text, cue.start, b)
        if mention is not None and not _descriptor_only(
            text[b : mention.start], after_comma=mention.type == "person" and bool(re.search(r"[,!?]\W*$", text[s.start : b]))
        ):
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


_COLON_QUOTE = re.compile(r"\s*:\s*[“\"«„]")


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
    outer = [c for c in before[:-1] if c.cls in SPEECH_CLASSES and c.lemma in _INDIRECT
             and not re.search(r"\b(?:who|which)\s+(?:\w+\s+){0,2}$", text[max(0, c.start - 30) : c.start])]
    if outer and _last_cue_governs(text, outer[0], before[-1], a):
        outer = []
    active = [c for c in before if not _passive(text, c)]  # 'should be recognized as "..."' speaks for no one
    if active and _participle_after_comma(text, active[-1]) and text[active[-1].start - 2 : active[-1].start] == ", ":
        outer = []  # 'Trump has indicated he would ..., vowing to "open up" libel laws': the participle
    elif before and re.search(r",\s+(?:who|which)\s+(?:\w+\s+){0,2}$", text[max(0, before[-1].start - 30) : before[-1].start]):
        outer = []  # '..., Armen Smbatyan, who believes that Israel "may stop ..."': the relative clause speaks
    for cue in [*outer[:1], *reversed(before[-2:])]:
        between = text[cue.end : a]
        if re.match(r"\s+that\s", between) and not _SENT_END.search(text[cue.end : a]):
            # 'X alleged that the DNC "failed ..."': a mixed quote even if X cannot be found
            if _participle_after_comma(text, cue):
                mention = _participle_subject(ctx, cue)
            else:
                mention = _of_head(text, find_speaker_before(text, cue.start, sent[0]), sent[0])
                if mention is not None and _in_object_position(text, mention, sent[0]):
                    mention = _sentence_subject_mention(text, sent[0], mention.start)
                if mention is None:
                    # 'X did this and said that "..."', '21 percent said "not too likely"', '..., going on
                    # to say that "..."'
                    mention = _coordinated_subject(text, cue, sent) or _quantity_speaker(text, cue.start, sent[0]) \
                        or _across_gap(text, cue, sent, resolver)
            mention = _plausible(mention, resolver)
            used.add(cue.start)
            m = _THAT.match(text, cue.end)
            start = m.end() if m else cue.end
            end = _fragment_end(text, s, sent[1])
            if start == s.open_at and _whole_clause(text, s, sent[1]):
                # 'X stated that "the contingent is deployed ... forces".': the whole reported clause is quoted
                return _make("direct", *content, mention, cue, resolver, "speaker and verb that, then the whole clause quoted", text)
            return _make("mixed", start, end, mention, cue, resolver, "speaker and verb that, then a quoted fragment", text)
        if cue.lemma == "according to":
            mention = find_speaker_after(text, cue.end, a)
            if mention is not None and text[mention.end : a].strip() == ":" and len(TOKEN.findall(text[sent[0] : cue.start])) >= 3:
                # 'Events may inspire ..., according to Giragosian: "..."': the clause before is reported
                # with 'according to' (left for the indirect rules), the quote is introduced by the colon
                colon = text.index(":", mention.end, a)
                return _make_colon(content, mention, colon, resolver, text, "a name and a colon")
        elif _passive(text, cue):
            m_by = re.match(r"\s+by\s+", text[cue.end : a])
            mention = find_speaker_after(text, cue.end + m_by.end() - 1, a) if m_by else None
        elif _participle_after_comma(text, cue):
            # 'Trump warned against ..., pledging to "bomb ..."': the speaker is the sentence's subject,
            # unless a name stands right before the participle ('footage of Trump saying')
            mention = _own_subject(text, cue, sent[0]) or _participle_subject(ctx, cue)
        else:
            mention = find_speaker_before(text, cue.start, sent[0]) or _quantity_speaker(text, cue.start, sent[0])
            if mention is not None and _in_object_position(text, mention, sent[0]):
                # 'Other leaders ... denounce what X called ...' is fine, but 'He did not address
                # his series of tweets in which ...': an object is not the speaker
                mention = _sentence_subject_mention(text, sent[0], mention.start)
            if mention is None:
                mention = _coordinated_subject(text, cue, sent)  # 'He praised them but said, "..."'
            if mention is None:
                after = find_speaker_after(text, cue.end, a)
                # only 'said Name: "..."', where the quote follows the name at once
                if after is not None and not text[after.end : a].strip(" \t\u00a0,:—–-"):
                    mention = after
        if mention is None:
            continue
        used.add(cue.start)
        told = cue.end
        if cue.lemma == "tell":
            # 'telling Reuters, "..."', 'told the U.N. Security Council on Monday: "..."': the one told
            # (and when) is not part of what was said
            told = told_addressee_end(text, cue.end, a)
            between = text[told:a]
        words_between = [w for w in TOKEN.findall(between) if w.lower() not in ("that",)]
        if mention.start >= cue.end:
            words_between = TOKEN.findall(text[mention.end : a])
        if words_between and cue.lemma != "according to":
            # a fragment inside paraphrase: the content is the whole reported clause
            m = _THAT.match(text, told if mention.start < cue.end else mention.end)
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


_NEW_CLAUSE = re.compile(r"[,;]\s+(?:though|although|but|while|whereas|because|as|when|and|so)\s")
_INTRODUCES = re.compile(r"[^.!?;\"“”]{0,40}?[,:]\s*$")


def _last_cue_governs(text: str, outer: _Cue, last: _Cue, quote_at: int) -> bool:
    """Does the verb nearest a quote speak it, rather than the first verb of the sentence?

    The first verb governs a clause reported inside it ('Cruz said Rubio would be "..."'), but
    not when the nearest verb starts a new clause ('an estimate for his plans, though he said
    "..."') or introduces the quote itself ('The spot concludes with footage of Trump saying
    during the debate, "..."').
    """
    return bool(
        _NEW_CLAUSE.search(text, outer.end, last.start)
        or last.cls in SPEECH_CLASSES and _INTRODUCES.fullmatch(text, last.end, quote_at)
    )


def _own_subject(text: str, cue: _Cue, sent_start: int) -> Mention | None:
    """A name right before a participle, with no comma between: its own subject ('of Trump saying')."""
    mention = find_speaker_before(text, cue.start, sent_start)
    if mention is None or mention.type != "person" or text[mention.end : cue.start].strip():
        return None
    return mention


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
            after = find_speaker_after(text, p.end, cue.start) if _after_quote(text, p.start) else None
            if after is not None and not text[after.end : cue.start].strip(" ,"):
                return after  # '"…," said Mr. Burr, adding' (not 'X questioned the bank's decision, saying')
            if not gap.strip(" ,") or re.fullmatch(r"[\s,]*(?:\w+\s+){0,4}?(?:before|and|then)?\s*", gap):
                left = text.rfind("\n", 0, p.start) + 1
                quote_end = max(text.rfind(ch, left, p.start) for ch in "\"”'’»")
                before = find_speaker_before(text, p.start, max(sent[0], left, quote_end + 1))
                if before is not None:
                    return before  # '"...," he said, adding'
    return _sentence_subject_mention(text, sent[0], cue.start)


def _after_quote(text: str, at: int) -> bool:
    """Does a closing quotation mark (and a comma) stand right before ``at``? ('"…," said X')"""
    return text[max(0, at - 4) : at].rstrip().endswith(('"', "”", "’", "'", "»"))


def _whole_clause(text: str, s: QuoteSpan, sent_end: int) -> bool:
    """Does the quote run from its opening mark to the sentence end, a clause of its own
    (a verb among at least four words), with only punctuation after the closing mark?"""
    if s.close_at is None or text[s.outer_end : sent_end].strip(" .!?…\"”’'"):
        return False
    return len(TOKEN.findall(text[s.start : s.end])) >= 4 and _VERB_LIKE.search(text, s.start, s.end) is not None


def _fragment_end(text: str, s: QuoteSpan, sent_end: int) -> int:
    """End of a mixed quote: the clause end, or the quote's own end when it closes the sentence."""
    if re.search(r"[.!?…]\W*$", text[s.start : s.end]):
        return s.outer_end
    return max(s.outer_end, _clause_end(text, s.outer_end, sent_end))
