"""Filtering the patient list with 10,000 patients: time per keystroke, against the budget.

A real study file with 10,000 demo patients, the real PatientListView as the demo nurse, the
filter typed one character at a time; each figure includes the repaint of the visible rows.
The floor is Qt's own QSortFilterProxyModel over a QStandardItemModel holding the same texts.
Target: under 16 ms per keystroke (one frame at 60 Hz).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PATIENTS = int(os.environ.get("BENCH_PATIENTS", "10000"))
TYPED = ["ssc-01", "visser", "0730", "anna"]


def _keystrokes(
    set_text: Callable[[str], object], paint: Callable[[], object], words: list[str]
) -> list[float]:
    times: list[float] = []
    for word in words:
        for end in range(1, len(word) + 1):
            started = time.perf_counter()
            set_text(word[:end])
            paint()
            times.append((time.perf_counter() - started) * 1000)
        for end in range(len(word) - 1, -1, -1):  # and Backspace back to empty
            started = time.perf_counter()
            set_text(word[:end])
            paint()
            times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    from PySide6.QtCore import QRegularExpression, QSortFilterProxyModel, Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    from sscvisit.services import demo, patients
    from sscvisit.services.study import Study
    from sscvisit.ui.context import UiContext
    from sscvisit.ui.patient_list import PatientListView

    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            os.environ[var] = str(Path(folder) / var.lower())
        study = Study.open(f"sqlite:///{Path(folder) / 'study.sqlite3'}")
        started = time.perf_counter()
        demo.create_demo(study, patient_count=PATIENTS)
        made = time.perf_counter() - started
        nurse = demo.login_demo(study)

        view = PatientListView(UiContext(study, nurse, "en"))
        view.resize(1366, 700)
        view.show()
        started = time.perf_counter()
        view.refresh()
        app.processEvents()
        loaded = (time.perf_counter() - started) * 1000
        ours = _keystrokes(view.filter_edit.setText, view.table.viewport().repaint, TYPED)
        view.close()

        rows = patients.list_patients(study, nurse)
        model = QStandardItemModel(len(rows), 3)
        for index, row in enumerate(rows):
            name = f"{row.identity.family_name}, {row.identity.given_names}" if row.identity else ""
            number = row.identity.hospital_number if row.identity else ""
            for column, text in enumerate((row.subject_number, name, number)):
                model.setItem(index, column, QStandardItem(text))
        proxy = QSortFilterProxyModel()
        proxy.setSourceModel(model)
        proxy.setFilterKeyColumn(-1)
        proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        table = QTableView()
        table.setModel(proxy)
        table.resize(1366, 700)
        table.show()

        def floor_filter(text: str) -> None:
            proxy.setFilterRegularExpression(
                QRegularExpression(
                    QRegularExpression.escape(text),
                    QRegularExpression.PatternOption.CaseInsensitiveOption,
                )
            )

        floor = _keystrokes(floor_filter, table.viewport().repaint, TYPED)
        table.close()
        study.close()

    print(f"patient list, {PATIENTS} patients (demo study made in {made:.1f} s):")
    print(f"  first load of the list         {loaded:7.1f} ms")
    for label, times in (("floor: Qt proxy over items", floor), ("sscvisit patient list", ours)):
        print(
            f"  {label:<30} median {statistics.median(times):5.1f} ms   "
            f"worst {max(times):5.1f} ms   ({len(times)} keystrokes)"
        )
    ratio = statistics.median(ours) / statistics.median(floor)
    print(f"  ratio to floor (median) {ratio:5.2f}; budget 16 ms per keystroke")


if __name__ == "__main__":
    main()
