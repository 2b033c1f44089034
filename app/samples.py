"""Where the bundled sample maps live."""

from pathlib import Path

SAMPLES_DIR = Path(__file__).resolve().parents[1] / "resources" / "samples"


def sample_paths() -> list[Path]:
    return sorted(SAMPLES_DIR.glob("*.journey"))
