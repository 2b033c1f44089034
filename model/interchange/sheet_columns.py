"""The columns of a Wayfinder CSV: one table that export writes in order and import reads headers by.

Each column names the field it holds, the header export writes and the other names import accepts
(matched case-insensitively, ignoring surrounding spaces, with '_' and '-' read as spaces). A header
that ends in a feeling word ("Customer feeling") is the emotion column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """One column: the field it holds, the header export writes, and other names import accepts."""

    field: str
    header: str
    synonyms: tuple[str, ...] = ()
    numbers: tuple[float, float] | None = None  # the range of a numeric column
    decimals: bool = False


COLUMNS = (
    Column("id", "Id"),
    Column("stage", "Stage", ("phase",)),
    Column("lane", "Lane"),
    Column("title", "Title", ("touchpoint", "step")),
    Column("description", "Description", ("notes",)),
    Column("channel", "Channel"),
    Column("owner", "Owner", ("team",)),
    Column("emotion", "Emotion", ("feeling", "sentiment", "mood"), (-2, 2)),
    Column("meaning", "Meaning", (), (1, 5)),
    Column("value", "Value", (), (1, 5)),
    Column("accommodation", "Accommodation", ("ease",), (1, 5)),
    Column("pain_points", "Pain points", ("pain point", "pains", "pain")),
    Column("opportunities", "Opportunities", ("opportunity",)),
    Column("tags", "Tags", ("tag",)),
    Column("next", "Next", ("next touchpoints", "leads to", "then")),
    Column("motivators", "Motivators", ("motivator",)),
    Column("expected", "Expected", (), (1, 5)),
    Column("experienced", "Experienced", (), (1, 5)),
    Column("target_emotion", "Target emotion", (), (-2, 2)),
    Column("target_meaning", "Target meaning", (), (1, 5)),
    Column("target_value", "Target value", (), (1, 5)),
    Column("target_accommodation", "Target accommodation", (), (1, 5)),
    Column("time_to_task_minutes", "Time to task (minutes)", ("time to task",), (0, 1_000_000), True),
    Column("completion_rate", "Completion rate (%)", ("completion rate",), (0, 100), True),
    Column("nps", "NPS", (), (-100, 100)),
    Column("colour", "Colour", ("color",)),
    Column("personas", "Personas here", ("who passes", "personas")),
    Column("evidence", "Evidence", ("evidence level",)),
    Column("to_be", "To-be", ("to be", "tobe")),
    Column("stage_goal", "Stage goal"),
    Column("lane_kind", "Lane kind"),
    Column("map_title", "Map title"),
    Column("map_description", "Map description"),
    Column("client", "Client"),
    Column("author", "Author"),
    Column("accessible_title", "Accessible title"),
    Column("persona", "Persona"),
    Column("persona_purpose", "Persona purpose"),
    Column("persona_goals", "Persona goals"),
    Column("persona_expectations", "Persona expectations"),
    Column("severity", "Severity", (), (1, 3)),  # import only: the severity of pain points that give none
)
BY_FIELD = {column.field: column for column in COLUMNS}
EXPORTED = [column for column in COLUMNS if column.field != "severity"]
# header name as import reads it (lower case, single spaces) -> field
HEADER_NAMES = {name: column.field for column in COLUMNS
          for name in (column.header.lower(), *column.synonyms)}
EMOTION_WORDS = ("feeling", "sentiment", "mood", "emotion")
SCORES = ("meaning", "value", "accommodation")
TARGETS = {f"target_{name}": name for name in ("emotion", *SCORES)}
METRICS = ("time_to_task_minutes", "completion_rate", "nps")
INFO = {"map_title": "title", "map_description": "description", "client": "client", "author": "author",
         "accessible_title": "accessible_title"}
PERSONA = {"persona": "name", "persona_purpose": "purpose"}
PERSONA_LISTS = {"persona_goals": "goals", "persona_expectations": "expectations"}
# The columns that hold a touchpoint's own fields (the Excel export gives the rest sheets of their own).
TOUCHPOINT_COLUMNS = [column for column in EXPORTED
                      if column.field not in {"next", "stage_goal", "lane_kind", *INFO, *PERSONA, *PERSONA_LISTS}]


def _header_name(cell: str) -> str:
    return " ".join(re.split(r"[\s_-]+", cell.strip().lower())).strip()


def column_field(cell: str) -> str | None:
    name = _header_name(cell)
    if name in HEADER_NAMES:
        return HEADER_NAMES[name]
    return "emotion" if name.rsplit(" ", 1)[-1] in EMOTION_WORDS else None
