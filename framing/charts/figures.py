"""Render every chart a set of tables allows, with its reading notes.

:func:`render_figures` is what the report calls: it draws each chart whose
tables are present and non-empty, writes ``<figdir>/<name>.png``, and returns
:class:`framing.reportdata.Figure` records in reading order with a title, a
"how to read this" note, caveats and alt text.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure as MplFigure

from ..errors import InputError
from ..reportdata import Figure
from .base import EmptyChartError, chart_title
from .coverage import coverage_counts, plot_event_coverage, plot_timeline
from .distancing import distancing_counts, plot_scare_quotes
from .naming import (
    heatmap_sides,
    lean_packs,
    plot_naming_heatmap,
    plot_naming_lean,
    plot_naming_shares,
)
from .readability import GRADE_METRICS, plot_readability
from .style import WIDTH, chart_style, outlet_colors, plural, save_figure, shown, side_label
from .tone import actor_tone_pages, plot_actor_tone, plot_tone
from .voices import plot_cue_classes, plot_sourcing, plot_voices_by_side
from .words import distinctive_outlets, plot_distinctive
from .workers import (  # noqa: F401  (OWN_STEMS: the stems of the files written here)
    CHART_TABLES,
    OWN_STEMS,
    ChartWorkers,
    PendingFigures,
    chart_outlets,
    remove_stale,
)

log = logging.getLogger(__name__)

#: Outlets with fewer articles than this get the "one article is not a pattern" caveat.
FEW_DOCS = 3
#: Outlets per figure of distinctive words (panels in a grid of two columns).
PANELS_PER_FIGURE = 6

LEXICON = "Only the spellings listed in the lexicon are counted, so the lexicon decides what the chart can see."
VADER = ("Tone is scored by VADER, a general-purpose word list: it misses irony and context, reads 'killed' "
         "or 'attack' as negative whoever is speaking, and a sentence's tone is not necessarily its tone "
         "toward the actor it mentions.")
INTERVALS = "No interval is drawn for outlets with fewer than 2 articles."


@dataclass(frozen=True, slots=True)
class _Plan:
    name: str
    draw: Callable[[], MplFigure]
    how_to_read: str
    caveats: str
    alt: Callable[[], str]


@dataclass(frozen=True, slots=True)
class _Context:
    tables: Mapping[str, pd.DataFrame]
    aliases: Mapping[str, str] | None
    colors: dict[str, str]
    few_docs: str

    def table(self, name: str) -> pd.DataFrame | None:
        if name not in CHART_TABLES:  # the workers are handed only these
            raise KeyError(f"charts read only the tables in CHART_TABLES, not {name!r}")
        t = self.tables.get(name)
        return t if isinstance(t, pd.DataFrame) and len(t) else None

    def name(self, outlet: str) -> str:
        return shown(str(outlet), self.aliases)

    def caveat(self, *parts: str) -> str:
        return " ".join(p for p in (*parts, self.few_docs) if p)


def render_figures(
    tables: Mapping[str, pd.DataFrame],
    figdir: Path,
    *,
    aliases: Mapping[str, str] | None = None,
    concept_labels: Mapping[str, str] | None = None,
    jobs: int = 1,
) -> list[Figure]:
    """Draw every chart whose tables are present and non-empty; save them as PNG.

    Args:
        tables: Table name → DataFrame (analysis tables plus ``tone``, ``actor_tone``,
            ``readability``, ``distinctive_words`` and ``events`` when available).
        figdir: Folder for the PNGs (created); nothing is written elsewhere. PNGs an
            earlier run wrote there under this module's names and not drawn now are removed.
        aliases: Outlet → name to show ("Outlet A" in blind mode).
        concept_labels: Concept id → label (default: the bundled lexicon packs' labels).
        jobs: Worker processes drawing charts (the files are identical for any value).

    Returns:
        One record per saved chart in reading order, ``path`` relative to the run
        folder (``figures/<name>.png`` when ``figdir`` is ``<run>/figures``).
    """
    with start_figures(tables, figdir, aliases=aliases, concept_labels=concept_labels, jobs=jobs) as pending:
        return pending.result()


def start_figures(
    tables: Mapping[str, pd.DataFrame],
    figdir: Path,
    *,
    aliases: Mapping[str, str] | None = None,
    concept_labels: Mapping[str, str] | None = None,
    jobs: int = 1,
    workers: ChartWorkers | None = None,
) -> PendingFigures | LocalFigures:
    """Start drawing the charts of :func:`render_figures` and return at once.

    With running ``workers`` (:class:`~framing.charts.workers.ChartWorkers`,
    started early by the caller), or with ``jobs`` > 1 where fork is available,
    the charts are drawn by worker processes while the caller goes on (writing
    tables, laying out the PDF); ``result()`` waits for them. With one job they
    are drawn when the result is asked for. Use the returned object as a context
    manager so that the workers are stopped if the caller fails first.
    """
    figdir = Path(figdir)
    if workers is not None and workers.active:
        return workers.start(tables, figdir, aliases=aliases, concept_labels=concept_labels)
    plans = chart_plans(tables, aliases=aliases, concept_labels=concept_labels)
    figdir.mkdir(parents=True, exist_ok=True)
    if jobs > 1 and len(plans) >= 4:
        own = ChartWorkers(min(jobs, len(plans)))
        if own.active:
            return own.start(tables, figdir, aliases=aliases, concept_labels=concept_labels)
    return LocalFigures(plans, figdir)


def chart_plans(
    tables: Mapping[str, pd.DataFrame],
    *,
    aliases: Mapping[str, str] | None = None,
    concept_labels: Mapping[str, str] | None = None,
    outlets: list[str] | None = None,
) -> list[_Plan]:
    """Every chart the tables allow, in reading order (not drawn yet).

    ``outlets`` (default: every outlet in ``tables``) fixes the outlet colours.
    """
    ctx = _context(tables, aliases, chart_outlets(tables) if outlets is None else outlets)
    return [
        *_coverage_plans(ctx), *_naming_plans(ctx, concept_labels), *_voice_plans(ctx),
        *_tone_plans(ctx), *_readability_plans(ctx), *_word_plans(ctx),
    ]


class LocalFigures:
    """Charts drawn in this process when their result is asked for (see :func:`start_figures`)."""

    _pool = None

    def __init__(self, plans: list[_Plan], figdir: Path) -> None:
        self._plans = plans
        self._figdir = figdir

    def result(self) -> list[Figure]:
        """The saved charts in reading order."""
        titles = [draw_one(p, self._figdir) for p in self._plans]
        out = [
            Figure(name=plan.name, title=title, path=f"{self._figdir.name}/{plan.name}.png",
                   how_to_read=plan.how_to_read, caveats=plan.caveats, alt=plan.alt())
            for plan, title in zip(self._plans, titles, strict=True) if title is not None
        ]
        remove_stale(self._figdir, {f.name for f in out})
        return out

    def close(self) -> None:
        """Nothing to stop."""

    def __enter__(self) -> LocalFigures:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def draw_one(plan: _Plan, figdir: Path) -> str | None:
    """Draw and save one chart; its title, or None when there was nothing to draw."""
    try:
        fig = plan.draw()
    except EmptyChartError as exc:
        log.info("chart %s not drawn: %s", plan.name, exc)
        return None
    except (InputError, KeyError, ValueError, TypeError) as exc:
        log.warning("chart %s not drawn: %s: %s", plan.name, type(exc).__name__, exc)
        return None
    save_figure(fig, figdir / f"{plan.name}.png")
    return figure_title(fig)


def warm_up() -> None:
    """Load what every chart needs (fonts, glyph cache) before the tables arrive.

    Run by the first chart worker while the parent analyses the corpus; it draws
    a small figure that is thrown away and changes nothing a later chart draws.
    (The concept labels come with the tables when the parent has read the packs.)
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import PngImagePlugin  # noqa: F401  (the PNG writer, imported on first save)

    with chart_style():
        fig = MplFigure(figsize=(2.0, 1.0), layout="constrained")
        ax = fig.add_subplot()
        ax.barh([0, 1], [1, 2])
        ax.set_title("Warm-up")
        ax.set_yticks([0, 1], ["Ag", "Шд"], fontweight="bold")
        ax.set_xlabel("share")
        fig.set_dpi(200)
        FigureCanvasAgg(fig).draw()


def figure_title(fig: MplFigure) -> str:
    """The chart's title: the figure's suptitle, else its first Axes' title, on one line."""
    return chart_title(fig.axes[0]) if fig.axes else ""


def _context(tables: Mapping[str, pd.DataFrame], aliases: Mapping[str, str] | None, outlets: list[str]) -> _Context:
    docs = tables.get("documents")
    few = ""
    if isinstance(docs, pd.DataFrame) and len(docs) and "outlet" in docs.columns:
        n = docs.groupby("outlet").size()
        small = sorted((str(o) for o, k in n.items() if k < FEW_DOCS), key=lambda o: shown(o, aliases))
        if small and len(small) == len(n):
            few = (f"Every outlet here has fewer than {FEW_DOCS} articles: a difference can be one writer's "
                   "choice on one day, not the outlet's habit.")
        elif small:
            names = ", ".join(shown(o, aliases) for o in small[:6]) + (" …" if len(small) > 6 else "")
            few = f"{names} {'has' if len(small) == 1 else 'have'} fewer than {FEW_DOCS} articles: one article is not a pattern."
    return _Context(tables, aliases, outlet_colors(outlets), few)


def _fig(draw: Callable[[], object]) -> Callable[[], MplFigure]:
    """Wrap a plot call returning an Axes into one returning its Figure."""
    def run() -> MplFigure:
        ax = draw()
        return ax.figure  # type: ignore[attr-defined]
    return run


def _pct(x: float) -> str:
    return "n/a" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x * 100:.0f}%"


