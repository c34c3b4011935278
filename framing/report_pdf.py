"""The PDF report: title page, findings, charts, naming tables, annotated excerpts, methods.

:func:`render_pdf` lays out a :class:`~framing.reportdata.ReportData`; it
computes nothing a table does not hold. Parts whose tables are missing or
empty are replaced by a sentence saying what is missing. In blind mode every
outlet name (in titles, article text, speakers and findings) is replaced by
its blind name, and authors and URLs are left out. The same input gives the
same bytes (fixed creation date, file id from the content).

References:
    Hutto, C. J. & Gilbert, E. (2014). VADER: a parsimonious rule-based model for
    sentiment analysis of social media text. ICWSM.
    Newell, C., Cowlishaw, T. & Man, D. (2018). Quote extraction and analysis for
    news. KDD DSJM workshop (the quote-attribution scoring the accuracy figures follow).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from . import __version__
from .blind import Masker, masker_for
from .excerpts import (
    MARKER_CATEGORIES,
    Excerpt,
    annotated_runs,
    concept_label,
    concepts_of,
    packs_of,
    pick_excerpts,
    quote_line,
    side_labels,
    table,
    term_lines,
    text_of,
)
from .pdfdoc import (
    GREY,
    LINE_H,
    PdfDoc,
    Run,
    box_height,
    boxed,
    draw_table,
    pdf_bytes,
    side_code,
    side_fill,
)

if TYPE_CHECKING:
    from .lexicon import Concept
    from .model import Document
    from .reportdata import Figure, ReportData

#: Quote-attribution accuracy shown in the methods appendix unless ``data.extra["quote_accuracy"]``
#: gives newer figures (same keys). Source: bench/eval_quotes.py on the PolNeAR dev split.
QUOTE_ACCURACY: dict[str, Any] = {
    "corpus": "84 hand-annotated US political news articles (PolNeAR, dev split)",
    "quote_precision": 0.938, "quote_recall": 0.914, "speaker_accuracy": 0.923, "verb_accuracy": 0.901,
    "indirect_recall": 0.459,
}
CATEGORY_GROUPS: list[tuple[str, tuple[str, ...]]] = [
    ("Places", ("place",)),
    ("Regions, polities and corridors", ("region", "polity", "corridor")),
    ("Armed groups and other actors", ("actor",)),
    ("Peoples", ("ethnonym", "people")),
    ("Events", ("event",)),
    ("Peacekeeping and missions", ("mission",)),
    ("Labels, epithets and slogans", ("label", "epithet", "slogan", "heritage")),
]
MAX_TABLE_OUTLETS = 5


def new_pdf(data: ReportData) -> PdfDoc:
    """The empty document :func:`render_pdf` fills (fonts loaded), made early to gain time."""
    mask = masker_for(data)
    return PdfDoc(title=mask(data.title) or "framing report", footer=mask(data.title))


def render_pdf(data: ReportData, *, pdf: PdfDoc | None = None) -> bytes:
    """Render the report as PDF bytes (same input → same bytes).

    Args:
        data: What to show (tables, figures, findings, blind names).
        pdf: An untouched document from :func:`new_pdf` for the same ``data`` (default: a new one).

    Returns:
        The PDF file's bytes.
    """
    ctx = _Context(data)
    pdf = new_pdf(data) if pdf is None else pdf
    _title_page(pdf, ctx)
    _findings(pdf, ctx)
    _figures(pdf, ctx)
    _naming(pdf, ctx)
    _excerpts(pdf, ctx)
    _methods(pdf, ctx)
    return pdf_bytes(pdf)


class _Context:
    """What every section needs: the data, the masker, the lexicons."""

    def __init__(self, data: ReportData) -> None:
        self.data = data
        self.mask: Masker = masker_for(data)
        self.packs = packs_of(data)
        self.concepts: dict[tuple[str, str], Concept] = concepts_of(self.packs)
        self.sides = side_labels(self.packs)
        self.outlets = sorted({d.outlet for d in data.documents}, key=lambda o: (data.shown(o), o))
        self.docs_of: dict[str, list[Document]] = {}
        for d in data.documents:
            self.docs_of.setdefault(d.outlet, []).append(d)

    def shown(self, outlet: str) -> str:
        return self.data.shown(outlet)


# -- title page and findings -------------------------------------------------
def date_range(docs: list[Document]) -> str:
    """``2020-10-08 to 2023-12-21`` (days only), one date, or "no dates"."""
    days = sorted(d.date[:10] for d in docs if d.date)
    if not days:
        return "no dates"
    return days[0] if days[0] == days[-1] else f"{days[0]} to {days[-1]}"


def _title_page(pdf: PdfDoc, ctx: _Context) -> None:
    data = ctx.data
    docs = data.documents
    pdf.add_page()
    pdf.ln(18)
    pdf.para(ctx.mask(data.title) or "framing report", style="B", size=24, h=11, gap=3)
    pdf.para("How outlets name places, actors and events, whom they quote, and how they write.", size=12, colour=GREY, gap=8)
    events = sorted({d.event for d in docs if d.event})
    facts = (f"{len(docs)} article{'s' if len(docs) != 1 else ''} from {len(ctx.outlets)} outlet"
             f"{'s' if len(ctx.outlets) != 1 else ''}, {date_range(docs)}"
             + (f"; {len(events)} event{'s' if len(events) != 1 else ''}." if events else "."))
    pdf.para(facts, size=11, gap=4)
    if data.blind:
        pdf.para("Blind version: outlet names are hidden and shown as Outlet A, Outlet B, …; "
                 "authors and web addresses are left out.", style="I", gap=4)
    if not docs:
        pdf.para("This corpus has no articles after cleaning: there is nothing to report.", style="B")
        return
    rows = []
    for o in ctx.outlets:
        ds = ctx.docs_of[o]
        rows.append([[Run(ctx.shown(o), "B")], [Run(str(len(ds)))], [Run(date_range(ds))],
                     [Run(f"{sum(d.n_words for d in ds):,}")]])
    pdf.heading("Outlets", level=2, outline=False)
    draw_table(pdf, ["Outlet", "Articles", "Dates", "Words"], rows, [80, 22, 50, 22], size=9)
    lex = [x for x in data.lexicons if x]
    if lex:
        pdf.heading("Lexicons used", level=2, outline=False)
        lrows = []
        for x in lex:
            what = (f"{x.get('actors', '?')} actors" if x.get("kind") == "actors"
                    else f"{x.get('concepts', '?')} concepts, {x.get('terms', '?')} terms")
            lrows.append([[Run(text_of(x.get("pack")), "B")], [Run(text_of(x.get("version")))],
                          [Run(text_of(x.get("kind")))], [Run(what)]])
        draw_table(pdf, ["Pack", "Version", "Kind", "Contents"], lrows, [50, 22, 30, 72], size=9)
    pdf.heading("In this report", level=2, outline=False)
    pdf.bullets(["Key findings, in plain language",
                 f"Charts ({len(data.figures)}), each with how to read it and its caveats",
                 "What each outlet calls things: naming tables, side by side",
                 "Annotated excerpts: terms, scare quotes and quotes with their speakers",
                 "Methods and limitations"], size=9.5)
    version = text_of(data.analysis.run.get("framing_version")) or __version__
    pdf.para(f"Made with framing {version}. Every number in this report can be traced to the sentence it "
             "came from in the tables of the run folder.", size=8.5, colour=GREY)


def _findings(pdf: PdfDoc, ctx: _Context) -> None:
    data = ctx.data
    pdf.add_page()
    pdf.heading("Key findings")
    if data.findings:
        pdf.bullets([ctx.mask(f.text) for f in data.findings], numbered=True)
    else:
        pdf.para("No findings could be drawn: the analysis found too few lexicon terms, quotes or articles "
                 "per outlet to compare outlets.")
    n = len(data.documents)
    single = [ctx.shown(o) for o in ctx.outlets if len(ctx.docs_of[o]) == 1]
    note = (f"These findings rest on {n} article{'s' if n != 1 else ''}. A difference between outlets in a "
            "handful of articles can be one writer's choice on one day rather than the outlet's habit.")
    if single and len(single) == len(ctx.outlets) > 1:
        note += " Every outlet here is represented by a single article."
    elif single:
        note += f" {_join(single)} {'is' if len(single) == 1 else 'are'} represented by a single article."
    pdf.ln(2)
    boxed(pdf, [Run("Read with care. ", "B"), Run(note)], size=9.5)


def _join(items: list[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# -- charts -------------------------------------------------------------------
def _figures(pdf: PdfDoc, ctx: _Context) -> None:
    figures = ctx.data.figures
    pdf.add_page()
    pdf.heading("Charts")
    if not figures:
        pdf.para("No charts were made for this corpus (too few articles, terms or quotes to plot).")
        return
    for i, fig in enumerate(figures):
        if i:
            pdf.add_page()
        _figure_page(pdf, ctx, fig)


def _figure_page(pdf: PdfDoc, ctx: _Context, fig: Figure) -> None:
    pdf.heading(ctx.mask(fig.title), level=1)
    path = ctx.data.outdir / fig.path
    size = _png_size(path)
    if size is None:
        pdf.para(f"(The chart file {fig.path} is missing.)", style="I", colour=GREY)
    else:
        w_px, h_px = size
        text_room = 62.0
        max_h = max(pdf.bottom - pdf.get_y() - text_room, 60.0)
        w = pdf.epw
        h = w * h_px / w_px
        if h > max_h:
            h, w = max_h, max_h * w_px / h_px
        x = pdf.l_margin + (pdf.epw - w) / 2
        pdf.png(path, x=x, y=pdf.get_y(), w=w, h=h, alt_text=ctx.mask(fig.alt or fig.title))
        pdf.set_y(pdf.get_y() + h + 4)
    if fig.how_to_read:
        pdf.labelled("How to read this.", ctx.mask(fig.how_to_read))
    if fig.caveats:
        pdf.labelled("Caveats.", ctx.mask(fig.caveats))


def _png_size(path: Any) -> tuple[int, int] | None:
    try:
        from PIL import Image

        with Image.open(path) as im:
            return im.size
    except (OSError, ValueError):
        return None


# -- naming tables --------------------------------------------------------------
def event_of(data: ReportData) -> dict[str, str]:
    """doc_id → event: ``data.extra["events"]`` (doc_id, event columns) when present, else the documents'."""
    out = {d.id: d.event for d in data.documents}
    ev = data.extra.get("events")
    if ev is not None and hasattr(ev, "columns") and {"doc_id", "event"} <= set(ev.columns):
        for rec in ev[["doc_id", "event"]].to_dict("records"):
            if text_of(rec["event"]):
                out[str(rec["doc_id"])] = text_of(rec["event"])
    return out


