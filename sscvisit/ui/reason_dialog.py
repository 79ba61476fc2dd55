"""Ask for the reason for a change or a void (21 CFR 11.10(e)): required, never guessed."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

MIN_REASON_LENGTH = 3


def change_quick_picks() -> list[str]:
    return [
        QCoreApplication.translate("ReasonDialog", "Transcription error"),
        QCoreApplication.translate("ReasonDialog", "Source document corrected"),
        QCoreApplication.translate("ReasonDialog", "Data entered for wrong patient"),
    ]


def void_quick_picks() -> list[str]:
    return [
        QCoreApplication.translate("ReasonDialog", "Registered in error"),
        QCoreApplication.translate("ReasonDialog", "Duplicate registration"),
        QCoreApplication.translate("ReasonDialog", "Data entered for wrong patient"),
    ]


class ReasonDialog(QDialog):
    """A reason of at least three characters, typed or picked; OK stays disabled until then.

    Open it with ``open()`` (window-modal) and listen to ``reasonGiven``; tests set the text and
    call ``accept()`` without a nested event loop.
    """

    reasonGiven = Signal(str)  # noqa: N815 Qt signal name

    def __init__(
        self,
        title: str,
        prompt: str,
        quick_picks: Sequence[str],
        changes: Sequence[tuple[str, str, str]] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("reason_dialog")
        layout = QVBoxLayout(self)

        if changes:
            box = QGroupBox(self.tr("Changes"), self)
            rows = QFormLayout(box)
            for label, old, new in changes:
                value = QLabel(self.tr("{old}  →  {new}").format(old=old, new=new), box)
                value.setWordWrap(True)
                rows.addRow(label, value)
            layout.addWidget(box)

        prompt_label = QLabel(prompt, self)
        prompt_label.setWordWrap(True)
        layout.addWidget(prompt_label)

        self.reason_edit = QComboBox(self)
        self.reason_edit.setObjectName("reason")
        self.reason_edit.setEditable(True)
        self.reason_edit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason_edit.addItems(list(quick_picks))
        self.reason_edit.setCurrentIndex(-1)
        self.reason_edit.setMinimumContentsLength(40)
        line = self.reason_edit.lineEdit()
        assert line is not None  # editable combos always have one
        line.setMaxLength(500)
        line.setPlaceholderText(self.tr("Type a reason, or pick one with the arrow keys"))
        prompt_label.setBuddy(self.reason_edit)
        layout.addWidget(self.reason_edit)

        hint = QLabel(self.tr("At least {n} characters.").format(n=MIN_REASON_LENGTH), self)
        hint.setEnabled(False)
        layout.addWidget(hint)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.editTextChanged.connect(self._update_ok)
        self._update_ok()
        self.setMinimumWidth(480)

    @classmethod
    def for_change(
        cls, changes: Sequence[tuple[str, str, str]], parent: QWidget | None = None
    ) -> ReasonDialog:
        return cls(
            QCoreApplication.translate("ReasonDialog", "Reason for change"),
            QCoreApplication.translate("ReasonDialog", "Why are these saved values being changed?"),
            change_quick_picks(),
            changes,
            parent,
        )

    @classmethod
    def for_void(cls, subject: str, parent: QWidget | None = None) -> ReasonDialog:
        return cls(
            QCoreApplication.translate("ReasonDialog", "Void {subject}").format(subject=subject),
            QCoreApplication.translate(
                "ReasonDialog",
                "Voiding keeps the record and its audit trail but marks it as not valid. "
                "Why is {subject} being voided?",
            ).format(subject=subject),
            void_quick_picks(),
            (),
            parent,
        )

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def reason(self) -> str:
        return self.reason_edit.currentText().strip()

    def set_reason(self, text: str) -> None:
        self.reason_edit.setEditText(text)

    def is_valid(self) -> bool:
        return len(self.reason()) >= MIN_REASON_LENGTH

    def accept(self) -> None:
        if not self.is_valid():
            return
        reason = self.reason()
        super().accept()
        self.reasonGiven.emit(reason)

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.is_valid())
