"""Dutch translations of the adverse_events screens; merged into the table of translate_nl.py."""

from __future__ import annotations

# context -> English source -> Dutch (the terms of translate_nl.py's docstring).
# AE = ongewenst voorval, SAE = ernstig ongewenst voorval; "AE"/"SAE" stay as abbreviations,
# as Dutch trial sites and the CCMO write them.
TABLE: dict[str, dict[str, str | tuple[str, ...]]] = {
    "AdverseEventDialog": {
        "Adverse event": "Ongewenst voorval",
        "Discard the changes to this adverse event?": (
            "De wijzigingen aan dit ongewenste voorval weggooien?"
        ),
        "Enter when the site became aware of the SAE.": (
            "Vul in wanneer het centrum van de SAE op de hoogte raakte."
        ),
        "History…": "Geschiedenis…",
        "No visit recorded as done yet": "Nog geen bezoek als uitgevoerd vastgelegd",
        "Not reported yet: {countdown}.": "Nog niet gemeld: {countdown}.",
        "Not reported yet: {countdown}. Report it to the sponsor now.": (
            "Nog niet gemeld: {countdown}. Meld deze nu aan de sponsor."
        ),
        "Recorded at visit": "Vastgelegd bij bezoek",
        "Report by": "Melden vóór",
        "Reported in time, {time} after the site became aware.": (
            "Op tijd gemeld, {time} nadat het centrum op de hoogte raakte."
        ),
        "Reported late, {time} after the deadline.": "Te laat gemeld, {time} na de termijn.",
        "Reported late, {time} after the deadline: give the reason.": (
            "Te laat gemeld, {time} na de termijn: geef de reden."
        ),
        "SAE reporting to the sponsor": "SAE-melding aan de sponsor",
        "Serious adverse event (SAE)": "Ernstig ongewenst voorval (SAE)",
        "Seriousness (ICH E2A)": "Ernst (ICH E2A)",
        "The sponsor must have an SAE report within {hours} hours of the site becoming aware "
        "of the event.": (
            "De sponsor moet een SAE binnen {hours} uur nadat het centrum ervan op de hoogte "
            "raakte gemeld krijgen."
        ),
        "This adverse event is void: {reason}": "Dit ongewenste voorval is ongeldig: {reason}",
        "Tick every criterion that applies; any one makes the event serious.": (
            "Vink elk criterium aan dat van toepassing is; één is genoeg voor een SAE."
        ),
        "Void…": "Ongeldig verklaren…",
        "{subject} · New adverse event": "{subject} · Nieuw ongewenst voorval",
        "{subject} · {ae} · {term}": "{subject} · {ae} · {term}",
    },
    "AdverseEventLog": {
        "Adverse events": "Ongewenste voorvallen",
        "Adverse events: {n}, of which serious (SAE): {s}": (
            "Ongewenste voorvallen: {n}, waarvan ernstig (SAE): {s}"
        ),
        "New adverse event…": "Nieuw ongewenst voorval…",
        "No adverse events recorded.": "Geen ongewenste voorvallen vastgelegd.",
        "Open…": "Openen…",
    },
    "AeHistoryDialog": {
        "AE number": "AE-nummer",
        "Visit record": "Bezoekrecord",
        "Recorded from lab result record": "Vastgelegd vanuit labuitslagrecord",
        "Field": "Veld",
        "History of the adverse event": "Geschiedenis van het ongewenste voorval",
        "New value": "Nieuwe waarde",
        "Old value": "Oude waarde",
        "Reason: {reason}": "Reden: {reason}",
        "Version {n} · {when} · {user}": "Versie {n} · {when} · {user}",
    },
    "AeLogModel": {
        "AE": "AE",
        "Aware {aware} · report by {deadline} · reported {reported}": (
            "Bekend {aware} · melden vóór {deadline} · gemeld {reported}"
        ),
        "Event": "Voorval",
        "Intensity": "Intensiteit",
        "Onset\nend": "Begin\neinde",
        "Related to\nproduct / procedure": "Relatie met\nproduct / procedure",
        "SAE": "SAE",
        "due": "te melden",
        "reported in time": "op tijd gemeld",
        "reported late": "te laat gemeld",
        "Serious:\nSAE report": "Ernstig:\nSAE-melding",
        "Void: {reason}": "Ongeldig: {reason}",
        "WHO": "WHO",
        "no": "nee",
        "not yet": "nog niet",
        "ongoing": "nog aanwezig",
    },
    "SaeBanner": {
        "And {n} more overdue SAEs: see Safety.": (
            "En nog {n} achterstallige SAE's: zie Veiligheid."
        ),
        "Open patient": "Patiënt openen",
        "Overdue serious adverse events": "Achterstallige ernstige ongewenste voorvallen",
    },
    "SaeDueList": {
        "An SAE must reach the sponsor within 24 hours of the site becoming aware of it. "
        "Record the time it was reported in the adverse event (double-click a row to open "
        "the patient).": (
            "Een SAE moet binnen 24 uur nadat het centrum ervan op de hoogte raakte bij de "
            "sponsor zijn. Leg het tijdstip van melding vast in het ongewenste voorval "
            "(dubbelklik op een regel om de patiënt te openen)."
        ),
        "No SAE is waiting to be reported.": "Er wacht geen SAE op melding.",
        "SAEs to report": "Te melden SAE's",
        "Serious adverse events to report to the sponsor": (
            "Ernstige ongewenste voorvallen te melden aan de sponsor"
        ),
    },
    "SaeDueModel": {
        "AE": "AE",
        "Countdown": "Resterende tijd",
        "Event": "Voorval",
        "Report by": "Melden vóór",
        "Site aware": "Centrum op de hoogte",
        "Subject": "Patiënt",
    },
    "SaeWatch": {
        "AE {n}": "AE {n}",
        "SAE overdue: {subject} {ae} '{term}', deadline {deadline}, overdue by {time}. "
        "Report it to the sponsor.": (
            "SAE te laat: {subject} {ae} '{term}', termijn {deadline}, {time} over de termijn. "
            "Meld deze aan de sponsor."
        ),
        "due in {time}": "nog {time}",
        "overdue by {time}": "{time} over de termijn",
        "{d} d {h} h": "{d} d {h} u",
        "{h} h": "{h} u",
        "{h} h {m} min": "{h} u {m} min",
        "{m} min": "{m} min",
    },
    "MainWindow": {
        "Safety": "Veiligheid",
        "SAE reporting": "SAE-meldingen",
        "Safety end point": "Veiligheidseindpunt",
    },
    "Messages": {
        "The event cannot end before its onset.": "Het voorval kan niet eindigen vóór het begin.",
        "An ongoing event has no end date: untick ongoing or clear the end date.": (
            "Een voorval dat nog aanwezig is heeft geen einddatum: vink 'nog aanwezig' uit of "
            "wis de einddatum."
        ),
        "The outcome says the event is over, so it cannot be ongoing.": (
            "Volgens de afloop is het voorval voorbij; het kan dan niet nog aanwezig zijn."
        ),
        "Enter the end date, or tick ongoing.": "Vul de einddatum in, of vink 'nog aanwezig' aan.",
        "A fatal outcome needs the seriousness criterion 'results in death'.": (
            "Een fatale afloop vraagt het ernstcriterium 'leidt tot overlijden'."
        ),
        "'Results in death' needs the outcome fatal.": (
            "'Leidt tot overlijden' vraagt de afloop fataal."
        ),
        "A serious adverse event needs the time the site became aware of it.": (
            "Een ernstig ongewenst voorval vraagt het tijdstip waarop het centrum ervan op de "
            "hoogte raakte."
        ),
        "The site cannot have become aware of the event before its onset.": (
            "Het centrum kan niet vóór het begin van het voorval op de hoogte zijn geraakt."
        ),
        "Cannot be reported before the site became aware of it.": (
            "Kan niet gemeld zijn voordat het centrum ervan op de hoogte raakte."
        ),
        "Reported more than 24 hours after awareness: give the reason it was late.": (
            "Meer dan 24 uur na bekend worden gemeld: geef de reden van de late melding."
        ),
        "Reported within 24 hours: leave the reason for late reporting empty.": (
            "Binnen 24 uur gemeld: laat de reden te late melding leeg."
        ),
        "Only a serious adverse event is reported to the sponsor.": (
            "Alleen een ernstig ongewenst voorval wordt aan de sponsor gemeld."
        ),
        "The lab result belongs to another patient.": (
            "De labuitslag hoort bij een andere patiënt."
        ),
        "The lab result was voided: record the event without it.": (
            "De labuitslag is ongeldig verklaard: leg het voorval vast zonder de uitslag."
        ),
        "An adverse event has already been recorded from this lab result.": (
            "Vanuit deze labuitslag is al een ongewenst voorval vastgelegd."
        ),
    },
}