def naming_cells(terms: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Counter[tuple[str, str, bool]]]]:
    """(pack, concept) → outlet → Counter of (term, side, scare-quoted) over the outlet's own uses."""
    out: dict[tuple[str, str], dict[str, Counter[tuple[str, str, bool]]]] = {}
    for t in terms:
        voice = text_of(t.get("voice"))
        if voice not in ("authorial", "scare-quoted") or text_of(t.get("category")) in MARKER_CATEGORIES:
            continue
        key = (text_of(t.get("pack")), text_of(t.get("concept")))
        cell = out.setdefault(key, {}).setdefault(text_of(t.get("outlet")), Counter())
        cell[(text_of(t.get("term")), text_of(t.get("side")), voice == "scare-quoted")] += 1
    return out


def _naming(pdf: PdfDoc, ctx: _Context) -> None:
    data = ctx.data
    pdf.add_page()
    pdf.heading("What each outlet calls things")
    terms = table(data, "terms")
    if terms.empty:
        pdf.para("No lexicon term was found in these articles, so there is no naming table. The lexicon "
                 "decides what is counted: see the methods appendix.")
        return
    pdf.para("Each row is a place, group or event that the sides name differently; each column shows the "
             "words one outlet used in its own voice, with how often. Words inside someone's quotation are "
             "left out (they are the speaker's choice); words the outlet puts in scare quotes are shown “like "
             "this”, in italics. The shading and code say whose usage a word is, according to the lexicon:")
    used_sides = sorted(set(terms["side"].astype(str)), key=lambda s: (list(ctx.sides).index(s) if s in ctx.sides else 99, s))
    pdf.swatch_legend([(s, ctx.sides.get(s, s)) for s in used_sides])
    pdf.ln(2)
    events = event_of(data)
    records = terms.to_dict("records")
    groups = _naming_groups(data, events)
    for title, note, doc_ids in groups:
        rows = [r for r in records if str(r["doc_id"]) in doc_ids]
        outlets = [o for o in ctx.outlets if any(d.id in doc_ids for d in ctx.docs_of[o])]
        pdf.heading(title, level=1)
        if note:
            pdf.para(note, size=9, colour=GREY)
        _naming_table(pdf, ctx, rows, outlets, doc_ids)


