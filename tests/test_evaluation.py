"""The quote-attribution scorer, pinned on tiny hand-made brat files, and the PolNeAR loader.

Every expected number below was worked out by hand from the texts; offsets
written as literals are checked against the text so a typo cannot hide.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import math
import re
from pathlib import Path

import pytest

from framing.errors import InputError
from framing.evaluation import (
    GoldArticle,
    contains_quote_mark,
    load_polnear,
    match_spans,
    predict_with_framing,
    score,
    score_split,
)
from framing.quotes import Quote

from .conftest import ROOT, shared_corpus

# ---------------------------------------------------------------- helpers


def at(text: str, sub: str) -> tuple[int, int]:
    """Offsets of the one occurrence of ``sub`` in ``text``."""
    assert text.count(sub) == 1, sub
    start = text.index(sub)
    return start, start + len(sub)


def t_line(tid: str, kind: str, text: str, *pieces: tuple[int, int]) -> str:
    spans = ";".join(f"{a} {b}" for a, b in pieces)
    return f"{tid}\t{kind} {spans}\t{' '.join(text[a:b] for a, b in pieces)}"


def attribution(n: int, text: str, content, cue=None, source=None) -> list[str]:
    """brat lines of one attribution ``En`` (T ids numbered 10n + role), as PolNeAR writes them."""
    lines = [t_line(f"T{10 * n + 1}", "Content", text, *content)]
    args = [f"Content:T{10 * n + 1}"]
    if cue:
        lines.append(t_line(f"T{10 * n + 2}", "Cue", text, cue))
        lines.append(
            t_line(
                f"T{10 * n + 4}", "Attribution" if source else "Attribution-no-source", text, cue
            )
        )
        args = [
            f"{'Attribution' if source else 'Attribution-no-source'}:T{10 * n + 4}",
            *args,
            f"Cue:T{10 * n + 2}",
        ]
    if source:
        lines.append(t_line(f"T{10 * n + 3}", "Source", text, source))
        args.append(f"Source:T{10 * n + 3}")
    return [*lines, f"E{n}\t{' '.join(args)}"]


def write_article(
    split: Path, name: str, text: str, ann_lines: list[str], annotator: str = "ab12"
) -> None:
    (split / "text").mkdir(parents=True, exist_ok=True)
    (split / "attributions").mkdir(parents=True, exist_ok=True)
    with open(split / "text" / f"{name}.txt", "w", encoding="utf-8", newline="") as f:
        f.write(text)
    with open(
        split / "attributions" / f"{name}_{annotator}.ann", "w", encoding="utf-8", newline=""
    ) as f:
        f.write("\n".join(ann_lines) + "\n")


def load_one(tmp_path: Path, text: str, ann_lines: list[str]) -> GoldArticle:
    write_article(tmp_path / "dev", "pub_2016-01-01_a", text, ann_lines)
    (article,) = load_polnear(tmp_path / "dev")
    return article


def fixed(predictions: dict[str, list[Quote]]):
    """A fake predictor returning fixed quotes per article name."""
    return lambda article: predictions.get(article.name, [])


def q(kind: str, start: int, end: int, **kw: object) -> Quote:
    return Quote(kind=kind, start=start, end=end, **kw)  # type: ignore[arg-type]


# 'Ann said "abcdefgh" today.'  Ann 0-3, said 4-8, content with its marks 9-19 (10 characters).
TEXT1 = 'Ann said "abcdefgh" today.'
ANN1 = attribution(1, TEXT1, [(9, 19)], cue=(4, 8), source=(0, 3))


def test_literal_offsets_are_right() -> None:
    assert (TEXT1[0:3], TEXT1[4:8], TEXT1[9:19]) == ("Ann", "said", '"abcdefgh"')
    assert TEXT2[9:19] == '"abcdefgh"' and TEXT2[24:34] == '"ijklmnop"'
    assert TEXT3[9:19] == '"abcdefgh"' and TEXT3[28:38] == '"ijklmnop"'
    assert TEXT4[0:7] == "Ann Lee" and TEXT4[8:12] == "said" and TEXT4[13:23] == '"abcdefgh"'
    assert TEXT4[36:39] == "Lee"


# ---------------------------------------------------------------- coverage thresholds

COVERAGE = [
    # (pred start, end) → matched at 30 %, at 80 %   (coverage = covered / 10 gold characters)
    ((9, 19), 1, 1),  # exact match
    ((10, 18), 1, 1),  # inside the marks: 8/10 = 80 %, the threshold itself counts
    ((10, 17), 1, 0),  # 7/10
    ((9, 12), 1, 0),  # 3/10 = exactly 30 %
    ((9, 11), 0, 0),  # 2/10
    ((0, 26), 1, 1),  # the whole text: coverage is asymmetric, overlong predictions still match
    ((19, 26), 0, 0),  # touches, no overlap
]


@pytest.mark.parametrize(("span", "m30", "m80"), COVERAGE)
def test_coverage_thresholds(tmp_path: Path, span: tuple[int, int], m30: int, m80: int) -> None:
    article = load_one(tmp_path, TEXT1, ANN1)
    s = score([article], fixed({article.name: [q("direct", *span)]}))
    assert (s.n_gold, s.n_pred, s.matched_30, s.matched_80) == (1, 1, m30, m80)
    assert (s.precision_30, s.recall_30, s.f1_30) == (m30, m30, m30)
    assert (s.precision_80, s.recall_80, s.f1_80) == (m80, m80, m80)


def test_exact_match_scores_everything_right(tmp_path: Path) -> None:
    article = load_one(tmp_path, TEXT1, ANN1)
    pred = q(
        "direct",
        9,
        19,
        speaker="Ann",
        speaker_start=0,
        speaker_end=3,
        speaker_name="Ann",
        cue="said",
    )
    s = score([article], fixed({article.name: [pred]}))
    assert s.to_dict() | {"per_publisher": None} == {
        "n_articles": 1, "n_gold": 1, "n_pred": 1, "matched_30": 1, "matched_80": 1,
        "precision_30": 1.0, "recall_30": 1.0, "f1_30": 1.0,
        "precision_80": 1.0, "recall_80": 1.0, "f1_80": 1.0,
        "speaker_correct": 1, "speaker_total": 1, "speaker_accuracy": 1.0,
        "verb_correct": 1, "verb_total": 1, "verb_accuracy": 1.0,
        "cue_exact_correct": 1, "cue_exact_accuracy": 1.0,
        "per_publisher": None,
    }  # fmt: skip


# ---------------------------------------------------------------- one-to-one matching

# 'Ann said "abcdefgh" and "ijklmnop" too.'  contents 9-19 and 24-34.
TEXT2 = 'Ann said "abcdefgh" and "ijklmnop" too.'
ANN2 = [
    *attribution(1, TEXT2, [(9, 19)], cue=(4, 8), source=(0, 3)),
    *attribution(2, TEXT2, [(24, 34)], cue=(4, 8), source=(0, 3)),
]


def test_one_prediction_over_two_quotes_matches_one(tmp_path: Path) -> None:
    article = load_one(tmp_path, TEXT2, ANN2)
    s = score([article], fixed({article.name: [q("direct", 9, 34)]}))
    assert (s.n_gold, s.n_pred, s.matched_30, s.matched_80) == (2, 1, 1, 1)
    assert s.precision_30 == 1.0
    assert s.recall_30 == 0.5
    assert s.f1_30 == pytest.approx(2 / 3)  # 2 · 1 / (2 + 1)


def test_matching_is_greedy_largest_coverage_first() -> None:
    # P0 covers A 5/10 and B 9/10, P1 covers B 4/10: (B, P0) is taken first and A is left
    # unmatched, although A–P0 plus B–P1 would match both (greedy, not maximum, matching).
    assert match_spans([[(0, 10)], [(10, 20)]], [(5, 19), (16, 20)], threshold=30) == [(1, 0)]


def test_ties_go_to_the_earlier_gold_by_position() -> None:
    # one prediction covers both gold spans completely: the one that starts first wins,
    # whatever its index
    assert match_spans([[(0, 10)], [(20, 30)]], [(0, 30)], threshold=30) == [(0, 0)]
    assert match_spans([[(20, 30)], [(0, 10)]], [(0, 30)], threshold=30) == [(1, 0)]


# ---------------------------------------------------------------- discontinuous content

# 'Ann said "abcdefgh", adding "ijklmnop" tonight.'  pieces 9-19 and 28-38 (20 characters)
TEXT3 = 'Ann said "abcdefgh", adding "ijklmnop" tonight.'


@pytest.mark.parametrize(
    ("span", "m30", "m80"), [((9, 19), 1, 0), ((9, 38), 1, 1), ((12, 38), 1, 1), ((9, 13), 0, 0)]
)
def test_discontinuous_content(tmp_path: Path, span: tuple[int, int], m30: int, m80: int) -> None:
    # pieces written out of order, as PolNeAR sometimes does ("209 236;91 186")
    ann = [
        "T1\tSource 0 3\tAnn",
        "T2\tCue 4 8\tsaid",
        'T3\tContent 28 38;9 19\t"ijklmnop" "abcdefgh"',
        "T4\tAttribution 4 8\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
    ]
    article = load_one(tmp_path, TEXT3, ann)
    (gold,) = article.attributions
    assert gold.content == ((9, 19), (28, 38))
    assert gold.content_text == '"abcdefgh" "ijklmnop"'
    # 9-19: 10/20 = 50 %; 9-38: 20/20 (the gap is not gold, so it costs nothing);
    # 12-38: 7 + 10 = 17/20 = 85 %; 9-13: 4/20 = 20 %
    s = score([article], fixed({article.name: [q("mixed", *span)]}))
    assert (s.matched_30, s.matched_80) == (m30, m80)


# ---------------------------------------------------------------- speaker accuracy

# 'Ann Lee said "abcdefgh" today. Then Lee left.'  Ann Lee 0-7, said 8-12, content 13-23, Lee 36-39
TEXT4 = 'Ann Lee said "abcdefgh" today. Then Lee left.'
ANN4 = attribution(1, TEXT4, [(13, 23)], cue=(8, 12), source=(0, 7))

LEE_AT_4 = {"speaker_start": 4, "speaker_end": 7}  # "Lee" inside the gold source "Ann Lee"
LEE_AT_36 = {"speaker_start": 36, "speaker_end": 39}  # the later "Lee", outside the gold source

SPEAKERS = [
    ("span overlaps the gold source", {"speaker": "Lee", **LEE_AT_4}, True),
    ("name equals, span elsewhere", {**LEE_AT_36, "speaker_name": "Ann Lee"}, True),
    ("name in other case", {"speaker_name": "ANN LEE"}, True),
    ("name ends with the gold text", {"speaker_name": "Dr. Ann Lee"}, True),
    ("gold ends with the name's last word", {"speaker_name": "Lee"}, True),
    ("lenient: another Lee passes by last word", {"speaker_name": "Bob Lee"}, True),
    ("wrong name, no span", {"speaker": "Bob", "speaker_name": "Bob"}, False),
    ("span elsewhere, no name", {"speaker": "Lee", **LEE_AT_36}, False),
    ("no speaker at all", {}, False),
]  # fmt: skip


@pytest.mark.parametrize(("why", "speaker", "correct"), SPEAKERS, ids=[s[0] for s in SPEAKERS])
def test_speaker_accuracy(tmp_path: Path, why: str, speaker: dict, correct: bool) -> None:
    article = load_one(tmp_path, TEXT4, ANN4)
    s = score([article], fixed({article.name: [q("direct", 14, 22, **speaker)]}))
    assert (s.speaker_total, s.speaker_correct, s.speaker_accuracy) == (
        1,
        int(correct),
        float(correct),
    )


# 'He said "abcdefgh" today.'  He 0-2, said 3-7, content 8-18
TEXT5 = 'He said "abcdefgh" today.'


@pytest.mark.parametrize(
    ("speaker", "correct"),
    [
        ({"speaker_name": "he"}, False),  # a pronoun is never matched by name: it may be anyone
        (
            {"speaker": "He", "speaker_start": 0, "speaker_end": 2, "speaker_name": "Ann Lee"},
            True,
        ),  # by span
    ],
)
def test_pronoun_source_is_credited_by_span_only(
    tmp_path: Path, speaker: dict, correct: bool
) -> None:
    assert TEXT5[0:2] == "He" and TEXT5[8:18] == '"abcdefgh"'
    article = load_one(tmp_path, TEXT5, attribution(1, TEXT5, [(8, 18)], cue=(3, 7), source=(0, 2)))
    s = score([article], fixed({article.name: [q("direct", 8, 18, **speaker)]}))
    assert s.speaker_correct == int(correct)


@pytest.mark.parametrize(
    ("speaker", "correct"),
    [({}, True), ({"speaker_name": "Ann"}, False), ({"speaker": "a source"}, False)],
)
def test_gold_without_source_wants_no_speaker(tmp_path: Path, speaker: dict, correct: bool) -> None:
    article = load_one(tmp_path, TEXT1, attribution(1, TEXT1, [(9, 19)], cue=(4, 8)))
    assert article.attributions[0].source == ()
    s = score([article], fixed({article.name: [q("direct", 9, 19, **speaker)]}))
    assert (s.speaker_total, s.speaker_correct) == (1, int(correct))


# ---------------------------------------------------------------- verb accuracy


@pytest.mark.parametrize(
    ("cue", "verb", "exact"),
    [
        ("said", True, True),
        ("SAID", True, True),
        (" Said\n", True, True),
        ("has said", True, False),  # same verb, longer span
        ("has also said:", True, False),
        ("angrily said", True, False),  # a listed adverb
        ("forcefully said", True, False),  # any -ly adverb before the verb is skipped
        ("'s said", True, False),  # a contracted auxiliary
        ("says", False, False),
        ("claimed", False, False),
        ("", False, False),
        (":", False, False),
    ],
)
def test_verb_accuracy_compares_the_verb(tmp_path: Path, cue: str, verb: bool, exact: bool) -> None:
    article = load_one(tmp_path, TEXT1, ANN1)
    s = score([article], fixed({article.name: [q("direct", 9, 19, cue=cue)]}))
    assert (s.verb_total, s.verb_correct, s.cue_exact_correct) == (1, int(verb), int(exact))


def test_gold_without_cue_is_left_out_of_verb_accuracy(tmp_path: Path) -> None:
    ann = ['T1\tContent 9 19\t"abcdefgh"', "T2\tSource 0 3\tAnn", "E1\tContent:T1 Source:T2"]
    article = load_one(tmp_path, TEXT1, ann)
    s = score(
        [article], fixed({article.name: [q("direct", 9, 19, cue="said", speaker_name="Ann")]})
    )
    assert (s.matched_30, s.speaker_correct, s.verb_total) == (1, 1, 0)
    assert math.isnan(s.verb_accuracy)
    assert s.to_dict()["verb_accuracy"] is None


# ---------------------------------------------------------------- quote marks and the split


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"yes"', True), ("“yes”", True), ("„ja“", True), ("«oui»", True), ("''yes''", True),
        ("Ann's plan", False), ("Ann’s plan", False), ("it's 'fine'", False), ("‘fine’", False),
        ("rock 'n' roll", False), ("", False),
    ],
)  # fmt: skip
def test_contains_quote_mark(text: str, expected: bool) -> None:
    assert contains_quote_mark(text) is expected


TEXT6 = (
    "Ann said “We won.” Bob said that Ann’s team can’t win. "
    "Cy said ''We will see.'' Di said it's 'fine'."
)


def test_quote_mark_and_indirect_are_scored_apart(tmp_path: Path) -> None:
    g1, g2 = at(TEXT6, "“We won.”"), at(TEXT6, "that Ann’s team can’t win")
    g3, g4 = at(TEXT6, "''We will see.''"), at(TEXT6, "it's 'fine'")
    said = [at(TEXT6, f"{who} said") for who in ("Ann", "Bob", "Cy", "Di")]
    ann = [
        line
        for n, (content, (a, b)) in enumerate(zip([g1, g2, g3, g4], said, strict=True), 1)
        for line in attribution(n, TEXT6, [content], cue=(b - 4, b), source=(a, b - 5))
    ]
    article = load_one(tmp_path, TEXT6, ann)
    assert [a.has_quote_mark for a in article.attributions] == [True, False, True, False]
    preds = [
        q("direct", g1[0] + 1, g1[1] - 1),  # inside “…”: 7 of 9 characters
        q("indirect", *g2),
        q("mixed", g3[0] + 2, g3[1] - 2),  # inside ''…'': 12 of 16 characters
        q("indirect", *g1),  # an indirect prediction over a quote does not count for quotes
    ]
    results = score_split([article], fixed({article.name: preds}))
    quote, indirect, every = results["quote"], results["indirect"], results["all"]
    # quotes: g1, g3 against p1, p3; both found at 30 %, neither at 80 % (78 % and 75 %)
    assert (quote.n_gold, quote.n_pred, quote.matched_30, quote.matched_80) == (2, 2, 2, 0)
    # indirect: g2, g4 against p2, p4; only g2–p2 matches
    assert (indirect.n_gold, indirect.n_pred, indirect.matched_30, indirect.matched_80) == (
        2,
        2,
        1,
        1,
    )
    assert (indirect.precision_30, indirect.recall_30, indirect.f1_30) == (0.5, 0.5, 0.5)
    # all: 4 gold, 4 predictions; g1 goes to p4 (100 % beats p1's 78 %), g2–p2, g3–p3 (75 %)
    assert (every.n_gold, every.n_pred, every.matched_30, every.matched_80) == (4, 4, 3, 2)
    assert score([article], fixed({article.name: preds}), quote_only=False) == every
    assert score([article], fixed({article.name: preds})) == quote


# ---------------------------------------------------------------- publishers and annotators


def test_per_publisher(tmp_path: Path) -> None:
    root = tmp_path / "polnear"
    write_article(root / "dev", "alpha_2016-01-01_one", TEXT1, ANN1)
    write_article(root / "dev", "beta_2016-01-02_two", TEXT2, ANN2)
    with open(root / "metadata.tsv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["compartment", "filename", "publisher"])
        w.writerow(
            ["dev", "alpha_2016-01-01_one", "Alpha Daily"]
        )  # beta is missing: named from its file
    articles = list(load_polnear(root / "dev"))
    assert [a.publisher for a in articles] == ["Alpha Daily", "beta"]
    s = score(articles, fixed({"alpha_2016-01-01_one": [q("direct", 9, 19)]}))
    # 3 gold, 1 prediction, 1 match: P 1, R 1/3, F1 2·1/(3+1)
    assert (s.n_articles, s.n_gold, s.n_pred, s.matched_30) == (2, 3, 1, 1)
    assert (s.precision_30, s.recall_30, s.f1_30) == (1.0, pytest.approx(1 / 3), 0.5)
    alpha, beta = s.per_publisher["Alpha Daily"], s.per_publisher["beta"]
    assert (alpha.n_gold, alpha.n_pred, alpha.f1_30) == (1, 1, 1.0)
    assert (beta.n_gold, beta.n_pred, beta.recall_30, beta.f1_30) == (2, 0, 0.0, 0.0)
    assert math.isnan(beta.precision_30)  # no predictions: undefined, not 0
    d = s.to_dict()
    assert d["per_publisher"]["beta"]["precision_30"] is None
    json.dumps(d, allow_nan=False)


def test_two_annotators_use_the_first_file_in_sorted_order(tmp_path: Path) -> None:
    split = tmp_path / "dev"
    write_article(
        split, "gamma_2016-01-03_x", TEXT2, ANN2, annotator="zz01"
    )  # written first, sorts last
    write_article(split, "gamma_2016-01-03_x", TEXT2, ANN2[:5], annotator="aa02")  # E1 only
    (article,) = load_polnear(split)
    assert (article.annotator, article.annotators) == ("aa02", ("aa02", "zz01"))
    assert [a.id for a in article.attributions] == ["E1"]


# ---------------------------------------------------------------- brat quirks and errors


def test_brat_quirks(tmp_path: Path) -> None:
    text = (
        'Intro.\r\nAnn said "abc\r\ndef" later. '
        "They said that it is over, he added, and that they won. Read more."
    )
    content = at(text, '"abc\r\ndef"')
    assert content == (17, 27)  # the \r\n count: the text is read with its line ends untouched
    over, won, added = at(text, "that it is over"), at(text, "and that they won"), at(text, "added")
    they_said, more = at(text, "said that")[0], at(text, "Read more.")
    ann = [
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",  # before its T lines
        "T1\tSource 8 11\tAnn",
        "T2\tCue 12 16\tsaid",
        'T3\tContent 17 27\t"abc\r',  # a span holding a line break runs over two lines
        'def"',
        "T4\tAttribution 12 16\tsaid",
        "#1\tAnnotatorNotes T3\ta note",
        t_line("T5", "Cue", text, added),
        t_line("T6", "Content", text, over),
        t_line("T7", "Content", text, won),
        t_line("T8", "Attribution-no-source", text, added),
        "E2\tAttribution-no-source:T8 Content:T6 Cue:T5 Content2:T7",  # a second content
        t_line("T9", "Cue", text, (they_said, they_said + 4)),
        "E3\tAttribution:T9 Cue:T9",  # no content: left out, counted
        t_line("T10", "Discard", text, more),
        t_line("T11", "Discuss", text, more),
    ]
    article = load_one(tmp_path, text, ann)
    a1, a2 = article.attributions
    assert (a1.content, a1.content_text, a1.source_text, a1.cue_text) == (
        ((17, 27),),
        '"abc\r\ndef"',
        "Ann",
        "said",
    )
    assert a1.has_quote_mark
    assert (a2.content, a2.source, a2.cue_text) == ((over, won), (), "added")
    assert a2.content_text == "that it is over and that they won"
    assert not a2.has_quote_mark
    assert article.n_without_content == 1


@pytest.mark.parametrize(
    ("ann", "message"),
    [
        (["T1\tContent 9 99\tx", "E1\tContent:T1"], r"\.ann:1: span 9 99 outside the text"),
        (
            ["T1\tContent 9 19\tx", "E1\tContent:T1 Source:T7"],
            r"\.ann:2: Source:T7 refers to no T line",
        ),
    ],
)
def test_malformed_ann_names_file_and_line(tmp_path: Path, ann: list[str], message: str) -> None:
    write_article(tmp_path / "dev", "pub_2016-01-01_a", TEXT1, ann)
    with pytest.raises(InputError, match=message):
        list(load_polnear(tmp_path / "dev"))


def test_not_a_split_fails_at_once(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a PolNeAR split"):
        load_polnear(tmp_path)


# ---------------------------------------------------------------- framing's extractor, the bench


def _has_find_quotes() -> bool:
    import framing.quotes

    return hasattr(framing.quotes, "find_quotes")


def _bench_main():
    spec = importlib.util.spec_from_file_location("eval_quotes", ROOT / "bench" / "eval_quotes.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.main


def test_bench_exits_2_without_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _bench_main()(["--polnear", str(tmp_path / "absent")]) == 2
    assert "PolNeAR dev split not found" in capsys.readouterr().err


@pytest.mark.skipif(not _has_find_quotes(), reason="framing.quotes.find_quotes not written yet")
def test_bench_and_framing_predictor_on_a_tiny_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = load_one(tmp_path / "polnear", TEXT2, ANN2)
    quotes = predict_with_framing(article)
    assert all(isinstance(x, Quote) and 0 <= x.start <= x.end <= len(TEXT2) for x in quotes)
    out = tmp_path / "quotes.json"
    assert _bench_main()(["--polnear", str(tmp_path / "polnear"), "--out", str(out)]) == 0
    assert "documents/s" in capsys.readouterr().out
    record = json.loads(out.read_text(encoding="utf-8"))
    assert (
        record["articles"],
        record["scores"]["quote"]["n_gold"],
        record["scores"]["indirect"]["n_gold"],
    ) == (1, 2, 0)


# ---------------------------------------------------------------- the real PolNeAR dev split

_E = re.compile(r"^E\d+\t(.*)$", re.M)
_T = re.compile(r"^(T\d+)\t\S+ ([\d ;]+)\t", re.M)


def test_real_polnear_dev_counts() -> None:
    polnear = shared_corpus("polnear")
    dev = polnear / "dev"
    # An independent count: the first .ann per article, its E lines, those with a content, and those
    # whose content text holds " “ ” „ « » or ''.
    chosen: dict[str, Path] = {}
    for path in sorted((dev / "attributions").glob("*.ann")):
        chosen.setdefault(path.name.rsplit("_", 1)[0], path)
    n_e = n_content = n_quote = 0
    for name, path in chosen.items():
        ann = path.read_text(encoding="utf-8")
        text = (dev / "text" / f"{name}.txt").read_bytes().decode("utf-8")
        offsets = {
            m[1]: [tuple(map(int, p.split())) for p in m[2].split(";")] for m in _T.finditer(ann)
        }
        for m in _E.finditer(ann):
            n_e += 1
            refs = [arg.split(":")[1] for arg in m[1].split() if arg.startswith("Content")]
            n_content += bool(refs)
            pieces = [text[a:b] for ref in refs for a, b in offsets[ref]]
            n_quote += any(re.search("[\"“”„«»]|''", p) for p in pieces)
    # established with grep and a separate script when this test was written
    assert (len(chosen), n_e, n_content, n_quote) == (84, 2193, 2192, 710)

    articles = list(load_polnear(dev))
    assert len(articles) == len(chosen)
    assert sum(len(a.attributions) for a in articles) == n_content
    assert sum(a.n_without_content for a in articles) == n_e - n_content
    assert sum(g.has_quote_mark for a in articles for g in a.attributions) == n_quote
    with open(polnear / "metadata.tsv", encoding="utf-8", newline="") as f:
        dev_rows = [r for r in csv.DictReader(f, delimiter="\t") if r["compartment"] == "dev"]
    expected = {
        p: sum(r["publisher"] == p for r in dev_rows) for p in {r["publisher"] for r in dev_rows}
    }
    assert {p: sum(a.publisher == p for a in articles) for p in expected} == expected  # 12 each
    # two articles were annotated by all six annotators; the 4b22 files were used (9 and 19 E lines)
    several = {
        a.name.split("_")[0]: (a.annotator, len(a.attributions))
        for a in articles
        if len(a.annotators) > 1
    }
    assert several == {"politico": ("4b22", 9), "wash-post": ("4b22", 19)}
    # offsets are into the raw .txt files
    first = next(a for a in articles if a.name.startswith("breitbart_2016-09-12_stealth"))
    assert first.attributions[0].source_text == "The New York Post"
    assert first.attributions[0].content_text.startswith("that Hillary Clinton’s team avoided")


def test_a_colon_cue_matches_a_colon(tmp_path: Path) -> None:
    text = 'Ann: "abcdefgh" ok.'
    ann = attribution(1, text, [(5, 15)], cue=(3, 4), source=(0, 3))
    article = load_one(tmp_path, text, ann)
    s = score([article], fixed({article.name: [q("direct", 6, 14, cue=":")]}))
    assert (s.verb_total, s.verb_correct) == (1, 1)
