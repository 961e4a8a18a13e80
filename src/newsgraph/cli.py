"""The command line: every command calls readers, the extractor, the store or the scorer; none holds
extraction logic. Problems with input print one line to stderr and exit non-zero, never a traceback.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, nullcontext, suppress
from itertools import islice
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy.exc import DataError, SQLAlchemyError

from newsgraph.dburl import database_url, redact, shown_url
from newsgraph.limits import BATCH_SIZE
from newsgraph.readers import JSONL_SUFFIXES, READABLE_SUFFIXES, ReaderError, Skipped, is_regular_file, read_paths
from newsgraph.terminal import safe, safe_json_text, terminal_json

app = typer.Typer(no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  help="Turn news articles into a sourced, queryable graph of actors and what they do.")
kb_app = typer.Typer(no_args_is_help=True, help="List, search and validate the knowledge base of known actors.")
app.add_typer(kb_app, name="kb")

out = Console(soft_wrap=False, width=None if sys.stdout.isatty() else 160)  # pipes get full-width tables
err = Console(stderr=True, soft_wrap=True)  # an error stays on one line, however long the path

DbOption = Annotated[str | None, typer.Option("--db", help="SQLite path or database URL (default: "
                                              "$NEWSGRAPH_DB or ./newsgraph.db)")]
ModelOption = Annotated[str | None, typer.Option("--model", help="spaCy pipeline (default: $NEWSGRAPH_MODEL "
                                                 "or the pinned en_core_web_sm 3.8.0)")]
# checked by _check_counts, which fails in one line (typer's own range check prints a framed usage error)
WorkersOption = Annotated[int | None, typer.Option(
    help="Extraction processes (default: all cores); an input of one batch or less is extracted in this "
         "process, as loading the model in others would cost more.")]
BatchSizeOption = Annotated[int, typer.Option(help="Articles parsed per spaCy batch (a worker process is handed an "
                                                   "eighth of one at a time).")]


def fail(message: str, code: int = 2) -> NoReturn:
    err.print(f"[bold red]newsgraph: error:[/] {safe(message)}", highlight=False)
    raise typer.Exit(code)


def _extractor(model: str | None):  # noqa: ANN202 - imported lazily: spaCy is slow to import
    from newsgraph.pipeline import Extractor, ModelNotFound

    try:
        return Extractor(model=model)
    except ModelNotFound as error:
        fail(str(error))


def _shown_db(db: str | None) -> str:
    """The database named by --db or NEWSGRAPH_DB as it may be printed: never with its password."""
    try:
        return shown_url(database_url(db))
    except SQLAlchemyError:  # a URL SQLAlchemy cannot parse
        return shown_url(db or "")


def _db_error(error: SQLAlchemyError, db: str | None) -> str:
    """The error class and the first line the driver gave, with the database password masked."""
    cause = str(getattr(error, "orig", None) or error).splitlines()[0]
    with suppress(SQLAlchemyError):  # an unparseable URL never reached a driver: no message repeats it
        cause = redact(cause, database_url(db))
    return f"{error.__class__.__name__}: {cause}"


@contextmanager
def _opening_database(db: str | None) -> Iterator[None]:
    """One line, never a traceback nor a password, when a database cannot be opened."""
    try:
        yield
    except FileNotFoundError as error:
        fail(str(error))
    except ModuleNotFoundError as error:  # the URL names a driver that is not installed
        hint = " (pip install 'newsgraph[postgres]')" if (error.name or "").startswith("psycopg") else ""
        fail(f"cannot open database {_shown_db(db)}: no module named {error.name!r}{hint}")
    except SQLAlchemyError as error:
        fail(f"cannot open database {_shown_db(db)}: {_db_error(error, db)}")


def _store(db: str | None, create: bool = True):  # noqa: ANN202
    from newsgraph.store import Store

    with _opening_database(db):
        return Store(db, create=create)


def warn(message: str, console: Console = err) -> None:
    """One line on stderr about an input that was read but looks wrong (a publication date ahead)."""
    console.print(f"[yellow]newsgraph: warning:[/] {safe(message)}", highlight=False)


def _print_json(data: object) -> None:
    # written as text, not through Rich: Rich would re-encode it and let C1 controls through raw
    sys.stdout.write(terminal_json(data, indent=2) + "\n")


def _report_skipped(skipped: list[Skipped]) -> None:
    if skipped:
        err.print(f"[yellow]skipped {len(skipped)} input(s):[/]")
        for item in skipped:
            err.print(f"  {safe(item.path)}: {safe(item.reason)}", highlight=False)


# --- extract ------------------------------------------------------------------------------------


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="Article files (.txt, .html, .jsonl) or folders.",
                                                readable=False)],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON record per article (JSON Lines).")] = False,
    title: Annotated[str | None, typer.Option(help="Title, for a single .txt file without a sidecar.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet name.")] = None,
    url: Annotated[str | None, typer.Option(help="Article URL.")] = None,
    article_id: Annotated[str | None, typer.Option("--id", help="Article id.")] = None,
    model: ModelOption = None,
    batch_size: BatchSizeOption = BATCH_SIZE,
    workers: WorkersOption = None,
) -> None:
    """Extract actors (and, as they land, quotes, events, ties and claims) without a database. Records
    are printed in the input order, however many processes extract them."""
    _check_counts(batch_size, workers)
    overrides = {"title": title, "published": published, "outlet": outlet, "url": url, "id": article_id}
    skipped: list[Skipped] = []
    if len(files) == 1 and not files[0].is_dir() and files[0].suffix.lower() not in JSONL_SUFFIXES:
        try:
            articles = list(read_paths(files, overrides, warn=warn))
        except ReaderError as error:
            fail(str(error))
    else:
        articles = read_paths(files, overrides, skipped, warn=warn)
    total = len(articles) if isinstance(articles, list) else _count_inputs([f for f in files if f.exists()])
    count = 0
    for record, _ in _extracted(articles, model, batch_size, workers, total):
        count += 1
        if as_json:
            sys.stdout.write(safe_json_text(record.to_json()) + "\n")
        else:
            _print_extraction(record)
    _report_skipped(skipped)
    if skipped:
        raise typer.Exit(1)
    if count == 0:
        fail("no articles found in the given paths")


def _check_counts(batch_size: int, workers: int | None) -> None:
    if batch_size < 1:
        fail(f"--batch-size must be at least 1, not {batch_size}")
    if workers is not None and workers < 1:
        fail(f"--workers must be at least 1, not {workers}")


def _processes(workers: int | None, batch_size: int, total: int) -> int:
    """How many processes extract: `workers` (default: all cores); one when the input (`total` articles)
    is one batch or less, as loading the model in others would cost more."""
    from newsgraph.parallel import default_workers

    return (workers or default_workers()) if total > batch_size else 1


def _extracted(articles: Iterable, model: str | None, batch_size: int, workers: int | None,
               total: int, pool: Any = None) -> Iterator[tuple]:
    """(record, model name) for each article, in the input order: extracted by `_processes` processes,
    each loading the model once (those of `pool` if the caller started them), else in this process."""
    from newsgraph.parallel import extract_in_processes

    processes = _processes(workers, batch_size, total)
    if processes > 1:
        from newsgraph.modelerror import ModelNotFound  # not spaCy: the workers load it, this process need not

        try:
            yield from extract_in_processes(articles, processes, model, batch_size, pool)
        except ModelNotFound as error:
            fail(str(error))
        return
    extractor = _extractor(model)
    for record in extractor.extract_many(articles, batch_size=batch_size):
        yield record, extractor.model_name


def _print_extraction(record) -> None:  # noqa: ANN001
    article = record.article
    out.rule(f"{safe(article.id)}  {safe(article.title)}  {safe(article.published)}")
    table = Table("entity", "type", "country", "kb", "mentions", box=None)
    for entity in record.entities:
        forms = sorted({m.text for m in entity.mentions})
        table.add_row(safe(entity.name), safe(entity.type), safe(entity.country), "yes" if entity.kb else "",
                      f"{len(entity.mentions)}: {safe(', '.join(forms))}")
    out.print(table)


# --- ingest -------------------------------------------------------------------------------------


def _count_inputs(paths: list[Path]) -> int:
    """How many articles the paths hold, for the progress bar (JSONL lines are counted, not parsed)."""
    total = 0
    for path in paths:
        files = [p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READABLE_SUFFIXES] \
            if path.is_dir() else [path]
        for file in files:
            if file.suffix.lower() in JSONL_SUFFIXES and is_regular_file(file):  # never open a pipe
                try:
                    with file.open("rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total


def _settle_after_stop(store) -> None:  # noqa: ANN001 - Store, imported lazily
    """Count the summaries and stories of what an ingest stored before it stopped. Should this fail too
    (the database gone, a second Ctrl-C), nothing is lost: the articles stay listed, and the next ingest
    counts them before it reads anything."""
    with suppress(SQLAlchemyError, KeyboardInterrupt):
        store.settle()


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders (.txt, .html, .jsonl).",
                                                readable=False)],
    db: DbOption = None,
    model: ModelOption = None,
    batch_size: Annotated[int, typer.Option(
        help="Articles parsed per spaCy batch, and stored per transaction.")] = BATCH_SIZE,
    workers: WorkersOption = None,
) -> None:
    """Extract and store articles, or load a `batch` output folder. Safe to re-run: articles already
    stored (same content) are skipped."""
    from newsgraph.batch import count_batch_records, is_batch_output
    from newsgraph.parallel import worker_pool

    _check_counts(batch_size, workers)
    batches = [p for p in paths if is_batch_output(p)]
    paths = [p for p in paths if p not in batches]
    total = _count_inputs([p for p in paths if p.exists()]) + sum(count_batch_records(b) for b in batches)
    processes = _processes(workers, batch_size, total) if paths else 1
    # the workers start first, so that their model loads run while this process opens the store
    with worker_pool(processes, model) if processes > 1 else nullcontext() as pool:
        _ingest(paths, batches, total, db, model, batch_size, workers, pool)


def _ingest(paths: list[Path], batches: list[Path], total: int, db: str | None, model: str | None,
            batch_size: int, workers: int | None, pool: Any) -> None:
    from newsgraph.batch import read_batch_records
    from newsgraph.store import RecordRejected

    store = _store(db)
    skipped: list[Skipped] = []
    counts = {"stored": 0, "already": 0}

    with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err, transient=False) as progress:
        task = progress.add_task("ingesting", total=total)

        def new_articles() -> Iterator:
            # warnings go through the progress bar's console, which keeps the bar below them
            read = iter(read_paths(paths, None, skipped, warn=lambda message: warn(message, progress.console)))
            # the articles already stored are looked up a parse batch at a time: a query per article cost
            # a twentieth of the store's time at the default batch size (issue 14)
            while chunk := list(islice(read, batch_size)):
                known = store.known_hashes(article.content_hash for article in chunk)
                for article in chunk:
                    if article.content_hash in known:
                        counts["already"] += 1
                        progress.advance(task)
                        continue
                    yield article

        def records() -> Iterator:
            for batch in batches:
                yield from ((record, "batch") for record in read_batch_records(batch))
            if paths:  # records come back in the input order
                yield from _extracted(new_articles(), model, batch_size, workers, total, pool)

        def store_batch(batch: list) -> None:
            # one transaction per parse batch (issue 14): a refused article is reported, the rest stored;
            # their summaries and stories are counted for many batches at once (Store.settle)
            for (record, _), result in zip(batch, store.add_many(batch, defer=True), strict=True):
                if isinstance(result, RecordRejected | DataError):
                    reason = str(result) if isinstance(result, RecordRejected) else _db_error(result, db)
                    skipped.append(Skipped(record.article.source_path or record.article.id, f"not stored: {reason}"))
                else:
                    counts["stored" if result.stored else "already"] += 1
                progress.advance(task)

        try:
            store.settle()  # what an earlier ingest stored but was stopped before counting
            batch: list = []
            for item in records():
                batch.append(item)
                if len(batch) >= batch_size:
                    store_batch(batch)
                    batch = []
            store_batch(batch)
            store.settle()
        except KeyboardInterrupt:
            progress.stop()
            _settle_after_stop(store)
            err.print(f"interrupted: {counts['stored']} article(s) stored; run the same command again to resume")
            raise typer.Exit(130) from None
        except typer.Exit:  # an input or model error, reported already: what was stored is counted
            progress.stop()
            _settle_after_stop(store)
            raise
        except SQLAlchemyError as error:
            progress.stop()
            fail(f"database error after {counts['stored']} stored article(s): {_db_error(error, db)}")
    err.print(f"stored {counts['stored']} new article(s), {counts['already']} already stored; "
              f"{store.count_articles()} in {safe(store.url)}")
    _report_skipped(skipped)
    if skipped:
        raise typer.Exit(1)


@app.command()
def batch(
    inputs: Annotated[list[Path], typer.Argument(help="JSONL files or folders of articles.", readable=False)],
    out: Annotated[Path, typer.Option("--out", help="Output folder: shard inputs, records, manifest.")],
    workers: Annotated[int, typer.Option(help="Local Dask worker processes (ignored with --scheduler).")] = 2,
    scheduler: Annotated[str | None, typer.Option(help="Address of a running Dask scheduler.")] = None,
    shard_size: Annotated[int, typer.Option(help="Articles per shard.")] = 200,
    fmt: Annotated[str, typer.Option("--format", help="Record files: jsonl or parquet.")] = "jsonl",
    model: ModelOption = None,
) -> None:
    """Extract many articles on Dask workers into record files; re-running resumes. Load the output
    with `newsgraph ingest OUT`."""
    from newsgraph.batch import BatchError, run_batch

    if fmt not in {"jsonl", "parquet"}:
        fail(f"--format must be jsonl or parquet, got {fmt!r}")
    if workers < 1 or shard_size < 1:
        fail("--workers and --shard-size must be at least 1")
    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        fail(f"{missing[0]}: no such file or folder")
    with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err) as progress:
        task = progress.add_task("shards", total=None)

        def advance(result) -> None:  # noqa: ANN001
            progress.advance(task)
            if result.error:
                progress.console.print(f"[red]{safe(result.shard)} failed:[/] {safe(result.error)}")

        try:
            report = run_batch(inputs, out, workers=workers, scheduler=scheduler, shard_size=shard_size,
                               model=model, fmt=fmt, progress=advance,
                               on_plan=lambda total, done: progress.update(task, total=total, completed=done))
        except BatchError as error:
            fail(str(error))
        except KeyboardInterrupt:
            err.print("interrupted; run the same command again to resume")
            raise typer.Exit(130) from None
    records = sum(r.records for r in report.results)
    err.print(f"{report.shards} shard(s): {len(report.results) - len(report.failed)} done now "
              f"({records} records), {report.skipped_done} done before, {len(report.failed)} failed; "
              f"output in {safe(out)}")
    _report_skipped(report.bad_inputs)
    if report.failed or report.bad_inputs:
        raise typer.Exit(1)


# --- queries ------------------------------------------------------------------------------------


@app.command()
def actors(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="Rows to show (0: all).")] = 50,
    actor_type: Annotated[str | None, typer.Option("--type", help="Only this type (e.g. person, country).")] = None,
    locations: Annotated[bool, typer.Option("--locations", help="Include places that are not actors.")] = False,
    channels: Annotated[bool, typer.Option("--with-channels", help="Include media only cited as a channel "
                                           "(\"told VOA\"), in no event, tie or quote.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """The actors of the database: name, type, country, articles and mentions."""
    store = _store(db, create=False)
    rows = store.actor_table(limit=limit or None, actor_type=actor_type, include_locations=locations,
                             include_channels=channels)
    if as_json:
        _print_json(rows)
        return
    table = Table("name", "type", "country", "articles", "mentions", "kb", title=f"actors in {safe(store.url)}")
    for row in rows:
        table.add_row(safe(row["name"]), safe(row["type"]), safe(row["country"]), str(row["articles"]),
                      str(row["mentions"]), "yes" if row["kb"] else "")
    out.print(table)


@app.command()
def actor(
    name: Annotated[str, typer.Argument(help="Name, alias or id of the actor.")],
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="Mentions to show.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Profile of one actor: aliases, type, country, and its mentions with their sentences."""
    store = _store(db, create=False)
    matches = store.find_entities(name)
    if not matches:
        fail(f"no actor named {name!r} in {store.url}", code=1)
    profile = store.actor_profile(matches[0]["id"], mention_limit=limit)
    assert profile is not None
    if as_json:
        profile["quotes_by"] = store.quotes(speaker=profile["id"], limit=limit)
        profile["quotes_about"] = store.quotes(about=profile["id"], limit=limit)
        profile["ties"] = store.ties(profile["id"], limit=limit)
        profile["events"] = store.events(actor=profile["id"], limit=limit)
        _print_json(profile)
        return
    country = f", {profile['country']}" if profile["country"] else ""
    out.rule(f"[bold]{safe(profile['name'])}[/]  ({safe(profile['type'] + country)})")
    out.print(f"id: {safe(profile['id'])}   knowledge base: {'yes' if profile['kb'] else 'no (found in text)'}")
    if profile.get("role"):
        out.print(f"role: {safe(profile['role'])}")
    out.print(f"named in {profile['articles']} article(s), {profile['mention_count']} mention(s)")
    out.print(f"as: {safe(', '.join(profile['aliases']))}")
    for merged in profile["merged"]:
        decided = "by a user" if merged["by_user"] else f"{merged['reason']}, {merged['score']:.2f}"
        out.print(f"[dim]merged: {safe(merged['name'])} ({safe(merged['id'])}; {safe(decided)})[/]")
    if len(matches) > 1:
        out.print(f"[dim]also matching: {safe(', '.join(m['name'] + ' (' + m['id'] + ')' for m in matches[1:6]))}[/]")
    said = store.quotes(speaker=profile["id"], limit=limit)
    about = [q for q in store.quotes(about=profile["id"], limit=limit) if q["speaker"] != profile["id"]]
    ties = store.ties(profile["id"], limit=limit)
    if ties:
        out.rule(f"ties ({len(ties)})")
        _print_ties(profile["id"], ties)
    happenings = store.events(actor=profile["id"], limit=limit)
    if happenings:
        out.rule(f"events ({len(happenings)})")
        _print_events(happenings)
    if said:
        out.rule(f"quotes by {safe(profile['name'])} ({len(said)})")
        _print_quotes(said)
    if about:
        out.rule(f"quotes about {safe(profile['name'])} ({len(about)})")
        _print_quotes(about)
    out.rule("mentions")
    for mention in profile["mentions"]:
        sentence = mention["sentence_text"]
        out.print(f"\n[cyan]{safe(mention['article_id'])}[/] {safe(mention['published'])} "
                  f"sentence {mention['sentence']}: [dim]{safe(mention['text'])}[/]")
        out.print(f"  {safe(sentence)}", highlight=False)


