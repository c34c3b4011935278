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
    ev = group_events(DOCS, TEXTS, window_days=40)
    assert dict(zip(ev.doc_id, ev.event, strict=True))["e1"] == "single-1"
    ev = group_events(DOCS, TEXTS, window_days=70)
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