# -- corpus -------------------------------------------------------------------
def _coverage_plans(ctx: _Context) -> list[_Plan]:
    plans = []
    docs = ctx.table("documents")
    if docs is not None and {"outlet", "date"} <= set(docs.columns):
        def alt_timeline() -> str:
            n = docs.groupby("outlet").size()
            parts = "; ".join(f"{ctx.name(o)}: {plural(int(k), 'article')}" for o, k in sorted(n.items()))
            return f"Timeline of publication dates, one row per outlet. {parts}."
        plans.append(_Plan(
            "timeline", _fig(lambda: plot_timeline(docs, aliases=ctx.aliases, colors=ctx.colors)),
            "Each row is an outlet and each mark a day on which it published; bigger marks mean more articles "
            "that day. The number at the right counts the outlet's articles.",
            ctx.caveat("The chart shows the articles in this corpus, not everything the outlets published. "
                       "Articles without a date are counted at the right but not drawn."),
            alt_timeline,
        ))
    events = ctx.table("events")
    if events is not None and {"doc_id", "outlet", "event"} <= set(events.columns):
        sources = events["event_source"].value_counts() if "event_source" in events.columns else pd.Series(dtype=int)
        how_made = ("Events come from the corpus metadata." if set(sources.index) <= {"manifest", ""}
                    else "Events without a name in the metadata were grouped by the tool from similar wording "
                    "and close dates (named 'cluster-…' or 'single-…'); such groups can be wrong.")

        def alt_events() -> str:
            table, n_all = coverage_counts(_labelled_events(events))
            shared = int((table.gt(0).sum(axis=1) >= 2).sum())
            return (f"Matrix of {n_all} events by {table.shape[1]} outlets with the number of articles in each "
                    f"cell; {shared} of the events shown are covered by two or more outlets.")
        plans.append(_Plan(
            "event_coverage", _fig(lambda: plot_event_coverage(_labelled_events(events), aliases=ctx.aliases)),
            "Each row is an event and each column an outlet; a number is how many of that outlet's articles "
            "cover the event. Outlets in the same row wrote about the same event, so that is where their "
            "wording is best compared.",
            ctx.caveat(how_made, "A blank cell means no article in this corpus, not that the outlet ignored "
                       "the event."),
            alt_events,
        ))
    return plans


