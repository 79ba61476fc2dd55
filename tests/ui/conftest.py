"""UI fixtures: a real study database on a fresh SQLite file, with one user per role."""

from __future__ import annotations

import pytest

from tests.studyfixtures import StudyWithUsers


@pytest.fixture
def study_users(sqlite_study_users: StudyWithUsers) -> StudyWithUsers:
    return sqlite_study_users
