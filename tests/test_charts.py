"""Charts: every plot function on tiny hand-made tables, and render_figures end to end.

Expected bar widths, point positions and n labels are worked out by hand from
the input tables (the arithmetic is in the comments).
"""

from __future__ import annotations

import math
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.collections import QuadMesh
from matplotlib.figure import Figure

from framing.charts import (
    SIDE_COLORS,
    EmptyChartError,
    outlet_colors,
    plot_actor_tone,
    plot_cue_classes,
    plot_distinctive,
    plot_event_coverage,
    plot_naming_heatmap,
    plot_naming_lean,
    plot_naming_shares,
    plot_readability,
    plot_scare_quotes,
    plot_sourcing,
    plot_timeline,
    plot_tone,
    plot_voices_by_side,
    render_figures,
    side_colors,
)
from framing.charts.base import chart_title
from framing.charts.style import save_figure

NAN = float("nan")


# -- helpers ------------------------------------------------------------------
def containers(ax: Axes) -> dict[str, list[float]]:
    """Bar widths per legend label (horizontal bars)."""
    return {c.get_label(): [round(p.get_width(), 6) for p in c.patches] for c in ax.containers}


def texts(ax: Axes) -> list[str]:
    return [t.get_text() for t in ax.texts]


def ylabels(ax: Axes) -> list[str]:
    return [t.get_text() for t in ax.get_yticklabels()]


def lines(ax: Axes, gid: str) -> list:
    return [ln for ln in ax.get_lines() if ln.get_gid() == gid]


def naming_table() -> pd.DataFrame:
    rows = [
        # outlet, concept, side, n_authorial
        ("A", "stepanakert", "armenian", 3),
        ("A", "stepanakert", "azerbaijani", 1),
        ("B", "stepanakert", "azerbaijani", 2),
        ("A", "militants", "neutral", 5),  # one side only: not a naming choice
        ("B", "shusha", "armenian", 0),  # no authorial use
    ]
    return pd.DataFrame(
        [{"outlet": o, "pack": "karabakh", "concept": c, "side": s, "n_authorial": n, "n_quoted": 1,
          "n_scare_quoted": 0, "n_mentioned": 0, "share_authorial": NAN, "concept_authorial": 0, "n_docs": 1}
         for o, c, s, n in rows]
    )


# -- palette ------------------------------------------------------------------
def test_side_colours_are_fixed_and_distinct():
    a = side_colors(["unknown", "armenian", "azerbaijani"])
    b = side_colors(["azerbaijani", "armenian"])
    assert a["armenian"] == b["armenian"] == SIDE_COLORS["armenian"]
    assert a["azerbaijani"] == b["azerbaijani"]
    assert len(set(SIDE_COLORS.values())) == 7
    # a side no lexicon knew yet still gets a colour, not a crash, and not a known side's colour
    assert side_colors(["kurdish"])["kurdish"] not in SIDE_COLORS.values()


def test_outlet_colours_follow_the_sorted_outlet_list():
    # "A" sorts first whatever the input order
    assert outlet_colors(["B", "A"]) == outlet_colors(["A", "B", "A"])
    assert outlet_colors(["B", "A"])["A"] != outlet_colors(["B", "A"])["B"]


# -- naming -------------------------------------------------------------------
def test_naming_shares_bars_and_n():
    ax = plot_naming_shares(naming_table(), concept_labels={})
    assert isinstance(ax, Axes)
    # Only "stepanakert" has words of two sides. A: 3 armenian + 1 azerbaijani = 4 -> .75 / .25;
    # B: 2 azerbaijani of 2 -> 0 / 1.
    assert containers(ax) == {"Armenian": [0.75, 0.0], "Azerbaijani": [0.25, 1.0]}
    assert ylabels(ax) == ["stepanakert", "A", "B"]
    assert {"n=4", "n=2"} <= set(texts(ax))
    assert "75%" in texts(ax) and "25%" in texts(ax)
    assert "names" in chart_title(ax)


def test_naming_shares_draws_on_a_given_axes():
    fig = Figure()
    ax = fig.add_subplot()
    assert plot_naming_shares(naming_table(), ax=ax, concept_labels={}) is ax


