"""The `crosscheck` command line.

Exit codes follow linters: 0 clean, 1 findings at or above the failure threshold, 2 bad input or
usage. Every error is one line on standard error; no traceback reaches the user.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from crosscheck import __version__
from crosscheck.loading import DatasetError, load

__all__ = ["main"]

EXIT_BAD_INPUT = 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="crosscheck", message="%(prog)s %(version)s")
def cli() -> None:
    """Check curated claims from news reports against each other."""


@cli.command()
@click.argument("path", type=click.Path(path_type=Path))
def show(path: Path) -> None:
    """Load the dataset at PATH and summarise it, or list every problem in it."""
    try:
        dataset = load(path)
    except DatasetError as error:
        for problem in error.problems:
            click.echo(str(problem), err=True)
        count = len(error.problems)
        click.echo(f"{count} problem{'s' * (count != 1)} in {path}; nothing loaded", err=True)
        sys.exit(EXIT_BAD_INPUT)
    click.echo(
        f"{path}: {len(dataset.reports)} reports, {len(dataset.claims)} claims, "
        f"{len(dataset.actors)} actors, {len(dataset.places)} places"
    )
    for report in sorted(dataset.reports, key=lambda r: (r.published, r.id)):
        outlet = dataset.actor(report.outlet).name
        claims = len(dataset.claims_of(report.id))
        click.echo(f"  {report.published}  {report.id}  {outlet}: {claims} claims — {report.title}")


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line; usage errors become one line and exit code 2."""
    try:
        code = cli.main(args=argv, prog_name="crosscheck", standalone_mode=False)
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
