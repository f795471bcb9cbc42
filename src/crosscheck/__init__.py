"""crosscheck: check curated assertions from news reports against each other.

>>> import crosscheck
>>> crosscheck.Quantity.parse("at least six").low
6.0

The public names load on first use, so `import crosscheck` (and `crosscheck --version`) stays
fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, MutableMapping
from typing import TYPE_CHECKING

__version__ = "0.2.0.dev0"


def _lazy_exports(
    package: str, namespace: MutableMapping[str, object], exports: Mapping[str, tuple[str, ...]]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """The module-level `__getattr__` and `__dir__` of `package`, whose globals are
    `namespace`, for `exports`: module → the public names it gives. A name once loaded is kept
    in `namespace`; `__dir__` lists the package's `__all__`."""
    module_of = {name: module for module, names in exports.items() for name in names}

    def getattr_(name: str) -> object:
        """Load a public name from its module the first time it is used."""
        module = module_of.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    def dir_() -> list[str]:
        found = namespace.get("__all__", ())
        return sorted(found) if isinstance(found, list | tuple) else []

    return getattr_, dir_


_EXPORTS = {
    "crosscheck.dates": ("DateError", "DateSpan", "WeekdayMismatchError"),
    "crosscheck.engine": ("check",),
    "crosscheck.errors": ("CrosscheckError",),
    "crosscheck.example": ("example_path", "load_example"),
    "crosscheck.findings": ("CitedClaim", "Finding", "Severity"),
    "crosscheck.pipeline": ("run",),
    "crosscheck.loading": ("DatasetError", "Problem", "dump", "load"),
    "crosscheck.model": (
        "MODALITIES",
        "PREDICATES",
        "Acceptance",
        "Actor",
        "ActorKind",
        "Claim",
        "Dataset",
        "Extent",
        "Modality",
        "Place",
        "PlaceKind",
        "Report",
    ),
    "crosscheck.quantity": ("Dimension", "Quantity", "QuantityError", "UnitError"),
}
__getattr__, __dir__ = _lazy_exports(__name__, globals(), _EXPORTS)

if TYPE_CHECKING:
    from crosscheck.dates import DateError, DateSpan, WeekdayMismatchError
    from crosscheck.engine import check
    from crosscheck.errors import CrosscheckError
    from crosscheck.example import example_path, load_example
    from crosscheck.findings import CitedClaim, Finding, Severity
    from crosscheck.loading import DatasetError, Problem, dump, load
    from crosscheck.model import (
        MODALITIES,
        PREDICATES,
        Acceptance,
        Actor,
        ActorKind,
        Claim,
        Dataset,
        Extent,
        Modality,
        Place,
        PlaceKind,
        Report,
    )
    from crosscheck.pipeline import run
    from crosscheck.quantity import Dimension, Quantity, QuantityError, UnitError


__all__ = [
    "MODALITIES",
    "PREDICATES",
    "Acceptance",
    "Actor",
    "ActorKind",
    "CitedClaim",
    "Claim",
    "CrosscheckError",
    "Dataset",
    "DatasetError",
    "DateError",
    "DateSpan",
    "Dimension",
    "Extent",
    "Finding",
    "Modality",
    "Place",
    "PlaceKind",
    "Problem",
    "Quantity",
    "QuantityError",
    "Report",
    "Severity",
    "UnitError",
    "WeekdayMismatchError",
    "__version__",
    "check",
    "dump",
    "example_path",
    "load",
    "load_example",
    "run",
]
