"""Speakers: finding the mention a cue governs, as written.

A name ("Elman Mammadov"), a role ("the spokesman"), an institution ("the Defense
Ministry"), a pronoun ("he") or a vague source ("a user", "pundits", "some independent
Armenian sources"), before the cue or after it. Resolving a mention to an entity, its type
and side is :mod:`framing.resolver`'s work.
"""

from __future__ import annotations

import re

from .after_cue import WEEKDAYS
from .mentions import (
    _ABBREVIATIONS,
    _ADVERBS_AUX,
    _DOCUMENT_WORDS,
    _IN_WORD,
    _NOUN_DETERMINERS,
    _POSSESSIVES,
    _ROLE_LINKS,
    _STOP_BEFORE,
    _TITLE_ORG_VAGUE,
    _TITLES_OR_VAGUE,
    _VAGUE_OR_ORG,
    NEAR_HEADS,
    NEAR_PHRASES,
    NOT_SPEAKERS,
    OFFICE_MODIFIERS,
    ORG_WORDS,
    PRONOUNS,
    TITLES,
    VAGUE_DETERMINERS,
    VAGUE_HEADS,
    Mention,
    _cap,
    _classify,
    _clean_mention,
    _holds,
    _Pieces,
    _Reading,
    _words,
)

# Punctuation that separates two words of a phrase (with or without the full stop).
_PUNCT = re.compile(r"[,;:()\"“”—–―]")  # (a dash ends a phrase: 'in some years ― Trump boasted')
_PUNCT_OR_DOT = re.compile(r"[,.;:()\"“”—–―]")
_PRONOUN_CLITIC = re.compile(r"(he|she|it|they|we|i)(?:['’](?:s|re|ve|d|ll))")


def find_speaker_before(text: str, cue_start: int, limit: int) -> Mention | None:
    """The mention right before a cue ('the Defense Ministry said', 'Mammadov has also claimed')."""
    if text.endswith("anonymity ", max(0, cue_start - 10), cue_start) or text.endswith("anonymously ", max(0, cue_start - 12), cue_start):
        tail = _ANONYMITY_TAIL.search(text, max(limit, cue_start - 60), cue_start)
        if tail is not None:
            # 'A senior official speaking on condition of anonymity said': the official speaks
            return find_speaker_before(text, tail.start(), limit)
    if text.find("been ", max(0, cue_start - 20), cue_start) >= 0:
        clitic = _CLITIC_BEEN.search(text, max(limit, cue_start - 30), cue_start)
        if clitic is not None:  # 'He’s been saying', "Azerbaijan's been claiming": 's is has, not an owner's
            return find_speaker_before(text, clitic.start(), limit)
    if _near_to(text, max(limit, cue_start - 90), cue_start):
        m = _CLOSE_SOURCE_BEFORE.search(text, max(limit, cue_start - 120), cue_start)
        if m is not None:
            # 'sources close to Putin say', 'people familiar with the matter said': the sources speak
            return Mention(m.group(1), m.start(1), m.end(1), "anonymous")
    lo = max(limit, cue_start - 40)
    date = _DATE_TAIL.search(text, lo, cue_start) if _MONTH_NEAR.search(text, lo, cue_start) else None
    if date is not None:
        # 'the ceasefire statement of November 10, 2020 stated': the date belongs to the mention
        m = _clean_mention(text, *_speaker_before_words(text, date.start() + 1, limit))
        if m is None or m.type in ("person", "pronoun"):
            return m
        end = date.start() + len(date.group().rstrip())
        return Mention(text[m.start : end], m.start, end, m.type)
    found, words = _speaker_before_words(text, cue_start, limit)
    if found is None:
        return None
    kept = _tails  # (read once: the memo of this text, or of another)
    cleaned = kept[2] if kept[0] is text else {}
    hit = cleaned.get(found, _NOT_YET)
    if hit is _NOT_YET:
        hit = cleaned[found] = _clean_mention(text, found, words)
    if hit is not None and text.endswith("and ", max(0, hit.start - 4), hit.start):  # type: ignore[union-attr]
        return _with_conjuncts(text, hit, limit)  # type: ignore[arg-type]
    if hit is not None and hit.type == "role" and text.endswith(", ", max(0, hit.start - 2), hit.start):  # type: ignore[union-attr]
        return _unclosed_apposition(text, hit, limit) or hit  # type: ignore[arg-type]
    if hit is not None and hit.type in ("role", "organisation") and _AFTER_PREPOSITION.search(  # type: ignore[union-attr]
            text, max(0, hit.start - 6), hit.start):  # type: ignore[union-attr]
        # 'James Shaw, a former US Army officer and one of the experts involved in the simulation said'
        return _long_unclosed_apposition(text, hit, limit) or hit  # type: ignore[arg-type]
    return hit  # type: ignore[return-value]


