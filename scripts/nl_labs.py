"""Dutch translations of the labs screens; merged into the table of translate_nl.py."""

from __future__ import annotations

# context -> English source -> Dutch (the terms of translate_nl.py's docstring).
TABLE: dict[str, dict[str, str | tuple[str, ...]]] = {
    "PanelDialog": {
        "Save": "Opslaan",
        "Close": "Sluiten",
        "YYYY-MM-DD": "JJJJ-MM-DD",
        "The panel has unsaved values. Close and discard them?": (
            "Er zijn niet-opgeslagen waarden. Sluiten en de waarden weggooien?"
        ),
    },
    "LabDialog": {
        "Lab results": "Labuitslagen",
        "Analyte": "Bepaling",
        "WHO grade": "WHO-graad",
        "Enter the values, units and reference range as the lab reported them. The WHO grade "
        "is computed as you type (units converted; liver and kidney values as a multiple of "
        "the upper limit of normal). Tab moves along a row, then down.": (
            "Voer waarden, eenheden en referentiewaarden in zoals het lab ze rapporteerde. De "
            "WHO-graad wordt tijdens het typen berekend (eenheden omgerekend; lever- en "
            "nierwaarden als veelvoud van de bovengrens van normaal). Tab gaat langs de rij, "
            "daarna naar beneden."
        ),
        "{ratio} × ULN": "{ratio} × bovengrens",
        "grade {grade}": "graad {grade}",
        "Suggests an adverse event: record it from the lab overview.": (
            "Wijst op een ongewenst voorval: leg het vast vanuit het laboverzicht."
        ),
    },
    "LabTableModel": {
        "grade {grade}": "graad {grade}",
        "Sample date: {date}": "Afnamedatum: {date}",
        "Reference range: {low}–{high}": "Referentiewaarden: {low}–{high}",
        "{ratio} × upper limit of normal": "{ratio} × bovengrens van normaal",
        "Baseline (injection visit)": "Baseline (injectiebezoek)",
        "Baseline grade: {grade}": "Graad bij baseline: {grade}",
        "Suggests an adverse event.": "Wijst op een ongewenst voorval.",
        "Recorded as AE {number}: {term}": "Vastgelegd als ongewenst voorval {number}: {term}",
    },
    "LabOverview": {
        "Shaded: WHO grade 3 or 4. ⚠ suggests an adverse event (after the injection visit: "
        "grade 3 or more, or two grades above baseline). Point at a value for its reference "
        "range and baseline.": (
            "Gekleurd: WHO-graad 3 of 4. ⚠ wijst op een ongewenst voorval (na het "
            "injectiebezoek: graad 3 of hoger, of twee graden boven baseline). Wijs een waarde "
            "aan voor de referentiewaarden en baseline."
        ),
        "Results that suggest an adverse event": "Uitslagen die wijzen op een ongewenst voorval",
        "Lab results of {subject}": "Labuitslagen van {subject}",
        "No lab results yet.": "Nog geen labuitslagen.",
        "{visit}, {date}: {term} — {value}": "{visit}, {date}: {term} — {value}",
        "Record adverse event…": "Ongewenst voorval vastleggen…",
        "Recorded as AE {number}: {term}": "Vastgelegd als ongewenst voorval {number}: {term}",
    },
    "BiomarkerDialog": {
        "Biomarkers": "Biomarkers",
        "Biomarker": "Biomarker",
        "Change from baseline": "Verandering t.o.v. baseline",
        "Enter each value with its unit as the laboratory reported it; leave a row empty when "
        "it was not measured. The change from baseline (the injection visit) is shown when the "
        "units match. Tab moves along a row, then down.": (
            "Voer elke waarde in met de eenheid zoals het laboratorium die rapporteerde; laat "
            "een rij leeg als die niet is bepaald. De verandering ten opzichte van baseline (het "
            "injectiebezoek) wordt getoond als de eenheden gelijk zijn. Tab gaat langs de rij, "
            "daarna naar beneden."
        ),
        "baseline": "baseline",
        "no baseline": "geen baseline",
        "Baseline: {value} {unit}": "Baseline: {value} {unit}",
        "other unit than baseline": "andere eenheid dan baseline",
    },
    "BiomarkerTableModel": {
        "baseline": "baseline",
        "Sample date: {date}": "Afnamedatum: {date}",
        "Assay: {assay}": "Assay: {assay}",
        "Baseline: {value} {unit}": "Baseline: {value} {unit}",
    },
    "BiomarkerChart": {
        "day {day}": "dag {day}",
    },
    "BiomarkerOverview": {
        "Change from baseline (the injection visit), absolute and in percent, when the units "
        "match. Charts: days since the injection; dashed line: baseline.": (
            "Verandering ten opzichte van baseline (het injectiebezoek), absoluut en in procenten, "
            "als de eenheden gelijk zijn. Grafieken: dagen sinds de injectie; stippellijn: "
            "baseline."
        ),
        "Biomarkers of {subject}": "Biomarkers van {subject}",
        "No biomarker results yet.": "Nog geen biomarkeruitslagen.",
    },
    "Messages": {
        "The WHO grade cannot use this unit; choose one of the listed units.": (
            "Met deze eenheid kan de WHO-graad niet worden berekend; kies een van de eenheden "
            "uit de lijst."
        ),
        "Enter the upper limit of normal: the WHO grade is a multiple of it.": (
            "Vul de bovengrens van normaal in: de WHO-graad is een veelvoud daarvan."
        ),
        "The lower limit must be below the upper limit.": (
            "De ondergrens moet lager zijn dan de bovengrens."
        ),
    },
}
