"""Look at stored ulcer photos one at a time: the image scaled to fit, its caption and date.

The bytes of a photo are read only when it is shown (``ulcers.photo_data``, which checks them
against the SHA-256 saved with them). A damaged photo shows the service's message in place of the
image, and bytes Qt cannot decode show a message too: never a broken image.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QFont, QImage, QKeySequence, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sscvisit.services import ulcers
from sscvisit.services.dto import UlcerPhotoInfo
from sscvisit.services.errors import ServiceError
from sscvisit.ui.context import UiContext
from sscvisit.ui.messages import code_of, service_message

MUTED_STYLE = "color: #5f6368;"
IMAGE_STYLE = "QLabel#image { background: #202124; color: #ffffff; }"
PROBLEM_STYLE = "QLabel#image { background: #fdecea; color: #b00020; border: 1px solid #b00020; }"
SHORT_DIGEST = 12  # characters of the SHA-256 shown; the tooltip has all 64


class ImageLabel(QLabel):
    """The photo, scaled to the label's size keeping its aspect ratio, again on every resize."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("image")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._source = QPixmap()

    def set_image(self, pixmap: QPixmap) -> None:
        self._source = pixmap
        self.setStyleSheet(IMAGE_STYLE)
        self._rescale()

    def set_problem(self, text: str) -> None:
        self._source = QPixmap()
        self.setStyleSheet(PROBLEM_STYLE)
        self.clear()
        self.setText(text)

    def source(self) -> QPixmap:
        return self._source

    def sizeHint(self) -> QSize:
        return QSize(800, 560)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        if self._source.isNull():
            return
        room = self.contentsRect().size()
        if room.width() <= 0 or room.height() <= 0:
            return
        self.setPixmap(
            self._source.scaled(
                room,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )


class PhotoViewerDialog(QDialog):
    """The photos given, one at a time, with Previous/Next (and the Left/Right keys).

    Window-modal; open with ``open()``. ``describe(photo)`` names the ulcer and visit a photo
    belongs to (the caller knows the ulcer's place); without it the visit code and ulcer key of
    the photo are shown.
    """

    def __init__(
        self,
        ctx: UiContext,
        photos: Sequence[UlcerPhotoInfo],
        parent: QWidget | None = None,
        *,
        index: int = 0,
        describe: Callable[[UlcerPhotoInfo], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("photo_viewer")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._ctx = ctx
        self._photos = list(photos)
        self._describe = describe
        self._index = -1
        self.problem_code: str | None = None  # the code of the message shown instead of a photo
        self.setWindowTitle(self.tr("Ulcer photos"))

        self.image = ImageLabel(self)
        self.caption = QLabel(self)
        self.caption.setObjectName("caption")
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.caption.font())
        font.setBold(True)
        self.caption.setFont(font)
        self.details = QLabel(self)
        self.details.setObjectName("details")
        self.details.setWordWrap(True)
        self.details.setStyleSheet(MUTED_STYLE)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.position = QLabel(self)
        self.position.setObjectName("position")
        self.previous_button = QPushButton(self.tr("< Previous"), self)
        self.previous_button.setObjectName("previous")
        self.previous_button.setToolTip(self.tr("Previous photo (Left arrow)"))
        self.next_button = QPushButton(self.tr("Next >"), self)
        self.next_button.setObjectName("next")
        self.next_button.setToolTip(self.tr("Next photo (Right arrow)"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        for button in (self.previous_button, self.next_button, self.close_button):
            button.setAutoDefault(False)
            button.setDefault(False)

        navigation = QHBoxLayout()
        navigation.addWidget(self.previous_button)
        navigation.addWidget(self.position)
        navigation.addWidget(self.next_button)
        navigation.addStretch(1)
        navigation.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.image, 1)
        layout.addWidget(self.caption)
        layout.addWidget(self.details)
        layout.addLayout(navigation)
        QWidget.setTabOrder(self.previous_button, self.next_button)
        QWidget.setTabOrder(self.next_button, self.close_button)

        # Left/Right as shortcuts, so they work whichever button has the focus.
        self.previous_action = QAction(self.tr("Previous photo"), self)
        self.previous_action.setShortcut(QKeySequence(Qt.Key.Key_Left))
        self.next_action = QAction(self.tr("Next photo"), self)
        self.next_action.setShortcut(QKeySequence(Qt.Key.Key_Right))
        for action in (self.previous_action, self.next_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.previous_action.triggered.connect(self.show_previous)
        self.next_action.triggered.connect(self.show_next)
        self.previous_button.clicked.connect(self.show_previous)
        self.next_button.clicked.connect(self.show_next)
        self.buttons.rejected.connect(self.reject)
        self.resize(960, 720)
        if self._photos:
            self.show_photo(min(max(index, 0), len(self._photos) - 1))
        else:
            self._show_empty()

    # -- public API ----------------------------------------------------------------------------

    def current_index(self) -> int:
        """The index of the photo shown, -1 when there are none."""
        return self._index

    def current_photo(self) -> UlcerPhotoInfo | None:
        return self._photos[self._index] if 0 <= self._index < len(self._photos) else None

    def show_photo(self, index: int) -> None:
        """Show the photo at ``index`` (reading its bytes now)."""
        if not 0 <= index < len(self._photos):
            return
        self._index = index
        photo = self._photos[index]
        self._load(photo)
        caption = (photo.caption or "").strip()
        self.caption.setText(caption or self.tr("(no caption)"))
        self.details.setText(self._details_text(photo))
        self.details.setToolTip(self.tr("SHA-256: {digest}").format(digest=photo.sha256))
        self.position.setText(
            self.tr("{n} of {total}").format(n=index + 1, total=len(self._photos))
        )
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self._photos) - 1)

    def show_previous(self) -> None:
        self.show_photo(self._index - 1)

    def show_next(self) -> None:
        self.show_photo(self._index + 1)

    # -- internals -----------------------------------------------------------------------------

    def _load(self, photo: UlcerPhotoInfo) -> None:
        self.problem_code = None
        try:
            data = ulcers.photo_data(self._ctx.study, self._ctx.user, photo.sha256)
        except ServiceError as error:
            self.problem_code = code_of(error)
            self.image.set_problem(service_message(error))
            return
        image = QImage.fromData(data)
        if image.isNull():
            self.problem_code = "photo:unreadable"
            self.image.set_problem(
                self.tr(
                    "This photo cannot be shown: the stored file is not an image this program "
                    "can read."
                )
            )
            return
        self.image.set_image(QPixmap.fromImage(image))

    def _details_text(self, photo: UlcerPhotoInfo) -> str:
        if self._describe is not None:
            belongs = self._describe(photo)
        else:
            belongs = self.tr("Visit {visit} · ulcer {ulcer}").format(
                visit=photo.visit_code, ulcer=photo.ulcer_key
            )
        parts = [
            self.tr("Taken on {date}").format(date=photo.taken_on.isoformat()),
            belongs,
            self.tr("SHA-256 {digest}…").format(digest=photo.sha256[:SHORT_DIGEST]),
        ]
        return " · ".join(part for part in parts if part)

    def _show_empty(self) -> None:
        self._index = -1
        self.image.set_problem(self.tr("There are no photos to show."))
        self.caption.clear()
        self.details.clear()
        self.position.clear()
        self.previous_button.setEnabled(False)
        self.next_button.setEnabled(False)


__all__ = ["ImageLabel", "PhotoViewerDialog"]
