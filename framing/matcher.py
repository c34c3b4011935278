"""Finding lexicon terms in text: one pass, longest match, word boundaries.

All spellings of all packs go into one trie keyed by folded word tokens. The
text is tokenised once; at each token the trie is walked as far as it goes,
so matching takes time linear in the text (times the longest term, a few
tokens) whatever the number of terms. Spellings that differ only in the
punctuation between their words ("a/b", "a.b", ...) share a trie node; they are
indexed there by those gaps, so a pack of 100,000 such near-duplicates costs
one dictionary look-up per match, not 100,000 comparisons. Within a pack the leftmost-longest
match wins ("Nagorno-Karabakh Republic" is one hit, not also
"Nagorno-Karabakh" and "Karabakh"); different packs are matched
independently.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, count

from .lexicon import Concept, Pack, Variant
from .tokens import fold, normalise_gap, split_words, tokenize_term

_END = "\0"


class _FoldCache(dict[str, str]):
    """Token -> ``fold(token, diacritics)``; a miss folds it (``__missing__``)."""

    def __init__(self, diacritics: bool) -> None:
        super().__init__()
        self.diacritics = diacritics

    def __missing__(self, token: str) -> str:
        key = self[token] = fold(token, self.diacritics)
        return key


class _StartCache(dict[str, str]):
    """Token -> its folded key when a term starts with it or it is a scope word, else ``""``.

    A miss folds the token (``__missing__``), so the tokens worth a look in a text are
    picked by one C-level ``map`` through this cache (the empty string is false).
    """

    def __init__(self, folds: _FoldCache, wanted: frozenset[str] | dict[str, dict]) -> None:
        super().__init__()
        self.folds = folds
        self.wanted = wanted

    def __missing__(self, token: str) -> str:
        key = self.folds[token]
        found = self[token] = key if key in self.wanted else ""
        return found


@dataclass(frozen=True, slots=True)
class TermHit:
    """One occurrence of a lexicon term in a text.

    Attributes:
        pack: Pack name.
        concept: Concept id.
        side: The side the variant signals (or ``"neutral"``).
        weight: The variant's weight.
        term: The lexicon spelling that matched.
        start: Start offset of the match in the text.
        end: End offset (exclusive).
        text: The matched text as written.
        category: The concept's category.
        role: The concept's role (distancing packs: marker, hedge, epithet).
    """

    pack: str
    concept: str
    side: str
    weight: str
    term: str
    start: int
    end: int
    text: str
    category: str = ""
    role: str = ""


@dataclass(frozen=True, slots=True)
class _Entry:
    pack: int
    concept: Concept | None  # None: an exclusion phrase
    variant: Variant | None
    term: str
    gaps: tuple[str, ...]
    raw: tuple[str, ...]  # tokens as written, for case-sensitive terms
    case_sensitive: bool
    length: int


class TermMatcher:
    """Matches the terms of several packs in one pass over a text.

    Args:
        packs: The packs to match.
        diacritics: Ignore diacritics as well as case (Xankəndi = Xankendi = Xankandi?
            no: ə folds to e, so Xankəndi = Xankendi).

    Example:
        >>> from framing.lexicon import load_packs
        >>> m = TermMatcher(load_packs())                        # doctest: +SKIP
        >>> [h.concept for h in m.find("Fighting near Stepanakert.")]  # doctest: +SKIP
        ['stepanakert']
    """

    def __init__(self, packs: Sequence[Pack], *, diacritics: bool = False) -> None:
        self.packs = list(packs)
        self.diacritics = diacritics
        self._root: dict[str, dict] = {}
        self.max_len = 1
        for pi, pack in enumerate(self.packs):
            for concept in pack.concepts:
                for variant in concept.variants:
                    for term in variant.terms:
                        for form in _forms(term, variant.inflect):
                            self._add(pi, concept, variant, term, form, variant.case_sensitive)
                        for phrase in variant.exclude:
                            self._add(pi, None, None, phrase, phrase, False)
        self._fold_cache = _FoldCache(diacritics)
        #: the scope words of the packs, folded as terms.py folds them (without diacritics)
        self.scope_keys = frozenset(fold(w) for p in self.packs for w in getattr(p, "scope", ()))
        # with diacritics folded away a scope word's key may differ from its term key: not looked for here
        wanted = set(self._root) | (set() if diacritics else self.scope_keys)
        self._start_cache = _StartCache(self._fold_cache, frozenset(wanted))

    def _add(self, pi: int, concept: Concept | None, variant: Variant | None, term: str, form: str, cs: bool) -> None:
        toks = tokenize_term(form)
        if not toks:
            return
        node = self._root
        for tok, _gap in toks:
            node = node.setdefault(fold(tok, self.diacritics), {})
        entry = _Entry(
            pack=pi,
            concept=concept,
            variant=variant,
            term=term,
            gaps=tuple(g for _, g in toks[1:]),
            raw=tuple(t for t, _ in toks),
            case_sensitive=cs,
            length=len(toks),
        )
        same = node.setdefault(_END, {}).setdefault(entry.gaps, [])
        if concept is None and any(x.pack == pi and x.concept is None for x in same):
            return  # the same exclusion again (many variants may list it): one is enough
        same.append(entry)
        self.max_len = max(self.max_len, len(toks))

    def find(self, text: str) -> list[TermHit]:
        """All hits in ``text``, sorted by position then pack."""
        return self.scan(text)[0]

    def scan(self, text: str, *, words: list[str] | None = None) -> tuple[list[TermHit], set[str] | None]:
        """All hits in ``text`` (as :meth:`find`), and the scope words (:attr:`scope_keys`) it holds.

        ``words`` is ``tokens.split_words(text)`` when the caller has it already. The
        scope words come folded as :func:`framing.tokens.fold` folds them (without
        diacritics); with ``diacritics=True`` they are not looked for (None).
        """
        # Words and separators come from one regular-expression pass (the capturing split
        # interleaves them: separator, word, separator, ..., separator); the words that can
        # start a term or are scope words are picked out by one C-level map through a cache
        # of folded keys. Only from those is the trie walked (folding the words that follow
        # through the cache) and are character offsets computed.
        parts = split_words(text) if words is None else words
        toks = parts[1::2]
        scope = None if self.diacritics else set()
        if not toks:
            return [], scope
        root = self._root
        starts = self._start_cache
        folds = self._fold_cache
        if len(folds) > 100_000:
            folds.clear()
            starts.clear()
        marks = list(map(starts.__getitem__, toks))
        cands = list(compress(count(), marks))
        if not cands:
            return [], scope
        seps = parts[0::2]  # seps[k] precedes toks[k]; len(seps) == len(toks) + 1
        n = len(toks)
        n_packs = len(self.packs)
        free = [0] * n_packs
        hits: list[TermHit] = []
        # running character offset of toks[pos]
        pos, off = 0, len(seps[0])
        last = n - 1
        scope_keys = self.scope_keys
        for i in cands:
            key = marks[i]
            if scope is not None and key in scope_keys:
                scope.add(key)
            node = root.get(key)
            if node is None:
                continue  # a scope word that starts no term
            if _END not in node and (i == last or folds[toks[i + 1]] not in node):
                continue  # no term is this word alone, none goes on with the next: nothing starts here
            if i > pos:
                off += sum(map(len, parts[2 * pos + 1 : 2 * i + 1]))  # toks[pos], seps[pos + 1], ..., seps[i]
                pos = i
            spans = [(off, off + len(toks[i]))]
            gaps: list[str] = []  # normalised separators between the phrase's words so far
            best: list[tuple[int, _Entry] | None] = [None] * n_packs
            j = i
            while True:
                by_gaps = node.get(_END)
                if by_gaps:
                    for e in by_gaps.get(tuple(gaps), ()):
                        if free[e.pack] > spans[0][0] or not self._fits(text, spans, 0, e):
                            continue
                        cur = best[e.pack]
                        if cur is None or j - i > cur[0]:
                            best[e.pack] = (j - i, e)
                j += 1
                if j >= n:
                    break
                node = node.get(folds[toks[j]])
                if node is None:
                    break
                a = spans[-1][1] + len(seps[j])
                spans.append((a, a + len(toks[j])))
                gaps.append(normalise_gap(seps[j]))
            if any(best):
                self._emit(text, spans, best, free, hits)
        hits.sort(key=lambda h: (h.start, h.pack))
        return hits, scope

    def _emit(
        self, text: str, spans: list[tuple[int, int]], best: list[tuple[int, _Entry] | None],
        free: list[int], hits: list[TermHit],
    ) -> None:
        for pi, found in enumerate(best):
            if found is None:
                continue
            last, e = found
            a, b = spans[0][0], spans[last][1]
            free[pi] = b
            if e.concept is None or e.variant is None:
                continue  # an exclusion phrase: consumes its words, counts nothing
            hits.append(
                TermHit(
                    pack=self.packs[pi].name, concept=e.concept.id, side=e.variant.side, weight=e.variant.weight,
                    term=e.term, start=a, end=b, text=text[a:b], category=e.concept.category, role=e.concept.role,
                )
            )

    @staticmethod
    def _fits(text: str, spans: list[tuple[int, int]], i: int, e: _Entry) -> bool:
        """Check case where it matters (the gaps were matched by the look-up)."""
        if e.case_sensitive:
            for k, raw in enumerate(e.raw):
                a, b = spans[i + k]
                if text[a:b] != raw and not _inflected(text[a:b], raw, last=k == e.length - 1):
                    return False
        return True


def _inflected(got: str, raw: str, *, last: bool) -> bool:
    return last and got.startswith(raw) and got[len(raw) :] in ("s", "es")


def _forms(term: str, inflect: bool) -> list[str]:
    """The spelling, plus plural forms of its last word for ``inflect`` variants."""
    if not inflect:
        return [term]
    toks = tokenize_term(term)
    if not toks:
        return [term]
    last = toks[-1][0]
    stem = term[: len(term) - len(last)] if term.endswith(last) else None
    if stem is None:
        return [term]
    forms = [term, stem + last + "s"]
    low = last.lower()
    if low.endswith(("s", "x", "z", "ch", "sh")):
        forms.append(stem + last + "es")
    if low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        forms.append(stem + last[:-1] + "ies")
    return forms
