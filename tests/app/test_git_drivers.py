"""The README's git set-up, run as written in a real repository: diff and merge through Wayfinder."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest

from model.journey_file import load, save
from tests.command_line import ROOT
from tests.factories import make_map

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def readme_setup() -> str:
    """The shell lines under the README's git-setup mark, with WAYFINDER pointing at this checkout."""
    block = re.search(r"<!-- git-setup -->\n```sh\n(.*?)```", (ROOT / "README.md").read_text(), re.DOTALL)[1]
    assert block.startswith('WAYFINDER="python3 /path/to/wayfinder/main.py"\n')
    return block.replace("python3 /path/to/wayfinder/main.py", f"{sys.executable} {ROOT / 'main.py'}", 1)


def git(repo, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, timeout=120)


@pytest.fixture
def repo(tmp_path):
    for args in (("init", "-q", "-b", "main"), ("config", "user.email", "t@example.com"),
                 ("config", "user.name", "Tester")):
        git(tmp_path, *args)
    subprocess.run(["bash", "-e", "-c", readme_setup()], cwd=tmp_path, check=True, timeout=60)
    save(make_map(cards={("Aware", "Web"): ["Ad", "Blog"], ("Buy", "Web"): ["Pay"]}), tmp_path / "map.journey")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "base")
    return tmp_path


def edit(repo, branch: str, message: str, change) -> None:
    git(repo, "checkout", "-q", branch)
    journey = load(repo / "map.journey")
    change(journey)
    save(journey, repo / "map.journey")
    assert git(repo, "commit", "-qam", message).returncode == 0


def test_git_merges_two_branches_that_edited_different_cards(repo):
    git(repo, "branch", "theirs")
    edit(repo, "main", "ours", lambda j: j.update_touchpoint("ad", title="Advert"))
    edit(repo, "theirs", "theirs", lambda j: j.update_touchpoint("pay", emotion=-2))
    git(repo, "checkout", "-q", "main")
    result = git(repo, "merge", "theirs", "-m", "merge")
    assert result.returncode == 0, result.stdout + result.stderr
    merged = load(repo / "map.journey")
    assert (merged.touchpoint("ad").title, merged.touchpoint("pay").emotion, merged.conflicts) == ("Advert", -2, ())
    shown = git(repo, "diff", "HEAD~1", "HEAD").stdout
    assert 'Touchpoint "Pay": emotion unset → -2' in shown and "journey diff map.journey" in shown


def test_the_same_field_edited_differently_stops_the_merge_with_the_conflict_kept_in_the_file(repo):
    git(repo, "branch", "theirs")
    edit(repo, "main", "ours", lambda j: j.update_touchpoint("ad", title="Advert"))
    edit(repo, "theirs", "theirs", lambda j: j.update_touchpoint("ad", title="Banner"))
    git(repo, "checkout", "-q", "main")
    result = git(repo, "merge", "theirs", "-m", "merge")
    assert result.returncode != 0 and "CONFLICT" in result.stdout
    text = (repo / "map.journey").read_text()
    assert "<<<<<<<" not in text
    merged = load(repo / "map.journey")
    [conflict] = merged.conflicts
    assert (conflict.path, conflict.ours, conflict.theirs) == (("touchpoints", "ad", "title"), "Advert", "Banner")
    assert json.loads(text)["touchpoints"][0]["title"] == "Advert"


def test_the_readme_ci_check_fails_on_a_dead_end_and_passes_without(tmp_path):
    block = re.search(r"<!-- ci-check -->\n```sh\n(.*?)```", (ROOT / "README.md").read_text(), re.DOTALL)[1]
    command = block.replace("python3 /path/to/wayfinder/main.py", f"{sys.executable} {ROOT / 'main.py'}")
    shutil.copy(ROOT / "resources" / "samples" / "retail-purchase.journey", tmp_path / "map.journey")
    run = lambda: subprocess.run(["bash", "-c", command], cwd=tmp_path, capture_output=True, text=True, timeout=60)  # noqa: E731
    failed = run()
    assert failed.returncode == 1 and "Hold queue 20 min" in failed.stdout
    journey = make_map(cards={("Aware", "Web"): ["Ad"], ("Buy", "Web"): ["Pay"]})
    journey.add_connection("ad", "pay")
    save(journey, tmp_path / "map.journey")
    assert run().returncode == 0
