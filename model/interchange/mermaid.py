"""Mermaid user journeys (`journey` diagrams) to and from maps.

A Mermaid journey is a list of sections holding tasks `Task name: score: Actor, Actor`.
The mapping, both ways:

- `title` is the map's title and `accTitle` its accessible title (and its title too when there
  is no `title`); `accDescr` (one line or an `accDescr { ... }` block) is its description.
- Each `section` is a stage, in order; tasks before the first section go into a stage of their
  own named "(no section)", and export writes that stage's tasks before the first section again.
- Each task is a touchpoint. Its score 1..5 is the emotion plus 3. Mermaid draws any number, so
  other scores only warn: 9 and 2.5 are rounded half up and kept within 1..5, and what Mermaid
  draws as NaN or 0 (`2rem`, an empty score, 0) leaves the emotion unset. An unset emotion is
  written as 0, so it comes back unset.
- The first actor is the touchpoint's lane (an actor lane; a task without actors, or with an
  empty first one, goes into a lane named "(no actor)"), the second its owner, any further ones
  its tags. Export writes them back the same way (tags only from actor lanes, so a channel map's
  tags do not become people), never an actor the task did not have. Lanes are ordered so that
  each section's tasks read as in the file.
- A map that follows two or more personas writes them as the actors instead: each task's actors
  are the personas who pass through it, in the map's order (so Mermaid's legend and coloured
  dots show who meets which moment), and a comment `%% personas: Name, Name` before the first
  section lists every persona, so that import reads those actors as personas (a task naming them
  all is everyone's) and gives back personas no task names. Lanes, owners and tags stay out of
  such a diagram; import puts its tasks in one lane. Without that comment, actors are lanes and
  owners as above.
- A journey is a sequence: import connects each task to the next one written, across sections
  too, and export writes each stage's tasks in the order customers pass them along connections
  (reading order where connections do not decide), so a round trip keeps tasks whose actors
  alternate in their order.

Mermaid's grammar reads a task name up to the first ':' and an actor up to the next ',', takes
'#' (and '%' where a task starts) for the start of a comment and ';' for the end of a statement,
trims white space, and reads the title and description as HTML. Export therefore writes every
character Mermaid would misread as an entity code such as `#58;`, which Mermaid renders as the
character itself: ':', '#', ';', '}', line breaks, a '%' before another, ',' in actors, '<', '>'
and '&' in the title and description, white space at either end (and at the start of a
description line), and the first letter of a task name that starts like a keyword ("Title page"
is written `#84;itle page`). An empty title, section or task name is written `#8203;` (an invisible
space, as Mermaid needs some text) and read back as empty; an empty actor is written as nothing. Import decodes entity codes, so every text comes back
exactly as it was. A touchpoint's other fields have no place in a journey diagram and stay out.
"""

from __future__ import annotations

import math
import re
from html.entities import html5

import networkx as nx

from ..entities import LaneKind, Touchpoint
from ..errors import JourneyFileError
from ..journey_map import JourneyMap
from . import DEFAULT_LANE, CardDraft, MapDraft

NO_SECTION = "(no section)"
NO_ACTOR = "(no actor)"  # the lane of tasks without actors (or with an empty first one)
_TASK_FORM = '"Task name: score: Actor, Actor"'


# White space as JavaScript's \s and trim() see it (Python's \s differs).
_SPACE = "[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"


def _risky(specials: str, line_starts: bool = False) -> re.Pattern[str]:
    """What export writes as entity codes: `specials`, a '%' before another, and white space at
    either end (Mermaid trims it) or, if `line_starts`, at the start of any line."""
    starts = rf"\A{_SPACE}|(?<=\n){_SPACE}" if line_starts else rf"\A{_SPACE}"
    return re.compile(rf"[{re.escape(specials)}]|%(?=%)|{starts}|{_SPACE}\Z")


