"""The forms a visit collects (from the protocol file), each with its state and a way in.

Sits under the visit timeline on the patient page: select a visit, see which questionnaires and
assessments it collects, which are entered, and open each one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sscvisit.services import instruments, questionnaires, ulcers
from sscvisit.services.dto import ResponseInfo, VisitInfo
from sscvisit.services.errors import ServiceError
from sscvisit.ui.context import UiContext
from sscvisit.ui.messages import service_message

# The protocol's form codes that have an entry screen today, in the order they are shown.
ENTRY_FORMS = ("ulcer_map", "shaq", "rand36", "eq5d", "chfs", "capillaroscopy")
ULCER_MAP = "ulcer_map"


class VisitForms(QWidget):
    """Buttons for the selected visit's forms; ``changed(patient_id)`` after a save."""

    changed = Signal(int)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._visit: VisitInfo | None = None
        self.dialog: QDialog | None = None
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(12)
        self.buttons: dict[str, QPushButton] = {}
        self.states: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(self._grid)
        self.show_visit(None)

    def show_visit(self, visit: VisitInfo | None) -> None:
        self._visit = visit
        for widget in [*self.buttons.values(), *self.states.values()]:
            self._grid.removeWidget(widget)
            widget.deleteLater()
        self.buttons.clear()
        self.states.clear()
        codes = [c for c in ENTRY_FORMS if visit is not None and c in visit.forms]
        if visit is None:
            self.heading.setText(self.tr("Select a visit to see the forms it collects."))
        elif not codes:
            self.heading.setText(
                self.tr("{visit} collects no questionnaires.").format(
                    visit=visit.label(self._ctx.language)
                )
            )
        elif visit.visit_date is None:
            self.heading.setText(
                self.tr("{visit}: record the visit first, then its forms.").format(
                    visit=visit.label(self._ctx.language)
                )
            )
        else:
            self.heading.setText(
                self.tr("Forms of {visit} ({date})").format(
                    visit=visit.label(self._ctx.language), date=visit.visit_date.isoformat()
                )
            )
        for row, code in enumerate(codes):
            assert visit is not None
            button = QPushButton(self._form_label(code), self)
            button.setObjectName(f"form_{code}")
            button.setEnabled(visit.visit_date is not None)
            button.clicked.connect(lambda _checked=False, c=code: self.open_form(c))
            state = QLabel(self._state_text(visit, code), self)
            state.setObjectName(f"state_{code}")
            self._grid.addWidget(button, row // 2, (row % 2) * 2)
            self._grid.addWidget(state, row // 2, (row % 2) * 2 + 1)
            self.buttons[code] = button
            self.states[code] = state

    def _form_label(self, code: str) -> str:
        if code == ULCER_MAP:
            return self.tr("Ulcer map")
        return instruments.load_instrument(code).label(self._ctx.language)

    def _state_text(self, visit: VisitInfo, code: str) -> str:
        if visit.visit_date is None:
            return ""
        try:
            if code == ULCER_MAP:
                saved = ulcers.map_version(self._ctx.study, self._ctx.user, visit.id) > 0
                return self.tr("entered") if saved else self.tr("not entered")
            response = questionnaires.get_response(self._ctx.study, self._ctx.user, visit.id, code)
        except ServiceError as error:
            return service_message(error)
        if response is None:
            return self.tr("not entered")
        return self.tr("entered ({date})").format(date=response.completed_on.isoformat())

    def open_form(self, code: str) -> QDialog | None:
        """Open the entry dialog of one form for the selected visit (window-modal, not exec())."""
        visit = self._visit
        if visit is None or visit.visit_date is None:
            return None
        dialog: QDialog
        if code == ULCER_MAP:
            from sscvisit.ui.ulcer_editor import UlcerEditorDialog

            editor = UlcerEditorDialog(self._ctx, visit, self)
            editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            editor.saved.connect(self._map_saved)
            self.dialog = editor
            editor.open()
            return editor
        if code == "capillaroscopy":
            from sscvisit.ui.capillaroscopy_form import CapillaroscopyDialog

            dialog = CapillaroscopyDialog(self._ctx, visit.id, self, visit=visit)
        else:
            from sscvisit.ui.questionnaire_form import QuestionnaireDialog

            dialog = QuestionnaireDialog(self._ctx, visit, code, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _map_saved(self, patient_id: int) -> None:
        if self._visit is not None:
            self.show_visit(self._visit)
            self.changed.emit(patient_id)

    def _saved(self, response: ResponseInfo) -> None:
        if self._visit is not None:
            self.show_visit(self._visit)
            self.changed.emit(response.patient_id)
