"""The inspector's form controls, each showing one value of the shown entity.

A field turns the user's input into a value of the model's type and reports it (`edited`);
it is told what the model holds (`show_value`) and leaves alone a control whose input
already means that value, so a refresh never disturbs the user's typing. Fields never
touch the model: the inspector's pages read it by id and emit the requests.
"""

from __future__ import annotations

from typing import Any, Callable, Optional, Sequence

from PySide6.QtCore import QEvent, QLocale, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDoubleValidator,
    QIcon,
    QIntValidator,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QColorDialog,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from model import theme

Parse = Callable[[str], Any]
Format = Callable[[Any], str]


class Invalid(ValueError):
    """Input that is no value of the field; the message says what is allowed."""


def same(a: Any, b: Any) -> bool:
    """Equal as model values: a list typed by the user equals the model's tuple."""
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return tuple(a) == tuple(b)
    return a == b


def muted_label(text: str) -> QLabel:
    """A small grey explanation under or beside a control."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {theme.TEXT_MUTED};")
    small = label.font()
    small.setPointSizeF(max(7.0, small.pointSizeF() * 0.9))
    label.setFont(small)
    return label


class Field(QObject):
    """One control of a form; `widget` is what goes into the layout."""

    edited = Signal(object)  # the user's new value, in the model's type
    finished = Signal()  # the user is done with this edit (left the field, pressed Enter, chose)

    def __init__(self, widget: QWidget, hint: str):
        super().__init__(widget)
        self.widget = widget
        self.hint = hint
        widget.setToolTip(hint)

    def show_value(self, value: Any, force: bool = False) -> None:
        raise NotImplementedError

    def focus(self) -> None:
        self.widget.setFocus(Qt.FocusReason.OtherFocusReason)


# ----------------------------------------------------------------- text
def stripped(max_length: int) -> Parse:
    """One line of text, without surrounding blanks, at most `max_length` characters."""
    def parse(text: str) -> str:
        text = text.strip()
        if len(text) > max_length:
            raise Invalid(f"At most {max_length} characters.")
        return text
    return parse


def verbatim(max_length: int) -> Parse:
    def parse(text: str) -> str:
        if len(text) > max_length:
            raise Invalid(f"At most {max_length:,} characters.")
        return text
    return parse


def items(separator: str, max_length: int, noun: str) -> Parse:
    """A list of non-empty items (tags separated by commas, goals one per line)."""
    def parse(text: str) -> list[str]:
        found = [part.strip() for part in text.split(separator)]
        found = [part for part in found if part]
        if any(len(part) > max_length for part in found):
            raise Invalid(f"Each {noun} has at most {max_length} characters.")
        return found
    return parse


def number(kind: type, low: float, high: float, allowed: str) -> Parse:
    """An optional number in low..high; empty input means 'not measured' (None)."""
    def parse(text: str) -> Optional[float]:
        text = text.strip()
        if not text:
            return None
        try:
            value = kind(text)
        except ValueError:
            raise Invalid(allowed) from None
        if not low <= value <= high:
            raise Invalid(allowed)
        return value
    return parse


def format_number(value: Optional[float]) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:.10g}" if isinstance(value, float) else str(value)


def number_validator(kind: type, low: float, high: float, parent: QObject):
    """A validator that stops letters at the keyboard; `number` still checks the range."""
    if kind is int:
        validator = QIntValidator(int(low), int(high), parent)
    else:
        validator = QDoubleValidator(low, high, 2, parent)
        validator.setNotation(QDoubleValidator.Notation.StandardNotation)
    # The same decimal point in every locale, so a map reads the same on every machine.
    locale = QLocale.c()
    locale.setNumberOptions(QLocale.NumberOption.RejectGroupSeparator)
    validator.setLocale(locale)
    return validator


class TextField(Field):
    """A QLineEdit or QPlainTextEdit; reports every keystroke whose text parses."""

    def __init__(self, widget: QLineEdit | QPlainTextEdit, hint: str, parse: Parse,
                 format: Format = str, placeholder: str = ""):
        super().__init__(widget, hint)
        self.parse, self.format = parse, format
        self._filling = False
        self._good: Any = None  # the last valid value, shown again if the user leaves bad input behind
        widget.setPlaceholderText(placeholder)
        widget.installEventFilter(self)
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(self._user_typed)
        else:
            widget.setTabChangesFocus(True)
            # Undo belongs to the map: Ctrl+Z undoes the typing run as one step, like every edit.
            widget.setUndoRedoEnabled(False)
            widget.textChanged.connect(self._user_typed)

    @classmethod
    def line(cls, hint: str, parse: Parse, format: Format = str, placeholder: str = "",
             max_length: int = 32767) -> "TextField":
        edit = QLineEdit()
        edit.setMaxLength(max_length)
        return cls(edit, hint, parse, format, placeholder)

    @classmethod
    def block(cls, hint: str, parse: Parse, format: Format = str, placeholder: str = "",
              lines: int = 4) -> "TextField":
        edit = QPlainTextEdit()
        margins = edit.contentsMargins().top() + edit.contentsMargins().bottom()
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 2 * edit.document().documentMargin()
                            + margins + 2)
        return cls(edit, hint, parse, format, placeholder)

    @property
    def text(self) -> str:
        w = self.widget
        return w.text() if isinstance(w, QLineEdit) else w.toPlainText()

    @property
    def invalid(self) -> bool:
        return bool(self.widget.property("invalid"))

    def show_value(self, value: Any, force: bool = False) -> None:
        self._good = value
        try:
            if same(self.parse(self.text), value):
                return
        except Invalid:
            # Half-typed input ("-" on the way to "-5") stays while the user is in the field.
            if self.widget.hasFocus() and not force:
                return
        self._fill(self.format(value))
        self._mark(None)

    def focus(self) -> None:
        super().focus()
        self.widget.selectAll()

    def _fill(self, text: str) -> None:
        """Replace the text, keeping the cursor where it was (as far as the new text allows)."""
        w = self.widget
        self._filling = True
        try:
            with QSignalBlocker(w):
                if isinstance(w, QLineEdit):
                    position = w.cursorPosition()
                    w.setText(text)
                    w.setCursorPosition(min(position, len(text)))
                else:
                    position = w.textCursor().position()
                    scrolled = w.verticalScrollBar().value()
                    w.setPlainText(text)
                    cursor = w.textCursor()
                    cursor.setPosition(min(position, len(text)))
                    w.setTextCursor(cursor)
                    w.verticalScrollBar().setValue(scrolled)
        finally:
            self._filling = False

    def _user_typed(self, *_: Any) -> None:
        if self._filling:
            return
        try:
            value = self.parse(self.text)
        except Invalid as error:
            self._mark(str(error))
            return
        self._mark(None)
        self._good = value
        self.edited.emit(value)

    def _mark(self, problem: Optional[str]) -> None:
        """A red border and a tooltip saying what is allowed, while the input is no valid value."""
        w = self.widget
        if not problem and not w.property("invalid"):
            return
        w.setProperty("invalid", bool(problem))
        if problem:
            w.setStyleSheet(f"{type(w).__name__} {{ border: 2px solid {theme.VERMILLION}; border-radius: 3px; }}")
            w.setToolTip(f"{problem}\n{self.hint}")
        else:
            w.setStyleSheet("")
            w.setToolTip(self.hint)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FocusOut:
            if self.invalid:
                self._fill(self.format(self._good))
                self._mark(None)
            self.finished.emit()
        elif kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
                # Left to the window's Undo/Redo actions: the field's own undo would fork the history.
                event.ignore()
                return True
            if kind == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                    and isinstance(watched, QLineEdit):
                self.finished.emit()
        return False


# ----------------------------------------------------------------- choices
def _text_on(colour: str) -> str:
    c = QColor(colour)
    luminance = 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF()
    return "#000000" if luminance > 0.45 else "#ffffff"


def _toggle_button(text: str, tip: str, name: str) -> QToolButton:
    """A checkable button that shares its row's width with its neighbours."""
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(name)
    button.setCheckable(True)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return button


