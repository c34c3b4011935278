"""Quotation marks: pairing them into spans, and telling speech from scare quotes.

Pairing works per paragraph with a stack, for every quote style news copy
uses: curly “ ” and ‘ ’, straight " and ', guillemets « » ‹ ›, low-high „ “,
doubled apostrophes '' and backtick openers (`peacekeeping’). An apostrophe
between letters (Azerbaijan’s) is never a quote mark. An unbalanced mark
never raises: an unclosed double quote runs to the end of its paragraph, a
stray closing mark is ignored.

Each span is then classified:

* ``speech`` — someone's words: a long quotation, or a short one governed by a
  speech verb ('warned Azeris "for the last time"', '"Never," he said'), or
  inside a clause a speech verb reports ('the DNC said the actions were
  "completely unacceptable"'; an active naming verb: 'Sanders called the
  suspension "arbitrary"');
* ``scare`` — a short span with no speech cue, used to question a word
  (Russian "peacekeepers", a "creeping war", the self-proclaimed "Republic of
  Artsakh"; 'Burton thinks that cats are "cuties".');
* ``title`` — the name of a campaign, hashtag, book, programme ('the hashtag
  "DontBeBlind"');
* ``mention`` — a word quoted to talk about the word itself ('a place called
  "Nagorno-Karabakh"', 'the term "Artsakh"').

References:
    Ideas 1, 2 and 6 of ../shared/reference/quote-attribution.md; textacy's
    negative case for "cuties".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import islice

from .tokens import TOKEN
from .verbs import speech_forms

DOUBLE = "double"
SINGLE = "single"

# mark → (type, can_open, can_close); context decides for marks that can do both.
_MARKS: dict[str, tuple[str, bool, bool]] = {
    "“": (DOUBLE, True, True),  # opens in English, closes after „ (German style)
    "”": (DOUBLE, True, True),  # closes; some copy opens with it too
    "„": (DOUBLE, True, False),
    "‟": (DOUBLE, True, False),
    "«": (DOUBLE, True, False),
    "»": (DOUBLE, False, True),
    '"': (DOUBLE, True, True),
    "＂": (DOUBLE, True, True),
    "‹": (SINGLE, True, False),
    "›": (SINGLE, False, True),
    "‘": (SINGLE, True, True),
    "‚": (SINGLE, True, False),
    "’": (SINGLE, True, True),
    "'": (SINGLE, True, True),
    "`": (SINGLE, True, False),
}
_MARK_RE = re.compile(r"''|``|[“”„‟«»\"＂‹›‘‚’'`]")
_MARK_CHAR = re.compile(r"[“”„‟«»\"＂‹›‘‚’'`]")  # the characters _MARK_RE starts with
_OPEN_BEFORE = set(" \t\n([{—–-/:;")
_CLOSE_AFTER = set(" \t\n)]},.;:!?—–-/…")
_ENDS_INNER = "'’›"  # the closing mark of a nested quote, before the outer one's


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quoted stretch of text.

    Attributes:
        start: Offset of the first character inside the marks.
        end: Offset just past the last character inside the marks.
        open_at: Offset of the opening mark.
        close_at: Offset of the closing mark, or ``None`` if unclosed.
        style: ``"double"`` or ``"single"``.
        depth: 0 for a top-level quote, 1 for a quote inside a quote, ...
        paragraph: Index of the paragraph (in the list given to :func:`find_quote_spans`).
        kind: ``speech``, ``scare``, ``title`` or ``mention`` (set by :func:`classify_spans`).
        reason: Why it got that kind.
    """

    start: int
    end: int
    open_at: int
    close_at: int | None
    style: str
    depth: int
    paragraph: int
    kind: str = ""
    reason: str = ""
    close_width: int = 1

    @property
    def closed(self) -> bool:
        return self.close_at is not None

    @property
    def outer_end(self) -> int:
        """End including the closing mark (or the content end if unclosed)."""
        if self.close_at is None:
            return self.end
        return self.close_at + self.close_width


