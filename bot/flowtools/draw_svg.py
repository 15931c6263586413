"""A flow drawn as a picture without any browser library: SVG (inline in the admin page, or a
file for docs), a self-contained HTML page, or PNG.

The layout is made for flows as we write them, mostly one question after another: the steps
stand in one column in the flow's order (the first step on top), each "go on to the next
step" is a short arrow down, and every jump elsewhere runs in a lane of its own to the right,
its condition written where it leaves the step. Nothing overlaps by construction: each step is
as tall as the ways that leave and reach it need. One layout feeds every format, so the admin
page, `sauti flows draw --format svg|png|html` and the docs show the same picture.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field
from html import escape

from bot.engine.compile import CompiledFlow
from bot.flowtools.draw import END, Edge, edges, label, message_id

# Sizes in pixels (SVG user units). Monospace text: a character is 0.6 em wide.
ID_SIZE, KIND_SIZE, EDGE_SIZE = 14, 12, 12
CHAR = 0.6
PAD, MARGIN, LANE = 10, 16, 14
GAP = 30  # between two steps
WRAP = 30  # characters per line of a condition
SAYS = 38  # characters of a step's English text shown in its box
LINE = EDGE_SIZE + 3
INK, MUTED, LINE_COLOUR, BRAND = "#1b1f24", "#4a5561", "#5b6b7a", "#0b5cad"
FILLS = {"case": "#fff4d6", "emergency": "#fde2e1", "end": "#e8edf3"}
FONT = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', monospace"


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    fill: str
    thick: bool = False  # an end step


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # baseline
    text: str
    size: int
    bold: bool = False
    colour: str = INK


@dataclass(frozen=True)
class Line:
    points: tuple[tuple[float, float], ...]
    arrow: bool = True  # an arrowhead at the last point


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    r: float
    ring: bool = False  # the end: a ring around a dot


@dataclass
class Picture:
    width: float
    height: float
    title: str
    boxes: list[Box] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    dots: list[Dot] = field(default_factory=list)


def _wrap(condition: str) -> list[str]:
    return textwrap.wrap(condition, WRAP, break_on_hyphens=False) or [""]


def _text_width(text: str, size: int) -> float:
    return len(text) * size * CHAR


def _says(step: object, texts: Mapping[str, str]) -> str:
    """What the step says in English, cut to fit its box."""
    msg = message_id(step)
    text = texts.get(msg, "") if msg else ""
    return text if len(text) <= SAYS else text[: SAYS - 1].rstrip() + "…"


def layout(flow: CompiledFlow, texts: Mapping[str, str] | None = None) -> Picture:
    """`texts`: message id → its English text, written under each step's kind when given."""
    texts = texts or {}
    steps = list(flow.spec.steps)
    steps.sort(key=lambda s: s.id != flow.first)  # the first step on top, the rest in order
    row = {s.id: i for i, s in enumerate(steps)}
    ways = _named(
        [e for e in edges(flow) if not (e.target == END and _kind(steps, e.source) == "end")]
    )
    ends_below = any(e.target == END for e in ways)
    if ends_below:
        row[END] = len(steps)

    down = [e for e in ways if row[e.target] == row[e.source] + 1]
    jumps = [e for e in ways if e not in down]
    lanes = _lanes(jumps, row)

    # Ports on each step's right side: the jumps leaving it (room for their condition above
    # the line) and reaching it.
    ports: dict[str, list[tuple[Edge, bool, float]]] = {s.id: [] for s in steps}
    for e in jumps:
        ports[e.source].append((e, True, len(_wrap(e.condition)) * LINE + 6 if e.condition else 12))
        if e.target != END:
            ports[e.target].append((e, False, 12))

    says = {s.id: _says(s, texts) for s in steps}
    box_w = 2 * PAD + max(
        max(_text_width(s.id, ID_SIZE), _text_width(label(s), KIND_SIZE)) for s in steps
    )
    box_w = max([box_w] + [_text_width(t, KIND_SIZE) + 2 * PAD for t in says.values()])
    label_w = (
        max([_text_width(line, EDGE_SIZE) for e in ways for line in _wrap(e.condition)] + [0]) + 12
    )
    x0 = MARGIN
    lane_x0 = x0 + box_w + label_w + 8
    width = lane_x0 + LANE * max(len(set(lanes.values())), 1) + MARGIN

    pic = Picture(width=0, height=0, title=f"Flow {flow.id}, version {flow.version}")
    y = MARGIN
    pic.dots.append(Dot(x0 + box_w / 2, y + 6, 6))
    y += 12
    pic.lines.append(Line(((x0 + box_w / 2, y), (x0 + box_w / 2, y + GAP - 8))))
    y += GAP - 8
    port_y: dict[tuple[int, bool], float] = {}
    tops: dict[str, float] = {}
    for step in steps:
        mine = ports[step.id]
        base = ID_SIZE + KIND_SIZE + 2 * PAD + 4 + (KIND_SIZE + 4 if says[step.id] else 0)
        height = max(base, sum(room for _, _, room in mine) + 10)
        tops[step.id] = y
        kind = step.kind
        pic.boxes.append(Box(x0, y, box_w, height, FILLS.get(kind, "#ffffff"), kind == "end"))
        pic.texts.append(Text(x0 + PAD, y + PAD + ID_SIZE - 2, step.id, ID_SIZE, bold=True))
        kind_y = y + PAD + ID_SIZE + KIND_SIZE + 2
        pic.texts.append(Text(x0 + PAD, kind_y, label(step), KIND_SIZE, colour=MUTED))
        if says[step.id]:
            pic.texts.append(Text(x0 + PAD, kind_y + KIND_SIZE + 4, says[step.id], KIND_SIZE))
        cursor = y + 4
        for edge, leaving, room in mine:
            cursor += room
            port_y[(id(edge), leaving)] = cursor - 3
        gap = GAP
        for e in down:
            if e.source == step.id and e.condition:
                gap = max(gap, len(_wrap(e.condition)) * LINE + 12)
        y += height + gap
        tops[f"{step.id}/gap"] = gap
    if ends_below:
        tops[END] = y - 4
        pic.dots.append(Dot(x0 + box_w / 2, y + 2, 8, ring=True))
        y += 14
    pic.height = y + MARGIN - GAP + 8
    pic.width = width

    centre = x0 + box_w / 2
    right = x0 + box_w
    for e in down:
        top = tops[e.source] + _box_h(pic, tops[e.source])
        bottom = tops[e.target] if e.target != END else tops[END] - 4
        pic.lines.append(Line(((centre, top), (centre, bottom))))
        for i, line in enumerate(_wrap(e.condition) if e.condition else []):
            pic.texts.append(Text(centre + 8, top + LINE * (i + 1), line, EDGE_SIZE, colour=BRAND))
    for e in jumps:
        lane = lane_x0 + LANE * lanes[id(e)]
        start = port_y[(id(e), True)]
        if e.target == END:
            end_point: tuple[float, float] = (centre + 8, tops[END] + 6)
            points = ((right, start), (lane, start), (lane, end_point[1]), end_point)
        else:
            end_y = port_y[(id(e), False)]
            points = ((right, start), (lane, start), (lane, end_y), (right + 2, end_y))
        pic.lines.append(Line(points))
        if e.condition:
            lines = _wrap(e.condition)
            for i, line in enumerate(lines):
                y_text = start - 4 - LINE * (len(lines) - 1 - i)
                pic.texts.append(Text(right + 6, y_text, line, EDGE_SIZE, colour=BRAND))
    return pic


