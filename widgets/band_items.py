"""The map's background grid, the emotion curve and the per-stage score averages."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem

from model import theme
from model.analysis import StageScores
from model.card_parts import score_slots
from model.layout import MapGeometry, Rect, smooth_curve
from model.personas import persona_colour
from widgets.persona_badge import paint_badge
from model.vocabulary import NO_VALUE, average_label, signed
from widgets.detail import readable
from widgets.emotion_face import paint_face
from widgets.recording import Recording
from widgets.text import elided_lines, font


def qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.width, rect.height)


class _GeometryItem(QGraphicsItem):
    """An item that draws part of the whole map's geometry, replaced on every layout."""

    def __init__(self):
        super().__init__()
        self.geometry: MapGeometry | None = None

    def set_geometry(self, geometry: MapGeometry) -> None:
        self.prepareGeometryChange()
        self.geometry = geometry
        self.update()

    def boundingRect(self) -> QRectF:
        if self.geometry is None:
            return QRectF()
        return QRectF(0, 0, self.geometry.width, self.geometry.height)


class GridItem(_GeometryItem):
    """Cell lines and the bands' backgrounds and labels, under everything else."""

    def __init__(self):
        super().__init__()
        self.setZValue(-10)
        # For `option.exposedRect`: at 100% a repaint shows a dozen of the 400 cells of a large map,
        # and antialiased rects cost Qt as much outside the clip as inside it.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.cursor_cell: tuple[str, str] | None = None
        self._cells: list[QRectF] = []
        self._scores_band: list[QRectF] = []
        self._labels = Recording()  # the bands' headers and the personas' legend
        self._labels_area = QRectF()  # where they are: a repaint elsewhere does not replay them

    def set_geometry(self, geometry: MapGeometry) -> None:
        # Converted once per layout, drawn in one call each per frame.
        self._cells = [qrect(rect) for rect in geometry.cells.values()]
        self._scores_band = [qrect(rect) for rect in (*geometry.scores_band.values(), *geometry.metrics_band.values())]
        self._labels_area = QRectF()
        for header in (geometry.emotion_header, geometry.scores_header, geometry.metrics_header):
            if header is not None:
                self._labels_area = self._labels_area.united(qrect(header))
        super().set_geometry(geometry)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        g = self.geometry
        if g is None or not g.stage_ids:
            return
        # Axis-aligned fills need no antialiasing, and without it Qt fills them several times faster:
        # the cells cover most of the view, and every repaint fills them.
        antialiased = painter.testRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(QPen(QColor(theme.GRID_LINE), theme.GRID_LINE_WIDTH))
        painter.setBrush(QColor(theme.CARD_BACKGROUND))
        exposed = option.exposedRect.adjusted(-theme.GRID_LINE_WIDTH, -theme.GRID_LINE_WIDTH,
                                              theme.GRID_LINE_WIDTH, theme.GRID_LINE_WIDTH)
        painter.drawRects([cell for cell in self._cells if cell.intersects(exposed)])
        painter.setBrush(QColor(theme.EMOTION_BAND_BACKGROUND))
        painter.drawRect(qrect(g.emotion_band))
        painter.drawRects(self._scores_band)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialiased)  # the view keeps no painter state
        if exposed.intersects(self._labels_area):
            text = readable(option, painter)
            legend = self._legend_rows() if g.persona_curves and text else ()
            # Keyed on what the labels show, not on the geometry: a card added elsewhere leaves them alone.
            key = (g.emotion_header, g.scores_header, g.metrics_header, bool(g.persona_curves), text, legend,
                   antialiased)
            self._labels.replay(painter, key, lambda recorder: self._paint_band_headers(recorder, g, text, legend))
        if self.cursor_cell in g.cells:
            painter.setPen(QPen(QColor(theme.SELECTION), 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(qrect(g.cells[self.cursor_cell]).adjusted(2, 2, -2, -2))

    def _paint_band_headers(self, painter: QPainter, g: MapGeometry, text: bool, legend: tuple) -> None:
        """The bands' headers, their labels when they can be read, and the personas' legend."""
        painter.setBrush(QColor(theme.BAND_HEADER_BACKGROUND))
        # With several personas the emotion header holds their legend, its label on top.
        top, middle = Qt.AlignmentFlag.AlignTop, Qt.AlignmentFlag.AlignVCenter
        headers = [(g.emotion_header, "Emotion", top if g.persona_curves else middle),
                   (g.scores_header, "Meaning / Value /\nAccommodation", middle)]
        if g.metrics_header is not None:
            headers.append((g.metrics_header, "Stage metrics", top))
        for rect, label, align in headers:
            painter.setPen(QPen(QColor(theme.GRID_LINE), theme.GRID_LINE_WIDTH))
            painter.drawRect(qrect(rect))
            if not text:
                continue
            painter.setPen(QColor(theme.HEADER_TEXT))
            painter.setFont(font(theme.BAND_LABEL_SIZE, bold=True))
            painter.drawText(qrect(rect).adjusted(10, 6, -6, -6), align, label)
        if legend:
            self._paint_persona_legend(painter, g.emotion_header, legend)

    def _legend_rows(self) -> tuple:
        """(persona, name, colour, line style, photo) for each row of the personas' legend."""
        scene = self.scene()
        journey = scene.journey
        rows = [(p, p.name or "Unnamed persona", persona_colour(journey, p.id), Qt.PenStyle.SolidLine,
                 scene.photos.image(p)) for p in journey.personas if p.id in self.geometry.persona_curves]
        if scene.curve.target_shown:
            rows.append((None, "to-be (dashed)", theme.TEXT_MUTED, Qt.PenStyle.DashLine, None))
        return tuple(rows)

    @staticmethod
    def _paint_persona_legend(painter: QPainter, header: Rect, rows: tuple) -> None:
        """One row per persona under the band's label: a line in their colour, their name."""
        top = header.y + 26
        step = min(16.0, (header.bottom - 4 - top) / max(len(rows), 1))
        label_font = font(theme.SCORE_LABEL_SIZE + 1)
        width = header.width - 48 - step
        for i, (persona, name, colour, style, photo) in enumerate(rows):
            y = top + i * step + step / 2
            painter.setPen(QPen(QColor(colour), theme.EMOTION_CURVE_WIDTH, style))
            painter.drawLine(QPointF(header.x + 10, y), QPointF(header.x + 30, y))
            if persona is not None:  # their face beside their curve's colour
                paint_badge(painter, QRectF(header.x + 34, y - step / 2 + 1, step - 2, step - 2), persona, colour,
                            photo)
            painter.setFont(label_font)
            painter.setPen(QColor(theme.TEXT))
            painter.drawText(QRectF(header.x + 36 + step, y - step / 2, width, step), Qt.AlignmentFlag.AlignVCenter,
                             elided_lines(name, label_font, width, 1)[0])

    def set_cursor_cell(self, cell: tuple[str, str] | None) -> None:
        """Mark the keyboard's cell, repainting only the cell it leaves and the one it enters."""
        if cell == self.cursor_cell:
            return
        for changed in (self.cursor_cell, cell):
            if self.geometry is not None and changed in self.geometry.cells:
                self.update(qrect(self.geometry.cells[changed]))
        self.cursor_cell = cell


def _curve_path(points) -> QPainterPath:
    """The smooth curve through `points` (made once per layout, not per frame)."""
    if not points:
        return QPainterPath()
    path = QPainterPath(QPointF(points[0].x, points[0].y))
    for control1, control2, end in smooth_curve(points):
        path.cubicTo(QPointF(control1.x, control1.y), QPointF(control2.x, control2.y), QPointF(end.x, end.y))
    return path


class EmotionCurveItem(_GeometryItem):
    """The customer's emotion across the journey: a smooth line through each card column's average.

    On a map of several personas, one curve per persona in their colour (today solid, to-be dashed;
    the grid draws their legend in the band's header); the persona the canvas answers for stands
    out, the others fade.
    """

    def __init__(self):
        super().__init__()
        self.setZValue(1)
        self.show_target = False  # the to-be emotion as a second, dashed curve
        self.persona_filter: str | None = None
        self._path = self._target_path = QPainterPath()
        self._persona_paths: dict[str, tuple[QPainterPath, QPainterPath]] = {}

    def set_persona_filter(self, persona_id: str | None) -> None:
        self.persona_filter = persona_id
        self.update()

    @property
    def target_shown(self) -> bool:
        """The to-be curve shows when the overlay asks for it, and always in the to-be view."""
        return self.show_target or self.scene().to_be_view

    def paint(self, painter: QPainter, option, widget=None) -> None:
        g = self.geometry
        if g is None or not g.stage_ids:
            return
        band = g.emotion_band
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(theme.EMOTION_ZERO_LINE), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(band.x, g.emotion_zero_y), QPointF(band.right, g.emotion_zero_y))
        if readable(option, painter):
            painter.setFont(font(theme.SCORE_LABEL_SIZE))
            painter.setPen(QColor(theme.TEXT_MUTED))
            for emotion, label in ((2, "+2"), (0, "0"), (-2, "−2")):
                painter.drawText(QRectF(band.x + 4, g.emotion_y(emotion) - 8, 24, 16), Qt.AlignmentFlag.AlignVCenter,
                                 label)
        if g.persona_curves:
            self._paint_persona_curves(painter, g)
            return
        if self.target_shown:
            self._paint_curve(painter, g.target_emotion_curve, self._target_path, theme.TARGET_CURVE,
                              Qt.PenStyle.DashLine)
        self._paint_curve(painter, g.emotion_curve, self._path, theme.EMOTION_CURVE, Qt.PenStyle.SolidLine)

    def _paint_persona_curves(self, painter: QPainter, g: MapGeometry) -> None:
        journey = self.scene().journey
        for persona in journey.personas:
            if persona.id not in g.persona_curves:
                continue
            colour = persona_colour(journey, persona.id)
            path, target_path = self._persona_paths[persona.id]
            faded = self.persona_filter is not None and persona.id != self.persona_filter
            painter.setOpacity(0.25 if faded else 1.0)
            if self.target_shown:
                self._paint_curve(painter, g.persona_target_curves[persona.id], target_path, colour,
                                  Qt.PenStyle.DashLine)
            self._paint_curve(painter, g.persona_curves[persona.id], path, colour, Qt.PenStyle.SolidLine)
        painter.setOpacity(1.0)

    def set_geometry(self, geometry: MapGeometry) -> None:
        self._path, self._target_path = _curve_path(geometry.emotion_curve), _curve_path(geometry.target_emotion_curve)
        self._persona_paths = {persona_id: (_curve_path(points), _curve_path(geometry.persona_target_curves[persona_id]))
                               for persona_id, points in geometry.persona_curves.items()}
        super().set_geometry(geometry)

    @staticmethod
    def _paint_curve(painter: QPainter, points, path: QPainterPath, colour: str, style: Qt.PenStyle) -> None:
        if not points:
            return
        painter.setPen(QPen(QColor(colour), theme.EMOTION_CURVE_WIDTH, style))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        size = theme.EMOTION_MARKER_SIZE
        painter.setPen(QPen(QColor(theme.CARD_BACKGROUND), 1.5))
        painter.setBrush(QColor(colour))
        for point in points:
            painter.drawEllipse(QPointF(point.x, point.y), size / 2, size / 2)

    def boundingRect(self) -> QRectF:
        # The band only, so that a change to the curve repaints the band and not the whole map.
        if self.geometry is None:
            return QRectF()
        return qrect(self.geometry.emotion_band).adjusted(-theme.EMOTION_MARKER_SIZE, -theme.EMOTION_MARKER_SIZE,
                                                          theme.EMOTION_MARKER_SIZE, theme.EMOTION_MARKER_SIZE)

    def set_show_target(self, show: bool) -> None:
        self.show_target = show
        self.update()


class StageScoresItem(_GeometryItem):
    """Each stage's average Meaning, Value and Accommodation (numbers over small bars) and emotion
    (a face and a number), in the slots the PDF uses too."""

    def __init__(self):
        super().__init__()
        self.setZValue(1)
        self.scores: list[StageScores] = []

    def boundingRect(self) -> QRectF:
        if self.geometry is None or not self.geometry.scores_band:
            return QRectF()
        bands = list(self.geometry.scores_band.values())
        return QRectF(bands[0].x, bands[0].y, bands[-1].right - bands[0].x, bands[0].height)

    def set_scores(self, scores: list[StageScores]) -> None:
        self.scores = scores
        self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        g = self.geometry
        if g is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        readable_text = readable(option, painter)
        for stage in self.scores:
            rect = g.scores_band.get(stage.stage_id)
            if rect is None:
                continue
            for slot in score_slots(rect):
                value = getattr(stage, slot.name)
                if slot.name == "emotion":
                    paint_face(painter, qrect(slot.mark), None if value is None else round(value))
                    text = NO_VALUE if value is None else signed(value, 1)
                else:
                    text = f"{theme.SCORE_LABELS[slot.name]} {average_label(value)}"
                if readable_text:
                    painter.setFont(font(slot.value.size, bold=True))
                    painter.setPen(QColor(theme.TEXT))
                    painter.drawText(qrect(slot.value.box), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                     text)
                if slot.name == "emotion":
                    continue
                track = qrect(slot.mark)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(theme.SCORE_BAR_TRACK))
                painter.drawRoundedRect(track, 2, 2)
                if value is not None:
                    painter.setBrush(QColor(theme.SCORE_COLOURS[slot.name]))
                    painter.drawRoundedRect(QRectF(track.x(), track.y(), track.width() * value / 5, track.height()),
                                            2, 2)