def test_naming_shares_uses_aliases_and_concept_labels():
    ax = plot_naming_shares(naming_table(), aliases={"A": "Outlet A", "B": "Outlet B"},
                            concept_labels={"stepanakert": "Stepanakert / Khankendi (capital)"})
    assert ylabels(ax) == ["Stepanakert / Khankendi", "Outlet A", "Outlet B"]


def test_naming_shares_nothing_authorial_is_an_empty_chart():
    t = naming_table().assign(n_authorial=0)
    with pytest.raises(EmptyChartError):
        plot_naming_shares(t, concept_labels={})


def test_naming_heatmap_cells():
    ax = plot_naming_heatmap(naming_table(), side="azerbaijani", concept_labels={})
    mesh = next(c for c in ax.collections if isinstance(c, QuadMesh))
    # rows A, B (outlets with authorial uses: A, B); one column (stepanakert): A 1/4, B 2/2
    values = np.ma.filled(mesh.get_array(), np.nan).ravel().tolist()
    assert values == [0.25, 1.0]
    assert {"1/4", "2/2"} <= set(texts(ax))


def test_naming_heatmap_side_that_never_competes():
    with pytest.raises(EmptyChartError):
        plot_naming_heatmap(naming_table(), side="russian", concept_labels={})


def test_naming_lean_bars():
    lean = pd.DataFrame([
        {"outlet": "A", "pack": "karabakh", "side": "armenian", "lean": 0.6, "n_concepts": 2, "n_hits": 6,
         "n_docs": 1, "n_outlet_docs": 1},
        {"outlet": "A", "pack": "karabakh", "side": "azerbaijani", "lean": 0.4, "n_concepts": 2, "n_hits": 3,
         "n_docs": 1, "n_outlet_docs": 1},
        {"outlet": "B", "pack": "karabakh", "side": "azerbaijani", "lean": 1.0, "n_concepts": 1, "n_hits": 2,
         "n_docs": 2, "n_outlet_docs": 2},
    ])
    ax = plot_naming_lean(lean)
    assert containers(ax) == {"Armenian": [0.6, 0.0], "Azerbaijani": [0.4, 1.0]}
    # A: 6 + 3 = 9 uses in 2 concepts, 1 article; B: 2 uses, 1 concept, 2 articles
    assert "n=9 uses, 2 concepts, 1 article" in texts(ax)
    assert "n=2 uses, 1 concept, 2 articles" in texts(ax)


# -- scare quotes ---------------------------------------------------------------
def test_scare_quotes_counts():
    terms = pd.DataFrame([
        {"doc_id": "a1", "outlet": "A", "in_scare_quotes": True, "distancing": ""},
        {"doc_id": "a1", "outlet": "A", "in_scare_quotes": False, "distancing": "so-called"},
        {"doc_id": "b1", "outlet": "B", "in_scare_quotes": False, "distancing": ""},
    ])
    spans = pd.DataFrame([
        {"doc_id": "a1", "outlet": "A", "kind": "scare"},
        {"doc_id": "a2", "outlet": "A", "kind": "scare"},
        {"doc_id": "a2", "outlet": "A", "kind": "speech"},
        {"doc_id": "b1", "outlet": "B", "kind": "scare"},
    ])
    ax = plot_scare_quotes(terms, spans)
    c = containers(ax)
    # A: 2 scare spans, 1 term in scare quotes, 1 "so-called"; B: 1, 0, 0
    assert c["all scare quotes"] == [2, 1]
    assert c["lexicon terms in scare quotes"] == [1, 0]
    assert c['terms with a distancing word ("so-called")'] == [1, 0]
    # A's documents: a1, a2 (from both tables) -> 2 articles; B: 1
    assert "in 2 articles" in texts(ax) and "in 1 article" in texts(ax)


def test_scare_quotes_none_at_all():
    terms = pd.DataFrame([{"doc_id": "a", "outlet": "A", "in_scare_quotes": False, "distancing": ""}])
    with pytest.raises(EmptyChartError):
        plot_scare_quotes(terms, None)