def _naming_groups(data: ReportData, events: dict[str, str]) -> list[tuple[str, str, set[str]]]:
    by_event: dict[str, set[str]] = {}
    outlets_of: dict[str, set[str]] = {}
    for d in data.documents:
        ev = events.get(d.id, "")
        by_event.setdefault(ev, set()).add(d.id)
        outlets_of.setdefault(ev, set()).add(d.outlet)
    all_ids = {d.id for d in data.documents}
    if len(by_event) <= 1:
        (ev,) = by_event or {"": set()}
        return [(f"Event: {ev}" if ev else "All articles", "", all_ids)]
    shared = [ev for ev in sorted(by_event) if ev and len(outlets_of[ev]) >= 2]
    out = [(f"Event: {ev}", f"{len(outlets_of[ev])} outlets, {len(by_event[ev])} articles.", by_event[ev]) for ev in shared]
    note = ("All articles together. " + ("No event in this corpus is covered by more than one outlet, so outlets "
            "are compared across different events: a difference may come from the event, not only from the outlet."
            if not shared else "Differences here may also come from the outlets covering different events."))
    out.append(("All articles", note, all_ids))
    return out


def _naming_table(pdf: PdfDoc, ctx: _Context, rows: list[dict[str, Any]], outlets: list[str], doc_ids: set[str]) -> None:
    cells = naming_cells(rows)
    if not cells:
        pdf.para("No contested name in the outlets' own words here.", style="I", colour=GREY)
        return
    order = {c: i for i, (_, cats) in enumerate(CATEGORY_GROUPS) for c in cats}
    cat_of = {(text_of(r["pack"]), text_of(r["concept"])): text_of(r.get("category")) for r in rows}
    keys = sorted(cells, key=lambda k: (order.get(cat_of.get(k, ""), 99), -len(cells[k]),
                                        concept_label(ctx.concepts, *k).lower()))
    n_docs = {o: sum(1 for d in ctx.docs_of[o] if d.id in doc_ids) for o in outlets}
    for lo in range(0, len(outlets), MAX_TABLE_OUTLETS):
        chunk = outlets[lo : lo + MAX_TABLE_OUTLETS]
        label_w = 44.0
        col_w = (pdf.epw - label_w) / len(chunk)
        header = ["Named thing"] + [f"{ctx.shown(o)} ({n_docs[o]} art.)" for o in chunk]
        body, bands, last_group = [], {}, None
        for k in keys:
            if not any(o in cells[k] for o in chunk):
                continue
            group = next((g for g, cats in CATEGORY_GROUPS if cat_of.get(k, "") in cats), "Other")
            if group != last_group:
                bands[len(body)] = group
                last_group = group
            body.append([[Run(concept_label(ctx.concepts, *k))]] + [_cell_runs(cells[k].get(o)) for o in chunk])
        draw_table(pdf, header, body, [label_w] + [col_w] * len(chunk), size=8, group_rows=bands)


