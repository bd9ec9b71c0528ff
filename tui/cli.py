"""The `hadath` command line: click commands over db/ and extract/, and the way into review.

Each command opens the database named by --db, $HADATH_DB or ./hadath.db and
calls the storage API (import, extract, evaluate, export, stats), or opens the
review app (`review`, and `demo` after building its own database; Textual is
loaded only then). Refused input becomes one sentence on stderr with a
non-zero exit status.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from db.adjudication import articles_to_adjudicate
from db.agreement import EXTRACTOR as EXTRACTOR_SOURCE
from db.agreement import AgreementError, measure_agreement
from db.articles import import_articles, import_defaults, import_size
from db.assignments import AssignmentError, assign, is_assigned, reassign, uses_assignments
from db.curated import count_undated
from db.database_files import claim_new_database, remove_new_database
from db.decisions import ADJUDICATED, DecisionError, annotators
from db.display import safe
from db.errors import InputError
from db.evaluation import EvaluationError, check_extractor, evaluation_pairs, newest_builtin
from db.events import import_predictions
from db.export import (
    FORMATS,
    GROUPINGS,
    INTER_CODE_STYLES,
    STDOUT,
    ExportError,
    ExportOptions,
    choose_format,
    count_curated,
    export_file,
    export_stream,
    resolve_annotator,
)
from db.extraction import articles_to_extract, count_to_extract, store_extractions
from db.extraction_jobs import extract_batches
from db.folders import ARTICLE_SUFFIXES, expand_paths
from db.incidents import (
    AUTO_LINK_SCORE,
    DEFAULT_DAYS,
    DEFAULT_KM,
    IncidentError,
    describe_run,
    run_incidents,
)
from db.lexicon import (
    KINDS as LEXICON_KINDS,
)
from db.lexicon import (
    LexiconEntry,
    LexiconError,
    learned_articles,
    lexicon_for_run,
    list_entries,
    remove_entries,
)
from db.link_decisions import LinkDecisionError
from db.merge import MergeError, describe, merge
from db.schema import SchemaError
from db.source_scales import SourceScaleError, list_sources, set_scale
from db.stats import collect_stats
from db.store import SQLiteError, Store, StoreError, database_error, open_store
from extract.agreement import AgreementReport
from tui.layout.modes import MODES, RtlMode
from tui.progress import progress_bar
from tui.seeds import seed_defaults, seeds_dir

if TYPE_CHECKING:
    from tui.app import ReviewApp

DEMO_DB = "hadath-demo.db"
EXTRACT_BATCH = 100
_REFUSALS = (
    InputError, ExportError, StoreError, SchemaError, DecisionError, EvaluationError,
    AssignmentError, AgreementError, MergeError, LexiconError, SourceScaleError,
    IncidentError, LinkDecisionError,
)  # fmt: skip


UNEXPECTED = "hadath stopped on an unexpected error"
"""The start of the last-resort message; no known bad input or environment reaches it."""


class HadathGroup(click.Group):
    """A click group that reports every failure as one sentence on stderr with exit status 1.

    hadath's refusals carry their own sentence; an error SQLite raises names
    the database and what went wrong with it; an operating-system error names
    its file. Anything else is a defect, reported in one line too (with the
    traceback only when $HADATH_DEBUG is set).
    """

    def invoke(self, ctx: click.Context) -> object:
        """Run the command, turning every error into `Error: <sentence>`."""
        try:
            return super().invoke(ctx)
        except BaseException as error:
            _drop_unwritable_stdout()
            sentence = _as_sentence(ctx, error)
            if sentence is error:
                raise
            raise sentence from error


def _as_sentence(ctx: click.Context, error: BaseException) -> BaseException:
    """What a failed command raises: click's own errors as they are, the rest as one sentence."""
    if isinstance(error, click.ClickException | click.exceptions.Exit | click.Abort):
        return error
    if isinstance(error, BrokenPipeError):  # `hadath export | head`: the reader is gone
        return click.exceptions.Exit(1)
    if isinstance(error, _REFUSALS):
        return click.ClickException(safe(str(error)))
    if isinstance(error, SQLiteError):
        where = (ctx.obj or {}).get("db", "the database")
        return click.ClickException(safe(str(database_error(where, error))))
    if isinstance(error, OSError):
        return click.ClickException(safe(_os_error(error)))
    if not isinstance(error, Exception) or os.environ.get("HADATH_DEBUG"):
        return error
    return click.ClickException(
        safe(f"{UNEXPECTED} ({type(error).__name__}: {error}); please report it")
    )


