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
