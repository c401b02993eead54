"""The ``tracker`` command line: thin wrappers that build objects and call one function.

Exit codes (CONTRACT.md): 0 ok; 2 bad usage or bad config; 1 any other failure.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, ParamSpec, TypeVar

import click

from tracker import __version__
from tracker.config.masking import mask_url
from tracker.errors import ConfigError, TrackerError

if TYPE_CHECKING:
    from tracker.pipeline.extract import Extractor
    from tracker.runtime import Runtime
    from tracker.settings import Settings

P = ParamSpec("P")
R = TypeVar("R")


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"tracker: {message}", err=True)
    sys.exit(code)


def _first_line(message: str) -> str:
    """Driver errors span several lines (hints, "Background on this error"); the
    contract wants a one-line message, and the first line names the failure."""
    lines = message.strip().splitlines()
    return lines[0] if lines else message


def handle_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn TrackerError into a one-line message and the contract's exit code."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except ConfigError as exc:
            _fail(exc.message, 2)
        except TrackerError as exc:
            _fail(_first_line(exc.message), 1)

    return wrapper


class Context:
    """What every command gets: the config path and a lazily loaded Settings."""

    def __init__(self, config: str | None, log_format: str | None, log_level: str | None) -> None:
        self.config_arg = config
        self.log_format = log_format
        self.log_level = log_level
        self._settings: Settings | None = None

    def settings(self) -> Settings:
        """Load and validate the configuration once (ConfigError on problems)."""
        if self._settings is None:
            from tracker.settings import load_settings, resolve_config_path

            path = resolve_config_path(self.config_arg, os.environ)
            self._settings = load_settings(path, os.environ)
        return self._settings

    def setup_logging(self, *, quiet: bool = False) -> None:
        """Configure logging from options, falling back to the config.

        ``quiet`` (one-shot commands whose printed report already says what
        failed) logs only errors unless ``--log-level`` asks for more, so that
        `tracker poll` prints one line per failed feed, not two.
        """
        from tracker.logs import setup_logging

        settings = self.settings()
        level = self.log_level or ("ERROR" if quiet else settings.log_level)
        setup_logging(level, self.log_format or settings.log_format)


pass_ctx = click.make_pass_decorator(Context)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--config",
    "config",
    metavar="PATH",
    help="Config file (default: $TRACKER_CONFIG, then ./config/tracker.yaml).",
)
@click.option(
    "--log-format", type=click.Choice(["text", "json"]), help="Log lines as text or JSON."
)
@click.option("--log-level", help="DEBUG, INFO, WARNING or ERROR.")
@click.version_option(__version__, prog_name="tracker")
@click.pass_context
def cli(
    ctx: click.Context, config: str | None, log_format: str | None, log_level: str | None
) -> None:
    """Watch news feeds for leadership changes at companies and send alerts."""
    ctx.obj = Context(config, log_format, log_level)


@cli.command()
@pass_ctx
@handle_errors
def check(ctx: Context) -> None:
    """Validate the configuration; print a one-line summary."""
    from tracker.settings import summary

    click.echo(summary(ctx.settings()))


def _make_extractor(ctx: Context) -> Extractor:
    from tracker.pipeline.extract import build_extractor

    return build_extractor(ctx.settings().build_watchlist())


@cli.command()
@pass_ctx
@handle_errors
def extract(ctx: Context) -> None:
    """Read JSONL items on stdin; write one JSONL result per line on stdout."""
    from tracker.extract_io import extract_stream

    # JSONL is UTF-8 whatever the locale says: bytes in, bytes out.
    extract_stream(_make_extractor(ctx), sys.stdin.buffer, sys.stdout.buffer)


@cli.command()
@click.argument("corpus", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--errors", "max_errors", default=50, show_default=True, help="Errors to list.")
@pass_ctx
@handle_errors
def evaluate(ctx: Context, corpus: Path, max_errors: int) -> None:
    """Score extraction on a labelled CORPUS.jsonl against the config's watchlist."""
    from tracker.evaluate import evaluate as run_evaluation
    from tracker.evaluate import format_report, load_corpus
    from tracker.extract_io import item_from_json

    extractor = _make_extractor(ctx)

    def extract_json(obj: Mapping[str, Any]) -> list[Mapping[str, Any]]:
        return [e.to_json() for e in extractor.extract(item_from_json(obj))]

    report = run_evaluation(load_corpus(corpus), extract_json)
    click.echo(format_report(report, max_errors))


