"""What follows a reporting verb: when, where and how it was said, then what was said.

"Armenia said on Friday Azerbaijan had failed ...", "Officials said in a statement that ...",
"Clinton says at a campaign stop in Toledo, Ohio, that ...": the phrases of circumstance
between the verb and the report are not part of what was said, and after a verb whose report is
a clause ("say", "state", "claim"), a phrase with nothing after it reports nothing ("..., Mr.
Obama said in his interview."): the clause before the verb is the report.
"""

from __future__ import annotations

import re

# a word that can open a clause or its subject: any word but a preposition ('said in his
# interview.' reports nothing after the verb; 'responded with attacks' reports a phrase)
PREPOSITION = re.compile(
    r"\s*(?:in|on|at|to|for|with|by|from|during|of|into|through|(?:about|over|under)(?!\s+\d))\b", re.I  # ('about 20 people')
)
ANY_WORD = re.compile(r"\s*(?:[^\W\d_]|[\"“«‘])")  # a word (not a number: 'added 25,000 jobs'), or a quotation
# 'at a campaign stop in Toledo, Ohio, that': a phrase of circumstance, then 'that'
PHRASE_THEN_THAT = re.compile(r"[^.;:!?\"“”]{1,90}?,?\s+that\s+")
# verbs whose report is a clause: a phrase after them is a circumstance ('said in a letter'),
# never what was said ('responded with attacks', 'complained about his mic' report a phrase)
CLAUSE_VERBS = frozenset(
    "say tell add state claim allege assert declare announce note confirm explain acknowledge admit concede reveal"
    " stress emphasise emphasize reiterate".split()
)

# 'said on Friday', 'said Tuesday', 'said in a statement', 'wrote on Twitter', 'told reporters at a
# news conference on Monday': when, where and how it was said, between the verb and what was said
WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = rf"(?:{WEEKDAYS}|today|yesterday|tonight)"
_MEDIUM = (
    r"(?:statement|interview|speech|tweet|post|letter|message|e-?mail|op-ed|column|report|release|briefing|conference"
    r"|address|hearing|rally|meeting|broadcast|video|podcast|appearance|call|session|remarks|comments|testimony|filing|memo)"
)
_CIRCUMSTANCE = re.compile(
    rf"""\s*,?\s*(?:
        (?:(?:on|late|early|last|this|next)\s+)?{_DAY}(?:\s+(?:morning|afternoon|evening|night))?
      | (?:last|this|earlier\s+this|late\s+last|early\s+last)\s+(?:week|month|year|weekend|night|spring|summer|fall|autumn|winter)
      | on\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{{1,2}}
               |Twitter|Facebook|Telegram|Instagram|YouTube|X|television|TV|air|(?:state\s+)?(?:TV|television|radio))
      | (?:earlier|later|again|also|previously|recently|repeatedly|publicly|privately|separately|
           in\s+(?:\d{{4}}|(?:January|February|March|April|May|June|July|August|September|October|November|December)))
      | (?:in|at|during|on|via|through)\s+(?:a|an|the|his|her|their|its|our)\s+(?:[\w’'-]+\s+){{0,3}}?{_MEDIUM}s?
        (?:\s+(?:with|to|on|at|in|for)\s+(?:the\s+)?(?:[A-Z][\w’'.&-]*\s*){{1,4}})?
      | (?:to|for)\s+(?:reporters|journalists|the\s+(?:press|media|audience|crowd))
      | [-–—]\s[^-–—.;:!?\n"“”]{{1,80}}?\s[-–—]  # '- four months before the takeover -', an aside
    )(?=[\s,.;:])""",
    re.X,
)


def after_circumstances(text: str, pos: int, end: int) -> int:
    """The offset after the adverbials of time, place and medium that follow a reporting verb
    ('said on Friday', 'said in a statement on Twitter'), or ``pos`` when there are none."""
    while (m := _CIRCUMSTANCE.match(text, pos, end)) is not None and m.end() > pos:
        pos = m.end()
    return pos