def _os_error(error: OSError) -> str:
    """One sentence for an operating-system error: the file, then what went wrong."""
    reason = error.strerror or str(error)
    if error.filename is None:
        return reason
    return f"{error.filename}: {reason}"


def _drop_unwritable_stdout() -> None:
    """After a failure: if stdout cannot take what is buffered, send it nowhere.

    Its reader went away (`| head`) or its disk is full; else Python's own
    flush at exit would fail once more, with a traceback.
    """
    try:
        sys.stdout.flush()
    except OSError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _store(ctx: click.Context, *, create: bool = False) -> Store:
    """Open the command's database; only commands that bring data in may create it."""
    store = open_store(ctx.obj["db"], create=create)
    ctx.call_on_close(store.close)
    return store


@click.group(cls=HadathGroup)
@click.option(
    "--db",
    "db_path",
    envvar="HADATH_DB",
    default="hadath.db",
    show_default=True,
    type=click.Path(),
    help="Database file (else $HADATH_DB).",
)
@click.version_option(package_name="hadath")
@click.pass_context
def main(ctx: click.Context, db_path: str) -> None:
    """hadath: curate conflict-event datasets from Arabic news."""
    ctx.ensure_object(dict)
    ctx.obj["db"] = db_path


@main.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(readable=False))
@click.option(
    "--published", metavar="DATE", help="Publication date of .txt files without one (ISO)."
)
@click.option("--source", metavar="NAME", help="Source of .txt files without one.")
@click.pass_context
def import_command(
    ctx: click.Context, paths: tuple[str, ...], published: str | None, source: str | None
) -> None:
    """Import articles: .txt files (front matter allowed), folders of them, or .jsonl records."""
    defaults = import_defaults(published, source)
    created = claim_new_database(ctx.obj["db"])
    store: Store | None = None
    try:
        store = _store(ctx, create=True)
        files = expand_paths(paths, ARTICLE_SUFFIXES)  # folders walked once, not per use
        with progress_bar("importing", import_size(files)) as advance:
            summary = import_articles(store, files, progress=advance, defaults=defaults)
    except BaseException:
        if created:  # a refused first import leaves no database behind
            if store is not None:
                store.close()
            remove_new_database(ctx.obj["db"])
        raise
    filled = f", {summary.filled} given metadata they lacked" if summary.filled else ""
    click.echo(
        f"imported {summary.added} articles ({summary.unchanged} already present{filled})"
        f" from {summary.files} files into {safe(store.path)}"
    )


@main.group("predictions", cls=HadathGroup)
def predictions() -> None:
    """Events produced by other extractors."""


@predictions.command("import")
@click.argument("file", type=click.Path(readable=False))
@click.pass_context
def predictions_import(ctx: click.Context, file: str) -> None:
    """Import an event JSONL file (event records plus article_id)."""
    store = _store(ctx)
    with progress_bar("importing events", _file_size(file)) as advance:
        summary = import_predictions(store, file, progress=advance)
    click.echo(
        f"imported {summary.added} events ({summary.unchanged} already present)"
        f" from {safe(file)} into {safe(store.path)}"
    )


def _file_size(path: str) -> int | None:
    """The size of a regular file, for a progress bar; None for a stream or what is not there."""
    try:
        info = Path(path).stat()
    except OSError:
        return None
    return info.st_size if info.st_size else None


def run_extractor(
    store: Store, force: bool = False, jobs: int = 1, learned: bool = False
) -> tuple[int, int]:
    """Run the built-in extractor over the articles that need it; return (articles, events).

    Articles its version has not read need it, also those an earlier version
    read: their events from earlier versions that nobody decided on are
    replaced (see db.extraction). With `learned`, it extracts with the project
    lexicon (db.lexicon), and articles it read with another lexicon need it
    too; events someone decided on are never replaced. With `jobs` above
    one, that many processes extract and this one stores (db.extraction_jobs).
    """
    from extract import extractor_name
    from extract.learned import EMPTY_FINGERPRINT

    name = extractor_name()
    lexicon = lexicon_for_run(store) if learned else None
    fingerprint = EMPTY_FINGERPRINT if lexicon is None else lexicon.fingerprint()
    wanted = fingerprint if learned else None
    articles = added = 0
    with progress_bar("extracting", count_to_extract(store, name, force, wanted)) as advance:
        pending = articles_to_extract(store, name, force, wanted)
        for batch in extract_batches(pending, jobs, EXTRACT_BATCH, lexicon):
            added += store_extractions(
                store, name, batch, redo=force or learned, lexicon=fingerprint
            )
            articles += len(batch)
            advance(len(batch))
    return articles, added


