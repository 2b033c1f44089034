"""merge: three-way merge by entity and field, with conflicts kept in a valid map."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.conflict import put
from model.errors import InvalidChange
from model.entity_tree import MISSING
from model.journey_file import map_from_bytes, to_bytes
from model.merge import merge
from tests.factories import journey_maps, make_map
from tests.model.map_edits import edits


def copy(journey):
    return map_from_bytes(to_bytes(journey))


def three(journey):
    return journey, copy(journey), copy(journey)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_merging_edits_to_different_cards_equals_applying_both(data):
    base = data.draw(journey_maps(max_touchpoints=10))
    cards = [tp.id for tp in base.touchpoints()]
    half = data.draw(st.integers(0, len(cards)))
    mine = data.draw(edits(base, cards[:half], 5, "ours"))
    yours = data.draw(edits(base, cards[half:], 5, "theirs"))
    _, ours, theirs = three(base)
    both = copy(base)
    for edit in mine:
        edit.apply(ours)
        edit.apply(both)
    for edit in yours:
        edit.apply(theirs)
        edit.apply(both)
    merged = merge(base, ours, theirs)
    assert merged.conflicts == ()
    assert to_bytes(merged.journey) == to_bytes(both)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_overlapping_edits_give_conflicts_and_a_valid_map_holding_ours(data):
    base = data.draw(journey_maps(max_touchpoints=8))
    cards = [tp.id for tp in base.touchpoints()]
    mine = data.draw(edits(base, cards, 5, "ours", axes=True))
    yours = data.draw(edits(base, cards, 5, "theirs", axes=True))
    _, ours, theirs = three(base)
    for side, sequence in ((ours, mine), (theirs, yours)):
        for edit in sequence:
            try:
                edit.apply(side)
            except InvalidChange:
                pass  # a card a dropped stage or lane took with it: the edit is not possible on this copy
    merged = merge(base, ours, theirs).journey
    saved = to_bytes(merged)
    assert to_bytes(map_from_bytes(saved)) == saved
    for conflict in merged.conflicts:
        assert conflict.value("ours") != conflict.value("theirs")


def test_the_same_field_edited_differently_is_a_conflict_resolved_either_way():
    base, ours, theirs = three(make_map(cards={("Aware", "Web"): ["Ad", "Blog"]}))
    ours.update_touchpoint("ad", title="Advert", emotion=1)
    theirs.update_touchpoint("ad", title="Banner", description="Seen on the bus")
    merged = merge(base, ours, theirs).journey
    ad = merged.touchpoint("ad")
    assert (ad.title, ad.emotion, ad.description) == ("Advert", 1, "Seen on the bus")
    [conflict] = merged.conflicts
    assert (conflict.path, conflict.base, conflict.ours, conflict.theirs) == (
        ("touchpoints", "ad", "title"), "Ad", "Advert", "Banner")
    undo = put(merged, conflict.path, conflict.value("theirs"))
    assert merged.touchpoint("ad").title == "Banner"
    undo()
    assert merged.touchpoint("ad").title == "Advert"


def test_a_card_deleted_on_one_side_and_edited_on_the_other_is_kept_with_a_conflict():
    base, ours, theirs = three(make_map(cards={("Aware", "Web"): ["Ad", "Blog"]}))
    ours.remove_touchpoint("blog")
    theirs.update_touchpoint("blog", emotion=-2)
    merged = merge(base, ours, theirs).journey
    assert merged.touchpoint("blog").emotion == -2
    [conflict] = merged.conflicts
    assert conflict.path == ("touchpoints", "blog") and conflict.absent == ("ours",)
    undo = put(merged, conflict.path, conflict.value("ours"))
    assert not merged.has_touchpoint("blog")
    undo()
    assert merged.touchpoint("blog").emotion == -2


def test_a_stage_deleted_while_the_other_side_added_a_card_to_it_comes_back_with_a_conflict():
    base, ours, theirs = three(make_map(cards={("Aware", "Web"): ["Ad"], ("Buy", "Web"): ["Pay"]}))
    ours.remove_stage("buy")
    theirs.add_touchpoint("buy", "web", "Receipt", id="receipt")
    theirs.add_connection("pay", "receipt")
    merged = merge(base, ours, theirs).journey
    assert [s.id for s in merged.stages] == ["aware", "buy"] and merged.has_touchpoint("receipt")
    assert [c.path for c in merged.conflicts] == [("stages", "buy"), ("connections", "pay->receipt")]
    assert to_bytes(map_from_bytes(to_bytes(merged))) == to_bytes(merged)


def test_different_scores_of_one_card_and_new_cards_in_one_cell_merge_cleanly():
    base, ours, theirs = three(make_map(cards={("Aware", "Web"): ["Ad"]}))
    ours.update_touchpoint("ad", scores={"meaning": 2})
    theirs.update_touchpoint("ad", scores={"value": 5})
    ours.add_touchpoint("aware", "web", "Mine", id="mine")
    theirs.add_touchpoint("aware", "web", "Yours", id="yours")
    merged = merge(base, ours, theirs).journey
    assert merged.conflicts == ()
    assert merged.touchpoint("ad").scores.values() == (2, 5, None)
    assert merged.cell("aware", "web") == ("ad", "mine", "yours")


def test_conflicts_from_an_earlier_merge_are_carried_and_resolving_one_is_undoable():
    base, ours, theirs = three(make_map(cards={("Aware", "Web"): ["Ad"]}))
    ours.update_stage("aware", name="Seen")
    theirs.update_stage("aware", name="Noticed")
    first = merge(base, ours, theirs).journey
    again = merge(base, first, copy(base)).journey
    assert [c.path for c in again.conflicts] == [("stages", "aware", "name")]
    assert MISSING not in (again.conflicts[0].value("ours"), again.conflicts[0].value("theirs"))


def test_records_without_ids_such_as_dot_votes_merge_as_placed_and_a_map_wide_value_can_conflict():
    from model.entity_tree import plain, tree
    from model.merge import merge_trees

    def vote(voter, card):
        return {"voter": voter, "touchpoint": card, "round": 1}

    base = {"votes": tree([vote("ann", "ad")]), "voting_round": 1}
    ours = {"votes": tree([vote("ann", "ad"), vote("ann", "pay")]), "voting_round": 2}
    theirs = {"votes": tree([vote("bob", "ad"), vote("ann", "ad"), vote("ann", "ad")]), "voting_round": 3}
    merged, conflicts = merge_trees(base, ours, theirs)
    assert plain(merged["votes"]) == [vote("bob", "ad"), vote("ann", "ad"), vote("ann", "pay"), vote("ann", "ad")]
    assert [(c.path, c.base, c.ours, c.theirs) for c in conflicts] == [(("voting_round",), 1, 2, 3)]
    assert merged["voting_round"] == 2
    taken_back, _ = merge_trees(base, {"votes": [], "voting_round": 1}, base)
    assert plain(taken_back["votes"]) == []
