"""Term matching: longest match, word boundaries, variants, voice. Hand-made cases."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from framing.analysis import Analyzer, analyze_text
from framing.lexicon import load_pack
from framing.matcher import TermMatcher

PACK = """\
format: 1
pack: t
sides: {arm: {}, aze: {}, intl: {}}
concepts:
  - id: region
    label: the region
    variants:
      - side: intl
        terms: [Nagorno-Karabakh]
      - side: aze
        terms: [Karabakh]
      - side: arm
        terms: [Artsakh]
  - id: republic
    label: the polity
    variants:
      - side: arm
        terms: [Nagorno-Karabakh Republic, Republic of Artsakh]
  - id: shusha
    label: the town
    variants:
      - side: aze
        terms: [Shusha, Şuşa]
      - side: arm
        terms: [Shushi]
  - id: separatists
    label: fighters
    variants:
      - side: aze
        terms: [separatist]
        inflect: true
      - side: intl
        terms: [Karabakh forces]
  - id: city
    label: Kyiv
    variants:
      - side: intl
        terms: [Kyiv]
      - side: aze
        terms: [Kiev]
        exclude: [chicken Kiev]
  - id: acronym
    label: case matters
    variants:
      - side: intl
        terms: [AP]
        case_sensitive: true
"""


@pytest.fixture(scope="module")
def matcher(tmp_path_factory: pytest.TempPathFactory) -> TermMatcher:
    p = tmp_path_factory.mktemp("lex") / "t.yaml"
    p.write_text(PACK, encoding="utf-8")
    return TermMatcher([load_pack(p)])


CASES = [
    ("Shelling of Nagorno-Karabakh continued.", [("region", "Nagorno-Karabakh")]),
    ("the Nagorno-Karabakh Republic was dissolved", [("republic", "Nagorno-Karabakh Republic")]),
    ("Nagorno Karabakh and Nagorno–Karabakh", [("region", "Nagorno Karabakh"), ("region", "Nagorno–Karabakh")]),
    ("Artsakh's army and Artsakh’s people", [("region", "Artsakh"), ("region", "Artsakh")]),
    ("Shushaville is not Shusha", [("shusha", "Shusha")]),
    ("SHUSHI, shushi and Şuşa", [("shusha", "SHUSHI"), ("shusha", "shushi"), ("shusha", "Şuşa")]),
    ("the separatists and a separatist", [("separatists", "separatists"), ("separatists", "separatist")]),
    ("Karabakh forces attacked", [("separatists", "Karabakh forces")]),
    ("Karabakh, forces attacked", [("region", "Karabakh")]),
    ("chicken Kiev in Kiev, Kyiv", [("city", "Kiev"), ("city", "Kyiv")]),
    ("the AP reported; a tap; ap", [("acronym", "AP")]),
    ("Stepanakertdt is a typo", []),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find(matcher: TermMatcher, text: str, expected: list[tuple[str, str]]) -> None:
    hits = matcher.find(text)
    assert [(h.concept, h.text) for h in hits] == expected
    for h in hits:
        assert text[h.start : h.end] == h.text


def test_diacritic_insensitive_option(tmp_path: Path) -> None:
    p = tmp_path / "t.yaml"
    p.write_text(PACK, encoding="utf-8")
    pack = load_pack(p)
    assert [h.text for h in TermMatcher([pack]).find("Susa and Suşa")] == []
    assert [h.text for h in TermMatcher([pack], diacritics=True).find("Suşa and Şusa")] == ["Suşa", "Şusa"]


def test_matching_is_linear_with_many_terms(tmp_path: Path) -> None:
    """100,000 terms: building and matching stay fast (no per-term loop over the text)."""
    lines = ["format: 1", "pack: big", "sides: {a: {}}", "concepts:"]
    for i in range(2000):
        terms = ", ".join(f"word{i}x{j} term{j}" for j in range(50))
        lines += [f"  - id: c{i}", "    variants:", "      - side: a", f"        terms: [{terms}]"]
    p = tmp_path / "big.yaml"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    pack = load_pack(p)
    assert pack.n_terms == 100_000
    m = TermMatcher([pack])
    text = ("Plain words about Karabakh and word7x3 term3 here. " * 4000)
    t0 = time.perf_counter()
    hits = m.find(text)
    elapsed = time.perf_counter() - t0
    assert len(hits) == 4000
    assert elapsed < 5.0


VOICE_CASES = [
    ('Russian "peacekeepers" left Shusha.', [("shusha", "Shusha", "authorial")]),
    ('They fled the so-called "Republic of Artsakh".', [("republic", "Republic of Artsakh", "scare-quoted")]),
    ('"We will never leave Shushi," he said.', [("shusha", "Shushi", "quoted")]),
    ('a place called "Nagorno-Karabakh" is unacceptable', [("region", "Nagorno-Karabakh", "mentioned")]),
]


@pytest.mark.parametrize(("text", "expected"), VOICE_CASES)
def test_voice(tmp_path: Path, text: str, expected: list[tuple[str, str, str]]) -> None:
    p = tmp_path / "t.yaml"
    p.write_text(PACK, encoding="utf-8")
    r = analyze_text(text, analyzer=Analyzer([load_pack(p)]))
    got = [(row.concept, row.text, row.voice) for row in r.terms.itertuples()]
    assert got == expected


def test_distancing_marker_governs_following_term() -> None:
    r = analyze_text("Separatists from the self-proclaimed “Republic of Artsakh” surrendered in the breakaway region of Nagorno-Karabakh.")
    rows = {row.text: row for row in r.terms.itertuples() if row.pack == "karabakh"}
    assert rows["Republic of Artsakh"].distancing == "self-proclaimed"
    assert rows["Republic of Artsakh"].voice == "scare-quoted"
    assert rows["Nagorno-Karabakh"].distancing == "breakaway"
    assert rows["Separatists"].distancing == ""
