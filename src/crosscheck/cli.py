"""The `crosscheck` command line.

Exit codes follow linters: 0 clean, 1 findings at or above the failure threshold, 2 bad input,
usage or an internal error. Every error is one line on standard error; no traceback reaches the
user unless asked for, with ``crosscheck --debug`` or ``CROSSCHECK_DEBUG=1``.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from crosscheck import __version__

# The commands import the library when they run, so `crosscheck --version` and `--help` start
# fast; only click is loaded up front.
if TYPE_CHECKING:
    from crosscheck.config import Config
    from crosscheck.dates import DateSpan
    from crosscheck.findings import Finding
    from crosscheck.model import Dataset
    from crosscheck.quantity import Quantity
    from crosscheck.registry import Rule
    from crosscheck.render import Run as RunResult
    from crosscheck.sameness import Window
    from crosscheck.sources import SourcesReport

__all__ = ["main", "wants_colour"]

EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2

FAIL_ON = ("error", "warning", "info", "never")
"""The --fail-on choices: the least severe active finding that fails the run (never: none)."""

DAY = click.DateTime(["%Y-%m-%d"])
"""A day as an option takes it: 2022-04-08."""

FORMATS = ("text", "json", "markdown", "sarif", "html")
"""The --format choices of `crosscheck run`, one renderer each in `crosscheck.render`."""


DEBUG_VARIABLE = "CROSSCHECK_DEBUG"
"""The environment variable that, set (to anything but "" or "0"), acts as ``--debug``."""

_DESCRIBED = 300
"""At most this many characters of an unexpected exception's message are shown."""


class BadInput(click.ClickException):
    """A one-line error about the user's input or set-up, exiting with status 2; it names the
    command it was raised in (``crosscheck rules: error: …``), as a usage error does."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.ctx = click.get_current_context(silent=True)


class InternalError(click.ClickException):
    """A bug in crosscheck or in a rule, shown as one line, exiting with status 2 (never 1,
    which means findings)."""

    exit_code = EXIT_BAD_INPUT


class UnexpectedError(Exception):
    """An unexpected exception, with what crosscheck was doing when it happened."""


class _Group(click.Group):
    """The `crosscheck` group: an unexpected exception in any command becomes one line."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as error:  # a bug: one line, the traceback only on request
            debug = bool(ctx.params.get("debug")) or _debug_variable()
            raise _internal(error, debug=debug) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="crosscheck", message="%(prog)s %(version)s")
@click.option(
    "--debug",
    is_flag=True,
    help=f"Print the traceback of an internal error (or set {DEBUG_VARIABLE}=1).",
)
def cli(debug: bool) -> None:
    """Check curated claims from news reports against each other."""


def _debug_variable() -> bool:
    return os.environ.get(DEBUG_VARIABLE, "") not in ("", "0")


def _debugging() -> bool:
    """Whether the user asked for tracebacks: ``crosscheck --debug`` or CROSSCHECK_DEBUG."""
    ctx = click.get_current_context(silent=True)
    return bool(ctx is not None and ctx.find_root().params.get("debug")) or _debug_variable()


def _traceback(error: BaseException) -> None:
    """Print `error`'s traceback on standard error (with --debug)."""
    import traceback

    click.echo("".join(traceback.format_exception(error)).rstrip("\n"), err=True)


def _internal(error: Exception, *, debug: bool) -> InternalError:
    """The one-line error for an unexpected exception; with `debug`, its traceback first."""
    if debug:
        _traceback(error)
    more = (
        "see the traceback above"
        if debug
        else f"crosscheck --debug or {DEBUG_VARIABLE}=1 shows the traceback"
    )
    from crosscheck.registry import RuleFailedError

    if isinstance(error, RuleFailedError):
        return InternalError(
            f"{_one_line(str(error))} (a bug in the rule: please report it; {more})"
        )
    what = str(error) if isinstance(error, UnexpectedError) else _describe(error)
    return InternalError(
        f"internal error: {_one_line(what)} (a bug in crosscheck: please report it; {more})"
    )


def _one_line(text: str) -> str:
    """`text` on one line, cut to a readable length."""
    text = " ".join(text.split())
    return text if len(text) <= _DESCRIBED else text[: _DESCRIBED - 1] + "…"


def _dataset_path(path: Path | None) -> Path:
    """`path`, or the bundled example's folder when no path was given."""
    from crosscheck.example import example_path

    if path is not None:
        return path
    try:
        return example_path()
    except FileNotFoundError as error:
        raise BadInput(f"{error}; name a dataset folder") from None


def _load(path: Path, verdict: str) -> Dataset:
    """Load the dataset at `path`, or list every problem in it and exit with status 2."""
    from crosscheck.loading import load

    with _reading(path, verdict) as progress:
        return load(path, progress)


@contextlib.contextmanager
def _reading(path: Path, verdict: str) -> Iterator[Callable[[int, int], None] | None]:
    """While a dataset is read: a progress bar for a bulk one on a terminal (the callback it
    yields), and a dataset with problems listed one line each, then exit status 2."""
    from crosscheck.loading import BULK_MANIFEST, DatasetError

    try:
        if sys.stderr is None or not sys.stderr.isatty() or not (path / BULK_MANIFEST).is_file():
            yield None
            return
        with click.progressbar(length=1, label="reading claims", file=sys.stderr) as bar:

            def progress(done: int, total: int) -> None:
                bar.length = max(total, 1)
                bar.update(done - bar.pos)

            yield progress
    except DatasetError as error:
        for problem in error.problems:
            click.echo(str(problem), err=True)
        count = len(error.problems)
        click.echo(f"{count} problem{'s' * (count != 1)} in {path}; {verdict}", err=True)
        sys.exit(EXIT_BAD_INPUT)


