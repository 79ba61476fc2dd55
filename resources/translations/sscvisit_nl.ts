<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>AcrEularPanel</name>
    <message>
        <source>Do the criteria apply?</source>
        <translation>Zijn de criteria van toepassing?</translation>
    </message>
    <message>
        <source>The criteria do not apply: this panel cannot classify the patient.</source>
        <translation>De criteria zijn niet van toepassing: dit panel kan de patiënt niet classificeren.</translation>
    </message>
    <message>
        <source>Findings (weight)</source>
        <translation>Bevindingen (gewicht)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totaal</translation>
    </message>
    <message>
        <source>Classified as SSc at a total of {threshold} or more.</source>
        <translation>Geclassificeerd als SSc bij een totaal van {threshold} of meer.</translation>
    </message>
    <message>
        <source>Skin thickening of the fingers of both hands, proximal to the MCPs</source>
        <translation>Huidverdikking vingers van beide handen, proximaal van MCP&apos;s</translation>
    </message>
    <message>
        <source>Puffy fingers</source>
        <translation>Gezwollen vingers</translation>
    </message>
    <message>
        <source>Sclerodactyly (distal to MCP, proximal to PIP)</source>
        <translation>Sclerodactylie (distaal van MCP, proximaal van PIP)</translation>
    </message>
    <message>
        <source>Digital tip ulcers</source>
        <translation>Digitale ulcera van de vingertoppen</translation>
    </message>
    <message>
        <source>Fingertip pitting scars</source>
        <translation>Putjesvormige littekens van de vingertoppen</translation>
    </message>
    <message>
        <source>Telangiectasia</source>
        <translation>Teleangiëctasieën</translation>
    </message>
    <message>
        <source>Abnormal nailfold capillaries</source>
        <translation>Afwijkende nagelriemcapillairen</translation>
    </message>
    <message>
        <source>Pulmonary arterial hypertension</source>
        <translation>Pulmonale arteriële hypertensie</translation>
    </message>
    <message>
        <source>Interstitial lung disease</source>
        <translation>Interstitiële longziekte</translation>
    </message>
    <message>
        <source>Raynaud&apos;s phenomenon</source>
        <translation>Raynaud-fenomeen</translation>
    </message>
    <message>
        <source>Anticentromere</source>
        <translation>Anticentromeer</translation>
    </message>
    <message>
        <source>Anti-topoisomerase I (Scl-70)</source>
        <translation>Anti-topo-isomerase I (Scl-70)</translation>
    </message>
    <message>
        <source>Anti-RNA polymerase III</source>
        <translation>Anti-RNA-polymerase III</translation>
    </message>
    <message>
        <source>PAH and/or ILD (at most {cap})</source>
        <translation>PAH en/of ILD (maximaal {cap})</translation>
    </message>
    <message>
        <source>SSc-related autoantibodies (at most {cap})</source>
        <translation>SSc-gerelateerde autoantistoffen (maximaal {cap})</translation>
    </message>
    <message>
        <source>{group} (at most {cap})</source>
        <translation>{group} (maximaal {cap})</translation>
    </message>
    <message>
        <source>Finger skin thickening (count the higher only)</source>
        <translation>Huidverdikking vingers (alleen de hoogste telt)</translation>
    </message>
    <message>
        <source>Fingertip lesions (count the higher only)</source>
        <translation>Vingertoplaesies (alleen de hoogste telt)</translation>
    </message>
    <message>
        <source>{group} (count the higher only)</source>
        <translation>{group} (alleen de hoogste telt)</translation>
    </message>
    <message>
        <source>Sufficient on its own: classifies as SSc.</source>
        <translation>Op zichzelf voldoende: classificeert als SSc.</translation>
    </message>
    <message>
        <source>Capillaroscopy at screening</source>
        <translation>Capillaroscopie bij screening</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Niet vastgelegd</translation>
    </message>
    <message>
        <source>Ticked because the capillaroscopy at screening shows an SSc pattern.</source>
        <translation>Aangevinkt omdat de capillaroscopie bij screening een SSc-patroon toont.</translation>
    </message>
    <message>
        <source>{title}: counts {n}</source>
        <translation>{title}: telt {n}</translation>
    </message>
    <message>
        <source>{total} / {maximum}</source>
        <translation>{total} / {maximum}</translation>
    </message>
    <message>
        <source>Criteria do not apply</source>
        <translation>Criteria niet van toepassing</translation>
    </message>
    <message>
        <source>Classified as SSc</source>
        <translation>Geclassificeerd als SSc</translation>
    </message>
    <message>
        <source>Not classified</source>
        <translation>Niet geclassificeerd</translation>
    </message>
</context>
<context>
    <name>AdverseEventDialog</name>
    <message>
        <source>Recorded at visit</source>
        <translation>Vastgelegd bij bezoek</translation>
    </message>
    <message>
        <source>Serious adverse event (SAE)</source>
        <translation>Ernstig ongewenst voorval (SAE)</translation>
    </message>
    <message>
        <source>Tick every criterion that applies; any one makes the event serious.</source>
        <translation>Vink elk criterium aan dat van toepassing is; één is genoeg voor een SAE.</translation>
    </message>
    <message>
        <source>The sponsor must have an SAE report within {hours} hours of the site becoming aware of the event.</source>
        <translation>De sponsor moet een SAE binnen {hours} uur nadat het centrum ervan op de hoogte raakte gemeld krijgen.</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Geschiedenis…</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>Ongeldig verklaren…</translation>
    </message>
    <message>
        <source>Adverse event</source>
        <translation>Ongewenst voorval</translation>
    </message>
    <message>
        <source>Seriousness (ICH E2A)</source>
        <translation>Ernst (ICH E2A)</translation>
    </message>
    <message>
        <source>SAE reporting to the sponsor</source>
        <translation>SAE-melding aan de sponsor</translation>
    </message>
    <message>
        <source>Report by</source>
        <translation>Melden vóór</translation>
    </message>
    <message>
        <source>No visit recorded as done yet</source>
        <translation>Nog geen bezoek als uitgevoerd vastgelegd</translation>
    </message>
    <message>
        <source>{subject} · New adverse event</source>
        <translation>{subject} · Nieuw ongewenst voorval</translation>
    </message>
    <message>
        <source>{subject} · {ae} · {term}</source>
        <translation>{subject} · {ae} · {term}</translation>
    </message>
    <message>
        <source>This adverse event is void: {reason}</source>
        <translation>Dit ongewenste voorval is ongeldig: {reason}</translation>
    </message>
    <message>
        <source>Discard the changes to this adverse event?</source>
        <translation>De wijzigingen aan dit ongewenste voorval weggooien?</translation>
    </message>
    <message>
        <source>Enter when the site became aware of the SAE.</source>
        <translation>Vul in wanneer het centrum van de SAE op de hoogte raakte.</translation>
    </message>
    <message>
        <source>Not reported yet: {countdown}.</source>
        <translation>Nog niet gemeld: {countdown}.</translation>
    </message>
    <message>
        <source>Not reported yet: {countdown}. Report it to the sponsor now.</source>
        <translation>Nog niet gemeld: {countdown}. Meld deze nu aan de sponsor.</translation>
    </message>
    <message>
        <source>Reported in time, {time} after the site became aware.</source>
        <translation>Op tijd gemeld, {time} nadat het centrum op de hoogte raakte.</translation>
    </message>
    <message>
        <source>Reported late, {time} after the deadline.</source>
        <translation>Te laat gemeld, {time} na de termijn.</translation>
    </message>
    <message>
        <source>Reported late, {time} after the deadline: give the reason.</source>
        <translation>Te laat gemeld, {time} na de termijn: geef de reden.</translation>
    </message>
</context>
<context>
    <name>AdverseEventLog</name>
    <message>
        <source>Adverse events</source>
        <translation>Ongewenste voorvallen</translation>
    </message>
    <message>
        <source>New adverse event…</source>
        <translation>Nieuw ongewenst voorval…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Openen…</translation>
    </message>
    <message>
        <source>No adverse events recorded.</source>
        <translation>Geen ongewenste voorvallen vastgelegd.</translation>
    </message>
    <message>
        <source>Adverse events: {n}, of which serious (SAE): {s}</source>
        <translation>Ongewenste voorvallen: {n}, waarvan ernstig (SAE): {s}</translation>
    </message>
</context>
<context>
    <name>AeHistoryDialog</name>
    <message>
        <source>History of the adverse event</source>
        <translation>Geschiedenis van het ongewenste voorval</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>Oude waarde</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Nieuwe waarde</translation>
    </message>
    <message>
        <source>AE number</source>
        <translation>AE-nummer</translation>
    </message>
    <message>
        <source>Visit record</source>
        <translation>Bezoekrecord</translation>
    </message>
    <message>
        <source>Recorded from lab result record</source>
        <translation>Vastgelegd vanuit labuitslagrecord</translation>
    </message>
    <message>
        <source>Version {n} · {when} · {user}</source>
        <translation>Versie {n} · {when} · {user}</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Reden: {reason}</translation>
    </message>
</context>
<context>
    <name>AeLogModel</name>
    <message>
        <source>AE</source>
        <translation>AE</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Voorval</translation>
    </message>
    <message>
        <source>Onset
end</source>
        <translation>Begin
einde</translation>
    </message>
    <message>
        <source>Intensity</source>
        <translation>Intensiteit</translation>
    </message>
    <message>
        <source>WHO</source>
        <translation>WHO</translation>
    </message>
    <message>
        <source>Related to
product / procedure</source>
        <translation>Relatie met
product / procedure</translation>
    </message>
    <message>
        <source>Serious:
SAE report</source>
        <translation>Ernstig:
SAE-melding</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>due</source>
        <translation>te melden</translation>
    </message>
    <message>
        <source>reported in time</source>
        <translation>op tijd gemeld</translation>
    </message>
    <message>
        <source>reported late</source>
        <translation>te laat gemeld</translation>
    </message>
    <message>
        <source>SAE</source>
        <translation>SAE</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>nog aanwezig</translation>
    </message>
    <message>
        <source>Void: {reason}</source>
        <translation>Ongeldig: {reason}</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>nog niet</translation>
    </message>
    <message>
        <source>Aware {aware} · report by {deadline} · reported {reported}</source>
        <translation>Bekend {aware} · melden vóór {deadline} · gemeld {reported}</translation>
    </message>
</context>
<context>
    <name>AnswerGrid</name>
    <message>
        <source>Read only: answers cannot be changed here.</source>
        <translation>Alleen lezen: antwoorden kunnen hier niet worden gewijzigd.</translation>
    </message>
    <message>
        <source>A tick box is never missing: Space ticks it.</source>
        <translation>Een aankruisvak ontbreekt nooit: spatie kruist het aan.</translation>
    </message>
    <message>
        <source>Missing because: 1 not answered · 2 illegible · 3 not applicable (Esc cancels)</source>
        <translation>Ontbreekt omdat: 1 niet ingevuld · 2 onleesbaar · 3 niet van toepassing (Esc annuleert)</translation>
    </message>
    <message>
        <source>A tick box takes 1 (yes) or 0 (no).</source>
        <translation>Een aankruisvak neemt 1 (ja) of 0 (nee).</translation>
    </message>
    <message>
        <source>{code} takes 1–{n}; {key} was not entered.</source>
        <translation>{code} neemt 1–{n}; {key} is niet ingevoerd.</translation>
    </message>
    <message>
        <source>{code} takes {range}; {key} was not entered.</source>
        <translation>{code} neemt {range}; {key} is niet ingevoerd.</translation>
    </message>
    <message>
        <source>Typing cancelled; the answer is unchanged.</source>
        <translation>Typen geannuleerd; het antwoord is niet gewijzigd.</translation>
    </message>
    <message>
        <source>At most {n} characters.</source>
        <translation>Hoogstens {n} tekens.</translation>
    </message>
    <message>
        <source>Enter or Tab accepts; Esc cancels.</source>
        <translation>Enter of Tab neemt over; Esc annuleert.</translation>
    </message>
    <message>
        <source>{code}: {range}. Enter or Tab accepts; Esc cancels.</source>
        <translation>{code}: {range}. Enter of Tab neemt over; Esc annuleert.</translation>
    </message>
    <message>
        <source>{code} takes {range}; {typed} is too low.</source>
        <translation>{code} neemt {range}; {typed} is te laag.</translation>
    </message>
    <message>
        <source>Not marked missing.</source>
        <translation>Niet als ontbrekend gemarkeerd.</translation>
    </message>
    <message>
        <source>Not marked missing: after &apos;.&apos; type 1, 2 or 3.</source>
        <translation>Niet als ontbrekend gemarkeerd: typ na &apos;.&apos; een 1, 2 of 3.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nee</translation>
    </message>
    <message>
        <source>Missing: {reason}	. {key}</source>
        <translation>Ontbreekt: {reason}	. {key}</translation>
    </message>
    <message>
        <source>Clear	Backspace</source>
        <translation>Wissen	Backspace</translation>
    </message>
</context>
<context>
    <name>AnswerModel</name>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Omschrijving</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwoord</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Missing: {reason}</source>
        <translation>Ontbreekt: {reason}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>Type a number ({range}), then Enter or Tab.</source>
        <translation>Typ een getal ({range}), dan Enter of Tab.</translation>
    </message>
    <message>
        <source>Space ticks or clears.</source>
        <translation>Spatie kruist aan of uit.</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>When</source>
        <translation>Tijdstip</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Patiënt</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>Oude waarde</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Nieuwe waarde</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Aangemaakt</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Gewijzigd</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Ongeldig</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>Ingelogd</translation>
    </message>
    <message>
        <source>Login failed</source>
        <translation>Inloggen mislukt</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>Uitgelogd</translation>
    </message>
    <message>
        <source>Account locked</source>
        <translation>Geblokkeerd</translation>
    </message>
    <message>
        <source>Account created</source>
        <translation>Nieuw account</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>Rol gewijzigd</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>Subject number</source>
        <translation>Studienummer</translation>
    </message>
    <message>
        <source>Created (UTC)</source>
        <translation>Aangemaakt (UTC)</translation>
    </message>
    <message>
        <source>Patient record</source>
        <translation>Patiëntrecord</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Ongeldig</translation>
    </message>
    <message>
        <source>Reason for voiding</source>
        <translation>Reden ongeldigverklaring</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Volledige naam</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actief</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Geblokkeerd</translation>
    </message>
    <message>
        <source>Must change password</source>
        <translation>Moet wachtwoord wijzigen</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Instelling</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <source>Search all columns…</source>
        <translation>Zoeken in alle kolommen…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <source>Show all patients</source>
        <translation>Alle patiënten tonen</translation>
    </message>
    <message>
        <source>Record history</source>
        <translation>Recordgeschiedenis</translation>
    </message>
    <message>
        <source>Show every change of the record of the selected entry, and nothing else</source>
        <translation>Alle wijzigingen van het record van de geselecteerde regel tonen, en niets anders</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <source>Details of the selected entry</source>
        <translation>Details van de geselecteerde regel</translation>
    </message>
    <message>
        <source>Select an entry to see it in full.</source>
        <translation>Selecteer een regel om die volledig te zien.</translation>
    </message>
    <message>
        <source>Record {record}</source>
        <translation>Record {record}</translation>
    </message>
    <message>
        <source>Patient {subject}</source>
        <translation>Patiënt {subject}</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Alle acties</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>Alle gebruikers</translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 regel</translation>
    </message>
    <message>
        <source>{n} entries</source>
        <translation>{n} regels</translation>
    </message>
    <message>
        <source>{shown} of {total} entries</source>
        <translation>{shown} van {total} regels</translation>
    </message>
    <message>
        <source>(newest {limit} loaded)</source>
        <translation>(nieuwste {limit} geladen)</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
