"""The screening form: the 11 criteria, the ACR/EULAR panel, the qualifying ulcer, a live result.

Every rule lives below the UI. On each change the form hands what is on screen to
``screening.preview`` and shows what comes back: the computed result in the banner at the top,
or the field errors next to their fields (STYLE.md items 6 and 7). Saving stores a draft
(``save_screening``, with a reason when a saved value changes); an investigator then confirms the
decision by typing their own user name and password (``confirm_screening``), like an electronic
signature. A confirmed or void screening opens read-only.

Inclusion 1 is computed by the service from the date of birth; inclusion 2 follows the panel
until the nurse picks an answer, and an answer the panel contradicts needs a written reason.
"""

from __future__ import annotations

import datetime as dt
import itertools

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sscvisit.model.fields import Field, FieldError, FieldErrors, Value
from sscvisit.scoring import acr_eular, eligibility
from sscvisit.services import conmeds, patients, screening
from sscvisit.services.dto import PatientRow, ScreeningInfo
from sscvisit.services.errors import ReasonRequired, ServiceError
from sscvisit.ui.acr_panel import CAPILLAROSCOPY_FIELDS, AcrEularPanel, freeze
from sscvisit.ui.context import UiContext
from sscvisit.ui.forms import ERROR_STYLE, FieldForm, display_text, field_caption
from sscvisit.ui.login import password_edit
from sscvisit.ui.messages import code_of, field_message, service_message
from sscvisit.ui.reason_dialog import ReasonDialog
from sscvisit.ui.register_dialog import ErrorBanner
from sscvisit.ui.unsaved import UnsavedChangesDialog

FIELDS = screening.SCREENING_FIELDS
CRITERIA = eligibility.CRITERIA_CODES
ENTERED = CRITERIA[1:]  # inc1 is computed by the service
INC3_FIELDS = (
    "ulcer_hand",
    "ulcer_finger",
    "ulcer_site",
    "prostacyclin_start",
    "prostacyclin_end",
    "refractory_rule",
    "recurrence_date",
)
RECURRENCE_RULE = "recurred_3m"
MUTED_STYLE = "color: #5f6368;"
BANNER_STYLES = {
    "eligible": "background: #e7f4e8; color: #1b5e20; border: 1px solid #8bc34a;",
    "not_eligible": "background: #fdecea; color: #8a1c1c; border: 1px solid #e0a0a0;",
    "undecided": "background: #fff6e0; color: #6b4a00; border: 1px solid #e6c36a;",
}
BANNER_PADDING = " padding: 6px 10px; border-radius: 4px;"


def short_code(code: str) -> str:
    """inc2 -> I2, exc5 -> E5: the numbering the protocol uses."""
    return ("I" if code.startswith("inc") else "E") + code[3:]


def _text(value: Value) -> str | None:
    return value if isinstance(value, str) and value else None


def _date(value: Value) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


def result_text(info: ScreeningInfo, language: str) -> str:
    """The result of a screening as one line, e.g. in the patient's summary."""
    return FIELDS["result"].code_label(info.result, language)


class AnswerButtons(QWidget):
    """Yes / No / Not assessed for one criterion; none is selected until someone chooses.

    The radio buttons share a QButtonGroup, so Tab enters the group once and the arrow keys move
    inside it (Qt gives only the checked button tab focus).
    """

    answered = Signal(str)  # a person chose; code changes (set_answer) do not emit

    def __init__(self, code: str, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"answer_{code}")
        self.code = code
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QRadioButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        spec = FIELDS[code]
        for answer in spec.codes:
            button = QRadioButton(answer.label_nl if language == "nl" else answer.label_en, self)
            button.setObjectName(f"{code}_{answer.value}")
            button.setAccessibleName(f"{spec.label(language)}: {button.text()}")
            self.group.addButton(button)
            self.buttons[answer.value] = button
            layout.addWidget(button)
        layout.addStretch(1)
        self.group.buttonClicked.connect(self._on_clicked)

    def answer(self) -> str | None:
        for value, button in self.buttons.items():
            if button.isChecked():
                return value
        return None

    def set_answer(self, value: str | None) -> None:
        current = self.answer()
        if current == value:
            return
        if value is None:
            # An exclusive group cannot uncheck its last button; lift exclusivity for a moment.
            self.group.setExclusive(False)
            for button in self.buttons.values():
                button.setChecked(False)
            self.group.setExclusive(True)
        else:
            self.buttons[value].setChecked(True)

    def first(self) -> QRadioButton:
        return next(iter(self.buttons.values()))

    def ordered(self) -> list[QRadioButton]:
        return list(self.buttons.values())

    def set_read_only(self, read_only: bool) -> None:
        for button in self.buttons.values():
            freeze(button, read_only)

    def _on_clicked(self, _button: QRadioButton) -> None:
        answer = self.answer()
        if answer is not None:
            self.answered.emit(answer)


