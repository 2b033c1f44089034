"""Which cards and connections the canvas fades: those the chosen persona never meets, and in the
to-be view the touchpoints it retires. A faded connection is one with a faded end."""

from __future__ import annotations

from model import theme
from model.entities import ToBeChange


def is_dimmed(scene, touchpoint_id: str) -> bool:
    tp = scene.journey.touchpoint(touchpoint_id)
    return (not tp.meets(scene.persona_filter)) or (scene.to_be_view and tp.to_be == ToBeChange.removed)


def dim(scene, touchpoint_id: str) -> None:
    """Fade one card, or not, and its connections with it (after it came or changed)."""
    scene.cards[touchpoint_id].setOpacity(theme.DIMMED_OPACITY if is_dimmed(scene, touchpoint_id) else 1.0)
    scene.overview.refresh()
    for connection in scene.journey.connections_of(touchpoint_id):
        dim_connection(scene, *connection.key)


def dim_connection(scene, source: str, target: str) -> None:
    item = scene.connection_items.get((source, target))
    if item is not None:
        faded = is_dimmed(scene, source) or is_dimmed(scene, target)
        item.setOpacity(theme.DIMMED_OPACITY if faded else 1.0)


def apply_dimming(scene) -> None:
    """Fade every card and connection as the persona filter and the to-be view say."""
    dimmed = {tp_id for tp_id in scene.cards if is_dimmed(scene, tp_id)}
    for tp_id, card in scene.cards.items():
        card.setOpacity(theme.DIMMED_OPACITY if tp_id in dimmed else 1.0)
    for (source, target), item in scene.connection_items.items():
        item.setOpacity(theme.DIMMED_OPACITY if source in dimmed or target in dimmed else 1.0)
    scene.overview.refresh()