class ChoiceField(Field):
    """Segmented buttons, one per choice; a click is a complete edit."""

    def __init__(self, choices: Sequence[tuple[Any, str, str]], hint: str,
                 colours: Optional[dict[Any, str]] = None, caption: bool = False):
        """`choices` are (value, button text, name); `caption` shows the chosen one's name below."""
        super().__init__(QWidget(), hint)
        self.values = [value for value, _, _ in choices]
        self.names = [name for _, _, name in choices]
        self.group = QButtonGroup(self.widget)
        column = QVBoxLayout(self.widget)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        row = QHBoxLayout()
        row.setSpacing(0)
        column.addLayout(row)
        for i, (value, text, name) in enumerate(choices):
            button = _toggle_button(text, name, name)
            checked = (colours or {}).get(value)
            style = "QToolButton { border: 1px solid palette(mid); padding: 3px 2px; background: palette(base); }" \
                    "QToolButton:hover { background: palette(alternate-base); }" \
                    "QToolButton:focus { border: 1px solid palette(highlight); }"
            if checked:
                style += f"QToolButton:checked {{ background: {checked}; color: {_text_on(checked)}; font-weight: bold; }}"
            else:
                style += "QToolButton:checked { background: palette(highlight); color: palette(highlighted-text);" \
                         " font-weight: bold; }"
            button.setStyleSheet(style)
            self.group.addButton(button, i)
            row.addWidget(button)
        self.caption = muted_label("") if caption else None
        if self.caption:
            column.addWidget(self.caption)
        self.group.idClicked.connect(self._chosen)

    def button(self, value: Any) -> QToolButton:
        return self.group.button(self.values.index(value))

    @property
    def value(self) -> Any:
        checked = self.group.checkedId()
        return self.values[checked] if checked >= 0 else None

    def show_value(self, value: Any, force: bool = False) -> None:
        button = self.button(value)
        if not button.isChecked():
            with QSignalBlocker(self.group), QSignalBlocker(button):
                button.setChecked(True)
        self._update_caption()

    def focus(self) -> None:
        (self.group.checkedButton() or self.group.buttons()[0]).setFocus(Qt.FocusReason.OtherFocusReason)

    def _chosen(self, index: int) -> None:
        self._update_caption()
        self.edited.emit(self.values[index])
        self.finished.emit()

    def _update_caption(self) -> None:
        if self.caption and self.group.checkedId() >= 0:
            self.caption.setText(self.names[self.group.checkedId()])


