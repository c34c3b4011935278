"""The speed shortcuts of the quote stage give exactly what their plain definitions give.

* ``speakers.find_speaker_before`` keeps, per cue, what the subject rules answered on the words
  it read, and gives that answer again for other limits that read the same last words; it must
  equal a fresh look-up (nothing kept) for any sequence of limits.
* ``speakers._subject_before_appositions`` reads the comma pieces from the verb back, only as
  far as its rules go: it must equal reading all pieces first (the definition, kept below).
* ``quotemarks.find_quote_spans`` finds the marks of all paragraphs in one scan for a set of
  characters: the same marks as :data:`quotemarks._MARK_RE` in each paragraph.
* ``Actors._find`` looks up only word runs made of alias words: the same actor as trying every run.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import framing.speakers as speakers
from framing.actors import Actor, ActorGroup, Actors
from framing.mentions import Mention, SpeakerInfo, _classify, _person_names, _words
from framing.quotemarks import _MARK_RE, _marks, _pair, find_quote_spans
from framing.speakers import (
    _CONJUNCTIONS,
    _DETERMINER_START,
    _INTRO_WORDS,
    _NOT_SPEAKERS_OR_INTRO,
    _RELATIVE,
    _cap,
    _clause_subject,
    _clean_mention,
    _name_piece,
    _speaker_before,
    _speaker_before_words,
    _subject_before_appositions,
    find_speaker_before,
)
from framing.tokens import term_key


def _nothing_kept() -> tuple:
    """speakers' memo as at the start (no text, nothing kept)."""
    return ("",) + tuple({} for _ in speakers._tails[1:])


def _fresh(fn, *args):
    """``fn(*args)`` with nothing kept from earlier look-ups (and the kept answers restored after)."""
    kept = speakers._tails
    speakers._tails = _nothing_kept()
    try:
        return fn(*args)
    finally:
        speakers._tails = kept


# --- find_speaker_before: answers kept per cue --------------------------------------------------

_TEXT = "On Monday, after talks in Baku, the Defense Ministry said it."


@pytest.mark.parametrize(
    ("limit", "expected"),
    [
        # 'the Defense Ministry' is 'the' (32-35) 'Defense' (36-43) 'Ministry' (44-52) before 'said' (53)
        (0, ("the Defense Ministry", 32, 52, "organisation")),
        # from the comma after 'Baku' (30): the same words end the reading, the same answer
        (31, ("the Defense Ministry", 32, 52, "organisation")),
        # from 'Defense' (36): 'the' is not read, the subject is 'Defense Ministry' (36-52)
        (36, ("Defense Ministry", 36, 52, "organisation")),
        # from inside 'Defense' (38): the reading starts with 'fense' (38-43), 'fense Ministry' is
        # trimmed to 'Ministry' (44-52) by the cleaning (a lower-case word cannot open it)
        (38, ("Ministry", 44, 52, "organisation")),
        # from 'Baku' (26): as from 0
        (26, ("the Defense Ministry", 32, 52, "organisation")),
    ],
)
def test_speaker_before_kept_answers_hand_cases(limit: int, expected: tuple[str, int, int, str]) -> None:
    cue = _TEXT.index(" said") + 1
    assert cue == 53
    # the limits in this order: each look-up after the first may take a kept answer
    for lim in (0, 31, 36, 38, 26):
        find_speaker_before(_TEXT, cue, lim)
    m = find_speaker_before(_TEXT, cue, limit)
    assert m is not None and tuple(m) == expected
    assert _fresh(find_speaker_before, _TEXT, cue, limit) == m


_PIECES = st.sampled_from([
    "the", "The", "Defense", "Ministry", "ministry", "officials", "he", "He", "who", "and", "Mr.", "Smith", "John",
    "(R-Fla.)", "on", "Monday", "of", "November", "10", "2020", "some", "sources", "Azeri", "it’s", "U.S.", "x1",
    "Éva", "spokesman", "later", "also", "has", "angrily", "said", "Tuesday", "morning", "former", "prosecutors",
    "after", "some", "analysts", "Her", "campaign", "manager", "Robby", "Mook", "last", "week", "dated",
])
_SEPS = st.sampled_from([" ", " ", " ", ", ", "  ", "-", ".", "\n", "’", "'"])


