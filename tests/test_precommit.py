"""The pre-commit hook: `repo: … hooks: [{id: crosscheck}]` runs `crosscheck run` on a dataset
in another repository. Tested with `pre-commit try-repo`, which installs this repository's hook
as a user's pre-commit would (in a virtualenv of its own, from this checkout), in a temporary
git repository holding a dataset (at its root, the hook's default `args: ["."]`). Skipped when
pre-commit or git is not installed."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"})  # fmt: skip


def _try_repo(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = shutil.which("pre-commit")
    if command is None or shutil.which("git") is None:
        pytest.skip("pre-commit or git is not installed")
    if not (ROOT / ".git").exists():
        pytest.skip("crosscheck's sources are not a git checkout (pre-commit installs from one)")
    return subprocess.run(
        [command, "try-repo", str(ROOT), "crosscheck", "--all-files", *args],
        cwd=folder, capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip


def test_the_hook_runs_crosscheck_on_a_dataset_of_another_repository(
    mini: Path, tmp_path: Path
) -> None:
    project = tmp_path / "newsroom"
    shutil.copytree(mini, project)  # the dataset at the root, where the hook looks by default
    _git(project, "init", "-q")
    _git(project, "add", ".")
    _git(project, "commit", "-q", "-m", "claims")
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: crosscheck" in hooks

    failing = _try_repo(project)
    assert failing.returncode == 1, failing.stdout + failing.stderr  # the dataset has findings
    assert "crosscheck" in failing.stdout
    assert "Failed" in failing.stdout
    assert "quantity.disjoint" in failing.stdout

    (project / "crosscheck.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    _git(project, "add", ".")
    _git(project, "commit", "-q", "-m", "settings")
    passing = _try_repo(project)
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout
