"""An opened study database and the units of work every service runs in."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from sscvisit.model.database import DatabaseProblem, open_database
from sscvisit.services import audit as _audit  # installs the session hooks
from sscvisit.services.errors import ConflictError

__all__ = ["DatabaseProblem", "Study"]

assert _audit.install_hooks is not None


class Study:
    """One study database, opened (created or upgraded as needed) and ready for services."""

    def __init__(self, engine: Engine, location: str, backup: Path | None = None) -> None:
        self.engine = engine
        self.location = location
        self.backup = backup
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: str, *, create: bool = True) -> Study:
        engine, backup = open_database(url, create=create)
        location = engine.url.database if engine.dialect.name == "sqlite" else None
        shown = location or engine.url.render_as_string(hide_password=True)
        return cls(engine, str(shown), backup)

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def unit(self, actor: str | None = None, reason: str | None = None) -> Iterator[Session]:
        """A transaction that commits on success; the actor and reason feed the audit trail."""
        session = self._sessions()
        session.info["actor"] = actor
        session.info["reason"] = reason.strip() if reason else None
        try:
            yield session
            session.commit()
        except StaleDataError as exc:
            session.rollback()
            raise ConflictError() from exc
        except OperationalError as exc:
            session.rollback()
            text = str(exc.orig).lower()
            if "locked" in text or "busy" in text or "could not serialize" in text:
                raise ConflictError() from exc
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
