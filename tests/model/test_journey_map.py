"""The mutation API: every change validated, announced, and reversible."""

import pytest

from model import events as ev
from model.errors import InvalidChange
from model.journey_map import JourneyMap


@pytest.fixture
def journey():
    m = JourneyMap()
    m.add_stage("Awareness", id="aware")
    m.add_stage("Purchase", id="buy")
    m.add_lane("Web", id="web")
    m.add_lane("Store", id="store")
    m.add_touchpoint("aware", "web", "Ad seen", id="ad")
    m.add_touchpoint("buy", "web", "Checkout", id="checkout")
    m.add_touchpoint("buy", "store", "Till", id="till")
    m.add_connection("ad", "checkout")
    m.add_connection("ad", "till", kind="alternative")
    return m


@pytest.fixture
def heard(journey):
    events = []
    journey.subscribe(events.append)
    return events


@pytest.mark.parametrize("change, place", [
    (lambda m: m.add_touchpoint("nowhere", "web", "X"), "stage"),
    (lambda m: m.add_touchpoint("aware", "nowhere", "X"), "lane"),
    (lambda m: m.update_touchpoint("ad", scores={"meaning": 6}), "scores.meaning"),
    (lambda m: m.update_touchpoint("ad", scores={"value": 0}), "scores.value"),
    (lambda m: m.update_touchpoint("ad", emotion=3), "emotion"),
    (lambda m: m.update_touchpoint("ad", emotion=-3), "emotion"),
    (lambda m: m.update_touchpoint("ad", stage="buy"), "stage"),
    (lambda m: m.update_touchpoint("ad", colour="red"), "colour"),
    (lambda m: m.update_touchpoint("ad", wings=2), "wings"),
    (lambda m: m.add_connection("ad", "ad"), "target"),
    (lambda m: m.add_connection("ad", "checkout"), "target"),
    (lambda m: m.add_connection("ad", "ghost"), "target"),
    (lambda m: m.add_connection("ghost", "ad"), "source"),
    (lambda m: m.add_connection("ad", "till", kind="sideways"), "kind"),
    (lambda m: m.add_pain_point("ad", "Too loud", severity=4), "severity"),
    (lambda m: m.add_pain_point("ad", "Too loud", kind="boredom"), "kind"),
    (lambda m: m.add_stage("Again", id="aware"), "id"),
    (lambda m: m.add_lane("Bad id", id="has space"), "id"),
    (lambda m: m.move_stage("aware", 5), "index"),
    (lambda m: m.move_touchpoint("ad", "buy", "web", 7), "index"),
])
def test_invalid_changes_are_refused_with_a_place_and_change_nothing(journey, heard, change, place):
    from model.journey_file import to_bytes

    before = to_bytes(journey)
    with pytest.raises(InvalidChange) as refused:
        change(journey)
    assert refused.value.place == place
    assert refused.value.reason
    assert to_bytes(journey) == before
    assert heard == []


@pytest.mark.parametrize("lookup", [
    lambda m: m.touchpoint("ghost"),
    lambda m: m.stage("ghost"),
    lambda m: m.remove_lane("ghost"),
    lambda m: m.remove_connection("checkout", "ad"),
    lambda m: m.update_pain_point("ad", "ghost", text="x"),
])
def test_missing_ids_are_named(journey, lookup):
    with pytest.raises(InvalidChange, match="ghost|checkout"):
        lookup(journey)


def test_each_change_sends_one_event_naming_it(journey, heard):
    journey.update_touchpoint("ad", title="Banner ad", emotion=1)
    journey.move_touchpoint("till", "buy", "web", 0)
    journey.update_stage("buy", goal="Pay quickly")
    journey.remove_connection("ad", "till")
    assert heard == [
        ev.TouchpointChanged("ad", frozenset({"title", "emotion"})),
        ev.TouchpointMoved("till"),
        ev.StageChanged("buy"),
        ev.ConnectionRemoved("ad", "till"),
    ]


def test_cards_keep_their_order_within_a_cell(journey):
    journey.add_touchpoint("buy", "web", "Pay", id="pay")
    journey.add_touchpoint("buy", "web", "Confirm", id="confirm", index=0)
    assert journey.cell("buy", "web") == ("confirm", "checkout", "pay")
    was = journey.move_touchpoint("pay", "buy", "web", 0)
    assert journey.cell("buy", "web") == ("pay", "confirm", "checkout")
    journey.move_touchpoint("pay", *was)
    assert journey.cell("buy", "web") == ("confirm", "checkout", "pay")


def test_moving_a_card_changes_its_stage_and_lane(journey):
    journey.move_touchpoint("ad", "buy", "store")
    assert (journey.touchpoint("ad").stage, journey.touchpoint("ad").lane) == ("buy", "store")
    assert journey.cell("aware", "web") == ()
    assert journey.cell("buy", "store") == ("till", "ad")


@pytest.mark.parametrize("remove", [
    lambda m: m.remove_stage("buy"),
    lambda m: m.remove_lane("web"),
    lambda m: m.remove_touchpoint("ad"),
    lambda m: m.remove_touchpoints(["till", "ad"]),
])
def test_removal_is_undone_exactly_by_restore(journey, remove):
    from model.journey_file import to_bytes

    before = to_bytes(journey)
    removal = remove(journey)
    assert to_bytes(journey) != before
    journey.restore(removal)
    assert to_bytes(journey) == before


def test_removing_a_stage_removes_its_touchpoints_and_their_connections(journey):
    removal = journey.remove_stage("buy")
    assert [s.id for s in journey.stages] == ["aware"]
    assert len(journey) == 1 and journey.connections() == []
    assert {tp.id for _, tp in removal.touchpoints} == {"checkout", "till"}
    assert len(removal.connections) == 2


def test_pain_points_and_opportunities_are_edited_in_place(journey, heard):
    pain = journey.add_pain_point("checkout", "Card declined", severity=3, kind="dead_end")
    idea = journey.add_opportunity("checkout", "Offer PayPal")
    journey.update_pain_point("checkout", pain.id, severity=1)
    assert journey.touchpoint("checkout").pain_points[0].severity == 1
    assert journey.touchpoint("checkout").worst_severity == 1
    index, removed = journey.remove_opportunity("checkout", idea.id)
    assert (index, removed.text) == (0, "Offer PayPal")
    assert journey.touchpoint("checkout").opportunities == ()
    assert {e.touchpoint_id for e in heard} == {"checkout"}
    assert {e.fields for e in heard} == {frozenset({"pain_points"}), frozenset({"opportunities"})}


def test_info_and_persona(journey, heard):
    old = journey.set_info(title="Buying a sofa", client="Acme")
    journey.set_persona(name="Sam", goals=["A sofa that fits"])
    assert old.title == "Untitled journey"
    assert journey.info.client == "Acme" and journey.persona.goals == ("A sofa that fits",)
    assert heard == [ev.InfoChanged(), ev.PersonaChanged()]


def test_reordering_stages_and_lanes(journey, heard):
    journey.move_stage("buy", 0)
    journey.move_lane("web", 1)
    assert [s.id for s in journey.stages] == ["buy", "aware"]
    assert [lane.id for lane in journey.lanes] == ["store", "web"]
    assert journey.touchpoints_in_stage("buy") == ["till", "checkout"]
    assert heard == [ev.StagesReordered(), ev.LanesReordered()]


def test_unsubscribe(journey, heard):
    calls = []
    stop = journey.subscribe(calls.append)
    stop()
    journey.update_stage("aware", name="Discover")
    assert calls == [] and len(heard) == 1
