"""Indirect speech: reported clauses with no quotation marks.

"Mammadov alleged that ...", "clause, X said.", "According to X, clause", reported
questions ("asked whether ..."), poll answers ("six in 10 said ...") and data verbs ("the
poll shows ..."). :func:`_indirect` is called by :func:`framing.quotes.find_quotes` for every
cue that no quotation used.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .after_cue import (
    ANY_WORD,
    CLAUSE_VERBS,
    PHRASE_THEN_THAT,
    PREPOSITION,
    WEEKDAYS,
    after_circumstances,
    reported_after,
    told_addressee_end,
)
from .attribution import (
    _THAT,
    Quote,
    _clause_end,
    _Cue,
    _find_cues,
    _has_tokens,
    _make,
    _passive,
    _plausible,
    _sentence_subject_mention,
    _with_aux,
    participle,
)
from .colon_speech import block_after_colon
from .cue_patterns import CASE_THAT, FOR_FROM, IN_OPINION, PUBLISHED_BY, RAISED_LINK
from .indirect_speakers import (
    _AUXILIARIES,
    _MODALS,
    _across_gap,
    _after_preposition,
    _clause_subject,
    _coordinated_subject,
    _first_visible,
    _letter_writer,
    _of_head,
    _plain_np_subject,
    _previous_speaker,
    _quantity_speaker,
    _source_phrase,
    _whole_subject,
)
from .model import Document
from .object_speech import NOUN_OBJECT, NP_OBJECT, OBJECT_ONLY, SMALL_CLAUSE, object_content
from .passive_source import RULE as PASSIVE_SOURCE_RULE
from .passive_source import source_and_subject
from .report_end import NOT_SUBJECT as _NOT_SUBJECT
from .report_end import before_coordinated_cue
from .resolver import SpeakerResolver
from .speakers import Mention, find_speaker_after, find_speaker_before
from .tokens import TOKEN
from .verbs import DATA_VERBS, verb_forms

PARAGRAPH_RULE = "paragraph, then speaker and verb"


def _indirect(doc: Document, cue: _Cue, sent: tuple[int, int], resolver: SpeakerResolver) -> Quote | None:
    text = doc.text
    if cue.lemma == "according to":
        mention = find_speaker_after(text, cue.end, sent[1]) or _source_phrase(text, cue.end, sent[1])
        if mention is None:
            return None
        lead = text[sent[0] : cue.start]
        comma = text.find(",", mention.end, sent[1])
        if not lead.strip() and mention.end <= comma < cue.end + 200 and _has_tokens(text, comma, sent[1], 3):
            # 'According to early results of exit polls conducted by ..., majorities of voters ...'
            start = _first_visible(text, comma + 1, sent[1])
            if mention.end < comma and not re.search(r"[.;:]\s", text[mention.end : comma]):
                mention = Mention(text[mention.start : comma], mention.start, comma, mention.type)
            return _make("indirect", start, _clause_end(text, start, sent[1]), mention, cue, resolver, "according to X, clause", text)
        rest = text[mention.end : sent[1]]
        m = _ASIDE_END.match(rest)
        head = text[sent[0] : cue.start].rstrip(" ,")
        if m and len(TOKEN.findall(head)) >= 3 and _finite_clause(text, sent[0], sent[0] + len(head)):
            # 'Turnout was low, according to officials, and the vote was delayed.': a clause before
            # the source is what it reports, not the words after it
            return _make("indirect", sent[0], sent[0] + len(head), mention, cue, resolver, "clause, according to X", text)
        if m and _SHORT_SUBJECT.fullmatch(head) and _INTERRUPTED.match(rest):
            # 'The economy, according to the IMF, is slowing': the subject before, its verb after
            return _around(text, sent, sent[0] + len(head), mention.end + m.end(), mention, cue, resolver,
                           "clause, according to X set off by commas, clause")
        if m and _has_tokens(text, mention.end, sent[1], 3):
            start = mention.end + m.end()
            return _make("indirect", start, _clause_end(text, start, sent[1]), mention, cue, resolver, "according to X, clause", text)
        # "clause, according to X."
        head = text[sent[0] : cue.start].rstrip(" ,")
        if len(TOKEN.findall(head)) >= 3:
            return _make("indirect", sent[0], sent[0] + len(head), mention, cue, resolver, "clause, according to X", text)
        return None
    if cue.lemma == "ask":
        return _asked(text, cue, sent, resolver)
    if cue.lemma == "based on":
        return _based_on(text, cue, sent, resolver)
    if cue.lemma == "a call for":
        return _call_from(text, cue, sent, resolver)
    if cue.lemma == "raised by":
        return _raised_by(text, cue, sent, resolver)
    if cue.lemma == IN_OPINION:
        # 'In his opinion, it was an Armenian group ...': the possessive speaks the clause after the comma
        m = _OPINION_OWNER.match(text, cue.start)
        comma = text.find(",", cue.end, cue.end + 2)
        if m is None or comma < 0:
            return None
        who = m.group("poss")
        name = who[:-2] if who.endswith(("'s", "’s")) else who
        mention = Mention(name, m.start("poss"), m.start("poss") + len(name), "pronoun" if name == who else "person")
        start = _first_visible(text, comma + 1, sent[1])
        return _make("indirect", start, _clause_end(text, start, sent[1]), mention, cue, resolver, "in X's opinion, clause", text)
    passive = _passive(text, cue)
    if passive and (found := source_and_subject(text, sent, cue.start)) is not None:
        return _make("indirect", found[1], found[2], found[0], cue, resolver, PASSIVE_SOURCE_RULE, text)
    if passive or cue.lemma == "speak" and _SPOKE_OF.match(text, cue.end, sent[1]) is None:
        return None  # 'spoke at a rally', 'speaking through a translator': where, to whom, not what
    before = text[sent[0] : cue.start]
    # "clause, X said." — the cue near the sentence end, after a comma.
    comma = before.rfind(",")
    tail = text[cue.end : sent[1]]
    if (dash := _DASH.match(text, after_circumstances(text, cue.end, sent[1]), sent[1])) is not None:
        tail = text[cue.end : dash.start()]  # '..., the source said – although it is not clear ...'
    elif (adjunct := _ADJUNCT.match(text, after_circumstances(text, cue.end, sent[1]), sent[1])) is not None:
        tail = text[cue.end : adjunct.start()]  # '..., lawmakers said Friday, as they bristled at ...'
    if comma > 0 and not before[comma + 1 :].strip() and _SHORT_SUBJECT.fullmatch(before[:comma]) \
            and (after := find_speaker_after(text, cue.end, sent[1])) is not None \
            and _INTERRUPTED.match(text, after.end, sent[1]):
        # 'The deal, said a person briefed on the talks, is off.': the verb and its speaker set off
        # by commas between a subject and its verb
        rest = _ASIDE_END.match(text, after.end).end()  # type: ignore[union-attr]  (a comma is there)
        return _around(text, sent, sent[0] + comma, rest, after, cue, resolver,
                       "clause, verb and speaker set off by commas, clause")
    if participle(cue) and text[max(0, cue.start - 2) : cue.start] == ", ":
        # '..., emphasizing that ...': a participle hangs on the clause before it: the speaker of
        # its reporting verb, else the sentence's subject
        mention = _plausible(_previous_speaker(text, cue, sent), resolver)
        subjects = [lambda: _sentence_subject_mention(text, sent[0], cue.start),
                    lambda: _clause_subject(text, sent[0], cue.start - 2)]
        if _SUBORDINATE_FIRST.match(text, sent[0]):
            # 'While X is ..., separatist authorities have been governing it, considering ...': the
            # participle hangs on the main clause, not on the subordinate one that opens the sentence
            subjects.reverse()
        for subject in subjects:
            mention = mention or _plausible(subject(), resolver)
    else:
        mention = _of_head(text, _plausible(find_speaker_before(text, cue.start, sent[0]), resolver), sent[0])
        if mention is not None and not cue.text.endswith("ing") and _after_preposition(text, mention, sent[0]):
            # 'Azer Gasimli, ..., in an interview with Radio Azadlig expressed ...' (and 'in their report
            # they could not resist pointing out': only a one-word participle has its own speaker rules)
            mention = _plausible(_sentence_subject_mention(text, sent[0], mention.start), resolver) or mention
            mention = _whole_subject(text, mention, cue.start, sent[0])
        elif mention is not None and participle(cue):
            # 'penned an urgent letter to President Putin requesting ...': the writer requests
            mention = _letter_writer(text, mention, sent[0], resolver) or mention
    if mention is None:
        mention = _across_gap(text, cue, sent, resolver) or _quantity_speaker(text, cue.start, sent[0]) \
            or _coordinated_subject(text, cue, sent) \
            or _plausible(_plain_np_subject(text, cue, _with_aux(text, cue)[0], sent[0]), resolver)
    if mention is None and participle(cue) and _SPEECH_NOUN_BEFORE.search(text, max(sent[0], cue.start - 30), cue.start):
        return _unattributed_statement(text, cue, sent, resolver)
    if (block := block_after_colon(doc, cue, mention, resolver)) is not None:
        return block  # 'The governor added: It’s typical of …' (a block quotation that lost its marks)
    if cue.lemma in OBJECT_ONLY:
        # 'called the charges unsubstantiated', 'raised the possibility of ...': an object or nothing
        span = object_content(text, cue.lemma, cue.end, sent[1]) if mention is not None else None
        return None if span is None else _make("indirect", *span, mention, cue, resolver, OBJECT_RULE, text)
    # the speaker and verb come after a comma that closes a clause of three words or more
    after_clause = (
        comma > 0 and mention is not None and mention.start > sent[0] + comma and (
            _has_tokens(text, sent[0], sent[0] + comma, 3)
            # 'The museum, Mr. Obama said, would make ...': a subject interrupted by the attribution
            or _INTERRUPTED.match(tail) is not None and _SHORT_SUBJECT.fullmatch(before[:comma]) is not None
        )
    )
    tail_words = TOKEN.findall(tail) if after_clause else []  # (read only after a clause)
    relative = _RELATIVE_HEAD.fullmatch(text, sent[0] + comma + 1, mention.start) if after_clause else None  # type: ignore[union-attr]
    if after_clause and relative is None and (
            mention.text.lower() in _RELATIVES  # type: ignore[union-attr]  (set when after_clause)
            or _RELATIVE_OPEN.match(text, sent[0] + comma + 1, mention.start)):  # type: ignore[union-attr]
        after_clause = False  # '..., which other lawmakers have criticized.', '..., who stressed': a relative
        # clause says nothing of the clause before its comma (what follows its verb may be its report)
    if relative is not None:
        # '..., claims that Baku denies.': the speaker answers the noun, not the clause before it
        np = "np" if relative.group("np") else "pron"
        return _make("indirect", relative.start(np), relative.end(np), mention, cue, resolver,
                     "noun, that speaker and verb", text)
    aside = _ASIDE_END.match(tail)  # 'Nor does she have plans, advisers say, to take cues ...'
    if (
        after_clause
        and aside is not None
        and len(tail_words) > 2
        and _PARTICIPLE_AFTER.match(tail) is None
        and not text[sent[0] + comma + 1 : mention.start].strip()  # type: ignore[union-attr]  (set when after_clause)
    ):
        # an attribution set off by commas inside the sentence: what was said is on both sides of it
        return _around(text, sent, sent[0] + comma, cue.end + aside.end(), mention, cue, resolver,  # type: ignore[arg-type]
                       "clause, speaker and verb set off by commas, clause")
    if after_clause and not _phrase_only(text, sent[0], sent[0] + comma) and (
            _PARTICIPLE_AFTER.match(tail) is not None
            or len(tail_words) <= 6
            and not (len(tail_words) > 2 and (reported_after(text, cue.end, cue.lemma, sent[1])
                                             # ('..., will matter more than what Trump said over breakfast.')
                                             or text[sent[0] + comma + 1 : mention.start].strip() != ""))  # type: ignore[union-attr]
    ):
        start, rule = sent[0], "clause, then speaker and verb"
        if (dateline := _DATELINE.match(text, sent[0], sent[0] + comma)) is not None:
            start = dateline.end()  # 'WASHINGTON ― clause, lawmakers said': the place the story was filed from
        para = next((p for p in doc.paragraphs if p.start <= sent[0] < p.end + 1), None)
        if para is not None and para.start < sent[0] and _only_paraphrase(text[para.start : sent[0]]):
            # "...(several sentences of a pundit's view)... , he opined." at a paragraph's end
            start, rule = para.start, PARAGRAPH_RULE
        return _make("indirect", start, sent[0] + comma, mention, cue, resolver, rule, text)
    # "clause, said X, a political scientist." — the verb right after the comma, its speaker right after it
    after = find_speaker_after(text, cue.end, sent[1]) if before.rstrip().endswith(",") else None
    if comma > 0 and after is not None and not text[cue.end : after.start].strip() and not before[comma + 1 :].strip() \
            and _has_tokens(text, sent[0], cue.start, 3) and not participle(cue) and (
                after.type == "person" and text[after.end : after.end + 1] in (",", ".")
                # '..., said one GOP source in the room.', '..., the economy is slowing, said a senior
                # official': after a clause (a verb in it), a speaker of any kind ends the sentence
                or cue.lemma in CLAUSE_VERBS and cue.lemma != "tell" and after.type in _INVERTED_TYPES
                and _INVERTED_TAIL.fullmatch(text, after.end, sent[1]) is not None
                and not _finite_clause(text, after.end, sent[1])
                and _finite_clause(text, sent[0], sent[0] + comma) and not _finite_clause(text, after.start, after.end)):
        return _make("indirect", sent[0], sent[0] + comma, after, cue, resolver, "clause, then verb and speaker", text)
    if mention is not None and cue.lemma == "call for" \
            and (span := object_content(text, cue.lemma, cue.end, sent[1])) is not None \
            and not _GAPPED.match(text, span[0], span[1]):  # ('as the letter called for would mark ...')
        return _make("indirect", *span, mention, cue, resolver, OBJECT_RULE, text)  # never a clause: up to a comma
    # "X said (that) clause."
    if mention is not None:
        pos = after_circumstances(text, cue.end, sent[1])
        m = _THAT.match(text, pos)
        start = m.end() if m else pos
        if cue.lemma in CLAUSE_VERBS and "that" not in text[pos:start] and PREPOSITION.match(text, start):
            # 'says at a campaign stop in Toledo, Ohio, that it means ...': the clause after 'that';
            # 'Mr. Obama said in his interview.': nothing said after the verb
            m = PHRASE_THEN_THAT.match(text, start, sent[1])
            start = sent[1] if m is None else m.end()
        if cue.lemma == "speak":  # 'spoke to reporters about ...': what follows 'about'
            start = _SPOKE_OF.match(text, cue.end, sent[1]).end()  # type: ignore[union-attr]  (checked above)
        elif cue.lemma == "make the case":  # 'make the case to Putin that ...'
            m2 = CASE_THAT.match(text, cue.end, sent[1])
            if not m2:
                return None
            start = m2.end()
        elif cue.lemma == "tell" and (told := told_addressee_end(text, cue.end, sent[1])) > cue.end:
            start = _THAT.match(text, told).end()  # type: ignore[union-attr]  ('told the Council on Monday that')
        elif cue.lemma == "tell":
            m2 = re.match(r"\s*(?:[A-Z][\w.’'-]*\s*){1,4}(?:that\s+)?|\s*(?:reporters|journalists|the \w+)\s+(?:that\s+)?"
                          r"|\s*(?:[\w.’'-]+\s+){1,8}?that\s+", text[cue.end : sent[1]])
            if not m2:
                return None
            start = after_circumstances(text, cue.end + m2.end(), sent[1])  # 'told reporters on Monday that'
            start = _THAT.match(text, start).end()  # type: ignore[union-attr]  (the pattern matches empty text)
        end = _clause_end(text, start, sent[1])
        if _REQUEST.match(text, start, end) or cue.text.endswith("ed") and _BY_AGENT.match(text, start, end) \
                and not text[cue.end : start].strip().endswith("that"):
            return None  # 'did not respond to a request for comment': the request, not what was said; 'was
            # first reported by The Washington Post': a passive's agent
        if cue.lemma in ("recognise", "recognize") and _RECOGNISED_AS.match(text, start, end):
            return None  # 'No country recognises Karabakh as an independent state': a status, not a report
        if cue.lemma in DATA_VERBS and not _VERB_LIKE.search(text, start, end) \
                and not text[cue.end : start].rstrip().endswith("that"):
            return None  # 'the video shows a crowd': an object, not a finding (but 'shows that ...')
        end = before_coordinated_cue(text, start, end)  # 'expressed concerns but has said ...'
        if _SUBORDINATE.match(text, sent[0], cue.start) and "," not in text[sent[0] : cue.start] \
                and (stop := _SUBORDINATE_END.search(text, start, end)) is not None:
            end = stop.start()  # 'Although X denied A, Y ruled in B.', 'When X noted that A ― B': the
            # subordinate clause ends at its comma or dash
        that = text[cue.end : start].strip().endswith("that")
        if not that and cue.lemma in _OBJECT_NOT_CLAUSE and _GAPPED.match(text, start, end):
            return None  # 'as the letter called for would mark ...': the verb's object is missing (but 'a
            # probe the agency said was ongoing': a clause-taking verb's reported clause lost its subject)
        if cue.lemma == "say" and _YES_NO.fullmatch(text, start, end):
            return _make("indirect", start, end, mention, cue, resolver, "speaker and verb, then yes or no", text)
        if _has_tokens(text, start, end, 1 if cue.lemma == "speak" else 3) \
                and (that or ANY_WORD.match(text, start) or _bare_clause(text, start, end)
                     or cue.lemma in _NUMBER_CLAUSE_VERBS and _NUMBER_SUBJECT.match(text, start, end) is not None):
            return _make("indirect", start, end, mention, cue, resolver, "speaker and verb, then a clause", text)
    # "clause, said X." (``after`` is only looked for after a comma)
    if comma > 0 and after is not None and _has_tokens(text, sent[0], cue.start, 3) \
            and not participle(cue):  # ', saying he ...': 'he' starts the reported clause
        return _make("indirect", sent[0], sent[0] + comma, after, cue, resolver, "clause, then verb and speaker", text)
    # "X denied any gunfight", "X called for a ceasefire", "X urged Baku to ...": a noun phrase;
    # 'considering it their ancestral homeland': a small clause
    if mention is not None and (cue.lemma in NOUN_OBJECT or cue.lemma in SMALL_CLAUSE):
        span = object_content(text, cue.lemma, cue.end, sent[1])
        if span is not None and _has_tokens(text, span[0], span[1], 2):
            return _make("indirect", *span, mention, cue, resolver, OBJECT_RULE, text)
    return None


OBJECT_RULE = "speaker and verb, then what they said (a noun phrase)"


def _around(
    text: str, sent: tuple[int, int], head_end: int, rest: int, mention: Mention, cue: _Cue,
    resolver: SpeakerResolver, rule: str,
) -> Quote:
    """A report in two pieces around its attribution: the sentence's start to ``head_end``, and
    ``rest`` to the clause's end ('The economy, according to the IMF, is slowing')."""
    q = _make("indirect", sent[0], _clause_end(text, rest, sent[1]), mention, cue, resolver, rule, text)
    return replace(q, parts=((sent[0], head_end), (rest, q.end)))