def _cell_runs(counts: Counter[tuple[str, str, bool]] | None) -> list[Run]:
    if not counts:
        return [Run("–", colour=GREY)]
    runs: list[Run] = []
    for (term, side, scare), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0].lower(), kv[0][1])):
        if runs:
            runs.append(Run("\n"))
        word = f"“{term}”" if scare else term
        runs += [Run(word, "I" if scare else "", fill=side_fill(side)),
                 Run(f" {side_code(side)} ×{n}", colour=GREY, size=6.8)]
    return runs


# -- excerpts -------------------------------------------------------------------
def _excerpts(pdf: PdfDoc, ctx: _Context) -> None:
    data = ctx.data
    pdf.add_page()
    pdf.heading("Annotated excerpts")
    excerpts = pick_excerpts(data, per_outlet=2, limit=12, outlets=ctx.outlets)
    if not excerpts:
        pdf.para("No passage has lexicon terms, scare quotes or attributed quotes to show.")
        return
    pdf.para("Passages chosen because they hold many of the things the analysis counts. Terms are shaded by "
             "whose usage they are; scare quotes are bold and red; distancing words (so-called, "
             "self-proclaimed) are red italics; quotes are underlined and numbered, their speakers in bold. "
             "The key under each passage says what each mark is.", size=9.5)
    pdf.swatch_legend([(s, ctx.sides[s]) for s in ctx.sides if s != "unknown"])
    pdf.ln(3)
    for ex in excerpts:
        _excerpt(pdf, ctx, ex)


