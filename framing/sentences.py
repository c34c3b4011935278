"""Sentence splitting with character offsets, tuned for news copy.

A rule-based splitter: a sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any
closing quote marks and brackets after it) followed by white space and a
character that can start a sentence. It does not end after a known
abbreviation ("Mr.", "Lt-Col.", "Jan."), an initial ("J. Smith"), or when the
next word starts in lower case ('"Why?" he asked') — but an abbreviation that
can end a sentence ("U.S.", "D.C.", "Inc.", "p.m.") ends it before a word that
opens sentences ("… against the U.S. The move …"). Paragraph breaks always end
a sentence, so headings and embedded-post lines stand alone.
"""

from __future__ import annotations

import re

# Abbreviations that do not end a sentence when followed by a capitalised word.
# Lower-case, without the final period; hyphenated ranks are matched on their last part too.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms mx dr prof rev hon sr jr st mt ft fr
    gen col lt maj capt cpt cmdr cdr adm brig sgt cpl pvt lt-col lt-gen maj-gen brig-gen
    gov sen rep pres amb supt insp det
    no nos vol vols pp p fig figs art arts sec ch para
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    inc ltd co corp bros plc llc dept univ assn est approx
    vs etc al e.g i.e cf viz
    u.s u.k u.n u.s.a e.u d.c a.m p.m
    """.split()
)

# Abbreviations that end a sentence when one ends with them ('… in the U.S.', '… Acme Inc.',
# '… at 10 p.m.'), unlike titles ('Mr.'), initials and 'e.g.'; dotted acronyms count too (see
# _may_end). They end it when the next word is one that opens sentences, not names.
ENDING_ABBREVIATIONS = frozenset("inc ltd co corp bros plc llc jr sr etc a.m p.m".split())
_OPENER = re.compile(
    r"(?:The|An?|He|She|It|They|We|But|And|In|On|At|This|That|These|Those|There|His|Her|Their|Its|Our"
    r"|However|Meanwhile|Yet|After|When|While|If|Some|Many|Most)\s"
)
_NOT_ENDING = frozenset("e.g i.e".split())

_CLOSERS = "\"'”’»)]}"
# A candidate sentence end: terminal marks and any closing marks, then white space and the
# next visible character (group 1). With no visible character after it, no later candidate
# exists either: the rest of the text is white space. ("[.!?…][.!?…]*" is "[.!?…]+"
# written so that the regular-expression engine skips to the next mark at C speed.)
_END = re.compile(r"[.!?…][.!?…]*[\"'”’»)\]}]*(?=\s+(\S))")
_WORD_BEFORE = re.compile(r"([\w.'’-]+)$")  # what _word_before finds, by definition
_NOT_WORDISH = re.compile(r"[^\w.'’-]")
_VISIBLE = re.compile(r"\S")
# '"Is this peace?" Aliyev asked.' — a quoted question or exclamation followed by
# its attribution is one sentence.
_ATTRIBUTION_AFTER = re.compile(
    r"\s+(?:[A-Z][\w'’.-]*\s+){1,4}(?:said|says|asked|asks|added|adds|replied|wrote|writes|told|insisted|claimed|"
    r"shouted|cried|exclaimed|explained|continued|demanded|wondered|warned|tweeted|declared)\b"
)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentences.

    Returns:
        ``(start, end)`` offsets into ``text``, stripped of surrounding white
        space; never empty spans.

    Examples:
        >>> t = 'Lt-Col. Muradov arrived. "Why?" he asked. Mr. Smith left.'
        >>> [t[s:e] for s, e in split_sentences(t)]
        ['Lt-Col. Muradov arrived.', '"Why?" he asked.', 'Mr. Smith left.']
    """
    if end is None:
        end = len(text)
    spans: list[tuple[int, int]] = []
    if 0 <= start < end <= len(text) and not text[start].isspace():
        cur = start  # a cleaned paragraph starts with a visible character: no search needed
    else:
        first = _VISIBLE.search(text, start, end)
        if first is None:
            return spans
        cur = first.start()
    # Speed: the text is searched in place (no copy of the segment), and the match gives the
    # next visible character, so a sentence ends right after its closing marks and the next
    # one begins at that character: no white space to strip but at the two ends.
    for m in _END.finditer(text, cur, end):
        nxt = m.start(1)
        if not _can_start(text[nxt]):
            continue
        stop = m.end()
        if stop - m.start() == 1 and text[m.start()] == "." and _is_abbreviation(text, start, m.start()) \
                and not (_OPENER.match(text, nxt) and ends_with_abbreviation(text, start, m.start())):
            continue  # ('sanctions against the U.S. The move …' ends after 'U.S.')
        if text[stop - 1] in _CLOSERS and _ATTRIBUTION_AFTER.match(text, stop, end):
            continue  # '"We will win." Trump said.' is one sentence
        spans.append((cur, stop))
        cur = nxt
    # the last sentence: visible from cur (a cleaned paragraph ends with a visible character)
    last = end if cur < end <= len(text) and not text[end - 1].isspace() else cur + len(text[cur:end].rstrip())
    spans.append((cur, last))
    return spans


