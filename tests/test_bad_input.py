"""Bad input: every case ends in a one-line message and the right exit status.

The cases come from the foundation issue's list. Each is checked through the
command line (``framing analyze DIR -o OUT``) and, where it helps, through the
API. The rules checked for every case:

- one bad input among good ones: exit 0, a ``warning: file[:line]: message``
  line printed before the closing summary, the good documents analysed;
- the bad input alone (nothing readable): exit 1 and one ``framing: error:``
  line naming it;
- ``--strict``: exit 1, one error line, and no tables (nor temporary files)
  in the output folder;
- never a traceback.

Every input file is written by the test itself into ``tmp_path``.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import framing
from framing.cli import cli

from .helpers import jsonl, make

OUTLET = "Example Times"
GOOD = (
    "Residents of Stepanakert spent a second night in basements as shelling continued, "
    "local officials said on Monday.\n"
)
OTHER = "Peacekeepers reported several violations of the ceasefire and called for restraint.\n"
# A real PNG signature and IHDR chunk, followed by image-like bytes.
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"
    + bytes(range(256)) * 4
)
SUMMARY = "framing: analysed "


# --- helpers -------------------------------------------------------------------------


def run(corpus: Path, out: Path, *extra: str, outlet: bool = True) -> Result:
    """Run ``framing analyze`` and check the things that hold for every run."""
    args = [
        "analyze",
        str(corpus),
        "-o",
        str(out),
        *(["--outlet", OUTLET] if outlet else []),
        *extra,
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert "Traceback" not in result.output
    assert "Traceback" not in result.stderr
    return result


def error_line(result: Result) -> str:
    """The single ``framing: error:`` line of a failed run (exit 1, nothing else printed)."""
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("framing: error: "), lines[0]
    assert result.stdout == ""
    return lines[0]


def warnings_and_summary(result: Result) -> tuple[list[str], str]:
    """Warning lines and the summary line of a successful run; the summary comes last."""
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines, "no summary line"
    assert lines[-1].startswith(SUMMARY), lines
    assert all(line.startswith("warning: ") for line in lines[:-1]), lines
    return lines[:-1], lines[-1]


def documents_csv(out: Path) -> list[dict[str, str]]:
    with open(out / "documents.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def documents_jsonl(out: Path) -> dict[str, dict]:
    with open(out / "documents.jsonl", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    return {r["doc_id"]: r for r in records}


def assert_nothing_written(out: Path) -> None:
    """No tables, no run.json and no temporary files in ``out``."""
    if out.exists():
        assert sorted(p.name for p in out.iterdir()) == []


def snapshot(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Every file under ``folder`` (hidden ones too): hash, size, mtime in ns."""
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            st = p.stat()
            out[p.relative_to(folder).as_posix()] = (
                hashlib.sha256(p.read_bytes()).hexdigest(),
                st.st_size,
                st.st_mtime_ns,
            )
    return out


def symlink(link: Path, target: str) -> None:
    link.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.symlink(target, link)
    except (OSError, NotImplementedError) as exc:  # e.g. Windows without the privilege
        pytest.skip(f"cannot create symbolic links here: {exc}")


# --- the table of bad inputs ----------------------------------------------------------


@dataclass(frozen=True)
class Bad:
    """One bad input placed beside good ones.

    Attributes:
        id: Test id.
        build: Writes the whole corpus (good files and the bad one) into a folder.
        source: The file the warning names.
        line: The line it names, or None.
        message: Regular expression the warning's message must match in full.
        documents: Documents analysed from the corpus.
        skipped: Whether the bad input is left out (else it is kept, repaired).
    """

    id: str
    build: Callable[[Path], None]
    source: str
    line: int | None
    message: str
    documents: int
    skipped: bool = True

    @property
    def where(self) -> str:
        """``source[:line]`` as messages print it."""
        return f"{self.source}:{self.line}" if self.line is not None else self.source


def _with_good(files: dict[str, str | bytes]) -> Callable[[Path], None]:
    def build(root: Path) -> None:
        make(root, {"good.txt": GOOD, **files})

    return build


def _symlinked(link: str, target: str) -> Callable[[Path], None]:
    def build(root: Path) -> None:
        make(root, {"good.txt": GOOD})
        symlink(root / link, target)

    return build


MANIFEST_MISSING = """\
documents:
  - file: good.txt
    title: Shelling continues
  - file: gone.txt
    title: An article that was never saved
"""

MANIFEST_BAD_DATE = """\
defaults:
  event: post-war clashes
documents:
  - file: good.txt
    date: soon after the war
"""

