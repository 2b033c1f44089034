"""Maps to and from JSON Canvas 1.0 (`.canvas`), the open canvas format of Obsidian and others.

Export: every stage is a group spanning its column (header to scores band), every lane a group
spanning its row, every touchpoint a text node where the card is on the canvas (Markdown: the
title as a heading, then the description) and every connection an edge from the card's right
side to the next card's left, labelled with the connection's label and coloured by its kind.

Import reads any canvas, hand-made ones included. Groups that cross another group (wider than it
and lying inside its height, as a lane row crosses a stage column) are lanes, top to bottom;
the other groups are stages, left to right. A text node whose centre lies in a stage group is a
touchpoint of that stage and of the lane group around it (else of the lane "Customer"); its
first line (less a Markdown heading's `#`) is the title, the rest the description. Within a cell, cards read column by column,
top to bottom. Edges between two touchpoints are connections; everything else (file and link
nodes, text outside every stage, edges to them) is ignored with a warning naming it.

The file is checked against the spec's shape before anything is read, so a broken or hostile
canvas gives one error naming the node or edge (`nodes[3].x: must be a whole number`).
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..entities import ConnectionKind
from ..errors import InvalidChange, JourneyFileError
from ..journey_map import JourneyMap
from ..layout import Rect, layout
from . import DEFAULT_LANE, CardDraft, MapDraft

MAX_NODES = 20_000  # ten times the largest maps we benchmark; more is not a journey map
MAX_EDGES = 60_000
MAX_TEXT = 20_000  # what a touchpoint's description holds
NODE_TYPES = {"text", "file", "link", "group"}
SIDES = {"top", "right", "bottom", "left"}
ENDS = {"none", "arrow"}
# connection kind -> the edge colour export writes (the spec's preset colours); main has none
KIND_COLOURS = {ConnectionKind.alternative: "5", ConnectionKind.fallback: "2"}
_COLOUR_KINDS = {colour: kind for kind, colour in KIND_COLOURS.items()}
_STAGE_COLOUR = "4"  # green: the spec leaves each app to choose its shade
_LANE_COLOUR = "6"  # purple


# ----------------------------------------------------------------- export
def to_canvas(journey: JourneyMap) -> str:
    """The map as JSON Canvas text, laid out as on Wayfinder's canvas."""
    geometry = layout(journey)
    nodes: list[dict[str, Any]] = []
    for stage in journey.stages:
        nodes.append(_node(f"stage-{stage.id}", "group", geometry.stage_columns[stage.id],
                           label=stage.name, color=_STAGE_COLOUR))
    for lane in journey.lanes:
        nodes.append(_node(f"lane-{lane.id}", "group", geometry.lane_rows[lane.id],
                           label=lane.name, color=_LANE_COLOUR))
    for tp in journey.touchpoints():
        text = f"## {tp.title}" + (f"\n\n{tp.description}" if tp.description else "")
        extra = {"color": tp.colour} if tp.colour else {}
        nodes.append(_node(f"tp-{tp.id}", "text", geometry.cards[tp.id], text=text, **extra))
    edges = []
    for connection in journey.connections():
        edge: dict[str, Any] = {"id": f"edge-{connection.source}-{connection.target}",
                                "fromNode": f"tp-{connection.source}", "fromSide": "right",
                                "toNode": f"tp-{connection.target}", "toSide": "left", "toEnd": "arrow"}
        if connection.kind in KIND_COLOURS:
            edge["color"] = KIND_COLOURS[connection.kind]
        if connection.label:
            edge["label"] = connection.label
        edges.append(edge)
    return json.dumps({"nodes": nodes, "edges": edges}, indent="\t", ensure_ascii=False) + "\n"


def _node(node_id: str, kind: str, rect: Rect, **fields: Any) -> dict[str, Any]:
    return {"id": node_id, "type": kind, "x": round(rect.x), "y": round(rect.y),
            "width": round(rect.width), "height": round(rect.height), **fields}


