"""Who a mention names: names with a capital inside, the office that gives a person's side,
the person a pronoun goes back to, and mentions that are not the speaker.

Each case is a short text and what a reader answers from it (sides from the bundled actors
list: the U.N., the White House and US offices are international). They come from a second
reader's review of international news (Russia–Ukraine coverage) and from US political news.
"""

from __future__ import annotations

import pytest

from framing.mentions import _person_names

from .helpers import quote_of


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a capital inside the surname: the whole name, not 'Karine Jean-'
        ("Senator Mitch McConnell spoke, then Beto O'Rourke and Karine Jean-Pierre.",
         ["Mitch McConnell", "Beto O'Rourke", "Karine Jean-Pierre"]),
        # an owner's possessive and a place before a given name are not part of the name
        ("Florida's Ron DeSantis met the former ambassador to Russia Michael McFaul.", ["Ron DeSantis", "Michael McFaul"]),
        # a title ends a run: 'North Carolina Gov' is no one (nor is the state)
        ("It was North Carolina Gov. Roy Cooper.", ["Roy Cooper"]),
        # a sentence's first word is not part of a name ('Both Russia')
        ("Both Russia and Ukraine claim victories.", []),
        # places of two or more words are nobody ('Saudi Arabia', 'São Paulo' folded), and a name
        # after one is found whole ('Arab Emirates' is no name; 'Lois' is not skipped with the place)
        ("Saudi Arabia and São Paulo met the United Arab Emirates envoy on Capitol Hill.\n\nLois Lerner left.",
         ["Lois Lerner"]),
        ("West Virginia Sen. Joe Manchin and New Zealand Prime Minister Jacinda Ardern", ["Joe Manchin", "Jacinda Ardern"]),
        # a page's furniture and a party with its state are no names; 'First Lady' is a title
        ("Play Video. Getty Images. Sen. Amy Klobuchar (D-Minn.) and First Lady Michelle Obama.",
         ["Amy Klobuchar", "Michelle Obama"]),
        # negatives: names of three words stay whole
        ("Martin Luther King and Hillary Rodham Clinton", ["Martin Luther King", "Hillary Rodham Clinton"]),
    ],
)
def test_person_names(text: str, names: list[str]) -> None:
    assert [n for _, n in _person_names(text)] == names


@pytest.mark.parametrize(
    ("text", "content_start", "name", "side"),
    [
        # a surname alone after a full name with an inner capital
        ("Senate Majority Leader Mitch McConnell opened the session. McConnell said the bill would pass.",
         "the bill", "Mitch McConnell", "unknown"),
        # the office before the first mention gives the side of every later mention
        ("White House press secretary Karine Jean-Pierre said the administration is grateful. Jean-Pierre said "
         "she had not seen the letter.", "she had not", "Karine Jean-Pierre", "international"),
        ('Senior U.N. trade official Rebeca Grynspan leads the talks. "Exports tripled," Grynspan said.',
         "Exports tripled", "Rebeca Grynspan", "international"),
        # an office set off by a comma before the title and the name
        ('US Chairman of the Joint Chiefs of Staff, Gen. Mark Milley, spoke first. "Many countries have other '
         'systems," Milley said.', "Many countries", "Mark Milley", "international"),
        # negative: no office before the name, no side
        ("Karine Jean-Pierre arrived late. Jean-Pierre said she had not seen the letter.", "she had not",
         "Karine Jean-Pierre", "unknown"),
        # negative: a photo credit in the paragraph before is not an office
        ("Photo: Saul Loeb/AFP\n\nFormer President Bill Clinton spoke. Clinton said the debt was owed.",
         "the debt", "Bill Clinton", "unknown"),
    ],
)
def test_side_of_the_office_a_person_was_introduced_with(text: str, content_start: str, name: str, side: str) -> None:
    q = quote_of(text, content_start)
    assert (q.speaker_name, q.side) == (name, side)


