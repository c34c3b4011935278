"""Distinctive words: which words and phrases set one outlet (or group) apart from the others.

Each outlet is compared with all the other outlets pooled, by the log-odds
ratio with an informative Dirichlet prior of Monroe, Colaresi & Quinn (2008,
"Fightin' Words"). For a term *w*, outlet *i* and the rest *j*, with counts
``y_i``, ``y_j``, totals ``n_i``, ``n_j`` and prior pseudo-counts ``a_w`` summing
to ``a0``::

    delta = log((y_i + a_w) / (n_i + a0 - y_i - a_w)) - log((y_j + a_w) / (n_j + a0 - y_j - a_w))
    var   = 1 / (y_i + a_w) + 1 / (y_j + a_w)
    z     = delta / sqrt(var)

The prior is the term's share of the whole corpus scaled to ``a0`` (by default
the corpus size, so the prior counts are the corpus counts). The sign
convention is stated in every output: ``z > 0`` means the term is more typical
of the outlet than of the other outlets.

Terms are unigrams and bigrams counted as scikit-learn's ``CountVectorizer``
would count them (without importing it), with an analyzer that keeps words in any script with their hyphens
("Nagorno-Karabakh", "Xankəndi", "self-proclaimed") and keeps multi-word place
names from the lexicon packs in one piece ("Lachin corridor", "Nagorno
Karabakh" = "nagorno-karabakh").
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .errors import InputError
from .tokens import TOKEN, fold, normalise_gap, term_key, tokenize_term

if TYPE_CHECKING:
    from .lexicon import Pack

log = logging.getLogger(__name__)

__all__ = [
    "DISTINCTIVE_COLUMNS",
    "TermAnalyzer",
    "distinctive_words",
    "log_odds_scores",
    "log_odds_table",
    "place_names",
    "sign_convention",
    "term_counts",
]

DISTINCTIVE_COLUMNS = ["outlet", "term", "n_outlet", "n_rest", "delta", "var", "z", "favours", "sign_convention"]
#: Lexicon categories whose multi-word names are counted as one term.
NAME_CATEGORIES = ("place", "region", "polity", "corridor")

# Words are runs of letters or digits of any script (tokens.TOKEN), joined by single hyphens.
_HYPHEN_CHARS = frozenset("-‐‑")
_WORD = re.compile(r"[^\W_]+(?:[-‐‑][^\W_]+)*")
_LETTER = re.compile(r"[^\W\d_]")
_HYPHENS = str.maketrans({"‐": "-", "‑": "-"})
# Terms do not run across sentence ends, semicolons, colons or line breaks.
_SEGMENT_BREAK = re.compile(r"[.!?;:\n]+")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
#: scikit-learn's English stop-word list (``sklearn.feature_extraction.text.ENGLISH_STOP_WORDS``,
#: BSD-3-Clause), copied so that counting terms does not import scikit-learn (about 1.5 s).
ENGLISH_STOP_WORDS: frozenset[str] = frozenset("""
a about above across after afterwards again against all almost alone along already also although
always am among amongst amoungst amount an and another any anyhow anyone anything anyway anywhere
are around as at back be became because become becomes becoming been before beforehand behind being
below beside besides between beyond bill both bottom but by call can cannot cant co con could
couldnt cry de describe detail do done down due during each eg eight either eleven else elsewhere
empty enough etc even ever every everyone everything everywhere except few fifteen fifty fill find
fire first five for former formerly forty found four from front full further get give go had has
hasnt have he hence her here hereafter hereby herein hereupon hers herself him himself his how
however hundred i ie if in inc indeed interest into is it its itself keep last latter latterly least
less ltd made many may me meanwhile might mill mine more moreover most mostly move much must my
myself name namely neither never nevertheless next nine no nobody none noone nor not nothing now
nowhere of off often on once one only onto or other others otherwise our ours ourselves out over own
part per perhaps please put rather re same see seem seemed seeming seems serious several she should
show side since sincere six sixty so some somehow someone something sometime sometimes somewhere
still such system take ten than that the their them themselves then thence there thereafter thereby
therefore therein thereupon these they thick thin third this those though three through throughout
thru thus to together too top toward towards twelve twenty two un under until up upon us very via
was we well were what whatever when whence whenever where whereafter whereas whereby wherein
whereupon wherever whether which while whither who whoever whole whom whose why will with within
without would yet you your yours yourself yourselves
""".split())


def sign_convention(outlet: str) -> str:
    """The sentence stating what a positive z means, as written in every output row."""
    return f"z > 0: the term is more typical of {outlet} than of the other outlets"


@lru_cache(maxsize=1)
def place_names() -> tuple[str, ...]:
    """Multi-word proper names of places, regions, polities and corridors in the bundled packs.

    A spelling counts when it has more than one token and begins with a capital
    letter (a name, not a phrase such as "liberated territories").
    """
    from .lexicon import load_packs  # the packs are only read when names are needed

    return names_of_places(load_packs())


def names_of_places(packs: Iterable[Pack]) -> tuple[str, ...]:
    """:func:`place_names` of the given packs (already loaded), sorted."""
    names: set[str] = set()
    for pack in packs:
        if pack.kind != "naming":
            continue
        for concept in pack.concepts:
            if concept.category not in NAME_CATEGORIES:
                continue
            for variant in concept.variants:
                for term in variant.terms:
                    if len(tokenize_term(term)) > 1 and term[:1].isupper():
                        names.add(term)
    return tuple(sorted(names))


class TermAnalyzer:
    """Text → terms (unigrams … n-grams), for ``CountVectorizer(analyzer=...)``.

    Args:
        ngram_range: Smallest and largest n-gram.
        stop_words: ``"english"`` (scikit-learn's list), a collection of words, or ``None``.
        keep_intact: Multi-word names to count as one token, matched case-insensitively
            with any spacing or hyphen between their words; ``None`` = :func:`place_names`.
    """

    def __init__(
        self,
        *,
        ngram_range: tuple[int, int] = (1, 2),
        stop_words: str | Iterable[str] | None = "english",
        keep_intact: Iterable[str] | None = None,
    ) -> None:
        lo, hi = ngram_range
        if not 1 <= lo <= hi:
            raise InputError(f"ngram_range={ngram_range!r}: need 1 <= min <= max")
        self.ngram_range = (int(lo), int(hi))
        if stop_words == "english":
            self.stop_words: frozenset[str] = frozenset(ENGLISH_STOP_WORDS)
        elif stop_words is None:
            self.stop_words = frozenset()
        elif isinstance(stop_words, str):
            raise InputError(f"stop_words={stop_words!r}: use 'english', a list of words, or None")
        else:
            self.stop_words = frozenset(w.lower() for w in stop_words)
        names = place_names() if keep_intact is None else tuple(keep_intact)
        # first folded token -> [(folded tokens, gaps, canonical form)], longest first
        self._names: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], str]]] = {}
        seen: set[tuple[str, ...]] = set()
        for name in sorted(set(names), key=lambda s: (-len(tokenize_term(s)), s)):
            toks = tokenize_term(name)
            key = term_key(name)
            if len(toks) < 2 or key in seen:
                continue
            seen.add(key)
            entry = (tuple(fold(t) for t, _ in toks), tuple(g for _, g in toks), name.lower().translate(_HYPHENS))
            self._names.setdefault(entry[0][0], []).append(entry)
        self._heads = frozenset(self._names)

    def _name_at(self, segment: str, raw: list[re.Match[str]], i: int) -> tuple[str, int] | None:
        """The protected name starting at token ``i`` (canonical form, tokens used), if any."""
        for toks, gaps, canonical in self._names.get(fold(raw[i].group()), ()):
            n = len(toks)
            if i + n > len(raw):
                continue
            if all(
                fold(raw[i + k].group()) == toks[k]
                and normalise_gap(segment[raw[i + k - 1].end() : raw[i + k].start()]) == gaps[k].strip()
                for k in range(1, n)
            ):
                return canonical, n
        return None

    def tokens(self, text: str) -> list[list[str]]:
        """Tokens of each segment (sentence or clause), lower-cased, stop words removed."""
        text = _URL.sub(" ", unicodedata.normalize("NFC", text))
        out = []
        for segment in _SEGMENT_BREAK.split(text):
            if self._names and not self._heads.isdisjoint(TOKEN.findall(segment.casefold())):
                toks = self._tokens_with_names(segment)
            else:  # fast path: no protected name can start in this segment
                stop = self.stop_words
                toks = [
                    w
                    for w in _WORD.findall(segment.lower().translate(_HYPHENS))
                    if len(w) > 1 and w not in stop and (w.isalpha() or _LETTER.search(w))
                ]
            if toks:
                out.append(toks)
        return out

    def _tokens_with_names(self, segment: str) -> list[str]:
        raw = list(TOKEN.finditer(segment))
        toks = []
        i = 0
        while i < len(raw):
            hit = self._name_at(segment, raw, i)
            if hit is not None:
                toks.append(hit[0])
                i += hit[1]
                continue
            j = i  # join words linked by a single hyphen ("self-proclaimed")
            while j + 1 < len(raw) and segment[raw[j].end() : raw[j + 1].start()] in _HYPHEN_CHARS:
                j += 1
            word = segment[raw[i].start() : raw[j].end()].lower()
            i = j + 1
            if len(word) < 2 or word in self.stop_words or not _LETTER.search(word):
                continue
            toks.append(word.translate(_HYPHENS))
        return toks

    def __call__(self, text: str) -> list[str]:
        lo, hi = self.ngram_range
        terms: list[str] = []
        for toks in self.tokens(text):
            for n in range(lo, hi + 1):
                terms.extend(" ".join(toks[i : i + n]) for i in range(len(toks) - n + 1))
        return terms


def _label(value: object) -> str:
    """The label as a string; "" for a missing one (None, NaN, empty)."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    return str(value).strip()


def term_counts(
    texts_by_doc: Mapping[str, str],
    labels: Mapping[str, str],
    *,
    ngram_range: tuple[int, int] = (1, 2),
    min_count: int = 2,
    stop_words: str | Iterable[str] | None = "english",
    keep_intact: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Term × label count matrix (documents summed by their label).

    Args:
        texts_by_doc: Document id → cleaned text.
        labels: Document id → outlet or group; documents without a label are left out.
        ngram_range: Smallest and largest n-gram.
        min_count: Drop terms used fewer times than this in the whole corpus.
        stop_words: See :class:`TermAnalyzer`.
        keep_intact: See :class:`TermAnalyzer`.

    Returns:
        Integer DataFrame indexed by term (sorted), one column per label (sorted).
    """
    ids = sorted(d for d in texts_by_doc if _label(labels.get(d)))
    skipped = len(texts_by_doc) - len(ids)
    if skipped:
        log.info("distinctive words: %d document(s) without a label left out", skipped)
    label_names = sorted({_label(labels[d]) for d in ids})
    empty = pd.DataFrame(np.zeros((0, len(label_names)), dtype=np.int64), columns=label_names)
    if not ids:
        return empty
    analyzer = TermAnalyzer(ngram_range=ngram_range, stop_words=stop_words, keep_intact=keep_intact)
    # The counts scikit-learn's CountVectorizer(analyzer=analyzer) gives, summed per label, without importing it.
    col = {name: i for i, name in enumerate(label_names)}
    per_label: list[Counter[str]] = [Counter() for _ in label_names]
    for d in ids:
        per_label[col[_label(labels[d])]].update(analyzer(texts_by_doc[d]))
    index: dict[str, int] = {}
    cells: list[tuple[int, int, int]] = []  # (term, label, count)
    for j, counter in enumerate(per_label):
        cells.extend((index.setdefault(term, len(index)), j, n) for term, n in counter.items())
    if not index:  # no term at all
        return empty
    by_label = np.zeros((len(index), len(label_names)), dtype=np.int64)
    rows, cols, values = (np.array(v, dtype=np.int64) for v in zip(*cells, strict=True))
    by_label[rows, cols] = values
    names = list(index)
    order = sorted(range(len(names)), key=names.__getitem__)
    terms = np.array(names, dtype=object)[order]
    counts = pd.DataFrame(by_label[order], index=pd.Index(terms, name="term"), columns=label_names)
    counts = counts[counts.sum(axis=1) >= min_count]
    return counts.sort_index()


def _log_odds(y_i: np.ndarray, y_j: np.ndarray, a_w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    n_i, n_j, a0 = y_i.sum(), y_j.sum(), a_w.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((y_i + a_w) / (n_i + a0 - y_i - a_w)) - np.log((y_j + a_w) / (n_j + a0 - y_j - a_w))
        var = 1.0 / (y_i + a_w) + 1.0 / (y_j + a_w)
    return delta, var


def _prior(total: np.ndarray, prior: np.ndarray | None, alpha0: float | None) -> np.ndarray:
    base = total if prior is None else prior
    if np.any(base < 0):
        raise InputError("prior: counts must not be negative")
    size = float(base.sum())
    if size <= 0:
        return np.full(len(base), np.nan)
    scale = size if alpha0 is None else float(alpha0)
    if scale <= 0:
        raise InputError(f"alpha0={alpha0!r}: must be positive")
    return base / size * scale


def log_odds_scores(
    counts_a: pd.Series,
    counts_b: pd.Series,
    *,
    alpha0: float | None = None,
    prior: pd.Series | None = None,
) -> pd.Series:
    """z-scores of the log-odds ratio of corpus *a* against corpus *b*, as a Series indexed by term.

    Like scattertext's scorers: give two count Series (term → count), get a
    Series of z-scores; ``z > 0`` means the term is more typical of *a*.

    Args:
        counts_a: Term counts of the first corpus.
        counts_b: Term counts of the second corpus (missing terms count 0).
        alpha0: Total prior pseudo-count; ``None`` = the size of the prior corpus.
        prior: Background counts for the prior (term → count); ``None`` = ``a + b``.
            Terms absent from the prior get no pseudo-count, so a ``NaN`` z where either
            corpus does not use them.

    Returns:
        Series ``z`` indexed by term (sorted); ``attrs["sign_convention"]`` states the sign.

    References:
        Monroe, B. L., Colaresi, M. P. & Quinn, K. M. (2008). Fightin' Words: Lexical feature
        selection and evaluation for identifying the content of political conflict.
        *Political Analysis* 16(4), 372-403, sect. 3.5, eqs. 16-22.
    """
    index = counts_a.index.union(counts_b.index).sort_values()
    y_i = counts_a.reindex(index, fill_value=0).to_numpy(dtype=float)
    y_j = counts_b.reindex(index, fill_value=0).to_numpy(dtype=float)
    base = None if prior is None else prior.reindex(index, fill_value=0).to_numpy(dtype=float)
    a_w = _prior(y_i + y_j, base, alpha0)
    delta, var = _log_odds(y_i, y_j, a_w)
    with np.errstate(invalid="ignore"):
        z = pd.Series(delta / np.sqrt(var), index=index, name="z")
    z.attrs["sign_convention"] = "z > 0: the term is more typical of corpus a than of corpus b"
    return z


def log_odds_table(counts: pd.DataFrame, *, alpha0: float | None = None, top: int | None = 20) -> pd.DataFrame:
    """Each label (column) against the other labels pooled: tidy log-odds table.

    Args:
        counts: Term × label counts (as from :func:`term_counts`).
        alpha0: Total prior pseudo-count; ``None`` = the corpus size (the prior counts are the
            corpus counts).
        top: Keep the ``top`` terms with the largest z per label; ``None`` keeps all.

    Returns:
        Columns :data:`DISTINCTIVE_COLUMNS`, sorted by outlet, then z (largest first), then term.
    """
    columns = [str(c) for c in counts.columns]
    if len(columns) < 2 or counts.empty:
        if len(columns) < 2:
            log.info("distinctive words: %d outlet(s); at least two are needed to compare", len(columns))
        return pd.DataFrame({c: pd.Series(dtype=object if c in ("outlet", "term", "favours", "sign_convention") else float) for c in DISTINCTIVE_COLUMNS})
    if top is not None and top < 1:
        raise InputError(f"top={top!r}: must be at least 1 (or None for all terms)")
    Y = counts.to_numpy(dtype=float)
    total = Y.sum(axis=1)
    a_w = _prior(total, None, alpha0)
    frames = []
    for k, label in enumerate(columns):
        y_i = Y[:, k]
        y_j = total - y_i
        delta, var = _log_odds(y_i, y_j, a_w)
        frame = pd.DataFrame(
            {
                "outlet": label,
                "term": counts.index.astype(str),
                "n_outlet": y_i.astype(np.int64),
                "n_rest": y_j.astype(np.int64),
                "delta": delta,
                "var": var,
                "z": delta / np.sqrt(var),
                "favours": label,
                "sign_convention": sign_convention(label),
            }
        )
        frame = frame.sort_values(["z", "term"], ascending=[False, True], kind="mergesort")
        frames.append(frame.head(top) if top is not None else frame)
    return pd.concat(frames, ignore_index=True)[DISTINCTIVE_COLUMNS]


def distinctive_words(
    texts_by_doc: Mapping[str, str],
    labels: Mapping[str, str],
    *,
    ngram_range: tuple[int, int] = (1, 2),
    min_count: int = 2,
    alpha0: float | None = None,
    top: int | None = 20,
    stop_words: str | Sequence[str] | None = "english",
    keep_intact: Iterable[str] | None = None,
) -> pd.DataFrame:
    """The words and phrases most typical of each outlet (or group) against all the others.

    Args:
        texts_by_doc: Document id → cleaned text.
        labels: Document id → outlet or group name; unlabelled documents are left out.
        ngram_range: Smallest and largest n-gram (default unigrams and bigrams).
        min_count: Only terms used at least this often in the whole corpus.
        alpha0: Total prior pseudo-count; ``None`` = the corpus size.
        top: Terms kept per outlet (largest z first); ``None`` keeps every term.
        stop_words: ``"english"``, a list of words, or ``None``.
        keep_intact: Multi-word names counted as one term; ``None`` = the lexicons' place names.

    Returns:
        Tidy DataFrame with :data:`DISTINCTIVE_COLUMNS`: ``outlet``, ``term``, ``n_outlet``,
        ``n_rest``, ``delta``, ``var``, ``z``, ``favours`` (the outlet a positive z favours) and
        ``sign_convention``. Empty (same columns) when fewer than two outlets have text.

    References:
        Monroe, B. L., Colaresi, M. P. & Quinn, K. M. (2008). Fightin' Words. *Political
        Analysis* 16(4), 372-403, sect. 3.5, eqs. 16-22.
    """
    if min_count < 1:
        raise InputError(f"min_count={min_count!r}: must be at least 1")
    counts = term_counts(
        texts_by_doc, labels, ngram_range=ngram_range, min_count=min_count,
        stop_words=stop_words, keep_intact=keep_intact,
    )
    return log_odds_table(counts, alpha0=alpha0, top=top)
