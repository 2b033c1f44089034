"""CSV spreadsheets: a workshop wall typed up in any spreadsheet comes in, errors name the row and
column, and a map exported to CSV comes back the same."""


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.entities import PainKind
from model.errors import JourneyFileError
from model.interchange import read_text
from model.interchange.spreadsheet import from_csv, to_csv
from model.journey_file import load
from model.journey_map import JourneyMap
from tests.command_line import wayfinder



def cards(journey: JourneyMap) -> list[tuple]:
    """Every field a CSV carries, touchpoint by touchpoint in reading order."""
    return [(journey.stage(tp.stage).name, journey.lane(tp.lane).name, tp.title, tp.description, tp.channel,
             tp.owner, tp.emotion, tp.scores.values(),
             [(p.severity, p.kind.value, p.text) for p in tp.pain_points],
             [o.text for o in tp.opportunities], tp.tags)
            for tp in journey.touchpoints()]


WALL = (
    "\ufeffPhase; Lane ;Step;Notes;Feeling;Meaning;Value;Ease;Team;Channel;Pain Points;Severity;"
    "Opportunities;Tags;Mood board;Sticky colour\r\n"
    'Découvrir;Web;Voir la pub;"Vue dans le bus,\r\nle matin";1;4;;5;Marketing;Instagram;;;;social, ads;x;\r\n'
    ';Magasin;Vitrine;;;;;;;;"Trop de monde\n3|dead end|Porte fermée";3;Ouvrir plus tôt;;;\r\n'
    "\r\n"
    '購入;Web;Payer;;-2;;2;;;;"1|delay|Page lente\n\tet elle plante";;"Un clic\nApple Pay";;;\r\n'
)


def test_a_typed_up_wall_comes_in_with_synonyms_quoted_newlines_and_notes(tmp_path):
    path = tmp_path / "wall.csv"
    path.write_bytes(WALL.encode("utf-8"))
    journey, warnings = from_csv(read_text(path), str(path), title="wall")
    assert journey.info.title == "wall"
    assert [s.name for s in journey.stages] == ["Découvrir", "購入"]
    assert [(lane.name, lane.kind.value) for lane in journey.lanes] == [("Web", "channel"), ("Magasin", "channel")]
    assert cards(journey) == [
        ("Découvrir", "Web", "Voir la pub", "Vue dans le bus,\r\nle matin", "Instagram", "Marketing", 1,
         (4, None, 5), [], [], ("social", "ads")),
        ("Découvrir", "Magasin", "Vitrine", "", "", "", None, (None, None, None),
         [(3, "frustration", "Trop de monde"), (3, "dead_end", "Porte fermée")], ["Ouvrir plus tôt"], ()),
        ("購入", "Web", "Payer", "", "", "", -2, (None, 2, None),
         [(1, "delay", "Page lente\net elle plante")], ["Un clic", "Apple Pay"], ()),
    ]
    assert warnings == [
        'row 1: ignored columns that are not touchpoint fields: "Mood board", "Sticky colour"',
        "row 4 is blank; skipped",
    ]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_comma_semicolon_and_tab_separated_files_are_all_read(delimiter):
    rows = [["Stage", "Lane", "Title", "Description"],
            ["Buy", "Web", "Pay", '"Fast, cheap; easy\tto use"'],
            ["Buy", "Store", "Till", "Queue"]]
    text = "\n".join(delimiter.join(row) for row in rows) + "\n"
    journey, warnings = from_csv(text)
    assert warnings == []
    assert [(tp.title, tp.description) for tp in journey.touchpoints()] == [
        ("Pay", "Fast, cheap; easy\tto use"), ("Till", "Queue")]


def test_a_channel_column_names_the_lanes_when_there_is_no_lane_column():
    journey, _ = from_csv("Stage,Channel,Title\nBuy,Phone,Call us\n")
    assert ([lane.name for lane in journey.lanes], journey.touchpoints()[0].channel) == (["Phone"], "")
    journey, _ = from_csv("Stage,Lane,Channel,Title\nBuy,Sales,Phone,Call us\n")
    assert ([lane.name for lane in journey.lanes], journey.touchpoints()[0].channel) == (["Sales"], "Phone")


def test_blank_stage_and_lane_cells_repeat_the_row_above_and_default_before_any():
    journey, _ = from_csv("Title,Stage,Lane\nFirst,,\nSecond,Buy,Web\nThird,,\n")
    assert [(journey.stage(tp.stage).name, journey.lane(tp.lane).name, tp.title)
            for tp in journey.touchpoints()] == [
        ("(no stage)", "Customer", "First"), ("Buy", "Web", "Second"), ("Buy", "Web", "Third")]