@cli.command()
@click.argument("path", type=click.Path(path_type=Path))
def show(path: Path) -> None:
    """Load the dataset at PATH and summarise it, or list every problem in it."""
    dataset = _load(path, "nothing loaded")
    from crosscheck.render.run import plural

    counts = ", ".join(plural(len(items), noun) for items, noun in (
        (dataset.reports, "report"), (dataset.claims, "claim"), (dataset.actors, "actor"),
        (dataset.places, "place")))  # fmt: skip
    click.echo(f"{path}: {counts}")
    for report in sorted(dataset.reports, key=lambda r: (r.published, r.id)):
        outlet = dataset.actor(report.outlet).name
        claims = len(dataset.claims_of(report.id))
        click.echo(f"  {report.published}  {report.id}  {outlet}: {claims} claims — {report.title}")


# -- run --------------------------------------------------------------------------------------


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def _selectors(values: Iterable[str]) -> list[str]:
    """Repeated and comma-separated selectors as one list: ``-s QTY,DAT -s CTL001``."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _registered() -> tuple[Rule, ...]:
    from crosscheck.registry import RuleError, load_rules

    try:
        return load_rules()
    except RuleError as error:
        raise BadInput(str(error)) from None
    except Exception as error:  # a plugin that fails to import: a traceback only on request
        if _debugging():
            _traceback(error)
        raise BadInput(f"could not load the rules: {_one_line(_describe(error))}") from None


def wants_colour(flag: bool | None, *, to_file: bool, is_tty: bool, no_color: str | None) -> bool:
    """Whether text output is coloured: as --color/--no-color say; otherwise only on a
    terminal, never into a file, and never when the NO_COLOR variable is set and not empty."""
    if flag is not None:
        return flag
    return is_tty and not to_file and not no_color


def _run_on_dask(
    dataset: Dataset, rules: Sequence[Rule], scheduler: str | None, window: Window | None
) -> list[Finding]:
    import importlib.util

    if importlib.util.find_spec("distributed") is None:
        raise BadInput("--engine dask needs the dask extra: pip install 'crosscheck[dask]'")
    from crosscheck.cluster import check_on_dask

    try:
        return check_on_dask(dataset, [rule.code for rule in rules], preview=True,
                             scheduler=scheduler, window=window)  # fmt: skip
    except Exception as error:  # a worker's error, or no scheduler: a traceback on request
        if _debugging():
            _traceback(error)
        raise BadInput(f"the Dask run failed: {_one_line(_describe(error))}") from None


def _settings(path: Path | None, **given: Any) -> Config:
    """The project settings for the dataset at `path` (or the current folder) with the
    options given on the command line (None when not given) over them."""
    from crosscheck.config import ConfigError, load_config

    try:
        return load_config(path if path is not None else Path.cwd()).given(**given)
    except ConfigError as error:
        raise BadInput(str(error)) from None


def _checked(
    path: Path | None,
    settings: Config,
    engine: str = "local",
    scheduler: str | None = None,
    layout: str | None = None,
    stream: bool = False,
) -> RunResult:
    """`crosscheck.run` with the settings (the command line's over the project's), the engine
    and one-line errors: the run, reviewed against the dataset's accepted findings (`layout`:
    of a coded export at `path`, checked in parts with `stream`)."""
    from crosscheck.pipeline import in_process, run
    from crosscheck.registry import RuleError

    registered = _registered()
    if not registered:
        raise BadInput("expected rules to run, found none registered (reinstall crosscheck)")
    _check_file_selectors(settings, registered)
    select = settings["select"]
    selected = _selectors(select) if select else None
    if selected == []:
        raise click.UsageError("--select names no rule; leave it out to run every stable rule")
    path = _dataset_path(path)

    def on_dask(
        dataset: Dataset, rules: Sequence[Rule], window: Window | None = None
    ) -> list[Finding]:
        return _run_on_dask(dataset, rules, scheduler, window)

    checker = in_process if engine == "local" else on_dask

    try:
        with _reading(path, "nothing checked") as progress:
            return run(path, select=selected, ignore=_selectors(settings["ignore"]),
                       preview=settings["preview"], fail_on=settings["fail-on"],
                       rules=registered, checker=checker, progress=progress,
                       per_report_ignores=settings["per-report-ignores"],
                       layout=layout, window=settings.window, stream=stream)  # fmt: skip
    except RuleError as error:
        raise click.UsageError(str(error)) from None


def _check_file_selectors(settings: Config, registered: Sequence[Rule]) -> None:
    """A selector from the settings file that names no rule is that file's mistake: one line
    naming the file and the key, not a usage error."""
    from crosscheck.registry import RuleError, select_rules

    keyed = {"select": settings["select"] or (), "ignore": settings["ignore"]}
    keyed |= {f"per-report-ignores.{pattern}": selectors
              for pattern, selectors in settings["per-report-ignores"].items()}  # fmt: skip
    for key, selectors in keyed.items():
        origin = settings.origins[key.split(".")[0]]
        if origin in ("default", "command line") or not selectors:
            continue
        prefix = "tool.crosscheck." if origin.endswith("pyproject.toml") else ""
        try:
            select_rules(registered, _selectors(tuple(selectors)), [], preview=True)
        except RuleError as error:
            raise BadInput(f"{origin}: {prefix}{key}: {error}") from None


def _selection(
    path: Path | None, select: tuple[str, ...], ignore: tuple[str, ...], preview: bool | None,
    **given: Any,
) -> Config:  # fmt: skip
    """The settings with the selection options of a command (and any other options `given`,
    None when not given) over the project's."""
    return _settings(path, select=select or None, ignore=ignore or None, preview=preview,
                     **given)  # fmt: skip


_F = TypeVar("_F", bound=Callable[..., Any])


def _window_options(command: _F) -> _F:
    """--match-days and --match-km, over the settings' match-days and match-km: the sameness
    window of `run` and of `accept`, which must find the findings `run` finds."""
    for option in reversed((
        click.option("--match-days", type=click.IntRange(0, 30), default=None, metavar="N",
                     help="Infer that claims without a shared event id are about one thing up "
                     "to N days apart [default: their dates must overlap]."),
        click.option("--match-km", type=click.FloatRange(0, 500), default=None, metavar="K",
                     help="… and at places that nest or lie within K km of each other (places "
                     "with coordinates) [default: the same place]."),
    )):  # fmt: skip
        command = option(command)
    return command


