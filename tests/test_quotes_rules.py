"""Quote and indirect-speech rules, one sentence each (expected values read off the text).

Every case names the attribution a reader gives the sentence: who speaks (a substring of the
speaker mention), with which cue, and of which kind; negative cases say what must not happen.
"""

from __future__ import annotations

import pytest

from framing.analysis import analyze_text_document
from framing.quotes import Quote, find_quotes


def quotes_of(text: str) -> list[Quote]:
    doc = analyze_text_document(f"Intro sentence here.\n\n{text}\n\nThe end.", doc_id="t")
    return find_quotes(doc)


def covering(quotes: list[Quote], text: str, fragment: str) -> Quote:
    full = f"Intro sentence here.\n\n{text}\n\nThe end."
    a = full.index(fragment)
    hits = [q for q in quotes if any(x <= a < y for x, y in q.spans)]
    assert hits, f"no quote covers {fragment!r}"
    return hits[0]


@pytest.mark.parametrize(
    ("text", "fragment", "kind", "speaker", "cue"),
    [
        # a quote after a name and a lower-case description ('pollster', 'former adviser')
        ('"October was good for her," said former Obama adviser David Axelrod.', "October", "direct", "David Axelrod", "said"),
        ('"Just saw it and I was impressed," screenwriter Cole Haddon wrote on Twitter.', "Just saw", "direct",
         "Cole Haddon", "wrote"),
        # a name and a verb the table does not list
        ('"Honestly, we may be on the brink," Oliver barked.', "Honestly", "direct", "Oliver", "barked"),
        # the subject before a relative clause, not a name inside it
        ('Roffman, who estimates that his costs were high, described the impact as "horrendous."', "horrendous",
         "mixed", "Roffman", "described"),
        # the subject before a participial apposition, not the place inside it
        ('Governor Chris Christie, hoping to surge in New Hampshire, called Obama a "petulant child."', "petulant",
         "mixed", "Chris Christie", "called"),
        # an introductory phrase is not the subject of a participle
        ('Hours later, Trump returned the compliment, telling Reuters, "He is an amazing man."', "He is an amazing",
         "direct", "Trump", "telling"),
        # a participle after the cue of the quote before speaks with that cue's speaker
        ('"I respect him a lot," Cruz said, adding: "I would welcome his support."', "I would welcome", "direct",
         "Cruz", "adding"),
        # paraphrase holding a quoted fragment is a mixed quote (4 words inside the marks)
        ('Comey has said the bureau made a "mistake" in the background check.', "the bureau made", "mixed",
         "Comey", "has said"),
        # an initial is not a sentence end, a party tag is not the speaker
        ('"He would be a great senator, not just good," Rep. Elijah E. Cummings (D-Md.) said in an interview.',
         "He would be", "direct", "Elijah E. Cummings", "said"),
        # 'his cybersecurity plan' is the object of 'outlined', not who vowed
        ('The Republican nominee also outlined his cybersecurity plan and vowed to punish "those who leak."',
         "those who leak", "mixed", "The Republican nominee", "vowed"),
        # 'it' can speak (a newspaper, a report)
        ('"His fortunes have changed since then, and fast," it further wrote.', "His fortunes", "direct", "it", "wrote"),
        # a name's possessive opens the speaker's noun phrase
        ('"My reaction was that it was outrageous," Obama\'s former campaign strategist said in an interview.', "My reaction",
         "direct", "Obama's former campaign strategist", "said"),
        # a short prepositional phrase between the speaker and the cue
        ('"So why did he not pay his taxes?" a narrator in the Clinton ad asks.', "So why", "direct", "a narrator", "asks"),
        # a non-restrictive relative clause speaks its quote, not the sentence's first verb
        ('Armenia recalled its envoy, Armen Smbatyan, who believes that Israel "may stop weapon sales to Azerbaijan".',
         "may stop",
         "mixed", "Armen Smbatyan", "believes"),
        # 'he' is the person who ends the subject of his own sentence
        ('Later, Ombudsman Artak Beklaryan started a campaign in which he called upon the world "to act now."',
         "to act now", "mixed", "Artak Beklaryan", "called upon"),
        # the quote runs on in the writer's words, then ', said X'
        ('"Many would consider that an embarrassment" if she lost, said David Wasserman.', "Many would", "mixed",
         "David Wasserman", "said"),
        # a nested quote closes right before the outer mark, which stands between spaces
        ("\"You shake hands and say, 'Well done,' \" said Rep. Diane Russell, a Maine legislator.", "You shake",
         "direct", "Diane Russell", "said"),
        # a verb coordinated with an earlier one shares its subject
        ('He praised those who left but said, "We are in a different ballgame now."', "We are in", "direct", "He", "said"),
        # a new clause ('though he said') takes the quote from the first verb of the sentence ('estimate' is a noun
        # here, but the table knows it as a verb)
        ('He did not supply a cost estimate for his plans, though he said the "budget reforms" would pay for them.',
         "budget reforms", "mixed", "he", "said"),
        # the verb right before the quote and its comma introduces it, not the sentence's first verb; the name
        # right before the participle is its subject
        ('The spot concludes with footage of Trump saying, "That makes me smart."', "That makes", "direct", "Trump",
         "saying"),
        # a transcript line names its speaker inside the marks
        ('"WALLACE: Will Gennifer Flowers be there tomorrow night?', "Will Gennifer", "direct", "WALLACE", ":"),
        # an inverted verb before the name and its colon
        ('Said Ellis: "I do not get the sense she is interested in tax reform."', "I do not get", "direct", "Ellis",
         "Said"),
        # a hyphenated modifier with digits inside the speaker's noun phrase
        ("Asked why dads are left out, the 34-year-old mother of three replied, \"It is meant for mothers.\"",
         "It is meant", "direct", "the 34-year-old mother of three", "replied"),
        # 'a few questions' is a noun, not the verb that speaks the quote after 'including'; the quoted question
        # sits in the paraphrase of what he suggested
        ('Sanders said, suggesting a few questions, including, "Do billionaires need a tax break?"', "Do billionaires",
         "mixed", "Sanders", "suggesting"),
    ],
)
def test_quote_attribution(text: str, fragment: str, kind: str, speaker: str, cue: str) -> None:
    q = covering(quotes_of(text), text, fragment)
    assert q.kind == kind
    assert speaker in q.speaker or speaker in q.speaker_name, (q.speaker, q.speaker_name)
    assert q.cue == cue


