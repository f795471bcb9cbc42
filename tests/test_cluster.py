"""On a Dask LocalCluster, the findings are those of one process (skipped without Dask)."""

from __future__ import annotations

import pytest

from crosscheck import check, load_example
from test_engine import merged

pytest.importorskip("distributed")

from crosscheck.cluster import check_on_dask


@pytest.mark.filterwarnings("ignore")
def test_a_local_cluster_finds_what_one_process_finds() -> None:
    """The rule cases and the bundled dataset, checked on a LocalCluster, give equal findings."""
    for dataset in (merged(), load_example()):
        assert check_on_dask(dataset, preview=True, processes=False) == check(dataset, preview=True)


@pytest.mark.filterwarnings("ignore")
def test_run_with_the_dask_engine_prints_what_the_local_engine_prints() -> None:
    """`crosscheck run --engine dask` on the bundled dataset gives the local JSON output."""
    from click.testing import CliRunner

    from crosscheck.cli import cli

    local = CliRunner().invoke(cli, ["run", "--format", "json"])
    remote = CliRunner().invoke(cli, ["run", "--format", "json", "--engine", "dask"])
    assert (remote.exit_code, remote.stdout) == (local.exit_code, local.stdout)
