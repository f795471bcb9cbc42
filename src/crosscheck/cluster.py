"""Checking beyond one machine: the claim set's parts on a Dask cluster.

Needs the `dask` extra (``pip install 'crosscheck[dask]'``). The claim set is split into parts
no rule relates across (`crosscheck.partition`), each part is checked by the same pure engine
on a Dask worker, and the findings are merged and sorted — the same findings as one
`crosscheck.check` of the whole. Every worker needs crosscheck (and any rule plugins)
installed, as for any Dask job.

    from crosscheck.cluster import check_on_dask
    findings = check_on_dask(dataset, scheduler="tcp://scheduler:8786")
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from crosscheck.findings import Finding
from crosscheck.model import Dataset
from crosscheck.partition import check_partitioned, partitions
from crosscheck.sameness import Window

__all__ = ["check_on_dask"]


def check_on_dask(
    dataset: Dataset,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    *,
    preview: bool = False,
    scheduler: str | None = None,
    processes: bool = True,
    window: Window | None = None,
) -> list[Finding]:
    """Check `dataset` part by part on the Dask cluster at `scheduler` (an address such as
    ``tcp://host:8786``), or on a `LocalCluster` started for the occasion (with worker
    `processes`, or threads); `window` as for `crosscheck.check`."""
    from distributed import Client, LocalCluster

    # distributed is not typed: its calls below are checked by the tests, not by mypy.
    cluster: Any = None
    if not scheduler:
        cluster = LocalCluster(processes=processes, dashboard_address=None)  # type: ignore[no-untyped-call]
    client: Any = Client(scheduler or cluster)  # type: ignore[no-untyped-call]
    try:

        def mapper(function: Callable[..., list[Finding]], *arguments: Any) -> list[list[Finding]]:
            futures = client.map(function, *arguments, pure=False)
            return list(client.gather(futures))

        parts = partitions(dataset)
        return check_partitioned(dataset, select, ignore, preview=preview, mapper=mapper,
                                 parts=parts, window=window)  # fmt: skip
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
