"""A flow drawn without a browser library (bot/flowtools/draw_svg.py): every step and every way
between steps is in the picture, with its condition, and nothing overlaps."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

from PIL import Image

from bot.flowtools.draw import END, edges, load
from bot.flowtools.draw_svg import SAYS, Box, Text, html, layout, png, render, svg
from bot.i18n.source_text import source_texts
from tests.engine.fakes import ROOT

SVG = "{http://www.w3.org/2000/svg}"


def distress():  # type: ignore[no-untyped-def]
    return load("distress", ROOT / "flows")


def english():  # type: ignore[no-untyped-def]
    return source_texts(ROOT / "locales")


def overlaps(a: Box, b: Box) -> bool:
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


def text_box(t: Text) -> Box:
    return Box(t.x, t.y - t.size, len(t.text) * t.size * 0.6, t.size + 2, "")


def test_every_step_is_a_box_in_the_flow_s_order_first_step_on_top() -> None:
    flow = distress()
    pic = layout(flow)
    ids = [s.id for s in flow.spec.steps]
    assert len(pic.boxes) == len(ids)
    shown = [t.text for t in pic.texts if t.bold]
    assert shown == ids and shown[0] == flow.first
    tops = [b.y for b in pic.boxes]
    assert tops == sorted(tops)
    for a, b in zip(pic.boxes, pic.boxes[1:], strict=False):
        assert not overlaps(a, b)


def test_every_condition_is_written_and_no_words_overlap() -> None:
    flow = distress()
    pic = layout(flow, english())
    words = " ".join(t.text for t in pic.texts)
    for edge in edges(flow):
        for part in edge.condition.split():
            assert part in words, edge
    assert "otherwise" in words  # safety: danger_now goes to urgent, otherwise to location
    labels = [text_box(t) for t in pic.texts]
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            assert not overlaps(a, b), (a, b)
        assert a.x + a.w <= pic.width


def test_every_way_is_an_arrow_except_the_ends_themselves() -> None:
    flow = distress()
    drawn = len(layout(flow).lines) - 1  # the arrow from the start dot
    ends = sum(1 for e in edges(flow) if e.target == END)
    assert drawn == len(edges(flow)) - ends


def test_svg_is_well_formed_named_and_safe_under_a_strict_csp() -> None:
    text = svg(distress(), element_id="d")
    root = ET.fromstring(text)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert root.find(f"{SVG}title").text.startswith("Flow distress")  # type: ignore[union-attr]
    assert "style=" not in text and "<script" not in text
    assert len(root.findall(f"{SVG}rect")) == len(distress().spec.steps) + 1  # + background


def test_step_names_are_escaped() -> None:
    flow = load(str(ROOT / "flows" / "examples" / "sea.yaml"), ROOT / "flows")
    ET.fromstring(svg(flow))  # parses: conditions like "a < b" would be escaped


def test_html_is_a_page_that_needs_nothing_from_the_network() -> None:
    page = html(distress())
    assert page.startswith("<!doctype html>") and "<svg" in page and "</html>" in page
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in page and "<script" not in page


def test_each_step_says_in_english_what_it_sends_cut_to_its_box() -> None:
    pic = layout(distress(), english())
    words = [t.text for t in pic.texts]
    assert "Are you in danger right now?" in words  # the safety question, whole
    cut = [w for w in words if w.endswith("…")]
    assert cut and all(len(w) <= SAYS for w in cut)
    for box in pic.boxes:
        inside = [t for t in pic.texts if box.y < t.y < box.y + box.h and t.x < box.x + box.w]
        for t in inside:
            assert text_box(t).x + text_box(t).w <= box.x + box.w, t


def test_the_words_are_optional() -> None:
    bare = " ".join(t.text for t in layout(distress()).texts)
    assert "Are you in danger" not in bare and "choice: safety-prompt" in bare


def test_png_is_the_same_picture_at_twice_the_size() -> None:
    flow = distress()
    pic = layout(flow)
    image = Image.open(io.BytesIO(png(flow)))
    assert image.format == "PNG"
    assert image.size == (round(pic.width * 2), round(pic.height * 2))
    assert len(set(image.convert("L").getdata())) > 2  # something is drawn


def test_render_knows_every_format() -> None:
    flow = distress()
    assert str(render(flow, "mermaid")).startswith("stateDiagram-v2")
    assert str(render(flow, "svg")).startswith("<svg")
    assert isinstance(render(flow, "png"), bytes)
    assert "<svg" in str(render(flow, "html"))
