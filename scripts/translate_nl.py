"""Fill in the Dutch catalogue resources/translations/sscvisit_nl.ts from the table below.

The .ts file stays the source of truth. This script only fills messages that have no translation
yet (lupdate marks them ``type="unfinished"``); a translation already in the file, for instance one
corrected in Qt Linguist, is never overwritten. Entries whose source text left the code
(``vanished``/``obsolete``) are removed, because the tests refuse them. Running it twice changes
nothing, and the file keeps lupdate's own layout, so a following lupdate run changes nothing either.

    make translations && .venv/bin/python scripts/translate_nl.py && make translations

``--check`` writes nothing; it lists the messages still without a translation (exit status 1 if
any) and the table entries that differ from the file or are not in it.

Terms used (UMC Utrecht research practice): patiënt (not proefpersoon) in the interface,
studienummer, researchverpleegkundige, informed consent, audittrail, reden van wijziging,
vergrendelen (the workstation), geblokkeerd (an account after failed logins), uitloggen,
beheerder, ongeldig verklaren (void), werkplek (workstation). The user is addressed with "u".
Screening and visits: screening, geschikt / niet geschikt, inclusiecriterium / exclusiecriterium,
niet beoordeeld, bevestigen (the investigator confirms), concept (draft), includeren / inclusie
(enrolment), bezoek (visit; not "visite"), venster, protocolafwijking, gemist, ongepland bezoek,
deze week, te doen (due), achterstallig (overdue), kuur (an IV prostacyclin course), as in the
Dutch labels of sscvisit.model.entities. ACR/EULAR findings as Dutch rheumatologists write them.
Ulcers: ulcus / ulcera (digitaal ulcus), ulcuskaart, locatie (site), vingertop, volair (palm
side) / dorsaal (back of the hand), actief / nieuw / genezen, recidief, geïnfecteerd, calcinose,
putjesvormig litteken, gangreen, oppervlakkig / diep, pijn-VAS, oppervlakte, lengte / breedte,
ongedaan maken / opnieuw.

The table is split by screen (``_CORE``, ``_SCREENING``, ``_VISITS``, ``_QUESTIONNAIRES``,
``_CAPILLAROSCOPY``, ``_VISIT_FORMS``, ``_ULCERS``, ``_SCREENING_CAPILLAROSCOPY``); ``NL``
merges them, and a context may appear in more than one part (``Messages`` does) as long as no
message does.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from xml.sax.saxutils import escape, unescape

# The safety screens keep their parts of the table in files of their own (scripts/nl_*.py).
from nl_adverse_events import TABLE as _ADVERSE_EVENTS
from nl_completeness import TABLE as _COMPLETENESS
from nl_endpoint import TABLE as _ENDPOINT
from nl_injection import TABLE as _INJECTION
from nl_labs import TABLE as _LABS

TS_FILE = Path(__file__).resolve().parent.parent / "resources" / "translations" / "sscvisit_nl.ts"

_ENTITIES = {"&quot;": '"', "&apos;": "'"}
_ESCAPES = {'"': "&quot;", "'": "&apos;"}
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")

_IDENTITY = "Identity (stays on this workstation)"
_IDENTITY_NL = "Identiteit (blijft op deze werkplek)"
_VOID_STATUS = "{status} (void)"
_VOID_STATUS_NL = "{status} (ongeldig)"
_MIN_LENGTH = "Passwords have at least {n} characters."
_MIN_LENGTH_NL = "Wachtwoorden hebben minstens {n} tekens."

Table = dict[str, dict[str, str | tuple[str, ...]]]

# context -> English source -> Dutch. A plural message (numerus="yes") would take a tuple of forms.
# Login, administration, patients, audit trail and the service messages they share.
_CORE: Table = {
    "AuditTableModel": {
        "yes": "ja",
        "no": "nee",
        "When": "Tijdstip",
        "User": "Gebruiker",
        "Action": "Actie",
        "Subject": "Patiënt",
        "Record": "Record",
        "Field": "Veld",
        "Old value": "Oude waarde",
        "New value": "Nieuwe waarde",
        "Reason": "Reden",
        "Created": "Aangemaakt",
        "Changed": "Gewijzigd",
        "Voided": "Ongeldig",
        "Logged in": "Ingelogd",
        "Logged out": "Uitgelogd",
        "Login failed": "Inloggen mislukt",
        "Account locked": "Geblokkeerd",
        "Account created": "Nieuw account",
        "Role changed": "Rol gewijzigd",
        "Export": "Export",
        "Subject number": "Studienummer",
        "Created (UTC)": "Aangemaakt (UTC)",
        "Patient record": "Patiëntrecord",
        "Void": "Ongeldig",
        "Reason for voiding": "Reden ongeldigverklaring",
        "User name": "Gebruikersnaam",
        "Full name": "Volledige naam",
        "Role": "Rol",
        "Active": "Actief",
        "Locked": "Geblokkeerd",
        "Must change password": "Moet wachtwoord wijzigen",
        "Password": "Wachtwoord",
        "Setting": "Instelling",
        "Value": "Waarde",
    },
    "AuditViewer": {
        "Search all columns…": "Zoeken in alle kolommen…",
        "Search": "Zoeken",
        "Action": "Actie",
        "User": "Gebruiker",
        "Show all patients": "Alle patiënten tonen",
        "Refresh": "Vernieuwen",
        "Details of the selected entry": "Details van de geselecteerde regel",
        "Select an entry to see it in full.": "Selecteer een regel om die volledig te zien.",
        "Patient {subject}": "Patiënt {subject}",
        "All actions": "Alle acties",
        "All users": "Alle gebruikers",
        "1 entry": "1 regel",
        "{n} entries": "{n} regels",
        "{shown} of {total} entries": "{shown} van {total} regels",
        "(newest {limit} loaded)": "(nieuwste {limit} geladen)",
        "UTC": "UTC",
        "Record history": "Recordgeschiedenis",
        "Show every change of the record of the selected entry, and nothing else": "Alle "
        "wijzigingen van het record van de geselecteerde regel tonen, en niets anders",
        "Record {record}": "Record {record}",
    },
    "ChangePasswordDialog": {
        "sscvisit: change password": "sscvisit: wachtwoord wijzigen",
        "{name}, your password was set by an administrator. Choose a new password that only "
        "you know before you continue.": "{name}, uw wachtwoord is ingesteld door een "
        "beheerder. Kies een nieuw wachtwoord dat alleen u kent voordat u verdergaat.",
        "Change the password of {name} ({username}).": "Wijzig het wachtwoord van {name} "
        "({username}).",
        "&Temporary password": "&Tijdelijk wachtwoord",
        "&Current password": "&Huidig wachtwoord",
        "&New password": "&Nieuw wachtwoord",
        "&Repeat new password": "Nieuw wachtwoord he&rhalen",
        _MIN_LENGTH: _MIN_LENGTH_NL,
        "&Change password": "Wachtwoord &wijzigen",
        "Log &out": "&Uitloggen",
        "Cancel": "Annuleren",
    },
    "ChangeRoleDialog": {
        "Change role": "Rol wijzigen",
        "Change the role of {user}.": "Wijzig de rol van {user}.",
        "Why the role changes": "Waarom de rol wijzigt",
        "New role": "Nieuwe rol",
        "Reason": "Reden",
    },
    "CrashDialog": {
        "sscvisit: unexpected error": "sscvisit: onverwachte fout",
        "Something went wrong that sscvisit did not expect. Data that was already saved is "
        "safe. If the problem comes back, send the details below to the study's support "
        "contact.": "Er ging iets mis wat sscvisit niet verwachtte. Gegevens die al waren "
        "opgeslagen, zijn veilig. Komt het probleem terug, stuur dan de details hieronder "
        "naar de supportcontactpersoon van de studie.",
        "(no log file)": "(geen logbestand)",
        "Log file: {path}": "Logbestand: {path}",
        "Copy details": "Details kopiëren",
    },
    "DeactivateDialog": {
        "Deactivate account": "Account deactiveren",
        "Deactivate {user}? The account can no longer log in. It stays in the audit trail, "
        "and its user name cannot be used again.": "{user} deactiveren? Het account kan dan "
        "niet meer inloggen. Het blijft in de audittrail staan en de gebruikersnaam kan niet "
        "opnieuw worden gebruikt.",
        "Why the account is deactivated": "Waarom het account wordt gedeactiveerd",
        "Reason": "Reden",
        "Deactivate": "Deactiveren",
    },
    "Errors": {
        "The study database was not found at {location}. Check the database location in the "
        "settings, or ask the study administrator where the study database is kept.": "De "
        "studiedatabase is niet gevonden op {location}. Controleer de databaselocatie in de "
        "instellingen, of vraag de studiebeheerder waar de studiedatabase staat.",
        "The study database at {location} can only be read, not changed. Ask IT for write "
        "access to the file and to its folder.": "De studiedatabase op {location} kan alleen "
        "worden gelezen, niet gewijzigd. Vraag ICT om schrijfrechten op het bestand en op de "
        "map.",
        "The study database at {location} is in use by another program and stayed locked. "
        "Close other copies of sscvisit on this computer and start again.": "De studiedatabase "
        "op {location} is in gebruik door een ander programma en bleef vergrendeld. Sluit "
        "andere vensters van sscvisit op deze computer en start opnieuw.",
        "The file at {location} is damaged or is not a study database. Nothing was changed. "
        "Ask the study administrator to restore the latest backup.": "Het bestand op "
        "{location} is beschadigd of is geen studiedatabase. Er is niets gewijzigd. Vraag de "
        "studiebeheerder de laatste back-up terug te zetten.",
        "The study database at {location} was made by a newer version of sscvisit. Install "
        "that version; this one does not change a newer database.": "De studiedatabase op "
        "{location} is gemaakt door een nieuwere versie van sscvisit. Installeer die versie; "
        "deze versie wijzigt geen nieuwere database.",
        "The study database server at {location} could not be reached. Check the network "
        "connection and the database location, then start again.": "De databaseserver van de "
        "studie op {location} is niet bereikbaar. Controleer de netwerkverbinding en de "
        "databaselocatie en start daarna opnieuw.",
        "The study database at {location} could not be opened.": "De studiedatabase op "
        "{location} kon niet worden geopend.",
        "The study database cannot be opened": "De studiedatabase kan niet worden geopend",
    },
    "FieldForm": {
        "Choose…": "Kiezen…",
        "YYYY-MM-DD": "JJJJ-MM-DD",
        "Yes": "Ja",
        "No": "Nee",
    },
    "FirstAdminDialog": {
        "sscvisit: first administrator": "sscvisit: eerste beheerder",
        "This study database has no users yet. Create the first administrator: this account "
        "creates the accounts of the study team and does not enter data.": "Deze "
        "studiedatabase heeft nog geen gebruikers. Maak de eerste beheerder aan: dit account "
        "maakt de accounts van het studieteam aan en voert geen gegevens in.",
        "&User name": "&Gebruikersnaam",
        "&Full name": "&Volledige naam",
        "&Password": "&Wachtwoord",
        "&Repeat password": "Wachtwoord &herhalen",
        _MIN_LENGTH: _MIN_LENGTH_NL,
        "&Create administrator": "&Beheerder aanmaken",
    },
    "LockScreen": {
        "sscvisit is locked": "sscvisit is vergrendeld",
        "The workstation is locked": "De werkplek is vergrendeld",
        "sscvisit is locked, so that no one else can read the data. {name} ({username}): "
        "enter your password to continue.": "sscvisit is vergrendeld, zodat niemand anders de "
        "gegevens kan lezen. {name} ({username}): voer uw wachtwoord in om verder te gaan.",
        "&Password": "&Wachtwoord",
        "&Unlock": "&Ontgrendelen",
        "Log &out": "&Uitloggen",
    },
    "LoginDialog": {
        "sscvisit: log in": "sscvisit: inloggen",
        "sscvisit": "sscvisit",
        "Stem cells for digital ulcers in systemic sclerosis": "Stamcellen voor digitale "
        "ulcera bij systemische sclerose",
        "&User name": "&Gebruikersnaam",
        "&Password": "&Wachtwoord",
        "Opening the study database…": "De studiedatabase wordt geopend…",
        "&Log in": "&Inloggen",
        "&Quit": "&Afsluiten",
        "Study database: {location}": "Studiedatabase: {location}",
    },
    "MainWindow": {
        "sscvisit: {name}": "sscvisit: {name}",
        "Navigation": "Navigatie",
        "Patients": "Patiënten",
        "Audit trail": "Audittrail",
        "Administration": "Beheer",
        "&File": "&Bestand",
        "&Settings…": "&Instellingen…",
        "&Lock now": "Nu &vergrendelen",
        "Log &out": "&Uitloggen",
        "&Quit": "&Afsluiten",
        "&Help": "&Help",
        "&About sscvisit": "&Over sscvisit",
        "Database: {location}": "Database: {location}",
        "<p><b>sscvisit {version}</b></p><p>Visits, ulcer maps and scores for the trial of "
        "mesenchymal stem cells for digital ulcers in systemic sclerosis.</p><p>Study database: "
        "{location}<br>Database system: {backend}</p>": "<p><b>sscvisit {version}</b></p>"
        "<p>Bezoeken, ulcuskaarten en scores voor de studie met mesenchymale stamcellen bij "
        "digitale ulcera door systemische sclerose.</p><p>Studiedatabase: {location}<br>"
        "Databasesysteem: {backend}</p>",
        "About sscvisit": "Over sscvisit",
        "This week": "Deze week",
    },
    "Messages": {
        "Wrong user name or password.": "Onjuiste gebruikersnaam of wachtwoord.",
        "Wrong user name or password. One attempt left before the account locks.": (
            "Onjuiste gebruikersnaam of wachtwoord. Nog één poging voordat het account wordt "
            "geblokkeerd."
        ),
        "Wrong user name or password. {n} attempts left before the account locks.": "Onjuiste "
        "gebruikersnaam of wachtwoord. Nog {n} pogingen voordat het account wordt geblokkeerd.",
        "This account is locked after too many failed logins. Ask an administrator to reset "
        "it.": "Dit account is geblokkeerd na te veel mislukte inlogpogingen. Vraag een "
        "beheerder het te resetten.",
        "This account has been deactivated.": "Dit account is gedeactiveerd.",
        "The password must have at least {minimum} characters.": "Het wachtwoord moet minstens "
        "{minimum} tekens hebben.",
        "The new password must differ from the old one.": "Het nieuwe wachtwoord moet "
        "verschillen van het oude.",
        "The two passwords do not match.": "De twee wachtwoorden komen niet overeen.",
        "Your role does not allow this.": "Uw rol staat dit niet toe.",
        "Changing a saved value needs a reason for the change.": "Voor het wijzigen van een "
        "opgeslagen waarde is een reden van wijziging nodig.",
        "Someone else saved this record at the same time. Your changes were not saved; reload "
        "and enter them again.": "Iemand anders heeft dit record tegelijkertijd opgeslagen. Uw "
        "wijzigingen zijn niet opgeslagen; laad het record opnieuw en voer ze opnieuw in.",
        "The record no longer exists.": "Het record bestaat niet meer.",
        "The user name {username} is taken (names are never reused).": "De gebruikersnaam "
        "{username} is al in gebruik (namen worden nooit hergebruikt).",
        "User names are 2-32 characters: lower-case letters, digits, '.', '_' or '-', starting "
        "with a letter; the full name is required.": "Gebruikersnamen hebben 2-32 tekens: "
        "kleine letters, cijfers, '.', '_' of '-', beginnend met een letter; de volledige naam "
        "is verplicht.",
        "The study must keep at least one active administrator.": "De studie moet minstens één "
        "actieve beheerder houden.",
        "You cannot deactivate your own account.": "U kunt uw eigen account niet deactiveren.",
        "Recorded data is never deleted; void it with a reason instead.": "Vastgelegde gegevens "
        "worden nooit verwijderd; verklaar ze in plaats daarvan met een reden ongeldig.",
        "Nobody is logged in.": "Er is niemand ingelogd.",
        "This record is already void.": "Dit record is al ongeldig verklaard.",
        "This record is void and can no longer be changed.": "Dit record is ongeldig verklaard "
        "en kan niet meer worden gewijzigd.",
        "Required.": "Verplicht.",
        "Enter a number.": "Voer een getal in.",
        "Enter a whole number.": "Voer een geheel getal in.",
        "Must be at least {minimum}.": "Moet minstens {minimum} zijn.",
        "Must be at most {maximum}.": "Mag hoogstens {maximum} zijn.",
        "Enter a date as YYYY-MM-DD.": "Voer een datum in als JJJJ-MM-DD.",
        "Cannot be in the future.": "Mag niet in de toekomst liggen.",
        "At most {max_length} characters.": "Hoogstens {max_length} tekens.",
        "Choose one of the options.": "Kies een van de opties.",
        "Already registered as {subject}.": "Al geregistreerd als {subject}.",
        "Does not agree with the other answers.": "Komt niet overeen met de andere antwoorden.",
        "Does not match the date of birth ({expected}).": "Komt niet overeen met de "
        "geboortedatum ({expected}).",
        "Consent must be after the date of birth.": "Informed consent moet na de geboortedatum "
        "liggen.",
    },
    "NewUserDialog": {
        "New user": "Nieuwe gebruiker",
        "User name": "Gebruikersnaam",
        "Full name": "Volledige naam",
        "Role": "Rol",
        "A temporary password is generated when the account is created; the user must change "
        "it at the first login.": "Bij het aanmaken van het account wordt een tijdelijk "
        "wachtwoord gemaakt; de gebruiker moet het bij de eerste keer inloggen wijzigen.",
        "Create account": "Account aanmaken",
        "Account {name} created with the role {role}.": "Account {name} aangemaakt met de rol "
        "{role}.",
    },
    "PatientEditDialog": {
        "Edit {subject}": "{subject} bewerken",
        "Save…": "Opslaan…",
    },
    "PatientListView": {
        "Filter: subject number, name or hospital number": "Filter: studienummer, naam of "
        "ziekenhuisnummer",
        "Filter: subject number": "Filter: studienummer",
        "Show voided": "Ongeldig verklaarde tonen",
        "Register patient…": "Patiënt registreren…",
        "1 patient ({shown} shown)": "1 patiënt ({shown} getoond)",
        "{total} patients ({shown} shown)": "{total} patiënten ({shown} getoond)",
    },
    "PatientPage": {
        "← Back to list": "← Terug naar lijst",
        "Edit…": "Bewerken…",
        "Void…": "Ongeldig verklaren…",
        "Audit trail": "Audittrail",
        "Demographics and consent": "Demografie en informed consent",
        "Screening and eligibility": "Screening en geschiktheid",
        _IDENTITY: _IDENTITY_NL,
        "Visits": "Bezoeken",
        _VOID_STATUS: _VOID_STATUS_NL,
        "This registration is void: {reason}": "Deze registratie is ongeldig verklaard: {reason}",
    },
    "PatientTableModel": {
        "Name": "Naam",
        _VOID_STATUS: _VOID_STATUS_NL,
        "Void: {reason}": "Ongeldig verklaard: {reason}",
    },
    "ReasonDialog": {
        "Changes": "Wijzigingen",
        "{old}  →  {new}": "{old}  →  {new}",
        "Type a reason, or pick one with the arrow keys": "Typ een reden of kies er een met de "
        "pijltjestoetsen",
        "At least {n} characters.": "Minstens {n} tekens.",
        "Transcription error": "Overschrijffout",
        "Source document corrected": "Brondocument gecorrigeerd",
        "Data entered for wrong patient": "Gegevens bij verkeerde patiënt ingevoerd",
        "Registered in error": "Ten onrechte geregistreerd",
        "Duplicate registration": "Dubbele registratie",
        "Reason for change": "Reden van wijziging",
        "Why are these saved values being changed?": "Waarom worden deze opgeslagen waarden "
        "gewijzigd?",
        "Void {subject}": "{subject} ongeldig verklaren",
        "Voiding keeps the record and its audit trail but marks it as not valid. Why is "
        "{subject} being voided?": "Bij ongeldig verklaren blijven het record en de "
        "audittrail bewaard, maar wordt het record als niet geldig gemarkeerd. Waarom wordt "
        "{subject} ongeldig verklaard?",
    },
    "RegisterPatientDialog": {
        "Register patient": "Patiënt registreren",
        "The subject number is assigned when you register. Name, date of birth and hospital "
        "number stay on this workstation and are never exported.": "Het studienummer wordt "
        "bij het registreren toegekend. Naam, geboortedatum en ziekenhuisnummer blijven op "
        "deze werkplek en worden nooit geëxporteerd.",
        "Register": "Registreren",
    },
    "RegistrationEditor": {
        "Study data": "Studiegegevens",
        _IDENTITY: _IDENTITY_NL,
    },
    "ResetPasswordDialog": {
        "Reset password": "Wachtwoord resetten",
        "Reset the password of {user}? A temporary password is generated, the account is "
        "unlocked, and the user must choose a new password at the next login.": "Het "
        "wachtwoord van {user} resetten? Er wordt een tijdelijk wachtwoord gemaakt, het account "
        "wordt gedeblokkeerd en de gebruiker moet bij de volgende keer inloggen een nieuw "
        "wachtwoord kiezen.",
        "The password of {user} was reset.": "Het wachtwoord van {user} is gereset.",
    },
    "SettingsDialog": {
        "Settings": "Instellingen",
        "A new language takes effect after sscvisit restarts.": "Een nieuwe taal werkt pas "
        "nadat sscvisit opnieuw is gestart.",
        "This workstation": "Deze werkplek",
        "&Language": "&Taal",
        "Study settings (all workstations; audited)": "Studie-instellingen (alle werkplekken; "
        "in de audittrail)",
        "&Save": "&Opslaan",
        "Failed logins before an account locks": "Mislukte inlogpogingen tot blokkering",
        "Lock the workstation after idle time": "Werkplek vergrendelen na inactiviteit",
        "Minimum password length": "Minimale wachtwoordlengte",
        " min": " min",
        " characters": " tekens",
    },
    "TemporaryPasswordPanel": {
        "Temporary password": "Tijdelijk wachtwoord",
        "Copy": "Kopiëren",
        "Copied": "Gekopieerd",
    },
    "UserAdminWidget": {
        "Administrators only": "Alleen voor beheerders",
        "New user…": "Nieuwe gebruiker…",
        "Change role…": "Rol wijzigen…",
        "Reset password…": "Wachtwoord resetten…",
        "Deactivate…": "Deactiveren…",
        "Refresh": "Vernieuwen",
        "Accounts are never deleted: deactivate an account that is no longer used.": "Accounts "
        "worden nooit verwijderd: deactiveer een account dat niet meer wordt gebruikt.",
        "{active} active of {total} accounts": "{active} van {total} accounts actief",
    },
    "UserTableModel": {
        "User name": "Gebruikersnaam",
        "Full name": "Volledige naam",
        "Role": "Rol",
        "Status": "Status",
        "Last login": "Laatst ingelogd",
        "Deactivated": "Gedeactiveerd",
        "Locked": "Geblokkeerd",
        "Must change password": "Moet wachtwoord wijzigen",
        "Active": "Actief",
        "never": "nooit",
    },
    "_PasswordResultPage": {
        "Give this temporary password to the user in person. It is shown only now; the user "
        "must replace it at the first login.": "Geef dit tijdelijke wachtwoord persoonlijk aan "
        "de gebruiker. Het wordt alleen nu getoond; de gebruiker moet het bij de eerste keer "
        "inloggen vervangen.",
    },
}

# The screening: the form, the ACR/EULAR panel, the investigator's confirmation, the summary on
# the patient page, and the messages of the screening rules.
_SCREENING: Table = {
    "AcrEularPanel": {
        "Do the criteria apply?": "Zijn de criteria van toepassing?",
        "The criteria do not apply: this panel cannot classify the patient.": "De criteria zijn "
        "niet van toepassing: dit panel kan de patiënt niet classificeren.",
        "Findings (weight)": "Bevindingen (gewicht)",
        "Total": "Totaal",
        "Classified as SSc at a total of {threshold} or more.": "Geclassificeerd als SSc bij een "
        "totaal van {threshold} of meer.",
        "Skin thickening of the fingers of both hands, proximal to the MCPs": "Huidverdikking "
        "vingers van beide handen, proximaal van MCP's",
        "Puffy fingers": "Gezwollen vingers",
        "Sclerodactyly (distal to MCP, proximal to PIP)": "Sclerodactylie (distaal van MCP, "
        "proximaal van PIP)",
        "Digital tip ulcers": "Digitale ulcera van de vingertoppen",
        "Fingertip pitting scars": "Putjesvormige littekens van de vingertoppen",
        "Telangiectasia": "Teleangiëctasieën",
        "Abnormal nailfold capillaries": "Afwijkende nagelriemcapillairen",
        "Pulmonary arterial hypertension": "Pulmonale arteriële hypertensie",
        "Interstitial lung disease": "Interstitiële longziekte",
        "Raynaud's phenomenon": "Raynaud-fenomeen",
        "Anticentromere": "Anticentromeer",
        "Anti-topoisomerase I (Scl-70)": "Anti-topo-isomerase I (Scl-70)",
        "Anti-RNA polymerase III": "Anti-RNA-polymerase III",
        "PAH and/or ILD (at most {cap})": "PAH en/of ILD (maximaal {cap})",
        "SSc-related autoantibodies (at most {cap})": "SSc-gerelateerde autoantistoffen "
        "(maximaal {cap})",
        "{group} (at most {cap})": "{group} (maximaal {cap})",
        "Finger skin thickening (count the higher only)": "Huidverdikking vingers (alleen de "
        "hoogste telt)",
        "Fingertip lesions (count the higher only)": "Vingertoplaesies (alleen de hoogste telt)",
        "{group} (count the higher only)": "{group} (alleen de hoogste telt)",
        "Sufficient on its own: classifies as SSc.": "Op zichzelf voldoende: classificeert als "
        "SSc.",
        "{title}: counts {n}": "{title}: telt {n}",
        "{total} / {maximum}": "{total} / {maximum}",
        "Criteria do not apply": "Criteria niet van toepassing",
        "Classified as SSc": "Geclassificeerd als SSc",
        "Not classified": "Niet geclassificeerd",
    },
    "ConfirmDecisionDialog": {
        "Confirm the eligibility decision": "Besluit over geschiktheid bevestigen",
        "Subject": "Patiënt",
        "Failing criteria": "Afgewezen op",
        "Meaning of this signature: I confirm this eligibility decision.": "Betekenis van deze "
        "handtekening: ik bevestig dit besluit over de geschiktheid.",
        "The investigator enters their own user name and password. The decision, your name and "
        "the time are recorded in the audit trail; the screening can no longer be changed "
        "afterwards.": "De onderzoeker voert de eigen gebruikersnaam en het eigen wachtwoord in. "
        "Het besluit, uw naam en het tijdstip worden vastgelegd in de audittrail; daarna kan de "
        "screening niet meer worden gewijzigd.",
        "&User name": "&Gebruikersnaam",
        "&Password": "&Wachtwoord",
        "Confirm": "Bevestigen",
    },
    "Messages": {
        "Only a patient whose latest screening an investigator confirmed as eligible can be "
        "enrolled.": "Alleen een patiënt van wie een onderzoeker de laatste screening als geschikt "
        "heeft bevestigd, kan worden geïncludeerd.",
        "This patient is already enrolled.": "Deze patiënt is al geïncludeerd.",
        "An investigator has confirmed this screening; it can no longer be changed.": "Een "
        "onderzoeker heeft deze screening bevestigd; die kan niet meer worden gewijzigd.",
        "Every criterion must be answered yes or no before the decision can be confirmed.": "Elk "
        "criterium moet met ja of nee zijn beantwoord voordat het besluit kan worden bevestigd.",
        "This patient already has a screening in progress; finish or void it first.": "Deze "
        "patiënt heeft al een lopende screening; rond die eerst af of verklaar die ongeldig.",
        "This patient is enrolled and cannot be screened again.": "Deze patiënt is geïncludeerd "
        "en kan niet opnieuw worden gescreend.",
        "Informed consent must come before the screening.": "Informed consent moet vóór de "
        "screening zijn gegeven.",
        "Cannot be before the informed consent date.": "Mag niet vóór de datum van informed "
        "consent liggen.",
        "Cannot be before the screening date.": "Mag niet vóór de screeningsdatum liggen.",
        "The course cannot end before it starts.": "De kuur kan niet eindigen voordat die begint.",
        "The course must have ended by the screening date.": "De kuur moet op de screeningsdatum "
        "zijn afgerond.",
        # The quoted answers are the Dutch labels of refractory_rule in sscvisit.model.entities.
        "'Worse 1 month after the course' needs the screening a month or more after it.": (
            "'Verslechterd 1 maand na de kuur' kan alleen als de screening een maand of langer "
            "na de kuur is."
        ),
        "'Not improved 2 months after' needs the screening two months or more after the "
        "course.": "'Niet verbeterd 2 maanden na de kuur' kan alleen als de screening twee "
        "maanden of langer na de kuur is.",
        "Enter the date the ulcer came back.": "Voer de datum in waarop het ulcus terugkwam.",
        "The recurrence cannot be after the screening.": "Het recidief kan niet na de screening "
        "liggen.",
        "The ulcer must have come back within 3 months after the course.": "Het ulcus moet "
        "binnen 3 maanden na de kuur zijn teruggekomen.",
        "Choose why the ulcer is refractory.": "Kies waarom het ulcus refractair is.",
        "Enter the start and end of the IV prostacyclin course.": "Voer het begin en het einde "
        "van de iv-prostacyclinekuur in.",
    },
    "ScreeningDialog": {
        "Close": "Sluiten",
        "The screening has unsaved changes. Close and discard them?": "De screening heeft "
        "niet-opgeslagen wijzigingen. Sluiten en de wijzigingen verwerpen?",
    },
    "ScreeningForm": {
        "Screening of {subject}": "Screening van {subject}",
        "Criteria": "Criteria",
        "Criterion": "Criterium",
        "Answer": "Antwoord",
        "Source or comment": "Bron of toelichting",
        "Inclusion: all must hold": "Inclusie: aan alle moet zijn voldaan",
        "Exclusion: any one excludes": "Exclusie: elk criterium sluit uit",
        "I2: ACR/EULAR 2013 classification criteria": "I2: ACR/EULAR-classificatiecriteria 2013",
        "Save draft": "Concept opslaan",
        "Confirm decision…": "Besluit bevestigen…",
        "Computed from the date of birth on the screening date; not typed.": "Berekend uit de "
        "geboortedatum en de screeningsdatum; wordt niet ingevoerd.",
        "Consent on file: {date}, form version {version}.": "Informed consent vastgelegd: "
        "{date}, formulierversie {version}.",
        "{answer} (age {age})": "{answer} (leeftijd {age})",
        "criteria do not apply": "criteria niet van toepassing",
        "classified as SSc": "geclassificeerd als SSc",
        "not classified": "niet geclassificeerd",
        "ACR/EULAR panel: {total} / {maximum}, {verdict}": "ACR/EULAR-panel: {total} / "
        "{maximum}, {verdict}",
        "Not yet decided.": "Nog niet beslist.",
        "Not yet decided: enter the screening date.": "Nog niet beslist: voer de "
        "screeningsdatum in.",
        "Not yet decided: correct or complete the marked fields.": "Nog niet beslist: corrigeer "
        "of vul de gemarkeerde velden aan.",
        "Eligible: every inclusion criterion holds and no exclusion applies.": "Geschikt: aan "
        "alle inclusiecriteria is voldaan en geen exclusiecriterium is van toepassing.",
        "Not eligible. Failing: {criteria}": "Niet geschikt. Afgewezen op: {criteria}",
        "Not yet decided. Missing or not assessed: {criteria}": "Nog niet beslist. Ontbreekt of "
        "niet beoordeeld: {criteria}",
        "New screening, not saved yet": "Nieuwe screening, nog niet opgeslagen",
        "Void. {state}": "Ongeldig. {state}",
        "{state} — {user}, {when} UTC": "{state} — {user}, {when} UTC",
        "{state}, assessed by {user}": "{state}, beoordeeld door {user}",
        "Save the draft before the decision is confirmed.": "Sla het concept op voordat het "
        "besluit wordt bevestigd.",
        "An investigator confirms the decision with their own password.": "Een onderzoeker "
        "bevestigt het besluit met het eigen wachtwoord.",
        "{n} findings, total {total}": "{n} bevindingen, totaal {total}",
    },
    "ScreeningSummary": {
        "No screening yet": "Nog geen screening",
        "Earlier screenings": "Eerdere screenings",
        "Open screening…": "Screening openen…",
        "New screening…": "Nieuwe screening…",
        "{date}: {result}": "{date}: {result}",
        "{text} (void)": "{text} (ongeldig)",
        "{state} ({user})": "{state} ({user})",
        "Failing: {criteria}": "Afgewezen op: {criteria}",
    },
}

# Enrolment, the visit schedule (timeline, table, dialogs) and the week overview.
_VISITS: Table = {
    "DueVisitModel": {
        "Subject": "Patiënt",
        "Visit": "Bezoek",
        "Target date": "Streefdatum",
        "Window": "Venster",
        "Days left": "Dagen over",
        "Days overdue": "Dagen achterstallig",
        "last day": "laatste dag",
    },
    "EnrolDialog": {
        "Enrol {subject}": "{subject} includeren",
        "Screened on {screening}: the injection (day 0) can be planned from {first} to {last}, "
        "and not before the enrolment date.": "Gescreend op {screening}: de injectie (dag 0) kan "
        "worden gepland van {first} tot en met {last}, en niet vóór de inclusiedatum.",
        "The injection must be planned within the screening window.": "De injectie moet binnen "
        "het screeningsvenster worden gepland.",
        "Enrol": "Includeren",
    },
    "Messages": {
        "Cannot be before the enrolment date.": "Mag niet vóór de inclusiedatum liggen.",
        "Cannot be before the injection visit.": "Mag niet vóór het injectiebezoek liggen.",
        "Record the injection visit first.": "Leg eerst het injectiebezoek vast.",
        "The injection has been recorded; change its visit date instead.": "De injectie is al "
        "vastgelegd; wijzig in plaats daarvan de bezoekdatum ervan.",
        "Later visits are recorded before this date.": "Latere bezoeken hebben een datum vóór "
        "deze datum.",
        "Later visits are already recorded.": "Latere bezoeken zijn al vastgelegd.",
        "Must fall within the screening window of the protocol.": "Moet binnen het "
        "screeningsvenster van het protocol vallen.",
    },
    "MissedVisitDialog": {
        "Mark missed: {visit}": "Als gemist markeren: {visit}",
        "Target date {target}; window {window}.": "Streefdatum {target}; venster {window}.",
        "This visit was recorded on {date}; marking it missed changes a saved value and asks for "
        "a reason.": "Dit bezoek is vastgelegd op {date}; als gemist markeren wijzigt een "
        "opgeslagen waarde en vraagt om een reden.",
        "Mark missed": "Als gemist markeren",
    },
    "RecordVisitDialog": {
        "Record visit: {visit}": "Bezoek vastleggen: {visit}",
        "Injection planned for {planned}; it may take place from {first} to {last}, within the "
        "screening window. Its date becomes day 0 of the schedule.": "Injectie gepland op "
        "{planned}; die mag plaatsvinden van {first} tot en met {last}, binnen het "
        "screeningsvenster. De datum ervan wordt dag 0 van het schema.",
        "Target date {target}; window {window}.": "Streefdatum {target}; venster {window}.",
        "An unscheduled visit has no target date or window.": "Een ongepland bezoek heeft geen "
        "streefdatum of venster.",
        "{date} is outside the window {window}. The visit is kept as a protocol deviation: give "
        "the reason.": "{date} valt buiten het venster {window}. Het bezoek wordt vastgelegd als "
        "protocolafwijking: geef de reden.",
        "Reason the visit fell outside its window {window}.": "Reden dat het bezoek buiten het "
        "venster {window} viel.",
    },
    "TimelineLegend": {
        "Unscheduled visit": "Ongepland bezoek",
        "Today": "Vandaag",
    },
    "TimelineStrip": {
        "Visit timeline": "Tijdlijn van de bezoeken",
        "No visits scheduled": "Geen bezoeken gepland",
        "weeks after the injection": "weken na de injectie",
        "Today {date}": "Vandaag {date}",
        "Target {target}, window {window}": "Streefdatum {target}, venster {window}",
        "Visit date {date}": "Bezoekdatum {date}",
    },
    "UnscheduledVisitDialog": {
        "Add unscheduled visit": "Ongepland bezoek toevoegen",
        "An unscheduled visit can be added on any day after the injection, up to today.": "Een "
        "ongepland bezoek kan worden toegevoegd op elke dag na de injectie, tot en met vandaag.",
        "Add": "Toevoegen",
    },
    "VisitStatus": {
        "Planned": "Gepland",
        "Due": "Te doen",
        "Overdue": "Achterstallig",
        "Done": "Uitgevoerd",
        "Done, outside the window": "Uitgevoerd, buiten venster",
        "Missed": "Gemist",
    },
    "VisitTableModel": {
        "Visit": "Bezoek",
        "Target date": "Streefdatum",
        "Window": "Venster",
        "Date": "Datum",
        "Status": "Status",
        "Note": "Toelichting",
    },
    "VisitTimeline": {
        "Enrol…": "Includeren…",
        "Record visit…": "Bezoek vastleggen…",
        "Mark missed…": "Als gemist markeren…",
        "Add unscheduled visit…": "Ongepland bezoek toevoegen…",
        "Not enrolled": "Niet geïncludeerd",
        "Enrolled on {date}": "Geïncludeerd op {date}",
        "No screening has been recorded yet.": "Er is nog geen screening vastgelegd.",
        "The screening of {date} is not yet confirmed by an investigator.": "De screening van "
        "{date} is nog niet bevestigd door een onderzoeker.",
        "The screening of {date} found the patient not eligible.": "Volgens de screening van "
        "{date} is de patiënt niet geschikt.",
        "The screening of {date} was confirmed eligible; the patient can be enrolled.": "De "
        "screening van {date} is als geschikt bevestigd; de patiënt kan worden geïncludeerd.",
        "Injection (day 0) on {date}.": "Injectie (dag 0) op {date}.",
        "Injection (day 0) planned for {date}.": "Injectie (dag 0) gepland op {date}.",
        "{injection} Protocol {version}.": "{injection} Protocol {version}.",
        "Unscheduled visits can be added once the injection is recorded.": "Ongeplande bezoeken "
        "kunnen worden toegevoegd zodra de injectie is vastgelegd.",
    },
    "WeekOverview": {
        "This week": "Deze week",
        "Refresh": "Vernieuwen",
        "Nothing is due this week.": "Deze week is er niets te doen.",
        "Nothing is overdue.": "Er is niets achterstallig.",
        "Double-click a visit, or select it and press Enter, to open the patient.": "Dubbelklik "
        "op een bezoek, of selecteer het en druk op Enter, om de patiënt te openen.",
        "Due this week ({week}): {count}": "Deze week te doen ({week}): {count}",
        "Overdue: {count}": "Achterstallig: {count}",
    },
}


# Questionnaire entry form and score panel.
_QUESTIONNAIRES: Table = {
    "AnswerGrid": {
        "Read only: answers cannot be changed here.": (
            "Alleen lezen: antwoorden kunnen hier niet worden gewijzigd."
        ),
        "A tick box is never missing: Space ticks it.": (
            "Een aankruisvak ontbreekt nooit: spatie kruist het aan."
        ),
        "Missing because: 1 not answered · 2 illegible · 3 not applicable (Esc cancels)": (
            "Ontbreekt omdat: 1 niet ingevuld · 2 onleesbaar · 3 niet van toepassing (Esc "
            "annuleert)"
        ),
        "A tick box takes 1 (yes) or 0 (no).": "Een aankruisvak neemt 1 (ja) of 0 (nee).",
        "{code} takes 1–{n}; {key} was not entered.": (
            "{code} neemt 1–{n}; {key} is niet ingevoerd."
        ),
        "Typing cancelled; the answer is unchanged.": (
            "Typen geannuleerd; het antwoord is niet gewijzigd."
        ),
        "At most {n} characters.": "Hoogstens {n} tekens.",
        "Enter or Tab accepts; Esc cancels.": "Enter of Tab neemt over; Esc annuleert.",
        "{code}: {range}. Enter or Tab accepts; Esc cancels.": (
            "{code}: {range}. Enter of Tab neemt over; Esc annuleert."
        ),
        "{code} takes {range}; {typed} is too low.": "{code} neemt {range}; {typed} is te laag.",
        "Not marked missing.": "Niet als ontbrekend gemarkeerd.",
        "Not marked missing: after '.' type 1, 2 or 3.": (
            "Niet als ontbrekend gemarkeerd: typ na '.' een 1, 2 of 3."
        ),
        "{code} takes {range}; {key} was not entered.": (
            "{code} neemt {range}; {key} is niet ingevoerd."
        ),
        "Yes": "Ja",
        "No": "Nee",
        "Missing: {reason}\t. {key}": "Ontbreekt: {reason}\t. {key}",
        "Clear\tBackspace": "Wissen\tBackspace",
    },
    "AnswerModel": {
        "Item": "Item",
        "Description": "Omschrijving",
        "Answer": "Antwoord",
        "Message": "Melding",
        "Missing: {reason}": "Ontbreekt: {reason}",
        "yes": "ja",
        "Type a number ({range}), then Enter or Tab.": "Typ een getal ({range}), dan Enter of Tab.",
        "Space ticks or clears.": "Spatie kruist aan of uit.",
    },
    "QuestionnaireDialog": {
        "Close": "Sluiten",
        "The questionnaire has unsaved answers. Close and discard them?": (
            "De vragenlijst heeft niet-opgeslagen antwoorden. Sluiten en de antwoorden verwerpen?"
        ),
    },
    "QuestionnaireForm": {
        "{codes} and {n} more": "{codes} en nog {n}",
        "{instrument} — {subject}, {visit}": "{instrument} — {subject}, {visit}",
        "Save": "Opslaan",
        "Ctrl+S": "Ctrl+S",
        "{visit} on {date}": "{visit} op {date}",
        "Digit: answer, next item": "Cijfer: antwoord, volgend item",
        "↑ ↓ Home End: move": "↑ ↓ Home End: verplaatsen",
        ".1  .2  .3: missing (not answered, illegible, not applicable)": (
            ".1  .2  .3: ontbreekt (niet ingevuld, onleesbaar, niet van toepassing)"
        ),
        "Backspace: clear": "Backspace: wissen",
        "Number: type, Enter or Tab": "Getal: typen, Enter of Tab",
        "Space: tick": "Spatie: aankruisen",
        "F2: menu": "F2: menu",
        "Ctrl+S: save": "Ctrl+S: opslaan",
        (
            "Not saved. {n} items have no answer: {items}. Answer each, or mark it missing "
            "with '.' and a reason."
        ): (
            "Niet opgeslagen. {n} items hebben geen antwoord: {items}. Vul elk in, of "
            "markeer het als ontbrekend met '.' en een reden."
        ),
        "New, not saved yet": "Nieuw, nog niet opgeslagen",
        "Void": "Ongeldig",
        "Saved (version {version})": "Opgeslagen (versie {version})",
        "{state} · read only": "{state} · alleen lezen",
        "missing: {reason}": "ontbreekt: {reason}",
        "yes": "ja",
        "no": "nee",
        "Saved.": "Opgeslagen.",
        "Not saved: {n} items need attention (see the Message column).": (
            "Niet opgeslagen: {n} items vragen aandacht (zie de kolom Melding)."
        ),
    },
    "ScorePanel": {
        "HAQ-DI (with aids)": "HAQ-DI (met hulpmiddelen)",
        "HAQ-DI without aids": "HAQ-DI zonder hulpmiddelen",
        "EQ-5D-5L index (NL)": "EQ-5D-5L-index (NL)",
        "EQ VAS": "EQ VAS",
        "CHFS total (0–90)": "CHFS-totaal (0–90)",
        "Kitchen": "Keuken",
        "Dressing": "Aankleden",
        "Hygiene": "Hygiëne",
        "Office": "Kantoor",
        "Other": "Overig",
        "Physical functioning": "Fysiek functioneren",
        "Role limitations, physical": "Rolbeperkingen, fysiek",
        "Role limitations, emotional": "Rolbeperkingen, emotioneel",
        "Energy / fatigue": "Energie / vermoeidheid",
        "Emotional well-being": "Emotioneel welbevinden",
        "Social functioning": "Sociaal functioneren",
        "Pain": "Pijn",
        "General health": "Algemene gezondheid",
        "Health change": "Verandering in gezondheid",
        "Microangiopathy score (MES)": "Microangiopathiescore (MES)",
        "Assessable fingers": "Beoordeelbare vingers",
        "Enlarged capillaries (mean)": "Verwijde capillairen (gemiddeld)",
        "Giant capillaries (mean)": "Megacapillairen (gemiddeld)",
        "Haemorrhages (mean)": "Bloedinkjes (gemiddeld)",
        "Loss of capillaries (mean)": "Capillairverlies (gemiddeld)",
        "Disorganisation (mean)": "Desorganisatie (gemiddeld)",
        "Ramified capillaries (mean)": "Vertakte capillairen (gemiddeld)",
        "{name} VAS (0–3)": "{name} VAS (0–3)",
        "HAQ-DI": "HAQ-DI",
        "The EQ-5D index": "De EQ-5D-index",
        "The CHFS total": "Het CHFS-totaal",
        "Not computable: no answer.": "Niet te berekenen: geen antwoord.",
        "{name} needs {needed} of {total} categories; {answered} answered.": (
            "{name} vraagt {needed} van {total} categorieën; {answered} ingevuld."
        ),
        "{name} needs all {total} dimensions; {answered} answered.": (
            "{name} vraagt alle {total} dimensies; {answered} ingevuld."
        ),
        "{name} needs {needed} of {total} dimensions; {answered} answered.": (
            "{name} vraagt {needed} van {total} dimensies; {answered} ingevuld."
        ),
        "{name} needs {needed} of {total} fingers; {answered} assessed.": (
            "{name} vraagt {needed} van {total} vingers; {answered} beoordeeld."
        ),
        "{name} needs all {total} items; {answered} answered.": (
            "{name} vraagt alle {total} items; {answered} ingevuld."
        ),
        "{name} needs {needed} of {total} items; {answered} answered.": (
            "{name} vraagt {needed} van {total} items; {answered} ingevuld."
        ),
        "Scores": "Scores",
        "Computed from the answers as you type.": "Berekend uit de antwoorden, terwijl u typt.",
        "{score}  ({mm} mm)": "{score}  ({mm} mm)",
        "Not computable: no answers for this score yet.": (
            "Niet te berekenen: nog geen antwoorden voor deze score."
        ),
    },
}


# Capillaroscopy form and scores over time.
_CAPILLAROSCOPY: Table = {
    "CapillaroscopyForm": {
        "n.ans.": "n.i.",
        "illeg.": "onl.",
        "n/a": "n.v.t.",
        "Yes": "Ja",
        "No": "Nee",
        "{low} to {high}": "{low} tot {high}",
        "Save": "Opslaan",
        "Read only: your role may view but not change data.": (
            "Alleen lezen: uw rol mag gegevens inzien maar niet wijzigen."
        ),
        "Keys: 0–3 scores the cell and moves on · numbers: type, then Enter · missing: . then "
        "1 {not_answered} ({mark1}), 2 {illegible} ({mark2}), 3 {not_applicable} ({mark3}) · "
        "Del clears · x: finger not assessable · arrows move, Tab leaves the grid.": (
            "Toetsen: 0–3 scoort de cel en gaat door · getallen: typen, dan Enter · ontbrekend: "
            ". dan 1 {not_answered} ({mark1}), 2 {illegible} ({mark2}), 3 {not_applicable} "
            "({mark3}) · Del wist · x: vinger niet beoordeelbaar · pijltjes verplaatsen, Tab "
            "verlaat het raster."
        ),
        "Missing because: 1 {not_answered} · 2 {illegible} · 3 {not_applicable} "
        "(any other key cancels)": (
            "Ontbreekt omdat: 1 {not_answered} · 2 {illegible} · 3 {not_applicable} "
            "(een andere toets annuleert)"
        ),
        "{done} of {total} cells filled · fingers not assessable: {excluded}": (
            "{done} van {total} cellen ingevuld · vingers niet beoordeelbaar: {excluded}"
        ),
        "Type the answer, or . then 1, 2 or 3 to record why it is missing.": (
            "Typ het antwoord, of . dan 1, 2 of 3 om vast te leggen waarom het ontbreekt."
        ),
    },
    "_HandBand": {
        "Left hand": "Linkerhand",
        "Right hand": "Rechterhand",
    },
    "ScoresOverTime": {
        "— not done at this visit · n.c. not computable (point at it to see why). "
        "Select a row to chart that score.": (
            "— niet gedaan bij dit bezoek · n.b. niet te berekenen (wijs het aan om te zien "
            "waarom). Kies een rij om die score in de grafiek te zien."
        ),
    },
    "Scores": {
        "n.c.": "n.b.",
        "{score} ({mm} mm)": "{score} ({mm} mm)",
        "Not computable: no answers for this score.": (
            "Niet te berekenen: geen antwoorden voor deze score."
        ),
        "Not done at this visit.": "Niet gedaan bij dit bezoek.",
        "No visit collects this instrument.": "Geen bezoek verzamelt dit instrument.",
        "Visit": "Bezoek",
    },
}


# Forms of a visit on the patient page, and messages of the questionnaire service.
_VISIT_FORMS: Table = {
    "UnsavedChangesDialog": {"Unsaved changes": "Niet-opgeslagen wijzigingen"},
    "Messages": {
        "The protocol does not collect this form at this visit.": (
            "Het protocol verzamelt dit formulier niet bij dit bezoek."
        ),
        "Cannot be after the visit date.": "Mag niet na de bezoekdatum liggen.",
        "Record the visit as done (with its date) first.": (
            "Leg eerst het bezoek vast als uitgevoerd (met de datum)."
        ),
    },
    "PatientPage": {"Scores over time": "Scores in de tijd", "Ulcers": "Ulcera"},
    "VisitForms": {
        "Select a visit to see the forms it collects.": (
            "Selecteer een bezoek om de formulieren ervan te zien."
        ),
        "{visit}: record the visit first, then its forms.": (
            "{visit}: leg eerst het bezoek vast, dan de formulieren."
        ),
        "Forms of {visit} ({date})": "Formulieren van {visit} ({date})",
        "Ulcer map": "Ulcuskaart",
    },
}


# Ulcer map (hand map, editor), ulcer review of a patient, the study overview, and the messages
# of the ulcer service. Dutch as on the ward: ulcus / ulcera, volair / dorsaal, recidief.
_ULCERS: Table = {
    "HandMap": {
        "Left": "Links",
        "Right": "Rechts",
        "Volar": "Volair",
        "Dorsal": "Dorsaal",
        "Left hand": "Links",
        "Right hand": "Rechts",
        "Volar (palms towards you)": "Volair (handpalm naar u)",
        "Dorsal (backs towards you)": "Dorsaal (handrug naar u)",
        "D1": "D1",
        "D2": "D2",
        "D3": "D3",
        "D4": "D4",
        "D5": "D5",
        "fingertip": "vingertop",
        "other volar": "overig volair",
        "dorsal over DIP": "dorsaal over DIP",
        "dorsal over PIP": "dorsaal over PIP",
        "dorsal over MCP": "dorsaal over MCP",
        "other": "overig",
        "active": "actief",
        "new": "nieuw",
        "healed": "genezen",
        "{hand} {finger}, {site}": "{hand} {finger}, {site}",
        "#{number} {location} ({status})": "#{number} {location} ({status})",
        "Size {length} × {width} mm, area {area} mm²": (
            "Grootte {length} × {width} mm, oppervlakte {area} mm²"
        ),
        "Size not measured yet": "Grootte nog niet gemeten",
        "superficial": "oppervlakkig",
        "deep": "diep",
        "Depth: {depth}": "Diepte: {depth}",
        "Pain VAS {vas} mm": "Pijn-VAS {vas} mm",
        "infected": "geïnfecteerd",
        "on calcinosis": "op calcinose",
        "on a pitting scar": "op putjesvormig litteken",
        "gangrene": "gangreen",
        "Recurrence of a healed ulcer": "Recidief van een genezen ulcus",
    },
    "HandMapWidget": {
        "Volar and dorsal": "Volair en dorsaal",
        "Volar only": "Volair",
        "Dorsal only": "Dorsaal",
    },
    "MainWindow": {"Ulcers (study)": "Ulcera (studie)"},
    "Messages": {
        "This photo no longer matches the checksum saved with it: the stored image has been "
        "damaged or altered. Restore the database from a backup.": (
            "Deze foto komt niet meer overeen met de controlesom die ermee is opgeslagen: de "
            "opgeslagen afbeelding is beschadigd of gewijzigd. Zet de database terug vanuit een "
            "back-up."
        ),
        "The hand map has no such site on this finger.": (
            "De handkaart heeft deze locatie niet op deze vinger."
        ),
        "The width cannot be larger than the length; swap the two.": (
            "De breedte mag niet groter zijn dan de lengte; verwissel ze."
        ),
        "Another active ulcer is already recorded at this site.": (
            "Op deze locatie is al een ander actief ulcus vastgelegd."
        ),
        "An ulcer seen before cannot be removed; mark it healed instead.": (
            "Een eerder gezien ulcus kan niet worden verwijderd; markeer het als genezen."
        ),
        "This ulcer was seen at an earlier visit, so it is not new.": (
            "Dit ulcus is bij een eerder bezoek gezien en is dus niet nieuw."
        ),
        "A recurrence must refer to a healed ulcer of this patient at the same site.": (
            "Een recidief moet verwijzen naar een genezen ulcus van deze patiënt op dezelfde "
            "locatie."
        ),
        "The file is not a JPEG or PNG image of the type given.": (
            "Het bestand is geen JPEG- of PNG-afbeelding van het opgegeven type."
        ),
        "The photo file is too large; save a smaller copy.": (
            "Het fotobestand is te groot; sla een kleinere kopie op."
        ),
    },
    "StudyUlcerOverview": {
        "Digital ulcers across the study": "Digitale ulcera in de hele studie",
        "Active ulcers: active or new at the visit, in every patient whose ulcer map of that "
        "visit is filled in. Total area: the sum of their ellipse areas. Unscheduled visits are "
        "pooled.": (
            "Actieve ulcera: actief of nieuw bij het bezoek, bij elke patiënt van wie de "
            "ulcuskaart van dat bezoek is ingevuld. Totale oppervlakte: de som van hun "
            "ellipsoppervlakten. Ongeplande bezoeken zijn samengenomen."
        ),
        "Active ulcers and total area per visit": (
            "Actieve ulcera en totale oppervlakte per bezoek"
        ),
    },
    "UlcerEditor": {
        "This site already has an open ulcer. Click it on the map to change it, or mark it "
        "healed first.": (
            "Op deze locatie is al een open ulcus. Klik erop in de kaart om het te wijzigen, of "
            "markeer het eerst als genezen."
        ),
        "The hand map has no such site on this finger (the thumb has no PIP joint).": (
            "De handkaart heeft deze locatie niet op deze vinger (de duim heeft geen PIP-gewricht)."
        ),
        "Must be between {minimum} and {maximum} mm.": (
            "Moet tussen {minimum} en {maximum} mm liggen."
        ),
        "The width is larger than the length: the length is the longer axis.": (
            "De breedte is groter dan de lengte: de lengte is de langste as."
        ),
        "The pain VAS must be between {minimum} and {maximum} mm.": (
            "De pijn-VAS moet tussen {minimum} en {maximum} mm liggen."
        ),
        "This ulcer was recorded at an earlier visit: set its status to healed instead of "
        "removing it.": (
            "Dit ulcus is bij een eerder bezoek vastgelegd: zet de status op genezen in plaats "
            "van het te verwijderen."
        ),
        "This ulcer was seen at an earlier visit, so it is not new since the last visit.": (
            "Dit ulcus is bij een eerder bezoek gezien en is dus niet nieuw sinds het vorige "
            "bezoek."
        ),
        "Only an ulcer that healed at this same site before can recur here.": (
            "Alleen een ulcus dat eerder op deze zelfde locatie genezen is, kan hier recidiveren."
        ),
        "The photo is too large (at most {limit} MB).": (
            "De foto is te groot (maximaal {limit} MB)."
        ),
        "The file is not a JPEG or PNG image.": "Het bestand is geen JPEG- of PNG-afbeelding.",
        "This change cannot be made here.": "Deze wijziging kan hier niet worden gemaakt.",
        "#": "#",
        "Finger": "Vinger",
        "Site": "Locatie",
        "Status": "Status",
        "Size (mm)": "Grootte (mm)",
        "Area (mm²)": "Oppervlakte (mm²)",
        "Enter the length and width.": "Voer de lengte en breedte in.",
        "Add ulcer": "Ulcus toevoegen",
        "Add an ulcer at this site (Enter)": "Een ulcus op deze locatie toevoegen (Enter)",
        "Move selected here": "Selectie hierheen verplaatsen",
        "Recurrence of the healed ulcer": "Ja, een recidief",
        "A new, unrelated ulcer": "Nee, een nieuw ulcus",
        "Cancel": "Annuleren",
        "Swap length and width": "Lengte en breedte verwisselen",
        "Remove": "Verwijderen",
        "Remove an ulcer added by mistake (Delete)": (
            "Een per ongeluk toegevoegd ulcus verwijderen (Delete)"
        ),
        "Add photo…": "Foto toevoegen…",
        "Undo": "Ongedaan maken",
        "Redo": "Opnieuw",
        "Save": "Opslaan",
        "Read only: your role may view but not change data.": (
            "Alleen lezen: uw rol mag gegevens inzien maar niet wijzigen."
        ),
        "{subject} · {visit} ({date}) · Ulcer map": "{subject} · {visit} ({date}) · Ulcuskaart",
        "Click a site to add an ulcer there, or an ulcer to select it; drag an ulcer to move "
        "it. Keyboard: choose hand, finger and site, then Enter. Delete removes an ulcer added "
        "by mistake; Ctrl+Z undoes, Ctrl+Shift+Z redoes.": (
            "Klik op een locatie om daar een ulcus toe te voegen, of op een ulcus om het te "
            "selecteren; sleep een ulcus om het te verplaatsen. Toetsenbord: kies hand, vinger "
            "en locatie, dan Enter. Delete verwijdert een per ongeluk toegevoegd ulcus; Ctrl+Z "
            "maakt ongedaan, Ctrl+Shift+Z voert opnieuw uit."
        ),
        "{minimum}–{maximum}": "{minimum}–{maximum}",
        "add ulcer #{n}": "ulcus #{n} toevoegen",
        "change {fields} of #{n}": "{fields} van #{n} wijzigen",
        "ulcer": "ulcus",
        "move #{n}": "#{n} verplaatsen",
        "remove #{n}": "#{n} verwijderen",
        "An ulcer at {place} healed at an earlier visit. Is this new ulcer that ulcer coming "
        "back?": (
            "Een ulcus op {place} is bij een eerder bezoek genezen. Is dit nieuwe ulcus een "
            "recidief daarvan?"
        ),
        "No ulcer selected": "Geen ulcus geselecteerd",
        "Ulcer #{n}: {place}": "Ulcus #{n}: {place}",
        "Recurrence of an ulcer that healed here at an earlier visit.": (
            "Recidief van een ulcus dat hier bij een eerder bezoek genezen was."
        ),
        "Photos: {count} ({dates})": "Foto's: {count} ({dates})",
        "No photo of this ulcer at this visit.": "Geen foto van dit ulcus bij dit bezoek.",
        "Save the map before adding a photo.": "Sla de kaart op voordat u een foto toevoegt.",
        "Photo of ulcer #{n}": "Foto van ulcus #{n}",
        "Images (*.jpg *.jpeg *.png)": "Afbeeldingen (*.jpg *.jpeg *.png)",
        "#{n} site": "#{n} locatie",
        "#{n} {field}": "#{n} {field}",
        "Saved.": "Opgeslagen.",
        "Open ulcers: {open} · healed at this visit: {healed}": (
            "Open ulcera: {open} · genezen bij dit bezoek: {healed}"
        ),
        "{n} still need a length and width": "bij {n} ontbreken nog lengte en breedte",
        "Undo {what}": "Ongedaan maken: {what}",
        "Redo {what}": "Opnieuw: {what}",
        "Not saved yet.": "Nog niet opgeslagen.",
        "Not saved yet: save the map even when it is empty.": (
            "Nog niet opgeslagen: sla de kaart ook op als die leeg is."
        ),
    },
    "UlcerEditorDialog": {
        "The ulcer map has changes that are not saved. Close and discard them?": (
            "De ulcuskaart heeft niet-opgeslagen wijzigingen. Sluiten en de wijzigingen verwerpen?"
        ),
    },
    "UlcerReview": {
        "Active ulcers": "Actieve ulcera",
        "Healed at this visit": "Genezen bij dit bezoek",
        "Total area (mm²)": "Totale opp. (mm²)",
        "Mean pain VAS (mm)": "Gem. pijn-VAS (mm)",
        "No pain VAS recorded for an active ulcer at this visit.": (
            "Bij dit bezoek is bij geen enkel actief ulcus een pijn-VAS vastgelegd."
        ),
        "Mean over the active ulcers with a pain VAS.": (
            "Gemiddelde over de actieve ulcera met een pijn-VAS."
        ),
        "{date} · day {day}": "{date} · dag {day}",
        "Visit": "Bezoek",
        "Maps filled in": "Kaarten ingevuld",
        "Patients with active ulcers": "Patiënten met actieve ulcera",
        "#": "#",
        "In charts": "In grafiek",
        "Site": "Locatie",
        "Status": "Status",
        "Size (mm)": "L × B (mm)",
        "Area (mm²)": "Opp. (mm²)",
        "Pain VAS (mm)": "Pijn-VAS",
        "Notes": "Bijzonderheden",
        "deep": "diep",
        "infected": "geïnfecteerd",
        "gangrene": "gangreen",
        "on calcinosis": "op calcinose",
        "on a pitting scar": "op putjesvormig litteken",
        "recurrence": "recidief",
        "Ulcer area per finger over time": "Ulcusoppervlakte per vinger in de tijd",
        "No ulcer map has been filled in for this patient yet.": (
            "Voor deze patiënt is nog geen ulcuskaart ingevuld."
        ),
        # Alt+B and Alt+H are the main window's menus (Bestand, Help).
        "&Visit:": "Be&zoek:",
        "&Compare with:": "&Vergelijken met:",
        "Both maps are read-only. Point at an ulcer to see its measures, or select it in the "
        "list. # is the ulcer's number on that visit's map; \"In charts\" its number in the "
        "charts.": (
            "Beide kaarten zijn alleen-lezen. Wijs een ulcus aan om de metingen te zien, of "
            "selecteer het in de lijst. # is het nummer van het ulcus op de kaart van dat "
            'bezoek; "In grafiek" het nummer in de grafieken.'
        ),
        "Charts": "Grafieken",
        "Compare visits": "Bezoeken vergelijken",
        "{visit} ({date})": "{visit} ({date})",
        "No visit with a filled-in ulcer map.": "Geen bezoek met een ingevulde ulcuskaart.",
        "{active} active · {healed} healed · total area {area} mm²": (
            "{active} actief · {healed} genezen · totaal {area} mm²"
        ),
    },
}

# The capillaroscopy recorded on the screening (issue 5), beside the ACR/EULAR finding it decides.
_SCREENING_CAPILLAROSCOPY: Table = {
    "AcrEularPanel": {
        "Capillaroscopy at screening": "Capillaroscopie bij screening",
        "Not recorded": "Niet vastgelegd",
        "Ticked because the capillaroscopy at screening shows an SSc pattern.": (
            "Aangevinkt omdat de capillaroscopie bij screening een SSc-patroon toont."
        ),
    },
    "Messages": {
        "Cannot be after the screening date.": "Mag niet na de screeningsdatum liggen.",
        "The capillaroscopy at screening was normal: untick abnormal nailfold capillaries.": (
            "De capillaroscopie bij screening was normaal: vink afwijkende nagelriemcapillairen "
            "uit."
        ),
    },
}

# Dates with a time of day (injection, vital signs, SAE reporting).
_DATETIME: Table = {
    "FieldForm": {"YYYY-MM-DD HH:MM": "JJJJ-MM-DD UU:MM"},
    "Messages": {
        "Enter a date and time as YYYY-MM-DD HH:MM.": (
            "Voer een datum en tijd in als JJJJ-MM-DD UU:MM."
        )
    },
}

# The patient page's safety tabs.
_PATIENT_SAFETY: Table = {
    "PatientPage": {
        "Adverse events": "Ongewenste voorvallen",
        "Labs": "Lab",
        "Biomarkers": "Biomarkers",
        "Medication": "Medicatie",
    }
}


# Looking at ulcer photos (the photo viewer, and its button in the ulcer map).
_PHOTOS: Table = {
    "PhotoViewerDialog": {
        "Ulcer photos": "Foto's van ulcera",
        "< Previous": "< Vorige",
        "Next >": "Volgende >",
        "Previous photo": "Vorige foto",
        "Next photo": "Volgende foto",
        "Previous photo (Left arrow)": "Vorige foto (pijl naar links)",
        "Next photo (Right arrow)": "Volgende foto (pijl naar rechts)",
        "(no caption)": "(geen bijschrift)",
        "SHA-256: {digest}": "SHA-256: {digest}",
        "{n} of {total}": "{n} van {total}",
        "This photo cannot be shown: the stored file is not an image this program can read.": (
            "Deze foto kan niet worden getoond: het opgeslagen bestand is geen afbeelding die "
            "dit programma kan lezen."
        ),
        "Visit {visit} · ulcer {ulcer}": "Bezoek {visit} · ulcus {ulcer}",
        "Taken on {date}": "Gemaakt op {date}",
        "SHA-256 {digest}…": "SHA-256 {digest}…",
        "There are no photos to show.": "Er zijn geen foto's om te tonen.",
    },
    "UlcerEditor": {
        "View photos…": "Foto's bekijken…",
        "Look at the photos of this ulcer": "De foto's van dit ulcus bekijken",
        "Ulcer #{n}, {place}": "Ulcus #{n}, {place}",
    },
}


def _merge(*parts: Table) -> Table:
    """One table from the per-screen parts; the same message twice is a mistake, even if equal."""
    merged: Table = {}
    for part in parts:
        for context, entries in part.items():
            target = merged.setdefault(context, {})
            twice = sorted(set(target) & set(entries))
            if twice:
                raise ValueError(f"{context}: in more than one part of the table: {twice}")
            target.update(entries)
    return dict(sorted(merged.items()))


NL: Table = _merge(
    _CORE,
    _SCREENING,
    _VISITS,
    _QUESTIONNAIRES,
    _CAPILLAROSCOPY,
    _VISIT_FORMS,
    _ULCERS,
    _SCREENING_CAPILLAROSCOPY,
    _DATETIME,
    _PATIENT_SAFETY,
    _PHOTOS,
    _INJECTION,
    _ADVERSE_EVENTS,
    _ENDPOINT,
    _LABS,
    _COMPLETENESS,
)


_CONTEXT = re.compile(r"<context>\s*<name>(?P<name>.*?)</name>(?P<body>.*?)</context>\n?", re.S)
_MESSAGE = re.compile(r"[ \t]*<message(?P<attrs>[^>]*)>(?P<body>.*?)</message>\n?", re.S)
_SOURCE = re.compile(r"<source>(.*?)</source>", re.S)
_TRANSLATION = re.compile(r"<translation(?P<attrs>[^>]*?)(?:/>|>(?P<text>.*?)</translation>)", re.S)


def _unescape(text: str) -> str:
    return unescape(text, _ENTITIES)


def _escape(text: str) -> str:
    return escape(text, _ESCAPES)


def _forms(inner: str) -> tuple[str, ...]:
    """The translation text, or its plural forms, of a <translation> element's content."""
    forms = re.findall(r"<numerusform>(.*?)</numerusform>", inner, re.S)
    return tuple(_unescape(f) for f in forms) if forms else (_unescape(inner),)