def test_a_cue_before_a_colon_introduces_the_next_quote() -> None:
    # '“… us.” Jones said: “No way.”': Jones speaks the quote after the colon, not the one before
    text = "Smith said: “We will win. “They cannot stop us.” Jones said: “No way.” Then he left."
    qs = quotes_of(text)
    assert covering(qs, text, "They cannot").speaker == "Smith"
    assert covering(qs, text, "No way").speaker == "Jones"


def test_period_closed_quote_is_not_attributed_by_the_next_sentence() -> None:
    # the full stop inside the marks ends Japan's sentence: Russia did not insist on 'outlaw nation'
    text = 'Japan branded North Korea an "outlaw nation in the neighborhood." Russia insisted that talks continue.'
    q = covering(quotes_of(text), text, "outlaw nation")
    assert "Russia" not in q.speaker and q.cue != "insisted"


def test_writer_distancing_quote_keeps_paraphrase_indirect() -> None:
    # 'so-called "..."' is the writer's distance from a name, not the speaker's words
    text = 'The minister said the so-called "republic" had been dissolved by its leaders.'
    q = covering(quotes_of(text), text, "had been dissolved")
    assert (q.kind, q.speaker, q.cue) == ("indirect", "The minister", "said")


def test_continuation_in_same_paragraph_is_one_quote() -> None:
    # '"A," he said at length. "B."': one quote in two pieces, the second inherits nothing new
    text = '"We will win this state," Sanders said at a rally that drew thousands of people. "Nobody can stop us now."'
    qs = [q for q in quotes_of(text) if q.kind != "indirect"]
    assert len(qs) == 1
    assert len(qs[0].spans) == 2
    assert (qs[0].speaker, qs[0].cue) == ("Sanders", "said")


def test_floating_quote_after_a_paraphrase_goes_to_its_speaker() -> None:
    # the paragraph between the two quotes reports Jones: the unattributed quote after it is hers
    text = '"We will win this state," Smith said.\n\nJones said that the race was close.\n\n"Nobody expected this turnout."'
    q = covering(quotes_of(text), text, "Nobody expected")
    assert (q.kind, q.speaker, q.cue) == ("floating", "Jones", "")


def test_floating_quote_in_next_paragraph_has_speaker_but_no_cue() -> None:
    text = '"We will win this state," Sanders said on Monday.\n\n"Nobody can stop us now, not even the party."'
    q = covering(quotes_of(text), text, "Nobody can stop")
    assert (q.kind, q.speaker, q.cue, q.cue_class) == ("floating", "Sanders", "", "none")


