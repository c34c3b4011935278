"""Cleaning the five seed articles: furniture out, the whole article kept.

Expectations are written by hand from reading the seed files: which source
lines are furniture (by line number, with the reason), how each article ends,
which paragraphs are headings or embedded posts, which agency each relays.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from framing import load_corpus
from framing.model import Document

from .conftest import SEEDS

# Source line numbers (1-based) of the furniture in each seed, and why it goes.
FURNITURE: dict[str, dict[int, str]] = {
    "000_fee2f20a42c07dc0": {3: "byline and date line", 4: "headline repeated"},
    "001_db964ca1aab0a28f": {
        1: "text above the headline (photo caption or kicker)",
        **{n: "page furniture after the article (section, date, unrelated news)" for n in range(11, 24)},
    },
    "002_35158a2b97b6a292": {32: "print-edition note", 33: "short-link line"},
    "003_3808734d8602848c": {19: "byline and date line", 20: "byline and date line", 21: "syndication footer"},
    "004_bfc6e24cd5e4e307": {
        3: "share/view counter",
        4: "share/view counter",
        31: "comment form or share/related-links furniture",
        33: "comment form or share/related-links furniture",
        34: "comment form or share/related-links furniture",
    },
}

# The last paragraph of each article, as it stands in the source.
LAST_PARAGRAPH = {
    "000_fee2f20a42c07dc0": '"Azerbaijan has repeatedly demonstrated its principled position to countries whose strength',
    "001_db964ca1aab0a28f": "While these concerns circulate, attempts to clarify the situation with the Russian Embassy",
    "002_35158a2b97b6a292": "Looking at Azerbaijan government pages on social media, it is noted that Azeris do not usually",
    "003_3808734d8602848c": "Whether or not Armenia and Azerbaijan will renew their fierce fighting",
    "004_bfc6e24cd5e4e307": "Hikmet Hajiyev, foreign policy adviser to Azerbaijan’s president, dismissed calls",
}

# Strings of page furniture that must not survive cleaning.
MUST_NOT_CONTAIN = {
    "000_fee2f20a42c07dc0": ["Media Roundup 30 December 2020"],
    "001_db964ca1aab0a28f": [
        "The year 2016",
        "Leave a review",
        "- Politics",
        "17:11",
        "foul gas-like odor",
        "weather in Baku",
        "road accident in Imishli",
        "Opposition members detained",
    ],
    "002_35158a2b97b6a292": ["Short link:", "A version of this article appears in print"],
    "003_3808734d8602848c": ["Tyler Durden", "05/15/2021", "via ZeroHedge", "ift.tt"],
    "004_bfc6e24cd5e4e307": ["LEAVE A REPLY", "Please enter your comment!", "Please enter your name here", "\n0\n", "179"],
}


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    return {d.id: d for d in load_corpus(SEEDS)}


def source_lines(doc_id: str) -> list[str]:
    return (SEEDS / f"{doc_id}.txt").read_text(encoding="utf-8").split("\n")


@pytest.mark.parametrize("doc_id", sorted(FURNITURE))
def test_removed_lines_and_reasons(docs: dict[str, Document], doc_id: str) -> None:
    removed = {r.line: r.reason for r in docs[doc_id].removed}
    assert removed == FURNITURE[doc_id]


@pytest.mark.parametrize("doc_id", sorted(FURNITURE))
def test_every_other_line_is_kept_verbatim(docs: dict[str, Document], doc_id: str) -> None:
    text = docs[doc_id].text
    paragraphs = [text[p.start : p.end] for p in docs[doc_id].paragraphs]
    expected = [
        line.strip()
        for n, line in enumerate(source_lines(doc_id), start=1)
        if line.strip() and n not in FURNITURE[doc_id]
    ]
    assert paragraphs == expected


@pytest.mark.parametrize("doc_id", sorted(MUST_NOT_CONTAIN))
def test_furniture_is_gone(docs: dict[str, Document], doc_id: str) -> None:
    for s in MUST_NOT_CONTAIN[doc_id]:
        assert s not in docs[doc_id].text, s


@pytest.mark.parametrize("doc_id", sorted(LAST_PARAGRAPH))
def test_article_ends_with_its_last_paragraph(docs: dict[str, Document], doc_id: str) -> None:
    doc = docs[doc_id]
    last = doc.paragraphs[-1]
    assert doc.text[last.start : last.end].startswith(LAST_PARAGRAPH[doc_id])
    assert last.end == len(doc.text)


def test_seed_001_ends_with_the_russian_embassy_paragraph(docs: dict[str, Document]) -> None:
    assert docs["001_db964ca1aab0a28f"].text.endswith(
        "questions persist about the true nature and duration of the Russian peacekeeping mission in Karabakh."
    )


def test_seed_004_keeps_hajiyev_paragraph(docs: dict[str, Document]) -> None:
    assert docs["004_bfc6e24cd5e4e307"].text.endswith(
        "dismissed calls for United Nations Security Council involvement, "
        "asserting that any issues need to be resolved on the ground."
    )


def test_seed_000_title_appears_once(docs: dict[str, Document]) -> None:
    doc = docs["000_fee2f20a42c07dc0"]
    assert doc.text.count("Calls For Withdrawal Of Russian Troops From Karabakh On The Rise") == 1
    assert doc.paragraphs[0].kind == "title"


def test_headings(docs: dict[str, Document]) -> None:
    def headings(doc_id: str) -> list[str]:
        d = docs[doc_id]
        return [d.text[p.start : p.end] for p in d.paragraphs if p.kind == "heading"]

    assert headings("002_35158a2b97b6a292") == ["SOURCING THE WEAPONS", "AZERI DISARRAY", "RECOGNISING NAGORNO-KARABAKH"]
    assert headings("000_fee2f20a42c07dc0") == ["Decisive steps vital to prevent such acts of sabotage"]
    assert headings("004_bfc6e24cd5e4e307") == []


def test_seed_003_embedded_posts(docs: dict[str, Document]) -> None:
    doc = docs["003_3808734d8602848c"]
    posts = [doc.text[p.start : p.end] for p in doc.paragraphs if p.kind == "embedded_post"]
    signatures = [doc.text[p.start : p.end] for p in doc.paragraphs if p.kind == "post_signature"]
    assert [p[:30] for p in posts] == [
        "#Azerbaijan‘s armed forces hav",
        "Shushi is completely devoid of",
        "Those Western nations with the",
    ]
    assert signatures == [
        "— Jake Hanrahan (@Jake_Hanrahan) May 13, 2021",
        "— ermeni (baby eater)🇦🇲֎ (@syriahay) May 14, 2021",
        "— Alison Meuse (@AliTahmizian) May 14, 2021",
    ]


@pytest.mark.parametrize(
    ("doc_id", "wire"),
    [
        ("000_fee2f20a42c07dc0", ()),
        ("001_db964ca1aab0a28f", ()),
        ("002_35158a2b97b6a292", ()),
        ("003_3808734d8602848c", ("Reuters",)),
        ("004_bfc6e24cd5e4e307", ("Reuters",)),
    ],
)
def test_wire_sources(docs: dict[str, Document], doc_id: str, wire: tuple[str, ...]) -> None:
    assert docs[doc_id].wire == wire


def test_wire_evidence_quotes_the_text(docs: dict[str, Document]) -> None:
    assert docs["003_3808734d8602848c"].wire_evidence == ("Reuters details",)
    assert docs["004_bfc6e24cd5e4e307"].wire_evidence == ("unverified by Reuters",)


def test_manifest_metadata(docs: dict[str, Document]) -> None:
    assert {d: (docs[d].outlet, docs[d].date) for d in docs} == {
        "000_fee2f20a42c07dc0": ("Azerbaijani Media Roundup", "2020-12-30"),
        "001_db964ca1aab0a28f": ("Turan", "2023-12-21T17:11"),
        "002_35158a2b97b6a292": ("Al-Ahram Weekly", "2020-10-08"),
        "003_3808734d8602848c": ("ZeroHedge", "2021-05-15T07:35"),
        "004_bfc6e24cd5e4e307": ("Unnamed WordPress site", "2023-09-20"),
    }
    assert docs["000_fee2f20a42c07dc0"].group == "azerbaijani-press"
    assert docs["002_35158a2b97b6a292"].group == "foreign-press"


def copy_without_manifest(tmp_path: Path, doc_id: str) -> Path:
    target = tmp_path / f"{doc_id}.txt"
    target.write_bytes((SEEDS / f"{doc_id}.txt").read_bytes())
    return target


def test_metadata_recovered_from_furniture_without_manifest(tmp_path: Path) -> None:
    for doc_id in ("001_db964ca1aab0a28f", "002_35158a2b97b6a292", "003_3808734d8602848c"):
        copy_without_manifest(tmp_path, doc_id)
    got = {d.id: d for d in load_corpus(tmp_path)}
    # Turan's date line after the article; the print-edition note; ZeroHedge's signature.
    assert got["001_db964ca1aab0a28f"].date == "2023-12-21T17:11"
    assert got["002_35158a2b97b6a292"].date == "2020-10-08"
    assert got["002_35158a2b97b6a292"].outlet == "Al-Ahram Weekly"
    assert got["003_3808734d8602848c"].date == "2021-05-15T07:35"
    assert got["003_3808734d8602848c"].author == "Tyler Durden"
    # Without a title to go by, the photo caption is still recognised.
    assert got["001_db964ca1aab0a28f"].removed[0].reason == "photo caption"
    assert got["001_db964ca1aab0a28f"].title == "'Russia does not want to leave Karabakh'"
    # With no outlet named, ZeroHedge's own "via ZeroHedge" footer counts as syndication.
    assert got["003_3808734d8602848c"].wire == ("Reuters", "ZeroHedge")


def test_sentences_are_inside_paragraphs(docs: dict[str, Document]) -> None:
    for doc in docs.values():
        for s in doc.sentences:
            p = doc.paragraphs[s.paragraph]
            assert p.start <= s.start < s.end <= p.end
            assert doc.text[s.start : s.end] == doc.text[s.start : s.end].strip()