def _labelled_events(events: pd.DataFrame) -> pd.DataFrame:
    """Events whose name the tool made up get their top terms beside the name."""
    if "event_source" not in events.columns or "top_terms" not in events.columns:
        return events
    made = events["event_source"].fillna("").astype(str).isin(["cluster", "single"])
    terms = events["top_terms"].fillna("").astype(str).map(lambda s: ", ".join(s.split(", ")[:3]))
    label = events["event"].astype(str).where(~made | (terms == ""), events["event"].astype(str) + ": " + terms)
    return events.assign(event=label)


# -- naming -------------------------------------------------------------------
def _naming_plans(ctx: _Context, concept_labels: Mapping[str, str] | None) -> list[_Plan]:
    plans = []
    lean = ctx.table("naming_lean")
    if lean is not None and "pack" in lean.columns:
        packs = lean_packs(lean)
        for pack in packs:
            name = "naming_lean" if len(packs) == 1 else f"naming_lean_{pack}"

            def alt(pack: str = pack) -> str:
                t = lean[lean["pack"] == pack]
                parts = []
                for o, part in sorted(t.groupby("outlet"), key=lambda kv: str(kv[0])):
                    top = part.sort_values(["lean", "side"], ascending=[False, True]).head(2)
                    parts.append(f"{ctx.name(o)}: " + ", ".join(f"{side_label(s)} {_pct(v)}"
                                                             for s, v in zip(top["side"], top["lean"], strict=True)))
                return f"Stacked bars of the naming lean per outlet ({pack} lexicon). " + "; ".join(parts) + "."
            plans.append(_Plan(
                name, _fig(lambda pack=pack: plot_naming_lean(lean, aliases=ctx.aliases, pack=pack)),
                "Each bar is one outlet. The coloured parts show how much of its own wording (outside quotes) "
                "follows each side's way of naming places, actors and events, averaged over the concepts it names.",
                ctx.caveat(LEXICON, "Each concept counts equally, whether the outlet named it once or fifty times; "
                           "words inside quotes or scare quotes are left out."),
                alt,
            ))
    naming = ctx.table("naming")
    if naming is not None:
        plans.append(_Plan(
            "naming_shares",
            _fig(lambda: plot_naming_shares(naming, aliases=ctx.aliases, concept_labels=concept_labels)),
            "Under each concept (a place, actor or event with competing names), one bar per outlet shows which "
            "side's word the outlet used in its own voice; n is how many times it named the concept.",
            ctx.caveat(LEXICON, "Only concepts for which two sides' words occur are shown, most frequent first. "
                       "A bar with n=1 is a single word."),
            lambda: f"Stacked bars per concept and outlet showing the share of each side's names. {_naming_alt(ctx, naming)}",
        ))
        try:
            sides = heatmap_sides(naming)
        except (KeyError, ValueError):
            sides = []
        for side in sides:
            plans.append(_Plan(
                f"naming_heatmap_{side}",
                _fig(lambda side=side: plot_naming_heatmap(naming, side=side, aliases=ctx.aliases,
                                                           concept_labels=concept_labels)),
                f"Rows are outlets, columns concepts with competing names. A cell such as 4/10 means 4 of the "
                f"outlet's 10 own uses of that concept were the {side_label(side)}-side word; darker means a larger "
                "share, grey that the outlet never named the concept.",
                ctx.caveat(LEXICON, "Cells with a small n (1/1, 0/2) rest on one or two words."),
                lambda side=side: (f"Heatmap of outlets by concepts; each cell gives how many of the outlet's uses "
                                   f"of the concept were {side_label(side)}-side names."),
            ))
    terms, scare = ctx.table("terms"), ctx.table("scare_quotes")
    if terms is not None or scare is not None:
        def alt_scare() -> str:
            c = distancing_counts(terms, scare, ctx.table("documents"))
            parts = "; ".join(f"{ctx.name(o)}: {int(r['scare'])} scare quotes, {int(r['term_scare'])} terms in "
                              f"scare quotes, {int(r['distancing'])} distancing words" for o, r in c.iterrows())
            return f"Grouped bars per outlet. {parts}."
        plans.append(_Plan(
            "scare_quotes",
            _fig(lambda: plot_scare_quotes(terms, scare, documents=ctx.table("documents"), aliases=ctx.aliases)),
            "For each outlet, the bars count scare quotes (quotation marks that keep a word at a distance, as in "
            "Russian \u201cpeacekeepers\u201d), lexicon terms inside them, and terms after a distancing word such "
            "as \u201cso-called\u201d or \u201cself-proclaimed\u201d.",
            ctx.caveat("Counts grow with the number and length of articles, so compare outlets with similar "
                       "numbers of articles. Telling a scare quote from a short quotation is a rule of thumb and "
                       "can be wrong.", LEXICON),
            alt_scare,
        ))
    return plans


