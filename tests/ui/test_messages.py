"""Every cross-field rule a service can name has its own sentence."""

from __future__ import annotations

import re
from pathlib import Path

from sscvisit.model.fields import FieldError, Problem
from sscvisit.scoring.eligibility import REFRACTORINESS_PROBLEMS
from sscvisit.ui.messages import field_message

SERVICES = Path(__file__).parents[2] / "sscvisit" / "services"
GENERIC = field_message(FieldError("x", Problem.INCONSISTENT))


def _rules_named_by_services() -> set[str]:
    rules: set[str] = set()
    for path in SERVICES.glob("*.py"):
        rules.update(re.findall(r'\brule="([a-z0-9_]+)"', path.read_text(encoding="utf-8")))
    return rules


def test_every_rule_has_a_specific_message() -> None:
    rules = _rules_named_by_services() | set(REFRACTORINESS_PROBLEMS)
    assert len(rules) > 10
    generic = [
        r
        for r in sorted(rules)
        if field_message(FieldError("visit_date", Problem.INCONSISTENT, rule=r)) == GENERIC
    ]
    assert generic == []


def test_unknown_rule_falls_back_to_the_generic_sentence() -> None:
    error = FieldError("visit_date", Problem.INCONSISTENT, rule="something_new")
    assert field_message(error) == GENERIC