@pytest.mark.parametrize(
    ("text", "content_start", "name"),
    [
        # the subject of the sentence before, named with appositions ('Luiza Dorner, 25, of Kyiv,'), not
        # the woman quoted before her
        ("Svitlana Lukianenko worries the army is slow. “We are angry,” Lukianenko added. Luiza Dorner, 25, of "
         "Kyiv, said statements have started to ring hollow. When she talks to her husband, she said, she can "
         "hear the fear in his voice.", "When she talks", "Luiza Dorner"),
        # the last person mentioned is 'Gov. Cooper' (a title and his surname), not Trump named before
        ("Another Democrat was North Carolina Gov. Roy Cooper, who won despite former President Donald Trump "
         'winning the state. Speaking Thursday, Gov. Cooper focused on the GOP. "The party prefers an '
         'autocracy," he said.', "The party prefers", "Roy Cooper"),
        # words inside quotation marks are not a speaker for a later 'he'
        ('"Liar! Warmonger!" cried the crowd as Chancellor Olaf Scholz took to the stage. "It is cynical," he '
         "shouted back.", "It is cynical", "Olaf Scholz"),
        # a subject-verb clause before ', adding': its subject, not the institution word it opens with
        ('RAC fuel spokesperson Simon Williams said the costs were "unprecedented", adding that prices were '
         "rising. But he said the average price of diesel is falling.", "the average price", "Simon Williams"),
        # negative: the person named last before the pronoun is still taken
        ("Donald Trump spoke at the rally. Later, Roy Cooper arrived. He said that the vote was fair.",
         "the vote", "Roy Cooper"),
    ],
)
def test_pronoun_goes_to_the_person_the_text_means(text: str, content_start: str, name: str) -> None:
    assert quote_of(text, content_start).speaker_name == name


@pytest.mark.parametrize(
    ("text", "content_start", "speaker", "name", "speaker_type"),
    [
        # a newspaper is an organisation ('the' before a capitalised name), so it is no 'he'
        ('Earlier this month, the Guardian reported that Nazarii, 17, was waiting. "The Home Office has not '
         'given me any information," he said.', "Nazarii, 17", "the Guardian", "Guardian", "organisation"),
        # an office holder named by title only is a role, and the 'He' after it when no one is named
        ("The Tesla CEO argued in a tweet that Russia should keep Crimea. He also said that Ukraine should be "
         "neutral.", "Ukraine should", "He", "Tesla CEO", "role"),
        # an opening phrase, then a name whose apposition is not closed by a comma
        ("Commenting on the findings of the simulation, Oren Kesler, CEO of Wikistrat said that the West needs "
         "to be harsher.", "the West", "Oren Kesler", "Oren Kesler", "person"),
        ("He spoke first. Adding to this, James Shaw, a former US Army officer and one of the experts involved "
         'in the simulation said: "I believe that China will benefit."', "I believe", "James Shaw", "James Shaw",
         "person"),
        # negative: no name before the role: the role speaks
        ("Commenting on the findings, the minister said that the West needs to be harsher.", "the West",
         "the minister", "minister", "role"),
        # unnamed sources described by whom they know: the sources, not Putin; before and after the verb
        ("The economy is slowing, sources close to Putin say.", "The economy", "sources close to Putin",
         "sources close to Putin", "anonymous"),
        ("The economy is slowing, says a source close to him.", "The economy", "a source close to him",
         "a source close to him", "anonymous"),
        ("The deal is off, people familiar with the matter said on Monday.", "The deal",
         "people familiar with the matter", "people familiar with the matter", "anonymous"),
        # the same at the start of a sentence, and with a titled or abbreviated name after 'close to': not
        # the president, Mr. Trump or the envoy speak (abp articles credited Pelosi, Eric Holder and Trump)
        ("Sources close to the president said the deal was off.", "the deal", "Sources close to the president",
         "Sources close to the president", "anonymous"),
        ("People close to Mr. Trump said the deal was off.", "the deal", "People close to Mr. Trump",
         "People close to Mr. Trump", "anonymous"),
        ("Those close to him say that he would have to consider Rep. Don Beyer.", "he would",
         "Those close to him", "Those close to him", "anonymous"),
        ("The deal was off, said sources close to the U.S. envoy.", "The deal", "sources close to the U.S. envoy",
         "sources close to the U.S. envoy", "anonymous"),
        ("The deal was off, said sources close to Sen. Warren.", "The deal", "sources close to Sen. Warren",
         "sources close to Sen. Warren", "anonymous"),
        # the auxiliary and adverb belong to the verb, a conjunction to the sentence
        ("People familiar with the matter have previously said the deal was off.", "the deal",
         "People familiar with the matter", "People familiar with the matter", "anonymous"),
        ("The deal was off, as people close to him have said.", "The deal", "people close to him",
         "people close to him", "anonymous"),
        # 'and' inside the source is kept, at its start it is not
        ("The deal was off, administration officials and sources close to the White House said.", "The deal",
         "administration officials and sources close to the White House",
         "administration officials and sources close to the White House", "anonymous"),
        ("He left, and sources close to him say the deal was off.", "the deal", "sources close to him",
         "sources close to him", "anonymous"),
        # whoever they know, such people are unnamed, after 'according to' too
        ("According to internal documents and people familiar with the situation, the subsidies are wrong.",
         "the subsidies", "people familiar with the situation", "people familiar with the situation", "anonymous"),
        # a bare plural with its modifiers and a place is unnamed; with 'the' it is an office's role
        ("Political observers in Virginia say Scott deserves the seat.", "Scott deserves",
         "Political observers in Virginia", "Political observers in Virginia", "anonymous"),
        ("Senior officials in Baku said the deal was off.", "the deal", "Senior officials in Baku",
         "Senior officials in Baku", "anonymous"),
        ("The officials in Baku said the deal was off.", "the deal", "The officials in Baku", "officials in Baku",
         "role"),
        # negative: a full stop ends the source ('... close to NATO.'), the next sentence has its own speaker
        ("The talks were close to NATO. Officials said the deal was off.", "the deal", "Officials", "Officials",
         "anonymous"),
        # negative: 'close to' in the reported clause is no source
        ("The plant is close to the border, the ministry said.", "The plant", "the ministry", "ministry",
         "organisation"),
    ],
)
def test_mention_and_type(text: str, content_start: str, speaker: str, name: str, speaker_type: str) -> None:
    q = quote_of(text, content_start)
    assert (q.speaker, q.speaker_name, q.speaker_type) == (speaker, name, speaker_type)


