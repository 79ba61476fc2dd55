"""A throw-away PostgreSQL server for the test suite.

The suite runs every backend test against SQLite and PostgreSQL, so PostgreSQL must be there
wherever the tests run: a missing server is an error, never a skip. `PgServer` starts a private
cluster on a free loopback port (fsync off, trust auth) and removes it afterwards; set
SSCVISIT_TEST_PG_URL to use an existing server instead.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path
from types import TracebackType

import psycopg
from psycopg import sql
from psycopg.conninfo import make_conninfo
from psycopg.rows import TupleRow
from sqlalchemy.engine import URL, make_url

ENV_URL = "SSCVISIT_TEST_PG_URL"
"""Environment variable naming an existing server (a SQLAlchemy URL) to use instead."""

_START_ATTEMPTS = 3
_START_TIMEOUT_S = 60


class PgServerError(RuntimeError):
    """PostgreSQL could not be found or started; the message says how to fix it."""


def _version_key(path: str) -> tuple[int, ...]:
    """Sort key for /usr/lib/postgresql/<version>/bin: numeric, so 16 beats 9.6."""
    version = Path(path).parent.name
    return tuple(int(part) for part in re.findall(r"\d+", version)) or (0,)


def find_pg_bindir() -> Path:
    """Return the directory holding initdb and pg_ctl: the newest Debian one, else PATH."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key, reverse=True)
    for bindir in candidates:
        if all(os.access(Path(bindir, tool), os.X_OK) for tool in ("initdb", "pg_ctl")):
            return Path(bindir)
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl", path=str(Path(initdb).resolve().parent)):
        return Path(initdb).resolve().parent
    raise PgServerError(
        "PostgreSQL server programs (initdb, pg_ctl) not found in /usr/lib/postgresql/*/bin "
        "or PATH. Install them with `bash scripts/system-deps.sh` (Debian package "
        f"'postgresql'), or point {ENV_URL} at a running server, e.g. "
        "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


class PgServer:
    """A PostgreSQL server for tests: either a private throw-away cluster or SSCVISIT_TEST_PG_URL.

    Use as a context manager, or call start() and stop(). create_database() hands out a fresh,
    uniquely named database per call, so tests never see each other's tables.
    """

    def __init__(self) -> None:
        self._admin_url: URL | None = None
        self._external = False
        self._workdir: Path | None = None
        self._bindir: Path | None = None
        self._run_as: pwd.struct_passwd | None = None

    # -- lifecycle ---------------------------------------------------------------------------

    def __enter__(self) -> PgServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def external(self) -> bool:
        """True when the server comes from SSCVISIT_TEST_PG_URL and is not ours to stop."""
        return self._external

    @property
    def admin_url(self) -> URL:
        """URL of the maintenance database (postgres) on the running server."""
        if self._admin_url is None:
            raise PgServerError("PgServer is not started")
        return self._admin_url

    def start(self) -> None:
        """Start the server (or adopt SSCVISIT_TEST_PG_URL); raise PgServerError if impossible."""
        if self._admin_url is not None:
            return
        external = os.environ.get(ENV_URL)
        if external:
            url = make_url(external)
            if url.get_backend_name() != "postgresql":
                raise PgServerError(f"{ENV_URL} must be a postgresql URL, got {external!r}")
            self._admin_url = url.set(drivername="postgresql+psycopg")
            self._external = True
            self._check_connect()
            return
        self._start_private()
        self._check_connect()

    def stop(self) -> None:
        """Stop a private server at once (no checkpoint) and delete its folder."""
        workdir, self._workdir = self._workdir, None
        self._admin_url = None
        if workdir is None:
            return
        try:
            if self._bindir is not None and (workdir / "data" / "postmaster.pid").exists():
                pg_ctl = str(self._bindir / "pg_ctl")
                self._run(
                    [pg_ctl, "-D", str(workdir / "data"), "-m", "immediate", "-w", "stop"],
                    check=False,
                )
        finally:
            shutil.rmtree(workdir, ignore_errors=True)

    # -- databases ---------------------------------------------------------------------------

    def create_database(self, template: str | None = None) -> str:
        """Create a fresh, uniquely named database (optionally a copy of ``template``)."""
        name = f"sscvisit_test_{uuid.uuid4().hex[:16]}"
        with self._connect() as conn:
            if template is None:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            else:
                conn.execute(
                    sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                        sql.Identifier(name), sql.Identifier(template)
                    )
                )
        return self.admin_url.set(database=name).render_as_string(hide_password=False)

    def drop_database(self, url: str) -> None:
        """Drop a database made by create_database(), closing any connections still open."""
        name = make_url(url).database
        if not name:
            raise ValueError(f"URL names no database: {url!r}")
        with self._connect() as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )

    def server_version(self) -> int:
        """The server's version as libpq reports it, e.g. 150018 for 15.18."""
        with self._connect() as conn:
            return conn.info.server_version

    # -- internals ---------------------------------------------------------------------------

    def _connect(self) -> psycopg.Connection[TupleRow]:
        url = self.admin_url
        params: dict[str, str | int] = {"dbname": url.database or "postgres", "connect_timeout": 10}
        if url.host:
            params["host"] = url.host
        if url.port:
            params["port"] = url.port
        if url.username:
            params["user"] = url.username
        if url.password:
            params["password"] = url.password
        return psycopg.connect(make_conninfo("", **params), autocommit=True)

    def _check_connect(self) -> None:
        try:
            self.server_version()
        except psycopg.Error as exc:
            where = self.admin_url.render_as_string(hide_password=True)
            raise PgServerError(f"cannot connect to PostgreSQL at {where}: {exc}") from exc

    def _run(self, cmd: list[str], *, check: bool = True) -> subprocess.CompletedProcess[str]:
        if self._run_as is not None:
            cmd = ["runuser", "-u", self._run_as.pw_name, "--", *cmd]
        result = subprocess.run(
            cmd,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            check=False,
            timeout=_START_TIMEOUT_S + 30,
            cwd="/",
        )
        if check and result.returncode != 0:
            raise PgServerError(
                f"{' '.join(cmd)} failed with exit code {result.returncode}:\n"
                f"{result.stdout}{result.stderr}"
            )
        return result

    def _start_private(self) -> None:
        self._bindir = find_pg_bindir()
        if os.geteuid() == 0:
            # PostgreSQL refuses to run as root: run it as the postgres user the package made.
            try:
                self._run_as = pwd.getpwnam("postgres")
            except KeyError:
                raise PgServerError(
                    "running as root, but there is no 'postgres' user to run the test server "
                    "as; install Debian's 'postgresql' package (bash scripts/system-deps.sh)"
                ) from None
        # Not under pytest's tmp_path: those folders are 0700 and owned by the test user, which
        # the postgres user (when running as root) cannot enter.
        workdir = Path(tempfile.mkdtemp(prefix="sscvisit-pg-", dir=self._tempdir_parent()))
        self._workdir = workdir
        try:
            if self._run_as is not None:
                os.chown(workdir, self._run_as.pw_uid, self._run_as.pw_gid)
            data, sockdir = workdir / "data", workdir / "sock"
            initdb, pg_ctl = str(self._bindir / "initdb"), str(self._bindir / "pg_ctl")
            init_cmd = [initdb, "-D", str(data), "-E", "UTF8", "--locale=C.UTF-8"]
            init_cmd += ["--auth=trust", "-U", "postgres", "--no-sync"]
            self._run(init_cmd)
            self._run(["mkdir", "-m", "0700", str(sockdir)])
            errors: list[str] = []
            for _attempt in range(_START_ATTEMPTS):
                port = _free_port()
                options = (
                    f"-c listen_addresses=127.0.0.1 -p {port} -k {sockdir} -c fsync=off "
                    "-c synchronous_commit=off -c full_page_writes=off"
                )
                log = workdir / f"postgres-{port}.log"
                start_cmd = [pg_ctl, "-D", str(data), "-l", str(log), "-o", options]
                start_cmd += ["-t", str(_START_TIMEOUT_S), "-w", "start"]
                result = self._run(start_cmd, check=False)
                if result.returncode == 0:
                    self._admin_url = URL.create(
                        "postgresql+psycopg",
                        username="postgres",
                        host="127.0.0.1",
                        port=port,
                        database="postgres",
                    )
                    return
                # Most likely someone took the port between _free_port() and the bind: retry.
                errors.append(f"port {port}: {result.stdout}{result.stderr}\n{_tail(log)}")
            raise PgServerError("could not start the test PostgreSQL server:\n" + "\n".join(errors))
        except BaseException:
            self.stop()
            raise

    def _tempdir_parent(self) -> str | None:
        """Where to make the cluster folder: the usual temp dir, unless postgres cannot enter it."""
        if self._run_as is None:
            return None
        parent = tempfile.gettempdir()
        with contextlib.suppress(OSError):
            if os.stat(parent).st_mode & 0o001:
                return parent
        return "/tmp"  # noqa: S108 - world-traversable, which the postgres user needs
