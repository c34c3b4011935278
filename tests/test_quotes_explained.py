"""Why a quote went to its speaker: the ``resolution`` of each quote (and column of quotes.csv)
names the step that led from the mention to the speaker, then where the side came from.

Each case is a short text and the explanation a reader gives for it: a surname goes back to
the full name before it, a pronoun to the last speaker it can be, a country to the actors
list, a nationality word gives a side, and an anonymous voice is taken as written.
"""

from __future__ import annotations

import pytest

from framing.analysis import analyze_text_document
from framing.voices import QUOTE_COLUMNS, quote_rows

from .helpers import quote_of


@pytest.mark.parametrize(
    ("text", "content_start", "name", "side", "resolution"),
    [
        # a surname alone → the full name named two sentences before; no one lists her: no side
        ("Olena Kovalenko teaches in Kharkiv. The school lost its roof. Kovalenko said that the "
         "classes would move online.", "the classes", "Olena Kovalenko", "unknown",
         "a surname → the full name earlier in the text"),
        # 'he' → Pashinyan, who spoke in the sentence before; his side is the actors list's
        ("Nikol Pashinyan said on Friday that the talks would go on. \"We will not give up,\" he said.",
         "We will not", "Nikol Pashinyan", "armenian",
         "“he” → the last speaker who can be “he”; side: the actors list"),
        # 'she' passes over the man who spoke last-but-one: the last speaker who can be 'she'
        ("Nikol Pashinyan said that the border was calm. Olena Kovalenko, a teacher, said that the "
         "school was closed. \"We have no heating,\" she said.", "We have no", "Olena Kovalenko", "unknown",
         "“she” → the last speaker who can be “she”"),
        # a country speaking is its government, from the actors list (which gives the side too)
        ("Armenia said on Friday that Azerbaijan had failed to withdraw its troops.", "Azerbaijan had",
         "Armenia", "armenian", "a country or its government in the actors list"),
        # an unnamed source: the side of the nationality word in it
        ("\"The road is closed,\" some independent Armenian sources said.", "The road",
         "some independent Armenian sources", "armenian",
         "the mention as written; side: a nationality or country word in the mention"),
        # sources close to someone the actors list places: that side; a nationality word before comes first
        ("The economy is slowing, sources close to Putin say.", "The economy", "sources close to Putin", "russian",
         "the mention as written; side: whom the sources are close to"),
        ("The deal is off, two Armenian officials close to Putin said.", "The deal",
         "two Armenian officials close to Putin", "armenian",
         "the mention as written; side: a nationality or country word in the mention"),
        # people familiar with something are close to no one: no side
        ("The deal is off, people familiar with the Kremlin's plans said.", "The deal",
         "people familiar with the Kremlin's plans", "unknown", "the mention as written"),
        # speakers named together: each resolved; the side they share, none when theirs differ, and
        # nothing to say of the side when no one places either of them
        ("The Foreign Ministry of Nagorno-Karabakh and Prime Minister Pashinyan said that the talks would go on.",
         "the talks", "Foreign Ministry of Nagorno-Karabakh and Nikol Pashinyan", "armenian",
         "speakers named together, each resolved; side: the side they share"),
        ("Ilham Aliyev and Nikol Pashinyan said that the talks would go on.", "the talks",
         "Ilham Aliyev and Nikol Pashinyan", "unknown", "speakers named together, each resolved; side: theirs differ"),
        ("Olena Kovalenko and Ivan Petrenko said that the school was closed.", "the school",
         "Olena Kovalenko and Ivan Petrenko", "unknown", "speakers named together, each resolved"),
        # an anonymous voice: as written, and no side to give
        ("\"They try to silence us,\" a user said.", "They try", "a user", "unknown", "the mention as written"),
    ],
)
def test_resolution_says_how_the_speaker_was_found(
        text: str, content_start: str, name: str, side: str, resolution: str) -> None:
    q = quote_of(text, content_start)
    assert (q.speaker_name, q.side, q.resolution) == (name, side, resolution)


def test_a_floating_quote_keeps_the_explanation_of_the_speaker_it_inherits() -> None:
    # (in the next paragraph: in the same one, '"A," she said. "B."' is one quote in two pieces)
    # (a paragraph between: the quote inherits from the quote before, not from a paraphrase)
    text = ("Olena Kovalenko teaches in Kharkiv. \"We left in March,\" Kovalenko said.\n\n"
            "The town was shelled.\n\n\"The school is gone.\"")
    first, floating = quote_of(text, "We left"), quote_of(text, "The school")
    assert (floating.kind, floating.rule) == ("floating", "floating: inherits the speaker of the previous quote")
    assert first.resolution == floating.resolution == "a surname → the full name earlier in the text"


def test_quotes_table_has_the_resolution_after_the_rule() -> None:
    text = "\"They try to silence us,\" a user said."
    doc = analyze_text_document(text, doc_id="t")
    q = quote_of(text, "They try")
    (row,) = quote_rows(doc, [q])
    assert QUOTE_COLUMNS[-2:] == ["rule", "resolution"]
    assert list(row) == QUOTE_COLUMNS and row["resolution"] == "the mention as written"