def test_quote_over_unclosed_paragraphs_takes_the_final_cue() -> None:
    # first paragraph opened and never closed, second ends ', he added.' with no closing mark
    text = (
        '"The separatists killed a soldier yesterday and nobody answered for it.\n\n'
        '"The ministry has denied every report of the attack so far, he added.'
    )
    qs = quotes_of(text)
    first = covering(qs, text, "The separatists killed")
    second = covering(qs, text, "The ministry has denied")
    assert (first.kind, first.speaker, first.cue) == ("direct", "he", "added")
    assert (second.kind, second.speaker, second.cue) == ("direct", "he", "added")
    full = f"Intro sentence here.\n\n{text}\n\nThe end."
    assert full[second.start : second.end].endswith("so far,")  # ends at the comma before the cue


@pytest.mark.parametrize(
    ("text", "content_start", "speaker", "cue"),
    [
        ("Six in 10 said they want the next president to continue those policies.", "they want", "Six in 10", "said"),
        # the head the source depends on opens the sentence: the whole noun phrase speaks
        ("The terms of the agreement signal that the region will return to Baku.", "the region",
         "The terms of the agreement", "signal"),
        ("Article 4 of the statement stated that the troops would leave.", "the troops", "Article 4 of the statement",
         "stated"),
        ("He left, though members of the party said that the region will return to Baku.", "the region",
         "members of the party", "said"),
        ("Todd asked Pence whether that would take place before the election.", "whether", "Todd", "asked"),
        ("According to early results of exit polls, most voters want a change of course.", "most voters",
         "early results of exit polls", "According to"),
        ("A new state poll shows Clinton leading by two points in Ohio.", "Clinton leading", "A new state poll", "shows"),
        ("Clinton has expressed concerns but has said she wants the bill to pass.", "she wants", "Clinton", "has said"),
        ("Senator Jones told delegates at the convention that the server should disqualify her.", "the server",
         "Senator Jones", "told"),
        # a participle after a comma starts its own attribution, spoken by the verb before it
        ("The ministry confirmed the news late on Monday, adding that an operation was under way.", "an operation",
         "The ministry", "adding"),
        ("The ministry confirmed the news late on Monday, adding that an operation was under way.", "the news",
         "The ministry", "confirmed"),
        ("Amnesty has called on both sides to respect international law.", "both sides", "Amnesty", "has called on"),
        # a participle's own subject after 'with'
        ("The region is on the brink, with Armenia charging Azerbaijan with sending troops across the border.",
         "Azerbaijan with", "Armenia", "charging"),
        # 'and the Kremlin rejected ...' starts a new attribution
        ("President Putin assured that peacekeepers would protect civilians, and the Kremlin rejected criticism of its role.",
         "criticism", "the Kremlin", "rejected"),
        # a bare plural opening the sentence speaks; a clause whose subject is a lower-case noun or a number
        ("Former prosecutors said investigators were probably feeling the pressure of time.", "investigators",
         "Former prosecutors", "said"),
        ("The State Department has said 2,093 of the released emails were redacted in part.", "2,093",
         "The State Department", "has said"),
        # an inverted attribution after the comma, the speaker with an apposition (not 'X said <a name>')
        ("His strategy was to attend every local meeting he could get into, said Mark Jones, a political scientist.",
         "His strategy", "Mark Jones", "said"),
        # 'states' as a verb still reports
        ("The report states that the agency failed to secure its servers.", "the agency", "The report", "states"),
        # a time between the subject and its verb
        ("Reports Tuesday morning said the situation on the frontline was calm that night.", "the situation",
         "Reports", "said"),
        # a bare plural after a conjunction opening its clause
        ("Canada halted exports after investigations showed that its technology was used by Turkey.", "its technology",
         "investigations", "showed"),
        # a part of a group speaks ('some of the ... comments'), closing the sentence with a verb that usually takes
        # a noun ('read'); 'comments' before a verb is a noun
        ("The government is silent, some of the social media comments read, blaming trolls.", "The government",
         "some of the social media comments", "read"),
        # 'or' joins two adjectives of one vague source; 'also' without an auxiliary is not part of the cue
        ("Although Armenian or separatist sources also denied any gunfight, they left.", "any gunfight",
         "Armenian or separatist sources", "denied"),
        # a contracted auxiliary is part of the cue, its pronoun is the speaker
        ("Yerevan sees the threat as dire, and it’s urging Russia to send military help.", "Russia to send",
         "it", "’s urging"),
        # an adverb after an auxiliary stays in the cue
        ("The ministry has also claimed that the army withdrew from the villages.", "the army", "The ministry",
         "has also claimed"),
        # a connective opening the sentence is not its subject
        ("Thus, Armenia is not only arming, but also announcing that Russia will take part in it.", "Russia will",
         "Armenia", "announcing"),
        # opinions that are not verbs: 'is of the opinion that', 'In his opinion,'
        ("The head of QAFSAM is of the opinion that the careful nature of our diplomacy is not bad.", "the careful",
         "The head of QAFSAM", "is of the opinion"),
        ("In his opinion, it was an Armenian military group that attacked the army.", "it was an", "his",
         "In his opinion"),
        # a closing attribution speaks for the whole sentence, the data verb inside it included
        ("The events in Hadrut show that Russia is behind the attacks, he opined.", "The events", "he", "opined"),
        # a parenthetical attribution followed by a participle: the clause before it is what was claimed
        ("Russia is rapidly increasing its influence in Azerbaijan, pundits claimed, blaming those who backed the mission.",
         "Russia is rapidly", "pundits", "claimed"),
        # an accusation, then a relative clause about it: two speakers ('claims that Baku denies')
        ("Armenia has accused Azerbaijan of attempting to cleanse the territory, claims that Baku denies.",
         "Azerbaijan of", "Armenia", "has accused"),
        ("Armenia has accused Azerbaijan of attempting to cleanse the territory, claims that Baku denies.",
         "claims that", "Baku", "denies"),
        # ', suggesting that' opens a second reported clause of the same speaker
        ("He claimed that the mines were made in 2021, suggesting that separatists may have brought them.",
         "separatists may", "He", "suggesting"),
        ("He claimed that the mines were made in 2021, suggesting that separatists may have brought them.",
         "the mines", "He", "claimed"),
        # a subordinate clause ends at its comma: the main clause has its own speaker
        ("Although separatist sources denied any gunfight or losses, some independent sources ruled in the "
         "possibility of militants in the area.", "the possibility", "some independent sources", "ruled in"),
        # a subject opening the sentence keeps its modifiers up to the verb
        ("Interviews made by news agencies with mercenaries and recordings of some of them revealed that Turkey "
         "sent fighters from Libya.", "Turkey sent", "Interviews made by news agencies with mercenaries and "
         "recordings of some of them", "revealed"),
        # a verb with a noun object ('did not rule out an increase') inside a pundit's paragraph does not stop
        # the closing attribution from covering the paragraph
        ("Russia is behind the attacks. Last week, Putin did not rule out an increase in troops. It is clear that "
         "Baku must act, he opined.", "Russia is behind", "he", "opined"),
        # when, where and how it was said stand between the verb and what was said, outside the report
        ("Armenia said on Friday Azerbaijan had failed to honour the deal.", "Azerbaijan had", "Armenia", "said"),
        ("The ministry said Tuesday it had shot down two drones.", "it had shot", "The ministry", "said"),
        ("Officials said in a statement that the border was closed.", "the border", "Officials", "said"),
        ("Aliyev said in an interview with Al Jazeera on Monday that the war would end soon.", "the war would",
         "Aliyev", "said"),
        ("Pashinyan told reporters at a news conference that Armenia was ready.", "Armenia was", "Pashinyan", "told"),
        ("Clinton says at a campaign stop in Toledo, Ohio, that it means Trump never paid.", "it means", "Clinton",
         "says"),
        # a phrase after 'said' that is not one of those: after 'that' it is part of the report; 'about 20'
        # counts, it is no preposition
        ("He said that in 1998 the law was changed.", "in 1998 the law", "He", "said"),
        ("He has said about 20 people have applied for the seat.", "about 20 people", "He", "has said"),
        # a clause, then speaker and verb with only a circumstance after them: the clause is the report
        ("Shifting monsoons could affect a billion people, Mr. Obama said in his interview.", "Shifting monsoons",
         "Mr. Obama", "said"),
    ],
)
def test_indirect_speech(text: str, content_start: str, speaker: str, cue: str) -> None:
    full = f"Intro sentence here.\n\n{text}\n\nThe end."
    qs = [q for q in quotes_of(text) if q.kind == "indirect" and q.start == full.index(content_start)]
    assert len(qs) == 1, quotes_of(text)
    q = qs[0]
    assert speaker in q.speaker
    assert q.cue == cue


