"""Indirect speech: speakers of known errors, reported questions, and reporting-verb shapes.

Each row is worked out by hand from the sentence: the expected content is the reported clause a
reader would mark, the speaker the mention that does the saying. Negative rows keep the old
shape or no quote at all.
"""

from __future__ import annotations

import pytest

from .helpers import quotes_in


def _rows(text: str) -> list[tuple[str, str, str, str, str]]:
    """(kind, content, speaker, speaker type, cue) of each quote."""
    return [(q.kind, text[q.start : q.end], q.speaker, q.speaker_type, q.cue) for q in quotes_in(text)]


# ------------------------------------------------------------------ speakers

SPEAKERS = [
    # a hyphenated modifier ('Kremlin-backed') then a plural noun: a group, not a person; the phrase
    # after it ('in the Donetsk region') stays with the group
    pytest.param("Kremlin-backed separatists in the Donetsk region said Friday that the attack killed 53 prisoners.",
                 "the attack killed 53 prisoners", "Kremlin-backed separatists in the Donetsk region", "anonymous",
                 id="kremlin-backed-separatists"),
    pytest.param("Pro-Russian separatists in Luhansk said on Monday that two soldiers had died.",
                 "two soldiers had died", "Pro-Russian separatists in Luhansk", "anonymous", id="pro-russian-separatists"),
    # positive control: a name before 'of' keeps its person type
    pytest.param("Gov. Earl Ray Tomblin of West Virginia said that the plan would fail.",
                 "the plan would fail", "Gov. Earl Ray Tomblin of West Virginia", "person", id="name-of-place"),
]


@pytest.mark.parametrize(("text", "content", "speaker", "typ"), SPEAKERS)
def test_indirect_speaker_and_type(text: str, content: str, speaker: str, typ: str) -> None:
    rows = [(c, s, t) for k, c, s, t, _ in _rows(text) if k == "indirect"]
    assert rows == [(content, speaker, typ)]


PARTICIPLE_SUBJECT = [
    # 'Unlike ...,' opens the sentence: the participle's subject is the main clause's, 'he'
    pytest.param('Unlike many leading German politicians, he still hasn\'t visited Kyiv, saying that going for a '
                 '"photo-op" is pointless.', "he", id="unlike-opening"),
    pytest.param("Like most of his colleagues, the senator voted against the bill, saying it cost too much.",
                 "the senator", id="like-opening"),
    # control: an opening phrase of time ('After the vote,') was skipped already
    pytest.param("After the vote, the minister left the hall, saying the result was a disgrace.",
                 "the minister", id="after-opening"),
]


@pytest.mark.parametrize(("text", "speaker"), PARTICIPLE_SUBJECT)
def test_participle_speaker_is_main_subject(text: str, speaker: str) -> None:
    got = [s for k, _, s, _, cue in _rows(text) if cue == "saying"]
    assert got == [speaker]


# ------------------------------------------------------------------ reported questions

ASKED = [
    # PolNeAR marks the question after a sentence-initial 'Asked' (no source), up to the comma that
    # opens the main clause; the main clause's report is its own attribution
    pytest.param("Asked if he was ever bullied, the candidate said he had never been.",
                 [("if he was ever bullied", ""), ("he had never been", "the candidate")], id="asked-if"),
    # the question's own comma ('business, which ... miserable,') is not the main clause's: the main
    # clause opens at the comma before its subject and verb ('him, Mr. Trump said')
    pytest.param("Asked whether the job, which friends found dull, hurt him, Mr. Trump said he hoped not.",
                 [("whether the job, which friends found dull, hurt him", ""), ("he hoped not", "Mr. Trump")],
                 id="asked-whether-inner-comma"),
    # a main verb that is no reporting verb: the question still ends at the comma before its subject
    pytest.param("Asked whether he was concerned, Ban demurred.",
                 [("whether he was concerned", "")], id="asked-demurred"),
    pytest.param("Asked about the deal, the minister said it was a good one.",
                 [("about the deal", ""), ("it was a good one", "the minister")], id="asked-about"),
    # 'ask X to' inside the question is part of it, not a request of its own
    pytest.param("Asked whether he would counsel Clinton to ask Sanders to join her, Reid said he would not.",
                 [("whether he would counsel Clinton to ask Sanders to join her", ""), ("he would not", "Reid")],
                 id="asked-inner-ask"),
]


@pytest.mark.parametrize(("text", "expected"), ASKED)
def test_sentence_initial_asked(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(c, s) for k, c, s, _, _ in _rows(text) if k == "indirect"] == expected


NOT_ASKED = [
    # no question word after 'asked' (a thing, a request 'for'): no reported question
    "Reporters asked him nothing.",
    "Asked for more time, the court refused.",
]


@pytest.mark.parametrize("text", NOT_ASKED)
def test_no_reported_question(text: str) -> None:
    assert [r for r in _rows(text) if r[4].lower().endswith("asked")] == []


