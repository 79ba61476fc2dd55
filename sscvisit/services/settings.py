"""Study-wide settings, declared once with typed defaults; stored in the study database."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sscvisit.model.entities import StudySetting


@dataclass(frozen=True)
class SettingSpec:
    key: str
    default: int
    minimum: int
    maximum: int


SETTINGS: dict[str, SettingSpec] = {
    spec.key: spec
    for spec in (
        SettingSpec("max_failed_logins", 5, 3, 20),
        SettingSpec("idle_lock_minutes", 15, 1, 120),
        SettingSpec("min_password_length", 10, 8, 64),
    )
}


def get_int(session: Session, key: str) -> int:
    spec = SETTINGS[key]
    stored = session.scalar(select(StudySetting.value).where(StudySetting.key == key))
    return int(stored) if stored is not None else spec.default


def set_int(session: Session, key: str, value: int) -> None:
    spec = SETTINGS[key]
    if not spec.minimum <= value <= spec.maximum:
        raise ValueError(f"{key} must be between {spec.minimum} and {spec.maximum}")
    row = session.scalar(select(StudySetting).where(StudySetting.key == key))
    if row is None:
        session.add(StudySetting(key=key, value=str(value)))
    else:
        row.value = str(value)
