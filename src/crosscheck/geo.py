"""Distances on the Earth between places with coordinates.

Coded event datasets place each event at a point with a grade of precision; two records of
one strike often sit a few kilometres apart. `apart_km` is how far apart two places can be
said to be: their great-circle distance less how far each may lie from its point.
"""

from __future__ import annotations

import math
from typing import Final

from crosscheck.model import Place

__all__ = ["EARTH_RADIUS_KM", "apart_km", "great_circle_km"]

EARTH_RADIUS_KM: Final = 6371.0088
"""The mean radius of the Earth (IUGG), as most gazetteers and meltt use."""


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance in km between two points in decimal degrees (haversine:
    exact on a sphere, and within 0.5 % of the ellipsoid's distance)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def apart_km(a: Place, b: Place) -> float | None:
    """At least how far apart `a` and `b` lie, in km: the distance between their points less
    both precisions (never below 0); None when either has no coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    distance = great_circle_km(a.lat, a.lon, b.lat, b.lon)
    return max(0.0, distance - a.precision_km - b.precision_km)
