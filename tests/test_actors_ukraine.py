"""Speakers of Russia–Ukraine war coverage in the bundled actors list: who they resolve to, with
type and side, through the public pipeline (``analyze_text_document`` → ``find_quotes``).

Each case is a short sentence written for this test (not taken from a corpus) with the answer read
off the sentence and the actors list: the listed person or institution the mention names (the
list's spelling, whatever variant the sentence uses), its speaker type (a listed person → person,
an institution or organisation → organisation, an unnamed group → anonymous) and its side.
Negative cases: common surnames entered only as full names ("Austin", "Antonov", "Medvedev",
"Kirby"), the pronoun "us", and institutions of the same name on the other side stay unresolved.
"""

from __future__ import annotations

import pytest

from framing.actors import load_actors

from .helpers import quote_of

ACTORS = load_actors()


UA, RU, INT = "ukrainian", "russian", "international"


LISTED = [
    # --- Ukraine: people, under the spelling variants the wires use ---------------------------
    ("Kuleba said that the talks had stalled.", "the talks", "Dmytro Kuleba", "person", UA),
    ("Foreign Minister Dmitry Kuleba said that the talks had stalled.", "the talks", "Dmytro Kuleba", "person", UA),
    # the other Kuleba (Kyiv region's governor) has his own entry: the full name wins over the surname
    ("Regional governor Oleksii Kuleba said that power was back.", "power was back", "Oleksiy Kuleba", "person", UA),
    ("Mikhail Podoliak said that the offer was a trap.", "the offer", "Mykhailo Podolyak", "person", UA),
    ("Kyiv Mayor Vitaly Klitschko said that the metro would stay open.", "the metro", "Vitali Klitschko",
     "person", UA),
    # his brother is not the mayor
    ("Wladimir Klitschko said that he would stay in the city.", "he would stay", "Wladimir Klitschko", "person", UA),
    ("Aleksey Reznikov said that the tanks would arrive in spring.", "the tanks", "Oleksii Reznikov", "person", UA),
    ("Andrii Yermak said that the plan was ready.", "the plan", "Andriy Yermak", "person", UA),
    ("Prime Minister Denis Shmygal said that the budget was short.", "the budget", "Denys Shmyhal", "person", UA),
    ("Alexey Arestovich said that the offensive had slowed.", "the offensive", "Oleksiy Arestovych", "person", UA),
    ("Irina Vereshchuk said that the corridor had opened.", "the corridor", "Iryna Vereshchuk", "person", UA),
    ("General Valery Zaluzhny said that the front was holding.", "the front", "Valerii Zaluzhnyi", "person", UA),
    ("Andrij Melnyk said that Berlin must send more weapons.", "Berlin must", "Andriy Melnyk", "person", UA),
    ("Mykhailo Fedorov said that the app had a million users.", "the app", "Mykhailo Fedorov", "person", UA),
    ("Ihor Terekhov said that the city was under fire.", "the city", "Ihor Terekhov", "person", UA),
    ("Brigadier General Oleksii Hromov said that the troops had advanced.", "the troops", "Oleksiy Gromov",
     "person", UA),
    ("Oleh Ustenko said that the gap in the budget was huge.", "the gap", "Oleg Ustenko", "person", UA),
    # --- Ukraine: institutions (listed institutions are typed organisation) ----------------------
    ("The SBU said that it had detained two agents.", "it had detained", "Security Service of Ukraine",
     "organisation", UA),
    ("The General Staff of Ukraine said that ten attacks were repelled.", "ten attacks",
     "General Staff of the Armed Forces of Ukraine", "organisation", UA),
    ("Ukraine's Air Force said that it had shot down six drones.", "it had shot", "Ukrainian Air Force",
     "organisation", UA),
    # --- Russia and the authorities it backs -----------------------------------------------------
    ("Dmitry Medvedev said that the West would regret it.", "the West", "Dmitry Medvedev", "person", RU),
    ("Igor Konashenkov said that the strikes had hit depots.", "the strikes", "Igor Konashenkov", "person", RU),
    ("Vasily Nebenzya said that the resolution was biased.", "the resolution", "Vassily Nebenzia", "person", RU),
    ("Ramzan Kadyrov said that his fighters were ready.", "his fighters", "Ramzan Kadyrov", "person", RU),
    ("Ambassador Anatoly Antonov said that Washington was escalating.", "Washington was", "Anatoly Antonov",
     "person", RU),
    ("Mikhail Ulyanov said that the inspectors were welcome.", "the inspectors", "Mikhail Ulyanov", "person", RU),
    ("Dmitry Polyanskiy said that the meeting was a farce.", "the meeting", "Dmitry Polyansky", "person", RU),
    ("Gazprom said that the flows would stop on Monday.", "the flows", "Gazprom", "organisation", RU),
    ("Rosatom said that the reactors were safe.", "the reactors", "Rosatom", "organisation", RU),
    # the "DPR" leader: the file's donbas_separatists group, side russian
    ("Denis Pushilin said that the vote would go ahead.", "the vote", "Denis Pushilin", "person", RU),
    ("Volodymyr Saldo said that the bridge was closed.", "the bridge", "Vladimir Saldo", "person", RU),
    # --- International ---------------------------------------------------------------------------
    ("Antony Blinken said that the aid would continue.", "the aid", "Antony Blinken", "person", INT),
    # the longer alias beats the United Nations' "UN Secretary-General"
    ("UN Secretary-General Antonio Guterres said that the war must end.", "the war must", "António Guterres",
     "person", INT),
    ("Jens Stoltenberg said that the alliance was united.", "the alliance", "Jens Stoltenberg", "person", INT),
    ("IAEA chief Rafael Grossi said that the plant was fragile.", "the plant", "Rafael Grossi", "person", INT),
    ("The IAEA said that its inspectors had arrived.", "its inspectors", "International Atomic Energy Agency",
     "organisation", INT),
    ("John Kirby said that the decision was not final.", "the decision", "John Kirby", "person", INT),
    ("Defense Secretary Lloyd Austin said that the tanks were on the way.", "the tanks", "Lloyd Austin",
     "person", INT),
    ("Linda Thomas-Greenfield said that the vote was clear.", "the vote", "Linda Thomas-Greenfield", "person", INT),
    ("Martin Griffiths said that the corridor must stay open.", "the corridor", "Martin Griffiths", "person", INT),
    # "Joseph Borrell" (two words) is tried before "European Union" (two words, not at the end); with
    # only the alias "Borrell" the longer "European Union" would win
    ("European Union envoy Joseph Borrell said that the sanctions would stay.", "the sanctions",
     "Josep Borrell", "person", INT),
    ("The Pentagon said that the package was ready.", "the package", "Pentagon", "organisation", INT),
    ("The State Department said that the embassy would reopen.", "the embassy", "State Department",
     "organisation", INT),
    ("The White House said that the call had gone well.", "the call", "White House", "organisation", INT),
    # "US" without dots: the country as a whole mention (a group term), or before the noun it qualifies
    ("The US said that the sanctions would stay.", "the sanctions", "US", "organisation", INT),
    ("US officials said that the talks had stalled.", "the talks", "US officials", "anonymous", INT),
]
UNLISTED_OR_AMBIGUOUS = [
    # a bare surname entered only as a full name resolves through the full name the article gave before
    ("Lloyd Austin arrived in Kyiv on Monday. Austin said that the aid would grow.", "the aid would",
     "Lloyd Austin", "person", INT),
    ("Dmitry Medvedev spoke on Friday. Medvedev said that the talks were over.", "the talks were",
     "Dmitry Medvedev", "person", RU),
    # ... and without one it stays an unknown name ("Antonov" is also the aircraft maker)
    ("Antonov said that the aircraft was ready.", "the aircraft", "Antonov", "person", "unknown"),
    ("Austin said that the aid would grow.", "the aid would", "Austin", "person", "unknown"),
    # other people with the same surnames are not the listed ones
    ("Daniil Medvedev said that the match was hard.", "the match", "Daniil Medvedev", "person", "unknown"),
    ("Paul Kirby said that the mood was grim.", "the mood", "Paul Kirby", "person", "unknown"),
    ("Viktor Melnyk said that the harvest was late.", "the harvest", "Viktor Melnyk", "person", "unknown"),
    # the city of Austin and the aircraft are no speakers of their own
    ("Officials in Austin said that the roads were closed.", "the roads", "Officials in Austin", "anonymous",
     "unknown"),
    # Russia's FSB is not Ukraine's SBU (no bare "Security Service"), and "General Staff" alone has no side
    ("Russia's Federal Security Service said that it had arrested a spy.", "it had arrested",
     "Russia's Federal Security Service", "organisation", RU),
    ("The General Staff said that the attacks were repelled.", "the attacks", "General Staff", "organisation",
     "unknown"),
    # no role alias: "Kremlin spokesman" is the Kremlin (via its alias "Kremlin"), not Peskov by office
    ("The Kremlin spokesman said that the talks were over.", "the talks were", "the Kremlin", "organisation", RU),
    # the pronoun "us" is never the United States: nobody is named before "she"
    ("“Tell us what happened,” she said.", "Tell us", "", "person", "unknown"),
]