@pytest.mark.parametrize(
    "text",
    [
        "The video shows a crowd outside the hall.",  # a data verb with no clause: nothing reported
        "He was asked.",  # a question with no content
        "Azerbaijan must inform the public about the talks at once.",  # what someone ought to say is not a report
        "Peacekeepers have an absolute say in the region and its towns.",  # 'say' is a noun here
        "Trump swept seven out of 11 states on Tuesday, the biggest day of voting.",  # 'states' the noun
        "Johnson's second-best showing comes in Utah, where voters resist the nominee.",  # 'showing' the noun
        "He had estimates of possible benefits and risks before the vote.",  # 'estimates' after 'had': a noun
        "Russia should be asked what it supports in the region.",  # a question to put, not one reported
        # 'said' with only a circumstance after it reports nothing ('in his interview' is not what he said)
        "Mr. Obama said in his interview.",
        "The foreign minister said on Monday.",
    ],
)
def test_no_indirect_speech(text: str) -> None:
    assert [q for q in quotes_of(text) if q.kind == "indirect"] == []


def test_attribution_set_off_by_commas_reports_both_sides() -> None:
    # 'advisers say' interrupts the sentence: what they say is before and after it, in two pieces
    text = "Nor does she have any plans, advisers say, to take cues from the campaign in Britain."
    full = f"Intro sentence here.\n\n{text}\n\nThe end."
    q = covering(quotes_of(text), text, "Nor does she")
    assert (q.kind, q.speaker, q.cue) == ("indirect", "advisers", "say")
    assert [full[a:b] for a, b in q.spans] == ["Nor does she have any plans", "to take cues from the campaign in Britain"]


