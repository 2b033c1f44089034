"""Speed of the PDF export (run with `make bench`).

Target: `main.py export` of a 100-touchpoint map under a second as a whole process, of which
rendering is about a third; the 2,000-touchpoint map shows how drawing and tables scale.
"""

import pytest

from app.pdf.report import render_pdf
from tests.factories import large_map


@pytest.fixture(scope="module")
def hundred():
    return large_map(touchpoints=100, stages=8, lanes=4, connections=150)


@pytest.fixture(scope="module")
def big():
    return large_map()


def test_pdf_100(benchmark, hundred):
    data = benchmark(render_pdf, hundred, "A4", "landscape")
    assert data.startswith(b"%PDF")


@pytest.mark.parametrize("page", ["A3", "fit"])
def test_pdf_2000(benchmark, big, page):
    data = benchmark.pedantic(render_pdf, (big, page, "landscape"), rounds=1, iterations=1)
    assert data.startswith(b"%PDF")


def test_label_placement_2000(benchmark, big):
    """Every one of 3,000 connections labelled: placing them clear of 2,000 cards and each other."""
    from model.connection_labels import place_labels
    from model.layout import layout

    geometry = layout(big)
    labels = {key: f"Step {i}" for i, key in enumerate(geometry.routes)}
    placed = benchmark(place_labels, geometry, labels, lambda text: 6.0 * len(text), {})
    assert len(placed) == len(labels)


def test_poster_a0_on_a4(benchmark, hundred):
    from app.pdf.poster import render_poster

    data = benchmark.pedantic(render_poster, (hundred, "A0", "landscape", "A4", hundred.info), rounds=1, iterations=1)
    assert data.startswith(b"%PDF")