def _resolve_actor(store, name: str | None) -> str | None:  # noqa: ANN001
    if not name:
        return None
    matches = store.find_entities(name)
    if not matches:
        fail(f"no actor named {name!r} in {store.url}", code=1)
    return matches[0]["id"]


def _print_quotes(rows: list[dict]) -> None:
    for row in rows:
        who = row["speaker_name"] or row["speaker_text"] or "(unattributed)"
        via = f" via {row['channel_name'] or row['channel']}" if row["channel"] else ""
        kind = "direct" if row["direct"] else "indirect"
        out.print(f"\n[bold]{safe(who)}[/] [dim]{safe(row['cue_text'] or '')} ({kind}){safe(via)}[/]  "
                  f"[cyan]{safe(row['article_id'])}[/] {safe(row['published'])} sentence {row['sentence']}")
        mark = ("“", "”") if row["direct"] else ("", "")
        out.print(f"  {mark[0]}{safe(row['content_text'])}{mark[1]}", highlight=False)


def _check_dates(**values: str | None) -> None:
    for flag, value in values.items():
        if value and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            fail(f"--{flag} must be a date YYYY-MM-DD, got {value!r}")


def _interval(row: dict) -> str:
    if row.get("date_start"):
        same = row["date_start"] == row["date_end"]
        return row["date_start"] if same else f"{row['date_start']}..{row['date_end']}"
    return f"(published {row['published']})" if row.get("published") else ""


