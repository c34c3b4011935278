"""The HTML explorer in real headless Chromium, driven by Playwright.

Debian's ``/usr/bin/chromium`` is launched through Playwright's
``executable_path`` (Playwright never downloads a browser here); one browser
serves the whole module, each test opens its own context and records every
request, console message and page error.

* The seeds report, with its real charts, loads from a ``file://`` URL quietly
  and offline; known seed terms are highlighted with their side; hovering or
  focusing a quotation shows its speaker; the outlet, side and concept filters
  hide articles and dim highlights as designed.
* Hostile articles (script payloads in text, title, outlet, URL, author and
  event) run nothing and fetch nothing from a local HTTP server the test
  starts; control pages show that the same checks do catch a payload that
  runs and a policy violation.

Skips when Chromium or Playwright is not installed.
"""

from __future__ import annotations

import contextlib
import http.server
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import framing
from framing.report import build_report_data
from framing.report_html import render_html
from framing.reportdata import ReportData

from .helpers import jsonl, make
from .test_report_html import hostile_rows

CHROMIUM = next((p for p in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser"))
                 if p and Path(p).exists()), None)
if CHROMIUM is None:
    pytest.skip("chromium is not installed (apt-get install chromium; .ci/run installs it)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e .[test])")

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]
SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Runs in every page before its own script: records Content-Security-Policy violations where the page
# cannot hide them (init scripts are injected by the DevTools protocol, outside the page's policy).
RECORD_CSP = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || '')), true);
"""
# Globals and markers any payload below would leave behind if it ran.
PWNED = """() => ({
  globals: Object.keys(window).filter(k => k.startsWith('pwned')).sort(),
  title: document.title,
  marked: document.querySelectorAll('[data-pwned]').length,
})"""


# ----------------------------------------------------------------- harness


@pytest.fixture(scope="module")
def browser() -> Iterator[sync_api.Browser]:
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class Visit:
    """One page in its own browser context, with everything it asked for and said."""

    page: sync_api.Page
    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def csp_violations(self) -> list[str]:
        return self.page.evaluate("window.__csp")


@contextlib.contextmanager
def visit(browser: sync_api.Browser, url: str, *, width: int = 1280, height: int = 900) -> Iterator[Visit]:
    context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block")
    context.add_init_script(RECORD_CSP)
    page = context.new_page()
    page.set_default_timeout(5000)
    rec = Visit(page)
    page.on("request", lambda r: rec.requests.append(r.url))
    page.on("console", lambda m: rec.console.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: rec.errors.append(str(e)))
    try:
        page.goto(url, wait_until="load")
        yield rec
    finally:
        context.close()


class Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(b"pwned")

    do_POST = do_GET  # noqa: N815

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server recording every path asked for (cleared by each test that uses it)."""
    hits: list[str] = []
    handler = type("Handler", (Recorder,), {"hits": hits})
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}", hits
    finally:
        srv.shutdown()
        srv.server_close()


def wait_for_hit(hits: list[str], path: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while path not in hits and time.monotonic() < deadline:
        time.sleep(0.05)


# ----------------------------------------------------------------- the seeds report


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ReportData]:
    """The seeds report with its real charts (rendered into a temporary folder)."""
    tmp = tmp_path_factory.mktemp("seeds-report")
    data = build_report_data(framing.analyze(SEEDS), figdir=tmp)
    path = tmp / "report.html"
    path.write_text(render_html(data), encoding="utf-8")
    return path, data


def visible_titles(page: sync_api.Page) -> list[str]:
    return page.eval_on_selector_all(
        "details.article", "as => as.filter(a => !a.hidden).map(a => a.querySelector('.atitle').textContent)")


def term_states(page: sync_api.Page, word: str) -> list[tuple[str, bool, str]]:
    """(side, dimmed, article id) of every highlighted term whose own text is ``word``, in page order."""
    states = page.eval_on_selector_all(
        ".text .term[tabindex]",
        "(ts, w) => ts.filter(t => t.firstChild.textContent === w)"
        ".map(t => [t.dataset.side, t.classList.contains('dim'), t.closest('details').id])", word)
    return [tuple(s) for s in states]