def _open_runtime(ctx: Context, *, quiet: bool = False) -> Runtime:
    from tracker.runtime import Runtime

    ctx.setup_logging(quiet=quiet)
    return Runtime.open(ctx.settings())


@cli.command()
@pass_ctx
@handle_errors
def poll(ctx: Context) -> None:
    """Poll every feed once now, deliver the alerts it created, and exit.

    Prints one line per failed feed on stderr and a summary on stdout; logs
    only errors unless --log-level is given.
    """
    from tracker.runtime import utcnow

    runtime = _open_runtime(ctx, quiet=True)
    try:
        report = runtime.poll_all(utcnow())
        delivered = runtime.deliver(utcnow())
    finally:
        runtime.close()
    for failed in report.failed:
        click.echo(
            f"feed failed: {mask_url(failed.url)}: {failed.status}: {failed.error}", err=True
        )
    click.echo(
        f"polled {len(report.outcomes)} feeds ({len(report.failed)} failed): "
        f"{report.total('new_entries')} new entries, {report.total('events')} events, "
        f"{report.total('transitions')} transitions, {report.total('alerts')} alerts queued; "
        f"{delivered.sent} sent, {delivered.failed} to retry, {delivered.dead} given up"
    )


@cli.command()
@pass_ctx
@handle_errors
def run(ctx: Context) -> None:
    """Run the daemon: poll feeds on their schedules and send alerts until SIGTERM/SIGINT."""
    import threading

    from tracker.daemon import Daemon, install_signal_handlers

    stop = threading.Event()
    install_signal_handlers(stop)
    runtime = _open_runtime(ctx)
    daemon = Daemon(runtime, stop)
    code = daemon.run()
    if not daemon.clean_exit:
        # A fetch still in flight holds a worker thread; its feed's transaction never
        # started, so nothing is lost by not waiting for it.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    runtime.close()
    sys.exit(code)


@cli.command()
@click.argument("company_id")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON document of CONTRACT.md.")
@pass_ctx
@handle_errors
def history(ctx: Context, company_id: str, as_json: bool) -> None:
    """Show COMPANY_ID's current leaders and every transition, oldest first."""
    from tracker.history import render_history
    from tracker.runtime import open_database

    company = ctx.settings().build_watchlist().by_id().get(company_id)
    if company is None:
        _fail(f"unknown company id {company_id!r} (not in the watchlist)", 2)
    engine, session_factory = open_database(ctx.settings().database_url)
    try:
        with session_factory() as session:
            click.echo(render_history(session, company, as_json=as_json))
    finally:
        engine.dispose()


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option(
    "--health", is_flag=True, help="Exit 1 unless the database answers and polls are recent."
)
@pass_ctx
@handle_errors
def status(ctx: Context, as_json: bool, health: bool) -> None:
    """Show feeds (last status, errors, next check), outbox depth and the last poll."""
    from tracker.runtime import open_database, utcnow
    from tracker.status import format_status, status_report

    engine, session_factory = open_database(ctx.settings().database_url)
    try:
        with session_factory() as session:
            report = status_report(session, ctx.settings(), utcnow())
    finally:
        engine.dispose()
    click.echo(json.dumps(report, indent=2) if as_json else format_status(report))
    if health and not report["healthy"]:
        sys.exit(1)


@cli.command(name="notify-test")
@pass_ctx
@handle_errors
def notify_test(ctx: Context) -> None:
    """Send a test alert to every configured channel and report each result."""
    from tracker.notify import AppriseNotifier
    from tracker.notify import notify_test as send_tests

    settings = ctx.settings()
    if not settings.notify:
        click.echo("no notify channels configured")
        return
    results = send_tests(settings.notify, AppriseNotifier())
    for result in results:
        verdict = "ok" if result.ok else f"FAILED: {result.error}"
        click.echo(f"{result.name}: {verdict}")
    if not all(r.ok for r in results):
        sys.exit(1)


@cli.group()
def db() -> None:
    """Database maintenance."""


@db.command()
@pass_ctx
@handle_errors
def upgrade(ctx: Context) -> None:
    """Migrate the database to the latest schema."""
    from tracker.runtime import open_database
    from tracker.store.db import current_revision

    engine, _ = open_database(ctx.settings().database_url)
    try:
        click.echo(f"database at revision {current_revision(engine)}")
    finally:
        engine.dispose()


def main() -> None:
    """Console entry point."""
    cli(prog_name="tracker")
