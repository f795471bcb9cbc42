"""Output formats — text, JSON, markdown, SARIF — and the claim locations they cite."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import click
import pytest

from crosscheck import Acceptance, Claim, Severity, check, load
from crosscheck.engine import Context
from crosscheck.findings import Violation
from crosscheck.locations import claim_locations
from crosscheck.registry import Rule, rule
from crosscheck.render import FORMATS, Run, render
from crosscheck.review import review

MINI = Path(__file__).parent / "data" / "mini"
SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
DOC = """A test rule.

What it flags
-------------
Whatever its test wants.

Why it matters
--------------
It exercises the output formats.

Flagged
-------
The claims it picks.

Not flagged
-----------
The others.
"""


def make_rule(
    code: str, name: str, severity: Severity, pick: Callable[[Context], Iterable[tuple[Claim, ...]]]
) -> Rule:
    """A rule citing each group of claims `pick` chooses, with a one-step explanation."""

    def flag(context: Context) -> Iterator[Violation]:
        for claims in pick(context):
            ids = ", ".join(c.id for c in claims)
            yield Violation(f"{name} flags {ids}.", claims, (f"picked by {code}",))

    flag.__doc__ = DOC
    return rule(code, name, severity)(flag)


RULES = (
    make_rule("TST001", "test.event", Severity.ERROR,
              lambda c: [tuple(x for x in c.claims if x.event == "clash-2020-02-03")]),
    make_rule("TST002", "test.count", Severity.WARNING,
              lambda c: [(x,) for x in c.with_predicate("count")]),
    make_rule("TST003", "test.took", Severity.INFO,
              lambda c: [(x,) for x in c.with_predicate("took")]),
)  # fmt: skip
FINGERPRINTS = {f.code: f.fingerprint for f in check(load(MINI), rules=RULES)}


def make_run(accepted: Iterable[Acceptance] = (), rules: tuple[Rule, ...] = RULES) -> Run:
    dataset = load(MINI)
    findings = check(dataset, rules=rules)
    return Run(str(MINI), dataset, review(findings, accepted), rules, claim_locations(MINI))


# -- locations --------------------------------------------------------------------------------


def test_locations_point_at_each_claims_id_line() -> None:
    """Each claim maps to its report file (relative, posix) and the line of its id."""
    locations = claim_locations(MINI)
    assert locations["reuters-entered-saraqeb"] == ("reports/reuters-2020-02-06.toml", 7)
    assert locations["tr-saraqib-retaken"] == ("reports/turkish-outlet-2020-02-27.toml", 27)
    assert len(locations) == len(load(MINI).claims)


def test_locations_read_any_quoting_and_skip_what_is_not_a_claim_id(tmp_path: Path) -> None:
    """Single quotes and spacing are read; sub-tables and multi-line strings are not claim ids."""
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "r.toml").write_text(
        '[report]\nid = "not-a-claim"\n\n'
        "[[claims]]\nid='single'\nnote = '''\nid = \"inside-a-string\"\n'''\n"
        '[claims.quantity]\nid = "a-sub-table"\n\n'
        '[[ claims ]]  # spaced\n  id   =   "spaced"\n',
        encoding="utf-8",
    )
    assert claim_locations(tmp_path) == {"single": ("reports/r.toml", 5),
                                         "spaced": ("reports/r.toml", 13)}  # fmt: skip


# -- text -------------------------------------------------------------------------------------


def test_text_groups_findings_by_severity_most_severe_first() -> None:
    """Errors come before warnings, warnings before info, each group under its heading."""
    lines = render(make_run(), "text").splitlines()
    order = [lines.index(h) for h in ("1 error", "TST001 test.event  error", "1 warning",
             "TST002 test.count  warning", "1 info", "TST003 test.took  info")]  # fmt: skip
    assert order == sorted(order)


def test_text_summary_is_the_last_line() -> None:
    """The summary line comes last and counts findings, reports and claims."""
    assert render(make_run(), "text").splitlines()[-1] == (
        "1 error, 1 warning, 1 info in 2 reports (7 claims)"
    )


def test_text_cites_each_claim_with_report_location_source_and_quote() -> None:
    """A cited claim shows its id, report, file:line, the source's name and the quote."""
    assert (
        f"  - [reuters-idlib-population] reuters-2020-02-06 ({MINI}/reports/"
        "reuters-2020-02-06.toml:38) — Reuters: “Idlib province is home to some 3 million people”"
    ) in render(make_run(), "text").splitlines()


