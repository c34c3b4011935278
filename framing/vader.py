"""Exact, fast VADER: vaderSentiment 3.3.2's ``polarity_scores``, sentence by sentence.

:class:`VaderScorer` gives, for any text, the same four numbers as
``SentimentIntensityAnalyzer().polarity_scores(text)`` of vaderSentiment 3.3.2
(``neg``, ``neu``, ``pos``, ``compound``, bit for bit), several times faster.
It reads vaderSentiment's own lexicon files (``vader_lexicon.txt`` and
``emoji_utf8_lexicon.txt``) from the installed package and applies the same
rules in the same order with the same floating-point operations:

- emoji replaced by their description (a space before it unless one is there);
- tokens split on whitespace, leading/trailing ASCII punctuation stripped unless
  that leaves two characters or fewer (emoticons such as ``:)`` survive);
- boosters and dampeners ("very", "kind of", ...) scaled by distance (1, 0.95,
  0.9) and by ALL-CAPS emphasis when only some words are in capitals;
- negation within three words ("not", "never", any "n't", "without", ...,
  times -0.74), "no" before a lexicon word, "never so/this" (times 1.25),
  "without doubt" (no negation), "least" (negates unless after "at"/"very");
- idioms and special cases ("the bomb", "kiss of death", "yeah right", ...);
- "but": words before it count half, words after it one and a half, including
  vaderSentiment's quirk of locating each value by ``list.index`` (the first
  equal value), kept on purpose;
- "!" (up to four) and "?" (two or more) emphasis; normalisation
  ``x / sqrt(x**2 + 15)``; rounding to 3 (neg/neu/pos) and 4 (compound) places.

What makes it fast: each sentence is split once and its words come from a
bounded cache of tokens already seen (one C-level ``map``), lexicon hits are
found in C (``itertools.compress``), the rule blocks run only when a negation,
booster or idiom word stands within three words of a hit, idiom phrases are
built only when a pair of idiom words is in reach, the emoji pass runs only for
non-ASCII text that holds an emoji, and scores of sentences already seen come
from a bounded cache (wire copy repeats sentences verbatim).

The lexicon is loaded on first use, never at import.

References:
    Hutto, C. J. & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model
    for Sentiment Analysis of Social Media Text. Eighth International AAAI
    Conference on Weblogs and Social Media (ICWSM-14).
    vaderSentiment 3.3.2, ``vaderSentiment/vaderSentiment.py``
    (https://github.com/cjhutto/vaderSentiment).
"""

from __future__ import annotations

import functools
import importlib.resources
import math
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import compress

from .errors import InputError

Scores = tuple[float, float, float, float]  # neg, neu, pos, compound

# Constants of vaderSentiment 3.3.2 (same names, same values).
B_INCR = 0.293
B_DECR = -0.293
C_INCR = 0.733
N_SCALAR = -0.74

NEGATE = frozenset(
    ["aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
     "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
     "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
     "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
     "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
     "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
     "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
     "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite"]
)

_INCR_WORDS = (
    "absolutely amazingly awfully completely considerable considerably decidedly deeply effing "
    "enormous enormously entirely especially exceptional exceptionally extreme extremely "
    "fabulously flipping flippin frackin fracking fricking frickin frigging friggin fully "
    "fuckin fucking fuggin fugging greatly hella highly hugely incredible incredibly intensely "
    "major majorly more most particularly purely quite really remarkably so substantially "
    "thoroughly total totally tremendous tremendously uber unbelievably unusually utter utterly very"
).split()
_DECR_WORDS = [
    "almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of",
    "less", "little", "marginal", "marginally", "occasional", "occasionally", "partly",
    "scarce", "scarcely", "slight", "slightly", "somewhat",
    "sort of", "sorta", "sortof", "sort-of",
]
BOOSTER_DICT: dict[str, float] = {w: B_INCR for w in _INCR_WORDS} | {w: B_DECR for w in _DECR_WORDS}

