"""Words for the map's values, one copy for the inspector, the insights panel, overlays and the PDF."""

from __future__ import annotations

from .entities import ConnectionKind, PainKind

EMOTION_NAMES = {-2: "Awful", -1: "Unhappy", 0: "Neutral", 1: "Happy", 2: "Delighted"}
NO_VALUE = "\u2013"  # an average of nothing
SEVERITY_NAMES = {1: "Minor", 2: "Serious", 3: "Critical"}
PAIN_KIND_NAMES = {
    PainKind.dead_end: "Dead end",
    PainKind.frustration: "Frustration",
    PainKind.delay: "Delay",
    PainKind.confusion: "Confusion",
    PainKind.effort: "Effort",
}
SCORE_TITLES = {"meaning": "Meaning", "value": "Value", "accommodation": "Accommodation"}
SCORE_EXPLANATIONS = {
    "meaning": "The brand stands for something at this moment.",
    "value": "A fair return for the customer's time and money.",
    "accommodation": "Ease, convenience, being catered to.",
}
CONNECTION_NAMES = {
    ConnectionKind.main: ("Main flow", "The path the journey is designed for."),
    ConnectionKind.alternative: ("Alternative", "Another path customers choose."),
    ConnectionKind.fallback: ("Fallback", "Where customers go when the intended path fails."),
}


def signed(value: float, digits: int = 0) -> str:
    """A number with its sign, using a true minus sign: +2, 0, −1.5."""
    if round(value, digits) == 0:
        return f"{0:.{digits}f}"
    return f"{value:+.{digits}f}".replace("-", "\u2212")


def average_label(value: float | None) -> str:
    """A stage's average score as the scores band prints it: one decimal, or a dash when unscored."""
    return NO_VALUE if value is None else f"{value:.1f}"