def _selection_options(note: str = "") -> Callable[[_F], _F]:
    """The options of every command that chooses the rules to run — --select, --ignore and
    --preview/--no-preview, each over the project's settings — with `note` after each help."""

    def decorate(command: _F) -> _F:
        for option in reversed((
            click.option("--select", "-s", multiple=True, metavar="RULES",
                         help="Run only these rules: codes, code prefixes or names; repeat or "
                         f"separate with commas{note}."),
            click.option("--ignore", "-i", multiple=True, metavar="RULES",
                         help=f"Leave out these rules (after --select){note}."),
            click.option("--preview/--no-preview", default=None,
                         help=f"Also run preview rules, or not{note}."),
        )):  # fmt: skip
            command = option(command)
        return command

    return decorate


@cli.command("run")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "format_name",
    type=click.Choice(list(FORMATS)),
    default=None,
    help="Output format.",
)
@_selection_options()
@click.option(
    "--fail-on",
    type=click.Choice(list(FAIL_ON)),
    default=None,
    help="Exit with 1 when an active finding is at least this severe [default: info].",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    help="Write to this file (whole or not at all; through a symlink; streamed to a device or "
    "FIFO) instead of stdout; - is stdout.",
)
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour text output [default: on a terminal, unless NO_COLOR is set].",
)
@click.option(
    "--statistics",
    is_flag=True,
    help="Print how many findings each rule reported instead of the findings (text or json).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Check in this process, or part by part on a Dask cluster (needs crosscheck[dask]).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="With --engine dask: the scheduler to use [default: a local cluster].",
)
@_window_options
@click.option(
    "--from",
    "layout",
    type=click.Choice(["ged", "acled"]),
    default=None,
    help="Read PATH as a coded export of this layout (a UCDP GED or ACLED CSV) instead of a "
    "dataset folder; see crosscheck import.",
)
def run_command(
    path: Path | None,
    format_name: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    preview: bool | None,
    fail_on: str | None,
    output: Path | None,
    color: bool | None,
    statistics: bool,
    engine: str,
    scheduler: str | None,
    match_days: int | None,
    match_km: float | None,
    layout: str | None,
) -> None:
    """Check the dataset at PATH (default: the bundled example) and report the findings.

    Exit status: 0 when no active finding is at or above --fail-on, 1 when one is, 2 for bad
    input, usage or an internal error. Findings accepted in the dataset's accepted.toml never
    fail the run.
    """
    if scheduler is not None and engine != "dask":
        raise click.UsageError(
            "--scheduler needs --engine dask: only a Dask run uses a scheduler; "
            "add --engine dask or leave --scheduler out"
        )
    settings = _selection(path, select, ignore, preview, fail_on=fail_on, format=format_name,
                          match_days=match_days, match_km=match_km)  # fmt: skip
    format_name = settings["format"]
    if (
        statistics
        and format_name not in ("text", "json")
        and settings.origins["format"] != ("command line")
    ):
        format_name = "text"  # the file's format is for findings; statistics are text or json
    if statistics and format_name not in ("text", "json"):
        raise click.UsageError(
            f"--statistics prints text or json, not {format_name}; leave --format out or use "
            "--format json"
        )
    if output is not None and str(output) == "-":
        output = None  # standard output, as without --output
    if layout is not None and path is None:
        raise click.UsageError(f"--from {layout} reads the export named by PATH; name the CSV file")
    # an export is checked in parts, keeping only what findings cite, for every format but
    # the HTML report, which shows every figure
    result = _checked(path, settings, engine, scheduler, layout, stream=format_name != "html")
    colour = wants_colour(color, to_file=output is not None,
                          is_tty=sys.stdout is not None and sys.stdout.isatty(),
                          no_color=os.environ.get("NO_COLOR"))  # fmt: skip
    if statistics:
        _print_statistics(result, format_name, output)
    else:
        _emit(result, format_name, output, colour)
    if result.review.failing(result.fail_on):
        sys.exit(EXIT_FINDINGS)


def _write(target: Path | None, text: str) -> None:
    """Print `text`, or write it to `target` whole (`crosscheck.output.write_output`)."""
    if target is None:
        if sys.stdout is None:
            raise BadInput("cannot print the output: standard output is closed (use --output)")
        click.echo(text, nl=False)
        return
    from crosscheck.output import write_output

    try:
        write_output(target, text.encode("utf-8"))
    except OSError as error:
        raise BadInput(f"cannot write {target}: {error.strerror or error}") from None


def _print_statistics(result: RunResult, format_name: str, output: Path | None) -> None:
    """The number of active findings per rule, like ``ruff --statistics``: one line per rule
    (count, code, name, its most severe finding), or a JSON array of the same."""
    rows = result.statistics()
    if format_name == "json":
        text = json.dumps([{"code": code, "name": name, "count": count, "severity": worst.value}
                           for count, code, name, worst in rows], indent=2) + "\n"  # fmt: skip
    else:
        width = max((len(str(row[0])) for row in rows), default=1)
        text = "".join(f"{count:>{width}}  {code:<7} {name} ({worst.value})\n"
                       for count, code, name, worst in rows) + f"{result.summary()}\n"  # fmt: skip
    _write(output, text)


def _emit(result: RunResult, format_name: str, output: Path | None, colour: bool) -> None:
    """Render `result` in `format_name` and print it, or write it to `output` whole."""
    from crosscheck.errors import CrosscheckError
    from crosscheck.render import FORMATS as RENDERERS

    try:
        text = RENDERERS[format_name](result, colour and format_name == "text")
    except CrosscheckError as error:  # a missing extra: the user's set-up
        raise BadInput(str(error)) from None
    except Exception as error:  # a bug, and never a half-written file
        raise UnexpectedError(
            f"could not render {format_name} output: {_describe(error)}"
        ) from error
    if output is None and colour and sys.stdout is not None:
        click.echo(text, nl=False, color=True)
        return
    _write(output, text)
    if output is not None:
        click.echo(f"{result.summary()}; written to {output}", err=True)


# -- report -----------------------------------------------------------------------------------


