"""A form dialog that asks before unsaved changes are thrown away (Esc, Close, the window's X)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QMessageBox, QWidget


class UnsavedChangesDialog(QDialog):
    """Subclasses say whether there is anything to lose and how to name it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._discard_box: QMessageBox | None = None
        self._discard = False

    def has_unsaved_changes(self) -> bool:
        raise NotImplementedError

    def unsaved_changes_text(self) -> str:
        raise NotImplementedError

    def reject(self) -> None:
        """Closing with unsaved changes asks first (QDialog's closeEvent comes here too)."""
        if self.has_unsaved_changes() and not self._discard:
            self._discard_question().open()
            return
        super().reject()

    def discard_question(self) -> QMessageBox | None:
        """The "discard unsaved changes?" question while it is open."""
        box = self._discard_box
        return box if box is not None and box.isVisible() else None

    def _discard_question(self) -> QMessageBox:
        if self._discard_box is None:
            box = QMessageBox(
                QMessageBox.Icon.Question,
                QCoreApplication.translate("UnsavedChangesDialog", "Unsaved changes"),
                self.unsaved_changes_text(),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                self,
            )
            box.setObjectName("discard_question")
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            box.setWindowModality(Qt.WindowModality.WindowModal)
            box.buttonClicked.connect(self._discard_answer)
            self._discard_box = box
        return self._discard_box

    def _discard_answer(self, button: QAbstractButton) -> None:
        box = self._discard_box
        if box is not None and box.standardButton(button) == QMessageBox.StandardButton.Discard:
            self._discard = True
            self.reject()
