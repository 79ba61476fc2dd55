"""The biomarker panel of a visit: the protocol's analytes, value, unit, sample date and assay.

The panel comes from the protocol file (``biomarkers.panel()``); the unit offered first is the
panel's. Beside the unit the change from baseline (the injection visit) is shown as you type.
The grid, messages, reason for change and keyboard order are the lab form's (``PanelDialog``).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from sscvisit.model.fields import Value
from sscvisit.services import biomarkers, clock
from sscvisit.services.biomarkers import BiomarkerEntry, BiomarkerInfo
from sscvisit.services.dto import VisitInfo
from sscvisit.services.protocol import default_protocol
from sscvisit.ui.context import UiContext
from sscvisit.ui.lab_form import PanelDialog, number_text, short_number


def change_text(change: float, percent: float | None) -> str:
    """ "+2 (+25%)": a change from baseline, signed."""
    text = f"{'+' if change > 0 else ''}{short_number(change)}"
    if percent is not None:
        text += f" ({'+' if percent > 0 else ''}{percent:.0f}%)"
    return text


class BiomarkerDialog(PanelDialog):
    """The biomarker panel of one visit (``saved(patient_id)``; closes once saved)."""

    EXTRA_CHARACTERS = 18

    def __init__(self, ctx: UiContext, visit: VisitInfo, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            visit,
            parent,
            fields=biomarkers.BIOMARKER_FIELDS,
            row_fields=biomarkers.BIOMARKER_ROW_FIELDS,
            analytes=[(m.code, m.label(ctx.language)) for m in biomarkers.panel()],
            results=biomarkers.biomarker_results,
            save=biomarkers.save_biomarkers,
            title=QCoreApplication.translate("BiomarkerDialog", "Biomarkers"),
            first_header=QCoreApplication.translate("BiomarkerDialog", "Biomarker"),
            extra_header=QCoreApplication.translate("BiomarkerDialog", "Change from baseline"),
            extra_after="unit",
        )
        self.setObjectName("biomarker_dialog")
        self.legend.setText(
            self.tr(
                "Enter each value with its unit as the laboratory reported it; leave a row empty "
                "when it was not measured. The change from baseline (the injection visit) is "
                "shown when the units match. Tab moves along a row, then down."
            )
        )

    def text_width(self, name: str) -> int:
        return {"unit": 8, "sample_date": 10, "assay": 24}.get(name, 8)

    def check_row(self, code: str, values: Mapping[str, Value]) -> BiomarkerEntry:
        return biomarkers.check_biomarker_row(code, values, today=clock.today())

    def row_is_blank(self, values: Mapping[str, Value]) -> bool:
        return biomarkers.is_blank(values)

    def unit_choices(self, code: str) -> tuple[tuple[str, ...], str]:
        unit = default_protocol().biomarker(code).unit
        return (unit,), unit

    def extra_cell(self, code: str, entry: object | None) -> tuple[str, str, bool]:
        if self.at_baseline_visit:
            return self.tr("baseline"), "", False
        if not isinstance(entry, BiomarkerEntry):
            return "—", "", False
        baseline = self.baseline.get(code)
        if not isinstance(baseline, BiomarkerInfo):
            return self.tr("no baseline"), "", False
        value, unit = baseline.value, baseline.unit
        tip = self.tr("Baseline: {value} {unit}").format(value=number_text(value), unit=unit)
        if unit != entry.unit:
            return self.tr("other unit than baseline"), tip, False
        change = entry.value - value
        percent = None if value == 0 else change / value * 100
        return change_text(change, percent), tip, False


__all__ = ["BiomarkerDialog", "change_text"]
