"""The offline HTML explorer: one self-contained page per report.

:func:`render_html` lays out a :class:`~framing.reportdata.ReportData` as a
single HTML file: the corpus summary, the findings, the charts (PNG embedded
as ``data:`` URIs) with their reading notes, and every article with its
lexicon terms coloured by side, its scare quotes boxed and its quotations
underlined, each explained on hover and on keyboard focus. Filters by outlet,
side and concept run in one small inline script; without it everything is
shown.

The page is safe to open whatever the articles contain: every piece of text
that comes from the input (article text, titles, outlet names, URLs, speaker
names, lexicon notes) is escaped, only ``http(s)`` URLs become links, and a
Content-Security-Policy allows nothing but the page's own style and script
(by hash) and embedded images: no network access of any kind.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .html_report.articles import ArticleRows, Keys, group_rows, render_article
from .html_report.labels import keys_for, lexicon_info, side_colours, side_name, side_order, tint
from .html_report.spans import esc

if TYPE_CHECKING:
    from .html_report.labels import LexiconInfo
    from .reportdata import Figure, ReportData

__all__ = ["render_html", "content_security_policy"]

#: Articles are shown expanded when there are at most this many.
OPEN_UP_TO = 12
#: The table of outlets is folded away when there are more outlets than this.
FOLD_OUTLETS_OVER = 15
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _asset(name: str) -> str:
    return resources.files("framing").joinpath(f"data/{name}").read_text(encoding="utf-8")


def csp_hash(source: str) -> str:
    """The CSP source expression allowing an inline element with this exact content."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(style: str, script: str) -> str:
    """The page's policy: its own style and script (by hash), embedded images, nothing else.

    References:
        W3C, Content Security Policy Level 3, §2.3.1 (hash sources) and §6
        (directives). https://www.w3.org/TR/CSP3/
    """
    return (
        "default-src 'none'; img-src data:; "
        f"style-src {csp_hash(style)}; script-src {csp_hash(script)}; "
        "base-uri 'none'; form-action 'none'"
    )


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _day(date: str) -> str:
    return date[:10]


# ----------------------------------------------------------------- sections


