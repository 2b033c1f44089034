"""File → Compare With… marks changed cards; a merged map's conflicts are listed, marked and resolved
card by card, each resolution one undo step, and the saved file follows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from model import theme
from model.journey_file import load, map_from_bytes, save, to_bytes
from model.merge import merge
from tests.app.driver import card_center, click, open_map, settle, shortcut
from tests.factories import make_map


def base_map():
    journey = make_map(cards={("Aware", "Web"): ["Ad", "Blog"], ("Buy", "Web"): ["Pay"]})
    journey.add_connection("ad", "pay")
    return journey


def copy(journey):
    return map_from_bytes(to_bytes(journey))


def badges(window) -> dict[str, str]:
    return {tp_id: card.badge for tp_id, card in window.scene.cards.items() if card.badge}


def test_compare_with_marks_added_and_changed_cards_and_lists_removed_ones(window, dialogs, tmp_path, monkeypatch):
    old = base_map()
    save(old, tmp_path / "old.journey")
    new = copy(old)
    new.update_touchpoint("ad", title="Advert")
    new.add_touchpoint("buy", "web", "Receipt", id="receipt")
    new.remove_touchpoint("blog")
    open_map(window, new, tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (str(tmp_path / "old.journey"), "")))
    file_menu = next(action.menu() for action in window.menuBar().actions() if action.text() == "&File")
    compare = next(action for action in file_menu.actions() if action.text() == "Compare &With…")
    compare.trigger()
    window.insights.refresh()
    settle(window)
    assert badges(window) == {"ad": theme.REVIEW_MARKS["changed"][1], "receipt": theme.REVIEW_MARKS["added"][1]}
    assert window.review.dock.isVisible()
    panel = window.review.panel
    assert panel.tree.topLevelItemCount() == 1 and not panel.keep_ours.isVisible()  # no conflicts to show
    assert "old.journey</b>: 1 card added, 1 card changed, 1 card removed." in panel.headline.text()
    rows = [panel.tree.topLevelItem(0).child(i).text(0) for i in range(panel.tree.topLevelItem(0).childCount())]
    assert rows == ['Touchpoint "Blog" removed from Aware / Web', 'Touchpoint "Ad" retitled to "Advert"',
                    'Touchpoint "Receipt" added in Buy / Web']
    # Editing while comparing updates the marks: the card is now as it was in the old file.
    window.document.journey.update_touchpoint("ad", title="Ad")
    window.review.refresh()
    window.insights.refresh()
    assert badges(window) == {"receipt": "New"}
    window.review.panel.stop.click()
    window.insights.refresh()
    review_badges = {badge for _, badge in theme.REVIEW_MARKS.values()}
    assert not set(badges(window).values()) & review_badges and not window.review.dock.isVisible()


def test_comparing_with_a_bad_file_says_why_and_changes_nothing(window, dialogs, tmp_path):
    open_map(window, base_map(), tmp_path)
    bad = tmp_path / "bad.journey"
    bad.write_text("{")
    assert not window.review.compare_with(bad)
    [(kind, title, text)] = dialogs.shown
    assert (kind, title) == ("warning", "Cannot Compare") and text.startswith(f"{bad}: is not valid JSON")
    assert not window.document.modified and badges(window) == {}


def merged_with_conflicts():
    base = base_map()
    ours, theirs = copy(base), copy(base)
    ours.update_touchpoint("ad", title="Advert")
    theirs.update_touchpoint("ad", title="Banner")
    ours.remove_touchpoint("blog")
    theirs.update_touchpoint("blog", emotion=-2)
    theirs.update_touchpoint("pay", emotion=2)
    return merge(base, ours, theirs).journey


def test_a_merged_map_shows_its_conflicts_and_resolves_them_card_by_card_with_undo(window, dialogs, tmp_path):
    path = open_map(window, merged_with_conflicts(), tmp_path)
    window.insights.refresh()
    assert window.review.dock.isVisible()
    assert badges(window) == {"ad": "Conflict", "blog": "Conflict"}
    panel = window.review.panel
    assert [panel.tree.topLevelItem(0).child(i).text(0) for i in range(2)] == [
        'Touchpoint "Advert", title', 'Touchpoint "Blog"']
    assert panel.detail.text() == 'Ours: has "Advert"\nTheirs: has "Banner"\nBase: has "Ad"'
    # The first conflict is selected: take theirs.
    assert panel.current_conflict() == "conflict-1"
    panel.take_theirs.click()
    journey = window.document.journey
    assert journey.touchpoint("ad").title == "Banner" and [c.id for c in journey.conflicts] == ["conflict-2"]
    # Ours deleted the blog card: keeping ours removes it.
    assert panel.current_conflict() == "conflict-2"
    panel.keep_ours.click()
    assert not journey.has_touchpoint("blog") and journey.conflicts == ()
    window.insights.refresh()
    assert badges(window) == {}
    shortcut(window, "undo")
    assert journey.touchpoint("blog").emotion == -2 and len(journey.conflicts) == 1
    shortcut(window, "undo")
    assert journey.touchpoint("ad").title == "Advert" and len(journey.conflicts) == 2
    shortcut(window, "redo")
    shortcut(window, "redo")
    shortcut(window, "save")
    saved = load(path)
    assert saved.conflicts == () and saved.touchpoint("ad").title == "Banner" and not saved.has_touchpoint("blog")


def test_clicking_a_conflict_selects_its_card(window, dialogs, tmp_path):
    open_map(window, merged_with_conflicts(), tmp_path)
    panel = window.review.panel
    item = panel.tree.topLevelItem(0).child(0)
    rect = panel.tree.visualItemRect(item)
    from PySide6.QtTest import QTest

    QTest.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    settle(window)
    assert window.scene.selected_touchpoints() == ["ad"]
    click(window, card_center(window, "pay"))
    assert window.scene.selected_touchpoints() == ["pay"]


def test_clicking_a_card_in_conflict_picks_its_conflict_to_resolve(window, dialogs, tmp_path):
    open_map(window, merged_with_conflicts(), tmp_path)
    panel = window.review.panel
    click(window, card_center(window, "blog"))
    assert panel.current_conflict() == "conflict-2"
    panel.take_theirs.click()  # theirs kept the card and edited it: it stays, the conflict goes
    journey = window.document.journey
    assert journey.touchpoint("blog").emotion == -2 and [c.id for c in journey.conflicts] == ["conflict-1"]
    click(window, card_center(window, "ad"))
    assert panel.current_conflict() == "conflict-1"


def test_a_value_that_can_no_longer_be_used_says_why_and_keeps_the_conflict(window, dialogs, tmp_path):
    from model.conflict import Conflict

    journey = base_map()
    journey.set_conflicts([Conflict(id="conflict-1", path=("touchpoints", "ad", "stage"),
                                    base="aware", ours="aware", theirs="gone")])
    open_map(window, journey, tmp_path)
    panel = window.review.panel
    panel.take_theirs.click()
    [(kind, title, text)] = dialogs.shown
    assert (kind, title) == ("warning", "Cannot Resolve")
    assert text.startswith('Touchpoint "Ad", stage: their value cannot be used: ')
    assert "there is no stage with id 'gone'" in text
    assert len(window.document.journey.conflicts) == 1 and window.document.journey.touchpoint("ad").stage == "aware"
    assert not window.document.modified
