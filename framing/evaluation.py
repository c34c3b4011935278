"""Evaluating quote attribution against PolNeAR's annotated attributions.

:func:`load_polnear` reads one split of PolNeAR (brat standoff files beside
the article texts) into :class:`GoldArticle` records whose offsets are
character offsets into the raw ``.txt`` files. :func:`score` and
:func:`score_split` compare the quotes a predictor returns with them, the way
the published quote-attribution figures are measured:

* a gold attribution is *found* when one predicted quote covers at least 30 %
  of its content characters (|gold ∩ pred| / |gold|, the content pieces
  unioned); pairs are matched greedily one-to-one, largest overlap first, ties
  broken by position; the same is reported at 80 %;
* precision = matched predictions / predictions, recall = matched gold / gold,
  F1 = 2 · matched / (gold + predictions), all summed over articles (micro);
* speaker accuracy and verb accuracy on the pairs matched at 30 % (the verb:
  the cue's first word that is not an auxiliary or adverb; the exact cue
  span is reported beside it).

Attributions whose content holds a quotation mark ("quote" attributions:
direct and mixed quotes) are scored against predicted quotes of kind direct,
mixed, floating and embedded_post; the others ("indirect") against predicted
indirect quotes.

References:
    ../shared/reference/quote-attribution.md ("How we score"), after the
    GenderGapTracker evaluation (Asr et al., "The Gender Gap Tracker", PLOS ONE
    2021). Data: Newell, Margolin & Ruths, "An attribution relations corpus for
    political news", LREC 2018.
"""

from __future__ import annotations

import csv
import logging
import math
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError, located

if TYPE_CHECKING:
    from .quotes import Quote

log = logging.getLogger(__name__)

Span = tuple[int, int]
Spans = tuple[Span, ...]
Predictor = Callable[["GoldArticle"], "list[Quote]"]

THRESHOLDS = (30, 80)
"""Overlap thresholds, in percent of the gold content's characters."""

SUBSET_KINDS: dict[str, frozenset[str] | None] = {
    "quote": frozenset({"direct", "mixed", "floating", "embedded_post"}),
    "indirect": frozenset({"indirect"}),
    "indirect_speech": frozenset({"indirect"}),
    "all": None,
}
"""Which predicted quote kinds count against each subset of gold attributions (None: all)."""

_QUOTE_MARK = re.compile("[\"“”„«»]|''")
_ROLES = ("Content", "Cue", "Source")
_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
# fmt: off
_PRONOUNS = frozenset({
    "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his",
    "she", "her", "it", "its", "they", "them", "their",
})
# fmt: on
_EDGE_PUNCT = " \t\n.,;:!?\"'“”‘’()[]—–-"