def test_a_backer_named_in_a_compound_is_not_the_speaker() -> None:
    # 'Kremlin-backed' gives the side (russian), but the separatists speak, not the Kremlin
    q = quote_of("Kremlin-backed separatists in the Donetsk region said Friday that the attack killed 53 prisoners.",
                 "the attack")
    assert q.speaker_name != "the Kremlin"
    assert q.side == "russian"


_PASHINYAN_LATER = "\n\nNikol Pashinyan has led the government since 2018."


@pytest.mark.parametrize(
    ("text", "name", "speaker_type", "side"),
    [
        # the actors list: Pashinyan is 'Prime Minister of Armenia' (side armenian), and the text names him
        ("Armenia’s interim prime minister said that the vote was fair." + _PASHINYAN_LATER,
         "Nikol Pashinyan", "person", "armenian"),
        # negatives: not named in the text; a former holder; another office (deputy prime minister)
        ("Armenia’s interim prime minister said that the vote was fair.", "Armenia’s interim prime minister", "role",
         "armenian"),
        ("Armenia’s former prime minister said that the vote was fair." + _PASHINYAN_LATER,
         "Armenia’s former prime minister", "role", "armenian"),
        ("Armenia’s deputy prime minister said that the vote was fair." + _PASHINYAN_LATER,
         "Armenia’s deputy prime minister", "role", "armenian"),
    ],
)
def test_an_office_the_actors_list_gives_to_a_person_the_text_names(
        text: str, name: str, speaker_type: str, side: str) -> None:
    q = quote_of(text, "the vote")
    assert (q.speaker_name, q.speaker_type, q.side) == (name, speaker_type, side)


def test_a_former_holder_is_not_the_listed_one() -> None:
    from framing.actors import load_actors
    from framing.titled import listed_holder

    text = "Nikol Pashinyan spoke."
    assert listed_holder(load_actors(), text, "Armenia’s prime minister", "armenian").name == "Nikol Pashinyan"
    for mention in ("Armenia’s former prime minister", "Armenia’s ex-prime minister"):
        assert listed_holder(load_actors(), text, mention, "armenian") is None


_FILLER = " The talks went on." * 120  # 2,160 characters