def _excerpt(pdf: PdfDoc, ctx: _Context, ex: Excerpt) -> None:
    doc = ex.doc
    title = ctx.mask(doc.title) or "(untitled article)"
    runs = annotated_runs(ex, masker=ctx.mask, size=9.5)
    pdf.need(14 + min(box_height(pdf, runs, size=9.5), 90))
    pdf.heading(f"{ctx.shown(doc.outlet)}: {title}", level=2, outline=False)
    meta = [doc.date[:10] if doc.date else "", ctx.mask(doc.event),
            "" if ctx.data.blind else doc.url, f"sentences {ex.first + 1}–{ex.last + 1}"]
    pdf.para(" · ".join(m for m in meta if m), size=8, colour=GREY, gap=1)
    boxed(pdf, runs, size=9.5)
    lines = term_lines(ex, ctx.concepts, ctx.sides, ctx.mask)
    lines += [quote_line(n, q, ctx.mask) for n, q in enumerate(ex.quotes, 1)]
    if lines:
        pdf.bullets(lines, size=8)
    pdf.ln(3)


# -- methods --------------------------------------------------------------------
def _methods(pdf: PdfDoc, ctx: _Context) -> None:
    data = ctx.data
    pdf.add_page()
    pdf.heading("Methods and limitations")
    naming = [p for p in ctx.packs if p.kind == "naming"]
    pack_text = "; ".join(f"{p.name} {p.version} ({len(p.concepts)} concepts, {p.n_terms} spellings)" for p in naming)
    sections: list[tuple[str, list[str]]] = [
        ("The lexicon decides what is counted", [
            "framing counts only the words listed in its lexicon packs" + (f" ({pack_text})" if pack_text else "")
            + ". A name that is not in a pack is invisible to it, however loaded it is; and which side a word "
            "signals is a judgement made in the pack, with its sources noted there. Read the naming tables as "
            "'how often each listed word was used', not as a full account of an outlet's language.",
            "Some words are shared by several sides or changed meaning over time; the packs mark them as "
            "neutral or weak signals.",
        ]),
        ("Whose word is it", [
            "Each hit is given a voice: the outlet's own (authorial), inside someone's quoted speech, put in "
            "scare quotes by the outlet (a sign of distance: Russian “peacekeepers”), or only mentioned as a "
            "word. Naming profiles count the outlet's own voice; a word inside a quote is the speaker's choice.",
        ]),
        ("How quotes are attributed, and how accurately", [
            "Quotes are found from quotation marks and from reporting verbs (said, claimed, according to); the "
            "speaker is the name or description next to the verb, with pronouns resolved to the latest speaker, "
            "and the speaker's side comes only from the actors list, never from a guess. " + _accuracy_text(data),
            "Reporting verbs are grouped in classes: neutral (said), distancing (claimed, alleged), endorsing "
            "(confirmed, revealed) and others. The verb an outlet chooses can lend or withdraw credit.",
        ]),
        ("What tone scores can misread", [
            "Tone comes from VADER, a word-list method built for short social-media posts. It scores words, not "
            "meaning: it misses sarcasm and irony ('a great success for the peacekeepers'), can misjudge how far "
            "a negation reaches ('not only a defeat but …'), and treats domain words as emotion: 'attack', "
            "'killed' and 'war' are negative whoever is attacked, 'peace' in 'peacekeepers' reads as positive, "
            "'liberation' as good news. War reporting is negative almost everywhere, so compare outlets with "
            "each other, not with zero; and a quoted sentence carries the speaker's tone, not the outlet's.",
        ]),
        ("Readability", [
            "Readability formulas count sentence length and word length or syllables. They say how hard the "
            "prose is to read, not how good or fair it is, and lists, headlines or captions left in the text "
            "can move them.",
        ]),
        ("Why one article is not a pattern", [
            _sample_text(ctx),
            "Differences between outlets are shown with the number of articles behind them; intervals are drawn "
            "only where an outlet has at least two articles. Where outlets covered different events, a difference "
            "may come from the event rather than from the outlet.",
        ]),
    ]
    lex = ", ".join(f"{text_of(x.get('pack'))} {text_of(x.get('version'))} (sha256 {text_of(x.get('sha256'))[:12]})"
                    for x in data.lexicons if x)
    version = text_of(data.analysis.run.get("framing_version")) or __version__
    sections.append(("Reproducing this report", [
        f"framing {version}" + (f"; lexicons: {lex}" if lex else "") + ". The run folder holds every table and "
        "run.json (versions and hashes of every input). The same input gives the same report, byte for byte: no "
        "time of creation is recorded."]))
    for title, paras in sections:
        pdf.heading(title, level=1, keep=pdf.keep_height(paras[0], size=9))
        for p in paras:
            pdf.para(p, size=9, gap=1.5)
    pdf.ln(LINE_H)