SPECIAL_CASES: dict[str, float] = {
    "the shit": 3, "the bomb": 3, "bad ass": 1.5, "badass": 1.5, "bus stop": 0.0,
    "yeah right": -2, "kiss of death": -1.5, "to die for": 3, "beating heart": 3.5,
}

#: First and second words of the multi-word special cases and boosters. Every
#: phrase ``_special_idioms_check`` builds starts at i-3, i-2, i-1 or i and holds
#: a first word followed by a second word, so the phrases are built only when
#: such a pair is in reach.
_IDIOM_FIRST = frozenset(k.split(" ")[0] for k in (*SPECIAL_CASES, *BOOSTER_DICT) if " " in k)
_IDIOM_SECOND = frozenset(k.split(" ")[1] for k in (*SPECIAL_CASES, *BOOSTER_DICT) if " " in k)
#: Words that make a rule other than an idiom fire when they stand up to three
#: places before a lexicon word (with any word holding "n't"): boosters,
#: negations ("never so", "without doubt" start with one), "no", "this" (times
#: 1.25 right before the word) and "least".
_CONTEXT = frozenset([*BOOSTER_DICT, *NEGATE, "no", "this", "least"])
_SO_THIS = ("so", "this")
_OR_NOR = ("or", "nor")
_PUNCT = string.punctuation


@dataclass(frozen=True)
class _Resources:
    lexicon: dict[str, float]
    scored: dict[str, float]  # lexicon words that are not boosters (boosters score 0)
    emojis: dict[str, str]
    emoji_chars: frozenset[str]


@functools.cache
def _resources() -> _Resources:
    """Read vaderSentiment's lexicon files exactly as its ``make_*_dict`` methods do."""
    pkg = importlib.resources.files("vaderSentiment")
    lex_text = pkg.joinpath("vader_lexicon.txt").read_bytes().decode("utf-8")
    lexicon: dict[str, float] = {}
    for line in lex_text.rstrip("\n").split("\n"):
        if not line:
            continue
        word, measure = line.strip().split("\t")[0:2]
        lexicon[word] = float(measure)
    emo_text = pkg.joinpath("emoji_utf8_lexicon.txt").read_bytes().decode("utf-8")
    emojis: dict[str, str] = {}
    for line in emo_text.rstrip("\n").split("\n"):
        emoji, description = line.strip().split("\t")[0:2]
        emojis[emoji] = description
    # vaderSentiment tests one character at a time, so only one-character keys can match.
    emoji_chars = frozenset(k for k in emojis if len(k) == 1)
    scored = {w: v for w, v in lexicon.items() if w not in BOOSTER_DICT}
    return _Resources(lexicon, scored, emojis, emoji_chars)


_ASCII_BYTES = bytes(range(128))


def _has_emoji(text: str, emoji_chars: frozenset[str]) -> bool:
    """Whether a non-ASCII text holds a one-character emoji of the lexicon.

    Looking at the non-ASCII characters only (ASCII bytes dropped in C) is
    several times faster than a regular expression or a set test over the text.
    """
    rest = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    return not emoji_chars.isdisjoint(rest.decode("utf-8", "surrogatepass"))


def _replace_emojis(text: str, emojis: dict[str, str]) -> str:
    """vaderSentiment's emoji pass: each emoji becomes its description."""
    parts: list[str] = []
    prev_space = True
    for ch in text:
        description = emojis.get(ch)
        if description is not None:
            if not prev_space:
                parts.append(" ")
            parts.append(description)
            prev_space = False
        else:
            parts.append(ch)
            prev_space = ch == " "
    return "".join(parts)


def _strip_word(token: str) -> str:
    """vaderSentiment ``_strip_punc_if_word``: strip edge punctuation unless <= 2 characters remain."""
    stripped = token.strip(_PUNCT)
    return token if len(stripped) <= 2 else stripped