</context>
<context>
    <name>BiomarkerChart</name>
    <message>
        <source>day {day}</source>
        <translation>dag {day}</translation>
    </message>
</context>
<context>
    <name>BiomarkerDialog</name>
    <message>
        <source>Biomarkers</source>
        <translation>Biomarkers</translation>
    </message>
    <message>
        <source>Biomarker</source>
        <translation>Biomarker</translation>
    </message>
    <message>
        <source>Change from baseline</source>
        <translation>Verandering t.o.v. baseline</translation>
    </message>
    <message>
        <source>Enter each value with its unit as the laboratory reported it; leave a row empty when it was not measured. The change from baseline (the injection visit) is shown when the units match. Tab moves along a row, then down.</source>
        <translation>Voer elke waarde in met de eenheid zoals het laboratorium die rapporteerde; laat een rij leeg als die niet is bepaald. De verandering ten opzichte van baseline (het injectiebezoek) wordt getoond als de eenheden gelijk zijn. Tab gaat langs de rij, daarna naar beneden.</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>baseline</translation>
    </message>
    <message>
        <source>no baseline</source>
        <translation>geen baseline</translation>
    </message>
    <message>
        <source>Baseline: {value} {unit}</source>
        <translation>Baseline: {value} {unit}</translation>
    </message>
    <message>
        <source>other unit than baseline</source>
        <translation>andere eenheid dan baseline</translation>
    </message>
</context>
<context>
    <name>BiomarkerOverview</name>
    <message>
        <source>Change from baseline (the injection visit), absolute and in percent, when the units match. Charts: days since the injection; dashed line: baseline.</source>
        <translation>Verandering ten opzichte van baseline (het injectiebezoek), absoluut en in procenten, als de eenheden gelijk zijn. Grafieken: dagen sinds de injectie; stippellijn: baseline.</translation>
    </message>
    <message>
        <source>Biomarkers of {subject}</source>
        <translation>Biomarkers van {subject}</translation>
    </message>
    <message>
        <source>No biomarker results yet.</source>
        <translation>Nog geen biomarkeruitslagen.</translation>
    </message>
</context>
<context>
    <name>BiomarkerTableModel</name>
    <message>
        <source>baseline</source>
        <translation>baseline</translation>
    </message>
    <message>
        <source>Sample date: {date}</source>
        <translation>Afnamedatum: {date}</translation>
    </message>
    <message>
        <source>Assay: {assay}</source>
        <translation>Assay: {assay}</translation>
    </message>
    <message>
        <source>Baseline: {value} {unit}</source>
        <translation>Baseline: {value} {unit}</translation>
    </message>
</context>
<context>
    <name>CapillaroscopyForm</name>
    <message>
        <source>n.ans.</source>
        <translation>n.i.</translation>
    </message>
    <message>
        <source>illeg.</source>
        <translation>onl.</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n.v.t.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nee</translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation>{low} tot {high}</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Read only: your role may view but not change data.</source>
        <translation>Alleen lezen: uw rol mag gegevens inzien maar niet wijzigen.</translation>
    </message>
    <message>
        <source>Keys: 0–3 scores the cell and moves on · numbers: type, then Enter · missing: . then 1 {not_answered} ({mark1}), 2 {illegible} ({mark2}), 3 {not_applicable} ({mark3}) · Del clears · x: finger not assessable · arrows move, Tab leaves the grid.</source>
        <translation>Toetsen: 0–3 scoort de cel en gaat door · getallen: typen, dan Enter · ontbrekend: . dan 1 {not_answered} ({mark1}), 2 {illegible} ({mark2}), 3 {not_applicable} ({mark3}) · Del wist · x: vinger niet beoordeelbaar · pijltjes verplaatsen, Tab verlaat het raster.</translation>
    </message>
    <message>
        <source>{done} of {total} cells filled · fingers not assessable: {excluded}</source>
        <translation>{done} van {total} cellen ingevuld · vingers niet beoordeelbaar: {excluded}</translation>
    </message>
    <message>
        <source>Missing because: 1 {not_answered} · 2 {illegible} · 3 {not_applicable} (any other key cancels)</source>
        <translation>Ontbreekt omdat: 1 {not_answered} · 2 {illegible} · 3 {not_applicable} (een andere toets annuleert)</translation>
    </message>
    <message>
        <source>Type the answer, or . then 1, 2 or 3 to record why it is missing.</source>
        <translation>Typ het antwoord, of . dan 1, 2 of 3 om vast te leggen waarom het ontbreekt.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>sscvisit: change password</source>
        <translation>sscvisit: wachtwoord wijzigen</translation>
    </message>
    <message>
        <source>{name}, your password was set by an administrator. Choose a new password that only you know before you continue.</source>
        <translation>{name}, uw wachtwoord is ingesteld door een beheerder. Kies een nieuw wachtwoord dat alleen u kent voordat u verdergaat.</translation>
    </message>
    <message>
        <source>Change the password of {name} ({username}).</source>
        <translation>Wijzig het wachtwoord van {name} ({username}).</translation>
    </message>
    <message>
        <source>&amp;Temporary password</source>
        <translation>&amp;Tijdelijk wachtwoord</translation>
    </message>
    <message>
        <source>&amp;Current password</source>
        <translation>&amp;Huidig wachtwoord</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>&amp;Nieuw wachtwoord</translation>
    </message>
    <message>
        <source>&amp;Repeat new password</source>
        <translation>Nieuw wachtwoord he&amp;rhalen</translation>
    </message>
    <message>
        <source>Passwords have at least {n} characters.</source>
        <translation>Wachtwoorden hebben minstens {n} tekens.</translation>
    </message>
    <message>
        <source>&amp;Change password</source>
        <translation>Wachtwoord &amp;wijzigen</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>&amp;Uitloggen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>ChangeRoleDialog</name>
    <message>
        <source>Change role</source>
        <translation>Rol wijzigen</translation>
    </message>
    <message>
        <source>Change the role of {user}.</source>
        <translation>Wijzig de rol van {user}.</translation>
    </message>
    <message>
        <source>Why the role changes</source>
        <translation>Waarom de rol wijzigt</translation>
    </message>
    <message>
        <source>New role</source>
        <translation>Nieuwe rol</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
</context>
<context>
    <name>ConfirmDecisionDialog</name>
    <message>
        <source>Confirm the eligibility decision</source>
        <translation>Besluit over geschiktheid bevestigen</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Patiënt</translation>
    </message>
    <message>
        <source>Failing criteria</source>
        <translation>Afgewezen op</translation>
    </message>
    <message>
        <source>Meaning of this signature: I confirm this eligibility decision.</source>
        <translation>Betekenis van deze handtekening: ik bevestig dit besluit over de geschiktheid.</translation>
    </message>
    <message>
        <source>The investigator enters their own user name and password. The decision, your name and the time are recorded in the audit trail; the screening can no longer be changed afterwards.</source>
        <translation>De onderzoeker voert de eigen gebruikersnaam en het eigen wachtwoord in. Het besluit, uw naam en het tijdstip worden vastgelegd in de audittrail; daarna kan de screening niet meer worden gewijzigd.</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Gebruikersnaam</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Wachtwoord</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bevestigen</translation>
    </message>
</context>
<context>
    <name>ConmedDialog</name>
    <message>
        <source>New medication</source>
        <translation>Nieuwe comedicatie</translation>
    </message>
    <message>
        <source>Medication: {drug}</source>
        <translation>Comedicatie: {drug}</translation>
    </message>
    <message>
        <source>This entry is void: {reason}</source>
        <translation>Deze invoer is ongeldig: {reason}</translation>
    </message>
    <message>
        <source>Tick “IV prostacyclin course” for iloprost or epoprostenol given intravenously: the screening offers those courses.</source>
        <translation>Vink “Iv-prostacyclinekuur” aan voor intraveneus gegeven iloprost of epoprostenol: de screening biedt die kuren aan.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>Ongeldig verklaren…</translation>
    </message>
    <message>
        <source>The medication has unsaved changes. Discard them?</source>
        <translation>De comedicatie heeft niet-opgeslagen wijzigingen. Wilt u die weggooien?</translation>
    </message>
    <message>
        <source>Void {drug}</source>
        <translation>{drug} ongeldig verklaren</translation>
    </message>
    <message>
        <source>Voiding keeps the entry and its audit trail but marks it as not valid. Why is it being voided?</source>
        <translation>Ongeldig verklaren bewaart de invoer en de audittrail, maar markeert de invoer als niet geldig. Waarom wordt deze ongeldig verklaard?</translation>
    </message>
    <message>
        <source>Entered in error</source>
        <translation>Per vergissing ingevoerd</translation>
    </message>
    <message>
        <source>Duplicate entry</source>
        <translation>Dubbel ingevoerd</translation>
    </message>
    <message>
        <source>Entered for the wrong patient</source>
        <translation>Bij de verkeerde patiënt ingevoerd</translation>
    </message>
</context>
<context>
    <name>ConmedListDialog</name>
    <message>
        <source>Concomitant medication</source>
        <translation>Comedicatie</translation>
    </message>
    <message>
        <source>Medication reviewed</source>
        <translation>Comedicatie gecontroleerd</translation>
    </message>
</context>
<context>
    <name>ConmedLog</name>
    <message>
        <source>New…</source>
        <translation>Nieuw…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Openen…</translation>
    </message>
    <message>
        <source>Medication of {subject}: {count} recorded, {ongoing} still in use</source>
        <translation>Comedicatie van {subject}: {count} vastgelegd, {ongoing} nog in gebruik</translation>
    </message>
</context>
<context>
    <name>ConmedTableModel</name>
    <message>
        <source>Void: {reason}</source>
        <translation>Ongeldig: {reason}</translation>
    </message>
    <message>
        <source>IV prostacyclin course (offered to the screening)</source>
        <translation>Iv-prostacyclinekuur (aangeboden bij de screening)</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>gebruikt nog</translation>
    </message>
    <message>
        <source>{drug} (IV prostacyclin)</source>
        <translation>{drug} (iv-prostacycline)</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>sscvisit: unexpected error</source>
        <translation>sscvisit: onverwachte fout</translation>
    </message>
    <message>
        <source>Something went wrong that sscvisit did not expect. Data that was already saved is safe. If the problem comes back, send the details below to the study&apos;s support contact.</source>
        <translation>Er ging iets mis wat sscvisit niet verwachtte. Gegevens die al waren opgeslagen, zijn veilig. Komt het probleem terug, stuur dan de details hieronder naar de supportcontactpersoon van de studie.</translation>
    </message>
    <message>
        <source>(no log file)</source>
        <translation>(geen logbestand)</translation>
    </message>
    <message>
        <source>Log file: {path}</source>
        <translation>Logbestand: {path}</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Details kopiëren</translation>
    </message>
</context>
<context>
    <name>DeactivateDialog</name>
    <message>
        <source>Deactivate account</source>
        <translation>Account deactiveren</translation>
    </message>
    <message>
        <source>Deactivate {user}? The account can no longer log in. It stays in the audit trail, and its user name cannot be used again.</source>
        <translation>{user} deactiveren? Het account kan dan niet meer inloggen. Het blijft in de audittrail staan en de gebruikersnaam kan niet opnieuw worden gebruikt.</translation>
    </message>
    <message>
        <source>Why the account is deactivated</source>
        <translation>Waarom het account wordt gedeactiveerd</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deactiveren</translation>
    </message>
</context>
<context>
    <name>DueVisitModel</name>
    <message>
        <source>Subject</source>
        <translation>Patiënt</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Bezoek</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Streefdatum</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Venster</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Dagen over</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>Dagen achterstallig</translation>
    </message>
    <message>
        <source>last day</source>
        <translation>laatste dag</translation>
    </message>
</context>
<context>
    <name>EndpointPatientModel</name>
    <message>
        <source>Subject</source>
        <translation>Patiënt</translation>
    </message>
    <message>
        <source>Injection</source>
        <translation>Injectie</translation>
    </message>
    <message>
        <source>Window end</source>
        <translation>Einde venster</translation>
    </message>
    <message>
        <source>Follow-up complete</source>
        <translation>Follow-up compleet</translation>
    </message>
    <message>
        <source>SAEs in window</source>
        <translation>SAE&apos;s in venster</translation>
    </message>
    <message>
        <source>AEs in window</source>
        <translation>AE&apos;s in venster</translation>
    </message>
    <message>
        <source>Grade {grade}</source>
        <translation>Graad {grade}</translation>
    </message>
    <message>
        <source>Outside window</source>
        <translation>Buiten venster</translation>
    </message>
    <message>
        <source>Injection + week 12 + its window after; an SAE on this day still counts</source>
        <translation>Injectie + week 12 + het venster erna; een SAE op deze dag telt nog mee</translation>
    </message>
    <message>
        <source>The window has closed, or the week-12 visit is recorded</source>
        <translation>Het venster is gesloten, of het bezoek van week 12 is vastgelegd</translation>
    </message>
    <message>
        <source>The primary end point: SAEs with an onset from day 0 to the window end</source>
        <translation>Het primaire eindpunt: ernstige ongewenste voorvallen (SAE&apos;s) met een begindatum van dag 0 tot en met het einde van het venster</translation>
    </message>
    <message>
        <source>Adverse events with an onset in the window, serious or not</source>
        <translation>Ongewenste voorvallen met een begindatum in het venster, ernstig of niet</translation>
    </message>
    <message>
        <source>Adverse events with an onset before the injection or after the window</source>
        <translation>Ongewenste voorvallen met een begindatum vóór de injectie of na het venster</translation>
    </message>
    <message>
        <source>Adverse events in the window of WHO grade {grade}</source>
        <translation>Ongewenste voorvallen in het venster met WHO-graad {grade}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>Total ({n})</source>
        <translation>Totaal ({n})</translation>
    </message>
