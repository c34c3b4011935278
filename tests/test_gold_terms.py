"""The seeds' naming choices and quoted spans against hand-written gold.

tests/gold/seed_terms.yaml was written by reading the seed texts and the
lexicon packs, without running framing. Every term hit (pack, concept, side,
voice, scare quotes, distancing marker) and every quoted span (kind) must agree
exactly: the seeds are the showcase a workshop reads line by line.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from framing import load_corpus
from framing.analysis import default_analyzer
from framing.model import Document

from .conftest import ROOT, SEEDS

GOLD = yaml.safe_load((ROOT / "tests" / "gold" / "seed_terms.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    return {d.id: d for d in load_corpus(SEEDS)}


def locate(doc: Document, line: int, text: str, occurrence: int) -> tuple[int, int]:
    """Offsets in the cleaned text of the n-th occurrence of ``text`` in source line ``line``."""
    source = (SEEDS / f"{doc.id}.txt").read_text(encoding="utf-8").split("\n")[line - 1].strip()
    para = next(p for p in doc.paragraphs if doc.text[p.start : p.end] == source)
    pos = -1
    for _ in range(occurrence):
        pos = source.find(text, pos + 1)
        assert pos >= 0, (doc.id, line, text, occurrence)
    return para.start + pos, para.start + pos + len(text)


def gold_terms(doc: Document) -> list[tuple[Any, ...]]:
    out = []
    for g in GOLD["documents"][doc.id]["terms"]:
        a, b = locate(doc, g["line"], g["text"], g["occurrence"])
        out.append((a, b, g["pack"], g["concept"], g["side"], g["voice"], g["in_scare_quotes"], g["distancing"]))
    return sorted(out)


def gold_spans(doc: Document) -> list[tuple[Any, ...]]:
    out = []
    for g in GOLD["documents"][doc.id]["quoted_spans"]:
        a, b = locate(doc, g["line"], g["text"], g["occurrence"])
        out.append((a, b, g["kind"]))
    return sorted(out)


@pytest.mark.parametrize("doc_id", sorted(GOLD["documents"]))
def test_terms_agree_with_gold(docs: dict[str, Document], doc_id: str) -> None:
    doc = docs[doc_id]
    rows = default_analyzer().analyze_document(doc).rows["terms"]
    got = sorted(
        (r["start"], r["end"], r["pack"], r["concept"], r["side"], r["voice"], r["in_scare_quotes"], r["distancing"])
        for r in rows
    )
    expected = gold_terms(doc)
    missing = [g for g in expected if g not in got]
    extra = [g for g in got if g not in expected]
    assert not missing and not extra, _explain(doc, missing, extra)


@pytest.mark.parametrize("doc_id", sorted(GOLD["documents"]))
def test_quoted_spans_agree_with_gold(docs: dict[str, Document], doc_id: str) -> None:
    doc = docs[doc_id]
    rows = default_analyzer().analyze_document(doc).rows["scare_quotes"]
    got = sorted((r["start"], r["end"], r["kind"]) for r in rows)
    expected = gold_spans(doc)
    missing = [g for g in expected if g not in got]
    extra = [g for g in got if g not in expected]
    assert not missing and not extra, _explain(doc, missing, extra)


def _explain(doc: Document, missing: list[tuple[Any, ...]], extra: list[tuple[Any, ...]]) -> str:
    lines = [f"{doc.id}:"]
    lines += [f"  missing {doc.text[m[0]:m[1]]!r} {m[2:]}" for m in missing]
    lines += [f"  extra   {doc.text[e[0]:e[1]]!r} {e[2:]}" for e in extra]
    return "\n".join(lines)


def test_gold_mentions_the_issue_examples(docs: dict[str, Document]) -> None:
    """The examples the terminology issue names are in the gold (and so checked above)."""
    def has(doc_id: str, text: str, **fields: Any) -> bool:
        return any(g["text"] == text and all(g[k] == v for k, v in fields.items()) for g in GOLD["documents"][doc_id]["terms"])

    assert all(has("000_fee2f20a42c07dc0", t) for t in ("Xankandi", "Susa", "Xocavand", "Xocali"))
    assert sum(1 for g in GOLD["documents"]["000_fee2f20a42c07dc0"]["terms"] if g["text"] == "peacekeepers" and g["voice"] == "scare-quoted") >= 3
    assert has("000_fee2f20a42c07dc0", "Nagorno-Karabakh", voice="mentioned")
    assert all(has("002_35158a2b97b6a292", t) for t in ("Stepanakert", "Shushi", "Artsakh", "Azeri", "Karabakh forces"))
    assert has("004_bfc6e24cd5e4e307", "Republic of Artsakh", voice="scare-quoted")
    assert has("004_bfc6e24cd5e4e307", "Stepanakert")
    assert has("001_db964ca1aab0a28f", "Nagorno-Karabakh Republic", voice="scare-quoted")
    spans = GOLD["documents"]["001_db964ca1aab0a28f"]["quoted_spans"]
    assert any(s["text"].startswith("main guarantor of peace in Karabakh") and s["kind"] == "speech" for s in spans)
