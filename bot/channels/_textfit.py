"""Fitting text into platform limits: split long text at sentences, cut labels cleanly.

Limits are measured by a `measure` function (UTF-16 code units for WhatsApp and Messenger,
UTF-8 bytes for Instagram) after a `transform` (bidi isolation adds characters), so a
fitted piece is always within the limit in the form it is sent.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from bot.messages import Option

Measure = Callable[[str], int]
Transform = Callable[[str], str]

ELLIPSIS = "…"
# Sentence ends in our languages: Latin, Arabic (؟ ۔), Ethiopic (። ፧ ፨), CJK; or a line break.
_BOUNDARY = re.compile(r"[.!?…؟۔።፧፨。]+[\"'”’»)\]]*\s+|\n\s*")
_SPACE = re.compile(r"\s+")


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


def identity(text: str) -> str:
    return text


def _joins(char: str) -> bool:
    """True if `char` belongs to the character before it (accents, ZWJ, emoji modifiers)."""
    return (
        unicodedata.combining(char) > 0
        or unicodedata.category(char) in ("Mn", "Me")
        or char in "\u200d\u200c"
        or "\ufe00" <= char <= "\ufe0f"
        or "\U0001f3fb" <= char <= "\U0001f3ff"
        or "\U000e0020" <= char <= "\U000e007f"
    )


def _clean_end(text: str, end: int) -> int:
    """The largest cut position <= end that does not split a character from its marks."""
    while 0 < end < len(text) and (_joins(text[end]) or text[end - 1] == "\u200d"):
        end -= 1
    return end


def _prefix(text: str, fits: Callable[[str], bool]) -> int:
    """Length of the longest clean prefix of `text` for which `fits` holds (binary search)."""
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if fits(text[:mid]):
            low = mid
        else:
            high = mid - 1
    return _clean_end(text, low)


def cut(
    text: str, limit: int, measure: Measure = utf16_len, transform: Transform = identity
) -> str:
    """`text` (transformed) within `limit`, cut at a word end with an ellipsis if too long."""
    text = _SPACE.sub(" ", text).strip()
    if measure(transform(text)) <= limit:
        return transform(text)

    def fits(prefix: str) -> bool:
        return measure(transform(prefix.rstrip() + ELLIPSIS)) <= limit

    end = _prefix(text, fits)
    word_end = text.rfind(" ", 0, end + 1)
    if word_end >= end // 2:  # prefer a word boundary unless it wastes half the space
        end = word_end
    return transform(text[:end].rstrip(" ,;:-–—") + ELLIPSIS)


def unique_cuts(
    titles: list[str], limit: int, measure: Measure = utf16_len, transform: Transform = identity
) -> list[str]:
    """Cut every title to `limit`, numbering repeats ("Other", "Other 2") so all differ."""
    result: list[str] = []
    for title in titles:
        candidate = cut(title, limit, measure, transform)
        number = 2
        while candidate in result:
            suffix = f" {number}"
            candidate = cut(title, limit - measure(suffix), measure, transform) + suffix
            number += 1
        result.append(candidate)
    return result


def split_text(
    text: str, limit: int, measure: Measure = utf16_len, transform: Transform = identity
) -> list[str]:
    """Split `text` into pieces whose transformed size is within `limit`.

    Breaks at sentence ends or line breaks where possible, else between words, else inside
    a word (never between a letter and its marks). Pieces are returned untransformed and
    without surrounding whitespace; empty text gives [].
    """

    def fits(candidate: str) -> bool:
        return measure(transform(candidate.strip())) <= limit

    chunks: list[str] = []
    current = ""
    for piece in _pieces(text, _BOUNDARY):
        if fits(current + piece):
            current += piece
            continue
        if current.strip():
            chunks.append(current.strip())
        current = ""
        if fits(piece):
            current = piece
            continue
        for word in _pieces(piece, _SPACE):  # a sentence longer than the limit
            if fits(current + word):
                current += word
                continue
            if current.strip():
                chunks.append(current.strip())
            current = word
            while not fits(current):  # a single word longer than the limit
                end = max(_prefix(current, fits), 1)
                if current[:end].strip():
                    chunks.append(current[:end].strip())
                current = current[end:]
    if current.strip():
        chunks.append(current.strip())
    return chunks


def layout(
    text: str,
    limit: int,
    *,
    block: str = "",
    last_limit: int | None = None,
    measure: Measure = utf16_len,
    transform: Transform = identity,
) -> list[str]:
    """Messages for `text`, each within `limit`, with two guarantees for the last one.

    Args:
        block: lines to keep whole at the very end (numbered options), joined to the last
            message when it fits, else sent as a message of their own.
        last_limit: a smaller limit for the last message (an interactive body), reached by
            splitting the last message once more at a sentence end.
    """
    last_limit = limit if last_limit is None else min(limit, last_limit)
    chunks = split_text(text, limit, measure, transform)
    if block.strip():
        joined = f"{chunks[-1]}\n\n{block}" if chunks else block
        if measure(transform(joined)) <= last_limit:
            chunks[-1:] = [joined]
        else:
            chunks += split_text(block, limit, measure, transform)
    if chunks and measure(transform(chunks[-1])) > last_limit:
        last = chunks.pop()
        tail = split_text(last, last_limit, measure, transform)[-1]
        head = last[: last.rfind(tail)].strip()
        chunks += [head, tail] if head else [tail]
    return chunks


def option_label(option: Option) -> str:
    """The option's title; its id if the title is blank (Meta refuses empty labels)."""
    return option.title if option.title.strip() else option.id


def numbered_lines(options: list[Option]) -> str:
    """Options as "1. title" lines, for more options than a platform can show as buttons."""
    return "\n".join(f"{n}. {option_label(option)}" for n, option in enumerate(options, start=1))


def _pieces(text: str, boundary: re.Pattern[str]) -> list[str]:
    """`text` cut just after each boundary match, keeping every character."""
    pieces, start = [], 0
    for match in boundary.finditer(text):
        if match.end() > start:
            pieces.append(text[start : match.end()])
            start = match.end()
    if start < len(text):
        pieces.append(text[start:])
    return pieces
