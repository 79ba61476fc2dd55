"""One path for errors a user meets: log it, then show it (STYLE.md item 9).

- ``setup_logging`` writes a rotating log file in the user's log folder;
- ``install_excepthook`` logs any uncaught exception and opens a ``CrashDialog`` instead of
  letting Qt abort, so the application keeps running where it can;
- ``database_problem_message`` turns each reason a study database cannot be opened into a plain
  sentence, and ``show_database_problem`` shows it.

Pure Qt at import time: the launcher imports this before the login window appears.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from logging.handlers import RotatingFileHandler

    from sscvisit.services.study import DatabaseProblem

log = logging.getLogger(__name__)

LOG_FILE = "sscvisit.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 5
_FORMAT = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"

_handler: RotatingFileHandler | None = None


# --- logging -----------------------------------------------------------------------------------


def setup_logging(level: int = logging.INFO) -> Path:
    """Log to ``config.log_dir()/sscvisit.log`` (1 MB x 5 files); return the file's path.

    Calling it again (a second window, a test) replaces the handler instead of adding one.
    """
    from logging.handlers import RotatingFileHandler  # socket, pickle...: not before first paint

    from sscvisit.services import config

    folder = config.log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE
    shutdown_logging()
    handler = RotatingFileHandler(
        path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)  # start-up noise
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    global _handler  # noqa: PLW0603 - one log file per process
    _handler = handler
    log.info("sscvisit log started: %s", path)
    return path


def log_path() -> Path | None:
    """The file ``setup_logging`` writes to, if it was called."""
    return Path(_handler.baseFilename) if _handler is not None else None


def shutdown_logging() -> None:
    """Remove and close the log file handler (at exit, and between tests)."""
    global _handler  # noqa: PLW0603
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None


# --- uncaught exceptions -----------------------------------------------------------------------


class CrashDialog(QDialog):
    """Says something went wrong, where the log is, and offers the details to copy."""

    def __init__(
        self, message: str, details: str, log_file: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("sscvisit: unexpected error"))
        self.setMinimumWidth(560)
        self.details = details

        heading = QLabel(
            self.tr(
                "Something went wrong that sscvisit did not expect. Data that was already saved "
                "is safe. If the problem comes back, send the details below to the study's "
                "support contact."
            )
        )
        heading.setWordWrap(True)
        self.message_label = QLabel(message)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setStyleSheet("font-weight: bold;")
        where = str(log_file) if log_file is not None else self.tr("(no log file)")
        self.log_label = QLabel(self.tr("Log file: {path}").format(path=where))
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.details_view = QPlainTextEdit(details)
        self.details_view.setReadOnly(True)
        self.details_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)

        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("Copy details"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setDefault(True)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.message_label)
        layout.addWidget(self.log_label)
        layout.addWidget(self.details_view, 1)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        clipboard = QApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.details)


class ExceptHook:
    """sys.excepthook replacement: log the traceback, then show a CrashDialog."""

    def __init__(self) -> None:
        self.dialogs: list[CrashDialog] = []  # open crash dialogs, kept alive until closed
        self._showing = False

    def __call__(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.critical("uncaught exception", exc_info=(exc_type, exc, tb))
        if self._showing or QApplication.instance() is None:
            return  # an error while showing the dialog: it is logged, do not recurse
        self._showing = True
        try:
            self.show(exc_type, exc, tb)
        except Exception:  # the crash dialog itself must never crash the application
            log.exception("could not show the crash dialog")
        finally:
            self._showing = False

    def show(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> CrashDialog:
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        message = f"{exc_type.__name__}: {exc}"
        parent = QApplication.activeWindow()
        dialog = CrashDialog(message, details, log_path(), parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.open()
        return dialog

    def _forget(self, dialog: CrashDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)


def install_excepthook() -> ExceptHook:
    """Route uncaught exceptions (including those raised in Qt slots) to the crash dialog."""
    hook = ExceptHook()
    sys.excepthook = hook
    return hook


# --- database problems -------------------------------------------------------------------------


def database_problem_message(problem: DatabaseProblem) -> str:
    """One clear sentence per reason a study database cannot be opened."""
    texts = {
        "missing": QCoreApplication.translate(
            "Errors",
            "The study database was not found at {location}. Check the database location in the "
            "settings, or ask the study administrator where the study database is kept.",
        ),
        "read_only": QCoreApplication.translate(
            "Errors",
            "The study database at {location} can only be read, not changed. Ask IT for write "
            "access to the file and to its folder.",
        ),
        "locked": QCoreApplication.translate(
            "Errors",
            "The study database at {location} is in use by another program and stayed locked. "
            "Close other copies of sscvisit on this computer and start again.",
        ),
        "corrupt": QCoreApplication.translate(
            "Errors",
            "The file at {location} is damaged or is not a study database. Nothing was changed. "
            "Ask the study administrator to restore the latest backup.",
        ),
        "too_new": QCoreApplication.translate(
            "Errors",
            "The study database at {location} was made by a newer version of sscvisit. Install "
            "that version; this one does not change a newer database.",
        ),
        "unreachable": QCoreApplication.translate(
            "Errors",
            "The study database server at {location} could not be reached. Check the network "
            "connection and the database location, then start again.",
        ),
    }
    template = texts.get(
        problem.kind,
        QCoreApplication.translate(
            "Errors", "The study database at {location} could not be opened."
        ),
    )
    return template.format(location=problem.location)


def show_database_problem(parent: QWidget | None, problem: DatabaseProblem) -> QMessageBox:
    """Log the problem and show it in a window-modal box (opened, not exec'd; see ``finished``)."""
    log.error("study database problem: %s", problem)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("Errors", "The study database cannot be opened"))
    box.setText(database_problem_message(problem))
    if problem.detail:
        box.setDetailedText(problem.detail)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.setProperty("problem_kind", problem.kind)
    box.open()
    return box
