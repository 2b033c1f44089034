"""Speed of drawing the PDF in process: a 100-touchpoint map, and how the 2,000 map scales."""

from app.pdf.report import render_pdf
from tests.benchmarks.maps import bench_map
from tests.factories import large_map


def test_pdf(bench):
    hundred = large_map(touchpoints=100, stages=8, lanes=4, connections=150)
    bench("render a 100-touchpoint PDF, A4 (in process)", "200", lambda: render_pdf(hundred, "A4", "landscape"))
    big = bench_map("2,000")
    for page in ("A3", "fit"):
        bench(f"render the PDF, {page} (in process)", "2,000", lambda: render_pdf(big, page, "landscape"), rounds=1)