</context>
<context>
    <name>EndpointView</name>
    <message>
        <source>Primary end point: SAEs up to week 12</source>
        <translation>Primair eindpunt: SAE&apos;s tot week 12</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Af&amp;drukken…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Opslaan als &amp;PDF…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exporteren als &amp;CSV…</translation>
    </message>
    <message>
        <source>Per patient</source>
        <translation>Per patiënt</translation>
    </message>
    <message>
        <source>AEs in the window by WHO grade and relation to the MSC product</source>
        <translation>Ongewenste voorvallen in het venster naar WHO-graad en relatie met het MSC-product</translation>
    </message>
    <message>
        <source>AEs in the window by WHO grade and relation to the injection procedure</source>
        <translation>Ongewenste voorvallen in het venster naar WHO-graad en relatie met de injectieprocedure</translation>
    </message>
    <message>
        <source>SAEs in the window</source>
        <translation>Ernstige ongewenste voorvallen (SAE&apos;s) in het venster</translation>
    </message>
    <message>
        <source>No patient has been injected yet.</source>
        <translation>Er is nog geen patiënt geïnjecteerd.</translation>
    </message>
    <message>
        <source>Double-click a patient, or select them and press Enter, to open the patient.</source>
        <translation>Dubbelklik op een patiënt, of selecteer de patiënt en druk op Enter, om de patiënt te openen.</translation>
    </message>
    <message>
        <source>Primary end point</source>
        <translation>Primair eindpunt</translation>
    </message>
    <message>
        <source>The PDF could not be written to {path}.</source>
        <translation>De PDF kon niet worden opgeslagen in {path}.</translation>
    </message>
    <message>
        <source>Saved the end point to {path}.</source>
        <translation>Het eindpunt is opgeslagen in {path}.</translation>
    </message>
    <message>
        <source>The CSV could not be written to {path}: {error}</source>
        <translation>Het CSV-bestand kon niet worden opgeslagen in {path}: {error}</translation>
    </message>
    <message>
        <source>Exported the end point to {path}.</source>
        <translation>Het eindpunt is geëxporteerd naar {path}.</translation>
    </message>
    <message>
        <source>Print the end point</source>
        <translation>Het eindpunt afdrukken</translation>
    </message>
    <message>
        <source>Save the end point as PDF</source>
        <translation>Het eindpunt opslaan als PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-documenten (*.pdf)</translation>
    </message>
    <message>
        <source>Export the end point as CSV</source>
        <translation>Het eindpunt exporteren als CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <source>Protocol {protocol}. Window: the injection (day 0) to day {last} (week 12 at day {day} + {after} days), both inclusive; AEs count by onset date, voided AEs never. Follow-up as of {today}.</source>
        <translation>Protocol {protocol}. Venster: de injectie (dag 0) tot en met dag {last} (week 12 op dag {day} + {after} dagen); ongewenste voorvallen tellen op hun begindatum, ongeldig verklaarde nooit. Follow-up per {today}.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{saes}&lt;/b&gt; SAEs in the window (primary end point) in &lt;b&gt;{with_sae}&lt;/b&gt; of {injected} injected patients; follow-up complete for {complete}; {aes} AEs in the window, {outside} outside it.</source>
        <translation>&lt;b&gt;{saes}&lt;/b&gt; SAE&apos;s in het venster (primair eindpunt) bij &lt;b&gt;{with_sae}&lt;/b&gt; van {injected} geïnjecteerde patiënten; follow-up compleet bij {complete}; {aes} ongewenste voorvallen in het venster, {outside} erbuiten.</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Enrol {subject}</source>
        <translation>{subject} includeren</translation>
    </message>
    <message>
        <source>Screened on {screening}: the injection (day 0) can be planned from {first} to {last}, and not before the enrolment date.</source>
        <translation>Gescreend op {screening}: de injectie (dag 0) kan worden gepland van {first} tot en met {last}, en niet vóór de inclusiedatum.</translation>
    </message>
    <message>
        <source>The injection must be planned within the screening window.</source>
        <translation>De injectie moet binnen het screeningsvenster worden gepland.</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>Includeren</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The study database was not found at {location}. Check the database location in the settings, or ask the study administrator where the study database is kept.</source>
        <translation>De studiedatabase is niet gevonden op {location}. Controleer de databaselocatie in de instellingen, of vraag de studiebeheerder waar de studiedatabase staat.</translation>
    </message>
    <message>
        <source>The study database at {location} can only be read, not changed. Ask IT for write access to the file and to its folder.</source>
        <translation>De studiedatabase op {location} kan alleen worden gelezen, niet gewijzigd. Vraag ICT om schrijfrechten op het bestand en op de map.</translation>
    </message>
    <message>
        <source>The study database at {location} is in use by another program and stayed locked. Close other copies of sscvisit on this computer and start again.</source>
        <translation>De studiedatabase op {location} is in gebruik door een ander programma en bleef vergrendeld. Sluit andere vensters van sscvisit op deze computer en start opnieuw.</translation>
    </message>
    <message>
        <source>The file at {location} is damaged or is not a study database. Nothing was changed. Ask the study administrator to restore the latest backup.</source>
        <translation>Het bestand op {location} is beschadigd of is geen studiedatabase. Er is niets gewijzigd. Vraag de studiebeheerder de laatste back-up terug te zetten.</translation>
    </message>
    <message>
        <source>The study database at {location} was made by a newer version of sscvisit. Install that version; this one does not change a newer database.</source>
        <translation>De studiedatabase op {location} is gemaakt door een nieuwere versie van sscvisit. Installeer die versie; deze versie wijzigt geen nieuwere database.</translation>
    </message>
    <message>
        <source>The study database server at {location} could not be reached. Check the network connection and the database location, then start again.</source>
        <translation>De databaseserver van de studie op {location} is niet bereikbaar. Controleer de netwerkverbinding en de databaselocatie en start daarna opnieuw.</translation>
    </message>
    <message>
        <source>The study database at {location} could not be opened.</source>
        <translation>De studiedatabase op {location} kon niet worden geopend.</translation>
    </message>
    <message>
        <source>The study database cannot be opened</source>
        <translation>De studiedatabase kan niet worden geopend</translation>
    </message>
</context>
<context>
    <name>FieldForm</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nee</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-DD</translation>
    </message>
    <message>
        <source>YYYY-MM-DD HH:MM</source>
        <translation>JJJJ-MM-DD UU:MM</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>sscvisit: first administrator</source>
        <translation>sscvisit: eerste beheerder</translation>
    </message>
    <message>
        <source>This study database has no users yet. Create the first administrator: this account creates the accounts of the study team and does not enter data.</source>
        <translation>Deze studiedatabase heeft nog geen gebruikers. Maak de eerste beheerder aan: dit account maakt de accounts van het studieteam aan en voert geen gegevens in.</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Gebruikersnaam</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>&amp;Volledige naam</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Wachtwoord</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>Wachtwoord &amp;herhalen</translation>
    </message>
    <message>
        <source>Passwords have at least {n} characters.</source>
        <translation>Wachtwoorden hebben minstens {n} tekens.</translation>
    </message>
    <message>
        <source>&amp;Create administrator</source>
        <translation>&amp;Beheerder aanmaken</translation>
    </message>
</context>
<context>
    <name>GradeRelationModel</name>
    <message>
        <source>WHO grade</source>
        <translation>WHO-graad</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totaal</translation>
    </message>
</context>
<context>
    <name>HandMap</name>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Volar</source>
        <translation>Volair</translation>
    </message>
    <message>
        <source>Dorsal</source>
        <translation>Dorsaal</translation>
    </message>
    <message>
        <source>Left hand</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right hand</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Volar (palms towards you)</source>
        <translation>Volair (handpalm naar u)</translation>
    </message>
    <message>
        <source>Dorsal (backs towards you)</source>
        <translation>Dorsaal (handrug naar u)</translation>
    </message>
    <message>
        <source>D1</source>
        <translation>D1</translation>
    </message>
    <message>
        <source>D2</source>
        <translation>D2</translation>
    </message>
    <message>
        <source>D3</source>
        <translation>D3</translation>
    </message>
    <message>
        <source>D4</source>
        <translation>D4</translation>
    </message>
    <message>
        <source>D5</source>
        <translation>D5</translation>
    </message>
    <message>
        <source>fingertip</source>
        <translation>vingertop</translation>
    </message>
    <message>
        <source>other volar</source>
        <translation>overig volair</translation>
    </message>
    <message>
        <source>dorsal over DIP</source>
        <translation>dorsaal over DIP</translation>
    </message>
    <message>
        <source>dorsal over PIP</source>
        <translation>dorsaal over PIP</translation>
    </message>
    <message>
        <source>dorsal over MCP</source>
        <translation>dorsaal over MCP</translation>
    </message>
    <message>
        <source>other</source>
        <translation>overig</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actief</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nieuw</translation>
    </message>
    <message>
        <source>healed</source>
        <translation>genezen</translation>
    </message>
    <message>
        <source>{hand} {finger}, {site}</source>
        <translation>{hand} {finger}, {site}</translation>
    </message>
    <message>
        <source>#{number} {location} ({status})</source>
        <translation>#{number} {location} ({status})</translation>
    </message>
    <message>
        <source>Size {length} × {width} mm, area {area} mm²</source>
        <translation>Grootte {length} × {width} mm, oppervlakte {area} mm²</translation>
    </message>
    <message>
        <source>Size not measured yet</source>
        <translation>Grootte nog niet gemeten</translation>
    </message>
    <message>
        <source>superficial</source>
        <translation>oppervlakkig</translation>
    </message>
    <message>
        <source>deep</source>
        <translation>diep</translation>
    </message>
    <message>
        <source>Depth: {depth}</source>
        <translation>Diepte: {depth}</translation>
    </message>
    <message>
        <source>Pain VAS {vas} mm</source>
        <translation>Pijn-VAS {vas} mm</translation>
    </message>
    <message>
        <source>infected</source>
        <translation>geïnfecteerd</translation>
    </message>
    <message>
        <source>on calcinosis</source>
        <translation>op calcinose</translation>
    </message>
    <message>
        <source>on a pitting scar</source>
        <translation>op putjesvormig litteken</translation>
    </message>
    <message>
        <source>gangrene</source>
        <translation>gangreen</translation>
    </message>
    <message>
        <source>Recurrence of a healed ulcer</source>
        <translation>Recidief van een genezen ulcus</translation>
    </message>
</context>
<context>
    <name>HandMapWidget</name>
    <message>
        <source>Volar and dorsal</source>
        <translation>Volair en dorsaal</translation>
    </message>
    <message>
        <source>Volar only</source>
        <translation>Volair</translation>
    </message>
    <message>
        <source>Dorsal only</source>
        <translation>Dorsaal</translation>
    </message>
</context>
<context>
    <name>IncompleteVisitModel</name>
    <message>
        <source>Subject</source>
        <translation>Patiënt</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Bezoek</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Ontbreekt</translation>
    </message>
</context>
<context>
    <name>InjectionDialog</name>
    <message>
        <source>{subject} · {visit} · injection</source>
        <translation>{subject} · {visit} · injectie</translation>
    </message>
    <message>
        <source>Injection</source>
        <translation>Injectie</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Immediate reactions</source>
        <translation>Directe reacties</translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation>Reactie</translation>
    </message>
    <message>
        <source>e.g. flushing, pain at the injection site</source>
        <translation>bijv. flushing, pijn op de injectieplaats</translation>
    </message>
    <message>
        <source>Record as adverse event…</source>
        <translation>Vastleggen als ongewenst voorval…</translation>
    </message>
    <message>
        <source>Each reaction is recorded as an adverse event starting on the injection date; the adverse event form opens with the term filled in.</source>
        <translation>Elke reactie wordt vastgelegd als ongewenst voorval dat begint op de injectiedatum; het formulier voor het ongewenste voorval opent met de term al ingevuld.</translation>
    </message>
    <message>
        <source>The injection visit has unsaved changes. Close and discard them?</source>
        <translation>Het injectiebezoek heeft niet-opgeslagen wijzigingen. Sluiten en de wijzigingen verwerpen?</translation>
    </message>
    <message>
        <source>AE {number}: {term} (SAE)</source>
        <translation>Ongewenst voorval {number}: {term} (SAE)</translation>
    </message>
    <message>
        <source>AE {number}: {term}</source>
        <translation>Ongewenst voorval {number}: {term}</translation>
    </message>
    <message>
        <source>No immediate reaction recorded.</source>
        <translation>Geen directe reactie vastgelegd.</translation>
    </message>
</context>
<context>
    <name>LabDialog</name>
    <message>
        <source>Lab results</source>
        <translation>Labuitslagen</translation>
    </message>
    <message>
        <source>Analyte</source>
        <translation>Bepaling</translation>
    </message>
    <message>
        <source>WHO grade</source>
        <translation>WHO-graad</translation>
    </message>
    <message>
        <source>Enter the values, units and reference range as the lab reported them. The WHO grade is computed as you type (units converted; liver and kidney values as a multiple of the upper limit of normal). Tab moves along a row, then down.</source>
        <translation>Voer waarden, eenheden en referentiewaarden in zoals het lab ze rapporteerde. De WHO-graad wordt tijdens het typen berekend (eenheden omgerekend; lever- en nierwaarden als veelvoud van de bovengrens van normaal). Tab gaat langs de rij, daarna naar beneden.</translation>
    </message>
    <message>
        <source>{ratio} × ULN</source>
        <translation>{ratio} × bovengrens</translation>
    </message>
    <message>
        <source>grade {grade}</source>
        <translation>graad {grade}</translation>
    </message>
    <message>
        <source>Suggests an adverse event: record it from the lab overview.</source>
        <translation>Wijst op een ongewenst voorval: leg het vast vanuit het laboverzicht.</translation>
    </message>
</context>
<context>
    <name>LabOverview</name>
    <message>
        <source>Shaded: WHO grade 3 or 4. ⚠ suggests an adverse event (after the injection visit: grade 3 or more, or two grades above baseline). Point at a value for its reference range and baseline.</source>
        <translation>Gekleurd: WHO-graad 3 of 4. ⚠ wijst op een ongewenst voorval (na het injectiebezoek: graad 3 of hoger, of twee graden boven baseline). Wijs een waarde aan voor de referentiewaarden en baseline.</translation>
    </message>
    <message>
        <source>Results that suggest an adverse event</source>
        <translation>Uitslagen die wijzen op een ongewenst voorval</translation>
    </message>
    <message>
        <source>Lab results of {subject}</source>
        <translation>Labuitslagen van {subject}</translation>
    </message>
    <message>
        <source>No lab results yet.</source>
        <translation>Nog geen labuitslagen.</translation>
    </message>
    <message>
        <source>{visit}, {date}: {term} — {value}</source>
        <translation>{visit}, {date}: {term} — {value}</translation>
    </message>
    <message>
        <source>Recorded as AE {number}: {term}</source>
        <translation>Vastgelegd als ongewenst voorval {number}: {term}</translation>
    </message>
    <message>
        <source>Record adverse event…</source>
        <translation>Ongewenst voorval vastleggen…</translation>
    </message>
