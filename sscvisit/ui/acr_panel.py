"""The 2013 ACR/EULAR classification panel behind inclusion criterion 2.

The panel is built from the rules in ``sscvisit.scoring.acr_eular`` (finding order, weights, the
"count the higher only" pairs and the capped groups) and asks that module for every number it
shows: the total, each group's contribution and the classification. Nothing is added up here.
The two not-applicable questions come first; ticking either disables the findings (they are kept,
not cleared, so an accidental tick loses nothing).

Beside "abnormal nailfold capillaries" sits the capillaroscopy at screening (its pattern and date,
stored on the screening): a scleroderma pattern ticks that finding and locks it, a normal pattern
unticks it. The service applies the same rule (``acr_eular.capillaroscopy_finding``).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Collection

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sscvisit.model.fields import Value
from sscvisit.scoring import acr_eular
from sscvisit.services.screening import SCREENING_FIELDS
from sscvisit.ui.forms import FieldForm

NA_FIELDS = ("acr_na_spares_fingers", "acr_na_other_disorder")
CAPILLAROSCOPY_FIELDS = ("capillaroscopy_pattern", "capillaroscopy_date")
CAPILLARIES = acr_eular.CAPILLAROSCOPY_FINDING
MUTED_STYLE = "color: #5f6368;"
CLASSIFIED_STYLE = "color: #1b5e20; font-weight: bold;"
NOT_CLASSIFIED_STYLE = "color: #8a1c1c; font-weight: bold;"
NOT_APPLICABLE_STYLE = "color: #7a4f01; font-weight: bold;"


class _InputBlocker(QObject):
    """Swallows the clicks and keys meant for a frozen widget."""

    BLOCKED = frozenset(
        {
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.MouseButtonDblClick,
            QEvent.Type.KeyPress,
            QEvent.Type.KeyRelease,
            QEvent.Type.Wheel,
            QEvent.Type.ContextMenu,  # a line edit's Paste / Delete would change it
        }
    )

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        return event.type() in self.BLOCKED


def freeze(widget: QWidget, frozen: bool) -> None:
    """Read-only without greying out: the value stays legible, but no click or key changes it."""
    blocker = widget.findChild(
        _InputBlocker, "input_blocker", Qt.FindChildOption.FindDirectChildrenOnly
    )
    if frozen and blocker is None:
        blocker = _InputBlocker(widget)
        blocker.setObjectName("input_blocker")
        widget.installEventFilter(blocker)
        widget.setProperty("thawed_focus_policy", int(widget.focusPolicy().value))
        widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    elif not frozen and blocker is not None:
        widget.removeEventFilter(blocker)
        blocker.deleteLater()
        policy = widget.property("thawed_focus_policy")
        if isinstance(policy, int):
            widget.setFocusPolicy(Qt.FocusPolicy(policy))


def _group_of(code: str) -> str | None:
    for name, members in acr_eular.HIGHER_ONLY_GROUPS.items():
        if code in members:
            return name
    for name, (members, _cap) in acr_eular.CAPPED_GROUPS.items():
        if code in members:
            return name
    return None


def _members(group: str) -> tuple[str, ...]:
    if group in acr_eular.HIGHER_ONLY_GROUPS:
        return acr_eular.HIGHER_ONLY_GROUPS[group]
    return acr_eular.CAPPED_GROUPS[group][0]


class AcrEularPanel(QWidget):
    """One check box per finding, in the order of Table 1, with a live total and classification."""

    changed = Signal()

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("acr_panel")
        self._language = language
        self._loading = False
        self._read_only = False
        self.boxes: dict[str, QCheckBox] = {}
        self.na_boxes: dict[str, QCheckBox] = {}
        self._group_boxes: dict[str, QGroupBox] = {}
        self._capillaries_by_hand = False  # the tick before a scleroderma pattern locked it
        labels = self._finding_labels()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)

        # -- not applicable, asked first -------------------------------------------------------
        na_box = QGroupBox(self.tr("Do the criteria apply?"), self)
        na_box.setObjectName("acr_not_applicable")
        na_layout = QVBoxLayout(na_box)
        na_layout.setContentsMargins(8, 4, 8, 4)
        na_layout.setSpacing(2)
        for name in NA_FIELDS:
            box = QCheckBox(SCREENING_FIELDS[name].label(language), na_box)
            box.setObjectName(name)
            box.toggled.connect(self._on_toggled)
            self.na_boxes[name] = box
            na_layout.addWidget(box)
        self.na_note = QLabel(
            self.tr("The criteria do not apply: this panel cannot classify the patient."), na_box
        )
        self.na_note.setObjectName("acr_na_note")
        self.na_note.setWordWrap(True)
        self.na_note.setStyleSheet(NOT_APPLICABLE_STYLE)
        self.na_note.hide()
        na_layout.addWidget(self.na_note)
        layout.addWidget(na_box)

        # -- findings, in table order; grouped items in one box each ---------------------------
        self.findings_box = QGroupBox(self.tr("Findings (weight)"), self)
        self.findings_box.setObjectName("acr_findings")
        findings_layout = QVBoxLayout(self.findings_box)
        findings_layout.setContentsMargins(8, 4, 8, 4)
        findings_layout.setSpacing(2)
        placed: set[str] = set()
        for code in acr_eular.FINDINGS:
            group = _group_of(code)
            if group is None:
                findings_layout.addWidget(self._finding_row(code, labels, self.findings_box))
                continue
            if group in placed:
                continue
            placed.add(group)
            findings_layout.addWidget(self._group_box(group, labels))
        layout.addWidget(self.findings_box)

        # -- total and classification ----------------------------------------------------------
        result = QHBoxLayout()
        self.total_label = QLabel(self)
        self.total_label.setObjectName("acr_total")
        font = QFont(self.total_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.total_label.setFont(font)
        self.class_label = QLabel(self)
        self.class_label.setObjectName("acr_classification")
        self.class_label.setWordWrap(True)
        result.addWidget(QLabel(self.tr("Total"), self))
        result.addWidget(self.total_label)
        result.addSpacing(12)
        result.addWidget(self.class_label, 1)
        layout.addLayout(result)
        hint = QLabel(
            self.tr("Classified as SSc at a total of {threshold} or more.").format(
                threshold=acr_eular.THRESHOLD
            ),
            self,
        )
        hint.setStyleSheet(MUTED_STYLE)
        layout.addWidget(hint)
        layout.addStretch(1)

        order: list[QWidget] = [*self.na_boxes.values()]
        for code in acr_eular.FINDINGS:
            order.append(self.boxes[code])
            if code == CAPILLARIES:
                order.extend(self.capillaroscopy_form.editors())
        for before, after in itertools.pairwise(order):
            QWidget.setTabOrder(before, after)
        self._refresh()

    # -- building ------------------------------------------------------------------------------

    def _finding_labels(self) -> dict[str, str]:
        return {
            "skin_thickening_proximal_mcp": self.tr(
                "Skin thickening of the fingers of both hands, proximal to the MCPs"
            ),
            "puffy_fingers": self.tr("Puffy fingers"),
            "sclerodactyly": self.tr("Sclerodactyly (distal to MCP, proximal to PIP)"),
            "digital_tip_ulcers": self.tr("Digital tip ulcers"),
            "pitting_scars": self.tr("Fingertip pitting scars"),
            "telangiectasia": self.tr("Telangiectasia"),
            "abnormal_capillaries": self.tr("Abnormal nailfold capillaries"),
            "pah": self.tr("Pulmonary arterial hypertension"),
            "ild": self.tr("Interstitial lung disease"),
            "raynaud": self.tr("Raynaud's phenomenon"),
            "anticentromere": self.tr("Anticentromere"),
            "anti_topoisomerase_i": self.tr("Anti-topoisomerase I (Scl-70)"),
            "anti_rna_polymerase_iii": self.tr("Anti-RNA polymerase III"),
        }

    def _group_title(self, group: str) -> str:
        if group in acr_eular.CAPPED_GROUPS:
            cap = acr_eular.CAPPED_GROUPS[group][1]
            titles = {
                "pah_ild": self.tr("PAH and/or ILD (at most {cap})"),
                "autoantibodies": self.tr("SSc-related autoantibodies (at most {cap})"),
            }
            return titles.get(group, self.tr("{group} (at most {cap})")).format(
                group=group, cap=cap
            )
        titles = {
            "finger_skin_thickening": self.tr("Finger skin thickening (count the higher only)"),
            "fingertip_lesions": self.tr("Fingertip lesions (count the higher only)"),
        }
        return titles.get(group, self.tr("{group} (count the higher only)")).format(group=group)

    def _finding_row(self, code: str, labels: dict[str, str], parent: QWidget) -> QWidget:
        row = QWidget(parent)
        grid = QGridLayout(row)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        box = QCheckBox(labels.get(code, code), row)
        box.setObjectName(f"finding_{code}")
        box.toggled.connect(self._on_toggled)
        weight = QLabel(str(acr_eular.WEIGHTS[code]), row)
        weight.setObjectName(f"weight_{code}")
        weight.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        weight.setMinimumWidth(weight.fontMetrics().horizontalAdvance("00") + 4)
        grid.addWidget(box, 0, 0)
        grid.addWidget(weight, 0, 1)
        grid.setColumnStretch(0, 1)
        if code in acr_eular.SUFFICIENT_FINDINGS:
            note = QLabel(self.tr("Sufficient on its own: classifies as SSc."), row)
            note.setStyleSheet(MUTED_STYLE)
            note.setIndent(box.iconSize().width() + 8)
            grid.addWidget(note, 1, 0, 1, 2)
        if code == CAPILLARIES:
            grid.addWidget(self._capillaroscopy_row(row), 2, 0, 1, 2)
        self.boxes[code] = box
        return row

    def _capillaroscopy_row(self, parent: QWidget) -> QWidget:
        """The capillaroscopy at screening: pattern and date, below the finding it decides."""
        holder = QWidget(parent)
        holder.setObjectName("capillaroscopy")
        inner = QVBoxLayout(holder)
        inner.setContentsMargins(24, 0, 0, 4)
        inner.setSpacing(2)
        title = QLabel(self.tr("Capillaroscopy at screening"), holder)
        title.setStyleSheet(MUTED_STYLE)
        inner.addWidget(title)
        form = FieldForm(
            {name: SCREENING_FIELDS[name] for name in CAPILLAROSCOPY_FIELDS}, self._language, holder
        )
        form.setObjectName("capillaroscopy_form")
        pattern = form.editor("capillaroscopy_pattern")
        assert isinstance(pattern, QComboBox)
        pattern.setItemText(0, self.tr("Not recorded"))
        form.fieldEdited.connect(self._on_capillaroscopy_edited)
        self.capillaroscopy_form = form
        inner.addWidget(form)
        return holder

    def _group_box(self, group: str, labels: dict[str, str]) -> QGroupBox:
        box = QGroupBox(self._group_title(group), self.findings_box)
        box.setObjectName(f"group_{group}")
        inner = QVBoxLayout(box)
        inner.setContentsMargins(8, 2, 8, 2)
        inner.setSpacing(0)
        for code in _members(group):
            inner.addWidget(self._finding_row(code, labels, box))
        self._group_boxes[group] = box
        return box

    # -- public API ----------------------------------------------------------------------------

    def findings(self) -> tuple[str, ...]:
        """The ticked finding codes, in table order (kept even while not applicable)."""
        return tuple(code for code in acr_eular.FINDINGS if self.boxes[code].isChecked())

    def set_findings(self, findings: Collection[str]) -> None:
        """Tick exactly these findings; unknown codes raise ValueError (via the scoring module)."""
        acr_eular.score(findings)
        wanted = frozenset(findings)
        self._loading = True
        try:
            for code, box in self.boxes.items():
                box.setChecked(code in wanted)
            if self.capillaries_locked():
                self.boxes[CAPILLARIES].setChecked(True)
        finally:
            self._loading = False
        self._refresh()
        self.changed.emit()

    def spares_fingers(self) -> bool:
        return self.na_boxes["acr_na_spares_fingers"].isChecked()

    def other_disorder(self) -> bool:
        return self.na_boxes["acr_na_other_disorder"].isChecked()

    def set_not_applicable(self, *, spares_fingers: bool, other_disorder: bool) -> None:
        self._loading = True
        try:
            self.na_boxes["acr_na_spares_fingers"].setChecked(spares_fingers)
            self.na_boxes["acr_na_other_disorder"].setChecked(other_disorder)
        finally:
            self._loading = False
        self._refresh()
        self.changed.emit()

    def not_applicable(self) -> bool:
        return self.spares_fingers() or self.other_disorder()

    def total(self) -> int:
        return acr_eular.score(self.findings())

    def classified(self) -> bool | None:
        """True/False by the threshold; None when the criteria do not apply."""
        return acr_eular.classify(self.findings(), self.not_applicable())

    def group_total(self, group: str) -> int:
        """What one grouped item adds to the total (the higher only, or the capped sum)."""
        present = set(self.findings()) & set(_members(group))
        return acr_eular.score(present)

    def capillaroscopy_pattern(self) -> str | None:
        """The pattern chosen (normal / early / active / late / not_done); None: not recorded."""
        value = self.capillaroscopy_form.values().get("capillaroscopy_pattern")
        return value if isinstance(value, str) else None

    def capillaroscopy_date(self) -> dt.date | None:
        """The capillaroscopy date typed; None while empty or not a valid date."""
        value = self.capillaroscopy_form.values().get("capillaroscopy_date")
        return value if isinstance(value, dt.date) else None

    def set_capillaroscopy(self, pattern: str | None, date: dt.date | None) -> None:
        """Show a saved capillaroscopy (after ``set_findings``); its finding follows the pattern."""
        values: dict[str, Value] = {"capillaroscopy_pattern": pattern, "capillaroscopy_date": date}
        self.capillaroscopy_form.load(values)
        self._capillaries_by_hand = False
        self._apply_capillaroscopy()
        self._refresh()
        self.changed.emit()

    def capillaries_locked(self) -> bool:
        """Whether the pattern decides the "abnormal nailfold capillaries" tick."""
        return acr_eular.capillaroscopy_finding(self.capillaroscopy_pattern()) is True

    def set_read_only(self, read_only: bool) -> None:
        """Show the ticks as saved, legibly, and accept no change."""
        self._read_only = read_only
        for box in [*self.na_boxes.values(), *self.boxes.values()]:
            freeze(box, read_only)
        for editor in self.capillaroscopy_form.editors():
            if isinstance(editor, QLineEdit):
                editor.setReadOnly(read_only)
            else:
                freeze(editor, read_only)
        self._refresh()

    def is_read_only(self) -> bool:
        return self._read_only

    def total_text(self) -> str:
        return self.total_label.text()

    # -- internals -----------------------------------------------------------------------------

    def _on_toggled(self, _checked: bool) -> None:
        if self._loading:
            return
        self._refresh()
        self.changed.emit()

    def _on_capillaroscopy_edited(self, name: str) -> None:
        if name == "capillaroscopy_pattern":
            self._apply_capillaroscopy()
        self._refresh()
        self.changed.emit()

    def _apply_capillaroscopy(self) -> None:
        """Tick and lock the finding for a scleroderma pattern, untick it for a normal one."""
        box = self.boxes[CAPILLARIES]
        finding = acr_eular.capillaroscopy_finding(self.capillaroscopy_pattern())
        self._loading = True
        try:
            if finding is True:
                if box.isEnabled():
                    self._capillaries_by_hand = box.isChecked()
                box.setChecked(True)
                box.setEnabled(False)
                box.setToolTip(
                    self.tr("Ticked because the capillaroscopy at screening shows an SSc pattern.")
                )
                return
            if not box.isEnabled():  # the pattern no longer decides: back to the nurse's tick
                box.setChecked(self._capillaries_by_hand)
            box.setEnabled(True)
            box.setToolTip("")
            if finding is False:
                box.setChecked(False)
        finally:
            self._loading = False

    def _refresh(self) -> None:
        not_applicable = self.not_applicable()
        self.na_note.setVisible(not_applicable)
        self.findings_box.setEnabled(not not_applicable)
        for group, box in self._group_boxes.items():
            box.setTitle(
                self.tr("{title}: counts {n}").format(
                    title=self._group_title(group), n=self.group_total(group)
                )
            )
        self.total_label.setText(
            self.tr("{total} / {maximum}").format(total=self.total(), maximum=acr_eular.MAXIMUM)
        )
        classified = self.classified()
        if classified is None:
            self.class_label.setText(self.tr("Criteria do not apply"))
            self.class_label.setStyleSheet(NOT_APPLICABLE_STYLE)
        elif classified:
            self.class_label.setText(self.tr("Classified as SSc"))
            self.class_label.setStyleSheet(CLASSIFIED_STYLE)
        else:
            self.class_label.setText(self.tr("Not classified"))
            self.class_label.setStyleSheet(NOT_CLASSIFIED_STYLE)