def dims(page: sync_api.Page, word: str) -> list[bool]:
    return [dim for _, dim, _ in term_states(page, word)]


def term(page: sync_api.Page, word: str) -> sync_api.Locator:
    """The first highlighted term whose own text is ``word`` (not a term whose tooltip mentions it)."""
    return page.locator(f"xpath=//div[@class='text']//span[contains(concat(' ', @class, ' '), ' term ')]"
                        f"[@tabindex][text()[1]='{word}']").first


# Seed articles in file order are a1…a5; their titles as shown (002 has none in corpus.yaml).
T000 = "Calls For Withdrawal Of Russian Troops From Karabakh On The Rise"
T001 = "'Russia does not want to leave Karabakh'"
T002 = "(untitled)"
T003 = "Armenia Requests Russian Military Help Over Renewed Azerbaijan ‘Land Grab’"
T004 = "Azerbaijan Ceases Offensive in Karabakh following Ceasefire Agreement with Armenian Separatists"
ALL = [T000, T001, T002, T003, T004]


def test_seeds_report_loads_offline_and_quietly(browser, seeds_report) -> None:
    path, data = seeds_report
    url = path.as_uri()
    with visit(browser, url) as v:
        page = v.page
        # every chart is embedded and decoded (a broken data: URI would leave naturalWidth 0)
        images = page.eval_on_selector_all("img", "is => is.map(i => [i.src.slice(0, 22), i.naturalWidth > 0])")
        assert images == [["data:image/png;base64,", True]] * len(data.figures)
        assert len(data.figures) > 0
        # the page's own script ran: the filters are shown and the status line is written (5 seed articles)
        assert page.locator("#filters").is_visible()
        assert page.text_content("#f-status") == "Showing 5 of 5 articles."
        assert visible_titles(page) == ALL
        assert v.requests == [url]  # the page itself, nothing else
        assert v.console == [] and v.errors == [] and v.csp_violations() == []


def test_seeds_report_fits_a_phone_screen(browser, seeds_report) -> None:
    path, _ = seeds_report
    with visit(browser, path.as_uri(), width=390, height=844) as v:
        # nothing wider than the screen: no sideways scrolling of the whole page
        assert v.page.evaluate("document.documentElement.scrollWidth") <= 390
        assert v.console == [] and v.errors == []


def test_seeds_terms_are_highlighted_by_side(browser, seeds_report) -> None:
    path, _ = seeds_report
    with visit(browser, path.as_uri()) as v:
        page = v.page
        # "Stepanakert" (the Armenian name) occurs once in 002 (Al-Ahram, article a3) and once in 004 (the
        # WordPress site, a5); "Xankandi" (the Azerbaijani one) 8 times, all in 000 (a1) (`grep -o` over seeds/)
        assert term_states(page, "Stepanakert") == [("armenian", False, "a3"), ("armenian", False, "a5")]
        assert term_states(page, "Xankandi") == [("azerbaijani", False, "a1")] * 8
        steps, xank = term(page, "Stepanakert"), term(page, "Xankandi")
        assert "sd-armenian" in steps.get_attribute("class").split()
        assert "sd-azerbaijani" in xank.get_attribute("class").split()
        # the two sides are painted, and painted differently
        bg = "t => getComputedStyle(t).backgroundColor"
        colours = {steps.evaluate(bg), xank.evaluate(bg)}
        assert len(colours) == 2 and "rgba(0, 0, 0, 0)" not in colours
        # the tooltip, hidden until the pointer is over the term, names the concept and the side
        tip = page.locator("#" + steps.get_attribute("aria-describedby"))
        assert not tip.is_visible()
        steps.hover()
        assert tip.is_visible()
        assert "Stepanakert / Khankendi" in tip.inner_text() and "Armenian" in tip.inner_text()
        assert v.console == [] and v.errors == []


