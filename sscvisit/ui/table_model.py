"""Read-only list tables: a model driven by column specs, and the set-up their views share.

A list table shows one row per item (a DTO from a service) in fixed columns, and nothing in it
is edited. ``Column`` says what one column shows: its header, the text of a cell, and optionally
a tooltip, right alignment (counts) and a bold face (the subject). ``RowsModel`` serves the rows
through those columns. What depends on the whole row (a void row struck out, an overdue SAE in
red, the patient id behind a row) a subclass adds by overriding ``cell_tooltip``, ``cell_font``,
``cell_foreground``, ``cell_background`` or ``row_data``.

``set_up_table`` gives a QTableView the behaviour every list table has: whole rows selected one
at a time, no editing, Tab leaves the table, no row numbers, columns as wide as their contents;
``empty_table_label`` is the note shown in a table's place while it has no rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

RowT = TypeVar("RowT")
AnyIndex = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
ROW_PADDING = 10  # pixels above the font's height in a one-line row


def bold_font() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


@dataclass(frozen=True)
class Column(Generic[RowT]):
    """One column of a ``RowsModel``: its header and what a cell of it shows for a row."""

    title: str
    text: Callable[[RowT], str]
    tooltip: Callable[[RowT], str | None] | None = None
    header_tooltip: str | None = None
    numeric: bool = False  # right-aligned, the header too
    bold: bool = False


class RowsModel(QAbstractTableModel, Generic[RowT]):
    """Rows of one kind in fixed columns, read-only.

    Subclasses call ``set_columns`` in their constructor (where ``self.tr`` gives the headers
    their translation context) and fill the model with ``set_rows``.
    """

    # A cell whose column has no tooltip of its own shows its text (read a clipped cell).
    TEXT_TOOLTIPS: ClassVar[bool] = False

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns: tuple[Column[RowT], ...] = ()
        self._rows: list[RowT] = []

    def set_columns(self, columns: Iterable[Column[RowT]]) -> None:
        self.beginResetModel()
        self._columns = tuple(columns)
        self.endResetModel()

    def set_rows(self, rows: Iterable[RowT]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[RowT]:
        return list(self._rows)

    def row_at(self, row: int) -> RowT:
        return self._rows[row]

    # -- what subclasses may override ------------------------------------------------------------

    def cell_tooltip(self, row: RowT, column: int) -> str | None:
        spec = self._columns[column]
        if spec.tooltip is not None:
            return spec.tooltip(row)
        return spec.text(row) if self.TEXT_TOOLTIPS else None

    def cell_font(self, row: RowT, column: int) -> QFont | None:
        return bold_font() if self._columns[column].bold else None

    def cell_foreground(self, row: RowT, column: int) -> QColor | None:
        return None

    def cell_background(self, row: RowT, column: int) -> QColor | None:
        return None

    def row_data(self, row: RowT, role: int) -> object:
        """Any other role (the ids behind a row, under Qt.UserRole and up)."""
        return None

    # -- QAbstractTableModel ---------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        spec = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return spec.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return spec.header_tooltip
        if role == Qt.ItemDataRole.TextAlignmentRole and spec.numeric:
            return RIGHT
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        column = index.column()
        if not 0 <= column < len(self._columns):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[column].text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.cell_tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if self._columns[column].numeric else None
        if role == Qt.ItemDataRole.FontRole:
            return self.cell_font(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return _brush(self.cell_foreground(row, column))
        if role == Qt.ItemDataRole.BackgroundRole:
            return _brush(self.cell_background(row, column))
        return self.row_data(row, role)


def _brush(colour: QColor | None) -> QBrush | None:
    return QBrush(colour) if colour is not None else None


def set_up_table(
    table: QTableView,
    model: QAbstractTableModel,
    *,
    stretch: Sequence[int] = (),
    alternate: bool = True,
) -> None:
    """Show ``model`` as a list: rows selected one at a time, read-only, one line a row.

    Columns fit their contents; the ``stretch`` columns share the width left over.
    ``alternate`` off for tables that colour their rows themselves.
    """
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(alternate)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + ROW_PADDING)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


def empty_table_label(text: str, parent: QWidget | None = None) -> QLabel:
    """What stands in a table's place while it has no rows: a grey, italic, dashed-box note."""
    label = QLabel(text, parent)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet(
        "color: palette(placeholder-text); font-style: italic;"
        " border: 1px dashed palette(mid); border-radius: 4px; padding: 16px;"
    )
    return label


__all__ = ["RIGHT", "Column", "RowsModel", "bold_font", "empty_table_label", "set_up_table"]
