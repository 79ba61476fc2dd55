"""SAE watch: countdown texts, the overdue banner and the due list, on a clock the test sets."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from sscvisit.model.fields import Value
from sscvisit.services import safety
from sscvisit.ui.context import UiContext
from sscvisit.ui.sae_watch import (
    BANNER_LINES,
    SaeBanner,
    SaeDueList,
    SaeDueModel,
    countdown_text,
    duration_text,
)
from tests.studyfixtures import EnrolledPatient, StudyWithUsers, enrol_patient

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

T = dt.datetime
INJECTED = dt.date(2026, 11, 2)
AWARE = T(2026, 11, 23, 14, 0)  # deadline 2026-11-24 14:00


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment

    def __call__(self) -> dt.datetime:
        return self.moment


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (dt.timedelta(seconds=59), "0 min"),
        (dt.timedelta(minutes=45), "45 min"),
        (dt.timedelta(hours=2), "2 h"),
        (dt.timedelta(hours=5, minutes=12, seconds=40), "5 h 12 min"),
        (dt.timedelta(hours=47, minutes=59), "47 h 59 min"),
        (dt.timedelta(hours=48), "2 d 0 h"),
        (dt.timedelta(days=3, hours=4, minutes=30), "3 d 4 h"),
    ],
)
def test_duration_text(delta: dt.timedelta, text: str) -> None:
    assert duration_text(delta) == text
    assert duration_text(-delta) == text


def test_countdown_text_at_the_deadline() -> None:
    deadline = T(2026, 11, 24, 14, 0)
    assert countdown_text(deadline, T(2026, 11, 24, 8, 48)) == "due in 5 h 12 min"
    assert countdown_text(deadline, deadline) == "due in 0 min"
    assert countdown_text(deadline, T(2026, 11, 24, 16, 0)) == "overdue by 2 h"


def sae(term: str, aware: dt.datetime) -> dict[str, Value]:
    return {
        "term": term,
        "onset_date": aware.date(),
        "ongoing": True,
        "intensity": "severe",
        "who_grade": 3,
        "relation_product": "unlikely",
        "relation_procedure": "possible",
        "action_taken": "medication",
        "outcome": "recovering",
        "serious_hospitalisation": True,
        "aware_at": aware,
    }


@pytest.fixture
def enrolled(study_users: StudyWithUsers) -> EnrolledPatient:
    return enrol_patient(study_users, injected=INJECTED)


def record(enrolled: EnrolledPatient, term: str, aware: dt.datetime) -> safety.AeInfo:
    return safety.record_ae(
        enrolled.study,
        enrolled.users["nurse"],
        enrolled.schedule["injection"].id,
        sae(term, aware),
        now=aware + dt.timedelta(minutes=5),
    )


def test_the_banner_names_the_overdue_sae_and_hides_once_reported(
    qtbot: QtBot, enrolled: EnrolledPatient
) -> None:
    info = record(enrolled, "Cellulitis", AWARE)
    clock = Clock(T(2026, 11, 24, 14, 0))
    banner = SaeBanner(UiContext(enrolled.study, enrolled.users["nurse"], "en"), now=clock)
    qtbot.addWidget(banner)
    banner.show()
    banner.refresh()
    assert banner.isHidden()  # exactly at the deadline: due, not overdue
    clock.moment = T(2026, 11, 24, 17, 0)
    banner.timer.timeout.emit()
    assert banner.isVisible()
    assert banner.text() == (
        f"SAE overdue: {info.subject_number} AE 1 'Cellulitis', deadline 2026-11-24 14:00, "
        "overdue by 3 h. Report it to the sponsor."
    )
    with qtbot.waitSignal(banner.patientActivated) as activated:
        banner.open_button.click()
    assert activated.args == [enrolled.patient_id]
    safety.update_ae(
        enrolled.study,
        enrolled.users["nurse"],
        info.id,
        {"reported_at": T(2026, 11, 24, 17, 0), "late_reason": "Weekend"},
        reason=None,
        expected_version=info.version,
        now=clock.moment,
    )
    banner.refresh()
    assert banner.isHidden()
    assert banner.text() == ""


def test_the_banner_names_the_first_overdue_saes_and_counts_the_rest(
    qtbot: QtBot, enrolled: EnrolledPatient
) -> None:
    for hour in range(BANNER_LINES + 2):
        record(enrolled, f"Event {hour}", AWARE + dt.timedelta(hours=hour))
    clock = Clock(T(2026, 11, 26, 12, 0))
    banner = SaeBanner(UiContext(enrolled.study, enrolled.users["monitor"], "en"), now=clock)
    qtbot.addWidget(banner)
    lines = banner.text().splitlines()
    assert len(lines) == BANNER_LINES + 1
    assert "'Event 0'" in lines[0]  # the earliest deadline first
    assert lines[-1] == "And 2 more overdue SAEs: see Safety."


def test_no_banner_for_a_role_that_may_not_view_data(
    qtbot: QtBot, enrolled: EnrolledPatient
) -> None:
    record(enrolled, "Cellulitis", AWARE)
    banner = SaeBanner(
        UiContext(enrolled.study, enrolled.users["admin"], "en"), now=Clock(T(2026, 12, 1, 0, 0))
    )
    qtbot.addWidget(banner)
    banner.refresh()
    assert banner.isHidden()
    assert not banner.timer.isActive()


def test_the_due_list_counts_down_and_opens_the_patient(
    qtbot: QtBot, qtmodeltester: ModelTester, enrolled: EnrolledPatient
) -> None:
    later = record(enrolled, "Fever", AWARE + dt.timedelta(hours=3))
    earlier = record(enrolled, "Cellulitis", AWARE)
    clock = Clock(T(2026, 11, 24, 8, 48))
    due = SaeDueList(UiContext(enrolled.study, enrolled.users["nurse"], "en"), now=clock)
    qtbot.addWidget(due)
    due.show()
    qtmodeltester.check(due.model)  # type: ignore[no-untyped-call]
    assert [row.ae_id for row in due.rows()] == [earlier.id, later.id]
    assert due.empty_label.isHidden()
    countdown = due.model.index(0, SaeDueModel.COUNTDOWN)
    assert countdown.data() == "due in 5 h 12 min"
    assert due.model.index(0, SaeDueModel.DEADLINE).data() == "2026-11-24 14:00"
    assert due.model.index(1, SaeDueModel.COUNTDOWN).data() == "due in 8 h 12 min"
    clock.moment = T(2026, 11, 24, 16, 0)
    due.timer.timeout.emit()  # the minute tick: no new query, the countdown moves on
    assert countdown.data() == "overdue by 2 h"
    with qtbot.waitSignal(due.patientActivated) as activated:
        due.table.doubleClicked.emit(due.model.index(1, SaeDueModel.TERM))
    assert activated.args == [enrolled.patient_id]


def test_the_due_list_says_when_nothing_is_due(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    due = SaeDueList(UiContext(study_users.study, study_users.users["nurse"], "en"))
    qtbot.addWidget(due)
    due.show()
    assert due.rows() == []
    assert due.empty_label.isVisible()