class _WordCache(dict[str, str]):
    """Raw token -> its lower-cased word, ``_strip_word(token).lower()`` as vaderSentiment has it.

    A miss computes the word (``__missing__``), so a sentence's words are one
    C-level ``map`` over its tokens. Emptied when it reaches ``limit`` entries.
    """

    def __init__(self, limit: int = 200_000) -> None:
        super().__init__()
        self.limit = limit

    def __missing__(self, token: str) -> str:
        if len(self) >= self.limit:
            self.clear()
        word = self[token] = _strip_word(token).lower()
        return word


class _HitCache(dict[str, bool]):
    """Raw token -> whether its word (:class:`_WordCache`) is a scored lexicon word or "but".

    The tokens a sentence's rules start from are picked by one C-level ``map`` over its
    tokens through this cache; the other words are looked up only where a rule reads them.
    Emptied when it reaches ``limit`` entries.
    """

    def __init__(self, words: _WordCache, scored: dict[str, float], limit: int = 200_000) -> None:
        super().__init__()
        self.words = words
        self.scored = scored
        self.limit = limit

    def __missing__(self, token: str) -> bool:
        if len(self) >= self.limit:
            self.clear()
        words = self.words
        word = words.get(token)
        if word is None:  # a new token: its word made here, and kept for the rules (one call, not two)
            if len(words) >= words.limit:
                words.clear()
            word = words[token] = _strip_word(token).lower()
        flag = self[token] = word in self.scored or word == "but"
        return flag


def _scalar_inc_dec(word: str, lower: str, valence: float, is_cap_diff: bool) -> float:
    """Booster/dampener scalar of a preceding word (vaderSentiment ``scalar_inc_dec``)."""
    scalar = 0.0
    if lower in BOOSTER_DICT:
        scalar = BOOSTER_DICT[lower]
        if valence < 0:
            scalar *= -1
        if word.isupper() and is_cap_diff:
            if valence > 0:
                scalar += C_INCR
            else:
                scalar -= C_INCR
    return scalar


def _idioms(valence: float, low: list[str], i: int) -> float:
    """vaderSentiment ``_special_idioms_check`` for the word at ``i`` (``i >= 3``)."""
    onezero = f"{low[i - 1]} {low[i]}"
    twoonezero = f"{low[i - 2]} {low[i - 1]} {low[i]}"
    twoone = f"{low[i - 2]} {low[i - 1]}"
    threetwoone = f"{low[i - 3]} {low[i - 2]} {low[i - 1]}"
    threetwo = f"{low[i - 3]} {low[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    n = len(low)
    if n - 1 > i:
        zeroone = f"{low[i]} {low[i + 1]}"
        if zeroone in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroone]
    if n - 1 > i + 1:
        zeroonetwo = f"{low[i]} {low[i + 1]} {low[i + 2]}"
        if zeroonetwo in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence


def _idiom_in_reach(lw: str, l1: str, l2: str, l3: str, nxt: str | None) -> bool:
    """Whether a first and a second word of an idiom stand where ``_idioms`` looks.

    ``lw`` is the word, ``l1``-``l3`` the three before it, ``nxt`` the one after (None at the end).
    """
    return (
        (lw in _IDIOM_SECOND and l1 in _IDIOM_FIRST)
        or (l1 in _IDIOM_SECOND and l2 in _IDIOM_FIRST)
        or (l2 in _IDIOM_SECOND and l3 in _IDIOM_FIRST)
        or (lw in _IDIOM_FIRST and nxt is not None and nxt in _IDIOM_SECOND)
    )


def _but_check(low: list[str], sentiments: list[float]) -> None:
    """vaderSentiment ``_but_check``, in place, with its ``list.index`` look-up kept as is."""
    bi = low.index("but")
    for sentiment in sentiments:  # noqa: B007 - the list is edited while iterated, as upstream does
        si = sentiments.index(sentiment)
        if si < bi:
            sentiments.pop(si)
            sentiments.insert(si, sentiment * 0.5)
        elif si > bi:
            sentiments.pop(si)
            sentiments.insert(si, sentiment * 1.5)


