"""Plain-language findings: the strongest contrasts between outlets, with their numbers.

Each finding compares the two outlets at the ends of one measure (the highest
and the lowest share, mean or rate among the outlets with enough data) and
states both figures with the counts and the number of articles behind them:

    Outlet A used Azerbaijani place names in 9 of 9 cases; Outlet B in 0 of 7 (1 article each).

Rules that keep findings from overstating:

* **Enough data.** An outlet takes part in a comparison only with at least 3
  units behind its figure (naming hits, quotes), 5 sentences (tone), 100 words
  (scare quotes) or a readability score.
* **A difference or not.** A contrast counts as a difference only when

  - shares (naming, sourcing, attribution verbs): the two 95 % Wilson intervals
    do not overlap and the shares differ by at least 0.20;
  - scare-quote rates: the Wilson intervals of scare quotes per word do not
    overlap and one rate is at least twice the other;
  - authorial tone: the means differ by at least 0.10 (VADER compound) and,
    when both outlets have bootstrap intervals (two or more articles), these
    do not overlap;
  - readability: the Flesch-Kincaid grades differ by at least 2 and, when both
    have intervals, these do not overlap.

  Otherwise the finding still gives both figures but ends "not enough to call
  it a difference" and ranks lower. Comparative words ("more negative",
  "harder to read") appear only in findings that pass the rule.
* **"Consistently"** is said only of an outlet with two or more articles
  every one of which uses that side's names and no other (from ``terms``).
* **One article.** When a finding rests on an outlet with a single article, a
  closing caveat says so.

Strength (for ordering, 0-1): the difference of shares; for rates, the
difference per 1,000 words / 5; for tone, the difference / 0.5; for
readability, the grade difference / 10 (each capped at 1), halved when the
contrast is not a difference by the rules above.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from .reportdata import Finding
from .stats import share_ci

__all__ = ["find_findings"]

MIN_UNITS = 3
MIN_SENTENCES = 5
MIN_WORDS = 100
MIN_SHARE_GAP = 0.20
MIN_TONE_GAP = 0.10
MIN_GRADE_GAP = 2.0
NAMING_SIDES = ("armenian", "azerbaijani", "russian", "ukrainian")
WEAK = "not enough to call it a difference"


@dataclass(frozen=True, slots=True)
class _Candidate:
    finding: Finding
    outlets: tuple[str, ...]


def _has(t: pd.DataFrame | None, *cols: str) -> bool:
    return t is not None and not t.empty and all(c in t.columns for c in cols)


def _n_docs(tables: Mapping[str, pd.DataFrame]) -> dict[str, int]:
    docs = tables.get("documents")
    if _has(docs, "outlet"):
        return {str(k): int(v) for k, v in docs.groupby("outlet").size().items()}
    voices = tables.get("voices")
    if _has(voices, "outlet", "n_docs"):
        return {str(o): int(n) for o, n in zip(voices["outlet"], voices["n_docs"], strict=True)}
    return {}


def _articles(d1: int | None, d2: int | None) -> str:
    if d1 is None or d2 is None:
        return ""
    if d1 == d2:
        return f"{d1} article{'s' if d1 != 1 else ''} each"
    return f"{d1} and {d2} articles"


def _close(docs: str, weak: bool) -> str:
    parts = [p for p in (docs, WEAK if weak else "") if p]
    return f" ({'; '.join(parts)})." if parts else "."


def _wilson_apart(k1: int, n1: int, k2: int, n2: int) -> bool:
    lo1, hi1 = share_ci(k1, n1)
    lo2, hi2 = share_ci(k2, n2)
    return hi2 < lo1 or hi1 < lo2


def _intervals_apart(a: tuple[float, float], b: tuple[float, float]) -> bool | None:
    """True/False when both intervals are known, None when either is missing."""
    if any(math.isnan(x) for x in (*a, *b)):
        return None
    return a[1] < b[0] or b[1] < a[0]


def _ends(rows: list[tuple[str, float, float]]) -> tuple[tuple[str, float, float], tuple[str, float, float]] | None:
    """The highest and the lowest value among (outlet, value, n); ties: larger n, then name."""
    if len(rows) < 2:
        return None
    hi = sorted(rows, key=lambda r: (-r[1], -r[2], r[0]))[0]
    lo = sorted(rows, key=lambda r: (r[1], -r[2], r[0]))[0]
    if hi[1] == lo[1] or hi[0] == lo[0]:
        return None
    return hi, lo


# ---------------------------------------------------------------- shares


def _share_contrast(
    counts: dict[str, tuple[int, int]],
    first: str,
    second: str,
    topic: str,
    name: dict[str, str],
    docs: dict[str, int],
    consistent: frozenset[str] | set[str] = frozenset(),
    consistent_first: str = "",
) -> _Candidate | None:
    """``first`` for the outlet with the higher share, ``second`` for the lower one.

    Templates take ``{name}``, ``{k}``, ``{n}`` (and ``{d}``, the articles, in
    ``consistent_first``, used for an outlet in ``consistent``).
    """
    rows = [(o, k / n, n) for o, (k, n) in counts.items() if n >= MIN_UNITS]
    ends = _ends(rows)
    if ends is None:
        return None
    (a, pa, _), (b, pb, _) = ends
    (ka, na), (kb, nb) = counts[a], counts[b]
    strong = abs(pa - pb) >= MIN_SHARE_GAP and _wilson_apart(ka, na, kb, nb)
    da, db = docs.get(a), docs.get(b)
    tail = second.format(name=name[b], k=kb, n=nb)
    if consistent_first and a in consistent and strong and da is not None and da >= 2:
        head = consistent_first.format(name=name[a], k=ka, n=na, d=da)
        text = f"{head}; {tail}" + _close(f"{db} article{'s' if db != 1 else ''}" if db else "", False)
    else:
        text = f"{first.format(name=name[a], k=ka, n=na)}; {tail}" + _close(_articles(da, db), not strong)
    strength = abs(pa - pb) * (1.0 if strong else 0.5)
    return _Candidate(Finding(text=text, topic=topic, strength=round(strength, 4)), (a, b))


def _naming(tables: Mapping[str, pd.DataFrame], name: dict[str, str], docs: dict[str, int]) -> list[_Candidate]:
    lean = tables.get("naming_lean")
    naming_packs = set(lean["pack"]) if _has(lean, "pack") else None
    terms = tables.get("terms")
    out: list[_Candidate] = []
    if _has(terms, "outlet", "side", "voice", "category"):
        t = terms[terms["voice"] == "authorial"]
        if naming_packs is not None and "pack" in t.columns:
            t = t[t["pack"].isin(naming_packs)]
        elif "pack" in t.columns:
            t = t[t["pack"] != "distancing"]
        scopes = [(t[t["category"] == "place"], "place names"), (t, "contested names")]
        done: set[str] = set()
        for scope, label in scopes:
            for side in NAMING_SIDES:
                if side in done:
                    continue
                cand = _naming_side(scope, side, label, name, docs, by_doc="doc_id" in scope.columns)
                if cand is not None:
                    out.append(cand)
                    done.add(side)
        return out
    naming = tables.get("naming")
    if _has(naming, "outlet", "side", "n_authorial"):
        if naming_packs is not None and "pack" in naming.columns:
            naming = naming[naming["pack"].isin(naming_packs)]
        rows = naming.loc[naming.index.repeat(naming["n_authorial"].astype(int)), ["outlet", "side"]]
        for side in NAMING_SIDES:
            cand = _naming_side(rows, side, "contested names", name, docs, by_doc=False)
            if cand is not None:
                out.append(cand)
    return out


def _naming_side(
    hits: pd.DataFrame, side: str, label: str, name: dict[str, str], docs: dict[str, int], *, by_doc: bool
) -> _Candidate | None:
    if hits.empty or not (hits["side"] == side).any():
        return None
    totals = hits.groupby("outlet").size()
    mine = hits[hits["side"] == side].groupby("outlet").size()
    counts = {str(o): (int(mine.get(o, 0)), int(n)) for o, n in totals.items()}
    consistent: set[str] = set()
    if by_doc:
        for o, g in hits.groupby("outlet"):
            per_doc = g.groupby("doc_id")["side"].agg(lambda s: set(s) == {side})
            if len(per_doc) >= 2 and per_doc.all() and len(per_doc) == docs.get(str(o), len(per_doc)):
                consistent.add(str(o))
    what = f"{side.capitalize()} {label}" if label == "place names" else f"the {side.capitalize()} forms of contested names"
    return _share_contrast(
        counts, f"{{name}} used {what} in {{k}} of {{n}} cases", "{name} in {k} of {n}", "naming", name, docs,
        consistent, f"{{name}} consistently used {what} ({{k}} of {{n}} cases, all {{d}} of its articles)",
    )


def _voices(tables: Mapping[str, pd.DataFrame], name: dict[str, str], docs: dict[str, int]) -> list[_Candidate]:
    v = tables.get("voices")
    out: list[_Candidate] = []
    if not _has(v, "outlet", "n_quotes"):
        return out
    if "share_anonymous" in v.columns:
        counts = {
            str(o): (int(round(s * n)), int(n))
            for o, s, n in zip(v["outlet"], v["share_anonymous"], v["n_quotes"], strict=True)
            if n > 0 and not pd.isna(s)
        }
        cand = _share_contrast(
            counts, "{name} attributed {k} of {n} quotes to anonymous sources", "{name} {k} of {n}", "voices", name, docs
        )
        if cand is not None:
            out.append(cand)
    if "cue_distancing" in v.columns:
        counts = {
            str(o): (int(k), int(n)) for o, k, n in zip(v["outlet"], v["cue_distancing"], v["n_quotes"], strict=True) if n > 0
        }
        cand = _share_contrast(
            counts, "{name} introduced {k} of {n} quotes with distancing verbs (claimed, alleged …)",
            "{name} {k} of {n}", "voices", name, docs,
        )
        if cand is not None:
            out.append(cand)
    return out


def _scare_quotes(tables: Mapping[str, pd.DataFrame], name: dict[str, str], docs: dict[str, int]) -> list[_Candidate]:
    sq, d = tables.get("scare_quotes"), tables.get("documents")
    if not _has(d, "outlet", "n_words") or sq is None or not all(c in sq.columns for c in ("outlet", "kind")):
        return []
    words = d.groupby("outlet")["n_words"].sum()
    k = sq[sq["kind"] == "scare"].groupby("outlet").size()
    rows = [(str(o), int(k.get(o, 0)) / w * 1000, w) for o, w in words.items() if w >= MIN_WORDS]
    ends = _ends(rows)
    if ends is None:
        return []
    (a, ra, wa), (b, rb, wb) = ends
    ka, kb = int(k.get(a, 0)), int(k.get(b, 0))
    strong = ra >= 2 * rb and _wilson_apart(ka, int(wa), kb, int(wb))
    text = (
        f"{name[a]} put {ka} word{'s' if ka != 1 else ''} or phrase{'s' if ka != 1 else ''} in scare quotes "
        f"({ra:.1f} per 1,000 words); {name[b]} {kb} ({rb:.1f} per 1,000 words)"
    ) + _close(_articles(docs.get(a), docs.get(b)), not strong)
    strength = min(1.0, (ra - rb) / 5.0) * (1.0 if strong else 0.5)
    return [_Candidate(Finding(text=text, topic="naming", strength=round(strength, 4)), (a, b))]


# ---------------------------------------------------------------- means


def _num(value: object) -> float:
    """A number, or NaN for None, NaN and anything that is not a number."""
    try:
        return math.nan if value is None or pd.isna(value) else float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return math.nan


def _mean_rows(t: pd.DataFrame, n_col: str, n_min: float) -> dict[str, tuple[float, float, tuple[float, float], float]]:
    out = {}
    for r in t.itertuples(index=False):
        m = r.mean
        n = getattr(r, n_col, math.nan) if n_col else 1
        if pd.isna(m) or (n_col and (pd.isna(n) or n < n_min)):
            continue
        ci = (_num(getattr(r, "ci_low", None)), _num(getattr(r, "ci_high", None)))
        out[str(r.outlet)] = (float(m), float(n), ci, _num(getattr(r, "n_docs", None)))
    return out


def _tone(tables: Mapping[str, pd.DataFrame], name: dict[str, str], docs: dict[str, int]) -> list[_Candidate]:
    t = tables.get("tone")
    if not _has(t, "outlet", "voice", "mean", "n_sentences"):
        return []
    rows = _mean_rows(t[t["voice"] == "authorial"], "n_sentences", MIN_SENTENCES)
    ends = _ends([(o, m, n) for o, (m, n, _, _) in rows.items()])
    if ends is None:
        return []
    (hi, _, _), (lo, _, _) = ends
    (ma, na, ca, _), (mb, nb, cb, _) = rows[lo], rows[hi]  # a = the more negative outlet
    apart = _intervals_apart(ca, cb)
    strong = (mb - ma) >= MIN_TONE_GAP and apart is not False
    docs_text = _articles(docs.get(lo), docs.get(hi))
    if strong:
        word = "more negative" if ma < 0 else "less positive"
        text = (
            f"{name[lo]}'s own sentences were {word} than {name[hi]}'s: mean VADER compound {ma:+.2f} "
            f"over {int(na)} sentences against {mb:+.2f} over {int(nb)}"
        ) + _close(docs_text, False)
    else:
        text = (
            f"{name[lo]}'s own sentences averaged {ma:+.2f} (VADER compound, {int(na)} sentences); "
            f"{name[hi]}'s {mb:+.2f} ({int(nb)} sentences)"
        ) + _close(docs_text, True)
    strength = min(1.0, (mb - ma) / 0.5) * (1.0 if strong else 0.5)
    return [_Candidate(Finding(text=text, topic="tone", strength=round(strength, 4)), (lo, hi))]


def _readability(tables: Mapping[str, pd.DataFrame], name: dict[str, str], docs: dict[str, int]) -> list[_Candidate]:
    t = tables.get("readability")
    if not _has(t, "outlet", "metric", "mean"):
        return []
    rows = _mean_rows(t[t["metric"] == "flesch_kincaid_grade"], "", 0)
    ends = _ends([(o, m, n) for o, (m, n, _, _) in rows.items()])
    if ends is None:
        return []
    (a, ga, _), (b, gb, _) = ends  # a = the higher grade (harder to read)
    apart = _intervals_apart(rows[a][2], rows[b][2])
    strong = (ga - gb) >= MIN_GRADE_GAP and apart is not False
    docs_text = _articles(docs.get(a), docs.get(b))
    if strong:
        text = (
            f"{name[a]}'s articles were harder to read than {name[b]}'s: Flesch-Kincaid grade {ga:.1f} against {gb:.1f}"
        ) + _close(docs_text, False)
    else:
        text = f"{name[a]}'s articles scored Flesch-Kincaid grade {ga:.1f}; {name[b]}'s {gb:.1f}" + _close(docs_text, True)
    strength = min(1.0, (ga - gb) / 10.0) * (1.0 if strong else 0.5)
    return [_Candidate(Finding(text=text, topic="readability", strength=round(strength, 4)), (a, b))]


# ---------------------------------------------------------------- public


def _caveat(outlets: set[str], name: dict[str, str], docs: dict[str, int]) -> Finding | None:
    single = sorted(o for o in outlets if docs.get(o) == 1)
    if not single:
        return None
    if all(n == 1 for n in docs.values()):
        text = (
            "Every outlet here is represented by a single article, so these contrasts describe "
            "articles, not the outlets' habits."
        )
    else:
        names = [name[o] for o in single]
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        verb = "is" if len(names) == 1 else "are each"
        text = (
            f"{listed} {verb} represented by a single article: contrasts involving "
            f"{'it' if len(names) == 1 else 'them'} describe one article, not an outlet's habit."
        )
    return Finding(text=text, topic="caveat", strength=0.0)


def find_findings(
    tables: Mapping[str, pd.DataFrame],
    *,
    aliases: Mapping[str, str] | None = None,
    max_findings: int = 8,
) -> list[Finding]:
    """The strongest contrasts between outlets, as plain sentences with their numbers.

    Args:
        tables: Analysis tables by name; used when present: ``terms`` or ``naming`` (naming
            choices), ``naming_lean`` (which packs are naming packs), ``scare_quotes`` and
            ``documents`` (scare quotes per 1,000 words, articles per outlet), ``voices``
            (anonymous sources, distancing verbs), ``tone`` (authorial tone), ``readability``
            (Flesch-Kincaid grade). Missing tables or columns are skipped.
        aliases: Outlet → name to show (blind mode: "Outlet A" …); others shown as they are.
        max_findings: Largest number of contrasts returned (the caveat, when needed, comes on top).

    Returns:
        Findings, strongest first (see the module docstring for the rules); a caveat about
        single-article outlets, when needed, comes last.
    """
    docs = _n_docs(tables)
    outlets: set[str] = set(docs)
    for t in tables.values():
        if isinstance(t, pd.DataFrame) and "outlet" in t.columns:
            outlets.update(str(o) for o in t["outlet"].dropna().unique())
    name = {o: (aliases or {}).get(o, o) for o in outlets}
    candidates: list[_Candidate] = []
    for build in (_naming, _scare_quotes, _voices, _tone, _readability):
        candidates.extend(build(tables, name, docs))
    candidates.sort(key=lambda c: (-c.finding.strength, c.finding.topic, c.finding.text))
    if max_findings < 1:
        return []
    kept = candidates[:max_findings]
    caveat = _caveat({o for c in kept for o in c.outlets}, name, docs)
    result = [c.finding for c in kept]
    if caveat is not None:
        result.append(caveat)
    return result