@main.command("extract")
@click.option("--force", is_flag=True, help="Redo articles already extracted.")
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Processes that extract (this one stores what they find).",
)
@click.option(
    "--learned",
    is_flag=True,
    help="Use the project lexicon (hadath lexicon list); redo articles read with another.",
)
@click.pass_context
def extract_command(ctx: click.Context, force: bool, jobs: int, learned: bool) -> None:
    """Run the built-in extractor over articles this version of it has not read yet."""
    store = _store(ctx)
    articles, added = run_extractor(store, force, jobs, learned)
    click.echo(f"extracted {added} new events from {articles} articles in {safe(store.path)}")


@main.command("evaluate")
@click.option("--annotator", help="Whose decisions are the gold (needed when several exist).")
@click.option(
    "--extractor",
    help="Only this extractor's events [default: the newest built-in version that ran;"
    " if none did, all machine events].",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.pass_context
def evaluate_command(
    ctx: click.Context, annotator: str | None, extractor: str | None, as_json: bool
) -> None:
    """Compare machine events with an annotator's curated decisions."""
    from extract.evaluate import evaluate

    store = _store(ctx)
    if extractor is not None:
        check_extractor(store, extractor)
    else:
        extractor = newest_builtin(store)
    who = resolve_annotator(store, annotator)
    if who is None:
        raise click.ClickException("nobody has reviewed anything yet: there is no gold to compare")
    fed = learned_articles(store, extractor)
    pairs = list(evaluation_pairs(store, who, extractor))
    report = evaluate(pair for pair in pairs if pair[0] not in fed)
    apart = [pair for pair in pairs if pair[0] in fed]
    learned = evaluate(apart) if apart else None
    if as_json:
        figures = {"annotator": who, "extractor": extractor, **report.to_dict()}
        figures["learned"] = None
        if learned is not None:
            figures["learned"] = {"article_ids": [pair[0] for pair in apart], **learned.to_dict()}
        click.echo(json.dumps(figures, indent=2))
        return
    click.echo(f"annotator {who}")
    click.echo(f"extractor {safe(extractor or 'all machine events')}")
    click.echo(report.table())
    if learned is not None:
        click.echo("")
        click.echo(
            f"{learned.articles} articles whose corrections fed the lexicon the extractor read"
            " them with, scored apart (not in the figures above):"
        )
        click.echo(learned.table())


@main.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="jsonl or csv [default: from the -o file name (.csv, .jsonl), else jsonl].",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(allow_dash=True),
    help="File to write (through a symlink: its target); - or none: stdout.",
)
@click.option("--annotator", help="Whose decisions (needed when several annotators exist).")
@click.option("--adjudicated", is_flag=True, help="The adjudicated view (hadath adjudicate).")
@click.option(
    "--raw-cells",
    is_flag=True,
    help="CSV: keep cells that start with = + - @ as they are (no leading ').",
)
@click.option(
    "--inter-codes",
    type=click.Choice(INTER_CODE_STYLES),
    default="text",
    show_default=True,
    help="CSV: actor types and interactions as ACLED's text values or its numeric codes.",
)
@click.option("--excel", is_flag=True, help="CSV: start with a UTF-8 byte order mark.")
@click.option(
    "--by",
    type=click.Choice(GROUPINGS),
    default="event",
    show_default=True,
    help="One record per curated event, or per incident (its reports joined: hadath incidents).",
)
@click.option(
    "--auto-link",
    is_flag=True,
    help=f"With --by incident: unreviewed candidate links scoring >= {AUTO_LINK_SCORE} join too.",
)
@click.pass_context
def export_command(
    ctx: click.Context,
    fmt: str | None,
    output: str | None,
    annotator: str | None,
    adjudicated: bool,
    raw_cells: bool,
    inter_codes: str,
    excel: bool,
    by: str,
    auto_link: bool,
) -> None:
    """Export the curated dataset as JSONL with provenance, or CSV in ACLED's columns."""
    if auto_link and by != "incident":
        raise click.UsageError("--auto-link joins incidents: use it with --by incident")
    annotator = _view(annotator, adjudicated)
    fmt = choose_format(output, fmt)
    store = _store(ctx)
    options = ExportOptions(
        fmt=fmt,
        annotator=annotator,
        raw_cells=raw_cells,
        inter_codes=inter_codes,
        excel=excel,
        by=by,
        auto_link=auto_link,
    )
    if output in (None, STDOUT):
        export_stream(store, sys.stdout.buffer, **options)
        _warn_undated(store, resolve_annotator(store, annotator))
        return
    options["annotator"] = who = resolve_annotator(store, annotator)
    with progress_bar("exporting", count_curated(store, who)) as advance:
        count = export_file(store, output, progress=advance, **options)
    what = "incidents" if by == "incident" else "events"
    click.echo(f"exported {count} {what} to {safe(output)}", err=True)
    _warn_undated(store, who)


