"""Small helpers shared by the test modules: writing corpus files in a temporary folder."""

from __future__ import annotations

import json
from pathlib import Path


def make(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``files`` (relative path → text or bytes) under ``root``, in the order given."""
    root.mkdir(parents=True, exist_ok=True)
    for rel, content in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return root


def jsonl(*rows: dict | str) -> str:
    """JSONL text: dicts are dumped, strings kept as they are (malformed lines)."""
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows)
