"""Bringing data from other files into the open map: personas from another map, metric values from a
CSV or XLSX file. Each is one undo step; a file that cannot be used says which file, where and why,
and leaves the map untouched.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from app import persona_commands as pc
from model.errors import JourneyFileError
from model.journey_file import load
from model.journey_map import JourneyMap
from model.map_files import moved_to_map
from model.personas import personas_to_import
from model.stage_metrics import MetricFileError, plan_refresh, read_refresh_rows


class PersonaFiles:
    """File → Import Personas… and File → Refresh Metrics…, for one window."""

    def __init__(self, window: QMainWindow):
        self.window = window

    @property
    def journey(self) -> JourneyMap:
        return self.window.document.journey

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    def import_personas(self, path: str | Path | None = None) -> None:
        """Copy the personas of another map into this one (those it has already are left out)."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.window, "Import Personas from a Map",
                                                  str(self.window.files.start_folder()), "Journey maps (*.journey)")
            if not path:
                return
        try:
            source = load(path)
        except JourneyFileError as error:
            QMessageBox.warning(self.window, "Cannot import personas", str(error))
            return
        folder = self.window.document.folder
        personas = [persona.model_copy(update={"photo": moved_to_map(persona.photo, Path(path).parent, folder)})
                    for persona in personas_to_import(self.journey, source.personas)]
        name = Path(path).name
        if not personas:
            what = "has no personas" if not source.personas else "has no personas this map lacks"
            self._say(f"{name} {what}: nothing imported.")
            return
        if self.window.editing.push(pc.AddPersonas(self.journey, personas, f"Import personas from {name}")):
            self._say(f"Imported {len(personas)} persona{'s' * (len(personas) != 1)} from {name}: "
                      + ", ".join(p.name or "Unnamed" for p in personas) + ".")

    def refresh_metrics(self, path: str | Path | None = None) -> None:
        """Read dated metric values (columns stage, metric, date, value) into the stages' metrics."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.window, "Refresh Metrics from a File",
                                                  str(self.window.files.start_folder()),
                                                  "Metrics (*.csv *.xlsx);;CSV (*.csv);;Excel workbook (*.xlsx)")
            if not path:
                return
        try:
            refresh = plan_refresh(self.journey, read_refresh_rows(path), Path(path).name)
        except MetricFileError as error:
            rows = "\n".join(f"• {problem}" for problem in error.problems[:12])
            more = f"\n… and {len(error.problems) - 12} more" if len(error.problems) > 12 else ""
            QMessageBox.warning(self.window, "Cannot refresh metrics",
                                f"{error.source} was not read, and no metric changed:\n\n{rows}{more}\n\n"
                                "Each row needs a stage of this map (name or id), one of that stage's metrics, "
                                "a date (YYYY-MM-DD) and a number.")
            return
        if not refresh.kpis:
            self._say(f"{Path(path).name} holds no values: no metric changed.")
            return
        if self.window.editing.push(pc.RefreshMetrics(self.journey, refresh)):
            self._say(f"Refreshed {refresh.rows} value{'s' * (refresh.rows != 1)} of "
                      f"{len(refresh.kpis)} stage{'s' * (len(refresh.kpis) != 1)} from {Path(path).name}.")