_INVERTED_TYPES = frozenset(("person", "role", "anonymous", "organisation"))
# after the speaker of an inverted attribution: the sentence end, an apposition, or a short phrase
# of place ('said one GOP source in the room.')
_INVERTED_TAIL = re.compile(r"(?:,[^;:]*|\s+(?:in|at|of|with|from|for|on|close\s+to|familiar\s+with)\s[^,;:]{1,60}|(?<=close)\s+to\s[^,;:]{1,60})?[.!?…]*[\"”’']*\s*")
# a prepositional phrase opening the sentence ('At Monday’s debate,', 'By Trump's own admission,')
_OPENING_PREPOSITION = re.compile(
    r"\s*(?:At|By|In|On|For|With|After|Before|During|Despite|Among|Under|From|Since|Until|Like|Unlike|Amid"
    r"|Following|Without|Beyond|Besides)\s"
)
_IRREGULAR_PAST = frozenset(
    """took made gave got went came saw knew thought found left put set kept held ran won lost met sent built
    bought brought paid sold spent began became fought hit cut hurt let shut struck stood told wrote""".split()
)


def _phrase_only(text: str, a: int, b: int) -> bool:
    """Is ``text[a:b]`` a prepositional phrase with no verb ('At Monday’s debate'), not a clause a
    trailing attribution could report?"""
    return _OPENING_PREPOSITION.match(text, a, b) is not None and "," not in text[a:b] and not _finite_clause(text, a, b) \
        and not any(w in _IRREGULAR_PAST for w in TOKEN.findall(text, a, b))


