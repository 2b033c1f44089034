"""Client-ready PDF export of a journey map, drawn with reportlab without Qt.

    write_pdf(journey, path, page="A4", orientation="landscape", progress=None, folder=None,
              poster="", client=..., author=..., logo=..., accent=..., cover_note=...)

The document: a title page in the client's brand (title, description, client, preparer, date,
scope, logo, cover note, the three headline findings, persona), the whole map on one overview
page, detail tiles when the overview is too small to read, a legend of every mark, a summary of
what `model.analysis` finds, and an appendix table of every touchpoint. Pages are numbered
"Page 3 of 7"; the PDF has title, author, subject and creator metadata and an outline entry per
section that lands on its heading. A map without touchpoints is one page that says so.

Pages: see `pages` (overview, tiles, "fit") and `tile_links` ("→ p. N" between tiles); a wall
poster on office sheets instead of the report: `poster`. The brand kit: `brand`.

The map is drawn from `model.layout.layout(journey)` with `model.theme` and the parts of each
card, header and scores-band slot from `model.card_parts`, as the canvas draws them, as vectors; text stays
text (selectable, searchable). Fonts are bundled TTFs (resources/fonts), embedded as subsets:
DejaVu Sans, with Droid Sans Fallback for Chinese and Japanese and NanumGothic for Korean,
chosen per character run.

Scripts: Arabic is joined (arabic-reshaper) and right-to-left text ordered by the Unicode
bidirectional algorithm (python-bidi) line by line, after wrapping (`script_paragraph`); a fallback
font without a bold face is stroked for bold, on the map and in headings alike (`stroked_bold`);
an emoji no font has prints as its name.
"""

from .report import write_pdf

__all__ = ["write_pdf"]