@cli.command("report")
@click.argument(
    "path", required=False, type=click.Path(path_type=Path, file_okay=False, exists=False)
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    default=Path("report.html"),
    show_default=True,
    help="Write the page here (whole or not at all; through a symlink); - is stdout.",
)
@_selection_options()
def report_command(
    path: Path | None,
    output: Path,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    preview: bool | None,
) -> None:
    """Write one self-contained HTML page for the dataset at PATH (default: the bundled
    example): every finding as a card, a chart of every incident's figures by statement
    time, who held each place according to whom, and the sources table. It opens offline
    and reads without JavaScript. Needs crosscheck[report].

    Exit status: 0 when the page was written, whatever it found; 2 for bad input.
    """
    result = _checked(path, _selection(path, select, ignore, preview))
    _emit(result, "html", None if str(output) == "-" else output, colour=False)


# -- export -----------------------------------------------------------------------------------


@cli.command("export")
@click.argument("kind", type=click.Choice(["claimreview", "csv"]))
@click.argument(
    "path", required=False, type=click.Path(path_type=Path, file_okay=False, exists=False)
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    default="-",
    help="Write here (whole or not at all; through a symlink) [default: - for stdout].",
)
@_selection_options(" (csv only)")
@click.option(
    "--reviewer",
    default="crosscheck",
    show_default=True,
    help="claimreview: the organisation publishing the reviews (each review's author).",
)
@click.option(
    "--date",
    "published",
    type=DAY,
    default=None,
    help="claimreview: the reviews' publication date, as 2022-04-08 [default: today].",
)
def export_command(
    kind: str,
    path: Path | None,
    output: Path,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    preview: bool | None,
    reviewer: str,
    published: datetime.datetime | None,
) -> None:
    """Export the dataset at PATH (default: the bundled example) for other tools.

    claimreview: schema.org ClaimReview JSON-LD, one review per claim of every contested or
    denied claim group (its grade as the rating's alternateName). csv: the active findings
    with their positions, one row per position, for a spreadsheet.
    """
    from crosscheck import exports

    options = {
        "claimreview": {
            "--select": bool(select),
            "--ignore": bool(ignore),
            "--preview": preview is not None,
        },
        "csv": {"--reviewer": reviewer != "crosscheck", "--date": published is not None},
    }
    misapplied = [name for name, given in options[kind].items() if given]  # fmt: skip
    if misapplied:
        raise click.UsageError(f"{misapplied[0]} does not apply to export {kind}; leave it out")
    if kind == "claimreview":
        dataset = _load(_dataset_path(path), "nothing exported")
        day = datetime.date.today() if published is None else published.date()
        if not reviewer.strip():
            raise BadInput("--reviewer is empty; name the organisation publishing the reviews")
        window = _settings(_dataset_path(path)).window
        text = exports.claim_reviews(dataset, reviewer=reviewer.strip(), date=day, window=window)
    else:
        text = exports.findings_csv(_checked(path, _selection(path, select, ignore, preview)))
    target = None if str(output) == "-" else output
    _write(target, text)
    if target is not None:
        click.echo(f"{kind} written to {target}", err=True)


# -- config -----------------------------------------------------------------------------------


def _setting(value: object) -> str:
    """A setting's value as the file would write it."""
    if value is None:
        return "(every stable rule)"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {_setting(v)}" for k, v in value.items()) + "}"
    return json.dumps(list(value) if isinstance(value, tuple) else value)


@cli.command("config")
@click.argument("path", required=False, type=click.Path(path_type=Path, file_okay=False))
@_selection_options(" (as run would)")
@click.option("--fail-on", type=click.Choice(list(FAIL_ON)), default=None, help="As for run.")
@click.option("--format", "format_name", type=click.Choice(list(FORMATS)), default=None,
              help="As for run.")  # fmt: skip
def config_command(
    path: Path | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    preview: bool | None,
    fail_on: str | None,
    format_name: str | None,
) -> None:
    """Show the settings `crosscheck run` would use for the dataset at PATH (default: the
    current folder's project), each with where it came from: the settings file found
    (pyproject.toml's [tool.crosscheck] or crosscheck.toml, looked for from PATH up), the
    command line, or the default."""
    settings = _selection(path, select, ignore, preview, fail_on=fail_on, format=format_name)
    found = "none (defaults only)" if settings.file is None else str(settings.file)
    click.echo(f"settings file: {found}")
    for key, value in settings.values.items():
        click.echo(f"{key} = {_setting(value)}  # {settings.origins[key]}")


# -- accept -----------------------------------------------------------------------------------


@cli.command("accept")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--reason", required=True, help="Why the findings are accepted (kept with them).")
@click.option(
    "--select",
    "-s",
    multiple=True,
    metavar="RULES",
    help="Accept only findings of these rules: codes, prefixes or names.",
)
@click.option(
    "--ignore", "-i", multiple=True, metavar="RULES", help="Leave out findings of these rules."
)
@click.option(
    "--fingerprint",
    "-f",
    "fingerprints",
    multiple=True,
    metavar="FINGERPRINT",
    help="Accept only the findings with these fingerprints; repeat for several.",
)
@click.option("--preview/--no-preview", default=None, help="Also consider preview rules.")
@_window_options
def accept_command(
    path: Path | None,
    reason: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fingerprints: tuple[str, ...],
    preview: bool | None,
    match_days: int | None,
    match_km: float | None,
) -> None:
    """Accept the active findings of the dataset at PATH, with a reason.

    Each is written to the dataset's accepted.toml (accepted.jsonl in the bulk format) with its
    fingerprint, code and the positions it holds now, so a position that appears later makes
    the acceptance stale and the finding alarms again. Acceptances already there are kept, with
    their reasons; a finding accepted again (because a new position made it active) gets the
    new reason and positions. The file is written whole or not at all.
    """
    from crosscheck.loading import dump_accepted
    from crosscheck.model import Acceptance

    if not reason.strip():
        raise BadInput("--reason is empty; say why the findings are accepted")
    settings = _selection(path, select, ignore, preview, match_days=match_days,
                          match_km=match_km)  # fmt: skip
    run = _checked(path, settings)
    chosen = [f for f in run.review.active if not fingerprints or f.fingerprint in fingerprints]
    unknown = set(fingerprints) - {f.fingerprint for f in run.review.active}
    if unknown:
        from crosscheck.names import did_you_mean

        first = sorted(unknown)[0]
        hint = did_you_mean(first, [f.fingerprint for f in run.review.active])
        raise BadInput(f"no active finding has the fingerprint {first!r}"
                       + (f"; {hint}" if hint else " (see crosscheck run)"))  # fmt: skip
    fresh = {
        f.fingerprint: Acceptance(f.fingerprint, reason.strip(), f.code,
                                  tuple(p.claims for p in f.positions), f.severity)
        for f in chosen
    }  # fmt: skip
    kept = [a for a in run.dataset.accepted if a.fingerprint not in fresh]
    folder = Path(run.dataset_path)
    try:
        dump_accepted([*kept, *fresh.values()], folder)
    except OSError as error:
        raise BadInput(f"cannot write the accepted findings in {folder}: "
                       f"{error.strerror or error}") from None  # fmt: skip
    again = sum(1 for a in run.dataset.accepted if a.fingerprint in fresh)
    click.echo(f"accepted {len(fresh)} finding{'s' * (len(fresh) != 1)} in {folder}"
               + (f" ({again} accepted again)" if again else ""), err=True)  # fmt: skip