@settings(max_examples=500, deadline=None)
@given(
    pieces=st.lists(st.tuples(_PIECES, _SEPS), min_size=1, max_size=18),
    picks=st.lists(st.integers(0, 10_000), min_size=1, max_size=6),
)
def test_speaker_before_with_kept_answers_equals_a_fresh_look_up(pieces: list[tuple[str, str]], picks: list[int]) -> None:
    text = "".join(w + s for w, s in pieces) + "said so."
    cue = len(text) - len("said so.")
    speakers._tails = _nothing_kept()  # this text's look-ups start here
    for pick in picks:
        limit = pick % (cue + 1)
        assert find_speaker_before(text, cue, limit) == _fresh(find_speaker_before, text, cue, limit)
        assert _speaker_before(text, cue, limit) == _fresh(_speaker_before, text, cue, limit)


_SOME = "Yesterday some of the officials said so."


@pytest.mark.parametrize(
    ("limit", "expected"),
    [
        # 'Yesterday' 0-9, 'some' 10-14, 'of' 15-17, 'the' 18-21, 'officials' 22-31, 'said' at 32.
        # From 0 the rules stop at 'the' (index 3) and read 'some of' before it: 'some of the
        # officials' (10-31), a part of them, anonymous; the answer holds for limits up to 10
        (0, ("some of the officials", 10, 31, "anonymous")),
        (10, ("some of the officials", 10, 31, "anonymous")),
        # from the space after 'some' (14) 'some' is not read: 'the officials' (18-31)
        (14, ("the officials", 18, 31, "anonymous")),
        # from inside 'some' (12): 'me' (12-14) is not 'some' either
        (12, ("the officials", 18, 31, "anonymous")),
    ],
)
def test_kept_answers_hold_only_up_to_the_words_the_rules_read(limit: int, expected: tuple[str, int, int, str]) -> None:
    speakers._tails = _nothing_kept()
    assert find_speaker_before(_SOME, 32, 0) == Mention("some of the officials", 10, 31, "anonymous")  # kept
    m = find_speaker_before(_SOME, 32, limit)
    assert m is not None and tuple(m) == expected
    assert _fresh(find_speaker_before, _SOME, 32, limit) == m


def test_a_new_text_starts_a_new_memo() -> None:
    # the same offsets in another text: 'Smith' (0-5) there, not the answer kept for _TEXT
    cue = _TEXT.index(" said") + 1
    find_speaker_before(_TEXT, cue, 0)
    other = "Smith" + " " * (cue - 5) + "said it."
    m = find_speaker_before(other, cue, 0)
    assert m is not None and tuple(m) == ("Smith", 0, 5, "person")


# --- appositions: pieces read from the verb back ---------------------------------------------------

def _appositions_all_pieces(text: str, cue_start: int, limit: int) -> Mention | None:
    """The definition: every comma piece read first, then the rules (the code before the shortcut)."""
    pieces = []
    a = limit
    for m in re.finditer(",", text[limit:cue_start]):
        pieces.append(_words(text, a, limit + m.start()))
        a = limit + m.end()
    pieces.append(_words(text, a, cue_start))
    pieces = [p for p in pieces if p]
    if not pieces:
        return None
    last = pieces[-1]
    if len(pieces) > 1 and _name_piece(last) and not _name_piece(pieces[-2]) and pieces[-2][0][0].lower() not in _RELATIVE \
            and not (len(pieces) > 2 and _name_piece(pieces[-3])):
        return Mention(text[last[0][1] : last[-1][2]], last[0][1], last[-1][2], "person")
    for k in range(len(pieces) - 1, -1, -1):
        p = pieces[k]
        first, low = p[0][0], p[0][0].lower()
        if k > 0 and (
            k == len(pieces) - 1
            or low in _RELATIVE
            or pieces[k - 1][0][0].lower() in _RELATIVE
            or not _cap(first) and low not in _CONJUNCTIONS
            or low in _DETERMINER_START and _cap(pieces[k - 1][-1][0]) and pieces[k - 1][0][0].lower() not in _INTRO_WORDS
            or _cap(first) and len(p) <= 8 and low not in _INTRO_WORDS and any(not _cap(w[0]) for w in p)
        ):
            continue
        if k == len(pieces) - 1 and len(p) > 6:
            return _clause_subject(text, p)
        m = _clean_mention(text, *_speaker_before_words(text, p[-1][2], p[0][1]))
        if m is None and len(p) <= 6 and _cap(first) and low not in _NOT_SPEAKERS_OR_INTRO:
            m = Mention(text[p[0][1] : p[-1][2]], p[0][1], p[-1][2], _classify([w[0] for w in p]))
        return m
    return None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'Her campaign manager, Robby Mook, said': a bare name (22-32) closes the apposition
        ("Her campaign manager, Robby Mook, said", ("Robby Mook", 22, 32, "person")),
        # 'Cruz, the only candidate, said': 'the only candidate' describes 'Cruz' (0-4)
        ("Cruz, the only candidate, said", ("Cruz", 0, 4, "person")),
        # 'Smith, who spoke, said': a relative clause describes 'Smith' (0-5)
        ("Smith, who spoke, said", ("Smith", 0, 5, "person")),
    ],
)
def test_appositions_hand_cases(text: str, expected: tuple[str, int, int, str]) -> None:
    cue = text.rindex("said")
    m = _fresh(_subject_before_appositions, text, cue, 0)
    assert m is not None and tuple(m) == expected
    assert _fresh(_appositions_all_pieces, text, cue, 0) == m


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.tuples(_PIECES, st.sampled_from([" ", ", ", ",", " , ", ",,"])), min_size=1, max_size=14),
       pick=st.integers(0, 10_000))