_FINITE_WORDS = frozenset("is are was were has have had will would could can may might must did does do".split())


def _finite_clause(text: str, a: int, b: int) -> bool:
    """Does ``text[a:b]`` hold a lower-case word that is a finite verb or an auxiliary ('is', 'did',
    'deteriorated', 'says')? An apposition ('Phil Smith, a spokesman for the United Mine Workers')
    holds none."""
    forms = verb_forms()
    return any(
        (w in _FINITE_WORDS or w.endswith("ed") or w in forms) and text[m.start() - 1 : m.start()] != "-"  # ('Delhi-based')
        for m in TOKEN.finditer(text, a, b) if (w := m.group()).islower())


# 'The party says 34,570 U.S. citizens living abroad cast votes': a number opening the reported
# clause of a verb that reports clauses only (not 'added 25,000 jobs', 'reported 5,000 cases')
_NUMBER_CLAUSE_VERBS = frozenset(("say", "claim", "allege", "insist", "argue"))
_NUMBER_SUBJECT = re.compile(r"\s*\d[\d,.]*%?(?:\s+[\w.’'-]+){1,8}?\s+(?:[a-z]+ed|cast|were|are|was|is|have|had|will|would)\b")
_YES_NO = re.compile(r"(?:yes|no)\b", re.I)  # '46 percent of voters said yes': the answer


