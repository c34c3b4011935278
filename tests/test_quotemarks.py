"""Quotation marks: pairing in every style, never failing, and the kind of each span."""

from __future__ import annotations

import pytest

from framing.quotemarks import classify_spans, find_quote_spans


def spans(text: str) -> list[tuple[str, str, bool]]:
    return [(text[s.start : s.end], s.kind, s.closed) for s in classify_spans(text, find_quote_spans(text))]


PAIRING = [
    ("He said “yes” then.", ["yes"]),
    ('He said "yes" then.', ["yes"]),
    ("He said «oui» then.", ["oui"]),
    ("Er sagte „ja“ dann.", ["ja"]),
    ("He said ''yes'' then.", ["yes"]),
    ("the `peacekeeping’ forces", ["peacekeeping"]),
    ("It’s Azerbaijan’s and the Armenians’ land.", []),  # apostrophes, not quotes
    ('"Clearly, the leader is ‘riding the tiger’ of war," he said.', ["Clearly, the leader is ‘riding the tiger’ of war,", "riding the tiger"]),
    ('"These attacks were organized by the `peacekeeping’ forces,” he claimed.', ["These attacks were organized by the `peacekeeping’ forces,", "peacekeeping"]),
    ('an odd " mark', []),
    ('“an unclosed quote runs to the end', ["an unclosed quote runs to the end"]),
    # a text that lost its paragraph breaks: the same opening mark after a sentence end reopens the
    # quote (its next paragraph), it does not nest a quote in it
    ("He said: “We should be aware. “China might act.” Then he left.", ["We should be aware.", "China might act."]),
    ('He said: "We should be aware. "China might act." Then he left.', ["We should be aware.", "China might act."]),
    # ... but a mark inside a sentence nests (and so does a lower-case word after it)
    ("“I heard him say “No” twice,” she said.", ["I heard him say “No” twice,", "No"]),
    ("“It ended. “but not yet” was his line,” she said.", ["It ended. “but not yet” was his line,", "but not yet"]),
    ('a stray closing” mark', []),
    ("'Russia does not want to leave Karabakh'", ["Russia does not want to leave Karabakh"]),
]


@pytest.mark.parametrize(("text", "expected"), PAIRING)
def test_pairing(text: str, expected: list[str]) -> None:
    assert [t for t, _, _ in spans(text)] == expected


KINDS = [
    ('Burton thinks that cats are "cuties".', "scare"),
    ('The Russian "peacekeepers" have deployed militants.', "scare"),
    ('it can be called a "creeping war".', "scare"),
    ("Separatists from the self-proclaimed “Republic of Artsakh” stated", "scare"),
    ('the unrecognized "Nagorno-Karabakh Republic," with officials', "scare"),
    ("he warned Azeris “for the last time” of the war crimes", "speech"),
    ("described by Azeri officials as “fake news” and “provocative”.", "speech"),
    ('"Never," he said.', "speech"),
    ('Shoigu asserted that peacekeepers are the "main guarantor of peace in Karabakh."', "speech"),
    ("a campaign, under the hashtag “DontBeBlind”, in which", "title"),
    ('a separate place or organization called "Nagorno-Karabakh", the use of', "mention"),
    ('the term "Artsakh" is banned', "mention"),
    ("“Achievements were significant in both respects,” the spokesman said.", "speech"),
    # inside a clause a speech verb reports
    ("the DNC said the campaign staffers’ actions were “completely unacceptable” and", "speech"),
    ("Trump said he was \"happy to see\" that Khan was voted in.", "speech"),
    ("Sanders called the DNC’s suspension “arbitrary.”", "speech"),
    # ... but not a noun-phrase object, an evidential verb, a noun or a passive naming verb
    ('the separatist leader declared the dissolution of the unrecognized "Nagorno-Karabakh Republic," with', "scare"),
    ('The events in Hadrut show that Russia is behind it and that "peacekeeping" forces are its base.', "scare"),
    ('These attacks were organized by the commander of the "peacekeeping" forces.', "scare"),
    ('In other words, it can be called a "creeping war".', "scare"),
]


@pytest.mark.parametrize(("text", "kind"), KINDS)
def test_kind(text: str, kind: str) -> None:
    got = spans(text)
    assert got, text
    assert all(k == kind for _, k, _ in got), got


def test_full_quoted_sentence_is_not_a_scare_quote() -> None:
    text = 'She added: "We will not leave our homes whatever happens."'
    assert spans(text) == [("We will not leave our homes whatever happens.", "speech", True)]


@pytest.mark.parametrize("text", ['"', "''", "“”", '" " "', "‘’‘", "`", "a\"b\"c", '"\n"', "«»«", "„“”"])
def test_odd_marks_never_fail(text: str) -> None:
    for s in find_quote_spans(text):
        assert 0 <= s.open_at < s.start <= s.end <= len(text)


def test_many_stray_marks_in_one_paragraph_stay_linear() -> None:
    # 8,000 opening marks and no closing one: every span runs to the paragraph's end. Reading
    # each span whole made this quadratic (37 s); only the first words of a long span are read now.
    import time

    from framing.quotemarks import classify_spans, find_quote_spans

    text = "“a " * 8000
    t0 = time.perf_counter()
    spans = classify_spans(text, find_quote_spans(text, [(0, len(text))]))
    assert time.perf_counter() - t0 < 10
    assert len(spans) == 8000
    # a span holding more than five words is speech; the last five (5, 4, … 1 words "a") have no
    # speech verb before or after them, so they are scare quotes
    assert [s.kind for s in spans[:-5]] == ["speech"] * 7995
    assert [(s.kind, s.reason) for s in spans[-5:]] == [("scare", "a short quotation with no speech verb")] * 5
