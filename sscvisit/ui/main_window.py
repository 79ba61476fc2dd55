"""The main window: navigation on the left, one page per task, who and where in the status bar."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

import sscvisit
from sscvisit.ui.context import UiContext

ORGANISATION = "UMC Utrecht"
APPLICATION = "sscvisit"

PAGE_WEEK = "week"
PAGE_PATIENTS = "patients"
PAGE_AUDIT = "audit"
PAGE_ULCERS = "ulcers"
PAGE_SAFETY = "safety"
PAGE_ADMIN = "admin"


def window_settings() -> QSettings:
    """Saved window state, apart from the preferences (STYLE.md item 10)."""
    return QSettings(ORGANISATION, APPLICATION)


class MainWindow(QMainWindow):
    """The logged-in user's window. The application shell connects the signals."""

    lockRequested = Signal()  # noqa: N815 - Qt signal naming
    logoutRequested = Signal()  # noqa: N815 - Qt signal naming
    closing = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        user = ctx.user
        self.setWindowTitle(self.tr("sscvisit: {name}").format(name=user.full_name))
        self.setMinimumSize(QSize(1000, 640))

        # The pages come from modules written apart; imported here so that importing this
        # module stays cheap and a page's import problem names that page.
        from sscvisit.ui.admin import UserAdminWidget
        from sscvisit.ui.audit_viewer import AuditViewer
        from sscvisit.ui.endpoint_view import EndpointView
        from sscvisit.ui.patient_list import PatientListView
        from sscvisit.ui.patient_page import PatientPage
        from sscvisit.ui.sae_watch import SaeBanner, SaeDueList
        from sscvisit.ui.ulcer_review import StudyUlcerOverview
        from sscvisit.ui.week_overview import WeekOverview

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(190)
        self.nav.setSpacing(2)
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.stack = QStackedWidget()
        self._keys: list[str] = []
        self._refresh_on_show = True

        self.patient_list: PatientListView | None = None
        self.patient_page: PatientPage | None = None
        self.patients_stack: QStackedWidget | None = None
        self.audit_viewer: AuditViewer | None = None
        self.user_admin: UserAdminWidget | None = None
        self.week_overview: WeekOverview | None = None
        self.study_ulcers: StudyUlcerOverview | None = None
        self.safety_page: QTabWidget | None = None
        self.sae_due: SaeDueList | None = None
        self.endpoint_view: EndpointView | None = None
        # An SAE past its 24-hour deadline shows above every page until it is reported.
        self.sae_banner = SaeBanner(ctx, self)

        if user.may("view_data"):
            # What is due this week and overdue, for the whole study: where the day starts.
            self.week_overview = WeekOverview(ctx, self)
            self._add_page(PAGE_WEEK, self.tr("This week"), self.week_overview)
        if user.may("view_data") or user.may("manage_users"):
            # Administrators see the pseudonymous list (read-only; the services refuse entry).
            self.patients_stack = QStackedWidget()
            self.patient_list = PatientListView(ctx, self.patients_stack)
            self.patient_page = PatientPage(ctx, self.patients_stack)
            self.patients_stack.addWidget(self.patient_list)
            self.patients_stack.addWidget(self.patient_page)
            self.patient_list.patientActivated.connect(self.show_patient)
            self.patient_page.back.connect(self.show_patient_list)
            self.patient_page.auditRequested.connect(self.show_audit)
            self.patient_page.patientChanged.connect(self.patient_list.update_patient)
            self._add_page(PAGE_PATIENTS, self.tr("Patients"), self.patients_stack)
            if self.week_overview is not None:
                self.week_overview.patientActivated.connect(self.show_patient)
        if user.may("view_data"):
            # The study-wide efficacy picture; its chart (matplotlib) loads when first shown.
            self.study_ulcers = StudyUlcerOverview(ctx, self)
            self._add_page(PAGE_ULCERS, self.tr("Ulcers (study)"), self.study_ulcers)
            # SAEs still to report (with their countdown) and the safety end point.
            self.safety_page = QTabWidget()
            self.safety_page.setObjectName("safety_page")
            self.sae_due = SaeDueList(ctx, self.safety_page)
            self.endpoint_view = EndpointView(ctx, self.safety_page)
            self.safety_page.addTab(self.sae_due, self.tr("SAE reporting"))
            self.safety_page.addTab(self.endpoint_view, self.tr("Safety end point"))
            self.safety_page.currentChanged.connect(lambda _i: self._refresh_safety_tab())
            self.sae_due.patientActivated.connect(self.show_patient_safety)
            self.endpoint_view.patientActivated.connect(self.show_patient_safety)
            self._add_page(PAGE_SAFETY, self.tr("Safety"), self.safety_page)
        if user.may("view_audit"):
            self.audit_viewer = AuditViewer(ctx, self)
            self._add_page(PAGE_AUDIT, self.tr("Audit trail"), self.audit_viewer)
        if user.may("manage_users"):
            self.user_admin = UserAdminWidget(ctx, self)
            self._add_page(PAGE_ADMIN, self.tr("Administration"), self.user_admin)

        self.nav.currentRowChanged.connect(self._page_changed)

        self.sae_banner.patientActivated.connect(self.show_patient_safety)
        if self.patient_page is not None:
            self.patient_page.safetyChanged.connect(lambda _patient: self.refresh_safety())
            self.patient_page.patientChanged.connect(lambda _row: self.refresh_safety())

        central = QWidget()
        central.setObjectName("central")
        outer = QVBoxLayout(central)
        outer.setContentsMargins(6, 6, 6, 6)
        outer.addWidget(self.sae_banner)
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        outer.addLayout(layout, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self._build_status_bar()

        # Ctrl+F: the patient filter; on the audit page its search box. While the focus is
        # inside the audit viewer its own Ctrl+F answers (two active ones would be ambiguous).
        self.find_shortcut = QShortcut(QKeySequence.StandardKey.Find, self, self.find_on_page)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        for number in range(1, len(self._keys) + 1):
            QShortcut(
                QKeySequence(f"Ctrl+{number}"),
                self,
                lambda row=number - 1: self.nav.setCurrentRow(row),
            )

        self.nav.setCurrentRow(0)
        self.restore_geometry()

    # --- construction ----------------------------------------------------------------------

    def _add_page(self, key: str, title: str, widget: QWidget) -> None:
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setSizeHint(QSize(0, 36))
        self.nav.addItem(item)
        self.stack.addWidget(widget)
        self._keys.append(key)

    def _build_menus(self) -> None:
        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu(self.tr("&File"))
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self.open_settings)
        self.lock_action = QAction(self.tr("&Lock now"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lockRequested)
        self.logout_action = QAction(self.tr("Log &out"), self)
        self.logout_action.triggered.connect(self.logoutRequested)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.logout_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.addAction(self.lock_action)  # the shortcut works even while the menu bar is hidden

        help_menu = menu_bar.addMenu(self.tr("&Help"))
        self.about_action = QAction(self.tr("&About sscvisit"), self)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        user = self.ctx.user
        self.user_label = QLabel(user.full_name)
        self.user_label.setObjectName("status_user")
        self.user_label.setToolTip(user.username)
        self.role_label = QLabel(self.role_label_text(user.role))
        self.role_label.setObjectName("status_role")
        self.location_label = QLabel(
            self.tr("Database: {location}").format(location=self.ctx.study.location)
        )
        self.location_label.setObjectName("status_location")
        self.location_label.setToolTip(self.ctx.study.location)
        for label in (self.user_label, self.role_label, self.location_label):
            label.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(label)

    def role_label_text(self, role: str) -> str:
        """The role's label from its declaration (the one source of role labels)."""
        from sscvisit.services.auth import ROLE_FIELD

        return ROLE_FIELD.code_label(role, self.ctx.language)

    # --- navigation ------------------------------------------------------------------------

    def page_keys(self) -> list[str]:
        """The pages this user sees, in navigation order."""
        return list(self._keys)

    def current_page(self) -> str | None:
        row = self.nav.currentRow()
        return self._keys[row] if 0 <= row < len(self._keys) else None

    def show_page(self, key: str) -> None:
        if key in self._keys:
            self.nav.setCurrentRow(self._keys.index(key))

    def _page_changed(self, row: int) -> None:
        if not 0 <= row < len(self._keys):
            return
        self.stack.setCurrentIndex(row)
        key = self._keys[row]
        if not self._refresh_on_show:
            return
        shown = self.stack.currentWidget()
        if key == PAGE_WEEK and self.week_overview is not None:
            self.week_overview.refresh()
        elif key == PAGE_PATIENTS and self.patient_list is not None:
            if isinstance(shown, QStackedWidget) and shown.currentWidget() is self.patient_list:
                self.patient_list.refresh()  # the list loads when shown, so it is current
        elif key == PAGE_AUDIT and self.audit_viewer is not None:
            self.audit_viewer.refresh()
        elif key == PAGE_ULCERS and self.study_ulcers is not None:
            self.study_ulcers.refresh()
        elif key == PAGE_SAFETY and self.safety_page is not None:
            self._refresh_safety_tab()
        elif key == PAGE_ADMIN and self.user_admin is not None:
            self.user_admin.refresh()

    def refresh_safety(self) -> None:
        """After a save that may touch an SAE: the banner, and the due list when it is shown."""
        self.sae_banner.refresh()
        if self.current_page() == PAGE_SAFETY:
            self._refresh_safety_tab()

    def _refresh_safety_tab(self) -> None:
        if self.safety_page is None:
            return
        shown = self.safety_page.currentWidget()
        if shown is self.sae_due and self.sae_due is not None:
            self.sae_due.refresh()
        elif shown is self.endpoint_view and self.endpoint_view is not None:
            self.endpoint_view.refresh()

    def show_patient(self, patient_id: int) -> None:
        if self.patient_page is None or self.patients_stack is None:
            return
        self.show_page(PAGE_PATIENTS)
        self.patient_page.show_patient(patient_id)
        self.patients_stack.setCurrentWidget(self.patient_page)

    def show_patient_safety(self, patient_id: int) -> None:
        """The patient, with the adverse event log in front (from the SAE banner or lists)."""
        self.show_patient(patient_id)
        if self.patient_page is not None:
            self.patient_page.show_adverse_events(patient_id)

    def show_patient_list(self) -> None:
        if self.patient_list is None or self.patients_stack is None:
            return
        self.patients_stack.setCurrentWidget(self.patient_list)
        self.patient_list.refresh()
        self.patient_list.setFocus()

    def show_audit(self, patient_id: int | None = None) -> None:
        """The audit trail, of one patient or of the whole study."""
        if self.audit_viewer is None:
            return
        subject: str | None = None
        if patient_id is not None and self.patient_page is not None:
            row = self.patient_page.patient()
            if row is not None and row.id == patient_id:
                subject = row.subject_number
        self._refresh_on_show = False  # set_patient reloads it
        try:
            self.show_page(PAGE_AUDIT)
        finally:
            self._refresh_on_show = True
        self.audit_viewer.set_patient(patient_id, subject)

    def find_on_page(self) -> None:
        """Ctrl+F: search the audit trail on its page, else the patient list."""
        if self.current_page() == PAGE_AUDIT and self.audit_viewer is not None:
            self.audit_viewer.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.audit_viewer.search.selectAll()
        else:
            self.focus_filter()

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        inside_audit = (
            self.audit_viewer is not None
            and new is not None
            and self.audit_viewer.isAncestorOf(new)
        )
        self.find_shortcut.setEnabled(not inside_audit)

    def focus_filter(self) -> None:
        """Ctrl+F: to the patient list, cursor in its filter."""
        if self.patient_list is None or self.patients_stack is None:
            return
        self.show_page(PAGE_PATIENTS)
        self.patients_stack.setCurrentWidget(self.patient_list)
        self.patient_list.focus_filter()

    # --- menu actions ----------------------------------------------------------------------

    def open_settings(self) -> QWidget:
        from sscvisit.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def about_text(self) -> str:
        return self.tr(
            "<p><b>sscvisit {version}</b></p>"
            "<p>Visits, ulcer maps and scores for the trial of mesenchymal stem cells for "
            "digital ulcers in systemic sclerosis.</p>"
            "<p>Study database: {location}<br>Database system: {backend}</p>"
        ).format(
            version=sscvisit.__version__,
            location=self.ctx.study.location,
            backend=self.ctx.study.backend,
        )

    def show_about(self) -> QMessageBox:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About sscvisit"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(self.about_text())
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    # --- window state ----------------------------------------------------------------------

    def restore_geometry(self) -> None:
        stored = window_settings().value("main_window/geometry")
        if isinstance(stored, QByteArray) and not stored.isEmpty() and self.restoreGeometry(stored):
            return
        screen = QApplication.primaryScreen()
        if screen is not None:
            available = screen.availableGeometry()
            self.resize(min(1366, available.width()), min(800, max(available.height(), 640)))
        else:
            self.resize(1366, 768)

    def save_geometry(self) -> None:
        settings = window_settings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.sync()

    def event(self, event: QEvent) -> bool:
        # Back from a dialog (an AE saved from the injection form or the lab table, say), or
        # from another program: the SAE banner must be current.
        if event.type() == QEvent.Type.WindowActivate:
            self.sae_banner.refresh()
        return super().event(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        self.closing.emit()
        super().closeEvent(event)