_BY_SOURCE = re.compile(rf"\s+{PUBLISHED_BY}\s*(?P<src>[^,;:.]+?)(?:\s+(?:on|in|at|via|through|during|from)\s[^,;:]*)?,\s*")


_SPEECH_NOUN_BEFORE = re.compile(
    r"\b(?:statements?|reports?|remarks?|comments?|claims?|messages?|announcements?|speeches|posts?|tweets?)\s+$"
)


def _unattributed_statement(text: str, cue: _Cue, sent: tuple[int, int], resolver: SpeakerResolver) -> Quote | None:
    """'Despite occasional statements emphasizing Russia's interest in peace, ...': what statements
    said, with no one named as saying it."""
    m = _THAT.match(text, cue.end)
    if m is not None and text[cue.end : m.end()].strip() == "that":
        start = m.end()
        end = before_coordinated_cue(text, start, _clause_end(text, start, sent[1]))
        if "," in text[start:end]:
            end = text.index(",", start, end)
    else:
        found = NP_OBJECT.match(text, cue.end, sent[1])
        if found is None:
            return None
        start, end = found.span("np")
    if len(TOKEN.findall(text[start:end])) < 3:
        return None
    return _make("indirect", start, end, None, cue, resolver, "a statement, unattributed, and what it said", text)