_TEXT = _risky("#:;}\r\n")
_ACTOR = _risky("#:;}\r\n,")
# Mermaid sanitises the title and description as HTML, and drops the indent of description lines.
_TITLE = _risky("#:;}\r\n<>&")
_BLOCK = _risky("#:;}\r<>&", line_starts=True)
_EMPTY = "#8203;"
# A task name starting like this would be read as a comment or a statement.
_TASK_MISREAD = re.compile(rf"%|journey(?![A-Za-z0-9_])|(title|section){_SPACE}|acc(title|descr)", re.IGNORECASE)
_TRIM = re.compile(rf"\A{_SPACE}+|{_SPACE}+\Z")
_ENTITY = re.compile(r"#([A-Za-z0-9_]+);")
_COMMENT = re.compile(r"#[A-Za-z0-9_]+;|#")
_COMMENT_LINE = re.compile(rf"{_SPACE}*%(?!\{{)")  # Mermaid's lexer skips from such a '%' to the line's end
_DROPPED_LINE = re.compile(rf"{_SPACE}*%%(?!\{{).")  # Mermaid deletes such lines first, even in accDescr blocks
_PERSONAS_LINE = re.compile(rf"{_SPACE}*%%{_SPACE}*personas{_SPACE}*:(.*)")  # Wayfinder's, a comment to Mermaid
_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


# ----------------------------------------------------------------- export
def to_mermaid(journey: JourneyMap) -> str:
    """The map as a Mermaid journey: stages as sections, each stage's touchpoints along the flow."""
    lines = ["journey", f"  title {_escape(journey.info.title, _TITLE)}"]
    if journey.info.accessible_title:
        lines.append(f"  accTitle: {_escape(journey.info.accessible_title, _TITLE)}")
    if journey.info.description:
        lines += ["  accDescr {", _escape(journey.info.description, _BLOCK), "  }"]
    actors = _persona_actors if personas_as_actors(journey) else _lane_actors
    if actors is _persona_actors:
        lines.append("  %% personas: " + ", ".join(_escape(p.name, _ACTOR) for p in journey.personas))
    for index, stage in enumerate(journey.stages):
        if not (index == 0 and stage.name == NO_SECTION):
            lines.append(f"  section {_escape(stage.name)}")
        for tp_id in flow_order(journey, journey.touchpoints_in_stage(stage.id)):
            tp = journey.touchpoint(tp_id)
            score = 0 if tp.emotion is None else tp.emotion + 3
            written = ", ".join(_escape(actor, _ACTOR) if actor else "" for actor in actors(journey, tp))
            lines.append(f"    {_task_name(tp.title)}: {score}" + (f": {written}" if written else ""))
    return "\n".join(lines) + "\n"


def flow_order(journey: JourneyMap, touchpoint_ids: list[str]) -> list[str]:
    """The touchpoints in the order customers pass them (along connections among them), ties and
    loops broken by reading order."""
    rank = {tp_id: i for i, tp_id in enumerate(touchpoint_ids)}
    try:
        return list(nx.lexicographical_topological_sort(journey.graph.subgraph(touchpoint_ids),
                                                        key=rank.__getitem__))
    except nx.NetworkXUnfeasible:
        return touchpoint_ids


def personas_as_actors(journey: JourneyMap) -> bool:
    """Whether the export's actors are personas: the map follows several, each named once (Mermaid
    tells actors apart by name only)."""
    names = [persona.name for persona in journey.personas]
    return len(names) > 1 and all(names) and len(set(names)) == len(names)


def _persona_actors(journey: JourneyMap, tp: Touchpoint) -> list[str]:
    return [persona.name for persona in journey.personas if tp.meets(persona.id)]


def _lane_actors(journey: JourneyMap, tp: Touchpoint) -> list[str]:
    """The lane, the owner and, in an actor lane, the tags, without trailing empty ones."""
    lane = journey.lane(tp.lane)
    actors = ["" if lane.name == NO_ACTOR else lane.name, tp.owner,
              *(tp.tags if lane.kind == LaneKind.actor else ())]
    while actors and not actors[-1]:
        actors.pop()
    return actors


def _escape(text: str, risky: re.Pattern[str] = _TEXT) -> str:
    if not text:
        return _EMPTY
    return risky.sub(lambda match: f"#{ord(match[0])};", text)


def _task_name(title: str) -> str:
    name = _escape(title)
    return f"#{ord(name[0])};{name[1:]}" if _TASK_MISREAD.match(name) else name


# ----------------------------------------------------------------- import
def from_mermaid(text: str, source: str = "<mermaid>") -> tuple[JourneyMap, list[str]]:
    """A map from a Mermaid journey, with warnings for what Mermaid draws but a map cannot hold.

    Raises `JourneyFileError` naming the line for what Mermaid itself rejects.
    """
    reader = _JourneyReader(source)
    reader.read(text.replace("\r\n", "\n").split("\n"))
    journey = reader.draft.build()
    return journey, [*reader.warnings, reader.draft.flow_note]


