"""Speed of drawing the PDF in process: a 100-touchpoint map, how the 2,000 map scales, labels and posters."""

from app.pdf.report import render_pdf
from tests.benchmarks.maps import bench_map
from tests.factories import large_map


def test_pdf(bench):
    hundred = large_map(touchpoints=100, stages=8, lanes=4, connections=150)
    bench("render a 100-touchpoint PDF, A4 (in process)", "200", lambda: render_pdf(hundred, "A4", "landscape"))
    big = bench_map("2,000")
    for page in ("A3", "fit"):
        bench(f"render the PDF, {page} (in process)", "2,000", lambda: render_pdf(big, page, "landscape"), rounds=1)


def test_label_placement(bench):
    """Every one of 3,000 connections labelled: placing them clear of 2,000 cards and each other."""
    from model.connection_labels import place_labels
    from model.layout import layout

    geometry = layout(bench_map("2,000"))
    labels = {key: f"Step {i}" for i, key in enumerate(geometry.routes)}
    bench("place every connection label (PDF)", "2,000",
          lambda: place_labels(geometry, labels, lambda text: 6.0 * len(text), {}))


def test_poster(bench):
    from app.pdf.poster import render_poster

    hundred = large_map(touchpoints=100, stages=8, lanes=4, connections=150)
    bench("render an A0 poster on A4 sheets (in process)", "200",
          lambda: render_poster(hundred, "A0", "landscape", "A4", hundred.info), rounds=1)
