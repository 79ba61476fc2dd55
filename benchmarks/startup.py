"""Start-up: process start to the first paint of the login window, against a bare Qt window.

The floor is a bare PySide6 QMainWindow in a fresh interpreter; the application is the real
``sscvisit`` entry point (``sscvisit.cli.main``) on a real study file. Each run is a new process;
the figure is the median over RUNS. Target: ratio <= 1.3.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = int(os.environ.get("BENCH_RUNS", "9"))

_FIRST_PAINT = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def __init__(self, class_name):
        super().__init__()
        self.class_name = class_name
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and type(obj).__name__ == self.class_name:
            print(repr(time.time()), flush=True)
            os._exit(0)
        return False
"""

FLOOR = (
    _FIRST_PAINT
    + """
app = QApplication(sys.argv)
watch = FirstPaint("QMainWindow")
app.installEventFilter(watch)
window = QMainWindow()
window.resize(400, 300)
window.show()
app.exec()
"""
)

# The same bare window with one line of text: a window that shows words pays for the font
# system once, which the bare window never does. Printed for context, not as the floor.
TEXT_FLOOR = (
    _FIRST_PAINT
    + """
from PySide6.QtWidgets import QLabel
app = QApplication(sys.argv)
watch = FirstPaint("QLabel")
app.installEventFilter(watch)
window = QMainWindow()
window.setCentralWidget(QLabel("Log in to the study database"))
window.resize(400, 300)
window.show()
app.exec()
"""
)

APPLICATION = (
    _FIRST_PAINT
    + """
app = QApplication(sys.argv)
watch = FirstPaint("LoginDialog")
app.installEventFilter(watch)
from sscvisit.cli import main
main(["--db", sys.argv[1]])
"""
)


def _one(code: str, *args: str, env: dict[str, str]) -> float:
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=60,
    )
    painted = float(done.stdout.strip().splitlines()[-1])
    return painted - started


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            env[var] = str(Path(folder) / var.lower())
        db = Path(folder) / "study.sqlite3"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "sscvisit",
                "demo",
                "--db",
                str(db),
                "--no-gui",
                "--patients",
                "50",
            ],
            check=True,
            capture_output=True,
            env=env,
        )
        floor: list[float] = []
        text: list[float] = []
        app: list[float] = []
        for _ in range(RUNS):  # interleaved, so drift affects all alike
            floor.append(_one(FLOOR, env=env))
            text.append(_one(TEXT_FLOOR, env=env))
            app.append(_one(APPLICATION, str(db), env=env))
    f = statistics.median(floor) * 1000
    t = statistics.median(text) * 1000
    a = statistics.median(app) * 1000
    print(f"startup to first paint (median of {RUNS}, {env['QT_QPA_PLATFORM']}):")
    print(f"  floor: bare QMainWindow   {f:8.1f} ms")
    print(f"  bare window + one label    {t:8.1f} ms   ratio {t / f:5.2f}  (context)")
    print(f"  sscvisit login window      {a:8.1f} ms   ratio {a / f:5.2f}  (target <= 1.30)")


if __name__ == "__main__":
    main()
