"""File → Export… and File → Import…: pick a file and its options, show progress, report problems."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from app.brand_form import BrandForm
from app.page_sizes import FIT, ORIENTATIONS, PAGE_CHOICES, POSTER_SHEETS
from app.exporters import EXPORTERS, IMPORTERS, ExportOptions, UnknownFormat, export_map, import_map
from app.slides.style import DEFAULT_SLIDE_SIZE, SLIDE_SIZE_NAMES
from model.brand_kit import branded
from model.entities import MapInfo
from model.errors import JourneyFileError
from model.journey_map import JourneyMap

PAGE_SIZES = list(PAGE_CHOICES)


def _filters(table: dict) -> str:
    return ";;".join(f"{description} (*{suffix})" for suffix, (description, _) in sorted(table.items()))


class ExportOptionsDialog(QDialog):
    """Page size, orientation and the brand kit for a PDF, scale for a PNG, slide shape for PowerPoint;
    the choices are remembered (the brand kit in the map and per user, see `BrandForm`)."""

    def __init__(self, suffix: str, settings: QSettings, parent: QWidget | None = None,
                 info: MapInfo | None = None, folder: Path | None = None):
        super().__init__(parent)
        self.setWindowTitle("Export options")
        self.setMinimumWidth(480)  # room for the brand fields' hints
        self.settings = settings
        form = QFormLayout(self)
        self.page = QComboBox()
        self.page.addItems(PAGE_SIZES)
        self.page.setItemText(PAGE_SIZES.index(FIT), "One page as large as the map")
        self.page.setCurrentIndex(PAGE_SIZES.index(settings.value("export/page", "A4")))
        self.orientation = QComboBox()
        self.orientation.addItems(ORIENTATIONS)
        self.orientation.setCurrentText(settings.value("export/orientation", "landscape"))
        self.scale = QDoubleSpinBox()
        self.scale.setRange(0.5, 8)
        self.scale.setSingleStep(0.5)
        self.scale.setSuffix("×")
        self.scale.setValue(float(settings.value("export/scale", 2.0)))
        self.slides = QComboBox()
        for shape, name in SLIDE_SIZE_NAMES.items():
            self.slides.addItem(name, shape)
        self.slides.setCurrentIndex(max(0, self.slides.findData(settings.value("export/slides", DEFAULT_SLIDE_SIZE))))
        self.poster = QComboBox()  # a report, or the map as a wall poster on sheets of a size
        self.poster.addItem("No: a report", "")
        for sheet in POSTER_SHEETS:
            self.poster.addItem(f"Yes, on {sheet} sheets", sheet)
        self.poster.setToolTip("The map at the page size above, cut into sheets that overlap, with crop marks")
        self.folder = folder
        self.brand: BrandForm | None = None
        if suffix == ".pdf":
            form.addRow("Page size", self.page)
            form.addRow("Orientation", self.orientation)
            form.addRow("Wall poster", self.poster)
            self.brand = BrandForm(form, info or MapInfo(), settings, folder)
        elif suffix == ".pptx":
            form.addRow("Slide shape", self.slides)
        else:
            form.addRow("Resolution", self.scale)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def options(self) -> ExportOptions:
        page = PAGE_SIZES[self.page.currentIndex()]
        self.settings.setValue("export/page", page)
        self.settings.setValue("export/orientation", self.orientation.currentText())
        self.settings.setValue("export/scale", self.scale.value())
        self.settings.setValue("export/slides", self.slides.currentData())
        brand = {}
        if self.brand is not None:
            self.brand.remember()
            brand = {name: value for name, value in self.brand.values().items() if value}
        return ExportOptions(page=page, orientation=self.orientation.currentText(), scale=self.scale.value(),
                             slides=self.slides.currentData(),
                             brand=brand, folder=self.folder, poster=self.poster.currentData())


def export_interactively(parent: QWidget, journey: JourneyMap, start: Path, settings: QSettings,
                         path: str | None = None, folder: Path | None = None,
                         brand_changed: Callable[[dict], None] | None = None) -> bool:
    """Ask where and how to export, then export with a progress indicator.

    `folder` is the map's folder (None for a map never saved); a PDF's brand kit that differs
    from the map's goes to `brand_changed` as `MapInfo` changes, for one undoable edit."""
    if path is None:
        path, _ = QFileDialog.getSaveFileName(parent, "Export map", str(start), _filters(EXPORTERS))
        if not path:
            return False
    target = Path(path)
    options = ExportOptions(folder=folder)
    if target.suffix.lower() in (".pdf", ".png", ".pptx"):
        dialog = ExportOptionsDialog(target.suffix.lower(), settings, parent, journey.info, folder)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        options = dialog.options()
        if dialog.brand is not None:
            changes = dialog.brand.changes()
            try:
                branded(journey.info, **{name: value for name, value in changes.items() if value})
            except ValueError as error:
                QMessageBox.critical(parent, "Cannot export", f"{target}: {error}")
                return False
            if changes and brand_changed is not None:
                brand_changed(changes)
    progress = QProgressDialog(f"Exporting {target.name}…", "", 0, 0, parent)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)

    def advance(done: int, total: int) -> None:
        progress.setMaximum(total)
        progress.setValue(done)

    options.progress = advance
    try:
        export_map(journey, target, options)
    except (JourneyFileError, UnknownFormat, ValueError) as error:
        QMessageBox.critical(parent, "Cannot export", str(error))
        return False
    finally:
        progress.close()
    return True


def import_interactively(parent: QWidget, start: Path, path: str | None = None) -> JourneyMap | None:
    """Ask for a file of a format `IMPORTERS` reads and read it into a new map; warnings are shown once."""
    if path is None:
        path, _ = QFileDialog.getOpenFileName(parent, "Import map", str(start), _filters(IMPORTERS))
        if not path:
            return None
    try:
        journey, warnings = import_map(path)
    except (JourneyFileError, UnknownFormat) as error:
        QMessageBox.warning(parent, "Cannot import", str(error))
        return None
    if warnings:
        # The last note says how the touchpoints were connected, so there is always something to say.
        QMessageBox.information(parent, "Imported", "\n".join(warnings[:20])
                                + (f"\n… and {len(warnings) - 20} more" if len(warnings) > 20 else ""))
    return journey
