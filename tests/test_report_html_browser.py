"""The HTML explorer in real headless Chromium: hostile articles run nothing and fetch nothing.

A local HTTP server records every request; the articles' payloads would set
the page title, mark the body or request ``/pwned…`` from it if they ran.
A control page that pastes the same text unescaped shows the harness would
notice. Skips when Chromium is not installed.
"""

from __future__ import annotations

import http.server
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import framing

from .test_report_html import Tree, hostile_report

CHROMIUM = next((p for p in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")) if p
                 and Path(p).exists()), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


class Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"pwned")

    do_POST = do_GET  # noqa: N815

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[int, list[str]]]:
    hits: list[str] = []
    handler = type("Handler", (Recorder,), {"hits": hits})
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield srv.server_address[1], hits
    finally:
        srv.shutdown()
        srv.server_close()


def dump_dom(page: Path, tmp_path: Path, fragment: str = "") -> tuple[str, list[str]]:
    """The DOM after load (scripts run, 1 s of virtual time), and the console messages."""
    profile = tmp_path / f"profile{len(list(tmp_path.glob('profile*')))}"
    cmd = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
           "--virtual-time-budget=1000", "--dump-dom", page.as_uri() + fragment]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=25, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line]
    return run.stdout, console


def test_hostile_report_runs_nothing_and_requests_nothing(tmp_path: Path, server) -> None:
    port, hits = server
    data, page = hostile_report(tmp_path, port=port)
    path = tmp_path / "report.html"
    path.write_text(page, encoding="utf-8")
    dom, console = dump_dom(path, tmp_path)
    tree = Tree(dom)
    # nothing ran: the title is the report title shown literally, no marker attribute, no injected elements
    assert tree.all("title")[0].text() == "<script>document.title='PWNED-report'</script>"
    assert not [n for n in tree.root.iter() if "data-pwned" in n.attrs]
    tags = {n.tag for n in tree.root.iter()}
    assert not tags & {"svg", "iframe", "img", "base", "link", "textarea", "noscript", "object"}
    assert len(tree.all("script")) == 1
    # the page's own script did run under its policy (so the hash is right) ...
    assert "js" in tree.all("html")[0].classes()
    assert "hidden" not in tree.by_id("filters").attrs
    assert tree.by_id("f-status").text() == "Showing 3 of 3 articles."
    # ... and the payloads are there as text
    assert [d.text() for d in tree.all("div", "text")] == [d.text for d in data.documents]
    assert hits == []
    assert console == [], console  # no CSP violation, no script error


def test_control_unescaped_page_would_be_caught(tmp_path: Path, server) -> None:
    """The same payloads pasted raw (no escaping, no policy) do run: the checks above can fail."""
    port, hits = server
    data, _ = hostile_report(tmp_path, port=port)
    naive = "<!DOCTYPE html><html><head><title>t</title></head><body>" + data.documents[0].text + "</body></html>"
    path = tmp_path / "naive.html"
    path.write_text(naive, encoding="utf-8")
    dom, _ = dump_dom(path, tmp_path)
    tree = Tree(dom)
    ran = any("PWNED" in t.text() for t in tree.all("title")) or any("data-pwned" in n.attrs for n in tree.root.iter())
    assert hits or ran


def test_filters_follow_the_address_fragment(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.jsonl").write_text(
        '{"id": "1", "outlet": "One", "text": "Stepanakert residents waited."}\n'
        '{"id": "2", "outlet": "Two", "text": "Khankendi was quiet."}\n'
        '{"id": "3", "outlet": "Two", "text": "Nothing to see here."}\n', encoding="utf-8")
    page = framing.report_html.render_html(framing.reportdata.ReportData(framing.analyze(corpus)))
    path = tmp_path / "report.html"
    path.write_text(page, encoding="utf-8")
    # Stepanakert (article 1) is the Armenian name, Khankendi (article 2) the Azerbaijani one
    cases = [
        ("#outlet=o2", [False, True, True], "Showing 2 of 3 articles (outlet: Two (2)).", False),
        ("#side=armenian", [True, False, False], "Showing 1 of 3 articles (side: Armenian).", True),
        ("#outlet=nonsense&side=", [True, True, True], "Showing 3 of 3 articles.", False),  # unknown: ignored
    ]
    for fragment, visible, status, dimmed in cases:
        dom, console = dump_dom(path, tmp_path, fragment)
        tree = Tree(dom)
        assert ["hidden" not in a.attrs for a in tree.all("details", "article")] == visible, fragment
        assert tree.by_id("f-status").text() == status
        assert console == []
        # the side filter dims the other sides' highlights, here the Azerbaijani name
        terms = [n for n in tree.root.iter() if "term" in n.classes() and n.attrs.get("tabindex")]
        assert {t.text(): "dim" in t.classes() for t in terms} == {"Stepanakert": False, "Khankendi": dimmed}
