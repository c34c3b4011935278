"""On real coverage of the Russia–Ukraine war, RT's naming leans Russian more than the BBC's and the Guardian's.

Computed from ../shared/corpora/ukraine-media.jsonl.gz (skipped where absent).
"""

from __future__ import annotations

import gzip
import json

import pytest

from framing import analyze
from framing.analysis import Analyzer
from framing.lexicon import load_pack

from .conftest import ROOT, shared_corpus

OUTLETS = ("RT", "BBC", "Guardian")


@pytest.fixture(scope="module")
def lean(tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    src = shared_corpus("ukraine-media.jsonl.gz")
    sub = tmp_path_factory.mktemp("ukr") / "three.jsonl"
    with gzip.open(src, "rt", encoding="utf-8") as fin, open(sub, "w", encoding="utf-8") as fout:
        for line in fin:
            if json.loads(line)["outlet"] in OUTLETS:
                fout.write(line)
    analyzer = Analyzer([load_pack(ROOT / "lexicons" / "russia-ukraine.yaml")])
    result = analyze(sub, analyzer=analyzer)
    table = result.naming_lean
    russian = table[table.side == "russian"].set_index("outlet")
    assert set(russian.index) >= set(OUTLETS)
    # every figure rests on many documents and concepts, not a handful
    assert (russian.loc[list(OUTLETS), "n_outlet_docs"] > 150).all()
    return {o: float(russian.loc[o, "lean"]) for o in OUTLETS}


def test_rt_leans_russian_more_than_bbc(lean: dict[str, float]) -> None:
    assert lean["RT"] > lean["BBC"]


def test_rt_leans_russian_more_than_guardian(lean: dict[str, float]) -> None:
    assert lean["RT"] > lean["Guardian"]


def test_gap_is_substantial(lean: dict[str, float]) -> None:
    assert lean["RT"] - max(lean["BBC"], lean["Guardian"]) > 0.1