def test_a_word_the_writer_keeps_in_scare_quotes_does_not_make_paraphrase_mixed() -> None:
    # "peacekeepers" is quoted twice with no speaker: the writer's distance, so the pundit's paraphrase
    # holding it is indirect speech; a fragment quoted once stays a mixed quote (the Comey case above)
    text = ('The Russian "peacekeepers" arrived in November. '
            'The "peacekeepers" protect the separatists in the region, the pundit claimed.')
    q = covering(quotes_of(text), text, "protect the separatists")
    assert (q.kind, q.speaker, q.cue) == ("indirect", "the pundit", "claimed")


def test_according_to_before_a_colon_quote() -> None:
    # 'clause, according to X: "quote"': the clause is reported with 'according to', the quote after the colon
    text = ('Events in Belarus may inspire the people of Azerbaijan, according to Giragosian: '
            '"The demand for change may pose a threat to the government."')
    qs = quotes_of(text)
    clause = covering(qs, text, "Events in Belarus")
    quote = covering(qs, text, "The demand for change")
    assert (clause.kind, clause.speaker, clause.cue) == ("indirect", "Giragosian", "according to")
    assert (quote.kind, quote.speaker, quote.cue) == ("direct", "Giragosian", ":")


def test_in_his_opinion_goes_to_the_person_before() -> None:
    # 'his' resolves to the latest person: Mammadov; an opinion, not a verb of speech
    text = "Elman Mammadov spoke at length. In his opinion, it was an Armenian military group that attacked."
    q = covering(quotes_of(text), text, "it was an Armenian")
    assert (q.speaker_name, q.cue_class) == ("Elman Mammadov", "opinion")


def test_opening_preposition_is_not_a_bare_plural_speaker() -> None:
    # 'With Democratic leaders worried ...' is an absolute phrase: the leaders do not say what Obama said
    text = "With Democratic leaders worried about turnout, Obama said young voters were key to the race."
    q = covering(quotes_of(text), text, "young voters")
    assert (q.speaker, q.cue) == ("Obama", "said")


def test_paraphrase_paragraph_ending_with_its_attribution() -> None:
    # a pundit's view over three sentences, closed by ', he opined.': scare quotes, a data verb ('show')
    # and his own first person ('I would also like to note') do not stop the paragraph being his
    text = (
        'Russian "peacekeepers" protect the separatists in the region. The events show that Russia is behind it. '
        "I would also like to note that Russia has created this situation, he opined."
    )
    full = f"Intro sentence here.\n\n{text}\n\nThe end."
    q = covering(quotes_of(text), text, "The events show")
    assert (q.start, q.speaker, q.cue) == (full.index("Russian"), "he", "opined")
    assert full[q.start : q.end].endswith("this situation")


def test_he_skips_a_speaker_the_text_calls_a_woman() -> None:
    # 'Spokeswoman' marks Jessica Ditto as a woman, so the later 'he' is John Smith, the speaker before her
    text = (
        '"We will win this state, and by a lot," said Senator John Smith.\n\n'
        "Spokeswoman Jessica Ditto said the campaign would respond soon.\n\n"
        '"They are wrong about the numbers, all of them," he added.'
    )
    q = covering(quotes_of(text), text, "They are wrong")
    assert (q.speaker, q.speaker_name) == ("he", "John Smith")


