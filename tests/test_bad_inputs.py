"""Malformed input of any shape and size: one line per problem, exit 2, never a traceback or a
hang (issue 12)."""

from __future__ import annotations

import json
import os
import re
import shutil
import tomllib
from pathlib import Path

import pytest
import tomli_w
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosscheck import Dataset, DatasetError, dump, load
from crosscheck.bulk import MANIFEST, dump_bulk
from crosscheck.cli import cli
from crosscheck.loading.problems import Problem, problem_order
from crosscheck.testing import datasets


def problems(root: Path) -> list[str]:
    with pytest.raises(DatasetError) as caught:
        load(root)
    lines = [str(problem) for problem in caught.value.problems]
    assert all("\n" not in line for line in lines)
    return lines


def bulk(mini: Path, tmp_path: Path) -> Path:
    root = tmp_path / "bulk"
    dump_bulk(load(mini), root)
    return root


def edit_claim(root: Path, index: int, **changes: object) -> None:
    path = root / "claims.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    claim = json.loads(lines[index])
    claim.update(changes)
    lines[index] = json.dumps(claim)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_toml_nested_hundreds_deep_is_one_line(mini: Path, tmp_path: Path) -> None:
    root = tmp_path / "d"
    shutil.copytree(mini, root)
    (root / "places.toml").write_text("x = " + "[" * 2000 + "]" * 2000 + "\n", encoding="utf-8")
    found = problems(root)
    assert any("nested hundreds of levels deep" in line for line in found)


