"""The lock beside a map: made exclusively, never through a symlink, held while anyone has the map open."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app import file_lock
from model.journey_file import save
from tests.factories import make_map

ROOT = Path(__file__).parents[2]
HOLDER = """
import sys
sys.path.insert(0, {root!r})
from pathlib import Path
from app import file_lock
file_lock.acquire(Path({path!r}))
print("HELD", flush=True)
sys.stdin.read()
"""


def other_instance(path: Path) -> subprocess.Popen:
    """Another Wayfinder process that opened `path` and keeps it open until its stdin closes."""
    process = subprocess.Popen([sys.executable, "-c", HOLDER.format(root=str(ROOT), path=str(path))],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "HELD"
    return process


def test_a_second_instance_that_opens_anyway_and_quits_leaves_the_first_ones_lock(tmp_path):
    path = tmp_path / "map.journey"
    save(make_map(), path)
    first = other_instance(path)
    try:
        assert file_lock.foreign_lock(path).pid == first.pid  # we are asked, choose Open Anyway
        assert file_lock.acquire(path)
        assert [owner.pid for owner in file_lock.holders(path)] == [first.pid, file_lock.LockOwner.me().pid]
        file_lock.release(path)  # we quit
        assert file_lock.foreign_lock(path).pid == first.pid  # a third instance is still warned
    finally:
        first.stdin.close()
        first.wait()
    assert file_lock.foreign_lock(path) is None  # the first one died: its claim is stale


def test_the_first_instance_quitting_leaves_the_second_ones_claim(tmp_path):
    path = tmp_path / "map.journey"
    save(make_map(), path)
    first = other_instance(path)
    assert file_lock.acquire(path)
    first.stdin.close()
    first.wait()
    assert [owner.is_me() for owner in file_lock.holders(path)] in ([False, True], [True])
    file_lock.release(path)
    assert not file_lock.lock_path(path).exists()


def test_a_planted_lock_symlink_is_replaced_and_its_target_left_alone(tmp_path):
    path = tmp_path / "map.journey"
    save(make_map(), path)
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me")
    file_lock.lock_path(path).symlink_to(precious)
    assert file_lock.foreign_lock(path) is None
    assert file_lock.acquire(path)
    assert precious.read_text() == "keep me"
    assert not file_lock.lock_path(path).is_symlink() and file_lock.read_lock(path).is_me()
    file_lock.release(path)
    assert precious.read_text() == "keep me" and not file_lock.lock_path(path).exists()


def test_a_dangling_lock_symlink_is_not_followed_to_create_its_target(tmp_path):
    path = tmp_path / "map.journey"
    save(make_map(), path)
    target = tmp_path / "created-by-the-link"
    file_lock.lock_path(path).symlink_to(target)
    assert file_lock.acquire(path)
    assert not target.exists()