def _call_from(text: str, cue: _Cue, sent: tuple[int, int], resolver: SpeakerResolver) -> Quote | None:
    """'Calls for a ceasefire from Russia, France and the United States ...': the call is the content,
    who made it follows 'from'."""
    m = FOR_FROM.match(text, cue.end, sent[1])
    if m is None:
        return None
    found = find_speaker_after(text, m.start("src"), m.end("src"))
    mention = Mention(m.group("src"), m.start("src"), m.end("src"), found.type if found is not None else "organisation")
    return _make("indirect", m.start("np"), m.end("np"), mention, cue, resolver, "a call for X from Y", text)


def _raised_by(text: str, cue: _Cue, sent: tuple[int, int], resolver: SpeakerResolver) -> Quote | None:
    """'One notable concern raised by Mammadov pertains to landmines, posing a threat …': who raised
    it follows 'by'; what it is about follows the linking verb, to the end of the sentence."""
    by = text.find("by", cue.end, sent[1])
    found = find_speaker_after(text, by + 2, sent[1]) if by >= 0 else None
    if found is None:
        return None
    m = RAISED_LINK.match(text, found.end, sent[1])
    if m is None:
        return None
    return _make("indirect", m.end(), _clause_end(text, m.end(), sent[1]), found, cue, resolver,
                 "a concern raised by X, and what it is about", text)