POST = (
    "Turkish forces crossed the border on Friday, the ministry said.\n\n"
    "Erdogan and Aliyev have gone so far as to call Yerevan their own.\n\n"
    "Those with the power to stop this do not seem to care. Armenia is alone. https://t.co/KFy7NQrx4B\n\n"
    "— Alison Meuse (@AliTahmizian) May 14, 2021"
)


def test_post_over_two_paragraphs_starts_at_its_first() -> None:
    # the two paragraphs before the signature fit in one post (65 + 72 characters, the link left out);
    # the paragraph before them reports the ministry ('the ministry said'), so it is the writer's
    full = f"Intro sentence here.\n\n{POST}\n\nThe end."
    posts = [q for q in quotes_of(POST) if q.kind == "embedded_post"]
    assert len(posts) == 1
    assert (posts[0].start, posts[0].speaker) == (full.index("Erdogan"), "Alison Meuse")
    assert full[posts[0].start : posts[0].end].endswith("KFy7NQrx4B")


def test_post_does_not_swallow_a_long_paragraph() -> None:
    # 300 characters of article text before the post cannot be part of it
    long = "Fighting resumed along the line of contact and both sides reported casualties overnight. " * 3
    text = POST.replace("Erdogan and Aliyev have gone so far as to call Yerevan their own.", long.strip())
    full = f"Intro sentence here.\n\n{text}\n\nThe end."
    posts = [q for q in quotes_of(text) if q.kind == "embedded_post"]
    assert [p.start for p in posts] == [full.index("Those with the power")]


def test_a_place_after_an_unnamed_speaker_is_part_of_the_mention() -> None:
    # 'said a militant in Azebaijan,': the unnamed speaker is known by role and place; a named
    # speaker's place is not part of his name
    text = '"We were not paid," said a Hamza Division militant in Azebaijan, the reporter wrote.'
    q = covering(quotes_of(text), text, "We were not")
    assert (q.kind, q.speaker, q.cue) == ("direct", "a Hamza Division militant in Azebaijan", "said")
    text = '"We are leaving," said Vladimir Putin in Moscow.'
    q = covering(quotes_of(text), text, "We are leaving")
    assert q.speaker == "Vladimir Putin"


def test_scare_quote_in_a_paraphrase_paragraph_is_not_a_fragment() -> None:
    # 'a "creeping" war' sits in the pundit's paraphrase with no speech verb: the writer's (or the
    # pundit's) scare quote, so the paragraph is indirect speech, not a mixed quote
    text = ("Azerbaijan must deploy troops in these areas. Because Russia is dragging Azerbaijan into a "
            '"creeping" war, the pundit thinks.')
    q = covering(quotes_of(text), text, "Azerbaijan must deploy")
    assert (q.kind, q.speaker, q.cue) == ("indirect", "the pundit", "thinks")


def test_a_quoted_heading_takes_the_speaker_of_its_section() -> None:
    # a quoted sentence alone in its paragraph, without a full stop, heads the next paragraph's speaker
    # (Aslanli), not the speaker of the quote before it (Sahinoglu)
    text = ('"Russia is a threat," pundit Elxan Sahinoglu said.\n\n'
            '"It is unacceptable to act as if there was a separate place called Nagorno-Karabakh"\n\n'
            "Pundit Araz Aslanli said that disrespect for our sovereignty was unacceptable.")
    q = covering(quotes_of(text), text, "It is unacceptable")
    assert (q.kind, q.speaker_name, q.cue) == ("floating", "Araz Aslanli", "")


def test_a_quote_after_described_footage_is_an_unnamed_voice_in_it() -> None:
    # the sentence before describes a video and reports no speech: the quote is someone in the video
    # (unnamed), not the militant quoted before it
    text = ("“We were not paid,” said a militant, the reporter wrote. Later, a video went viral on social media "
            "that showed some mercenaries fleeing. “Oh God protect us. Thank you, God, for your help.”")
    q = covering(quotes_of(text), text, "Oh God")
    assert (q.kind, q.speaker, q.speaker_type, q.cue) == ("floating", "", "anonymous", "")