# 'Oren Kesler, CEO of …': a name of two to four capitalised words opening a clause, before a comma
_NAME_BEFORE_COMMA = re.compile(r"(?:^|(?<=[.;:!?\n“\",]\s)|(?<=\n))([A-Z][\w’'-]+(?:\s+[A-Z][\w’'.-]*){1,3}),\s$")
# 'James Shaw, a former … in ': a name, then a description opening with a determiner, up to a preposition
_NAME_BEFORE_DESCRIPTION = re.compile(
    r"(?:^|(?<=[.;:!?\n“\",]\s)|(?<=\n))([A-Z][\w’'-]+(?:\s+[A-Z][\w’'.-]*){1,3}),\s+(?:a|an|the|one)\s[^,;:.!?“”\"]*$")
_AFTER_PREPOSITION = re.compile(r"\b(?:in|of|at|for|with|on|from)\s+$")
# what a sentence opens with before its subject and a comma: a participle or a preposition phrase
_OPENING_PHRASE = re.compile(
    r"(?:[A-Z][a-z]+ing|In|On|At|After|Before|During|Asked|Earlier|Later|Meanwhile|Separately|Following)\b[^,;:.!?]*,\s$")
_CLAUSE_START = re.compile(r"(?:[.;:!?“\"]\s|\n)$")


def _unclosed_apposition(text: str, mention: Mention, limit: int) -> Mention | None:
    """'Oren Kesler, CEO of Wikistrat said': the name whose apposition is not closed by a comma
    (the role before the verb is not the speaker); None unless a name opens the sentence there,
    or follows a phrase that opens it ('Commenting on the findings, Oren Kesler, CEO of …')."""
    m = _NAME_BEFORE_COMMA.search(text, max(0, limit, mention.start - 60), mention.start)
    return _opening_name(text, m, limit)


def _long_unclosed_apposition(text: str, mention: Mention, limit: int) -> Mention | None:
    """'James Shaw, a former US Army officer and one of the experts involved in the simulation
    said': the name before an apposition that opens with a determiner, has no comma and runs up
    to the mention, which is the object of a preposition in it; None unless the name opens the
    sentence (or follows a phrase that opens it)."""
    m = _NAME_BEFORE_DESCRIPTION.search(text, max(0, limit, mention.start - 160), mention.start)
    return _opening_name(text, m, limit)


def _opening_name(text: str, m: re.Match[str] | None, limit: int) -> Mention | None:
    if m is None or _classify(m.group(1).split()) != "person" or m.group(1).split()[0].lower() in NOT_SPEAKERS:
        return None
    if text.endswith(", ", max(0, m.start(1) - 2), m.start(1)):
        opener = _OPENING_PHRASE.match(text, _sentence_floor(text, max(0, limit, m.start(1) - 120), m.start(1)), m.start(1))
        if opener is None:
            return None
    elif m.start(1) > 0 and not _CLAUSE_START.search(text, max(0, m.start(1) - 2), m.start(1)):
        return None
    return Mention(m.group(1), m.start(1), m.end(1), "person")


# 'The Kremlin and the Azerbaijani Foreign Ministry said', 'Russia, France and the United States
# said': names before the last one, joined by commas and 'and', opening the clause
NAME_RUN = r"(?:[Tt]he\s+)?[A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*){0,4}"
"""A name of capitalised words ('the United States', 'Republican Representative Tom Cole')."""
_CONJUNCTS = re.compile(rf"(?:{NAME_RUN},\s+){{0,4}}{NAME_RUN},?\s+and\s+$")
_CLAUSE_EDGE = re.compile(r"(?:[,;:(—–”\"]|\bthat)\s*$")
_LEAD = re.compile(
    r"(?:But|And|Yet|So|Still|Then|Now|Also|Meanwhile|However|Instead|Later|Earlier|Separately|Together|Both|First|Second"
    rf"|Third|Finally|Last|Today|Yesterday|(?:On\s+)?{WEEKDAYS})\b,?\s+(?:(?:{WEEKDAYS}|night|morning|week)\b,?\s+)?"
)
# a conjunct ending with a title: the titles of one person ('Arkansas Attorney General and Trump
# surrogate Leslie Rutledge', 'Postmaster General and CEO Patrick Donahoe')
_TITLE_END = re.compile(
    r"\b(?:Leader|General|Secretary|Director|Chairman|Chairwoman|Chair|CEO|President|Minister|Officer|Governor|Mayor"
    r"|Senator|Sen\.|Representative|Rep\.|Chief|Commissioner|Spokesman|Spokeswoman|Spokesperson|Ambassador|Founder"
    r"|Editor|Judge|Justice|Speaker|Whip|Member|Head|Adviser|Advisor),?\s+and\s+$"
)


