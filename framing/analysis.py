"""Running the analysis: per document (a pure function), over a corpus, to disk.

:func:`analyze_document` turns one :class:`~framing.model.Document` into rows
for each table and depends on nothing else, so documents can be processed in
any order, in parallel, or streamed. :func:`analyze` collects the rows into
pandas DataFrames; :func:`write_analysis` streams them to CSV/JSONL files.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .actors import load_actors
from .aggregates import Aggregates as _Aggregates
from .cleaning import prepare
from .corpus import Corpus, LoadOptions, load_corpus
from .errors import Diagnostic, InputError
from .lexicon import Pack, load_packs
from .matcher import TermMatcher
from .model import Document, Source
from .output import CsvTable, JsonlTable, OutputDir, format_rows, json_line, sha256_path
from .parallel import ChunkedRun, analyze_sources
from .quotemarks import QuoteSpan
from .quotes import find_quotes
from .readability_profile import readability_columns
from .runrecord import dependency_versions, run_record  # noqa: F401 - both part of this module's API
from .tables import AGGREGATE_COLUMNS, COLUMNS, document_record, document_row, sentence_rows
from .terms import find_terms, quote_span_rows, quote_spans, term_rows
from .tokens import count_words_split, split_words
from .tone import GroupFinder, actor_mention_rows, default_scorer, document_tone, sentence_voices
from .vader import VaderScorer
from .voices import quote_rows

if TYPE_CHECKING:
    import pandas as pd

ProgressFn = Callable[[Document], None]
#: Called with a number of documents just finished (a progress bar's ``update``).
CountFn = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """The rows one document contributes to each table."""

    doc_id: str
    rows: dict[str, list[dict[str, Any]]]
    record: dict[str, Any]
    csv: dict[str, str] = field(default_factory=dict, compare=False, repr=False)  # rows already formatted


@dataclass(frozen=True, slots=True)
class DocumentBase:
    """The lexicon-independent part of one document's analysis.

    It depends on the document, the code and the actors list only, so a run
    after a lexicon edit can take it from the cache (:mod:`framing.cache`).
    ``row_head`` and ``row_tail`` are the ``documents`` row before and after ``n_terms``.
    """

    spans: list[QuoteSpan]
    quotes: list[dict[str, Any]]
    sentences: list[dict[str, Any]]
    actor_mentions: list[dict[str, Any]]
    row_head: dict[str, Any]
    row_tail: dict[str, Any]
    csv: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    #: ``tokens.split_words(doc.text)``, handed on to :meth:`Analyzer.finish` (never cached).
    words: list[str] | None = field(default=None, compare=False, repr=False)


#: Per-document tables that do not depend on the lexicon packs: their CSV lines can be
#: formatted once (in a worker, or kept in the cache) instead of at every write.
FORMATTED_TABLES = ("sentences", "quotes", "actor_mentions")


class Analyzer:
    """The per-document analysis, with its lexicons compiled once.

    Args:
        packs: Lexicon packs to match (default: the bundled naming and distancing packs).
        lexicons: Paths of packs or folders of packs, instead of ``packs``.
        diacritics: Match terms ignoring diacritics (Xankəndi = Xankendi).
        actors_path: Actors list for speaker sides (default: the bundled ``actors.yaml``).
    """

    def __init__(
        self,
        packs: list[Pack] | None = None,
        *,
        lexicons: list[str | os.PathLike[str]] | None = None,
        diacritics: bool = False,
        actors_path: str | os.PathLike[str] | None = None,
    ) -> None:
        self.packs = packs if packs is not None else load_packs(lexicons)
        self.diacritics = diacritics
        self.matcher = TermMatcher(self.packs, diacritics=diacritics)
        self.pack_kinds = {p.name: p.kind for p in self.packs}
        self.actors = load_actors(actors_path)
        self.groups = GroupFinder.from_actors(self.actors)
        self.score = default_scorer()
        self._warm = False

    def analyze_document(self, doc: Document) -> DocumentResult:
        """Analyse one document; a pure function of it (and of the lexicons)."""
        return self.finish(doc, self.base(doc))

    def base(self, doc: Document, *, formatted: bool = False) -> DocumentBase:
        """The part of the analysis that does not depend on the lexicon packs (what the cache keeps).

        With ``formatted=True`` it also holds the CSV lines of the :data:`FORMATTED_TABLES`.
        """
        # one split of the text into words serves the word count, the actor-group look-up
        # and (in finish) the term matching
        words = split_words(doc.text)
        spans = quote_spans(doc)
        found = find_quotes(doc, actors=self.actors, spans=spans, words=words)
        quotes = quote_rows(doc, found)
        # the sentence rows carry the tone columns, so they stand for the tone rows below
        sentences = sentence_rows(doc, voices=sentence_voices(doc, spans, found), scorer=self._scorer_for(doc.text))
        tone = sentences
        n_words = count_words_split(words)
        head = document_row(doc, n_words=n_words)
        tail: dict[str, Any] = {
            "n_scare_quotes": sum(1 for s in spans if s.kind == "scare"),
            "n_quotes": len(quotes),
            "quoted_share": sum(q["n_words"] for q in quotes) / n_words if n_words else float("nan"),
        }
        tail.update(document_tone(tone))
        tail.update(readability_columns(doc.text))
        mentions = actor_mention_rows(doc, tone, self.groups, words=words)
        text = _format_tables({"sentences": sentences, "quotes": quotes, "actor_mentions": mentions}) if formatted else {}
        return DocumentBase(
            spans=spans, quotes=quotes, sentences=sentences,
            actor_mentions=mentions, row_head=head, row_tail=tail, csv=text, words=words,
        )

    def finish(self, doc: Document, base: DocumentBase, *, formatted: bool = False) -> DocumentResult:
        """Complete a document's analysis with the lexicon-dependent work (terms, scare quotes).

        With ``formatted=True`` the result carries the CSV lines of the :data:`FORMATTED_TABLES`
        (taken from ``base`` when it has them).
        """
        records = find_terms(doc, self.matcher, base.spans, words=base.words)
        row = dict(base.row_head)
        row["n_terms"] = sum(1 for r in records if r.hit.role == "" and r.voice == "authorial")
        row.update(base.row_tail)
        rows = {
            "documents": [row],
            "sentences": base.sentences,
            "terms": term_rows(doc, records),
            "scare_quotes": quote_span_rows(doc, base.spans, records),
            "quotes": base.quotes,
            "actor_mentions": base.actor_mentions,
        }
        record = document_record(doc, row)
        text: dict[str, str] = {}
        if formatted:
            # every line this document adds to the files, formatted where the work is (a worker)
            text = dict(base.csv) or _format_tables(rows)
            text.update({name: format_rows(rows[name], COLUMNS[name]) for name in rows if name not in text})
            text["documents.jsonl"] = json_line(record)
        return DocumentResult(doc_id=doc.id, rows=rows, record=record, csv=text)

    def _scorer_for(self, text: str) -> Callable[[str], Any]:
        """The sentence scorer for the sentences of ``text`` (framing's VADER: one emoji test per text)."""
        owner = getattr(self.score, "__self__", None)
        return owner.scorer_for(text) if isinstance(owner, VaderScorer) else self.score

    def warm_up(self) -> None:
        """Load what the analysis loads lazily (sentiment lexicon, syllable dictionaries) now.

        Called before worker processes are forked, so they share it instead of each loading it.
        """
        if not self._warm:
            self.analyze_document(analyze_text_document(_WARM_UP_TEXT))
            self._warm = True

    def lexicon_record(self) -> list[dict[str, Any]]:
        """The packs (and the actors list) used, for run.json."""
        out = []
        if self.actors.path:
            ap = Path(self.actors.path)
            out.append({"pack": "actors", "version": self.actors.version, "kind": "actors",
                        "actors": len(self.actors.actors), "file": ap.name, "sha256": sha256_path(ap)})
        for p in self.packs:
            out.append(
                {"pack": p.name, "version": p.version, "kind": p.kind, "concepts": len(p.concepts),
                 "terms": p.n_terms, "file": Path(p.path).name, "sha256": sha256_path(Path(p.path))}
            )
        return out


# About 120 words: long enough for every readability score, with a quote and an actor group.
_WARM_UP_TEXT = (
    "Officials in Baku said on Monday that talks would resume. \"We are ready to talk,\" the minister said. "
    "Residents of Stepanakert described a difficult winter, with little fuel and long queues for bread. " * 5
)

_DEFAULT: Analyzer | None = None


def default_analyzer() -> Analyzer:
    """The analyzer with the bundled lexicons (built once)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Analyzer()
    return _DEFAULT


def analyze_document(doc: Document, analyzer: Analyzer | None = None) -> DocumentResult:
    """Analyse one document; a pure function of it.

    Returns:
        Its rows for every table in :data:`framing.tables.COLUMNS` and its
        full ``documents.jsonl`` record.
    """
    return (analyzer or default_analyzer()).analyze_document(doc)


@dataclass
class Analysis:
    """The tables of an analysis, as pandas DataFrames.

    Attributes:
        tables: Table name → DataFrame (``documents``, ``sentences``).
        documents_list: The analysed documents, in order.
        diagnostics: Problems with inputs that were skipped or repaired.
        run: The run record (version, options, inputs) as written to run.json.
    """

    tables: dict[str, pd.DataFrame]
    documents_list: list[Document] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    run: dict[str, Any] = field(default_factory=dict)
    analyzer: Analyzer | None = None
    results: list[DocumentResult] = field(default_factory=list, repr=False)
    by: str = "outlet"

    @property
    def documents(self) -> pd.DataFrame:
        """One row per document: metadata, counts, wire source, cleaning notes."""
        return self.tables["documents"]

    @property
    def sentences(self) -> pd.DataFrame:
        """One row per sentence with offsets into the document's cleaned text."""
        return self.tables["sentences"]

    @property
    def terms(self) -> pd.DataFrame:
        """One row per lexicon hit, with voice and distancing marker."""
        return self.tables["terms"]

    @property
    def scare_quotes(self) -> pd.DataFrame:
        """One row per quoted span, with its kind (speech, scare, title, mention)."""
        return self.tables["scare_quotes"]

    @property
    def quotes(self) -> pd.DataFrame:
        """One row per quote: kind, span, speaker mention and entity, side, cue and its class."""
        return self.tables["quotes"]

    @property
    def voices(self) -> pd.DataFrame:
        """Per outlet: quotes by kind, quoted share of words, named/anonymous/unattributed shares, cue classes."""
        return self.tables["voices"]

    @property
    def naming(self) -> pd.DataFrame:
        """Per outlet, pack, concept and side: hits by voice and the authorial share."""
        return self.tables["naming"]

    @property
    def naming_lean(self) -> pd.DataFrame:
        """Per outlet and pack: the mean share of each side over the concepts it names."""
        return self.tables["naming_lean"]

    @property
    def tone(self) -> pd.DataFrame:
        """Per outlet and voice (all, authorial, quoted): mean sentence compound with n and interval."""
        return self.tables["tone"]

    @property
    def actor_tone(self) -> pd.DataFrame:
        """Per outlet, actor group and voice: mean compound of the sentences naming the group."""
        return self.tables["actor_tone"]

    @property
    def readability(self) -> pd.DataFrame:
        """Per outlet and readability metric: mean over articles with n and interval."""
        return self.tables["readability"]

    def write(self, outdir: str | os.PathLike[str], *, force: bool = False,
              spreadsheet_safe: bool = False) -> dict[str, dict[str, Any]]:
        """Write the tables to ``outdir`` (same files as ``framing analyze``)."""
        with OutputDir(outdir, force=force) as out:
            out.check_writable(output_names())
            return out.commit(self.write_into(out, spreadsheet_safe=spreadsheet_safe))

    def write_into(self, out: OutputDir, *, spreadsheet_safe: bool = False) -> dict[str, Any]:
        """Stage the tables in an open :class:`OutputDir`; returns the run record to commit.

        ``spreadsheet_safe`` neutralises text cells a spreadsheet would run as formulas.
        """
        analyzer = self.analyzer or default_analyzer()
        writers = _open_tables(out, spreadsheet_safe)
        agg = _Aggregates(analyzer, self.by)
        # the per-document results are kept from the analysis; nothing is computed twice
        results = self.results or [analyzer.analyze_document(d) for d in self.documents_list]
        for doc, result in zip(self.documents_list, results, strict=True):
            _write_result(writers, result)
            agg.add(doc, result)
        _write_aggregates(out, agg, spreadsheet_safe)
        run = dict(self.run)
        run["options"] = {**run.get("options", {}), "spreadsheet_safe": spreadsheet_safe}
        return _finish_run(run, writers)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{k}={len(v)}" for k, v in self.tables.items())
        return f"Analysis({sizes}, diagnostics={len(self.diagnostics)})"


def analyze(
    corpus: Corpus | str | os.PathLike[str],
    *,
    progress: ProgressFn | None = None,
    analyzer: Analyzer | None = None,
    by: str = "outlet",
    jobs: int = 1,
    cache: str | os.PathLike[str] | None = None,
    **load_options: Any,
) -> Analysis:
    """Analyse a corpus in memory and return its tables as DataFrames.

    Args:
        corpus: A :class:`Corpus` or a path for :func:`load_corpus`.
        progress: Called after each document (for progress bars).
        by: ``"outlet"`` or ``"group"``: the unit of the per-outlet tables
            (``group`` compares outlet groups; documents without one keep their outlet).
        jobs: Worker processes for the per-document analysis (the tables do not depend on it).
        cache: A cache file (:mod:`framing.cache`) for the lexicon-independent work, or None.
        **load_options: Passed to :func:`load_corpus` when ``corpus`` is a path.

    Example:
        >>> result = analyze("seeds")                        # doctest: +SKIP
        >>> result.documents[["outlet", "n_words"]]          # doctest: +SKIP
    """
    if not isinstance(corpus, Corpus):
        corpus = load_corpus(corpus, **load_options)
    analyzer = analyzer or default_analyzer()
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in COLUMNS}
    docs: list[Document] = []
    results: list[DocumentResult] = []
    agg = _Aggregates(analyzer, by)
    with closing(analyze_sources(corpus, analyzer, jobs=jobs, cache=cache)) as stream:
        for doc, result in stream:
            for name, table_rows in result.rows.items():
                rows[name].extend(table_rows)
            agg.add(doc, result)
            docs.append(doc)
            results.append(result)
            if progress:
                progress(doc)
    if not docs:
        raise InputError(_no_documents_message(corpus))
    rows.update(agg.rows())
    run = run_record(corpus, command="analyze", lexicons=analyzer.lexicon_record())
    run["options"]["by"] = by
    return Analysis(_frames(rows), docs, list(corpus.diagnostics), run, analyzer, results, by)