def test_seeds_quote_shows_its_speaker_on_hover_and_on_focus(browser, seeds_report) -> None:
    path, _ = seeds_report
    with visit(browser, path.as_uri()) as v:
        page = v.page
        quote = page.locator(".quote[tabindex]", has_text="This is the end. We showed them who we are.")
        tip = page.locator("#" + quote.get_attribute("aria-describedby"))
        assert quote.count() == 1 and not tip.is_visible()
        # seeds/002: “…We are chasing them like dogs,” he added. — "he" is Aliyev, named in the quote before
        quote.hover()
        assert tip.is_visible()
        text = tip.inner_text()
        assert "Ilham Aliyev" in text and "“added”" in text and "Azerbaijani" in text
        box, width = tip.bounding_box(), page.viewport_size["width"]
        assert box["x"] >= 0 and box["x"] + box["width"] <= width  # inside the window
        page.mouse.move(5, 5)
        assert not tip.is_visible()

        # keyboard: focus() on a quotation shows its tooltip; here Pashinyan's, written "he said"
        pash = page.locator(".quote[tabindex]", has_text="It’s not that they want to regain control")
        pash_tip = page.locator("#" + pash.get_attribute("aria-describedby"))
        pash.focus()
        assert pash_tip.is_visible()
        assert "Nikol Pashinyan" in pash_tip.inner_text() and "“said”" in pash_tip.inner_text()
        # real Tab presses: from Aliyev's “Azerbaijan will not cease … belongs to Azerbaijan,” the next stops
        # are the two terms inside it ("liberation", "Nagorno-Karabakh"), then the "This is the end" quote
        page.locator(".quote[tabindex]", has_text="Azerbaijan will not cease its military").focus()
        stops = []
        for _ in range(3):
            page.keyboard.press("Tab")
            stops.append(page.evaluate("document.activeElement.firstChild.textContent"))
        assert stops == ["liberation", "Nagorno-Karabakh", "This is the end. We showed them who we are. "
                                                           "We are chasing them like dogs,"]
        assert tip.is_visible() and not pash_tip.is_visible()
        page.keyboard.press("Escape")  # Esc hides it
        assert not tip.is_visible()
        assert page.evaluate("document.activeElement === document.body")
        assert v.console == [] and v.errors == []


def test_seeds_filters_hide_articles_and_dim_highlights(browser, seeds_report) -> None:
    path, _ = seeds_report
    url = path.as_uri()
    with visit(browser, url) as v:
        page = v.page
        status = page.locator("#f-status")

        # outlet: Turan published only 001
        page.select_option("#f-outlet", label="Turan (1)")
        assert visible_titles(page) == [T001]
        assert status.text_content() == "Showing 1 of 5 articles (outlet: Turan (1))."
        turan = page.eval_on_selector("#f-outlet", "s => s.value")
        assert page.url == f"{url}#outlet={turan}"  # the choice is kept in the address
        page.click("#f-reset")
        assert visible_titles(page) == ALL and page.url == url
        assert page.locator(".ann.dim").count() == 0

        # side: an article stays when one of its marks is Russian. Russian speakers are quoted in 000 (the
        # Russian peacekeepers said), 001 (Shoigu asserted) and 004 (Putin assured), none in 002 (Al-Ahram
        # names Russia only as a Minsk Group co-chair); 003 depends on the quote extractor's reading
        page.select_option("#f-side", label="Russian")
        shown = visible_titles(page)
        assert {T000, T001, T004} <= set(shown) and T002 not in shown
        assert shown == page.eval_on_selector_all(
            "details.article", "as => as.filter(a => a.querySelector('.ann[data-side=russian]'))"
            ".map(a => a.querySelector('.atitle').textContent)")
        assert status.text_content() == f"Showing {len(shown)} of 5 articles (side: Russian)."
        assert dims(page, "Stepanakert") == [True] * 2 and dims(page, "Xankandi") == [True] * 8
        shoigu = page.locator(".quote[data-side='russian']", has_text="main guarantor of peace")
        assert "dim" not in shoigu.get_attribute("class").split()

        # side Armenian: Stepanakert is lit, Xankandi dimmed; every article has an Armenian mark
        page.select_option("#f-side", label="Armenian")
        assert visible_titles(page) == ALL
        assert dims(page, "Stepanakert") == [False] * 2 and dims(page, "Xankandi") == [True] * 8
        # a mark of no side is not the Armenian side's either: 000's "creeping war" in scare quotes is dimmed
        creeping = page.locator(".scare[tabindex]", has_text="creeping war")
        assert creeping.count() == 1 and "dim" in creeping.get_attribute("class").split()
        # a dimmed term keeps its text but loses its colour
        assert term(page, "Xankandi").evaluate("t => getComputedStyle(t).backgroundColor") == "rgba(0, 0, 0, 0)"

        # concept Stepanakert/Khankendi (both names) and side Armenian: 000 (Xankandi), 002 and 004
        concept = page.locator("#f-concept option", has_text="Stepanakert / Khankendi").get_attribute("value")
        page.select_option("#f-concept", concept)
        assert visible_titles(page) == [T000, T002, T004]
        assert dims(page, "Stepanakert") == [False] * 2 and dims(page, "Xankandi") == [True] * 8
        # side All: both names of the city lit, every other concept dimmed
        page.select_option("#f-side", "")
        assert dims(page, "Stepanakert") == [False] * 2 and dims(page, "Xankandi") == [False] * 8
        assert set(dims(page, "Nagorno-Karabakh")) == {True}
        assert status.text_content().startswith("Showing 3 of 5 articles (concept: Stepanakert / Khankendi")

        # the address restores the filters; unknown values are ignored
        page.goto(f"{url}#outlet={turan}&side=armenian", wait_until="load")
        page.reload(wait_until="load")
        assert visible_titles(page) == [T001]
        assert page.eval_on_selector("#f-side", "s => s.value") == "armenian"
        page.goto(f"{url}#outlet=nonsense&side=", wait_until="load")
        page.reload(wait_until="load")
        assert visible_titles(page) == ALL and status.text_content() == "Showing 5 of 5 articles."
        assert v.console == [] and v.errors == []
        assert set(v.requests) == {url}  # (Playwright reports URLs without their fragment)


