"""The fast paths of cue and speaker finding give exactly what the plain scans give.

:func:`framing.attribution._cue_candidates` finds the words that can start a cue, and the
tokens around them, from one split of the text; these tests hold it to the regular
expressions it replaces, on hand cases and on random strings built from the characters
that matter (letters of both cases, digits, apostrophes, dots, hyphens, underscores, accents).
``speakers._speaker_before`` reads the last 60 or so characters before a cue first and all
of them only when its rules reach the start of those: it must agree with reading them all.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.attribution import _cue_candidates, _cue_first_words, _find_cues, _word_before
from framing.speakers import (
    _APPOSITIONS,
    _PAREN_TAG,
    _TIME_BEFORE_CUE,
    _speaker_before,
    _subject_before_appositions,
    _subject_in,
    _words,
    find_speaker_before,
)
from framing.tokens import TOKEN, split_words

# the scan cue finding used before: lower-case a-z words bounded by non-alphanumerics
_LOWER_WORD = re.compile(r"(?<![^\W_])[a-z]+(?![^\W_])")


def _plain_candidates(text: str) -> list[tuple]:
    firsts = _cue_first_words()
    out = []
    for m in _LOWER_WORD.finditer(text):
        if m.group() not in firsts:
            continue
        s, e = m.span()
        before = [(t.group(), t.start(), t.end()) for t in list(TOKEN.finditer(text, max(0, s - 60), s))[-2:]]
        nxt = TOKEN.search(text, e, e + 60)
        out.append((m.group(), s, e, before, (nxt.group(), nxt.start(), nxt.end()) if nxt else None))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'said' at 3-7: before it 'He' (0-2) alone, after it 'so' (8-10)
        ("He said so", [("said", 3, 7, [("He", 0, 2)], ("so", 8, 10))]),
        # 'Said' (capital) and 'saidx' are no candidates; 'said' at 11-15 has 'Said' (0-4), 'saidx' (5-10)
        # before it and nothing after
        ("Said saidx said", [("said", 11, 15, [("Said", 0, 4), ("saidx", 5, 10)], None)]),
        # 'said' after an accented letter is inside a word: no candidate; 'é' alone is a token
        ("ésaid, é said", [("said", 9, 13, [("ésaid", 0, 5), ("é", 7, 8)], None)]),
        # the token after is cut at end + 60: 'x' * 70 starts at 5 and is cut at 4 + 60 = 64
        ("said " + "x" * 70, [("said", 0, 4, [], ("x" * 59, 5, 64))]),
        # a token starting 60 or more characters after the word is not 'after'
        ("said" + " " * 60 + "x", [("said", 0, 4, [], None)]),
        # the 60 characters before start inside 'a' * 70 (0-70): the token is cut to 'a' * 59 (11-70)
        ("a" * 70 + " said", [("said", 71, 75, [("a" * 59, 11, 70)], None)]),
    ],
)
def test_candidates_hand_cases(text: str, expected: list[tuple]) -> None:
    assert list(_cue_candidates(text, split_words(text))) == expected
    assert _plain_candidates(text) == expected  # the plain scans agree with the worked-out values


_WORDS = st.sampled_from(["said", "says", "told", "say", "state", "according", "Said", "é", "to", "the", "his", "a1"])
_SEPS = st.sampled_from([" ", "", "-", "'", "’", ", ", "_", ".", "\n", " " * 25, "9"])


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.tuples(_WORDS, _SEPS), max_size=14), lead=_SEPS)
def test_candidates_equal_the_plain_scans(pieces: list[tuple[str, str]], lead: str) -> None:
    text = lead + "".join(w + sep for w, sep in pieces)
    assert list(_cue_candidates(text, split_words(text))) == _plain_candidates(text)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="asidtoZ9_'’.- ,\n\u00e9", max_size=60))
def test_candidates_equal_the_plain_scans_on_characters(text: str) -> None:
    assert list(_cue_candidates(text, split_words(text))) == _plain_candidates(text)


def test_cue_first_words_are_lower_case_letters() -> None:
    firsts = _cue_first_words()
    assert "said" in firsts and "according" not in firsts  # 'according to' is found by its own pattern
    assert all(re.fullmatch("[a-z]+", w) for w in firsts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'said' (3-7) is a cue; 'According to' (9-21) too, by its pattern
        ("He said. According to her, no.", [("said", 3), ("According to", 9)]),
        # 'his comments': a noun after a possessive, no cue; 'In his opinion' (0-14) is one
        ("In his opinion, his comments hurt.", [("In his opinion", 0)]),
        # 'state-of-the-state': a compound, no cue; 'must say': an obligation, no cue
        ("A state-of-the-state speech. They must say it.", []),
        # 'is of the view' (5-19) is a cue; 'view' alone is not
        ("Baku is of the view that the view is fine.", [("is of the view", 5)]),
    ],
)
def test_find_cues_hand_cases(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(c.text, c.start) for c in _find_cues(text)] == expected


def _all_words_subject(text: str, cue_start: int, limit: int):
    """_speaker_before reading every word from ``limit`` (its prelude, then the rules)."""
    m = _PAREN_TAG.search(text, limit, cue_start)
    if m is not None and m.start() > limit:
        cue_start = m.start()
    m = _TIME_BEFORE_CUE.search(text, max(limit, cue_start - 40), cue_start)
    if m is not None and m.start() > limit:
        cue_start = m.start()
    found = _subject_in(text, _words(text, limit, cue_start), cue_start, limit)[0]
    return _subject_before_appositions(text, cue_start, limit) if found is _APPOSITIONS else found


_LONG_NAME = "Former Azerbaijani Deputy Foreign Minister Araz Azimov Nagorno Karabakh Mediator Extraordinaire"


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        # a capitalised run of 95 characters (0-95) before 'said': the rules walk past the last
        # 60 characters to its first word, so all words are read and the whole run is the subject
        (_LONG_NAME + " said it.", 0, (_LONG_NAME, 0, 95)),
        # the same run read from 'Araz' (43): the subject starts there
        (_LONG_NAME + " said it.", 43, (_LONG_NAME[43:], 43, 95)),
        # a short subject at the end of a long clause: 'the ministry' (63-75) from the last words
        ("In Baku on Monday, a long and winding road of talks ended when the ministry said it.", 0,
         ("the ministry", 63, 75)),
    ],
)
def test_speaker_before_far_and_near(text: str, limit: int, expected: tuple[str, int, int]) -> None:
    cue = text.index(" said") + 1
    m = find_speaker_before(text, cue, limit)
    assert m is not None and (m.text, m.start, m.end) == expected
    assert _speaker_before(text, cue, limit) == _all_words_subject(text, cue, limit)


def test_speaker_before_equals_reading_all_words(seeds_dir) -> None:
    # every cue of the seed articles, with the two limits the quote rules use: the sentence
    # start (here: after the last full stop) and 150 characters before the cue
    from framing import load_corpus

    n = 0
    for doc in load_corpus(seeds_dir):
        text = doc.text
        for cue in _find_cues(text):
            for limit in (max(0, cue.start - 150), text.rfind(".", 0, cue.start) + 1):
                assert _speaker_before(text, cue.start, limit) == _all_words_subject(text, cue.start, limit)
                n += 1
    assert n > 50  # five news articles hold dozens of reporting verbs: the loop did run


# what _with_aux searched for before each cue (a curly apostrophe is part of the word, as a
# straight one is: 'isn’t saying')
_WORD_BEFORE = re.compile(r"([A-Za-z'’]+)\s+$")


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        # 'has' (4-7) then a space before 'said' at 8
        ("She has said", 8, ("has", 4)),
        # a straight apostrophe belongs to the word: "didn't" (3-9), then a space before 'say' at 10
        ("He didn't say", 10, ("didn't", 3)),
        # 'it’s' (0-4): the curly apostrophe belongs to the word like the straight one
        ("it’s urging", 5, ("it’s", 0)),
        # a dash is no part of it: 'ZZ' after '-' (2-4)
        ("a-ZZ said", 5, ("ZZ", 2)),
        # no white space right before start: nothing
        ("has,said", 4, ("", 4)),
        # a comma between the word and the white space: nothing
        ("has, said", 5, ("", 5)),
        # the word is cut by the 30-character window: 'x' * 40 ends at 40, the window starts at 11
        ("x" * 40 + " said", 41, ("x" * 29, 11)),
    ],
)
def test_word_before_hand_cases(text: str, start: int, expected: tuple[str, int]) -> None:
    assert _word_before(text, start) == expected
    m = _WORD_BEFORE.search(text[max(0, start - 30) : start])
    assert ((m.group(1), start - len(m.group(0))) if m else ("", start)) == expected


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet="ab'’ \n\t\u00a0x.Z-\u00e9", max_size=45), data=st.data())
def test_word_before_equals_the_pattern(text: str, data) -> None:
    start = data.draw(st.integers(0, len(text)))
    m = _WORD_BEFORE.search(text[max(0, start - 30) : start])
    assert _word_before(text, start) == ((m.group(1), start - len(m.group(0))) if m else ("", start))


def test_find_cues_with_the_split_made_already(seeds_dir) -> None:
    # the analysis hands over the split it made: the same cues as splitting here
    from framing import load_corpus

    for doc in load_corpus(seeds_dir):
        cues = _find_cues(doc.text)
        assert cues and _find_cues(doc.text, words=split_words(doc.text)) == cues
