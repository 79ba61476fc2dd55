"""A patient's concomitant medication: the list, and one dialog per medicine.

The list is the patient's, not a visit's (a course runs across visits). ``ConmedLog`` is a tab of
the patient page and the body of ``ConmedListDialog``, which the visit's "medication review" opens.
``ConmedDialog`` enters or corrects one medicine: messages beside each field as you type, a reason
for every change of a saved value, a void (with a reason) instead of a delete.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sscvisit.model.fields import FieldError, FieldErrors, Problem, Value
from sscvisit.services import conmeds, patients
from sscvisit.services.conmeds import ConmedInfo
from sscvisit.services.errors import ReasonRequired, ServiceError
from sscvisit.ui.context import UiContext
from sscvisit.ui.forms import FieldForm, display_text, field_caption
from sscvisit.ui.messages import field_message
from sscvisit.ui.reason_dialog import ReasonDialog
from sscvisit.ui.register_dialog import ErrorBanner
from sscvisit.ui.table_model import Column, RowsModel, set_up_table
from sscvisit.ui.unsaved import UnsavedChangesDialog

FIELDS = conmeds.CONMED_FIELDS
ID_ROLE = int(Qt.ItemDataRole.UserRole)
VOID_COLOUR = "#8a8a8a"
PROSTACYCLIN_COLOUR = "#e8f0fe"
# Rules shown while typing; "stop date or ongoing" waits for Save (a new form has neither yet).
LIVE_RULES = frozenset({"stop_before_start", "ongoing_with_stop_date", "prostacyclin_not_iv"})


class ConmedTableModel(RowsModel[ConmedInfo]):
    """The patient's medicines, one row each (void ones struck out), read-only."""

    COLUMNS = ("drug", "dose", "route", "start_date", "stop_date", "indication")
    TEXT_TOOLTIPS = True

    def __init__(self, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self.set_columns(
            Column(
                field_caption(FIELDS[name], language),
                partial(self._text, column=name),
                bold=name == "drug",
            )
            for name in self.COLUMNS
        )

    def row_of(self, conmed_id: int) -> int:
        return next((n for n, c in enumerate(self._rows) if c.id == conmed_id), -1)

    def cell_tooltip(self, conmed: ConmedInfo, column: int) -> str | None:
        if conmed.voided:
            return self.tr("Void: {reason}").format(reason=conmed.void_reason or "")
        if conmed.prostacyclin:
            return self.tr("IV prostacyclin course (offered to the screening)")
        return super().cell_tooltip(conmed, column)

    def cell_font(self, conmed: ConmedInfo, column: int) -> QFont | None:
        if conmed.voided:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return super().cell_font(conmed, column)

    def cell_foreground(self, conmed: ConmedInfo, column: int) -> QColor | None:
        return QColor(VOID_COLOUR) if conmed.voided else None

    def cell_background(self, conmed: ConmedInfo, column: int) -> QColor | None:
        if conmed.prostacyclin and not conmed.voided:
            return QColor(PROSTACYCLIN_COLOUR)
        return None

    def row_data(self, conmed: ConmedInfo, role: int) -> object:
        return conmed.id if role == ID_ROLE else None

    def _text(self, conmed: ConmedInfo, column: str) -> str:
        if column == "stop_date" and conmed.ongoing:
            return self.tr("ongoing")
        if column == "drug" and conmed.prostacyclin:
            return self.tr("{drug} (IV prostacyclin)").format(drug=conmed.drug)
        value: Value = getattr(conmed, column)
        return display_text(FIELDS[column], value, self._language)


class ConmedDialog(UnsavedChangesDialog):
    """One medicine of a patient: new (``conmed`` None) or an existing one to correct or void."""

    saved = Signal(int)  # patient id

    def __init__(
        self,
        ctx: UiContext,
        patient_id: int,
        conmed: ConmedInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._patient_id = patient_id
        self._conmed = conmed
        self.reason_dialog: ReasonDialog | None = None
        self.setObjectName("conmed_dialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(
            self.tr("New medication")
            if conmed is None
            else self.tr("Medication: {drug}").format(drug=conmed.drug)
        )
        may_edit = ctx.user.may("enter_data") and (conmed is None or not conmed.voided)

        self.banner = ErrorBanner(self)
        self.form = FieldForm(FIELDS, ctx.language, self)
        self.form.setObjectName("conmed_form")
        self.void_note = QLabel(self)
        self.void_note.setObjectName("void_note")
        self.void_note.setWordWrap(True)
        self.void_note.setStyleSheet(f"color: {VOID_COLOUR};")
        self.void_note.setVisible(conmed is not None and conmed.voided)
        if conmed is not None and conmed.voided:
            self.void_note.setText(
                self.tr("This entry is void: {reason}").format(reason=conmed.void_reason or "")
            )
        self.hint = QLabel(
            self.tr(
                "Tick \u201cIV prostacyclin course\u201d for iloprost or epoprostenol given "
                "intravenously: the screening offers those courses."
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)

        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        self.void_button = self.buttons.addButton(
            self.tr("Void…"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.void_button.setObjectName("void")
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("close")
        self.save_button.setVisible(may_edit)
        self.void_button.setVisible(may_edit and conmed is not None)
        self.save_button.clicked.connect(self.save)
        self.void_button.clicked.connect(self.void)
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.void_note)
        layout.addWidget(self.banner)
        layout.addWidget(self.form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)

        if conmed is not None:
            self.form.load(conmed.values())
        else:
            self.form.load({"ongoing": False, "prostacyclin": False})
        self._baseline = self.form.values()
        for editor in self.form.editors():
            editor.setEnabled(may_edit)
        self.form.fieldEdited.connect(self._edited)
        self.form.validityChanged.connect(self._update_save)
        self._update_save()
        self.setMinimumWidth(max(self.form.sizeHint().width() + 40, 640))
        self.form.editor("drug").setFocus(Qt.FocusReason.OtherFocusReason)

    # -- public ------------------------------------------------------------------------------

    def conmed(self) -> ConmedInfo | None:
        return self._conmed

    def error_code(self, name: str | None = None) -> str | None:
        return self.banner.code if name is None else self.form.error_code(name)

    def has_unsaved_changes(self) -> bool:
        return self.save_button.isVisible() and self.form.values() != self._baseline

    def unsaved_changes_text(self) -> str:
        return self.tr("The medication has unsaved changes. Discard them?")

    def save(self) -> ReasonDialog | None:
        """Save; asks for the reason first (window-modal) when a saved value changes."""
        if not self.save_button.isVisible() or self.form.check() is None:
            return None
        changes = self._changes()
        if self._conmed is not None and changes:
            return self._ask_reason(changes)
        self._save(None)
        return None

    def _ask_reason(self, changes: list[tuple[str, str, str]]) -> ReasonDialog:
        dialog = ReasonDialog.for_change(changes, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.reasonGiven.connect(self._save)
        self.reason_dialog = dialog
        dialog.open()
        return dialog

    def void(self) -> ReasonDialog | None:
        if self._conmed is None or not self.void_button.isVisible():
            return None
        dialog = ReasonDialog(
            self.tr("Void {drug}").format(drug=self._conmed.drug),
            self.tr(
                "Voiding keeps the entry and its audit trail but marks it as not valid. "
                "Why is it being voided?"
            ),
            [
                self.tr("Entered in error"),
                self.tr("Duplicate entry"),
                self.tr("Entered for the wrong patient"),
            ],
            (),
            self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.reasonGiven.connect(self._void)
        self.reason_dialog = dialog
        dialog.open()
        return dialog

    # -- internals ---------------------------------------------------------------------------

    def _edited(self, name: str) -> None:
        self.banner.clear_error()
        values = self.form.values()
        if name == "prostacyclin" and values.get("prostacyclin") and values.get("route") is None:
            self.form.set_value("route", conmeds.IV_ROUTE)  # a course is intravenous
            return
        if name == "ongoing" and values.get("ongoing"):
            self.form.set_value("stop_date", None)  # still in use: no stop date
            return
        try:
            conmeds.check_conmed(values)
        except FieldErrors as refused:
            self.form.set_rule_errors(
                e
                for e in refused.errors
                if e.problem is Problem.INCONSISTENT and e.params.get("rule") in LIVE_RULES
            )
        else:
            self.form.set_rule_errors([])

    def _update_save(self, *_args: object) -> None:
        self.save_button.setEnabled(self.form.is_valid())

    def _changes(self) -> list[tuple[str, str, str]]:
        if self._conmed is None:
            return []
        before = self._conmed.values()
        after = self.form.values()
        language = self._ctx.language
        return [
            (
                field.label(language),
                display_text(field, before.get(name), language),
                display_text(field, after.get(name), language),
            )
            for name, field in FIELDS.items()
            if (before.get(name) or None) != (after.get(name) or None)
        ]

    def _save(self, reason: str | None) -> None:
        study, user = self._ctx.study, self._ctx.user
        values = self.form.values()
        try:
            if self._conmed is None:
                info = conmeds.record_conmed(study, user, self._patient_id, values)
            else:
                info = conmeds.update_conmed(
                    study,
                    user,
                    self._conmed.id,
                    values,
                    reason=reason,
                    expected_version=self._conmed.version,
                )
        except FieldErrors as refused:
            rest = self.form.show_errors(refused)
            if rest:
                self.banner.show_error(refused, "; ".join(_texts(rest)))
            return
        except ReasonRequired:
            if reason is None:
                self._ask_reason(self._changes())
            return
        except ServiceError as error:
            self.banner.show_service_error(error)
            return
        self._finish(info)

    def _void(self, reason: str) -> None:
        assert self._conmed is not None
        try:
            info = conmeds.void_conmed(
                self._ctx.study,
                self._ctx.user,
                self._conmed.id,
                reason,
                expected_version=self._conmed.version,
            )
        except ServiceError as error:
            self.banner.show_service_error(error)
            return
        self._finish(info)

    def _finish(self, info: ConmedInfo) -> None:
        self._conmed = info
        self._baseline = self.form.values()
        self.saved.emit(info.patient_id)
        self.accept()


def _texts(errors: Sequence[FieldError]) -> list[str]:
    return [field_message(e) for e in errors]


class ConmedLog(QWidget):
    """The medication list of one patient with New… and Open… (``changed`` after a save)."""

    changed = Signal(int)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._patient_id: int | None = None
        self.dialog: ConmedDialog | None = None
        self.setObjectName("conmed_log")
        self.heading = QLabel(self)
        self.heading.setObjectName("conmed_heading")
        self.heading.setWordWrap(True)
        self.banner = ErrorBanner(self)
        self.model = ConmedTableModel(ctx.language, self)
        self.table = QTableView(self)
        self.table.setObjectName("conmed_table")
        set_up_table(self.table, self.model)
        # The indication takes the width left over, but never less than its text needs.
        self.table.horizontalHeader().setStretchLastSection(True)
        self.new_button = QPushButton(self.tr("New…"), self)
        self.new_button.setObjectName("new_conmed")
        self.open_button = QPushButton(self.tr("Open…"), self)
        self.open_button.setObjectName("open_conmed")
        self.new_button.setVisible(ctx.user.may("enter_data"))
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addWidget(self.open_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        QWidget.setTabOrder(self.table, self.new_button)
        QWidget.setTabOrder(self.new_button, self.open_button)
        self.new_button.clicked.connect(self.new_conmed)
        self.open_button.clicked.connect(lambda _checked=False: self.open_conmed(None))
        self.table.activated.connect(lambda index: self.open_conmed(index.row()))
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self._update_actions()

    def patient_id(self) -> int | None:
        return self._patient_id

    def show_patient(self, patient_id: int) -> None:
        self._patient_id = patient_id
        self.refresh()

    def refresh(self) -> None:
        if self._patient_id is None:
            return
        self.banner.clear_error()
        try:
            rows = conmeds.list_conmeds(self._ctx.study, self._ctx.user, self._patient_id)
            subject = patients.get_patient(
                self._ctx.study, self._ctx.user, self._patient_id
            ).subject_number
        except ServiceError as error:
            self.banner.show_service_error(error)
            rows, subject = [], ""
        self.model.set_rows(rows)
        active = sum(1 for r in rows if not r.voided)
        ongoing = sum(1 for r in rows if not r.voided and r.ongoing)
        self.heading.setText(
            self.tr("Medication of {subject}: {count} recorded, {ongoing} still in use").format(
                subject=subject, count=active, ongoing=ongoing
            )
        )
        self._update_actions()

    def selected(self) -> ConmedInfo | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isSelected(index):
            return None
        return self.model.row_at(index.row())

    def select(self, conmed_id: int) -> bool:
        row = self.model.row_of(conmed_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        return True

    def new_conmed(self) -> ConmedDialog | None:
        if self._patient_id is None or not self._ctx.user.may("enter_data"):
            return None
        return self._open(ConmedDialog(self._ctx, self._patient_id, None, self))

    def open_conmed(self, row: int | None = None) -> ConmedDialog | None:
        conmed = self.model.row_at(row) if row is not None else self.selected()
        if conmed is None or self._patient_id is None:
            return None
        return self._open(ConmedDialog(self._ctx, self._patient_id, conmed, self))

    def _open(self, dialog: ConmedDialog) -> ConmedDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _saved(self, patient_id: int) -> None:
        self.refresh()
        self.changed.emit(patient_id)

    def _update_actions(self, *_args: object) -> None:
        self.open_button.setEnabled(self.selected() is not None)
        self.new_button.setEnabled(self._patient_id is not None)


class ConmedListDialog(QDialog):
    """The medication list for a visit's medication review; can tick the review from here."""

    reviewed = Signal()

    def __init__(
        self,
        ctx: UiContext,
        patient_id: int,
        parent: QWidget | None = None,
        *,
        may_review: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conmed_list_dialog")
        self.setWindowTitle(self.tr("Concomitant medication"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.log = ConmedLog(ctx, self)
        self.log.show_patient(patient_id)
        self.buttons = QDialogButtonBox(self)
        self.review_button = self.buttons.addButton(
            self.tr("Medication reviewed"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.review_button.setObjectName("conmed_reviewed")
        self.review_button.setVisible(may_review)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        self.review_button.clicked.connect(self._review)
        layout = QVBoxLayout(self)
        layout.addWidget(self.log, 1)
        layout.addWidget(self.buttons)
        self.resize(860, 420)

    def _review(self) -> None:
        self.reviewed.emit()
        self.accept()


__all__ = ["ConmedDialog", "ConmedListDialog", "ConmedLog", "ConmedTableModel"]
