"""Mermaid journeys: what Mermaid accepts comes in, what it rejects names its line, and maps go
out as journeys that come back with the same titles, sections, order, scores and actors."""

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.errors import JourneyFileError
from model.journey_file import load
from model.journey_map import JourneyMap
from model.interchange.mermaid import NO_ACTOR, from_mermaid, to_mermaid
from tests.command_line import wayfinder
from tests.factories import make_map, two_persona_map



FLOW = "tasks are connected in the order they are written, across sections too"


def read(text: str):
    return from_mermaid(textwrap.dedent(text).lstrip("\n"), "trip.mmd")


def cards(journey: JourneyMap) -> list[tuple]:
    """Each touchpoint in reading order as (stage, lane, title, emotion, owner, tags)."""
    return [(journey.stage(tp.stage).name, journey.lane(tp.lane).name, tp.title, tp.emotion, tp.owner, tp.tags)
            for tp in journey.touchpoints()]


WORKING_DAY = """
    ---
    config:
      theme: forest
    ---
    %%{init: {"journey": {"useMaxWidth": true}}}%%
    %% The day, as the team drew it
    journey
      title Mon café — 通勤の一日
      accTitle: Ignored, because there is a title
      accDescr {
        Two lines
        of description
      }
      section Réveil 起床
        Make tea: 5: Me
        Go upstairs: 3: Me, Cat   # the cat follows
        %% a comment between tasks
        Do work: 1: Me, Cat, Boss, Coffee machine
      section Go home
        Go downstairs: 5: Me
        Sit down: 4
"""


def test_imports_sections_tasks_actors_scores_and_accessibility_text():
    journey, warnings = read(WORKING_DAY)
    assert warnings == [FLOW]
    assert journey.info.title == "Mon café — 通勤の一日"
    assert journey.info.accessible_title == "Ignored, because there is a title"
    assert journey.info.description == "Two lines\nof description"
    assert [s.name for s in journey.stages] == ["Réveil 起床", "Go home"]
    assert [(lane.name, lane.kind.value) for lane in journey.lanes] == [("Me", "actor"), (NO_ACTOR, "actor")]
    assert cards(journey) == [
        ("Réveil 起床", "Me", "Make tea", 2, "", ()),
        ("Réveil 起床", "Me", "Go upstairs", 0, "Cat", ()),
        ("Réveil 起床", "Me", "Do work", -2, "Cat", ("Boss", "Coffee machine")),
        ("Go home", "Me", "Go downstairs", 2, "", ()),
        ("Go home", NO_ACTOR, "Sit down", 1, "", ()),
    ]


def test_comments_are_skipped_wherever_mermaid_allows_them():
    journey, _ = read("""
        journey %% the diagram
          accDescr { one
            two } %% after the block
          section A
            %%{init: {}}%%
            %single percent
            Pay: 3: Me # by card
    """)
    assert journey.info.description == "one\ntwo"
    assert cards(journey) == [("A", "Me", "Pay", 0, "", ())]


def test_importing_the_same_file_twice_gives_the_same_ids():
    first, _ = read(WORKING_DAY)
    second, _ = read(WORKING_DAY)
    assert list(first.touchpoint_ids()) == list(second.touchpoint_ids()) == [f"tp-{n}" for n in range(1, 6)]


def test_a_task_before_any_section_goes_into_a_first_stage_of_its_own():
    journey, _ = read("""
        journey
          Wake up: 3: Me
          section Morning
            Make tea: 4: Me
    """)
    assert [s.name for s in journey.stages] == ["(no section)", "Morning"]
    assert [tp.title for tp in journey.touchpoints()] == ["Wake up", "Make tea"]


def test_acc_title_is_the_title_when_there_is_none_and_acc_descr_fits_on_one_line():
    journey, _ = read("""
        journey
          accTitle: Onboarding: week one
          accDescr: What a new customer does; in order
          section Start
            Sign up: 4: Customer
    """)
    assert journey.info.title == "Onboarding: week one"
    assert journey.info.description == "What a new customer does; in order"


def test_entity_codes_mermaid_understands_are_decoded():
    journey, _ = read("""
        journey
          title Caf#233; #quot;Le Coin#quot; #9829;
          section Step #35;1
            Pay #58; card: 4: Web#44; app
    """)
    assert journey.info.title == 'Café "Le Coin" ♥'
    assert [s.name for s in journey.stages] == ["Step #1"]
    assert cards(journey) == [("Step #1", "Web, app", "Pay : card", 1, "", ())]