def _with_conjuncts(text: str, mention: Mention, limit: int) -> Mention:
    """``mention`` with the names coordinated before it ('Pashinyan and Aliyev said'), when they
    open the clause (at ``limit``, or after a comma, a colon or a closing quotation mark): one
    joint mention; else ``mention`` ('Pashinyan met Putin and Aliyev said': a new clause)."""
    if mention.type not in ("person", "organisation", "role"):
        return mention
    m = _CONJUNCTS.search(text, max(0, limit, mention.start - 160), mention.start)
    if m is None:
        return mention
    start, edge = m.start(), max(0, limit)
    if text[edge:start].strip() and not _CLAUSE_EDGE.search(text, max(edge, start - 8), start):
        return mention
    while True:
        # 'But Pashinyan and …', 'Second, Bowles and …', 'Also Tuesday, Bowles and …': the names
        # start after a conjunction or an adverb opening the clause
        lead = _LEAD.match(text, start, mention.start)
        if lead is None:
            break
        start = lead.end()
    first = text[start : mention.start]
    if not first.strip() or not first[:1].isupper():
        return mention
    if _TITLE_END.search(first):
        return mention  # 'Senate Majority Leader and Republican Sen. Mitch McConnell': one person's two titles
    return Mention(text[start : mention.end], start, mention.end, mention.type)



_NOT_YET = object()
# ' speaking on condition of anonymity ', ' who spoke anonymously ': between a speaker and the verb
_ANONYMITY_TAIL = re.compile(r"\s+(?:speaking|who\s+spoke)\s+(?:on\s+(?:the\s+)?condition\s+of\s+anonymity|anonymously)\s+$")


_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_NEAR = re.compile(_MONTH)
_DATE_TAIL = re.compile(rf"\s(?:of|dated)\s+(?:{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)\s*$")


def _skippable(word: str) -> bool:
    """Auxiliaries, negation and adverbs between a subject and its verb ("has also", "angrily")."""
    w = word.lower()
    return w in _ADVERBS_AUX or (w.endswith("ly") and len(w) > 4 and w.isalpha() and not word[:1].isupper())


_TIME_BEFORE_CUE = re.compile(
    rf"\s+(?:on\s+|late\s+|early\s+)?(?:{WEEKDAYS}"
    r"(?:\s+(?:morning|afternoon|evening|night))?|last\s+(?:week|month|year|night)|yesterday|earlier\s+this\s+(?:week|month))\s+$"
)
# how a _TIME_BEFORE_CUE match ends, before its white space
_TIME_ENDINGS = ("day", "morning", "afternoon", "evening", "night", "week", "month", "year")
_PAREN_TAG = re.compile(r"\s*\([^()\n]{1,25}\)\s*$")


def _name_possessive(w: str) -> bool:
    """'Obama's former campaign strategist': a name's possessive opens a noun phrase like 'the'."""
    return _cap(w) and w.endswith(("'s", "’s")) and len(w) > 3


# Words that, opening a sentence, start a phrase or a clause rather than its subject.
_OPENING_NOT_SUBJECT = _STOP_BEFORE | frozenset("among though so yet still then now also even just only".split())


_PART_OF = frozenset("some many most several few all none one two three each both".split())
_CLAUSE_OPENERS = frozenset("after because since as while when although though but and that where whereas until before".split())


def _part_of(text: str, words: list[tuple[str, int, int]], k: int, end: int) -> Mention | None:
    """'some of the social media comments': a part of the noun phrase starting at ``words[k]``
    speaks, vaguely; None when no 'some of' (or 'many of', ...) stands before it."""
    if k >= 2 and words[k - 1][0].lower() == "of" and words[k - 2][0].lower() in _PART_OF \
            and text[words[k - 2][2] : words[k][1]] == " of ":
        return Mention(text[words[k - 2][1] : end], words[k - 2][1], end, "anonymous")
    return None


def _modifier_word(w: str) -> bool:
    """A lower-case word that can modify a noun: letters, or a hyphenated compound ('34-year-old')."""
    return w.replace("-", "").isalpha() or "-" in w and w.replace("-", "").isalnum()


def _speaker_before(text: str, cue_start: int, limit: int) -> Mention | None:
    return _speaker_before_words(text, cue_start, limit)[0]


