"""`main.py diff` and `main.py merge` as a user and a tool run them."""

import json

from model.journey_file import load, save
from tests.command_line import wayfinder
from tests.factories import make_map


def versions(tmp_path, **edits):
    paths = {}
    for name, change in {"base": None, **edits}.items():
        journey = make_map(cards={("Aware", "Web"): ["Ad", "Blog"]})
        if change:
            change(journey)
        paths[name] = tmp_path / f"{name}.journey"
        save(journey, paths[name])
    return paths


def test_diff_prints_sentences_and_json_and_exit_code_says_whether_they_differ(tmp_path):
    paths = versions(tmp_path, new=lambda j: j.update_touchpoint("ad", title="Advert"))
    result = wayfinder("diff", str(paths["base"]), str(paths["new"]))
    assert (result.returncode, result.stdout) == (0, 'Touchpoint "Ad" retitled to "Advert"\n')
    result = wayfinder("diff", "--json", str(paths["base"]), str(paths["new"]))
    assert json.loads(result.stdout) == [{"kind": "changed", "path": ["touchpoints", "ad", "title"],
                                          "old": "Ad", "new": "Advert"}]
    assert wayfinder("diff", "--exit-code", str(paths["base"]), str(paths["new"])).returncode == 1
    assert wayfinder("diff", "--exit-code", str(paths["base"]), str(paths["base"])).returncode == 0


def test_diff_of_a_bad_file_names_it_and_exits_2(tmp_path):
    bad = tmp_path / "bad.journey"
    bad.write_text("{}")
    paths = versions(tmp_path)
    result = wayfinder("diff", str(paths["base"]), str(bad))
    assert result.returncode == 2 and result.stderr.startswith(f"{bad}: is not a Wayfinder map")


def test_merge_exits_0_when_clean_and_1_with_conflicts_listed_and_kept(tmp_path):
    paths = versions(tmp_path, ours=lambda j: j.update_touchpoint("ad", title="Advert"),
                     theirs=lambda j: j.update_touchpoint("ad", title="Banner", emotion=1))
    out = tmp_path / "out.journey"
    result = wayfinder("merge", str(paths["base"]), str(paths["ours"]), str(paths["theirs"]), "-o", str(out))
    assert result.returncode == 1
    assert result.stderr == f'{out}: conflict: Touchpoint "Advert", title: ours has "Advert", theirs has "Banner"\n'
    merged = load(out)
    assert merged.touchpoint("ad").emotion == 1 and len(merged.conflicts) == 1
    result = wayfinder("merge", str(paths["base"]), str(paths["base"]), str(paths["theirs"]), "-o", str(out))
    assert (result.returncode, load(out).touchpoint("ad").title, load(out).conflicts) == (0, "Banner", ())


def test_merge_leaves_ours_untouched_when_a_file_is_unreadable(tmp_path):
    paths = versions(tmp_path)
    before = paths["base"].read_bytes()
    result = wayfinder("merge", str(tmp_path / "gone.journey"), str(paths["base"]), str(paths["base"]),
                       "-o", str(paths["base"]))
    assert result.returncode == 2 and "gone.journey: cannot be read" in result.stderr
    assert paths["base"].read_bytes() == before


def test_as_git_diff_driver_a_broken_side_shows_the_text_diff_and_lets_git_go_on(tmp_path):
    paths = versions(tmp_path)
    broken = tmp_path / "broken.journey"
    broken.write_text(paths["base"].read_text().replace('"format"', '<<<<<<< HEAD\n"format"', 1))
    result = wayfinder("diff", "map.journey", str(paths["base"]), "abc", "100644", str(broken), "def", "100644")
    assert result.returncode == 0
    assert result.stdout.startswith("journey diff map.journey: not a valid map on one side")
    assert "+  <<<<<<< HEAD\n" in result.stdout and result.stderr.startswith(f"{broken}: ")


def test_as_git_diff_driver_a_new_file_lists_everything_as_added(tmp_path):
    paths = versions(tmp_path)
    result = wayfinder("diff", "map.journey", "/dev/null", ".", ".", str(paths["base"]), "abc", "100644")
    assert result.returncode == 0 and result.stdout.startswith("journey diff map.journey\n")
    assert '  Touchpoint "Ad" added in Aware / Web\n' in result.stdout


def test_merge_of_a_file_both_branches_added_uses_the_empty_ancestor_git_gives(tmp_path):
    paths = versions(tmp_path, ours=lambda j: j.update_touchpoint("ad", title="Advert"),
                     theirs=lambda j: j.update_touchpoint("blog", emotion=2))
    empty = tmp_path / "ancestor"
    empty.write_bytes(b"")
    out = tmp_path / "out.journey"
    result = wayfinder("merge", str(empty), str(paths["ours"]), str(paths["theirs"]), "-o", str(out))
    # Without a common ancestor every field the two sides set differently is a conflict; the map is valid.
    assert result.returncode == 1
    merged = load(out)
    assert {c.path for c in merged.conflicts} == {("touchpoints", "ad", "title"), ("touchpoints", "blog", "emotion")}
    assert merged.touchpoint("ad").title == "Advert"