# -- voices -------------------------------------------------------------------
def test_voices_by_side_two_bars_per_outlet():
    vbs = pd.DataFrame([
        {"outlet": "A", "side": "armenian", "n_quotes": 3, "quoted_words": 30},
        {"outlet": "A", "side": "unknown", "n_quotes": 1, "quoted_words": 70},
    ])
    ax = plot_voices_by_side(vbs)
    # quotes 3/4 = .75, 1/4 = .25; words 30/100 = .3, 70/100 = .7
    assert containers(ax) == {"Armenian": [0.75, 0.3], "Unknown": [0.25, 0.7]}
    assert "4 quotes" in texts(ax) and "100 quoted words" in texts(ax)


def test_sourcing_shares():
    voices = pd.DataFrame([
        {"outlet": "A", "n_docs": 1, "n_quotes": 4, "share_named": 0.5, "share_anonymous": 0.25,
         "share_unattributed": 0.25},
        {"outlet": "B", "n_docs": 1, "n_quotes": 0, "share_named": NAN, "share_anonymous": NAN,
         "share_unattributed": NAN},
    ])
    ax = plot_sourcing(voices)
    # B has no quote: no row
    assert ylabels(ax) == ["A"]
    assert containers(ax) == {"named source": [0.5], "anonymous source": [0.25], "no source given": [0.25]}
    assert "n=4 quotes, 1 article" in texts(ax)


def test_cue_classes_shares():
    voices = pd.DataFrame([{"outlet": "A", "cue_neutral": 2, "cue_distancing": 1, "cue_endorsing": 0,
                            "cue_none": 1}])
    ax = plot_cue_classes(voices)
    c = containers(ax)
    # 2 + 1 + 0 + 1 = 4 quotes -> .5, .25, 0, .25
    assert c["neutral (said, told)"] == [0.5]
    assert c["distancing (claimed, alleged)"] == [0.25]
    assert c["endorsing (confirmed, noted)"] == [0.0]
    assert c["no verb"] == [0.25]
    assert "n=4 quotes" in texts(ax)


def test_cue_classes_without_cue_columns():
    with pytest.raises(EmptyChartError):
        plot_cue_classes(pd.DataFrame([{"outlet": "A", "n_quotes": 3}]))


# -- tone ---------------------------------------------------------------------
def actor_table() -> pd.DataFrame:
    rows = [
        # outlet, group, side, voice, n_docs, n_sentences, mean, lo, hi
        ("A", "russia", "russian", "authorial", 3, 12, -0.2, -0.4, 0.0),
        ("B", "russia", "russian", "authorial", 1, 3, 0.1, NAN, NAN),
        ("A", "armenia", "armenian", "authorial", 2, 4, 0.3, 0.1, 0.5),
        ("A", "armenia", "armenian", "quoted", 2, 9, -0.5, -0.7, -0.3),  # other voice: not drawn
        ("B", "armenia", "armenian", "authorial", 1, 0, NAN, NAN, NAN),  # no sentence: not drawn
    ]
    return pd.DataFrame([
        {"outlet": o, "group": g, "group_label": f"{g.title()} (state)", "side": s, "voice": v, "n_docs": d,
         "n_sentences": n, "mean": m, "ci_low": lo, "ci_high": hi}
        for o, g, s, v, d, n, m, lo, hi in rows
    ])


def test_actor_tone_points_whiskers_and_n():
    ax = plot_actor_tone(actor_table())
    pts = lines(ax, "mean")
    # russia (12 + 3 = 15 sentences) before armenia (4): A, B under russia; A under armenia
    assert [round(float(p.get_xdata()[0]), 6) for p in pts] == [-0.2, 0.1, 0.3]
    # whiskers (one line and two caps) only where the interval is known: A/russia, A/armenia
    assert len(lines(ax, "ci")) == 2 * 3
    assert ylabels(ax) == ["Russia\nRussian side", "A", "B", "Armenia\nArmenian side", "A"]
    assert {"n=12 (3 articles)", "n=3 (1 article)", "n=4 (2 articles)"} <= set(texts(ax))