def _naming_alt(ctx: _Context, naming: pd.DataFrame) -> str:
    from .naming import authorial_counts, contested_concepts

    pairs = contested_concepts(naming)[:3]
    counts = authorial_counts(naming)
    parts = []
    for pack, concept in pairs:
        sub = counts[(counts["pack"] == pack) & (counts["concept"] == concept)]
        top = sub.groupby("side")["n_authorial"].sum().sort_values(ascending=False)
        parts.append(f"{concept.replace('_', ' ')}: " + ", ".join(f"{side_label(s)} {int(n)}" for s, n in top.items()))
    return ("Most frequent contested concepts (uses by side, all outlets): " + "; ".join(parts) + ".") if parts else ""


# -- voices -------------------------------------------------------------------
def _voice_plans(ctx: _Context) -> list[_Plan]:
    plans = []
    voices = ctx.table("voices")
    if voices is not None:
        def alt_sourcing() -> str:
            parts = [f"{ctx.name(r['outlet'])}: {_pct(r['share_named'])} named, {_pct(r['share_anonymous'])} "
                     f"anonymous, {_pct(r['share_unattributed'])} without a source ({int(r['n_quotes'])} quotes)"
                     for _, r in voices.sort_values("outlet").iterrows() if r["n_quotes"] > 0]
            return "Stacked bars per outlet. " + "; ".join(parts) + "."
        plans.append(_Plan(
            "sourcing", _fig(lambda: plot_sourcing(voices, aliases=ctx.aliases)),
            "Each bar splits an outlet's quotes into those from a named person or organisation, from an anonymous "
            "source (\u201can official said\u201d), and those for which no source could be found.",
            ctx.caveat("Speakers are found by rules: some are missed or wrong, especially when the speaker is "
                       "named paragraphs earlier."),
            alt_sourcing,
        ))
    vbs = ctx.table("voices_by_side")
    if vbs is not None:
        def alt_sides() -> str:
            parts = []
            for o, part in sorted(vbs.groupby("outlet"), key=lambda kv: str(kv[0])):
                total = part["n_quotes"].sum()
                if total <= 0:
                    continue
                top = part.sort_values(["n_quotes", "side"], ascending=[False, True]).head(3)
                parts.append(f"{ctx.name(o)}: " + ", ".join(f"{side_label(s)} {_pct(n / total)}"
                                                           for s, n in zip(top["side"], top["n_quotes"], strict=True)))
            return "Stacked bars of quotes by the speaker's side. " + "; ".join(parts) + "."
        plans.append(_Plan(
            "voices_by_side", _fig(lambda: plot_voices_by_side(vbs, aliases=ctx.aliases)),
            "For each outlet, the upper bar splits its quotes by the side the speaker belongs to, the lower bar "
            "its quoted words. 'Unknown' (hatched) means the speaker is not in the list of known actors.",
            ctx.caveat("A side is only given to speakers listed in lexicons/actors.yaml, never guessed: a large "
                       "'unknown' part means the list does not know the speakers, not that they are neutral."),
            alt_sides,
        ))
    if voices is not None and any(str(c).startswith("cue_") for c in voices.columns):
        def alt_cues() -> str:
            cols = [c for c in voices.columns if str(c).startswith("cue_")]
            parts = []
            for _, r in voices.sort_values("outlet").iterrows():
                total = sum(float(r[c]) for c in cols)
                if total > 0:
                    top = sorted(cols, key=lambda c: (-float(r[c]), c))[:2]
                    parts.append(f"{ctx.name(r['outlet'])}: " + ", ".join(
                        f"{c[4:].replace('_', ' ')} {_pct(float(r[c]) / total)}" for c in top))
            return "Stacked bars of attribution-verb classes per outlet. " + "; ".join(parts) + "."
        plans.append(_Plan(
            "cue_classes", _fig(lambda: plot_cue_classes(voices, aliases=ctx.aliases)),
            "Each bar splits an outlet's quotes by the verb that introduces them: neutral ('said'), endorsing "
            "('confirmed', 'noted'), distancing ('claimed', 'alleged'), confrontational ('accused', 'denied') "
            "and others.",
            ctx.caveat("Verb classes come from a fixed list, and a verb's force can depend on context. "
                       "'No verb' covers quotes without one, such as headlines and embedded posts."),
            alt_cues,
        ))
    return plans


