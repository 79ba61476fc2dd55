"""Dutch translations of the endpoint screens; merged into the table of translate_nl.py."""

from __future__ import annotations

# context -> English source -> Dutch (the terms of translate_nl.py's docstring).
TABLE: dict[str, dict[str, str | tuple[str, ...]]] = {
    "EndpointPatientModel": {
        "Subject": "Patiënt",
        "Injection": "Injectie",
        "Window end": "Einde venster",
        "Follow-up complete": "Follow-up compleet",
        "SAEs in window": "SAE's in venster",
        "AEs in window": "AE's in venster",
        "Grade {grade}": "Graad {grade}",
        "Outside window": "Buiten venster",
        "Injection + week 12 + its window after; an SAE on this day still counts": "Injectie + "
        "week 12 + het venster erna; een SAE op deze dag telt nog mee",
        "The window has closed, or the week-12 visit is recorded": "Het venster is gesloten, of "
        "het bezoek van week 12 is vastgelegd",
        "The primary end point: SAEs with an onset from day 0 to the window end": "Het primaire "
        "eindpunt: ernstige ongewenste voorvallen (SAE's) met een begindatum van dag 0 tot en met "
        "het einde van het venster",
        "Adverse events with an onset in the window, serious or not": "Ongewenste voorvallen met "
        "een begindatum in het venster, ernstig of niet",
        "Adverse events with an onset before the injection or after the window": "Ongewenste "
        "voorvallen met een begindatum vóór de injectie of na het venster",
        "Adverse events in the window of WHO grade {grade}": "Ongewenste voorvallen in het "
        "venster met WHO-graad {grade}",
        "yes": "ja",
        "no": "nee",
        "Total ({n})": "Totaal ({n})",
    },
    "GradeRelationModel": {
        "WHO grade": "WHO-graad",
        "Total": "Totaal",
    },
    "SaeListModel": {
        "Subject": "Patiënt",
        "AE": "AE",
        "Term": "Omschrijving",
        "Onset": "Begindatum",
        "Day": "Dag",
        "WHO grade": "WHO-graad",
        "MSC product": "MSC-product",
        "Procedure": "Procedure",
        "Seriousness": "Ernst",
        "The AE number within the patient's AE log": "Het nummer van het ongewenst voorval in "
        "het AE-logboek van de patiënt",
        "Days since the injection (day 0)": "Dagen sinds de injectie (dag 0)",
        "Relation to the MSC product": "Relatie met het MSC-product",
        "Relation to the injection procedure": "Relatie met de injectieprocedure",
    },
    "EndpointView": {
        "Primary end point: SAEs up to week 12": "Primair eindpunt: SAE's tot week 12",
        "&Refresh": "&Vernieuwen",
        "&Print…": "Af&drukken…",
        "Save as P&DF…": "Opslaan als &PDF…",
        "Export &CSV…": "Exporteren als &CSV…",
        "Per patient": "Per patiënt",
        "AEs in the window by WHO grade and relation to the MSC product": "Ongewenste voorvallen "
        "in het venster naar WHO-graad en relatie met het MSC-product",
        "AEs in the window by WHO grade and relation to the injection procedure": "Ongewenste "
        "voorvallen in het venster naar WHO-graad en relatie met de injectieprocedure",
        "SAEs in the window": "Ernstige ongewenste voorvallen (SAE's) in het venster",
        "No patient has been injected yet.": "Er is nog geen patiënt geïnjecteerd.",
        "Double-click a patient, or select them and press Enter, to open the patient.": (
            "Dubbelklik op een patiënt, of selecteer de patiënt en druk op Enter, om de patiënt "
            "te openen."
        ),
        "Primary end point": "Primair eindpunt",
        "Print the end point": "Het eindpunt afdrukken",
        "Save the end point as PDF": "Het eindpunt opslaan als PDF",
        "PDF documents (*.pdf)": "PDF-documenten (*.pdf)",
        "Export the end point as CSV": "Het eindpunt exporteren als CSV",
        "CSV files (*.csv)": "CSV-bestanden (*.csv)",
        "Saved the end point to {path}.": "Het eindpunt is opgeslagen in {path}.",
        "Exported the end point to {path}.": "Het eindpunt is geëxporteerd naar {path}.",
        "The PDF could not be written to {path}.": "De PDF kon niet worden opgeslagen in {path}.",
        "The CSV could not be written to {path}: {error}": "Het CSV-bestand kon niet worden "
        "opgeslagen in {path}: {error}",
        "Protocol {protocol}. Window: the injection (day 0) to day {last} (week 12 at day {day} "
        "+ {after} days), both inclusive; AEs count by onset date, voided AEs never. Follow-up as "
        "of {today}.": "Protocol {protocol}. Venster: de injectie (dag 0) tot en met dag {last} "
        "(week 12 op dag {day} + {after} dagen); ongewenste voorvallen tellen op hun begindatum, "
        "ongeldig verklaarde nooit. Follow-up per {today}.",
        "<b>{saes}</b> SAEs in the window (primary end point) in <b>{with_sae}</b> of {injected} "
        "injected patients; follow-up complete for {complete}; {aes} AEs in the window, {outside} "
        "outside it.": "<b>{saes}</b> SAE's in het venster (primair eindpunt) bij "
        "<b>{with_sae}</b> van {injected} geïnjecteerde patiënten; follow-up compleet bij "
        "{complete}; {aes} ongewenste voorvallen in het venster, {outside} erbuiten.",
    },
}