# ----------------------------------------------------------------- hostile articles


def hostile_data(tmp_path: Path, base: str) -> ReportData:
    """The shared XSS articles plus one whose payloads would leave ``window.pwned*`` globals."""
    port = int(base.rsplit(":", 1)[1])
    flags = {
        "id": "x4",
        "outlet": "<img src=x onerror=\"window.pwnedOutlet=1\">Flag Outlet",
        "title": "<svg onload=\"window.pwnedTitle=1\"></svg>Flags",
        "author": "\"><script>window.pwnedAuthor=1</script>",
        "event": "<script>window.pwnedEvent=1</script>",
        "url": "javascript:window.pwnedUrl=1",
        "date": "2023-09-23",
        "text": ("Stepanakert. <script>window.pwnedText=1</script> \"<img src=x onerror=window.pwnedQuote=1>\", "
                 "Ilham Aliyev said.\n\n</script><script>window.pwnedClose=1;fetch('" + base + "/pwned-close')</script>"
                 "<a href=\"javascript:window.pwnedLink=1\">a link</a> <object data=\"" + base + "/pwned-obj\"></object>"),
    }
    corpus = make(tmp_path / "corpus", {"hostile.jsonl": jsonl(*hostile_rows(port), flags)})
    return ReportData(framing.analyze(corpus), title="<script>document.title='PWNED-report'</script>", outdir=tmp_path)