def test_actor_tone_quoted_voice_and_missing_page():
    ax = plot_actor_tone(actor_table(), voice="quoted")
    assert [float(p.get_xdata()[0]) for p in lines(ax, "mean")] == [-0.5]
    with pytest.raises(EmptyChartError):
        plot_actor_tone(actor_table(), page=1)
    with pytest.raises(EmptyChartError):
        plot_actor_tone(actor_table().assign(mean=NAN))


def test_tone_authorial_and_quoted():
    tone = pd.DataFrame([
        {"outlet": "A", "voice": "all", "n_docs": 2, "n_sentences": 30, "mean": 0.0, "ci_low": -0.1, "ci_high": 0.1},
        {"outlet": "A", "voice": "authorial", "n_docs": 2, "n_sentences": 20, "mean": -0.25, "ci_low": -0.4,
         "ci_high": -0.1},
        {"outlet": "A", "voice": "quoted", "n_docs": 2, "n_sentences": 10, "mean": 0.15, "ci_low": 0.0,
         "ci_high": 0.3},
        {"outlet": "B", "voice": "authorial", "n_docs": 1, "n_sentences": 5, "mean": 0.05, "ci_low": NAN,
         "ci_high": NAN},
    ])
    ax = plot_tone(tone)
    assert [float(p.get_xdata()[0]) for p in lines(ax, "mean_authorial")] == [-0.25, 0.05]
    assert [float(p.get_xdata()[0]) for p in lines(ax, "mean_quoted")] == [0.15]
    # intervals: A authorial and A quoted only
    assert len(lines(ax, "ci")) == 2 * 3
    assert "own n=20 · quoted n=10" in texts(ax) and "own n=5" in texts(ax)
    lo, hi = ax.get_xlim()
    assert lo == -hi and hi >= 0.3


def test_readability_grade_metrics():
    rows = []
    for o, vals in {"A": (10.0, 12.0, 11.0, 50.0), "B": (8.0, 9.5, 9.0, 65.0)}.items():
        for m, v in zip(("flesch_kincaid_grade", "gunning_fog", "smog_index", "flesch_reading_ease"), vals,
                        strict=True):
            rows.append({"outlet": o, "metric": m, "n_docs": 3 if o == "A" else 1, "mean": v,
                         "ci_low": v - 1 if o == "A" else NAN, "ci_high": v + 1 if o == "A" else NAN})
    t = pd.DataFrame(rows)
    ax = plot_readability(t)
    # one series per grade metric, one point per outlet (A, B)
    assert lines(ax, "mean_flesch_kincaid_grade")[0].get_xdata().tolist() == [10.0, 8.0]
    assert lines(ax, "mean_gunning_fog")[0].get_xdata().tolist() == [12.0, 9.5]
    assert not lines(ax, "mean_flesch_reading_ease")
    assert len(lines(ax, "ci")) == 3  # A only, one per metric
    assert {"n=3 articles", "n=1 article"} <= set(texts(ax))
    ease = plot_readability(t, metrics=("flesch_reading_ease",))
    assert lines(ease, "mean_flesch_reading_ease")[0].get_xdata().tolist() == [50.0, 65.0]


# -- words ---------------------------------------------------------------------
def test_distinctive_both_sides_labelled():
    t = pd.DataFrame([
        {"outlet": "A", "term": "xankendi", "n_outlet": 8, "n_rest": 0, "delta": 1, "z": 3.0, "favours": "A"},
        {"outlet": "A", "term": "peace", "n_outlet": 4, "n_rest": 2, "delta": 1, "z": 1.0, "favours": "A"},
        {"outlet": "A", "term": "artsakh", "n_outlet": 0, "n_rest": 9, "delta": -1, "z": -2.5, "favours": "B"},
    ])
    ax = plot_distinctive(t, aliases={"A": "Outlet A", "B": "Outlet B"})
    bars = [round(p.get_width(), 6) for p in ax.patches]
    assert bars == [3.0, 1.0, -2.5]  # strongest for A at the top, strongest against at the bottom
    assert "more in Outlet A →" in texts(ax) and "← more in Outlet B" in texts(ax)
    assert {"8 : 0", "0 : 9", "xankendi", "artsakh"} <= set(texts(ax))


