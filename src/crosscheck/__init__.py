"""crosscheck: check curated assertions from news reports against each other.

>>> import crosscheck
>>> crosscheck.Quantity.parse("at least six").low
6.0
"""

from crosscheck.dates import DateError, DateSpan, WeekdayMismatchError
from crosscheck.engine import check
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
from crosscheck.quantity import Dimension, Quantity, QuantityError, UnitError

__version__ = "0.1.0.dev0"

__all__ = [
    "MODALITIES",
    "PREDICATES",
    "Acceptance",
    "Actor",
    "ActorKind",
    "CitedClaim",
    "Claim",
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
]