def test_appositions_equal_reading_all_pieces(pieces: list[tuple[str, str]], pick: int) -> None:
    text = "".join(w + s for w, s in pieces) + "said so."
    cue = len(text) - len("said so.")
    limit = pick % (cue + 1)
    assert _fresh(_subject_before_appositions, text, cue, limit) == _fresh(_appositions_all_pieces, text, cue, limit)


# --- quotation marks: one scan for the marks --------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # '' (1-3) is one mark, then “ (4) and ” (6)
        ("a''b“c”", [(1, 3), (4, 5), (6, 7)]),
        # three apostrophes: '' (0-2), then ' (2-3)
        ("'''", [(0, 2), (2, 3)]),
        # `` (0-2), a lone ` (3-4); an apostrophe and a backtick are two marks (5, 6)
        ("``x`y'`", [(0, 2), (3, 4), (5, 6), (6, 7)]),
        ("no marks here", []),
    ],
)
def test_marks_hand_cases(text: str, expected: list[tuple[int, int]]) -> None:
    assert _marks(text) == expected
    assert [m.span() for m in _MARK_RE.finditer(text)] == expected


_QUOTE_TEXT = st.text(alphabet="ab '`\"“”‘’«»„\n.", max_size=40)


@settings(max_examples=500, deadline=None)
@given(text=_QUOTE_TEXT)
def test_marks_equal_the_pattern(text: str) -> None:
    assert _marks(text) == [m.span() for m in _MARK_RE.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(text=_QUOTE_TEXT, cuts=st.lists(st.integers(0, 40), max_size=5))
def test_spans_equal_pairing_each_paragraph_alone(text: str, cuts: list[int]) -> None:
    # paragraphs that touch each other (a doubled mark can run over their edge) and lines
    bounds = sorted({0, len(text), *(min(c, len(text)) for c in cuts)})
    paragraphs = list(zip(bounds, bounds[1:], strict=False))
    plain = [s for pi, (pa, pb) in enumerate(paragraphs) for s in _pair(text, pa, pb, pi)]
    plain.sort(key=lambda s: (s.open_at, -s.end))
    assert find_quote_spans(text, paragraphs) == plain


def test_a_doubled_mark_over_a_paragraph_edge() -> None:
    # "''" at 1-3 runs over the edge at 2: each paragraph holds one apostrophe, so the two
    # paragraphs 'a'' and ''b' pair nothing ('a' + apostrophe: an apostrophe after a letter at the
    # paragraph end cannot open; apostrophe + 'b' at the start cannot close)
    text = "a''b"
    assert find_quote_spans(text, [(0, 2), (2, 4)]) == []
    # read as one paragraph it is one doubled mark (1-3): a double quote that opens and is never
    # closed, so it runs to the paragraph's end: the span 'b' (3-4)
    assert [(s.start, s.end, s.open_at, s.close_at) for s in find_quote_spans(text, [(0, 4)])] == [(3, 4, 1, None)]
    assert _marks(text) == [(1, 3)]


# --- actors: only runs of alias words are looked up ------------------------------------------------

_ACTORS = Actors(
    actors=[
        Actor(id="np", name="Nikol Pashinyan", type="person", side="armenian", aliases=("Pashinyan",)),
        Actor(id="mod", name="Ministry of Defense", type="organisation", side="azerbaijani",
              aliases=("Defense Ministry",)),
    ],
    groups=[ActorGroup(id="am", label="Armenia", side="armenian", terms=("Armenia",))],
    nationality={"azeri": "azerbaijani"},
)


def _find_every_run(actors: Actors, mention: str) -> Actor | None:
    """The definition: every run of words, longest first, the last run first among runs of a size."""
    key = term_key(mention)
    words, gaps = key[0::2], key[1::2]
    n = len(words)
    for size in range(min(n, actors._max), 0, -1):
        for start in (n - size, *range(n - size - 1, -1, -1)):
            parts: list[str] = []
            for k in range(start, start + size):
                if parts:
                    parts.append(gaps[k - 1])
                parts.append(words[k])
            hit = actors._by_alias.get(tuple(parts))
            if hit is not None:
                return hit
    return None


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("Armenian Prime Minister Nikol Pashinyan", "np"),  # the trailing run 'Nikol Pashinyan'
        ("Pashinyan", "np"),
        ("the Azeri Defense Ministry", "mod"),  # 'Defense Ministry', an alias
        ("Defense Minister Pashinyan", "np"),  # 'Defense' is an alias word, but no run with it is an alias
        ("the spokesman", None),  # no alias word at all
        ("", None),
    ],
)
def test_find_hand_cases(mention: str, expected: str | None) -> None:
    hit = _ACTORS._find(mention)
    assert (hit.id if hit else None) == expected
    assert _find_every_run(_ACTORS, mention) == hit