def _speaker_before_words(
    text: str, cue_start: int, limit: int
) -> tuple[Mention | None, list[tuple[str, int, int]] | None]:
    """The mention before ``cue_start`` (not yet cleaned), and the words it was found among."""
    # (each pattern is tried only when the text could hold it: a ')' before the cue, a time word
    # right before it)
    m = _PAREN_TAG.search(text, limit, cue_start) if text.find(")", max(0, limit), cue_start) >= 0 else None
    if m is not None and m.start() > limit:
        cue_start = m.start()  # 'Rep. John Mica (R-Fla.) said': the name before its tag
    lo = max(0, limit, cue_start - 40)
    m = _TIME_BEFORE_CUE.search(text, lo, cue_start) if text[lo:cue_start].rstrip().endswith(_TIME_ENDINGS) else None
    if m is not None and m.start() > limit:
        cue_start = m.start()  # 'Reports Tuesday morning said': the subject before the time
    # The quote rules ask about one cue again and again, with other limits (150 characters
    # before it, the sentence start, a comma): an answer found among some words holds for every
    # limit from which the same last words are read (see _Reading), so it is kept per cue.
    kept = _tails
    memo = kept[1] if kept[0] is text else _tail_memo(text)
    readings = memo.get(cue_start)
    if readings is not None:
        for start, synced, words, found, upto in readings:
            if _holds(start, synced, words, upto, limit):
                return _answer(text, found, words, cue_start, limit) if found is _APPOSITIONS else (found, words)  # type: ignore[return-value]
    # The subject mostly ends within the last few words: read the words of the last 60 or so
    # characters first (from a space, which no word holds, so they are the same words), and all
    # words from ``limit`` only when the rules reach the first two of those.
    p = text.rfind(" ", max(0, limit), max(0, cue_start - 60))
    if p > limit:
        tail = _words(text, p, cue_start)
        found, low = _subject_in(text, tail, cue_start, limit)
        if low >= 2:
            memo.setdefault(cue_start, []).append((p, True, tail, found, tail[low - 2][1]))
            return _answer(text, found, tail, cue_start, limit) if found is _APPOSITIONS else (found, tail)  # type: ignore[return-value]
        words = _words(text, limit, p) + tail  # (no word runs over the space at p)
    else:
        words = _words(text, limit, cue_start)
    found, low = _subject_in(text, words, cue_start, limit)
    if low >= 2:
        synced = limit <= 0 or not (_IN_WORD.match(text, limit - 1) and _IN_WORD.match(text, limit))
        memo.setdefault(cue_start, []).append((limit, synced, words, found, words[low - 2][1]))
    return _answer(text, found, words, cue_start, limit)


def _answer(
    text: str, found: Mention | object | None, words: list[tuple[str, int, int]], cue_start: int, limit: int
) -> tuple[Mention | None, list[tuple[str, int, int]]]:
    if found is _APPOSITIONS:
        # (the same cue and limit come back: the answer is kept for the text)
        memo = _tails
        kept = memo[3] if memo[0] is text else {}
        key = (cue_start, limit)
        found = kept[key] if key in kept else kept.setdefault(key, _subject_before_appositions(text, cue_start, limit))
    return found, words  # type: ignore[return-value]


# _subject_in's answer when the subject stands before appositions set off by commas
_APPOSITIONS = object()
# the text, its cues' readings (cue -> readings), and the cleaned mentions (mention -> _clean_mention's answer)
_tails: tuple[str, dict[int, list[_Reading]], dict[Mention, Mention | None], dict[tuple[int, int], Mention | None]] = (
    "", {}, {}, {})


def _tail_memo(text: str) -> dict[int, list[_Reading]]:
    """_subject_in's answers before the cues of ``text``: cue -> readings. A new text starts a
    new memo."""
    global _tails
    kept = _tails
    if kept[0] is not text:
        kept = _tails = (text, {}, {}, {})
    return kept[1]


