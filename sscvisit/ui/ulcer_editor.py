"""One visit's ulcer map: the hand map, the list of ulcers, the selected ulcer's fields, Save.

Every gesture is one data-only command of ``sscvisit.handmap.commands`` (add, edit, move,
remove), applied by the pure ``commands.apply`` and wrapped in one QUndoCommand whose undo applies
the inverse command (STYLE.md item 4, Orange3 ``owpaintdata.py``). The rules live in the commands
and the service: a refused command comes back as ``MapError`` naming its field, and the message
is shown beside that field. A field is committed when its editing is finished (Enter, Tab, a click
elsewhere), so one edit is one undo step, never one per keystroke.

Saving hands the whole map to ``ulcers.save_visit_map``; changing what was saved asks for a
reason first. At a follow-up visit the map opens with the ulcers carried forward from the last
visit (``ulcers.visit_map``); clicking a site where an ulcer healed before offers to record the
new one as its recurrence.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sscvisit.handmap import commands
from sscvisit.handmap.commands import (
    AddUlcer,
    Command,
    EditUlcer,
    MapError,
    MapState,
    MoveUlcer,
    RemoveUlcer,
    UlcerMark,
)
from sscvisit.model.fields import Field, FieldError, FieldErrors, Problem, Value
from sscvisit.scoring.ulcer import ellipse_area
from sscvisit.services import ulcers
from sscvisit.services.dto import UlcerPhotoInfo, VisitInfo
from sscvisit.services.errors import ConflictError, ReasonRequired, ServiceError
from sscvisit.ui.acr_panel import freeze
from sscvisit.ui.context import UiContext
from sscvisit.ui.forms import (
    ERROR_STYLE,
    display_text,
    field_caption,
    is_multiline,
    multiline_edit,
    set_text_read_only,
    typed_text,
)
from sscvisit.ui.hand_map import (
    HandMapWidget,
    finger_label,
    hand_label,
    location_text,
    status_label,
)
from sscvisit.ui.messages import code_of, field_message
from sscvisit.ui.photo_viewer import PhotoViewerDialog
from sscvisit.ui.reason_dialog import ReasonDialog
from sscvisit.ui.register_dialog import ErrorBanner

MUTED_STYLE = "color: #5f6368;"
SIDE_WIDTH = 450
MISSING_COLOUR = QColor("#b00020")
OFFER_STYLE = "QFrame#recurrence_offer { background: #fff8e1; border: 1px solid #f0c36d; }"

# The fields of the selected ulcer, in the order they are shown and tabbed through.
LINE_FIELDS = ("length_mm", "width_mm", "pain_vas", "comment")
CODE_FIELDS = ("status", "depth")
FLAG_FIELDS = ("infection", "on_calcinosis", "on_pitting_scar", "gangrene")
VALUE_FIELDS = (
    "status",
    "length_mm",
    "width_mm",
    "depth",
    *FLAG_FIELDS,
    "pain_vas",
    "comment",
)
PLACE_FIELDS = ("hand", "finger", "site")
IMAGE_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}


def map_error_message(code: str, params: Mapping[str, object]) -> str:
    """A refusal of the map's rules (MapError code, or the same rule named by the service)."""

    def number(name: str) -> str:
        value = params.get(name)
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)

    texts: dict[str, Callable[[], str]] = {
        "duplicate_active_site": lambda: QCoreApplication.translate(
            "UlcerEditor",
            "This site already has an open ulcer. Click it on the map to change it, or "
            "mark it healed first.",
        ),
        "unknown_site": lambda: QCoreApplication.translate(
            "UlcerEditor",
            "The hand map has no such site on this finger (the thumb has no PIP joint).",
        ),
        "size_range": lambda: QCoreApplication.translate(
            "UlcerEditor", "Must be between {minimum} and {maximum} mm."
        ).format(minimum=number("minimum"), maximum=number("maximum")),
        "width_gt_length": lambda: QCoreApplication.translate(
            "UlcerEditor", "The width is larger than the length: the length is the longer axis."
        ),
        "vas_range": lambda: QCoreApplication.translate(
            "UlcerEditor", "The pain VAS must be between {minimum} and {maximum} mm."
        ).format(minimum=number("minimum"), maximum=number("maximum")),
        "not_removable": lambda: QCoreApplication.translate(
            "UlcerEditor",
            "This ulcer was recorded at an earlier visit: set its status to healed instead "
            "of removing it.",
        ),
        "not_new": lambda: QCoreApplication.translate(
            "UlcerEditor",
            "This ulcer was seen at an earlier visit, so it is not new since the last visit.",
        ),
        "recurrence_not_healed": lambda: QCoreApplication.translate(
            "UlcerEditor", "Only an ulcer that healed at this same site before can recur here."
        ),
        "photo_too_large": lambda: QCoreApplication.translate(
            "UlcerEditor", "The photo is too large (at most {limit} MB)."
        ).format(limit=_megabytes(params.get("limit"))),
        "photo_type_mismatch": lambda: QCoreApplication.translate(
            "UlcerEditor", "The file is not a JPEG or PNG image."
        ),
    }
    text = texts.get(code)
    if text is None:
        return QCoreApplication.translate("UlcerEditor", "This change cannot be made here.")
    return text()


def _megabytes(value: object) -> str:
    return str(round(value / (1024 * 1024))) if isinstance(value, int) else "?"


