"""Corpus manifests: per-article metadata kept beside the articles.

Two forms, both in the corpus folder:

``corpus.yaml`` (or ``corpus.yml``, ``manifest.yaml``)::

    defaults:            # optional: applies to every document
      language: en
    groups:              # optional: outlet groups for comparisons
      azerbaijani-press: [Turan, "Media Roundup (Azerbaijan)"]
    documents:
      - file: 000_fee2f20a42c07dc0.txt
        outlet: Turan
        date: 2020-12-30
        title: Calls For Withdrawal Of Russian Troops From Karabakh On The Rise
        event: post-war clashes and the Russian peacekeepers
        url: https://...

``manifest.csv`` with a header row: ``file,outlet,title,date,url,event,language,group,author``.

Paths are relative to the corpus folder; absolute paths and paths leading
outside it are refused.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from .errors import Diagnostic, InputError, located
from .fields import normalise_meta
from .yamlio import LineDict, YamlProblem, read_yaml

MANIFEST_NAMES = ("corpus.yaml", "corpus.yml", "manifest.yaml", "manifest.yml", "manifest.csv")


@dataclass(frozen=True, slots=True)
class Entry:
    """Metadata for one file, and where in the manifest it was given."""

    file: str
    meta: dict[str, Any]
    line: int


@dataclass(slots=True)
class Manifest:
    """A parsed manifest.

    Attributes:
        path: The manifest file.
        name: Its name for messages.
        defaults: Metadata applied to every document.
        entries: Per-file metadata, keyed by the normalised relative path.
        groups: Outlet name → group name.
        title: The corpus title, for reports ("" when not given).
        diagnostics: Non-fatal problems found while reading it.
    """

    path: Path
    name: str
    defaults: dict[str, Any] = field(default_factory=dict)
    entries: dict[str, Entry] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    title: str = ""


def find_manifest(root: Path) -> Path | None:
    """Return the manifest file in ``root``, if any (first of :data:`MANIFEST_NAMES`)."""
    for name in MANIFEST_NAMES:
        p = root / name
        if p.is_file():
            return p
    return None


def read_manifest(path: Path, root: Path) -> Manifest:
    """Parse and validate a manifest.

    Raises:
        InputError: Unreadable manifest, a missing ``file`` key, a path that is
            absolute or leads outside ``root``, or a file listed twice.
    """
    name = path.name
    man = Manifest(path=path, name=name)
    if path.suffix.lower() == ".csv":
        rows = _csv_rows(path, name)
        defaults: dict[str, Any] = {}
        groups: dict[str, Any] = {}
    else:
        try:
            data = read_yaml(path, display=name)
        except YamlProblem as exc:
            raise InputError(str(exc)) from None
        if data is None:
            return man
        if isinstance(data, list):
            data_map: LineDict = LineDict(documents=data)
            data_map.line, data_map.key_lines = 1, {"documents": 1}
            data = data_map
        if not isinstance(data, dict):
            raise InputError(located(name, 1, "a manifest must be a mapping with a 'documents' list"))
        unknown = set(data) - {"defaults", "documents", "groups", "title", "description", "corpus"}
        if unknown:
            key = sorted(unknown)[0]
            raise InputError(
                located(name, data.line_of(key), f"unknown key {key!r} (allowed: defaults, documents, groups, title, description)")
            )
        title = data.get("title")
        if title is not None and not isinstance(title, str | int | float):
            raise InputError(located(name, data.line_of("title"), "'title' must be a line of text"))
        man.title = str(title or "").strip()
        defaults = data.get("defaults") or {}
        if not isinstance(defaults, dict):
            raise InputError(located(name, data.line_of("defaults"), "'defaults' must be a mapping of field: value"))
        groups = data.get("groups") or {}
        if not isinstance(groups, dict):
            raise InputError(located(name, data.line_of("groups"), "'groups' must map a group name to a list of outlets"))
        docs = data.get("documents") or []
        if not isinstance(docs, list):
            raise InputError(located(name, data.line_of("documents"), "'documents' must be a list"))
        rows = []
        for i, item in enumerate(docs):
            line = docs.item_lines[i] if hasattr(docs, "item_lines") else None
            if not isinstance(item, dict):
                raise InputError(located(name, line, "each document must be a mapping with at least 'file'"))
            rows.append((getattr(item, "line", line) or 0, dict(item)))
    man.defaults = normalise_meta(dict(defaults))
    for group, outlets in groups.items():
        if isinstance(outlets, str):
            outlets = [outlets]
        if not isinstance(outlets, list):
            raise InputError(located(name, groups.line_of(group), f"group {group!r} must list outlet names"))
        for outlet in outlets:
            man.groups[str(outlet)] = str(group)
    for line, row in rows:
        meta = normalise_meta(row)
        raw_file = meta.pop("file", None) or meta.pop("path", None) or meta.pop("filename", None)
        if not raw_file:
            raise InputError(located(name, line, "document entry has no 'file'"))
        rel = safe_relative(str(raw_file), root, name=name, line=line)
        if rel in man.entries:
            raise InputError(located(name, line, f"{raw_file!r} is listed twice (first at line {man.entries[rel].line})"))
        man.entries[rel] = Entry(file=rel, meta=meta, line=line)
    return man


def safe_relative(raw: str, root: Path, *, name: str, line: int | None) -> str:
    """Normalise a manifest path; refuse absolute paths and paths outside ``root``."""
    text = raw.strip().replace("\\", "/")
    pure = PurePosixPath(text)
    if pure.is_absolute() or (len(text) > 1 and text[1] == ":"):
        raise InputError(located(name, line, f"absolute path {raw!r} refused; give paths relative to the corpus folder"))
    if ".." in pure.parts:
        raise InputError(located(name, line, f"path {raw!r} leads outside the corpus folder; refused"))
    resolved = (root / pure).resolve()
    try:
        resolved.relative_to(root.resolve())
    except ValueError:
        raise InputError(located(name, line, f"path {raw!r} resolves outside the corpus folder; refused")) from None
    return pure.as_posix().removeprefix("./")


def _csv_rows(path: Path, name: str) -> list[tuple[int, dict[str, Any]]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(located(name, None, f"not valid UTF-8 ({exc.reason}); save it as UTF-8")) from None
    except OSError as exc:
        raise InputError(located(name, None, f"cannot read: {exc.strerror or exc}")) from None
    reader = csv.DictReader(text.splitlines(keepends=True))
    fields = [f.strip().lower() for f in (reader.fieldnames or [])]
    if not {"file", "path", "filename"} & set(fields):
        raise InputError(located(name, 1, "manifest.csv needs a 'file' column"))
    rows = []
    try:
        for row in reader:
            line = reader.line_num
            clean = {str(k).strip(): (v or "").strip() for k, v in row.items() if k is not None}
            if not any(clean.values()):
                continue
            rows.append((line, clean))
    except csv.Error as exc:
        raise InputError(located(name, reader.line_num, f"unreadable CSV ({exc})")) from None
    return rows
