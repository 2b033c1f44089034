"""Maps to and from other people's formats (Mermaid journeys, CSV spreadsheets), without Qt.

What the formats share lives here: reading and writing their text files, and `MapDraft`,
which collects the touchpoints an importer reads and then builds the map in one go. Building
at the end lets the lanes be ordered by every stage's rows rather than by whichever lane
happened to come first, so a map survives export and import with its reading order intact,
and lets connections name touchpoints further down the file.

Formats without connections still describe a flow: the order in which they list the touchpoints.
`MapDraft` connects touchpoints in the order read unless the file names the next touchpoints
itself, and `flow_note` says which rule it used, so an imported map has no false dead ends.
Every problem becomes a `JourneyFileError` naming the file and the line or row.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterator

import networkx as nx

from ..entities import LaneKind
from ..errors import InvalidChange, JourneyFileError
from ..journey_file import MAX_FILE_BYTES, write_atomically
from ..journey_map import JourneyMap, new_id

DEFAULT_LANE = "Customer"  # where a touchpoint goes when the file names no lane


def read_bytes(path: str | os.PathLike) -> bytes:
    """A file's contents, at most `MAX_FILE_BYTES`, or `JourneyFileError`."""
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise JourneyFileError(str(path), f"cannot be read: {error.strerror or error}") from None
    if len(data) > MAX_FILE_BYTES:
        raise JourneyFileError(str(path), f"is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB")
    return data


