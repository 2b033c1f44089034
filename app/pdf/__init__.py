"""Client-ready PDF export of a journey map, drawn with reportlab without Qt.

    write_pdf(journey, path, page="A4", orientation="landscape", progress=None,
              client="", author="", logo=None)

The document: a title block (title, description, client, author, date, scope, logo, persona),
the map, a legend of every mark, a summary of what `model.analysis` finds (stage-by-stage
chart and table, weakest touchpoints, dead ends, unreachable touchpoints, loops, pain points by
severity), and an appendix table of every touchpoint. Pages are numbered "Page 3 of 7"; the
PDF has title, author, subject and creator metadata and an outline entry per section.

Pages. On a named size (A4, A3, A2, Letter, Tabloid; landscape by default) the map is scaled
to fit one page if it stays legible there (at least 55%, at most 100%); a larger map is tiled
across pages at 70% in groups of stage columns (and of lane rows if needed), each page
repeating the stage and lane headers. `page="fit"` puts the whole map on one custom page at
100% (shrunk only beyond PDF's 200-inch page limit); the other sections then use A4.

The map is drawn from `model.layout.layout(journey)` with `model.theme`, as vectors; text stays
text (selectable, searchable). Fonts are bundled TTFs (resources/fonts), embedded as subsets:
DejaVu Sans, with Droid Sans Fallback for Chinese and Japanese and NanumGothic for Korean,
chosen per character run.

Limitations: right-to-left text (Hebrew, Arabic) prints its glyphs in logical order, without
bidirectional reordering or Arabic joining; characters no bundled font has (most colour emoji,
rare scripts) print as U+FFFD "�"; text inside bold runs that needs a fallback font prints in
the fallback's regular weight.
"""

from .report import write_pdf

__all__ = ["write_pdf"]