@pytest.mark.parametrize(
    ("text", "name", "side"),
    [
        # 'the Defense Ministry' is the listed institution named in full nearest to it (defence = defense)
        ("The Defense Ministry said that two soldiers were killed. Later the Azerbaijani Defence Ministry "
         "confirmed the news.", "Azerbaijani Defence Ministry", "azerbaijani"),
        # both named: the nearer one ('Azerbaijani Defence Ministry' starts 61 characters after 'The Defense
        # Ministry', 'Armenian Defense Ministry' 80 before), though 'Armenian' comes first in the alphabet
        ("The Armenian Defense Ministry denied any losses in the clashes near Agdam at first. The Defense Ministry "
         "said that two soldiers were killed. The Azerbaijani Defence Ministry later confirmed it.",
         "Azerbaijani Defence Ministry", "azerbaijani"),
        ("The Armenian Defense Ministry denied it. The Defense Ministry said that two soldiers were killed. Much "
         "later, after the long talks had ended, the Azerbaijani Defence Ministry confirmed it.",
         "Armenian Defence Ministry", "armenian"),
        # negatives: no ministry named in full; the only one named is more than 2,000 characters away
        ("The Defense Ministry said that two soldiers were killed.", "Defense Ministry", "unknown"),
        ("The Defense Ministry said that two soldiers were killed." + _FILLER + " The Azerbaijani Defence Ministry "
         "confirmed it.", "Defense Ministry", "unknown"),
    ],
)
def test_a_bare_institution_is_the_listed_one_named_in_full_nearest(text: str, name: str, side: str) -> None:
    q = quote_of(text, "two soldiers")
    assert (q.speaker_name, q.speaker_type, q.side) == (name, "organisation", side)


def test_a_short_quoted_sentence_after_a_colon_in_a_sentence_with_a_speech_verb() -> None:
    # five words, beyond the cue window of 'told': speech all the same, after the colon
    text = 'Martin Griffiths told the U.N. Security Council on Monday: "None were in the corridor."'
    q = quote_of(text, "None were")
    assert (q.kind, q.speaker_name, q.cue) == ("direct", "Martin Griffiths", "told")


def test_a_short_quoted_sentence_after_a_colon_with_no_speech_verb_is_no_quote() -> None:
    from framing.analysis import analyze_text_document
    from framing.quotes import find_quotes

    text = 'The marchers walked past the wall with the old slogan: "Never again."'
    assert find_quotes(analyze_text_document(text, doc_id="t")) == []


@pytest.mark.parametrize(
    ("text", "content_start", "name"),
    [
        # a name with words left out is the full name that holds them in order
        ("Sarah Huckabee Sanders spoke first. Later, Sarah Sanders said the talks were over.",
         "the talks", "Sarah Huckabee Sanders"),
        # but not another person of the same surname ...
        ("Torhan Abdul-Rahman Youssef spoke first. Later, Saad Youssef said the road was closed.",
         "the road", "Saad Youssef"),
        # ... nor a title-case headline ending in the surname
        ("Seth Meyers Reminds Trump: It Is No Deal\n\nDonald Trump said the talks were over.",
         "the talks", "Donald Trump"),
    ],
)
def test_a_full_name_earlier_holds_every_word_of_the_mention(text: str, content_start: str, name: str) -> None:
    assert quote_of(text, content_start).speaker_name == name


@pytest.mark.parametrize(
    ("text", "content_start", "speaker", "name", "speaker_type"),
    [
        # a nationality and an office name no one: not a person called 'Russian'
        ("Russian commander says the town had fallen", "the town", "Russian commander", "Russian commander", "anonymous"),
        ("Top Ukrainian general says Russia is regrouping", "Russia", "Top Ukrainian general", "Top Ukrainian general",
         "anonymous"),
        ("A Maltese professor said the crisis was avoidable.", "the crisis", "A Maltese professor", "A Maltese professor",
         "anonymous"),
        # a capitalised office is the office (its holder, when the text names them)
        ("Ukrainian Prime Minister says the grid is damaged", "the grid", "Ukrainian Prime Minister",
         "Ukrainian Prime Minister", "role"),
        # modifiers before a title belong to the mention: 'a top general', not 'general'
        ("A top general said Russia is regrouping.", "Russia", "A top general", "A top general", "anonymous"),
        ("A senior Ukrainian general said Russia is regrouping.", "Russia", "A senior Ukrainian general",
         "A senior Ukrainian general", "anonymous"),
        ("The regime refused, the 70-year-old Russian leader said.", "The regime", "the 70-year-old Russian leader",
         "70-year-old Russian leader", "role"),
        # a given name that looks like a nationality is still a name
        ("Brian Funderburk said the town was flooded.", "the town", "Brian Funderburk", "Brian Funderburk", "person"),
    ],
)
def test_a_nationality_and_an_office_are_not_a_name(
        text: str, content_start: str, speaker: str, name: str, speaker_type: str) -> None:
    q = quote_of(text, content_start)
    assert (q.speaker, q.speaker_name, q.speaker_type) == (speaker, name, speaker_type)