# -- tone ---------------------------------------------------------------------
def _tone_plans(ctx: _Context) -> list[_Plan]:
    plans = []
    tone = ctx.table("tone")
    if tone is not None:
        def alt_tone() -> str:
            parts = []
            for o, part in sorted(tone.groupby("outlet"), key=lambda kv: str(kv[0])):
                p = part.set_index("voice")
                bits = [f"{v} {float(p.loc[v, 'mean']):+.2f}" for v in ("authorial", "quoted")
                        if v in p.index and pd.notna(p.loc[v, "mean"])]
                if bits:
                    parts.append(f"{ctx.name(o)}: " + ", ".join(bits))
            return "Dot plot of mean tone (VADER compound) per outlet. " + "; ".join(parts) + "."
        plans.append(_Plan(
            "tone", _fig(lambda: plot_tone(tone, aliases=ctx.aliases)),
            "Each row is an outlet. The filled dot is the average tone of its own sentences, the open diamond that "
            "of sentences quoting someone; left of the centre line is negative, right positive, and the grey band "
            "counts as neutral.",
            ctx.caveat(VADER, "War reporting reads as negative whatever its stance.", INTERVALS),
            alt_tone,
        ))
    at = ctx.table("actor_tone")
    if at is not None:
        def alt_actor() -> str:
            t = at[(at["voice"] == "authorial") & at["mean"].notna()]
            g = t.groupby("group")["n_sentences"].sum().sort_values(ascending=False).head(3)
            parts = []
            for grp in g.index:
                sub = t[t["group"] == grp].sort_values("outlet")
                parts.append(f"{grp}: " + ", ".join(f"{ctx.name(o)} {float(m):+.2f}"
                                                     for o, m in zip(sub["outlet"], sub["mean"], strict=True)))
            return "Dot plot of mean tone toward each actor group per outlet. " + "; ".join(parts) + "."
        for page in range(actor_tone_pages(at)):
            plans.append(_Plan(
                "actor_tone" if page == 0 else f"actor_tone_{page + 1}",
                _fig(lambda page=page: plot_actor_tone(at, aliases=ctx.aliases, colors=ctx.colors, page=page)),
                "Under each actor group, one dot per outlet shows the average tone of the outlet's own sentences "
                "that mention the group; whiskers show a 95% interval and n counts the sentences.",
                ctx.caveat(VADER, INTERVALS),
                alt_actor,
            ))
    return plans