BAD: list[Bad] = [
    Bad("empty file", _with_good({"empty.txt": b""}), "empty.txt", None, r"empty file; skipped", 1),
    Bad(
        "whitespace-only file",
        _with_good({"blank.txt": b"  \n\t\r\n   \n"}),
        "blank.txt",
        None,
        r"file holds only white space; skipped",
        1,
    ),
    Bad(
        "PNG renamed .txt",
        _with_good({"chart.txt": PNG}),
        "chart.txt",
        None,
        r"not a text file \(PNG image\); skipped",
        1,
    ),
    Bad(
        "CSV without a text column",
        _with_good(
            {"wire.csv": "headline,outlet,date\nShelling continues,Example Times,2023-12-21\n"}
        ),
        "wire.csv",
        1,
        r"no text column \(expected one of: text, [^;]*; found: headline, outlet, date\); skipped",
        1,
    ),
    Bad(
        "JSONL with a malformed line",
        _with_good(
            {
                "feed.jsonl": jsonl(
                    {"id": "f1", "text": GOOD},
                    '{"id": "f2", "text": "an unterminated string}',
                    {"id": "f3", "text": OTHER},
                )
            }
        ),
        "feed.jsonl",
        2,
        r"malformed JSON \([^)]+\); line skipped",
        3,
    ),
    Bad(
        "manifest names a missing file",
        _with_good({"corpus.yaml": MANIFEST_MISSING}),
        "corpus.yaml",
        4,
        r"gone\.txt: no such file; entry skipped",
        1,
    ),
    Bad(
        "unparseable date in a JSONL row",
        _with_good(
            {
                "feed.jsonl": jsonl(
                    {"id": "f1", "text": GOOD, "date": "2020-12-30"},
                    {"id": "f2", "text": OTHER, "date": "the day after the ceasefire"},
                )
            }
        ),
        "feed.jsonl",
        2,
        r"unreadable date 'the day after the ceasefire' \(use YYYY-MM-DD\); date left empty",
        3,
        skipped=False,
    ),
    Bad(
        "unparseable date in the manifest",
        _with_good({"corpus.yaml": MANIFEST_BAD_DATE}),
        "corpus.yaml",
        4,
        r"good\.txt: unreadable date 'soon after the war' \(use YYYY-MM-DD\); date left empty",
        1,
        skipped=False,
    ),
    Bad(
        "duplicate document ids",
        _with_good(
            {"feed.jsonl": jsonl({"id": "dup", "text": OTHER}, {"id": "dup", "text": GOOD})}
        ),
        "feed.jsonl",
        2,
        r"duplicate document id 'dup' \(first in feed\.jsonl:1\); skipped",
        2,
    ),
    Bad(
        "symlink to its own folder",
        _symlinked("again", "."),
        "again",
        None,
        r"symbolic link loop \(folder already visited\); not followed",
        1,
    ),
    Bad(
        "symlink to the parent folder",
        _symlinked("sub/up", ".."),
        "sub/up",
        None,
        r"symbolic link loop \(folder already visited\); not followed",
        1,
    ),
    Bad(
        "symlink to itself",
        _symlinked("me.txt", "me.txt"),
        "me.txt",
        None,
        r"cannot open: .+; skipped",
        1,
    ),
]


@pytest.mark.parametrize("case", BAD, ids=[c.id for c in BAD])
def test_one_bad_input_among_good_ones_warns_and_goes_on(case: Bad, tmp_path: Path) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    case.build(corpus)
    result = run(corpus, out)
    warnings, summary = warnings_and_summary(result)
    pattern = re.compile(r"warning: " + re.escape(case.where) + ": " + case.message)
    assert [w for w in warnings if pattern.fullmatch(w)], (
        f"expected {pattern.pattern!r} in {warnings}"
    )
    assert summary.startswith(f"framing: analysed {case.documents} document")
    assert len(documents_csv(out)) == case.documents