# ---------------------------------------------------------------- gold records


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One annotated attribution (a brat ``E`` line).

    Attributes:
        id: The relation's id in the .ann file ("E3").
        content: Content pieces ``(start, end)``, sorted; discontinuous contents
            and second contents (``Content2``) give several pieces.
        cue: Cue pieces, or ``()`` when the annotator marked none.
        source: Source pieces, or ``()`` (PolNeAR's ``Attribution-no-source``).
        content_text: The content pieces' text, joined by a space (as brat does).
        cue_text: The cue's text, or "".
        source_text: The source mention's text, or "".
        has_quote_mark: The content holds a quotation mark (see :func:`contains_quote_mark`).
    """

    id: str
    content: Spans
    cue: Spans
    source: Spans
    content_text: str
    cue_text: str
    source_text: str
    has_quote_mark: bool


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One annotated article.

    Attributes:
        name: The file stem ("nyt_2016-09-12_some-slug").
        publisher: From ``metadata.tsv``, else the file name's first part.
        text: The article exactly as stored (UTF-8, line ends untouched).
        attributions: Attributions that have a content, in file order.
        annotator: The annotator whose file was used (the first in sorted order).
        annotators: Every annotator who annotated the article.
        n_without_content: ``E`` lines left out because they tie no content.
    """

    name: str
    publisher: str
    text: str
    attributions: list[GoldAttribution]
    annotator: str = ""
    annotators: tuple[str, ...] = ()
    n_without_content: int = 0


def contains_quote_mark(text: str) -> bool:
    """Whether ``text`` holds a quotation mark.

    Counts " “ ” „ « » and two apostrophes in a row ('' as in PolNeAR's NYT
    texts). A lone ’ or ' does not count: in news copy it is almost always an
    apostrophe, and single-quoted spans inside a double-quoted one are
    covered by the outer marks.
    """
    return _QUOTE_MARK.search(text) is not None


# ---------------------------------------------------------------- loading


def load_polnear(split_dir: str | os.PathLike[str]) -> Iterator[GoldArticle]:
    """Read one PolNeAR split (``.../polnear/dev``) article by article.

    Reads ``text/<name>.txt`` and ``attributions/<name>_<annotator>.ann``; an
    article annotated by several annotators is read from the first file in
    sorted order. Publishers come from ``metadata.tsv`` in the split folder or
    its parent. Articles without an .ann file are not yielded (unannotated is
    not the same as "no attributions").

    Args:
        split_dir: The split folder holding ``text/`` and ``attributions/``.

    Returns:
        An iterator of articles in sorted name order.

    Raises:
        InputError: The folders are missing (at once), or a file is malformed
            (when its article is reached).
    """
    root = Path(split_dir)
    for sub in ("text", "attributions"):
        if not (root / sub).is_dir():
            raise InputError(f"{root}: not a PolNeAR split (no {sub}/ folder)")
    return _iter_articles(root, _read_publishers(root))


def _iter_articles(root: Path, publishers: dict[str, str]) -> Iterator[GoldArticle]:
    for name, ann_files in sorted(_group_ann_files(root / "attributions").items()):
        text_path = root / "text" / f"{name}.txt"
        if not text_path.is_file():
            raise InputError(located(str(ann_files[0]), None, f"no article text {text_path}"))
        with open(text_path, encoding="utf-8", newline="") as f:
            text = f.read()
        annotators = tuple(_annotator(p) for p in ann_files)
        attributions, n_skipped = read_ann(ann_files[0], text)
        yield GoldArticle(
            name=name,
            publisher=publishers.get(name) or name.split("_", 1)[0],
            text=text,
            attributions=attributions,
            annotator=annotators[0],
            annotators=annotators,
            n_without_content=n_skipped,
        )


def _group_ann_files(folder: Path) -> dict[str, list[Path]]:
    """Article name → its .ann files, sorted."""
    groups: dict[str, list[Path]] = {}
    for path in sorted(folder.glob("*.ann")):
        name = path.stem.rsplit("_", 1)[0]
        groups.setdefault(name, []).append(path)
    return groups


def _annotator(path: Path) -> str:
    parts = path.stem.rsplit("_", 1)
    return parts[1] if len(parts) == 2 else ""


def _read_publishers(root: Path) -> dict[str, str]:
    """File name → publisher from the first metadata.tsv found (split folder, then parent)."""
    for path in (root / "metadata.tsv", root.parent / "metadata.tsv"):
        if path.is_file():
            with open(path, encoding="utf-8", newline="") as f:
                rows = csv.DictReader(f, delimiter="\t")
                return {
                    r["filename"]: r["publisher"]
                    for r in rows
                    if r.get("filename") and r.get("publisher")
                }
    log.info("%s: no metadata.tsv; publishers taken from file names", root)
    return {}


def read_ann(path: str | os.PathLike[str], text: str) -> tuple[list[GoldAttribution], int]:
    """Read one brat .ann file of PolNeAR attributions.

    ``T`` lines may come after the ``E`` lines that use them, and their text
    may run over several lines (a span holding a line break); lines that are
    neither ``T`` nor ``E`` (annotator notes, continuations) are skipped.
    Roles ``Content``, ``Content2``, … are unioned; ``Attribution`` and
    ``Attribution-no-source`` triggers, ``Discard`` and ``Discuss`` spans are
    not used.

    Args:
        path: The .ann file.
        text: The article text the offsets refer to.

    Returns:
        The attributions that have a content, and how many ``E`` lines had none.

    Raises:
        InputError: An offset outside the text or a reference to an unknown span.
    """
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    spans: dict[str, Spans] = {}
    relations: list[tuple[int, str, list[tuple[str, str]]]] = []
    for lineno, line in enumerate(lines, 1):
        if m := _T_LINE.match(line):
            spans[m.group(1)] = _parse_pieces(m.group(3), len(text), str(path), lineno)
        elif m := _E_LINE.match(line):
            relations.append((lineno, m.group(1), _relation_args(m.group(2))))
    out: list[GoldAttribution] = []
    n_skipped = 0
    for lineno, rel_id, args in relations:
        roles = _collect_roles(args, spans, str(path), lineno)
        if not roles["Content"]:
            n_skipped += 1
            continue
        out.append(_attribution(rel_id, roles, text))
    return out, n_skipped


def _relation_args(field_: str) -> list[tuple[str, str]]:
    """``Attribution:T4 Content:T3`` → ``[("Attribution", "T4"), ("Content", "T3")]``."""
    out = []
    for arg in field_.split():
        role, _, ref = arg.partition(":")
        if ref:
            out.append((role, ref))
    return out


def _parse_pieces(field_: str, n: int, source: str, lineno: int) -> Spans:
    pieces = []
    for piece in field_.split(";"):
        start, end = (int(x) for x in piece.split())
        if not 0 <= start <= end <= n:
            raise InputError(
                located(source, lineno, f"span {start} {end} outside the text (0..{n})")
            )
        pieces.append((start, end))
    return tuple(sorted(pieces))


def _collect_roles(
    args: list[tuple[str, str]], spans: dict[str, Spans], source: str, lineno: int
) -> dict[str, Spans]:
    """Role (Content, Cue, Source) → its pieces, numbered roles (Content2) merged."""
    roles: dict[str, list[Span]] = {r: [] for r in _ROLES}
    for role, ref in args:
        base = role.rstrip("0123456789")
        if base not in roles:
            continue
        if ref not in spans:
            raise InputError(located(source, lineno, f"{role}:{ref} refers to no T line"))
        roles[base].extend(spans[ref])
    return {r: tuple(sorted(set(p))) for r, p in roles.items()}


def _attribution(rel_id: str, roles: dict[str, Spans], text: str) -> GoldAttribution:
    def piece_text(pieces: Spans) -> str:
        return " ".join(text[a:b] for a, b in pieces)

    return GoldAttribution(
        id=rel_id,
        content=roles["Content"],
        cue=roles["Cue"],
        source=roles["Source"],
        content_text=piece_text(roles["Content"]),
        cue_text=piece_text(roles["Cue"]),
        source_text=piece_text(roles["Source"]),
        has_quote_mark=any(contains_quote_mark(text[a:b]) for a, b in roles["Content"]),
    )


# ---------------------------------------------------------------- matching


def merge_spans(pieces: Iterable[Span]) -> Spans:
    """Union of half-open spans, as sorted disjoint spans (empty ones dropped)."""
    out: list[Span] = []
    for a, b in sorted(p for p in pieces if p[1] > p[0]):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return tuple(out)


def overlap(gold: Spans, pred: Span) -> int:
    """Characters of the (merged) gold pieces that ``pred`` covers."""
    return sum(max(0, min(b, pred[1]) - max(a, pred[0])) for a, b in gold)


def match_spans(
    gold: Sequence[Iterable[Span]], pred: Sequence[Span], *, threshold: int
) -> list[tuple[int, int]]:
    """Match gold contents to predicted spans greedily, one-to-one.

    A pair qualifies when the prediction covers at least ``threshold`` % of
    the gold content's characters. Qualifying pairs are taken largest
    coverage first; ties go to the earlier gold, then the earlier prediction
    (by start offset, then by index). This is the greedy matching of the
    reference method, not a maximum matching.

    Args:
        gold: Each gold item's content pieces.
        pred: Each prediction's ``(start, end)``.
        threshold: Minimum coverage in percent (an integer, compared exactly).

    Returns:
        ``(gold index, prediction index)`` pairs, sorted by gold index.
    """
    candidates = []
    for gi, pieces in enumerate(gold):
        merged = merge_spans(pieces)
        size = sum(b - a for a, b in merged)
        if size == 0:
            continue
        g_start = merged[0][0]
        for pi, span in enumerate(pred):
            inter = overlap(merged, span)
            if inter > 0 and inter * 100 >= threshold * size:
                candidates.append((-inter / size, g_start, gi, span[0], pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, gi, _, pi in sorted(candidates):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


# ---------------------------------------------------------------- speaker and verb


def speaker_correct(gold: GoldAttribution, pred: Quote) -> bool:
    """Whether a matched prediction names the right speaker.

    PolNeAR annotates the source *mention* ("he", "a senior aide", "Mr.
    Trump") and resolves nothing, so the reference rule "the predicted
    resolved name matches the gold resolved name" is applied leniently:

    * right when the predicted speaker span overlaps any gold Source piece
      (this is how a pronoun source is credited);
    * or when the predicted ``speaker_name`` (case-insensitive, spaces
      collapsed, edge punctuation and a final 's dropped) equals the gold
      source text or ends with it as whole words ("Elman Mammadov" for
      "Mammadov"), or the gold source text ends with the name's last word
      ("Mr. Trump" for "Donald Trump"). A pronoun name never matches by name.
      The last-word rule is generous: "Bob Lee" passes for "Ann Lee", and
      "the source" for "another source".
    * A gold attribution with no Source is right only when the prediction
      has no speaker either.
    """
    if not gold.source:
        return not (pred.speaker or pred.speaker_name) and pred.speaker_start < 0
    if 0 <= pred.speaker_start < pred.speaker_end and overlap(
        gold.source, (pred.speaker_start, pred.speaker_end)
    ):
        return True
    return _name_matches(pred.speaker_name, gold.source_text)


def _name_matches(pred_name: str, gold_text: str) -> bool:
    name, gold = _normalise_name(pred_name), _normalise_name(gold_text)
    if not name or not gold or name in _PRONOUNS:
        return False
    last = name.rsplit(" ", 1)[-1]
    return name == gold or name.endswith(" " + gold) or gold == last or gold.endswith(" " + last)


def _normalise_name(s: str) -> str:
    s = " ".join(s.casefold().replace("’", "'").split()).strip(_EDGE_PUNCT)
    return s[:-2] if s.endswith("'s") else s


_CUE_SKIP = frozenset(
    "has have had did does do was were is are will would could can may might must should also not never n't "
    "then later reportedly repeatedly previously earlier first again once recently further even just still "
    "angrily quickly simply only now often soon already always 's".split()
)


def verb_correct(gold: GoldAttribution, pred: Quote) -> bool:
    """Whether the predicted cue has the gold cue's verb.

    The verb of a cue is its first word that is not an auxiliary, a negation
    or an adverb (a listed one or any word in -ly: "has also said",
    "forcefully said" → "said"); compared case-insensitively.
    PolNeAR's cue spans often carry adjuncts ("said in a statement", "said
    Sunday", "said of the Clintons"), so an exact comparison of the whole
    span (see :func:`cue_exact`) measures span boundaries more than the verb.
    """
    head = _cue_head(gold.cue_text)
    if not head:  # a colon alone introduces the quote
        return _normalise_cue(gold.cue_text).strip() == ":" == _normalise_cue(pred.cue).strip()
    return head == _cue_head(pred.cue)


def cue_exact(gold: GoldAttribution, pred: Quote) -> bool:
    """Whether the predicted cue is the gold cue text (case-insensitive, spaces collapsed)."""
    return _normalise_cue(pred.cue) == _normalise_cue(gold.cue_text)


def _cue_head(cue: str) -> str:
    for word in _normalise_cue(cue).replace("’", "'").split():
        w = word.strip(":,;.")
        if w and w not in _CUE_SKIP and not _is_adverb(w):
            return w
    return ""


def _is_adverb(w: str) -> bool:
    """A manner or time adverb before the verb ('forcefully told', 'publicly stated')."""
    return len(w) > 4 and w.endswith("ly") and w.isalpha() and w not in ("reply", "apply", "supply", "rally")


def _normalise_cue(s: str) -> str:
    return " ".join(s.casefold().split())


# ---------------------------------------------------------------- scores


@dataclass(frozen=True, slots=True)
class Scores:
    """Quote-attribution scores over a set of articles.

    Precision, recall, F1 and the accuracies are ``NaN`` when undefined
    (no predictions, no gold, no matched pairs); :meth:`to_dict` writes them
    as ``None``. F1 is 2 · matched / (gold + predictions), which equals the
    harmonic mean of precision and recall whenever both are defined.

    Attributes:
        n_articles: Articles scored.
        n_gold: Gold attributions in the subset.
        n_pred: Predictions of the kinds that count against the subset.
        matched_30: One-to-one matches at ≥ 30 % coverage.
        matched_80: One-to-one matches at ≥ 80 % coverage.
        speaker_correct: Pairs matched at 30 % whose speaker is right.
        speaker_total: Pairs matched at 30 %.
        verb_correct: Pairs matched at 30 % whose cue has the gold cue's verb.
        verb_total: Pairs matched at 30 % whose gold attribution has a cue.
        cue_exact_correct: Of those, pairs whose whole cue span matches exactly.
        per_publisher: The same scores for each publisher.
    """

    n_articles: int
    n_gold: int
    n_pred: int
    matched_30: int
    matched_80: int
    precision_30: float
    recall_30: float
    f1_30: float
    precision_80: float
    recall_80: float
    f1_80: float
    speaker_correct: int
    speaker_total: int
    speaker_accuracy: float
    verb_correct: int
    verb_total: int
    verb_accuracy: float
    cue_exact_correct: int = 0
    cue_exact_accuracy: float = math.nan
    per_publisher: dict[str, Scores] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (NaN → None, publishers nested)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "per_publisher":
                out[f.name] = {k: v.to_dict() for k, v in sorted(value.items())}
            elif isinstance(value, float) and math.isnan(value):
                out[f.name] = None
            else:
                out[f.name] = value
        return out


@dataclass(slots=True)
class _Tally:
    """Counts that add up over articles."""

    n_articles: int = 0
    n_gold: int = 0
    n_pred: int = 0
    matched_30: int = 0
    matched_80: int = 0
    speaker_correct: int = 0
    speaker_total: int = 0
    verb_correct: int = 0
    verb_total: int = 0
    cue_exact_correct: int = 0

    def add(self, other: _Tally) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def scores(self, per_publisher: dict[str, Scores] | None = None) -> Scores:
        p30, r30, f30 = _prf(self.matched_30, self.n_gold, self.n_pred)
        p80, r80, f80 = _prf(self.matched_80, self.n_gold, self.n_pred)
        return Scores(
            n_articles=self.n_articles,
            n_gold=self.n_gold,
            n_pred=self.n_pred,
            matched_30=self.matched_30,
            matched_80=self.matched_80,
            precision_30=p30,
            recall_30=r30,
            f1_30=f30,
            precision_80=p80,
            recall_80=r80,
            f1_80=f80,
            speaker_correct=self.speaker_correct,
            speaker_total=self.speaker_total,
            speaker_accuracy=_ratio(self.speaker_correct, self.speaker_total),
            verb_correct=self.verb_correct,
            verb_total=self.verb_total,
            verb_accuracy=_ratio(self.verb_correct, self.verb_total),
            cue_exact_correct=self.cue_exact_correct,
            cue_exact_accuracy=_ratio(self.cue_exact_correct, self.verb_total),
            per_publisher=per_publisher or {},
        )


def _ratio(a: int, b: int) -> float:
    return a / b if b else math.nan


def _prf(matched: int, n_gold: int, n_pred: int) -> tuple[float, float, float]:
    return _ratio(matched, n_pred), _ratio(matched, n_gold), _ratio(2 * matched, n_gold + n_pred)


def score_article(
    article: GoldArticle, predictions: Sequence[Quote], *, subset: str = "quote"
) -> _Tally:
    """Counts for one article and one subset ("quote", "indirect" or "all")."""
    kinds = _subset_kinds(subset)
    if subset == "all":
        gold = list(article.attributions)
    else:
        gold = [a for a in article.attributions if a.has_quote_mark == (subset == "quote")]
    if subset == "indirect_speech":
        gold = [a for a in gold if speech_cue(a.cue_text)]
    preds = [q for q in predictions if kinds is None or q.kind in kinds]
    spans = [(q.start, q.end) for q in preds]
    contents = [a.content for a in gold]
    t = _Tally(n_articles=1, n_gold=len(gold), n_pred=len(preds))
    pairs = match_spans(contents, spans, threshold=THRESHOLDS[0])
    t.matched_30 = len(pairs)
    t.matched_80 = len(match_spans(contents, spans, threshold=THRESHOLDS[1]))
    for gi, pi in pairs:
        t.speaker_total += 1
        t.speaker_correct += speaker_correct(gold[gi], preds[pi])
        if gold[gi].cue:
            t.verb_total += 1
            t.verb_correct += verb_correct(gold[gi], preds[pi])
            t.cue_exact_correct += cue_exact(gold[gi], preds[pi])
    return t


def speech_cue(cue: str) -> bool:
    """Does a gold cue hold a verb of framing's reporting-verb table (or 'according to')?

    PolNeAR annotates attitudes as attributions too ('has endorsed', 'supported', 'wants',
    'seemed'); framing reports speech and opinion only. The ``indirect_speech`` subset scores
    recall on the gold attributions framing sets out to find; its precision is not meaningful
    (predictions matching attitude attributions count as false there).
    """
    from .verbs import verb_forms

    forms = verb_forms()
    words = re.findall(r"[a-z’'-]+", cue.lower())
    pairs = (f"{w} {n}" for w, n in zip(words, words[1:], strict=False))
    return "according" in words or any(w in forms for w in words) or any(p in forms for p in pairs)


def _subset_kinds(subset: str) -> frozenset[str] | None:
    if subset not in SUBSET_KINDS:
        raise InputError(f"subset {subset!r} is not one of {', '.join(SUBSET_KINDS)}")
    return SUBSET_KINDS[subset]


def score_split(
    gold: Iterable[GoldArticle],
    predict: Predictor,
    *,
    subsets: Sequence[str] = ("quote", "indirect", "all"),
) -> dict[str, Scores]:
    """Score a predictor on several subsets at once, predicting each article once.

    Args:
        gold: The annotated articles (e.g. from :func:`load_polnear`).
        predict: Returns the predicted quotes of one article.
        subsets: Any of "quote" (content with a quote mark, against direct,
            mixed, floating and embedded_post predictions), "indirect" (no
            quote mark, against indirect predictions), "indirect_speech" (the
            indirect ones whose cue is a reporting verb: recall only, see
            :func:`speech_cue`), "all" (every attribution against every prediction).

    Returns:
        Subset name → :class:`Scores`, with per-publisher scores inside.
    """
    for s in subsets:
        _subset_kinds(s)
    totals = {s: _Tally() for s in subsets}
    by_pub: dict[str, dict[str, _Tally]] = {s: {} for s in subsets}
    for article in gold:
        predictions = predict(article)
        for s in subsets:
            t = score_article(article, predictions, subset=s)
            totals[s].add(t)
            by_pub[s].setdefault(article.publisher, _Tally()).add(t)
    return {
        s: totals[s].scores({p: t.scores() for p, t in sorted(by_pub[s].items())}) for s in subsets
    }


def score(gold: Iterable[GoldArticle], predict: Predictor, *, quote_only: bool = True) -> Scores:
    """Score a predictor's quotes against gold attributions.

    Args:
        gold: The annotated articles.
        predict: Returns the predicted quotes of one article.
        quote_only: Score only the attributions whose content holds a quote
            mark, against direct, mixed, floating and embedded_post
            predictions; when false, score every attribution against every
            prediction. Use :func:`score_split` for the indirect subset.

    Returns:
        The micro-averaged scores, with per-publisher scores.
    """
    subset = "quote" if quote_only else "all"
    return score_split(gold, predict, subsets=(subset,))[subset]


def predict_with_framing(article: GoldArticle) -> list[Quote]:
    """Predict an article's quotes with framing's own extractor.

    The document is built from the raw text without cleaning, so the quotes'
    offsets are offsets into ``article.text``.
    """
    from .analysis import analyze_text_document
    from .quotes import find_quotes

    doc = analyze_text_document(article.text, doc_id=article.name)
    return list(find_quotes(doc))
