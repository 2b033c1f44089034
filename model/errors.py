"""Errors a user can cause, with messages a user can act on."""

from __future__ import annotations

from typing import Any, Iterable

from pydantic import ValidationError


class InvalidChange(ValueError):
    """A change the map refuses: a missing id, a score out of range, a duplicate connection...

    `place` names where the bad value sits (`stage`, `scores.value`), so a loader can say
    `touchpoints[3].scores.value` and an inspector can point at the field.
    """

    def __init__(self, reason: str, place: str = ""):
        super().__init__(f"{place}: {reason}" if place else reason)
        self.reason = reason
        self.place = place

    def at(self, prefix: str) -> "InvalidChange":
        """The same error, placed inside `prefix` (e.g. `touchpoints[3]`)."""
        place = f"{prefix}.{self.place}" if self.place else prefix
        return InvalidChange(self.reason, place)


class JourneyFileError(Exception):
    """A map file that cannot be read or written: which file, where inside it, and why."""

    def __init__(self, path: str, reason: str, place: str = ""):
        self.path = str(path)
        self.reason = reason
        self.place = place
        where = f"{self.path}: {place}" if place else self.path
        super().__init__(f"{where}: {reason}")


class ReadOnlyFile(JourneyFileError):
    """Saving would replace a file its owner made read-only; a user saves under another name instead."""

    def __init__(self, path: str):
        super().__init__(path, "is read-only, so Wayfinder will not replace it; "
                               "save the map under another name, or make the file writable first")


def format_place(loc: Iterable[Any]) -> str:
    """('touchpoints', 3, 'scores', 'value') -> 'touchpoints[3].scores.value'."""
    place = ""
    for part in loc:
        if isinstance(part, int):
            place += f"[{part}]"
        else:
            place += f".{part}" if place else str(part)
    return place


_REASONS = {
    "missing": "is missing",
    "extra_forbidden": "is not a field of the map format",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
    "finite_number": "must be a finite number",
    "string_type": "must be text",
    "bool_type": "must be true or false",
    "list_type": "must be a list",
    "tuple_type": "must be a list",
    "dict_type": "must be an object",
    "model_type": "must be an object",
    "model_attributes_type": "must be an object",
}


def plain_reason(error: dict) -> str:
    """One pydantic error in plain words ("must be at most 5, not 9")."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    given = error.get("input")
    shown = repr(given) if isinstance(given, (int, float, str)) and len(repr(given)) <= 40 else None
    suffix = f", not {shown}" if shown is not None else ""
    if kind == "less_than_equal":
        return f"must be at most {ctx['le']}{suffix}"
    if kind == "greater_than_equal":
        return f"must be at least {ctx['ge']}{suffix}"
    if kind == "string_too_long":
        return f"is longer than {ctx['max_length']} characters"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_pattern_mismatch":
        return f"has a form that is not allowed{suffix} (expected pattern {ctx['pattern']})"
    if kind in ("enum", "literal_error"):
        return f"must be {ctx.get('expected', 'one of the allowed values')}{suffix}"
    if kind in _REASONS:
        return _REASONS[kind] + ("" if kind in ("missing", "extra_forbidden") else suffix)
    return error["msg"]


def first_problem(error: ValidationError) -> tuple[str, str]:
    """The first problem of a pydantic validation error as (place, plain reason)."""
    first = error.errors(include_url=False)[0]
    return format_place(first["loc"]), plain_reason(first)


def invalid_change(error: ValidationError) -> InvalidChange:
    place, reason = first_problem(error)
    return InvalidChange(reason, place)