# ------------------------------------------------------------------ content spans

SPANS = [
    # 'and state law': 'state' is a noun before 'law', no second reporting verb to cut at
    pytest.param("It says the campaign violated federal and state law by using copyrighted material.",
                 "the campaign violated federal and state law by using copyrighted material", "It", id="and-state-law"),
]


@pytest.mark.parametrize(("text", "content", "speaker"), SPANS)
def test_content_span(text: str, content: str, speaker: str) -> None:
    assert [(c, s) for k, c, s, _, _ in _rows(text) if k == "indirect"] == [(content, speaker)]


def test_coordinated_cue_still_cuts() -> None:
    # control: 'and stated' is a second reporting verb; the first report ends before it
    text = "The ministry said the talks had failed and stated that new ones were planned."
    assert ("indirect", "the talks had failed", "The ministry") in [(k, c, s) for k, c, s, _, _ in _rows(text)]


def test_asked_which_question_ends_at_first_comma() -> None:
    # 'which' opens the question (not 'to' three words on); with no subject-and-verb after any comma
    # ('an average of 32 percent ... picked' is a lower-case subject) the question ends at the first comma
    text = "Asked which issue matters to them most, an average of 32 percent picked the economy, then jobs."
    assert [(text[q.start : q.end], q.cue) for q in quotes_in(text)] == [("which issue matters to them most", "Asked")]


def test_no_question_after_a_conjunction() -> None:
    # 'and from which is it not': 'which' opens a clause of its own after 'and', not what was asked
    text = "From which appointees is it appropriate to ask for this and from which is it not?"
    assert [q for q in quotes_in(text) if q.cue.endswith("ask")] == []


SECOND_REPORT = [
    # ', but Ukraine says': a second report with its own subject ends the first one's content
    pytest.param("Russia says the ship went down because of a fire, but Ukraine says it sank it with missiles.",
                 [("the ship went down because of a fire", "Russia"), ("it sank it with missiles", "Ukraine")],
                 id="but-x-says"),
    # poll answers: ', while 22 percent said', ', compared with 23 percent who said'; 'said yes' is the answer
    pytest.param("Most said they are set on voting for him, while 22 percent said they might change their mind.",
                 [("they are set on voting for him", "Most"), ("they might change their mind", "22 percent")],
                 id="while-percent-said"),
    pytest.param("Asked if it was illegal, 46 percent of voters said yes, compared with 23 percent who said it was "
                 "improper.", [("if it was illegal", ""), ("yes", "percent of voters"), ("it was improper", "who")],
                 id="compared-with-who-said"),
]


@pytest.mark.parametrize(("text", "expected"), SECOND_REPORT)
def test_second_report_ends_the_first(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(c, s) for k, c, s, _, _ in _rows(text) if k == "indirect"] == expected


NOT_SECOND_REPORT = [
    # 'and that he said': 'that' opens a clause of the first report, not a second subject
    pytest.param("He said the plan failed and that he said so at the time.",
                 "the plan failed and that he said so at the time", id="and-that"),
    # a clause with no reporting verb after 'while' stays in the content
    pytest.param("She said prices rose, while wages fell sharply in the spring.",
                 "prices rose, while wages fell sharply in the spring", id="while-no-verb"),
]


@pytest.mark.parametrize(("text", "content"), NOT_SECOND_REPORT)
def test_no_second_report(text: str, content: str) -> None:
    assert [c for k, c, _, _, _ in _rows(text) if k == "indirect"][:1] == [content]


def test_said_no_is_an_answer_but_said_no_one_a_clause() -> None:
    assert [c for k, c, _, _, _ in _rows("He said no.") if k == "indirect"] == ["no"]
    assert [c for k, c, _, _, _ in _rows("She said no one came.") if k == "indirect"] == ["no one came"]


REFUSALS = [
    # a contracted negation or a refusal between the speaker and 'say': the cue keeps it
    pytest.param("The talks went on. But Attorney General Eric Schneiderman isn’t saying if the foundation "
                 "violated any laws.", "if the foundation violated any laws", "Attorney General Eric Schneiderman",
                 "isn’t saying", id="isnt-saying-if"),
    pytest.param("The talks went on. The spokesman has declined to say whether the talks had failed.",
                 "whether the talks had failed", "The spokesman", "has declined to say", id="declined-to-say"),
    pytest.param("The talks went on. McConnell spokesman Don Stewart wouldn’t say when the Senate will vote.",
                 "when the Senate will vote", "McConnell spokesman Don Stewart", "wouldn’t say", id="wouldnt-say"),
]


@pytest.mark.parametrize(("text", "content", "speaker", "cue"), REFUSALS)
def test_refusal_to_say(text: str, content: str, speaker: str, cue: str) -> None:
    assert [(c, s, q) for k, c, s, _, q in _rows(text) if k == "indirect"] == [(content, speaker, cue)]


