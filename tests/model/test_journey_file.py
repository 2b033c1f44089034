"""Loading never lets anything but JourneyFileError escape; saving is canonical and atomic."""

import json
import os

import pytest

from model import journey_file
from model.document import FORMAT_VERSION
from model.errors import JourneyFileError
from model.journey_file import load, map_from_bytes, save, to_bytes
from model.journey_map import JourneyMap


def small_map() -> JourneyMap:
    m = JourneyMap()
    m.set_info(title="Café — 咖啡 journey")
    m.add_stage("Awareness", id="aware")
    m.add_stage("Purchase", id="buy")
    m.add_lane("Web", id="web")
    m.add_touchpoint("aware", "web", "Ad", id="ad", emotion=1, scores={"meaning": 4, "value": 3})
    m.add_touchpoint("buy", "web", "Pay", id="pay")
    m.add_connection("ad", "pay")
    m.add_pain_point("pay", "Card declined", severity=3, kind="dead_end", id="declined")
    return m


def valid_document() -> dict:
    return json.loads(to_bytes(small_map()))


def load_document(document, tmp_path):
    path = tmp_path / "map.journey"
    path.write_text(json.dumps(document), encoding="utf-8")
    return load(path)


def test_saved_file_is_pretty_utf8_json_with_format_and_version(tmp_path):
    path = tmp_path / "café.journey"
    save(small_map(), path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith('{\n  "format": "wayfinder.journey",\n  "version": %d,' % FORMAT_VERSION)
    assert "咖啡" in text and text.endswith("}\n")


def test_save_load_save_gives_identical_bytes(tmp_path):
    path = tmp_path / "map.journey"
    save(small_map(), path)
    first = path.read_bytes()
    save(load(path), path)
    assert path.read_bytes() == first


@pytest.mark.parametrize("mutate, place, words", [
    (lambda d: d["touchpoints"][0]["scores"].update(value=9), "touchpoints[0].scores.value", "at most 5"),
    (lambda d: d["touchpoints"][1].update(stage="nowhere"), "touchpoints[1].stage", "no stage"),
    (lambda d: d["touchpoints"][1].update(lane="nowhere"), "touchpoints[1].lane", "no lane"),
    (lambda d: d["connections"][0].update(target="ghost"), "connections[0].target", "no touchpoint"),
    (lambda d: d["connections"].append(dict(d["connections"][0])), "connections[1].target", "already connected"),
    (lambda d: d["connections"][0].update(target="ad"), "connections[0].target", "itself"),
    (lambda d: d["touchpoints"][0].update(emotion="happy"), "touchpoints[0].emotion", "whole number"),
    (lambda d: d["touchpoints"][0].update(id="pay"), "touchpoints[1].id", "exists already"),
    (lambda d: d["stages"].append(dict(d["stages"][0])), "stages[2].id", "exists already"),
    (lambda d: d["touchpoints"][0].update(mood=1), "touchpoints[0].mood", "not a field"),
    (lambda d: d["touchpoints"][1]["pain_points"][0].update(kind="boredom"), "touchpoints[1].pain_points[0].kind",
     "dead_end"),
    (lambda d: d["touchpoints"][1]["pain_points"].append(d["touchpoints"][1]["pain_points"][0]),
     "touchpoints[1].pain_points[1].id", "used twice"),
    (lambda d: d.pop("stages") and d.update(stages=5), "stages", "must be a list"),
    (lambda d: d.update(version=7), "version", "newer Wayfinder (format version 7); this Wayfinder reads format version " + str(FORMAT_VERSION)),
    (lambda d: d.update(version="1"), "version", "whole number"),
    (lambda d: d["info"].pop("title") and d["info"].update(title=None), "info.title", "text"),
])
def test_bad_content_names_file_place_and_reason(tmp_path, mutate, place, words):
    document = valid_document()
    mutate(document)
    with pytest.raises(JourneyFileError) as error:
        load_document(document, tmp_path)
    assert error.value.place == place
    assert words in error.value.reason
    assert str(error.value) == f"{tmp_path / 'map.journey'}: {place}: {error.value.reason}"


@pytest.mark.parametrize("data, words", [
    (b"", "not valid JSON"),
    (b"{\"format\": ", "not valid JSON"),
    (b"\xff\xfe\x00", "not UTF-8"),
    (b"[1, 2, 3]", "not a Wayfinder map"),
    (b'{"format": "something.else", "version": 1}', "not a Wayfinder map"),
    (b"[" * 100_000 + b"]" * 100_000, "nesting is deeper"),
    (b'{"a":' * 40 + b"1" + b"}" * 40, "nesting is deeper"),
    (b'{"format": "wayfinder.journey", "version": 1' + b"9" * 50_000 + b"}", "too long"),
    (b'{"format": "wayfinder.journey", "version": 1e400}', "too large"),
    (b'{"format": "wayfinder.journey", "version": NaN}', "NaN"),
    (b'{"format": "wayfinder.journey", "format": "wayfinder.journey"}', "appears twice"),
])
def test_unreadable_files_give_one_clear_error(data, words):
    with pytest.raises(JourneyFileError, match=words):
        map_from_bytes(data, "x.journey")


def test_oversized_files_are_refused_before_parsing(monkeypatch, tmp_path):
    monkeypatch.setattr(journey_file, "MAX_FILE_BYTES", 100)
    path = tmp_path / "big.journey"
    path.write_bytes(to_bytes(small_map()))
    with pytest.raises(JourneyFileError, match="larger than"):
        load(path)


def test_missing_file(tmp_path):
    with pytest.raises(JourneyFileError, match="cannot be read"):
        load(tmp_path / "absent.journey")


def test_a_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.journey"
    path.write_bytes(b"\xef\xbb\xbf" + to_bytes(small_map()))
    assert load(path).info.title == "Café — 咖啡 journey"


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_a_save_that_fails_part_way_leaves_the_old_file_intact(tmp_path, monkeypatch, failing):
    path = tmp_path / "map.journey"
    save(small_map(), path)
    before = path.read_bytes()
    changed = load(path)
    changed.update_touchpoint("ad", title="Changed")

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    if failing == "write":
        real_fdopen = os.fdopen

        class FailingStream:
            def __init__(self, stream):
                self.stream = stream

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.stream.close()

            def write(self, data):
                self.stream.write(data[: len(data) // 2])
                fail()

        monkeypatch.setattr(journey_file.os, "fdopen", lambda fd, mode: FailingStream(real_fdopen(fd, mode)))
    else:
        monkeypatch.setattr(journey_file.os, failing, fail)
    with pytest.raises(JourneyFileError, match="No space left on device"):
        save(changed, path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["map.journey"]


def test_save_into_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(JourneyFileError, match="cannot be saved"):
        save(small_map(), tmp_path / "no" / "such" / "map.journey")


def test_the_bundled_schema_matches_the_format():
    from pathlib import Path

    from model.document import json_schema

    bundled = Path(__file__).parents[2] / "resources" / "journey.schema.json"
    assert json.loads(bundled.read_text(encoding="utf-8")) == json_schema()