def _named(ways: list[Edge]) -> list[Edge]:
    """An unconditional way beside conditional ones is "otherwise" in a picture."""
    branching = {e.source for e in ways if e.condition}
    return [
        Edge(e.source, e.target, "otherwise") if e.source in branching and not e.condition else e
        for e in ways
    ]


def _kind(steps: list, step_id: str) -> str:  # type: ignore[type-arg]
    return next(s.kind for s in steps if s.id == step_id)


def _box_h(pic: Picture, top: float) -> float:
    return next(b.h for b in pic.boxes if b.y == top)


def _lanes(jumps: list[Edge], row: dict[str, int]) -> dict[int, int]:
    """A lane for each jump, shorter jumps nearer the steps; no two in one lane overlap."""
    taken: list[list[tuple[int, int]]] = []
    lanes: dict[int, int] = {}
    spans = sorted(jumps, key=lambda e: abs(row[e.target] - row[e.source]))
    for e in spans:
        span = (min(row[e.source], row[e.target]), max(row[e.source], row[e.target]))
        for index, used in enumerate(taken):
            if all(span[1] < a or span[0] > b for a, b in used):
                used.append(span)
                lanes[id(e)] = index
                break
        else:
            taken.append([span])
            lanes[id(e)] = len(taken) - 1
    return lanes


# --- SVG ---------------------------------------------------------------------------------


