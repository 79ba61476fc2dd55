"""The audit trail viewer: who changed what, when and why, newest first.

The rows come from ``patients.audit_trail``, which already masks identity values for roles that
may not see them; this screen only shows what it is given. Times are stored as UTC stamps and
shown in the workstation's local time (the UTC value is in the tooltip and the details pane).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from typing import ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sscvisit.model.fields import Field
from sscvisit.services import audit, patients
from sscvisit.services.clock import parse_stamp
from sscvisit.services.dto import AuditRow
from sscvisit.services.errors import PermissionDenied, ServiceError
from sscvisit.ui.context import UiContext
from sscvisit.ui.messages import service_message

AnyIndex = QModelIndex | QPersistentModelIndex

# Actions the services write; the viewer has a translated label for each (others show the code).
KNOWN_ACTIONS: tuple[str, ...] = (
    "insert",
    "update",
    "void",
    "login",
    "login_failed",
    "logout",
    "lockout",
    "account_created",
    "role_changed",
    "export",
)

DEFAULT_LIMIT = 5000
_NEW_FILTER_API = hasattr(QSortFilterProxyModel, "beginFilterChange")


def local_time(stamp: str | None) -> str:
    """A stored UTC stamp as the workstation's local wall-clock time (seconds precision)."""
    if not stamp:
        return ""
    try:
        moment = parse_stamp(stamp)
    except ValueError:
        return stamp  # never hide a value we cannot read; show it as stored
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def utc_time(stamp: str | None) -> str:
    """A stored UTC stamp written out in full, marked as UTC."""
    if not stamp:
        return ""
    try:
        moment = parse_stamp(stamp)
    except ValueError:
        return stamp
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f UTC")


def _declared_fields() -> dict[tuple[str, str], Field]:
    """Field declarations of every audited table, to show labels instead of column names."""
    return audit.declared_fields()


