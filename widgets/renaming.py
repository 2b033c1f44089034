"""Renaming in place on the canvas: the scene's one line editor opened over a card's title or a
header's name, and what a finished rename asks for (a new title or name; a new card named, or
left unnamed and so taken away)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF

from model import theme


def edit_title(scene, touchpoint_id: str, new: bool = False) -> None:
    scene.ensure_layout()
    card = scene.cards[touchpoint_id]
    corner = card.scenePos()
    rect = QRectF(corner + QPointF(4, 4), corner + QPointF(theme.CARD_WIDTH - 4, 4 + 28))
    scene.revealRequested.emit(card.sceneBoundingRect())
    if new:
        scene.editor.start(("new touchpoint", touchpoint_id), "", rect, "Name the new touchpoint")
    else:
        scene.editor.start(("touchpoint", touchpoint_id), scene.journey.touchpoint(touchpoint_id).title, rect)


def edit_header(scene, kind: str, item_id: str) -> None:
    scene.ensure_layout()
    header = scene.headers[kind, item_id]
    name = (scene.journey.stage(item_id) if kind == "stage" else scene.journey.lane(item_id)).name
    rect = header.name_rect()
    scene.editor.start((kind, item_id), name, QRectF(rect.x(), rect.y(), rect.width(), 28))


def committed(scene, target: tuple, text: str) -> None:
    """The editor closed with `text`: ask for the change, if it is one (the target may be gone)."""
    kind, item_id = target
    journey = scene.journey
    if kind == "new touchpoint" and journey.has_touchpoint(item_id):
        if text:
            scene.newTouchpointNamed.emit(item_id, text)
        else:
            scene.newTouchpointAbandoned.emit(item_id)
        return
    if not text:
        return
    if kind == "touchpoint" and journey.has_touchpoint(item_id):
        if text != journey.touchpoint(item_id).title:
            scene.retitleRequested.emit(item_id, text)
    elif kind == "stage" and item_id in {s.id for s in journey.stages}:
        if text != journey.stage(item_id).name:
            scene.renameStageRequested.emit(item_id, text)
    elif kind == "lane" and item_id in {lane.id for lane in journey.lanes}:
        if text != journey.lane(item_id).name:
            scene.renameLaneRequested.emit(item_id, text)


def cancelled(scene, target: tuple) -> None:
    """Escape: a new card left without a title goes away; anything else stays as it was."""
    kind, item_id = target
    if kind == "new touchpoint" and scene.journey.has_touchpoint(item_id):
        scene.newTouchpointAbandoned.emit(item_id)
