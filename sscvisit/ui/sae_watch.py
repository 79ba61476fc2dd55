"""SAE reporting on every screen: a red banner while an SAE is past its deadline, and a due list.

The sponsor must have every serious adverse event within 24 hours of the site becoming aware
(DOMAIN.md "Safety"). ``SaeBanner`` sits above the main window's pages, so an overdue SAE is in
view whatever page is open, until it is reported; ``SaeDueList`` lists every SAE still to be
reported with a countdown. Both read ``safety.open_saes`` and refresh every minute and on
``refresh()``; the countdowns are recomputed from the deadlines without a database call.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sscvisit.model.fields import DATETIME_FORMAT
from sscvisit.services import clock, safety
from sscvisit.services.errors import ServiceError
from sscvisit.services.safety import SaeDue
from sscvisit.ui.context import UiContext
from sscvisit.ui.messages import service_message
from sscvisit.ui.table_model import Column, RowsModel, bold_font, set_up_table

REFRESH_MS = 60_000
BANNER_STYLE = (
    "QFrame#sae_banner { background: #b00020; border-radius: 3px; }"
    " QLabel#sae_banner_text { color: white; font-weight: bold; }"
)
OVERDUE_TEXT = QColor("#b00020")
OVERDUE_BACKGROUND = QColor("#fde7ea")
DUE_SOON_BACKGROUND = QColor("#fff4e5")
DUE_SOON = dt.timedelta(hours=6)
BANNER_LINES = 3  # overdue SAEs named one by one; beyond that the banner says how many more

Now = Callable[[], dt.datetime]


def moment_text(moment: dt.datetime | None) -> str:
    """A local wall-clock date and time as typed: YYYY-MM-DD HH:MM."""
    return moment.strftime(DATETIME_FORMAT) if moment is not None else "—"


def duration_text(delta: dt.timedelta) -> str:
    """A length of time, rounded down to the minute: "45 min", "5 h 12 min", "3 d 4 h"."""
    minutes = max(int(abs(delta).total_seconds()) // 60, 0)
    hours, minute = divmod(minutes, 60)
    if hours >= 48:
        days, hour = divmod(hours, 24)
        return QCoreApplication.translate("SaeWatch", "{d} d {h} h").format(d=days, h=hour)
    if hours and minute:
        return QCoreApplication.translate("SaeWatch", "{h} h {m} min").format(h=hours, m=minute)
    if hours:
        return QCoreApplication.translate("SaeWatch", "{h} h").format(h=hours)
    return QCoreApplication.translate("SaeWatch", "{m} min").format(m=minute)


def countdown_text(deadline: dt.datetime, now: dt.datetime) -> str:
    """ "due in 5 h 12 min" before the deadline (and at it), "overdue by 2 h" after it."""
    if now > deadline:
        return QCoreApplication.translate("SaeWatch", "overdue by {time}").format(
            time=duration_text(now - deadline)
        )
    return QCoreApplication.translate("SaeWatch", "due in {time}").format(
        time=duration_text(deadline - now)
    )


def ae_label(number: int) -> str:
    """How an AE is named in the casebook: "AE 2"."""
    return QCoreApplication.translate("SaeWatch", "AE {n}").format(n=number)


def overdue_sentence(due: SaeDue, now: dt.datetime) -> str:
    return QCoreApplication.translate(
        "SaeWatch",
        "SAE overdue: {subject} {ae} '{term}', deadline {deadline}, overdue by {time}. "
        "Report it to the sponsor.",
    ).format(
        subject=due.subject_number,
        ae=ae_label(due.number),
        term=due.term,
        deadline=moment_text(due.deadline),
        time=duration_text(now - due.deadline),
    )


class SaeBanner(QFrame):
    """Red, above every page, while any SAE is unreported past its deadline; hidden otherwise.

    "Open patient" asks for the first overdue SAE's patient (the main window shows it).
    """

    patientActivated = Signal(int)  # noqa: N815 Qt signal name

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, *, now: Now | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._now: Now = now or clock.now_local
        self._due: list[SaeDue] = []
        self._allowed = ctx.user.may("view_data")
        self.setObjectName("sae_banner")
        self.setStyleSheet(BANNER_STYLE)
        self.text_label = QLabel(self)
        self.text_label.setObjectName("sae_banner_text")
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("Open patient"), self)
        self.open_button.setObjectName("sae_banner_open")
        self.open_button.clicked.connect(self._open)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.text_label, 1)
        row.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setAccessibleName(self.tr("Overdue serious adverse events"))
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.hide()
        if self._allowed:
            self.timer.start()
            self.refresh()

    def overdue(self) -> list[SaeDue]:
        """The overdue SAEs the banner names, earliest deadline first."""
        now = self._now()
        return [due for due in self._due if now > due.deadline]

    def text(self) -> str:
        return self.text_label.text()

    def refresh(self) -> None:
        """Read the open SAEs again; show the banner if any is past its deadline."""
        if not self._allowed:
            return
        try:
            self._due = safety.open_saes(self._ctx.study, self._ctx.user, now=self._now())
        except ServiceError:
            self._due = []
        self._show()

    def _show(self) -> None:
        now = self._now()
        overdue = self.overdue()
        if not overdue:
            self.text_label.clear()
            self.hide()
            return
        lines = [overdue_sentence(due, now) for due in overdue[:BANNER_LINES]]
        if len(overdue) > BANNER_LINES:
            lines.append(
                self.tr("And {n} more overdue SAEs: see Safety.").format(
                    n=len(overdue) - BANNER_LINES
                )
            )
        self.text_label.setText("\n".join(lines))
        self.show()

    def _open(self) -> None:
        overdue = self.overdue()
        if overdue:
            self.patientActivated.emit(overdue[0].patient_id)


class SaeDueModel(RowsModel[SaeDue]):
    """The SAEs still to be reported; the countdown column follows ``now`` on ``tick()``."""

    SUBJECT, AE, TERM, AWARE, DEADLINE, COUNTDOWN = range(6)
    PatientRole: ClassVar[int] = int(Qt.ItemDataRole.UserRole) + 1

    def __init__(self, now: Now, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self._moment = now()
        self.set_columns(
            [
                Column(self.tr("Subject"), lambda due: due.subject_number),
                Column(self.tr("AE"), lambda due: ae_label(due.number)),
                Column(self.tr("Event"), lambda due: due.term),
                Column(self.tr("Site aware"), lambda due: moment_text(due.aware_at)),
                Column(self.tr("Report by"), lambda due: moment_text(due.deadline)),
                Column(
                    self.tr("Countdown"), lambda due: countdown_text(due.deadline, self._moment)
                ),
            ]
        )

    def set_rows(self, rows: Iterable[SaeDue]) -> None:
        self._moment = self._now()
        super().set_rows(rows)

    def tick(self) -> None:
        """Move the countdowns on to the current time (no database call)."""
        self._moment = self._now()
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    def overdue(self, due: SaeDue) -> bool:
        return self._moment > due.deadline

    def cell_font(self, due: SaeDue, column: int) -> QFont | None:
        return bold_font() if self.overdue(due) and column == self.COUNTDOWN else None

    def cell_foreground(self, due: SaeDue, column: int) -> QColor | None:
        return OVERDUE_TEXT if self.overdue(due) else None

    def cell_background(self, due: SaeDue, column: int) -> QColor | None:
        if self.overdue(due):
            return OVERDUE_BACKGROUND
        if due.deadline - self._moment <= DUE_SOON:
            return DUE_SOON_BACKGROUND
        return None

    def row_data(self, due: SaeDue, role: int) -> object:
        return due.patient_id if role == self.PatientRole else None


class _DueTable(QTableView):
    """Enter opens the selected row's patient, like a double-click."""

    activatedRow = Signal(int)  # noqa: N815 Qt signal name

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in {Qt.Key.Key_Return, Qt.Key.Key_Enter} and self.currentIndex().isValid():
            self.activatedRow.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class SaeDueList(QWidget):
    """Every SAE due or overdue for the sponsor report, with a countdown; earliest first."""

    patientActivated = Signal(int)  # noqa: N815 Qt signal name

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, *, now: Now | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._now: Now = now or clock.now_local
        self.model = SaeDueModel(self._now, self)
        self.heading = QLabel(self.tr("Serious adverse events to report to the sponsor"), self)
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.explanation = QLabel(
            self.tr(
                "An SAE must reach the sponsor within 24 hours of the site becoming aware of it. "
                "Record the time it was reported in the adverse event (double-click a row to "
                "open the patient)."
            ),
            self,
        )
        self.explanation.setWordWrap(True)
        self.table = _DueTable(self)
        self.table.setObjectName("sae_due_table")
        set_up_table(self.table, self.model, stretch=[SaeDueModel.TERM], alternate=False)
        self.table.setAccessibleName(self.tr("SAEs to report"))
        self.empty_label = QLabel(self.tr("No SAE is waiting to be reported."), self)
        self.empty_label.setObjectName("sae_due_empty")
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.error_label)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        self.table.doubleClicked.connect(lambda index: self._activate(index.row()))
        self.table.activatedRow.connect(self._activate)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.model.tick)
        self.timer.start()
        self.refresh()

    def refresh(self) -> None:
        try:
            rows = safety.open_saes(self._ctx.study, self._ctx.user, now=self._now())
        except ServiceError as error:
            self.error_label.setText(service_message(error))
            self.error_label.show()
            rows = []
        else:
            self.error_label.hide()
        self.model.set_rows(rows)
        self.empty_label.setVisible(not rows)

    def rows(self) -> list[SaeDue]:
        return self.model.rows()

    def _activate(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.patientActivated.emit(self.model.row_at(row).patient_id)


__all__ = [
    "SaeBanner",
    "SaeDueList",
    "SaeDueModel",
    "ae_label",
    "countdown_text",
    "duration_text",
    "moment_text",
    "overdue_sentence",
]
