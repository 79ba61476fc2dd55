from __future__ import annotations

from tests.studyfixtures import StudyWithUsers


def test_every_role_logs_in(study_users: StudyWithUsers) -> None:
    assert set(study_users.users) == {"admin", "nurse", "investigator", "monitor"}
    assert not study_users.users["nurse"].must_change_password