</context>
<context>
    <name>LabTableModel</name>
    <message>
        <source>grade {grade}</source>
        <translation>graad {grade}</translation>
    </message>
    <message>
        <source>Sample date: {date}</source>
        <translation>Afnamedatum: {date}</translation>
    </message>
    <message>
        <source>Reference range: {low}–{high}</source>
        <translation>Referentiewaarden: {low}–{high}</translation>
    </message>
    <message>
        <source>{ratio} × upper limit of normal</source>
        <translation>{ratio} × bovengrens van normaal</translation>
    </message>
    <message>
        <source>Baseline (injection visit)</source>
        <translation>Baseline (injectiebezoek)</translation>
    </message>
    <message>
        <source>Baseline grade: {grade}</source>
        <translation>Graad bij baseline: {grade}</translation>
    </message>
    <message>
        <source>Suggests an adverse event.</source>
        <translation>Wijst op een ongewenst voorval.</translation>
    </message>
    <message>
        <source>Recorded as AE {number}: {term}</source>
        <translation>Vastgelegd als ongewenst voorval {number}: {term}</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>sscvisit is locked</source>
        <translation>sscvisit is vergrendeld</translation>
    </message>
    <message>
        <source>The workstation is locked</source>
        <translation>De werkplek is vergrendeld</translation>
    </message>
    <message>
        <source>sscvisit is locked, so that no one else can read the data. {name} ({username}): enter your password to continue.</source>
        <translation>sscvisit is vergrendeld, zodat niemand anders de gegevens kan lezen. {name} ({username}): voer uw wachtwoord in om verder te gaan.</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Wachtwoord</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Ontgrendelen</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>&amp;Uitloggen</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>sscvisit: log in</source>
        <translation>sscvisit: inloggen</translation>
    </message>
    <message>
        <source>sscvisit</source>
        <translation>sscvisit</translation>
    </message>
    <message>
        <source>Stem cells for digital ulcers in systemic sclerosis</source>
        <translation>Stamcellen voor digitale ulcera bij systemische sclerose</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Gebruikersnaam</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Wachtwoord</translation>
    </message>
    <message>
        <source>Opening the study database…</source>
        <translation>De studiedatabase wordt geopend…</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>&amp;Inloggen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>Study database: {location}</source>
        <translation>Studiedatabase: {location}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>sscvisit: {name}</source>
        <translation>sscvisit: {name}</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigatie</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Deze week</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Patiënten</translation>
    </message>
    <message>
        <source>Ulcers (study)</source>
        <translation>Ulcera (studie)</translation>
    </message>
    <message>
        <source>SAE reporting</source>
        <translation>SAE-meldingen</translation>
    </message>
    <message>
        <source>Safety end point</source>
        <translation>Veiligheidseindpunt</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Veiligheid</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Audittrail</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Beheer</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Instellingen…</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>Nu &amp;vergrendelen</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>&amp;Uitloggen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About sscvisit</source>
        <translation>&amp;Over sscvisit</translation>
    </message>
    <message>
        <source>Database: {location}</source>
        <translation>Database: {location}</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;sscvisit {version}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Visits, ulcer maps and scores for the trial of mesenchymal stem cells for digital ulcers in systemic sclerosis.&lt;/p&gt;&lt;p&gt;Study database: {location}&lt;br&gt;Database system: {backend}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;sscvisit {version}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Bezoeken, ulcuskaarten en scores voor de studie met mesenchymale stamcellen bij digitale ulcera door systemische sclerose.&lt;/p&gt;&lt;p&gt;Studiedatabase: {location}&lt;br&gt;Databasesysteem: {backend}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About sscvisit</source>
        <translation>Over sscvisit</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Wrong user name or password. One attempt left before the account locks.</source>
        <translation>Onjuiste gebruikersnaam of wachtwoord. Nog één poging voordat het account wordt geblokkeerd.</translation>
    </message>
    <message>
        <source>Wrong user name or password. {n} attempts left before the account locks.</source>
        <translation>Onjuiste gebruikersnaam of wachtwoord. Nog {n} pogingen voordat het account wordt geblokkeerd.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Onjuiste gebruikersnaam of wachtwoord.</translation>
    </message>
    <message>
        <source>This account is locked after too many failed logins. Ask an administrator to reset it.</source>
        <translation>Dit account is geblokkeerd na te veel mislukte inlogpogingen. Vraag een beheerder het te resetten.</translation>
    </message>
    <message>
        <source>This account has been deactivated.</source>
        <translation>Dit account is gedeactiveerd.</translation>
    </message>
    <message>
        <source>The password must have at least {minimum} characters.</source>
        <translation>Het wachtwoord moet minstens {minimum} tekens hebben.</translation>
    </message>
    <message>
        <source>The new password must differ from the old one.</source>
        <translation>Het nieuwe wachtwoord moet verschillen van het oude.</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>De twee wachtwoorden komen niet overeen.</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>Uw rol staat dit niet toe.</translation>
    </message>
    <message>
        <source>Changing a saved value needs a reason for the change.</source>
        <translation>Voor het wijzigen van een opgeslagen waarde is een reden van wijziging nodig.</translation>
    </message>
    <message>
        <source>Someone else saved this record at the same time. Your changes were not saved; reload and enter them again.</source>
        <translation>Iemand anders heeft dit record tegelijkertijd opgeslagen. Uw wijzigingen zijn niet opgeslagen; laad het record opnieuw en voer ze opnieuw in.</translation>
    </message>
    <message>
        <source>The record no longer exists.</source>
        <translation>Het record bestaat niet meer.</translation>
    </message>
    <message>
        <source>The user name {username} is taken (names are never reused).</source>
        <translation>De gebruikersnaam {username} is al in gebruik (namen worden nooit hergebruikt).</translation>
    </message>
    <message>
        <source>User names are 2-32 characters: lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter; the full name is required.</source>
        <translation>Gebruikersnamen hebben 2-32 tekens: kleine letters, cijfers, &apos;.&apos;, &apos;_&apos; of &apos;-&apos;, beginnend met een letter; de volledige naam is verplicht.</translation>
    </message>
    <message>
        <source>The study must keep at least one active administrator.</source>
        <translation>De studie moet minstens één actieve beheerder houden.</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account.</source>
        <translation>U kunt uw eigen account niet deactiveren.</translation>
    </message>
    <message>
        <source>Recorded data is never deleted; void it with a reason instead.</source>
        <translation>Vastgelegde gegevens worden nooit verwijderd; verklaar ze in plaats daarvan met een reden ongeldig.</translation>
    </message>
    <message>
        <source>Nobody is logged in.</source>
        <translation>Er is niemand ingelogd.</translation>
    </message>
    <message>
        <source>This record is already void.</source>
        <translation>Dit record is al ongeldig verklaard.</translation>
    </message>
    <message>
        <source>This record is void and can no longer be changed.</source>
        <translation>Dit record is ongeldig verklaard en kan niet meer worden gewijzigd.</translation>
    </message>
    <message>
        <source>Only a patient whose latest screening an investigator confirmed as eligible can be enrolled.</source>
        <translation>Alleen een patiënt van wie een onderzoeker de laatste screening als geschikt heeft bevestigd, kan worden geïncludeerd.</translation>
    </message>
    <message>
        <source>This patient is already enrolled.</source>
        <translation>Deze patiënt is al geïncludeerd.</translation>
    </message>
    <message>
        <source>An investigator has confirmed this screening; it can no longer be changed.</source>
        <translation>Een onderzoeker heeft deze screening bevestigd; die kan niet meer worden gewijzigd.</translation>
    </message>
    <message>
        <source>Every criterion must be answered yes or no before the decision can be confirmed.</source>
        <translation>Elk criterium moet met ja of nee zijn beantwoord voordat het besluit kan worden bevestigd.</translation>
    </message>
    <message>
        <source>This patient already has a screening in progress; finish or void it first.</source>
        <translation>Deze patiënt heeft al een lopende screening; rond die eerst af of verklaar die ongeldig.</translation>
    </message>
    <message>
        <source>This patient is enrolled and cannot be screened again.</source>
        <translation>Deze patiënt is geïncludeerd en kan niet opnieuw worden gescreend.</translation>
    </message>
    <message>
        <source>The protocol does not collect this form at this visit.</source>
        <translation>Het protocol verzamelt dit formulier niet bij dit bezoek.</translation>
    </message>
    <message>
        <source>This photo no longer matches the checksum saved with it: the stored image has been damaged or altered. Restore the database from a backup.</source>
        <translation>Deze foto komt niet meer overeen met de controlesom die ermee is opgeslagen: de opgeslagen afbeelding is beschadigd of gewijzigd. Zet de database terug vanuit een back-up.</translation>
    </message>
    <message>
        <source>Record the visit as done first; a visit that did not take place has no forms.</source>
        <translation>Leg eerst het bezoek vast als uitgevoerd; een bezoek dat niet heeft plaatsgevonden heeft geen formulieren.</translation>
    </message>
    <message>
        <source>Only the adverse event and medication reviews are ticked as reviewed.</source>
        <translation>Alleen de controle van ongewenste voorvallen en van de comedicatie wordt als gecontroleerd aangevinkt.</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Verplicht.</translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation>Voer een getal in.</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>Voer een geheel getal in.</translation>
    </message>
    <message>
        <source>Must be at least {minimum}.</source>
        <translation>Moet minstens {minimum} zijn.</translation>
    </message>
    <message>
        <source>Must be at most {maximum}.</source>
        <translation>Mag hoogstens {maximum} zijn.</translation>
    </message>
    <message>
        <source>Enter a date as YYYY-MM-DD.</source>
        <translation>Voer een datum in als JJJJ-MM-DD.</translation>
    </message>
    <message>
        <source>Enter a date and time as YYYY-MM-DD HH:MM.</source>
        <translation>Voer een datum en tijd in als JJJJ-MM-DD UU:MM.</translation>
    </message>
    <message>
        <source>Cannot be in the future.</source>
        <translation>Mag niet in de toekomst liggen.</translation>
    </message>
    <message>
        <source>At most {max_length} characters.</source>
        <translation>Hoogstens {max_length} tekens.</translation>
    </message>
    <message>
        <source>Choose one of the options.</source>
        <translation>Kies een van de opties.</translation>
    </message>
    <message>
        <source>Already registered as {subject}.</source>
        <translation>Al geregistreerd als {subject}.</translation>
    </message>
    <message>
        <source>Does not agree with the other answers.</source>
        <translation>Komt niet overeen met de andere antwoorden.</translation>
    </message>
    <message>
        <source>Does not match the date of birth ({expected}).</source>
        <translation>Komt niet overeen met de geboortedatum ({expected}).</translation>
    </message>
    <message>
        <source>Consent must be after the date of birth.</source>
        <translation>Informed consent moet na de geboortedatum liggen.</translation>
    </message>
    <message>
        <source>Informed consent must come before the screening.</source>
        <translation>Informed consent moet vóór de screening zijn gegeven.</translation>
    </message>
    <message>
        <source>Cannot be before the informed consent date.</source>
        <translation>Mag niet vóór de datum van informed consent liggen.</translation>
    </message>
    <message>
        <source>Cannot be before the screening date.</source>
        <translation>Mag niet vóór de screeningsdatum liggen.</translation>
    </message>
    <message>
        <source>Cannot be before the enrolment date.</source>
        <translation>Mag niet vóór de inclusiedatum liggen.</translation>
    </message>
    <message>
        <source>Cannot be before the injection visit.</source>
        <translation>Mag niet vóór het injectiebezoek liggen.</translation>
    </message>
    <message>
        <source>Record the injection visit first.</source>
        <translation>Leg eerst het injectiebezoek vast.</translation>
    </message>
    <message>
        <source>The injection has been recorded; change its visit date instead.</source>
        <translation>De injectie is al vastgelegd; wijzig in plaats daarvan de bezoekdatum ervan.</translation>
    </message>
    <message>
        <source>Later visits are recorded before this date.</source>
        <translation>Latere bezoeken hebben een datum vóór deze datum.</translation>
    </message>
    <message>
        <source>Later visits are already recorded.</source>
        <translation>Latere bezoeken zijn al vastgelegd.</translation>
    </message>
    <message>
        <source>Must fall within the screening window of the protocol.</source>
        <translation>Moet binnen het screeningsvenster van het protocol vallen.</translation>
    </message>
    <message>
        <source>The course cannot end before it starts.</source>
        <translation>De kuur kan niet eindigen voordat die begint.</translation>
    </message>
    <message>
        <source>The course must have ended by the screening date.</source>
        <translation>De kuur moet op de screeningsdatum zijn afgerond.</translation>
    </message>
    <message>
        <source>&apos;Worse 1 month after the course&apos; needs the screening a month or more after it.</source>
        <translation>&apos;Verslechterd 1 maand na de kuur&apos; kan alleen als de screening een maand of langer na de kuur is.</translation>
    </message>
    <message>
        <source>&apos;Not improved 2 months after&apos; needs the screening two months or more after the course.</source>
        <translation>&apos;Niet verbeterd 2 maanden na de kuur&apos; kan alleen als de screening twee maanden of langer na de kuur is.</translation>
    </message>
    <message>
        <source>Enter the date the ulcer came back.</source>
        <translation>Voer de datum in waarop het ulcus terugkwam.</translation>
    </message>
    <message>
        <source>The recurrence cannot be after the screening.</source>
        <translation>Het recidief kan niet na de screening liggen.</translation>
    </message>
    <message>
        <source>The ulcer must have come back within 3 months after the course.</source>
        <translation>Het ulcus moet binnen 3 maanden na de kuur zijn teruggekomen.</translation>
    </message>
    <message>
        <source>Choose why the ulcer is refractory.</source>
        <translation>Kies waarom het ulcus refractair is.</translation>
    </message>
    <message>
        <source>Enter the start and end of the IV prostacyclin course.</source>
        <translation>Voer het begin en het einde van de iv-prostacyclinekuur in.</translation>
    </message>
    <message>
        <source>Cannot be after the visit date.</source>
        <translation>Mag niet na de bezoekdatum liggen.</translation>
    </message>
    <message>
        <source>Cannot be after the screening date.</source>
        <translation>Mag niet na de screeningsdatum liggen.</translation>
    </message>
    <message>
        <source>The capillaroscopy at screening was normal: untick abnormal nailfold capillaries.</source>
        <translation>De capillaroscopie bij screening was normaal: vink afwijkende nagelriemcapillairen uit.</translation>
    </message>
    <message>
        <source>Record the visit as done (with its date) first.</source>
        <translation>Leg eerst het bezoek vast als uitgevoerd (met de datum).</translation>
    </message>
    <message>
        <source>The hand map has no such site on this finger.</source>
        <translation>De handkaart heeft deze locatie niet op deze vinger.</translation>
    </message>
    <message>
        <source>The width cannot be larger than the length; swap the two.</source>
        <translation>De breedte mag niet groter zijn dan de lengte; verwissel ze.</translation>
    </message>
    <message>
        <source>Another active ulcer is already recorded at this site.</source>
        <translation>Op deze locatie is al een ander actief ulcus vastgelegd.</translation>
    </message>
    <message>
        <source>An ulcer seen before cannot be removed; mark it healed instead.</source>
        <translation>Een eerder gezien ulcus kan niet worden verwijderd; markeer het als genezen.</translation>
    </message>
    <message>
        <source>This ulcer was seen at an earlier visit, so it is not new.</source>
        <translation>Dit ulcus is bij een eerder bezoek gezien en is dus niet nieuw.</translation>
    </message>
    <message>
        <source>A recurrence must refer to a healed ulcer of this patient at the same site.</source>
        <translation>Een recidief moet verwijzen naar een genezen ulcus van deze patiënt op dezelfde locatie.</translation>
    </message>
    <message>
        <source>The file is not a JPEG or PNG image of the type given.</source>
        <translation>Het bestand is geen JPEG- of PNG-afbeelding van het opgegeven type.</translation>
    </message>
    <message>
        <source>The photo file is too large; save a smaller copy.</source>
        <translation>Het fotobestand is te groot; sla een kleinere kopie op.</translation>
    </message>
    <message>
        <source>The medicine cannot be stopped before it was started.</source>
        <translation>Het geneesmiddel kan niet gestopt zijn voordat het gestart is.</translation>
    </message>
    <message>
        <source>A medicine still in use has no stop date: clear it or untick ongoing.</source>
        <translation>Een geneesmiddel dat nog gebruikt wordt heeft geen stopdatum: wis die of vink “gebruikt nog” uit.</translation>
    </message>
    <message>
        <source>Enter the stop date, or tick that the medicine is still in use.</source>
        <translation>Vul de stopdatum in, of vink aan dat het geneesmiddel nog gebruikt wordt.</translation>
    </message>
    <message>
        <source>The start date is before the patient&apos;s year of birth.</source>
        <translation>De startdatum ligt voor het geboortejaar van de patiënt.</translation>
    </message>
    <message>
        <source>An IV prostacyclin course is given intravenously: choose that route.</source>
        <translation>Een iv-prostacyclinekuur wordt intraveneus gegeven: kies die toedieningsweg.</translation>
    </message>
    <message>
        <source>This form has saved data, so it cannot be marked as not done.</source>
        <translation>Dit formulier heeft opgeslagen gegevens en kan dus niet als niet gedaan worden gemarkeerd.</translation>
    </message>
    <message>
        <source>The WHO grade cannot use this unit; choose one of the listed units.</source>
        <translation>Met deze eenheid kan de WHO-graad niet worden berekend; kies een van de eenheden uit de lijst.</translation>
    </message>
    <message>
        <source>Enter the upper limit of normal: the WHO grade is a multiple of it.</source>
        <translation>Vul de bovengrens van normaal in: de WHO-graad is een veelvoud daarvan.</translation>
    </message>
    <message>
        <source>The lower limit must be below the upper limit.</source>
        <translation>De ondergrens moet lager zijn dan de bovengrens.</translation>
    </message>
    <message>
        <source>The event cannot end before its onset.</source>
        <translation>Het voorval kan niet eindigen vóór het begin.</translation>
    </message>
    <message>
        <source>An ongoing event has no end date: untick ongoing or clear the end date.</source>
        <translation>Een voorval dat nog aanwezig is heeft geen einddatum: vink &apos;nog aanwezig&apos; uit of wis de einddatum.</translation>
    </message>
    <message>
        <source>The outcome says the event is over, so it cannot be ongoing.</source>
        <translation>Volgens de afloop is het voorval voorbij; het kan dan niet nog aanwezig zijn.</translation>
    </message>
    <message>
        <source>Enter the end date, or tick ongoing.</source>
        <translation>Vul de einddatum in, of vink &apos;nog aanwezig&apos; aan.</translation>
    </message>
    <message>
        <source>A fatal outcome needs the seriousness criterion &apos;results in death&apos;.</source>
        <translation>Een fatale afloop vraagt het ernstcriterium &apos;leidt tot overlijden&apos;.</translation>
    </message>
    <message>
        <source>&apos;Results in death&apos; needs the outcome fatal.</source>
        <translation>&apos;Leidt tot overlijden&apos; vraagt de afloop fataal.</translation>
    </message>
    <message>
        <source>A serious adverse event needs the time the site became aware of it.</source>
        <translation>Een ernstig ongewenst voorval vraagt het tijdstip waarop het centrum ervan op de hoogte raakte.</translation>
    </message>
    <message>
        <source>The site cannot have become aware of the event before its onset.</source>
        <translation>Het centrum kan niet vóór het begin van het voorval op de hoogte zijn geraakt.</translation>
    </message>
    <message>
        <source>Cannot be reported before the site became aware of it.</source>
        <translation>Kan niet gemeld zijn voordat het centrum ervan op de hoogte raakte.</translation>
    </message>
    <message>
        <source>Reported more than 24 hours after awareness: give the reason it was late.</source>
        <translation>Meer dan 24 uur na bekend worden gemeld: geef de reden van de late melding.</translation>
    </message>
    <message>
        <source>Reported within 24 hours: leave the reason for late reporting empty.</source>
        <translation>Binnen 24 uur gemeld: laat de reden te late melding leeg.</translation>
    </message>
    <message>
        <source>Only a serious adverse event is reported to the sponsor.</source>
        <translation>Alleen een ernstig ongewenst voorval wordt aan de sponsor gemeld.</translation>
    </message>
    <message>
        <source>The lab result belongs to another patient.</source>
        <translation>De labuitslag hoort bij een andere patiënt.</translation>
    </message>
    <message>
        <source>The lab result was voided: record the event without it.</source>
        <translation>De labuitslag is ongeldig verklaard: leg het voorval vast zonder de uitslag.</translation>
    </message>
    <message>
        <source>An adverse event has already been recorded from this lab result.</source>
        <translation>Vanuit deze labuitslag is al een ongewenst voorval vastgelegd.</translation>
    </message>
    <message>
        <source>The dose is computed only for a body weight of 30 to 200 kg.</source>
        <translation>De dosis wordt alleen berekend bij een lichaamsgewicht van 30 tot 200 kg.</translation>
    </message>
    <message>
        <source>The injection must be on the date of the injection visit.</source>
        <translation>De injectie moet op de datum van het injectiebezoek vallen.</translation>
    </message>
    <message>
        <source>The batch cannot be released after the injection.</source>
        <translation>De batch kan niet na de injectie zijn vrijgegeven.</translation>
    </message>
    <message>
        <source>The diastolic pressure must be lower than the systolic.</source>
        <translation>De diastolische druk moet lager zijn dan de systolische.</translation>
    </message>
    <message>
        <source>Must be on the date of the visit.</source>
        <translation>Moet op de datum van het bezoek vallen.</translation>
    </message>
    <message>
        <source>Measured before the injection: cannot be after its time.</source>
        <translation>Gemeten voor de injectie: kan niet na het tijdstip van de injectie liggen.</translation>
    </message>
    <message>
        <source>Measured after the injection: cannot be before its time.</source>
        <translation>Gemeten na de injectie: kan niet voor het tijdstip van de injectie liggen.</translation>
    </message>
