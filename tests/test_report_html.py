"""The HTML explorer: markup, nesting of overlapping highlights, escaping, CSP, determinism."""

from __future__ import annotations

import base64
import hashlib
import html
import re
import struct
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

import framing
from framing.html_report.articles import safe_url
from framing.html_report.labels import SIDE_COLOURS, keys_for, side_colours
from framing.html_report.spans import Span, esc, render_spans
from framing.report_html import content_security_policy, render_html
from framing.reportdata import Figure, Finding, ReportData

from .helpers import jsonl, make

VOID = {"meta", "img", "br", "hr", "input", "link", "source", "wbr", "col", "area", "base", "embed", "track"}


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    def text(self, *, skip_tips: bool = True) -> str:
        out = []
        for c in self.children:
            if isinstance(c, str):
                out.append(c)
            elif not (skip_tips and "tip" in (c.attrs.get("class") or "").split()):
                out.append(c.text(skip_tips=skip_tips))
        return "".join(out)

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.iter()

    def find(self, tag: str, cls: str) -> list[Node]:
        return [n for n in self.iter() if n.tag == tag and cls in n.classes()]

    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()


class Tree(HTMLParser):
    """A strict parser: every end tag must close the innermost open element."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.cur = self.root
        self.errors: list[str] = []
        self.feed(markup)
        self.close()
        if self.cur is not self.root:
            self.errors.append(f"unclosed <{self.cur.tag}>")

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, dict(attrs), self.cur))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.cur.tag != tag:
            self.errors.append(f"</{tag}> closes <{self.cur.tag}>")
            return
        self.cur = self.cur.parent

    def handle_data(self, data):
        self.cur.children.append(data)

    def all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        return [n for n in self.root.iter() if (tag is None or n.tag == tag) and (cls is None or cls in n.classes())]

    def by_id(self, ident: str) -> Node:
        found = [n for n in self.root.iter() if n.attrs.get("id") == ident]
        assert len(found) == 1, f"id {ident!r} found {len(found)} times"
        return found[0]


def tiny_png() -> bytes:
    """A valid 2×1 RGB PNG, written by hand (signature, IHDR, IDAT, IEND)."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))

    raw = b"\x00" + b"\xff\x00\x00" + b"\x00\x00\xff"  # filter 0, a red and a blue pixel
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


SAMPLE = ('Residents of Stepanakert fled as Azerbaijani troops entered Khankendi.\n\n'
          '"We will never return to the so-called republic," Armen Sargsyan said.')


def hostile_rows(port: int) -> list[dict]:
    """Articles whose text and metadata carry script-injection payloads.

    Every payload, if it ran, would set the title to something with PWNED,
    mark <body data-pwned>, or request http://127.0.0.1:PORT/pwned*.
    """
    base = f"http://127.0.0.1:{port}"
    text1 = (
        "Stepanakert residents fled. <script>document.title='PWNED-script';fetch('" + base + "/pwned-script')</script>\n\n"
        "The separatists said \"we <img src=x onerror=\"document.body.setAttribute('data-pwned','img');"
        "fetch('" + base + "/pwned-img')\"> will stay\", a spokesman said.\n\n"
        "<svg onload=\"document.title='PWNED-svg'\"></svg> <a href=\"javascript:document.title='PWNED-js'\">click</a>\n\n"
        "Azerbaijani troops entered Khankendi. </script><script>document.title='PWNED-close'</script>\n\n"
        "<iframe src=\"" + base + "/pwned-iframe\"></iframe><link rel=stylesheet href=\"" + base + "/pwned.css\">"
        "<meta http-equiv=\"refresh\" content=\"0;url=" + base + "/pwned-refresh\">"
        "<style>body{background:url(" + base + "/pwned-bg)}</style><base href=\"" + base + "/\">"
        "<img src=\"" + base + "/pwned-src.png\">"
    )
    text2 = ("Baku said the \"peacekeepers\" failed. \"It is over,\" Ilham Aliyev said.\n\n"
             "<body onload=\"document.title='PWNED-body'\"> ]]> --> <!-- <textarea></title><noscript><p title=\"</noscript>"
             "<img src=x onerror=document.title='PWNED-noscript'>\">")
    return [
        {"id": "x1", "outlet": "Evil <script>document.title='PWNED-outlet'</script> News",
         "title": "<img src=x onerror=\"document.title='PWNED-title'\">Stepanakert\" autofocus onfocus=\"document.title='PWNED-attr'",
         "url": "javascript:document.title='PWNED-url'", "date": "2023-09-20", "event": "<b onmouseover=alert(1)>ev</b>",
         "text": text1},
        {"id": "x2", "outlet": "Quote\"Outlet's", "title": "</script><script>document.title='PWNED-2'</script>",
         "url": "https://example.org/a\"onmouseover=\"document.title='PWNED-href'", "date": "2023-09-21", "text": text2},
        {"id": "x3", "outlet": "Plain Outlet", "title": "A plain article",
         "url": base + "/pwned-link", "date": "2023-09-22", "author": "<script>alert(1)</script>",
         "text": "Armenians left Nagorno-Karabakh. \"We had no choice,\" a refugee said."},
    ]