def _print_events(rows: list[dict]) -> None:
    for row in rows:
        source = row["source_name"] or row["source_text"] or "?"
        target = row["target_name"] or row["target_text"] or "—"
        flags = [row["status"]] + (["negated"] if row["negated"] else []) + ([row["mode"]] if row["mode"] else [])
        if row["attributed_to"]:
            flags.append(f"per {row['attributed_to']}")
        quantity = row["quantity"] or {}
        amount = f" ×{quantity.get('text') or quantity.get('value')}" if quantity else ""
        out.print(f"\n[bold]{safe(row['type'])}[/] {safe(source)} → {safe(target)}{safe(amount)}  "
                  f"[dim]{safe(row['trigger_text'])}; {safe(', '.join(flags))}[/]  {safe(_interval(row))}  "
                  f"[cyan]{safe(row['article_id'])}[/] sentence {row['sentence']}")
        out.print(f"  {safe(row['sentence_text'])}", highlight=False)


def _story_span(row: dict) -> str:
    if not row.get("date_start"):
        return ""
    return row["date_start"] if row["date_start"] == row["date_end"] else f"{row['date_start']}..{row['date_end']}"


def _print_stories(rows: list[dict]) -> None:
    for row in rows:
        source = row["source_name"] or row["source"] or "?"
        target = row["target_name"] or row["target"] or "—"
        days = f"{row['first_report']}..{row['last_report']}" if row["first_report"] != row["last_report"] \
            else (row["first_report"] or "undated")
        place = f" in {row['location']}" if row["location"] else ""
        out.print(f"\n[bold]{safe(row['type'])}[/] {safe(source)} → {safe(target)}{safe(place)}  "
                  f"{safe(_story_span(row))}  [cyan]{row['reports']} report(s), {row['outlets']} outlet(s)[/] "
                  f"[dim]reported {safe(days)}; story {row['id']}[/]")
        for report in row.get("reports_list", []):
            flags = report["status"] + (", negated" if report["negated"] else "")
            out.print(f"  [dim]{safe(report['published'] or 'undated')}[/] {safe(report['outlet'] or '?')} "
                      f"[cyan]{safe(report['article_id'])}[/] sentence {report['sentence']} "
                      f"[dim]{safe(report['trigger_text'] or '')}; {safe(flags)}[/]")
            out.print(f"    {safe(report['sentence_text'])}", highlight=False)