_THAT_FIRST = re.compile(r"\s*that\b", re.I)


def reported_after(text: str, cue_end: int, lemma: str, end: int) -> bool:
    """Does what was said follow the cue ('said that ...', 'hope to ...', 'put it in an expose,
    “...”'), rather than only when, where or how it was said ('said in his interview')?"""
    if lemma == "tell":
        cue_end = told_addressee_end(text, cue_end, end)  # ('..., Grynspan told the Security Council on Monday.')
        if not text[cue_end:end].strip(" .!?…"):
            return False
    tail = text[cue_end:end]
    if _THAT_FIRST.match(tail) or any(ch in tail for ch in "\"“«"):
        return True
    if lemma in CLAUSE_VERBS and PREPOSITION.match(tail):
        return PHRASE_THEN_THAT.match(tail) is not None
    return True



# 'told the U.N. Security Council', 'told reporters', 'told the meeting', 'told Reuters', 'told his
# supporters': the one told, a name or a noun phrase of at most five words ending in a capitalised
# word or a noun of an audience, before ':', ',', 'that' or what was said
_AUDIENCE = (
    r"(?:reporters|journalists|lawmakers|legislators|senators|supporters|voters|members|audiences?|crowds?|meeting"
    r"|council|committee|parliament|assembly|congress|senate|press|media|delegates|students|listeners|viewers"
    r"|readers|followers|workers|officials|leaders|diplomats|ministers|conference|summit|rally|gathering|court|jury"
    r"|judge|panel|hearing|interviewer|newspaper|network|agency|channel|station|broadcaster)"
)
_ADDRESSEE_WORD = re.compile(r"\s+([\w.’'&-]+)")
_NOT_ADDRESSEE = frozenset("that of about to for in on at with by from it he she they we i you him her them us me".split())
_DETERMINER = frozenset("the a an his her their its our my your".split())
_AFTER_ADDRESSEE = re.compile(r"\s*(?:[,:]|that\b|[.!?]?\s*$)")


def told_addressee_end(text: str, cue_end: int, end: int) -> int:
    """After 'told' (ending at ``cue_end``): the offset after the one told and the phrases of
    circumstance after it, or ``cue_end`` when no addressee follows.

    The one told is a name or a noun phrase of at most six words ending in a capitalised word
    or a noun of an audience ('the U.N. Security Council', 'reporters', 'the meeting', 'his
    supporters'), after which (and after when and where) comes ':', ',', 'that', a quotation
    mark or the sentence end: 'told the U.N. Security Council on Monday: "..."', 'told reporters
    Monday that ...', '..., Grynspan told the Security Council on Monday.' Pronouns ('told him
    that'), prepositions ('told of') and a quotation right after the words ('told MSNBC’s
    “Morning Joe” that') are not read here.
    """
    words: list[tuple[str, int]] = []
    pos = cue_end
    while len(words) < 6 and (m := _ADDRESSEE_WORD.match(text, pos, end)) is not None:
        w = m.group(1).rstrip(".,") if m.group(1).endswith(",") else m.group(1)
        words.append((w, m.start(1) + len(w)))
        pos = m.start(1) + len(w)
        if len(w) < len(m.group(1)):
            break
    if not words or words[0][0].lower() in _NOT_ADDRESSEE:
        return cue_end
    for k in range(len(words), 0, -1):
        w, w_end = words[k - 1]
        if k == 1 and w.lower() in _DETERMINER:
            break
        if not (w[:1].isupper() or re.fullmatch(_AUDIENCE, w)) or w.lower() in _NOT_ADDRESSEE \
                or w.endswith(("’s", "'s", "’", "'")):  # ('told MSNBC’s “Morning Joe”': the owner of what follows)
            continue
        if any(x.lower() in _NOT_ADDRESSEE for x, _ in words[1:k]):
            continue
        after = after_circumstances(text, w_end, end)
        if _AFTER_ADDRESSEE.match(text, after, end):
            return after
    return cue_end
