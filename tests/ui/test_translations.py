"""The Dutch catalogue: complete, up to date with the code, compiled, and used by real widgets.

These tests fail when a change adds a string that has no Dutch translation yet, changes or removes
one without updating the catalogue, or forgets to recompile the .qm. The remedy is the same each
time: ``make translations``, translate what it marks unfinished (scripts/translate_nl.py or Qt
Linguist), and ``make translations`` again.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from sscvisit.ui.i18n import install_translator
from sscvisit.ui.login import LoginDialog

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "sscvisit_nl.ts"
QM_FILE = ROOT / "resources" / "translations" / "sscvisit_nl.qm"
UI_DIR = ROOT / "sscvisit" / "ui"
TOOLS = Path(sys.executable).parent
REMEDY = "run `make translations`, translate what is unfinished, then `make translations` again"

_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_TAG = re.compile(r"<[^<>]+>")
_ACCELERATOR = re.compile(r"&(.)", re.S)


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    numerus: bool
    kind: str  # the translation's type attribute: "", "unfinished", "vanished" or "obsolete"
    forms: tuple[str, ...]  # the translation; one entry per plural form for numerus messages

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)

    def where(self) -> str:
        return f"{self.context}: {self.source!r}"


def read_ts(path: Path) -> list[Message]:
    messages = []
    root = ET.parse(path).getroot()  # noqa: S314 - the project's own file or lupdate's output
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for element in context.iter("message"):
            translation = element.find("translation")
            assert translation is not None, f"{name}: a message without <translation> in {path}"
            numerus = element.get("numerus") == "yes"
            if numerus:
                forms = tuple(f.text or "" for f in translation.iter("numerusform"))
            else:
                forms = (translation.text or "",)
            messages.append(
                Message(
                    context=name,
                    source=element.findtext("source") or "",
                    comment=element.findtext("comment") or "",
                    numerus=numerus,
                    kind=translation.get("type", ""),
                    forms=forms,
                )
            )
    return messages


def ui_files() -> list[str]:
    """The files `make translations` hands to lupdate (find sscvisit/ui -name '*.py' | sort)."""
    return sorted(str(p.relative_to(ROOT)) for p in UI_DIR.rglob("*.py"))


def run_tool(name: str, *args: str) -> None:
    tool = TOOLS / name
    result = subprocess.run(
        [str(tool), *args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"{name} failed:\n{result.stdout}\n{result.stderr}"


@pytest.fixture(scope="module")
def committed() -> list[Message]:
    assert TS_FILE.is_file(), f"{TS_FILE} is missing; {REMEDY}"
    return read_ts(TS_FILE)


def dutch(messages: list[Message], context: str, source: str) -> str:
    """The committed translation of one message (never a copy of the wording in this test)."""
    for message in messages:
        if message.context == context and message.source == source:
            return message.forms[0]
    raise AssertionError(f"{context}: {source!r} is not in {TS_FILE.name}")


# --- the catalogue itself ---------------------------------------------------------------------


def test_every_message_has_a_finished_translation(committed: list[Message]) -> None:
    assert committed, f"{TS_FILE.name} holds no messages"
    problems = [
        f"{m.where()} is {m.kind or 'empty'}"
        for m in committed
        if m.kind in {"unfinished", "vanished", "obsolete"} or not all(f.strip() for f in m.forms)
    ]
    assert not problems, f"{len(problems)} messages need work ({REMEDY}):\n" + "\n".join(problems)


def test_no_message_appears_twice(committed: list[Message]) -> None:
    repeated = [key for key, n in Counter(m.key for m in committed).items() if n > 1]
    assert not repeated


def test_catalogue_is_up_to_date_with_the_code(committed: list[Message], tmp_path: Path) -> None:
    fresh_ts = tmp_path / "fresh_nl.ts"
    run_tool(
        "pyside6-lupdate",
        *ui_files(),
        "-source-language",
        "en",
        "-target-language",
        "nl",
        "-ts",
        str(fresh_ts),
    )
    in_code = {(m.key, m.numerus) for m in read_ts(fresh_ts)}
    in_file = {(m.key, m.numerus) for m in committed}
    missing = sorted(in_code - in_file)
    stale = sorted(in_file - in_code)
    assert (missing, stale) == ([], []), (
        f"{TS_FILE.name} does not match the code ({REMEDY}).\n"
        f"in the code, not in the catalogue: {missing}\nin the catalogue, not in the code: {stale}"
    )


def test_compiled_catalogue_is_the_committed_one(tmp_path: Path) -> None:
    """lrelease output is deterministic (same .ts, same bytes), so compare bytes."""
    assert QM_FILE.is_file(), f"{QM_FILE} is missing; {REMEDY}"
    fresh_qm = tmp_path / "fresh_nl.qm"
    run_tool("pyside6-lrelease", str(TS_FILE), "-qm", str(fresh_qm))
    assert fresh_qm.read_bytes() == QM_FILE.read_bytes(), (
        f"{QM_FILE.name} was not compiled from the committed {TS_FILE.name}; {REMEDY}"
    )


def test_compiled_catalogue_translates_every_message(committed: list[Message]) -> None:
    translator = QTranslator()
    assert translator.load(str(QM_FILE))
    wrong = []
    for m in committed:
        if m.numerus:
            got = translator.translate(m.context, m.source, m.comment or None, 1)
            ok = got in m.forms
        else:
            got = translator.translate(m.context, m.source, m.comment or None)
            ok = got == m.forms[0]
        if not ok:
            wrong.append(f"{m.where()} -> {got!r}")
    assert not wrong, f"the .qm disagrees with the .ts ({REMEDY}):\n" + "\n".join(wrong)


def edges(text: str) -> tuple[str, str]:
    """The white space before and after the words (a suffix like " min" needs its space)."""
    body = text.strip()
    start = text.index(body) if body else len(text)
    return text[:start], text[start + len(body) :]


def test_placeholders_markup_and_spacing_survive(committed: list[Message]) -> None:
    problems = []
    for m in committed:
        for form in m.forms:
            if Counter(_PLACEHOLDER.findall(form)) != Counter(_PLACEHOLDER.findall(m.source)):
                problems.append(f"placeholders differ: {m.where()} -> {form!r}")
            if _TAG.findall(form) != _TAG.findall(m.source):
                problems.append(f"markup differs: {m.where()} -> {form!r}")
            if edges(form) != edges(m.source):
                problems.append(f"leading/trailing spaces differ: {m.where()} -> {form!r}")
    assert not problems, "\n".join(problems)


def accelerators(text: str) -> list[str]:
    return [c.casefold() for c in _ACCELERATOR.findall(text) if c != "&"]


def test_keyboard_accelerators_are_kept_and_unique_per_context(committed: list[Message]) -> None:
    problems = []
    letters: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for m in committed:
        for form in m.forms:
            if len(accelerators(form)) != len(accelerators(m.source)):
                problems.append(f"accelerator added or lost: {m.where()} -> {form!r}")
            for letter in accelerators(form):
                if form not in letters[m.context][letter]:
                    letters[m.context][letter].append(form)
    for context, by_letter in letters.items():
        problems.extend(
            f"{context}: &{letter} is used by {forms}"
            for letter, forms in by_letter.items()
            if len(forms) > 1
        )
    assert not problems, "\n".join(problems)


# --- the translation in use -------------------------------------------------------------------


def test_login_dialog_shows_dutch_and_english_again(
    qtbot: QtBot, qapp: QApplication, committed: list[Message]
) -> None:
    try:
        install_translator(qapp, "nl")
        dialog = LoginDialog("somewhere")
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == dutch(committed, "LoginDialog", "sscvisit: log in")
        assert dialog.login_button.text() == dutch(committed, "LoginDialog", "&Log in")
        buddies = {label.buddy(): label.text() for label in dialog.findChildren(QLabel)}
        assert buddies[dialog.user_edit] == dutch(committed, "LoginDialog", "&User name")
        assert buddies[dialog.password_edit] == dutch(committed, "LoginDialog", "&Password")
        assert dialog.login_button.text() != "&Log in"  # the catalogue really says something else
    finally:
        install_translator(qapp, "en")

    english = LoginDialog("somewhere")
    qtbot.addWidget(english)
    assert english.login_button.text() == "&Log in"
    assert english.windowTitle() == "sscvisit: log in"
    assert QCoreApplication.translate("LoginDialog", "&Password") == "&Password"