@pytest.mark.parametrize(("text", "content_start", "name", "speaker_type", "side"), LISTED + UNLISTED_OR_AMBIGUOUS)
def test_speaker(text: str, content_start: str, name: str, speaker_type: str, side: str) -> None:
    q = quote_of(text, content_start)
    assert (q.speaker_name, q.speaker_type, q.side) == (name, speaker_type, side)


@pytest.mark.parametrize(
    ("mention", "side"),
    [
        ("US officials", INT),
        ("A senior US defense official", INT),  # the run "US defense" anywhere in the mention
        ("US President Joe Biden", INT),
        ("U.S. diplomats", INT),
        ("Moscow-installed authorities in Kherson", RU),
        # "us" as a pronoun inside a mention gives no side: no cue is the single word "us"
        ("what our neighbors told us", ""),
        ("those of us in the shelter", ""),
        ("make us", ""),
    ],
)
def test_side_of_words(mention: str, side: str) -> None:
    assert ACTORS.side_of_words(mention) == side


def test_us_is_not_a_single_word_cue() -> None:
    # a single-word cue is matched case-insensitively and would take the pronoun; only runs start with "us"
    assert "us" not in ACTORS.nationality
    assert all(len(run) > 1 for run in ACTORS.nationality_runs if run[0] == "us")
