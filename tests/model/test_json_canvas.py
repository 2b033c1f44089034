"""JSON Canvas: a map goes out as groups, text nodes and edges and comes back the same; a canvas
drawn by hand comes in; a broken or hostile canvas gives one error naming the node or edge."""

import json

import pytest
from hypothesis import given, settings

from model.errors import JourneyFileError
from model.interchange.json_canvas import from_canvas, to_canvas
from model.journey_file import load
from model.journey_map import JourneyMap
from tests.command_line import ROOT, wayfinder
from tests.factories import journey_maps

RETAIL = ROOT / "resources/samples/retail-purchase.journey"
SPEC_NODE_FIELDS = {"text": {"text"}, "file": {"file"}, "link": {"url"}, "group": set()}


def shape(journey: JourneyMap) -> tuple:
    """What a canvas keeps: stages in order, touchpoints per stage in reading order, connections."""
    titles = {tp.id: tp.title for tp in journey.touchpoints()}
    return ([s.name for s in journey.stages],
            [(journey.stage(tp.stage).name, tp.title, tp.description) for tp in journey.touchpoints()],
            sorted((titles[c.source], titles[c.target], c.kind.value, c.label) for c in journey.connections()))


def assert_spec_shape(document: dict) -> None:
    """JSON Canvas 1.0: required fields and their types, unique ids, edges between existing nodes."""
    assert set(document) <= {"nodes", "edges"}
    ids = [node["id"] for node in document["nodes"]]
    assert len(ids) == len(set(ids))
    for node in document["nodes"]:
        assert {"id", "type", "x", "y", "width", "height"} <= set(node)
        assert all(type(node[k]) is int for k in ("x", "y", "width", "height"))
        assert SPEC_NODE_FIELDS[node["type"]] <= set(node)
    for edge in document["edges"]:
        assert edge["fromNode"] in ids and edge["toNode"] in ids
        assert edge.get("fromSide", "top") in {"top", "right", "bottom", "left"}
        assert edge.get("toEnd", "none") in {"none", "arrow"}


def test_the_retail_sample_goes_out_in_the_specs_shape_and_comes_back():
    journey = load(RETAIL)
    text = to_canvas(journey)
    document = json.loads(text)
    assert_spec_shape(document)
    groups = [n["label"] for n in document["nodes"] if n["type"] == "group"]
    assert groups == [s.name for s in journey.stages] + [lane.name for lane in journey.lanes]
    assert sum(n["type"] == "text" for n in document["nodes"]) == len(journey)
    assert len(document["edges"]) == journey.graph.number_of_edges()
    back, warnings = from_canvas(text, "retail.canvas")
    assert warnings == []
    assert shape(back) == shape(journey)
    assert [lane.name for lane in back.lanes] == [lane.name for lane in journey.lanes]


@settings(max_examples=40, deadline=None)
@given(journey_maps())
def test_any_map_keeps_stages_touchpoints_order_and_connections(journey):
    back, _ = from_canvas(to_canvas(journey))
    assert shape(back) == shape(journey)


def test_a_hand_drawn_canvas_reads_groups_left_to_right_and_warns_about_the_rest():
    canvas = {
        "nodes": [
            {"id": "b", "type": "group", "x": 400, "y": 0, "width": 300, "height": 400, "label": "Buy"},
            {"id": "a", "type": "group", "x": 0, "y": 0, "width": 300, "height": 400, "label": "Look"},
            {"id": "n2", "type": "text", "x": 20, "y": 200, "width": 200, "height": 60, "text": "# Compare\nprices"},
            {"id": "n1", "type": "text", "x": 20, "y": 50, "width": 200, "height": 60, "text": "See an ad"},
            {"id": "n3", "type": "text", "x": 420, "y": 50, "width": 200, "height": 60, "text": "Pay",
             "color": "#ff8800"},
            {"id": "pic", "type": "file", "x": 420, "y": 200, "width": 100, "height": 100, "file": "shelf.png"},
            {"id": "loose", "type": "text", "x": 900, "y": 50, "width": 100, "height": 60, "text": "Parking lot"},
        ],
        "edges": [
            {"id": "e1", "fromNode": "n1", "toNode": "n2"},
            {"id": "e2", "fromNode": "n2", "toNode": "n3", "label": "if cheap", "color": "5"},
            {"id": "e3", "fromNode": "n3", "toNode": "pic"},
        ],
    }
    journey, warnings = from_canvas(json.dumps(canvas), "wall.canvas", title="wall")
    assert [s.name for s in journey.stages] == ["Look", "Buy"]
    assert [(tp.title, tp.description, tp.colour) for tp in journey.touchpoints()] == [
        ("See an ad", "", None), ("Compare", "prices", None), ("Pay", "", "#ff8800")]
    assert [(c.kind.value, c.label) for c in journey.connections()] == [("main", ""), ("alternative", "if cheap")]
    assert warnings == [
        'nodes[5] (id "pic") (file node "shelf.png") is not a text node; ignored',
        'nodes[6] (id "loose") (text node "Parking lot") lies in no stage group; ignored',
        'edges[2] (id "e3") does not join two touchpoints; ignored',
    ]