NO_REFUSAL_REPORT = [
    # a negation before a verb that reports nothing said: no speaker is looked for across it
    "The talks went on. It didn’t reveal the details.",
    "The talks went on. The US government didn’t recognize the USSR until much later.",
    "The talks went on. Mulvaney's aide, who refused to testify before the House, was promoted.",
]


INVERTED = [
    # '..., said X' after a clause with a verb: X of any kind speaks the clause
    pytest.param("The talks went on. The meeting deteriorated from there, said one GOP source in the room.",
                 "The meeting deteriorated from there", "one GOP source", id="source-in-the-room"),
    pytest.param("The talks went on. He is more likely to hurt than help, said a senior administration official.",
                 "He is more likely to hurt than help", "a senior administration official", id="senior-official"),
]


NOT_INVERTED = [
    # an apposition before the comma (no verb: 'United' and 'Delhi-based' are no finite verbs): the
    # speaker stands before it and the clause follows the verb
    pytest.param("The talks went on. Phil Smith, a spokesman for the United Mine Workers, said the union expected "
                 "production to improve.", "the union expected production to improve", "Phil Smith", id="apposition"),
    pytest.param("The talks went on. Sangeeta Saxena, editor of Delhi-based Defence Universe, says the Indian army "
                 "in particular will keep buying.", "the Indian army in particular will keep buying", "Sangeeta Saxena",
                 id="apposition-with-verb-after"),
]


@pytest.mark.parametrize(("text", "content", "speaker"), INVERTED + NOT_INVERTED)
def test_inverted_attribution_or_not(text: str, content: str, speaker: str) -> None:
    assert [(c, s) for k, c, s, _, _ in _rows(text) if k == "indirect"] == [(content, speaker)]


HEADLINES = [
    # a headline in title case: 'Says' is the cue, the words before it the speaker, the rest the report
    pytest.param("Trump Says He Never Pledged To Kill Family Members Of Terrorists\nDonald Trump spoke on Wednesday.",
                 [("He Never Pledged To Kill Family Members Of Terrorists", "Trump", "Says")], id="headline-says"),
    # a relative 'Who Says' is no report; nor 'Says' in a sentence that is not title case
    pytest.param("The Man Who Says No To Everyone Is Back In Town\nText follows here.", [], id="who-says"),
    pytest.param("He met the man Says at the station and they talked for hours.", [], id="not-title-case"),
]


@pytest.mark.parametrize(("text", "expected"), HEADLINES)
def test_headline_says(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(c, s, q) for k, c, s, _, q in _rows(text) if k == "indirect"] == expected


NO_CONTENT = [
    # a passive's agent after an -ed cue is by whom, not what was said
    "The talks went on. The registration issue was first reported by The Washington Post.",
    "The talks went on. The opinions expressed by columnists are their own.",
    # an opening prepositional phrase (no verb, no comma inside) is no clause a trailing verb reports
    "The talks went on. At Monday’s debate, Clinton comments were sharp.",
]


@pytest.mark.parametrize("text", NO_REFUSAL_REPORT + NO_CONTENT)
def test_no_indirect_content(text: str) -> None:
    assert [r for r in _rows(text) if r[0] == "indirect"] == []


KEPT_CONTENT = [
    # 'by' + a gerund after the verb is how it was said; 'that by ...' opens a clause
    pytest.param("The talks went on. Zucker responded by saying that the network pays nothing.",
                 "by saying that the network pays nothing", id="responded-by-saying"),
    pytest.param("The talks went on. Trump indicated that by then it was too late.", "by then it was too late",
                 id="that-by"),
    # an opening phrase with a verb of its own is a clause ('lost'), and one set off by commas keeps its place
    pytest.param("The talks went on. In the east, Russian forces lost five tanks, officials said.",
                 "In the east, Russian forces lost five tanks", id="clause-after-phrase"),
]


@pytest.mark.parametrize(("text", "content"), KEPT_CONTENT)
def test_kept_indirect_content(text: str, content: str) -> None:
    assert [c for k, c, _, _, _ in _rows(text) if k == "indirect"] == [content]


NUMBER_CLAUSES = [
    # a number opening the reported clause of 'say', found by the verb after its noun phrase
    pytest.param("The talks went on. Officials said 1,162 towns or villages were now without power.",
                 ["1,162 towns or villages were now without power"], id="said-number-were"),
    pytest.param("The talks went on. The party says 34,570 citizens living abroad cast votes by mail.",
                 ["34,570 citizens living abroad cast votes by mail"], id="says-number-cast"),
    # 'added 25,000 jobs': a number object of a verb that is not 'say'; no report
    pytest.param("The talks went on. The economy added 25,000 jobs in May.", [], id="added-jobs"),
]


@pytest.mark.parametrize(("text", "contents"), NUMBER_CLAUSES)
def test_number_opens_reported_clause(text: str, contents: list[str]) -> None:
    assert [c for k, c, _, _, _ in _rows(text) if k == "indirect"] == contents