</context>
<context>
    <name>MissedVisitDialog</name>
    <message>
        <source>Mark missed: {visit}</source>
        <translation>Als gemist markeren: {visit}</translation>
    </message>
    <message>
        <source>Target date {target}; window {window}.</source>
        <translation>Streefdatum {target}; venster {window}.</translation>
    </message>
    <message>
        <source>This visit was recorded on {date}; marking it missed changes a saved value and asks for a reason.</source>
        <translation>Dit bezoek is vastgelegd op {date}; als gemist markeren wijzigt een opgeslagen waarde en vraagt om een reden.</translation>
    </message>
    <message>
        <source>Mark missed</source>
        <translation>Als gemist markeren</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <source>New user</source>
        <translation>Nieuwe gebruiker</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Volledige naam</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>A temporary password is generated when the account is created; the user must change it at the first login.</source>
        <translation>Bij het aanmaken van het account wordt een tijdelijk wachtwoord gemaakt; de gebruiker moet het bij de eerste keer inloggen wijzigen.</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Account aanmaken</translation>
    </message>
    <message>
        <source>Account {name} created with the role {role}.</source>
        <translation>Account {name} aangemaakt met de rol {role}.</translation>
    </message>
</context>
<context>
    <name>PanelDialog</name>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-DD</translation>
    </message>
    <message>
        <source>The panel has unsaved values. Close and discard them?</source>
        <translation>Er zijn niet-opgeslagen waarden. Sluiten en de waarden weggooien?</translation>
    </message>
</context>
<context>
    <name>PatientEditDialog</name>
    <message>
        <source>Edit {subject}</source>
        <translation>{subject} bewerken</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Opslaan…</translation>
    </message>
</context>
<context>
    <name>PatientListView</name>
    <message>
        <source>Filter: subject number, name or hospital number</source>
        <translation>Filter: studienummer, naam of ziekenhuisnummer</translation>
    </message>
    <message>
        <source>Filter: subject number</source>
        <translation>Filter: studienummer</translation>
    </message>
    <message>
        <source>Show voided</source>
        <translation>Ongeldig verklaarde tonen</translation>
    </message>
    <message>
        <source>Register patient…</source>
        <translation>Patiënt registreren…</translation>
    </message>
    <message>
        <source>1 patient ({shown} shown)</source>
        <translation>1 patiënt ({shown} getoond)</translation>
    </message>
    <message>
        <source>{total} patients ({shown} shown)</source>
        <translation>{total} patiënten ({shown} getoond)</translation>
    </message>
</context>
<context>
    <name>PatientPage</name>
    <message>
        <source>← Back to list</source>
        <translation>← Terug naar lijst</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bewerken…</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>Ongeldig verklaren…</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Audittrail</translation>
    </message>
    <message>
        <source>Demographics and consent</source>
        <translation>Demografie en informed consent</translation>
    </message>
    <message>
        <source>Identity (stays on this workstation)</source>
        <translation>Identiteit (blijft op deze werkplek)</translation>
    </message>
    <message>
        <source>Screening and eligibility</source>
        <translation>Screening en geschiktheid</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Bezoeken</translation>
    </message>
    <message>
        <source>Scores over time</source>
        <translation>Scores in de tijd</translation>
    </message>
    <message>
        <source>Ulcers</source>
        <translation>Ulcera</translation>
    </message>
    <message>
        <source>Adverse events</source>
        <translation>Ongewenste voorvallen</translation>
    </message>
    <message>
        <source>Labs</source>
        <translation>Lab</translation>
    </message>
    <message>
        <source>Biomarkers</source>
        <translation>Biomarkers</translation>
    </message>
    <message>
        <source>Medication</source>
        <translation>Medicatie</translation>
    </message>
    <message>
        <source>{status} (void)</source>
        <translation>{status} (ongeldig)</translation>
    </message>
    <message>
        <source>This registration is void: {reason}</source>
        <translation>Deze registratie is ongeldig verklaard: {reason}</translation>
    </message>
</context>
<context>
    <name>PatientTableModel</name>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>{status} (void)</source>
        <translation>{status} (ongeldig)</translation>
    </message>
    <message>
        <source>Void: {reason}</source>
        <translation>Ongeldig verklaard: {reason}</translation>
    </message>
</context>
<context>
    <name>PhotoViewerDialog</name>
    <message>
        <source>Ulcer photos</source>
        <translation>Foto&apos;s van ulcera</translation>
    </message>
    <message>
        <source>&lt; Previous</source>
        <translation>&lt; Vorige</translation>
    </message>
    <message>
        <source>Previous photo (Left arrow)</source>
        <translation>Vorige foto (pijl naar links)</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Volgende &gt;</translation>
    </message>
    <message>
        <source>Next photo (Right arrow)</source>
        <translation>Volgende foto (pijl naar rechts)</translation>
    </message>
    <message>
        <source>Previous photo</source>
        <translation>Vorige foto</translation>
    </message>
    <message>
        <source>Next photo</source>
        <translation>Volgende foto</translation>
    </message>
    <message>
        <source>(no caption)</source>
        <translation>(geen bijschrift)</translation>
    </message>
    <message>
        <source>SHA-256: {digest}</source>
        <translation>SHA-256: {digest}</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>{n} van {total}</translation>
    </message>
    <message>
        <source>This photo cannot be shown: the stored file is not an image this program can read.</source>
        <translation>Deze foto kan niet worden getoond: het opgeslagen bestand is geen afbeelding die dit programma kan lezen.</translation>
    </message>
    <message>
        <source>Visit {visit} · ulcer {ulcer}</source>
        <translation>Bezoek {visit} · ulcus {ulcer}</translation>
    </message>
    <message>
        <source>Taken on {date}</source>
        <translation>Gemaakt op {date}</translation>
    </message>
    <message>
        <source>SHA-256 {digest}…</source>
        <translation>SHA-256 {digest}…</translation>
    </message>
    <message>
        <source>There are no photos to show.</source>
        <translation>Er zijn geen foto&apos;s om te tonen.</translation>
    </message>
</context>
<context>
    <name>QuestionnaireDialog</name>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>The questionnaire has unsaved answers. Close and discard them?</source>
        <translation>De vragenlijst heeft niet-opgeslagen antwoorden. Sluiten en de antwoorden verwerpen?</translation>
    </message>
</context>
<context>
    <name>QuestionnaireForm</name>
    <message>
        <source>{codes} and {n} more</source>
        <translation>{codes} en nog {n}</translation>
    </message>
    <message>
        <source>{instrument} — {subject}, {visit}</source>
        <translation>{instrument} — {subject}, {visit}</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>{visit} on {date}</source>
        <translation>{visit} op {date}</translation>
    </message>
    <message>
        <source>Digit: answer, next item</source>
        <translation>Cijfer: antwoord, volgend item</translation>
    </message>
    <message>
        <source>↑ ↓ Home End: move</source>
        <translation>↑ ↓ Home End: verplaatsen</translation>
    </message>
    <message>
        <source>.1  .2  .3: missing (not answered, illegible, not applicable)</source>
        <translation>.1  .2  .3: ontbreekt (niet ingevuld, onleesbaar, niet van toepassing)</translation>
    </message>
    <message>
        <source>Backspace: clear</source>
        <translation>Backspace: wissen</translation>
    </message>
    <message>
        <source>Number: type, Enter or Tab</source>
        <translation>Getal: typen, Enter of Tab</translation>
    </message>
    <message>
        <source>Space: tick</source>
        <translation>Spatie: aankruisen</translation>
    </message>
    <message>
        <source>F2: menu</source>
        <translation>F2: menu</translation>
    </message>
    <message>
        <source>Ctrl+S: save</source>
        <translation>Ctrl+S: opslaan</translation>
    </message>
    <message>
        <source>Not saved. {n} items have no answer: {items}. Answer each, or mark it missing with &apos;.&apos; and a reason.</source>
        <translation>Niet opgeslagen. {n} items hebben geen antwoord: {items}. Vul elk in, of markeer het als ontbrekend met &apos;.&apos; en een reden.</translation>
    </message>
    <message>
        <source>New, not saved yet</source>
        <translation>Nieuw, nog niet opgeslagen</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Ongeldig</translation>
    </message>
    <message>
        <source>Saved (version {version})</source>
        <translation>Opgeslagen (versie {version})</translation>
    </message>
    <message>
        <source>{state} · read only</source>
        <translation>{state} · alleen lezen</translation>
    </message>
    <message>
        <source>missing: {reason}</source>
        <translation>ontbreekt: {reason}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
    <message>
        <source>Not saved: {n} items need attention (see the Message column).</source>
        <translation>Niet opgeslagen: {n} items vragen aandacht (zie de kolom Melding).</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Transcription error</source>
        <translation>Overschrijffout</translation>
    </message>
    <message>
        <source>Source document corrected</source>
        <translation>Brondocument gecorrigeerd</translation>
    </message>
    <message>
        <source>Data entered for wrong patient</source>
        <translation>Gegevens bij verkeerde patiënt ingevoerd</translation>
    </message>
    <message>
        <source>Registered in error</source>
        <translation>Ten onrechte geregistreerd</translation>
    </message>
    <message>
        <source>Duplicate registration</source>
        <translation>Dubbele registratie</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Wijzigingen</translation>
    </message>
    <message>
        <source>{old}  →  {new}</source>
        <translation>{old}  →  {new}</translation>
    </message>
    <message>
        <source>Type a reason, or pick one with the arrow keys</source>
        <translation>Typ een reden of kies er een met de pijltjestoetsen</translation>
    </message>
    <message>
        <source>At least {n} characters.</source>
        <translation>Minstens {n} tekens.</translation>
    </message>
    <message>
        <source>Reason for change</source>
        <translation>Reden van wijziging</translation>
    </message>
    <message>
        <source>Why are these saved values being changed?</source>
        <translation>Waarom worden deze opgeslagen waarden gewijzigd?</translation>
    </message>
    <message>
        <source>Void {subject}</source>
        <translation>{subject} ongeldig verklaren</translation>
    </message>
    <message>
        <source>Voiding keeps the record and its audit trail but marks it as not valid. Why is {subject} being voided?</source>
        <translation>Bij ongeldig verklaren blijven het record en de audittrail bewaard, maar wordt het record als niet geldig gemarkeerd. Waarom wordt {subject} ongeldig verklaard?</translation>
    </message>