def hostile_report(tmp_path: Path, port: int = 9, **kwargs) -> tuple[ReportData, str]:
    corpus = make(tmp_path / "corpus", {"hostile.jsonl": jsonl(*hostile_rows(port))})
    analysis = framing.analyze(corpus)
    data = ReportData(analysis, title="<script>document.title='PWNED-report'</script>", outdir=tmp_path, **kwargs)
    return data, render_html(data)


def sample_report(tmp_path: Path | None = None, **kwargs) -> tuple[ReportData, str]:
    data = ReportData(framing.analyze_text(SAMPLE, outlet="Example"), title="Sample",
                      outdir=tmp_path or Path("."), **kwargs)
    return data, render_html(data)


# ----------------------------------------------------------------- span nesting (worked by hand)

P = 0  # layer of paragraphs
NEST_CASES = [
    pytest.param(  # nested: P ⊃ i ⊃ b
        "abcdef", [Span(0, 6, P, 0, "p"), Span(1, 5, 1, 1, "i"), Span(2, 4, 1, 3, "b")],
        "<p>a<i>b<b>cd</b>e</i>f</p>", id="nested"),
    pytest.param(  # B starts inside A and ends after it: B is split at A's end; its tail only once
        "abcdefghij", [Span(1, 5, 1, 1, "i", ' id="A"', ' class="A2"'), Span(3, 8, 1, 1, "b", ' id="B"', ' class="B2"', "[tb]")],
        'a<i id="A">bc<b id="B">de[tb]</b></i><b class="B2">fgh</b>ij', id="partial-overlap"),
    pytest.param(  # same extent: lower rank is outer, whatever the input order
        "xy", [Span(0, 2, 1, 3, "b"), Span(0, 2, 1, 1, "u")], "<u><b>xy</b></u>", id="same-extent-rank"),
    pytest.param(  # a quote across two paragraphs: closed at the paragraph end, reopened without its id
        "ab\n\ncd", [Span(0, 2, P, 0, "p"), Span(4, 6, P, 0, "p"), Span(1, 5, 1, 1, "u", "", ' class="more"')],
        '<p>a<u>b</u></p>\n\n<p><u class="more">c</u>d</p>', id="across-paragraphs"),
    pytest.param(  # clipped to the text, empty span dropped, text escaped once
        '<a&"b>', [Span(-3, 2, 1, 1, "i"), Span(4, 99, 1, 1, "b"), Span(3, 3, 1, 1, "s")],
        "<i>&lt;a</i>&amp;&quot;<b>b&gt;</b>", id="clip-and-escape"),
    pytest.param(  # a longer span starting at the same place is outer even with a higher rank
        "abcd", [Span(0, 2, 1, 1, "u"), Span(0, 4, 1, 3, "b")], "<b><u>ab</u>cd</b>", id="longer-is-outer"),
    pytest.param("", [Span(0, 1, 1, 1, "b")], "", id="empty-text"),
]


@pytest.mark.parametrize(("text", "spans", "expected"), NEST_CASES)
def test_render_spans_nests_by_boundaries(text: str, spans: list[Span], expected: str) -> None:
    assert render_spans(text, spans) == expected
    assert render_spans(text, list(reversed(spans))) == expected  # input order does not matter
    tree = Tree(expected)
    assert not tree.errors


def test_esc_covers_quotes_and_forbidden_characters() -> None:
    assert esc('<a href="x">\'&') == "&lt;a href=&quot;x&quot;&gt;&#x27;&amp;"
    assert esc("a\x00b\x1bc\ud800") == "a\ufffdb\ufffdc\ufffd"
    assert esc(float("nan")) == "" and esc(None) == ""
    assert esc("tab\tline\n") == "tab\tline\n"  # allowed controls stay


