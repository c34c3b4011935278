"""Loading every input format: text, metadata, ids, manifests, dates, order.

Each test writes its corpus into ``tmp_path`` and loads it with
:func:`framing.load_corpus`; expectations are written by hand.
"""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import framing
from framing.cli import cli

from .helpers import jsonl, make

P1 = "Residents of Stepanakert spent a second night in basements as shelling continued, local officials said."
P2 = "Peacekeepers reported several violations of the ceasefire and called on both sides to show restraint."


def load(root: Path, **options: object) -> tuple[dict[str, framing.Document], framing.Corpus]:
    corpus = framing.load_corpus(root, **options)
    docs = {d.id: d for d in corpus}
    return docs, corpus


def messages(corpus: framing.Corpus) -> list[str]:
    return [str(d) for d in corpus.diagnostics]


# --- plain text and Markdown ---------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".txt", ".text"])
def test_plain_text_file(suffix: str, tmp_path: Path) -> None:
    docs, corpus = load(
        make(tmp_path, {f"report{suffix}": f"{P1}\n\n{P2}\n"}), defaults={"outlet": "Example Times"}
    )
    assert list(docs) == ["report"]
    doc = docs["report"]
    assert doc.text == f"{P1}\n\n{P2}"
    assert (doc.outlet, doc.source) == ("Example Times", f"report{suffix}")
    assert [doc.sentence_text(i) for i in range(len(doc.sentences))] == [P1, P2]
    assert corpus.diagnostics == []


MARKDOWN = """\
---
outlet: Example Times
date: 21 December 2023 17:11
title: Shelling continues in Stepanakert
author: A. Reporter
---
# A night in the basements

Residents of [Stepanakert](https://example.com/stepanakert) spent a **second night** in basements, officials said.

![Basement shelter](https://example.com/photo.jpg)

## What comes next

Peacekeepers called for *restraint* on both sides.
"""


@pytest.mark.parametrize("suffix", [".md", ".markdown"])
def test_markdown_front_matter_is_metadata_and_markup_is_reduced_to_text(
    suffix: str, tmp_path: Path
) -> None:
    docs, corpus = load(make(tmp_path, {f"night{suffix}": MARKDOWN}))
    doc = docs["night"]
    assert (doc.outlet, doc.date, doc.title, doc.author) == (
        "Example Times",
        "2023-12-21T17:11",
        "Shelling continues in Stepanakert",
        "A. Reporter",
    )
    assert doc.text == (
        "A night in the basements\n\n"
        "Residents of Stepanakert spent a second night in basements, officials said.\n\n"
        "What comes next\n\n"
        "Peacekeepers called for restraint on both sides."
    )
    for leftover in ("---", "outlet:", "#", "](", "**", "*", "https://"):
        assert leftover not in doc.text, leftover
    assert corpus.diagnostics == []


def test_front_matter_in_a_txt_file_is_read_too(tmp_path: Path) -> None:
    docs, _ = load(make(tmp_path, {"a.txt": f"---\noutlet: Turan\ndate: 2020-12-30\n---\n{P1}\n"}))
    assert (docs["a"].outlet, docs["a"].date, docs["a"].text) == ("Turan", "2020-12-30", P1)


def test_broken_front_matter_is_dropped_with_a_warning_naming_its_line(tmp_path: Path) -> None:
    docs, corpus = load(
        make(tmp_path, {"a.md": f"---\noutlet: Turan\ndate: [2020\n---\n{P1}\n"}),
        defaults={"outlet": "X"},
    )
    assert docs["a"].text == P1
    assert docs["a"].date == ""
    [diag] = corpus.diagnostics
    assert (diag.source, diag.skipped) == ("a.md", False)
    assert diag.message.startswith("front matter ignored: ")


# --- HTML --------------------------------------------------------------------------------


def page(*, site_name: bool = True, canonical: bool = True) -> str:
    head = ['<meta charset="utf-8">', "<title>Shelling continues in Stepanakert</title>"]
    if site_name:
        head.append('<meta property="og:site_name" content="Example Times">')
    if canonical:
        head.append(
            '<link rel="canonical" href="https://www.example-times.com/world/shelling-stepanakert">'
        )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>{"".join(head)}<script>alert(1)</script></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li><li><a href="/subscribe">Subscribe today</a></li></ul></nav>
