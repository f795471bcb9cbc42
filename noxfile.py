"""Developer sessions for crosscheck.

`nox` with no arguments runs the default sessions (tests, lint, typecheck); `nox -s NAME` runs one.
Every session installs what it needs from the dependency groups in pyproject.toml, so a fresh
machine needs only Python and nox.
"""

from __future__ import annotations

import shutil
import subprocess

import nox

nox.options.sessions = ["tests", "lint", "typecheck"]
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = True

PYPROJECT = nox.project.load_toml("pyproject.toml")
DECLARED = ("3.11", "3.12", "3.13", "3.14")
"""The Pythons pyproject.toml's requires-python admits that CPython has released."""


def _runs(version: str) -> bool:
    """Whether `pythonX.Y` is on this machine and runs (a pyenv shim of a missing one fails)."""
    found = shutil.which(f"python{version}")
    if found is None:
        return False
    return subprocess.run([found, "-c", ""], capture_output=True, check=False).returncode == 0


PYTHONS = [version for version in DECLARED if _runs(version)] or None
"""The tests run on each declared Python this machine has (None: the one running nox)."""


def install_group(session: nox.Session, group: str) -> None:
    """Install one dependency group of pyproject.toml into the session."""
    session.install(*nox.project.dependency_groups(PYPROJECT, group))


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """Run the tests (pytest, hypothesis) under coverage on each declared Python it finds.

    The package is installed first, so the tests run against it, not the source tree.

    Extra arguments go to pytest: `nox -s tests -- -k quantity`.
    """
    install_group(session, "test")
    session.install(".")
    session.run("coverage", "erase")
    session.run("coverage", "run", "-m", "pytest", *session.posargs)
    session.run("coverage", "combine", "--quiet")
    session.run("coverage", "report")


@nox.session
def lint(session: nox.Session) -> None:
    """Check style and common bugs with ruff (lint rules and formatting)."""
    install_group(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Benchmark crosscheck at 10k, 100k and 1M claims against DuckDB; write results.md.

    Not a default session: it takes minutes. `nox -s bench -- 10000 100000` picks sizes.
    """
    install_group(session, "bench")
    session.install(".")
    session.run("python", "benchmarks/bench.py", *session.posargs)


@nox.session(default=False)
def minimums(session: nox.Session) -> None:
    """Run the tests against the lowest versions of the dependencies pyproject.toml declares.

    Not a default session. Each `name>=X` of `[project].dependencies` is installed as
    `name==X`, so a lower bound that no longer works fails here rather than for a user.
    """
    pins = [
        requirement.replace(">=", "==")
        for requirement in PYPROJECT["project"]["dependencies"]
        if ">=" in requirement
    ]
    install_group(session, "test")
    session.install(*pins)
    session.install("--no-deps", ".")
    session.run("python", "-m", "pip", "check")
    session.run("pytest", "-q", "-p", "no:cacheprovider", *session.posargs)


@nox.session(default=False)
def fuzz(session: nox.Session) -> None:
    """Feed thousands of generated malformed datasets, in both formats, through the CLI.

    Not a default session (the default tests run a few dozen). Each must give one line per
    problem naming its file, exit 2, no traceback, nothing written, within FUZZ_DEADLINE_MS
    (5,000 by default) per input. `nox -s fuzz -- 5000` sets the number of examples.
    """
    install_group(session, "test")
    session.install(".")
    examples = session.posargs[0] if session.posargs else "2000"
    env = {"FUZZ_EXAMPLES": examples, "FUZZ_DEADLINE_MS": "5000"}
    session.run("pytest", "-q", "-p", "no:cacheprovider", "tests/test_fuzz.py", env=env)


@nox.session(default=False)
def peers(session: nox.Session) -> None:
    """Score the date and figure readers on Recognizers-Text's English specs; write peers.md.

    Not a default session. `nox -s peers -- PATH` takes the folder of spec files (by default
    ../shared/peers/recognizers-text) and says how to get them when it is absent; add
    `--failures` to list every phrase not read right.
    """
    install_group(session, "peers")
    session.install(".")
    session.run("python", "benchmarks/peers.py", *session.posargs)


@nox.session
def typecheck(session: nox.Session) -> None:
    """Type-check the library with mypy --strict (settings in pyproject.toml)."""
    install_group(session, "typecheck")
    session.install(".")
    session.run("mypy", "src", "tests", "benchmarks", "noxfile.py")