def _frames(rows: dict[str, list[dict[str, Any]]]) -> dict[str, pd.DataFrame]:
    import pandas as pd

    columns = {**COLUMNS, **AGGREGATE_COLUMNS}
    return {name: pd.DataFrame(rows.get(name, []), columns=cols) for name, cols in columns.items()}


def analyze_text(
    text: str,
    *,
    outlet: str = "unknown",
    title: str = "",
    date: str = "",
    url: str = "",
    event: str = "",
    language: str = "",
    doc_id: str = "text",
    clean: bool = False,
    analyzer: Analyzer | None = None,
) -> Analysis:
    """Analyse one text given as a string.

    Offsets in the result refer to ``text`` exactly as given: it is not
    normalised or cleaned unless ``clean=True``, in which case they refer to
    the cleaned text in ``result.documents_list[0].text``.

    Example:
        >>> r = analyze_text("Stepanakert was shelled. Residents fled.", outlet="Example")
        >>> r.sentences[["start", "end"]].values.tolist()
        [[0, 24], [25, 40]]
    """
    if not isinstance(text, str):
        raise InputError(f"analyze_text expects a str, got {type(text).__name__}")
    meta = {"outlet": outlet, "title": title, "date": date, "url": url, "event": event, "language": language}
    from .cleaning import check_meta

    meta, problems = check_meta({k: v for k, v in meta.items() if v})
    if problems:
        raise InputError(f"analyze_text: {problems[0]}")
    doc, diags = prepare(Source(id=doc_id, text=text, meta=meta, source="<text>", clean=clean))
    analyzer = analyzer or default_analyzer()
    result = analyzer.analyze_document(doc)
    agg = _Aggregates(analyzer)
    agg.add(doc, result)
    rows = {**result.rows, **agg.rows()}
    run = {"generator": "framing", "framing_version": __version__}
    return Analysis(_frames(rows), [doc], diags, run, analyzer, [result])


