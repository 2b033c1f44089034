"""The command line: validate, info and schema, run as a user runs them, without Qt."""

import json
import subprocess
import sys

import pytest

from model.journey_file import save
from tests.factories import large_map
from tests.command_line import ROOT, wayfinder

SAMPLES = sorted((ROOT / "resources" / "samples").glob("*.journey"))



def test_samples_validate():
    assert len(SAMPLES) >= 2
    result = wayfinder("validate", *map(str, SAMPLES))
    assert (result.returncode, result.stdout) == (0, "")


def test_validate_prints_one_line_per_bad_file_and_exits_1(tmp_path):
    bad = tmp_path / "bad.journey"
    text = SAMPLES[0].read_text(encoding="utf-8").replace('"meaning": 4', '"meaning": 9', 1)
    assert text != SAMPLES[0].read_text(encoding="utf-8")
    bad.write_text(text, encoding="utf-8")
    junk = tmp_path / "junk.journey"
    junk.write_bytes(b"\x00garbage")
    result = wayfinder("validate", str(SAMPLES[0]), str(bad), str(junk))
    lines = result.stdout.splitlines()
    assert result.returncode == 1 and len(lines) == 2
    assert lines[0].startswith(f"{bad}: touchpoints[") and lines[0].endswith(".scores.meaning: must be at most 5, not 9")
    assert lines[1].startswith(f"{junk}: ")


def test_info_json_lists_the_retail_dead_end():
    result = wayfinder("info", "--json", str(ROOT / "resources/samples/retail-purchase.journey"))
    info = json.loads(result.stdout)
    assert result.returncode == 0
    assert set(info) == {"title", "stages", "lanes", "touchpoints", "connections", "pain_points",
                         "dead_ends", "unreachable"}
    assert info["stages"] == ["Awareness", "Consideration", "Purchase", "Retention", "Advocacy"]
    assert info["touchpoints"] >= 20 and info["dead_ends"]


def test_info_prints_a_human_summary():
    result = wayfinder("info", str(SAMPLES[0]))
    assert result.returncode == 0
    assert "touchpoints" in result.stdout and "Dead ends:" in result.stdout


def test_info_on_a_bad_file_says_why(tmp_path):
    bad = tmp_path / "bad.journey"
    bad.write_text("{}", encoding="utf-8")
    result = wayfinder("info", str(bad))
    assert result.returncode == 1
    assert result.stderr.strip() == f'{bad}: is not a Wayfinder map (it has no "format": "wayfinder.journey")'


def test_schema_is_json_schema_of_the_format():
    schema = json.loads(wayfinder("schema").stdout)
    assert schema["title"] == "Wayfinder journey map"
    assert {"format", "version", "stages", "touchpoints"} <= set(schema["properties"])


@pytest.mark.parametrize("command", [["validate"], ["info"], ["schema"]])
def test_the_command_line_never_imports_qt(command, tmp_path):
    path = tmp_path / "map.journey"
    save(large_map(touchpoints=30, stages=3, lanes=2, connections=20), path)
    args = command + ([str(path)] if command != ["schema"] else [])
    code = ("import sys, runpy; sys.argv = ['main.py', *%r];"
            "\ntry: runpy.run_path('main.py', run_name='__main__')"
            "\nexcept SystemExit: pass"
            "\nassert not any(m.startswith('PySide6') for m in sys.modules), 'PySide6 imported'" % (args,))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr


def test_info_says_no_flow_drawn_yet_on_a_map_without_connections(tmp_path):
    from model.journey_file import save
    from tests.factories import make_map

    path = tmp_path / "cards.journey"
    save(make_map(cards={("Aware", "Web"): ["Ad"], ("Buy", "Web"): ["Pay"]}), path)
    result = wayfinder("info", str(path))
    assert result.returncode == 0
    assert "No flow drawn yet" in result.stdout and "Dead ends:" not in result.stdout
