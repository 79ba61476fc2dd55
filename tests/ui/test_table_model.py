"""The shared read-only list model and table set-up (sscvisit/ui/table_model.py)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from sscvisit.ui.table_model import RIGHT, Column, RowsModel, set_up_table

ID_ROLE = int(Qt.ItemDataRole.UserRole)
LATE = QColor("#b00020")


@dataclass(frozen=True)
class Item:
    id: int
    name: str
    count: int
    late: bool = False


class ItemModel(RowsModel[Item]):
    """A subject-like bold name, a right-aligned count with its own tooltip; late rows red."""

    def __init__(self) -> None:
        super().__init__()
        self.set_columns(
            [
                Column("Name", lambda item: item.name, bold=True),
                Column(
                    "Count",
                    lambda item: str(item.count),
                    tooltip=lambda item: f"{item.count} in all",
                    header_tooltip="How many",
                    numeric=True,
                ),
            ]
        )

    def cell_foreground(self, item: Item, column: int) -> QColor | None:
        return LATE if item.late else None

    def row_data(self, item: Item, role: int) -> object:
        return item.id if role == ID_ROLE else None


class TextTipModel(ItemModel):
    TEXT_TOOLTIPS = True


ROWS = [Item(1, "alpha", 3), Item(2, "beta", 12, late=True)]


def test_cells_headers_and_roles_come_from_the_column_specs(qtmodeltester: ModelTester) -> None:
    model = ItemModel()
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    model.set_rows(ROWS)
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]

    assert (model.rowCount(), model.columnCount()) == (2, 2)
    assert [model.index(1, c).data() for c in range(2)] == ["beta", "12"]
    horizontal = Qt.Orientation.Horizontal
    assert [model.headerData(c, horizontal) for c in range(2)] == ["Name", "Count"]
    assert model.headerData(1, horizontal, Qt.ItemDataRole.ToolTipRole) == "How many"
    assert model.headerData(0, horizontal, Qt.ItemDataRole.ToolTipRole) is None
    assert model.headerData(1, horizontal, Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert model.headerData(0, Qt.Orientation.Vertical) is None

    alignment = Qt.ItemDataRole.TextAlignmentRole
    assert model.index(0, 1).data(alignment) == RIGHT
    assert model.index(0, 0).data(alignment) is None
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(0, 1).data(Qt.ItemDataRole.FontRole) is None
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == "3 in all"
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) is None
    foreground = model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(foreground, QBrush)
    assert foreground.color() == LATE
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(1, 1).data(ID_ROLE) == 2
    assert model.rows() == ROWS
    assert model.row_at(1) is ROWS[1]
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable == Qt.ItemFlag.NoItemFlags


def test_text_tooltips_repeat_a_cell_without_a_tooltip_of_its_own() -> None:
    model = TextTipModel()
    model.set_rows(ROWS)
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "alpha"
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == "3 in all"


def test_set_rows_resets_the_model(qtbot: QtBot) -> None:
    model = ItemModel()
    model.set_rows(ROWS)
    with qtbot.waitSignal(model.modelReset):
        model.set_rows(ROWS[:1])
    assert model.rowCount() == 1
    assert model.index(1, 0).data() is None  # past the last row


def test_set_up_table_makes_a_read_only_row_list(qtbot: QtBot) -> None:
    model = ItemModel()
    table = QTableView()
    qtbot.addWidget(table)
    set_up_table(table, model, stretch=[0], alternate=False)
    assert table.model() is model
    assert table.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert table.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert not table.tabKeyNavigation()  # Tab leaves the table
    assert not table.alternatingRowColors()
    assert table.verticalHeader().isHidden()
    header = table.horizontalHeader()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.ResizeToContents
