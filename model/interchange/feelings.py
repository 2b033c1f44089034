"""How people write a customer's feeling in a spreadsheet, read as an emotion from -2 to +2.

Workshop sheets hold emotion as our -2..+2, as a 1..5 rating (3 neutral), or as words. A column
is read on the 1..5 scale when every number in it lies within 1..5 and one is above 2 (a -2..+2
column never holds 3), so the scale is decided once for the whole column, never cell by cell.
"""

from __future__ import annotations

# feeling word (lower case) -> emotion
WORDS = {
    **dict.fromkeys(("delighted", "very happy", "very positive", "very good", "excellent", "love", "great",
                     "thrilled", "ecstatic"), 2),
    **dict.fromkeys(("happy", "positive", "good", "pleased", "satisfied", "glad", "content", "fine"), 1),
    **dict.fromkeys(("neutral", "ok", "okay", "meh", "indifferent", "mixed", "so-so"), 0),
    **dict.fromkeys(("unhappy", "negative", "bad", "frustrated", "annoyed", "confused", "disappointed",
                     "worried", "anxious", "sad", "bored", "irritated"), -1),
    **dict.fromkeys(("angry", "very unhappy", "very negative", "very bad", "awful", "terrible", "furious",
                     "hate", "horrible", "miserable", "desperate"), -2),
}
# The 1..5 scale less this is the emotion.
RATING_OFFSET = 3


def is_rating_scale(numbers: list[int]) -> bool:
    """Whether a column's whole numbers are a 1..5 rating rather than -2..+2."""
    return bool(numbers) and all(1 <= n <= 5 for n in numbers) and any(n > 2 for n in numbers)


def feeling(word: str) -> int | None:
    """The emotion a feeling word stands for, or None if it is not one we know."""
    return WORDS.get(" ".join(word.lower().split()))
