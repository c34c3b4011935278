"""The non-quote stages' shortcuts equal their definitions (agency names, word counts, ...)."""

from __future__ import annotations

import re

import pytest

from framing.model import count_words
from framing.tokens import count_words_split, split_words
from framing.wire import _ANY_NAME, _NAME_TO_CANON, find_wire

# The definition _ANY_NAME is written for: any agency name between word boundaries, longest first.
_DEFINITION = re.compile(
    r"\b(?:" + "|".join(sorted((re.escape(a) for a in _NAME_TO_CANON), key=len, reverse=True)) + r")\b"
)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("(AP) -", [(1, 3)]),  # "AP" between "(" and ")"
        ("AP", [(0, 2)]),  # at both ends of the text
        ("xAP", []),  # a word character before: no boundary
        ("APx", []),  # ... or after
        ("_AP AP_", []),  # "_" is a word character
        ("1AP", []),  # so is a digit
        ("éAP", []),  # and a non-ASCII letter
        ("\nAP\n", [(1, 3)]),  # a line feed before the first letter is not a word character
        ("APA", [(0, 3)]),  # the longer name first: "APA", not "AP"
        ("APAx AP", [(5, 7)]),  # "APAx" is no name (nor is its "AP"); the lone "AP" is
        ("Associated Press", [(0, 16)]),  # 16 characters
        ("Associated Pressx", []),
        ("Reuters' report", [(0, 7)]),  # an apostrophe ends the word
        ("dpa-AFX", [(0, 3)]),  # "AFX" is no name; "dpa" before the hyphen is
        ("UPIs UPI.", [(5, 8)]),
        ("reuters", []),  # case-sensitive
    ],
)
def test_agency_names_as_defined(text: str, spans: list[tuple[int, int]]) -> None:
    got = [m.span() for m in _ANY_NAME.finditer(text)]
    assert got == spans
    assert got == [m.span() for m in _DEFINITION.finditer(text)]


@pytest.mark.parametrize(
    ("text", "wire"),
    [
        ("KYIV (Reuters) - Talks resumed.", ("Reuters",)),  # a dateline
        ("The toll was unverified by AFP.", ("AFP",)),
        ("xAP reported nothing.", ()),  # "xAP" is no name
        ("Reuters journalists were among the guests.", ()),  # a bare mention
        ("No agency here.", ()),
    ],
)
def test_find_wire_cases(text: str, wire: tuple[str, ...]) -> None:
    assert find_wire(text)[0] == wire


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("one two three", 3),
        ("Nagorno-Karabakh", 1),  # one white-space chunk, two words: counted once
        ("well\u2019known rock'n'roll", 2),  # apostrophes are no white space
        ("a\nb\n\nc", 3),  # line feeds separate (no space in the separators)
        ("a\u00a0b", 2),  # a no-break space is white space
        ("a - b", 2),  # the lone hyphen is no word
        ("a -b", 2),  # " -" holds a space
        ("x.y,z", 1),  # no white space at all
        ("", 0),
        ("...", 0),
    ],
)
def test_count_words_split_cases(text: str, n: int) -> None:
    assert count_words_split(split_words(text)) == n == count_words(text)


@pytest.mark.parametrize(
    ("text", "start", "end", "spans"),
    [
        ("Mr. Smith left. He sat.", 0, None, [(0, 15), (16, 23)]),  # "Mr." is no end; "left." (ends at 15) is
        ("  Hi there. Bye.  ", 0, None, [(2, 11), (12, 16)]),  # white space at both ends is left out
        ("We won. They lost.", -2, 18, [(0, 7), (8, 18)]),  # a negative start counts from 0, as in a search
        ("We won. They lost.", 0, 40, [(0, 7), (8, 18)]),  # an end past the text stops at the text's end
        ("We won. They lost.", 8, 18, [(8, 18)]),  # a segment starting at a visible character
        ("We won.\n", 0, 8, [(0, 7)]),  # ending in a line feed
        ("A b. C d.", 0, None, [(0, 9)]),  # "b." is an initial: no end there
        ("   ", 0, 3, []),  # nothing visible
        ("J. Smith came. J. Smith went.", 0, None, [(0, 14), (15, 29)]),  # an initial, twice (memo)
    ],
)
def test_split_sentences_segments(text: str, start: int, end: int | None, spans: list[tuple[int, int]]) -> None:
    from framing.sentences import split_sentences

    assert split_sentences(text, start, end) == spans


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # 600 words, 300 of them "the": 50 % English words, decided from the first half
        ("the cat " * 300, "en"),
        # 5,000 characters: 600 words (300 "the") then 650 "кот": 300 / 1,250 = 24 % >= 12 %;
        # the first half (625 words, 300 English) is under 13 % of its bound (625 + 1,875 characters)
        ("the cat " * 300 + "кот " * 2000, "en"),
        # 30 "the" of 60 + 1,190 words: 30 / 1,250 = 2.4 %, and the letters are Cyrillic
        ("the cat " * 30 + "кот " * 1200, "ru"),
        # curly quotes and dashes are no words: 2 of 4 words per group, all English ones counted
        ("“the” war — of ‘peace’ " * 200, "en"),
        # 1,000 words of 3 letters, none English, Latin letters: undetermined
        ("xyz " * 1000, "und"),
    ],
)
def test_guess_language_cases(text: str, language: str) -> None:
    from framing.language import _count_words, guess_language

    assert guess_language(text) == language
    low = text[:5000].lower()
    n_words, n_english = _count_words(low)  # the full count decides the same
    assert (n_english / n_words >= 0.12) == (language == "en")


