"""The scores of one questionnaire, beside its entry grid, updated after every keystroke.

The panel only shows what ``questionnaires.compute_scores`` returns (pure, no database): a value,
or "not computable" and why, in words (``NotComputable`` becomes a sentence such as "HAQ-DI needs
6 of 8 categories; 5 answered"). It never computes anything itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from sscvisit.scoring._items import NotComputable
from sscvisit.services.instruments import InstrumentDef
from sscvisit.services.questionnaires import ScoreLine

MUTED_STYLE = "color: #5f6368;"
NOT_COMPUTABLE_STYLE = "color: #8a5a00;"

# Decimals each score is reported with (DOMAIN.md); keys not listed fall back by prefix.
_DECIMALS = {
    "assessable_fingers": 0,
    "haq_di": 3,
    "haq_di_unadjusted": 3,
    "eq5d_index": 3,
    "eq5d_vas": 0,
    "mes": 2,
}
_FINGER_SCORES = frozenset(
    {"mes", "enlarged", "giant", "haemorrhages", "loss", "disorganisation", "ramified"}
)
# A VAS is shown with its millimetres beside the 0-3 score: "vas_pain" and "vas_pain_mm".
_MM_SUFFIX = "_mm"


def decimals_of(key: str) -> int:
    if key in _DECIMALS:
        return _DECIMALS[key]
    if key.startswith("chfs"):
        return 0
    return 2


def value_text(key: str, value: float | None) -> str:
    """A score as reported: fixed decimals (HAQ-DI 1.000, EQ-5D 0.918, RAND-36 87.50)."""
    if value is None:
        return "—"
    places = decimals_of(key)
    return f"{value:.{places}f}"


def score_name(key: str, instrument: InstrumentDef | None, language: str) -> str:
    """The name a score is shown under; translated, or the item's own label for an item's VAS."""
    names = {
        "haq_di": QCoreApplication.translate("ScorePanel", "HAQ-DI (with aids)"),
        "haq_di_unadjusted": QCoreApplication.translate("ScorePanel", "HAQ-DI without aids"),
        "eq5d_index": QCoreApplication.translate("ScorePanel", "EQ-5D-5L index (NL)"),
        "eq5d_vas": QCoreApplication.translate("ScorePanel", "EQ VAS"),
        "chfs_total": QCoreApplication.translate("ScorePanel", "CHFS total (0–90)"),
        "chfs_kitchen": QCoreApplication.translate("ScorePanel", "Kitchen"),
        "chfs_dressing": QCoreApplication.translate("ScorePanel", "Dressing"),
        "chfs_hygiene": QCoreApplication.translate("ScorePanel", "Hygiene"),
        "chfs_office": QCoreApplication.translate("ScorePanel", "Office"),
        "chfs_other": QCoreApplication.translate("ScorePanel", "Other"),
        "physical_functioning": QCoreApplication.translate("ScorePanel", "Physical functioning"),
        "role_physical": QCoreApplication.translate("ScorePanel", "Role limitations, physical"),
        "role_emotional": QCoreApplication.translate("ScorePanel", "Role limitations, emotional"),
        "energy_fatigue": QCoreApplication.translate("ScorePanel", "Energy / fatigue"),
        "emotional_wellbeing": QCoreApplication.translate("ScorePanel", "Emotional well-being"),
        "social_functioning": QCoreApplication.translate("ScorePanel", "Social functioning"),
        "pain": QCoreApplication.translate("ScorePanel", "Pain"),
        "general_health": QCoreApplication.translate("ScorePanel", "General health"),
        "health_change": QCoreApplication.translate("ScorePanel", "Health change"),
        "mes": QCoreApplication.translate("ScorePanel", "Microangiopathy score (MES)"),
        "assessable_fingers": QCoreApplication.translate("ScorePanel", "Assessable fingers"),
        "enlarged": QCoreApplication.translate("ScorePanel", "Enlarged capillaries (mean)"),
        "giant": QCoreApplication.translate("ScorePanel", "Giant capillaries (mean)"),
        "haemorrhages": QCoreApplication.translate("ScorePanel", "Haemorrhages (mean)"),
        "loss": QCoreApplication.translate("ScorePanel", "Loss of capillaries (mean)"),
        "disorganisation": QCoreApplication.translate("ScorePanel", "Disorganisation (mean)"),
        "ramified": QCoreApplication.translate("ScorePanel", "Ramified capillaries (mean)"),
    }
    if key in names:
        return names[key]
    if instrument is not None and key.startswith("vas_"):
        for item in instrument.items:
            if item.code == key:
                return QCoreApplication.translate("ScorePanel", "{name} VAS (0–3)").format(
                    name=item.label(language)
                )
    return key


def short_name(key: str, instrument: InstrumentDef | None, language: str) -> str:
    """The name of a score inside a sentence (without the range shown in the list)."""
    names = {
        "haq_di": QCoreApplication.translate("ScorePanel", "HAQ-DI"),
        "haq_di_unadjusted": QCoreApplication.translate("ScorePanel", "HAQ-DI without aids"),
        "eq5d_index": QCoreApplication.translate("ScorePanel", "The EQ-5D index"),
        "chfs_total": QCoreApplication.translate("ScorePanel", "The CHFS total"),
    }
    return names.get(key) or score_name(key, instrument, language)


def not_computable_text(reason: NotComputable, name: str) -> str:
    """Why a score is missing, as a sentence: "HAQ-DI needs 6 of 8 categories; 5 answered"."""
    score = reason.score
    if reason.total == 1:
        template = QCoreApplication.translate("ScorePanel", "Not computable: no answer.")
    elif score.startswith("haq"):
        template = QCoreApplication.translate(
            "ScorePanel", "{name} needs {needed} of {total} categories; {answered} answered."
        )
    elif score.startswith("eq5d"):
        template = (
            QCoreApplication.translate(
                "ScorePanel", "{name} needs all {total} dimensions; {answered} answered."
            )
            if reason.needed == reason.total
            else QCoreApplication.translate(
                "ScorePanel", "{name} needs {needed} of {total} dimensions; {answered} answered."
            )
        )
    elif score in _FINGER_SCORES:
        template = QCoreApplication.translate(
            "ScorePanel", "{name} needs {needed} of {total} fingers; {answered} assessed."
        )
    elif reason.needed == reason.total:
        template = QCoreApplication.translate(
            "ScorePanel", "{name} needs all {total} items; {answered} answered."
        )
    else:
        template = QCoreApplication.translate(
            "ScorePanel", "{name} needs {needed} of {total} items; {answered} answered."
        )
    return template.format(
        name=name, needed=reason.needed, total=reason.total, answered=reason.answered
    )


class _ScoreRow:
    """The labels of one score: name, value, and the reason line below when not computable."""

    def __init__(self, name: QLabel, value: QLabel, why: QLabel) -> None:
        self.name = name
        self.value = value
        self.why = why


class ScorePanel(QFrame):
    """Every score of one instrument, one row each, in the order the service lists them.

    ``show_scores`` is called after each keystroke; it only sets label texts that changed, so an
    update costs well under a millisecond.
    """

    def __init__(
        self, instrument: InstrumentDef | None, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("score_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._instrument = instrument
        self._language = language
        self._rows: dict[str, _ScoreRow] = {}
        self._lines: dict[str, ScoreLine] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        title = QLabel(self.tr("Scores"), self)
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        title.setFont(font)
        layout.addWidget(title)
        note = QLabel(self.tr("Computed from the answers as you type."), self)
        note.setStyleSheet(MUTED_STYLE)
        note.setWordWrap(True)
        layout.addWidget(note)
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(12)
        self._grid.setVerticalSpacing(2)
        self._grid.setColumnStretch(0, 1)
        layout.addLayout(self._grid)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

    # -- public API --------------------------------------------------------------------------

    def show_scores(self, lines: Sequence[ScoreLine]) -> None:
        keys = {line.key for line in lines}
        millimetres = {
            line.key.removesuffix(_MM_SUFFIX): line.value
            for line in lines
            if line.key.endswith(_MM_SUFFIX) and line.key.removesuffix(_MM_SUFFIX) in keys
        }
        for line in lines:
            self._lines[line.key] = line
            if line.key.endswith(_MM_SUFFIX) and line.key.removesuffix(_MM_SUFFIX) in keys:
                continue  # shown beside its 0-3 score
            row = self._rows.get(line.key) or self._add_row(line.key)
            value = value_text(line.key, line.value)
            mm = millimetres.get(line.key)
            if mm is not None:
                value = self.tr("{score}  ({mm} mm)").format(score=value, mm=f"{mm:.0f}")
            if row.value.text() != value:
                row.value.setText(value)
            why = self._why(line)
            if row.why.text() != why:
                row.why.setText(why)
            shown = bool(why)
            if row.why.isVisibleTo(self) != shown:
                row.why.setVisible(shown)

    def keys(self) -> list[str]:
        return list(self._rows)

    def line(self, key: str) -> ScoreLine | None:
        return self._lines.get(key)

    def value_text(self, key: str) -> str:
        """The value shown for a score ("—" while not computable)."""
        return self._rows[key].value.text()

    def reason_text(self, key: str) -> str:
        """The "not computable" sentence shown under a score; "" when it is computed."""
        return self._rows[key].why.text()

    def name_text(self, key: str) -> str:
        return self._rows[key].name.text()

    # -- internals ---------------------------------------------------------------------------

    def _why(self, line: ScoreLine) -> str:
        if line.value is not None:
            return ""
        if line.reason is not None:
            name = short_name(line.reason.score, self._instrument, self._language)
            return not_computable_text(line.reason, name)
        return self.tr("Not computable: no answers for this score yet.")

    def _add_row(self, key: str) -> _ScoreRow:
        index = len(self._rows)
        name = QLabel(score_name(key, self._instrument, self._language), self)
        name.setWordWrap(True)
        value = QLabel("—", self)
        value.setObjectName(f"score_{key}")
        value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        font = QFont(value.font())
        font.setBold(True)
        value.setFont(font)
        value.setMinimumWidth(value.fontMetrics().horizontalAdvance("-0.000") + 8)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        why = QLabel(self)
        why.setObjectName(f"why_{key}")
        why.setWordWrap(True)
        why.setStyleSheet(NOT_COMPUTABLE_STYLE)
        why.hide()
        self._grid.addWidget(name, index * 2, 0)
        self._grid.addWidget(value, index * 2, 1)
        self._grid.addWidget(why, index * 2 + 1, 0, 1, 2)
        row = _ScoreRow(name, value, why)
        self._rows[key] = row
        return row