def test_scores_mermaid_draws_are_rounded_and_kept_within_1_to_5_with_a_warning_naming_the_line():
    journey, warnings = read("""
        journey
          section Day
            Wake up: -1: Me
            Sleep: 9: Me
            Nap: 2.5: Me
            Tea: 4.0: Me
    """)
    assert [tp.emotion for tp in journey.touchpoints()] == [-2, 2, 0, 1]
    assert warnings == [
        "line 3: score -1 is not a whole number from 1 to 5; using 1",
        "line 4: score 9 is not a whole number from 1 to 5; using 5",
        "line 5: score 2.5 is not a whole number from 1 to 5; using 3",
        FLOW,
    ]


def test_scores_mermaid_draws_as_nan_or_0_leave_the_emotion_unset_with_a_warning_naming_the_line():
    journey, warnings = read("""
        journey
          section Day
            Wake up: 0: Me
            size: 2rem
            Nap: : Me
            Tea: high: Me
            Work: 1_0: Me
    """)
    assert [tp.emotion for tp in journey.touchpoints()] == [None] * 5
    assert warnings == [
        'line 3: the score of "Wake up" is "0", which Mermaid draws as 0; its emotion is left unset',
        'line 4: the score of "size" is "2rem", which Mermaid draws as NaN; its emotion is left unset',
        'line 5: the score of "Nap" is "", which Mermaid draws as 0; its emotion is left unset',
        'line 6: the score of "Tea" is "high", which Mermaid draws as NaN; its emotion is left unset',
        'line 7: the score of "Work" is "1_0", which Mermaid draws as NaN; its emotion is left unset',
        FLOW,
    ]


def test_only_what_mermaid_detects_as_a_journey_is_accepted():
    with pytest.raises(JourneyFileError) as caught:
        from_mermaid("JOURNEY\n  section Day\n    Tea: 3: Me\n", "caps.mmd")
    assert str(caught.value) == 'caps.mmd: line 1: a Mermaid journey starts with the word journey, not "JOURNEY"'


def test_tasks_are_connected_in_written_order_within_and_across_sections_so_nothing_is_a_false_dead_end():
    from model.analysis import analyse

    journey, _ = read("""
        journey
          section Visit
            Browse: 4: Web
            Ask staff: 2: Store
            Compare prices: 3: Web
          section Buy
            Pay: 5: Store
    """)
    title = {tp.id: tp.title for tp in journey.touchpoints()}
    assert [(title[c.source], title[c.target]) for c in journey.connections()] == [
        ("Browse", "Ask staff"), ("Compare prices", "Pay"), ("Ask staff", "Compare prices")]
    insights = analyse(journey)
    assert (insights.dead_ends, insights.unreachable) == ([], [])


def test_every_actor_comes_back_and_none_is_invented():
    text = textwrap.dedent("""\
        journey
          title Family
          section Shop
            A task: 5: Alice, Bob, Charlie
            B task: 3: Bob, , Charlie
            C task: 5
            E task: 5: , Alice
        """)
    journey, _ = from_mermaid(text)
    assert cards(journey) == [("Shop", "Alice", "A task", 2, "Bob", ("Charlie",)),
                              ("Shop", "Bob", "B task", 0, "", ("Charlie",)),
                              ("Shop", NO_ACTOR, "C task", 2, "", ()),
                              ("Shop", NO_ACTOR, "E task", 2, "Alice", ())]
    assert to_mermaid(journey) == text


def test_text_after_a_third_colon_is_ignored_with_a_warning():
    journey, warnings = read("""
        journey
          section Day
            Wake up: 3: Me: Cat
    """)
    assert cards(journey) == [("Day", "Me", "Wake up", 0, "", ())]
    assert warnings == ["line 3: text after the task's third ':' is ignored, as Mermaid does", FLOW]


@pytest.mark.parametrize("body, line, words", [
    ("  section Day\n    Make tea\n", 3, '"Make tea" is not a task'),
    ("  section Day\n    Make tea:\n", 3, 'the task "Make tea" has no score'),
    ("  section Day\n    : 3: Me\n", 3, "the task has no name"),
    ("  %% comment\n  section\n", 3, "section needs a name"),
    ("  title\n", 2, "title needs a name"),
    ("  section Day: one\n", 2, "a section name cannot hold ':'"),
    ("  section Day\n    Pay; leave: 3: Me\n", 3, "';' ends a statement"),
    ("  accDescr {\n  never closed\n", 2, "accDescr { is never closed"),
    ("  section Day\n    " + "x" * 201 + ": 3: Me\n", 3, "longer than 200 characters"),
])
def test_what_mermaid_rejects_is_an_error_naming_the_line(body, line, words):
    with pytest.raises(JourneyFileError) as caught:
        from_mermaid("journey\n" + body, "bad.mmd")
    assert caught.value.place.split(",")[0] == f"line {line}"
    assert words in caught.value.reason
    assert str(caught.value).startswith(f"bad.mmd: line {line}")


