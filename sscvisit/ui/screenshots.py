"""Render every main screen of the demo study to PNG, offscreen, in English and Dutch.

``sscvisit demo --screenshot DIR`` and ``make screenshots`` call ``render_all``. The screens are
the real widgets on the real demo database, sized to a 1366x768 clinic screen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from sscvisit.ui.i18n import install_translator

if TYPE_CHECKING:
    from sscvisit.services.study import Study

SCREEN = (1366, 768)
LANGUAGES = ("en", "nl")


def _settle() -> None:
    for _ in range(3):
        QCoreApplication.processEvents()


def _save(widget: QWidget, path: Path, size: tuple[int, int] | None = None) -> Path:
    if size is not None:
        widget.resize(*size)
    widget.show()
    _settle()
    widget.grab().save(str(path))
    return path


def render_all(study: Study, out_dir: Path) -> list[Path]:
    """One PNG per screen and language; returns the files written."""
    from sscvisit.services import demo

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    nurse = demo.login_demo(study, "nurse")
    admin = demo.login_demo(study, "admin")
    for language in LANGUAGES:
        install_translator(app, language)
        for name, render in _screens(study, nurse, admin, language).items():
            written.append(render(out_dir / f"{name}_{language}.png"))
    install_translator(app, "en")
    return written


def _screens(
    study: Study, nurse: object, admin: object, language: str
) -> dict[str, Callable[[Path], Path]]:
    from sscvisit.services import patients
    from sscvisit.services import screening as screening_service
    from sscvisit.services.dto import UserInfo
    from sscvisit.ui.app import build_main_window
    from sscvisit.ui.context import UiContext
    from sscvisit.ui.login import LoginDialog
    from sscvisit.ui.register_dialog import RegisterPatientDialog
    from sscvisit.ui.screening_form import ScreeningDialog
    from sscvisit.ui.settings_dialog import SettingsDialog

    assert isinstance(nurse, UserInfo)
    assert isinstance(admin, UserInfo)
    rows = patients.list_patients(study, nurse)
    edited = rows[1].id if len(rows) > 1 else rows[0].id
    by_status: dict[str, list[int]] = {}
    for row in rows:
        by_status.setdefault(row.status, []).append(row.id)
    # The demo's enrolled patients sit at different points of the schedule; the fourth has a
    # week-1 visit done out of its window. Fall back to any patient in a small demo.
    enrolled = by_status.get("enrolled", [edited])
    timeline_patient = enrolled[min(3, len(enrolled) - 1)]
    failed = by_status.get("screen_failed", [])
    in_screening = by_status.get("screening", [])

    def screening_of(patient_id: int, path: Path, *, draft: bool = False) -> Path:
        history = screening_service.list_screenings(study, nurse, patient_id)
        chosen = next((s for s in history if (s.state == "draft") == draft), None)
        dialog = ScreeningDialog(
            UiContext(study, nurse, language), patient_id, chosen.id if chosen else None
        )
        result = _save(dialog, path, SCREEN)
        dialog.close()
        dialog.deleteLater()
        return result

    def login(path: Path) -> Path:
        dialog = LoginDialog(study.location)
        dialog.set_study(study)
        result = _save(dialog, path)
        dialog.close()
        dialog.deleteLater()
        return result

    def window_on(user: UserInfo, page: str, path: Path, patient: int | None = None) -> Path:
        window = build_main_window(study, user, language)
        window.show_page(page)
        if patient is not None and page == "patients":
            window.show_patient(patient)
        elif patient is not None:
            window.show_audit(patient)
        result = _save(window, path, SCREEN)
        window.close()
        window.deleteLater()
        return result

    def register(path: Path) -> Path:
        dialog = RegisterPatientDialog(UiContext(study, nurse, language))
        result = _save(dialog, path)
        dialog.close()
        dialog.deleteLater()
        return result

    def register_errors(path: Path) -> Path:
        dialog = RegisterPatientDialog(UiContext(study, nurse, language))
        editor = dialog.editor
        future = (dt.date.today() + dt.timedelta(days=30)).isoformat()  # noqa: DTZ011
        taken = rows[0].identity.hospital_number if rows[0].identity else "H1"
        for form, field, text in (
            (editor.study_form, "birth_year", "1800"),
            (editor.study_form, "consent_date", future),
            (editor.identity_form, "family_name", "Voorbeeld"),
            (editor.identity_form, "date_of_birth", "1970-02-30"),
            (editor.identity_form, "hospital_number", taken),
        ):
            line = form.editor(field) if form is not None else None
            if isinstance(line, QLineEdit):
                line.setText(text)
        dialog.editor.check()
        result = _save(dialog, path)
        dialog.close()
        dialog.deleteLater()
        return result

    def settings(path: Path) -> Path:
        dialog = SettingsDialog(UiContext(study, admin, language))
        result = _save(dialog, path)
        dialog.close()
        dialog.deleteLater()
        return result

    screens: dict[str, Callable[[Path], Path]] = {
        "01_login": login,
        "02_this_week": lambda p: window_on(nurse, "week", p),
        "02_patient_list": lambda p: window_on(nurse, "patients", p),
        "03_patient_page": lambda p: window_on(nurse, "patients", p, edited),
        "03_patient_timeline": lambda p: window_on(nurse, "patients", p, timeline_patient),
        "04_register_patient": register,
        "05_register_patient_errors": register_errors,
        "06_audit_trail": lambda p: window_on(nurse, "audit", p),
        "07_audit_trail_patient": lambda p: window_on(nurse, "audit", p, edited),
        "08_user_administration": lambda p: window_on(admin, "admin", p),
        "09_settings_admin": settings,
    }
    if enrolled != [edited]:
        screens["10_screening_eligible"] = lambda p: screening_of(enrolled[0], p)
        screens.update(_form_screens(study, nurse, language, enrolled[0]))
    if failed:
        screens["11_screening_failure"] = lambda p: screening_of(failed[0], p)
    draft_patients = [
        pid
        for pid in in_screening
        if any(s.state == "draft" for s in screening_service.list_screenings(study, nurse, pid))
    ]
    if draft_patients:
        screens["12_screening_draft"] = lambda p: screening_of(draft_patients[0], p, draft=True)
    return screens


def _form_screens(
    study: Study, nurse: object, language: str, patient_id: int
) -> dict[str, Callable[[Path], Path]]:
    """The questionnaires and capillaroscopy of the first enrolled demo patient, filled in."""
    from sscvisit.services import visits
    from sscvisit.services.dto import UserInfo
    from sscvisit.ui.app import build_main_window
    from sscvisit.ui.capillaroscopy_form import CapillaroscopyDialog
    from sscvisit.ui.context import UiContext
    from sscvisit.ui.questionnaire_form import QuestionnaireDialog

    assert isinstance(nurse, UserInfo)
    ctx = UiContext(study, nurse, language)
    schedule = {v.visit_code: v for v in visits.schedule(study, nurse, patient_id)}
    visit = schedule.get("week12") or schedule["injection"]

    def questionnaire(code: str, path: Path) -> Path:
        dialog = QuestionnaireDialog(ctx, visit, code)
        result = _save(dialog, path, SCREEN)
        dialog.close()
        dialog.deleteLater()
        return result

    def capillaroscopy(path: Path) -> Path:
        dialog = CapillaroscopyDialog(ctx, visit.id, visit=visit)
        result = _save(dialog, path, SCREEN)
        dialog.close()
        dialog.deleteLater()
        return result

    def scores(path: Path) -> Path:
        window = build_main_window(study, nurse, language)
        window.show_patient(patient_id)
        page = window.patient_page
        assert page is not None
        page.right_tabs.setCurrentWidget(page.scores)
        result = _save(window, path, SCREEN)
        window.close()
        window.deleteLater()
        return result

    screens: dict[str, Callable[[Path], Path]] = {
        f"13_{code}": partial(questionnaire, code) for code in ("shaq", "rand36", "eq5d", "chfs")
    }
    screens["14_capillaroscopy"] = capillaroscopy
    screens["15_scores_over_time"] = scores

    def ulcer_map(code: str, path: Path) -> Path:
        from sscvisit.ui.ulcer_editor import UlcerEditorDialog

        dialog = UlcerEditorDialog(ctx, schedule[code])
        result = _save(dialog, path, SCREEN)
        dialog.close()
        dialog.deleteLater()
        return result

    def review(tab: str, path: Path) -> Path:
        window = build_main_window(study, nurse, language)
        window.show_patient(patient_id)
        page = window.patient_page
        assert page is not None
        page.right_tabs.setCurrentWidget(page.ulcer_review)
        if tab == "compare":
            page.ulcer_review.show_compare()
        window.resize(*SCREEN)
        window.show()
        _settle()
        window.grab().save(str(path))
        window.close()
        window.deleteLater()
        return path

    def study_ulcers(path: Path) -> Path:
        window = build_main_window(study, nurse, language)
        window.show_page("ulcers")
        result = _save(window, path, SCREEN)
        window.close()
        window.deleteLater()
        return result

    screens.update(_safety_screens(study, nurse, language, patient_id))
    screens["16_ulcer_map_week1"] = partial(ulcer_map, "week1")
    screens["17_ulcer_charts"] = partial(review, "charts")
    screens["18_ulcer_compare_visits"] = partial(review, "compare")
    screens["19_ulcers_study"] = study_ulcers
    return screens


def _safety_screens(
    study: Study, nurse: object, language: str, patient_id: int
) -> dict[str, Callable[[Path], Path]]:
    """Injection, adverse events and SAEs, labs, biomarkers, medication and the end point."""
    from sscvisit.services import labs, patients, safety, visits
    from sscvisit.services.dto import UserInfo
    from sscvisit.ui.ae_dialog import AdverseEventDialog
    from sscvisit.ui.app import build_main_window
    from sscvisit.ui.context import UiContext
    from sscvisit.ui.injection_form import InjectionDialog
    from sscvisit.ui.lab_form import LabDialog

    assert isinstance(nurse, UserInfo)
    ctx = UiContext(study, nurse, language)
    schedule = {v.visit_code: v for v in visits.schedule(study, nurse, patient_id)}
    enrolled = [r.id for r in patients.list_patients(study, nurse) if r.status == "enrolled"]
    events = [e for pid in enrolled for e in safety.list_aes(study, nurse, pid)]
    saes = sorted((e for e in events if e.serious), key=lambda e: e.report_state)
    lab_patient = next(
        (
            pid
            for pid in enrolled
            if any(r.suggests_ae for r in labs.lab_results(study, nurse, pid))
        ),
        patient_id,
    )

    def dialog_shot(make: Callable[[], QWidget], path: Path) -> Path:
        dialog = make()
        result = _save(dialog, path, SCREEN)
        dialog.close()
        dialog.deleteLater()
        return result

    def patient_tab(tab: str, patient: int, path: Path) -> Path:
        window = build_main_window(study, nurse, language)
        window.show_patient(patient)
        page = window.patient_page
        assert page is not None
        page.right_tabs.setCurrentWidget(getattr(page, tab))
        result = _save(window, path, SCREEN)
        window.close()
        window.deleteLater()
        return result

    def safety_page(tab: str, path: Path) -> Path:
        window = build_main_window(study, nurse, language)
        window.show_page("safety")
        if tab == "end_point" and window.safety_page is not None:
            assert window.endpoint_view is not None
            window.safety_page.setCurrentWidget(window.endpoint_view)
        result = _save(window, path, SCREEN)
        window.close()
        window.deleteLater()
        return result

    def visit_forms(code: str, path: Path) -> Path:
        window = build_main_window(study, nurse, language)
        window.show_patient(patient_id)
        page = window.patient_page
        assert page is not None
        page.timeline.select_visit(schedule[code].id)
        result = _save(window, path, SCREEN)
        window.close()
        window.deleteLater()
        return result

    screens: dict[str, Callable[[Path], Path]] = {
        "03_patient_visit_forms": partial(visit_forms, "week1"),
        "20_injection": partial(dialog_shot, lambda: InjectionDialog(ctx, schedule["injection"])),
        "21_adverse_events": partial(patient_tab, "adverse_events", patient_id),
        "24_labs": partial(patient_tab, "labs", lab_patient),
        "25_lab_form": partial(
            dialog_shot, lambda: LabDialog(ctx, schedule.get("week4") or schedule["injection"])
        ),
        "26_biomarkers": partial(patient_tab, "biomarkers", patient_id),
        "27_medication": partial(patient_tab, "medication", patient_id),
        "28_safety_sae_reporting": partial(safety_page, "due"),
        "29_safety_end_point": partial(safety_page, "end_point"),
    }

    def sae(ae_id: int, patient: int, path: Path) -> Path:
        return dialog_shot(lambda: AdverseEventDialog(ctx, patient, None, ae_id=ae_id), path)

    for letter, event in zip("abc", saes[:3], strict=False):
        screens[f"22{letter}_sae_{event.report_state}"] = partial(sae, event.id, event.patient_id)
    return screens
