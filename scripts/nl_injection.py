"""Dutch translations of the injection screens; merged into the table of translate_nl.py."""

from __future__ import annotations

# context -> English source -> Dutch (the terms of translate_nl.py's docstring).
TABLE: dict[str, dict[str, str | tuple[str, ...]]] = {
    "InjectionDialog": {
        "{subject} · {visit} · injection": "{subject} · {visit} · injectie",
        "Injection": "Injectie",
        "Save": "Opslaan",
        "Close": "Sluiten",
        "Immediate reactions": "Directe reacties",
        "Reaction": "Reactie",
        "e.g. flushing, pain at the injection site": "bijv. flushing, pijn op de injectieplaats",
        "Record as adverse event…": "Vastleggen als ongewenst voorval…",
        "Each reaction is recorded as an adverse event starting on the injection date; "
        "the adverse event form opens with the term filled in.": (
            "Elke reactie wordt vastgelegd als ongewenst voorval dat begint op de injectiedatum; "
            "het formulier voor het ongewenste voorval opent met de term al ingevuld."
        ),
        "The injection visit has unsaved changes. Close and discard them?": (
            "Het injectiebezoek heeft niet-opgeslagen wijzigingen. "
            "Sluiten en de wijzigingen verwerpen?"
        ),
        "AE {number}: {term} (SAE)": "Ongewenst voorval {number}: {term} (SAE)",
        "AE {number}: {term}": "Ongewenst voorval {number}: {term}",
        "No immediate reaction recorded.": "Geen directe reactie vastgelegd.",
    },
    "VitalsDialog": {
        "{subject} · {visit} · vital signs": "{subject} · {visit} · vitale functies",
        "Save": "Opslaan",
        "Close": "Sluiten",
        "The vital signs have unsaved changes. Close and discard them?": (
            "De vitale functies hebben niet-opgeslagen wijzigingen. "
            "Sluiten en de wijzigingen verwerpen?"
        ),
    },
    "VitalsWidget": {
        "Vital signs": "Vitale functies",
        "Vital signs: {moment}": "Vitale functies: {moment}",
    },
    "Messages": {
        "The dose is computed only for a body weight of 30 to 200 kg.": (
            "De dosis wordt alleen berekend bij een lichaamsgewicht van 30 tot 200 kg."
        ),
        "The injection must be on the date of the injection visit.": (
            "De injectie moet op de datum van het injectiebezoek vallen."
        ),
        "The batch cannot be released after the injection.": (
            "De batch kan niet na de injectie zijn vrijgegeven."
        ),
        "The diastolic pressure must be lower than the systolic.": (
            "De diastolische druk moet lager zijn dan de systolische."
        ),
        "Must be on the date of the visit.": "Moet op de datum van het bezoek vallen.",
        "Measured before the injection: cannot be after its time.": (
            "Gemeten voor de injectie: kan niet na het tijdstip van de injectie liggen."
        ),
        "Measured after the injection: cannot be before its time.": (
            "Gemeten na de injectie: kan niet voor het tijdstip van de injectie liggen."
        ),
    },
}