def _subject_in(
    text: str, words: list[tuple[str, int, int]], cue_start: int, limit: int
) -> tuple[Mention | object | None, int]:
    """The subject before ``cue_start`` among ``words`` (the words before it), and the lowest
    index the rules stopped at: they looked at no word more than two places below it, and
    tested no index against 0 or 2 below it, so when it is 2 or more, words before ``words[0]``
    would not have changed the answer (nor would ``limit``). :data:`_APPOSITIONS` when the
    subject is to be read before appositions, from ``limit``."""
    i = len(words) - 1
    while i >= 0 and _skippable(words[i][0]):
        i -= 1
    # "Ms. Sherry smiled and said": step over a coordinated verb to its subject
    if i >= 2 and words[i][0].lower() == "and" and words[i - 1][0].islower() and words[i - 1][0].isalpha() \
            and "," not in text[words[i - 1][2] : words[i][1]]:
        i -= 2
        while i >= 0 and _skippable(words[i][0]):
            i -= 1
    if i < 0:
        return None, i
    if text.find(",", words[i][2], cue_start) >= 0:
        # "Zimmerman, who identifies as Hispanic, told", "Cruz, the only candidate ..., told"
        return _APPOSITIONS, i
    w, a, b = words[i]
    lw = w.lower()
    m = _PRONOUN_CLITIC.fullmatch(lw) if "'" in lw or "’" in lw else None
    if m is not None:
        return Mention(w[: m.end(1)], a, a + m.end(1), "pronoun"), i  # "he's predicting", "they've said"
    if lw in _POSSESSIVES or lw in _STOP_BEFORE:
        return None, i
    if lw in PRONOUNS:
        return Mention(w, a, b, "pronoun"), i  # "who" too: resolved to its antecedent
    j = i
    cw = w[:1].isupper()
    head = cw or lw in _TITLE_ORG_VAGUE  # a capitalised word, a title, an institution or a vague head
    if not head and lw not in _STOP_BEFORE and w.replace("-", "").isalpha():
        # "the suit reads", "the website explains", "The GOP front-runner complained"
        k = i - 1
        while k >= 0 and i - k <= 4 and words[k][0].lower() not in _NOUN_DETERMINERS and not _name_possessive(words[k][0]) and (
            _cap(words[k][0]) or _modifier_word(words[k][0]) and words[k][0].lower() not in _STOP_BEFORE
        ) and not _PUNCT.search(text, words[k][2], words[k + 1][1]):
            k -= 1
        if k >= 0 and (words[k][0].lower() in _NOUN_DETERMINERS or _name_possessive(words[k][0])) \
                and not _PUNCT.search(text, words[k][2], words[k + 1][1]):
            a0 = words[k][1]
            role = words[k][0].lower() in ("the", "this", "that") or _name_possessive(words[k][0])
            typ = "organisation" if lw in _DOCUMENT_WORDS else "role" if role else "anonymous"  # 'the agreement says'
            return _part_of(text, words, k, b) or Mention(text[a0:b], a0, b, typ), k
        if lw.endswith("s") and not lw.endswith("ss") and i - k <= 3 and (
            k < 0 and words[0][1] == limit and words[0][0].lower() not in _OPENING_NOT_SUBJECT
            or k >= 0 and words[k][0].lower() in _CLAUSE_OPENERS and k + 1 <= i
            and not _PUNCT.search(text, words[k][2], words[k + 1][1])
            or k >= 0 and k + 1 <= i and text[words[k][2] : words[k + 1][1]].strip() == ","  # '..., advisers say,'
        ):
            # 'Former prosecutors said', 'after investigations showed': a bare plural opening a clause
            a0 = words[k + 1][1]
            return Mention(text[a0:b], a0, b, "anonymous"), k
        return None, k  # neither a capitalised word nor a role, vague head or institution
    if head:
        while j - 1 >= 0:
            pw = words[j - 1][0]
            if _PUNCT_OR_DOT.search(text, words[j - 1][2], words[j][1]):
                break
            pl = pw.lower()
            if pl in _ROLE_LINKS and j - 2 >= 0:
                role = words[j - 2][0].lower()
                if role in TITLES or role in VAGUE_HEADS or role in ORG_WORDS:
                    j -= 1
                    continue
            if pl in ("and", "or") and j - 2 >= 0 and _cap(words[j - 2][0]) \
                    and not _PUNCT.search(text, words[j - 2][2], words[j - 1][1]) and (words[j][0].lower() in TITLES or words[i][0].lower() in _VAGUE_OR_ORG):
                # 'Nagorno-Karabakh and Armenia officials', 'the Foreign Ministry and Prime Minister X'
                j -= 1
                continue
            pw_cap = pw[:1].isupper()
            if pl in _STOP_BEFORE or pl in _ADVERBS_AUX or (pl.endswith("ly") and len(pl) > 4 and pl.isalpha() and not pw_cap):
                break  # (_skippable)
            if pl in ("the", "a", "an", "another", "some", "several", "many", "other") or pl.endswith(("’s", "'s")):
                j -= 1
                if pl in ("the", "a", "an", "another", "some", "several", "many", "other"):
                    break
                continue
            known = pw_cap or pl in _TITLE_ORG_VAGUE or pl in VAGUE_DETERMINERS or (
                pl in OFFICE_MODIFIERS or _AGE.fullmatch(pl)) and words[i][0].lower() in TITLES
            # ('a top general', 'a senior Ukrainian commander', 'the 70-year-old Russian leader')
            if known or pl.isalpha():
                if not known:
                    # a lower-case modifier only before a vague head ("independent sources") or an
                    # institution ("the interior ministry", "foreign intelligence service")
                    if lw not in VAGUE_HEADS and lw not in _INSTITUTION_HEADS and not cw:
                        break
                    if i - j >= 4:
                        break
                j -= 1
                continue
            break
        while j >= 2 and words[j][0].lower() in _ARTICLES and words[j - 1][0].lower() in _LINKS \
                and words[j - 2][0].lower().strip(".") in _TITLES_OR_VAGUE \
                and not _PUNCT_OR_DOT.search(text, words[j - 2][2], words[j][1]):
            # 'the Russian ambassador to the US', 'a spokesperson for the ministry': the office speaks
            j -= 2
            while j >= 1 and not _PUNCT_OR_DOT.search(text, words[j - 1][2], words[j][1]) and (
                    words[j - 1][0].lower() in _ARTICLES or words[j - 1][0].lower() in OFFICE_MODIFIERS or _cap(words[j - 1][0])
                    and words[j - 1][0].lower() not in NOT_SPEAKERS):
                j -= 1
                if words[j][0].lower() in _ARTICLES or words[j][0].endswith(("’s", "'s")):
                    break
        span_words = [x[0] for x in words[j : i + 1]]
        if all(x.lower() in ("the", "a", "an") for x in span_words):
            return None, j
        part = _part_of(text, words, j, b) if words[j][0].lower() == "the" else None
        return part or Mention(text[words[j][1] : b], words[j][1], b, _classify(span_words)), j
    return None, i