@pytest.mark.parametrize("canvas, message", [
    ("[1, 2]", "is not a JSON Canvas: the top level must be an object"),
    ('{"nodes": {}}', "nodes: must be a list"),
    ('{"nodes": [{"id": "a", "type": "text", "x": "0", "y": 0, "width": 1, "height": 1, "text": ""}]}',
     'nodes[0].x: must be a number, not "0"'),
    ('{"nodes": [{"id": "a", "type": "circle", "x": 0, "y": 0, "width": 1, "height": 1}]}',
     'nodes[0].type: must be one of file, group, link, text, not "circle"'),
    ('{"nodes": [{"id": "a", "type": "text", "x": 0, "y": 0, "width": 1, "height": 1}]}',
     "nodes[0].text: is missing"),
    ('{"nodes": [], "edges": [{"id": "e", "fromNode": "x", "toNode": "y"}]}', 'edges[0].fromNode: names no node: "x"'),
    ('{"nodes": [', "line 1, column 12: is not JSON"),
])
def test_a_canvas_that_breaks_the_spec_names_the_place(canvas, message):
    with pytest.raises(JourneyFileError) as raised:
        from_canvas(canvas, "bad.canvas")
    assert str(raised.value).startswith("bad.canvas: ") and message in str(raised.value)


def test_a_hundred_thousand_nodes_or_a_megabyte_node_give_one_line_on_the_command_line(tmp_path):
    many = tmp_path / "many.canvas"
    many.write_text(json.dumps({"nodes": [{"id": str(i), "type": "text", "x": 0, "y": 0, "width": 1, "height": 1,
                                           "text": "x"} for i in range(100_000)]}))
    huge = tmp_path / "huge.canvas"
    huge.write_text(json.dumps({"nodes": [{"id": "a", "type": "text", "x": 0, "y": 0, "width": 1, "height": 1,
                                           "text": "x" * 1_048_576}]}))
    for path, message in ((many, "nodes: has 100,000 entries; Wayfinder reads at most 20,000"),
                          (huge, "nodes[0].text: is 1,048,576 characters long; Wayfinder reads at most 20,000")):
        result = wayfinder("import", str(path), "-o", str(tmp_path / "out.journey"))
        assert result.returncode == 1
        assert result.stderr == f"{path}: {message}\n"
        assert not (tmp_path / "out.journey").exists()


def test_export_and_import_on_the_command_line(tmp_path):
    out = tmp_path / "retail.canvas"
    assert wayfinder("export", str(RETAIL), "-o", str(out)).returncode == 0
    result = wayfinder("import", str(out), "-o", str(tmp_path / "back.journey"))
    assert (result.returncode, result.stderr) == (0, "")
    back = load(tmp_path / "back.journey")
    assert back.info.title == "retail" and shape(back) == shape(load(RETAIL))


def test_two_lanes_labelled_alike_stay_two_lanes():
    # Found by hypothesis: lanes "1", "0", "1" came back as two lanes, and the cards of the first and
    # the last were read as one lane's, out of their order.
    journey = JourneyMap()
    journey.add_stage("0", id="s1")
    journey.add_stage("0", id="s2")
    for lane_id, name in (("a", "1"), ("b", "0"), ("c", "1")):
        journey.add_lane(name, id=lane_id)
    for lane_id, title in (("a", "0"), ("b", "0"), ("c", "00")):
        journey.add_touchpoint("s2", lane_id, title)
    back, _ = from_canvas(to_canvas(journey))
    assert [lane.name for lane in back.lanes] == ["1", "0", "1"]
    assert shape(back) == shape(journey)
