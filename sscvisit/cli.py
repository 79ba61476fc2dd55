"""Command line: the application, and the same work without a window.

Kept light on purpose: nothing heavy is imported before a sub-command needs it, so starting
the application shows the login window as fast as a bare Qt window.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sscvisit import __version__
from sscvisit.services import config


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sscvisit",
        description="Clinic workstation for trial EUCTR2015-000168-32-NL (MSC for digital ulcers).",
    )
    parser.add_argument("--version", action="version", version=f"sscvisit {__version__}")
    parser.add_argument("--db", help="database URL or SQLite file (default: the embedded file)")
    sub = parser.add_subparsers(dest="command")

    init = sub.add_parser("init", help="create a study database and its first administrator")
    init.add_argument("--db", dest="sub_db", help="database URL or SQLite file")
    init.add_argument("--admin-user", default="admin")
    init.add_argument("--admin-name", default="Study administrator")
    init.add_argument("--admin-password-file", type=Path)

    demo = sub.add_parser("demo", help="create or open a demo study with synthetic patients")
    demo.add_argument("--db", dest="sub_db", help="database URL or SQLite file")
    demo.add_argument("--no-gui", action="store_true", help="create the demo study and exit")
    demo.add_argument("--screenshot", type=Path, metavar="DIR", help="render each screen to PNG")
    demo.add_argument("--patients", type=int, default=24, help="number of demo patients")

    verify = sub.add_parser("verify-db", help="recompute the audit trail's hash chain")
    verify.add_argument("--db", dest="sub_db", help="database URL or SQLite file")
    return parser


def _url(args: argparse.Namespace, *, demo: bool = False) -> str:
    given = getattr(args, "sub_db", None) or args.db
    if given:
        return config.url_from_argument(given)
    if demo:
        return f"sqlite:///{config.data_dir() / 'demo.sqlite3'}"
    return config.load_preferences().effective_db_url


def _fail(message: str) -> int:
    print(f"sscvisit: {message}", file=sys.stderr)
    return 2


def cmd_init(args: argparse.Namespace) -> int:
    from sscvisit.services import auth
    from sscvisit.services.errors import ServiceError
    from sscvisit.services.study import DatabaseProblem, Study

    if args.admin_password_file is not None:
        password = args.admin_password_file.read_text(encoding="utf-8").strip()
    elif sys.stdin is not None and sys.stdin.isatty():
        import getpass

        password = getpass.getpass("Password for the first administrator: ")
        if getpass.getpass("Repeat it: ") != password:
            return _fail("the two passwords differ")
    else:
        return _fail("no terminal to ask for a password: use --admin-password-file")
    try:
        study = Study.open(_url(args))
    except DatabaseProblem as problem:
        return _fail(f"cannot open the database ({problem})")
    try:
        if auth.has_users(study):
            return _fail(f"{study.location} already has users; nothing changed")
        user = auth.create_first_admin(study, args.admin_user, args.admin_name, password)
    except ServiceError as error:
        return _fail(f"refused: {error}")
    finally:
        study.close()
    print(f"Created study database {study.location} with administrator '{user.username}'.")
    return 0


def cmd_verify_db(args: argparse.Namespace) -> int:
    from sscvisit.services.audit import verify_chain
    from sscvisit.services.study import DatabaseProblem, Study

    try:
        study = Study.open(_url(args), create=False)
    except DatabaseProblem as problem:
        return _fail(f"cannot open the database ({problem})")
    try:
        report = verify_chain(study.engine)
    finally:
        study.close()
    if report.ok:
        print(f"OK: audit trail intact, {report.rows_checked} rows checked ({study.location}).")
        return 0
    print(
        f"FAILED: audit row {report.first_bad_id}: {report.problem} ({study.location}).",
        file=sys.stderr,
    )
    return 1


def cmd_demo(args: argparse.Namespace) -> int:
    from sscvisit.services import auth, demo
    from sscvisit.services.study import DatabaseProblem, Study

    url = _url(args, demo=True)
    try:
        study = Study.open(url)
    except DatabaseProblem as problem:
        return _fail(f"cannot open the database ({problem})")
    if not auth.has_users(study):
        made = demo.create_demo(study, patient_count=args.patients)
        print(f"Demo study with {made.patient_count} patients created in {study.location}.")
    else:
        print(f"Opening the existing demo study {study.location}.")
    if args.screenshot is not None:
        from sscvisit.ui.screenshots import render_all

        paths = render_all(study, args.screenshot)
        study.close()
        for path in paths:
            print(path)
        return 0
    if args.no_gui:
        study.close()
        return 0
    study.close()
    from sscvisit.ui.app import run_gui

    name, _full, password = demo.DEMO_USERS["nurse"]
    return run_gui(url, auto_login=(name, password))


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "init":
        return cmd_init(args)
    if args.command == "verify-db":
        return cmd_verify_db(args)
    if args.command == "demo":
        return cmd_demo(args)
    from sscvisit.ui.app import run_gui

    return run_gui(_url(args))


if __name__ == "__main__":
    sys.exit(main())
