"""This week, for the whole study: the visits due this week and those overdue.

Two tables over ``visits.due_and_overdue``; the headings carry the week and the counts.
Enter or a double-click on a row opens that patient (``patientActivated``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

from PySide6.QtCore import QDate, QLocale, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sscvisit.services import clock, completeness, visits
from sscvisit.services.completeness import IncompleteVisit
from sscvisit.services.dto import VisitInfo
from sscvisit.services.errors import ServiceError
from sscvisit.services.protocol import week_of
from sscvisit.ui.context import UiContext
from sscvisit.ui.register_dialog import ErrorBanner
from sscvisit.ui.table_model import Column, RowsModel, empty_table_label, set_up_table
from sscvisit.ui.visit_dialogs import window_text
from sscvisit.ui.visit_forms import form_label

PATIENT_ROLE = int(Qt.ItemDataRole.UserRole)
VISIT_ROLE = PATIENT_ROLE + 1

Kind = Literal["due", "overdue"]


class DueVisitModel(RowsModel[VisitInfo]):
    """Visits of many patients, one row each; the last column counts days left or overdue."""

    TEXT_TOOLTIPS = True

    def __init__(self, kind: Kind, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kind: Kind = kind
        self._today = clock.today()
        self.set_columns(
            [
                Column(self.tr("Subject"), lambda visit: visit.subject_number, bold=True),
                Column(self.tr("Visit"), lambda visit: visit.label(language)),
                Column(self.tr("Target date"), lambda visit: _date_text(visit.target_date)),
                Column(self.tr("Window"), window_text),
                Column(
                    self.tr("Days left") if kind == "due" else self.tr("Days overdue"),
                    self._days_text,
                    numeric=True,
                ),
            ]
        )

    def set_visits(self, rows: Sequence[VisitInfo], today: dt.date) -> None:
        self._today = today
        self.set_rows(
            sorted(
                rows,
                key=lambda v: (
                    v.window_end or v.target_date or today,
                    v.subject_number,
                    v.sequence,
                ),
            )
        )

    def days(self, visit: VisitInfo) -> int | None:
        """Days left in the window (due), or days since it closed (overdue)."""
        end = visit.window_end or visit.target_date
        if end is None:
            return None
        return (end - self._today).days if self.kind == "due" else (self._today - end).days

    def _days_text(self, visit: VisitInfo) -> str:
        days = self.days(visit)
        if days is None:
            return "—"
        if self.kind == "due" and days == 0:
            return self.tr("last day")
        return str(days)

    def row_data(self, visit: VisitInfo, role: int) -> object:
        if role == PATIENT_ROLE:
            return visit.patient_id
        if role == VISIT_ROLE:
            return visit.id
        return None


class IncompleteVisitModel(RowsModel[IncompleteVisit]):
    """Recorded visits with forms still missing (``completeness.incomplete_visits``)."""

    TEXT_TOOLTIPS = True

    def __init__(self, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.set_columns(
            [
                Column(self.tr("Subject"), lambda visit: visit.subject_number, bold=True),
                Column(self.tr("Visit"), lambda visit: visit.label(language)),
                Column(self.tr("Date"), lambda visit: _date_text(visit.visit_date)),
                Column(
                    self.tr("Missing"),
                    lambda visit: ", ".join(form_label(code, language) for code in visit.missing),
                ),
            ]
        )

    def row_data(self, visit: IncompleteVisit, role: int) -> object:
        if role == PATIENT_ROLE:
            return visit.patient_id
        if role == VISIT_ROLE:
            return visit.visit_id
        return None


def _date_text(day: dt.date | None) -> str:
    return day.isoformat() if day else "—"


class WeekOverview(QWidget):
    """The "This week" page: what is due this week and what is overdue, for every patient."""

    patientActivated = Signal(int)  # noqa: N815 Qt signal name

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._today: dt.date | None = None
        self._locale = (
            QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
            if ctx.language == "nl"
            else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
        )
        self._week = self.week_text(clock.today())
        self.setObjectName("week_overview")

        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setBold(True)
        self.title = QLabel(self.tr("This week"), self)
        self.title.setObjectName("week_title")
        self.title.setFont(title_font)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setObjectName("refresh")
        self.banner = ErrorBanner(self)

        heading_font = QFont(self.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.2)
        heading_font.setBold(True)
        self.due_model = DueVisitModel("due", ctx.language, self)
        self.overdue_model = DueVisitModel("overdue", ctx.language, self)
        self.due_heading = QLabel(self)
        self.due_heading.setObjectName("due_heading")
        self.due_heading.setFont(heading_font)
        self.overdue_heading = QLabel(self)
        self.overdue_heading.setObjectName("overdue_heading")
        self.overdue_heading.setFont(heading_font)
        self.overdue_heading.setStyleSheet("color: #b71c1c;")
        self.due_table = QTableView(self)
        set_up_table(self.due_table, self.due_model, stretch=[1])
        self.due_table.setObjectName("due_table")
        self.overdue_table = QTableView(self)
        set_up_table(self.overdue_table, self.overdue_model, stretch=[1])
        self.overdue_table.setObjectName("overdue_table")
        self.due_empty = empty_table_label(self.tr("Nothing is due this week."), self)
        self.overdue_empty = empty_table_label(self.tr("Nothing is overdue."), self)
        self.due_stack = self._stack(self.due_table, self.due_empty)
        self.overdue_stack = self._stack(self.overdue_table, self.overdue_empty)
        # Recorded visits whose protocol forms are not all saved, reviewed or marked not done.
        self.incomplete_model = IncompleteVisitModel(ctx.language, self)
        self.incomplete_heading = QLabel(self)
        self.incomplete_heading.setObjectName("incomplete_heading")
        self.incomplete_heading.setFont(heading_font)
        self.incomplete_table = QTableView(self)
        set_up_table(self.incomplete_table, self.incomplete_model, stretch=[3])
        self.incomplete_table.setObjectName("incomplete_table")
        self.incomplete_empty = empty_table_label(
            self.tr("Every recorded visit is complete."), self
        )
        self.incomplete_stack = self._stack(self.incomplete_table, self.incomplete_empty)
        self.hint = QLabel(
            self.tr("Double-click a visit, or select it and press Enter, to open the patient."),
            self,
        )
        self.hint.setObjectName("hint")
        self.hint.setEnabled(False)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.due_heading)
        layout.addWidget(self.due_stack, 3)
        layout.addSpacing(8)
        layout.addWidget(self.overdue_heading)
        layout.addWidget(self.overdue_stack, 2)
        layout.addSpacing(8)
        layout.addWidget(self.incomplete_heading)
        layout.addWidget(self.incomplete_stack, 2)
        layout.addWidget(self.hint)
        QWidget.setTabOrder(self.due_table, self.overdue_table)
        QWidget.setTabOrder(self.overdue_table, self.incomplete_table)
        QWidget.setTabOrder(self.incomplete_table, self.refresh_button)

        self.refresh_button.clicked.connect(lambda: self.refresh(self._today))
        for table in (self.due_table, self.overdue_table, self.incomplete_table):
            table.activated.connect(self._on_activated)
        self._show_counts(0, 0)
        self._show_incomplete([])

    def _stack(self, table: QTableView, empty: QLabel) -> QStackedWidget:
        stack = QStackedWidget(self)
        stack.addWidget(table)
        stack.addWidget(empty)
        return stack

    # -- public ------------------------------------------------------------------------------

    def refresh(self, today: dt.date | None = None) -> None:
        """Reload for the week holding ``today`` (the workstation's date when None)."""
        self._today = today
        day = today or clock.today()
        try:
            due, overdue = visits.due_and_overdue(self._ctx.study, self._ctx.user, today=day)
        except ServiceError as error:
            self.banner.show_service_error(error)
            due, overdue = [], []
        else:
            self.banner.clear_error()
        self.due_model.set_visits(due, day)
        self.overdue_model.set_visits(overdue, day)
        self._week = self.week_text(day)
        self._show_counts(len(due), len(overdue))
        self.due_stack.setCurrentWidget(self.due_table if due else self.due_empty)
        self.overdue_stack.setCurrentWidget(self.overdue_table if overdue else self.overdue_empty)
        try:
            incomplete = completeness.incomplete_visits(self._ctx.study, self._ctx.user)
        except ServiceError as error:
            self.banner.show_service_error(error)
            incomplete = []
        self._show_incomplete(incomplete)

    def _show_incomplete(self, rows: Sequence[IncompleteVisit]) -> None:
        self.incomplete_model.set_rows(rows)
        self.incomplete_heading.setText(
            self.tr("Recorded visits with forms missing: {count}").format(count=len(rows))
        )
        self.incomplete_stack.setCurrentWidget(
            self.incomplete_table if rows else self.incomplete_empty
        )

    def error_code(self) -> str | None:
        return self.banner.code

    def week_text(self, day: dt.date) -> str:
        monday, sunday = week_of(day)
        return "{monday} – {sunday}".format(
            monday=self._locale.toString(QDate(monday.year, monday.month, monday.day), "ddd d MMM"),
            sunday=self._locale.toString(QDate(sunday.year, sunday.month, sunday.day), "ddd d MMM"),
        )

    # -- internals ---------------------------------------------------------------------------

    def _show_counts(self, due: int, overdue: int) -> None:
        self.due_heading.setText(
            self.tr("Due this week ({week}): {count}").format(week=self._week, count=due)
        )
        self.overdue_heading.setText(self.tr("Overdue: {count}").format(count=overdue))

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.patientActivated.emit(int(index.data(PATIENT_ROLE)))