def analyze_text_document(text: str, *, doc_id: str = "text", outlet: str = "unknown") -> Document:
    """Prepare a raw string as a :class:`Document` without cleaning (offsets into ``text``)."""
    doc, _ = prepare(Source(id=doc_id, text=text, meta={"outlet": outlet}, source="<text>", clean=False))
    return doc


@dataclass(frozen=True, slots=True)
class RunSummary:
    """What a run to disk did, for the closing summary line."""

    documents: int
    sentences: int
    files: int
    skipped: int
    warnings: list[Diagnostic]
    outputs: dict[str, dict[str, Any]]
    seconds: float
    outdir: Path


def write_analysis(
    corpus: Corpus | str | os.PathLike[str],
    outdir: str | os.PathLike[str],
    *,
    force: bool = False,
    progress: ProgressFn | None = None,
    options: LoadOptions | None = None,
    analyzer: Analyzer | None = None,
    by: str = "outlet",
    jobs: int = 1,
    cache: str | os.PathLike[str] | None = None,
    spreadsheet_safe: bool = False,
    progress_count: CountFn | None = None,
) -> RunSummary:
    """Analyse a corpus and stream the tables into ``outdir``.

    Documents are read, analysed and written a few at a time (chunks of
    :data:`framing.parallel.CHUNK`), so memory does not grow with the corpus; the
    corpus tables are merged from per-chunk partial aggregates (:mod:`framing.aggregates`).
    With ``jobs > 1`` the workers analyse, format and aggregate, and this process
    only appends their lines and merges. Tables appear in ``outdir`` only when the
    run has finished; an interrupted run leaves the folder as it was.

    Args:
        progress: Called with each document once it is written, in corpus order (the workers
            then send every document back to this process; ``progress_count`` costs less).
        jobs: Worker processes for the per-document analysis; the files are the same for any value.
        cache: A cache file (:mod:`framing.cache`) keeping the lexicon-independent work per
            document, so that a run after a lexicon edit redoes only the term matching; None: no cache.
        spreadsheet_safe: Prefix ``'`` to text cells that begin with ``= + - @`` (or a tab or
            carriage return), so a spreadsheet shows them instead of running them as formulas.
        progress_count: Called with the number of documents just written (a chunk at a time),
            for a progress bar that only counts.

    Raises:
        InputError: No document could be read, or (strict mode) any problem.
        OutputError: ``outdir`` cannot be written safely.
    """
    t0 = time.perf_counter()
    if not isinstance(corpus, Corpus):
        corpus = load_corpus(corpus, options=options)
    analyzer = analyzer or default_analyzer()
    with OutputDir(outdir, force=force) as out:
        out.check_writable(output_names())
        writers = _open_tables(out, spreadsheet_safe)
        # the workers analyse, format every line and aggregate their chunks; here the lines are
        # appended and the chunks' aggregates merged (see framing.parallel.ChunkedRun)
        with ChunkedRun(corpus, analyzer, jobs=jobs, cache=cache, by=by, spreadsheet_safe=spreadsheet_safe,
                        documents=progress is not None) as run:
            for part in run.chunks():
                for name, text in part.texts.items():
                    writers[name].write_text(text, part.rows[name])
                if progress:
                    for doc in part.documents or ():
                        progress(doc)
                if progress_count:
                    progress_count(part.n_documents)
            n_docs = writers["documents.csv"].rows
            if n_docs == 0:
                raise InputError(_no_documents_message(corpus))
            # the run record is made while other processes compute the aggregate tables
            run.start_aggregates()
            record = run_record(corpus, command="analyze", options={"by": by, "spreadsheet_safe": spreadsheet_safe},
                                lexicons=analyzer.lexicon_record())
            _write_aggregate_rows(out, run.aggregate_rows(), spreadsheet_safe)
        outputs = out.commit(_finish_run(record, writers))
    diags = list(corpus.diagnostics)
    return RunSummary(
        documents=n_docs,
        sentences=writers["sentences.csv"].rows,
        files=len(corpus.files),
        skipped=sum(1 for d in diags if d.skipped),
        warnings=diags,
        outputs=outputs,
        seconds=time.perf_counter() - t0,
        outdir=Path(outdir),
    )