<article>
<h1>Shelling continues in Stepanakert</h1>
<p>{P1}</p>
<p>{P2}</p>
</article>
<script>alert(1)</script>
</body>
</html>
"""


@pytest.mark.parametrize(
    ("site_name", "canonical", "outlet", "url", "warnings"),
    [
        (
            True,
            True,
            "Example Times",
            "https://www.example-times.com/world/shelling-stepanakert",
            [],
        ),
        (
            False,
            True,
            "example-times.com",
            "https://www.example-times.com/world/shelling-stepanakert",
            [],
        ),
        (
            False,
            False,
            "unknown",
            "",
            [
                "page.html: no outlet given (manifest, front matter, site name or URL); outlet set to 'unknown'"
            ],
        ),
    ],
    ids=["site name", "canonical URL only", "neither"],
)
def test_html_article_text_and_outlet(
    site_name: bool, canonical: bool, outlet: str, url: str, warnings: list[str], tmp_path: Path
) -> None:
    docs, corpus = load(
        make(tmp_path, {"page.html": page(site_name=site_name, canonical=canonical)})
    )
    doc = docs["page"]
    assert P1 in doc.text and P2 in doc.text
    assert doc.text.index(P1) < doc.text.index(P2)
    for furniture in ("alert", "script", "Home", "World news", "Subscribe", "<p>", "<"):
        assert furniture not in doc.text, furniture
    assert doc.title == "Shelling continues in Stepanakert"
    assert (doc.outlet, doc.url) == (outlet, url)
    assert messages(corpus) == warnings


def test_htm_suffix_is_html(tmp_path: Path) -> None:
    docs, _ = load(make(tmp_path, {"page.htm": page()}))
    assert docs["page"].outlet == "Example Times"
    assert "alert" not in docs["page"].text


# --- JSON, JSONL, CSV ---------------------------------------------------------------------


def test_json_one_object(tmp_path: Path) -> None:
    obj = {
        "headline": "Calls for withdrawal",
        "body": P1,
        "publisher": "JSON Journal",
        "published": "2020-12-30",
    }
    docs, corpus = load(make(tmp_path, {"single.json": json.dumps(obj)}))
    assert list(docs) == ["single"]
    doc = docs["single"]
    assert (doc.text, doc.title, doc.outlet, doc.date, doc.source) == (
        P1,
        "Calls for withdrawal",
        "JSON Journal",
        "2020-12-30",
        "single.json",
    )
    assert corpus.diagnostics == []


def test_json_one_object_with_an_id(tmp_path: Path) -> None:
    docs, _ = load(
        make(tmp_path, {"single.json": json.dumps({"id": "az-17", "text": P1})}),
        defaults={"outlet": "X"},
    )
    assert list(docs) == ["az-17"]


def test_json_list_of_objects(tmp_path: Path) -> None:
    items = [{"id": "first", "text": P1, "outlet": "A"}, {"text": P2, "outlet": "B"}]
    docs, _ = load(make(tmp_path, {"batch.json": json.dumps(items)}))
    assert [(d.id, d.text, d.outlet) for d in docs.values()] == [
        ("first", P1, "A"),
        ("batch-2", P2, "B"),
    ]


def test_json_articles_wrapper(tmp_path: Path) -> None:
    data = {
        "source": "export",
        "articles": [{"text": P1, "outlet": "A"}, {"text": P2, "outlet": "B", "id": "b"}],
    }
    docs, _ = load(make(tmp_path, {"export.json": json.dumps(data)}))
    assert [(d.id, d.text, d.outlet) for d in docs.values()] == [
        ("export-1", P1, "A"),
        ("b", P2, "B"),
    ]


ROWS = jsonl(
    {"id": "r-1", "text": P1, "outlet": "A"},
    {"text": P2, "outlet": "B", "title": "Second"},
    "",
    {"content": "The third row names its text 'content'.", "outlet": "C"},
)


@pytest.mark.parametrize("name", ["feed.jsonl", "feed.jsonl.gz", "feed.ndjson"])
def test_jsonl_ids_come_from_the_id_field_else_stem_and_line(name: str, tmp_path: Path) -> None:
    data = ROWS.encode("utf-8")
    docs, corpus = load(
        make(tmp_path, {name: gzip.compress(data) if name.endswith(".gz") else data})
    )
    assert [(d.id, d.source, d.outlet) for d in docs.values()] == [
        ("r-1", f"{name}:1", "A"),
        ("feed-2", f"{name}:2", "B"),
        ("feed-4", f"{name}:4", "C"),
    ]
    assert docs["feed-2"].title == "Second"
    assert docs["feed-4"].text == "The third row names its text 'content'."
    assert corpus.diagnostics == []


def test_csv_columns_and_ids_from_stem_and_line(tmp_path: Path) -> None:
    with open(tmp_path / "wire.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["title", "text", "outlet", "date"])
        w.writerow(["First", f"{P1}\n{P2}", "CSV Courier", "2020-12-30"])  # a record over two lines
        w.writerow(["Second", P2, "Wire Weekly", "December 21, 2023"])
    docs, corpus = load(tmp_path)
    assert [(d.id, d.source, d.title, d.outlet, d.date) for d in docs.values()] == [
        ("wire-2", "wire.csv:2", "First", "CSV Courier", "2020-12-30"),
        ("wire-4", "wire.csv:4", "Second", "Wire Weekly", "2023-12-21"),
    ]
    assert P1 in docs["wire-2"].text and P2 in docs["wire-2"].text
    assert docs["wire-4"].text == P2
    assert corpus.diagnostics == []


def test_csv_id_column_is_used(tmp_path: Path) -> None:
    docs, _ = load(make(tmp_path, {"w.csv": f"id,text,outlet\nx-9,{P2},A\n"}))
    assert list(docs) == ["x-9"]


# --- manifests ----------------------------------------------------------------------------

MANIFEST_YAML = """\
title: Karabakh coverage
defaults:
  outlet: Default Daily
  language: en
  event: post-war clashes
