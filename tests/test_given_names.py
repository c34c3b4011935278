"""The shipped given-names list and gender_of: names of both genders from many languages,
full names with titles, names left out on purpose, and the checks on a user's file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from framing.errors import InputError, LexiconError
from framing.given_names import (
    GENDERS,
    GivenNamesError,
    _bundled,
    _bundled_path,
    gender_of,
    load_given_names,
    name_key,
)
from framing.mentions import TITLES, VAGUE_HEADS

# Given names alone, by language. The expected gender is the fact about the name.
GIVEN_NAMES = [
    # Ukrainian / Russian, with transliteration variants
    ("Volodymyr", "male"), ("Vladimir", "male"), ("Oleksandr", "male"), ("Aleksandr", "male"),
    ("Alexander", "male"), ("Mykhailo", "male"), ("Mikhail", "male"), ("Dmytro", "male"), ("Dmitry", "male"),
    ("Serhiy", "male"), ("Sergei", "male"), ("Sergey", "male"), ("Andriy", "male"), ("Andrei", "male"),
    ("Oleksiy", "male"), ("Alexei", "male"), ("Kyrylo", "male"), ("Vitali", "male"),
    ("Olena", "female"), ("Yelena", "female"), ("Elena", "female"), ("Iryna", "female"), ("Irina", "female"),
    ("Yuliia", "female"), ("Yulia", "female"), ("Svitlana", "female"), ("Svetlana", "female"),
    ("Oksana", "female"), ("Viktoriia", "female"), ("Viktoria", "female"), ("Tetiana", "female"),
    # Armenian, Azerbaijani, Georgian
    ("Nikol", "male"), ("Ararat", "male"), ("Anahit", "female"), ("Lusine", "female"),
    ("Ilham", "male"), ("Jeyhun", "male"), ("Mehriban", "female"), ("Sevinj", "female"),
    ("Irakli", "male"), ("Bidzina", "male"), ("Salome", "female"), ("Ketevan", "female"),
    # Turkish, Arabic, Persian, Hebrew
    ("Recep", "male"), ("Meral", "female"), ("Zeynep", "female"), ("Mohammed", "male"), ("Fatima", "female"),
    ("Rania", "female"), ("Abbas", "male"), ("Narges", "female"), ("Mahsa", "female"), ("Ebrahim", "male"),
    ("Yair", "male"), ("Ayelet", "female"),
    # English, German, French, Italian, Spanish, Polish, Nordic
    ("Elizabeth", "female"), ("Kamala", "female"), ("Keir", "male"), ("Olaf", "male"), ("Annalena", "female"),
    ("Ségolène", "female"), ("Emmanuel", "male"), ("Giorgia", "female"), ("Matteo", "male"), ("Pedro", "male"),
    ("Yolanda", "female"), ("Małgorzata", "female"), ("Andrzej", "male"), ("Mette", "female"), ("Jens", "male"),
    # Japanese (plainly gendered)
    ("Yuriko", "female"), ("Shinzo", "male"),
]

# Full names and mentions: the given name is the first word after titles and descriptions.
FULL_NAMES = [
    ("President Volodymyr Zelensky", "male"),
    ("Svitlana Lukianenko", "female"),
    ("Ukrainian President Volodymyr Zelensky", "male"),  # a nationality before the title
    ("Russian Foreign Minister Sergei Lavrov", "male"),
    ("Kremlin spokesman Dmitry Peskov", "male"),
    ("Gen. Valery Gerasimov", "male"),
    ("Dr. Anthony Fauci", "male"),
    ("Secretary of State Antony Blinken", "male"),  # 'of State' belongs to the title
    ("Governor of New York Kathy Hochul", "female"),  # 'of New York' too
    ("the former prime minister Theresa May", "female"),
    ("German Chancellor Angela Merkel", "female"),
    ("Christian Democrat leader Annegret Kramp-Karrenbauer", "female"),  # 'Christian' is a party word here
    ("Pashinyan's wife Anna Hakobyan", "female"),  # a possessive and a role before the name
    ("Volodymyr Zelensky, the president of Ukraine", "male"),  # an appositive after a comma
    ("Martin Luther King Jr.", "male"),  # 'King' is part of the name before 'Jr.'
    ("Anna-Lena Baerbock", "female"),  # hyphenated: by its first part (Anna)
    ("Jean-Pierre Raffarin", "male"),  # listed whole (Jean alone is left out)
    ("Linda Thomas-Greenfield", "female"),
    ("Léa Salamé", "female"), ("Lea Salame", "female"), ("LÉA SALAMÉ", "female"), ("léa salamé", "female"),
    ("İbrahim Kalın", "male"), ("Ibrahim Kalin", "male"),  # Turkish dotted and dotless i
    ("Ursula von der Leyen", "female"), ("Mohammed bin Salman", "male"), ("Abdel-Fattah el-Sisi", "male"),
    ("Queen Elizabeth II", "female"), ("Pope Francis", "male"), ("Sir Keir", "male"),  # given names after these titles
    # one word after a title is a surname: the title is the resolver's business
    ("Mrs. Smith", ""), ("President Macron", ""), ("Ambassador Thomas-Greenfield", ""),
    ("Mrs. Thomas", ""), ("Congresswoman Omar", ""),  # surnames that are also given names (Thomas, Omar: male)
    ("Ukraine's Zelensky", ""),
    ("Thomas-Greenfield", ""),  # a hyphenated surname alone is not split into 'Thomas'
    ("J. Smith", ""), ("J.D. Vance", ""),  # initials
    ("Xi Jinping", ""), ("Kim Jong Un", ""), ("Moon Jae-in", ""),  # family name first
    ("Smith", ""), ("Zelensky", ""),  # a surname alone
    ("he", ""), ("she", ""), ("", ""), ("  ", ""), ("“”", ""),
]

# Names used for both genders in the news, left out on purpose; and names in neither list.
UNISEX_AND_UNKNOWN = [
    "Sasha", "Alex", "Jordan", "Kim", "Jean", "Andrea", "Nikita", "Robin", "Taylor", "Morgan", "Ashley", "Leslie",
    "Lee", "Dana", "Chris", "Pat", "Sam", "Terry", "Jamie", "Casey", "Jesse", "Shannon", "Kelly", "Tracy", "Noor",
    "Nour", "Eden", "Yuval", "Shai", "Nicola", "Simone", "Michele", "Michèle", "Karen", "Nino", "Omer", "Ömer",
    "Sasha Smith", "Alex Jones", "Andrea Nahles", "Nicola Sturgeon",
    "May", "June", "April", "Chelsea", "Virginia", "Georgia", "Milan",  # words and places more than names
    "Warren", "Wilson", "Mahmood", "Keegan",  # more often the surname of a woman in the news than a given name
    "Qwertyuiop", "Zelenskyy", "Xyz Abc",
]


@pytest.mark.parametrize(("name", "expected"), GIVEN_NAMES + FULL_NAMES)
def test_gender_of(name: str, expected: str) -> None:
    assert gender_of(name) == expected


@pytest.mark.parametrize("name", UNISEX_AND_UNKNOWN)
def test_unisex_and_unknown_names_give_nothing(name: str) -> None:
    assert gender_of(name) == ""


@pytest.mark.parametrize(("name", "default", "lone_off"), [
    ("Svitlana", "female", ""),  # one word: a given name by default, nothing with lone_word=False
    ("Omar", "male", ""),  # ... which is what a surname alone needs (Ilhan Omar)
    ("Svitlana Lukianenko", "female", "female"),  # full names are unaffected
    ("President Volodymyr Zelensky", "male", "male"),
])
def test_lone_word_option(name: str, default: str, lone_off: str) -> None:
    assert gender_of(name) == default
    assert gender_of(name, lone_word=False) == lone_off


def _shipped_lists() -> dict[str, list[str]]:
    data = yaml.safe_load(_bundled_path().read_text(encoding="utf-8"))
    return {g: data[g] for g in GENDERS}


def test_shipped_lists_are_sorted_unique_and_disjoint() -> None:
    lists = _shipped_lists()
    keys = {g: [name_key(n) for n in names] for g, names in lists.items()}
    for g in GENDERS:
        assert all(isinstance(n, str) for n in lists[g]), g
        assert keys[g] == sorted(keys[g]), f"{g} is not alphabetical"
        assert len(set(keys[g])) == len(keys[g]), f"{g} has a name twice"
    assert set(keys["female"]).isdisjoint(keys["male"])
    # no name is a title or a role word, which gender_of skips before the given name
    listed = set(keys["female"]) | set(keys["male"])
    assert not listed & (TITLES | VAGUE_HEADS)


def test_shipped_file_header_and_size() -> None:
    text = _bundled_path().read_text(encoding="utf-8")
    assert text.startswith("# Given names")
    assert "\nversion: 1.0.0\n" in text
    names = load_given_names()
    assert names.version == "1.0.0"
    lists = _shipped_lists()
    # the loaded look-up holds every listed name under its gender
    assert len(names) == len(lists["female"]) + len(lists["male"])
    assert names.names("female") == {name_key(n) for n in lists["female"]}
    assert min(len(v) for v in lists.values()) >= 600


def test_shipped_file_loads_without_network(no_network: list[tuple[str, object]]) -> None:
    _bundled.cache_clear()
    names = load_given_names()
    assert names is load_given_names()  # read once, then cached
    assert names.gender_of("Olena Zelenska") == "female"
    assert no_network == []


def test_user_file(tmp_path: Path) -> None:
    path = tmp_path / "names.yaml"
    path.write_text("version: 2\nfemale:\n  - Sasha\nmale:\n  - Kai\n  - Jean-Pierre\n", encoding="utf-8")
    mine = load_given_names(path)
    assert (mine.version, len(mine), mine.path) == ("2", 3, str(path))
    assert mine.gender_of("Sasha Smith") == "female"
    assert mine.gender_of("Kai Wegner") == "male"
    assert mine.gender_of("Jean-Pierre Raffarin") == "male"
    assert mine.gender_of("Volodymyr Zelensky") == ""  # not in this list
    assert gender_of("Sasha Smith") == ""  # the shipped list is unchanged


@pytest.mark.parametrize(("text", "line", "says"), [
    ("female:\n  - Anna\n  - 123\nmale: []\n", 3, "123 is not text"),
    ("female:\n  - Anna\nmale:\n  - Ivan\nfemale:\n  - Olga\n", 5, "appears twice"),  # a duplicate key
    ("female:\n  - Anna\n  - Olga\n  - Anna\nmale: []\n", 4, "'Anna' is listed twice (also line 2)"),
    ("female:\n  - Léa\nmale: []\nfemale_extra: 1\n", 4, "unknown key 'female_extra'"),
    ("female:\n  - Lea\n  - Léa\nmale: []\n", 3, "also line 2 as 'Lea'"),  # the same name with an accent
    ("female:\n  - Sasha\nmale:\n  - Ivan\n  - sasha\n", 5, "in both lists (female on line 2)"),
    ("female:\n  - Anna Maria\nmale: []\n", 2, "not one given name"),
    ("female:\n  - J.\nmale: []\n", 2, "not one given name"),
    ("female:\n  -\nmale: []\n", 2, "an empty entry"),
    ("female: Anna\nmale: []\n", 1, "'female' must be a list"),
    ("- Anna\n- Ivan\n", 1, "not a given-names list"),
    ("female: [Anna\n", 2, "invalid YAML"),
])
def test_bad_user_file_names_file_and_line(tmp_path: Path, text: str, line: int, says: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GivenNamesError) as info:
        load_given_names(path)
    assert isinstance(info.value, InputError) and isinstance(info.value, LexiconError)
    message = str(info.value)
    assert message.startswith(f"{path}:{line}: "), message
    assert says in message
    assert "\n" not in message


def test_missing_user_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.yaml"
    with pytest.raises(InputError, match="cannot read"):
        load_given_names(path)