def test_lanes_are_ordered_so_that_every_stage_reads_as_the_rows_do():
    journey, _ = from_csv("Stage,Lane,Title\nLook,Store,Window\nBuy,Web,Pay online\nBuy,Store,Pay at till\n")
    assert [lane.name for lane in journey.lanes] == ["Web", "Store"]
    assert [tp.title for tp in journey.touchpoints()] == ["Window", "Pay online", "Pay at till"]


def test_extra_cells_beyond_the_header_are_ignored_with_a_warning():
    journey, warnings = from_csv("Stage,Title\nBuy,Pay,surplus\n")
    assert [tp.title for tp in journey.touchpoints()] == ["Pay"]
    assert warnings == ["row 2 has more cells than the header row; the extra ones are ignored"]


@pytest.mark.parametrize("text, message", [
    ("Stage,Title,Meaning\nA,One,3\nA,Two,\nA,Three,high\n",
     'bad.csv: row 4, column "Meaning": must be a whole number from 1 to 5, not "high"'),
    ("Stage,Title,Feeling\nA,One,3\n",
     'bad.csv: row 2, column "Feeling": must be a whole number from -2 to 2, not "3"'),
    ("Stage,Title,Value\nA,One,2.5\n",
     'bad.csv: row 2, column "Value": must be a whole number from 1 to 5, not "2.5"'),
    ("Stage,Title,Severity,Pains\nA,One,4,Slow\n",
     'bad.csv: row 2, column "Severity": must be a whole number from 1 to 3, not "4"'),
    ("Stage,Title,Pains\nA,One,\"Slow\n5|delay|Very slow\"\n",
     'bad.csv: row 2, column "Pains": must be a whole number from 1 to 3, not "5"'),
    ("Stage,Title,Pains\nA,One,2|boredom|Dull\n",
     'bad.csv: row 2, column "Pains": a pain point\'s kind must be one of dead_end, frustration, delay, '
     'confusion, effort, not "boredom"'),
    ("Stage,Title,Pains\nA,One,Slow | really slow | awful\nA,Two,7|delay|y\n",
     'bad.csv: row 3, column "Pains": must be a whole number from 1 to 3, not "7"'),
    ("Stage,Title,Owner\nA,One,\nB,,Sales\n", 'bad.csv: row 3, column "Title": a touchpoint needs a title'),
    ("Stage,Owner\nA,Sales\n", 'bad.csv: row 1: there is no title column; name one "title", "touchpoint" or "step"'),
    ("Title,Step\nA,B\n", 'bad.csv: row 1: columns "Title" and "Step" both mean title'),
    ("Stage,Title,Tags\nA,One," + "t" * 61 + "\n", 'bad.csv: row 2, column "Tags": is longer than 60 characters'),
    ("Stage,Title\n" + "s" * 201 + ",One\n", 'bad.csv: row 2, column "Stage": is longer than 200 characters'),
    ("", "bad.csv: is empty; a spreadsheet needs a header row with a title column"),
])
def test_errors_name_the_row_and_column_as_the_spreadsheet_numbers_them(text, message):
    with pytest.raises(JourneyFileError) as caught:
        from_csv(text, "bad.csv")
    assert str(caught.value) == message