def _translation_xml(value: str | tuple[str, ...], indent: str) -> str:
    if isinstance(value, str):
        return f"<translation>{_escape(value)}</translation>"
    forms = "".join(f"\n{indent}    <numerusform>{_escape(f)}</numerusform>" for f in value)
    return f"<translation>{forms}\n{indent}</translation>"


def _check_entry(context: str, source: str, value: str | tuple[str, ...]) -> list[str]:
    problems = []
    wanted = sorted(_PLACEHOLDER.findall(source))
    for form in (value,) if isinstance(value, str) else value:
        if not form.strip():
            problems.append(f"{context}: empty translation of {source!r}")
        if sorted(_PLACEHOLDER.findall(form)) != wanted:
            problems.append(f"{context}: placeholders differ in {source!r} -> {form!r}")
    return problems


def fill(text: str, table: Table) -> tuple[str, list[str]]:
    """The .ts text with unfinished messages filled and vanished ones dropped; and a report."""
    report: list[str] = []
    seen: set[tuple[str, str]] = set()

    def do_context(match: re.Match[str]) -> str:
        context = _unescape(match["name"])
        entries = table.get(context, {})

        def do_message(message: re.Match[str]) -> str:
            body = message["body"]
            source_match = _SOURCE.search(body)
            translation = _TRANSLATION.search(body)
            if source_match is None or translation is None:
                return message[0]
            source = _unescape(source_match[1])
            seen.add((context, source))
            attrs = translation["attrs"]
            if 'type="vanished"' in attrs or 'type="obsolete"' in attrs:
                report.append(f"removed (no longer in the code): {context}: {source!r}")
                return ""
            current = _forms(translation["text"] or "")
            if 'type="unfinished"' not in attrs and any(f.strip() for f in current):
                wanted = entries.get(source)
                if wanted is not None and current != (
                    (wanted,) if isinstance(wanted, str) else wanted
                ):
                    report.append(
                        f"kept the file's translation, table differs: {context}: {source!r}"
                    )
                return message[0]  # finished: the file wins
            if source not in entries:
                report.append(f"NOT TRANSLATED: {context}: {source!r}")
                return message[0]
            indent = re.search(r"\n([ \t]*)<translation", body)
            new_body = (
                body[: translation.start()]
                + _translation_xml(entries[source], indent[1] if indent else "        ")
                + body[translation.end() :]
            )
            report.append(f"filled: {context}: {source!r}")
            return message[0].replace(body, new_body, 1)

        body = _MESSAGE.sub(do_message, match["body"])
        if "<message" not in body:
            return ""
        return match[0].replace(match["body"], body, 1)

    new_text = _CONTEXT.sub(do_context, text)
    for context, entries in table.items():
        for source, value in entries.items():
            report.extend(_check_entry(context, source, value))
            if (context, source) not in seen:
                report.append(f"table entry not in the .ts: {context}: {source!r}")
    return new_text, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ts", nargs="?", type=Path, default=TS_FILE)
    parser.add_argument("--check", action="store_true", help="report only, write nothing")
    args = parser.parse_args(argv)
    path: Path = args.ts
    old = path.read_text(encoding="utf-8")
    new, report = fill(old, NL)
    unused = [line for line in report if line.startswith("table entry not in")]
    for line in report:
        if args.check or not line.startswith(("filled: ", "table entry not in")):
            print(line)
    if unused and not args.check:
        print(f"{len(unused)} table entries are not in the .ts (--check lists them)")
    missing = [line for line in report if line.startswith(("NOT TRANSLATED", "removed"))]
    bad = [line for line in report if "placeholders differ" in line or "empty translation" in line]
    if bad:
        return 2
    if args.check:
        return 1 if missing or new != old else 0
    if new != old:
        path.write_text(new, encoding="utf-8")
        print(f"{path}: {sum(1 for x in report if x.startswith('filled: '))} filled")
    else:
        print(f"{path}: nothing to fill")
    return 1 if any(line.startswith("NOT TRANSLATED") for line in report) else 0


if __name__ == "__main__":
    sys.exit(main())
