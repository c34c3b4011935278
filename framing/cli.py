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

MAX_WARNINGS_SHOWN = 20


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

    Give framing a folder of articles from several outlets; it writes tidy
    tables (and, with `framing report`, charts and a PDF/HTML report).

    \b
    Examples:
      framing analyze seeds/ -o reports/seeds
      framing analyze articles.jsonl.gz -o out/ --quiet
    """


def _parse_meta(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for item in values:
        if "=" not in item:
            raise click.BadParameter(f"{item!r}: expected FIELD=VALUE", param_hint="--meta")
        key, value = item.split("=", 1)
        out[key.strip()] = value.strip()
    return out


def _progress(quiet: bool, label: str) -> tuple[Callable[[Any], None] | None, Callable[[], None]]:
    """A tqdm bar on stderr when it is a terminal and not --quiet."""
    if quiet or not sys.stderr.isatty():
        return None, lambda: None
    from tqdm import tqdm

    bar = tqdm(desc=label, unit=" doc", file=sys.stderr, leave=False, dynamic_ncols=True)
    return (lambda _doc: bar.update(1)), bar.close


def _print_diagnostics(diags: list[Diagnostic], quiet: bool) -> None:
    if quiet:
        return
    for d in diags[:MAX_WARNINGS_SHOWN]:
        click.echo(f"warning: {d}", err=True)
    if len(diags) > MAX_WARNINGS_SHOWN:
        click.echo(f"warning: ... and {len(diags) - MAX_WARNINGS_SHOWN} more (all are listed in run.json)", err=True)


@cli.command()
@click.argument("corpus", type=click.Path(path_type=Path))
@click.option("-o", "--output", "outdir", type=click.Path(path_type=Path), default=None,
              help="Folder for the tables [default: reports/<corpus name>].")
@click.option("--strict", is_flag=True, help="Fail on any warning (a skipped file, an unreadable date, ...).")
@click.option("--force", is_flag=True, help="Overwrite files in the output folder that framing did not create.")
@click.option("--no-clean", is_flag=True, help="Keep page furniture (share counters, comment forms, ...).")
@click.option("--outlet", default=None, help="Outlet for documents that do not name one.")
@click.option("--lang", "language", default=None, help="Language code for documents that do not give one (e.g. en).")
@click.option("--meta", multiple=True, metavar="FIELD=VALUE", help="Default metadata for every document (repeatable).")
@click.option("--max-doc-mb", type=click.FloatRange(min=0.001), default=10.0, show_default=True,
              help="Largest single article to read, in MB; larger files are skipped with a warning.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no warnings; errors are still shown.")
@handle_errors
def analyze(corpus: Path, outdir: Path | None, strict: bool, force: bool, no_clean: bool, outlet: str | None,
            language: str | None, meta: tuple[str, ...], max_doc_mb: float, quiet: bool) -> None:
    """Read a corpus and write the analysis tables.

    CORPUS is a folder of .txt, .md, .html, .json, .jsonl(.gz) or .csv files
    (optionally with a corpus.yaml or manifest.csv giving each article's
    outlet, date, title, url and event), or a single such file.

    Writes documents.csv, documents.jsonl (with the cleaned text),
    sentences.csv and run.json into the output folder.

    \b
    Examples:
      framing analyze seeds/ -o reports/seeds
      framing analyze coverage.jsonl.gz -o out/coverage --strict
      framing analyze clippings/ --outlet "Example Times" --lang en
    """
    from .analysis import write_analysis
    from .corpus import LoadOptions
    from .readers import ReadLimits

    defaults = _parse_meta(meta)
    if outlet:
        defaults["outlet"] = outlet
    if language:
        defaults["language"] = language
    options = LoadOptions(
        limits=ReadLimits(max_document_bytes=int(max_doc_mb * 1_000_000)),
        defaults=defaults,
        clean=not no_clean,
        strict=strict,
    )
    if outdir is None:
        outdir = Path("reports") / (corpus.resolve().name.split(".")[0] or "corpus")
    tick, close = _progress(quiet, "analysing")
    try:
        summary = write_analysis(corpus, outdir, force=force, progress=tick, options=options)
    finally:
        close()
    _print_diagnostics(summary.warnings, quiet)
    n_warn = len(summary.warnings)
    click.echo(
        f"framing: analysed {summary.documents} document{'s' if summary.documents != 1 else ''} "
        f"({summary.sentences} sentences) from {summary.files} file{'s' if summary.files != 1 else ''}; "
        f"{summary.skipped} skipped, {n_warn} warning{'s' if n_warn != 1 else ''}; "
        f"tables in {summary.outdir} ({summary.seconds:.1f} s)",
        err=True,
    )


def main() -> None:
    """Entry point of the ``framing`` console script."""
    cli(prog_name="framing")
