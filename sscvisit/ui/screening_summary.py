"""A patient's screenings at a glance, for the patient page: the latest, the earlier ones, actions.

The latest screening shows its date, result and state; earlier ones (re-screenings keep the old
record) are listed by date and result and open on double-click. "New screening…" is offered only
when the service would accept one: no draft open, the patient not enrolled. The lead's patient
page refreshes on ``changed``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sscvisit.services import patients, screening
from sscvisit.services.dto import PatientRow, ScreeningInfo
from sscvisit.services.errors import ServiceError
from sscvisit.ui.context import UiContext
from sscvisit.ui.register_dialog import ErrorBanner
from sscvisit.ui.screening_form import ScreeningDialog, result_text

FIELDS = screening.SCREENING_FIELDS
# A new screening is possible only before enrolment (the service refuses it afterwards).
SCREENABLE_STATUSES = frozenset({"registered", "screening", "screen_failed"})
RESULT_COLOURS = {"eligible": "#1b5e20", "not_eligible": "#8a1c1c", "undecided": "#6b4a00"}


class ScreeningSummary(QWidget):
    """The screening part of the patient page."""

    changed = Signal(int)  # patient id, after a screening was saved or confirmed here

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screening_summary")
        self._ctx = ctx
        self._patient: PatientRow | None = None
        self._screenings: list[ScreeningInfo] = []
        self.dialog: ScreeningDialog | None = None
        may_enter = ctx.user.may("enter_data")

        self.latest_label = QLabel(self.tr("No screening yet"), self)
        self.latest_label.setObjectName("latest")
        font = QFont(self.latest_label.font())
        font.setBold(True)
        self.latest_label.setFont(font)
        self.latest_label.setWordWrap(True)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("latest_state")
        self.state_label.setWordWrap(True)
        self.failed_label = QLabel(self)
        self.failed_label.setObjectName("latest_failed")
        self.failed_label.setWordWrap(True)
        self.failed_label.hide()

        self.earlier_title = QLabel(self.tr("Earlier screenings"), self)
        self.earlier = QListWidget(self)
        self.earlier.setObjectName("earlier")
        self.earlier.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.earlier.setMaximumHeight(90)
        self.earlier.itemActivated.connect(self._open_item)

        self.open_button = QPushButton(self.tr("Open screening…"), self)
        self.open_button.setObjectName("open_screening")
        self.new_button = QPushButton(self.tr("New screening…"), self)
        self.new_button.setObjectName("new_screening")
        self.open_button.setVisible(may_enter)
        self.new_button.setVisible(may_enter)
        self.open_button.clicked.connect(self.open_screening)
        self.new_button.clicked.connect(self.new_screening)
        self.banner = ErrorBanner(self)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.latest_label)
        layout.addWidget(self.state_label)
        layout.addWidget(self.failed_label)
        layout.addWidget(self.earlier_title)
        layout.addWidget(self.earlier)
        layout.addWidget(self.banner)
        layout.addStretch(1)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.earlier, self.open_button)
        QWidget.setTabOrder(self.open_button, self.new_button)
        self._show()

    # -- public --------------------------------------------------------------------------------

    def show_patient(self, patient_id: int) -> None:
        self.banner.clear_error()
        try:
            self._patient = patients.get_patient(self._ctx.study, self._ctx.user, patient_id)
            self._screenings = screening.list_screenings(
                self._ctx.study, self._ctx.user, patient_id
            )
        except ServiceError as error:
            self._patient = None
            self._screenings = []
            self.banner.show_service_error(error)
        self._show()

    def screenings(self) -> list[ScreeningInfo]:
        """The patient's screenings as shown, newest first."""
        return list(self._screenings)

    def latest(self) -> ScreeningInfo | None:
        return next((s for s in self._screenings if not s.voided), None)

    def can_start_new(self) -> bool:
        patient = self._patient
        if patient is None or patient.voided or not self._ctx.user.may("enter_data"):
            return False
        if patient.status not in SCREENABLE_STATUSES:
            return False
        return not any(s.state == "draft" and not s.voided for s in self._screenings)

    def error_code(self) -> str | None:
        return self.banner.code

    def open_screening(self, screening_id: int | None = None) -> ScreeningDialog | None:
        """Open the latest screening (or the one given) in its dialog (window-modal)."""
        latest = self.latest()
        if self._patient is None or not self._ctx.user.may("enter_data"):
            return None
        if screening_id is None:
            if latest is None:
                return None
            screening_id = latest.id
        return self._open(screening_id)

    def new_screening(self) -> ScreeningDialog | None:
        if not self.can_start_new():
            return None
        return self._open(None)

    # -- internals -----------------------------------------------------------------------------

    def _open(self, screening_id: int | None) -> ScreeningDialog | None:
        if self._patient is None:
            return None
        dialog = ScreeningDialog(self._ctx, self._patient.id, screening_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self._on_changed)
        # finished, not destroyed: a child's destroyed signal can reach a half-deleted parent.
        dialog.finished.connect(self._forget_dialog)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget_dialog(self, _result: int = 0) -> None:
        self.dialog = None

    def _on_changed(self, _info: ScreeningInfo) -> None:
        if self._patient is None:
            return
        patient_id = self._patient.id
        self.show_patient(patient_id)
        self.changed.emit(patient_id)

    def _open_item(self, item: QListWidgetItem) -> None:
        screening_id = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(screening_id, int):
            self.open_screening(screening_id)

    def _describe(self, info: ScreeningInfo) -> str:
        text = self.tr("{date}: {result}").format(
            date=info.screening_date.isoformat(), result=result_text(info, self._ctx.language)
        )
        if info.voided:
            text = self.tr("{text} (void)").format(text=text)
        return text

    def _show(self) -> None:
        language = self._ctx.language
        latest = self.latest()
        if latest is None:
            self.latest_label.setText(self.tr("No screening yet"))
            self.latest_label.setStyleSheet("")
            self.state_label.clear()
            self.failed_label.hide()
        else:
            self.latest_label.setText(self._describe(latest))
            self.latest_label.setStyleSheet(f"color: {RESULT_COLOURS.get(latest.result, '')};")
            state = FIELDS["state"].code_label(latest.state, language)
            if latest.state == "confirmed" and latest.confirmed_by:
                self.state_label.setText(
                    self.tr("{state} ({user})").format(state=state, user=latest.confirmed_by)
                )
            else:
                self.state_label.setText(state)
            if latest.failed:
                self.failed_label.setText(
                    self.tr("Failing: {criteria}").format(
                        criteria="; ".join(FIELDS[c].label(language) for c in latest.failed)
                    )
                )
                self.failed_label.show()
            else:
                self.failed_label.hide()
        self.earlier.clear()
        for info in self._screenings:
            if info is latest:
                continue
            item = QListWidgetItem(self._describe(info))
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            self.earlier.addItem(item)
        has_earlier = self.earlier.count() > 0
        self.earlier_title.setVisible(has_earlier)
        self.earlier.setVisible(has_earlier)
        self.open_button.setEnabled(latest is not None)
        self.new_button.setEnabled(self.can_start_new())