def output_names() -> list[str]:
    """The files an analysis writes."""
    return ["documents.jsonl", "run.json", *(f"{n}.csv" for n in COLUMNS), *(f"{n}.csv" for n in AGGREGATE_COLUMNS)]


def _open_tables(out: OutputDir, spreadsheet_safe: bool = False) -> dict[str, Any]:
    writers: dict[str, Any] = {
        f"{name}.csv": CsvTable(out, f"{name}.csv", cols, spreadsheet_safe=spreadsheet_safe)
        for name, cols in COLUMNS.items()
    }
    writers["documents.jsonl"] = JsonlTable(out, "documents.jsonl")
    return writers


def _format_tables(rows: dict[str, list[dict[str, Any]]]) -> dict[str, str]:
    return {name: format_rows(rows[name], COLUMNS[name]) for name in FORMATTED_TABLES}


def _write_result(writers: dict[str, Any], result: DocumentResult) -> None:
    # lines formatted earlier (in a worker or the cache) are written as they are
    writers["documents.jsonl"].write(result.record, result.csv.get("documents.jsonl"))
    for name, rows in result.rows.items():
        writers[f"{name}.csv"].write_rows(rows, result.csv.get(name))


def _write_aggregates(out: OutputDir, agg: _Aggregates, spreadsheet_safe: bool = False) -> None:
    _write_aggregate_rows(out, agg.rows(), spreadsheet_safe)


def _write_aggregate_rows(out: OutputDir, tables: dict[str, list[dict[str, Any]]], spreadsheet_safe: bool = False) -> None:
    for name, rows in tables.items():
        table = CsvTable(out, f"{name}.csv", AGGREGATE_COLUMNS[name], spreadsheet_safe=spreadsheet_safe)
        for row in rows:
            table.write(row)


def _finish_run(run: dict[str, Any], writers: dict[str, Any]) -> dict[str, Any]:
    record = dict(run)
    record["counts"] = {name: w.rows for name, w in writers.items()}
    return record


def _no_documents_message(corpus: Corpus) -> str:
    first = next((d for d in corpus.diagnostics if d.skipped), None)
    why = f": {first}" if first else ""
    return f"{corpus.path}: no documents could be read{why}"