</context>
<context>
    <name>RecordVisitDialog</name>
    <message>
        <source>Record visit: {visit}</source>
        <translation>Bezoek vastleggen: {visit}</translation>
    </message>
    <message>
        <source>Injection planned for {planned}; it may take place from {first} to {last}, within the screening window. Its date becomes day 0 of the schedule.</source>
        <translation>Injectie gepland op {planned}; die mag plaatsvinden van {first} tot en met {last}, binnen het screeningsvenster. De datum ervan wordt dag 0 van het schema.</translation>
    </message>
    <message>
        <source>Target date {target}; window {window}.</source>
        <translation>Streefdatum {target}; venster {window}.</translation>
    </message>
    <message>
        <source>An unscheduled visit has no target date or window.</source>
        <translation>Een ongepland bezoek heeft geen streefdatum of venster.</translation>
    </message>
    <message>
        <source>{date} is outside the window {window}. The visit is kept as a protocol deviation: give the reason.</source>
        <translation>{date} valt buiten het venster {window}. Het bezoek wordt vastgelegd als protocolafwijking: geef de reden.</translation>
    </message>
    <message>
        <source>Reason the visit fell outside its window {window}.</source>
        <translation>Reden dat het bezoek buiten het venster {window} viel.</translation>
    </message>
</context>
<context>
    <name>RegisterPatientDialog</name>
    <message>
        <source>Register patient</source>
        <translation>Patiënt registreren</translation>
    </message>
    <message>
        <source>The subject number is assigned when you register. Name, date of birth and hospital number stay on this workstation and are never exported.</source>
        <translation>Het studienummer wordt bij het registreren toegekend. Naam, geboortedatum en ziekenhuisnummer blijven op deze werkplek en worden nooit geëxporteerd.</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Registreren</translation>
    </message>
</context>
<context>
    <name>RegistrationEditor</name>
    <message>
        <source>Study data</source>
        <translation>Studiegegevens</translation>
    </message>
    <message>
        <source>Identity (stays on this workstation)</source>
        <translation>Identiteit (blijft op deze werkplek)</translation>
    </message>
</context>
<context>
    <name>RescheduleInjectionDialog</name>
    <message>
        <source>Move injection: {subject}</source>
        <translation>Injectie verplaatsen: {subject}</translation>
    </message>
    <message>
        <source>Screened on {screening}: the injection (day 0) can be planned from {first} to {last}, and not before the enrolment date {enrolled}.</source>
        <translation>Gescreend op {screening}: de injectie (dag 0) kan worden gepland van {first} tot en met {last}, en niet vóór de inclusiedatum {enrolled}.</translation>
    </message>
    <message>
        <source>The injection must be planned within the screening window.</source>
        <translation>De injectie moet binnen het screeningsvenster worden gepland.</translation>
    </message>
    <message>
        <source>Move injection</source>
        <translation>Injectie verplaatsen</translation>
    </message>
    <message>
        <source>Reason for moving the injection</source>
        <translation>Reden voor het verplaatsen van de injectie</translation>
    </message>
    <message>
        <source>Why is the injection being moved to another day?</source>
        <translation>Waarom wordt de injectie naar een andere dag verplaatst?</translation>
    </message>
    <message>
        <source>The patient cannot come on the planned day</source>
        <translation>De patiënt kan niet komen op de geplande dag</translation>
    </message>
    <message>
        <source>The patient is ill</source>
        <translation>De patiënt is ziek</translation>
    </message>
    <message>
        <source>The study medication is not available on the planned day</source>
        <translation>De studiemedicatie is niet beschikbaar op de geplande dag</translation>
    </message>
    <message>
        <source>Clinic schedule</source>
        <translation>Planning van de kliniek</translation>
    </message>
    <message>
        <source>Every visit&apos;s target date and window is counted from the injection.</source>
        <translation>De streefdatum en het venster van elk bezoek worden vanaf de injectie geteld.</translation>
    </message>
    <message>
        <source>Day 0 moves from {old} to {new}: every visit&apos;s target date and window moves with it.</source>
        <translation>Dag 0 verschuift van {old} naar {new}: de streefdatum en het venster van elk bezoek schuiven mee.</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>Wachtwoord resetten</translation>
    </message>
    <message>
        <source>Reset the password of {user}? A temporary password is generated, the account is unlocked, and the user must choose a new password at the next login.</source>
        <translation>Het wachtwoord van {user} resetten? Er wordt een tijdelijk wachtwoord gemaakt, het account wordt gedeblokkeerd en de gebruiker moet bij de volgende keer inloggen een nieuw wachtwoord kiezen.</translation>
    </message>
    <message>
        <source>The password of {user} was reset.</source>
        <translation>Het wachtwoord van {user} is gereset.</translation>
    </message>
</context>
<context>
    <name>SaeBanner</name>
    <message>
        <source>Open patient</source>
        <translation>Patiënt openen</translation>
    </message>
    <message>
        <source>Overdue serious adverse events</source>
        <translation>Achterstallige ernstige ongewenste voorvallen</translation>
    </message>
    <message>
        <source>And {n} more overdue SAEs: see Safety.</source>
        <translation>En nog {n} achterstallige SAE&apos;s: zie Veiligheid.</translation>
    </message>
</context>
<context>
    <name>SaeDueList</name>
    <message>
        <source>Serious adverse events to report to the sponsor</source>
        <translation>Ernstige ongewenste voorvallen te melden aan de sponsor</translation>
    </message>
    <message>
        <source>An SAE must reach the sponsor within 24 hours of the site becoming aware of it. Record the time it was reported in the adverse event (double-click a row to open the patient).</source>
        <translation>Een SAE moet binnen 24 uur nadat het centrum ervan op de hoogte raakte bij de sponsor zijn. Leg het tijdstip van melding vast in het ongewenste voorval (dubbelklik op een regel om de patiënt te openen).</translation>
    </message>
    <message>
        <source>SAEs to report</source>
        <translation>Te melden SAE&apos;s</translation>
    </message>
    <message>
        <source>No SAE is waiting to be reported.</source>
        <translation>Er wacht geen SAE op melding.</translation>
    </message>
</context>
<context>
    <name>SaeDueModel</name>
    <message>
        <source>Subject</source>
        <translation>Patiënt</translation>
    </message>
    <message>
        <source>AE</source>
        <translation>AE</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Voorval</translation>
    </message>
    <message>
        <source>Site aware</source>
        <translation>Centrum op de hoogte</translation>
    </message>
    <message>
        <source>Report by</source>
        <translation>Melden vóór</translation>
    </message>
    <message>
        <source>Countdown</source>
        <translation>Resterende tijd</translation>
    </message>
</context>
<context>
    <name>SaeListModel</name>
    <message>
        <source>Subject</source>
        <translation>Patiënt</translation>
    </message>
    <message>
        <source>AE</source>
        <translation>AE</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Omschrijving</translation>
    </message>
    <message>
        <source>Onset</source>
        <translation>Begindatum</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>WHO grade</source>
        <translation>WHO-graad</translation>
    </message>
    <message>
        <source>MSC product</source>
        <translation>MSC-product</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Seriousness</source>
        <translation>Ernst</translation>
    </message>
    <message>
        <source>The AE number within the patient&apos;s AE log</source>
        <translation>Het nummer van het ongewenst voorval in het AE-logboek van de patiënt</translation>
    </message>
    <message>
        <source>Days since the injection (day 0)</source>
        <translation>Dagen sinds de injectie (dag 0)</translation>
    </message>
    <message>
        <source>Relation to the MSC product</source>
        <translation>Relatie met het MSC-product</translation>
    </message>
    <message>
        <source>Relation to the injection procedure</source>
        <translation>Relatie met de injectieprocedure</translation>
    </message>
</context>
<context>
    <name>SaeWatch</name>
    <message>
        <source>{d} d {h} h</source>
        <translation>{d} d {h} u</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} u {m} min</translation>
    </message>
    <message>
        <source>{h} h</source>
        <translation>{h} u</translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation>{m} min</translation>
    </message>
    <message>
        <source>overdue by {time}</source>
        <translation>{time} over de termijn</translation>
    </message>
    <message>
        <source>due in {time}</source>
        <translation>nog {time}</translation>
    </message>
    <message>
        <source>AE {n}</source>
        <translation>AE {n}</translation>
    </message>
    <message>
        <source>SAE overdue: {subject} {ae} &apos;{term}&apos;, deadline {deadline}, overdue by {time}. Report it to the sponsor.</source>
        <translation>SAE te laat: {subject} {ae} &apos;{term}&apos;, termijn {deadline}, {time} over de termijn. Meld deze aan de sponsor.</translation>
    </message>
</context>
<context>
    <name>ScorePanel</name>
    <message>
        <source>HAQ-DI (with aids)</source>
        <translation>HAQ-DI (met hulpmiddelen)</translation>
    </message>
    <message>
        <source>HAQ-DI without aids</source>
        <translation>HAQ-DI zonder hulpmiddelen</translation>
    </message>
    <message>
        <source>EQ-5D-5L index (NL)</source>
        <translation>EQ-5D-5L-index (NL)</translation>
    </message>
    <message>
        <source>EQ VAS</source>
        <translation>EQ VAS</translation>
    </message>
    <message>
        <source>CHFS total (0–90)</source>
        <translation>CHFS-totaal (0–90)</translation>
    </message>
    <message>
        <source>Kitchen</source>
        <translation>Keuken</translation>
    </message>
    <message>
        <source>Dressing</source>
        <translation>Aankleden</translation>
    </message>
    <message>
        <source>Hygiene</source>
        <translation>Hygiëne</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Kantoor</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Overig</translation>
    </message>
    <message>
        <source>Physical functioning</source>
        <translation>Fysiek functioneren</translation>
    </message>
    <message>
        <source>Role limitations, physical</source>
        <translation>Rolbeperkingen, fysiek</translation>
    </message>
    <message>
        <source>Role limitations, emotional</source>
        <translation>Rolbeperkingen, emotioneel</translation>
    </message>
    <message>
        <source>Energy / fatigue</source>
        <translation>Energie / vermoeidheid</translation>
    </message>
    <message>
        <source>Emotional well-being</source>
        <translation>Emotioneel welbevinden</translation>
    </message>
    <message>
        <source>Social functioning</source>
        <translation>Sociaal functioneren</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Pijn</translation>
    </message>
    <message>
        <source>General health</source>
        <translation>Algemene gezondheid</translation>
    </message>
    <message>
        <source>Health change</source>
        <translation>Verandering in gezondheid</translation>
    </message>
    <message>
        <source>Microangiopathy score (MES)</source>
        <translation>Microangiopathiescore (MES)</translation>
    </message>
    <message>
        <source>Assessable fingers</source>
        <translation>Beoordeelbare vingers</translation>
    </message>
    <message>
        <source>Enlarged capillaries (mean)</source>
        <translation>Verwijde capillairen (gemiddeld)</translation>
    </message>
    <message>
        <source>Giant capillaries (mean)</source>
        <translation>Megacapillairen (gemiddeld)</translation>
    </message>
    <message>
        <source>Haemorrhages (mean)</source>
        <translation>Bloedinkjes (gemiddeld)</translation>
    </message>
    <message>
        <source>Loss of capillaries (mean)</source>
        <translation>Capillairverlies (gemiddeld)</translation>
    </message>
    <message>
        <source>Disorganisation (mean)</source>
        <translation>Desorganisatie (gemiddeld)</translation>
    </message>
    <message>
        <source>Ramified capillaries (mean)</source>
        <translation>Vertakte capillairen (gemiddeld)</translation>
    </message>
    <message>
        <source>{name} VAS (0–3)</source>
        <translation>{name} VAS (0–3)</translation>
    </message>
    <message>
        <source>HAQ-DI</source>
        <translation>HAQ-DI</translation>
    </message>
    <message>
        <source>The EQ-5D index</source>
        <translation>De EQ-5D-index</translation>
    </message>
    <message>
        <source>The CHFS total</source>
        <translation>Het CHFS-totaal</translation>
    </message>
    <message>
        <source>Not computable: no answer.</source>
        <translation>Niet te berekenen: geen antwoord.</translation>
    </message>
    <message>
        <source>{name} needs {needed} of {total} categories; {answered} answered.</source>
        <translation>{name} vraagt {needed} van {total} categorieën; {answered} ingevuld.</translation>
    </message>
    <message>
        <source>{name} needs all {total} dimensions; {answered} answered.</source>
        <translation>{name} vraagt alle {total} dimensies; {answered} ingevuld.</translation>
    </message>
    <message>
        <source>{name} needs {needed} of {total} dimensions; {answered} answered.</source>
        <translation>{name} vraagt {needed} van {total} dimensies; {answered} ingevuld.</translation>
    </message>
    <message>
        <source>{name} needs {needed} of {total} fingers; {answered} assessed.</source>
        <translation>{name} vraagt {needed} van {total} vingers; {answered} beoordeeld.</translation>
    </message>
    <message>
        <source>{name} needs all {total} items; {answered} answered.</source>
        <translation>{name} vraagt alle {total} items; {answered} ingevuld.</translation>
    </message>
    <message>
        <source>{name} needs {needed} of {total} items; {answered} answered.</source>
        <translation>{name} vraagt {needed} van {total} items; {answered} ingevuld.</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Scores</translation>
    </message>
    <message>
        <source>Computed from the answers as you type.</source>
        <translation>Berekend uit de antwoorden, terwijl u typt.</translation>
    </message>
    <message>
        <source>{score}  ({mm} mm)</source>
        <translation>{score}  ({mm} mm)</translation>
    </message>
    <message>
        <source>Not computable: no answers for this score yet.</source>
        <translation>Niet te berekenen: nog geen antwoorden voor deze score.</translation>
    </message>
</context>
<context>
    <name>Scores</name>
    <message>
        <source>n.c.</source>
        <translation>n.b.</translation>
    </message>
    <message>
        <source>{score} ({mm} mm)</source>
        <translation>{score} ({mm} mm)</translation>
    </message>
    <message>
        <source>Not computable: no answers for this score.</source>
        <translation>Niet te berekenen: geen antwoorden voor deze score.</translation>
    </message>
    <message>
        <source>Not done at this visit.</source>
        <translation>Niet gedaan bij dit bezoek.</translation>
    </message>
    <message>
        <source>No visit collects this instrument.</source>
        <translation>Geen bezoek verzamelt dit instrument.</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Bezoek</translation>
    </message>
</context>
<context>
    <name>ScoresOverTime</name>
    <message>
        <source>— not done at this visit · n.c. not computable (point at it to see why). Select a row to chart that score.</source>
        <translation>— niet gedaan bij dit bezoek · n.b. niet te berekenen (wijs het aan om te zien waarom). Kies een rij om die score in de grafiek te zien.</translation>
    </message>
</context>
<context>
    <name>ScreeningDialog</name>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>The screening has unsaved changes. Close and discard them?</source>
        <translation>De screening heeft niet-opgeslagen wijzigingen. Sluiten en de wijzigingen verwerpen?</translation>
    </message>
