"""Same-event grouping on hand-made articles: two events, a late article, manifest overrides."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.errors import InputError
from framing.events import EVENT_COLUMNS, SUMMARY_COLUMNS, event_summary, group_events

# Event 1 (blockade of the Lachin corridor) and event 2 (an earthquake in Gaziantep) share no content word,
# so their cosine similarity is 0; the articles within an event share most of their words.
BLOCKADE = "Protesters blocked the Lachin corridor near Shusha; food and medicine convoys to Stepanakert stopped."
BLOCKADE_2 = "Convoys with food and medicine could not reach Stepanakert because protesters blocked the Lachin corridor."
QUAKE = "A powerful earthquake struck Gaziantep overnight; rescuers searched collapsed buildings for survivors."
QUAKE_2 = "Rescuers in Gaziantep searched collapsed buildings for survivors after the powerful earthquake."
TEXTS = {
    "a1": BLOCKADE, "b1": BLOCKADE_2, "c1": QUAKE, "d1": QUAKE_2,
    "e1": BLOCKADE + " Protesters said they would stay.",  # same story, but a month later
    "f1": "Parliament debated the annual budget and tax rates for farmers.",  # nothing in common
}


def _docs(rows: list[tuple[str, str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "date", "event"])


DOCS = _docs([
    ("a1", "Outlet A", "2023-01-10", ""),
    ("b1", "Outlet B", "2023-01-11T09:30", ""),
    ("c1", "Outlet A", "2023-02-06", ""),
    ("d1", "Outlet C", "2023-02-07", ""),
    ("e1", "Outlet C", "2023-03-15", ""),
    ("f1", "Outlet B", "", ""),
])


def test_two_events_and_singles() -> None:
    ev = group_events(DOCS, TEXTS)
    assert list(ev.columns) == EVENT_COLUMNS
    by = dict(zip(ev.doc_id, ev.event, strict=True))
    # groups in order of first date: blockade (Jan 10), quake (Feb 6); singles: e1 (Mar 15), then undated f1
    assert by == {"a1": "cluster-1", "b1": "cluster-1", "c1": "cluster-2", "d1": "cluster-2", "e1": "single-1", "f1": "single-2"}
    src = dict(zip(ev.doc_id, ev.event_source, strict=True))
    assert src == {"a1": "cluster", "b1": "cluster", "c1": "cluster", "d1": "cluster", "e1": "single", "f1": "single"}
    row = ev.set_index("doc_id").loc["a1"]
    assert (row.n_docs, row.n_outlets) == (2, 2)
    # rows ordered by group, then date
    assert list(ev.doc_id) == ["a1", "b1", "c1", "d1", "e1", "f1"]
    # top terms of the blockade group come from its own words
    terms = ev.set_index("doc_id").loc["a1", "top_terms"].split(", ")
    assert len(terms) == 5
    words = {"protesters", "blocked", "lachin", "corridor", "shusha", "food", "medicine", "convoys", "stepanakert", "stopped", "reach"}
    assert set(terms) <= words


def test_date_window() -> None:
    # e1 is 64 days after a1 and 63 after b1: still alone with a 40-day window, joined with 70 days
    # (day_decay=1: dates count only through the window; with the default 0.5**63 it stays alone)
    ev = group_events(DOCS, TEXTS, window_days=40, day_decay=1)
    assert dict(zip(ev.doc_id, ev.event, strict=True))["e1"] == "single-1"
    ev = group_events(DOCS, TEXTS, window_days=70)
    assert dict(zip(ev.doc_id, ev.event, strict=True))["e1"] == "single-1"
    ev = group_events(DOCS, TEXTS, window_days=70, day_decay=1)
    by = dict(zip(ev.doc_id, ev.event, strict=True))
    assert by["e1"] == by["a1"] == by["b1"] == "cluster-1"
    # a1 (Jan 10) and b1 (Jan 11, 09:30; calendar days count) are one day apart: split with window 0
    ev = group_events(DOCS, TEXTS, window_days=0)
    by = dict(zip(ev.doc_id, ev.event, strict=True))
    assert by["a1"] != by["b1"]


def test_undated_document_links_to_any_date() -> None:
    docs = DOCS.copy()
    docs.loc[docs.doc_id == "e1", "date"] = ""
    by = dict(zip(*group_events(docs, TEXTS).pipe(lambda e: (e.doc_id, e.event)), strict=True))
    assert by["e1"] == by["a1"] == by["b1"]


def test_manifest_event_overrides() -> None:
    # c1 and f1 share nothing, but the manifest says they report one event; a1 is declared as its own event
    # and is not merged with b1 although their texts match
    docs = DOCS.copy()
    docs["event"] = ["Blockade", "", "Budget and quake", "", "", "Budget and quake"]
    ev = group_events(docs, TEXTS)
    by = dict(zip(ev.doc_id, ev.event, strict=True))
    src = dict(zip(ev.doc_id, ev.event_source, strict=True))
    assert by["c1"] == by["f1"] == "Budget and quake" and src["c1"] == "manifest"
    assert by["a1"] == "Blockade" and src["a1"] == "manifest"
    assert by["b1"] not in ("Blockade", "Budget and quake")
    assert src["b1"] == "single" and src["d1"] == "single"
    row = ev.set_index("doc_id").loc["c1"]
    assert (row.n_docs, row.n_outlets) == (2, 2)


def test_threshold_one_leaves_everything_single() -> None:
    ev = group_events(DOCS, TEXTS, threshold=1.0)
    assert set(ev.event_source) == {"single"}
    assert sorted(ev.event) == [f"single-{i}" for i in range(1, 7)]


@pytest.mark.parametrize("linkage", ["average", "single", "complete"])
def test_linkages_agree_on_clear_groups(linkage: str) -> None:
    ev = group_events(DOCS, TEXTS, linkage=linkage)
    assert ev.groupby("event").doc_id.apply(lambda s: ",".join(sorted(s))).sort_values().tolist() == [
        "a1,b1", "c1,d1", "e1", "f1",
    ]


def test_average_linkage_does_not_chain() -> None:
    # x ~ y and y ~ z, but x and z share nothing. Smooth idf = ln((1+3)/(1+df)) + 1: 1.288 for words in
    # two texts, 1.693 for words in one. cos(x, y) = 3*1.288^2 / sqrt((3*1.288^2 + 3*1.693^2) * 6*1.288^2)
    # = 4.977 / sqrt(13.576 * 9.954) = 0.428 = cos(y, z); cos(x, z) = 0. Single linkage at 0.3 chains all
    # three; average linkage merges one pair at distance 0.572, then the third is at (0.572 + 1)/2 = 0.786
    # from it, above 1 - 0.3 = 0.7: two groups
    texts = {
        "x": "alpha bravo charlie delta echo foxtrot",
        "y": "alpha bravo charlie kilo lima mike",
        "z": "kilo lima mike november oscar papa",
    }
    docs = _docs([("x", "A", "2023-01-01", ""), ("y", "B", "2023-01-01", ""), ("z", "C", "2023-01-01", "")])
    single = group_events(docs, texts, threshold=0.3, linkage="single")
    assert single.event.nunique() == 1
    average = group_events(docs, texts, threshold=0.3, linkage="average")
    assert average.event.nunique() == 2


# x ~ y and y ~ z as in test_average_linkage_does_not_chain: cos(x, y) = cos(y, z) = 0.428, cos(x, z) = 0
XYZ = {
    "x": "alpha bravo charlie delta echo foxtrot",
    "y": "alpha bravo charlie kilo lima mike",
    "z": "kilo lima mike november oscar papa",
}


@pytest.mark.parametrize(
    ("date_y", "threshold", "day_decay", "together"),
    [
        ("2023-01-01", 0.3, 0.5, True),  # same day: 0.428 >= 0.3
        ("2023-01-02", 0.3, 0.5, False),  # next day: 0.428 * 0.5 = 0.214 < 0.3
        ("2023-01-02", 0.2, 0.5, True),  # 0.214 >= 0.2
        ("2023-01-02", 0.3, 1.0, True),  # no discount: 0.428
        ("2023-01-03", 0.2, 0.5, False),  # two days: 0.428 * 0.25 = 0.107 < 0.2
        ("2023-01-03", 0.1, 0.5, True),  # 0.107 >= 0.1
        ("2023-01-05", 0.01, 1.0, False),  # four days: beyond the 3-day window whatever the similarity
        ("", 0.3, 0.5, True),  # undated y: no discount
    ],
)
def test_day_decay(date_y: str, threshold: float, day_decay: float, together: bool) -> None:
    # z is a month away, so only x and y can meet
    docs = _docs([("x", "A", "2023-01-01", ""), ("y", "B", date_y, ""), ("z", "C", "2023-02-01", "")])
    by = dict(zip(*group_events(docs, XYZ, threshold=threshold, day_decay=day_decay).pipe(
        lambda e: (e.doc_id, e.event)), strict=True))
    assert (by["x"] == by["y"]) is together
    assert by["z"] not in (by["x"], by["y"])


@pytest.mark.parametrize(("linkage", "expected"), [("average", ["a,b", "c"]), ("complete", ["a,b", "c"]), ("single", ["a,b,c"])])
def test_group_never_spans_more_than_the_window(linkage: str, expected: list[str]) -> None:
    # three identical texts on days 0, 2 and 4, window 3: a-b and b-c are linked (cosine 1), a-c is not
    # (4 days). Average/complete merge a and b first (equal similarity, smaller index first); the union
    # with c would span 4 days, so c stays alone. Single linkage chains all three, each link within the window
    text = "senate passes the budget bill after a long night of votes"
    docs = _docs([("a", "A", "2023-01-01", ""), ("b", "B", "2023-01-03", ""), ("c", "C", "2023-01-05", "")])
    ev = group_events(docs, dict.fromkeys("abc", text), threshold=0.5, window_days=3, day_decay=1, linkage=linkage)
    assert ev.groupby("event").doc_id.apply(lambda s: ",".join(sorted(s))).sort_values().tolist() == expected


def test_input_order_does_not_matter() -> None:
    # the tie of test_group_never_spans_more_than_the_window (a-b and b-c equally similar) is broken by
    # date, not by row order: reversed rows give the same table, {a, b} and {c}
    text = "senate passes the budget bill after a long night of votes"
    docs = _docs([("c", "C", "2023-01-05", ""), ("b", "B", "2023-01-03", ""), ("a", "A", "2023-01-01", "")])
    ev = group_events(docs, dict.fromkeys("abc", text), threshold=0.5, window_days=3, day_decay=1)
    assert dict(zip(ev.doc_id, ev.event, strict=True)) == {"a": "cluster-1", "b": "cluster-1", "c": "single-1"}
    rows = DOCS.iloc[::-1].reset_index(drop=True)
    pd.testing.assert_frame_equal(group_events(rows, TEXTS), group_events(DOCS, TEXTS))


def test_complete_linkage_needs_every_pair() -> None:
    # p, q, r share "alpha bravo"; p and q also share "charlie delta". Smooth idf: ln(4/4) + 1 = 1 for
    # alpha, bravo (in 3 texts); ln(4/3) + 1 = 1.288 for charlie, delta (2 texts); ln(4/2) + 1 = 1.693 for
    # words in one text. |p|^2 = |q|^2 = 2 + 2*1.659 + 2*2.866 = 11.05; |r|^2 = 2 + 4*2.866 = 13.46.
    # cos(p, q) = (2 + 3.318) / 11.05 = 0.481; cos(p, r) = cos(q, r) = 2 / sqrt(11.05 * 13.46) = 0.164.
    # At threshold 0.25: p and q merge (0.481); the union to r: average (0.164 + 0.164) / 2 = 0.164,
    # complete 0.164, both below 0.25 -> {p, q}, {r}. At threshold 0.15 both join r.
    texts = {
        "p": "alpha bravo charlie delta echo foxtrot",
        "q": "alpha bravo charlie delta golf hotel",
        "r": "alpha bravo india juliet kilo lima",
    }
    docs = _docs([(k, k.upper(), "2023-01-01", "") for k in "pqr"])
    for linkage in ("average", "complete"):
        ev = group_events(docs, texts, threshold=0.25, linkage=linkage)
        assert ev.groupby("event").doc_id.apply(lambda s: ",".join(sorted(s))).sort_values().tolist() == ["p,q", "r"]
        ev = group_events(docs, texts, threshold=0.15, linkage=linkage)
        assert ev.event.nunique() == 1


def test_many_documents_of_one_day_are_clustered_not_kept_whole() -> None:
    # 300 articles on one day, 100 stories of three near-identical articles; the stories share
    # nothing with each other, so the result is exactly the 100 triples (no dense matrix, no giant group)
    words = [f"w{i}x" for i in range(1000)]
    texts, rows = {}, []
    for story in range(100):
        for k in range(3):
            doc = f"s{story:03d}-{k}"
            texts[doc] = " ".join(words[story * 10 : story * 10 + 10]) + f" extra{doc.replace('-', 'x')}"
            rows.append((doc, f"O{k}", "2023-01-01", ""))
    ev = group_events(_docs(rows), texts)
    groups = ev.groupby("event").doc_id.apply(lambda s: {d.split("-")[0] for d in s})
    assert len(groups) == 100 and all(len(g) == 1 for g in groups)
    assert set(ev.n_docs) == {3}


def test_missing_columns_and_texts() -> None:
    docs = pd.DataFrame({"doc_id": ["a1", "b1", "zz"]})
    ev = group_events(docs, TEXTS)
    # no dates: a1 and b1 group by text; zz has no text and stays alone
    by = dict(zip(ev.doc_id, ev.event, strict=True))
    assert by["a1"] == by["b1"] == "cluster-1" and by["zz"] == "single-1"
    assert set(ev.outlet) == {""}
    empty = group_events(pd.DataFrame({"doc_id": []}), {})
    assert empty.empty and list(empty.columns) == EVENT_COLUMNS


@pytest.mark.parametrize(
    ("docs", "kwargs"),
    [
        (pd.DataFrame({"id": ["a"]}), {}),
        (pd.DataFrame({"doc_id": ["a", "a"]}), {}),
        (DOCS, {"threshold": 0.0}),
        (DOCS, {"window_days": -1}),
        (DOCS, {"linkage": "ward"}),
        (DOCS, {"day_decay": 0.0}),
        (DOCS, {"day_decay": 1.5}),
    ],
)
def test_bad_input(docs: pd.DataFrame, kwargs: dict) -> None:
    with pytest.raises(InputError):
        group_events(docs, TEXTS, **kwargs)


def test_event_summary() -> None:
    docs = DOCS.copy()
    docs["event"] = ["", "", "", "", "", "Budget"]
    summary = event_summary(group_events(docs, TEXTS))
    assert list(summary.columns) == SUMMARY_COLUMNS
    assert list(summary.event) == ["cluster-1", "cluster-2", "single-1", "Budget"]
    first = summary.iloc[0]
    assert (first.n_docs, first.n_outlets, first.outlets) == (2, 2, "Outlet A; Outlet B")
    assert (first.first_date, first.last_date) == ("2023-01-10", "2023-01-11T09:30")
    budget = summary.set_index("event").loc["Budget"]
    assert (budget.event_source, budget.first_date, budget.last_date) == ("manifest", "", "")
    with pytest.raises(InputError):
        event_summary(pd.DataFrame({"doc_id": ["a"]}))