@pytest.mark.parametrize("case", BAD, ids=[c.id for c in BAD])
def test_one_bad_input_is_a_diagnostic_in_the_api(case: Bad, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    case.build(corpus)
    loaded = framing.load_corpus(corpus, defaults={"outlet": OUTLET})
    docs = list(loaded)
    assert len(docs) == case.documents
    found = [
        d
        for d in loaded.diagnostics
        if (d.source, d.line, d.skipped) == (case.source, case.line, case.skipped)
        and re.fullmatch(case.message, d.message)
    ]
    assert found, loaded.diagnostics


@pytest.mark.parametrize("case", BAD, ids=[c.id for c in BAD])
def test_strict_turns_the_warning_into_a_failure_with_no_tables(case: Bad, tmp_path: Path) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    case.build(corpus)
    line = error_line(run(corpus, out, "--strict"))
    pattern = r"framing: error: " + re.escape(case.where) + ": " + case.message + r" \(--strict\)"
    assert re.fullmatch(pattern, line), line
    assert_nothing_written(out)
    with pytest.raises(framing.InputError):
        list(framing.load_corpus(corpus, strict=True, defaults={"outlet": OUTLET}))


ALONE = [
    ("empty.txt", b"", "empty.txt", r"empty file; skipped"),
    ("blank.txt", b" \n\n\t  \r\n", "blank.txt", r"file holds only white space; skipped"),
    ("chart.txt", PNG, "chart.txt", r"not a text file \(PNG image\); skipped"),
    (
        "wire.csv",
        b"headline,outlet\nShelling continues,Example Times\n",
        "wire.csv:1",
        r"no text column .*; skipped",
    ),
    ("feed.jsonl", b'{"text": "unterminated\n', "feed.jsonl:1", r"malformed JSON .*; line skipped"),
]


@pytest.mark.parametrize(("name", "content", "where", "message"), ALONE, ids=[a[0] for a in ALONE])
def test_nothing_readable_is_an_error_naming_the_file(
    name: str, content: bytes, where: str, message: str, tmp_path: Path
) -> None:
    corpus, out = make(tmp_path / "corpus", {name: content}), tmp_path / "out"
    line = error_line(run(corpus, out))
    pattern = rf"framing: error: {re.escape(str(corpus))}: no documents could be read: {re.escape(where)}: {message}"
    assert re.fullmatch(pattern, line), line
    assert_nothing_written(out)
    with pytest.raises(framing.InputError, match=re.escape(name)):
        framing.analyze(corpus)


# --- encodings -------------------------------------------------------------------------

RUSSIAN = "Жители Степанакерта провели вторую ночь в подвалах. Миротворцы сообщили о нарушениях перемирия."
MIXED = "Residents of Stepanakert (Степанакерт) spent the night in basements; «Обстрелы продолжаются», officials said."
FRENCH = (
    "Le café de la place était fermé à Genève. « Très inquiétant », a déclaré un témoin à l'école."
)

ENCODED = [
    ("utf-16 with BOM", "bom.txt", "\ufeff" + MIXED, "utf-16-le", MIXED),
    ("utf-16-le without BOM, mixed", "mixed.txt", MIXED, "utf-16-le", MIXED),
    ("utf-16-be without BOM, mixed", "mixed.txt", MIXED, "utf-16-be", MIXED),
    ("utf-16-le without BOM, Latin", "en.txt", GOOD.strip(), "utf-16-le", GOOD.strip()),
    ("utf-16-le without BOM, Russian", "ru.txt", RUSSIAN, "utf-16-le", RUSSIAN),
    ("cp1251 Russian", "ru.txt", RUSSIAN, "cp1251", RUSSIAN),
    ("latin-1 French", "fr.txt", FRENCH, "latin-1", FRENCH),
]


@pytest.mark.parametrize(
    ("label", "name", "text", "encoding", "expected"), ENCODED, ids=[e[0] for e in ENCODED]
)
def test_legacy_encodings_are_decoded(
    label: str, name: str, text: str, encoding: str, expected: str, tmp_path: Path
) -> None:
    corpus = make(tmp_path / "corpus", {name: text.encode(encoding)})
    loaded = framing.load_corpus(corpus, defaults={"outlet": OUTLET})
    [doc] = list(loaded)
    assert doc.text == expected
    assert loaded.diagnostics == []
    assert doc.notes and "decoded as" in doc.notes[0]


def test_legacy_encodings_come_through_the_cli(tmp_path: Path) -> None:
    corpus = make(
        tmp_path / "corpus",
        {
            "a-utf16.txt": MIXED.encode("utf-16"),
            "b-utf16le.txt": MIXED.encode("utf-16-le"),
            "c-cp1251.txt": RUSSIAN.encode("cp1251"),
            "d-latin1.txt": FRENCH.encode("latin-1"),
        },
    )
    out = tmp_path / "out"
    warnings, summary = warnings_and_summary(run(corpus, out))
    assert warnings == []
    assert summary.startswith("framing: analysed 4 documents")
    texts = {k: v["text"] for k, v in documents_jsonl(out).items()}
    assert texts == {"a-utf16": MIXED, "b-utf16le": MIXED, "c-cp1251": RUSSIAN, "d-latin1": FRENCH}


def test_invalid_utf8_is_read_with_replacement_characters_and_a_note(tmp_path: Path) -> None:
    text = (
        "Caf\u00e9 owners in Z\u00fcrich said the na\u00efve reporters left the \u00e9cole early.\n"
    )
    data = text.encode("utf-8").replace(b"left", b"le\xfft").replace(b"early", b"ea\xc3rly")
    corpus, out = (
        make(tmp_path / "corpus", {"good.txt": GOOD, "broken.txt": data}),
        tmp_path / "out",
    )

    loaded = framing.load_corpus(corpus, defaults={"outlet": OUTLET})
    docs = {d.id: d for d in loaded}
    assert (
        docs["broken"].text
        == "Caf\u00e9 owners in Z\u00fcrich said the na\u00efve reporters le\ufffdt the \u00e9cole ea\ufffdrly."
    )
    assert docs["broken"].notes == ("2 invalid UTF-8 byte sequence(s) replaced with U+FFFD",)
    assert loaded.diagnostics == []

    warnings, summary = warnings_and_summary(run(corpus, out, "--strict"))
    assert warnings == []
    assert "0 skipped" in summary
    rows = {r["doc_id"]: r for r in documents_csv(out)}
    assert rows["broken"]["read_notes"] == "2 invalid UTF-8 byte sequence(s) replaced with U+FFFD"


# --- size and number of files -----------------------------------------------------------


def test_a_50_mb_file_is_skipped_quickly_with_a_warning_naming_the_limit(tmp_path: Path) -> None:
    corpus, out = make(tmp_path / "corpus", {"good.txt": GOOD}), tmp_path / "out"
    huge = corpus / "huge.txt"
    huge.write_bytes(
        b"Residents fled the town while the shelling went on.\n" * 1_000_000
    )  # 52 bytes a line
    try:
        assert huge.stat().st_size == 52_000_000
        t0 = time.perf_counter()
        warnings, summary = warnings_and_summary(run(corpus, out))
        assert time.perf_counter() - t0 < 10
        assert warnings == [
            "warning: huge.txt: file is 52.0 MB, over the 10 MB limit for one article; skipped (raise it with --max-doc-mb)"
        ]
        assert summary.startswith("framing: analysed 1 document (")
        assert "1 skipped" in summary
        assert [r["doc_id"] for r in documents_csv(out)] == ["good"]

        line = error_line(run(corpus, tmp_path / "strict", "--strict"))
        assert "huge.txt: file is 52.0 MB, over the 10 MB limit" in line
        assert_nothing_written(tmp_path / "strict")
    finally:
        huge.unlink()


def test_max_doc_mb_raises_the_limit(tmp_path: Path) -> None:
    paragraph = "Residents of the town said the shelling continued through the night. " * 8 + "\n\n"
    corpus = make(tmp_path / "corpus", {"good.txt": GOOD, "long.txt": paragraph * 2200})  # 1.2 MB
    warnings, summary = warnings_and_summary(run(corpus, tmp_path / "one", "--max-doc-mb", "1"))
    assert warnings == [
        "warning: long.txt: file is 1.2 MB, over the 1 MB limit for one article; skipped (raise it with --max-doc-mb)"
    ]
    assert summary.startswith("framing: analysed 1 document (")
    warnings, summary = warnings_and_summary(run(corpus, tmp_path / "two", "--max-doc-mb", "2"))
    assert warnings == []
    assert sorted(r["doc_id"] for r in documents_csv(tmp_path / "two")) == ["good", "long"]


def test_a_folder_of_10000_tiny_files_is_read_completely(tmp_path: Path) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    body = b"Residents fled the town on Monday.\n"
    for i in range(10_000):
        (corpus / f"{i:05d}.txt").write_bytes(body)
    warnings, summary = warnings_and_summary(run(corpus, out, "--quiet"))
    assert summary.startswith(
        "framing: analysed 10000 documents (10000 sentences) from 10000 files; 0 skipped"
    )
    rows = documents_csv(out)
    assert len(rows) == 10_000
    assert [r["doc_id"] for r in rows] == [f"{i:05d}" for i in range(10_000)]
    assert json.loads((out / "run.json").read_text(encoding="utf-8"))["corpus"]["files"] == 10_000


# --- manifests --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("../x.txt", "path '../x.txt' leads outside the corpus folder; refused"),
        ("sub/../../x.txt", "path 'sub/../../x.txt' leads outside the corpus folder; refused"),
        (
            "/etc/hosts",
            "absolute path '/etc/hosts' refused; give paths relative to the corpus folder",
        ),
        (
            "C:/Windows/win.ini",
            "absolute path 'C:/Windows/win.ini' refused; give paths relative to the corpus folder",
        ),
    ],
)
def test_manifest_paths_outside_the_corpus_are_an_error(
    path: str, message: str, tmp_path: Path
) -> None:
    (tmp_path / "x.txt").write_text(GOOD, encoding="utf-8")
    manifest = f"defaults:\n  outlet: {OUTLET}\ndocuments:\n  - file: good.txt\n  - file: {path}\n    title: Outside\n"
    corpus, out = (
        make(tmp_path / "corpus", {"good.txt": GOOD, "corpus.yaml": manifest}),
        tmp_path / "out",
    )
    assert error_line(run(corpus, out)) == f"framing: error: corpus.yaml:5: {message}"
    assert_nothing_written(out)
    with pytest.raises(framing.InputError, match=r"^corpus\.yaml:5: "):
        framing.load_corpus(corpus)


