"""How long crosscheck takes over large or wrong inputs: quote checking and per-report listings.

    python benchmarks/inputs.py                  # every case; prints seconds per case
    python benchmarks/inputs.py --timeout 60     # give up on a case after 60 s (default 120)
    python benchmarks/inputs.py --claims 5000    # a smaller claim set for show and convert
    python benchmarks/inputs.py --quotes 10      # fewer quotes in the 1 MB text

Each case runs in a fresh process, so one that hangs is stopped at the timeout and reported as
such. Quote checking, with its "closest passage" hint, should cost about linear time in the
text, and listing a dataset about linear time in its reports and claims:

- `1 MB text, 1,000 absent quotes`: one report whose text is 1 MB of seeded prose and 1,000
  claims whose quotes are twelve of its words in an order that occurs nowhere;
  `crosscheck.load` fails with one problem per quote ("no similar passage");
- `1 MB text, 1,000 quotes with a typo`: the same text, each quote a passage of it with one
  letter changed; each problem names the passage as the closest one (`hints` counts them);
- `3,000-character quote, one typo` and `10 MB quote`: one claim each, against that text;
- `two texts swapped`: the bundled Syria dataset with two reports' texts exchanged, so every
  quote of both fails;
- `N claims: show` and `N claims: convert to TOML`: the seeded claim set of
  benchmarks/generate.py in the bulk format, through the CLI (`crosscheck run` beside them for
  scale).

Nothing here is asserted: run it by hand before and after a change and compare the figures.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import tomli_w

HERE = Path(__file__).parent
SYRIA = HERE.parent / "fixtures" / "syria-2019-2020"
TEXT_SIZE = 1_000_000
QUOTE_WORDS = 12


def _prose(rng: random.Random, size: int) -> str:
    """`size` characters of sentences made of the bundled reports' words, in seeded order."""
    words = sorted({w for p in sorted(SYRIA.glob("reports/*.txt")) for w in p.read_text().split()})
    lines, total = [], 0
    while total < size:
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(8, 30)))
        lines.append(sentence)
        total += len(sentence) + 1
    return "\n".join(lines)[:size]


def _absent(rng: random.Random, text: str, words: list[str]) -> str:
    """A quote of `text`'s words that occurs nowhere in it."""
    while True:
        quote = " ".join(rng.choice(words) for _ in range(QUOTE_WORDS))
        if quote not in text:
            return quote


def _typo(rng: random.Random, text: str, words: list[str]) -> str:
    """A passage of `text` with one letter changed, so that it occurs nowhere in it."""
    while True:
        start = rng.randrange(len(words) - QUOTE_WORDS)
        passage = words[start : start + QUOTE_WORDS]
        k = rng.randrange(QUOTE_WORDS)
        word = passage[k]
        at = rng.randrange(len(word))
        passage[k] = word[:at] + ("x" if word[at] != "x" else "y") + word[at + 1 :]
        quote = " ".join(passage)
        if quote not in text:
            return quote


def _dataset(folder: Path, text: str, quotes: list[str]) -> Path:
    """A dataset of one report with `text` and one claim per quote, in the TOML format."""
    (folder / "reports").mkdir(parents=True)
    shutil.copy(SYRIA / "actors.toml", folder / "actors.toml")
    shutil.copy(SYRIA / "places.toml", folder / "places.toml")
    (folder / "reports" / "r.txt").write_text(text, encoding="utf-8")
    document = {
        "report": {"outlet": "sana", "title": "A long report", "published": "2020-02-06"},
        "claims": [
            {"id": f"c{i}", "predicate": "killed", "source": "sohr", "quote": quote}
            for i, quote in enumerate(quotes)
        ],
    }
    toml = tomli_w.dumps(document).replace('"2020-02-06"', "2020-02-06")
    (folder / "reports" / "r.toml").write_text(toml, encoding="utf-8")
    return folder


def measure(kind: str, folder: Path) -> dict[str, object]:
    """One measurement, in this process."""
    import crosscheck

    start = time.perf_counter()
    if kind == "load":
        problems = hints = 0
        try:
            crosscheck.load(folder)
        except crosscheck.DatasetError as error:
            problems = len(error.problems)
            hints = sum("closest passage" in str(p) for p in error.problems)
        return {"seconds": time.perf_counter() - start, "problems": problems, "hints": hints}
    command = kind.split("-")
    if command[0] == "convert":
        command = ["convert", str(folder), str(folder.with_name(folder.name + "-toml"))]
    else:
        command.append(str(folder))
    from click.testing import CliRunner

    from crosscheck.cli import cli

    result = CliRunner().invoke(cli, command)
    return {"seconds": time.perf_counter() - start, "exit": result.exit_code}


def _run(kind: str, folder: Path, timeout: float) -> str:
    try:
        output = subprocess.run(
            [sys.executable, __file__, "measure", kind, str(folder)],
            capture_output=True, text=True, check=True, timeout=timeout,
        ).stdout  # fmt: skip
    except subprocess.TimeoutExpired:
        return f"> {timeout:.0f} s (stopped)"
    result = json.loads(output.strip().splitlines()[-1])
    details = ", ".join(f"{k} {v}" for k, v in result.items() if k != "seconds")
    return f"{result['seconds']:.2f} s ({details})"


def main(timeout: float, claims: int, quotes: int) -> None:
    rng = random.Random(12)
    text = _prose(rng, TEXT_SIZE)
    words = text.split()
    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        cases: list[tuple[str, str, Path]] = [
            (f"1 MB text, {quotes:,} absent quotes", "load", _dataset(
                root / "absent", text, [_absent(rng, text, words) for _ in range(quotes)])),
            (f"1 MB text, {quotes:,} quotes with a typo", "load", _dataset(
                root / "typo", text, [_typo(rng, text, words) for _ in range(quotes)])),
        ]  # fmt: skip
        long = text[200_000:203_000]
        long = long[:1500] + ("#" if long[1500] != "#" else "%") + long[1501:]
        cases.append(("3,000-character quote, one typo", "load", _dataset(root / "long", text,
                                                                          [long])))  # fmt: skip
        huge = (text * 10)[:10_000_000] + " and then some"
        cases.append(("10 MB quote", "load", _dataset(root / "huge", text, [huge])))
        swapped = root / "swapped"
        shutil.copytree(SYRIA, swapped)
        first, second = (swapped / "reports" / f"{n}.txt" for n in (
            "middle-east-online-2020-02-06", "unidentified-outlet-2020-03-02"))  # fmt: skip
        first_text = first.read_text()
        first.write_text(second.read_text())
        second.write_text(first_text)
        cases.append(("bundled dataset, two texts swapped", "load", swapped))

        sys.path.insert(0, str(HERE))
        from generate import generate

        from crosscheck.bulk import dump_bulk

        bulk = root / "bulk"
        dump_bulk(generate(claims).dataset, bulk)
        for kind in ("run", "show", "convert"):
            cases.append((f"{claims:,} claims: crosscheck {kind}", kind, bulk))

        for name, kind, folder in cases:
            print(f"{name:45} {_run(kind, folder, timeout)}", flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["measure"]:
        print(json.dumps(measure(sys.argv[2], Path(sys.argv[3]))))
    else:
        arguments = dict(zip(sys.argv[1::2], sys.argv[2::2], strict=False))
        main(float(arguments.get("--timeout", 120)), int(arguments.get("--claims", 20_000)),
             int(arguments.get("--quotes", 1_000)))  # fmt: skip