# -- convert ----------------------------------------------------------------------------------


def _writable_target(target: Path, force: bool) -> None:
    """Refuse a TARGET that is a file, or a folder holding anything without --force."""
    from crosscheck.loading import ACTORS_FILE, BULK_MANIFEST

    if target.exists() and not target.is_dir():
        raise BadInput(f"{target}: expected a folder to write into, found a file")
    if target.is_dir() and any(target.iterdir()) and not force:
        held = (target / BULK_MANIFEST).exists() or (target / ACTORS_FILE).exists()
        what = "a dataset" if held else "other files"
        raise BadInput(f"{target}: expected an empty or new folder, found {what} (add --force "
                       "to replace it all)")  # fmt: skip


@cli.command("convert")
@click.argument("source", type=click.Path(path_type=Path))
@click.argument("target", type=click.Path(path_type=Path))
@click.option("--to", "to_format", type=click.Choice(["toml", "bulk"]), default=None,
              help="Target format [default: the other one].")  # fmt: skip
@click.option("--force", is_flag=True,
              help="Replace TARGET even when it holds a dataset or other files.")  # fmt: skip
def convert_command(source: Path, target: Path, to_format: str | None, force: bool) -> None:
    """Convert the dataset at SOURCE into the other format, written to TARGET.

    The curated format (TOML and text files) becomes the bulk format (JSON Lines) and back. The
    whole dataset is written or nothing: it is built in a new folder beside TARGET, which then
    takes TARGET's place. Nothing is written if SOURCE has problems; TARGET may not be SOURCE,
    and a TARGET that is not empty is replaced only with --force.
    """
    from crosscheck.loading import BULK_MANIFEST, dump, dump_bulk
    from crosscheck.output import replace_folder

    if target.exists() and source.exists() and target.resolve() == source.resolve():
        raise BadInput(f"{target}: expected a folder other than SOURCE, found SOURCE itself (it "
                       "would then hold both formats; write the conversion elsewhere)")  # fmt: skip
    if source.exists():
        real_source, real_target = source.resolve(), target.resolve()
        if real_source.is_relative_to(real_target):
            raise BadInput(f"{target}: expected a folder apart from SOURCE, found one that holds "
                           "SOURCE (replacing it would delete SOURCE; write the conversion "
                           "elsewhere)")  # fmt: skip
        if real_target.is_relative_to(real_source):
            raise BadInput(f"{target}: expected a folder apart from SOURCE, found one inside "
                           "SOURCE (write the conversion outside it)")  # fmt: skip
    _writable_target(target, force)
    dataset = _load(source, "nothing converted")
    if to_format is None:
        to_format = "toml" if (source / BULK_MANIFEST).is_file() else "bulk"
    writer = dump_bulk if to_format == "bulk" else dump
    try:
        replace_folder(target, lambda folder: writer(dataset, folder))
    except OSError as error:
        raise BadInput(f"cannot write {target}: {error.strerror or error} (nothing was changed)"
                       ) from None  # fmt: skip
    click.echo(f"{source} → {target} ({to_format}): {len(dataset.reports)} reports, "
               f"{len(dataset.claims)} claims", err=True)  # fmt: skip


# -- import -----------------------------------------------------------------------------------


@cli.command("import")
@click.argument("layout", type=click.Choice(["ged", "acled"]))
@click.argument("export", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--output", "-o", "target", type=click.Path(path_type=Path, file_okay=False),
              required=True, help="The folder to write the dataset to.")  # fmt: skip
@click.option("--to", "to_format", type=click.Choice(["bulk", "toml"]), default="bulk",
              show_default=True,
              help="The dataset format: bulk (JSON Lines) or toml (a file and a text per "
              "report; for a few thousand rows).")  # fmt: skip
@click.option("--skip-invalid", is_flag=True,
              help="Leave out the rows that cannot be imported, count and list them, and write "
              "the rest [default: write nothing when a row cannot be imported].")  # fmt: skip
@click.option("--published", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="When the dataset stated its figures: the day the version was released "
              "[default: GED, the 1st of January after each event; ACLED, each row's "
              "timestamp].")  # fmt: skip