def read_text(path: str | os.PathLike) -> str:
    """A text file's contents as UTF-8 (with or without a byte order mark), or `JourneyFileError`."""
    data = read_bytes(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise JourneyFileError(str(path), f"is not UTF-8 text (bad byte at offset {error.start})") from None


def write_text(path: str | os.PathLike, text: str, byte_order_mark: bool = False) -> None:
    """Write UTF-8 text atomically; the mark is for spreadsheet programs that guess encodings."""
    try:
        write_atomically(path, text.encode("utf-8-sig" if byte_order_mark else "utf-8"))
    except OSError as error:
        raise JourneyFileError(str(path), f"cannot be written: {error.strerror or error}") from None


@dataclass
class CardDraft:
    """One touchpoint as read from a file: its stage (an index into the draft's stages), its lane
    by name, its other fields, and where in the file it and each of its fields came from."""

    stage: int
    lane: str
    title: str
    fields: dict[str, Any]
    place: str
    field_places: dict[str, str] = field(default_factory=dict)
    id: str = ""  # the file's own id, if it gives one
    next: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (id or title, connection fields)

    def where(self, field_path: str) -> str:
        """The file position of a touchpoint field such as `pain_points[0].text`."""
        return self.field_places.get(field_path.split(".")[0].split("[")[0], self.place)


class MapDraft:
    """Map info, stages and touchpoints read from a file, built into a map once all are known.

    Every place given here is a full position in the file (`line 3, section name`,
    `row 4, column "Stage"`), so that the model's reason can follow it unchanged.
    """

    def __init__(self, source: str, lane_kind: LaneKind = LaneKind.channel):
        self.source = source
        self.lane_kind = lane_kind
        self.info: dict[str, tuple[str, str]] = {}  # field -> (value, place)
        self.persona: dict[str, tuple[Any, str]] = {}  # field -> (value, place)
        self.persona_names: list[str] = []  # personas the file lists, in its order (before those cards name)
        self.stages: list[tuple[str, str]] = []  # (name, place)
        self.stage_goals: dict[int, str] = {}
        self.lane_kinds: dict[str, str] = {}  # lane name -> kind, where the file says
        # Cards name their lane by a key, which is the lane's name unless the file can hold two lanes
        # of one name (a canvas's groups): then the key is unique and this maps it to the name shown.
        self.lane_labels: dict[str, str] = {}
        self.cards: list[CardDraft] = []
        self.links_given = False  # whether the file names each touchpoint's next ones (even if none)
        self.flow_note = ""

    def set_info(self, name: str, value: str, place: str) -> None:
        self.info[name] = (value, place)

    def set_persona(self, name: str, value: Any, place: str) -> None:
        self.persona[name] = (value, place)

    def add_stage(self, name: str, place: str) -> int:
        self.stages.append((name, place))
        return len(self.stages) - 1

    def add_card(self, card: CardDraft) -> str:
        """Add a touchpoint; returns the id it will have in the built map (for connections to it)."""
        self.cards.append(card)
        return self.card_id(len(self.cards))

    @staticmethod
    def card_id(number: int) -> str:
        """The id the `number`-th card added (counting from 1) has in the built map."""
        return f"tp-{number}"

    def lane_order(self) -> list[str]:
        """Lane names ordered so that each stage's cards read top to bottom as they did in the file.

        Within a stage, a card in lane B after a card in lane A asks for A above B. Requests that
        contradict earlier ones (a hand-typed file that goes A, B, A) are dropped; lanes nothing
        constrains keep the order in which they first appear.
        """
        first_seen = list(dict.fromkeys(card.lane for card in self.cards))
        above = nx.DiGraph()
        above.add_nodes_from(first_seen)
        previous: dict[int, str] = {}
        for card in self.cards:
            upper = previous.get(card.stage)
            if upper is not None and upper != card.lane and not nx.has_path(above, card.lane, upper):
                above.add_edge(upper, card.lane)
            previous[card.stage] = card.lane
        rank = {lane: i for i, lane in enumerate(first_seen)}
        return list(nx.lexicographical_topological_sort(above, key=rank.__getitem__))

    def build(self) -> JourneyMap:
        """The map, with short numbered ids so that importing a file twice gives the same map."""
        journey = JourneyMap()
        for name, (value, place) in self.info.items():
            with self._at(place):
                journey.set_info(**{name: value})
        for name, (value, place) in self.persona.items():
            with self._at(place):
                journey.set_persona(**{name: value})
        for number, (name, place) in enumerate(self.stages, 1):
            with self._at(place):
                journey.add_stage(name, self.stage_goals.get(number - 1, ""), id=f"stage-{number}")
        lane_places: dict[str, str] = {}
        for card in self.cards:
            lane_places.setdefault(card.lane, card.where("lane"))
        lane_ids: dict[str, str] = {}
        for number, name in enumerate(self.lane_order(), 1):
            lane_ids[name] = f"lane-{number}"
            with self._at(lane_places[name]):
                journey.add_lane(self.lane_labels.get(name, name), kind=self.lane_kinds.get(name, self.lane_kind),
                                 id=lane_ids[name])
        persona_ids = self._personas(journey)
        ids = self._ids()
        for card, card_id in zip(self.cards, ids):
            fields = dict(card.fields)
            if fields.get("personas") is not None:
                fields["personas"] = tuple(dict.fromkeys(persona_ids[name] for name in fields["personas"]))
            try:
                journey.add_touchpoint(f"stage-{card.stage + 1}", lane_ids[card.lane], card.title,
                                       id=card_id, **fields)
            except InvalidChange as error:
                raise JourneyFileError(self.source, error.reason, card.where(error.place)) from None
        self._connect(journey, ids)
        return journey

    def _personas(self, journey: JourneyMap) -> dict[str, str]:
        """Persona ids by name for the personas the cards name (`fields["personas"]`: names, or None
        for everyone), adding those the map lacks in the order they first appear."""
        ids = {persona.name: persona.id for persona in journey.personas}
        named = (name for card in self.cards for name in card.fields.get("personas") or ())
        for name in (*self.persona_names, *named):
            if name not in ids:
                ids[name] = journey.add_persona(name, id=f"persona-{len(journey.personas) + 1}").id
        return ids

    def _ids(self) -> list[str]:
        """The file's ids where it gives them (each once), else short numbered ones."""
        given = {card.id for card in self.cards if card.id}
        ids: list[str] = []
        for number, card in enumerate(self.cards, 1):
            if card.id and card.id in ids:
                raise JourneyFileError(self.source, f"the id {card.id!r} is used twice", card.where("id"))
            numbered = f"tp-{number}"
            if not card.id and (numbered in given or numbered in ids):
                numbered = new_id("tp", lambda taken: taken in given or taken in ids)
            ids.append(card.id or numbered)
        return ids

    def _connect(self, journey: JourneyMap, ids: list[str]) -> None:
        """Connections as the file names them, or else from each touchpoint to the next one read."""
        if not self.links_given:
            for source, target in zip(ids, ids[1:]):
                journey.add_connection(source, target)
            self.flow_note = self.order_rule
            return
        by_title: dict[str, list[str]] = {}
        for card, card_id in zip(self.cards, ids):
            by_title.setdefault(card.title, []).append(card_id)
        for card, source in zip(self.cards, ids):
            for reference, fields in card.next:
                target = self._target(reference, set(ids), by_title, card.where("next"))
                if target != source and not journey.has_connection(source, target):
                    with self._at(card.where("next")):
                        journey.add_connection(source, target, **fields)
        self.flow_note = self.links_rule

    order_rule = "touchpoints are connected in the order they are listed"
    links_rule = "touchpoints are connected as the file names the next ones"

    def _target(self, reference: str, ids: set[str], by_title: dict[str, list[str]], place: str) -> str:
        if reference in ids:
            return reference
        titled = by_title.get(reference, [])
        if len(titled) == 1:
            return titled[0]
        if titled:
            raise JourneyFileError(self.source, f'{len(titled)} touchpoints are titled "{reference}"; '
                                   "name the next one by its id instead", place)
        raise JourneyFileError(self.source, f'there is no touchpoint with the id or title "{reference}"', place)

    @contextmanager
    def _at(self, place: str) -> Iterator[None]:
        try:
            yield
        except InvalidChange as error:
            raise JourneyFileError(self.source, error.reason, place) from None
