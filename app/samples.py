"""Where the bundled maps live: samples to explore and templates to start from.

Both open as untitled copies (`MainWindow.open_sample`), so saving never writes into them.
"""

import json
from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parents[1] / "resources"
SAMPLES_DIR = RESOURCES_DIR / "samples"
TEMPLATES_DIR = RESOURCES_DIR / "templates"
BUNDLED_DIRS = (SAMPLES_DIR, TEMPLATES_DIR)


def sample_paths() -> list[Path]:
    return sorted(SAMPLES_DIR.glob("*.journey"))


def template_paths() -> list[Path]:
    return sorted(TEMPLATES_DIR.glob("*.journey"))


def bundled_title(path: Path) -> str:
    """The map's own title, for a menu entry (the file name if the title cannot be read)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))["info"]["title"]
    except (OSError, ValueError, KeyError, TypeError):
        return path.stem.replace("-", " ").capitalize()