class AuditTableModel(QAbstractTableModel):
    """One row per audit entry; the display texts are computed once per load (a row cache)."""

    WHEN, USER, ACTION, SUBJECT, RECORD, FIELD, OLD, NEW, REASON = range(9)
    COLUMN_COUNT = 9
    SortRole: ClassVar[int] = int(Qt.ItemDataRole.UserRole) + 1
    ActionRole: ClassVar[int] = int(Qt.ItemDataRole.UserRole) + 2
    UserNameRole: ClassVar[int] = int(Qt.ItemDataRole.UserRole) + 3
    SearchRole: ClassVar[int] = int(Qt.ItemDataRole.UserRole) + 4
    # Values longer than this are shortened in the cell; the tooltip and details show them whole.
    CELL_CHARS = 80

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._rows: list[AuditRow] = []
        self._texts: list[tuple[str, ...]] = []
        self._search: list[str] = []
        self._fields = _declared_fields()
        self._tables = audit.table_labels()

    # -- labels ------------------------------------------------------------------------------
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("When"),
            self.tr("User"),
            self.tr("Action"),
            self.tr("Subject"),
            self.tr("Record"),
            self.tr("Field"),
            self.tr("Old value"),
            self.tr("New value"),
            self.tr("Reason"),
        )

    def action_label(self, action: str) -> str:
        labels = {
            "insert": self.tr("Created"),
            "update": self.tr("Changed"),
            "void": self.tr("Voided"),
            "login": self.tr("Logged in"),
            "login_failed": self.tr("Login failed"),
            "logout": self.tr("Logged out"),
            "lockout": self.tr("Account locked"),
            "account_created": self.tr("Account created"),
            "role_changed": self.tr("Role changed"),
            "export": self.tr("Export"),
        }
        return labels.get(action, action)

    def table_label(self, table: str) -> str:
        labels = self._tables.get(table)
        if labels is None:
            return table
        return labels[1] if self._language == "nl" else labels[0]

    def value_text(self, table: str | None, name: str | None, value: str | None) -> str:
        """A stored value as a person reads it: code lists show their label, flags yes/no."""
        if value is None:
            return ""
        spec = self._fields.get((table or "", name or ""))
        if spec is not None and spec.codes:
            return spec.code_label(value, self._language)
        if (spec is not None and spec.kind == "bool") or name in {"voided", "active", "locked"}:
            return (
                self.tr("yes") if value == "true" else self.tr("no") if value == "false" else value
            )
        return value

    def field_label(self, table: str | None, name: str | None) -> str:
        if not name:
            return ""
        spec = self._fields.get((table or "", name))
        if spec is not None:
            return spec.label(self._language)
        # Columns with no form field of their own (assigned, bookkeeping or account columns).
        labels = {
            "subject_number": self.tr("Subject number"),
            "created_utc": self.tr("Created (UTC)"),
            "patient_id": self.tr("Patient record"),
            "voided": self.tr("Void"),
            "void_reason": self.tr("Reason for voiding"),
            "username": self.tr("User name"),
            "full_name": self.tr("Full name"),
            "role": self.tr("Role"),
            "active": self.tr("Active"),
            "locked": self.tr("Locked"),
            "must_change_password": self.tr("Must change password"),
            "password_hash": self.tr("Password"),
        }
        if table == "study_settings":
            labels.update({"key": self.tr("Setting"), "value": self.tr("Value")})
        return labels.get(name, name)

    def record_label(self, row: AuditRow) -> str:
        if not row.table_name:
            return ""
        table = self.table_label(row.table_name)
        return f"{table} {row.record_id}" if row.record_id else table

    # -- data --------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[AuditRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._texts = [self._row_texts(r) for r in self._rows]
        self._search = ["\x1f".join(t).casefold() for t in self._texts]
        self.endResetModel()

    def rows(self) -> list[AuditRow]:
        return list(self._rows)

    def row_at(self, row: int) -> AuditRow:
        return self._rows[row]

    def _row_texts(self, row: AuditRow) -> tuple[str, ...]:
        return (
            local_time(row.timestamp_utc),
            row.username,
            self.action_label(row.action),
            row.subject_number or "",
            self.record_label(row),
            self.field_label(row.table_name, row.field),
            self.value_text(row.table_name, row.field, row.old_value),
            self.value_text(row.table_name, row.field, row.new_value),
            row.reason or "",
        )

    def matches(self, row: int, needle: str) -> bool:
        """Whether any column of the row contains the (case-folded) text."""
        return needle in self._search[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < self.COLUMN_COUNT
        ):
            return self.headers()[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        column = index.column()
        if not 0 <= column < self.COLUMN_COUNT:
            return None
        row = self._rows[index.row()]
        text = self._texts[index.row()][column]
        if role == Qt.ItemDataRole.DisplayRole:
            if len(text) > self.CELL_CHARS:
                return text[: self.CELL_CHARS - 1] + "…"
            return text.replace("\n", " ")
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.WHEN:
                return utc_time(row.timestamp_utc)
            if column == self.ACTION and text != row.action:
                return row.action
            if column == self.FIELD and row.field and text != row.field:
                return row.field
            if len(text) > self.CELL_CHARS or "\n" in text:
                return text
            return None
        if role == self.SortRole:
            # The id follows the order of writing, also between rows with the same stamp.
            return row.id if column == self.WHEN else text.casefold()
        if role == self.ActionRole:
            return row.action
        if role == self.UserNameRole:
            return row.username
        if role == self.SearchRole:
            return self._search[index.row()]
        return None


class AuditFilterProxy(QSortFilterProxyModel):
    """Free text over all columns, plus exact filters on the action and the user."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._action: str | None = None
        self._user: str | None = None
        self.setSortRole(AuditTableModel.SortRole)
        self.setDynamicSortFilter(True)

    def set_text(self, text: str) -> None:
        self._begin_change()
        self._text = text.strip().casefold()
        self._end_change()

    def set_action(self, action: str | None) -> None:
        self._begin_change()
        self._action = action or None
        self._end_change()

    def set_user(self, username: str | None) -> None:
        self._begin_change()
        self._user = username or None
        self._end_change()

    # Qt 6.9 added begin/endFilterChange and deprecated invalidateRowsFilter; both are in range.
    def _begin_change(self) -> None:
        if _NEW_FILTER_API:
            self.beginFilterChange()

    def _end_change(self) -> None:
        if _NEW_FILTER_API:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, AuditTableModel):
            return True
        row = model.row_at(source_row)
        if self._action is not None and row.action != self._action:
            return False
        if self._user is not None and row.username != self._user:
            return False
        return not self._text or model.matches(source_row, self._text)


class AuditViewer(QWidget):
    """The audit trail of the study, or of one patient; read-only by design."""

    patient_cleared = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._patient_id: int | None = None
        self._record: tuple[str, str] | None = None
        self._patient_label = ""
        self._limit = DEFAULT_LIMIT
        self._allowed = ctx.user.may("view_audit")

        self.model = AuditTableModel(ctx.language, self)
        self.proxy = AuditFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search all columns…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search"))
        self.action_filter = QComboBox(self)
        self.action_filter.setAccessibleName(self.tr("Action"))
        self.action_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.user_filter = QComboBox(self)
        self.user_filter.setAccessibleName(self.tr("User"))
        self.user_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.patient_chip = QFrame(self)
        self.patient_chip.setObjectName("patientChip")
        self.patient_chip.setStyleSheet(
            "#patientChip { border: 1px solid palette(mid); border-radius: 10px;"
            " background: palette(alternate-base); }"
        )
        self.patient_label = QLabel(self.patient_chip)
        self.patient_clear = QToolButton(self.patient_chip)
        self.patient_clear.setText("✕")
        self.patient_clear.setAutoRaise(True)
        self.patient_clear.setToolTip(self.tr("Show all patients"))
        self.patient_clear.setAccessibleName(self.tr("Show all patients"))
        chip_layout = QHBoxLayout(self.patient_chip)
        chip_layout.setContentsMargins(8, 0, 2, 0)
        chip_layout.setSpacing(2)
        chip_layout.addWidget(self.patient_label)
        chip_layout.addWidget(self.patient_clear)
        self.patient_chip.hide()

        self.record_button = QPushButton(self.tr("Record history"), self)
        self.record_button.setToolTip(
            self.tr("Show every change of the record of the selected entry, and nothing else")
        )
        self.record_button.setEnabled(False)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.count_label = QLabel(self)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        widths = {
            AuditTableModel.WHEN: 150,
            AuditTableModel.USER: 90,
            AuditTableModel.ACTION: 115,
            AuditTableModel.SUBJECT: 70,
            AuditTableModel.RECORD: 100,
            AuditTableModel.FIELD: 175,
            AuditTableModel.OLD: 150,
            AuditTableModel.NEW: 150,
        }
        for column, width in widths.items():
            header.resizeSection(column, width)
        self.table.sortByColumn(AuditTableModel.WHEN, Qt.SortOrder.DescendingOrder)

        self.details = QTextBrowser(self)
        self.details.setAccessibleName(self.tr("Details of the selected entry"))
        self.details.setPlaceholderText(self.tr("Select an entry to see it in full."))
        self.details.setOpenLinks(False)

        self.denied_label = QLabel(
            service_message(PermissionDenied("view_audit")), self
        )  # only if a role ever lacks view_audit
        self.denied_label.setVisible(not self._allowed)

        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.action_filter)
        top.addWidget(self.user_filter)
        top.addWidget(self.patient_chip)
        top.addStretch(1)
        top.addWidget(self.count_label)
        top.addWidget(self.record_button)
        top.addWidget(self.refresh_button)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([520, 140])

        layout = QVBoxLayout(self)
        layout.addWidget(self.denied_label)
        layout.addLayout(top)
        layout.addWidget(self.error_label)
        layout.addWidget(splitter, 1)
        splitter.setVisible(self._allowed)
        for control in (self.search, self.action_filter, self.user_filter, self.refresh_button):
            control.setEnabled(self._allowed)

        QWidget.setTabOrder(self.search, self.action_filter)
        QWidget.setTabOrder(self.action_filter, self.user_filter)
        QWidget.setTabOrder(self.user_filter, self.patient_clear)
        QWidget.setTabOrder(self.patient_clear, self.record_button)
        QWidget.setTabOrder(self.record_button, self.refresh_button)
        QWidget.setTabOrder(self.refresh_button, self.table)
        QWidget.setTabOrder(self.table, self.details)

        # Scoped to this screen, so the main window's other screens can use the same keys.
        scope = Qt.ShortcutContext.WidgetWithChildrenShortcut
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, context=scope)
        find.activated.connect(self._focus_search)
        reload_ = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, context=scope)
        reload_.activated.connect(self.refresh)
        self.search.textChanged.connect(self._on_text)
        self.action_filter.currentIndexChanged.connect(self._on_action)
        self.user_filter.currentIndexChanged.connect(self._on_user)
        self.patient_clear.clicked.connect(self._clear_patient)
        self.refresh_button.clicked.connect(self.refresh)
        self.record_button.clicked.connect(self.show_selected_record)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self._show_details)
        selection.currentRowChanged.connect(self._update_record_button)

        self._fill_action_filter([])
        self._fill_user_filter([])
        self.refresh()

    # -- public --------------------------------------------------------------------------------
    @property
    def patient_id(self) -> int | None:
        return self._patient_id

    def set_limit(self, limit: int) -> None:
        """How many of the newest entries to load (the service's limit)."""
        self._limit = max(1, limit)
        self.refresh()

    def refresh(self) -> None:
        """Reload from the study database, keeping the filters and the selected entry."""
        if not self._allowed:
            return
        selected = self.selected_row()
        try:
            rows = patients.audit_trail(
                self._ctx.study,
                self._ctx.user,
                patient_id=self._patient_id,
                table_name=self._record[0] if self._record else None,
                record_id=self._record[1] if self._record else None,
                limit=self._limit,
            )
        except ServiceError as exc:
            self._show_error(service_message(exc))
            return
        self._show_error("")
        self.model.set_rows(rows)
        self._fill_action_filter(rows)
        self._fill_user_filter(rows)
        if self._patient_id is not None and not self._patient_label:
            subject = next((r.subject_number for r in rows if r.subject_number), None)
            if subject:
                self._set_patient_label(subject)
        self._update_count()
        if selected is not None:
            self.select_entry(selected.id)
        else:
            self._show_details()

    def set_record(self, table_name: str | None, record_id: str | None) -> None:
        """Show one record's whole history (None: back to the patient or the study)."""
        if table_name is None or record_id is None:
            self._record = None
            self.set_patient(self._patient_id)
            return
        self._record = (table_name, record_id)
        label = f"{self.model.table_label(table_name)} {record_id}"
        self.patient_label.setText(self.tr("Record {record}").format(record=label))
        self.patient_chip.show()
        self.refresh()

    def show_selected_record(self) -> None:
        row = self.selected_row()
        if row is not None and row.table_name and row.record_id:
            self.set_record(row.table_name, row.record_id)

    def set_patient(self, patient_id: int | None, subject_number: str | None = None) -> None:
        """Show only this patient's entries (None: the whole study), reloaded from the service."""
        self._record = None
        self._patient_id = patient_id
        self._patient_label = ""
        if patient_id is None:
            self.patient_chip.hide()
        else:
            if subject_number:
                self._set_patient_label(subject_number)
            else:
                self._set_patient_label(f"#{patient_id}")
                self._patient_label = ""  # filled in from the rows on refresh
            self.patient_chip.show()
        self.refresh()

    def selected_row(self) -> AuditRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())

    def select_entry(self, entry_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(row, 0))
            if self.model.row_at(source.row()).id == entry_id:
                self.table.selectRow(row)
                self.table.setCurrentIndex(self.proxy.index(row, 0))
                return True
        self._show_details()
        return False

    def visible_rows(self) -> list[AuditRow]:
        """The entries as shown, in display order (for tests and printing)."""
        return [
            self.model.row_at(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
            for r in range(self.proxy.rowCount())
        ]

    def set_action_filter(self, action: str | None) -> None:
        index = self.action_filter.findData(action)
        self.action_filter.setCurrentIndex(max(0, index))

    def set_user_filter(self, username: str | None) -> None:
        index = self.user_filter.findData(username)
        self.user_filter.setCurrentIndex(max(0, index))

    # -- internals -----------------------------------------------------------------------------
    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _set_patient_label(self, subject: str) -> None:
        self._patient_label = subject
        self.patient_label.setText(self.tr("Patient {subject}").format(subject=subject))

    def _update_record_button(self, *_args: object) -> None:
        row = self.selected_row()
        self.record_button.setEnabled(
            self._record is None and row is not None and bool(row.table_name and row.record_id)
        )

    def _clear_patient(self) -> None:
        if self._record is not None:
            self.set_record(None, None)
            return
        self.set_patient(None)
        self.patient_cleared.emit()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def _on_text(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_count()

    def _on_action(self, _index: int) -> None:
        data = self.action_filter.currentData()
        self.proxy.set_action(data if isinstance(data, str) else None)
        self._update_count()

    def _on_user(self, _index: int) -> None:
        data = self.user_filter.currentData()
        self.proxy.set_user(data if isinstance(data, str) else None)
        self._update_count()

    def _fill_action_filter(self, rows: Sequence[AuditRow]) -> None:
        current = self.action_filter.currentData()
        actions = list(KNOWN_ACTIONS)
        actions += sorted({r.action for r in rows} - set(KNOWN_ACTIONS))
        self.action_filter.blockSignals(True)
        self.action_filter.clear()
        self.action_filter.addItem(self.tr("All actions"), None)
        for action in actions:
            self.action_filter.addItem(self.model.action_label(action), action)
        index = self.action_filter.findData(current) if isinstance(current, str) else 0
        self.action_filter.setCurrentIndex(max(0, index))
        self.action_filter.blockSignals(False)
        self._on_action(self.action_filter.currentIndex())

    def _fill_user_filter(self, rows: Sequence[AuditRow]) -> None:
        current = self.user_filter.currentData()
        names = sorted({r.username for r in rows})
        if isinstance(current, str) and current not in names:
            names = sorted([*names, current])  # keep a chosen filter even if it matches nothing
        self.user_filter.blockSignals(True)
        self.user_filter.clear()
        self.user_filter.addItem(self.tr("All users"), None)
        for name in names:
            self.user_filter.addItem(name, name)
        index = self.user_filter.findData(current) if isinstance(current, str) else 0
        self.user_filter.setCurrentIndex(max(0, index))
        self.user_filter.blockSignals(False)
        self._on_user(self.user_filter.currentIndex())

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total == 1:
            text = self.tr("1 entry")
        elif shown == total:
            text = self.tr("{n} entries").format(n=total)
        else:
            text = self.tr("{shown} of {total} entries").format(shown=shown, total=total)
        if total >= self._limit:
            text += " " + self.tr("(newest {limit} loaded)").format(limit=self._limit)
        self.count_label.setText(text)

    def _show_details(self, *_args: object) -> None:
        row = self.selected_row()
        if row is None:
            self.details.clear()
            return
        model = self.model
        headers = model.headers()
        items: list[tuple[str, str]] = [
            (headers[AuditTableModel.WHEN], local_time(row.timestamp_utc)),
            (self.tr("UTC"), utc_time(row.timestamp_utc)),
            (headers[AuditTableModel.USER], row.username),
            (headers[AuditTableModel.ACTION], model.action_label(row.action)),
            (headers[AuditTableModel.SUBJECT], row.subject_number or ""),
            (headers[AuditTableModel.RECORD], model.record_label(row)),
            (headers[AuditTableModel.FIELD], model.field_label(row.table_name, row.field)),
            (headers[AuditTableModel.OLD], row.old_value or ""),
            (headers[AuditTableModel.NEW], row.new_value or ""),
            (headers[AuditTableModel.REASON], row.reason or ""),
        ]
        row_html = (
            "<tr><th align='left' valign='top' style='padding-right:12px'>{label}</th>"
            "<td style='white-space:pre-wrap'>{value}</td></tr>"
        )
        cells = "".join(
            row_html.format(label=html.escape(label), value=html.escape(value))
            for label, value in items
            if value
        )
        self.details.setHtml(f"<table cellspacing='2'>{cells}</table>")