def find_quote_spans(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[QuoteSpan]:
    """Pair quotation marks into spans, paragraph by paragraph.

    Args:
        text: The text.
        paragraphs: ``(start, end)`` of each paragraph; default: lines of ``text``.

    Returns:
        Spans sorted by start; nested spans come after the span containing them.
    """
    if paragraphs is None:
        paragraphs = []
        pos = 0
        for line in text.split("\n"):
            paragraphs.append((pos, pos + len(line)))
            pos += len(line) + 1
    # one scan of the whole text finds the marks; a paragraph with none has no span, and the
    # marks of a paragraph are those the scan found inside it unless one runs over its edge
    # (two-character marks: "''" across a paragraph boundary), where the paragraph is scanned alone
    found = _marks(text)
    starts = [a for a, _ in found]
    spans: list[QuoteSpan] = []
    for pi, (pa, pb) in enumerate(paragraphs):
        i = bisect_left(starts, pa)
        j = bisect_left(starts, max(pa, pb))
        if i == j:
            continue
        if (i > 0 and found[i - 1][1] > pa) or found[j - 1][1] > pb:
            marks = [(m.start(), m.end()) for m in _MARK_RE.finditer(text, pa, pb)]
        else:
            marks = found[i:j]
        spans.extend(_pair(text, pa, pb, pi, marks))
    spans.sort(key=lambda s: (s.open_at, -s.end))
    return spans


def _role(text: str, i: int, width: int, pa: int, pb: int) -> tuple[str, bool, bool]:
    mark = text[i : i + width]
    if width == 2:
        return (DOUBLE, True, mark == "''")
    style, can_open, can_close = _MARKS[mark]
    before = text[i - 1] if i > pa else " "
    after = text[i + width] if i + width < pb else " "
    if style == SINGLE and mark in "'’" and before.isalnum() and after.isalnum():
        return (style, False, False)  # apostrophe: it's, Azerbaijan’s
    open_ctx = before.isspace() or before in _OPEN_BEFORE or i == pa or _is_mark(before)
    close_ctx = after.isspace() or after in _CLOSE_AFTER or i + width >= pb or _is_mark(after)
    if (before.isspace() or i == pa) and (after.isspace() or i + width >= pb):
        if style == DOUBLE and i - 2 >= pa and text[i - 2] in _ENDS_INNER:
            return (style, False, True)  # 'say, \'Well done,\' " said Russell': closes after a nested quote
        return (style, False, False)  # a mark standing alone between spaces
    if mark in "\"＂'’":
        if open_ctx and not after.isspace():
            can_close = close_ctx and not before.isspace()
        elif close_ctx and not before.isspace():
            can_open = False
        if mark in "'’" and not open_ctx:
            can_open = False
    if mark == "”" and not (open_ctx and not after.isspace()):
        can_open = False
    if mark == "‘" and not open_ctx:
        can_open = before in "“\"«"
    return (style, can_open, can_close)


def _is_mark(ch: str) -> bool:
    return ch in _MARKS


def _marks(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every match of :data:`_MARK_RE` in ``text``, found by a scan for one
    character (the regular-expression engine looks for a set of characters faster than for
    alternatives): a doubled apostrophe or backtick is one mark."""
    found = []
    prev = -1
    for m in _MARK_CHAR.finditer(text):
        i = m.start()
        if i < prev:
            continue  # the second character of a doubled mark
        c = text[i]
        prev = i + 2 if (c == "'" or c == "`") and text[i + 1 : i + 2] == c else i + 1
        found.append((i, prev))
    return found


def _pair(text: str, pa: int, pb: int, pi: int, marks: list[tuple[int, int]] | None = None) -> list[QuoteSpan]:
    """The spans of paragraph ``pi`` (``text[pa:pb]``); ``marks``: the (start, end) of its quote marks, if known."""
    if marks is None:
        marks = [(m.start(), m.end()) for m in _MARK_RE.finditer(text, pa, pb)]
    out: list[QuoteSpan] = []
    stack: list[tuple[str, int, int]] = []  # (style, mark offset, mark width)
    for i, e in marks:
        width = e - i
        style, can_open, can_close = _role(text, i, width, pa, pb)
        if not (can_open or can_close):
            continue
        level = None
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][0] == style:
                level = k
                break
        if can_close and level is not None and (not can_open or _prefers_close(text, i, width, pb, stack[level])):
            _, oi, ow = stack[level]
            del stack[level:]
            out.append(QuoteSpan(oi + ow, i, oi, i, style, level, pi, close_width=width))
        elif can_open:
            if stack and _reopens(text, stack[-1], style, i, width, pa):
                # 'He said: “The US should be aware. “China might say …”': the same opening mark
                # again after a sentence end is the next paragraph of the quote, reopened as the
                # convention wants, in a text that lost its paragraph breaks
                _, oi, ow = stack.pop()
                end = i
                while end > oi + ow and text[end - 1].isspace():
                    end -= 1
                out.append(QuoteSpan(oi + ow, end, oi, None, style, len(stack), pi))
            stack.append((style, i, width))
    # Unclosed: a double quote runs to the paragraph end; a lone single mark is dropped.
    for level, (style, oi, ow) in enumerate(stack):
        if style == DOUBLE:
            end = pb
            while end > oi + ow and text[end - 1].isspace():
                end -= 1
            if end > oi + ow:
                out.append(QuoteSpan(oi + ow, end, oi, None, style, level, pi))
    return out


_SENTENCE_END_BEFORE = re.compile(r"[.!?…]\s+$")


def _reopens(text: str, opened: tuple[str, int, int], style: str, i: int, width: int, pa: int) -> bool:
    """Does the opening mark at ``i`` reopen the open double quote ``opened`` (the same mark,
    after a sentence end, with a capital after it) rather than nest a quote in it?"""
    o_style, oi, ow = opened
    return (
        style == DOUBLE == o_style
        and text[oi : oi + ow] == text[i : i + width]
        and text[i + width : i + width + 1].isupper()
        and _SENTENCE_END_BEFORE.search(text, max(pa, i - 4), i) is not None
    )


def _prefers_close(text: str, i: int, width: int, pb: int, opened: tuple[str, int, int]) -> bool:
    """For a mark that could open or close: close, unless it plainly opens a new quote."""
    after = text[i + width] if i + width < pb else " "
    before = text[i - 1] if i > 0 else " "
    return not (before.isspace() and not after.isspace())


# --- classification ----------------------------------------------------------------

_TITLE_CUES = frozenset(
    "hashtag campaign titled entitled headlined book film movie song slogan motto operation programme program "
    "project initiative newspaper magazine channel show series documentary report album podcast".split()
)
_MENTION_CUES = (
    ("the", "word"), ("the", "term"), ("the", "expression"), ("the", "name"), ("the", "phrase"), ("the", "label"),
    ("called",), ("named",), ("dubbed",), ("known", "as"), ("referred", "to", "as"), ("termed",), ("word",), ("term",),
)
# Markers right before a quote that make it a scare quote (tokens are split at hyphens).
_DISTANCING_BEFORE = frozenset({
    "so called", "self proclaimed", "self styled", "self declared", "unrecognised", "unrecognized",
    "alleged", "purported", "pseudo", "breakaway", "de facto",
})
_TERMINAL = re.compile(r"[.!?…,;:]\s*$")
_TERMINAL_SENTENCE = re.compile(r"[.!?…]\s*$")
SCARE_MAX_WORDS = 5
CUE_WINDOW = 5


def classify_spans(
    text: str, spans: list[QuoteSpan], sentences: list[tuple[int, int]] | None = None
) -> list[QuoteSpan]:
    """Give each span its kind (speech, scare, title, mention) and the reason.

    Args:
        text: The text the spans index into.
        spans: From :func:`find_quote_spans`.
        sentences: ``(start, end)`` of each sentence, to keep cue search inside one sentence.
    """
    speech = speech_forms()
    out: list[QuoteSpan] = []
    starts = [st for st, _ in sentences] if sentences else []
    for s in spans:
        kind, reason = _classify(text, s, speech, _sentence_bounds(s, sentences, len(text), starts))
        prev = out[-1] if out else None
        if (
            kind == "scare"
            and prev is not None
            and prev.kind == "speech"
            and prev.close_at is not None
            and prev.depth == s.depth
            and _COORDINATION.fullmatch(text[prev.outer_end : s.open_at])
            and len(_first_words(text, s.start, s.end, SCARE_MAX_WORDS + 1)) <= SCARE_MAX_WORDS
        ):
            kind, reason = "speech", "coordinated with the speech quotation before it"
        out.append(QuoteSpan(s.start, s.end, s.open_at, s.close_at, s.style, s.depth, s.paragraph, kind, reason, s.close_width))
    return out


_COORDINATION = re.compile(r"[\s,]*(?:and|or|,)\s*")
_CALL = frozenset({"call", "calls", "called", "calling"})


def _speech_cue(tokens: list[str], speech: frozenset[str]) -> bool:
    """A speech verb among ``tokens`` ("called" counts only as "called on/upon/for")."""
    for k, t in enumerate(tokens):
        if t in speech:
            if t in _CALL and (k + 1 >= len(tokens) or tokens[k + 1] not in ("on", "upon", "for")):
                continue
            return True
    return False


def _sentence_bounds(
    s: QuoteSpan, sentences: list[tuple[int, int]] | None, n: int, starts: list[int]
) -> tuple[int, int]:
    """Start of the sentence holding the opening mark, end of the sentence holding the content's end."""
    if not sentences:
        return (0, n)
    i = bisect_right(starts, s.open_at) - 1
    j = bisect_right(starts, s.end) - 1
    a = sentences[i][0] if i >= 0 else 0
    b = sentences[j][1] if j >= 0 else n
    return (min(a, s.open_at), max(b, s.end))


def _opens_sentence(text: str, bounds: tuple[int, int], s: QuoteSpan) -> bool:
    """Does the quotation open its sentence (nothing but white space before its mark)?"""
    return not text[bounds[0] : s.open_at].strip()


def _long_speaker_then_verb(after: str, speech: frozenset[str]) -> bool:
    """A speaker of five or six words, then a speech verb, in the clause after a quotation that
    opens its sentence ('"…," some independent Armenian sources said'; '"…," Senator Lisa
    Murkowski of Alaska told'); not a clause that goes on with a verb of its own ('"Embarrassed,"
    was the theme of a mock State of the State video')."""
    words = [t.lower() for t in _words(_CLAUSE_END.split(after.lstrip(" ,"), 1)[0])][:8]
    for k, w in enumerate(words):
        if w in speech:
            speaker = words[:k]
            j = next((j for j, x in enumerate(speaker) if x in ("who", "that")), -1)
            if 0 < j < k - 2 and speaker[j + 1] in _WHERE_THEY_WERE:
                speaker = speaker[:j]  # 'one person who was there told me', 'a man who attended the rally said'
            elif k > 5:
                return False
            return _speech_cue(words[k:], speech) and not _NOT_A_SPEAKER.intersection(speaker)
    return False


# 'who was there', 'who attended the rally': a relative clause that places the speaker
_WHERE_THEY_WERE = frozenset("was were attended saw watched witnessed".split())


# words that show the clause after a quotation is no speaker and its verb
_NOT_A_SPEAKER = frozenset("is was are were be been has have had which who that as to".split())


def _words(s: str) -> list[str]:
    return TOKEN.findall(s)


# where the clause after a quotation ends (not at the point of 'U.N. official')
_CLAUSE_END = re.compile(r"[,;:!?()\[\]—–]|\.\s+(?=[A-Z\"“‘'])")
_FEW = 13  # more words than any rule below looks at (title case: at most 12)
_HASH = re.compile(r"\s*#")


def _first_words(text: str, a: int, b: int, limit: int = _FEW) -> list[str]:
    """Up to ``limit`` words of ``text[a:b]``, read without slicing or scanning the rest.

    An unclosed quote runs to its paragraph's end, so a paragraph with many
    stray marks holds many long spans; reading only their first words keeps
    classification linear in the paragraph's length.
    """
    return [m.group(0) for m in islice(TOKEN.finditer(text, a, b), limit)]


def _classify(text: str, s: QuoteSpan, speech: frozenset[str], bounds: tuple[int, int]) -> tuple[str, str]:
    words = _first_words(text, s.start, s.end)
    # Only quotes of fewer than _FEW words are looked at whole (their text is short but for
    # pathological tokens, and at most _FEW - 1 spans of a paragraph can be so short).
    content = text[s.start : s.end] if len(words) < _FEW else ""
    before_tokens = list(map(str.lower, TOKEN.findall(text, max(bounds[0], s.open_at - 120), s.open_at)))
    hashtag = _HASH.match(text, s.start, s.end) is not None
    if hashtag or (before_tokens and before_tokens[-1] in _TITLE_CUES) or (
        len(before_tokens) > 1 and before_tokens[-2] in _TITLE_CUES and before_tokens[-1] in ("the", "a", "an")
    ):
        return "title", "after a title word" if not hashtag else "a hashtag"
    prev_two = " ".join(before_tokens[-2:])
    if len(words) <= SCARE_MAX_WORDS and (before_tokens[-1:] and before_tokens[-1] in _DISTANCING_BEFORE or prev_two in _DISTANCING_BEFORE):
        return "scare", "after a distancing marker"
    if len(words) <= SCARE_MAX_WORDS and _mention_before(before_tokens):
        return "mention", "the word itself is talked about"
    if len(words) >= 3 and _title_case(content) and not _speech_cue(before_tokens[-2:], speech):
        return "title", "a name in title case (a book, a show, a campaign)"
    if len(words) > SCARE_MAX_WORDS:
        return "speech", "a quotation of more than five words"
    if (
        _TERMINAL_SENTENCE.search(content)
        and _opens_sentence(text, bounds, s)
        and not text[s.outer_end : bounds[1]].strip(" \t\"'”’»)")
        and len(words) >= 2
    ):
        return "speech", "a quoted full sentence"
    if not words:
        return "scare", "no words"
    if _speech_cue(before_tokens[-CUE_WINDOW:], speech):
        return "speech", "a speech verb governs it"
    sentence_before = list(map(str.lower, TOKEN.findall(text, max(bounds[0], s.open_at - 300), s.open_at)))
    reported = _reported_clause(sentence_before, speech)
    if reported:
        return "speech", reported
    after_text = text[s.outer_end : min(bounds[1] + 1, s.outer_end + 80)]
    ends_like_speech = bool(_TERMINAL.search(content)) or after_text[:1] in (",", "!", "?")
    if ends_like_speech and (
        _speech_cue([t.lower() for t in _words(after_text)][:4], speech)
        or _opens_sentence(text, bounds, s) and _long_speaker_then_verb(after_text, speech)
    ):
        return "speech", "a speech verb follows it"
    if _TERMINAL.search(content) and text[max(bounds[0], s.open_at - 3) : s.open_at].rstrip().endswith(":") \
            and _speech_cue(sentence_before, speech):
        # 'Griffiths told the U.N. Security Council on Monday: "None were in the corridor."'
        return "speech", "a quoted sentence after a colon, in a sentence with a speech verb"
    return "scare", "a short quotation with no speech verb"


# Finite verbs that show a clause between a speech verb and a quote: 'the DNC said the
# staffers' actions were "completely unacceptable"'.
_FINITE = frozenset(
    "is are was were be been being has have had will would can could should may might must does did do "
    "'s 're".split()
)
_NAMING_VERBS = frozenset("called calls calling described describes describing labelled labeled branded dubbed termed".split())
_PASSIVE = frozenset("is are was were be been being".split())
_DETERMINERS = frozenset("the a an these those this that his her their its our my your some such".split())


def _reported_clause(before: list[str], speech: frozenset[str]) -> str:
    """Is the quote inside a clause reported by a speech verb earlier in the sentence?

    Returns the reason, or "" when it is not: 'said he was "happy to see"'
    (a clause with a finite verb after the speech verb), 'Sanders called the
    suspension "arbitrary"' (an active naming verb with its object). Not:
    'declared the dissolution of the "Nagorno-Karabakh Republic"' (a noun
    phrase object), 'it can be called a "creeping war"' (passive).
    """
    for k in range(len(before) - 1, -1, -1):
        t = before[k]
        if t not in speech or (k > 0 and before[k - 1] in _DETERMINERS):
            continue  # not a verb, or a noun ("these attacks", "his claims")
        tail = before[k + 1 :]
        if t in _NAMING_VERBS:
            if k > 0 and before[k - 1] in _PASSIVE or not tail or tail[0] in ("on", "upon", "for"):
                return ""
            return "an active naming verb gives the speaker's word"
        if t in ("call", "calls", "called", "calling"):
            return ""
        if tail and (tail[0] == "that" or any(w in _FINITE for w in tail)):
            return "inside a clause reported by a speech verb"
        return ""
    return ""


_SMALL_WORDS = frozenset("a an and the of in on at to for with by or nor but from as is vs v".split())


def _title_case(content: str) -> bool:
    """'How the Grinch Stole Christmas', 'Trump Revealed', 'The Nightly Show with Larry Wilmore'."""
    words = [w for w in _words(content) if not w.isdigit()]
    if not 2 <= len(words) <= 12 or re.search(r"[.!?]\W*$", content) and not content.rstrip().endswith(("!", "?")):
        return False
    if content.isupper():
        return False
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(big) and all(w[:1].isupper() for w in big) and words[0][:1].isupper()


def _mention_before(before: list[str]) -> bool:
    for cue in _MENTION_CUES:
        k = len(cue)
        if tuple(before[-k:]) == cue:
            return True
    return False
