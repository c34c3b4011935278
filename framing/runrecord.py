"""The reproducibility record of a run (``run.json``): version, options, inputs, dependencies."""

from __future__ import annotations

import platform
from collections.abc import Iterable
from typing import Any

from . import __version__
from .corpus import Corpus


def run_record(
    corpus: Corpus, *, command: str, options: dict[str, Any] | None = None, lexicons: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The reproducibility record written to run.json (no wall-clock time)."""
    opts = corpus.options
    return {
        "generator": "framing",
        "framing_version": __version__,
        "command": command,
        "python": platform.python_version(),
        "dependencies": dependency_versions(),
        "corpus": {
            "path": str(corpus.path),
            "manifest": corpus.manifest.name if corpus.manifest else None,
            "title": corpus.manifest.title if corpus.manifest else "",
            "files": len(corpus.files),
        },
        "options": {
            "clean": opts.clean,
            "strict": opts.strict,
            "defaults": {k: str(v) for k, v in opts.defaults.items()},
            "max_document_bytes": opts.limits.max_document_bytes,
            **(options or {}),
        },
        "lexicons": lexicons or [],
        "inputs": corpus.input_hashes(),
        "ignored": list(corpus.ignored),
        "diagnostics": [
            {"source": d.source, "line": d.line, "message": d.message, "skipped": d.skipped} for d in corpus.diagnostics
        ],
    }


def dependency_versions(names: Iterable[str] = ("pandas", "textstat", "vaderSentiment", "scikit-learn", "matplotlib", "trafilatura", "PyYAML", "charset-normalizer", "click")) -> dict[str, str]:
    """Installed versions of framing's dependencies."""
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for n in names:
        try:
            out[n] = version(n)
        except PackageNotFoundError:
            out[n] = "not installed"
    return out