@click.option(
    "--force",
    is_flag=True,
    help="Replace the output folder even when it holds a dataset or other files.",
)
def import_command(
    layout: str,
    export: Path,
    target: Path,
    to_format: str,
    skip_invalid: bool,
    published: datetime.datetime | None,
    force: bool,
) -> None:
    """Write the coded export EXPORT (a UCDP GED or ACLED-layout CSV) as a crosscheck dataset.

    Each row becomes one incident with a claim per figure and side, on the word of each
    source the row names (docs/import.md maps every column). A row that cannot be imported is
    one line naming the file, its line and column, and nothing is written — unless
    --skip-invalid leaves such rows out. The dataset is written whole or not at all.
    """
    from crosscheck.imports import read_export
    from crosscheck.loading import DatasetError, dump, dump_bulk
    from crosscheck.output import replace_folder

    _writable_target(target, force)
    day = None if published is None else published.date()
    try:
        imported = read_export(layout, export, skip_invalid=skip_invalid, published=day,
                               texts=to_format == "toml")  # fmt: skip
    except DatasetError as error:
        for problem in error.problems:
            click.echo(str(problem), err=True)
        count = len(error.problems)
        click.echo(f"{count} problem{'s' * (count != 1)} in {export}; nothing imported (add "
                   "--skip-invalid to leave those rows out)", err=True)  # fmt: skip
        sys.exit(EXIT_BAD_INPUT)
    for problem in imported.skipped:
        click.echo(f"skipped: {problem}", err=True)
    writer = dump_bulk if to_format == "bulk" else dump
    try:
        replace_folder(target, lambda folder: writer(imported.dataset, folder))
    except OSError as error:
        raise BadInput(f"cannot write {target}: {error.strerror or error} (nothing was changed)"
                       ) from None  # fmt: skip
    dataset = imported.dataset
    summary = (f"{export} → {target} ({to_format}): {imported.rows:,} rows, "
               f"{len(dataset.reports):,} incidents, {len(dataset.claims):,} claims")  # fmt: skip
    if imported.silent_rows:
        summary += f"; {imported.silent_rows:,} rows with nothing to check (no fatalities)"
    if imported.skipped_rows:
        summary += f"; {imported.skipped_rows:,} rows skipped"
    click.echo(summary, err=True)


# -- match ------------------------------------------------------------------------------------


def _dataset_or_export(path: Path, verdict: str) -> Dataset:
    """The dataset folder at `path`, or the coded export (a GED or ACLED CSV) it names."""
    if not path.is_file():
        return _load(path, verdict)
    from crosscheck.imports import EXPORTS, layout_of, read_export
    from crosscheck.loading import DatasetError

    layout = layout_of(path)
    if layout is None:
        raise BadInput(f"{path}: expected a dataset folder or a coded export with the columns of "
                       f"{' or '.join(EXPORTS)}, found a file that is neither")  # fmt: skip
    with _reading(path, verdict):
        try:
            return read_export(layout, path).dataset
        except DatasetError:
            raise
    raise AssertionError("unreachable")  # pragma: no cover  (_reading exits on problems)


@cli.command("match")
@click.argument("first", type=click.Path(path_type=Path))
@click.argument("second", type=click.Path(path_type=Path))
@click.option("--days", type=click.IntRange(0, 30), default=None,
              help="Records up to this many days apart may be one incident [default: the "
                   "settings' match-days, else 1].")  # fmt: skip
@click.option("--km", type=click.FloatRange(0, 500), default=None,
              help="… at places that nest or lie within this many km [default: the settings' "
                   "match-km, else 10].")  # fmt: skip
@click.option("--format", "format_name", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")  # fmt: skip
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help="List every record found in only one dataset [default: the first 20].",
)
def match_command(
    first: Path, second: Path, days: int | None, km: float | None, format_name: str,
    show_all: bool,
) -> None:  # fmt: skip
    """Say which records of FIRST and SECOND are the same incident, which are in only one,
    and how the count changes with the window.

    Each is a dataset folder or a coded export (a UCDP GED or ACLED-layout CSV, told by its
    columns). Records are event ids (a claim without one is a record of its own); two records
    are one incident when they share a kind of act (killed, clashed, …), lie up to --days
    apart, and at places that are the same, nest, or lie within --km of each other — one to
    one: a record with two candidates is ambiguous and matched to neither.
    """
    from crosscheck.matching import compare

    a = _dataset_or_export(first, "nothing matched")
    b = _dataset_or_export(second, "nothing matched")
    from crosscheck.loading import DatasetError

    window = _match_window(first, days, km)
    try:
        comparison = compare(a, b, window)
    except DatasetError as error:
        raise BadInput(str(error.problems[0])) from None
    if format_name == "json":
        _write(None, json.dumps(_matching_json(comparison, first, second), indent=2) + "\n")
        return
    _write(None, _matching_text(comparison, first, second, show_all))


def _match_window(first: Path, days: int | None, km: float | None) -> Window:
    """The window `match` pairs records by: the options given, else the settings that apply
    to FIRST (`match-days`, `match-km`), else a day and 10 km."""
    from crosscheck.sameness import Window

    settings = _settings(first if first.is_dir() else first.parent)
    days_set, km_set = settings["match-days"], settings["match-km"]
    if days is None:
        days = 1 if days_set is None else days_set
    if km is None:
        km = 10.0 if km_set is None and days_set is None else km_set
    return Window(days, km)


def _matching_json(comparison: Any, first: Path, second: Path) -> dict[str, Any]:
    def one(matching: Any) -> dict[str, Any]:
        return {
            "days": matching.window.days, "km": matching.window.km,
            "matched": len(matching.matched), "ambiguous": len(matching.ambiguous),
            "only_first": len(matching.only_a), "only_second": len(matching.only_b),
        }  # fmt: skip

    matching = comparison.matching
    return {
        "first": {"path": str(first), "records": len(comparison.a)},
        "second": {"path": str(second), "records": len(comparison.b)},
        **one(matching),
        "pairs": [
            {
                "first": c.a,
                "second": c.b,
                "days_apart": c.days,
                "km_apart": None if c.km is None else round(c.km, 2),
                "places": c.how,
            }
            for c in matching.matched
        ],
        "ambiguous_records": [{"record": r, "candidates": list(c)} for r, c in matching.ambiguous],
        "only_in_first": list(matching.only_a),
        "only_in_second": list(matching.only_b),
        "sensitivity": [one(m) for m in comparison.grid],
    }