def _based_on(text: str, cue: _Cue, sent: tuple[int, int], resolver: SpeakerResolver) -> Quote | None:
    """'Based on footage published by the ministry on its pages, one rocket ... was made in Israel':
    the sentence's clause comes from whoever published what it is based on."""
    m = _BY_SOURCE.match(text, cue.end, sent[1])
    if m is None or text[sent[0] : cue.start].strip():
        return None
    found = find_speaker_after(text, m.start("src"), m.end("src"))
    if found is None:
        return None
    mention = Mention(m.group("src"), m.start("src"), m.end("src"), found.type)
    end = _clause_end(text, m.end(), sent[1])
    if len(TOKEN.findall(text[m.end() : end])) < 3:
        return None
    return _make("indirect", m.end(), end, mention, cue, resolver, "based on what X published, clause", text)


# 'respond to a request for comment', 'reply to questions': what was asked, not an answer
_REQUEST = re.compile(r"\s*to\s+(?:(?:a|an|the|several|repeated|multiple|our|his|her|their)\s+)?(?:\w+\s+)?"
                      r"(?:requests?|questions?|inquiry|inquiries|queries|query|messages?|e-?mails?|calls?|phone\s+calls?)\b")
_BY_AGENT = re.compile(r"by\s+(?![\w’'-]+ing\b)")  # ('responded by saying': how, not by whom)
# a wire story's dateline: 'WASHINGTON ― ', 'MOSCOW (Reuters) - ', 'BAKU, Azerbaijan (AP) — '
_DASHES = "―—–"  # horizontal bar, em dash, en dash
_DATELINE = re.compile(rf"[A-Z][A-Z.’' -]{{2,30}}(?:,\s+[A-Z][\w. ]{{1,30}})?(?:\s*\([^()]{{1,30}}\))?\s+[{_DASHES}-]{{1,2}}\s+")
# a subordinate clause after the attribution: how or when it was said, never what
_ADJUNCT = re.compile(r"\s*,\s+(?:as|while|amid|after|before|because|when|since|though|although)\s")
_DASH = re.compile(rf"\s*[{_DASHES}]\s|\s+--?\s")  # a dash that ends what a trailing attribution covers


