"""crosscheck: check curated assertions from news reports against each other.

>>> import crosscheck
>>> crosscheck.Quantity.parse("at least six").low
6.0
"""

from crosscheck.dates import DateError, DateSpan
from crosscheck.loading import DatasetError, Problem, dump, load
from crosscheck.model import (
    MODALITIES,
    PREDICATES,
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
    "Actor",
    "ActorKind",
    "Claim",
    "Dataset",
    "DatasetError",
    "DateError",
    "DateSpan",
    "Dimension",
    "Extent",
    "Modality",
    "Place",
    "PlaceKind",
    "Problem",
    "Quantity",
    "QuantityError",
    "Report",
    "UnitError",
    "__version__",
    "dump",
    "load",
]