def test_a_yaml_alias_bomb_is_refused_with_its_line(tmp_path: Path) -> None:
    bomb = (
        "documents:\n"
        "  - file: good.txt\n"
        "groups:\n"
        '  a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
        "  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
        "  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        "  e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
    )
    corpus, out = (
        make(tmp_path / "corpus", {"good.txt": GOOD, "corpus.yaml": bomb}),
        tmp_path / "out",
    )
    t0 = time.perf_counter()
    line = error_line(run(corpus, out))
    assert time.perf_counter() - t0 < 5
    assert line == "framing: error: corpus.yaml:4: YAML anchors and aliases (&, *) are not allowed"
    assert_nothing_written(out)


# --- outputs ------------------------------------------------------------------------------


def test_an_output_path_that_is_a_file_is_an_error(tmp_path: Path) -> None:
    corpus = make(tmp_path / "corpus", {"good.txt": GOOD})
    out = tmp_path / "out.csv"
    out.write_text("not a folder\n", encoding="utf-8")
    line = error_line(run(corpus, out))
    assert (
        line == f"framing: error: {out}: output path exists and is not a folder; choose another -o"
    )
    assert out.read_text(encoding="utf-8") == "not a folder\n"


def _mixed_corpus(root: Path) -> Path:
    """One file of every format, a manifest, and a bad file."""
    buf = gzip.compress(
        jsonl({"id": "g1", "text": OTHER, "outlet": "Gzip Daily"}).encode("utf-8"), mtime=0
    )
    return make(
        root,
        {
            "a.txt": GOOD,
            "b.md": f"---\noutlet: Markdown Weekly\ndate: 2020-12-30\n---\n# Heading\n\n{OTHER}",
            "c.html": f"<html><head><meta property='og:site_name' content='HTML Herald'></head>"
            f"<body><article><p>{GOOD}</p><p>{OTHER}</p></article></body></html>",
            "d.json": json.dumps({"id": "j1", "text": GOOD, "outlet": "JSON Journal"}),
            "e.jsonl": jsonl({"id": "l1", "text": GOOD}, "{broken", {"id": "l3", "text": OTHER}),
            "f.jsonl.gz": buf,
            "g.csv": f'text,outlet,date\n"{GOOD.strip()}",CSV Courier,21 December 2023 17:11\n',
            "h-empty.txt": b"",
            "sub/i.txt": OTHER.encode("cp1251") + "Жители покинули город.".encode("cp1251"),
            "corpus.yaml": "defaults:\n  language: en\ndocuments:\n  - file: a.txt\n    outlet: Manifest Post\n",
            "README.md": "# About this corpus\n",
        },
    )


