"""Bracket pairs in the bidirectional algorithm (Unicode UAX #9, rules BD16 and N0).

python-bidi's step-by-step implementation, which `text.display_order` uses for the indices it gives,
predates bracket pairs: a pair takes its direction from its two sides separately, so Hebrew with
"SMS (code)" printed "(SMS (code" and a Latin word in parentheses at the end of an Arabic sentence
lost its closing bracket's mirror. `resolve_bracket_pairs` is the missing step, run between the
weak and the neutral types as the standard says: both brackets of a pair take one direction, the
embedding's if the text inside has it, else the other direction if the text inside and the text
before have that, else the embedding's.
"""

from __future__ import annotations

# Bidi_Paired_Bracket pairs (Unicode BidiBrackets.txt) that user text is likely to hold.
_OPENING = {"(": ")", "[": "]", "{": "}", "\u0f3a": "\u0f3b", "\u0f3c": "\u0f3d", "\u2045": "\u2046",
            "\u207d": "\u207e", "\u208d": "\u208e", "\u2308": "\u2309", "\u230a": "\u230b", "\u2329": "\u232a",
            "\u27e6": "\u27e7", "\u27e8": "\u27e9", "\u27ea": "\u27eb", "\u2983": "\u2984", "\u2985": "\u2986",
            "\u3008": "\u3009", "\u300a": "\u300b", "\u300c": "\u300d", "\u300e": "\u300f", "\u3010": "\u3011",
            "\u3014": "\u3015", "\u3016": "\u3017", "\u3018": "\u3019", "\u301a": "\u301b", "\ufe59": "\ufe5a",
            "\ufe5b": "\ufe5c", "\ufe5d": "\ufe5e", "\uff08": "\uff09", "\uff3b": "\uff3d", "\uff5b": "\uff5d",
            "\uff5f": "\uff60", "\uff62": "\uff63"}
_CLOSING = set(_OPENING.values())
_STACK_DEPTH = 63  # BD16: past this many open brackets, no more pairs are looked for


def resolve_bracket_pairs(storage: dict, debug: bool = False) -> None:
    """N0 on python-bidi's `storage` (after `resolve_weak_types`, before `resolve_neutral_types`),
    level run by level run; `debug` is there for the signature of the other steps."""
    chars = storage["chars"]
    for run in storage["runs"]:
        sequence = chars[run["start"]:run["start"] + run["length"]]
        if not sequence:
            continue
        embedding = "LR"[sequence[0]["level"] % 2]
        for opening, closing in _pairs(sequence):
            direction = _direction(sequence, opening, closing, embedding, run["sor"])
            if direction is None:
                continue
            for at in (opening, closing):
                sequence[at]["type"] = direction
                at += 1
                while at < len(sequence) and sequence[at]["orig"] == "NSM":  # marks on a bracket follow it
                    sequence[at]["type"] = direction
                    at += 1


def _pairs(sequence: list[dict]) -> list[tuple[int, int]]:
    """BD16: the bracket pairs of a run as (opening, closing) indices, in order of their openings."""
    stack: list[tuple[str, int]] = []
    pairs = []
    for i, char in enumerate(sequence):
        if char["type"] != "ON":
            continue
        ch = char["ch"]
        if ch in _OPENING:
            if len(stack) == _STACK_DEPTH:
                break
            stack.append((_OPENING[ch], i))
        elif ch in _CLOSING:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == ch:
                    pairs.append((stack[depth][1], i))
                    del stack[depth:]
                    break
    return sorted(pairs)


def _strong(bidi_type: str) -> str | None:
    """The direction a type counts as inside and before brackets (numbers count as right to left)."""
    return "L" if bidi_type == "L" else "R" if bidi_type in ("R", "AL", "EN", "AN") else None


def _direction(sequence: list[dict], opening: int, closing: int, embedding: str, sor: str) -> str | None:
    """N0's direction for one pair, or None to leave it to the neutral rules."""
    inside = {_strong(char["type"]) for char in sequence[opening + 1:closing]} - {None}
    if not inside:
        return None
    if embedding in inside:
        return embedding
    context = next((d for d in (_strong(c["type"]) for c in reversed(sequence[:opening])) if d), sor)
    return context if context in inside else embedding
