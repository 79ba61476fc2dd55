"""Service fixtures: a real study database on each backend (SQLite file, PostgreSQL)."""

from __future__ import annotations

import pytest

from tests.studyfixtures import StudyWithUsers


@pytest.fixture(params=["sqlite", "postgresql"])
def study_users(request: pytest.FixtureRequest) -> StudyWithUsers:
    """Each test using it runs once per backend; PostgreSQL starts only when needed."""
    fixture = "sqlite_study_users" if request.param == "sqlite" else "pg_study_users"
    made: StudyWithUsers = request.getfixturevalue(fixture)
    return made
