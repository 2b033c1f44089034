"""Wayfinder's Mermaid export is accepted by Mermaid's own parser (mermaid 11, run under Node).

The first run installs mermaid and jsdom with npm into .cache/mermaid (about 30 s); the test is
skipped where Node or npm is missing or the registry cannot be reached.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.samples import sample_paths
from model.interchange.mermaid import to_mermaid
from model.journey_file import load
from tests.command_line import ROOT
from tests.model.test_mermaid import journeys

TOOL = ROOT / "tests" / "tools" / "mermaid_parse.mjs"
MODULES = ROOT / ".cache" / "mermaid"


@pytest.fixture(scope="module")
def mermaid_parser():
    node, npm = shutil.which("node"), shutil.which("npm")
    if not (node and npm):
        pytest.skip("Node.js and npm are not installed")
    if not (MODULES / "node_modules" / "mermaid").exists():
        MODULES.mkdir(parents=True, exist_ok=True)
        install = subprocess.run([npm, "install", "--silent", "--prefix", str(MODULES), "mermaid@11", "jsdom@24"],
                                 capture_output=True, text=True, timeout=600)
        if install.returncode != 0:
            pytest.skip(f"npm could not install mermaid: {install.stderr.strip()[:200]}")

    def parse(*files) -> subprocess.CompletedProcess:
        script = MODULES / "parse.mjs"  # beside node_modules, so that Node finds the packages
        shutil.copyfile(TOOL, script)
        return subprocess.run([node, str(script), *map(str, files)], capture_output=True, text=True, timeout=120)
    return parse


def test_every_sample_exports_a_journey_mermaid_accepts(mermaid_parser, tmp_path):
    files = []
    for path in sample_paths():
        files.append(tmp_path / f"{path.stem}.mmd")
        files[-1].write_text(to_mermaid(load(path)), encoding="utf-8")
    result = mermaid_parser(*files)
    assert result.returncode == 0, result.stdout
    bad = tmp_path / "bad.mmd"
    bad.write_text("journey\n  section A\n    A task without a score\n", encoding="utf-8")
    assert mermaid_parser(bad).returncode == 1


@settings(max_examples=1, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(journeys(), min_size=40, max_size=40))
def test_risky_texts_export_to_journeys_mermaid_accepts(mermaid_parser, tmp_path, maps):
    files = []
    for i, journey in enumerate(maps):
        files.append(tmp_path / f"map{i}.mmd")
        files[-1].write_text(to_mermaid(journey), encoding="utf-8")
    result = mermaid_parser(*files)
    assert result.returncode == 0, result.stdout
