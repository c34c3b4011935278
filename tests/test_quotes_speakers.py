"""Who a speaker mention is: its type and side, and the person a role mention stands for.

Each case is a short text with the answer a reader gives (read off the text and the bundled
actors list): the speaker as resolved, the speaker type and the side. Negative cases: the same
shapes where the text gives nothing to resolve to, so the side stays unknown (never guessed).
"""

from __future__ import annotations

import pytest

from framing.actors import load_actors

from .helpers import quote_of

ACTORS = load_actors()


@pytest.mark.parametrize(
    ("text", "content_start", "name", "speaker_type", "side"),
    [
        # a country's possessive gives the side; the capitalised possessive is not a name
        ("Armenia’s interim prime minister said that Russia must help.", "Russia must help",
         "Armenia’s interim prime minister", "role", "armenian"),
        # a sentence-initial plural is an unnamed group, and where it comes from gives its side
        ("Separatists from the self-proclaimed “Republic of Artsakh” stated that they were forced to accept the terms.",
         "they were forced", "Separatists", "anonymous", "armenian"),
        ("Officials in Baku said that the talks would resume.", "the talks would resume", "Officials in Baku", "anonymous",
         "azerbaijani"),
        ("Reports said the situation on the frontline was calm.", "the situation", "Reports", "anonymous", "unknown"),
        # an unnamed group in the actors list ('type: group'): anonymous, with its side
        ("Azerbaijani officials said that the road was open.", "the road was open", "Azerbaijani officials",
         "anonymous", "azerbaijani"),
        # a country placed after 'Neighbouring' is the country speaking
        ("Neighboring Armenia has accused Azerbaijan of ethnic cleansing.", "Azerbaijan of ethnic cleansing",
         "Armenia", "organisation", "armenian"),
        # a document that says something is typed organisation
        ("The terms of the agreement signal that the region will return to Azerbaijan’s control.",
         "the region will return", "terms of the agreement", "organisation", "unknown"),
        # speakers named together: one entry, the first one's type, the side they share
        ("The Foreign Ministry of Nagorno-Karabakh and Prime Minister Pashinyan called upon the world to act.",
         "the world to act", "Foreign Ministry of Nagorno-Karabakh and Nikol Pashinyan", "organisation", "armenian"),
        # ... and when their sides differ, no side
        ("Calls for a ceasefire from Russia and Azerbaijan went unheeded.", "a ceasefire",
         "Russia and Azerbaijan", "organisation", "unknown"),
        # 'U.S.' is a nationality cue as a whole, never the letter 's' of a possessive
        ("U.S. diplomats said that the talks had stalled.", "the talks had stalled", "U.S. diplomats", "anonymous",
         "international"),
        ("Nobody’s spokesman said that the talks had stalled.", "the talks had stalled", "Nobody’s spokesman", "role",
         "unknown"),
    ],
)
def test_speaker_type_and_side(text: str, content_start: str, name: str, speaker_type: str, side: str) -> None:
    q = quote_of(text, content_start)
    assert (q.speaker_name, q.speaker_type, q.side) == (name, speaker_type, side)


@pytest.mark.parametrize(
    ("text", "content_start", "mention", "name", "side"),
    [
        # names coordinated before the verb speak together (not only the last one)
        ("Pashinyan and Aliyev said that the talks would continue.", "the talks would", "Pashinyan and Aliyev",
         "Nikol Pashinyan and Ilham Aliyev", "unknown"),
        # Russia (russian), Turkey (azerbaijani), the United States (international): no side shared
        # (with France in Turkey's place the three are a coalition: tests/test_actors_coalitions.py)
        ("Russia, Turkey and the United States said the ceasefire must hold.", "the ceasefire",
         "Russia, Turkey and the United States", None, "unknown"),
        ("The Kremlin and Russia’s Foreign Ministry said the talks had failed.", "the talks had",
         "The Kremlin and Russia’s Foreign Ministry", None, "russian"),
        # after a closing quotation mark, and after a conjunction or an adverb that opens the clause
        ("“We will keep talking,” Pashinyan and Aliyev said.", "We will", "Pashinyan and Aliyev", None, None),
        ("But Pashinyan and Aliyev said that the talks would continue.", "the talks would", "Pashinyan and Aliyev",
         None, None),
        ("Second, Erskine Bowles and Alan Simpson said the plan was dead.", "the plan", "Erskine Bowles and Alan Simpson",
         None, None),
        # not when the first name is the object of another verb: 'and' starts a new clause
        ("Pashinyan met Putin and Aliyev said the talks would continue.", "the talks would", "Aliyev", None, None),
        # two titles of one person are not two speakers
        ("Senate Majority Leader and Republican Sen. Mitch McConnell said the effigy was vile.", "the effigy",
         "Republican Sen. Mitch McConnell", None, None),
    ],
)
def test_speakers_named_together(text: str, content_start: str, mention: str, name: str | None, side: str | None) -> None:
    q = quote_of(text, content_start)
    assert q.speaker == mention
    if name is not None:
        assert q.speaker_name == name
    if side is not None:
        assert q.side == side