class ScreeningForm(QWidget):
    """One screening of one patient: new (``screening_id`` None) or an existing one."""

    saved = Signal(object)  # ScreeningInfo
    confirmed = Signal(object)  # ScreeningInfo

    def __init__(
        self,
        ctx: UiContext,
        patient_id: int,
        screening_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("screening_form")
        self._ctx = ctx
        self._patient_id = patient_id
        self._language = ctx.language
        self._info: ScreeningInfo | None = None  # the saved screening, None while new
        self._preview: ScreeningInfo | None = None
        self._errors: dict[str, FieldError] = {}  # from the last preview or save
        self._inc2_manual = False
        self._read_only = False
        self._loading = True
        self._valid = False
        self.reason_dialog: ReasonDialog | None = None
        self.confirm_dialog: ConfirmDecisionDialog | None = None

        self._patient: PatientRow | None = None
        load_error: ServiceError | None = None
        try:
            self._patient = patients.get_patient(ctx.study, ctx.user, patient_id)
            if screening_id is not None:
                self._info = screening.get_screening(ctx.study, ctx.user, screening_id)
        except ServiceError as error:
            load_error = error

        self._build()
        self._baseline = self._input()
        if self._info is not None:
            self.load(self._info)
        self._loading = False
        self._set_read_only(
            not ctx.user.may("enter_data")
            or self._patient is None
            or (self._info is not None and (self._info.state != "draft" or self._info.voided))
        )
        self._recompute()
        if load_error is not None:
            self.banner.show_service_error(load_error)
        self.date_form.editor("screening_date").setFocus(Qt.FocusReason.OtherFocusReason)

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        language = self._language
        self.subject_label = QLabel(self)
        self.subject_label.setObjectName("subject")
        font = QFont(self.subject_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.subject_label.setFont(font)
        subject = self._patient.subject_number if self._patient else "—"
        self.subject_label.setText(self.tr("Screening of {subject}").format(subject=subject))
        self.state_label = QLabel(self)
        self.state_label.setObjectName("state")
        self.state_label.setWordWrap(True)

        self.result_banner = QLabel(self)
        self.result_banner.setObjectName("result_banner")
        self.result_banner.setWordWrap(True)
        self.result_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner = ErrorBanner(self)

        # -- left column: date, the criteria grid with their sub-forms ------------------------
        self.date_form = FieldForm({"screening_date": FIELDS["screening_date"]}, language, self)
        self.date_form.fieldEdited.connect(self._on_changed)

        criteria_box = QGroupBox(self.tr("Criteria"), self)
        grid = QGridLayout(criteria_box)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(2, 2)
        header_font = QFont(self.font())
        header_font.setBold(True)
        for column, text in enumerate(
            (self.tr("Criterion"), self.tr("Answer"), self.tr("Source or comment"))
        ):
            head = QLabel(text, criteria_box)
            head.setFont(header_font)
            grid.addWidget(head, 0, column)

        self.answers: dict[str, AnswerButtons] = {}
        self.sources: dict[str, QLineEdit] = {}
        self.criterion_errors: dict[str, QLabel] = {}
        self.descriptions: dict[str, QLabel] = {}
        row = 1
        for code in CRITERIA:
            if code == "exc1":
                row = self._add_separator(grid, row, self.tr("Exclusion: any one excludes"))
            elif code == "inc1":
                row = self._add_separator(grid, row, self.tr("Inclusion: all must hold"))
            description = QLabel(FIELDS[code].label(language), criteria_box)
            description.setObjectName(f"description_{code}")
            description.setWordWrap(True)
            description.setMinimumWidth(220)
            self.descriptions[code] = description
            grid.addWidget(description, row, 0, Qt.AlignmentFlag.AlignVCenter)
            if code == "inc1":
                self.inc1_label = QLabel("—", criteria_box)
                self.inc1_label.setObjectName("inc1_computed")
                self.inc1_label.setWordWrap(True)
                grid.addWidget(self.inc1_label, row, 1)
            else:
                buttons = AnswerButtons(code, language, criteria_box)
                buttons.answered.connect(lambda _a, c=code: self._on_answered(c))
                description.setBuddy(buttons.first())
                self.answers[code] = buttons
                grid.addWidget(buttons, row, 1)
            source_field = FIELDS[f"{code}_source"]
            source = QLineEdit(criteria_box)
            source.setObjectName(f"{code}_source")
            if source_field.max_length is not None:
                source.setMaxLength(source_field.max_length)
            source.setAccessibleName(
                f"{FIELDS[code].label(language)}: {source_field.label(language)}"
            )
            source.textEdited.connect(self._on_changed)
            self.sources[code] = source
            grid.addWidget(source, row, 2)
            row += 1
            error = QLabel(criteria_box)
            error.setObjectName(f"error_{code}")
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            self.criterion_errors[code] = error
            grid.addWidget(error, row, 0, 1, 3)
            row += 1
            if code == "inc1":
                row = self._add_note(grid, row, self._inc1_note())
            elif code == "inc2":
                self.panel_summary = QLabel(criteria_box)
                self.panel_summary.setObjectName("inc2_panel")
                self.panel_summary.setStyleSheet(MUTED_STYLE)
                self.panel_summary.setIndent(16)
                grid.addWidget(self.panel_summary, row, 0, 1, 3)
                row += 1
                self.override_form = FieldForm(
                    {"inc2_override_reason": FIELDS["inc2_override_reason"]}, language, self
                )
                self.override_form.setObjectName("override_form")
                self.override_form.setContentsMargins(16, 0, 0, 0)
                self.override_form.fieldEdited.connect(self._on_changed)
                self.override_form.hide()
                grid.addWidget(self.override_form, row, 0, 1, 3)
                row += 1
            elif code == "inc3":
                self.inc3_form = FieldForm({n: FIELDS[n] for n in INC3_FIELDS}, language, self)
                self.inc3_form.setObjectName("inc3_form")
                self.inc3_form.setContentsMargins(16, 0, 0, 4)
                self.inc3_form.fieldEdited.connect(self._on_inc3_edited)
                grid.addWidget(self.inc3_form, row, 0, 1, 3)
                row += 1
                self._build_course_button(criteria_box)
                grid.addWidget(self.course_button, row, 0, 1, 3, Qt.AlignmentFlag.AlignLeft)
                row += 1
            elif code == "inc4":
                row = self._add_note(grid, row, self._consent_note())

        # -- right column: the ACR/EULAR panel behind inclusion 2 -----------------------------
        self.acr_panel = AcrEularPanel(language, self)
        self.acr_panel.changed.connect(self._on_panel_changed)
        acr_box = QGroupBox(self.tr("I2: ACR/EULAR 2013 classification criteria"), self)
        acr_layout = QVBoxLayout(acr_box)
        acr_layout.addWidget(self.acr_panel)
        self.acr_error = QLabel(acr_box)
        self.acr_error.setObjectName("error_acr_findings")
        self.acr_error.setStyleSheet(ERROR_STYLE)
        self.acr_error.setWordWrap(True)
        self.acr_error.hide()
        acr_layout.addWidget(self.acr_error)

        left = QVBoxLayout()
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_form)
        date_row.addStretch(1)
        left.addLayout(date_row)
        left.addWidget(criteria_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(acr_box)
        right.addStretch(1)
        body = QWidget(self)
        body.setObjectName("screening_body")
        columns = QHBoxLayout(body)
        columns.addLayout(left, 5)
        columns.addLayout(right, 3)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(body)

        # -- actions ---------------------------------------------------------------------------
        self.save_button = QPushButton(self.tr("Save draft"), self)
        self.save_button.setObjectName("save")
        self.confirm_button = QPushButton(self.tr("Confirm decision…"), self)
        self.confirm_button.setObjectName("confirm")
        self.confirm_hint = QLabel(self)
        self.confirm_hint.setObjectName("confirm_hint")
        self.confirm_hint.setStyleSheet(MUTED_STYLE)
        self.save_button.clicked.connect(self.save)
        self.confirm_button.clicked.connect(self.confirm)
        actions = QHBoxLayout()
        actions.addWidget(self.confirm_hint, 1)
        actions.addWidget(self.save_button)
        actions.addWidget(self.confirm_button)
        self.action_row = actions  # an owning dialog adds its Close button here

        header = QHBoxLayout()
        header.addWidget(self.subject_label)
        header.addSpacing(16)
        header.addWidget(self.state_label, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.result_banner)
        layout.addWidget(self.banner)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(actions)

        self._set_tab_order()
        self._show_recurrence()

    def _build_course_button(self, parent: QWidget) -> None:
        """ "From the medication list…": fills the course dates from a recorded IV course."""
        self.course_button = QPushButton(self.tr("From the &medication list…"), parent)
        self.course_button.setObjectName("course_from_conmeds")
        self.course_button.setToolTip(
            self.tr("Fill the course start and end from an IV prostacyclin course on file.")
        )
        # Out of the Tab chain (the criteria run answer by answer); Alt+M opens its menu.
        self.course_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.course_menu = QMenu(self.course_button)
        self.course_menu.aboutToShow.connect(self.list_courses)
        self.course_button.setMenu(self.course_menu)

    def list_courses(self) -> list[conmeds.ConmedInfo]:
        """Refill the button's menu with the patient's IV prostacyclin courses (newest first)."""
        self.course_menu.clear()
        try:
            courses = conmeds.prostacyclin_courses(
                self._ctx.study, self._ctx.user, self._patient_id
            )
        except ServiceError as error:
            self.banner.show_service_error(error)
            courses = []
        for course in courses:
            end = self.tr("ongoing") if course.stop_date is None else course.stop_date.isoformat()
            action = self.course_menu.addAction(
                self.tr("{drug}: {start} – {end}").format(
                    drug=course.drug, start=course.start_date.isoformat(), end=end
                )
            )
            action.triggered.connect(lambda _checked=False, c=course: self.use_course(c))
        if not courses:
            empty = self.course_menu.addAction(
                self.tr("No IV prostacyclin course in the medication list")
            )
            empty.setEnabled(False)
        return courses

    def use_course(self, course: conmeds.ConmedInfo) -> None:
        """Fill start and end from a course; an ongoing course leaves the end empty."""
        if self._read_only:
            return
        self.inc3_form.set_value("prostacyclin_start", course.start_date)
        self.inc3_form.set_value("prostacyclin_end", course.stop_date)

    def _add_separator(self, grid: QGridLayout, row: int, text: str) -> int:
        label = QLabel(text, self)
        font = QFont(label.font())
        font.setItalic(True)
        label.setFont(font)
        label.setStyleSheet(MUTED_STYLE)
        grid.addWidget(label, row, 0, 1, 3)
        return row + 1

    def _add_note(self, grid: QGridLayout, row: int, text: str) -> int:
        note = QLabel(text, self)
        note.setStyleSheet(MUTED_STYLE)
        note.setIndent(16)
        note.setWordWrap(True)
        grid.addWidget(note, row, 0, 1, 3)
        return row + 1

    def _inc1_note(self) -> str:
        return self.tr("Computed from the date of birth on the screening date; not typed.")

    def _consent_note(self) -> str:
        if self._patient is None:
            return ""
        return self.tr("Consent on file: {date}, form version {version}.").format(
            date=self._patient.consent_date.isoformat(), version=self._patient.consent_version
        )

    def _set_tab_order(self) -> None:
        """Date, then per criterion its answer group and its source, sub-forms where they sit."""
        chain: list[QWidget] = [self.date_form.editor("screening_date")]
        for code in CRITERIA:
            if code in self.answers:
                chain.extend(self.answers[code].ordered())
            chain.append(self.sources[code])
            if code == "inc2":
                chain.append(self.override_form.editor("inc2_override_reason"))
                chain.extend(self.acr_panel.na_boxes.values())
                for finding, box in self.acr_panel.boxes.items():
                    chain.append(box)
                    if finding == acr_eular.CAPILLAROSCOPY_FINDING:
                        chain.extend(self.acr_panel.capillaroscopy_form.editors())
            elif code == "inc3":
                chain.extend(self.inc3_form.editors())
        chain.extend([self.save_button, self.confirm_button])
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.tab_chain = chain

    # -- public API ----------------------------------------------------------------------------

    def screening_info(self) -> ScreeningInfo | None:
        """The saved screening shown (None while new and unsaved)."""
        return self._info

    def preview_info(self) -> ScreeningInfo | None:
        """What the service computed from the screen on the last change; None when it refused."""
        return self._preview

    def result(self) -> str | None:
        return self._preview.result if self._preview is not None else None

    def is_read_only(self) -> bool:
        return self._read_only

    def is_dirty(self) -> bool:
        return not self._read_only and self._input() != self._baseline

    def is_valid(self) -> bool:
        return self._valid

    def error_code(self, name: str | None = None) -> str | None:
        """The code shown at field ``name`` (``code_of``), or in the form's banner when None."""
        if name is None:
            return self.banner.code
        for form in (*self._forms(), self.acr_panel.capillaroscopy_form):
            if name in form.fields:
                return form.error_code(name)
        known = {"acr_findings", *self.criterion_errors}
        known.update(f"{code}_source" for code in CRITERIA)
        if name in known:
            error = self._errors.get(name)
            return code_of(error) if error is not None else None
        return None

    def _forms(self) -> tuple[FieldForm, ...]:
        return (self.date_form, self.override_form, self.inc3_form)

    def answer_buttons(self, code: str) -> AnswerButtons:
        return self.answers[code]

    def set_source(self, code: str, text: str) -> None:
        self.sources[code].setText(text)
        self._on_changed()

    def load(self, info: ScreeningInfo) -> None:
        """Show a saved screening; the loaded state is what 'unsaved changes' compare with."""
        self._loading = True
        try:
            self._info = info
            self.acr_panel.set_not_applicable(
                spares_fingers=info.acr_na_spares_fingers,
                other_disorder=info.acr_na_other_disorder,
            )
            self.acr_panel.set_findings(info.acr_findings)
            self.acr_panel.set_capillaroscopy(info.capillaroscopy_pattern, info.capillaroscopy_date)
            self.date_form.load({"screening_date": info.screening_date})
            for code in ENTERED:
                self.answers[code].set_answer(info.answers.get(code))
            for code in CRITERIA:
                self.sources[code].setText(info.sources.get(code) or "")
            self.override_form.load({"inc2_override_reason": info.inc2_override_reason})
            self.inc3_form.load({name: getattr(info, name) for name in INC3_FIELDS})
            stored = info.answers.get("inc2")
            self._inc2_manual = bool(info.inc2_override_reason) or (
                stored is not None and stored != self._panel_answer()
            )
            self._show_recurrence()
        finally:
            self._loading = False
        self._baseline = self._input()
        self._show_state()

    def save(self) -> ReasonDialog | None:
        """Save the draft; asks for a reason first (window-modal) when a saved value changes."""
        if self._read_only:
            return None
        self.date_form.check()
        self.inc3_form.check()
        self.acr_panel.capillaroscopy_form.check()
        self._recompute()
        if not self._valid:
            return None
        if self._info is not None and self._saved_values_changed():
            return self._ask_reason()
        self._save(None)
        return None

    def confirm(self) -> ConfirmDecisionDialog | None:
        """Open the investigator's confirmation (window-modal), for a saved and unchanged draft."""
        if self._read_only or self._info is None or self.is_dirty():
            return None
        dialog = ConfirmDecisionDialog(self._ctx, self._info, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.confirmed.connect(self._on_confirmed)
        self.confirm_dialog = dialog
        dialog.open()
        return dialog

    # -- reading the screen --------------------------------------------------------------------

    def _panel_answer(self) -> str | None:
        """What the panel says for inclusion 2; None while nothing in it is ticked."""
        panel = self.acr_panel
        if not panel.findings() and not panel.not_applicable():
            return None
        return eligibility.YES if panel.classified() else eligibility.NO

    def _override_shown(self) -> bool:
        return not self.override_form.isHidden()

    def _input(self) -> screening.ScreeningInput:
        answers: dict[str, str | None] = {code: self.answers[code].answer() for code in ENTERED}
        if not self._inc2_manual:
            answers["inc2"] = None  # the service takes the panel's answer
        inc3 = self.inc3_form.values()
        if inc3.get("refractory_rule") != RECURRENCE_RULE:
            inc3["recurrence_date"] = None
        override = self.override_form.values().get("inc2_override_reason")
        return screening.ScreeningInput(
            screening_date=_date(self.date_form.values().get("screening_date")),
            answers=answers,
            sources={code: self.sources[code].text().strip() or None for code in CRITERIA},
            acr_findings=self.acr_panel.findings(),
            acr_na_spares_fingers=self.acr_panel.spares_fingers(),
            acr_na_other_disorder=self.acr_panel.other_disorder(),
            inc2_override_reason=_text(override) if self._override_shown() else None,
            ulcer_hand=_text(inc3.get("ulcer_hand")),
            ulcer_finger=_text(inc3.get("ulcer_finger")),
            ulcer_site=_text(inc3.get("ulcer_site")),
            prostacyclin_start=_date(inc3.get("prostacyclin_start")),
            prostacyclin_end=_date(inc3.get("prostacyclin_end")),
            refractory_rule=_text(inc3.get("refractory_rule")),
            recurrence_date=_date(inc3.get("recurrence_date")),
            capillaroscopy_pattern=self.acr_panel.capillaroscopy_pattern(),
            capillaroscopy_date=self.acr_panel.capillaroscopy_date(),
        )

    # -- reacting ------------------------------------------------------------------------------

    def _on_answered(self, code: str) -> None:
        if code == "inc2":
            self._inc2_manual = True
        self._on_changed()

    def _on_panel_changed(self) -> None:
        if not self._inc2_manual:
            self.answers["inc2"].set_answer(self._panel_answer())
        self._on_changed()

    def _on_inc3_edited(self, name: str) -> None:
        if name == "refractory_rule":
            self._show_recurrence()
        self._on_changed()

    def _on_changed(self, *_args: object) -> None:
        if self._loading:
            return
        self.banner.clear_error()
        self._recompute()

    def _show_recurrence(self) -> None:
        shown = self.inc3_form.values().get("refractory_rule") == RECURRENCE_RULE
        for name in ("recurrence_date", "label_recurrence_date"):
            widget = self.inc3_form.findChild(QWidget, name)
            if widget is not None:
                widget.setVisible(shown)
        error = self.inc3_form.findChild(QLabel, "error_recurrence_date")
        if error is not None and not shown:
            error.hide()

    def _recompute(self) -> None:
        """Ask the service what the screen amounts to; show the result or the errors."""
        if not self._inc2_manual:
            self.answers["inc2"].set_answer(self._panel_answer())
        errors: list[FieldError] = []
        self._preview = None
        if self._read_only and self._info is not None:
            self._preview = self._info  # stored as decided; nothing on screen can change it
        elif self._patient is not None:
            data = self._input()
            try:
                self._preview = screening.preview(
                    self._ctx.study, self._ctx.user, self._patient_id, data
                )
            except FieldErrors as refused:
                errors = list(refused.errors)
            except ServiceError as error:
                self.banner.show_service_error(error)
        self._place_errors(errors)
        # The reason field appears when the answer contradicts the panel, and stays while it
        # holds text (so a typed reason is never sent unseen).
        wants_override = "inc2_override_reason" in self._errors or (
            self._inc2_manual and bool(self.override_form.raw_text("inc2_override_reason").strip())
        )
        if wants_override != self._override_shown():
            self.override_form.setVisible(wants_override)
            if wants_override != ("inc2_override_reason" in self._errors):
                self._recompute()  # the reason is now sent (or no longer): ask again
                return
        self._show_inc1()
        self._show_panel_summary()
        self._show_result()
        self._update_actions()

    def _place_errors(self, errors: list[FieldError]) -> None:
        self._errors = {e.field: e for e in errors}
        for form in (*self._forms(), self.acr_panel.capillaroscopy_form):
            # A field's own "required" stays quiet until it is touched or Save is pressed.
            form.set_rule_errors(
                [e for e in errors if e.field in form.fields and form.own_error(e.field) is None]
            )
        for code, label in self.criterion_errors.items():
            # The answer's problem first; else its source's (the row has one message line).
            error = self._errors.get(code) or self._errors.get(f"{code}_source")
            label.setVisible(error is not None)
            label.setText(field_message(error) if error is not None else "")
        acr = self._errors.get("acr_findings")
        self.acr_error.setVisible(acr is not None)
        self.acr_error.setText(field_message(acr) if acr is not None else "")
        placed = {"acr_findings", *self.criterion_errors, *INC3_FIELDS, *CAPILLAROSCOPY_FIELDS}
        placed.update(("screening_date", "inc2_override_reason"))
        placed.update(f"{code}_source" for code in CRITERIA)
        rest = [e for e in errors if e.field not in placed]
        if rest:
            spec = FIELDS.get(rest[0].field)
            message = field_message(rest[0])
            text = f"{field_caption(spec, self._language)}: {message}" if spec else message
            self.banner.show_error(rest[0], text)

    # -- showing -------------------------------------------------------------------------------

    def _show_inc1(self) -> None:
        answer = self._preview.answers.get("inc1") if self._preview is not None else None
        if answer is None:
            self.inc1_label.setText("—")
            return
        text = FIELDS["inc1"].code_label(answer, self._language)
        age = self._age()
        if age is not None:
            text = self.tr("{answer} (age {age})").format(answer=text, age=age)
        self.inc1_label.setText(text)

    def _age(self) -> int | None:
        """The age shown beside inclusion 1, for roles that may see the date of birth."""
        identity = self._patient.identity if self._patient is not None else None
        day = _date(self.date_form.values().get("screening_date"))
        if identity is None or day is None or day < identity.date_of_birth:
            return None
        return eligibility.age_on(identity.date_of_birth, day)

    def _show_panel_summary(self) -> None:
        panel = self.acr_panel
        classified = panel.classified()
        if classified is None:
            verdict = self.tr("criteria do not apply")
        elif classified:
            verdict = self.tr("classified as SSc")
        else:
            verdict = self.tr("not classified")
        self.panel_summary.setText(
            self.tr("ACR/EULAR panel: {total} / {maximum}, {verdict}").format(
                total=panel.total(), maximum=acr_eular.MAXIMUM, verdict=verdict
            )
        )

    def _show_result(self) -> None:
        info = self._preview
        if info is None:
            result = "undecided"
            if self._patient is None:
                text = self.tr("Not yet decided.")
            elif self.date_form.values().get("screening_date") is None:
                text = self.tr("Not yet decided: enter the screening date.")
            else:
                text = self.tr("Not yet decided: correct or complete the marked fields.")
        elif info.result == "eligible":
            result = "eligible"
            text = self.tr("Eligible: every inclusion criterion holds and no exclusion applies.")
        elif info.result == "not_eligible":
            result = "not_eligible"
            failing = "; ".join(FIELDS[code].label(self._language) for code in info.failed)
            text = self.tr("Not eligible. Failing: {criteria}").format(criteria=failing)
        else:
            result = "undecided"
            missing = ", ".join(
                short_code(code)
                for code in CRITERIA
                if info.answers.get(code) in (None, eligibility.NOT_ASSESSED)
            )
            text = self.tr("Not yet decided. Missing or not assessed: {criteria}").format(
                criteria=missing
            )
        self.result_banner.setProperty("result", result)
        self.result_banner.setText(text)
        self.result_banner.setStyleSheet(BANNER_STYLES[result] + BANNER_PADDING)

    def banner_result(self) -> str:
        """eligible / not_eligible / undecided, as the banner shows it."""
        value = self.result_banner.property("result")
        return value if isinstance(value, str) else "undecided"

    def _show_state(self) -> None:
        info = self._info
        language = self._language
        if info is None:
            self.state_label.setText(self.tr("New screening, not saved yet"))
            return
        state = FIELDS["state"].code_label(info.state, language)
        if info.voided:
            text = self.tr("Void. {state}").format(state=state)
        elif info.state == "confirmed":
            text = self.tr("{state} — {user}, {when} UTC").format(
                state=state, user=info.confirmed_by or "", when=_stamp(info.confirmed_utc)
            )
        else:
            text = self.tr("{state}, assessed by {user}").format(state=state, user=info.assessed_by)
        self.state_label.setText(text)

    def _update_actions(self) -> None:
        date_ok = self.date_form.is_valid()
        inc3_ok = self.inc3_form.is_valid()
        nvc_ok = self.acr_panel.capillaroscopy_form.is_valid()
        self._valid = self._preview is not None and date_ok and inc3_ok and nvc_ok
        dirty = self.is_dirty()
        new = self._info is None
        self.save_button.setVisible(not self._read_only)
        self.confirm_button.setVisible(not self._read_only)
        self.save_button.setEnabled(self._valid and (new or dirty))
        self.confirm_button.setEnabled(not new and not dirty and self._valid)
        if self._read_only:
            self.confirm_hint.setText("")
        elif new or dirty:
            self.confirm_hint.setText(self.tr("Save the draft before the decision is confirmed."))
        else:
            self.confirm_hint.setText(
                self.tr("An investigator confirms the decision with their own password.")
            )

    def _set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for buttons in self.answers.values():
            buttons.set_read_only(read_only)
        for source in self.sources.values():
            source.setReadOnly(read_only)
        for form in (self.date_form, self.override_form, self.inc3_form):
            for editor in form.editors():
                if isinstance(editor, QLineEdit):
                    editor.setReadOnly(read_only)
                else:
                    freeze(editor, read_only)
        self.acr_panel.set_read_only(read_only)
        self.course_button.setEnabled(not read_only)
        self._show_state()
        self._update_actions()

    # -- saving --------------------------------------------------------------------------------

    def _saved_values_changed(self) -> bool:
        return bool(self._changes(only_saved=True))

    def _changes(self, *, only_saved: bool) -> list[tuple[str, str, str]]:
        """(label, old, new) of every field that differs from the saved screening."""
        info = self._info
        if info is None:
            return []
        data = self._input()
        language = self._language
        rows: list[tuple[str, str, str]] = []

        def add(spec: Field, old: Value, new: Value) -> None:
            if old == new or (only_saved and (old is None or old == "")):
                return
            rows.append(
                (
                    field_caption(spec, language),
                    display_text(spec, old, language),
                    display_text(spec, new, language),
                )
            )

        add(FIELDS["screening_date"], info.screening_date, data.screening_date)
        for code in ENTERED:
            new = data.answers.get(code)
            if code == "inc2" and new is None:
                new = self._panel_answer()
            add(FIELDS[code], info.answers.get(code), new)
        for code in CRITERIA:
            add(FIELDS[f"{code}_source"], info.sources.get(code), data.sources.get(code))
        old_panel = (info.acr_findings, info.acr_na_spares_fingers, info.acr_na_other_disorder)
        new_panel = (
            tuple(data.acr_findings),
            data.acr_na_spares_fingers,
            data.acr_na_other_disorder,
        )
        if old_panel != new_panel and not (only_saved and old_panel == ((), False, False)):
            rows.append(
                (
                    field_caption(FIELDS["acr_findings"], language),
                    self._panel_text(info.acr_findings, info.acr_score),
                    self._panel_text(tuple(data.acr_findings), self.acr_panel.total()),
                )
            )
        add(FIELDS["inc2_override_reason"], info.inc2_override_reason, data.inc2_override_reason)
        for name in (*INC3_FIELDS, *CAPILLAROSCOPY_FIELDS):
            add(FIELDS[name], getattr(info, name), getattr(data, name))
        return rows

    def _panel_text(self, findings: tuple[str, ...], total: int | None) -> str:
        return self.tr("{n} findings, total {total}").format(
            n=len(findings), total="—" if total is None else total
        )

    def _ask_reason(self) -> ReasonDialog:
        dialog = ReasonDialog.for_change(self._changes(only_saved=False), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.reasonGiven.connect(self._save)
        self.reason_dialog = dialog
        dialog.open()
        return dialog

    def _save(self, reason: str | None) -> None:
        data = self._input()
        info = self._info
        try:
            saved = screening.save_screening(
                self._ctx.study,
                self._ctx.user,
                self._patient_id,
                data,
                screening_id=info.id if info is not None else None,
                reason=reason,
                expected_version=info.version if info is not None else None,
            )
        except FieldErrors as refused:
            self._place_errors(list(refused.errors))
            self._valid = False
            self.save_button.setEnabled(False)
            return
        except ReasonRequired as error:
            if reason is None and info is not None:
                self._ask_reason()
            else:
                self.banner.show_service_error(error)
            return
        except ServiceError as error:
            self.banner.show_service_error(error)
            return
        self.load(saved)
        self._recompute()
        self.saved.emit(saved)

    def _on_confirmed(self, info: ScreeningInfo) -> None:
        self.load(info)
        self._set_read_only(True)
        self._recompute()
        self.confirmed.emit(info)


def _stamp(utc: str | None) -> str:
    """2026-11-25T08:40:12.123456Z -> 2026-11-25 08:40."""
    if not utc:
        return "—"
    return utc.replace("T", " ")[:16]


class ConfirmDecisionDialog(QDialog):
    """The investigator re-enters user name and password to confirm the eligibility decision.

    Like an electronic signature, it states what the signature means. Open it with ``open()``;
    tests fill the fields and call ``confirm()``.
    """

    confirmed = Signal(object)  # ScreeningInfo

    def __init__(self, ctx: UiContext, info: ScreeningInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._info = info
        self.setObjectName("confirm_decision_dialog")
        self.setWindowTitle(self.tr("Confirm the eligibility decision"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        language = ctx.language

        summary = QFormLayout()
        summary.addRow(self.tr("Subject"), QLabel(info.subject_number, self))
        summary.addRow(
            field_caption(FIELDS["screening_date"], language),
            QLabel(info.screening_date.isoformat(), self),
        )
        result = QLabel(result_text(info, language), self)
        result.setObjectName("decision")
        font = QFont(result.font())
        font.setBold(True)
        result.setFont(font)
        summary.addRow(field_caption(FIELDS["result"], language), result)
        if info.failed:
            failing = QLabel("\n".join(FIELDS[code].label(language) for code in info.failed), self)
            failing.setWordWrap(True)
            summary.addRow(self.tr("Failing criteria"), failing)

        meaning = QLabel(self.tr("Meaning of this signature: I confirm this eligibility decision."))
        meaning.setObjectName("meaning")
        meaning.setWordWrap(True)
        meaning.setStyleSheet("font-weight: bold;")
        explain = QLabel(
            self.tr(
                "The investigator enters their own user name and password. The decision, your "
                "name and the time are recorded in the audit trail; the screening can no longer "
                "be changed afterwards."
            ),
            self,
        )
        explain.setWordWrap(True)

        self.user_edit = QLineEdit(self)
        self.user_edit.setObjectName("username")
        self.user_edit.setMaxLength(32)
        if ctx.user.may("sign"):
            self.user_edit.setText(ctx.user.username)
        self.password_edit = password_edit()
        self.password_edit.setParent(self)
        self.password_edit.setObjectName("password")
        credentials = QFormLayout()
        credentials.addRow(self.tr("&User name"), self.user_edit)
        credentials.addRow(self.tr("&Password"), self.password_edit)

        self.banner = ErrorBanner(self)
        self.buttons = QDialogButtonBox(self)
        self.confirm_button = QPushButton(self.tr("Confirm"), self)
        self.confirm_button.setObjectName("confirm_decision")
        self.confirm_button.setDefault(True)
        self.buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)

        layout = QVBoxLayout(self)
        layout.addLayout(summary)
        layout.addSpacing(8)
        layout.addWidget(meaning)
        layout.addWidget(explain)
        layout.addLayout(credentials)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)

        QWidget.setTabOrder(self.user_edit, self.password_edit)
        QWidget.setTabOrder(self.password_edit, self.confirm_button)
        QWidget.setTabOrder(self.confirm_button, cancel)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        self.user_edit.textChanged.connect(self._update_button)
        self.password_edit.textChanged.connect(self._update_button)
        self._update_button()
        (self.password_edit if self.user_edit.text() else self.user_edit).setFocus(
            Qt.FocusReason.OtherFocusReason
        )
        self.setMinimumWidth(480)

    def error_code(self) -> str | None:
        return self.banner.code

    def confirm(self) -> None:
        username = self.user_edit.text().strip()
        password = self.password_edit.text()
        if not username or not password:
            return
        try:
            info = screening.confirm_screening(
                self._ctx.study,
                username,
                password,
                self._info.id,
                expected_version=self._info.version,
            )
        except ServiceError as error:
            self.banner.show_error(error, service_message(error))
            self.password_edit.clear()
            self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.confirmed.emit(info)
        self.accept()

    def _update_button(self) -> None:
        self.confirm_button.setEnabled(
            bool(self.user_edit.text().strip()) and bool(self.password_edit.text())
        )


class ScreeningDialog(UnsavedChangesDialog):
    """The screening form in its own window, sized for a 1366x768 screen."""

    changed = Signal(object)  # ScreeningInfo after a save or a confirmation

    def __init__(
        self,
        ctx: UiContext,
        patient_id: int,
        screening_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("screening_dialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.form = ScreeningForm(ctx, patient_id, screening_id, self)
        self.setWindowTitle(self.form.subject_label.text())
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("close")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form, 1)
        self.form.action_row.addSpacing(12)
        self.form.action_row.addWidget(self.close_button)
        QWidget.setTabOrder(self.form.confirm_button, self.close_button)
        self.form.saved.connect(self.changed)
        self.form.confirmed.connect(self.changed)
        screen = QGuiApplication.primaryScreen()
        available = screen.availableGeometry().size() if screen is not None else None
        width = min(1340, available.width() - 20) if available is not None else 1340
        height = min(740, available.height() - 20) if available is not None else 740
        self.resize(max(width, 800), max(height, 560))

    def has_unsaved_changes(self) -> bool:
        return self.form.is_dirty()

    def unsaved_changes_text(self) -> str:
        return self.tr("The screening has unsaved changes. Close and discard them?")


__all__ = [
    "AnswerButtons",
    "ConfirmDecisionDialog",
    "ScreeningDialog",
    "ScreeningForm",
    "result_text",
    "short_code",
]
