"""The main job: analyse a corpus and write a complete report folder.

``reports/NAME/`` receives ``report.pdf``, ``report.html``, ``figures/*.png``,
every analysis table, the comparison tables (distinctive words, events,
framing profile, outlet map and similarity) and ``run.json``. All files are
staged and moved into place only when everything has been written, and a
re-run replaces only the files an earlier framing run created.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .analysis import Analysis, Analyzer, analyze, output_names
from .corpus import Corpus, LoadOptions, load_corpus
from .errors import Diagnostic
from .output import CsvTable, OutputDir
from .reportdata import Finding, ReportData

if TYPE_CHECKING:
    import pandas as pd

    from .charts.figures import LocalFigures
    from .charts.workers import ChartWorkers, PendingFigures
    from .lexicon import Pack

#: Comparison tables written beside the analysis tables.
COMPARISON_TABLES = ("distinctive_words", "events", "profile", "outlet_map", "outlet_similarity")
FORMATS = ("pdf", "html")


@dataclass(frozen=True, slots=True)
class ReportSummary:
    """What a report run wrote."""

    documents: int
    outlets: int
    figures: int
    findings: int
    warnings: list[Diagnostic]
    outputs: dict[str, dict[str, Any]]
    seconds: float
    outdir: Path
    notes: list[str] = field(default_factory=list)


def comparison_tables(analysis: Analysis) -> dict[str, pd.DataFrame]:
    """Distinctive words, same-event groups, framing profile, outlet map and similarity."""
    return profile_tables(analysis, event_tables(analysis))


def event_tables(analysis: Analysis) -> dict[str, pd.DataFrame]:
    """The comparison tables the charts and findings read: distinctive words and same-event groups."""
    from .distinctive import distinctive_words, names_of_places
    from .events import group_events

    docs = analysis.documents_list
    texts = {d.id: d.text for d in docs}
    unit = {d.id: (d.group or d.outlet) if analysis.by == "group" else d.outlet for d in docs}
    out: dict[str, pd.DataFrame] = {}
    if len(set(unit.values())) >= 2:
        bundled = bundled_packs_of(analysis)
        # the bundled packs' place names, from the packs the analysis has already read
        names = None if bundled is None else names_of_places(bundled)
        out["distinctive_words"] = distinctive_words(texts, unit, keep_intact=names)
    meta = analysis.documents[["doc_id", "outlet", "date", "event"]]
    out["events"] = group_events(meta, texts)
    return out


def bundled_packs_of(analysis: Analysis) -> list[Pack] | None:
    """The analysis' lexicon packs if they are the bundled ones (read from the same files), else None.

    Parts of the report that always use the bundled packs (place names kept
    whole in the distinctive words, the charts' concept labels) take them from
    here instead of reading and parsing the files again.
    """
    from .lexicon import bundled_packs

    packs = list(getattr(getattr(analysis, "analyzer", None), "packs", None) or [])
    if not packs or [p.path for p in packs] != [str(f) for f in bundled_packs()]:
        return None
    return packs


def profile_tables(analysis: Analysis, extra: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """``extra`` (from :func:`event_tables`) with the framing profile, outlet map and similarity added.

    Nothing in the charts or findings reads these three, so the report computes
    them while the charts are drawn.
    """
    from .profile import framing_profile, outlet_map, outlet_similarity

    out = dict(extra)
    profile = framing_profile({**analysis.tables, **extra})
    out["profile"] = profile
    if len(profile) >= 3:
        out["outlet_map"] = outlet_map(profile)
    if len(profile) >= 2:
        out["outlet_similarity"] = outlet_similarity(profile)
    return out


def build_report_data(
    analysis: Analysis,
    *,
    figdir: Path,
    blind: bool = False,
    title: str | None = None,
    extra: dict[str, pd.DataFrame] | None = None,
    jobs: int = 1,
) -> ReportData:
    """Figures (rendered into ``figdir/figures``) and findings for an analysis."""
    data, pending = start_report_data(analysis, figdir=figdir, blind=blind, title=title, extra=extra, jobs=jobs)
    with pending:
        data.figures = pending.result()
    return data


def start_report_data(
    analysis: Analysis,
    *,
    figdir: Path,
    blind: bool = False,
    title: str | None = None,
    extra: dict[str, pd.DataFrame] | None = None,
    jobs: int = 1,
    workers: ChartWorkers | None = None,
) -> tuple[ReportData, PendingFigures | LocalFigures]:
    """:func:`build_report_data` with the charts still being drawn.

    The findings are filled in; ``data.figures`` is set by the caller from the
    returned :class:`~framing.charts.workers.PendingFigures` (a context
    manager: leaving it stops the chart workers). Running ``workers`` started
    earlier by the caller draw the charts (see :class:`~framing.charts.workers.ChartWorkers`).
    """
    from .findings import find_findings

    extra = comparison_tables(analysis) if extra is None else extra
    data = ReportData(
        analysis,
        title=title or _corpus_title(analysis),
        blind=blind,
        lexicons=list(analysis.run.get("lexicons", [])),
        outdir=figdir,
        extra=extra,
    )
    tables = data.tables()
    (figdir / "figures").mkdir(parents=True, exist_ok=True)
    if workers is not None and workers.active:
        # matplotlib is imported by the workers only; they get the concept labels from the packs read already
        bundled = bundled_packs_of(analysis)
        labels = None if bundled is None else {c.id: c.label for p in bundled for c in p.concepts if c.label}
        pending: PendingFigures | LocalFigures = workers.start(tables, figdir / "figures", aliases=data.aliases,
                                                               concept_labels=labels)
    else:
        from .charts.figures import start_figures

        pending = start_figures(tables, figdir / "figures", aliases=data.aliases, jobs=jobs)
    try:
        data.findings = [*data_notes(analysis), *find_findings(tables, aliases=data.aliases)]
    except BaseException:
        pending.close()
        raise
    return data, pending


def data_notes(analysis: Analysis) -> list[Finding]:
    """What is missing from the material, said first so nobody reads an empty chart as a result."""
    docs = analysis.documents
    notes = []
    empty = docs[docs["n_words"] == 0]
    if len(empty):
        notes.append(f"{_count(len(empty), 'article')} of {len(docs)} had no text left after cleaning "
                     f"({', '.join(empty['source'].astype(str).head(3))}{' …' if len(empty) > 3 else ''}); "
                     "check the files, or run with --no-clean if real text was removed.")
    if docs["outlet"].nunique() < 2:
        notes.append("All articles come from one outlet, so nothing here compares outlets; "
                     "add articles from other outlets to compare their framing.")
    if not len(analysis.terms):
        notes.append("No lexicon term (place names, actor and event labels, distancing words) was found "
                     "in these articles, so there are no naming choices to compare.")
    if not len(analysis.quotes):
        notes.append("No quote or reported speech was found, so there is nothing to say about who is quoted.")
    unknown = int((docs["outlet"] == "unknown").sum())
    if unknown:
        notes.append(f"{_count(unknown, 'article')} did not say which outlet published {'it' if unknown == 1 else 'them'}"
                     f" and {'appears' if unknown == 1 else 'appear'} as 'unknown'; give the outlet in a manifest "
                     "or with --outlet.")
    return [Finding(text, topic="data", strength=float("inf")) for text in notes]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _corpus_title(analysis: Analysis) -> str:
    corpus = analysis.run.get("corpus", {})
    title = corpus.get("title") or ""
    if title:
        return str(title)
    path = corpus.get("path") or ""
    return f"framing report: {Path(path).name}" if path else "framing report"


def write_report(
    corpus: Corpus | str | os.PathLike[str],
    outdir: str | os.PathLike[str],
    *,
    blind: bool = False,
    force: bool = False,
    formats: tuple[str, ...] = FORMATS,
    options: LoadOptions | None = None,
    analyzer: Analyzer | None = None,
    by: str = "outlet",
    title: str | None = None,
    progress: Callable[[Any], None] | None = None,
    jobs: int = 1,
    cache: str | os.PathLike[str] | None = None,
    spreadsheet_safe: bool = False,
) -> ReportSummary:
    """Analyse ``corpus`` and write the report folder ``outdir``.

    Raises:
        InputError: No document could be read (or strict mode and a problem).
        OutputError: ``outdir`` cannot be written safely.
    """
    from .charts.workers import ChartWorkers

    t0 = time.perf_counter()
    # charts are drawn on every core whatever ``jobs`` says: their files do not depend on it
    chart_jobs = max(jobs, min(4, os.cpu_count() or 1))
    # A one-process analysis leaves the other cores idle: the chart workers are started now, so that
    # they import matplotlib and load their fonts meanwhile (a parallel analysis forks its own workers
    # first, and the chart workers follow it).
    workers = ChartWorkers(chart_jobs) if jobs <= 1 else None
    try:
        if not isinstance(corpus, Corpus):
            corpus = load_corpus(corpus, options=options)
        analysis = analyze(corpus, analyzer=analyzer, by=by, progress=progress, jobs=jobs, cache=cache)
        if workers is None:
            workers = ChartWorkers(chart_jobs)
        analysis.run["command"] = "report"
        analysis.run["options"]["blind"] = blind
        extra = event_tables(analysis)
        return _write_report(analysis, corpus, outdir, workers=workers, extra=extra, t0=t0, blind=blind,
                             force=force, formats=formats, title=title, jobs=chart_jobs,
                             spreadsheet_safe=spreadsheet_safe)
    finally:
        if workers is not None:
            workers.close()


def _write_report(
    analysis: Analysis, corpus: Corpus, outdir: str | os.PathLike[str], *, workers: ChartWorkers,
    extra: dict[str, pd.DataFrame], t0: float, blind: bool, force: bool, formats: tuple[str, ...],
    title: str | None, jobs: int, spreadsheet_safe: bool,
) -> ReportSummary:
    with tempfile.TemporaryDirectory(prefix="framing-report-") as tmp, OutputDir(outdir, force=force) as out:
        data, pending = start_report_data(analysis, figdir=Path(tmp), blind=blind, title=title, extra=extra,
                                          jobs=jobs, workers=workers)
        with pending:
            # while the charts are drawn: the comparisons they do not need, the tables, and the PDF's fonts
            extra = profile_tables(analysis, extra)
            data.extra = extra
            extra = {name: table for name, table in extra.items() if len(table.columns)}
            out.check_writable([*output_names(), *(f"{n}.csv" for n in extra), *(f"report.{f}" for f in formats)])
            record = analysis.write_into(out, spreadsheet_safe=spreadsheet_safe)
            for name, table in extra.items():
                _write_frame(out, f"{name}.csv", table, spreadsheet_safe)
            pdf = None
            if "pdf" in formats:
                from .report_pdf import new_pdf

                pdf = new_pdf(data)
            data.figures = pending.result()
        out.check_writable([f.path for f in data.figures])
        for fig in data.figures:
            out.write_bytes(fig.path, (Path(tmp) / fig.path).read_bytes())
        if "html" in formats:
            from .report_html import render_html

            out.write_bytes("report.html", render_html(data).encode("utf-8"))
        if pdf is not None:
            from .report_pdf import render_pdf

            out.write_bytes("report.pdf", render_pdf(data, pdf=pdf))
        outputs = out.commit(record)
    return ReportSummary(
        documents=len(analysis.documents_list),
        outlets=len(data.aliases),
        figures=len(data.figures),
        findings=len(data.findings),
        warnings=list(corpus.diagnostics),
        outputs=outputs,
        seconds=time.perf_counter() - t0,
        outdir=Path(outdir),
    )


def write_worksheet(
    corpus: Corpus | str | os.PathLike[str],
    outdir: str | os.PathLike[str],
    *,
    force: bool = False,
    options: LoadOptions | None = None,
    analyzer: Analyzer | None = None,
    seed: int = 0,
    title: str | None = None,
) -> ReportSummary:
    """Write ``worksheet.pdf`` (blind excerpts and exercises) and ``answer-key.pdf`` to ``outdir``."""
    from .worksheet import render_worksheet

    t0 = time.perf_counter()
    if not isinstance(corpus, Corpus):
        corpus = load_corpus(corpus, options=options)
    analysis = analyze(corpus, analyzer=analyzer)
    analysis.run["command"] = "worksheet"
    analysis.run["options"]["seed"] = seed
    data = ReportData(analysis, title=title or _corpus_title(analysis), blind=True,
                      lexicons=list(analysis.run.get("lexicons", [])))
    student, key = render_worksheet(data, seed=seed)
    with OutputDir(outdir, force=force) as out:
        out.check_writable(["worksheet.pdf", "answer-key.pdf", "run.json"])
        out.write_bytes("worksheet.pdf", student)
        out.write_bytes("answer-key.pdf", key)
        outputs = out.commit(dict(analysis.run))
    return ReportSummary(
        documents=len(analysis.documents_list), outlets=len(data.aliases), figures=0, findings=0,
        warnings=list(corpus.diagnostics), outputs=outputs, seconds=time.perf_counter() - t0,
        outdir=Path(outdir),
    )


def _write_frame(out: OutputDir, name: str, frame: pd.DataFrame, spreadsheet_safe: bool = False) -> None:
    table = CsvTable(out, name, [str(c) for c in frame.columns], spreadsheet_safe=spreadsheet_safe)
    for row in frame.to_dict("records"):
        table.write(row)