groups:
  armenian-press: [Armenpress, Azatutyun]
  azerbaijani-press: Turan
documents:
  - file: am.txt
    outlet: Armenpress
    date: 2020-12-30
    title: Calls for withdrawal
    url: https://armenpress.am/eng/news/1
  - file: sub/az.txt
    source: Turan
    event: border incident
  - file: other.txt
"""

MANIFEST_CSV = """\
file,outlet,title,date,url,event,language,group,author
am.txt,Armenpress,Calls for withdrawal,2020-12-30,https://armenpress.am/eng/news/1,post-war clashes,en,armenian-press,A. Writer
sub/az.txt,Turan,,21 December 2023 17:11,,border incident,en,azerbaijani-press,
"""


def test_corpus_yaml_metadata_defaults_and_groups(tmp_path: Path) -> None:
    root = make(
        tmp_path, {"am.txt": P1, "sub/az.txt": P2, "other.txt": P1, "corpus.yaml": MANIFEST_YAML}
    )
    docs, corpus = load(root)
    assert corpus.manifest is not None and corpus.manifest.name == "corpus.yaml"
    assert corpus.groups == {
        "Armenpress": "armenian-press",
        "Azatutyun": "armenian-press",
        "Turan": "azerbaijani-press",
    }
    got = {
        k: (d.outlet, d.group, d.date, d.title, d.url, d.event, d.language) for k, d in docs.items()
    }
    assert got == {
        "am": (
            "Armenpress",
            "armenian-press",
            "2020-12-30",
            "Calls for withdrawal",
            "https://armenpress.am/eng/news/1",
            "post-war clashes",
            "en",
        ),
        "az": ("Turan", "azerbaijani-press", "", "", "", "border incident", "en"),
        "other": ("Default Daily", "", "", "", "", "post-war clashes", "en"),
    }
    assert corpus.diagnostics == []


def test_manifest_csv_metadata(tmp_path: Path) -> None:
    root = make(tmp_path, {"am.txt": P1, "sub/az.txt": P2, "manifest.csv": MANIFEST_CSV})
    docs, corpus = load(root)
    got = {
        k: (d.outlet, d.group, d.date, d.title, d.url, d.event, d.language, d.author)
        for k, d in docs.items()
    }
    assert got == {
        "am": (
            "Armenpress",
            "armenian-press",
            "2020-12-30",
            "Calls for withdrawal",
            "https://armenpress.am/eng/news/1",
            "post-war clashes",
            "en",
            "A. Writer",
        ),
        "az": (
            "Turan",
            "azerbaijani-press",
            "2023-12-21T17:11",
            "",
            "",
            "border incident",
            "en",
            "",
        ),
    }
    assert corpus.diagnostics == []
    assert "manifest.csv" not in {d.source for d in docs.values()}


def test_the_manifest_overrides_front_matter_of_a_one_article_file(tmp_path: Path) -> None:
    md = (
        "---\noutlet: Front Matter Times\ntitle: Front matter title\ndate: 2020-01-01\nevent: from front matter\n---\n"
        + P1
    )
    manifest = "documents:\n  - file: a.md\n    outlet: Manifest Post\n    date: 2020-12-30\n"
    docs, _ = load(make(tmp_path, {"a.md": md, "corpus.yaml": manifest}))
    doc = docs["a"]
    assert (doc.outlet, doc.date) == ("Manifest Post", "2020-12-30")  # the manifest wins
    assert (doc.title, doc.event) == (
        "Front matter title",
        "from front matter",
    )  # kept where it says nothing


def test_the_manifest_gives_defaults_to_a_jsonl_file_and_rows_win(tmp_path: Path) -> None:
    rows = jsonl({"id": "a", "text": P1, "outlet": "Row Outlet"}, {"id": "b", "text": P2})
    manifest = "documents:\n  - file: feed.jsonl\n    outlet: Manifest Wire\n    event: ceasefire\n"
    docs, _ = load(make(tmp_path, {"feed.jsonl": rows, "corpus.yaml": manifest}))
    assert {k: (d.outlet, d.event) for k, d in docs.items()} == {
        "a": ("Row Outlet", "ceasefire"),
        "b": ("Manifest Wire", "ceasefire"),
    }


def test_manifest_metadata_reaches_the_cli_tables(tmp_path: Path) -> None:
    root = make(
        tmp_path / "corpus",
        {"am.txt": P1, "sub/az.txt": P2, "other.txt": P1, "corpus.yaml": MANIFEST_YAML},
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["analyze", str(root), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1].startswith("framing: analysed 3 documents")
    with open(out / "documents.csv", encoding="utf-8", newline="") as fh:
        rows = {
            r["doc_id"]: (r["outlet"], r["group"], r["date"], r["event"])
            for r in csv.DictReader(fh)
        }
    assert rows == {
        "am": ("Armenpress", "armenian-press", "2020-12-30", "post-war clashes"),
        "az": ("Turan", "azerbaijani-press", "", "border incident"),
        "other": ("Default Daily", "", "", "post-war clashes"),
    }


# --- dates, Unicode, line ends -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("21 December 2023 17:11", "2023-12-21T17:11"),
        ("2020-12-30", "2020-12-30"),
        ("Sat, 05/15/2021 – 07:35", "2021-05-15T07:35"),
        ("December 21, 2023", "2023-12-21"),
        ("2023-12-21T17:11:00Z", "2023-12-21T17:11"),
        ("15.05.2021", "2021-05-15"),
    ],
)
def test_dates_are_parsed_to_iso_8601(raw: str, iso: str, tmp_path: Path) -> None:
    root = make(
        tmp_path,
        {
            "rows.jsonl": jsonl({"id": "row", "text": P1, "date": raw}),
            "fm.md": f"---\ndate: {json.dumps(raw)}\n---\n{P2}\n",
        },
    )
    docs, corpus = load(root, defaults={"outlet": "X"})
    assert (docs["row"].date, docs["fm"].date) == (iso, iso)
    assert corpus.diagnostics == []


@pytest.mark.parametrize("raw", ["2023-02-30", "sometime last week", "32 December 2023"])
def test_impossible_dates_are_left_empty_with_a_warning(raw: str, tmp_path: Path) -> None:
    docs, corpus = load(
        make(tmp_path, {"rows.jsonl": jsonl({"id": "row", "text": P1, "date": raw})}),
        defaults={"outlet": "X"},
    )
    assert docs["row"].date == ""
    assert messages(corpus) == [
        f"rows.jsonl:1: unreadable date {raw!r} (use YYYY-MM-DD); date left empty"
    ]


def test_text_is_nfc_normalised(tmp_path: Path) -> None:
    decomposed = "Cafe\u0301 owners in Ko\u0308ln and Xanke\u0259ndi spoke to the press."
    composed = "Caf\u00e9 owners in K\u00f6ln and Xanke\u0259ndi spoke to the press."
    root = make(
        tmp_path,
        {
            "a.txt": decomposed,
            "b.jsonl": jsonl(
                {"id": "b", "text": decomposed, "outlet": "Me\u0301diapart", "title": "Cafe\u0301"}
            ),
            "c.md": f"---\noutlet: Le Monde\ntitle: Cafe\u0301\n---\n{decomposed}\n",
        },
    )
    docs, _ = load(root, defaults={"outlet": "X"})
    assert {k: d.text for k, d in docs.items()} == {"a": composed, "b": composed, "c": composed}
    assert (docs["b"].outlet, docs["b"].title, docs["c"].title) == (
        "M\u00e9diapart",
        "Caf\u00e9",
        "Caf\u00e9",
    )


def test_crlf_line_ends_load_like_lf(tmp_path: Path) -> None:
    lf = f"---\noutlet: Example Times\ntitle: Line ends\n---\n{P1}\n\n{P2}\n"
    docs, corpus = load(
        make(
            tmp_path,
            {"crlf.md": lf.replace("\n", "\r\n"), "lf.md": lf, "cr.txt": f"{P1}\r\r{P2}\r"},
        )
    )
    for key in ("crlf", "lf"):
        doc = docs[key]
        assert (doc.text, doc.outlet, doc.title) == (
            f"{P1}\n\n{P2}",
            "Example Times",
            "Line ends",
        ), key
        assert [doc.sentence_text(i) for i in range(len(doc.sentences))] == [P1, P2]
    assert docs["cr"].text == f"{P1}\n\n{P2}"
    assert "\r" not in "".join(d.text for d in docs.values())


# --- which files are read, and in which order -----------------------------------------------------


def test_readme_is_ignored_and_listed(tmp_path: Path) -> None:
    root = make(
        tmp_path,
        {
            "a.txt": P1,
            "README.md": "# About this corpus\n\nCollected in 2023.\n",
            "sub/LICENSE.txt": "CC-BY",
        },
    )
    docs, corpus = load(root, defaults={"outlet": "X"})
    assert list(docs) == ["a"]
    assert corpus.ignored == ["README.md", "sub/LICENSE.txt"]
    assert corpus.diagnostics == []


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"),
        ("letter.docx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00"),
        ("notes", b"no suffix at all\n"),
    ],
)
def test_unsupported_file_types_give_a_warning(name: str, content: bytes, tmp_path: Path) -> None:
    root = make(tmp_path / "corpus", {"a.txt": P1, name: content})
    docs, corpus = load(root, defaults={"outlet": "X"})
    assert list(docs) == ["a"]
    suffix = name[name.rfind(".") :] if "." in name else "(none)"
    assert messages(corpus) == [f"{name}: unsupported file type {suffix!r}; skipped"]
    result = CliRunner().invoke(
        cli, ["analyze", str(root), "-o", str(tmp_path / "out"), "--outlet", "X"]
    )
    assert result.exit_code == 0
    assert (
        result.stderr.splitlines()[0]
        == f"warning: {name}: unsupported file type {suffix!r}; skipped"
    )


def test_documents_come_out_sorted_by_path_whatever_the_creation_order(tmp_path: Path) -> None:
    files = {
        "z-last.jsonl": jsonl({"text": P1}, {"text": P2}),
        "sub/03-third.txt": P1,
        "10-tenth.txt": P2,
        "02-second.md": P1,
        "sub/01-inner.txt": P2,
        "01-first.txt": P1,
    }
    forward = make(tmp_path / "forward", files)
    backward = make(tmp_path / "backward", dict(reversed(files.items())))
    expected = [
        "01-first.txt",
        "02-second.md",
        "10-tenth.txt",
        "sub/01-inner.txt",
        "sub/03-third.txt",
        "z-last.jsonl:1",
        "z-last.jsonl:2",
    ]
    for root in (forward, backward):
        corpus = framing.load_corpus(root, defaults={"outlet": "X"})
        assert [d.source for d in corpus] == expected
        assert [d.source for d in corpus] == expected  # iterating again gives the same order
        assert [f.display for f in corpus.files] == [
            "01-first.txt",
            "02-second.md",
            "10-tenth.txt",
            "sub/01-inner.txt",
            "sub/03-third.txt",
            "z-last.jsonl",
        ]
