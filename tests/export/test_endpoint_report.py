"""The end point report as CSV and HTML, from a hand-built report (no database, no Qt)."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
from html.parser import HTMLParser

import pytest

from sscvisit.export.endpoint_report import LABELS, generated_text, to_csv, to_html
from sscvisit.services.endpoint import EndpointAE, EndpointReport, PatientEndpoint, StudyTotals

D = dt.date
STAMP = "2026-06-01T08:15:30.123456Z"


def ae(
    subject: str,
    number: int,
    onset: dt.date,
    *,
    day: int,
    criteria: tuple[str, ...] = (),
    grade: int = 1,
    in_window: bool = True,
    term: str = "Headache",
) -> EndpointAE:
    return EndpointAE(
        patient_id=1 if subject == "SSC-001" else 2,
        subject_number=subject,
        number=number,
        term=term,
        onset_date=onset,
        study_day=day,
        serious=bool(criteria),
        criteria=criteria,
        who_grade=grade,
        relation_product="possible",
        relation_procedure="not_related",
        in_window=in_window,
    )


def sample() -> EndpointReport:
    sae = ae(
        "SSC-001",
        2,
        D(2026, 2, 12),
        day=10,
        criteria=("serious_hospitalisation", "serious_important"),
        grade=3,
        term="Cellulitis <left arm> & fever",
    )
    mild = ae("SSC-001", 1, D(2026, 2, 3), day=1)
    late = ae("SSC-002", 1, D(2026, 6, 1), day=100, in_window=False, term="Late rash")
    first = PatientEndpoint(
        patient_id=1,
        subject_number="SSC-001",
        injection_date=D(2026, 2, 2),
        window_end=D(2026, 5, 4),
        follow_up_complete=True,
        sae_count=1,
        saes=(sae,),
        events=(mild, sae),
        outside=(),
        by_grade=(0, 1, 0, 1, 0),
        by_relation_product=(0, 0, 2, 0, 0),
        by_relation_procedure=(2, 0, 0, 0, 0),
    )
    second = PatientEndpoint(
        patient_id=2,
        subject_number="SSC-002",
        injection_date=D(2026, 2, 20),
        window_end=D(2026, 5, 22),
        follow_up_complete=False,
        sae_count=0,
        saes=(),
        events=(),
        outside=(late,),
        by_grade=(0, 0, 0, 0, 0),
        by_relation_product=(0, 0, 0, 0, 0),
        by_relation_procedure=(0, 0, 0, 0, 0),
    )
    zero = (0, 0, 0, 0, 0)
    return EndpointReport(
        protocol_name="EUCTR2015-000168-32-NL",
        protocol_version="2015-default-1",
        endpoint_day=84,
        window_after=7,
        today=D(2026, 5, 10),
        generated_utc=STAMP,
        patients=(first, second),
        totals=StudyTotals(
            patients_injected=2,
            patients_complete=1,
            patients_with_sae=1,
            sae_total=1,
            ae_total=2,
            outside_total=1,
            by_grade=(0, 1, 0, 1, 0),
            by_grade_product=(zero, (0, 0, 1, 0, 0), zero, (0, 0, 1, 0, 0), zero),
            by_grade_procedure=(zero, (1, 0, 0, 0, 0), zero, (1, 0, 0, 0, 0), zero),
        ),
    )


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_csv_has_a_row_per_patient_and_a_totals_row() -> None:
    text = to_csv(sample(), "en")
    assert ";" not in text
    assert text.endswith("\r\n")
    assert text.count("\r\n") == 4  # header, two patients, totals
    header, first, second, total = rows(text)
    assert len(header) == len(first) == len(second) == len(total) == 22
    table = [dict(zip(header, row, strict=True)) for row in (first, second, total)]
    assert table[0]["Subject"] == "SSC-001"
    assert table[0]["Injection"] == "2026-02-02"
    assert table[0]["Window end"] == "2026-05-04"
    assert table[0]["Follow-up complete"] == "yes"
    assert table[0]["SAEs in window"] == "1"
    assert table[0]["AEs in window"] == "2"
    assert [table[0][f"Grade {g}"] for g in range(5)] == ["0", "1", "0", "1", "0"]
    assert table[0]["Product: Possible"] == "2"
    assert table[0]["Procedure: Not related"] == "2"
    assert table[1]["Follow-up complete"] == "no"
    assert table[1]["AEs outside window"] == "1"
    assert table[2]["Subject"] == "Total"
    assert table[2]["Follow-up complete"] == "1/2"
    assert table[2]["SAEs in window"] == "1"
    assert table[2]["Product: Possible"] == "2"
    assert table[2]["AEs outside window"] == "1"


def test_csv_in_dutch_and_other_languages_are_refused() -> None:
    header, first, *_rest, total = rows(to_csv(sample(), "nl"))
    assert header[:4] == ["Patiënt", "Injectie", "Einde venster", "Follow-up compleet"]
    assert "Product: Mogelijk" in header
    assert first[3] == "ja"
    assert total[0] == "Totaal"
    with pytest.raises(ValueError, match="'de'"):
        to_csv(sample(), "de")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables = 0
        self.text: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tables += tag == "table"
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_title:
            self.title += data


def parsed(html: str) -> _Text:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return parser


def test_html_is_a_printable_document_with_protocol_time_and_tables() -> None:
    html = to_html(sample(), "en")
    doc = parsed(html)
    text = " ".join(doc.text)
    assert "EUCTR2015-000168-32-NL" in doc.title
    assert "Protocol EUCTR2015-000168-32-NL, version 2015-default-1" in text
    assert generated_text(sample()) == "2026-06-01 08:15:30 UTC"
    assert "Generated 2026-06-01 08:15:30 UTC" in text
    assert "day 91 (week 12 at day 84 + 7 days window)" in text
    # summary, per patient, two grade x relation tables, SAE list, outside list
    assert doc.tables == 6
    assert "SSC-001" in text
    assert "SSC-002" in text
    # The term is escaped, not markup; the criteria are named.
    assert "Cellulitis <left arm> & fever" in text
    assert "&lt;left arm&gt; &amp; fever" in html
    assert "Requires or prolongs hospitalisation; Other important medical event" in text
    assert "Late rash" in text
    assert LABELS["en"]["outside_list"] in text


def test_html_in_dutch_and_without_patients() -> None:
    text = " ".join(parsed(to_html(sample(), "nl")).text)
    assert "Primair eindpunt" in text
    assert "Gemaakt op 2026-06-01 08:15:30 UTC" in text
    assert "Leidt tot (verlenging van) ziekenhuisopname" in text
    empty = dataclasses.replace(
        sample(),
        patients=(),
        totals=StudyTotals(0, 0, 0, 0, 0, 0, (0,) * 5, ((0,) * 5,) * 5, ((0,) * 5,) * 5),
    )
    text = " ".join(parsed(to_html(empty, "en")).text)
    assert "No patient has been injected yet." in text
    rows_ = rows(to_csv(empty, "en"))
    assert len(rows_) == 2  # header and totals