</context>
<context>
    <name>ScreeningForm</name>
    <message>
        <source>Screening of {subject}</source>
        <translation>Screening van {subject}</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>Criteria</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Criterium</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwoord</translation>
    </message>
    <message>
        <source>Source or comment</source>
        <translation>Bron of toelichting</translation>
    </message>
    <message>
        <source>Exclusion: any one excludes</source>
        <translation>Exclusie: elk criterium sluit uit</translation>
    </message>
    <message>
        <source>Inclusion: all must hold</source>
        <translation>Inclusie: aan alle moet zijn voldaan</translation>
    </message>
    <message>
        <source>I2: ACR/EULAR 2013 classification criteria</source>
        <translation>I2: ACR/EULAR-classificatiecriteria 2013</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Concept opslaan</translation>
    </message>
    <message>
        <source>Confirm decision…</source>
        <translation>Besluit bevestigen…</translation>
    </message>
    <message>
        <source>From the &amp;medication list…</source>
        <translation>Uit de &amp;comedicatie…</translation>
    </message>
    <message>
        <source>Fill the course start and end from an IV prostacyclin course on file.</source>
        <translation>Vul begin en einde van de kuur in vanuit een vastgelegde iv-prostacyclinekuur.</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>loopt nog</translation>
    </message>
    <message>
        <source>{drug}: {start} – {end}</source>
        <translation>{drug}: {start} – {end}</translation>
    </message>
    <message>
        <source>No IV prostacyclin course in the medication list</source>
        <translation>Geen iv-prostacyclinekuur in de comedicatie</translation>
    </message>
    <message>
        <source>Computed from the date of birth on the screening date; not typed.</source>
        <translation>Berekend uit de geboortedatum en de screeningsdatum; wordt niet ingevoerd.</translation>
    </message>
    <message>
        <source>Consent on file: {date}, form version {version}.</source>
        <translation>Informed consent vastgelegd: {date}, formulierversie {version}.</translation>
    </message>
    <message>
        <source>{answer} (age {age})</source>
        <translation>{answer} (leeftijd {age})</translation>
    </message>
    <message>
        <source>criteria do not apply</source>
        <translation>criteria niet van toepassing</translation>
    </message>
    <message>
        <source>classified as SSc</source>
        <translation>geclassificeerd als SSc</translation>
    </message>
    <message>
        <source>not classified</source>
        <translation>niet geclassificeerd</translation>
    </message>
    <message>
        <source>ACR/EULAR panel: {total} / {maximum}, {verdict}</source>
        <translation>ACR/EULAR-panel: {total} / {maximum}, {verdict}</translation>
    </message>
    <message>
        <source>Not yet decided.</source>
        <translation>Nog niet beslist.</translation>
    </message>
    <message>
        <source>Not yet decided: enter the screening date.</source>
        <translation>Nog niet beslist: voer de screeningsdatum in.</translation>
    </message>
    <message>
        <source>Not yet decided: correct or complete the marked fields.</source>
        <translation>Nog niet beslist: corrigeer of vul de gemarkeerde velden aan.</translation>
    </message>
    <message>
        <source>Eligible: every inclusion criterion holds and no exclusion applies.</source>
        <translation>Geschikt: aan alle inclusiecriteria is voldaan en geen exclusiecriterium is van toepassing.</translation>
    </message>
    <message>
        <source>Not eligible. Failing: {criteria}</source>
        <translation>Niet geschikt. Afgewezen op: {criteria}</translation>
    </message>
    <message>
        <source>Not yet decided. Missing or not assessed: {criteria}</source>
        <translation>Nog niet beslist. Ontbreekt of niet beoordeeld: {criteria}</translation>
    </message>
    <message>
        <source>New screening, not saved yet</source>
        <translation>Nieuwe screening, nog niet opgeslagen</translation>
    </message>
    <message>
        <source>Void. {state}</source>
        <translation>Ongeldig. {state}</translation>
    </message>
    <message>
        <source>{state} — {user}, {when} UTC</source>
        <translation>{state} — {user}, {when} UTC</translation>
    </message>
    <message>
        <source>{state}, assessed by {user}</source>
        <translation>{state}, beoordeeld door {user}</translation>
    </message>
    <message>
        <source>Save the draft before the decision is confirmed.</source>
        <translation>Sla het concept op voordat het besluit wordt bevestigd.</translation>
    </message>
    <message>
        <source>An investigator confirms the decision with their own password.</source>
        <translation>Een onderzoeker bevestigt het besluit met het eigen wachtwoord.</translation>
    </message>
    <message>
        <source>{n} findings, total {total}</source>
        <translation>{n} bevindingen, totaal {total}</translation>
    </message>
</context>
<context>
    <name>ScreeningSummary</name>
    <message>
        <source>No screening yet</source>
        <translation>Nog geen screening</translation>
    </message>
    <message>
        <source>Earlier screenings</source>
        <translation>Eerdere screenings</translation>
    </message>
    <message>
        <source>Open screening…</source>
        <translation>Screening openen…</translation>
    </message>
    <message>
        <source>New screening…</source>
        <translation>Nieuwe screening…</translation>
    </message>
    <message>
        <source>{date}: {result}</source>
        <translation>{date}: {result}</translation>
    </message>
    <message>
        <source>{text} (void)</source>
        <translation>{text} (ongeldig)</translation>
    </message>
    <message>
        <source>{state} ({user})</source>
        <translation>{state} ({user})</translation>
    </message>
    <message>
        <source>Failing: {criteria}</source>
        <translation>Afgewezen op: {criteria}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>A new language takes effect after sscvisit restarts.</source>
        <translation>Een nieuwe taal werkt pas nadat sscvisit opnieuw is gestart.</translation>
    </message>
    <message>
        <source>This workstation</source>
        <translation>Deze werkplek</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <source>Study settings (all workstations; audited)</source>
        <translation>Studie-instellingen (alle werkplekken; in de audittrail)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Opslaan</translation>
    </message>
    <message>
        <source>Failed logins before an account locks</source>
        <translation>Mislukte inlogpogingen tot blokkering</translation>
    </message>
    <message>
        <source>Lock the workstation after idle time</source>
        <translation>Werkplek vergrendelen na inactiviteit</translation>
    </message>
    <message>
        <source>Minimum password length</source>
        <translation>Minimale wachtwoordlengte</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> tekens</translation>
    </message>
</context>
<context>
    <name>StudyUlcerOverview</name>
    <message>
        <source>Digital ulcers across the study</source>
        <translation>Digitale ulcera in de hele studie</translation>
    </message>
    <message>
        <source>Active ulcers: active or new at the visit, in every patient whose ulcer map of that visit is filled in. Total area: the sum of their ellipse areas. Unscheduled visits are pooled.</source>
        <translation>Actieve ulcera: actief of nieuw bij het bezoek, bij elke patiënt van wie de ulcuskaart van dat bezoek is ingevuld. Totale oppervlakte: de som van hun ellipsoppervlakten. Ongeplande bezoeken zijn samengenomen.</translation>
    </message>
    <message>
        <source>Active ulcers and total area per visit</source>
        <translation>Actieve ulcera en totale oppervlakte per bezoek</translation>
    </message>
</context>
<context>
    <name>TemporaryPasswordPanel</name>
    <message>
        <source>Temporary password</source>
        <translation>Tijdelijk wachtwoord</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiëren</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Gekopieerd</translation>
    </message>
</context>
<context>
    <name>TimelineLegend</name>
    <message>
        <source>Unscheduled visit</source>
        <translation>Ongepland bezoek</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
</context>
<context>
    <name>TimelineStrip</name>
    <message>
        <source>Visit timeline</source>
        <translation>Tijdlijn van de bezoeken</translation>
    </message>
    <message>
        <source>No visits scheduled</source>
        <translation>Geen bezoeken gepland</translation>
    </message>
    <message>
        <source>weeks after the injection</source>
        <translation>weken na de injectie</translation>
    </message>
    <message>
        <source>Today {date}</source>
        <translation>Vandaag {date}</translation>
    </message>
    <message>
        <source>Target {target}, window {window}</source>
        <translation>Streefdatum {target}, venster {window}</translation>
    </message>
    <message>
        <source>Visit date {date}</source>
        <translation>Bezoekdatum {date}</translation>
    </message>
</context>
<context>
    <name>UlcerEditor</name>
    <message>
        <source>This site already has an open ulcer. Click it on the map to change it, or mark it healed first.</source>
        <translation>Op deze locatie is al een open ulcus. Klik erop in de kaart om het te wijzigen, of markeer het eerst als genezen.</translation>
    </message>
    <message>
        <source>The hand map has no such site on this finger (the thumb has no PIP joint).</source>
        <translation>De handkaart heeft deze locatie niet op deze vinger (de duim heeft geen PIP-gewricht).</translation>
    </message>
    <message>
        <source>Must be between {minimum} and {maximum} mm.</source>
        <translation>Moet tussen {minimum} en {maximum} mm liggen.</translation>
    </message>
    <message>
        <source>The width is larger than the length: the length is the longer axis.</source>
        <translation>De breedte is groter dan de lengte: de lengte is de langste as.</translation>
    </message>
    <message>
        <source>The pain VAS must be between {minimum} and {maximum} mm.</source>
        <translation>De pijn-VAS moet tussen {minimum} en {maximum} mm liggen.</translation>
    </message>
    <message>
        <source>This ulcer was recorded at an earlier visit: set its status to healed instead of removing it.</source>
        <translation>Dit ulcus is bij een eerder bezoek vastgelegd: zet de status op genezen in plaats van het te verwijderen.</translation>
    </message>
    <message>
        <source>This ulcer was seen at an earlier visit, so it is not new since the last visit.</source>
        <translation>Dit ulcus is bij een eerder bezoek gezien en is dus niet nieuw sinds het vorige bezoek.</translation>
    </message>
    <message>
        <source>Only an ulcer that healed at this same site before can recur here.</source>
        <translation>Alleen een ulcus dat eerder op deze zelfde locatie genezen is, kan hier recidiveren.</translation>
    </message>
    <message>
        <source>The photo is too large (at most {limit} MB).</source>
        <translation>De foto is te groot (maximaal {limit} MB).</translation>
    </message>
    <message>
        <source>The file is not a JPEG or PNG image.</source>
        <translation>Het bestand is geen JPEG- of PNG-afbeelding.</translation>
    </message>
    <message>
        <source>This change cannot be made here.</source>
        <translation>Deze wijziging kan hier niet worden gemaakt.</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Finger</source>
        <translation>Vinger</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Locatie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Size (mm)</source>
        <translation>Grootte (mm)</translation>
    </message>
    <message>
        <source>Area (mm²)</source>
        <translation>Oppervlakte (mm²)</translation>
    </message>
    <message>
        <source>Enter the length and width.</source>
        <translation>Voer de lengte en breedte in.</translation>
    </message>
    <message>
        <source>Add ulcer</source>
        <translation>Ulcus toevoegen</translation>
    </message>
    <message>
        <source>Add an ulcer at this site (Enter)</source>
        <translation>Een ulcus op deze locatie toevoegen (Enter)</translation>
    </message>
    <message>
        <source>Move selected here</source>
        <translation>Selectie hierheen verplaatsen</translation>
    </message>
    <message>
        <source>Recurrence of the healed ulcer</source>
        <translation>Ja, een recidief</translation>
    </message>
    <message>
        <source>A new, unrelated ulcer</source>
        <translation>Nee, een nieuw ulcus</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Swap length and width</source>
        <translation>Lengte en breedte verwisselen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Remove an ulcer added by mistake (Delete)</source>
        <translation>Een per ongeluk toegevoegd ulcus verwijderen (Delete)</translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>Foto toevoegen…</translation>
    </message>
    <message>
        <source>View photos…</source>
        <translation>Foto&apos;s bekijken…</translation>
    </message>
    <message>
        <source>Look at the photos of this ulcer</source>
        <translation>De foto&apos;s van dit ulcus bekijken</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Opnieuw</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Read only: your role may view but not change data.</source>
        <translation>Alleen lezen: uw rol mag gegevens inzien maar niet wijzigen.</translation>
    </message>
    <message>
        <source>{subject} · {visit} ({date}) · Ulcer map</source>
        <translation>{subject} · {visit} ({date}) · Ulcuskaart</translation>
    </message>
    <message>
        <source>Click a site to add an ulcer there, or an ulcer to select it; drag an ulcer to move it. Keyboard: choose hand, finger and site, then Enter. Delete removes an ulcer added by mistake; Ctrl+Z undoes, Ctrl+Shift+Z redoes.</source>
        <translation>Klik op een locatie om daar een ulcus toe te voegen, of op een ulcus om het te selecteren; sleep een ulcus om het te verplaatsen. Toetsenbord: kies hand, vinger en locatie, dan Enter. Delete verwijdert een per ongeluk toegevoegd ulcus; Ctrl+Z maakt ongedaan, Ctrl+Shift+Z voert opnieuw uit.</translation>
    </message>
    <message>
        <source>{minimum}–{maximum}</source>
        <translation>{minimum}–{maximum}</translation>
    </message>
    <message>
        <source>add ulcer #{n}</source>
        <translation>ulcus #{n} toevoegen</translation>
    </message>
    <message>
        <source>change {fields} of #{n}</source>
        <translation>{fields} van #{n} wijzigen</translation>
    </message>
    <message>
        <source>ulcer</source>
        <translation>ulcus</translation>
    </message>
    <message>
        <source>move #{n}</source>
        <translation>#{n} verplaatsen</translation>
    </message>
    <message>
        <source>remove #{n}</source>
        <translation>#{n} verwijderen</translation>
    </message>
    <message>
        <source>An ulcer at {place} healed at an earlier visit. Is this new ulcer that ulcer coming back?</source>
        <translation>Een ulcus op {place} is bij een eerder bezoek genezen. Is dit nieuwe ulcus een recidief daarvan?</translation>
    </message>
    <message>
        <source>No ulcer selected</source>
        <translation>Geen ulcus geselecteerd</translation>
    </message>
    <message>
        <source>Ulcer #{n}: {place}</source>
        <translation>Ulcus #{n}: {place}</translation>
    </message>
    <message>
        <source>Recurrence of an ulcer that healed here at an earlier visit.</source>
        <translation>Recidief van een ulcus dat hier bij een eerder bezoek genezen was.</translation>
    </message>
    <message>
        <source>Photos: {count} ({dates})</source>
        <translation>Foto&apos;s: {count} ({dates})</translation>
    </message>
    <message>
        <source>No photo of this ulcer at this visit.</source>
        <translation>Geen foto van dit ulcus bij dit bezoek.</translation>
    </message>
    <message>
        <source>Save the map before adding a photo.</source>
        <translation>Sla de kaart op voordat u een foto toevoegt.</translation>
    </message>
    <message>
        <source>Ulcer #{n}, {place}</source>
        <translation>Ulcus #{n}, {place}</translation>
    </message>
    <message>
        <source>Photo of ulcer #{n}</source>
        <translation>Foto van ulcus #{n}</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation>Afbeeldingen (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>#{n} site</source>
        <translation>#{n} locatie</translation>
    </message>
    <message>
        <source>#{n} {field}</source>
        <translation>#{n} {field}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
    <message>
        <source>Open ulcers: {open} · healed at this visit: {healed}</source>
        <translation>Open ulcera: {open} · genezen bij dit bezoek: {healed}</translation>
    </message>
    <message>
        <source>{n} still need a length and width</source>
        <translation>bij {n} ontbreken nog lengte en breedte</translation>
    </message>
    <message>
        <source>Undo {what}</source>
        <translation>Ongedaan maken: {what}</translation>
    </message>
    <message>
        <source>Redo {what}</source>
        <translation>Opnieuw: {what}</translation>
    </message>
    <message>
        <source>Not saved yet.</source>
        <translation>Nog niet opgeslagen.</translation>
    </message>
    <message>
        <source>Not saved yet: save the map even when it is empty.</source>
        <translation>Nog niet opgeslagen: sla de kaart ook op als die leeg is.</translation>
    </message>
