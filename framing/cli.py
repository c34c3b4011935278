"""The ``framing`` command line: a thin layer over the Python API.

Each command parses its options, calls the library, formats the result, and
turns library errors into one-line messages with a non-zero exit status.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__
from .errors import Diagnostic, FramingError

F = TypeVar("F", bound=Callable[..., Any])

#: Exit statuses.
EXIT_ERROR = 1  # bad input, bad output location, --strict failure
EXIT_INTERNAL = 70  # a bug in framing
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a process killed by it

MAX_WARNINGS_SHOWN = 20


def _n(count: int, noun: str) -> str:
    """'1 document', '2 documents'."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _fail(message: str, status: int = EXIT_ERROR) -> None:
    click.echo(f"framing: error: {message}", err=True)
    sys.exit(status)


def handle_errors(func: F) -> F:
    """Turn exceptions into one-line messages; never show a traceback (unless FRAMING_DEBUG=1)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except FramingError as exc:
            _fail(str(exc))
        except KeyboardInterrupt:
            _fail("interrupted; outputs of this run were not written", EXIT_INTERRUPTED)
        except BrokenPipeError:
            # the reader went away (`framing events corpus | head`): stop quietly, like other tools
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(EXIT_BROKEN_PIPE)
        except click.exceptions.Exit:
            raise
        except click.ClickException:
            raise
        except Exception as exc:  # noqa: BLE001 - the last line of defence against tracebacks
            if os.environ.get("FRAMING_DEBUG"):
                raise
            _fail(
                f"internal error ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}); "
                "please report it with the command you ran (set FRAMING_DEBUG=1 for details)",
                EXIT_INTERNAL,
            )

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="framing", message="%(prog)s %(version)s")
def cli() -> None:
    """Compare how news outlets frame the same events.

    Give framing a folder of articles from several outlets; it writes a
    report (PDF, an offline HTML explorer, charts) and tidy tables: naming
    choices and scare quotes, quotes and their speakers, tone and
    readability, distinctive words, and per-outlet profiles.

    \b
    Examples:
      framing report seeds/ -o reports/seeds
      framing worksheet seeds/ -o reports/seeds-worksheet
      framing analyze articles.jsonl.gz -o out/ --quiet
      framing events seeds/
    """


def _parse_meta(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for item in values:
        if "=" not in item:
            raise click.BadParameter(f"{item!r}: expected FIELD=VALUE", param_hint="--meta")
        key, value = item.split("=", 1)
        out[key.strip()] = value.strip()
    return out


def _progress(quiet: bool, label: str) -> tuple[Callable[[int], Any] | None, Callable[[], None]]:
    """A tqdm bar on stderr (a terminal, not --quiet): ``update(n)`` (a ``progress_count``) and ``close``."""
    if quiet or not sys.stderr.isatty():
        return None, lambda: None
    from tqdm import tqdm

    bar = tqdm(desc=label, unit=" doc", file=sys.stderr, leave=False, dynamic_ncols=True)
    return bar.update, bar.close


def _per_document(count: Callable[[int], Any] | None) -> Callable[[Any], None] | None:
    """A ``progress(doc)`` callback counting one per document (for the in-memory analysis)."""
    return None if count is None else (lambda _doc: count(1))


def _print_diagnostics(diags: list[Diagnostic], quiet: bool) -> None:
    if quiet:
        return
    for d in diags[:MAX_WARNINGS_SHOWN]:
        click.echo(f"warning: {d}", err=True)
    if len(diags) > MAX_WARNINGS_SHOWN:
        click.echo(f"warning: ... and {len(diags) - MAX_WARNINGS_SHOWN} more (all are listed in run.json)", err=True)


def corpus_options(func: F) -> F:
    """The options every command that reads a corpus shares."""
    options = [
        click.option("--strict", is_flag=True, help="Fail on any warning (a skipped file, an unreadable date, ...)."),
        click.option("--force", is_flag=True, help="Overwrite files in the output folder that framing did not create."),
        click.option("--no-clean", is_flag=True, help="Keep page furniture (share counters, comment forms, ...)."),
        click.option("--outlet", default=None, help="Outlet for documents that do not name one."),
        click.option("--lang", "language", default=None,
                     help="Language code for documents that do not give one (e.g. en)."),
        click.option("--meta", multiple=True, metavar="FIELD=VALUE",
                     help="Default metadata for every document (repeatable)."),
        click.option("--group", "groups", multiple=True, metavar="NAME=OUTLET,OUTLET",
                     help="Put outlets in a group (repeatable); wins over the manifest's groups."),
        click.option("--max-doc-mb", type=click.FloatRange(min=0.001), default=10.0, show_default=True,
                     help="Largest single article to read, in MB; larger files are skipped with a warning."),
        click.option("--lexicon", "lexicons", multiple=True, type=click.Path(path_type=Path, exists=True),
                     help="Lexicon pack (YAML) or folder of packs; repeatable [default: the bundled packs]."),
        click.option("--fold-diacritics", is_flag=True, help="Match terms ignoring diacritics (Xankəndi = Xankendi)."),
        click.option("--actors", "actors_path", type=click.Path(path_type=Path, exists=True, dir_okay=False),
                     default=None,
                     help="Actors list (YAML) giving speakers' sides [default: the bundled lexicons/actors.yaml]."),
        click.option("-q", "--quiet", is_flag=True, help="No progress bar and no warnings; errors are still shown."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _parse_groups(values: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in values:
        name, sep, outlets = item.partition("=")
        names = [o.strip() for o in outlets.split(",") if o.strip()]
        if not sep or not name.strip() or not names:
            raise click.BadParameter(f"{item!r}: expected NAME=OUTLET,OUTLET", param_hint="--group")
        for o in names:
            out[o] = name.strip()
    return out


def _load_setup(kw: dict[str, Any]) -> tuple[Any, Any]:
    """LoadOptions and Analyzer from the shared corpus options (consumed from ``kw``)."""
    from .analysis import Analyzer
    from .corpus import LoadOptions
    from .readers import ReadLimits

    defaults = _parse_meta(kw.pop("meta"))
    outlet, language = kw.pop("outlet"), kw.pop("language")
    if outlet:
        defaults["outlet"] = outlet
    if language:
        defaults["language"] = language
    options = LoadOptions(
        limits=ReadLimits(max_document_bytes=int(kw.pop("max_doc_mb") * 1_000_000)),
        defaults=defaults,
        clean=not kw.pop("no_clean"),
        strict=kw.pop("strict"),
        groups=_parse_groups(kw.pop("groups")),
    )
    analyzer = Analyzer(lexicons=list(kw.pop("lexicons")) or None, diacritics=kw.pop("fold_diacritics"),
                        actors_path=kw.pop("actors_path"))
    return options, analyzer


def _default_outdir(corpus: Path, outdir: Path | None) -> Path:
    return outdir if outdir is not None else Path("reports") / (corpus.resolve().name.split(".")[0] or "corpus")


def _warnings_line(warnings: list[Diagnostic]) -> str:
    skipped = sum(1 for d in warnings if d.skipped)
    return f"{skipped} skipped, {_n(len(warnings), 'warning')}"


def run_options(func: F) -> F:
    """Options of the commands that write tables: cores, cache, spreadsheet safety."""
    options = [
        click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
                     help="Worker processes for the analysis (the tables are the same for any number)."),
        click.option("--cache", "cache_path", type=click.Path(path_type=Path, dir_okay=False), default=None,
                     help="Cache of the lexicon-independent work per article, so a run after a lexicon edit "
                          "is fast [default: $FRAMING_CACHE or ~/.cache/framing/documents.sqlite]."),
        click.option("--no-cache", is_flag=True, help="Neither read nor write the cache."),
        click.option("--spreadsheet-safe", is_flag=True,
                     help="Write text cells starting with = + - @ with a leading ' so spreadsheets do not run them."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _cache_setup(kw: dict[str, Any]) -> Path | None:
    """The cache file to use (consumed from ``kw``), or None."""
    from .cache import default_cache_path

    path, off = kw.pop("cache_path"), kw.pop("no_cache")
    if off:
        return None
    return path if path is not None else default_cache_path()


BY_OPTION = click.option("--by", type=click.Choice(["outlet", "group"]), default="outlet", show_default=True,
                         help="Compare single outlets, or the outlet groups of --group / the manifest.")


@cli.command()
@click.argument("corpus", type=click.Path(path_type=Path))
@click.option("-o", "--output", "outdir", type=click.Path(path_type=Path), default=None,
              help="Folder for the tables [default: reports/<corpus name>].")
@BY_OPTION
@run_options
@corpus_options
@handle_errors
def analyze(corpus: Path, outdir: Path | None, by: str, jobs: int, spreadsheet_safe: bool, **kw: Any) -> None:
    """Read a corpus and write the analysis tables.

    CORPUS is a folder of .txt, .md, .html, .json, .jsonl(.gz) or .csv files
    (optionally with a corpus.yaml or manifest.csv giving each article's
    outlet, date, title, url and event), or a single such file.

    Writes into the output folder: documents.csv, documents.jsonl (with the
    cleaned text), sentences.csv (with each sentence's voice and VADER
    scores), terms.csv, scare_quotes.csv, quotes.csv, actor_mentions.csv,
    and the per-outlet naming.csv, naming_lean.csv, voices.csv,
    voices_by_side.csv, tone.csv, actor_tone.csv and readability.csv, with
    run.json recording versions, options and hashes.

    \b
    Examples:
      framing analyze seeds/ -o reports/seeds
      framing analyze coverage.jsonl.gz -o out/coverage --strict
      framing analyze clippings/ --outlet "Example Times" --lang en
      framing analyze seeds/ --lexicon lexicons/karabakh.yaml --lexicon my-terms.yaml
      framing analyze seeds/ --actors my-actors.yaml
      framing analyze seeds/ --group pro-baku=Turan,"Azerbaijani Media Roundup" --by group
    """
    from .analysis import write_analysis

    quiet, force = kw.pop("quiet"), kw.pop("force")
    cache = _cache_setup(kw)
    options, analyzer = _load_setup(kw)
    tick, close = _progress(quiet, "analysing")
    try:
        summary = write_analysis(corpus, _default_outdir(corpus, outdir), force=force, progress_count=tick,
                                 options=options, analyzer=analyzer, by=by, jobs=jobs, cache=cache,
                                 spreadsheet_safe=spreadsheet_safe)
    finally:
        close()
    _print_diagnostics(summary.warnings, quiet)
    click.echo(
        f"framing: analysed {_n(summary.documents, 'document')} ({_n(summary.sentences, 'sentence')}) "
        f"from {_n(summary.files, 'file')}; {_warnings_line(summary.warnings)}; "
        f"tables in {summary.outdir} ({summary.seconds:.1f} s)",
        err=True,
    )


@cli.command()
@click.argument("corpus", type=click.Path(path_type=Path))
@click.option("-o", "--output", "outdir", type=click.Path(path_type=Path), default=None,
              help="Report folder [default: reports/<corpus name>].")
@click.option("--blind", is_flag=True, help='Show outlets as "Outlet A", "Outlet B", ... in the PDF, HTML and charts.')
@click.option("--title", default=None, help="Report title [default: the manifest's title or the corpus name].")
@click.option("--format", "formats", multiple=True, type=click.Choice(["pdf", "html"]),
              help="Only these report formats (repeatable) [default: pdf and html].")
@BY_OPTION
@run_options
@corpus_options
@handle_errors
def report(corpus: Path, outdir: Path | None, blind: bool, title: str | None, formats: tuple[str, ...],
           by: str, jobs: int, spreadsheet_safe: bool, **kw: Any) -> None:
    """Analyse a corpus and write the full report: PDF, HTML explorer, charts and tables.

    The report folder receives report.pdf, report.html (one self-contained
    file that works offline), figures/*.png, every table of `framing
    analyze`, the comparison tables (distinctive_words.csv, events.csv,
    profile.csv, outlet_map.csv, outlet_similarity.csv) and run.json.
    Re-running replaces only the files framing wrote before.

    \b
    Examples:
      framing report seeds/ -o reports/seeds
      framing report seeds/ -o reports/seeds-blind --blind
      framing report coverage/ --group armenian=Asbarez,Armenpress --by group
    """
    from .report import FORMATS, write_report

    quiet, force = kw.pop("quiet"), kw.pop("force")
    cache = _cache_setup(kw)
    options, analyzer = _load_setup(kw)
    tick, close = _progress(quiet, "analysing")
    try:
        summary = write_report(corpus, _default_outdir(corpus, outdir), blind=blind, force=force,
                               formats=formats or FORMATS, options=options, analyzer=analyzer, by=by,
                               title=title, progress=_per_document(tick), jobs=jobs, cache=cache,
                               spreadsheet_safe=spreadsheet_safe)
    finally:
        close()
    _print_diagnostics(summary.warnings, quiet)
    click.echo(
        f"framing: report on {_n(summary.documents, 'document')} from {_n(summary.outlets, 'outlet')} "
        f"({_n(summary.figures, 'chart')}, {_n(summary.findings, 'finding')}); "
        f"{_warnings_line(summary.warnings)}; written to {summary.outdir} ({summary.seconds:.1f} s)",
        err=True,
    )


@cli.command()
@click.argument("corpus", type=click.Path(path_type=Path))
@click.option("-o", "--output", "outdir", type=click.Path(path_type=Path), default=None,
              help="Folder for worksheet.pdf and answer-key.pdf [default: reports/<corpus name>-worksheet].")
@click.option("--seed", type=int, default=0, show_default=True, help="Vary the excerpts chosen (same seed, same sheet).")
@click.option("--title", default=None, help="Worksheet title.")
@corpus_options
@handle_errors
def worksheet(corpus: Path, outdir: Path | None, seed: int, title: str | None, **kw: Any) -> None:
    """Write a classroom worksheet (blind excerpts, exercises) and its answer key.

    worksheet.pdf shows excerpts with the outlets hidden as "Outlet A/B/C"
    and exercises with space to write; answer-key.pdf gives the expected
    answers from the analysis and names the outlets.

    \b
    Examples:
      framing worksheet seeds/ -o reports/seeds-worksheet
      framing worksheet seeds/ -o reports/seeds-worksheet-2 --seed 2
    """
    from .report import write_worksheet

    quiet, force = kw.pop("quiet"), kw.pop("force")
    options, analyzer = _load_setup(kw)
    if outdir is None:
        default = _default_outdir(corpus, None)
        outdir = default.with_name(default.name + "-worksheet")
    summary = write_worksheet(corpus, outdir, force=force, options=options, analyzer=analyzer, seed=seed,
                              title=title)
    _print_diagnostics(summary.warnings, quiet)
    click.echo(
        f"framing: worksheet on {_n(summary.documents, 'document')} from {_n(summary.outlets, 'outlet')}; "
        f"{_warnings_line(summary.warnings)}; written to {summary.outdir} ({summary.seconds:.1f} s)",
        err=True,
    )


@cli.command()
@click.argument("corpus", type=click.Path(path_type=Path))
@click.option("--window-days", type=click.IntRange(min=0), default=3, show_default=True,
              help="Articles further apart in time are never grouped as one event.")
@click.option("--threshold", type=click.FloatRange(min=0.0, max=1.0), default=0.05, show_default=True,
              help="Least TF-IDF cosine similarity (after the day decay) for two articles to be one event.")
@click.option("--day-decay", type=click.FloatRange(min=0.0, max=1.0, min_open=True), default=0.5, show_default=True,
              help="Similarity is multiplied by this for each day between two articles' dates.")
@corpus_options
@handle_errors
def events(corpus: Path, window_days: int, threshold: float, day_decay: float, **kw: Any) -> None:
    """List the groups of articles that report the same event.

    Articles are grouped by the similarity of their words (TF-IDF) and their
    dates; an `event` given in the manifest always wins. Prints one block per
    event: its articles with outlet and date, and its top terms.

    \b
    Examples:
      framing events seeds/
      framing events coverage.jsonl.gz --window-days 7
    """
    from .corpus import load_corpus
    from .events import event_summary, group_events

    quiet = kw.pop("quiet")
    kw.pop("force")
    options, _ = _load_setup(kw)
    docs = load_corpus(corpus, options=options)
    rows, texts = [], {}
    for d in docs:
        rows.append({"doc_id": d.id, "outlet": d.outlet, "date": d.date, "event": d.event, "title": d.title})
        texts[d.id] = d.text
    _print_diagnostics(list(docs.diagnostics), quiet)
    if not rows:
        _fail(f"{corpus}: no documents could be read")
    import pandas as pd

    meta = pd.DataFrame(rows)
    grouped = group_events(meta[["doc_id", "outlet", "date", "event"]], texts, window_days=window_days,
                           threshold=threshold, day_decay=day_decay)
    summary = event_summary(grouped)
    titles = dict(zip(meta["doc_id"], meta["title"], strict=True))
    for ev in summary.itertuples(index=False):
        click.echo(f"{ev.event}  ({_n(int(ev.n_docs), 'article')}; {ev.first_date or '?'} – {ev.last_date or '?'})")
        click.echo(f"  top terms: {ev.top_terms}")
        for r in grouped[grouped["event"] == ev.event].itertuples(index=False):
            click.echo(f"  - {r.date or 'no date':<16} {r.outlet}: {titles.get(r.doc_id) or r.doc_id}")
    click.echo(f"framing: {_n(len(summary), 'event')} in {_n(len(rows), 'document')}", err=True)


@cli.command()
@click.argument("corpus", type=click.Path(path_type=Path))
@click.argument("outlet_a")
@click.argument("outlet_b")
@click.option("--metric", default="tone_authorial", show_default=True,
              help="Per-article metric: tone_mean, tone_authorial, tone_quoted, quoted_share, "
                   "flesch_reading_ease, ... or lean:<side> (e.g. lean:azerbaijani).")
@click.option("--permutations", "n_perm", type=click.IntRange(min=100), default=10000, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the shuffles (same seed, same p).")
@BY_OPTION
@corpus_options
@handle_errors
def compare(corpus: Path, outlet_a: str, outlet_b: str, metric: str, n_perm: int, seed: int, by: str,
            **kw: Any) -> None:
    """Test whether two outlets (or groups) differ in a metric more than chance would explain.

    Each article gives one value; a permutation test shuffles the outlet
    labels of the articles. With fewer than two articles on a side, no test
    is made and the output says so.

    \b
    Examples:
      framing compare seeds/ Turan "Al-Ahram Weekly" --metric lean:azerbaijani
      framing compare seeds/ azerbaijani-press foreign-press --by group --metric tone_authorial
    """
    from .analysis import analyze
    from .compare import compare_metric

    quiet = kw.pop("quiet")
    kw.pop("force")
    options, analyzer = _load_setup(kw)
    from .corpus import load_corpus

    docs = load_corpus(corpus, options=options)
    analysis = analyze(docs, analyzer=analyzer, by=by)
    _print_diagnostics(analysis.diagnostics, quiet)
    result = compare_metric(analysis, metric, outlet_a, outlet_b, n_perm=n_perm, seed=seed)
    click.echo(result.sentence())


@cli.group()
def lexicon() -> None:
    """Check and list lexicon packs (the YAML files in lexicons/).

    \b
    Examples:
      framing lexicon check lexicons/
      framing lexicon show lexicons/karabakh.yaml --concept stepanakert
    """


def _pack_files(paths: tuple[Path, ...]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files.extend(sorted(q for q in p.iterdir() if q.suffix in (".yaml", ".yml")))
        else:
            files.append(p)
    return files


@lexicon.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@handle_errors
def lexicon_check(paths: tuple[Path, ...]) -> None:
    """Validate lexicon packs; print every problem as file:line: message.

    Checks the schema, unknown sides, empty concepts, a spelling claimed by
    two concepts or twice in one, unknown keys (typos), YAML anchors and
    oversized files. Exits 1 if any pack has a problem.

    \b
    Examples:
      framing lexicon check lexicons/
      framing lexicon check my-pack.yaml
    """
    from .lexicon import check_pack, load_pack

    files = _pack_files(paths)
    if not files:
        _fail(f"no .yaml files in {', '.join(map(str, paths))}")
    bad = 0
    for f in files:
        problems = check_pack(f)
        for p in problems:
            click.echo(p)
        if problems:
            bad += 1
            continue
        try:
            pack = load_pack(f)
        except FramingError:
            click.echo(f"{f}: ok (actors list)")
            continue
        sides = ", ".join(pack.sides) or "none (neutral only)"
        click.echo(f"{f}: ok ({pack.kind} pack {pack.label}: {len(pack.concepts)} concepts, {pack.n_terms} terms; sides: {sides})")
    if bad:
        click.echo(f"framing: {bad} of {len(files)} lexicon file{'s' if len(files) != 1 else ''} ha{'ve' if bad != 1 else 's'} problems", err=True)
        sys.exit(EXIT_ERROR)


@lexicon.command("show")
@click.argument("path", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--concept", "concepts", multiple=True, help="Show only this concept (repeatable).")
@handle_errors
def lexicon_show(path: Path, concepts: tuple[str, ...]) -> None:
    """List a pack: its sides, and each concept's variants with side and spellings.

    \b
    Examples:
      framing lexicon show lexicons/karabakh.yaml
      framing lexicon show lexicons/karabakh.yaml --concept stepanakert --concept shusha
    """
    from .lexicon import load_pack

    pack = load_pack(path)
    click.echo(f"{pack.title} — pack {pack.label} ({pack.kind}, {len(pack.concepts)} concepts, {pack.n_terms} terms)")
    if pack.description:
        click.echo(pack.description)
    if pack.sides:
        click.echo("sides: " + "; ".join(f"{s.id} ({s.label})" for s in pack.sides.values()))
    if pack.scope:
        click.echo("counted in documents that mention: " + ", ".join(pack.scope))
    shown = [c for c in pack.concepts if not concepts or c.id in concepts]
    unknown = set(concepts) - {c.id for c in shown}
    if unknown:
        _fail(f"{path}: no concept {sorted(unknown)[0]!r}")
    for c in shown:
        role = f", {c.role}" if c.role else ""
        click.echo(f"\n{c.id} — {c.label} [{c.category}{role}]")
        for v in c.variants:
            flags = [v.weight]
            if v.inflect:
                flags.append("inflected")
            if v.case_sensitive:
                flags.append("case-sensitive")
            click.echo(f"  {v.side:<14} {', '.join(v.terms)}  ({', '.join(flags)})")
            if v.exclude:
                click.echo(f"  {'':<14} not counted in: {', '.join(v.exclude)}")
            if v.time:
                click.echo(f"  {'':<14} time: {v.time}")


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM (a `timeout`, a job scheduler) ends the run like Ctrl-C: staged outputs are removed."""
    raise KeyboardInterrupt


def main() -> None:
    """Entry point of the ``framing`` console script.

    When the command is done the process ends without tearing the interpreter
    down: exit handlers run and output is flushed as usual, but freeing every
    module and object one by one (0.2-0.5 s after a report) is left to the
    operating system, which reclaims the whole process at once.
    """
    import signal

    signal.signal(signal.SIGTERM, _terminate)
    try:
        cli(prog_name="framing")
    except SystemExit as exc:
        _exit_now(exc.code)


def _exit_now(code: object) -> None:
    """End the process with ``code`` (SystemExit's) after the exit handlers and a flush of stdout and stderr."""
    import atexit
    import contextlib

    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:
        sys.stderr.write(f"{code}\n")
        status = 1
    atexit._run_exitfuncs()  # logging.shutdown, multiprocessing's and tempfile's clean-up, ...
    for stream in (sys.stdout, sys.stderr):
        # a reader gone since (a closed pipe): nothing more can be said
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(status)