_AGE = re.compile(r"\d+-year-old")
# institution words that head a phrase with lower-case modifiers ('the federal government')
_INSTITUTION_HEADS = ORG_WORDS - frozenset(
    "white news post times journal press weekly house senate congress pentagon kremlin reuters amnesty un nato "
    "osce tv radio".split())
_ARTICLES = frozenset(("the", "a", "an"))
_LINKS = frozenset(("to", "for", "of", "at"))
_RELATIVE = frozenset("who whose which".split())
_DETERMINER_START = frozenset("a an the one its his her their".split())
_CONJUNCTIONS = frozenset("as but and or so while whereas although though because if".split())
_INTRO_WORDS = frozenset(
    """on in at after before during since while when as following until once despite amid with without
    for from by under over but and so yet still then also however instead now asked speaking""".split()
)
_NOT_SPEAKERS_OR_INTRO = NOT_SPEAKERS | _INTRO_WORDS


def _subject_before_appositions(text: str, cue_start: int, limit: int) -> Mention | None:
    """'SUBJECT, apposition, verb': the noun phrase before the appositions set off by commas.

    The comma-separated pieces before the verb are read backwards. A bare name right before
    the verb closes an apposition that describes it ("Her campaign manager, Robby Mook,
    suggested"). Otherwise a piece describes the subject when it is a relative clause ("who
    has told aides ..."), opens in lower case with no conjunction ("hoping to win New
    Hampshire", "at a consulting firm"), opens with a determiner after a name ("Cruz, the only
    candidate ..."), or is a capitalised phrase with small words ("Republican of West
    Virginia", "David and Jeanne Heidler"); the first piece that does not is the subject's.
    """
    # the pieces are read from the last one back, and only as far as the rules go, within the
    # sentence ('… Lukianenko added. Luiza Dorner, 25, of Kyiv, said')
    pieces = _Pieces(text, cue_start, _sentence_floor(text, limit, cue_start))
    last = pieces.get(0)
    if last is None:
        return None
    before = pieces.get(1)
    if before is not None and _name_piece(last) and not _name_piece(before) and before[0][0].lower() not in _RELATIVE \
            and not ((third := pieces.get(2)) is not None and _name_piece(third)):
        return Mention(text[last[0][1] : last[-1][2]], last[0][1], last[-1][2], "person")
    r = 0  # the piece r places from the last
    while (p := pieces.get(r)) is not None:
        prev = pieces.get(r + 1)  # the piece before it (None: it is the first)
        first, low = p[0][0], p[0][0].lower()
        if prev is not None and (
            r == 0
            or low in _RELATIVE
            or prev[0][0].lower() in _RELATIVE
            or not _cap(first) and low not in _CONJUNCTIONS
            or low in _DETERMINER_START and _cap(prev[-1][0]) and prev[0][0].lower() not in _INTRO_WORDS
            or _cap(first) and len(p) <= 8 and low not in _INTRO_WORDS and any(not _cap(w[0]) for w in p)
        ):
            r += 1
            continue
        if r == 0 and len(p) > 6:
            return _clause_subject(text, p)  # 'He later suggested ..., called her "third-rate"'
        m = _clean_mention(text, *_speaker_before_words(text, p[-1][2], p[0][1]))
        if m is None and len(p) <= 6 and _cap(first) and low not in _NOT_SPEAKERS_OR_INTRO:
            m = Mention(text[p[0][1] : p[-1][2]], p[0][1], p[-1][2], _classify([w[0] for w in p]))
        return m
    return None


