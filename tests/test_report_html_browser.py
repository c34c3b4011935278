"""The HTML explorer in real headless Chromium: hostile articles run nothing and fetch nothing.

A local HTTP server records every request; the articles' payloads would set
the page title, mark the body or request ``/pwned…`` from it if they ran.
A control page that pastes the same text unescaped shows the harness would
notice. Skips when Chromium is not installed.
"""

from __future__ import annotations

import contextlib
import http.server
import json
import os
import select
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


class DevTools:
    """Chromium driven over ``--remote-debugging-pipe`` (DevTools protocol on fds 3 and 4): real key presses
    and pointer moves, no extra package. Evaluating expressions through DevTools is not subject to the page's
    policy; the page's own behaviour is."""

    def __init__(self, url: str, profile: Path, *, width: int = 1280) -> None:
        to_chrome_r, to_chrome_w = os.pipe()
        from_chrome_r, from_chrome_w = os.pipe()

        def wire() -> None:  # in the child: its fd 3 reads our commands, fd 4 writes the answers
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)

        self.proc = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe", f"--window-size={width},900", url],
            preexec_fn=wire, pass_fds=(3, 4), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.out, self.inp = to_chrome_w, from_chrome_r
        self.n, self.buf, self.session = 0, b"", None
        page = next(t for t in self.call("Target.getTargets")["targetInfos"] if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        deadline = time.monotonic() + 10
        while self.eval("document.readyState") != "complete" and time.monotonic() < deadline:
            time.sleep(0.05)

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.n += 1
        msg: dict[str, Any] = {"id": self.n, "method": method, "params": params}
        if self.session:
            msg["sessionId"] = self.session
        os.write(self.out, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + 10
        while True:
            while b"\0" not in self.buf:
                ready, _, _ = select.select([self.inp], [], [], max(0.0, deadline - time.monotonic()))
                chunk = os.read(self.inp, 1 << 16) if ready else b""
                if not chunk:
                    raise TimeoutError(f"no answer from chromium to {method}")
                self.buf += chunk
            line, self.buf = self.buf.split(b"\0", 1)
            answer = json.loads(line)
            if answer.get("id") == self.n:
                assert "error" not in answer, answer
                return answer["result"]

    def eval(self, expression: str) -> Any:
        return self.call("Runtime.evaluate", expression=expression, returnByValue=True)["result"].get("value")

    def key(self, key: str, code: int) -> None:
        for kind in ("keyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", type=kind, key=key, code=key, windowsVirtualKeyCode=code)

    def close(self) -> None:
        with contextlib.suppress(TimeoutError, OSError, AssertionError):
            self.call("Browser.close")
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.out)
        os.close(self.inp)


TIP_OF_ACTIVE = "document.getElementById(document.activeElement.getAttribute('aria-describedby'))"


def test_tooltips_show_on_keyboard_focus_and_on_hover(tmp_path: Path) -> None:
    # a term (Stepanakert) before a quote whose speaker and verb the tooltip must name
    text = 'Residents of Stepanakert waited.\n\n"We will never leave," Armen Sargsyan said.'
    page = framing.report_html.render_html(framing.reportdata.ReportData(framing.analyze_text(text, outlet="X")))
    path = tmp_path / "report.html"
    path.write_text(page, encoding="utf-8")
    browser = DevTools(path.as_uri(), tmp_path / "profile")
    try:
        tip_display = "getComputedStyle({}).display"
        # keyboard: Tab until a quote has the focus; its tooltip appears, inside the window
        for _ in range(40):
            browser.key("Tab", 9)
            if "quote" in (browser.eval("document.activeElement.className") or ""):
                break
        assert "quote" in browser.eval("document.activeElement.className")
        assert browser.eval(tip_display.format(TIP_OF_ACTIVE)) != "none"
        text = browser.eval(TIP_OF_ACTIVE + ".innerText")
        assert "Armen Sargsyan" in text and "said" in text
        assert browser.eval(f"{TIP_OF_ACTIVE}.getBoundingClientRect().right <= window.innerWidth")
        browser.key("Escape", 27)  # Esc hides it
        assert browser.eval("document.activeElement === document.body")
        # pointer: the term's tooltip is hidden until the pointer is over the term
        term = "document.querySelector('.text .term[tabindex]')"
        tip = f"document.getElementById({term}.getAttribute('aria-describedby'))"
        assert browser.eval(tip_display.format(tip)) == "none"
        x, y = browser.eval(f"(() => {{ const r = {term}.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }})()")
        browser.call("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
        assert browser.eval(tip_display.format(tip)) != "none"
        assert "Stepanakert" in browser.eval(f"{term}.textContent") and "Armenian" in browser.eval(f"{tip}.innerText")
    finally:
        browser.close()
