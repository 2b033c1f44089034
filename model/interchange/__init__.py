"""Maps to and from other people's formats (Mermaid journeys, CSV spreadsheets), without Qt.

What the formats share lives here: reading and writing their text files, and `MapDraft`,
which collects the touchpoints an importer reads and then builds the map in one go. Building
at the end lets the lanes be ordered by every stage's rows rather than by whichever lane
happened to come first, so a map survives export and import with its reading order intact.
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
from ..journey_map import JourneyMap

DEFAULT_LANE = "Customer"  # where a touchpoint goes when the file names no lane


def read_text(path: str | os.PathLike) -> str:
    """A text file's contents as UTF-8 (with or without a byte order mark), or `JourneyFileError`."""
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise JourneyFileError(str(path), f"cannot be read: {error.strerror or error}") from None
    if len(data) > MAX_FILE_BYTES:
        raise JourneyFileError(str(path), f"is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB")
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
        self.stages: list[tuple[str, str]] = []  # (name, place)
        self.cards: list[CardDraft] = []

    def set_info(self, name: str, value: str, place: str) -> None:
        self.info[name] = (value, place)

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
        for number, (name, place) in enumerate(self.stages, 1):
            with self._at(place):
                journey.add_stage(name, id=f"stage-{number}")
        lane_places: dict[str, str] = {}
        for card in self.cards:
            lane_places.setdefault(card.lane, card.where("lane"))
        lane_ids: dict[str, str] = {}
        for number, name in enumerate(self.lane_order(), 1):
            lane_ids[name] = f"lane-{number}"
            with self._at(lane_places[name]):
                journey.add_lane(name, kind=self.lane_kind, id=lane_ids[name])
        for number, card in enumerate(self.cards, 1):
            try:
                journey.add_touchpoint(f"stage-{card.stage + 1}", lane_ids[card.lane], card.title,
                                       id=self.card_id(number), **card.fields)
            except InvalidChange as error:
                raise JourneyFileError(self.source, error.reason, card.where(error.place)) from None
        return journey

    @contextmanager
    def _at(self, place: str) -> Iterator[None]:
        try:
            yield
        except InvalidChange as error:
            raise JourneyFileError(self.source, error.reason, place) from None