# a sentence's end: '.', '!' or '?' (and a closing mark), space, a capital or an opening mark
_SENTENCE_END = re.compile(r"(\w+)?[.!?][\"'”’»]?\s+(?=[A-Z\"“‘])")


def _sentence_floor(text: str, limit: int, cue_start: int) -> int:
    """Where the sentence that holds ``cue_start`` starts, if after ``limit`` (else ``limit``);
    a full stop after an abbreviation or an initial ('Gen. Mark Milley', 'U.S. officials', 'J.
    Smith') ends no sentence."""
    floor = limit = max(0, limit)
    for m in _SENTENCE_END.finditer(text, limit, cue_start):
        w = m.group(1)
        if w and (len(w) == 1 or w.lower() in _ABBREVIATIONS):
            continue
        floor = m.end()
    return floor


def _name_piece(p: list[tuple[str, int, int]]) -> bool:
    return len(p) <= 4 and all(_cap(w[0]) for w in p) and p[0][0].lower() not in NOT_SPEAKERS \
        and _classify([w[0] for w in p]) == "person"


# finite speech verbs that end a clause's subject (a short list: forms such as 'reports' and
# 'claims' are nouns too often for the whole table of framing.verbs to serve here)
_CLAUSE_VERBS = frozenset("said says told tells added adds wrote writes claimed".split())


def _clause_subject(text: str, p: list[tuple[str, int, int]]) -> Mention | None:
    """The first noun phrase of a clause: a pronoun, or a run of capitalised words."""
    if p[0][0].lower() in PRONOUNS:
        return Mention(p[0][0], p[0][1], p[0][2], "pronoun")
    verb = next((w for w in p[1:8] if w[0] in _CLAUSE_VERBS), None)
    if verb is not None:
        # 'RAC fuel spokesperson Simon Williams said …, adding': the subject of the clause's verb
        found = _clean_mention(text, *_speaker_before_words(text, verb[1], p[0][1]))
        if found is not None:
            return found
    k = 0
    while k < len(p) and (_cap(p[k][0]) or p[k][0].lower() in ("the", "a", "an")):
        k += 1
    return _clean_mention(text, *_speaker_before_words(text, p[k - 1][2], p[0][1])) if k else None


def find_speaker_after(text: str, cue_end: int, limit: int) -> Mention | None:
    """The mention right after a cue ('said Denis Krivosheev, ...', 'according to the ministry')."""
    return _clean_mention(text, _speaker_after(text, cue_end, limit))


def _speaker_after(text: str, cue_end: int, limit: int) -> Mention | None:
    words = _words(text, cue_end, min(limit, cue_end + 200))
    if not words:
        return None
    if _near_to(text, words[0][1], min(limit, words[0][1] + 60)):
        m = _CLOSE_SOURCE_AFTER.match(text, words[0][1], min(limit, cue_end + 200))
        if m is not None:  # 'says a source close to him', 'said people familiar with the talks'
            return Mention(m.group(), m.start(), m.end(), "anonymous")
    first = words[0]
    if "," in text[cue_end : first[1]] or "." in text[cue_end : first[1]]:
        return None
    if first[0].lower() in PRONOUNS and first[0].lower() not in ("who", "his", "her", "their", "it"):
        return Mention(first[0], first[1], first[2], "pronoun")
    j = 0
    if first[0].lower() in ("the", "a", "an", "another", "some", "several", "many", "one", "his", "her", "their", "its"):
        j = 1
    while j < len(words) - 1 and words[j][0][:1].isdigit():
        j += 1  # "9/11 widow Terry Strada", "14-year-old Aubrey Pelletier"
    if j == 0 and not _cap(first[0]) and first[0].lower() not in _TITLE_ORG_VAGUE:
        # 'said pollster Frank Luntz', 'said veteran GOP strategist Rick Wilson': a description
        # in lower case before a name (never a preposition: 'said on Monday', 'said in Moscow')
        d = 0
        while d < min(3, len(words) - 1) and words[d][0].isalpha() and words[d][0].islower() \
                and words[d][0] not in _STOP_BEFORE and words[d][0] not in _NOUN_DETERMINERS \
                and not _PUNCT_OR_DOT.search(text, words[d][2], words[d + 1][1]):
            d += 1
        if d > 0 and _cap(words[d][0]) and words[d][0].lower() not in NOT_SPEAKERS and len(words) > d + 1 \
                and _cap(words[d + 1][0]) and not _PUNCT_OR_DOT.search(text, words[d][2], words[d + 1][1]):
            words = words[d:]
            first = words[0]
    k = j
    while k < len(words):
        w = words[k][0]
        lw = w.lower()
        if k > 0 and _PUNCT_OR_DOT.search(text, words[k - 1][2], words[k][1]):
            break
        if lw in ("in", "on", "at", "to", "during", "after", "before", "that", "and", "who", "from", "with", "of", "as", "when", "while"):
            if lw == "of" and k > j and (words[k - 1][0].lower() in ORG_WORDS or words[k - 1][0].lower() in TITLES):
                k += 1
                continue
            place = _place_after(text, words, k) if lw in ("in", "from") and k > j and words[k - 1][0].islower() else 0
            if place:
                k = place  # 'said a Hamza Division militant in Azebaijan,': where the unnamed speaker is
            break
        if not (_cap(w) or lw in TITLES or lw in ORG_WORDS or lw in VAGUE_HEADS or (j >= 1 and k < j + 4)):
            break
        k += 1
    if k == j:
        return None
    span = [w[0] for w in words[0:k]]
    return Mention(text[words[0][1] : words[k - 1][2]], words[0][1], words[k - 1][2], _classify(span))


