"""The ACR/EULAR 2013 panel: live totals by Table 1, grouped items, caps, not applicable."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QGroupBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from sscvisit.scoring import acr_eular
from sscvisit.ui.acr_panel import AcrEularPanel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def make_panel(qtbot: QtBot, language: str = "en") -> AcrEularPanel:
    panel = AcrEularPanel(language)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def tick(qtbot: QtBot, box: QCheckBox) -> None:
    """Click on the check box's indicator, as a person would."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def tick_all(qtbot: QtBot, panel: AcrEularPanel, *codes: str) -> None:
    for code in codes:
        with qtbot.waitSignal(panel.changed):
            tick(qtbot, panel.boxes[code])


def test_one_box_per_finding_in_table_order_with_its_weight(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    assert tuple(panel.boxes) == acr_eular.FINDINGS
    for code, weight in acr_eular.WEIGHTS.items():
        label = panel.findChild(QLabel, f"weight_{code}")
        assert label is not None
        assert label.text() == str(weight)
    assert panel.total() == 0
    assert panel.total_text() == f"0 / {acr_eular.MAXIMUM}"
    assert panel.classified() is False
    assert panel.findings() == ()
    assert not panel.not_applicable()


def test_domain_example_is_ten_and_classified(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    tick_all(qtbot, panel, "puffy_fingers", "sclerodactyly", "raynaud", "anticentromere")
    assert panel.findings() == ("puffy_fingers", "sclerodactyly", "raynaud", "anticentromere")
    assert panel.total() == 10
    assert panel.total_text() == "10 / 19"
    assert panel.classified() is True
    assert panel.class_label.text() == "Classified as SSc"


def test_higher_only_pairs_count_the_higher_weight(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    tick_all(qtbot, panel, "puffy_fingers")
    assert panel.group_total("finger_skin_thickening") == 2
    tick_all(qtbot, panel, "sclerodactyly")
    assert panel.group_total("finger_skin_thickening") == 4
    assert panel.total() == 4
    tick_all(qtbot, panel, "digital_tip_ulcers", "pitting_scars")
    assert panel.group_total("fingertip_lesions") == 3
    assert panel.total() == 7
    assert panel.classified() is False
    counted = panel.findChild(QGroupBox, "group_fingertip_lesions")
    assert counted is not None
    assert counted.title().endswith("counts 3")
    # Each pair is shown as one group box holding its members.
    for group, members in acr_eular.HIGHER_ONLY_GROUPS.items():
        box = panel.findChild(QGroupBox, f"group_{group}")
        assert box is not None
        assert {b.objectName() for b in box.findChildren(QCheckBox)} == {
            f"finding_{code}" for code in members
        }


def test_capped_groups_do_not_exceed_their_cap(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    tick_all(qtbot, panel, "pah", "ild")
    assert panel.group_total("pah_ild") == 2
    tick_all(qtbot, panel, "anticentromere", "anti_topoisomerase_i", "anti_rna_polymerase_iii")
    assert panel.group_total("autoantibodies") == 3
    assert panel.total() == 5
    for group in acr_eular.CAPPED_GROUPS:
        box = panel.findChild(QGroupBox, f"group_{group}")
        assert box is not None
        assert str(acr_eular.CAPPED_GROUPS[group][1]) in box.title()


def test_everything_ticked_is_the_maximum(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.set_findings(acr_eular.FINDINGS)
    assert panel.total() == acr_eular.MAXIMUM == 19
    assert panel.classified() is True


def test_skin_thickening_proximal_to_the_mcps_is_sufficient(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    tick_all(qtbot, panel, "skin_thickening_proximal_mcp")
    assert panel.total() == 9
    assert panel.classified() is True


def test_not_applicable_disables_the_findings_and_keeps_them(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    tick_all(qtbot, panel, "sclerodactyly", "raynaud", "anticentromere")
    assert panel.classified() is True
    assert panel.na_note.isHidden()
    with qtbot.waitSignal(panel.changed):
        tick(qtbot, panel.na_boxes["acr_na_other_disorder"])
    assert panel.not_applicable()
    assert panel.other_disorder()
    assert not panel.spares_fingers()
    assert panel.classified() is None
    assert not panel.na_note.isHidden()
    assert not panel.findings_box.isEnabled()
    assert panel.class_label.text() == "Criteria do not apply"
    assert panel.findings() == ("sclerodactyly", "raynaud", "anticentromere")

    with qtbot.waitSignal(panel.changed):
        tick(qtbot, panel.na_boxes["acr_na_other_disorder"])
    with qtbot.waitSignal(panel.changed):
        tick(qtbot, panel.na_boxes["acr_na_spares_fingers"])
    assert panel.classified() is None
    assert panel.spares_fingers()
    panel.set_not_applicable(spares_fingers=False, other_disorder=False)
    assert panel.findings_box.isEnabled()
    assert panel.classified() is True


def test_set_findings_refuses_unknown_codes(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    with pytest.raises(ValueError, match="gangrene"):
        panel.set_findings(["gangrene"])
    assert panel.findings() == ()


def test_space_ticks_the_focused_finding(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    box = panel.boxes["raynaud"]
    box.setFocus()
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(box, Qt.Key.Key_Space)
    assert panel.total() == 3


def test_not_applicable_labels_come_from_the_field_declarations(qtbot: QtBot) -> None:
    from sscvisit.services.screening import SCREENING_FIELDS

    panel = make_panel(qtbot, "nl")
    for name, box in panel.na_boxes.items():
        assert box.text() == SCREENING_FIELDS[name].label_nl


# -- the capillaroscopy at screening -------------------------------------------------------------


def choose_pattern(qtbot: QtBot, panel: AcrEularPanel, text: str) -> None:
    combo = panel.capillaroscopy_form.editor("capillaroscopy_pattern")
    assert isinstance(combo, QComboBox)
    combo.setFocus()
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClicks(combo, text)


def test_an_active_pattern_ticks_and_locks_the_capillaries_finding(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    tick_all(qtbot, panel, "puffy_fingers", "raynaud")
    assert panel.total() == 5
    box = panel.boxes["abnormal_capillaries"]
    assert box.isEnabled()

    choose_pattern(qtbot, panel, "Active")
    assert panel.capillaroscopy_pattern() == "active"
    assert box.isChecked()
    assert not box.isEnabled()
    assert box.toolTip()
    assert panel.total() == 7
    assert "abnormal_capillaries" in panel.findings()

    # Back to "not recorded": the nurse's own (empty) tick returns and the box is free again.
    combo = panel.capillaroscopy_form.editor("capillaroscopy_pattern")
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(combo, Qt.Key.Key_Home)
    assert panel.capillaroscopy_pattern() is None
    assert box.isEnabled()
    assert not box.isChecked()
    assert panel.total() == 5


def test_a_normal_pattern_unticks_the_finding(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    tick_all(qtbot, panel, "abnormal_capillaries")
    assert panel.total() == 2
    choose_pattern(qtbot, panel, "Normal")
    box = panel.boxes["abnormal_capillaries"]
    assert not box.isChecked()
    assert box.isEnabled()
    assert panel.total() == 0


def test_the_capillaroscopy_date_is_typed(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    editor = panel.capillaroscopy_form.editor("capillaroscopy_date")
    assert isinstance(editor, QLineEdit)
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClicks(editor, "2026-01-20")
    assert panel.capillaroscopy_date() == dt.date(2026, 1, 20)


def test_a_loaded_abnormal_pattern_keeps_the_finding_locked(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.set_findings(("abnormal_capillaries",))
    panel.set_capillaroscopy("late", dt.date(2026, 1, 20))
    box = panel.boxes["abnormal_capillaries"]
    assert box.isChecked()
    assert not box.isEnabled()
    assert panel.capillaroscopy_date() == dt.date(2026, 1, 20)
    panel.set_findings(())  # the pattern still decides
    assert box.isChecked()


def test_a_frozen_editor_takes_no_click_key_or_context_menu(qtbot: QtBot) -> None:
    from PySide6.QtCore import QObject, QPoint
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QLineEdit

    from sscvisit.ui.acr_panel import freeze

    line = QLineEdit("saved value")
    qtbot.addWidget(line)
    freeze(line, True)
    blocker = line.findChild(QObject, "input_blocker")
    assert blocker is not None
    menu = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(2, 2), QPoint(2, 2))
    assert blocker.eventFilter(line, menu)  # the Paste/Delete menu never opens
    qtbot.keyClicks(line, "changed")
    assert line.text() == "saved value"
    assert line.focusPolicy() == line.focusPolicy().NoFocus
    freeze(line, False)
    assert line.focusPolicy() != line.focusPolicy().NoFocus
