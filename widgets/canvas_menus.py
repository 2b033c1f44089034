"""The canvas's context menus: a card's, a header's (with a lane's blueprint line) and an empty cell's.

Like every gesture on the canvas, a choice in them only emits one of the scene's requests.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsSceneContextMenuEvent, QMenu

from model.room import BLUEPRINT_LINE_LABELS
from widgets.card_item import CardItem
from widgets.header_item import HeaderItem


def show_context_menu(scene, event: QGraphicsSceneContextMenuEvent) -> None:
    """The menu for whatever is under the pointer; nothing over the margins and bands."""
    item = scene.item_under(event.scenePos())
    menu = QMenu()
    if isinstance(item, HeaderItem):
        fill_header_menu(scene, menu, item)
    elif isinstance(item, CardItem):
        if not item.isSelected():
            scene.select_touchpoints([item.touchpoint_id])
        tp = item.touchpoint_id
        menu.addAction("Rename", lambda: scene.edit_title(tp))
        menu.addAction("Add Pain Point", lambda: scene.painPointRequested.emit(tp))
        menu.addAction("Add Opportunity", lambda: scene.opportunityRequested.emit(tp))
        menu.addSeparator()
        menu.addAction("Delete", scene.deleteRequested.emit)
    elif (cell := scene.cell_under(event.scenePos())) is not None:
        menu.addAction("Add Touchpoint Here", lambda: scene.addTouchpointRequested.emit(*cell, -1, ""))
    else:
        return
    menu.exec(event.screenPos())


def fill_header_menu(scene, menu: QMenu, header: HeaderItem) -> None:
    """Rename, insert before or after, a lane's blueprint line, remove: the header is selected first."""
    scene.select_header(header.kind, header.item_id)
    kind, item_id = header.kind, header.item_id
    noun, before, after, add, remove, index_of = {
        "stage": ("Stage", "Before", "After", scene.addStageRequested, scene.removeStageRequested,
                  scene.journey.stage_index),
        "lane": ("Lane", "Above", "Below", scene.addLaneRequested, scene.removeLaneRequested,
                 scene.journey.lane_index),
    }[kind]
    index = index_of(item_id)
    menu.addAction(f"Rename {noun}", lambda: scene.edit_header(kind, item_id))
    menu.addAction(f"Insert {noun} {before}", lambda: add.emit(index))
    menu.addAction(f"Insert {noun} {after}", lambda: add.emit(index + 1))
    if kind == "lane":
        _fill_blueprint_menu(scene, menu.addMenu("Blueprint Line Above"), item_id)
        if scene.journey.personas:
            _fill_owner_menu(scene, menu.addMenu("Belongs To"), item_id)
    menu.addSeparator()
    menu.addAction(f"Remove {noun}", lambda: remove.emit(item_id))


def _fill_blueprint_menu(scene, menu: QMenu, lane_id: str) -> None:
    current = next((line.kind for line in scene.journey.blueprint_lines if line.above == lane_id), None)
    for line_kind, label in ((None, "None"), *BLUEPRINT_LINE_LABELS.items()):
        action = menu.addAction(label, lambda k=line_kind: scene.blueprintLineRequested.emit(lane_id, k))
        action.setCheckable(True)
        action.setChecked(line_kind == current)


def _fill_owner_menu(scene, menu: QMenu, lane_id: str) -> None:
    """Everyone's, or one persona's: the lane can be reassigned at any time."""
    current = scene.journey.lane(lane_id).persona
    owners = [(None, "Everyone's"), *((p.id, p.name or "Unnamed persona") for p in scene.journey.personas)]
    for persona_id, label in owners:
        action = menu.addAction(label, lambda p=persona_id: scene.lanePersonaRequested.emit(lane_id, p))
        action.setCheckable(True)
        action.setChecked(persona_id == current)
