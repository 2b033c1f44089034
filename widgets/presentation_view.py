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
from PySide6.QtGui import QColor, QKeyEvent, QPainter
from PySide6.QtWidgets import QGraphicsView, QLabel

from model import theme
from model.headline import Finding
from widgets.canvas_scene import JourneyScene
from widgets.room_overlay import (
    STAGE_NAME_SCALE,
    dim_other_stages,
    paint_callouts,
    paint_sticky_lanes,
    paint_sticky_stages,
)



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
                dim_other_stages(painter, self, g, height)
            paint_sticky_lanes(painter, self, g)
            paint_sticky_stages(painter, self, g)
            if self.on_insights_step():
                paint_callouts(painter, self, width, height)
        painter.restore()

def width_of(g, stage_ids) -> float:
    return sum(g.stage_columns[s].width for s in stage_ids)