def test_inputs_are_never_modified(tmp_path: Path) -> None:
    corpus = _mixed_corpus(tmp_path / "corpus")
    old = time.time() - 10 * 365 * 86400  # mtimes ten years back: any write would show
    for p in corpus.rglob("*"):
        if p.is_file():
            os.utime(p, (old, old))
    before = snapshot(corpus)
    warnings, _ = warnings_and_summary(run(corpus, tmp_path / "out", outlet=False))
    assert any(w.startswith("warning: e.jsonl:2: malformed JSON") for w in warnings)
    framing.analyze(corpus)
    assert snapshot(corpus) == before  # same files, same bytes, same mtimes, nothing added


def test_a_strict_failure_mid_run_writes_no_tables_and_no_temporary_files(tmp_path: Path) -> None:
    # a.txt is analysed first, then b.txt (empty) fails the run.
    corpus, out = make(tmp_path / "corpus", {"a.txt": GOOD, "b.txt": b""}), tmp_path / "out"
    line = error_line(run(corpus, out, "--strict"))
    assert line.endswith("b.txt: empty file; skipped (--strict)")
    assert_nothing_written(out)


def test_a_strict_failure_leaves_the_previous_outputs_unchanged(tmp_path: Path) -> None:
    corpus, out = make(tmp_path / "corpus", {"a.txt": GOOD, "c.txt": OTHER}), tmp_path / "out"
    warnings_and_summary(run(corpus, out))
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert {"documents.csv", "documents.jsonl", "sentences.csv", "run.json"} <= set(before)
    (corpus / "b.txt").write_bytes(b"")
    error_line(run(corpus, out, "--strict"))
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_foreign_documents_csv_is_not_overwritten_without_force(tmp_path: Path) -> None:
    corpus, out = make(tmp_path / "corpus", {"a.txt": GOOD}), tmp_path / "out"
    out.mkdir()
    (out / "documents.csv").write_text("my,own,table\n", encoding="utf-8")
    line = error_line(run(corpus, out))
    assert line.startswith(
        f"framing: error: {out}: would overwrite documents.csv, not written by framing;"
    )
    assert "--force" in line
    assert sorted(p.name for p in out.iterdir()) == ["documents.csv"]
    assert (out / "documents.csv").read_text(encoding="utf-8") == "my,own,table\n"

    warnings_and_summary(run(corpus, out, "--force"))
    assert [r["doc_id"] for r in documents_csv(out)] == ["a"]


