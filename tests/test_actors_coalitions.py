"""Coalitions in the actors list: states that, named together, act as one body.

Russia (side russian) and the United States (international) named together have no shared side;
named with France, the three are the OSCE Minsk Group co-chairs, the Karabakh mediators
(international). Expected values are read from lexicons/actors.yaml and the sentences.
"""

from __future__ import annotations

import textwrap

import pytest

from framing.actors import load_actors
from framing.errors import LexiconError

from .helpers import quotes_in


def _speaker(text: str) -> tuple[str, str, str, str]:
    (q,) = quotes_in(text)
    return q.speaker, q.speaker_name, q.speaker_type, q.side


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Russia, France and the United States said the talks had failed.", "Russia, France and the United States"),
        # any order, any listed name of a member
        ("The US, France and Russia said the talks had failed.", "The US, France and Russia"),
        ("France, Russia and the U.S. said the talks had failed.", "France, Russia and the U.S"),
    ],
)
def test_the_three_co_chairs_named_together_are_the_minsk_group(text: str, mention: str) -> None:
    # the mention stays as written; the resolved speaker is the body the three form
    assert _speaker(text) == (mention, "OSCE Minsk Group co-chairs", "organisation", "international")


@pytest.mark.parametrize(
    "text",
    [
        "Russia and the United States said the talks had failed.",  # two of the three: no coalition
        "Russia, France, the US and Turkey said the talks had failed.",  # a fourth state: no coalition
        "Russia, Russia and France said the talks had failed.",  # a member twice, one missing
    ],
)
def test_other_sets_of_states_keep_the_side_they_share(text: str) -> None:
    # Russia is russian, France and the US international, Turkey azerbaijani: no side shared
    _, name, _, side = _speaker(text)
    assert name != "OSCE Minsk Group co-chairs" and side == "unknown"


def test_france_alone_is_filed_with_the_western_governments() -> None:
    assert _speaker("France said the talks had failed.")[3] == "international"


def _actors_file(tmp_path, coalitions: str):
    p = tmp_path / "actors.yaml"
    p.write_text(textwrap.dedent("""\
        format: 1
        kind: actors
        sides: [a, b]
        groups:
          - id: g
            label: G
            side: a
            terms: [Alpha, Beta]
        """) + textwrap.dedent(coalitions), encoding="utf-8")
    return p


def test_a_coalition_of_ones_own_is_loaded(tmp_path) -> None:
    p = _actors_file(tmp_path, """\
        coalitions:
          - name: Alpha-Beta pact
            members: [Alpha, "Beta | the Beta Republic"]
            side: b
        """)
    actors = load_actors(p)
    assert actors.coalition_of(["the Beta Republic", "Alpha"]).name == "Alpha-Beta pact"  # type: ignore[union-attr]
    assert actors.coalition_of(["Alpha", "Gamma"]) is None


@pytest.mark.parametrize(
    ("coalitions", "line", "message"),
    [
        # the file's first 8 lines hold format, kind, sides and the group: line 9 is the
        # 'coalitions:' key, 10 the item ('- name: X'), 11 its members, 12 its side
        ("coalitions:\n  - name: X\n    members: [Alpha]\n    side: a\n", 11, "members must be a list of two or more names"),
        ("coalitions:\n  - name: X\n    members: [Alpha, Beta]\n    side: c\n", 12, "unknown side 'c'"),
        ("coalitions:\n  - members: [Alpha, Beta]\n    side: a\n", 10, "coalition has no name"),
        ("coalitions: [Alpha, Beta]\n", 9, "each coalition must be a mapping"),
    ],
)
def test_a_bad_coalition_names_the_file_and_line(tmp_path, coalitions: str, line: int, message: str) -> None:
    p = _actors_file(tmp_path, coalitions)
    with pytest.raises(LexiconError) as info:
        load_actors(p)
    assert str(info.value).startswith(f"{p}:{line}: ") and message in str(info.value)