def test_a_whole_clause_quoted_after_that_is_direct() -> None:
    # everything after 'stated that' up to the full stop is inside the marks: a direct quote of a
    # document, not a fragment inside paraphrase
    text = 'The ministry stated that "the contingent is deployed in parallel with the withdrawal of the forces".'
    q = covering(quotes_of(text), text, "the contingent")
    full = f"Intro sentence here.\n\n{text}\n\nThe end."
    assert (q.kind, q.speaker, q.cue) == ("direct", "The ministry", "stated")
    assert full[q.start : q.end] == "the contingent is deployed in parallel with the withdrawal of the forces"
    # only part of the clause quoted: mixed (paraphrase around it)
    text = 'Shoigu asserted that the peacekeepers are the "main guarantor of peace in Karabakh" today.'
    assert covering(quotes_of(text), text, "main guarantor").kind == "mixed"


UNCLOSED = ("Pundit Araz Aslanli said that disrespect for the treaty was unacceptable.\n\n"
            "\u201cOur independence is sacred for us. The approach of the officials should not change.\n\n")


def test_an_unclosed_quote_runs_on_in_a_paragraph_that_speaks_in_the_first_person() -> None:
    # the second paragraph has no quotation mark but says 'our': still the pundit; the author resumes
    # at the sentence that reports someone else ('The head of QAFSAM is of the opinion that ...')
    text = UNCLOSED + ("Most likely, something will be achieved. At least let them respect our sovereignty. "
                       "The head of the centre is of the opinion that the talks will fail.")
    qs = quotes_of(text)
    first = covering(qs, text, "Our independence")
    run_on = covering(qs, text, "Most likely")
    assert (run_on.kind, run_on.speaker_name, run_on.cue) == ("floating", first.speaker_name, "")
    assert first.speaker_name == "Araz Aslanli"
    full = f"Intro sentence here.\n\n{text}\n\nThe end."
    assert full[run_on.start : run_on.end] == ("Most likely, something will be achieved. "
                                               "At least let them respect our sovereignty.")
    assert covering(qs, text, "the talks will fail").kind == "indirect"


@pytest.mark.parametrize(
    "after",
    [
        "The talks resumed in Moscow on Friday.",  # no first or second person: the author's own paragraph
        "\u201cWe will not give in,\u201d he added.",  # reopened with a mark: its own quote
        "The minister said that we should wait.",  # an attribution of its own at the start
    ],
)
def test_an_unclosed_quote_does_not_run_on_otherwise(after: str) -> None:
    text = UNCLOSED + after
    full = f"Intro sentence here.\n\n{text}\n\nThe end."
    a = full.index(after)
    assert not [q for q in quotes_of(text) if q.rule.startswith("floating: an unclosed") and q.start >= a]


def test_a_second_speaker_after_a_comma_starts_a_new_attribution() -> None:
    # the comma inside the closing quotation mark still ends the first clause ('Republic," with ...')
    text = ('Two months ago, the leader declared the dissolution of the unrecognized "Republic," with Azerbaijani '
            'officials subsequently announcing the restoration of sovereignty.')
    qs = quotes_of(text)
    second = covering(qs, text, "the restoration")
    assert (second.speaker, second.cue) == ("Azerbaijani officials", "announcing")
    assert covering(qs, text, "the dissolution").cue == "declared"
    # ', and Armenian officials have disavowed ...': a plural subject after 'and' speaks the rest
    text = "Reports indicate a sharp decrease in the population, and Armenian officials have disavowed any territorial claims to the region."
    q = covering(quotes_of(text), text, "any territorial claims")
    assert (q.speaker, q.cue) == ("Armenian officials", "have disavowed")


def test_a_subject_interrupted_by_the_attribution_is_reported_on_both_sides() -> None:
    # 'The museum, Mr. Obama said, would make ...': what he said is 'The museum would make ...'
    text = "The museum, Mr. Obama said, would make visitors face uncomfortable truths."
    q = covering(quotes_of(text), text, "The museum")
    full = f"Intro sentence here.\n\n{text}\n\nThe end."
    assert (q.speaker, q.cue) == ("Mr. Obama", "said")
    assert [full[a:b] for a, b in q.spans] == ["The museum", "would make visitors face uncomfortable truths"]