@settings(max_examples=400, deadline=None)
@given(words=st.lists(st.sampled_from(["Nikol", "Pashinyan", "Defense", "Ministry", "of", "the", "Azeri", "Prime", "x"]),
                      max_size=7),
       seps=st.lists(st.sampled_from([" ", "-", "/", " "]), min_size=7, max_size=7))
def test_find_equals_trying_every_run(words: list[str], seps: list[str]) -> None:
    mention = "".join(w + s for w, s in zip(words, seps, strict=False)).strip()
    assert _ACTORS._find(mention) == _find_every_run(_ACTORS, mention)


def test_describe() -> None:
    # an actor; else a group (the whole mention, 'the' left out); else a nationality word's side
    assert _ACTORS.describe("Nikol Pashinyan")[0].id == "np"  # type: ignore[union-attr]
    assert _ACTORS.describe("the Armenia")[1].id == "am"  # type: ignore[union-attr]
    assert _ACTORS.describe("Azeri officials") == (None, None, "azerbaijani")
    assert _ACTORS.describe("a user") == (None, None, "")


# --- records and names ---------------------------------------------------------------------------

def test_mention_and_speaker_records() -> None:
    m = Mention("he", 3, 5, "pronoun")
    assert repr(m) == "Mention(text='he', start=3, end=5, type='pronoun')"
    assert m == Mention("he", 3, 5, "pronoun") and hash(m) == hash(Mention("he", 3, 5, "pronoun"))
    assert m != Mention("he", 3, 5, "person")
    assert (m.text, m.start, m.end, m.type) == ("he", 3, 5, "pronoun")
    with pytest.raises(AttributeError):
        m.start = 4  # type: ignore[misc]
    s = SpeakerInfo("Nikol Pashinyan", "person", "armenian")
    assert repr(s) == "SpeakerInfo(name='Nikol Pashinyan', type='person', side='armenian', how='')"


def test_person_names() -> None:
    # 'President Ilham Aliyev' (0-22) without its title; 'met ' (23-27); 'Nikol Pashinyan' at 27;
    # 'The Defense Ministry' holds an institution word: no name
    text = "President Ilham Aliyev met Nikol Pashinyan. The Defense Ministry said."
    assert _person_names(text) == [(0, "Ilham Aliyev"), (27, "Nikol Pashinyan")]
    assert _person_names(text) == [(0, "Ilham Aliyev"), (27, "Nikol Pashinyan")]  # cached: the same again
