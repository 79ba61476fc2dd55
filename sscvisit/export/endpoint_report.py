"""The primary end point as CSV (for statistics) and as an HTML document (for printing and PDF).

Both take the frozen ``EndpointReport`` of ``services.endpoint`` and return text; nothing here
reads the database or imports Qt. The UI prints the HTML with ``QTextDocument.print_``, so the
document keeps to the HTML/CSS subset Qt's rich text understands (tables with border and padding
attributes, type and class selectors); a browser shows the same document.

Only subject numbers appear (the report holds no identifier). Texts are a small EN/NL mapping kept
here (``LABELS``), as in ``ulcer_charts``: the UI's Qt catalogue is not available below the UI.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Collection, Mapping, Sequence
from html import escape
from types import MappingProxyType

from sscvisit.services import clock
from sscvisit.services.endpoint import (
    CRITERIA,
    GRADES,
    RELATIONS,
    EndpointAE,
    EndpointReport,
    PatientEndpoint,
)

__all__ = ["LABELS", "LANGUAGES", "generated_text", "to_csv", "to_html"]

LANGUAGES: tuple[str, ...] = ("en", "nl")

LABELS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "en": MappingProxyType(
            {
                "title": "Primary end point: serious adverse events up to week 12",
                "protocol": "Protocol {name}, version {version}",
                "generated": "Generated {stamp}",
                "as_of": "Follow-up as of {date}",
                "window": "End point window: the injection (day 0) to day {last} (week 12 at day "
                "{day} + {after} days window), both inclusive. AEs are counted by onset date; "
                "voided AEs are not counted.",
                "summary": "Summary",
                "injected": "Patients injected",
                "complete": "Follow-up to the window end complete",
                "with_sae": "Patients with at least one SAE",
                "sae_total": "SAEs in the window (primary end point)",
                "ae_total": "AEs in the window",
                "outside_total": "AEs outside the window",
                "per_patient": "Per patient",
                "subject": "Subject",
                "injection": "Injection",
                "window_end": "Window end",
                "follow_up": "Follow-up complete",
                "saes": "SAEs in window",
                "aes": "AEs in window",
                "grade": "Grade {grade}",
                "outside": "AEs outside window",
                "total": "Total",
                "yes": "yes",
                "no": "no",
                "by_product": "AEs in the window by WHO grade and relation to the MSC product",
                "by_procedure": "AEs in the window by WHO grade and relation to the injection "
                "procedure",
                "who_grade": "WHO grade",
                "sae_list": "SAEs in the window",
                "outside_list": "AEs outside the window (not in the counts)",
                "ae": "AE",
                "term": "Term",
                "onset": "Onset",
                "day": "Day",
                "criteria": "Seriousness",
                "product": "MSC product",
                "procedure": "Procedure",
                "serious": "Serious",
                "none": "None.",
                "no_patients": "No patient has been injected yet.",
                "csv_product": "Product: {relation}",
                "csv_procedure": "Procedure: {relation}",
            }
        ),
        "nl": MappingProxyType(
            {
                "title": "Primair eindpunt: ernstige ongewenste voorvallen (SAE's) tot week 12",
                "protocol": "Protocol {name}, versie {version}",
                "generated": "Gemaakt op {stamp}",
                "as_of": "Follow-up per {date}",
                "window": "Eindpuntvenster: de injectie (dag 0) tot en met dag {last} (week 12 op "
                "dag {day} + {after} dagen venster). Ongewenste voorvallen tellen op hun "
                "begindatum; ongeldig verklaarde voorvallen tellen niet mee.",
                "summary": "Samenvatting",
                "injected": "Patiënten geïnjecteerd",
                "complete": "Follow-up tot het einde van het venster compleet",
                "with_sae": "Patiënten met ten minste één SAE",
                "sae_total": "SAE's in het venster (primair eindpunt)",
                "ae_total": "Ongewenste voorvallen in het venster",
                "outside_total": "Ongewenste voorvallen buiten het venster",
                "per_patient": "Per patiënt",
                "subject": "Patiënt",
                "injection": "Injectie",
                "window_end": "Einde venster",
                "follow_up": "Follow-up compleet",
                "saes": "SAE's in venster",
                "aes": "AE's in venster",
                "grade": "Graad {grade}",
                "outside": "AE's buiten venster",
                "total": "Totaal",
                "yes": "ja",
                "no": "nee",
                "by_product": "Ongewenste voorvallen in het venster naar WHO-graad en relatie met "
                "het MSC-product",
                "by_procedure": "Ongewenste voorvallen in het venster naar WHO-graad en relatie "
                "met de injectieprocedure",
                "who_grade": "WHO-graad",
                "sae_list": "SAE's in het venster",
                "outside_list": "Ongewenste voorvallen buiten het venster (niet meegeteld)",
                "ae": "AE",
                "term": "Omschrijving",
                "onset": "Begindatum",
                "day": "Dag",
                "criteria": "Ernst",
                "product": "MSC-product",
                "procedure": "Procedure",
                "serious": "Ernstig",
                "none": "Geen.",
                "no_patients": "Er is nog geen patiënt geïnjecteerd.",
                "csv_product": "Product: {relation}",
                "csv_procedure": "Procedure: {relation}",
            }
        ),
    }
)
"""Report texts per language. Keys are stable; the values are what the reader sees."""


def _labels(language: str) -> Mapping[str, str]:
    if language not in LANGUAGES:
        raise ValueError(f"no report texts in language {language!r}")
    return LABELS[language]


def relation_label(code: str, language: str) -> str:
    for relation in RELATIONS:
        if relation.value == code:
            return relation.label_nl if language == "nl" else relation.label_en
    return code


def criterion_label(name: str, language: str) -> str:
    for field in CRITERIA:
        if field.name == name:
            return field.label_nl if language == "nl" else field.label_en
    return name


def generated_text(report: EndpointReport) -> str:
    """The generation time, to the second, in UTC: "2026-05-04 09:30:12 UTC"."""
    moment = clock.parse_stamp(report.generated_utc)
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC")


def _date(day: dt.date) -> str:
    return day.isoformat()


# -- CSV -------------------------------------------------------------------------------------


def to_csv(report: EndpointReport, language: str) -> str:
    """One row per injected patient and a totals row (RFC 4180: commas, CRLF, UTF-8 text)."""
    t = _labels(language)
    relations = [relation_label(r.value, language) for r in RELATIONS]
    header = [
        t["subject"],
        t["injection"],
        t["window_end"],
        t["follow_up"],
        t["saes"],
        t["aes"],
        *(t["grade"].format(grade=g) for g in GRADES),
        *(t["csv_product"].format(relation=r) for r in relations),
        *(t["csv_procedure"].format(relation=r) for r in relations),
        t["outside"],
    ]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    for patient in report.patients:
        writer.writerow(
            [
                patient.subject_number,
                _date(patient.injection_date),
                _date(patient.window_end),
                t["yes"] if patient.follow_up_complete else t["no"],
                patient.sae_count,
                patient.ae_count,
                *patient.by_grade,
                *patient.by_relation_product,
                *patient.by_relation_procedure,
                len(patient.outside),
            ]
        )
    totals = report.totals
    writer.writerow(
        [
            t["total"],
            "",
            "",
            f"{totals.patients_complete}/{totals.patients_injected}",
            totals.sae_total,
            totals.ae_total,
            *totals.by_grade,
            *(sum(row[i] for row in totals.by_grade_product) for i in range(len(RELATIONS))),
            *(sum(row[i] for row in totals.by_grade_procedure) for i in range(len(RELATIONS))),
            totals.outside_total,
        ]
    )
    return out.getvalue()


# -- HTML ------------------------------------------------------------------------------------

_STYLE = """
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 9pt; color: #000000; }
h1 { font-size: 15pt; margin-bottom: 2px; }
h2 { font-size: 11pt; margin-top: 14px; margin-bottom: 4px; }
p { margin-top: 2px; margin-bottom: 2px; }
p.meta { color: #404040; }
table { border-collapse: collapse; margin-bottom: 6px; }
th { background-color: #e6e6e6; font-weight: bold; text-align: left; }
td.n, th.n { text-align: right; }
td.d { white-space: nowrap; }
tr.total td { font-weight: bold; background-color: #f2f2f2; }
td.sae { font-weight: bold; color: #b71c1c; }
"""

_TABLE = '<table border="1" cellspacing="0" cellpadding="3" width="100%">'


def _cell(text: object, *, numeric: bool = False, css: str = "", nowrap: bool = False) -> str:
    classes = " ".join(c for c in ("n" if numeric else "", css, "d" if nowrap else "") if c)
    attribute = f' class="{classes}"' if classes else ""
    align = ' align="right"' if numeric else ""
    keep = " nowrap" if nowrap or numeric else ""
    return f"<td{attribute}{align}{keep}>{escape(str(text))}</td>"


def _day(day: dt.date) -> str:
    return _cell(_date(day), nowrap=True)


def _head(titles: Sequence[str], numeric: Collection[int]) -> str:
    """The header row; the ``numeric`` columns are right-aligned like their numbers."""
    cells = "".join(
        f'<th class="n" align="right">{escape(title)}</th>'
        if i in numeric
        else f"<th>{escape(title)}</th>"
        for i, title in enumerate(titles)
    )
    return f"<thead><tr>{cells}</tr></thead>"


def _summary(report: EndpointReport, t: Mapping[str, str]) -> str:
    totals = report.totals
    rows = [
        (t["injected"], totals.patients_injected),
        (t["complete"], f"{totals.patients_complete}/{totals.patients_injected}"),
        (t["with_sae"], totals.patients_with_sae),
        (t["sae_total"], totals.sae_total),
        (t["ae_total"], totals.ae_total),
        (t["outside_total"], totals.outside_total),
    ]
    body = "".join(
        f"<tr><td>{escape(label)}</td>{_cell(value, numeric=True)}</tr>" for label, value in rows
    )
    return f'<table border="1" cellspacing="0" cellpadding="3">{body}</table>'


def _patient_row(patient: PatientEndpoint, t: Mapping[str, str]) -> str:
    cells = [
        _cell(patient.subject_number, nowrap=True),
        _day(patient.injection_date),
        _day(patient.window_end),
        _cell(t["yes"] if patient.follow_up_complete else t["no"]),
        _cell(patient.sae_count, numeric=True, css="sae" if patient.sae_count else ""),
        _cell(patient.ae_count, numeric=True),
        *(_cell(n, numeric=True) for n in patient.by_grade),
        _cell(len(patient.outside), numeric=True),
    ]
    return f"<tr>{''.join(cells)}</tr>"


def _patients(report: EndpointReport, t: Mapping[str, str]) -> str:
    if not report.patients:
        return f"<p>{escape(t['no_patients'])}</p>"
    titles = [
        t["subject"],
        t["injection"],
        t["window_end"],
        t["follow_up"],
        t["saes"],
        t["aes"],
        *(t["grade"].format(grade=g) for g in GRADES),
        t["outside"],
    ]
    totals = report.totals
    total = [
        _cell(t["total"]),
        _cell(""),
        _cell(""),
        _cell(f"{totals.patients_complete}/{totals.patients_injected}"),
        _cell(totals.sae_total, numeric=True),
        _cell(totals.ae_total, numeric=True),
        *(_cell(n, numeric=True) for n in totals.by_grade),
        _cell(totals.outside_total, numeric=True),
    ]
    rows = "".join(_patient_row(p, t) for p in report.patients)
    return (
        f"{_TABLE}{_head(titles, range(4, len(titles)))}<tbody>{rows}"
        f'<tr class="total">{"".join(total)}</tr></tbody></table>'
    )


def _matrix(matrix: Sequence[Sequence[int]], t: Mapping[str, str], language: str) -> str:
    titles = [
        t["who_grade"],
        *(relation_label(r.value, language) for r in RELATIONS),
        t["total"],
    ]
    rows = []
    for grade, counts in zip(GRADES, matrix, strict=True):
        cells = [_cell(grade), *(_cell(n, numeric=True) for n in counts)]
        cells.append(_cell(sum(counts), numeric=True))
        rows.append(f"<tr>{''.join(cells)}</tr>")
    columns = [sum(row[i] for row in matrix) for i in range(len(RELATIONS))]
    total = [
        _cell(t["total"]),
        *(_cell(n, numeric=True) for n in columns),
        _cell(sum(columns), numeric=True),
    ]
    rows.append(f'<tr class="total">{"".join(total)}</tr>')
    return f"{_TABLE}{_head(titles, range(1, len(titles)))}<tbody>{''.join(rows)}</tbody></table>"


def _events(
    events: Sequence[EndpointAE], t: Mapping[str, str], language: str, *, serious_column: bool
) -> str:
    if not events:
        return f"<p>{escape(t['none'])}</p>"
    titles = [
        t["subject"],
        t["ae"],
        t["term"],
        t["onset"],
        t["day"],
        t["who_grade"],
        t["product"],
        t["procedure"],
        t["serious"] if serious_column else t["criteria"],
    ]
    rows = []
    for event in events:
        criteria = "; ".join(criterion_label(c, language) for c in event.criteria)
        if serious_column:
            criteria = t["yes"] if event.serious else t["no"]
        cells = [
            _cell(event.subject_number, nowrap=True),
            _cell(event.number, numeric=True),
            _cell(event.term),
            _day(event.onset_date),
            _cell(event.study_day, numeric=True),
            _cell(event.who_grade, numeric=True),
            _cell(relation_label(event.relation_product, language)),
            _cell(relation_label(event.relation_procedure, language)),
            _cell(criteria),
        ]
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return f"{_TABLE}{_head(titles, (1, 4, 5))}<tbody>{''.join(rows)}</tbody></table>"


def to_html(report: EndpointReport, language: str) -> str:
    """A printable document: title with the protocol, generation time (UTC), the tables."""
    t = _labels(language)
    title = t["title"]
    outside = [event for patient in report.patients for event in patient.outside]
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{language}"><head><meta charset="utf-8">',
        f"<title>{escape(title)} — {escape(report.protocol_name)}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        '<p class="meta">'
        + escape(t["protocol"].format(name=report.protocol_name, version=report.protocol_version))
        + "<br>"
        + escape(t["generated"].format(stamp=generated_text(report)))
        + " · "
        + escape(t["as_of"].format(date=_date(report.today)))
        + "</p>",
        "<p>"
        + escape(
            t["window"].format(
                last=report.last_day, day=report.endpoint_day, after=report.window_after
            )
        )
        + "</p>",
        f"<h2>{escape(t['summary'])}</h2>",
        _summary(report, t),
        f"<h2>{escape(t['per_patient'])}</h2>",
        _patients(report, t),
        # The grade x relation tables and the SAE list start a page of their own.
        f'<h2 style="page-break-before: always">{escape(t["by_product"])}</h2>',
        _matrix(report.totals.by_grade_product, t, language),
        f"<h2>{escape(t['by_procedure'])}</h2>",
        _matrix(report.totals.by_grade_procedure, t, language),
        f"<h2>{escape(t['sae_list'])}</h2>",
        _events(report.saes, t, language, serious_column=False),
        f"<h2>{escape(t['outside_list'])}</h2>",
        _events(outside, t, language, serious_column=True),
        "</body></html>",
    ]
    return "\n".join(parts)