def _score_valence(values: list[float], n_words: int, text: str) -> Scores:
    """vaderSentiment ``score_valence`` from the non-zero sentiments in word order.

    Zero sentiments add nothing to any sum (``sum`` starts from the integer 0, so
    not even the sign of a zero matters); they only count as neutral words, so
    ``n_words - len(values)`` stands for them.
    """
    if not values:
        return _NEUTRAL
    # _punctuation_emphasis
    ep_count = text.count("!")
    if ep_count > 4:
        ep_count = 4
    qm_count = text.count("?")
    qm_amplifier: float = 0
    if qm_count > 1:
        qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
    punct_emph_amplifier = ep_count * 0.292 + qm_amplifier
    sum_s = float(sum(values))
    if sum_s > 0:
        sum_s += punct_emph_amplifier
    elif sum_s < 0:
        sum_s -= punct_emph_amplifier
    # normalize(score, alpha=15)
    compound = sum_s / math.sqrt((sum_s * sum_s) + 15)
    if compound < -1.0:
        compound = -1.0
    elif compound > 1.0:
        compound = 1.0
    # _sift_sentiment_scores
    pos_sum = 0.0
    neg_sum = 0.0
    for s in values:
        if s > 0:
            pos_sum += float(s) + 1
        else:
            neg_sum += float(s) - 1
    neu_count = n_words - len(values)
    abs_neg = math.fabs(neg_sum)
    if pos_sum > abs_neg:
        pos_sum += punct_emph_amplifier
    elif pos_sum < abs_neg:
        neg_sum -= punct_emph_amplifier
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return (
        round(math.fabs(neg_sum / total), 3),
        round(math.fabs(neu_count / total), 3),
        round(math.fabs(pos_sum / total), 3),
        round(compound, 4),
    )


_NEUTRAL: Scores = (0.0, 1.0, 0.0, 0.0)  # words, none with sentiment: neu = n / n
_ZERO: Scores = (0.0, 0.0, 0.0, 0.0)


