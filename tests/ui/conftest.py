"""UI fixtures: a real study database on a fresh SQLite file, with one user per role."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.studyfixtures import StudyWithUsers, make_study


@pytest.fixture
def study_users(sqlite_url: str) -> Iterator[StudyWithUsers]:
    made = make_study(sqlite_url)
    yield made
    made.study.close()
