"""Touchpoints and personas on the clipboard: our own MIME types for Wayfinder windows, plain text
for the rest.

The MIME data is JSON in the file format's own shape (touchpoints and the connections among
them; personas with the folder of the map they were copied from, for their photos' paths), so
pasting validates exactly as loading a file does.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QMimeData
from pydantic import TypeAdapter, ValidationError

from model.entities import Connection, Persona, Touchpoint
from model.errors import first_problem
from model.journey_map import JourneyMap, new_id
from model.map_files import moved_to_map

MIME_TYPE = "application/x-wayfinder-touchpoints+json"
PERSONAS_MIME_TYPE = "application/x-wayfinder-personas+json"
_PERSONAS = TypeAdapter(list[Persona])
_TOUCHPOINTS = TypeAdapter(list[Touchpoint])
_CONNECTIONS = TypeAdapter(list[Connection])


def to_mime(journey: JourneyMap, touchpoint_ids: list[str]) -> QMimeData:
    """The selected touchpoints, in reading order, with the connections among them."""
    chosen = set(touchpoint_ids)
    touchpoints = [tp for tp in journey.touchpoints() if tp.id in chosen]
    connections = [c for c in journey.connections() if c.source in chosen and c.target in chosen]
    payload = {
        "touchpoints": _TOUCHPOINTS.dump_python(touchpoints, mode="json"),
        "connections": _CONNECTIONS.dump_python(connections, mode="json"),
    }
    mime = QMimeData()
    mime.setData(MIME_TYPE, json.dumps(payload, ensure_ascii=False).encode("utf-8"))
    mime.setText("\n".join(_as_text(journey, tp) for tp in touchpoints))
    return mime


def personas_to_mime(personas: list[Persona], folder: Path | None) -> QMimeData:
    """Personas to paste into another map (Edit → Copy with a persona shown on the map's page), with
    the folder of the map they come from (None: never saved), against which their photo paths are read."""
    payload = {"folder": None if folder is None else str(folder),
               "personas": _PERSONAS.dump_python(personas, mode="json")}
    mime = QMimeData()
    mime.setData(PERSONAS_MIME_TYPE, json.dumps(payload, ensure_ascii=False).encode("utf-8"))
    mime.setText("\n".join(" — ".join(part for part in (p.name, p.purpose) if part) for p in personas))
    return mime


def personas_from_mime(mime: QMimeData, folder: Path | None) -> list[Persona]:
    """The clipboard's personas (none unless Wayfinder put them there), their photo paths rewritten for
    the map in `folder` as an import from another map file does; `DamagedClipboard` if unreadable."""
    if not mime.hasFormat(PERSONAS_MIME_TYPE):
        return []
    try:
        payload = json.loads(bytes(mime.data(PERSONAS_MIME_TYPE)).decode("utf-8"))
        personas = _PERSONAS.validate_python(payload["personas"])
        source = None if payload["folder"] is None else Path(payload["folder"])
    except ValidationError as error:
        place, reason = first_problem(error)
        raise DamagedClipboard(f"{place}: {reason}") from None
    except (ValueError, KeyError, TypeError) as error:
        raise DamagedClipboard(f"not the JSON Wayfinder writes ({type(error).__name__}: {error})") from None
    if source is None:  # copied from a map never saved: a relative path had nothing to be relative to
        return personas
    return [p.model_copy(update={"photo": moved_to_map(p.photo, source, folder)}) for p in personas]


def _as_text(journey: JourneyMap, touchpoint: Touchpoint) -> str:
    where = f"{journey.stage(touchpoint.stage).name} / {journey.lane(touchpoint.lane).name}"
    return f"{touchpoint.title}\t{where}" + (f"\t{touchpoint.description}" if touchpoint.description else "")


class DamagedClipboard(ValueError):
    """The clipboard carries Wayfinder's type of data, but not data Wayfinder can read."""


def from_mime(mime: QMimeData, journey: JourneyMap, cell: tuple[str, str]) -> tuple[list[Touchpoint], list[Connection]]:
    """Copies of the clipboard's touchpoints with fresh ids, ready to insert into `journey`.

    The copies go where the keyboard is: into `cell` and the cells around it (see `copies`).
    Returns nothing when the clipboard holds no Wayfinder touchpoints, and raises `DamagedClipboard`
    when it claims to but cannot be read (another program, or a newer Wayfinder, wrote it).
    """
    if not mime.hasFormat(MIME_TYPE):
        return [], []
    try:
        payload = json.loads(bytes(mime.data(MIME_TYPE)).decode("utf-8"))
        touchpoints = _TOUCHPOINTS.validate_python(payload["touchpoints"])
        connections = _CONNECTIONS.validate_python(payload["connections"])
    except ValidationError as error:
        place, reason = first_problem(error)
        raise DamagedClipboard(f"{place}: {reason}") from None
    except (ValueError, KeyError, TypeError) as error:
        raise DamagedClipboard(f"not the JSON Wayfinder writes ({type(error).__name__}: {error})") from None
    return copies(journey, touchpoints, connections, cell)



def _known_personas(journey: JourneyMap, tp: Touchpoint) -> dict:
    """A card from another map keeps only mentions of personas this map has (everyone's if none is left)."""
    members = None if tp.personas is None else tuple(p for p in tp.personas if journey.has_persona(p)) or None
    return {"personas": members,
            "experiences": tuple(e for e in tp.experiences if journey.has_persona(e.persona))}


def copies(journey: JourneyMap, touchpoints: list[Touchpoint], connections: list[Connection],
           cell: tuple[str, str]) -> tuple[list[Touchpoint], list[Connection]]:
    """Touchpoints and their connections with new ids, the first one placed into `cell`.

    The others keep their places relative to the first (a card one stage to its right stays one
    stage to its right, as far as the map reaches), when this map has their stages and lanes;
    cards from another map all go into `cell`.
    """
    stages, lanes = [s.id for s in journey.stages], [lane.id for lane in journey.lanes]

    def placed(tp: Touchpoint) -> tuple[str, str]:
        first = touchpoints[0]
        if not {tp.stage, first.stage} <= set(stages) or not {tp.lane, first.lane} <= set(lanes):
            return cell
        stage = stages.index(cell[0]) + stages.index(tp.stage) - stages.index(first.stage)
        lane = lanes.index(cell[1]) + lanes.index(tp.lane) - lanes.index(first.lane)
        return stages[max(0, min(stage, len(stages) - 1))], lanes[max(0, min(lane, len(lanes) - 1))]

    taken: set[str] = set()
    renamed: dict[str, str] = {}
    result = []
    for tp in touchpoints:
        fresh = new_id("tp", lambda candidate: journey.has_touchpoint(candidate) or candidate in taken)
        taken.add(fresh)
        renamed[tp.id] = fresh
        stage, lane = placed(tp)
        result.append(tp.model_copy(update={"id": fresh, "stage": stage, "lane": lane, **_known_personas(journey, tp)}))
    links = [c.model_copy(update={"source": renamed[c.source], "target": renamed[c.target]})
             for c in connections if c.source in renamed and c.target in renamed]
    return result, links