def test_json_nested_hundreds_deep_is_one_line(mini: Path, tmp_path: Path) -> None:
    root = bulk(mini, tmp_path)
    with (root / "claims.jsonl").open("a", encoding="utf-8") as stream:
        stream.write('{"id": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
    assert any("nested hundreds of levels deep" in line for line in problems(root))


def test_a_key_twice_in_a_json_line_is_a_problem(mini: Path, tmp_path: Path) -> None:
    root = bulk(mini, tmp_path)
    path = root / "claims.jsonl"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    path.write_text(first[:-1] + ', "note": "a", "note": "b"}\n', encoding="utf-8")
    assert any("the key 'note' twice in one object" in line for line in problems(root))


@pytest.mark.parametrize(
    ("extra", "named"),
    [
        (', "note": "a", "via": [], "note": "b", "via": []', "note"),  # the first key seen again
        (', "via": [], "note": "a", "note": "b", "via": []', "note"),
        (', "quantity": {"text": "5", "text": "6"}', "text"),  # inside a nested object
    ],
)
def test_the_key_named_twice_is_the_first_that_comes_again(
    mini: Path, tmp_path: Path, extra: str, named: str
) -> None:
    root = bulk(mini, tmp_path)
    path = root / "claims.jsonl"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    path.write_text(first[:-1] + extra + "}\n", encoding="utf-8")
    found = [line for line in problems(root) if "twice in one object" in line]
    assert len(found) == 1
    assert f"the key {named!r} twice in one object" in found[0]
    assert "claims.jsonl: line 1" in found[0]


def test_a_byte_order_mark_inside_a_json_file_is_named(mini: Path, tmp_path: Path) -> None:
    """Files saved with a BOM and joined by `cat` carry one on a later line."""
    root = bulk(mini, tmp_path)
    path = root / "claims.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0], "\ufeff" + lines[0]]) + "\n", encoding="utf-8")
    assert any("line 2" in line and "Unexpected UTF-8 BOM" in line for line in problems(root))


def test_nan_in_a_json_line_is_a_problem(mini: Path, tmp_path: Path) -> None:
    root = bulk(mini, tmp_path)
    path = root / "claims.jsonl"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    path.write_text(first[:-1] + ', "x": NaN}\n', encoding="utf-8")
    assert any("found NaN, which is no figure" in line for line in problems(root))


@pytest.mark.parametrize(
    ("quantity", "expected"),
    [
        ({"text": "x", "low": -3, "high": 5}, "quantity.low: expected a bound of 0 or more"),
        ({"text": "x", "low": "Infinity", "high": "Infinity"}, "quantity.low: expected a number"),
        ({"text": "x", "low": 10**400, "high": 10**401}, "expected a number below a million"),
    ],
)
def test_impossible_explicit_intervals_are_problems(
    mini: Path, tmp_path: Path, quantity: dict[str, object], expected: str
) -> None:
    root = bulk(mini, tmp_path)
    edit_claim(root, 1, quantity=quantity)
    found = problems(root)
    assert any(expected in line for line in found), found


def test_an_open_low_bound_is_a_problem(mini: Path, tmp_path: Path) -> None:
    root = bulk(mini, tmp_path)
    path = root / "claims.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    claim = json.loads(lines[1])
    claim["quantity"] = {"text": "x", "low": 1, "high": 2}
    lines[1] = json.dumps(claim).replace('"low": 1', '"low": Infinity')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert any("expected a finite low bound, found inf" in line for line in problems(root))


def test_a_folder_where_a_file_belongs_says_so(mini: Path, tmp_path: Path) -> None:
    root = tmp_path / "d"
    shutil.copytree(mini, root)
    (root / "places.toml").unlink()
    (root / "places.toml").mkdir()
    assert any(
        line.endswith("places.toml: expected this file, found a folder (a file belongs here)")
        for line in problems(root)
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_where_a_file_belongs_is_reported_not_waited_on(mini: Path, tmp_path: Path) -> None:
    root = tmp_path / "d"
    shutil.copytree(mini, root)
    (root / "places.toml").unlink()
    os.mkfifo(root / "places.toml")
    assert any("found a special file, not a regular one" in line for line in problems(root))


def test_a_symlink_loop_where_a_file_belongs_says_so(mini: Path, tmp_path: Path) -> None:
    root = tmp_path / "d"
    shutil.copytree(mini, root)
    (root / "places.toml").unlink()
    (root / "places.toml").symlink_to(root / "places.toml")
    assert any("found a symlink loop" in line for line in problems(root))


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root reads all")
def test_an_unreadable_claims_file_is_one_line(mini: Path, tmp_path: Path) -> None:
    root = bulk(mini, tmp_path)
    (root / "claims.jsonl").chmod(0)
    assert any("claims.jsonl: expected a readable file" in line for line in problems(root))


def test_a_bulk_folder_without_its_manifest_asks_for_the_manifest(
    mini: Path, tmp_path: Path
) -> None:
    root = bulk(mini, tmp_path)
    (root / MANIFEST).unlink()
    (found,) = problems(root)
    assert "expected the bulk format's manifest beside claims.jsonl" in found


def test_a_null_is_named_null_and_long_values_are_cut(mini: Path, tmp_path: Path) -> None:
    root = bulk(mini, tmp_path)
    edit_claim(root, 0, quote=None)
    edit_claim(root, 1, source=["x" * 5000])
    found = problems(root)
    assert any("found null (put it in quotes)" in line for line in found)
    assert all(len(line) < 600 for line in found), max(map(len, found))


def test_duplicated_and_reasonless_acceptances_are_problems_in_both_formats(
    mini: Path, tmp_path: Path
) -> None:
    root = bulk(mini, tmp_path)
    entry = {"fingerprint": "f" * 16, "reason": " "}
    (root / "accepted.jsonl").write_text(
        json.dumps(entry) + "\n" + json.dumps(entry) + "\n", encoding="utf-8"
    )
    found = problems(root)
    assert any("expected each fingerprint once" in line for line in found)
    assert any("expected the reviewer's reason" in line for line in found)


def test_problems_are_in_line_order_whatever_the_digits() -> None:
    def at(path: str) -> Problem:
        return Problem("claims.jsonl", path, "m")

    shuffled = [at("line 1000 (b).when"), at("line 225 (a).when"), at("line 9"), at("")]
    assert [p.path for p in sorted(shuffled, key=problem_order)] == [
        "", "line 9", "line 225 (a).when", "line 1000 (b).when"
    ]  # fmt: skip
    claims = [at("claims[10] (z).when"), at("claims[2] (y).when")]
    assert min(claims, key=problem_order).path == "claims[2] (y).when"


def test_the_cli_shows_them_as_lines_and_exits_2(mini: Path, tmp_path: Path) -> None:
    root = bulk(mini, tmp_path)
    edit_claim(root, 1, quantity={"text": "x", "low": -3, "high": 5})
    result = CliRunner().invoke(cli, ["show", str(root)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output + result.stderr


MISTAKES = (
    ("predicate", "kiled"), ("source", "nobody-known"), ("quantity", "seventy-ish"),
    ("when", "the other day"), ("quote", "a passage the report does not hold"),
    ("total", "no-such-claim"), ("agent", ""), ("modality", "maybe"), ("place", "Atlantis"),
    ("denies", "agent"), ("when", {"text": "two days later", "after": "no-such"}),
    ("extent", "partial"), ("as_of", "next year"), ("via", ["nobody-known"]),
)  # fmt: skip


def _messages(root: Path) -> list[str]:
    """The problems of loading `root`, with each format's file names spelled alike."""
    try:
        load(root)
    except DatasetError as error:
        return sorted(re.sub(r"(\w+)\.jsonl", r"\1.toml", p.message) for p in error.problems)
    return []


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(dataset=datasets(), mistake=st.sampled_from(MISTAKES), pick=st.integers(0, 100))
def test_both_formats_find_the_same_problems(
    dataset: Dataset, mistake: tuple[str, object], pick: int, tmp_path: Path
) -> None:
    """One mistake made in a claim of each format gives the same problems in both."""
    if not dataset.claims:
        return
    key, value = mistake
    claim = dataset.claims[pick % len(dataset.claims)]
    toml_root, bulk_root = tmp_path / f"t{pick}-{key}", tmp_path / f"b{pick}-{key}"
    for root in (toml_root, bulk_root):
        if root.exists():
            shutil.rmtree(root)
    dump(dataset, toml_root)
    dump_bulk(dataset, bulk_root)
    report = toml_root / "reports" / f"{claim.report}.toml"
    document = tomllib.loads(report.read_text(encoding="utf-8"))
    for entry in document["claims"]:
        if entry["id"] == claim.id:
            entry[key] = value
    report.write_text(tomli_w.dumps(document), encoding="utf-8")
    lines = []
    for line in (bulk_root / "claims.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        if entry["id"] == claim.id:
            entry[key] = value
        lines.append(json.dumps(entry))
    (bulk_root / "claims.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _messages(toml_root) == _messages(bulk_root)
