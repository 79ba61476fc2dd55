"""A deterministic demo study: synthetic patients with made-up names, one user per role.

Later features extend ``create_demo`` with their own data. Everything goes through the same
services as real work, so the demo's audit trail is a real, verifiable chain.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sscvisit.services import auth, patients
from sscvisit.services.dto import UserInfo
from sscvisit.services.study import Study

SEED = 20151
DEMO_USERS: dict[str, tuple[str, str, str]] = {
    # role: (user name, full name, password)
    "admin": ("admin", "Anke Beheer", "demo-admin-2026"),
    "nurse": ("nurse", "Nina de Vries", "demo-nurse-2026"),
    "investigator": ("investigator", "dr. Ivo Bakker", "demo-investigator-2026"),
    "monitor": ("monitor", "Mo Jansen-Smit", "demo-monitor-2026"),
}
_FAMILY = (
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Kramer",
    "van Dam",
    "Verhoeven",
    "Koster",
    "Prins",
    "Huisman",
    "Kok",
    "Jacobs",
    "Willems",
    "van der Linden",
)
_GIVEN_F = ("Anna", "Maria", "Eva", "Sanne", "Lotte", "Femke", "Ingrid", "Petra", "Marloes", "Joke")
_GIVEN_M = ("Jan", "Pieter", "Kees", "Bram", "Thijs", "Ruud", "Henk", "Sander", "Wouter", "Erik")
FIRST_CONSENT = dt.date(2025, 9, 1)


@dataclass(frozen=True)
class DemoStudy:
    users: dict[str, UserInfo]
    patient_count: int


def demo_registrations(count: int, seed: int = SEED) -> list[patients.Registration]:
    rng = random.Random(seed)
    made: list[patients.Registration] = []
    for index in range(count):
        female = rng.random() < 0.8  # SSc affects women about four times as often
        born = dt.date(rng.randint(1962, 2005), rng.randint(1, 12), rng.randint(1, 28))
        consent = FIRST_CONSENT + dt.timedelta(days=(index * 13) % 420 + rng.randint(0, 6))
        made.append(
            patients.Registration(
                sex="F" if female else "M",
                birth_year=born.year,
                consent_date=consent,
                consent_version="v2.1" if consent < dt.date(2026, 3, 1) else "v3.0",
                family_name=rng.choice(_FAMILY),
                given_names=rng.choice(_GIVEN_F if female else _GIVEN_M),
                date_of_birth=born,
                hospital_number=f"{7_300_000 + index * 37:08d}",
            )
        )
    return made


def create_demo(study: Study, *, patient_count: int = 24) -> DemoStudy:
    """Fill an empty study database with the demo users and patients."""
    admin_name, admin_full, admin_pw = DEMO_USERS["admin"]
    auth.create_first_admin(study, admin_name, admin_full, admin_pw)
    admin = auth.login(study, admin_name, admin_pw)
    users = {"admin": admin}
    for role in ("nurse", "investigator", "monitor"):
        name, full, password = DEMO_USERS[role]
        auth.create_user(study, admin, name, full, role, password + "-temp")
        first = auth.login(study, name, password + "-temp")
        users[role] = auth.change_password(study, first, password + "-temp", password)
    nurse = users["nurse"]
    rows = patients.register_many(study, nurse, demo_registrations(patient_count))
    if len(rows) >= 3:
        # A little history, so the audit trail shows corrections and a voided registration.
        patients.update_patient(
            study, nurse, rows[1].id, {"consent_version": "v2.2"}, "Source document corrected"
        )
        patients.void_patient(study, nurse, rows[2].id, "Registered twice by mistake")
    return DemoStudy(users, len(rows))


def login_demo(study: Study, role: str = "nurse") -> UserInfo:
    name, _full, password = DEMO_USERS[role]
    return auth.login(study, name, password)
