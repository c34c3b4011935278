"""Loading a corpus: a folder or file of articles, streamed one at a time.

:func:`load_corpus` checks the path and the manifest at once (so a bad manifest
fails before any work is done) and returns a :class:`Corpus` that reads and
cleans articles lazily, in a fixed order, as it is iterated.
"""

from __future__ import annotations

import dataclasses
import operator
import os
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import Diagnostic, InputError
from .fields import canonical_key
from .manifest import MANIFEST_NAMES, Manifest, find_manifest, read_manifest
from .model import Document, Source
from .readers import ReadLimits, read_file, sha256_file, suffix_of

#: File names in a corpus folder that are documentation, not articles.
IGNORED_PREFIXES = ("readme", "license", "licence", "changelog", "notice", "copying")


@dataclass(frozen=True, slots=True)
class LoadOptions:
    """How to read a corpus.

    Attributes:
        limits: Size limits (see :class:`~framing.readers.ReadLimits`).
        defaults: Metadata applied to every document unless it has its own
            (for example ``{"outlet": "Reuters"}`` for a single-outlet folder).
        clean: Remove page furniture (share counters, comment forms, ...).
        strict: Turn every warning into a failure.
        groups: Outlet → group for comparisons (``--group``); wins over the manifest's groups.
    """

    limits: ReadLimits = field(default_factory=ReadLimits)
    defaults: dict[str, Any] = field(default_factory=dict)
    clean: bool = True
    strict: bool = False
    groups: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file that belongs to the corpus."""

    path: Path
    display: str
    size: int


class Corpus:
    """A set of articles, read lazily in a deterministic order.

    Iterating yields cleaned :class:`~framing.model.Document` objects;
    :meth:`sources` yields the raw :class:`~framing.model.Source` records (what
    parallel workers receive). Problems with single files or rows are collected
    in :attr:`diagnostics` while iterating; with ``strict=True`` the first one
    raises :class:`~framing.errors.InputError` instead.

    Attributes:
        root: The corpus folder (or the folder of a single-file corpus).
        path: The path the user gave.
        files: The input files, sorted.
        manifest: The manifest, if the folder has one.
        ignored: Files left out on purpose (README, the manifest itself).
        diagnostics: Problems found so far.
    """

    def __init__(
        self,
        path: Path,
        root: Path,
        files: list[InputFile],
        manifest: Manifest | None,
        options: LoadOptions,
        diagnostics: list[Diagnostic],
        ignored: list[str],
    ) -> None:
        self.path = path
        self.root = root
        self.files = files
        self.manifest = manifest
        self.options = options
        self.diagnostics: list[Diagnostic] = list(diagnostics)
        self.ignored = ignored
        self._initial = list(diagnostics)

    def __repr__(self) -> str:
        return f"Corpus({str(self.path)!r}, files={len(self.files)})"

    @property
    def groups(self) -> dict[str, str]:
        """Outlet → group, from the manifest."""
        return dict(self.manifest.groups) if self.manifest else {}

    def warn(self, diag: Diagnostic) -> None:
        """Record a diagnostic (or raise it, in strict mode)."""
        if self.options.strict:
            raise InputError(f"{diag} (--strict)")
        self.diagnostics.append(diag)

    def sources(self) -> Iterator[Source]:
        """Yield every readable article as a raw :class:`Source`, manifest metadata applied."""
        from .cleaning import check_meta

        self.diagnostics = list(self._initial)
        if self.options.strict and self.diagnostics:
            raise InputError(f"{self.diagnostics[0]} (--strict)")
        seen: dict[str, str] = {}
        man = self.manifest
        for f in self.files:
            entry = man.entries.get(f.display) if man else None
            for item in read_file(f.path, display=f.display, limits=self.options.limits, clean=self.options.clean):
                if isinstance(item, Diagnostic):
                    self.warn(item)
                    continue
                meta = dict(self.options.defaults)
                if man:
                    meta.update({k: v for k, v in man.defaults.items() if v not in (None, "")})
                if entry is not None:
                    entry_meta = {k: v for k, v in entry.meta.items() if v not in (None, "")}
                    if item.source == f.display:  # one-article file: the manifest corrects it
                        meta.update(item.meta)
                        meta.update(entry_meta)
                        if "id" in entry.meta and entry.meta["id"]:
                            item = replace(item, id=str(entry.meta["id"]))
                    else:  # a row file: the manifest gives defaults, rows win
                        meta.update(entry_meta)
                        meta.update(item.meta)
                else:
                    meta.update(item.meta)
                meta.pop("id", None)
                outlet = str(meta.get("outlet", ""))
                if outlet in self.options.groups:
                    meta["group"] = self.options.groups[outlet]
                elif man and "group" not in meta and outlet in man.groups:
                    meta["group"] = man.groups[outlet]
                file, row_line = _split_source(item.source)
                meta, problems = check_meta(meta)
                for problem in problems:
                    if entry is not None and man:  # the value came from the manifest (or is corrected there)
                        self.warn(Diagnostic(man.name, f"{item.source}: {problem}", line=entry.line, skipped=False))
                    else:
                        self.warn(Diagnostic(file, problem, line=row_line, skipped=False))
                if item.id in seen:
                    self.warn(
                        Diagnostic(file, f"duplicate document id {item.id!r} (first in {seen[item.id]}); skipped", line=row_line)
                    )
                    continue
                seen[item.id] = item.source
                yield _with_meta(item, meta)

    def __iter__(self) -> Iterator[Document]:
        from .cleaning import prepare

        for src in self.sources():
            doc, diags = prepare(src)
            for d in diags:
                self.warn(d)
            yield doc

    def input_hashes(self) -> list[dict[str, Any]]:
        """Path, size and SHA-256 of every input file (and the manifest), for run.json."""
        out = []
        if self.manifest:
            out.append({"path": self.manifest.name, "bytes": self.manifest.path.stat().st_size, "sha256": sha256_file(self.manifest.path)})
        for f in self.files:
            out.append({"path": f.display, "bytes": f.size, "sha256": sha256_file(f.path)})
        return out


def load_corpus(path: str | os.PathLike[str], *, options: LoadOptions | None = None, **kwargs: Any) -> Corpus:
    """Open a corpus folder or file.

    Args:
        path: A folder of ``.txt``, ``.md``, ``.html``/``.htm``, ``.json``,
            ``.jsonl`` (also ``.jsonl.gz``) and ``.csv`` files, optionally with a
            manifest (``corpus.yaml`` or ``manifest.csv``), or a single such file.
        options: Reading options; keyword arguments (``strict=True``,
            ``defaults={...}``, ``clean=False``) are a shortcut for the same.

    Returns:
        A lazily read :class:`Corpus`.

    Raises:
        InputError: The path does not exist, holds no readable files, or the
            manifest is invalid.

    Example:
        >>> corpus = load_corpus("seeds")                    # doctest: +SKIP
        >>> [d.outlet for d in corpus]                       # doctest: +SKIP
    """
    if options is None:
        options = LoadOptions(**kwargs)
    elif kwargs:
        options = replace(options, **kwargs)
    if options.defaults:
        options = replace(options, defaults={canonical_key(k): v for k, v in options.defaults.items()})
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file or folder")
    diagnostics: list[Diagnostic] = []
    ignored: list[str] = []
    if p.is_file():
        if not suffix_of(p):
            raise InputError(f"{path}: unsupported file type (framing reads {', '.join(_kinds())})")
        root = p.parent
        files = [InputFile(p, p.name, p.stat().st_size)]
        manifest = None
        mpath = find_manifest(root)
        if mpath is not None:
            manifest = read_manifest(mpath, root)
            if p.name not in manifest.entries:
                manifest = None
    elif p.is_dir():
        root = p
        mpath = find_manifest(root)
        manifest = read_manifest(mpath, root) if mpath else None
        files = _discover(root, diagnostics, ignored)
        if manifest:
            listed = {f.display for f in files}
            for rel, entry in manifest.entries.items():
                if rel not in listed:
                    target = root / rel
                    why = "not a supported article file" if target.is_file() else "no such file"
                    diagnostics.append(Diagnostic(manifest.name, f"{rel}: {why}; entry skipped", line=entry.line))
        if not files:
            raise InputError(f"{path}: no article files found (framing reads {', '.join(_kinds())})")
    else:
        raise InputError(f"{path}: not a regular file or folder")
    return Corpus(p, root, files, manifest, options, diagnostics, ignored)


def _kinds() -> list[str]:
    return [".txt", ".md", ".html", ".json", ".jsonl(.gz)", ".csv"]


def _discover(root: Path, diagnostics: list[Diagnostic], ignored: list[str]) -> list[InputFile]:
    """Walk ``root`` following symlinks but never visiting a folder twice."""
    files: list[InputFile] = []
    seen_dirs: set[tuple[int, int]] = set()

    def walk(folder: Path, rel: str) -> None:
        try:
            st = folder.stat()
        except OSError as exc:
            diagnostics.append(Diagnostic(rel or ".", f"cannot open folder: {exc.strerror or exc}; skipped"))
            return
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            diagnostics.append(Diagnostic(rel, "symbolic link loop (folder already visited); not followed"))
            return
        seen_dirs.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            diagnostics.append(Diagnostic(rel or ".", f"cannot list folder: {exc.strerror or exc}; skipped"))
            return
        for entry in entries:
            name = entry.name
            display = f"{rel}/{name}" if rel else name
            if name.startswith(".") or name.startswith("~$") or name == "__pycache__":
                continue
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
                is_file = entry.is_file(follow_symlinks=True)
            except OSError as exc:
                diagnostics.append(Diagnostic(display, f"cannot open: {exc.strerror or exc}; skipped"))
                continue
            if is_dir:
                walk(Path(entry.path), display)
            elif is_file:
                if not rel and name in MANIFEST_NAMES:
                    continue
                if name.lower().startswith(IGNORED_PREFIXES):
                    ignored.append(display)
                    continue
                if not suffix_of(Path(name)):
                    diagnostics.append(Diagnostic(display, f"unsupported file type {Path(name).suffix or '(none)'!r}; skipped"))
                    continue
                try:
                    size = entry.stat(follow_symlinks=True).st_size
                except OSError as exc:
                    diagnostics.append(Diagnostic(display, f"cannot open: {exc.strerror or exc}; skipped"))
                    continue
                files.append(InputFile(Path(entry.path), display, size))
            elif entry.is_symlink():
                diagnostics.append(Diagnostic(display, "broken symbolic link; skipped"))

    walk(root, "")
    files.sort(key=lambda f: f.display)
    return files


#: A source's fields in order, and where ``meta`` is among them (see :func:`_with_meta`).
_SOURCE_FIELDS = tuple(f.name for f in dataclasses.fields(Source))
_source_values = operator.attrgetter(*_SOURCE_FIELDS)
_META = _SOURCE_FIELDS.index("meta")


def _with_meta(src: Source, meta: dict[str, Any]) -> Source:
    """``dataclasses.replace(src, meta=meta)``, without its per-field Python loop (once per document)."""
    values = list(_source_values(src))
    values[_META] = meta
    return Source(*values)


def _split_source(source: str) -> tuple[str, int | None]:
    """Split a row's ``file:LINE`` source into the file and the line."""
    file, sep, line = source.rpartition(":")
    return (file, int(line)) if sep and line.isdigit() else (source, None)