class FlagsField(Field):
    """Toggle buttons, any number on at once; the value is the tuple of those on, in button order."""

    def __init__(self, choices: Sequence[tuple[Any, str, str]], hint: str):
        super().__init__(QWidget(), hint)
        self.values = [value for value, _, _ in choices]
        row = QHBoxLayout(self.widget)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.buttons: list[QToolButton] = []
        for value, text, explanation in choices:
            button = _toggle_button(text, explanation, text)
            button.setStyleSheet(
                "QToolButton { border: 1px solid palette(mid); border-radius: 3px; padding: 3px 6px;"
                " background: palette(base); }"
                "QToolButton:checked { background: palette(highlight); color: palette(highlighted-text);"
                " font-weight: bold; }")
            button.toggled.connect(self._toggled)
            self.buttons.append(button)
            row.addWidget(button)

    @property
    def value(self) -> tuple:
        return tuple(v for v, button in zip(self.values, self.buttons) if button.isChecked())

    def button(self, value: Any) -> QToolButton:
        return self.buttons[self.values.index(value)]

    def show_value(self, value: Sequence[Any], force: bool = False) -> None:
        for v, button in zip(self.values, self.buttons):
            if button.isChecked() != (v in value):
                with QSignalBlocker(button):
                    button.setChecked(v in value)

    def focus(self) -> None:
        self.buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _toggled(self) -> None:
        self.edited.emit(self.value)
        self.finished.emit()


class ComboField(Field):
    """A drop-down of fixed choices (an enum of the model)."""

    def __init__(self, choices: Sequence[tuple[Any, str]], hint: str):
        super().__init__(QComboBox(), hint)
        self.values: list[Any] = []
        self.set_choices(choices)
        # Narrow enough for a 320 px dock; the open list is as wide as its longest choice.
        self.widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.widget.setMinimumContentsLength(4)
        self.widget.activated.connect(self._chosen)

    def set_choices(self, choices: Sequence[tuple[Any, str]]) -> None:
        """Offer other choices (a lane's persona: the map's personas of the moment)."""
        texts = [text for _, text in choices]
        if [value for value, _ in choices] == self.values and texts == [
                self.widget.itemText(i) for i in range(self.widget.count())]:
            return
        with QSignalBlocker(self.widget):
            self.widget.clear()
            self.widget.addItems(texts)
        self.values = [value for value, _ in choices]

    @property
    def value(self) -> Any:
        return self.values[self.widget.currentIndex()]

    def show_value(self, value: Any, force: bool = False) -> None:
        index = self.values.index(value)
        if self.widget.currentIndex() != index:
            with QSignalBlocker(self.widget):
                self.widget.setCurrentIndex(index)

    def _chosen(self, index: int) -> None:
        self.edited.emit(self.values[index])
        self.finished.emit()


# ----------------------------------------------------------------- colour
def pick_colour(initial: Optional[str], parent: QWidget) -> Optional[str]:
    """Ask for a colour; '#rrggbb', or None when the user cancels."""
    colour = QColorDialog.getColor(QColor(initial or theme.CARD_BACKGROUND), parent, "Card colour")
    return colour.name() if colour.isValid() else None


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(QColor(theme.CARD_BORDER))
    inner = QPixmap(14, 14)
    inner.fill(QColor(colour))
    painter = QPainter(pixmap)
    painter.drawPixmap(1, 1, inner)
    painter.end()
    return QIcon(pixmap)


class ColourField(Field):
    """A card colour: a button opening the colour dialog, and a reset to the theme's colour."""

    def __init__(self, hint: str):
        super().__init__(QWidget(), hint)
        row = QHBoxLayout(self.widget)
        row.setContentsMargins(0, 0, 0, 0)
        self.choose_button = QPushButton()
        self.choose_button.setToolTip("Choose the card's colour")
        self.reset_button = QToolButton()
        self.reset_button.setText("Default")
        self.reset_button.setToolTip("Use the theme's card colour")
        row.addWidget(self.choose_button, 1)
        row.addWidget(self.reset_button)
        self._shown: Optional[str] = None
        self.choose_button.clicked.connect(self._choose)
        self.reset_button.clicked.connect(self._reset)
        self.show_value(None, force=True)

    def show_value(self, value: Optional[str], force: bool = False) -> None:
        if value == self._shown and not force:
            return
        self._shown = value
        self.choose_button.setText(value if value else "Theme default")
        self.choose_button.setIcon(_swatch(value or theme.CARD_BACKGROUND))
        self.reset_button.setEnabled(value is not None)

    def focus(self) -> None:
        self.choose_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _choose(self) -> None:
        chosen = pick_colour(self._shown, self.widget)
        if chosen is not None:
            self.edited.emit(chosen.lower())
            self.finished.emit()

    def _reset(self) -> None:
        self.edited.emit(None)
        self.finished.emit()