def _can_start(ch: str) -> bool:
    """A sentence may start with an upper-case letter, a digit, or an opening mark."""
    if ch.isalpha():
        return not ch.islower()
    return ch.isdigit() or ch in "\"'“‘«([—–-#@*" or not ch.isalnum()


def _word_before(text: str, lo: int, dot: int) -> str:
    """``_WORD_BEFORE.search(text, max(lo, dot - 40), dot).group(1)``, or "" when it finds nothing.

    That search tries every start in the window; here the run of word characters,
    periods, apostrophes and hyphens that ends the window is found from its end
    instead (one search over the reversed window). Like ``$``, the run may also
    end right before a line feed that ends the window.
    """
    start = max(lo, dot - 40)
    end = dot - 1 if dot > start and text[dot - 1] == "\n" else dot
    # Most often a space ends the run: the run is what follows the last space, when that
    # holds no other character that ends a run (a space is not one of the run's characters).
    space = text.rfind(" ", start, end)
    if space >= 0:
        word = text[space + 1 : end]
        if _NOT_WORDISH.search(word) is None:
            return word
    window = text[start:end]
    m = _NOT_WORDISH.search(window[::-1])
    return window if m is None else window[len(window) - m.start() :]


def _is_abbreviation(text: str, lo: int, dot: int) -> bool:
    """Whether the word before the period at ``dot`` (not before ``lo``) is an abbreviation or an initial."""
    word = _word_before(text, lo, dot)
    known = _ABBREVIATION_MEMO.get(word)
    if known is None:
        if len(_ABBREVIATION_MEMO) >= 50_000:
            _ABBREVIATION_MEMO.clear()
        known = _ABBREVIATION_MEMO[word] = _is_abbreviation_word(word)
    return known


#: Word before a period -> :func:`_is_abbreviation_word` of it (a pure function, kept per word).
_ABBREVIATION_MEMO: dict[str, bool] = {}


def ends_with_abbreviation(text: str, lo: int, dot: int) -> bool:
    """Is the full stop at ``dot`` the end of an abbreviation that may end a sentence ('… in the
    U.S.'), so that it stays with the words when a clause is cut before the sentence's stop?"""
    return text[dot : dot + 1] == "." and _may_end(_word_before(text, lo, dot))


def _may_end(word: str) -> bool:
    """Can the abbreviation ``word`` (what :func:`_word_before` found) end a sentence: 'U.S',
    'D.C', 'Inc', 'p.m'? Not a title or an initial."""
    word = word.lower().strip("'’")
    if word in ENDING_ABBREVIATIONS:
        return True
    parts = word.split(".")
    return word not in _NOT_ENDING and len(parts) > 1 and all(0 < len(p) <= 2 and p.isalpha() for p in parts)


def _is_abbreviation_word(word: str) -> bool:
    """Whether ``word`` (what :func:`_word_before` found) is an abbreviation or an initial."""
    if not word:
        return False
    word = word.lower().strip("'’")
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. Smith"
    if word in ABBREVIATIONS:
        return True
    last = word.rsplit("-", 1)[-1]
    if last in ABBREVIATIONS and len(last) > 1:
        return True
    # Dotted acronyms: "U.S.", "e.g." — a period inside the token.
    return "." in word and all(len(part) <= 2 for part in word.split(".") if part)