_OPINION_OWNER = re.compile(r"[Ii]n (?P<poss>.+?) (?:opinion|view)")
_ASIDE_END = re.compile(r"\s*,\s*")
# 'claims that', 'a charge which': a noun the relative clause after it reports on
_RELATIVE_HEAD = re.compile(
    r"\s*(?P<np>(?:(?:a|an|the|these|those|such)\s+)?(?:claims?|charges?|accusations?|allegations?|reports?|assertions?"
    r"|suggestions?|rumou?rs?|statements?|figures?|numbers?|account|accounts|version))\s+(?:that|which)\s+"
    r"|\s*(?P<pron>something)\s+"  # '..., something Armenian official sources stated since day one'
)
_RELATIVES = frozenset("who whom which that whose".split())
_RELATIVE_OPEN = re.compile(r"\s*(?:which|whom|who|that)\s")  # ', which X said': a relative clause's object
# verbs whose object is a noun phrase, never a clause: after them an auxiliary opens the sentence's
# main clause ('as the letter called for would mark ...'), not what was said
_OBJECT_NOT_CLAUSE = frozenset(
    ("call for", "call on", "call upon", "rule out", "urge", "condemn", "denounce", "criticise", "criticize", "decry",
     "blame", "accuse", "cite", "detail", "request", "reject", "dismiss"))
# 'speak about', 'spoke favorably of', 'spoke to reporters about', 'has spoken out against': what was said
_SPOKE_OF = re.compile(
    rf"(?:\s+(?:out|up|\w+ly|at\s+length|with\s+\w+|{WEEKDAYS}))*\s+(?:of|against|in\s+(?:favou?r|support)\s+of)\s+"
    r"|(?:(?!\b(?:that|who|which|and|but|when|while|because|as)\b)[^,;:.!?()—\"“”]){0,80}?\s+about\s+(?!\d|(?:a\s+(?:dozen|few|hundred|thousand|half|couple)|an\s+hour|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty"
    r"|forty|fifty|half)\s)"  # ('spoke to reporters on Friday about ...', not 'spoke for about five minutes')
)
# a clause's first word cannot be an auxiliary: what follows a verb that way is its missing object's clause
_GAPPED = re.compile(
    r"(?:would|will|could|can|should|must|might|may|is|are|was|were|has|have|had|does|did)\s", re.I)
_SHORT_SUBJECT = re.compile(r"\s*(?:The|A|An|This|That|These|Those|Its|His|Her|Their)\s+[\w’'-]+(?:\s+[\w’'-]+)?\s*")
_INTERRUPTED = re.compile(rf"\s*,\s*(?:{_AUXILIARIES})\s")
# '..., pundits claimed, blaming those who ...' (not a gerund subject: '..., he said, replacing Clinton would be ...')
_PARTICIPLE_AFTER = re.compile(
    rf"\s*,\s*[a-z]+ing\b(?!(?:\s+[\w’'-]+){{1,4}}?\s+(?:{_MODALS}|is|was)\s)"  # ('who have backed': a participle)
)


_CONCESSIVE = "Although|Though|While|Whereas|Even though"
_SUBORDINATORS = "When|After|Before|Once|Because|Since|If|Unless|Until"
# a report in a subordinate clause ends with that clause (not 'As X said, ...': 'as' only compares)
_SUBORDINATE = re.compile(rf"\s*(?:{_CONCESSIVE}|{_SUBORDINATORS})\s")
_SUBORDINATE_END = re.compile(rf",|{_DASH.pattern}")
_SUBORDINATE_FIRST = re.compile(rf"\s*(?:{_CONCESSIVE}|{_SUBORDINATORS}|As)\s")

_RECOGNISED_AS = re.compile(r"[^,;:]{1,60}?\s+as\s+(?:an?|the|its|their|part)\b")
_VERB_LIKE = re.compile(r"\b(?:\w+ing|\w+ed|is|are|was|were|has|have|had|will|would|could|can|may|might|leads?|trails?)\b")


_MODAL_PASSIVE = re.compile(r"\b(?:should|must|ought\s+to|needs?\s+to|has\s+to|have\s+to|will|would|could|might|can|may)"
                            r"\s+(?:not\s+|\w+ly\s+)?be\s+$")
_QUESTION = re.compile(r"\s+(?:(?:(?!(?:and|or|but)\s)[\w’'.-]+\s+){0,5}?)(?P<q>whether|if|why|how|what|which|who|whom|when|where|about|to)\b")


_AFTER_QUOTED_SENTENCE = re.compile(r"[.!?…][\"”’»]+\s+")