def _summary(data: ReportData, words: dict[int, int]) -> str:
    docs = data.documents
    by_outlet: dict[str, list] = {}
    for d in docs:
        by_outlet.setdefault(d.outlet, []).append(d)
    rows = []
    for outlet in sorted(by_outlet, key=lambda o: (data.shown(o).casefold(), o)):
        ds = by_outlet[outlet]
        dates = sorted(_day(d.date) for d in ds if d.date)
        first, last = (dates[0], dates[-1]) if dates else ("—", "—")
        rows.append(
            f'<tr><td class="user">{esc(data.shown(outlet))}</td><td class="num">{len(ds)}</td>'
            f'<td class="num">{sum(words[id(d)] for d in ds):,}</td><td class="date">{esc(first)}</td>'
            f'<td class="date">{esc(last)}</td></tr>'
        )
    table = (
        '<div class="table-wrap"><table><caption class="note">Articles per outlet</caption><thead><tr>'
        '<th scope="col">Outlet</th><th scope="col" class="num">Articles</th><th scope="col" class="num">Words</th>'
        '<th scope="col">First date</th><th scope="col">Last date</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
    if len(rows) > FOLD_OUTLETS_OVER:
        table = f"<details><summary>Articles per outlet ({len(rows)} outlets)</summary>{table}</details>"
    parts = ['<section id="summary" aria-labelledby="h-summary"><h2 id="h-summary">The corpus</h2>', table]
    if data.blind:
        parts.append('<p class="note">Outlet names are hidden (blind mode); links and bylines are left out.</p>')
    parts.append(_lexicon_table(data))
    parts.append("</section>")
    return "".join(parts)


def _corpus_sentence(data: ReportData) -> str:
    docs = data.documents
    dates = sorted(_day(d.date) for d in docs if d.date)
    outlets = {d.outlet for d in docs}
    events = {d.event for d in docs if d.event}
    text = f"{_plural(len(docs), 'article')} from {_plural(len(outlets), 'outlet')}"
    if dates:
        text += f", dated {esc(dates[0])}" + (f" to {esc(dates[-1])}" if dates[-1] != dates[0] else "")
    if len(dates) < len(docs):
        text += f" ({len(docs) - len(dates)} without a date)"
    if events:
        text += f", covering {_plural(len(events), 'event')}"
    return text + "."


def _lexicon_table(data: ReportData) -> str:
    lexicons = data.lexicons or list(getattr(data.analysis, "run", {}).get("lexicons", []))
    if not lexicons:
        return '<p class="missing">No lexicon packs are recorded for this run.</p>'
    rows = []
    for lex in lexicons:
        if not isinstance(lex, dict):
            continue
        size = []
        for key, word in (("concepts", "concept"), ("terms", "spelling"), ("actors", "actor")):
            if isinstance(lex.get(key), int):
                size.append(_plural(lex[key], word))
        rows.append(
            f'<tr><td class="user">{esc(lex.get("pack", lex.get("name", "")))}</td><td>{esc(lex.get("version", ""))}</td>'
            f'<td>{esc(lex.get("kind", ""))}</td><td>{esc(", ".join(size))}</td></tr>'
        )
    return (
        '<div class="table-wrap"><table><caption class="note">Lexicon packs used: only the words listed in them are counted'
        '</caption><thead><tr><th scope="col">Pack</th><th scope="col">Version</th><th scope="col">Kind</th>'
        f'<th scope="col">Size</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
    )


def _findings(data: ReportData) -> str:
    head = '<section id="findings" aria-labelledby="h-findings"><h2 id="h-findings">Key findings</h2>'
    if not data.findings:
        return head + '<p class="missing">No findings were generated for this report.</p></section>'
    items = "".join(
        "<li>" + (f'<span class="topic">{esc(f.topic)}</span>' if f.topic else "") + f"{esc(f.text)}</li>"
        for f in data.findings
    )
    note = ('<p class="note">Each finding is a count from the tables, not a verdict: '
            "one article is not a pattern, and the lexicon decides what is counted.</p>")
    return f'{head}<ol class="findings">{items}</ol>{note}</section>'


def _figure(data: ReportData, fig: Figure, index: int) -> str:
    fid = f"fig-{index + 1}"
    try:
        raw = (Path(data.outdir) / fig.path).read_bytes()
    except OSError:
        raw = b""
    if raw.startswith(_PNG_MAGIC):
        uri = "data:image/png;base64," + base64.b64encode(raw).decode("ascii")
        img = f'<img src="{uri}" alt="{esc(fig.alt or fig.title)}">'
        head_class = ' class="sr-only"'  # the chart carries its own title
    else:
        img = f'<p class="missing">The chart file {esc(fig.path)} is missing or is not a PNG image.</p>'
        head_class = ""
    notes = ""
    if fig.how_to_read:
        notes += f"<dt>How to read this</dt><dd>{esc(fig.how_to_read)}</dd>"
    if fig.caveats:
        notes += f"<dt>Caveats</dt><dd>{esc(fig.caveats)}</dd>"
    return (
        f'<figure class="chart" id="{fid}" aria-labelledby="{fid}-h"><h3 id="{fid}-h"{head_class}>{esc(fig.title)}</h3>{img}'
        f"<figcaption><dl>{notes}</dl></figcaption></figure>"
    )


def _figures(data: ReportData) -> str:
    head = '<section id="charts" aria-labelledby="h-charts"><h2 id="h-charts">Charts</h2>'
    if not data.figures:
        return head + '<p class="missing">No charts in this report.</p></section>'
    toc = "".join(f'<li><a class="int" href="#fig-{i + 1}">{esc(f.title)}</a></li>' for i, f in enumerate(data.figures))
    body = "".join(_figure(data, f, i) for i, f in enumerate(data.figures))
    return f'{head}<nav class="noprint" aria-label="Charts"><ul>{toc}</ul></nav>{body}</section>'


def _legend(sides: list[str], keys: Keys, info: LexiconInfo) -> str:
    items = "".join(
        f'<li><span class="swatch sd-{esc(keys.sides[s])}" aria-hidden="true"></span>{esc(side_name(s, info.side_labels))}</li>'
        for s in sides
    )
    marks = (
        '<li><span class="term sd-legend">term</span> lexicon word, coloured by the side whose usage it is</li>'
        '<li><span class="scare">“word”</span> in scare quotes</li>'
        '<li><span class="quote sd-legend">quoted words</span> direct quotation (colour: speaker\'s side)</li>'
        '<li><span class="quote reported sd-legend">reported speech</span> paraphrase</li>'
    )
    return (
        f'<ul class="legend" aria-label="Colours: sides">{items}</ul>'
        f'<ul class="legend" aria-label="Marks">{marks}</ul>'
        '<p class="note noprint">Hover over a highlight, or move to it with the Tab key, to see why it counts'
        " (Esc hides it).</p>"
    )


def _select(name: str, label: str, options: list[tuple[str, str]]) -> str:
    opts = "".join(f'<option value="{esc(v)}">{esc(t)}</option>' for v, t in options)
    return f'<label for="f-{name}">{label}<select id="f-{name}"><option value="">All</option>{opts}</select></label>'


def _filters(data: ReportData, keys: Keys, info: LexiconInfo, sides: list[str],
             concept_counts: Counter[tuple[str, str]]) -> str:
    counts = Counter(d.outlet for d in data.documents)
    outlets = sorted(counts, key=lambda o: (data.shown(o).casefold(), o))
    outlet_opts = [(keys.outlets[o], f"{data.shown(o)} ({counts[o]})") for o in outlets]
    side_opts = [(keys.sides[s], side_name(s, info.side_labels)) for s in sides]
    concept_opts = sorted(
        ((keys.concepts[c], f"{info.concept_label(*c)} ({n})") for c, n in concept_counts.items()),
        key=lambda kv: (kv[1].casefold(), kv[0]),
    )
    return (
        '<div id="filters" class="filters" hidden role="group" aria-label="Filters">'
        + _select("outlet", "Outlet", outlet_opts)
        + _select("side", "Side", side_opts)
        + _select("concept", "Concept", concept_opts)
        + '<span class="buttons"><button type="button" id="f-reset">Show all</button>'
        '<button type="button" id="f-expand">Expand all</button>'
        '<button type="button" id="f-collapse">Collapse all</button></span></div>'
        '<p id="f-status" class="status" role="status" aria-live="polite"></p>'
    )


def _articles(data: ReportData, info: LexiconInfo, words: dict[int, int]) -> tuple[str, list[str], Keys]:
    tables = data.analysis.tables
    terms = group_rows(tables.get("terms"))
    quotes = group_rows(tables.get("quotes"))
    scare = group_rows(tables.get("scare_quotes"), where=("kind", "scare"))
    side_set: set[str] = set()
    concept_counts: Counter[tuple[str, str]] = Counter()
    for rows in terms.values():
        for r in rows:
            side_set.add(str(r.get("side") or ""))
        # articles per concept, as the outlet filter counts articles per outlet
        concept_counts.update({(str(r.get("pack") or ""), str(r.get("concept") or "")) for r in rows})
    for rows in quotes.values():
        side_set.update(str(r.get("side") or "unknown") for r in rows)
    for rows in scare.values():
        side_set.update(str(r.get("side")) for r in rows if r.get("side") == r.get("side") and r.get("side"))
    side_set.discard("")
    sides = side_order(side_set)
    outlets = sorted({d.outlet for d in data.documents})
    concepts = sorted(concept_counts)
    keys = Keys(
        outlets={o: f"o{i + 1}" for i, o in enumerate(outlets)},
        sides=keys_for(sides, "side"),
        concepts=dict(zip(concepts, keys_for([f"{p}--{c}" for p, c in concepts], "c").values(), strict=True)),
    )
    docs = data.documents
    open_ = len(docs) <= OPEN_UP_TO
    body = "".join(
        render_article(i, d, ArticleRows(terms.get(d.id, []), quotes.get(d.id, []), scare.get(d.id, [])),
                       data, keys, info, open_=open_, n_words=words[id(d)])
        for i, d in enumerate(docs)
    )
    missing = []
    if not docs:
        missing.append("There are no articles in this report.")
    if not terms:
        missing.append("No lexicon terms were found in these articles, so nothing is coloured by side.")
    if not quotes:
        missing.append("No quotations were found in these articles.")
    notes = "".join(f'<p class="missing">{m}</p>' for m in missing)
    section = (
        '<section id="articles" aria-labelledby="h-articles"><h2 id="h-articles">The articles</h2>'
        f'<div class="toolbar">{_filters(data, keys, info, sides, concept_counts)}</div>'
        f'<div class="legendbox">{_legend(sides, keys, info)}</div>'
        f"{notes}{body}</section>"
    )
    return section, sides, keys


def _style(sides: list[str], keys: Keys) -> str:
    colours = side_colours(sides)
    rules = [f".sd-{keys.sides[s]}{{--c:{colours[s]};--t:{tint(colours[s])}}}" for s in sides]
    rules.append(".sd-legend{--c:#555;--t:rgba(0,0,0,.1)}")
    return _asset("report.css") + "\n/* side colours (Okabe–Ito) */\n" + "\n".join(rules) + "\n"


# ----------------------------------------------------------------- the page


def render_html(data: ReportData) -> str:
    """The whole report as one self-contained HTML page.

    Deterministic: the same data gives the same string. Nothing is fetched
    when the page is opened; charts are read from ``data.outdir`` now and
    embedded.

    Args:
        data: What to show (tables, figures, findings, outlet names as shown).

    Returns:
        The page, starting with ``<!DOCTYPE html>``.
    """
    info = lexicon_info(getattr(data.analysis, "analyzer", None))
    words = {id(d): d.n_words for d in data.documents}
    articles, sides, keys = _articles(data, info, words)
    style = _style(sides, keys)
    script = _asset("report.js")
    if "</style" in style.lower() or "</script" in script.lower():  # static assets; never true unless edited
        raise ValueError("report assets must not contain a closing </style> or </script> tag")
    title = data.title or "framing report"
    return "".join([
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n",
        f'<meta http-equiv="Content-Security-Policy" content="{esc(content_security_policy(style, script))}">\n',
        '<meta name="referrer" content="no-referrer">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f'<meta name="generator" content="framing {esc(__version__)}">\n',
        f"<title>{esc(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n",
        '<a class="skip" href="#articles">Skip to the articles</a>\n',
        f'<header class="site-head"><div><h1 class="user">{esc(title)}</h1><p>{_corpus_sentence(data)}</p>',
        '<nav class="toc" aria-label="Sections"><ul><li><a class="int" href="#summary">Corpus</a></li>'
        '<li><a class="int" href="#findings">Findings</a></li><li><a class="int" href="#charts">Charts</a></li>'
        '<li><a class="int" href="#articles">Articles</a></li></ul></nav></div></header>\n<main>\n',
        _summary(data, words), "\n", _findings(data), "\n", _figures(data), "\n", articles, "\n",
        f'<footer><p class="note">Made with framing {esc(__version__)}. Highlights come from the lexicon packs '
        "listed above and from rules that find quotations; they can be wrong, and each can be checked in the text.</p>"
        "</footer>\n</main>\n",
        f"<script>{script}</script>\n</body></html>\n",
    ])