def _matching_text(comparison: Any, first: Path, second: Path, show_all: bool) -> str:
    from crosscheck.matching import DAYS, KMS

    matching = comparison.matching
    lines = [f"{first}: {len(comparison.a):,} records; {second}: {len(comparison.b):,} records; "
             f"window {matching.window.describe()}", ""]  # fmt: skip
    lines.append(f"{len(matching.matched):,} matched (one incident in both)")
    for c in matching.matched:
        when = "same dates" if not c.days else f"{c.days} day{'s' * (c.days != 1)} apart"
        lines.append(f"  {c.a} = {c.b}  ({when}; {c.how})")
    lines.append(f"{len(matching.ambiguous):,} ambiguous (a candidate, but two or more on "
                 "one side: matched to none)")  # fmt: skip
    lines.extend(f"  {record} ~ {', '.join(found)}" for record, found in matching.ambiguous)
    for name, alone in ((first, matching.only_a), (second, matching.only_b)):
        lines.append(f"{len(alone):,} only in {name}")
        shown = alone if show_all else alone[:20]
        lines.extend(f"  {record}" for record in shown)
        if len(shown) < len(alone):
            lines.append(f"  … and {len(alone) - len(shown):,} more (--all lists them)")
    lines += ["", "matched records by window (days down, km across):",
              "        " + "".join(f"{k:>7g}" for k in KMS)]  # fmt: skip
    grid = iter(comparison.grid)
    for d in DAYS:
        lines.append(f"  {d:>4}  " + "".join(f"{len(next(grid).matched):>7,}" for _ in KMS))
    return "\n".join(lines) + "\n"


# -- timeline ---------------------------------------------------------------------------------


@cli.command("timeline")
@click.argument("place")
@click.argument("path", required=False, type=click.Path(path_type=Path))
def timeline_command(place: str, path: Path | None) -> None:
    """Print the control timeline of PLACE in the dataset at PATH (default: the example).

    One row per claim that a side holds, took, entered, encircled or left the place (or a
    place within it), oldest first; rows where sources disagree, or that call the place
    contested, are marked with "!".
    """
    path = _dataset_path(path)
    dataset = _load(path, "nothing shown")
    from crosscheck.timeline import control_timeline

    try:
        rows = control_timeline(dataset, place, _registered())
    except KeyError as error:
        raise BadInput(str(error.args[0])) from None
    name = dataset.place(place).name
    if not rows:
        click.echo(f"{name}: no claims about who holds it in {path}")
        return
    header = ("", "when", "place", "claim", "controller", "source", "quote")
    table = [header] + [
        (
            "!" if row.contested else " ",
            row.span,
            row.place,
            row.predicate + (f" ({row.extent})" if row.extent else ""),
            row.controller,
            f"{row.source} [{row.claim}]",
            f"“{_shorten(row.quote, 70)}”",
        )
        for row in rows
    ]
    click.echo(f"Control of {name} ({len(rows)} claims; ! = sources disagree or contested)")
    _echo_table(table)


def _echo_table(rows: Sequence[Sequence[str]]) -> None:
    """Print rows as aligned columns; the last column is not padded."""
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        click.echo("  ".join([*cells, row[-1]]).rstrip())


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- sources ----------------------------------------------------------------------------------


@cli.command("sources")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--format", "format_name", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")  # fmt: skip
def sources_command(path: Path | None, format_name: str) -> None:
    """Show whose word the claims at PATH rest on (default: the bundled example).

    A table of origins — claims made, how many are corroborated, acknowledged, contested,
    denied or single-source, and an estimated trust with the number of claims it rests on —
    then every group of two or more claims about one thing, with its grade.
    """
    path = _dataset_path(path)
    from crosscheck.sources import Grade, sources_report

    report = sources_report(_load(path, "nothing shown"), _settings(path).window)
    if format_name == "json":
        click.echo(json.dumps(_sources_json(report), ensure_ascii=False, indent=2))
        return
    header = ("origin", "claims", "corroborated", "acknowledged", "contested", "denied",
              "single-source", "trust")  # fmt: skip
    rows: list[tuple[str, ...]] = [header]
    for record in report.origins:
        trust = record.trust
        shown = "—" if trust is None else f"{trust.score:.2f} ({trust.support} checked)"
        rows.append((record.name, str(record.claims),
                     *(str(record.grades[g]) for g in (Grade.CORROBORATED, Grade.ACKNOWLEDGED,
                                                       Grade.CONTESTED, Grade.DENIED,
                                                       Grade.SINGLE_SOURCE)),
                     shown))  # fmt: skip
    click.echo(f"Origins in {path} (trust: an estimate by truth discovery, not a fact; "
               "see docs/sources.md)")  # fmt: skip
    _echo_table(rows)
    click.echo()
    click.echo("Groups of two or more claims about one thing:")
    for group in report.groups:
        if len(group.claims) < 2:
            continue
        estimate = report.estimates.get(group.key)
        believed = "" if estimate is None else (
            f"; most believable: {estimate.value}"
            + ("" if estimate.believed else " (evidence evenly split)"))  # fmt: skip
        click.echo(f"  {group.grade.value:<13} {group.key}: {'; '.join(group.reasons)}{believed}")
        click.echo(f"  {'':<13} claims: {', '.join(c.id for c in group.claims)}")


def _sources_json(report: SourcesReport) -> dict[str, object]:
    """The JSON shape of `crosscheck sources --format json` (version 1)."""
    from crosscheck.sources import Grade

    return {
        "version": 1,
        "origins": [
            {
                "origin": record.origin,
                "name": record.name,
                "claims": record.claims,
                "grades": {grade.value: record.grades[grade] for grade in Grade},
                "trust": None if record.trust is None else {
                    "score": record.trust.score,
                    "support": record.trust.support,
                    "weight": record.trust.weight,
                },
            }
            for record in report.origins
        ],
        "groups": [
            {
                "key": group.key,
                "grade": group.grade.value,
                "claims": [claim.id for claim in group.claims],
                "origins": list(group.origins),
                "independent": [list(cluster) for cluster in group.independent],
                "reasons": list(group.reasons),
                "estimate": None if (e := report.estimates.get(group.key)) is None else {
                    "value": e.value, "believed": list(e.believed)},
            }
            for group in report.groups
        ],
    }  # fmt: skip


# -- read -------------------------------------------------------------------------------------