def test_distinctive_two_outlets_with_positive_scores_only_mirror_each_other():
    t = pd.DataFrame([
        {"outlet": "A", "term": "a-word", "n_outlet": 5, "n_rest": 1, "delta": 1, "z": 2.0, "favours": "A"},
        {"outlet": "B", "term": "b-word", "n_outlet": 6, "n_rest": 0, "delta": 1, "z": 2.5, "favours": "B"},
    ])
    ax = plot_distinctive(t, outlet="A")
    # B's own word is drawn to the left with its z negated and its counts swapped (uses in A : in B)
    assert [round(p.get_width(), 6) for p in ax.patches] == [2.0, -2.5]
    assert "← more in B" in texts(ax) and "0 : 6" in texts(ax)


def test_distinctive_no_words():
    t = pd.DataFrame([{"outlet": "A", "term": "x", "n_outlet": 1, "n_rest": 1, "delta": 0, "z": 0.0, "favours": "A"}])
    with pytest.raises(EmptyChartError):
        plot_distinctive(t)


# -- coverage ------------------------------------------------------------------
def test_event_coverage_matrix():
    ev = pd.DataFrame([
        {"doc_id": "1", "outlet": "A", "date": "2023-09-20", "event": "offensive", "event_source": "manifest"},
        {"doc_id": "2", "outlet": "A", "date": "2023-09-21", "event": "offensive", "event_source": "manifest"},
        {"doc_id": "3", "outlet": "B", "date": "2023-09-20", "event": "offensive", "event_source": "manifest"},
        {"doc_id": "4", "outlet": "B", "date": "2020-10-08", "event": "war", "event_source": "manifest"},
    ])
    ax = plot_event_coverage(ev)
    mesh = next(c for c in ax.collections if isinstance(c, QuadMesh))
    # rows by first date: war (2020), offensive (2023); columns A, B; zero cells masked (blank)
    assert np.ma.filled(mesh.get_array(), 0).reshape(2, 2).tolist() == [[0, 1], [2, 1]]
    assert ylabels(ax) == ["war", "offensive"]
    assert sorted(t for t in texts(ax) if not t.startswith("n=")) == ["1", "1", "2"]
    assert {"n=1", "n=3"} <= set(texts(ax))


def test_timeline_marks_days_and_counts_undated():
    docs = pd.DataFrame([
        {"outlet": "A", "date": "2023-09-20"},
        {"outlet": "A", "date": "2023-09-20T17:11"},  # same day: one bigger mark
        {"outlet": "A", "date": ""},
        {"outlet": "B", "date": "2023-10-01T00:30+03:00"},  # 30 Sep 21:30 UTC
    ])
    ax = plot_timeline(docs)
    marks = [c for c in ax.collections if c.get_gid() == "articles"]
    assert [len(c.get_offsets()) for c in marks] == [1, 1]
    sizes = [float(c.get_sizes()[0]) for c in marks]
    assert sizes[0] > sizes[1]  # 2 articles that day vs 1
    assert "n=3 articles (1 undated)" in texts(ax) and "n=1 article" in texts(ax)


def test_timeline_without_any_date():
    with pytest.raises(EmptyChartError):
        plot_timeline(pd.DataFrame([{"outlet": "A", "date": ""}, {"outlet": "B", "date": None}]))


# -- render_figures -------------------------------------------------------------
def small_tables() -> dict[str, pd.DataFrame]:
    docs = pd.DataFrame([
        {"doc_id": "1", "outlet": "Bakı Xəbər", "date": "2023-09-20", "event": "offensive"},
        {"doc_id": "2", "outlet": "Ազատություն", "date": "2023-09-21", "event": "offensive"},
        {"doc_id": "3", "outlet": "Первый канал", "date": "2023-09-22", "event": "offensive"},
    ])
    naming = naming_table().replace({"outlet": {"A": "Bakı Xəbər", "B": "Ազատություն"}})
    voices = pd.DataFrame([{"outlet": "Первый канал", "n_docs": 1, "n_quotes": 2, "share_named": 1.0,
                            "share_anonymous": 0.0, "share_unattributed": 0.0, "cue_neutral": 2, "cue_none": 0}])
    return {"documents": docs, "naming": naming, "voices": voices, "tone": pd.DataFrame(),
            "events": docs.assign(event_source="manifest")}