def test_a_shared_head_is_not_split() -> None:
    # 'Nagorno-Karabakh and Armenia officials': one group of officials, not a place and a group
    q = quote_of("Nagorno-Karabakh and Armenia officials said that the toll had risen.", "the toll had risen")
    assert (q.speaker_type, q.side) == ("anonymous", "armenian")


def test_the_pundit_is_the_last_person_introduced_as_pundit() -> None:
    text = ("Pundit Mahammad Asadullazada believes that Russia wants more troops.\n\n"
            "Analyst John Smith disagreed with him.\n\n"
            "“Russia will increase the number of its troops here,” the pundit said.")
    q = quote_of(text, "Russia will increase")
    # Smith came later but was introduced as an analyst, not as a pundit
    assert (q.speaker, q.speaker_name, q.speaker_type, q.side) == (
        "the pundit", "Mahammad Asadullazada", "person", "azerbaijani")


def test_a_role_with_its_institution_finds_the_apposition() -> None:
    text = ("Pundit Araz Aslanli, head of the Caucasus Center for International Relations and Strategic Studies "
            "(QAFSAM), said that the visit mattered.\n\n"
            "The head of QAFSAM is of the opinion that the diplomacy is careful.")
    q = quote_of(text, "the diplomacy is careful")
    assert (q.speaker_name, q.speaker_type, q.side) == ("Araz Aslanli", "person", "azerbaijani")


def test_a_role_nobody_was_introduced_with_stays_a_role() -> None:
    # 'the pundit' with only an analyst named before: no one to resolve to, side unknown
    text = ("Analyst John Smith spoke first.\n\n"
            "“Troops will come,” the pundit said.")
    q = quote_of(text, "Troops will come")
    assert (q.speaker_name, q.speaker_type, q.side) == ("pundit", "role", "unknown")


def test_a_title_word_after_a_verb_does_not_introduce_the_next_name() -> None:
    # 'the pundit said that Ali Karimli …': Karimli is talked about, not introduced as the pundit
    text = ("The pundit said that Ali Karimli would run.\n\n"
            "“Troops will come,” the pundit said.")
    q = quote_of(text, "Troops will come")
    assert q.speaker_name != "Ali Karimli"


def test_an_office_described_before_gives_its_later_mention_a_side() -> None:
    text = ("On Monday night, the spokesman for Nagorno-Karabakh’s president announced the withdrawal of "
            "Armenian forces. “Achievements were significant in both respects,” the spokesman said.")
    q = quote_of(text, "Achievements were significant")
    assert (q.speaker_type, q.side) == ("role", "armenian")


@pytest.mark.parametrize(
    ("mention", "side"),
    [
        ("ermeni (baby eater)🇦🇲֎", "armenian"),  # a flag in a display name
        ("Baku Patriot 🇦🇿", "azerbaijani"),
        ("Armenia’s", ""),  # the possessive 's is not the 's' of 'U.S.'
        ("U.S. envoy", "international"),
        ("some user", ""),
    ],
)
def test_nationality_cues(mention: str, side: str) -> None:
    assert ACTORS.side_of_adjectives(mention) == side


@pytest.mark.parametrize(
    ("sentence", "content_start", "cue_class"),
    [
        # evidential verbs present the content as established: endorsing (like 'reveal', 'find')
        ("UN mission reports indicate a significant decrease in the population.", "a significant decrease",
         "endorsing"),
        ("Earlier investigations showed that the technology was used.", "the technology was used", "endorsing"),
        # 'assure' is a promise, like 'vow': neutral
        ("President Putin assured that peacekeepers would protect civilians.", "peacekeepers would protect",
         "neutral"),
    ],
)
def test_cue_classes_of_evidential_and_promising_verbs(sentence: str, content_start: str, cue_class: str) -> None:
    assert quote_of(sentence, content_start).cue_class == cue_class