@cli.command("read")
@click.argument("wording")
@click.option(
    "--as",
    "kind",
    type=click.Choice(["figure", "date"]),
    default=None,
    help="Read it only as a figure or only as a date (default: try both).",
)
@click.option("--unit", default=None, help="The figure's unit, as a claim's quantity.unit.")
@click.option(
    "--date",
    "anchor",
    type=DAY,
    default=None,
    help="The report's publication date a date is read against (default: today).",
)
@click.option("--ahead", is_flag=True, help="Read the date as a planned claim's, looking ahead.")
@click.option(
    "--numeric",
    type=click.Choice(["day-first", "month-first"]),
    default=None,
    help="The order of day and month in numeric dates, as a report's numeric_dates declares.",
)
@click.option(
    "--after",
    "after",
    type=DAY,
    default=None,
    help="Count the date forward from this day, as when = { after = ... } does.",
)
@click.option(
    "--before",
    "before",
    type=DAY,
    default=None,
    help="Count the date back from this day, as when = { before = ... } does.",
)
@click.option("--format", "format_name", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")  # fmt: skip
def read_command(
    wording: str,
    kind: str | None,
    unit: str | None,
    anchor: datetime.datetime | None,
    ahead: bool,
    numeric: str | None,
    after: datetime.datetime | None,
    before: datetime.datetime | None,
    format_name: str,
) -> None:
    """Show how WORDING is read, as a figure and as a date, and why.

    Try a phrase before writing it in a claim: the interval or the days it stands for, and the
    reading its explanations will quote. Exits 2 when no reader can read it.
    """
    from crosscheck.dates import DateSpan, NumericDates
    from crosscheck.quantity import Quantity

    if after is not None and before is not None:
        raise BadInput("give --after or --before, not both (a date is counted one way)")
    counted = after or before
    readings: dict[str, Quantity | DateSpan | ValueError] = {}
    if kind in (None, "figure") and counted is None:
        try:
            readings["figure"] = Quantity.parse(wording, unit)
        except ValueError as error:
            readings["figure"] = error
    if kind in (None, "date") and unit is None:
        try:
            if counted is not None:
                base = DateSpan.of(counted.date())
                readings["date"] = DateSpan.parse_relative(wording, base, after=after is not None)
            else:
                day = (anchor or datetime.datetime.now()).date()
                order = None if numeric is None else NumericDates(numeric)
                readings["date"] = DateSpan.parse(wording, day, ahead=ahead, numeric=order)
        except ValueError as error:
            readings["date"] = error
    read = {what: r for what, r in readings.items() if not isinstance(r, ValueError)}
    if format_name == "json":
        document = {"version": 1, "wording": wording}
        document |= {what: _reading_json(r) for what, r in readings.items()}
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        for what, reading in (read or readings).items():
            if isinstance(reading, ValueError):
                click.echo(f"as a {what}: not read — {reading}")
                continue
            click.echo(f"as a {what}: {_shown(reading)}")
            click.echo(f"  {reading.reading}")
    if not read:
        raise click.exceptions.Exit(EXIT_BAD_INPUT)


def _shown(reading: Quantity | DateSpan) -> str:
    import attrs

    from crosscheck.quantity import Quantity

    if isinstance(reading, Quantity):
        return str(attrs.evolve(reading, text=""))
    notes = [] if reading.anchor is None else [f"read against {reading.anchor.isoformat()}"]
    notes += ["looking ahead"] if reading.is_forward else []
    return reading.days + (f" ({', '.join(notes)})" if notes else "")


def _reading_json(reading: Quantity | DateSpan | ValueError) -> dict[str, object]:
    """The JSON of one reading of `crosscheck read --format json` (version 1)."""
    from crosscheck.quantity import Quantity

    if isinstance(reading, ValueError):
        return {"error": str(reading)}
    if isinstance(reading, Quantity):
        high = None if reading.high == float("inf") else reading.high
        return {"low": reading.low, "high": high, "unit": reading.unit,
                "reading": reading.reading}  # fmt: skip
    return {"start": reading.start.isoformat(), "end": reading.end.isoformat(),
            "anchor": None if reading.anchor is None else reading.anchor.isoformat(),
            "looks_ahead": reading.is_forward, "reading": reading.reading}  # fmt: skip


# -- rules ------------------------------------------------------------------------------------


@cli.command("rules")
@click.argument("rule", required=False, metavar="[CODE_OR_NAME]")
def rules_command(rule: str | None) -> None:
    """List every registered rule, or print the full documentation of one."""
    registered = _registered()
    if rule is None:
        if not registered:
            click.echo("no rules are registered")
            return
        header = ("code", "name", "severity", "lifecycle", "summary")
        rows = [header] + [
            (r.code, r.name, r.severity.value, r.lifecycle.value, r.summary) for r in registered
        ]
        _echo_table(rows)
        return
    found = next((r for r in registered if rule.upper() == r.code or rule == r.name), None)
    if found is None:
        from crosscheck.names import did_you_mean

        hint = did_you_mean(rule, [r.code for r in registered] + [r.name for r in registered])
        raise BadInput(f"no rule {rule!r}" + (f"; {hint}" if hint else ""))
    click.echo(f"{found.code} {found.name}")
    click.echo(f"severity: {found.severity.value}; lifecycle: {found.lifecycle.value}")
    click.echo()
    click.echo(found.doc)


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line; usage errors and internal errors become one line and exit code 2."""
    try:
        try:
            code = cli.main(args=argv, prog_name="crosscheck", standalone_mode=False)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as error:  # raised outside any command: the group could not see it
            args = sys.argv[1:] if argv is None else list(argv)
            raise _internal(error, debug="--debug" in args or _debug_variable()) from None
    except click.exceptions.NoArgsIsHelpError as error:
        click.echo(error.ctx.get_help())
        return
    except click.exceptions.Abort:
        click.echo("crosscheck: aborted", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except click.ClickException as error:
        ctx = getattr(error, "ctx", None)
        context = ctx.command_path if ctx is not None else "crosscheck"
        hint = f" (see '{context} --help')" if isinstance(error, click.UsageError) else ""
        click.echo(f"{context}: error: {error.format_message()}{hint}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    if isinstance(code, int) and code:
        sys.exit(code)
