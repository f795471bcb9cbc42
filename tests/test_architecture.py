"""The shape of the house: imports flow one way, and checking never reads files.

Read from the source with `ast`, so the laws hold for every import, the lazy ones inside
functions too; only imports under ``if TYPE_CHECKING:`` are left out, since they never run.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import crosscheck

PACKAGE = Path(crosscheck.__file__).parent


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node of `tree` except what stands under ``if TYPE_CHECKING:``."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from (n for child in node.orelse for n in ast.walk(child))
            continue
        yield node
        yield from _runtime_nodes(node)


def imports(module: str) -> set[str]:
    """The crosscheck modules `module` imports when it runs."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in MODULES else node.module)
    return {name for name in found if name in MODULES and name != module}


def cycle_from(start: str, graph: dict[str, set[str]]) -> list[str] | None:
    """A chain of imports from `start` back to itself, if there is one."""
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while stack:
        module, chain = stack.pop()
        for imported in sorted(graph[module]):
            if imported == start:
                return [*chain, start]
            if imported not in seen:
                seen.add(imported)
                stack.append((imported, [*chain, imported]))
    return None


def test_the_import_graph_has_no_cycle() -> None:
    graph = {module: imports(module) for module in MODULES}
    cycles = [cycle for module in MODULES if (cycle := cycle_from(module, graph))]
    assert cycles == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    """The law above could not fail if the finder never found one."""
    assert cycle_from("a", {"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle_from("a", {"a": {"b"}, "b": set()}) is None


def test_the_loaders_import_the_formats_not_the_other_way() -> None:
    assert "crosscheck.loading" not in {
        imported for module in MODULES if module.startswith("crosscheck.loading.")
        for imported in imports(module)
    }  # fmt: skip
    assert imports("crosscheck.bulk") == {"crosscheck.loading.jsonl"}


_FILE_CALLS = frozenset({
    "open", "read_bytes", "read_text", "write_bytes", "write_text", "stat", "lstat", "glob",
    "rglob", "iterdir", "exists", "is_file", "is_dir", "is_symlink", "unlink", "mkdir",
    "rmdir", "rename", "scandir", "listdir",
})  # fmt: skip
"""What reading or writing files looks like in a call: ``path.read_bytes()``, ``open(…)``."""

_PURE_NAMED = frozenset({
        "crosscheck.engine",
        "crosscheck.incidents",
        "crosscheck.positions",
        "crosscheck.tolls",
        "crosscheck.relations",
        "crosscheck.candidates",
        "crosscheck.sameness",
        "crosscheck.geo",
        "crosscheck.matching",
        "crosscheck.explanations",
        "crosscheck.roles",
        "crosscheck.control",
        "crosscheck.agency",
        "crosscheck.sources",
        "crosscheck.loading.directory",
        "crosscheck.loading.quotes",
        "crosscheck.loading.assemble",
        "crosscheck.loading.converter",
        "crosscheck.loading.schema",
        "crosscheck.loading.problems",
        "crosscheck.loading.checks",
})  # fmt: skip
_PURE = sorted(
    _PURE_NAMED | {module for module in MODULES if module.startswith("crosscheck.rules")}
)


def file_calls(module: str) -> list[str]:
    """The calls in `module` that read or write files, as ``line: name``."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            if name in _FILE_CALLS:
                found.append(f"{node.lineno}: {ast.unparse(node)[:60]}")
    return found


@pytest.mark.parametrize("module", _PURE)
def test_checking_reads_no_file(module: str) -> None:
    """The engine, the rules and the loading checks work on what was read: no file is opened,
    looked at or written there (the formats and the CLI do that)."""
    assert file_calls(module) == []


def test_the_pure_modules_exist() -> None:
    assert _PURE_NAMED - MODULES.keys() == set()


def test_the_file_call_finder_finds_file_calls() -> None:
    assert file_calls("crosscheck.loading.toml")
    assert file_calls("crosscheck.loading.files")


def test_every_claim_field_is_copied_once() -> None:
    """A claim's fields are copied by name (`AS_WRITTEN`) or read from a wording; none is
    left out, so a field added to both ClaimEntry and Claim round-trips with no other change."""
    import inspect

    import attrs

    from crosscheck.loading.schema import AS_WRITTEN, ClaimEntry, make_claim
    from crosscheck.model import Claim

    read = {"agent", "quantity", "restated", "when", "as_of"}
    assert set(AS_WRITTEN) | read == set(attrs.fields_dict(ClaimEntry))
    derived = {"report", "agents", "when_from"}
    assert set(AS_WRITTEN) | (read - {"agent"}) | derived == set(attrs.fields_dict(Claim))
    given = [p.name for p in inspect.signature(make_claim).parameters.values()][1:]
    assert set(AS_WRITTEN) | set(given) == set(attrs.fields_dict(Claim))


def test_the_lists_of_formats_and_fail_on_choices_agree() -> None:
    """The command line keeps its own copies (it imports nothing heavy before a command runs);
    they must be the renderers' and the settings file's."""
    from crosscheck import cli, config
    from crosscheck.render import FORMATS

    assert cli.FORMATS == tuple(FORMATS) == config.FORMATS
    assert tuple(cli.FAIL_ON) == config.FAIL_ON
