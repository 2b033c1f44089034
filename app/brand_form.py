"""The brand kit fields of the PDF export dialog: client, preparer, logo, brand colour, cover note.

They start from the map's own brand kit; a field the map leaves empty starts from what this
user last exported with (QSettings `brand/...`), so a consultant types their name and logo once.
`changes` says what differs from the map, for one undoable edit of its info: the map file
remembers the brand it was sent in.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from model.brand_kit import logo_path
from model.map_files import relative_to_map
from model.entities import MapInfo

LOGO_FILTER = "Images (*.png *.jpg *.jpeg *.svg)"
# The per-user defaults: every field but the client, who changes from map to map.
REMEMBERED = ("author", "logo", "accent", "cover_note")


class BrandForm:
    """Adds the brand rows to `form` and reads them back."""

    def __init__(self, form: QFormLayout, info: MapInfo, settings: QSettings, folder: Path | None):
        self.info, self.settings, self.folder = info, settings, folder

        def start(name: str) -> str:
            own = getattr(info, name) or ""
            if own or name not in REMEMBERED:
                return own
            remembered = str(settings.value(f"brand/{name}", "") or "")
            return relative_to_map(Path(remembered), folder) if name == "logo" and remembered else remembered

        self.client = QLineEdit(start("client"))
        self.preparer = QLineEdit(start("author"))
        self.logo = QLineEdit(start("logo"))
        self.logo.setPlaceholderText("PNG, JPEG or SVG; a path relative to the map's folder")
        self.accent = QLineEdit(start("accent"))
        self.accent.setPlaceholderText("#rrggbb, empty for Wayfinder's blue")
        self.note = QPlainTextEdit(start("cover_note"))
        self.note.setPlaceholderText("A note to the reader on the title page")
        self.note.setFixedHeight(70)
        form.addRow("Client", self.client)
        form.addRow("Prepared by", self.preparer)
        form.addRow("Logo", _with_button(self.logo, "Choose…", self._choose_logo))
        form.addRow("Brand colour", _with_button(self.accent, "Pick…", self._pick_accent))
        form.addRow("Cover note", self.note)

    def values(self) -> dict[str, str]:
        """Every brand field as typed (`MapInfo` names; accent empty for none)."""
        return {"client": self.client.text().strip(), "author": self.preparer.text().strip(),
                "logo": self.logo.text().strip(), "accent": self.accent.text().strip(),
                "cover_note": self.note.toPlainText().strip()}

    def changes(self) -> dict[str, str | None]:
        """The fields that differ from the map's brand kit, as values for `MapInfo`."""
        wanted = {**self.values()}
        wanted["accent"] = wanted["accent"] or None
        return {name: value for name, value in wanted.items() if value != getattr(self.info, name)}

    def remember(self) -> None:
        """Keep this user's defaults; the logo as an absolute path, for maps in other folders."""
        values = self.values()
        if values["logo"]:
            values["logo"] = str(logo_path(values["logo"], self.folder).resolve())
        for name in REMEMBERED:
            self.settings.setValue(f"brand/{name}", values[name])

    def _choose_logo(self) -> None:
        start = str(self.folder or Path.home())
        path, _ = QFileDialog.getOpenFileName(self.logo, "Choose a logo", start, LOGO_FILTER)
        if path:
            self.logo.setText(relative_to_map(Path(path), self.folder))

    def _pick_accent(self) -> None:
        colour = QColorDialog.getColor(QColor(self.accent.text() or "#0072b2"), self.accent, "Brand colour")
        if colour.isValid():
            self.accent.setText(colour.name())


def _with_button(field: QLineEdit, label: str, clicked) -> QWidget:
    """`field` with a button beside it that helps fill it in."""
    button = QPushButton(label)
    button.clicked.connect(clicked)
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(field)
    row.addWidget(button)
    widget = QWidget()
    widget.setLayout(row)
    return widget