def _number_text(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _area_text(mark: UlcerMark) -> str:
    if mark.length_mm is None or mark.width_mm is None:
        return "—"
    try:
        return f"{ellipse_area(mark.length_mm, mark.width_mm):.2f}"
    except ValueError:
        return "—"


def _size_text(mark: UlcerMark) -> str:
    if mark.length_mm is None and mark.width_mm is None:
        return "—"
    return f"{_number_text(mark.length_mm) or '?'} × {_number_text(mark.width_mm) or '?'}"


def _needs_sizes(mark: UlcerMark) -> bool:
    return mark.is_active and (mark.length_mm is None or mark.width_mm is None)


# --- the list of ulcers ---------------------------------------------------------------------------


class UlcerListModel(QAbstractTableModel):
    """The ulcers of the map in their numbered order: number, finger, site, status, size."""

    COLUMNS = ("number", "finger", "site", "status", "size", "area")

    def __init__(self, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._state = MapState()
        self._status_field = ulcers.OBSERVATION_FIELDS["status"]
        self._site_field = ulcers.ULCER_FIELDS["site"]

    def set_state(self, state: MapState) -> None:
        self.beginResetModel()
        self._state = state
        self.endResetModel()

    def key_at(self, row: int) -> str | None:
        if 0 <= row < len(self._state.marks):
            return self._state.marks[row].key
        return None

    def row_of(self, key: str) -> int:
        try:
            return self._state.index_of(key)
        except KeyError:
            return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._state.marks)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        titles = {
            "number": QCoreApplication.translate("UlcerEditor", "#"),
            "finger": QCoreApplication.translate("UlcerEditor", "Finger"),
            "site": QCoreApplication.translate("UlcerEditor", "Site"),
            "status": QCoreApplication.translate("UlcerEditor", "Status"),
            "size": QCoreApplication.translate("UlcerEditor", "Size (mm)"),
            "area": QCoreApplication.translate("UlcerEditor", "Area (mm²)"),
        }
        return titles[self.COLUMNS[section]]

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._state.marks):
            return None
        mark = self._state.marks[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "number":
                return str(index.row() + 1)
            if column == "finger":
                return f"{hand_label(mark.hand)} {finger_label(mark.finger)}"
            if column == "site":
                return self._site_field.code_label(mark.site, self._language)
            if column == "status":
                return status_label(mark.status).capitalize()
            if column == "size":
                return _size_text(mark)
            return _area_text(mark)
        if role == Qt.ItemDataRole.ToolTipRole:
            if _needs_sizes(mark):
                return QCoreApplication.translate("UlcerEditor", "Enter the length and width.")
            return self._status_field.code_label(mark.status, self._language)
        if role == Qt.ItemDataRole.ForegroundRole and column == "size" and _needs_sizes(mark):
            return QBrush(MISSING_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in {"number", "size", "area"}:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


# --- undo -----------------------------------------------------------------------------------------


class MapUndoCommand(QUndoCommand):
    """One gesture: redo applies the data-only command, undo applies its inverse."""

    def __init__(self, editor: UlcerEditor, command: Command, text: str) -> None:
        super().__init__(text)
        self._editor = editor
        self.command = command
        self._inverse: Command | None = None

    def redo(self) -> None:
        state, self._inverse = commands.apply(self._editor.state, self.command)
        self._editor.show_state(state, _touched(self.command))

    def undo(self) -> None:
        assert self._inverse is not None  # redo ran when the command was pushed
        state, _ = commands.apply(self._editor.state, self._inverse)
        self._editor.show_state(state, _touched(self._inverse))


def _touched(command: Command) -> str | None:
    """The ulcer to select after a command: the one it concerns, if it is still on the map."""
    if isinstance(command, AddUlcer):
        return command.mark.key
    if isinstance(command, RemoveUlcer):
        return None
    return command.key


# --- the editor -----------------------------------------------------------------------------------


class UlcerEditor(QWidget):
    """The ulcer map of one visit. ``saved(patient_id)`` after each successful save.

    Read-only (ulcers can be selected and looked at, nothing changed) without enter_data.
    """

    saved = Signal(int)

    def __init__(self, ctx: UiContext, visit: VisitInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ulcer_editor")
        self._ctx = ctx
        self.visit = visit
        language = ctx.language
        self.read_only = not ctx.user.may("enter_data")
        self._fields: dict[str, Field] = dict(ulcers.OBSERVATION_FIELDS)
        self._place_fields: dict[str, Field] = dict(ulcers.ULCER_FIELDS)
        self.state = MapState()
        self.saved_state = MapState()
        self.before = MapState()  # every ulcer seen before this visit (recurrence candidates)
        self._version = 0
        self._selected: str | None = None
        self._conflict = False
        self._loading = False
        self._shown: dict[str, str] = {}  # field -> code of the message shown there
        self._swap: EditUlcer | None = None
        self._offer_place: tuple[str, str, str] | None = None
        self._offer_candidate: str | None = None
        self._photos: list[UlcerPhotoInfo] = []
        self.photo_viewer: PhotoViewerDialog | None = None
        self.reason_dialog: ReasonDialog | None = None
        self.undo_stack = QUndoStack(self)

        # -- heading and map
        self.heading = QLabel(self._heading_text(), self)
        self.heading.setObjectName("heading")
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.map = HandMapWidget(language, self)
        self.map.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.map.set_editable(not self.read_only)
        self.hint = QLabel(self._hint_text(), self)
        self.hint.setObjectName("hint")
        self.hint.setStyleSheet(MUTED_STYLE)
        self.hint.setWordWrap(True)

        # -- the list
        self.list_model = UlcerListModel(language, self)
        self.list = QTableView(self)
        self.list.setObjectName("ulcer_list")
        self.list.setModel(self.list_model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.verticalHeader().hide()
        self.list.setAlternatingRowColors(True)
        self.list.setTabKeyNavigation(False)
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(
            UlcerListModel.COLUMNS.index("site"), QHeaderView.ResizeMode.Stretch
        )
        row_height = self.list.fontMetrics().height() + 6
        self.list.verticalHeader().setDefaultSectionSize(row_height)
        # Six ulcers show without scrolling; the rest of the height goes to the map.
        self.list.setFixedHeight(header.sizeHint().height() + 6 * row_height + 4)
        self.list_note = QLabel(self)
        self.list_note.setObjectName("list_note")
        self.list_note.setStyleSheet(MUTED_STYLE)
        self.list_note.setWordWrap(True)

        # -- where: hand, finger, site, Add, Move
        self.place_box = QGroupBox(self.tr("Site"), self)
        self.combos: dict[str, QComboBox] = {}
        for name in PLACE_FIELDS:
            combo = QComboBox(self.place_box)
            combo.setObjectName(name)
            field = self._place_fields[name]
            combo.setAccessibleName(field.label(language))
            for code in field.codes:
                combo.addItem(code.label_nl if language == "nl" else code.label_en, code.value)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.installEventFilter(self)
            combo.activated.connect(lambda _i: self._clear_message("site"))
            self.combos[name] = combo
        self.add_button = QPushButton(self.tr("Add ulcer"), self.place_box)
        self.add_button.setObjectName("add")
        self.add_button.setToolTip(self.tr("Add an ulcer at this site (Enter)"))
        self.move_button = QPushButton(self.tr("Move selected here"), self.place_box)
        self.move_button.setObjectName("move")
        place_grid = QGridLayout(self.place_box)
        place_grid.setHorizontalSpacing(6)
        place_grid.setVerticalSpacing(4)
        for column, name in enumerate(PLACE_FIELDS):
            caption = QLabel(self._place_fields[name].label(language), self.place_box)
            caption.setBuddy(self.combos[name])
            place_grid.addWidget(caption, 0, column)
            place_grid.addWidget(self.combos[name], 1, column)
        place_grid.setColumnStretch(2, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.move_button)
        buttons.addStretch(1)
        place_grid.addLayout(buttons, 2, 0, 1, 3)
        self.messages: dict[str, QLabel] = {}
        place_grid.addWidget(self._message_label("site", self.place_box), 3, 0, 1, 3)

        # -- the recurrence offer
        self.offer = QFrame(self)
        self.offer.setObjectName("recurrence_offer")
        self.offer.setStyleSheet(OFFER_STYLE)
        self.offer_text = QLabel(self.offer)
        self.offer_text.setWordWrap(True)
        self.recurrence_button = QPushButton(self.tr("Recurrence of the healed ulcer"), self.offer)
        self.recurrence_button.setObjectName("recurrence")
        self.unrelated_button = QPushButton(self.tr("A new, unrelated ulcer"), self.offer)
        self.unrelated_button.setObjectName("unrelated")
        self.offer_cancel = QPushButton(self.tr("Cancel"), self.offer)
        offer_layout = QVBoxLayout(self.offer)
        offer_layout.setContentsMargins(8, 6, 8, 6)
        offer_layout.addWidget(self.offer_text)
        offer_buttons = QHBoxLayout()
        offer_buttons.addWidget(self.recurrence_button)
        offer_buttons.addWidget(self.unrelated_button)
        offer_buttons.addWidget(self.offer_cancel)
        offer_buttons.addStretch(1)
        offer_layout.addLayout(offer_buttons)
        self.offer.hide()

        # -- the selected ulcer
        self.details = QGroupBox(self)
        self.details.setObjectName("details")
        self.editors: dict[str, QWidget] = {}
        grid = QGridLayout(self.details)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(3)
        grid.setColumnStretch(1, 1)
        row = 0
        for name in ("status", "length_mm", "width_mm"):
            row = self._add_row(grid, row, name)
        self.swap_button = QPushButton(self.tr("Swap length and width"), self.details)
        self.swap_button.setObjectName("swap")
        self.swap_button.hide()
        grid.addWidget(self.swap_button, row, 1, Qt.AlignmentFlag.AlignLeft)
        row += 1
        area_field = self._fields["area_mm2"]
        grid.addWidget(QLabel(field_caption(area_field, language), self.details), row, 0)
        self.area = QLabel("—", self.details)
        self.area.setObjectName("area")
        grid.addWidget(self.area, row, 1)
        row += 1
        row = self._add_row(grid, row, "depth")
        flags = QGridLayout()
        flags.setHorizontalSpacing(12)
        for i, name in enumerate(FLAG_FIELDS):
            box = QCheckBox(self._fields[name].label(language), self.details)
            box.setObjectName(name)
            box.clicked.connect(lambda _c=False, n=name: self._commit(n))
            self.editors[name] = box
            flags.addWidget(box, i // 2, i % 2)
        grid.addLayout(flags, row, 0, 1, 2)
        row += 1
        row = self._add_row(grid, row, "pain_vas")
        row = self._add_row(grid, row, "comment")
        self.recurrence_note = QLabel(self.details)
        self.recurrence_note.setObjectName("recurrence_note")
        self.recurrence_note.setStyleSheet(MUTED_STYLE)
        self.recurrence_note.setWordWrap(True)
        grid.addWidget(self.recurrence_note, row, 0, 1, 2)
        row += 1
        grid.addWidget(self._message_label("recurrence_of", self.details), row, 0, 1, 2)
        row += 1
        self.remove_button = QPushButton(self.tr("Remove"), self.details)
        self.remove_button.setObjectName("remove")
        self.remove_button.setToolTip(self.tr("Remove an ulcer added by mistake (Delete)"))
        self.photo_button = QPushButton(self.tr("Add photo…"), self.details)
        self.photo_button.setObjectName("add_photo")
        self.view_photos_button = QPushButton(self.tr("View photos…"), self.details)
        self.view_photos_button.setObjectName("view_photos")
        self.view_photos_button.setToolTip(self.tr("Look at the photos of this ulcer"))
        self.view_photos_button.setEnabled(False)
        self.photo_label = QLabel(self.details)
        self.photo_label.setObjectName("photos")
        self.photo_label.setStyleSheet(MUTED_STYLE)
        self.photo_label.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.remove_button)
        actions.addWidget(self.photo_button)
        actions.addWidget(self.view_photos_button)
        actions.addStretch(1)
        grid.addLayout(actions, row, 0, 1, 2)
        row += 1
        grid.addWidget(self._message_label("key", self.details), row, 0, 1, 2)
        row += 1
        grid.addWidget(self.photo_label, row, 0, 1, 2)
        row += 1
        grid.addWidget(self._message_label("photo", self.details), row, 0, 1, 2)

        # -- footer: undo, redo, save
        self.undo_action = QAction(self.tr("Undo"), self)
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo_action = QAction(self.tr("Redo"), self)
        self.redo_action.setShortcuts(
            [
                QKeySequence(QKeySequence.StandardKey.Redo),
                QKeySequence("Ctrl+Shift+Z"),
                QKeySequence("Ctrl+Y"),
            ]
        )
        self.delete_action = QAction(self.tr("Remove"), self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        for action in (self.undo_action, self.redo_action, self.delete_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.undo_button = QToolButton(self)
        self.undo_button.setObjectName("undo")
        self.undo_button.setDefaultAction(self.undo_action)
        self.undo_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.redo_button = QToolButton(self)
        self.redo_button.setObjectName("redo")
        self.redo_button.setDefaultAction(self.redo_action)
        self.redo_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.banner = ErrorBanner(self)
        self.status_line = QLabel(self)
        self.status_line.setObjectName("status_line")
        self.status_line.setStyleSheet(MUTED_STYLE)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("save")
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

        # -- layout: the map on the left (as large as the window allows), the rest beside it
        left = QVBoxLayout()
        left.setSpacing(4)
        left.addWidget(self.map, 1)
        left.addWidget(self.hint)
        left.addWidget(self.list)
        left.addWidget(self.list_note)
        right = QVBoxLayout()
        right.setSpacing(6)
        right.addWidget(self.place_box)
        right.addWidget(self.offer)
        right.addWidget(self.details)
        right.addStretch(1)
        side = QWidget(self)
        side.setLayout(right)
        side.setFixedWidth(max(SIDE_WIDTH, side.sizeHint().width()))
        right.setContentsMargins(0, 0, 0, 0)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(side)
        footer = QHBoxLayout()
        footer.addWidget(self.undo_button)
        footer.addWidget(self.redo_button)
        footer.addSpacing(12)
        footer.addWidget(self.status_line, 1)
        footer.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(body, 1)
        layout.addWidget(self.banner)
        layout.addLayout(footer)

        # -- tab order: site, add, list, fields, buttons, save
        chain: list[QWidget] = [
            *self.combos.values(),
            self.add_button,
            self.move_button,
            self.recurrence_button,
            self.unrelated_button,
            self.offer_cancel,
            self.list,
            *(self.editors[name] for name in ("status", "length_mm", "width_mm")),
            self.swap_button,
            self.editors["depth"],
            *(self.editors[name] for name in FLAG_FIELDS),
            self.editors["pain_vas"],
            self.editors["comment"],
            self.remove_button,
            self.photo_button,
            self.view_photos_button,
            self.undo_button,
            self.redo_button,
            self.save_button,
        ]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

        # -- signals
        self.map.siteClicked.connect(self.choose_site)
        self.map.ulcerClicked.connect(self.select)
        self.map.ulcerDropped.connect(self._on_dropped)
        self.list.selectionModel().currentRowChanged.connect(self._on_list_row)
        self.list.installEventFilter(self)
        self.map.installEventFilter(self)
        self.add_button.clicked.connect(self.add_from_keyboard)
        self.move_button.clicked.connect(self.move_selected_here)
        self.recurrence_button.clicked.connect(lambda: self._accept_offer(recurrence=True))
        self.unrelated_button.clicked.connect(lambda: self._accept_offer(recurrence=False))
        self.offer_cancel.clicked.connect(self.cancel_offer)
        self.swap_button.clicked.connect(self.swap_sizes)
        self.remove_button.clicked.connect(self.remove_selected)
        self.photo_button.clicked.connect(self.choose_photo)
        self.view_photos_button.clicked.connect(self.view_photos)
        self.undo_action.triggered.connect(self.undo)
        self.redo_action.triggered.connect(self.redo)
        self.delete_action.triggered.connect(self.remove_selected)
        self.save_button.clicked.connect(self.submit)

        self._load()
        if self.read_only:
            for widget in (*self.combos.values(), *self.editors.values()):
                freeze(widget, True)
                set_text_read_only(widget, True)
            for widget in (
                self.add_button,
                self.move_button,
                self.remove_button,
                self.photo_button,
                self.save_button,
                self.undo_button,
                self.redo_button,
            ):
                widget.hide()
            self.hint.setText(self.tr("Read only: your role may view but not change data."))
        self._update_actions()

    # -- building ------------------------------------------------------------------------------

    def _heading_text(self) -> str:
        visit = self.visit
        date = visit.visit_date.isoformat() if visit.visit_date is not None else "—"
        return self.tr("{subject} · {visit} ({date}) · Ulcer map").format(
            subject=visit.subject_number, visit=visit.label(self._ctx.language), date=date
        )

    def _hint_text(self) -> str:
        return self.tr(
            "Click a site to add an ulcer there, or an ulcer to select it; drag an ulcer to "
            "move it. Keyboard: choose hand, finger and site, then Enter. Delete removes an "
            "ulcer added by mistake; Ctrl+Z undoes, Ctrl+Shift+Z redoes."
        )

    def _message_label(self, name: str, parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setObjectName(f"error_{name}")
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        label.hide()
        self.messages[name] = label
        return label

    def _add_row(self, grid: QGridLayout, row: int, name: str) -> int:
        field = self._fields[name]
        language = self._ctx.language
        editor: QWidget
        if field.kind == "code":
            combo = QComboBox(self.details)
            if not field.required or name == "depth":
                combo.addItem("—", None)
            for code in field.codes:
                combo.addItem(code.label_nl if language == "nl" else code.label_en, code.value)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.activated.connect(lambda _i, n=name: self._commit(n))
            editor = combo
        elif is_multiline(field):
            # Sentences: a few lines; finished (committed) when focus leaves it, as a line edit.
            text = multiline_edit(self.details, rows=3)
            text.textChanged.connect(lambda n=name: self._check_typed(n))
            text.installEventFilter(self)
            editor = text
        else:
            line = QLineEdit(self.details)
            if field.kind == "text":
                line.setMaxLength(field.max_length or 1000)
            else:
                line.setMaximumWidth(line.fontMetrics().horizontalAdvance("0" * 8) + 24)
                line.setPlaceholderText(
                    self.tr("{minimum}–{maximum}").format(
                        minimum=_number_text(field.minimum), maximum=_number_text(field.maximum)
                    )
                )
            line.editingFinished.connect(lambda n=name: self._commit(n))
            line.textEdited.connect(lambda _t, n=name: self._check_typed(n))
            line.installEventFilter(self)
            editor = line
        editor.setObjectName(name)
        editor.setAccessibleName(field.label(language))
        label = QLabel(field_caption(field, language), self.details)
        label.setBuddy(editor)
        self.editors[name] = editor
        grid.addWidget(label, row, 0)
        if isinstance(editor, QLineEdit | QPlainTextEdit) and field.kind == "text":
            grid.addWidget(editor, row, 1)
        else:
            grid.addWidget(editor, row, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self._message_label(name, self.details), row + 1, 0, 1, 2)
        return row + 2

    # -- loading -------------------------------------------------------------------------------

    def _load(self) -> None:
        study, user = self._ctx.study, self._ctx.user
        try:
            state = ulcers.visit_map(study, user, self.visit.id)
            self.before = ulcers.ulcers_before(study, user, self.visit.id)
            self._version = ulcers.map_version(study, user, self.visit.id)
        except ServiceError as error:
            self.banner.show_service_error(error)
            state = MapState()
        self.saved_state = state
        self.undo_stack.clear()
        self.show_state(state, state.marks[0].key if state.marks else None)
        self._load_photos()

    def _load_photos(self) -> None:
        try:
            self._photos = ulcers.photos(
                self._ctx.study, self._ctx.user, self.visit.patient_id, visit_id=self.visit.id
            )
        except ServiceError:
            self._photos = []
        self._show_photos()

    # -- public API ----------------------------------------------------------------------------

    def is_saved(self) -> bool:
        """Whether this visit's map was saved (even with no ulcer on it)."""
        return self._version > 0

    def is_dirty(self) -> bool:
        return self.state.marks != self.saved_state.marks

    def selected_key(self) -> str | None:
        return self._selected

    def selected_mark(self) -> UlcerMark | None:
        if self._selected is None:
            return None
        try:
            return self.state.get(self._selected)
        except KeyError:
            return None

    def editor(self, name: str) -> QWidget:
        """The editor of a field of the selected ulcer, or a site combo (hand, finger, site)."""
        if name in self.combos:
            return self.combos[name]
        return self.editors[name]

    def error_code(self, name: str) -> str | None:
        """The code of the message shown at a field: "map:<code>" for a refused command, the
        ``code_of`` a FieldError otherwise; None when none is shown. Names: the value fields,
        "site" (the site choice), "key" (remove), "recurrence_of", "photo", and None for the
        banner."""
        return self._shown.get(name)

    def message_text(self, name: str) -> str:
        return self.messages[name].text() if name in self._shown else ""

    def select(self, key: str | None) -> None:
        """Select an ulcer (None: none): highlighted on the map and in the list, fields shown."""
        if key != self._selected:
            self._commit_pending()
        if key is not None and all(m.key != key for m in self.state.marks):
            key = None
        self._selected = key
        self.map.set_selected(key)
        row = self.list_model.row_of(key) if key is not None else -1
        self._loading = True
        try:
            if row >= 0:
                self.list.selectRow(row)
                self.list.scrollTo(self.list_model.index(row, 0))
            else:
                self.list.clearSelection()
                self.list.setCurrentIndex(QModelIndex())
        finally:
            self._loading = False
        self._swap = None
        self.swap_button.hide()
        for name in (*VALUE_FIELDS, "key", "recurrence_of", "photo"):
            self._clear_message(name)
        self._show_fields()

    def choose_site(self, hand: str, finger: str, site: str) -> None:
        """A site was picked (a click on the map, or the combos and Enter): select or add."""
        self._commit_pending()
        self._set_place(hand, finger, site)
        self.cancel_offer()
        existing = self.state.active_at(hand, finger, site)
        if existing is not None:
            self.select(existing.key)
            return
        if self.read_only:
            return
        candidate = self._recurrence_candidate(hand, finger, site)
        if candidate is not None:
            self._offer(hand, finger, site, candidate)
            return
        self.add_ulcer(hand, finger, site)

    def add_from_keyboard(self) -> None:
        self.choose_site(*self._place())

    def add_ulcer(
        self, hand: str, finger: str, site: str, *, recurrence_of: str | None = None
    ) -> bool:
        """Add a new ulcer (status "new") at a site; one undo step. False when refused."""
        mark = UlcerMark(
            key=self.state.next_key(),
            hand=hand,
            finger=finger,
            site=site,
            status="new",
            recurrence_of=recurrence_of,
        )
        number = len(self.state.marks) + 1
        if not self.push(AddUlcer(mark), self.tr("add ulcer #{n}").format(n=number), "site"):
            return False
        self.editors["length_mm"].setFocus(Qt.FocusReason.OtherFocusReason)  # measure it next
        return True

    def edit_selected(self, changes: Mapping[str, object], at: str | None = None) -> bool:
        """Change fields of the selected ulcer as one undo step; False when refused."""
        mark = self.selected_mark()
        if mark is None:
            return False
        names = [self._fields[n].label(self._ctx.language) for n in changes if n in self._fields]
        text = self.tr("change {fields} of #{n}").format(
            fields=", ".join(names) or self.tr("ulcer"), n=self.state.number_of(mark.key)
        )
        return self.push(EditUlcer(mark.key, dict(changes)), text, at or next(iter(changes)))

    def move_selected(self, hand: str, finger: str, site: str) -> bool:
        mark = self.selected_mark()
        if mark is None:
            return False
        if mark.place == (hand, finger, site):
            return True
        text = self.tr("move #{n}").format(n=self.state.number_of(mark.key))
        return self.push(MoveUlcer(mark.key, hand, finger, site), text, "site")

    def move_selected_here(self) -> None:
        self._commit_pending()
        self.move_selected(*self._place())

    def remove_selected(self) -> bool:
        mark = self.selected_mark()
        if mark is None or self.read_only:
            return False
        text = self.tr("remove #{n}").format(n=self.state.number_of(mark.key))
        return self.push(RemoveUlcer(mark.key), text, "key")

    def swap_sizes(self) -> None:
        if self._swap is None:
            return
        swap = self._swap
        self._swap = None
        self.swap_button.hide()
        self.edit_selected(swap.changes, at="width_mm")

    def push(self, command: Command, text: str, at: str) -> bool:
        """Check the command with the pure ``apply``, then push it as one undo step.

        A refusal is shown at the field the MapError names (or at ``at``); nothing changes.
        """
        if self.read_only:
            return False
        try:
            commands.apply(self.state, command)
        except MapError as error:
            self._show_map_error(error, at, command)
            return False
        self._clear_message(at)
        self.undo_stack.push(MapUndoCommand(self, command, text))
        self._update_actions()
        return True

    def undo(self) -> None:
        self._commit_pending()
        self.undo_stack.undo()
        self._update_actions()

    def redo(self) -> None:
        self._commit_pending()
        self.undo_stack.redo()
        self._update_actions()

    def show_state(self, state: MapState, touched: str | None = None) -> None:
        """Show a new map state (from a command, its undo, a load or a save)."""
        self.state = state
        self.map.set_state(state)
        self.list_model.set_state(state)
        keep = self._selected if touched is None else touched
        if keep is not None and all(m.key != keep for m in state.marks):
            keep = None
        self._selected = None  # force the fields to reload
        self.select(keep)
        self._update_list_note()
        self._update_actions()

    # -- the recurrence offer ------------------------------------------------------------------

    def _recurrence_candidate(self, hand: str, finger: str, site: str) -> str | None:
        candidate = commands.recurrence_candidate(self.before, hand, finger, site)
        if candidate is None:
            return None
        if any(mark.recurrence_of == candidate for mark in self.state.marks):
            return None  # already recorded as recurring at this visit
        return candidate

    def _offer(self, hand: str, finger: str, site: str, candidate: str) -> None:
        self._offer_place = (hand, finger, site)
        self._offer_candidate = candidate
        self.offer_text.setText(
            self.tr(
                "An ulcer at {place} healed at an earlier visit. Is this new ulcer that ulcer "
                "coming back?"
            ).format(place=self._place_text(hand, finger, site))
        )
        self.offer.show()
        self.recurrence_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def offer_shown(self) -> bool:
        return self._offer_place is not None

    def cancel_offer(self) -> None:
        self._offer_place = None
        self._offer_candidate = None
        self.offer.hide()

    def _accept_offer(self, *, recurrence: bool) -> None:
        if self._offer_place is None:
            return
        place, candidate = self._offer_place, self._offer_candidate
        self.cancel_offer()
        self.add_ulcer(*place, recurrence_of=candidate if recurrence else None)

    # -- fields --------------------------------------------------------------------------------

    def _show_fields(self) -> None:
        mark = self.selected_mark()
        self._loading = True
        try:
            if mark is None:
                self.details.setTitle(self.tr("No ulcer selected"))
            else:
                self.details.setTitle(
                    self.tr("Ulcer #{n}: {place}").format(
                        n=self.state.number_of(mark.key),
                        place=self._place_text(mark.hand, mark.finger, mark.site),
                    )
                )
                self._set_place(mark.hand, mark.finger, mark.site)
            for name in VALUE_FIELDS:
                editor = self.editors[name]
                value: Value = None if mark is None else getattr(mark, name)
                if isinstance(editor, QComboBox):
                    index = editor.findData(value) if value is not None else editor.findData(None)
                    editor.setCurrentIndex(max(index, 0) if value is not None else index)
                elif isinstance(editor, QCheckBox):
                    editor.setChecked(bool(value))
                elif isinstance(editor, QPlainTextEdit):
                    editor.setPlainText("" if value is None else str(value))
                elif isinstance(editor, QLineEdit):
                    if isinstance(value, int | float) and not isinstance(value, bool):
                        editor.setText(_number_text(float(value)))
                    else:
                        editor.setText("" if value is None else str(value))
            self.area.setText("—" if mark is None else _area_text(mark))
            recurrence = None if mark is None else mark.recurrence_of
            if recurrence is not None:
                self.recurrence_note.setText(
                    self.tr("Recurrence of an ulcer that healed here at an earlier visit.")
                )
                self.recurrence_note.show()
            else:
                self.recurrence_note.clear()
                self.recurrence_note.hide()
        finally:
            self._loading = False
        editable = mark is not None and not self.read_only
        for name, editor in self.editors.items():
            editor.setEnabled(mark is not None)
            if name in {"length_mm", "width_mm", "depth"} and mark is not None:
                editor.setEnabled(mark.status != "healed")  # a healed ulcer keeps none
        self.remove_button.setEnabled(
            editable and mark is not None and not commands.is_saved_key(mark.key)
        )
        self.move_button.setEnabled(editable)
        self._show_photos()

    def _value_of(self, name: str) -> tuple[bool, Value]:
        """(ok, value) of a field as the user left it; a FieldError is shown at the field."""
        editor = self.editors[name]
        field = self._fields[name]
        typed = typed_text(editor)
        try:
            if typed is not None:
                return True, field.parse(typed)
            if isinstance(editor, QComboBox):
                data = editor.currentData()
                return True, field.check(data if isinstance(data, str) else None)
            assert isinstance(editor, QCheckBox)
            return True, editor.isChecked()
        except FieldError as error:
            self._show(name, code_of(error), field_message(error))
            return False, None

    def _check_typed(self, name: str) -> None:
        """As you type: the field's own check (range, number), shown at once."""
        typed = typed_text(self.editors[name])
        assert typed is not None
        if self._loading:
            return
        try:
            self._fields[name].parse(typed)
        except FieldError as error:
            self._show(name, code_of(error), field_message(error))
            return
        if self._shown.get(name, "").startswith(f"{name}:"):
            self._clear_message(name)

    def _commit(self, name: str) -> bool:
        """A field's edit is finished: one EditUlcer when its value changed; False if refused."""
        if self._loading or self.read_only:
            return True
        mark = self.selected_mark()
        if mark is None:
            return True
        ok, value = self._value_of(name)
        if not ok:
            return False
        current = getattr(mark, name)
        if isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if value == current:
            if not self._shown.get(name, "").startswith("map:"):
                self._clear_message(name)
            return True
        changes: dict[str, object] = {name: value}
        if name == "status" and value == "healed":
            changes.update(length_mm=None, width_mm=None, depth=None)  # a healed ulcer has none
        return self.edit_selected(changes, at=name)

    def _commit_pending(self) -> None:
        """Commit a line edit whose text differs from the selected ulcer (before leaving it)."""
        if self._loading or self.read_only or self.selected_mark() is None:
            return
        for name in LINE_FIELDS:
            if self._text_differs(name):
                self._commit(name)

    def _text_differs(self, name: str) -> bool:
        mark = self.selected_mark()
        if mark is None:
            return False
        typed = typed_text(self.editors[name])
        assert typed is not None
        value = getattr(mark, name)
        if isinstance(value, float):
            shown = _number_text(value)
        else:
            shown = "" if value is None else str(value)
        return typed.strip() != shown.strip()

    # -- messages ------------------------------------------------------------------------------

    def _show(self, name: str, code: str, text: str) -> None:
        label = self.messages.get(name)
        if label is None:
            self.banner.show_error(ValueError(code), text)
            self.banner.code = code
            return
        self._shown[name] = code
        label.setText(text)
        label.show()

    def _clear_message(self, name: str) -> None:
        self._shown.pop(name, None)
        label = self.messages.get(name)
        if label is not None:
            label.clear()
            label.hide()
        if (
            name in {"width_mm", "length_mm"}
            and self._swap is not None
            and not any(
                self._shown.get(n) == "map:width_gt_length" for n in ("width_mm", "length_mm")
            )
        ):
            self._swap = None
            self.swap_button.hide()

    def _show_map_error(self, error: MapError, at: str, command: Command) -> None:
        field = error.field
        where = at
        if field in self.messages:
            where = field
        elif field in {"hand", "finger"}:
            where = "site"
        self._show(where, f"map:{error.code}", map_error_message(error.code, error.params))
        if error.code == "width_gt_length" and isinstance(command, EditUlcer):
            length = error.params.get("length_mm")
            width = error.params.get("width_mm")
            self._swap = EditUlcer(command.key, {"length_mm": width, "width_mm": length})
            self.swap_button.show()

    def _show_field_errors(self, errors: FieldErrors) -> None:
        """Errors from the service: select the first ulcer named and show each at its field."""
        first_key: str | None = None
        for error in errors.errors:
            key = error.params.get("ulcer")
            if isinstance(key, str) and first_key is None:
                first_key = key
        if first_key is not None:
            self.select(first_key)
        for error in errors.errors:
            key = error.params.get("ulcer")
            if isinstance(key, str) and key != first_key:
                continue
            rule = error.params.get("rule")
            text = (
                map_error_message(rule, error.params)
                if isinstance(rule, str) and rule != "visit_not_recorded"
                else field_message(error)
            )
            name = error.field if error.field in self.messages else None
            if error.field == "status" and rule == "not_removable":
                name = "key"
            if name is None:
                self.banner.show_error(error, text)
            else:
                self._show(name, code_of(error), text)

    # -- photos --------------------------------------------------------------------------------

    def _show_photos(self) -> None:
        mark = self.selected_mark()
        mine = self.selected_photos()
        can_add = (
            mark is not None
            and not self.read_only
            and self.is_saved()
            and commands.is_saved_key(mark.key)
            and any(m.key == mark.key for m in self.saved_state.marks)
        )
        self.photo_button.setEnabled(can_add)
        self.view_photos_button.setEnabled(bool(mine))
        if mark is None:
            self.photo_label.clear()
        elif mine:
            self.photo_label.setText(
                self.tr("Photos: {count} ({dates})").format(
                    count=len(mine), dates=", ".join(p.taken_on.isoformat() for p in mine)
                )
            )
        elif can_add:
            self.photo_label.setText(self.tr("No photo of this ulcer at this visit."))
        else:
            self.photo_label.setText(self.tr("Save the map before adding a photo."))

    def selected_photos(self) -> list[UlcerPhotoInfo]:
        """The stored photos of the selected ulcer at this visit, oldest first."""
        mark = self.selected_mark()
        return [] if mark is None else [p for p in self._photos if p.ulcer_key == mark.key]

    def view_photos(self) -> PhotoViewerDialog | None:
        """Open the photos of the selected ulcer in a window-modal viewer."""
        mine = self.selected_photos()
        if not mine:
            return None
        dialog = PhotoViewerDialog(self._ctx, mine, self, describe=self._describe_photo)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._forget_viewer)
        self.photo_viewer = dialog
        dialog.open()
        return dialog

    def _forget_viewer(self) -> None:
        self.photo_viewer = None

    def _describe_photo(self, photo: UlcerPhotoInfo) -> str:
        try:
            mark = self.state.get(photo.ulcer_key)
        except KeyError:
            ulcer = photo.ulcer_key
        else:
            ulcer = self.tr("Ulcer #{n}, {place}").format(
                n=self.state.number_of(mark.key), place=self._place_text(*mark.place)
            )
        return f"{ulcer} · {self.visit.label(self._ctx.language)}"

    def choose_photo(self) -> None:
        mark = self.selected_mark()
        if mark is None:
            return
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Photo of ulcer #{n}").format(n=self.state.number_of(mark.key)),
            "",
            self.tr("Images (*.jpg *.jpeg *.png)"),
        )
        if not path:
            return
        media_type = IMAGE_TYPES.get(Path(path).suffix.lower(), "")
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            self._show("photo", "photo:unreadable", str(error))
            return
        self.add_photo_data(data, media_type)

    def add_photo_data(self, data: bytes, media_type: str) -> str | None:
        """Store a photo of the selected (saved) ulcer; its SHA-256, None when refused."""
        mark = self.selected_mark()
        if mark is None or self.read_only:
            return None
        self._clear_message("photo")
        try:
            digest = ulcers.add_photo(
                self._ctx.study,
                self._ctx.user,
                self.visit.patient_id,
                self.visit.id,
                mark.key,
                data,
                media_type,
                self.visit.visit_date,
            )
        except FieldErrors as errors:
            error = errors.errors[0]
            rule = error.params.get("rule")
            text = (
                map_error_message(rule, error.params)
                if isinstance(rule, str)
                else field_message(error)
            )
            self._show("photo", code_of(error), text)
            return None
        except ServiceError as error:
            self.banner.show_service_error(error)
            return None
        self._load_photos()
        return digest

    # -- saving --------------------------------------------------------------------------------

    def problems(self) -> list[tuple[str, str]]:
        """What stops a save before the service is asked: (key, field) of missing sizes."""
        out: list[tuple[str, str]] = []
        for mark in self.state.marks:
            if mark.is_active:
                out += [
                    (mark.key, n) for n in ("length_mm", "width_mm") if getattr(mark, n) is None
                ]
        return out

    def changes(self) -> list[tuple[str, str, str]]:
        """The saved values this save changes: (what, old, new), for the reason dialog."""
        language = self._ctx.language
        saved = {m.key: m for m in self.saved_state.marks if commands.is_saved_key(m.key)}
        out: list[tuple[str, str, str]] = []
        for mark in self.state.marks:
            old = saved.get(mark.key)
            if old is None:
                continue
            number = self.state.number_of(mark.key)
            if old.place != mark.place:  # a saved ulcer's place, even when carried forward
                out.append(
                    (
                        self.tr("#{n} site").format(n=number),
                        self._place_text(*old.place),
                        self._place_text(*mark.place),
                    )
                )
            if not self.is_saved():
                continue  # carried forward: this visit's observation is not saved yet
            for name in VALUE_FIELDS:
                before, after = getattr(old, name), getattr(mark, name)
                if before != after:
                    field = self._fields[name]
                    out.append(
                        (
                            self.tr("#{n} {field}").format(n=number, field=field.label(language)),
                            display_text(field, before, language),
                            display_text(field, after, language),
                        )
                    )
        return out

    def submit(self) -> None:
        """Save pressed: commit the field being edited, check, then save (asking a reason)."""
        if self.read_only:
            return
        self._commit_pending()
        missing = self.problems()
        if missing:
            key, name = missing[0]
            self.select(key)
            error = FieldError(name, Problem.REQUIRED)
            self._show(name, code_of(error), field_message(error))
            self.editors[name].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._save(None)

    def ask_reason(self, changes: list[tuple[str, str, str]]) -> ReasonDialog:
        dialog = ReasonDialog.for_change(changes, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.reasonGiven.connect(self._save)
        self.reason_dialog = dialog
        dialog.open()
        return dialog

    def _save(self, reason: str | None) -> None:
        self.banner.clear_error()
        try:
            state = ulcers.save_visit_map(
                self._ctx.study,
                self._ctx.user,
                self.visit.id,
                self.state,
                reason=reason,
                expected_version=self._version,
            )
        except FieldErrors as errors:
            self._show_field_errors(errors)
            self._update_actions()
            return
        except ReasonRequired:
            self.ask_reason(self.changes())
            return
        except ConflictError as error:
            self._conflict = True
            self.banner.show_service_error(error)
            self._update_actions()
            return
        except ServiceError as error:
            self.banner.show_service_error(error)
            return
        selected = self._selected
        self._version = ulcers.map_version(self._ctx.study, self._ctx.user, self.visit.id)
        self.saved_state = state
        self.undo_stack.clear()
        # Keys of new ulcers change from "n<k>" to "u<id>" on saving: keep the same place selected.
        if selected is not None and all(m.key != selected for m in state.marks):
            number = self.list_model.row_of(selected)
            selected = state.marks[number].key if 0 <= number < len(state.marks) else None
        self.show_state(state, selected)
        self._load_photos()
        self.status_line.setText(self.tr("Saved."))
        self.saved.emit(self.visit.patient_id)

    # -- internals -----------------------------------------------------------------------------

    def _place(self) -> tuple[str, str, str]:
        values = [self.combos[name].currentData() for name in PLACE_FIELDS]
        return (str(values[0]), str(values[1]), str(values[2]))

    def _set_place(self, hand: str, finger: str, site: str) -> None:
        for name, value in zip(PLACE_FIELDS, (hand, finger, site), strict=True):
            combo = self.combos[name]
            index = combo.findData(value)
            if index >= 0:
                combo.setCurrentIndex(index)

    def _place_text(self, hand: str, finger: str, site: str) -> str:
        return location_text(hand, finger, site)

    def _on_list_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._loading:
            return
        key = self.list_model.key_at(current.row()) if current.isValid() else None
        if key != self._selected:
            self.select(key)

    def _on_dropped(self, key: str, hand: str, finger: str, site: str) -> None:
        self.select(key)
        self.move_selected(hand, finger, site)

    def _update_list_note(self) -> None:
        open_count = sum(1 for m in self.state.marks if m.is_active)
        healed = sum(1 for m in self.state.marks if m.status == "healed")
        missing = len({key for key, _n in self.problems()})
        text = self.tr("Open ulcers: {open} · healed at this visit: {healed}").format(
            open=open_count, healed=healed
        )
        if missing:
            text += " · " + self.tr("{n} still need a length and width").format(n=missing)
        self.list_note.setText(text)

    def _update_actions(self) -> None:
        self.undo_action.setEnabled(self.undo_stack.canUndo() and not self.read_only)
        self.redo_action.setEnabled(self.undo_stack.canRedo() and not self.read_only)
        undo_text = self.undo_stack.undoText()
        redo_text = self.undo_stack.redoText()
        self.undo_action.setText(
            self.tr("Undo {what}").format(what=undo_text) if undo_text else self.tr("Undo")
        )
        self.redo_action.setText(
            self.tr("Redo {what}").format(what=redo_text) if redo_text else self.tr("Redo")
        )
        dirty = self.is_dirty()
        self.save_button.setEnabled(
            not self.read_only and not self._conflict and (dirty or not self.is_saved())
        )
        if dirty:
            self.status_line.setText(self.tr("Not saved yet."))
        elif self.is_saved():
            self.status_line.setText(self.tr("Saved."))
        else:
            self.status_line.setText(self.tr("Not saved yet: save the map even when it is empty."))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (
            kind == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QLineEdit | QPlainTextEdit)
            and _is_undo_key(event)
        ):
            # Undo and redo belong to the map, not to the text of one field.
            return True
        if (
            kind == QEvent.Type.FocusOut
            and isinstance(watched, QPlainTextEdit)
            and watched.objectName() in LINE_FIELDS
        ):
            self._commit(watched.objectName())  # what editingFinished does for a line edit
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            enter = event.key() in {Qt.Key.Key_Return, Qt.Key.Key_Enter}
            if enter and watched in self.combos.values():
                combo = watched
                assert isinstance(combo, QComboBox)
                if not combo.view().isVisible():
                    self.add_from_keyboard()
                    return True
            if enter and isinstance(watched, QLineEdit) and watched.objectName() in LINE_FIELDS:
                # Enter commits the field and moves on; it never reaches a default button.
                if self._commit(watched.objectName()):
                    self.focusNextPrevChild(True)
                return True
        return super().eventFilter(watched, event)


def _is_undo_key(event: QKeyEvent) -> bool:
    if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
        return True
    control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
    return bool(control) and event.key() in {Qt.Key.Key_Y, Qt.Key.Key_Z}


class UlcerEditorDialog(QDialog):
    """The editor in a window-modal dialog (open with ``open()``); stays open after a save so
    photos can be added; ``saved(patient_id)`` after each save."""

    saved = Signal(int)

    def __init__(self, ctx: UiContext, visit: VisitInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ulcer_editor_dialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.editor = UlcerEditor(ctx, visit, self)
        self.setWindowTitle(self.editor.heading.text())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.buttons)
        QWidget.setTabOrder(
            self.editor.save_button, self.buttons.button(QDialogButtonBox.StandardButton.Close)
        )
        self.editor.saved.connect(self.saved)
        self.confirm: QMessageBox | None = None
        self.resize(1340, 740)

    def reject(self) -> None:
        """Closing with unsaved changes asks first (window-modal, never a nested loop)."""
        if not self.editor.is_dirty() or self.editor.read_only:
            super().reject()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved changes"),
            self.tr("The ulcer map has changes that are not saved. Close and discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(self._on_confirm)
        self.confirm = box
        box.open()

    def _on_confirm(self, result: int) -> None:
        if result == QMessageBox.StandardButton.Discard.value:
            super().reject()


__all__ = [
    "MapUndoCommand",
    "UlcerEditor",
    "UlcerEditorDialog",
    "UlcerListModel",
    "map_error_message",
]