def _readability_plans(ctx: _Context) -> list[_Plan]:
    rd = ctx.table("readability")
    if rd is None or "metric" not in rd.columns:
        return []

    def alt(metric: str) -> Callable[[], str]:
        def run() -> str:
            t = rd[(rd["metric"] == metric) & rd["mean"].notna()].sort_values("outlet")
            return (f"Dot plot of the mean {metric.replace('_', ' ')} per outlet: "
                    + "; ".join(f"{ctx.name(o)} {float(m):.1f}" for o, m in zip(t["outlet"], t["mean"], strict=True)) + ".")
        return run
    plans = []
    metrics = set(rd["metric"])
    if metrics & set(GRADE_METRICS):
        plans.append(_Plan(
            "readability", _fig(lambda: plot_readability(rd, aliases=ctx.aliases)),
            "Each mark is an outlet's average on a readability formula that estimates the US school grade needed "
            "to follow the text: higher means harder. The three formulas usually agree on the order.",
            ctx.caveat("The formulas only count sentence length, word length and syllables: they know nothing "
                       "of content or of how familiar the words are, and are unreliable for very short texts.",
                       INTERVALS),
            alt(next(m for m in GRADE_METRICS if m in metrics)),
        ))
    if "flesch_reading_ease" in metrics:
        plans.append(_Plan(
            "reading_ease", _fig(lambda: plot_readability(rd, aliases=ctx.aliases, metrics=("flesch_reading_ease",))),
            "Each dot is an outlet's average Flesch reading ease: 60–70 is plain English, below 30 is very hard "
            "(academic or legal prose).",
            ctx.caveat("The score only counts sentence length and syllables per word.", INTERVALS),
            alt("flesch_reading_ease"),
        ))
    return plans