# ----------------------------------------------------------------- import
def from_canvas(text: str, source: str = "<canvas>", title: str = "") -> tuple[JourneyMap, list[str]]:
    """A map from JSON Canvas text; raises `JourneyFileError` naming the first node or edge at fault."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise JourneyFileError(source, f"is not JSON: {error.msg}", f"line {error.lineno}, column {error.colno}") from None
    except RecursionError:
        raise JourneyFileError(source, "is not a JSON Canvas: it nests too deeply") from None
    nodes, edges = _checked(document, source)
    warnings: list[str] = []
    groups = [node for node in nodes if node["type"] == "group"]
    lane_groups = [g for g in groups if any(_crosses(g, other) for other in groups)]
    stage_groups = sorted((g for g in groups if g not in lane_groups), key=lambda g: (g["x"], g["y"]))
    lane_groups.sort(key=lambda g: (g["y"], g["x"]))

    draft = MapDraft(source)
    if title:
        draft.set_info("title", title, "")
    for number, group in enumerate(stage_groups):
        draft.add_stage(_label(group, f"Stage {number + 1}"), _where(group))
    placed: list[tuple[tuple, dict[str, Any]]] = []  # (reading order key, node)
    for node in nodes:
        if node["type"] == "group":
            continue
        centre = (node["x"] + node["width"] / 2, node["y"] + node["height"] / 2)
        stage = next((i for i, g in enumerate(stage_groups) if _inside(centre, g)), None)
        if node["type"] != "text" or stage is None:
            why = "is not a text node" if node["type"] != "text" else "lies in no stage group"
            warnings.append(f'{_where(node)} ({node["type"]} node "{_gist(node)}") {why}; ignored')
            continue
        lane = next((i for i, g in enumerate(lane_groups) if _inside(centre, g)), len(lane_groups))
        placed.append(((stage, lane, node["x"], node["y"]), node))
    placed.sort(key=lambda entry: entry[0])
    # Lanes are told apart by their group, not their label: a canvas may label two rows alike.
    lane_names = [g["id"] for g in lane_groups] + [""]
    draft.lane_labels = {g["id"]: _label(g, f"Lane {i + 1}") for i, g in enumerate(lane_groups)} | {"": DEFAULT_LANE}

    touchpoint_ids: dict[str, str] = {}
    for (stage, lane, _, _), node in placed:
        title_line, _, rest = node["text"].lstrip("\r\n").partition("\n")
        title_line = re.sub(r"^#{1,6} ", "", title_line.rstrip("\r"))
        fields: dict[str, Any] = {"description": rest[1:] if rest[:1] == "\n" else rest.strip()}
        if isinstance(node.get("color"), str) and node["color"].startswith("#"):
            fields["colour"] = node["color"]
        touchpoint_ids[node["id"]] = draft.add_card(CardDraft(stage, lane_names[lane], title_line or "(untitled)",
                                                               fields, _where(node)))
    draft.links_given = True  # the canvas's edges are the flow, even where it has none
    journey = draft.build()

    for edge in edges:
        source_id, target_id = touchpoint_ids.get(edge["fromNode"]), touchpoint_ids.get(edge["toNode"])
        if source_id is None or target_id is None:
            warnings.append(f"{_where(edge)} does not join two touchpoints; ignored")
            continue
        kind = _COLOUR_KINDS.get(edge.get("color", ""), ConnectionKind.main)
        try:
            journey.add_connection(source_id, target_id, kind=kind.value, label=edge.get("label", ""))
        except InvalidChange as error:
            warnings.append(f"{_where(edge)}: {error.reason}; ignored")
    return journey, warnings


def _where(entry: dict[str, Any]) -> str:
    return f'{entry["_list"]}[{entry["_index"]}] (id "{entry["id"]}")'


def _gist(node: dict[str, Any]) -> str:
    text = str(node.get("text") or node.get("file") or node.get("url") or node.get("label") or "")
    first = text.strip().split("\n", 1)[0]
    return first if len(first) <= 40 else first[:39] + "…"


def _label(group: dict[str, Any], fallback: str) -> str:
    return group.get("label") or fallback


def _inside(point: tuple[float, float], group: dict[str, Any]) -> bool:
    x, y = point
    return group["x"] <= x < group["x"] + group["width"] and group["y"] <= y < group["y"] + group["height"]


def _crosses(row: dict[str, Any], column: dict[str, Any]) -> bool:
    """Whether `row` runs across `column`: wider on both sides, and within its height."""
    return (row["x"] < column["x"] and column["x"] + column["width"] <= row["x"] + row["width"]
            and column["y"] < row["y"] and row["y"] + row["height"] <= column["y"] + column["height"])


# ----------------------------------------------------------------- the spec's shape
_NODE_FIELDS = {"text": ("text",), "file": ("file",), "link": ("url",), "group": ()}
_OPTIONAL_TEXT = {"group": ("label", "background", "backgroundStyle"), "file": ("subpath",)}


def _checked(document: Any, source: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The nodes and edges of a canvas whose every field has the type and values JSON Canvas 1.0 gives it."""

    def fail(place: str, reason: str) -> JourneyFileError:
        return JourneyFileError(source, reason, place)

    if not isinstance(document, dict):
        raise fail("", "is not a JSON Canvas: the top level must be an object with nodes and edges")
    lists = {}
    for name, limit in (("nodes", MAX_NODES), ("edges", MAX_EDGES)):
        entries = document.get(name, [])
        if not isinstance(entries, list):
            raise fail(name, "must be a list")
        if len(entries) > limit:
            raise fail(name, f"has {len(entries):,} entries; Wayfinder reads at most {limit:,}")
        lists[name] = entries
    ids: set[str] = set()
    nodes = []
    for index, node in enumerate(lists["nodes"]):
        place = f"nodes[{index}]"
        if not isinstance(node, dict):
            raise fail(place, "must be an object")
        node_id = _text_field(node, "id", place, fail)
        if node_id in ids:
            raise fail(f"{place}.id", f'"{node_id}" is the id of an earlier node too')
        ids.add(node_id)
        kind = node.get("type")
        if kind not in NODE_TYPES:
            raise fail(f"{place}.type", f"must be one of {', '.join(sorted(NODE_TYPES))}, not {_shown(kind)}")
        for name in ("x", "y", "width", "height"):
            value = node.get(name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value or abs(value) > 1e9:
                raise fail(f"{place}.{name}", f"must be a number, not {_shown(value)}")
        for name in _NODE_FIELDS[kind]:
            _text_field(node, name, place, fail, limit=MAX_TEXT)
        for name in ("color", *_OPTIONAL_TEXT.get(kind, ())):
            if name in node and not isinstance(node[name], str):
                raise fail(f"{place}.{name}", f"must be text, not {_shown(node[name])}")
        nodes.append({**node, "_list": "nodes", "_index": index})
    edges = []
    for index, edge in enumerate(lists["edges"]):
        place = f"edges[{index}]"
        if not isinstance(edge, dict):
            raise fail(place, "must be an object")
        _text_field(edge, "id", place, fail)
        for name in ("fromNode", "toNode"):
            if _text_field(edge, name, place, fail) not in ids:
                raise fail(f"{place}.{name}", f'names no node: "{edge[name]}"')
        for name, allowed in (("fromSide", SIDES), ("toSide", SIDES), ("fromEnd", ENDS), ("toEnd", ENDS)):
            if name in edge and edge[name] not in allowed:
                raise fail(f"{place}.{name}", f"must be one of {', '.join(sorted(allowed))}, not {_shown(edge[name])}")
        for name in ("color", "label"):
            if name in edge and not isinstance(edge[name], str):
                raise fail(f"{place}.{name}", f"must be text, not {_shown(edge[name])}")
        edges.append({**edge, "_list": "edges", "_index": index})
    return nodes, edges


def _text_field(entry: dict[str, Any], name: str, place: str, fail, limit: int = 1000) -> str:
    value = entry.get(name)
    if not isinstance(value, str):
        raise fail(f"{place}.{name}", "is missing" if value is None else f"must be text, not {_shown(value)}")
    if len(value) > limit:
        raise fail(f"{place}.{name}", f"is {len(value):,} characters long; Wayfinder reads at most {limit:,}")
    return value


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 30 else text[:29] + "…"