@pytest.mark.parametrize(("url", "ok"), [
    ("https://example.org/a?b=1", True),
    ("http://example.org", True),
    ("HTTPS://EXAMPLE.ORG/", True),
    ("javascript:alert(1)", False),
    ("JaVaScRiPt:alert(1)", False),
    (" javascript:alert(1)", False),
    ("java\tscript:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False),
    ("vbscript:msgbox(1)", False),
    ("//evil.example/x", False),
    ("https://", False),
    ("https://exa mple.org", False),
    ("http://[::1", False),  # urlsplit raises ValueError
    ("", False),
])
def test_only_http_urls_are_links(url: str, ok: bool) -> None:
    assert (safe_url(url) is not None) is ok


def test_keys_are_attribute_safe_and_unique() -> None:
    keys = keys_for(["armenian", "Pro-Russian", 'x" onclick="y', "side1", "armenian2"], "side")
    # 'Pro-Russian' has capitals (position 1), the payload has quotes (position 2): both get prefix+position
    assert keys == {"armenian": "armenian", "Pro-Russian": "side1", 'x" onclick="y': "side2",
                    "side1": "side3-3", "armenian2": "armenian2"}


def test_side_colours_are_okabe_ito_and_extras_follow_the_chart_order() -> None:
    cols = side_colours(["armenian", "western", "unknown", "eastern"])
    assert cols == {"armenian": "#E69F00", "unknown": "#999999", "western": "#56B4E9", "eastern": "#555555"}


def test_side_colours_match_the_charts() -> None:
    style = pytest.importorskip("framing.charts.style", reason="charts module not present")
    assert {k: v.upper() for k, v in style.SIDE_COLORS.items()} == {k: v.upper() for k, v in SIDE_COLOURS.items()}


# ----------------------------------------------------------------- the page


def test_sample_page_highlights_terms_quotes_and_nests_them(tmp_path: Path) -> None:
    data, page = sample_report(tmp_path)
    tree = Tree(page)
    assert not tree.errors
    text_div = tree.all("div", "text")[0]
    assert text_div.text() == SAMPLE  # the article text survives intact, tooltips aside
    terms = {t.text(): t for t in text_div.find("span", "term")}
    # Stepanakert is the Armenian name, Khankendi the Azerbaijani one (karabakh pack)
    assert terms["Stepanakert"].attrs["data-side"] == "armenian"
    assert terms["Khankendi"].attrs["data-side"] == "azerbaijani"
    assert "sd-armenian" in terms["Stepanakert"].classes()
    # "so-called" (offsets 101-110) lies inside the quote (73-120): its span is a descendant of the quote's
    quote = text_div.find("span", "quote")[0]
    assert quote.text() == "We will never return to the so-called republic,"
    assert terms["so-called"] in list(quote.iter())
    # hover and focus: focusable, described by a tooltip naming speaker, side and verb
    assert quote.attrs["tabindex"] == "0"
    tip = tree.by_id(quote.attrs["aria-describedby"])
    assert tip.attrs["role"] == "tooltip" and tip in quote.children
    tip_text = tip.text(skip_tips=False)
    assert "Armen Sargsyan" in tip_text and "“said”" in tip_text and "Side:" in tip_text
    # and why: the rule that found the speaker, and how the mention was read (a full name, unlisted)
    assert "Rule:" in tip_text and "Resolved: the name as written" in tip_text
    # the concept and side name appear in the term's tooltip
    st_tip = tree.by_id(terms["Stepanakert"].attrs["aria-describedby"]).text(skip_tips=False)
    assert "Armenian" in st_tip and "karabakh" in st_tip


def test_page_is_deterministic_and_embeds_figures(tmp_path: Path) -> None:
    (tmp_path / "figures").mkdir()
    png = tiny_png()
    (tmp_path / "figures" / "naming.png").write_bytes(png)
    (tmp_path / "figures" / "fake.png").write_bytes(b"<svg onload=alert(1)>")
    figs = [Figure("naming", "Naming <b>", "figures/naming.png", "Bars show shares.", "Small n."),
            Figure("fake", "Not a PNG", "figures/fake.png", "", ""),
            Figure("gone", "Missing", "figures/gone.png", "", "")]
    findings = [Finding("Outlet <i>A</i> says Khankendi.", topic="naming", strength=1.0)]
    _, first = sample_report(tmp_path, figures=figs, findings=findings)
    _, second = sample_report(tmp_path, figures=figs, findings=findings)
    assert first == second
    tree = Tree(first)
    imgs = tree.all("img")
    assert [i.attrs["src"] for i in imgs] == ["data:image/png;base64," + base64.b64encode(png).decode()]
    assert "Naming &lt;b&gt;" in first and "Outlet &lt;i&gt;A&lt;/i&gt; says Khankendi." in first
    assert first.count('class="missing"') >= 2  # the fake and the missing chart say so
    assert "<svg" not in first


def test_csp_allows_exactly_the_inline_style_and_script() -> None:
    _, page = sample_report()
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    assert page.count("<script") == 1 and page.count("<style") == 1

    def sha(s: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"

    csp = html.unescape(re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page).group(1))
    assert csp == content_security_policy(style, script)
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives == {"default-src": "'none'", "img-src": "data:", "style-src": sha(style),
                          "script-src": sha(script), "base-uri": "'none'", "form-action": "'none'"}
    # the policy comes before anything it governs
    assert page.index("Content-Security-Policy") < page.index("<style>")


@pytest.mark.parametrize("blind", [False, True])
def test_hostile_text_and_metadata_are_inert(tmp_path: Path, blind: bool) -> None:
    data, page = hostile_report(tmp_path, blind=blind)
    docs = data.documents
    assert "<script>document.title='PWNED-script'" in docs[0].text  # the payload reached the analysis
    tree = Tree(page)
    assert not tree.errors
    tags = {n.tag for n in tree.root.iter()}
    for bad in ("svg", "iframe", "link", "base", "textarea", "noscript", "object", "embed"):
        assert bad not in tags
    assert len(tree.all("script")) == 1 and len(tree.all("style")) == 1
    assert tree.all("meta")[1].attrs["http-equiv"] == "Content-Security-Policy"
    assert len(tree.all("meta")) == 5  # charset, CSP, referrer, viewport, generator: none from the input
    for node in tree.root.iter():
        for name, value in node.attrs.items():
            assert not name.startswith("on"), (node.tag, name)
            assert name not in ("autofocus", "srcdoc", "formaction")
            if name in ("href", "src"):
                assert value.startswith(("#", "data:image/png;base64,", "https://", "http://")), value
    links = [a.attrs["href"] for a in tree.all("a") if not a.attrs["href"].startswith("#")]
    if blind:
        assert links == []  # no URLs in blind mode
        assert "Evil" not in page and "Plain Outlet" not in page
        assert {n.text() for n in tree.all("span", "ameta")} >= {"Outlet A · 2023-09-20 · <b onmouseover=alert(1)>ev</b>"}
    else:
        # the javascript: URL is shown as text; the https one (with a quote inside) stays one attribute value
        assert links == ["https://example.org/a\"onmouseover=\"document.title='PWNED-href'",
                         "http://127.0.0.1:9/pwned-link"]
        for a in tree.all("a"):
            if not a.attrs["href"].startswith("#"):
                assert a.attrs["rel"] == "noopener noreferrer"
        assert "javascript:document.title=&#x27;PWNED-url&#x27;" in page
        titles = [n.text() for n in tree.all("span", "atitle")]
        assert titles[1] == "</script><script>document.title='PWNED-2'</script>"
        outlets = [o.text() for o in tree.all("option")]
        assert "Evil <script>document.title='PWNED-outlet'</script> News (1)" in outlets
    # each article's text comes back literally, tooltips aside
    assert [d.text() for d in tree.all("div", "text")] == [d.text for d in docs]


def test_blind_mode_hides_outlet_names_everywhere(tmp_path: Path) -> None:
    corpus = make(tmp_path, {"a.jsonl": jsonl(
        {"id": "1", "outlet": "Zeta Daily", "url": "https://zeta.example/1", "author": "Z. Writer",
         "text": "Stepanakert residents fled."},
        {"id": "2", "outlet": "Alpha Times", "text": "Khankendi was quiet."})})
    data = ReportData(framing.analyze(corpus), blind=True)
    page = render_html(data)
    assert "Zeta" not in page and "Alpha" not in page and "zeta.example" not in page and "Z. Writer" not in page
    # aliases go by sorted real name: Alpha Times → Outlet A, Zeta Daily → Outlet B
    tree = Tree(page)
    assert [o.text() for o in tree.all("option") if o.attrs["value"].startswith("o")] == ["Outlet A (1)", "Outlet B (1)"]
    assert [n.text().split(" · ")[0] for n in tree.all("span", "ameta")] == ["Outlet B", "Outlet A"]


def test_filters_and_data_attributes_agree(tmp_path: Path) -> None:
    corpus = make(tmp_path, {"a.jsonl": jsonl(
        {"id": "1", "outlet": "One", "text": "Stepanakert residents waited."},
        {"id": "2", "outlet": "Two", "text": "Khankendi was quiet."},
        {"id": "3", "outlet": "Two", "text": "Nothing to see here."})})
    page = render_html(ReportData(framing.analyze(corpus)))
    tree = Tree(page)
    arts = tree.all("details", "article")
    assert [a.attrs["data-outlet"] for a in arts] == ["o1", "o2", "o2"]
    # Stepanakert: Armenian name; Khankendi: Azerbaijani; the third article has no term
    assert [a.attrs["data-sides"] for a in arts] == ["armenian", "azerbaijani", ""]
    assert arts[0].attrs["data-concepts"] == arts[1].attrs["data-concepts"] == "karabakh--stepanakert"
    select = {s.attrs["id"]: [(o.attrs["value"], o.text()) for o in s.iter() if o.tag == "option"]
              for s in tree.all("select")}
    assert select["f-outlet"] == [("", "All"), ("o1", "One (1)"), ("o2", "Two (2)")]
    assert [v for v, _ in select["f-side"]] == ["", "armenian", "azerbaijani"]
    assert select["f-concept"][1][0] == "karabakh--stepanakert" and select["f-concept"][1][1].endswith("(2)")
    assert "hidden" in tree.by_id("filters").attrs  # shown only by the script
    assert all("hidden" not in a.attrs and "open" in a.attrs for a in arts)  # without it, everything shows


def test_report_says_what_is_missing() -> None:
    data = ReportData(framing.analyze_text("Nothing happened here today.", outlet="Quiet"))
    page = render_html(data)
    assert not Tree(page).errors
    for message in ("No lexicon terms were found", "No quotations were found", "No charts in this report",
                    "No findings"):
        assert message in page


def test_an_empty_analysis_still_gives_a_page() -> None:
    from framing.analysis import Analysis

    page = render_html(ReportData(Analysis(tables={}, documents_list=[]), title="Empty"))
    tree = Tree(page)
    assert not tree.errors and not tree.all("details", "article")
    assert "0 articles from 0 outlets." in page and "There are no articles in this report." in page


def test_print_and_keyboard_rules_are_in_the_stylesheet() -> None:
    _, page = sample_report()
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    assert "@media print" in style and ".ann:focus > .tip" in style and "::details-content" in style
    # the focus rule must not share a selector list with :has(), which older browsers reject whole
    assert not re.search(r":has\([^{]*\.ann:focus|\.ann:focus[^{]*:has\(", style)
    assert "beforeprint" in re.search(r"<script>(.*?)</script>", page, re.S).group(1)


def test_seeds_page_renders_every_article(seeds_dir: Path) -> None:
    analysis = framing.analyze(seeds_dir)
    page = render_html(ReportData(analysis, title="Seeds"))
    tree = Tree(page)
    assert not tree.errors
    assert len(tree.all("details", "article")) == len(analysis.documents_list) == 5
    marks = [n for div in tree.all("div", "text") for n in div.iter() if "tabindex" in n.attrs]
    n_scare = int((analysis.tables["scare_quotes"]["kind"] == "scare").sum())
    assert len([m for m in marks if "term" in m.classes()]) == len(analysis.tables["terms"])
    assert len([m for m in marks if "scare" in m.classes()]) == n_scare
    assert len([m for m in marks if "quote" in m.classes()]) == len(analysis.tables["quotes"])
    ids = [n.attrs["id"] for n in tree.root.iter() if "id" in n.attrs]
    assert len(ids) == len(set(ids))
    for div, doc in zip(tree.all("div", "text"), analysis.documents_list, strict=True):
        assert div.text() == doc.text


def test_page_is_the_same_under_two_hash_seeds() -> None:
    """Sets of sides and concepts must not leak their iteration order into the page."""
    import os
    import subprocess
    import sys

    code = ("import sys, framing; from framing.reportdata import ReportData; from framing.report_html import render_html; "
            "sys.stdout.write(render_html(ReportData(framing.analyze(sys.argv[1]), title='S')))")
    pages = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", code, str(Path(__file__).parent.parent / "seeds")],
                             capture_output=True, text=True, env=env, timeout=120, check=True)
        pages.append(run.stdout)
    assert pages[0] == pages[1] and pages[0].startswith("<!DOCTYPE html>")