@pytest.mark.parametrize("text, place, words", [
    ("flowchart LR\n  A --> B\n", "line 1", 'starts with the word journey, not "flowchart LR"'),
    ("%% only a comment\n\n", "", "there is no line that says journey"),
    ("---\ntitle: x\n", "line 1", "never closed with ---"),
])
def test_a_file_that_is_no_journey_says_so(text, place, words):
    with pytest.raises(JourneyFileError) as caught:
        from_mermaid(text, "bad.mmd")
    assert (caught.value.place, words in caught.value.reason) == (place, True)


def small_map() -> JourneyMap:
    m = JourneyMap()
    m.set_info(title="Retail: the #1 journey; 2024", description="Why we mapped it.\n  Indented line.")
    m.add_stage("Awareness", id="aware")
    m.add_stage("Purchase", id="buy")
    m.add_stage("Empty", id="empty")
    m.add_lane("Web", id="web")
    m.add_lane("Store, main street", id="store")
    m.add_touchpoint("buy", "store", "Till", emotion=-2, owner="Retail ops")
    m.add_touchpoint("aware", "web", "Title page: ad", emotion=1)
    m.add_touchpoint("buy", "web", "Checkout", owner="E-commerce")
    m.add_touchpoint("aware", "web", "journey map #2", emotion=2, tags=("ad",))
    return m


def test_export_writes_sections_and_tasks_in_reading_order_with_risky_characters_as_entity_codes():
    assert to_mermaid(small_map()) == textwrap.dedent("""\
        journey
          title Retail#58; the #35;1 journey#59; 2024
          accDescr {
        Why we mapped it.
        #32; Indented line.
          }
          section Awareness
            #84;itle page#58; ad: 4: Web
            #106;ourney map #35;2: 5: Web
          section Purchase
            Checkout: 0: Web, E-commerce
            Till: 1: Store#44; main street, Retail ops
          section Empty
        """)


def test_export_then_import_gives_back_titles_sections_order_scores_and_actors():
    original = small_map()
    journey, warnings = from_mermaid(to_mermaid(original))
    assert warnings == ['line 11: the score of "Checkout" is "0", which Mermaid draws as 0; its emotion is left unset',
                        FLOW]
    assert (journey.info.title, journey.info.description) == (original.info.title, original.info.description)
    assert [s.name for s in journey.stages] == ["Awareness", "Purchase", "Empty"]
    assert cards(journey) == [
        ("Awareness", "Web", "Title page: ad", 1, "", ()),
        ("Awareness", "Web", "journey map #2", 2, "", ()),
        ("Purchase", "Web", "Checkout", None, "E-commerce", ()),  # no emotion goes out as 0, comes back unset
        ("Purchase", "Store, main street", "Till", -2, "Retail ops", ()),
    ]


def test_import_export_import_keeps_the_map_even_when_a_section_jumps_between_lanes():
    first, _ = read("""
        journey
          section Visit
            Browse: 4: Web
            Ask staff: 2: Store, Sales
            Compare prices: 3: Web
          section Buy
            Pay: 5: Store
    """)
    again, _ = from_mermaid(to_mermaid(first))
    assert cards(again) == cards(first)
    assert [lane.name for lane in again.lanes] == [lane.name for lane in first.lanes] == ["Web", "Store"]


# Text that Mermaid's journey grammar would misread if it were written as it is.
RISKY = [" ", ":", "#", ";", "%", "%%", ",", "{", "}", "<", ">", "&", "\n", "\r", "\t", "\u00a0", "\ufeff", "\x85",
         "title ", "section ", "journey", "accTitle", "accDescr {", "#58;", "&amp;", "café", "咖啡", "😀", "x"]
texts = st.lists(st.sampled_from(RISKY), max_size=5).map("".join)


@st.composite
def journeys(draw) -> JourneyMap:
    m = JourneyMap()
    m.set_info(title=draw(texts), description=draw(texts))
    stages = [m.add_stage(draw(texts)).id for _ in range(draw(st.integers(1, 3)))]
    # Mermaid names a lane by its actor, so two lanes of one name come back as one.
    # An actor with no name is the lane of tasks without actors.
    lanes = [m.add_lane(name).id for name in draw(st.lists(texts.filter(bool), min_size=1, max_size=3, unique=True))]
    for _ in range(draw(st.integers(0, 6))):
        m.add_touchpoint(draw(st.sampled_from(stages)), draw(st.sampled_from(lanes)), draw(texts),
                         owner=draw(texts), emotion=draw(st.sampled_from([None, -2, -1, 0, 1, 2])))
    return m


