"""2013 ACR/EULAR classification criteria for systemic sclerosis.

Source: van den Hoogen F, et al. 2013 classification criteria for systemic sclerosis: an American
College of Rheumatology/European League Against Rheumatism collaborative initiative. Ann Rheum Dis
2013;72:1747-1755, Table 1. Eligibility (inclusion criterion 2) needs a total score >= 9.

The rules are kept as data (weights, "count the higher only" groups, capped groups, the sufficient
item) so that a form can be built from them and the arithmetic lives in one place.

Skin thickening proximal to the MCP joints is a *sufficient* criterion: the paper says that if it is
present the patient is classified, and only if it is absent do the seven additive items apply. The
additive items add up to at most 19. When the sufficient item is present, the score is therefore
reported as the larger of its weight (9) and the additive total, which keeps the score within 0-19
and never lets an added finding lower it.
"""

from collections.abc import Collection, Mapping
from types import MappingProxyType

__all__ = [
    "ABNORMAL_PATTERNS",
    "CAPILLAROSCOPY_FINDING",
    "CAPPED_GROUPS",
    "FINDINGS",
    "HIGHER_ONLY_GROUPS",
    "MAXIMUM",
    "NOT_APPLICABLE_REASONS",
    "NO_RESULT_PATTERNS",
    "SUFFICIENT_FINDINGS",
    "THRESHOLD",
    "WEIGHTS",
    "capillaroscopy_finding",
    "classify",
    "score",
]

THRESHOLD = 9
"""Total score at or above which a patient is classified as having SSc."""

WEIGHTS: Mapping[str, int] = MappingProxyType(
    {
        "skin_thickening_proximal_mcp": 9,
        "puffy_fingers": 2,
        "sclerodactyly": 4,
        "digital_tip_ulcers": 2,
        "pitting_scars": 3,
        "telangiectasia": 2,
        "abnormal_capillaries": 2,
        "pah": 2,
        "ild": 2,
        "raynaud": 3,
        "anticentromere": 3,
        "anti_topoisomerase_i": 3,
        "anti_rna_polymerase_iii": 3,
    }
)
"""Weight of each finding code (Table 1)."""

FINDINGS: tuple[str, ...] = tuple(WEIGHTS)
"""Finding codes in the order of Table 1."""

SUFFICIENT_FINDINGS: frozenset[str] = frozenset({"skin_thickening_proximal_mcp"})
"""Findings that classify on their own; the additive items apply only in their absence."""

HIGHER_ONLY_GROUPS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "finger_skin_thickening": ("puffy_fingers", "sclerodactyly"),
        "fingertip_lesions": ("digital_tip_ulcers", "pitting_scars"),
    }
)
"""Items of which only the highest weight present counts."""

CAPPED_GROUPS: Mapping[str, tuple[tuple[str, ...], int]] = MappingProxyType(
    {
        "pah_ild": (("pah", "ild"), 2),
        "autoantibodies": (
            ("anticentromere", "anti_topoisomerase_i", "anti_rna_polymerase_iii"),
            3,
        ),
    }
)
"""Items whose summed weight is capped: group name -> (members, maximum)."""

NOT_APPLICABLE_REASONS: tuple[str, ...] = (
    "skin thickening sparing the fingers",
    "nephrogenic sclerosing fibrosis",
    "generalised morphea",
    "eosinophilic fasciitis",
    "scleredema diabeticorum",
    "scleromyxedema",
    "erythromyalgia",
    "porphyria",
    "lichen sclerosus",
    "graft-versus-host disease",
    "diabetic cheiroarthropathy",
)
"""Situations in which the criteria are not applicable (van den Hoogen 2013)."""

CAPILLAROSCOPY_FINDING = "abnormal_capillaries"
"""The finding a nailfold capillaroscopy pattern decides."""

ABNORMAL_PATTERNS: frozenset[str] = frozenset({"early", "active", "late"})
"""Scleroderma patterns (Cutolo 2000): each counts as abnormal nailfold capillaries."""

NO_RESULT_PATTERNS: frozenset[str] = frozenset({"not_done"})
"""Pattern codes that record no result."""


def _group_total(present: frozenset[str], members: tuple[str, ...], *, cap: int | None) -> int:
    weights = [WEIGHTS[code] for code in members if code in present]
    if not weights:
        return 0
    if cap is None:
        return max(weights)
    return min(cap, sum(weights))


def _additive_score(present: frozenset[str]) -> int:
    grouped: set[str] = set()
    total = 0
    for members in HIGHER_ONLY_GROUPS.values():
        grouped.update(members)
        total += _group_total(present, members, cap=None)
    for members, cap in CAPPED_GROUPS.values():
        grouped.update(members)
        total += _group_total(present, members, cap=cap)
    total += sum(
        WEIGHTS[code] for code in present if code not in grouped and code not in SUFFICIENT_FINDINGS
    )
    return total


def _validated(findings: Collection[str]) -> frozenset[str]:
    if isinstance(findings, str):
        raise TypeError(f"findings must be a collection of codes, not the string {findings!r}")
    present = frozenset(findings)
    unknown = sorted(code for code in present if code not in WEIGHTS)
    if unknown:
        raise ValueError(f"unknown ACR/EULAR finding code(s): {', '.join(map(repr, unknown))}")
    return present


MAXIMUM: int = _additive_score(frozenset(FINDINGS) - SUFFICIENT_FINDINGS)
"""Highest possible total (19): the sum of the maximum of each additive item."""


def score(findings: Collection[str]) -> int:
    """Return the ACR/EULAR 2013 total score (0-19) for the findings present.

    Duplicates are ignored. Raises ValueError naming any unknown code.
    """
    present = _validated(findings)
    additive = _additive_score(present)
    if present & SUFFICIENT_FINDINGS:
        return max(THRESHOLD, additive)
    return additive


def classify(findings: Collection[str], not_applicable: bool = False) -> bool | None:
    """Return whether the findings classify as SSc (score >= 9); None if criteria do not apply.

    The findings are validated even when the criteria are not applicable, so bad codes never pass
    silently.
    """
    total = score(findings)
    if not_applicable:
        return None
    return total >= THRESHOLD


def capillaroscopy_finding(pattern: str | None) -> bool | None:
    """Whether a capillaroscopy pattern means abnormal nailfold capillaries.

    True for a scleroderma pattern (early, active, late), False for normal, None when there is
    no result (not done, or nothing recorded). Raises ValueError for an unknown pattern code.
    """
    if pattern is None or pattern in NO_RESULT_PATTERNS:
        return None
    if pattern in ABNORMAL_PATTERNS:
        return True
    if pattern == "normal":
        return False
    raise ValueError(f"unknown capillaroscopy pattern: {pattern!r}")
