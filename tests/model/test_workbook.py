"""Excel workbooks: a map goes out as typed sheets and comes back with everything the sheets hold;
the common one-sheet template comes in; formulas are never evaluated; a broken file is one error."""

import io
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from model.errors import JourneyFileError
from model.interchange.spreadsheet import HEADERS
from model.interchange.workbook import read_workbook, to_workbook, write_workbook
from model.journey_file import load
from model.journey_map import JourneyMap
from tests.command_line import ROOT, wayfinder
from tests.factories import journey_maps, make_map

RETAIL = ROOT / "resources/samples/retail-purchase.journey"


def held(journey: JourneyMap) -> tuple:
    """Everything the sheets hold, as plain data, with touchpoints named by title rather than by id.
    Opportunities are one a line in a cell, as in the CSV: trimmed, and a blank one is no line."""
    titles = {tp.id: tp.title for tp in journey.touchpoints()}
    return (
        journey.info.model_dump(),
        [(s.name, s.goal) for s in journey.stages],
        [(lane.name, lane.kind.value) for lane in journey.lanes],
        [(journey.stage(tp.stage).name, journey.lane(tp.lane).name, tp.title, tp.description, tp.channel, tp.owner,
          tp.emotion, tp.scores.values(), tp.metrics.model_dump(), tp.expected, tp.experienced, tp.colour, tp.tags,
          [(p.severity, p.kind.value, p.text) for p in tp.pain_points], [o.text.strip() for o in tp.opportunities if o.text.strip()])
         for tp in journey.touchpoints()],
        sorted((titles[c.source], titles[c.target], c.kind.value, c.label) for c in journey.connections()),
    )


