"""Same-event grouping: which articles report the same event.

Documents whose manifest gives an ``event`` form one group per event, exactly
as written, and are never merged with other documents. The remaining
documents are grouped by what they say and when. Each document is a TF-IDF
vector of its words (lower-cased, English stop words out, sublinear term
frequency); the similarity of two documents is the cosine of their vectors,
multiplied by ``day_decay`` for every calendar day between their dates, and
documents more than ``window_days`` apart are never linked (a document without
a date may link to any date, undiscounted). With ``linkage="average"`` (the
default) or ``"complete"``, clusters merge, most similar first, while the mean
(or least) similarity over all their cross pairs reaches ``threshold`` and no
cluster would hold two dated documents more than ``window_days`` apart: one
chance link does not chain two stories together. With ``linkage="single"`` the
groups are the connected components of the links: chains, each link within
the window.

Only pairs within the window are ever compared (documents are taken in order
of date), and the clustering runs on the sparse graph of similar pairs, so
10,000 articles take seconds, not a dense 10,000 x 10,000 matrix.

Defaults, measured by ``bench/bench_events.py`` on ``abp-10k`` (gold event =
same topic and same date; see bench/results/events.json): ``threshold=0.05``
(same-story articles from different outlets share little vocabulary: the best
threshold lies at 0.03-0.07 in every variant), ``day_decay=0.5`` (of the
article pairs from different outlets with cosine >= 0.3, 42 % share a date and
30 % lie one day apart, against 7 % and 13 % expected by chance within a week,
so next-day coverage is real; but weaker next-day links are mostly other
stories, so a next-day pair needs twice the similarity), ``window_days=3``.
Weighting titles, leads or capitalised names did not help (titles of one story
differ by outlet; that is what framing is about).

Group ids are deterministic: ``cluster-1``, ``cluster-2`` … for groups of two
or more documents and ``single-1`` … for documents left alone, numbered by the
group's first date (undated last) and then its first document id.
"""

from __future__ import annotations

import heapq
import logging
import math
import re
from collections.abc import Mapping

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix, csr_matrix

from .distinctive import ENGLISH_STOP_WORDS
from .errors import InputError

log = logging.getLogger(__name__)

__all__ = ["EVENT_COLUMNS", "SUMMARY_COLUMNS", "event_summary", "group_events"]

EVENT_COLUMNS = ["doc_id", "outlet", "date", "event", "event_source", "top_terms", "n_docs", "n_outlets"]
SUMMARY_COLUMNS = ["event", "event_source", "n_docs", "n_outlets", "outlets", "first_date", "last_date", "top_terms"]
LINKAGES = ("average", "single", "complete")
# Rows of the similarity matrix computed at once (rows x documents floats in memory).
_BLOCK_CELLS = 4_000_000
# Similarities below threshold * _FLOOR are left out of the graph (count as 0 in averages).
_FLOOR = 0.5
# Words: a letter, then letters, digits, apostrophes or hyphens.
_TOKEN = r"(?u)\b[^\W\d_](?:[\w'’-]*\w)?"


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _days(dates: pd.Series) -> np.ndarray:
    """Calendar day number of each date (``NaN`` when missing or unreadable)."""
    parsed = pd.to_datetime(dates.map(_text).replace("", None), errors="coerce", format="ISO8601", utc=True)
    days = (parsed.dt.tz_localize(None).dt.normalize() - pd.Timestamp("1970-01-01")).dt.days
    return days.to_numpy(dtype=float)


