"""Sentence splitting: table of hand-made cases, with negatives."""

from __future__ import annotations

import pytest

from framing import load_corpus
from framing.sentences import split_sentences

from .conftest import SEEDS

CASES = [
    # abbreviations and ranks
    ("Lt-Col. Rustam Muradov commands them. They stay.", ["Lt-Col. Rustam Muradov commands them.", "They stay."]),
    ("Mr. Pashinyan spoke. Mrs. Smith and Dr. Jones listened.", ["Mr. Pashinyan spoke.", "Mrs. Smith and Dr. Jones listened."]),
    ("Gen. Hasanov and Col. Ivanov met on Dec. 5 in Baku. Talks ended.", ["Gen. Hasanov and Col. Ivanov met on Dec. 5 in Baku.", "Talks ended."]),
    # initials
    ("J. R. Smith wrote it. A. Aslanli agreed.", ["J. R. Smith wrote it.", "A. Aslanli agreed."]),
    # quotes ending in ." and ?"
    ('He said: "We will win." Then he left.', ['He said: "We will win."', "Then he left."]),
    ('“Is this peace?” Aliyev asked. Nobody answered.', ["“Is this peace?” Aliyev asked.", "Nobody answered."]),
    ('"Why?" he asked. "Because," she said.', ['"Why?" he asked.', '"Because," she said.']),
    # decimals, acronyms with dots, ellipsis followed by lower case
    ("It rose 3.5 percent in the U.S. economy. Prices fell.", ["It rose 3.5 percent in the U.S. economy.", "Prices fell."]),
    ("They waited… and waited. Then it came.", ["They waited… and waited.", "Then it came."]),
    ("Who is behind it?! Russia is.", ["Who is behind it?!", "Russia is."]),
    # no terminal punctuation; empty; white space only
    ("SOURCING THE WEAPONS", ["SOURCING THE WEAPONS"]),
    ("", []),
    ("   \n ", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == expected


def test_offsets_relative_to_whole_text() -> None:
    text = "HEADING\n\nFirst one. Second one."
    spans = split_sentences(text, 9, len(text))
    assert spans == [(9, 19), (20, 31)]


def test_seed_002_harutyunyan_paragraph() -> None:
    doc = next(d for d in load_corpus(SEEDS) if d.id.startswith("002"))
    para = next(p for p in doc.paragraphs if doc.text[p.start : p.end].startswith("Earlier, Nagorno-Karabakh"))
    got = [doc.text[s.start : s.end] for s in doc.sentences if para.start <= s.start < para.end]
    assert got == [
        "Earlier, Nagorno-Karabakh’s President Arayik Harutyunyan made a statement in which he warned Azeris "
        "“for the last time” of the war crimes they are perpetrating.",
        "“These crimes will receive powerful reactions.",
        "We will win and punish the criminals who threaten our existence,” he said.",
        "Before giving orders to his forces to destroy Ganja Airbase, Harytyunyan called on the Azeri population "
        "to leave the area.",
    ]


def test_headings_and_tweet_lines_stand_alone() -> None:
    docs = {d.id: d for d in load_corpus(SEEDS)}
    d2 = docs["002_35158a2b97b6a292"]
    texts = [d2.text[s.start : s.end] for s in d2.sentences]
    assert "AZERI DISARRAY" in texts
    d3 = docs["003_3808734d8602848c"]
    texts3 = [d3.text[s.start : s.end] for s in d3.sentences]
    assert "— Jake Hanrahan (@Jake_Hanrahan) May 13, 2021" in texts3


@pytest.mark.parametrize(
    ("text", "dot", "word"),
    [
        ("Lt-Col. X", 6, "Lt-Col"),  # hyphens belong to the word
        ('He met "Mr. X', 10, "Mr"),  # the quote mark ends it
        ("abc\n. x", 4, "abc"),  # "$" also matches before a final line feed
        ("a\n\n. x", 3, ""),  # but only one
        ("x" * 50 + ". y", 50, "x" * 40),  # at most 40 characters back
    ],
)
def test_word_before_a_period(text: str, dot: int, word: str) -> None:
    from framing.sentences import _WORD_BEFORE, _word_before

    assert _word_before(text, 0, dot) == word
    m = _WORD_BEFORE.search(text, max(0, dot - 40), dot)
    assert (m.group(1) if m else "") == word


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an abbreviation that can end a sentence ends it before a word that opens sentences
        ("Putin and Xi share a contempt for the U.S. They have sought to use Syria.",
         ["Putin and Xi share a contempt for the U.S.", "They have sought to use Syria."]),
        ("Both women spoke in Washington, D.C. In the end, nothing changed.",
         ["Both women spoke in Washington, D.C.", "In the end, nothing changed."]),
        ("The hearing ended at 7:45 p.m. If they hoped she would tire, she did not.",
         ["The hearing ended at 7:45 p.m.", "If they hoped she would tire, she did not."]),
        ("He is a senior fellow at RAND Corp. But he was not asked.",
         ["He is a senior fellow at RAND Corp.", "But he was not asked."]),
        # ... but not before a name, and never after a title, an initial or 'e.g.'
        ("The U.S. Army said it would stay.", ["The U.S. Army said it would stay."]),
        ("Troops of the U.S. Marine Corps landed.", ["Troops of the U.S. Marine Corps landed."]),
        ("He spoke to Mr. The Rock, a wrestler.", ["He spoke to Mr. The Rock, a wrestler."]),
        ("Letters signed J. The Younger arrived.", ["Letters signed J. The Younger arrived."]),
        ("Papers, e.g. The Times, ran it.", ["Papers, e.g. The Times, ran it."]),
        ("U.S. A-10 jets flew over the town.", ["U.S. A-10 jets flew over the town."]),
    ],
)
def test_an_abbreviation_that_can_end_a_sentence(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == expected


def test_a_clause_cut_before_the_full_stop_keeps_the_stop_of_an_abbreviation() -> None:
    from framing.analysis import analyze_text_document
    from framing.quotes import find_quotes

    text = "Officials said the sanctions would hurt the U.S. The talks failed on Monday."
    quotes = find_quotes(analyze_text_document(text))
    assert [text[q.start : q.end] for q in quotes] == ["the sanctions would hurt the U.S."]
