"""How the map is laid onto pages: the whole map on one overview page first, detail tiles that
fill their pages with an emotion strip each, and "→ p. N" where a connection leaves a tile."""

from __future__ import annotations

import re

import pytest

from app.pdf.pages import INDEX_GUTTER, frame, page_size, plan_map
from app.samples import sample_paths
from model.journey_file import load
from model.layout import layout
from tests.factories import make_map
from tests.pdf.test_pdf import export, outline, page_texts, squeeze, wide_map


def connected_wide_map():
    journey = wide_map()
    ids = [journey.cell(stage.id, "web-shop")[0] for stage in journey.stages]
    for source, target in zip(ids, ids[1:]):
        journey.add_connection(source, target)
    return journey


@pytest.mark.parametrize("path", sample_paths(), ids=lambda path: path.stem)
def test_the_page_after_the_title_shows_the_whole_map(tmp_path, path):
    journey = load(path)
    reader = export(journey, tmp_path)
    assert [title for level, title, page in outline(reader) if page == 1][0] == "Map"
    overview = squeeze(reader.pages[1].extract_text())
    for tp in journey.touchpoints():
        assert squeeze(tp.title)[:12] in overview, tp.title  # three-line titles may end in an ellipsis
    for stage in journey.stages:
        assert squeeze(stage.name) in overview


def test_the_retail_sample_fits_one_a3_landscape_page():
    [path] = [p for p in sample_paths() if p.stem == "retail-purchase"]
    plan = plan_map(layout(load(path)), "A3", "landscape")
    assert plan.tiles == () and plan.overview.scale >= 0.5


def test_a_tall_map_turns_its_pages_and_the_text_pages_keep_the_orientation_asked_for(tmp_path):
    [path] = [p for p in sample_paths() if p.stem == "retail-purchase"]
    geometry = layout(load(path))
    assert geometry.height > geometry.width  # stacked cards make the sample taller than wide
    plan = plan_map(geometry, "A3", "landscape")
    width, height = plan.page_size
    assert width < height  # a portrait map page: the overview fills it instead of half of a landscape one
    reader = export(load(path), tmp_path, page="A3")
    boxes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]
    assert boxes[0][0] > boxes[0][1] and boxes[-1][0] > boxes[-1][1]  # title and appendix: landscape
    assert boxes[1] == pytest.approx(plan.page_size)


@pytest.mark.parametrize("page", ["A4", "A3"])
def test_detail_tiles_and_a_small_map_fill_their_page(page):
    for journey in (connected_wide_map(), load(sample_paths()[0])):
        plan = plan_map(layout(journey), page, "landscape")
        box = frame(plan.page_size)
        gutter = INDEX_GUTTER if plan.tiles else (0, 0)  # the overview's index of detail pages
        drawn = plan.overview_size
        sizes = [(drawn[0] + gutter[0], drawn[1] + gutter[1])]
        sizes += [(tile.width, tile.height) for tile in plan.tiles]
        for width, height in sizes:
            assert max(width / box.width, height / box.height) >= 0.98
            assert width <= box.width + 0.01 and height <= box.height + 0.01
    one_stage = plan_map(layout(make_map(stages=("Only",), cards={("Only", "Web"): ["A card"]})), page, "landscape")
    assert one_stage.overview.scale > 1  # enlarged to fill the page, not left at 27%


def test_every_detail_tile_has_an_emotion_strip_and_says_where_connections_continue(tmp_path):
    journey = connected_wide_map()
    plan = plan_map(layout(journey), "A4", "landscape")
    assert len(plan.tiles) > 1
    reader = export(journey, tmp_path)
    texts = page_texts(reader)
    first_tile = 2  # after the title page and the overview
    for i, tile in enumerate(plan.tiles):
        text = " ".join(texts[first_tile + i].split())
        assert "Emotion" in text
        onward = [int(n) for n in re.findall(r"→ p\. (\d+)", text)]
        back = [int(n) for n in re.findall(r"← p\. (\d+)", text)]
        # The journey runs left to right along one lane: each tile continues on the next and comes from the last.
        assert onward == ([first_tile + i + 2] if i < len(plan.tiles) - 1 else [])
        assert back == ([first_tile + i] if i > 0 else [])
    # Each label links to the page it names; the overview links each framed part to its page.
    for page_index in range(1, first_tile + len(plan.tiles)):
        links = [annotation.get_object() for annotation in reader.pages[page_index].get("/Annots", [])]
        targets = {reader.get_destination_page_number(reader.named_destinations[str(link["/Dest"])])
                   if "/Dest" in link and str(link["/Dest"]) in reader.named_destinations
                   else reader.get_page_number(link["/Dest"][0].get_object() if "/Dest" in link
                                               else link["/A"]["/D"][0].get_object())
                   for link in links}
        assert targets, page_index
        assert targets <= set(range(first_tile, first_tile + len(plan.tiles)))
    overview = " ".join(texts[1].split())
    for i in range(len(plan.tiles)):
        assert f"p. {first_tile + i + 1}" in overview


def test_a_very_wide_map_is_overviewed_in_stacked_parts_that_fill_the_page(tmp_path):
    from tests.factories import large_map

    journey = large_map(touchpoints=160, stages=40, lanes=4, connections=200)
    plan = plan_map(layout(journey), "A4", "landscape")
    box = frame(page_size("A4", "landscape"))
    assert len(plan.overview_parts) > 1
    width, height = plan.overview_size
    assert height + INDEX_GUTTER[1] >= 0.8 * box.height and width + INDEX_GUTTER[0] <= box.width + 0.01
    parts = plan.overview_parts
    assert parts[0].columns[0] < parts[-1].columns[1] and all(a.columns[1] == b.columns[0] for a, b in zip(parts, parts[1:]))
    reader = export(journey, tmp_path)
    overview = squeeze(reader.pages[1].extract_text())
    for stage in journey.stages:
        assert squeeze(stage.name) in overview


def test_page_labels_where_connections_leave_a_tile_never_cover_each_other():
    from app.pdf.tile_links import crossings, label_size
    from tests.factories import large_map

    geometry = layout(large_map(touchpoints=400, stages=10, lanes=4, connections=600))
    plan = plan_map(geometry, "A4", "landscape")
    width, height = label_size()
    assert plan.tiles
    for tile in plan.tiles:
        corners = [point for point, _, _ in crossings(geometry, plan, tile)]
        for i, a in enumerate(corners):
            for b in corners[i + 1:]:
                assert abs(a.x - b.x) >= width or abs(a.y - b.y) >= height, (a, b)
