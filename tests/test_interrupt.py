"""Interrupted runs: SIGINT and SIGKILL never leave half-written tables."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals")

TABLES = (
    "documents.csv", "documents.jsonl", "sentences.csv", "terms.csv", "scare_quotes.csv", "naming.csv",
    "naming_lean.csv", "quotes.csv", "voices.csv", "voices_by_side.csv", "run.json",
    "actor_mentions.csv", "tone.csv", "actor_tone.csv", "readability.csv",
)


def make_corpus(path: Path, n: int = 4000) -> Path:
    para = ("Azerbaijan announced on Wednesday that it had halted its military operations. "
            "Thousands gathered at the Stepanakert airport, seeking refuge with Russian peacekeepers. ") * 6
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"d{i}", "outlet": f"Outlet {i % 3}", "text": f"Report {i}.\n\n{para}"}) + "\n")
    return path


def start(corpus: Path, out: Path) -> subprocess.Popen[bytes]:
    # --no-cache: articles another test of the session left in the shared cache would let the run
    # finish before the signal arrives (it must be caught mid-way)
    return subprocess.Popen(
        [sys.executable, "-m", "framing", "analyze", str(corpus), "-o", str(out), "-q", "--no-cache"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


def wait_for_staging(out: Path, proc: subprocess.Popen[bytes], timeout: float = 20.0) -> None:
    """Wait until the run has staged files (it is mid-way), then return."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if out.is_dir() and any(p.name.endswith(".framing-tmp") for p in out.iterdir()):
            time.sleep(0.3)
            return
        if proc.poll() is not None:
            pytest.fail(f"run ended before it could be interrupted: {proc.stderr.read().decode()}")
        time.sleep(0.02)
    pytest.fail("run never started writing")


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_interrupt_keeps_previous_outputs(tmp_path: Path, sig: signal.Signals) -> None:
    small = make_corpus(tmp_path / "small.jsonl", n=20)
    big = make_corpus(tmp_path / "big.jsonl", n=6000)
    out = tmp_path / "out"
    subprocess.run([sys.executable, "-m", "framing", "analyze", str(small), "-o", str(out), "-q"], check=True)
    before = snapshot(out)
    assert set(before) == set(TABLES)

    proc = start(big, out)
    wait_for_staging(out, proc)
    proc.send_signal(sig)
    proc.wait(timeout=30)
    assert proc.returncode != 0
    if sig in (signal.SIGINT, signal.SIGTERM):
        err = proc.stderr.read().decode()
        assert "interrupted" in err
        assert "Traceback" not in err
        # a clean interrupt removes its staged files
        assert snapshot(out) == before
    else:
        # SIGKILL cannot clean up: only hidden staging files may remain, the tables are the old ones
        after = snapshot(out)
        assert {k: v for k, v in after.items() if not k.endswith(".framing-tmp")} == before

    # the next run removes leftovers and completes
    subprocess.run([sys.executable, "-m", "framing", "analyze", str(small), "-o", str(out), "-q"], check=True)
    assert snapshot(out) == before
