"""diff: what changed between two maps, by entity and field."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.diff import describe, diff
from model.entity_tree import MISSING, map_tree
from model.journey_file import map_from_bytes, to_bytes
from tests.factories import journey_maps, make_map
from tests.model.map_edits import edits


def copy(journey):
    return map_from_bytes(to_bytes(journey))


def at(tree, path):
    for key in path:
        tree = tree.get(key, MISSING) if isinstance(tree, dict) else MISSING
    return tree


@settings(max_examples=40, deadline=None)
@given(journey_maps())
def test_a_map_has_no_diff_with_itself_or_its_saved_copy(journey):
    assert diff(journey, journey) == []
    assert diff(journey, copy(journey)) == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_diff_lists_exactly_the_applied_edits(data):
    journey = data.draw(journey_maps())
    cards = [tp.id for tp in journey.touchpoints()]
    # No removals, and no moves: which card of a reordered cell "moved" has more than one right answer.
    applied = [edit for edit in data.draw(edits(journey, cards, 6, "a"))
               if (("touchpoints", edit.card) not in edit.paths or edit.card not in cards)
               and ("touchpoints", edit.card, "stage") not in edit.paths]
    edited = copy(journey)
    for edit in applied:
        edit.apply(edited)
    before, after = map_tree(journey), map_tree(edited)
    expected = {path for edit in applied for path in edit.paths if at(before, path) != at(after, path)
                and (len(path) == 2 or at(before, path[:2]) is not MISSING)}  # an added card is one change
    assert {change.path for change in diff(journey, edited)} == expected


def test_removing_a_card_lists_it_and_its_connections_in_words():
    old = make_map(cards={("Aware", "Web"): ["Ad", "Blog"], ("Buy", "Web"): ["Pay"]})
    old.add_connection("ad", "pay")
    new = copy(old)
    new.remove_touchpoint("pay")
    changes = diff(old, new)
    assert {(c.kind, c.path) for c in changes} == {("removed", ("touchpoints", "pay")),
                                                   ("removed", ("connections", "ad->pay"))}
    assert describe(changes, old, new) == ['Touchpoint "Pay" removed from Buy / Web',
                                           'Connection "Ad" → "Pay" removed']


def test_describe_says_each_change_in_journey_terms():
    old = make_map(stages=("Aware", "Buy", "Use"), lanes=("Web", "Store"),
                   cards={("Aware", "Web"): ["Ad", "Blog"], ("Buy", "Web"): ["Pay"]})
    new = copy(old)
    new.update_stage("aware", name="Awareness")
    new.move_lane("store", 0)
    new.update_touchpoint("ad", title="Advert", emotion=2, scores={"meaning": 4})
    new.move_touchpoint("blog", "buy", "store")
    new.add_pain_point("pay", "Card declined", severity=3, id="declined")
    new.add_touchpoint("use", "web", "Unbox", id="unbox")
    new.add_connection("pay", "unbox")
    assert describe(diff(old, new), old, new) == [
        'Stage "Aware" renamed to "Awareness"',
        'Lane "Store" moved from position 2 to 1',
        'Touchpoint "Ad" retitled to "Advert"',
        'Touchpoint "Advert": emotion unset → 2',
        'Touchpoint "Advert": scores.meaning unset → 4',
        'Touchpoint "Blog" moved from Aware / Web to Buy / Store',
        'Pain point "Card declined" of touchpoint "Pay" added',
        'Touchpoint "Unbox" added in Use / Web',
        'Connection "Pay" → "Unbox" added',
    ]


def test_cards_reordered_within_a_cell_are_moved_but_a_moved_stage_moves_no_card():
    old = make_map(cards={("Aware", "Web"): ["Ad", "Blog", "Mail"], ("Buy", "Web"): ["Pay"]})
    new = copy(old)
    new.move_touchpoint("mail", "aware", "web", 0)
    new.move_stage("buy", 0)
    assert [(c.kind, c.path) for c in diff(old, new)] == [("moved", ("stages", "buy")),
                                                          ("moved", ("touchpoints", "mail"))]


def test_map_persona_lane_note_and_connection_fields_are_said_in_words():
    old = make_map(cards={("Aware", "Web"): ["Ad"], ("Buy", "Web"): ["Pay"]})
    old.add_pain_point("pay", "Slow", id="slow")
    old.add_connection("ad", "pay")
    old.add_persona("Maya", id="maya")
    new = copy(old)
    new.set_info(title="Sofa journey")
    new.set_persona(goals=("A sofa",))
    new.update_lane("web", kind="actor")
    new.update_pain_point("pay", "slow", severity=3)
    new.update_connection("ad", "pay", kind="fallback")
    assert describe(diff(old, new), old, new) == [
        'Map: title "Test journey" → "Sofa journey"',
        'Persona "Maya": goals [] → ["A sofa"]',
        'Lane "Web": kind "channel" → "actor"',
        'Pain point "Slow" of touchpoint "Pay": severity 2 → 3',
        'Connection "Ad" → "Pay": kind "main" → "fallback"',
    ]
