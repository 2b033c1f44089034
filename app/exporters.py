"""File formats a map can be exported to and imported from, chosen by the file's suffix.

Each entry imports its implementation only when used, so that exporting a PDF, Mermaid or
CSV never loads Qt; only images start Qt (offscreen) to draw the canvas.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from app.slides.style import DEFAULT_SLIDE_SIZE
from model.journey_map import JourneyMap


@dataclass
class ExportOptions:
    """What the command line and the export dialogs can ask for; each format reads its own."""

    page: str = "A4"
    orientation: str = "landscape"
    scale: float = 2.0
    slides: str = DEFAULT_SLIDE_SIZE  # PowerPoint slide shape, a key of app.slides.style.SLIDE_SIZES
    # The PDF's brand kit for this export, by `MapInfo` field (client, author, logo, accent,
    # cover_note); a field not given is the map's own. `folder` is the map's folder, against
    # which a relative logo path is read.
    brand: dict[str, str] = field(default_factory=dict)
    folder: Path | None = None
    poster: str = ""  # a sheet size: the PDF is the map as a wall poster on sheets of it
    progress: Callable[[int, int], None] | None = field(default=None, repr=False)


# suffix -> (description, function(journey, path, options))
EXPORTERS: dict[str, tuple[str, Callable[[JourneyMap, Path, ExportOptions], None]]] = {}
# suffix -> (description, function(path) -> (journey, warnings))
IMPORTERS: dict[str, tuple[str, Callable[[Path], tuple[JourneyMap, list[str]]]]] = {}


class UnknownFormat(ValueError):
    """A file suffix no exporter or importer handles."""


def _pick(table: dict, path: Path, verb: str):
    suffix = path.suffix.lower()
    if suffix not in table:
        known = ", ".join(sorted(table)) or "none yet"
        raise UnknownFormat(f"{path}: cannot {verb} {suffix or 'a file without a suffix'}; use one of: {known}")
    return table[suffix][1]


def export_map(journey: JourneyMap, path: str | Path, options: ExportOptions | None = None) -> None:
    path = Path(path)
    _pick(EXPORTERS, path, "export to")(journey, path, options or ExportOptions())


def import_map(path: str | Path) -> tuple[JourneyMap, list[str]]:
    path = Path(path)
    return _pick(IMPORTERS, path, "import")(path)


def _image_export(journey: JourneyMap, path: Path, options: ExportOptions) -> None:
    from app.image_export import write_image

    write_image(journey, path, options.scale, options.folder)


def _pdf_export(journey: JourneyMap, path: Path, options: ExportOptions) -> None:
    from app.pdf import write_pdf

    write_pdf(journey, path, page=options.page, orientation=options.orientation, progress=options.progress,
              folder=options.folder, poster=options.poster, **options.brand)


EXPORTERS[".pdf"] = ("PDF document", _pdf_export)
EXPORTERS[".png"] = ("PNG image", _image_export)
EXPORTERS[".svg"] = ("SVG image", _image_export)


def _mermaid_export(journey: JourneyMap, path: Path, options: ExportOptions) -> None:
    from model.interchange import write_text
    from model.interchange.mermaid import to_mermaid

    write_text(path, to_mermaid(journey))


def _mermaid_import(path: Path) -> tuple[JourneyMap, list[str]]:
    from model.interchange import read_text
    from model.interchange.mermaid import from_mermaid

    return from_mermaid(read_text(path), str(path))


def _csv_export(journey: JourneyMap, path: Path, options: ExportOptions) -> None:
    from model.interchange import write_text
    from model.interchange.spreadsheet import to_csv

    write_text(path, to_csv(journey), byte_order_mark=True)


def _csv_import(path: Path) -> tuple[JourneyMap, list[str]]:
    from model.interchange.spreadsheet import from_csv, read_csv_text

    text, warnings = read_csv_text(path)
    journey, more = from_csv(text, str(path), title=path.stem)
    return journey, [*warnings, *more]


EXPORTERS[".mmd"] = EXPORTERS[".mermaid"] = ("Mermaid journey", _mermaid_export)
EXPORTERS[".csv"] = ("CSV spreadsheet", _csv_export)
IMPORTERS[".mmd"] = IMPORTERS[".mermaid"] = ("Mermaid journey", _mermaid_import)
IMPORTERS[".csv"] = ("CSV spreadsheet", _csv_import)


def _canvas_export(journey: JourneyMap, path: Path, options: ExportOptions) -> None:
    from model.interchange import write_text
    from model.interchange.json_canvas import to_canvas

    write_text(path, to_canvas(journey))


def _canvas_import(path: Path) -> tuple[JourneyMap, list[str]]:
    from model.interchange import read_text
    from model.interchange.json_canvas import from_canvas

    return from_canvas(read_text(path), str(path), title=path.stem)


EXPORTERS[".canvas"] = ("JSON Canvas", _canvas_export)
IMPORTERS[".canvas"] = ("JSON Canvas", _canvas_import)


def _slides_export(journey: JourneyMap, path: Path, options: ExportOptions) -> None:
    from app.slides import write_deck

    write_deck(journey, path, slide_size=options.slides, progress=options.progress, folder=options.folder)


EXPORTERS[".pptx"] = ("PowerPoint slides", _slides_export)


def _workbook_export(journey: JourneyMap, path: Path, options: ExportOptions) -> None:
    from model.interchange.workbook import write_workbook

    write_workbook(journey, path)


def _workbook_import(path: Path) -> tuple[JourneyMap, list[str]]:
    from model.interchange.workbook import read_workbook

    return read_workbook(path, title=path.stem)


EXPORTERS[".xlsx"] = ("Excel workbook", _workbook_export)
IMPORTERS[".xlsx"] = ("Excel workbook", _workbook_import)