def test_hostile_articles_run_nothing_and_request_nothing(browser, server, tmp_path: Path) -> None:
    base, hits = server
    hits.clear()
    data = hostile_data(tmp_path, base)
    path = tmp_path / "report.html"
    path.write_text(render_html(data), encoding="utf-8")
    url = path.as_uri()
    with visit(browser, url) as v:
        page = v.page
        # move over and focus everything a payload could hang a handler on (summaries, highlights, metadata)
        targets = page.locator("summary, .ann[tabindex], .meta span, .ameta span").all()
        for el in targets:
            page.mouse.move(0, 0)  # away first: the last tooltip may cover the next target
            el.hover()
        for el in targets:
            el.focus()
        page.wait_for_timeout(300)  # the control page's payloads reach the server well within this
        assert page.evaluate(PWNED) == {"globals": [], "title": data.title, "marked": 0}
        assert page.locator("script").count() == 1  # the page's own
        assert page.locator("img, svg, iframe, object, embed, base, link, meta[http-equiv=refresh]").count() == 0
        # links: in-page anchors and http(s) only; the javascript: URLs are shown as text
        hrefs = page.eval_on_selector_all("a[href]", "as => as.map(a => a.getAttribute('href'))")
        assert hrefs and all(h.startswith(("#", "http://", "https://")) for h in hrefs)
        assert page.get_by_text("javascript:window.pwnedUrl=1", exact=True).count() == 1
        # the payloads are shown as the literal text of each article (tooltips aside), and in the headings
        shown = page.eval_on_selector_all(
            ".text", "ts => ts.map(t => { const c = t.cloneNode(true); c.querySelectorAll('.tip').forEach(x => x.remove());"
            " return c.textContent; })")
        assert shown == [d.text for d in data.documents]
        assert page.text_content("h1") == data.title
        titles = page.eval_on_selector_all(".atitle", "ts => ts.map(t => t.textContent)")
        assert titles == [d.title for d in data.documents]
        assert "Evil <script>document.title='PWNED-outlet'</script> News" in page.text_content("#a1 .ameta")
        # the page's own script ran under its policy (so its hash is right)
        assert page.text_content("#f-status") == "Showing 4 of 4 articles."
        assert v.requests == [url]  # Playwright saw nothing but the page ...
        assert hits == []  # ... and the local server saw nothing at all
        assert v.console == [] and v.errors == [] and v.csp_violations() == []  # no policy violation, no error

        # the policy itself forbids network access, even to script that does run (here: ours, via DevTools)
        blocked = page.evaluate(f"fetch('{base}/pwned-probe').then(() => 'fetched', () => 'blocked')")
        assert blocked == "blocked" and hits == []
        assert any("connect-src" in c for c in v.csp_violations())


def test_control_unescaped_payloads_are_caught(browser, server, tmp_path: Path) -> None:
    """The same text pasted raw, without escaping or policy, runs and fetches: the checks above can fail.

    (Article x1's text is left out: its ``<meta http-equiv=refresh>`` would navigate away before the
    globals could be read; x2's comes last, as its unclosed ``<!--`` hides everything after it.)
    """
    base, hits = server
    hits.clear()
    data = hostile_data(tmp_path, base)
    text = {d.id: d.text for d in data.documents}
    texts = [text["x4"], text["x3"], text["x2"]]
    naive = "<!DOCTYPE html><html><head><title>t</title></head><body>" + "".join(texts) + "</body></html>"
    path = tmp_path / "naive.html"
    path.write_text(naive, encoding="utf-8")
    with visit(browser, path.as_uri()) as v:
        wait_for_hit(hits, "/pwned-close", 5)
        ran = v.page.evaluate(PWNED)
        assert {"pwnedText", "pwnedClose"} <= set(ran["globals"])
        assert ran["title"] == "PWNED-body"
        assert "/pwned-close" in hits  # the server records a payload's request
        assert f"{base}/pwned-close" in v.requests


def test_control_policy_violation_is_reported(browser, server, tmp_path: Path) -> None:
    """A payload slipped into the real page past the escaping is stopped by its policy, and the test sees it."""
    base, hits = server
    hits.clear()
    page_html = render_html(hostile_data(tmp_path, base))
    planted = page_html.replace("<main>", f"<main><img src=\"{base}/pwned-planted\" onerror=\"window.pwnedPlanted=1\">", 1)
    assert planted != page_html
    path = tmp_path / "planted.html"
    path.write_text(planted, encoding="utf-8")
    with visit(browser, path.as_uri()) as v:
        v.page.wait_for_timeout(300)
        assert v.page.evaluate(PWNED)["globals"] == []
        assert hits == []
        violations = v.csp_violations()
        assert any(c.startswith("img-src") for c in violations), violations
        assert any("Content Security Policy" in c for c in v.console), v.console