class _JourneyReader:
    """Reads a journey line by line into a `MapDraft`, the way Mermaid's own grammar does."""

    def __init__(self, source: str):
        self.source = source
        self.draft = MapDraft(source, LaneKind.actor)
        self.draft.order_rule = "tasks are connected in the order they are written, across sections too"
        self.warnings: list[str] = []
        self.stage: int | None = None
        self.titles: dict[str, tuple[str, str]] = {}  # "title" or "accTitle" -> (title, place)
        self.block: list[str] | None = None  # the lines of an open accDescr { block
        self.block_start = 0
        self.personas: list[str] | None = None  # the names a `%% personas:` comment declares

    def fail(self, number: int, reason: str) -> JourneyFileError:
        return JourneyFileError(self.source, reason, f"line {number}" if number else "")

    def read(self, lines: list[str]) -> None:
        number = self._front_matter(lines)
        number = self._journey_line(lines, number)
        for number, line in enumerate(lines[number:], number + 1):
            if self.block is not None:
                self._block_line(number, line)
            else:
                self._statement(number, line)
        if self.block is not None:
            raise self.fail(self.block_start, "accDescr { is never closed with }")
        if "accTitle" in self.titles:
            self.draft.set_info("accessible_title", *self.titles["accTitle"])
        for key in ("title", "accTitle"):
            if key in self.titles:
                self.draft.set_info("title", *self.titles[key])
                break

    def _front_matter(self, lines: list[str]) -> int:
        """Skip YAML front matter, taking its `title:`; returns the number of lines it took."""
        if lines[0].strip() != "---":
            return 0
        for number, line in enumerate(lines[1:], 2):
            if line.strip() == "---":
                return number
            key, colon, value = line.partition(":")
            if colon and key == "title":
                self.titles["title"] = (value.strip().strip("\"'"), f"line {number}, title")
        raise self.fail(1, "the front matter that starts here is never closed with ---")

    def _journey_line(self, lines: list[str], skipped: int) -> int:
        """Find the `journey` line that starts the diagram; returns the number of lines up to it."""
        for number, line in enumerate(lines[skipped:], skipped + 1):
            code = "" if _COMMENT_LINE.match(line) else _trim(_without_comment(line))
            if re.fullmatch(rf"journey(?:{_SPACE}*%(?!\{{).*)?", code):
                return number
            if code:
                raise self.fail(number, f'a Mermaid journey starts with the word journey, not "{code}"')
        raise self.fail(0, "is not a Mermaid journey: there is no line that says journey")

    def _block_line(self, number: int, line: str) -> None:
        content, brace, rest = line.partition("}")
        if not brace:
            if not _DROPPED_LINE.match(line):
                self.block.append(line)
            return
        self.block.append(content)
        self.draft.set_info("description", _unescape(re.sub(rf"\n{_SPACE}+", "\n", "\n".join(self.block))),
                            f"line {self.block_start}, accDescr")
        self.block = None
        self._statement(number, rest)

    def _statement(self, number: int, line: str) -> None:
        personas = _PERSONAS_LINE.match(line)
        if personas:
            self._declare_personas(number, personas[1])
            return
        if _COMMENT_LINE.match(line) or not _trim(line):
            return
        line = _trim(line)
        accessible = re.match(rf"acc(title|descr){_SPACE}*:(.*)", line, re.IGNORECASE)
        if accessible:
            place = f"line {number}, acc{accessible[1]}"
            if accessible[1].lower() == "title":
                self.titles["accTitle"] = (_unescape(accessible[2]), place)
            else:
                self.draft.set_info("description", _unescape(accessible[2]), place)
            return
        block = re.match(rf"accdescr{_SPACE}*\{{(.*)", line, re.IGNORECASE)
        if block:
            self.block, self.block_start = [], number
            self._block_line(number, block[1])
            return
        code = _trim(_without_comment(line))
        if not code:
            return
        if ";" in _ENTITY.sub("", code):
            raise self.fail(number, "';' ends a statement in Mermaid, so it cannot stand here; write #59; instead")
        keyword = re.fullmatch(rf"(title|section)(?:{_SPACE}+(.*))?", code, re.IGNORECASE)
        if keyword:
            self._keyword(number, keyword[1].lower(), keyword[2])
        else:
            self._task(number, code)

    def _declare_personas(self, number: int, names: str) -> None:
        if self.draft.cards:
            self.warnings.append(f"line {number}: a personas comment after the first task is ignored")
            return
        self.personas = list(dict.fromkeys(name for name in map(_unescape, names.split(",")) if name))
        self.draft.persona_names = list(self.personas)

    def _keyword(self, number: int, keyword: str, text: str | None) -> None:
        if not text:
            raise self.fail(number, f"{keyword} needs a name after it")
        if keyword == "title":
            self.titles["title"] = (_unescape(text), f"line {number}, title")
            return
        if ":" in text:
            raise self.fail(number, "a section name cannot hold ':'; write #58; instead")
        self.stage = self.draft.add_stage(_unescape(text), f"line {number}, section name")

    def _task(self, number: int, code: str) -> None:
        name, colon, data = code.partition(":")
        if not colon:
            raise self.fail(number, f'"{code}" is not a task: a task is written {_TASK_FORM}')
        if not _trim(name):
            raise self.fail(number, f"the task has no name before ':'; a task is written {_TASK_FORM}")
        title = _unescape(name)
        if not data:
            raise self.fail(number, f'the task "{title}" has no score; a task is written {_TASK_FORM}')
        fields = data.split(":")
        emotion = self._score(number, title, _trim(fields[0]))
        if len(fields) > 2:
            self.warnings.append(f"line {number}: text after the task's third ':' is ignored, as Mermaid does")
        actors = [_unescape(actor) for actor in fields[1].split(",")] if len(fields) > 1 else []
        if self.stage is None:
            self.stage = self.draft.add_stage(NO_SECTION, f"line {number}")
        where = f"line {number}"
        if self.personas is not None:
            self._persona_task(number, title, emotion, actors)
            return
        self.draft.add_card(CardDraft(
            stage=self.stage, lane=actors[0] if actors and actors[0] else NO_ACTOR, title=title,
            fields={"emotion": emotion, "owner": actors[1] if len(actors) > 1 else "",
                    "tags": [actor for actor in actors[2:] if actor]},
            place=where,
            field_places={"title": f"{where}, task name", "lane": f"{where}, first actor",
                          "owner": f"{where}, second actor", "tags": f"{where}, actors after the second"},
        ))

    def _persona_task(self, number: int, title: str, emotion: int | None, actors: list[str]) -> None:
        """A task of a diagram whose actors are personas: it goes to one lane, its actors say who passes."""
        named = list(dict.fromkeys(actor for actor in actors if actor))
        for name in named:
            if name not in self.personas:
                self.warnings.append(f'line {number}: "{name}" is not in the personas comment; added as a persona')
                self.personas.append(name)
                self.draft.persona_names.append(name)
        where = f"line {number}"
        self.draft.add_card(CardDraft(
            stage=self.stage, lane=DEFAULT_LANE, title=title,
            fields={"emotion": emotion, "personas": None if set(named) == set(self.personas) else named},
            place=where, field_places={"title": f"{where}, task name", "personas": f"{where}, actors"}))

    def _score(self, number: int, title: str, text: str) -> int | None:
        """The task's emotion from its score: 1..5 less 3. Mermaid draws any number, so other
        scores only warn: those it draws as NaN or 0 leave the emotion unset, others are kept in range."""
        value = float(text) if _NUMBER.fullmatch(text) else (0.0 if not text else math.nan)
        if not math.isfinite(value) or value == 0:
            drawn = "NaN" if not math.isfinite(value) else "0"
            self.warnings.append(f'line {number}: the score of "{title}" is "{text}", which Mermaid draws as '
                                 f"{drawn}; its emotion is left unset")
            return None
        score = min(5, max(1, math.floor(value + 0.5)))
        if score != value:
            self.warnings.append(f"line {number}: score {text} is not a whole number from 1 to 5; using {score}")
        return score - 3


def _without_comment(line: str) -> str:
    """The line up to a '#' that starts a comment (an entity code such as #58; does not)."""
    for match in _COMMENT.finditer(line):
        if match[0][-1] != ";":
            return line[:match.start()]
    return line


def _trim(text: str) -> str:
    return _TRIM.sub("", text)


def _unescape(raw: str) -> str:
    raw = _trim(raw)
    return "" if raw == _EMPTY else _ENTITY.sub(_character, raw)


def _character(entity: re.Match[str]) -> str:
    """What a browser shows for Mermaid's `#58;` or `#quot;`: a code point, or a named character."""
    code = entity[1]
    if code.isdigit():
        number = int(code) if len(code) <= 7 else 0
        return chr(number) if 0 < number <= 0x10FFFF and not 0xD800 <= number <= 0xDFFF else "\ufffd"
    return html5.get(f"{code};", entity[0])