def _view(annotator: str | None, adjudicated: bool) -> str | None:
    """Whose curated events a command reads: `--annotator`, or the adjudicated view."""
    if not adjudicated:
        return annotator
    if annotator is not None:
        raise click.UsageError("--adjudicated and --annotator exclude each other")
    return ADJUDICATED


def _warn_undated(store: Store, annotator: str | None) -> None:
    """Say on stderr how many curated events went out without a date."""
    undated = count_undated(store.conn, annotator)
    if undated:
        click.echo(
            f"warning: {undated} curated {'events have' if undated != 1 else 'event has'} no"
            " date (event_date is empty); hadath import --published DATE gives .txt articles one",
            err=True,
        )


def _print_stats(figures: dict[str, object]) -> None:
    events = figures["events"]
    decisions = figures["decisions"]
    assert isinstance(events, dict) and isinstance(decisions, dict)
    click.echo(f"articles          {figures['articles']}")
    click.echo(
        f"events            {events['machine']} machine, {events['human']} added"
        f" ({events['human_withdrawn']} more added and withdrawn)"
    )
    click.echo(
        "decisions         " + ", ".join(f"{count} {status}" for status, count in decisions.items())
    )
    click.echo(f"articles done     {figures['articles_done']}")
    click.echo(f"articles flagged  {figures['articles_flagged']}")
    lexicon = figures["lexicon"]
    assert isinstance(lexicon, dict)
    click.echo(f"lexicon           {lexicon['places']} places, {lexicon['actors']} actors")
    people = figures["annotators"]
    assert isinstance(people, list)
    if not people:
        return
    columns: tuple[str, ...] = (
        "annotator",
        "accepted",
        "rejected",
        "corrected",
        "added",
        "withdrawn",
        "pending",
        "articles_done",
        "articles_flagged",
        "seconds_spent",
    )
    if figures.get("assignments"):
        columns = ("annotator", "assigned", "assigned_done", *columns[1:])
    click.echo("")
    _print_table(columns, [[str(person[c]) for c in columns] for person in people])


