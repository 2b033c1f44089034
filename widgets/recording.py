"""A drawing recorded once and replayed until what it shows changes.

A zoom step re-draws every cached card, header and band at the new scale, and half of drawing a
card was Python choosing what to draw. Replaying a recorded `QPicture` is all C++, and the
recording holds vectors, not pixels, so what is replayed at any scale is as crisp as drawing
afresh. Text is kept laid out (widgets/laid_out_text.py) beside the recorded shapes, for a picture
lays its text out again at every replay: that was half of replaying a card. The owner names what
the drawing depends on in a key; a drawing whose key changed is drawn straight away, and recorded
anew when it is next drawn unchanged.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPen, QPicture

from widgets.laid_out_text import LaidOutText, draw_texts, laid_out_text, text_steps


class Recording:
    """One item's recorded drawing, in the item's coordinates."""

    def __init__(self) -> None:
        self._key: object = None
        self._parts: list | None = None  # QPictures and TextSteps, in the order drawn

    def replay(self, painter: QPainter, key: object, draw: Callable[[QPainter], None]) -> None:
        """Draw what `draw` draws for `key`, from the recording of that key when there is one.

        On a device of another resolution than the screen's (an exported image, an SVG), Qt would
        rescale the recording's text: such a device, never painted twice alike, is drawn afresh."""
        device = painter.device()
        if device is None or device.logicalDpiY() != _SCREEN_DPI.logicalDpiY():
            draw(painter)
            return
        if key != self._key:
            # New or changed (a card scrolled into view, retitled, selected, or a dock edited it):
            # drawn straight into the item's cache, a third of the cost of recording and replaying.
            # It is recorded when it is drawn again unchanged, at the next zoom step, where a
            # recording pays.
            self._key, self._parts = key, None
            painter.save()  # as a replay does: the view keeps no painter state between items
            draw(painter)
            painter.restore()
            return
        if self._parts is None:
            self._key, self._parts = key, _record(draw, painter.renderHints())
        texts = len(self._parts) > 1
        if texts:
            painter.save()  # the pens of the text: the view keeps no painter state between items
        for part in self._parts:
            if type(part) is QPicture:
                painter.drawPicture(0, 0, part)
            else:
                draw_texts(painter, part)
        if texts:
            painter.restore()


def _record(draw: Callable[[QPainter], None], hints: QPainter.RenderHint) -> list:
    """The parts of a drawing, in as few pictures as keep what it draws: a text that nothing drawn
    after it covers is kept to the end, and the pictures around it are one.

    A first recording cuts a picture at every text and brush, so that each piece's bounds are
    tight; they tell which texts must stay in place. The second records only those cuts."""
    probe = _Recorder(hints, in_place=None)
    draw(probe)
    pieces, texts = probe.finish()
    shapes = [piece.boundingRect() for piece in pieces]
    inks = [text.ink.toAlignedRect() for _, text, _ in texts]
    in_place: set[int] = set()
    for i in reversed(range(len(texts))):
        if any(inks[i].intersects(shape) for shape in shapes[texts[i][2]:]) or any(
                inks[i].intersects(inks[j]) for j in in_place):
            in_place.add(i)
    recorder = _Recorder(hints, in_place, [text for _, text, _ in texts])
    draw(recorder)
    pictures, texts = recorder.finish()
    kept = ([(pen, text)] for i, (pen, text, _) in enumerate(texts) if i in in_place)
    parts = [pictures[0]]
    for picture in pictures[1:]:  # each picture but the first begins after a text kept in place
        parts += [text_steps(next(kept)), picture]
    parts = [part for part in parts if type(part) is not QPicture or not part.boundingRect().isEmpty()]
    last = [(pen, text) for i, (pen, text, _) in enumerate(texts) if i not in in_place]
    return parts + [text_steps(last)] if last else parts


class _Recorder(QPainter):
    """Records shapes into pictures and keeps text laid out. A cut ends a picture, and the drawing
    goes on in a new one from the same painter state: at each text kept in place (`in_place`
    holds their indexes), or, when it is None, at every text and brush. A second recording
    takes the first one's texts, laid out already."""

    def __init__(self, hints: QPainter.RenderHint, in_place: set[int] | None, laid_out: list[LaidOutText] = ()):
        self._in_place, self._laid_out = in_place, laid_out
        self._pictures: list[QPicture] = []
        self._texts: list[tuple[QPen, LaidOutText, int]] = []  # and the picture each is drawn before
        self._saved = 0
        self._picture = QPicture()
        super().__init__(self._picture)
        self.setRenderHints(hints)

    def save(self) -> None:
        self._saved += 1
        super().save()

    def restore(self) -> None:
        self._saved -= 1
        super().restore()

    def setBrush(self, *args) -> None:
        if self._in_place is None and self._texts and not self._saved:
            self._cut()
        super().setBrush(*args)

    def drawText(self, *args) -> None:
        if (self._saved or len(args) != 3 or not isinstance(args[0], QRectF) or int(args[1]) & ~_ALIGNMENT
                or "\t" in args[2] or self.opacity() != 1 or self.hasClipping()
                or not self.worldTransform().isIdentity()):
            super().drawText(*args)  # not as the drawings draw text: recorded, and laid out at each replay
            return
        if self._in_place is None or len(self._texts) in self._in_place:
            self._cut()
        i = len(self._texts)
        text = self._laid_out[i] if i < len(self._laid_out) else laid_out_text(self.font(), *args)
        self._texts.append((self.pen(), text, len(self._pictures)))

    def _cut(self) -> None:
        pen, brush, font, hints = self.pen(), self.brush(), self.font(), self.renderHints()
        self.end()
        self._pictures.append(self._picture)
        self._picture = QPicture()
        self.begin(self._picture)
        QPainter.setPen(self, pen)
        QPainter.setBrush(self, brush)
        self.setFont(font)
        self.setRenderHints(hints)

    def finish(self) -> tuple[list[QPicture], list[tuple[QPen, LaidOutText, int]]]:
        self.end()
        return [*self._pictures, self._picture], self._texts


# The flags a laid-out text reproduces: alignment, not wrapping, elision or mnemonics.
_ALIGNMENT = int(Qt.AlignmentFlag.AlignHorizontal_Mask | Qt.AlignmentFlag.AlignVertical_Mask)
_SCREEN_DPI = QPicture()  # a recording's resolution, the screen's