def test_a_file_that_is_not_utf8_says_where_the_bad_byte_is(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("Stage;Title\nAchat;Payé\n".encode("cp1252"))
    with pytest.raises(JourneyFileError) as caught:
        read_text(path)
    assert str(caught.value) == f"{path}: is not UTF-8 text (bad byte at offset 21)"


def small_map() -> JourneyMap:
    m = JourneyMap()
    m.add_stage("Awareness", id="aware")
    m.add_stage("Purchase", id="buy")
    m.add_lane("Web", id="web")
    m.add_lane("Store", id="store")
    m.add_touchpoint("buy", "store", "Till", emotion=-2, scores={"value": 2}, tags=("queue", "cash"))
    m.add_touchpoint("aware", "web", "Ad, seen", description="Line one\nLine two", channel="Instagram",
                     owner="Marketing", emotion=1, scores={"meaning": 4, "accommodation": 5}, id="ad")
    m.add_pain_point("ad", "Too loud", severity=1, kind="effort")
    m.add_pain_point("ad", "Hides the price\nuntil the end", severity=3, kind="dead_end")
    m.add_opportunity("ad", "Show the price")
    return m


def test_export_writes_one_row_per_touchpoint_in_reading_order():
    assert to_csv(small_map()) == (
        "Stage,Lane,Title,Description,Channel,Owner,Emotion,Meaning,Value,Accommodation,Pain points,"
        "Opportunities,Tags,Personas,Evidence,To-be\r\n"
        'Awareness,Web,"Ad, seen","Line one\nLine two",Instagram,Marketing,1,4,,5,'
        '"1|effort|Too loud\n3|dead_end|Hides the price\n\tuntil the end",Show the price,,,assumption,\r\n'
        'Purchase,Store,Till,,,,-2,,2,,,,"queue, cash",,assumption,\r\n'
    )


def test_who_passes_each_touchpoint_its_evidence_and_to_be_mark_survive_export_and_import():
    original = small_map()
    original.add_persona("Tom, trade buyer", id="tom")
    original.add_persona("Maya", id="maya")
    original.update_touchpoint("ad", personas=("tom",), evidence={"level": "research"}, to_be="changed")
    text = to_csv(original)
    assert 'Show the price,,"Tom, trade buyer",research,changed' in text
    again, warnings = from_csv(text)
    assert warnings == []
    ad = next(tp for tp in again.touchpoints() if tp.title == "Ad, seen")
    assert [again.persona_by_id(p).name for p in ad.personas] == ["Tom, trade buyer"]
    assert ad.evidence.level.value == "research" and ad.to_be.value == "changed"
    till = next(tp for tp in again.touchpoints() if tp.title == "Till")
    assert till.personas is None and till.to_be is None


def test_an_unknown_evidence_level_names_its_cell():
    with pytest.raises(JourneyFileError) as caught:
        from_csv("Title,Evidence\nAd,hunch\n", "bad.csv")
    assert str(caught.value) == ('bad.csv: row 2, column "Evidence": it must be one of assumption, anecdote, '
                                 'research, not "hunch"')


def test_export_then_import_gives_the_same_map():
    original = small_map()
    journey, warnings = from_csv(to_csv(original))
    assert warnings == []
    assert cards(journey) == cards(original)


# Cells as people type them, including the characters CSV and the note format give meaning to.
characters = st.sampled_from(list("ab ,;\t\"'|\n\r#=+-") + ["é", "咖啡", "😀", "\ufeff", "1|delay|", "\n\t"])
texts = st.lists(characters, max_size=6).map(lambda parts: "".join(parts).strip())
names = texts.filter(bool)
tags = names.filter(lambda tag: "," not in tag and "\n" not in tag)


@st.composite
def journeys(draw) -> JourneyMap:
    m = JourneyMap()
    stages = [m.add_stage(name).id for name in draw(st.lists(names, min_size=1, max_size=3, unique=True))]
    lanes = [m.add_lane(name).id for name in draw(st.lists(names, min_size=1, max_size=3, unique=True))]
    scores = st.none() | st.integers(1, 5)
    for _ in range(draw(st.integers(1, 6))):
        tp = m.add_touchpoint(
            draw(st.sampled_from(stages)), draw(st.sampled_from(lanes)), draw(names),
            description=draw(texts), channel=draw(texts), owner=draw(texts),
            emotion=draw(st.none() | st.integers(-2, 2)),
            scores={"meaning": draw(scores), "value": draw(scores), "accommodation": draw(scores)},
            tags=draw(st.lists(tags, max_size=3)))
        for text in draw(st.lists(texts, max_size=2)):
            m.add_pain_point(tp.id, text, severity=draw(st.integers(1, 3)),
                             kind=draw(st.sampled_from(list(PainKind))))
        for text in draw(st.lists(names, max_size=2)):
            m.add_opportunity(tp.id, text)
    return m


@settings(max_examples=150, deadline=None)
@given(journeys())
def test_any_map_comes_back_from_csv_with_the_same_touchpoints_in_the_same_order(original):
    text = to_csv(original)
    journey, warnings = from_csv(text)
    assert warnings == []
    assert cards(journey) == cards(original)
    used = {tp.stage for tp in original.touchpoints()}
    assert [s.name for s in journey.stages] == [s.name for s in original.stages if s.id in used]
    assert to_csv(journey) == text



def test_command_line_imports_and_exports_csv_with_a_byte_order_mark(tmp_path):
    source = tmp_path / "workshop wall.csv"
    source.write_bytes(WALL.encode("utf-8"))
    result = wayfinder("import", str(source), "-o", str(tmp_path / "wall.journey"))
    assert result.returncode == 0
    assert result.stderr.startswith(f"{source}: warning: row 1: ignored columns")
    journey = load(tmp_path / "wall.journey")
    assert (journey.info.title, len(journey)) == ("workshop wall", 3)
    result = wayfinder("export", str(tmp_path / "wall.journey"), "-o", str(tmp_path / "out.csv"))
    assert result.returncode == 0
    data = (tmp_path / "out.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfStage,Lane,Title,") and "購入".encode() in data


def test_command_line_names_the_bad_row_and_column(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("Stage;Title;Meaning\nA;One;3\nA;Two;\nA;Three;high\n", encoding="utf-8")
    result = wayfinder("import", str(bad), "-o", str(tmp_path / "out.journey"))
    assert result.returncode == 1
    assert result.stderr == f'{bad}: row 4, column "Meaning": must be a whole number from 1 to 5, not "high"\n'
    assert not (tmp_path / "out.journey").exists()