@app.command("events")
def events_command(
    db: DbOption = None,
    source: Annotated[str | None, typer.Option(help="Only events by this actor.")] = None,
    target: Annotated[str | None, typer.Option(help="Only events aimed at this actor.")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. ASSAULT.")] = None,
    since: Annotated[str | None, typer.Option(help="On or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="On or before YYYY-MM-DD.")] = None,
    reports: Annotated[bool, typer.Option("--reports", help="Under each story event, its reports: article, "
                                          "outlet, sentence, status.")] = False,
    limit: Annotated[int, typer.Option(help="Rows to show (0: all).")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Who did what to whom: story events (one per happening, however many articles report it) with their
    number of reports and outlets; --reports lists each report with its sentence."""
    from newsgraph.ontology import PLOVER_TYPES

    _check_dates(since=since, until=until)
    if event_type and event_type.upper() not in PLOVER_TYPES:
        fail(f"--type must be one of {', '.join(PLOVER_TYPES)}, got {event_type!r}")
    store = _store(db, create=False)
    rows = store.story_events(source=_resolve_actor(store, source), target=_resolve_actor(store, target),
                              event_type=event_type, since=since, until=until, limit=limit or None,
                              with_reports=reports)
    if as_json:
        _print_json(rows)
    elif not rows:
        err.print("no events match")
    else:
        _print_stories(rows)


@app.command("dyad")
def dyad_command(
    first: Annotated[str, typer.Argument(help="One actor: name, alias or id.")],
    second: Annotated[str, typer.Argument(help="The other actor.")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """What two actors did to each other, week by week: story events per PLOVER type (either way) and the
    week's cooperation-conflict score (mean PLOVER weight, -10 conflict to +10 cooperation)."""
    store = _store(db, create=False)
    one, other = _resolve_actor(store, first), _resolve_actor(store, second)
    assert one is not None and other is not None
    if one == other:
        fail(f"{first!r} and {second!r} are the same actor ({one}); a dyad needs two")
    weeks = store.dyad(one, other)
    if as_json:
        _print_json(weeks)
        return
    if not weeks:
        err.print(f"no story events between {safe(first)} and {safe(second)}")
        return
    names = store.entity_names([one, other])
    table = Table("week of", "story events", "by type", "score",
                  title=f"{safe(names[one]['name'])} – {safe(names[other]['name'])}, per week")
    for week in weeks:
        kinds = ", ".join(f"{kind} {n}" for kind, n in week["counts"].items())
        score = "" if week["score"] is None else f"{week['score']:+.1f}"
        style = "green" if (week["score"] or 0) > 0 else "red" if (week["score"] or 0) < 0 else ""
        table.add_row(week["week"], str(week["total"]), safe(kinds), f"[{style}]{score}[/]" if style else score)
    out.print(table)


def _print_ties(entity_id: str, rows: list[dict]) -> None:
    for row in rows:
        other = row["target_name"] if row["source"] == entity_id else row["source_name"]
        arrow = "→" if row["source"] == entity_id else "←"
        out.print(f"\n[bold]{safe(row['cls'])}[/] ({safe(row['type'])}) {arrow} {safe(other or '?')}  "
                  f"[cyan]{safe(row['article_id'])}[/] sentence {row['sentence']}")
        out.print(f"  {safe(row['sentence_text'])}", highlight=False)


@app.command("ties")
def ties_command(
    name: Annotated[str, typer.Argument(help="Name, alias or id of the actor.")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Standing ties of an actor (affiliation, location, alliance, opposition), each with its sentence."""
    store = _store(db, create=False)
    entity_id = _resolve_actor(store, name)
    rows = store.ties(entity_id)
    if as_json:
        _print_json(rows)
    elif not rows:
        err.print(f"no ties recorded for {safe(name)}")
    else:
        _print_ties(entity_id, rows)


@app.command("quotes")
def quotes_command(
    db: DbOption = None,
    speaker: Annotated[str | None, typer.Option(help="Only quotes by this actor (name, alias or id).")] = None,
    about: Annotated[str | None, typer.Option(help="Only quotes whose content names this actor.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before YYYY-MM-DD.")] = None,
    limit: Annotated[int, typer.Option(help="Rows to show (0: all).")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Who said what: quotes with speaker, cue, channel and the sentence they came from."""
    _check_dates(since=since, until=until)
    store = _store(db, create=False)
    rows = store.quotes(speaker=_resolve_actor(store, speaker), about=_resolve_actor(store, about),
                        since=since, until=until, limit=limit or None)
    if as_json:
        _print_json(rows)
        return
    if not rows:
        err.print("no quotes match")
        return
    _print_quotes(rows)


@app.command("claims")
def claims_command(
    db: DbOption = None,
    status: Annotated[str | None, typer.Option(help="asserted, attributed or hedged.")] = None,
    holder: Annotated[str | None, typer.Option(help="Only claims held by this actor.")] = None,
    about: Annotated[str | None, typer.Option(help="Only claims whose sentence names this actor.")] = None,
    contested: Annotated[bool, typer.Option("--contested", help="Claims some source states and another denies, "
                                            "grouped across articles, both sides.")] = False,
    corroborated: Annotated[bool, typer.Option("--corroborated", help="Claims more than one article makes, "
                                               "grouped, with who states and who denies them.")] = False,
    limit: Annotated[int, typer.Option(help="Rows to show (0: all).")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """How sure the text is: claims by status and holder, each with its sentence; --contested and
    --corroborated group them across articles."""
    if status and status not in {"asserted", "attributed", "hedged"}:
        fail(f"--status must be asserted, attributed or hedged, got {status!r}")
    store = _store(db, create=False)
    if contested or corroborated:
        if status or holder:
            fail("--status and --holder select single claims; --contested and --corroborated group them")
        groups = store.claim_groups(contested=contested, about=_resolve_actor(store, about), limit=limit or None)
        if as_json:
            _print_json(groups)
        elif not groups:
            err.print("no contested claims" if contested else "no claim is made by more than one article")
        else:
            _print_claim_groups(groups)
        return
    rows = store.claims(status=status, holder=_resolve_actor(store, holder), about=_resolve_actor(store, about),
                        limit=limit or None)
    if as_json:
        _print_json(rows)
        return
    if not rows:
        err.print("no claims match")
    for row in rows:
        holder_name = row["holder_name"] or row["holder_text"] or ""
        out.print(f"\n[bold]{safe(row['status'])}[/] {safe(holder_name)} [dim]{safe(row['cue'] or '')}[/]  "
                  f"[cyan]{safe(row['article_id'])}[/] sentence {row['sentence']}")
        out.print(f"  {safe(row['sentence_text'])}", highlight=False)


def _print_claim_groups(groups: list[dict]) -> None:
    for group in groups:
        subject = group["subject_name"] or group["subject"]
        out.print(f"\n[bold]{safe(subject)}[/] {safe(group['predicate'])}  [cyan]{group['articles']} article(s)[/], "
                  f"{len(group['states'])} stating, {len(group['denies'])} denying")
        for side, members in (("states", group["states"]), ("denies", group["denies"])):
            for claim in members:
                who = claim["holder_name"] or claim["holder_text"] or ""
                out.print(f"  [bold]{side}[/] {safe(claim['outlet'] or '?')} [dim]{safe(claim['status'])} "
                          f"{safe(who)}[/] [cyan]{safe(claim['article_id'])}[/] {safe(claim['published'] or '')}")
                out.print(f"    {safe(claim['sentence_text'])}", highlight=False)


# --- resolved actors ------------------------------------------------------------------------------


def _one_actor(store, name: str) -> str:  # noqa: ANN001
    """The one actor a name or id the user typed names: an id first, else an exact name or mention;
    none or several give one line and exit."""
    exact = [m for m in store.find_entities(name) if m["id"] == name or m["name"].casefold() == name.casefold()]
    matches = exact or store.find_entities(name)
    if not matches:
        fail(f"no actor named {name!r} in {store.url}", code=1)
    by_id = [m for m in matches if m["id"] == name]
    if by_id:
        return by_id[0]["id"]
    if len(matches) > 1:
        listed = "; ".join(f"{m['name']} ({m['id']}, {m['type']})" for m in matches[:8])
        fail(f"{name!r} names {len(matches)} actors: {listed}; give the id", code=1)
    return matches[0]["id"]


@app.command("merge")
def merge_command(
    keep: Annotated[str, typer.Argument(help="The actor to keep (name or id).")],
    absorb: Annotated[str, typer.Argument(help="The actor that becomes part of it (name or id).")],
    db: DbOption = None,
) -> None:
    """Merge two actors: B becomes A, kept across re-ingests and `newsgraph resolve`."""
    store = _store(db, create=False)
    first, second = _one_actor(store, keep), _one_actor(store, absorb)
    if first == second:
        fail(f"{keep!r} and {absorb!r} are already one actor ({first})", code=1)
    store.merge(first, second)
    out.print(f"merged {safe(second)} into {safe(first)}")


@app.command("split")
def split_command(
    first: Annotated[str, typer.Argument(help="An actor (name or id).")],
    second: Annotated[str, typer.Argument(help="The entity to take out of it, or never to merge with it.")],
    db: DbOption = None,
) -> None:
    """Undo a merge, or forbid one: the two are never one actor again."""
    store = _store(db, create=False)
    entity_ids = []
    for name in (first, second):
        # the entity itself, merged or not, by its id or exact name; else the actor the name finds
        exact = store.entities_named(name)
        if len(exact) > 1:
            listed = "; ".join(f"{e['name']} ({e['id']}, {e['type']})" for e in exact[:8])
            fail(f"{name!r} names {len(exact)} entities: {listed}; give the id", code=1)
        entity_ids.append(exact[0]["id"] if exact else _one_actor(store, name))
    if entity_ids[0] == entity_ids[1]:
        fail(f"{first!r} and {second!r} name the same entity ({entity_ids[0]})", code=1)
    were_merged = store.split(*entity_ids)
    verb = "split" if were_merged else "were not merged; kept apart from now on:"
    out.print(f"{verb} {safe(entity_ids[0])} and {safe(entity_ids[1])}")


@app.command("resolved")
def resolved_command(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The actors merged across articles: each merged entity, the actor it joined, why, and who decided."""
    store = _store(db, create=False)
    rows = store.merges()
    if as_json:
        _print_json({"merges": rows, "splits": [list(pair) for pair in store.splits()]})
        return
    table = Table("actor", "merged entity", "type", "reason", "score", "by", title=f"resolved actors in "
                  f"{safe(store.url)}")
    for row in rows:
        table.add_row(f"{safe(row['canonical_name'])} ({safe(row['canonical'])})",
                      f"{safe(row['name'])} ({safe(row['id'])})", safe(row["type"]), safe(row["reason"]),
                      f"{row['score']:.2f}", "user" if row["by_user"] else "auto")
    out.print(table)
    kept_apart = store.splits()
    out.print(f"{len(rows)} merged entities; {len(kept_apart)} pair(s) kept apart by a user")


@app.command("resolve")
def resolve_command(db: DbOption = None) -> None:
    """Decide every automatic actor merge again over the stored entities (a user's merges and splits stay)."""
    store = _store(db, create=False)
    with err.status("resolving actors"):
        recounted = store.resolve_again()
    err.print(f"{len(store.merges())} merged entities; {recounted} actor(s) recounted")


@app.command("export")
def export_command(
    fmt: Annotated[str, typer.Option("--format", help="ftm, plover, gexf, graphml, csv or parquet.")],
    out_path: Annotated[Path | None, typer.Option("--out", help="File to write (default: stdout); for csv and "
                                                  "parquet, the folder that receives one file per table.")] = None,
    db: DbOption = None,
    actor_name: Annotated[str | None, typer.Option("--actor", help="Only what involves this actor.")] = None,
    since: Annotated[str | None, typer.Option(help="On or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="On or before YYYY-MM-DD.")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="Only events of this PLOVER type.")] = None,
    channels: Annotated[bool, typer.Option("--with-channels", help="gexf, graphml: keep media only cited as a "
                                           "channel, in no event, tie or quote.")] = False,
) -> None:
    """Export the database for other tools: FollowTheMoney, PLOVER, Gephi, GraphML, CSV or Parquet."""
    from newsgraph.export.formats import ExportError, check_format, write
    from newsgraph.export.selection import Filters, select_rows
    from newsgraph.ontology import PLOVER_TYPES

    _check_dates(since=since, until=until)
    if event_type and event_type.upper() not in PLOVER_TYPES:
        fail(f"--type must be one of {', '.join(PLOVER_TYPES)}, got {event_type!r}")
    try:
        chosen = check_format(fmt.lower(), out_path)
    except ExportError as error:
        fail(str(error))
    store = _store(db, create=False)
    filters = Filters(actor=_resolve_actor(store, actor_name), since=since, until=until,
                      event_type=event_type.upper() if event_type else None, channels=channels)
    try:
        with _opening_database(db):
            selection = select_rows(store.engine, filters, with_text=chosen.needs_text)
        summary = write(chosen, selection, out_path)
    except OSError as error:
        fail(f"cannot write {out_path}: {error.strerror or error}")
    err.print(f"exported {safe(summary)}", highlight=False)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    allowed_host: Annotated[list[str] | None, typer.Option(
        "--allowed-host", help="A Host name to answer besides localhost, 127.0.0.1, ::1 and the --host address "
        "(repeatable; default: $NEWSGRAPH_ALLOWED_HOSTS, comma-separated).")] = None,
) -> None:
    """Serve the web face (pages and /api) over a database."""
    import uvicorn

    from newsgraph.web.app import create_app
    from newsgraph.web.security import allowed_hosts

    with _opening_database(db):
        application = create_app(db, hosts=allowed_hosts(allowed_host, bind=host))
    err.print(f"newsgraph on http://{host}:{port}/ (Ctrl-C to stop)")
    uvicorn.run(application, host=host, port=port, log_level="warning")


# --- knowledge base ------------------------------------------------------------------------------


def _kb_table(entries: list) -> Table:
    table = Table("id", "name", "type", "country", "aliases")
    for entry in entries:
        aliases = ", ".join(entry.aliases[:6]) + (" …" if len(entry.aliases) > 6 else "")
        table.add_row(safe(entry.id), safe(entry.name), safe(entry.type), safe(entry.country), safe(aliases))
    return table


@kb_app.command("list")
def kb_list(
    actor_type: Annotated[str | None, typer.Option("--type", help="Only this type.")] = None,
    country: Annotated[str | None, typer.Option(help="Only this ISO alpha-2 country.")] = None,
) -> None:
    """List known actors."""
    from newsgraph.kb.loader import default_kb

    kb = default_kb()
    entries = [e for e in kb.entries.values()
               if (not actor_type or e.type == actor_type) and (not country or (e.country or "") == country.upper())]
    out.print(_kb_table(sorted(entries, key=lambda e: (e.type, e.name))))
    out.print(f"{len(entries)} of {len(kb)} entries")


@kb_app.command("search")
def kb_search(query: Annotated[str, typer.Argument(help="Part of a name, alias, id or role.")]) -> None:
    """Search known actors by name, alias, id or role (case- and accent-blind)."""
    from newsgraph.kb.loader import default_kb

    hits = default_kb().search(query)
    if not hits:
        fail(f"nothing in the knowledge base matches {query!r}", code=1)
    out.print(_kb_table(hits))


@kb_app.command("validate")
def kb_validate() -> None:
    """Check the knowledge base files: types, country codes, ids, references, clashing aliases."""
    from newsgraph.kb.loader import default_kb

    kb = default_kb()
    problems = kb.validate()
    for problem in problems:
        err.print(f"  {safe(problem)}", highlight=False)
    counts: dict[str, int] = {}
    for entry in kb.entries.values():
        counts[entry.type] = counts.get(entry.type, 0) + 1
    out.print(f"{len(kb)} entries: " + ", ".join(f"{n} {t}" for t, n in sorted(counts.items())))
    if problems:
        fail(f"{len(problems)} problem(s) in the knowledge base", code=1)
    out.print("knowledge base is valid")


# --- eval ---------------------------------------------------------------------------------------


@app.command("eval")
def evaluate(
    gold_dirs: Annotated[list[Path], typer.Argument(help="Gold folders (article.txt, meta.json, gold.yaml), "
                                                    "or folders of them.")],
    details: Annotated[bool, typer.Option("--details", help="List what was missed and what was extra.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    model: ModelOption = None,
) -> None:
    """Score extraction against gold annotations: precision, recall and F1 per section."""
    from newsgraph.evaluate import SECTIONS, GoldError, gold_folders, load_gold, score_article, total

    skipped: list[Path] = []
    try:
        folders = gold_folders(gold_dirs, skipped)
        golds = [load_gold(folder) for folder in folders]
    except GoldError as error:
        fail(str(error))
    if skipped:  # a shell glob like gold/dev/* also names the README: worth a word, not an error
        names = ", ".join(str(path) for path in skipped)
        err.print(f"[dim]skipped {len(skipped)} file(s) that are not gold folders: {safe(names)}[/]", highlight=False)
    extractor = _extractor(model)
    scores = [score_article(extractor.extract(article), gold) for article, gold in golds]
    summed = total(scores)
    if as_json:
        payload = {"articles": [{"article": s.article, **{k: v.as_dict() for k, v in s.sections.items()},
                                 "checks": s.checks, "errors": s.errors} for s in scores],
                   "total": {k: v.as_dict() for k, v in summed.items()}}
        _print_json(payload)
        return
    title = f"{len(scores)} gold article(s)" if len(scores) > 1 else scores[0].article
    table = Table("section", "precision", "recall", "F1", "right", "extra", "missed", title=safe(title))
    for section in SECTIONS:
        score = summed[section]
        table.add_row(section, f"{score.precision:.3f}", f"{score.recall:.3f}", f"[bold]{score.f1:.3f}[/]",
                      str(score.tp), str(score.fp), str(score.fn))
    out.print(table)
    for check in ("event status", "event dates"):
        right = sum(s.checks[check][0] for s in scores)
        counted = sum(s.checks[check][1] for s in scores)
        if counted:
            out.print(f"{check}: {right} of {counted} gold events found carry the gold "
                      f"{'status' if check == 'event status' else 'interval'}")
    if details:
        for article_score in scores:
            for section, notes in article_score.errors.items():
                out.print(f"[bold]{safe(article_score.article)} {section}[/]")
                for note in notes:
                    out.print(f"  {safe(note)}", highlight=False)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
