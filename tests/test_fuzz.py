"""Malformed datasets, generated: whatever is broken, `crosscheck show` and `crosscheck run`
print one line per problem naming its file, exit 2, write nothing and never a traceback.

A valid generated dataset is written in one of the two formats, then broken by a few of the
mutations below — a key removed, a value of the wrong type, a figure absurdly large, values
nested deep, a file cut short, undecodable bytes, a folder or nothing where a file belongs.
`nox -s fuzz` runs many more examples (FUZZ_EXAMPLES) with a bound on the time per input
(FUZZ_DEADLINE_MS); the default test session runs a few dozen.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import shutil
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tomli_w
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosscheck import Dataset, dump
from crosscheck.bulk import MANIFEST, dump_bulk
from crosscheck.cli import cli
from crosscheck.testing import datasets

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
DEADLINE = int(os.environ["FUZZ_DEADLINE_MS"]) if "FUZZ_DEADLINE_MS" in os.environ else None

Value = Any
Mutation = Callable[[Value, random.Random], Value]


def _wrong_type(value: Value, rng: random.Random) -> Value:
    return rng.choice([None, 12, -3, 1.5, True, "text", [], {}, [1, "a"], {"x": 1}])


def _huge(value: Value, rng: random.Random) -> Value:
    return rng.choice(["9" * 400, 10**400, "x" * 20_000, "at least " + "9" * 300, -(10**20)])


def _nested(value: Value, rng: random.Random) -> Value:
    deep: Value = "leaf"
    for _ in range(rng.choice([50, 300])):  # deeper still: tests/test_bad_inputs.py
        deep = [deep] if rng.random() < 0.5 else {"k": deep}
    return deep


def _odd_text(value: Value, rng: random.Random) -> Value:
    return rng.choice(["", " ", "\x00", "\u202e", "🙂" * 50, "by " * 500 + "2019", "nan", "inf"])


MUTATIONS: tuple[Mutation, ...] = (_wrong_type, _huge, _nested, _odd_text)


def _paths(value: Value, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place inside a parsed document a mutation may hit."""
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


def _mutate(document: Value, rng: random.Random) -> Value:
    paths = _paths(document)
    if not paths:
        return _wrong_type(document, rng)
    path = rng.choice(paths)
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    if rng.random() < 0.25 and isinstance(parent, dict):
        del parent[path[-1]]
    elif rng.random() < 0.15 and isinstance(parent, dict):
        parent[rng.choice(["unknown", "idd", "quotee"])] = "x"
    else:
        parent[path[-1]] = rng.choice(MUTATIONS)(parent[path[-1]], rng)
    return document


def _toml_safe(value: Value) -> Value:
    """TOML has no null and no integers past 64 bits: write those as strings."""
    if value is None or (isinstance(value, int) and not -(2**63) <= value < 2**63):
        return str(value)
    if isinstance(value, dict):
        return {str(k): _toml_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_toml_safe(v) for v in value]
    return value


def _break_file(path: Path, rng: random.Random) -> None:
    data = path.read_bytes()
    choice = rng.randrange(7)
    if choice == 0:  # cut short
        path.write_bytes(data[: rng.randrange(len(data) + 1)])
    elif choice == 1:  # undecodable bytes
        path.write_bytes(data + b"\xff\xfe\x80")
    elif choice == 2:  # nothing where a file belongs
        path.unlink()
    elif choice == 3:  # a folder where a file belongs
        path.unlink()
        path.mkdir()
    elif path.suffix == ".toml":
        document = tomllib.loads(data.decode("utf-8"))
        text = tomli_w.dumps(_toml_safe(_mutate(document, rng)))
        path.write_text(text, encoding="utf-8")
    elif path.suffix == ".jsonl":
        lines = data.decode("utf-8").splitlines() or ["{}"]
        index = rng.randrange(len(lines))
        line = json.dumps(_mutate(json.loads(lines[index]), rng), default=str)
        lines[index] = line if rng.random() < 0.9 else line + ', "id": 1}'
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        path.write_bytes(data.replace(b" ", b"", 1))


def _digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        digest.update(str(path.relative_to(root)).encode())
        if path.is_file() and not path.is_symlink():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@settings(
    max_examples=EXAMPLES,
    deadline=DEADLINE,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    dataset=datasets(),
    bulk=st.booleans(),
    seed=st.integers(0, 2**32 - 1),
    breaks=st.integers(1, 3),
    command=st.sampled_from(["show", "run"]),
)
def test_a_broken_dataset_is_one_line_per_problem_and_exit_2(
    dataset: Dataset, bulk: bool, seed: int, breaks: int, command: str, tmp_path: Path
) -> None:
    rng = random.Random(seed)
    root = tmp_path / f"d{seed}"
    if root.exists():
        shutil.rmtree(root)
    (dump_bulk if bulk else dump)(dataset, root)
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.name != MANIFEST)
    for path in rng.sample(files, min(breaks, len(files))):
        if path.exists() and path.is_file():
            _break_file(path, rng)
    before = _digest(root)
    result = CliRunner().invoke(cli, [command, str(root)])
    output = result.output + result.stderr
    assert "Traceback" not in output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert result.exit_code in (0, 1, 2), result.exit_code
    if result.exit_code == 2:
        lines = result.stderr.splitlines()
        assert lines, output
        problems, summary = lines[:-1], lines[-1]
        assert "problem" in summary or re.match(r"crosscheck( \w+)?: error:", summary), summary
        for line in problems:
            assert line.startswith(str(root)), line
            assert len(line) < 1000, line[:200]
    assert _digest(root) == before  # nothing written
