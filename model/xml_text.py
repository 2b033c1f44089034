"""Text a map may hold but XML may not: the control characters XML 1.0 forbids.

The map accepts any text (a title pasted from a terminal can hold a bell or an escape), and
its own file format escapes them; an SVG image cannot carry them at all, not even escaped,
so image exports draw from a copy of the map without them.
"""

from __future__ import annotations

import re
from typing import Any

from .document import JourneyDocument, to_document, to_map
from .journey_map import JourneyMap

# Every C0 control but tab, line feed and carriage return.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 cannot hold."""
    return XML_ILLEGAL.sub("", text)


def _cleaned(value: Any) -> Any:
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, list):
        return [_cleaned(item) for item in value]
    if isinstance(value, dict):
        return {key: _cleaned(item) for key, item in value.items()}
    return value


def xml_safe_map(journey: JourneyMap) -> JourneyMap:
    """The map itself when all its text can go into XML, else a copy whose text can."""
    document = to_document(journey).model_dump(mode="json")
    cleaned = _cleaned(document)
    if cleaned == document:
        return journey
    return to_map(JourneyDocument.model_validate(cleaned))