def _links(X, days: np.ndarray, floor: float, window_days: float, day_decay: float = 1.0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (i < j) with cosine similarity >= ``floor`` whose dates lie at most ``window_days`` apart.

    Documents are taken in order of date, and each block of them is compared only with the
    documents dated within the window of the block (and the undated ones), so the cost grows
    with the number of documents close in time, not with the square of the corpus.
    """
    n = X.shape[0]
    order = np.argsort(np.where(np.isnan(days), np.inf, days), kind="stable")
    d = days[order]
    n_dated = int(np.count_nonzero(~np.isnan(d)))
    Xs = X[order]
    block = max(1, min(512, _BLOCK_CELLS // max(1, n)))
    rows_out, cols_out, sims_out = [], [], []
    lo = 0
    while lo < n:
        hi = min(n, lo + block)
        if lo < n_dated:
            hi = min(hi, n_dated)  # a block is all dated or all undated
            c_lo = int(np.searchsorted(d[:n_dated], d[lo] - window_days, side="left"))
            c_hi = int(np.searchsorted(d[:n_dated], d[hi - 1] + window_days, side="right"))
            cols = np.r_[np.arange(max(c_lo, lo), c_hi), np.arange(n_dated, n)]
        else:
            cols = np.arange(lo, n)
        sims = (Xs[lo:hi] @ Xs[cols].T).tocoo()
        r, c, v = sims.row + lo, cols[sims.col], sims.data
        keep = (r < c) & (v >= floor)
        r, c, v = r[keep], c[keep], v[keep]
        di, dj = d[r], d[c]
        gap = np.where(np.isnan(di) | np.isnan(dj), 0.0, np.abs(di - dj))
        v = v * day_decay**gap
        near = (gap <= window_days) & (v >= floor)
        rows_out.append(order[r[near]])
        cols_out.append(order[c[near]])
        sims_out.append(v[near])
        lo = hi
    if not rows_out:
        return np.zeros(0, dtype=int), np.zeros(0, dtype=int), np.zeros(0)
    i, j = np.concatenate(rows_out), np.concatenate(cols_out)
    lo_, hi_ = np.minimum(i, j), np.maximum(i, j)
    return lo_, hi_, np.concatenate(sims_out)


def _agglomerate(
    n: int, i: np.ndarray, j: np.ndarray, sims: np.ndarray, days: np.ndarray, *,
    threshold: float, window_days: float, method: str,
) -> np.ndarray:
    """Hierarchical clustering over a sparse similarity graph; a cluster label per document.

    Clusters merge, most similar pair first, while their similarity reaches ``threshold``:
    ``average`` = mean similarity over all pairs of documents across the two clusters,
    ``complete`` = the least of them, a pair missing from the graph counting as 0. Two
    clusters whose union would hold dated documents more than ``window_days`` apart never
    merge. Ties are broken by the smaller document index (documents come in order of date
    and id), so the result does not depend on the input order.
    """
    size = [1] * n
    span = [(d, d) if not np.isnan(d) else (math.inf, -math.inf) for d in days.tolist()]
    parent = list(range(n))
    # link[a][b] = sum (average) or minimum (complete) of the similarities between clusters a and b
    link: list[dict[int, float] | None] = [{} for _ in range(n)]
    for a, b, s in zip(i.tolist(), j.tolist(), sims.tolist(), strict=True):
        link[a][b] = s  # type: ignore[index]
        link[b][a] = s  # type: ignore[index]
    avg = method == "average"

    def score(a: int, b: int, value: float) -> float:
        return value / (size[a] * size[b]) if avg else value

    heap = [(-score(a, b, s), a, b) for a, b, s in zip(i.tolist(), j.tolist(), sims.tolist(), strict=True)]
    heap = [h for h in heap if -h[0] >= threshold]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        la, lb = link[a], link[b]
        if la is None or lb is None or b not in la or score(a, b, la[b]) != -neg:
            continue  # a cluster has merged since this entry was made
        lo_day, hi_day = min(span[a][0], span[b][0]), max(span[a][1], span[b][1])
        if hi_day - lo_day > window_days:
            continue  # too far apart in time, now and after any further merge
        if avg:
            new = dict(la)
            for k, v in lb.items():
                new[k] = new.get(k, 0.0) + v
        else:  # complete: a cluster not linked to both is at similarity 0 from the union
            new = {k: min(v, lb[k]) for k, v in la.items() if k in lb}
        new.pop(a, None)
        new.pop(b, None)
        for k in la.keys() | lb.keys():
            lk = link[k]
            if lk is not None:
                lk.pop(a, None)
                lk.pop(b, None)
        # the union keeps the smaller index of the two
        a, b = min(a, b), max(a, b)
        size[a] += size[b]
        span[a] = (lo_day, hi_day)
        parent[b] = a
        link[b] = None
        link[a] = new
        for k, v in new.items():
            link[k][a] = v  # type: ignore[index]
            sc = score(a, k, v)
            if sc >= threshold:
                heapq.heappush(heap, (-sc, min(a, k), max(a, k)))
    root = np.arange(n)
    for x in range(n):
        r = x
        while parent[r] != r:
            r = parent[r]
        root[x] = r
    return root


def group_events(
    docs: pd.DataFrame,
    texts: Mapping[str, str],
    *,
    threshold: float = 0.05,
    window_days: float = 3,
    linkage: str = "average",
    n_top_terms: int = 5,
    day_decay: float = 0.5,
) -> pd.DataFrame:
    """Group documents that report the same event.

    Args:
        docs: One row per document with ``doc_id`` and optionally ``outlet``, ``date`` (ISO 8601)
            and ``event`` (the manifest's event; empty or missing = unknown).
        texts: Document id → cleaned text (a missing text counts as empty).
        threshold: Least similarity (cosine of TF-IDF vectors, discounted by date distance) for
            two documents or clusters to be grouped.
        window_days: Largest distance in calendar days between the dates of grouped documents.
        day_decay: Factor in (0, 1] applied to the similarity of two dated documents for each
            calendar day between them (1 = dates only matter through ``window_days``).
        linkage: ``"average"`` (default), ``"complete"`` or ``"single"`` (connected components).
        n_top_terms: Number of terms in ``top_terms``.

    Returns:
        One row per document with :data:`EVENT_COLUMNS`: ``event`` (the manifest's event, or
        ``cluster-N`` / ``single-N``), ``event_source`` (manifest | cluster | single),
        ``top_terms`` of the group (highest mean TF-IDF), ``n_docs`` and ``n_outlets`` of the group.
        Rows are ordered by group (first date, then first document id) and by date and id within.

    Raises:
        InputError: ``docs`` without ``doc_id``, duplicate ids, or an option out of range.

    References:
        Manning, C. D., Raghavan, P. & Schütze, H. (2008). *Introduction to Information
        Retrieval*, ch. 6 (tf-idf, cosine) and ch. 17 (hierarchical clustering).
        Allan, J. (ed.) (2002). *Topic Detection and Tracking: Event-based Information
        Organization*. Kluwer (time windows for event detection).
    """
    if "doc_id" not in docs.columns:
        raise InputError("docs: a doc_id column is needed")
    if not 0.0 < threshold <= 1.0:
        raise InputError(f"threshold={threshold!r}: must lie in (0, 1]")
    if window_days < 0:
        raise InputError(f"window_days={window_days!r}: must not be negative")
    if linkage not in LINKAGES:
        raise InputError(f"linkage={linkage!r}: use one of {', '.join(LINKAGES)}")
    if not 0.0 < day_decay <= 1.0:
        raise InputError(f"day_decay={day_decay!r}: must lie in (0, 1]")
    if n_top_terms < 0:
        raise InputError(f"n_top_terms={n_top_terms!r}: must not be negative")
    ids = [_text(d) for d in docs["doc_id"]]
    if len(set(ids)) != len(ids):
        dup = sorted({d for d in ids if ids.count(d) > 1})[0]
        raise InputError(f"docs: doc_id {dup!r} appears more than once")
    n = len(ids)
    outlets = [_text(o) for o in docs["outlet"]] if "outlet" in docs.columns else [""] * n
    dates = [_text(d) for d in docs["date"]] if "date" in docs.columns else [""] * n
    events = [_text(e) for e in docs["event"]] if "event" in docs.columns else [""] * n
    if n == 0:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in EVENT_COLUMNS})
    days = _days(pd.Series(dates))
    X, vocab = _tfidf([texts.get(d, "") or "" for d in ids])

    groups: list[tuple[str, np.ndarray]] = []  # (source, member indices)
    manifest: dict[str, list[int]] = {}
    free = []
    for i, e in enumerate(events):
        if e:
            manifest.setdefault(e, []).append(i)
        else:
            free.append(i)
    for e in sorted(manifest):
        groups.append(("manifest:" + e, np.array(manifest[e])))
    # in order of date and id, so ties in the clustering break the same way whatever the input order
    free.sort(key=lambda i: (math.inf if np.isnan(days[i]) else days[i], ids[i]))
    if free:
        free_idx = np.array(free)
        Xf = X[free_idx]
        fdays = days[free_idx]
        floor = threshold if linkage == "single" else threshold * _FLOOR
        r, c, sims = _links(Xf, fdays, floor, window_days, day_decay)
        if linkage == "single":
            # imported here: scipy.sparse.csgraph takes 0.1 s to import and only this linkage needs it
            from scipy.sparse.csgraph import connected_components

            graph = coo_matrix((np.ones(len(r)), (r, c)), shape=(len(free), len(free)))
            _, labels = connected_components(graph, directed=False)
        else:
            labels = _agglomerate(len(free), r, c, sims, fdays, threshold=threshold, window_days=window_days,
                                  method=linkage)
        for k in np.unique(labels):
            part = np.nonzero(labels == k)[0]
            groups.append(("cluster" if len(part) > 1 else "single", free_idx[part]))

    def order(group: tuple[str, np.ndarray]) -> tuple[float, str]:
        d = days[group[1]]
        first = float(np.nanmin(d)) if not np.all(np.isnan(d)) else math.inf
        return (first, min(ids[i] for i in group[1]))

    rows = []
    numbers = {"cluster": 0, "single": 0}
    for source, members in sorted(groups, key=order):
        if source.startswith("manifest:"):
            name, source = source[len("manifest:"):], "manifest"
        else:
            numbers[source] += 1
            name = f"{source}-{numbers[source]}"
        top = _top_terms(X, vocab, members, n_top_terms)
        n_out = len({outlets[i] for i in members if outlets[i]})
        for i in sorted(members, key=lambda i: (math.inf if np.isnan(days[i]) else days[i], ids[i])):
            rows.append(
                {
                    "doc_id": ids[i], "outlet": outlets[i], "date": dates[i], "event": name,
                    "event_source": source, "top_terms": top, "n_docs": len(members), "n_outlets": n_out,
                }
            )
    log.info("events: %d documents in %d groups", n, len(groups))
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


def _tfidf(texts: list[str]):
    """Row-normalised TF-IDF vectors of the texts and their vocabulary (empty if no text has a word).

    The same matrix, bit for bit and in the same storage order, as scikit-learn's
    ``normalize(TfidfVectorizer(token_pattern=_TOKEN, stop_words="english", sublinear_tf=True)
    .fit_transform(texts))``, computed without importing scikit-learn (about 1.5 s): counts
    per document, columns in order of first use within each row, idf = ln((1 + n) / (1 + df)) + 1,
    tf = 1 + ln(count), then each row divided by its L2 norm (summed in storage order) twice.

    References:
        Manning, C. D., Raghavan, P. & Schütze, H. (2008). *Introduction to Information
        Retrieval*, ch. 6 (tf-idf weighting, cosine normalisation).
    """
    word = re.compile(_TOKEN)
    first_seen: dict[str, int] = {}
    indices: list[int] = []
    counts: list[int] = []
    indptr = [0]
    for text in texts:
        row: dict[int, int] = {}
        for w in word.findall(text.lower()):
            if w not in ENGLISH_STOP_WORDS:
                j = first_seen.setdefault(w, len(first_seen))
                row[j] = row.get(j, 0) + 1
        for j in sorted(row):
            indices.append(j)
            counts.append(row[j])
        indptr.append(len(indices))
    if not first_seen:
        return csr_matrix((len(texts), 0)), np.array([], dtype=object)
    names = list(first_seen)
    alphabetical = sorted(range(len(names)), key=names.__getitem__)
    column = np.empty(len(names), dtype=np.int32)  # first-seen number -> column of the sorted vocabulary
    column[alphabetical] = np.arange(len(names), dtype=np.int32)
    cols = column[np.array(indices, dtype=np.int64)]
    ptr = np.array(indptr, dtype=np.int64)
    df = np.bincount(cols, minlength=len(names)).astype(np.float64) + 1.0
    idf = np.full_like(df, len(texts) + 1, dtype=np.float64)
    idf /= df
    np.log(idf, out=idf)
    idf += 1.0
    data = np.log(np.array(counts, dtype=np.float64))
    data += 1.0
    data *= idf[cols]
    _normalise_rows(data, ptr)
    _normalise_rows(data, ptr)
    X = csr_matrix((data, cols, ptr), shape=(len(texts), len(names)))
    return X, np.array(names, dtype=object)[alphabetical]


def _normalise_rows(data: np.ndarray, indptr: np.ndarray) -> None:
    """Divide each CSR row of ``data`` by its L2 norm in place; the squares are summed in storage order."""
    lengths = np.diff(indptr)
    starts = indptr[:-1]
    by_length = np.argsort(-lengths, kind="stable")
    ranked = lengths[by_length]
    sums = np.zeros(len(lengths))
    for k in range(int(ranked[0]) if len(ranked) else 0):
        rows = by_length[: int(np.count_nonzero(ranked > k))]
        x = data[starts[rows] + k]
        sums[rows] += x * x
    norms = np.sqrt(sums)
    norms[sums == 0.0] = 1.0
    data /= np.repeat(norms, lengths)


def _top_terms(X, vocab: np.ndarray, members: np.ndarray, k: int) -> str:
    if k == 0 or len(vocab) == 0:
        return ""
    weights = np.asarray(X[members].mean(axis=0)).ravel()
    nonzero = np.nonzero(weights > 0)[0]
    if len(nonzero) > 4 * k:  # only the largest few need sorting
        nonzero = nonzero[np.argpartition(-weights[nonzero], 4 * k)[: 4 * k]]
        nonzero = nonzero[weights[nonzero] >= np.sort(weights[nonzero])[::-1][k - 1]]
    best = sorted(nonzero, key=lambda j: (-weights[j], vocab[j]))[:k]
    return ", ".join(str(vocab[j]) for j in best)


def event_summary(events: pd.DataFrame) -> pd.DataFrame:
    """One row per event group of :func:`group_events`' output.

    Args:
        events: The table returned by :func:`group_events`.

    Returns:
        :data:`SUMMARY_COLUMNS`: ``event``, ``event_source``, ``n_docs``, ``n_outlets``,
        ``outlets`` (sorted, ``"; "``-separated), ``first_date`` and ``last_date`` (as written
        in the documents; empty when no document of the group has a date) and ``top_terms``,
        in the order of the groups in ``events``.
    """
    missing = [c for c in ("doc_id", "event") if c not in events.columns]
    if missing:
        raise InputError(f"events: missing column(s) {', '.join(missing)}; pass the table from group_events")
    rows = []
    for name, g in events.groupby("event", sort=False):
        dates = g["date"].map(_text) if "date" in g.columns else pd.Series([""] * len(g))
        days = _days(dates)
        dated = [(d, s) for d, s in zip(days, dates, strict=True) if not np.isnan(d)]
        outlets = sorted({_text(o) for o in g.get("outlet", pd.Series(dtype=object)) if _text(o)})
        rows.append(
            {
                "event": name,
                "event_source": g["event_source"].iloc[0] if "event_source" in g.columns else "",
                "n_docs": len(g),
                "n_outlets": len(outlets),
                "outlets": "; ".join(outlets),
                "first_date": min(dated)[1] if dated else "",
                "last_date": max(dated)[1] if dated else "",
                "top_terms": g["top_terms"].iloc[0] if "top_terms" in g.columns else "",
            }
        )
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
