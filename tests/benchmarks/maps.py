"""The maps `make bench` measures: the retail sample and generated maps of 200, 2,000 and 5,000 touchpoints."""

from __future__ import annotations

from pathlib import Path

from model.journey_file import load
from model.journey_map import JourneyMap
from tests.factories import large_map

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "retail-purchase.journey"

# column of the table -> (touchpoints, stages, lanes); about 1.5 connections per touchpoint
MAPS_MEASURED = ("sample", "200", "2,000", "5,000")
SIZES = {"200": (200, 10, 6), "2,000": (2000, 20, 8), "5,000": (5000, 40, 10)}


def bench_map(column: str) -> JourneyMap:
    if column == "sample":
        return load(SAMPLE)
    touchpoints, stages, lanes = SIZES[column]
    return large_map(touchpoints=touchpoints, stages=stages, lanes=lanes, connections=touchpoints * 3 // 2)
