"""What an adversarial sweep of 235 hand-made broken inputs found (issue 12), each pinned:
file names from ids, folders that hold one another, manifests, surrogates, cycles, long
messages, byte-order marks, sizes, control characters."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from crosscheck import load
from crosscheck.cli import cli
from crosscheck.loading import jsonl
from crosscheck.loading.files import LARGEST_FILE
from crosscheck.loading.problems import LONGEST_MESSAGE, Problem, problem_order
from test_bad_inputs import bulk, edit_claim, problems


def _reports(root: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in (root / "reports.jsonl").read_text().splitlines()]


def _write_reports(root: Path, reports: list[dict[str, object]]) -> None:
    (root / "reports.jsonl").write_text("".join(json.dumps(r) + "\n" for r in reports))


@pytest.mark.parametrize("identity", ["../../escaped", "/tmp/abs", "sub/dir", "   ", ".hidden",
                                      "a\nb", " padded"])  # fmt: skip
def test_a_bulk_report_id_must_name_files_in_the_reports_folder(
    mini: Path, tmp_path: Path, identity: str
) -> None:
    root = bulk(mini, tmp_path)
    reports = _reports(root)
    old = reports[0]["id"]
    reports[0]["id"] = identity
    _write_reports(root, reports)
    for index, line in enumerate((root / "claims.jsonl").read_text().splitlines()):
        if json.loads(line)["report"] == old:
            edit_claim(root, index, report=identity)
    found = problems(root)
    assert len(found) == 1  # its claims are not reported again
    assert "reports.jsonl: line 1.id: expected a report id that names its files" in found[0]
    out = tmp_path / "sandbox" / "out"
    result = CliRunner().invoke(cli, ["convert", str(root), str(out), "--to", "toml"])
    assert result.exit_code == 2
    assert not (tmp_path / "sandbox").exists()


def test_convert_never_replaces_a_folder_holding_its_source(mini: Path, tmp_path: Path) -> None:
    project = tmp_path / "proj"
    shutil.copytree(mini, project / "data")
    (project / "NOTES.md").write_text("notes")
    result = CliRunner().invoke(cli, ["convert", str(project / "data"), str(project), "--force"])
    assert result.exit_code == 2
    assert "found one that holds SOURCE" in result.stderr
    inside = CliRunner().invoke(cli, ["convert", str(project / "data"),
                                      str(project / "data" / "reports"), "--force"])  # fmt: skip
    assert inside.exit_code == 2
    assert "found one inside SOURCE" in inside.stderr
    assert load(project / "data") == load(mini)
    assert (project / "NOTES.md").read_text() == "notes"


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ('{"format": "crosscheck-bulk", "version": true}', "expected {\"format\""),
        ('{"format": "crosscheck-bulk", "version": 2, "version": 1}', "the key 'version' twice"),
        ('{"format": "crosscheck-bulk", "version": 1, "x": ' + "[" * 300 + "]" * 300 + "}",
         "expected {\"format\""),
        ('\ufeff{"format": "crosscheck-bulk", "version": 1}', None),
    ],
)  # fmt: skip
def test_the_manifest_is_exactly_what_it_says(
    mini: Path, tmp_path: Path, manifest: str, message: str | None
) -> None:
    root = bulk(mini, tmp_path)
    (root / jsonl.MANIFEST).write_text(manifest, encoding="utf-8")
    if message is None:
        assert load(root) == load(root)  # a byte-order mark is fine
        return
    found = problems(root)
    assert len(found) == 1
    assert message in found[0]


def test_a_lone_surrogate_escape_is_a_problem_not_an_internal_error(
    mini: Path, tmp_path: Path
) -> None:
    root = bulk(mini, tmp_path)
    lines = (root / "reports.jsonl").read_text().splitlines()
    report = json.loads(lines[0])
    lines[0] = json.dumps(report).replace('"title": "', '"title": "\\udc80', 1)
    (root / "reports.jsonl").write_text("\n".join(lines) + "\n")
    found = problems(root)
    assert found == [f"{root / 'reports.jsonl'}: line 1: expected text, found a lone surrogate "
                     "escape such as \\udc80, which is no character (write the character "
                     "itself)"]  # fmt: skip


def test_a_report_file_name_that_is_not_utf8_is_a_problem(mini: Path, tmp_path: Path) -> None:
    root = tmp_path / "d"
    shutil.copytree(mini, root)
    source = next((root / "reports").glob("*.toml"))
    name = b"\xff\xfe"
    (root / "reports").joinpath(name.decode("utf-8", "surrogateescape") + ".toml").write_bytes(
        source.read_bytes())  # fmt: skip
    assert any("it is not valid UTF-8" in line for line in problems(root))


def test_a_closed_standard_output_is_one_line(mini: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "crosscheck", "run", str(mini), "--format", "json"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False,
        preexec_fn=lambda: __import__("os").close(1),
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [
        "crosscheck run: error: cannot print the output: standard output is closed (use --output)"
    ]


def test_a_cycle_of_totals_is_one_problem(mini: Path, tmp_path: Path) -> None:
    root = bulk(mini, tmp_path)
    claims = [json.loads(line) for line in (root / "claims.jsonl").read_text().splitlines()]
    counted = [c for c in claims if c.get("quantity")][:2]
    for index, claim in enumerate(claims):
        if claim["id"] == counted[0]["id"]:
            edit_claim(root, index, total=counted[1]["id"])
        if claim["id"] == counted[1]["id"]:
            edit_claim(root, index, total=counted[0]["id"])
    found = [line for line in problems(root) if "cycle" in line]
    assert len(found) == 1
    assert "expected totals that end, found a cycle" in found[0]


def test_every_message_is_bounded_whatever_it_repeats(mini: Path, tmp_path: Path) -> None:
    root = bulk(mini, tmp_path)
    edit_claim(root, 0, **{f"k{i}": 1 for i in range(10_000)})
    (found,) = problems(root)
    assert len(found) < LONGEST_MESSAGE + 250
    assert "characters left out" in found
    assert found.endswith(")")  # the hint at its end is kept


def test_ids_with_dots_keep_problems_in_claim_order() -> None:
    unordered = [Problem("f", "claims[10] (dot.claim.10).when", "x"),
                 Problem("f", "claims[2] (z.2).when", "x")]  # fmt: skip
    assert [p.path for p in sorted(unordered, key=problem_order)] == [
        "claims[2] (z.2).when", "claims[10] (dot.claim.10).when"]  # fmt: skip


def test_a_byte_order_mark_is_read_past(mini: Path, tmp_path: Path) -> None:
    root = tmp_path / "d"
    shutil.copytree(mini, root)
    for path in [root / "actors.toml", *(root / "reports").glob("*")]:
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load(root) == load(mini)


def test_white_space_ids_and_empty_events_say_so(mini: Path, tmp_path: Path) -> None:
    root = bulk(mini, tmp_path)
    edit_claim(root, 0, id="   ")
    edit_claim(root, 1, event="")
    found = problems(root)
    assert any("expected a claim id, found only white space" in line for line in found)
    assert any("line 2 (" in line and "expected an event id, found an empty string" in line
               for line in found)  # fmt: skip


def test_a_figure_of_more_than_fifteen_digits_is_refused(mini: Path, tmp_path: Path) -> None:
    root = bulk(mini, tmp_path)
    edit_claim(root, 0, quantity="99999999999999999999")
    assert any("more than fifteen digits" in line for line in problems(root))


def test_an_acceptance_must_hold_a_fingerprint(mini: Path, tmp_path: Path) -> None:
    root = bulk(mini, tmp_path)
    (root / "accepted.jsonl").write_text('{"fingerprint": "XYZ", "reason": "seen"}\n')
    assert any("expected a finding's fingerprint, 16 lower-case hexadecimal digits, found 'XYZ'"
               in line for line in problems(root))  # fmt: skip


def test_a_text_too_large_is_refused_unread(mini: Path, tmp_path: Path) -> None:
    root = tmp_path / "d"
    shutil.copytree(mini, root)
    text = next((root / "reports").glob("*.txt"))
    with text.open("r+b") as stream:
        stream.truncate(LARGEST_FILE + 1)  # sparse: no disk, no memory
    assert any(f"found {LARGEST_FILE + 1:,} bytes" in line for line in problems(root))


def test_a_line_too_long_is_skipped_unread(
    mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jsonl, "LONGEST_LINE", 64)
    root = bulk(mini, tmp_path)
    assert any("line 1: expected a line of at most 64 bytes, found a longer one" in line
               for line in problems(root))  # fmt: skip


def test_control_characters_in_a_file_name_are_shown_escaped() -> None:
    assert str(Problem("reports/evil\nname.toml", "", "expected x")) == (
        "reports/evil\\nname.toml: expected x")  # fmt: skip


def test_an_empty_bulk_dataset_is_refused_as_an_empty_toml_one_is(
    mini: Path, tmp_path: Path
) -> None:
    root = bulk(mini, tmp_path)
    (root / "reports.jsonl").write_text("")
    (root / "claims.jsonl").write_text("")
    assert problems(root) == [f"{root / 'reports.jsonl'}: expected at least one report, found none"]


def test_a_folder_holding_both_formats_is_refused(mini: Path, tmp_path: Path) -> None:
    root = bulk(mini, tmp_path)
    shutil.copy(mini / "actors.toml", root / "actors.toml")
    (found,) = problems(root)
    assert found.startswith(f"{root / 'actors.toml'}: expected the files of one format")
    toml = tmp_path / "toml"
    shutil.copytree(mini, toml)
    (toml / "accepted.jsonl").write_text("")
    (found,) = problems(toml)
    assert "found this bulk file in a TOML dataset (it would be ignored" in found


def test_a_report_url_that_is_not_a_web_address_is_refused(mini: Path, tmp_path: Path) -> None:
    root = bulk(mini, tmp_path)
    reports = _reports(root)
    reports[0]["url"] = "javascript:alert(document.title)"
    _write_reports(root, reports)
    assert problems(root) == [f"{root / 'reports.jsonl'}: line 1.url: expected an http or https "
                              "URL, found 'javascript:alert(document.title)' (the address of the "
                              "report on the web, or leave url out)"]  # fmt: skip


def test_a_quote_composed_otherwise_than_its_text_is_found(mini: Path, tmp_path: Path) -> None:
    import unicodedata

    root = tmp_path / "d"
    shutil.copytree(mini, root)
    text = next((root / "reports").glob("*.txt"))
    text.write_text(text.read_text(encoding="utf-8") + "\nÇavuşoğlu said so.\n", encoding="utf-8")
    report = text.with_suffix(".toml")
    decomposed = unicodedata.normalize("NFD", "Çavuşoğlu said so.")
    report.write_text(report.read_text(encoding="utf-8").replace(
        'quote = "', f'quote = "{decomposed}" #', 1), encoding="utf-8")  # fmt: skip
    load(root)  # no problem: the same characters, composed otherwise
