"""Mermaid user journeys (`journey` diagrams) to and from maps.

A Mermaid journey is a list of sections holding tasks `Task name: score: Actor, Actor`.
The mapping, both ways:

- `title` is the map's title (an `accTitle` counts when there is no `title`), and `accDescr`
  (one line or an `accDescr { ... }` block) is its description.
- Each `section` is a stage, in order; tasks before the first section go into a stage of their
  own named "(no section)".
- Each task is a touchpoint. Its score 1..5 is the emotion plus 3; a touchpoint without an
  emotion is written as 3, so it comes back with emotion 0. Mermaid draws scores such as 0, 9
  and 2.5, so those are read with a warning: rounded half up and kept within 1..5.
- The first actor is the touchpoint's lane (an actor lane; a task without actors goes into a
  lane named "Customer"), the second its owner, any further ones its tags. Lanes are ordered so
  that each section's tasks read as in the file. Export writes the lane and, if any, the owner;
  on a map of personas, then the personas who pass through the touchpoint (Mermaid's actors are
  the people on the journey), after an owner written as empty text if there is none. Import
  reads those back as tags: a journey diagram holds no personas' details.

Mermaid's grammar reads a task name up to the first ':' and an actor up to the next ',', takes
'#' (and '%' where a task starts) for the start of a comment and ';' for the end of a statement,
trims white space, and reads the title and description as HTML. Export therefore writes every
character Mermaid would misread as an entity code such as `#58;`, which Mermaid renders as the
character itself: ':', '#', ';', '}', line breaks, a '%' before another, ',' in actors, '<', '>'
and '&' in the title and description, white space at either end (and at the start of a
description line), and the first letter of a task name that starts like a keyword ("Title page"
is written `#84;itle page`). An empty text is written `#8203;` (an invisible space, as Mermaid
needs some text) and read back as empty. Import decodes entity codes, so every text comes back
exactly as it was. A touchpoint's other fields have no place in a journey diagram and stay out.
"""

from __future__ import annotations

import math
import re
from html.entities import html5

from ..entities import LaneKind
from ..errors import JourneyFileError
from ..journey_map import JourneyMap
from . import DEFAULT_LANE, CardDraft, MapDraft

NO_SECTION = "(no section)"
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
_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


# ----------------------------------------------------------------- export
def to_mermaid(journey: JourneyMap) -> str:
    """The map as a Mermaid journey: stages as sections, touchpoints as tasks in reading order."""
    lines = ["journey", f"  title {_escape(journey.info.title, _TITLE)}"]
    if journey.info.description:
        lines += ["  accDescr {", _escape(journey.info.description, _BLOCK), "  }"]
    for stage in journey.stages:
        lines.append(f"  section {_escape(stage.name)}")
        for tp_id in journey.touchpoints_in_stage(stage.id):
            tp = journey.touchpoint(tp_id)
            actors = [journey.lane(tp.lane).name, *_owner_and_personas(journey, tp)]
            score = 3 if tp.emotion is None else tp.emotion + 3
            lines.append(f"    {_task_name(tp.title)}: {score}: {', '.join(_escape(a, _ACTOR) for a in actors)}")
    return "\n".join(lines) + "\n"


def _owner_and_personas(journey: JourneyMap, tp) -> list[str]:
    """The owner (if any), then, on a map of personas, those who pass here; an owner left empty
    before personas is written as empty text, so the personas do not take its place."""
    personas = [p.name for p in journey.personas if tp.meets(p.id)]
    return [tp.owner] + personas if personas else ([tp.owner] if tp.owner else [])


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
    return reader.draft.build(), reader.warnings


class _JourneyReader:
    """Reads a journey line by line into a `MapDraft`, the way Mermaid's own grammar does."""

    def __init__(self, source: str):
        self.source = source
        self.draft = MapDraft(source, LaneKind.actor)
        self.warnings: list[str] = []
        self.stage: int | None = None
        self.titles: dict[str, tuple[str, str]] = {}  # "title" or "accTitle" -> (title, place)
        self.block: list[str] | None = None  # the lines of an open accDescr { block
        self.block_start = 0

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
            if re.fullmatch(rf"journey(?:{_SPACE}*%(?!\{{).*)?", code, re.IGNORECASE):
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
        fields = data.split(":")
        emotion = self._score(number, title, _trim(fields[0])) - 3
        if len(fields) > 2:
            self.warnings.append(f"line {number}: text after the task's third ':' is ignored, as Mermaid does")
        actors = [_unescape(actor) for actor in fields[1].split(",")] if len(fields) > 1 else []
        if self.stage is None:
            self.stage = self.draft.add_stage(NO_SECTION, f"line {number}")
        where = f"line {number}"
        self.draft.add_card(CardDraft(
            stage=self.stage, lane=actors[0] if actors else DEFAULT_LANE, title=title,
            fields={"emotion": emotion, "owner": actors[1] if len(actors) > 1 else "",
                    "tags": [actor for actor in actors[2:] if actor]},
            place=where,
            field_places={"title": f"{where}, task name", "lane": f"{where}, first actor",
                          "owner": f"{where}, second actor", "tags": f"{where}, actors after the second"},
        ))

    def _score(self, number: int, title: str, text: str) -> int:
        """The task's score as a whole number 1..5; Mermaid draws others, so they only warn."""
        if not text:
            raise self.fail(number, f'the task "{title}" has no score; a task is written {_TASK_FORM}')
        value = float(text) if _NUMBER.fullmatch(text) else math.nan
        if not math.isfinite(value):
            raise self.fail(number, f'the score of "{title}" must be a number from 1 to 5, not "{text}"')
        score = min(5, max(1, math.floor(value + 0.5)))
        if score != value:
            self.warnings.append(f"line {number}: score {text} is not a whole number from 1 to 5; using {score}")
        return score


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