def _print_table(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Print rows under their column names, each column as wide as its widest cell, made safe
    for the terminal (control characters and bidi controls removed)."""
    cells = [[safe(cell) for cell in row] for row in rows]
    widths = [max(len(name), *(len(row[i]) for row in cells)) for i, name in enumerate(columns)]
    for row in [list(columns), *cells]:
        click.echo("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


@main.command("assign")
@click.option("--annotators", metavar="A,B,C", help="Who reviews: names separated by commas.")
@click.option("--overlap", type=int, default=1, show_default=True, help="Annotators per article.")
@click.option("--limit", type=int, help="Assign at most this many more articles.")
@click.option("--seed", type=int, default=0, show_default=True, help="Breaks ties the same way.")
@click.option("--reassign", "leaving", metavar="FROM", help="Move FROM's unfinished articles...")
@click.option("--to", "taking", metavar="TO", help="...to TO (with --reassign).")
@click.pass_context
def assign_command(
    ctx: click.Context,
    annotators: str | None,
    overlap: int,
    limit: int | None,
    seed: int,
    leaving: str | None,
    taking: str | None,
) -> None:
    """Assign articles to annotators, each article to --overlap of them; or move one's work."""
    if leaving is not None or taking is not None:
        if leaving is None or taking is None or annotators is not None:
            raise click.UsageError("--reassign FROM goes with --to TO, and without --annotators")
        moved = reassign(_store(ctx), leaving, taking)
        click.echo(
            f"moved {moved.moved} of {safe(leaving)}'s unfinished articles to {safe(taking)}"
            f" ({moved.dropped} {safe(taking)} had already; {moved.kept} finished stay"
            f" {safe(leaving)}'s)"
        )
        return
    if annotators is None:
        raise click.UsageError("give --annotators A,B,C (or --reassign FROM --to TO)")
    done = assign(_store(ctx), annotators.split(","), overlap, limit, seed)
    click.echo(f"assigned {done.articles} articles, each to {overlap} annotator(s)")
    width = max(len(safe(name)) for name in done.totals)
    for name, total in done.totals.items():
        click.echo(f"  {safe(name).ljust(width)}  +{done.added[name]}  ({total} in all)")
    if done.short:
        click.echo(f"{done.short} articles wait for another run (--limit {limit})")


@main.command("agreement")
@click.option("--annotators", metavar="A,B,...", help="Whose work to compare (default: all).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.pass_context
def agreement_command(ctx: click.Context, annotators: str | None, as_json: bool) -> None:
    """Agreement between annotators (and with the extractor) on the articles several finished."""
    names = [name.strip() for name in annotators.split(",")] if annotators else None
    report = measure_agreement(_store(ctx), names)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    _print_agreement(report)


def _print_agreement(report: AgreementReport) -> None:
    """The agreement figures as tables."""
    names = [safe(name) for name in report.sources]
    click.echo(
        f"{report.articles} articles finished by two or more of the annotators"
        f" ({', '.join(names[:-1])})"
    )
    if not report.articles:
        return
    width = max(len(name) for name in names) + 2
    click.echo("")
    click.echo("events, paired by sub-event type and place: F1 (count of pairs)")
    click.echo("".ljust(width) + "".join(name.ljust(width + 8) for name in names))
    for row, row_name in zip(report.sources, names, strict=True):
        cells = []
        for column in report.sources:
            pair = report.pair(row, column)
            cells.append("-" if pair is None else f"{pair.f1:.3f} ({pair.matched})")
        click.echo(row_name.ljust(width) + "".join(cell.ljust(width + 8) for cell in cells))
    click.echo("")
    click.echo("fields, on events paired by overlapping evidence: Krippendorff's alpha")
    for figure in report.fields:
        shown = "-" if figure.alpha is None else f"{figure.alpha:.3f}"
        note = f"  {figure.note}" if figure.note else ""
        click.echo(
            f"  {figure.field:<15} {figure.level:<9} {shown:>6}  {figure.units:>6} units{note}"
        )
    click.echo("")
    click.echo("articles by disagreement (missing events + differing fields)")
    for article in report.by_disagreement[:20]:
        who = ", ".join(safe(name) for name in article.sources)
        click.echo(f"  {article.disagreements:>4}  {safe(article.article_id)}  ({who})")
    if report.learned is not None:
        _print_learned_agreement(report.learned)


def _print_learned_agreement(learned: AgreementReport) -> None:
    """The extractor's figures on the articles whose corrections fed its lexicon."""
    click.echo("")
    click.echo(
        f"{learned.articles} articles whose corrections fed the lexicon the extractor read them"
        " with: the extractor against each annotator there (not in its figures above)"
    )
    for pair in learned.pairs:
        if pair.row == EXTRACTOR_SOURCE and pair.column != EXTRACTOR_SOURCE:
            click.echo(f"  {safe(pair.column):<20} F1 {pair.f1:.3f} ({pair.matched})")


@main.command("merge")
@click.argument("other", type=click.Path(readable=False))
@click.pass_context
def merge_command(ctx: click.Context, other: str) -> None:
    """Bring another hadath file's articles, events and reviewers' work into this one."""
    summary = merge(_store(ctx), other)
    for line in describe(summary):
        click.echo(line)


@main.group("lexicon", cls=HadathGroup)
def lexicon_group() -> None:
    """The project lexicon: places and actor spellings learned from reviewers' corrections."""


def _taught(entry: LexiconEntry) -> str:
    """What an entry teaches: an actor key, or a place's name and coordinates."""
    if entry.kind == "actor":
        return entry.key or ""
    where = f"{entry.lat:g}, {entry.lon:g}"
    return f"{entry.name} ({where})" if entry.name else where


@lexicon_group.command("list")
@click.option("--kind", type=click.Choice(LEXICON_KINDS), help="Only places, or only actors.")
@click.option("--json", "as_json", is_flag=True, help="Print the entries as JSON.")
@click.pass_context
def lexicon_list(ctx: click.Context, kind: str | None, as_json: bool) -> None:
    """List the entries: id, kind, words, key or place, who, when, article."""
    entries = list_entries(_store(ctx), kind)  # type: ignore[arg-type]
    if as_json:
        click.echo(json.dumps([e.to_dict() for e in entries], ensure_ascii=False, indent=2))
        return
    if not entries:
        click.echo("the lexicon is empty: corrections of places and actors fill it")
        return
    columns = ("id", "kind", "surface", "key/place", "who", "when", "article")
    rows = [
        [str(e.id), e.kind, e.surface, _taught(e), e.annotator, e.created_at[:19], e.article_id]
        for e in entries
    ]
    _print_table(columns, rows)


@lexicon_group.command("remove")
@click.argument("ids", nargs=-1, required=True, type=int)
@click.pass_context
def lexicon_remove(ctx: click.Context, ids: tuple[int, ...]) -> None:
    """Remove entries by id (all or none); hadath extract --learned then reads without them."""
    removed = remove_entries(_store(ctx), ids)
    click.echo(f"removed {removed} lexicon {'entry' if removed == 1 else 'entries'}")


@main.command("incidents")
@click.option(
    "--days",
    type=click.IntRange(min=0),
    default=DEFAULT_DAYS,
    show_default=True,
    help="Link reports whose dates are at most this many days apart.",
)
@click.option(
    "--km",
    type=click.FloatRange(min=0, min_open=True),
    default=DEFAULT_KM,
    show_default=True,
    help="Link reports whose places are at most this far apart (or in one district).",
)
@click.option("--annotator", help="Whose curated events [default: every annotator's, apart].")
@click.option("--adjudicated", is_flag=True, help="The adjudicated view's events.")
@click.pass_context
def incidents_command(
    ctx: click.Context, days: int, km: float, annotator: str | None, adjudicated: bool
) -> None:
    """Propose links between curated events of different articles that report one incident.

    Each annotator's events are linked among themselves (review stays blind); the
    review app shows the links, and export --by incident joins the confirmed ones.
    """
    annotator = _view(annotator, adjudicated)
    store = _store(ctx)
    everyone = annotators(store)
    if annotator is not None and annotator not in everyone:
        raise IncidentError(f"no curated events by annotator {annotator!r}")
    names = [annotator] if annotator is not None else everyone
    if not names:
        raise IncidentError("nobody has curated events yet: review some first")
    for name in names:
        with progress_bar(f"linking {safe(name)}", None) as advance:
            summary = run_incidents(store, name, days, km, advance)
        click.echo(describe_run(summary))


@main.group("sources", cls=HadathGroup, invoke_without_command=True)
@click.pass_context
def sources_group(ctx: click.Context) -> None:
    """The sources the articles name and their ACLED source scales (the CSV's source_scale)."""
    if ctx.invoked_subcommand is None:
        rows = list_sources(_store(ctx))
        if not rows:
            click.echo("no article names its source: import --source or front matter sets it")
            return
        table = [[row.source, str(row.articles), row.scale or ""] for row in rows]
        _print_table(("source", "articles", "scale"), table)


@sources_group.command("scale")
@click.argument("source")
@click.argument("scale", required=False)
@click.option("--clear", is_flag=True, help="Remove the source's scale.")
@click.pass_context
def sources_scale(ctx: click.Context, source: str, scale: str | None, clear: bool) -> None:
    """Set SOURCE's scale: Local partner, Other, New media, Subnational, National, Regional
    or International."""
    if clear == (scale is not None):
        raise click.UsageError("give a SCALE, or --clear to remove the source's scale")
    stored = set_scale(_store(ctx), source, scale)
    click.echo(f"{safe(source)}: {stored or 'no scale'}")


@main.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.pass_context
def stats_command(ctx: click.Context, as_json: bool) -> None:
    """Show articles, events, decisions and each annotator's progress."""
    figures = collect_stats(_store(ctx))
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        _print_stats(figures)


def choose_annotator(given: str | None) -> str:
    """The annotator: --annotator, else $HADATH_ANNOTATOR, else remembered, else asked once."""
    from db.decisions import check_person
    from tui import config

    name = given or os.environ.get("HADATH_ANNOTATOR") or config.remembered_annotator()
    if not name:
        if not sys.stdin.isatty():
            raise click.ClickException(
                "no annotator: give --annotator NAME or set HADATH_ANNOTATOR"
            )
        name = click.prompt("Your name as annotator", type=str).strip()
        check_person(name)
        config.remember_annotator(name)
    return check_person(name)


def check_reviewable(db_path: str) -> None:
    """Refuse, before the screen opens, a database the review could not work on.

    It must open, take writes (decisions are saved as they are made) and
    give the first article to show.
    """
    from db.navigation import first_article

    with open_store(db_path) as store:
        store.check_writable()
        first_article(store)


def check_assigned(db_path: str, annotator: str) -> None:
    """Refuse an annotator with no article in a database whose articles are assigned."""
    with open_store(db_path) as store:
        if uses_assignments(store) and not is_assigned(store, annotator):
            raise click.ClickException(
                f"{safe(annotator)} has no article assigned in {safe(db_path)}: each annotator"
                " reviews the articles assigned to them (hadath assign --annotators ...)"
            )


def open_review(db_path: str, annotator: str | None, rtl: RtlMode) -> None:
    """Open the review app (loading Textual only now) on a database."""
    from tui.app import ReviewApp

    check_reviewable(db_path)  # before asking a name: a refused review writes nothing
    who = choose_annotator(annotator)
    check_assigned(db_path, who)
    _run(ReviewApp(db_path, who, rtl))


def _run(app: ReviewApp) -> None:
    """Run the app; what kept it from opening the database is said once it has closed."""
    app.run()
    if app.failure:
        raise click.ClickException(safe(app.failure))


RTL_OPTION = click.option(
    "--rtl",
    type=click.Choice(MODES),
    default="auto",
    show_default=True,
    help="Who draws Arabic: auto, app (hadath), terminal, off.",
)
"""The review and adjudication apps' choice of who draws Arabic."""


@main.command("review")
@click.option("--annotator", help="Your name (else $HADATH_ANNOTATOR, else asked once).")
@RTL_OPTION
@click.pass_context
def review_command(ctx: click.Context, annotator: str | None, rtl: RtlMode) -> None:
    """Review the articles' events: one key per decision, saved as you go."""
    open_review(ctx.obj["db"], annotator, rtl)


@main.command("adjudicate")
@click.option("--adjudicator", help="Your name (else $HADATH_ANNOTATOR, else asked once).")
@RTL_OPTION
@click.pass_context
def adjudicate_command(ctx: click.Context, adjudicator: str | None, rtl: RtlMode) -> None:
    """Make one version of the articles two or more annotators finished, key by key."""
    from tui.adjudication_app import AdjudicationApp

    db_path = ctx.obj["db"]
    check_reviewable(db_path)
    with open_store(db_path) as store:
        found = articles_to_adjudicate(store)  # read once: the session walks these
        if not found:
            raise click.ClickException(
                f"nothing to adjudicate in {safe(db_path)}: no article is finished by two or"
                " more annotators yet (hadath stats shows each annotator's progress)"
            )
    _run(AdjudicationApp(db_path, choose_annotator(adjudicator), rtl, article_ids=found))


@main.command("demo")
@click.option("--no-review", is_flag=True, help="Build the demo database and stop.")
@click.pass_context
def demo_command(ctx: click.Context, no_review: bool) -> None:
    """Build ./hadath-demo.db from the bundled seed articles (kept if it exists), then review."""
    ctx.obj["db"] = DEMO_DB  # what errors name: demo works on its own file, whatever --db says
    path = Path(DEMO_DB)
    existed = path.exists()
    with open_store(path, create=True) as store:
        seeds = seeds_dir()
        summary = import_articles(store, [seeds], defaults=seed_defaults(seeds))
        run_extractor(store)
        figures = collect_stats(store)
    state = "kept" if existed else "built"
    click.echo(
        f"{state} {path}: {figures['articles']} articles ({summary.added} added from the seeds)"
    )
    if not no_review:
        open_review(str(path), None, "auto")