class VaderScorer:
    """Scores sentences exactly as vaderSentiment 3.3.2's ``polarity_scores``.

    The lexicon is read once per process (shared by all scorers) when the first
    scorer is created. Scores of recently seen texts are kept in a cache of at
    most ``cache_size`` entries (emptied when full); ``cache_size=0`` turns it
    off.

    Example:
        >>> VaderScorer().score("The book was good.")
        (0.0, 0.508, 0.492, 0.4404)

    References:
        Hutto & Gilbert (2014), see the module docstring.
    """

    def __init__(self, *, cache_size: int = 100_000) -> None:
        if cache_size < 0:
            raise InputError(f"cache_size must be >= 0, got {cache_size}")
        res = _resources()
        self._lexicon = res.lexicon
        self._scored = res.scored
        self._emojis = res.emojis
        self._emoji_chars = res.emoji_chars
        self._cache: dict[str, Scores] = {}
        self._cache_size = cache_size
        self._words = _WordCache()
        self._hits = _HitCache(self._words, self._scored)

    def score(self, text: str) -> Scores:
        """VADER scores of one sentence as ``(neg, neu, pos, compound)``.

        Raises:
            InputError: ``text`` is not a string.
        """
        if not isinstance(text, str):
            raise InputError(f"VADER scores text, got {type(text).__name__}")
        hit = self._cache.get(text)
        return hit if hit is not None else self._remember(text, self._polarity(text))

    def _remember(self, text: str, result: Scores) -> Scores:
        """Keep ``result`` as the scores of ``text`` (when caching) and return it."""
        if self._cache_size:
            cache = self._cache
            if len(cache) >= self._cache_size:
                # emptied rather than trimmed: deleting the oldest entry one at a time
                # makes finding the next oldest slower and slower in a dict
                cache.clear()
            cache[text] = result
        return result

    def scorer_for(self, text: str) -> Callable[[str], Scores]:
        """:meth:`score`, for the parts of ``text`` (its sentences), without an emoji test per part
        when ``text`` holds no emoji: one test of the whole text instead of one per sentence."""
        if text.isascii() or not _has_emoji(text, self._emoji_chars):
            return self._score_plain
        return self.score

    def _score_plain(self, text: str) -> Scores:
        """:meth:`score` of a text known to hold no emoji."""
        if not isinstance(text, str):
            raise InputError(f"VADER scores text, got {type(text).__name__}")
        hit = self._cache.get(text)
        return hit if hit is not None else self._remember(text, self._plain_polarity(text))

    def score_many(self, texts: Iterable[str]) -> list[Scores]:
        """Scores of each text, in order (see :meth:`score`)."""
        score = self.score
        return [score(t) for t in texts]

    def clear_cache(self) -> None:
        """Forget the cached scores and words."""
        self._cache.clear()
        self._words.clear()
        self._hits.clear()

    def _polarity(self, text: str) -> Scores:
        if not text.isascii() and _has_emoji(text, self._emoji_chars):
            text = _replace_emojis(text, self._emojis)
        return self._plain_polarity(text)

    def _plain_polarity(self, text: str) -> Scores:
        # (vaderSentiment strips the text here: that changes neither the words nor the ! and ? counts)
        toks = text.split()
        n = len(toks)
        if not n:
            return _ZERO
        hits = list(compress(range(n), map(self._hits.__getitem__, toks)))
        if not hits:
            return _NEUTRAL
        return self._rules(text, toks, hits)

    def _rules(self, text: str, toks: list[str], hits: list[int]) -> Scores:
        """The scores of a sentence from its tokens and the indices of those whose word is scored or "but".

        Words are looked up (in the word cache) only where a rule reads them: the word
        itself, the three before it and, for a few rules, the one after; the rare rules
        that read the whole sentence (idioms, "but") get all its words.
        """
        scored = self._scored
        words = self._words
        n = len(toks)
        low: list[str] | None = None  # all the words, made on first need
        has_but = False
        lexicon = self._lexicon
        is_cap_diff: bool | None = None  # computed on first need
        values: dict[int, float] = {}
        last = n - 1
        for i in hits:
            lw = words[toks[i]]
            if lw == "but":
                has_but = True
                if lw not in scored:
                    continue
            if lw == "kind" and i < last and words[toks[i + 1]] == "of":
                continue
            # --- sentiment_valence, with _negation_check and _least_check unrolled ---
            valence = scored[lw]
            l1 = words[toks[i - 1]] if i > 0 else ""
            l2 = words[toks[i - 2]] if i > 1 else ""
            l3 = words[toks[i - 3]] if i > 2 else ""
            if lw == "no" and i != last and words[toks[i + 1]] in lexicon:
                valence = 0.0
            # can any of the three words before boost or negate it?
            near = (
                l1 in _CONTEXT or l2 in _CONTEXT or l3 in _CONTEXT
                or "n't" in l1 or "n't" in l2 or "n't" in l3
            )
            if near and (l1 == "no" or l2 == "no" or (l3 == "no" and l1 in _OR_NOR)):
                valence = lexicon[lw] * N_SCALAR
            if toks[i].isupper():
                if is_cap_diff is None:
                    is_cap_diff = _cap_differential(toks)
                if is_cap_diff:
                    if valence > 0:
                        valence += C_INCR
                    else:
                        valence -= C_INCR
            if not near:
                # the rule blocks below would change nothing but an idiom
                # _idiom_in_reach, written out: the word after is looked up only when the word may open an idiom
                if i > 2 and l3 not in lexicon and (
                    (lw in _IDIOM_SECOND and l1 in _IDIOM_FIRST)
                    or (l1 in _IDIOM_SECOND and l2 in _IDIOM_FIRST)
                    or (l2 in _IDIOM_SECOND and l3 in _IDIOM_FIRST)
                    or (lw in _IDIOM_FIRST and i < last and words[toks[i + 1]] in _IDIOM_SECOND)
                ):
                    if low is None:
                        low = list(map(words.__getitem__, toks))
                    valence = _idioms(valence, low, i)
                if valence != 0:
                    values[i] = valence
                continue
            # (a non-booster word adds a scalar of 0.0: x + 0.0 is x, and zeros are dropped)
            if i > 0 and l1 not in lexicon:
                if l1 in BOOSTER_DICT:
                    if is_cap_diff is None and toks[i - 1].isupper():
                        is_cap_diff = _cap_differential(toks)
                    valence = valence + _scalar_inc_dec(toks[i - 1], l1, valence, bool(is_cap_diff))
                if l1 in NEGATE or "n't" in l1:
                    valence = valence * N_SCALAR
            if i > 1 and l2 not in lexicon:
                if l2 in BOOSTER_DICT:
                    if is_cap_diff is None and toks[i - 2].isupper():
                        is_cap_diff = _cap_differential(toks)
                    s = _scalar_inc_dec(toks[i - 2], l2, valence, bool(is_cap_diff))
                    if s != 0:
                        s = s * 0.95
                    valence = valence + s
                if l2 == "never" and l1 in _SO_THIS:
                    valence = valence * 1.25
                elif l2 == "without" and l1 == "doubt":
                    pass
                elif l2 in NEGATE or "n't" in l2:
                    valence = valence * N_SCALAR
            if i > 2 and l3 not in lexicon:
                if l3 in BOOSTER_DICT:
                    if is_cap_diff is None and toks[i - 3].isupper():
                        is_cap_diff = _cap_differential(toks)
                    s = _scalar_inc_dec(toks[i - 3], l3, valence, bool(is_cap_diff))
                    if s != 0:
                        s = s * 0.9
                    valence = valence + s
                if (l3 == "never" and l2 in _SO_THIS) or l1 in _SO_THIS:
                    valence = valence * 1.25
                elif l3 == "without" and (l2 == "doubt" or l1 == "doubt"):
                    pass
                elif l3 in NEGATE or "n't" in l3:
                    valence = valence * N_SCALAR
                if _idiom_in_reach(lw, l1, l2, l3, words[toks[i + 1]] if i < last else None):
                    if low is None:
                        low = list(map(words.__getitem__, toks))
                    valence = _idioms(valence, low, i)
            if l1 == "least" and "least" not in lexicon:
                if i > 1:
                    if l2 != "at" and l2 != "very":
                        valence = valence * N_SCALAR
                else:
                    valence = valence * N_SCALAR
            if valence != 0:
                values[i] = valence
        if has_but:
            sentiments: list[float] = [0] * n
            for i, v in values.items():
                sentiments[i] = v
            _but_check(low if low is not None else list(map(words.__getitem__, toks)), sentiments)
            return _score_valence([v for v in sentiments if v != 0], n, text)
        return _score_valence(list(values.values()), n, text)


def _cap_differential(words: list[str]) -> bool:
    """True when some but not all words are in capitals (vaderSentiment ``allcap_differential``).

    Raw tokens give the same answer as vaderSentiment's punctuation-stripped
    words: the ASCII punctuation stripped has no case, so ``isupper`` is unchanged.
    """
    allcap_words = sum(map(str.isupper, words))
    cap_differential = len(words) - allcap_words
    return 0 < cap_differential < len(words)


_default: VaderScorer | None = None


def default_scorer() -> VaderScorer:
    """The shared scorer behind :func:`score_sentence` (created on first use)."""
    global _default
    if _default is None:
        _default = VaderScorer()
    return _default


def score_sentence(text: str) -> Scores:
    """VADER scores ``(neg, neu, pos, compound)`` of one sentence, exactly as vaderSentiment's.

    References:
        Hutto & Gilbert (2014), see the module docstring.
    """
    return default_scorer().score(text)
