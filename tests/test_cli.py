"""The command line: help, version, python -m, summary line, run.json."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from framing import __version__
from framing.cli import cli

from .conftest import ROOT, SEEDS


def test_every_command_has_help_with_examples() -> None:
    runner = CliRunner()
    top = runner.invoke(cli, ["--help"])
    assert top.exit_code == 0
    assert "Examples:" in top.output
    for name in cli.commands:
        res = runner.invoke(cli, [name, "--help"])
        assert res.exit_code == 0, name
        assert "Examples:" in res.output, name
        assert f"framing {name}" in res.output or "Usage:" in res.output


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"framing {name}" in readme, name


def test_version() -> None:
    res = CliRunner().invoke(cli, ["--version"])
    assert res.exit_code == 0
    assert res.output.strip() == f"framing {__version__}"


def test_python_dash_m() -> None:
    out = subprocess.run([sys.executable, "-m", "framing", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"framing {__version__}"


def test_analyze_writes_tables_and_summary(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["analyze", str(SEEDS), "-o", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    assert "framing: analysed 5 documents" in res.stderr
    assert "0 skipped, 0 warnings" in res.stderr
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == [
        "actor_mentions.csv", "actor_tone.csv", "documents.csv", "documents.jsonl", "naming.csv",
        "naming_lean.csv", "quotes.csv", "readability.csv", "run.json", "scare_quotes.csv", "sentences.csv",
        "terms.csv", "tone.csv", "voices.csv", "voices_by_side.csv",
    ]
    run = json.loads((tmp_path / "out" / "run.json").read_text())
    assert run["generator"] == "framing"
    assert run["framing_version"] == __version__
    assert [i["path"] for i in run["inputs"]] == ["corpus.yaml"] + sorted(p.name for p in SEEDS.glob("0*.txt"))
    assert set(run["outputs"]) == set(names) - {"run.json"}
    assert [lx["pack"] for lx in run["lexicons"]] == ["actors", "distancing", "karabakh", "russia-ukraine"]
    assert run["counts"]["documents.csv"] == 5
    # no wall-clock time: nothing of today's date, no timestamp fields
    import datetime as dt

    assert dt.date.today().isoformat() not in json.dumps(run)
    assert not {"timestamp", "created", "started", "finished", "elapsed"} & set(run)


def test_missing_corpus_is_one_line_error(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["analyze", str(tmp_path / "nope"), "-o", str(tmp_path / "o")])
    assert res.exit_code == 1
    assert res.stderr.strip().count("\n") == 0
    assert "no such file or folder" in res.stderr
    assert "Traceback" not in res.output + res.stderr


def test_actors_option_gives_speakers_their_side(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Talks resumed in Baku.\n\n\"We will not give up,\" said Ann Example, a local mayor.\n", encoding="utf-8"
    )
    actors = tmp_path / "actors.yaml"
    actors.write_text(
        "format: 1\npack: my-actors\nkind: actors\nversion: '1'\nsides: [azerbaijani]\n"
        "actors:\n  - id: ann\n    name: Ann Example\n    type: person\n    side: azerbaijani\n",
        encoding="utf-8",
    )
    res = CliRunner().invoke(cli, ["analyze", str(corpus), "-o", str(tmp_path / "o"), "--actors", str(actors), "-q"])
    assert res.exit_code == 0, res.output
    rows = (tmp_path / "o" / "quotes.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 2
    assert "Ann Example" in rows[1] and ",azerbaijani," in rows[1]


def test_a_closed_pipe_ends_quietly() -> None:
    # `framing events seeds | head -1`: the reader stops early; no traceback, no "internal error"
    import subprocess
    import sys

    code = "from framing.cli import main; import sys; sys.argv = ['framing', 'events', sys.argv[1]]; main()"
    proc = subprocess.Popen([sys.executable, "-c", code, str(SEEDS)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # closed before framing writes its first line: every write meets a broken pipe
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141
    assert "Traceback" not in err and "internal error" not in err


def test_jobs_cache_and_spreadsheet_safe_options(tmp_path: Path) -> None:
    from .helpers import jsonl, make

    rows = [{"id": f"d{i}", "outlet": "=HYPERLINK(\"http://x\")" if i == 0 else "Daily", "text":
             f"Shelling near Stepanakert on day {i}. \"We will hold,\" the mayor said."} for i in range(6)]
    root = make(tmp_path / "c", {"news.jsonl": jsonl(*rows)})
    cache = tmp_path / "cache.sqlite"
    one = tmp_path / "one"
    two = tmp_path / "two"
    res = CliRunner().invoke(cli, ["analyze", str(root), "-o", str(one), "--cache", str(cache), "-q"])
    assert res.exit_code == 0, res.output
    assert cache.is_file()  # the cache was written where asked
    res = CliRunner().invoke(cli, ["analyze", str(root), "-o", str(two), "--jobs", "2", "--no-cache", "-q"])
    assert res.exit_code == 0, res.output
    for name in ("documents.csv", "sentences.csv", "terms.csv", "quotes.csv", "tone.csv"):
        assert (one / name).read_bytes() == (two / name).read_bytes(), name
    # an outlet name that a spreadsheet would run as a formula is written as plain text when asked
    assert '"=HYPERLINK(""http://x"")"' in (one / "documents.csv").read_text(encoding="utf-8")
    safe = tmp_path / "safe"
    res = CliRunner().invoke(cli, ["analyze", str(root), "-o", str(safe), "--spreadsheet-safe", "--no-cache", "-q"])
    assert res.exit_code == 0, res.output
    text = (safe / "documents.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text and '"=HYPERLINK' not in text
    assert json.loads((safe / "run.json").read_text(encoding="utf-8"))["options"]["spreadsheet_safe"] is True
