"""No network: the whole analysis runs without opening a socket."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from framing import analyze, load_corpus

from .conftest import SEEDS, NetworkBlocked

HTML = b"""<!doctype html><html><head><title>Offensive halted</title>
<meta property="og:site_name" content="Example Wire">
<link rel="canonical" href="https://news.example.org/a/1">
<script src="https://cdn.example.com/tracker.js"></script>
<link rel="stylesheet" href="https://fonts.example.com/font.css">
</head><body><article><h1>Offensive halted</h1>
<p>Azerbaijan announced on Wednesday that it had halted its military operations in Karabakh after a ceasefire.</p>
<img src="https://images.example.com/photo.jpg">
<p>Thousands of people gathered at the Stepanakert airport, seeking refuge with Russian peacekeepers.</p>
</article></body></html>"""


def test_guard_really_blocks(no_network: list) -> None:
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("example.com", 80))
    assert no_network  # the attempt was recorded


def test_analysis_opens_no_socket(tmp_path: Path, no_network: list) -> None:
    for p in SEEDS.iterdir():
        (tmp_path / p.name).write_bytes(p.read_bytes())
    (tmp_path / "page.html").write_bytes(HTML)
    result = analyze(tmp_path)
    assert len(result.documents) == 6
    page = next(d for d in result.documents_list if d.id == "page")
    assert "Stepanakert airport" in page.text
    assert page.outlet == "Example Wire"
    assert no_network == []


def test_corpus_iteration_opens_no_socket(no_network: list) -> None:
    assert len(list(load_corpus(SEEDS))) == 5
    assert no_network == []
