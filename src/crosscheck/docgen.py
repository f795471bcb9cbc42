"""Generate the parts of docs/ that mirror tables in code, so the two never drift apart.

Run `python -m crosscheck.docgen docs` to rewrite them; a test fails when they are stale.
Each generated part sits between `<!-- NAME:start -->` and `<!-- NAME:end -->` markers.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from crosscheck.model import MODALITIES, PREDICATES, Modality

__all__ = ["GENERATED", "regenerate"]


def _table(header: tuple[str, str], rows: Mapping[str, str] | Mapping[Modality, str]) -> str:
    lines = [f"| {header[0]} | {header[1]} |", "| --- | --- |"]
    lines += [f"| `{key}` | {value} |" for key, value in rows.items()]
    return "\n".join(lines)


GENERATED: Mapping[tuple[str, str], Callable[[], str]] = {
    ("model.md", "predicates"): lambda: _table(("predicate", "meaning"), PREDICATES),
    ("model.md", "modalities"): lambda: _table(("modality", "meaning"), MODALITIES),
}
"""Each generated part: (file in docs/, marker name) → its content."""


def regenerate(text: str, name: str, content: str) -> str:
    """Return `text` with the part between NAME's markers replaced by `content`."""
    pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.DOTALL)
    if not pattern.search(text):
        raise ValueError(f"no <!-- {name}:start --> … <!-- {name}:end --> markers")
    return pattern.sub(lambda match: match[1] + content + "\n" + match[2], text)


def main(docs: Path) -> None:
    """Rewrite every generated part under the docs folder `docs`."""
    for (file, name), render in GENERATED.items():
        path = docs / file
        path.write_text(
            regenerate(path.read_text(encoding="utf-8"), name, render()), encoding="utf-8"
        )


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