# -- words --------------------------------------------------------------------
def _word_plans(ctx: _Context) -> list[_Plan]:
    dw = ctx.table("distinctive_words")
    if dw is None:
        dw = ctx.table("distinctive")
    if dw is None or "outlet" not in dw.columns:
        return []
    outlets = distinctive_outlets(dw)
    pair = len(outlets) == 2
    chunks = [outlets[:1]] if pair else [outlets[i:i + PANELS_PER_FIGURE] for i in range(0, len(outlets), PANELS_PER_FIGURE)]
    plans = []
    for k, chunk in enumerate(chunks):
        name = "distinctive_words" if k == 0 else f"distinctive_words_{k + 1}"

        def alt(chunk: list[str] = chunk) -> str:
            parts = []
            for o in chunk:
                t = dw[(dw["outlet"] == o) & (dw["z"] > 0)].sort_values(["z", "term"], ascending=[False, True]).head(5)
                parts.append(f"{ctx.name(o)}: " + ", ".join(map(str, t["term"])))
            return "Bars of the words most typical of each outlet (log-odds z-scores). " + "; ".join(parts) + "."
        plans.append(_Plan(
            name, lambda chunk=chunk, k=k: _distinctive_figure(dw, chunk, ctx, pair=pair, part=k),
            ("Bars to the right are words one outlet uses more than the other, bars to the left words the other "
             "uses more" if pair else
             "Each panel lists the words one outlet uses more than the other outlets together")
            + "; the longer the bar, the stronger the difference, and beyond the dashed line (z = 1.96) it is "
            "unlikely to be chance. The numbers are uses in the outlet : uses elsewhere.",
            ctx.caveat("Distinctive words often reflect which events an outlet covered rather than how it framed "
                       "them; compare outlets on the same event where possible. Words used only a few times can "
                       "stand out by chance."),
            alt,
        ))
    return plans


def _distinctive_figure(dw: pd.DataFrame, chunk: list[str], ctx: _Context, *, pair: bool, part: int) -> MplFigure:
    if pair:
        return plot_distinctive(dw, outlet=chunk[0], aliases=ctx.aliases, colors=ctx.colors).figure
    ncols = 1 if len(chunk) == 1 else 2
    nrows = math.ceil(len(chunk) / ncols)
    top = 8
    with chart_style():
        fig = MplFigure(figsize=(WIDTH, min(0.9 + nrows * (0.6 + 0.24 * top), 11.0)), layout="constrained")
        axes = fig.subplots(nrows, ncols, squeeze=False).ravel()
        drawn = 0
        for ax, o in zip(axes, chunk, strict=False):
            try:
                plot_distinctive(dw, outlet=o, ax=ax, aliases=ctx.aliases, top=top, colors=ctx.colors, compact=True)
                drawn += 1
            except EmptyChartError:
                ax.set_axis_off()
                ax.set_title(f"{ctx.name(o)}: no distinctive words", fontsize=9)
        for ax in axes[len(chunk):]:
            ax.set_axis_off()
        if not drawn:
            raise EmptyChartError("distinctive_words: no words for any outlet")
        more = f" (part {part + 1})" if part else ""
        fig.suptitle("Words that set each outlet apart" + more, x=0.02, ha="left", fontsize=11, fontweight="bold")
    return fig
