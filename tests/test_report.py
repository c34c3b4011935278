"""`framing report` and `framing worksheet`: the run folder, its files, blind mode, thin material."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli import cli

from .conftest import SEEDS
from .helpers import make

OUTLETS = ["Azerbaijani Media Roundup", "Turan", "Al-Ahram Weekly", "ZeroHedge", "Unnamed WordPress site"]
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def run(*args: str) -> object:
    res = CliRunner().invoke(cli, list(args))
    assert res.exit_code == 0, res.output
    return res


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("rep") / "seeds"
    run("report", str(SEEDS), "-o", str(out), "-q")
    return out


def test_the_run_folder_holds_everything(seeds_report: Path) -> None:
    names = {p.relative_to(seeds_report).as_posix() for p in seeds_report.rglob("*") if p.is_file()}
    for name in ("report.pdf", "report.html", "run.json", "documents.csv", "sentences.csv", "terms.csv",
                 "quotes.csv", "naming.csv", "voices.csv", "tone.csv", "actor_tone.csv", "readability.csv",
                 "distinctive_words.csv", "events.csv", "profile.csv", "outlet_map.csv", "outlet_similarity.csv"):
        assert name in names, name
    figures = sorted(n for n in names if n.startswith("figures/"))
    assert len(figures) >= 10
    run_json = json.loads((seeds_report / "run.json").read_text(encoding="utf-8"))
    assert run_json["command"] == "report"
    # run.json lists every file the run wrote (and nothing else but itself)
    assert set(run_json["outputs"]) == names - {"run.json"}


def test_figures_are_real_pictures(seeds_report: Path) -> None:
    from PIL import Image, ImageStat

    for png in (seeds_report / "figures").glob("*.png"):
        with Image.open(png) as im:
            assert im.width >= 1000 and im.height >= 300, png.name
            # not blank: the pixels vary
            assert max(ImageStat.Stat(im.convert("L")).stddev) > 5, png.name


@needs_poppler
def test_pdf_names_the_corpus_outlets_and_findings(seeds_report: Path) -> None:
    pdf = seeds_report / "report.pdf"
    assert pdf_pages(pdf) >= 10
    text = pdf_text(pdf)
    assert "Nagorno-Karabakh seed articles" in text  # the manifest's title
    for outlet in OUTLETS:
        assert outlet in text
    assert "Key findings" in text and "Methods and limitations" in text
    # every outlet has one article: the report must say that a single article is not a pattern
    assert "single article" in text


def test_report_is_byte_identical_and_leaves_foreign_files_alone(seeds_report: Path, tmp_path: Path) -> None:
    out = tmp_path / "again"
    shutil.copytree(seeds_report, out)
    (out / "my notes.txt").write_text("mine", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    run("report", str(SEEDS), "-o", str(out), "-q")
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == before  # same input, same version: same bytes, PDF and HTML included


def test_report_refuses_to_overwrite_a_foreign_file(tmp_path: Path) -> None:
    out = tmp_path / "r"
    out.mkdir()
    (out / "report.pdf").write_bytes(b"someone else's")
    res = CliRunner().invoke(cli, ["report", str(SEEDS), "-o", str(out), "-q"])
    assert res.exit_code == 1
    assert "report.pdf" in res.stderr and "--force" in res.stderr
    assert (out / "report.pdf").read_bytes() == b"someone else's"


@needs_poppler
def test_blind_report_hides_outlet_names(tmp_path: Path) -> None:
    out = tmp_path / "blind"
    run("report", str(SEEDS), "-o", str(out), "--blind", "-q")
    text = pdf_text(out / "report.pdf")
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "Outlet A" in text and "Outlet A" in html
    for outlet in OUTLETS:
        assert outlet not in text, outlet
        assert outlet not in html, outlet


THIN = {
    # an article that is nothing but page furniture, and one outlet only
    "empty": {"a.txt": "Share this article\n"},
    # text without any lexicon term and without quotes
    "nohits": {"corpus.yaml": "documents:\n  - {file: a.txt, outlet: Daily A}\n  - {file: b.txt, outlet: Daily B}\n",
               "a.txt": "The weather in Paris was mild on Tuesday. People walked in the parks.\n",
               "b.txt": "Rain fell on Lisbon all week. Shops closed early and the trams were slow.\n"},
}


@needs_poppler
@pytest.mark.parametrize(("case", "says"), [
    ("empty", ["had no text left after cleaning", "All articles come from one outlet", "appears as 'unknown'"]),
    ("nohits", ["No lexicon term", "No quote or reported speech was found"]),
])
def test_thin_material_gives_a_report_that_says_what_is_missing(tmp_path: Path, case: str, says: list[str]) -> None:
    root = make(tmp_path / case, THIN[case])
    out = tmp_path / "out"
    run("report", str(root), "-o", str(out), "-q")
    text = " ".join(pdf_text(out / "report.pdf").split())
    html = " ".join((out / "report.html").read_text(encoding="utf-8").split())
    for phrase in says:
        assert phrase in text, phrase
        assert phrase in html.replace("&#x27;", "'"), phrase


@needs_poppler
def test_worksheet_and_answer_key(tmp_path: Path) -> None:
    out = tmp_path / "ws"
    res = run("worksheet", str(SEEDS), "-o", str(out))
    assert "worksheet on 5 documents" in res.stderr
    student, key = pdf_text(out / "worksheet.pdf"), pdf_text(out / "answer-key.pdf")
    assert "Outlet A" in student
    for outlet in OUTLETS:
        assert outlet not in student
        assert outlet in key


def test_events_lists_the_manifest_events() -> None:
    res = run("events", str(SEEDS))
    # seeds/corpus.yaml gives each of the five articles its own event
    assert "2020-12 Khojavend clash and calls to withdraw Russian peacekeepers  (1 article;" in res.stdout
    assert res.stdout.count("(1 article;") == 5
    assert "framing: 5 events in 5 documents" in res.stderr


def test_report_process_leaves_matplotlib_to_the_chart_workers(tmp_path: Path) -> None:
    # the parent forks the chart workers first and never imports matplotlib itself (0.3-0.4 s saved
    # on the critical path); the report is still complete
    import sys

    code = ("import sys; from framing.report import write_report; "
            "s = write_report(sys.argv[1], sys.argv[2]); "
            "print(s.figures, 'matplotlib' in sys.modules, 'matplotlib.figure' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(SEEDS), str(tmp_path / "r")], capture_output=True,
                         text=True, check=True).stdout.split()
    assert out == [str(len(list((tmp_path / "r" / "figures").glob("*.png")))), "False", "False"]
    assert int(out[0]) >= 10


def test_bundled_packs_are_reused_only_when_the_analysis_read_the_bundled_ones() -> None:
    from framing.analysis import Analyzer, analyze_text
    from framing.distinctive import names_of_places, place_names
    from framing.lexicon import bundled_packs
    from framing.report import bundled_packs_of

    default = analyze_text("Officials met in Stepanakert.")
    packs = bundled_packs_of(default)
    assert packs is not None and [p.path for p in packs] == [str(f) for f in bundled_packs()]
    assert names_of_places(packs) == place_names()  # the names the files give when read again
    assert "Nagorno-Karabakh" in " ".join(place_names())
    one_pack = analyze_text("Officials met in Stepanakert.", analyzer=Analyzer(lexicons=[bundled_packs()[0]]))
    assert bundled_packs_of(one_pack) is None  # not the bundled set: the report reads the files as before
