"""Service fixtures: a real study database on each backend (SQLite file, PostgreSQL), with one user per role."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.studyfixtures import StudyWithUsers, make_study


@pytest.fixture
def study_users(db_url: str) -> Iterator[StudyWithUsers]:
    made = make_study(db_url)
    yield made
    made.study.close()
