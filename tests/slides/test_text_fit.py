"""The rule that sizes slide text: the largest half-point size that fits, down to a floor, then cut."""

from hypothesis import given, settings
from hypothesis import strategies as st

from app.slides.text_fit import ELLIPSIS, LINE_HEIGHT, SAFETY, Paragraph, fit, text_width, wrap


def height_at(paragraphs, width, size):
    return sum(len(wrap(p.text, width * SAFETY, size * p.scale, p.bold)) * size * p.scale for p in paragraphs) * LINE_HEIGHT


def test_short_text_keeps_the_largest_size():
    assert fit([Paragraph("Pay")], 200, 40, 14, 6).size == 14


def test_text_shrinks_to_the_largest_half_point_that_fits():
    paragraphs = [Paragraph("Check stock and delivery date before you buy", bold=True), Paragraph("Web · Sales", scale=0.8)]
    fitted = fit(paragraphs, 120, 40, 14, 4)
    assert 4 < fitted.size < 14 and fitted.paragraphs == tuple(paragraphs)
    assert height_at(paragraphs, 120, fitted.size) <= 40 < height_at(paragraphs, 120, fitted.size + 0.5)


def test_text_too_long_even_at_the_floor_is_cut_with_an_ellipsis():
    fitted = fit([Paragraph("word " * 400)], 100, 30, 12, 6)
    assert fitted.size == 6
    assert fitted.paragraphs[-1].text.endswith(ELLIPSIS)
    assert height_at(fitted.paragraphs, 100, 6) <= 30


def test_a_word_longer_than_the_line_is_broken_inside():
    lines = wrap("Donaudampfschifffahrtsgesellschaft", 60, 10)
    assert len(lines) > 1 and "".join(lines) == "Donaudampfschifffahrtsgesellschaft"
    assert all(text_width(line, 10) <= 60 for line in lines)


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=300), st.floats(20, 400), st.floats(10, 200))
def test_fitted_text_never_needs_more_room_than_the_box(text, width, height):
    fitted = fit([Paragraph(text)], width, height, 14, 4)
    assert 4 <= fitted.size <= 14
    # Either the text fits, cut or not, or not one line fits and the box holds only an ellipsis.
    assert height_at(fitted.paragraphs, width, fitted.size) <= height or fitted.paragraphs == (Paragraph(ELLIPSIS),)


def test_a_paragraph_with_a_line_limit_is_cut_instead_of_shrinking_the_box():
    title = Paragraph("Printed catalogue request line", bold=True)
    meta = Paragraph("Unreachable · Phone · Customer service · Print shop", scale=0.8, max_lines=1)
    fitted = fit([title, meta], 110, 40, 10, 4)
    assert fitted.size == fit([title, Paragraph("x", scale=0.8)], 110, 40, 10, 4).size
    assert fitted.paragraphs[0] == title and fitted.paragraphs[1].text.endswith(ELLIPSIS)
    assert "\n" not in fitted.paragraphs[1].text