@settings(max_examples=150, deadline=None)
@given(journeys())
def test_any_map_comes_back_from_mermaid_with_its_texts_scores_and_actors(original):
    text = to_mermaid(original)
    journey, warnings = from_mermaid(text)
    assert [w for w in warnings if "draws as 0" not in w] == [FLOW]
    assert (journey.info.title, journey.info.description) == (original.info.title, original.info.description)
    assert [s.name for s in journey.stages] == [s.name for s in original.stages]
    assert cards(journey) == cards(original)
    assert to_mermaid(journey) == text



def test_command_line_imports_and_exports_mermaid(tmp_path):
    source = tmp_path / "day.mmd"
    source.write_text(textwrap.dedent(WORKING_DAY).lstrip(), encoding="utf-8")
    result = wayfinder("import", str(source), "-o", str(tmp_path / "day.journey"))
    assert (result.returncode, result.stderr) == (0, f"{source}: warning: {FLOW}\n")
    assert load(tmp_path / "day.journey").info.title == "Mon café — 通勤の一日"
    for suffix in (".mmd", ".mermaid"):
        result = wayfinder("export", str(tmp_path / "day.journey"), "-o", str(tmp_path / f"out{suffix}"))
        assert result.returncode == 0
        assert (tmp_path / f"out{suffix}").read_text(encoding="utf-8").startswith("journey\n  title Mon café")


def test_command_line_names_the_bad_line_and_prints_warnings(tmp_path):
    bad = tmp_path / "bad.mmd"
    bad.write_text("journey\n  section Day\n    Make tea\n", encoding="utf-8")
    result = wayfinder("import", str(bad), "-o", str(tmp_path / "out.journey"))
    assert result.returncode == 1
    assert result.stderr == (f'{bad}: line 3: "Make tea" is not a task: '
                             'a task is written "Task name: score: Actor, Actor"\n')
    assert not (tmp_path / "out.journey").exists()
    odd = tmp_path / "odd.mmd"
    odd.write_text("journey\n  section Day\n    Nap: 9: Me\n", encoding="utf-8")
    result = wayfinder("import", str(odd), "-o", str(tmp_path / "odd.journey"))
    assert result.returncode == 0
    assert result.stderr == (f"{odd}: warning: line 3: score 9 is not a whole number from 1 to 5; using 5\n"
                             f"{odd}: warning: {FLOW}\n")


# ----------------------------------------------------------------- personas as actors
def test_a_map_of_several_personas_writes_them_as_each_tasks_actors_and_reads_them_back():
    original = two_persona_map()
    original.add_persona("Ana, night shift", id="ana")  # a comma in a name; she meets no touchpoint of her own
    original.update_touchpoint("pay", personas=())  # nobody pays yet
    text = to_mermaid(original)
    assert "  %% personas: Maya, Sam, Ana#44; night shift\n  section Aware\n" in text
    assert "    Ad: 4: Maya, Sam, Ana#44; night shift\n" in text
    assert "    Browse: 5: Maya\n" in text and "    Visit: 1: Sam\n" in text and "    Pay: 3\n" in text
    journey, warnings = from_mermaid(text)
    assert warnings == [FLOW]
    assert [p.name for p in journey.personas] == ["Maya", "Sam", "Ana, night shift"]
    by_id = {p.id: p.name for p in journey.personas}
    who = {tp.title: None if tp.personas is None else [by_id[p] for p in tp.personas] for tp in journey.touchpoints()}
    assert who == {"Ad": None, "Browse": ["Maya"], "Visit": ["Sam"], "Pay": []}
    assert to_mermaid(journey) == text


def test_a_map_of_one_persona_keeps_lanes_and_owners_as_actors():
    journey = make_map(cards={("Aware", "Web"): ["Ad"]})
    journey.set_persona(name="Maya")
    journey.update_touchpoint("ad", owner="Marketing", emotion=0)
    assert "    Ad: 3: Web, Marketing\n" in to_mermaid(journey) and "personas" not in to_mermaid(journey)


def test_an_actor_missing_from_the_personas_comment_becomes_a_persona_with_a_warning():
    journey, warnings = read("""
        journey
          %% personas: Maya
          section Buy
            Pay: 4: Maya, Sam
          %% personas: Late
        """)
    assert [p.name for p in journey.personas] == ["Maya", "Sam"]
    assert journey.touchpoints()[0].personas is None and journey.lane(journey.touchpoints()[0].lane).name == "Customer"
    assert warnings[:2] == ['line 4: "Sam" is not in the personas comment; added as a persona',
                            "line 5: a personas comment after the first task is ignored"]
