"""The adverse event log of one patient: every AE by number, serious ones and their reporting.

A tab of the patient page. One row per event (void ones struck out, with the reason in the
tooltip); New… records one at a visit, Open… (or a double-click, or Enter) shows it for a
follow-up report. ``changed`` carries the patient id after anything was saved, so the page and
the SAE banner can refresh.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sscvisit.services import clock, safety
from sscvisit.services.errors import ServiceError
from sscvisit.services.safety import AeInfo
from sscvisit.ui.ae_dialog import AdverseEventDialog
from sscvisit.ui.context import UiContext
from sscvisit.ui.register_dialog import ErrorBanner
from sscvisit.ui.sae_watch import ae_label, countdown_text, moment_text
from sscvisit.ui.table_model import Column, RowsModel, set_up_table

OVERDUE_TEXT = QColor("#b00020")
SERIOUS_BACKGROUND = QColor("#fde7ea")
VOID_TEXT = QColor("#8a8a8a")


class AeLogModel(RowsModel[AeInfo]):
    """One row per adverse event of the patient (a row cache over the service's AeInfo)."""

    NUMBER, TERM, DATES, INTENSITY, GRADE, RELATION, REPORT = range(7)
    IdRole: ClassVar[int] = int(Qt.ItemDataRole.UserRole) + 1

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._now = clock.now_local()
        intensity = safety.AE_FIELDS["intensity"]
        self.set_columns(
            [
                Column(self.tr("AE"), lambda info: ae_label(info.number)),
                Column(self.tr("Event"), lambda info: info.term, tooltip=self.term_tooltip),
                Column(self.tr("Onset\nend"), self.dates_text),
                Column(
                    self.tr("Intensity"),
                    lambda info: intensity.code_label(info.intensity, language),
                ),
                Column(self.tr("WHO"), lambda info: str(info.who_grade)),
                Column(
                    self.tr("Related to\nproduct / procedure"),
                    self.relation_text,
                    tooltip=self.relation_tooltip,
                ),
                Column(self.tr("Serious:\nSAE report"), self.report_text, self.report_tooltip),
            ]
        )

    def set_rows(self, rows: Iterable[AeInfo], now: dt.datetime | None = None) -> None:
        self._now = now or clock.now_local()
        super().set_rows(rows)

    def dates_text(self, info: AeInfo) -> str:
        if info.ongoing:
            end = self.tr("ongoing")
        else:
            end = info.end_date.isoformat() if info.end_date is not None else "—"
        return f"{info.onset_date.isoformat()}\n{end}"

    def relation_text(self, info: AeInfo) -> str:
        fields = safety.AE_FIELDS
        product = fields["relation_product"].code_label(info.relation_product, self._language)
        procedure = fields["relation_procedure"].code_label(info.relation_procedure, self._language)
        return f"{product}\n{procedure}"

    def report_text(self, info: AeInfo) -> str:
        """Not serious, or an SAE and where its sponsor report stands."""
        state = info.report_state
        if state == "not_serious":
            return self.tr("no")
        if state in {"due", "overdue"}:
            if info.deadline is None:
                where = self.tr("due")
            else:
                where = countdown_text(info.deadline, self._now)
        elif state == "reported_in_time":
            where = self.tr("reported in time")
        else:
            where = self.tr("reported late")
        sae = self.tr("SAE")
        return f"{sae}\n{where}"

    def term_tooltip(self, info: AeInfo) -> str:
        return f"{info.term} ({info.meddra_code})" if info.meddra_code else info.term

    def relation_tooltip(self, info: AeInfo) -> str:
        language = self._language
        lines = []
        for name in ("relation_product", "relation_procedure"):
            field = safety.AE_FIELDS[name]
            lines.append(
                f"{field.label(language)}: {field.code_label(getattr(info, name), language)}"
            )
        return "\n".join(lines)

    def report_tooltip(self, info: AeInfo) -> str | None:
        if not info.serious:
            return None
        lines = [safety.AE_FIELDS[name].label(self._language) for name in info.criteria()]
        if info.deadline is not None:
            reported = moment_text(info.reported_at) if info.reported_at else self.tr("not yet")
            lines.append(
                self.tr("Aware {aware} · report by {deadline} · reported {reported}").format(
                    aware=moment_text(info.aware_at),
                    deadline=moment_text(info.deadline),
                    reported=reported,
                )
            )
        return "\n".join(lines)

    def cell_tooltip(self, info: AeInfo, column: int) -> str | None:
        if info.voided:
            return self.tr("Void: {reason}").format(reason=info.void_reason or "")
        return super().cell_tooltip(info, column)

    def cell_font(self, info: AeInfo, column: int) -> QFont:
        font = QFont()
        font.setStrikeOut(info.voided)
        font.setBold(column == self.REPORT and info.serious and not info.voided)
        return font

    def cell_foreground(self, info: AeInfo, column: int) -> QColor | None:
        if info.voided:
            return VOID_TEXT
        if column == self.REPORT and info.report_state in {"overdue", "reported_late"}:
            return OVERDUE_TEXT
        return None

    def cell_background(self, info: AeInfo, column: int) -> QColor | None:
        if info.serious and not info.voided and column == self.REPORT:
            return SERIOUS_BACKGROUND
        return None

    def row_data(self, info: AeInfo, role: int) -> object:
        return info.id if role == self.IdRole else None


class _LogTable(QTableView):
    """Enter opens the selected event, like a double-click."""

    openRequested = Signal()  # noqa: N815 Qt signal name

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in {Qt.Key.Key_Return, Qt.Key.Key_Enter} and self.currentIndex().isValid():
            self.openRequested.emit()
            return
        super().keyPressEvent(event)


class AdverseEventLog(QWidget):
    """The AE log of the patient shown (``show_patient``); New… and Open… open the AE dialog."""

    changed = Signal(int)  # patient id, after an AE was saved or voided

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._patient_id: int | None = None
        self.dialog: AdverseEventDialog | None = None
        self.model = AeLogModel(ctx.language, self)
        self.table = _LogTable(self)
        self.table.setObjectName("ae_table")
        set_up_table(self.table, self.model, stretch=[AeLogModel.TERM], alternate=False)
        self.table.setStyleSheet("QTableView::item { padding: 2px 4px; }")
        # Two lines a row (relations; SAE and its report), so the event term keeps its room.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(self.tr("Adverse events"))
        self.summary = QLabel(self)
        self.summary.setObjectName("ae_summary")
        self.banner = ErrorBanner(self)
        self.new_button = QPushButton(self.tr("New adverse event…"), self)
        self.new_button.setObjectName("new_ae")
        self.open_button = QPushButton(self.tr("Open…"), self)
        self.open_button.setObjectName("open_ae")
        self.new_button.setVisible(ctx.user.may("enter_data"))

        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)

        self.new_button.clicked.connect(self.new_event)
        self.open_button.clicked.connect(self.open_selected)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.openRequested.connect(self.open_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        QWidget.setTabOrder(self.new_button, self.open_button)
        QWidget.setTabOrder(self.open_button, self.table)
        self._update_buttons()

    # -- public ------------------------------------------------------------------------------

    def patient_id(self) -> int | None:
        return self._patient_id

    def show_patient(self, patient_id: int | None) -> None:
        self._patient_id = patient_id
        self.refresh()

    def refresh(self) -> None:
        self.banner.clear_error()
        rows: list[AeInfo] = []
        if self._patient_id is not None:
            try:
                rows = safety.list_aes(self._ctx.study, self._ctx.user, self._patient_id)
            except ServiceError as error:
                self.banner.show_service_error(error)
        selected = self.selected()
        self.model.set_rows(rows)
        if selected is not None:
            self.select_ae(selected.id)
        self._update_summary(rows)
        self._update_buttons()

    def rows(self) -> list[AeInfo]:
        return self.model.rows()

    def selected(self) -> AeInfo | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().hasSelection():
            return None
        return self.model.row_at(index.row())

    def select_ae(self, ae_id: int) -> bool:
        for row, info in enumerate(self.model.rows()):
            if info.id == ae_id:
                self.table.selectRow(row)
                return True
        return False

    def new_event(self) -> AdverseEventDialog | None:
        if self._patient_id is None or not self._ctx.user.may("enter_data"):
            return None
        return self._open_dialog(None)

    def open_selected(self) -> AdverseEventDialog | None:
        info = self.selected()
        if info is None or self._patient_id is None:
            return None
        return self._open_dialog(info.id)

    # -- internals ---------------------------------------------------------------------------

    def _open_dialog(self, ae_id: int | None) -> AdverseEventDialog:
        assert self._patient_id is not None
        dialog = AdverseEventDialog(self._ctx, self._patient_id, None, self, ae_id=ae_id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_saved)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_saved(self, patient_id: int) -> None:
        self.refresh()
        self.changed.emit(patient_id)

    def _update_summary(self, rows: Sequence[AeInfo]) -> None:
        valid = [r for r in rows if not r.voided]
        if self._patient_id is None:
            self.summary.clear()
        elif not valid:
            self.summary.setText(self.tr("No adverse events recorded."))
        else:
            serious = sum(1 for r in valid if r.serious)
            self.summary.setText(
                self.tr("Adverse events: {n}, of which serious (SAE): {s}").format(
                    n=len(valid), s=serious
                )
            )

    def _update_buttons(self) -> None:
        has_patient = self._patient_id is not None
        self.new_button.setEnabled(has_patient)
        self.open_button.setEnabled(has_patient and self.selected() is not None)


__all__ = ["AdverseEventLog", "AeLogModel"]
