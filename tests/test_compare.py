"""Comparing a metric between two outlets, article by article (framing compare)."""

from __future__ import annotations

import math

import pytest
from click.testing import CliRunner

import framing
from framing.cli import cli
from framing.compare import compare_metric, per_document
from framing.errors import InputError

from .helpers import jsonl, make

ROWS = [
    # outlet A always uses the Azerbaijani names, B the Armenian ones, C mixes
    {"id": "a1", "outlet": "A", "text": "Shelling was reported near Khankendi. Residents of Khankendi left."},
    {"id": "a2", "outlet": "A", "text": "Officials visited Khankendi and Aghdara on Monday."},
    {"id": "a3", "outlet": "A", "text": "Trade resumed in Khankendi."},
    {"id": "b1", "outlet": "B", "text": "Shelling was reported near Stepanakert. Residents of Stepanakert left."},
    {"id": "b2", "outlet": "B", "text": "Officials visited Stepanakert and Martakert on Monday."},
    {"id": "b3", "outlet": "B", "text": "Trade resumed in Stepanakert."},
    {"id": "c1", "outlet": "C", "text": "Residents of Stepanakert, which Baku calls Khankendi, left."},
]


@pytest.fixture(scope="module")
def analysis(tmp_path_factory) -> framing.Analysis:
    root = make(tmp_path_factory.mktemp("cmp"), {"news.jsonl": jsonl(*ROWS)})
    return framing.analyze(root / "news.jsonl")


def test_lean_per_article_by_hand(analysis) -> None:
    lean = per_document(analysis, "lean:azerbaijani")
    # A's articles name places only with Azerbaijani forms (share 1), B's only Armenian (share 0)
    assert lean[["a1", "a2", "a3"]].tolist() == [1.0, 1.0, 1.0]
    assert lean[["b1", "b2", "b3"]].tolist() == [0.0, 0.0, 0.0]


def test_a_complete_separation_of_three_against_three(analysis) -> None:
    c = compare_metric(analysis, "lean:azerbaijani", "A", "B", n_perm=5000, seed=1)
    assert (c.mean_a, c.mean_b, c.test.diff) == (1.0, 0.0, 1.0)
    # of the C(6,3) = 20 ways to split six articles into two groups of three, only 2 separate
    # them as completely (A-B and B-A): the exact two-sided p is 2/20 = 0.1
    assert c.test.p_value == pytest.approx(0.1, abs=0.015)
    assert "could well be chance" in c.sentence() and "3 articles" in c.sentence()


def test_one_article_gives_no_test(analysis) -> None:
    c = compare_metric(analysis, "lean:azerbaijani", "A", "C")
    assert math.isnan(c.test.p_value)
    assert "no test" in c.sentence() and "1 article)" in c.sentence()


def test_unknown_outlet_and_metric_are_clear_errors(analysis) -> None:
    with pytest.raises(InputError, match="'Z' is not an outlet"):
        compare_metric(analysis, "tone_mean", "A", "Z")
    with pytest.raises(InputError, match="metric 'vibes' is not known"):
        compare_metric(analysis, "vibes", "A", "B")


def test_cli_compare(tmp_path) -> None:
    root = make(tmp_path, {"news.jsonl": jsonl(*ROWS)})
    res = CliRunner().invoke(cli, ["compare", str(root / "news.jsonl"), "A", "B", "--metric", "lean:azerbaijani",
                                   "--permutations", "2000"])
    assert res.exit_code == 0, res.output
    assert res.stdout.startswith("lean:azerbaijani: A +1.000 (3 articles) vs B +0.000 (3 articles)")
    res = CliRunner().invoke(cli, ["compare", str(root / "news.jsonl"), "A", "Q"])
    assert res.exit_code == 1 and res.stderr.startswith("framing: error: 'Q' is not an outlet")
