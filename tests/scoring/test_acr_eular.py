"""Tests of the 2013 ACR/EULAR SSc classification score (van den Hoogen 2013, Table 1)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sscvisit.scoring import acr_eular
from sscvisit.scoring.acr_eular import (
    CAPPED_GROUPS,
    FINDINGS,
    HIGHER_ONLY_GROUPS,
    MAXIMUM,
    SUFFICIENT_FINDINGS,
    THRESHOLD,
    WEIGHTS,
    classify,
    score,
)

ADDITIVE = tuple(code for code in FINDINGS if code not in SUFFICIENT_FINDINGS)
ANTIBODIES = ("anticentromere", "anti_topoisomerase_i", "anti_rna_polymerase_iii")

subsets = st.sets(st.sampled_from(FINDINGS))


def reference_score(findings: set[str]) -> int:
    """Table 1 written out item by item, independently of the data-driven implementation."""
    total = 0
    if "sclerodactyly" in findings:
        total += 4
    elif "puffy_fingers" in findings:
        total += 2
    if "pitting_scars" in findings:
        total += 3
    elif "digital_tip_ulcers" in findings:
        total += 2
    if "telangiectasia" in findings:
        total += 2
    if "abnormal_capillaries" in findings:
        total += 2
    if "pah" in findings or "ild" in findings:
        total += 2
    if "raynaud" in findings:
        total += 3
    if findings & set(ANTIBODIES):
        total += 3
    if "skin_thickening_proximal_mcp" in findings:
        total = max(total, 9)
    return total


# --- worked examples -----------------------------------------------------------------------------


def test_domain_worked_example_puffy_sclerodactyly_raynaud_anticentromere_is_10() -> None:
    findings = {"puffy_fingers", "sclerodactyly", "raynaud", "anticentromere"}
    assert score(findings) == 4 + 3 + 3 == 10
    assert classify(findings) is True


def test_no_findings_score_zero_not_classified() -> None:
    assert score([]) == 0
    assert classify([]) is False


@pytest.mark.parametrize("code", FINDINGS)
def test_each_finding_alone_scores_its_weight(code: str) -> None:
    assert score([code]) == WEIGHTS[code]


@pytest.mark.parametrize(
    ("code", "weight"),
    [
        ("skin_thickening_proximal_mcp", 9),
        ("puffy_fingers", 2),
        ("sclerodactyly", 4),
        ("digital_tip_ulcers", 2),
        ("pitting_scars", 3),
        ("telangiectasia", 2),
        ("abnormal_capillaries", 2),
        ("pah", 2),
        ("ild", 2),
        ("raynaud", 3),
        ("anticentromere", 3),
        ("anti_topoisomerase_i", 3),
        ("anti_rna_polymerase_iii", 3),
    ],
)
def test_weights_match_table_1(code: str, weight: int) -> None:
    assert WEIGHTS[code] == weight


def test_findings_are_in_table_order() -> None:
    assert FINDINGS == (
        "skin_thickening_proximal_mcp",
        "puffy_fingers",
        "sclerodactyly",
        "digital_tip_ulcers",
        "pitting_scars",
        "telangiectasia",
        "abnormal_capillaries",
        "pah",
        "ild",
        "raynaud",
        "anticentromere",
        "anti_topoisomerase_i",
        "anti_rna_polymerase_iii",
    )
    assert set(WEIGHTS) == set(FINDINGS)


# --- group rules ---------------------------------------------------------------------------------


def test_puffy_fingers_and_sclerodactyly_count_the_higher_only() -> None:
    assert score(["puffy_fingers", "sclerodactyly"]) == 4


def test_tip_ulcers_and_pitting_scars_count_the_higher_only() -> None:
    assert score(["digital_tip_ulcers", "pitting_scars"]) == 3


def test_pah_and_ild_together_count_two() -> None:
    assert score(["pah", "ild"]) == 2


@pytest.mark.parametrize(
    "antibodies",
    [
        ANTIBODIES[:2],
        ANTIBODIES[1:],
        (ANTIBODIES[0], ANTIBODIES[2]),
        ANTIBODIES,
    ],
)
def test_autoantibodies_count_at_most_three(antibodies: tuple[str, ...]) -> None:
    assert score(antibodies) == 3


def test_groups_are_data_and_disjoint() -> None:
    members = [code for group in HIGHER_ONLY_GROUPS.values() for code in group]
    members += [code for group, _cap in CAPPED_GROUPS.values() for code in group]
    assert len(members) == len(set(members))
    assert set(members) <= set(WEIGHTS)
    assert not set(members) & SUFFICIENT_FINDINGS
    assert HIGHER_ONLY_GROUPS["finger_skin_thickening"] == ("puffy_fingers", "sclerodactyly")
    assert HIGHER_ONLY_GROUPS["fingertip_lesions"] == ("digital_tip_ulcers", "pitting_scars")
    assert CAPPED_GROUPS["pah_ild"] == (("pah", "ild"), 2)
    assert CAPPED_GROUPS["autoantibodies"] == (ANTIBODIES, 3)


# --- sufficient item, threshold and maximum ------------------------------------------------------


def test_proximal_skin_thickening_alone_is_sufficient() -> None:
    assert score(["skin_thickening_proximal_mcp"]) == 9
    assert classify(["skin_thickening_proximal_mcp"]) is True


def test_proximal_skin_thickening_with_few_additive_items_stays_nine() -> None:
    assert score(["skin_thickening_proximal_mcp", "raynaud"]) == 9


def test_proximal_skin_thickening_never_hides_a_higher_additive_total() -> None:
    assert score([*ADDITIVE, "skin_thickening_proximal_mcp"]) == 19


def test_maximum_is_19_and_reached_by_all_findings() -> None:
    assert MAXIMUM == 19
    assert score(FINDINGS) == MAXIMUM
    assert score(ADDITIVE) == MAXIMUM
    best_of_each_item = [
        "sclerodactyly",
        "pitting_scars",
        "telangiectasia",
        "abnormal_capillaries",
        "pah",
        "raynaud",
        "anticentromere",
    ]
    assert score(best_of_each_item) == 19


def test_threshold_is_nine() -> None:
    assert THRESHOLD == 9
    assert acr_eular.THRESHOLD == THRESHOLD


def test_score_eight_is_not_classified() -> None:
    findings = ["sclerodactyly", "telangiectasia", "abnormal_capillaries"]
    assert score(findings) == 8
    assert classify(findings) is False


def test_score_nine_is_classified() -> None:
    findings = ["sclerodactyly", "raynaud", "digital_tip_ulcers"]
    assert score(findings) == 9
    assert classify(findings) is True


def test_duplicates_and_container_type_do_not_matter() -> None:
    codes = ["raynaud", "raynaud", "anticentromere"]
    assert score(codes) == score(tuple(codes)) == score(frozenset(codes)) == 6


# --- not applicable ------------------------------------------------------------------------------


def test_not_applicable_gives_none_even_with_a_high_score() -> None:
    assert classify(FINDINGS, not_applicable=True) is None
    assert classify([], not_applicable=True) is None


def test_not_applicable_still_validates_codes() -> None:
    with pytest.raises(ValueError, match="bogus"):
        classify(["bogus"], not_applicable=True)


# --- errors --------------------------------------------------------------------------------------


def test_unknown_code_raises_naming_it() -> None:
    with pytest.raises(ValueError, match="'raynauds'"):
        score(["raynaud", "raynauds"])


def test_all_unknown_codes_are_named() -> None:
    with pytest.raises(ValueError, match=r"'alpha'.*'beta'"):
        score(["beta", "alpha", "raynaud"])


def test_unknown_code_raises_in_classify() -> None:
    with pytest.raises(ValueError, match="'Raynaud'"):
        classify(["Raynaud"])


def test_single_string_is_rejected_not_split_into_letters() -> None:
    with pytest.raises(TypeError, match="raynaud"):
        score("raynaud")


# --- properties ----------------------------------------------------------------------------------


@given(subsets)
def test_score_is_within_range(findings: set[str]) -> None:
    assert 0 <= score(findings) <= MAXIMUM


@given(subsets)
def test_score_matches_item_by_item_reference(findings: set[str]) -> None:
    assert score(findings) == reference_score(findings)


@given(subsets, st.sampled_from(FINDINGS))
def test_adding_a_finding_never_lowers_the_score(findings: set[str], extra: str) -> None:
    assert score(findings | {extra}) >= score(findings)


@given(subsets)
def test_classification_is_score_at_least_threshold(findings: set[str]) -> None:
    assert classify(findings) is (score(findings) >= THRESHOLD)
    assert classify(findings, not_applicable=True) is None


@given(subsets)
def test_proximal_skin_thickening_always_classifies(findings: set[str]) -> None:
    assert classify(findings | {"skin_thickening_proximal_mcp"}) is True


# --- capillaroscopy pattern -> "abnormal nailfold capillaries" ----------------------------------


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("early", True),
        ("active", True),
        ("late", True),
        ("normal", False),
        ("not_done", None),
        (None, None),
    ],
)
def test_capillaroscopy_finding(pattern: str | None, expected: bool | None) -> None:
    assert acr_eular.capillaroscopy_finding(pattern) is expected


def test_capillaroscopy_finding_rejects_unknown_pattern() -> None:
    with pytest.raises(ValueError, match="bogus"):
        acr_eular.capillaroscopy_finding("bogus")


def test_capillaroscopy_finding_names_a_weighted_finding() -> None:
    assert acr_eular.WEIGHTS[acr_eular.CAPILLAROSCOPY_FINDING] == 2