@pytest.mark.parametrize(
    ("text", "fragment", "speaker", "cue"),
    [
        # the progressive is not a passive: 'is announcing' has its speaker before it
        ("Thus, Armenia is announcing the start of a new military confrontation.", "the start", "Armenia",
         "is announcing"),
        # an unnamed group keeps its place ('in Armenia'), through a coordinated verb
        ("Some political factions in Armenia are critical of the prime minister and demand his resignation.",
         "his resignation", "Some political factions in Armenia", "demand"),
        # a date after a document is part of the mention
        ('The statement of November 10, 2020 stated that "the troops are deployed in parallel with the withdrawal".',
         "the troops", "The statement of November 10, 2020", "stated"),
        # 'been' is an auxiliary of the cue, no part of the speaker; "'s" before it is 'has', not an owner's
        ("The ministry has been saying that the road is open.", "the road", "The ministry", "has been saying"),
        ("He’s been saying that the road is open.", "the road", "He", "’s been saying"),
        ("Azerbaijan's been claiming that the road is open.", "the road", "Azerbaijan", "'s been claiming"),
        # negative: an owner's 's before a noun stays in the mention
        ("Azerbaijan's president said that the road is open.", "the road", "Azerbaijan's president", "said"),
    ],
)
def test_speaker_noun_phrases(text: str, fragment: str, speaker: str, cue: str) -> None:
    q = covering(quotes_of(text), text, fragment)
    assert (q.speaker, q.cue) == (speaker, cue)


def test_a_gerund_subject_after_the_attribution_is_part_of_what_was_said() -> None:
    # 'replacing Clinton would be ...' is the subject of the reported clause, not a participle hanging on 'said'
    text = "Though that transition was seamless, he said, replacing Clinton would be much more acrimonious."
    q = covering(quotes_of(text), text, "replacing Clinton")
    full = f"Intro sentence here.\n\n{text}\n\nThe end."
    assert (q.speaker, q.cue) == ("he", "said")
    assert [full[a:b] for a, b in q.spans] == ["Though that transition was seamless",
                                               "replacing Clinton would be much more acrimonious"]


@pytest.mark.parametrize(
    ("text", "fragment", "kind", "speaker"),
    [
        # a speaker of five words after a quotation that opens its sentence ('said' is the fifth word)
        ('"The road is closed," some independent Armenian sources said.', "The road",
         "direct", "some independent Armenian sources"),
        ('"I am leaning yes," Senator Lisa Murkowski of Alaska told reporters.', "I am leaning",
         "direct", "Lisa Murkowski"),
        # inside a sentence, a quoted fragment stays part of the paraphrase: a mixed quote
        ('Some 39 homes were "totally destroyed," City Manager Brian Funderburk said today.', "Some 39 homes",
         "mixed", "City Manager Brian Funderburk"),
    ],
)
def test_a_long_speaker_after_a_quote(text: str, fragment: str, kind: str, speaker: str) -> None:
    q = covering(quotes_of(text), text, fragment)
    assert q.kind == kind and speaker in (q.speaker, q.speaker_name)


def test_a_clause_that_goes_on_with_its_own_verb_is_no_speaker() -> None:
    # 'was the theme of a mock State of the State video': 'State' is no speech verb here
    text = '"Embarrassed," was the theme of a mock State of the State video released by Democrats.'
    assert not [q for q in quotes_of(text) if q.kind in ("direct", "floating")]


def test_a_quote_in_pieces_does_not_swallow_a_sentence_with_its_own_attribution() -> None:
    text = ('"We have many open questions," SPD leader Andrea Nahles said on Tuesday. Nahles added that the '
            'plan lacked the consent of other EU countries. "That is why I consider the deal an uncovered cheque."')
    quotes = quotes_of(text)
    middle = covering(quotes, text, "the plan lacked")
    last = covering(quotes, text, "That is why")
    first = covering(quotes, text, "We have many")
    assert (middle.kind, middle.speaker_name, middle.cue) == ("indirect", "Andrea Nahles", "added")
    # the last quote is the same speaker's, on its own now
    assert last is not first and (last.kind, last.speaker_name) == ("floating", "Andrea Nahles")


def test_a_quote_in_pieces_keeps_an_attribution_that_goes_on_in_its_sentence() -> None:
    # 'in a speech that criticized the plan' is part of the attribution's sentence: one quote in two pieces
    text = '"We will not give up," Pashinyan said in a speech that criticized the plan. "We will stand with our people."'
    quotes = quotes_of(text)
    q = covering(quotes, text, "We will not")
    assert q is covering(quotes, text, "We will stand") and len(q.spans) == 2


def test_the_speaker_of_the_sentence_before_is_not_looked_for_in_a_quote() -> None:
    # the cue of the first quote ('says') has its speaker after it: the third sentence's quote is
    # Krikorian's, not 'That' (the first quote's first word)
    text = ('"That\'s what happens when you\'re in the minority," says Mark Krikorian, executive director of '
            'the Center for Immigration Studies. His deputy, Jessica Vaughan, is scheduled to speak at the '
            'hearing. "The idea that this is a stacked hearing, that\'s just whining."')
    q = covering(quotes_of(text), text, "The idea that")
    assert q.speaker_name == "Mark Krikorian"