def svg(
    flow: CompiledFlow, *, element_id: str = "flow", texts: Mapping[str, str] | None = None
) -> str:
    """The diagram as an SVG document (also fine inline in HTML: no style attribute, so a
    strict Content-Security-Policy lets it through)."""
    pic = layout(flow, texts)
    w, h = round(pic.width), round(pic.height)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" '
        f'height="{h}" role="img" aria-labelledby="{element_id}-title" font-family="{FONT}">',
        f'<title id="{element_id}-title">{escape(pic.title)}</title>',
        "<defs>"
        f'<marker id="{element_id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" '
        'markerWidth="8" markerHeight="8" orient="auto-start-reverse">'
        f'<path d="M0,0 L10,5 L0,10 z" fill="{LINE_COLOUR}"/></marker></defs>',
        f'<rect width="{w}" height="{h}" fill="#ffffff"/>',
    ]
    for b in pic.boxes:
        out.append(
            f'<rect x="{b.x:.1f}" y="{b.y:.1f}" width="{b.w:.1f}" height="{b.h:.1f}" '
            f'rx="{12 if b.thick else 6}" fill="{b.fill}" stroke="{INK}" '
            f'stroke-width="{2.5 if b.thick else 1.2}"/>'
        )
    for line in pic.lines:
        d = " ".join(
            f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (x, y) in enumerate(line.points)
        )
        marker = f' marker-end="url(#{element_id}-arrow)"' if line.arrow else ""
        out.append(f'<path d="{d}" fill="none" stroke="{LINE_COLOUR}" stroke-width="1.4"{marker}/>')
    for dot in pic.dots:
        if dot.ring:
            out.append(
                f'<circle cx="{dot.x:.1f}" cy="{dot.y:.1f}" r="{dot.r}" fill="none" '
                f'stroke="{INK}" stroke-width="1.5"/>'
            )
        r = dot.r - 3 if dot.ring else dot.r
        out.append(f'<circle cx="{dot.x:.1f}" cy="{dot.y:.1f}" r="{r}" fill="{INK}"/>')
    for t in pic.texts:
        weight = ' font-weight="700"' if t.bold else ""
        out.append(
            f'<text x="{t.x:.1f}" y="{t.y:.1f}" font-size="{t.size}" fill="{t.colour}"{weight}>'
            f"{escape(t.text)}</text>"
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def html(flow: CompiledFlow, texts: Mapping[str, str] | None = None) -> str:
    """A page that opens in any browser, offline: the SVG and a key to it."""
    title = escape(f"Flow {flow.id} (version {flow.version})")
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 1rem; color: {INK}; }}
.diagram {{ overflow-x: auto; }}
</style>
</head>
<body>
<main>
<h1>{title}</h1>
{KEY}
<div class="diagram">
{svg(flow, texts=texts)}</div>
</main>
</body>
</html>
"""


KEY = (
    "<p>Each box is a step, in the order the flow asks them, with its kind, message id and "
    "what it says in English. "
    "An arrow down goes on to the next step; an arrow on the right jumps, when its condition "
    "(written where it leaves) holds. Yellow steps open a case, red ones give emergency "
    "numbers, grey ones end the conversation.</p>"
)


# --- PNG ---------------------------------------------------------------------------------


def png(flow: CompiledFlow, *, scale: float = 2.0, texts: Mapping[str, str] | None = None) -> bytes:
    """The same picture as a PNG (Pillow draws it; no browser needed)."""
    from PIL import Image, ImageDraw, ImageFont

    pic = layout(flow, texts)

    def s(v: float) -> float:
        return v * scale

    def font(size: int, bold: bool) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
        for name in (
            "DejaVuSansMono-Bold.ttf" if bold else "DejaVuSansMono.ttf",
            "DejaVuSansMono.ttf",
        ):
            try:
                return ImageFont.truetype(name, round(s(size)))
            except OSError:
                continue
        return ImageFont.load_default(round(s(size)))

    image = Image.new("RGB", (round(s(pic.width)), round(s(pic.height))), "#ffffff")
    draw = ImageDraw.Draw(image)
    for b in pic.boxes:
        draw.rounded_rectangle(
            (s(b.x), s(b.y), s(b.x + b.w), s(b.y + b.h)),
            radius=s(12 if b.thick else 6),
            fill=b.fill,
            outline=INK,
            width=round(s(2.5 if b.thick else 1.2)),
        )
    for line in pic.lines:
        points = [(s(x), s(y)) for x, y in line.points]
        draw.line(points, fill=LINE_COLOUR, width=round(s(1.4)), joint="curve")
        if line.arrow:
            draw.polygon(_arrowhead(points[-2], points[-1], s(8)), fill=LINE_COLOUR)
    for dot in pic.dots:
        r = s(dot.r)
        if dot.ring:
            draw.ellipse(
                (s(dot.x) - r, s(dot.y) - r, s(dot.x) + r, s(dot.y) + r),
                outline=INK,
                width=round(s(1.5)),
            )
            r = s(dot.r - 3)
        draw.ellipse((s(dot.x) - r, s(dot.y) - r, s(dot.x) + r, s(dot.y) + r), fill=INK)
    for t in pic.texts:
        draw.text((s(t.x), s(t.y)), t.text, fill=t.colour, font=font(t.size, t.bold), anchor="ls")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _arrowhead(
    before: tuple[float, float], tip: tuple[float, float], size: float
) -> list[tuple[float, float]]:
    (x0, y0), (x1, y1) = before, tip
    length = max(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5, 1e-6)
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    back = (x1 - ux * size, y1 - uy * size)
    return [
        tip,
        (back[0] - uy * size / 2, back[1] + ux * size / 2),
        (back[0] + uy * size / 2, back[1] - ux * size / 2),
    ]


FORMATS = ("mermaid", "svg", "png", "html")


def render(flow: CompiledFlow, fmt: str, texts: Mapping[str, str] | None = None) -> str | bytes:
    """The flow in one of FORMATS (PNG as bytes, the others as text); `texts` (message id →
    English text) adds what each step says to the pictures."""
    from bot.flowtools.draw import mermaid

    if fmt == "mermaid":
        return mermaid(flow)
    if fmt == "svg":
        return svg(flow, texts=texts)
    if fmt == "html":
        return html(flow, texts)
    if fmt == "png":
        return png(flow, texts=texts)
    raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
