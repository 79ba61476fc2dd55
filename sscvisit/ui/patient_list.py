"""The patient list: one thin table model over ids plus a row cache, a filter proxy, the view.

The model precomputes, once per row, the display texts, the sort keys and a lower-case search
key, so that the filter answers a keystroke on 10,000 rows without calling back into ``data()``
(STYLE.md item 5; Anki ``browser/table/model.py``). The model also sorts itself on those keys:
a sorting proxy would compare rows through ``data()`` and make Backspace in the filter cost
hundreds of milliseconds. Measured offscreen with 10,000 rows: about 5 ms to refilter and
8 ms to repaint per keystroke.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sscvisit.services import patients
from sscvisit.services.dto import PatientRow
from sscvisit.services.errors import ServiceError
from sscvisit.ui.context import UiContext
from sscvisit.ui.forms import ERROR_STYLE
from sscvisit.ui.messages import code_of, service_message

ID_ROLE = int(Qt.ItemDataRole.UserRole)
SORT_ROLE = ID_ROLE + 1
SEARCH_ROLE = ID_ROLE + 2
VOIDED_ROLE = ID_ROLE + 3

_BASE_COLUMNS = ("subject_number", "status", "sex", "birth_year", "consent_date")
_IDENTITY_COLUMNS = ("name", "hospital_number")
VOID_MARK = "\x00"  # first character of a voided row's filter key
_DIGITS = re.compile(r"\d+")
_VOID_BRUSH = QBrush(QColor(128, 128, 128))
_NO_FLAGS = Qt.ItemFlag.NoItemFlags


def natural_key(text: str) -> str:
    """A string that sorts 'SSC-1000' after 'SSC-999': digit runs padded to equal width."""
    return _DIGITS.sub(lambda m: m.group(0).rjust(12, "0"), text.casefold())


@dataclass(frozen=True)
class _Cached:
    row: PatientRow
    display: tuple[str, ...]
    sort: tuple[object, ...]
    search: str


class PatientTableModel(QAbstractTableModel):
    """Patients as rows; identity columns exist only for roles that may see identities."""

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = ctx.language
        show_identity = ctx.user.may("view_identity")
        self._columns: tuple[str, ...] = _BASE_COLUMNS + (
            _IDENTITY_COLUMNS if show_identity else ()
        )
        fields = {**patients.PATIENT_FIELDS, **patients.IDENTITY_FIELDS}
        titles = {
            "subject_number": patients.SUBJECT_FIELD.label(self._language),
            "status": patients.STATUS_FIELD.label(self._language),
            "name": self.tr("Name"),
        }
        self._titles = [
            titles[c] if c in titles else fields[c].label(self._language) for c in self._columns
        ]
        self._status_order = {c.value: i for i, c in enumerate(patients.STATUS_FIELD.codes)}
        self._ids: list[int] = []
        # Per model row, the search key with a leading void mark: the filter's whole input,
        # read by the proxy with one list index per row (see PatientFilterProxy).
        self.filter_keys: list[str] = []
        self._cache: dict[int, _Cached] = {}
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._strike = QFont()
        self._strike.setStrikeOut(True)

    # -- rows --------------------------------------------------------------------------------

    @property
    def columns(self) -> tuple[str, ...]:
        return self._columns

    def column_of(self, key: str) -> int:
        """The column number of a column key; -1 when this viewer does not get that column."""
        return self._columns.index(key) if key in self._columns else -1

    def set_rows(self, rows: Iterable[PatientRow]) -> None:
        self.beginResetModel()
        self._cache = {row.id: self._cached(row) for row in rows}
        self._ids = list(self._cache)
        self._sort_ids()
        self._index_keys()
        self.endResetModel()

    def update_row(self, row: PatientRow) -> None:
        """Refresh one patient after a change (or append it when new)."""
        if row.id not in self._cache:
            position = len(self._ids)
            self.beginInsertRows(QModelIndex(), position, position)
            self._cache[row.id] = self._cached(row)
            self._ids.append(row.id)
            self._index_keys()
            self.endInsertRows()
            self._resort()
            return
        self._cache[row.id] = self._cached(row)
        position = self._ids.index(row.id)
        self._index_keys()
        self.dataChanged.emit(self.index(position, 0), self.index(position, len(self._columns) - 1))
        self._resort()

    def row_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, patient_id: int) -> int:
        """The model row of a patient, -1 when not listed."""
        return self._ids.index(patient_id) if patient_id in self._cache else -1

    def patient(self, row: int) -> PatientRow:
        return self._cache[self._ids[row]].row

    def _cached(self, row: PatientRow) -> _Cached:
        status = patients.STATUS_FIELD.code_label(row.status, self._language)
        if row.voided:
            status = self.tr("{status} (void)").format(status=status)
        sex = patients.PATIENT_FIELDS["sex"].code_label(row.sex, self._language)
        identity = row.identity
        name = f"{identity.family_name}, {identity.given_names}" if identity else ""
        hospital = identity.hospital_number if identity else ""
        cells: dict[str, tuple[str, object]] = {
            "subject_number": (row.subject_number, natural_key(row.subject_number)),
            "status": (status, (self._status_order.get(row.status, 99), row.voided)),
            "sex": (sex, sex.casefold()),
            "birth_year": (str(row.birth_year), row.birth_year),
            "consent_date": (row.consent_date.isoformat(), row.consent_date.toordinal()),
            "name": (name, name.casefold()),
            "hospital_number": (hospital, natural_key(hospital)),
        }
        display = tuple(cells[c][0] for c in self._columns)
        sort = tuple(self._sort_value(cells[c][1]) for c in self._columns)
        search = "\x1f".join((row.subject_number, name, hospital)).casefold()
        return _Cached(row, display, sort, search)

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by the precomputed keys (values, not texts); ties by subject number."""
        self._sort_column = column
        self._sort_order = order
        if not 0 <= column < len(self._columns):
            return
        self.layoutAboutToBeChanged.emit()
        before = list(self._ids)
        self._sort_ids()
        self._index_keys()
        persistent = self.persistentIndexList()
        if persistent:
            new_rows = {patient_id: row for row, patient_id in enumerate(self._ids)}
            self.changePersistentIndexList(
                persistent,
                [self.index(new_rows[before[old.row()]], old.column()) for old in persistent],
            )
        self.layoutChanged.emit()

    def _sort_ids(self) -> None:
        column = self._sort_column
        if not 0 <= column < len(self._columns):
            return
        cache = self._cache
        self._ids.sort(
            key=lambda i: (cache[i].sort[column], cache[i].sort[0]),
            reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
        )

    def _index_keys(self) -> None:
        cache = self._cache
        self.filter_keys = [
            (VOID_MARK if cache[i].row.voided else " ") + cache[i].search for i in self._ids
        ]

    def _resort(self) -> None:
        if 0 <= self._sort_column < len(self._columns):
            self.sort(self._sort_column, self._sort_order)

    @staticmethod
    def _sort_value(key: object) -> object:
        # QVariant compares ints and strings by value; tuples are flattened to one string.
        if isinstance(key, tuple):
            return "".join(f"{int(part):06d}" for part in key)
        return key

    # -- QAbstractTableModel ----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        cached = self._cache[self._ids[index.row()]]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return cached.display[column]
        if role == SORT_ROLE:
            return cached.sort[column]
        if role == SEARCH_ROLE:
            return cached.search
        if role == ID_ROLE:
            return cached.row.id
        if role == VOIDED_ROLE:
            return cached.row.voided
        if not cached.row.voided:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return _VOID_BRUSH
        if role == Qt.ItemDataRole.FontRole and self._columns[column] != "status":
            return self._strike
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Void: {reason}").format(reason=cached.row.void_reason or "")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._titles)
        ):
            return self._titles[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return _NO_FLAGS
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


class PatientFilterProxy(QSortFilterProxyModel):
    """Filter as you type over subject number, name and hospital number; hide voided on request.

    ``filterAcceptsRow`` reads the model's precomputed lower-case key directly: one substring
    test per row, no ``data()`` round trip through Qt.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._show_voided = True
        self._patients: PatientTableModel | None = None
        self.setFilterRole(SEARCH_ROLE)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def setSourceModel(self, sourceModel: QAbstractItemModel) -> None:  # noqa: N803 Qt's name
        self._patients = sourceModel if isinstance(sourceModel, PatientTableModel) else None
        super().setSourceModel(sourceModel)

    @property
    def filter_text(self) -> str:
        return self._needle

    def set_filter_text(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle == self._needle:
            return
        self._needle = needle
        self._refilter()

    @property
    def show_voided(self) -> bool:
        return self._show_voided

    def set_show_voided(self, show: bool) -> None:
        if show == self._show_voided:
            return
        self._show_voided = show
        self._refilter()

    def _refilter(self) -> None:
        # One layout change instead of incremental row inserts/removes: widening the filter
        # would otherwise emit one rowsInserted per gap between matches, each re-laying out the
        # whole view (hundreds of milliseconds on 10,000 rows).
        self.invalidate()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self._patients
        if model is None:  # any other model: same rule, through its SEARCH_ROLE
            source = self.sourceModel()
            key = source.index(source_row, 0, source_parent).data(SEARCH_ROLE)
            return self._needle in str(key or "")
        key = model.filter_keys[source_row]
        return self._needle in key and (self._show_voided or key[0] != VOID_MARK)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Let the model sort its own rows on precomputed keys.

        Sorting here would make every row the filter lets back in (Backspace) cost a binary
        search of ``data()`` calls; the model sorts 10,000 rows in a few milliseconds instead.
        """
        if self._patients is None:
            super().sort(column, order)
            return
        self._patients.sort(column, order)

    def row_id(self, row: int) -> int:
        return int(self.index(row, 0).data(ID_ROLE))


class _FilterEdit(QLineEdit):
    """The filter box: Down moves into the table, so the keyboard never has to leave the list."""

    downPressed = Signal()  # noqa: N815 Qt signal name

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.downPressed.emit()
            return
        super().keyPressEvent(event)


class PatientListView(QWidget):
    """The registry: filter box, table, Register button and a count of shown patients."""

    patientActivated = Signal(int)  # noqa: N815 Qt signal name
    # The PatientRow the register dialog saved.
    patientRegistered = Signal(object)  # noqa: N815 Qt signal name

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.model = PatientTableModel(ctx, self)
        self.proxy = PatientFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = _FilterEdit(self)
        self.filter_edit.setObjectName("patient_filter")
        self.filter_edit.setPlaceholderText(
            self.tr("Filter: subject number, name or hospital number")
            if ctx.user.may("view_identity")
            else self.tr("Filter: subject number")
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.show_voided = QCheckBox(self.tr("Show voided"), self)
        self.show_voided.setObjectName("show_voided")
        self.show_voided.setChecked(True)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("patient_count")
        self.register_button = QPushButton(self.tr("Register patient…"), self)
        self.register_button.setObjectName("register_patient")
        self.register_button.setVisible(ctx.user.may("enter_data"))
        self.error_label = QLabel(self)
        self.error_label.setObjectName("service_error")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self._error_code: str | None = None

        self.table = QTableView(self)
        self.table.setObjectName("patient_table")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)

        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 3)
        top.addWidget(self.show_voided)
        top.addStretch(1)
        top.addWidget(self.count_label)
        top.addWidget(self.register_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)
        QWidget.setTabOrder(self.filter_edit, self.show_voided)
        QWidget.setTabOrder(self.show_voided, self.register_button)
        QWidget.setTabOrder(self.register_button, self.table)

        self.filter_edit.textChanged.connect(self._on_filter)
        self.filter_edit.returnPressed.connect(self._on_filter_return)
        self.filter_edit.downPressed.connect(self._focus_table)
        self.show_voided.toggled.connect(self._on_show_voided)
        self.setFocusProxy(self.table)  # back from a patient: arrows and Enter work at once
        self.table.activated.connect(self._on_activated)
        self.register_button.clicked.connect(self.register_patient)
        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._update_count)
        self._update_count()
        self._size_columns()

    # -- public ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload every patient from the study, keeping the selected patient selected."""
        selected = self.selected_id()
        try:
            rows = patients.list_patients(self._ctx.study, self._ctx.user, include_voided=True)
        except ServiceError as error:
            self._show_error(error)
            return
        self._show_error(None)
        self.model.set_rows(rows)
        self._size_columns()
        if selected is not None:
            self.select_patient(selected)

    def update_patient(self, row: PatientRow) -> None:
        """Show one changed (or new) patient without reloading the list."""
        self.model.update_row(row)

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isSelected(index):
            return None
        return int(index.siblingAtColumn(0).data(ID_ROLE))

    def select_patient(self, patient_id: int) -> bool:
        source_row = self.model.row_of(patient_id)
        if source_row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def shown_count(self) -> int:
        return self.proxy.rowCount()

    def error_code(self) -> str | None:
        return self._error_code

    def register_patient(self) -> QWidget:
        """Open the register dialog (window-modal, not exec()); returns it for the caller."""
        from sscvisit.ui.register_dialog import RegisterPatientDialog

        dialog = RegisterPatientDialog(self._ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.registered.connect(self._on_registered)
        dialog.open()
        return dialog

    # -- internals ---------------------------------------------------------------------------

    def _on_registered(self, row: PatientRow) -> None:
        self.model.update_row(row)
        if not self.select_patient(row.id):  # hidden by the filter: clear it so it shows
            self.filter_edit.clear()
            self.select_patient(row.id)
        self.patientRegistered.emit(row)

    def _on_filter(self, text: str) -> None:
        self.proxy.set_filter_text(text)

    def _on_show_voided(self, show: bool) -> None:
        self.proxy.set_show_voided(show)

    def _on_filter_return(self) -> None:
        if self.proxy.rowCount() == 1:
            self.patientActivated.emit(self.proxy.row_id(0))
        else:
            self._focus_table()

    def _focus_table(self) -> None:
        if self.proxy.rowCount() == 0:
            return
        if self.selected_id() is None:
            self.table.selectRow(0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.patientActivated.emit(int(index.siblingAtColumn(0).data(ID_ROLE)))

    def _update_count(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        if total == 1:
            text = self.tr("1 patient ({shown} shown)").format(shown=shown)
        else:
            text = self.tr("{total} patients ({shown} shown)").format(total=total, shown=shown)
        self.count_label.setText(text)

    def _size_columns(self) -> None:
        metrics = self.table.fontMetrics()
        language = self._ctx.language
        statuses = [
            c.label_nl if language == "nl" else c.label_en for c in patients.STATUS_FIELD.codes
        ]
        widest_status = max(statuses, key=metrics.horizontalAdvance)
        sexes = [
            patients.PATIENT_FIELDS["sex"].code_label(c.value, language)
            for c in patients.PATIENT_FIELDS["sex"].codes
        ]
        void_status = QCoreApplication.translate("PatientTableModel", "{status} (void)")
        void_status = void_status.format(status=widest_status)
        samples: Sequence[tuple[str, str]] = (
            ("subject_number", "SSC-0000"),
            (
                "status",
                QCoreApplication.translate("PatientTableModel", "{status} (void)").format(
                    status=widest_status
                ),
            ),
            ("sex", max(sexes, key=metrics.horizontalAdvance)),
            ("birth_year", "0000"),
            ("consent_date", "0000-00-00"),
            ("name", "Van den Heuvel-Xxxxxxx, Anna Maria"),
        )
        for key, sample in samples:
            column = self.model.column_of(key)
            if column < 0:
                continue
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
            self.table.setColumnWidth(column, width + 28)

    def _show_error(self, error: ServiceError | None) -> None:
        if error is None:
            self._error_code = None
            self.error_label.hide()
            return
        self._error_code = code_of(error)
        self.error_label.setText(service_message(error))
        self.error_label.show()
