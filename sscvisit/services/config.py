"""Where things live on this workstation, and the workstation's own preferences.

Preferences are declared once with typed defaults and carry a version for later migrations
(STYLE.md item 10). Study-wide settings live in the study database instead (services.settings).
This module must stay light: the launcher reads it before the login window appears.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from platformdirs import PlatformDirs

log = logging.getLogger(__name__)

APP = "sscvisit"
PREFS_VERSION = 1
LANGUAGES = ("en", "nl")


def dirs() -> PlatformDirs:
    return PlatformDirs(APP, appauthor=False)


def data_dir() -> Path:
    return Path(dirs().user_data_dir)


def config_dir() -> Path:
    return Path(dirs().user_config_dir)


def log_dir() -> Path:
    return Path(dirs().user_log_dir)


def default_db_url() -> str:
    return f"sqlite:///{data_dir() / 'study.sqlite3'}"


def url_from_argument(value: str) -> str:
    """``--db`` accepts a URL or a plain file path (taken as an SQLite file)."""
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


@dataclass(frozen=True)
class Preferences:
    """Workstation preferences; window geometry is saved apart (Qt's QSettings)."""

    version: int = PREFS_VERSION
    language: str = "en"
    database_url: str | None = None  # None: the embedded SQLite default

    @property
    def effective_db_url(self) -> str:
        return self.database_url or os.environ.get("SSCVISIT_DB") or default_db_url()


def prefs_path() -> Path:
    return config_dir() / "preferences.json"


def load_preferences() -> Preferences:
    path = prefs_path()
    if not path.exists():
        return Preferences()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        log.warning("preferences file %s unreadable; using defaults", path)
        return Preferences()
    known = {f.name for f in fields(Preferences)}
    prefs = Preferences(**{k: v for k, v in raw.items() if k in known})
    if prefs.language not in LANGUAGES:
        prefs = replace(prefs, language="en")
    return replace(prefs, version=PREFS_VERSION)


def save_preferences(prefs: Preferences) -> None:
    path = prefs_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(prefs), indent=2), encoding="utf-8")
    tmp.replace(path)
