"""The ulcer photo viewer on a real SQLite study: one photo at a time, read and checked lazily."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from sscvisit.handmap.commands import MapState
from sscvisit.services import ulcers
from sscvisit.services.dto import UlcerPhotoInfo
from sscvisit.services.errors import Msg, ServiceError
from sscvisit.ui.context import UiContext
from sscvisit.ui.messages import service_message
from sscvisit.ui.photo_viewer import PhotoViewerDialog
from tests.studyfixtures import StudyWithUsers
from tests.ui.test_ulcer_editor import (
    INJECTION,
    PNG,
    Course,
    enrolled_course,
    make_editor,
    mark,
)


def image_bytes(width: int, height: int, colour: str, fmt: str) -> bytes:
    """A real, small image file (PNG or JPEG) in one colour."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, fmt)  # type: ignore[call-overload]  # the stub wants bytes
    buffer.close()
    return bytes(data.data())


@dataclass
class Photos:
    course: Course
    key: str  # the ulcer's key
    digests: list[str]

    def infos(self) -> list[UlcerPhotoInfo]:
        su = self.course.su
        return ulcers.photos(su.study, su.users["nurse"], self.course.patient_id)

    def viewer(self, qtbot: QtBot, language: str = "en", index: int = 0) -> PhotoViewerDialog:
        su = self.course.su
        ctx = UiContext(su.study, su.users["nurse"], language)
        dialog = PhotoViewerDialog(ctx, self.infos(), None, index=index)
        qtbot.addWidget(dialog)
        dialog.resize(900, 700)
        dialog.open()
        qtbot.waitExposed(dialog)
        activate(qtbot, dialog)
        return dialog


def activate(qtbot: QtBot, dialog: PhotoViewerDialog) -> None:
    """The arrow keys are window shortcuts: they work in the active window, as for a person."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


def store(course: Course, key: str, data: bytes, media_type: str, caption: str) -> str:
    su = course.su
    return ulcers.add_photo(
        su.study,
        su.users["nurse"],
        course.patient_id,
        course.visits["injection"].id,
        key,
        data,
        media_type,
        INJECTION,
        caption=caption,
    )


def corrupt(course: Course, digest: str) -> None:
    """Change the stored bytes behind the service's back (the audit trail ignores ``data``)."""
    with course.su.study.engine.begin() as conn:
        conn.execute(
            text("UPDATE ulcer_photos SET data = :data WHERE sha256 = :digest"),
            {"data": image_bytes(8, 8, "#ff0000", "PNG"), "digest": digest},
        )


@pytest.fixture
def photos(study_users: StudyWithUsers) -> Photos:
    course = enrolled_course(study_users)
    state = course.save("injection", MapState(marks=(mark("n1", "R", "D2", "tip"),)))
    key = state.marks[0].key
    digests = [
        store(course, key, image_bytes(640, 480, "#3366cc", "PNG"), "image/png", "Before"),
        store(course, key, image_bytes(200, 400, "#cc6633", "JPEG"), "image/jpeg", "Close-up"),
    ]
    return Photos(course, key, digests)


def assert_fits(dialog: PhotoViewerDialog, width: int, height: int) -> None:
    pixmap = dialog.image.pixmap()
    assert not pixmap.isNull()
    room = dialog.image.contentsRect().size()
    assert 0 < pixmap.width() <= room.width()
    assert 0 < pixmap.height() <= room.height()
    # the aspect ratio is kept, and one side fills the room
    assert abs(pixmap.width() / pixmap.height() - width / height) < 0.02
    assert pixmap.width() >= room.width() - 1 or pixmap.height() >= room.height() - 1


def test_the_photo_is_shown_scaled_to_fit_with_its_details(qtbot: QtBot, photos: Photos) -> None:
    dialog = photos.viewer(qtbot)
    assert dialog.isModal() or dialog.windowModality() == Qt.WindowModality.WindowModal
    assert dialog.problem_code is None
    assert dialog.image.source().size().toTuple() == (640, 480)
    assert_fits(dialog, 640, 480)
    assert dialog.caption.text() == "Before"
    details = dialog.details.text()
    assert INJECTION.isoformat() in details
    assert photos.digests[0][:12] in details
    assert photos.digests[0] not in details  # shortened; the tooltip has it all
    assert photos.digests[0] in dialog.details.toolTip()
    assert dialog.position.text() == "1 of 2"
    assert not dialog.previous_button.isEnabled()
    assert dialog.next_button.isEnabled()

    before = dialog.image.pixmap().size()
    dialog.resize(600, 500)
    qtbot.waitUntil(lambda: dialog.image.pixmap().size() != before)
    assert_fits(dialog, 640, 480)