def test_framing_overwrites_its_own_earlier_outputs(tmp_path: Path) -> None:
    corpus, out = make(tmp_path / "corpus", {"a.txt": GOOD}), tmp_path / "out"
    (out).mkdir()
    (out / "notes.txt").write_text("kept\n", encoding="utf-8")
    warnings_and_summary(run(corpus, out))
    assert [r["doc_id"] for r in documents_csv(out)] == ["a"]
    (corpus / "b.txt").write_text(OTHER, encoding="utf-8")
    warnings_and_summary(run(corpus, out))
    assert [r["doc_id"] for r in documents_csv(out)] == ["a", "b"]
    assert (out / "notes.txt").read_text(encoding="utf-8") == "kept\n"
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]


# --- single cases, checked in more detail ---------------------------------------------------


def test_unparseable_date_keeps_the_document_with_an_empty_date(tmp_path: Path) -> None:
    corpus = make(
        tmp_path / "corpus",
        {
            "feed.jsonl": jsonl(
                {"id": "f1", "text": GOOD, "date": "2020-12-30"},
                {"id": "f2", "text": OTHER, "date": "the day after"},
            )
        },
    )
    out = tmp_path / "out"
    warnings, _ = warnings_and_summary(run(corpus, out))
    assert warnings == [
        "warning: feed.jsonl:2: unreadable date 'the day after' (use YYYY-MM-DD); date left empty"
    ]
    assert {r["doc_id"]: r["date"] for r in documents_csv(out)} == {"f1": "2020-12-30", "f2": ""}


def test_duplicate_ids_keep_the_first_row(tmp_path: Path) -> None:
    corpus = make(
        tmp_path / "corpus",
        {"feed.jsonl": jsonl({"id": "dup", "text": GOOD}, {"id": "dup", "text": OTHER})},
    )
    docs = list(framing.load_corpus(corpus, defaults={"outlet": OUTLET}))
    assert [(d.id, d.text, d.source) for d in docs] == [("dup", GOOD.strip(), "feed.jsonl:1")]


def test_a_malformed_jsonl_line_does_not_stop_the_other_rows(tmp_path: Path) -> None:
    corpus = make(
        tmp_path / "corpus",
        {
            "feed.jsonl": jsonl(
                {"id": "f1", "text": GOOD}, "not json at all", "[1, 2", {"id": "f4", "text": OTHER}
            )
        },
    )
    out = tmp_path / "out"
    warnings, _ = warnings_and_summary(run(corpus, out))
    assert [w.split(": malformed JSON")[0] for w in warnings] == [
        "warning: feed.jsonl:2",
        "warning: feed.jsonl:3",
    ]
    assert [r["doc_id"] for r in documents_csv(out)] == ["f1", "f4"]
