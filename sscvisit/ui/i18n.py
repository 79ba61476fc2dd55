"""Install the interface translation (English is the source language, Dutch is translated).

The application's own catalogue is ``translations/sscvisit_<lang>.qm`` in the ``sscvisit.resources``
package (found with importlib.resources, STYLE.md item 16); Qt's own dialogs (button boxes,
context menus) come from Qt's ``qtbase_<lang>.qm``. Pure Qt: safe to use before the login window.
"""

from __future__ import annotations

import logging
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"

# The translators in use. Each is also parented to the application (so Qt keeps the C++ object
# alive); this list keeps the Python wrappers too, and lets a second call replace the first.
_installed: list[QTranslator] = []


def _load_catalogue(translator: QTranslator, language: str) -> bool | None:
    """Load ``sscvisit_<language>.qm``; None when there is no such file (yet)."""
    try:
        entry = resources.files("sscvisit.resources").joinpath(
            "translations", f"sscvisit_{language}.qm"
        )
        if not entry.is_file():
            return None
        with resources.as_file(entry) as path:
            return translator.load(str(path))
    except (ModuleNotFoundError, OSError):
        return None


def install_translator(app: QCoreApplication, language: str) -> None:
    """Make ``language`` the interface language of ``app``; English needs no catalogue."""
    for old in _installed:
        app.removeTranslator(old)
        old.deleteLater()
    _installed.clear()
    if language == SOURCE_LANGUAGE:
        return

    own = QTranslator(app)
    loaded = _load_catalogue(own, language)
    if loaded:
        app.installTranslator(own)
        _installed.append(own)
    elif loaded is None:
        log.info("no sscvisit_%s.qm translation yet; the interface stays in English", language)
    else:
        log.info("sscvisit_%s.qm could not be read; the interface stays in English", language)

    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    else:
        log.info("no Qt translation qtbase_%s in %s", language, qt_dir)


def installed_translators() -> tuple[QTranslator, ...]:
    """The translators now installed (for tests and the About box)."""
    return tuple(_installed)