def _accuracy_text(data: ReportData) -> str:
    acc = {**QUOTE_ACCURACY, **(data.extra.get("quote_accuracy") or {})}
    return (f"Measured on {acc['corpus']}: quotes in quotation marks are found with precision "
            f"{acc['quote_precision']:.2f} and recall {acc['quote_recall']:.2f}; the speaker is right for "
            f"{acc['speaker_accuracy']:.0%} of found quotes and the verb for {acc['verb_accuracy']:.0%}. Reported "
            f"speech without quotation marks is found less often (recall {acc['indirect_recall']:.2f}), so counts "
            "of voices are lower bounds, and some speakers in the excerpts may be wrong.")


def _sample_text(ctx: _Context) -> str:
    n = len(ctx.data.documents)
    per = sorted(len(ds) for ds in ctx.docs_of.values())
    text = (f"This corpus has {n} article{'s' if n != 1 else ''} from {len(per)} outlet{'s' if len(per) != 1 else ''}"
            + (f" (from {per[0]} to {per[-1]} per outlet)" if per and per[0] != per[-1] else "") + ". ")
    return text + ("One article shows what one writer chose on one day. A pattern needs many articles per "
                   "outlet, on the same events, over time; with few articles, treat every difference here as a "
                   "question to check, not an answer.")