def files_under(root: Path) -> set[Path]:
    return {p.relative_to(root) for p in root.rglob("*")}


def test_render_figures_skips_missing_and_empty_tables(tmp_path):
    figdir = tmp_path / "run" / "figures"
    before = files_under(tmp_path)
    figs = render_figures(small_tables(), figdir)
    names = [f.name for f in figs]
    # tone is empty and voices_by_side/terms/readability are missing: no file for them.
    # Heatmaps: armenian 3 uses, azerbaijani 1 + 2 = 3 -> tie, alphabetical order.
    assert names == ["timeline", "event_coverage", "naming_shares", "naming_heatmap_armenian",
                     "naming_heatmap_azerbaijani", "sourcing", "cue_classes"]
    assert files_under(tmp_path) - before == {Path("run"), Path("run/figures")} | {
        Path("run/figures") / f"{n}.png" for n in names}
    for f in figs:
        assert f.path == f"figures/{f.name}.png"
        assert f.title and f.how_to_read and f.caveats and f.alt
        png = (figdir / f"{f.name}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width = int.from_bytes(png[16:20], "big")
        assert width == 7 * 200  # 7 inches at 200 dpi
        assert png[24:26] == bytes([8, 2])  # 8-bit RGB: opaque charts need no alpha channel
    # every outlet has one article: the caveat says so
    assert "fewer than 3 articles" in figs[0].caveats


def test_render_figures_is_byte_identical_and_removes_its_own_stale_files(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    render_figures(small_tables(), a)
    (b).mkdir()
    (b / "tone.png").write_bytes(b"old")  # ours, from an earlier run with tone data
    (b / "notes.png").write_bytes(b"user's")  # not ours: left alone
    render_figures(small_tables(), b)
    for p in sorted(a.glob("*.png")):
        assert p.read_bytes() == (b / p.name).read_bytes(), p.name
    assert not (b / "tone.png").exists()
    assert (b / "notes.png").read_bytes() == b"user's"


def test_workers_draw_the_same_files_in_reading_order(tmp_path):
    one = render_figures(small_tables(), tmp_path / "one", jobs=1)
    two = render_figures(small_tables(), tmp_path / "two", jobs=2)
    # the slow charts are handed out first, but the records keep the reading order
    assert [f.name for f in two] == [f.name for f in one] == [
        "timeline", "event_coverage", "naming_shares", "naming_heatmap_armenian",
        "naming_heatmap_azerbaijani", "sourcing", "cue_classes"]
    assert [(f.title, f.alt) for f in two] == [(f.title, f.alt) for f in one]
    for f in one:
        assert (tmp_path / "one" / f"{f.name}.png").read_bytes() == (tmp_path / "two" / f"{f.name}.png").read_bytes()


def test_pending_figures_stop_their_workers_when_the_caller_fails(tmp_path):
    import multiprocessing as mp

    from framing.charts.figures import start_figures

    before = set(mp.active_children())
    with pytest.raises(RuntimeError, match="caller failed"), start_figures(small_tables(), tmp_path, jobs=2) as pending:
        assert pending._pool is not None  # drawing in workers
        raise RuntimeError("caller failed")
    assert set(mp.active_children()) <= before  # no worker left behind


def test_render_figures_blind_names(tmp_path):
    aliases = {"Bakı Xəbər": "Outlet A", "Ազատություն": "Outlet B", "Первый канал": "Outlet C"}
    figs = render_figures(small_tables(), tmp_path, aliases=aliases)
    alt = " ".join(f.alt + f.caveats for f in figs)
    assert "Outlet A" in alt and "Bakı" not in alt and "Первый" not in alt


def test_render_figures_nothing_to_draw(tmp_path):
    assert render_figures({"documents": pd.DataFrame(columns=["outlet", "date"])}, tmp_path) == []
    assert render_figures({}, tmp_path) == []


def test_dejavu_covers_the_scripts_of_the_corpus(tmp_path):
    ax = plot_naming_shares(naming_table(), aliases={"A": "Xankəndi şəhər ğ ı", "B": "Ստեփանակերտ Ханкенди"},
                            concept_labels={})
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph … missing from font(s)"
        save_figure(ax.figure, tmp_path / "x.png")
    fonts = {t.get_fontname() for t in ax.get_yticklabels()}
    assert fonts == {"DejaVu Sans"}


def test_import_needs_no_display_and_no_pyplot():
    code = ("import sys, framing.charts; "
            "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot imported'; "
            "import matplotlib; print(matplotlib.get_backend())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={"MPLBACKEND": "",
                         "PATH": "/usr/bin:/bin", "HOME": "/nonexistent"}, timeout=120)
    assert out.returncode == 0, out.stderr


def test_plots_leave_rcparams_unchanged():
    import matplotlib

    before = dict(matplotlib.rcParams)
    plot_naming_shares(naming_table(), concept_labels={})
    after = dict(matplotlib.rcParams)
    assert before.keys() == after.keys()
    changed = [k for k in before if before[k] != after[k] and not (
        isinstance(before[k], float) and math.isnan(before[k]))]
    assert changed == []


# -- chart workers started before the tables -------------------------------------
def test_workers_started_before_the_tables_draw_the_same_files(tmp_path):
    from framing.charts.workers import ChartWorkers

    one = render_figures(small_tables(), tmp_path / "one", jobs=1)
    with ChartWorkers(2) as workers:  # forked now, with no table yet
        assert workers.active
        pending = workers.start(small_tables(), tmp_path / "early")
        assert not workers.active  # handed its charts: cannot be given a second set
        early = pending.result()
    assert [(f.name, f.title, f.alt, f.how_to_read, f.caveats, f.path) for f in early] == [
        (f.name, f.title, f.alt, f.how_to_read, f.caveats, f.path.replace("one/", "early/")) for f in one]
    for f in one:
        assert (tmp_path / "one" / f"{f.name}.png").read_bytes() == (tmp_path / "early" / f"{f.name}.png").read_bytes()


def test_chart_workers_that_are_never_used_stop_when_closed():
    import multiprocessing as mp

    from framing.charts.workers import ChartWorkers

    before = set(mp.active_children())
    workers = ChartWorkers(2)
    assert set(mp.active_children()) - before  # the first worker is running
    workers.close()
    assert set(mp.active_children()) <= before
    assert not workers.active
    with pytest.raises(RuntimeError, match="no chart workers"):
        workers.start(small_tables(), Path("unused"))


@pytest.mark.parametrize("jobs", [1, 2])
def test_no_chart_workers_below_two_jobs_or_with_one(jobs):
    from framing.charts.workers import ChartWorkers

    with ChartWorkers(jobs) as workers:
        assert workers.active is (jobs == 2)


def test_an_error_in_a_chart_worker_reaches_the_caller(tmp_path, monkeypatch):
    import framing.charts.figures as figures
    from framing.charts.workers import ChartWorkers

    def broken(plan, figdir):
        raise RuntimeError(f"cannot draw {plan.name}")

    monkeypatch.setattr(figures, "draw_one", broken)  # before the fork: the workers inherit it
    with ChartWorkers(2) as workers, pytest.raises(RuntimeError, match="cannot draw"):
        workers.start(small_tables(), tmp_path).result()
    assert not list(tmp_path.glob("*.png"))


def test_charts_read_only_the_tables_handed_to_the_workers():
    from framing.charts.figures import _Context
    from framing.charts.workers import CHART_TABLES

    ctx = _Context({"sentences": pd.DataFrame({"outlet": ["A"]})}, None, {}, "")
    with pytest.raises(KeyError, match="CHART_TABLES"):
        ctx.table("sentences")
    assert ctx.table("documents") is None and "documents" in CHART_TABLES