def test_previous_and_next_by_button_and_arrow_keys(qtbot: QtBot, photos: Photos) -> None:
    dialog = photos.viewer(qtbot)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.position.text() == "2 of 2"
    assert dialog.caption.text() == "Close-up"
    assert dialog.image.source().size().toTuple() == (200, 400)
    assert_fits(dialog, 200, 400)
    assert not dialog.next_button.isEnabled()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)  # disabled: stays
    assert dialog.current_index() == 1

    dialog.previous_button.setFocus()
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Left)
    assert dialog.position.text() == "1 of 2"
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Left)  # already the first
    assert dialog.current_index() == 0
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Right)
    assert dialog.position.text() == "2 of 2"
    qtbot.mouseClick(dialog.previous_button, Qt.MouseButton.LeftButton)
    assert dialog.current_index() == 0


def test_escape_closes(qtbot: QtBot, photos: Photos) -> None:
    dialog = photos.viewer(qtbot, index=1)
    assert dialog.position.text() == "2 of 2"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_corrupt_photo_shows_the_message_not_an_image(qtbot: QtBot, photos: Photos) -> None:
    corrupt(photos.course, photos.digests[1])
    dialog = photos.viewer(qtbot)
    assert dialog.problem_code is None  # only the photo shown is read: the first is sound
    assert not dialog.image.pixmap().isNull()
    qtbot.keyClick(dialog, Qt.Key.Key_Right)
    assert dialog.position.text() == "2 of 2"
    assert dialog.problem_code == Msg.PHOTO_CORRUPT.value
    assert dialog.image.pixmap().isNull()
    assert dialog.image.text() == service_message(ServiceError(Msg.PHOTO_CORRUPT))
    assert dialog.caption.text() == "Close-up"  # still says which photo it is
    qtbot.keyClick(dialog, Qt.Key.Key_Left)
    assert dialog.problem_code is None
    assert_fits(dialog, 640, 480)


def test_bytes_that_are_no_image_show_a_message(qtbot: QtBot, photos: Photos) -> None:
    store(photos.course, photos.key, PNG, "image/png", "")  # a PNG signature, then noise
    dialog = photos.viewer(qtbot, index=2)
    assert dialog.position.text() == "3 of 3"
    assert dialog.problem_code == "photo:unreadable"
    assert dialog.image.pixmap().isNull()
    assert "cannot be shown" in dialog.image.text()
    assert dialog.caption.text() == "(no caption)"


def test_the_editor_opens_the_photos_of_the_selected_ulcer(qtbot: QtBot, photos: Photos) -> None:
    editor = make_editor(qtbot, photos.course, "injection")
    assert editor.selected_key() is None or editor.selected_key() == photos.key
    editor.select(photos.key)
    assert editor.view_photos_button.isEnabled()
    qtbot.mouseClick(editor.view_photos_button, Qt.MouseButton.LeftButton)
    dialog = editor.photo_viewer
    assert dialog is not None
    qtbot.waitExposed(dialog)
    activate(qtbot, dialog)
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    assert dialog.position.text() == "1 of 2"
    qtbot.keyClick(dialog.next_button, Qt.Key.Key_Right)
    assert dialog.position.text() == "2 of 2"
    assert "#1" in dialog.details.text()  # names the ulcer and the visit
    assert photos.course.visits["injection"].label("en") in dialog.details.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: editor.photo_viewer is None)  # closed and deleted


def test_the_view_button_needs_a_photo_and_follows_the_tab_order(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    course = enrolled_course(study_users)
    state = course.save(
        "injection",
        MapState(marks=(mark("n1", "R", "D2", "tip"), mark("n2", "L", "D3", "tip"))),
    )
    store(course, state.marks[0].key, image_bytes(64, 48, "#336633", "PNG"), "image/png", "")
    editor = make_editor(qtbot, course, "injection")
    editor.select(state.marks[1].key)
    assert not editor.view_photos_button.isEnabled()
    editor.select(state.marks[0].key)
    assert editor.view_photos_button.isEnabled()
    assert editor.photo_button.nextInFocusChain() is editor.view_photos_button

    monitor = make_editor(qtbot, course, "injection", role="monitor")
    monitor.select(state.marks[0].key)
    assert monitor.view_photos_button.isVisible()  # looking is not changing
    assert monitor.view_photos_button.isEnabled()
    viewer = monitor.view_photos()
    assert viewer is not None
    assert viewer.problem_code is None
    viewer.reject()
