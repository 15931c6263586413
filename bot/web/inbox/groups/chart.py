"""A horizontal bar chart as SVG geometry, drawn by a template (no chart library, no JS).

The strict CSP forbids `style` attributes, so the template uses only SVG presentation
attributes (x, y, width, height) and CSS classes; the numbers come from here. Horizontal
bars, each label on its own line above its bar: long agency names stay readable on a
360-pixel phone, where the chart is scaled down to fit.
"""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 600  # viewBox units; the SVG scales to the width of its box (CSS sizes the text)
ROW = 54  # label line + bar + gap
BAR = 18
LABEL_BASELINE = 24
BAR_TOP = 31  # from the top of the row
VALUE_ROOM = 64  # room right of the longest bar for its number
MAX_LABEL = 44


@dataclass(frozen=True)
class Bar:
    label: str  # shortened to fit
    full: str  # the whole label (a <title> tooltip)
    value: int
    label_y: int  # text baseline of the label
    bar_y: int
    length: float
    value_x: float
    value_y: int


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bar_height: int
    bars: list[Bar]


def shorten(text: str, limit: int = MAX_LABEL) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def bar_chart(items: list[tuple[str, int]], *, limit: int = 10) -> Chart:
    """Bars for the first `limit` (label, value) pairs, longest for the largest value."""
    shown = [(label, value) for label, value in items[:limit]]
    top = max((value for _label, value in shown), default=0)
    room = WIDTH - VALUE_ROOM
    bars = []
    for i, (label, value) in enumerate(shown):
        y = 4 + i * ROW
        length = max(round(room * value / top, 1) if top > 0 else 0.0, 2.0)  # never nothing
        bars.append(
            Bar(
                label=shorten(label),
                full=label,
                value=value,
                label_y=y + LABEL_BASELINE,
                bar_y=y + BAR_TOP,
                length=length,
                value_x=length + 8,
                value_y=y + BAR_TOP + BAR - 3,
            )
        )
    return Chart(width=WIDTH, height=4 + len(bars) * ROW, bar_height=BAR, bars=bars)