def _asked(text: str, cue: _Cue, sent: tuple[int, int], resolver: SpeakerResolver) -> Quote | None:
    """Reported questions: 'Todd asked Pence whether ...', 'Asked about Sullivan, Feinstein said'."""
    m = _QUESTION.match(text, cue.end)
    if m is None or re.search(r"[,.;:]", text[cue.end : m.start("q")]):
        return None
    if _MODAL_PASSIVE.search(text, max(0, cue.start - 40), cue.start):
        return None  # 'Russia should be asked what it supports': a question to put, not one reported
    start = m.start("q")
    head = _AFTER_QUOTED_SENTENCE.split(text[sent[0] : cue.start])[-1]  # ('"..." When asked ...': one sentence)
    if re.fullmatch(r"\s*(?:[Ww]hen\s+)?(?:(?:was|were)\s+)?", head):
        # 'Asked whether ..., Mr. Trump said:' — the question ends where the main clause starts
        comma = _main_clause_comma(text, start, sent[1])
        if comma < 0:
            return None
        return _make("indirect", start, comma, None, cue, resolver, "a reported question", text)
    opening = _OPENING_ASKED.match(text, cue.start - len(head))
    if opening is not None and "," not in text[opening.end() : cue.start]:
        return None  # 'Asked whether he would counsel Clinton to ask Sanders ...': inside the opening question
    mention = None if _passive(text, cue) else _plausible(find_speaker_before(text, cue.start, sent[0]), resolver)
    end = _clause_end(text, start, sent[1])
    if len(TOKEN.findall(text[start:end])) < 2:
        return None
    return _make("indirect", start, end, mention, cue, resolver, "a reported question", text)


_OPENING_ASKED = re.compile(r"\s*(?:[Ww]hen\s+)?(?:(?:was|were)\s+)?[Aa]sked\s")
# the main clause after an opening question: a name or pronoun, then a lower-case verb ('Ban demurred')
_SUBJECT_THEN_VERB = re.compile(
    r"\s*(?:(?:he|she|they|we|I)|(?:[Tt]he\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s+(?:\w+ly\s+)?[a-z]+(?:ed|s)\b")


def _main_clause_comma(text: str, start: int, end: int) -> int:
    """The comma that ends an opening question ('Asked whether the job, which friends found dull,
    hurt him, Mr. Trump said'): the first comma followed by a subject and its verb (the speaker
    search's mention right after it, before a reporting verb, or a name and a verb in -ed or -s),
    else the first comma; -1 when there is none."""
    comma = text.find(",", start, end)
    while comma >= 0:
        for cue in _find_cues(text[comma + 1 : end])[:1]:
            found = find_speaker_before(text, comma + 1 + cue.start, comma + 1)
            if found is not None and not any(w.islower() for w in TOKEN.findall(text[comma + 1 : found.start])):
                return comma  # ('46 percent of voters said'; not ', which friends described')
        if _SUBJECT_THEN_VERB.match(text, comma + 1, end):
            return comma
        comma = text.find(",", comma + 1, end)
    return text.find(",", start, end)


_SHORT_QUOTED = re.compile(r"[\"“„«][^\"“”„«»\n]{1,40}[\"”»]")
_FIRST_PERSON = re.compile(r"\b(?:I|we)\s+(?:[a-z]+\s+){0,4}$")


def _only_paraphrase(text: str) -> bool:
    """Sentences a closing cue can cover: no quotation but scare quotes of a few words, and no
    reporting verb but data verbs ('the events show'), verbs with a noun object ('Putin did not
    rule out an increase') and the speaker's own first person ('I would also like to note')."""
    text = _SHORT_QUOTED.sub(lambda m: " " * len(m.group()) if len(m.group().split()) <= 3 else m.group(), text)
    if any(ch in text for ch in "\"“”„«»"):
        return False
    return not any(
        c.lemma not in DATA_VERBS and c.lemma != "according to" and not _FIRST_PERSON.search(text, max(0, c.start - 40), c.start)
        and not (_NOUN_OBJECT_AFTER.match(text, c.end) and c.lemma not in _PERSON_OBJECT)
        for c in _find_cues(text)
    )


# 'recognize their status', 'continue anti-terrorist operations': a verb with a noun object, not
# a report (unless its object is the person told: 'told the reporters', 'warned his allies')
_NOUN_OBJECT_AFTER = re.compile(r"\s+(?:their|his|her|its|our|the|a|an|[a-z]+-[a-z]+)\s")
_PERSON_OBJECT = frozenset("tell ask warn urge inform remind assure reassure accuse blame".split())


_BARE_SUBJECT = re.compile(r"\s*(?:[a-z]+|\d[\d,.]*)(?:\s+(?:of\s+)?[\w’'-]+){0,3}?\s+(?P<verb>is|are|was|were|has|have|had|will|would|could|can|may|might|should|must)\b")


def _bare_clause(text: str, start: int, end: int) -> bool:
    """'Former prosecutors said investigators were ...', 'has said 2,093 of the emails were ...': a
    clause whose subject is a lower-case noun or a number, found by the auxiliary that follows it."""
    m = _BARE_SUBJECT.match(text, start, end)
    return m is not None and not any(w in _NOT_SUBJECT for w in text[start : m.start("verb")].lower().split())