def test_text_indents_the_explanation_under_why() -> None:
    """The explanation follows `why:`, one indented line per step, then the fingerprint."""
    text = render(make_run(), "text")
    block = text.split("TST003 test.took  info\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert block[2:4] == ["  why:", "    picked by TST003"]
    assert all(line.startswith("    ") for line in block[4:-1])
    assert block[-1] == f"  fingerprint: {FINGERPRINTS['TST003']}"


def test_text_is_coloured_only_when_asked() -> None:
    """Without `color` there are no ANSI codes; with it, the same text gains them."""
    plain, coloured = render(make_run(), "text"), render(make_run(), "text", color=True)
    assert "\x1b[" not in plain
    assert "\x1b[" in coloured
    assert click.unstyle(coloured) == plain


def test_text_lists_accepted_and_stale_acceptances_briefly() -> None:
    """Suppressed findings and stale acceptances get one line each, and the summary counts them."""
    accepted = [Acceptance(FINGERPRINTS["TST002"], "population, not a toll", "TST002"),
                Acceptance("0123456789abcdef", "claims since edited", "TST001")]  # fmt: skip
    lines = render(make_run(accepted), "text").splitlines()
    assert f"accepted: TST002 {FINGERPRINTS['TST002']} — population, not a toll" in lines
    assert (
        "stale acceptance: TST001 0123456789abcdef — claims since edited (no finding has this "
        "fingerprint now; remove it from accepted.toml)"
    ) in lines
    assert "TST002 test.count  warning" not in lines
    assert lines[-1] == "1 error, 1 info in 2 reports (7 claims); 1 accepted, 1 stale acceptance"


def test_text_of_a_clean_run_is_the_summary_alone() -> None:
    """With no findings the text is one line."""
    assert render(make_run(rules=()), "text") == "no findings in 2 reports (7 claims)\n"


# -- json -------------------------------------------------------------------------------------


def test_json_has_exactly_the_documented_shape() -> None:
    """Version 2: version, findings, suppressed, stale and summary, with these keys in order;
    each finding with its incident, aspect and positions."""
    accepted = [Acceptance(FINGERPRINTS["TST002"], "population", "TST002"),
                Acceptance("0123456789abcdef", "gone")]  # fmt: skip
    document = json.loads(render(make_run(accepted), "json"))
    assert list(document) == ["version", "findings", "suppressed", "stale", "summary"]
    assert document["version"] == 2
    assert [f["code"] for f in document["findings"]] == ["TST001", "TST003"]
    assert document["findings"][1] == {
        "code": "TST003",
        "name": "test.took",
        "severity": "info",
        "message": "test.took flags tr-saraqib-retaken.",
        "fingerprint": FINGERPRINTS["TST003"],
        "incident": document["findings"][1]["incident"],
        "aspect": None,
        "positions": [
            {
                "claims": ["tr-saraqib-retaken"],
                "origins": ["turkish-outlet"],
                "independent": 1,
                "reading": "",
                "alone": False,
            }
        ],
        "claims": [
            {
                "id": "tr-saraqib-retaken",
                "report": "turkish-outlet-2020-02-27",
                "source": "turkish-outlet",
                "quote": "Turkish forces and their Syrian proxies retook the key town of Saraqib "
                "on Thursday",
            }
        ],
        "explanation": document["findings"][1]["explanation"],
    }
    assert document["findings"][1]["explanation"][0] == "picked by TST003"
    assert document["suppressed"] == [
        {"fingerprint": FINGERPRINTS["TST002"], "code": "TST002", "reason": "population"}
    ]
    assert document["stale"] == [
        {"fingerprint": "0123456789abcdef", "code": None, "reason": "gone", "unseen": None}
    ]
    assert document["summary"] == {
        "error": 1,
        "warning": 0,
        "info": 1,
        "suppressed": 1,
        "stale": 1,
        "reports": 2,
        "claims": 7,
        "rules": ["TST001", "TST002", "TST003"],
    }


def test_json_keeps_non_ascii_text_as_is() -> None:
    """Quotes and explanations are written unescaped (‘→’, not \\u2192), indented by two."""
    text = render(make_run(), "json")
    assert "→" in text
    assert "\\u" not in text
    assert text.startswith('{\n  "version": 2,')


def test_every_format_is_deterministic() -> None:
    """Rendering the same run twice gives the same text in every format."""
    for name in FORMATS:
        assert render(make_run(), name) == render(make_run(), name)


# -- markdown ---------------------------------------------------------------------------------


def test_markdown_is_a_report_with_a_summary_table_and_a_section_per_finding() -> None:
    """A heading, a counts table, severity sections, quotes as blockquotes, the why as a list."""
    text = render(make_run([Acceptance(FINGERPRINTS["TST002"], "a population")]), "markdown")
    lines = text.splitlines()
    assert lines[0] == "# crosscheck report"
    assert "| error | 1 |" in lines
    assert "| accepted | 1 |" in lines
    assert lines.index("## Errors") < lines.index("## Information")
    assert "### TST001 `test.event` (error)" in lines
    assert "> “as well as 13 Syrian soldiers”" in lines
    assert "- picked by TST001" in lines
    assert "## Accepted findings" in lines
    assert f"| TST002 `test.count` | `{FINGERPRINTS['TST002']}` | a population |" in lines


# -- sarif ------------------------------------------------------------------------------------


def sarif(run: Run) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(render(run, "sarif"))
    return document


def test_sarif_validates_against_the_official_schema() -> None:
    """The SARIF log, suppressions included, is valid SARIF 2.1.0."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    run = make_run([Acceptance(FINGERPRINTS["TST002"], "a population", "TST002")])
    jsonschema.validate(sarif(run), schema)


def test_sarif_describes_every_rule_that_ran_and_points_results_at_them() -> None:
    """Each rule is a driver rule with its docs; each result names it by id and index."""
    log = sarif(make_run())["runs"][0]
    rules = log["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["TST001", "TST002", "TST003"]
    assert rules[2]["help"]["text"] == DOC.strip()
    assert rules[2]["shortDescription"] == {"text": "A test rule."}
    assert rules[2]["defaultConfiguration"] == {"level": "note"}
    for result in log["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert [r["level"] for r in log["results"]] == ["error", "warning", "note"]


def test_sarif_locates_results_at_the_cited_claims() -> None:
    """A result has one location per cited claim, relative to the DATASET base, and the
    finding's fingerprint as its partial fingerprint."""
    result = sarif(make_run())["runs"][0]["results"][1]
    assert result["partialFingerprints"] == {"crosscheck/v2": FINGERPRINTS["TST002"]}
    [location] = result["locations"]
    assert location["physicalLocation"] == {
        "artifactLocation": {"uri": "reports/reuters-2020-02-06.toml", "uriBaseId": "DATASET"},
        "region": {"startLine": 38},
    }


def test_sarif_marks_accepted_findings_as_externally_suppressed() -> None:
    """An accepted finding stays a result, with the reviewer's reason as justification."""
    run = make_run([Acceptance(FINGERPRINTS["TST002"], "a population", "TST002")])
    results = sarif(run)["runs"][0]["results"]
    [suppressed] = [r for r in results if "suppressions" in r]
    assert suppressed["ruleId"] == "TST002"
    assert suppressed["suppressions"] == [{"kind": "external", "justification": "a population"}]


@pytest.mark.parametrize(
    ("path", "base"),
    [
        ("data/my set", {"uri": "data/my%20set/", "uriBaseId": "%SRCROOT%"}),
        ("/srv/data", {"uri": "file:///srv/data/"}),
    ],
)
def test_sarif_names_the_dataset_folder_as_the_dataset_base(
    path: str, base: dict[str, str]
) -> None:
    """A relative dataset folder hangs off the source root; an absolute one is a file URI."""
    run = make_run()
    moved = Run(path, run.dataset, run.review, run.rules, run.locations)
    assert sarif(moved)["runs"][0]["originalUriBaseIds"] == {"DATASET": base}