def storable(value):
    """`value` with the control characters Excel cannot store left out, as export leaves them out."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    if isinstance(value, dict):
        return {key: storable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(storable(item) for item in value)
    return value


def test_the_retail_sample_round_trips_with_typed_cells(tmp_path):
    journey = load(RETAIL)
    path = tmp_path / "retail.xlsx"
    write_workbook(journey, path)
    book = load_workbook(path)
    assert book.sheetnames == ["Touchpoints", "Connections", "Stages and lanes", "Pain points", "Map"]
    header = [cell.value for cell in book["Touchpoints"][1]]
    assert header[1:1 + len(HEADERS)] == list(HEADERS.values())
    emotion = header.index("Emotion") + 1
    assert all(isinstance(book["Touchpoints"].cell(row, emotion).value, (int, type(None)))
               for row in range(2, len(journey) + 2))
    assert book["Pain points"].max_row - 1 == sum(len(tp.pain_points) for tp in journey.touchpoints())
    back, warnings = read_workbook(path)
    assert warnings == []
    assert held(back) == held(journey)


@settings(max_examples=30, deadline=None)
@given(journey_maps())
def test_any_map_round_trips_what_the_sheets_hold(journey):
    # What no spreadsheet import keeps, as the CSV's: spaces around names (cells are trimmed) and
    # two stages or lanes of one name (they are found by name).
    names = [s.name for s in journey.stages] + [lane.name for lane in journey.lanes]
    assume(len(set(s.name for s in journey.stages)) == len(journey.stages))
    assume(len(set(lane.name for lane in journey.lanes)) == len(journey.lanes))
    assume(all(name == name.strip() for name in names + [tp.title for tp in journey.touchpoints()]))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "map.xlsx"
        path.write_bytes(to_workbook(journey))
        back, _ = read_workbook(path)
    assert held(back) == storable(held(journey))


def test_a_formula_typed_in_a_title_stays_text():
    journey = make_map(cards={("Aware", "Web"): ["=HYPERLINK(\"http://x\")"]})
    book = load_workbook(io.BytesIO(to_workbook(journey)))
    cell = book["Touchpoints"]["D2"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://x")', "s")


def template(tmp_path, rows, name="wall.xlsx"):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(tmp_path / name)
    return tmp_path / name


def test_the_common_one_sheet_template_comes_in(tmp_path):
    path = template(tmp_path, [
        ["Phase", "Step", "Channel", "Feeling", "Pain", "Owner"],
        ["Discover", "See an ad", "Instagram", 1, None, "Marketing"],
        [None, "Ask a friend", "WhatsApp", 2.0, "Slow reply", None],
        ["Buy", "Pay", "Web", -2, "3|dead end|Card declined", "Finance"],
    ])
    journey, warnings = read_workbook(path, title="wall")
    assert warnings == []
    assert journey.info.title == "wall"
    assert [s.name for s in journey.stages] == ["Discover", "Buy"]
    assert [(tp.title, journey.lane(tp.lane).name, tp.emotion, tp.owner,
             [(p.severity, p.kind.value, p.text) for p in tp.pain_points]) for tp in journey.touchpoints()] == [
        ("See an ad", "Instagram", 1, "Marketing", []),
        ("Ask a friend", "WhatsApp", 2, "", [(2, "frustration", "Slow reply")]),
        ("Pay", "Web", -2, "Finance", [(3, "dead_end", "Card declined")]),
    ]


def test_formulas_are_read_from_their_saved_values_and_never_evaluated(tmp_path):
    path = template(tmp_path, [["Stage", "Title", "Emotion"], ["Aware", "Ad", "=1+1"]], "formula-only.xlsx")
    with pytest.raises(JourneyFileError) as raised:
        read_workbook(path)
    assert str(raised.value) == (f'{path}: sheet "Sheet", cell C2: holds the formula "=1+1" but no saved value; '
                                 "Wayfinder never evaluates formulas: open and save the workbook in Excel or "
                                 "LibreOffice so that the value is stored, or type the value")


@pytest.mark.parametrize("rows, message", [
    ([["Stage", "Title", "Emotion"], ["Aware", "Ad", 7]], 'sheet "Sheet": row 2, column "Emotion": must be a whole number from -2 to 2, not "7"'),
    ([["Stage", "Title", "NPS"], ["Aware", "Ad", "high"]], 'sheet "Sheet", row 2, column "NPS": must be a whole number, not "high"'),
    ([["Stage", "Notes"], ["Aware", "Ad"]], 'there is no title column'),
    ([["Id", "Title"], ["a", "Ad"], ["a", "Pay"]], 'sheet "Sheet", row 3, column "Id": "a" is the Id of an earlier row too'),
    ([], 'sheet "Sheet": is empty'),
])
def test_a_bad_cell_is_named_by_sheet_row_and_column(tmp_path, rows, message):
    with pytest.raises(JourneyFileError) as raised:
        read_workbook(template(tmp_path, rows))
    assert message in str(raised.value)


def test_hostile_files_give_one_line_on_the_command_line(tmp_path):
    not_zip = tmp_path / "fake.xlsx"
    not_zip.write_text("Stage,Title\nAware,Ad\n")
    wrong_zip = tmp_path / "wrong.xlsx"
    with zipfile.ZipFile(wrong_zip, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    formula = template(tmp_path, [["Stage", "Title"], ["=A1", "=B1"]], "formula-only.xlsx")
    for path, message in ((not_zip, "is not an Excel workbook (.xlsx): it is not a zip archive"),
                          (wrong_zip, "is not an Excel workbook (.xlsx): "),
                          (formula, 'sheet "Sheet", cell A2: holds the formula "=A1" but no saved value')):
        result = wayfinder("import", str(path), "-o", str(tmp_path / "out.journey"))
        assert result.returncode == 1
        assert result.stderr.startswith(f"{path}: {message}") and result.stderr.count("\n") == 1, result.stderr
        assert not (tmp_path / "out.journey").exists()


def test_export_and_import_on_the_command_line(tmp_path):
    out = tmp_path / "retail.xlsx"
    assert wayfinder("export", str(RETAIL), "-o", str(out)).returncode == 0
    result = wayfinder("import", str(out), "-o", str(tmp_path / "back.journey"))
    assert (result.returncode, result.stderr) == (0, "")
    assert held(load(tmp_path / "back.journey")) == held(load(RETAIL))


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-calc")
def test_libreoffice_calc_opens_the_workbook(tmp_path):
    write_workbook(load(RETAIL), tmp_path / "retail.xlsx")
    result = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                             "--convert-to", "csv", "--outdir", str(tmp_path), str(tmp_path / "retail.xlsx")],
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "retail.csv").read_text(encoding="utf-8", errors="replace")
    assert text.startswith("Id,Stage,Lane,Title") and "Hold queue 20 min" in text
