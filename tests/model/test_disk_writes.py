"""Saving honours the disk: symlinks, planted links, the .bak, permissions, owners and leftovers."""

from __future__ import annotations

import os
import stat
import time

import pytest

from model import journey_file
from model.errors import JourneyFileError, ReadOnlyFile
from model.journey_file import load, save, to_bytes
from tests.factories import make_map


def old_and_new():
    old, new = make_map(title="Old"), make_map(title="New")
    return old, new


def test_saving_through_a_symlink_writes_its_target_and_keeps_the_link(tmp_path):
    old, new = old_and_new()
    real = tmp_path / "real" / "map.journey"
    real.parent.mkdir()
    save(old, real)
    link = tmp_path / "link.journey"
    link.symlink_to(real)
    save(new, link, keep_backup=True)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert load(real).info.title == "New"
    assert load(journey_file.backup_path(link)).info.title == "Old"
    assert journey_file.backup_path(link) == real.with_name("map.journey.bak")


def test_a_planted_bak_symlink_is_replaced_and_its_target_left_alone(tmp_path):
    old, new = old_and_new()
    path = tmp_path / "map.journey"
    save(old, path)
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me")
    path.with_name("map.journey.bak").symlink_to(precious)
    save(new, path, keep_backup=True)
    assert precious.read_text() == "keep me"
    bak = path.with_name("map.journey.bak")
    assert not bak.is_symlink() and load(bak).info.title == "Old"


def test_a_bak_cut_short_leaves_the_previous_bak_whole(tmp_path, monkeypatch):
    old, new = old_and_new()
    path = tmp_path / "map.journey"
    save(old, path)
    save(old, path, keep_backup=True)
    bak_before = path.with_name("map.journey.bak").read_bytes()

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(journey_file.os, "fsync", disk_full)
    with pytest.raises(JourneyFileError, match="cannot keep the previous version as .bak: No space left"):
        save(new, path, keep_backup=True)
    assert path.with_name("map.journey.bak").read_bytes() == bak_before
    assert load(path).info.title == "Old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.journey", "map.journey.bak"]


def test_a_file_without_write_permission_is_refused_even_for_root(tmp_path):
    old, new = old_and_new()
    path = tmp_path / "map.journey"
    save(old, path)
    path.chmod(0o444)
    with pytest.raises(ReadOnlyFile, match="map.journey: is read-only.*another name"):
        save(new, path, keep_backup=True)
    assert load(path).info.title == "Old" and not path.with_name("map.journey.bak").exists()


def test_mode_group_and_owner_are_kept(tmp_path):
    old, new = old_and_new()
    path = tmp_path / "map.journey"
    save(old, path)
    path.chmod(0o640)
    try:
        os.chown(path, -1, 4242)  # a group we are not in: only root may; others keep their own group
    except PermissionError:
        pass
    before = path.stat()
    save(new, path, keep_backup=True)
    after, bak = path.stat(), path.with_name("map.journey.bak").stat()
    for info in (after, bak):
        assert (stat.S_IMODE(info.st_mode), info.st_gid, info.st_uid) == (0o640, before.st_gid, before.st_uid)
    assert load(path).info.title == "New"


def test_leftovers_of_saves_cut_short_are_removed_on_the_next_save(tmp_path):
    path = tmp_path / "map.journey"
    save(make_map(), path)
    stale, fresh, other = (tmp_path / ".map.journey.k2j3h4.tmp", tmp_path / ".map.journey.zz91ab.tmp",
                           tmp_path / ".other.journey.k2j3h4.tmp")
    for leftover in (stale, fresh, other):
        leftover.write_bytes(b"half a map")
    an_hour_ago = time.time() - 3600
    for leftover in (stale, other):
        os.utime(leftover, (an_hour_ago, an_hour_ago))
    save(make_map(), path)
    assert not stale.exists()
    assert fresh.exists()  # perhaps another Wayfinder's save under way
    assert other.exists()  # not this map's


def test_a_named_pipe_in_place_of_the_map_is_not_written_to(tmp_path):
    path = tmp_path / "map.journey"
    os.mkfifo(path)
    with pytest.raises(JourneyFileError, match="is a named pipe"):
        save(make_map(), path, keep_backup=True)
    assert stat.S_ISFIFO(path.stat().st_mode)


def test_saving_gives_the_same_bytes_as_before(tmp_path):
    from tests.factories import large_map

    journey = large_map(touchpoints=200, connections=300)
    path = tmp_path / "map.journey"
    save(journey, path)
    assert path.read_bytes() == to_bytes(load(path))
