"""Dutch translations of the completeness screens; merged into the table of translate_nl.py.

Visit forms (saved / reviewed / not done / missing), the medication list (comedicatie) and its
dialog, the course button of the screening form, the forms column of the timeline and the
worklist of recorded visits with forms missing on "This week"; the "Move injection…" button
of the timeline and its dialog.
"""

from __future__ import annotations

# context -> English source -> Dutch (the terms of translate_nl.py's docstring).
TABLE: dict[str, dict[str, str | tuple[str, ...]]] = {
    "VisitForms": {
        "Injection": "Injectie",
        "Vital signs": "Vitale functies",
        "Labs": "Labuitslagen",
        "Biomarkers": "Biomarkers",
        "Adverse event review": "Controle ongewenste voorvallen",
        "Medication review": "Controle comedicatie",
        "Missing: {forms}": "Ontbreekt: {forms}",
        "{visit} collects no forms.": "{visit} verzamelt geen formulieren.",
        "{visit} was missed: it has no forms to complete.": (
            "{visit} is gemist: er zijn geen formulieren in te vullen."
        ),
        "{form} not done": "{form} niet gedaan",
        "Why was {form} not done at {visit}?": "Waarom is {form} niet gedaan bij {visit}?",
        "Patient declined": "Patiënt wilde niet",
        "Not possible at this visit": "Niet mogelijk bij dit bezoek",
        "Sample not taken or lost": "Monster niet afgenomen of verloren gegaan",
        "missing": "ontbreekt",
        "Complete": "Compleet",
        "Adverse events reviewed": "Ongewenste voorvallen gecontroleerd",
        "Medication reviewed": "Comedicatie gecontroleerd",
        "Undo…": "Ongedaan maken…",
        "Undo this, with a reason": "Dit ongedaan maken, met een reden",
        "Not done…": "Niet gedaan…",
        "saved": "opgeslagen",
        "reviewed ({user})": "gecontroleerd ({user})",
        "not done: {reason}": "niet gedaan: {reason}",
    },
    "ConmedTableModel": {
        "Void: {reason}": "Ongeldig: {reason}",
        "IV prostacyclin course (offered to the screening)": (
            "Iv-prostacyclinekuur (aangeboden bij de screening)"
        ),
        "ongoing": "gebruikt nog",
        "{drug} (IV prostacyclin)": "{drug} (iv-prostacycline)",
    },
    "ConmedDialog": {
        "New medication": "Nieuwe comedicatie",
        "Medication: {drug}": "Comedicatie: {drug}",
        "This entry is void: {reason}": "Deze invoer is ongeldig: {reason}",
        "Tick \u201cIV prostacyclin course\u201d for iloprost or epoprostenol given "
        "intravenously: the screening offers those courses.": (
            "Vink \u201cIv-prostacyclinekuur\u201d aan voor intraveneus gegeven iloprost of "
            "epoprostenol: de screening biedt die kuren aan."
        ),
        "Save": "Opslaan",
        "Void…": "Ongeldig verklaren…",
        "The medication has unsaved changes. Discard them?": (
            "De comedicatie heeft niet-opgeslagen wijzigingen. Wilt u die weggooien?"
        ),
        "Void {drug}": "{drug} ongeldig verklaren",
        "Voiding keeps the entry and its audit trail but marks it as not valid. "
        "Why is it being voided?": (
            "Ongeldig verklaren bewaart de invoer en de audittrail, maar markeert de invoer als "
            "niet geldig. Waarom wordt deze ongeldig verklaard?"
        ),
        "Entered in error": "Per vergissing ingevoerd",
        "Duplicate entry": "Dubbel ingevoerd",
        "Entered for the wrong patient": "Bij de verkeerde patiënt ingevoerd",
    },
    "ConmedLog": {
        "New…": "Nieuw…",
        "Open…": "Openen…",
        "Medication of {subject}: {count} recorded, {ongoing} still in use": (
            "Comedicatie van {subject}: {count} vastgelegd, {ongoing} nog in gebruik"
        ),
    },
    "ConmedListDialog": {
        "Concomitant medication": "Comedicatie",
        "Medication reviewed": "Comedicatie gecontroleerd",
    },
    "ScreeningForm": {
        "From the &medication list…": "Uit de &comedicatie…",
        "Fill the course start and end from an IV prostacyclin course on file.": (
            "Vul begin en einde van de kuur in vanuit een vastgelegde iv-prostacyclinekuur."
        ),
        "ongoing": "loopt nog",
        "No IV prostacyclin course in the medication list": (
            "Geen iv-prostacyclinekuur in de comedicatie"
        ),
        "{drug}: {start} – {end}": "{drug}: {start} – {end}",
    },
    "VisitTableModel": {
        "Forms": "Formulieren",
        "Every form is saved, reviewed or marked not done.": (
            "Elk formulier is opgeslagen, gecontroleerd of als niet gedaan gemarkeerd."
        ),
        "complete": "compleet",
        "1 form missing": "1 formulier ontbreekt",
        "{n} forms missing": "{n} formulieren ontbreken",
    },
    "IncompleteVisitModel": {
        "Subject": "Patiënt",
        "Visit": "Bezoek",
        "Date": "Datum",
        "Missing": "Ontbreekt",
    },
    "WeekOverview": {
        "Every recorded visit is complete.": "Elk vastgelegd bezoek is compleet.",
        "Recorded visits with forms missing: {count}": (
            "Vastgelegde bezoeken met ontbrekende formulieren: {count}"
        ),
    },
    "RescheduleInjectionDialog": {
        "Move injection: {subject}": "Injectie verplaatsen: {subject}",
        "Screened on {screening}: the injection (day 0) can be planned from {first} to {last}, "
        "and not before the enrolment date {enrolled}.": (
            "Gescreend op {screening}: de injectie (dag 0) kan worden gepland van {first} tot en "
            "met {last}, en niet vóór de inclusiedatum {enrolled}."
        ),
        "The injection must be planned within the screening window.": (
            "De injectie moet binnen het screeningsvenster worden gepland."
        ),
        "Move injection": "Injectie verplaatsen",
        "Reason for moving the injection": "Reden voor het verplaatsen van de injectie",
        "Why is the injection being moved to another day?": (
            "Waarom wordt de injectie naar een andere dag verplaatst?"
        ),
        "The patient cannot come on the planned day": (
            "De patiënt kan niet komen op de geplande dag"
        ),
        "The patient is ill": "De patiënt is ziek",
        "The study medication is not available on the planned day": (
            "De studiemedicatie is niet beschikbaar op de geplande dag"
        ),
        "Clinic schedule": "Planning van de kliniek",
        "Every visit's target date and window is counted from the injection.": (
            "De streefdatum en het venster van elk bezoek worden vanaf de injectie geteld."
        ),
        "Day 0 moves from {old} to {new}: every visit's target date and window moves with it.": (
            "Dag 0 verschuift van {old} naar {new}: de streefdatum en het venster van elk bezoek "
            "schuiven mee."
        ),
    },
    "VisitTimeline": {
        "Move injection…": "Injectie verplaatsen…",
        "Your role may view the schedule but not change it.": (
            "Uw rol mag het schema bekijken, maar niet wijzigen."
        ),
        "The injection can be moved once the patient is enrolled.": (
            "De injectie kan worden verplaatst zodra de patiënt is geïncludeerd."
        ),
        "The injection visit is recorded; to correct its date, record the visit again.": (
            "Het injectiebezoek is vastgelegd; leg het bezoek opnieuw vast om de datum ervan te "
            "corrigeren."
        ),
        "Move the planned injection (day 0) to another day of the screening window.": (
            "Verplaats de geplande injectie (dag 0) naar een andere dag in het screeningsvenster."
        ),
    },
    "Messages": {
        "Record the visit as done first; a visit that did not take place has no forms.": (
            "Leg eerst het bezoek vast als uitgevoerd; een bezoek dat niet heeft "
            "plaatsgevonden heeft geen formulieren."
        ),
        "Only the adverse event and medication reviews are ticked as reviewed.": (
            "Alleen de controle van ongewenste voorvallen en van de comedicatie wordt als "
            "gecontroleerd aangevinkt."
        ),
        "The medicine cannot be stopped before it was started.": (
            "Het geneesmiddel kan niet gestopt zijn voordat het gestart is."
        ),
        "A medicine still in use has no stop date: clear it or untick ongoing.": (
            "Een geneesmiddel dat nog gebruikt wordt heeft geen stopdatum: wis die of vink "
            "\u201cgebruikt nog\u201d uit."
        ),
        "Enter the stop date, or tick that the medicine is still in use.": (
            "Vul de stopdatum in, of vink aan dat het geneesmiddel nog gebruikt wordt."
        ),
        "The start date is before the patient's year of birth.": (
            "De startdatum ligt voor het geboortejaar van de patiënt."
        ),
        "An IV prostacyclin course is given intravenously: choose that route.": (
            "Een iv-prostacyclinekuur wordt intraveneus gegeven: kies die toedieningsweg."
        ),
        "This form has saved data, so it cannot be marked as not done.": (
            "Dit formulier heeft opgeslagen gegevens en kan dus niet als niet gedaan worden "
            "gemarkeerd."
        ),
    },
}
