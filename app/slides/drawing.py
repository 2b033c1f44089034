"""Native PowerPoint shapes the slides are drawn with: boxes of fitted text, bound connectors.

Everything is placed in points; python-pptx wants EMU (12,700 a point). Every run gets the deck's
font and an explicit size, so neither reader substitutes its theme font or autofits on its own.
"""

from __future__ import annotations

import re

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from .style import DeckStyle
from .text_fit import FittedText, Paragraph, fit

EMU_PER_POINT = 12700
INSET = 3.0  # a text box's inner margin, points
# Clark names of the text elements, worked out once: qn() is a measurable share of a large deck.
_TAG = {name: qn(name) for name in ("a:p", "a:pPr", "a:r", "a:rPr", "a:br", "a:t", "a:endParaRPr", "a:solidFill",
                                    "a:srgbClr", "a:latin", "a:cs")}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def emu(points: float) -> Emu:
    return Emu(round(points * EMU_PER_POINT))


def rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(rgb_hex(colour))


def rgb_hex(colour: str) -> str:
    """"#e69f00" -> "E69F00", as OOXML writes colours."""
    return colour.lstrip("#").upper()


def box(slide, x: float, y: float, width: float, height: float, fill: str | None = None,
        outline: str | None = None, outline_width: float = 0.75, shape=MSO_SHAPE.RECTANGLE):
    """A shape with the given fill and outline (None: none), and no shadow."""
    item = slide.shapes.add_shape(shape, emu(x), emu(y), emu(width), emu(height))
    if fill is None:
        item.fill.background()
    else:
        item.fill.solid()
        item.fill.fore_color.rgb = rgb(fill)
    if outline is None:
        item.line.fill.background()
    else:
        item.line.color.rgb = rgb(outline)
        item.line.width = Pt(outline_width)
    return without_shadow(item)


def without_shadow(item):
    """`item` with no shadow, in PowerPoint and in LibreOffice, which draws the template style's
    shadow despite an empty effect list unless the style points at none."""
    item.shadow.inherit = False
    effect = item._element.find(f"{qn('p:style')}/{qn('a:effectRef')}")
    if effect is not None:
        effect.set("idx", "0")
    return item


def write(item, paragraphs: list[Paragraph], style: DeckStyle, size: float, floor: float, colour: str,
          align: str = "l", anchor=MSO_ANCHOR.TOP, inset: float = INSET) -> FittedText:
    """Put `paragraphs` into a shape's text frame at the size `text_fit.fit` allows for the shape."""
    width, height = item.width / EMU_PER_POINT - 2 * inset, item.height / EMU_PER_POINT - 2 * inset
    fitted = fit(paragraphs, max(width, 1.0), max(height, 1.0), size, floor)
    frame = item.text_frame
    frame.vertical_anchor = anchor
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = emu(inset)
    fill_frame(frame, fitted, style, colour, align)
    return fitted


def fill_frame(frame, fitted: FittedText, style: DeckStyle, colour: str, align: str = "l") -> None:
    """Write fitted paragraphs into a text frame (a shape's or a table cell's), every run sized.

    The paragraphs are built as XML directly: through python-pptx's properties, setting a run's
    font takes a millisecond, and a 2,000-card deck has tens of thousands of runs.
    """
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    body = frame._txBody
    for old in body.findall(_TAG["a:p"]):
        body.remove(old)
    for paragraph in fitted.paragraphs:
        fill = rgb_hex(paragraph.colour or colour)
        element = etree.SubElement(body, _TAG["a:p"])
        etree.SubElement(element, _TAG["a:pPr"], algn=align)
        size = str(round(fitted.size * paragraph.scale * 2) * 50)  # hundredths of a point, in half points
        bold = "1" if paragraph.bold else "0"
        for index, line in enumerate(xml_safe(paragraph.text).split("\n")):
            if index:
                _run_properties(etree.SubElement(element, _TAG["a:br"]), size, bold, fill, style.font)
            if line:
                run = etree.SubElement(element, _TAG["a:r"])
                _run_properties(run, size, bold, fill, style.font)
                etree.SubElement(run, _TAG["a:t"]).text = line
        _run_properties(element, size, bold, fill, style.font, tag="a:endParaRPr")


def _run_properties(parent, size: str, bold: str, fill: str, font: str, tag: str = "a:rPr") -> None:
    properties = etree.SubElement(parent, _TAG[tag], sz=size, b=bold, dirty="0")
    etree.SubElement(etree.SubElement(properties, _TAG["a:solidFill"]), _TAG["a:srgbClr"], val=fill)
    etree.SubElement(properties, _TAG["a:latin"], typeface=font)
    etree.SubElement(properties, _TAG["a:cs"], typeface=font)


def xml_safe(text: str) -> str:
    """`text` without the control characters XML cannot hold (a map may carry them; a deck cannot)."""
    return _NOT_XML.sub("", text)


def text_box(slide, x: float, y: float, width: float, height: float, paragraphs: list[Paragraph],
             style: DeckStyle, size: float, floor: float, colour: str | None = None, **options) -> object:
    """A frameless box of fitted text."""
    item = slide.shapes.add_textbox(emu(x), emu(y), emu(width), emu(height))
    write(item, paragraphs, style, size, floor, colour or style.text, **options)
    return item


def connector(slide, source, source_site: int, target, target_site: int, colour: str, width: float,
              dash=None):
    """An elbow connector glued to two shapes' connection sites (0 top, 1 left, 2 bottom, 3 right
    on a rectangle), so it follows either shape when it is moved; an arrow head at the target."""
    line = without_shadow(slide.shapes.add_connector(MSO_CONNECTOR.ELBOW, 0, 0, 0, 0))
    line.begin_connect(source, source_site)
    line.end_connect(target, target_site)
    line.line.color.rgb = rgb(colour)
    line.line.width = Pt(width)
    if dash is not None:
        line.line.dash_style = dash
    outline = line.line._get_or_add_ln()
    outline.append(etree.SubElement(outline, qn("a:tailEnd"), type="triangle", w="med", len="med"))
    return line


def send_behind(slide, shapes, first) -> None:
    """Move `shapes` just before `first` in the drawing order, so that they are drawn under it."""
    tree = slide.shapes._spTree
    anchor = first._element
    for item in shapes:
        tree.remove(item._element)
        anchor.addprevious(item._element)