# a contracted 'has'/'had' before 'been' and the cue: "’s been", "'d long been"
_CLITIC_BEEN = re.compile(r"(?<=\w)['’](?:s|ve|d)\s+(?:(?:also|long|repeatedly|always|now|just)\s+)?been\s+$")
# an unnamed source described by whom it knows (mentions.NEAR_PHRASES): 'sources close to Putin', 'people
# familiar with the matter'; 'Sources', 'People', 'Those' open a sentence too
_NEAR_TO = "(?:" + "|".join(p.replace(" ", r"\s+") for p in NEAR_PHRASES) + ")"
NEAR_TO_WORDS = re.compile(rf"\b{_NEAR_TO}\b")
# the full stop of a title or an initial, which ends no source: 'Mr. Trump', 'Sen. Warren', 'U.S.'
_ABBREVIATION_DOT = r"(?:(?<=\bMr|\bMs|\bDr|\bSt)|(?<=\bMrs|\bSen|\bRep|\bGov|\bGen)|(?<=\b[A-Z]))\."
_CLOSE_SOURCE = (
    r"(?:(?:[Aa]n?|[Tt]he|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ss]ome|[Ss]everal|[Mm]any|[Oo]ther|[Tt]hose)\s+)?"
    # (up to three words before the head, the first no conjunction: 'as people close to you have said')
    r"(?:(?!(?i:as|and|but|or|so|while|because|if|when|that|which|who|than|after|before)\s)[\w.’'-]+\s+"
    r"(?:[\w.’'-]+\s+){0,2}?)??"
    rf"(?i:{'|'.join(sorted(NEAR_HEADS, key=lambda w: (-len(w), w)))})\s+{_NEAR_TO}\s+"
    rf"(?:[^,.;:!?\"“”\n]|{_ABBREVIATION_DOT}|\.(?=[A-Z])){{1,60}}?"
)
# (the auxiliaries and adverbs before the verb are not the source's: 'people familiar with the matter have
# previously said')
_AUX_WORDS = "|".join(sorted(w for w in _ADVERBS_AUX if w.isalpha()))
_CLOSE_SOURCE_BEFORE = re.compile(rf"(?:^|(?<=[\s(]))({_CLOSE_SOURCE})(?:\s+(?:{_AUX_WORDS}))*\s+$")
_CLOSE_SOURCE_AFTER = re.compile(
    rf"{_CLOSE_SOURCE}(?=\s*(?:[,;:!?\"“”\n]|$)|\s+(?:on|in|at|who|that|after|before|when|while|as)\b"
    rf"|(?!{_ABBREVIATION_DOT})\.)")


def _near_to(text: str, a: int, b: int) -> bool:
    """Does ``text[a:b]`` hold 'close to', 'familiar with', …? (a substring test: this is asked
    before every cue, and a regular-expression scan costs more)"""
    seg = text[a:b]
    return any(p in seg for p in NEAR_PHRASES)


def _place_after(text: str, words: list[tuple[str, int, int]], k: int) -> int:
    """'in Azebaijan,' after an unnamed speaker's role: the index after the place name (one to
    three capitalised words closing the phrase with punctuation), or 0."""
    e = k + 1
    while e < len(words) and e - k <= 3 and _cap(words[e][0]) \
            and not _PUNCT_OR_DOT.search(text, words[e - 1][2], words[e][1]):
        e += 1
    if e == k + 1:
        return 0
    tail = text[words[e - 1][2] : words[e][1]] if e < len(words) else text[words[e - 1][2] : words[e - 1][2] + 1]
    return e if tail[:1] in (",", ".", ";") else 0
