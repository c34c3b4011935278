"""The seeds' quotes against the hand-written gold (tests/gold/seed_quotes.yaml).

The gold was written by reading the texts, without running framing. The voices
issue asks for full agreement: every gold quote found, with its kind, speaker,
cue, cue class, speaker type and side; the cases the issue names are also
checked one by one.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from framing import load_corpus
from framing.actors import load_actors
from framing.model import Document
from framing.quotes import Quote, find_quotes

from .conftest import ROOT, SEEDS

GOLD = yaml.safe_load((ROOT / "tests" / "gold" / "seed_quotes.yaml").read_text(encoding="utf-8"))

# Pinned floors (raise them as the extractor improves; never lower them).
FLOORS = {"found": 129, "speaker": 129, "kind": 129, "cue": 129, "side": 129, "cue_class": 129, "speaker_type": 129}


@pytest.fixture(scope="module")
def matched() -> list[tuple[dict[str, Any], Quote | None, Document]]:
    docs = {d.id: d for d in load_corpus(SEEDS)}
    out = []
    for doc_id, entries in GOLD["documents"].items():
        doc = docs[doc_id]
        lines = (SEEDS / f"{doc_id}.txt").read_text(encoding="utf-8").split("\n")
        preds = find_quotes(doc)
        for g in entries:
            if g.get("boilerplate"):
                continue
            source = lines[g["line"] - 1].strip()
            para = next(p for p in doc.paragraphs if doc.text[p.start : p.end] == source)
            a = para.start + source.index(g["text"])
            b = a + len(g["text"])
            best, cover = None, 0
            for q in preds:
                c = sum(max(0, min(y, b) - max(x, a)) for x, y in q.spans)
                if c > cover:
                    best, cover = q, c
            out.append((g, best if cover >= 0.5 * (b - a) else None, doc))
    return out


ACTORS = load_actors()


def speaker_agrees(g: dict[str, Any], q: Quote) -> bool:
    """The prediction names the gold speaker: its mention or resolved name equals the gold's,
    or the resolved name is the actors list's name for the person the gold names (the gold
    keeps the article's spelling, 'Hovhannissyan'; the list's canonical one is 'Hovhannisyan')."""
    names = {(g.get("speaker") or "").casefold(), (g.get("speaker_mention") or "").casefold()} - {""}
    if g.get("speaker_type") == "unattributed" and not g.get("speaker_mention"):
        return not q.speaker and not q.speaker_name  # the gold's speaker is a description: 'unattributed headline quote'
    if not g.get("speaker_mention") and (g.get("speaker") or "").startswith(("unnamed ", "an unnamed ")):
        # no mention in the text, and the gold describes someone it calls unnamed ('an unnamed mercenary
        # in the viral video'): the prediction names no one either, and has the gold's speaker type
        return not q.speaker and not q.speaker_name and q.speaker_type == g.get("speaker_type")
    if q.speaker_name.casefold() in names or q.speaker.casefold() in names:
        return True
    actor = ACTORS.find(g.get("speaker") or "")
    return actor is not None and bool(q.speaker_name) and actor.name.casefold() == q.speaker_name.casefold()


def test_agreement_does_not_fall(matched) -> None:
    found = [(g, q) for g, q, _ in matched if q is not None]
    figures = {
        "found": len(found),
        "speaker": sum(speaker_agrees(g, q) for g, q in found),
        "kind": sum(q.kind == g["kind"] for g, q in found),
        "cue": sum((q.cue or None) == g.get("cue") for g, q in found),
        "side": sum(q.side == g.get("side") for g, q in found),
        "cue_class": sum(q.cue_class == g.get("cue_class") for g, q in found),
        "speaker_type": sum(q.speaker_type == g.get("speaker_type") for g, q in found),
    }
    assert len(matched) == 129  # article quotes in the gold (page furniture left out)
    for name, floor in FLOORS.items():
        assert figures[name] >= floor, f"{name}: {figures[name]} < {floor} (of {len(matched)})"


def test_every_gold_quote_is_found_with_its_speaker_kind_and_cue(matched) -> None:
    missed, wrong = [], []
    for g, q, doc in matched:
        key = (doc.id[:3], g["id"])
        if q is None:
            missed.append(key)
        elif not (speaker_agrees(g, q) and q.kind == g["kind"] and (q.cue or None) == g.get("cue")):
            wrong.append(key)
    assert missed == []
    assert wrong == []


def test_every_gold_quote_agrees_on_side_speaker_type_and_cue_class(matched) -> None:
    differences = {}
    for g, q, doc in matched:
        fields = {f for f in ("side", "speaker_type", "cue_class") if q is not None and getattr(q, f) != g.get(f)}
        if fields:
            differences[(doc.id[:3], g["id"])] = fields
    assert differences == {}


def test_a_side_read_from_what_a_voice_says_is_not_given(matched) -> None:
    """Seed 000's anonymous voices say "our territories", "our soldiers": a reader places them
    (the gold's side_reading), framing does not guess (issue 4: unknown otherwise)."""
    read = [(g, q) for g, q, _ in matched if g.get("side_reading")]
    assert len(read) == 8
    assert {q.side for _, q in read} == {"unknown"}


def find(matched, doc_prefix: str, text_start: str) -> tuple[dict[str, Any], Quote]:
    for g, q, doc in matched:
        if doc.id.startswith(doc_prefix) and g["text"].startswith(text_start):
            assert q is not None, f"gold quote not found: {text_start!r}"
            return g, q
    raise AssertionError(f"no gold entry {text_start!r}")


def test_seed_001_shoigu_mixed_quote(matched) -> None:
    g, q = find(matched, "001", "main guarantor of peace in Karabakh")
    assert (q.kind, q.speaker_name, q.cue, q.cue_class, q.side) == ("mixed", "Sergei Shoigu", "asserted", "distancing", "russian")


@pytest.mark.parametrize(
    ("text_start", "mention", "cue"),
    [
        ("Sometimes, they try to silence", "a user", "said"),
        ("The silence of the government", "another user", "said"),
        ("Those who disarmed the Armenian bandits", "a user", "complained"),
    ],
)
def test_seed_000_anonymous_users(matched, text_start: str, mention: str, cue: str) -> None:
    g, q = find(matched, "000", text_start)
    assert (q.kind, q.speaker, q.speaker_type, q.cue) == ("direct", mention, "anonymous", cue)


@pytest.mark.parametrize(
    ("text_start", "account"),
    [("#Azerbaijan", "Jake Hanrahan"), ("Shushi is completely devoid", "ermeni (baby eater)🇦🇲֎"),
     ("Those Western nations", "Alison Meuse")],
)
def test_seed_003_embedded_posts(matched, text_start: str, account: str) -> None:
    g, q = find(matched, "003", text_start)
    assert (q.kind, q.speaker, q.speaker_type) == ("embedded_post", account, "social_post")


def test_seed_002_multi_speaker_passage(matched) -> None:
    """Harutyunyan, then Aliyev, then Pashinyan, each with his own words."""
    _, q1 = find(matched, "002", "These crimes will receive powerful reactions")
    _, q2 = find(matched, "002", "Azerbaijan will not cease its military operations")
    _, q3 = find(matched, "002", "It’s not that they want to regain control")
    assert [q.speaker_name for q in (q1, q2, q3)] == ["Arayik Harutyunyan", "Ilham Aliyev", "Nikol Pashinyan"]
    assert [q.side for q in (q1, q2, q3)] == ["armenian", "azerbaijani", "armenian"]


def test_seed_002_voice_in_the_viral_video_is_unnamed(matched) -> None:
    # after 'a video went viral ... showed some mercenaries fleeing' the quote is a voice in the video,
    # not the Hamza Division militant quoted just before
    g, q = find(matched, "002", "Oh God protect us")
    assert (q.kind, q.speaker, q.speaker_name, q.speaker_type) == ("floating", "", "", "anonymous")
    assert speaker_agrees(g, q)