@pytest.mark.parametrize(
    ("cells", "line"),
    [
        (["a", "b"], "a,b\n"),  # nothing to quote: the cells as they are
        (["a,b", "c"], '"a,b",c\n'),  # a comma
        (['say "hi"', "c"], '"say ""hi""",c\n'),  # inner quotes doubled
        (["two\nlines", "c"], '"two\nlines",c\n'),  # a line feed
        (["it's", "tab\there"], "it's,tab\there\n"),  # apostrophes and tabs need no quotes
    ],
)
def test_csv_strings_as_the_csv_module(cells: list[str], line: str) -> None:
    import csv
    import io

    from framing.output import _csv_strings

    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(cells)
    assert buf.getvalue() == line  # the csv module's own line, as worked out by hand above
    assert ",".join(_csv_strings(cells)) + "\n" == line


@pytest.mark.parametrize(
    ("line", "target", "equal"),
    [
        ("Talks resume in Baku", "talks resume in baku", True),  # lower-cased words, one space apart
        ("Talks, resume -- in Baku!", "talks resume in baku", True),  # punctuation is no word
        ("Peace talks resume", "talks resume", False),  # the first word differs
        ("  ", "", True),  # no word at all: "" (lower-casing makes no word character)
        ("ΑΘΗΝΑΣ news", "αθηνας news", True),  # Greek: final sigma where the word ends
        ("ΑΘΗΝΑΣ news", "αθηνασ news", False),
        ("Élan vital", "élan vital", True),  # a non-ASCII first word: decided by the full form
    ],
)
def test_norm_equals_cases(line: str, target: str, equal: bool) -> None:
    from framing.cleaning import _norm, _norm_equals

    assert _norm_equals(line, target) is equal
    assert (_norm(line) == target) is equal


@pytest.mark.parametrize(
    ("text", "a", "b", "terminal"),
    [
        ("He said.", 0, 8, True),  # ends with a period
        ("Heading", 0, 7, False),
        ("Quote”", 0, 6, True),  # a closing quote
        ("line.\n", 0, 6, True),  # `$` also matches before a final line feed
        ("line\n", 0, 5, False),
        ("x.y", 0, 1, False),  # only the segment counts: "x"
        ("", 0, 0, False),
    ],
)
def test_ends_terminal_cases(text: str, a: int, b: int, terminal: bool) -> None:
    from framing.cleaning import _TERMINAL, _ends_terminal

    assert _ends_terminal(text, a, b) is terminal
    assert bool(_TERMINAL.search(text[a:b])) is terminal


@pytest.mark.parametrize(
    ("pad", "start", "voice"),
    [
        # speech 1-13 (12 characters), speaker "he" 15-17 (2), cue "said" 18-22 (4): 18 covered;
        # the sentence stripped is 23 characters: 2 * 18 = 36 >= 23, quoted
        (0, 0, "quoted"),
        (18, 0, "quoted"),  # 18 trailing spaces are stripped (41 unstripped would make it authorial: 36 < 41)
        (0, -5, "quoted"),  # a start before the text counts from 0
    ],
)
def test_sentence_voice_strips_the_sentence(pad: int, start: int, voice: str) -> None:
    from framing.actors import load_actors
    from framing.model import Document, Paragraph, Sentence
    from framing.quotes import find_quotes
    from framing.terms import quote_spans
    from framing.tone import sentence_voices

    text = '"We will win," he said.' + " " * pad
    doc = Document(id="d", text=text, paragraphs=(Paragraph(0, len(text)),), sentences=(Sentence(start, len(text), 0),))
    spans = quote_spans(doc)
    quotes = find_quotes(doc, actors=load_actors(None), spans=spans)
    assert [(s.start, s.end) for s in spans] == [(1, 13)]
    assert [(q.speaker_start, q.speaker_end, q.cue_start, q.cue_end) for q in quotes] == [(15, 17, 18, 22)]
    assert sentence_voices(doc, spans, quotes) == [voice]