</context>
<context>
    <name>UlcerEditorDialog</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Niet-opgeslagen wijzigingen</translation>
    </message>
    <message>
        <source>The ulcer map has changes that are not saved. Close and discard them?</source>
        <translation>De ulcuskaart heeft niet-opgeslagen wijzigingen. Sluiten en de wijzigingen verwerpen?</translation>
    </message>
</context>
<context>
    <name>UlcerReview</name>
    <message>
        <source>Active ulcers</source>
        <translation>Actieve ulcera</translation>
    </message>
    <message>
        <source>Healed at this visit</source>
        <translation>Genezen bij dit bezoek</translation>
    </message>
    <message>
        <source>Total area (mm²)</source>
        <translation>Totale opp. (mm²)</translation>
    </message>
    <message>
        <source>Mean pain VAS (mm)</source>
        <translation>Gem. pijn-VAS (mm)</translation>
    </message>
    <message>
        <source>No pain VAS recorded for an active ulcer at this visit.</source>
        <translation>Bij dit bezoek is bij geen enkel actief ulcus een pijn-VAS vastgelegd.</translation>
    </message>
    <message>
        <source>Mean over the active ulcers with a pain VAS.</source>
        <translation>Gemiddelde over de actieve ulcera met een pijn-VAS.</translation>
    </message>
    <message>
        <source>{date} · day {day}</source>
        <translation>{date} · dag {day}</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Bezoek</translation>
    </message>
    <message>
        <source>Maps filled in</source>
        <translation>Kaarten ingevuld</translation>
    </message>
    <message>
        <source>Patients with active ulcers</source>
        <translation>Patiënten met actieve ulcera</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>In charts</source>
        <translation>In grafiek</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Locatie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Size (mm)</source>
        <translation>L × B (mm)</translation>
    </message>
    <message>
        <source>Area (mm²)</source>
        <translation>Opp. (mm²)</translation>
    </message>
    <message>
        <source>Pain VAS (mm)</source>
        <translation>Pijn-VAS</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Bijzonderheden</translation>
    </message>
    <message>
        <source>deep</source>
        <translation>diep</translation>
    </message>
    <message>
        <source>infected</source>
        <translation>geïnfecteerd</translation>
    </message>
    <message>
        <source>gangrene</source>
        <translation>gangreen</translation>
    </message>
    <message>
        <source>on calcinosis</source>
        <translation>op calcinose</translation>
    </message>
    <message>
        <source>on a pitting scar</source>
        <translation>op putjesvormig litteken</translation>
    </message>
    <message>
        <source>recurrence</source>
        <translation>recidief</translation>
    </message>
    <message>
        <source>Ulcer area per finger over time</source>
        <translation>Ulcusoppervlakte per vinger in de tijd</translation>
    </message>
    <message>
        <source>No ulcer map has been filled in for this patient yet.</source>
        <translation>Voor deze patiënt is nog geen ulcuskaart ingevuld.</translation>
    </message>
    <message>
        <source>&amp;Visit:</source>
        <translation>Be&amp;zoek:</translation>
    </message>
    <message>
        <source>&amp;Compare with:</source>
        <translation>&amp;Vergelijken met:</translation>
    </message>
    <message>
        <source>Both maps are read-only. Point at an ulcer to see its measures, or select it in the list. # is the ulcer&apos;s number on that visit&apos;s map; &quot;In charts&quot; its number in the charts.</source>
        <translation>Beide kaarten zijn alleen-lezen. Wijs een ulcus aan om de metingen te zien, of selecteer het in de lijst. # is het nummer van het ulcus op de kaart van dat bezoek; &quot;In grafiek&quot; het nummer in de grafieken.</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Grafieken</translation>
    </message>
    <message>
        <source>Compare visits</source>
        <translation>Bezoeken vergelijken</translation>
    </message>
    <message>
        <source>{visit} ({date})</source>
        <translation>{visit} ({date})</translation>
    </message>
    <message>
        <source>No visit with a filled-in ulcer map.</source>
        <translation>Geen bezoek met een ingevulde ulcuskaart.</translation>
    </message>
    <message>
        <source>{active} active · {healed} healed · total area {area} mm²</source>
        <translation>{active} actief · {healed} genezen · totaal {area} mm²</translation>
    </message>
</context>
<context>
    <name>UnsavedChangesDialog</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Niet-opgeslagen wijzigingen</translation>
    </message>
</context>
<context>
    <name>UnscheduledVisitDialog</name>
    <message>
        <source>Add unscheduled visit</source>
        <translation>Ongepland bezoek toevoegen</translation>
    </message>
    <message>
        <source>An unscheduled visit can be added on any day after the injection, up to today.</source>
        <translation>Een ongepland bezoek kan worden toegevoegd op elke dag na de injectie, tot en met vandaag.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
</context>
<context>
    <name>UserAdminWidget</name>
    <message>
        <source>Administrators only</source>
        <translation>Alleen voor beheerders</translation>
    </message>
    <message>
        <source>New user…</source>
        <translation>Nieuwe gebruiker…</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>Rol wijzigen…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Wachtwoord resetten…</translation>
    </message>
    <message>
        <source>Deactivate…</source>
        <translation>Deactiveren…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <source>Accounts are never deleted: deactivate an account that is no longer used.</source>
        <translation>Accounts worden nooit verwijderd: deactiveer een account dat niet meer wordt gebruikt.</translation>
    </message>
    <message>
        <source>{active} active of {total} accounts</source>
        <translation>{active} van {total} accounts actief</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Volledige naam</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Laatst ingelogd</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Gedeactiveerd</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Geblokkeerd</translation>
    </message>
    <message>
        <source>Must change password</source>
        <translation>Moet wachtwoord wijzigen</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actief</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nooit</translation>
    </message>
</context>
<context>
    <name>VisitForms</name>
    <message>
        <source>Select a visit to see the forms it collects.</source>
        <translation>Selecteer een bezoek om de formulieren ervan te zien.</translation>
    </message>
    <message>
        <source>Injection</source>
        <translation>Injectie</translation>
    </message>
    <message>
        <source>Vital signs</source>
        <translation>Vitale functies</translation>
    </message>
    <message>
        <source>Labs</source>
        <translation>Labuitslagen</translation>
    </message>
    <message>
        <source>Biomarkers</source>
        <translation>Biomarkers</translation>
    </message>
    <message>
        <source>Adverse event review</source>
        <translation>Controle ongewenste voorvallen</translation>
    </message>
    <message>
        <source>Medication review</source>
        <translation>Controle comedicatie</translation>
    </message>
    <message>
        <source>Missing: {forms}</source>
        <translation>Ontbreekt: {forms}</translation>
    </message>
    <message>
        <source>{visit} collects no forms.</source>
        <translation>{visit} verzamelt geen formulieren.</translation>
    </message>
    <message>
        <source>{visit} was missed: it has no forms to complete.</source>
        <translation>{visit} is gemist: er zijn geen formulieren in te vullen.</translation>
    </message>
    <message>
        <source>{visit}: record the visit first, then its forms.</source>
        <translation>{visit}: leg eerst het bezoek vast, dan de formulieren.</translation>
    </message>
    <message>
        <source>Forms of {visit} ({date})</source>
        <translation>Formulieren van {visit} ({date})</translation>
    </message>
    <message>
        <source>{form} not done</source>
        <translation>{form} niet gedaan</translation>
    </message>
    <message>
        <source>Why was {form} not done at {visit}?</source>
        <translation>Waarom is {form} niet gedaan bij {visit}?</translation>
    </message>
    <message>
        <source>Patient declined</source>
        <translation>Patiënt wilde niet</translation>
    </message>
    <message>
        <source>Not possible at this visit</source>
        <translation>Niet mogelijk bij dit bezoek</translation>
    </message>
    <message>
        <source>Sample not taken or lost</source>
        <translation>Monster niet afgenomen of verloren gegaan</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>ontbreekt</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Compleet</translation>
    </message>
    <message>
        <source>Adverse events reviewed</source>
        <translation>Ongewenste voorvallen gecontroleerd</translation>
    </message>
    <message>
        <source>Medication reviewed</source>
        <translation>Comedicatie gecontroleerd</translation>
    </message>
    <message>
        <source>Undo…</source>
        <translation>Ongedaan maken…</translation>
    </message>
    <message>
        <source>Undo this, with a reason</source>
        <translation>Dit ongedaan maken, met een reden</translation>
    </message>
    <message>
        <source>Not done…</source>
        <translation>Niet gedaan…</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>opgeslagen</translation>
    </message>
    <message>
        <source>reviewed ({user})</source>
        <translation>gecontroleerd ({user})</translation>
    </message>
    <message>
        <source>not done: {reason}</source>
        <translation>niet gedaan: {reason}</translation>
    </message>
    <message>
        <source>Ulcer map</source>
        <translation>Ulcuskaart</translation>
    </message>
</context>
<context>
    <name>VisitStatus</name>
    <message>
        <source>Planned</source>
        <translation>Gepland</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Te doen</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Achterstallig</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Uitgevoerd</translation>
    </message>
    <message>
        <source>Done, outside the window</source>
        <translation>Uitgevoerd, buiten venster</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Gemist</translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message>
        <source>Visit</source>
        <translation>Bezoek</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Streefdatum</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Venster</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Forms</source>
        <translation>Formulieren</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <source>Every form is saved, reviewed or marked not done.</source>
        <translation>Elk formulier is opgeslagen, gecontroleerd of als niet gedaan gemarkeerd.</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>compleet</translation>
    </message>
    <message>
        <source>1 form missing</source>
        <translation>1 formulier ontbreekt</translation>
    </message>
    <message>
        <source>{n} forms missing</source>
        <translation>{n} formulieren ontbreken</translation>
    </message>
</context>
<context>
    <name>VisitTimeline</name>
    <message>
        <source>Enrol…</source>
        <translation>Includeren…</translation>
    </message>
    <message>
        <source>Record visit…</source>
        <translation>Bezoek vastleggen…</translation>
    </message>
    <message>
        <source>Mark missed…</source>
        <translation>Als gemist markeren…</translation>
    </message>
    <message>
        <source>Add unscheduled visit…</source>
        <translation>Ongepland bezoek toevoegen…</translation>
    </message>
    <message>
        <source>Move injection…</source>
        <translation>Injectie verplaatsen…</translation>
    </message>
    <message>
        <source>Not enrolled</source>
        <translation>Niet geïncludeerd</translation>
    </message>
    <message>
        <source>Enrolled on {date}</source>
        <translation>Geïncludeerd op {date}</translation>
    </message>
    <message>
        <source>No screening has been recorded yet.</source>
        <translation>Er is nog geen screening vastgelegd.</translation>
    </message>
    <message>
        <source>The screening of {date} is not yet confirmed by an investigator.</source>
        <translation>De screening van {date} is nog niet bevestigd door een onderzoeker.</translation>
    </message>
    <message>
        <source>The screening of {date} found the patient not eligible.</source>
        <translation>Volgens de screening van {date} is de patiënt niet geschikt.</translation>
    </message>
    <message>
        <source>The screening of {date} was confirmed eligible; the patient can be enrolled.</source>
        <translation>De screening van {date} is als geschikt bevestigd; de patiënt kan worden geïncludeerd.</translation>
    </message>
    <message>
        <source>Injection (day 0) on {date}.</source>
        <translation>Injectie (dag 0) op {date}.</translation>
    </message>
    <message>
        <source>Injection (day 0) planned for {date}.</source>
        <translation>Injectie (dag 0) gepland op {date}.</translation>
    </message>
    <message>
        <source>{injection} Protocol {version}.</source>
        <translation>{injection} Protocol {version}.</translation>
    </message>
    <message>
        <source>Your role may view the schedule but not change it.</source>
        <translation>Uw rol mag het schema bekijken, maar niet wijzigen.</translation>
    </message>
    <message>
        <source>The injection can be moved once the patient is enrolled.</source>
        <translation>De injectie kan worden verplaatst zodra de patiënt is geïncludeerd.</translation>
    </message>
    <message>
        <source>The injection visit is recorded; to correct its date, record the visit again.</source>
        <translation>Het injectiebezoek is vastgelegd; leg het bezoek opnieuw vast om de datum ervan te corrigeren.</translation>
    </message>
    <message>
        <source>Unscheduled visits can be added once the injection is recorded.</source>
        <translation>Ongeplande bezoeken kunnen worden toegevoegd zodra de injectie is vastgelegd.</translation>
    </message>
    <message>
        <source>Move the planned injection (day 0) to another day of the screening window.</source>
        <translation>Verplaats de geplande injectie (dag 0) naar een andere dag in het screeningsvenster.</translation>
    </message>
</context>
<context>
    <name>VitalsDialog</name>
    <message>
        <source>{subject} · {visit} · vital signs</source>
        <translation>{subject} · {visit} · vitale functies</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>The vital signs have unsaved changes. Close and discard them?</source>
        <translation>De vitale functies hebben niet-opgeslagen wijzigingen. Sluiten en de wijzigingen verwerpen?</translation>
    </message>
</context>
<context>
    <name>VitalsWidget</name>
    <message>
        <source>Vital signs</source>
        <translation>Vitale functies</translation>
    </message>
    <message>
        <source>Vital signs: {moment}</source>
        <translation>Vitale functies: {moment}</translation>
    </message>
</context>
<context>
    <name>WeekOverview</name>
    <message>
        <source>This week</source>
        <translation>Deze week</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <source>Nothing is due this week.</source>
        <translation>Deze week is er niets te doen.</translation>
    </message>
    <message>
        <source>Nothing is overdue.</source>
        <translation>Er is niets achterstallig.</translation>
    </message>
    <message>
        <source>Every recorded visit is complete.</source>
        <translation>Elk vastgelegd bezoek is compleet.</translation>
    </message>
    <message>
        <source>Double-click a visit, or select it and press Enter, to open the patient.</source>
        <translation>Dubbelklik op een bezoek, of selecteer het en druk op Enter, om de patiënt te openen.</translation>
    </message>
    <message>
        <source>Recorded visits with forms missing: {count}</source>
        <translation>Vastgelegde bezoeken met ontbrekende formulieren: {count}</translation>
    </message>
    <message>
        <source>Due this week ({week}): {count}</source>
        <translation>Deze week te doen ({week}): {count}</translation>
    </message>
    <message>
        <source>Overdue: {count}</source>
        <translation>Achterstallig: {count}</translation>
    </message>
</context>
<context>
    <name>_HandBand</name>
    <message>
        <source>Left hand</source>
        <translation>Linkerhand</translation>
    </message>
    <message>
        <source>Right hand</source>
        <translation>Rechterhand</translation>
    </message>
</context>
<context>
    <name>_PasswordResultPage</name>
    <message>
        <source>Give this temporary password to the user in person. It is shown only now; the user must replace it at the first login.</source>
        <translation>Geef dit tijdelijke wachtwoord persoonlijk aan de gebruiker. Het wordt alleen nu getoond; de gebruiker moet het bij de eerste keer inloggen vervangen.</translation>
    </message>
</context>
</TS>
