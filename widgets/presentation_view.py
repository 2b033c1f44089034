"""Presentation mode: the canvas's own scene in a second, full-screen view laid out for a room.

The view is chosen so that card titles are at least 1/50 of the screen's height (the projector
"8H" rule) and the stages in view fill its width; it shows a window of whole stages and steps
through them like slides. Stage and lane names stay pinned to the top and left edges (sticky
headers) while the map pans under them. Because it shows the same `JourneyScene`, an edit made
here or in the main window appears in both at once, and keys reach the scene's live capture.

Walk-through dims every stage but the current one and ends on an insights step of large
callouts. B blanks the screen, H switches high contrast, R hides or shows problem marks and
overlays, L the parking lot; Escape leaves (a rename in progress takes it first).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QColor, QFontMetricsF, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import QGraphicsView, QLabel

from model import theme
from model.headline import Finding
from widgets.canvas_scene import JourneyScene
from widgets.text import elided_lines, font

STAGE_NAME_SCALE = 1.5  # stage names this much larger than card titles on screen
LANE_NAME_SCALE = 1.2


@dataclass(frozen=True)
class RoomKey:
    """A key of presentation mode: what Help shows, and the method or signal it triggers."""

    keys: tuple[Qt.Key, ...]
    label: str
    action: str
    handler: str
    without_selection: bool = False  # with a card selected the key moves between cards instead


K = Qt.Key
# The one table of presentation keys: the view dispatches from it and Help → Keyboard Shortcuts lists it.
ROOM_KEYS = (
    RoomKey((K.Key_PageDown,), "Page Down", "Next stage (a clicker's forward button)", "next_step"),
    RoomKey((K.Key_PageUp,), "Page Up", "Previous stage (a clicker's back button)", "previous_step"),
    RoomKey((K.Key_Right,), "→", "Next stage, when no card is selected", "next_step", True),
    RoomKey((K.Key_Left,), "←", "Previous stage, when no card is selected", "previous_step", True),
    RoomKey((K.Key_Down,), "↓", "Down a lane, when no card is selected", "lane_down", True),
    RoomKey((K.Key_Up,), "↑", "Up a lane, when no card is selected", "lane_up", True),
    RoomKey((K.Key_Home,), "Home", "First stage", "first_step"),
    RoomKey((K.Key_End,), "End", "Last step (in a walk-through, the insights)", "last_step"),
    RoomKey((K.Key_B, K.Key_Period), "B", "Blank the screen; any key brings the map back", "toggle_blank"),
    RoomKey((K.Key_H,), "H", "High contrast on or off", "toggle_contrast"),
    RoomKey((K.Key_R,), "R", "Hide or show problem marks and overlays", "revealToggled"),
    RoomKey((K.Key_L,), "L", "Show or hide the parking lot strip", "parkingToggled"),
    RoomKey((K.Key_Escape,), "Escape", "Leave the presentation (first ends a rename in progress)", "left"),
)
MESSAGE_MS = 3500
DIM = QColor(255, 255, 255, 190)
DIM_HIGH_CONTRAST = QColor(0, 0, 0, 200)


class PresentationView(QGraphicsView):
    """A full-screen view of the scene for the room; `left` when the presenter leaves."""

    left = Signal()  # the presenter asked to leave (Escape)
    closed = Signal()  # the window is gone, however it was closed
    stepped = Signal()  # the step changed (presenter view, tests)
    revealToggled = Signal()  # R: show or hide problem marks and overlays
    parkingToggled = Signal()  # L: show or hide the parking lot strip


    def __init__(self, scene: JourneyScene):
        super().__init__(scene)
        self.setWindowTitle("Wayfinder — Presentation")
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)  # sticky headers
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.step = 0
        self.walk_through = False
        self.blanked = False
        self.high_contrast = False
        self.callouts: list[Finding] = []  # the insights step's statements, set by the workshop
        self._top = 0.0  # scene y shown under the sticky stage band
        self.message = QLabel(self)
        self.message.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.message.hide()
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self.message.hide)
        scene.sceneRectChanged.connect(lambda _: self.frame_step())
        scene.set_card_cache(False)

    # ----------------------------------------------------------------- the room's scale
    def title_pixels(self) -> float:
        """How tall card titles must be on this screen: 1/50 of its height."""
        return self.height() / theme.ROOM_TITLE_SHARE

    def minimum_scale(self) -> float:
        return self.title_pixels() / theme.CARD_TITLE_SIZE

    @property
    def scale_factor(self) -> float:
        return self.transform().m11()

    def lane_strip_width(self) -> float:
        return theme.LANE_HEADER_WIDTH * self.minimum_scale()

    def stage_band_height(self) -> float:
        return max(theme.STAGE_HEADER_HEIGHT * self.scale_factor, 2.4 * self.title_pixels() * STAGE_NAME_SCALE)

    # ----------------------------------------------------------------- steps
    def stage_ids(self) -> tuple[str, ...]:
        scene: JourneyScene = self.scene()
        scene.ensure_layout()
        return scene.geometry.stage_ids if scene.geometry else ()

    def step_count(self) -> int:
        return len(self.stage_ids()) + (1 if self.walk_through else 0)

    def on_insights_step(self) -> bool:
        return self.walk_through and self.step == len(self.stage_ids())

    def current_stage(self) -> str | None:
        stages = self.stage_ids()
        return stages[min(self.step, len(stages) - 1)] if stages else None

    def step_description(self, offset: int = 0) -> str:
        """"Stage 2 of 5: Consideration", "Insights", or "" past the end (for the presenter)."""
        index = self.step + offset
        stages = self.stage_ids()
        if 0 <= index < len(stages):
            return f"Stage {index + 1} of {len(stages)}: {self.scene().journey.stage(stages[index]).name}"
        if self.walk_through and index == len(stages):
            return "Insights"
        return ""

    def go_to(self, step: int) -> None:
        self.step = max(0, min(step, self.step_count() - 1))
        self.frame_step()
        self.stepped.emit()

    def stages_in_view(self) -> tuple[str, ...]:
        """The window of whole stages, from the current one, that fits the width at the room's scale."""
        stages = self.stage_ids()
        if not stages:
            return ()
        g = self.scene().geometry
        first = stages.index(self.current_stage())
        room = self.width() - self.lane_strip_width()
        shown, width = [], 0.0
        for stage_id in stages[first:]:
            width += g.stage_columns[stage_id].width * self.minimum_scale()
            if shown and width > room:
                break
            shown.append(stage_id)
        # Near the end, show the last stages full width rather than one stage alone.
        while first > 0 and len(shown) < len(stages):
            before = stages[stages.index(shown[0]) - 1]
            if width_of(g, [before, *shown]) * self.minimum_scale() > room:
                break
            shown.insert(0, before)
        return tuple(shown)

    def frame_step(self) -> None:
        """Scale and scroll so that the stages in view fill the width right of the lane strip."""
        shown = self.stages_in_view()
        if not shown or self.width() <= 0:
            return
        g = self.scene().geometry
        left = g.stage_columns[shown[0]].x
        scale = max(self.minimum_scale(), (self.width() - self.lane_strip_width()) / width_of(g, shown))
        self.setTransform(self.transform().fromScale(scale, scale))
        bounds = self.scene().sceneRect()
        slack_x, slack_y = self.width() / scale, self.height() / scale
        self.setSceneRect(bounds.adjusted(-slack_x, -slack_y, slack_x, slack_y))
        if not self._top:
            self._top = g.stage_headers[shown[0]].bottom
        self._scroll_to(left - self.lane_strip_width() / scale, self._top - self.stage_band_height() / scale)
        self.viewport().update()

    def _scroll_to(self, scene_x: float, scene_y: float) -> None:
        """Put scene point (x, y) at the viewport's top-left corner."""
        corner = self.mapToScene(0, 0)
        delta = (QPointF(scene_x, scene_y) - corner) * self.scale_factor
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + round(delta.x()))
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + round(delta.y()))

    def scroll_rows(self, lanes: int) -> None:
        """Up and down a lane at a time (the stage window stays)."""
        g = self.scene().geometry
        tops = sorted([g.lane_rows[l].y for l in g.lane_ids] + [g.emotion_band.y])
        current = self._top
        later = [t for t in tops if t > current + 1] if lanes > 0 else [t for t in tops if t < current - 1]
        if later:
            self._top = later[0] if lanes > 0 else later[-1]
        elif lanes < 0:
            self._top = g.stage_headers[g.stage_ids[0]].bottom if g.stage_ids else 0
        self.frame_step()

    def reveal(self, rect: QRectF) -> None:
        """Bring a selected card into the room's view: its stage's window, and its lane."""
        g = self.scene().geometry
        if g is None:
            return
        stage = next((s for s in g.stage_ids if g.stage_columns[s].x <= rect.center().x() <= g.stage_columns[s].right),
                     None)
        if stage is not None and stage not in self.stages_in_view():
            self.step = g.stage_ids.index(stage)
        visible_bottom = self._top + (self.height() - self.stage_band_height()) / self.scale_factor
        if rect.top() < self._top or rect.bottom() > visible_bottom:
            self._top = max(g.stage_headers[g.stage_ids[0]].bottom, rect.top() - 24) if g.stage_ids else 0
        self.frame_step()
        self.stepped.emit()

    # ----------------------------------------------------------------- keys
    def keyPressEvent(self, event: QKeyEvent) -> None:
        scene = self.scene()
        if not scene.editor.active and not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            for room_key in ROOM_KEYS:
                if event.key() in room_key.keys and not (room_key.without_selection and scene.selectedItems()):
                    target = getattr(self, room_key.handler)
                    target.emit() if isinstance(target, SignalInstance) else target()
                    return
            if self.blanked:  # any other key brings the map back first
                self.toggle_blank()
                return
        super().keyPressEvent(event)

    def next_step(self) -> None:
        self.go_to(self.step + 1)

    def previous_step(self) -> None:
        self.go_to(self.step - 1)

    def first_step(self) -> None:
        self.go_to(0)

    def last_step(self) -> None:
        self.go_to(self.step_count() - 1)

    def lane_down(self) -> None:
        self.scroll_rows(+1)

    def lane_up(self) -> None:
        self.scroll_rows(-1)

    def toggle_blank(self) -> None:
        self.blanked = not self.blanked
        self.viewport().update()

    def toggle_contrast(self) -> None:
        self.high_contrast = not self.high_contrast
        self.setBackgroundBrush(QColor("#ffffff" if self.high_contrast else theme.CANVAS_BACKGROUND))
        self.viewport().update()

    def show_message(self, text: str) -> None:
        """A short note at the foot of the screen (whose dot it was, why a key did nothing)."""
        self.message.setText(text)
        self.message.setStyleSheet(f"QLabel {{ background: rgba(26, 26, 26, 215); color: white; "
                                   f"border-radius: 8px; padding: 8px 18px; font-size: {round(self.title_pixels())}px; }}")
        self.message.adjustSize()
        self.message.move(round(self.lane_strip_width()) + 24, self.height() - self.message.height() - 24)
        self.message.show()
        self.message.raise_()
        self._message_timer.start(MESSAGE_MS)

    def closeEvent(self, event) -> None:
        self.scene().set_card_cache(True)
        super().closeEvent(event)
        self.closed.emit()

    def paintEvent(self, event) -> None:
        # Cards leave out text that would be smaller than the room can read; the main window's
        # view of the same scene paints (and caches) its cards without this floor.
        scene = self.scene()
        scene.text_floor, scene.high_contrast = theme.ROOM_MIN_TEXT_PIXELS, self.high_contrast
        try:
            super().paintEvent(event)
        finally:
            scene.text_floor, scene.high_contrast = 0, False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.frame_step()

    # ----------------------------------------------------------------- what is drawn over the map
    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        painter.save()
        painter.resetTransform()
        width, height = self.viewport().width(), self.viewport().height()
        if self.blanked:
            painter.fillRect(0, 0, width, height, QColor("#000000"))
            painter.restore()
            return
        g = self.scene().geometry
        if g is not None and g.stage_ids:
            if self.walk_through:
                self._dim_other_stages(painter, g, height)
            self._sticky_lanes(painter, g)
            self._sticky_stages(painter, g)
            if self.on_insights_step():
                self._paint_callouts(painter, width, height)
        painter.restore()

    def _colours(self) -> tuple[QColor, QColor, QColor]:
        """Band background, band text, and the line under the bands."""
        if self.high_contrast:
            return QColor("#000000"), QColor("#ffffff"), QColor("#000000")
        return QColor(theme.STAGE_HEADER_BACKGROUND), QColor(theme.HEADER_TEXT), QColor(theme.GRID_LINE)

    def _sticky_stages(self, painter: QPainter, g) -> None:
        band = self.stage_band_height()
        background, ink, rule = self._colours()
        painter.fillRect(QRectF(0, 0, self.viewport().width(), band), background)
        name_font = font(self.title_pixels() * STAGE_NAME_SCALE, bold=True)
        goal_font = font(max(self.title_pixels() * 0.8, theme.ROOM_MIN_TEXT_PIXELS))
        journey = self.scene().journey
        for stage_id in g.stage_ids:
            column = g.stage_columns[stage_id]
            left = self.mapFromScene(QPointF(column.x, 0)).x()
            right = self.mapFromScene(QPointF(column.right, 0)).x()
            if right < self.lane_strip_width() or left > self.viewport().width():
                continue
            box = QRectF(left + 12, 6, right - left - 24, band - 12)
            stage = journey.stage(stage_id)
            painter.setPen(ink)
            painter.setFont(name_font)
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                             elided_lines(stage.name, name_font, box.width(), 1)[0])
            if stage.goal and band > 2.2 * QFontMetricsF(name_font).lineSpacing():
                painter.setFont(goal_font)
                goal_box = box.adjusted(0, QFontMetricsF(name_font).lineSpacing(), 0, 0)
                painter.drawText(goal_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                                 elided_lines(stage.goal, goal_font, box.width(), 1)[0])
            painter.setPen(QPen(rule, 2))
            painter.drawLine(QPointF(left, 0), QPointF(left, band))
        painter.setPen(QPen(rule, 2))
        painter.drawLine(QPointF(0, band), QPointF(self.viewport().width(), band))

    def _sticky_lanes(self, painter: QPainter, g) -> None:
        strip = self.lane_strip_width()
        background, ink, rule = self._colours()
        if not self.high_contrast:
            background = QColor(theme.LANE_HEADER_BACKGROUND)
        painter.fillRect(QRectF(0, 0, strip, self.viewport().height()), background)
        name_font = font(self.title_pixels() * LANE_NAME_SCALE, bold=True)
        journey = self.scene().journey
        rows = [(g.lane_rows[l], journey.lane(l).name) for l in g.lane_ids]
        rows.append((g.emotion_band, "Emotion"))
        band = self.stage_band_height()
        line = QFontMetricsF(name_font).lineSpacing()
        for row, name in rows:
            top = self.mapFromScene(QPointF(0, row.y)).y()
            bottom = self.mapFromScene(QPointF(0, row.bottom)).y()
            painter.setPen(QPen(rule, 2))
            painter.drawLine(QPointF(0, top), QPointF(strip, top))
            # A lane scrolled partly under the stage band keeps its name in view, until its end pushes it out.
            box = QRectF(10, max(top, band) + 8, strip - 20, bottom - max(top, band) - 16)
            if box.height() < line:
                continue
            painter.setPen(ink)
            painter.setFont(name_font)
            lines = elided_lines(name, name_font, box.width(), max(1, min(3, int(box.height() // line))))
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, "\n".join(lines))
        painter.setPen(QPen(rule, 2))
        painter.drawLine(QPointF(strip, 0), QPointF(strip, self.viewport().height()))

    def _dim_other_stages(self, painter: QPainter, g, height: int) -> None:
        current = None if self.on_insights_step() else self.current_stage()
        shade = DIM_HIGH_CONTRAST if self.high_contrast else DIM
        for stage_id in g.stage_ids:
            if stage_id == current:
                continue
            column = g.stage_columns[stage_id]
            left = self.mapFromScene(QPointF(column.x, 0)).x()
            right = self.mapFromScene(QPointF(column.right, 0)).x()
            painter.fillRect(QRectF(left, 0, right - left, height), shade)

    def _paint_callouts(self, painter: QPainter, width: int, height: int) -> None:
        """The insights step: each finding as a large card in the middle of the screen."""
        if not self.callouts:
            return
        label_font = font(self.title_pixels() * 1.3, bold=True)
        text_font = font(self.title_pixels() * 1.7, bold=True)
        box_width = width * 0.7
        label_height = QFontMetricsF(label_font).lineSpacing()
        line_height = QFontMetricsF(text_font).lineSpacing()
        boxes = []
        for callout in self.callouts:
            lines = elided_lines(callout.text, text_font, box_width - 56, 2)
            boxes.append((callout, lines, label_height + len(lines) * line_height + 40))
        gap = 24
        top = max(self.stage_band_height() + gap, (height - sum(b[2] + gap for b in boxes)) / 2)
        left = (width - box_width) / 2
        for callout, lines, box_height in boxes:
            box = QRectF(left, top, box_width, box_height)
            painter.setPen(QPen(QColor(theme.PROBLEM_HIGHLIGHT if callout.problem else theme.BLUE), 4))
            painter.setBrush(QColor("#ffffff"))
            painter.drawRoundedRect(box, 14, 14)
            painter.setPen(QColor(theme.PROBLEM_HIGHLIGHT if callout.problem else theme.TEXT_MUTED))
            painter.setFont(label_font)
            painter.drawText(box.adjusted(28, 16, -28, 0), Qt.AlignmentFlag.AlignLeft, callout.label)
            painter.setPen(QColor(theme.TEXT))
            painter.setFont(text_font)
            painter.drawText(box.adjusted(28, 16 + label_height + 4, -28, 0), Qt.AlignmentFlag.AlignLeft,
                             "\n".join(lines))
            top += box_height + gap


def width_of(g, stage_ids) -> float:
    return sum(g.stage_columns[s].width for s in stage_ids)
